/* ss-live-capture.c: a live capture shown in the window (see the header) */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <gio/gunixinputstream.h>

#include "ss-application.h"
#include "ss-dfilter.h"
#include "ss-live-capture.h"
#include "ss-packet-list.h"
#include "ss-window-private.h"

#define LIVE_KEY "ss-live-capture"
#define READ_CHUNK (256 * 1024)
#define STDERR_MAX 16384
#define PIPE_SIZE (1 << 20)   /* /proc/sys/fs/pipe-max-size by default */

struct _SsLiveCapture
{
  SsWindow       *win;          /* weak */
  SsDocument     *doc;          /* the document shown, once the file header arrived */
  GSubprocess    *proc;
  GCancellable   *cancellable;
  char           *path;
  char           *ifaces;       /* for the status bar */
  int             fd;           /* the temporary file, written */

  /* The copier thread reads the helper's output and appends it to the file, so the helper never
   * waits for the main loop. Under `mutex`: copied, copier_done, copier_error. */
  GThread        *copier;
  GMutex          mutex;
  int             out_fd;
  int             wake[2];      /* a byte written to wake[1] stops the copier */
  guint64         copied;       /* the file up to here holds whole blocks */
  gboolean        copier_done;
  char           *copier_error;
  guint64         shown_size;   /* what the document was told (main thread) */

  /* pcapng framing of the stream (copier thread): whole blocks end at `published` */
  guint64         written;
  guint64         published;
  gboolean        swap;
  GByteArray     *head;         /* the bytes from `published` on, while a block is incomplete */

  SsCaptureStatusReader *reader;
  SsCaptureStats  stats;
  gboolean        ready;
  gboolean        done_msg;
  gboolean        out_eof;
  gboolean        status_eof;
  gboolean        exited;
  gboolean        finished;
  gboolean        stop_asked;
  gboolean        use_pkexec;
  gboolean        orphan;       /* its window let it go: it frees itself when it ends */
  GString        *err;          /* ERROR messages and the helper's standard error */
  GString        *warnings;

  /* the display filter applied during the capture */
  SsDfilter      *df;
  guint           filtered_to;
  guint           tick;
};

SsLiveCaptureOptions *
ss_live_capture_options_copy (const SsLiveCaptureOptions *opts)
{
  SsLiveCaptureOptions *c = g_new0 (SsLiveCaptureOptions, 1);

  c->interfaces = g_strdupv (opts->interfaces);
  c->capture_filter = g_strdup (opts->capture_filter);
  c->ebpf = opts->ebpf;
  c->ebpf_filter = g_strdup (opts->ebpf_filter);
  c->snaplen = opts->snaplen;
  return c;
}

void
ss_live_capture_options_free (SsLiveCaptureOptions *opts)
{
  if (!opts)
    return;
  g_strfreev (opts->interfaces);
  g_free (opts->capture_filter);
  g_free (opts->ebpf_filter);
  g_free (opts);
}

/* The window stops showing this capture: its status and hooks go. */
static void
release_window (SsLiveCapture *live)
{
  SsWindow *win = live->win;

  if (!win)
    return;
  g_clear_pointer (&win->live_status, g_free);
  win->live_filter_func = NULL;
  win->live_filter_data = NULL;
  win->live_closed_func = NULL;
  g_object_remove_weak_pointer (G_OBJECT (win), (gpointer *) &live->win);
  live->win = NULL;
}

static void
live_free (gpointer data)
{
  SsLiveCapture *live = data;

  g_cancellable_cancel (live->cancellable);
  if (live->proc && !live->exited)
    g_output_stream_close (g_subprocess_get_stdin_pipe (live->proc), NULL, NULL);
  if (live->proc && !live->exited && !live->use_pkexec)
    g_subprocess_send_signal (live->proc, SIGTERM);
  if (live->copier)
    {
      if (write (live->wake[1], "x", 1) < 0)
        g_warning ("could not stop the capture copier: %s", g_strerror (errno));
      g_thread_join (live->copier);
    }
  if (live->wake[0] >= 0)
    close (live->wake[0]);
  if (live->wake[1] >= 0)
    close (live->wake[1]);
  g_mutex_clear (&live->mutex);
  g_free (live->copier_error);
  if (live->tick)
    g_source_remove (live->tick);
  release_window (live);
  if (live->fd >= 0)
    close (live->fd);
  if (live->path)
    g_unlink (live->path);
  g_clear_pointer (&live->doc, ss_document_unref);
  g_clear_object (&live->proc);
  g_clear_object (&live->cancellable);
  g_clear_pointer (&live->reader, ss_capture_status_reader_free);
  g_clear_pointer (&live->head, g_byte_array_unref);
  g_clear_pointer (&live->df, ss_dfilter_free);
  g_string_free (live->err, TRUE);
  g_string_free (live->warnings, TRUE);
  g_free (live->path);
  g_free (live->ifaces);
  g_free (live);
}

SsLiveCapture *
ss_live_capture_get (SsWindow *win)
{
  return g_object_get_data (G_OBJECT (win), LIVE_KEY);
}

gboolean
ss_live_capture_is_running (SsLiveCapture *live)
{
  /* Until the last frames are read and filtered too. */
  return !live->finished || live->tick != 0;
}

const SsCaptureStats *
ss_live_capture_get_stats (SsLiveCapture *live)
{
  return &live->stats;
}

const char *
ss_live_capture_get_error (SsLiveCapture *live)
{
  return live->err->len ? live->err->str : NULL;
}

const char *
ss_live_capture_get_path (SsLiveCapture *live)
{
  return live->path;
}

/* The window still shows this capture. */
static gboolean
shown (SsLiveCapture *live)
{
  return live->win && live->doc && live->win->doc == live->doc;
}

/* ------------------------------------------------------------------------------------------ */
/* Status bar and display filter */

static void
update_status (SsLiveCapture *live)
{
  guint64 drops = live->stats.kernel_drops + live->stats.if_drops + live->stats.ring_drops;

  if (!shown (live))
    return;
  g_free (live->win->live_status);
  if (live->finished)
    live->win->live_status =
      g_strdup_printf (_("Capture on %s stopped · Helper: %llu packets · Dropped: %llu"),
                       live->ifaces, (unsigned long long) live->stats.packets,
                       (unsigned long long) drops);
  else
    live->win->live_status =
      g_strdup_printf (_("Capturing on %s · Helper: %llu packets · Dropped: %llu"),
                       live->ifaces, (unsigned long long) live->stats.packets,
                       (unsigned long long) drops);
  ss_window_refresh_status (live->win);
}

/* Runs the filter over the frames that arrived since the last time and shows those it keeps. */
static void
filter_new_frames (SsLiveCapture *live)
{
  g_autoptr(GArray) matches = NULL;
  guint n;
  gint progress = 0;

  if (!live->df || !shown (live) || !live->win->model
      || !ss_packet_list_model_is_filtered (live->win->model))
    return;
  n = ss_document_get_n_passed (live->doc);
  if (n <= live->filtered_to)
    return;
  matches = g_array_new (FALSE, FALSE, sizeof (guint32));
  ss_document_filter_range (live->doc, live->df, live->filtered_to, n, matches, NULL, &progress);
  live->filtered_to = n;
  /* The list's own sync first, so the counts the status bar shows agree. */
  ss_packet_list_model_sync (live->win->model);
  ss_packet_list_model_append_displayed (live->win->model, (const guint32 *) matches->data,
                                         matches->len);
}

static void sync_copier (SsLiveCapture *live);

static gboolean
tick_cb (gpointer data)
{
  SsLiveCapture *live = data;

  sync_copier (live);
  filter_new_frames (live);
  if (live->finished && (!live->doc || ss_document_is_loaded (live->doc)))
    {
      /* The last frames are filtered once the document has read them all. */
      filter_new_frames (live);
      if (shown (live))
        ss_window_refresh_status (live->win);
      live->tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The window closes @doc (to close it or to open another file). */
static void
live_closed_cb (SsWindow   *win,
                SsDocument *doc)
{
  SsLiveCapture *live = ss_live_capture_get (win);

  if (!live || live->doc != doc)
    return;
  if (!live->finished)
    {
      /* It goes on without the window: stop it, and free it once it ended. */
      ss_live_capture_stop (live);
      live->orphan = TRUE;
      g_object_steal_data (G_OBJECT (win), LIVE_KEY);
      release_window (live);
      return;
    }
  g_object_set_data (G_OBJECT (win), LIVE_KEY, NULL);
}

/* The window's filter bar, while this capture is loading. */
static gboolean
live_filter_cb (SsWindow   *win,
                const char *text,
                gpointer    data)
{
  SsLiveCapture *live = ss_live_capture_get (win);
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (win)));
  g_autoptr(GError) error = NULL;
  GArray *matches;
  const char *p;
  SsDfilter *df;
  gint progress = 0;
  guint n;

  if (!live || !shown (live) || !win->loading)
    return FALSE;
  for (p = text; *p && g_ascii_isspace (*p); p++)
    ;
  if (!*p)
    {
      g_clear_pointer (&live->df, ss_dfilter_free);
      ss_packet_list_set_displayed (win->packet_list, NULL);
      g_clear_pointer (&win->applied_filter, g_free);
      ss_filter_bar_set_applied (win->filter_bar, "");
      ss_window_refresh_status (win);
      return TRUE;
    }
  df = ss_dfilter_compile (ss_application_get_registry (app), text, NULL, &error);
  if (!df)
    {
      ss_window_show_message (win, _("Invalid display filter"), error->message);
      return TRUE;
    }
  g_clear_pointer (&live->df, ss_dfilter_free);
  live->df = df;
  /* The packets so far, now (a live capture is small next to the files the worker filters),
   * then each batch as it arrives. */
  n = ss_document_get_n_passed (live->doc);
  matches = g_array_new (FALSE, FALSE, sizeof (guint32));
  ss_document_filter_range (live->doc, live->df, 0, n, matches, NULL, &progress);
  live->filtered_to = n;
  ss_packet_list_model_sync (win->model);
  ss_packet_list_set_displayed (win->packet_list, matches);
  g_free (win->applied_filter);
  win->applied_filter = g_strdup (text);
  ss_filter_bar_set_applied (win->filter_bar, text);
  filter_new_frames (live);
  ss_window_refresh_status (win);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* The end */

static void
finish (SsLiveCapture *live)
{
  if (live->finished || !live->out_eof || !live->status_eof || !live->exited)
    return;
  live->finished = TRUE;
  if (live->doc)
    ss_document_grow (live->doc, live->shown_size, TRUE);
  if (live->orphan)
    {
      /* Not from within a callback of its own streams: later. */
      g_idle_add_once ((GSourceOnceFunc) live_free, live);
      return;
    }
  update_status (live);
  if (live->win && !live->doc)
    {
      const char *msg = live->err->len ? live->err->str
                                       : _("The capture helper wrote no packets.");

      ss_window_show_message (live->win, _("The capture could not be started."), msg);
    }
  else if (live->win && live->err->len && !live->stop_asked)
    ss_window_show_message (live->win, _("The capture stopped with an error."), live->err->str);
  if (live->win)
    ss_live_capture_update_actions (live->win);
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  SsLiveCapture *live = data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  live->exited = TRUE;
  finish (live);
}

/* ------------------------------------------------------------------------------------------ */
/* The pcapng stream */

static guint32
rd32 (const guint8 *p,
      gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Moves `published` over every whole block in `head`. FALSE when the stream is not pcapng. */
static gboolean
publish_blocks (SsLiveCapture *live)
{
  guint off = 0;

  while (live->head->len - off >= 12)
    {
      const guint8 *b = live->head->data + off;
      guint32 len;

      if (rd32 (b, FALSE) == 0x0A0D0D0A)
        {
          guint32 magic;

          memcpy (&magic, b + 8, 4);
          if (magic == 0x1A2B3C4D)
            live->swap = FALSE;
          else if (magic == 0x4D3C2B1A)
            live->swap = TRUE;
          else
            return FALSE;
        }
      else if (live->published == 0 && off == 0)
        return FALSE;
      len = rd32 (b + 4, live->swap);
      if (len < 12 || len % 4 != 0 || len > 16 * 1024 * 1024)
        return FALSE;
      if (live->head->len - off < len)
        break;
      off += len;
      live->published += len;
    }
  g_byte_array_remove_range (live->head, 0, off);
  return TRUE;
}

static void
grew (SsLiveCapture *live)
{
  if (live->shown_size == 0 || !live->win)
    return;
  if (!live->doc)
    {
      SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (live->win)));
      g_autofree char *title = NULL;

      live->doc = ss_document_new (ss_application_get_registry (app), live->path);
      ss_document_grow (live->doc, live->shown_size, FALSE);
      title = g_strdup_printf (_("Capturing from %s"), live->ifaces);
      ss_window_open_live (live->win, ss_document_ref (live->doc), title);
      live->win->live_filter_func = live_filter_cb;
      live->win->live_filter_data = live;
      live->win->live_closed_func = live_closed_cb;
      update_status (live);
      return;
    }
  ss_document_grow (live->doc, live->shown_size, FALSE);
}

static gpointer
copier_thread (gpointer data)
{
  SsLiveCapture *live = data;
  g_autofree guint8 *buf = g_malloc (READ_CHUNK);
  char *error = NULL;

  for (;;)
    {
      struct pollfd pfd[2] = { { live->out_fd, POLLIN, 0 }, { live->wake[0], POLLIN, 0 } };
      ssize_t n;
      gsize done = 0;

      if (poll (pfd, 2, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          error = g_strdup (g_strerror (errno));
          break;
        }
      if (pfd[1].revents)
        break;
      n = read (live->out_fd, buf, READ_CHUNK);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          error = g_strdup (g_strerror (errno));
          break;
        }
      if (n == 0)
        break;
      while (done < (gsize) n && !error)
        {
          ssize_t w = write (live->fd, buf + done, (gsize) n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            error = g_strdup_printf ("%s\n%s: %s", _("Could not write the capture file."),
                                     live->path, g_strerror (errno));
          else
            done += (gsize) w;
        }
      if (error)
        break;
      live->written += (guint64) n;
      g_byte_array_append (live->head, buf, (guint) n);
      if (!publish_blocks (live))
        {
          error = g_strdup (_("The capture helper's output is not pcapng."));
          break;
        }
      g_mutex_lock (&live->mutex);
      live->copied = live->published;
      g_mutex_unlock (&live->mutex);
    }
  g_mutex_lock (&live->mutex);
  live->copier_done = TRUE;
  live->copier_error = error;
  g_mutex_unlock (&live->mutex);
  return NULL;
}

/* Main thread: what the copier did since the last time. */
static void
sync_copier (SsLiveCapture *live)
{
  g_autofree char *error = NULL;
  guint64 copied;
  gboolean done;

  if (!live->copier || live->out_eof)
    return;
  g_mutex_lock (&live->mutex);
  copied = live->copied;
  done = live->copier_done;
  error = g_steal_pointer (&live->copier_error);
  g_mutex_unlock (&live->mutex);
  if (copied > live->shown_size)
    {
      live->shown_size = copied;
      grew (live);
    }
  if (!done)
    return;
  g_thread_join (g_steal_pointer (&live->copier));
  /* A helper that still writes (started through pkexec, stopped) ends at its next write. */
  g_input_stream_close (g_subprocess_get_stdout_pipe (live->proc), NULL, NULL);
  if (error)
    {
      g_string_append_printf (live->err, "%s\n", error);
      ss_live_capture_stop (live);
    }
  live->out_eof = TRUE;
  finish (live);
}

/* ------------------------------------------------------------------------------------------ */
/* The status channel and standard error */

static void read_status (SsLiveCapture *live,
                         GInputStream  *stream);

static void
status_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SsLiveCapture *live = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                              &error);
  SsHelperStatusType type;
  char *text;

  if (!bytes && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!bytes || g_bytes_get_size (bytes) == 0)
    {
      live->status_eof = TRUE;
      finish (live);
      return;
    }
  if (!ss_capture_status_reader_feed (live->reader, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error))
    {
      g_string_append_printf (live->err, "%s\n", error->message);
      live->status_eof = TRUE;
      finish (live);
      return;
    }
  while (ss_capture_status_reader_steal_next (live->reader, &type, &text))
    {
      switch (type)
        {
        case SS_HELPER_STATUS_READY:
          live->ready = TRUE;
          break;
        case SS_HELPER_STATUS_STATS:
          ss_capture_stats_parse (text, &live->stats);
          update_status (live);
          break;
        case SS_HELPER_STATUS_WARNING:
          g_string_append_printf (live->warnings, "%s\n", text);
          break;
        case SS_HELPER_STATUS_ERROR:
          g_string_append_printf (live->err, "%s\n", text);
          break;
        case SS_HELPER_STATUS_DONE:
          live->done_msg = TRUE;
          break;
        case SS_HELPER_STATUS_FILE:
        default:
          break;
        }
      g_free (text);
    }
  read_status (live, G_INPUT_STREAM (source));
}

static void
read_status (SsLiveCapture *live,
             GInputStream  *stream)
{
  g_input_stream_read_bytes_async (stream, 4096, G_PRIORITY_DEFAULT, live->cancellable,
                                   status_read_cb, live);
}

static void read_err (SsLiveCapture *live);

static void
err_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  SsLiveCapture *live = data;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                              NULL);
  gsize len;
  const char *p;

  if (!bytes || g_bytes_get_size (bytes) == 0)
    return;
  p = g_bytes_get_data (bytes, &len);
  if (live->err->len < STDERR_MAX)
    {
      g_autofree char *valid = g_utf8_make_valid (p, (gssize) MIN (len, STDERR_MAX));

      g_string_append (live->err, valid);
    }
  read_err (live);
}

static void
read_err (SsLiveCapture *live)
{
  g_input_stream_read_bytes_async (g_subprocess_get_stderr_pipe (live->proc), 4096,
                                   G_PRIORITY_DEFAULT, live->cancellable, err_read_cb, live);
}

/* ------------------------------------------------------------------------------------------ */
/* Starting */

static char *
helper_path (void)
{
  const char *env = g_getenv ("STRATOSHARK_CAPTURE_HELPER");
  g_autofree char *self = NULL;

  if (env && *env)
    return g_strdup (env);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self)
    {
      g_autofree char *found = ss_capture_helper_dup_path (self);

      /* pkexec matches the policy's exec.path (PREFIX/libexec/stratoshark-capture) as a
       * string: no "bin/../libexec". */
      if (found)
        return g_canonicalize_filename (found, NULL);
    }
  return NULL;
}

/* The helper can capture without pkexec: the caller is root, or setcap gave it capabilities. */
static gboolean
helper_runs_directly (const char *helper)
{
  if (geteuid () == 0)
    return TRUE;
  return getxattr (helper, "security.capability", NULL, 0) > 0;
}

gboolean
ss_live_capture_list_interfaces (char   ***names,
                                 char   ***descriptions,
                                 GError  **error)
{
  g_autofree char *helper = helper_path ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *n, *d;

  if (!helper)
    {
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_SPAWN,
                   _("The capture helper stratoshark-capture is not installed."));
      return FALSE;
    }
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           error, helper, "--list-interfaces", NULL);
  if (!proc || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc))
    {
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_SPAWN, "%s",
                   err && *err ? err : _("The capture helper could not list the interfaces."));
      return FALSE;
    }
  /* One line per interface: name, tab, description, tab, flags (ss-helper-main.c). */
  n = g_ptr_array_new ();
  d = g_ptr_array_new ();
  lines = g_strsplit (out ? out : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);

      if (!f[0] || !*f[0])
        continue;
      g_ptr_array_add (n, g_strdup (f[0]));
      g_ptr_array_add (d, g_strdup (f[1] ? f[1] : ""));
    }
  g_ptr_array_add (n, NULL);
  g_ptr_array_add (d, NULL);
  *names = (char **) g_ptr_array_free (n, FALSE);
  *descriptions = (char **) g_ptr_array_free (d, FALSE);
  return TRUE;
}

gboolean
ss_live_capture_start (SsWindow                   *win,
                       const SsLiveCaptureOptions *opts,
                       GError                    **error)
{
  g_autofree char *helper = helper_path ();
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmpl = NULL;
  const char *dir;
  SsLiveCapture *live, *old;
  GInputStream *status;
  int status_fd = -1;

  old = ss_live_capture_get (win);
  if (old && !old->finished)
    {
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_SPAWN,
                   _("A capture is already running."));
      return FALSE;
    }
  if (!helper)
    {
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_SPAWN,
                   _("The capture helper stratoshark-capture is not installed."));
      return FALSE;
    }

  live = g_new0 (SsLiveCapture, 1);
  live->fd = -1;
  live->wake[0] = live->wake[1] = -1;
  g_mutex_init (&live->mutex);
  live->err = g_string_new (NULL);
  live->warnings = g_string_new (NULL);
  live->head = g_byte_array_new ();
  live->reader = ss_capture_status_reader_new ();
  live->cancellable = g_cancellable_new ();
  live->win = win;
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &live->win);

  dir = g_get_user_runtime_dir ();
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = g_get_tmp_dir ();
  tmpl = g_build_filename (dir, "stratoshark_live_XXXXXX.pcapng", NULL);
  live->fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (live->fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create a temporary file in “%s”: %s"), dir, g_strerror (saved));
      live_free (live);
      return FALSE;
    }
  live->path = g_steal_pointer (&tmpl);

  for (guint i = 0; opts->interfaces && opts->interfaces[i]; i++)
    {
      g_ptr_array_add (args, g_strdup ("--interface"));
      g_ptr_array_add (args, g_strdup (opts->interfaces[i]));
    }
  if (opts->capture_filter && *opts->capture_filter)
    {
      g_ptr_array_add (args, g_strdup ("--filter"));
      g_ptr_array_add (args, g_strdup (opts->capture_filter));
    }
  if (opts->ebpf)
    g_ptr_array_add (args, g_strdup ("--ebpf"));
  if (opts->ebpf && opts->ebpf_filter && *opts->ebpf_filter)
    {
      g_ptr_array_add (args, g_strdup ("--ebpf-filter"));
      g_ptr_array_add (args, g_strdup (opts->ebpf_filter));
    }
  if (opts->snaplen)
    {
      g_ptr_array_add (args, g_strdup ("--snaplen"));
      g_ptr_array_add (args, g_strdup_printf ("%u", opts->snaplen));
    }
  g_ptr_array_add (args, NULL);
  live->ifaces = opts->interfaces && opts->interfaces[0]
                 ? g_strjoinv (", ", opts->interfaces) : g_strdup (_("the default interface"));

  /* pkexec only when the helper cannot capture by itself and pkexec is there; otherwise the
   * helper runs anyway and says which capability is missing and how to grant it. */
  live->use_pkexec = !helper_runs_directly (helper)
                     && g_find_program_in_path ("pkexec") != NULL;
  live->proc = ss_capture_helper_spawn (helper, (const char * const *) args->pdata,
                                        live->use_pkexec, &status_fd, error);
  if (!live->proc)
    {
      live_free (live);
      return FALSE;
    }

  /* Room for the helper's output while the main loop is busy (the helper must never wait on
   * this pipe: it would stop draining the kernel's buffer and packets would be dropped). */
  live->out_fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (
                                               g_subprocess_get_stdout_pipe (live->proc)));
  fcntl (live->out_fd, F_SETPIPE_SZ, PIPE_SIZE);
  if (!g_unix_open_pipe (live->wake, FD_CLOEXEC, error))
    {
      g_subprocess_send_signal (live->proc, SIGTERM);
      live_free (live);
      return FALSE;
    }
  live->copier = g_thread_new ("ss-live-copy", copier_thread, live);
  g_object_set_data_full (G_OBJECT (win), LIVE_KEY, live, live_free);
  status = g_unix_input_stream_new (status_fd, TRUE);
  read_status (live, status);
  g_object_unref (status);
  read_err (live);
  g_subprocess_wait_async (live->proc, live->cancellable, wait_cb, live);
  live->tick = g_timeout_add (50, tick_cb, live);
  ss_live_capture_update_actions (win);
  return TRUE;
}

void
ss_live_capture_stop (SsLiveCapture *live)
{
  if (live->exited || !live->proc)
    return;
  live->stop_asked = TRUE;
  /* The helper stops cleanly when its standard input closes (--stop-fd 0): that also reaches
   * a helper started through pkexec, which runs as root and cannot be signalled from here. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (live->proc), NULL, NULL);
  if (!live->use_pkexec)
    g_subprocess_send_signal (live->proc, SIGTERM);
}

gboolean
ss_live_capture_save (SsLiveCapture *live,
                      const char    *path,
                      GError       **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (live->path);
  g_autoptr(GFile) dst = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  if (!live->finished)
    {
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_SPAWN,
                   _("Stop the capture before saving it."));
      return FALSE;
    }
  out = g_file_replace (dst, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, error);
  if (!out)
    return FALSE;
  in = g_file_read (src, NULL, error);
  if (!in)
    return FALSE;
  if (g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                              | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return FALSE;
  return TRUE;
}

void
ss_live_capture_update_actions (SsWindow *win)
{
  SsLiveCapture *live = ss_live_capture_get (win);
  gboolean running = live && !live->finished;

  ss_window_set_action_enabled (win, "capture-options", !running);
  ss_window_set_action_enabled (win, "capture-start", !running);
  ss_window_set_action_enabled (win, "capture-stop", running && !live->stop_asked);
}
