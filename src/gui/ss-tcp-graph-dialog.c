/* ss-tcp-graph-dialog.c: receive window and bytes in flight of one TCP stream, with cairo */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ss-tcp-graph-dialog.h"

struct _SsTcpGraphDialog
{
  SsStatDialog    parent_instance;

  GtkDrawingArea *area;
  GtkSpinButton  *stream_spin;
  GtkDropDown    *direction_drop;
  SsTcpGraph     *graph;      /* the worker's while it runs */
  SsTcpGraph     *shown;      /* the one drawn */
  guint32         stream;
  guint           direction;
};

G_DEFINE_FINAL_TYPE (SsTcpGraphDialog, ss_tcp_graph_dialog, SS_TYPE_STAT_DIALOG)

static gboolean
tcp_prepare (SsStatDialog *dialog,
             const char   *filter,
             GError      **error)
{
  SsTcpGraphDialog *self = SS_TCP_GRAPH_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  guint32 stream = (guint32) gtk_spin_button_get_value_as_int (self->stream_spin);
  guint direction = gtk_drop_down_get_selected (self->direction_drop) == 1 ? 1 : 0;
  SsTcpGraph *graph = ss_tcp_graph_new (reg, stream, direction, error);

  if (!graph)
    return FALSE;
  g_clear_pointer (&self->graph, ss_tcp_graph_free);
  self->graph = graph;
  self->stream = stream;
  self->direction = direction;
  return TRUE;
}

static void
tcp_want (SsStatDialog *dialog,
          SsEngine     *engine)
{
  ss_tcp_graph_want (SS_TCP_GRAPH_DIALOG (dialog)->graph, engine);
}

static void
tcp_packet (SsStatDialog   *dialog,
            const SsPacket *pkt)
{
  ss_tcp_graph_packet (SS_TCP_GRAPH_DIALOG (dialog)->graph, pkt);
}

static void
tcp_finish (SsStatDialog *dialog)
{
  SsTcpGraphDialog *self = SS_TCP_GRAPH_DIALOG (dialog);
  guint n_win = 0, n_flight = 0, n_zero = 0;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  g_clear_pointer (&self->shown, ss_tcp_graph_free);
  self->shown = g_steal_pointer (&self->graph);
  ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_WINDOW, &n_win);
  ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_IN_FLIGHT, &n_flight);
  ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_ZERO_WINDOW, &n_zero);
  title = g_strdup_printf (_("Window Scaling for tcp.stream eq %u"), self->stream);
  gtk_window_set_title (GTK_WINDOW (self), title);
  summary = g_strdup_printf (_("Receive window: %u segments · Bytes in flight: %u segments · "
                               "Zero windows: %u"), n_win, n_flight, n_zero);
  ss_stat_dialog_set_summary (dialog, summary);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* ---- drawing ------------------------------------------------------------------------------ */

static double
nice_step (double range,
           int    ticks)
{
  double raw = range / MAX (ticks, 1);
  double mag = pow (10, floor (log10 (raw)));
  double norm = raw / mag;

  return (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           double      yalign)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  SsTcpGraphDialog *self = data;
  GtkWidget *widget = GTK_WIDGET (area);
  const double left = 80, right = 20, top = 30, bottom = 40;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  const SsGraphPoint *win, *flight, *zero;
  guint n_win, n_flight, n_zero;
  double t_min = G_MAXDOUBLE, t_max = -G_MAXDOUBLE, y_max = 0, step;
  static const struct { const char *name; double r, g, b; } legend[] = {
    { N_("Receive window"), 0.15, 0.60, 0.20 },
    { N_("Bytes in flight"), 0.20, 0.40, 0.80 },
    { N_("Zero window"), 0.85, 0.15, 0.15 },
  };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (!self->shown || plot_w < 50 || plot_h < 50)
    return;
  win = ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_WINDOW, &n_win);
  flight = ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_IN_FLIGHT, &n_flight);
  zero = ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_ZERO_WINDOW, &n_zero);
  for (guint i = 0; i < n_win; i++)
    {
      t_min = MIN (t_min, win[i].t);
      t_max = MAX (t_max, win[i].t);
      y_max = MAX (y_max, win[i].y);
    }
  for (guint i = 0; i < n_flight; i++)
    {
      t_min = MIN (t_min, flight[i].t);
      t_max = MAX (t_max, flight[i].t);
      y_max = MAX (y_max, flight[i].y);
    }
  if (n_win + n_flight == 0)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_text (widget, cr, _("No segment of this stream in this direction."), width / 2.0,
                 height / 2.0, 0.5, 0.5);
      return;
    }
  if (t_max <= t_min)
    t_max = t_min + 1;
  if (y_max <= 0)
    y_max = 1;
  step = nice_step (y_max, 5);
  y_max = ceil (y_max * 1.05 / step) * step;

#define X(t) (left + ((t) - t_min) / (t_max - t_min) * plot_w)
#define Y(v) (top + plot_h - (v) / y_max * plot_h)

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= y_max + step / 2; v += step)
    {
      g_autofree char *label = g_strdup_printf ("%g", v);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_move_to (cr, left, floor (Y (v)) + 0.5);
      cairo_line_to (cr, left + plot_w, floor (Y (v)) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      draw_text (widget, cr, label, left - 6, Y (v), 1, 0.5);
    }
  step = nice_step (t_max - t_min, 8);
  for (double t = ceil (t_min / step) * step; t <= t_max + step / 1000; t += step)
    {
      g_autofree char *label = g_strdup_printf ("%g", t);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, floor (X (t)) + 0.5, top + plot_h);
      cairo_line_to (cr, floor (X (t)) + 0.5, top + plot_h + 4);
      cairo_stroke (cr);
      draw_text (widget, cr, label, X (t), top + plot_h + 6, 0.5, 0);
    }
  draw_text (widget, cr, _("Time (s)"), left + plot_w / 2, height - 2, 0.5, 1);
  draw_text (widget, cr, _("Bytes"), left, 4, 0, 0);
  cairo_rectangle (cr, left + 0.5, top + 0.5, plot_w, plot_h);
  cairo_stroke (cr);

  /* The window holds until the receiver's next segment: a step line. */
  cairo_set_source_rgb (cr, legend[0].r, legend[0].g, legend[0].b);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n_win; i++)
    {
      if (i == 0)
        cairo_move_to (cr, X (win[i].t), Y (win[i].y));
      else
        {
          cairo_line_to (cr, X (win[i].t), Y (win[i - 1].y));
          cairo_line_to (cr, X (win[i].t), Y (win[i].y));
        }
    }
  if (n_win > 0)
    cairo_line_to (cr, X (t_max), Y (win[n_win - 1].y));
  cairo_stroke (cr);

  /* Bytes in flight: one dot per sender's segment. */
  cairo_set_source_rgb (cr, legend[1].r, legend[1].g, legend[1].b);
  for (guint i = 0; i < n_flight; i++)
    {
      cairo_arc (cr, X (flight[i].t), Y (flight[i].y), 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* Zero windows: a red triangle on the time axis. */
  cairo_set_source_rgb (cr, legend[2].r, legend[2].g, legend[2].b);
  for (guint i = 0; i < n_zero; i++)
    {
      double x = X (zero[i].t), y = Y (0);

      cairo_move_to (cr, x, y - 9);
      cairo_line_to (cr, x - 5, y);
      cairo_line_to (cr, x + 5, y);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
#undef X
#undef Y

  {
    double x = left + plot_w - 8;

    for (gint i = G_N_ELEMENTS (legend) - 1; i >= 0; i--)
      {
        PangoLayout *layout = gtk_widget_create_pango_layout (widget, _(legend[i].name));
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        x -= w;
        cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
        cairo_move_to (cr, x, top + 6);
        pango_cairo_show_layout (cr, layout);
        cairo_set_source_rgb (cr, legend[i].r, legend[i].g, legend[i].b);
        cairo_rectangle (cr, x - 16, top + 6 + h / 2.0 - 5, 10, 10);
        cairo_fill (cr);
        x -= 32;
        g_object_unref (layout);
      }
  }
}

/* ---- the window --------------------------------------------------------------------------- */

static void
control_changed_cb (SsTcpGraphDialog *self)
{
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

void
ss_tcp_graph_dialog_set_stream (SsTcpGraphDialog *self,
                                guint32           stream,
                                guint             direction)
{
  g_signal_handlers_block_by_func (self->stream_spin, control_changed_cb, self);
  g_signal_handlers_block_by_func (self->direction_drop, control_changed_cb, self);
  gtk_spin_button_set_value (self->stream_spin, stream);
  gtk_drop_down_set_selected (self->direction_drop, direction ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->stream_spin, control_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->direction_drop, control_changed_cb, self);
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

const SsTcpGraph *
ss_tcp_graph_dialog_get_graph (SsTcpGraphDialog *self)
{
  return self->shown;
}

static void
ss_tcp_graph_dialog_finalize (GObject *object)
{
  SsTcpGraphDialog *self = SS_TCP_GRAPH_DIALOG (object);

  g_clear_pointer (&self->graph, ss_tcp_graph_free);
  g_clear_pointer (&self->shown, ss_tcp_graph_free);
  G_OBJECT_CLASS (ss_tcp_graph_dialog_parent_class)->finalize (object);
}

static void
ss_tcp_graph_dialog_class_init (SsTcpGraphDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_tcp_graph_dialog_finalize;
  stat_class->prepare = tcp_prepare;
  stat_class->want = tcp_want;
  stat_class->packet = tcp_packet;
  stat_class->finish = tcp_finish;
}

static void
ss_tcp_graph_dialog_init (SsTcpGraphDialog *self)
{
  SsStatDialog *dialog = SS_STAT_DIALOG (self);
  const char *directions[] = {
    _("Data sent by the side that sent first"), _("Data sent by the other side"), NULL
  };

  gtk_window_set_title (GTK_WINDOW (self), _("Window Scaling"));
  ss_stat_dialog_set_filter_visible (dialog, FALSE);
  ss_stat_dialog_add_control (dialog, gtk_label_new (_("Stream")));
  self->stream_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, G_MAXINT32, 1));
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->stream_spin));
  self->direction_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (directions));
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->direction_drop));
  g_signal_connect_swapped (self->stream_spin, "value-changed", G_CALLBACK (control_changed_cb),
                            self);
  g_signal_connect_swapped (self->direction_drop, "notify::selected",
                            G_CALLBACK (control_changed_cb), self);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  ss_stat_dialog_set_content (dialog, GTK_WIDGET (self->area));
}

GtkWidget *
ss_tcp_graph_dialog_new (GtkWindow  *parent,
                         SsDocument *doc,
                         guint32     stream,
                         guint       direction)
{
  SsTcpGraphDialog *self = g_object_new (SS_TYPE_TCP_GRAPH_DIALOG, "transient-for", parent,
                                         "destroy-with-parent", TRUE, NULL);

  g_signal_handlers_block_by_func (self->stream_spin, control_changed_cb, self);
  g_signal_handlers_block_by_func (self->direction_drop, control_changed_cb, self);
  gtk_spin_button_set_value (self->stream_spin, stream);
  gtk_drop_down_set_selected (self->direction_drop, direction ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->stream_spin, control_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->direction_drop, control_changed_cb, self);
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 600);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, NULL);
  return GTK_WIDGET (self);
}
