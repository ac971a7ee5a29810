/* ss-window-actions.c: the win.* actions behind the menus, toolbar and shortcuts */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-capture-dialog.h"
#include "ss-capwrite.h"
#include "ss-conv-dialog.h"
#include "ss-live-capture.h"
#include "ss-expert-dialog.h"
#include "ss-follow-dialog.h"
#include "ss-http-req-dialog.h"
#include "ss-io-graph-dialog.h"
#include "ss-phs-dialog.h"
#include "ss-properties-dialog.h"
#include "ss-srt-dialog.h"
#include "ss-tcp-graph-dialog.h"
#include "ss-window-private.h"

/* Actions whose windows come with later work: present in the menus, disabled until then.
 * TODO: the display filter manager. */
static const char *const later_actions[] = {
  "display-filters",
};

void
ss_window_set_action_enabled (SsWindow   *self,
                              const char *name,
                              gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static SsTreeNode *
selected_node (SsWindow *self)
{
  return ss_proto_tree_get_selected (self->proto_tree);
}

/* ------------------------------------------------------------------------------------------ */
/* File */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  SsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        ss_window_open_file (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_capture_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();
  static const char *const patterns[] = {
    "*.pcap", "*.pcapng", "*.cap", "*.ntar", "*.pcap.gz", "*.pcapng.gz", "*.cap.gz",
    "*.pcap.zst", "*.pcapng.zst", "*.pcap.lz4", "*.pcapng.lz4",
  };

  gtk_file_filter_set_name (filter, _("All Capture Files"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_add_mime_type (filter, "application/vnd.tcpdump.pcap");
  gtk_file_filter_add_mime_type (filter, "application/x-pcapng");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  g_object_unref (filter);
  g_object_unref (all);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  SsWindow *self = data;
  GtkFileChooserNative *chooser;

  /* GtkFileChooserNative: GtkFileDialog needs GTK 4.10. */
  chooser = gtk_file_chooser_native_new (_("Open Capture File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_capture_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  ss_window_open_file (SS_WINDOW (data), g_variant_get_string (param, NULL));
}

static void
close_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  ss_window_close_file (SS_WINDOW (data));
}

static void
reload_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  SsWindow *self = data;
  g_autofree char *path = NULL;
  guint frame;

  if (!self->doc)
    return;
  path = g_strdup (ss_document_get_path (self->doc));
  frame = ss_packet_list_get_selected_frame (self->packet_list);
  ss_window_open_file (self, path);
  if (frame != G_MAXUINT)
    self->pending_select = frame + 1;
}

typedef struct
{
  SsDocument *doc;
  GArray     *frames;
  char       *path;
} SaveData;

static void
save_data_free (gpointer p)
{
  SaveData *sd = p;

  ss_document_unref (sd->doc);
  g_array_unref (sd->frames);
  g_free (sd->path);
  g_free (sd);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *sd = task_data;
  SsCapWriterOptions wo = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_NONE };
  g_autoptr(SsCapWriter) writer = NULL;
  g_autofree gint *writer_if = NULL;
  g_autoptr(GError) error = NULL;
  guint n_if;

  if (g_str_has_suffix (sd->path, ".pcap") || g_str_has_suffix (sd->path, ".pcap.gz")
      || g_str_has_suffix (sd->path, ".cap"))
    wo.format = SS_CAPFILE_FORMAT_PCAP_NSEC;
  if (g_str_has_suffix (sd->path, ".gz"))
    wo.compression = SS_COMPRESSION_GZIP;
  writer = ss_cap_writer_new_for_path (sd->path, &wo, &error);
  if (!writer)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ss_document_lock (sd->doc);
  {
    SsCapfile *cap = ss_document_get_capfile (sd->doc);

    n_if = ss_capfile_get_n_interfaces (cap);
    writer_if = g_new (gint, MAX (n_if, 1u));
    for (guint i = 0; i < MAX (n_if, 1u); i++)
      writer_if[i] = -1;
    for (guint i = 0; i < sd->frames->len && !error; i++)
      {
        guint frame = g_array_index (sd->frames, guint32, i);
        const SsFrameRecord *rec = ss_capfile_get_frame (cap, frame);
        const SsInterface *iface = ss_capfile_get_interface (cap, rec->interface_id);
        g_autoptr(GArray) opts = NULL;
        g_autoptr(GArray) out_opts = NULL;

        if (rec->interface_id < n_if && writer_if[rec->interface_id] < 0)
          writer_if[rec->interface_id] =
            ss_cap_writer_add_interface (writer, ss_capfile_get_frame_link_type (cap, frame),
                                         iface ? iface->snaplen : 262144,
                                         iface ? iface->name : NULL, &error);
        if (error)
          break;
        /* Keep the packet's comments and metadata (custom options), the flags are written
         * from the record. */
        out_opts = g_array_new (FALSE, FALSE, sizeof (SsCapWriterOption));
        if (rec->has_options)
          {
            opts = ss_capfile_list_frame_options (cap, frame);
            for (guint k = 0; k < opts->len; k++)
              {
                const SsCapfileOption *o = &g_array_index (opts, SsCapfileOption, k);
                SsCapWriterOption w = { o->code, o->length, o->value };

                if (o->code != 0 && o->code != 2)
                  g_array_append_val (out_opts, w);
              }
          }
        ss_cap_writer_write_packet (writer, (guint) MAX (writer_if[rec->interface_id], 0),
                                    rec->ts_ns, ss_capfile_get_frame_data (cap, frame),
                                    rec->caplen, rec->len, rec->epb_flags, NULL,
                                    (const SsCapWriterOption *) (gpointer) out_opts->data,
                                    out_opts->len, &error);
        if ((i & 4095) == 4095 && g_cancellable_is_cancelled (cancellable))
          break;
      }
  }
  ss_document_unlock (sd->doc);
  if (!error)
    g_cancellable_set_error_if_cancelled (cancellable, &error);
  if (!error)
    ss_cap_writer_close (g_steal_pointer (&writer), &error);
  if (error)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  SsWindow *self = SS_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ss_window_show_message (self, _("The packets could not be saved."), error->message);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  SsWindow        *self)
{
  gboolean displayed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ss-displayed"));

  if (response == GTK_RESPONSE_ACCEPT && self->doc && self->model)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GTask) task = NULL;
      SaveData *sd;

      SsLiveCapture *live = ss_live_capture_get (self);

      if (file && !displayed && live && !ss_live_capture_is_running (live)
          && g_strcmp0 (ss_live_capture_get_path (live), ss_document_get_path (self->doc)) == 0)
        {
          /* A live capture is saved as the helper wrote it (0600). */
          g_autoptr(GError) error = NULL;
          g_autofree char *path = g_file_get_path (file);

          if (!ss_live_capture_save (live, path, &error))
            ss_window_show_message (self, _("The packets could not be saved."), error->message);
        }
      else if (file)
        {
          sd = g_new0 (SaveData, 1);
          sd->doc = ss_document_ref (self->doc);
          sd->path = g_file_get_path (file);
          if (displayed)
            sd->frames = ss_packet_list_model_dup_displayed (self->model);
          else
            {
              guint n = ss_document_get_n_passed (self->doc);

              sd->frames = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
              for (guint32 i = 0; i < n; i++)
                g_array_append_val (sd->frames, i);
            }
          task = g_task_new (self, NULL, save_done_cb, NULL);
          g_task_set_task_data (task, sd, save_data_free);
          g_task_run_in_thread (task, save_thread);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
ss_window_save_packets (SsWindow *self,
                        gboolean  displayed_only)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!self->doc)
    return;
  chooser = gtk_file_chooser_native_new (displayed_only ? _("Export Specified Packets")
                                                        : _("Save Capture File As"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_path_get_basename (ss_document_get_path (self->doc));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "ss-displayed", GINT_TO_POINTER (displayed_only));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  ss_window_save_packets (SS_WINDOW (data), FALSE);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  ss_window_save_packets (SS_WINDOW (data), TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* Edit */

static void
copy_text (SsWindow   *self,
           const char *text)
{
  if (text)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_summary_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  SsWindow *self = data;
  guint pos = ss_packet_list_get_selected_position (self->packet_list);
  g_autofree char *text = NULL;

  if (pos != GTK_INVALID_LIST_POSITION)
    text = ss_packet_list_dup_row_text (self->packet_list, pos);
  copy_text (self, text);
}

static void
copy_node_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  SsWindow *self = data;
  SsTreeNode *node = selected_node (self);
  const char *name = g_action_get_name (G_ACTION (action));

  if (!node)
    return;
  if (strcmp (name, "copy-value") == 0)
    copy_text (self, ss_tree_node_get_value (node) ? ss_tree_node_get_value (node)
                                                   : ss_tree_node_get_label (node));
  else if (strcmp (name, "copy-field-name") == 0)
    copy_text (self, ss_tree_node_get_abbrev (node));
  else if (strcmp (name, "copy-as-filter") == 0)
    copy_text (self, ss_tree_node_get_filter (node));
  else
    copy_text (self, ss_tree_node_get_label (node));
}

static void
copy_hex_dump_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  SsWindow *self = data;
  g_autofree char *text = ss_hex_view_dup_text (self->hex_view, 0);

  copy_text (self, text);
}

static void
find_packet_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  SsWindow *self = data;

  gtk_revealer_set_reveal_child (self->goto_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->find_revealer, TRUE);
  gtk_entry_grab_focus_without_selecting (self->find_entry);
}

static void
find_next_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  SsWindow *self = data;

  if (!gtk_revealer_get_reveal_child (self->find_revealer))
    {
      find_packet_action (action, param, data);
      return;
    }
  ss_window_start_find (self, strcmp (g_action_get_name (G_ACTION (action)), "find-previous") == 0);
}

/* ------------------------------------------------------------------------------------------ */
/* View */

static void
toggle_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  GVariant *state = g_action_get_state (G_ACTION (action));

  g_action_change_state (G_ACTION (action), g_variant_new_boolean (!g_variant_get_boolean (state)));
  g_variant_unref (state);
}

static void
show_state (GSimpleAction *action,
            GVariant      *value,
            gpointer       data)
{
  SsWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  gboolean on = g_variant_get_boolean (value);
  GtkWidget *widget = NULL;

  g_simple_action_set_state (action, value);
  if (strcmp (name, "show-toolbar") == 0)
    widget = self->toolbar;
  else if (strcmp (name, "show-filter-bar") == 0)
    widget = GTK_WIDGET (self->filter_bar);
  else if (strcmp (name, "show-status-bar") == 0)
    widget = self->statusbar;
  else if (strcmp (name, "show-packet-list") == 0)
    widget = GTK_WIDGET (self->packet_list);
  else if (strcmp (name, "show-packet-details") == 0)
    widget = GTK_WIDGET (self->proto_tree);
  else if (strcmp (name, "show-packet-bytes") == 0)
    widget = GTK_WIDGET (self->hex_view);
  if (widget)
    gtk_widget_set_visible (widget, on);
  /* A pane whose two children are hidden hides itself, so the other pane takes the room. */
  gtk_widget_set_visible (GTK_WIDGET (self->inner_paned),
                          gtk_widget_get_visible (GTK_WIDGET (self->proto_tree))
                          || gtk_widget_get_visible (GTK_WIDGET (self->hex_view)));
}

static void
colorize_state (GSimpleAction *action,
                GVariant      *value,
                gpointer       data)
{
  SsWindow *self = data;

  g_simple_action_set_state (action, value);
  ss_packet_list_set_colorize (self->packet_list, g_variant_get_boolean (value));
}

static const struct
{
  const char   *name;
  SsTimeFormat  format;
} time_formats[] = {
  { "date", SS_TIME_DATE },
  { "time", SS_TIME_TIME_OF_DAY },
  { "epoch", SS_TIME_EPOCH },
  { "relative", SS_TIME_RELATIVE },
  { "delta", SS_TIME_DELTA },
  { "delta-displayed", SS_TIME_DELTA_DISPLAYED },
  { "utc", SS_TIME_UTC_DATE },
};

static void
time_format_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       data)
{
  SsWindow *self = data;
  const char *name = g_variant_get_string (value, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (time_formats); i++)
    if (strcmp (time_formats[i].name, name) == 0)
      {
        g_simple_action_set_state (action, value);
        ss_packet_list_set_time_format (self->packet_list, time_formats[i].format);
        return;
      }
}

static void
zoom_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  SsWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (strcmp (name, "zoom-in") == 0)
    ss_window_set_zoom (self, self->zoom + 1);
  else if (strcmp (name, "zoom-out") == 0)
    ss_window_set_zoom (self, self->zoom - 1);
  else
    ss_window_set_zoom (self, 0);
}

static void
tree_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  SsWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (strcmp (name, "expand-subtrees") == 0)
    ss_proto_tree_expand_subtrees (self->proto_tree);
  else if (strcmp (name, "collapse-subtrees") == 0)
    ss_proto_tree_collapse_subtrees (self->proto_tree);
  else if (strcmp (name, "expand-all") == 0)
    ss_proto_tree_expand_all (self->proto_tree);
  else
    ss_proto_tree_collapse_all (self->proto_tree);
}

/* ------------------------------------------------------------------------------------------ */
/* Go */

static void
go_to_packet_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  SsWindow *self = data;

  gtk_revealer_set_reveal_child (self->find_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->goto_revealer, TRUE);
  gtk_label_set_text (self->goto_message, "");
  gtk_entry_grab_focus_without_selecting (self->goto_entry);
}

static void
goto_activate_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  SsWindow *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->goto_entry));
  guint64 number = 0;

  if (!self->model || !g_ascii_string_to_unsigned (g_strstrip ((char *) text), 10, 1,
                                                    G_MAXUINT32, &number, NULL))
    {
      gtk_label_set_text (self->goto_message, _("Enter a packet number."));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (number > ss_document_get_n_passed (self->doc))
    {
      gtk_label_set_text (self->goto_message, _("There is no packet with that number."));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (!ss_packet_list_select_frame (self->packet_list, (guint) number - 1))
    {
      guint pos = ss_packet_list_model_find_nearest (self->model, (guint) number - 1);

      gtk_label_set_text (self->goto_message,
                          _("That packet is not displayed; the nearest one is selected."));
      if (pos != G_MAXUINT)
        ss_packet_list_center_position (self->packet_list, pos);
    }
  else
    {
      gtk_label_set_text (self->goto_message, "");
      gtk_revealer_set_reveal_child (self->goto_revealer, FALSE);
    }
  ss_packet_list_focus (self->packet_list);
}

static void
bar_close_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  SsWindow *self = data;

  gtk_revealer_set_reveal_child (self->goto_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->find_revealer, FALSE);
  ss_packet_list_focus (self->packet_list);
}

static void
go_action (GSimpleAction *action,
           GVariant      *param,
           gpointer       data)
{
  SsWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  guint n, pos;

  if (!self->model)
    return;
  n = ss_packet_list_model_get_n_displayed (self->model);
  if (n == 0)
    return;
  pos = ss_packet_list_get_selected_position (self->packet_list);
  if (strcmp (name, "go-first") == 0)
    pos = 0;
  else if (strcmp (name, "go-last") == 0)
    pos = n - 1;
  else if (strcmp (name, "go-next") == 0)
    pos = pos == GTK_INVALID_LIST_POSITION ? 0 : MIN (pos + 1, n - 1);
  else
    pos = pos == GTK_INVALID_LIST_POSITION ? 0 : (pos > 0 ? pos - 1 : 0);
  ss_window_go_to_position (self, pos);
}

/* The conversation of the selected packet as a filter ("tcp.stream eq 3"), or NULL. */
static char *
conversation_filter (SsWindow   *self,
                     const char *kind)
{
  GListModel *roots = ss_proto_tree_get_roots (self->proto_tree);
  const char *src = NULL, *dst = NULL, *stream = NULL, *family = "ip";
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *stream_abbrev = g_strdup_printf ("%s.stream", kind);

  /* Walk the tree for the addresses and the stream number. */
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i));
  while (stack->len > 0)
    {
      SsTreeNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      const char *abbrev = ss_tree_node_get_abbrev (node);
      GListModel *children = ss_tree_node_get_children (node);

      if (abbrev && ss_tree_node_get_value (node))
        {
          if (!src && (strcmp (abbrev, "ip.src") == 0 || strcmp (abbrev, "ipv6.src") == 0))
            {
              src = ss_tree_node_get_value (node);
              family = abbrev[2] == 'v' ? "ipv6" : "ip";
            }
          else if (!dst && (strcmp (abbrev, "ip.dst") == 0 || strcmp (abbrev, "ipv6.dst") == 0))
            dst = ss_tree_node_get_value (node);
          else if (!stream && strcmp (abbrev, stream_abbrev) == 0)
            stream = ss_tree_node_get_value (node);
        }
      for (guint i = 0; children && i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (stack, g_list_model_get_item (children, i));
      /* The strings live as long as the tree nodes, which the tree keeps. */
      g_object_unref (node);
    }
  if (strcmp (kind, "ip") == 0)
    return src && dst ? g_strdup_printf ("%s.addr==%s && %s.addr==%s", family, src, family, dst)
                      : NULL;
  return stream ? g_strdup_printf ("%s.stream eq %s", kind, stream) : NULL;
}

static void
conversation_filter_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       data)
{
  SsWindow *self = data;
  g_autofree char *filter = conversation_filter (self, g_variant_get_string (param, NULL));

  if (!filter)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ss_window_apply_filter (self, filter);
}

static void
go_conversation_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       data)
{
  SsWindow *self = data;
  g_autofree char *filter = conversation_filter (self, "tcp");

  if (!filter)
    filter = conversation_filter (self, "udp");
  if (!filter)
    filter = conversation_filter (self, "ip");
  if (!filter)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_drop_down_set_selected (self->find_kind, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), filter);
  ss_window_start_find (self, strcmp (g_action_get_name (G_ACTION (action)),
                                      "go-previous-conversation") == 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Analyze */

static char *
combine_filter (const char *current,
                const char *selected,
                const char *how)
{
  gboolean negate = strstr (how, "not") != NULL;
  g_autofree char *term = negate ? g_strdup_printf ("!(%s)", selected) : g_strdup (selected);

  if (!current || !*current || strcmp (how, "selected") == 0 || strcmp (how, "not-selected") == 0)
    return g_steal_pointer (&term);
  if (g_str_has_prefix (how, "and"))
    return g_strdup_printf ("(%s) && %s", current, term);
  return g_strdup_printf ("(%s) || %s", current, term);
}

static void
as_filter_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  SsWindow *self = data;
  SsTreeNode *node = selected_node (self);
  g_autofree char *filter = NULL;
  gboolean apply = strcmp (g_action_get_name (G_ACTION (action)), "apply-as-filter") == 0;

  if (!node || !ss_tree_node_get_filter (node))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  filter = combine_filter (ss_filter_bar_get_text (self->filter_bar),
                           ss_tree_node_get_filter (node), g_variant_get_string (param, NULL));
  if (apply)
    ss_window_apply_filter (self, filter);
  else
    {
      ss_filter_bar_set_text (self->filter_bar, filter);
      ss_filter_bar_focus (self->filter_bar);
    }
}

static void
apply_as_column_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       data)
{
  SsWindow *self = data;
  SsTreeNode *node = selected_node (self);

  if (!node || !ss_tree_node_get_abbrev (node)
      || !ss_window_add_field_column (self, ss_tree_node_get_abbrev (node)))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
focus_filter_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  ss_filter_bar_focus (SS_WINDOW (data)->filter_bar);
}

static void
cancel_task_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  SsWindow *self = data;

  /* Cancelling a load keeps what was read; cancelling a filter keeps the rows shown. */
  if (self->task_cancellable)
    g_cancellable_cancel (self->task_cancellable);
  else if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
}

static void
properties_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  SsWindow *self = data;
  GtkWidget *dialog;

  if (!self->doc)
    return;
  dialog = ss_properties_dialog_new (GTK_WINDOW (self), self->doc,
                                     ss_packet_list_model_get_n_displayed (self->model),
                                     self->applied_filter);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
expert_frame_activated_cb (SsExpertDialog *dialog,
                           guint           frame,
                           SsWindow       *self)
{
  if (!ss_packet_list_select_frame (self->packet_list, frame))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_window_present (GTK_WINDOW (self));
}

static void
expert_info_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  SsWindow *self = data;
  GtkWidget *dialog;
  gboolean filtered = self->model && ss_packet_list_model_is_filtered (self->model);

  if (!self->doc || self->loading)
    return;
  dialog = ss_expert_dialog_new (GTK_WINDOW (self), self->doc,
                                 filtered ? ss_packet_list_model_dup_displayed (self->model) : NULL,
                                 filtered ? self->applied_filter : NULL);
  g_signal_connect_object (dialog, "frame-activated", G_CALLBACK (expert_frame_activated_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The display filter a statistics window starts with: the one applied, as in Wireshark. */
static const char *
stat_filter (SsWindow *self)
{
  return self->model && ss_packet_list_model_is_filtered (self->model) ? self->applied_filter
                                                                        : NULL;
}

static void
srt_http_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  SsWindow *self = data;

  if (!self->doc || self->loading)
    return;
  gtk_window_present (GTK_WINDOW (ss_srt_dialog_new (GTK_WINDOW (self), self->doc,
                                                     stat_filter (self))));
}

static void
http_requests_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  SsWindow *self = data;

  if (!self->doc || self->loading)
    return;
  gtk_window_present (GTK_WINDOW (ss_http_req_dialog_new (GTK_WINDOW (self), self->doc,
                                                          stat_filter (self))));
}

static void
phs_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  SsWindow *self = data;

  if (!self->doc || self->loading)
    return;
  gtk_window_present (GTK_WINDOW (ss_phs_dialog_new (GTK_WINDOW (self), self->doc,
                                                     stat_filter (self))));
}

static void
io_graph_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  SsWindow *self = data;

  if (!self->doc || self->loading)
    return;
  gtk_window_present (GTK_WINDOW (ss_io_graph_dialog_new (GTK_WINDOW (self), self->doc,
                                                          stat_filter (self))));
}

static void
conv_filter_activated_cb (SsConvDialog *dialog,
                          const char   *filter,
                          SsWindow     *self)
{
  ss_window_apply_filter (self, filter);
  gtk_window_present (GTK_WINDOW (self));
}

/* Conversations opens on the TCP tab, Endpoints on IPv4: what an incident looks at first. A
 * row activated filters the main window to it. */
static void
conv_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  SsWindow *self = data;
  gboolean endpoints = strcmp (g_action_get_name (G_ACTION (action)), "endpoints") == 0;
  GtkWidget *dialog;

  if (!self->doc || self->loading)
    return;
  dialog = ss_conv_dialog_new (GTK_WINDOW (self), self->doc, stat_filter (self), endpoints,
                               endpoints ? SS_CONV_IP : SS_CONV_TCP);
  g_signal_connect_object (dialog, "filter-activated", G_CALLBACK (conv_filter_activated_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The protocol a win.follow-* action follows. */
static SsFollowProto
follow_proto_of (const char *action)
{
  if (strcmp (action, "follow-udp") == 0)
    return SS_FOLLOW_UDP;
  if (strcmp (action, "follow-tls") == 0)
    return SS_FOLLOW_TLS;
  if (strcmp (action, "follow-http") == 0)
    return SS_FOLLOW_HTTP;
  return SS_FOLLOW_TCP;
}

/* Whether the selected packet's tree has protocol @abbrev at its top level (where the tree
 * puts each protocol of the packet, as Wireshark's frame protocols). */
static gboolean
selected_has_protocol (SsWindow   *self,
                       const char *abbrev)
{
  GListModel *roots = ss_proto_tree_get_roots (self->proto_tree);

  for (guint i = 0; roots && i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(SsTreeNode) node = g_list_model_get_item (roots, i);
      const char *name = ss_tree_node_get_abbrev (node);

      if (name && strcmp (name, abbrev) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The first value of each of @abbrevs in the selected packet's tree, in tree order (the outer
 * headers before those an ICMP error quotes); @values[i] NULL where none. The strings live as
 * long as the tree. */
static void
selected_values (SsWindow          *self,
                 const char *const *abbrevs,
                 const char       **values)
{
  GListModel *roots = ss_proto_tree_get_roots (self->proto_tree);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; abbrevs[i]; i++)
    values[i] = NULL;
  for (guint i = g_list_model_get_n_items (roots); i > 0; i--)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i - 1));
  while (stack->len > 0)
    {
      g_autoptr(SsTreeNode) node = g_ptr_array_steal_index (stack, stack->len - 1);
      const char *abbrev = ss_tree_node_get_abbrev (node);
      GListModel *children = ss_tree_node_get_children (node);

      for (guint i = 0; abbrev && abbrevs[i]; i++)
        if (!values[i] && strcmp (abbrev, abbrevs[i]) == 0)
          values[i] = ss_tree_node_get_value (node);
      for (guint i = children ? g_list_model_get_n_items (children) : 0; i > 0; i--)
        g_ptr_array_add (stack, g_list_model_get_item (children, i - 1));
    }
}

static gboolean
parse_address (const char *text,
               SsAddress  *addr)
{
  g_autoptr(GInetAddress) inet = text ? g_inet_address_new_from_string (text) : NULL;
  gsize len;

  if (!inet)
    return FALSE;
  len = g_inet_address_get_native_size (inet);
  memset (addr, 0, sizeof *addr);
  addr->type = len == 4 ? SS_ADDR_IPV4 : SS_ADDR_IPV6;
  addr->len = (guint8) len;
  memcpy (addr->data, g_inet_address_to_bytes (inet), len);
  return TRUE;
}

/* Follows the selected packet's UDP conversation: by its endpoints, as the display filter has
 * no udp.stream; the main window shows the conversation with the filter Wireshark 2 used. */
static void
follow_udp (SsWindow *self)
{
  static const char *const v4[] = { "ip.src", "ip.dst", "udp.srcport", "udp.dstport", NULL };
  static const char *const v6[] = { "ipv6.src", "ipv6.dst", "udp.srcport", "udp.dstport", NULL };
  const char *values[4];
  const char *family = "ip";
  SsAddress a0, a1;
  guint64 p0, p1;
  g_autofree char *filter = NULL;

  selected_values (self, v4, values);
  if (!values[0])
    {
      selected_values (self, v6, values);
      family = "ipv6";
    }
  if (!parse_address (values[0], &a0) || !parse_address (values[1], &a1)
      || !values[2] || !g_ascii_string_to_unsigned (values[2], 10, 0, G_MAXUINT16, &p0, NULL)
      || !values[3] || !g_ascii_string_to_unsigned (values[3], 10, 0, G_MAXUINT16, &p1, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  filter = g_strdup_printf ("(%s.addr eq %s and %s.addr eq %s) and (udp.port eq %s and udp.port "
                            "eq %s)", family, values[0], family, values[1], values[2], values[3]);
  ss_window_apply_filter (self, filter);
  gtk_window_present (GTK_WINDOW (ss_follow_dialog_new_for_endpoints (
    GTK_WINDOW (self), self->doc, SS_FOLLOW_UDP, &a0, (guint16) p0, &a1, (guint16) p1)));
}

/* Follows the selected packet's TCP stream (TLS and HTTP: the TLS records or HTTP messages of
 * it) and shows only that stream, as Wireshark does; UDP by its endpoints. */
static void
follow_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  SsWindow *self = data;
  SsFollowProto proto = follow_proto_of (g_action_get_name (G_ACTION (action)));
  g_autofree char *filter = NULL;
  guint64 stream;

  if (!self->doc || self->loading)
    return;
  if (proto == SS_FOLLOW_UDP)
    {
      follow_udp (self);
      return;
    }
  filter = conversation_filter (self, "tcp");
  if (!filter || !g_ascii_string_to_unsigned (filter + strlen ("tcp.stream eq "), 10, 0,
                                              G_MAXUINT32, &stream, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ss_window_apply_filter (self, filter);
  gtk_window_present (GTK_WINDOW (ss_follow_dialog_new (GTK_WINDOW (self), self->doc, proto,
                                                        (guint32) stream)));
}

/* Statistics → TCP Stream Graphs → X: the selected packet's stream (0 without one), the data
 * of the side that sent first (usually the client's uploads); the window switches graph and
 * direction. */
static void
tcp_graph_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  SsWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  SsTcpGraphType type = strcmp (name, "tcp-stevens") == 0 ? SS_TCP_GRAPH_STEVENS
                        : strcmp (name, "tcp-throughput") == 0 ? SS_TCP_GRAPH_THROUGHPUT
                        : strcmp (name, "tcp-rtt") == 0 ? SS_TCP_GRAPH_RTT
                        : SS_TCP_GRAPH_WINDOW_SCALING;
  g_autofree char *filter = NULL;
  guint64 stream = 0;

  if (!self->doc || self->loading)
    return;
  filter = conversation_filter (self, "tcp");
  if (filter)
    g_ascii_string_to_unsigned (filter + strlen ("tcp.stream eq "), 10, 0, G_MAXUINT32, &stream,
                                NULL);
  gtk_window_present (GTK_WINDOW (ss_tcp_graph_dialog_new (GTK_WINDOW (self), self->doc,
                                                           (guint32) stream, 0, type)));
}

static void
capture_options_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       data)
{
  gtk_window_present (GTK_WINDOW (ss_capture_dialog_new (SS_WINDOW (data))));
}

static void
capture_start_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  SsWindow *self = SS_WINDOW (data);
  const SsLiveCaptureOptions *last = g_object_get_data (G_OBJECT (self),
                                                        "ss-capture-last-options");
  g_autoptr(GError) error = NULL;

  /* Again with the last options, as Wireshark's Start; the dialog the first time. */
  if (!last)
    {
      capture_options_action (action, param, data);
      return;
    }
  if (!ss_live_capture_start (self, last, &error))
    ss_window_show_message (self, _("The capture could not be started."), error->message);
}

static void
capture_stop_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  SsLiveCapture *live = ss_live_capture_get (SS_WINDOW (data));

  if (live)
    ss_live_capture_stop (live);
  ss_live_capture_update_actions (SS_WINDOW (data));
}

static void
nothing_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  /* Disabled until its window exists. */
}

static const GActionEntry win_entries[] = {
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "close", close_action },
  { "reload", reload_action },
  { "save-as", save_as_action },
  { "export-specified", export_action },
  { "copy-summary", copy_summary_action },
  { "copy-description", copy_node_action },
  { "copy-field-name", copy_node_action },
  { "copy-value", copy_node_action },
  { "copy-as-filter", copy_node_action },
  { "copy-hex-dump", copy_hex_dump_action },
  { "find-packet", find_packet_action },
  { "find-next", find_next_action },
  { "find-previous", find_next_action },
  { "show-toolbar", toggle_action, NULL, "true", show_state },
  { "show-filter-bar", toggle_action, NULL, "true", show_state },
  { "show-status-bar", toggle_action, NULL, "true", show_state },
  { "show-packet-list", toggle_action, NULL, "true", show_state },
  { "show-packet-details", toggle_action, NULL, "true", show_state },
  { "show-packet-bytes", toggle_action, NULL, "true", show_state },
  { "time-format", NULL, "s", "'relative'", time_format_state },
  { "colorize", toggle_action, NULL, "true", colorize_state },
  { "zoom-in", zoom_action },
  { "zoom-out", zoom_action },
  { "zoom-normal", zoom_action },
  { "expand-subtrees", tree_action },
  { "collapse-subtrees", tree_action },
  { "expand-all", tree_action },
  { "collapse-all", tree_action },
  { "go-to-packet", go_to_packet_action },
  { "goto-activate", goto_activate_action },
  { "bar-close", bar_close_action },
  { "go-next", go_action },
  { "go-previous", go_action },
  { "go-first", go_action },
  { "go-last", go_action },
  { "go-next-conversation", go_conversation_action },
  { "go-previous-conversation", go_conversation_action },
  { "apply-as-filter", as_filter_action, "s" },
  { "apply-as-column", apply_as_column_action },
  { "prepare-as-filter", as_filter_action, "s" },
  { "conversation-filter", conversation_filter_action, "s" },
  { "focus-filter", focus_filter_action },
  { "cancel-task", cancel_task_action },
  { "capture-file-properties", properties_action },
  { "capture-start", capture_start_action },
  { "capture-stop", capture_stop_action },
  { "capture-options", capture_options_action },
  { "display-filters", nothing_action },
  { "follow-tcp", follow_action },
  { "follow-udp", follow_action },
  { "follow-tls", follow_action },
  { "follow-http", follow_action },
  { "expert-info", expert_info_action },
  { "protocol-hierarchy", phs_action },
  { "conversations", conv_action },
  { "endpoints", conv_action },
  { "io-graph", io_graph_action },
  { "srt-http", srt_http_action },
  { "http-requests", http_requests_action },
  { "tcp-stevens", tcp_graph_action },
  { "tcp-throughput", tcp_graph_action },
  { "tcp-rtt", tcp_graph_action },
  { "tcp-window-scaling", tcp_graph_action },
};

void
ss_window_install_actions (SsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (later_actions); i++)
    ss_window_set_action_enabled (self, later_actions[i], FALSE);
  ss_live_capture_update_actions (self);
}

void
ss_window_update_actions (SsWindow *self)
{
  gboolean have_doc = self->doc != NULL;
  gboolean rows = self->model && ss_packet_list_model_get_n_displayed (self->model) > 0;
  gboolean selected = ss_packet_list_get_selected_frame (self->packet_list) != G_MAXUINT;
  SsTreeNode *node = selected_node (self);
  static const char *const need_doc[] = {
    "close", "reload", "capture-file-properties",
  };
  static const char *const need_loaded[] = {
    "save-as", "export-specified", "expert-info", "srt-http", "conversations",
    "endpoints", "http-requests", "io-graph", "protocol-hierarchy",
  };
  static const char *const need_rows[] = {
    "go-to-packet", "goto-activate", "go-next", "go-previous", "go-first", "go-last",
    "find-packet", "find-next", "find-previous",
  };
  static const char *const need_packet[] = {
    "copy-summary", "copy-hex-dump", "expand-all", "collapse-all", "conversation-filter",
    "go-next-conversation", "go-previous-conversation",
  };
  static const char *const need_field[] = {
    "copy-description", "copy-field-name", "copy-value", "expand-subtrees", "collapse-subtrees",
    "apply-as-column",
  };
  static const char *const need_filter[] = {
    "apply-as-filter", "prepare-as-filter", "copy-as-filter",
  };

  for (guint i = 0; i < G_N_ELEMENTS (need_doc); i++)
    ss_window_set_action_enabled (self, need_doc[i], have_doc);
  for (guint i = 0; i < G_N_ELEMENTS (need_loaded); i++)
    ss_window_set_action_enabled (self, need_loaded[i], have_doc && !self->loading);
  for (guint i = 0; i < G_N_ELEMENTS (need_rows); i++)
    ss_window_set_action_enabled (self, need_rows[i], rows);
  for (guint i = 0; i < G_N_ELEMENTS (need_packet); i++)
    ss_window_set_action_enabled (self, need_packet[i], selected);
  for (guint i = 0; i < G_N_ELEMENTS (need_field); i++)
    ss_window_set_action_enabled (self, need_field[i], node != NULL);
  /* Follow → X Stream only for a packet of that protocol, as in Wireshark. */
  {
    static const struct { const char *action, *proto; } follows[] = {
      { "follow-tcp", "tcp" }, { "follow-udp", "udp" },
      { "follow-tls", "tls" }, { "follow-http", "http" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (follows); i++)
      ss_window_set_action_enabled (self, follows[i].action,
                                    selected && have_doc && !self->loading
                                    && selected_has_protocol (self, follows[i].proto));
  }
  ss_window_set_action_enabled (self, "tcp-stevens", have_doc && !self->loading);
  ss_window_set_action_enabled (self, "tcp-throughput", have_doc && !self->loading);
  ss_window_set_action_enabled (self, "tcp-rtt", have_doc && !self->loading);
  ss_window_set_action_enabled (self, "tcp-window-scaling", have_doc && !self->loading);
  for (guint i = 0; i < G_N_ELEMENTS (need_filter); i++)
    ss_window_set_action_enabled (self, need_filter[i],
                                  node != NULL && ss_tree_node_get_filter (node) != NULL);
  ss_window_set_action_enabled (self, "cancel-task",
                                self->loading || self->task_cancellable != NULL);
  ss_live_capture_update_actions (self);
}
