/* test-stats-tree.c: -z http,tree, http_req,tree, http_srv,tree, http_ua,tree, dns,tree */
#include "config.h"

#include <string.h>

#include "ss-stats-test-util.h"
#include "ss-stats-tree.h"

static gboolean
have_fields (const char *const *abbrevs)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();

  for (guint i = 0; abbrevs[i]; i++)
    if (ss_registry_lookup_field (reg, abbrevs[i]) == SS_FIELD_ID_NONE)
      {
        g_test_skip_printf ("no dissector provides %s yet", abbrevs[i]);
        return FALSE;
      }
  return TRUE;
}

static const char *const http_fields[] = {
  "http.request.method", "http.request.uri", "http.host", "http.response.code",
  "http.user_agent", NULL
};

static void
test_http_golden (void)
{
  if (!have_fields (http_fields))
    return;
  ss_stats_test_assert_golden ("stats-http.pcap", "http,tree");
  ss_stats_test_assert_golden ("stats-http.pcap", "http_req,tree");
  ss_stats_test_assert_golden ("stats-http.pcap", "http_srv,tree");
}

static void
test_http_ua (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-http.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (!have_fields (http_fields))
    return;
  json = ss_stats_test_run1 (path, NULL, "http_ua,tree", SS_STATS_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "{\"uri\": \"/api/items\", \"user_agent\": \"curl/8.0\", "
                                  "\"count\": 3}"));
  g_assert_nonnull (strstr (json, "{\"uri\": \"/api/items\", \"user_agent\": \"Mozilla/5.0\", "
                                  "\"count\": 1}"));
}

static void
test_dns_needs_fields (void)
{
  static const char *const dns_fields[] = { "dns.flags.response", "dns.qry.type", "dns.time",
                                            NULL };
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStat) stat = ss_stat_new (reg, "dns,tree", &error);

  if (have_fields (dns_fields))
    g_assert_no_error (error);
  else
    {
      g_assert_null (stat);
      g_assert_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FIELD);
    }
}

static void
test_bad_filter (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStat) stat = NULL;

  if (!have_fields (http_fields))
    return;
  stat = ss_stat_new (reg, "http,tree,foo", &error);
  g_assert_null (stat);
  g_assert_true (g_str_has_prefix (error->message, "stats_tree for: HTTP/Packet Counter failed "
                                   "to attach to the tap: Filter \"foo\" is invalid - "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/tree/http-golden", test_http_golden);
  g_test_add_func ("/stats/tree/http-ua", test_http_ua);
  g_test_add_func ("/stats/tree/dns-needs-fields", test_dns_needs_fields);
  g_test_add_func ("/stats/tree/bad-filter", test_bad_filter);
  return g_test_run ();
}
