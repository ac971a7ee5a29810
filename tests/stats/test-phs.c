/* test-phs.c: -z io,phs */
#include "config.h"

#include <string.h>

#include "ss-phs.h"
#include "ss-stats-test-util.h"

static void
test_golden (void)
{
  ss_stats_test_assert_golden ("stats-tcp.pcap", "io,phs");
}

static void
test_filter_and_json (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ss_stats_test_run1 (path, NULL, "io,phs,udp", SS_STATS_FORMAT_TEXT,
                                              &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Filter: udp\n\neth                                      "
                                  "frames:9 bytes:"));
  g_assert_null (strstr (text, "tcp"));
  json = ss_stats_test_run1 (path, NULL, "io,phs", SS_STATS_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "{\"protocol\": \"eth\", \"frames\": 33,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/phs/golden", test_golden);
  g_test_add_func ("/stats/phs/filter-and-json", test_filter_and_json);
  return g_test_run ();
}
