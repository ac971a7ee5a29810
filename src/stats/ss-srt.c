/* ss-srt.c: response times per URI path (HTTP) or per normalised query (PostgreSQL) */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ss-srt.h"
#include "ss-stats-private.h"

#define MAX_MESSAGES 32

typedef struct
{
  char   *key;
  GArray *times;     /* double seconds, in arrival order */
} SrtEntry;

typedef struct
{
  gint64      start_ns;   /* absolute, a multiple of the window */
  GHashTable *rows;       /* key -> SrtEntry */
} SrtWindow;

struct _SsSrt
{
  const SsRegistry *reg;
  SsSrtProto        proto;
  gboolean          keep_query;
  gint64            window_ns;
  char             *filter_text;
  SsDfilter        *filter;
  GHashTable       *pending;    /* request frame -> GQueue of keys */
  GHashTable       *rows;       /* key -> SrtEntry, whole capture */
  GPtrArray        *windows;    /* SrtWindow*, by start */
  SsFieldId         f_proto, f_query, f_time, f_request_in, f_method, f_icmp, f_icmpv6;
};

static void
entry_free (gpointer data)
{
  SrtEntry *e = data;

  g_free (e->key);
  g_array_unref (e->times);
  g_free (e);
}

static void
window_free (gpointer data)
{
  SrtWindow *w = data;

  g_hash_table_unref (w->rows);
  g_free (w);
}

static void
queue_free (gpointer data)
{
  g_queue_free_full (data, g_free);
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

SsSrt *
ss_srt_new (const SsRegistry  *reg,
            SsSrtProto         proto,
            gboolean           keep_query,
            gint64             window_ns,
            const char        *filter,
            GError           **error)
{
  g_autoptr(SsSrt) srt = g_new0 (SsSrt, 1);
  g_autoptr(GError) local = NULL;
  const char *need[4];

  srt->reg = reg;
  srt->proto = proto;
  srt->keep_query = keep_query;
  srt->window_ns = window_ns;
  srt->pending = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, queue_free);
  srt->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  srt->windows = g_ptr_array_new_with_free_func (window_free);
  if (proto == SS_SRT_HTTP)
    {
      need[0] = "http";
      need[1] = "http.request.uri";
      need[2] = "http.time";
      need[3] = "http.request_in";
      srt->f_method = lookup (reg, "http.request.method");
    }
  else
    {
      need[0] = "pgsql";
      need[1] = "pgsql.query";
      need[2] = "pgsql.time";
      need[3] = "pgsql.request_in";
      srt->f_method = SS_FIELD_ID_NONE;
    }
  srt->f_proto = lookup (reg, need[0]);
  srt->f_query = lookup (reg, need[1]);
  srt->f_time = lookup (reg, need[2]);
  srt->f_request_in = lookup (reg, need[3]);
  srt->f_icmp = lookup (reg, "icmp");
  srt->f_icmpv6 = lookup (reg, "icmpv6");
  for (guint i = 0; i < 4; i++)
    if (lookup (reg, need[i]) == SS_FIELD_ID_NONE)
      {
        g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FIELD,
                     _("srt,%s needs the field %s, which no dissector provides yet"),
                     proto == SS_SRT_HTTP ? "http" : "pgsql", need[i]);
        return NULL;
      }
  srt->filter_text = g_strdup (filter);
  if (!ss_stats_filter_compile (reg, filter, &srt->filter, &local))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER,
                   _("Couldn't register srt tap: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&srt);
}

void
ss_srt_free (SsSrt *srt)
{
  if (!srt)
    return;
  g_hash_table_unref (srt->pending);
  g_hash_table_unref (srt->rows);
  g_ptr_array_unref (srt->windows);
  ss_dfilter_free (srt->filter);
  g_free (srt->filter_text);
  g_free (srt);
}

void
ss_srt_want (SsSrt    *srt,
             SsEngine *engine)
{
  SsFieldId ids[] = { srt->f_proto, srt->f_query, srt->f_time, srt->f_request_in, srt->f_method,
                      srt->f_icmp, srt->f_icmpv6 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != SS_FIELD_ID_NONE)
      ss_engine_want_field (engine, ids[i]);
  ss_stats_filter_want (srt->filter, engine);
}

char *
ss_srt_normalize_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  const char *p = sql;
  gboolean space = FALSE;

  while (*p)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isspace (c))
        {
          space = out->len > 0;
          p++;
          continue;
        }
      if (c == '-' && p[1] == '-')
        {
          /* A comment to the end of the line. */
          while (*p && *p != '\n')
            p++;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      if (c == '\'')
        {
          /* A string literal, '' being a quote inside it. */
          p++;
          while (*p)
            {
              if (*p == '\'' && p[1] == '\'')
                p += 2;
              else if (*p == '\'')
                {
                  p++;
                  break;
                }
              else
                p++;
            }
          g_string_append_c (out, '?');
          continue;
        }
      if (g_ascii_isdigit (c)
          || (c == '-' && g_ascii_isdigit (p[1])
              && (out->len == 0 || strchr ("(=<>,+*/ ", out->str[out->len - 1]))))
        {
          gboolean in_word = out->len > 0 && (g_ascii_isalnum (out->str[out->len - 1])
                                              || out->str[out->len - 1] == '_'
                                              || out->str[out->len - 1] == '$');

          if (!in_word)
            {
              if (c == '-')
                p++;
              while (g_ascii_isalnum (*p) || *p == '.')
                p++;
              g_string_append_c (out, '?');
              continue;
            }
        }
      g_string_append_c (out, (char) c);
      p++;
    }
  /* "IN (?, ?, ?)" and "VALUES (?, ?), (?, ?)" count once whatever their length. */
  for (;;)
    {
      char *hit = strstr (out->str, "?, ?");

      if (!hit)
        break;
      g_string_erase (out, hit - out->str + 1, 3);
    }
  while (out->len && out->str[out->len - 1] == ';')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

gint64
ss_srt_parse_duration (const char *text)
{
  char *end = NULL;
  double v;

  if (!text || !*text)
    return 0;
  v = g_ascii_strtod (text, &end);
  if (end == text || v <= 0)
    return 0;
  if (*end == '\0' || strcmp (end, "s") == 0)
    v *= 1e9;
  else if (strcmp (end, "ms") == 0)
    v *= 1e6;
  else if (strcmp (end, "m") == 0)
    v *= 60e9;
  else if (strcmp (end, "h") == 0)
    v *= 3600e9;
  else
    return 0;
  return (gint64) v;
}

/* The row of @key in @rows, made empty when there is none. */
static SrtEntry *
entry_for (GHashTable *rows,
           const char *key)
{
  SrtEntry *e = g_hash_table_lookup (rows, key);

  if (!e)
    {
      e = g_new0 (SrtEntry, 1);
      e->key = g_strdup (key);
      e->times = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (rows, e->key, e);
    }
  return e;
}

/* The window starting at @start, made empty in its place (windows are kept by start) when
 * there is none. */
static SrtWindow *
window_at (SsSrt  *srt,
           gint64  start)
{
  guint at = srt->windows->len;
  SrtWindow *w;

  while (at > 0 && ((SrtWindow *) g_ptr_array_index (srt->windows, at - 1))->start_ns > start)
    at--;
  if (at > 0 && ((SrtWindow *) g_ptr_array_index (srt->windows, at - 1))->start_ns == start)
    return g_ptr_array_index (srt->windows, at - 1);
  w = g_new0 (SrtWindow, 1);
  w->start_ns = start;
  w->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_ptr_array_insert (srt->windows, at, w);
  return w;
}

static void
record (SsSrt          *srt,
        const SsPacket *pkt,
        const char     *key,
        double          t)
{
  g_array_append_val (entry_for (srt->rows, key)->times, t);
  if (srt->window_ns > 0)
    {
      gint64 start = pkt->ts_ns - (((pkt->ts_ns % srt->window_ns) + srt->window_ns)
                                   % srt->window_ns);

      g_array_append_val (entry_for (window_at (srt, start)->rows, key)->times, t);
    }
}

typedef struct
{
  const char *query;
  gboolean    is_request;
  gboolean    have_time;
  double      time;
  guint32     request_in;
} SrtMessage;

void
ss_srt_packet (SsSrt          *srt,
               const SsPacket *pkt)
{
  SrtMessage m[MAX_MESSAGES];
  guint n = 0;
  gboolean open = FALSE;
  gboolean match;
  guint32 last_request_in = 0;

  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (id == srt->f_icmp || id == srt->f_icmpv6)
        break;
      if (id == srt->f_proto)
        {
          if (open)
            n++;
          if (n == MAX_MESSAGES)
            {
              open = FALSE;
              break;
            }
          memset (&m[n], 0, sizeof m[n]);
          open = TRUE;
        }
      else if (!open)
        continue;
      else if (id == srt->f_method)
        m[n].is_request = TRUE;
      else if (id == srt->f_query && !m[n].query)
        {
          m[n].query = item->v.str;
          if (srt->proto == SS_SRT_PGSQL)
            m[n].is_request = TRUE;
        }
      else if (id == srt->f_time && !m[n].have_time)
        {
          m[n].have_time = TRUE;
          m[n].time = (double) item->v.time.secs + item->v.time.nsecs / 1e9;
        }
      else if (id == srt->f_request_in && !m[n].request_in)
        m[n].request_in = (guint32) item->v.u;
    }
  if (open)
    n++;
  if (n == 0)
    return;

  match = ss_stats_filter_match (srt->filter, pkt);
  for (guint i = 0; i < n; i++)
    {
      if (m[i].is_request && m[i].query)
        {
          GQueue *q;
          char *key;

          if (!match)
            continue;
          if (srt->proto == SS_SRT_PGSQL)
            key = ss_srt_normalize_sql (m[i].query);
          else
            {
              const char *qm = srt->keep_query ? NULL : strchr (m[i].query, '?');

              key = qm ? g_strndup (m[i].query, qm - m[i].query) : g_strdup (m[i].query);
            }
          q = g_hash_table_lookup (srt->pending, GUINT_TO_POINTER (pkt->number));
          if (!q)
            {
              q = g_queue_new ();
              g_hash_table_insert (srt->pending, GUINT_TO_POINTER (pkt->number), q);
            }
          g_queue_push_tail (q, key);
        }
      else if (m[i].have_time && m[i].request_in)
        {
          GQueue *q;
          g_autofree char *key = NULL;

          /* One sample per response packet and request (pgsql.time repeats on the messages
           * of one response). */
          if (m[i].request_in == last_request_in)
            continue;
          last_request_in = m[i].request_in;
          q = g_hash_table_lookup (srt->pending, GUINT_TO_POINTER (m[i].request_in));
          if (!q || g_queue_is_empty (q))
            continue;
          key = g_queue_pop_head (q);
          if (g_queue_is_empty (q))
            g_hash_table_remove (srt->pending, GUINT_TO_POINTER (m[i].request_in));
          record (srt, pkt, key, m[i].time);
        }
    }
}

static gint
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank;

  if (n == 0)
    return 0;
  rank = (guint) ceil (p / 100.0 * n - 1e-9);
  rank = CLAMP (rank, 1u, n);
  return sorted[rank - 1];
}

static gint
row_cmp (gconstpointer pa,
         gconstpointer pb)
{
  const SsSrtRow *a = pa, *b = pb;

  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return strcmp (a->key, b->key);
}

static SsSrtRow *
rows_of (GHashTable *table,
         guint      *n_rows)
{
  GHashTableIter it;
  gpointer v;
  SsSrtRow *rows = g_new0 (SsSrtRow, g_hash_table_size (table) + 1);
  guint n = 0;

  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, NULL, &v))
    {
      SrtEntry *e = v;
      g_autofree double *s = g_memdup2 (e->times->data, e->times->len * sizeof (double));
      double sum = 0;

      qsort (s, e->times->len, sizeof (double), (int (*) (const void *, const void *)) cmp_double);
      for (guint i = 0; i < e->times->len; i++)
        sum += s[i];
      rows[n].key = e->key;
      rows[n].count = e->times->len;
      rows[n].avg = e->times->len ? sum / e->times->len : 0;
      rows[n].min = e->times->len ? s[0] : 0;
      rows[n].max = e->times->len ? s[e->times->len - 1] : 0;
      rows[n].p50 = percentile (s, e->times->len, 50);
      rows[n].p95 = percentile (s, e->times->len, 95);
      rows[n].p99 = percentile (s, e->times->len, 99);
      n++;
    }
  qsort (rows, n, sizeof (SsSrtRow), (int (*) (const void *, const void *)) row_cmp);
  *n_rows = n;
  return rows;
}

SsSrtRow *
ss_srt_dup_rows (SsSrt *srt,
                 guint *n_rows)
{
  return rows_of (srt->rows, n_rows);
}

guint
ss_srt_get_n_windows (const SsSrt *srt)
{
  return srt->windows->len;
}

SsSrtRow *
ss_srt_dup_window_rows (SsSrt  *srt,
                        guint   window,
                        gint64 *start_ns,
                        guint  *n_rows)
{
  SrtWindow *w;

  g_return_val_if_fail (window < srt->windows->len, NULL);
  w = g_ptr_array_index (srt->windows, window);
  if (start_ns)
    *start_ns = w->start_ns;
  return rows_of (w->rows, n_rows);
}

static void
print_table_text (SsSrt      *srt,
                  GHashTable *table,
                  GString    *out)
{
  guint n;
  g_autofree SsSrtRow *rows = rows_of (table, &n);
  const char *head = srt->proto == SS_SRT_HTTP ? "URI path" : "Query";
  int w = (int) strlen (head);

  for (guint i = 0; i < n; i++)
    w = MAX (w, (int) g_utf8_strlen (rows[i].key, -1));
  g_string_append_printf (out, "%-*s  %8s %12s %12s %12s %12s %12s %12s\n", w, head, "Count",
                          "Average", "Min", "Max", "p50", "p95", "p99");
  for (guint i = 0; i < n; i++)
    {
      int pad = w - (int) g_utf8_strlen (rows[i].key, -1);

      g_string_append (out, rows[i].key);
      g_string_append_printf (out, "%*s  %8u %12.6f %12.6f %12.6f %12.6f %12.6f %12.6f\n",
                              pad, "", rows[i].count, rows[i].avg, rows[i].min, rows[i].max,
                              rows[i].p50, rows[i].p95, rows[i].p99);
    }
}

static void
print_rows_json (SsSrt      *srt,
                 GHashTable *table,
                 GString    *out)
{
  guint n;
  g_autofree SsSrtRow *rows = rows_of (table, &n);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "%s\n  {\"%s\": ", i ? "," : "",
                              srt->proto == SS_SRT_HTTP ? "uri" : "query");
      ss_stats_json_string (out, rows[i].key);
      g_string_append_printf (out, ", \"count\": %u, \"avg\": ", rows[i].count);
      ss_stats_json_double (out, rows[i].avg);
      g_string_append (out, ", \"min\": ");
      ss_stats_json_double (out, rows[i].min);
      g_string_append (out, ", \"max\": ");
      ss_stats_json_double (out, rows[i].max);
      g_string_append (out, ", \"p50\": ");
      ss_stats_json_double (out, rows[i].p50);
      g_string_append (out, ", \"p95\": ");
      ss_stats_json_double (out, rows[i].p95);
      g_string_append (out, ", \"p99\": ");
      ss_stats_json_double (out, rows[i].p99);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n ? "\n]" : "]");
}

static void
print_rows_csv (SsSrt      *srt,
                GHashTable *table,
                const char *window,
                GString    *out)
{
  guint n;
  g_autofree SsSrtRow *rows = rows_of (table, &n);
  char b[7][G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < n; i++)
    {
      if (window)
        g_string_append_printf (out, "%s,", window);
      ss_stats_csv_field (out, rows[i].key);
      g_string_append_printf (out, ",%u,%s,%s,%s,%s,%s,%s\n", rows[i].count,
                              g_ascii_formatd (b[0], sizeof b[0], "%.9f", rows[i].avg),
                              g_ascii_formatd (b[1], sizeof b[1], "%.9f", rows[i].min),
                              g_ascii_formatd (b[2], sizeof b[2], "%.9f", rows[i].max),
                              g_ascii_formatd (b[3], sizeof b[3], "%.9f", rows[i].p50),
                              g_ascii_formatd (b[4], sizeof b[4], "%.9f", rows[i].p95),
                              g_ascii_formatd (b[5], sizeof b[5], "%.9f", rows[i].p99));
    }
}

static char *
format_utc (gint64 ns)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ns / 1000000000);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("?");
}

void
ss_srt_print (SsSrt         *srt,
              SsStatsFormat  format,
              GString       *out)
{
  const char *name = srt->proto == SS_SRT_HTTP ? "http" : "pgsql";

  if (format == SS_STATS_FORMAT_JSON)
    {
      g_string_append_printf (out, "{\"statistic\": \"srt,%s\", \"filter\": ", name);
      if (srt->filter_text)
        ss_stats_json_string (out, srt->filter_text);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"rows\": ");
      print_rows_json (srt, srt->rows, out);
      if (srt->window_ns > 0)
        {
          g_string_append_printf (out, ", \"window_seconds\": %.3f, \"windows\": [",
                                  srt->window_ns / 1e9);
          for (guint i = 0; i < srt->windows->len; i++)
            {
              SrtWindow *w = g_ptr_array_index (srt->windows, i);
              g_autofree char *start = format_utc (w->start_ns);
              g_autofree char *end = format_utc (w->start_ns + srt->window_ns);

              g_string_append_printf (out, "%s\n {\"start\": \"%s\", \"end\": \"%s\", \"rows\": ",
                                      i ? "," : "", start, end);
              print_rows_json (srt, w->rows, out);
              g_string_append_c (out, '}');
            }
          g_string_append (out, "]");
        }
      g_string_append (out, "}\n");
      return;
    }
  if (format == SS_STATS_FORMAT_CSV)
    {
      if (srt->window_ns > 0)
        {
          g_string_append_printf (out, "window_start,%s,count,avg,min,max,p50,p95,p99\n",
                                  srt->proto == SS_SRT_HTTP ? "uri" : "query");
          for (guint i = 0; i < srt->windows->len; i++)
            {
              SrtWindow *w = g_ptr_array_index (srt->windows, i);
              g_autofree char *start = format_utc (w->start_ns);

              print_rows_csv (srt, w->rows, start, out);
            }
        }
      else
        {
          g_string_append_printf (out, "%s,count,avg,min,max,p50,p95,p99\n",
                                  srt->proto == SS_SRT_HTTP ? "uri" : "query");
          print_rows_csv (srt, srt->rows, NULL, out);
        }
      return;
    }

  g_string_append (out, "\n=================================================================="
                        "=================\n");
  if (srt->proto == SS_SRT_HTTP)
    g_string_append (out, "HTTP Service Response Time (SRT) Statistics per URI path, in "
                          "seconds:\n");
  else
    g_string_append (out, "PostgreSQL Service Response Time (SRT) Statistics per query, in "
                          "seconds:\n");
  g_string_append_printf (out, "Filter: %s\n", srt->filter_text ? srt->filter_text : "");
  if (srt->window_ns > 0)
    for (guint i = 0; i < srt->windows->len; i++)
      {
        SrtWindow *w = g_ptr_array_index (srt->windows, i);
        g_autofree char *start = format_utc (w->start_ns);
        g_autofree char *end = format_utc (w->start_ns + srt->window_ns);

        g_string_append_printf (out, "\nWindow %s - %s\n", start, end);
        print_table_text (srt, w->rows, out);
      }
  else
    {
      g_string_append_c (out, '\n');
      print_table_text (srt, srt->rows, out);
    }
  g_string_append (out, "=================================================================="
                        "=================\n");
}

gpointer
ss_srt_new_from_arg (const SsRegistry *reg,
                     const char       *arg,
                     GError          **error)
{
  SsSrtProto proto = g_str_has_prefix (arg, "srt,pgsql") ? SS_SRT_PGSQL : SS_SRT_HTTP;
  const char *p = arg + strlen (proto == SS_SRT_PGSQL ? "srt,pgsql" : "srt,http");
  gboolean keep_query = FALSE;
  gint64 window = 0;

  if (*p && *p != ',')
    goto bad;
  /* Options first, then the filter (which may hold commas). */
  while (*p == ',')
    {
      const char *opt = p + 1;
      const char *end = strchr (opt, ',');
      g_autofree char *tok = end ? g_strndup (opt, end - opt) : g_strdup (opt);

      if (strcmp (tok, "query") == 0 && proto == SS_SRT_HTTP)
        keep_query = TRUE;
      else if (g_str_has_prefix (tok, "window="))
        {
          window = ss_srt_parse_duration (tok + strlen ("window="));
          if (window <= 0)
            goto bad;
        }
      else
        break;
      p = end ? end : opt + strlen (opt);
    }
  return ss_srt_new (reg, proto, keep_query, window, *p == ',' ? p + 1 : NULL, error);

bad:
  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
               _("invalid \"-z srt,http|pgsql[,query][,window=DURATION][,<filter>]\" argument"));
  return NULL;
}

static void
srt_want (gpointer  s,
          SsEngine *e)
{
  ss_srt_want (s, e);
}

static void
srt_packet (gpointer        s,
            const SsPacket *p)
{
  ss_srt_packet (s, p);
}

static void
srt_print (gpointer       s,
           SsStatsFormat  f,
           GString       *o)
{
  ss_srt_print (s, f, o);
}

static void
srt_free (gpointer s)
{
  ss_srt_free (s);
}

static gpointer
srt_new_part (gpointer s,
              gint64   first_ns)
{
  SsSrt *srt = s;

  return ss_srt_new (srt->reg, srt->proto, srt->keep_query, srt->window_ns, srt->filter_text,
                     NULL);
}

/* Adds the samples of @from to @to, key by key. A row's figures come from its samples sorted,
 * so the order in which parts are merged changes nothing. */
static void
merge_rows (GHashTable *to,
            GHashTable *from)
{
  GHashTableIter it;
  gpointer v;

  g_hash_table_iter_init (&it, from);
  while (g_hash_table_iter_next (&it, NULL, &v))
    {
      SrtEntry *e = v;

      g_array_append_vals (entry_for (to, e->key)->times, e->times->data, e->times->len);
    }
}

/* A request and its response are in one conversation, so in one part: the part matched them. */
static void
srt_merge (gpointer s,
           gpointer p)
{
  SsSrt *srt = s;
  SsSrt *part = p;

  merge_rows (srt->rows, part->rows);
  for (guint i = 0; i < part->windows->len; i++)
    {
      SrtWindow *pw = g_ptr_array_index (part->windows, i);

      merge_rows (window_at (srt, pw->start_ns)->rows, pw->rows);
    }
}

const SsStatClass ss_srt_class = {
  .kind = "srt",
  .want = srt_want,
  .packet = srt_packet,
  .print = srt_print,
  .free = srt_free,
  .new_part = srt_new_part,
  .merge = srt_merge,
};
