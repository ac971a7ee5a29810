/* ss-series.h: the data behind the GUI's graphs (no drawing here)
 *
 * I/O graph: several series sharing one interval (1 ms to 10 min), each with its own display
 * filter and Y value: packets, bytes or bits per interval, or the SUM, MIN, MAX, AVG or COUNT
 * of a field's values in the interval. Intervals count from the first packet of the pass.
 *
 * TCP stream graphs: for one TCP stream and one direction of its data (0: sent by the side that
 * sent the stream's first packet, 1: sent by the other side), point series in time:
 *  - Stevens: sequence number of each data segment;
 *  - throughput: bits per second over a moving window, at each data segment;
 *  - round-trip time: tcp.analysis.ack_rtt of each ACK for that data;
 *  - window scaling: the receiver's advertised window (tcp.window_size of its segments) and the
 *    sender's bytes in flight (tcp.analysis.bytes_in_flight), with the receiver's zero-window
 *    segments marked.
 * Times are seconds since the first packet of the pass, as the GUI's axes show them.
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

/* ---- I/O graph ---------------------------------------------------------------------------- */

typedef enum
{
  SS_IO_GRAPH_PACKETS,
  SS_IO_GRAPH_BYTES,
  SS_IO_GRAPH_BITS,
  SS_IO_GRAPH_SUM,
  SS_IO_GRAPH_MIN,
  SS_IO_GRAPH_MAX,
  SS_IO_GRAPH_AVG,
  SS_IO_GRAPH_COUNT,
} SsIoGraphY;

#define SS_IO_GRAPH_MIN_INTERVAL_NS G_GINT64_CONSTANT (1000000)          /* 1 ms */
#define SS_IO_GRAPH_MAX_INTERVAL_NS G_GINT64_CONSTANT (600000000000)     /* 10 min */

typedef struct _SsIoGraph SsIoGraph;

SsIoGraph   *ss_io_graph_new                (const SsRegistry *reg,
                                             gint64            interval_ns,
                                             GError          **error);
void         ss_io_graph_free               (SsIoGraph        *graph);
/* Returns the new series' index, or -1 with @error set (bad filter, unknown field, a field a
 * calculation cannot use). @field is needed for SUM, MIN, MAX, AVG and COUNT only. */
gint         ss_io_graph_add_series         (SsIoGraph        *graph,
                                             const char       *name,
                                             const char       *filter,
                                             SsIoGraphY        y,
                                             const char       *field,
                                             GError          **error);
void         ss_io_graph_want               (SsIoGraph        *graph,
                                             SsEngine         *engine);
void         ss_io_graph_packet             (SsIoGraph        *graph,
                                             const SsPacket   *pkt);

gint64       ss_io_graph_get_interval       (const SsIoGraph  *graph);
guint        ss_io_graph_get_n_series       (const SsIoGraph  *graph);
const char  *ss_io_graph_get_series_name    (const SsIoGraph  *graph,
                                             guint             series);
/* Intervals from the first packet to the last seen (the same for every series). */
guint        ss_io_graph_get_n_intervals    (const SsIoGraph  *graph);
/* The Y value of an interval; 0 for an interval without packets. MIN, MAX and AVG of an
 * interval without values are 0 too: ss_io_graph_has_value() tells them apart. Times are in
 * seconds. */
double       ss_io_graph_get_value          (const SsIoGraph  *graph,
                                             guint             series,
                                             guint             interval);
gboolean     ss_io_graph_has_value          (const SsIoGraph  *graph,
                                             guint             series,
                                             guint             interval);
/* Copies the whole series into a new array of doubles (n_intervals of them). */
double      *ss_io_graph_dup_values         (const SsIoGraph  *graph,
                                             guint             series,
                                             guint            *n_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsIoGraph, ss_io_graph_free)

/* ---- TCP stream graphs -------------------------------------------------------------------- */

typedef enum
{
  SS_TCP_SERIES_STEVENS,        /* y: relative sequence number */
  SS_TCP_SERIES_THROUGHPUT,     /* y: bits per second over the moving window */
  SS_TCP_SERIES_GOODPUT,        /* y: the same without retransmitted bytes */
  SS_TCP_SERIES_RTT,            /* y: seconds; y2: the acknowledged sequence number */
  SS_TCP_SERIES_WINDOW,         /* y: receiver's advertised window (bytes, scaled) */
  SS_TCP_SERIES_IN_FLIGHT,      /* y: sender's bytes in flight */
  SS_TCP_SERIES_ZERO_WINDOW,    /* y: 0, one point per zero-window segment of the receiver */
  SS_TCP_SERIES_COUNT,
} SsTcpSeries;

typedef struct
{
  double  t;       /* seconds since the first packet of the pass */
  double  y;
  double  y2;
  guint32 frame;
} SsGraphPoint;

typedef struct _SsTcpGraph SsTcpGraph;

/* @direction 0: the data sent by the side that sent the stream's first packet; 1: the other. */
SsTcpGraph          *ss_tcp_graph_new        (const SsRegistry *reg,
                                              guint32           stream,
                                              guint             direction,
                                              GError          **error);
void                 ss_tcp_graph_free       (SsTcpGraph       *graph);
/* The moving-average window of the throughput series (default 1 s). */
void                 ss_tcp_graph_set_throughput_window (SsTcpGraph *graph,
                                              double            seconds);
void                 ss_tcp_graph_want       (SsTcpGraph       *graph,
                                              SsEngine         *engine);
void                 ss_tcp_graph_packet     (SsTcpGraph       *graph,
                                              const SsPacket   *pkt);
const SsGraphPoint  *ss_tcp_graph_get_points (const SsTcpGraph *graph,
                                              SsTcpSeries       series,
                                              guint            *n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsTcpGraph, ss_tcp_graph_free)

G_END_DECLS
