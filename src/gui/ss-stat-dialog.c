/* ss-stat-dialog.c: the frame of every statistics window, and the worker that feeds it */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-stat-dialog.h"
#include "ss-ui-path.h"

typedef struct
{
  GtkBox         *header_box;
  GtkWidget      *filter_box;
  GtkEntry       *filter_entry;
  GtkBox         *controls_box;
  GtkButton      *apply_button;
  GtkStack       *stack;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;
  GtkBox         *content_box;
  GtkLabel       *summary_label;

  SsDocument     *doc;
  GCancellable   *cancellable;
  guint           progress_source;
  gint            progress;       /* permille, atomic */
  gboolean        running;
  gboolean        rerun_pending;  /* asked again while running: once it is over */
  gboolean        ready;
  char           *filter;
} SsStatDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SsStatDialog, ss_stat_dialog, GTK_TYPE_WINDOW)

static void
packet_cb (SsPacket *pkt,
           gpointer  data)
{
  SsStatDialog *self = data;

  SS_STAT_DIALOG_GET_CLASS (self)->packet (self, pkt);
}

static void
stat_want (SsEngine *engine,
           gpointer  data)
{
  SsStatDialog *self = data;

  SS_STAT_DIALOG_GET_CLASS (self)->want (self, engine);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SsStatDialog *self = source;
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  /* Every frame, in order: the statistic applies its filter and needs the first packet for
   * relative times, as a tshark tap does. Its fields are asked for again before each batch:
   * loading and filtering use the engine in between. */
  if (!ss_document_foreach_packet_want (priv->doc, NULL, stat_want, self, packet_cb, self,
                                        cancellable, &priv->progress))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  SsStatDialog *self = SS_STAT_DIALOG (source);
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  priv->running = FALSE;
  g_clear_handle_id (&priv->progress_source, g_source_remove);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;   /* cancelled: the window is closing */
  gtk_widget_set_sensitive (GTK_WIDGET (priv->apply_button), TRUE);
  SS_STAT_DIALOG_GET_CLASS (self)->finish (self);
  gtk_stack_set_visible_child_name (priv->stack, "result");
  if (priv->rerun_pending)
    {
      /* A control changed during the run: count again with it rather than show a stale result
       * as the answer. */
      priv->rerun_pending = FALSE;
      ss_stat_dialog_rerun (self);
      return;
    }
  priv->ready = TRUE;
}

static gboolean
progress_tick (gpointer data)
{
  SsStatDialog *self = data;
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  gtk_progress_bar_set_fraction (priv->progress_bar, g_atomic_int_get (&priv->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

void
ss_stat_dialog_rerun (SsStatDialog *self)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *filter = NULL;

  g_return_if_fail (SS_IS_STAT_DIALOG (self));
  if (!priv->doc)
    return;
  if (priv->running)
    {
      priv->rerun_pending = TRUE;
      priv->ready = FALSE;
      return;
    }
  filter = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->filter_entry))));
  priv->ready = FALSE;
  if (!SS_STAT_DIALOG_GET_CLASS (self)->prepare (self, filter, &error))
    {
      gtk_label_set_text (priv->error_label, error ? error->message : "");
      gtk_stack_set_visible_child_name (priv->stack, "error");
      priv->ready = TRUE;
      return;
    }
  g_free (priv->filter);
  priv->filter = g_steal_pointer (&filter);
  priv->running = TRUE;
  g_atomic_int_set (&priv->progress, 0);
  gtk_progress_bar_set_fraction (priv->progress_bar, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (priv->apply_button), FALSE);
  gtk_stack_set_visible_child_name (priv->stack, "busy");
  task = g_task_new (self, priv->cancellable, run_done_cb, NULL);
  g_task_run_in_thread (task, run_thread);
  priv->progress_source = g_timeout_add (50, progress_tick, self);
}

static void
apply_cb (SsStatDialog *self)
{
  ss_stat_dialog_rerun (self);
}

void
ss_stat_dialog_start (SsStatDialog *self,
                      SsDocument   *doc,
                      const char   *filter)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  g_return_if_fail (SS_IS_STAT_DIALOG (self));
  g_return_if_fail (priv->doc == NULL);
  priv->doc = ss_document_ref (doc);
  gtk_editable_set_text (GTK_EDITABLE (priv->filter_entry), filter ? filter : "");
  ss_stat_dialog_rerun (self);
}

SsDocument *
ss_stat_dialog_get_document (SsStatDialog *self)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  return priv->doc;
}

void
ss_stat_dialog_set_content (SsStatDialog *self,
                            GtkWidget    *content)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (priv->content_box, content);
}

void
ss_stat_dialog_add_control (SsStatDialog *self,
                            GtkWidget    *control)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  gtk_box_append (priv->controls_box, control);
}

void
ss_stat_dialog_set_filter_visible (SsStatDialog *self,
                                   gboolean      visible)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  gtk_widget_set_visible (priv->filter_box, visible);
  gtk_widget_set_hexpand (GTK_WIDGET (priv->controls_box), !visible);
}

void
ss_stat_dialog_set_summary (SsStatDialog *self,
                            const char   *text)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  gtk_label_set_text (priv->summary_label, text ? text : "");
}

const char *
ss_stat_dialog_get_summary (SsStatDialog *self)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  return gtk_label_get_text (priv->summary_label);
}

gboolean
ss_stat_dialog_is_ready (SsStatDialog *self)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  return priv->ready;
}

const char *
ss_stat_dialog_get_filter (SsStatDialog *self)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  return priv->filter ? priv->filter : "";
}

static void
ss_stat_dialog_dispose (GObject *object)
{
  SsStatDialog *self = SS_STAT_DIALOG (object);
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  /* A running worker holds the task, and so this window, until it returns. */
  if (priv->cancellable)
    g_cancellable_cancel (priv->cancellable);
  g_clear_handle_id (&priv->progress_source, g_source_remove);
  /* No gtk_widget_dispose_template(): GTK 4.8 looks the template up on the subclass, which has
   * none, and fails. GtkWindow disposes its child, the template's box, itself. */
  G_OBJECT_CLASS (ss_stat_dialog_parent_class)->dispose (object);
}

static void
ss_stat_dialog_finalize (GObject *object)
{
  SsStatDialog *self = SS_STAT_DIALOG (object);
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->doc, ss_document_unref);
  g_free (priv->filter);
  G_OBJECT_CLASS (ss_stat_dialog_parent_class)->finalize (object);
}

static void
ss_stat_dialog_class_init (SsStatDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_stat_dialog_dispose;
  object_class->finalize = ss_stat_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-stat-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, header_box);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, filter_box);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, filter_entry);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, controls_box);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, apply_button);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, stack);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, progress_bar);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, content_box);
  gtk_widget_class_bind_template_child_private (widget_class, SsStatDialog, summary_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ss_stat_dialog_init (SsStatDialog *self)
{
  SsStatDialogPrivate *priv = ss_stat_dialog_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (priv->apply_button, "clicked", G_CALLBACK (apply_cb), self);
  g_signal_connect_swapped (priv->filter_entry, "activate", G_CALLBACK (apply_cb), self);
  gtk_stack_set_visible_child_name (priv->stack, "busy");
}
