/* ss-capwrite.h: writing capture files (pcapng or classic pcap, optionally gzip-compressed)
 *
 * Used by `-w` in the CLI, by Export Specified Packets in the GUI and by the capture helper.
 * Files are created with mode 0600: captures hold secrets. Writing to a file descriptor (a pipe
 * or standard output) is supported for live streaming; such a stream is flushed after every
 * packet when asked to.
 */
#pragma once

#include <glib.h>

#include "ss-capfile.h"

G_BEGIN_DECLS

typedef struct _SsCapWriter SsCapWriter;

typedef struct
{
  SsCapfileFormat format;        /* PCAP, PCAP_NSEC or PCAPNG */
  SsCompression   compression;   /* NONE or GZIP (others refused with UNSUPPORTED) */
  gboolean        flush_each;    /* flush after every packet (live pipes) */
  const char     *shb_comment;   /* pcapng only, may be NULL */
  const char     *shb_hardware;  /* pcapng only, may be NULL */
  const char     *shb_os;        /* pcapng only, may be NULL */
  const char     *shb_application; /* pcapng only, may be NULL ("StratoShark x.y" when NULL) */
} SsCapWriterOptions;

/* Creates @path (0600, truncating an existing file). "-" writes to standard output. */
SsCapWriter *ss_cap_writer_new_for_path     (const char               *path,
                                             const SsCapWriterOptions *options,
                                             GError                  **error);
/* Writes to @fd; the writer does not close it unless @close_fd. */
SsCapWriter *ss_cap_writer_new_for_fd       (int                       fd,
                                             gboolean                  close_fd,
                                             const SsCapWriterOptions *options,
                                             GError                  **error);

/* Declares an interface and returns its id (0, 1, ...). Classic pcap has exactly one interface:
 * a second one is refused with SS_CAPFILE_ERROR_UNSUPPORTED. The file header (pcap) or SHB+IDB
 * (pcapng) is written lazily before the first packet. @name may be NULL. */
gint         ss_cap_writer_add_interface    (SsCapWriter              *writer,
                                             guint                     link_type,
                                             guint32                   snaplen,
                                             const char               *name,
                                             GError                  **error);

/* A pcapng option to attach to a packet (ignored for classic pcap). */
typedef struct
{
  guint16        code;
  guint16        length;
  const guint8  *value;
} SsCapWriterOption;

/* Writes one packet. @caplen bytes of @data are written; @len is the length on the wire
 * (>= caplen). @comment (may be NULL) becomes an opt_comment; @options (may be NULL) are extra
 * pcapng options such as custom options. @epb_flags 0 means no epb_flags option. */
gboolean     ss_cap_writer_write_packet     (SsCapWriter              *writer,
                                             guint                     interface_id,
                                             gint64                    ts_ns,
                                             const guint8             *data,
                                             guint32                   caplen,
                                             guint32                   len,
                                             guint32                   epb_flags,
                                             const char               *comment,
                                             const SsCapWriterOption  *options,
                                             guint                     n_options,
                                             GError                  **error);

gboolean     ss_cap_writer_flush            (SsCapWriter              *writer,
                                             GError                  **error);
/* Flushes, finishes the gzip stream and closes the file. Returns FALSE when any of that failed
 * (for example ENOSPC); the writer is freed either way. */
gboolean     ss_cap_writer_close            (SsCapWriter              *writer,
                                             GError                  **error);
/* Frees without reporting errors (for cleanup paths). */
void         ss_cap_writer_free             (SsCapWriter              *writer);

guint64      ss_cap_writer_get_bytes_written (const SsCapWriter       *writer);
guint64      ss_cap_writer_get_packets_written (const SsCapWriter     *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsCapWriter, ss_cap_writer_free)

G_END_DECLS
