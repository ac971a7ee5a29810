/* ss-io-graph-dialog.c: packets, bytes or bits per interval of any number of series, with cairo */
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

typedef enum
{
  STYLE_LINE,
  STYLE_BARS,
  STYLE_DOTS,
} Style;

/* Wireshark's style names; "Line" has a context, as a PostgreSQL field is called that too. */
static const char *const style_names[] = {
  NC_("graph style", "Line"), NC_("graph style", "Bar"), NC_("graph style", "Dot"),
};

/* A row's Y: the graph's unit (the drop-down above the graph), or its own, as Wireshark's
 * per-graph Y Axis and Y Field. COUNT is Wireshark's COUNT FIELDS (tshark's COUNT()). */
static const char *const row_y_names[] = {
  N_("Graph's unit"), N_("Packets"), N_("Bytes"), N_("Bits"), N_("SUM(Y Field)"),
  N_("MIN(Y Field)"), N_("MAX(Y Field)"), N_("AVG(Y Field)"), N_("COUNT FIELDS(Y Field)"),
};
static const SsIoGraphY row_y_units[] = {
  SS_IO_GRAPH_PACKETS, SS_IO_GRAPH_PACKETS, SS_IO_GRAPH_BYTES, SS_IO_GRAPH_BITS,
  SS_IO_GRAPH_SUM, SS_IO_GRAPH_MIN, SS_IO_GRAPH_MAX, SS_IO_GRAPH_AVG, SS_IO_GRAPH_COUNT,
};
G_STATIC_ASSERT (G_N_ELEMENTS (row_y_names) == G_N_ELEMENTS (row_y_units));

/* One further series: a row under the graph. */
typedef struct
{
  guint           id;         /* stays with the row while rows come and go */
  GtkWidget      *box;
  GtkCheckButton *enabled;
  GtkEntry       *filter;
  GtkDropDown    *style;
  GtkDropDown    *y;
  GtkEntry       *field;
  GtkWidget      *swatch;
} Row;

struct _SsIoGraphDialog
{
  SsStatDialog    parent_instance;

  GtkDrawingArea *area;
  GtkDropDown    *interval_drop;
  GtkDropDown    *y_drop;
  GtkWidget      *rows_box;
  GPtrArray      *rows;       /* Row* */
  guint           next_id;
  SsIoGraph      *graph;      /* the worker's while it runs */
  GArray         *graph_ids;  /* guint: the row id of each of its series (0: the window's) */
  gboolean        graph_mixed;  /* some series has a Y of its own */
  SsIoGraph      *shown;      /* the one drawn */
  GArray         *shown_ids;
  gboolean        shown_mixed;
};

G_DEFINE_FINAL_TYPE (SsIoGraphDialog, ss_io_graph_dialog, SS_TYPE_STAT_DIALOG)

/* Wireshark-like distinct colours; series 0 (the window's filter) first. */
static const double series_rgb[][3] = {
  { 0.20, 0.40, 0.80 }, { 0.85, 0.20, 0.15 }, { 0.15, 0.60, 0.20 }, { 0.90, 0.55, 0.05 },
  { 0.55, 0.25, 0.70 }, { 0.05, 0.60, 0.65 }, { 0.60, 0.40, 0.20 }, { 0.85, 0.30, 0.60 },
};

static const double *
color_of (guint id)
{
  return series_rgb[id % G_N_ELEMENTS (series_rgb)];
}

static Row *
row_by_id (SsIoGraphDialog *self,
           guint            id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->id == id)
        return row;
    }
  return NULL;
}

static gboolean
io_prepare (SsStatDialog *dialog,
            const char   *filter,
            GError      **error)
{
  SsIoGraphDialog *self = SS_IO_GRAPH_DIALOG (dialog);
  const SsRegistry *reg = ss_document_get_registry (ss_stat_dialog_get_document (dialog));
  guint interval = gtk_drop_down_get_selected (self->interval_drop);
  SsIoGraphY y = y_units[MIN (gtk_drop_down_get_selected (self->y_drop), 2u)];
  g_autoptr(SsIoGraph) graph = ss_io_graph_new (reg, intervals_ns[MIN (interval, 6u)], error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint zero = 0;
  gboolean mixed = FALSE;

  if (!graph)
    return FALSE;
  if (ss_io_graph_add_series (graph, *filter ? filter : _("All packets"), *filter ? filter : NULL,
                              y, NULL, error) < 0)
    return FALSE;
  g_array_append_val (ids, zero);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = NULL;

      if (!gtk_check_button_get_active (row->enabled))
        continue;
      guint row_y = MIN (gtk_drop_down_get_selected (row->y), G_N_ELEMENTS (row_y_units) - 1);
      SsIoGraphY unit = row_y == 0 ? y : row_y_units[row_y];

      mixed |= unit != y;
      g_autofree char *field = NULL;
      g_autofree char *name = NULL;

      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->filter))));
      field = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->field))));
      /* A calculation is named as tshark's column: SUM(tcp.len), then the filter. */
      if (unit >= SS_IO_GRAPH_SUM)
        {
          const char *fn[] = { "SUM", "MIN", "MAX", "AVG", "COUNT" };

          name = *text ? g_strdup_printf ("%s(%s) %s", fn[unit - SS_IO_GRAPH_SUM], field, text)
                       : g_strdup_printf ("%s(%s)", fn[unit - SS_IO_GRAPH_SUM], field);
        }
      else
        name = g_strdup (*text ? text : _("All packets"));
      if (ss_io_graph_add_series (graph, name, *text ? text : NULL, unit,
                                  unit >= SS_IO_GRAPH_SUM ? field : NULL, error) < 0)
        return FALSE;
      g_array_append_val (ids, row->id);
    }
  g_clear_pointer (&self->graph, ss_io_graph_free);
  g_clear_pointer (&self->graph_ids, g_array_unref);
  self->graph = g_steal_pointer (&graph);
  self->graph_ids = g_steal_pointer (&ids);
  self->graph_mixed = mixed;
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
  g_clear_pointer (&self->shown_ids, g_array_unref);
  self->shown = g_steal_pointer (&self->graph);
  self->shown_ids = g_steal_pointer (&self->graph_ids);
  self->shown_mixed = self->graph_mixed;
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
  double interval_s, x_max, y_max = 0, step, bar_w;
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
  /* Series with a Y of their own share the axis: it only says the interval then. */
  y_label = self->shown_mixed
            ? g_strdup_printf (_("Values per %s"),
                               _(interval_names[gtk_drop_down_get_selected (self->interval_drop)]))
            : g_strdup_printf (_("%s per %s"),
                               _(y_names[MIN (gtk_drop_down_get_selected (self->y_drop), 2u)]),
                               _(interval_names[gtk_drop_down_get_selected (self->interval_drop)]));
  draw_text (widget, cr, y_label, left, 4, 0, 0);
  cairo_rectangle (cr, left + 0.5, top + 0.5, plot_w, plot_h);
  cairo_stroke (cr);

  /* The window's series as bars; each further one in its row's style, in row order. */
  bar_w = MAX (plot_w / MAX (n, 1u), 1.0);
  for (guint s = 0; s < n_series; s++)
    {
      guint id = s < self->shown_ids->len ? g_array_index (self->shown_ids, guint, s) : s;
      Row *row = id ? row_by_id (self, id) : NULL;
      Style style = s == 0 ? STYLE_BARS
                    : row ? (Style) MIN (gtk_drop_down_get_selected (row->style), 2u)
                          : STYLE_LINE;
      const double *rgb = color_of (id);

      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], style == STYLE_BARS ? 0.6 : 1.0);
      for (guint i = 0; i < n; i++)
        {
          double v = ss_io_graph_get_value (self->shown, s, i);
          double x = left + i * interval_s / x_max * plot_w;
          double y = top + plot_h - v / y_max * plot_h;

          switch (style)
            {
            case STYLE_BARS:
              if (v > 0)
                cairo_rectangle (cr, x, y, MAX (bar_w - (bar_w > 4 ? 1 : 0), 1.0),
                                 top + plot_h - y);
              break;
            case STYLE_DOTS:
              if (v > 0)
                {
                  cairo_new_sub_path (cr);
                  cairo_arc (cr, x + bar_w / 2, y, 3, 0, 2 * G_PI);
                }
              break;
            case STYLE_LINE:
            default:
              if (i == 0)
                cairo_move_to (cr, x + bar_w / 2, y);
              else
                cairo_line_to (cr, x + bar_w / 2, y);
              break;
            }
        }
      if (style == STYLE_LINE)
        {
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }

  /* Legend, top right, a line per series. */
  for (guint s = 0; s < n_series; s++)
    {
      guint id = s < self->shown_ids->len ? g_array_index (self->shown_ids, guint, s) : s;
      const double *rgb = color_of (id);
      PangoLayout *layout = gtk_widget_create_pango_layout (
        widget, ss_io_graph_get_series_name (self->shown, s));
      int w, h;

      pango_layout_set_width (layout, (int) (plot_w / 2) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_rectangle (cr, left + plot_w - 8 - w - 20, top + 6 + s * (h + 2), w + 20, h + 2);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, left + plot_w - 8 - w, top + 6 + s * (h + 2));
      pango_cairo_show_layout (cr, layout);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, left + plot_w - 8 - w - 16, top + 6 + s * (h + 2) + h / 2.0 - 5, 10,
                       10);
      cairo_fill (cr);
      g_object_unref (layout);
    }
}

/* ---- the window --------------------------------------------------------------------------- */

static void
control_changed_cb (SsIoGraphDialog *self)
{
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

static void
style_changed_cb (SsIoGraphDialog *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  const double *rgb = color_of (GPOINTER_TO_UINT (data));

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, 0, (height - 12) / 2.0, 12, 12);
  cairo_fill (cr);
}

/* The Y field matters to calculations only. */
static void
row_y_changed_cb (Row *row)
{
  gtk_widget_set_sensitive (GTK_WIDGET (row->field),
                            gtk_drop_down_get_selected (row->y) >= 4);
}

static void
row_free (gpointer data)
{
  g_free (data);
}

static void
remove_clicked_cb (GtkButton       *button,
                   SsIoGraphDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), row->box))
        {
          ss_io_graph_dialog_remove_series (self, i);
          return;
        }
    }
}

/* A row without counting again. */
static guint
add_row (SsIoGraphDialog *self,
         const char      *filter)
{
  Row *row = g_new0 (Row, 1);
  GtkStringList *styles = gtk_string_list_new (NULL);
  GtkStringList *ys = gtk_string_list_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  for (guint i = 0; i < G_N_ELEMENTS (row_y_names); i++)
    gtk_string_list_append (ys, _(row_y_names[i]));

  row->id = ++self->next_id;
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  row->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (row->swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->swatch), swatch_draw_cb,
                                  GUINT_TO_POINTER (row->id), NULL);
  gtk_box_append (GTK_BOX (row->box), row->swatch);
  row->enabled = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_active (row->enabled, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->enabled), _("Show this series"));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->enabled));
  row->filter = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (row->filter, _("Display filter (empty: all packets)"));
  gtk_editable_set_text (GTK_EDITABLE (row->filter), filter ? filter : "");
  gtk_widget_set_hexpand (GTK_WIDGET (row->filter), TRUE);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->filter));
  for (guint i = 0; i < G_N_ELEMENTS (style_names); i++)
    gtk_string_list_append (styles, g_dpgettext2 (GETTEXT_PACKAGE, "graph style",
                                                  style_names[i]));
  row->style = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (styles), NULL));
  /* Fixed widths keep the rows' columns aligned whatever is selected. */
  gtk_widget_set_size_request (GTK_WIDGET (row->style), 90, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->style), _("Style"));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->style));
  row->y = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (ys), NULL));
  gtk_widget_set_size_request (GTK_WIDGET (row->y), 230, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->y), _("Y axis"));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->y));
  row->field = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (row->field, _("Y field"));
  gtk_editable_set_width_chars (GTK_EDITABLE (row->field), 16);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->field),
                               _("The field that SUM, MIN, MAX, AVG and COUNT FIELDS calculate over"));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->field));
  row_y_changed_cb (row);
  gtk_widget_set_tooltip_text (remove, _("Remove this series"));
  gtk_box_append (GTK_BOX (row->box), remove);
  gtk_box_append (GTK_BOX (self->rows_box), row->box);

  g_signal_connect_swapped (row->filter, "activate", G_CALLBACK (control_changed_cb), self);
  g_signal_connect_swapped (row->enabled, "toggled", G_CALLBACK (control_changed_cb), self);
  g_signal_connect_swapped (row->style, "notify::selected", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (row->y, "notify::selected", G_CALLBACK (row_y_changed_cb), row);
  g_signal_connect_swapped (row->y, "notify::selected", G_CALLBACK (control_changed_cb), self);
  g_signal_connect_swapped (row->field, "activate", G_CALLBACK (control_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_ptr_array_add (self->rows, row);
  return self->rows->len - 1;
}

static void
remove_row (SsIoGraphDialog *self,
            guint            index)
{
  Row *row = g_ptr_array_index (self->rows, index);

  gtk_box_remove (GTK_BOX (self->rows_box), row->box);
  g_ptr_array_remove_index (self->rows, index);
}

static void
add_clicked_cb (SsIoGraphDialog *self)
{
  guint index = add_row (self, "");
  Row *row = g_ptr_array_index (self->rows, index);

  /* An empty filter counts every packet, as a new row in Wireshark; type one and press Enter. */
  gtk_widget_grab_focus (GTK_WIDGET (row->filter));
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

guint
ss_io_graph_dialog_add_series (SsIoGraphDialog *self,
                               const char      *filter)
{
  guint index = add_row (self, filter);

  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
  return index;
}

void
ss_io_graph_dialog_remove_series (SsIoGraphDialog *self,
                                  guint            row)
{
  g_return_if_fail (row < self->rows->len);
  remove_row (self, row);
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

void
ss_io_graph_dialog_set_series_enabled (SsIoGraphDialog *self,
                                       guint            row,
                                       gboolean         enabled)
{
  g_return_if_fail (row < self->rows->len);
  /* Toggling counts again. */
  gtk_check_button_set_active (((Row *) g_ptr_array_index (self->rows, row))->enabled, enabled);
}

void
ss_io_graph_dialog_set_series_y (SsIoGraphDialog *self,
                                 guint            row,
                                 SsIoGraphY       y,
                                 const char      *field)
{
  Row *r;

  g_return_if_fail (row < self->rows->len);
  r = g_ptr_array_index (self->rows, row);
  g_signal_handlers_block_by_func (r->y, control_changed_cb, self);
  for (guint i = 1; i < G_N_ELEMENTS (row_y_units); i++)
    if (row_y_units[i] == y)
      {
        gtk_drop_down_set_selected (r->y, i);
        break;
      }
  g_signal_handlers_unblock_by_func (r->y, control_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (r->field), field ? field : "");
  ss_stat_dialog_rerun (SS_STAT_DIALOG (self));
}

guint
ss_io_graph_dialog_get_n_rows (SsIoGraphDialog *self)
{
  return self->rows->len;
}

gint
ss_io_graph_dialog_get_series_of_row (SsIoGraphDialog *self,
                                      guint            row)
{
  guint id;

  g_return_val_if_fail (row < self->rows->len, -1);
  id = ((Row *) g_ptr_array_index (self->rows, row))->id;
  for (guint s = 0; self->shown_ids && s < self->shown_ids->len; s++)
    if (g_array_index (self->shown_ids, guint, s) == id)
      return (gint) s;
  return -1;
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
  while (self->rows->len > 0)
    remove_row (self, self->rows->len - 1);
  if (filter2 && *filter2)
    add_row (self, filter2);
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
  g_clear_pointer (&self->graph_ids, g_array_unref);
  g_clear_pointer (&self->shown_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
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
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *label = gtk_label_new (_("Further series:"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->rows = g_ptr_array_new_with_free_func (row_free);
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

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), TRUE);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->area));

  /* The rows of further series, under the graph as in Wireshark. */
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_end (bottom, 12);
  gtk_widget_set_margin_top (bottom, 8);
  gtk_widget_set_margin_bottom (bottom, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);
  gtk_widget_set_tooltip_text (add, _("Add a series"));
  gtk_box_append (GTK_BOX (header), add);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (bottom), header);
  self->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->rows_box);
  gtk_box_append (GTK_BOX (bottom), scrolled);
  gtk_box_append (GTK_BOX (box), bottom);
  ss_stat_dialog_set_content (dialog, box);
}

GtkWidget *
ss_io_graph_dialog_new (GtkWindow  *parent,
                        SsDocument *doc,
                        const char *filter)
{
  SsIoGraphDialog *self = g_object_new (SS_TYPE_IO_GRAPH_DIALOG, "transient-for", parent,
                                        "destroy-with-parent", TRUE, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self), 960, 680);
  ss_stat_dialog_start (SS_STAT_DIALOG (self), doc, filter);
  return GTK_WIDGET (self);
}
