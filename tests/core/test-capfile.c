/* test-capfile.c: tests of src/core/ss-capfile.c (reading pcap and pcapng, compressed or not)
 *
 * Test files are assembled byte by byte here, in either byte order, and compressed with the
 * zlib, zstd and lz4 libraries, so every variant is covered without committed fixtures. The
 * corpus in ../shared/captures/derived is compared with tshark when both are present.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <lz4frame.h>
#include <zlib.h>
#include <zstd.h>

#include "ss-capfile.h"

/* Building files ------------------------------------------------------------------------------ */

typedef struct
{
  GByteArray *b;
  gboolean    be;   /* write big-endian */
} Buf;

static Buf
buf_new (gboolean be)
{
  Buf buf = { g_byte_array_new (), be };

  return buf;
}

static void
put8 (Buf    *buf,
      guint8  v)
{
  g_byte_array_append (buf->b, &v, 1);
}

static void
put16 (Buf     *buf,
       guint16  v)
{
  v = buf->be ? GUINT16_TO_BE (v) : GUINT16_TO_LE (v);
  g_byte_array_append (buf->b, (const guint8 *) &v, 2);
}

static void
put32 (Buf     *buf,
       guint32  v)
{
  v = buf->be ? GUINT32_TO_BE (v) : GUINT32_TO_LE (v);
  g_byte_array_append (buf->b, (const guint8 *) &v, 4);
}

static void
put64 (Buf     *buf,
       guint64  v)
{
  v = buf->be ? GUINT64_TO_BE (v) : GUINT64_TO_LE (v);
  g_byte_array_append (buf->b, (const guint8 *) &v, 8);
}

static void
put_bytes (Buf          *buf,
           const void   *data,
           gsize         len)
{
  g_byte_array_append (buf->b, data, (guint) len);
}

static void
put_pad4 (Buf *buf)
{
  while (buf->b->len % 4 != 0)
    put8 (buf, 0);
}

static void
set32 (Buf     *buf,
       gsize    at,
       guint32  v)
{
  v = buf->be ? GUINT32_TO_BE (v) : GUINT32_TO_LE (v);
  memcpy (buf->b->data + at, &v, 4);
}

/* Fills @len bytes with a pattern that depends on @seed, so each packet is recognisable. */
static void
put_payload (Buf   *buf,
             guint  seed,
             guint  len)
{
  for (guint i = 0; i < len; i++)
    put8 (buf, (guint8) (seed * 31 + i * 7));
}

static gboolean
payload_matches (const guint8 *data,
                 guint         seed,
                 guint         len)
{
  for (guint i = 0; i < len; i++)
    if (data[i] != (guint8) (seed * 31 + i * 7))
      return FALSE;
  return TRUE;
}

static GBytes *
buf_free_to_bytes (Buf *buf)
{
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf->b));
}

/* pcap */

static void
pcap_header (Buf     *buf,
             guint32  magic,
             guint32  snaplen,
             guint32  link_type)
{
  put32 (buf, magic);
  put16 (buf, 2);
  put16 (buf, 4);
  put32 (buf, 0);
  put32 (buf, 0);
  put32 (buf, snaplen);
  put32 (buf, link_type);
}

static void
pcap_record (Buf     *buf,
             guint32  sec,
             guint32  frac,
             guint32  caplen,
             guint32  len,
             guint    seed)
{
  put32 (buf, sec);
  put32 (buf, frac);
  put32 (buf, caplen);
  put32 (buf, len);
  put_payload (buf, seed, caplen);
}

/* pcapng */

static gsize
block_begin (Buf     *buf,
             guint32  type)
{
  gsize start = buf->b->len;

  put32 (buf, type);
  put32 (buf, 0);
  return start;
}

static void
block_end (Buf   *buf,
           gsize  start)
{
  guint32 len;

  put_pad4 (buf);
  len = buf->b->len - start + 4;
  set32 (buf, start + 4, len);
  put32 (buf, len);
}

static void
opt (Buf         *buf,
     guint16      code,
     const void  *value,
     guint16      len)
{
  put16 (buf, code);
  put16 (buf, len);
  put_bytes (buf, value, len);
  put_pad4 (buf);
}

static void
opt_str (Buf        *buf,
         guint16     code,
         const char *s)
{
  opt (buf, code, s, (guint16) strlen (s));
}

static void
opt_end (Buf *buf)
{
  put32 (buf, 0);
}

static void
shb (Buf *buf)
{
  gsize start = block_begin (buf, 0x0A0D0D0A);

  put32 (buf, 0x1A2B3C4D);
  put16 (buf, 1);
  put16 (buf, 0);
  put64 (buf, G_MAXUINT64);
  block_end (buf, start);
}

static void
idb (Buf        *buf,
     guint16     link_type,
     guint32     snaplen,
     const char *name,
     gint        tsresol,   /* -1: absent */
     gboolean    with_offset,
     gint64      tsoffset)
{
  gsize start = block_begin (buf, 1);

  put16 (buf, link_type);
  put16 (buf, 0);
  put32 (buf, snaplen);
  if (name != NULL)
    opt_str (buf, 2, name);
  if (tsresol >= 0)
    {
      guint8 r = (guint8) tsresol;

      opt (buf, 9, &r, 1);
    }
  if (with_offset)
    {
      guint64 v = (guint64) tsoffset;

      v = buf->be ? GUINT64_TO_BE (v) : GUINT64_TO_LE (v);
      opt (buf, 14, &v, 8);
    }
  if (name != NULL || tsresol >= 0 || with_offset)
    opt_end (buf);
  block_end (buf, start);
}

/* An EPB with no options; returns its start so a test can add options before block_end. */
static gsize
epb_begin (Buf     *buf,
           guint32  if_id,
           guint64  ts,
           guint32  caplen,
           guint32  len,
           guint    seed)
{
  gsize start = block_begin (buf, 6);

  put32 (buf, if_id);
  put32 (buf, (guint32) (ts >> 32));
  put32 (buf, (guint32) ts);
  put32 (buf, caplen);
  put32 (buf, len);
  put_payload (buf, seed, caplen);
  put_pad4 (buf);
  return start;
}

static void
epb (Buf     *buf,
     guint32  if_id,
     guint64  ts,
     guint32  caplen,
     guint    seed)
{
  block_end (buf, epb_begin (buf, if_id, ts, caplen, caplen, seed));
}

/* Opening helpers ----------------------------------------------------------------------------- */

static SsCapfile *
open_bytes_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  SsCapfile *cap = ss_capfile_open_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cap);
  return cap;
}

static SsCapfile *
open_and_index_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  SsCapfile *cap = open_bytes_ok (bytes);

  g_assert_true (ss_capfile_index (cap, 0, &error));
  g_assert_no_error (error);
  g_assert_true (ss_capfile_is_complete (cap));
  g_assert_null (ss_capfile_get_error (cap));
  return cap;
}

/* Opens @bytes, indexes everything and expects @code; returns the capfile for more checks. */
static SsCapfile *
open_and_index_fails (GBytes *bytes,
                      gint    code,
                      guint   n_frames)
{
  g_autoptr(GError) error = NULL;
  SsCapfile *cap = open_bytes_ok (bytes);

  g_assert_false (ss_capfile_index (cap, 0, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, code);
  g_assert_true (ss_capfile_is_complete (cap));
  g_assert_nonnull (ss_capfile_get_error (cap));
  g_assert_error ((GError *) ss_capfile_get_error (cap), SS_CAPFILE_ERROR, code);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, n_frames);
  return cap;
}

static void
assert_open_fails (GBytes     *bytes,
                   gint        code,
                   const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open_bytes (bytes, &error);

  g_assert_null (cap);
  g_assert_error (error, SS_CAPFILE_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, error->message);
}

static void
assert_message_has (const GError *error,
                    const char   *needle)
{
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, error->message);
}

/* classic pcap -------------------------------------------------------------------------------- */

static GBytes *
make_pcap (gboolean be,
           guint32  magic,
           guint    n)
{
  Buf buf = buf_new (be);

  pcap_header (&buf, magic, 65535, 1);
  for (guint i = 0; i < n; i++)
    pcap_record (&buf, 1000000000 + i, 123456 + i, 60 + i, 60 + i + (i % 2) * 100, i);
  return buf_free_to_bytes (&buf);
}

static void
check_pcap_frames (SsCapfile *cap,
                   guint      n,
                   gint64     frac_to_ns)
{
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const SsFrameRecord *rec = ss_capfile_get_frame (cap, i);

      g_assert_cmpint (rec->ts_ns, ==, (gint64) (1000000000 + i) * 1000000000
                                       + (gint64) (123456 + i) * frac_to_ns);
      g_assert_cmpuint (rec->caplen, ==, 60 + i);
      g_assert_cmpuint (rec->len, ==, 60 + i + (i % 2) * 100);
      g_assert_cmpuint (rec->interface_id, ==, 0);
      g_assert_cmpuint (rec->block_kind, ==, SS_BLOCK_PCAP_RECORD);
      g_assert_cmpuint (rec->has_options, ==, 0);
      g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, i), i, rec->caplen));
      g_assert_cmpuint (ss_capfile_get_frame_link_type (cap, i), ==, 1);
    }
}

static void
test_pcap_usec (gconstpointer data)
{
  gboolean be = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) bytes = make_pcap (be, 0xa1b2c3d4, 5);
  g_autoptr(SsCapfile) cap = open_and_index_ok (bytes);
  const SsInterface *iface;
  g_autoptr(GArray) options = NULL;

  g_assert_cmpint (ss_capfile_get_format (cap), ==, SS_CAPFILE_FORMAT_PCAP);
  g_assert_cmpint (ss_capfile_get_compression (cap), ==, SS_COMPRESSION_NONE);
  g_assert_cmpuint (ss_capfile_get_n_interfaces (cap), ==, 1);
  iface = ss_capfile_get_interface (cap, 0);
  g_assert_cmpuint (iface->link_type, ==, 1);
  g_assert_cmpuint (iface->snaplen, ==, 65535);
  g_assert_cmpuint (iface->ts_resolution, ==, 1000000);
  g_assert_cmpuint (iface->section, ==, 0);
  check_pcap_frames (cap, 5, 1000);

  options = ss_capfile_list_frame_options (cap, 0);
  g_assert_cmpuint (options->len, ==, 0);
  g_assert_null (ss_capfile_dup_frame_comments (cap, 0));
  g_assert_null (ss_capfile_dup_section_comments (cap));
  g_assert_null (ss_capfile_get_shb_os (cap));
}

static void
test_pcap_nsec (gconstpointer data)
{
  gboolean be = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) bytes = make_pcap (be, 0xa1b23c4d, 4);
  g_autoptr(SsCapfile) cap = open_and_index_ok (bytes);

  g_assert_cmpint (ss_capfile_get_format (cap), ==, SS_CAPFILE_FORMAT_PCAP_NSEC);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->ts_resolution, ==, 1000000000);
  check_pcap_frames (cap, 4, 1);
}

/* Kuznetzov's modified pcap: 8 more bytes per record header (ifindex, protocol, type, pad). */
static void
test_pcap_modified (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2cd34, 65535, 1);
  for (guint i = 0; i < 3; i++)
    {
      put32 (&buf, 10 + i);
      put32 (&buf, 5);
      put32 (&buf, 40);
      put32 (&buf, 40);
      put32 (&buf, 2);
      put16 (&buf, 0x0800);
      put8 (&buf, 0);
      put8 (&buf, 0);
      put_payload (&buf, i, 40);
    }
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (ss_capfile_get_frame (cap, i)->ts_ns, ==,
                       (10 + i) * G_GINT64_CONSTANT (1000000000) + 5000);
      g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, i), i, 40));
    }
}

/* libpcap keeps the FCS length in the upper bits of the link type field. */
static void
test_pcap_linktype_fcs_bits (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2c3d4, 262144, 105 | 0x04000000 | (4u << 28));
  pcap_record (&buf, 1, 2, 10, 10, 0);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->link_type, ==, 105);
  g_assert_cmpuint (ss_capfile_get_frame_link_type (cap, 0), ==, 105);
}

/* tshark 4.0 keeps such a record as it is (frame.len 40, frame.cap_len 60) and flags it in the
 * dissection as "Frame length is less than captured length"; so does the reader. */
static void
test_pcap_len_below_caplen (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2c3d4, 65535, 1);
  pcap_record (&buf, 1, 2, 60, 40, 0);
  pcap_record (&buf, 1, 3, 60, 0, 1);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_frame (cap, 0)->caplen, ==, 60);
  g_assert_cmpuint (ss_capfile_get_frame (cap, 0)->len, ==, 40);
  g_assert_cmpuint (ss_capfile_get_frame (cap, 1)->caplen, ==, 60);
  g_assert_cmpuint (ss_capfile_get_frame (cap, 1)->len, ==, 0);
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 1), 1, 60));
}

/* A record larger than the snaplen is accepted, as tshark does. */
static void
test_pcap_caplen_above_snaplen (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2c3d4, 64, 1);
  pcap_record (&buf, 1, 2, 100, 100, 0);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_frame (cap, 0)->caplen, ==, 100);
}

static void
test_pcap_truncated_data (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  guint break_at;

  pcap_header (&buf, 0xa1b2c3d4, 65535, 1);
  pcap_record (&buf, 1, 0, 50, 50, 0);
  pcap_record (&buf, 2, 0, 50, 50, 1);
  break_at = buf.b->len;
  pcap_record (&buf, 3, 0, 50, 50, 2);
  g_byte_array_set_size (buf.b, buf.b->len - 10);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_fails (bytes, SS_CAPFILE_ERROR_TRUNCATED, 2);
  assert_message_has (ss_capfile_get_error (cap), "cut short");
  assert_message_has (ss_capfile_get_error (cap), "packet 3");
  {
    g_autofree char *offset = g_strdup_printf ("offset %u", break_at);

    assert_message_has (ss_capfile_get_error (cap), offset);
  }
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 1), 1, 50));
}

static void
test_pcap_truncated_header (void)
{
  Buf buf = buf_new (TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2c3d4, 65535, 1);
  pcap_record (&buf, 1, 0, 50, 50, 0);
  put32 (&buf, 2);
  put32 (&buf, 0);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_fails (bytes, SS_CAPFILE_ERROR_TRUNCATED, 1);
  assert_message_has (ss_capfile_get_error (cap), "packet 2");
  assert_message_has (ss_capfile_get_error (cap), "offset 90");
}

/* A record claiming 4 GiB is refused without trusting (or allocating) that length. */
static void
test_pcap_caplen_4gib (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2c3d4, 65535, 1);
  pcap_record (&buf, 1, 0, 50, 50, 0);
  put32 (&buf, 2);
  put32 (&buf, 0);
  put32 (&buf, 0xffffffff);
  put32 (&buf, 0xffffffff);
  put_payload (&buf, 0, 100);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_fails (bytes, SS_CAPFILE_ERROR_CORRUPT, 1);
  assert_message_has (ss_capfile_get_error (cap), "packet 2");
  assert_message_has (ss_capfile_get_error (cap), "4294967295");
  assert_message_has (ss_capfile_get_error (cap), "262144");
}

static void
test_pcap_caplen_limit (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  pcap_header (&buf, 0xa1b2c3d4, 262144, 1);
  pcap_record (&buf, 1, 0, SS_CAPFILE_MAX_CAPLEN, SS_CAPFILE_MAX_CAPLEN, 0);
  pcap_record (&buf, 1, 0, SS_CAPFILE_MAX_CAPLEN + 1, SS_CAPFILE_MAX_CAPLEN + 1, 0);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_fails (bytes, SS_CAPFILE_ERROR_CORRUPT, 1);
  assert_message_has (ss_capfile_get_error (cap), "262145");
}

static void
test_pcap_short_header (void)
{
  g_autoptr(GBytes) full = make_pcap (FALSE, 0xa1b2c3d4, 0);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (full, 0, 20);

  assert_open_fails (cut, SS_CAPFILE_ERROR_TRUNCATED, "cut short");
}

static void
test_pcap_old_version (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;

  put32 (&buf, 0xa1b2c3d4);
  put16 (&buf, 1);
  put16 (&buf, 0);
  put_bytes (&buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
  bytes = buf_free_to_bytes (&buf);
  assert_open_fails (bytes, SS_CAPFILE_ERROR_UNSUPPORTED, "1.0");
}

static void
test_wrong_magic (void)
{
  static const char text[] = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);

  assert_open_fails (bytes, SS_CAPFILE_ERROR_UNKNOWN_FORMAT, "47 45 54 20");
}

static void
test_tiny_file (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xd4\xc3", 2);

  assert_open_fails (bytes, SS_CAPFILE_ERROR_UNKNOWN_FORMAT, "too short");
}

static void
test_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autofree char *dir = g_dir_make_tmp ("ss-capfile-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "empty.pcap", NULL);
  g_assert_true (g_file_set_contents (path, "", 0, &error));

  cap = ss_capfile_open (path, &error);
  g_assert_null (cap);
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNKNOWN_FORMAT);
  assert_message_has (error, "empty");
  g_clear_error (&error);

  assert_open_fails (bytes, SS_CAPFILE_ERROR_UNKNOWN_FORMAT, "empty");

  g_remove (path);
  g_rmdir (dir);
}

static void
test_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open ("/nonexistent/dir/x.pcap", &error);

  g_assert_null (cap);
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN);
  assert_message_has (error, "x.pcap");
}

/* Every prefix of a file opens or fails cleanly, and keeps the frames that are complete. */
static void
cut_everywhere (GBytes *bytes,
                guint   header_len,
                guint   n_frames)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint last_n = 0;

  for (gsize cut = 0; cut <= size; cut++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(SsCapfile) cap = ss_capfile_open_bytes (prefix, &error);
      gboolean ok;

      if (cap == NULL)
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (cut, <, header_len);
          continue;
        }
      g_assert_no_error (error);
      ok = ss_capfile_index (cap, 0, &error);
      g_assert_true (ok == (error == NULL));
      g_assert_true (ss_capfile_is_complete (cap));
      if (!ok)
        g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
      g_assert_cmpuint (ss_capfile_get_n_frames (cap), >=, last_n);
      last_n = ss_capfile_get_n_frames (cap);
      for (guint i = 0; i < last_n; i++)
        {
          const SsFrameRecord *rec = ss_capfile_get_frame (cap, i);

          g_assert_cmpuint (rec->data_offset + rec->caplen, <=, cut);
        }
    }
  g_assert_cmpuint (last_n, ==, n_frames);
}

static void
test_pcap_cut_everywhere (void)
{
  g_autoptr(GBytes) bytes = make_pcap (TRUE, 0xa1b2c3d4, 4);

  cut_everywhere (bytes, 24, 4);
}

/* pcapng -------------------------------------------------------------------------------------- */

static void
test_pcapng_epb (gconstpointer data)
{
  gboolean be = GPOINTER_TO_INT (data);
  Buf buf = buf_new (be);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  const SsInterface *iface;
  const SsFrameRecord *rec;
  gsize start;
  guint32 flags;

  shb (&buf);
  {
    gsize s = block_begin (&buf, 1);

    put16 (&buf, 1);
    put16 (&buf, 0);
    put32 (&buf, 1500);
    opt_str (&buf, 2, "eth0");
    opt_str (&buf, 3, "Intel NIC");
    opt_end (&buf);
    block_end (&buf, s);
  }
  epb (&buf, 0, G_GUINT64_CONSTANT (1700000000123456), 60, 0);
  start = epb_begin (&buf, 0, G_GUINT64_CONSTANT (1700000000223456), 61, 1500, 1);
  flags = be ? GUINT32_TO_BE (0x00000001) : GUINT32_TO_LE (0x00000001);
  opt (&buf, 2, &flags, 4);
  opt_end (&buf);
  block_end (&buf, start);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  g_assert_cmpint (ss_capfile_get_format (cap), ==, SS_CAPFILE_FORMAT_PCAPNG);
  g_assert_cmpuint (ss_capfile_get_n_interfaces (cap), ==, 1);
  iface = ss_capfile_get_interface (cap, 0);
  g_assert_cmpuint (iface->link_type, ==, 1);
  g_assert_cmpuint (iface->snaplen, ==, 1500);
  g_assert_cmpstr (iface->name, ==, "eth0");
  g_assert_cmpstr (iface->description, ==, "Intel NIC");
  g_assert_cmpuint (iface->ts_resolution, ==, 1000000);

  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 2);
  rec = ss_capfile_get_frame (cap, 0);
  g_assert_cmpint (rec->ts_ns, ==, G_GINT64_CONSTANT (1700000000123456000));
  g_assert_cmpuint (rec->caplen, ==, 60);
  g_assert_cmpuint (rec->block_kind, ==, SS_BLOCK_EPB);
  g_assert_cmpuint (rec->has_options, ==, 0);
  g_assert_cmpuint (rec->epb_flags, ==, 0);
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 0), 0, 60));
  rec = ss_capfile_get_frame (cap, 1);
  g_assert_cmpuint (rec->caplen, ==, 61);
  g_assert_cmpuint (rec->len, ==, 1500);
  g_assert_cmpuint (rec->has_options, ==, 1);
  g_assert_cmpuint (rec->epb_flags, ==, 1);
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 1), 1, 61));
}

/* Three sections: little-endian, big-endian, little-endian again. Interface ids continue across
 * sections, and each section's packets refer to its own interfaces. */
static void
test_pcapng_sections (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  static const guint expected_if[] = { 0, 1, 2, 3, 3 };
  static const guint expected_lt[] = { 1, 113, 105, 1, 1 };

  shb (&buf);
  idb (&buf, 1, 0, "le0", -1, FALSE, 0);
  idb (&buf, 113, 0, "le1", -1, FALSE, 0);
  epb (&buf, 0, 1000000, 20, 0);
  epb (&buf, 1, 2000000, 21, 1);
  buf.be = TRUE;
  shb (&buf);
  idb (&buf, 105, 0, "be0", 9, FALSE, 0);
  epb (&buf, 0, 3000000000, 22, 2);
  buf.be = FALSE;
  shb (&buf);
  idb (&buf, 1, 0, "le2", -1, FALSE, 0);
  epb (&buf, 0, 4000000, 23, 3);
  epb (&buf, 0, 5000000, 24, 4);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_n_interfaces (cap), ==, 4);
  g_assert_cmpstr (ss_capfile_get_interface (cap, 2)->name, ==, "be0");
  g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->section, ==, 0);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 1)->section, ==, 0);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 2)->section, ==, 1);
  g_assert_cmpuint (ss_capfile_get_interface (cap, 3)->section, ==, 2);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const SsFrameRecord *rec = ss_capfile_get_frame (cap, i);

      g_assert_cmpuint (rec->interface_id, ==, expected_if[i]);
      g_assert_cmpuint (ss_capfile_get_frame_link_type (cap, i), ==, expected_lt[i]);
      g_assert_cmpint (rec->ts_ns, ==, (gint64) (i + 1) * 1000000000);
      g_assert_cmpuint (rec->caplen, ==, 20 + i);
      g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, i), i, 20 + i));
    }
}

static gint64
ts_with_resolution (gint    tsresol,
                    gboolean with_offset,
                    gint64  offset,
                    guint64 ts,
                    guint64 *resolution)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  shb (&buf);
  idb (&buf, 1, 0, NULL, tsresol, with_offset, offset);
  epb (&buf, 0, ts, 4, 0);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_ok (bytes);
  if (resolution != NULL)
    *resolution = ss_capfile_get_interface (cap, 0)->ts_resolution;
  return ss_capfile_get_frame (cap, 0)->ts_ns;
}

static void
test_pcapng_tsresol (void)
{
  guint64 r;

  /* Default and explicit 10^-6. */
  g_assert_cmpint (ts_with_resolution (-1, FALSE, 0, 1234567, &r), ==, 1234567000);
  g_assert_cmpuint (r, ==, 1000000);
  g_assert_cmpint (ts_with_resolution (6, FALSE, 0, 1234567, &r), ==, 1234567000);
  /* 10^-9 */
  g_assert_cmpint (ts_with_resolution (9, FALSE, 0, G_GUINT64_CONSTANT (1700000000123456789), &r),
                   ==, G_GINT64_CONSTANT (1700000000123456789));
  g_assert_cmpuint (r, ==, 1000000000);
  /* 10^-3 and 10^0 */
  g_assert_cmpint (ts_with_resolution (3, FALSE, 0, 5123, NULL), ==, 5123000000);
  g_assert_cmpint (ts_with_resolution (0, FALSE, 0, 5, NULL), ==, 5000000000);
  /* 2^-20: 5 s and 123457 / 2^20 s = 117737770.08 ns, truncated as Wireshark does */
  g_assert_cmpint (ts_with_resolution (0x80 | 20, FALSE, 0,
                                       (G_GUINT64_CONSTANT (5) << 20) + 123457, &r),
                   ==, G_GINT64_CONSTANT (5117737770));
  g_assert_cmpuint (r, ==, 1 << 20);
  /* 10^-12: picoseconds */
  g_assert_cmpint (ts_with_resolution (12, FALSE, 0, G_GUINT64_CONSTANT (1000000000123456), &r),
                   ==, G_GINT64_CONSTANT (1000000000123));
  g_assert_cmpuint (r, ==, G_GUINT64_CONSTANT (1000000000000));
  /* 2^-63, 10^-19 and beyond 64 bits */
  g_assert_cmpint (ts_with_resolution (0x80 | 63, FALSE, 0, G_MAXUINT64, NULL), ==,
                   1999999999);
  g_assert_cmpint (ts_with_resolution (19, FALSE, 0, G_MAXUINT64, NULL), ==, 1844674407);
  g_assert_cmpint (ts_with_resolution (0x80 | 100, FALSE, 0, G_MAXUINT64, &r), ==, 0);
  g_assert_cmpuint (r, ==, G_MAXUINT64);
  g_assert_cmpint (ts_with_resolution (127, FALSE, 0, G_MAXUINT64, NULL), ==, 0);
}

static void
test_pcapng_tsoffset (void)
{
  g_assert_cmpint (ts_with_resolution (-1, TRUE, 1000, 2500000, NULL), ==,
                   G_GINT64_CONSTANT (1002500000000));
  g_assert_cmpint (ts_with_resolution (3, TRUE, -10, 5123, NULL), ==, -4877000000);
  g_assert_cmpint (ts_with_resolution (9, TRUE, 1700000000, 42, NULL), ==,
                   G_GINT64_CONSTANT (1700000000000000042));
}

/* Counts that do not fit in nanoseconds are clamped. */
static void
test_pcapng_ts_clamp (void)
{
  g_assert_cmpint (ts_with_resolution (-1, FALSE, 0, G_MAXUINT64, NULL), ==, G_MAXINT64);
  g_assert_cmpint (ts_with_resolution (0, FALSE, 0, G_MAXUINT64, NULL), ==, G_MAXINT64);
  g_assert_cmpint (ts_with_resolution (9, TRUE, G_MININT64, 0, NULL), ==, G_MININT64);
  g_assert_cmpint (ts_with_resolution (9, TRUE, G_MAXINT64, G_MAXUINT64, NULL), ==, G_MAXINT64);
}

/* SPB: caplen is the smallest of the wire length, the snaplen of interface 0 and the room in
 * the block. */
static void
test_pcapng_spb (gconstpointer data)
{
  gboolean be = GPOINTER_TO_INT (data);
  Buf buf = buf_new (be);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  const SsFrameRecord *rec;
  gsize s;

  shb (&buf);
  idb (&buf, 1, 50, NULL, -1, FALSE, 0);
  idb (&buf, 113, 0, NULL, -1, FALSE, 0);
  /* Wire 40 bytes: all present. */
  s = block_begin (&buf, 3);
  put32 (&buf, 40);
  put_payload (&buf, 0, 40);
  block_end (&buf, s);
  /* Wire 1000 bytes, snaplen 50: 50 present (52 with padding). */
  s = block_begin (&buf, 3);
  put32 (&buf, 1000);
  put_payload (&buf, 1, 50);
  block_end (&buf, s);
  /* Wire 45 bytes but the block holds only 20. */
  s = block_begin (&buf, 3);
  put32 (&buf, 45);
  put_payload (&buf, 2, 20);
  block_end (&buf, s);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 3);
  rec = ss_capfile_get_frame (cap, 0);
  g_assert_cmpuint (rec->block_kind, ==, SS_BLOCK_SPB);
  g_assert_cmpuint (rec->caplen, ==, 40);
  g_assert_cmpuint (rec->len, ==, 40);
  g_assert_cmpuint (rec->interface_id, ==, 0);
  g_assert_cmpint (rec->ts_ns, ==, 0);
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 0), 0, 40));
  rec = ss_capfile_get_frame (cap, 1);
  g_assert_cmpuint (rec->caplen, ==, 50);
  g_assert_cmpuint (rec->len, ==, 1000);
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 1), 1, 50));
  rec = ss_capfile_get_frame (cap, 2);
  g_assert_cmpuint (rec->caplen, ==, 20);
  g_assert_cmpuint (rec->len, ==, 45);
  {
    g_autoptr(GArray) options = ss_capfile_list_frame_options (cap, 1);

    g_assert_cmpuint (options->len, ==, 0);
  }
}

static void
test_pcapng_spb_without_interface (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  gsize s;

  shb (&buf);
  s = block_begin (&buf, 3);
  put32 (&buf, 4);
  put32 (&buf, 0);
  block_end (&buf, s);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_fails (bytes, SS_CAPFILE_ERROR_CORRUPT, 0);
}

/* Obsolete Packet Block (type 2): 16-bit interface id, drops count, pack_flags option. */
static void
test_pcapng_opb (gconstpointer data)
{
  gboolean be = GPOINTER_TO_INT (data);
  Buf buf = buf_new (be);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_auto(GStrv) comments = NULL;
  const SsFrameRecord *rec;
  guint32 flags;
  gsize s;

  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  idb (&buf, 1, 0, NULL, 9, FALSE, 0);
  s = block_begin (&buf, 2);
  put16 (&buf, 1);
  put16 (&buf, 7);
  put32 (&buf, 0);
  put32 (&buf, 999);
  put32 (&buf, 33);
  put32 (&buf, 70);
  put_payload (&buf, 5, 33);
  put_pad4 (&buf);
  opt_str (&buf, 1, "old style");
  flags = be ? GUINT32_TO_BE (2) : GUINT32_TO_LE (2);
  opt (&buf, 2, &flags, 4);
  opt_end (&buf);
  block_end (&buf, s);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 1);
  rec = ss_capfile_get_frame (cap, 0);
  g_assert_cmpuint (rec->block_kind, ==, SS_BLOCK_OPB);
  g_assert_cmpuint (rec->interface_id, ==, 1);
  g_assert_cmpint (rec->ts_ns, ==, 999);
  g_assert_cmpuint (rec->caplen, ==, 33);
  g_assert_cmpuint (rec->len, ==, 70);
  g_assert_cmpuint (rec->has_options, ==, 1);
  g_assert_cmpuint (rec->epb_flags, ==, 2);
  g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 0), 5, 33));
  comments = ss_capfile_dup_frame_comments (cap, 0);
  g_assert_nonnull (comments);
  g_assert_cmpstr (comments[0], ==, "old style");
  g_assert_null (comments[1]);
}

static void
nrb_record (Buf          *buf,
            guint16       type,
            const guint8 *addr,
            gsize         addr_len,
            const char   *names,
            gsize         names_len)
{
  put16 (buf, type);
  put16 (buf, (guint16) (addr_len + names_len));
  put_bytes (buf, addr, addr_len);
  put_bytes (buf, names, names_len);
  put_pad4 (buf);
}

static void
test_pcapng_nrb (void)
{
  static const guint8 v4[] = { 192, 0, 2, 1 };
  static const guint8 v4b[] = { 198, 51, 100, 7 };
  static const guint8 v6[] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
  static const guint8 unknown[] = { 10, 0, 0, 1 };
  Buf buf = buf_new (TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  gsize s;

  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  s = block_begin (&buf, 4);
  nrb_record (&buf, 1, v4, 4, "www.example.com\0alias.example.com\0", 34);
  nrb_record (&buf, 2, v6, 16, "v6.example.net\0", 15);
  nrb_record (&buf, 1, v4b, 4, "no-nul.example.org", 18);
  nrb_record (&buf, 99, v4, 4, "ignored", 7);
  put32 (&buf, 0);  /* nrb_record_end */
  opt_str (&buf, 1, "an NRB comment");
  opt_end (&buf);
  block_end (&buf, s);
  epb (&buf, 0, 1, 10, 0);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 1);
  g_assert_cmpstr (ss_capfile_lookup_name (cap, v4, 4), ==, "www.example.com");
  g_assert_cmpstr (ss_capfile_lookup_name (cap, v6, 16), ==, "v6.example.net");
  g_assert_cmpstr (ss_capfile_lookup_name (cap, v4b, 4), ==, "no-nul.example.org");
  g_assert_null (ss_capfile_lookup_name (cap, unknown, 4));
  g_assert_null (ss_capfile_lookup_name (cap, v6, 6));
}

/* ISB, custom blocks and unknown block types are skipped by their length. */
static void
test_pcapng_skipped_blocks (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  gsize s;

  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  epb (&buf, 0, 1, 10, 0);
  /* ISB with isb_ifrecv and isb_ifdrop */
  s = block_begin (&buf, 5);
  put32 (&buf, 0);
  put32 (&buf, 0);
  put32 (&buf, 5);
  {
    guint64 v = 1000;

    opt (&buf, 4, &v, 8);
    v = 3;
    opt (&buf, 5, &v, 8);
  }
  opt_end (&buf);
  block_end (&buf, s);
  /* Custom blocks, copiable and not */
  s = block_begin (&buf, 0x00000BAD);
  put32 (&buf, 32473);
  put_bytes (&buf, "custom data, 0xBAD", 18);
  block_end (&buf, s);
  epb (&buf, 0, 2, 11, 1);
  s = block_begin (&buf, 0x40000BAD);
  put32 (&buf, 32473);
  block_end (&buf, s);
  /* Decryption secrets, systemd journal export and a type nobody knows */
  s = block_begin (&buf, 0x0000000A);
  put32 (&buf, 0x544c534b);
  put32 (&buf, 4);
  put_bytes (&buf, "abcd", 4);
  block_end (&buf, s);
  s = block_begin (&buf, 0x00000009);
  put_bytes (&buf, "__CURSOR=x\n", 11);
  block_end (&buf, s);
  s = block_begin (&buf, 0x7fff1234);
  block_end (&buf, s);
  epb (&buf, 0, 3, 12, 2);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, i), i, 10 + i));
}

static void
test_pcapng_comments (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_auto(GStrv) section = NULL;
  g_auto(GStrv) c0 = NULL;
  g_auto(GStrv) c1 = NULL;
  gsize s;

  s = block_begin (&buf, 0x0A0D0D0A);
  put32 (&buf, 0x1A2B3C4D);
  put16 (&buf, 1);
  put16 (&buf, 0);
  put64 (&buf, G_MAXUINT64);
  opt_str (&buf, 1, "first section comment");
  opt_str (&buf, 2, "x86_64 box");
  opt_str (&buf, 3, "Linux 6.1");
  opt_str (&buf, 4, "dumpcap (Wireshark) 4.0");
  opt (&buf, 1, "second\0", 7);  /* a writer that adds a NUL */
  opt_end (&buf);
  block_end (&buf, s);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  s = epb_begin (&buf, 0, 1, 10, 10, 0);
  opt_str (&buf, 1, "packet comment ✓");
  opt_str (&buf, 1, "another\tone");
  opt_end (&buf);
  block_end (&buf, s);
  epb (&buf, 0, 2, 10, 1);
  /* A second section's options do not replace the first's. */
  s = block_begin (&buf, 0x0A0D0D0A);
  put32 (&buf, 0x1A2B3C4D);
  put16 (&buf, 1);
  put16 (&buf, 0);
  put64 (&buf, G_MAXUINT64);
  opt_str (&buf, 1, "later section");
  opt_str (&buf, 3, "other OS");
  opt_end (&buf);
  block_end (&buf, s);
  bytes = buf_free_to_bytes (&buf);

  cap = open_bytes_ok (bytes);
  /* Section options are there right after opening. */
  section = ss_capfile_dup_section_comments (cap);
  g_assert_nonnull (section);
  g_assert_cmpstr (section[0], ==, "first section comment");
  g_assert_cmpstr (section[1], ==, "second");
  g_assert_null (section[2]);
  g_assert_cmpstr (ss_capfile_get_shb_hardware (cap), ==, "x86_64 box");
  g_assert_cmpstr (ss_capfile_get_shb_os (cap), ==, "Linux 6.1");
  g_assert_cmpstr (ss_capfile_get_shb_application (cap), ==, "dumpcap (Wireshark) 4.0");

  g_assert_true (ss_capfile_index (cap, 0, NULL));
  g_assert_cmpstr (ss_capfile_get_shb_os (cap), ==, "Linux 6.1");
  c0 = ss_capfile_dup_frame_comments (cap, 0);
  g_assert_nonnull (c0);
  g_assert_cmpstr (c0[0], ==, "packet comment ✓");
  g_assert_cmpstr (c0[1], ==, "another\tone");
  g_assert_null (c0[2]);
  c1 = ss_capfile_dup_frame_comments (cap, 1);
  g_assert_null (c1);
}

/* Custom options (pcapng §3.5.1) carry a PEN first; they are listed with every other option, in
 * file order. */
static void
test_pcapng_custom_options (gconstpointer data)
{
  gboolean be = GPOINTER_TO_INT (data);
  Buf buf = buf_new (be);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(GArray) options = NULL;
  const SsCapfileOption *o;
  guint8 custom[4 + 9];
  guint32 pen = be ? GUINT32_TO_BE (32473) : GUINT32_TO_LE (32473);
  gsize s;

  memcpy (custom, &pen, 4);
  memcpy (custom + 4, "pod=web-1", 9);
  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  s = epb_begin (&buf, 0, 1, 10, 10, 0);
  opt_str (&buf, 1, "comment");
  opt (&buf, 2988, custom, sizeof custom);
  opt (&buf, 2989, custom, 4);
  opt (&buf, 19372, custom, 6);
  opt_end (&buf);
  /* Anything after opt_endofopt is not an option. */
  opt_str (&buf, 1, "not an option");
  block_end (&buf, s);
  bytes = buf_free_to_bytes (&buf);

  cap = open_and_index_ok (bytes);
  options = ss_capfile_list_frame_options (cap, 0);
  g_assert_cmpuint (options->len, ==, 4);
  o = &g_array_index (options, SsCapfileOption, 0);
  g_assert_cmpuint (o->code, ==, 1);
  g_assert_cmpuint (o->length, ==, 7);
  g_assert_cmpmem (o->value, 7, "comment", 7);
  o = &g_array_index (options, SsCapfileOption, 1);
  g_assert_cmpuint (o->code, ==, 2988);
  g_assert_cmpmem (o->value, o->length, custom, sizeof custom);
  o = &g_array_index (options, SsCapfileOption, 2);
  g_assert_cmpuint (o->code, ==, 2989);
  g_assert_cmpuint (o->length, ==, 4);
  o = &g_array_index (options, SsCapfileOption, 3);
  g_assert_cmpuint (o->code, ==, 19372);
  g_assert_cmpmem (o->value, o->length, custom, 6);
  {
    g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, 0);

    g_assert_cmpuint (g_strv_length (comments), ==, 1);
  }
}

static void
test_pcapng_only_endofopt (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  gsize s;

  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  s = epb_begin (&buf, 0, 1, 10, 10, 0);
  opt_end (&buf);
  block_end (&buf, s);
  bytes = buf_free_to_bytes (&buf);
  cap = open_and_index_ok (bytes);
  g_assert_cmpuint (ss_capfile_get_frame (cap, 0)->has_options, ==, 0);
}

/* A small valid pcapng file whose third block (second packet) can be damaged at will. */
static GByteArray *
damage_base (gsize *second_epb)
{
  Buf buf = buf_new (FALSE);

  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  epb (&buf, 0, 1, 10, 0);
  *second_epb = buf.b->len;
  epb (&buf, 0, 2, 10, 1);
  epb (&buf, 0, 3, 10, 2);
  return buf.b;
}

static void
damage_and_check (void (*damage) (GByteArray *b, gsize at),
                  gint  code,
                  const char *needle)
{
  gsize at;
  GByteArray *b = damage_base (&at);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  g_autofree char *offset = g_strdup_printf ("offset %u", (guint) at);

  damage (b, at);
  bytes = g_byte_array_free_to_bytes (b);
  cap = open_and_index_fails (bytes, code, 1);
  assert_message_has (ss_capfile_get_error (cap), offset);
  assert_message_has (ss_capfile_get_error (cap), needle);
}

static void
set_le32 (GByteArray *b,
          gsize       at,
          guint32     v)
{
  v = GUINT32_TO_LE (v);
  memcpy (b->data + at, &v, 4);
}

static void
damage_len_too_small (GByteArray *b, gsize at)
{
  set_le32 (b, at + 4, 8);
}

static void
damage_len_not_multiple (GByteArray *b, gsize at)
{
  set_le32 (b, at + 4, 42);
}

static void
damage_trailer (GByteArray *b, gsize at)
{
  set_le32 (b, at + 40, 48);
}

static void
damage_len_beyond_end (GByteArray *b, gsize at)
{
  set_le32 (b, at + 4, 0x7ffffff0);
}

static void
damage_caplen_beyond_block (GByteArray *b, gsize at)
{
  set_le32 (b, at + 20, 20);
}

static void
damage_caplen_huge (GByteArray *b, gsize at)
{
  set_le32 (b, at + 20, 0xffffffff);
}

static void
damage_interface (GByteArray *b, gsize at)
{
  set_le32 (b, at + 8, 1);
}

static void
damage_epb_too_short (GByteArray *b, gsize at)
{
  /* A 28-byte EPB: framing valid, body too short for the fixed fields. */
  g_byte_array_remove_range (b, (guint) at + 24, 16);
  set_le32 (b, at + 4, 28);
  set_le32 (b, at + 24, 28);
}

/* An option whose length runs past the end of the block: tshark 4.0 stops there too
 * ("Not enough data to handle option"). */
static void
damage_option (GByteArray *b, gsize at)
{
  static const guint8 bad_opt[] = { 1, 0, 200, 0, 'a', 'b', 'c', 'd' };
  guint old_len = b->len;

  /* Grow the 44-byte block to 52 with the option before its trailing length. */
  g_byte_array_set_size (b, old_len + sizeof bad_opt);
  memmove (b->data + at + 44 + sizeof bad_opt, b->data + at + 44, old_len - (at + 44));
  memcpy (b->data + at + 40, bad_opt, sizeof bad_opt);
  set_le32 (b, at + 4, 44 + sizeof bad_opt);
  set_le32 (b, at + 40 + sizeof bad_opt, 44 + sizeof bad_opt);
}

static void
test_pcapng_block_length_lies (void)
{
  damage_and_check (damage_len_too_small, SS_CAPFILE_ERROR_CORRUPT, "length of 8 bytes");
  damage_and_check (damage_len_not_multiple, SS_CAPFILE_ERROR_CORRUPT, "42");
  damage_and_check (damage_trailer, SS_CAPFILE_ERROR_CORRUPT, "48 bytes at its end");
  damage_and_check (damage_len_beyond_end, SS_CAPFILE_ERROR_TRUNCATED, "packet 2");
  damage_and_check (damage_caplen_beyond_block, SS_CAPFILE_ERROR_CORRUPT, "packet 2");
  damage_and_check (damage_caplen_huge, SS_CAPFILE_ERROR_CORRUPT, "4294967295");
  damage_and_check (damage_interface, SS_CAPFILE_ERROR_CORRUPT, "interface 1");
  damage_and_check (damage_epb_too_short, SS_CAPFILE_ERROR_CORRUPT, "too short");
  damage_and_check (damage_option, SS_CAPFILE_ERROR_CORRUPT, "option");
}

static void
test_pcapng_bad_section (void)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  gsize second;

  shb (&buf);
  idb (&buf, 1, 0, NULL, -1, FALSE, 0);
  epb (&buf, 0, 1, 10, 0);
  second = buf.b->len;
  shb (&buf);
  bytes = g_bytes_new (buf.b->data, buf.b->len);

  /* Major version 2 in the first section: refused at open. */
  {
    g_autoptr(GBytes) v2 = NULL;

    buf.b->data[12] = 2;
    v2 = g_bytes_new (buf.b->data, buf.b->len);
    assert_open_fails (v2, SS_CAPFILE_ERROR_UNSUPPORTED, "2.0");
    buf.b->data[12] = 1;
  }
  /* ... in a later section: frames before it are kept. */
  {
    g_autoptr(GBytes) v2 = NULL;
    g_autoptr(SsCapfile) cap2 = NULL;

    buf.b->data[second + 12] = 2;
    v2 = g_bytes_new (buf.b->data, buf.b->len);
    cap2 = open_and_index_fails (v2, SS_CAPFILE_ERROR_UNSUPPORTED, 1);
    buf.b->data[second + 12] = 1;
  }
  /* Bad byte-order magic in the second section. */
  {
    g_autoptr(GBytes) bad = NULL;
    g_autoptr(SsCapfile) cap2 = NULL;

    buf.b->data[second + 8] = 0x99;
    bad = g_bytes_new (buf.b->data, buf.b->len);
    cap2 = open_and_index_fails (bad, SS_CAPFILE_ERROR_CORRUPT, 1);
    assert_message_has (ss_capfile_get_error (cap2), "byte-order");
  }

  cap = open_and_index_ok (bytes);
  g_byte_array_unref (buf.b);
}

static GBytes *
make_pcapng (guint    n,
             gboolean be,
             guint    payload_len)
{
  Buf buf = buf_new (be);

  shb (&buf);
  idb (&buf, 1, 0, "eth0", -1, FALSE, 0);
  for (guint i = 0; i < n; i++)
    {
      if (i % 3 == 1)
        {
          gsize s = epb_begin (&buf, 0, 1000000 * (guint64) i, payload_len, payload_len, i);

          opt_str (&buf, 1, "c");
          opt_end (&buf);
          block_end (&buf, s);
        }
      else
        epb (&buf, 0, 1000000 * (guint64) i, payload_len, i);
    }
  return buf_free_to_bytes (&buf);
}

static void
test_pcapng_cut_everywhere (void)
{
  g_autoptr(GBytes) bytes = make_pcapng (4, FALSE, 9);

  cut_everywhere (bytes, 28, 4);
}

/* Every single-byte change of a small file is read without a crash (ASan/UBSan check this). */
static void
test_pcapng_flip_every_byte (void)
{
  g_autoptr(GBytes) bytes = make_pcapng (3, TRUE, 5);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  static const guint8 values[] = { 0x00, 0xff, 0x80, 0x7f };

  for (gsize i = 0; i < size; i++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autoptr(GBytes) damaged = NULL;
        g_autoptr(SsCapfile) cap = NULL;

        copy[i] = values[v];
        damaged = g_bytes_new (copy, size);
        cap = ss_capfile_open_bytes (damaged, NULL);
        if (cap != NULL)
          {
            ss_capfile_index (cap, 0, NULL);
            for (guint f = 0; f < ss_capfile_get_n_frames (cap); f++)
              {
                g_autoptr(GArray) options = ss_capfile_list_frame_options (cap, f);
                g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, f);
                const SsFrameRecord *rec = ss_capfile_get_frame (cap, f);

                g_assert_cmpuint (rec->data_offset + rec->caplen, <=, size);
              }
          }
        copy[i] = data[i];
      }
}

/* A live capture's file, followed as it grows one block at a time: each block announced shows
 * up as a frame, the end of what is written is not the end of the file until the final call,
 * and the frames are those of the same bytes read at once. */
static void
test_pcapng_growing (void)
{
  g_autoptr(GBytes) bytes = make_pcapng (10, FALSE, 30);
  g_autoptr(SsCapfile) whole = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize pos = 0, written = 0;
  guint blocks = 0;
  int fd = g_file_open_tmp ("ss-growing-XXXXXX.pcapng", &path, &error);

  g_assert_no_error (error);
  whole = ss_capfile_open_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (whole, 0, &error));

  /* Not growing: nothing to grow. */
  g_assert_false (ss_capfile_grow (whole, size, FALSE));

  while (pos < size)
    {
      guint32 len;

      memcpy (&len, data + pos + 4, 4);
      len = GUINT32_FROM_LE (len);
      g_assert_cmpuint (pos + len, <=, size);
      g_assert_cmpint (write (fd, data + pos, len), ==, (gssize) len);
      written += len;
      pos += len;
      blocks++;
      if (blocks < 2)
        continue;   /* the SHB and the IDB first */
      if (!cap)
        {
          cap = ss_capfile_open_growing (path, written, &error);
          g_assert_no_error (error);
          g_assert_nonnull (cap);
        }
      else
        g_assert_true (ss_capfile_grow (cap, written, FALSE));
      g_assert_true (ss_capfile_index (cap, 0, &error));
      g_assert_no_error (error);
      g_assert_false (ss_capfile_is_complete (cap));
      g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, blocks - 2);
    }
  /* Shrinking is refused. */
  g_assert_false (ss_capfile_grow (cap, written - 4, FALSE));
  g_assert_true (ss_capfile_grow (cap, written, TRUE));
  g_assert_true (ss_capfile_index (cap, 0, &error));
  g_assert_no_error (error);
  g_assert_true (ss_capfile_is_complete (cap));
  g_assert_null (ss_capfile_get_error (cap));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 10);
  g_assert_cmpuint (ss_capfile_get_n_frames (whole), ==, 10);
  for (guint f = 0; f < 10; f++)
    {
      const SsFrameRecord *a = ss_capfile_get_frame (cap, f);
      const SsFrameRecord *b = ss_capfile_get_frame (whole, f);

      g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
      g_assert_cmpmem (ss_capfile_get_frame_data (cap, f), a->caplen,
                       ss_capfile_get_frame_data (whole, f), b->caplen);
    }
  close (fd);
  g_unlink (path);
}

/* Indexing in steps */

static void
test_incremental (void)
{
  g_autoptr(GBytes) bytes = make_pcapng (7, FALSE, 20);
  g_autoptr(SsCapfile) cap = open_bytes_ok (bytes);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 0);
  g_assert_false (ss_capfile_is_complete (cap));
  g_assert_true (ss_capfile_index (cap, 3, &error));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 3);
  g_assert_false (ss_capfile_is_complete (cap));
  g_assert_true (ss_capfile_index (cap, 3, &error));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 6);
  g_assert_true (ss_capfile_index (cap, 3, &error));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 7);
  g_assert_true (ss_capfile_is_complete (cap));
  g_assert_true (ss_capfile_index (cap, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpint (ss_capfile_get_frame (cap, i)->ts_ns, ==, (gint64) i * 1000000000);
      g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, i), i, 20));
    }
}

static void
test_incremental_pcap_error (void)
{
  g_autoptr(GBytes) full = make_pcap (FALSE, 0xa1b2c3d4, 5);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (full, 0, g_bytes_get_size (full) - 3);
  g_autoptr(SsCapfile) cap = open_bytes_ok (cut);
  g_autoptr(GError) error = NULL;

  g_assert_true (ss_capfile_index (cap, 2, &error));
  g_assert_true (ss_capfile_index (cap, 2, &error));
  g_assert_no_error (error);
  g_assert_false (ss_capfile_is_complete (cap));
  g_assert_false (ss_capfile_index (cap, 2, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
  g_clear_error (&error);
  g_assert_true (ss_capfile_is_complete (cap));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 4);
  /* Asking again repeats the error and reads nothing more. */
  g_assert_false (ss_capfile_index (cap, 0, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 4);
}

/* Compression --------------------------------------------------------------------------------- */

static GBytes *
gzip_compress (const guint8 *data,
               gsize         len)
{
  z_stream zs = { 0 };
  gsize bound;
  guint8 *out;

  g_assert_cmpint (deflateInit2 (&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  bound = deflateBound (&zs, len) + 64;
  out = g_malloc (bound);
  zs.next_in = (Bytef *) data;
  zs.avail_in = (uInt) len;
  zs.next_out = out;
  zs.avail_out = (uInt) bound;
  g_assert_cmpint (deflate (&zs, Z_FINISH), ==, Z_STREAM_END);
  len = zs.total_out;
  deflateEnd (&zs);
  return g_bytes_new_take (out, len);
}

static GBytes *
zstd_compress (const guint8 *data,
               gsize         len)
{
  gsize bound = ZSTD_compressBound (len);
  guint8 *out = g_malloc (bound);
  ZSTD_CCtx *cctx = ZSTD_createCCtx ();
  size_t n;

  /* With a checksum, as zstd(1) writes by default, so damage is always noticed. */
  ZSTD_CCtx_setParameter (cctx, ZSTD_c_compressionLevel, 3);
  ZSTD_CCtx_setParameter (cctx, ZSTD_c_checksumFlag, 1);
  n = ZSTD_compress2 (cctx, out, bound, data, len);
  ZSTD_freeCCtx (cctx);
  g_assert_false (ZSTD_isError (n));
  return g_bytes_new_take (out, n);
}

static GBytes *
lz4_compress (const guint8 *data,
              gsize         len)
{
  LZ4F_preferences_t prefs = { 0 };
  gsize bound;
  guint8 *out;
  size_t n;

  prefs.frameInfo.blockSizeID = LZ4F_max64KB;
  prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
  bound = LZ4F_compressFrameBound (len, &prefs);
  out = g_malloc (bound);
  n = LZ4F_compressFrame (out, bound, data, len, &prefs);
  g_assert_false (LZ4F_isError (n));
  return g_bytes_new_take (out, n);
}

typedef GBytes *(*CompressFunc) (const guint8 *data, gsize len);

typedef struct
{
  SsCompression compression;
  CompressFunc  compress;
} CompressCase;

static const CompressCase gzip_case = { SS_COMPRESSION_GZIP, gzip_compress };
static const CompressCase zstd_case = { SS_COMPRESSION_ZSTD, zstd_compress };
static const CompressCase lz4_case = { SS_COMPRESSION_LZ4, lz4_compress };

/* A capture with hard-to-compress payloads, so that cutting the compressed file in half cuts
 * the capture about in half. */
static GBytes *
make_noisy_pcap (guint n)
{
  Buf buf = buf_new (FALSE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  pcap_header (&buf, 0xa1b23c4d, 65535, 1);
  for (guint i = 0; i < n; i++)
    {
      put32 (&buf, 1600000000 + i);
      put32 (&buf, i);
      put32 (&buf, 200);
      put32 (&buf, 200);
      for (guint j = 0; j < 200; j++)
        put8 (&buf, (guint8) g_rand_int (rand));
    }
  return buf_free_to_bytes (&buf);
}

static void
test_compressed (gconstpointer data)
{
  const CompressCase *c = data;
  g_autoptr(GBytes) plain = make_pcapng (50, FALSE, 100);
  gsize half = g_bytes_get_size (plain) / 2;
  g_autoptr(GBytes) first = c->compress (g_bytes_get_data (plain, NULL), half);
  g_autoptr(GBytes) second = c->compress ((const guint8 *) g_bytes_get_data (plain, NULL) + half,
                                          g_bytes_get_size (plain) - half);
  g_autoptr(GByteArray) both = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;

  /* Two members / frames, split in the middle of a block. */
  g_byte_array_append (both, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_byte_array_append (both, g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&both));

  cap = open_and_index_ok (bytes);
  g_assert_cmpint (ss_capfile_get_compression (cap), ==, c->compression);
  g_assert_cmpint (ss_capfile_get_format (cap), ==, SS_CAPFILE_FORMAT_PCAPNG);
  g_assert_cmpuint (ss_capfile_get_file_size (cap), ==, g_bytes_get_size (bytes));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_assert_cmpint (ss_capfile_get_frame (cap, i)->ts_ns, ==, (gint64) i * 1000000000);
      g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, i), i, 100));
    }
  {
    g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, 1);

    g_assert_cmpstr (comments[0], ==, "c");
  }
}

static void
test_compressed_truncated (gconstpointer data)
{
  const CompressCase *c = data;
  g_autoptr(GBytes) plain = make_noisy_pcap (2000);
  g_autoptr(GBytes) packed = c->compress (g_bytes_get_data (plain, NULL),
                                          g_bytes_get_size (plain));
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (packed, 0, g_bytes_get_size (packed) / 2);
  g_autoptr(SsCapfile) cap = open_bytes_ok (cut);
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_false (ss_capfile_index (cap, 0, &error));
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
  assert_message_has (error, "cut short");
  n = ss_capfile_get_n_frames (cap);
  g_assert_cmpuint (n, >, 500);
  g_assert_cmpuint (n, <, 1500);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (ss_capfile_get_frame (cap, i)->ts_ns, ==,
                     (gint64) (1600000000 + i) * 1000000000 + i);
}

static void
test_compressed_damaged (gconstpointer data)
{
  const CompressCase *c = data;
  g_autoptr(GBytes) plain = make_noisy_pcap (2000);
  g_autoptr(GBytes) packed = c->compress (g_bytes_get_data (plain, NULL),
                                          g_bytes_get_size (plain));
  gsize size = g_bytes_get_size (packed);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (packed, NULL), size);
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(GError) error = NULL;

  /* Garble a stretch in the middle. */
  for (gsize i = size / 2; i < size / 2 + 64; i++)
    copy[i] ^= 0x5a;
  damaged = g_bytes_new_take (g_steal_pointer (&copy), size);
  cap = open_bytes_ok (damaged);
  g_assert_false (ss_capfile_index (cap, 0, &error));
  /* A stream can also look cut short or misframe a record when garbled; what matters is that
   * it is reported and that the frames read before stay readable. */
  g_assert_nonnull (error);
  g_assert_true (error->code == SS_CAPFILE_ERROR_DECOMPRESS
                 || error->code == SS_CAPFILE_ERROR_CORRUPT
                 || error->code == SS_CAPFILE_ERROR_TRUNCATED);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), >, 100);
  g_assert_cmpint (ss_capfile_get_frame (cap, 50)->ts_ns, ==,
                   (gint64) (1600000000 + 50) * 1000000000 + 50);
}

/* Damaged in a way every decompressor notices: garbage right after the stream's header. */
static void
test_compressed_garbage (gconstpointer data)
{
  const CompressCase *c = data;
  g_autoptr(GBytes) plain = make_pcapng (3, FALSE, 10);
  g_autoptr(GBytes) packed = c->compress (g_bytes_get_data (plain, NULL),
                                          g_bytes_get_size (plain));
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  static const guint8 junk[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  /* gzip: 10-byte header; zstd and lz4: magic and frame descriptor. */
  guint keep = c->compression == SS_COMPRESSION_GZIP ? 10 : 4;

  g_byte_array_append (b, g_bytes_get_data (packed, NULL), keep);
  g_byte_array_append (b, junk, sizeof junk);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&b));
  cap = ss_capfile_open_bytes (bytes, &error);
  g_assert_null (cap);
  g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_DECOMPRESS);
}

/* Opening files ------------------------------------------------------------------------------- */

static char *
write_temp (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

static void
test_open_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ss-capfile-XXXXXX", &error);
  g_autoptr(GBytes) plain = make_pcapng (10, TRUE, 30);
  g_autoptr(GBytes) packed = zstd_compress (g_bytes_get_data (plain, NULL),
                                            g_bytes_get_size (plain));
  g_autofree char *plain_path = write_temp (dir, "a.pcapng", plain);
  g_autofree char *packed_path = write_temp (dir, "b.pcapng", packed);

  {
    g_autoptr(SsCapfile) cap = ss_capfile_open (plain_path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ss_capfile_get_path (cap), ==, plain_path);
    g_assert_cmpuint (ss_capfile_get_file_size (cap), ==, g_bytes_get_size (plain));
    g_assert_true (ss_capfile_index (cap, 0, &error));
    g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 10);
    g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 9), 9, 30));
  }
  {
    g_autoptr(SsCapfile) cap = ss_capfile_open (packed_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ss_capfile_get_compression (cap), ==, SS_COMPRESSION_ZSTD);
    g_assert_cmpuint (ss_capfile_get_file_size (cap), ==, g_bytes_get_size (packed));
    g_assert_true (ss_capfile_index (cap, 0, &error));
    g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 10);
    g_assert_true (payload_matches (ss_capfile_get_frame_data (cap, 9), 9, 30));
  }

  g_remove (plain_path);
  g_remove (packed_path);
  g_rmdir (dir);
}

/* "-" reads standard input to its end, compressed or not. */
static void
test_open_stdin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ss-capfile-XXXXXX", &error);
  g_autoptr(GBytes) plain = make_pcap (TRUE, 0xa1b2c3d4, 6);
  g_autoptr(GBytes) packed = gzip_compress (g_bytes_get_data (plain, NULL),
                                            g_bytes_get_size (plain));
  g_autofree char *path = write_temp (dir, "in.pcap.gz", packed);
  g_autoptr(SsCapfile) cap = NULL;
  int saved_stdin = dup (STDIN_FILENO);
  int fd = open (path, O_RDONLY);

  g_assert_cmpint (saved_stdin, >=, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDIN_FILENO), ==, STDIN_FILENO);
  close (fd);
  cap = ss_capfile_open ("-", &error);
  g_assert_cmpint (dup2 (saved_stdin, STDIN_FILENO), ==, STDIN_FILENO);
  close (saved_stdin);

  g_assert_no_error (error);
  g_assert_cmpstr (ss_capfile_get_path (cap), ==, "-");
  g_assert_cmpint (ss_capfile_get_compression (cap), ==, SS_COMPRESSION_GZIP);
  g_assert_true (ss_capfile_index (cap, 0, &error));
  check_pcap_frames (cap, 6, 1000);

  g_remove (path);
  g_rmdir (dir);
}

/* Speed: 2 million packets (run with -m perf) ------------------------------------------------- */

static void
test_index_speed (gconstpointer data)
{
  gboolean pcapng = GPOINTER_TO_INT (data);
  const guint n = 2000000;
  Buf buf = buf_new (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint8 payload[64] = { 0 };

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      return;
    }

  g_byte_array_set_size (buf.b, 0);
  if (pcapng)
    {
      shb (&buf);
      idb (&buf, 1, 0, NULL, -1, FALSE, 0);
    }
  else
    pcap_header (&buf, 0xa1b2c3d4, 65535, 1);
  for (guint i = 0; i < n; i++)
    {
      if (pcapng)
        {
          gsize s = block_begin (&buf, 6);

          put32 (&buf, 0);
          put32 (&buf, 0);
          put32 (&buf, i);
          put32 (&buf, 60);
          put32 (&buf, 60);
          put_bytes (&buf, payload, 60);
          block_end (&buf, s);
        }
      else
        {
          put32 (&buf, i);
          put32 (&buf, 0);
          put32 (&buf, 60);
          put32 (&buf, 60);
          put_bytes (&buf, payload, 60);
        }
    }
  bytes = buf_free_to_bytes (&buf);
  cap = open_bytes_ok (bytes);
  timer = g_timer_new ();
  g_assert_true (ss_capfile_index (cap, 0, NULL));
  g_timer_stop (timer);
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, n);
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "indexed %u %s packets in %.3f s",
                           n, pcapng ? "pcapng" : "pcap", g_timer_elapsed (timer, NULL));
}

/* The corpus, against tshark ------------------------------------------------------------------ */

static char *
find_corpus (void)
{
  const char *env = g_getenv ("SS_SHARED_CAPTURES");
  const char *srcdir = g_test_get_dir (G_TEST_DIST);
  g_autofree char *c1 = g_build_filename (srcdir, "..", "..", "shared", "captures", NULL);
  g_autofree char *c2 = g_build_filename (srcdir, "..", "..", "..", "shared", "captures", NULL);
  const char *candidates[] = { env, c1, c2 };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *derived = NULL;

      if (candidates[i] == NULL)
        continue;
      derived = g_build_filename (candidates[i], "derived", NULL);
      if (g_file_test (derived, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&derived);
      if (g_str_has_suffix (candidates[i], "derived")
          && g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
        return g_strdup (candidates[i]);
    }
  return NULL;
}

/* tshark prints frame.time_epoch as seconds with nine decimals. */
static gint64
parse_epoch_ns (const char *s)
{
  g_auto(GStrv) parts = g_strsplit (s, ".", 2);
  gint64 secs = g_ascii_strtoll (parts[0], NULL, 10);
  char frac[10] = "000000000";

  if (parts[1] != NULL)
    memcpy (frac, parts[1], MIN (strlen (parts[1]), 9));
  return secs * 1000000000 + (s[0] == '-' ? -1 : 1) * g_ascii_strtoll (frac, NULL, 10);
}

/* The way tshark -T fields prints a string field: \t, \n, \r and \\ escaped, several
 * occurrences joined with commas. */
static char *
tshark_comments (char **comments)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; comments != NULL && comments[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      for (const char *p = comments[i]; *p != '\0'; p++)
        {
          switch (*p)
            {
            case '\t':
              g_string_append (s, "\\t");
              break;
            case '\n':
              g_string_append (s, "\\n");
              break;
            case '\r':
              g_string_append (s, "\\r");
              break;
            case '\\':
              g_string_append (s, "\\\\");
              break;
            default:
              g_string_append_c (s, *p);
              break;
            }
        }
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  char  *path;
  char  *out_path;
  GPid   pid;
} TsharkRun;

static void
tshark_run_clear (gpointer data)
{
  TsharkRun *run = data;

  if (run->out_path != NULL)
    g_remove (run->out_path);
  g_free (run->path);
  g_free (run->out_path);
}

/* Starts tshark on @run->path with its output going to a temporary file. */
static void
tshark_start (const char *tshark,
              TsharkRun  *run)
{
  const char *argv[] = { tshark, "-n", "-r", run->path, "-T", "fields",
                         "-e", "frame.time_epoch", "-e", "frame.cap_len", "-e", "frame.len",
                         "-e", "frame.comment", NULL };
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("ss-tshark-XXXXXX", &run->out_path, &error);

  g_assert_no_error (error);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                         NULL, NULL, &run->pid, -1, fd, -1, &error));
  g_assert_no_error (error);
  close (fd);
}

static void
compare_with_tshark (TsharkRun *run)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_auto(GStrv) lines = NULL;
  int status;
  guint n_lines;

  g_assert_cmpint (waitpid (run->pid, &status, 0), ==, run->pid);
  g_spawn_close_pid (run->pid);
  g_assert_true (g_file_get_contents (run->out_path, &out, NULL, &error));
  lines = g_strsplit (out, "\n", -1);
  n_lines = g_strv_length (lines);
  if (n_lines > 0 && lines[n_lines - 1][0] == '\0')
    n_lines--;

  g_test_message ("comparing %s", run->path);
  cap = ss_capfile_open (run->path, &error);
  g_assert_no_error (error);
  if (!ss_capfile_index (cap, 0, &error))
    {
      /* tshark fails the same way: it exits with status 2. */
      g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_test_message ("%s: %s", run->path, error->message);
    }
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, n_lines);

  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      const SsFrameRecord *rec = ss_capfile_get_frame (cap, i);
      g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, i);
      g_autofree char *joined = tshark_comments (comments);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpint (rec->ts_ns, ==, parse_epoch_ns (fields[0]));
      g_assert_cmpuint (rec->caplen, ==, g_ascii_strtoull (fields[1], NULL, 10));
      g_assert_cmpuint (rec->len, ==, g_ascii_strtoull (fields[2], NULL, 10));
      g_assert_cmpstr (joined, ==, fields[3]);
    }
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_corpus (void)
{
  g_autofree char *dir = find_corpus ();
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) runs = NULL;
  const char *name;

  if (dir == NULL)
    {
      g_test_skip ("no shared capture corpus (set SS_SHARED_CAPTURES)");
      return;
    }
  if (tshark == NULL)
    {
      g_test_skip ("tshark is not installed");
      return;
    }

  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".pcap") != NULL)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_assert_cmpuint (names->len, >, 0);

  /* tshark takes a while to start: run them all at once, then compare one by one. */
  runs = g_array_sized_new (FALSE, TRUE, sizeof (TsharkRun), names->len);
  g_array_set_clear_func (runs, tshark_run_clear);
  g_array_set_size (runs, names->len);
  for (guint i = 0; i < names->len; i++)
    {
      TsharkRun *run = &g_array_index (runs, TsharkRun, i);

      run->path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      tshark_start (tshark, run);
    }
  for (guint i = 0; i < runs->len; i++)
    compare_with_tshark (&g_array_index (runs, TsharkRun, i));
}

/* The corpus files whose properties are known, checked without tshark. */
static void
test_corpus_known (void)
{
  g_autofree char *dir = find_corpus ();
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    {
      g_test_skip ("no shared capture corpus (set SS_SHARED_CAPTURES)");
      return;
    }

  {
    g_autofree char *path = g_build_filename (dir, "multi-if-ether-sll.pcapng", NULL);
    g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (ss_capfile_index (cap, 0, &error));
    g_assert_cmpuint (ss_capfile_get_n_interfaces (cap), ==, 2);
    g_assert_cmpuint (ss_capfile_get_interface (cap, 0)->link_type, ==, 1);
    g_assert_cmpuint (ss_capfile_get_interface (cap, 1)->link_type, ==, 113);
    g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 56);
  }
  {
    g_autofree char *path = g_build_filename (dir, "comments.pcapng", NULL);
    g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);
    g_auto(GStrv) section = NULL;
    g_auto(GStrv) c3 = NULL;

    g_assert_no_error (error);
    g_assert_true (ss_capfile_index (cap, 0, &error));
    section = ss_capfile_dup_section_comments (cap);
    g_assert_nonnull (section);
    g_assert_true (g_str_has_prefix (section[0], "StratoShark corpus: SHB comment"));
    g_assert_true (g_str_has_prefix (ss_capfile_get_shb_application (cap), "Editcap"));
    c3 = ss_capfile_dup_frame_comments (cap, 2);
    g_assert_cmpstr (c3[0], ==, "comment with UTF-8 ✓ and a tab\tinside");
  }
  {
    g_autofree char *path = g_build_filename (dir, "mptcp-v0.cut-short.pcap", NULL);
    g_autoptr(SsCapfile) cap = ss_capfile_open (path, &error);

    g_assert_no_error (error);
    g_assert_false (ss_capfile_index (cap, 0, &error));
    g_assert_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED);
    assert_message_has (error, "packet 11");
    g_assert_cmpuint (ss_capfile_get_n_frames (cap), ==, 10);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/core/capfile/pcap-usec-le", GINT_TO_POINTER (FALSE), test_pcap_usec);
  g_test_add_data_func ("/core/capfile/pcap-usec-be", GINT_TO_POINTER (TRUE), test_pcap_usec);
  g_test_add_data_func ("/core/capfile/pcap-nsec-le", GINT_TO_POINTER (FALSE), test_pcap_nsec);
  g_test_add_data_func ("/core/capfile/pcap-nsec-be", GINT_TO_POINTER (TRUE), test_pcap_nsec);
  g_test_add_func ("/core/capfile/pcap-modified", test_pcap_modified);
  g_test_add_func ("/core/capfile/pcap-linktype-fcs-bits", test_pcap_linktype_fcs_bits);
  g_test_add_func ("/core/capfile/pcap-len-below-caplen", test_pcap_len_below_caplen);
  g_test_add_func ("/core/capfile/pcap-caplen-above-snaplen", test_pcap_caplen_above_snaplen);
  g_test_add_func ("/core/capfile/pcap-truncated-data", test_pcap_truncated_data);
  g_test_add_func ("/core/capfile/pcap-truncated-header", test_pcap_truncated_header);
  g_test_add_func ("/core/capfile/pcap-caplen-4gib", test_pcap_caplen_4gib);
  g_test_add_func ("/core/capfile/pcap-caplen-limit", test_pcap_caplen_limit);
  g_test_add_func ("/core/capfile/pcap-short-file-header", test_pcap_short_header);
  g_test_add_func ("/core/capfile/pcap-old-version", test_pcap_old_version);
  g_test_add_func ("/core/capfile/pcap-cut-everywhere", test_pcap_cut_everywhere);
  g_test_add_func ("/core/capfile/wrong-magic", test_wrong_magic);
  g_test_add_func ("/core/capfile/tiny-file", test_tiny_file);
  g_test_add_func ("/core/capfile/empty-file", test_empty_file);
  g_test_add_func ("/core/capfile/open-missing", test_open_missing);
  g_test_add_data_func ("/core/capfile/pcapng-epb-le", GINT_TO_POINTER (FALSE), test_pcapng_epb);
  g_test_add_data_func ("/core/capfile/pcapng-epb-be", GINT_TO_POINTER (TRUE), test_pcapng_epb);
  g_test_add_func ("/core/capfile/pcapng-sections-byte-order", test_pcapng_sections);
  g_test_add_func ("/core/capfile/pcapng-tsresol", test_pcapng_tsresol);
  g_test_add_func ("/core/capfile/pcapng-tsoffset", test_pcapng_tsoffset);
  g_test_add_func ("/core/capfile/pcapng-ts-clamp", test_pcapng_ts_clamp);
  g_test_add_data_func ("/core/capfile/pcapng-spb-le", GINT_TO_POINTER (FALSE), test_pcapng_spb);
  g_test_add_data_func ("/core/capfile/pcapng-spb-be", GINT_TO_POINTER (TRUE), test_pcapng_spb);
  g_test_add_func ("/core/capfile/pcapng-spb-without-interface",
                   test_pcapng_spb_without_interface);
  g_test_add_data_func ("/core/capfile/pcapng-opb-le", GINT_TO_POINTER (FALSE), test_pcapng_opb);
  g_test_add_data_func ("/core/capfile/pcapng-opb-be", GINT_TO_POINTER (TRUE), test_pcapng_opb);
  g_test_add_func ("/core/capfile/pcapng-nrb", test_pcapng_nrb);
  g_test_add_func ("/core/capfile/pcapng-skipped-blocks", test_pcapng_skipped_blocks);
  g_test_add_func ("/core/capfile/pcapng-comments", test_pcapng_comments);
  g_test_add_data_func ("/core/capfile/pcapng-custom-options-le", GINT_TO_POINTER (FALSE),
                        test_pcapng_custom_options);
  g_test_add_data_func ("/core/capfile/pcapng-custom-options-be", GINT_TO_POINTER (TRUE),
                        test_pcapng_custom_options);
  g_test_add_func ("/core/capfile/pcapng-only-endofopt", test_pcapng_only_endofopt);
  g_test_add_func ("/core/capfile/pcapng-block-length-lies", test_pcapng_block_length_lies);
  g_test_add_func ("/core/capfile/pcapng-bad-section", test_pcapng_bad_section);
  g_test_add_func ("/core/capfile/pcapng-cut-everywhere", test_pcapng_cut_everywhere);
  g_test_add_func ("/core/capfile/pcapng-flip-every-byte", test_pcapng_flip_every_byte);
  g_test_add_func ("/core/capfile/incremental", test_incremental);
  g_test_add_func ("/core/capfile/incremental-error", test_incremental_pcap_error);
  g_test_add_data_func ("/core/capfile/gzip", &gzip_case, test_compressed);
  g_test_add_data_func ("/core/capfile/zstd", &zstd_case, test_compressed);
  g_test_add_data_func ("/core/capfile/lz4", &lz4_case, test_compressed);
  g_test_add_data_func ("/core/capfile/gzip-truncated", &gzip_case, test_compressed_truncated);
  g_test_add_data_func ("/core/capfile/zstd-truncated", &zstd_case, test_compressed_truncated);
  g_test_add_data_func ("/core/capfile/lz4-truncated", &lz4_case, test_compressed_truncated);
  g_test_add_data_func ("/core/capfile/gzip-damaged", &gzip_case, test_compressed_damaged);
  g_test_add_data_func ("/core/capfile/zstd-damaged", &zstd_case, test_compressed_damaged);
  g_test_add_data_func ("/core/capfile/lz4-damaged", &lz4_case, test_compressed_damaged);
  g_test_add_data_func ("/core/capfile/gzip-garbage", &gzip_case, test_compressed_garbage);
  g_test_add_data_func ("/core/capfile/zstd-garbage", &zstd_case, test_compressed_garbage);
  g_test_add_data_func ("/core/capfile/lz4-garbage", &lz4_case, test_compressed_garbage);
  g_test_add_func ("/core/capfile/open-path", test_open_path);
  g_test_add_func ("/core/capfile/open-stdin", test_open_stdin);
  g_test_add_func ("/core/capfile/pcapng-growing", test_pcapng_growing);
  g_test_add_data_func ("/core/capfile/index-speed-pcap", GINT_TO_POINTER (FALSE),
                        test_index_speed);
  g_test_add_data_func ("/core/capfile/index-speed-pcapng", GINT_TO_POINTER (TRUE),
                        test_index_speed);
  g_test_add_func ("/core/capfile/corpus-known", test_corpus_known);
  g_test_add_func ("/core/capfile/corpus-vs-tshark", test_corpus);

  return g_test_run ();
}
