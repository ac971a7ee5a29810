/* ss-conv-dialog.c: conversations and endpoints, one tab per address type */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-conv-dialog.h"

#define N_TYPES (SS_CONV_UDP + 1)

struct _SsConvDialog
{
  SsStatDialog     parent_instance;

  gboolean         endpoints;
  GtkNotebook     *notebook;
  SsStatTable     *tables[N_TYPES];
  GtkLabel        *tab_labels[N_TYPES];
  /* the worker's while it runs */
  SsConvTable     *conv[N_TYPES];
  SsEndpointTable *ends[N_TYPES];
};

G_DEFINE_FINAL_TYPE (SsConvDialog, ss_conv_dialog, SS_TYPE_STAT_DIALOG)

enum
{
  FILTER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filter field of an address of tab @type. */
static const char *
addr_field (SsConvType  type,
            const char *addr)
{
  if (type == SS_CONV_ETH)
    return "eth.addr";
  return strchr (addr, ':') ? "ipv6.addr" : "ip.addr";
}

char *
ss_conv_dialog_dup_row_filter (SsConvDialog *self,
                               SsConvType    type,
                               guint         position)
{
  SsStatTable *table = self->tables[type];
  const char *port = type == SS_CONV_TCP ? "tcp.port" : type == SS_CONV_UDP ? "udp.port" : NULL;

  if (position >= ss_stat_table_get_n_rows (table))
    return NULL;
  if (self->endpoints)
    {
      const char *a = ss_stat_table_get_text (table, position, SS_ENDPOINT_COLUMN_ADDR);

      if (port)
        return g_strdup_printf ("%s==%s && %s==%s", addr_field (type, a), a, port,
                                ss_stat_table_get_text (table, position,
                                                        SS_ENDPOINT_COLUMN_PORT));
      return g_strdup_printf ("%s==%s", addr_field (type, a), a);
    }
  {
    const char *a = ss_stat_table_get_text (table, position, SS_CONV_COLUMN_ADDR_A);
    const char *b = ss_stat_table_get_text (table, position, SS_CONV_COLUMN_ADDR_B);

    /* Wireshark's Conversation Filter: both ends, in either direction. */
    if (port)
      return g_strdup_printf ("%s==%s && %s==%s && %s==%s && %s==%s", addr_field (type, a), a,
                              port, ss_stat_table_get_text (table, position,
                                                            SS_CONV_COLUMN_PORT_A),
                              addr_field (type, b), b, port,
                              ss_stat_table_get_text (table, position, SS_CONV_COLUMN_PORT_B));
    return g_strdup_printf ("%s==%s && %s==%s", addr_field (type, a), a, addr_field (type, b), b);
  }
}

static void
row_activated_cb (SsStatTable  *table,
                  guint         position,
                  SsConvDialog *self)
{
  for (guint t = 0; t < N_TYPES; t++)
    if (self->tables[t] == table)
      {
        g_autofree char *filter = ss_conv_dialog_dup_row_filter (self, (SsConvType) t, position);

        if (filter)
          g_signal_emit (self, signals[FILTER_ACTIVATED], 0, filter);
      }
}

static void
clear_stats (SsConvDialog *self)
{
  for (guint t = 0; t < N_TYPES; t++)
    {
      g_clear_pointer (&self->conv[t], ss_conv_table_free);
      g_clear_pointer (&self->ends[t], ss_endpoint_table_free);
    }
}

static gboolean
conv_prepare (SsStatDialog *dialog,
              const char   *filter,
              GError      **error)
{
  SsConvDialog *self = SS_CONV_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  const char *f = *filter ? filter : NULL;

  clear_stats (self);
  for (guint t = 0; t < N_TYPES; t++)
    {
      if (self->endpoints)
        self->ends[t] = ss_endpoint_table_new (reg, (SsConvType) t, f, error);
      else
        self->conv[t] = ss_conv_table_new (reg, (SsConvType) t, f, error);
      if (!self->ends[t] && !self->conv[t])
        {
          clear_stats (self);
          return FALSE;
        }
    }
  return TRUE;
}

static void
conv_want (SsStatDialog *dialog,
           SsEngine     *engine)
{
  SsConvDialog *self = SS_CONV_DIALOG (dialog);

  for (guint t = 0; t < N_TYPES; t++)
    {
      if (self->endpoints)
        ss_endpoint_table_want (self->ends[t], engine);
      else
        ss_conv_table_want (self->conv[t], engine);
    }
}

static void
conv_packet (SsStatDialog   *dialog,
             const SsPacket *pkt)
{
  SsConvDialog *self = SS_CONV_DIALOG (dialog);

  for (guint t = 0; t < N_TYPES; t++)
    {
      if (self->endpoints)
        ss_endpoint_table_packet (self->ends[t], pkt);
      else
        ss_conv_table_packet (self->conv[t], pkt);
    }
}

static char *
bytes_text (guint64 bytes)
{
  GString *out = g_string_new (NULL);

  ss_stats_format_bytes (bytes, out);
  return g_string_free (out, FALSE);
}

static void
fill_conversations (SsConvDialog *self,
                    SsConvType    type)
{
  SsConvTable *conv = self->conv[type];
  guint n = ss_conv_table_get_n_rows (conv);

  for (guint i = 0; i < n; i++)
    {
      const SsConvRow *r = ss_conv_table_get_row (conv, i);
      char a[64], b[64];
      char *texts[SS_CONV_N_COLUMNS] = { NULL };
      double values[SS_CONV_N_COLUMNS] = { 0 };
      const guint64 packets[] = { r->frames_ab + r->frames_ba, r->frames_ab, r->frames_ba };
      const guint64 bytes[] = { r->bytes_ab + r->bytes_ba, r->bytes_ab, r->bytes_ba };

      texts[SS_CONV_COLUMN_ADDR_A] = g_strdup (ss_address_to_string (&r->a, a, sizeof a));
      texts[SS_CONV_COLUMN_ADDR_B] = g_strdup (ss_address_to_string (&r->b, b, sizeof b));
      texts[SS_CONV_COLUMN_PORT_A] = g_strdup_printf ("%u", r->port_a);
      texts[SS_CONV_COLUMN_PORT_B] = g_strdup_printf ("%u", r->port_b);
      values[SS_CONV_COLUMN_PORT_A] = r->port_a;
      values[SS_CONV_COLUMN_PORT_B] = r->port_b;
      for (guint k = 0; k < 3; k++)
        {
          texts[SS_CONV_COLUMN_PACKETS + 2 * k] = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                                   packets[k]);
          values[SS_CONV_COLUMN_PACKETS + 2 * k] = (double) packets[k];
          texts[SS_CONV_COLUMN_BYTES + 2 * k] = bytes_text (bytes[k]);
          values[SS_CONV_COLUMN_BYTES + 2 * k] = (double) bytes[k];
        }
      values[SS_CONV_COLUMN_REL_START] = r->start_ns / 1e9;
      values[SS_CONV_COLUMN_DURATION] = (r->stop_ns - r->start_ns) / 1e9;
      /* tshark's precision: nanoseconds for the start, 4 decimals for the duration. */
      texts[SS_CONV_COLUMN_REL_START] = g_strdup_printf ("%.9f",
                                                         values[SS_CONV_COLUMN_REL_START]);
      texts[SS_CONV_COLUMN_DURATION] = g_strdup_printf ("%.4f", values[SS_CONV_COLUMN_DURATION]);
      ss_stat_table_append (self->tables[type], NULL, (const char *const *) texts, values);
      for (guint k = 0; k < SS_CONV_N_COLUMNS; k++)
        g_free (texts[k]);
    }
}

static void
fill_endpoints (SsConvDialog *self,
                SsConvType    type)
{
  SsEndpointTable *ends = self->ends[type];
  guint n = ss_endpoint_table_get_n_rows (ends);

  for (guint i = 0; i < n; i++)
    {
      const SsEndpointRow *r = ss_endpoint_table_get_row (ends, i);
      char a[64];
      char *texts[SS_ENDPOINT_N_COLUMNS] = { NULL };
      double values[SS_ENDPOINT_N_COLUMNS] = { 0 };
      const guint64 packets[] = { r->tx_frames + r->rx_frames, r->tx_frames, r->rx_frames };
      const guint64 bytes[] = { r->tx_bytes + r->rx_bytes, r->tx_bytes, r->rx_bytes };

      texts[SS_ENDPOINT_COLUMN_ADDR] = g_strdup (ss_address_to_string (&r->addr, a, sizeof a));
      texts[SS_ENDPOINT_COLUMN_PORT] = g_strdup_printf ("%u", r->port);
      values[SS_ENDPOINT_COLUMN_PORT] = r->port;
      for (guint k = 0; k < 3; k++)
        {
          texts[SS_ENDPOINT_COLUMN_PACKETS + 2 * k] = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                                       packets[k]);
          values[SS_ENDPOINT_COLUMN_PACKETS + 2 * k] = (double) packets[k];
          texts[SS_ENDPOINT_COLUMN_BYTES + 2 * k] = bytes_text (bytes[k]);
          values[SS_ENDPOINT_COLUMN_BYTES + 2 * k] = (double) bytes[k];
        }
      ss_stat_table_append (self->tables[type], NULL, (const char *const *) texts, values);
      for (guint k = 0; k < SS_ENDPOINT_N_COLUMNS; k++)
        g_free (texts[k]);
    }
}

static void
conv_finish (SsStatDialog *dialog)
{
  SsConvDialog *self = SS_CONV_DIALOG (dialog);

  for (guint t = 0; t < N_TYPES; t++)
    {
      guint n;
      g_autofree char *label = NULL;

      ss_stat_table_clear (self->tables[t]);
      if (self->endpoints)
        {
          fill_endpoints (self, (SsConvType) t);
          n = ss_endpoint_table_get_n_rows (self->ends[t]);
        }
      else
        {
          fill_conversations (self, (SsConvType) t);
          n = ss_conv_table_get_n_rows (self->conv[t]);
        }
      /* "TCP · 12", as Wireshark's tabs. */
      label = g_strdup_printf ("%s · %u", ss_conv_type_get_title ((SsConvType) t), n);
      gtk_label_set_text (self->tab_labels[t], label);
    }
  ss_stat_dialog_set_summary (dialog, *ss_stat_dialog_get_filter (dialog)
                                      ? _("Limited to the display filter.")
                                      : _("All packets of the file."));
}

SsStatTable *
ss_conv_dialog_get_table (SsConvDialog *self,
                          SsConvType    type)
{
  g_return_val_if_fail (type < N_TYPES, NULL);
  return self->tables[type];
}

SsConvType
ss_conv_dialog_get_shown (SsConvDialog *self)
{
  return (SsConvType) gtk_notebook_get_current_page (self->notebook);
}

static void
ss_conv_dialog_finalize (GObject *object)
{
  clear_stats (SS_CONV_DIALOG (object));
  G_OBJECT_CLASS (ss_conv_dialog_parent_class)->finalize (object);
}

static void
ss_conv_dialog_class_init (SsConvDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_conv_dialog_finalize;
  stat_class->prepare = conv_prepare;
  stat_class->want = conv_want;
  stat_class->packet = conv_packet;
  stat_class->finish = conv_finish;

  /* A row was activated: the filter for its conversation or endpoint. */
  signals[FILTER_ACTIVATED] = g_signal_new ("filter-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ss_conv_dialog_init (SsConvDialog *self)
{
  self->notebook = GTK_NOTEBOOK (gtk_notebook_new ());
  ss_stat_dialog_set_content (SS_STAT_DIALOG (self), GTK_WIDGET (self->notebook));
}

static void
build_tabs (SsConvDialog *self)
{
  const SsStatColumn conv_columns[SS_CONV_N_COLUMNS] = {
    [SS_CONV_COLUMN_ADDR_A] = { _("Address A"), FALSE, 0 },
    [SS_CONV_COLUMN_PORT_A] = { _("Port A"), TRUE, 70 },
    [SS_CONV_COLUMN_ADDR_B] = { _("Address B"), FALSE, 0 },
    [SS_CONV_COLUMN_PORT_B] = { _("Port B"), TRUE, 70 },
    [SS_CONV_COLUMN_PACKETS] = { _("Packets"), TRUE, 80 },
    [SS_CONV_COLUMN_BYTES] = { _("Bytes"), TRUE, 90 },
    [SS_CONV_COLUMN_PACKETS_AB] = { _("Packets A → B"), TRUE, 120 },
    [SS_CONV_COLUMN_BYTES_AB] = { _("Bytes A → B"), TRUE, 100 },
    [SS_CONV_COLUMN_PACKETS_BA] = { _("Packets B → A"), TRUE, 120 },
    [SS_CONV_COLUMN_BYTES_BA] = { _("Bytes B → A"), TRUE, 100 },
    [SS_CONV_COLUMN_REL_START] = { _("Rel Start"), TRUE, 110 },
    [SS_CONV_COLUMN_DURATION] = { _("Duration"), TRUE, 80 },
  };
  const SsStatColumn end_columns[SS_ENDPOINT_N_COLUMNS] = {
    [SS_ENDPOINT_COLUMN_ADDR] = { _("Address"), FALSE, 0 },
    [SS_ENDPOINT_COLUMN_PORT] = { _("Port"), TRUE, 70 },
    [SS_ENDPOINT_COLUMN_PACKETS] = { _("Packets"), TRUE, 90 },
    [SS_ENDPOINT_COLUMN_BYTES] = { _("Bytes"), TRUE, 100 },
    [SS_ENDPOINT_COLUMN_TX_PACKETS] = { _("Tx Packets"), TRUE, 100 },
    [SS_ENDPOINT_COLUMN_TX_BYTES] = { _("Tx Bytes"), TRUE, 100 },
    [SS_ENDPOINT_COLUMN_RX_PACKETS] = { _("Rx Packets"), TRUE, 100 },
    [SS_ENDPOINT_COLUMN_RX_BYTES] = { _("Rx Bytes"), TRUE, 100 },
  };

  for (guint t = 0; t < N_TYPES; t++)
    {
      gboolean ports = t == SS_CONV_TCP || t == SS_CONV_UDP;
      SsStatTable *table;

      if (self->endpoints)
        {
          table = SS_STAT_TABLE (ss_stat_table_new (end_columns, SS_ENDPOINT_N_COLUMNS));
          ss_stat_table_set_column_visible (table, SS_ENDPOINT_COLUMN_PORT, ports);
          /* The busiest first, as top talkers are looked for. */
          ss_stat_table_sort_by (table, SS_ENDPOINT_COLUMN_BYTES, TRUE);
        }
      else
        {
          table = SS_STAT_TABLE (ss_stat_table_new (conv_columns, SS_CONV_N_COLUMNS));
          ss_stat_table_set_column_visible (table, SS_CONV_COLUMN_PORT_A, ports);
          ss_stat_table_set_column_visible (table, SS_CONV_COLUMN_PORT_B, ports);
          ss_stat_table_sort_by (table, SS_CONV_COLUMN_BYTES, TRUE);
        }
      self->tables[t] = table;
      g_signal_connect (table, "row-activated", G_CALLBACK (row_activated_cb), self);
      self->tab_labels[t] = GTK_LABEL (gtk_label_new (ss_conv_type_get_title ((SsConvType) t)));
      gtk_notebook_append_page (self->notebook, GTK_WIDGET (table),
                                GTK_WIDGET (self->tab_labels[t]));
    }
}

GtkWidget *
ss_conv_dialog_new (GtkWindow  *parent,
                    SsDocument *doc,
                    const char *filter,
                    gboolean    endpoints,
                    SsConvType  type)
{
  SsConvDialog *self = g_object_new (SS_TYPE_CONV_DIALOG, "transient-for", parent,
                                     "destroy-with-parent", TRUE, NULL);

  self->endpoints = endpoints;
  gtk_window_set_title (GTK_WINDOW (self), endpoints ? _("Endpoints") : _("Conversations"));
  gtk_window_set_default_size (GTK_WINDOW (self), endpoints ? 900 : 1200, 560);
  build_tabs (self);
  gtk_notebook_set_current_page (self->notebook, (int) type);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  return GTK_WIDGET (self);
}
