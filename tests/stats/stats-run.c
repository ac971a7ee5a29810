/* stats-run.c: `stats-run [-T text|json|csv] -z ARG [-z ARG]... FILE`, the CLI's -q -z output
 * without the CLI (for compare-stats.py until `stratoshark -z` exists, and by hand). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ss-stats-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  SsStatsFormat format = SS_STATS_FORMAT_TEXT;
  const char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-z") == 0 && i + 1 < argc)
        g_ptr_array_add (args, argv[++i]);
      else if (strcmp (argv[i], "-T") == 0 && i + 1 < argc)
        {
          if (!ss_stats_format_from_string (argv[++i], &format))
            {
              fprintf (stderr, "stats-run: unknown format %s\n", argv[i]);
              return 2;
            }
        }
      else if (strcmp (argv[i], "-r") == 0 && i + 1 < argc)
        file = argv[++i];
      else if (argv[i][0] != '-' && !file)
        file = argv[i];
      else if (strcmp (argv[i], "-q") == 0 || strcmp (argv[i], "-n") == 0)
        ;
      else
        {
          fprintf (stderr, "usage: stats-run [-T text|json|csv] -z ARG [-z ARG]... FILE\n");
          return 2;
        }
    }
  if (!file)
    {
      fprintf (stderr, "usage: stats-run [-T text|json|csv] -z ARG [-z ARG]... FILE\n");
      return 2;
    }
  g_ptr_array_add (args, NULL);
  out = ss_stats_test_run (file, NULL, (const char *const *) args->pdata, format, &error);
  if (!out)
    {
      fprintf (stderr, "stats-run: %s\n", error->message);
      return 1;
    }
  fwrite (out, 1, strlen (out), stdout);
  return 0;
}
