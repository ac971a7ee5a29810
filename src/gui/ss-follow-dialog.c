/* ss-follow-dialog.c: one TCP, UDP, TLS or HTTP stream's data, each side in its colour */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-follow-dialog.h"
#include "ss-follow.h"

struct _SsFollowDialog
{
  SsStatDialog   parent_instance;

  GtkTextView   *text_view;
  GtkSpinButton *stream_spin;
  GtkDropDown   *show_drop;
  GtkDropDown   *direction_drop;
  GtkStringList *directions;
  SsFollow      *follow;      /* the worker's while it runs */
  SsFollowProto  proto;
  guint32        stream;
  /* Followed by its endpoints until the first result gives the stream's index (UDP: the
   * display filter has no udp.stream to find it by) or the stream is changed by hand. */
  gboolean       by_endpoints;
  SsAddress      addr[2];
  guint16        port[2];
};

G_DEFINE_FINAL_TYPE (SsFollowDialog, ss_follow_dialog, SS_TYPE_STAT_DIALOG)

/* Wireshark's window titles, each whole for the translators. */
static char *
follow_title (SsFollowProto proto,
              guint32       stream)
{
  switch (proto)
    {
    case SS_FOLLOW_UDP:
      return g_strdup_printf (_("Follow UDP Stream (udp.stream eq %u)"), stream);
    case SS_FOLLOW_TLS:
      return g_strdup_printf (_("Follow TLS Stream (tcp.stream eq %u)"), stream);
    case SS_FOLLOW_HTTP:
      return g_strdup_printf (_("Follow HTTP Stream (tcp.stream eq %u)"), stream);
    case SS_FOLLOW_TCP:
    default:
      return g_strdup_printf (_("Follow TCP Stream (tcp.stream eq %u)"), stream);
    }
}

static gboolean
follow_prepare (SsStatDialog *dialog,
                const char   *filter,
                GError      **error)
{
  SsFollowDialog *self = SS_FOLLOW_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  guint32 stream = (guint32) gtk_spin_button_get_value_as_int (self->stream_spin);
  SsFollow *follow = self->by_endpoints
                     ? ss_follow_new_for_endpoints (reg, self->proto, SS_FOLLOW_ASCII,
                                                    &self->addr[0], self->port[0],
                                                    &self->addr[1], self->port[1], error)
                     : ss_follow_new (reg, self->proto, SS_FOLLOW_ASCII, stream, error);

  if (!follow)
    return FALSE;
  g_clear_pointer (&self->follow, ss_follow_free);
  self->follow = follow;
  if (!self->by_endpoints)
    self->stream = stream;
  return TRUE;
}

static void
follow_want (SsStatDialog *dialog,
             SsEngine     *engine)
{
  ss_follow_want (SS_FOLLOW_DIALOG (dialog)->follow, engine);
}

static void
follow_packet (SsStatDialog   *dialog,
               const SsPacket *pkt)
{
  ss_follow_packet (SS_FOLLOW_DIALOG (dialog)->follow, pkt);
}

static char *
node_text (const SsAddress *addr,
           guint16          port)
{
  char buf[64];

  ss_address_to_string (addr, buf, sizeof buf);
  return addr->type == SS_ADDR_IPV6 ? g_strdup_printf ("[%s]:%u", buf, port)
                                    : g_strdup_printf ("%s:%u", buf, port);
}

/* Fills the text view from the stream's chunks, as the drop-downs say. */
static void
render (SsFollowDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  SsFollowShow show = gtk_drop_down_get_selected (self->show_drop);
  SsFollowDirection direction = gtk_drop_down_get_selected (self->direction_drop);
  SsFollowMode mode = show == SS_FOLLOW_SHOW_HEX ? SS_FOLLOW_HEX
                      : show == SS_FOLLOW_SHOW_RAW ? SS_FOLLOW_RAW : SS_FOLLOW_ASCII;
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 pos[2] = { 0, 0 };
  guint n;
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  if (!self->follow)
    return;
  n = ss_follow_get_n_chunks (self->follow);
  for (guint i = 0; i < n; i++)
    {
      const SsFollowChunk *chunk = ss_follow_get_chunk (self->follow, i);
      guint side = chunk->is_server ? 1 : 0;

      if ((direction == SS_FOLLOW_FROM_NODE0 && side == 1)
          || (direction == SS_FOLLOW_FROM_NODE1 && side == 0))
        {
          pos[side] += chunk->len;
          continue;
        }
      g_string_truncate (text, 0);
      ss_follow_format_data (mode, pos[side], chunk->data, chunk->len, text);
      /* Hex dumps end their lines; raw hex gets one line per chunk, as tshark prints it. */
      if (mode == SS_FOLLOW_RAW)
        g_string_append_c (text, '\n');
      pos[side] += chunk->len;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text->str, (int) text->len,
                                                side ? "server" : "client", NULL);
    }
}

static void
show_changed_cb (SsFollowDialog *self)
{
  render (self);
}

static void
stream_changed_cb (SsFollowDialog *self)
{
  self->by_endpoints = FALSE;
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

static void
follow_finish (SsStatDialog *dialog)
{
  SsFollowDialog *self = SS_FOLLOW_DIALOG (dialog);
  SsAddress a0, a1;
  guint16 p0, p1;
  guint n = ss_follow_get_n_chunks (self->follow);
  guint packets[2] = { 0, 0 }, turns = 0, last = G_MAXUINT;
  guint64 bytes[2] = { 0, 0 };
  g_autofree char *title = NULL;
  guint32 found;

  if (self->by_endpoints && ss_follow_get_stream (self->follow, &found))
    {
      self->stream = found;
      g_signal_handlers_block_by_func (self->stream_spin, stream_changed_cb, self);
      gtk_spin_button_set_value (self->stream_spin, found);
      g_signal_handlers_unblock_by_func (self->stream_spin, stream_changed_cb, self);
    }
  title = follow_title (self->proto, self->stream);
  gtk_window_set_title (GTK_WINDOW (self), title);
  for (guint i = 0; i < n; i++)
    {
      const SsFollowChunk *chunk = ss_follow_get_chunk (self->follow, i);
      guint side = chunk->is_server ? 1 : 0;

      packets[side]++;
      bytes[side] += chunk->len;
      if (side != last)
        turns++;
      last = side;
    }
  g_signal_handlers_block_by_func (self->direction_drop, show_changed_cb, self);
  if (ss_follow_get_nodes (self->follow, &a0, &p0, &a1, &p1))
    {
      g_autofree char *n0 = node_text (&a0, p0);
      g_autofree char *n1 = node_text (&a1, p1);
      g_autofree char *both = g_strdup_printf (_("Entire conversation (%llu bytes)"),
                                           (unsigned long long) (bytes[0] + bytes[1]));
      g_autofree char *d0 = g_strdup_printf (_("%s → %s (%llu bytes)"), n0, n1,
                                             (unsigned long long) bytes[0]);
      g_autofree char *d1 = g_strdup_printf (_("%s → %s (%llu bytes)"), n1, n0,
                                             (unsigned long long) bytes[1]);
      const char *items[] = { both, d0, d1, NULL };
      g_autofree char *summary = NULL;

      gtk_string_list_splice (self->directions, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->directions)), items);
      summary = g_strdup_printf (_("Client %s (red) · Server %s (blue) · packets with data: "
                                   "%u from the client, %u from the server · turns: %u"),
                                 n0, n1, packets[0], packets[1], turns);
      ss_stat_dialog_set_summary (dialog, summary);
    }
  else
    {
      const char *items[] = { _("Entire conversation"), NULL };

      gtk_string_list_splice (self->directions, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->directions)), items);
      /* No keys, nothing decrypted: Wireshark's TLS follow is empty too; say why. */
      ss_stat_dialog_set_summary (dialog, self->proto == SS_FOLLOW_TLS
                                  ? _("No decrypted TLS data: StratoShark has no TLS keys, so "
                                      "the records stay encrypted (Follow TCP Stream shows them).")
                                  : _("No packet of this stream has data."));
    }
  gtk_drop_down_set_selected (self->direction_drop, SS_FOLLOW_BOTH);
  g_signal_handlers_unblock_by_func (self->direction_drop, show_changed_cb, self);
  render (self);
}

SsFollowProto
ss_follow_dialog_get_proto (SsFollowDialog *self)
{
  return self->proto;
}

guint32
ss_follow_dialog_get_stream (SsFollowDialog *self)
{
  return self->stream;
}

void
ss_follow_dialog_set_show (SsFollowDialog    *self,
                           SsFollowShow       show,
                           SsFollowDirection  direction)
{
  gtk_drop_down_set_selected (self->show_drop, show);
  if (direction < g_list_model_get_n_items (G_LIST_MODEL (self->directions)))
    gtk_drop_down_set_selected (self->direction_drop, direction);
  render (self);
}

char *
ss_follow_dialog_dup_text (SsFollowDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
ss_follow_dialog_finalize (GObject *object)
{
  SsFollowDialog *self = SS_FOLLOW_DIALOG (object);

  g_clear_pointer (&self->follow, ss_follow_free);
  G_OBJECT_CLASS (ss_follow_dialog_parent_class)->finalize (object);
}

static void
ss_follow_dialog_class_init (SsFollowDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_follow_dialog_finalize;
  stat_class->prepare = follow_prepare;
  stat_class->want = follow_want;
  stat_class->packet = follow_packet;
  stat_class->finish = follow_finish;
}

static void
ss_follow_dialog_init (SsFollowDialog *self)
{
  SsStatDialog *dialog = SS_STAT_DIALOG (self);
  const char *shows[] = { _("ASCII"), _("Hex Dump"), _("Raw"), NULL };
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkTextBuffer *buffer;

  ss_stat_dialog_set_filter_visible (dialog, FALSE);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_monospace (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 6);
  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Wireshark's colours: the client's data red on pink, the server's blue on light blue. */
  gtk_text_buffer_create_tag (buffer, "client", "foreground", "#7f0000",
                              "paragraph-background", "#fbeded", "insert-hyphens", FALSE, NULL);
  gtk_text_buffer_create_tag (buffer, "server", "foreground", "#00007f",
                              "paragraph-background", "#ededfb", "insert-hyphens", FALSE, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  ss_stat_dialog_set_content (dialog, scrolled);

  ss_stat_dialog_add_control (dialog, gtk_label_new (_("Stream")));
  self->stream_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, G_MAXINT32, 1));
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->stream_spin));
  g_signal_connect_swapped (self->stream_spin, "value-changed", G_CALLBACK (stream_changed_cb),
                            self);
  self->directions = gtk_string_list_new (NULL);
  self->direction_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->directions),
                                                           NULL));
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->direction_drop));
  ss_stat_dialog_add_control (dialog, gtk_label_new (_("Show data as")));
  self->show_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (shows));
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->show_drop));
  g_signal_connect_swapped (self->show_drop, "notify::selected", G_CALLBACK (show_changed_cb),
                            self);
  g_signal_connect_swapped (self->direction_drop, "notify::selected",
                            G_CALLBACK (show_changed_cb), self);
}

GtkWidget *
ss_follow_dialog_new (GtkWindow     *parent,
                      SsDocument    *doc,
                      SsFollowProto  proto,
                      guint32        stream)
{
  SsFollowDialog *self = g_object_new (SS_TYPE_FOLLOW_DIALOG, "transient-for", parent,
                                       "destroy-with-parent", TRUE, NULL);
  g_autofree char *title = follow_title (proto, stream);

  self->proto = proto;
  self->stream = stream;
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_spin_button_set_value (self->stream_spin, stream);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, NULL);
  return GTK_WIDGET (self);
}

GtkWidget *
ss_follow_dialog_new_for_endpoints (GtkWindow       *parent,
                                    SsDocument      *doc,
                                    SsFollowProto    proto,
                                    const SsAddress *addr0,
                                    guint16          port0,
                                    const SsAddress *addr1,
                                    guint16          port1)
{
  SsFollowDialog *self = g_object_new (SS_TYPE_FOLLOW_DIALOG, "transient-for", parent,
                                       "destroy-with-parent", TRUE, NULL);
  self->proto = proto;
  self->by_endpoints = TRUE;
  self->addr[0] = *addr0;
  self->addr[1] = *addr1;
  self->port[0] = port0;
  self->port[1] = port1;
  /* The title comes with the stream's index, when the pass has found it. */
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, NULL);
  return GTK_WIDGET (self);
}
