/* test-io-stat.c: -z io,stat */
#include "config.h"

#include <string.h>

#include "ss-io-stat.h"
#include "ss-stats-test-util.h"
#include "ss-test-util.h"

static void
test_golden (void)
{
  static const char *const args[] = {
    "io,stat,1",
    "io,stat,0",
    "io,stat,0.5,tcp,udp,icmp",
    "io,stat,0.125,udp",
    "io,stat,2.5,COUNT(tcp.analysis.retransmission)tcp.analysis.retransmission,SUM(tcp.len)tcp.len,"
    "MIN(tcp.len)tcp.len,MAX(tcp.len)tcp.len,AVG(tcp.len)tcp.len",
    "io,stat,5,AVG(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,MIN(tcp.analysis.ack_rtt)"
    "tcp.analysis.ack_rtt,MAX(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    ss_stats_test_assert_golden ("stats-tcp.pcap", args[i]);
  ss_stats_test_assert_golden ("stats-http.pcap", "io,stat,1,http.request,http.response");
}

static void
test_bad_arguments (void)
{
  static const struct { const char *arg; const char *message; } cases[] = {
    { "io,stat,x", "invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument" },
    { "io,stat,1,", "invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument" },
    { "io,stat,1x", "invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument" },
    { "io,stat,1,COUNT(no.such.field)", "There is no field named 'no.such.field'." },
    { "io,stat,1,SUM(ip.src)",
      "ip.src doesn't have integral values, so SUM(*) calculations are not supported on it." },
    { "io,stat,1,MAX(tcp.len", "Closing parenthesis missing from calculated expression." },
    { "io,stat,1,AVG()", "You didn't specify a field name for AVG(*)." },
    { "io,stat,1,FRAMES(tcp.len)", "FRAMES does not require or allow a field name within the "
      "parens." },
    { "io,stat,0.0000001", "\"-z\" interval must be >=0.000001 seconds or \"0\" for the entire "
      "capture duration." },
    { "io,stat,1,LOAD(tcp.len)", "LOAD() is only supported for relative-time fields such as "
      "smb.time" },
  };
  g_autoptr(SsRegistry) reg = ss_registry_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStat) stat = ss_stat_new (reg, cases[i].arg, &error);

      g_assert_null (stat);
      g_assert_error (error, SS_STATS_ERROR, error->code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsStat) stat = ss_stat_new (reg, "io,stat,1,no_such_proto", &error);

    g_assert_null (stat);
    g_assert_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER);
    g_assert_true (g_str_has_prefix (error->message,
                                     "Couldn't register io,stat tap: Filter \"no_such_proto\" "
                                     "is invalid - "));
  }
}

/* Frames at 0, 0.5, 1.5 and then 1.2 s: the late one counts in the interval of 1.5 (tshark
 * never goes back to an earlier interval). */
static void
test_time_going_back (void)
{
  static const guint32 usec[] = { 0, 500000, 1500000, 1200000 };
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) pcap = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) edited = g_byte_array_new ();
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(SsEngine) engine = NULL;
  g_autoptr(SsIoStat) io = NULL;
  g_autoptr(GError) error = NULL;
  gsize off = 24;

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (frames, ss_test_tcp_frame (FALSE, 1234, 80, 1 + i * 10, 1,
                                                (const guint8 *) "0123456789", 10));
  pcap = ss_test_pcap_frames_bytes (1, frames, 0);
  /* Rewrite the record times (little-endian pcap records: sec, usec, caplen, len). */
  g_byte_array_append (edited, g_bytes_get_data (pcap, NULL), g_bytes_get_size (pcap));
  for (guint i = 0; i < 4; i++)
    {
      guint32 sec = GUINT32_TO_LE (1700000000 + usec[i] / 1000000);
      guint32 us = GUINT32_TO_LE (usec[i] % 1000000);
      guint32 caplen = edited->data[off + 8] | edited->data[off + 9] << 8;

      memcpy (edited->data + off, &sec, 4);
      memcpy (edited->data + off + 4, &us, 4);
      off += 16 + caplen;
    }
  bytes = g_bytes_new (edited->data, edited->len);
  cap = ss_capfile_open_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (cap, 0, NULL));
  engine = ss_engine_new (reg, cap);
  io = ss_io_stat_new (reg, 1000000, 0, NULL, &error);
  g_assert_no_error (error);
  ss_io_stat_want (io, engine);
  for (guint i = 0; i < ss_capfile_get_n_frames (cap); i++)
    ss_io_stat_packet (io, ss_engine_dissect (engine, i));
  g_assert_cmpuint (ss_io_stat_get_n_intervals (io, 0), ==, 2);
  g_assert_cmpuint (ss_io_stat_get_frames (io, 0, 0), ==, 2);
  g_assert_cmpuint (ss_io_stat_get_frames (io, 0, 1), ==, 2);
  g_assert_cmpfloat (ss_io_stat_get_value (io, 0, 1), ==, 2 * 64.0);
}

static void
test_json_csv (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ss_stats_test_run1 (path, NULL, "io,stat,5,tcp,SUM(tcp.len)tcp.len",
                                              SS_STATS_FORMAT_JSON, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (json, "[\n{\"statistic\": \"io,stat\", \"interval\": 5, "));
  g_assert_nonnull (strstr (json, "\"calc\": \"SUM\", \"field\": \"tcp.len\""));
  g_assert_nonnull (strstr (json, "{\"start\": 0, \"end\": 5, \"values\": [{\"frames\": 17, "));
  csv = ss_stats_test_run1 (path, NULL, "io,stat,5,tcp,SUM(tcp.len)tcp.len",
                            SS_STATS_FORMAT_CSV, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "# io,stat,5,tcp,SUM(tcp.len)tcp.len\n"
                                        "start,end,1 tcp frames,1 tcp bytes,"
                                        "2 SUM(tcp.len)tcp.len\n0.000000,5.000000,17,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/io-stat/golden", test_golden);
  g_test_add_func ("/stats/io-stat/bad-arguments", test_bad_arguments);
  g_test_add_func ("/stats/io-stat/time-going-back", test_time_going_back);
  g_test_add_func ("/stats/io-stat/json-csv", test_json_csv);
  return g_test_run ();
}
