/* ss-phs.c: protocol hierarchy statistics, as tshark 4.0's ui/cli/tap-protohierstat.c */
#include "config.h"

#include <string.h>

#include "ss-phs.h"
#include "ss-stats-private.h"

struct _SsPhs
{
  const SsRegistry *reg;
  char             *filter_text;
  SsDfilter        *filter;
  guint8           *is_top;     /* bitmap over field ids: items that count as a level */
  SsFieldId         frame_id;
  SsPhsNode         root;       /* the frame */
  GStringChunk     *names;
};

static void
bit_set (guint8    *map,
         SsFieldId  id)
{
  map[id >> 3] |= 1u << (id & 7);
}

static gboolean
bit_get (const guint8 *map,
         SsFieldId     id)
{
  return (map[id >> 3] >> (id & 7)) & 1;
}

SsPhs *
ss_phs_new (const SsRegistry  *reg,
            const char        *filter,
            GError           **error)
{
  g_autoptr(SsPhs) phs = g_new0 (SsPhs, 1);
  g_autoptr(GError) local = NULL;
  guint n_fields = ss_registry_get_n_fields (reg);
  SsFieldId segs;

  phs->reg = reg;
  phs->names = g_string_chunk_new (1024);
  phs->is_top = g_malloc0 (n_fields / 8 + 1);
  /* Protocol nodes and protocol-like items (_ws.malformed); the expert nodes are not levels. */
  for (SsFieldId id = 0; id < n_fields; id++)
    {
      const SsFieldDef *def = ss_registry_get_field (reg, id);
      const SsProtocol *p = ss_registry_get_field_protocol (reg, id);

      if (def && def->type == SS_FT_PROTOCOL && p && p->id != SS_PROTO_EXPERT)
        bit_set (phs->is_top, id);
    }
  /* tshark shows the reassembly tree, a top-level item, as a level of its own. */
  segs = ss_registry_lookup_field (reg, "tcp.segments");
  if (segs != SS_FIELD_ID_NONE)
    bit_set (phs->is_top, segs);
  phs->frame_id = ss_registry_get_protocol_field (reg, SS_PROTO_FRAME);
  phs->filter_text = g_strdup (filter);
  if (!ss_stats_filter_compile (reg, filter, &phs->filter, &local))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER,
                   _("Couldn't register io,phs tap: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&phs);
}

static void
free_nodes (SsPhsNode *node)
{
  while (node)
    {
      SsPhsNode *next = node->next;

      free_nodes (node->child);
      g_free (node);
      node = next;
    }
}

void
ss_phs_free (SsPhs *phs)
{
  if (!phs)
    return;
  free_nodes (phs->root.child);
  g_string_chunk_free (phs->names);
  ss_dfilter_free (phs->filter);
  g_free (phs->is_top);
  g_free (phs->filter_text);
  g_free (phs);
}

void
ss_phs_want (SsPhs    *phs,
             SsEngine *engine)
{
  guint n_fields = ss_registry_get_n_fields (phs->reg);

  for (SsFieldId id = 0; id < n_fields; id++)
    if (bit_get (phs->is_top, id))
      ss_engine_want_field (engine, id);
  ss_stats_filter_want (phs->filter, engine);
}

/* Protocols tshark dissects into their caller's subtree rather than at the top of the tree are
 * not levels of their own: the payload of an ICMP echo, the headers an ICMP error quotes (but
 * not what follows them), the X.509 parts of a TLS certificate. */
static gboolean
nested_in (const char *name,
           const char *prev,
           gboolean    in_icmp)
{
  static const char *const quoted[] = { "ip", "ipv6", "tcp", "udp", "icmp", "icmpv6", NULL };

  if (g_str_has_prefix (name, "x509"))
    return TRUE;
  if (in_icmp && (g_strv_contains (quoted, name) || g_str_has_prefix (name, "ipv6.")))
    return TRUE;
  return strcmp (name, "data") == 0 && prev
         && (strcmp (prev, "icmp") == 0 || strcmp (prev, "icmpv6") == 0);
}

#define PHS_MAX_LEVELS 64

void
ss_phs_packet (SsPhs          *phs,
               const SsPacket *pkt)
{
  SsPhsNode *level = &phs->root;
  const char *names[PHS_MAX_LEVELS];
  guint n = 0;

  if (!ss_stats_filter_match (phs->filter, pkt))
    return;
  gboolean in_icmp = FALSE;
  const char *prev = NULL;

  for (const SsItem *item = pkt->root.first_child; item && n < PHS_MAX_LEVELS; item = item->next)
    {
      const char *name;

      if (item->id == SS_FIELD_ID_NONE || item->id == phs->frame_id
          || !bit_get (phs->is_top, item->id))
        continue;
      name = item->def->abbrev;
      if (nested_in (name, prev, in_icmp))
        {
          prev = name;
          continue;
        }
      if (strcmp (name, "icmp") == 0 || strcmp (name, "icmpv6") == 0)
        in_icmp = TRUE;
      prev = name;
      names[n++] = name;
    }
  /* Without a visible tree tshark leaves the reassembly item where it is made, once the
   * reassembled message has been dissected: after its protocol and whatever that protocol
   * handed data to, before the next message of the segment (it moves the item behind TCP only
   * for display). */
  for (guint i = 0; i + 1 < n; i++)
    if (strcmp (names[i], "tcp.segments") == 0)
      {
        const char *segs = names[i];
        const char *msg = names[i + 1];
        guint j = i + 1;

        do
          {
            names[j - 1] = names[j];
            j++;
          }
        while (j < n && strcmp (names[j], msg) != 0);
        names[j - 1] = segs;
        i = j - 1;
      }

  for (guint i = 0; i < n; i++)
    {
      SsPhsNode *node, *last = NULL;

      for (node = level->child; node; node = node->next)
        {
          if (strcmp (node->name, names[i]) == 0)
            break;
          last = node;
        }
      if (!node)
        {
          node = g_new0 (SsPhsNode, 1);
          node->name = g_string_chunk_insert_const (phs->names, names[i]);
          node->parent = level;
          if (last)
            last->next = node;
          else
            level->child = node;
        }
      node->frames++;
      node->bytes += pkt->len;
      level = node;
    }
}

const SsPhsNode *
ss_phs_get_root (const SsPhs *phs)
{
  return phs->root.child;
}

static void
print_text (const SsPhsNode *node,
            int              indent,
            GString         *out)
{
  for (; node; node = node->next)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (int i = 0; i < indent; i++)
        {
          if (i > 15)
            {
              g_string_append (s, "...");
              break;
            }
          g_string_append (s, "  ");
        }
      g_string_append (s, node->name);
      /* tshark formats the name into 80 bytes. */
      if (s->len > 79)
        g_string_truncate (s, 79);
      g_string_append_printf (out, "%-40s frames:%u bytes:%" G_GUINT64_FORMAT "\n", s->str,
                              node->frames, node->bytes);
      print_text (node->child, indent + 1, out);
    }
}

static void
print_json (const SsPhsNode *node,
            GString         *out)
{
  g_string_append_c (out, '[');
  for (; node; node = node->next)
    {
      g_string_append (out, "{\"protocol\": ");
      ss_stats_json_string (out, node->name);
      g_string_append_printf (out, ", \"frames\": %u, \"bytes\": %" G_GUINT64_FORMAT,
                              node->frames, node->bytes);
      if (node->child)
        {
          g_string_append (out, ", \"children\": ");
          print_json (node->child, out);
        }
      g_string_append_c (out, '}');
      if (node->next)
        g_string_append (out, ", ");
    }
  g_string_append_c (out, ']');
}

static void
print_csv (const SsPhsNode *node,
           const char      *path,
           GString         *out)
{
  for (; node; node = node->next)
    {
      g_autofree char *p = path ? g_strconcat (path, ":", node->name, NULL)
                                : g_strdup (node->name);

      ss_stats_csv_field (out, p);
      g_string_append_printf (out, ",%u,%" G_GUINT64_FORMAT "\n", node->frames, node->bytes);
      print_csv (node->child, p, out);
    }
}

void
ss_phs_print (SsPhs         *phs,
              SsStatsFormat  format,
              GString       *out)
{
  switch (format)
    {
    case SS_STATS_FORMAT_JSON:
      g_string_append (out, "{\"statistic\": \"io,phs\", \"filter\": ");
      if (phs->filter_text)
        ss_stats_json_string (out, phs->filter_text);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"protocols\": ");
      print_json (phs->root.child, out);
      g_string_append (out, "}\n");
      break;
    case SS_STATS_FORMAT_CSV:
      g_string_append (out, "path,frames,bytes\n");
      print_csv (phs->root.child, NULL, out);
      break;
    case SS_STATS_FORMAT_TEXT:
    default:
      g_string_append (out, "\n==============================================================="
                            "====\n");
      g_string_append (out, "Protocol Hierarchy Statistics\n");
      g_string_append_printf (out, "Filter: %s\n\n", phs->filter_text ? phs->filter_text : "");
      print_text (phs->root.child, 0, out);
      g_string_append (out, "================================================================"
                            "===\n");
      break;
    }
}

gpointer
ss_phs_new_from_arg (const SsRegistry *reg,
                     const char       *arg,
                     GError          **error)
{
  const char *rest = arg + strlen ("io,phs");
  const char *filter = NULL;

  if (rest[0] == ',')
    filter = rest + 1;
  else if (rest[0] != '\0')
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
                   _("invalid \"-z io,phs[,<filter>]\" argument"));
      return NULL;
    }
  return ss_phs_new (reg, filter, error);
}

static void
phs_want (gpointer  s,
          SsEngine *e)
{
  ss_phs_want (s, e);
}

static void
phs_packet (gpointer        s,
            const SsPacket *p)
{
  ss_phs_packet (s, p);
}

static void
phs_print (gpointer       s,
           SsStatsFormat  f,
           GString       *o)
{
  ss_phs_print (s, f, o);
}

static void
phs_free (gpointer s)
{
  ss_phs_free (s);
}

const SsStatClass ss_phs_class = {
  "io,phs", phs_want, phs_packet, phs_print, phs_free,
};
