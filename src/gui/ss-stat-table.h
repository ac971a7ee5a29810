/* ss-stat-table.h: the table (or tree) of a statistics window
 *
 * A GtkColumnView over rows of text, each column sortable by clicking its header: numeric
 * columns by the value the row gives for them, text columns by the text. Rows may have children
 * (Protocol Hierarchy, HTTP Requests); they are shown expanded and sorted among their siblings.
 * The table only shows what src/stats computed: the caller gives every cell's text and value.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *title;     /* translated */
  gboolean    numeric;   /* sorted by value, right-aligned */
  int         width;     /* fixed width in pixels, 0 to take the room left */
} SsStatColumn;

typedef struct _SsStatRow SsStatRow;

#define SS_TYPE_STAT_TABLE (ss_stat_table_get_type ())
G_DECLARE_FINAL_TYPE (SsStatTable, ss_stat_table, SS, STAT_TABLE, GtkWidget)

GtkWidget  *ss_stat_table_new           (const SsStatColumn *columns,
                                         guint               n_columns);
/* A tree: the first column has the rows' expanders. */
GtkWidget  *ss_stat_table_new_tree      (const SsStatColumn *columns,
                                         guint               n_columns);
void        ss_stat_table_clear         (SsStatTable        *self);
/* Appends a row under @parent (NULL for the top level). @texts has one string per column;
 * @values one number per column (used by numeric columns; may be NULL when there are none).
 * Returns the row, borrowed, to append children to. */
SsStatRow  *ss_stat_table_append        (SsStatTable        *self,
                                         SsStatRow          *parent,
                                         const char *const  *texts,
                                         const double       *values);
/* Rows as shown (sorted, children after their parent). */
guint       ss_stat_table_get_n_rows    (SsStatTable        *self);
const char *ss_stat_table_get_text      (SsStatTable        *self,
                                         guint               position,
                                         guint               column);
void        ss_stat_table_set_column_visible (SsStatTable   *self,
                                         guint               column,
                                         gboolean            visible);
/* The number behind a numeric cell. */
double      ss_stat_table_get_value     (SsStatTable        *self,
                                         guint               position,
                                         guint               column);
/* Depth of the row shown at @position (0 for the top level). */
guint       ss_stat_table_get_depth     (SsStatTable        *self,
                                         guint               position);
/* As a click on the column's header does. */
void        ss_stat_table_sort_by       (SsStatTable        *self,
                                         guint               column,
                                         gboolean            descending);
/* The row shown at @position, and the number the caller attached to it (see below). */
void        ss_stat_row_set_tag         (SsStatRow          *row,
                                         guint64             tag);
guint64     ss_stat_table_get_tag       (SsStatTable        *self,
                                         guint               position);
/* The selected position, GTK_INVALID_LIST_POSITION for none. */
guint       ss_stat_table_get_selected  (SsStatTable        *self);
/* Signal "row-activated" (guint position): a row was double-clicked or Enter pressed on it. */
/* The whole table as tab-separated text (Ctrl+C copies it). */
char       *ss_stat_table_dup_text      (SsStatTable        *self);

G_END_DECLS
