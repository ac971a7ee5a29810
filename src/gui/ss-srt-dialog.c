/* ss-srt-dialog.c: HTTP service response times per URI path */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-srt-dialog.h"
#include "ss-srt.h"

struct _SsSrtDialog
{
  SsStatDialog    parent_instance;

  SsStatTable    *table;
  GtkCheckButton *query_check;
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
  SsSrt *srt = ss_srt_new (reg, SS_SRT_HTTP, gtk_check_button_get_active (self->query_check), 0,
                           *filter ? filter : NULL, error);

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

static void
srt_finish (SsStatDialog *dialog)
{
  SsSrtDialog *self = SS_SRT_DIALOG (dialog);
  guint n_rows = 0, total = 0;
  g_autofree SsSrtRow *rows = ss_srt_dup_rows (self->srt, &n_rows);
  g_autofree char *summary = NULL;

  ss_stat_table_clear (self->table);
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
      ss_stat_table_append (self->table, NULL, (const char *const *) texts, values);
      for (guint k = SS_SRT_COLUMN_COUNT; k < SS_SRT_N_COLUMNS; k++)
        g_free (texts[k]);
      total += r->count;
    }
  summary = g_strdup_printf (_("Responses matched to their requests: %u · URI paths: %u"),
                             total, n_rows);
  ss_stat_dialog_set_summary (dialog, summary);
}

SsStatTable *
ss_srt_dialog_get_table (SsSrtDialog *self)
{
  return self->table;
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

  gtk_window_set_title (GTK_WINDOW (self), _("HTTP Service Response Time"));
  self->table = SS_STAT_TABLE (ss_stat_table_new (columns, G_N_ELEMENTS (columns)));
  ss_stat_dialog_set_content (SS_STAT_DIALOG (self), GTK_WIDGET (self->table));
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

  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  /* The slowest first, as an incident is read. */
  ss_stat_table_sort_by (self->table, SS_SRT_COLUMN_AVG, TRUE);
  return GTK_WIDGET (self);
}
