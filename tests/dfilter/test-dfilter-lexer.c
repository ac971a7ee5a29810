/* Tests for ss-dfilter-lexer.c: where tokens start and end, as tshark's scanner splits them */
#include "config.h"

#include <string.h>

#include "ss-dfilter-private.h"

/* The tokens of @text as "TYPE:text" joined by spaces, or "ERROR@start-end: message". */
static char *
lex (const char *text)
{
  GString *out = g_string_new (NULL);
  SsDfLexer lx;

  ss_df_lexer_init (&lx, NULL, text, strlen (text));
  for (;;)
    {
      SsDfToken tok;
      g_autoptr(GError) error = NULL;
      SsDfilterLoc loc = { -1, -1 };

      if (!ss_df_lexer_next (&lx, &tok, &loc, &error))
        {
          g_string_append_printf (out, "%sERROR@%" G_GSSIZE_FORMAT "-%" G_GSSIZE_FORMAT ": %s",
                                  out->len ? " " : "", loc.start, loc.end, error->message);
          ss_df_token_clear (&tok);
          break;
        }
      if (tok.type == SS_DF_TOK_EOF)
        break;
      if (out->len)
        g_string_append_c (out, ' ');
      switch (tok.type)
        {
        case SS_DF_TOK_WORD:
          g_string_append_printf (out, "W:%s", tok.text);
          break;
        case SS_DF_TOK_DOTFIELD:
          g_string_append_printf (out, "F:%s", tok.text);
          break;
        case SS_DF_TOK_STRING:
          {
            g_autofree char *e = g_strescape (tok.text, NULL);

            g_string_append_printf (out, "S:%s", e);
          }
          break;
        case SS_DF_TOK_CHARCONST:
          g_string_append_printf (out, "C:%" G_GUINT64_FORMAT, tok.value);
          break;
        case SS_DF_TOK_SLICE:
          g_string_append_printf (out, "[%s]", tok.text);
          break;
        case SS_DF_TOK_LAYER:
          g_string_append_printf (out, "#%s", tok.text);
          break;
        default:
          g_string_append (out, ss_df_token_type_name (tok.type));
          break;
        }
      ss_df_token_clear (&tok);
    }
  return g_string_free (out, FALSE);
}

#define assert_lex(text, expected) G_STMT_START { \
    g_autofree char *__got = lex (text); \
    g_assert_cmpstr (__got, ==, (expected)); \
  } G_STMT_END

static void
test_operators (void)
{
  assert_lex ("a == b", "W:a == W:b");
  assert_lex ("a===b!==c!=d~=e", "W:a === W:b !== W:c != W:d !== W:e");
  assert_lex ("a eq b ne c gt d ge e lt f le g", "W:a == W:b != W:c > W:d >= W:e < W:f <= W:g");
  assert_lex ("a any_eq b all_ne c all_eq d any_ne e", "W:a == W:b != W:c === W:d !== W:e");
  assert_lex ("a&&b||c^^d", "W:a && W:b || W:c ^^ W:d");
  assert_lex ("a and b or c xor not d", "W:a && W:b || W:c ^^ ! W:d");
  assert_lex ("!a", "! W:a");
  assert_lex ("a contains b matches c ~ d", "W:a contains W:b matches W:c matches W:d");
  assert_lex ("a in {1, 2..3}", "W:a in { W:1 , W:2 .. W:3 }");
  assert_lex ("a & 1 + 2 - 3 * 4 / 5 % 6", "W:a & W:1 + W:2 - W:3 * W:4 / W:5 % W:6");
  assert_lex ("(a)", "( W:a )");
  /* Keywords only as whole words. */
  assert_lex ("android or ore", "W:android || W:ore");
  assert_lex ("tcp.portnot", "W:tcp.portnot");
  assert_lex ("80and udp", "W:80and W:udp");
}

static void
test_words (void)
{
  assert_lex ("tcp.port==80", "W:tcp.port == W:80");
  assert_lex ("ip.src==10.0.0.0/8", "W:ip.src == W:10.0.0.0/8");
  assert_lex ("ipv6.src == fe80::/10", "W:ipv6.src == W:fe80::/10");
  assert_lex ("x == ::1", "W:x == W:::1");
  assert_lex ("x == ::ffff:10.0.0.1", "W:x == W:::ffff:10.0.0.1");
  assert_lex ("x == 0e:55:da", "W:x == W:0e:55:da");
  assert_lex ("x == 0e-55-da", "W:x == W:0e-55-da");
  assert_lex ("x == 0e55.dac6.6795", "W:x == W:0e55.dac6.6795");
  assert_lex ("x == :0e55da", "W:x == W::0e55da");
  assert_lex ("x == 2026-11-26", "W:x == W:2026-11-26");
  assert_lex ("x == a/b", "W:x == W:a / W:b");
  /* ':' is part of a word only in addresses and byte strings, as in tshark 4.0. */
  assert_lex ("x == eth:ethertype", "W:x == W:eth W::e W:thertype");
  assert_lex ("x == 12:3", "W:x == W:12 W::3");
  assert_lex ("x == 0e55:dac6", "W:x == W:0e55 W::dac6");
  /* A prefix has one or two digits for IPv4, up to three for IPv6. */
  assert_lex ("x == 1.2.3.4/123", "W:x == W:1.2.3.4/12 W:3");
  assert_lex ("x == 10.200.0.256", "W:x == W:10.200.0.256");
  assert_lex ("x == 10.0.0.1..10.0.0.2", "W:x == W:10.0.0.1 .. W:10.0.0.2");
  assert_lex ("x == 1.5..2", "W:x == W:1.5 .. W:2");
  assert_lex ("a..b", "W:a .. W:b");
  assert_lex ("a-b", "W:a-b");
  assert_lex ("-1", "- W:1");
  assert_lex ("9p", "W:9p");
  assert_lex ("_ws.expert", "W:_ws.expert");
}

static void
test_dotted_fields (void)
{
  assert_lex (".tcp.port", "F:tcp.port");
  assert_lex (".5", "F:5");
  assert_lex ("..", "..");
  assert_lex ("a.", "W:a ERROR@1-2: \".\" was unexpected in this context.");
  assert_lex (".", "ERROR@0-1: \".\" was unexpected in this context.");
}

static void
test_strings (void)
{
  assert_lex ("\"abc\"", "S:abc");
  assert_lex ("\"a\\\"b\"", "S:a\\\"b");
  assert_lex ("\"\\x41\\101\\n\\t\\\\\"", "S:AA\\n\\t\\\\");
  assert_lex ("\"\\x4\"", "S:\\004");
  assert_lex ("\"\\u00e9\"", "S:\\303\\251");
  assert_lex ("r\"a\\x41\"", "S:a\\\\x41");
  assert_lex ("R\"\\\"\"", "S:\\\\\\\"");
  assert_lex ("\"é\"", "S:\\303\\251");
  assert_lex ("\"\\q\"", "ERROR@1-3: \\q is not a valid character escape sequence");
  assert_lex ("\"\\400\"", "ERROR@1-5: \\400 is larger than 255.");
  assert_lex ("\"\\u0041\"", "ERROR@1-7: \\u0041 is not a valid universal character name");
  assert_lex ("x contains \"abc",
              "W:x contains ERROR@15-15: The final quote was missing from a quoted string.");
  assert_lex ("\"\\", "ERROR@2-2: The final quote was missing from a quoted string.");
}

static void
test_charconsts (void)
{
  assert_lex ("'a'", "C:97");
  assert_lex ("'\\x40'", "C:64");
  assert_lex ("'\\x4'", "C:4");
  assert_lex ("'\\100'", "C:64");
  assert_lex ("'\\''", "C:39");
  assert_lex ("'\\n'", "C:10");
  assert_lex ("''", "ERROR@0-2: Empty character constant.");
  assert_lex ("'ab'", "ERROR@0-4: 'ab' is too long to be a valid character constant.");
  assert_lex ("'\\777'", "ERROR@0-6: '\\777' is too large to be a valid character constant.");
  assert_lex ("'\\q'", "ERROR@0-4: '\\q' isn't a valid character constant.");
  assert_lex ("x == '", "W:x == ERROR@6-6: The final quote was missing from a character "
              "constant.");
}

static void
test_slices_and_layers (void)
{
  assert_lex ("eth.src[0:3]", "W:eth.src [0:3]");
  assert_lex ("eth.src [ 1-2 , -1 ]", "W:eth.src [ 1-2 , -1 ]");
  assert_lex ("frame[0:2", "W:frame ERROR@9-9: The right bracket was missing from a slice.");
  assert_lex ("ip.addr#2", "W:ip.addr #2");
  assert_lex ("ip.addr#[1-2]", "W:ip.addr #1-2");
  assert_lex ("ip.addr #1", "W:ip.addr #1");
  assert_lex ("ip.addr# 1", "W:ip.addr ERROR@8-9: Expected digit or \"[\", not \" \"");
  assert_lex ("ip.addr#-1", "W:ip.addr ERROR@8-9: Expected digit or \"[\", not \"-\"");
  assert_lex ("ip.addr#", "W:ip.addr ERROR@8-8: The layer number or range was missing.");
}

static void
test_unexpected_characters (void)
{
  assert_lex ("a = b", "W:a ERROR@2-3: \"=\" was unexpected in this context.");
  assert_lex ("a $", "W:a ERROR@2-3: \"$\" was unexpected in this context.");
  assert_lex ("a | b", "W:a ERROR@2-3: \"|\" was unexpected in this context.");
  assert_lex ("a ≥ b",
              "W:a ERROR@2-3: Non-printable ASCII characters may only appear inside "
              "double-quotes.");
  assert_lex ("a\001", "W:a ERROR@1-2: Non-printable ASCII characters may only appear inside "
              "double-quotes.");
}

static void
test_registry_checks_dotted_fields (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GError) error = NULL;
  SsDfilterLoc loc;
  SsDfLexer lx;
  SsDfToken tok;
  const char *text = "tcp.port == .80";

  ss_df_lexer_init (&lx, reg, text, strlen (text));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (ss_df_lexer_next (&lx, &tok, &loc, &error));
      ss_df_token_clear (&tok);
    }
  g_assert_false (ss_df_lexer_next (&lx, &tok, &loc, &error));
  ss_df_token_clear (&tok);
  g_assert_error (error, SS_DFILTER_ERROR, SS_DFILTER_ERROR_UNKNOWN_FIELD);
  g_assert_cmpstr (error->message, ==, "\"80\" is not a valid protocol or protocol field.");
  g_assert_cmpint (loc.start, ==, 12);
  g_assert_cmpint (loc.end, ==, 15);
}

static void
test_token_limit (void)
{
  GString *s = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (guint i = 0; i < SS_DF_MAX_TOKENS + 10; i++)
    g_string_append (s, "( ");
  got = lex (s->str);
  g_assert_nonnull (strstr (got, "ERROR@"));
  g_assert_nonnull (strstr (got, "too many tokens"));
  g_string_free (s, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dfilter/lexer/operators", test_operators);
  g_test_add_func ("/dfilter/lexer/words", test_words);
  g_test_add_func ("/dfilter/lexer/dotted-fields", test_dotted_fields);
  g_test_add_func ("/dfilter/lexer/strings", test_strings);
  g_test_add_func ("/dfilter/lexer/charconsts", test_charconsts);
  g_test_add_func ("/dfilter/lexer/slices-and-layers", test_slices_and_layers);
  g_test_add_func ("/dfilter/lexer/unexpected-characters", test_unexpected_characters);
  g_test_add_func ("/dfilter/lexer/registry-checks-dotted-fields",
                   test_registry_checks_dotted_fields);
  g_test_add_func ("/dfilter/lexer/token-limit", test_token_limit);
  return g_test_run ();
}
