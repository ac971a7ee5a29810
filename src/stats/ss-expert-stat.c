/* ss-expert-stat.c: Expert Information counts, as tshark 4.0's ui/cli/tap-expert.c
 *
 * An expert item is read from the packet's items: the item of the expert's own field (which
 * tells the protocol that declared it), then `_ws.expert.message`, `.severity` and `.group`.
 * The malformed-packet item belongs to the protocol being dissected when the packet ran out,
 * which is the innermost protocol node before it.
 */
#include "config.h"

#include <string.h>

#include "ss-expert-stat.h"
#include "ss-stats-private.h"

struct _SsExpertStat
{
  const SsRegistry *reg;
  SsExpertLevel     lowest;
  char             *filter_text;
  SsDfilter        *filter;
  SsFieldId         f_message, f_severity, f_group;
  guint8           *is_expert;      /* bitmap over field ids: an expert's own field */
  guint8           *is_proto;       /* bitmap over field ids: a protocol node */
  GArray           *entries[SS_EXPERT_LEVEL_COUNT];
  GStringChunk     *strings;
  GHashTable       *index[SS_EXPERT_LEVEL_COUNT];   /* "proto\x1fsummary" -> entry + 1 */
};

static const char *const level_titles[] = { "Comments", "Chats", "Notes", "Warns", "Errors" };
static const char *const level_names[] = { "comment", "chat", "note", "warn", "error" };

static const char *const group_names[] = {
  "Unknown (0)", "Checksum", "Sequence", "Response", "Request", "Undecoded", "Reassemble",
  "Malformed", "Debug", "Protocol", "Security", "Comment", "Decryption", "Assumption",
  "Deprecated",
};

static inline gboolean
bit_get (const guint8 *map,
         SsFieldId     id)
{
  return (map[id >> 3] >> (id & 7)) & 1;
}

static inline void
bit_set (guint8    *map,
         SsFieldId  id)
{
  map[id >> 3] |= 1u << (id & 7);
}

SsExpertStat *
ss_expert_stat_new (const SsRegistry  *reg,
                    SsExpertLevel      lowest,
                    const char        *filter,
                    GError           **error)
{
  g_autoptr(SsExpertStat) s = g_new0 (SsExpertStat, 1);
  g_autoptr(GError) local = NULL;
  const guint32 *bases = ss_registry_get_bases (reg);
  guint n_fields = ss_registry_get_n_fields (reg);

  s->reg = reg;
  s->lowest = lowest;
  s->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < SS_EXPERT_LEVEL_COUNT; i++)
    {
      s->entries[i] = g_array_new (FALSE, TRUE, sizeof (SsExpertEntry));
      s->index[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  s->f_message = ss_registry_lookup_field (reg, "_ws.expert.message");
  s->f_severity = ss_registry_lookup_field (reg, "_ws.expert.severity");
  s->f_group = ss_registry_lookup_field (reg, "_ws.expert.group");
  s->is_expert = g_malloc0 (n_fields / 8 + 1);
  s->is_proto = g_malloc0 (n_fields / 8 + 1);
  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    {
      const SsProtocol *proto = ss_registry_get_protocol (reg, (SsProtocolId) p);

      if (!proto)
        continue;
      bit_set (s->is_proto, ss_registry_get_protocol_field (reg, (SsProtocolId) p));
      for (guint i = 0; i < proto->n_experts; i++)
        bit_set (s->is_expert, ss_registry_expert_field_id (bases, proto, i));
    }
  s->filter_text = g_strdup (filter);
  if (!ss_stats_filter_compile (reg, filter, &s->filter, &local))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER, _("Expert tap error (%s)!"),
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&s);
}

void
ss_expert_stat_free (SsExpertStat *s)
{
  if (!s)
    return;
  for (guint i = 0; i < SS_EXPERT_LEVEL_COUNT; i++)
    {
      g_clear_pointer (&s->entries[i], g_array_unref);
      g_clear_pointer (&s->index[i], g_hash_table_unref);
    }
  g_clear_pointer (&s->strings, g_string_chunk_free);
  ss_dfilter_free (s->filter);
  g_free (s->is_expert);
  g_free (s->is_proto);
  g_free (s->filter_text);
  g_free (s);
}

void
ss_expert_stat_want (SsExpertStat *s,
                     SsEngine     *engine)
{
  guint n_fields = ss_registry_get_n_fields (s->reg);

  for (SsFieldId id = 0; id < n_fields; id++)
    if (bit_get (s->is_expert, id) || bit_get (s->is_proto, id))
      ss_engine_want_field (engine, id);
  if (s->f_message != SS_FIELD_ID_NONE)
    ss_engine_want_field (engine, s->f_message);
  if (s->f_severity != SS_FIELD_ID_NONE)
    ss_engine_want_field (engine, s->f_severity);
  if (s->f_group != SS_FIELD_ID_NONE)
    ss_engine_want_field (engine, s->f_group);
  ss_stats_filter_want (s->filter, engine);
}

static gint
level_of (guint64 severity)
{
  switch (severity)
    {
    case 0x00100000:
      return SS_EXPERT_LEVEL_COMMENT;
    case 0x00200000:
      return SS_EXPERT_LEVEL_CHAT;
    case 0x00400000:
      return SS_EXPERT_LEVEL_NOTE;
    case 0x00600000:
      return SS_EXPERT_LEVEL_WARN;
    case 0x00800000:
      return SS_EXPERT_LEVEL_ERROR;
    default:
      return -1;
    }
}

static void
add_entry (SsExpertStat *s,
           gint          level,
           guint         group,
           const char   *protocol,
           const char   *summary)
{
  g_autofree char *key = NULL;
  gpointer idx;

  if (level < 0 || level < (gint) s->lowest)
    return;
  key = g_strdup_printf ("%s\x1f%s", protocol, summary);
  idx = g_hash_table_lookup (s->index[level], key);
  if (idx)
    {
      g_array_index (s->entries[level], SsExpertEntry, GPOINTER_TO_UINT (idx) - 1).frequency++;
      return;
    }
  {
    SsExpertEntry e = { 1, group, g_string_chunk_insert_const (s->strings, protocol),
                        g_string_chunk_insert (s->strings, summary) };

    g_array_append_val (s->entries[level], e);
    g_hash_table_insert (s->index[level], g_steal_pointer (&key),
                         GUINT_TO_POINTER (s->entries[level]->len));
  }
}

void
ss_expert_stat_packet (SsExpertStat   *s,
                       const SsPacket *pkt)
{
  const char *last_proto = "";
  const char *protocol = NULL;
  const char *message = NULL;
  guint64 severity = 0;

  if (!ss_stats_filter_match (s->filter, pkt))
    return;
  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (bit_get (s->is_proto, id))
        {
          const SsProtocol *p = ss_registry_get_field_protocol (s->reg, id);

          /* The expert node itself and the pseudo-protocols are not where dissection was. */
          if (p && p->id != SS_PROTO_EXPERT && p->id != SS_PROTO_WS)
            last_proto = p->short_name;
        }
      else if (bit_get (s->is_expert, id))
        {
          const SsProtocol *p = ss_registry_get_field_protocol (s->reg, id);

          protocol = p && p->id != SS_PROTO_WS ? p->short_name : last_proto;
        }
      else if (id == s->f_message)
        message = item->v.str;
      else if (id == s->f_severity)
        severity = item->v.u;
      else if (id == s->f_group)
        {
          guint group = (guint) (item->v.u >> 24);
          gint level = level_of (severity);

          /* Packet comments are always of Wireshark's "Comment" severity (PI_COMMENT), which
           * the core's expert table has no value for. */
          if (group == SS_EXPERT_GROUP_COMMENTS)
            level = SS_EXPERT_LEVEL_COMMENT;
          /* The last of the three: the item is complete. */
          add_entry (s, level, group, protocol ? protocol : last_proto, message ? message : "");
          protocol = NULL;
          message = NULL;
          severity = 0;
        }
    }
}

guint
ss_expert_stat_get_n_entries (const SsExpertStat *s,
                              SsExpertLevel       level)
{
  g_return_val_if_fail (level < SS_EXPERT_LEVEL_COUNT, 0);
  return s->entries[level]->len;
}

const SsExpertEntry *
ss_expert_stat_get_entry (const SsExpertStat *s,
                          SsExpertLevel       level,
                          guint               index)
{
  g_return_val_if_fail (level < SS_EXPERT_LEVEL_COUNT, NULL);
  g_return_val_if_fail (index < s->entries[level]->len, NULL);
  return &g_array_index (s->entries[level], SsExpertEntry, index);
}

static const char *
group_name (guint group,
            char *buf,
            gsize size)
{
  if (group < G_N_ELEMENTS (group_names) && group > 0)
    return group_names[group];
  g_snprintf (buf, size, "Unknown (%u)", group << 24);
  return buf;
}

void
ss_expert_stat_print (SsExpertStat  *s,
                      SsStatsFormat  format,
                      GString       *out)
{
  static const SsExpertLevel order[] = {
    SS_EXPERT_LEVEL_ERROR, SS_EXPERT_LEVEL_WARN, SS_EXPERT_LEVEL_NOTE, SS_EXPERT_LEVEL_CHAT,
    SS_EXPERT_LEVEL_COMMENT,
  };
  char buf[32];
  gboolean first = TRUE;

  if (format == SS_STATS_FORMAT_JSON)
    g_string_append (out, "{\"statistic\": \"expert\", \"levels\": [");
  else if (format == SS_STATS_FORMAT_CSV)
    g_string_append (out, "severity,frequency,group,protocol,summary\n");

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      GArray *items = s->entries[order[o]];
      guint total = 0;

      if (items->len == 0)
        continue;
      for (guint n = 0; n < items->len; n++)
        total += g_array_index (items, SsExpertEntry, n).frequency;

      if (format == SS_STATS_FORMAT_TEXT)
        {
          g_string_append_printf (out, "\n%s (%u)\n=============\n", level_titles[order[o]],
                                  total);
          g_string_append (out, "   Frequency      Group           Protocol  Summary\n");
        }
      else if (format == SS_STATS_FORMAT_JSON)
        {
          g_string_append_printf (out, "%s\n  {\"severity\": \"%s\", \"total\": %u, \"items\": [",
                                  first ? "" : ",", level_names[order[o]], total);
          first = FALSE;
        }
      for (guint n = 0; n < items->len; n++)
        {
          const SsExpertEntry *e = &g_array_index (items, SsExpertEntry, n);
          const char *g = group_name (e->group, buf, sizeof buf);

          switch (format)
            {
            case SS_STATS_FORMAT_JSON:
              g_string_append_printf (out, "%s\n    {\"frequency\": %u, \"group\": ", n ? "," : "",
                                      e->frequency);
              ss_stats_json_string (out, g);
              g_string_append (out, ", \"protocol\": ");
              ss_stats_json_string (out, e->protocol);
              g_string_append (out, ", \"summary\": ");
              ss_stats_json_string (out, e->summary);
              g_string_append (out, "}");
              break;
            case SS_STATS_FORMAT_CSV:
              g_string_append_printf (out, "%s,%u,", level_names[order[o]], e->frequency);
              ss_stats_csv_field (out, g);
              g_string_append_c (out, ',');
              ss_stats_csv_field (out, e->protocol);
              g_string_append_c (out, ',');
              ss_stats_csv_field (out, e->summary);
              g_string_append_c (out, '\n');
              break;
            case SS_STATS_FORMAT_TEXT:
            default:
              g_string_append_printf (out, "%12u %10s %18s  %s\n", e->frequency, g, e->protocol,
                                      e->summary);
              break;
            }
        }
      if (format == SS_STATS_FORMAT_JSON)
        g_string_append (out, "]}");
    }
  if (format == SS_STATS_FORMAT_JSON)
    g_string_append (out, first ? "]}\n" : "\n]}\n");
}

gpointer
ss_expert_stat_new_from_arg (const SsRegistry *reg,
                             const char       *arg,
                             GError          **error)
{
  const char *args = arg + strlen ("expert");
  SsExpertLevel lowest = SS_EXPERT_LEVEL_COMMENT;
  const char *filter = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    {
      g_autofree char *opt = g_strconcat (",", level_names[i], NULL);

      if (g_ascii_strncasecmp (args, opt, strlen (opt)) == 0)
        {
          lowest = (SsExpertLevel) i;
          args += strlen (opt);
          break;
        }
    }
  if (args[0] == ',')
    filter = args + 1;
  return ss_expert_stat_new (reg, lowest, filter, error);
}

static void
ex_want (gpointer  s,
         SsEngine *e)
{
  ss_expert_stat_want (s, e);
}

static void
ex_packet (gpointer        s,
           const SsPacket *p)
{
  ss_expert_stat_packet (s, p);
}

static void
ex_print (gpointer       s,
          SsStatsFormat  f,
          GString       *o)
{
  ss_expert_stat_print (s, f, o);
}

static void
ex_free (gpointer s)
{
  ss_expert_stat_free (s);
}

const SsStatClass ss_expert_stat_class = {
  "expert", ex_want, ex_packet, ex_print, ex_free,
};
