/* ss-tcp-graph-dialog.c: the TCP stream graphs of one stream and direction, with cairo */
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
  GtkDropDown    *type_drop;
  SsTcpGraph     *graph;      /* the worker's while it runs */
  SsTcpGraph     *shown;      /* the one drawn */
  guint32         stream;
  guint           direction;
};

G_DEFINE_FINAL_TYPE (SsTcpGraphDialog, ss_tcp_graph_dialog, SS_TYPE_STAT_DIALOG)

/* How a series is drawn. */
typedef enum
{
  STYLE_DOTS,    /* one dot per point */
  STYLE_STEPS,   /* holds until the next point */
  STYLE_LINE,
  STYLE_DASHED,  /* a dashed line */
  STYLE_MARKS,   /* a triangle on the time axis (not part of the Y range) */
} Style;

typedef struct
{
  SsTcpSeries  series;
  const char  *name;
  Style        style;
  double       r, g, b;
} Layer;

typedef struct
{
  const char  *x_label;
  const char  *y_label;
  gboolean     x_is_seq;    /* X: the point's y2 (a sequence number) instead of its time */
  double       y_scale;
  const Layer *layers;
  guint        n_layers;
} GraphKind;

static const Layer stevens_layers[] = {
  { SS_TCP_SERIES_STEVENS, N_("Segments"), STYLE_DOTS, 0.20, 0.40, 0.80 },
};
static const Layer throughput_layers[] = {
  { SS_TCP_SERIES_THROUGHPUT, N_("Throughput"), STYLE_LINE, 0.15, 0.60, 0.20 },
  /* Dashed over the throughput it equals without retransmissions. */
  { SS_TCP_SERIES_GOODPUT, N_("Goodput"), STYLE_DASHED, 0.60, 0.30, 0.70 },
};
static const Layer rtt_layers[] = {
  { SS_TCP_SERIES_RTT, N_("Round Trip Time"), STYLE_DOTS, 0.80, 0.35, 0.10 },
};
static const Layer window_layers[] = {
  { SS_TCP_SERIES_WINDOW, N_("Receive window"), STYLE_STEPS, 0.15, 0.60, 0.20 },
  { SS_TCP_SERIES_IN_FLIGHT, N_("Bytes in flight"), STYLE_DOTS, 0.20, 0.40, 0.80 },
  { SS_TCP_SERIES_ZERO_WINDOW, N_("Zero window"), STYLE_MARKS, 0.85, 0.15, 0.15 },
};

/* Indexed by SsTcpGraphType. */
static const GraphKind kinds[] = {
  { N_("Time (s)"), N_("Sequence Number (B)"), FALSE, 1, stevens_layers,
    G_N_ELEMENTS (stevens_layers) },
  { N_("Time (s)"), N_("Throughput (bits/s)"), FALSE, 1, throughput_layers,
    G_N_ELEMENTS (throughput_layers) },
  { N_("Sequence Number (B)"), N_("Round Trip Time (ms)"), TRUE, 1000, rtt_layers,
    G_N_ELEMENTS (rtt_layers) },
  { N_("Time (s)"), N_("Bytes"), FALSE, 1, window_layers, G_N_ELEMENTS (window_layers) },
};

static SsTcpGraphType
graph_type (SsTcpGraphDialog *self)
{
  guint type = gtk_drop_down_get_selected (self->type_drop);

  return type < G_N_ELEMENTS (kinds) ? (SsTcpGraphType) type : SS_TCP_GRAPH_WINDOW_SCALING;
}

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

/* The title and the summary line of the graph shown. */
static void
update_labels (SsTcpGraphDialog *self)
{
  SsStatDialog *dialog = SS_STAT_DIALOG (self);
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  const SsGraphPoint *pts;
  guint n = 0, n2 = 0, n3 = 0;
  double peak = 0, sum = 0;

  if (!self->shown)
    return;
  switch (graph_type (self))
    {
    case SS_TCP_GRAPH_STEVENS:
      title = g_strdup_printf (_("Time Sequence (Stevens) for tcp.stream eq %u"), self->stream);
      ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_STEVENS, &n);
      summary = g_strdup_printf (_("Data segments: %u"), n);
      break;
    case SS_TCP_GRAPH_THROUGHPUT:
      title = g_strdup_printf (_("Throughput for tcp.stream eq %u"), self->stream);
      pts = ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_THROUGHPUT, &n);
      for (guint i = 0; i < n; i++)
        peak = MAX (peak, pts[i].y);
      summary = g_strdup_printf (_("Data segments: %u · Peak throughput: %.0f bits/s "
                                   "(1 s moving average)"), n, peak);
      break;
    case SS_TCP_GRAPH_RTT:
      title = g_strdup_printf (_("Round Trip Time for tcp.stream eq %u"), self->stream);
      pts = ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_RTT, &n);
      for (guint i = 0; i < n; i++)
        {
          peak = MAX (peak, pts[i].y);
          sum += pts[i].y;
        }
      summary = g_strdup_printf (_("Round-trip times: %u · Average: %.3f ms · Maximum: %.3f ms"),
                                 n, n ? sum / n * 1000 : 0, peak * 1000);
      break;
    case SS_TCP_GRAPH_WINDOW_SCALING:
    default:
      title = g_strdup_printf (_("Window Scaling for tcp.stream eq %u"), self->stream);
      ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_WINDOW, &n);
      ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_IN_FLIGHT, &n2);
      ss_tcp_graph_get_points (self->shown, SS_TCP_SERIES_ZERO_WINDOW, &n3);
      summary = g_strdup_printf (_("Receive window: %u segments · Bytes in flight: %u segments "
                                   "· Zero windows: %u"), n, n2, n3);
      break;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  ss_stat_dialog_set_summary (dialog, summary);
}

static void
tcp_finish (SsStatDialog *dialog)
{
  SsTcpGraphDialog *self = SS_TCP_GRAPH_DIALOG (dialog);

  g_clear_pointer (&self->shown, ss_tcp_graph_free);
  self->shown = g_steal_pointer (&self->graph);
  update_labels (self);
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
  const GraphKind *kind = &kinds[graph_type (self)];
  const double left = 80, right = 20, top = 30, bottom = 40;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_max = 0, step;
  guint total = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (!self->shown || plot_w < 50 || plot_h < 50)
    return;

#define PX(p) (kind->x_is_seq ? (p).y2 : (p).t)
#define PY(p) ((p).y * kind->y_scale)
  for (guint l = 0; l < kind->n_layers; l++)
    {
      guint n;
      const SsGraphPoint *pts = ss_tcp_graph_get_points (self->shown, kind->layers[l].series,
                                                         &n);

      if (kind->layers[l].style == STYLE_MARKS)
        continue;
      total += n;
      for (guint i = 0; i < n; i++)
        {
          x_min = MIN (x_min, PX (pts[i]));
          x_max = MAX (x_max, PX (pts[i]));
          y_max = MAX (y_max, PY (pts[i]));
        }
    }
  if (total == 0)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_text (widget, cr, _("No segment of this stream in this direction."), width / 2.0,
                 height / 2.0, 0.5, 0.5);
      return;
    }
  if (x_max <= x_min)
    x_max = x_min + 1;
  if (y_max <= 0)
    y_max = 1;
  step = nice_step (y_max, 5);
  y_max = ceil (y_max * 1.05 / step) * step;

#define X(x) (left + ((x) - x_min) / (x_max - x_min) * plot_w)
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
  step = nice_step (x_max - x_min, 8);
  for (double x = ceil (x_min / step) * step; x <= x_max + step / 1000; x += step)
    {
      g_autofree char *label = g_strdup_printf ("%g", x);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, floor (X (x)) + 0.5, top + plot_h);
      cairo_line_to (cr, floor (X (x)) + 0.5, top + plot_h + 4);
      cairo_stroke (cr);
      draw_text (widget, cr, label, X (x), top + plot_h + 6, 0.5, 0);
    }
  draw_text (widget, cr, _(kind->x_label), left + plot_w / 2, height - 2, 0.5, 1);
  draw_text (widget, cr, _(kind->y_label), left, 4, 0, 0);
  cairo_rectangle (cr, left + 0.5, top + 0.5, plot_w, plot_h);
  cairo_stroke (cr);

  for (guint l = 0; l < kind->n_layers; l++)
    {
      const Layer *layer = &kind->layers[l];
      guint n;
      const SsGraphPoint *pts = ss_tcp_graph_get_points (self->shown, layer->series, &n);

      cairo_set_source_rgb (cr, layer->r, layer->g, layer->b);
      switch (layer->style)
        {
        case STYLE_STEPS:
        case STYLE_LINE:
        case STYLE_DASHED:
          cairo_set_line_width (cr, 2);
          if (layer->style == STYLE_DASHED)
            cairo_set_dash (cr, (const double[]) { 6, 4 }, 2, 0);
          for (guint i = 0; i < n; i++)
            {
              if (i == 0)
                cairo_move_to (cr, X (PX (pts[i])), Y (PY (pts[i])));
              else
                {
                  if (layer->style == STYLE_STEPS)
                    cairo_line_to (cr, X (PX (pts[i])), Y (PY (pts[i - 1])));
                  cairo_line_to (cr, X (PX (pts[i])), Y (PY (pts[i])));
                }
            }
          if (n > 0 && layer->style == STYLE_STEPS)
            cairo_line_to (cr, X (x_max), Y (PY (pts[n - 1])));
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        case STYLE_DOTS:
          for (guint i = 0; i < n; i++)
            {
              cairo_arc (cr, X (PX (pts[i])), Y (PY (pts[i])), 2.5, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          break;
        case STYLE_MARKS:
          for (guint i = 0; i < n; i++)
            {
              double x = X (PX (pts[i])), y = Y (0);

              cairo_move_to (cr, x, y - 9);
              cairo_line_to (cr, x - 5, y);
              cairo_line_to (cr, x + 5, y);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
          break;
        }
    }
#undef X
#undef Y
#undef PX
#undef PY

  {
    double x = left + plot_w - 8;

    for (gint i = kind->n_layers - 1; i >= 0; i--)
      {
        const Layer *layer = &kind->layers[i];
        PangoLayout *layout = gtk_widget_create_pango_layout (widget, _(layer->name));
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        x -= w;
        cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
        cairo_move_to (cr, x, top + 6);
        pango_cairo_show_layout (cr, layout);
        cairo_set_source_rgb (cr, layer->r, layer->g, layer->b);
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

static void
type_changed_cb (SsTcpGraphDialog *self)
{
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
ss_tcp_graph_dialog_set_graph_type (SsTcpGraphDialog *self,
                                    SsTcpGraphType    type)
{
  g_return_if_fail (type < G_N_ELEMENTS (kinds));
  gtk_drop_down_set_selected (self->type_drop, type);
}

SsTcpGraphType
ss_tcp_graph_dialog_get_graph_type (SsTcpGraphDialog *self)
{
  return graph_type (self);
}

const SsTcpSeries *
ss_tcp_graph_dialog_get_drawn_series (SsTcpGraphDialog *self,
                                      guint            *n_series)
{
  static SsTcpSeries drawn[G_N_ELEMENTS (kinds)][4];
  const GraphKind *kind = &kinds[graph_type (self)];
  SsTcpGraphType type = graph_type (self);

  for (guint i = 0; i < kind->n_layers; i++)
    drawn[type][i] = kind->layers[i].series;
  *n_series = kind->n_layers;
  return drawn[type];
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

  const char *types[] = {
    _("Time Sequence (Stevens)"), _("Throughput"), _("Round Trip Time"), _("Window Scaling"),
    NULL
  };

  ss_stat_dialog_set_filter_visible (dialog, FALSE);
  ss_stat_dialog_add_control (dialog, gtk_label_new (_("Graph type")));
  self->type_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (types));
  gtk_drop_down_set_selected (self->type_drop, SS_TCP_GRAPH_WINDOW_SCALING);
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->type_drop));
  g_signal_connect_swapped (self->type_drop, "notify::selected", G_CALLBACK (type_changed_cb),
                            self);
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
ss_tcp_graph_dialog_new (GtkWindow      *parent,
                         SsDocument     *doc,
                         guint32         stream,
                         guint           direction,
                         SsTcpGraphType  type)
{
  SsTcpGraphDialog *self = g_object_new (SS_TYPE_TCP_GRAPH_DIALOG, "transient-for", parent,
                                         "destroy-with-parent", TRUE, NULL);

  gtk_drop_down_set_selected (self->type_drop, type);

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
