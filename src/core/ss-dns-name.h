/* ss-dns-name.h: domain names in DNS wire format (RFC 1035 §3.1, §4.1.4; bit-string labels
 * RFC 2673), as DNS and the ICMPv6 DNS search list option (RFC 8106 §5.2) carry them
 *
 * Names are expanded the way Wireshark expands them, so that fields and columns read the same:
 * compression pointers are followed (at most SS_DNS_MAX_POINTERS of them, a pointer loop ends
 * the name with a note), at most SS_DNS_MAX_NAME_LEN characters are kept, the root is shown as
 * "<Root>", and bytes that are not printable are escaped as Wireshark's format_text() does.
 * Header-only: shared by ss-dissect-dns.c and ss-dissect-icmpv6.c.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "ss-arena.h"
#include "ss-reader.h"

G_BEGIN_DECLS

#define SS_DNS_MAX_NAME_LEN 255   /* RFC 1035 §2.3.4 */
#define SS_DNS_MIN_NAME_LEN 2
#define SS_DNS_MAX_POINTERS SS_DNS_MAX_NAME_LEN
/* Label and pointer steps taken for one name before it is treated as a loop: more than a
 * maximal packet's worth of labels behind every allowed pointer would need. */
#define SS_DNS_MAX_STEPS    (SS_DNS_MAX_POINTERS * 1024)

typedef struct
{
  const char *name;   /* raw bytes (may hold NULs), or one of Wireshark's "<...>" notes */
  guint       len;
  guint       used;   /* bytes of the name where it starts (up to its first pointer) */
} SsDnsName;

/* Marks @r malformed: what Wireshark's ReportedBoundsError means. */
static inline void
ss_dns_mark_malformed (SsReader *r)
{
  ss_reader_mark (r, r->reported, 1);
}

/* Wireshark's format_text(): printable ASCII and printable UTF-8 as is, C escapes for control
 * characters (octal when there is no letter escape), \uXXXX for non-printable characters and
 * U+FFFD for bytes that are not UTF-8. */
static inline char *
ss_dns_format_text (SsArena      *arena,
                    const guint8 *s,
                    gsize         len)
{
  GString *out;
  gsize i = 0;
  char *res;

  /* Nearly every name is printable ASCII: copied as it is. */
  while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
    i++;
  if (i == len)
    return ss_arena_strndup (arena, (const char *) s, len);
  out = g_string_sized_new (len + 1);
  g_string_append_len (out, (const char *) s, i);
  while (i < len)
    {
      guint8 c = s[i++];
      gunichar uc, min;
      guint need;

      if (c < 0x80)
        {
          if (g_ascii_isprint (c))
            {
              g_string_append_c (out, (char) c);
              continue;
            }
          g_string_append_c (out, '\\');
          switch (c)
            {
            case '\a': g_string_append_c (out, 'a'); break;
            case '\b': g_string_append_c (out, 'b'); break;
            case '\f': g_string_append_c (out, 'f'); break;
            case '\n': g_string_append_c (out, 'n'); break;
            case '\r': g_string_append_c (out, 'r'); break;
            case '\t': g_string_append_c (out, 't'); break;
            case '\v': g_string_append_c (out, 'v'); break;
            default:
              g_string_append_printf (out, "%03o", c);
              break;
            }
          continue;
        }
      if ((c & 0xe0) == 0xc0)
        {
          need = 1;
          uc = c & 0x1f;
          min = 0x80;
        }
      else if ((c & 0xf0) == 0xe0)
        {
          need = 2;
          uc = c & 0x0f;
          min = 0x800;
        }
      else if ((c & 0xf8) == 0xf0)
        {
          need = 3;
          uc = c & 0x07;
          min = 0x10000;
        }
      else
        {
          g_string_append (out, "\xef\xbf\xbd");
          continue;
        }
      for (; need > 0 && i < len && (s[i] & 0xc0) == 0x80; need--, i++)
        uc = uc << 6 | (s[i] & 0x3f);
      if (need > 0 || uc < min || uc > 0x10ffff || (uc >= 0xd800 && uc <= 0xdfff))
        {
          g_string_append (out, "\xef\xbf\xbd");
          continue;
        }
      if (g_unichar_isprint (uc))
        g_string_append_unichar (out, uc);
      else if (uc <= 0xffff)
        g_string_append_printf (out, "\\u%04X", uc);
      else
        g_string_append_printf (out, "\\U%08X", uc);
    }
  res = ss_arena_strndup (arena, out->str, out->len);
  g_string_free (out, TRUE);
  return res;
}

/* Wireshark's expand_dns_name() and get_dns_name(): the name at @off of @r, pointers counted
 * from @base. @max_len, when not 0, bounds the bytes the name may occupy at @off. Returns FALSE
 * when the name cannot be read; @r is then marked truncated or malformed as Wireshark's
 * exceptions would be. */
static inline gboolean
ss_dns_name_get (SsReader  *r,
                 guint      off,
                 guint      max_len,
                 guint      base,
                 SsArena   *arena,
                 SsDnsName *out)
{
  char buf[SS_DNS_MAX_NAME_LEN];
  char *np = buf;
  gint64 o = off, start = off, len = -1;
  gint maxname = SS_DNS_MAX_NAME_LEN;
  guint name_len = 0, pointers = 0, steps = 0;
  char first_char;

  out->name = NULL;
  out->len = 0;
  out->used = 0;

  for (;;)
    {
      guint8 clen;

      if (max_len && o - start > (gint64) max_len - 1)
        break;
      if (++steps > SS_DNS_MAX_STEPS)
        goto loop;
      clen = ss_reader_get_u8 (r, (guint) o);
      if (ss_reader_failed (r))
        return FALSE;
      o++;
      if (clen == 0)
        break;
      switch (clen & 0xc0)
        {
        case 0x00:
          /* a dot before every label but the first; the first one's share goes unused */
          if (np != buf)
            {
              if (maxname > 0)
                {
                  *np++ = '.';
                  name_len++;
                  maxname--;
                }
            }
          else
            maxname--;
          for (; clen > 0; clen--, o++)
            {
              guint8 ch;

              if (max_len && o - start > (gint64) max_len - 1)
                {
                  ss_dns_mark_malformed (r);
                  return FALSE;
                }
              ch = ss_reader_get_u8 (r, (guint) o);
              if (ss_reader_failed (r))
                return FALSE;
              if (maxname > 0)
                {
                  *np++ = (char) ch;
                  name_len++;
                  maxname--;
                }
            }
          break;
        case 0x40:
          if ((clen & 0x3f) == 0x01)
            {
              /* RFC 2673 §3.1 bit-string label, "\[x<hex>/<bits>]". Like Wireshark, its text
               * does not count in the name's length. */
              guint8 bits = ss_reader_get_u8 (r, (guint) o);
              gint label_len = ((gint) bits - 1) / 8 + 1;
              char tmp[8];
              gint n;

              if (ss_reader_failed (r))
                return FALSE;
              o++;
              if (maxname > 0)
                {
                  if (maxname >= 3)
                    {
                      memcpy (np, "\\[x", 3);
                      np += 3;
                      maxname -= 3;
                    }
                  else
                    maxname = 0;
                }
              for (; label_len > 0; label_len--, o++)
                {
                  guint8 b = ss_reader_get_u8 (r, (guint) o);

                  if (ss_reader_failed (r))
                    return FALSE;
                  if (maxname >= 2)
                    {
                      g_snprintf (tmp, sizeof tmp, "%02x", b);
                      memcpy (np, tmp, 2);
                      np += 2;
                      maxname -= 2;
                    }
                  else
                    maxname = 0;
                }
              n = g_snprintf (tmp, sizeof tmp, "/%u]", bits);
              if (maxname > 0 && n <= maxname)
                {
                  memcpy (np, tmp, (gsize) n);
                  np += n;
                  maxname -= n;
                }
              else
                maxname = 0;
              break;
            }
          out->name = "<Unknown extended label>";
          out->len = (guint) strlen (out->name);
          len = o - start;
          if (len < 1)
            {
              ss_dns_mark_malformed (r);
              return FALSE;
            }
          out->used = (guint) len;
          return TRUE;
        case 0x80:
          ss_dns_mark_malformed (r);
          return FALSE;
        default:
          {
            guint8 lo = ss_reader_get_u8 (r, (guint) o);
            gint64 target = (gint64) base + (((clen & 0x3f) << 8) | lo);

            if (ss_reader_failed (r))
              return FALSE;
            o++;
            pointers++;
            if (len < 0)
              len = o - start;
            /* Wireshark tests "target == offset + 2", which never holds: only the count
             * stops a loop. */
            if (target == o + 2 || pointers > SS_DNS_MAX_POINTERS)
              goto loop;
            o = target;
          }
          break;
        }
    }

  if (maxname > 0)
    {
      out->name = ss_arena_strndup (arena, buf, (gsize) (np - buf));
      out->len = name_len;
      first_char = np > buf ? buf[0] : '\0';
    }
  else
    {
      out->name = "<Name too long>";
      out->len = (guint) strlen (out->name);
      first_char = '<';
    }
  if (len < 0)
    len = o - start;
  out->used = (guint) len;

  /* get_dns_name(): an empty name is the root */
  if (first_char == '\0' && len <= SS_DNS_MIN_NAME_LEN)
    {
      out->name = "<Root>";
      out->len = 6;
      return TRUE;
    }
  if (len < SS_DNS_MIN_NAME_LEN || (len > SS_DNS_MIN_NAME_LEN && out->len == 0))
    {
      ss_dns_mark_malformed (r);
      return FALSE;
    }
  return TRUE;

loop:
  out->name = "<Name contains a pointer that loops>";
  out->len = (guint) strlen (out->name);
  if (len < 1)
    {
      ss_dns_mark_malformed (r);
      return FALSE;
    }
  out->used = (guint) len;
  return TRUE;
}

/* Labels in an expanded name: its dots plus one, 0 for the empty name (Wireshark's
 * qname_labels_count). */
static inline guint
ss_dns_name_labels (const SsDnsName *n)
{
  guint labels = 0;

  if (n->len > 1)
    {
      for (guint i = 0; i < n->len; i++)
        if (n->name[i] == '.')
          labels++;
      labels++;
    }
  return labels;
}

G_END_DECLS
