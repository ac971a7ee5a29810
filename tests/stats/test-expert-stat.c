/* test-expert-stat.c: -z expert */
#include "config.h"

#include <string.h>

#include "ss-expert-stat.h"
#include "ss-stats-test-util.h"
#include "ss-tcp-conv.h"

static SsExpertStat *
run (const SsRegistry *reg,
     const char       *filter,
     SsExpertLevel     lowest)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);
  g_autoptr(SsEngine) engine = NULL;
  g_autoptr(SsTcpConv) tcp = ss_tcp_conv_new ();
  SsExpertStat *stat;

  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (cap, 0, NULL));
  engine = ss_engine_new (reg, cap);
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp);
  stat = ss_expert_stat_new (reg, lowest, filter, &error);
  g_assert_no_error (error);
  ss_expert_stat_want (stat, engine);
  for (guint i = 0; i < ss_capfile_get_n_frames (cap); i++)
    ss_expert_stat_packet (stat, ss_engine_dissect (engine, i));
  return stat;
}

static const SsExpertEntry *
find (SsExpertStat  *stat,
      SsExpertLevel  level,
      const char    *summary)
{
  for (guint i = 0; i < ss_expert_stat_get_n_entries (stat, level); i++)
    {
      const SsExpertEntry *e = ss_expert_stat_get_entry (stat, level, i);

      if (g_str_has_prefix (e->summary, summary))
        return e;
    }
  return NULL;
}

static void
test_counts (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(SsExpertStat) stat = run (reg, NULL, SS_EXPERT_LEVEL_COMMENT);
  const SsExpertEntry *e;

  /* One RST (a warning), two SYNs to port 8000 (chats) counted once each as one entry. */
  e = find (stat, SS_EXPERT_LEVEL_WARN, "Connection reset (RST)");
  g_assert_nonnull (e);
  g_assert_cmpuint (e->frequency, ==, 1);
  g_assert_cmpstr (e->protocol, ==, "TCP");
  e = find (stat, SS_EXPERT_LEVEL_CHAT, "Connection establish request (SYN): server port 8000");
  g_assert_nonnull (e);
  g_assert_cmpuint (e->frequency, ==, 2);
  g_assert_cmpuint (e->group, ==, SS_EXPERT_GROUP_SEQUENCE);
}

static void
test_level_and_filter (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(SsExpertStat) warn = run (reg, NULL, SS_EXPERT_LEVEL_WARN);
  g_autoptr(SsExpertStat) filtered = run (reg, "tcp.srcport == 40001", SS_EXPERT_LEVEL_COMMENT);

  g_assert_cmpuint (ss_expert_stat_get_n_entries (warn, SS_EXPERT_LEVEL_CHAT), ==, 0);
  g_assert_nonnull (find (warn, SS_EXPERT_LEVEL_WARN, "Connection reset (RST)"));
  g_assert_null (find (filtered, SS_EXPERT_LEVEL_WARN, "Connection reset (RST)"));
}

static void
test_text_layout (void)
{
  g_autofree char *path = ss_stats_test_data_path ("stats-tcp.pcap");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ss_stats_test_run1 (path, NULL, "expert,warn", SS_STATS_FORMAT_TEXT,
                                              &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\nWarns ("));
  g_assert_nonnull (strstr (text, "=============\n"
                                  "   Frequency      Group           Protocol  Summary\n"));
  g_assert_nonnull (strstr (text, "\n           1   Sequence                TCP  Connection reset "
                                  "(RST)\n"));
  g_assert_null (strstr (text, "Chats ("));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/expert/counts", test_counts);
  g_test_add_func ("/stats/expert/level-and-filter", test_level_and_filter);
  g_test_add_func ("/stats/expert/text-layout", test_text_layout);
  return g_test_run ();
}
