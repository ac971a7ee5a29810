/* ss-cli-parallel.c: the CLI's single pass over a capture on several threads
 *
 * The calling thread indexes the file, deals each batch of frames to the threads by
 * conversation, and, while the threads dissect the next batch, feeds the statistics that are not
 * split over the threads and prints the last one in frame order. A conversation stays on the
 * thread that saw it first; a new one goes to the thread with the fewest frames so far, the
 * first batch's biggest first.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "ss-cli-parallel.h"
#include "ss-flow.h"
#include "ss-tcp-conv.h"

#define MAX_THREADS 4
/* Frames per batch: enough to keep the threads busy between two hand-overs, few enough that
 * the packets two batches keep (a few kilobytes each) stay in the processors' caches. */
#define BATCH 4096

typedef struct
{
  SsPacket *pkt;
  guint32   out_offset;   /* its line in the thread's output */
  guint32   out_len;
  gboolean  shown;
} Done;

/* A thread's part of one batch. */
typedef struct
{
  guint   *frames;    /* the frames dealt to the thread, in order (room for a batch) */
  guint    n_frames;
  Done    *done;      /* one per frame of @frames */
  GString *out;
} Part;

/* Flow hash -> thread + 1 (0: not seen yet), open addressing: looked up for every frame. */
typedef struct
{
  guint32 *keys;
  guint8  *threads;
  guint    mask;
  guint    n;
} FlowTable;

static void
flow_table_init (FlowTable *t,
                 guint      size)
{
  t->keys = g_new (guint32, size);
  t->threads = g_new0 (guint8, size);
  t->mask = size - 1;
  t->n = 0;
}

static guint
flow_table_slot (const FlowTable *t,
                 guint32          hash)
{
  guint i = (hash * 0x9e3779b1u) & t->mask;

  while (t->threads[i] && t->keys[i] != hash)
    i = (i + 1) & t->mask;
  return i;
}

static guint
flow_table_lookup (const FlowTable *t,
                   guint32          hash)
{
  return t->threads[flow_table_slot (t, hash)];
}

static void
flow_table_insert (FlowTable *t,
                   guint32    hash,
                   guint      thread)
{
  guint i;

  if ((t->n + 1) * 2 > t->mask + 1)
    {
      FlowTable bigger;

      flow_table_init (&bigger, (t->mask + 1) * 2);
      for (guint j = 0; j <= t->mask; j++)
        if (t->threads[j])
          flow_table_insert (&bigger, t->keys[j], t->threads[j]);
      g_free (t->keys);
      g_free (t->threads);
      *t = bigger;
    }
  i = flow_table_slot (t, hash);
  if (!t->threads[i])
    t->n++;
  t->keys[i] = hash;
  t->threads[i] = (guint8) thread;
}

static void
flow_table_clear (FlowTable *t)
{
  g_free (t->keys);
  g_free (t->threads);
}

typedef struct _Pass Pass;

typedef struct
{
  Pass            *pass;
  guint            id;
  SsEngine        *engine;
  SsTcpConv       *tcp;
  SsFieldsPrinter *printer;
  SsCliStats      *stats;     /* its part of the statistics that can be split, or NULL */
  Part             part[2];   /* by batch number, alternately */
  GThread         *thread;
} Worker;

struct _Pass
{
  SsCliParallel *p;
  Worker         workers[MAX_THREADS];
  guint          n;
  gint64         first_ts;
  gboolean       main_stats;   /* some statistics are fed on the calling thread */
  GMutex         lock;
  GCond          cond;
  guint          published;    /* batches handed to the threads */
  guint          finished[2];  /* by batch parity: threads done with it */
  gboolean       quit;
  guint8        *owner[2];     /* by batch parity: thread of each frame of the batch */
  guint          from[2];
  guint          to[2];
  /* Each thread's place: every frame of it below this index is done (a frame index, kept in
   * an int for the atomic operations), each on its own cache line: a thread writes its own at
   * every frame. */
  struct { gint v; char pad[60]; } __attribute__ ((aligned (64))) pos[MAX_THREADS];
  gint           next_stream;
  FlowTable      flows;
  guint64        load[MAX_THREADS];
};

guint
ss_cli_parallel_threads (const SsCapfile *cap)
{
  const char *env = g_getenv ("STRATOSHARK_THREADS");
  guint n;

  if (env && *env)
    {
      guint64 v = g_ascii_strtoull (env, NULL, 10);

      return (guint) CLAMP (v, 1, MAX_THREADS);
    }
  /* Below a few megabytes the pass takes milliseconds: one thread. */
  if (ss_capfile_get_file_size (cap) < 16 * 1024 * 1024)
    return 1;
  n = g_get_num_processors ();
  return CLAMP (n, 1, MAX_THREADS);
}

/* Numbers a TCP stream that frame @number starts: only once every other thread has passed that
 * frame, so streams are numbered in the order of the frames that start them, as one pass does. */
static guint32
alloc_stream (gpointer user_data,
              guint32  number)
{
  Worker *w = user_data;
  Pass *pass = w->pass;
  guint frame = number - 1;

  for (guint v = 0; v < pass->n; v++)
    {
      guint spins = 0;

      if (v == w->id)
        continue;
      while ((guint) __atomic_load_n (&pass->pos[v].v, __ATOMIC_ACQUIRE) <= frame)
        if (++spins > 20000)
          g_thread_yield ();
    }
  return (guint32) g_atomic_int_add (&pass->next_stream, 1);
}

/* Dissects, filters and formats this thread's frames of batch @batch. */
static void
run_batch (Worker *w,
           guint   batch)
{
  Pass *pass = w->pass;
  SsCliParallel *p = pass->p;
  Part *part = &w->part[batch & 1];

  /* The packets of the batch before the last one go: it has been printed. */
  if (pass->main_stats)
    ss_engine_next_batch (w->engine);
  g_string_truncate (part->out, 0);
  for (guint i = 0; i < part->n_frames; i++)
    {
      guint frame = part->frames[i];
      Done d = { 0 };

      __atomic_store_n (&pass->pos[w->id].v, (gint) frame, __ATOMIC_RELEASE);
      d.pkt = ss_engine_dissect (w->engine, frame);
      if (w->stats)
        ss_cli_stats_packet (w->stats, d.pkt);
      d.shown = !p->dfilter || ss_dfilter_apply (p->dfilter, d.pkt);
      d.out_offset = (guint32) part->out->len;
      if (d.shown && !p->quiet)
        {
          if (w->printer)
            ss_fields_printer_packet (w->printer, d.pkt, part->out);
          else
            ss_cli_print_summary (d.pkt, d.pkt->ts_ns - pass->first_ts,
                                  ss_cli_time_precision (p->cap, d.pkt->interface_id),
                                  part->out);
        }
      d.out_len = (guint32) part->out->len - d.out_offset;
      part->done[i] = d;
    }
  __atomic_store_n (&pass->pos[w->id].v, (gint) pass->to[batch & 1], __ATOMIC_RELEASE);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  Pass *pass = w->pass;

  for (guint batch = 0;; batch++)
    {
      g_mutex_lock (&pass->lock);
      while (!pass->quit && pass->published <= batch)
        g_cond_wait (&pass->cond, &pass->lock);
      if (pass->published <= batch)
        {
          g_mutex_unlock (&pass->lock);
          return NULL;
        }
      g_mutex_unlock (&pass->lock);

      run_batch (w, batch);

      g_mutex_lock (&pass->lock);
      pass->finished[batch & 1]++;
      g_cond_broadcast (&pass->cond);
      g_mutex_unlock (&pass->lock);
    }
}

static void
worker_init (Pass   *pass,
             Worker *w,
             guint   id)
{
  SsCliParallel *p = pass->p;

  w->pass = pass;
  w->id = id;
  w->engine = ss_engine_new (p->reg, p->cap);
  w->tcp = ss_tcp_conv_new ();
  ss_tcp_conv_set_remember_frames (w->tcp, FALSE);
  ss_tcp_conv_set_stream_alloc (w->tcp, alloc_stream, w);
  ss_engine_set_single_pass (w->engine, TRUE);
  ss_engine_set_tcp_analyzer (w->engine, ss_tcp_conv_analyze, w->tcp);
  p->setup (w->engine, p->setup_data);
  ss_engine_set_full_tree (w->engine, FALSE);
  /* The packets outlive the batch only for the statistics the calling thread feeds; otherwise
   * one packet is dissected over and over, which stays in the processor's cache. */
  ss_engine_set_keep_packets (w->engine, pass->main_stats);
  if (p->stats && ss_cli_stats_can_split (p->stats))
    w->stats = ss_cli_stats_new_part (p->stats, pass->first_ts);
  if (p->n_fields > 0)
    w->printer = ss_fields_printer_new (p->reg, p->field_ids, p->field_names, p->n_fields,
                                        p->fields_options);
  for (guint b = 0; b < 2; b++)
    {
      w->part[b].frames = g_new (guint, BATCH);
      w->part[b].done = g_new (Done, BATCH);
      w->part[b].out = g_string_sized_new (128 * 1024);
    }
}

static void
worker_clear (Worker *w)
{
  if (w->thread)
    g_thread_join (w->thread);
  ss_cli_stats_free (w->stats);
  ss_engine_free (w->engine);
  ss_tcp_conv_free (w->tcp);
  ss_fields_printer_free (w->printer);
  for (guint b = 0; b < 2; b++)
    {
      g_free (w->part[b].frames);
      g_free (w->part[b].done);
      g_string_free (w->part[b].out, TRUE);
    }
}

static guint
least_loaded (const Pass *pass)
{
  guint best = 0;

  for (guint i = 1; i < pass->n; i++)
    if (pass->load[i] < pass->load[best])
      best = i;
  return best;
}

typedef struct
{
  guint32 hash;
  guint   count;
} FlowCount;

static gint
by_count_desc (gconstpointer a,
               gconstpointer b)
{
  const FlowCount *x = a, *y = b;

  return x->count != y->count ? (x->count < y->count ? 1 : -1)
                              : (x->hash < y->hash ? -1 : x->hash > y->hash);
}

/* The first batch: its conversations, biggest first, each to the least loaded thread (what
 * the first batch holds is the best guess of what follows). */
static void
assign_first_flows (Pass         *pass,
                    const guint32 *hashes,
                    guint          n)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) flows = g_array_new (FALSE, FALSE, sizeof (FlowCount));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      gpointer k = GUINT_TO_POINTER (hashes[i]);

      g_hash_table_insert (counts, k,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k))
                                             + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FlowCount fc = { GPOINTER_TO_UINT (key), GPOINTER_TO_UINT (value) };

      g_array_append_val (flows, fc);
    }
  g_array_sort (flows, by_count_desc);
  for (guint i = 0; i < flows->len; i++)
    {
      const FlowCount *fc = &g_array_index (flows, FlowCount, i);
      guint t = least_loaded (pass);

      flow_table_insert (&pass->flows, fc->hash, t + 1);
      pass->load[t] += fc->count;
    }
  memset (pass->load, 0, sizeof pass->load);
}

/* Lines still to write: runs of bytes in the threads' output buffers, in frame order. */
typedef struct
{
  struct iovec v[256];
  guint        n;
} Runs;

/* Writes @runs to standard output, all of it (after what stdio still holds); FALSE on error. */
static gboolean
write_runs (Runs *runs)
{
  struct iovec *v = runs->v;
  guint n = runs->n;

  runs->n = 0;
  if (fflush (stdout) != 0)
    return FALSE;
  while (n > 0)
    {
      ssize_t w = writev (STDOUT_FILENO, v, (int) n);

      if (w < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      while (n > 0 && (gsize) w >= v->iov_len)
        {
          w -= (ssize_t) v->iov_len;
          v++;
          n--;
        }
      if (n > 0)
        {
          v->iov_base = (char *) v->iov_base + w;
          v->iov_len -= (gsize) w;
        }
    }
  return TRUE;
}

/* Feeds the statistics and prints the packets shown of batch @batch, in frame order. The lines
 * go from the threads' buffers to standard output with writev(), with no copy in between: the
 * lines of consecutive frames of one thread lie next to each other there. */
static void
merge_batch (Pass    *pass,
             guint    batch,
             GString *out)
{
  SsCliParallel *p = pass->p;
  guint b = batch & 1;
  guint next[MAX_THREADS] = { 0 };
  Runs runs;

  runs.n = 0;
  for (guint f = pass->from[b]; f < pass->to[b]; f++)
    {
      guint t = pass->owner[b][f - pass->from[b]];
      Worker *w = &pass->workers[t];
      const Done *d = &w->part[b].done[next[t]];
      char *line;

      next[t]++;
      p->n_read++;
      if (pass->main_stats)
        ss_cli_stats_packet (p->stats, d->pkt);   /* kept: see worker_init() */
      if (!d->shown)
        continue;
      p->n_shown++;
      if (p->write_failed || d->out_len == 0)
        continue;
      line = w->part[b].out->str + d->out_offset;
      if (p->line_buffered)
        {
          g_string_append_len (out, line, d->out_len);
          if (!ss_cli_write_out (out, TRUE))
            p->write_failed = TRUE;
          fflush (stdout);
          continue;
        }
      if (runs.n == 0 && out->len > 0 && !ss_cli_write_out (out, TRUE))
        {
          p->write_failed = TRUE;
          continue;
        }
      if (runs.n > 0 && (char *) runs.v[runs.n - 1].iov_base + runs.v[runs.n - 1].iov_len == line)
        runs.v[runs.n - 1].iov_len += d->out_len;
      else
        {
          if (runs.n == G_N_ELEMENTS (runs.v) && !write_runs (&runs))
            {
              p->write_failed = TRUE;
              continue;
            }
          runs.v[runs.n].iov_base = line;
          runs.v[runs.n].iov_len = d->out_len;
          runs.n++;
        }
    }
  if (runs.n > 0 && !p->write_failed && !write_runs (&runs))
    p->write_failed = TRUE;
}

static void
wait_finished (Pass  *pass,
               guint  batch)
{
  g_mutex_lock (&pass->lock);
  while (pass->finished[batch & 1] < pass->n)
    g_cond_wait (&pass->cond, &pass->lock);
  pass->finished[batch & 1] = 0;
  g_mutex_unlock (&pass->lock);
}

void
ss_cli_parallel_run (SsCliParallel *p,
                     GString       *out)
{
  Pass pass = { 0 };
  SsCapfile *cap = p->cap;
  guint n_frames;
  guint batch = 0;
  guint merged = 0;        /* batches below this one are printed */
  guint reserved = 0;
  gboolean incremental;
  g_autofree guint32 *hashes = g_new (guint32, BATCH);

  pass.p = p;
  pass.n = CLAMP (p->n_threads, 1, MAX_THREADS);
  flow_table_init (&pass.flows, 1024);
  g_mutex_init (&pass.lock);
  g_cond_init (&pass.cond);
  for (guint b = 0; b < 2; b++)
    pass.owner[b] = g_new0 (guint8, BATCH);

  /* The threads read the frame table while this thread indexes further: a pcap file is indexed
   * batch by batch into room reserved ahead (when it runs out, the threads are let finish
   * before the table may move); a pcapng file, whose interfaces may change, is indexed whole
   * first. */
  incremental = ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAP;
  if (incremental)
    reserved = ss_capfile_reserve_frames (cap, (guint) MIN (ss_capfile_get_file_size (cap) / 128
                                                            + 4 * BATCH, G_MAXUINT / 4));
  else
    while (!ss_capfile_is_complete (cap))
      ss_capfile_index (cap, 1 << 20, NULL);
  while (ss_capfile_get_n_frames (cap) == 0 && !ss_capfile_is_complete (cap))
    ss_capfile_index (cap, BATCH, NULL);
  n_frames = ss_capfile_get_n_frames (cap);
  if (n_frames > 0)
    pass.first_ts = ss_capfile_get_frame (cap, 0)->ts_ns;

  pass.main_stats = p->stats && !ss_cli_stats_can_split_all (p->stats);
  for (guint i = 0; i < pass.n; i++)
    worker_init (&pass, &pass.workers[i], i);
  for (guint i = 0; i < pass.n; i++)
    pass.workers[i].thread = g_thread_new ("ss-pass", worker_thread, &pass.workers[i]);

  for (guint from = 0;; from += BATCH, batch++)
    {
      guint b = batch & 1;
      guint to;

      while (incremental && ss_capfile_get_n_frames (cap) < from + BATCH
             && !ss_capfile_is_complete (cap))
        {
          if (ss_capfile_get_n_frames (cap) + BATCH > reserved)
            {
              /* Out of room: once no thread reads the table, it may grow. */
              if (batch > merged)
                {
                  wait_finished (&pass, batch - 1);
                  merge_batch (&pass, batch - 1, out);
                  merged = batch;
                }
              reserved = ss_capfile_reserve_frames (cap, (guint) MIN ((guint64) reserved * 2,
                                                                      G_MAXUINT / 2));
            }
          ss_capfile_index (cap, BATCH, NULL);
        }
      n_frames = ss_capfile_get_n_frames (cap);
      if (from >= n_frames)
        break;
      to = MIN (from + BATCH, n_frames);

      /* The part of batch - 2 that used these buffers was printed last time round. */
      for (guint i = 0; i < pass.n; i++)
        pass.workers[i].part[b].n_frames = 0;
      for (guint f = from; f < to; f++)
        hashes[f - from] = ss_flow_hash (ss_capfile_get_frame_link_type (cap, f),
                                         ss_capfile_get_frame_data (cap, f),
                                         ss_capfile_get_frame (cap, f)->caplen);
      if (batch == 0)
        assign_first_flows (&pass, hashes, to - from);
      for (guint f = from; f < to; f++)
        {
          guint32 hash = hashes[f - from];
          guint t = flow_table_lookup (&pass.flows, hash);
          Part *part;

          if (t == 0)
            {
              t = least_loaded (&pass) + 1;
              flow_table_insert (&pass.flows, hash, t);
            }
          t--;
          pass.load[t]++;
          pass.owner[b][f - from] = (guint8) t;
          part = &pass.workers[t].part[b];
          part->frames[part->n_frames++] = f;
        }
      pass.from[b] = from;
      pass.to[b] = to;

      g_mutex_lock (&pass.lock);
      pass.published = batch + 1;
      g_cond_broadcast (&pass.cond);
      g_mutex_unlock (&pass.lock);

      /* While the threads dissect this batch, the last one is printed. */
      if (batch > merged)
        {
          wait_finished (&pass, batch - 1);
          merge_batch (&pass, batch - 1, out);
          merged = batch;
        }
    }
  if (batch > merged)
    {
      wait_finished (&pass, batch - 1);
      merge_batch (&pass, batch - 1, out);
    }

  g_mutex_lock (&pass.lock);
  pass.quit = TRUE;
  g_cond_broadcast (&pass.cond);
  g_mutex_unlock (&pass.lock);
  for (guint i = 0; i < pass.n; i++)
    {
      Worker *w = &pass.workers[i];

      g_thread_join (w->thread);
      w->thread = NULL;
      if (w->stats)
        ss_cli_stats_merge_part (p->stats, w->stats);
    }
  for (guint i = 0; i < pass.n; i++)
    worker_clear (&pass.workers[i]);
  for (guint b = 0; b < 2; b++)
    g_free (pass.owner[b]);
  flow_table_clear (&pass.flows);
  g_mutex_clear (&pass.lock);
  g_cond_clear (&pass.cond);
}
