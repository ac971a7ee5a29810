/* ss-cli-stats.c: the -z statistics of the CLI, a thin layer over src/stats */
#include "config.h"

#include "ss-cli-stats.h"

struct _SsCliStats
{
  GPtrArray     *stats;     /* SsStat*, in the order of the arguments; in a part, NULL for
                             * those that cannot be split */
  SsStatsFormat  format;
  gboolean      *split;     /* by statistic: parts are fed its packets, it is fed none */
};

SsCliStats *
ss_cli_stats_new (const SsRegistry   *reg,
                  const char *const  *z_args,
                  SsStatsFormat       format,
                  GError            **error)
{
  g_autoptr(SsCliStats) s = g_new0 (SsCliStats, 1);

  g_return_val_if_fail (reg != NULL, NULL);

  s->format = format;
  s->stats = g_ptr_array_new_with_free_func ((GDestroyNotify) ss_stat_free);
  for (guint i = 0; z_args && z_args[i]; i++)
    {
      SsStat *stat = ss_stat_new (reg, z_args[i], error);

      if (!stat)
        return NULL;
      g_ptr_array_add (s->stats, stat);
    }
  return g_steal_pointer (&s);
}

void
ss_cli_stats_free (SsCliStats *s)
{
  if (!s)
    return;
  g_ptr_array_unref (s->stats);
  g_free (s->split);
  g_free (s);
}

void
ss_cli_stats_want (SsCliStats *s,
                   SsEngine   *engine)
{
  for (guint i = 0; i < s->stats->len; i++)
    ss_stat_want (g_ptr_array_index (s->stats, i), engine);
}

void
ss_cli_stats_packet (SsCliStats     *s,
                     const SsPacket *pkt)
{
  for (guint i = 0; i < s->stats->len; i++)
    {
      SsStat *stat = g_ptr_array_index (s->stats, i);

      if (stat && !(s->split && s->split[i]))
        ss_stat_packet (stat, pkt);
    }
}

gboolean
ss_cli_stats_can_split (const SsCliStats *s)
{
  for (guint i = 0; i < s->stats->len; i++)
    if (ss_stat_can_split (g_ptr_array_index (s->stats, i)))
      return TRUE;
  return FALSE;
}

SsCliStats *
ss_cli_stats_new_part (SsCliStats *s,
                       gint64      first_ns)
{
  SsCliStats *part = g_new0 (SsCliStats, 1);

  part->format = s->format;
  part->stats = g_ptr_array_new_with_free_func ((GDestroyNotify) ss_stat_free);
  if (!s->split)
    s->split = g_new0 (gboolean, s->stats->len);
  for (guint i = 0; i < s->stats->len; i++)
    {
      SsStat *stat = g_ptr_array_index (s->stats, i);

      s->split[i] = ss_stat_can_split (stat);
      g_ptr_array_add (part->stats, s->split[i] ? ss_stat_new_part (stat, first_ns) : NULL);
    }
  return part;
}

void
ss_cli_stats_merge_part (SsCliStats *s,
                         SsCliStats *part)
{
  g_return_if_fail (part->stats->len == s->stats->len);
  for (guint i = 0; i < s->stats->len; i++)
    if (g_ptr_array_index (part->stats, i))
      ss_stat_merge_part (g_ptr_array_index (s->stats, i), g_ptr_array_index (part->stats, i));
}

gboolean
ss_cli_stats_can_split_all (const SsCliStats *s)
{
  for (guint i = 0; i < s->stats->len; i++)
    if (!ss_stat_can_split (g_ptr_array_index (s->stats, i)))
      return FALSE;
  return TRUE;
}

void
ss_cli_stats_print (SsCliStats *s,
                    GString    *out)
{
  switch (s->format)
    {
    case SS_STATS_FORMAT_JSON:
      g_string_append (out, "[\n");
      for (guint i = 0; i < s->stats->len; i++)
        {
          if (i)
            g_string_append (out, ",\n");
          ss_stat_print (g_ptr_array_index (s->stats, i), SS_STATS_FORMAT_JSON, out);
          /* Each statistic ends its object with a newline; the array puts its own. */
          if (out->len && out->str[out->len - 1] == '\n')
            g_string_truncate (out, out->len - 1);
        }
      g_string_append (out, "\n]\n");
      break;
    case SS_STATS_FORMAT_CSV:
      for (guint i = 0; i < s->stats->len; i++)
        {
          SsStat *stat = g_ptr_array_index (s->stats, i);

          if (i)
            g_string_append_c (out, '\n');
          g_string_append_printf (out, "# %s\n", ss_stat_get_arg (stat));
          ss_stat_print (stat, SS_STATS_FORMAT_CSV, out);
        }
      break;
    case SS_STATS_FORMAT_TEXT:
    default:
      /* tshark draws its taps in the reverse order of registration. */
      for (guint i = s->stats->len; i > 0; i--)
        ss_stat_print (g_ptr_array_index (s->stats, i - 1), SS_STATS_FORMAT_TEXT, out);
      break;
    }
}

gboolean
ss_cli_stats_needs_dissection (SsCliStats *s)
{
  for (guint i = 0; i < s->stats->len; i++)
    if (ss_stat_needs_dissection (g_ptr_array_index (s->stats, i)))
      return TRUE;
  return FALSE;
}

guint
ss_cli_stats_get_n_stats (const SsCliStats *s)
{
  return s->stats->len;
}
