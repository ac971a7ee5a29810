/* test-capwrite.c: tests of src/core/ss-capwrite.c (writing pcap, pcapng and gzip)
 *
 * Files are written to a temporary directory, read back with ss-capfile and, when tshark is
 * installed, with tshark and capinfos as an independent reference.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "ss-capwrite.h"

#define PEN_STRATOSHARK 32473   /* RFC 5612 documentation PEN, used for test data */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ss-capwrite-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* A recognisable packet: an Ethernet/IPv4/UDP frame whose payload depends on @seed. */
static void
fill_packet (guint8 *data,
             guint   len,
             guint   seed)
{
  static const guint8 header[] = {
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00,
    0x45, 0x00, 0x00, 0x2e, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
    192, 0, 2, 1, 192, 0, 2, 2,
    0x30, 0x39, 0x00, 0x35, 0x00, 0x1a, 0x00, 0x00,
  };

  for (guint i = 0; i < len; i++)
    data[i] = i < sizeof header ? header[i] : (guint8) (seed * 13 + i);
}

static SsCapfile *
read_back (const char *path,
           guint       n_frames)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cap);
  g_assert_true (ss_capfile_index (cap, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, n_frames);
  return g_steal_pointer (&cap);
}

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
}

/* Round trips --------------------------------------------------------------------------------- */

static void
test_pcap_roundtrip (Fixture       *f,
                     gconstpointer  data)
{
  SsCapfileFormat format = GPOINTER_TO_INT (data);
  g_autofree char *path = fixture_path (f, "out.pcap");
  SsCapWriterOptions options = { format, SS_COMPRESSION_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  SsCapWriter *writer;
  guint8 packet[100];
  const gint64 t0 = G_GINT64_CONSTANT (1700000000123456789);

  writer = ss_cap_writer_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 113, 96, "any", &error), ==, 0);
  for (guint i = 0; i < 5; i++)
    {
      fill_packet (packet, sizeof packet, i);
      g_assert_true (ss_cap_writer_write_packet (writer, 0, t0 + i * 1001, packet, 60 + i,
                                                 90 + i, 0, "ignored in pcap", NULL, 0,
                                                 &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ss_cap_writer_get_packets_written (writer), ==, 5);
  g_assert_cmpuint (ss_cap_writer_get_bytes_written (writer), ==, 24 + 5 * 16 + 5 * 60 + 10);
  g_assert_true (ss_cap_writer_close (writer, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);

  cap = read_back (path, 5);
  g_assert_cmpint (ss_capfile_get_format (cap), ==, format);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->link_type, ==, 113);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->snaplen, ==, 96);
  for (guint i = 0; i < 5; i++)
    {
      const SsFrameRecord *rec = ss_capfile_get_frame (cap, i);
      gint64 expected = t0 + i * 1001;

      if (format == SS_CAPFILE_FORMAT_PCAP)
        expected -= expected % 1000;
      g_assert_cmpint (rec->ts_ns, ==, expected);
      g_assert_cmpuint (rec->caplen, ==, 60 + i);
      g_assert_cmpuint (rec->len, ==, 90 + i);
      fill_packet (packet, sizeof packet, i);
      g_assert_cmpmem (ss_capfile_get_frame_data (cap, i), rec->caplen, packet, 60 + i);
      g_assert_null (ss_capfile_dup_frame_comments (cap, i));
    }
}

static void
test_pcapng_roundtrip (Fixture       *f,
                       gconstpointer  data)
{
  gboolean gzip = GPOINTER_TO_INT (data);
  g_autofree char *path = fixture_path (f, gzip ? "out.pcapng.gz" : "out.pcapng");
  SsCapWriterOptions options = {
    SS_CAPFILE_FORMAT_PCAPNG, gzip ? SS_COMPRESSION_GZIP : SS_COMPRESSION_NONE, FALSE,
    "capture of the checkout namespace", "x86_64", "Linux 6.1", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(SsCapWriter) writer = NULL;
  g_auto(GStrv) section = NULL;
  guint8 packet[1500];
  guint8 custom[4 + 12];
  guint32 pen = PEN_STRATOSHARK;
  SsCapWriterOption extra[2];

  memcpy (custom, &pen, 4);
  memcpy (custom + 4, "pod=web-7f9c", 12);
  extra[0] = (SsCapWriterOption) { 2988, sizeof custom, custom };
  extra[1] = (SsCapWriterOption) { 2989, 4, custom };

  writer = ss_cap_writer_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, "eth0", &error), ==, 0);
  fill_packet (packet, sizeof packet, 0);
  g_assert_true (ss_cap_writer_write_packet (writer, 0, 1000, packet, 1500, 1500, 0, NULL, NULL,
                                             0, &error));
  /* An interface declared after the first packet gets its IDB before the next one. */
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 113, 262144, NULL, &error), ==, 1);
  fill_packet (packet, sizeof packet, 1);
  g_assert_true (ss_cap_writer_write_packet (writer, 1, 2000, packet, 61, 61, 0x2,
                                             "pod checkout-7f9c, ✓", extra, 2, &error));
  fill_packet (packet, sizeof packet, 2);
  g_assert_true (ss_cap_writer_write_packet (writer, 0, G_GINT64_CONSTANT (1700000000999999999),
                                             packet, 3, 1400, 0, "", NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (ss_cap_writer_close (g_steal_pointer (&writer), &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);

  cap = read_back (path, 3);
  g_assert_cmpint (ss_capfile_get_format (cap), ==, SS_CAPFILE_FORMAT_PCAPNG);
  g_assert_cmpint (ss_capfile_get_compression (cap), ==,
                   gzip ? SS_COMPRESSION_GZIP : SS_COMPRESSION_NONE);
  section = ss_capfile_dup_section_comments (cap);
  g_assert_nonnull (section);
  g_assert_cmpstr (section[0], ==, "capture of the checkout namespace");
  g_assert_null (section[1]);
  g_assert_cmpstr (ss_capfile_get_shb_hardware (cap), ==, "x86_64");
  g_assert_cmpstr (ss_capfile_get_shb_os (cap), ==, "Linux 6.1");
  g_assert_true (g_str_has_prefix (ss_capfile_get_shb_application (cap), "StratoShark "));

  g_assert_cmpuint (ss_capfile_get_n_interfaces (cap), ==, 2);
  g_assert_cmpstr (ss_capfile_get_interface (cap, 0)->name, ==, "eth0");
  g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->ts_resolution, ==, 1000000000);
  g_assert_null (ss_capfile_get_interface (cap, 1)->name);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 1)->link_type, ==, 113);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 1)->snaplen, ==, 262144);

  {
    const SsFrameRecord *rec = ss_capfile_get_frame (cap, 0);

    g_assert_cmpint (rec->ts_ns, ==, 1000);
    g_assert_cmpuint (rec->caplen, ==, 1500);
    g_assert_cmpuint (rec->has_options, ==, 0);
    fill_packet (packet, sizeof packet, 0);
    g_assert_cmpmem (ss_capfile_get_frame_data (cap, 0), 1500, packet, 1500);
  }
  {
    const SsFrameRecord *rec = ss_capfile_get_frame (cap, 1);
    g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, 1);
    g_autoptr(GArray) opts = ss_capfile_list_frame_options (cap, 1);
    const SsCapfileOption *o;

    g_assert_cmpint (rec->ts_ns, ==, 2000);
    g_assert_cmpuint (rec->interface_id, ==, 1);
    g_assert_cmpuint (ss_capfile_get_frame_link_type (cap, 1), ==, 113);
    g_assert_cmpuint (rec->has_options, ==, 1);
    g_assert_cmpuint (rec->epb_flags, ==, 0x2);
    g_assert_nonnull (comments);
    g_assert_cmpstr (comments[0], ==, "pod checkout-7f9c, ✓");
    g_assert_null (comments[1]);
    /* comment, flags, then the extra options as given */
    g_assert_cmpuint (opts->len, ==, 4);
    o = &g_array_index (opts, SsCapfileOption, 2);
    g_assert_cmpuint (o->code, ==, 2988);
    g_assert_cmpmem (o->value, o->length, custom, sizeof custom);
    o = &g_array_index (opts, SsCapfileOption, 3);
    g_assert_cmpuint (o->code, ==, 2989);
    g_assert_cmpmem (o->value, o->length, custom, 4);
    fill_packet (packet, sizeof packet, 1);
    g_assert_cmpmem (ss_capfile_get_frame_data (cap, 1), rec->caplen, packet, 61);
  }
  {
    const SsFrameRecord *rec = ss_capfile_get_frame (cap, 2);
    g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, 2);

    g_assert_cmpint (rec->ts_ns, ==, G_GINT64_CONSTANT (1700000000999999999));
    g_assert_cmpuint (rec->caplen, ==, 3);
    g_assert_cmpuint (rec->len, ==, 1400);
    g_assert_cmpstr (comments[0], ==, "");
  }
}

static void
test_gzip_pcap_roundtrip (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "out.pcap.gz");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAP_NSEC, SS_COMPRESSION_GZIP };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  SsCapWriter *writer;
  guint8 packet[200];
  guint n = 3000;

  writer = ss_cap_writer_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 65535, NULL, &error), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      fill_packet (packet, sizeof packet, i);
      g_assert_true (ss_cap_writer_write_packet (writer, 0, (gint64) i * 1000000007, packet,
                                                 sizeof packet, sizeof packet, 0, NULL, NULL, 0,
                                                 &error));
    }
  g_assert_true (ss_cap_writer_close (writer, &error));
  g_assert_no_error (error);

  cap = read_back (path, n);
  g_assert_cmpint (ss_capfile_get_compression (cap), ==, SS_COMPRESSION_GZIP);
  g_assert_cmpint (ss_capfile_get_format (cap), ==, SS_CAPFILE_FORMAT_PCAP_NSEC);
  g_assert_cmpuint (ss_capfile_get_file_size (cap), <, n * sizeof packet / 2);
  for (guint i = 0; i < n; i += 97)
    {
      g_assert_cmpint (ss_capfile_get_frame (cap, i)->ts_ns, ==, (gint64) i * 1000000007);
      fill_packet (packet, sizeof packet, i);
      g_assert_cmpmem (ss_capfile_get_frame_data (cap, i), sizeof packet, packet, sizeof packet);
    }
}

/* With flush_each, what is on disk after each packet decodes up to that packet, even though
 * the gzip stream is not finished (a live pipe's reader sees every packet at once). */
static void
test_gzip_flush_each (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "live.pcapng.gz");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_GZIP, TRUE };
  g_autoptr(GError) error = NULL;
  SsCapWriter *writer;
  guint8 packet[80];

  writer = ss_cap_writer_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, "veth0", &error), ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SsCapfile) cap = NULL;
      guint64 bytes_before = ss_cap_writer_get_bytes_written (writer);

      fill_packet (packet, sizeof packet, i);
      g_assert_true (ss_cap_writer_write_packet (writer, 0, i, packet, sizeof packet,
                                                 sizeof packet, 0, NULL, NULL, 0, &error));
      g_assert_cmpuint (ss_cap_writer_get_bytes_written (writer), >, bytes_before);

      cap = ss_capfile_open (path, &error);
      g_assert_no_error (error);
      /* The stream has no end yet: reported as cut short, with every packet so far. */
      g_assert_false (ss_capfile_index (cap, 0, &error));
      g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
      g_clear_error (&error);
      g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, i + 1);
    }
  g_assert_true (ss_cap_writer_close (writer, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SsCapfile) cap = read_back (path, 4);
  }
}

/* Files --------------------------------------------------------------------------------------- */

/* An existing file is truncated and its mode narrowed to 0600. */
static void
test_mode_existing_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "existing.pcapng");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autofree char *junk = g_strnfill (100000, 'x');
  SsCapWriter *writer;
  guint8 packet[60];

  g_assert_true (g_file_set_contents (path, junk, -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  writer = ss_cap_writer_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  assert_mode_0600 (path);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  fill_packet (packet, sizeof packet, 0);
  g_assert_true (ss_cap_writer_write_packet (writer, 0, 1, packet, 60, 60, 0, NULL, NULL, 0,
                                             &error));
  g_assert_true (ss_cap_writer_close (writer, &error));
  cap = read_back (path, 1);
  assert_mode_0600 (path);
}

/* A capture with no packet is still a valid file. */
static void
test_empty_capture (Fixture       *f,
                    gconstpointer  data)
{
  static const SsCapfileFormat formats[] = {
    SS_CAPFILE_FORMAT_PCAP, SS_CAPFILE_FORMAT_PCAP_NSEC, SS_CAPFILE_FORMAT_PCAPNG,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint gz = 0; gz < 2; gz++)
      for (guint with_if = 0; with_if < 2; with_if++)
        {
          g_autofree char *name = g_strdup_printf ("empty-%u-%u-%u", i, gz, with_if);
          g_autofree char *path = fixture_path (f, name);
          SsCapWriterOptions options = { formats[i],
                                         gz ? SS_COMPRESSION_GZIP : SS_COMPRESSION_NONE };
          g_autoptr(GError) error = NULL;
          g_autoptr(SsCapfile) cap = NULL;
          SsCapWriter *writer = ss_cap_writer_new_for_path (path, &options, &error);

          g_assert_no_error (error);
          if (with_if)
            g_assert_cmpint (ss_cap_writer_add_interface (writer, 105, 0, "wlan0", &error), ==,
                             0);
          g_assert_true (ss_cap_writer_close (writer, &error));
          g_assert_no_error (error);
          cap = read_back (path, 0);
          g_assert_cmpint (ss_capfile_get_format (cap), ==, formats[i]);
          g_assert_cmpuint (ss_capfile_get_n_interfaces (cap), ==,
                            with_if || formats[i] != SS_CAPFILE_FORMAT_PCAPNG ? 1 : 0);
          if (with_if)
            g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->link_type, ==, 105);
        }
}

/* "-" is standard output. */
static void
test_stdout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "stdout.pcapng");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  SsCapWriter *writer;
  guint8 packet[60];
  int saved_stdout;
  int fd;
  gboolean ok;

  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  fd = open (path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDOUT_FILENO), ==, STDOUT_FILENO);
  close (fd);

  fill_packet (packet, sizeof packet, 0);
  writer = ss_cap_writer_new_for_path ("-", &options, &error);
  ok = writer != NULL
       && ss_cap_writer_add_interface (writer, 1, 0, NULL, &error) == 0
       && ss_cap_writer_write_packet (writer, 0, 5, packet, 60, 60, 0, "to stdout", NULL, 0,
                                      &error)
       && ss_cap_writer_close (g_steal_pointer (&writer), &error);

  g_assert_cmpint (dup2 (saved_stdout, STDOUT_FILENO), ==, STDOUT_FILENO);
  close (saved_stdout);
  g_assert_no_error (error);
  g_assert_true (ok);
  /* Standard output stays open after close. */
  g_assert_cmpint (fcntl (STDOUT_FILENO, F_GETFD), !=, -1);

  cap = read_back (path, 1);
}

/* A pipe given as a file descriptor, not closed by the writer unless asked. */
static void
test_fd (Fixture       *f,
         gconstpointer  data)
{
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAP };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  SsCapWriter *writer;
  guint8 packet[60];
  guint8 buf[4096];
  int fds[2];
  gssize n;

  g_assert_cmpint (pipe (fds), ==, 0);
  writer = ss_cap_writer_new_for_fd (fds[1], FALSE, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  fill_packet (packet, 60, 3);
  g_assert_true (ss_cap_writer_write_packet (writer, 0, 5, packet, 60, 60, 0, NULL, NULL, 0,
                                             &error));
  g_assert_true (ss_cap_writer_close (writer, &error));
  g_assert_cmpint (fcntl (fds[1], F_GETFD), !=, -1);
  close (fds[1]);
  n = read (fds[0], buf, sizeof buf);
  close (fds[0]);
  g_assert_cmpint (n, ==, 24 + 16 + 60);
  bytes = g_bytes_new (buf, (gsize) n);
  cap = ss_capfile_open_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (cap, 0, &error));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 1);
}

/* Refusals and failures ----------------------------------------------------------------------- */

static void
test_pcap_single_interface (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "one.pcap");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAP };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapWriter) writer = ss_cap_writer_new_for_path (path, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, -1);
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
}

static void
test_unsupported_options (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "never.pcap");
  SsCapWriterOptions zstd = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_ZSTD };
  SsCapWriterOptions lz4 = { SS_CAPFILE_FORMAT_PCAP, SS_COMPRESSION_LZ4 };
  g_autofree char *long_comment = g_strnfill (70000, 'c');
  SsCapWriterOptions long_shb = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_NONE, FALSE,
                                  long_comment };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapWriter) w1 = ss_cap_writer_new_for_path (path, &zstd, &error);

  g_assert_null (w1);
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_null (ss_cap_writer_new_for_path (path, &lz4, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_null (ss_cap_writer_new_for_path (path, &long_shb, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  /* Refused before anything is created. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refused_packets (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "refused.pcapng");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG };
  SsCapWriterOptions pcap_options = { SS_CAPFILE_FORMAT_PCAP };
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = g_malloc0 (SS_CAPFILE_MAX_CAPLEN + 1);
  g_autofree char *long_comment = g_strnfill (70000, 'c');
  SsCapWriter *writer = ss_cap_writer_new_for_path (path, &options, &error);

  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  g_assert_false (ss_cap_writer_write_packet (writer, 0, 0, big, SS_CAPFILE_MAX_CAPLEN + 1,
                                              SS_CAPFILE_MAX_CAPLEN + 1, 0, NULL, NULL, 0,
                                              &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (ss_cap_writer_write_packet (writer, 0, -1, big, 10, 10, 0, NULL, NULL, 0,
                                              &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (ss_cap_writer_write_packet (writer, 0, 1, big, 10, 10, 0, long_comment, NULL,
                                              0, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  /* The largest allowed packet goes through, and a refusal does not spoil the file. */
  g_assert_true (ss_cap_writer_write_packet (writer, 0, 1, big, SS_CAPFILE_MAX_CAPLEN,
                                             SS_CAPFILE_MAX_CAPLEN, 0, NULL, NULL, 0, &error));
  g_assert_true (ss_cap_writer_close (writer, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SsCapfile) cap = read_back (path, 1);
  }

  /* pcap seconds are 32 bits, unsigned. */
  writer = ss_cap_writer_new_for_path (path, &pcap_options, &error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  g_assert_false (ss_cap_writer_write_packet (writer, 0, G_GINT64_CONSTANT (4294967296000000000),
                                              big, 10, 10, 0, NULL, NULL, 0, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_true (ss_cap_writer_write_packet (writer, 0, G_GINT64_CONSTANT (4294967295999999999),
                                             big, 10, 10, 0, NULL, NULL, 0, &error));
  g_assert_true (ss_cap_writer_close (writer, &error));
  {
    g_autoptr(SsCapfile) cap = read_back (path, 1);

    g_assert_cmpint (ss_capfile_get_frame (cap, 0)->ts_ns, ==,
                     G_GINT64_CONSTANT (4294967295999999000));
  }
}

/* /dev/full fails every write with ENOSPC. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  gboolean flush_each = GPOINTER_TO_INT (data);
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_NONE, flush_each };
  g_autoptr(GError) error = NULL;
  SsCapWriter *writer;
  guint8 packet[1000];
  gboolean ok = TRUE;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  writer = ss_cap_writer_new_for_path ("/dev/full", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  fill_packet (packet, sizeof packet, 0);
  for (guint i = 0; i < 1000 && ok; i++)
    ok = ss_cap_writer_write_packet (writer, 0, i, packet, sizeof packet, sizeof packet, 0,
                                     NULL, NULL, 0, &error);
  if (flush_each)
    {
      g_assert_false (ok);
      g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_clear_error (&error);
      /* The failure sticks. */
      g_assert_false (ss_cap_writer_flush (writer, &error));
      g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE);
      g_clear_error (&error);
    }
  else
    g_clear_error (&error);

  g_assert_false (ss_cap_writer_close (writer, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
}

/* The failure shows at close when everything fits in the buffer. */
static void
test_disk_full_at_close (Fixture       *f,
                         gconstpointer  data)
{
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAP, SS_COMPRESSION_GZIP };
  g_autoptr(GError) error = NULL;
  SsCapWriter *writer;
  guint8 packet[60];

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  writer = ss_cap_writer_new_for_path ("/dev/full", &options, &error);
  g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
  fill_packet (packet, sizeof packet, 0);
  g_assert_true (ss_cap_writer_write_packet (writer, 0, 1, packet, 60, 60, 0, NULL, NULL, 0,
                                             &error));
  g_assert_false (ss_cap_writer_close (writer, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
}

static void
test_unwritable_path (Fixture       *f,
                      gconstpointer  data)
{
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no", "such", "dir.pcapng", NULL);
  g_autoptr(SsCapWriter) writer = ss_cap_writer_new_for_path (path, &options, &error);

  g_assert_null (writer);
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "dir.pcapng"));
}

/* The free function used on cleanup paths still finishes the file. */
static void
test_free_finishes (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "autoptr.pcapng.gz");
  SsCapWriterOptions options = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_GZIP };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  guint8 packet[60];

  {
    g_autoptr(SsCapWriter) writer = ss_cap_writer_new_for_path (path, &options, &error);

    g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, NULL, &error), ==, 0);
    fill_packet (packet, sizeof packet, 0);
    g_assert_true (ss_cap_writer_write_packet (writer, 0, 1, packet, 60, 60, 0, NULL, NULL, 0,
                                               &error));
  }
  cap = read_back (path, 1);
}

/* Against tshark ------------------------------------------------------------------------------ */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  gint status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return out;
}

static void
test_tshark_reads_output (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    const char      *name;
    SsCapfileFormat  format;
    SsCompression    compression;
  } cases[] = {
    { "ref.pcapng", SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_NONE },
    { "ref.pcapng.gz", SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_GZIP },
    { "ref.pcap", SS_CAPFILE_FORMAT_PCAP_NSEC, SS_COMPRESSION_NONE },
  };
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_autofree char *capinfos = g_find_program_in_path ("capinfos");
  guint8 packet[100];
  guint8 custom[4 + 5];
  guint32 pen = PEN_STRATOSHARK;
  SsCapWriterOption extra = { 2988, sizeof custom, custom };

  if (tshark == NULL || capinfos == NULL)
    {
      g_test_skip ("tshark and capinfos are not installed");
      return;
    }
  memcpy (custom, &pen, 4);
  memcpy (custom + 4, "hello", 5);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = fixture_path (f, cases[c].name);
      SsCapWriterOptions options = { cases[c].format, cases[c].compression, FALSE,
                                     "SHB comment: tshark reads this", NULL, "Linux" };
      gboolean pcapng = cases[c].format == SS_CAPFILE_FORMAT_PCAPNG;
      g_autoptr(GError) error = NULL;
      g_autofree char *fields = NULL;
      g_autofree char *info = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);
      SsCapWriter *writer = ss_cap_writer_new_for_path (path, &options, &error);

      g_assert_no_error (error);
      g_assert_cmpint (ss_cap_writer_add_interface (writer, 1, 0, "eth0", &error), ==, 0);
      for (guint i = 0; i < 7; i++)
        {
          g_autofree char *comment = i % 2 ? g_strdup_printf ("comment %u: ✓", i) : NULL;
          gint64 ts = G_GINT64_CONSTANT (1700000000000000000) + i * G_GINT64_CONSTANT (1234567);

          fill_packet (packet, sizeof packet, i);
          g_assert_true (ss_cap_writer_write_packet (writer, 0, ts, packet, 60 + i, 80 + i,
                                                     i == 3 ? 0x1 : 0, comment, &extra,
                                                     i == 5 ? 1 : 0, &error));
          g_string_append_printf (expected, "%u\t%d.%09d\t%u\t%u\t%s\n", i + 1, 1700000000,
                                  (int) (i * 1234567), 60 + i, 80 + i,
                                  pcapng && comment != NULL ? comment : "");
        }
      g_assert_true (ss_cap_writer_close (writer, &error));
      g_assert_no_error (error);

      {
        const char *argv[] = { tshark, "-n", "-r", path, "-T", "fields", "-e", "frame.number",
                               "-e", "frame.time_epoch", "-e", "frame.cap_len",
                               "-e", "frame.len", "-e", "frame.comment", NULL };

        fields = run_tool (argv);
      }
      g_assert_cmpstr (fields, ==, expected->str);

      {
        const char *argv[] = { capinfos, "-M", "-c", "-k", "-t", path, NULL };

        info = run_tool (argv);
      }
      g_assert_nonnull (strstr (info, "Number of packets:   7"));
      if (pcapng)
        {
          g_assert_nonnull (strstr (info, "File type:           pcapng"));
          g_assert_nonnull (strstr (info, "Capture comment:     SHB comment: tshark reads this"));
        }
      else
        g_assert_nonnull (strstr (info, "File type:           nsecpcap"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/core/capwrite/" path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("pcap-usec-roundtrip", test_pcap_roundtrip, GINT_TO_POINTER (SS_CAPFILE_FORMAT_PCAP));
  ADD ("pcap-nsec-roundtrip", test_pcap_roundtrip, GINT_TO_POINTER (SS_CAPFILE_FORMAT_PCAP_NSEC));
  ADD ("pcapng-roundtrip", test_pcapng_roundtrip, GINT_TO_POINTER (FALSE));
  ADD ("pcapng-gzip-roundtrip", test_pcapng_roundtrip, GINT_TO_POINTER (TRUE));
  ADD ("pcap-gzip-roundtrip", test_gzip_pcap_roundtrip, NULL);
  ADD ("gzip-flush-each", test_gzip_flush_each, NULL);
  ADD ("mode-existing-file", test_mode_existing_file, NULL);
  ADD ("empty-capture", test_empty_capture, NULL);
  ADD ("stdout", test_stdout, NULL);
  ADD ("fd", test_fd, NULL);
  ADD ("pcap-single-interface", test_pcap_single_interface, NULL);
  ADD ("unsupported-options", test_unsupported_options, NULL);
  ADD ("refused-packets", test_refused_packets, NULL);
  ADD ("disk-full", test_disk_full, GINT_TO_POINTER (FALSE));
  ADD ("disk-full-flush-each", test_disk_full, GINT_TO_POINTER (TRUE));
  ADD ("disk-full-at-close", test_disk_full_at_close, NULL);
  ADD ("unwritable-path", test_unwritable_path, NULL);
  ADD ("free-finishes", test_free_finishes, NULL);
  ADD ("tshark-reads-output", test_tshark_reads_output, NULL);

#undef ADD

  return g_test_run ();
}
