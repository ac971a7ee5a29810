/* ss-capfile.c: reading capture files (pcap, pcapng; plain, gzip, zstd or lz4)
 *
 * Formats followed:
 *  - classic pcap: draft-ietf-opsawg-pcap (and libpcap's sf-pcap.c for the FCS bits of the link
 *    type and the "modified" record header of magic 0xa1b2cd34);
 *  - pcapng: draft-ietf-opsawg-pcapng (§4.1 SHB, §4.2 IDB, §4.3 EPB, §4.4 SPB, §4.5 NRB,
 *    §4.6 ISB, §4.8 custom blocks, Appendix A obsolete Packet Block, §3.5 options).
 *
 * The whole (decompressed) file is addressable: plain files are mapped, compressed ones are
 * streamed into an anonymous memory file which is then mapped, so a frame is always a pointer
 * and an offset. Nothing is allocated per frame while indexing.
 *
 * Where the file is damaged, the behaviour follows Wireshark 4.0's wiretap (which tshark uses):
 * frames before the damage are kept, and a length that cannot be right stops reading.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE  /* memfd_create () */
#endif
#include "config.h"

#include "ss-capfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <lz4frame.h>
#include <zlib.h>
#include <zstd.h>

#ifndef __SIZEOF_INT128__
#error "timestamp conversion needs a 128-bit integer type"
#endif

#define PCAP_MAGIC_USEC        0xa1b2c3d4u
#define PCAP_MAGIC_NSEC        0xa1b23c4du
#define PCAP_MAGIC_MODIFIED    0xa1b2cd34u  /* Alexey Kuznetzov's patched libpcap */
#define PCAP_FILE_HEADER_LEN   24u
#define PCAP_RECORD_LEN        16u
#define PCAP_MODIFIED_RECORD_LEN 24u
#define PCAP_LINKTYPE_MASK     0x03FFFFFFu  /* upper bits carry the FCS length (sf-pcap.c) */

#define PCAPNG_BT_SHB          0x0A0D0D0Au
#define PCAPNG_BT_IDB          0x00000001u
#define PCAPNG_BT_PB           0x00000002u
#define PCAPNG_BT_SPB          0x00000003u
#define PCAPNG_BT_NRB          0x00000004u
#define PCAPNG_BT_ISB          0x00000005u
#define PCAPNG_BT_EPB          0x00000006u
#define PCAPNG_BYTE_ORDER_MAGIC 0x1A2B3C4Du

/* Minimum total lengths: block header (8) + fixed body + trailing length (4). */
#define PCAPNG_SHB_MIN_LEN     28u
#define PCAPNG_IDB_MIN_LEN     20u
#define PCAPNG_EPB_MIN_LEN     32u   /* also the obsolete Packet Block */
#define PCAPNG_SPB_MIN_LEN     16u
#define PCAPNG_NRB_MIN_LEN     12u
#define PCAPNG_ISB_MIN_LEN     24u
#define PCAPNG_EPB_DATA_START  28u   /* offset of the packet data from the start of an EPB/PB */
#define PCAPNG_SPB_DATA_START  12u

#define PCAPNG_OPT_ENDOFOPT    0
#define PCAPNG_OPT_COMMENT     1
#define PCAPNG_OPT_SHB_HARDWARE 2
#define PCAPNG_OPT_SHB_OS      3
#define PCAPNG_OPT_SHB_USERAPPL 4
#define PCAPNG_OPT_IF_NAME     2
#define PCAPNG_OPT_IF_DESCRIPTION 3
#define PCAPNG_OPT_IF_TSRESOL  9
#define PCAPNG_OPT_IF_TSOFFSET 14
#define PCAPNG_OPT_EPB_FLAGS   2     /* pack_flags in the obsolete Packet Block */

#define PCAPNG_NRB_RECORD_END  0
#define PCAPNG_NRB_RECORD_IPV4 1
#define PCAPNG_NRB_RECORD_IPV6 2

#define NS_PER_SECOND          G_GINT64_CONSTANT (1000000000)
/* Output is taken in pieces of one zstd block (ZSTD_DStreamOutSize ()): a larger buffer would let
 * zstd decode a whole frame in one go, and a damaged frame would then yield nothing at all. */
#define DECOMPRESS_CHUNK       (128u * 1024u)
#define MAX_INTERFACES         (G_MAXUINT16 + 1u)  /* SsFrameRecord.interface_id is 16 bits */

typedef enum
{
  TS_SCALE_MULTIPLY,   /* ns = ts * factor (resolution 10^-k, k <= 9) */
  TS_SCALE_DIVIDE,     /* ns = ts / factor (resolution 10^-k, 9 < k <= 28) */
  TS_SCALE_ZERO,       /* resolution so fine that every 64-bit count is below 1 ns */
  TS_SCALE_SHIFT,      /* ns = ts * 10^9 >> factor (resolution 2^-k) */
} TsScale;

typedef struct
{
  SsInterface  pub;
  char        *name;
  char        *description;
  TsScale      scale;
  guint64      factor;
} CapInterface;

typedef struct
{
  gboolean swap;           /* the section's byte order differs from the host's */
  guint    first_interface;
} CapSection;

struct _SsCapfile
{
  char            *path;
  char            *display_name;
  SsCompression    compression;
  SsCapfileFormat  format;
  guint64          file_size;

  /* The (decompressed) content: either mapped or held by @bytes. */
  GBytes          *bytes;
  void            *map;
  gsize            map_len;
  const guint8    *data;
  guint64          size;
  /* The decompressor stopped before the end of the compressed stream; reported once indexing
   * reaches the end of what was decompressed. */
  GError          *stream_error;

  GArray          *frames;       /* SsFrameRecord */
  GPtrArray       *interfaces;   /* CapInterface *, indexed by global interface id */
  GArray          *sections;     /* CapSection */
  GHashTable      *names;        /* GBytes (address) -> char * (NRB) */
  GPtrArray       *section_comments;
  char            *shb_hardware;
  char            *shb_os;
  char            *shb_application;

  /* Where indexing goes on. */
  guint64          pos;
  gboolean         swap;
  guint            record_header_len;  /* pcap */
  gint64           frac_to_ns;         /* pcap: 1000 (microseconds) or 1 */
  gboolean         complete;
  GError          *error;
  /* A live capture still being written (ss_capfile_open_growing): reaching the end of the data
   * is not the end of the file, and the mapping is a fixed window the file grows into. */
  gboolean         growing;
};

G_DEFINE_QUARK (ss-capfile-error-quark, ss_capfile_error)

static inline guint16
rd16 (const guint8 *p,
      gboolean      swap)
{
  guint16 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT16_SWAP_LE_BE (v) : v;
}

static inline guint32
rd32 (const guint8 *p,
      gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static inline guint64
rd64 (const guint8 *p,
      gboolean      swap)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT64_SWAP_LE_BE (v) : v;
}

static inline guint32
pad4 (guint32 n)
{
  return (n + 3u) & ~3u;
}

static void
cap_interface_free (gpointer data)
{
  CapInterface *iface = data;

  g_free (iface->name);
  g_free (iface->description);
  g_free (iface);
}

/* Timestamps ---------------------------------------------------------------------------------- */

/* if_tsresol (pcapng §4.2): the low 7 bits are an exponent of 10, or of 2 when the high bit is
 * set. A resolution that does not fit in 64 bits is reported as G_MAXUINT64, like Wireshark. */
static void
cap_interface_set_tsresol (CapInterface *iface,
                           guint8        tsresol)
{
  guint exponent = tsresol & 0x7f;

  if (tsresol & 0x80)
    {
      iface->scale = TS_SCALE_SHIFT;
      iface->factor = exponent;
      iface->pub.ts_resolution = exponent < 64 ? G_GUINT64_CONSTANT (1) << exponent : G_MAXUINT64;
      return;
    }

  iface->pub.ts_resolution = G_MAXUINT64;
  if (exponent <= 19)
    {
      guint64 r = 1;

      for (guint i = 0; i < exponent; i++)
        r *= 10;
      iface->pub.ts_resolution = r;
    }

  if (exponent <= 9)
    {
      iface->scale = TS_SCALE_MULTIPLY;
      iface->factor = 1;
      for (guint i = exponent; i < 9; i++)
        iface->factor *= 10;
    }
  else if (exponent - 9 <= 19)
    {
      iface->scale = TS_SCALE_DIVIDE;
      iface->factor = 1;
      for (guint i = 9; i < exponent; i++)
        iface->factor *= 10;
    }
  else
    {
      iface->scale = TS_SCALE_ZERO;
      iface->factor = 0;
    }
}

/* Converts a count of if_tsresol units to nanoseconds since the epoch. The result is
 * floor (ts * 10^9 / resolution) + ts_offset * 10^9, exact (Wireshark truncates the same way),
 * clamped to the gint64 range. */
static inline gint64
cap_interface_ts_to_ns (const CapInterface *iface,
                        guint64             ts)
{
  __int128 ns;

  switch (iface->scale)
    {
    case TS_SCALE_MULTIPLY:
      ns = (__int128) ts * (__int128) iface->factor;
      break;
    case TS_SCALE_DIVIDE:
      ns = ts / iface->factor;
      break;
    case TS_SCALE_SHIFT:
      ns = (__int128) (((unsigned __int128) ts * (unsigned __int128) NS_PER_SECOND)
                       >> iface->factor);
      break;
    case TS_SCALE_ZERO:
    default:
      ns = 0;
      break;
    }

  ns += (__int128) iface->pub.ts_offset_s * NS_PER_SECOND;
  if (ns > G_MAXINT64)
    return G_MAXINT64;
  if (ns < G_MININT64)
    return G_MININT64;
  return (gint64) ns;
}

/* Errors -------------------------------------------------------------------------------------- */

/* Stops indexing with @error (taking it). A record cut short at the very end of data that a
 * decompressor could not finish is reported as the decompression failure, its real cause. */
static gboolean
cap_stop (SsCapfile *cap,
          GError    *error,
          GError   **out_error)
{
  if (cap->stream_error != NULL && g_error_matches (error, SS_CAPFILE_ERROR,
                                                    SS_CAPFILE_ERROR_TRUNCATED))
    {
      g_clear_error (&error);
      error = g_error_copy (cap->stream_error);
    }

  g_clear_error (&cap->error);
  cap->error = error;
  cap->complete = TRUE;
  if (out_error != NULL)
    *out_error = g_error_copy (error);
  return FALSE;
}

static gboolean
cap_finish (SsCapfile *cap,
            GError   **error)
{
  cap->complete = TRUE;
  if (cap->stream_error != NULL)
    return cap_stop (cap, g_error_copy (cap->stream_error), error);
  return TRUE;
}

typedef enum
{
  FILE_OP_OPEN,
  FILE_OP_READ,
  FILE_OP_MAP,
} FileOp;

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name,
                 FileOp       op)
{
  const char *reason = g_strerror (saved_errno);

  switch (op)
    {
    case FILE_OP_OPEN:
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), display_name, reason);
      break;
    case FILE_OP_READ:
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN,
                   _("Could not read “%s”: %s"), display_name, reason);
      break;
    case FILE_OP_MAP:
    default:
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN,
                   _("Could not map “%s” into memory: %s"), display_name, reason);
      break;
    }
}

/* Getting the bytes --------------------------------------------------------------------------- */

static gboolean
read_fd_fully (int          fd,
               const char  *display_name,
               GBytes     **out,
               GError     **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  gsize len = 0;

  for (;;)
    {
      gssize n;

      if (buf->len - len < 65536)
        g_byte_array_set_size (buf, MAX (buf->len * 2, 262144u));
      n = read (fd, buf->data + len, buf->len - len);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          set_errno_error (error, saved_errno, display_name, FILE_OP_READ);
          return FALSE;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }

  g_byte_array_set_size (buf, len);
  *out = g_byte_array_free_to_bytes (g_steal_pointer (&buf));
  return TRUE;
}

typedef struct
{
  int          fd;
  guint64      total;
  const char  *display_name;
} MemSink;

static gboolean
mem_sink_write (MemSink       *sink,
                const guint8  *data,
                gsize          len,
                GError       **error)
{
  while (len > 0)
    {
      gssize n = write (sink->fd, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN,
                       _("Could not keep the decompressed contents of “%s” in memory: %s"),
                       sink->display_name, g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
      sink->total += (guint64) n;
    }
  return TRUE;
}

static GError *
stream_truncated_error (const char *display_name,
                        const char *kind,
                        guint64     decoded)
{
  return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                      /* Translators: the second %s is gzip, zstd or lz4 */
                      _("The file “%s” appears to have been cut short: its %s stream ends "
                        "early (after %llu bytes of decompressed data)"),
                      display_name, kind, (unsigned long long) decoded);
}

static GError *
stream_damaged_error (const char *display_name,
                      const char *kind,
                      guint64     decoded,
                      const char *detail)
{
  return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_DECOMPRESS,
                      /* Translators: the second %s is gzip, zstd or lz4, the last one the
                       * library's own explanation */
                      _("The compressed data of “%s” is damaged: its %s stream fails after "
                        "%llu bytes of decompressed data (%s)"),
                      display_name, kind, (unsigned long long) decoded, detail);
}

/* RFC 1952: a gzip file may hold several members one after the other; like gzip(1) and zlib's
 * gzread, anything after the last member that is not another member is ignored. */
static gboolean
inflate_gzip (MemSink       *sink,
              const guint8  *in,
              gsize          in_len,
              guint8        *buf,
              GError       **stream_error,
              GError       **error)
{
  z_stream zs = { 0 };
  gsize fed = 0;
  gboolean ok = TRUE;

  if (inflateInit2 (&zs, 15 + 16) != Z_OK)
    {
      *stream_error = stream_damaged_error (sink->display_name, "gzip", 0, "inflateInit2");
      return TRUE;
    }

  for (;;)
    {
      int ret;

      if (zs.avail_in == 0 && fed < in_len)
        {
          gsize chunk = MIN (in_len - fed, (gsize) 1 << 30);

          zs.next_in = (Bytef *) in + fed;
          zs.avail_in = (uInt) chunk;
          fed += chunk;
        }
      zs.next_out = buf;
      zs.avail_out = DECOMPRESS_CHUNK;
      ret = inflate (&zs, Z_NO_FLUSH);
      if (!mem_sink_write (sink, buf, DECOMPRESS_CHUNK - zs.avail_out, error))
        {
          ok = FALSE;
          break;
        }

      if (ret == Z_STREAM_END)
        {
          gsize consumed = fed - zs.avail_in;

          if (in_len - consumed >= 2 && in[consumed] == 0x1f && in[consumed + 1] == 0x8b)
            {
              inflateReset (&zs);
              continue;
            }
          break;
        }
      if (ret == Z_BUF_ERROR && zs.avail_in == 0 && fed == in_len)
        {
          *stream_error = stream_truncated_error (sink->display_name, "gzip", sink->total);
          break;
        }
      if (ret != Z_OK)
        {
          *stream_error = stream_damaged_error (sink->display_name, "gzip", sink->total,
                                                zs.msg != NULL ? zs.msg : zError (ret));
          break;
        }
    }

  inflateEnd (&zs);
  return ok;
}

/* RFC 8878: frames (and skippable frames) follow each other; the decoder starts the next one
 * by itself. */
static gboolean
inflate_zstd (MemSink       *sink,
              const guint8  *in,
              gsize          in_len,
              guint8        *buf,
              GError       **stream_error,
              GError       **error)
{
  ZSTD_DCtx *dctx = ZSTD_createDCtx ();
  ZSTD_inBuffer input = { in, in_len, 0 };
  size_t ret = 0;
  gboolean ok = TRUE;

  if (dctx == NULL)
    {
      *stream_error = stream_damaged_error (sink->display_name, "zstd", 0, "ZSTD_createDCtx");
      return TRUE;
    }

  for (;;)
    {
      ZSTD_outBuffer output = { buf, DECOMPRESS_CHUNK, 0 };

      ret = ZSTD_decompressStream (dctx, &output, &input);
      if (!mem_sink_write (sink, buf, output.pos, error))
        {
          ok = FALSE;
          break;
        }
      if (ZSTD_isError (ret))
        {
          *stream_error = stream_damaged_error (sink->display_name, "zstd", sink->total,
                                                ZSTD_getErrorName (ret));
          break;
        }
      /* A full output buffer may leave data inside the decoder: call again. */
      if (input.pos == input.size && output.pos < output.size)
        {
          if (ret != 0)
            *stream_error = stream_truncated_error (sink->display_name, "zstd", sink->total);
          break;
        }
    }

  ZSTD_freeDCtx (dctx);
  return ok;
}

/* LZ4 frame format (lz4_Frame_format.md); a context that finished a frame starts the next. */
static gboolean
inflate_lz4 (MemSink       *sink,
             const guint8  *in,
             gsize          in_len,
             guint8        *buf,
             GError       **stream_error,
             GError       **error)
{
  LZ4F_dctx *dctx = NULL;
  gsize pos = 0;
  size_t hint = 0;
  gboolean ok = TRUE;

  if (LZ4F_isError (LZ4F_createDecompressionContext (&dctx, LZ4F_VERSION)))
    {
      *stream_error = stream_damaged_error (sink->display_name, "lz4", 0,
                                            "LZ4F_createDecompressionContext");
      return TRUE;
    }

  for (;;)
    {
      size_t dst_len = DECOMPRESS_CHUNK;
      size_t src_len = in_len - pos;

      hint = LZ4F_decompress (dctx, buf, &dst_len, in + pos, &src_len, NULL);
      if (LZ4F_isError (hint))
        {
          *stream_error = stream_damaged_error (sink->display_name, "lz4", sink->total,
                                                LZ4F_getErrorName (hint));
          break;
        }
      pos += src_len;
      if (src_len == 0 && dst_len == 0 && pos < in_len)
        {
          *stream_error = stream_damaged_error (sink->display_name, "lz4", sink->total,
                                                "no progress");
          break;
        }
      if (!mem_sink_write (sink, buf, dst_len, error))
        {
          ok = FALSE;
          break;
        }
      if (pos == in_len && dst_len < DECOMPRESS_CHUNK)
        {
          if (hint != 0)
            *stream_error = stream_truncated_error (sink->display_name, "lz4", sink->total);
          break;
        }
    }

  LZ4F_freeDecompressionContext (dctx);
  return ok;
}

static SsCompression
detect_compression (const guint8 *data,
                    guint64       size)
{
  static const guint8 zstd_magic[] = { 0x28, 0xb5, 0x2f, 0xfd };
  static const guint8 lz4_magic[] = { 0x04, 0x22, 0x4d, 0x18 };

  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return SS_COMPRESSION_GZIP;
  if (size >= 4 && memcmp (data, zstd_magic, 4) == 0)
    return SS_COMPRESSION_ZSTD;
  if (size >= 4 && memcmp (data, lz4_magic, 4) == 0)
    return SS_COMPRESSION_LZ4;
  return SS_COMPRESSION_NONE;
}

/* Streams the compressed @in into an anonymous memory file and maps it, so frames are reached
 * the same way as in a plain file. A damaged stream keeps what was decoded before the damage. */
static gboolean
cap_decompress (SsCapfile     *cap,
                const guint8  *in,
                gsize          in_len,
                GError       **error)
{
  g_autofree guint8 *buf = NULL;
  MemSink sink = { -1, 0, cap->display_name };
  gboolean ok = FALSE;

  sink.fd = memfd_create ("stratoshark-capture", MFD_CLOEXEC);
  if (sink.fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN,
                   _("Could not create memory to decompress “%s”: %s"),
                   cap->display_name, g_strerror (saved_errno));
      return FALSE;
    }

  buf = g_malloc (DECOMPRESS_CHUNK);
  switch (cap->compression)
    {
    case SS_COMPRESSION_GZIP:
      ok = inflate_gzip (&sink, in, in_len, buf, &cap->stream_error, error);
      break;
    case SS_COMPRESSION_ZSTD:
      ok = inflate_zstd (&sink, in, in_len, buf, &cap->stream_error, error);
      break;
    case SS_COMPRESSION_LZ4:
      ok = inflate_lz4 (&sink, in, in_len, buf, &cap->stream_error, error);
      break;
    case SS_COMPRESSION_NONE:
    default:
      g_assert_not_reached ();
    }

  if (ok && sink.total > G_MAXSIZE)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_OPEN,
                   _("The decompressed contents of “%s” are too large"), cap->display_name);
      ok = FALSE;
    }

  if (ok && sink.total > 0)
    {
      cap->map = mmap (NULL, (gsize) sink.total, PROT_READ, MAP_PRIVATE, sink.fd, 0);
      if (cap->map == MAP_FAILED)
        {
          int saved_errno = errno;

          cap->map = NULL;
          set_errno_error (error, saved_errno, cap->display_name, FILE_OP_MAP);
          ok = FALSE;
        }
      else
        {
          cap->map_len = (gsize) sink.total;
          cap->data = cap->map;
          cap->size = sink.total;
        }
    }

  close (sink.fd);
  return ok;
}

/* Makes cap->data/size the file's contents, decompressed. @raw is the raw content of the file
 * (mapped at @raw_map when @raw_map is not NULL, held by @raw_bytes otherwise). */
static gboolean
cap_take_content (SsCapfile     *cap,
                  void          *raw_map,
                  gsize          raw_len,
                  GBytes        *raw_bytes,
                  GError       **error)
{
  const guint8 *raw;
  gboolean ok;

  raw = raw_map != NULL ? raw_map : g_bytes_get_data (raw_bytes, NULL);
  cap->file_size = raw_len;
  cap->compression = detect_compression (raw, raw_len);
  if (cap->compression == SS_COMPRESSION_NONE)
    {
      cap->map = raw_map;
      cap->map_len = raw_map != NULL ? raw_len : 0;
      cap->bytes = raw_bytes != NULL ? g_bytes_ref (raw_bytes) : NULL;
      cap->data = raw;
      cap->size = raw_len;
      return TRUE;
    }

  ok = cap_decompress (cap, raw, raw_len, error);
  if (raw_map != NULL)
    munmap (raw_map, raw_len);
  return ok;
}

/* Headers ------------------------------------------------------------------------------------- */

static const char *
compression_name (SsCompression compression)
{
  switch (compression)
    {
    case SS_COMPRESSION_GZIP:
      return "gzip";
    case SS_COMPRESSION_ZSTD:
      return "zstd";
    case SS_COMPRESSION_LZ4:
      return "lz4";
    case SS_COMPRESSION_NONE:
    default:
      return NULL;
    }
}

static CapInterface *
cap_add_interface (SsCapfile *cap,
                   guint      link_type,
                   guint32    snaplen,
                   guint      section)
{
  CapInterface *iface = g_new0 (CapInterface, 1);

  iface->pub.link_type = link_type;
  iface->pub.snaplen = snaplen;
  iface->pub.section = section;
  cap_interface_set_tsresol (iface, 6);
  g_ptr_array_add (cap->interfaces, iface);
  return iface;
}

static gboolean
pcap_read_header (SsCapfile  *cap,
                  guint32     magic,
                  GError    **error)
{
  const guint8 *p = cap->data;
  CapInterface *iface;
  guint16 major, minor;

  cap->swap = magic != PCAP_MAGIC_USEC && magic != PCAP_MAGIC_NSEC
              && magic != PCAP_MAGIC_MODIFIED;
  if (cap->swap)
    magic = GUINT32_SWAP_LE_BE (magic);

  if (cap->size < PCAP_FILE_HEADER_LEN)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                   _("The file “%s” appears to have been cut short in its pcap file header"),
                   cap->display_name);
      return FALSE;
    }

  /* Like Wireshark: versions before 2.0 were never written in this layout. */
  major = rd16 (p + 4, cap->swap);
  minor = rd16 (p + 6, cap->swap);
  if (major < 2)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                   _("The file “%s” is a pcap file of version %u.%u, which is not supported"),
                   cap->display_name, major, minor);
      return FALSE;
    }

  cap->format = magic == PCAP_MAGIC_NSEC ? SS_CAPFILE_FORMAT_PCAP_NSEC : SS_CAPFILE_FORMAT_PCAP;
  cap->frac_to_ns = magic == PCAP_MAGIC_NSEC ? 1 : 1000;
  cap->record_header_len = magic == PCAP_MAGIC_MODIFIED ? PCAP_MODIFIED_RECORD_LEN
                                                        : PCAP_RECORD_LEN;
  iface = cap_add_interface (cap, rd32 (p + 20, cap->swap) & PCAP_LINKTYPE_MASK,
                             rd32 (p + 16, cap->swap), 0);
  cap_interface_set_tsresol (iface, magic == PCAP_MAGIC_NSEC ? 9 : 6);
  cap->pos = PCAP_FILE_HEADER_LEN;
  return TRUE;
}

/* pcapng §3.5. Yields the options between @p and @end; stops at opt_endofopt or at the end. */
typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean      swap;
} OptIter;

typedef enum
{
  OPT_END,
  OPT_OK,
  OPT_BAD,
} OptResult;

static inline OptResult
opt_iter_next (OptIter        *it,
               guint16        *code,
               guint16        *len,
               const guint8  **value)
{
  guint32 padded;

  if (it->end - it->p < 4)
    return OPT_END;
  *code = rd16 (it->p, it->swap);
  *len = rd16 (it->p + 2, it->swap);
  if (*code == PCAPNG_OPT_ENDOFOPT)
    return OPT_END;
  padded = pad4 (*len);
  if (padded > (gsize) (it->end - it->p) - 4)
    return OPT_BAD;
  *value = it->p + 4;
  it->p += 4 + padded;
  return OPT_OK;
}

/* An option string is UTF-8 and not NUL-terminated in the file (some writers add a NUL). */
static char *
opt_dup_string (const guint8 *value,
                guint16       len)
{
  gsize n = strnlen ((const char *) value, len);

  return g_utf8_make_valid ((const char *) value, (gssize) n);
}

static const char *
block_type_name (guint32 type)
{
  switch (type)
    {
    case PCAPNG_BT_SHB:
      return _("Section Header");
    case PCAPNG_BT_IDB:
      return _("Interface Description");
    case PCAPNG_BT_PB:
      return _("Packet");
    case PCAPNG_BT_SPB:
      return _("Simple Packet");
    case PCAPNG_BT_NRB:
      return _("Name Resolution");
    case PCAPNG_BT_ISB:
      return _("Interface Statistics");
    case PCAPNG_BT_EPB:
      return _("Enhanced Packet");
    default:
      return _("unknown");
    }
}

static gboolean
is_packet_block (guint32 type)
{
  return type == PCAPNG_BT_EPB || type == PCAPNG_BT_SPB || type == PCAPNG_BT_PB;
}

static GError *
bad_option_error (SsCapfile *cap,
                  guint32    type,
                  guint64    off)
{
  return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                      _("The file “%s” is damaged: an option of the %s block at byte offset "
                        "%llu runs past the end of the block"),
                      cap->display_name, block_type_name (type), (unsigned long long) off);
}

/* Checks a block's framing (pcapng §3.1): total length at least 12 and a multiple of 4, inside
 * the file, and repeated at the end of the block. */
static GError *
pcapng_check_block (SsCapfile *cap,
                    guint64    off,
                    guint32    type,
                    guint32    len,
                    guint32    min_len)
{
  guint64 remain = cap->size - off;
  guint32 trailer;

  if (len < 12 || len % 4 != 0)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: the %s block at byte offset %llu has an "
                          "impossible length of %u bytes"),
                        cap->display_name, block_type_name (type), (unsigned long long) off,
                        len);
  if (len > remain)
    {
      if (is_packet_block (type))
        return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                            _("The file “%s” appears to have been cut short in the middle of "
                              "packet %u (its block at byte offset %llu needs %u bytes, only "
                              "%llu remain)"),
                            cap->display_name, cap->frames->len + 1, (unsigned long long) off,
                            len, (unsigned long long) remain);
      return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                          _("The file “%s” appears to have been cut short in the middle of a "
                            "%s block (at byte offset %llu, it needs %u bytes, only %llu "
                            "remain)"),
                          cap->display_name, block_type_name (type), (unsigned long long) off,
                          len, (unsigned long long) remain);
    }
  trailer = rd32 (cap->data + off + len - 4, cap->swap);
  if (trailer != len)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: the %s block at byte offset %llu says it "
                          "is %u bytes long at its start and %u bytes at its end"),
                        cap->display_name, block_type_name (type), (unsigned long long) off,
                        len, trailer);
  if (len < min_len)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: the %s block at byte offset %llu is too "
                          "short (%u bytes)"),
                        cap->display_name, block_type_name (type), (unsigned long long) off,
                        len);
  return NULL;
}

/* pcapng §4.1. Starts a new section; the options of the first one are kept. */
static GError *
pcapng_read_shb (SsCapfile *cap,
                 guint64    off,
                 guint32   *block_len)
{
  const guint8 *b = cap->data + off;
  CapSection section;
  OptIter it;
  guint32 bom, len;
  guint16 major, minor, code, olen;
  const guint8 *value;
  OptResult r;
  GError *err;

  if (cap->size - off < 12)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                        _("The file “%s” appears to have been cut short in the middle of a "
                          "Section Header block (at byte offset %llu)"),
                        cap->display_name, (unsigned long long) off);

  bom = rd32 (b + 8, FALSE);
  if (bom == PCAPNG_BYTE_ORDER_MAGIC)
    cap->swap = FALSE;
  else if (bom == GUINT32_SWAP_LE_BE (PCAPNG_BYTE_ORDER_MAGIC))
    cap->swap = TRUE;
  else
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: the Section Header block at byte offset "
                          "%llu has no valid byte-order magic"),
                        cap->display_name, (unsigned long long) off);

  len = rd32 (b + 4, cap->swap);
  err = pcapng_check_block (cap, off, PCAPNG_BT_SHB, len, PCAPNG_SHB_MIN_LEN);
  if (err != NULL)
    return err;

  major = rd16 (b + 12, cap->swap);
  minor = rd16 (b + 14, cap->swap);
  if (major != 1)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                        _("The file “%s” has a pcapng section of version %u.%u (at byte offset "
                          "%llu), which is not supported"),
                        cap->display_name, major, minor, (unsigned long long) off);
  /* The section length (b + 16) may be -1 and is not needed: blocks are walked one by one. */

  if (cap->sections->len >= G_MAXUINT)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                        _("The file “%s” has too many sections"), cap->display_name);

  it.p = b + 24;
  it.end = b + len - 4;
  it.swap = cap->swap;
  while ((r = opt_iter_next (&it, &code, &olen, &value)) == OPT_OK)
    {
      if (cap->sections->len != 0)
        continue;
      switch (code)
        {
        case PCAPNG_OPT_COMMENT:
          g_ptr_array_add (cap->section_comments, opt_dup_string (value, olen));
          break;
        case PCAPNG_OPT_SHB_HARDWARE:
          g_free (cap->shb_hardware);
          cap->shb_hardware = opt_dup_string (value, olen);
          break;
        case PCAPNG_OPT_SHB_OS:
          g_free (cap->shb_os);
          cap->shb_os = opt_dup_string (value, olen);
          break;
        case PCAPNG_OPT_SHB_USERAPPL:
          g_free (cap->shb_application);
          cap->shb_application = opt_dup_string (value, olen);
          break;
        default:
          break;
        }
    }
  if (r == OPT_BAD)
    return bad_option_error (cap, PCAPNG_BT_SHB, off);

  section.swap = cap->swap;
  section.first_interface = cap->interfaces->len;
  g_array_append_val (cap->sections, section);
  *block_len = len;
  return NULL;
}

/* pcapng §4.2. */
static GError *
pcapng_read_idb (SsCapfile    *cap,
                 guint64       off,
                 const guint8 *b,
                 guint32       len)
{
  CapInterface *iface;
  OptIter it;
  guint16 code, olen;
  const guint8 *value;
  OptResult r;

  if (cap->interfaces->len >= MAX_INTERFACES)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                        _("The file “%s” describes more than %u interfaces"),
                        cap->display_name, MAX_INTERFACES);

  iface = cap_add_interface (cap, rd16 (b + 8, cap->swap), rd32 (b + 12, cap->swap),
                             cap->sections->len - 1);
  it.p = b + 16;
  it.end = b + len - 4;
  it.swap = cap->swap;
  while ((r = opt_iter_next (&it, &code, &olen, &value)) == OPT_OK)
    {
      switch (code)
        {
        case PCAPNG_OPT_IF_NAME:
          g_free (iface->name);
          iface->name = opt_dup_string (value, olen);
          iface->pub.name = iface->name;
          break;
        case PCAPNG_OPT_IF_DESCRIPTION:
          g_free (iface->description);
          iface->description = opt_dup_string (value, olen);
          iface->pub.description = iface->description;
          break;
        case PCAPNG_OPT_IF_TSRESOL:
          if (olen >= 1)
            cap_interface_set_tsresol (iface, value[0]);
          break;
        case PCAPNG_OPT_IF_TSOFFSET:
          if (olen == 8)
            iface->pub.ts_offset_s = (gint64) rd64 (value, cap->swap);
          break;
        default:
          break;
        }
    }
  if (r == OPT_BAD)
    return bad_option_error (cap, PCAPNG_BT_IDB, off);
  return NULL;
}

/* pcapng §4.5: records of an address followed by one or more NUL-terminated names. The first
 * name of the latest record for an address wins. */
static GError *
pcapng_read_nrb (SsCapfile    *cap,
                 guint64       off,
                 const guint8 *b,
                 guint32       len)
{
  const guint8 *p = b + 8;
  const guint8 *end = b + len - 4;

  while (end - p >= 4)
    {
      guint16 type = rd16 (p, cap->swap);
      guint16 rlen = rd16 (p + 2, cap->swap);
      gsize addr_len;
      gsize name_len;

      if (type == PCAPNG_NRB_RECORD_END)
        break;
      if (pad4 (rlen) > (gsize) (end - p) - 4)
        return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                            _("The file “%s” is damaged: a record of the Name Resolution block "
                              "at byte offset %llu runs past the end of the block"),
                            cap->display_name, (unsigned long long) off);

      addr_len = type == PCAPNG_NRB_RECORD_IPV4 ? 4 : type == PCAPNG_NRB_RECORD_IPV6 ? 16 : 0;
      if (addr_len != 0 && rlen > addr_len)
        {
          const char *name = (const char *) p + 4 + addr_len;

          name_len = strnlen (name, rlen - addr_len);
          if (name_len > 0)
            g_hash_table_replace (cap->names, g_bytes_new (p + 4, addr_len),
                                  g_utf8_make_valid (name, (gssize) name_len));
        }
      p += 4 + pad4 (rlen);
    }
  return NULL;
}

static GError *
bad_caplen_error (SsCapfile *cap,
                  guint32    caplen,
                  guint64    off)
{
  return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                      _("The file “%s” is damaged: packet %u (at byte offset %llu) claims "
                        "%u captured bytes, more than the limit of %u"),
                      cap->display_name, cap->frames->len + 1, (unsigned long long) off,
                      caplen, SS_CAPFILE_MAX_CAPLEN);
}

/* Scans the options of a packet block for the flags word; checks their bounds on the way. */
static inline OptResult
scan_packet_options (const guint8  *start,
                     const guint8  *end,
                     gboolean       swap,
                     SsFrameRecord *rec)
{
  OptIter it = { start, end, swap };
  guint16 code, olen;
  const guint8 *value;
  OptResult r;

  while ((r = opt_iter_next (&it, &code, &olen, &value)) == OPT_OK)
    {
      rec->has_options = 1;
      if (code == PCAPNG_OPT_EPB_FLAGS && olen == 4)
        rec->epb_flags = rd32 (value, swap);
    }
  return r;
}

/* EPB (§4.3) and the obsolete Packet Block (Appendix A) share their layout, except that the
 * latter has a 16-bit interface id followed by a drops count. */
static GError *
pcapng_read_packet (SsCapfile     *cap,
                    guint64        off,
                    const guint8  *b,
                    guint32        type,
                    guint32        len,
                    SsFrameRecord *rec)
{
  const CapSection *section = &g_array_index (cap->sections, CapSection,
                                              cap->sections->len - 1);
  guint n_ifaces = cap->interfaces->len - section->first_interface;
  guint32 if_id, caplen;
  guint64 ts;

  if (type == PCAPNG_BT_EPB)
    if_id = rd32 (b + 8, cap->swap);
  else
    if_id = rd16 (b + 8, cap->swap);
  ts = ((guint64) rd32 (b + 12, cap->swap) << 32) | rd32 (b + 16, cap->swap);
  caplen = rd32 (b + 20, cap->swap);

  if (caplen > SS_CAPFILE_MAX_CAPLEN)
    return bad_caplen_error (cap, caplen, off);
  if (pad4 (caplen) > len - PCAPNG_EPB_MIN_LEN)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: packet %u (at byte offset %llu) claims "
                          "%u captured bytes, more than its block of %u bytes holds"),
                        cap->display_name, cap->frames->len + 1, (unsigned long long) off,
                        caplen, len);
  if (if_id >= n_ifaces)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: packet %u (at byte offset %llu) refers to "
                          "interface %u, but its section describes %u interfaces"),
                        cap->display_name, cap->frames->len + 1, (unsigned long long) off,
                        if_id, n_ifaces);

  if_id += section->first_interface;
  rec->data_offset = off + PCAPNG_EPB_DATA_START;
  rec->ts_ns = cap_interface_ts_to_ns (g_ptr_array_index (cap->interfaces, if_id), ts);
  rec->caplen = caplen;
  rec->len = rd32 (b + 24, cap->swap);
  rec->interface_id = (guint16) if_id;
  rec->block_kind = type == PCAPNG_BT_EPB ? SS_BLOCK_EPB : SS_BLOCK_OPB;
  rec->has_options = 0;
  rec->epb_flags = 0;
  if (scan_packet_options (b + PCAPNG_EPB_DATA_START + pad4 (caplen), b + len - 4, cap->swap,
                           rec) == OPT_BAD)
    return bad_option_error (cap, type, off);
  return NULL;
}

/* pcapng §4.4: no interface id (always interface 0 of the section), no timestamp, and the
 * captured length is implied by the snaplen and the block's own length. */
static GError *
pcapng_read_spb (SsCapfile     *cap,
                 guint64        off,
                 const guint8  *b,
                 guint32        len,
                 SsFrameRecord *rec)
{
  const CapSection *section = &g_array_index (cap->sections, CapSection,
                                              cap->sections->len - 1);
  const CapInterface *iface;
  guint32 caplen, wire_len;

  if (cap->interfaces->len <= section->first_interface)
    return g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_CORRUPT,
                        _("The file “%s” is damaged: the Simple Packet block at byte offset "
                          "%llu comes before any interface is described"),
                        cap->display_name, (unsigned long long) off);

  iface = g_ptr_array_index (cap->interfaces, section->first_interface);
  wire_len = rd32 (b + 8, cap->swap);
  caplen = MIN (wire_len, len - PCAPNG_SPB_MIN_LEN);
  if (iface->pub.snaplen != 0)
    caplen = MIN (caplen, iface->pub.snaplen);
  if (caplen > SS_CAPFILE_MAX_CAPLEN)
    return bad_caplen_error (cap, caplen, off);

  rec->data_offset = off + PCAPNG_SPB_DATA_START;
  rec->ts_ns = 0;
  rec->caplen = caplen;
  rec->len = wire_len;
  rec->interface_id = (guint16) section->first_interface;
  rec->block_kind = SS_BLOCK_SPB;
  rec->has_options = 0;
  rec->epb_flags = 0;
  return NULL;
}

static gboolean
pcapng_index (SsCapfile *cap,
              guint      budget,
              GError   **error)
{
  SsFrameRecord rec;
  guint added = 0;

  while (budget == 0 || added < budget)
    {
      guint64 off = cap->pos;
      guint64 remain = cap->size - off;
      const guint8 *b = cap->data + off;
      guint32 type, len;
      GError *err = NULL;

      if (remain == 0)
        return cap->growing ? TRUE : cap_finish (cap, error);
      if (remain < 12)
        return cap_stop (cap, g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                                           _("The file “%s” appears to have been cut short in "
                                             "the middle of a block header (at byte offset "
                                             "%llu)"),
                                           cap->display_name, (unsigned long long) off),
                         error);

      type = rd32 (b, cap->swap);
      if (type == PCAPNG_BT_SHB)
        {
          err = pcapng_read_shb (cap, off, &len);
          if (err != NULL)
            return cap_stop (cap, err, error);
          cap->pos += len;
          continue;
        }

      len = rd32 (b + 4, cap->swap);
      switch (type)
        {
        case PCAPNG_BT_EPB:
        case PCAPNG_BT_PB:
          err = pcapng_check_block (cap, off, type, len, PCAPNG_EPB_MIN_LEN);
          if (err == NULL)
            err = pcapng_read_packet (cap, off, b, type, len, &rec);
          if (err == NULL)
            {
              g_array_append_val (cap->frames, rec);
              added++;
            }
          break;
        case PCAPNG_BT_SPB:
          err = pcapng_check_block (cap, off, type, len, PCAPNG_SPB_MIN_LEN);
          if (err == NULL)
            err = pcapng_read_spb (cap, off, b, len, &rec);
          if (err == NULL)
            {
              g_array_append_val (cap->frames, rec);
              added++;
            }
          break;
        case PCAPNG_BT_IDB:
          err = pcapng_check_block (cap, off, type, len, PCAPNG_IDB_MIN_LEN);
          if (err == NULL)
            err = pcapng_read_idb (cap, off, b, len);
          break;
        case PCAPNG_BT_NRB:
          err = pcapng_check_block (cap, off, type, len, PCAPNG_NRB_MIN_LEN);
          if (err == NULL)
            err = pcapng_read_nrb (cap, off, b, len);
          break;
        case PCAPNG_BT_ISB:
          /* Statistics are not used; only the framing is checked. */
          err = pcapng_check_block (cap, off, type, len, PCAPNG_ISB_MIN_LEN);
          break;
        default:
          /* Custom blocks (0x00000BAD, 0x40000BAD) and every other type are skipped. */
          err = pcapng_check_block (cap, off, type, len, 12);
          break;
        }
      if (err != NULL)
        return cap_stop (cap, err, error);
      cap->pos += len;
    }
  return TRUE;
}

static gboolean
pcap_index (SsCapfile *cap,
            guint      budget,
            GError   **error)
{
  const guint8 *data = cap->data;
  const guint64 size = cap->size;
  const guint hdr_len = cap->record_header_len;
  const gboolean swap = cap->swap;
  const gint64 frac_to_ns = cap->frac_to_ns;
  guint64 pos = cap->pos;
  guint added = 0;
  SsFrameRecord rec = { 0 };
  gboolean ok = TRUE;

  rec.block_kind = SS_BLOCK_PCAP_RECORD;
  while (budget == 0 || added < budget)
    {
      const guint8 *p = data + pos;
      guint64 remain = size - pos;
      guint32 caplen;

      if (remain == 0)
        {
          if (!cap->growing)
            ok = cap_finish (cap, error);
          break;
        }
      if (remain < hdr_len)
        {
          ok = cap_stop (cap, g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                                           _("The file “%s” appears to have been cut short in "
                                             "the middle of the header of packet %u (at byte "
                                             "offset %llu)"),
                                           cap->display_name, cap->frames->len + 1,
                                           (unsigned long long) pos),
                         error);
          break;
        }

      caplen = rd32 (p + 8, swap);
      if (caplen > SS_CAPFILE_MAX_CAPLEN)
        {
          ok = cap_stop (cap, bad_caplen_error (cap, caplen, pos), error);
          break;
        }
      if (caplen > remain - hdr_len)
        {
          ok = cap_stop (cap, g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED,
                                           _("The file “%s” appears to have been cut short in "
                                             "the middle of packet %u (its record at byte "
                                             "offset %llu needs %u bytes, only %llu remain)"),
                                           cap->display_name, cap->frames->len + 1,
                                           (unsigned long long) pos, hdr_len + caplen,
                                           (unsigned long long) remain),
                         error);
          break;
        }

      /* ts_sec is unsigned (draft-ietf-opsawg-pcap §5), so the sum always fits. A wire length
       * below the captured length is kept as it is, as tshark 4.0 does (it then flags the frame
       * "Frame length is less than captured length"). */
      rec.data_offset = pos + hdr_len;
      rec.ts_ns = (gint64) rd32 (p, swap) * NS_PER_SECOND
                  + (gint64) rd32 (p + 4, swap) * frac_to_ns;
      rec.caplen = caplen;
      rec.len = rd32 (p + 12, swap);
      g_array_append_val (cap->frames, rec);
      added++;
      pos += hdr_len + caplen;
    }

  cap->pos = pos;
  return ok;
}

static gboolean
cap_parse_header (SsCapfile  *cap,
                  GError    **error)
{
  guint32 magic;
  guint32 block_len;
  GError *err;

  if (cap->size == 0)
    {
      if (cap->compression != SS_COMPRESSION_NONE)
        g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNKNOWN_FORMAT,
                     /* Translators: the second %s is gzip, zstd or lz4 */
                     _("The file “%s” is empty once decompressed (%s)"),
                     cap->display_name, compression_name (cap->compression));
      else
        g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNKNOWN_FORMAT,
                     _("The file “%s” is empty"), cap->display_name);
      return FALSE;
    }

  if (cap->size < 4)
    {
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNKNOWN_FORMAT,
                   _("The file “%s” is too short (%u bytes) to be a capture file"),
                   cap->display_name, (guint) cap->size);
      return FALSE;
    }

  magic = rd32 (cap->data, FALSE);
  switch (magic)
    {
    case PCAP_MAGIC_USEC:
    case PCAP_MAGIC_NSEC:
    case PCAP_MAGIC_MODIFIED:
    case GUINT32_SWAP_LE_BE_CONSTANT (PCAP_MAGIC_USEC):
    case GUINT32_SWAP_LE_BE_CONSTANT (PCAP_MAGIC_NSEC):
    case GUINT32_SWAP_LE_BE_CONSTANT (PCAP_MAGIC_MODIFIED):
      return pcap_read_header (cap, magic, error);
    case PCAPNG_BT_SHB:
      cap->format = SS_CAPFILE_FORMAT_PCAPNG;
      err = pcapng_read_shb (cap, 0, &block_len);
      if (err != NULL)
        {
          g_propagate_error (error, err);
          return FALSE;
        }
      cap->pos = block_len;
      return TRUE;
    default:
      g_set_error (error, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNKNOWN_FORMAT,
                   _("The file “%s” is not a capture file in a known format (it starts with "
                     "%02x %02x %02x %02x; pcap, pcapng and their gzip, zstd and lz4 "
                     "compressed forms are understood)"),
                   cap->display_name, cap->data[0], cap->data[1], cap->data[2], cap->data[3]);
      return FALSE;
    }
}

/* When the decompressor stopped early, a header cut short is the consequence: report the
 * cause. */
static gboolean
cap_read_header (SsCapfile  *cap,
                 GError    **error)
{
  GError *err = NULL;

  if (cap_parse_header (cap, &err))
    return TRUE;
  if (cap->stream_error != NULL
      && (cap->size < 4 || g_error_matches (err, SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_TRUNCATED)))
    {
      g_clear_error (&err);
      err = g_steal_pointer (&cap->stream_error);
    }
  g_propagate_error (error, err);
  return FALSE;
}

static SsCapfile *
cap_new (const char *path,
         const char *display_name)
{
  SsCapfile *cap = g_new0 (SsCapfile, 1);

  cap->path = g_strdup (path);
  cap->display_name = g_strdup (display_name);
  /* Frames are appended in place: the array doubles, so indexing stays linear. */
  cap->frames = g_array_sized_new (FALSE, FALSE, sizeof (SsFrameRecord), 1024);
  cap->interfaces = g_ptr_array_new_with_free_func (cap_interface_free);
  cap->sections = g_array_new (FALSE, FALSE, sizeof (CapSection));
  cap->names = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                      (GDestroyNotify) g_bytes_unref, g_free);
  cap->section_comments = g_ptr_array_new_with_free_func (g_free);
  return cap;
}

/* Public API ---------------------------------------------------------------------------------- */

SsCapfile *
ss_capfile_open_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(SsCapfile) cap = NULL;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cap = cap_new (NULL, _("capture data in memory"));
  g_bytes_get_data (bytes, &len);
  if (!cap_take_content (cap, NULL, len, bytes, error))
    return NULL;
  if (!cap_read_header (cap, error))
    return NULL;
  return g_steal_pointer (&cap);
}

SsCapfile *
ss_capfile_open (const char  *path,
                 GError     **error)
{
  g_autoptr(SsCapfile) cap = NULL;
  g_autofree char *display_name = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GBytes) bytes = NULL;

      cap = cap_new (path, _("standard input"));
      if (!read_fd_fully (STDIN_FILENO, cap->display_name, &bytes, error))
        return NULL;
      if (!cap_take_content (cap, NULL, g_bytes_get_size (bytes), bytes, error))
        return NULL;
      if (!cap_read_header (cap, error))
        return NULL;
      return g_steal_pointer (&cap);
    }

  display_name = g_filename_display_name (path);
  cap = cap_new (path, display_name);

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno, display_name, FILE_OP_OPEN);
      return NULL;
    }
  if (fstat (fd, &st) < 0)
    {
      set_errno_error (error, errno, display_name, FILE_OP_READ);
      close (fd);
      return NULL;
    }

  if (S_ISREG (st.st_mode) && st.st_size > 0)
    {
      void *map;

      if ((guint64) st.st_size > G_MAXSIZE)
        {
          set_errno_error (error, EFBIG, display_name, FILE_OP_MAP);
          close (fd);
          return NULL;
        }
      map = mmap (NULL, (gsize) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (map == MAP_FAILED)
        {
          set_errno_error (error, errno, display_name, FILE_OP_MAP);
          close (fd);
          return NULL;
        }
      close (fd);
      madvise (map, (gsize) st.st_size, MADV_SEQUENTIAL);
      if (!cap_take_content (cap, map, (gsize) st.st_size, NULL, error))
        return NULL;
    }
  else
    {
      /* A pipe, a character device or an empty file: read what there is. */
      g_autoptr(GBytes) bytes = NULL;
      gboolean ok = read_fd_fully (fd, display_name, &bytes, error);

      close (fd);
      if (!ok)
        return NULL;
      if (!cap_take_content (cap, NULL, g_bytes_get_size (bytes), bytes, error))
        return NULL;
    }

  if (!cap_read_header (cap, error))
    return NULL;
  return g_steal_pointer (&cap);
}

void
ss_capfile_free (SsCapfile *cap)
{
  if (cap == NULL)
    return;

  if (cap->map != NULL)
    munmap (cap->map, cap->map_len);
  g_clear_pointer (&cap->bytes, g_bytes_unref);
  g_clear_error (&cap->stream_error);
  g_clear_error (&cap->error);
  g_clear_pointer (&cap->frames, g_array_unref);
  g_clear_pointer (&cap->interfaces, g_ptr_array_unref);
  g_clear_pointer (&cap->sections, g_array_unref);
  g_clear_pointer (&cap->names, g_hash_table_unref);
  g_clear_pointer (&cap->section_comments, g_ptr_array_unref);
  g_free (cap->shb_hardware);
  g_free (cap->shb_os);
  g_free (cap->shb_application);
  g_free (cap->path);
  g_free (cap->display_name);
  g_free (cap);
}

gboolean
ss_capfile_index (SsCapfile *cap,
                  guint      max_frames,
                  GError   **error)
{
  g_return_val_if_fail (cap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cap->complete)
    {
      if (cap->error != NULL)
        {
          g_propagate_error (error, g_error_copy (cap->error));
          return FALSE;
        }
      return TRUE;
    }

  if (cap->format == SS_CAPFILE_FORMAT_PCAPNG)
    return pcapng_index (cap, max_frames, error);
  return pcap_index (cap, max_frames, error);
}

/* The window a growing file is mapped in: address space only (nothing is reserved), pages are
 * read as the file reaches them. */
#define GROWING_WINDOW ((gsize) 1 << 36)

guint
ss_capfile_reserve_frames (SsCapfile *cap,
                           guint      n_frames)
{
  guint len;

  g_return_val_if_fail (cap != NULL, 0);
  /* GArray keeps what it allocated when it shrinks: growing and shrinking back reserves. */
  len = cap->frames->len;
  if (n_frames > len)
    {
      g_array_set_size (cap->frames, n_frames);
      g_array_set_size (cap->frames, len);
    }
  return n_frames;
}

SsCapfile *
ss_capfile_open_growing (const char  *path,
                         guint64      size,
                         GError     **error)
{
  g_autoptr(SsCapfile) cap = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  void *map;
  int fd;

  if (sizeof (gsize) < 8 || size > GROWING_WINDOW || size == 0)
    {
      set_errno_error (error, EFBIG, display_name, FILE_OP_MAP);
      return NULL;
    }
  cap = cap_new (path, display_name);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno, display_name, FILE_OP_OPEN);
      return NULL;
    }
  /* MAP_SHARED: pages the writer fills later are seen here. */
  map = mmap (NULL, GROWING_WINDOW, PROT_READ, MAP_SHARED | MAP_NORESERVE, fd, 0);
  close (fd);
  if (map == MAP_FAILED)
    {
      set_errno_error (error, errno, display_name, FILE_OP_MAP);
      return NULL;
    }
  cap->file_size = size;
  cap->compression = SS_COMPRESSION_NONE;
  cap->map = map;
  cap->map_len = GROWING_WINDOW;
  cap->data = map;
  cap->size = size;
  cap->growing = TRUE;
  if (!cap_read_header (cap, error))
    return NULL;
  return g_steal_pointer (&cap);
}

gboolean
ss_capfile_grow (SsCapfile  *cap,
                 guint64     size,
                 gboolean    final)
{
  g_return_val_if_fail (cap != NULL, FALSE);
  if (!cap->growing || size < cap->size)
    return FALSE;
  if (size > GROWING_WINDOW)
    {
      /* Beyond the window: stop following, with what was read. */
      cap_stop (cap, g_error_new (SS_CAPFILE_ERROR, SS_CAPFILE_ERROR_UNSUPPORTED,
                                  _("The live capture “%s” grew beyond %llu bytes; the packets "
                                    "after that are not shown"),
                                  cap->display_name, (unsigned long long) GROWING_WINDOW),
                NULL);
      cap->growing = FALSE;
      return FALSE;
    }
  cap->size = size;
  cap->file_size = size;
  if (final)
    cap->growing = FALSE;
  return TRUE;
}

gboolean
ss_capfile_is_complete (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, FALSE);
  return cap->complete;
}

const GError *
ss_capfile_get_error (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, NULL);
  return cap->error;
}

guint
ss_capfile_get_n_frames (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, 0);
  return cap->frames->len;
}

const SsFrameRecord *
ss_capfile_get_frame (const SsCapfile *cap,
                      guint            index)
{
  g_return_val_if_fail (cap != NULL, NULL);
  g_return_val_if_fail (index < cap->frames->len, NULL);
  return &g_array_index (cap->frames, SsFrameRecord, index);
}

const guint8 *
ss_capfile_get_frame_data (const SsCapfile *cap,
                           guint            index)
{
  g_return_val_if_fail (cap != NULL, NULL);
  g_return_val_if_fail (index < cap->frames->len, NULL);
  return cap->data + g_array_index (cap->frames, SsFrameRecord, index).data_offset;
}

SsCapfileFormat
ss_capfile_get_format (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, SS_CAPFILE_FORMAT_PCAP);
  return cap->format;
}

SsCompression
ss_capfile_get_compression (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, SS_COMPRESSION_NONE);
  return cap->compression;
}

const char *
ss_capfile_get_path (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, NULL);
  return cap->path;
}

guint64
ss_capfile_get_file_size (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, 0);
  return cap->file_size;
}

guint
ss_capfile_get_n_interfaces (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, 0);
  return cap->interfaces->len;
}

const SsInterface *
ss_capfile_get_interface (const SsCapfile *cap,
                          guint            interface_id)
{
  const CapInterface *iface;

  g_return_val_if_fail (cap != NULL, NULL);
  g_return_val_if_fail (interface_id < cap->interfaces->len, NULL);

  iface = g_ptr_array_index (cap->interfaces, interface_id);
  return &iface->pub;
}

guint
ss_capfile_get_frame_link_type (const SsCapfile *cap,
                                guint            index)
{
  const SsFrameRecord *rec;
  const CapInterface *iface;

  g_return_val_if_fail (cap != NULL, 0);
  g_return_val_if_fail (index < cap->frames->len, 0);

  rec = &g_array_index (cap->frames, SsFrameRecord, index);
  iface = g_ptr_array_index (cap->interfaces, rec->interface_id);
  return iface->pub.link_type;
}

/* Re-reads the options of a packet block from its place in the file; they were bounds-checked
 * when the frame was indexed. */
static void
frame_options_iter (const SsCapfile *cap,
                    guint            index,
                    OptIter         *it)
{
  const SsFrameRecord *rec = &g_array_index (cap->frames, SsFrameRecord, index);
  const CapInterface *iface;
  const CapSection *section;
  const guint8 *block;

  it->p = it->end = NULL;
  it->swap = FALSE;
  if (!rec->has_options
      || (rec->block_kind != SS_BLOCK_EPB && rec->block_kind != SS_BLOCK_OPB))
    return;

  iface = g_ptr_array_index (cap->interfaces, rec->interface_id);
  section = &g_array_index (cap->sections, CapSection, iface->pub.section);
  block = cap->data + rec->data_offset - PCAPNG_EPB_DATA_START;
  it->swap = section->swap;
  it->p = cap->data + rec->data_offset + pad4 (rec->caplen);
  it->end = block + rd32 (block + 4, section->swap) - 4;
}

GArray *
ss_capfile_list_frame_options (const SsCapfile *cap,
                               guint            index)
{
  GArray *options;
  OptIter it;
  SsCapfileOption opt;

  g_return_val_if_fail (cap != NULL, NULL);
  g_return_val_if_fail (index < cap->frames->len, NULL);

  options = g_array_new (FALSE, FALSE, sizeof (SsCapfileOption));
  frame_options_iter (cap, index, &it);
  while (opt_iter_next (&it, &opt.code, &opt.length, &opt.value) == OPT_OK)
    g_array_append_val (options, opt);
  return options;
}

char **
ss_capfile_dup_frame_comments (const SsCapfile *cap,
                               guint            index)
{
  g_autoptr(GPtrArray) comments = NULL;
  OptIter it;
  guint16 code, len;
  const guint8 *value;

  g_return_val_if_fail (cap != NULL, NULL);
  g_return_val_if_fail (index < cap->frames->len, NULL);

  frame_options_iter (cap, index, &it);
  while (opt_iter_next (&it, &code, &len, &value) == OPT_OK)
    {
      if (code != PCAPNG_OPT_COMMENT)
        continue;
      if (comments == NULL)
        comments = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (comments, opt_dup_string (value, len));
    }

  if (comments == NULL)
    return NULL;
  g_ptr_array_add (comments, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&comments), FALSE);
}

char **
ss_capfile_dup_section_comments (const SsCapfile *cap)
{
  char **comments;

  g_return_val_if_fail (cap != NULL, NULL);

  if (cap->section_comments->len == 0)
    return NULL;
  comments = g_new0 (char *, cap->section_comments->len + 1);
  for (guint i = 0; i < cap->section_comments->len; i++)
    comments[i] = g_strdup (g_ptr_array_index (cap->section_comments, i));
  return comments;
}

const char *
ss_capfile_get_shb_hardware (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, NULL);
  return cap->shb_hardware;
}

const char *
ss_capfile_get_shb_os (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, NULL);
  return cap->shb_os;
}

const char *
ss_capfile_get_shb_application (const SsCapfile *cap)
{
  g_return_val_if_fail (cap != NULL, NULL);
  return cap->shb_application;
}

const char *
ss_capfile_lookup_name (const SsCapfile *cap,
                        const guint8    *addr,
                        guint            addr_len)
{
  g_autoptr(GBytes) key = NULL;

  g_return_val_if_fail (cap != NULL, NULL);
  g_return_val_if_fail (addr != NULL || addr_len == 0, NULL);

  if (addr_len != 4 && addr_len != 16)
    return NULL;
  key = g_bytes_new_static (addr, addr_len);
  return g_hash_table_lookup (cap->names, key);
}
