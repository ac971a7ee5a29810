/* ss-capture-helper.h: the unprivileged side of a live capture
 *
 * Starts stratoshark-capture (directly when it has its capabilities or the caller is root,
 * otherwise through pkexec) with pcapng on its standard output and status messages on a second
 * pipe, and reads those messages (format in src/helper/ss-helper-proto.h), refusing any message
 * longer than SS_HELPER_STATUS_MAX_LEN before allocating for it. The GUI's Capture dialog and
 * `stratoshark capture` front ends use it; it never parses packets.
 */
#pragma once

#include <gio/gio.h>

#include "ss-helper-proto.h"

G_BEGIN_DECLS

#define SS_CAPTURE_ERROR (ss_capture_error_quark ())

typedef enum
{
  SS_CAPTURE_ERROR_SPAWN,       /* the helper could not be started */
  SS_CAPTURE_ERROR_PROTOCOL,    /* a status message that breaks the format */
} SsCaptureErrorCode;

GQuark ss_capture_error_quark (void);

/* Counters of the last STATS message (0 when absent). */
typedef struct
{
  guint64 packets;
  guint64 kernel_drops;
  guint64 if_drops;
  guint64 ring_drops;
  guint64 filtered;
  guint64 files;
} SsCaptureStats;

/* Reassembles status messages from whatever pieces a pipe delivers. */
typedef struct _SsCaptureStatusReader SsCaptureStatusReader;

SsCaptureStatusReader *ss_capture_status_reader_new   (void);
void                   ss_capture_status_reader_free  (SsCaptureStatusReader *reader);
/* Appends @len bytes. FALSE (SS_CAPTURE_ERROR_PROTOCOL) when a header announces more than
 * SS_HELPER_STATUS_MAX_LEN bytes or an unknown type; the reader then stays failed. */
gboolean               ss_capture_status_reader_feed  (SsCaptureStatusReader *reader,
                                                       const guint8          *data,
                                                       gsize                  len,
                                                       GError               **error);
/* The next complete message: its type, and its text in *text (the caller's to free). FALSE
 * when no complete message is waiting. */
gboolean               ss_capture_status_reader_steal_next (SsCaptureStatusReader *reader,
                                                            SsHelperStatusType    *type,
                                                            char                 **text);

/* Parses a STATS payload ("packets=1 kernel_drops=0 ..."), ignoring unknown keys. */
gboolean               ss_capture_stats_parse         (const char            *text,
                                                       SsCaptureStats        *stats);

/* Path of the helper: next to @self_exe, in the build tree (../helper), or PREFIX/libexec.
 * NULL when none is executable. */
char                  *ss_capture_helper_dup_path     (const char            *self_exe);

/* Starts @helper with @args (the capture options, without --output and --status-fd, which are
 * added: pcapng comes on the returned process's stdout pipe). When @use_pkexec, runs it through
 * pkexec. *status_fd receives the read end of the status pipe (the caller closes it). */
GSubprocess           *ss_capture_helper_spawn        (const char            *helper,
                                                       const char * const    *args,
                                                       gboolean               use_pkexec,
                                                       int                   *status_fd,
                                                       GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsCaptureStatusReader, ss_capture_status_reader_free)

G_END_DECLS
