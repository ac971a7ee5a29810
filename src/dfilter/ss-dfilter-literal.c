/* ss-dfilter-literal.c: reading literal values the way Wireshark 4.0 reads them
 *
 * Numbers (decimal, 0x hex, 0 octal, 0b binary), IPv4 and IPv6 addresses with a CIDR prefix,
 * MAC addresses, byte strings and times. Host names are never resolved: a filter means the same
 * on every machine.
 */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>
#include <time.h>

#include "ss-dfilter-private.h"

gboolean
ss_df_parse_uint64 (const char *s,
                    guint64    *out,
                    gboolean   *overflow)
{
  guint base = 10;
  guint64 v = 0;
  const char *p = s;

  *overflow = FALSE;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    {
      base = 16;
      p += 2;
    }
  else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
    {
      base = 2;
      p += 2;
    }
  else if (p[0] == '0' && p[1] != '\0')
    {
      base = 8;
      p += 1;
    }
  if (*p == '\0')
    return FALSE;
  for (; *p; p++)
    {
      gint d = g_ascii_xdigit_value (*p);

      if (d < 0 || (guint) d >= base)
        return FALSE;
      if (v > (G_MAXUINT64 - (guint) d) / base)
        *overflow = TRUE;
      v = v * base + (guint) d;
    }
  *out = v;
  return !*overflow;
}

/* A CIDR suffix "/N" split off @s into @bits; returns the length of the address part. */
static gsize
split_prefix (const char *s,
              gint64     *bits)
{
  const char *slash = strchr (s, '/');

  *bits = -1;
  if (!slash)
    return strlen (s);
  if (slash[1] == '\0' || strlen (slash + 1) > 3 || strspn (slash + 1, "0123456789")
      != strlen (slash + 1))
    {
      *bits = -2;
      return slash - s;
    }
  *bits = g_ascii_strtoll (slash + 1, NULL, 10);
  return slash - s;
}

gboolean
ss_df_parse_ipv4 (const char  *s,
                  guint32     *addr,
                  guint       *bits,
                  char       **error_message)
{
  gint64 prefix;
  gsize n = split_prefix (s, &prefix);
  g_autofree char *a = g_strndup (s, n);
  struct in_addr in;

  if (prefix == -2 || inet_pton (AF_INET, a, &in) != 1)
    {
      *error_message = g_strdup_printf (_("\"%s\" is not a valid hostname or IPv4 address."), s);
      return FALSE;
    }
  if (prefix > 32)
    {
      *error_message = g_strdup_printf (_("Netmask bits in a CIDR IPv4 address should be <= 32, "
                                          "not %u"), (guint) prefix);
      return FALSE;
    }
  *addr = g_ntohl (in.s_addr);
  *bits = prefix < 0 ? 32 : (guint) prefix;
  return TRUE;
}

gboolean
ss_df_parse_ipv6_address (const char *s,
                          gsize       len,
                          guint8      addr[16])
{
  char buf[64];

  if (len >= sizeof buf)
    return FALSE;
  memcpy (buf, s, len);
  buf[len] = '\0';
  return inet_pton (AF_INET6, buf, addr) == 1;
}

gboolean
ss_df_parse_ipv6 (const char  *s,
                  guint8       addr[16],
                  guint       *bits,
                  char       **error_message)
{
  gint64 prefix;
  gsize n = split_prefix (s, &prefix);

  if (prefix == -2 || !ss_df_parse_ipv6_address (s, n, addr))
    {
      *error_message = g_strdup_printf (_("\"%s\" is not a valid hostname or IPv6 address."), s);
      return FALSE;
    }
  if (prefix > 128)
    {
      *error_message = g_strdup_printf (_("Prefix in a IPv6 address should be <= 128, not %u"),
                                        (guint) prefix);
      return FALSE;
    }
  *bits = prefix < 0 ? 128 : (guint) prefix;
  return TRUE;
}

static gboolean
append_hex_group (GByteArray *out,
                  const char *g,
                  gsize       n)
{
  guint8 b;

  if (n == 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isxdigit (g[i]))
      return FALSE;
  if (n % 2)
    {
      /* A lone digit is a byte of its own (Wireshark pads "a" to 0a). */
      if (n != 1 && out->len != 0)
        return FALSE;
      b = (guint8) g_ascii_xdigit_value (g[0]);
      g_byte_array_append (out, &b, 1);
      g++;
      n--;
    }
  for (gsize i = 0; i < n; i += 2)
    {
      b = (guint8) (g_ascii_xdigit_value (g[i]) << 4 | g_ascii_xdigit_value (g[i + 1]));
      g_byte_array_append (out, &b, 1);
    }
  return TRUE;
}

GByteArray *
ss_df_parse_bytes (const char *s)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const char *p = s;
  char sep = 0;

  if (*p == ':')
    p++;
  if (*p == '\0')
    return NULL;
  for (const char *q = p; *q; q++)
    if (*q == ':' || *q == '-' || *q == '.')
      {
        sep = *q;
        break;
      }

  if (sep)
    {
      const char *g = p;

      for (;;)
        {
          const char *e = g;

          while (*e && *e != ':' && *e != '-' && *e != '.')
            e++;
          /* Groups are bytes (aa:bb) or, with dots, pairs of bytes (aabb.ccdd.eeff). */
          if (!(e - g == 2 || e - g == 1 || (sep == '.' && e - g == 4))
              || !append_hex_group (out, g, e - g))
            goto number;
          if (*e == '\0')
            break;
          if (*e != sep)
            goto number;
          g = e + 1;
        }
      return g_steal_pointer (&out);
    }

  if (append_hex_group (out, p, strlen (p)))
    return g_steal_pointer (&out);

number:
  /* A number small enough for one byte: 0x0e. */
  {
    guint64 v;
    gboolean overflow;

    g_byte_array_set_size (out, 0);
    if (ss_df_parse_uint64 (s, &v, &overflow) && v <= 0xff)
      {
        guint8 b = (guint8) v;

        g_byte_array_append (out, &b, 1);
        return g_steal_pointer (&out);
      }
  }
  return NULL;
}

gboolean
ss_df_parse_ether (const char  *s,
                   guint8       addr[6],
                   char       **error_message)
{
  g_autoptr(GByteArray) b = ss_df_parse_bytes (s);

  /* A number is a byte string of one byte, not an address. */
  if (!b || (b->len == 1 && !g_ascii_isxdigit (s[strlen (s) - 1])))
    {
      *error_message = g_strdup_printf (_("\"%s\" is not a valid Ethernet address."), s);
      return FALSE;
    }
  if (b->len < 6)
    {
      *error_message = g_strdup_printf (_("\"%s\" contains too few bytes to be a valid Ethernet "
                                          "address."), s);
      return FALSE;
    }
  if (b->len > 6)
    {
      *error_message = g_strdup_printf (_("\"%s\" contains too many bytes to be a valid Ethernet "
                                          "address."), s);
      return FALSE;
    }
  memcpy (addr, b->data, 6);
  return TRUE;
}

/* Up to @max_digits decimal digits, at least one. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             gint        *out)
{
  guint n = 0;
  gint v = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n == 0)
    return FALSE;
  *p += n;
  *out = v;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

/* ".123456789": nanoseconds; digits past the ninth are dropped. */
static gint32
read_fraction (const char **p)
{
  gint32 ns = 0;
  guint n = 0;

  if (**p != '.')
    return 0;
  (*p)++;
  while (g_ascii_isdigit (**p))
    {
      if (n < 9)
        ns = ns * 10 + (**p - '0');
      n++;
      (*p)++;
    }
  for (; n < 9; n++)
    ns *= 10;
  return ns;
}

/* Hours and optional minutes and seconds ("18", "18:49", "18:49:37"), as Wireshark 4.0 takes
 * them after an ISO 8601 date. */
static gboolean
read_clock (const char **p,
            struct tm   *tm)
{
  const char *q = *p;
  gint v;

  if (!read_number (&q, 2, &v) || v > 23)
    return FALSE;
  tm->tm_hour = v;
  if (*q == ':' && g_ascii_isdigit (q[1]))
    {
      q++;
      if (!read_number (&q, 2, &v) || v > 59)
        return FALSE;
      tm->tm_min = v;
      if (*q == ':' && g_ascii_isdigit (q[1]))
        {
          q++;
          if (!read_number (&q, 2, &v) || v > 61)
            return FALSE;
          tm->tm_sec = v;
        }
    }
  *p = q;
  return TRUE;
}

static gboolean
read_month_abbrev (const char **p,
                   struct tm   *tm)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (*p, months[i], 3) == 0 && !g_ascii_isalpha ((*p)[3]))
      {
        tm->tm_mon = (int) i;
        *p += 3;
        return TRUE;
      }
  return FALSE;
}

gboolean
ss_df_parse_abs_time (const char  *s,
                      gint64      *secs,
                      gint32      *nsecs,
                      gboolean    *local,
                      char       **error_message)
{
  struct tm tm;
  const char *p = s;
  gint v;
  gint32 ns = 0;
  gboolean utc = FALSE;
  gint offset = 0;
  gint64 t;

  memset (&tm, 0, sizeof tm);
  skip_spaces (&p);

  /* ISO 8601: 2025-01-10, then an optional time after 'T' or spaces. */
  if (read_number (&p, 4, &v) && *p == '-')
    {
      tm.tm_year = v - 1900;
      p++;
      if (!read_number (&p, 2, &v) || v < 1 || v > 12 || *p != '-')
        goto invalid;
      tm.tm_mon = v - 1;
      p++;
      if (!read_number (&p, 2, &v) || v < 1 || v > 31)
        goto invalid;
      tm.tm_mday = v;
      if (*p == 'T' || g_ascii_isspace (*p))
        {
          const char *q = p + 1;

          skip_spaces (&q);
          if (read_clock (&q, &tm))
            {
              p = q;
              ns = read_fraction (&p);
              if (*p == 'Z')
                {
                  utc = TRUE;
                  p++;
                }
              else if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]))
                {
                  gint sign = *p == '-' ? -1 : 1;
                  gint hh, mm = 0;

                  p++;
                  if (!read_number (&p, 2, &hh))
                    goto trailing;
                  if (*p == ':')
                    p++;
                  if (g_ascii_isdigit (*p) && !read_number (&p, 2, &mm))
                    goto trailing;
                  utc = TRUE;
                  offset = sign * (hh * 3600 + mm * 60);
                }
            }
        }
    }
  else
    {
      /* Wireshark's own format: "Nov 12, 1999 08:55:44.123" */
      p = s;
      skip_spaces (&p);
      if (!read_month_abbrev (&p, &tm))
        goto invalid;
      skip_spaces (&p);
      if (!read_number (&p, 2, &v) || v < 1 || v > 31)
        goto invalid;
      tm.tm_mday = v;
      skip_spaces (&p);
      if (*p++ != ',')
        goto invalid;
      skip_spaces (&p);
      if (!read_number (&p, 4, &v))
        goto invalid;
      tm.tm_year = v - 1900;
      skip_spaces (&p);
      if (!read_number (&p, 2, &v) || v > 23 || *p++ != ':')
        goto invalid;
      tm.tm_hour = v;
      skip_spaces (&p);
      if (!read_number (&p, 2, &v) || v > 59 || *p++ != ':')
        goto invalid;
      tm.tm_min = v;
      skip_spaces (&p);
      if (!read_number (&p, 2, &v) || v > 61)
        goto invalid;
      tm.tm_sec = v;
      ns = read_fraction (&p);
      if (*p == 'Z')
        {
          utc = TRUE;
          p++;
        }
    }

  /* An optional " UTC", then nothing. */
  {
    const char *q = p;

    skip_spaces (&q);
    if (strncmp (q, "UTC", 3) == 0)
      {
        utc = TRUE;
        q += 3;
        skip_spaces (&q);
      }
    if (*q != '\0')
      goto trailing;
  }

  if (utc)
    t = (gint64) timegm (&tm) - offset;
  else
    {
      /* Local time, as Wireshark reads a time without a zone. */
      tm.tm_isdst = -1;
      t = (gint64) mktime (&tm);
    }
  *secs = t;
  *nsecs = ns;
  *local = !utc;
  return TRUE;

trailing:
  *error_message = g_strdup (_("Unexpected data after time value."));
  return FALSE;

invalid:
  *error_message = g_strdup_printf (_("\"%s\" is not a valid absolute time. Example: \"Nov 12, "
                                      "1999 08:55:44.123\" or \"2011-07-04 12:34:56\""), s);
  return FALSE;
}

gboolean
ss_df_parse_rel_time (const char *s,
                      gint64     *secs,
                      gint32     *nsecs)
{
  const char *p = s;
  gboolean negative = FALSE;
  guint64 sec = 0;
  gint32 ns = 0;
  guint n = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  while (g_ascii_isdigit (*p))
    {
      if (sec > G_MAXINT64 / 10 - 10)
        return FALSE;
      sec = sec * 10 + (guint64) (*p - '0');
      p++;
      n++;
    }
  if (n == 0)
    return FALSE;
  if (*p == '.')
    {
      guint digits = 0;

      p++;
      while (g_ascii_isdigit (*p))
        {
          /* Wireshark takes nine digits; more are fine only when they add nothing. */
          if (digits < 9)
            ns = ns * 10 + (*p - '0');
          else if (*p != '0')
            return FALSE;
          digits++;
          p++;
        }
      for (; digits < 9; digits++)
        ns *= 10;
      if (*p == 's')
        p++;
    }
  if (*p != '\0')
    return FALSE;
  *secs = negative ? -(gint64) sec : (gint64) sec;
  *nsecs = negative ? -ns : ns;
  return TRUE;
}
