/* Tests for src/capture/ss-capture-helper.c: status-channel framing and starting the helper */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "ss-capture-helper.h"

static GByteArray *
message (guint8      type,
         const char *text)
{
  GByteArray *b = g_byte_array_new ();
  gsize len = strlen (text);
  guint8 h[4] = { type, (guint8) (len >> 16), (guint8) (len >> 8), (guint8) len };

  g_byte_array_append (b, h, 4);
  g_byte_array_append (b, (const guint8 *) text, (guint) len);
  return b;
}

static void
test_reassemble (void)
{
  g_autoptr(SsCaptureStatusReader) r = ss_capture_status_reader_new ();
  g_autoptr(GByteArray) a = message ('R', "eth0");
  g_autoptr(GByteArray) b = message ('S', "packets=12 kernel_drops=3 ring_drops=1 new_key=9");
  g_autoptr(GError) error = NULL;
  SsHelperStatusType type;
  SsCaptureStats stats;
  char *text = NULL;

  /* One byte at a time: nothing until the message is whole. */
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_false (ss_capture_status_reader_steal_next (r, &type, &text));
      g_assert_true (ss_capture_status_reader_feed (r, a->data + i, 1, &error));
    }
  g_assert_true (ss_capture_status_reader_steal_next (r, &type, &text));
  g_assert_cmpint (type, ==, SS_HELPER_STATUS_READY);
  g_assert_cmpstr (text, ==, "eth0");
  g_free (text);

  /* Two messages in one read. */
  g_assert_true (ss_capture_status_reader_feed (r, b->data, b->len, &error));
  g_assert_true (ss_capture_status_reader_feed (r, a->data, a->len, &error));
  g_assert_true (ss_capture_status_reader_steal_next (r, &type, &text));
  g_assert_cmpint (type, ==, SS_HELPER_STATUS_STATS);
  g_assert_true (ss_capture_stats_parse (text, &stats));
  g_assert_cmpuint (stats.packets, ==, 12);
  g_assert_cmpuint (stats.kernel_drops, ==, 3);
  g_assert_cmpuint (stats.ring_drops, ==, 1);
  g_assert_cmpuint (stats.if_drops, ==, 0);
  g_free (text);
  g_assert_true (ss_capture_status_reader_steal_next (r, &type, &text));
  g_free (text);
  g_assert_false (ss_capture_status_reader_steal_next (r, &type, &text));
}

static void
test_refuses_long_and_unknown (void)
{
  const guint8 too_long[4] = { 'E', 0x00, 0x10, 0x01 };   /* 4097 bytes */
  const guint8 unknown[4] = { 'Z', 0, 0, 1 };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SsCaptureStatusReader) r = ss_capture_status_reader_new ();

    g_assert_false (ss_capture_status_reader_feed (r, too_long, 4, &error));
    g_assert_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_PROTOCOL);
    g_clear_error (&error);
    /* It stays failed: no resynchronising on garbage. */
    g_assert_false (ss_capture_status_reader_feed (r, unknown, 4, &error));
    g_clear_error (&error);
  }
  {
    g_autoptr(SsCaptureStatusReader) r = ss_capture_status_reader_new ();

    g_assert_false (ss_capture_status_reader_feed (r, unknown, 4, &error));
    g_assert_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_PROTOCOL);
  }
}

/* The real helper, asked for an interface that does not exist: it opens nothing, so this runs
 * without privileges, and reports the error and its exit code on the status channel. */
static void
test_spawn_reports_error (void)
{
  const char *helper = g_getenv ("SS_CAPTURE_HELPER");
  const char *args[] = { "--interface", "ss-none0", NULL };
  g_autoptr(SsCaptureStatusReader) r = ss_capture_status_reader_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;
  g_autofree char *done = NULL;
  SsHelperStatusType type;
  char *text;
  guint8 buf[512];
  gssize n;
  int fd = -1;

  if (helper == NULL)
    {
      g_test_skip ("SS_CAPTURE_HELPER is not set");
      return;
    }
  proc = ss_capture_helper_spawn (helper, args, FALSE, &fd, &error);
  g_assert_no_error (error);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_assert_true (ss_capture_status_reader_feed (r, buf, (gsize) n, &error));
  close (fd);
  while (ss_capture_status_reader_steal_next (r, &type, &text))
    {
      if (type == SS_HELPER_STATUS_ERROR && err_text == NULL)
        err_text = g_steal_pointer (&text);
      else if (type == SS_HELPER_STATUS_DONE)
        done = g_steal_pointer (&text);
      g_free (text);
    }
  g_assert_true (g_subprocess_wait (proc, NULL, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, SS_HELPER_EXIT_SOURCE);
  g_assert_nonnull (err_text);
  g_assert_nonnull (strstr (err_text, "ss-none0"));
  g_assert_cmpstr (done, ==, "exit=4");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/capture/status/reassemble", test_reassemble);
  g_test_add_func ("/capture/status/refuses-long-and-unknown", test_refuses_long_and_unknown);
  g_test_add_func ("/capture/helper/spawn-reports-error", test_spawn_reports_error);
  return g_test_run ();
}
