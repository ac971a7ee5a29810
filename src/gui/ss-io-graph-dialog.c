/* ss-io-graph-dialog.c: packets or bytes per interval, drawn with cairo */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ss-io-graph-dialog.h"

static const gint64 intervals_ns[] = {
  G_GINT64_CONSTANT (1000000), G_GINT64_CONSTANT (10000000), G_GINT64_CONSTANT (100000000),
  G_GINT64_CONSTANT (1000000000), G_GINT64_CONSTANT (10000000000),
  G_GINT64_CONSTANT (60000000000), G_GINT64_CONSTANT (600000000000),
};
static const char *const interval_names[] = {
  N_("1 ms"), N_("10 ms"), N_("100 ms"), N_("1 s"), N_("10 s"), N_("1 min"), N_("10 min"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (intervals_ns) == G_N_ELEMENTS (interval_names));

static const SsIoGraphY y_units[] = { SS_IO_GRAPH_PACKETS, SS_IO_GRAPH_BYTES, SS_IO_GRAPH_BITS };
static const char *const y_names[] = { N_("Packets"), N_("Bytes"), N_("Bits") };

struct _SsIoGraphDialog
{
  SsStatDialog    parent_instance;

  GtkDrawingArea *area;
  GtkDropDown    *interval_drop;
  GtkDropDown    *y_drop;
  GtkEntry       *filter2_entry;
  SsIoGraph      *graph;      /* the worker's while it runs */
  SsIoGraph      *shown;      /* the one drawn */
};

G_DEFINE_FINAL_TYPE (SsIoGraphDialog, ss_io_graph_dialog, SS_TYPE_STAT_DIALOG)

static gboolean
io_prepare (SsStatDialog *dialog,
            const char   *filter,
            GError      **error)
{
  SsIoGraphDialog *self = SS_IO_GRAPH_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  guint interval = gtk_drop_down_get_selected (self->interval_drop);
  guint y = gtk_drop_down_get_selected (self->y_drop);
  g_autofree char *filter2 = g_strstrip (g_strdup (gtk_editable_get_text (
                                           GTK_EDITABLE (self->filter2_entry))));
  g_autoptr(SsIoGraph) graph = ss_io_graph_new (reg, intervals_ns[MIN (interval, 6u)], error);

  if (!graph)
    return FALSE;
  if (ss_io_graph_add_series (graph, *filter ? filter : _("All packets"), *filter ? filter : NULL,
                              y_units[MIN (y, 2u)], NULL, error) < 0)
    return FALSE;
  if (*filter2 && ss_io_graph_add_series (graph, filter2, filter2, y_units[MIN (y, 2u)], NULL,
                                          error) < 0)
    return FALSE;
  g_clear_pointer (&self->graph, ss_io_graph_free);
  self->graph = g_steal_pointer (&graph);
  return TRUE;
}

static void
io_want (SsStatDialog *dialog,
         SsEngine     *engine)
{
  ss_io_graph_want (SS_IO_GRAPH_DIALOG (dialog)->graph, engine);
}

static void
io_packet (SsStatDialog   *dialog,
           const SsPacket *pkt)
{
  ss_io_graph_packet (SS_IO_GRAPH_DIALOG (dialog)->graph, pkt);
}

static void
io_finish (SsStatDialog *dialog)
{
  SsIoGraphDialog *self = SS_IO_GRAPH_DIALOG (dialog);
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->shown, ss_io_graph_free);
  self->shown = g_steal_pointer (&self->graph);
  summary = g_strdup_printf (_("%u intervals of %s"), ss_io_graph_get_n_intervals (self->shown),
                             _(interval_names[gtk_drop_down_get_selected (self->interval_drop)]));
  ss_stat_dialog_set_summary (dialog, summary);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* ---- drawing ------------------------------------------------------------------------------ */

/* A step of 1, 2 or 5 times a power of ten giving about @ticks ticks over @range. */
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

static const double series_rgb[][3] = {
  { 0.20, 0.40, 0.80 },
  { 0.85, 0.20, 0.15 },
};

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  SsIoGraphDialog *self = data;
  GtkWidget *widget = GTK_WIDGET (area);
  const double left = 70, right = 20, top = 30, bottom = 40;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  guint n, n_series;
  double interval_s, x_max, y_max = 0, step;
  g_autofree char *y_label = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (!self->shown || plot_w < 50 || plot_h < 50)
    return;
  n = ss_io_graph_get_n_intervals (self->shown);
  n_series = ss_io_graph_get_n_series (self->shown);
  interval_s = ss_io_graph_get_interval (self->shown) / 1e9;
  x_max = MAX (n, 1u) * interval_s;
  for (guint s = 0; s < n_series; s++)
    for (guint i = 0; i < n; i++)
      y_max = MAX (y_max, ss_io_graph_get_value (self->shown, s, i));
  if (y_max <= 0)
    y_max = 1;
  step = nice_step (y_max, 5);
  y_max = ceil (y_max / step) * step;

  /* Grid and Y axis labels. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= y_max + step / 2; v += step)
    {
      double y = top + plot_h - v / y_max * plot_h;
      g_autofree char *label = g_strdup_printf ("%g", v);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_move_to (cr, left, floor (y) + 0.5);
      cairo_line_to (cr, left + plot_w, floor (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      draw_text (widget, cr, label, left - 6, y, 1, 0.5);
    }
  /* X axis: seconds since the first packet. */
  step = nice_step (x_max, 8);
  for (double t = 0; t <= x_max + step / 1000; t += step)
    {
      double x = left + t / x_max * plot_w;
      g_autofree char *label = g_strdup_printf ("%g", t);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, floor (x) + 0.5, top + plot_h);
      cairo_line_to (cr, floor (x) + 0.5, top + plot_h + 4);
      cairo_stroke (cr);
      draw_text (widget, cr, label, x, top + plot_h + 6, 0.5, 0);
    }
  draw_text (widget, cr, _("Time (s)"), left + plot_w / 2, height - 2, 0.5, 1);
  y_label = g_strdup_printf (_("%s per %s"),
                             _(y_names[MIN (gtk_drop_down_get_selected (self->y_drop), 2u)]),
                             _(interval_names[gtk_drop_down_get_selected (self->interval_drop)]));
  draw_text (widget, cr, y_label, left, 4, 0, 0);
  cairo_rectangle (cr, left + 0.5, top + 0.5, plot_w, plot_h);
  cairo_stroke (cr);

  /* Series 1 as bars, series 2 as a line through the intervals' middles. */
  for (guint s = 0; s < n_series && s < G_N_ELEMENTS (series_rgb); s++)
    {
      double bar_w = MAX (plot_w / MAX (n, 1u), 1.0);

      cairo_set_source_rgba (cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2],
                             s == 0 ? 0.6 : 1.0);
      for (guint i = 0; i < n; i++)
        {
          double v = ss_io_graph_get_value (self->shown, s, i);
          double x = left + i * interval_s / x_max * plot_w;
          double y = top + plot_h - v / y_max * plot_h;

          if (s == 0)
            {
              if (v > 0)
                cairo_rectangle (cr, x, y, MAX (bar_w - (bar_w > 4 ? 1 : 0), 1.0),
                                 top + plot_h - y);
            }
          else if (i == 0)
            cairo_move_to (cr, x + bar_w / 2, y);
          else
            cairo_line_to (cr, x + bar_w / 2, y);
        }
      if (s == 0)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }

  /* Legend, top right. */
  {
    double x = left + plot_w - 8;

    for (gint s = (gint) MIN (n_series, 2u) - 1; s >= 0; s--)
      {
        PangoLayout *layout = gtk_widget_create_pango_layout (
          widget, ss_io_graph_get_series_name (self->shown, (guint) s));
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        x -= w;
        cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
        cairo_move_to (cr, x, top + 6);
        pango_cairo_show_layout (cr, layout);
        cairo_set_source_rgb (cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
        cairo_rectangle (cr, x - 16, top + 6 + h / 2.0 - 5, 10, 10);
        cairo_fill (cr);
        x -= 32;
        g_object_unref (layout);
      }
  }
}

/* ---- the window --------------------------------------------------------------------------- */

static void
control_changed_cb (SsIoGraphDialog *self)
{
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

void
ss_io_graph_dialog_configure (SsIoGraphDialog *self,
                              gint64           interval_ns,
                              SsIoGraphY       y,
                              const char      *filter2)
{
  g_signal_handlers_block_by_func (self->interval_drop, control_changed_cb, self);
  g_signal_handlers_block_by_func (self->y_drop, control_changed_cb, self);
  for (guint i = 0; i < G_N_ELEMENTS (intervals_ns); i++)
    if (intervals_ns[i] == interval_ns)
      gtk_drop_down_set_selected (self->interval_drop, i);
  for (guint i = 0; i < G_N_ELEMENTS (y_units); i++)
    if (y_units[i] == y)
      gtk_drop_down_set_selected (self->y_drop, i);
  gtk_editable_set_text (GTK_EDITABLE (self->filter2_entry), filter2 ? filter2 : "");
  g_signal_handlers_unblock_by_func (self->interval_drop, control_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->y_drop, control_changed_cb, self);
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

const SsIoGraph *
ss_io_graph_dialog_get_graph (SsIoGraphDialog *self)
{
  return self->shown;
}

static void
ss_io_graph_dialog_finalize (GObject *object)
{
  SsIoGraphDialog *self = SS_IO_GRAPH_DIALOG (object);

  g_clear_pointer (&self->graph, ss_io_graph_free);
  g_clear_pointer (&self->shown, ss_io_graph_free);
  G_OBJECT_CLASS (ss_io_graph_dialog_parent_class)->finalize (object);
}

static void
ss_io_graph_dialog_class_init (SsIoGraphDialogClass *klass)
{
  SsStatDialogClass *stat_class = SS_STAT_DIALOG_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ss_io_graph_dialog_finalize;
  stat_class->prepare = io_prepare;
  stat_class->want = io_want;
  stat_class->packet = io_packet;
  stat_class->finish = io_finish;
}

static void
ss_io_graph_dialog_init (SsIoGraphDialog *self)
{
  SsStatDialog *dialog = SS_STAT_DIALOG (self);
  GtkStringList *intervals = gtk_string_list_new (NULL);
  GtkStringList *ys = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_window_set_title (GTK_WINDOW (self), _("I/O Graph"));
  for (guint i = 0; i < G_N_ELEMENTS (interval_names); i++)
    gtk_string_list_append (intervals, _(interval_names[i]));
  for (guint i = 0; i < G_N_ELEMENTS (y_names); i++)
    gtk_string_list_append (ys, _(y_names[i]));
  ss_stat_dialog_add_control (dialog, gtk_label_new (_("Interval")));
  self->interval_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (intervals), NULL));
  gtk_drop_down_set_selected (self->interval_drop, 3);   /* 1 s, as Wireshark starts */
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->interval_drop));
  ss_stat_dialog_add_control (dialog, gtk_label_new (_("Y axis")));
  self->y_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (ys), NULL));
  ss_stat_dialog_add_control (dialog, GTK_WIDGET (self->y_drop));
  g_signal_connect_swapped (self->interval_drop, "notify::selected",
                            G_CALLBACK (control_changed_cb), self);
  g_signal_connect_swapped (self->y_drop, "notify::selected", G_CALLBACK (control_changed_cb),
                            self);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_box_append (GTK_BOX (row), gtk_label_new (_("Second series filter:")));
  self->filter2_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->filter2_entry, _("None"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->filter2_entry), TRUE);
  g_signal_connect_swapped (self->filter2_entry, "activate", G_CALLBACK (control_changed_cb),
                            self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->filter2_entry));
  gtk_box_append (GTK_BOX (box), row);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), TRUE);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->area));
  ss_stat_dialog_set_content (dialog, box);
}

GtkWidget *
ss_io_graph_dialog_new (GtkWindow  *parent,
                        SsDocument *doc,
                        const char *filter)
{
  SsIoGraphDialog *self = g_object_new (SS_TYPE_IO_GRAPH_DIALOG, "transient-for", parent,
                                        "destroy-with-parent", TRUE, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self), 960, 600);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  return GTK_WIDGET (self);
}
