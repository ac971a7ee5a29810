/* ss-document.c: an open capture, shared by the main loop and its workers */
#include "config.h"

#include <string.h>

#include "ss-document.h"
#include "ss-format.h"
#include "ss-dfilter.h"
#include "ss-tcp-conv.h"

struct _SsDocument
{
  gatomicrefcount    ref;
  const SsRegistry  *reg;
  char              *path;

  GMutex             lock;
  gint               ui_waiters;   /* atomic: main-thread callers waiting for the lock */

  /* Under the lock (the pointers are set once, before the first frame is published). */
  SsCapfile         *cap;
  SsEngine          *engine;
  SsTcpConv         *tcp;
  gint64             first_ts;
  SsFieldId          expert_severity;

  /* Atomic: counts of expert items by severity (1 chat ... 4 error), read by the status bar
   * while the worker adds to them. */
  gint               experts[5];

  /* Atomic: what the worker has published. */
  guint              n_passed;
  gint               loaded;
  gint               progress_permille;

  GError            *load_error;   /* set by the worker before `loaded` */
  gboolean           opened;

  /* A live capture's file, still written (ss_document_grow); under the lock. */
  gboolean           growing;
  guint64            grow_size;
  gboolean           grow_final;
};

void
ss_summary_free (SsSummary *summary)
{
  if (!summary)
    return;
  g_free (summary->src);
  g_free (summary->dst);
  g_free (summary->protocol);
  g_free (summary->info);
  g_strfreev (summary->custom);
  g_free (summary);
}

SsDocument *
ss_document_new (const SsRegistry *reg,
                 const char       *path)
{
  SsDocument *doc = g_new0 (SsDocument, 1);

  g_atomic_ref_count_init (&doc->ref);
  doc->reg = reg;
  doc->path = g_strdup (path);
  g_mutex_init (&doc->lock);
  doc->expert_severity = SS_FIELD_ID_NONE;
  return doc;
}

SsDocument *
ss_document_ref (SsDocument *doc)
{
  g_atomic_ref_count_inc (&doc->ref);
  return doc;
}

void
ss_document_unref (SsDocument *doc)
{
  if (!doc || !g_atomic_ref_count_dec (&doc->ref))
    return;
  /* The engine points into the capture and the TCP table: free it first. */
  g_clear_pointer (&doc->engine, ss_engine_free);
  g_clear_pointer (&doc->tcp, ss_tcp_conv_free);
  g_clear_pointer (&doc->cap, ss_capfile_free);
  g_clear_error (&doc->load_error);
  g_mutex_clear (&doc->lock);
  g_free (doc->path);
  g_free (doc);
}

const char *
ss_document_get_path (const SsDocument *doc)
{
  return doc->path;
}

const SsRegistry *
ss_document_get_registry (const SsDocument *doc)
{
  return doc->reg;
}

void
ss_document_lock (SsDocument *doc)
{
  g_atomic_int_inc (&doc->ui_waiters);
  g_mutex_lock (&doc->lock);
  g_atomic_int_dec_and_test (&doc->ui_waiters);
}

void
ss_document_unlock (SsDocument *doc)
{
  g_mutex_unlock (&doc->lock);
}

gboolean
ss_document_ui_waiting (SsDocument *doc)
{
  return g_atomic_int_get (&doc->ui_waiters) > 0;
}

static void
worker_yield (SsDocument *doc)
{
  /* A mutex is not fair: without this the worker would take the lock back before the main
   * thread wakes up. Let it in, but never wait long. */
  for (guint i = 0; i < 200 && ss_document_ui_waiting (doc); i++)
    g_usleep (50);
}

SsCapfile *
ss_document_get_capfile (SsDocument *doc)
{
  return doc->cap;
}

SsEngine *
ss_document_get_engine (SsDocument *doc)
{
  return doc->engine;
}

gint64
ss_document_get_first_ts (SsDocument *doc)
{
  return doc->first_ts;
}

guint
ss_document_get_n_passed (SsDocument *doc)
{
  return g_atomic_int_get (&doc->n_passed);
}

gboolean
ss_document_is_loaded (SsDocument *doc)
{
  return g_atomic_int_get (&doc->loaded);
}

double
ss_document_get_progress (SsDocument *doc)
{
  return g_atomic_int_get (&doc->progress_permille) / 1000.0;
}

const GError *
ss_document_get_load_error (SsDocument *doc)
{
  return ss_document_is_loaded (doc) ? doc->load_error : NULL;
}

void
ss_document_get_expert_counts (SsDocument     *doc,
                               SsExpertCounts *counts)
{
  counts->chat = (guint) g_atomic_int_get (&doc->experts[SS_EXPERT_CHAT]);
  counts->note = (guint) g_atomic_int_get (&doc->experts[SS_EXPERT_NOTE]);
  counts->warn = (guint) g_atomic_int_get (&doc->experts[SS_EXPERT_WARN]);
  counts->error = (guint) g_atomic_int_get (&doc->experts[SS_EXPERT_ERROR]);
}

static void
count_experts (SsDocument     *doc,
               const SsPacket *pkt)
{
  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    {
      guint severity;

      if (it->id != doc->expert_severity)
        continue;
      /* Wireshark's PI_* severities: 0x00200000 chat ... 0x00800000 error. */
      severity = (guint) (it->v.u >> 21);

      if (severity >= SS_EXPERT_CHAT && severity <= SS_EXPERT_ERROR)
        g_atomic_int_inc (&doc->experts[severity]);
    }
}

static void
finish_loading (SsDocument *doc,
                GError     *error)
{
  doc->load_error = error;
  g_atomic_int_set (&doc->progress_permille, 1000);
  g_atomic_int_set (&doc->loaded, TRUE);
}

gboolean
ss_document_load_step (SsDocument   *doc,
                       guint         max_frames,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n_frames, passed, end;
  gboolean idle;

  if (ss_document_is_loaded (doc))
    return FALSE;

  if (!doc->opened)
    {
      SsCapfile *cap;
      SsFieldId expert_base;

      doc->opened = TRUE;
      g_mutex_lock (&doc->lock);
      if (doc->growing)
        {
          cap = ss_capfile_open_growing (doc->path, doc->grow_size, &local_error);
          if (cap)
            ss_capfile_grow (cap, doc->grow_size, doc->grow_final);
        }
      else
        cap = ss_capfile_open (doc->path, &local_error);
      g_mutex_unlock (&doc->lock);
      if (!cap)
        {
          if (error)
            *error = g_error_copy (local_error);
          finish_loading (doc, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_mutex_lock (&doc->lock);
      doc->cap = cap;
      doc->engine = ss_engine_new (doc->reg, doc->cap);
      /* Frames are dissected again in any order (rows, the selected packet), so the TCP
       * analysis keeps what it found for each frame: the default. */
      doc->tcp = ss_tcp_conv_new ();
      ss_engine_set_tcp_analyzer (doc->engine, ss_tcp_conv_analyze, doc->tcp);
      expert_base = ss_registry_get_protocol_field (doc->reg, SS_PROTO_EXPERT);
      /* _ws.expert.severity is the second field of _ws.expert. */
      doc->expert_severity = expert_base + 2;
      if (doc->expert_severity < ss_registry_get_n_fields (doc->reg))
        ss_engine_want_field (doc->engine, doc->expert_severity);
      g_mutex_unlock (&doc->lock);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      finish_loading (doc, g_error_copy (*error));
      return FALSE;
    }

  g_mutex_lock (&doc->lock);
  passed = doc->n_passed;
  n_frames = ss_capfile_get_n_frames (doc->cap);
  if (passed >= n_frames && !ss_capfile_is_complete (doc->cap))
    {
      ss_capfile_index (doc->cap, max_frames, NULL);
      n_frames = ss_capfile_get_n_frames (doc->cap);
    }
  if (n_frames > 0 && passed == 0)
    doc->first_ts = ss_capfile_get_frame (doc->cap, 0)->ts_ns;

  end = MIN (n_frames, passed + max_frames);
  /* The first pass keeps only the severity of expert items, for the status bar. */
  ss_engine_clear_wanted_fields (doc->engine);
  if (doc->expert_severity < ss_registry_get_n_fields (doc->reg))
    ss_engine_want_field (doc->engine, doc->expert_severity);
  ss_engine_set_full_tree (doc->engine, FALSE);
  ss_engine_set_want_columns (doc->engine, FALSE);
  while (passed < end)
    {
      const SsPacket *pkt = ss_engine_dissect (doc->engine, passed);

      count_experts (doc, pkt);
      passed++;
      if ((passed & 255) == 0 && ss_document_ui_waiting (doc))
        break;
    }
  g_atomic_int_set (&doc->n_passed, passed);

  if (ss_capfile_get_compression (doc->cap) == SS_COMPRESSION_NONE && n_frames > 0)
    {
      guint64 size = ss_capfile_get_file_size (doc->cap);
      const SsFrameRecord *last = ss_capfile_get_frame (doc->cap, passed ? passed - 1 : 0);
      guint64 at = last->data_offset + last->caplen;

      g_atomic_int_set (&doc->progress_permille, size ? (gint) MIN (1000, at * 1000 / size) : 0);
    }
  else if (ss_capfile_is_complete (doc->cap) && n_frames > 0)
    g_atomic_int_set (&doc->progress_permille, (gint) ((guint64) passed * 1000 / n_frames));

  if (passed >= n_frames && ss_capfile_is_complete (doc->cap))
    {
      const GError *cap_error = ss_capfile_get_error (doc->cap);

      /* Every frame has been seen once: what was never answered is known now. */
      ss_engine_set_first_pass_done (doc->engine, TRUE);
      g_mutex_unlock (&doc->lock);
      if (cap_error && error)
        *error = g_error_copy (cap_error);
      finish_loading (doc, cap_error ? g_error_copy (cap_error) : NULL);
      return FALSE;
    }
  /* A live capture waiting for its next packets: do not spin. */
  idle = passed >= n_frames && doc->growing && !ss_capfile_is_complete (doc->cap);
  g_mutex_unlock (&doc->lock);
  if (idle)
    g_usleep (20000);
  worker_yield (doc);
  return TRUE;
}

void
ss_document_grow (SsDocument *doc,
                  guint64     size,
                  gboolean    final)
{
  ss_document_lock (doc);
  doc->growing = TRUE;
  doc->grow_size = size;
  doc->grow_final = final;
  if (doc->cap)
    ss_capfile_grow (doc->cap, size, final);
  ss_document_unlock (doc);
}

static void
summary_from_packet (SsSummary *s,
                     SsPacket  *pkt)
{
  char buf[64];
  const SsAddress *src = pkt->net_src.type != SS_ADDR_NONE ? &pkt->net_src : &pkt->dl_src;
  const SsAddress *dst = pkt->net_dst.type != SS_ADDR_NONE ? &pkt->net_dst : &pkt->dl_dst;

  s->ts_ns = pkt->ts_ns;
  s->len = pkt->len;
  s->src = g_strdup (src->type != SS_ADDR_NONE ? ss_address_to_string (src, buf, sizeof buf) : "");
  s->dst = g_strdup (dst->type != SS_ADDR_NONE ? ss_address_to_string (dst, buf, sizeof buf) : "");
  s->protocol = g_strdup (pkt->col_protocol ? pkt->col_protocol : "");
  s->info = g_strdup (ss_packet_get_info (pkt));
}

/* Digits after the decimal point, from the interface's timestamp resolution, as tshark. */
static guint8
time_precision (const SsCapfile *cap,
                guint            interface_id)
{
  const SsInterface *iface = ss_capfile_get_interface (cap, interface_id);
  guint8 digits = 0;

  if (ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAP_NSEC)
    return 9;
  if (ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAP || !iface)
    return 6;
  for (guint64 res = iface->ts_resolution; res > 1 && digits < 9; res = (res + 9) / 10)
    digits++;
  return digits;
}

gint64
ss_document_get_frame_ts (SsDocument *doc,
                          guint       frame)
{
  gint64 ts = 0;

  ss_document_lock (doc);
  if (doc->cap && frame < doc->n_passed)
    ts = ss_capfile_get_frame (doc->cap, frame)->ts_ns;
  ss_document_unlock (doc);
  return ts;
}

static guint8
worst_expert (const SsPacket *pkt)
{
  SsFieldId expert = pkt->bases[SS_PROTO_EXPERT];
  guint8 worst = 0;

  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    if (it->id == expert && it->v.u > worst && it->v.u <= SS_EXPERT_ERROR)
      worst = (guint8) it->v.u;
  return worst;
}

char *
ss_packet_dup_field_text (const SsPacket *pkt,
                          SsFieldId       id)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  /* Several occurrences are joined with commas, as Wireshark's custom columns show them. */
  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    {
      if (it->id != id)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      if (it->def && it->def->type == SS_FT_PROTOCOL)
        g_string_append (out, it->def->abbrev);
      else
        ss_format_field_value (it, out);
    }
  return g_string_free (out, FALSE);
}

SsSummary *
ss_document_dup_summary (SsDocument      *doc,
                         guint            frame,
                         SsColorFunc      color_func,
                         gpointer         color_data,
                         const SsFieldId *custom,
                         guint            n_custom)
{
  SsSummary *s = g_new0 (SsSummary, 1);
  SsPacket *pkt;

  s->frame = frame;
  s->color = -1;
  s->custom = g_new0 (char *, n_custom + 1);
  ss_document_lock (doc);
  if (!doc->engine || frame >= doc->n_passed)
    {
      ss_document_unlock (doc);
      s->src = g_strdup ("");
      s->dst = g_strdup ("");
      s->protocol = g_strdup ("");
      s->info = g_strdup ("");
      for (guint i = 0; i < n_custom; i++)
        s->custom[i] = g_strdup ("");
      return s;
    }
  /* The whole tree: the coloring rules are display filters over any field. */
  ss_engine_set_full_tree (doc->engine, TRUE);
  ss_engine_set_want_columns (doc->engine, TRUE);
  pkt = ss_engine_dissect (doc->engine, frame);
  summary_from_packet (s, pkt);
  s->precision = time_precision (doc->cap, pkt->interface_id);
  s->expert = worst_expert (pkt);
  if (color_func)
    s->color = color_func (pkt, color_data);
  for (guint i = 0; i < n_custom; i++)
    s->custom[i] = ss_packet_dup_field_text (pkt, custom[i]);
  ss_engine_set_full_tree (doc->engine, FALSE);
  ss_engine_set_want_columns (doc->engine, FALSE);
  ss_document_unlock (doc);
  return s;
}

void
ss_document_with_packet (SsDocument   *doc,
                         guint         frame,
                         gboolean      full_tree,
                         SsPacketFunc  func,
                         gpointer      user_data)
{
  ss_document_lock (doc);
  if (doc->engine && frame < doc->n_passed)
    {
      SsPacket *pkt;

      ss_engine_set_full_tree (doc->engine, full_tree);
      ss_engine_set_want_columns (doc->engine, TRUE);
      pkt = ss_engine_dissect (doc->engine, frame);
      func (pkt, user_data);
      ss_engine_set_full_tree (doc->engine, FALSE);
      ss_engine_set_want_columns (doc->engine, FALSE);
    }
  ss_document_unlock (doc);
}

/* The second half of a batch, filtered by a reader engine on another thread. */
typedef struct
{
  SsEngine        *reader;
  const SsDfilter *df;
  guint            from;
  guint            to;
  GArray          *matches;
} FilterHalf;

static gpointer
filter_half_thread (gpointer data)
{
  FilterHalf *h = data;

  for (guint frame = h->from; frame < h->to; frame++)
    {
      const SsPacket *pkt = ss_engine_dissect (h->reader, frame);

      if (pkt && ss_dfilter_apply (h->df, pkt))
        g_array_append_val (h->matches, frame);
    }
  return NULL;
}

/* Frames the first pass has dissected, filtered on two threads: the document's engine takes the
 * first half of [@from, @to), a reader engine the second (see ss_engine_new_reader()). */
static void
filter_batch_parallel (SsDocument      *doc,
                       SsEngine        *reader,
                       const SsDfilter *df,
                       guint            from,
                       guint            to,
                       GArray          *matches)
{
  guint mid = from + (to - from) / 2;
  FilterHalf half = { reader, df, mid, to, g_array_new (FALSE, FALSE, sizeof (guint32)) };
  GThread *thread;

  g_debug ("filtering frames %u to %u on two threads", from, to - 1);
  thread = g_thread_new ("ss-filter", filter_half_thread, &half);

  for (guint frame = from; frame < mid; frame++)
    {
      const SsPacket *pkt = ss_engine_dissect (doc->engine, frame);

      if (ss_dfilter_apply (df, pkt))
        g_array_append_val (matches, frame);
    }
  g_thread_join (thread);
  g_array_append_vals (matches, half.matches->data, half.matches->len);
  g_array_free (half.matches, TRUE);
}

gboolean
ss_document_filter_range (SsDocument      *doc,
                          const SsDfilter *df,
                          guint            from,
                          guint            to,
                          GArray          *matches,
                          GCancellable    *cancellable,
                          gint            *progress_permille)
{
  const SsFieldId *fields;
  guint n_fields;
  guint frame = from;
  SsEngine *reader = NULL;

  fields = ss_dfilter_get_fields (df, &n_fields);
  while (frame < to)
    {
      g_mutex_lock (&doc->lock);
      ss_engine_clear_wanted_fields (doc->engine);
      for (guint i = 0; i < n_fields; i++)
        ss_engine_want_field (doc->engine, fields[i]);
      ss_engine_set_full_tree (doc->engine, FALSE);
      ss_engine_set_want_columns (doc->engine, FALSE);
      /* A filter over the lower layers only reads what the first pass left: on a machine with
       * more than one processor, two threads share the frames it has passed. */
      if (!reader && g_get_num_processors () > 1 && to - frame >= 65536
          && ss_engine_can_read_concurrently (doc->engine))
        reader = ss_engine_new_reader (doc->engine);
      if (reader && frame + 32768 <= MIN (to, doc->n_passed))
        {
          filter_batch_parallel (doc, reader, df, frame, frame + 32768, matches);
          frame += 32768;
        }
      else
        for (guint n = 0; frame < to && n < 16384; n++, frame++)
          {
            const SsPacket *pkt = ss_engine_dissect (doc->engine, frame);

            if (ss_dfilter_apply (df, pkt))
              g_array_append_val (matches, frame);
            if ((n & 255) == 255 && ss_document_ui_waiting (doc))
              {
                frame++;
                break;
              }
          }
      g_mutex_unlock (&doc->lock);
      if (progress_permille && to > from)
        g_atomic_int_set (progress_permille,
                          (gint) ((guint64) (frame - from) * 1000 / (to - from)));
      if (g_cancellable_is_cancelled (cancellable))
        {
          ss_engine_free (reader);
          return FALSE;
        }
      worker_yield (doc);
    }
  ss_engine_free (reader);
  return TRUE;
}

static gboolean
bytes_contain (const guint8 *hay,
               gsize         hay_len,
               const guint8 *needle,
               gsize         needle_len)
{
  if (needle_len == 0 || needle_len > hay_len)
    return FALSE;
  for (gsize i = 0; i + needle_len <= hay_len; i++)
    if (hay[i] == needle[0] && memcmp (hay + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

guint
ss_document_find (SsDocument      *doc,
                  GArray          *frames,
                  guint            start,
                  gboolean         backwards,
                  const SsDfilter *df,
                  GBytes          *needle,
                  GCancellable    *cancellable,
                  gint            *progress_permille)
{
  guint n = frames->len;
  guint checked = 0;
  const guint8 *nd = NULL;
  gsize nlen = 0;

  if (n == 0)
    return G_MAXUINT;
  if (needle)
    nd = g_bytes_get_data (needle, &nlen);
  while (checked < n)
    {
      guint found = G_MAXUINT;

      g_mutex_lock (&doc->lock);
      if (df)
        {
          guint n_fields;
          const SsFieldId *fields = ss_dfilter_get_fields (df, &n_fields);

          ss_engine_clear_wanted_fields (doc->engine);
          for (guint i = 0; i < n_fields; i++)
            ss_engine_want_field (doc->engine, fields[i]);
          ss_engine_set_full_tree (doc->engine, FALSE);
          ss_engine_set_want_columns (doc->engine, FALSE);
        }
      for (guint k = 0; k < 8192 && checked < n; k++)
        {
          guint step = ++checked;
          guint pos = backwards ? (start + n - (step % n)) % n : (start + step) % n;
          guint frame = g_array_index (frames, guint32, pos);

          if (df)
            {
              const SsPacket *pkt = ss_engine_dissect (doc->engine, frame);

              if (ss_dfilter_apply (df, pkt))
                found = pos;
            }
          else if (nd)
            {
              const SsFrameRecord *rec = ss_capfile_get_frame (doc->cap, frame);

              if (bytes_contain (ss_capfile_get_frame_data (doc->cap, frame), rec->caplen, nd,
                                 nlen))
                found = pos;
            }
          if (found != G_MAXUINT)
            break;
        }
      g_mutex_unlock (&doc->lock);
      if (found != G_MAXUINT)
        return found;
      if (progress_permille)
        g_atomic_int_set (progress_permille, (gint) ((guint64) checked * 1000 / n));
      if (g_cancellable_is_cancelled (cancellable))
        return G_MAXUINT;
      worker_yield (doc);
    }
  return G_MAXUINT;
}

typedef struct
{
  const SsFieldId *fields;
  guint            n_fields;
} FieldList;

static void
want_field_list (SsEngine *engine,
                 gpointer  data)
{
  const FieldList *list = data;

  for (guint k = 0; k < list->n_fields; k++)
    ss_engine_want_field (engine, list->fields[k]);
}

gboolean
ss_document_foreach_packet (SsDocument      *doc,
                            GArray          *frames,
                            const SsFieldId *fields,
                            guint            n_fields,
                            SsPacketFunc     func,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            gint            *progress_permille)
{
  FieldList list = { fields, n_fields };

  return ss_document_foreach_packet_want (doc, frames, want_field_list, &list, func, user_data,
                                          cancellable, progress_permille);
}

gboolean
ss_document_foreach_packet_want (SsDocument         *doc,
                                 GArray             *frames,
                                 SsDocumentWantFunc  want,
                                 gpointer            want_data,
                                 SsPacketFunc        func,
                                 gpointer            user_data,
                                 GCancellable       *cancellable,
                                 gint               *progress_permille)
{
  guint n = frames ? frames->len : ss_document_get_n_passed (doc);
  guint i = 0;

  while (i < n)
    {
      g_mutex_lock (&doc->lock);
      ss_engine_clear_wanted_fields (doc->engine);
      if (want)
        want (doc->engine, want_data);
      ss_engine_set_full_tree (doc->engine, FALSE);
      ss_engine_set_want_columns (doc->engine, FALSE);
      for (guint k = 0; i < n && k < 16384; k++, i++)
        {
          guint frame = frames ? g_array_index (frames, guint32, i) : i;

          func (ss_engine_dissect (doc->engine, frame), user_data);
          if ((k & 255) == 255 && ss_document_ui_waiting (doc))
            {
              i++;
              break;
            }
        }
      g_mutex_unlock (&doc->lock);
      if (progress_permille)
        g_atomic_int_set (progress_permille, (gint) ((guint64) i * 1000 / MAX (n, 1u)));
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      worker_yield (doc);
    }
  return TRUE;
}
