/* test-printf.c: ss_format_vsnprintf() and ss_format_uint_dec() write what glibc's printf
 * writes */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ss-format.h"
#include "ss-printf.h"

static int
ours (char       *buf,
      gsize       size,
      const char *format,
      ...)
{
  va_list args;
  int n;

  va_start (args, format);
  n = ss_format_vsnprintf (buf, size, format, args);
  va_end (args);
  return n;
}

/* Both into every buffer size from 0 to past the whole text: same return, same bytes. */
#define CHECK(...)                                                                     \
  G_STMT_START                                                                         \
  {                                                                                    \
    char want[512], got[512];                                                          \
    int wn = snprintf (want, sizeof want, __VA_ARGS__);                                \
    g_assert_cmpint (ours (got, sizeof got, __VA_ARGS__), ==, wn);                     \
    g_assert_cmpstr (got, ==, want);                                                   \
    for (gsize size = 0; size <= (gsize) wn + 1; size++)                               \
      {                                                                                \
        memset (want, 'W', sizeof want);                                               \
        memset (got, 'W', sizeof got);                                                 \
        g_assert_cmpint (snprintf (want, size, __VA_ARGS__), ==, wn);                  \
        g_assert_cmpint (ours (got, size, __VA_ARGS__), ==, wn);                       \
        g_assert_cmpmem (got, size + 1, want, size + 1);                               \
      }                                                                                \
  }                                                                                    \
  G_STMT_END

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
#pragma GCC diagnostic ignored "-Wformat-overflow"

static void
test_formats (void)
{
  const char *null_str = NULL;

  CHECK ("plain text");
  CHECK ("%s", "");
  CHECK (" %s", "example.com");
  CHECK ("%s %s, %s", "A", "www.example.org", "\"QU\" question");
  CHECK ("%-20s", "Echo (ping) request");
  CHECK ("%-20s|", "a name longer than twenty");
  CHECK ("%20s|", "right");
  CHECK ("%.*s %.*s", 3, "abcdef", 0, "xyz");
  CHECK ("%.2s|%.10s", "abcdef", "ab");
  CHECK ("%s", null_str);
  CHECK ("%.3s|", null_str);
  CHECK ("%u %u %u", 0u, 7u, 4294967295u);
  CHECK ("%d %d %d %i", 0, -1, G_MININT, G_MAXINT);
  CHECK ("%5d|%-5d|%05d|%05d", 42, 42, 42, -42);
  CHECK ("%ld %lu %lld %llu", (long) G_MINLONG, (unsigned long) G_MAXULONG,
         (long long) G_MININT64, (unsigned long long) G_MAXUINT64);
  CHECK ("%zu", (size_t) 123456789);
  CHECK ("%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT, G_MAXUINT64, G_MININT64);
  CHECK ("0x%04x 0x%04X 0x%08x %x", 0xabu, 0xabu, 0xdeadbeefu, 0u);
  CHECK ("0x%016" G_GINT64_MODIFIER "x", G_GUINT64_CONSTANT (0x1234));
  CHECK ("%-6x|%6X|", 0x1fu, 0x1fu);
  CHECK ("%c%c%-3c|", 'a', 'Z', 'x');
  CHECK ("100%% done %s%%", "really");
  CHECK ("Seq=%u Ack=%u Win=%u Len=%u", 1u, 39u, 65535u, 1448u);
  CHECK ("id=0x%04x, seq=%u/%u, ttl=%d", 0x1c46u, 256u, 1u, 64);
}

#pragma GCC diagnostic pop

/* What it leaves to glibc returns -1. */
static void
test_unsupported (void)
{
  static const char *const formats[] = {
    "%f", "%g", "%p", "%+d", "% d", "%#x", "%*d", "%.3d", "%o", "%e", "%n", "%hd", "%hhu",
    "%ls", "%lc", "%a", "%Lf", "%.2c", "%.*d", "ok %d then %f", "%",
  };
  char buf[64];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_assert_cmpint (ours (buf, sizeof buf, formats[i], 1.5, 1, 2), ==, -1);
}

/* Random formats of the subset with random values, against glibc. */
static void
test_random (void)
{
  static const char *const convs[] = { "s", "d", "i", "u", "x", "X", "ld", "lu", "lx", "llu",
                                       "lld", "zu", "c" };
  static const char *const strings[] = { "", "a", "tcp", "Standard query response 0x1234",
                                         "\xe6\x97\xa5\xe6\x9c\xac" };
  GRand *rand = g_rand_new_with_seed (20261127);

  for (guint round = 0; round < 20000; round++)
    {
      char fmt[64], want[128], got[128];
      const char *conv = convs[g_rand_int_range (rand, 0, G_N_ELEMENTS (convs))];
      const char *str = strings[g_rand_int_range (rand, 0, G_N_ELEMENTS (strings))];
      gint64 v = (gint64) (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand));
      gboolean left = g_rand_boolean (rand);
      gboolean zero = !left && conv[0] != 's' && conv[0] != 'c' && g_rand_boolean (rand);
      guint width = g_rand_int_range (rand, 0, 4) ? 0 : (guint) g_rand_int_range (rand, 1, 30);
      gsize size = (gsize) g_rand_int_range (rand, 0, (gint) sizeof want);
      int wn, gn;

      if (g_rand_int_range (rand, 0, 8) == 0)
        v = g_rand_int_range (rand, -3, 4);
      g_snprintf (fmt, sizeof fmt, "<%%%s%s%.0u%s>", left ? "-" : "", zero ? "0" : "", width,
                  conv);
      if (width == 0)
        g_snprintf (fmt, sizeof fmt, "<%%%s%s>", left ? "-" : "", conv);
      memset (want, 'W', sizeof want);
      memset (got, 'W', sizeof got);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      switch (conv[0])
        {
        case 's':
          wn = snprintf (want, size, fmt, str);
          gn = ours (got, size, fmt, str);
          break;
        case 'c':
          wn = snprintf (want, size, fmt, (int) ('A' + (v & 31)));
          gn = ours (got, size, fmt, (int) ('A' + (v & 31)));
          break;
        case 'z':
          wn = snprintf (want, size, fmt, (size_t) v);
          gn = ours (got, size, fmt, (size_t) v);
          break;
        case 'l':
          if (conv[1] == 'l')
            {
              wn = snprintf (want, size, fmt, (long long) v);
              gn = ours (got, size, fmt, (long long) v);
            }
          else
            {
              wn = snprintf (want, size, fmt, (long) v);
              gn = ours (got, size, fmt, (long) v);
            }
          break;
        default:
          wn = snprintf (want, size, fmt, (int) v);
          gn = ours (got, size, fmt, (int) v);
          break;
        }
#pragma GCC diagnostic pop
      if (gn != wn || memcmp (got, want, sizeof want) != 0)
        g_error ("format %s (value %" G_GINT64_FORMAT ", size %zu): glibc \"%.*s\" (%d), "
                 "ours \"%.*s\" (%d)", fmt, v, size, (int) MIN ((gsize) MAX (wn, 0), size), want,
                 wn, (int) MIN ((gsize) MAX (gn, 0), size), got, gn);
    }
  g_rand_free (rand);
}

/* Every number of digits, each power of ten and its neighbours, both sides of 2^32 and
 * random values of every magnitude: the digits and the length of "%" G_GUINT64_FORMAT. */
static void
test_uint_dec (void)
{
  GRand *rand = g_rand_new_with_seed (7);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 v;

  for (guint64 p = 1;; p *= 10)
    {
      for (gint d = -1; d <= 1; d++)
        {
          v = p + (guint64) d;
          g_array_append_val (values, v);
        }
      if (p > G_MAXUINT64 / 10)
        break;
    }
  for (guint64 x = G_MAXUINT32 - 2; x <= (guint64) G_MAXUINT32 + 2; x++)
    g_array_append_val (values, x);
  v = G_MAXUINT64;
  g_array_append_val (values, v);
  for (guint i = 0; i < 20000; i++)
    {
      v = ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 0, 64);
      g_array_append_val (values, v);
    }
  for (guint i = 0; i < values->len; i++)
    {
      char want[32], got[32];
      guint64 x = g_array_index (values, guint64, i);
      int wn = snprintf (want, sizeof want, "%" G_GUINT64_FORMAT, x);

      memset (got, 'x', sizeof got);
      g_assert_cmpuint (ss_format_uint_dec (x, got), ==, (guint) wn);
      g_assert_cmpstr (got, ==, want);
    }
  g_array_free (values, TRUE);
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/printf/formats", test_formats);
  g_test_add_func ("/core/printf/unsupported", test_unsupported);
  g_test_add_func ("/core/printf/random", test_random);
  g_test_add_func ("/core/printf/uint-dec", test_uint_dec);
  return g_test_run ();
}
