/* ss-sort.c: sort keys for the packet list columns */
#include "config.h"

#include <string.h>

#include "ss-packet-list.h"
#include "ss-sort.h"

typedef struct
{
  guint32      frame;
  union
  {
    gint64       num;
    const char  *str;
    SsAddress    addr;
  } key;
} SortEntry;

typedef struct
{
  guint    column;
  gboolean descending;
} SortContext;

static int
compare_addr (const SsAddress *a,
              const SsAddress *b)
{
  if (a->type != b->type)
    return a->type < b->type ? -1 : 1;
  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;
  return memcmp (a->data, b->data, a->len);
}

static int
compare_field_text (const char *a,
                    const char *b)
{
  char *end_a, *end_b;
  double da = g_ascii_strtod (a, &end_a);
  double db = g_ascii_strtod (b, &end_b);

  if (*a && *b && *end_a == '\0' && *end_b == '\0')
    return da < db ? -1 : da > db;
  return g_strcmp0 (a, b);
}

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      data)
{
  const SortEntry *a = pa, *b = pb;
  const SortContext *ctx = data;
  int r = 0;

  switch (ctx->column)
    {
    case SS_COLUMN_TIME:
    case SS_COLUMN_LENGTH:
      r = a->key.num < b->key.num ? -1 : a->key.num > b->key.num;
      break;
    case SS_COLUMN_SOURCE:
    case SS_COLUMN_DESTINATION:
      r = compare_addr (&a->key.addr, &b->key.addr);
      break;
    case SS_COLUMN_PROTOCOL:
    case SS_COLUMN_INFO:
      r = g_strcmp0 (a->key.str, b->key.str);
      break;
    case SS_COLUMN_NUMBER:
      break;
    default:
      /* A field column: numbers in numeric order ("9" before "10"), the rest as text. */
      r = compare_field_text (a->key.str, b->key.str);
      break;
    }
  if (r == 0)
    r = a->frame < b->frame ? -1 : a->frame > b->frame;
  return ctx->descending ? -r : r;
}

GArray *
ss_sort_frames (SsDocument   *doc,
                GArray       *frames,
                guint         column,
                SsFieldId     field,
                gboolean      descending,
                GCancellable *cancellable,
                gint         *progress_permille)
{
  g_autofree SortEntry *entries = g_new0 (SortEntry, MAX (frames->len, 1u));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1 << 20);
  SortContext ctx = { column, descending };
  gboolean custom = column >= SS_N_COLUMNS;
  gboolean need_dissection = column == SS_COLUMN_SOURCE || column == SS_COLUMN_DESTINATION
                             || column == SS_COLUMN_PROTOCOL || column == SS_COLUMN_INFO || custom;
  GArray *out;
  guint i = 0;

  while (i < frames->len)
    {
      SsCapfile *cap;
      SsEngine *engine;

      ss_document_lock (doc);
      cap = ss_document_get_capfile (doc);
      engine = ss_document_get_engine (doc);
      if (need_dissection)
        {
          ss_engine_set_full_tree (engine, FALSE);
          ss_engine_set_want_columns (engine, !custom);
          if (custom)
            {
              ss_engine_clear_wanted_fields (engine);
              ss_engine_want_field (engine, field);
            }
        }
      for (guint n = 0; i < frames->len && n < 8192; n++, i++)
        {
          SortEntry *e = &entries[i];

          e->frame = g_array_index (frames, guint32, i);
          if (column == SS_COLUMN_TIME)
            e->key.num = ss_capfile_get_frame (cap, e->frame)->ts_ns;
          else if (column == SS_COLUMN_LENGTH)
            e->key.num = ss_capfile_get_frame (cap, e->frame)->len;
          else if (need_dissection)
            {
              SsPacket *pkt = ss_engine_dissect (engine, e->frame);

              if (column == SS_COLUMN_SOURCE)
                e->key.addr = pkt->net_src.type != SS_ADDR_NONE ? pkt->net_src : pkt->dl_src;
              else if (column == SS_COLUMN_DESTINATION)
                e->key.addr = pkt->net_dst.type != SS_ADDR_NONE ? pkt->net_dst : pkt->dl_dst;
              else if (column == SS_COLUMN_PROTOCOL)
                e->key.str = g_string_chunk_insert_const (strings, pkt->col_protocol
                                                                   ? pkt->col_protocol : "");
              else if (custom)
                {
                  g_autofree char *text = ss_packet_dup_field_text (pkt, field);

                  e->key.str = g_string_chunk_insert_const (strings, text);
                }
              else
                e->key.str = g_string_chunk_insert (strings, ss_packet_get_info (pkt));
            }
        }
      if (need_dissection)
        ss_engine_set_want_columns (engine, FALSE);
      ss_document_unlock (doc);
      if (progress_permille)
        g_atomic_int_set (progress_permille, (gint) ((guint64) i * 900 / MAX (frames->len, 1u)));
      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
    }

  g_qsort_with_data (entries, (gint) frames->len, sizeof (SortEntry), compare_entries, &ctx);
  out = g_array_sized_new (FALSE, FALSE, sizeof (guint32), frames->len);
  for (i = 0; i < frames->len; i++)
    g_array_append_val (out, entries[i].frame);
  if (progress_permille)
    g_atomic_int_set (progress_permille, 1000);
  return out;
}
