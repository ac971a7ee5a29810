/* ss-tcp-graph-dialog.h: Statistics → TCP Stream Graphs → Window Scaling
 *
 * For one TCP stream and one direction of its data: the receiver's advertised window
 * (tcp.window_size) and the sender's bytes in flight (tcp.analysis.bytes_in_flight) over time,
 * the receiver's zero-window segments marked; drawn with cairo from the series src/stats
 * computes (ss-series.h, SsTcpGraph). Where bytes in flight reach the window, the receiver
 * holds the sender back.
 */
#pragma once

#include "ss-series.h"
#include "ss-stat-dialog.h"

G_BEGIN_DECLS

#define SS_TYPE_TCP_GRAPH_DIALOG (ss_tcp_graph_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsTcpGraphDialog, ss_tcp_graph_dialog, SS, TCP_GRAPH_DIALOG, SsStatDialog)

GtkWidget        *ss_tcp_graph_dialog_new         (GtkWindow        *parent,
                                                   SsDocument       *doc,
                                                   guint32           stream,
                                                   guint             direction);
/* Another stream or direction (as the controls do); counts again. */
void              ss_tcp_graph_dialog_set_stream  (SsTcpGraphDialog *self,
                                                   guint32           stream,
                                                   guint             direction);
/* The series shown (for tests), NULL before the first result. */
const SsTcpGraph *ss_tcp_graph_dialog_get_graph   (SsTcpGraphDialog *self);

G_END_DECLS
