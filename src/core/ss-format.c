/* ss-format.c: field values and tree labels as text */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "ss-format.h"

void
ss_format_ipv6 (const guint8 *a,
                char         *buf,
                gsize         size)
{
  guint16 w[8];
  int best = -1, best_len = 0;
  char *p;

  for (guint i = 0; i < 8; i++)
    w[i] = (guint16) (a[2 * i] << 8 | a[2 * i + 1]);

  /* RFC 5952 §4.2: the longest run of two or more zero words becomes "::", the first one wins. */
  for (int i = 0; i < 8;)
    {
      int j = i;

      while (j < 8 && w[j] == 0)
        j++;
      if (j - i > best_len && j - i >= 2)
        {
          best = i;
          best_len = j - i;
        }
      i = j > i ? j : i + 1;
    }

  /* IPv4-mapped and IPv4-compatible forms keep the dotted quad, as Wireshark prints them. */
  if (best == 0 && best_len == 5 && w[5] == 0xffff)
    {
      g_snprintf (buf, size, "::ffff:%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
      return;
    }
  if (best == 0 && best_len == 6 && (w[6] != 0 || w[7] > 1))
    {
      g_snprintf (buf, size, "::%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
      return;
    }

  /* By hand: the Info and summary columns format addresses for every frame. */
  g_return_if_fail (size >= 46);
  p = buf;
  for (int i = 0; i < 8; i++)
    {
      gboolean lead = TRUE;

      if (i == best)
        {
          *p++ = ':';
          *p++ = ':';
          i += best_len - 1;
          continue;
        }
      if (p > buf && p[-1] != ':')
        *p++ = ':';
      for (int shift = 12; shift >= 0; shift -= 4)
        {
          guint nibble = (w[i] >> shift) & 0xf;

          if (lead && nibble == 0 && shift > 0)
            continue;
          lead = FALSE;
          *p++ = "0123456789abcdef"[nibble];
        }
    }
  *p = '\0';
}

guint
ss_format_uint_dec (guint64  value,
                    char    *buf)
{
  static const char pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
  guint32 small;
  guint len;
  char *p;

  if (value > G_MAXUINT32)
    {
      char tmp[24];

      p = tmp + sizeof tmp;
      while (value > 0)
        {
          *--p = (char) ('0' + value % 10);
          value /= 10;
        }
      len = (guint) (tmp + sizeof tmp - p);
      memcpy (buf, p, len);
      buf[len] = '\0';
      return len;
    }
  /* Most values are ports, lengths and sequence numbers, written for every frame shown: their
   * digits are counted, then written from the end two at a time, in place. */
  small = (guint32) value;
  len = small < 100000 ? (small < 100 ? (small < 10 ? 1 : 2)
                                      : (small < 1000 ? 3 : small < 10000 ? 4 : 5))
                       : (small < 10000000 ? (small < 1000000 ? 6 : 7)
                                           : (small < 100000000 ? 8
                                                                : small < 1000000000 ? 9 : 10));
  p = buf + len;
  *p = '\0';
  while (small >= 100)
    {
      guint32 r = small % 100;

      small /= 100;
      p -= 2;
      p[0] = pairs[2 * r];
      p[1] = pairs[2 * r + 1];
    }
  if (small >= 10)
    {
      p[-2] = pairs[2 * small];
      p[-1] = pairs[2 * small + 1];
    }
  else
    p[-1] = (char) ('0' + small);
  return len;
}

void
ss_format_abs_time (gint64    secs,
                    gint32    nsecs,
                    gboolean  utc,
                    GString  *out)
{
  static const char *const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  time_t t = (time_t) secs;
  struct tm tm;

  if ((utc ? gmtime_r (&t, &tm) : localtime_r (&t, &tm)) == NULL)
    {
      g_string_append (out, "Not representable");
      return;
    }
  g_string_append_printf (out, "%s %2d, %d %02d:%02d:%02d.%09d %s",
                          months[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                          tm.tm_sec, nsecs, utc ? "UTC" : tm.tm_zone);
}

static void
format_hex (guint64      v,
            SsFieldType  type,
            GString     *out)
{
  static const char digits_of[] = "0123456789abcdef";
  guint digits = MAX (ss_field_type_bits (type) / 4, 1u);
  char buf[20];
  guint n = 0;

  /* -T fields prints millions of these: no printf. */
  buf[n++] = '0';
  buf[n++] = 'x';
  for (guint i = digits; i > 0; i--)
    buf[n++] = digits_of[(v >> ((i - 1) * 4)) & 0xf];
  g_string_append_len (out, buf, n);
}

static void
format_uint (guint64  v,
             GString *out)
{
  char buf[24];
  guint n = sizeof buf;

  do
    {
      buf[--n] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v);
  g_string_append_len (out, buf + n, sizeof buf - n);
}

static void
format_ipv4 (const guint8 *a,
             GString      *out)
{
  for (guint i = 0; i < 4; i++)
    {
      if (i)
        g_string_append_c (out, '.');
      format_uint (a[i], out);
    }
}

static void
format_rel_time (gint64   secs,
                 gint32   nsecs,
                 GString *out)
{
  if (secs < 0 || nsecs < 0)
    {
      g_string_append_c (out, '-');
      secs = -secs;
      nsecs = -nsecs;
      if (nsecs < 0)
        {
          nsecs += 1000000000;
          secs -= 1;
        }
    }
  format_uint ((guint64) secs, out);
  g_string_append_c (out, '.');
  {
    char frac[9];

    for (int i = 8; i >= 0; i--)
      {
        frac[i] = (char) ('0' + nsecs % 10);
        nsecs /= 10;
      }
    g_string_append_len (out, frac, 9);
  }
}

static void
append_escaped_string (const char *s,
                       GString    *out)
{
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\x%02x", *p);
      else
        g_string_append_c (out, *p);
    }
}

void
ss_format_field_value (const SsItem *item,
                       GString      *out)
{
  const SsFieldDef *def = item->def;
  char buf[64];

  if (!def)
    return;

  switch (def->type)
    {
    case SS_FT_NONE:
      /* tshark prints "1" so -T fields can test presence. */
      g_string_append_c (out, '1');
      break;
    case SS_FT_PROTOCOL:
      g_string_append (out, item->text ? item->text : def->abbrev);
      break;
    case SS_FT_BOOLEAN:
      g_string_append_c (out, item->v.u ? '1' : '0');
      break;
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
      if (def->display == SS_BASE_HEX || def->display == SS_BASE_HEX_DEC)
        format_hex (item->v.u, def->type, out);
      else if (def->display == SS_BASE_OCT)
        g_string_append_printf (out, "0%" G_GINT64_MODIFIER "o", item->v.u);
      else
        format_uint (item->v.u, out);
      break;
    case SS_FT_FRAMENUM:
      format_uint (item->v.u, out);
      break;
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, item->v.i);
      break;
    case SS_FT_FLOAT:
    case SS_FT_DOUBLE:
      g_string_append_printf (out, "%g", item->v.d);
      break;
    case SS_FT_ABSOLUTE_TIME:
      if (def->display == SS_BASE_TIME_UNIX)
        format_rel_time (item->v.time.secs, item->v.time.nsecs, out);
      else
        ss_format_abs_time (item->v.time.secs, item->v.time.nsecs,
                            def->display == SS_BASE_TIME_UTC, out);
      break;
    case SS_FT_RELATIVE_TIME:
      format_rel_time (item->v.time.secs, item->v.time.nsecs, out);
      break;
    case SS_FT_IPv4:
      format_ipv4 (item->v.addr, out);
      break;
    case SS_FT_IPv6:
      ss_format_ipv6 (item->v.addr, buf, sizeof buf);
      g_string_append (out, buf);
      break;
    case SS_FT_ETHER:
      g_string_append_printf (out, "%02x:%02x:%02x:%02x:%02x:%02x", item->v.addr[0],
                              item->v.addr[1], item->v.addr[2], item->v.addr[3],
                              item->v.addr[4], item->v.addr[5]);
      break;
    case SS_FT_BYTES:
      for (guint32 i = 0; i < item->v.bytes.len; i++)
        g_string_append_printf (out, "%02x", item->v.bytes.data[i]);
      break;
    case SS_FT_STRING:
      append_escaped_string (item->v.str ? item->v.str : "", out);
      break;
    case SS_FT_COUNT:
    default:
      break;
    }
}

const char *
ss_format_value_name (const SsItem *item)
{
  const SsFieldDef *def = item->def;

  if (!def || !def->vals)
    return NULL;
  if (ss_field_type_is_integer (def->type) && !ss_field_type_is_signed (def->type))
    return ss_value_string_lookup (def->vals, item->v.u);
  if (ss_field_type_is_signed (def->type))
    return ss_value_string_lookup (def->vals, (guint64) item->v.i);
  return NULL;
}

/* ".... ..1. " for a masked value: the container's bits, dots outside the mask. */
static void
append_bit_pattern (guint64  mask,
                    guint64  value,
                    guint    bits,
                    GString *out)
{
  guint shift = ss_field_mask_shift (mask);
  guint64 raw = (value << shift) & mask;

  for (guint i = 0; i < bits; i++)
    {
      guint bit = bits - 1 - i;
      guint64 m = G_GUINT64_CONSTANT (1) << bit;

      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      if (mask & m)
        g_string_append_c (out, (raw & m) ? '1' : '0');
      else
        g_string_append_c (out, '.');
    }
  g_string_append (out, " = ");
}

const char *
ss_format_item_label (SsPacket     *pkt,
                      const SsItem *item)
{
  const SsFieldDef *def = item->def;
  g_autoptr(GString) s = NULL;
  const char *vname;

  if (item->text)
    return item->text;
  if (!def)
    return "";

  s = g_string_new (NULL);
  if (def->mask && (ss_field_type_is_integer (def->type) || def->type == SS_FT_BOOLEAN))
    {
      guint bits = def->type == SS_FT_BOOLEAN ? (def->display ? def->display : 8)
                                              : ss_field_type_bits (def->type);
      append_bit_pattern (def->mask, def->type == SS_FT_BOOLEAN ? (item->v.u ? 1 : 0)
                                                                 : item->v.u, bits, s);
    }

  g_string_append (s, _(def->name));
  if (def->type == SS_FT_PROTOCOL || def->type == SS_FT_NONE)
    return ss_arena_strdup (pkt->arena, s->str);
  g_string_append (s, ": ");

  vname = ss_format_value_name (item);
  switch (def->type)
    {
    case SS_FT_BOOLEAN:
      if (def->tfs)
        g_string_append (s, item->v.u ? def->tfs->true_string : def->tfs->false_string);
      else
        g_string_append (s, item->v.u ? (def->mask ? _("Set") : _("True"))
                                      : (def->mask ? _("Not set") : _("False")));
      break;
    case SS_FT_RELATIVE_TIME:
      ss_format_field_value (item, s);
      g_string_append (s, " seconds");
      break;
    case SS_FT_ABSOLUTE_TIME:
      if (def->display == SS_BASE_TIME_UNIX)
        {
          ss_format_field_value (item, s);
          g_string_append (s, " seconds");
        }
      else
        ss_format_field_value (item, s);
      break;
    case SS_FT_STRING:
      g_string_append (s, item->v.str ? item->v.str : "");
      break;
    case SS_FT_BYTES:
      /* As Wireshark's labels: at most 36 bytes, then an ellipsis. */
      if (item->v.bytes.len > 36)
        {
          for (guint32 i = 0; i < 36; i++)
            g_string_append_printf (s, "%02x", item->v.bytes.data[i]);
          g_string_append (s, "…");
        }
      else
        ss_format_field_value (item, s);
      break;
    default:
      /* An integer shown as BASE_NONE has only its name (Wireshark's checksum status:
       * "Unverified", not "Unverified (2)"). */
      if (vname && def->display == SS_BASE_NONE && ss_field_type_is_integer (def->type))
        g_string_append (s, vname);
      else if (vname)
        {
          g_string_append_printf (s, "%s (", vname);
          ss_format_field_value (item, s);
          g_string_append_c (s, ')');
        }
      else if (def->display == SS_BASE_DEC_HEX && ss_field_type_is_integer (def->type))
        g_string_append_printf (s, "%" G_GUINT64_FORMAT " (0x%0*" G_GINT64_MODIFIER "x)",
                                item->v.u, (int) ss_field_type_bits (def->type) / 4, item->v.u);
      else if (def->display == SS_BASE_HEX_DEC && ss_field_type_is_integer (def->type))
        {
          ss_format_field_value (item, s);
          g_string_append_printf (s, " (%" G_GUINT64_FORMAT ")", item->v.u);
        }
      else
        ss_format_field_value (item, s);
      break;
    }
  return ss_arena_strdup (pkt->arena, s->str);
}
