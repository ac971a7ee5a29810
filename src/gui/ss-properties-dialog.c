/* ss-properties-dialog.c: what Wireshark's Capture File Properties shows */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-properties-dialog.h"
#include "ss-ui-path.h"

struct _SsPropertiesDialog
{
  GtkWindow    parent_instance;
  GtkTextView *text_view;
  char        *text;
};

G_DEFINE_FINAL_TYPE (SsPropertiesDialog, ss_properties_dialog, GTK_TYPE_WINDOW)

static const char *
format_name (const SsCapfile *cap)
{
  switch (ss_capfile_get_format (cap))
    {
    case SS_CAPFILE_FORMAT_PCAP: return "Wireshark/tcpdump/... - pcap";
    case SS_CAPFILE_FORMAT_PCAP_NSEC: return "Wireshark/tcpdump/... - nanosecond pcap";
    case SS_CAPFILE_FORMAT_PCAPNG:
    default: return "Wireshark/... - pcapng";
    }
}

static const char *
compression_name (const SsCapfile *cap)
{
  switch (ss_capfile_get_compression (cap))
    {
    case SS_COMPRESSION_GZIP: return " (gzip compressed)";
    case SS_COMPRESSION_ZSTD: return " (zstd compressed)";
    case SS_COMPRESSION_LZ4: return " (lz4 compressed)";
    case SS_COMPRESSION_NONE:
    default: return "";
    }
}

static void
append_time (GString *out,
             gint64   ns)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (ns / 1000000000);
  g_autofree char *s = dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : NULL;

  g_string_append (out, s ? s : "?");
}

static void
append_row (GString    *out,
            const char *label,
            const char *captured,
            const char *displayed)
{
  g_string_append_printf (out, "  %-24s %-18s %s\n", label, captured, displayed);
}

static char *
build_report (SsDocument *doc,
              guint       n_displayed,
              const char *filter)
{
  GString *out = g_string_new (NULL);
  SsCapfile *cap;
  guint n, n_if;
  guint64 bytes = 0;
  gint64 first = 0, last = 0;
  g_auto(GStrv) comments = NULL;

  ss_document_lock (doc);
  cap = ss_document_get_capfile (doc);
  n = ss_document_get_n_passed (doc);
  if (!cap)
    {
      ss_document_unlock (doc);
      g_string_append (out, _("The file is still being opened."));
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < n; i++)
    bytes += ss_capfile_get_frame (cap, i)->len;
  if (n > 0)
    {
      first = ss_capfile_get_frame (cap, 0)->ts_ns;
      last = ss_capfile_get_frame (cap, n - 1)->ts_ns;
    }

  g_string_append_printf (out, "%s\n", _("File"));
  g_string_append_printf (out, "  %-12s %s\n", _("Name:"), ss_document_get_path (doc));
  g_string_append_printf (out, "  %-12s %" G_GUINT64_FORMAT " %s\n", _("Length:"),
                          ss_capfile_get_file_size (cap), _("bytes"));
  g_string_append_printf (out, "  %-12s %s%s\n\n", _("Format:"), format_name (cap),
                          compression_name (cap));

  g_string_append_printf (out, "%s\n", _("Time"));
  g_string_append_printf (out, "  %-16s ", _("First packet:"));
  append_time (out, first);
  g_string_append_printf (out, "\n  %-16s ", _("Last packet:"));
  append_time (out, last);
  g_string_append_printf (out, "\n  %-16s %.3f s\n\n", _("Elapsed:"), (last - first) / 1e9);

  g_string_append_printf (out, "%s\n", _("Capture"));
  g_string_append_printf (out, "  %-16s %s\n", _("Hardware:"),
                          ss_capfile_get_shb_hardware (cap) ? ss_capfile_get_shb_hardware (cap)
                                                            : _("Unknown"));
  g_string_append_printf (out, "  %-16s %s\n", _("OS:"),
                          ss_capfile_get_shb_os (cap) ? ss_capfile_get_shb_os (cap) : _("Unknown"));
  g_string_append_printf (out, "  %-16s %s\n\n", _("Application:"),
                          ss_capfile_get_shb_application (cap)
                          ? ss_capfile_get_shb_application (cap) : _("Unknown"));

  g_string_append_printf (out, "%s\n", _("Interfaces"));
  n_if = ss_capfile_get_n_interfaces (cap);
  for (guint i = 0; i < n_if; i++)
    {
      const SsInterface *iface = ss_capfile_get_interface (cap, i);

      g_string_append_printf (out, "  %-16s %s: %u, %s: %u\n",
                              iface->name ? iface->name : _("Unknown"), _("link type"),
                              iface->link_type, _("snapshot length"), iface->snaplen);
    }
  comments = ss_capfile_dup_section_comments (cap);
  ss_document_unlock (doc);

  g_string_append_printf (out, "\n%s\n", _("Statistics"));
  append_row (out, _("Measurement"), _("Captured"), _("Displayed"));
  {
    char a[64], b[64];
    double span = (last - first) / 1e9;

    g_snprintf (a, sizeof a, "%u", n);
    g_snprintf (b, sizeof b, "%u (%.1f%%)", n_displayed, n ? 100.0 * n_displayed / n : 0.0);
    append_row (out, _("Packets"), a, b);
    g_snprintf (a, sizeof a, "%.3f", span);
    append_row (out, _("Time span, s"), a, "");
    g_snprintf (a, sizeof a, "%.1f", span > 0 ? n / span : 0.0);
    append_row (out, _("Average pps"), a, "");
    g_snprintf (a, sizeof a, "%.0f", n ? (double) bytes / n : 0.0);
    append_row (out, _("Average packet size, B"), a, "");
    g_snprintf (a, sizeof a, "%" G_GUINT64_FORMAT, bytes);
    append_row (out, _("Bytes"), a, "");
    g_snprintf (a, sizeof a, "%.0f", span > 0 ? bytes / span : 0.0);
    append_row (out, _("Average bytes/s"), a, "");
  }
  if (filter && *filter)
    g_string_append_printf (out, "  %s %s\n", _("Display filter:"), filter);

  if (comments)
    {
      g_string_append_printf (out, "\n%s\n", _("Capture File Comments"));
      for (guint i = 0; comments[i]; i++)
        g_string_append_printf (out, "  %s\n", comments[i]);
    }
  return g_string_free (out, FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SsPropertiesDialog *self = SS_PROPERTIES_DIALOG (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text);
}

const char *
ss_properties_dialog_get_text (SsPropertiesDialog *self)
{
  return self->text;
}

static void
ss_properties_dialog_finalize (GObject *object)
{
  g_free (SS_PROPERTIES_DIALOG (object)->text);
  G_OBJECT_CLASS (ss_properties_dialog_parent_class)->finalize (object);
}

static void
ss_properties_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SS_TYPE_PROPERTIES_DIALOG);
  G_OBJECT_CLASS (ss_properties_dialog_parent_class)->dispose (object);
}

static void
ss_properties_dialog_class_init (SsPropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_properties_dialog_dispose;
  object_class->finalize = ss_properties_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_RESOURCE_UI "ss-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsPropertiesDialog, text_view);
  gtk_widget_class_install_action (widget_class, "properties.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ss_properties_dialog_init (SsPropertiesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ss_properties_dialog_new (GtkWindow  *parent,
                          SsDocument *doc,
                          guint       n_displayed,
                          const char *filter)
{
  SsPropertiesDialog *self = g_object_new (SS_TYPE_PROPERTIES_DIALOG, "transient-for", parent,
                                           "destroy-with-parent", TRUE, NULL);

  self->text = build_report (doc, n_displayed, filter);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->text, -1);
  return GTK_WIDGET (self);
}
