/* ss-helper-output.c: the helper's output files, with rotation by time and size and a ring of N
 * files
 *
 * A rotated file is named after the base name and its start time, as the user guide shows:
 * `--output traffic.pcap --rotate-time 1h --compress gzip` writes traffic_2025-01-10_14:00.pcap.gz,
 * traffic_2025-01-10_15:00.pcap.gz... Time rotation happens on multiples of the interval (whole
 * hours for 1h), so names line up with the clock; seconds are added when the interval is not a
 * whole number of minutes or files also rotate by size, and "-2", "-3"... when a name is taken.
 * Rotated files are never overwritten: they are created with O_EXCL.
 *
 * Every file is written through SsCapWriter on a descriptor the helper opened itself (0600), so
 * that after a write failure (a full disk) the file can be cut back to the last point where every
 * block was complete, and what was written stays readable.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ss-helper.h"

/* Unsynced output that triggers a sync (see ss_helper_output_write). */
#define SYNC_BYTES (32u * 1024u)

typedef struct
{
  guint    link_type;
  guint32  snaplen;
  char    *name;
} OutputInterface;

struct _SsHelperOutput
{
  const SsHelperOptions *options;
  int          status_fd;
  gboolean     rotating;
  char        *stem;          /* base name without the extension */
  char        *ext;           /* ".pcapng", ".pcap.gz"... */
  char        *snaplen_comment;
  GArray      *interfaces;    /* OutputInterface */
  GQueue       ring;          /* paths of the files written, oldest first (rotating only) */

  SsCapWriter *writer;
  int          fd;            /* the writer's descriptor (owned by the writer) */
  char        *path;
  off_t        synced;        /* file offset of the last complete sync */
  guint64      synced_bytes;  /* the writer's byte count at that sync */
  gint64       synced_at;     /* monotonic ms of the last sync */
  guint64      synced_packets; /* packets in finished files and up to the last sync */
  gint64       next_rotation_ms; /* wall clock; G_MAXINT64 when none */
  guint64      packets;
  guint        files;
};

static void
output_interface_clear (gpointer data)
{
  OutputInterface *iface = data;

  g_clear_pointer (&iface->name, g_free);
}

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static void
split_name (SsHelperOutput *out,
            const char     *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strchr (base[0] == '.' ? base + 1 : base, '.');
  g_autofree char *ext = g_strdup (dot ? dot : "");
  gsize stem_len = strlen (path) - strlen (ext);

  out->stem = g_strndup (path, stem_len);
  if (out->options->compression == SS_COMPRESSION_GZIP && !g_str_has_suffix (ext, ".gz"))
    out->ext = g_strconcat (ext, ".gz", NULL);
  else
    out->ext = g_steal_pointer (&ext);
}

static char *
rotated_name (SsHelperOutput *out,
              gint64          start_ms,
              guint           attempt)
{
  gboolean seconds = (out->options->rotate_time_ms % 60000) != 0 || out->options->rotate_size;
  time_t t = (time_t) (start_ms / 1000);
  struct tm tm;
  char stamp[64];

  localtime_r (&t, &tm);
  strftime (stamp, sizeof stamp, seconds ? "%Y-%m-%d_%H:%M:%S" : "%Y-%m-%d_%H:%M", &tm);
  if (attempt == 0)
    return g_strdup_printf ("%s_%s%s", out->stem, stamp, out->ext);
  return g_strdup_printf ("%s_%s-%u%s", out->stem, stamp, attempt + 1, out->ext);
}

static gboolean
output_open_file (SsHelperOutput  *out,
                  GError         **error)
{
  SsCapWriterOptions wopts = { 0 };
  g_autofree char *path = NULL;
  struct stat st;
  int fd = -1;

  wopts.format = out->options->format;
  wopts.compression = out->options->compression;
  wopts.flush_each = FALSE;
  wopts.shb_application = "stratoshark-capture " PACKAGE_VERSION;
  /* Say in the file why long packets are cut, for whoever opens it later. */
  if (out->options->snaplen < SS_HELPER_DEFAULT_SNAPLEN)
    wopts.shb_comment = out->snaplen_comment;

  if (strcmp (out->options->output, "-") == 0)
    {
      fd = STDOUT_FILENO;
      path = g_strdup ("-");
      wopts.flush_each = TRUE;
    }
  else if (!out->rotating)
    {
      path = g_strdup (out->options->output);
      fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
      /* An existing file keeps its old mode through O_TRUNC: make it private too. Devices
       * and pipes (--output /dev/stdout) are left alone. */
      if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
        (void) fchmod (fd, 0600);
    }
  else
    {
      gint64 start = now_ms ();

      for (guint attempt = 0; attempt < 1000; attempt++)
        {
          g_free (path);
          path = rotated_name (out, start, attempt);
          fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
          if (fd >= 0 || errno != EEXIST)
            break;
        }
    }
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_WRITE,
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  out->writer = ss_cap_writer_new_for_fd (fd, fd != STDOUT_FILENO, &wopts, error);
  if (out->writer == NULL)
    {
      if (fd != STDOUT_FILENO)
        close (fd);
      return FALSE;
    }
  out->fd = fd;
  out->synced = 0;
  out->synced_bytes = 0;
  for (guint i = 0; i < out->interfaces->len; i++)
    {
      OutputInterface *iface = &g_array_index (out->interfaces, OutputInterface, i);

      if (ss_cap_writer_add_interface (out->writer, iface->link_type, iface->snaplen,
                                       iface->name, error) < 0)
        return FALSE;
    }
  g_free (out->path);
  out->path = g_steal_pointer (&path);
  out->files++;
  ss_helper_status_send (out->status_fd, SS_HELPER_STATUS_FILE, "%s", out->path);

  if (out->rotating)
    {
      g_queue_push_tail (&out->ring, g_strdup (out->path));
      /* The ring holds N files: the oldest goes once the newest exists. */
      while (out->options->rotate_files > 0 && out->ring.length > out->options->rotate_files)
        {
          g_autofree char *old = g_queue_pop_head (&out->ring);

          if (unlink (old) != 0 && errno != ENOENT)
            g_printerr ("stratoshark-capture: could not delete %s: %s\n", old,
                        g_strerror (errno));
        }
    }
  if (out->options->rotate_time_ms > 0)
    {
      gint64 now = now_ms ();
      gint64 rt = out->options->rotate_time_ms;
      /* Align on the local clock, so that hourly files start on the hour. */
      time_t t = (time_t) (now / 1000);
      struct tm tm;
      gint64 offset_ms;

      localtime_r (&t, &tm);
      offset_ms = (gint64) tm.tm_gmtoff * 1000;
      out->next_rotation_ms = ((now + offset_ms) / rt + 1) * rt - offset_ms;
    }
  else
    out->next_rotation_ms = G_MAXINT64;
  return TRUE;
}

static gboolean
output_close_file (SsHelperOutput  *out,
                   GError         **error)
{
  SsCapWriter *w = g_steal_pointer (&out->writer);

  if (w == NULL)
    return TRUE;
  /* A file with no packet still gets its headers, so every file of the ring is readable. */
  return ss_cap_writer_close (w, error);
}

static gboolean
output_rotate (SsHelperOutput  *out,
               GError         **error)
{
  if (!output_close_file (out, error))
    return FALSE;
  out->synced_packets = out->packets;
  return output_open_file (out, error);
}

SsHelperOutput *
ss_helper_output_new (const SsHelperOptions  *options,
                      GError                **error)
{
  SsHelperOutput *out = g_new0 (SsHelperOutput, 1);

  out->options = options;
  out->status_fd = options->status_fd;
  out->fd = -1;
  out->interfaces = g_array_new (FALSE, TRUE, sizeof (OutputInterface));
  g_array_set_clear_func (out->interfaces, output_interface_clear);
  g_queue_init (&out->ring);
  out->rotating = options->rotate_time_ms > 0 || options->rotate_size > 0;
  split_name (out, options->output);
  out->snaplen_comment = g_strdup_printf ("Captured with --snaplen %u: packets longer than %u "
                                          "bytes are cut short", options->snaplen,
                                          options->snaplen);
  out->next_rotation_ms = G_MAXINT64;
  if (!output_open_file (out, error))
    {
      ss_helper_output_free (out);
      return NULL;
    }
  return out;
}

void
ss_helper_output_set_status_fd (SsHelperOutput *out,
                                int             fd)
{
  out->status_fd = fd;
}

gint
ss_helper_output_add_interface (SsHelperOutput  *out,
                                guint            link_type,
                                guint32          snaplen,
                                const char      *name,
                                GError         **error)
{
  OutputInterface iface = { link_type, snaplen, g_strdup (name) };
  gint id = ss_cap_writer_add_interface (out->writer, link_type, snaplen, name, error);

  if (id < 0)
    {
      g_free (iface.name);
      return -1;
    }
  g_array_append_val (out->interfaces, iface);
  return id;
}

gboolean
ss_helper_output_write (SsHelperOutput          *out,
                        guint                    interface_id,
                        gint64                   ts_ns,
                        const guint8            *data,
                        guint32                  caplen,
                        guint32                  len,
                        guint32                  epb_flags,
                        const char              *comment,
                        const SsCapWriterOption *options,
                        guint                    n_options,
                        GError                 **error)
{
  if (out->writer == NULL)
    return FALSE;
  if (out->rotating)
    {
      gboolean full = out->options->rotate_size > 0
                      && ss_cap_writer_get_bytes_written (out->writer) >= out->options->rotate_size;

      if (((full && ss_cap_writer_get_packets_written (out->writer) > 0)
           || now_ms () >= out->next_rotation_ms)
          && !output_rotate (out, error))
        return FALSE;
    }
  if (!ss_cap_writer_write_packet (out->writer, interface_id, ts_ns, data, caplen, len,
                                   epb_flags, comment, options, n_options, error))
    return FALSE;
  out->packets++;
  /* Sync by size too, not only every few milliseconds: when the disk fills up, the file is cut
   * back to the last sync, so at most SYNC_BYTES of packets are lost however fast they come. */
  if (ss_cap_writer_get_bytes_written (out->writer) - out->synced_bytes >= SYNC_BYTES)
    return ss_helper_output_sync (out, error);
  return TRUE;
}

gboolean
ss_helper_output_tick (SsHelperOutput  *out,
                       gint64          *next_ms,
                       GError         **error)
{
  gint64 now = now_ms ();

  if (out->writer && out->rotating && now >= out->next_rotation_ms && !output_rotate (out, error))
    return FALSE;
  if (next_ms)
    *next_ms = out->next_rotation_ms == G_MAXINT64 ? G_MAXINT64
                                                   : MAX (out->next_rotation_ms - now_ms (), 0);
  return TRUE;
}

gboolean
ss_helper_output_sync_due (const SsHelperOutput *out,
                           gint64                interval_ms)
{
  return g_get_monotonic_time () / 1000 - out->synced_at >= interval_ms;
}

gboolean
ss_helper_output_sync (SsHelperOutput  *out,
                       GError         **error)
{
  off_t pos;

  if (out->writer == NULL)
    return FALSE;
  if (!ss_cap_writer_flush (out->writer, error))
    return FALSE;
  pos = lseek (out->fd, 0, SEEK_CUR);
  if (pos >= 0)
    out->synced = pos;
  out->synced_at = g_get_monotonic_time () / 1000;
  out->synced_packets = out->packets;
  out->synced_bytes = ss_cap_writer_get_bytes_written (out->writer);
  return TRUE;
}

void
ss_helper_output_abandon (SsHelperOutput *out)
{
  SsCapWriter *w = g_steal_pointer (&out->writer);

  if (w == NULL)
    return;
  /* Cut the half-written block so readers see a file that ends cleanly. Compressed files end
   * on the last flush point, which zlib readers decode up to. */
  if (out->fd != STDOUT_FILENO && out->synced > 0)
    (void) ftruncate (out->fd, out->synced);
  ss_cap_writer_free (w);
}

gboolean
ss_helper_output_close (SsHelperOutput  *out,
                        GError         **error)
{
  return output_close_file (out, error);
}

void
ss_helper_output_free (SsHelperOutput *out)
{
  if (out == NULL)
    return;
  g_clear_pointer (&out->writer, ss_cap_writer_free);
  g_clear_pointer (&out->interfaces, g_array_unref);
  g_queue_clear_full (&out->ring, g_free);
  g_free (out->stem);
  g_free (out->ext);
  g_free (out->snaplen_comment);
  g_free (out->path);
  g_free (out);
}

guint64
ss_helper_output_get_packets (const SsHelperOutput *out)
{
  return out->packets;
}

guint64
ss_helper_output_get_synced_packets (const SsHelperOutput *out)
{
  return out->synced_packets;
}

guint
ss_helper_output_get_files (const SsHelperOutput *out)
{
  return out->files;
}

const char *
ss_helper_output_get_path (const SsHelperOutput *out)
{
  return out->path;
}
