/* Tests for src/cli: options, errors and -w, run against the real binary */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static void
run (Run        *r,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("STRATOSHARK");
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  memset (r, 0, sizeof *r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample.pcapng", NULL);
}

static void
test_version (void)
{
  Run r;

  run (&r, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "StratoShark "));
  run_clear (&r);
}

static void
test_unknown_option (void)
{
  Run r;

  run (&r, "--no-such-option", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "no-such-option"));
  run_clear (&r);
}

static void
test_missing_file (void)
{
  Run r;

  run (&r, "-r", "/nonexistent/file.pcap", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "/nonexistent/file.pcap"));
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);
}

static void
test_bad_output_format (void)
{
  g_autofree char *sample = sample_path ();
  Run r;

  run (&r, "-r", sample, "-T", "xml", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "xml"));
  run_clear (&r);

  run (&r, "-r", sample, "-T", "fields", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  run (&r, "-r", sample, "-T", "fields", "-e", "htp.host", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "htp.host"));
  run_clear (&r);

  run (&r, "-r", sample, "-T", "fields", "-e", "frame.number", "-E", "header=maybe", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
}

/* -z arguments tshark 4.0.17 refuses, with its exit status: 10 from tap-iostat for a
 * calculation or interval it cannot do, 1 for the rest. Nothing is printed on stdout. */
static void
test_stats_errors (void)
{
  static const struct { const char *arg; int status; const char *message; } cases[] = {
    { "io,stat,1,SUM(no.such.field)", 10, "There is no field named 'no.such.field'." },
    { "io,stat,1,COUNT(no.such.field)no.such.field", 10, "There is no field named" },
    { "io,stat,1,MIN(ip.src)", 10, "ip.src doesn't have integral values" },
    { "io,stat,1,COUNT()", 10, "You didn't specify a field name for COUNT(*)." },
    { "io,stat,1,AVG(frame.len", 10, "Closing parenthesis missing" },
    { "io,stat,0.0000001", 10, "interval must be >=0.000001 seconds" },
    { "io,stat,1,tcp.port=", 1, "Couldn't register io,stat tap" },
    { "io,stat,x", 1, "invalid \"-z io,stat" },
    { "conv,tcp,no.such.field", 1, "Couldn't register conversations tap" },
    { "no,such,statistic", 1, "Invalid -z argument" },
    { "follow,tcp,foo,0", 1, "follow - Invalid display mode." },
  };
  g_autofree char *sample = sample_path ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run r;

      run (&r, "-r", sample, "-q", "-z", cases[i].arg, NULL);
      g_assert_cmpint (r.status, ==, cases[i].status);
      g_assert_nonnull (strstr (r.err, cases[i].message));
      g_assert_cmpstr (r.out, ==, "");
      run_clear (&r);
    }
}

/* -T csv prints the -z tables, and only them; without -z it is refused. */
static void
test_stats_csv (void)
{
  g_autofree char *sample = sample_path ();
  Run r;

  run (&r, "-r", sample, "-T", "csv", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "-T csv"));
  run_clear (&r);

  run (&r, "-r", sample, "-T", "csv", "-z", "io,stat,0", "-z", "conv,ip", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "# io,stat,0\n"));
  g_assert_nonnull (strstr (r.out, "\n\n# conv,ip\n"));
  g_assert_null (strstr (r.out, "IO Statistics"));
  run_clear (&r);
}

static void
test_count_and_header (void)
{
  g_autofree char *sample = sample_path ();
  Run r;

  run (&r, "-r", sample, "-c", "3", "-T", "fields", "-E", "header=y", "-E", "separator=,",
       "-e", "frame.number", "-e", "frame.len", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* header, 3 frames, "" */
    g_assert_cmpstr (lines[0], ==, "frame.number,frame.len");
    g_assert_true (g_str_has_prefix (lines[1], "1,"));
    g_assert_true (g_str_has_prefix (lines[3], "3,"));
  }
  run_clear (&r);
}

static void
test_write_file (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("ss-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pcapng", NULL);
  GStatBuf st;
  Run r, w;

  run (&w, "-r", sample, "-w", out, NULL);
  g_assert_cmpint (w.status, ==, 0);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The copy dissects to the same summary as the original. */
  run (&r, "-r", sample, NULL);
  run_clear (&w);
  run (&w, "-r", out, NULL);
  g_assert_cmpint (w.status, ==, 0);
  g_assert_cmpstr (w.out, ==, r.out);
  run_clear (&r);
  run_clear (&w);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_cut_short_file (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("ss-cli-XXXXXX", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pcapng", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  Run r;

  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 2000);
  g_assert_true (g_file_set_contents (cut, contents, 2000, NULL));
  run (&r, "-r", cut, NULL);
  /* What was whole is printed, then where it broke, and a non-zero exit. */
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (g_str_has_prefix (r.out, "    1 "));
  g_assert_cmpstr (r.err, !=, "");
  run_clear (&r);
  g_unlink (cut);
  g_rmdir (dir);
}

/* The pass on several threads (ss-cli-parallel.c, which runs on small files only when
 * STRATOSHARK_THREADS asks) prints what tshark prints: stream numbers, the TCP analysis and the
 * request/response links need every frame of a conversation on one thread, in order. */
static void
test_threads_match_tshark (void)
{
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  const char *captures[] = { "http-slow-503-rst.pcapng", "tcp-zero-window-retrans.pcapng",
                             "pgsql-slow-and-deadlock.pcapng", NULL };
  const char *threads[] = { "2", "3" };

  if (!tshark)
    {
      g_test_skip ("tshark (the reference) is not installed");
      return;
    }
  for (guint c = 0; c < G_N_ELEMENTS (captures); c++)
    for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
      {
        g_autofree char *path = captures[c]
          ? g_test_build_filename (G_TEST_DIST, "captures", captures[c], NULL) : sample_path ();
        const char *argv_ts[] = { tshark, "-n", "-r", path, "-Y", "tcp || dns || icmp",
                                  "-T", "fields", "-e", "frame.number", "-e", "tcp.stream",
                                  "-e", "tcp.seq", "-e", "tcp.analysis.flags", "-e",
                                  "tcp.analysis.ack_rtt", "-e", "http.response_in", "-e",
                                  "dns.response_to", "-e", "pgsql.type", NULL };
        g_autofree char *expected = NULL;
        int wait_status = 0;
        Run r;

        g_assert_true (g_spawn_sync (NULL, (char **) argv_ts, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                     NULL, NULL, &expected, NULL, &wait_status, NULL));
        g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
        g_setenv ("STRATOSHARK_THREADS", threads[t], TRUE);
        run (&r, "-n", "-r", path, "-Y", "tcp || dns || icmp", "-T", "fields", "-e",
             "frame.number", "-e", "tcp.stream", "-e", "tcp.seq", "-e", "tcp.analysis.flags",
             "-e", "tcp.analysis.ack_rtt", "-e", "http.response_in", "-e", "dns.response_to",
             "-e", "pgsql.type", NULL);
        g_unsetenv ("STRATOSHARK_THREADS");
        g_assert_cmpint (r.status, ==, 0);
        g_assert_cmpstr (r.out, ==, expected);
        run_clear (&r);
      }
}

/* The summary lines of the sample are tshark's, in one pass (with and without a filter, which
 * builds the columns of the packets shown only) and after a first pass: TCP segments of
 * reassembled messages, ICMP and ICMPv6 echo links, TLS versions. */
static void
test_summary_matches_tshark (void)
{
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_autofree char *path = sample_path ();
  const char *modes[][3] = { { NULL }, { "-Y", "tcp || icmp || icmpv6", NULL },
                             { "-2", NULL } };

  if (!tshark)
    {
      g_test_skip ("tshark (the reference) is not installed");
      return;
    }
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      const char *argv_ts[8] = { tshark, "-n", "-r", path };
      g_autofree char *expected = NULL;
      int wait_status = 0;
      guint n = 4;
      Run r;

      for (guint i = 0; i < 3 && modes[m][i]; i++)
        argv_ts[n++] = modes[m][i];
      argv_ts[n] = NULL;
      g_assert_true (g_spawn_sync (NULL, (char **) argv_ts, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &expected, NULL, &wait_status, NULL));
      g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
      run (&r, "-n", "-r", path, modes[m][0], modes[m][0] ? modes[m][1] : NULL,
           modes[m][0] && modes[m][1] ? modes[m][2] : NULL, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, expected);
      run_clear (&r);
    }
}

/* A display filter's summary lines are tshark's one-pass lines: the columns come from the one
 * dissection, not from dissecting the shown frames again (which gave HTTP segments TCP's Info).
 * On a shared capture with an HTTP response spread over segments; skipped without it. */
static void
test_filter_lines_one_pass (void)
{
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  const char *shared = g_getenv ("SS_SHARED_CAPTURES");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const char *filter = "tcp || udp";
  int wait_status = 0;
  Run r;

  if (!tshark)
    {
      g_test_skip ("tshark (the reference) is not installed");
      return;
    }
  if (shared)
    path = g_build_filename (shared, "arkime", "socks5-reverse.pcap", NULL);
  if (!path || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared capture arkime/socks5-reverse.pcap is not there");
      return;
    }
  {
    const char *argv_ts[] = { tshark, "-n", "-r", path, "-Y", filter, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv_ts, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &expected, NULL, &wait_status, NULL));
  }
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  run (&r, "-n", "-r", path, "-Y", filter, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected);
  run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/missing-file", test_missing_file);
  g_test_add_func ("/cli/bad-output-format", test_bad_output_format);
  g_test_add_func ("/cli/count-and-header", test_count_and_header);
  g_test_add_func ("/cli/stats-errors", test_stats_errors);
  g_test_add_func ("/cli/stats-csv", test_stats_csv);
  g_test_add_func ("/cli/write-file", test_write_file);
  g_test_add_func ("/cli/cut-short-file", test_cut_short_file);
  g_test_add_func ("/cli/threads-match-tshark", test_threads_match_tshark);
  g_test_add_func ("/cli/summary-matches-tshark", test_summary_matches_tshark);
  g_test_add_func ("/cli/filter-lines-one-pass", test_filter_lines_one_pass);
  return g_test_run ();
}
