/* ss-dfilter-lexer.c: the tokens of a display filter
 *
 * Tokens and their boundaries follow Wireshark 4.0's scanner (epan/dfilter/scanner.l), so the
 * same text splits the same way: `80and` is one word, `eth:ethertype` is `eth` then `:e`,
 * `10.0.0.0/8` and `fe80::/10` are one word each, `a/b` is a division. Which words are fields
 * and which are literals is left to the semantic check, which knows the type on the other side.
 * The lexer is pulled by the parser one token at a time, so the first error in reading order is
 * the one reported, as with tshark.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "ss-dfilter-private.h"

/* Longer than any textual IPv6 address (45 characters). */
#define IPV6_MAX_TEXT 45

static const struct
{
  const char    *word;
  SsDfTokenType  type;
} keywords[] = {
  { "eq", SS_DF_TOK_ANY_EQ },
  { "any_eq", SS_DF_TOK_ANY_EQ },
  { "ne", SS_DF_TOK_ALL_NE },
  { "all_ne", SS_DF_TOK_ALL_NE },
  { "all_eq", SS_DF_TOK_ALL_EQ },
  { "any_ne", SS_DF_TOK_ANY_NE },
  { "gt", SS_DF_TOK_GT },
  { "ge", SS_DF_TOK_GE },
  { "lt", SS_DF_TOK_LT },
  { "le", SS_DF_TOK_LE },
  { "contains", SS_DF_TOK_CONTAINS },
  { "matches", SS_DF_TOK_MATCHES },
  { "and", SS_DF_TOK_AND },
  { "or", SS_DF_TOK_OR },
  { "xor", SS_DF_TOK_XOR },
  { "not", SS_DF_TOK_NOT },
  { "in", SS_DF_TOK_IN },
};

/* Operators, longest first so that a prefix never hides a longer one. */
static const struct
{
  const char    *text;
  SsDfTokenType  type;
} operators[] = {
  { "===", SS_DF_TOK_ALL_EQ },
  { "!==", SS_DF_TOK_ANY_NE },
  { "==", SS_DF_TOK_ANY_EQ },
  { "!=", SS_DF_TOK_ALL_NE },
  { "~=", SS_DF_TOK_ANY_NE },
  { ">=", SS_DF_TOK_GE },
  { "<=", SS_DF_TOK_LE },
  { "&&", SS_DF_TOK_AND },
  { "||", SS_DF_TOK_OR },
  { "^^", SS_DF_TOK_XOR },
  { "..", SS_DF_TOK_DOTDOT },
  { ">", SS_DF_TOK_GT },
  { "<", SS_DF_TOK_LT },
  { "~", SS_DF_TOK_MATCHES },
  { "!", SS_DF_TOK_NOT },
  { "&", SS_DF_TOK_BITAND },
  { "+", SS_DF_TOK_PLUS },
  { "-", SS_DF_TOK_MINUS },
  { "*", SS_DF_TOK_STAR },
  { "/", SS_DF_TOK_SLASH },
  { "%", SS_DF_TOK_PERCENT },
  { "(", SS_DF_TOK_LPAREN },
  { ")", SS_DF_TOK_RPAREN },
  { "{", SS_DF_TOK_LBRACE },
  { "}", SS_DF_TOK_RBRACE },
  { ",", SS_DF_TOK_COMMA },
};

const char *
ss_df_token_type_name (SsDfTokenType type)
{
  switch (type)
    {
    case SS_DF_TOK_EOF: return "EOF";
    case SS_DF_TOK_LPAREN: return "(";
    case SS_DF_TOK_RPAREN: return ")";
    case SS_DF_TOK_LBRACE: return "{";
    case SS_DF_TOK_RBRACE: return "}";
    case SS_DF_TOK_COMMA: return ",";
    case SS_DF_TOK_DOTDOT: return "..";
    case SS_DF_TOK_SLICE: return "SLICE";
    case SS_DF_TOK_LAYER: return "LAYER";
    case SS_DF_TOK_ANY_EQ: return "==";
    case SS_DF_TOK_ALL_NE: return "!=";
    case SS_DF_TOK_ALL_EQ: return "===";
    case SS_DF_TOK_ANY_NE: return "!==";
    case SS_DF_TOK_GT: return ">";
    case SS_DF_TOK_GE: return ">=";
    case SS_DF_TOK_LT: return "<";
    case SS_DF_TOK_LE: return "<=";
    case SS_DF_TOK_CONTAINS: return "contains";
    case SS_DF_TOK_MATCHES: return "matches";
    case SS_DF_TOK_AND: return "&&";
    case SS_DF_TOK_OR: return "||";
    case SS_DF_TOK_XOR: return "^^";
    case SS_DF_TOK_NOT: return "!";
    case SS_DF_TOK_IN: return "in";
    case SS_DF_TOK_BITAND: return "&";
    case SS_DF_TOK_PLUS: return "+";
    case SS_DF_TOK_MINUS: return "-";
    case SS_DF_TOK_STAR: return "*";
    case SS_DF_TOK_SLASH: return "/";
    case SS_DF_TOK_PERCENT: return "%";
    case SS_DF_TOK_WORD: return "WORD";
    case SS_DF_TOK_DOTFIELD: return "DOTFIELD";
    case SS_DF_TOK_STRING: return "STRING";
    case SS_DF_TOK_CHARCONST: return "CHARCONST";
    default: return "?";
    }
}

void
ss_df_lexer_init (SsDfLexer        *lx,
                  const SsRegistry *reg,
                  const char       *text,
                  gsize             len)
{
  memset (lx, 0, sizeof *lx);
  lx->reg = reg;
  lx->text = text;
  lx->len = len;
}

void
ss_df_token_clear (SsDfToken *tok)
{
  g_clear_pointer (&tok->text, g_free);
  tok->len = 0;
}

char *
ss_df_token_dup_display (const SsDfToken *tok)
{
  switch (tok->type)
    {
    case SS_DF_TOK_STRING:
      return g_strdup_printf ("\"%s\"", tok->text);
    case SS_DF_TOK_EOF:
      return g_strdup ("");
    case SS_DF_TOK_SLICE:
      return g_strdup ("[");
    case SS_DF_TOK_LAYER:
      return g_strdup ("#");
    default:
      return g_strdup (tok->text ? tok->text : ss_df_token_type_name (tok->type));
    }
}

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

static gboolean
is_ident_start (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* [[:alnum:]_][[:alnum:]_-]*(\.[[:alnum:]_][[:alnum:]_-]*)* */
static gsize
match_ident (const char *p,
             const char *end)
{
  const char *q = p;

  if (q >= end || !is_ident_start (*q))
    return 0;
  for (;;)
    {
      while (q < end && is_ident_char (*q))
        q++;
      if (q + 1 < end && q[0] == '.' && is_ident_start (q[1]))
        q++;
      else
        break;
    }
  return q - p;
}

/* {hex2}(SEP{hex2})+ */
static gsize
match_sep_bytes (const char *p,
                 const char *end,
                 char        sep)
{
  const char *q = p;
  guint groups = 0;

  while (q + 1 < end && g_ascii_isxdigit (q[0]) && g_ascii_isxdigit (q[1]))
    {
      groups++;
      q += 2;
      if (q + 2 < end && *q == sep && g_ascii_isxdigit (q[1]) && g_ascii_isxdigit (q[2]))
        q++;
      else
        break;
    }
  return groups >= 2 ? (gsize) (q - p) : 0;
}

/* Length of the longest decimal octet (0-255, no leading zero) at @p. */
static gsize
match_dec_octet (const char *p,
                 const char *end,
                 gboolean    whole_run)
{
  gsize run = 0;

  while (p + run < end && run < 4 && g_ascii_isdigit (p[run]))
    run++;
  for (gsize n = MIN (run, 3u); n > 0; n--)
    {
      guint v = 0;

      if (whole_run && n != run)
        return 0;
      if (n > 1 && p[0] == '0')
        continue;
      for (gsize i = 0; i < n; i++)
        v = v * 10 + (p[i] - '0');
      if (v <= 255)
        return n;
    }
  return 0;
}

static gsize
match_cidr (const char *p,
            const char *end,
            guint       max_digits)
{
  gsize n = 0;

  if (p >= end || *p != '/')
    return 0;
  while (p + 1 + n < end && n < max_digits && g_ascii_isdigit (p[1 + n]))
    n++;
  return n ? n + 1 : 0;
}

/* {DecOctet}\.{DecOctet}\.{DecOctet}\.{DecOctet}{V4CidrPrefix}? */
static gsize
match_ipv4 (const char *p,
            const char *end)
{
  const char *q = p;

  for (guint i = 0; i < 4; i++)
    {
      gsize n = match_dec_octet (q, end, i < 3);

      if (!n)
        return 0;
      q += n;
      if (i < 3)
        {
          if (q >= end || *q != '.')
            return 0;
          q++;
        }
    }
  return (q - p) + match_cidr (q, end, 2);
}

static gsize
match_ipv6 (const char *p,
            const char *end)
{
  gsize run = 0;

  while (p + run < end && run < IPV6_MAX_TEXT
         && (g_ascii_isxdigit (p[run]) || p[run] == ':' || p[run] == '.'))
    run++;
  for (gsize n = run; n >= 2; n--)
    {
      guint8 addr[16];

      if (memchr (p, ':', n) && ss_df_parse_ipv6_address (p, n, addr))
        return n + match_cidr (p + n, end, 3);
    }
  return 0;
}

static char *
dup_range (const char *text,
           gsize       start,
           gsize       end)
{
  return g_strndup (text + start, end - start);
}

static gboolean
fail (SsDfLexer     *lx,
      SsDfilterLoc  *loc,
      GError       **error,
      gssize         start,
      gssize         end,
      const char    *message)
{
  ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, end, "%s", message);
  return FALSE;
}

/* The quoted string at lx->pos (after an optional r prefix). */
static gboolean
lex_string (SsDfLexer     *lx,
            SsDfToken     *tok,
            gboolean       raw,
            SsDfilterLoc  *loc,
            GError       **error)
{
  const char *t = lx->text;
  gsize start = lx->pos;
  gsize i = start + (raw ? 2 : 1);
  g_autoptr(GString) s = g_string_new (NULL);

  for (;;)
    {
      if (i >= lx->len)
        return fail (lx, loc, error, lx->len, lx->len,
                     _("The final quote was missing from a quoted string."));
      if (t[i] == '"')
        {
          i++;
          break;
        }
      if (t[i] != '\\')
        {
          g_string_append_c (s, t[i]);
          i++;
          continue;
        }
      /* An escape: \\ and \" in raw strings keep their backslash, as in Python's r"". */
      if (i + 1 >= lx->len)
        {
          i++;
          continue;
        }
      if (raw)
        {
          g_string_append_len (s, t + i, 2);
          i += 2;
          continue;
        }
      {
        char c = t[i + 1];
        gsize esc_start = i;

        if (c >= '0' && c <= '7')
          {
            guint v = 0, n = 0;

            i++;
            while (n < 3 && i < lx->len && t[i] >= '0' && t[i] <= '7')
              {
                v = v * 8 + (t[i] - '0');
                i++;
                n++;
              }
            if (v > 0xff)
              {
                g_autofree char *e = dup_range (t, esc_start, i);

                ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, esc_start, i,
                                 _("%s is larger than 255."), e);
                return FALSE;
              }
            g_string_append_c (s, (char) v);
          }
        else if (c == 'x' && i + 2 < lx->len && g_ascii_isxdigit (t[i + 2]))
          {
            guint v = g_ascii_xdigit_value (t[i + 2]);

            i += 3;
            if (i < lx->len && g_ascii_isxdigit (t[i]))
              v = v * 16 + g_ascii_xdigit_value (t[i++]);
            g_string_append_c (s, (char) v);
          }
        else if (c == 'u' || c == 'U')
          {
            guint want = c == 'u' ? 4 : 8, n = 0;
            guint64 v = 0;
            gboolean ok;

            i += 2;
            while (n < want && i < lx->len && g_ascii_isxdigit (t[i]))
              {
                v = v * 16 + g_ascii_xdigit_value (t[i++]);
                n++;
              }
            /* C's rules for universal character names: no control or basic characters
             * (except $ @ `), no surrogates, nothing past U+10FFFF. */
            ok = n == want && !(v < 0xa0 && v != 0x24 && v != 0x40 && v != 0x60)
                 && !(v >= 0xd800 && v <= 0xdfff) && v <= 0x10ffff;
            if (!ok)
              {
                g_autofree char *e = dup_range (t, esc_start, i);

                ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, esc_start, i,
                                 _("%s is not a valid universal character name"), e);
                return FALSE;
              }
            g_string_append_unichar (s, (gunichar) v);
          }
        else
          {
            char out;

            switch (c)
              {
              case 'a': out = '\a'; break;
              case 'b': out = '\b'; break;
              case 'f': out = '\f'; break;
              case 'n': out = '\n'; break;
              case 'r': out = '\r'; break;
              case 't': out = '\t'; break;
              case 'v': out = '\v'; break;
              case '\\': case '\'': case '"': out = c; break;
              default:
                {
                  /* The whole character after the backslash, even when it is UTF-8. */
                  gsize n = 1;

                  while (i + 1 + n < lx->len && ((guchar) t[i + 1 + n] & 0xc0) == 0x80)
                    n++;
                  ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, i, i + 1 + n,
                                   _("\\%.*s is not a valid character escape sequence"),
                                   (int) n, t + i + 1);
                  return FALSE;
                }
              }
            g_string_append_c (s, out);
            i += 2;
          }
      }
    }

  tok->type = SS_DF_TOK_STRING;
  tok->start = start;
  tok->end = i;
  tok->len = s->len;
  tok->text = g_string_free (g_steal_pointer (&s), FALSE);
  lx->pos = i;
  return TRUE;
}

/* 'c', '\n', '\x41', '\101', '\u00e9' */
static gboolean
lex_charconst (SsDfLexer     *lx,
               SsDfToken     *tok,
               SsDfilterLoc  *loc,
               GError       **error)
{
  const char *t = lx->text;
  gsize start = lx->pos;
  gsize i = start + 1;
  g_autofree char *shown = NULL;
  guint64 v = 0;
  const char *p;

  /* The token runs to the next unescaped quote. */
  while (i < lx->len && t[i] != '\'')
    i += (t[i] == '\\' && i + 1 < lx->len) ? 2 : 1;
  if (i >= lx->len)
    return fail (lx, loc, error, lx->len, lx->len,
                 _("The final quote was missing from a character constant."));
  i++;
  shown = dup_range (t, start, i);
  lx->pos = i;

  p = shown + 1;
  if (*p == '\'')
    return fail (lx, loc, error, start, i, _("Empty character constant."));
  if (*p == '\\')
    {
      p++;
      switch (*p)
        {
        case 'a': v = '\a'; p++; break;
        case 'b': v = '\b'; p++; break;
        case 'f': v = '\f'; p++; break;
        case 'n': v = '\n'; p++; break;
        case 'r': v = '\r'; p++; break;
        case 't': v = '\t'; p++; break;
        case 'v': v = '\v'; p++; break;
        case '\'': case '\\': case '"': v = (guchar) *p; p++; break;
        case 'x':
          p++;
          if (!g_ascii_isxdigit (*p))
            goto invalid;
          v = g_ascii_xdigit_value (*p++);
          if (g_ascii_isxdigit (*p))
            v = v * 16 + g_ascii_xdigit_value (*p++);
          break;
        case 'u':
        case 'U':
          {
            guint want = *p == 'u' ? 4 : 8;

            p++;
            for (guint n = 0; n < want; n++, p++)
              {
                if (!g_ascii_isxdigit (*p))
                  {
                    ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, i,
                                     _("%s is not a valid universal character name"), shown);
                    return FALSE;
                  }
                v = v * 16 + g_ascii_xdigit_value (*p);
              }
            if ((v < 0xa0 && v != 0x24 && v != 0x40 && v != 0x60)
                || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff)
              {
                ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, i,
                                 _("%s is not a valid universal character name"), shown);
                return FALSE;
              }
          }
          break;
        default:
          if (*p < '0' || *p > '7')
            goto invalid;
          for (guint n = 0; n < 3 && *p >= '0' && *p <= '7'; n++)
            v = v * 8 + (*p++ - '0');
          if (v > 0xff)
            {
              ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, i,
                               _("%s is too large to be a valid character constant."), shown);
              return FALSE;
            }
          break;
        }
    }
  else
    {
      v = (guchar) *p++;
      if (!g_ascii_isprint ((char) v))
        {
          ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, i,
                           _("Non-printable value '0x%02x' in character constant."), (guint) v);
          return FALSE;
        }
    }
  if (p[0] != '\'' || p[1] != '\0')
    {
      ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, i,
                       _("%s is too long to be a valid character constant."), shown);
      return FALSE;
    }

  tok->type = SS_DF_TOK_CHARCONST;
  tok->start = start;
  tok->end = i;
  tok->value = v;
  tok->text = g_steal_pointer (&shown);
  tok->len = strlen (tok->text);
  return TRUE;

invalid:
  ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, i,
                   _("%s isn't a valid character constant."), shown);
  return FALSE;
}

/* "[...]" up to the closing bracket; the parser reads the ranges. */
static gboolean
lex_bracket (SsDfLexer     *lx,
             gsize          open,
             SsDfToken     *tok,
             SsDfilterLoc  *loc,
             GError       **error)
{
  const char *close = memchr (lx->text + open + 1, ']', lx->len - open - 1);

  if (!close)
    return fail (lx, loc, error, lx->len, lx->len,
                 _("The right bracket was missing from a slice."));
  tok->start = open;
  tok->end = (close - lx->text) + 1;
  tok->text = dup_range (lx->text, open + 1, close - lx->text);
  tok->len = strlen (tok->text);
  lx->pos = tok->end;
  return TRUE;
}

gboolean
ss_df_lexer_next (SsDfLexer     *lx,
                  SsDfToken     *tok,
                  SsDfilterLoc  *loc,
                  GError       **error)
{
  const char *t = lx->text;
  const char *end = t + lx->len;
  gsize start;

  memset (tok, 0, sizeof *tok);

  while (lx->pos < lx->len && (t[lx->pos] == ' ' || t[lx->pos] == '\t' || t[lx->pos] == '\n'
                               || t[lx->pos] == '\r'))
    lx->pos++;
  start = lx->pos;
  tok->start = tok->end = start;

  if (start >= lx->len)
    {
      tok->type = SS_DF_TOK_EOF;
      return TRUE;
    }
  if (++lx->n_tokens > SS_DF_MAX_TOKENS)
    return fail (lx, loc, error, start, start + 1, _("The filter has too many tokens."));

  /* Strings and character constants. */
  if (t[start] == '"')
    return lex_string (lx, tok, FALSE, loc, error);
  if ((t[start] == 'r' || t[start] == 'R') && start + 1 < lx->len && t[start + 1] == '"')
    return lex_string (lx, tok, TRUE, loc, error);
  if (t[start] == '\'')
    return lex_charconst (lx, tok, loc, error);

  if (t[start] == '[')
    {
      tok->type = SS_DF_TOK_SLICE;
      return lex_bracket (lx, start, tok, loc, error);
    }

  /* field#2, field#[1-2]: the layer number must follow the # at once. */
  if (t[start] == '#')
    {
      gsize i = start + 1;

      if (i >= lx->len)
        return fail (lx, loc, error, i, i, _("The layer number or range was missing."));
      if (t[i] == '[')
        {
          tok->type = SS_DF_TOK_LAYER;
          if (!lex_bracket (lx, i, tok, loc, error))
            return FALSE;
          tok->start = start;
          tok->value = 1;     /* a range */
          return TRUE;
        }
      if (!g_ascii_isdigit (t[i]))
        {
          if (g_ascii_isprint (t[i]))
            ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, i, i + 1,
                             _("Expected digit or \"[\", not \"%c\""), t[i]);
          else
            ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, i, i + 1,
                             _("Expected digit or \"[\""));
          return FALSE;
        }
      while (i < lx->len && g_ascii_isdigit (t[i]))
        i++;
      tok->type = SS_DF_TOK_LAYER;
      tok->start = start;
      tok->end = i;
      tok->text = dup_range (t, start + 1, i);
      tok->len = i - start - 1;
      lx->pos = i;
      return TRUE;
    }

  /* ".name" is a field whatever follows; ".." is the range operator. */
  if (t[start] == '.' && start + 1 < lx->len && t[start + 1] != '.')
    {
      gsize n = match_ident (t + start + 1, end);

      if (n > 0)
        {
          tok->type = SS_DF_TOK_DOTFIELD;
          tok->end = start + 1 + n;
          tok->text = dup_range (t, start + 1, start + 1 + n);
          tok->len = n;
          lx->pos = tok->end;
          if (lx->reg && ss_registry_lookup_field (lx->reg, tok->text) == SS_FIELD_ID_NONE)
            {
              ss_df_set_error (error, loc, SS_DFILTER_ERROR_UNKNOWN_FIELD, start, tok->end,
                               _("\"%s\" is not a valid protocol or protocol field."),
                               tok->text);
              return FALSE;
            }
          return TRUE;
        }
    }

  /* Words: the longest of an identifier, a MAC or byte string, an IPv4 or IPv6 address (with
   * prefix), or a ':'-prefixed literal. */
  if (is_ident_start (t[start]) || t[start] == ':')
    {
      const char *p = t + start;
      gsize n;

      if (*p == ':')
        {
          static const char seps[] = { ':', '-', '.' };
          gsize hex = 0;

          /* :0e55da, :0e:55:da, :0e-55-da, :0e.55.da, or an IPv6 address such as ::1 */
          while (p + 1 + hex < end && g_ascii_isxdigit (p[1 + hex]))
            hex++;
          n = hex ? hex + 1 : 0;
          for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
            {
              gsize b = match_sep_bytes (p + 1, end, seps[i]);

              if (b)
                n = MAX (n, b + 1);
            }
          n = MAX (n, match_ipv6 (p, end));
        }
      else
        {
          n = match_ident (p, end);
          n = MAX (n, match_sep_bytes (p, end, ':'));
          n = MAX (n, match_ipv4 (p, end));
          if (g_ascii_isxdigit (*p))
            n = MAX (n, match_ipv6 (p, end));
        }

      if (n > 0)
        {
          tok->type = SS_DF_TOK_WORD;
          tok->end = start + n;
          tok->text = dup_range (t, start, start + n);
          tok->len = n;
          lx->pos = tok->end;
          for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
            if (strcmp (tok->text, keywords[i].word) == 0)
              tok->type = keywords[i].type;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      gsize n = strlen (operators[i].text);

      if (start + n <= lx->len && memcmp (t + start, operators[i].text, n) == 0)
        {
          tok->type = operators[i].type;
          tok->end = start + n;
          tok->text = g_strdup (operators[i].text);
          tok->len = n;
          lx->pos = tok->end;
          return TRUE;
        }
    }

  if (g_ascii_isprint (t[start]))
    {
      ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, start, start + 1,
                       _("\"%c\" was unexpected in this context."), t[start]);
      return FALSE;
    }
  return fail (lx, loc, error, start, start + 1,
               _("Non-printable ASCII characters may only appear inside double-quotes."));
}
