/* test-srt.c: -z srt,http and srt,pgsql */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-srt.h"
#include "ss-stats-test-util.h"

static gboolean
have_http (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();

  if (ss_registry_lookup_field (reg, "http.time") == SS_FIELD_ID_NONE
      || ss_registry_lookup_field (reg, "http.request_in") == SS_FIELD_ID_NONE)
    {
      g_test_skip ("no dissector provides http.time yet");
      return FALSE;
    }
  return TRUE;
}

/* stats-http.pcap: /api/items answered in 12, 20, 3 and 250 ms (the query string stripped),
 * /login in 150 ms, / in 5 ms. */
static void
test_http_rows (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-http.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (!have_http ())
    return;
  json = ss_stats_test_run1 (path, NULL, "srt,http", SS_STATS_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "{\"uri\": \"/api/items\", \"count\": 4, \"avg\": 0.07125, "
                                  "\"min\": 0.003, \"max\": 0.25, \"p50\": 0.012, \"p95\": 0.25, "
                                  "\"p99\": 0.25}"));
  g_assert_nonnull (strstr (json, "{\"uri\": \"/login\", \"count\": 1,"));
  g_free (json);
  json = ss_stats_test_run1 (path, NULL, "srt,http,query", SS_STATS_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "{\"uri\": \"/api/items?page=2\", \"count\": 1,"));
}

static void
test_http_filter_and_window (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-http.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  if (!have_http ())
    return;
  json = ss_stats_test_run1 (path, NULL, "srt,http,http.host == \"www.test\"",
                             SS_STATS_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (json, "/api/items"));
  g_assert_nonnull (strstr (json, "/login"));
  text = ss_stats_test_run1 (path, NULL, "srt,http,window=1s", SS_STATS_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\nWindow 2023-11-14T22:13:20Z - 2023-11-14T22:13:21Z\n"));
  g_assert_nonnull (strstr (text, "\nWindow 2023-11-14T22:13:21Z - 2023-11-14T22:13:22Z\n"));
}

static void
test_normalize_sql (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "SELECT * FROM t WHERE id = 42", "SELECT * FROM t WHERE id = ?" },
    { "select  name\n from users where name = 'O''Brien';",
      "select name from users where name = ?" },
    { "SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (?)" },
    { "INSERT INTO t2 VALUES (-1.5, 'x') -- note", "INSERT INTO t2 VALUES (?)" },
    { "SELECT col1 FROM tab2 WHERE x = $1", "SELECT col1 FROM tab2 WHERE x = $1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *n = ss_srt_normalize_sql (cases[i].in);

      g_assert_cmpstr (n, ==, cases[i].out);
    }
}

static void
test_parse_duration (void)
{
  g_assert_cmpint (ss_srt_parse_duration ("5m"), ==, G_GINT64_CONSTANT (300000000000));
  g_assert_cmpint (ss_srt_parse_duration ("30s"), ==, G_GINT64_CONSTANT (30000000000));
  g_assert_cmpint (ss_srt_parse_duration ("2"), ==, G_GINT64_CONSTANT (2000000000));
  g_assert_cmpint (ss_srt_parse_duration ("250ms"), ==, 250000000);
  g_assert_cmpint (ss_srt_parse_duration ("1h"), ==, G_GINT64_CONSTANT (3600000000000));
  g_assert_cmpint (ss_srt_parse_duration ("x"), ==, 0);
  g_assert_cmpint (ss_srt_parse_duration ("5d"), ==, 0);
  g_assert_cmpint (ss_srt_parse_duration ("-1"), ==, 0);
}

static void
test_bad_arguments (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStat) stat = ss_stat_new (reg, "srt,http,window=soon", &error);

  g_assert_null (stat);
  g_assert_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/srt/http-rows", test_http_rows);
  g_test_add_func ("/stats/srt/http-filter-and-window", test_http_filter_and_window);
  g_test_add_func ("/stats/srt/normalize-sql", test_normalize_sql);
  g_test_add_func ("/stats/srt/parse-duration", test_parse_duration);
  g_test_add_func ("/stats/srt/bad-arguments", test_bad_arguments);
  return g_test_run ();
}
