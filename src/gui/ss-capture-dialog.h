/* ss-capture-dialog.h: Capture → Options, the interfaces (asked from the helper), the capture
 * filter, eBPF with its filter, and the snapshot length; Start begins a live capture
 * (ss-live-capture.h) in the window. */
#pragma once

#include <gtk/gtk.h>

#include "ss-window.h"

G_BEGIN_DECLS

#define SS_TYPE_CAPTURE_DIALOG (ss_capture_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsCaptureDialog, ss_capture_dialog, SS, CAPTURE_DIALOG, GtkWindow)

SsCaptureDialog *ss_capture_dialog_new           (SsWindow        *win);
/* The interface names listed (borrowed, NULL-terminated). */
const char * const *ss_capture_dialog_get_interfaces (SsCaptureDialog *self);
/* Selects only interface @name; FALSE when it is not listed. */
gboolean         ss_capture_dialog_select_interface (SsCaptureDialog *self,
                                                     const char      *name);
void             ss_capture_dialog_set_capture_filter (SsCaptureDialog *self,
                                                       const char      *filter);
/* What the Start button does: starts the capture and closes the dialog; FALSE (the dialog
 * says why) when it could not start. */
gboolean         ss_capture_dialog_start         (SsCaptureDialog *self);

G_END_DECLS
