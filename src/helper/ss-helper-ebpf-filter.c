/* ss-helper-ebpf-filter.c: the part of --ebpf-filter the kernel can apply
 *
 * --ebpf-filter takes the display-filter language (issue 3) over ebpf.* fields. The helper does
 * not link the dissectors or the filter compiler, so it accepts the subset that becomes id sets
 * in the kernel's maps: equalities and sets over ebpf.process.pid and ebpf.cgroup.id, joined by
 * "or" over one field and "and" between fields, as in
 *   ebpf.cgroup.id == 4242
 *   ebpf.process.pid in {100, 200..210} && ebpf.cgroup.id == 7
 *   (ebpf.process.pid == 1 || ebpf.process.pid == 2)
 * Anything else is refused with a reason; such filters are applied after the capture with
 * `stratoshark -r FILE -Y EXPR`.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-helper.h"

#define MAX_IDS 1024

typedef struct
{
  const char *text;
  const char *p;
  GError    **error;
} Parser;

static void
skip_space (Parser *ps)
{
  while (g_ascii_isspace (*ps->p))
    ps->p++;
}

static gboolean
eat (Parser     *ps,
     const char *tok)
{
  gsize n = strlen (tok);

  skip_space (ps);
  if (strncmp (ps->p, tok, n) != 0)
    return FALSE;
  /* A word operator must end at a word boundary ("or" is not the start of "order"). */
  if (g_ascii_isalpha (tok[0]) && (g_ascii_isalnum (ps->p[n]) || ps->p[n] == '_'))
    return FALSE;
  ps->p += n;
  return TRUE;
}

static gboolean
fail (Parser     *ps,
      const char *what)
{
  if (*ps->error == NULL)
    g_set_error (ps->error, SS_HELPER_ERROR, SS_HELPER_ERROR_INVALID_ARGUMENT,
                 _("--ebpf-filter: %s at offset %d of “%s”. The helper applies equalities and "
                   "sets over ebpf.process.pid and ebpf.cgroup.id (joined by or within a field, "
                   "and between fields); filter on other fields afterwards with "
                   "stratoshark -r FILE -Y"), what, (int) (ps->p - ps->text), ps->text);
  return FALSE;
}

static gboolean
number (Parser  *ps,
        guint64  max,
        guint64 *out)
{
  const char *start;
  g_autofree char *digits = NULL;

  skip_space (ps);
  start = ps->p;
  while (g_ascii_isdigit (*ps->p))
    ps->p++;
  digits = g_strndup (start, (gsize) (ps->p - start));
  if (!g_ascii_string_to_unsigned (digits, 10, 0, max, out, NULL))
    {
      ps->p = start;
      return fail (ps, _("expected a number"));
    }
  return TRUE;
}

static gboolean
add_id (Parser  *ps,
        GArray  *ids,
        guint64  v)
{
  if (ids->len >= MAX_IDS)
    return fail (ps, _("more than 1024 ids"));
  g_array_append_val (ids, v);
  return TRUE;
}

/* FIELD == N | FIELD in {N, N..M ...} | ( term ); every atom of one term on one field. */
static gboolean
atom (Parser  *ps,
      int     *field,
      GArray  *ids)
{
  static const char *const names[] = { "ebpf.process.pid", "ebpf.cgroup.id" };
  guint64 max;
  guint64 v, w;
  int f = -1;

  if (eat (ps, "("))
    {
      do
        if (!atom (ps, field, ids))
          return FALSE;
      while (eat (ps, "||") || eat (ps, "or"));
      return eat (ps, ")") || fail (ps, _("expected “)”"));
    }
  skip_space (ps);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strncmp (ps->p, names[i], strlen (names[i])) == 0
        && !g_ascii_isalnum (ps->p[strlen (names[i])]) && ps->p[strlen (names[i])] != '.')
      {
        f = (int) i;
        ps->p += strlen (names[i]);
      }
  if (f < 0)
    return fail (ps, _("expected ebpf.process.pid or ebpf.cgroup.id"));
  if (*field >= 0 && *field != f)
    return fail (ps, _("“or” between different fields cannot be applied in the kernel"));
  *field = f;
  max = f == 0 ? G_MAXUINT32 : G_MAXUINT64;

  if (eat (ps, "=="))
    return number (ps, max, &v) && add_id (ps, ids, v);
  if (!eat (ps, "in") || !eat (ps, "{"))
    return fail (ps, _("expected “==” or “in {...}”"));
  do
    {
      if (!number (ps, max, &v))
        return FALSE;
      if (eat (ps, ".."))
        {
          if (!number (ps, max, &w))
            return FALSE;
          if (w < v || w - v >= MAX_IDS)
            return fail (ps, _("a range must go up and hold at most 1024 ids"));
          for (guint64 x = v; x <= w; x++)
            if (!add_id (ps, ids, x))
              return FALSE;
        }
      else if (!add_id (ps, ids, v))
        return FALSE;
      (void) eat (ps, ",");
      skip_space (ps);
    }
  while (*ps->p && *ps->p != '}');
  return eat (ps, "}") || fail (ps, _("expected “}”"));
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

gboolean
ss_helper_ebpf_filter_parse (const char  *text,
                             GArray     **pids,
                             GArray     **cgroups,
                             GError     **error)
{
  Parser ps = { text, text, error };
  GArray *sets[2] = { NULL, NULL };

  do
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint64));
      int field = -1;

      if (!atom (&ps, &field, ids))
        goto fail;
      while (eat (&ps, "||") || eat (&ps, "or"))
        if (!atom (&ps, &field, ids))
          goto fail;
      /* "and" of two sets over one field keeps what both hold. */
      if (sets[field])
        intersect (sets[field], ids);
      else
        sets[field] = g_steal_pointer (&ids);
    }
  while (eat (&ps, "&&") || eat (&ps, "and"));
  skip_space (&ps);
  if (*ps.p != '\0')
    {
      fail (&ps, _("unexpected text"));
      goto fail;
    }
  *pids = sets[0];
  *cgroups = sets[1];
  return TRUE;

fail:
  g_clear_pointer (&sets[0], g_array_unref);
  g_clear_pointer (&sets[1], g_array_unref);
  return FALSE;
}
