/* ss-cli.h: the tshark-compatible command line (no display, GTK never initialised) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes follow tshark where it has one for the case. */
enum
{
  SS_CLI_EXIT_OK = 0,
  SS_CLI_EXIT_ERROR = 1,         /* a run-time failure (bad filter, write error) */
  SS_CLI_EXIT_BAD_INPUT = 2,     /* bad options, missing or unreadable capture file */
  SS_CLI_EXIT_IO_STAT_CALC = 10, /* -z io,stat: a bad calculation or interval (tshark's 10) */
};

int ss_cli_run (int    argc,
                char **argv);

G_END_DECLS
