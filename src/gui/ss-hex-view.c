/* ss-hex-view.c: the packet bytes pane */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-hex-view.h"
#include "ss-ui-path.h"

typedef struct
{
  GBytes      *bytes;
  char        *name;
  GtkTextView *view;
  guint        offset_digits;
} SsHexSource;

struct _SsHexView
{
  GtkWidget    parent_instance;
  GtkNotebook *notebook;
  GArray      *sources;       /* SsHexSource */
  gboolean     have_highlight;
  guint        hl_source;
  guint        hl_offset;
  guint        hl_length;
};

enum
{
  BYTE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsHexView, ss_hex_view, GTK_TYPE_WIDGET)

/* Line layout: OFFSET, two spaces, 16 hex bytes with an extra space after the eighth, two
 * spaces, then the 16 characters with a space after the eighth, as Wireshark lays it out. */
static guint
hex_col (guint digits,
         guint i)
{
  return digits + 2 + i * 3 + (i >= 8 ? 1 : 0);
}

static guint
ascii_col (guint digits,
           guint i)
{
  return hex_col (digits, 15) + 2 + 2 + i + (i >= 8 ? 1 : 0);
}

static void
source_clear (gpointer p)
{
  SsHexSource *src = p;

  g_clear_pointer (&src->bytes, g_bytes_unref);
  g_clear_pointer (&src->name, g_free);
}

static char *
render (const guint8 *data,
        gsize         len,
        guint         digits)
{
  GString *out = g_string_sized_new (len / 16 * (ascii_col (digits, 15) + 2) + 80);

  for (gsize off = 0; off < len; off += 16)
    {
      guint n = (guint) MIN ((gsize) 16, len - off);
      gsize line_start = out->len;

      g_string_append_printf (out, "%0*" G_GSIZE_MODIFIER "x", (int) digits, off);
      for (guint i = 0; i < 16; i++)
        {
          while (out->len - line_start < hex_col (digits, i))
            g_string_append_c (out, ' ');
          if (i < n)
            g_string_append_printf (out, "%02x", data[off + i]);
        }
      for (guint i = 0; i < n; i++)
        {
          guint8 c = data[off + i];

          while (out->len - line_start < ascii_col (digits, i))
            g_string_append_c (out, ' ');
          g_string_append_c (out, c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
      if (off + 16 < len)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static SsHexSource *
get_source (SsHexView *self,
            guint      index)
{
  if (index >= self->sources->len)
    return NULL;
  return &g_array_index (self->sources, SsHexSource, index);
}

static gboolean
byte_at (SsHexView   *self,
         SsHexSource *src,
         double       x,
         double       y,
         guint       *byte)
{
  GtkTextIter iter;
  int bx, by;
  guint line, col;
  gsize len = g_bytes_get_size (src->bytes);

  gtk_text_view_window_to_buffer_coords (src->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (!gtk_text_view_get_iter_at_location (src->view, &iter, bx, by))
    return FALSE;
  line = (guint) gtk_text_iter_get_line (&iter);
  col = (guint) gtk_text_iter_get_line_offset (&iter);
  for (guint i = 0; i < 16; i++)
    {
      guint h = hex_col (src->offset_digits, i);
      guint a = ascii_col (src->offset_digits, i);

      if ((col >= h && col < h + 3) || col == a)
        {
          gsize b = (gsize) line * 16 + i;

          if (b >= len)
            return FALSE;
          *byte = (guint) b;
          return TRUE;
        }
    }
  return FALSE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SsHexView       *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "ss-source"));
  SsHexSource *src = get_source (self, index);
  guint byte;

  if (src && byte_at (self, src, x, y, &byte))
    g_signal_emit (self, signals[BYTE_ACTIVATED], 0, index, byte);
}

static GtkTextView *
make_view (SsHexView *self,
           guint      index)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_NONE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
  gtk_widget_add_css_class (view, "ss-hex");
  /* A solid accent with white text reads in light and dark themes alike. */
  gtk_text_buffer_create_tag (buffer, "highlight", "background", "#3584e4", "foreground", "#ffffff",
                              NULL);
  g_object_set_data (G_OBJECT (view), "ss-source", GUINT_TO_POINTER (index));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (gesture));
  return GTK_TEXT_VIEW (view);
}

static void
add_source (SsHexView    *self,
            const char   *name,
            const guint8 *data,
            gsize         len)
{
  SsHexSource src = { 0 };
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *tab;
  g_autofree char *text = NULL;
  g_autofree char *tab_text = NULL;
  guint index = self->sources->len;

  src.bytes = g_bytes_new (data, len);
  src.name = g_strdup (name);
  src.offset_digits = len > 0x10000 ? 8 : 4;
  src.view = make_view (self, index);
  text = render (data, len, src.offset_digits);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (src.view), text, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (src.view));
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  /* TRANSLATORS: a tab of the bytes pane, e.g. "Frame (74 bytes)". */
  tab_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%" G_GSIZE_FORMAT " byte)",
                                           "%s (%" G_GSIZE_FORMAT " bytes)", len),
                              name, len);
  tab = gtk_label_new (tab_text);
  gtk_notebook_append_page (self->notebook, scroller, tab);
  g_array_append_val (self->sources, src);
}

void
ss_hex_view_clear (SsHexView *self)
{
  while (gtk_notebook_get_n_pages (self->notebook) > 0)
    gtk_notebook_remove_page (self->notebook, -1);
  g_array_set_size (self->sources, 0);
  self->have_highlight = FALSE;
  gtk_notebook_set_show_tabs (self->notebook, FALSE);
}

void
ss_hex_view_set_packet (SsHexView      *self,
                        const SsPacket *pkt)
{
  g_return_if_fail (SS_IS_HEX_VIEW (self));
  ss_hex_view_clear (self);
  add_source (self, _("Frame"), pkt->data, pkt->caplen);
  for (guint i = 0; i < pkt->n_sources; i++)
    add_source (self, pkt->sources[i].name ? pkt->sources[i].name : _("Data"),
                pkt->sources[i].data, pkt->sources[i].len);
  /* Wireshark shows the tabs only when there is more than the frame. */
  gtk_notebook_set_show_tabs (self->notebook, self->sources->len > 1);
}

static void
apply_tag (SsHexSource *src,
           guint        offset,
           guint        length)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (src->view);
  gsize len = g_bytes_get_size (src->bytes);
  guint end;

  if (offset >= len)
    return;
  end = (guint) MIN ((gsize) offset + length, len);
  for (guint line = offset / 16; line * 16 < end; line++)
    {
      guint a = MAX (offset, line * 16) - line * 16;
      guint b = MIN (end, line * 16 + 16) - line * 16;   /* exclusive */
      GtkTextIter s, e;

      gtk_text_buffer_get_iter_at_line_offset (buffer, &s, (int) line,
                                               (int) hex_col (src->offset_digits, a));
      gtk_text_buffer_get_iter_at_line_offset (buffer, &e, (int) line,
                                               (int) hex_col (src->offset_digits, b - 1) + 2);
      gtk_text_buffer_apply_tag_by_name (buffer, "highlight", &s, &e);
      gtk_text_buffer_get_iter_at_line_offset (buffer, &s, (int) line,
                                               (int) ascii_col (src->offset_digits, a));
      gtk_text_buffer_get_iter_at_line_offset (buffer, &e, (int) line,
                                               (int) ascii_col (src->offset_digits, b - 1) + 1);
      gtk_text_buffer_apply_tag_by_name (buffer, "highlight", &s, &e);
    }
}

static gboolean
scroll_to_highlight (gpointer data)
{
  SsHexView *self = data;
  SsHexSource *src = get_source (self, self->hl_source);

  if (src && self->have_highlight)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (src->view);
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) (self->hl_offset / 16));
      gtk_text_view_scroll_to_iter (src->view, &iter, 0.1, FALSE, 0, 0);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

void
ss_hex_view_highlight (SsHexView *self,
                       guint      source,
                       guint      offset,
                       guint      length)
{
  g_return_if_fail (SS_IS_HEX_VIEW (self));
  for (guint i = 0; i < self->sources->len; i++)
    {
      SsHexSource *src = get_source (self, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (src->view);
      GtkTextIter s, e;

      gtk_text_buffer_get_bounds (buffer, &s, &e);
      gtk_text_buffer_remove_tag_by_name (buffer, "highlight", &s, &e);
    }
  self->have_highlight = FALSE;
  if (length == 0 || source >= self->sources->len)
    return;
  self->have_highlight = TRUE;
  self->hl_source = source;
  self->hl_offset = offset;
  self->hl_length = length;
  apply_tag (get_source (self, source), offset, length);
  gtk_notebook_set_current_page (self->notebook, (int) source);
  /* The view scrolls once it has laid out its text. */
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_highlight, g_object_ref (self), NULL);
}

gboolean
ss_hex_view_get_highlight (SsHexView *self,
                           guint     *source,
                           guint     *offset,
                           guint     *length)
{
  if (!self->have_highlight)
    return FALSE;
  *source = self->hl_source;
  *offset = self->hl_offset;
  *length = self->hl_length;
  return TRUE;
}

guint
ss_hex_view_get_n_sources (SsHexView *self)
{
  return self->sources->len;
}

char *
ss_hex_view_dup_text (SsHexView *self,
                      guint      source)
{
  SsHexSource *src = get_source (self, source);
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  if (!src)
    return NULL;
  buffer = gtk_text_view_get_buffer (src->view);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

char *
ss_hex_view_dup_highlighted_text (SsHexView *self,
                                  guint      source)
{
  SsHexSource *src = get_source (self, source);
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter;
  GString *out = g_string_new (NULL);

  if (!src)
    return g_string_free (out, FALSE);
  buffer = gtk_text_view_get_buffer (src->view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  gtk_text_buffer_get_start_iter (buffer, &iter);
  /* Only the hex column: the highlighted runs before each line's ASCII part. */
  do
    {
      if (gtk_text_iter_has_tag (&iter, tag)
          && (guint) gtk_text_iter_get_line_offset (&iter) < ascii_col (src->offset_digits, 0))
        {
          gunichar c = gtk_text_iter_get_char (&iter);

          if (c != ' ')
            g_string_append_unichar (out, c);
        }
    }
  while (gtk_text_iter_forward_char (&iter));
  return g_string_free (out, FALSE);
}

void
ss_hex_view_activate_byte (SsHexView *self,
                           guint      source,
                           guint      offset)
{
  g_signal_emit (self, signals[BYTE_ACTIVATED], 0, source, offset);
}

static void
ss_hex_view_dispose (GObject *object)
{
  SsHexView *self = SS_HEX_VIEW (object);

  g_clear_pointer (&self->sources, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_HEX_VIEW);
  G_OBJECT_CLASS (ss_hex_view_parent_class)->dispose (object);
}

static void
ss_hex_view_class_init (SsHexViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_hex_view_dispose;

  /* A byte was clicked: (byte source, offset). */
  signals[BYTE_ACTIVATED] = g_signal_new ("byte-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-hex-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SsHexView, notebook);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sshexview");
}

static void
ss_hex_view_init (SsHexView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sources = g_array_new (FALSE, TRUE, sizeof (SsHexSource));
  g_array_set_clear_func (self->sources, source_clear);
}

GtkWidget *
ss_hex_view_new (void)
{
  return g_object_new (SS_TYPE_HEX_VIEW, NULL);
}
