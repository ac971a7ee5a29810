/* ss-dfilter-parser.c: the syntax tree of a display filter, by recursive descent
 *
 * The grammar and the precedences are Wireshark 4.0's (epan/dfilter/grammar.lemon):
 *
 *   filter    := <nothing> | or
 *   or        := xor  { ("||" | "or")  xor }
 *   xor       := and  { ("^^" | "xor") and }          (Wireshark 4.2)
 *   and       := not  { ("&&" | "and") not }
 *   not       := ("!" | "not") not | "(" or ")" | relation
 *   relation  := term ["!" | "not"] "in" set
 *              | arith { cmp arith }                    chained: a < b < c is a < b && b < c
 *   arith     := sum { "&" sum };  sum := product { ("+" | "-") product }
 *   product   := unary { ("*" | "/" | "%") unary };  unary := ["-" | "+"] term
 *   term      := atom { "[" ranges "]" | "#" layer }
 *   atom      := WORD | WORD "(" [arith {"," arith}] ")" | ".field" | STRING | 'c' | "{" arith "}"
 *   set       := "{" item { [","] item } "}";  item := value [".." value];  value := ["-"] term
 *
 * Sets may separate their members with whitespace as well as commas, as releases before 4.0
 * did. Every level of nesting counts against SS_DF_MAX_DEPTH, so no input recurses without
 * bound; chains of && and || are kept flat.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "ss-dfilter-private.h"

typedef struct
{
  SsDfLexer      lx;
  SsDfToken      tok;        /* the lookahead */
  guint          depth;
  SsDfilterLoc  *loc;
  GError       **error;
} SsDfParser;

/* ---- syntax tree ------------------------------------------------------------------------- */

SsDfAst *
ss_df_ast_new (SsDfAstKind kind,
               gsize       start,
               gsize       end)
{
  SsDfAst *a = g_new0 (SsDfAst, 1);

  a->kind = kind;
  a->start = start;
  a->end = end;
  return a;
}

void
ss_df_ast_free (SsDfAst *ast)
{
  if (!ast)
    return;
  g_clear_pointer (&ast->children, g_ptr_array_unref);
  g_clear_pointer (&ast->ranges, g_array_unref);
  g_free (ast->text);
  g_free (ast);
}

void
ss_df_ast_add (SsDfAst *parent,
               SsDfAst *child)
{
  if (!parent->children)
    parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) ss_df_ast_free);
  g_ptr_array_add (parent->children, child);
}

static SsDfAst *
ast_copy (const SsDfAst *a)
{
  SsDfAst *c = g_memdup2 (a, sizeof *a);

  c->text = a->text ? g_memdup2 (a->text, a->len + 1) : NULL;
  c->children = NULL;
  if (a->ranges)
    {
      c->ranges = g_array_new (FALSE, FALSE, sizeof (SsDfRange));
      g_array_append_vals (c->ranges, a->ranges->data, a->ranges->len);
    }
  for (guint i = 0; i < ss_df_ast_n_children (a); i++)
    ss_df_ast_add (c, ast_copy (ss_df_ast_child (a, i)));
  return c;
}

static const char *
ast_kind_name (SsDfAstKind kind)
{
  switch (kind)
    {
    case SS_DF_AST_WORD: return "WORD";
    case SS_DF_AST_DOTFIELD: return "FIELD";
    case SS_DF_AST_STRING: return "STRING";
    case SS_DF_AST_CHARCONST: return "CHAR";
    case SS_DF_AST_SLICE: return "SLICE";
    case SS_DF_AST_LAYER: return "LAYER";
    case SS_DF_AST_FUNCTION: return "FUNC";
    case SS_DF_AST_ARITH: return "ARITH";
    case SS_DF_AST_NEGATE: return "NEG";
    case SS_DF_AST_CMP: return "CMP";
    case SS_DF_AST_IN: return "IN";
    case SS_DF_AST_SET_ITEM: return "ITEM";
    case SS_DF_AST_EXISTS: return "EXISTS";
    case SS_DF_AST_AND: return "AND";
    case SS_DF_AST_OR: return "OR";
    case SS_DF_AST_XOR: return "XOR";
    case SS_DF_AST_NOT: return "NOT";
    default: return "?";
    }
}

static void
ast_dump (const SsDfAst *a,
          GString       *out)
{
  g_string_append_printf (out, "(%s", ast_kind_name (a->kind));
  switch (a->kind)
    {
    case SS_DF_AST_WORD:
    case SS_DF_AST_DOTFIELD:
    case SS_DF_AST_FUNCTION:
      g_string_append_printf (out, " %s", a->text);
      break;
    case SS_DF_AST_STRING:
      {
        g_autofree char *e = g_strescape (a->text, NULL);

        g_string_append_printf (out, " \"%s\"", e);
      }
      break;
    case SS_DF_AST_CHARCONST:
      g_string_append_printf (out, " %" G_GUINT64_FORMAT, a->value);
      break;
    case SS_DF_AST_ARITH:
    case SS_DF_AST_CMP:
      g_string_append_printf (out, " %s", ss_df_token_type_name (a->op));
      break;
    case SS_DF_AST_IN:
      if (a->negated)
        g_string_append (out, " not");
      break;
    case SS_DF_AST_SLICE:
      for (guint i = 0; i < a->ranges->len; i++)
        {
          const SsDfRange *r = &g_array_index (a->ranges, SsDfRange, i);

          if (r->kind == SS_DF_RANGE_TO_END)
            g_string_append_printf (out, " %" G_GINT64_FORMAT ":", r->start);
          else
            g_string_append_printf (out, " %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, r->start,
                                    r->length);
        }
      break;
    case SS_DF_AST_LAYER:
      g_string_append_printf (out, " %u-%u", a->layer_lo, a->layer_hi);
      break;
    default:
      break;
    }
  for (guint i = 0; i < ss_df_ast_n_children (a); i++)
    {
      g_string_append_c (out, ' ');
      ast_dump (ss_df_ast_child (a, i), out);
    }
  g_string_append_c (out, ')');
}

char *
ss_df_ast_dup_dump (const SsDfAst *ast)
{
  GString *out = g_string_new (NULL);

  if (ast)
    ast_dump (ast, out);
  return g_string_free (out, FALSE);
}

/* ---- slice ranges ---------------------------------------------------------------------- */

static gboolean
parse_range_int (const char    *s,
                 gsize          start,
                 gsize          end,
                 gint64        *out,
                 SsDfilterLoc  *loc,
                 GError       **error)
{
  char *endp;
  gint64 v;

  errno = 0;
  v = g_ascii_strtoll (s, &endp, 0);
  if (*s == '\0' || g_ascii_isspace (*s) || *endp != '\0')
    {
      ss_df_set_error (error, loc, SS_DFILTER_ERROR_VALUE, start, end,
                       _("\"%s\" is not a valid number."), s);
      return FALSE;
    }
  if (errno == ERANGE || v > G_MAXINT32 || v < G_MININT32)
    {
      ss_df_set_error (error, loc, SS_DFILTER_ERROR_VALUE, start, end,
                       _("\"%s\" causes an integer overflow."), s);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
ss_df_parse_ranges (const char    *text,
                    gsize          len,
                    gsize          offset,
                    GArray        *ranges,
                    SsDfilterLoc  *loc,
                    GError       **error)
{
  gsize i = 0;

  for (;;)
    {
      gsize e = i;
      gsize s_start, s_end;
      g_autofree char *elem = NULL;
      const char *colon, *dash;
      SsDfRange r = { SS_DF_RANGE_LENGTH, 0, 1 };

      while (e < len && text[e] != ',')
        e++;
      s_start = i;
      s_end = e;
      while (s_start < s_end && g_ascii_isspace (text[s_start]))
        s_start++;
      while (s_end > s_start && g_ascii_isspace (text[s_end - 1]))
        s_end--;
      if (s_start == s_end)
        {
          ss_df_set_error (error, loc, SS_DFILTER_ERROR_SYNTAX, offset + e, offset + e + 1,
                           _("\"%c\" was unexpected in this context."), e < len ? ',' : ']');
          return FALSE;
        }
      elem = g_strndup (text + s_start, s_end - s_start);
      colon = strchr (elem, ':');
      dash = elem[0] ? strchr (elem + 1, '-') : NULL;

      if (colon)
        {
          g_autofree char *a = g_strndup (elem, colon - elem);
          const char *b = colon + 1;

          if (strchr (b, ':'))
            {
              ss_df_set_error (error, loc, SS_DFILTER_ERROR_VALUE, offset + i, offset + e,
                               _("\"%s\" is not a valid range."), elem);
              return FALSE;
            }
          g_strstrip (a);
          if (*a && !parse_range_int (a, offset + i, offset + e, &r.start, loc, error))
            return FALSE;
          while (g_ascii_isspace (*b))
            b++;
          if (*b == '\0')
            r.kind = SS_DF_RANGE_TO_END;
          else
            {
              if (!parse_range_int (b, offset + i, offset + e, &r.length, loc, error))
                return FALSE;
              if (r.length <= 0)
                {
                  ss_df_set_error (error, loc, SS_DFILTER_ERROR_VALUE, offset + i, offset + e,
                                   _("Range %s isn't valid because length %" G_GINT64_FORMAT
                                     " isn't positive"), elem, r.length);
                  return FALSE;
                }
            }
        }
      else if (dash)
        {
          g_autofree char *a = g_strndup (elem, dash - elem);
          gint64 hi;

          g_strstrip (a);
          if (!parse_range_int (a, offset + i, offset + e, &r.start, loc, error)
              || !parse_range_int (dash + 1, offset + i, offset + e, &hi, loc, error))
            return FALSE;
          if ((r.start < 0) != (hi < 0))
            {
              ss_df_set_error (error, loc, SS_DFILTER_ERROR_VALUE, offset + i, offset + e,
                               _("Range %s isn't valid because %" G_GINT64_FORMAT " and %"
                                 G_GINT64_FORMAT " have different signs"), elem, r.start, hi);
              return FALSE;
            }
          if (r.start >= hi)
            {
              ss_df_set_error (error, loc, SS_DFILTER_ERROR_VALUE, offset + i, offset + e,
                               _("Range %s isn't valid because %" G_GINT64_FORMAT " is greater "
                                 "or equal than %" G_GINT64_FORMAT), elem, r.start, hi);
              return FALSE;
            }
          r.length = hi - r.start + 1;
        }
      else if (!parse_range_int (elem, offset + s_start, offset + s_end, &r.start, loc, error))
        return FALSE;

      g_array_append_val (ranges, r);
      if (e >= len)
        return TRUE;
      i = e + 1;
    }
}

/* ---- parser ------------------------------------------------------------------------------ */

static gboolean
advance (SsDfParser *p)
{
  ss_df_token_clear (&p->tok);
  return ss_df_lexer_next (&p->lx, &p->tok, p->loc, p->error);
}

static gboolean
unexpected (SsDfParser *p)
{
  if (p->tok.type == SS_DF_TOK_EOF)
    {
      ss_df_set_error (p->error, p->loc, SS_DFILTER_ERROR_SYNTAX, -1, -1,
                       _("Unexpected end of filter expression."));
    }
  else
    {
      g_autofree char *shown = ss_df_token_dup_display (&p->tok);
      /* A slice or layer in the wrong place is reported at its first character. */
      gboolean bracket = p->tok.type == SS_DF_TOK_SLICE || p->tok.type == SS_DF_TOK_LAYER;

      ss_df_set_error (p->error, p->loc, SS_DFILTER_ERROR_SYNTAX, p->tok.start,
                       bracket ? p->tok.start + 1 : p->tok.end,
                       _("\"%s\" was unexpected in this context."), shown);
    }
  return FALSE;
}

static gboolean
enter (SsDfParser *p)
{
  if (++p->depth > SS_DF_MAX_DEPTH)
    {
      ss_df_set_error (p->error, p->loc, SS_DFILTER_ERROR_TOO_COMPLEX, p->tok.start,
                       p->tok.type == SS_DF_TOK_EOF ? p->tok.start : p->tok.end,
                       _("The filter is nested too deeply."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_cmp (SsDfTokenType t)
{
  return t >= SS_DF_TOK_ANY_EQ && t <= SS_DF_TOK_MATCHES;
}

static SsDfAst *parse_or (SsDfParser *p);
static SsDfAst *parse_arith (SsDfParser *p);

static SsDfAst *
binary (SsDfAstKind  kind,
        SsDfTokenType op,
        gsize        op_start,
        gsize        op_end,
        SsDfAst     *a,
        SsDfAst     *b)
{
  SsDfAst *n = ss_df_ast_new (kind, a->start, b->end);

  n->op = op;
  n->op_start = op_start;
  n->op_end = op_end;
  ss_df_ast_add (n, a);
  ss_df_ast_add (n, b);
  return n;
}

/* Postfix slices and layers. */
static SsDfAst *
parse_postfix (SsDfParser *p,
               SsDfAst    *atom)
{
  g_autoptr(SsDfAst) a = atom;

  while (p->tok.type == SS_DF_TOK_SLICE || p->tok.type == SS_DF_TOK_LAYER)
    {
      SsDfAst *n;
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (SsDfRange));

      /* The text starts after "[" or "#", or after "#[" for a layer range. */
      gsize offset = p->tok.start + (p->tok.type == SS_DF_TOK_LAYER && p->tok.value ? 2 : 1);

      if (!ss_df_parse_ranges (p->tok.text, p->tok.len, offset, ranges, p->loc, p->error))
        return NULL;
      if (p->tok.type == SS_DF_TOK_SLICE)
        {
          n = ss_df_ast_new (SS_DF_AST_SLICE, a->start, p->tok.end);
          n->ranges = g_steal_pointer (&ranges);
        }
      else
        {
          const SsDfRange *r = &g_array_index (ranges, SsDfRange, 0);

          n = ss_df_ast_new (SS_DF_AST_LAYER, a->start, p->tok.end);
          if (ranges->len != 1 || r->start < 0
              || (r->kind == SS_DF_RANGE_TO_END))
            {
              ss_df_set_error (p->error, p->loc, SS_DFILTER_ERROR_VALUE, p->tok.start, p->tok.end,
                               _("Invalid layer range."));
              ss_df_ast_free (n);
              return NULL;
            }
          n->layer_lo = (guint) r->start;
          n->layer_hi = (guint) MIN (r->start + r->length - 1, (gint64) G_MAXUINT32);
        }
      n->op_start = p->tok.start;
      n->op_end = p->tok.end;
      ss_df_ast_add (n, g_steal_pointer (&a));
      a = n;
      if (!advance (p))
        return NULL;
    }
  return g_steal_pointer (&a);
}

static SsDfAst *
parse_atom (SsDfParser *p,
            gboolean    in_set)
{
  g_autoptr(SsDfAst) a = NULL;

  switch (p->tok.type)
    {
    case SS_DF_TOK_WORD:
      a = ss_df_ast_new (SS_DF_AST_WORD, p->tok.start, p->tok.end);
      a->text = g_steal_pointer (&p->tok.text);
      a->len = p->tok.len;
      if (!advance (p))
        return NULL;
      if (p->tok.type == SS_DF_TOK_LPAREN)
        {
          a->kind = SS_DF_AST_FUNCTION;
          a->op_start = a->start;
          a->op_end = a->end;
          if (!enter (p) || !advance (p))
            return NULL;
          if (p->tok.type != SS_DF_TOK_RPAREN)
            for (;;)
              {
                SsDfAst *arg = parse_arith (p);

                if (!arg)
                  return NULL;
                ss_df_ast_add (a, arg);
                if (p->tok.type == SS_DF_TOK_COMMA)
                  {
                    if (!advance (p))
                      return NULL;
                    continue;
                  }
                if (p->tok.type != SS_DF_TOK_RPAREN)
                  return unexpected (p), NULL;
                break;
              }
          a->end = p->tok.end;
          p->depth--;
          if (!advance (p))
            return NULL;
        }
      break;
    case SS_DF_TOK_DOTFIELD:
    case SS_DF_TOK_STRING:
    case SS_DF_TOK_CHARCONST:
      a = ss_df_ast_new (p->tok.type == SS_DF_TOK_DOTFIELD ? SS_DF_AST_DOTFIELD
                         : p->tok.type == SS_DF_TOK_STRING ? SS_DF_AST_STRING
                         : SS_DF_AST_CHARCONST, p->tok.start, p->tok.end);
      a->text = g_steal_pointer (&p->tok.text);
      a->len = p->tok.len;
      a->value = p->tok.value;
      if (!advance (p))
        return NULL;
      break;
    case SS_DF_TOK_LBRACE:
      if (in_set)
        return unexpected (p), NULL;
      /* Braces only group arithmetic ("{ip.ttl + 1} * 2"); the node keeps its own span. */
      if (!enter (p) || !advance (p))
        return NULL;
      a = parse_arith (p);
      if (!a)
        return NULL;
      if (p->tok.type != SS_DF_TOK_RBRACE)
        return unexpected (p), NULL;
      p->depth--;
      if (!advance (p))
        return NULL;
      break;
    default:
      return unexpected (p), NULL;
    }
  return parse_postfix (p, g_steal_pointer (&a));
}

static SsDfAst *
parse_unary_arith (SsDfParser *p)
{
  if (p->tok.type == SS_DF_TOK_MINUS || p->tok.type == SS_DF_TOK_PLUS)
    {
      gboolean minus = p->tok.type == SS_DF_TOK_MINUS;
      gsize start = p->tok.start, op_end = p->tok.end;
      SsDfAst *t, *n;

      if (!advance (p))
        return NULL;
      t = parse_atom (p, FALSE);
      if (!t || !minus)
        return t;
      n = ss_df_ast_new (SS_DF_AST_NEGATE, start, t->end);
      n->op = SS_DF_TOK_MINUS;
      n->op_start = start;
      n->op_end = op_end;
      ss_df_ast_add (n, t);
      return n;
    }
  return parse_atom (p, FALSE);
}

static SsDfAst *
parse_product (SsDfParser *p)
{
  g_autoptr(SsDfAst) a = parse_unary_arith (p);

  while (a && (p->tok.type == SS_DF_TOK_STAR || p->tok.type == SS_DF_TOK_SLASH
               || p->tok.type == SS_DF_TOK_PERCENT))
    {
      SsDfTokenType op = p->tok.type;
      gsize os = p->tok.start, oe = p->tok.end;
      SsDfAst *b;

      if (!advance (p) || !(b = parse_unary_arith (p)))
        return NULL;
      a = binary (SS_DF_AST_ARITH, op, os, oe, g_steal_pointer (&a), b);
    }
  return g_steal_pointer (&a);
}

static SsDfAst *
parse_sum (SsDfParser *p)
{
  g_autoptr(SsDfAst) a = parse_product (p);

  while (a && (p->tok.type == SS_DF_TOK_PLUS || p->tok.type == SS_DF_TOK_MINUS))
    {
      SsDfTokenType op = p->tok.type;
      gsize os = p->tok.start, oe = p->tok.end;
      SsDfAst *b;

      if (!advance (p) || !(b = parse_product (p)))
        return NULL;
      a = binary (SS_DF_AST_ARITH, op, os, oe, g_steal_pointer (&a), b);
    }
  return g_steal_pointer (&a);
}

static SsDfAst *
parse_arith (SsDfParser *p)
{
  g_autoptr(SsDfAst) a = NULL;

  if (!enter (p))
    return NULL;
  a = parse_sum (p);
  while (a && p->tok.type == SS_DF_TOK_BITAND)
    {
      gsize os = p->tok.start, oe = p->tok.end;
      SsDfAst *b;

      if (!advance (p) || !(b = parse_sum (p)))
        return NULL;
      a = binary (SS_DF_AST_ARITH, SS_DF_TOK_BITAND, os, oe, g_steal_pointer (&a), b);
    }
  p->depth--;
  return g_steal_pointer (&a);
}

static SsDfAst *
parse_set_value (SsDfParser *p)
{
  if (p->tok.type == SS_DF_TOK_MINUS)
    {
      gsize start = p->tok.start, op_end = p->tok.end;
      SsDfAst *t, *n;

      if (!advance (p) || !(t = parse_atom (p, TRUE)))
        return NULL;
      n = ss_df_ast_new (SS_DF_AST_NEGATE, start, t->end);
      n->op = SS_DF_TOK_MINUS;
      n->op_start = start;
      n->op_end = op_end;
      ss_df_ast_add (n, t);
      return n;
    }
  return parse_atom (p, TRUE);
}

static SsDfAst *
parse_set (SsDfParser *p,
           SsDfAst    *entity,
           gboolean    negated)
{
  g_autoptr(SsDfAst) in = ss_df_ast_new (SS_DF_AST_IN, entity->start, entity->end);
  guint n = 0;

  in->negated = negated;
  ss_df_ast_add (in, entity);
  if (p->tok.type != SS_DF_TOK_LBRACE)
    return unexpected (p), NULL;
  if (!advance (p))
    return NULL;
  for (;;)
    {
      g_autoptr(SsDfAst) item = NULL;
      SsDfAst *lo;

      if (n > 0 && p->tok.type == SS_DF_TOK_RBRACE)
        break;
      if (n > 0 && p->tok.type == SS_DF_TOK_COMMA)
        {
          if (!advance (p))
            return NULL;
        }
      else if (n > 0 && !g_ascii_isspace (p->lx.text[p->tok.start - 1]))
        {
          /* Members without a comma need whitespace between them (as before Wireshark 4.0):
           * "{eth:ethertype}" is not two members. */
          return unexpected (p), NULL;
        }
      if (!(lo = parse_set_value (p)))
        return NULL;
      item = ss_df_ast_new (SS_DF_AST_SET_ITEM, lo->start, lo->end);
      ss_df_ast_add (item, lo);
      if (p->tok.type == SS_DF_TOK_DOTDOT)
        {
          SsDfAst *hi;

          if (!advance (p) || !(hi = parse_set_value (p)))
            return NULL;
          item->end = hi->end;
          ss_df_ast_add (item, hi);
        }
      ss_df_ast_add (in, g_steal_pointer (&item));
      n++;
    }
  in->end = p->tok.end;
  if (!advance (p))
    return NULL;
  return g_steal_pointer (&in);
}

static gboolean
is_plain_term (const SsDfAst *a)
{
  return a->kind != SS_DF_AST_ARITH && a->kind != SS_DF_AST_NEGATE;
}

static SsDfAst *
parse_relation (SsDfParser *p)
{
  g_autoptr(SsDfAst) first = parse_arith (p);
  g_autoptr(SsDfAst) result = NULL;
  SsDfAst *prev;

  if (!first)
    return NULL;

  if (is_plain_term (first) && (p->tok.type == SS_DF_TOK_IN || p->tok.type == SS_DF_TOK_NOT))
    {
      gboolean negated = p->tok.type == SS_DF_TOK_NOT;

      if (!advance (p))
        return NULL;
      if (negated)
        {
          if (p->tok.type != SS_DF_TOK_IN)
            return unexpected (p), NULL;
          if (!advance (p))
            return NULL;
        }
      return parse_set (p, g_steal_pointer (&first), negated);
    }

  if (!is_cmp (p->tok.type))
    {
      SsDfAst *e = ss_df_ast_new (SS_DF_AST_EXISTS, first->start, first->end);

      ss_df_ast_add (e, g_steal_pointer (&first));
      return e;
    }

  prev = first;
  while (is_cmp (p->tok.type))
    {
      SsDfTokenType op = p->tok.type;
      gsize os = p->tok.start, oe = p->tok.end;
      SsDfAst *rhs, *cmp, *lhs;

      if (!advance (p) || !(rhs = parse_arith (p)))
        return NULL;
      /* The middle operand of a chain is compared twice. */
      lhs = prev == first ? g_steal_pointer (&first) : ast_copy (prev);
      cmp = binary (SS_DF_AST_CMP, op, os, oe, lhs, rhs);
      prev = rhs;
      if (!result)
        result = cmp;
      else if (result->kind == SS_DF_AST_AND)
        {
          ss_df_ast_add (result, cmp);
          result->end = cmp->end;
        }
      else
        {
          SsDfAst *and = ss_df_ast_new (SS_DF_AST_AND, result->start, cmp->end);

          ss_df_ast_add (and, g_steal_pointer (&result));
          ss_df_ast_add (and, cmp);
          result = and;
        }
    }
  return g_steal_pointer (&result);
}

static SsDfAst *
parse_not (SsDfParser *p)
{
  SsDfAst *a;

  if (!enter (p))
    return NULL;
  if (p->tok.type == SS_DF_TOK_NOT)
    {
      gsize start = p->tok.start;
      SsDfAst *inner;

      if (!advance (p) || !(inner = parse_not (p)))
        return NULL;
      a = ss_df_ast_new (SS_DF_AST_NOT, start, inner->end);
      ss_df_ast_add (a, inner);
    }
  else if (p->tok.type == SS_DF_TOK_LPAREN)
    {
      gsize start = p->tok.start;

      if (!advance (p) || !(a = parse_or (p)))
        return NULL;
      if (p->tok.type != SS_DF_TOK_RPAREN)
        {
          ss_df_ast_free (a);
          return unexpected (p), NULL;
        }
      a->start = MIN (a->start, start);
      a->end = MAX (a->end, p->tok.end);
      if (!advance (p))
        {
          ss_df_ast_free (a);
          return NULL;
        }
    }
  else
    a = parse_relation (p);
  p->depth--;
  return a;
}

/* One level of a left-associative logical chain, kept flat. */
static SsDfAst *
parse_chain (SsDfParser   *p,
             SsDfTokenType op,
             SsDfAstKind   kind,
             SsDfAst    *(*operand) (SsDfParser *))
{
  g_autoptr(SsDfAst) a = operand (p);
  g_autoptr(SsDfAst) chain = NULL;

  if (!a || p->tok.type != op)
    return g_steal_pointer (&a);
  chain = ss_df_ast_new (kind, a->start, a->end);
  ss_df_ast_add (chain, g_steal_pointer (&a));
  while (p->tok.type == op)
    {
      SsDfAst *b;

      if (!advance (p) || !(b = operand (p)))
        return NULL;
      chain->end = b->end;
      ss_df_ast_add (chain, b);
    }
  return g_steal_pointer (&chain);
}

static SsDfAst *
parse_and (SsDfParser *p)
{
  return parse_chain (p, SS_DF_TOK_AND, SS_DF_AST_AND, parse_not);
}

static SsDfAst *
parse_xor (SsDfParser *p)
{
  return parse_chain (p, SS_DF_TOK_XOR, SS_DF_AST_XOR, parse_and);
}

static SsDfAst *
parse_or (SsDfParser *p)
{
  return parse_chain (p, SS_DF_TOK_OR, SS_DF_AST_OR, parse_xor);
}

gboolean
ss_df_parse (const SsRegistry *reg,
             const char       *text,
             gsize             len,
             SsDfAst         **out,
             SsDfilterLoc     *loc,
             GError          **error)
{
  SsDfParser p = { 0 };
  g_autoptr(SsDfAst) ast = NULL;
  gboolean ok = FALSE;

  *out = NULL;
  if (len > SS_DF_MAX_TEXT)
    {
      ss_df_set_error (error, loc, SS_DFILTER_ERROR_TOO_COMPLEX, 0, len,
                       _("The filter is too long."));
      return FALSE;
    }
  ss_df_lexer_init (&p.lx, reg, text, len);
  p.loc = loc;
  p.error = error;

  if (!advance (&p))
    goto out;
  if (p.tok.type == SS_DF_TOK_EOF)
    {
      ok = TRUE;
      goto out;
    }
  ast = parse_or (&p);
  if (!ast)
    goto out;
  if (p.tok.type != SS_DF_TOK_EOF)
    {
      unexpected (&p);
      goto out;
    }
  *out = g_steal_pointer (&ast);
  ok = TRUE;

out:
  ss_df_token_clear (&p.tok);
  return ok;
}
