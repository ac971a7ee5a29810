/* ss-series.c: I/O graph and TCP stream graph series */
#include "config.h"

#include <string.h>

#include "ss-series.h"
#include "ss-stats-private.h"

/* A 1 ms interval over more than two hours of capture stops here rather than eating memory;
 * cells live in chunks allocated where packets are, so long quiet periods cost nothing. */
#define IO_GRAPH_MAX_INTERVALS (1u << 23)
#define IO_GRAPH_CHUNK 4096
#define MAX_HEADERS 8

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

/* ---- I/O graph ---------------------------------------------------------------------------- */

typedef struct
{
  guint32 packets;
  guint32 n;          /* values of the field */
  guint64 bytes;
  double  sum, min, max;
} IoGCell;

typedef struct
{
  char        *name;
  SsIoGraphY   y;
  SsFieldId    field;
  SsFieldType  ftype;
  SsDfilter   *filter;
  GPtrArray   *chunks;    /* IoGCell[IO_GRAPH_CHUNK] or NULL */
} IoGSeries;

static IoGCell *
cell_get (const IoGSeries *s,
          guint            idx,
          gboolean         create)
{
  guint c = idx / IO_GRAPH_CHUNK;
  IoGCell *chunk;

  if (c >= s->chunks->len)
    {
      if (!create)
        return NULL;
      g_ptr_array_set_size (s->chunks, c + 1);
    }
  chunk = g_ptr_array_index (s->chunks, c);
  if (!chunk)
    {
      if (!create)
        return NULL;
      chunk = g_new0 (IoGCell, IO_GRAPH_CHUNK);
      g_ptr_array_index (s->chunks, c) = chunk;
    }
  return &chunk[idx % IO_GRAPH_CHUNK];
}

struct _SsIoGraph
{
  const SsRegistry *reg;
  gint64            interval_ns;
  GPtrArray        *series;
  SsStatsClock      clock;
  guint             n_intervals;
};

static void
io_series_free (gpointer data)
{
  IoGSeries *s = data;

  g_free (s->name);
  ss_dfilter_free (s->filter);
  g_ptr_array_unref (s->chunks);
  g_free (s);
}

SsIoGraph *
ss_io_graph_new (const SsRegistry *reg,
                 gint64            interval_ns,
                 GError          **error)
{
  SsIoGraph *g;

  if (interval_ns < SS_IO_GRAPH_MIN_INTERVAL_NS || interval_ns > SS_IO_GRAPH_MAX_INTERVAL_NS)
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
                   _("The interval must be between 1 ms and 10 min"));
      return NULL;
    }
  g = g_new0 (SsIoGraph, 1);
  g->reg = reg;
  g->interval_ns = interval_ns;
  g->series = g_ptr_array_new_with_free_func (io_series_free);
  return g;
}

void
ss_io_graph_free (SsIoGraph *g)
{
  if (!g)
    return;
  g_ptr_array_unref (g->series);
  g_free (g);
}

static gboolean
numeric_type (SsFieldType t)
{
  return ss_field_type_is_integer (t) || t == SS_FT_FLOAT || t == SS_FT_DOUBLE
         || t == SS_FT_RELATIVE_TIME || t == SS_FT_FRAMENUM;
}

gint
ss_io_graph_add_series (SsIoGraph   *g,
                        const char  *name,
                        const char  *filter,
                        SsIoGraphY   y,
                        const char  *field,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;
  IoGSeries *s = g_new0 (IoGSeries, 1);

  s->name = g_strdup (name ? name : "");
  s->y = y;
  s->field = SS_FIELD_ID_NONE;
  s->chunks = g_ptr_array_new_with_free_func (g_free);
  if (y >= SS_IO_GRAPH_SUM)
    {
      s->field = field ? lookup (g->reg, field) : SS_FIELD_ID_NONE;
      if (s->field == SS_FIELD_ID_NONE)
        {
          g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FIELD,
                       _("There is no field named '%s'."), field ? field : "");
          io_series_free (s);
          return -1;
        }
      s->ftype = ss_registry_get_field (g->reg, s->field)->type;
      if (y != SS_IO_GRAPH_COUNT && !numeric_type (s->ftype))
        {
          g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FIELD,
                       _("%s doesn't have numeric values, so it can only be counted."), field);
          io_series_free (s);
          return -1;
        }
    }
  if (!ss_stats_filter_compile (g->reg, filter, &s->filter, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      io_series_free (s);
      return -1;
    }
  g_ptr_array_add (g->series, s);
  return (gint) g->series->len - 1;
}

void
ss_io_graph_want (SsIoGraph *g,
                  SsEngine  *engine)
{
  for (guint i = 0; i < g->series->len; i++)
    {
      IoGSeries *s = g_ptr_array_index (g->series, i);

      ss_stats_filter_want (s->filter, engine);
      if (s->field != SS_FIELD_ID_NONE)
        ss_engine_want_field (engine, s->field);
    }
}

void
ss_io_graph_packet (SsIoGraph      *g,
                    const SsPacket *pkt)
{
  gint64 rel = ss_stats_clock_tick (&g->clock, pkt);
  guint64 idx = rel > 0 ? (guint64) (rel / g->interval_ns) : 0;

  if (idx >= IO_GRAPH_MAX_INTERVALS)
    return;
  if (idx + 1 > g->n_intervals)
    g->n_intervals = (guint) idx + 1;
  for (guint i = 0; i < g->series->len; i++)
    {
      IoGSeries *s = g_ptr_array_index (g->series, i);
      IoGCell *c;

      if (!ss_stats_filter_match (s->filter, pkt))
        continue;
      c = cell_get (s, (guint) idx, TRUE);
      c->packets++;
      c->bytes += pkt->len;
      if (s->field == SS_FIELD_ID_NONE)
        continue;
      for (const SsItem *item = pkt->added_head; item; item = item->next_added)
        {
          double v;

          if (item->id != s->field)
            continue;
          v = s->y == SS_IO_GRAPH_COUNT ? 0 : ss_stats_item_double (item);
          if (c->n == 0 || v < c->min)
            c->min = v;
          if (c->n == 0 || v > c->max)
            c->max = v;
          c->sum += v;
          c->n++;
        }
    }
}

gint64
ss_io_graph_get_interval (const SsIoGraph *g)
{
  return g->interval_ns;
}

guint
ss_io_graph_get_n_series (const SsIoGraph *g)
{
  return g->series->len;
}

const char *
ss_io_graph_get_series_name (const SsIoGraph *g,
                             guint            series)
{
  g_return_val_if_fail (series < g->series->len, NULL);
  return ((IoGSeries *) g_ptr_array_index (g->series, series))->name;
}

guint
ss_io_graph_get_n_intervals (const SsIoGraph *g)
{
  return g->n_intervals;
}

static const IoGCell *
cell_at (const SsIoGraph *g,
         guint            series,
         guint            interval,
         const IoGSeries **s_out)
{
  const IoGSeries *s;

  g_return_val_if_fail (series < g->series->len, NULL);
  s = g_ptr_array_index (g->series, series);
  *s_out = s;
  return cell_get (s, interval, FALSE);
}

double
ss_io_graph_get_value (const SsIoGraph *g,
                       guint            series,
                       guint            interval)
{
  const IoGSeries *s = NULL;
  const IoGCell *c = cell_at (g, series, interval, &s);

  if (!c)
    return 0;
  switch (s->y)
    {
    case SS_IO_GRAPH_PACKETS:
      return c->packets;
    case SS_IO_GRAPH_BYTES:
      return (double) c->bytes;
    case SS_IO_GRAPH_BITS:
      return (double) c->bytes * 8;
    case SS_IO_GRAPH_SUM:
      return c->sum;
    case SS_IO_GRAPH_MIN:
      return c->n ? c->min : 0;
    case SS_IO_GRAPH_MAX:
      return c->n ? c->max : 0;
    case SS_IO_GRAPH_AVG:
      return c->n ? c->sum / c->n : 0;
    case SS_IO_GRAPH_COUNT:
    default:
      return c->n;
    }
}

gboolean
ss_io_graph_has_value (const SsIoGraph *g,
                       guint            series,
                       guint            interval)
{
  const IoGSeries *s = NULL;
  const IoGCell *c = cell_at (g, series, interval, &s);

  if (s->y == SS_IO_GRAPH_MIN || s->y == SS_IO_GRAPH_MAX || s->y == SS_IO_GRAPH_AVG)
    return c && c->n > 0;
  return interval < g->n_intervals;
}

double *
ss_io_graph_dup_values (const SsIoGraph *g,
                        guint            series,
                        guint           *n_values)
{
  double *v = g_new0 (double, MAX (g->n_intervals, 1u));

  for (guint i = 0; i < g->n_intervals; i++)
    v[i] = ss_io_graph_get_value (g, series, i);
  *n_values = g->n_intervals;
  return v;
}

/* ---- TCP stream graphs -------------------------------------------------------------------- */

typedef struct
{
  SsAddress src;
  guint16   sport;
  guint32   stream;
  gboolean  have_stream;
  guint32   seq, ack, len, win, bif;
  gboolean  have_win, have_bif, have_rtt, zero_window, retrans;
  double    rtt;
} TcpHeader;

struct _SsTcpGraph
{
  const SsRegistry *reg;
  guint32           stream;
  guint             direction;
  double            tp_window;
  gboolean          have_a;
  SsAddress         a;
  guint16           a_port;
  GArray           *points[SS_TCP_SERIES_COUNT];
  GQueue            tp_segments;    /* recent data segments: (t, len, retrans) */
  SsStatsClock      clock;
  SsFieldId         f_ip_src, f_ip6_src, f_icmp, f_icmpv6, f_sport, f_stream, f_seq, f_ack;
  SsFieldId         f_len, f_win, f_bif, f_rtt, f_zero, f_retrans, f_fast_retrans;
};

typedef struct
{
  double  t;
  guint32 len;
  gboolean retrans;
} TpSegment;

SsTcpGraph *
ss_tcp_graph_new (const SsRegistry *reg,
                  guint32           stream,
                  guint             direction,
                  GError          **error)
{
  SsTcpGraph *g;

  if (direction > 1)
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS, _("The direction is 0 or 1"));
      return NULL;
    }
  g = g_new0 (SsTcpGraph, 1);
  g->reg = reg;
  g->stream = stream;
  g->direction = direction;
  g->tp_window = 1.0;
  for (guint i = 0; i < SS_TCP_SERIES_COUNT; i++)
    g->points[i] = g_array_new (FALSE, TRUE, sizeof (SsGraphPoint));
  g_queue_init (&g->tp_segments);
  g->f_ip_src = lookup (reg, "ip.src");
  g->f_ip6_src = lookup (reg, "ipv6.src");
  g->f_icmp = lookup (reg, "icmp");
  g->f_icmpv6 = lookup (reg, "icmpv6");
  g->f_sport = lookup (reg, "tcp.srcport");
  g->f_stream = lookup (reg, "tcp.stream");
  g->f_seq = lookup (reg, "tcp.seq");
  g->f_ack = lookup (reg, "tcp.ack");
  g->f_len = lookup (reg, "tcp.len");
  g->f_win = lookup (reg, "tcp.window_size");
  g->f_bif = lookup (reg, "tcp.analysis.bytes_in_flight");
  g->f_rtt = lookup (reg, "tcp.analysis.ack_rtt");
  g->f_zero = lookup (reg, "tcp.analysis.zero_window");
  g->f_retrans = lookup (reg, "tcp.analysis.retransmission");
  g->f_fast_retrans = lookup (reg, "tcp.analysis.fast_retransmission");
  return g;
}

void
ss_tcp_graph_free (SsTcpGraph *g)
{
  if (!g)
    return;
  for (guint i = 0; i < SS_TCP_SERIES_COUNT; i++)
    g_array_unref (g->points[i]);
  g_queue_clear_full (&g->tp_segments, g_free);
  g_free (g);
}

void
ss_tcp_graph_set_throughput_window (SsTcpGraph *g,
                                    double      seconds)
{
  g_return_if_fail (seconds > 0);
  g->tp_window = seconds;
}

void
ss_tcp_graph_want (SsTcpGraph *g,
                   SsEngine   *engine)
{
  SsFieldId ids[] = { g->f_ip_src, g->f_ip6_src, g->f_icmp, g->f_icmpv6, g->f_sport,
                      g->f_stream, g->f_seq, g->f_ack, g->f_len, g->f_win, g->f_bif, g->f_rtt,
                      g->f_zero, g->f_retrans, g->f_fast_retrans };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != SS_FIELD_ID_NONE)
      ss_engine_want_field (engine, ids[i]);
}

static void
add_point (SsTcpGraph *g,
           SsTcpSeries series,
           double      t,
           double      y,
           double      y2,
           guint32     frame)
{
  SsGraphPoint p = { t, y, y2, frame };

  g_array_append_val (g->points[series], p);
}

static void
throughput_points (SsTcpGraph *g,
                   double      t,
                   guint32     len,
                   gboolean    retrans,
                   guint32     frame)
{
  TpSegment *seg = g_new0 (TpSegment, 1);
  guint64 total = 0, good = 0;

  seg->t = t;
  seg->len = len;
  seg->retrans = retrans;
  g_queue_push_tail (&g->tp_segments, seg);
  while (!g_queue_is_empty (&g->tp_segments)
         && ((TpSegment *) g_queue_peek_head (&g->tp_segments))->t <= t - g->tp_window)
    g_free (g_queue_pop_head (&g->tp_segments));
  for (GList *l = g->tp_segments.head; l; l = l->next)
    {
      TpSegment *s = l->data;

      total += s->len;
      if (!s->retrans)
        good += s->len;
    }
  add_point (g, SS_TCP_SERIES_THROUGHPUT, t, (double) total * 8 / g->tp_window, 0, frame);
  add_point (g, SS_TCP_SERIES_GOODPUT, t, (double) good * 8 / g->tp_window, 0, frame);
}

void
ss_tcp_graph_packet (SsTcpGraph     *g,
                     const SsPacket *pkt)
{
  TcpHeader h[MAX_HEADERS];
  SsAddress src = { 0 };
  guint n = 0;
  gboolean open = FALSE;
  gint64 rel = ss_stats_clock_tick (&g->clock, pkt);
  double t = (double) (rel / 1000000000) + (double) (rel % 1000000000) / 1e9;

  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (id == g->f_icmp || id == g->f_icmpv6)
        break;
      if (id == g->f_ip_src || id == g->f_ip6_src)
        {
          memset (&src, 0, sizeof src);
          src.type = item->def->type == SS_FT_IPv6 ? SS_ADDR_IPV6 : SS_ADDR_IPV4;
          src.len = src.type == SS_ADDR_IPV6 ? 16 : 4;
          memcpy (src.data, item->v.addr, src.len);
        }
      else if (id == g->f_sport)
        {
          if (open)
            n++;
          if (n == MAX_HEADERS)
            {
              open = FALSE;
              break;
            }
          memset (&h[n], 0, sizeof h[n]);
          h[n].src = src;
          h[n].sport = (guint16) item->v.u;
          open = TRUE;
        }
      else if (!open)
        continue;
      else if (id == g->f_stream)
        {
          h[n].stream = (guint32) item->v.u;
          h[n].have_stream = TRUE;
        }
      else if (id == g->f_seq)
        h[n].seq = (guint32) item->v.u;
      else if (id == g->f_ack)
        h[n].ack = (guint32) item->v.u;
      else if (id == g->f_len)
        h[n].len = (guint32) item->v.u;
      else if (id == g->f_win)
        {
          h[n].win = (guint32) item->v.u;
          h[n].have_win = TRUE;
        }
      else if (id == g->f_bif)
        {
          h[n].bif = (guint32) item->v.u;
          h[n].have_bif = TRUE;
        }
      else if (id == g->f_rtt)
        {
          h[n].rtt = (double) item->v.time.secs + item->v.time.nsecs / 1e9;
          h[n].have_rtt = TRUE;
        }
      else if (id == g->f_zero)
        h[n].zero_window = TRUE;
      else if (id == g->f_retrans || id == g->f_fast_retrans)
        h[n].retrans = TRUE;
    }
  if (open)
    n++;

  for (guint i = 0; i < n; i++)
    {
      TcpHeader *x = &h[i];
      guint dir;

      if (!x->have_stream || x->stream != g->stream)
        continue;
      if (!g->have_a)
        {
          g->have_a = TRUE;
          g->a = x->src;
          g->a_port = x->sport;
        }
      dir = (x->sport == g->a_port && x->src.type == g->a.type
             && memcmp (x->src.data, g->a.data, x->src.len) == 0) ? 0 : 1;
      if (dir == g->direction)
        {
          /* The sender of the data. */
          if (x->len > 0)
            {
              add_point (g, SS_TCP_SERIES_STEVENS, t, x->seq, x->seq + x->len, pkt->number);
              throughput_points (g, t, x->len, x->retrans, pkt->number);
            }
          if (x->have_bif)
            add_point (g, SS_TCP_SERIES_IN_FLIGHT, t, x->bif, 0, pkt->number);
        }
      else
        {
          /* The receiver: its window, its zero windows, its ACKs' round-trip times. */
          if (x->have_win)
            add_point (g, SS_TCP_SERIES_WINDOW, t, x->win, 0, pkt->number);
          if (x->zero_window)
            add_point (g, SS_TCP_SERIES_ZERO_WINDOW, t, 0, 0, pkt->number);
          if (x->have_rtt)
            add_point (g, SS_TCP_SERIES_RTT, t, x->rtt, x->ack, pkt->number);
        }
    }
}

const SsGraphPoint *
ss_tcp_graph_get_points (const SsTcpGraph *g,
                         SsTcpSeries       series,
                         guint            *n_points)
{
  g_return_val_if_fail (series < SS_TCP_SERIES_COUNT, NULL);
  *n_points = g->points[series]->len;
  return (const SsGraphPoint *) g->points[series]->data;
}
