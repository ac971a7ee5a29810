/* ss-srt-dialog.c: HTTP service response times per URI path */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-srt-dialog.h"
#include "ss-srt.h"

/* Windows to compare before, during and after an incident (the CLI's window=). */
static const gint64 windows_ns[] = {
  0, G_GINT64_CONSTANT (1000000000), G_GINT64_CONSTANT (10000000000),
  G_GINT64_CONSTANT (60000000000), G_GINT64_CONSTANT (300000000000),
  G_GINT64_CONSTANT (900000000000), G_GINT64_CONSTANT (3600000000000),
};
static const char *const window_names[] = {
  N_("Whole capture"), N_("Per second"), N_("Per 10 seconds"), N_("Per minute"),
  N_("Per 5 minutes"), N_("Per 15 minutes"), N_("Per hour"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (windows_ns) == G_N_ELEMENTS (window_names));

struct _SsSrtDialog
{
  SsStatDialog    parent_instance;

  GtkStack       *tables;
  SsStatTable    *table;
  SsStatTable    *window_table;
  GtkCheckButton *query_check;
  GtkDropDown    *window_drop;
  SsSrt          *srt;        /* the worker's while it runs */
};

G_DEFINE_FINAL_TYPE (SsSrtDialog, ss_srt_dialog, SS_TYPE_STAT_DIALOG)

static gboolean
srt_prepare (SsStatDialog *dialog,
             const char   *filter,
             GError      **error)
{
  SsSrtDialog *self = SS_SRT_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  guint window = MIN (gtk_drop_down_get_selected (self->window_drop),
                      (guint) G_N_ELEMENTS (windows_ns) - 1);
  SsSrt *srt = ss_srt_new (reg, SS_SRT_HTTP, gtk_check_button_get_active (self->query_check),
                           windows_ns[window], *filter ? filter : NULL, error);

  if (!srt)
    return FALSE;
  g_clear_pointer (&self->srt, ss_srt_free);
  self->srt = srt;
  return TRUE;
}

static void
srt_want (SsStatDialog *dialog,
          SsEngine     *engine)
{
  ss_srt_want (SS_SRT_DIALOG (dialog)->srt, engine);
}

static void
srt_packet (SsStatDialog   *dialog,
            const SsPacket *pkt)
{
  ss_srt_packet (SS_SRT_DIALOG (dialog)->srt, pkt);
}

/* Appends @rows under @parent; returns the responses counted. */
static guint
append_rows (SsStatTable    *table,
             SsStatRow      *parent,
             const SsSrtRow *rows,
             guint           n_rows)
{
  guint total = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      const SsSrtRow *r = &rows[i];
      const double ms[] = { r->avg * 1e3, r->min * 1e3, r->max * 1e3,
                            r->p50 * 1e3, r->p95 * 1e3, r->p99 * 1e3 };
      char *texts[SS_SRT_N_COLUMNS];
      double values[SS_SRT_N_COLUMNS] = { 0 };

      texts[SS_SRT_COLUMN_KEY] = (char *) r->key;
      texts[SS_SRT_COLUMN_COUNT] = g_strdup_printf ("%u", r->count);
      values[SS_SRT_COLUMN_COUNT] = r->count;
      for (guint k = 0; k < G_N_ELEMENTS (ms); k++)
        {
          /* Microsecond resolution, as the CLI's seconds with six decimals. */
          texts[SS_SRT_COLUMN_AVG + k] = g_strdup_printf ("%.3f", ms[k]);
          values[SS_SRT_COLUMN_AVG + k] = ms[k];
        }
      ss_stat_table_append (table, parent, (const char *const *) texts, values);
      for (guint k = SS_SRT_COLUMN_COUNT; k < SS_SRT_N_COLUMNS; k++)
        g_free (texts[k]);
      total += r->count;
    }
  return total;
}

static void
srt_finish (SsStatDialog *dialog)
{
  SsSrtDialog *self = SS_SRT_DIALOG (dialog);
  guint n_rows = 0, total;
  g_autofree SsSrtRow *rows = ss_srt_dup_rows (self->srt, &n_rows);
  g_autofree char *summary = NULL;
  guint window = gtk_drop_down_get_selected (self->window_drop);

  ss_stat_table_clear (self->table);
  ss_stat_table_clear (self->window_table);
  total = append_rows (self->table, NULL, rows, n_rows);
  if (window > 0 && window < G_N_ELEMENTS (windows_ns))
    {
      /* One row per window, in time order, its URI paths under it. */
      for (guint w = 0; w < ss_srt_get_n_windows (self->srt); w++)
        {
          gint64 start = 0;
          guint n = 0;
          g_autofree SsSrtRow *wrows = ss_srt_dup_window_rows (self->srt, w, &start, &n);
          g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (start / 1000000000);
          g_autoptr(GDateTime) to = g_date_time_add_seconds (from, windows_ns[window] / 1e9);
          g_autofree char *a = g_date_time_format (from, "%Y-%m-%d %H:%M:%S");
          g_autofree char *b = g_date_time_format (to, "%H:%M:%S");
          g_autofree char *label = g_strdup_printf (_("%s – %s UTC"), a, b);
          const char *texts[SS_SRT_N_COLUMNS] = { label, "", "", "", "", "", "", "" };
          SsStatRow *row = ss_stat_table_append (self->window_table, NULL, texts, NULL);

          append_rows (self->window_table, row, wrows, n);
        }
      gtk_stack_set_visible_child (self->tables, GTK_WIDGET (self->window_table));
    }
  else
    gtk_stack_set_visible_child (self->tables, GTK_WIDGET (self->table));
  summary = g_strdup_printf (_("Responses matched to their requests: %u · URI paths: %u"),
                             total, n_rows);
  ss_stat_dialog_set_summary (dialog, summary);
}

SsStatTable *
ss_srt_dialog_get_table (SsSrtDialog *self)
{
  return self->table;
}

SsStatTable *
ss_srt_dialog_get_window_table (SsSrtDialog *self)
{
  return self->window_table;
}

void
ss_srt_dialog_set_window (SsSrtDialog *self,
                          gint64       window_ns)
{
  for (guint i = 0; i < G_N_ELEMENTS (windows_ns); i++)
    if (windows_ns[i] == window_ns)
      gtk_drop_down_set_selected (self->window_drop, i);
}

static void
window_changed_cb (SsSrtDialog *self)
{
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

static void
ss_srt_dialog_finalize (GObject *object)
{
  SsSrtDialog *self = SS_SRT_DIALOG (object);

  g_clear_pointer (&self->srt, ss_srt_free);
  G_OBJECT_CLASS (ss_srt_dialog_parent_class)->finalize (object);
}

static void
ss_srt_dialog_class_init (SsSrtDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_srt_dialog_finalize;
  stat_class->prepare = srt_prepare;
  stat_class->want = srt_want;
  stat_class->packet = srt_packet;
  stat_class->finish = srt_finish;
}

static void
ss_srt_dialog_init (SsSrtDialog *self)
{
  const SsStatColumn columns[SS_SRT_N_COLUMNS] = {
    [SS_SRT_COLUMN_KEY] = { _("URI Path"), FALSE, 0 },
    [SS_SRT_COLUMN_COUNT] = { _("Count"), TRUE, 80 },
    [SS_SRT_COLUMN_AVG] = { _("Avg (ms)"), TRUE, 100 },
    [SS_SRT_COLUMN_MIN] = { _("Min (ms)"), TRUE, 100 },
    [SS_SRT_COLUMN_MAX] = { _("Max (ms)"), TRUE, 100 },
    [SS_SRT_COLUMN_P50] = { _("p50 (ms)"), TRUE, 100 },
    [SS_SRT_COLUMN_P95] = { _("p95 (ms)"), TRUE, 100 },
    [SS_SRT_COLUMN_P99] = { _("p99 (ms)"), TRUE, 100 },
  };

  GtkStringList *windows = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("HTTP Service Response Time"));
  self->tables = GTK_STACK (gtk_stack_new ());
  self->table = SS_STAT_TABLE (ss_stat_table_new (columns, G_N_ELEMENTS (columns)));
  self->window_table = SS_STAT_TABLE (ss_stat_table_new_tree (columns, G_N_ELEMENTS (columns)));
  gtk_stack_add_child (self->tables, GTK_WIDGET (self->table));
  gtk_stack_add_child (self->tables, GTK_WIDGET (self->window_table));
  ss_stat_dialog_set_content (SS_STAT_DIALOG (self), GTK_WIDGET (self->tables));
  for (guint i = 0; i < G_N_ELEMENTS (window_names); i++)
    gtk_string_list_append (windows, _(window_names[i]));
  self->window_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (windows), NULL));
  ss_stat_dialog_add_control (SS_STAT_DIALOG (self), GTK_WIDGET (self->window_drop));
  g_signal_connect_swapped (self->window_drop, "notify::selected",
                            G_CALLBACK (window_changed_cb), self);
  self->query_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Keep _query string")));
  ss_stat_dialog_add_control (SS_STAT_DIALOG (self), GTK_WIDGET (self->query_check));
}

GtkWidget *
ss_srt_dialog_new (GtkWindow  *parent,
                   SsDocument *doc,
                   const char *filter)
{
  SsSrtDialog *self = g_object_new (SS_TYPE_SRT_DIALOG, "transient-for", parent,
                                    "destroy-with-parent", TRUE, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 560);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  /* The slowest first, as an incident is read. */
  ss_stat_table_sort_by (self->table, SS_SRT_COLUMN_AVG, TRUE);
  ss_stat_table_sort_by (self->window_table, SS_SRT_COLUMN_AVG, TRUE);
  return GTK_WIDGET (self);
}
