/* ss-phs-dialog.c: the protocol hierarchy as a tree */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-phs-dialog.h"
#include "ss-phs.h"

struct _SsPhsDialog
{
  SsStatDialog  parent_instance;

  SsStatTable  *table;
  SsPhs        *phs;      /* the worker's while it runs */
};

G_DEFINE_FINAL_TYPE (SsPhsDialog, ss_phs_dialog, SS_TYPE_STAT_DIALOG)

static gboolean
phs_prepare (SsStatDialog *dialog,
             const char   *filter,
             GError      **error)
{
  SsPhsDialog *self = SS_PHS_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  SsPhs *phs = ss_phs_new (reg, *filter ? filter : NULL, error);

  if (!phs)
    return FALSE;
  g_clear_pointer (&self->phs, ss_phs_free);
  self->phs = phs;
  return TRUE;
}

static void
phs_want (SsStatDialog *dialog,
          SsEngine     *engine)
{
  ss_phs_want (SS_PHS_DIALOG (dialog)->phs, engine);
}

static void
phs_packet (SsStatDialog   *dialog,
            const SsPacket *pkt)
{
  ss_phs_packet (SS_PHS_DIALOG (dialog)->phs, pkt);
}

/* "Transmission Control Protocol" for "tcp"; reassembly items (tcp.segments) by their field's
 * name. */
static const char *
display_name (const SsRegistry *reg,
              const char       *abbrev)
{
  const SsProtocol *proto = ss_registry_lookup_protocol (reg, abbrev);
  SsFieldId id;

  if (proto && proto->name)
    return _(proto->name);
  id = ss_registry_lookup_field (reg, abbrev);
  if (id != SS_FIELD_ID_NONE && ss_registry_get_field (reg, id)->name)
    return _(ss_registry_get_field (reg, id)->name);
  return abbrev;
}

static void
add_nodes (SsPhsDialog      *self,
           const SsRegistry *reg,
           SsStatRow        *parent,
           const SsPhsNode  *node,
           guint64           total_frames,
           guint64           total_bytes)
{
  for (; node; node = node->next)
    {
      g_autofree char *pct_packets = g_strdup_printf ("%.1f %%", 100.0 * node->frames
                                                                  / MAX (total_frames, 1));
      g_autofree char *packets = g_strdup_printf ("%u", node->frames);
      g_autofree char *pct_bytes = g_strdup_printf ("%.1f %%", 100.0 * node->bytes
                                                                / MAX (total_bytes, 1));
      g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, node->bytes);
      const char *texts[SS_PHS_N_COLUMNS] = {
        [SS_PHS_COLUMN_PROTOCOL] = display_name (reg, node->name),
        [SS_PHS_COLUMN_PERCENT_PACKETS] = pct_packets,
        [SS_PHS_COLUMN_PACKETS] = packets,
        [SS_PHS_COLUMN_PERCENT_BYTES] = pct_bytes,
        [SS_PHS_COLUMN_BYTES] = bytes,
        [SS_PHS_COLUMN_FILTER] = node->name,
      };
      const double values[SS_PHS_N_COLUMNS] = {
        [SS_PHS_COLUMN_PERCENT_PACKETS] = node->frames,
        [SS_PHS_COLUMN_PACKETS] = node->frames,
        [SS_PHS_COLUMN_PERCENT_BYTES] = (double) node->bytes,
        [SS_PHS_COLUMN_BYTES] = (double) node->bytes,
      };
      SsStatRow *row = ss_stat_table_append (self->table, parent, texts, values);

      add_nodes (self, reg, row, node->child, total_frames, total_bytes);
    }
}

static void
phs_finish (SsStatDialog *dialog)
{
  SsPhsDialog *self = SS_PHS_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  const SsPhsNode *root = ss_phs_get_root (self->phs);
  guint64 frames = 0, bytes = 0;
  g_autofree char *summary = NULL;

  /* Every packet counted has exactly one first protocol: the top level adds up to the whole. */
  for (const SsPhsNode *n = root; n; n = n->next)
    {
      frames += n->frames;
      bytes += n->bytes;
    }
  ss_stat_table_clear (self->table);
  add_nodes (self, reg, NULL, root, frames, bytes);
  summary = g_strdup_printf (_("Packets counted: %llu · Bytes: %llu"), (unsigned long long) frames,
                             (unsigned long long) bytes);
  ss_stat_dialog_set_summary (dialog, summary);
}

SsStatTable *
ss_phs_dialog_get_table (SsPhsDialog *self)
{
  return self->table;
}

static void
ss_phs_dialog_finalize (GObject *object)
{
  g_clear_pointer (&SS_PHS_DIALOG (object)->phs, ss_phs_free);
  G_OBJECT_CLASS (ss_phs_dialog_parent_class)->finalize (object);
}

static void
ss_phs_dialog_class_init (SsPhsDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_phs_dialog_finalize;
  stat_class->prepare = phs_prepare;
  stat_class->want = phs_want;
  stat_class->packet = phs_packet;
  stat_class->finish = phs_finish;
}

static void
ss_phs_dialog_init (SsPhsDialog *self)
{
  const SsStatColumn columns[SS_PHS_N_COLUMNS] = {
    [SS_PHS_COLUMN_PROTOCOL] = { _("Protocol"), FALSE, 0 },
    [SS_PHS_COLUMN_PERCENT_PACKETS] = { _("Percent Packets"), TRUE, 135 },
    [SS_PHS_COLUMN_PACKETS] = { _("Packets"), TRUE, 90 },
    [SS_PHS_COLUMN_PERCENT_BYTES] = { _("Percent Bytes"), TRUE, 120 },
    [SS_PHS_COLUMN_BYTES] = { _("Bytes"), TRUE, 100 },
    [SS_PHS_COLUMN_FILTER] = { _("Display Filter"), FALSE, 150 },
  };

  gtk_window_set_title (GTK_WINDOW (self), _("Protocol Hierarchy Statistics"));
  self->table = SS_STAT_TABLE (ss_stat_table_new_tree (columns, SS_PHS_N_COLUMNS));
  ss_stat_dialog_set_content (SS_STAT_DIALOG (self), GTK_WIDGET (self->table));
}

GtkWidget *
ss_phs_dialog_new (GtkWindow  *parent,
                   SsDocument *doc,
                   const char *filter)
{
  SsPhsDialog *self = g_object_new (SS_TYPE_PHS_DIALOG, "transient-for", parent,
                                    "destroy-with-parent", TRUE, NULL);

  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  return GTK_WIDGET (self);
}
