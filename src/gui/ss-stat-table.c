/* ss-stat-table.c: a sortable GtkColumnView of text rows, optionally a tree */
#include "config.h"

#include <string.h>

#include "ss-stat-table.h"

/* ------------------------------------------------------------------------------------------ */
/* Rows */

#define SS_TYPE_STAT_ROW (ss_stat_row_get_type ())
G_DECLARE_FINAL_TYPE (SsStatRow, ss_stat_row, SS, STAT_ROW, GObject)

struct _SsStatRow
{
  GObject     parent_instance;
  char      **texts;
  double     *values;
  GListStore *children;    /* NULL until a child is appended */
  guint64     tag;
};

G_DEFINE_FINAL_TYPE (SsStatRow, ss_stat_row, G_TYPE_OBJECT)

static void
ss_stat_row_finalize (GObject *object)
{
  SsStatRow *row = SS_STAT_ROW (object);

  g_strfreev (row->texts);
  g_free (row->values);
  g_clear_object (&row->children);
  G_OBJECT_CLASS (ss_stat_row_parent_class)->finalize (object);
}

static void
ss_stat_row_class_init (SsStatRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ss_stat_row_finalize;
}

static void
ss_stat_row_init (SsStatRow *row)
{
}

void
ss_stat_row_set_tag (SsStatRow *row,
                     guint64    tag)
{
  row->tag = tag;
}

/* ------------------------------------------------------------------------------------------ */
/* The table */

struct _SsStatTable
{
  GtkWidget           parent_instance;

  GtkWidget          *scrolled;
  GtkColumnView      *view;
  GListStore         *roots;
  GtkTreeListModel   *tree;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GPtrArray          *columns;    /* GtkColumnViewColumn, borrowed from the view */
  GPtrArray          *pending;    /* top-level rows appended but not yet in the model */
  guint               flush_source;
  guint               n_columns;
  gboolean           *numeric;
};

G_DEFINE_FINAL_TYPE (SsStatTable, ss_stat_table, GTK_TYPE_WIDGET)

enum
{
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  guint    column;
  gboolean numeric;
  gboolean tree;       /* column 0 of a tree: with an expander */
} ColumnInfo;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const SsStatRow *ra = a;
  const SsStatRow *rb = b;
  const ColumnInfo *info = data;

  if (info->numeric)
    {
      double va = ra->values ? ra->values[info->column] : 0;
      double vb = rb->values ? rb->values[info->column] : 0;

      return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  return gtk_ordering_from_cmpfunc (g_utf8_collate (ra->texts[info->column],
                                                    rb->texts[info->column]));
}

static GListModel *
create_children (gpointer item,
                 gpointer data)
{
  SsStatRow *row = item;

  return row->children ? g_object_ref (G_LIST_MODEL (row->children)) : NULL;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  ColumnInfo *info = data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), info->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (info->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (info->tree)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
      gtk_list_item_set_child (item, expander);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  ColumnInfo *info = data;
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  g_autoptr(SsStatRow) row = gtk_tree_list_row_get_item (tree_row);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (GTK_IS_TREE_EXPANDER (label))
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (label), tree_row);
      label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (label));
    }
  gtk_label_set_text (GTK_LABEL (label), row->texts[info->column]);
  gtk_widget_set_tooltip_text (label, row->texts[info->column]);
}

static void
ss_stat_table_dispose (GObject *object)
{
  SsStatTable *self = SS_STAT_TABLE (object);

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->view)
    gtk_column_view_set_model (self->view, NULL);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->numeric, g_free);
  G_OBJECT_CLASS (ss_stat_table_parent_class)->dispose (object);
}

static void
activate_cb (GtkColumnView *view,
             guint          position,
             SsStatTable   *self)
{
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, position);
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  g_autofree char *text = ss_stat_table_dup_text (SS_STAT_TABLE (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
ss_stat_table_class_init (SsStatTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_stat_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A row was activated (double-click, Enter): its position as shown. */
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);
  /* Ctrl+C copies the whole table as tab-separated text, for a ticket or a spreadsheet. */
  gtk_widget_class_install_action (widget_class, "stat-table.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "stat-table.copy", NULL);
}

static void
ss_stat_table_init (SsStatTable *self)
{
}

static GtkWidget *
table_new (const SsStatColumn *columns,
           guint               n_columns,
           gboolean            tree)
{
  SsStatTable *self = g_object_new (SS_TYPE_STAT_TABLE, NULL);
  GtkTreeListRowSorter *row_sorter;

  g_return_val_if_fail (n_columns > 0, NULL);

  self->n_columns = n_columns;
  self->numeric = g_new0 (gboolean, n_columns);
  self->columns = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "ss-stat-table");
  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnInfo *info = g_new0 (ColumnInfo, 1);
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      info->column = i;
      info->numeric = columns[i].numeric;
      info->tree = tree && i == 0;
      self->numeric[i] = columns[i].numeric;
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), info, NULL, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), info);
      column = gtk_column_view_column_new (columns[i].title, factory);
      /* The factory keeps the column's info for as long as it lives. */
      g_object_set_data_full (G_OBJECT (factory), "ss-column-info", info, g_free);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, info, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->view, column);
      g_ptr_array_add (self->columns, column);
      g_object_unref (column);
    }

  self->roots = g_list_store_new (SS_TYPE_STAT_ROW);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)), FALSE, TRUE,
                                        create_children, NULL, NULL);
  /* Sorting keeps children under their parent, sorted among their siblings. */
  row_sorter = gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->tree)),
                                          GTK_SORTER (row_sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  return GTK_WIDGET (self);
}

GtkWidget *
ss_stat_table_new (const SsStatColumn *columns,
                   guint               n_columns)
{
  return table_new (columns, n_columns, FALSE);
}

GtkWidget *
ss_stat_table_new_tree (const SsStatColumn *columns,
                        guint               n_columns)
{
  return table_new (columns, n_columns, TRUE);
}

/* Top-level rows join the model in one splice, once their children are there: the tree model
 * asks a row for its children when the row arrives, and one splice sorts once. */
static void
flush (SsStatTable *self)
{
  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->pending->len == 0)
    return;
  g_list_store_splice (self->roots, g_list_model_get_n_items (G_LIST_MODEL (self->roots)), 0,
                       self->pending->pdata, self->pending->len);
  g_ptr_array_set_size (self->pending, 0);
}

static gboolean
flush_idle (gpointer data)
{
  SsStatTable *self = data;

  self->flush_source = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

void
ss_stat_table_clear (SsStatTable *self)
{
  g_ptr_array_set_size (self->pending, 0);
  g_list_store_remove_all (self->roots);
}

SsStatRow *
ss_stat_table_append (SsStatTable       *self,
                      SsStatRow         *parent,
                      const char *const *texts,
                      const double      *values)
{
  SsStatRow *row = g_object_new (SS_TYPE_STAT_ROW, NULL);

  row->texts = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    row->texts[i] = g_strdup (texts[i] ? texts[i] : "");
  row->values = g_new0 (double, self->n_columns);
  if (values)
    memcpy (row->values, values, self->n_columns * sizeof (double));
  if (!parent)
    {
      g_ptr_array_add (self->pending, row);   /* keeps it */
      if (!self->flush_source)
        self->flush_source = g_idle_add (flush_idle, self);
      return row;
    }
  if (!parent->children)
    parent->children = g_list_store_new (SS_TYPE_STAT_ROW);
  g_list_store_append (parent->children, row);
  g_object_unref (row);   /* the store keeps it */
  return row;
}

static SsStatRow *
row_at (SsStatTable *self,
        guint        position)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  SsStatRow *row;

  flush (self);
  tree_row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (!tree_row)
    return NULL;
  row = gtk_tree_list_row_get_item (tree_row);
  /* The store keeps the row alive: hand out a borrowed pointer. */
  g_object_unref (row);
  return row;
}

guint
ss_stat_table_get_n_rows (SsStatTable *self)
{
  flush (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

const char *
ss_stat_table_get_text (SsStatTable *self,
                        guint        position,
                        guint        column)
{
  SsStatRow *row = row_at (self, position);

  g_return_val_if_fail (column < self->n_columns, NULL);
  return row ? row->texts[column] : NULL;
}

void
ss_stat_table_set_column_visible (SsStatTable *self,
                                  guint        column,
                                  gboolean     visible)
{
  g_return_if_fail (column < self->n_columns);
  gtk_column_view_column_set_visible (self->columns->pdata[column], visible);
}

double
ss_stat_table_get_value (SsStatTable *self,
                         guint        position,
                         guint        column)
{
  SsStatRow *row = row_at (self, position);

  g_return_val_if_fail (column < self->n_columns, 0);
  return row ? row->values[column] : 0;
}

guint
ss_stat_table_get_depth (SsStatTable *self,
                         guint        position)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;

  flush (self);
  tree_row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return tree_row ? gtk_tree_list_row_get_depth (tree_row) : 0;
}

guint64
ss_stat_table_get_tag (SsStatTable *self,
                       guint        position)
{
  SsStatRow *row = row_at (self, position);

  return row ? row->tag : 0;
}

void
ss_stat_table_sort_by (SsStatTable *self,
                       guint        column,
                       gboolean     descending)
{
  g_return_if_fail (column < self->n_columns);
  gtk_column_view_sort_by_column (self->view, self->columns->pdata[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

guint
ss_stat_table_get_selected (SsStatTable *self)
{
  return gtk_single_selection_get_selected (self->selection);
}

char *
ss_stat_table_dup_text (SsStatTable *self)
{
  GString *out = g_string_new (NULL);
  guint n = ss_stat_table_get_n_rows (self);

  for (guint c = 0; c < self->n_columns; c++)
    g_string_append_printf (out, "%s%s", c ? "\t" : "",
                            gtk_column_view_column_get_title (self->columns->pdata[c]));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      SsStatRow *row = row_at (self, i);
      guint depth = ss_stat_table_get_depth (self, i);

      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      for (guint c = 0; c < self->n_columns; c++)
        g_string_append_printf (out, "%s%s", c ? "\t" : "", row->texts[c]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
