/* test-series.c: I/O graph and TCP stream graph series */
#include "config.h"

#include "ss-io-stat.h"
#include "ss-series.h"
#include "ss-stats-test-util.h"
#include "ss-tcp-conv.h"

typedef struct
{
  SsRegistry *reg;
  SsCapfile  *cap;
  SsEngine   *engine;
  SsTcpConv  *tcp;
} Pass;

static void
pass_open (Pass *p)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;

  p->reg = ss_registry_new ();
  p->cap = ss_capfile_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (p->cap, 0, NULL));
  p->engine = ss_engine_new (p->reg, p->cap);
  p->tcp = ss_tcp_conv_new ();
  ss_engine_set_tcp_analyzer (p->engine, ss_tcp_conv_analyze, p->tcp);
}

static void
pass_close (Pass *p)
{
  ss_engine_free (p->engine);
  ss_tcp_conv_free (p->tcp);
  ss_capfile_free (p->cap);
  ss_registry_free (p->reg);
}

/* Packets per second of the I/O graph equal io,stat's frames per 1 s interval. */
static void
test_io_graph (void)
{
  Pass p;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsIoGraph) g = NULL;
  g_autoptr(SsIoStat) io = NULL;
  gint all, tcp_bytes, max_len, avg_rtt;

  pass_open (&p);
  g = ss_io_graph_new (p.reg, 1000000000, &error);
  g_assert_no_error (error);
  all = ss_io_graph_add_series (g, "All packets", NULL, SS_IO_GRAPH_PACKETS, NULL, &error);
  tcp_bytes = ss_io_graph_add_series (g, "TCP bits", "tcp", SS_IO_GRAPH_BITS, NULL, &error);
  max_len = ss_io_graph_add_series (g, "Max len", "tcp", SS_IO_GRAPH_MAX, "tcp.len", &error);
  avg_rtt = ss_io_graph_add_series (g, "RTT", NULL, SS_IO_GRAPH_AVG, "tcp.analysis.ack_rtt",
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_io_graph_add_series (g, "bad", NULL, SS_IO_GRAPH_SUM, "ip.src", &error),
                   ==, -1);
  g_assert_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FIELD);
  g_clear_error (&error);
  io = ss_io_stat_new (p.reg, 1000000, 0, NULL, &error);
  g_assert_no_error (error);
  ss_io_graph_want (g, p.engine);
  ss_io_stat_want (io, p.engine);
  for (guint i = 0; i < ss_capfile_get_n_frames (p.cap); i++)
    {
      SsPacket *pkt = ss_engine_dissect (p.engine, i);

      ss_io_graph_packet (g, pkt);
      ss_io_stat_packet (io, pkt);
    }
  g_assert_cmpuint (ss_io_graph_get_n_intervals (g), ==, 13);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpfloat (ss_io_graph_get_value (g, all, i), ==, ss_io_stat_get_frames (io, 0, i));
  g_assert_cmpfloat (ss_io_graph_get_value (g, max_len, 12), ==, 1400);
  g_assert_cmpfloat (ss_io_graph_get_value (g, tcp_bytes, 12), ==, (1454.0 * 2 + 54 * 2) * 8);
  g_assert_false (ss_io_graph_has_value (g, avg_rtt, 5));
  g_assert_true (ss_io_graph_has_value (g, avg_rtt, 0));
  g_assert_cmpfloat (ss_io_graph_get_value (g, avg_rtt, 0), >, 0);
  pass_close (&p);

  g_assert_null (ss_io_graph_new (p.reg, 10, &error));
  g_assert_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS);
}

static void
test_tcp_graph (void)
{
  Pass p;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsTcpGraph) server = NULL;
  g_autoptr(SsTcpGraph) client1 = NULL;
  const SsGraphPoint *pts;
  guint n;

  pass_open (&p);
  server = ss_tcp_graph_new (p.reg, 0, 1, &error);
  client1 = ss_tcp_graph_new (p.reg, 1, 0, &error);
  g_assert_no_error (error);
  ss_tcp_graph_want (server, p.engine);
  ss_tcp_graph_want (client1, p.engine);
  for (guint i = 0; i < ss_capfile_get_n_frames (p.cap); i++)
    {
      SsPacket *pkt = ss_engine_dissect (p.engine, i);

      ss_tcp_graph_packet (server, pkt);
      ss_tcp_graph_packet (client1, pkt);
    }
  /* The server sent 4 data segments in stream 0 (one a retransmission). */
  pts = ss_tcp_graph_get_points (server, SS_TCP_SERIES_STEVENS, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (pts[0].y, ==, 1);
  g_assert_cmpfloat (pts[1].y, ==, 201);
  g_assert_cmpuint (pts[0].frame, ==, 6);
  pts = ss_tcp_graph_get_points (server, SS_TCP_SERIES_THROUGHPUT, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (pts[3].y, ==, 400 * 8);
  pts = ss_tcp_graph_get_points (server, SS_TCP_SERIES_GOODPUT, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (pts[3].y, <, 400 * 8);
  /* The client's window, seen by the server's data. */
  pts = ss_tcp_graph_get_points (server, SS_TCP_SERIES_WINDOW, &n);
  g_assert_cmpuint (n, >, 0);
  /* Stream 1: the server advertises a zero window. */
  pts = ss_tcp_graph_get_points (client1, SS_TCP_SERIES_ZERO_WINDOW, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (pts[0].frame, ==, 32);
  pts = ss_tcp_graph_get_points (client1, SS_TCP_SERIES_IN_FLIGHT, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (pts[1].y, ==, 2800);
  pts = ss_tcp_graph_get_points (client1, SS_TCP_SERIES_RTT, &n);
  g_assert_cmpuint (n, >=, 1);
  pass_close (&p);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/series/io-graph", test_io_graph);
  g_test_add_func ("/stats/series/tcp-graph", test_tcp_graph);
  return g_test_run ();
}
