/* ss-helper-status.c: status messages on the --status-fd channel (format in ss-helper-proto.h) */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "ss-helper.h"

G_DEFINE_QUARK (ss-helper-error-quark, ss_helper_error)

void
ss_helper_status_send (int                 fd,
                       SsHelperStatusType  type,
                       const char         *format,
                       ...)
{
  g_autofree char *payload = NULL;
  guint8 msg[SS_HELPER_STATUS_HEADER_LEN + SS_HELPER_STATUS_MAX_LEN];
  const guint8 *p = msg;
  gsize len;
  gsize left;
  va_list ap;

  if (fd < 0)
    return;

  va_start (ap, format);
  payload = g_strdup_vprintf (format, ap);
  va_end (ap);

  len = strlen (payload);
  if (len > SS_HELPER_STATUS_MAX_LEN)
    len = SS_HELPER_STATUS_MAX_LEN;
  msg[0] = (guint8) type;
  msg[1] = (guint8) (len >> 16);
  msg[2] = (guint8) (len >> 8);
  msg[3] = (guint8) len;
  memcpy (msg + SS_HELPER_STATUS_HEADER_LEN, payload, len);

  /* A status reader that has gone away must not stop the capture: the data still goes out. */
  left = SS_HELPER_STATUS_HEADER_LEN + len;
  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      p += n;
      left -= (gsize) n;
    }
}
