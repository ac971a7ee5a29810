/* ss-reader.h: the bounds-checked view of packet bytes
 *
 * Every read of packet data goes through an SsReader. A reader knows how many bytes were
 * captured and how many were on the wire. Reading past the captured bytes returns 0 and marks
 * the reader *truncated* (the snaplen cut the packet); reading past the bytes on the wire marks it
 * *malformed* (a length field lied). Marks are sticky and are also copied to the frame, which turns
 * them into a "[Packet size limited during capture]" note or a `_ws.malformed` expert error.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SS_READER_OK        = 0,
  SS_READER_TRUNCATED = 1 << 0,
  SS_READER_MALFORMED = 1 << 1,
} SsReaderStatus;

typedef struct _SsReader
{
  const guint8 *data;       /* first byte of this view */
  guint32       base;       /* offset of data[0] within the frame's byte source */
  guint32       captured;   /* bytes present */
  guint32       reported;   /* bytes on the wire (>= captured) */
  guint8        status;     /* SsReaderStatus of this view */
  guint8       *frame_status; /* where marks are copied for the whole frame, may be NULL */
} SsReader;

void          ss_reader_init          (SsReader       *r,
                                       const guint8   *data,
                                       guint32         captured,
                                       guint32         reported,
                                       guint8         *frame_status);
/* A view of @len bytes (-1: the rest) from @off. When @len claims more than @parent has on the
 * wire, @parent is marked malformed and the view is cut to what is there. */
void          ss_reader_sub           (SsReader       *parent,
                                       guint           off,
                                       gint            len,
                                       SsReader       *child);
/* Marks @r as failed for a read of @len bytes at @off (truncated or malformed as appropriate). */
void          ss_reader_mark          (SsReader       *r,
                                       guint           off,
                                       guint           len);
/* TRUE when @len bytes at @off are captured; otherwise marks the reader and returns FALSE. */
gboolean      ss_reader_check         (SsReader       *r,
                                       guint           off,
                                       guint           len);

static inline gboolean
ss_reader_has (const SsReader *r, guint off, guint len)
{
  return off <= r->captured && len <= r->captured - off;
}

static inline guint32
ss_reader_remaining (const SsReader *r, guint off)
{
  return off < r->captured ? r->captured - off : 0;
}

static inline guint32
ss_reader_reported_remaining (const SsReader *r, guint off)
{
  return off < r->reported ? r->reported - off : 0;
}

static inline gboolean
ss_reader_failed (const SsReader *r)
{
  return r->status != SS_READER_OK;
}

/* Pointer to @len captured bytes at @off, or NULL (and the reader marked) when not all there. */
static inline const guint8 *
ss_reader_peek (SsReader *r, guint off, guint len)
{
  if (G_LIKELY (ss_reader_has (r, off, len)))
    return r->data + off;
  ss_reader_mark (r, off, len);
  return NULL;
}

static inline guint8
ss_reader_get_u8 (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 1);
  return p ? p[0] : 0;
}

static inline guint16
ss_reader_get_ntohs (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 2);
  return p ? (guint16) (p[0] << 8 | p[1]) : 0;
}

static inline guint32
ss_reader_get_ntoh24 (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 3);
  return p ? ((guint32) p[0] << 16 | (guint32) p[1] << 8 | p[2]) : 0;
}

static inline guint32
ss_reader_get_ntohl (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 4);
  return p ? ((guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3]) : 0;
}

static inline guint64
ss_reader_get_ntoh64 (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 8);
  guint64 v = 0;
  if (p)
    for (guint i = 0; i < 8; i++)
      v = v << 8 | p[i];
  return v;
}

static inline guint16
ss_reader_get_letohs (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 2);
  return p ? (guint16) (p[1] << 8 | p[0]) : 0;
}

static inline guint32
ss_reader_get_letohl (SsReader *r, guint off)
{
  const guint8 *p = ss_reader_peek (r, off, 4);
  return p ? ((guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0]) : 0;
}

/* Shrinks @r to its first @len bytes (an IP header's total length, a UDP length): the bytes
 * after it are the lower layer's padding. */
static inline void
ss_reader_limit (SsReader *r, guint32 len)
{
  if (len < r->reported)
    r->reported = len;
  if (len < r->captured)
    r->captured = len;
}

/* Copies @len bytes to @dest when all are captured; otherwise zero-fills and marks. */
gboolean      ss_reader_copy          (SsReader       *r,
                                       guint           off,
                                       guint           len,
                                       guint8         *dest);

G_END_DECLS
