/* Live capture in the window, under Xvfb (run by test-gui-live.py inside the network namespace
 * it made: SS_LIVE_IFACE is the namespace's veth, SS_LIVE_URL a file served from the other end).
 *
 * Capture → Options lists the interfaces the helper reports; Start captures on the veth while
 * curl fetches the file; a display filter applied during the capture must keep exactly the
 * packets tshark's filter keeps in the saved file, including those that arrived after it was
 * applied. After Stop, the packet list has as many rows as the helper's last STATS counted and
 * as tshark reads in the file saved from the window.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ss-application.h"
#include "ss-capture-dialog.h"
#include "ss-live-capture.h"
#include "ss-packet-list.h"
#include "ss-packet-list-model.h"
#include "ss-window-private.h"

/* Packets with SYN set: two per connection, whatever the timing. */
#define LIVE_FILTER "tcp.flags.syn == 1"

static SsApplication *app;
static SsWindow *win;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until (gboolean (*done) (void),
            guint     seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!done () && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static guint
n_rows (void)
{
  SsPacketListModel *model = ss_packet_list_get_model (ss_window_get_packet_list (win));

  return model ? ss_packet_list_model_get_n_displayed (model) : 0;
}

static gboolean
has_rows (void)
{
  return ss_window_get_document (win) != NULL && n_rows () > 0;
}

static guint rows_wanted;

static gboolean
rows_reached (void)
{
  return n_rows () >= rows_wanted;
}

static gboolean
capture_over (void)
{
  SsLiveCapture *live = ss_live_capture_get (win);

  return live && !ss_live_capture_is_running (live) && !ss_window_is_busy (win);
}

static gboolean curl_done;

static void
curl_exited_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  curl_done = TRUE;
}

static gboolean
curl_finished (void)
{
  return curl_done;
}

/* Fetches the URL @times times (one connection each) while the main loop runs. */
static void
curl (guint times)
{
  for (guint i = 0; i < times; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) p = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "curl", "-s",
                                                   "-o", "/dev/null", "--max-time", "10",
                                                   g_getenv ("SS_LIVE_URL"), NULL);

      g_assert_no_error (error);
      curl_done = FALSE;
      g_subprocess_wait_check_async (p, NULL, curl_exited_cb, NULL);
      spin_until (curl_finished, 30);
    }
}

/* tshark's packet count in @path, with display filter @filter when set. */
static guint
tshark_count (const char *path,
              const char *filter)
{
  const char *argv[] = { g_getenv ("TSHARK"), "-n", "-r", path, "-T", "fields", "-e",
                         "frame.number", filter ? "-Y" : NULL, filter, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  guint n = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *p = out; *p; p++)
    n += *p == '\n';
  return n;
}

static SsCaptureDialog *
open_capture_dialog (void)
{
  GList *before = gtk_window_list_toplevels ();
  GList *after;
  SsCaptureDialog *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.capture-options", NULL);
  after = gtk_window_list_toplevels ();
  for (GList *l = after; l; l = l->next)
    if (!g_list_find (before, l->data) && SS_IS_CAPTURE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (before);
  g_list_free (after);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_live_capture (void)
{
  const char *iface = g_getenv ("SS_LIVE_IFACE");
  SsCaptureDialog *dialog;
  SsLiveCapture *live;
  const SsCaptureStats *stats;
  g_autofree char *dir = g_dir_make_tmp ("ss-gui-live-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.pcapng", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *live_path = NULL;
  guint filtered_before, filtered_after, total;
  struct stat st;

  if (!iface || !g_getenv ("SS_LIVE_URL") || !g_getenv ("TSHARK"))
    {
      g_test_skip ("run by test-gui-live.py (SS_LIVE_IFACE, SS_LIVE_URL, TSHARK)");
      return;
    }

  /* Capture → Options: the helper's interfaces, the veth among them. */
  dialog = open_capture_dialog ();
  g_assert_true (g_strv_contains (ss_capture_dialog_get_interfaces (dialog), iface));
  g_assert_true (ss_capture_dialog_select_interface (dialog, iface));
  ss_capture_dialog_set_capture_filter (dialog, "tcp");
  g_assert_true (ss_capture_dialog_start (dialog));
  live = ss_live_capture_get (win);
  g_assert_nonnull (live);
  g_assert_true (ss_live_capture_is_running (live));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "capture-start"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "capture-stop"));
  live_path = g_strdup (ss_live_capture_get_path (live));
  g_assert_cmpint (g_stat (live_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Give the helper time to open the interface, then traffic: rows appear while it runs. */
  spin_for (1500);
  curl (2);
  spin_until (has_rows, 30);
  /* The helper hands packets over at least every 50 ms: let the last ones of these connections
   * arrive, so the count below is of whole handshakes. */
  spin_for (1000);
  g_assert_true (ss_live_capture_is_running (live));

  /* A display filter typed now keeps the matching packets so far... */
  ss_window_apply_filter (win, LIVE_FILTER);
  spin_for (200);
  g_assert_cmpstr (ss_window_get_applied_filter (win), ==, LIVE_FILTER);
  filtered_before = n_rows ();
  g_assert_cmpuint (filtered_before, >, 0);
  g_assert_cmpuint (filtered_before % 2, ==, 0);

  /* ... and those that arrive afterwards. */
  curl (3);
  rows_wanted = filtered_before + 6;
  spin_until (rows_reached, 30);
  g_assert_true (ss_live_capture_is_running (live));

  /* Stop: the helper finishes, its last counters arrive, every packet is read. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.capture-stop", NULL);
  spin_until (capture_over, 60);
  g_assert_null (ss_live_capture_get_error (live));
  filtered_after = n_rows ();
  stats = ss_live_capture_get_stats (live);
  g_assert_cmpuint (stats->packets, >, 0);
  g_assert_cmpuint (stats->kernel_drops + stats->if_drops, ==, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "capture-start"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "capture-stop"));
  g_assert_nonnull (strstr (ss_window_get_status_text (win), "Displayed"));
  /* The status bar: the helper's count and drops. */
  {
    g_autofree char *counts = g_strdup_printf ("Helper: %" G_GUINT64_FORMAT " packets · Dropped: 0",
                                               stats->packets);

    g_assert_nonnull (win->live_status);
    g_assert_nonnull (strstr (win->live_status, counts));
    g_assert_cmpstr (gtk_label_get_text (win->load_time_label), ==, win->live_status);
  }

  /* Saved from the window: what tshark reads there is what the list and the helper counted. */
  g_assert_true (ss_live_capture_save (live, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (saved, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  total = tshark_count (saved, NULL);
  g_test_message ("helper: %" G_GUINT64_FORMAT " packets; tshark: %u in the saved file; "
                  "filtered rows: %u when applied, %u at the end",
                  stats->packets, total, filtered_before, filtered_after);
  g_assert_cmpuint (total, ==, stats->packets);
  g_assert_cmpuint (filtered_after, ==, tshark_count (saved, LIVE_FILTER));
  g_assert_cmpuint (filtered_after, >=, filtered_before + 6);

  /* Without the filter the list shows every packet the helper counted. */
  ss_window_apply_filter (win, "");
  spin_until (capture_over, 30);
  g_assert_cmpuint (n_rows (), ==, stats->packets);
  g_assert_cmpuint (ss_document_get_n_passed (ss_window_get_document (win)), ==, stats->packets);

  /* Closing the capture removes its temporary file. */
  ss_window_close_file (win);
  g_assert_null (ss_live_capture_get (win));
  g_assert_null (win->live_status);
  g_assert_false (g_file_test (live_path, G_FILE_TEST_EXISTS));
  g_unlink (saved);
  g_rmdir (dir);
}

static gboolean
helper_finished (void)
{
  SsLiveCapture *live = ss_live_capture_get (win);

  return live && !ss_live_capture_is_running (live);
}

/* A capture the helper refuses (no such interface): nothing is opened, and what the helper said
 * is what the window reports. */
static void
test_live_refused (void)
{
  const char *ifaces[] = { "ssnosuch0", NULL };
  SsLiveCaptureOptions opts = { (char **) ifaces, NULL, FALSE, NULL, 0 };
  g_autoptr(GError) error = NULL;
  GList *before, *after;
  guint new_windows = 0;

  if (!g_getenv ("SS_LIVE_IFACE"))
    {
      g_test_skip ("run by test-gui-live.py");
      return;
    }
  before = gtk_window_list_toplevels ();
  g_assert_true (ss_live_capture_start (win, &opts, &error));
  g_assert_no_error (error);
  spin_until (helper_finished, 30);
  g_assert_null (ss_window_get_document (win));
  g_assert_nonnull (ss_live_capture_get_error (ss_live_capture_get (win)));
  g_assert_nonnull (strstr (ss_live_capture_get_error (ss_live_capture_get (win)), "ssnosuch0"));
  /* The message dialog. */
  after = gtk_window_list_toplevels ();
  for (GList *l = after; l; l = l->next)
    if (!g_list_find (before, l->data))
      {
        new_windows++;
        gtk_window_destroy (l->data);
      }
  g_list_free (before);
  g_list_free (after);
  g_assert_cmpuint (new_windows, ==, 1);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "capture-start"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  app = ss_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  win = ss_window_new (app);
  gtk_window_present (GTK_WINDOW (win));

  g_test_add_func ("/gui/live/refused", test_live_refused);
  g_test_add_func ("/gui/live/capture-filter-stop-save", test_live_capture);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (win));
  g_clear_object (&app);
  return status;
}
