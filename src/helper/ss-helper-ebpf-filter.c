/* ss-helper-ebpf-filter.c: --ebpf-filter, the display-filter language over the eBPF metadata
 *
 * --ebpf-filter takes display-filter expressions (issues 3 and 7) over the metadata the helper
 * writes with each packet (docs/pcapng-metadata.md), with or without the "ebpf." prefix:
 *   k8s.pod contains nginx-ingress
 *   ebpf.k8s.namespace == "production" && !(process.name in {curl wget})
 *   ebpf.process.pid in {100, 200..210} && ebpf.cgroup.id == 7
 * Operators: == != > >= < <= (and eq ne gt ge lt le), contains (case-sensitive), matches or ~
 * (case-insensitive regular expression, as Wireshark's), in {...} with ranges a..b, a field
 * alone (it is present), && || ! and or not, parentheses. Values are quoted strings or bare
 * words. As in Wireshark, a comparison with an absent field is false, != included.
 *
 * The helper links neither the dissectors nor src/dfilter, so this is a small evaluator of its
 * own over an SsHelperMeta record. The conjuncts that are equalities or sets over
 * ebpf.process.pid or ebpf.cgroup.id alone go into the kernel's id maps; when that is the whole
 * expression the kernel applies it alone, otherwise the whole expression is also evaluated
 * here, once per change of metadata (consecutive packets of one flow share it). When a
 * conjunct that reads only cgroup.id and k8s.* (which follow from the cgroup id) rejects a
 * packet whose labels are final, its cgroup id goes into the kernel's deny map, so that
 * cgroup's later packets are not copied to the helper at all.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-helper.h"

#define MAX_KERNEL_IDS 1024
#define MAX_DEPTH      64

static const char *const meta_keys[SS_HELPER_META_COUNT] = {
  [SS_HELPER_META_PROCESS_PID] = "process.pid",
  [SS_HELPER_META_PROCESS_NAME] = "process.name",
  [SS_HELPER_META_CGROUP_ID] = "cgroup.id",
  [SS_HELPER_META_SOCKET_COOKIE] = "socket.cookie",
  [SS_HELPER_META_DIRECTION] = "direction",
  [SS_HELPER_META_INTERFACE] = "interface",
  [SS_HELPER_META_K8S_POD] = "k8s.pod",
  [SS_HELPER_META_K8S_NAMESPACE] = "k8s.namespace",
  [SS_HELPER_META_K8S_CONTAINER] = "k8s.container",
  [SS_HELPER_META_K8S_NODE] = "k8s.node",
};

const char *
ss_helper_meta_key (SsHelperMetaKey key)
{
  return meta_keys[key];
}

static gboolean
is_numeric (SsHelperMetaKey key)
{
  return key == SS_HELPER_META_PROCESS_PID || key == SS_HELPER_META_CGROUP_ID
         || key == SS_HELPER_META_SOCKET_COOKIE;
}

typedef enum
{
  OP_AND,
  OP_OR,
  OP_NOT,
  OP_EXISTS,
  OP_EQ,
  OP_NE,
  OP_GT,
  OP_GE,
  OP_LT,
  OP_LE,
  OP_CONTAINS,
  OP_MATCHES,
  OP_IN,
} Op;

typedef struct
{
  char    *text;   /* string fields */
  guint64  lo, hi; /* numeric fields: lo..hi (lo == hi for one value) */
} Value;

typedef struct _Node Node;
struct _Node
{
  Op               op;
  Node            *a, *b;     /* AND, OR, NOT */
  SsHelperMetaKey  field;
  GArray          *values;    /* Value: one for comparisons, the set for IN */
  GRegex          *regex;
};

struct _SsHelperFilter
{
  Node      *root;
  GPtrArray *cgroup_parts;  /* top-level conjuncts over cgroup.id and k8s.* only (borrowed) */
};

static void
value_clear (gpointer data)
{
  g_free (((Value *) data)->text);
}

static void
node_free (Node *n)
{
  if (n == NULL)
    return;
  node_free (n->a);
  node_free (n->b);
  g_clear_pointer (&n->values, g_array_unref);
  g_clear_pointer (&n->regex, g_regex_unref);
  g_free (n);
}

void
ss_helper_filter_free (SsHelperFilter *f)
{
  if (f == NULL)
    return;
  node_free (f->root);
  g_clear_pointer (&f->cgroup_parts, g_ptr_array_unref);
  g_free (f);
}

/* Parser -------------------------------------------------------------------------------------- */

typedef struct
{
  const char *text;
  const char *p;
  int         depth;
  GError    **error;
} Parser;

static gboolean
fail_at (Parser     *ps,
         const char *where,
         const char *what)
{
  if (*ps->error == NULL)
    g_set_error (ps->error, SS_HELPER_ERROR, SS_HELPER_ERROR_INVALID_ARGUMENT,
                 _("--ebpf-filter: %s at column %d of “%s”"), what,
                 (int) g_utf8_pointer_to_offset (ps->text, where) + 1, ps->text);
  return FALSE;
}

static void
skip_space (Parser *ps)
{
  while (g_ascii_isspace (*ps->p))
    ps->p++;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '/'
         || (guchar) c >= 0x80;
}

/* Length of the bare word at @p: it stops before "..", so "200..210" is a range. */
static gsize
word_len (const char *p)
{
  gsize n = 0;

  while (is_word_char (p[n]) && !(p[n] == '.' && p[n + 1] == '.'))
    n++;
  return n;
}

static gboolean
eat (Parser     *ps,
     const char *tok)
{
  gsize n = strlen (tok);

  skip_space (ps);
  if (strncmp (ps->p, tok, n) != 0)
    return FALSE;
  /* A word operator ends at a word boundary ("or" is not the start of "order"). */
  if (g_ascii_isalpha (tok[0]) && word_len (ps->p) != n)
    return FALSE;
  ps->p += n;
  return TRUE;
}

/* A quoted string (with \" \\ \n \t escapes) or a bare word, into a new string; *start is where
 * it began. */
static char *
literal (Parser      *ps,
         const char **start)
{
  GString *s;
  gsize n;

  skip_space (ps);
  *start = ps->p;
  if (*ps->p != '"')
    {
      n = word_len (ps->p);
      if (n == 0)
        {
          fail_at (ps, ps->p, _("expected a value"));
          return NULL;
        }
      ps->p += n;
      return g_strndup (*start, n);
    }
  s = g_string_new (NULL);
  for (ps->p++; *ps->p != '"'; ps->p++)
    {
      if (*ps->p == '\0')
        {
          fail_at (ps, *start, _("unterminated string"));
          g_string_free (s, TRUE);
          return NULL;
        }
      if (*ps->p == '\\' && ps->p[1] != '\0')
        {
          ps->p++;
          g_string_append_c (s, *ps->p == 'n' ? '\n' : *ps->p == 't' ? '\t' : *ps->p);
        }
      else
        g_string_append_c (s, *ps->p);
    }
  ps->p++;
  return g_string_free (s, FALSE);
}

static gboolean
number (Parser      *ps,
        const char  *text,
        const char  *where,
        guint64     *out)
{
  gboolean hex = g_ascii_strncasecmp (text, "0x", 2) == 0;

  if (g_ascii_string_to_unsigned (hex ? text + 2 : text, hex ? 16 : 10, 0, G_MAXUINT64, out,
                                  NULL))
    return TRUE;
  return fail_at (ps, where, _("expected a whole number"));
}

/* One value of @field (for IN, a range a..b of a numeric field too) appended to n->values. */
static gboolean
value (Parser  *ps,
       Node    *n,
       gboolean range_ok)
{
  Value v = { NULL, 0, 0 };
  const char *where;

  v.text = literal (ps, &where);
  if (v.text == NULL)
    return FALSE;
  if (is_numeric (n->field))
    {
      gboolean ok = number (ps, v.text, where, &v.lo);

      g_clear_pointer (&v.text, g_free);
      if (!ok)
        return FALSE;
      v.hi = v.lo;
      if (range_ok && eat (ps, ".."))
        {
          g_autofree char *hi = literal (ps, &where);

          if (hi == NULL || !number (ps, hi, where, &v.hi))
            return FALSE;
          if (v.hi < v.lo)
            return fail_at (ps, where, _("a range must go up"));
        }
    }
  else if (range_ok && eat (ps, ".."))
    {
      g_free (v.text);
      return fail_at (ps, ps->p - 2, _("ranges apply to numeric fields only"));
    }
  g_array_append_val (n->values, v);
  return TRUE;
}

static Node *node_new (Op op, Node *a, Node *b);
static gboolean or_expr (Parser *ps, Node **out);

static gboolean
field_test (Parser  *ps,
            Node   **out)
{
  static const struct { const char *tok; Op op; } ops[] = {
    { "==", OP_EQ }, { "!=", OP_NE }, { ">=", OP_GE }, { "<=", OP_LE }, { ">", OP_GT },
    { "<", OP_LT }, { "~", OP_MATCHES }, { "eq", OP_EQ }, { "ne", OP_NE }, { "ge", OP_GE },
    { "le", OP_LE }, { "gt", OP_GT }, { "lt", OP_LT }, { "contains", OP_CONTAINS },
    { "matches", OP_MATCHES }, { "in", OP_IN },
  };
  const char *start;
  const char *name;
  const char *op_at;
  g_autofree char *word = NULL;
  Node *n;
  int field = -1;

  skip_space (ps);
  start = ps->p;
  if (*ps->p == '"' || word_len (ps->p) == 0)
    return fail_at (ps, start, *ps->p ? _("expected a field name") : _("unexpected end"));
  word = g_strndup (start, word_len (start));
  ps->p += strlen (word);
  name = g_str_has_prefix (word, "ebpf.") ? word + strlen ("ebpf.") : word;
  for (guint i = 0; i < SS_HELPER_META_COUNT; i++)
    if (strcmp (name, meta_keys[i]) == 0)
      field = (int) i;
  if (field < 0)
    {
      g_autofree char *msg = g_strdup_printf (
        _("unknown field “%s” (the fields are ebpf.process.pid, process.name, cgroup.id, "
          "socket.cookie, direction, interface, k8s.pod, k8s.namespace, k8s.container and "
          "k8s.node, with or without “ebpf.”)"), word);

      return fail_at (ps, start, msg);
    }

  n = node_new (OP_EXISTS, NULL, NULL);
  n->field = (SsHelperMetaKey) field;
  *out = n;
  skip_space (ps);
  op_at = ps->p;
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (eat (ps, ops[i].tok))
      {
        n->op = ops[i].op;
        break;
      }
  if (n->op == OP_EXISTS)
    return TRUE;
  n->values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_array_set_clear_func (n->values, value_clear);
  if ((n->op == OP_CONTAINS || n->op == OP_MATCHES) && is_numeric (n->field))
    return fail_at (ps, op_at, _("“contains” and “matches” apply to text fields"));
  if ((n->op == OP_GT || n->op == OP_GE || n->op == OP_LT || n->op == OP_LE)
      && !is_numeric (n->field))
    return fail_at (ps, op_at, _("order comparisons apply to numeric fields"));
  if (n->op != OP_IN)
    {
      if (!value (ps, n, FALSE))
        return FALSE;
      if (n->op == OP_MATCHES)
        {
          g_autoptr(GError) rerr = NULL;
          g_autofree char *msg = NULL;

          n->regex = g_regex_new (g_array_index (n->values, Value, 0).text,
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &rerr);
          if (n->regex == NULL)
            {
              msg = g_strdup_printf (_("bad regular expression (%s)"), rerr->message);
              return fail_at (ps, op_at, msg);
            }
        }
      return TRUE;
    }
  if (!eat (ps, "{"))
    return fail_at (ps, ps->p, _("expected “{” after “in”"));
  do
    {
      if (!value (ps, n, TRUE))
        return FALSE;
      (void) eat (ps, ",");
      skip_space (ps);
    }
  while (*ps->p && *ps->p != '}');
  return eat (ps, "}") || fail_at (ps, ps->p, _("expected “}”"));
}

static Node *
node_new (Op    op,
          Node *a,
          Node *b)
{
  Node *n = g_new0 (Node, 1);

  n->op = op;
  n->a = a;
  n->b = b;
  return n;
}

static gboolean
unary (Parser  *ps,
       Node   **out)
{
  const char *open;
  gboolean ok;

  if (++ps->depth > MAX_DEPTH)
    return fail_at (ps, ps->p, _("too deeply nested"));
  skip_space (ps);
  open = ps->p;
  if (eat (ps, "!") || eat (ps, "not"))
    {
      *out = node_new (OP_NOT, NULL, NULL);
      ok = unary (ps, &(*out)->a);
    }
  else if (eat (ps, "("))
    ok = or_expr (ps, out)
         && (eat (ps, ")") || (*ps->p ? fail_at (ps, ps->p, _("expected “)”"))
                                      : fail_at (ps, open, _("unclosed “(”"))));
  else
    ok = field_test (ps, out);
  ps->depth--;
  return ok;
}

static gboolean
and_expr (Parser  *ps,
          Node   **out)
{
  if (!unary (ps, out))
    return FALSE;
  while (eat (ps, "&&") || eat (ps, "and"))
    {
      *out = node_new (OP_AND, *out, NULL);
      if (!unary (ps, &(*out)->b))
        return FALSE;
    }
  return TRUE;
}

static gboolean
or_expr (Parser  *ps,
         Node   **out)
{
  if (!and_expr (ps, out))
    return FALSE;
  while (eat (ps, "||") || eat (ps, "or"))
    {
      *out = node_new (OP_OR, *out, NULL);
      if (!and_expr (ps, &(*out)->b))
        return FALSE;
    }
  return TRUE;
}

/* Push-down to the kernel ------------------------------------------------------------------- */

/* Whether @n is "==" or "in" over one of pid/cgroup id, or an "or" of such over the same
 * field; collects the ids. */
static gboolean
kernel_set (const Node *n,
            int        *field,
            GArray     *ids)
{
  int f;

  if (n->op == OP_OR)
    return kernel_set (n->a, field, ids) && kernel_set (n->b, field, ids);
  if (n->op != OP_EQ && n->op != OP_IN)
    return FALSE;
  if (n->field == SS_HELPER_META_PROCESS_PID)
    f = 0;
  else if (n->field == SS_HELPER_META_CGROUP_ID)
    f = 1;
  else
    return FALSE;
  if (*field >= 0 && *field != f)
    return FALSE;
  *field = f;
  for (guint i = 0; i < n->values->len; i++)
    {
      const Value *v = &g_array_index (n->values, Value, i);

      if (v->hi - v->lo >= MAX_KERNEL_IDS || ids->len + (v->hi - v->lo) >= MAX_KERNEL_IDS
          || (f == 0 && v->hi > G_MAXUINT32))
        return FALSE;
      for (guint64 x = v->lo; ; x++)
        {
          g_array_append_val (ids, x);
          if (x == v->hi)
            break;
        }
    }
  return TRUE;
}

static void
intersect (GArray *into,
           GArray *with)
{
  for (guint i = into->len; i-- > 0;)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < with->len && !found; j++)
        found = g_array_index (into, guint64, i) == g_array_index (with, guint64, j);
      if (!found)
        g_array_remove_index (into, i);
    }
}

/* Whether @n reads only fields that follow from the cgroup id. */
static gboolean
cgroup_only (const Node *n)
{
  if (n->op == OP_AND || n->op == OP_OR)
    return cgroup_only (n->a) && cgroup_only (n->b);
  if (n->op == OP_NOT)
    return cgroup_only (n->a);
  return n->field == SS_HELPER_META_CGROUP_ID || n->field == SS_HELPER_META_K8S_POD
         || n->field == SS_HELPER_META_K8S_NAMESPACE || n->field == SS_HELPER_META_K8S_CONTAINER
         || n->field == SS_HELPER_META_K8S_NODE;
}

static void
collect_cgroup_parts (Node      *n,
                      GPtrArray *parts)
{
  if (n->op == OP_AND)
    {
      collect_cgroup_parts (n->a, parts);
      collect_cgroup_parts (n->b, parts);
    }
  else if (cgroup_only (n))
    g_ptr_array_add (parts, n);
}

/* Walks the top-level "and"s: each conjunct that is a kernel set narrows sets[]; returns
 * whether every conjunct was one. */
static gboolean
push_down (const Node *n,
           GArray    **sets)
{
  g_autoptr(GArray) ids = NULL;
  int field = -1;

  if (n->op == OP_AND)
    {
      gboolean a = push_down (n->a, sets);
      gboolean b = push_down (n->b, sets);

      return a && b;
    }
  ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  if (!kernel_set (n, &field, ids))
    return FALSE;
  if (sets[field])
    intersect (sets[field], ids);
  else
    sets[field] = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
ss_helper_ebpf_filter_parse (const char       *text,
                             GArray          **pids,
                             GArray          **cgroups,
                             SsHelperFilter  **user,
                             GError          **error)
{
  Parser ps = { text, text, 0, error };
  g_autoptr(SsHelperFilter) f = g_new0 (SsHelperFilter, 1);
  GArray *sets[2] = { NULL, NULL };

  *pids = *cgroups = NULL;
  *user = NULL;
  skip_space (&ps);
  if (*ps.p == '\0')
    return fail_at (&ps, ps.p, _("the filter is empty"));
  if (!or_expr (&ps, &f->root))
    return FALSE;
  skip_space (&ps);
  if (*ps.p != '\0')
    return fail_at (&ps, ps.p, _("unexpected text (expected “&&”, “||” or the end)"));
  /* What the kernel cannot apply alone is evaluated here, all of it. */
  if (!push_down (f->root, sets))
    {
      f->cgroup_parts = g_ptr_array_new ();
      collect_cgroup_parts (f->root, f->cgroup_parts);
      *user = g_steal_pointer (&f);
    }
  *pids = sets[0];
  *cgroups = sets[1];
  return TRUE;
}

/* Evaluation ---------------------------------------------------------------------------------- */

static gboolean
test_value (const Node         *n,
            const SsHelperMeta *m,
            const Value        *v)
{
  guint64 x = m->num[n->field];

  if (is_numeric (n->field))
    return x >= v->lo && x <= v->hi;
  return strcmp (m->str[n->field], v->text) == 0;
}

static gboolean
eval (const Node         *n,
      const SsHelperMeta *m)
{
  const Value *v;

  switch (n->op)
    {
    case OP_AND:
      return eval (n->a, m) && eval (n->b, m);
    case OP_OR:
      return eval (n->a, m) || eval (n->b, m);
    case OP_NOT:
      return !eval (n->a, m);
    default:
      break;
    }
  /* A comparison with an absent field is false, whatever the operator (as in Wireshark). */
  if (m->str[n->field] == NULL)
    return FALSE;
  v = n->values ? &g_array_index (n->values, Value, 0) : NULL;
  switch (n->op)
    {
    case OP_EXISTS:
      return TRUE;
    case OP_EQ:
      return test_value (n, m, v);
    case OP_NE:
      return !test_value (n, m, v);
    case OP_GT:
      return m->num[n->field] > v->lo;
    case OP_GE:
      return m->num[n->field] >= v->lo;
    case OP_LT:
      return m->num[n->field] < v->lo;
    case OP_LE:
      return m->num[n->field] <= v->lo;
    case OP_CONTAINS:
      return strstr (m->str[n->field], v->text) != NULL;
    case OP_MATCHES:
      return g_regex_match (n->regex, m->str[n->field], 0, NULL);
    case OP_IN:
      for (guint i = 0; i < n->values->len; i++)
        if (test_value (n, m, &g_array_index (n->values, Value, i)))
          return TRUE;
      return FALSE;
    default:
      return FALSE;
    }
}

gboolean
ss_helper_filter_match (const SsHelperFilter *f,
                        const SsHelperMeta   *meta)
{
  return eval (f->root, meta);
}

gboolean
ss_helper_filter_has_cgroup_part (const SsHelperFilter *f)
{
  return f->cgroup_parts->len > 0;
}

gboolean
ss_helper_filter_rejects_cgroup (const SsHelperFilter *f,
                                 const SsHelperMeta   *meta)
{
  for (guint i = 0; i < f->cgroup_parts->len; i++)
    if (!eval (g_ptr_array_index (f->cgroup_parts, i), meta))
      return TRUE;
  return FALSE;
}
