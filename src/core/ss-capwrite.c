/* ss-capwrite.c: writing capture files (pcapng or classic pcap, optionally gzip-compressed)
 *
 * Formats written: classic pcap per draft-ietf-opsawg-pcap (host byte order, microsecond or
 * nanosecond magic) and pcapng per draft-ietf-opsawg-pcapng (one section in host byte order,
 * one IDB per interface with if_tsresol = 9 so timestamps are nanoseconds, EPBs). gzip is
 * RFC 1952 through zlib's deflate.
 *
 * Output is assembled in memory and written in large pieces; every write() is checked, and the
 * first failure sticks: later calls report it again instead of writing a file with a hole.
 */

#include "config.h"

#include "ss-capwrite.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <zlib.h>

#define PCAP_MAGIC_USEC        0xa1b2c3d4u
#define PCAP_MAGIC_NSEC        0xa1b23c4du
#define PCAP_LINKTYPE_ETHERNET 1u

#define PCAPNG_BT_SHB          0x0A0D0D0Au
#define PCAPNG_BT_IDB          0x00000001u
#define PCAPNG_BT_EPB          0x00000006u
#define PCAPNG_BYTE_ORDER_MAGIC 0x1A2B3C4Du

#define PCAPNG_OPT_ENDOFOPT    0
#define PCAPNG_OPT_COMMENT     1
#define PCAPNG_OPT_SHB_HARDWARE 2
#define PCAPNG_OPT_SHB_OS      3
#define PCAPNG_OPT_SHB_USERAPPL 4
#define PCAPNG_OPT_IF_NAME     2
#define PCAPNG_OPT_IF_TSRESOL  9
#define PCAPNG_OPT_EPB_FLAGS   2

#define NS_PER_SECOND          G_GINT64_CONSTANT (1000000000)
#define OUT_BUFFER_SIZE        (256u * 1024u)
#define ZBUF_SIZE              (64u * 1024u)

typedef struct
{
  guint    link_type;
  guint32  snaplen;
  char    *name;
} WriterInterface;

struct _SsCapWriter
{
  int               fd;
  gboolean          close_fd;
  char             *display_name;

  SsCapfileFormat   format;
  SsCompression     compression;
  gboolean          flush_each;
  char             *shb_comment;
  char             *shb_hardware;
  char             *shb_os;
  char             *shb_application;

  GArray           *interfaces;           /* WriterInterface */
  guint             n_interfaces_written;
  gboolean          header_written;

  GByteArray       *block;                /* the block or record being assembled */
  GByteArray       *out;                  /* file bytes waiting for write () */
  z_stream          zs;
  gboolean          zs_ready;
  guint8           *zbuf;

  guint64           bytes_written;        /* file bytes produced (compressed when gzip) */
  guint64           packets_written;
  GError           *failed;               /* the first failure; sticky */
  gboolean          finished;
};

static void
writer_interface_clear (gpointer data)
{
  WriterInterface *iface = data;

  g_clear_pointer (&iface->name, g_free);
}

/* Errors -------------------------------------------------------------------------------------- */

static gboolean
writer_fail (SsCapWriter  *writer,
             GError       *err,
             GError      **error)
{
  if (writer->failed == NULL)
    writer->failed = err;
  else
    g_clear_error (&err);
  if (error != NULL)
    *error = g_error_copy (writer->failed);
  return FALSE;
}

static GError *
write_errno_error (const char *display_name,
                   int         saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
      return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                          _("Could not write to “%s”: the disk is full"), display_name);
    case EDQUOT:
      return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                          _("Could not write to “%s”: the disk quota is exhausted"),
                          display_name);
    case EPIPE:
      return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                          _("Could not write to “%s”: the program reading it has gone away"),
                          display_name);
    default:
      return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                          _("Could not write to “%s”: %s"), display_name,
                          g_strerror (saved_errno));
    }
}

/* Output -------------------------------------------------------------------------------------- */

static gboolean
write_all (SsCapWriter   *writer,
           const guint8  *data,
           gsize          len,
           GError       **error)
{
  while (len > 0)
    {
      gssize n = write (writer->fd, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          if (saved_errno == EAGAIN || saved_errno == EWOULDBLOCK)
            {
              /* A non-blocking pipe: wait until the reader makes room. */
              struct pollfd pfd = { writer->fd, POLLOUT, 0 };

              if (poll (&pfd, 1, -1) >= 0 || errno == EINTR)
                continue;
              saved_errno = errno;
            }
          return writer_fail (writer, write_errno_error (writer->display_name, saved_errno),
                              error);
        }
      if (n == 0)
        return writer_fail (writer, write_errno_error (writer->display_name, EIO), error);
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
writer_drain (SsCapWriter  *writer,
              GError      **error)
{
  gboolean ok;

  if (writer->out->len == 0)
    return TRUE;
  ok = write_all (writer, writer->out->data, writer->out->len, error);
  g_byte_array_set_size (writer->out, 0);
  return ok;
}

static void
writer_queue (SsCapWriter  *writer,
              const guint8 *data,
              gsize         len)
{
  g_byte_array_append (writer->out, data, (guint) len);
  writer->bytes_written += len;
}

/* Runs deflate over @data with @flush and queues what it produces. */
static gboolean
writer_deflate (SsCapWriter   *writer,
                const guint8  *data,
                gsize          len,
                int            flush,
                GError       **error)
{
  z_stream *zs = &writer->zs;

  zs->next_in = (Bytef *) data;
  zs->avail_in = (uInt) len;
  for (;;)
    {
      int ret;

      zs->next_out = writer->zbuf;
      zs->avail_out = ZBUF_SIZE;
      ret = deflate (zs, flush);
      if (ret == Z_STREAM_ERROR)
        return writer_fail (writer,
                            g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                                         _("Could not compress the data for “%s”"),
                                         writer->display_name),
                            error);
      writer_queue (writer, writer->zbuf, ZBUF_SIZE - zs->avail_out);
      /* Done when the input is used up and deflate had room to spare (zlib's zpipe.c). */
      if (zs->avail_out != 0 && zs->avail_in == 0)
        break;
    }
  return TRUE;
}

/* Sends a finished block (or record) towards the file. */
static gboolean
writer_emit (SsCapWriter   *writer,
             const guint8  *data,
             gsize          len,
             GError       **error)
{
  if (writer->compression == SS_COMPRESSION_GZIP)
    {
      if (!writer_deflate (writer, data, len, Z_NO_FLUSH, error))
        return FALSE;
    }
  else
    writer_queue (writer, data, len);

  if (writer->out->len >= OUT_BUFFER_SIZE)
    return writer_drain (writer, error);
  return TRUE;
}

/* Block assembly (host byte order) ------------------------------------------------------------ */

static void
put16 (GByteArray *b,
       guint16     v)
{
  g_byte_array_append (b, (const guint8 *) &v, sizeof v);
}

static void
put32 (GByteArray *b,
       guint32     v)
{
  g_byte_array_append (b, (const guint8 *) &v, sizeof v);
}

static void
put64 (GByteArray *b,
       guint64     v)
{
  g_byte_array_append (b, (const guint8 *) &v, sizeof v);
}

static void
put_pad4 (GByteArray *b)
{
  static const guint8 zeros[3] = { 0 };

  if (b->len % 4 != 0)
    g_byte_array_append (b, zeros, 4 - b->len % 4);
}

static void
put_option (GByteArray   *b,
            guint16       code,
            const void   *value,
            gsize         len)
{
  g_assert (len <= G_MAXUINT16);

  put16 (b, code);
  put16 (b, (guint16) len);
  if (len > 0)
    g_byte_array_append (b, value, (guint) len);
  put_pad4 (b);
}

static void
put_string_option (GByteArray *b,
                   guint16     code,
                   const char *value)
{
  if (value != NULL)
    put_option (b, code, value, strlen (value));
}

static void
block_begin (GByteArray *b,
             guint32     type)
{
  g_byte_array_set_size (b, 0);
  put32 (b, type);
  put32 (b, 0);  /* total length, set by block_end () */
}

static void
block_end (GByteArray *b)
{
  guint32 total = b->len + 4;

  memcpy (b->data + 4, &total, sizeof total);
  put32 (b, total);
}

/* Headers ------------------------------------------------------------------------------------- */

/* pcapng §4.1: one section, length unknown (-1). */
static gboolean
write_shb (SsCapWriter  *writer,
           GError      **error)
{
  GByteArray *b = writer->block;
  const char *application = writer->shb_application != NULL
                            ? writer->shb_application : "StratoShark " PACKAGE_VERSION;

  block_begin (b, PCAPNG_BT_SHB);
  put32 (b, PCAPNG_BYTE_ORDER_MAGIC);
  put16 (b, 1);
  put16 (b, 0);
  put64 (b, G_MAXUINT64);
  put_string_option (b, PCAPNG_OPT_COMMENT, writer->shb_comment);
  put_string_option (b, PCAPNG_OPT_SHB_HARDWARE, writer->shb_hardware);
  put_string_option (b, PCAPNG_OPT_SHB_OS, writer->shb_os);
  put_string_option (b, PCAPNG_OPT_SHB_USERAPPL, application);
  put_option (b, PCAPNG_OPT_ENDOFOPT, NULL, 0);
  block_end (b);
  return writer_emit (writer, b->data, b->len, error);
}

/* pcapng §4.2: if_tsresol 9, so EPB timestamps are nanoseconds since the epoch. */
static gboolean
write_idb (SsCapWriter           *writer,
           const WriterInterface *iface,
           GError               **error)
{
  GByteArray *b = writer->block;
  guint8 tsresol = 9;

  block_begin (b, PCAPNG_BT_IDB);
  put16 (b, (guint16) iface->link_type);
  put16 (b, 0);
  put32 (b, iface->snaplen);
  put_string_option (b, PCAPNG_OPT_IF_NAME, iface->name);
  put_option (b, PCAPNG_OPT_IF_TSRESOL, &tsresol, 1);
  put_option (b, PCAPNG_OPT_ENDOFOPT, NULL, 0);
  block_end (b);
  return writer_emit (writer, b->data, b->len, error);
}

static gboolean
write_pcap_header (SsCapWriter  *writer,
                   GError      **error)
{
  GByteArray *b = writer->block;
  guint32 link_type = PCAP_LINKTYPE_ETHERNET;
  guint32 snaplen = SS_CAPFILE_MAX_CAPLEN;

  if (writer->interfaces->len > 0)
    {
      const WriterInterface *iface = &g_array_index (writer->interfaces, WriterInterface, 0);

      link_type = iface->link_type;
      if (iface->snaplen != 0)
        snaplen = iface->snaplen;
    }

  g_byte_array_set_size (b, 0);
  put32 (b, writer->format == SS_CAPFILE_FORMAT_PCAP_NSEC ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC);
  put16 (b, 2);
  put16 (b, 4);
  put32 (b, 0);  /* thiszone */
  put32 (b, 0);  /* sigfigs */
  put32 (b, snaplen);
  put32 (b, link_type);
  return writer_emit (writer, b->data, b->len, error);
}

/* The file header goes out before the first packet (or at close for an empty capture); in
 * pcapng an interface declared later gets its IDB before the next packet. */
static gboolean
writer_ensure_header (SsCapWriter  *writer,
                      GError      **error)
{
  if (!writer->header_written)
    {
      gboolean ok;

      if (writer->format == SS_CAPFILE_FORMAT_PCAPNG)
        ok = write_shb (writer, error);
      else
        ok = write_pcap_header (writer, error);
      if (!ok)
        return FALSE;
      writer->header_written = TRUE;
      if (writer->format != SS_CAPFILE_FORMAT_PCAPNG)
        writer->n_interfaces_written = writer->interfaces->len;
    }

  while (writer->n_interfaces_written < writer->interfaces->len)
    {
      const WriterInterface *iface = &g_array_index (writer->interfaces, WriterInterface,
                                                     writer->n_interfaces_written);

      if (!write_idb (writer, iface, error))
        return FALSE;
      writer->n_interfaces_written++;
    }
  return TRUE;
}

/* Creation ------------------------------------------------------------------------------------ */

static gboolean
check_option_string (const char  *value,
                     const char  *what,
                     GError     **error)
{
  if (value == NULL || strlen (value) <= G_MAXUINT16)
    return TRUE;
  g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
               /* Translators: %s is the name of an option, such as shb_comment */
               _("The %s text is too long for a pcapng option (at most 65535 bytes)"), what);
  return FALSE;
}

static gboolean
check_options (const SsCapWriterOptions  *options,
               GError                   **error)
{
  if (options->format != SS_CAPFILE_FORMAT_PCAP
      && options->format != SS_CAPFILE_FORMAT_PCAP_NSEC
      && options->format != SS_CAPFILE_FORMAT_PCAPNG)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("Capture files can only be written as pcap or pcapng"));
      return FALSE;
    }
  if (options->compression != SS_COMPRESSION_NONE
      && options->compression != SS_COMPRESSION_GZIP)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("Capture files can only be written uncompressed or gzip-compressed"));
      return FALSE;
    }
  return check_option_string (options->shb_comment, "shb_comment", error)
         && check_option_string (options->shb_hardware, "shb_hardware", error)
         && check_option_string (options->shb_os, "shb_os", error)
         && check_option_string (options->shb_application, "shb_userappl", error);
}

static SsCapWriter *
writer_new (int                        fd,
            gboolean                   close_fd,
            const char                *display_name,
            const SsCapWriterOptions  *options,
            GError                   **error)
{
  SsCapWriter *writer = g_new0 (SsCapWriter, 1);

  writer->fd = fd;
  writer->close_fd = close_fd;
  writer->display_name = g_strdup (display_name);
  writer->format = options->format;
  writer->compression = options->compression;
  writer->flush_each = options->flush_each;
  writer->shb_comment = g_strdup (options->shb_comment);
  writer->shb_hardware = g_strdup (options->shb_hardware);
  writer->shb_os = g_strdup (options->shb_os);
  writer->shb_application = g_strdup (options->shb_application);
  writer->interfaces = g_array_new (FALSE, TRUE, sizeof (WriterInterface));
  g_array_set_clear_func (writer->interfaces, writer_interface_clear);
  writer->block = g_byte_array_sized_new (4096);
  writer->out = g_byte_array_sized_new (OUT_BUFFER_SIZE + 4096);

  if (writer->compression == SS_COMPRESSION_GZIP)
    {
      /* windowBits 15 + 16: a gzip header and trailer around the deflate stream. */
      if (deflateInit2 (&writer->zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                        Z_DEFAULT_STRATEGY) != Z_OK)
        {
          g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                       _("Could not start compressing the data for “%s”"), display_name);
          writer->finished = TRUE;
          writer->close_fd = FALSE;
          ss_cap_writer_free (writer);
          return NULL;
        }
      writer->zs_ready = TRUE;
      writer->zbuf = g_malloc (ZBUF_SIZE);
    }
  return writer;
}

SsCapWriter *
ss_cap_writer_new_for_fd (int                        fd,
                          gboolean                   close_fd,
                          const SsCapWriterOptions  *options,
                          GError                   **error)
{
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (options, error))
    return NULL;
  if (fd == STDOUT_FILENO)
    display_name = g_strdup (_("standard output"));
  else
    display_name = g_strdup_printf (_("file descriptor %d"), fd);
  return writer_new (fd, close_fd, display_name, options, error);
}

SsCapWriter *
ss_cap_writer_new_for_path (const char                *path,
                            const SsCapWriterOptions  *options,
                            GError                   **error)
{
  g_autofree char *display_name = NULL;
  struct stat st;
  SsCapWriter *writer;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (path, "-") == 0)
    return ss_cap_writer_new_for_fd (STDOUT_FILENO, FALSE, options, error);

  /* Refuse before the file is created or truncated. */
  if (!check_options (options, error))
    return NULL;

  display_name = g_filename_display_name (path);
  fd = open (path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                   _("Could not create “%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  /* An existing file keeps its mode through O_CREAT; captures hold secrets, so narrow it. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 07777) != 0600
      && fchmod (fd, 0600) < 0)
    g_warning ("Could not restrict the permissions of %s to 0600: %s",
               display_name, g_strerror (errno));

  writer = writer_new (fd, TRUE, display_name, options, error);
  if (writer == NULL)
    close (fd);
  return writer;
}

/* Interfaces and packets ---------------------------------------------------------------------- */

gint
ss_cap_writer_add_interface (SsCapWriter  *writer,
                             guint         link_type,
                             guint32       snaplen,
                             const char   *name,
                             GError      **error)
{
  WriterInterface iface = { 0 };

  g_return_val_if_fail (writer != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (writer->format != SS_CAPFILE_FORMAT_PCAPNG && writer->interfaces->len > 0)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("A pcap file has a single interface; use pcapng to write packets of "
                     "several interfaces"));
      return -1;
    }
  if (writer->format == SS_CAPFILE_FORMAT_PCAPNG && link_type > G_MAXUINT16)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("Link type %u cannot be written in a pcapng file"), link_type);
      return -1;
    }
  if (writer->interfaces->len > G_MAXUINT16)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("Too many interfaces for one capture file"));
      return -1;
    }
  if (!check_option_string (name, "if_name", error))
    return -1;

  iface.link_type = link_type;
  iface.snaplen = snaplen;
  iface.name = g_strdup (name);
  g_array_append_val (writer->interfaces, iface);
  return (gint) writer->interfaces->len - 1;
}

/* draft-ietf-opsawg-pcap §5: seconds (unsigned 32 bits) and the fraction of the second. */
static gboolean
write_pcap_record (SsCapWriter   *writer,
                   gint64         ts_ns,
                   const guint8  *data,
                   guint32        caplen,
                   guint32        len,
                   GError       **error)
{
  GByteArray *b = writer->block;
  gint64 secs = ts_ns / NS_PER_SECOND;
  gint64 frac = ts_ns % NS_PER_SECOND;

  if (ts_ns < 0 || secs > G_MAXUINT32)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("A packet time outside the years 1970 to 2106 cannot be written in a "
                     "pcap file"));
      return FALSE;
    }

  g_byte_array_set_size (b, 0);
  put32 (b, (guint32) secs);
  put32 (b, (guint32) (writer->format == SS_CAPFILE_FORMAT_PCAP_NSEC ? frac : frac / 1000));
  put32 (b, caplen);
  put32 (b, len);
  if (!writer_emit (writer, b->data, b->len, error))
    return FALSE;
  return writer_emit (writer, data, caplen, error);
}

/* pcapng §4.3 and §4.3.1 (epb_flags). */
static gboolean
write_epb (SsCapWriter              *writer,
           guint                     interface_id,
           gint64                    ts_ns,
           const guint8             *data,
           guint32                   caplen,
           guint32                   len,
           guint32                   epb_flags,
           const char               *comment,
           const SsCapWriterOption  *options,
           guint                     n_options,
           GError                  **error)
{
  GByteArray *b = writer->block;
  guint64 ts = (guint64) ts_ns;
  gboolean any_option = FALSE;

  if (ts_ns < 0)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("A packet time before 1970 cannot be written in a pcapng file"));
      return FALSE;
    }
  if (!check_option_string (comment, "opt_comment", error))
    return FALSE;

  block_begin (b, PCAPNG_BT_EPB);
  put32 (b, interface_id);
  put32 (b, (guint32) (ts >> 32));
  put32 (b, (guint32) ts);
  put32 (b, caplen);
  put32 (b, len);
  if (caplen > 0)
    g_byte_array_append (b, data, caplen);
  put_pad4 (b);

  if (comment != NULL)
    {
      put_string_option (b, PCAPNG_OPT_COMMENT, comment);
      any_option = TRUE;
    }
  if (epb_flags != 0)
    {
      put_option (b, PCAPNG_OPT_EPB_FLAGS, &epb_flags, sizeof epb_flags);
      any_option = TRUE;
    }
  for (guint i = 0; i < n_options; i++)
    {
      put_option (b, options[i].code, options[i].value, options[i].length);
      any_option = TRUE;
    }
  if (any_option)
    put_option (b, PCAPNG_OPT_ENDOFOPT, NULL, 0);
  block_end (b);
  return writer_emit (writer, b->data, b->len, error);
}

gboolean
ss_cap_writer_write_packet (SsCapWriter              *writer,
                            guint                     interface_id,
                            gint64                    ts_ns,
                            const guint8             *data,
                            guint32                   caplen,
                            guint32                   len,
                            guint32                   epb_flags,
                            const char               *comment,
                            const SsCapWriterOption  *options,
                            guint                     n_options,
                            GError                  **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->finished, FALSE);
  g_return_val_if_fail (interface_id < writer->interfaces->len, FALSE);
  g_return_val_if_fail (data != NULL || caplen == 0, FALSE);
  g_return_val_if_fail (options != NULL || n_options == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (guint i = 0; i < n_options; i++)
    {
      g_return_val_if_fail (options[i].code != PCAPNG_OPT_ENDOFOPT, FALSE);
      g_return_val_if_fail (options[i].value != NULL || options[i].length == 0, FALSE);
    }

  if (writer->failed != NULL)
    return writer_fail (writer, NULL, error);

  /* The reader refuses larger records, so they are never written. */
  if (caplen > SS_CAPFILE_MAX_CAPLEN)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("A packet of %u captured bytes is larger than the limit of %u"),
                   caplen, SS_CAPFILE_MAX_CAPLEN);
      return FALSE;
    }

  if (!writer_ensure_header (writer, error))
    return FALSE;

  if (writer->format == SS_CAPFILE_FORMAT_PCAPNG)
    ok = write_epb (writer, interface_id, ts_ns, data, caplen, len, epb_flags, comment, options,
                    n_options, error);
  else
    ok = write_pcap_record (writer, ts_ns, data, caplen, len, error);
  if (!ok)
    return FALSE;

  writer->packets_written++;
  if (writer->flush_each)
    return ss_cap_writer_flush (writer, error);
  return TRUE;
}

gboolean
ss_cap_writer_flush (SsCapWriter  *writer,
                     GError      **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->failed != NULL)
    return writer_fail (writer, NULL, error);
  if (writer->finished)
    return TRUE;
  /* Z_SYNC_FLUSH ends on a byte boundary so a reader of a live pipe can decode every packet
   * sent so far. */
  if (writer->zs_ready && !writer_deflate (writer, NULL, 0, Z_SYNC_FLUSH, error))
    return FALSE;
  return writer_drain (writer, error);
}

/* Writes whatever is still due (header of an empty capture, gzip trailer) and closes. */
static gboolean
writer_finish (SsCapWriter  *writer,
               GError      **error)
{
  gboolean ok = writer->failed == NULL;
  GError *local_error = NULL;

  if (writer->finished)
    return TRUE;
  writer->finished = TRUE;

  if (ok)
    ok = writer_ensure_header (writer, &local_error);
  if (ok && writer->zs_ready)
    ok = writer_deflate (writer, NULL, 0, Z_FINISH, &local_error);
  if (ok)
    ok = writer_drain (writer, &local_error);

  if (writer->close_fd)
    {
      /* Some file systems (NFS) report a full disk only when the file is closed. */
      if (close (writer->fd) < 0 && ok && errno != EINTR)
        ok = writer_fail (writer, write_errno_error (writer->display_name, errno), &local_error);
      writer->close_fd = FALSE;
    }

  if (!ok)
    {
      if (local_error == NULL && writer->failed != NULL)
        local_error = g_error_copy (writer->failed);
      g_propagate_error (error, local_error);
    }
  return ok;
}

gboolean
ss_cap_writer_close (SsCapWriter  *writer,
                     GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = writer_finish (writer, error);
  ss_cap_writer_free (writer);
  return ok;
}

void
ss_cap_writer_free (SsCapWriter *writer)
{
  if (writer == NULL)
    return;

  /* Best effort, so a cleanup path still leaves a readable file. */
  writer_finish (writer, NULL);
  if (writer->zs_ready)
    deflateEnd (&writer->zs);
  g_clear_pointer (&writer->interfaces, g_array_unref);
  g_clear_pointer (&writer->block, g_byte_array_unref);
  g_clear_pointer (&writer->out, g_byte_array_unref);
  g_clear_error (&writer->failed);
  g_free (writer->zbuf);
  g_free (writer->display_name);
  g_free (writer->shb_comment);
  g_free (writer->shb_hardware);
  g_free (writer->shb_os);
  g_free (writer->shb_application);
  g_free (writer);
}

guint64
ss_cap_writer_get_bytes_written (const SsCapWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);
  return writer->bytes_written;
}

guint64
ss_cap_writer_get_packets_written (const SsCapWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);
  return writer->packets_written;
}
