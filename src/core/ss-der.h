/* ss-der.h: a bounds-checked reader for ASN.1 DER and BER encodings (ITU-T X.690)
 *
 * Every byte is read through an SsReader, so a length that points past the bytes on the wire
 * marks the reader malformed and one past the captured bytes marks it truncated, as for any other
 * field. Nothing here allocates except the text helpers, which write into a caller's GString.
 *
 * An element is read as a TLV: identifier octets (class, constructed bit, tag number, X.690
 * §8.1.2), length octets (definite short or long form, or the BER indefinite form, §8.1.3) and the
 * contents. The reader refuses what a crafted packet could use to do harm: lengths that overflow
 * 32 bits or run past the enclosing element, tag numbers wider than 28 bits, indefinite lengths
 * nested deeper than SS_DER_MAX_DEPTH.
 */
#pragma once

#include <glib.h>

#include "ss-reader.h"

G_BEGIN_DECLS

/* Deeper than any certificate needs; the cap bounds recursion on crafted input. */
#define SS_DER_MAX_DEPTH 32

typedef enum
{
  SS_DER_CLASS_UNIVERSAL   = 0,
  SS_DER_CLASS_APPLICATION = 1,
  SS_DER_CLASS_CONTEXT     = 2,
  SS_DER_CLASS_PRIVATE     = 3,
} SsDerClass;

/* Universal tag numbers (X.680 §8.4). */
typedef enum
{
  SS_DER_TAG_EOC              = 0,
  SS_DER_TAG_BOOLEAN          = 1,
  SS_DER_TAG_INTEGER          = 2,
  SS_DER_TAG_BIT_STRING       = 3,
  SS_DER_TAG_OCTET_STRING     = 4,
  SS_DER_TAG_NULL             = 5,
  SS_DER_TAG_OID              = 6,
  SS_DER_TAG_ENUMERATED       = 10,
  SS_DER_TAG_UTF8_STRING      = 12,
  SS_DER_TAG_SEQUENCE         = 16,
  SS_DER_TAG_SET              = 17,
  SS_DER_TAG_NUMERIC_STRING   = 18,
  SS_DER_TAG_PRINTABLE_STRING = 19,
  SS_DER_TAG_TELETEX_STRING   = 20,
  SS_DER_TAG_IA5_STRING       = 22,
  SS_DER_TAG_UTC_TIME         = 23,
  SS_DER_TAG_GENERALIZED_TIME = 24,
  SS_DER_TAG_VISIBLE_STRING   = 26,
  SS_DER_TAG_UNIVERSAL_STRING = 28,
  SS_DER_TAG_BMP_STRING       = 30,
} SsDerTag;

typedef enum
{
  SS_DER_OK = 0,
  SS_DER_ERR_SHORT,          /* the identifier or length octets run past the end */
  SS_DER_ERR_TAG,            /* a tag number that does not fit in 28 bits */
  SS_DER_ERR_LENGTH,         /* reserved length octet, more than 4 length octets, overflow */
  SS_DER_ERR_OVERRUN,        /* the contents run past the enclosing element */
  SS_DER_ERR_INDEFINITE,     /* indefinite length on a primitive element, or no end-of-contents */
  SS_DER_ERR_DEPTH,          /* indefinite lengths nested deeper than SS_DER_MAX_DEPTH */
} SsDerError;

typedef struct
{
  guint32  off;              /* of the identifier octets in the reader */
  guint32  hdr_len;          /* identifier plus length octets */
  guint32  len;              /* contents length (for indefinite: up to the end-of-contents) */
  guint32  tag;
  guint8   cls;              /* SsDerClass */
  gboolean constructed;
  gboolean indefinite;       /* BER indefinite form: the contents end with 00 00 */
} SsDerTlv;

/* Offset of the contents and the first byte after the element (after the end-of-contents octets
 * of an indefinite length). */
static inline guint32
ss_der_tlv_contents (const SsDerTlv *tlv)
{
  return tlv->off + tlv->hdr_len;
}

static inline guint32
ss_der_tlv_end (const SsDerTlv *tlv)
{
  return tlv->off + tlv->hdr_len + tlv->len + (tlv->indefinite ? 2 : 0);
}

static inline gboolean
ss_der_tlv_is (const SsDerTlv *tlv,
               guint8          cls,
               guint32         tag)
{
  return tlv->cls == cls && tlv->tag == tag;
}

/* Reads the element at @off, which must end at or before @end (the end of the enclosing
 * element). Returns SS_DER_OK or why not; on error @tlv is zeroed except .off. Reading through
 * @r marks it truncated or malformed as usual when the bytes are not there. */
SsDerError    ss_der_read_tlv         (SsReader       *r,
                                       guint32         off,
                                       guint32         end,
                                       SsDerTlv       *tlv);
const char   *ss_der_error_string     (SsDerError      error);

/* A non-negative INTEGER of at most 8 significant octets (a leading zero octet is allowed). */
gboolean      ss_der_get_uint         (SsReader       *r,
                                       const SsDerTlv *tlv,
                                       guint64        *value);
/* A two's complement INTEGER of 1 to 8 octets. */
gboolean      ss_der_get_int          (SsReader       *r,
                                       const SsDerTlv *tlv,
                                       gint64         *value);
gboolean      ss_der_get_bool         (SsReader       *r,
                                       const SsDerTlv *tlv,
                                       gboolean       *value);

/* Dotted decimal text of the OBJECT IDENTIFIER contents (X.690 §8.19) appended to @out. FALSE
 * (and @out unchanged) when the encoding is invalid: empty, an unterminated subidentifier, or an
 * arc wider than 64 bits. */
gboolean      ss_der_append_oid       (SsReader       *r,
                                       const SsDerTlv *tlv,
                                       GString        *out);

/* UTCTime (YYMMDDHHMM[SS]Z, X.680 §47, years 50-99 are 19xx as RFC 5280 §4.1.2.5.1 says) or
 * GeneralizedTime (YYYYMMDDHHMMSS[.f]Z, §46): seconds since the epoch. Offsets (+hhmm) are
 * applied. FALSE when the text is not a valid time. */
gboolean      ss_der_get_time         (SsReader       *r,
                                       const SsDerTlv *tlv,
                                       gint64         *secs,
                                       gint32         *nsecs);

G_END_DECLS
