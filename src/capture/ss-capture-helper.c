/* ss-capture-helper.c: starting stratoshark-capture and reading its status channel */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "ss-capture-helper.h"

G_DEFINE_QUARK (ss-capture-error-quark, ss_capture_error)

struct _SsCaptureStatusReader
{
  GByteArray *buf;
  gboolean    failed;
};

SsCaptureStatusReader *
ss_capture_status_reader_new (void)
{
  SsCaptureStatusReader *reader = g_new0 (SsCaptureStatusReader, 1);

  reader->buf = g_byte_array_new ();
  return reader;
}

void
ss_capture_status_reader_free (SsCaptureStatusReader *reader)
{
  if (reader == NULL)
    return;
  g_byte_array_unref (reader->buf);
  g_free (reader);
}

static gboolean
known_type (guint8 t)
{
  switch (t)
    {
    case SS_HELPER_STATUS_READY:
    case SS_HELPER_STATUS_FILE:
    case SS_HELPER_STATUS_STATS:
    case SS_HELPER_STATUS_WARNING:
    case SS_HELPER_STATUS_ERROR:
    case SS_HELPER_STATUS_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Checks the header at the start of the buffer, if it is complete. */
static gboolean
check_header (SsCaptureStatusReader  *reader,
              GError                **error)
{
  const guint8 *h = reader->buf->data;
  guint32 len;

  if (reader->buf->len < SS_HELPER_STATUS_HEADER_LEN)
    return TRUE;
  len = (guint32) h[1] << 16 | (guint32) h[2] << 8 | h[3];
  if (!known_type (h[0]) || len > SS_HELPER_STATUS_MAX_LEN)
    {
      reader->failed = TRUE;
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_PROTOCOL,
                   _("The capture helper sent a malformed status message (type %u, %u bytes)"),
                   h[0], len);
      return FALSE;
    }
  return TRUE;
}

gboolean
ss_capture_status_reader_feed (SsCaptureStatusReader  *reader,
                               const guint8           *data,
                               gsize                   len,
                               GError                **error)
{
  if (reader->failed)
    {
      g_set_error (error, SS_CAPTURE_ERROR, SS_CAPTURE_ERROR_PROTOCOL,
                   _("The capture helper's status channel is broken"));
      return FALSE;
    }
  /* Never hold more than one maximal message plus one read's worth beyond what is parsed. */
  g_byte_array_append (reader->buf, data, (guint) len);
  return check_header (reader, error);
}

gboolean
ss_capture_status_reader_steal_next (SsCaptureStatusReader  *reader,
                                     SsHelperStatusType     *type,
                                     char                  **text)
{
  const guint8 *h = reader->buf->data;
  guint32 len;

  if (reader->failed || reader->buf->len < SS_HELPER_STATUS_HEADER_LEN)
    return FALSE;
  len = (guint32) h[1] << 16 | (guint32) h[2] << 8 | h[3];
  if (reader->buf->len < SS_HELPER_STATUS_HEADER_LEN + len)
    return FALSE;
  *type = (SsHelperStatusType) h[0];
  *text = g_strndup ((const char *) h + SS_HELPER_STATUS_HEADER_LEN, len);
  if (!g_utf8_validate (*text, -1, NULL))
    g_strlcpy (*text, "?", len + 1);
  g_byte_array_remove_range (reader->buf, 0, SS_HELPER_STATUS_HEADER_LEN + len);
  /* The next header is checked as soon as it is complete. */
  check_header (reader, NULL);
  return TRUE;
}

gboolean
ss_capture_stats_parse (const char     *text,
                        SsCaptureStats *stats)
{
  static const struct { const char *key; gsize offset; } keys[] = {
    { "packets", G_STRUCT_OFFSET (SsCaptureStats, packets) },
    { "kernel_drops", G_STRUCT_OFFSET (SsCaptureStats, kernel_drops) },
    { "if_drops", G_STRUCT_OFFSET (SsCaptureStats, if_drops) },
    { "ring_drops", G_STRUCT_OFFSET (SsCaptureStats, ring_drops) },
    { "filtered", G_STRUCT_OFFSET (SsCaptureStats, filtered) },
    { "files", G_STRUCT_OFFSET (SsCaptureStats, files) },
  };
  g_auto(GStrv) pairs = g_strsplit (text, " ", -1);

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; pairs[i]; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      guint64 v;

      if (eq == NULL || !g_ascii_string_to_unsigned (eq + 1, 10, 0, G_MAXUINT64, &v, NULL))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if ((gsize) (eq - pairs[i]) == strlen (keys[k].key)
            && strncmp (pairs[i], keys[k].key, strlen (keys[k].key)) == 0)
          G_STRUCT_MEMBER (guint64, stats, keys[k].offset) = v;
    }
  return TRUE;
}

char *
ss_capture_helper_dup_path (const char *self_exe)
{
  g_autofree char *dir = g_path_get_dirname (self_exe);
  char *candidates[] = {
    g_build_filename (dir, "stratoshark-capture", NULL),
    g_build_filename (dir, "..", "helper", "stratoshark-capture", NULL),
    g_build_filename (dir, "..", "libexec", "stratoshark-capture", NULL),
  };
  char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (found == NULL && g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE)
          && !g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
        found = g_steal_pointer (&candidates[i]);
      g_free (candidates[i]);
    }
  return found;
}

GSubprocess *
ss_capture_helper_spawn (const char          *helper,
                         const char * const  *args,
                         gboolean             use_pkexec,
                         int                 *status_fd,
                         GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GSubprocess *proc;
  int fds[2];
  /* The helper sees the status pipe as descriptor 3 whatever it is here. */
  const int child_fd = 3;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return NULL;
  if (use_pkexec)
    g_ptr_array_add (argv, (char *) "pkexec");
  g_ptr_array_add (argv, (char *) helper);
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, (char *) "--output");
  g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, (char *) "--status-fd");
  g_ptr_array_add (argv, (char *) "3");
  /* Closing the helper's standard input stops it cleanly, even through pkexec (root). */
  g_ptr_array_add (argv, (char *) "--stop-fd");
  g_ptr_array_add (argv, (char *) "0");
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_take_fd (launcher, fds[1], child_fd);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  if (proc == NULL)
    {
      close (fds[0]);
      if (error && *error)
        g_prefix_error (error, "%s", _("Could not start the capture helper: "));
      return NULL;
    }
  *status_fd = fds[0];
  return proc;
}
