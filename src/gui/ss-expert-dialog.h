/* ss-expert-dialog.h: Analyze → Expert Information
 *
 * Every Expert Information item of the displayed packets, grouped as Wireshark groups them
 * (severity, summary, group, protocol) with a count; opening a group lists its packets, and
 * activating one selects it in the main window. The items are gathered by a worker that
 * dissects the packets with only the expert fields wanted.
 */
#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_EXPERT_DIALOG (ss_expert_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsExpertDialog, ss_expert_dialog, SS, EXPERT_DIALOG, GtkWindow)

/* @frames: the displayed frames (the dialog takes it), NULL for all; @filter: their filter. */
GtkWidget  *ss_expert_dialog_new           (GtkWindow   *parent,
                                            SsDocument  *doc,
                                            GArray      *frames,
                                            const char  *filter);
/* Whether the items are gathered (for tests). */
gboolean    ss_expert_dialog_is_ready      (SsExpertDialog *self);
/* The groups shown (a GListModel of the rows' objects; for tests). */
GListModel *ss_expert_dialog_get_groups    (SsExpertDialog *self);
/* Total items of each severity (1 chat ... 4 error). */
guint       ss_expert_dialog_get_count     (SsExpertDialog *self,
                                            guint           severity);

G_END_DECLS
