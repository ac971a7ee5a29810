/* test-follow.c: -z follow */
#include "config.h"

#include <string.h>

#include "ss-follow.h"
#include "ss-stats-test-util.h"

static void
test_golden (void)
{
  static const char *const args[] = {
    "follow,tcp,ascii,0", "follow,tcp,hex,0", "follow,tcp,raw,1",
    "follow,tcp,ascii,10.1.0.1:40001,10.1.0.2:8000", "follow,udp,ascii,1", "follow,udp,raw,2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    ss_stats_test_assert_golden ("stats-tcp.pcap", args[i]);
  ss_stats_test_assert_golden ("stats-http.pcap", "follow,tcp,ascii,3");
}

/* HTTP's follow tap: each message's start line and headers, then its body, as two chunks;
 * TLS without keys: nothing decrypted, no nodes. */
static void
test_golden_http_tls (void)
{
  static const char *const args[] = {
    "follow,http,ascii,3", "follow,http,hex,0", "follow,http,raw,1", "follow,http,yaml,4",
    "follow,http,ascii,10.1.0.2:80,10.1.0.1:41003", "follow,tls,ascii,0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    ss_stats_test_assert_golden ("stats-http.pcap", args[i]);
}

/* Stream 0 of stats-tcp.pcap: the server's three segments arrive 1, 3, 2 (the 3rd early, then
 * retransmitted), the client's third segment is missing but acknowledged. */
static void
test_chunks (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = ss_stats_test_run1 (path, NULL, "follow,tcp,ascii,0",
                                             SS_STATS_FORMAT_TEXT, &error);

  g_assert_no_error (error);
  /* In order, once each. */
  g_assert_nonnull (strstr (raw, "\t100\nAAAA"));
  g_assert_true (strstr (raw, "\t100\nBBBB") < strstr (raw, "\t100\nCCCC"));
  g_assert_null (strstr (strstr (raw, "\t100\nCCCC") + 1, "CCCC\n\t100"));
  g_assert_nonnull (strstr (raw, "[20 bytes missing in capture file]."));
}

static void
test_bad_arguments (void)
{
  static const struct { const char *arg; const char *message; } cases[] = {
    { "follow,tcp,foo,0", "follow - Invalid display mode." },
    { "follow,tcp,ascii", "follow - Invalid address." },
    { "follow,tcp,ascii,1.2.3.4:80", "follow - Invalid address." },
    { "follow,tcp,ascii,1.2.3.4:0,1.2.3.5:80", "follow - Invalid address." },
    { "follow,tcp,ascii,0,x", "follow - Invalid range." },
  };
  g_autoptr(SsRegistry) reg = ss_registry_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStat) stat = ss_stat_new (reg, cases[i].arg, &error);

      g_assert_null (stat);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_nothing_matches (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = ss_stats_test_run1 (path, NULL, "follow,tcp,ascii,99",
                                             SS_STATS_FORMAT_TEXT, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==,
                   "\n===================================================================\n"
                   "Follow: tcp,ascii\nFilter: tcp.stream eq 99\nNode 0: :0\nNode 1: :0\n"
                   "===================================================================\n");
}

static void
test_json (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ss_stats_test_run1 (path, NULL, "follow,udp,raw,0",
                                              SS_STATS_FORMAT_JSON, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"nodes\": [{\"address\": \"10.1.0.1\", \"port\": 50000}, "
                                  "{\"address\": \"10.1.0.2\", \"port\": 53}]"));
  g_assert_nonnull (strstr (json, "\"node\": 1,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/follow/golden", test_golden);
  g_test_add_func ("/stats/follow/golden-http-tls", test_golden_http_tls);
  g_test_add_func ("/stats/follow/chunks", test_chunks);
  g_test_add_func ("/stats/follow/bad-arguments", test_bad_arguments);
  g_test_add_func ("/stats/follow/nothing-matches", test_nothing_matches);
  g_test_add_func ("/stats/follow/json", test_json);
  return g_test_run ();
}
