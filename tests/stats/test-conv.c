/* test-conv.c: -z conv and -z endpoints */
#include "config.h"

#include <string.h>

#include "ss-conv.h"
#include "ss-flow.h"
#include "ss-stats-test-util.h"
#include "ss-tcp-conv.h"

static void
test_golden (void)
{
  static const char *const args[] = {
    "conv,eth", "conv,ip", "conv,tcp", "conv,udp", "endpoints,ip", "endpoints,tcp",
    "endpoints,udp", "conv,tcp,tcp.srcport == 40002",
  };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    ss_stats_test_assert_golden ("stats-tcp.pcap", args[i]);
  ss_stats_test_assert_golden ("stats-http.pcap", "conv,tcp");
}

/* Side A is the source of a conversation's first packet; the UDP header quoted in an ICMP error
 * is not a conversation. */
static void
test_rows (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);
  g_autoptr(SsConvTable) udp = NULL;
  g_autoptr(SsConvTable) tcp = NULL;
  g_autoptr(SsEndpointTable) ep = NULL;
  g_autoptr(SsEngine) engine = NULL;
  g_autoptr(SsTcpConv) tcp_conv = NULL;
  const SsConvRow *row;
  char buf[64];

  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (cap, 0, NULL));
  engine = ss_engine_new (reg, cap);
  tcp_conv = ss_tcp_conv_new ();
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp_conv);
  udp = ss_conv_table_new (reg, SS_CONV_UDP, NULL, &error);
  tcp = ss_conv_table_new (reg, SS_CONV_TCP, NULL, &error);
  ep = ss_endpoint_table_new (reg, SS_CONV_TCP, NULL, &error);
  g_assert_no_error (error);
  ss_conv_table_want (udp, engine);
  ss_conv_table_want (tcp, engine);
  ss_endpoint_table_want (ep, engine);
  for (guint i = 0; i < ss_capfile_get_n_frames (cap); i++)
    {
      const SsPacket *pkt = ss_engine_dissect (engine, i);

      ss_conv_table_packet (udp, pkt);
      ss_conv_table_packet (tcp, pkt);
      ss_endpoint_table_packet (ep, pkt);
    }
  g_assert_cmpuint (ss_conv_table_get_n_rows (udp), ==, 4);
  row = ss_conv_table_get_row (udp, 0);
  g_assert_cmpstr (ss_address_to_string (&row->a, buf, sizeof buf), ==, "10.1.0.1");
  g_assert_cmpuint (row->port_a, ==, 50000);
  g_assert_cmpuint (row->port_b, ==, 53);
  g_assert_cmpuint (row->frames_ab, ==, 1);
  g_assert_cmpuint (row->frames_ba, ==, 1);
  g_assert_cmpuint (ss_conv_table_get_n_rows (tcp), ==, 2);
  row = ss_conv_table_get_row (tcp, 0);
  g_assert_cmpuint (row->port_a, ==, 40001);
  g_assert_cmpuint (row->frames_ab + row->frames_ba, ==, 17);
  g_assert_cmpuint (ss_endpoint_table_get_n_rows (ep), ==, 3);
}

static void
test_format_bytes (void)
{
  static const struct { guint64 v; const char *text; } cases[] = {
    { 0, "0 bytes" }, { 9999, "9999 bytes" }, { 10000, "10 kB" }, { 19999, "19 kB" },
    { 9999999, "9999 kB" }, { 10000000, "10 MB" }, { G_GUINT64_CONSTANT (12000000000), "12 GB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      ss_stats_format_bytes (cases[i].v, s);
      g_assert_cmpstr (s->str, ==, cases[i].text);
    }
}

static void
test_bad_arguments (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStat) stat = ss_stat_new (reg, "conv,xyz", &error);

  g_assert_null (stat);
  g_assert_error (error, SS_STATS_ERROR, SS_STATS_ERROR_UNKNOWN);
  g_assert_true (g_str_has_prefix (error->message, "Invalid -z argument \"conv,xyz\"; it must be "
                                   "one of:\n     conv,eth\n"));
  g_clear_error (&error);
  stat = ss_stat_new (reg, "conv,tcp,foo.bar", &error);
  g_assert_null (stat);
  g_assert_true (g_str_has_prefix (error->message, "Couldn't register conversations tap: Filter "
                                   "\"foo.bar\" is invalid - "));
  g_clear_error (&error);
  stat = ss_stat_new (reg, "endpoints,udp,foo", &error);
  g_assert_null (stat);
  g_assert_true (g_str_has_prefix (error->message, "Couldn't register endpoint tap: "));
}

static void
test_json_csv (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ss_stats_test_run1 (path, NULL, "conv,udp", SS_STATS_FORMAT_JSON,
                                              &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "{\"address_a\": \"10.1.0.1\", \"port_a\": 50000, "
                                  "\"address_b\": \"10.1.0.2\", \"port_b\": 53, "
                                  "\"frames_ab\": 1,"));
  csv = ss_stats_test_run1 (path, NULL, "endpoints,ip", SS_STATS_FORMAT_CSV, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "# endpoints,ip\naddress,frames,bytes,tx_frames,"
                                        "tx_bytes,rx_frames,rx_bytes\n"));
}

/* A statistic split into parts (as the CLI's threaded pass splits it: each conversation's
 * packets to one part, in frame order) and merged back prints what the whole statistic fed
 * every packet prints, whatever order the parts are merged in. The whole statistic's text is
 * tshark's (test_golden); merging in reverse makes a later part bring a conversation's first
 * frame, so the sides of a row turn round and rows move back into the order of appearance. */
static void
check_parts (const char *path,
             const char *arg,
             guint       n_parts)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);
  g_autoptr(SsEngine) engine = NULL;
  g_autoptr(SsTcpConv) tcp_conv = NULL;
  g_autoptr(SsStat) whole = NULL;
  g_autoptr(SsStat) merged = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ss_stat_free);
  gint64 first_ns;

  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (cap, 0, NULL));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), >, 0);
  first_ns = ss_capfile_get_frame (cap, 0)->ts_ns;
  engine = ss_engine_new (reg, cap);
  tcp_conv = ss_tcp_conv_new ();
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp_conv);
  whole = ss_stat_new (reg, arg, &error);
  g_assert_no_error (error);
  merged = ss_stat_new (reg, arg, &error);
  g_assert_no_error (error);
  g_assert_true (ss_stat_can_split (merged));
  ss_stat_want (whole, engine);
  for (guint i = 0; i < n_parts; i++)
    g_ptr_array_add (parts, ss_stat_new_part (merged, first_ns));
  for (guint i = 0; i < ss_capfile_get_n_frames (cap); i++)
    {
      const SsPacket *pkt = ss_engine_dissect (engine, i);
      guint32 hash = ss_flow_hash (ss_capfile_get_frame_link_type (cap, i),
                                   ss_capfile_get_frame_data (cap, i),
                                   ss_capfile_get_frame (cap, i)->caplen);

      ss_stat_packet (whole, pkt);
      ss_stat_packet (g_ptr_array_index (parts, hash % n_parts), pkt);
    }
  for (guint i = n_parts; i > 0; i--)
    ss_stat_merge_part (merged, g_ptr_array_index (parts, i - 1));

  for (guint f = SS_STATS_FORMAT_TEXT; f <= SS_STATS_FORMAT_CSV; f++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);

      ss_stat_print (whole, (SsStatsFormat) f, a);
      ss_stat_print (merged, (SsStatsFormat) f, b);
      g_assert_cmpstr (b->str, ==, a->str);
    }
}

static void
test_parts (void)
{
  static const char *const args[] = {
    "conv,eth", "conv,ip", "conv,tcp", "conv,udp", "endpoints,eth", "endpoints,ip",
    "endpoints,tcp", "endpoints,udp", "conv,ip,tcp.port == 80", "srt,http", "srt,http,query",
    "srt,http,window=1s", "srt,pgsql",
  };
  char *captures[] = {
    ss_stats_test_data_path ("stats-tcp.pcap"),
    ss_stats_test_data_path ("stats-http.pcap"),
    g_test_build_filename (G_TEST_DIST, "captures", "http-slow-503-rst.pcapng", NULL),
    g_test_build_filename (G_TEST_DIST, "captures", "pgsql-slow-and-deadlock.pcapng", NULL),
    g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample.pcapng", NULL),
  };

  for (guint c = 0; c < G_N_ELEMENTS (captures); c++)
    for (guint i = 0; i < G_N_ELEMENTS (args); i++)
      for (guint n = 2; n <= 3; n++)
        check_parts (captures[c], args[i], n);
  for (guint c = 0; c < G_N_ELEMENTS (captures); c++)
    g_free (captures[c]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/conv/golden", test_golden);
  g_test_add_func ("/stats/conv/rows", test_rows);
  g_test_add_func ("/stats/conv/format-bytes", test_format_bytes);
  g_test_add_func ("/stats/conv/bad-arguments", test_bad_arguments);
  g_test_add_func ("/stats/conv/json-csv", test_json_csv);
  g_test_add_func ("/stats/conv/parts", test_parts);
  return g_test_run ();
}
