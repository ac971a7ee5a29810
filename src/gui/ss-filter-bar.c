/* ss-filter-bar.c: display filter entry with validation, completion and history */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-filter-bar.h"
#include "ss-dfilter.h"
#include "ss-ui-path.h"

/* Completion lists longer than this are cut: nobody scrolls through 3,000 field names. */
#define MAX_COMPLETIONS 200

struct _SsFilterBar
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkMenuButton    *history_button;
  GtkEntry         *entry;
  GtkButton        *clear_button;
  GtkButton        *apply_button;
  GMenu            *history_section;
  GtkPopover       *completion_popover;
  GtkListView      *completion_view;

  const SsRegistry *reg;
  SsFilterState     state;
  char             *error;
  int               error_start;
  int               error_end;
  char             *applied;

  GtkStringList    *completions;     /* abbrevs */
  GPtrArray        *completion_info; /* SsDfilterCompletion, same order */
  GtkSingleSelection *completion_selection;
  int               token_start;     /* byte offsets of the word being completed */
  int               token_end;
  gboolean          completing;      /* inserting a completion: do not reopen the list */
};

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsFilterBar, ss_filter_bar, GTK_TYPE_WIDGET)

static gboolean
is_field_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || c == '.' || c == '-';
}

/* ------------------------------------------------------------------------------------------ */
/* Validation */

static void
set_state (SsFilterBar   *self,
           SsFilterState  state,
           const char    *error,
           gssize         start,
           gssize         end)
{
  GtkWidget *entry = GTK_WIDGET (self->entry);
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gssize len = (gssize) strlen (text);

  self->state = state;
  g_clear_pointer (&self->error, g_free);
  self->error = g_strdup (error);
  self->error_start = self->error_end = -1;
  gtk_widget_remove_css_class (entry, "ss-filter-valid");
  gtk_widget_remove_css_class (entry, "ss-filter-invalid");
  gtk_widget_remove_css_class (entry, "ss-filter-pending");

  switch (state)
    {
    case SS_FILTER_STATE_VALID:
      gtk_widget_add_css_class (entry, "ss-filter-valid");
      if (self->applied && strcmp (self->applied, text) != 0)
        gtk_widget_add_css_class (entry, "ss-filter-pending");
      gtk_widget_set_tooltip_text (entry, NULL);
      break;
    case SS_FILTER_STATE_INVALID:
      gtk_widget_add_css_class (entry, "ss-filter-invalid");
      gtk_widget_set_tooltip_text (entry, error);
      /* No place of its own: the filter ended too early. Underline the end. */
      if (start < 0)
        start = end = len;
      if (end <= start)
        {
          /* A point: underline the character before it (or the last one). */
          start = MAX (0, MIN (start, len) - 1);
          end = MIN (len, start + 1);
        }
      start = CLAMP (start, 0, len);
      end = CLAMP (end, start, len);
      self->error_start = (int) start;
      self->error_end = (int) end;
      if (end > start)
        {
          PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
          PangoAttribute *color = pango_attr_underline_color_new (0xe000, 0x1b00, 0x2400);

          underline->start_index = color->start_index = (guint) start;
          underline->end_index = color->end_index = (guint) end;
          pango_attr_list_insert (attrs, underline);
          pango_attr_list_insert (attrs, color);
        }
      break;
    case SS_FILTER_STATE_EMPTY:
    default:
      gtk_widget_set_tooltip_text (entry, NULL);
      break;
    }
  gtk_entry_set_attributes (self->entry, attrs);
  pango_attr_list_unref (attrs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filter.apply",
                                 state != SS_FILTER_STATE_INVALID);
}

static void
validate (SsFilterBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(SsDfilter) df = NULL;
  SsDfilterLoc loc = { -1, -1 };
  const char *p;

  for (p = text; *p && g_ascii_isspace (*p); p++)
    ;
  if (!*p)
    {
      set_state (self, SS_FILTER_STATE_EMPTY, NULL, -1, -1);
      return;
    }
  if (!self->reg)
    return;
  df = ss_dfilter_compile (self->reg, text, &loc, &error);
  if (df)
    set_state (self, SS_FILTER_STATE_VALID, NULL, -1, -1);
  else
    set_state (self, SS_FILTER_STATE_INVALID, error ? error->message : _("Invalid filter"),
               loc.start, loc.end);
}

/* ------------------------------------------------------------------------------------------ */
/* Completion */

static void
hide_completions (SsFilterBar *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->completion_popover)))
    gtk_popover_popdown (self->completion_popover);
}

static void
update_completions (SsFilterBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  int cursor = gtk_editable_get_position (GTK_EDITABLE (self->entry));
  const char *cur = g_utf8_offset_to_pointer (text, cursor);
  const char *start = cur, *end = cur;
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GdkRectangle rect;
  guint n;

  if (!self->reg || self->completing)
    return;
  while (start > text)
    {
      const char *prev = g_utf8_prev_char (start);

      if (!is_field_char (g_utf8_get_char (prev)))
        break;
      start = prev;
    }
  while (*end && is_field_char (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  /* A field name starts with a letter (or "_ws"); a number or a value is not completed. */
  if (start == cur || !(g_ascii_isalpha (*start) || *start == '_'))
    {
      hide_completions (self);
      return;
    }
  prefix = g_strndup (start, cur - start);
  found = ss_dfilter_complete (self->reg, prefix);
  n = MIN (found->len, MAX_COMPLETIONS);
  /* Nothing to offer, or exactly what is typed already. */
  if (n == 0 || (n == 1 && strcmp (((SsDfilterCompletion *) found->pdata[0])->abbrev, prefix) == 0))
    {
      hide_completions (self);
      return;
    }

  self->token_start = (int) (start - text);
  self->token_end = (int) (end - text);
  g_clear_pointer (&self->completion_info, g_ptr_array_unref);
  self->completion_info = g_ptr_array_ref (found);
  {
    g_autofree const char **names = g_new0 (const char *, n + 1);

    for (guint i = 0; i < n; i++)
      names[i] = ((SsDfilterCompletion *) found->pdata[i])->abbrev;
    gtk_string_list_splice (self->completions, 0,
                            g_list_model_get_n_items (G_LIST_MODEL (self->completions)), names);
  }
  gtk_single_selection_set_selected (self->completion_selection, 0);

  /* Point at the word being completed. */
  {
    double x = 0;
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (self->entry), GTK_WIDGET (self), &bounds))
      x = bounds.origin.x;
    rect.x = (int) x + 8;
    rect.y = 0;
    rect.width = 1;
    rect.height = gtk_widget_get_height (GTK_WIDGET (self));
  }
  gtk_popover_set_pointing_to (self->completion_popover, &rect);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->completion_popover)))
    gtk_popover_popup (self->completion_popover);
}

static void
accept_completion (SsFilterBar *self,
                   guint        position)
{
  const char *abbrev = gtk_string_list_get_string (self->completions, position);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GString) s = NULL;
  int cursor;

  if (!abbrev)
    return;
  s = g_string_new (NULL);
  g_string_append_len (s, text, self->token_start);
  g_string_append (s, abbrev);
  cursor = (int) g_utf8_strlen (s->str, -1);
  g_string_append (s, text + MIN ((gsize) self->token_end, strlen (text)));
  self->completing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), s->str);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), cursor);
  self->completing = FALSE;
  hide_completions (self);
  validate (self);
}

static void
completion_activate_cb (GtkListView *view,
                        guint        position,
                        SsFilterBar *self)
{
  accept_completion (self, position);
}

static void
completion_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SsFilterBar              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *desc = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (desc), 1);
  gtk_widget_set_hexpand (desc, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (desc), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "monospace");
  gtk_widget_add_css_class (desc, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), desc);
  gtk_list_item_set_child (item, box);
}

static void
completion_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SsFilterBar              *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *desc = gtk_widget_get_next_sibling (name);
  guint pos = gtk_list_item_get_position (item);
  const SsDfilterCompletion *c = NULL;

  if (self->completion_info && pos < self->completion_info->len)
    c = self->completion_info->pdata[pos];
  gtk_label_set_text (GTK_LABEL (name), c ? c->abbrev : "");
  gtk_label_set_text (GTK_LABEL (desc), c && c->name ? c->name : "");
  gtk_widget_set_tooltip_text (box, c ? c->type_name : NULL);
}

static void
move_completion (SsFilterBar *self,
                 int          delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->completions));
  guint sel = gtk_single_selection_get_selected (self->completion_selection);
  gint next;

  if (n == 0)
    return;
  next = sel == GTK_INVALID_LIST_POSITION ? 0 : (gint) sel + delta;
  next = CLAMP (next, 0, (gint) n - 1);
  gtk_single_selection_set_selected (self->completion_selection, (guint) next);
  gtk_widget_activate_action (GTK_WIDGET (self->completion_view), "list.scroll-to-item", "u",
                              (guint) next);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SsFilterBar           *self)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->completion_popover));

  if (!shown)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_completion (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_completion (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
      move_completion (self, 10);
      return TRUE;
    case GDK_KEY_Page_Up:
      move_completion (self, -10);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      {
        guint sel = gtk_single_selection_get_selected (self->completion_selection);

        if (sel != GTK_INVALID_LIST_POSITION)
          {
            accept_completion (self, sel);
            return TRUE;
          }
      }
      return FALSE;
    case GDK_KEY_Escape:
      hide_completions (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------------------------ */

static void
changed_cb (GtkEditable *editable,
            SsFilterBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  validate (self);
  /* Complete what the user types, not text set by the program. */
  if (focus && (focus == GTK_WIDGET (self->entry)
                || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entry))))
    update_completions (self);
}

static void
activate_cb (GtkEntry    *entry,
             SsFilterBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "filter.apply", NULL);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SsFilterBar *self = SS_FILTER_BAR (widget);

  hide_completions (self);
  validate (self);
  if (self->state == SS_FILTER_STATE_INVALID)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_signal_emit (self, signals[APPLY], 0, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SsFilterBar *self = SS_FILTER_BAR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  apply_action (widget, NULL, NULL);
}

static void
apply_recent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsFilterBar *self = SS_FILTER_BAR (widget);

  self->completing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), g_variant_get_string (parameter, NULL));
  self->completing = FALSE;
  apply_action (widget, NULL, NULL);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                SsFilterBar             *self)
{
  hide_completions (self);
}

void
ss_filter_bar_set_registry (SsFilterBar      *self,
                            const SsRegistry *reg)
{
  self->reg = reg;
  validate (self);
}

const char *
ss_filter_bar_get_text (SsFilterBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
ss_filter_bar_set_text (SsFilterBar *self,
                        const char  *text)
{
  self->completing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->completing = FALSE;
  validate (self);
}

SsFilterState
ss_filter_bar_get_state (SsFilterBar *self)
{
  return self->state;
}

const char *
ss_filter_bar_get_error (SsFilterBar *self)
{
  return self->state == SS_FILTER_STATE_INVALID ? self->error : NULL;
}

gboolean
ss_filter_bar_get_error_span (SsFilterBar *self,
                              int         *start,
                              int         *end)
{
  if (self->state != SS_FILTER_STATE_INVALID || self->error_start < 0)
    return FALSE;
  *start = self->error_start;
  *end = self->error_end;
  return TRUE;
}

void
ss_filter_bar_set_history (SsFilterBar        *self,
                           const char * const *filters)
{
  g_menu_remove_all (self->history_section);
  for (guint i = 0; filters && filters[i]; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);
      g_autofree char *label = NULL;

      /* Underscores would be taken for mnemonics. */
      label = g_strdup (filters[i]);
      g_strdelimit (label, "\n", ' ');
      g_menu_item_set_attribute (item, "label", "s", label);
      g_menu_item_set_attribute (item, "use-markup", "b", FALSE);
      g_menu_item_set_action_and_target_value (item, "filter.apply-recent",
                                               g_variant_new_string (filters[i]));
      g_menu_append_item (self->history_section, item);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_button), filters && filters[0]);
}

void
ss_filter_bar_set_applied (SsFilterBar *self,
                           const char  *text)
{
  g_free (self->applied);
  self->applied = g_strdup (text ? text : "");
  validate (self);
}

void
ss_filter_bar_focus (SsFilterBar *self)
{
  /* Focus without selecting, the cursor at the end: ready to add "&& ...". */
  gtk_entry_grab_focus_without_selecting (self->entry);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

GtkWidget *
ss_filter_bar_get_entry (SsFilterBar *self)
{
  return GTK_WIDGET (self->entry);
}

GListModel *
ss_filter_bar_get_completions (SsFilterBar *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->completion_popover)))
    return NULL;
  return G_LIST_MODEL (self->completions);
}

static void
ss_filter_bar_dispose (GObject *object)
{
  SsFilterBar *self = SS_FILTER_BAR (object);

  if (self->completion_popover)
    {
      gtk_widget_unparent (GTK_WIDGET (self->completion_popover));
      self->completion_popover = NULL;
    }
  g_clear_pointer (&self->completion_info, g_ptr_array_unref);
  g_clear_object (&self->completion_selection);
  g_clear_object (&self->completions);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_FILTER_BAR);
  G_OBJECT_CLASS (ss_filter_bar_parent_class)->dispose (object);
}

static void
ss_filter_bar_finalize (GObject *object)
{
  SsFilterBar *self = SS_FILTER_BAR (object);

  g_free (self->error);
  g_free (self->applied);
  G_OBJECT_CLASS (ss_filter_bar_parent_class)->finalize (object);
}

static void
ss_filter_bar_class_init (SsFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_filter_bar_dispose;
  object_class->finalize = ss_filter_bar_finalize;

  /* Enter or the apply button: the text to filter with ("" for no filter). */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, box);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, history_button);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, entry);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, history_section);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, completion_popover);
  gtk_widget_class_bind_template_child (widget_class, SsFilterBar, completion_view);

  gtk_widget_class_install_action (widget_class, "filter.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "filter.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "filter.apply-recent", "s", apply_recent_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ssfilterbar");
}

static void
ss_filter_bar_init (SsFilterBar *self)
{
  GtkEventController *key;
  GtkEventController *focus;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The popover is a template object, not a child: give it a parent. */
  gtk_widget_set_parent (GTK_WIDGET (self->completion_popover), GTK_WIDGET (self));
  self->completions = gtk_string_list_new (NULL);
  self->completion_selection =
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->completions)));
  gtk_single_selection_set_autoselect (self->completion_selection, FALSE);
  gtk_list_view_set_model (self->completion_view, GTK_SELECTION_MODEL (self->completion_selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (completion_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (completion_bind_cb), self);
  gtk_list_view_set_factory (self->completion_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->completion_view, "activate", G_CALLBACK (completion_activate_cb), self);

  g_signal_connect (self->entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (activate_cb), self);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);

  ss_filter_bar_set_history (self, NULL);
  set_state (self, SS_FILTER_STATE_EMPTY, NULL, -1, -1);
}

GtkWidget *
ss_filter_bar_new (void)
{
  return g_object_new (SS_TYPE_FILTER_BAR, NULL);
}
