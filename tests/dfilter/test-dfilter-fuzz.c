/* A bounded fuzz test of the filter compiler and evaluator
 *
 * Random strings, random token soups and mutations of the filters of filters.txt are compiled;
 * the ones that compile are applied to a few packets, with the full tree and with only the
 * fields they ask for. Nothing may crash, hang or leak (run under ASan in the sanitizer build),
 * and an error must always carry a message and a place inside the text. The run stops after
 * SS_DFILTER_FUZZ_ITERATIONS cases (default 30000) or a few seconds, whichever comes first;
 * --seed reproduces a run.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "packets.h"
#include "ss-dfilter-private.h"
#include "ss-test-util.h"

#define TIME_BUDGET_US (4 * G_USEC_PER_SEC)

static const char *const vocabulary[] = {
  "tcp", "udp", "ip", "ipv6", "eth", "frame", "tcp.port", "ip.src", "ip.addr", "eth.src",
  "tcp.flags.syn", "frame.len", "frame.time", "frame.time_relative", "tcp.payload", "ip.ttl",
  "frame.protocols", "tcp.flags.str", "ip.proto", "vlan.id", "tcp.option_kind",
  "==", "!=", "===", "!==", "~=", ">", ">=", "<", "<=", "eq", "ne", "contains", "matches", "~",
  "&&", "||", "^^", "!", "and", "or", "not", "xor", "in", "{", "}", "(", ")", "[", "]", ",",
  "..", ":", "-", "+", "*", "/", "%", "&", "#", ".", "\"", "'", "\\",
  "80", "443", "0x50", "-1", "1.5", "10.0.0.0/8", "fe80::1", "::", "00:11:22", "aa-bb-cc",
  "\"GET\"", "\"\\x41\"", "'a'", "\"2025-01-10 14:20:00\"", "TCP", "True", "Set",
  "len(", "count(", "lower(", "upper(", "string(", "max(", "min(", "abs(",
  "[0:3]", "[-1]", "[1-2]", "[:2]", "[0,2]", "#1", "#[1-2]", "r\"", "\"(?i)x\"", "\"[\"",
};

typedef struct
{
  SsRegistry *reg;
  GRand      *rand;
  GPtrArray  *corpus;
  guint       compiled;
  guint       rejected;
} Fuzz;

static char *
random_bytes (Fuzz *f)
{
  guint n = g_rand_int_range (f->rand, 0, 40);
  char *s = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    {
      /* Mostly printable ASCII, some control bytes and UTF-8 lead bytes. */
      guint r = g_rand_int_range (f->rand, 0, 100);

      s[i] = r < 85 ? (char) g_rand_int_range (f->rand, 0x20, 0x7f)
             : r < 95 ? (char) g_rand_int_range (f->rand, 1, 0x20)
                      : (char) g_rand_int_range (f->rand, 0x80, 0x100);
    }
  s[n] = '\0';
  return s;
}

static char *
token_soup (Fuzz *f)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (f->rand, 1, 16);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (s, vocabulary[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (vocabulary))]);
      if (g_rand_boolean (f->rand))
        g_string_append_c (s, ' ');
    }
  return g_string_free (s, FALSE);
}

static char *
mutate (Fuzz *f)
{
  const char *base = g_ptr_array_index (f->corpus, g_rand_int_range (f->rand, 0, f->corpus->len));
  GString *s = g_string_new (base);
  guint rounds = g_rand_int_range (f->rand, 1, 4);

  for (guint r = 0; r < rounds; r++)
    {
      guint pos = s->len ? g_rand_int_range (f->rand, 0, s->len + 1) : 0;

      switch (g_rand_int_range (f->rand, 0, 7))
        {
        case 0:   /* delete a run */
          if (s->len && pos < s->len)
            {
              gsize n = (gsize) g_rand_int_range (f->rand, 1, 6);

              g_string_erase (s, pos, MIN (s->len - pos, n));
            }
          break;
        case 1:   /* insert a token */
          g_string_insert (s, pos,
                           vocabulary[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (vocabulary))]);
          break;
        case 2:   /* replace a byte */
          if (s->len && pos < s->len)
            s->str[pos] = (char) g_rand_int_range (f->rand, 1, 0x100);
          break;
        case 3:   /* splice another filter */
          {
            const char *other = g_ptr_array_index (f->corpus,
                                                   g_rand_int_range (f->rand, 0, f->corpus->len));

            g_string_insert (s, pos, other);
          }
          break;
        case 4:   /* truncate */
          g_string_truncate (s, pos);
          break;
        case 5:   /* wrap in many parentheses or negations */
          {
            guint depth = g_rand_int_range (f->rand, 1, 300);
            gboolean paren = g_rand_boolean (f->rand);

            for (guint i = 0; i < depth; i++)
              g_string_prepend (s, paren ? "(" : "!");
            if (paren)
              for (guint i = 0; i < depth; i++)
                g_string_append_c (s, ')');
          }
          break;
        default:  /* duplicate with an operator */
          {
            g_autofree char *copy = g_strdup (s->str);

            g_string_append (s, g_rand_boolean (f->rand) ? " || " : " && ");
            g_string_append (s, copy);
          }
          break;
        }
      if (s->len > 4096)
        g_string_truncate (s, 4096);
    }
  return g_string_free (s, FALSE);
}

static void
check_one (Fuzz          *f,
           const char    *text,
           SsTestDissection *packets,
           guint          n_packets)
{
  g_autoptr(GError) error = NULL;
  SsDfilterLoc loc = { -5, -5 };
  g_autoptr(SsDfilter) df = ss_dfilter_compile (f->reg, text, &loc, &error);
  gssize len = (gssize) strlen (text);

  if (!df)
    {
      f->rejected++;
      g_assert_nonnull (error);
      g_assert_true (error->domain == SS_DFILTER_ERROR);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 0);
      /* The place is inside the text (or at its end), or there is none. */
      if (!(loc.start == -1 ? loc.end == -1 : (loc.start >= 0 && loc.start <= len
                                               && loc.end >= loc.start && loc.end <= len)))
        g_error ("bad error place %" G_GSSIZE_FORMAT "-%" G_GSSIZE_FORMAT " (length %"
                 G_GSSIZE_FORMAT ") for \"%s\": %s", loc.start, loc.end, len, text,
                 error->message);
      return;
    }
  f->compiled++;
  g_assert_null (error);
  for (guint i = 0; i < n_packets; i++)
    (void) ss_dfilter_apply (df, packets[i].pkt);
  {
    g_autofree char *dump = ss_dfilter_dup_dump (df);
    guint n;

    g_assert_nonnull (dump);
    (void) ss_dfilter_get_fields (df, &n);
  }
}

static void
load_corpus (Fuzz *f)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "dfilter", "filters.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  f->corpus = g_ptr_array_new_with_free_func (g_free);
  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (lines[i][0] && lines[i][0] != '#')
          g_ptr_array_add (f->corpus, g_strdup (g_str_has_prefix (lines[i], "[ext] ")
                                                ? lines[i] + 6 : lines[i]));
    }
  /* Without the table (an installed test), a few filters of our own. */
  if (f->corpus->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
      g_ptr_array_add (f->corpus, g_strdup (vocabulary[i]));
}

static void
test_fuzz (void)
{
  Fuzz f = { 0 };
  SsTestDissection packets[2];
  const char *env = g_getenv ("SS_DFILTER_FUZZ_ITERATIONS");
  guint iterations = env ? (guint) atoi (env) : 30000;
  gint64 start = g_get_monotonic_time ();
  guint i;

  f.reg = ss_registry_new ();
  f.rand = g_rand_new_with_seed (g_test_rand_int ());
  load_corpus (&f);
  ss_test_dissect (&packets[0], 1, pkt_eth_ipv4_tcp_syn, sizeof pkt_eth_ipv4_tcp_syn,
                   sizeof pkt_eth_ipv4_tcp_syn);
  ss_test_dissect (&packets[1], 1, pkt_eth_vlan_ipv4_udp, sizeof pkt_eth_vlan_ipv4_udp,
                   sizeof pkt_eth_vlan_ipv4_udp);

  /* Every filter of the table as it is. */
  for (i = 0; i < f.corpus->len; i++)
    check_one (&f, g_ptr_array_index (f.corpus, i), packets, 2);

  for (i = 0; i < iterations; i++)
    {
      g_autofree char *text = NULL;

      switch (i % 3)
        {
        case 0: text = random_bytes (&f); break;
        case 1: text = token_soup (&f); break;
        default: text = mutate (&f); break;
        }
      check_one (&f, text, packets, 2);
      if (g_get_monotonic_time () - start > TIME_BUDGET_US)
        break;
    }
  g_test_message ("%u cases: %u compiled, %u rejected", f.compiled + f.rejected, f.compiled,
                  f.rejected);
  g_assert_cmpuint (f.compiled, >, 0);
  g_assert_cmpuint (f.rejected, >, 0);

  ss_test_dissection_clear (&packets[0]);
  ss_test_dissection_clear (&packets[1]);
  g_ptr_array_unref (f.corpus);
  g_rand_free (f.rand);
  ss_registry_free (f.reg);
}

/* Inputs that once were or could be trouble, kept forever. */
static void
test_regressions (void)
{
  static const char *const cases[] = {
    "", " ", "(", ")", "{", "}", "[", "]", "\"", "'", "\\", "#", "##", ":", "::", ".", "..",
    "...", "!", "!!", "a[", "a[]", "a[:]", "a#", "a#[", "a#[]", "frame[-2147483648:1]",
    "frame[2147483647:2147483647]", "frame[-1:-1]", "eth.src[0:0]", "tcp.port in {",
    "tcp.port in {1..", "tcp.port in {..}", "x == \"\\", "x == '\\", "x == '\\x'", "x == '\\u'",
    "frame matches \"(\"", "frame matches \"\\\\\"", "frame matches \"(?\"", "len(", "len((",
    "max(,)", "f(a,,b)", "ip.addr#0", "ip.addr#99999999999999999999", "frame[99999999999]",
    "ip.src == 1.2.3.4/99", "ipv6.src == ::/999", "tcp.port == 0x", "tcp.port == 0b",
    "tcp.port == 0b2", "frame.time == \"\"", "frame.time == \" \"", "frame.time == \"2025-\"",
    "frame.time == \"Jan\"", "frame.time_relative == -", "frame.time_relative == .",
    "tcp.port == -0x8000000000000000", "tcp.window_size_scalefactor == -9223372036854775808",
    "frame.len / 0 == 1", "frame.len % 0 == 1", "tcp.window_size_scalefactor / -1 == 1",
    "{{{{{{{{{{ip.ttl}}}}}}}}}} == 64", "frame contains \"\\0\\0\"", "ip.src[10:]",
    "tcp.flags.str[0:100]", "lower(frame.protocols)[0:3] == \"eth\"", "count(frame)[0]",
    "string(tcp.payload) contains \"x\"", "abs(ip.src) == 1", "max(frame.time) > \"2020-01-01\"",
    "frame.time_relative + 922337203685477580 > 1", "-frame.time_relative - 922337203685477 < 0",
    "frame.time_delta - -9223372036854775 == 0", "-tcp.window_size_scalefactor * -1 == 1",
    "tcp.window_size_scalefactor * 9223372036854775807 == 1",
  };
  Fuzz f = { 0 };
  SsTestDissection packets[1];

  f.reg = ss_registry_new ();
  ss_test_dissect (&packets[0], 1, pkt_eth_ipv4_tcp_syn, sizeof pkt_eth_ipv4_tcp_syn,
                   sizeof pkt_eth_ipv4_tcp_syn);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_one (&f, cases[i], packets, 1);
  ss_test_dissection_clear (&packets[0]);
  ss_registry_free (f.reg);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dfilter/fuzz/regressions", test_regressions);
  g_test_add_func ("/dfilter/fuzz/random", test_fuzz);
  return g_test_run ();
}
