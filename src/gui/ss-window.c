/* ss-window.c: the main window: loading, filtering, the panes and the status bar
 *
 * Long work (loading, filtering, sorting, finding) runs in GTasks on worker threads. The window
 * keeps one GCancellable for loading and one for the other task, and a timer that moves what the
 * workers publish (frames read, progress) into the packet list and the status bar.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ss-dfilter.h"
#include "ss-recent.h"
#include "ss-sort.h"
#include "ss-window-private.h"
#include "ss-ui-path.h"

G_DEFINE_FINAL_TYPE (SsWindow, ss_window, GTK_TYPE_APPLICATION_WINDOW)

enum
{
  LOADED,
  TASK_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The first batch is small so the first rows show at once; later ones amortise the locking. */
#define FIRST_BATCH 256
#define LOAD_BATCH  65536

static void update_status        (SsWindow *self);
static void screenshot_continue  (SsWindow *self);
static void sort_changed_cb      (SsPacketList *list,
                                  int           column,
                                  gboolean      descending,
                                  SsWindow     *self);
static void start_filter         (SsWindow *self,
                                  const char *text);

/* ------------------------------------------------------------------------------------------ */
/* Progress and status */

static char *
format_duration (gint64 us)
{
  gint64 ms = us / 1000;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ".%03" G_GINT64_FORMAT,
                          ms / 60000, (ms / 1000) % 60, ms % 1000);
}

static void
update_expert_button (SsWindow *self)
{
  SsExpertCounts c = { 0 };
  const char *cls = NULL;
  g_autofree char *tip = NULL;
  static const char *const classes[] = {
    "ss-expert-error", "ss-expert-warn", "ss-expert-note", "ss-expert-chat"
  };

  if (self->doc)
    ss_document_get_expert_counts (self->doc, &c);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->expert_button), classes[i]);
  if (c.error)
    cls = classes[0];
  else if (c.warn)
    cls = classes[1];
  else if (c.note)
    cls = classes[2];
  else if (c.chat)
    cls = classes[3];
  if (cls)
    gtk_widget_add_css_class (GTK_WIDGET (self->expert_button), cls);
  if (c.error + c.warn + c.note + c.chat == 0)
    tip = g_strdup (_("No expert information"));
  else
    /* TRANSLATORS: counts of Expert Information items by severity */
    tip = g_strdup_printf (_("Expert Information: %u errors, %u warnings, %u notes, %u chats"),
                           c.error, c.warn, c.note, c.chat);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expert_button), tip);
}

static void
update_status (SsWindow *self)
{
  g_autofree char *text = NULL;

  if (!self->doc)
    {
      gtk_label_set_text (self->file_label, _("Ready to load or capture"));
      gtk_label_set_text (self->packets_label, "");
      gtk_label_set_text (self->load_time_label, "");
      g_clear_pointer (&self->status_text, g_free);
      update_expert_button (self);
      return;
    }
  {
    guint total = ss_document_get_n_passed (self->doc);
    guint shown = self->model ? ss_packet_list_model_get_n_displayed (self->model) : 0;

    if (self->model && ss_packet_list_model_is_filtered (self->model))
      text = g_strdup_printf (_("Packets: %u · Displayed: %u (%.1f%%)"), total, shown,
                              total ? 100.0 * shown / total : 0.0);
    else
      text = g_strdup_printf (_("Packets: %u · Displayed: %u (100.0%%)"), total, shown);
  }
  gtk_label_set_text (self->packets_label, text);
  g_free (self->status_text);
  self->status_text = g_steal_pointer (&text);
  if (self->live_status)
    gtk_label_set_text (self->load_time_label, self->live_status);
  else if (self->loaded_us >= 0)
    {
      g_autofree char *d = format_duration (self->loaded_us);

      text = g_strdup_printf (_("Load time: %s"), d);
      gtk_label_set_text (self->load_time_label, text);
    }
  else
    gtk_label_set_text (self->load_time_label, "");
  update_expert_button (self);
}

void
ss_window_refresh_status (SsWindow *self)
{
  update_status (self);
  ss_window_update_actions (self);
}

/* The frame after the first rows reached the list: they are on screen. */
/* CPU time of the calling thread, in microseconds (what the benchmark reports next to the wall
 * time: on a busy machine the two differ). */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
first_rows_shown_tick (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  SsWindow *self = data;

  if (self->first_rows_us < 0 && self->doc)
    {
      self->first_rows_us = g_get_monotonic_time () - self->open_time_us;
      self->first_rows_cpu_us = thread_cpu_us () - self->open_cpu_us;
    }
  self->first_rows_tick = 0;
  screenshot_continue (self);
  return G_SOURCE_REMOVE;
}

static gboolean
progress_tick (gpointer data)
{
  SsWindow *self = data;
  gboolean task = self->task_cancellable != NULL;

  if (self->loading && self->model)
    {
      guint before = ss_packet_list_model_get_n_displayed (self->model);

      ss_packet_list_model_sync (self->model);
      if (before == 0 && ss_packet_list_model_get_n_displayed (self->model) > 0
          && self->first_rows_us < 0 && !self->first_rows_tick)
        self->first_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->packet_list),
                                                              first_rows_shown_tick, self, NULL);
      gtk_label_set_text (self->progress_label, _("Loading"));
      gtk_progress_bar_set_fraction (self->progress_bar, ss_document_get_progress (self->doc));
    }
  else if (task)
    {
      gtk_label_set_text (self->progress_label, self->task_label ? self->task_label : "");
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     g_atomic_int_get (&self->task_progress) / 1000.0);
    }
  gtk_widget_set_visible (self->progress_box, self->loading || task);
  update_status (self);
  if (!self->loading && !task)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
ensure_progress_timer (SsWindow *self)
{
  if (!self->progress_source)
    self->progress_source = g_timeout_add (40, progress_tick, self);
  progress_tick (self);
}

/* ------------------------------------------------------------------------------------------ */
/* The selected packet */

static void
show_packet_cb (SsPacket *pkt,
                gpointer  data)
{
  SsWindow *self = data;

  ss_proto_tree_set_packet (self->proto_tree, pkt);
  ss_hex_view_set_packet (self->hex_view, pkt);
}

static void
frame_selected_cb (SsPacketList *list,
                   guint         frame,
                   SsWindow     *self)
{
  g_autofree char *keep = NULL;
  SsTreeNode *node;

  /* Wireshark keeps the same field selected from packet to packet. */
  node = ss_proto_tree_get_selected (self->proto_tree);
  if (node && ss_tree_node_get_abbrev (node))
    keep = g_strdup (ss_tree_node_get_abbrev (node));
  if (frame == G_MAXUINT || !self->doc)
    {
      ss_proto_tree_clear (self->proto_tree);
      ss_hex_view_clear (self->hex_view);
    }
  else
    {
      ss_document_with_packet (self->doc, frame, TRUE, show_packet_cb, self);
      if (keep)
        ss_proto_tree_select_abbrev (self->proto_tree, keep);
    }
  ss_window_update_actions (self);
}

static void
node_selected_cb (SsProtoTree *tree,
                  SsTreeNode  *node,
                  SsWindow    *self)
{
  if (node)
    ss_hex_view_highlight (self->hex_view, ss_tree_node_get_source (node),
                           ss_tree_node_get_offset (node), ss_tree_node_get_length (node));
  else
    ss_hex_view_highlight (self->hex_view, 0, 0, 0);
  ss_window_update_actions (self);
}

static void
byte_activated_cb (SsHexView *hex,
                   guint      source,
                   guint      offset,
                   SsWindow  *self)
{
  ss_proto_tree_select_byte (self->proto_tree, source, offset);
}

void
ss_window_go_to_position (SsWindow *self,
                          guint     position)
{
  ss_packet_list_select_position (self->packet_list, position);
}

/* ------------------------------------------------------------------------------------------ */
/* Loading */

/* Resident anonymous memory of the process in kB (the mapped capture file is not in it). */
static gint64
rss_anon_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "RssAnon:");
  return line ? g_ascii_strtoll (line + 8, NULL, 10) : 0;
}

static gboolean
first_batch_idle (gpointer data)
{
  SsWindow *self = data;

  if (self->loading)
    progress_tick (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsDocument *doc = task_data;
  SsWindow *self = source;
  guint batch = FIRST_BATCH;
  gboolean first = TRUE;
  gint64 cpu0 = thread_cpu_us ();

  while (ss_document_load_step (doc, batch, cancellable, NULL))
    {
      if (first)
        {
          g_idle_add_full (G_PRIORITY_HIGH_IDLE, first_batch_idle, g_object_ref (source), NULL);
          first = FALSE;
        }
      batch = LOAD_BATCH;
    }
  /* When the worker finished, not when the main loop got round to it. */
  g_atomic_pointer_set (&self->load_cpu_us, (gpointer) (gintptr) (thread_cpu_us () - cpu0));
  g_task_return_int (task, g_get_monotonic_time ());
}

static void
show_load_error (SsWindow     *self,
                 const GError *error)
{
  g_autofree char *name = g_path_get_basename (ss_document_get_path (self->doc));
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  guint n = ss_document_get_n_passed (self->doc);

  if (g_error_matches (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNKNOWN_FORMAT))
    primary = g_strdup_printf (_("“%s” isn't a capture file in a format StratoShark "
                                 "understands."), name);
  else if (g_error_matches (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN))
    primary = g_strdup_printf (_("“%s” could not be opened."), name);
  else if (g_error_matches (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED))
    primary = g_strdup_printf (_("“%s” appears to have been cut short in the middle of a "
                                 "packet."), name);
  else
    primary = g_strdup_printf (_("“%s” appears to be damaged or corrupt."), name);

  if (n > 0)
    secondary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s\n\nThe %u packet read before the problem is "
                                              "shown.",
                                              "%s\n\nThe %u packets read before the problem are "
                                              "shown.", n),
                                 error->message, n);
  else
    secondary = g_strdup (error->message);

  if (self->screenshot || self->bench_filter)
    {
      g_printerr ("stratoshark: %s\n%s\n", primary, secondary);
      return;
    }
  ss_window_show_message (self, primary, secondary);
}

/* STRATOSHARK_TEST_EXIT_AFTER_LOAD=FILE: write "PATH<TAB>PACKETS" to FILE and quit once a file
 * is loaded. The double-click test launches the installed .desktop file and reads it. */
static void
report_and_exit (SsWindow *self)
{
  const char *report = g_getenv ("STRATOSHARK_TEST_EXIT_AFTER_LOAD");
  g_autofree char *line = NULL;

  if (!report || !*report)
    return;
  line = g_strdup_printf ("%s\t%u\n", ss_document_get_path (self->doc),
                          ss_document_get_n_passed (self->doc));
  g_file_set_contents (report, line, -1, NULL);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SsWindow *self = SS_WINDOW (source);
  SsDocument *doc = user_data;
  const GError *error;
  gint64 end_us = g_task_propagate_int (G_TASK (result), NULL);

  if (doc != self->doc)
    {
      /* A file closed (or replaced) while it loaded. */
      ss_document_unref (doc);
      return;
    }
  ss_document_unref (doc);
  self->loading = FALSE;
  g_clear_object (&self->load_cancellable);
  ss_packet_list_model_sync (self->model);
  if (self->first_rows_us < 0 && !self->first_rows_tick && ss_document_get_n_passed (self->doc) > 0)
    self->first_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->packet_list),
                                                          first_rows_shown_tick, self, NULL);
  self->loaded_us = (end_us > 0 ? end_us : g_get_monotonic_time ()) - self->open_time_us;
  progress_tick (self);

  error = ss_document_get_load_error (self->doc);
  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_load_error (self, error);

  if (self->pending_filter)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_filter);

      start_filter (self, text);
    }
  if (self->pending_select)
    {
      ss_packet_list_select_frame (self->packet_list, self->pending_select - 1);
      self->pending_select = 0;
    }
  if (self->pending_sort && !self->task_cancellable)
    {
      int column = self->pending_sort - 1;

      self->pending_sort = 0;
      sort_changed_cb (self->packet_list, column, self->pending_sort_descending, self);
    }
  ss_window_update_actions (self);
  g_signal_emit (self, signals[LOADED], 0);
  report_and_exit (self);
  screenshot_continue (self);
}

static void
cancel_task (SsWindow *self)
{
  if (self->task_cancellable)
    g_cancellable_cancel (self->task_cancellable);
  g_clear_object (&self->task_cancellable);
}

void
ss_window_close_file (SsWindow *self)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  /* Closing a live capture stops it and removes its temporary file. */
  if (self->doc && self->live_closed_func)
    self->live_closed_func (self, self->doc);
  cancel_task (self);
  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->loading = FALSE;
  if (self->first_rows_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->packet_list), self->first_rows_tick);
  self->first_rows_tick = 0;
  ss_packet_list_set_model (self->packet_list, NULL);
  ss_proto_tree_clear (self->proto_tree);
  ss_hex_view_clear (self->hex_view);
  g_clear_object (&self->model);
  g_clear_pointer (&self->doc, ss_document_unref);
  g_clear_pointer (&self->applied_filter, g_free);
  g_clear_pointer (&self->pending_filter, g_free);
  gtk_window_set_title (GTK_WINDOW (self), "StratoShark");
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  ss_window_refresh_recent (self);
  ss_filter_bar_set_applied (self->filter_bar, NULL);
  update_status (self);
  gtk_widget_set_visible (self->progress_box, FALSE);
  ss_window_update_actions (self);
}

static void open_document (SsWindow   *self,
                           SsDocument *doc,
                           const char *name,
                           gboolean    add_recent);

void
ss_window_open_file (SsWindow   *self,
                     const char *path)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (SS_IS_WINDOW (self));
  absolute = g_canonicalize_filename (path, NULL);
  name = g_path_get_basename (absolute);
  open_document (self, ss_document_new (ss_application_get_registry (app), absolute), name,
                 TRUE);
}

void
ss_window_open_live (SsWindow   *self,
                     SsDocument *doc,
                     const char *name)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  open_document (self, doc, name, FALSE);
}

/* Shows @doc (taking it), loading it in a worker. */
static void
open_document (SsWindow   *self,
               SsDocument *doc,
               const char *name,
               gboolean    add_recent)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  const char *absolute = ss_document_get_path (doc);
  const char *filter;

  /* A filter typed before opening (or given with -Y) is applied to the new file. */
  filter = ss_filter_bar_get_text (self->filter_bar);
  if (!self->pending_filter && filter && *filter
      && ss_filter_bar_get_state (self->filter_bar) == SS_FILTER_STATE_VALID)
    self->pending_filter = g_strdup (filter);
  {
    g_autofree char *keep = g_steal_pointer (&self->pending_filter);

    ss_window_close_file (self);
    self->pending_filter = g_steal_pointer (&keep);
  }

  self->doc = doc;
  self->model = ss_packet_list_model_new (self->doc);
  ss_packet_list_set_model (self->packet_list, self->model);
  ss_packet_list_set_coloring (self->packet_list, self->coloring);
  if (self->bench_filter)
    self->rss_before_kb = rss_anon_kb ();
  self->open_time_us = g_get_monotonic_time ();
  self->open_cpu_us = thread_cpu_us ();
  self->first_rows_us = -1;
  self->loaded_us = -1;
  self->filter_us = -1;
  self->loading = TRUE;
  self->load_cancellable = g_cancellable_new ();

  title = g_strdup_printf ("%s — StratoShark", name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), absolute);
  gtk_stack_set_visible_child_name (self->stack, "packets");
  if (add_recent)
    {
      ss_recent_add_file (ss_application_get_recent (app), absolute);
      g_action_group_activate_action (G_ACTION_GROUP (app), "refresh-recent", NULL);
    }

  task = g_task_new (self, self->load_cancellable, load_done_cb, ss_document_ref (self->doc));
  g_task_set_source_tag (task, ss_window_open_file);
  g_task_set_task_data (task, ss_document_ref (self->doc), (GDestroyNotify) ss_document_unref);
  g_task_run_in_thread (task, load_thread);
  ensure_progress_timer (self);
  ss_window_update_actions (self);
  ss_packet_list_focus (self->packet_list);
}

/* ------------------------------------------------------------------------------------------ */
/* Tasks: filter, sort, find */

typedef enum
{
  TASK_FILTER,
  TASK_SORT,
  TASK_FIND,
} TaskKind;

typedef struct
{
  TaskKind     kind;
  SsDocument  *doc;
  SsDfilter   *df;
  char        *text;
  guint        n_frames;     /* filter: frames to run over */
  GArray      *frames;       /* sort, find: displayed frames in display order */
  guint        column;
  SsFieldId    field;
  gboolean     descending;
  guint        start;
  gboolean     backwards;
  GBytes      *needle;
  gint        *progress;
  GArray      *result;
  guint        found;
  gint64       cpu_us;
} TaskData;

static void
task_data_free (gpointer p)
{
  TaskData *td = p;

  ss_document_unref (td->doc);
  g_clear_pointer (&td->df, ss_dfilter_free);
  g_free (td->text);
  g_clear_pointer (&td->frames, g_array_unref);
  g_clear_pointer (&td->needle, g_bytes_unref);
  g_clear_pointer (&td->result, g_array_unref);
  g_free (td);
}

static void
task_run (GTask        *task,
          TaskData     *td,
          GCancellable *cancellable)
{
  switch (td->kind)
    {
    case TASK_FILTER:
      td->cpu_us = thread_cpu_us ();
      td->result = g_array_new (FALSE, FALSE, sizeof (guint32));
      if (!ss_document_filter_range (td->doc, td->df, 0, td->n_frames, td->result, cancellable,
                                     td->progress))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
          return;
        }
      td->cpu_us = thread_cpu_us () - td->cpu_us;
      break;
    case TASK_SORT:
      td->result = ss_sort_frames (td->doc, td->frames, td->column, td->field, td->descending,
                                   cancellable, td->progress);
      if (!td->result)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
          return;
        }
      break;
    case TASK_FIND:
      td->found = ss_document_find (td->doc, td->frames, td->start, td->backwards, td->df,
                                    td->needle, cancellable, td->progress);
      break;
    }
  g_task_return_boolean (task, TRUE);
}

static void
task_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  task_run (task, data, cancellable);
}

static void
task_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SsWindow *self = SS_WINDOW (source);
  GTask *task = G_TASK (result);
  TaskData *td = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  /* Superseded (a newer task, another file): only the newest result counts. */
  if (g_task_get_cancellable (task) != self->task_cancellable || td->doc != self->doc)
    return;
  g_clear_object (&self->task_cancellable);
  g_clear_pointer (&self->task_label, g_free);

  if (ok)
    switch (td->kind)
      {
      case TASK_FILTER:
        self->filter_us = g_get_monotonic_time () - self->task_start_us;
        self->filter_cpu_us = td->cpu_us;
        ss_packet_list_set_displayed (self->packet_list, g_steal_pointer (&td->result));
        g_free (self->applied_filter);
        self->applied_filter = g_strdup (td->text);
        ss_filter_bar_set_applied (self->filter_bar, td->text);
        break;
      case TASK_SORT:
        ss_packet_list_set_order (self->packet_list, g_steal_pointer (&td->result));
        break;
      case TASK_FIND:
        if (td->found != G_MAXUINT)
          {
            gtk_label_set_text (self->find_message, "");
            ss_packet_list_center_position (self->packet_list, td->found);
          }
        else
          {
            gtk_label_set_text (self->find_message, _("No packet matched."));
            gtk_widget_error_bell (GTK_WIDGET (self));
          }
        break;
      }
  progress_tick (self);
  ss_window_update_actions (self);
  if (self->pending_sort)
    {
      int column = self->pending_sort - 1;

      self->pending_sort = 0;
      sort_changed_cb (self->packet_list, column, self->pending_sort_descending, self);
    }
  g_signal_emit (self, signals[TASK_DONE], 0);
  screenshot_continue (self);
}

static void
run_task (SsWindow   *self,
          TaskData   *td,
          const char *label)
{
  g_autoptr(GTask) task = NULL;

  cancel_task (self);
  self->task_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->task_progress, 0);
  td->progress = &self->task_progress;
  g_free (self->task_label);
  self->task_label = g_strdup (label);
  self->task_start_us = g_get_monotonic_time ();
  task = g_task_new (self, self->task_cancellable, task_done_cb, NULL);
  g_task_set_task_data (task, td, task_data_free);
  g_task_run_in_thread (task, task_thread);
  ensure_progress_timer (self);
  ss_window_update_actions (self);
}

static void
start_filter (SsWindow   *self,
              const char *text)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  SsDfilter *df;
  TaskData *td;
  const char *p;

  for (p = text; *p && g_ascii_isspace (*p); p++)
    ;
  if (!*p)
    {
      cancel_task (self);
      ss_packet_list_set_displayed (self->packet_list, NULL);
      g_clear_pointer (&self->applied_filter, g_free);
      ss_filter_bar_set_applied (self->filter_bar, "");
      self->filter_us = 0;
      progress_tick (self);
      g_signal_emit (self, signals[TASK_DONE], 0);
      screenshot_continue (self);
      return;
    }
  df = ss_dfilter_compile (ss_application_get_registry (app), text, NULL, &error);
  if (!df)
    {
      if (self->screenshot || self->bench_filter)
        {
          g_printerr ("stratoshark: %s\n", error->message);
          g_application_quit (G_APPLICATION (app));
          return;
        }
      ss_window_show_message (self, _("Invalid display filter"), error->message);
      return;
    }
  ss_recent_add_filter (ss_application_get_recent (app), text);
  ss_filter_bar_set_history (self->filter_bar,
                             ss_recent_get_filters (ss_application_get_recent (app)));
  td = g_new0 (TaskData, 1);
  td->kind = TASK_FILTER;
  td->doc = ss_document_ref (self->doc);
  td->df = df;
  td->text = g_strdup (text);
  td->n_frames = ss_document_get_n_passed (self->doc);
  run_task (self, td, _("Filtering"));
}

void
ss_window_apply_filter (SsWindow   *self,
                        const char *text)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  if (g_strcmp0 (ss_filter_bar_get_text (self->filter_bar), text) != 0)
    ss_filter_bar_set_text (self->filter_bar, text);
  /* A live capture filters the packets it has and those that arrive (ss-live-capture.c). */
  if (self->live_filter_func && self->live_filter_func (self, text, self->live_filter_data))
    return;
  if (!self->doc || self->loading)
    {
      /* Applied to the file once it is read, as Wireshark does with a filter given at start. */
      g_free (self->pending_filter);
      self->pending_filter = g_strdup (text);
      return;
    }
  start_filter (self, text);
}

static void
filter_apply_cb (SsFilterBar *bar,
                 const char  *text,
                 SsWindow    *self)
{
  ss_window_apply_filter (self, text);
  if (self->doc && !self->loading)
    ss_packet_list_focus (self->packet_list);
}

static void
sort_changed_cb (SsPacketList *list,
                 int           column,
                 gboolean      descending,
                 SsWindow     *self)
{
  TaskData *td;

  if (!self->model)
    return;
  if (self->loading)
    {
      /* Sorted once the file is read (rows keep coming until then). */
      self->pending_sort = column + 1;
      self->pending_sort_descending = descending;
      return;
    }
  if (column < 0 || (column == SS_COLUMN_NUMBER && !descending))
    {
      ss_packet_list_set_order (self->packet_list, NULL);
      return;
    }
  td = g_new0 (TaskData, 1);
  td->kind = TASK_SORT;
  td->doc = ss_document_ref (self->doc);
  td->frames = ss_packet_list_model_dup_displayed (self->model);
  td->column = (guint) column;
  td->field = SS_FIELD_ID_NONE;
  if (column >= SS_N_COLUMNS)
    {
      if ((guint) column - SS_N_COLUMNS >= ss_packet_list_get_n_field_columns (self->packet_list))
        {
          task_data_free (td);
          return;
        }
      td->field = ss_packet_list_get_field_column (self->packet_list, column - SS_N_COLUMNS, NULL);
    }
  td->descending = descending;
  run_task (self, td, _("Sorting"));
}

static GBytes *
parse_hex (const char *text)
{
  GByteArray *out = g_byte_array_new ();
  int nibble = -1;

  for (const char *p = text; *p; p++)
    {
      int v = g_ascii_xdigit_value (*p);

      if (v < 0)
        {
          if (*p == ':' || *p == ' ' || *p == '-')
            continue;
          g_byte_array_unref (out);
          return NULL;
        }
      if (nibble < 0)
        nibble = v;
      else
        {
          guint8 b = (guint8) (nibble << 4 | v);

          g_byte_array_append (out, &b, 1);
          nibble = -1;
        }
    }
  if (nibble >= 0 || out->len == 0)
    {
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

void
ss_window_start_find (SsWindow *self,
                      gboolean  backwards)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  guint kind = gtk_drop_down_get_selected (self->find_kind);
  guint start = ss_packet_list_get_selected_position (self->packet_list);
  TaskData *td;

  if (!self->model || !*text)
    return;
  td = g_new0 (TaskData, 1);
  td->kind = TASK_FIND;
  td->doc = ss_document_ref (self->doc);
  if (kind == 0)
    {
      g_autoptr(GError) error = NULL;

      td->df = ss_dfilter_compile (ss_application_get_registry (app), text, NULL, &error);
      if (!td->df)
        {
          gtk_label_set_text (self->find_message, error->message);
          task_data_free (td);
          return;
        }
    }
  else if (kind == 1)
    {
      td->needle = parse_hex (text);
      if (!td->needle)
        {
          gtk_label_set_text (self->find_message,
                              _("That is not a hex value (e.g. 00:0c:29 or 474554)."));
          task_data_free (td);
          return;
        }
    }
  else
    td->needle = g_bytes_new (text, strlen (text));
  {
    guint n = ss_packet_list_model_get_n_displayed (self->model);

    td->frames = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
    for (guint i = 0; i < n; i++)
      {
        guint32 f = ss_packet_list_model_get_frame (self->model, i);

        g_array_append_val (td->frames, f);
      }
  }
  /* From the selected row on; with none selected, from the first (or the last) row. */
  td->start = start != GTK_INVALID_LIST_POSITION ? start
              : (backwards ? 0 : td->frames->len ? td->frames->len - 1 : 0);
  td->backwards = backwards;
  gtk_label_set_text (self->find_message, "");
  run_task (self, td, _("Searching"));
}

/* ------------------------------------------------------------------------------------------ */
/* Misc */

void
ss_window_show_message (SsWindow   *self,
                        const char *primary,
                        const char *secondary)
{
  GtkWidget *dialog;

  /* GtkMessageDialog is GTK 4.8's (GtkAlertDialog needs 4.10). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ss_window_set_zoom (SsWindow *self,
                    int       zoom)
{
  g_autofree char *css = NULL;
  double scale;

  self->zoom = CLAMP (zoom, -5, 10);
  scale = 1.0;
  for (int i = 0; i < ABS (self->zoom); i++)
    scale = self->zoom > 0 ? scale * 1.1 : scale / 1.1;
  css = g_strdup_printf ("sspacketlist, ssprototree, sshexview textview { font-size: %.0f%%; }",
                         scale * 100);
  if (!self->zoom_css)
    {
      self->zoom_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->zoom_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
    }
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
}

static void
recent_row_activated_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         SsWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "ss-path");

  if (path)
    ss_window_open_file (self, path);
}

void
ss_window_refresh_recent (SsWindow *self)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char * const *files;
  GtkWidget *child;
  guint n = 0;

  if (!app)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  files = ss_recent_get_files (ss_application_get_recent (app));
  for (guint i = 0; files[i] && n < 8; i++, n++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *base = g_path_get_basename (files[i]);
      g_autofree char *dir = g_path_get_dirname (files[i]);
      GtkWidget *title = gtk_label_new (base);
      GtkWidget *sub = gtk_label_new (dir);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), sub);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ss-path", g_strdup (files[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_("No recent capture files"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->recent_list, row);
    }
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SsWindow      *self)
{
  GSList *files;
  g_autofree char *path = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (!files)
    return FALSE;
  path = g_file_get_path (files->data);
  g_slist_free (files);
  if (!path)
    return FALSE;
  ss_window_open_file (self, path);
  return TRUE;
}

static void
update_dark (SsWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  gboolean prefer_dark = FALSE;
  g_autofree char *theme = NULL;
  gboolean dark;

  g_object_get (settings, "gtk-application-prefer-dark-theme", &prefer_dark,
                "gtk-theme-name", &theme, NULL);
  dark = prefer_dark || (theme && (g_str_has_suffix (theme, "-dark")
                                   || g_str_has_suffix (theme, ":dark")));
  ss_packet_list_set_dark (self->packet_list, dark);
}

static void
settings_changed_cb (GtkSettings *settings,
                     GParamSpec  *pspec,
                     SsWindow    *self)
{
  update_dark (self);
}

static void
goto_activate_cb (GtkEntry *entry,
                  SsWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-activate", NULL);
}

static void
find_activate_cb (GtkEntry *entry,
                  SsWindow *self)
{
  ss_window_start_find (self, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Screenshots and the benchmark hook */

gboolean
ss_window_save_png (SsWindow   *self,
                    const char *path,
                    GError    **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0 || !renderer)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window is not shown"));
      return FALSE;
    }
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (!node)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window drew nothing"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
screenshot_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  SsWindow *self = SS_WINDOW (widget);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;

  /* A few frames: rows are bound, the hex view has scrolled, popovers have settled. A window
   * that has not been drawn yet (a busy X server) gets more frames before giving up. */
  if (++self->screenshot_frames < 6)
    return G_SOURCE_CONTINUE;
  if (!ss_window_save_png (self, self->screenshot->output, &error))
    {
      if (self->screenshot_frames < 600)
        return G_SOURCE_CONTINUE;
      g_printerr ("stratoshark: %s\n", error->message);
      g_object_set_data (G_OBJECT (app), "ss-exit-status", GINT_TO_POINTER (1));
    }
  self->screenshot_tick = 0;
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
expand_for_screenshot (SsWindow *self)
{
  GListModel *roots = ss_proto_tree_get_roots (self->proto_tree);
  guint n = g_list_model_get_n_items (roots);

  /* Show what a reader wants to see: the innermost protocol opened and selected, its bytes
   * highlighted. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SsTreeNode) node = g_list_model_get_item (roots, i - 1);

      if (ss_tree_node_get_children (node) && ss_tree_node_get_abbrev (node)
          && ss_tree_node_get_severity (node) == 0)
        {
          ss_proto_tree_select_abbrev (self->proto_tree, ss_tree_node_get_abbrev (node));
          ss_proto_tree_expand_subtrees (self->proto_tree);
          break;
        }
    }
}

static void
screenshot_continue (SsWindow *self)
{
  if (self->bench_filter && !self->loading && !self->task_cancellable
      && self->first_rows_us >= 0)
    {
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      if (self->filter_us < 0)
        {
          self->rss_loaded_kb = rss_anon_kb ();
          start_filter (self, self->bench_filter);
          return;
        }
      g_print ("first_rows_ms %.1f\nfirst_rows_cpu_ms %.1f\nfirst_rows_since_start_ms %.1f\n"
               "loaded_ms %.1f\n"
               "loaded_cpu_ms %.1f\nfilter_ms %.1f\nfilter_cpu_ms %.1f\npackets %u\n"
               "displayed %u\nrss_anon_before_kb %" G_GINT64_FORMAT "\n"
               "rss_anon_loaded_kb %" G_GINT64_FORMAT "\nrss_anon_filtered_kb %" G_GINT64_FORMAT
               "\n",
               self->first_rows_us / 1000.0, self->first_rows_cpu_us / 1000.0,
               (self->first_rows_us + self->open_time_us - self->start_us) / 1000.0,
               self->loaded_us / 1000.0,
               (gint64) (gintptr) g_atomic_pointer_get (&self->load_cpu_us) / 1000.0,
               self->filter_us / 1000.0, self->filter_cpu_us / 1000.0,
               ss_document_get_n_passed (self->doc),
               ss_packet_list_model_get_n_displayed (self->model), self->rss_before_kb,
               self->rss_loaded_kb, rss_anon_kb ());
      g_application_quit (app);
      return;
    }
  if (!self->screenshot || self->loading || self->task_cancellable || self->pending_filter)
    return;
  if (self->screenshot->select && self->model)
    {
      guint frame = self->screenshot->select - 1;

      if (!ss_packet_list_select_frame (self->packet_list, frame))
        {
          guint pos = ss_packet_list_model_find_nearest (self->model, frame);

          if (pos != G_MAXUINT)
            ss_packet_list_select_position (self->packet_list, pos);
        }
      /* Let the selection reach the tree now rather than in an idle. */
      frame_selected_cb (self->packet_list, ss_packet_list_get_selected_frame (self->packet_list),
                         self);
      expand_for_screenshot (self);
      self->screenshot->select = 0;
    }
  self->screenshot_frames = 0;
  if (!self->screenshot_tick)
    self->screenshot_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick, NULL,
                                                          NULL);
}

void
ss_window_take_pending_screenshot (SsWindow *self)
{
  screenshot_continue (self);
}

void
ss_window_set_screenshot (SsWindow            *self,
                          SsScreenshotRequest *request)
{
  g_clear_pointer (&self->screenshot, ss_screenshot_request_free);
  self->screenshot = request;
  if (request->filter)
    ss_window_apply_filter (self, request->filter);
  if (request->width > 0 && request->height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), request->width, request->height);
}

void
ss_window_set_bench_filter (SsWindow   *self,
                            const char *filter,
                            gint64      start_us)
{
  self->start_us = start_us;
  g_free (self->bench_filter);
  self->bench_filter = g_strdup (filter);
}

void
ss_window_get_timings (SsWindow *self,
                       gint64   *first_rows_us,
                       gint64   *loaded_us,
                       gint64   *filter_us)
{
  *first_rows_us = self->first_rows_us;
  *loaded_us = self->loaded_us;
  *filter_us = self->filter_us;
}

/* ------------------------------------------------------------------------------------------ */

gboolean
ss_window_is_busy (SsWindow *self)
{
  return self->loading || self->task_cancellable != NULL;
}

SsDocument *
ss_window_get_document (SsWindow *self)
{
  return self->doc;
}

SsPacketList *
ss_window_get_packet_list (SsWindow *self)
{
  return self->packet_list;
}

SsProtoTree *
ss_window_get_proto_tree (SsWindow *self)
{
  return self->proto_tree;
}

SsHexView *
ss_window_get_hex_view (SsWindow *self)
{
  return self->hex_view;
}

SsFilterBar *
ss_window_get_filter_bar (SsWindow *self)
{
  return self->filter_bar;
}

const char *
ss_window_get_status_text (SsWindow *self)
{
  return self->status_text ? self->status_text : "";
}

const char *
ss_window_get_applied_filter (SsWindow *self)
{
  return self->applied_filter ? self->applied_filter : "";
}

gboolean
ss_window_add_field_column (SsWindow   *self,
                            const char *abbrev)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const SsRegistry *reg = ss_application_get_registry (app);
  SsFieldId id = ss_registry_lookup_field (reg, abbrev);
  const SsFieldDef *def;

  if (id == SS_FIELD_ID_NONE)
    return FALSE;
  def = ss_registry_get_field (reg, id);
  return ss_packet_list_add_field_column (self->packet_list, id, abbrev,
                                          def && def->name ? _(def->name) : abbrev);
}

static void
columns_changed_cb (SsPacketList *list,
                    SsWindow     *self)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  guint n = ss_packet_list_get_n_field_columns (list);
  g_autofree const char **abbrevs = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    ss_packet_list_get_field_column (list, i, &abbrevs[i]);
  ss_recent_set_columns (ss_application_get_recent (app), abbrevs);
}

/* What needs the application (the registry, the recent files): "application" is not a construct
 * property, so this runs once it is set. */
static void
setup_for_application (SsWindow *self)
{
  SsApplication *app = SS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (!app || self->coloring)
    return;
  gtk_application_window_set_show_menubar (GTK_APPLICATION_WINDOW (self), TRUE);
  self->coloring = ss_coloring_new_default (ss_application_get_registry (app));
  ss_filter_bar_set_registry (self->filter_bar, ss_application_get_registry (app));
  ss_filter_bar_set_history (self->filter_bar,
                             ss_recent_get_filters (ss_application_get_recent (app)));
  ss_packet_list_set_coloring (self->packet_list, self->coloring);
  {
    const char * const *columns = ss_recent_get_columns (ss_application_get_recent (app));

    for (guint i = 0; columns[i]; i++)
      ss_window_add_field_column (self, columns[i]);
  }
  g_signal_connect (self->packet_list, "columns-changed", G_CALLBACK (columns_changed_cb), self);
  update_dark (self);
  ss_window_refresh_recent (self);
  ss_window_update_actions (self);
}

static void
ss_window_dispose (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  cancel_task (self);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->packet_list)
    ss_packet_list_set_model (self->packet_list, NULL);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->model);
  g_clear_pointer (&self->doc, ss_document_unref);
  if (self->zoom_css)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->zoom_css));
  g_clear_object (&self->zoom_css);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_WINDOW);
  G_OBJECT_CLASS (ss_window_parent_class)->dispose (object);
}

static void
ss_window_finalize (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  g_clear_pointer (&self->coloring, ss_coloring_free);
  g_free (self->applied_filter);
  g_free (self->pending_filter);
  g_free (self->status_text);
  g_free (self->task_label);
  g_free (self->bench_filter);
  g_clear_pointer (&self->screenshot, ss_screenshot_request_free);
  G_OBJECT_CLASS (ss_window_parent_class)->finalize (object);
}

static void
ss_window_class_init (SsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_window_dispose;
  object_class->finalize = ss_window_finalize;

  /* Loading ended (the whole file, an error, or cancelled). */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A filter, sort or find finished (or was superseded). */
  signals[TASK_DONE] = g_signal_new ("task-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SS_TYPE_FILTER_BAR);
  g_type_ensure (SS_TYPE_PACKET_LIST);
  g_type_ensure (SS_TYPE_PROTO_TREE);
  g_type_ensure (SS_TYPE_HEX_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, goto_revealer);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, goto_entry);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, goto_message);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, find_revealer);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, find_kind);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, find_message);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, packet_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, proto_tree);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, hex_view);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, statusbar);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, expert_button);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, expert_label);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, packets_label);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, load_time_label);
}

static void
ss_window_init (SsWindow *self)
{
  GtkDropTarget *drop;

  self->first_rows_us = self->loaded_us = self->filter_us = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  ss_window_install_actions (self);

  g_signal_connect (self->packet_list, "frame-selected", G_CALLBACK (frame_selected_cb), self);
  g_signal_connect (self->packet_list, "sort-changed", G_CALLBACK (sort_changed_cb), self);
  g_signal_connect (self->proto_tree, "node-selected", G_CALLBACK (node_selected_cb), self);
  g_signal_connect (self->hex_view, "byte-activated", G_CALLBACK (byte_activated_cb), self);
  g_signal_connect (self->filter_bar, "apply", G_CALLBACK (filter_apply_cb), self);
  g_signal_connect (self->goto_entry, "activate", G_CALLBACK (goto_activate_cb), self);
  g_signal_connect (self->find_entry, "activate", G_CALLBACK (find_activate_cb), self);
  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (recent_row_activated_cb), self);

  /* Keys a text entry uses as well: bound on the panes only, ahead of the list's own bindings
   * (GtkListView moves the focus without selecting on Ctrl+Up/Down; Wireshark moves the
   * selection). */
  {
    static const struct
    {
      const char *trigger;
      const char *action;
    } pane_keys[] = {
      { "<Control>Down", "win.go-next" },
      { "<Control>Up", "win.go-previous" },
      { "<Control>Home", "win.go-first" },
      { "<Control>End", "win.go-last" },
      { "<Shift>Right", "win.expand-subtrees" },
      { "<Shift>Left", "win.collapse-subtrees" },
      { "<Control>Right", "win.expand-all" },
      { "<Control>Left", "win.collapse-all" },
    };
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (pane_keys); i++)
      {
        GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (pane_keys[i].trigger);
        GtkShortcutAction *action = gtk_named_action_new (pane_keys[i].action);

        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                              gtk_shortcut_new (trigger, action));
      }
    gtk_widget_add_controller (GTK_WIDGET (self->outer_paned), keys);
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (settings_changed_cb), self, 0);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-theme-name",
                           G_CALLBACK (settings_changed_cb), self, 0);

  gtk_paned_set_position (self->outer_paned, 340);
  gtk_paned_set_position (self->inner_paned, 220);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  update_status (self);
}

SsWindow *
ss_window_new (SsApplication *app)
{
  SsWindow *self = g_object_new (SS_TYPE_WINDOW, "application", app, NULL);

  setup_for_application (self);
  return self;
}
