/* ss-packet-list.c: the packet list pane */
#include "config.h"

#include <time.h>

#include <glib/gi18n-lib.h>

#include "ss-packet-list.h"
#include "ss-ui-path.h"

struct _SsPacketList
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *columns[SS_N_COLUMNS];
  GMenuModel         *context_menu;
  GtkWidget          *popover;

  SsPacketListModel  *model;
  GtkSingleSelection *selection;
  SsColoring         *coloring;      /* borrowed from the window */
  GtkCssProvider     *color_css;
  SsTimeFormat        time_format;
  gboolean            colorize;
  gboolean            dark;

  guint               notify_source;
  guint               last_frame;
  gboolean            probing;       /* see probe_sorter() */
  gint                probe_column;
  gint                sort_column;
  gboolean            sort_descending;
  GPtrArray          *custom_columns; /* GtkColumnViewColumn, the user's field columns */
  GArray             *custom_ids;     /* SsFieldId, same order */
  GPtrArray          *custom_abbrevs; /* char *, same order */
  guint               scroll_position;
  gulong              scroll_handler;
  GdkFrameClock      *scroll_clock;
  gboolean            scroll_center;
};

enum
{
  FRAME_SELECTED,
  SORT_CHANGED,
  ROW_ACTIVATED,
  COLUMNS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsPacketList, ss_packet_list, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------------------------ */
/* Cells */

static void
format_secs (GString *out,
             gint64   ns,
             guint    precision)
{
  guint64 abs_ns = ns < 0 ? (guint64) -ns : (guint64) ns;
  guint64 div = 1;

  for (guint i = precision; i < 9; i++)
    div *= 10;
  if (precision == 0)
    g_string_append_printf (out, "%s%" G_GUINT64_FORMAT, ns < 0 ? "-" : "", abs_ns / 1000000000);
  else
    g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, ns < 0 ? "-" : "",
                            abs_ns / 1000000000, (int) precision, (abs_ns % 1000000000) / div);
}

static void
format_clock (GString *out,
              gint64   ns,
              guint    precision,
              gboolean date,
              gboolean utc)
{
  time_t secs = (time_t) (ns >= 0 ? ns / 1000000000 : (ns - 999999999) / 1000000000);
  gint64 frac = ns - (gint64) secs * 1000000000;
  struct tm tm;
  char buf[64];
  guint64 div = 1;

  if (!(utc ? gmtime_r (&secs, &tm) : localtime_r (&secs, &tm)))
    {
      format_secs (out, ns, precision);
      return;
    }
  strftime (buf, sizeof buf, date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
  g_string_append (out, buf);
  for (guint i = precision; i < 9; i++)
    div *= 10;
  if (precision > 0)
    g_string_append_printf (out, ".%0*" G_GINT64_FORMAT, (int) precision, frac / (gint64) div);
}

char *
ss_packet_list_format_time (SsPacketList    *self,
                            guint            position,
                            const SsSummary *s)
{
  GString *out = g_string_new (NULL);
  SsDocument *doc = ss_packet_list_model_get_document (self->model);

  switch (self->time_format)
    {
    case SS_TIME_DATE:
      format_clock (out, s->ts_ns, s->precision, TRUE, FALSE);
      break;
    case SS_TIME_UTC_DATE:
      format_clock (out, s->ts_ns, s->precision, TRUE, TRUE);
      break;
    case SS_TIME_TIME_OF_DAY:
      format_clock (out, s->ts_ns, s->precision, FALSE, FALSE);
      break;
    case SS_TIME_EPOCH:
      format_secs (out, s->ts_ns, s->precision);
      break;
    case SS_TIME_DELTA:
      format_secs (out, s->frame > 0 ? s->ts_ns - ss_document_get_frame_ts (doc, s->frame - 1) : 0,
                   s->precision);
      break;
    case SS_TIME_DELTA_DISPLAYED:
      {
        guint prev = position > 0 ? ss_packet_list_model_get_frame (self->model, position - 1)
                                  : G_MAXUINT;

        format_secs (out, prev != G_MAXUINT ? s->ts_ns - ss_document_get_frame_ts (doc, prev) : 0,
                     s->precision);
      }
      break;
    case SS_TIME_RELATIVE:
    default:
      format_secs (out, s->ts_ns - ss_document_get_first_ts (doc), s->precision);
      break;
    }
  return g_string_free (out, FALSE);
}

static void
set_row_color (SsPacketList *self,
               GtkWidget    *label,
               gint          color)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;
  gint old;

  /* GTK 4.8 has no row factory: the row widget is the cell's parent. */
  if (!row)
    return;
  old = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ss-color")) - 1;
  if (old == color)
    return;
  if (old >= 0)
    {
      char cls[32];

      g_snprintf (cls, sizeof cls, "ss-color-%d", old);
      gtk_widget_remove_css_class (row, cls);
    }
  if (color >= 0)
    {
      char cls[32];

      g_snprintf (cls, sizeof cls, "ss-color-%d", color);
      gtk_widget_add_css_class (row, cls);
    }
  g_object_set_data (G_OBJECT (row), "ss-color", GINT_TO_POINTER (color + 1));
}

static void
update_cell (SsPacketList *self,
             GtkListItem  *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  SsPacketRow *row = gtk_list_item_get_item (item);
  SsColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "ss-column"));
  const SsSummary *s;
  char buf[32];
  g_autofree char *text = NULL;

  if (!row || !self->model)
    return;
  s = ss_packet_list_model_get_summary (self->model, ss_packet_row_get_frame (row));
  switch (column)
    {
    case SS_COLUMN_NUMBER:
      g_snprintf (buf, sizeof buf, "%u", s->frame + 1);
      gtk_label_set_text (GTK_LABEL (label), buf);
      break;
    case SS_COLUMN_TIME:
      text = ss_packet_list_format_time (self, ss_packet_row_get_position (row), s);
      gtk_label_set_text (GTK_LABEL (label), text);
      break;
    case SS_COLUMN_SOURCE:
      gtk_label_set_text (GTK_LABEL (label), s->src);
      break;
    case SS_COLUMN_DESTINATION:
      gtk_label_set_text (GTK_LABEL (label), s->dst);
      break;
    case SS_COLUMN_PROTOCOL:
      gtk_label_set_text (GTK_LABEL (label), s->protocol);
      break;
    case SS_COLUMN_LENGTH:
      g_snprintf (buf, sizeof buf, "%u", s->len);
      gtk_label_set_text (GTK_LABEL (label), buf);
      break;
    case SS_COLUMN_INFO:
      gtk_label_set_text (GTK_LABEL (label), s->info);
      break;
    default:
      {
        guint k = column - SS_N_COLUMNS;

        gtk_label_set_text (GTK_LABEL (label),
                            s->custom && k < g_strv_length (s->custom) ? s->custom[k] : "");
      }
      break;
    }
  g_object_set_data (G_OBJECT (label), "ss-frame", GUINT_TO_POINTER (s->frame + 1));
  set_row_color (self, label, self->colorize ? s->color : -1);
}

static void
row_changed_cb (SsPacketRow *row,
                GtkListItem *item)
{
  SsPacketList *self = g_object_get_data (G_OBJECT (item), "ss-packet-list");

  if (self)
    update_cell (self, item);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SsPacketList             *self)
{
  SsColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ss-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label),
                        column == SS_COLUMN_NUMBER || column == SS_COLUMN_LENGTH ? 1.0f : 0.0f);
  /* Cells are made before the row; a field column's factory knows its index, not its id. */
  if (column == SS_COLUMN_NUMBER || column == SS_COLUMN_TIME || column == SS_COLUMN_LENGTH)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "ss-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (item), "ss-packet-list", self);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SsPacketList             *self)
{
  SsPacketRow *row = gtk_list_item_get_item (item);

  update_cell (self, item);
  g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), item, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SsPacketList             *self)
{
  SsPacketRow *row = gtk_list_item_get_item (item);

  if (row)
    g_signal_handlers_disconnect_by_func (row, row_changed_cb, item);
}

/* ------------------------------------------------------------------------------------------ */
/* Sorting: GTK 4.8 cannot tell which column the user sorted by (that came in 4.10), so each
 * column's sorter is probed: comparing two rows through the view's sorter calls the primary
 * column's sorter, which records its column, and the sign of the answer gives the order. The
 * rows themselves are never sorted by GTK (that would make a row object for every packet); the
 * window sorts frame numbers in a worker and hands the order to the model. */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SsPacketList *self = g_object_get_data (G_OBJECT (a), "ss-probe-owner");

  if (self && self->probing && self->probe_column < 0)
    self->probe_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        SsPacketList    *self)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  g_object_set_data (a, "ss-probe-owner", self);
  g_object_set_data (b, "ss-probe-owner", self);
  self->probing = TRUE;
  self->probe_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  self->probing = FALSE;
  if (self->probe_column == self->sort_column
      && (order == GTK_ORDERING_LARGER) == self->sort_descending)
    return;
  self->sort_column = self->probe_column;
  self->sort_descending = order == GTK_ORDERING_LARGER;
  g_signal_emit (self, signals[SORT_CHANGED], 0, self->sort_column, self->sort_descending);
}

/* ------------------------------------------------------------------------------------------ */
/* Selection */

static gboolean
emit_frame_selected (gpointer data)
{
  SsPacketList *self = data;
  guint frame = ss_packet_list_get_selected_frame (self);

  self->notify_source = 0;
  if (frame != self->last_frame)
    {
      self->last_frame = frame;
      g_signal_emit (self, signals[FRAME_SELECTED], 0, frame);
    }
  return G_SOURCE_REMOVE;
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      SsPacketList      *self)
{
  /* Holding an arrow key moves the selection faster than a tree can be built: coalesce. */
  if (!self->notify_source)
    self->notify_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, emit_frame_selected,
                                           self, NULL);
}

static void
selected_notify_cb (GObject      *object,
                    GParamSpec   *pspec,
                    SsPacketList *self)
{
  selection_changed_cb (NULL, 0, 0, self);
}

guint
ss_packet_list_get_selected_position (SsPacketList *self)
{
  g_return_val_if_fail (SS_IS_PACKET_LIST (self), GTK_INVALID_LIST_POSITION);
  if (!self->selection)
    return GTK_INVALID_LIST_POSITION;
  return gtk_single_selection_get_selected (self->selection);
}

guint
ss_packet_list_get_selected_frame (SsPacketList *self)
{
  guint pos = ss_packet_list_get_selected_position (self);

  if (pos == GTK_INVALID_LIST_POSITION || !self->model)
    return G_MAXUINT;
  return ss_packet_list_model_get_frame (self->model, pos);
}

static GtkWidget *
inner_list_view (SsPacketList *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Scrolling by the adjustment: rows all have the same height, so it says where a row is. GTK's
 * own "list.scroll-to-item" warns when asked before the list is laid out (a filter has just
 * changed the rows), so this waits for the next frame. @center puts the row in the middle of
 * the view, as Wireshark does when it jumps to a packet; otherwise the view moves as little as
 * it can to show it. */
static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       SsPacketList  *self)
{
  GtkWidget *list = inner_list_view (self);
  GtkAdjustment *adj;
  guint n;
  double row_h, page, value, top;

  if (!list || !self->selection || self->scroll_position == G_MAXUINT)
    goto done;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  if (self->scroll_position >= n || !adj)
    goto done;
  page = gtk_adjustment_get_page_size (adj);
  if (page <= 0 || gtk_adjustment_get_upper (adj) <= 0)
    return;   /* not laid out yet: try after the next frame */
  row_h = gtk_adjustment_get_upper (adj) / n;
  top = self->scroll_position * row_h;
  value = gtk_adjustment_get_value (adj);
  if (self->scroll_center)
    value = top - (page - row_h) / 2;
  else if (top < value)
    value = top;
  else if (top + row_h > value + page)
    value = top + row_h - page;
  value = CLAMP (value, 0, MAX (0, gtk_adjustment_get_upper (adj) - page));
  gtk_adjustment_set_value (adj, value);
done:
  self->scroll_position = G_MAXUINT;
  g_clear_signal_handler (&self->scroll_handler, clock);
  g_clear_object (&self->scroll_clock);
}

/* Scrolling by the adjustment: rows all have the same height, so it says where a row is. GTK's
 * own "list.scroll-to-item" warns when asked before the list is laid out (a filter has just
 * changed the rows), so this waits until a frame has been laid out and painted. @center puts the
 * row in the middle of the view, as Wireshark does when it jumps to a packet; otherwise the view
 * moves as little as it can to show it. */
static void
scroll_to (SsPacketList *self,
           guint         position,
           gboolean      center)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->scroll_position = position;
  self->scroll_center = center;
  if (!clock)
    return;   /* not realized: it shows from the top anyway */
  if (!self->scroll_handler)
    {
      self->scroll_clock = g_object_ref (clock);
      self->scroll_handler = g_signal_connect (clock, "after-paint",
                                               G_CALLBACK (scroll_after_paint_cb), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ss_packet_list_select_position (SsPacketList *self,
                                guint         position)
{
  g_return_if_fail (SS_IS_PACKET_LIST (self));
  if (!self->selection || position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position, FALSE);
}

void
ss_packet_list_center_position (SsPacketList *self,
                                guint         position)
{
  g_return_if_fail (SS_IS_PACKET_LIST (self));
  if (!self->selection || position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position, TRUE);
}

gboolean
ss_packet_list_select_frame (SsPacketList *self,
                             guint         frame)
{
  guint pos;

  if (!self->model)
    return FALSE;
  pos = ss_packet_list_model_find_frame (self->model, frame);
  if (pos == G_MAXUINT)
    return FALSE;
  ss_packet_list_center_position (self, pos);
  return TRUE;
}

static void
replace_keeping_selection (SsPacketList *self,
                           GArray       *frames,
                           gboolean      order)
{
  guint frame = ss_packet_list_get_selected_frame (self);
  guint pos;

  /* Unselect first: GtkSingleSelection would otherwise look for its item among every new row. */
  if (self->selection)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (order)
    ss_packet_list_model_set_order (self->model, frames);
  else
    ss_packet_list_model_set_displayed (self->model, frames);
  if (frame == G_MAXUINT)
    return;
  pos = ss_packet_list_model_find_frame (self->model, frame);
  if (pos == G_MAXUINT)
    pos = ss_packet_list_model_find_nearest (self->model, frame);
  if (pos != G_MAXUINT)
    ss_packet_list_center_position (self, pos);
}

void
ss_packet_list_set_displayed (SsPacketList *self,
                              GArray       *frames)
{
  g_return_if_fail (SS_IS_PACKET_LIST (self) && self->model);
  replace_keeping_selection (self, frames, FALSE);
}

void
ss_packet_list_set_order (SsPacketList *self,
                          GArray       *order)
{
  g_return_if_fail (SS_IS_PACKET_LIST (self) && self->model);
  replace_keeping_selection (self, order, TRUE);
}

static void
activate_cb (GtkColumnView *view,
             guint          position,
             SsPacketList  *self)
{
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, ss_packet_list_model_get_frame (self->model,
                                                                                  position));
}

/* ------------------------------------------------------------------------------------------ */
/* Context menu */

static void
context_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SsPacketList    *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  guint frame = 0;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  for (GtkWidget *w = picked; w && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if ((frame = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "ss-frame"))) != 0)
      break;
  if (frame == 0)
    return;
  ss_packet_list_select_frame (self, frame - 1);
  emit_frame_selected (self);
  if (!self->popover)
    {
      self->popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* ------------------------------------------------------------------------------------------ */

static void
update_css (SsPacketList *self)
{
  g_autofree char *css = NULL;

  if (!self->coloring)
    return;
  css = ss_coloring_dup_css (self->coloring, self->dark);
  if (!self->color_css)
    {
      self->color_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->color_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  gtk_css_provider_load_from_data (self->color_css, css, -1);
}

void
ss_packet_list_set_coloring (SsPacketList *self,
                             SsColoring   *coloring)
{
  self->coloring = coloring;
  update_css (self);
  if (self->model)
    ss_packet_list_model_set_color_func (self->model, coloring ? ss_coloring_match : NULL,
                                         coloring);
}

void
ss_packet_list_set_dark (SsPacketList *self,
                         gboolean      dark)
{
  if (self->dark == dark && self->color_css)
    return;
  self->dark = dark;
  update_css (self);
}

void
ss_packet_list_set_colorize (SsPacketList *self,
                             gboolean      colorize)
{
  if (self->colorize == colorize)
    return;
  self->colorize = colorize;
  if (self->model)
    ss_packet_list_model_invalidate (self->model);
}

void
ss_packet_list_set_time_format (SsPacketList *self,
                                SsTimeFormat  format)
{
  if (self->time_format == format)
    return;
  self->time_format = format;
  if (self->model)
    ss_packet_list_model_invalidate (self->model);
}

SsTimeFormat
ss_packet_list_get_time_format (SsPacketList *self)
{
  return self->time_format;
}

char *
ss_packet_list_dup_row_text (SsPacketList *self,
                             guint         position)
{
  guint frame = ss_packet_list_model_get_frame (self->model, position);
  const SsSummary *s;
  g_autofree char *time = NULL;

  if (frame == G_MAXUINT)
    return NULL;
  s = ss_packet_list_model_get_summary (self->model, frame);
  time = ss_packet_list_format_time (self, position, s);
  return g_strdup_printf ("%u\t%s\t%s\t%s\t%s\t%u\t%s", s->frame + 1, time, s->src, s->dst,
                          s->protocol, s->len, s->info);
}

static void
sync_custom_fields (SsPacketList *self)
{
  if (self->model)
    ss_packet_list_model_set_custom_fields (self->model,
                                            (const SsFieldId *) (gpointer) self->custom_ids->data,
                                            self->custom_ids->len);
}

static GtkListItemFactory *
column_factory (SsPacketList *self,
                guint         column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "ss-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
  return factory;
}

gboolean
ss_packet_list_add_field_column (SsPacketList *self,
                                 SsFieldId     id,
                                 const char   *abbrev,
                                 const char   *title)
{
  guint k = self->custom_ids->len;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GtkColumnViewColumn *column;

  g_return_val_if_fail (SS_IS_PACKET_LIST (self), FALSE);
  for (guint i = 0; i < self->custom_ids->len; i++)
    if (g_array_index (self->custom_ids, SsFieldId, i) == id)
      return FALSE;
  factory = column_factory (self, SS_N_COLUMNS + k);
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (SS_N_COLUMNS + k),
                                              NULL));
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, 140);
  gtk_column_view_column_set_sorter (column, sorter);
  item = g_menu_item_new (_("Remove This Column"), NULL);
  g_menu_item_set_action_and_target_value (item, "packet-list.remove-column",
                                           g_variant_new_string (abbrev));
  g_menu_append_item (menu, item);
  gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (menu));
  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->custom_columns, column);
  g_array_append_val (self->custom_ids, id);
  g_ptr_array_add (self->custom_abbrevs, g_strdup (abbrev));
  sync_custom_fields (self);
  g_signal_emit (self, signals[COLUMNS_CHANGED], 0);
  return TRUE;
}

gboolean
ss_packet_list_remove_field_column (SsPacketList *self,
                                    const char   *abbrev)
{
  for (guint i = 0; i < self->custom_abbrevs->len; i++)
    if (g_strcmp0 (self->custom_abbrevs->pdata[i], abbrev) == 0)
      {
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();

        /* The columns after it change index: rebuild them all. */
        gtk_column_view_remove_column (self->column_view, self->custom_columns->pdata[i]);
        g_ptr_array_remove_index (self->custom_columns, i);
        g_array_remove_index (self->custom_ids, i);
        g_free (g_ptr_array_steal_index (self->custom_abbrevs, i));
        for (guint k = 0; k < self->custom_columns->len; k++)
          {
            g_autoptr(GtkListItemFactory) factory = column_factory (self, SS_N_COLUMNS + k);
            g_autoptr(GtkSorter) sorter =
              GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (SS_N_COLUMNS + k),
                                                 NULL));

            gtk_column_view_column_set_factory (self->custom_columns->pdata[k], factory);
            gtk_column_view_column_set_sorter (self->custom_columns->pdata[k], sorter);
          }
        sync_custom_fields (self);
        g_signal_emit (self, signals[COLUMNS_CHANGED], 0);
        return TRUE;
      }
  return FALSE;
}

guint
ss_packet_list_get_n_field_columns (SsPacketList *self)
{
  return self->custom_ids->len;
}

SsFieldId
ss_packet_list_get_field_column (SsPacketList *self,
                                 guint         index,
                                 const char  **abbrev)
{
  g_return_val_if_fail (index < self->custom_ids->len, SS_FIELD_ID_NONE);
  if (abbrev)
    *abbrev = self->custom_abbrevs->pdata[index];
  return g_array_index (self->custom_ids, SsFieldId, index);
}

static void
remove_column_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  ss_packet_list_remove_field_column (SS_PACKET_LIST (widget), g_variant_get_string (param, NULL));
}

void
ss_packet_list_sort_by (SsPacketList *self,
                        guint         column,
                        gboolean      descending)
{
  GtkColumnViewColumn *col;

  if (column < SS_N_COLUMNS)
    col = self->columns[column];
  else if (column - SS_N_COLUMNS < self->custom_columns->len)
    col = self->custom_columns->pdata[column - SS_N_COLUMNS];
  else
    return;
  gtk_column_view_sort_by_column (self->column_view, col,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

void
ss_packet_list_focus (SsPacketList *self)
{
  GtkWidget *list = inner_list_view (self);

  gtk_widget_grab_focus (list ? list : GTK_WIDGET (self->column_view));
}

void
ss_packet_list_set_model (SsPacketList      *self,
                          SsPacketListModel *model)
{
  g_return_if_fail (SS_IS_PACKET_LIST (self));

  if (self->selection)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      gtk_column_view_set_model (self->column_view, NULL);
      g_clear_object (&self->selection);
    }
  g_clear_object (&self->model);
  g_clear_handle_id (&self->notify_source, g_source_remove);
  self->last_frame = G_MAXUINT;
  if (!model)
    return;
  self->model = g_object_ref (model);
  if (self->coloring)
    ss_packet_list_model_set_color_func (model, ss_coloring_match, self->coloring);
  sync_custom_fields (self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selected_notify_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

SsPacketListModel *
ss_packet_list_get_model (SsPacketList *self)
{
  return self->model;
}

static void
ss_packet_list_dispose (GObject *object)
{
  SsPacketList *self = SS_PACKET_LIST (object);

  ss_packet_list_set_model (self, NULL);
  if (self->scroll_clock)
    g_clear_signal_handler (&self->scroll_handler, self->scroll_clock);
  g_clear_object (&self->scroll_clock);
  if (self->color_css)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->color_css));
      g_clear_object (&self->color_css);
    }
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->custom_columns, g_ptr_array_unref);
  g_clear_pointer (&self->custom_ids, g_array_unref);
  g_clear_pointer (&self->custom_abbrevs, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_PACKET_LIST);
  G_OBJECT_CLASS (ss_packet_list_parent_class)->dispose (object);
}

static void
ss_packet_list_class_init (SsPacketListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_packet_list_dispose;

  /* The selected frame (0-based) changed; G_MAXUINT when nothing is selected. */
  signals[FRAME_SELECTED] = g_signal_new ("frame-selected", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The user clicked a column header: (SsColumn or -1, descending). */
  signals[SORT_CHANGED] = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);
  /* A field column was added or removed. */
  signals[COLUMNS_CHANGED] = g_signal_new ("columns-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "packet-list.remove-column", "s",
                                   remove_column_action);

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-packet-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SsPacketList, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsPacketList, column_view);
  gtk_widget_class_bind_template_child (widget_class, SsPacketList, context_menu);
  {
    static const char *const ids[SS_N_COLUMNS] = {
      "col_number", "col_time", "col_source", "col_destination", "col_protocol", "col_length",
      "col_info",
    };

    for (guint i = 0; i < SS_N_COLUMNS; i++)
      gtk_widget_class_bind_template_child_full (widget_class, ids[i], FALSE,
                                                 G_STRUCT_OFFSET (SsPacketList, columns)
                                                 + i * sizeof (GtkColumnViewColumn *));
  }
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sspacketlist");
}

static void
ss_packet_list_init (SsPacketList *self)
{
  GtkGesture *gesture;

  self->time_format = SS_TIME_RELATIVE;
  self->colorize = TRUE;
  self->last_frame = G_MAXUINT;
  self->sort_column = -1;
  self->scroll_position = G_MAXUINT;
  self->custom_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->custom_ids = g_array_new (FALSE, FALSE, sizeof (SsFieldId));
  self->custom_abbrevs = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SS_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = column_factory (self, i);
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (i),
                                                             NULL));

      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      g_object_unref (factory);
      g_object_unref (sorter);
    }
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (view_sorter_changed_cb), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (context_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
ss_packet_list_new (void)
{
  return g_object_new (SS_TYPE_PACKET_LIST, NULL);
}
