/* ss-io-graph-dialog.h: Statistics → I/O Graph
 *
 * Packets, bytes or bits per interval (1 ms to 10 min) of any number of series, each with its
 * own display filter, drawn with cairo from the series src/stats computes (ss-series.h,
 * SsIoGraph). The first series is the window's filter (the main window's to start with), drawn
 * as bars; below the graph, as in Wireshark, a row per further series: on or off, its filter
 * (empty: all packets), its style (line, bars or dots), its Y (the graph's unit, packets, bytes,
 * bits, or SUM, MIN, MAX, AVG or COUNT FIELDS of a Y field, as tshark's `-z io,stat` columns)
 * and a button that removes it; "+" adds a row.
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
/* Sets the interval, the Y unit and the second series' filter ("" for none: no further series;
 * otherwise it is the only further row) and counts again (as the controls do). */
void             ss_io_graph_dialog_configure    (SsIoGraphDialog *self,
                                                  gint64           interval_ns,
                                                  SsIoGraphY       y,
                                                  const char      *filter2);
/* Adds a row of a further series with @filter ("" for all packets) and counts again (as "+"
 * and typing a filter do); returns the row's index. */
guint            ss_io_graph_dialog_add_series   (SsIoGraphDialog *self,
                                                  const char      *filter);
/* Removes row @row (as its button does) and counts again. */
void             ss_io_graph_dialog_remove_series (SsIoGraphDialog *self,
                                                  guint            row);
void             ss_io_graph_dialog_set_series_enabled (SsIoGraphDialog *self,
                                                  guint            row,
                                                  gboolean         enabled);
/* Row @row's own Y (as its Y axis drop-down and Y field do; @field for SUM, MIN, MAX, AVG and
 * COUNT) and counts again. */
void             ss_io_graph_dialog_set_series_y (SsIoGraphDialog *self,
                                                  guint            row,
                                                  SsIoGraphY       y,
                                                  const char      *field);
guint            ss_io_graph_dialog_get_n_rows   (SsIoGraphDialog *self);
/* The index in the graph shown of row @row's series; -1 when the row is off or was not
 * counted yet. (The window's filter is series 0.) */
gint             ss_io_graph_dialog_get_series_of_row (SsIoGraphDialog *self,
                                                  guint            row);
/* The series shown (for tests), NULL before the first result. */
const SsIoGraph *ss_io_graph_dialog_get_graph    (SsIoGraphDialog *self);

G_END_DECLS
