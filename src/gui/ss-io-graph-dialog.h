/* ss-io-graph-dialog.h: Statistics → I/O Graph
 *
 * Packets, bytes or bits per interval (1 ms to 10 min) of up to two series, each with its own
 * display filter (the first starts with the main window's), drawn with cairo from the series
 * src/stats computes (ss-series.h, SsIoGraph): the first as bars, the second as a line.
 */
#pragma once

#include "ss-series.h"
#include "ss-stat-dialog.h"

G_BEGIN_DECLS

#define SS_TYPE_IO_GRAPH_DIALOG (ss_io_graph_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsIoGraphDialog, ss_io_graph_dialog, SS, IO_GRAPH_DIALOG, SsStatDialog)

GtkWidget       *ss_io_graph_dialog_new          (GtkWindow       *parent,
                                                  SsDocument      *doc,
                                                  const char      *filter);
/* Sets the interval, the Y unit and the second series' filter ("" for none) and counts again
 * (as the controls do). */
void             ss_io_graph_dialog_configure    (SsIoGraphDialog *self,
                                                  gint64           interval_ns,
                                                  SsIoGraphY       y,
                                                  const char      *filter2);
/* The series shown (for tests), NULL before the first result. */
const SsIoGraph *ss_io_graph_dialog_get_graph    (SsIoGraphDialog *self);

G_END_DECLS
