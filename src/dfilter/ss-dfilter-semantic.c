/* ss-dfilter-semantic.c: checking a syntax tree against the field registry and compiling it
 *
 * As in Wireshark 4.0 (epan/dfilter/semcheck.c), a word is a field when the registry knows it
 * and a literal otherwise, and a literal is read according to the type of what it is compared
 * with: `80` is a number next to tcp.port, a byte next to eth.src[0], `TCP` is a value name
 * next to ip.proto. Messages and the place they point at are tshark's.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-dfilter-private.h"

typedef struct
{
  const SsRegistry *reg;
  const char       *text;
  GArray           *fields;
  gboolean          local_time;   /* an absolute time was read as local time */
  SsDfilterLoc     *loc;
  GError          **error;
} SsDfSem;

static void
sem_fail (SsDfSem            *s,
          SsDfilterErrorCode  code,
          gssize              start,
          gssize              end,
          const char         *message)
{
  ss_df_set_error (s->error, s->loc, code, start, end, "%s", message);
}

#define FAIL(s, code, a, ...) G_STMT_START { \
    g_autofree char *__m = g_strdup_printf (__VA_ARGS__); \
    sem_fail ((s), (code), (a)->start, (a)->end, __m); \
  } G_STMT_END

/* ---- types ----------------------------------------------------------------------------- */

const char *
ss_dfilter_type_name (SsFieldType type)
{
  switch (type)
    {
    case SS_FT_NONE: return _("Label");
    case SS_FT_PROTOCOL: return _("Protocol");
    case SS_FT_BOOLEAN: return _("Boolean");
    case SS_FT_CHAR: return _("Character (1 byte)");
    case SS_FT_UINT8: return _("Unsigned integer (1 byte)");
    case SS_FT_UINT16: return _("Unsigned integer (2 bytes)");
    case SS_FT_UINT24: return _("Unsigned integer (3 bytes)");
    case SS_FT_UINT32: return _("Unsigned integer (4 bytes)");
    case SS_FT_UINT64: return _("Unsigned integer (8 bytes)");
    case SS_FT_INT8: return _("Signed integer (1 byte)");
    case SS_FT_INT16: return _("Signed integer (2 bytes)");
    case SS_FT_INT32: return _("Signed integer (4 bytes)");
    case SS_FT_INT64: return _("Signed integer (8 bytes)");
    case SS_FT_FRAMENUM: return _("Frame number");
    case SS_FT_FLOAT: return _("Floating point (single-precision)");
    case SS_FT_DOUBLE: return _("Floating point (double-precision)");
    case SS_FT_ABSOLUTE_TIME: return _("Date and time");
    case SS_FT_RELATIVE_TIME: return _("Time offset");
    case SS_FT_IPv4: return _("IPv4 address");
    case SS_FT_IPv6: return _("IPv6 address");
    case SS_FT_ETHER: return _("Ethernet or other MAC address");
    case SS_FT_BYTES: return _("Byte sequence");
    case SS_FT_STRING: return _("Character string");
    default: return "?";
    }
}

/* Wireshark's enum names, which some of its messages show. */
static const char *
ft_enum_name (SsFieldType type)
{
  switch (type)
    {
    case SS_FT_NONE: return "FT_NONE";
    case SS_FT_PROTOCOL: return "FT_PROTOCOL";
    case SS_FT_BOOLEAN: return "FT_BOOLEAN";
    case SS_FT_CHAR: return "FT_CHAR";
    case SS_FT_UINT8: return "FT_UINT8";
    case SS_FT_UINT16: return "FT_UINT16";
    case SS_FT_UINT24: return "FT_UINT24";
    case SS_FT_UINT32: return "FT_UINT32";
    case SS_FT_UINT64: return "FT_UINT64";
    case SS_FT_INT8: return "FT_INT8";
    case SS_FT_INT16: return "FT_INT16";
    case SS_FT_INT32: return "FT_INT32";
    case SS_FT_INT64: return "FT_INT64";
    case SS_FT_FRAMENUM: return "FT_FRAMENUM";
    case SS_FT_FLOAT: return "FT_FLOAT";
    case SS_FT_DOUBLE: return "FT_DOUBLE";
    case SS_FT_ABSOLUTE_TIME: return "FT_ABSOLUTE_TIME";
    case SS_FT_RELATIVE_TIME: return "FT_RELATIVE_TIME";
    case SS_FT_IPv4: return "FT_IPv4";
    case SS_FT_IPv6: return "FT_IPv6";
    case SS_FT_ETHER: return "FT_ETHER";
    case SS_FT_BYTES: return "FT_BYTES";
    case SS_FT_STRING: return "FT_STRING";
    default: return "FT_?";
    }
}

SsDfValueKind
ss_df_value_kind_for_type (SsFieldType type)
{
  switch (type)
    {
    case SS_FT_BOOLEAN:
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
    case SS_FT_FRAMENUM:
      return SS_DF_VK_UINT;
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
      return SS_DF_VK_INT;
    case SS_FT_FLOAT:
    case SS_FT_DOUBLE:
      return SS_DF_VK_DOUBLE;
    case SS_FT_ABSOLUTE_TIME:
    case SS_FT_RELATIVE_TIME:
      return SS_DF_VK_TIME;
    case SS_FT_IPv4:
      return SS_DF_VK_IPV4;
    case SS_FT_IPv6:
      return SS_DF_VK_IPV6;
    case SS_FT_ETHER:
    case SS_FT_BYTES:
    case SS_FT_PROTOCOL:
      return SS_DF_VK_BYTES;
    case SS_FT_STRING:
      return SS_DF_VK_STRING;
    case SS_FT_NONE:
    default:
      return SS_DF_VK_NONE;
    }
}

static gboolean
is_integer_type (SsFieldType t)
{
  return ss_field_type_is_integer (t) || t == SS_FT_CHAR || t == SS_FT_FRAMENUM;
}

static gboolean
compatible_types (SsFieldType a,
                  SsFieldType b)
{
  if (a == SS_FT_NONE || b == SS_FT_NONE)
    return FALSE;
  if (a == b)
    return TRUE;
  if (is_integer_type (a) && is_integer_type (b))
    return TRUE;
  if ((a == SS_FT_FLOAT || a == SS_FT_DOUBLE) && (b == SS_FT_FLOAT || b == SS_FT_DOUBLE))
    return TRUE;
  if ((a == SS_FT_BYTES || a == SS_FT_ETHER) && (b == SS_FT_BYTES || b == SS_FT_ETHER))
    return TRUE;
  return FALSE;
}

static gboolean
can_slice (SsFieldType t)
{
  return t == SS_FT_BYTES || t == SS_FT_ETHER || t == SS_FT_PROTOCOL || t == SS_FT_STRING
         || t == SS_FT_IPv4 || t == SS_FT_IPv6;
}

static gboolean
can_contain (SsFieldType t)
{
  return t == SS_FT_BYTES || t == SS_FT_ETHER || t == SS_FT_PROTOCOL || t == SS_FT_STRING;
}

/* ---- entities ---------------------------------------------------------------------------- */

void
ss_df_entity_free (SsDfEntity *e)
{
  if (!e)
    return;
  for (guint i = 0; i < e->n_args; i++)
    ss_df_entity_free (e->args[i]);
  g_free (e->args);
  g_free (e->ranges);
  g_free (e->same_name);
  g_clear_pointer (&e->storage, g_bytes_unref);
  g_free (e);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsDfEntity, ss_df_entity_free)

void
ss_df_test_free (SsDfTest *t)
{
  if (!t)
    return;
  for (guint i = 0; i < t->n_children; i++)
    ss_df_test_free (t->children[i]);
  g_free (t->children);
  ss_df_entity_free (t->lhs);
  ss_df_entity_free (t->rhs);
  for (guint i = 0; i < t->n_set; i++)
    {
      ss_df_entity_free (t->set[i].lo);
      ss_df_entity_free (t->set[i].hi);
    }
  g_free (t->set);
  g_clear_pointer (&t->regex, g_regex_unref);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsDfTest, ss_df_test_free)

static SsDfEntity *
entity_new (SsDfEntityKind kind,
            SsFieldType    ftype)
{
  SsDfEntity *e = g_new0 (SsDfEntity, 1);

  e->kind = kind;
  e->ftype = ftype;
  e->vkind = ss_df_value_kind_for_type (ftype);
  e->field = SS_FIELD_ID_NONE;
  e->layer_proto = SS_FIELD_ID_NONE;
  e->value.kind = e->vkind;
  return e;
}

static void
add_args (SsDfEntity  *e,
          SsDfEntity **args,
          guint        n)
{
  e->args = g_new0 (SsDfEntity *, n);
  memcpy (e->args, args, n * sizeof *args);
  e->n_args = n;
}

/* The source text of a node, for messages. */
static char *
source_text (SsDfSem       *s,
             const SsDfAst *a)
{
  return g_strndup (s->text + a->start, a->end - a->start);
}

/* A node as tshark names it in messages: strings in quotes, fields by name. */
static char *
display_text (SsDfSem       *s,
              const SsDfAst *a)
{
  switch (a->kind)
    {
    case SS_DF_AST_STRING:
      return g_strdup_printf ("\"%s\"", a->text);
    case SS_DF_AST_WORD:
    case SS_DF_AST_DOTFIELD:
      return g_strdup (a->text);
    default:
      return source_text (s, a);
    }
}

static void
want_field (SsDfSem   *s,
            SsFieldId  id)
{
  g_array_append_val (s->fields, id);
}

/* A word or ".field" that names a field, or SS_FIELD_ID_NONE. */
static SsFieldId
lookup_field (SsDfSem       *s,
              const SsDfAst *a)
{
  if (a->kind == SS_DF_AST_DOTFIELD)
    return ss_registry_lookup_field (s->reg, a->text);
  if (a->kind == SS_DF_AST_WORD && a->text[0] != ':')
    return ss_registry_lookup_field (s->reg, a->text);
  return SS_FIELD_ID_NONE;
}

static SsDfEntity *
field_entity (SsDfSem   *s,
              SsFieldId  id)
{
  const SsFieldDef *def = ss_registry_get_field (s->reg, id);
  SsDfEntity *e = entity_new (SS_DF_ENT_FIELD, def->type);
  guint n = ss_registry_get_n_fields (s->reg);
  g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (SsFieldId));

  e->field = id;
  want_field (s, id);
  /* Wireshark registers some names more than once; a filter reads them all. */
  for (SsFieldId other = id + 1; other < n; other++)
    if (strcmp (ss_registry_get_field (s->reg, other)->abbrev, def->abbrev) == 0)
      {
        g_array_append_val (same, other);
        want_field (s, other);
      }
  if (same->len)
    {
      e->n_same_name = same->len;
      e->same_name = (SsFieldId *) g_array_free (g_steal_pointer (&same), FALSE);
    }
  return e;
}

/* Whether a node is a literal rather than something read from the packet. */
static gboolean
is_constant (SsDfSem       *s,
             const SsDfAst *a)
{
  switch (a->kind)
    {
    case SS_DF_AST_WORD:
      return lookup_field (s, a) == SS_FIELD_ID_NONE;
    case SS_DF_AST_STRING:
    case SS_DF_AST_CHARCONST:
      return TRUE;
    case SS_DF_AST_NEGATE:
      return is_constant (s, ss_df_ast_child (a, 0));
    case SS_DF_AST_ARITH:
      return is_constant (s, ss_df_ast_child (a, 0)) && is_constant (s, ss_df_ast_child (a, 1));
    default:
      return FALSE;
    }
}

/* ---- literals ------------------------------------------------------------------------------ */

static guint64
uint_max (SsFieldType t)
{
  switch (t)
    {
    case SS_FT_CHAR:
    case SS_FT_UINT8: return G_MAXUINT8;
    case SS_FT_UINT16: return G_MAXUINT16;
    case SS_FT_UINT24: return 0xffffff;
    case SS_FT_UINT32:
    case SS_FT_FRAMENUM: return G_MAXUINT32;
    case SS_FT_INT8: return G_MAXINT8;
    case SS_FT_INT16: return G_MAXINT16;
    case SS_FT_INT32: return G_MAXINT32;
    case SS_FT_INT64: return G_MAXINT64;
    case SS_FT_UINT64:
    default:
      return G_MAXUINT64;
    }
}

static gboolean
lookup_value_name (const SsFieldDef *def,
                   const char       *name,
                   guint64          *out)
{
  if (!def || !def->vals)
    return FALSE;
  for (const SsValueString *v = def->vals; v->name; v++)
    if (g_ascii_strcasecmp (v->name, name) == 0)
      {
        *out = v->value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
lookup_tfs (const SsFieldDef *def,
            const char       *name,
            guint64          *out)
{
  const char *t = def && def->tfs ? def->tfs->true_string : "Set";
  const char *f = def && def->tfs ? def->tfs->false_string : "Not set";

  if (g_ascii_strcasecmp (name, t) == 0)
    *out = 1;
  else if (g_ascii_strcasecmp (name, f) == 0)
    *out = 0;
  else
    return FALSE;
  return TRUE;
}

static SsDfEntity *
const_entity (SsFieldType ftype)
{
  return entity_new (SS_DF_ENT_CONST, ftype);
}

static SsDfEntity *
const_bytes (SsFieldType   ftype,
             const guint8 *data,
             gsize         len)
{
  SsDfEntity *e = const_entity (ftype);

  e->storage = g_bytes_new (data, len);
  e->value.b.data = g_bytes_get_data (e->storage, NULL);
  e->value.b.len = len;
  return e;
}

/* Reads literal @a (a word, string or character constant) as a value of @ftype. @def is the
 * field on the other side, for its value names; @other names it in messages. */
static SsDfEntity *
convert_literal (SsDfSem          *s,
                 const SsDfAst    *a,
                 SsFieldType       ftype,
                 const SsFieldDef *def,
                 const char       *other)
{
  g_autoptr(SsDfEntity) e = const_entity (ftype);
  g_autofree char *message = NULL;
  const char *text = a->text;

  if (a->kind == SS_DF_AST_CHARCONST)
    {
      if (is_integer_type (ftype))
        {
          if (a->value > uint_max (ftype))
            {
              FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" too big for this field, maximum %"
                                                    G_GUINT64_FORMAT "."), text,
                    uint_max (ftype));
              return NULL;
            }
          e->value.u = a->value;
          return g_steal_pointer (&e);
        }
      if (ftype == SS_FT_BYTES || ftype == SS_FT_PROTOCOL || ftype == SS_FT_STRING)
        {
          guint8 b = (guint8) a->value;

          return const_bytes (ftype, &b, 1);
        }
      FAIL (s, SS_DFILTER_ERROR_TYPE, a, _("Character constant %s (0x%02x) cannot be converted "
                                           "to %s."), text, (guint) a->value,
            ss_dfilter_type_name (ftype));
      return NULL;
    }

  switch (ftype)
    {
    case SS_FT_BOOLEAN:
      {
        guint64 v;
        gboolean overflow;

        if (a->kind == SS_DF_AST_WORD && (strcmp (text, "True") == 0 || strcmp (text, "TRUE") == 0))
          v = 1;
        else if (a->kind == SS_DF_AST_WORD
                 && (strcmp (text, "False") == 0 || strcmp (text, "FALSE") == 0))
          v = 0;
        else if (a->kind == SS_DF_AST_WORD && ss_df_parse_uint64 (text, &v, &overflow))
          v = v != 0;
        else if (!lookup_tfs (def, text, &v))
          {
            FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" cannot be found among the possible "
                                                  "values for %s."), text, other);
            return NULL;
          }
        e->value.u = v;
        return g_steal_pointer (&e);
      }

    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
    case SS_FT_FRAMENUM:
      {
        guint64 v;
        gboolean overflow = FALSE;

        if (a->kind == SS_DF_AST_WORD && ss_df_parse_uint64 (text, &v, &overflow))
          {
            if (v > uint_max (ftype))
              {
                FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" too big for this field, maximum %"
                                                      G_GUINT64_FORMAT "."), text,
                      uint_max (ftype));
                return NULL;
              }
          }
        else if (overflow)
          {
            FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" causes an integer overflow."), text);
            return NULL;
          }
        else if (def && def->vals)
          {
            if (!lookup_value_name (def, text, &v))
              {
                FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" cannot be found among the possible "
                                                      "values for %s."), text, other);
                return NULL;
              }
          }
        else if (a->kind == SS_DF_AST_STRING)
          {
            FAIL (s, SS_DFILTER_ERROR_TYPE, a, _("%s cannot be converted from a string (\"%s\")."),
                  ss_dfilter_type_name (ftype), text);
            return NULL;
          }
        else
          {
            FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" is not a valid number."), text);
            return NULL;
          }
        if (e->vkind == SS_DF_VK_INT)
          e->value.i = (gint64) v;
        else
          e->value.u = v;
        return g_steal_pointer (&e);
      }

    case SS_FT_FLOAT:
    case SS_FT_DOUBLE:
      {
        char *end;

        if (a->kind == SS_DF_AST_STRING)
          break;
        e->value.d = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0')
          {
            FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" is not a valid number."), text);
            return NULL;
          }
        return g_steal_pointer (&e);
      }

    case SS_FT_ABSOLUTE_TIME:
      {
        gboolean local = FALSE;

        if (!ss_df_parse_abs_time (text, &e->value.t.secs, &e->value.t.nsecs, &local, &message))
          {
            sem_fail (s, SS_DFILTER_ERROR_VALUE, a->start, a->end, message);
            return NULL;
          }
        s->local_time = s->local_time || local;
        return g_steal_pointer (&e);
      }

    case SS_FT_RELATIVE_TIME:
      if (a->kind == SS_DF_AST_STRING)
        break;
      if (!ss_df_parse_rel_time (text, &e->value.t.secs, &e->value.t.nsecs))
        {
          FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" is not a valid time."), text);
          return NULL;
        }
      return g_steal_pointer (&e);

    case SS_FT_IPv4:
      {
        guint bits;

        if (a->kind == SS_DF_AST_STRING)
          break;
        if (!ss_df_parse_ipv4 (text, &e->value.ip4, &bits, &message))
          {
            sem_fail (s, SS_DFILTER_ERROR_VALUE, a->start, a->end, message);
            return NULL;
          }
        e->value.bits = (guint8) bits;
        return g_steal_pointer (&e);
      }

    case SS_FT_IPv6:
      {
        guint8 addr[16];
        guint bits;
        SsDfEntity *c;

        if (a->kind == SS_DF_AST_STRING)
          break;
        if (!ss_df_parse_ipv6 (text, addr, &bits, &message))
          {
            sem_fail (s, SS_DFILTER_ERROR_VALUE, a->start, a->end, message);
            return NULL;
          }
        c = const_bytes (ftype, addr, 16);
        c->value.bits = (guint8) bits;
        return c;
      }

    case SS_FT_ETHER:
      {
        guint8 addr[6];

        if (a->kind == SS_DF_AST_STRING)
          break;
        if (!ss_df_parse_ether (text, addr, &message))
          {
            sem_fail (s, SS_DFILTER_ERROR_VALUE, a->start, a->end, message);
            return NULL;
          }
        return const_bytes (ftype, addr, 6);
      }

    case SS_FT_BYTES:
    case SS_FT_PROTOCOL:
      {
        g_autoptr(GByteArray) b = NULL;

        if (a->kind == SS_DF_AST_STRING)
          return const_bytes (ftype, (const guint8 *) text, a->len);
        b = ss_df_parse_bytes (text);
        if (!b)
          {
            FAIL (s, SS_DFILTER_ERROR_VALUE, a, _("\"%s\" is not a valid byte string."), text);
            return NULL;
          }
        return const_bytes (ftype, b->data, b->len);
      }

    case SS_FT_STRING:
      return const_bytes (ftype, (const guint8 *) text, a->len);

    case SS_FT_NONE:
    default:
      FAIL (s, SS_DFILTER_ERROR_TYPE, a, _("%s cannot be compared with a value."), other);
      return NULL;
    }

  /* A quoted string where the type has no string form. */
  FAIL (s, SS_DFILTER_ERROR_TYPE, a, _("%s cannot be converted from a string (\"%s\")."),
        ss_dfilter_type_name (ftype), text);
  return NULL;
}

/* ---- entities from the tree ------------------------------------------------------------ */

static SsDfEntity *compile_entity (SsDfSem       *s,
                                   const SsDfAst *a,
                                   SsFieldType    context,
                                   const SsFieldDef *def,
                                   const char    *other);

static const struct
{
  const char *name;
  SsDfFunc    func;
  guint       min_args;
  guint       max_args;
} functions[] = {
  { "len", SS_DF_FUNC_LEN, 1, 1 },
  { "count", SS_DF_FUNC_COUNT, 1, 1 },
  { "lower", SS_DF_FUNC_LOWER, 1, 1 },
  { "upper", SS_DF_FUNC_UPPER, 1, 1 },
  { "string", SS_DF_FUNC_STRING, 1, 1 },
  { "max", SS_DF_FUNC_MAX, 1, G_MAXUINT },
  { "min", SS_DF_FUNC_MIN, 1, G_MAXUINT },
  { "abs", SS_DF_FUNC_ABS, 1, 1 },
};

/* A field reference: a word or ".field" naming one, or field#layer. */
static gboolean
is_field_ref (SsDfSem       *s,
              const SsDfAst *a)
{
  if (a->kind == SS_DF_AST_LAYER)
    return TRUE;
  return (a->kind == SS_DF_AST_WORD || a->kind == SS_DF_AST_DOTFIELD)
         && lookup_field (s, a) != SS_FIELD_ID_NONE;
}

/* Where a message about an argument points: a function at its name. */
static void
arg_span (const SsDfAst *a,
          gssize        *start,
          gssize        *end)
{
  if (a->kind == SS_DF_AST_FUNCTION)
    {
      *start = a->op_start;
      *end = a->op_end;
    }
  else
    {
      *start = a->start;
      *end = a->end;
    }
}

static SsDfEntity *
compile_function (SsDfSem       *s,
                  const SsDfAst *a)
{
  guint n = ss_df_ast_n_children (a);
  guint f;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func ((GDestroyNotify) ss_df_entity_free);
  SsDfEntity *e;
  SsFieldType result;

  for (f = 0; f < G_N_ELEMENTS (functions); f++)
    if (strcmp (functions[f].name, a->text) == 0)
      break;
  if (f == G_N_ELEMENTS (functions))
    {
      g_autofree char *m = g_strdup_printf (_("Function '%s' does not exist"), a->text);

      sem_fail (s, SS_DFILTER_ERROR_FUNCTION, a->op_start, a->op_end, m);
      return NULL;
    }
  if (n < functions[f].min_args || n > functions[f].max_args)
    {
      g_autofree char *m = n < functions[f].min_args
        ? g_strdup_printf (_("Function %s needs at least %u arguments."), a->text,
                           functions[f].min_args)
        : g_strdup_printf (_("Function %s can only accept %u arguments."), a->text,
                           functions[f].max_args);

      sem_fail (s, SS_DFILTER_ERROR_FUNCTION, a->op_start, a->op_end, m);
      return NULL;
    }

  switch (functions[f].func)
    {
    case SS_DF_FUNC_LEN:
    case SS_DF_FUNC_COUNT:
    case SS_DF_FUNC_STRING:
      {
        const SsDfAst *arg = ss_df_ast_child (a, 0);
        SsDfEntity *x;

        if (!is_field_ref (s, arg))
          {
            gssize st, en;
            g_autofree char *m = g_strdup_printf (_("Only fields can be used as parameter for "
                                                    "%s()"), a->text);

            arg_span (arg, &st, &en);
            sem_fail (s, SS_DFILTER_ERROR_FUNCTION, st, en, m);
            return NULL;
          }
        x = compile_entity (s, arg, SS_FT_NONE, NULL, NULL);
        if (!x)
          return NULL;
        g_ptr_array_add (args, x);
        /* string() turns numbers and addresses into text; Wireshark 4.0 refuses the rest. */
        if (functions[f].func == SS_DF_FUNC_STRING
            && (x->vkind == SS_DF_VK_NONE || x->ftype == SS_FT_PROTOCOL
                || x->ftype == SS_FT_BOOLEAN || x->vkind == SS_DF_VK_TIME
                || x->ftype == SS_FT_STRING || x->ftype == SS_FT_BYTES))
          {
            g_autofree char *name = display_text (s, arg);

            FAIL (s, SS_DFILTER_ERROR_FUNCTION, arg, _("String conversion for field \"%s\" is not "
                                                       "supported"), name);
            return NULL;
          }
        result = functions[f].func == SS_DF_FUNC_STRING ? SS_FT_STRING : SS_FT_UINT32;
      }
      break;

    case SS_DF_FUNC_LOWER:
    case SS_DF_FUNC_UPPER:
      {
        const SsDfAst *arg = ss_df_ast_child (a, 0);
        SsDfEntity *x = NULL;

        if (is_field_ref (s, arg) || arg->kind == SS_DF_AST_FUNCTION)
          {
            x = compile_entity (s, arg, SS_FT_NONE, NULL, NULL);
            if (!x)
              return NULL;
          }
        if (!x || x->ftype != SS_FT_STRING)
          {
            gssize st, en;
            g_autofree char *m = g_strdup_printf (_("Only string type fields can be used as "
                                                    "parameter for %s()"), a->text);

            ss_df_entity_free (x);
            arg_span (arg, &st, &en);
            sem_fail (s, SS_DFILTER_ERROR_FUNCTION, st, en, m);
            return NULL;
          }
        g_ptr_array_add (args, x);
        result = SS_FT_STRING;
      }
      break;

    case SS_DF_FUNC_MAX:
    case SS_DF_FUNC_MIN:
    case SS_DF_FUNC_ABS:
    default:
      {
        SsFieldType type = SS_FT_NONE;
        const SsFieldDef *def = NULL;
        const char *other = NULL;

        /* The first argument read from the packet sets the type; literals follow it. */
        for (guint i = 0; i < n && type == SS_FT_NONE; i++)
          {
            const SsDfAst *arg = ss_df_ast_child (a, i);

            if (!is_constant (s, arg))
              {
                g_autoptr(SsDfEntity) x = compile_entity (s, arg, SS_FT_NONE, NULL, NULL);

                if (!x)
                  return NULL;
                type = x->ftype;
                if (x->kind == SS_DF_ENT_FIELD)
                  {
                    def = ss_registry_get_field (s->reg, x->field);
                    other = def->abbrev;
                  }
              }
          }
        if (type == SS_FT_NONE)
          {
            /* Only literals: tshark points at the first one. */
            const SsDfAst *c = ss_df_ast_child (a, 0);

            while (c->kind == SS_DF_AST_NEGATE || c->kind == SS_DF_AST_ARITH)
              c = ss_df_ast_child (c, 0);
            sem_fail (s, SS_DFILTER_ERROR_FUNCTION, c->start, c->end,
                      _("Constant arithmetic expression on the LHS is invalid."));
            return NULL;
          }
        if (!is_integer_type (type) && type != SS_FT_FLOAT && type != SS_FT_DOUBLE
            && (functions[f].func == SS_DF_FUNC_ABS
                || (type != SS_FT_RELATIVE_TIME && type != SS_FT_ABSOLUTE_TIME
                    && type != SS_FT_IPv4 && type != SS_FT_IPv6 && type != SS_FT_STRING
                    && type != SS_FT_BYTES && type != SS_FT_ETHER)))
          {
            g_autofree char *m = g_strdup_printf (_("Argument to '%s' must be a number, not %s"),
                                                  a->text, ft_enum_name (type));

            sem_fail (s, SS_DFILTER_ERROR_FUNCTION, a->op_start, a->op_end, m);
            return NULL;
          }
        for (guint i = 0; i < n; i++)
          {
            const SsDfAst *arg = ss_df_ast_child (a, i);
            SsDfEntity *x = compile_entity (s, arg, type, def, other);

            if (!x)
              return NULL;
            g_ptr_array_add (args, x);
            if (x->ftype != type)
              {
                gssize st, en;
                g_autofree char *m = g_strdup_printf (_("Arguments to '%s' must have the same "
                                                        "type (expected %s, got %s)"), a->text,
                                                      ft_enum_name (type),
                                                      ft_enum_name (x->ftype));

                arg_span (arg, &st, &en);
                sem_fail (s, SS_DFILTER_ERROR_FUNCTION, st, en, m);
                return NULL;
              }
          }
        result = type;
      }
      break;
    }

  e = entity_new (SS_DF_ENT_FUNC, result);
  e->func = functions[f].func;
  add_args (e, (SsDfEntity **) args->pdata, args->len);
  g_ptr_array_set_free_func (args, NULL);
  return e;
}

static gboolean
arith_allowed (SsFieldType   t,
               SsDfTokenType op)
{
  if (is_integer_type (t))
    return TRUE;
  if (t == SS_FT_FLOAT || t == SS_FT_DOUBLE)
    return op != SS_DF_TOK_BITAND && op != SS_DF_TOK_PERCENT;
  if (t == SS_FT_RELATIVE_TIME)
    return op == SS_DF_TOK_PLUS || op == SS_DF_TOK_MINUS;
  if (t == SS_FT_BYTES || t == SS_FT_ETHER)
    return op == SS_DF_TOK_BITAND;
  return FALSE;
}

static SsDfEntity *
compile_arith (SsDfSem          *s,
               const SsDfAst    *a,
               SsFieldType       context,
               const SsFieldDef *def,
               const char       *other)
{
  const SsDfAst *x = ss_df_ast_child (a, 0);
  const SsDfAst *y = ss_df_ast_child (a, 1);
  g_autoptr(SsDfEntity) ex = NULL;
  g_autoptr(SsDfEntity) ey = NULL;
  SsDfEntity *e;
  SsFieldType type;

  if (!is_constant (s, x))
    {
      ex = compile_entity (s, x, SS_FT_NONE, NULL, NULL);
      if (!ex)
        return NULL;
      type = ex->ftype;
      if (ex->kind == SS_DF_ENT_FIELD)
        {
          def = ss_registry_get_field (s->reg, ex->field);
          other = def->abbrev;
        }
    }
  else if (!is_constant (s, y))
    {
      ey = compile_entity (s, y, SS_FT_NONE, NULL, NULL);
      if (!ey)
        return NULL;
      type = ey->ftype;
      if (ey->kind == SS_DF_ENT_FIELD)
        {
          def = ss_registry_get_field (s->reg, ey->field);
          other = def->abbrev;
        }
    }
  else if (context == SS_FT_NONE)
    {
      sem_fail (s, SS_DFILTER_ERROR_TYPE, x->start, x->end,
                _("Constant arithmetic expression on the LHS is invalid."));
      return NULL;
    }
  else
    type = context;

  if (!arith_allowed (type, a->op))
    {
      g_autofree char *m = g_strdup_printf (_("%s cannot %s."), ft_enum_name (type),
                                            ss_df_token_type_name (a->op));

      sem_fail (s, SS_DFILTER_ERROR_TYPE, x->start, x->end, m);
      return NULL;
    }
  if (!ex && !(ex = compile_entity (s, x, type, def, other)))
    return NULL;
  if (!ey && !(ey = compile_entity (s, y, type, def, other)))
    return NULL;
  if (!compatible_types (type, ex->ftype) || !compatible_types (type, ey->ftype))
    {
      g_autofree char *m = g_strdup_printf (_("%s cannot %s."), ft_enum_name (type),
                                            ss_df_token_type_name (a->op));

      sem_fail (s, SS_DFILTER_ERROR_TYPE, a->start, a->end, m);
      return NULL;
    }
  e = entity_new (SS_DF_ENT_ARITH, type);
  e->op = a->op;
  e->args = g_new0 (SsDfEntity *, 2);
  e->args[0] = g_steal_pointer (&ex);
  e->args[1] = g_steal_pointer (&ey);
  e->n_args = 2;
  return e;
}

/* Any node that gives values. @context is the type of the other side of a comparison (for
 * literals); SS_FT_NONE when there is none yet (left sides). */
static SsDfEntity *
compile_entity (SsDfSem          *s,
                const SsDfAst    *a,
                SsFieldType       context,
                const SsFieldDef *def,
                const char       *other)
{
  switch (a->kind)
    {
    case SS_DF_AST_WORD:
    case SS_DF_AST_DOTFIELD:
      {
        SsFieldId id = lookup_field (s, a);

        if (id != SS_FIELD_ID_NONE)
          return field_entity (s, id);
        if (a->kind == SS_DF_AST_DOTFIELD)
          {
            FAIL (s, SS_DFILTER_ERROR_UNKNOWN_FIELD, a, _("\"%s\" is not a valid protocol or "
                                                          "protocol field."), a->text);
            return NULL;
          }
      }
      G_GNUC_FALLTHROUGH;
    case SS_DF_AST_STRING:
    case SS_DF_AST_CHARCONST:
      if (context == SS_FT_NONE)
        {
          g_autofree char *shown = display_text (s, a);

          FAIL (s, SS_DFILTER_ERROR_UNKNOWN_FIELD, a, _("%s is neither a field nor a protocol "
                                                        "name."), shown);
          return NULL;
        }
      return convert_literal (s, a, context, def, other);

    case SS_DF_AST_LAYER:
      {
        const SsDfAst *f = ss_df_ast_child (a, 0);
        SsFieldId id = lookup_field (s, f);
        SsDfEntity *e;

        if (id == SS_FIELD_ID_NONE)
          {
            g_autofree char *shown = display_text (s, f);

            FAIL (s, SS_DFILTER_ERROR_UNKNOWN_FIELD, f, _("%s is not a valid field"), shown);
            return NULL;
          }
        e = field_entity (s, id);
        e->layer_proto = ss_registry_get_protocol_field (s->reg,
                                                         ss_registry_get_field_protocol (s->reg,
                                                                                         id)->id);
        e->layer_lo = a->layer_lo;
        e->layer_hi = a->layer_hi;
        want_field (s, e->layer_proto);
        return e;
      }

    case SS_DF_AST_SLICE:
      {
        const SsDfAst *inner = ss_df_ast_child (a, 0);
        g_autoptr(SsDfEntity) x = NULL;
        SsDfEntity *e;

        if (!is_field_ref (s, inner) && inner->kind != SS_DF_AST_SLICE
            && inner->kind != SS_DF_AST_FUNCTION)
          {
            g_autofree char *shown = display_text (s, inner);

            FAIL (s, SS_DFILTER_ERROR_TYPE, inner, _("Range is not supported for entity %s"),
                  shown);
            return NULL;
          }
        x = compile_entity (s, inner, SS_FT_NONE, NULL, NULL);
        if (!x)
          return NULL;
        if (!can_slice (x->ftype))
          {
            g_autofree char *shown = display_text (s, inner);

            FAIL (s, SS_DFILTER_ERROR_TYPE, inner, _("\"%s\" is a %s and cannot be sliced into a "
                                                     "sequence of bytes."), shown,
                  ss_dfilter_type_name (x->ftype));
            return NULL;
          }
        e = entity_new (SS_DF_ENT_SLICE, SS_FT_BYTES);
        e->args = g_new0 (SsDfEntity *, 1);
        e->args[0] = g_steal_pointer (&x);
        e->n_args = 1;
        e->n_ranges = a->ranges->len;
        e->ranges = g_memdup2 (a->ranges->data, sizeof (SsDfRange) * a->ranges->len);
        return e;
      }

    case SS_DF_AST_FUNCTION:
      return compile_function (s, a);

    case SS_DF_AST_ARITH:
      return compile_arith (s, a, context, def, other);

    case SS_DF_AST_NEGATE:
      {
        const SsDfAst *inner = ss_df_ast_child (a, 0);
        g_autoptr(SsDfEntity) x = NULL;
        SsDfEntity *e;

        if (is_constant (s, inner) && context == SS_FT_NONE)
          {
            sem_fail (s, SS_DFILTER_ERROR_TYPE, inner->start, inner->end,
                      _("Constant arithmetic expression on the LHS is invalid."));
            return NULL;
          }
        x = compile_entity (s, inner, context, def, other);
        if (!x)
          return NULL;
        if (!is_integer_type (x->ftype) && x->ftype != SS_FT_FLOAT && x->ftype != SS_FT_DOUBLE
            && x->ftype != SS_FT_RELATIVE_TIME)
          {
            g_autofree char *m = g_strdup_printf (_("%s cannot -."), ft_enum_name (x->ftype));

            sem_fail (s, SS_DFILTER_ERROR_TYPE, inner->start, inner->end, m);
            return NULL;
          }
        if (x->kind == SS_DF_ENT_CONST)
          {
            /* Wireshark negates after reading the literal as the field's type; an unsigned
             * value wraps around, so tcp.port > -1 is never true. */
            switch (x->vkind)
              {
              case SS_DF_VK_UINT:
                x->value.u = ss_df_uint_wrap (x->ftype, -x->value.u);
                break;
              case SS_DF_VK_INT:
                x->value.i = -x->value.i;
                break;
              case SS_DF_VK_DOUBLE:
                x->value.d = -x->value.d;
                break;
              case SS_DF_VK_TIME:
                x->value.t.secs = -x->value.t.secs;
                x->value.t.nsecs = -x->value.t.nsecs;
                break;
              default:
                break;
              }
            return g_steal_pointer (&x);
          }
        e = entity_new (SS_DF_ENT_NEGATE, x->ftype);
        e->args = g_new0 (SsDfEntity *, 1);
        e->args[0] = g_steal_pointer (&x);
        e->n_args = 1;
        return e;
      }

    default:
      {
        g_autofree char *shown = source_text (s, a);

        FAIL (s, SS_DFILTER_ERROR_SYNTAX, a, _("\"%s\" was unexpected in this context."), shown);
        return NULL;
      }
    }
}

/* ---- tests ---------------------------------------------------------------------------- */

static SsDfTest *
test_new (SsDfTestKind kind)
{
  SsDfTest *t = g_new0 (SsDfTest, 1);

  t->kind = kind;
  return t;
}

static char *
op_text (SsDfSem       *s,
         const SsDfAst *a)
{
  return g_strndup (s->text + a->op_start, a->op_end - a->op_start);
}

/* The bytes of a whole field (field[0:]), to compare it with a slice. */
static SsDfEntity *
whole_slice (SsDfEntity *x)
{
  SsDfEntity *e = entity_new (SS_DF_ENT_SLICE, SS_FT_BYTES);

  e->args = g_new0 (SsDfEntity *, 1);
  e->args[0] = x;
  e->n_args = 1;
  e->ranges = g_new0 (SsDfRange, 1);
  e->ranges[0].kind = SS_DF_RANGE_TO_END;
  e->n_ranges = 1;
  return e;
}

/* A field compared with a slice is compared as bytes, when it can be sliced. */
static gboolean
is_bytes_pair (const SsDfEntity *field,
               const SsDfEntity *slice)
{
  return slice->kind == SS_DF_ENT_SLICE && field->kind != SS_DF_ENT_SLICE
         && field->kind != SS_DF_ENT_CONST && can_slice (field->ftype)
         && !compatible_types (field->ftype, SS_FT_BYTES);
}

/* Compiles the left side of a comparison or set test, which must read the packet. */
static SsDfEntity *
compile_lhs (SsDfSem       *s,
             const SsDfAst *cmp,
             const SsDfAst *lhs)
{
  if ((lhs->kind == SS_DF_AST_WORD && lookup_field (s, lhs) == SS_FIELD_ID_NONE)
      || lhs->kind == SS_DF_AST_STRING || lhs->kind == SS_DF_AST_CHARCONST)
    {
      g_autofree char *op = op_text (s, cmp);
      g_autofree char *shown = display_text (s, lhs);

      FAIL (s, SS_DFILTER_ERROR_SYNTAX, lhs, _("Left side of \"%s\" expression must be a field or "
                                               "function, not %s."), op, shown);
      return NULL;
    }
  return compile_entity (s, lhs, SS_FT_NONE, NULL, NULL);
}

/* The name a message gives the left side: a field's name, else its text. */
static char *
lhs_name (SsDfSem          *s,
          const SsDfAst    *lhs,
          const SsDfEntity *e)
{
  if (e->kind == SS_DF_ENT_FIELD)
    return g_strdup (ss_registry_get_field (s->reg, e->field)->abbrev);
  return source_text (s, lhs);
}

/* The right side of a comparison (or a member of a set) against a left side of @lt. */
static SsDfEntity *
compile_rhs (SsDfSem          *s,
             const SsDfAst    *rhs,
             const SsDfAst    *lhs,
             const SsDfEntity *lt,
             gboolean          contains)
{
  const SsFieldDef *def = lt->kind == SS_DF_ENT_FIELD ? ss_registry_get_field (s->reg, lt->field)
                                                      : NULL;
  g_autofree char *name = lhs_name (s, lhs, lt);
  /* "eth.src contains 55:da" looks for bytes, not for a whole address. */
  SsFieldType context = contains && lt->ftype == SS_FT_ETHER ? SS_FT_BYTES : lt->ftype;
  SsDfEntity *e = compile_entity (s, rhs, context, def, name);

  if (!e)
    return NULL;
  if (is_bytes_pair (lt, e))
    return e;
  if (is_bytes_pair (e, lt))
    return whole_slice (e);
  if (e->kind != SS_DF_ENT_CONST && !compatible_types (lt->ftype, e->ftype))
    {
      g_autofree char *shown = display_text (s, rhs);

      if (rhs->kind == SS_DF_AST_FUNCTION || rhs->kind == SS_DF_AST_SLICE)
        {
          g_free (shown);
          shown = source_text (s, rhs);
        }
      FAIL (s, SS_DFILTER_ERROR_TYPE, rhs, _("%s and %s are not of compatible types."), name,
            shown);
      ss_df_entity_free (e);
      return NULL;
    }
  return e;
}

static SsDfTest *compile_test (SsDfSem *s, const SsDfAst *a);


static SsDfTest *
compile_cmp (SsDfSem       *s,
             const SsDfAst *a)
{
  const SsDfAst *lhs = ss_df_ast_child (a, 0);
  const SsDfAst *rhs = ss_df_ast_child (a, 1);
  g_autoptr(SsDfTest) t = test_new (SS_DF_TEST_CMP);
  g_autofree char *op = op_text (s, a);

  t->op = a->op;
  t->lhs = compile_lhs (s, a, lhs);
  if (!t->lhs)
    return NULL;

  {
    g_autofree char *name = lhs_name (s, lhs, t->lhs);
    gboolean ok = t->lhs->vkind != SS_DF_VK_NONE;

    if (a->op == SS_DF_TOK_CONTAINS || a->op == SS_DF_TOK_MATCHES)
      ok = ok && can_contain (t->lhs->ftype);
    if (!ok)
      {
        g_autofree char *m = g_strdup_printf (_("%s (type=%s) cannot participate in %s "
                                                "comparison."), name,
                                              ss_dfilter_type_name (t->lhs->ftype),
                                              a->op == SS_DF_TOK_CONTAINS ? "contains"
                                              : a->op == SS_DF_TOK_MATCHES ? "matches" : op);
        sem_fail (s, SS_DFILTER_ERROR_TYPE, lhs->kind == SS_DF_AST_FUNCTION ? lhs->op_start
                                                                            : lhs->start,
                  lhs->kind == SS_DF_AST_FUNCTION ? lhs->op_end : lhs->end, m);
        return NULL;
      }
  }

  if (a->op == SS_DF_TOK_MATCHES)
    {
      g_autoptr(GError) rerror = NULL;

      if (rhs->kind != SS_DF_AST_STRING)
        {
          FAIL (s, SS_DFILTER_ERROR_SYNTAX, rhs, _("Matches requires a double quoted string on the "
                                                   "right side."));
          return NULL;
        }
      /* Wireshark matches bytes, not UTF-8 text, and ignores case unless told (?-i). */
      t->regex = g_regex_new (rhs->text, G_REGEX_CASELESS | G_REGEX_RAW | G_REGEX_OPTIMIZE, 0,
                              &rerror);
      if (!t->regex)
        {
          const char *m = strrchr (rerror->message, ':');

          FAIL (s, SS_DFILTER_ERROR_REGEX, rhs, _("Regex compilation error: %s."),
                m ? m + 2 : rerror->message);
          return NULL;
        }
      return g_steal_pointer (&t);
    }

  t->rhs = compile_rhs (s, rhs, lhs, t->lhs, a->op == SS_DF_TOK_CONTAINS);
  if (!t->rhs)
    return NULL;
  if (is_bytes_pair (t->lhs, t->rhs))
    t->lhs = whole_slice (t->lhs);
  return g_steal_pointer (&t);
}

static SsDfTest *
compile_in (SsDfSem       *s,
            const SsDfAst *a)
{
  const SsDfAst *lhs = ss_df_ast_child (a, 0);
  g_autoptr(SsDfTest) t = test_new (SS_DF_TEST_IN);
  guint n = ss_df_ast_n_children (a) - 1;

  if (!is_field_ref (s, lhs))
    {
      if (lhs->kind == SS_DF_AST_WORD)
        {
          g_autofree char *shown = display_text (s, lhs);

          FAIL (s, SS_DFILTER_ERROR_UNKNOWN_FIELD, lhs, _("%s is neither a field nor a protocol "
                                                          "name."), shown);
        }
      else
        {
          gssize st, en;

          arg_span (lhs, &st, &en);
          sem_fail (s, SS_DFILTER_ERROR_TYPE, st, en,
                    _("Only a field may be tested for membership in a set."));
        }
      return NULL;
    }
  t->negated = a->negated;
  t->lhs = compile_entity (s, lhs, SS_FT_NONE, NULL, NULL);
  if (!t->lhs)
    return NULL;
  if (t->lhs->vkind == SS_DF_VK_NONE)
    {
      g_autofree char *name = lhs_name (s, lhs, t->lhs);

      FAIL (s, SS_DFILTER_ERROR_TYPE, lhs, _("%s (type=%s) cannot participate in == comparison."),
            name, ss_dfilter_type_name (t->lhs->ftype));
      return NULL;
    }
  t->set = g_new0 (SsDfSetItem, n);
  for (guint i = 0; i < n; i++)
    {
      const SsDfAst *item = ss_df_ast_child (a, i + 1);

      t->n_set = i + 1;
      t->set[i].lo = compile_rhs (s, ss_df_ast_child (item, 0), lhs, t->lhs, FALSE);
      if (!t->set[i].lo)
        return NULL;
      if (ss_df_ast_n_children (item) > 1)
        {
          t->set[i].hi = compile_rhs (s, ss_df_ast_child (item, 1), lhs, t->lhs, FALSE);
          if (!t->set[i].hi)
            return NULL;
        }
    }
  return g_steal_pointer (&t);
}

static SsDfTest *
compile_exists (SsDfSem       *s,
                const SsDfAst *a)
{
  const SsDfAst *x = ss_df_ast_child (a, 0);
  g_autoptr(SsDfTest) t = NULL;

  switch (x->kind)
    {
    case SS_DF_AST_FUNCTION:
      {
        gboolean known = FALSE;

        for (guint f = 0; f < G_N_ELEMENTS (functions); f++)
          known = known || strcmp (functions[f].name, x->text) == 0;
        if (!known)
          {
            g_autofree char *m = g_strdup_printf (_("Function '%s' does not exist"), x->text);

            sem_fail (s, SS_DFILTER_ERROR_FUNCTION, x->op_start, x->op_end, m);
            return NULL;
          }
        sem_fail (s, SS_DFILTER_ERROR_FUNCTION, x->op_start, x->op_end,
                  _("You cannot test whether a function is present."));
        return NULL;
      }
    case SS_DF_AST_ARITH:
    case SS_DF_AST_NEGATE:
      t = test_new (SS_DF_TEST_NONZERO);
      break;
    default:
      t = test_new (SS_DF_TEST_EXISTS);
      break;
    }
  t->lhs = compile_entity (s, x, SS_FT_NONE, NULL, NULL);
  if (!t->lhs)
    return NULL;
  return g_steal_pointer (&t);
}

static SsDfTest *
compile_test (SsDfSem       *s,
              const SsDfAst *a)
{
  switch (a->kind)
    {
    case SS_DF_AST_AND:
    case SS_DF_AST_OR:
    case SS_DF_AST_XOR:
    case SS_DF_AST_NOT:
      {
        g_autoptr(SsDfTest) t = test_new (a->kind == SS_DF_AST_AND ? SS_DF_TEST_AND
                                          : a->kind == SS_DF_AST_OR ? SS_DF_TEST_OR
                                          : a->kind == SS_DF_AST_XOR ? SS_DF_TEST_XOR
                                          : SS_DF_TEST_NOT);
        guint n = ss_df_ast_n_children (a);

        t->children = g_new0 (SsDfTest *, n);
        for (guint i = 0; i < n; i++)
          {
            t->children[i] = compile_test (s, ss_df_ast_child (a, i));
            if (!t->children[i])
              return NULL;
            t->n_children = i + 1;
          }
        return g_steal_pointer (&t);
      }
    case SS_DF_AST_CMP:
      return compile_cmp (s, a);
    case SS_DF_AST_IN:
      return compile_in (s, a);
    case SS_DF_AST_EXISTS:
      return compile_exists (s, a);
    default:
      {
        g_autofree char *shown = source_text (s, a);

        FAIL (s, SS_DFILTER_ERROR_SYNTAX, a, _("\"%s\" was unexpected in this context."), shown);
        return NULL;
      }
    }
}

SsDfTest *
ss_df_semantic_compile (const SsRegistry *reg,
                        const char       *text,
                        const SsDfAst    *ast,
                        GArray           *fields,
                        gboolean         *local_time,
                        SsDfilterLoc     *loc,
                        GError          **error)
{
  SsDfSem s = { reg, text, fields, FALSE, loc, error };
  SsDfTest *t;

  if (!ast)
    return test_new (SS_DF_TEST_TRUE);
  t = compile_test (&s, ast);
  if (local_time)
    *local_time = s.local_time;
  return t;
}

/* ---- dump ----------------------------------------------------------------------------- */

static void
dump_value (const SsDfEntity *e,
            GString          *out)
{
  const SsDfValue *v = &e->value;

  switch (e->vkind)
    {
    case SS_DF_VK_UINT:
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, v->u);
      break;
    case SS_DF_VK_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, v->i);
      break;
    case SS_DF_VK_DOUBLE:
      g_string_append_printf (out, "%g", v->d);
      break;
    case SS_DF_VK_TIME:
      g_string_append_printf (out, "%" G_GINT64_FORMAT ".%09d", v->t.secs, ABS (v->t.nsecs));
      break;
    case SS_DF_VK_IPV4:
      g_string_append_printf (out, "%u.%u.%u.%u/%u", v->ip4 >> 24, (v->ip4 >> 16) & 0xff,
                              (v->ip4 >> 8) & 0xff, v->ip4 & 0xff, v->bits);
      break;
    case SS_DF_VK_IPV6:
      for (guint i = 0; i < 16; i += 2)
        g_string_append_printf (out, "%s%02x%02x", i ? ":" : "", v->b.data[i], v->b.data[i + 1]);
      g_string_append_printf (out, "/%u", v->bits);
      break;
    case SS_DF_VK_STRING:
      {
        g_autofree char *z = g_strndup ((const char *) v->b.data, v->b.len);
        g_autofree char *esc = g_strescape (z, NULL);

        g_string_append_printf (out, "\"%s\"", esc);
      }
      break;
    case SS_DF_VK_BYTES:
    default:
      for (gsize i = 0; i < v->b.len; i++)
        g_string_append_printf (out, "%s%02x", i ? ":" : "", v->b.data[i]);
      if (v->b.len == 0)
        g_string_append (out, "<empty>");
      break;
    }
}

static void
dump_entity (const SsDfEntity *e,
             const SsRegistry *reg,
             GString          *out)
{
  static const char *const funcs[] = { "len", "count", "lower", "upper", "string", "max", "min",
                                       "abs" };

  switch (e->kind)
    {
    case SS_DF_ENT_FIELD:
      g_string_append (out, ss_registry_get_field (reg, e->field)->abbrev);
      if (e->layer_proto != SS_FIELD_ID_NONE)
        g_string_append_printf (out, "#%u-%u", e->layer_lo, e->layer_hi);
      break;
    case SS_DF_ENT_CONST:
      dump_value (e, out);
      break;
    case SS_DF_ENT_SLICE:
      dump_entity (e->args[0], reg, out);
      g_string_append_c (out, '[');
      for (guint i = 0; i < e->n_ranges; i++)
        {
          if (i)
            g_string_append_c (out, ',');
          if (e->ranges[i].kind == SS_DF_RANGE_TO_END)
            g_string_append_printf (out, "%" G_GINT64_FORMAT ":", e->ranges[i].start);
          else
            g_string_append_printf (out, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                    e->ranges[i].start, e->ranges[i].length);
        }
      g_string_append_c (out, ']');
      break;
    case SS_DF_ENT_FUNC:
      g_string_append_printf (out, "%s(", funcs[e->func]);
      for (guint i = 0; i < e->n_args; i++)
        {
          if (i)
            g_string_append (out, ", ");
          dump_entity (e->args[i], reg, out);
        }
      g_string_append_c (out, ')');
      break;
    case SS_DF_ENT_ARITH:
      g_string_append_c (out, '{');
      dump_entity (e->args[0], reg, out);
      g_string_append_printf (out, " %s ", ss_df_token_type_name (e->op));
      dump_entity (e->args[1], reg, out);
      g_string_append_c (out, '}');
      break;
    case SS_DF_ENT_NEGATE:
      g_string_append_c (out, '-');
      dump_entity (e->args[0], reg, out);
      break;
    default:
      break;
    }
}

void
ss_df_test_dump (const SsDfTest   *t,
                 const SsRegistry *reg,
                 guint             indent,
                 GString          *out)
{
  static const char *const kinds[] = { "TRUE", "AND", "OR", "XOR", "NOT", "EXISTS", "NONZERO",
                                       "CMP", "IN" };

  g_string_append_printf (out, "%*s%s", indent * 2, "", kinds[t->kind]);
  switch (t->kind)
    {
    case SS_DF_TEST_EXISTS:
    case SS_DF_TEST_NONZERO:
      g_string_append_c (out, ' ');
      dump_entity (t->lhs, reg, out);
      break;
    case SS_DF_TEST_CMP:
      g_string_append_c (out, ' ');
      dump_entity (t->lhs, reg, out);
      g_string_append_printf (out, " %s ", ss_df_token_type_name (t->op));
      if (t->regex)
        g_string_append_printf (out, "/%s/", g_regex_get_pattern (t->regex));
      else
        dump_entity (t->rhs, reg, out);
      break;
    case SS_DF_TEST_IN:
      g_string_append_c (out, ' ');
      dump_entity (t->lhs, reg, out);
      g_string_append (out, t->negated ? " not in {" : " in {");
      for (guint i = 0; i < t->n_set; i++)
        {
          if (i)
            g_string_append (out, ", ");
          dump_entity (t->set[i].lo, reg, out);
          if (t->set[i].hi)
            {
              g_string_append (out, "..");
              dump_entity (t->set[i].hi, reg, out);
            }
        }
      g_string_append_c (out, '}');
      break;
    default:
      break;
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < t->n_children; i++)
    ss_df_test_dump (t->children[i], reg, indent + 1, out);
}
