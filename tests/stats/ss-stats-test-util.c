/* ss-stats-test-util.c: running statistics over a capture the way the CLI does */
#include "config.h"

#include <string.h>

#include "ss-engine.h"
#include "ss-stats-test-util.h"
#include "ss-tcp-conv.h"

void
ss_stats_test_pass (SsCapfile        *cap,
                    const SsRegistry *reg,
                    SsCliStats       *stats)
{
  g_autoptr(SsEngine) engine = ss_engine_new (reg, cap);
  g_autoptr(SsTcpConv) tcp = ss_tcp_conv_new ();

  ss_tcp_conv_set_remember_frames (tcp, FALSE);
  ss_engine_set_single_pass (engine, TRUE);
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp);
  gboolean dissect = ss_cli_stats_needs_dissection (stats);
  SsPacket frame;

  ss_cli_stats_want (stats, engine);
  for (guint i = 0;; i++)
    {
      while (i >= ss_capfile_get_n_frames (cap) && !ss_capfile_is_complete (cap))
        ss_capfile_index (cap, 65536, NULL);
      if (i >= ss_capfile_get_n_frames (cap))
        break;
      if (dissect)
        ss_cli_stats_packet (stats, ss_engine_dissect (engine, i));
      else
        {
          /* Only frame times and lengths are read: no dissection, as the CLI does. */
          ss_stats_frame_packet (cap, i, &frame);
          ss_cli_stats_packet (stats, &frame);
        }
    }
}

char *
ss_stats_test_run (const char         *path,
                   GBytes             *bytes,
                   const char *const  *z_args,
                   SsStatsFormat       format,
                   GError            **error)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(SsCliStats) stats = NULL;
  GString *out;

  stats = ss_cli_stats_new (reg, z_args, format, error);
  if (!stats)
    return NULL;
  cap = path ? ss_capfile_open (path, error) : ss_capfile_open_bytes (bytes, error);
  if (!cap)
    return NULL;
  ss_stats_test_pass (cap, reg, stats);
  out = g_string_new (NULL);
  ss_cli_stats_print (stats, out);
  return g_string_free (out, FALSE);
}

char *
ss_stats_test_run1 (const char     *path,
                    GBytes         *bytes,
                    const char     *z_arg,
                    SsStatsFormat   format,
                    GError        **error)
{
  const char *args[] = { z_arg, NULL };

  return ss_stats_test_run (path, bytes, args, format, error);
}

char *
ss_stats_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "stats", "data", name, NULL);
}

/* The file name make-test-captures.py gives an argument: runs of other characters become '_'. */
static char *
golden_name (const char *arg)
{
  GString *s = g_string_new (NULL);
  gboolean run = FALSE;

  for (const char *p = arg; *p; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("_.=-", *p))
        {
          g_string_append_c (s, *p);
          run = FALSE;
        }
      else if (!run)
        {
          g_string_append_c (s, '_');
          run = TRUE;
        }
    }
  g_string_append (s, ".txt");
  return g_string_free (s, FALSE);
}

void
ss_stats_test_assert_golden (const char *capture,
                             const char *z_arg)
{
  g_autofree char *path = ss_stats_test_data_path (capture);
  g_autofree char *base = g_strndup (capture, strcspn (capture, "."));
  g_autofree char *name = golden_name (z_arg);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "stats", "data",
                                                          "expected", base, name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (expected_path, &expected, NULL, &error))
    g_error ("%s", error->message);
  got = ss_stats_test_run1 (path, NULL, z_arg, SS_STATS_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (got, expected) != 0)
    {
      g_printerr ("-z %s on %s\n--- tshark\n%s--- ours\n%s", z_arg, capture, expected, got);
      g_assert_cmpstr (got, ==, expected);
    }
}
