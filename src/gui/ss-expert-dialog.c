/* ss-expert-dialog.c: Expert Information, gathered in a worker */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-expert-dialog.h"
#include "ss-ui-path.h"

/* Opening a group makes one row per packet: past this many, one last row says how many more. */
#define MAX_ITEMS_SHOWN 5000

/* ------------------------------------------------------------------------------------------ */
/* Gathering (worker thread, plain C) */

typedef struct
{
  guint32     frame;
  const char *message;   /* in the gather's string chunk */
} ExpertItem;

typedef struct
{
  const SsExpertDef *def;
  const char        *protocol;   /* short name ("TCP") */
  GArray            *items;      /* ExpertItem */
} ExpertGroup;

typedef struct
{
  SsDocument   *doc;
  GArray       *frames;          /* NULL: all */
  GHashTable   *by_field;        /* expert field id -> ExpertGroup */
  GPtrArray    *groups;          /* ExpertGroup, owned */
  GStringChunk *strings;
  SsFieldId     message_id;
  ExpertGroup  *current;         /* the group of the item whose message comes next */
  gint          progress;        /* permille, atomic */
} Gather;

static void
expert_group_free (gpointer p)
{
  ExpertGroup *g = p;

  g_array_unref (g->items);
  g_free (g);
}

static void
gather_free (Gather *gather)
{
  ss_document_unref (gather->doc);
  g_clear_pointer (&gather->frames, g_array_unref);
  g_hash_table_unref (gather->by_field);
  g_ptr_array_unref (gather->groups);
  g_string_chunk_free (gather->strings);
  g_free (gather);
}

static void
gather_packet (SsPacket *pkt,
               gpointer  data)
{
  Gather *gather = data;

  gather->current = NULL;
  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    {
      ExpertGroup *group;

      if (it->id == gather->message_id && gather->current)
        {
          ExpertItem *last = &g_array_index (gather->current->items, ExpertItem,
                                             gather->current->items->len - 1);

          if (!last->message && it->v.str)
            last->message = g_string_chunk_insert_const (gather->strings, it->v.str);
          gather->current = NULL;
          continue;
        }
      group = g_hash_table_lookup (gather->by_field, GUINT_TO_POINTER (it->id));
      if (group)
        {
          ExpertItem item = { pkt->number, NULL };

          g_array_append_val (group->items, item);
          gather->current = group;
        }
    }
}

static void
gather_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Gather *gather = task_data;
  const SsRegistry *reg = ss_document_get_registry (gather->doc);
  const guint32 *bases = ss_registry_get_bases (reg);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (SsFieldId));

  /* Every expert item of every protocol is a field of its own; its message follows it. */
  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    {
      const SsProtocol *proto = ss_registry_get_protocol (reg, (SsProtocolId) p);

      for (guint i = 0; proto && i < proto->n_experts; i++)
        {
          SsFieldId id = ss_registry_expert_field_id (bases, proto, i);
          ExpertGroup *group = g_new0 (ExpertGroup, 1);

          group->def = &proto->experts[i];
          group->protocol = proto->short_name;
          group->items = g_array_new (FALSE, FALSE, sizeof (ExpertItem));
          g_ptr_array_add (gather->groups, group);
          g_hash_table_insert (gather->by_field, GUINT_TO_POINTER (id), group);
          g_array_append_val (wanted, id);
        }
    }
  gather->message_id = ss_registry_get_protocol_field (reg, SS_PROTO_EXPERT) + 1;
  g_array_append_val (wanted, gather->message_id);

  if (!ss_document_foreach_packet (gather->doc, gather->frames,
                                   (SsFieldId *) (gpointer) wanted->data, wanted->len,
                                   gather_packet, gather, cancellable, &gather->progress))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* Rows */

#define SS_TYPE_EXPERT_ROW (ss_expert_row_get_type ())
G_DECLARE_FINAL_TYPE (SsExpertRow, ss_expert_row, SS, EXPERT_ROW, GObject)

struct _SsExpertRow
{
  GObject      parent_instance;
  ExpertGroup *group;      /* borrowed from the dialog's gather */
  guint        index;      /* item index, G_MAXUINT for the group row */
  guint        more;       /* the "and N more" row */
};

G_DEFINE_FINAL_TYPE (SsExpertRow, ss_expert_row, G_TYPE_OBJECT)

static void
ss_expert_row_class_init (SsExpertRowClass *klass)
{
}

static void
ss_expert_row_init (SsExpertRow *row)
{
}

static SsExpertRow *
row_new (ExpertGroup *group,
         guint        index,
         guint        more)
{
  SsExpertRow *row = g_object_new (SS_TYPE_EXPERT_ROW, NULL);

  row->group = group;
  row->index = index;
  row->more = more;
  return row;
}

/* ------------------------------------------------------------------------------------------ */
/* The dialog */

struct _SsExpertDialog
{
  GtkWindow            parent_instance;

  GtkStack            *stack;
  GtkProgressBar      *progress_bar;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *col_severity;
  GtkColumnViewColumn *col_summary;
  GtkColumnViewColumn *col_group;
  GtkColumnViewColumn *col_protocol;
  GtkColumnViewColumn *col_count;
  GtkLabel            *summary_label;

  Gather              *gather;
  GCancellable        *cancellable;
  GListStore          *groups;
  GtkTreeListModel    *tree;
  guint                progress_source;
  gboolean             ready;
  guint                counts[5];
  char                *filter;
};

enum
{
  FRAME_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsExpertDialog, ss_expert_dialog, GTK_TYPE_WINDOW)

static const char *
severity_name (guint severity)
{
  switch (severity)
    {
    case SS_EXPERT_CHAT: return _("Chat");
    case SS_EXPERT_NOTE: return _("Note");
    case SS_EXPERT_WARN: return _("Warning");
    case SS_EXPERT_ERROR: return _("Error");
    default: return "";
    }
}

static const char *
group_name (guint group)
{
  static const char *const names[] = {
    NULL, N_("Checksum"), N_("Sequence"), N_("Response"), N_("Request"), N_("Undecoded"),
    N_("Reassemble"), N_("Malformed"), N_("Debug"), N_("Protocol"), N_("Security"),
    N_("Comment"), N_("Decryption"), N_("Assumption"), N_("Deprecated"),
  };

  return group < G_N_ELEMENTS (names) && names[group] ? _(names[group]) : "";
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  SsExpertRow *row = item;
  GListStore *store;
  guint n;

  if (row->index != G_MAXUINT)
    return NULL;
  store = g_list_store_new (SS_TYPE_EXPERT_ROW);
  n = MIN (row->group->items->len, (guint) MAX_ITEMS_SHOWN);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsExpertRow) child = row_new (row->group, i, 0);

      g_list_store_append (store, child);
    }
  if (row->group->items->len > n)
    {
      g_autoptr(SsExpertRow) more = row_new (row->group, n, row->group->items->len - n);

      g_list_store_append (store, more);
    }
  return G_LIST_MODEL (store);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (column) == 0)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
      gtk_list_item_set_child (item, expander);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  column)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  g_autoptr(SsExpertRow) row = gtk_tree_list_row_get_item (tree_row);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = child;
  const SsExpertDef *def = row->group->def;
  static const char *const classes[] = {
    NULL, "ss-expert-chat", "ss-expert-note", "ss-expert-warn", "ss-expert-error"
  };
  g_autofree char *text = NULL;

  if (GTK_IS_TREE_EXPANDER (child))
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), tree_row);
      label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
    }
  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);

  switch (GPOINTER_TO_INT (column))
    {
    case 0:
      if (row->index == G_MAXUINT)
        {
          gtk_label_set_text (GTK_LABEL (label), severity_name (def->severity));
          if (def->severity < G_N_ELEMENTS (classes))
            gtk_widget_add_css_class (label, classes[def->severity]);
        }
      else if (row->more)
        gtk_label_set_text (GTK_LABEL (label), "");
      else
        {
          text = g_strdup_printf (_("Packet %u"),
                                  g_array_index (row->group->items, ExpertItem, row->index).frame);
          gtk_label_set_text (GTK_LABEL (label), text);
        }
      break;
    case 1:
      if (row->index == G_MAXUINT)
        gtk_label_set_text (GTK_LABEL (label), _(def->summary));
      else if (row->more)
        {
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more packet",
                                               "… and %u more packets", row->more), row->more);
          gtk_label_set_text (GTK_LABEL (label), text);
        }
      else
        {
          const char *msg = g_array_index (row->group->items, ExpertItem, row->index).message;

          gtk_label_set_text (GTK_LABEL (label), msg ? msg : _(def->summary));
        }
      break;
    case 2:
      gtk_label_set_text (GTK_LABEL (label),
                          row->index == G_MAXUINT ? group_name (def->group) : "");
      break;
    case 3:
      gtk_label_set_text (GTK_LABEL (label), row->index == G_MAXUINT ? row->group->protocol : "");
      break;
    default:
      if (row->index == G_MAXUINT)
        {
          text = g_strdup_printf ("%u", row->group->items->len);
          gtk_label_set_text (GTK_LABEL (label), text);
        }
      else
        gtk_label_set_text (GTK_LABEL (label), "");
      break;
    }
}

static void
activate_cb (GtkColumnView  *view,
             guint           position,
             SsExpertDialog *self)
{
  g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, position);
  g_autoptr(SsExpertRow) row = tree_row ? gtk_tree_list_row_get_item (tree_row) : NULL;

  if (!row)
    return;
  if (row->index == G_MAXUINT)
    gtk_tree_list_row_set_expanded (tree_row, !gtk_tree_list_row_get_expanded (tree_row));
  else if (!row->more)
    g_signal_emit (self, signals[FRAME_ACTIVATED], 0,
                   g_array_index (row->group->items, ExpertItem, row->index).frame - 1);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const ExpertGroup *ga = *(ExpertGroup * const *) a;
  const ExpertGroup *gb = *(ExpertGroup * const *) b;

  /* Worst first, then the most frequent, as Wireshark orders them. */
  if (ga->def->severity != gb->def->severity)
    return ga->def->severity > gb->def->severity ? -1 : 1;
  if (ga->items->len != gb->items->len)
    return ga->items->len > gb->items->len ? -1 : 1;
  return g_strcmp0 (ga->def->summary, gb->def->summary);
}

static void
gather_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SsExpertDialog *self = SS_EXPERT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;
  g_ptr_array_sort (self->gather->groups, compare_groups);
  for (guint i = 0; i < self->gather->groups->len; i++)
    {
      ExpertGroup *group = self->gather->groups->pdata[i];
      g_autoptr(SsExpertRow) row = NULL;

      if (group->items->len == 0)
        continue;
      if (group->def->severity < G_N_ELEMENTS (self->counts))
        self->counts[group->def->severity] += group->items->len;
      row = row_new (group, G_MAXUINT, 0);
      g_list_store_append (self->groups, row);
    }
  g_string_printf (summary, _("Errors: %u · Warnings: %u · Notes: %u · Chats: %u"),
                   self->counts[SS_EXPERT_ERROR], self->counts[SS_EXPERT_WARN],
                   self->counts[SS_EXPERT_NOTE], self->counts[SS_EXPERT_CHAT]);
  if (self->filter && *self->filter)
    g_string_append_printf (summary, _(" — limited to the display filter “%s”"),
                            self->filter);
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_stack_set_visible_child_name (self->stack, "items");
  self->ready = TRUE;
}

static gboolean
progress_tick (gpointer data)
{
  SsExpertDialog *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->gather->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

gboolean
ss_expert_dialog_is_ready (SsExpertDialog *self)
{
  return self->ready;
}

GListModel *
ss_expert_dialog_get_groups (SsExpertDialog *self)
{
  return G_LIST_MODEL (self->groups);
}

guint
ss_expert_dialog_get_count (SsExpertDialog *self,
                            guint           severity)
{
  return severity < G_N_ELEMENTS (self->counts) ? self->counts[severity] : 0;
}

static void
ss_expert_dialog_dispose (GObject *object)
{
  SsExpertDialog *self = SS_EXPERT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->tree);
  g_clear_object (&self->groups);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_EXPERT_DIALOG);
  G_OBJECT_CLASS (ss_expert_dialog_parent_class)->dispose (object);
}

static void
ss_expert_dialog_finalize (GObject *object)
{
  SsExpertDialog *self = SS_EXPERT_DIALOG (object);

  /* The worker holds the task (and so the dialog) until it returns: the gather is free now. */
  g_clear_pointer (&self->gather, gather_free);
  g_free (self->filter);
  G_OBJECT_CLASS (ss_expert_dialog_parent_class)->finalize (object);
}

static void
ss_expert_dialog_class_init (SsExpertDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_expert_dialog_dispose;
  object_class->finalize = ss_expert_dialog_finalize;

  /* A packet's row was activated: its frame (0-based). */
  signals[FRAME_ACTIVATED] = g_signal_new ("frame-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, SS_RESOURCE_UI "ss-expert-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, col_severity);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, col_summary);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, col_group);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, col_protocol);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, col_count);
  gtk_widget_class_bind_template_child (widget_class, SsExpertDialog, summary_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ss_expert_dialog_init (SsExpertDialog *self)
{
  GtkColumnViewColumn *columns[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  columns[0] = self->col_severity;
  columns[1] = self->col_summary;
  columns[2] = self->col_group;
  columns[3] = self->col_protocol;
  columns[4] = self->col_count;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (columns[i], factory);
      g_object_unref (factory);
    }
  self->groups = g_list_store_new (SS_TYPE_EXPERT_ROW);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  {
    GtkSingleSelection *selection;

    selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "busy");
}

GtkWidget *
ss_expert_dialog_new (GtkWindow  *parent,
                      SsDocument *doc,
                      GArray     *frames,
                      const char *filter)
{
  SsExpertDialog *self = g_object_new (SS_TYPE_EXPERT_DIALOG, "transient-for", parent,
                                       "destroy-with-parent", TRUE, NULL);
  g_autoptr(GTask) task = NULL;

  self->filter = g_strdup (filter);
  self->gather = g_new0 (Gather, 1);
  self->gather->doc = ss_document_ref (doc);
  self->gather->frames = frames;
  self->gather->by_field = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->gather->groups = g_ptr_array_new_with_free_func (expert_group_free);
  self->gather->strings = g_string_chunk_new (64 * 1024);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, gather_done_cb, NULL);
  g_task_set_task_data (task, self->gather, NULL);
  g_task_run_in_thread (task, gather_thread);
  self->progress_source = g_timeout_add (50, progress_tick, self);
  return GTK_WIDGET (self);
}
