/* ss-capture-dialog.c: Capture → Options */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-capture-dialog.h"
#include "ss-live-capture.h"

#define LAST_OPTIONS_KEY "ss-capture-last-options"

struct _SsCaptureDialog
{
  GtkWindow        parent_instance;

  SsWindow        *win;            /* weak */
  char           **names;
  char           **descriptions;
  GtkListBox      *list;
  GPtrArray       *checks;         /* GtkCheckButton per interface */
  GtkEntry        *filter_entry;
  GtkCheckButton  *ebpf_check;
  GtkEntry        *ebpf_entry;
  GtkSpinButton   *snaplen_spin;
  GtkLabel        *message;
};

G_DEFINE_FINAL_TYPE (SsCaptureDialog, ss_capture_dialog, GTK_TYPE_WINDOW)

static void
ss_capture_dialog_dispose (GObject *object)
{
  SsCaptureDialog *self = SS_CAPTURE_DIALOG (object);

  if (self->win)
    g_object_remove_weak_pointer (G_OBJECT (self->win), (gpointer *) &self->win);
  self->win = NULL;
  G_OBJECT_CLASS (ss_capture_dialog_parent_class)->dispose (object);
}

static void
ss_capture_dialog_finalize (GObject *object)
{
  SsCaptureDialog *self = SS_CAPTURE_DIALOG (object);

  g_strfreev (self->names);
  g_strfreev (self->descriptions);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (ss_capture_dialog_parent_class)->finalize (object);
}

static void
ss_capture_dialog_class_init (SsCaptureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ss_capture_dialog_dispose;
  object_class->finalize = ss_capture_dialog_finalize;
}

static void
ss_capture_dialog_init (SsCaptureDialog *self)
{
  self->checks = g_ptr_array_new ();
}

static void
ebpf_toggled_cb (GtkCheckButton  *check,
                 SsCaptureDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->ebpf_entry), gtk_check_button_get_active (check));
}

static void
start_clicked_cb (GtkButton       *button,
                  SsCaptureDialog *self)
{
  ss_capture_dialog_start (self);
}

static void
cancel_clicked_cb (GtkButton       *button,
                   SsCaptureDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

SsCaptureDialog *
ss_capture_dialog_new (SsWindow *win)
{
  SsCaptureDialog *self = g_object_new (SS_TYPE_CAPTURE_DIALOG, NULL);
  const SsLiveCaptureOptions *last = g_object_get_data (G_OBJECT (win), LAST_OPTIONS_KEY);
  g_autoptr(GError) error = NULL;
  GtkWidget *box, *scroll, *buttons, *start, *cancel;

  self->win = win;
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &self->win);
  gtk_window_set_title (GTK_WINDOW (self), _("Capture Options"));
  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (win));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 480);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_window_set_child (GTK_WINDOW (self), box);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroll, TRUE);
  labelled (box, _("_Interfaces"), scroll);

  if (!ss_live_capture_list_interfaces (&self->names, &self->descriptions, &error))
    {
      self->names = g_new0 (char *, 1);
      self->descriptions = g_new0 (char *, 1);
    }
  for (guint i = 0; self->names[i]; i++)
    {
      g_autofree char *text = *self->descriptions[i]
                              ? g_strdup_printf ("%s — %s", self->names[i],
                                                 self->descriptions[i])
                              : g_strdup (self->names[i]);
      GtkWidget *check = gtk_check_button_new_with_label (text);

      if (last && last->interfaces
          && g_strv_contains ((const char * const *) last->interfaces, self->names[i]))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->list, check);
    }

  self->filter_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->filter_entry, _("Capture filter (BPF), e.g. tcp port 80"));
  labelled (box, _("Capture _filter"), GTK_WIDGET (self->filter_entry));

  self->ebpf_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
                       _("Capture with _eBPF (process and cgroup of each packet)")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ebpf_check));
  self->ebpf_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->ebpf_entry, _("eBPF filter, e.g. ebpf.process.name == \"curl\""));
  labelled (box, _("e_BPF filter"), GTK_WIDGET (self->ebpf_entry));
  g_signal_connect (self->ebpf_check, "toggled", G_CALLBACK (ebpf_toggled_cb), self);

  self->snaplen_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 262144, 1));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->snaplen_spin),
                               _("0 keeps whole packets; a short snapshot hides HTTP bodies, "
                                 "TLS certificates and reassembled data"));
  labelled (box, _("_Snapshot length (bytes)"), GTK_WIDGET (self->snaplen_spin));

  if (last)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry),
                             last->capture_filter ? last->capture_filter : "");
      gtk_check_button_set_active (self->ebpf_check, last->ebpf);
      gtk_editable_set_text (GTK_EDITABLE (self->ebpf_entry),
                             last->ebpf_filter ? last->ebpf_filter : "");
      gtk_spin_button_set_value (self->snaplen_spin, last->snaplen);
    }
  ebpf_toggled_cb (self->ebpf_check, self);

  self->message = GTK_LABEL (gtk_label_new (error ? error->message : ""));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_selectable (self->message, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  start = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (start, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (start, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), start);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_default_widget (GTK_WINDOW (self), start);
  return self;
}

const char * const *
ss_capture_dialog_get_interfaces (SsCaptureDialog *self)
{
  return (const char * const *) self->names;
}

gboolean
ss_capture_dialog_select_interface (SsCaptureDialog *self,
                                    const char      *name)
{
  gboolean found = FALSE;

  for (guint i = 0; self->names[i]; i++)
    {
      gboolean match = g_strcmp0 (self->names[i], name) == 0;

      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), match);
      found |= match;
    }
  return found;
}

void
ss_capture_dialog_set_capture_filter (SsCaptureDialog *self,
                                      const char      *filter)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), filter);
}

gboolean
ss_capture_dialog_start (SsCaptureDialog *self)
{
  g_autoptr(GPtrArray) ifaces = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  SsLiveCaptureOptions opts = { 0 };

  if (!self->win)
    return FALSE;
  for (guint i = 0; self->names[i]; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (ifaces, self->names[i]);
  g_ptr_array_add (ifaces, NULL);
  opts.interfaces = (char **) ifaces->pdata;
  opts.capture_filter = (char *) gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  opts.ebpf = gtk_check_button_get_active (self->ebpf_check);
  opts.ebpf_filter = (char *) gtk_editable_get_text (GTK_EDITABLE (self->ebpf_entry));
  opts.snaplen = (guint) gtk_spin_button_get_value_as_int (self->snaplen_spin);

  g_object_set_data_full (G_OBJECT (self->win), LAST_OPTIONS_KEY,
                          ss_live_capture_options_copy (&opts),
                          (GDestroyNotify) ss_live_capture_options_free);
  if (!ss_live_capture_start (self->win, &opts, &error))
    {
      gtk_label_set_text (self->message, error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
