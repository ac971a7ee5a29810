/* ss-recent.c: the recent files and filters key file */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ss-recent.h"

#define MAX_FILES   10
#define MAX_FILTERS 30

struct _SsRecent
{
  char      *path;
  GPtrArray *files;     /* NULL-terminated */
  GPtrArray *filters;   /* NULL-terminated */
  GPtrArray *columns;   /* NULL-terminated */
};

static GPtrArray *
load_list (GKeyFile   *kf,
           const char *group,
           guint       max)
{
  g_auto(GStrv) values = g_key_file_get_string_list (kf, group, "list", NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values && values[i] && out->len < max; i++)
    if (*values[i])
      g_ptr_array_add (out, g_strdup (values[i]));
  g_ptr_array_add (out, NULL);
  return out;
}

SsRecent *
ss_recent_new (const char *path)
{
  SsRecent *recent = g_new0 (SsRecent, 1);
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  recent->path = g_strdup (path);
  if (path)
    g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL);
  recent->files = load_list (kf, "Files", MAX_FILES);
  recent->filters = load_list (kf, "Filters", MAX_FILTERS);
  recent->columns = load_list (kf, "Columns", MAX_FILTERS);
  return recent;
}

void
ss_recent_free (SsRecent *recent)
{
  if (!recent)
    return;
  g_ptr_array_unref (recent->files);
  g_ptr_array_unref (recent->filters);
  g_ptr_array_unref (recent->columns);
  g_free (recent->path);
  g_free (recent);
}

const char * const *
ss_recent_get_files (SsRecent *recent)
{
  return (const char * const *) recent->files->pdata;
}

const char * const *
ss_recent_get_filters (SsRecent *recent)
{
  return (const char * const *) recent->filters->pdata;
}

static void
push_front (GPtrArray  *list,
            const char *item,
            guint       max)
{
  /* The array ends with NULL: len - 1 real entries. */
  for (guint i = 0; i + 1 < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), item) == 0)
      {
        g_ptr_array_remove_index (list, i);
        break;
      }
  g_ptr_array_insert (list, 0, g_strdup (item));
  while (list->len > max + 1)
    g_ptr_array_remove_index (list, list->len - 2);
}

void
ss_recent_add_file (SsRecent   *recent,
                    const char *path)
{
  g_return_if_fail (path != NULL);
  push_front (recent->files, path, MAX_FILES);
  ss_recent_save (recent, NULL);
}

void
ss_recent_add_filter (SsRecent   *recent,
                      const char *filter)
{
  g_return_if_fail (filter != NULL);
  if (!*filter)
    return;
  push_front (recent->filters, filter, MAX_FILTERS);
  ss_recent_save (recent, NULL);
}

const char * const *
ss_recent_get_columns (SsRecent *recent)
{
  return (const char * const *) recent->columns->pdata;
}

void
ss_recent_set_columns (SsRecent           *recent,
                       const char * const *columns)
{
  g_ptr_array_set_size (recent->columns, 0);
  for (guint i = 0; columns && columns[i]; i++)
    g_ptr_array_add (recent->columns, g_strdup (columns[i]));
  g_ptr_array_add (recent->columns, NULL);
  ss_recent_save (recent, NULL);
}

void
ss_recent_clear_files (SsRecent *recent)
{
  g_ptr_array_set_size (recent->files, 0);
  g_ptr_array_add (recent->files, NULL);
  ss_recent_save (recent, NULL);
}

gboolean
ss_recent_save (SsRecent  *recent,
                GError   **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *dir = NULL;

  if (!recent->path)
    return TRUE;
  g_key_file_set_string_list (kf, "Files", "list", ss_recent_get_files (recent),
                              recent->files->len - 1);
  g_key_file_set_string_list (kf, "Filters", "list", ss_recent_get_filters (recent),
                              recent->filters->len - 1);
  g_key_file_set_string_list (kf, "Columns", "list", ss_recent_get_columns (recent),
                              recent->columns->len - 1);
  dir = g_path_get_dirname (recent->path);
  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir,
                   g_strerror (errno));
      return FALSE;
    }
  /* File names say what a user looked at: keep them private like the captures. */
  return g_key_file_save_to_file (kf, recent->path, error) && g_chmod (recent->path, 0600) == 0;
}
