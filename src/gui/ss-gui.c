/* ss-gui.c: the GUI's command line */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "ss-application.h"
#include "ss-gui.h"

gboolean
ss_gui_display_available (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if ((!x11 || !*x11) && (!wayland || !*wayland))
    return FALSE;
  return gtk_init_check ();
}

gboolean
ss_gui_wants_gui_options (int    argc,
                          char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--screenshot") || g_str_has_prefix (argv[i], "--bench-filter"))
      return TRUE;
  return FALSE;
}

int
ss_gui_main (int    argc,
             char **argv)
{
  g_autofree char *screenshot = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *bench_filter = NULL;
  g_autofree char *size = NULL;
  g_auto(GStrv) files = NULL;
  gint select = 0;
  gboolean dark = FALSE;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot,
      N_("Render the window to a PNG file once FILE is loaded, then exit"), N_("OUT.png") },
    { "display-filter", 'Y', 0, G_OPTION_ARG_STRING, &filter,
      N_("Apply this display filter"), N_("FILTER") },
    { "select", 0, 0, G_OPTION_ARG_INT, &select,
      N_("Select packet N (with --screenshot)"), N_("N") },
    { "size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &size,
      N_("Window size for --screenshot"), N_("WIDTHxHEIGHT") },
    { "dark", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &dark,
      N_("Use the dark theme"), NULL },
    { "bench-filter", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &bench_filter,
      N_("Load FILE, apply FILTER, print the timings and exit (bench/bench-gui.sh)"),
      N_("FILTER") },
    { "version", 'v', 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE]") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsApplication) app = NULL;
  g_autoptr(GPtrArray) app_argv = g_ptr_array_new ();
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;
  gint64 start_us = g_get_monotonic_time ();
  int status;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (ctx, _("Open the graphical analyzer. With -r or any other "
                                       "tshark option, stratoshark reads files on the command "
                                       "line instead."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("stratoshark: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("StratoShark %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (bench_filter && (!files || !files[0]))
    {
      g_printerr (_("stratoshark: --bench-filter needs a capture file\n"));
      return 2;
    }
  /* A screenshot or a benchmark is one run of its own, not a request to a running instance. */
  if (screenshot || bench_filter)
    flags |= G_APPLICATION_NON_UNIQUE;
  if (dark)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);

  app = ss_application_new (flags);
  if (filter)
    ss_application_set_initial_filter (app, filter);
  if (bench_filter)
    ss_application_set_bench_filter (app, bench_filter, start_us);
  if (screenshot)
    {
      SsScreenshotRequest *req = g_new0 (SsScreenshotRequest, 1);

      req->output = g_strdup (screenshot);
      req->select = select > 0 ? (guint) select : 0;
      req->width = 1280;
      req->height = 820;
      req->dark = dark;
      if (size && sscanf (size, "%dx%d", &req->width, &req->height) != 2)
        {
          g_printerr (_("stratoshark: --size wants WIDTHxHEIGHT\n"));
          ss_screenshot_request_free (req);
          return 2;
        }
      ss_application_set_screenshot (app, req);
    }

  /* GApplication opens the files (HANDLES_OPEN): hand it only the program name and them. */
  g_ptr_array_add (app_argv, argv[0]);
  for (guint i = 0; files && files[i]; i++)
    g_ptr_array_add (app_argv, files[i]);
  g_ptr_array_add (app_argv, NULL);
  status = g_application_run (G_APPLICATION (app), (int) app_argv->len - 1,
                              (char **) app_argv->pdata);
  if (status == 0)
    status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "ss-exit-status"));
  return status;
}
