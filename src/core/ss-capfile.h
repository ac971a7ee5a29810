/* ss-capfile.h: reading capture files (pcap, pcapng; plain, gzip, zstd or lz4)
 *
 * A capture file is opened once, its bytes made addressable (memory-mapped when the file is
 * plain, decompressed into an anonymous memory file and mapped when it is compressed), and its
 * records indexed into a compact array of SsFrameRecord. Any frame can then be reached by number
 * without reading the file again.
 *
 * Indexing can be done in steps (ss_capfile_index() with a frame budget) so a GUI can show the
 * first rows while the rest is still being read. A file that breaks in the middle keeps every
 * frame read before the break: the error says where it broke and the frames stay usable.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SS_CAPFILE_ERROR (ss_capfile_error_quark ())

typedef enum
{
  SS_CAPFILE_ERROR_OPEN,            /* cannot open or map the file (errno text in message) */
  SS_CAPFILE_ERROR_UNKNOWN_FORMAT,  /* neither pcap nor pcapng, after decompression */
  SS_CAPFILE_ERROR_TRUNCATED,       /* the file ends in the middle of a header or record */
  SS_CAPFILE_ERROR_CORRUPT,         /* a length or field that cannot be right */
  SS_CAPFILE_ERROR_UNSUPPORTED,     /* valid but not handled (e.g. unknown pcapng major version) */
  SS_CAPFILE_ERROR_DECOMPRESS,      /* gzip/zstd/lz4 stream is damaged */
  SS_CAPFILE_ERROR_WRITE,           /* writing failed (disk full, permission...) */
} SsCapfileError;

typedef enum
{
  SS_CAPFILE_FORMAT_PCAP,           /* classic libpcap, microsecond */
  SS_CAPFILE_FORMAT_PCAP_NSEC,      /* classic libpcap, nanosecond magic a1b23c4d */
  SS_CAPFILE_FORMAT_PCAPNG,
} SsCapfileFormat;

typedef enum
{
  SS_COMPRESSION_NONE,
  SS_COMPRESSION_GZIP,
  SS_COMPRESSION_ZSTD,
  SS_COMPRESSION_LZ4,
} SsCompression;

/* Largest caplen accepted for one record, as Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD. A record
 * claiming more is reported as corrupt instead of being trusted. */
#define SS_CAPFILE_MAX_CAPLEN 262144u

/* Where a record came from (pcapng block type or classic pcap). */
typedef enum
{
  SS_BLOCK_PCAP_RECORD = 0,
  SS_BLOCK_EPB         = 1,   /* Enhanced Packet Block */
  SS_BLOCK_SPB         = 2,   /* Simple Packet Block */
  SS_BLOCK_OPB         = 3,   /* obsolete Packet Block */
} SsBlockKind;

/* One indexed frame: 32 bytes, kept compact because a capture has millions of them. */
typedef struct
{
  guint64 data_offset;   /* offset of the packet bytes in the (decompressed) file */
  gint64  ts_ns;         /* nanoseconds since the epoch (if_tsoffset applied) */
  guint32 caplen;        /* bytes present in the file */
  guint32 len;           /* length on the wire */
  guint16 interface_id;  /* index into the interfaces (global across pcapng sections) */
  guint8  block_kind;    /* SsBlockKind */
  guint8  has_options;   /* the record carries pcapng options (comments, custom options...) */
  guint32 epb_flags;     /* pcapng epb_flags option, 0 when absent */
} SsFrameRecord;

G_STATIC_ASSERT (sizeof (SsFrameRecord) == 32);

typedef struct
{
  guint        link_type;     /* LINKTYPE_* value */
  guint32      snaplen;
  const char  *name;          /* if_name, or NULL */
  const char  *description;   /* if_description, or NULL */
  guint64      ts_resolution; /* units per second (1000000 for microseconds) */
  gint64       ts_offset_s;   /* if_tsoffset in seconds */
  guint        section;       /* index of the pcapng section it belongs to (0 for pcap) */
} SsInterface;

/* A pcapng option of a packet record, as stored: code and raw value bytes (points into the
 * mapped file). Custom options (2988/2989/19372/19373) carry their Private Enterprise Number in
 * the first four bytes of value, in the section's byte order. */
typedef struct
{
  guint16        code;
  guint16        length;
  const guint8  *value;
} SsCapfileOption;

typedef struct _SsCapfile SsCapfile;

GQuark               ss_capfile_error_quark          (void);

/* Opens @path (or "-" for standard input, which is read fully into memory first), detects the
 * compression and the format from the content (never from the name) and reads the file header.
 * No frame is indexed yet: call ss_capfile_index(). */
SsCapfile           *ss_capfile_open                 (const char       *path,
                                                      GError          **error);
/* Same from bytes in memory; the capfile keeps a reference to @bytes. */
SsCapfile           *ss_capfile_open_bytes           (GBytes           *bytes,
                                                      GError          **error);
void                 ss_capfile_free                 (SsCapfile        *cap);
/* Opens a plain pcap or pcapng file that a live capture is still writing, of which the first
 * @size bytes are written (at least the file header). Indexing stops at the end of what is
 * written without completing; ss_capfile_grow() says how far the file now goes. The writer
 * must only announce whole records (pcapng blocks). */
SsCapfile           *ss_capfile_open_growing         (const char       *path,
                                                      guint64           size,
                                                      GError          **error);
/* The growing file now holds @size bytes (a record boundary); @final when it will not grow
 * again (indexing then completes at its end). FALSE when @cap is not growing. */
gboolean             ss_capfile_grow                 (SsCapfile        *cap,
                                                      guint64           size,
                                                      gboolean          final);

/* Indexes up to @max_frames more frames (0 means all the rest). Returns FALSE and sets @error
 * when the file is damaged at the point reached; the frames indexed so far stay valid and
 * ss_capfile_is_complete() is TRUE afterwards (nothing more will be read). */
gboolean             ss_capfile_index                (SsCapfile        *cap,
                                                      guint             max_frames,
                                                      GError          **error);
gboolean             ss_capfile_is_complete          (const SsCapfile  *cap);
/* Makes room for @n_frames records in the frame table, so that indexing up to that many frames
 * does not move it (other threads may then read the records of frames already indexed while
 * this one indexes more; the interfaces of a pcapng file may still change). Returns @n_frames. */
guint                ss_capfile_reserve_frames       (SsCapfile        *cap,
                                                      guint             n_frames);
/* The error that stopped indexing, or NULL when the file was read to its end. */
const GError        *ss_capfile_get_error            (const SsCapfile  *cap);

guint                ss_capfile_get_n_frames         (const SsCapfile  *cap);
/* @index is 0-based (frame number minus one). */
const SsFrameRecord *ss_capfile_get_frame            (const SsCapfile  *cap,
                                                      guint             index);
const guint8        *ss_capfile_get_frame_data       (const SsCapfile  *cap,
                                                      guint             index);

SsCapfileFormat      ss_capfile_get_format           (const SsCapfile  *cap);
SsCompression        ss_capfile_get_compression      (const SsCapfile  *cap);
const char          *ss_capfile_get_path             (const SsCapfile  *cap);
/* Size of the file on disk (compressed size when compressed). */
guint64              ss_capfile_get_file_size        (const SsCapfile  *cap);

guint                ss_capfile_get_n_interfaces     (const SsCapfile  *cap);
const SsInterface   *ss_capfile_get_interface        (const SsCapfile  *cap,
                                                      guint             interface_id);
/* The link type of a frame (its interface's). */
guint                ss_capfile_get_frame_link_type  (const SsCapfile  *cap,
                                                      guint             index);

/* Options of a frame's record (empty array when none). The values point into the mapped file
 * and live as long as @cap. */
GArray              *ss_capfile_list_frame_options   (const SsCapfile  *cap,
                                                      guint             index);
/* opt_comment values of a frame, as NUL-terminated UTF-8 strings (NULL-terminated vector, NULL
 * when there is none). */
char               **ss_capfile_dup_frame_comments   (const SsCapfile  *cap,
                                                      guint             index);
/* Comments of the first section header block (shb_comment), NULL-terminated or NULL. */
char               **ss_capfile_dup_section_comments (const SsCapfile  *cap);
/* shb_hardware, shb_os, shb_userappl of the first section, or NULL. */
const char          *ss_capfile_get_shb_hardware     (const SsCapfile  *cap);
const char          *ss_capfile_get_shb_os           (const SsCapfile  *cap);
const char          *ss_capfile_get_shb_application  (const SsCapfile  *cap);

/* Name resolution records (NRB) seen so far: IPv4/IPv6 address bytes to name. */
const char          *ss_capfile_lookup_name          (const SsCapfile  *cap,
                                                      const guint8     *addr,
                                                      guint             addr_len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsCapfile, ss_capfile_free)

G_END_DECLS
