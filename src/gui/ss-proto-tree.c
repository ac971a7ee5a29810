/* ss-proto-tree.c: the packet details pane */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-format.h"
#include "ss-proto-tree.h"
#include "ss-ui-path.h"

/* ------------------------------------------------------------------------------------------ */
/* SsTreeNode */

struct _SsTreeNode
{
  GObject     parent_instance;
  SsTreeNode *parent;       /* weak: the parent owns its children */
  char       *label;
  const char *abbrev;       /* static: from the field table */
  const char *field_name;   /* static, translated */
  char       *filter;
  char       *value;
  char       *key;          /* what expansion is remembered by */
  guint       source;
  guint       offset;
  guint       length;
  guint       severity;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (SsTreeNode, ss_tree_node, G_TYPE_OBJECT)

static void
ss_tree_node_finalize (GObject *object)
{
  SsTreeNode *node = SS_TREE_NODE (object);

  g_free (node->label);
  g_free (node->filter);
  g_free (node->value);
  g_free (node->key);
  g_clear_object (&node->children);
  G_OBJECT_CLASS (ss_tree_node_parent_class)->finalize (object);
}

static void
ss_tree_node_class_init (SsTreeNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ss_tree_node_finalize;
}

static void
ss_tree_node_init (SsTreeNode *node)
{
}

const char *
ss_tree_node_get_label (SsTreeNode *node)
{
  return node->label;
}

const char *
ss_tree_node_get_abbrev (SsTreeNode *node)
{
  return node->abbrev;
}

const char *
ss_tree_node_get_field_name (SsTreeNode *node)
{
  return node->field_name;
}

const char *
ss_tree_node_get_filter (SsTreeNode *node)
{
  return node->filter;
}

const char *
ss_tree_node_get_value (SsTreeNode *node)
{
  return node->value;
}

guint
ss_tree_node_get_source (SsTreeNode *node)
{
  return node->source;
}

guint
ss_tree_node_get_offset (SsTreeNode *node)
{
  return node->offset;
}

guint
ss_tree_node_get_length (SsTreeNode *node)
{
  return node->length;
}

guint
ss_tree_node_get_severity (SsTreeNode *node)
{
  return node->severity;
}

SsTreeNode *
ss_tree_node_get_parent (SsTreeNode *node)
{
  return node->parent;
}

GListModel *
ss_tree_node_get_children (SsTreeNode *node)
{
  return node->children ? G_LIST_MODEL (node->children) : NULL;
}

static void
append_filter_string (GString    *out,
                      const char *s)
{
  g_string_append_c (out, '"');
  for (; *s; s++)
    {
      if (*s == '"' || *s == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
}

/* The filter Wireshark's "Apply as Filter → Selected" builds for a field. */
static char *
build_filter (const SsItem *it)
{
  const SsFieldDef *def = it->def;
  GString *out;

  if (!def || !def->abbrev)
    return NULL;
  out = g_string_new (def->abbrev);
  switch (def->type)
    {
    case SS_FT_NONE:
    case SS_FT_PROTOCOL:
      break;
    case SS_FT_BYTES:
      if (it->v.bytes.len == 0)
        break;
      g_string_append (out, " == ");
      for (guint32 i = 0; i < it->v.bytes.len; i++)
        g_string_append_printf (out, i ? ":%02x" : "%02x", it->v.bytes.data[i]);
      break;
    case SS_FT_STRING:
      g_string_append (out, " == ");
      append_filter_string (out, it->v.str ? it->v.str : "");
      break;
    case SS_FT_ABSOLUTE_TIME:
      {
        g_autoptr(GString) v = g_string_new (NULL);

        ss_format_field_value (it, v);
        g_string_append (out, " == ");
        append_filter_string (out, v->str);
      }
      break;
    default:
      g_string_append (out, " == ");
      ss_format_field_value (it, out);
      break;
    }
  return g_string_free (out, FALSE);
}

static SsTreeNode *
node_new (SsPacket     *pkt,
          const SsItem *it,
          SsTreeNode   *parent)
{
  SsTreeNode *node = g_object_new (SS_TYPE_TREE_NODE, NULL);
  const char *label = ss_format_item_label (pkt, it);
  gboolean expert = it->def && it->id == pkt->bases[SS_PROTO_EXPERT];

  node->parent = parent;
  if ((it->flags & SS_ITEM_GENERATED) || expert)
    node->label = g_strdup_printf ("[%s]", label);
  else
    node->label = g_strdup (label);
  node->source = it->source;
  node->offset = it->offset;
  node->length = it->length;
  if (expert)
    node->severity = (guint) it->v.u;
  if (it->def)
    {
      node->abbrev = it->def->abbrev;
      node->field_name = it->def->name ? _(it->def->name) : NULL;
      node->filter = build_filter (it);
      if (it->def->type != SS_FT_NONE && it->def->type != SS_FT_PROTOCOL)
        {
          GString *v = g_string_new (NULL);

          ss_format_field_value (it, v);
          node->value = g_string_free (v, FALSE);
        }
      node->key = g_strdup (it->def->abbrev);
    }
  else
    {
      /* A text line is remembered by its parent's field and its text up to the colon. */
      const char *colon = strchr (label, ':');

      node->key = g_strdup_printf ("%s/%.*s", parent && parent->key ? parent->key : "",
                                   colon ? (int) (colon - label) : (int) strlen (label), label);
    }
  return node;
}

static void
build_children (SsPacket     *pkt,
                const SsItem *first,
                SsTreeNode   *parent,
                GListStore   *store)
{
  for (const SsItem *it = first; it; it = it->next)
    {
      g_autoptr(SsTreeNode) node = NULL;

      if (it->flags & SS_ITEM_HIDDEN)
        continue;
      node = node_new (pkt, it, parent);
      if (it->first_child)
        {
          node->children = g_list_store_new (SS_TYPE_TREE_NODE);
          build_children (pkt, it->first_child, node, node->children);
          if (g_list_model_get_n_items (G_LIST_MODEL (node->children)) == 0)
            g_clear_object (&node->children);
        }
      g_list_store_append (store, node);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* SsProtoTree */

struct _SsProtoTree
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GMenuModel         *context_menu;
  GtkWidget          *popover;

  GListStore         *roots;
  GtkTreeListModel   *tree_model;
  GtkSingleSelection *selection;
  GHashTable         *expanded;     /* node keys the user expanded */
  gboolean            restoring;
  guint               scroll_position;
  guint               scroll_tick;
};

enum
{
  NODE_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsProtoTree, ss_proto_tree, GTK_TYPE_WIDGET)

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = ss_tree_node_get_children (SS_TREE_NODE (item));

  return children ? g_object_ref (children) : NULL;
}

static void
row_expanded_cb (GtkTreeListRow *row,
                 GParamSpec     *pspec,
                 SsProtoTree    *self)
{
  g_autoptr(SsTreeNode) node = gtk_tree_list_row_get_item (row);

  if (self->restoring || !node || !node->key)
    return;
  if (gtk_tree_list_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (node->key));
  else
    g_hash_table_remove (self->expanded, node->key);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SsProtoTree              *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SsProtoTree              *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(SsTreeNode) node = gtk_tree_list_row_get_item (row);
  static const char *const severity_class[] = {
    NULL, "ss-expert-chat", "ss-expert-note", "ss-expert-warn", "ss-expert-error"
  };

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (label), node->label);
  for (guint i = 1; i < G_N_ELEMENTS (severity_class); i++)
    gtk_widget_remove_css_class (label, severity_class[i]);
  if (node->severity > 0 && node->severity < G_N_ELEMENTS (severity_class))
    gtk_widget_add_css_class (label, severity_class[node->severity]);
  if (node->abbrev)
    {
      g_autofree char *tip = g_strdup_printf ("%s (%s)", node->field_name ? node->field_name : "",
                                              node->abbrev);
      gtk_widget_set_tooltip_text (label, tip);
    }
  else
    gtk_widget_set_tooltip_text (label, NULL);
  g_object_set_data (G_OBJECT (label), "ss-list-item", item);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SsProtoTree              *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);

  if (row)
    g_signal_handlers_disconnect_by_func (row, row_expanded_cb, self);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
selected_cb (GtkSingleSelection *selection,
             GParamSpec         *pspec,
             SsProtoTree        *self)
{
  g_signal_emit (self, signals[NODE_SELECTED], 0, ss_proto_tree_get_selected (self));
}

SsTreeNode *
ss_proto_tree_get_selected (SsProtoTree *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (SS_IS_PROTO_TREE (self), NULL);
  row = gtk_single_selection_get_selected_item (self->selection);
  if (!row)
    return NULL;
  {
    g_autoptr(SsTreeNode) node = gtk_tree_list_row_get_item (row);

    /* The row holds a reference as long as it is shown. */
    return node;
  }
}

GListModel *
ss_proto_tree_get_roots (SsProtoTree *self)
{
  return G_LIST_MODEL (self->roots);
}

static void
restore_expansion (SsProtoTree *self)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  self->restoring = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(SsTreeNode) node = gtk_tree_list_row_get_item (row);

      if (node->key && node->children && g_hash_table_contains (self->expanded, node->key))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  self->restoring = FALSE;
}

void
ss_proto_tree_clear (SsProtoTree *self)
{
  g_list_store_remove_all (self->roots);
}

void
ss_proto_tree_set_packet (SsProtoTree *self,
                          SsPacket    *pkt)
{
  g_autoptr(GListStore) store = g_list_store_new (SS_TYPE_TREE_NODE);
  guint n;

  g_return_if_fail (SS_IS_PROTO_TREE (self));
  build_children (pkt, pkt->root.first_child, NULL, store);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->roots));
  {
    g_autofree gpointer *items = NULL;
    guint n_new = g_list_model_get_n_items (G_LIST_MODEL (store));

    items = g_new0 (gpointer, n_new + 1);
    for (guint i = 0; i < n_new; i++)
      items[i] = g_list_model_get_item (G_LIST_MODEL (store), i);
    g_list_store_splice (self->roots, 0, n, items, n_new);
    for (guint i = 0; i < n_new; i++)
      g_object_unref (items[i]);
  }
  restore_expansion (self);
}

/* Position of @node in the flattened list, G_MAXUINT when not shown. */
static guint
find_row (SsProtoTree *self,
          SsTreeNode  *node)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(SsTreeNode) item = gtk_tree_list_row_get_item (row);

      if (item == node)
        return i;
    }
  return G_MAXUINT;
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  SsProtoTree *self = SS_PROTO_TREE (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree_model));

  if (self->scroll_position < n && gtk_widget_get_height (GTK_WIDGET (self->list_view)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                self->scroll_position);
  self->scroll_position = G_MAXUINT;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
reveal_and_select (SsProtoTree *self,
                   SsTreeNode  *node)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  guint pos;

  for (SsTreeNode *p = node->parent; p; p = p->parent)
    g_ptr_array_insert (chain, 0, p);
  for (guint i = 0; i < chain->len; i++)
    {
      guint at = find_row (self, chain->pdata[i]);

      if (at != G_MAXUINT)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, at);

          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  pos = find_row (self, node);
  if (pos == G_MAXUINT)
    return;
  gtk_single_selection_set_selected (self->selection, pos);
  /* On the next frame: the rows the expansion added are laid out by then. */
  self->scroll_position = pos;
  if (!self->scroll_tick)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

static void
find_byte (GListModel  *nodes,
           guint        source,
           guint        offset,
           guint        depth,
           SsTreeNode **best,
           guint       *best_depth)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SsTreeNode) node = g_list_model_get_item (nodes, i);

      if (node->source == source && node->length > 0 && offset >= node->offset
          && offset - node->offset < node->length)
        {
          /* The deepest field wins; among equals, the narrowest. */
          if (!*best || depth > *best_depth
              || (depth == *best_depth && node->length < (*best)->length))
            {
              *best = node;
              *best_depth = depth;
            }
        }
      if (node->children)
        find_byte (G_LIST_MODEL (node->children), source, offset, depth + 1, best, best_depth);
    }
}

gboolean
ss_proto_tree_select_byte (SsProtoTree *self,
                           guint        source,
                           guint        offset)
{
  SsTreeNode *best = NULL;
  guint best_depth = 0;

  find_byte (G_LIST_MODEL (self->roots), source, offset, 0, &best, &best_depth);
  if (!best)
    return FALSE;
  reveal_and_select (self, best);
  return TRUE;
}

static SsTreeNode *
find_abbrev (GListModel *nodes,
             const char *abbrev)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SsTreeNode) node = g_list_model_get_item (nodes, i);
      SsTreeNode *found;

      if (node->abbrev && strcmp (node->abbrev, abbrev) == 0)
        return node;
      if (node->children && (found = find_abbrev (G_LIST_MODEL (node->children), abbrev)))
        return found;
    }
  return NULL;
}

gboolean
ss_proto_tree_select_abbrev (SsProtoTree *self,
                             const char  *abbrev)
{
  SsTreeNode *node = find_abbrev (G_LIST_MODEL (self->roots), abbrev);

  if (!node)
    return FALSE;
  reveal_and_select (self, node);
  return TRUE;
}

static void
set_expanded_below (SsProtoTree *self,
                    guint        pos,
                    gboolean     expanded,
                    gboolean     whole_tree)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);
  guint depth;
  guint i;

  if (whole_tree)
    {
      pos = 0;
      depth = 0;
    }
  else
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, pos);

      if (!row)
        return;
      depth = gtk_tree_list_row_get_depth (row);
      gtk_tree_list_row_set_expanded (row, expanded);
      pos++;
    }
  /* Rows appear after their parent as it expands: walk on until the subtree ends. */
  for (i = pos; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);

      if (!whole_tree && gtk_tree_list_row_get_depth (row) <= depth)
        break;
      gtk_tree_list_row_set_expanded (row, expanded);
    }
}

void
ss_proto_tree_expand_subtrees (SsProtoTree *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (pos != GTK_INVALID_LIST_POSITION)
    set_expanded_below (self, pos, TRUE, FALSE);
}

void
ss_proto_tree_collapse_subtrees (SsProtoTree *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (pos != GTK_INVALID_LIST_POSITION)
    set_expanded_below (self, pos, FALSE, FALSE);
}

void
ss_proto_tree_expand_all (SsProtoTree *self)
{
  set_expanded_below (self, 0, TRUE, TRUE);
}

void
ss_proto_tree_collapse_all (SsProtoTree *self)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  /* Collapsing the top-level rows is enough; forget what the user had open. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);

      gtk_tree_list_row_set_expanded (row, FALSE);
    }
  g_hash_table_remove_all (self->expanded);
  g_hash_table_add (self->expanded, g_strdup ("ebpf"));
}

char *
ss_proto_tree_dup_visible_text (SsProtoTree *self)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(SsTreeNode) node = gtk_tree_list_row_get_item (row);

      for (guint d = 0; d < gtk_tree_list_row_get_depth (row); d++)
        g_string_append (out, "    ");
      g_string_append (out, node->label);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
context_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SsProtoTree     *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  for (GtkWidget *w = picked; w && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (w), "ss-list-item");

      if (item)
        {
          gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
          break;
        }
    }
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

static void
ss_proto_tree_dispose (GObject *object)
{
  SsProtoTree *self = SS_PROTO_TREE (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_PROTO_TREE);
  G_OBJECT_CLASS (ss_proto_tree_parent_class)->dispose (object);
}

static void
ss_proto_tree_class_init (SsProtoTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_proto_tree_dispose;

  /* The selected field changed (an SsTreeNode, or NULL). */
  signals[NODE_SELECTED] = g_signal_new ("node-selected", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, SS_TYPE_TREE_NODE);

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-proto-tree.ui");
  gtk_widget_class_bind_template_child (widget_class, SsProtoTree, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsProtoTree, list_view);
  gtk_widget_class_bind_template_child (widget_class, SsProtoTree, context_menu);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ssprototree");
}

static void
ss_proto_tree_init (SsProtoTree *self)
{
  GtkListItemFactory *factory;
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scroll_position = G_MAXUINT;
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Pod, container and process are what an SRE looks for first. */
  g_hash_table_add (self->expanded, g_strdup ("ebpf"));
  self->roots = g_list_store_new (SS_TYPE_TREE_NODE);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)), FALSE,
                                              FALSE, create_children, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selected_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (context_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
ss_proto_tree_new (void)
{
  return g_object_new (SS_TYPE_PROTO_TREE, NULL);
}
