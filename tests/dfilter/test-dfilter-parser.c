/* Tests for ss-dfilter-parser.c: the shape of the syntax tree and where syntax errors point */
#include "config.h"

#include <string.h>

#include "ss-dfilter-private.h"

static char *
parse (const char *text)
{
  g_autoptr(SsDfAst) ast = NULL;
  g_autoptr(GError) error = NULL;
  SsDfilterLoc loc = { -2, -2 };

  if (!ss_df_parse (NULL, text, strlen (text), &ast, &loc, &error))
    return g_strdup_printf ("ERROR@%" G_GSSIZE_FORMAT "-%" G_GSSIZE_FORMAT ": %s", loc.start,
                            loc.end, error->message);
  return ss_df_ast_dup_dump (ast);
}

#define assert_parse(text, expected) G_STMT_START { \
    g_autofree char *__got = parse (text); \
    g_assert_cmpstr (__got, ==, (expected)); \
  } G_STMT_END

static void
test_empty (void)
{
  assert_parse ("", "");
  assert_parse ("   \t\n", "");
}

static void
test_presence_and_comparisons (void)
{
  assert_parse ("tcp", "(EXISTS (WORD tcp))");
  assert_parse ("tcp.port == 80", "(CMP == (WORD tcp.port) (WORD 80))");
  assert_parse ("tcp.port eq 80", "(CMP == (WORD tcp.port) (WORD 80))");
  assert_parse ("tcp.port ~= 80", "(CMP !== (WORD tcp.port) (WORD 80))");
  assert_parse ("frame contains \"GET\"", "(CMP contains (WORD frame) (STRING \"GET\"))");
  assert_parse ("frame matches \"a.b\"", "(CMP matches (WORD frame) (STRING \"a.b\"))");
  assert_parse ("ip.ttl == 'A'", "(CMP == (WORD ip.ttl) (CHAR 65))");
  assert_parse (".tcp.port == 80", "(CMP == (FIELD tcp.port) (WORD 80))");
}

static void
test_logic_precedence (void)
{
  /* && binds tighter than ||, xor sits between them, ! applies to a whole comparison. */
  assert_parse ("a || b && c", "(OR (EXISTS (WORD a)) (AND (EXISTS (WORD b)) (EXISTS (WORD c))))");
  assert_parse ("a && b || c", "(OR (AND (EXISTS (WORD a)) (EXISTS (WORD b))) (EXISTS (WORD c)))");
  assert_parse ("a ^^ b && c || d",
                "(OR (XOR (EXISTS (WORD a)) (AND (EXISTS (WORD b)) (EXISTS (WORD c)))) "
                "(EXISTS (WORD d)))");
  assert_parse ("!tcp.port == 80", "(NOT (CMP == (WORD tcp.port) (WORD 80)))");
  assert_parse ("not not a", "(NOT (NOT (EXISTS (WORD a))))");
  assert_parse ("(a || b) && c",
                "(AND (OR (EXISTS (WORD a)) (EXISTS (WORD b))) (EXISTS (WORD c)))");
  /* Chains stay flat. */
  assert_parse ("a || b || c || d",
                "(OR (EXISTS (WORD a)) (EXISTS (WORD b)) (EXISTS (WORD c)) (EXISTS (WORD d)))");
}

static void
test_chained_comparisons (void)
{
  assert_parse ("a > b > 1", "(AND (CMP > (WORD a) (WORD b)) (CMP > (WORD b) (WORD 1)))");
  assert_parse ("1 < a <= 3 < b",
                "(AND (CMP < (WORD 1) (WORD a)) (CMP <= (WORD a) (WORD 3)) "
                "(CMP < (WORD 3) (WORD b)))");
}

static void
test_sets (void)
{
  assert_parse ("tcp.port in {80, 443}",
                "(IN (WORD tcp.port) (ITEM (WORD 80)) (ITEM (WORD 443)))");
  assert_parse ("tcp.port in {80 443}",
                "(IN (WORD tcp.port) (ITEM (WORD 80)) (ITEM (WORD 443)))");
  assert_parse ("tcp.port in {1..1023, 8080}",
                "(IN (WORD tcp.port) (ITEM (WORD 1) (WORD 1023)) (ITEM (WORD 8080)))");
  assert_parse ("x in {-1..1}", "(IN (WORD x) (ITEM (NEG (WORD 1)) (WORD 1)))");
  assert_parse ("tcp.port not in {80}", "(IN not (WORD tcp.port) (ITEM (WORD 80)))");
  assert_parse ("tcp.port ! in {80}", "(IN not (WORD tcp.port) (ITEM (WORD 80)))");
  assert_parse ("x in {\"a\" 'b' .f}",
                "(IN (WORD x) (ITEM (STRING \"a\")) (ITEM (CHAR 98)) (ITEM (FIELD f)))");
  assert_parse ("tcp.port in {}", "ERROR@13-14: \"}\" was unexpected in this context.");
  assert_parse ("tcp.port in {80,443,}", "ERROR@20-21: \"}\" was unexpected in this context.");
  assert_parse ("tcp.port in {80, 443", "ERROR@-1--1: Unexpected end of filter expression.");
  assert_parse ("tcp.port in 80", "ERROR@12-14: \"80\" was unexpected in this context.");
  assert_parse ("tcp.port in {{80}}", "ERROR@13-14: \"{\" was unexpected in this context.");
  assert_parse ("tcp.port in {80+1}", "ERROR@15-16: \"+\" was unexpected in this context.");
  assert_parse ("x in {eth:ethertype}", "ERROR@9-11: \":e\" was unexpected in this context.");
  assert_parse ("a & 1 in {1}", "ERROR@6-8: \"in\" was unexpected in this context.");
  assert_parse ("a == 1 in {1}", "ERROR@7-9: \"in\" was unexpected in this context.");
  assert_parse ("tcp ! udp", "ERROR@6-9: \"udp\" was unexpected in this context.");
}

static void
test_slices_layers_functions (void)
{
  assert_parse ("eth.src[0:3] == 00:11:22",
                "(CMP == (SLICE 0:3 (WORD eth.src)) (WORD 00:11:22))");
  assert_parse ("eth.src[1-2,-1,:2,4:]", "(EXISTS (SLICE 1:2 -1:1 0:2 4: (WORD eth.src)))");
  assert_parse ("ip.addr#2 == 1.2.3.4", "(CMP == (LAYER 2-2 (WORD ip.addr)) (WORD 1.2.3.4))");
  assert_parse ("ip.addr#[1-3]", "(EXISTS (LAYER 1-3 (WORD ip.addr)))");
  assert_parse ("eth.src#1[0:3]", "(EXISTS (SLICE 0:3 (LAYER 1-1 (WORD eth.src))))");
  assert_parse ("len(tcp.payload) > 100",
                "(CMP > (FUNC len (WORD tcp.payload)) (WORD 100))");
  assert_parse ("max(a, b, 3) == 3",
                "(CMP == (FUNC max (WORD a) (WORD b) (WORD 3)) (WORD 3))");
  assert_parse ("f()", "(EXISTS (FUNC f))");
  assert_parse ("frame[0:0]",
                "ERROR@6-9: Range 0:0 isn't valid because length 0 isn't positive");
  assert_parse ("frame[2:1:3]", "ERROR@6-11: \"2:1:3\" is not a valid range.");
  assert_parse ("frame[a]", "ERROR@6-7: \"a\" is not a valid number.");
  assert_parse ("frame[1-0]", "ERROR@6-9: Range 1-0 isn't valid because 1 is greater or equal "
                "than 0");
  assert_parse ("frame[-1-2]", "ERROR@6-10: Range -1-2 isn't valid because -1 and 2 have "
                "different signs");
  assert_parse ("frame[4294967296]", "ERROR@6-16: \"4294967296\" causes an integer overflow.");
  assert_parse ("frame[]", "ERROR@6-7: \"]\" was unexpected in this context.");
}

static void
test_arithmetic (void)
{
  assert_parse ("a + 1 * 2 == 3",
                "(CMP == (ARITH + (WORD a) (ARITH * (WORD 1) (WORD 2))) (WORD 3))");
  assert_parse ("a & 0x40 == 0x40", "(CMP == (ARITH & (WORD a) (WORD 0x40)) (WORD 0x40))");
  assert_parse ("{a + 1} * 2", "(EXISTS (ARITH * (ARITH + (WORD a) (WORD 1)) (WORD 2)))");
  assert_parse ("-a == -1", "(CMP == (NEG (WORD a)) (NEG (WORD 1)))");
  assert_parse ("a == --1", "ERROR@6-7: \"-\" was unexpected in this context.");
  assert_parse ("a == -(1)", "ERROR@6-7: \"(\" was unexpected in this context.");
}

static void
test_syntax_errors (void)
{
  assert_parse ("tcp.port ==", "ERROR@-1--1: Unexpected end of filter expression.");
  assert_parse ("tcp &&", "ERROR@-1--1: Unexpected end of filter expression.");
  assert_parse ("(tcp", "ERROR@-1--1: Unexpected end of filter expression.");
  assert_parse ("tcp)", "ERROR@3-4: \")\" was unexpected in this context.");
  assert_parse ("()", "ERROR@1-2: \")\" was unexpected in this context.");
  assert_parse ("== 80", "ERROR@0-2: \"==\" was unexpected in this context.");
  assert_parse ("tcp && && udp", "ERROR@7-9: \"&&\" was unexpected in this context.");
  assert_parse ("tcp.port 80", "ERROR@9-11: \"80\" was unexpected in this context.");
  assert_parse ("tcp \"abc\"", "ERROR@4-9: \"\"abc\"\" was unexpected in this context.");
  assert_parse ("tcp 'a'", "ERROR@4-7: \"'a'\" was unexpected in this context.");
  assert_parse ("tcp.port = 80", "ERROR@9-10: \"=\" was unexpected in this context.");
  assert_parse ("a..b", "ERROR@1-3: \"..\" was unexpected in this context.");
  assert_parse ("[0:1] == 0", "ERROR@0-1: \"[\" was unexpected in this context.");
  assert_parse ("a == 1 [0]", "(CMP == (WORD a) (SLICE 0:1 (WORD 1)))");
  /* The first error in reading order wins, as with tshark's scanner. */
  assert_parse ("tcp tcp \"abc", "ERROR@4-7: \"tcp\" was unexpected in this context.");
}

static void
test_nesting_limit (void)
{
  GString *s = g_string_new (NULL);
  g_autofree char *got = NULL;
  g_autofree char *ok = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (s, '(');
  g_string_append (s, "tcp");
  got = parse (s->str);
  g_assert_true (g_str_has_suffix (got, "The filter is nested too deeply."));

  g_string_truncate (s, 0);
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "! ");
  g_string_append (s, "tcp");
  g_free (got);
  got = parse (s->str);
  g_assert_true (g_str_has_suffix (got, "The filter is nested too deeply."));

  /* Long flat chains are fine. */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (s, "%stcp.port == %u", i ? " || " : "", i);
  ok = parse (s->str);
  g_assert_true (g_str_has_prefix (ok, "(OR "));
  g_string_free (s, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dfilter/parser/empty", test_empty);
  g_test_add_func ("/dfilter/parser/presence-and-comparisons", test_presence_and_comparisons);
  g_test_add_func ("/dfilter/parser/logic-precedence", test_logic_precedence);
  g_test_add_func ("/dfilter/parser/chained-comparisons", test_chained_comparisons);
  g_test_add_func ("/dfilter/parser/sets", test_sets);
  g_test_add_func ("/dfilter/parser/slices-layers-functions", test_slices_layers_functions);
  g_test_add_func ("/dfilter/parser/arithmetic", test_arithmetic);
  g_test_add_func ("/dfilter/parser/syntax-errors", test_syntax_errors);
  g_test_add_func ("/dfilter/parser/nesting-limit", test_nesting_limit);
  return g_test_run ();
}
