/* ss-dfilter.c: compiling and applying display filters, completion */
#include "config.h"

#include <string.h>

#include "ss-dfilter-private.h"

G_DEFINE_QUARK (ss-dfilter-error-quark, ss_dfilter_error)

struct _SsDfilter
{
  char       *text;
  SsDfTest   *test;
  SsFieldId  *fields;
  guint       n_fields;
  gboolean    local_time;
  const SsRegistry *reg;
};

void
ss_df_set_error (GError             **error,
                 SsDfilterLoc        *loc,
                 SsDfilterErrorCode   code,
                 gssize               start,
                 gssize               end,
                 const char          *format,
                 ...)
{
  va_list args;

  if (loc)
    {
      loc->start = start;
      loc->end = start < 0 ? -1 : MAX (end, start);
    }
  if (!error)
    return;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SS_DFILTER_ERROR, code, format, args));
  va_end (args);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  SsFieldId x = *(const SsFieldId *) a, y = *(const SsFieldId *) b;

  return x < y ? -1 : x > y;
}

SsDfilter *
ss_dfilter_compile (const SsRegistry  *reg,
                    const char        *text,
                    SsDfilterLoc      *loc,
                    GError           **error)
{
  g_autoptr(SsDfAst) ast = NULL;
  g_autoptr(GArray) fields = NULL;
  SsDfTest *test;
  SsDfilter *df;
  gboolean local_time = FALSE;
  guint n = 0;

  g_return_val_if_fail (reg != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (loc)
    loc->start = loc->end = -1;
  if (!ss_df_parse (reg, text, strlen (text), &ast, loc, error))
    return NULL;
  fields = g_array_new (FALSE, FALSE, sizeof (SsFieldId));
  test = ss_df_semantic_compile (reg, text, ast, fields, &local_time, loc, error);
  if (!test)
    return NULL;

  g_array_sort (fields, compare_ids);
  for (guint i = 0; i < fields->len; i++)
    if (n == 0 || g_array_index (fields, SsFieldId, n - 1) != g_array_index (fields, SsFieldId, i))
      g_array_index (fields, SsFieldId, n++) = g_array_index (fields, SsFieldId, i);
  g_array_set_size (fields, n);

  df = g_new0 (SsDfilter, 1);
  df->text = g_strdup (text);
  df->test = test;
  df->reg = reg;
  df->local_time = local_time;
  df->n_fields = fields->len;
  df->fields = (SsFieldId *) g_array_free (g_steal_pointer (&fields), FALSE);
  return df;
}

void
ss_dfilter_free (SsDfilter *df)
{
  if (!df)
    return;
  ss_df_test_free (df->test);
  g_free (df->fields);
  g_free (df->text);
  g_free (df);
}

gboolean
ss_dfilter_apply (const SsDfilter *df,
                  const SsPacket  *pkt)
{
  g_return_val_if_fail (df != NULL, FALSE);
  g_return_val_if_fail (pkt != NULL, FALSE);

  return ss_df_eval (df->test, pkt);
}

const SsFieldId *
ss_dfilter_get_fields (const SsDfilter *df,
                       guint           *n_fields)
{
  g_return_val_if_fail (df != NULL, NULL);

  if (n_fields)
    *n_fields = df->n_fields;
  return df->fields;
}

gboolean
ss_dfilter_is_empty (const SsDfilter *df)
{
  g_return_val_if_fail (df != NULL, FALSE);

  return df->test->kind == SS_DF_TEST_TRUE;
}

gboolean
ss_dfilter_uses_local_time (const SsDfilter *df)
{
  g_return_val_if_fail (df != NULL, FALSE);

  return df->local_time;
}

const char *
ss_dfilter_get_text (const SsDfilter *df)
{
  g_return_val_if_fail (df != NULL, NULL);

  return df->text;
}

char *
ss_dfilter_dup_dump (const SsDfilter *df)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (df != NULL, NULL);

  ss_df_test_dump (df->test, df->reg, 0, out);
  return g_string_free (out, FALSE);
}

static int
compare_completions (gconstpointer a,
                     gconstpointer b)
{
  const SsDfilterCompletion *x = *(const SsDfilterCompletion **) a;
  const SsDfilterCompletion *y = *(const SsDfilterCompletion **) b;

  return strcmp (x->abbrev, y->abbrev);
}

GPtrArray *
ss_dfilter_complete (const SsRegistry *reg,
                     const char       *prefix)
{
  static const struct
  {
    const char *name;
    const char *blurb;
  } functions[] = {
    { "abs", N_("Absolute value") },
    { "count", N_("Number of occurrences of a field") },
    { "len", N_("Length in bytes of each occurrence of a field") },
    { "lower", N_("A string field in lower case") },
    { "max", N_("Largest value of the arguments") },
    { "min", N_("Smallest value of the arguments") },
    { "string", N_("A field as a string") },
    { "upper", N_("A string field in upper case") },
  };
  g_autoptr(GPtrArray) defs = NULL;
  GPtrArray *out;

  g_return_val_if_fail (reg != NULL, NULL);

  if (!prefix)
    prefix = "";
  defs = ss_registry_list_fields (reg, prefix);
  out = g_ptr_array_new_full (defs->len, g_free);
  for (guint i = 0; i < defs->len; i++)
    {
      const SsFieldDef *def = g_ptr_array_index (defs, i);
      SsDfilterCompletion *c = g_new0 (SsDfilterCompletion, 1);

      c->abbrev = def->abbrev;
      c->name = def->name ? _(def->name) : "";
      c->type_name = ss_dfilter_type_name (def->type);
      g_ptr_array_add (out, c);
    }
  if (!strchr (prefix, '.'))
    for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
      if (g_str_has_prefix (functions[i].name, prefix))
        {
          SsDfilterCompletion *c = g_new0 (SsDfilterCompletion, 1);

          c->abbrev = functions[i].name;
          c->name = _(functions[i].blurb);
          c->type_name = _("Function");
          g_ptr_array_add (out, c);
        }
  g_ptr_array_sort (out, compare_completions);
  return out;
}
