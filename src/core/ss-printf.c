/* ss-printf.c: a fast vsnprintf() for the formats of labels and the Info column
 *
 * Dissectors write most labels and Info texts with a few plain conversions ("%s", "%u",
 * "0x%04x", "%-20s"); glibc's vsnprintf() spends most of its time on its general machinery.
 */
#include "config.h"

#include <string.h>

#include "ss-format.h"
#include "ss-printf.h"

typedef struct
{
  char  *buf;
  gsize  size;
  gsize  len;
} Out;

static inline void
out_bytes (Out        *o,
           const char *s,
           gsize       n)
{
  if (o->len + n < o->size)
    memcpy (o->buf + o->len, s, n);
  else if (o->len + 1 < o->size)
    memcpy (o->buf + o->len, s, o->size - 1 - o->len);
  o->len += n;
}

static void
out_fill (Out   *o,
          char   c,
          gsize  n)
{
  if (o->len + 1 < o->size)
    memset (o->buf + o->len, c, MIN (n, o->size - 1 - o->len));
  o->len += n;
}

/* @body of @n bytes after @sign (0 or '-'), padded to @width: with spaces on the left, or on
 * the right when @left, or with zeros between sign and body when @zero. */
static inline void
out_padded (Out        *o,
            guint       width,
            gboolean    left,
            gboolean    zero,
            char        sign,
            const char *body,
            gsize       n)
{
  gsize total = n + (sign != 0);
  gsize pad = width > total ? width - total : 0;

  if (pad && !left && !zero)
    out_fill (o, ' ', pad);
  if (sign)
    out_bytes (o, &sign, 1);
  if (pad && !left && zero)
    out_fill (o, '0', pad);
  out_bytes (o, body, n);
  if (pad && left)
    out_fill (o, ' ', pad);
}

int
ss_format_vsnprintf (char       *buf,
                     gsize       size,
                     const char *format,
                     va_list     args)
{
  static const char lower[] = "0123456789abcdef";
  static const char upper[] = "0123456789ABCDEF";
  Out o = { buf, size, 0 };
  const char *p = format;

  for (;;)
    {
      const char *start = p;
      gboolean left = FALSE, zero = FALSE;
      guint width = 0, lsize = 0;
      gint prec = -1;
      char digits[24];

      while (*p && *p != '%')
        p++;
      if (p > start)
        out_bytes (&o, start, (gsize) (p - start));
      if (!*p)
        break;
      p++;
      /* flags, width, precision, size */
      for (;; p++)
        {
          if (*p == '-')
            left = TRUE;
          else if (*p == '0')
            zero = TRUE;
          else
            break;
        }
      while (*p >= '0' && *p <= '9')
        {
          width = width * 10 + (guint) (*p++ - '0');
          if (width > 4096)
            return -1;
        }
      if (*p == '.')
        {
          p++;
          if (*p == '*')
            {
              prec = va_arg (args, int);
              if (prec < 0)
                prec = -1;
              p++;
            }
          else
            {
              prec = 0;
              while (*p >= '0' && *p <= '9')
                {
                  prec = prec * 10 + (*p++ - '0');
                  if (prec > 4096)
                    return -1;
                }
            }
          if (*p != 's')
            return -1;
        }
      if (*p == 'z')
        {
          lsize = 1;
          p++;
        }
      else
        while (*p == 'l' && lsize < 2)
          {
            lsize++;
            p++;
          }

      switch (*p++)
        {
        case 's':
          {
            const char *s = va_arg (args, const char *);
            gsize n;

            if (lsize)
              return -1;
            if (!s)
              s = prec < 0 || prec >= 6 ? "(null)" : "";
            n = prec >= 0 ? strnlen (s, (gsize) prec) : strlen (s);
            out_padded (&o, width, left, FALSE, 0, s, n);
          }
          break;
        case 'c':
          if (lsize)
            return -1;
          digits[0] = (char) va_arg (args, int);
          out_padded (&o, width, left, FALSE, 0, digits, 1);
          break;
        case '%':
          out_bytes (&o, "%", 1);
          break;
        case 'd':
        case 'i':
          {
            gint64 v = lsize == 0 ? va_arg (args, int)
                       : lsize == 1 ? va_arg (args, long) : va_arg (args, long long);
            guint64 mag = v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;
            guint n = ss_format_uint_dec (mag, digits);

            out_padded (&o, width, left, zero, v < 0 ? '-' : 0, digits, n);
          }
          break;
        case 'u':
        case 'x':
        case 'X':
          {
            guint64 v = lsize == 0 ? va_arg (args, unsigned int)
                        : lsize == 1 ? va_arg (args, unsigned long)
                        : va_arg (args, unsigned long long);
            const char *body = digits;
            guint n;

            if (p[-1] == 'u')
              n = ss_format_uint_dec (v, digits);
            else
              {
                const char *hex = p[-1] == 'x' ? lower : upper;
                char *q = digits + sizeof digits;

                do
                  {
                    *--q = hex[v & 0xf];
                    v >>= 4;
                  }
                while (v);
                body = q;
                n = (guint) (digits + sizeof digits - q);
              }
            out_padded (&o, width, left, zero, 0, body, n);
          }
          break;
        default:
          return -1;
        }
    }
  if (size > 0)
    buf[MIN (o.len, size - 1)] = '\0';
  return o.len > G_MAXINT ? G_MAXINT : (int) o.len;
}

int
ss_vsnprintf (char       *buf,
              gsize       size,
              const char *format,
              va_list     args)
{
  va_list copy;
  int n;

  va_copy (copy, args);
  n = ss_format_vsnprintf (buf, size, format, copy);
  va_end (copy);
  if (n < 0)
    n = g_vsnprintf (buf, (gulong) size, format, args);
  return n;
}
