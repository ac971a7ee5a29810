/* ss-der.c: a bounds-checked reader for ASN.1 DER and BER encodings (ITU-T X.690) */
#include "config.h"

#include "ss-der.h"

static SsDerError read_tlv (SsReader *r,
                            guint32   off,
                            guint32   end,
                            guint     depth,
                            SsDerTlv *tlv);

/* Finds the end-of-contents octets that close an indefinite length (X.690 §8.1.3.6): every
 * element in between is skipped by its own length, so nested indefinite elements are followed
 * down to SS_DER_MAX_DEPTH. */
static SsDerError
find_eoc (SsReader *r,
          guint32   off,
          guint32   end,
          guint     depth,
          guint32  *eoc)
{
  while (off < end)
    {
      SsDerTlv child;
      SsDerError err = read_tlv (r, off, end, depth + 1, &child);

      if (err != SS_DER_OK)
        return err;
      if (child.cls == SS_DER_CLASS_UNIVERSAL && child.tag == SS_DER_TAG_EOC
          && !child.constructed && child.len == 0 && !child.indefinite)
        {
          *eoc = off;
          return SS_DER_OK;
        }
      /* Every element is at least two octets long, so the loop advances. */
      off = ss_der_tlv_end (&child);
    }
  return SS_DER_ERR_INDEFINITE;
}

static SsDerError
read_tlv (SsReader *r,
          guint32   off,
          guint32   end,
          guint     depth,
          SsDerTlv *tlv)
{
  guint32 pos = off;
  guint8 b;
  guint32 len;

  tlv->off = off;
  tlv->hdr_len = 0;
  tlv->len = 0;
  tlv->tag = 0;
  tlv->cls = 0;
  tlv->constructed = FALSE;
  tlv->indefinite = FALSE;

  if (depth > SS_DER_MAX_DEPTH)
    return SS_DER_ERR_DEPTH;
  if (pos >= end || !ss_reader_check (r, pos, 1))
    return SS_DER_ERR_SHORT;

  /* Identifier octets (§8.1.2). */
  b = ss_reader_get_u8 (r, pos++);
  tlv->cls = b >> 6;
  tlv->constructed = (b & 0x20) != 0;
  tlv->tag = b & 0x1f;
  if (tlv->tag == 0x1f)
    {
      guint n = 0;

      tlv->tag = 0;
      do
        {
          if (pos >= end || !ss_reader_check (r, pos, 1))
            return SS_DER_ERR_SHORT;
          if (++n > 4)
            return SS_DER_ERR_TAG;
          b = ss_reader_get_u8 (r, pos++);
          tlv->tag = tlv->tag << 7 | (b & 0x7f);
        }
      while (b & 0x80);
    }

  /* Length octets (§8.1.3). */
  if (pos >= end || !ss_reader_check (r, pos, 1))
    return SS_DER_ERR_SHORT;
  b = ss_reader_get_u8 (r, pos++);
  if (b < 0x80)
    len = b;
  else if (b == 0x80)
    {
      guint32 eoc = 0;
      SsDerError err;

      if (!tlv->constructed)
        return SS_DER_ERR_INDEFINITE;
      tlv->hdr_len = pos - off;
      err = find_eoc (r, pos, end, depth, &eoc);
      if (err != SS_DER_OK)
        return err;
      tlv->indefinite = TRUE;
      tlv->len = eoc - pos;
      return SS_DER_OK;
    }
  else
    {
      guint n = b & 0x7f;
      guint64 v = 0;

      if (n == 0x7f || n > 8)
        return SS_DER_ERR_LENGTH;
      if (pos > end || end - pos < n)
        return SS_DER_ERR_SHORT;
      if (!ss_reader_check (r, pos, n))
        return SS_DER_ERR_SHORT;
      for (guint i = 0; i < n; i++)
        v = v << 8 | ss_reader_get_u8 (r, pos + i);
      pos += n;
      if (v > G_MAXUINT32)
        return SS_DER_ERR_LENGTH;
      len = (guint32) v;
    }

  tlv->hdr_len = pos - off;
  if (len > end - pos)
    {
      tlv->len = len;
      return SS_DER_ERR_OVERRUN;
    }
  tlv->len = len;
  return SS_DER_OK;
}

SsDerError
ss_der_read_tlv (SsReader *r,
                 guint32   off,
                 guint32   end,
                 SsDerTlv *tlv)
{
  g_return_val_if_fail (r != NULL && tlv != NULL, SS_DER_ERR_SHORT);
  return read_tlv (r, off, end, 0, tlv);
}

const char *
ss_der_error_string (SsDerError error)
{
  switch (error)
    {
    case SS_DER_OK: return "no error";
    case SS_DER_ERR_SHORT: return "identifier or length octets cut short";
    case SS_DER_ERR_TAG: return "tag number too large";
    case SS_DER_ERR_LENGTH: return "invalid length octets";
    case SS_DER_ERR_OVERRUN: return "length runs past the enclosing element";
    case SS_DER_ERR_INDEFINITE: return "invalid indefinite length";
    case SS_DER_ERR_DEPTH: return "nested too deeply";
    default: return "unknown error";
    }
}

gboolean
ss_der_get_uint (SsReader       *r,
                 const SsDerTlv *tlv,
                 guint64        *value)
{
  guint32 c = ss_der_tlv_contents (tlv);
  const guint8 *p;
  guint64 v = 0;

  *value = 0;
  if (tlv->len == 0 || tlv->len > 9)
    return FALSE;
  p = ss_reader_peek (r, c, tlv->len);
  if (!p || (p[0] & 0x80) || (tlv->len == 9 && p[0] != 0))
    return FALSE;
  for (guint i = 0; i < tlv->len; i++)
    v = v << 8 | p[i];
  *value = v;
  return TRUE;
}

gboolean
ss_der_get_int (SsReader       *r,
                const SsDerTlv *tlv,
                gint64         *value)
{
  guint32 c = ss_der_tlv_contents (tlv);
  const guint8 *p;
  guint64 v;

  *value = 0;
  if (tlv->len == 0 || tlv->len > 8)
    return FALSE;
  p = ss_reader_peek (r, c, tlv->len);
  if (!p)
    return FALSE;
  v = (p[0] & 0x80) ? G_MAXUINT64 : 0;
  for (guint i = 0; i < tlv->len; i++)
    v = v << 8 | p[i];
  *value = (gint64) v;
  return TRUE;
}

gboolean
ss_der_get_bool (SsReader       *r,
                 const SsDerTlv *tlv,
                 gboolean       *value)
{
  *value = FALSE;
  if (tlv->len != 1 || !ss_reader_check (r, ss_der_tlv_contents (tlv), 1))
    return FALSE;
  *value = ss_reader_get_u8 (r, ss_der_tlv_contents (tlv)) != 0;
  return TRUE;
}

gboolean
ss_der_append_oid (SsReader       *r,
                   const SsDerTlv *tlv,
                   GString        *out)
{
  const guint8 *p = tlv->len ? ss_reader_peek (r, ss_der_tlv_contents (tlv), tlv->len) : NULL;
  gsize start = out->len;
  guint64 v = 0;
  gboolean first = TRUE;

  if (!p)
    return FALSE;
  for (guint32 i = 0; i < tlv->len; i++)
    {
      if (v > (G_MAXUINT64 >> 7))
        goto bad;
      v = v << 7 | (p[i] & 0x7f);
      if (p[i] & 0x80)
        continue;
      if (first)
        {
          /* The first subidentifier holds two arcs (§8.19.4). */
          guint top = v < 40 ? 0 : v < 80 ? 1 : 2;

          g_string_append_printf (out, "%u.%" G_GUINT64_FORMAT, top, v - top * 40);
          first = FALSE;
        }
      else
        g_string_append_printf (out, ".%" G_GUINT64_FORMAT, v);
      v = 0;
    }
  if (p[tlv->len - 1] & 0x80)
    goto bad;
  return TRUE;

bad:
  g_string_truncate (out, start);
  return FALSE;
}

static gboolean
get_digits (const guint8 *p,
            guint         n,
            guint        *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gboolean
ss_der_get_time (SsReader       *r,
                 const SsDerTlv *tlv,
                 gint64         *secs,
                 gint32         *nsecs)
{
  gboolean utc = tlv->tag == SS_DER_TAG_UTC_TIME;
  guint32 n = tlv->len;
  const guint8 *p;
  guint year, mon, day, hour, min, sec = 0, i;
  gint32 frac = 0;
  gint64 offset = 0;

  *secs = 0;
  *nsecs = 0;
  if (n < (utc ? 10u : 10u) || n > 64)
    return FALSE;
  p = ss_reader_peek (r, ss_der_tlv_contents (tlv), n);
  if (!p)
    return FALSE;

  if (utc)
    {
      if (!get_digits (p, 2, &year))
        return FALSE;
      year += year < 50 ? 2000 : 1900;
      i = 2;
    }
  else
    {
      if (!get_digits (p, 4, &year))
        return FALSE;
      i = 4;
    }
  if (n < i + 6 || !get_digits (p + i, 2, &mon) || !get_digits (p + i + 2, 2, &day)
      || !get_digits (p + i + 4, 2, &hour))
    return FALSE;
  i += 6;
  if (n < i + 2 || !get_digits (p + i, 2, &min))
    return FALSE;
  i += 2;
  if (n >= i + 2 && p[i] >= '0' && p[i] <= '9')
    {
      if (!get_digits (p + i, 2, &sec))
        return FALSE;
      i += 2;
    }
  if (!utc && i < n && (p[i] == '.' || p[i] == ','))
    {
      guint digits = 0;

      for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
        if (digits < 9)
          {
            frac = frac * 10 + (p[i] - '0');
            digits++;
          }
      if (digits == 0)
        return FALSE;
      for (; digits < 9; digits++)
        frac *= 10;
    }
  if (i < n && p[i] == 'Z')
    i++;
  else if (i + 5 <= n && (p[i] == '+' || p[i] == '-'))
    {
      guint oh, om;

      if (!get_digits (p + i + 1, 2, &oh) || !get_digits (p + i + 3, 2, &om) || oh > 23
          || om > 59)
        return FALSE;
      offset = (gint64) (oh * 3600 + om * 60) * (p[i] == '+' ? 1 : -1);
      i += 5;
    }
  if (i != n)
    return FALSE;
  if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
    return FALSE;

  *secs = days_from_civil (year, mon, day) * 86400 + hour * 3600 + min * 60 + sec - offset;
  *nsecs = frac;
  return TRUE;
}
