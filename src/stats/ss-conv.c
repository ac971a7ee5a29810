/* ss-conv.c: conversations and endpoints, as tshark 4.0's tap-iousers.c and tap-endpoints.c
 *
 * The taps of tshark fire once per header: each Ethernet header of a frame (tunnels have
 * several), each IP header, each TCP or UDP header with the network addresses of the header
 * below it. The same events are read here from the items of the packet, in the order they were
 * added; nothing after an ICMP or ICMPv6 header counts (it is the copy inside an error).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ss-conv.h"
#include "ss-stats-private.h"

#define MAX_EVENTS 16

typedef struct
{
  SsAddress src;
  SsAddress dst;
  guint16   sport;
  guint16   dport;
  guint32   stream;
  guint8    have;       /* bits: 1 src, 2 dst, 4 sport, 8 dport */
} ConvEvent;

/* The fields a table reads, looked up once. */
typedef struct
{
  SsConvType type;
  SsFieldId  src, dst;              /* eth.src/eth.dst, ip.src/ip.dst or ipv6.src/ipv6.dst */
  SsFieldId  ip_src, ip_dst, ip6_src, ip6_dst;
  SsFieldId  sport, dport, stream;  /* tcp or udp */
  SsFieldId  icmp, icmpv6;          /* protocol nodes */
} ConvFields;

static const char *const conv_type_names[] = { "eth", "ip", "ipv6", "tcp", "udp" };
static const char *const conv_type_titles[] = { "Ethernet", "IPv4", "IPv6", "TCP", "UDP" };

gboolean
ss_conv_type_from_string (const char *name,
                          SsConvType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (conv_type_names); i++)
    if (g_strcmp0 (name, conv_type_names[i]) == 0)
      {
        *type = (SsConvType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ss_conv_type_get_title (SsConvType type)
{
  return conv_type_titles[type];
}

static SsFieldId
lookup (const SsRegistry *reg,
        const char       *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (reg, abbrev);

  if (id == SS_FIELD_ID_NONE)
    {
      const SsProtocol *p = ss_registry_lookup_protocol (reg, abbrev);

      if (p)
        id = ss_registry_get_protocol_field (reg, p->id);
    }
  return id;
}

static void
conv_fields_init (ConvFields       *f,
                  const SsRegistry *reg,
                  SsConvType        type)
{
  f->type = type;
  f->src = f->dst = SS_FIELD_ID_NONE;
  f->sport = f->dport = f->stream = SS_FIELD_ID_NONE;
  f->ip_src = lookup (reg, "ip.src");
  f->ip_dst = lookup (reg, "ip.dst");
  f->ip6_src = lookup (reg, "ipv6.src");
  f->ip6_dst = lookup (reg, "ipv6.dst");
  f->icmp = lookup (reg, "icmp");
  f->icmpv6 = lookup (reg, "icmpv6");
  switch (type)
    {
    case SS_CONV_ETH:
      f->src = lookup (reg, "eth.src");
      f->dst = lookup (reg, "eth.dst");
      break;
    case SS_CONV_IP:
      f->src = f->ip_src;
      f->dst = f->ip_dst;
      break;
    case SS_CONV_IPV6:
      f->src = f->ip6_src;
      f->dst = f->ip6_dst;
      break;
    case SS_CONV_TCP:
      f->sport = lookup (reg, "tcp.srcport");
      f->dport = lookup (reg, "tcp.dstport");
      f->stream = lookup (reg, "tcp.stream");
      break;
    case SS_CONV_UDP:
    default:
      f->sport = lookup (reg, "udp.srcport");
      f->dport = lookup (reg, "udp.dstport");
      break;
    }
}

static void
want_id (SsEngine  *engine,
         SsFieldId  id)
{
  if (id != SS_FIELD_ID_NONE)
    ss_engine_want_field (engine, id);
}

static void
conv_fields_want (const ConvFields *f,
                  SsEngine         *engine)
{
  want_id (engine, f->icmp);
  want_id (engine, f->icmpv6);
  if (f->type == SS_CONV_TCP || f->type == SS_CONV_UDP)
    {
      want_id (engine, f->ip_src);
      want_id (engine, f->ip_dst);
      want_id (engine, f->ip6_src);
      want_id (engine, f->ip6_dst);
      want_id (engine, f->sport);
      want_id (engine, f->dport);
      want_id (engine, f->stream);
    }
  else
    {
      want_id (engine, f->src);
      want_id (engine, f->dst);
    }
}

static void
set_address (SsAddress    *a,
             const SsItem *item)
{
  switch (item->def->type)
    {
    case SS_FT_IPv4:
      a->type = SS_ADDR_IPV4;
      a->len = 4;
      break;
    case SS_FT_IPv6:
      a->type = SS_ADDR_IPV6;
      a->len = 16;
      break;
    default:
      a->type = SS_ADDR_ETHER;
      a->len = 6;
      break;
    }
  memset (a->data, 0, sizeof a->data);
  memcpy (a->data, item->v.addr, a->len);
}

/* The headers of @pkt that this table counts, in order. */
static guint
conv_events (const ConvFields *f,
             const SsPacket   *pkt,
             ConvEvent        *ev)
{
  guint n = 0;
  gboolean open = FALSE;
  SsAddress net_src = { 0 }, net_dst = { 0 };
  gboolean ports = f->type == SS_CONV_TCP || f->type == SS_CONV_UDP;

  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (id == f->icmp || id == f->icmpv6)
        break;
      if (!ports)
        {
          guint8 bit = id == f->src ? 1 : id == f->dst ? 2 : 0;

          if (!bit)
            continue;
          if (open && (ev[n].have & bit))
            {
              n++;
              open = FALSE;
              if (n == MAX_EVENTS)
                break;
            }
          if (!open)
            {
              memset (&ev[n], 0, sizeof ev[n]);
              ev[n].stream = G_MAXUINT32;
              open = TRUE;
            }
          set_address (bit == 1 ? &ev[n].src : &ev[n].dst, item);
          ev[n].have |= bit;
          continue;
        }

      if (id == f->ip_src || id == f->ip6_src)
        set_address (&net_src, item);
      else if (id == f->ip_dst || id == f->ip6_dst)
        set_address (&net_dst, item);
      else if (id == f->sport)
        {
          if (open)
            {
              n++;
              if (n == MAX_EVENTS)
                {
                  open = FALSE;
                  break;
                }
            }
          memset (&ev[n], 0, sizeof ev[n]);
          ev[n].src = net_src;
          ev[n].dst = net_dst;
          ev[n].sport = (guint16) item->v.u;
          ev[n].stream = G_MAXUINT32;
          ev[n].have = 1 | 2 | 4;
          open = TRUE;
        }
      else if (open && id == f->dport)
        {
          ev[n].dport = (guint16) item->v.u;
          ev[n].have |= 8;
        }
      else if (open && id == f->stream)
        ev[n].stream = (guint32) item->v.u;
    }
  if (open)
    n++;

  /* Only complete headers count. */
  {
    guint8 need = ports ? (1 | 2 | 4 | 8) : (1 | 2);
    guint k = 0;

    for (guint i = 0; i < n; i++)
      if ((ev[i].have & need) == need && ev[i].src.type != SS_ADDR_NONE)
        ev[k++] = ev[i];
    return k;
  }
}

static gboolean
address_equal (const SsAddress *a,
               const SsAddress *b)
{
  return a->type == b->type && a->len == b->len && memcmp (a->data, b->data, a->len) == 0;
}

static guint
address_hash (const SsAddress *a)
{
  guint h = a->type;

  for (guint i = 0; i < a->len; i++)
    h = h * 31 + a->data[i];
  return h;
}

static void
append_address (GString         *out,
                const SsAddress *a)
{
  char buf[64];

  g_string_append (out, ss_address_to_string (a, buf, sizeof buf));
}

void
ss_stats_format_bytes (guint64  size,
                       GString *out)
{
  const guint64 p = 1000;

  if (size / p / p / p / p >= 10)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " TB", size / p / p / p / p);
  else if (size / p / p / p >= 10)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " GB", size / p / p / p);
  else if (size / p / p >= 10)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " MB", size / p / p);
  else if (size / p >= 10)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " kB", size / p);
  else
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " bytes", size);
}

static double
ns_to_sec (gint64 ns)
{
  /* nstime_to_sec(): seconds plus nanoseconds divided, as tshark rounds them. */
  return (double) (ns / 1000000000) + (double) (ns % 1000000000) / 1000000000.0;
}

/* ---- conversations ------------------------------------------------------------------------- */

struct _SsConvTable
{
  const SsRegistry *reg;
  ConvFields        f;
  char             *filter_text;
  SsDfilter        *filter;
  GPtrArray        *rows;       /* SsConvRow*, in order of appearance */
  GHashTable       *index;      /* SsConvRow* -> itself, both directions equal */
  SsStatsClock      clock;
};

static guint
conv_row_hash (gconstpointer p)
{
  const SsConvRow *r = p;

  return address_hash (&r->a) + address_hash (&r->b) + r->port_a + r->port_b + r->stream;
}

/* Whether @x and @y have the same A side and the same B side. */
static gboolean
same_sides (const SsConvRow *x,
            const SsConvRow *y)
{
  return x->port_a == y->port_a && x->port_b == y->port_b
         && address_equal (&x->a, &y->a) && address_equal (&x->b, &y->b);
}

static gboolean
conv_row_equal (gconstpointer pa,
                gconstpointer pb)
{
  const SsConvRow *x = pa, *y = pb;

  if (x->stream != y->stream)
    return FALSE;
  if (same_sides (x, y))
    return TRUE;
  return x->port_a == y->port_b && x->port_b == y->port_a
         && address_equal (&x->a, &y->b) && address_equal (&x->b, &y->a);
}

SsConvTable *
ss_conv_table_new (const SsRegistry  *reg,
                   SsConvType         type,
                   const char        *filter,
                   GError           **error)
{
  g_autoptr(SsConvTable) t = g_new0 (SsConvTable, 1);
  g_autoptr(GError) local = NULL;

  t->reg = reg;
  conv_fields_init (&t->f, reg, type);
  t->rows = g_ptr_array_new_with_free_func (g_free);
  t->index = g_hash_table_new (conv_row_hash, conv_row_equal);
  t->filter_text = g_strdup (filter);
  if (!ss_stats_filter_compile (reg, filter, &t->filter, &local))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER,
                   _("Couldn't register conversations tap: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&t);
}

void
ss_conv_table_free (SsConvTable *t)
{
  if (!t)
    return;
  g_hash_table_unref (t->index);
  g_ptr_array_unref (t->rows);
  ss_dfilter_free (t->filter);
  g_free (t->filter_text);
  g_free (t);
}

void
ss_conv_table_want (SsConvTable *t,
                    SsEngine    *engine)
{
  conv_fields_want (&t->f, engine);
  ss_stats_filter_want (t->filter, engine);
}

void
ss_conv_table_packet (SsConvTable    *t,
                      const SsPacket *pkt)
{
  ConvEvent ev[MAX_EVENTS];
  gint64 rel = ss_stats_clock_tick (&t->clock, pkt);
  guint n;

  if (!ss_stats_filter_match (t->filter, pkt))
    return;
  n = conv_events (&t->f, pkt, ev);
  for (guint i = 0; i < n; i++)
    {
      SsConvRow key = { 0 };
      SsConvRow *row;

      key.a = ev[i].src;
      key.b = ev[i].dst;
      key.port_a = ev[i].sport;
      key.port_b = ev[i].dport;
      key.stream = t->f.type == SS_CONV_TCP ? ev[i].stream : G_MAXUINT32;
      row = g_hash_table_lookup (t->index, &key);
      if (!row)
        {
          row = g_memdup2 (&key, sizeof key);
          row->start_ns = row->stop_ns = rel;
          row->start_abs_ns = pkt->ts_ns;
          row->first_frame = pkt->number;
          row->first_rank = t->rows->len;
          g_ptr_array_add (t->rows, row);
          g_hash_table_add (t->index, row);
        }
      else if (rel > row->stop_ns)
        row->stop_ns = rel;
      else if (rel < row->start_ns)
        {
          row->start_ns = rel;
          row->start_abs_ns = pkt->ts_ns;
        }
      if (same_sides (&key, row))
        {
          row->frames_ab++;
          row->bytes_ab += pkt->len;
        }
      else
        {
          row->frames_ba++;
          row->bytes_ba += pkt->len;
        }
    }
}

guint
ss_conv_table_get_n_rows (const SsConvTable *t)
{
  return t->rows->len;
}

const SsConvRow *
ss_conv_table_get_row (const SsConvTable *t,
                       guint              index)
{
  g_return_val_if_fail (index < t->rows->len, NULL);
  return g_ptr_array_index (t->rows, index);
}

static gint
conv_row_cmp (gconstpointer pa,
              gconstpointer pb)
{
  const SsConvRow *x = *(SsConvRow *const *) pa, *y = *(SsConvRow *const *) pb;
  guint64 fx = x->frames_ab + x->frames_ba, fy = y->frames_ab + y->frames_ba;

  return fx < fy ? 1 : fx > fy ? -1 : 0;
}

/* tshark's order: total frames, largest first, ties in order of appearance (a stable sort). */
static GPtrArray *
sorted_rows (GPtrArray    *rows,
             GCompareFunc  cmp)
{
  GPtrArray *copy = g_ptr_array_new_full (rows->len, NULL);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (rows, i));
  g_ptr_array_sort (copy, cmp);
  return copy;
}

static gboolean
has_ports (SsConvType type)
{
  return type == SS_CONV_TCP || type == SS_CONV_UDP;
}

static void
append_endpoint_name (GString         *out,
                      const SsAddress *a,
                      guint16          port,
                      gboolean         ports)
{
  append_address (out, a);
  if (ports)
    g_string_append_printf (out, ":%u", port);
}

static void
conv_print_text (SsConvTable *t,
                 GString     *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (t->rows, conv_row_cmp);
  gboolean ports = has_ports (t->f.type);
  const char *pad = ports ? "            " : "";
  int w = ports ? 26 : 20;

  g_string_append (out, "================================================================"
                        "================\n");
  g_string_append_printf (out, "%s Conversations\n", ss_conv_type_get_title (t->f.type));
  g_string_append_printf (out, "Filter:%s\n", t->filter_text ? t->filter_text : "<No Filter>");
  g_string_append_printf (out, "%s                                               |       <-      "
                          "| |       ->      | |     Total     |    Relative    |   Duration   "
                          "|\n", pad);
  g_string_append_printf (out, "%s                                               | Frames  Bytes "
                          "| | Frames  Bytes | | Frames  Bytes |      Start     |              "
                          "|\n", pad);
  for (guint i = 0; i < rows->len; i++)
    {
      const SsConvRow *r = g_ptr_array_index (rows, i);
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      g_autoptr(GString) rx = g_string_new (NULL);
      g_autoptr(GString) tx = g_string_new (NULL);
      g_autoptr(GString) tot = g_string_new (NULL);

      append_endpoint_name (a, &r->a, r->port_a, ports);
      append_endpoint_name (b, &r->b, r->port_b, ports);
      ss_stats_format_bytes (r->bytes_ba, rx);
      ss_stats_format_bytes (r->bytes_ab, tx);
      ss_stats_format_bytes (r->bytes_ab + r->bytes_ba, tot);
      g_string_append_printf (out, "%-*s <-> %-*s  %6" G_GUINT64_FORMAT " %-9s  %6"
                              G_GUINT64_FORMAT " %-9s  %6" G_GUINT64_FORMAT " %-9s  ",
                              w, a->str, w, b->str, r->frames_ba, rx->str, r->frames_ab, tx->str,
                              r->frames_ab + r->frames_ba, tot->str);
      g_string_append_printf (out, "%14.9f   %12.4f\n", ns_to_sec (r->start_ns),
                              ns_to_sec (r->stop_ns) - ns_to_sec (r->start_ns));
    }
  g_string_append (out, "================================================================"
                        "================\n");
}

static void
json_address (GString         *out,
              const char      *key,
              const SsAddress *a)
{
  char buf[64];

  g_string_append_printf (out, "\"%s\": ", key);
  ss_stats_json_string (out, ss_address_to_string (a, buf, sizeof buf));
}

static void
conv_print_json (SsConvTable *t,
                 GString     *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (t->rows, conv_row_cmp);
  gboolean ports = has_ports (t->f.type);

  g_string_append_printf (out, "{\"statistic\": \"conv,%s\", \"filter\": ",
                          conv_type_names[t->f.type]);
  if (t->filter_text)
    ss_stats_json_string (out, t->filter_text);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"conversations\": [");
  for (guint i = 0; i < rows->len; i++)
    {
      const SsConvRow *r = g_ptr_array_index (rows, i);

      g_string_append (out, i ? ",\n  {" : "\n  {");
      json_address (out, "address_a", &r->a);
      if (ports)
        g_string_append_printf (out, ", \"port_a\": %u", r->port_a);
      g_string_append (out, ", ");
      json_address (out, "address_b", &r->b);
      if (ports)
        g_string_append_printf (out, ", \"port_b\": %u", r->port_b);
      if (t->f.type == SS_CONV_TCP && r->stream != G_MAXUINT32)
        g_string_append_printf (out, ", \"stream\": %u", r->stream);
      g_string_append_printf (out, ", \"frames_ab\": %" G_GUINT64_FORMAT ", \"bytes_ab\": %"
                              G_GUINT64_FORMAT ", \"frames_ba\": %" G_GUINT64_FORMAT
                              ", \"bytes_ba\": %" G_GUINT64_FORMAT ", \"frames\": %"
                              G_GUINT64_FORMAT ", \"bytes\": %" G_GUINT64_FORMAT,
                              r->frames_ab, r->bytes_ab, r->frames_ba, r->bytes_ba,
                              r->frames_ab + r->frames_ba, r->bytes_ab + r->bytes_ba);
      g_string_append (out, ", \"rel_start\": ");
      ss_stats_json_double (out, ns_to_sec (r->start_ns));
      g_string_append (out, ", \"duration\": ");
      ss_stats_json_double (out, ns_to_sec (r->stop_ns) - ns_to_sec (r->start_ns));
      g_string_append (out, "}");
    }
  g_string_append (out, rows->len ? "\n]}\n" : "]}\n");
}

static void
conv_print_csv (SsConvTable *t,
                GString     *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (t->rows, conv_row_cmp);
  gboolean ports = has_ports (t->f.type);
  char buf[64];

  g_string_append (out, ports ? "address_a,port_a,address_b,port_b" : "address_a,address_b");
  if (t->f.type == SS_CONV_TCP)
    g_string_append (out, ",stream");
  g_string_append (out, ",frames_ab,bytes_ab,frames_ba,bytes_ba,frames,bytes,rel_start,"
                        "duration\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const SsConvRow *r = g_ptr_array_index (rows, i);

      ss_stats_csv_field (out, ss_address_to_string (&r->a, buf, sizeof buf));
      if (ports)
        g_string_append_printf (out, ",%u", r->port_a);
      g_string_append_c (out, ',');
      ss_stats_csv_field (out, ss_address_to_string (&r->b, buf, sizeof buf));
      if (ports)
        g_string_append_printf (out, ",%u", r->port_b);
      if (t->f.type == SS_CONV_TCP)
        {
          if (r->stream != G_MAXUINT32)
            g_string_append_printf (out, ",%u", r->stream);
          else
            g_string_append (out, ",");
        }
      g_string_append_printf (out, ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%"
                              G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%"
                              G_GUINT64_FORMAT, r->frames_ab, r->bytes_ab, r->frames_ba,
                              r->bytes_ba, r->frames_ab + r->frames_ba,
                              r->bytes_ab + r->bytes_ba);
      g_string_append_printf (out, ",%s", g_ascii_formatd (buf, sizeof buf, "%.9f",
                                                           ns_to_sec (r->start_ns)));
      g_string_append_printf (out, ",%s\n", g_ascii_formatd (buf, sizeof buf, "%.9f",
                                                             ns_to_sec (r->stop_ns)
                                                             - ns_to_sec (r->start_ns)));
    }
}

void
ss_conv_table_print (SsConvTable   *t,
                     SsStatsFormat  format,
                     GString       *out)
{
  if (format == SS_STATS_FORMAT_JSON)
    conv_print_json (t, out);
  else if (format == SS_STATS_FORMAT_CSV)
    conv_print_csv (t, out);
  else
    conv_print_text (t, out);
}

/* ---- endpoints ----------------------------------------------------------------------------- */

struct _SsEndpointTable
{
  const SsRegistry *reg;
  ConvFields        f;
  char             *filter_text;
  SsDfilter        *filter;
  GPtrArray        *rows;
  GHashTable       *index;
};

static guint
endpoint_hash (gconstpointer p)
{
  const SsEndpointRow *r = p;

  return address_hash (&r->addr) * 65599 + r->port;
}

static gboolean
endpoint_equal (gconstpointer pa,
                gconstpointer pb)
{
  const SsEndpointRow *x = pa, *y = pb;

  return x->port == y->port && address_equal (&x->addr, &y->addr);
}

SsEndpointTable *
ss_endpoint_table_new (const SsRegistry  *reg,
                       SsConvType         type,
                       const char        *filter,
                       GError           **error)
{
  g_autoptr(SsEndpointTable) t = g_new0 (SsEndpointTable, 1);
  g_autoptr(GError) local = NULL;

  t->reg = reg;
  conv_fields_init (&t->f, reg, type);
  t->rows = g_ptr_array_new_with_free_func (g_free);
  t->index = g_hash_table_new (endpoint_hash, endpoint_equal);
  t->filter_text = g_strdup (filter);
  if (!ss_stats_filter_compile (reg, filter, &t->filter, &local))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER,
                   _("Couldn't register endpoint tap: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&t);
}

void
ss_endpoint_table_free (SsEndpointTable *t)
{
  if (!t)
    return;
  g_hash_table_unref (t->index);
  g_ptr_array_unref (t->rows);
  ss_dfilter_free (t->filter);
  g_free (t->filter_text);
  g_free (t);
}

void
ss_endpoint_table_want (SsEndpointTable *t,
                        SsEngine        *engine)
{
  conv_fields_want (&t->f, engine);
  ss_stats_filter_want (t->filter, engine);
}

static void
endpoint_add (SsEndpointTable *t,
              const SsAddress *addr,
              guint16          port,
              gboolean         sender,
              const SsPacket  *pkt)
{
  SsEndpointRow key = { 0 };
  SsEndpointRow *row;
  guint32 len = pkt->len;

  key.addr = *addr;
  key.port = port;
  row = g_hash_table_lookup (t->index, &key);
  if (!row)
    {
      key.first_frame = pkt->number;
      key.first_rank = t->rows->len;
      row = g_memdup2 (&key, sizeof key);
      g_ptr_array_add (t->rows, row);
      g_hash_table_add (t->index, row);
    }
  if (sender)
    {
      row->tx_frames++;
      row->tx_bytes += len;
    }
  else
    {
      row->rx_frames++;
      row->rx_bytes += len;
    }
}

void
ss_endpoint_table_packet (SsEndpointTable *t,
                          const SsPacket  *pkt)
{
  ConvEvent ev[MAX_EVENTS];
  guint n;

  if (!ss_stats_filter_match (t->filter, pkt))
    return;
  n = conv_events (&t->f, pkt, ev);
  for (guint i = 0; i < n; i++)
    {
      endpoint_add (t, &ev[i].src, ev[i].sport, TRUE, pkt);
      endpoint_add (t, &ev[i].dst, ev[i].dport, FALSE, pkt);
    }
}

guint
ss_endpoint_table_get_n_rows (const SsEndpointTable *t)
{
  return t->rows->len;
}

const SsEndpointRow *
ss_endpoint_table_get_row (const SsEndpointTable *t,
                           guint                  index)
{
  g_return_val_if_fail (index < t->rows->len, NULL);
  return g_ptr_array_index (t->rows, index);
}

static gint
endpoint_row_cmp (gconstpointer pa,
                  gconstpointer pb)
{
  const SsEndpointRow *x = *(SsEndpointRow *const *) pa, *y = *(SsEndpointRow *const *) pb;
  guint64 fx = x->tx_frames + x->rx_frames, fy = y->tx_frames + y->rx_frames;

  return fx < fy ? 1 : fx > fy ? -1 : 0;
}

static void
endpoint_print_text (SsEndpointTable *t,
                     GString         *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (t->rows, endpoint_row_cmp);
  gboolean ports = has_ports (t->f.type);
  char buf[64];

  g_string_append (out, "================================================================"
                        "================\n");
  g_string_append_printf (out, "%s Endpoints\n", ss_conv_type_get_title (t->f.type));
  g_string_append_printf (out, "Filter:%s\n", t->filter_text ? t->filter_text : "<No Filter>");
  g_string_append_printf (out, "                       |  %sPackets  | |  Bytes  | | Tx Packets | "
                          "| Tx Bytes | | Rx Packets | | Rx Bytes |\n", ports ? "Port  ||  " : "");
  for (guint i = 0; i < rows->len; i++)
    {
      const SsEndpointRow *r = g_ptr_array_index (rows, i);

      g_string_append_printf (out, "%-20s      ", ss_address_to_string (&r->addr, buf,
                                                                        sizeof buf));
      if (ports)
        g_string_append_printf (out, "%5u     ", r->port);
      g_string_append_printf (out, "%6" G_GUINT64_FORMAT "     %9" G_GUINT64_FORMAT "     %6"
                              G_GUINT64_FORMAT "       %9" G_GUINT64_FORMAT "      %6"
                              G_GUINT64_FORMAT "       %9" G_GUINT64_FORMAT "   \n",
                              r->tx_frames + r->rx_frames, r->tx_bytes + r->rx_bytes,
                              r->tx_frames, r->tx_bytes, r->rx_frames, r->rx_bytes);
    }
  g_string_append (out, "================================================================"
                        "================\n");
}

static void
endpoint_print_json (SsEndpointTable *t,
                     GString         *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (t->rows, endpoint_row_cmp);
  gboolean ports = has_ports (t->f.type);

  g_string_append_printf (out, "{\"statistic\": \"endpoints,%s\", \"filter\": ",
                          conv_type_names[t->f.type]);
  if (t->filter_text)
    ss_stats_json_string (out, t->filter_text);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"endpoints\": [");
  for (guint i = 0; i < rows->len; i++)
    {
      const SsEndpointRow *r = g_ptr_array_index (rows, i);

      g_string_append (out, i ? ",\n  {" : "\n  {");
      json_address (out, "address", &r->addr);
      if (ports)
        g_string_append_printf (out, ", \"port\": %u", r->port);
      g_string_append_printf (out, ", \"frames\": %" G_GUINT64_FORMAT ", \"bytes\": %"
                              G_GUINT64_FORMAT ", \"tx_frames\": %" G_GUINT64_FORMAT
                              ", \"tx_bytes\": %" G_GUINT64_FORMAT ", \"rx_frames\": %"
                              G_GUINT64_FORMAT ", \"rx_bytes\": %" G_GUINT64_FORMAT "}",
                              r->tx_frames + r->rx_frames, r->tx_bytes + r->rx_bytes,
                              r->tx_frames, r->tx_bytes, r->rx_frames, r->rx_bytes);
    }
  g_string_append (out, rows->len ? "\n]}\n" : "]}\n");
}

static void
endpoint_print_csv (SsEndpointTable *t,
                    GString         *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (t->rows, endpoint_row_cmp);
  gboolean ports = has_ports (t->f.type);
  char buf[64];

  g_string_append (out, ports ? "address,port," : "address,");
  g_string_append (out, "frames,bytes,tx_frames,tx_bytes,rx_frames,rx_bytes\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const SsEndpointRow *r = g_ptr_array_index (rows, i);

      ss_stats_csv_field (out, ss_address_to_string (&r->addr, buf, sizeof buf));
      if (ports)
        g_string_append_printf (out, ",%u", r->port);
      g_string_append_printf (out, ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%"
                              G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%"
                              G_GUINT64_FORMAT "\n", r->tx_frames + r->rx_frames,
                              r->tx_bytes + r->rx_bytes, r->tx_frames, r->tx_bytes,
                              r->rx_frames, r->rx_bytes);
    }
}

void
ss_endpoint_table_print (SsEndpointTable *t,
                         SsStatsFormat    format,
                         GString         *out)
{
  if (format == SS_STATS_FORMAT_JSON)
    endpoint_print_json (t, out);
  else if (format == SS_STATS_FORMAT_CSV)
    endpoint_print_csv (t, out);
  else
    endpoint_print_text (t, out);
}

/* ---- `-z conv,TYPE[,FILTER]`, `-z endpoints,TYPE[,FILTER]` ------------------------------- */

static gboolean
parse_type_arg (const char  *arg,
                const char  *prefix,
                SsConvType  *type,
                const char **filter)
{
  const char *p = arg + strlen (prefix);
  const char *comma = strchr (p, ',');
  g_autofree char *name = comma ? g_strndup (p, comma - p) : g_strdup (p);
  SsConvType best = SS_CONV_ETH;
  gsize best_len = 0;

  /* As tshark: the longest type the argument starts with ("ipv6" before "ip"). */
  for (guint i = 0; i < G_N_ELEMENTS (conv_type_names); i++)
    {
      gsize len = strlen (conv_type_names[i]);

      if (strncmp (p, conv_type_names[i], len) == 0 && len > best_len)
        {
          best = (SsConvType) i;
          best_len = len;
        }
    }
  if (!best_len)
    return FALSE;
  *type = best;
  *filter = p[best_len] == ',' ? p + best_len + 1 : NULL;
  return TRUE;
}

gpointer
ss_conv_table_new_from_arg (const SsRegistry *reg,
                            const char       *arg,
                            GError          **error)
{
  SsConvType type;
  const char *filter;

  if (!parse_type_arg (arg, "conv,", &type, &filter))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
                   _("invalid \"-z conv,<type>[,<filter>]\" argument"));
      return NULL;
    }
  return ss_conv_table_new (reg, type, filter, error);
}

gpointer
ss_endpoint_table_new_from_arg (const SsRegistry *reg,
                                const char       *arg,
                                GError          **error)
{
  SsConvType type;
  const char *filter;

  if (!parse_type_arg (arg, "endpoints,", &type, &filter))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
                   _("invalid \"-z endpoints,<type>[,<filter>]\" argument"));
      return NULL;
    }
  return ss_endpoint_table_new (reg, type, filter, error);
}

static void
conv_want (gpointer  s,
           SsEngine *e)
{
  ss_conv_table_want (s, e);
}

static void
conv_packet (gpointer        s,
             const SsPacket *p)
{
  ss_conv_table_packet (s, p);
}

static void
conv_print (gpointer       s,
            SsStatsFormat  f,
            GString       *o)
{
  ss_conv_table_print (s, f, o);
}

static void
conv_free (gpointer s)
{
  ss_conv_table_free (s);
}

/* Rows in the order of appearance: by the frame that made them, then in the order that frame
 * made them. Both come from the one part that saw the frame (the rank is the row's place in
 * that part's rows, which grow in frame order), so the merged order is one pass's order. */
static gint
by_appearance (guint32 frame_x,
               guint32 rank_x,
               guint32 frame_y,
               guint32 rank_y)
{
  if (frame_x != frame_y)
    return frame_x < frame_y ? -1 : 1;
  return rank_x < rank_y ? -1 : rank_x > rank_y;
}

static gint
conv_by_appearance (gconstpointer pa,
                    gconstpointer pb)
{
  const SsConvRow *x = *(SsConvRow *const *) pa, *y = *(SsConvRow *const *) pb;

  return by_appearance (x->first_frame, x->first_rank, y->first_frame, y->first_rank);
}

static gint
endpoint_by_appearance (gconstpointer pa,
                        gconstpointer pb)
{
  const SsEndpointRow *x = *(SsEndpointRow *const *) pa, *y = *(SsEndpointRow *const *) pb;

  return by_appearance (x->first_frame, x->first_rank, y->first_frame, y->first_rank);
}

static gpointer
conv_new_part (gpointer s,
               gint64   first_ns)
{
  SsConvTable *t = s;
  SsConvTable *part = ss_conv_table_new (t->reg, t->f.type, t->filter_text, NULL);

  ss_stats_clock_start (&part->clock, first_ns);
  return part;
}

/* Adds @part's rows: a conversation both saw is one row, its sides those of the one that saw
 * it first (its first packet's source is side A), its times the earliest and the latest. */
static void
conv_merge (gpointer s,
            gpointer p)
{
  SsConvTable *t = s;
  const SsConvTable *part = p;

  ss_stats_clock_merge (&t->clock, &part->clock);
  for (guint i = 0; i < part->rows->len; i++)
    {
      const SsConvRow *r = g_ptr_array_index (part->rows, i);
      SsConvRow *row = g_hash_table_lookup (t->index, r);
      gboolean same;

      if (!row)
        {
          row = g_memdup2 (r, sizeof *r);
          g_ptr_array_add (t->rows, row);
          g_hash_table_add (t->index, row);
          continue;
        }
      same = same_sides (r, row);
      if (!same && r->first_frame < row->first_frame)
        {
          /* The key's hash and equality read both orders: turning the row round keeps it. */
          SsAddress a = row->a;
          guint16 port_a = row->port_a;
          guint64 frames = row->frames_ab, bytes = row->bytes_ab;

          row->a = row->b;
          row->b = a;
          row->port_a = row->port_b;
          row->port_b = port_a;
          row->frames_ab = row->frames_ba;
          row->bytes_ab = row->bytes_ba;
          row->frames_ba = frames;
          row->bytes_ba = bytes;
          same = TRUE;
        }
      if (r->first_frame < row->first_frame)
        {
          row->first_frame = r->first_frame;
          row->first_rank = r->first_rank;
        }
      row->frames_ab += same ? r->frames_ab : r->frames_ba;
      row->bytes_ab += same ? r->bytes_ab : r->bytes_ba;
      row->frames_ba += same ? r->frames_ba : r->frames_ab;
      row->bytes_ba += same ? r->bytes_ba : r->bytes_ab;
      if (r->start_ns < row->start_ns)
        {
          row->start_ns = r->start_ns;
          row->start_abs_ns = r->start_abs_ns;
        }
      row->stop_ns = MAX (row->stop_ns, r->stop_ns);
    }
  g_ptr_array_sort (t->rows, conv_by_appearance);
}

const SsStatClass ss_conv_table_class = {
  .kind = "conv",
  .want = conv_want,
  .packet = conv_packet,
  .print = conv_print,
  .free = conv_free,
  .new_part = conv_new_part,
  .merge = conv_merge,
};

static void
ep_want (gpointer  s,
         SsEngine *e)
{
  ss_endpoint_table_want (s, e);
}

static void
ep_packet (gpointer        s,
           const SsPacket *p)
{
  ss_endpoint_table_packet (s, p);
}

static void
ep_print (gpointer       s,
          SsStatsFormat  f,
          GString       *o)
{
  ss_endpoint_table_print (s, f, o);
}

static void
ep_free (gpointer s)
{
  ss_endpoint_table_free (s);
}

static gpointer
ep_new_part (gpointer s,
             gint64   first_ns)
{
  SsEndpointTable *t = s;

  return ss_endpoint_table_new (t->reg, t->f.type, t->filter_text, NULL);
}

static void
ep_merge (gpointer s,
          gpointer p)
{
  SsEndpointTable *t = s;
  const SsEndpointTable *part = p;

  for (guint i = 0; i < part->rows->len; i++)
    {
      const SsEndpointRow *r = g_ptr_array_index (part->rows, i);
      SsEndpointRow *row = g_hash_table_lookup (t->index, r);

      if (!row)
        {
          row = g_memdup2 (r, sizeof *r);
          g_ptr_array_add (t->rows, row);
          g_hash_table_add (t->index, row);
          continue;
        }
      if (r->first_frame < row->first_frame)
        {
          row->first_frame = r->first_frame;
          row->first_rank = r->first_rank;
        }
      row->tx_frames += r->tx_frames;
      row->tx_bytes += r->tx_bytes;
      row->rx_frames += r->rx_frames;
      row->rx_bytes += r->rx_bytes;
    }
  g_ptr_array_sort (t->rows, endpoint_by_appearance);
}

const SsStatClass ss_endpoint_table_class = {
  .kind = "endpoints",
  .want = ep_want,
  .packet = ep_packet,
  .print = ep_print,
  .free = ep_free,
  .new_part = ep_new_part,
  .merge = ep_merge,
};
