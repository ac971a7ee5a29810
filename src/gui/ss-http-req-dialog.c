/* ss-http-req-dialog.c: HTTP requests per host and URI, per URI and User-Agent */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-http-req-dialog.h"
#include "ss-stats-tree.h"

#define N_VIEWS 2

struct _SsHttpReqDialog
{
  SsStatDialog  parent_instance;

  GtkNotebook  *notebook;
  SsStatTable  *tables[N_VIEWS];
  SsStatsTree  *trees[N_VIEWS];    /* the worker's while it runs */
};

G_DEFINE_FINAL_TYPE (SsHttpReqDialog, ss_http_req_dialog, SS_TYPE_STAT_DIALOG)

static const SsStatsTreeKind kinds[N_VIEWS] = {
  [SS_HTTP_REQ_BY_HOST] = SS_STATS_TREE_HTTP_REQ,
  [SS_HTTP_REQ_BY_USER_AGENT] = SS_STATS_TREE_HTTP_UA,
};

static void
clear_trees (SsHttpReqDialog *self)
{
  for (guint v = 0; v < N_VIEWS; v++)
    g_clear_pointer (&self->trees[v], ss_stats_tree_free);
}

static gboolean
req_prepare (SsStatDialog *dialog,
             const char   *filter,
             GError      **error)
{
  SsHttpReqDialog *self = SS_HTTP_REQ_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));

  clear_trees (self);
  for (guint v = 0; v < N_VIEWS; v++)
    {
      self->trees[v] = ss_stats_tree_new (reg, kinds[v], *filter ? filter : NULL, error);
      if (!self->trees[v])
        {
          clear_trees (self);
          return FALSE;
        }
    }
  return TRUE;
}

static void
req_want (SsStatDialog *dialog,
          SsEngine     *engine)
{
  SsHttpReqDialog *self = SS_HTTP_REQ_DIALOG (dialog);

  for (guint v = 0; v < N_VIEWS; v++)
    ss_stats_tree_want (self->trees[v], engine);
}

static void
req_packet (SsStatDialog   *dialog,
            const SsPacket *pkt)
{
  SsHttpReqDialog *self = SS_HTTP_REQ_DIALOG (dialog);

  for (guint v = 0; v < N_VIEWS; v++)
    ss_stats_tree_packet (self->trees[v], pkt);
}

static void
add_nodes (SsStatTable           *table,
           SsStatRow             *parent,
           const SsStatsTreeNode *node)
{
  for (; node; node = ss_stats_tree_node_get_next (node))
    {
      g_autofree char *count = g_strdup_printf ("%d", ss_stats_tree_node_get_count (node));
      const char *texts[SS_HTTP_REQ_N_COLUMNS] = { ss_stats_tree_node_get_name (node), count };
      const double values[SS_HTTP_REQ_N_COLUMNS] = { 0, ss_stats_tree_node_get_count (node) };
      SsStatRow *row = ss_stat_table_append (table, parent, texts, values);

      add_nodes (table, row, ss_stats_tree_node_get_child (node));
    }
}

static void
req_finish (SsStatDialog *dialog)
{
  SsHttpReqDialog *self = SS_HTTP_REQ_DIALOG (dialog);

  for (guint v = 0; v < N_VIEWS; v++)
    {
      ss_stat_table_clear (self->tables[v]);
      add_nodes (self->tables[v], NULL, ss_stats_tree_get_first_child (self->trees[v]));
    }
  ss_stat_dialog_set_summary (dialog, *ss_stat_dialog_get_filter (dialog)
                                      ? _("Limited to the display filter.")
                                      : _("All packets of the file."));
}

SsStatTable *
ss_http_req_dialog_get_table (SsHttpReqDialog *self,
                              SsHttpReqView    view)
{
  g_return_val_if_fail (view < N_VIEWS, NULL);
  return self->tables[view];
}

static void
ss_http_req_dialog_finalize (GObject *object)
{
  clear_trees (SS_HTTP_REQ_DIALOG (object));
  G_OBJECT_CLASS (ss_http_req_dialog_parent_class)->finalize (object);
}

static void
ss_http_req_dialog_class_init (SsHttpReqDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_http_req_dialog_finalize;
  stat_class->prepare = req_prepare;
  stat_class->want = req_want;
  stat_class->packet = req_packet;
  stat_class->finish = req_finish;
}

static void
ss_http_req_dialog_init (SsHttpReqDialog *self)
{
  const SsStatColumn columns[SS_HTTP_REQ_N_COLUMNS] = {
    [SS_HTTP_REQ_COLUMN_TOPIC] = { _("Topic / Item"), FALSE, 0 },
    [SS_HTTP_REQ_COLUMN_COUNT] = { _("Count"), TRUE, 100 },
  };
  const char *titles[N_VIEWS] = {
    [SS_HTTP_REQ_BY_HOST] = _("By HTTP Host"),
    [SS_HTTP_REQ_BY_USER_AGENT] = _("By URI Path and User-Agent"),
  };

  gtk_window_set_title (GTK_WINDOW (self), _("HTTP Requests"));
  self->notebook = GTK_NOTEBOOK (gtk_notebook_new ());
  for (guint v = 0; v < N_VIEWS; v++)
    {
      self->tables[v] = SS_STAT_TABLE (ss_stat_table_new_tree (columns, SS_HTTP_REQ_N_COLUMNS));
      /* The most requested first, as tshark prints the tree. */
      ss_stat_table_sort_by (self->tables[v], SS_HTTP_REQ_COLUMN_COUNT, TRUE);
      gtk_notebook_append_page (self->notebook, GTK_WIDGET (self->tables[v]),
                                gtk_label_new (titles[v]));
    }
  ss_stat_dialog_set_content (SS_STAT_DIALOG (self), GTK_WIDGET (self->notebook));
}

GtkWidget *
ss_http_req_dialog_new (GtkWindow  *parent,
                        SsDocument *doc,
                        const char *filter)
{
  SsHttpReqDialog *self = g_object_new (SS_TYPE_HTTP_REQ_DIALOG, "transient-for", parent,
                                        "destroy-with-parent", TRUE, NULL);

  /* Which paths, by which clients: the question an attack or a misbehaving client asks. */
  gtk_notebook_set_current_page (self->notebook, SS_HTTP_REQ_BY_USER_AGENT);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  return GTK_WIDGET (self);
}
