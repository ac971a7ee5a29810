/* Tests for the CLI's filter options (-Y, -2, -R, -G), run against the real binary */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

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

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; *s; s++)
    n += *s == '\n';
  return n;
}

static void
test_filter_error (void)
{
  g_autofree char *sample = sample_path ();
  Run r;

  /* As tshark: the message, the filter, the offending part underlined; exit status 2, and the
   * filter is checked before the file is opened. */
  run (&r, "-r", "/nonexistent.pcap", "-Y", "tcp.port == 80 && htp", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==,
                   "stratoshark: htp is neither a field nor a protocol name.\n"
                   "    tcp.port == 80 && htp\n"
                   "                      ^~~\n");
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  run (&r, "-r", sample, "-Y", "tcp.port ==", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "stratoshark: Unexpected end of filter expression.\n");
  run_clear (&r);

  run (&r, "-r", sample, "-Y", "frame[0:2", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==,
                   "stratoshark: The right bracket was missing from a slice.\n"
                   "    frame[0:2\n"
                   "             ^\n");
  run_clear (&r);

  /* Filters are bytes: text outside ASCII reaches the filter compiler as it is. */
  run (&r, "-r", sample, "-Y", "tcp.port \xe2\x89\xa5 80", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (g_str_has_prefix (r.err, "stratoshark: Non-printable ASCII characters may only "
                                          "appear inside double-quotes.\n"));
  run_clear (&r);
}

static void
test_display_filter (void)
{
  g_autofree char *sample = sample_path ();
  Run all, some, none, empty;

  run (&all, "-r", sample, "-T", "fields", "-e", "frame.number", NULL);
  run (&some, "-r", sample, "-Y", "frame.number in {2, 4..6}", "-T", "fields", "-e",
       "frame.number", NULL);
  run (&none, "-r", sample, "-Y", "frame.number > 100000", NULL);
  run (&empty, "-r", sample, "-Y", "  ", "-T", "fields", "-e", "frame.number", NULL);
  g_assert_cmpint (some.status, ==, 0);
  g_assert_cmpstr (some.out, ==, "2\n4\n5\n6\n");
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_cmpstr (empty.out, ==, all.out);
  run_clear (&all);
  run_clear (&some);
  run_clear (&none);
  run_clear (&empty);

  /* The summary and the tree print only what passes. */
  run (&some, "-r", sample, "-Y", "frame.number == 3", NULL);
  g_assert_cmpuint (count_lines (some.out), ==, 1);
  g_assert_true (g_str_has_prefix (g_strchug (some.out), "3 "));
  run_clear (&some);
  run (&some, "-r", sample, "-Y", "frame.number == 3", "-V", NULL);
  g_assert_true (g_str_has_prefix (some.out, "Frame 3:"));
  g_assert_null (strstr (some.out, "Frame 4:"));
  run_clear (&some);
}

static void
test_count_reads (void)
{
  g_autofree char *sample = sample_path ();
  Run r;

  /* -c counts the packets read, not the ones shown: tshark 4.0 stops after frame 3 here. */
  run (&r, "-r", sample, "-Y", "frame.number > 2", "-c", "3", "-T", "fields", "-e",
       "frame.number", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "3\n");
  run_clear (&r);
}

static void
test_time_delta_displayed (void)
{
  g_autofree char *sample = sample_path ();
  Run r;

  /* The time since the previous packet shown, as tshark computes it while filtering. */
  run (&r, "-r", sample, "-Y", "frame.number in {2, 4}", "-T", "fields", "-e",
       "frame.time_delta_displayed", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "0.000000000\n0.000018544\n");
  run_clear (&r);
  run (&r, "-r", sample, "-Y", "frame.time_delta_displayed > 0", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);
}

static void
test_write_honours_filter (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("ss-dfilter-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pcapng", NULL);
  g_auto(GStrv) lines = NULL;
  Run r;

  run (&r, "-r", sample, "-Y", "arp", "-w", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  run (&r, "-r", out, "-T", "fields", "-e", "arp.opcode", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out), >, 0);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0])
      g_assert_true (strcmp (lines[i], "1") == 0 || strcmp (lines[i], "2") == 0);
  run_clear (&r);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_two_pass (void)
{
  g_autofree char *sample = sample_path ();
  Run one, two;

  run (&one, "-r", sample, "-Y", "tcp.flags.syn == 1", "-T", "fields", "-e", "frame.number",
       NULL);
  run (&two, "-r", sample, "-2", "-Y", "tcp.flags.syn == 1", "-T", "fields", "-e",
       "frame.number", NULL);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_cmpstr (one.out, ==, two.out);
  run_clear (&one);
  run_clear (&two);

  /* -R keeps frames in the first pass; -Y picks among them in the second. */
  run (&two, "-r", sample, "-2", "-R", "frame.number <= 10", "-Y", "frame.number >= 9", "-T",
       "fields", "-e", "frame.number", NULL);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_cmpstr (two.out, ==, "9\n10\n");
  run_clear (&two);

  /* The frames -R keeps are numbered 1, 2, ... in both passes, and frame.time_delta follows
   * them (tshark 4.0.17's output on the sample). tshark finds the time of the frame numbered 1
   * as the file's first frame's (its time reference has that number from the first pass), so
   * frame 2's delta is from the start of the file. */
  run (&two, "-r", sample, "-2", "-R", "tcp", "-Y", "tcp.flags.syn == 1", "-T", "fields", "-e",
       "frame.number", "-e", "frame.time_delta", NULL);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_true (g_str_has_prefix (two.out, "1\t0.000000000\n2\t1.162365120\n"
                                            "11\t0.281716576\n12\t0.000027745\n"));
  run_clear (&two);
  /* In the first pass a frame has the number the next kept frame will have: with nothing kept
   * yet every frame is frame 1, so tshark keeps nothing here. */
  run (&two, "-r", sample, "-2", "-R", "frame.number > 5", "-T", "fields", "-e", "frame.number",
       NULL);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_cmpstr (two.out, ==, "");
  run_clear (&two);

  /* -R needs -2, as in tshark. */
  run (&one, "-r", sample, "-R", "tcp", NULL);
  g_assert_cmpint (one.status, ==, 1);
  g_assert_nonnull (strstr (one.err, "-R without -2"));
  run_clear (&one);

  run (&one, "-r", sample, "-2", "-R", "htp", NULL);
  g_assert_cmpint (one.status, ==, 2);
  g_assert_true (g_str_has_prefix (one.err, "stratoshark: htp is neither a field"));
  run_clear (&one);
}

static void
test_glossary (void)
{
  Run r;

  run (&r, "-G", "fields", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\nP\tTransmission Control Protocol\ttcp\n"));
  g_assert_nonnull (strstr (r.out, "\nF\tSource Port\ttcp.srcport\tFT_UINT16\ttcp\t"));
  run_clear (&r);
  run (&r, "-G", "nonsense", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dfilter/cli/filter-error", test_filter_error);
  g_test_add_func ("/dfilter/cli/display-filter", test_display_filter);
  g_test_add_func ("/dfilter/cli/count-reads", test_count_reads);
  g_test_add_func ("/dfilter/cli/time-delta-displayed", test_time_delta_displayed);
  g_test_add_func ("/dfilter/cli/write-honours-filter", test_write_honours_filter);
  g_test_add_func ("/dfilter/cli/two-pass", test_two_pass);
  g_test_add_func ("/dfilter/cli/glossary", test_glossary);
  return g_test_run ();
}
