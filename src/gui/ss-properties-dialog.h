/* ss-properties-dialog.h: Statistics → Capture File Properties */
#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_PROPERTIES_DIALOG (ss_properties_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsPropertiesDialog, ss_properties_dialog, SS, PROPERTIES_DIALOG, GtkWindow)

/* @n_displayed and @filter describe what the packet list shows now. */
GtkWidget *ss_properties_dialog_new      (GtkWindow   *parent,
                                          SsDocument  *doc,
                                          guint        n_displayed,
                                          const char  *filter);
/* The report as plain text (what Copy to Clipboard copies). */
const char *ss_properties_dialog_get_text (SsPropertiesDialog *self);

G_END_DECLS
