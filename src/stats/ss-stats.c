/* ss-stats.c: the common statistic handle, the `-z` name table and shared helpers */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-stats-private.h"

G_DEFINE_QUARK (ss-stats-error-quark, ss_stats_error)

struct _SsStat
{
  const SsStatClass *klass;
  gpointer           self;
  char              *arg;
};

typedef struct
{
  const char         *name;      /* what the `-z` argument starts with */
  const SsStatClass  *klass;
  gpointer          (*new_from_arg) (const SsRegistry *reg,
                                     const char       *arg,
                                     GError          **error);
} SsStatEntry;

/* As tshark, an argument selects the longest name it starts with ("conv,ipv6" over "conv,ip"). */
static const SsStatEntry ss_stat_entries[] = {
  { "conv,eth",       &ss_conv_table_class,     ss_conv_table_new_from_arg },
  { "conv,ip",        &ss_conv_table_class,     ss_conv_table_new_from_arg },
  { "conv,ipv6",      &ss_conv_table_class,     ss_conv_table_new_from_arg },
  { "conv,tcp",       &ss_conv_table_class,     ss_conv_table_new_from_arg },
  { "conv,udp",       &ss_conv_table_class,     ss_conv_table_new_from_arg },
  { "dns,tree",       &ss_stats_tree_class,     ss_stats_tree_new_from_arg },
  { "endpoints,eth",  &ss_endpoint_table_class, ss_endpoint_table_new_from_arg },
  { "endpoints,ip",   &ss_endpoint_table_class, ss_endpoint_table_new_from_arg },
  { "endpoints,ipv6", &ss_endpoint_table_class, ss_endpoint_table_new_from_arg },
  { "endpoints,tcp",  &ss_endpoint_table_class, ss_endpoint_table_new_from_arg },
  { "endpoints,udp",  &ss_endpoint_table_class, ss_endpoint_table_new_from_arg },
  { "expert",         &ss_expert_stat_class,    ss_expert_stat_new_from_arg },
  { "follow,http",    &ss_follow_class,         ss_follow_new_from_arg },
  { "follow,tcp",     &ss_follow_class,         ss_follow_new_from_arg },
  { "follow,tls",     &ss_follow_class,         ss_follow_new_from_arg },
  { "follow,udp",     &ss_follow_class,         ss_follow_new_from_arg },
  { "http,tree",      &ss_stats_tree_class,     ss_stats_tree_new_from_arg },
  { "http_req,tree",  &ss_stats_tree_class,     ss_stats_tree_new_from_arg },
  { "http_srv,tree",  &ss_stats_tree_class,     ss_stats_tree_new_from_arg },
  { "http_ua,tree",   &ss_stats_tree_class,     ss_stats_tree_new_from_arg },
  { "io,phs",         &ss_phs_class,            ss_phs_new_from_arg },
  { "io,stat,",       &ss_io_stat_class,        ss_io_stat_new_from_arg },
  { "srt,http",       &ss_srt_class,            ss_srt_new_from_arg },
  { "srt,pgsql",      &ss_srt_class,            ss_srt_new_from_arg },
};

static const char *const ss_stat_names[] = {
  "conv,eth", "conv,ip", "conv,ipv6", "conv,tcp", "conv,udp", "dns,tree",
  "endpoints,eth", "endpoints,ip", "endpoints,ipv6", "endpoints,tcp", "endpoints,udp",
  "expert", "follow,http", "follow,tcp", "follow,tls", "follow,udp", "http,tree", "http_req,tree",
  "http_srv,tree", "http_ua,tree", "io,phs", "io,stat", "srt,http", "srt,pgsql", NULL
};

const char *const *
ss_stats_list_names (void)
{
  return ss_stat_names;
}

SsStat *
ss_stat_new (const SsRegistry *reg,
             const char       *arg,
             GError          **error)
{
  const SsStatEntry *best = NULL;
  SsStat *stat;
  gpointer self;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (reg != NULL, NULL);
  g_return_val_if_fail (arg != NULL, NULL);

  copy = g_strdup (arg);
  /* Renamed in Wireshark 3.0; tshark still takes the old name. */
  if (g_str_has_prefix (copy, "follow,ssl"))
    memcpy (copy + 7, "tls", 3);

  for (guint i = 0; i < G_N_ELEMENTS (ss_stat_entries); i++)
    if (g_str_has_prefix (copy, ss_stat_entries[i].name)
        && (!best || strlen (ss_stat_entries[i].name) > strlen (best->name)))
      best = &ss_stat_entries[i];
  if (!best)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; ss_stat_names[i]; i++)
        g_string_append_printf (list, "     %s\n", ss_stat_names[i]);
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_UNKNOWN,
                   _("Invalid -z argument \"%s\"; it must be one of:\n%s"), arg, list->str);
      return NULL;
    }

  self = best->new_from_arg (reg, copy, error);
  if (!self)
    return NULL;
  stat = g_new0 (SsStat, 1);
  stat->klass = best->klass;
  stat->self = self;
  stat->arg = g_steal_pointer (&copy);
  return stat;
}

void
ss_stat_free (SsStat *stat)
{
  if (!stat)
    return;
  stat->klass->free (stat->self);
  g_free (stat->arg);
  g_free (stat);
}

void
ss_stat_want (SsStat   *stat,
              SsEngine *engine)
{
  g_return_if_fail (stat != NULL);
  stat->klass->want (stat->self, engine);
}

void
ss_stat_packet (SsStat         *stat,
                const SsPacket *pkt)
{
  stat->klass->packet (stat->self, pkt);
}

void
ss_stat_print (SsStat        *stat,
               SsStatsFormat  format,
               GString       *out)
{
  g_return_if_fail (stat != NULL);
  stat->klass->print (stat->self, format, out);
}

gboolean
ss_stat_needs_dissection (SsStat *stat)
{
  g_return_val_if_fail (stat != NULL, TRUE);
  return !stat->klass->needs_dissection || stat->klass->needs_dissection (stat->self);
}

gboolean
ss_stat_can_split (const SsStat *stat)
{
  g_return_val_if_fail (stat != NULL, FALSE);
  return stat->klass->new_part != NULL && stat->klass->merge != NULL;
}

SsStat *
ss_stat_new_part (SsStat *stat,
                  gint64  first_ns)
{
  SsStat *part;

  g_return_val_if_fail (ss_stat_can_split (stat), NULL);
  part = g_new0 (SsStat, 1);
  part->klass = stat->klass;
  part->self = stat->klass->new_part (stat->self, first_ns);
  part->arg = g_strdup (stat->arg);
  return part;
}

void
ss_stat_merge_part (SsStat *stat,
                    SsStat *part)
{
  g_return_if_fail (ss_stat_can_split (stat));
  g_return_if_fail (part != NULL && part->klass == stat->klass);
  stat->klass->merge (stat->self, part->self);
}

void
ss_stats_frame_packet (const SsCapfile *cap,
                       guint            index,
                       SsPacket        *pkt)
{
  const SsFrameRecord *rec = ss_capfile_get_frame (cap, index);

  memset (pkt, 0, sizeof *pkt);
  pkt->number = index + 1;
  pkt->ts_ns = rec->ts_ns;
  pkt->caplen = rec->caplen;
  pkt->len = rec->len;
  pkt->interface_id = rec->interface_id;
  pkt->epb_flags = rec->epb_flags;
  pkt->root.id = SS_FIELD_ID_NONE;
  pkt->tcp_stream = G_MAXUINT32;
}

const char *
ss_stat_get_arg (const SsStat *stat)
{
  return stat->arg;
}

const char *
ss_stat_get_kind (const SsStat *stat)
{
  return stat->klass->kind;
}

gpointer
ss_stat_get_result (SsStat *stat)
{
  return stat->self;
}

gboolean
ss_stats_format_from_string (const char    *name,
                             SsStatsFormat *format)
{
  if (g_strcmp0 (name, "text") == 0)
    *format = SS_STATS_FORMAT_TEXT;
  else if (g_strcmp0 (name, "json") == 0)
    *format = SS_STATS_FORMAT_JSON;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = SS_STATS_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

gboolean
ss_stats_filter_compile (const SsRegistry  *reg,
                         const char        *text,
                         SsDfilter        **out,
                         GError           **error)
{
  g_autoptr(GError) local = NULL;
  SsDfilter *df;

  *out = NULL;
  if (!text || !*text)
    return TRUE;
  df = ss_dfilter_compile (reg, text, NULL, &local);
  if (!df)
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER, _("Filter \"%s\" is invalid - %s"),
                   text, local->message);
      return FALSE;
    }
  if (ss_dfilter_is_empty (df))
    {
      ss_dfilter_free (df);
      return TRUE;
    }
  *out = df;
  return TRUE;
}

void
ss_stats_filter_want (const SsDfilter *df,
                      SsEngine        *engine)
{
  const SsFieldId *ids;
  guint n = 0;

  if (!df)
    return;
  ids = ss_dfilter_get_fields (df, &n);
  for (guint i = 0; i < n; i++)
    ss_engine_want_field (engine, ids[i]);
}

SsFieldId
ss_stats_want_abbrev (SsEngine   *engine,
                      const char *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (ss_engine_get_registry (engine), abbrev);

  if (id != SS_FIELD_ID_NONE)
    ss_engine_want_field (engine, id);
  return id;
}

gint64
ss_stats_item_ns (const SsItem *item)
{
  switch (item->def->type)
    {
    case SS_FT_RELATIVE_TIME:
    case SS_FT_ABSOLUTE_TIME:
      return item->v.time.secs * G_GINT64_CONSTANT (1000000000) + item->v.time.nsecs;
    case SS_FT_FLOAT:
    case SS_FT_DOUBLE:
      return (gint64) (item->v.d * 1e9);
    default:
      if (ss_field_type_is_signed (item->def->type))
        return item->v.i;
      return (gint64) item->v.u;
    }
}

double
ss_stats_item_double (const SsItem *item)
{
  switch (item->def->type)
    {
    case SS_FT_RELATIVE_TIME:
    case SS_FT_ABSOLUTE_TIME:
      return (double) item->v.time.secs + item->v.time.nsecs / 1e9;
    case SS_FT_FLOAT:
    case SS_FT_DOUBLE:
      return item->v.d;
    default:
      if (ss_field_type_is_signed (item->def->type))
        return (double) item->v.i;
      return (double) item->v.u;
    }
}

void
ss_stats_json_string (GString    *out,
                      const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) (s ? s : ""); *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

void
ss_stats_json_double (GString *out,
                      double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.9g", v));
}

void
ss_stats_csv_field (GString    *out,
                    const char *s)
{
  if (!s)
    s = "";
  if (!strpbrk (s, ",\"\r\n"))
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
