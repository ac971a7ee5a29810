/* ss-stat-dialog.h: what every statistics window shares
 *
 * A window with a display-filter entry (filled with the main window's filter, as Wireshark
 * does), an Apply button, the result and a Close button. The statistic (from src/stats) sees
 * every packet of the file in a worker thread, in frame order, and applies the filter itself,
 * as tshark's `-z STAT,...,FILTER` does; meanwhile a progress bar stands in for the result.
 *
 * Subclasses (Service Response Time, Conversations, I/O Graph, ...) make the statistic, name its
 * fields and feed it packets (the last two in the worker), then show its result.
 */
#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_STAT_DIALOG (ss_stat_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (SsStatDialog, ss_stat_dialog, SS, STAT_DIALOG, GtkWindow)

struct _SsStatDialogClass
{
  GtkWindowClass parent_class;

  /* Main thread: (re)makes the statistic for @filter ("" for none). */
  gboolean (*prepare) (SsStatDialog    *self,
                       const char      *filter,
                       GError         **error);
  /* Worker thread: asks the engine for the statistic's fields, then every packet in order. */
  void     (*want)    (SsStatDialog    *self,
                       SsEngine        *engine);
  void     (*packet)  (SsStatDialog    *self,
                       const SsPacket  *pkt);
  /* Main thread: shows the result. */
  void     (*finish)  (SsStatDialog    *self);
};

/* Subclasses call this once from their constructor: starts the first run. */
void        ss_stat_dialog_start              (SsStatDialog *self,
                                               SsDocument   *doc,
                                               const char   *filter);
/* Runs the statistic again with the filter entry's text. */
void        ss_stat_dialog_rerun              (SsStatDialog *self);
SsDocument *ss_stat_dialog_get_document       (SsStatDialog *self);
/* The result's place. */
void        ss_stat_dialog_set_content        (SsStatDialog *self,
                                               GtkWidget    *content);
/* A control after the filter entry (interval, stream, direction...). */
void        ss_stat_dialog_add_control        (SsStatDialog *self,
                                               GtkWidget    *control);
void        ss_stat_dialog_set_filter_visible (SsStatDialog *self,
                                               gboolean      visible);
/* The line at the bottom (what was counted). */
void        ss_stat_dialog_set_summary        (SsStatDialog *self,
                                               const char   *text);
const char *ss_stat_dialog_get_summary        (SsStatDialog *self);
/* Whether the last run is over and shown (for tests). */
gboolean    ss_stat_dialog_is_ready           (SsStatDialog *self);
/* The filter of the result shown. */
const char *ss_stat_dialog_get_filter         (SsStatDialog *self);

G_END_DECLS
