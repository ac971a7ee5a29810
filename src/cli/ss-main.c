/* ss-main.c: the `stratoshark` entry point
 *
 * With -r (or any tshark option) it is the command-line analyzer and never touches a display.
 * With a single file name and no options it will open the GUI; until the GUI is built, and
 * whenever there is no display, it prints the summary of the file instead.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* `stratoshark FILE`: the GUI's job. Without the GUI, show the capture's summary. */
  if (argc == 2 && argv[1][0] != '-')
    {
      char *cli_argv[] = { argv[0], (char *) "-r", argv[1], NULL };

      return ss_cli_run (3, cli_argv);
    }

  return ss_cli_run (argc, argv);
}
