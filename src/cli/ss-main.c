/* ss-main.c: the `stratoshark` entry point
 *
 * With -r (or any tshark option) it is the command-line analyzer and never touches a display.
 * With a single file name and no options, or none at all, it opens the GUI when a display is
 * available, and otherwise prints the summary of the file instead.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ss-cli.h"
#include "ss-gui.h"

/* `stratoshark capture ...` runs the privileged helper with the remaining arguments, as argv and
 * never through a shell. It is looked for next to this binary, in the build tree's
 * src/helper, then in the installation's libexec directory (PREFIX/libexec). */
static int
run_capture_helper (int    argc,
                    char **argv)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_path_get_dirname (self ? self : argv[0]);
  char *candidates[3] = {
    g_build_filename (dir, "stratoshark-capture", NULL),
    g_build_filename (dir, "..", "helper", "stratoshark-capture", NULL),
    g_build_filename (dir, "..", "libexec", "stratoshark-capture", NULL),
  };
  g_autofree char **helper_argv = g_new0 (char *, (gsize) argc + 1);
  gboolean not_found = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE)
        && !g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
      {
        helper_argv[0] = candidates[i];
        for (int j = 2; j < argc; j++)
          helper_argv[j - 1] = argv[j];
        execv (candidates[i], helper_argv);
        g_printerr (_("stratoshark: cannot run %s: %s\n"), candidates[i], g_strerror (errno));
        not_found = FALSE;
        break;
      }
  if (not_found)
    g_printerr (_("stratoshark: the capture helper stratoshark-capture is not installed "
                  "(looked in %s and %s)\n"), dir, candidates[2]);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    g_free (candidates[i]);
  return 1;
}

/* The window never runs as root: a capture holds secrets (tokens, cookies, credentials) and the
 * window parses every byte of it with a large toolkit. Only the small capture helper is
 * privileged. STRATOSHARK_ALLOW_ROOT_GUI=1 lifts this for machines that only have root (the
 * test suite sets it). With a file, its summary is printed instead. */
static gboolean
may_run_gui_as (uid_t euid)
{
  if (euid != 0 || g_strcmp0 (g_getenv ("STRATOSHARK_ALLOW_ROOT_GUI"), "1") == 0)
    return TRUE;
  g_printerr (_("stratoshark: refusing to open the window as root. Captures hold secrets and "
                "the window parses every byte of them; only the capture helper "
                "(stratoshark-capture) needs privileges. Run stratoshark as your own user, or set "
                "STRATOSHARK_ALLOW_ROOT_GUI=1 if this machine only has root.\n"));
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && strcmp (argv[1], "capture") == 0)
    return run_capture_helper (argc, argv);

  /* `stratoshark FILE` or `stratoshark`: the window, when there is a display to show it on.
   * Without one, show the capture's summary. Any tshark option means the command line, which
   * never initialises GTK. */
  if (argc == 1 || (argc == 2 && argv[1][0] != '-') || ss_gui_wants_gui_options (argc, argv))
    {
      gboolean gui_only = ss_gui_wants_gui_options (argc, argv);

      if (ss_gui_display_available ())
        {
          if (!may_run_gui_as (geteuid ()))
            {
              if (gui_only || argc == 1)
                return 1;
            }
          else
            return ss_gui_main (argc, argv);
        }
      else if (gui_only)
        {
          g_printerr (_("stratoshark: --screenshot needs a display (set DISPLAY, or run it under "
                        "xvfb-run)\n"));
          return 2;
        }
      if (argc == 2)
        {
          char *cli_argv[] = { argv[0], (char *) "-r", argv[1], NULL };

          return ss_cli_run (3, cli_argv);
        }
    }

  return ss_cli_run (argc, argv);
}
