/* ss-tcp-graph-dialog.h: Statistics → TCP Stream Graphs → Time Sequence (Stevens),
 * Throughput, Round Trip Time, Window Scaling
 *
 * For one TCP stream and one direction of its data, drawn with cairo from the series src/stats
 * computes (ss-series.h, SsTcpGraph), one window for the four graphs with a selector to switch
 * between them, as Wireshark's:
 *  - Time Sequence (Stevens): the relative sequence number (tcp.seq) of each data segment over
 *    time; a flat stretch is a stall, a step back a retransmission;
 *  - Throughput: bits per second over a 1 s moving window at each data segment, and the goodput
 *    (the same without retransmitted bytes);
 *  - Round Trip Time: the receiver's ACKs' tcp.analysis.ack_rtt in ms against the sequence number
 *    they acknowledge (Wireshark's RTT graph is by sequence number);
 *  - Window Scaling: the receiver's advertised window (tcp.window_size) and the sender's bytes in
 *    flight (tcp.analysis.bytes_in_flight) over time, the receiver's zero-window segments marked.
 *    Where bytes in flight reach the window, the receiver holds the sender back.
 */
#pragma once

#include "ss-series.h"
#include "ss-stat-dialog.h"

G_BEGIN_DECLS

#define SS_TYPE_TCP_GRAPH_DIALOG (ss_tcp_graph_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsTcpGraphDialog, ss_tcp_graph_dialog, SS, TCP_GRAPH_DIALOG, SsStatDialog)

typedef enum
{
  SS_TCP_GRAPH_STEVENS,
  SS_TCP_GRAPH_THROUGHPUT,
  SS_TCP_GRAPH_RTT,
  SS_TCP_GRAPH_WINDOW_SCALING,
} SsTcpGraphType;

GtkWidget        *ss_tcp_graph_dialog_new         (GtkWindow        *parent,
                                                   SsDocument       *doc,
                                                   guint32           stream,
                                                   guint             direction,
                                                   SsTcpGraphType    type);
/* Another graph of the same stream (as the selector does); nothing is counted again. */
void              ss_tcp_graph_dialog_set_graph_type (SsTcpGraphDialog *self,
                                                   SsTcpGraphType    type);
SsTcpGraphType    ss_tcp_graph_dialog_get_graph_type (SsTcpGraphDialog *self);
/* The series the current graph draws, in drawing order (for tests). */
const SsTcpSeries *ss_tcp_graph_dialog_get_drawn_series (SsTcpGraphDialog *self,
                                                   guint            *n_series);
/* Another stream or direction (as the controls do); counts again. */
void              ss_tcp_graph_dialog_set_stream  (SsTcpGraphDialog *self,
                                                   guint32           stream,
                                                   guint             direction);
/* The series shown (for tests), NULL before the first result. */
const SsTcpGraph *ss_tcp_graph_dialog_get_graph   (SsTcpGraphDialog *self);

G_END_DECLS
