/* ss-packet-list-model.c: GListModel over the frame index, rows made on demand */
#include "config.h"

#include <gtk/gtk.h>

#include "ss-packet-list-model.h"

/* Enough for a few screens of rows, so scrolling back does not dissect again. */
#define SUMMARY_CACHE_SIZE 4096

struct _SsPacketRow
{
  GObject            parent_instance;
  SsPacketListModel *model;        /* weak: the model outlives the rows GTK shows */
  guint              frame;
  guint              position;
};

enum
{
  ROW_CHANGED,
  ROW_N_SIGNALS
};

static guint row_signals[ROW_N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsPacketRow, ss_packet_row, G_TYPE_OBJECT)

struct _SsPacketListModel
{
  GObject      parent_instance;
  SsDocument  *doc;
  guint        n_all;        /* frames shown when not filtered */
  GArray      *displayed;    /* guint32 frame indices, ascending; NULL: every frame */
  GArray      *order;        /* guint32 frames in display order; NULL: as `displayed` */
  GHashTable  *cache;        /* frame -> GList link in `lru` */
  GQueue       lru;          /* SsSummary, most recent first */
  GHashTable  *live_rows;    /* SsPacketRow set (not owned) */
  SsColorFunc  color_func;
  gpointer     color_data;
  GArray      *custom;       /* SsFieldId of the user's field columns */
};

static void ss_packet_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsPacketListModel, ss_packet_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ss_packet_list_model_list_model_init))

static void
ss_packet_row_finalize (GObject *object)
{
  SsPacketRow *row = SS_PACKET_ROW (object);

  if (row->model)
    {
      g_hash_table_remove (row->model->live_rows, row);
      g_object_remove_weak_pointer (G_OBJECT (row->model), (gpointer *) &row->model);
    }
  G_OBJECT_CLASS (ss_packet_row_parent_class)->finalize (object);
}

static void
ss_packet_row_class_init (SsPacketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ss_packet_row_finalize;
  /* Emitted when the row's columns must be shown again (time format, coloring rules). */
  row_signals[ROW_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
ss_packet_row_init (SsPacketRow *row)
{
}

guint
ss_packet_row_get_frame (SsPacketRow *row)
{
  g_return_val_if_fail (SS_IS_PACKET_ROW (row), 0);
  return row->frame;
}

guint
ss_packet_row_get_position (SsPacketRow *row)
{
  g_return_val_if_fail (SS_IS_PACKET_ROW (row), 0);
  return row->position;
}

static guint
n_displayed (SsPacketListModel *self)
{
  return self->displayed ? self->displayed->len : self->n_all;
}

static GType
ss_packet_list_model_get_item_type (GListModel *model)
{
  return SS_TYPE_PACKET_ROW;
}

static guint
ss_packet_list_model_get_n_items (GListModel *model)
{
  return n_displayed (SS_PACKET_LIST_MODEL (model));
}

static gpointer
ss_packet_list_model_get_item (GListModel *model,
                               guint       position)
{
  SsPacketListModel *self = SS_PACKET_LIST_MODEL (model);
  SsPacketRow *row;
  guint frame = ss_packet_list_model_get_frame (self, position);

  if (frame == G_MAXUINT)
    return NULL;
  row = g_object_new (SS_TYPE_PACKET_ROW, NULL);
  row->model = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &row->model);
  row->frame = frame;
  row->position = position;
  g_hash_table_add (self->live_rows, row);
  return row;
}

static void
ss_packet_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ss_packet_list_model_get_item_type;
  iface->get_n_items = ss_packet_list_model_get_n_items;
  iface->get_item = ss_packet_list_model_get_item;
}

static void
clear_cache (SsPacketListModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, (GDestroyNotify) ss_summary_free);
}

static void
ss_packet_list_model_finalize (GObject *object)
{
  SsPacketListModel *self = SS_PACKET_LIST_MODEL (object);
  GHashTableIter iter;
  gpointer row;

  /* Rows GTK still holds lose their model (their weak pointer is cleared by GObject). */
  g_hash_table_iter_init (&iter, self->live_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    ((SsPacketRow *) row)->model = NULL;
  g_clear_pointer (&self->live_rows, g_hash_table_unref);
  clear_cache (self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->displayed, g_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->custom, g_array_unref);
  g_clear_pointer (&self->doc, ss_document_unref);
  G_OBJECT_CLASS (ss_packet_list_model_parent_class)->finalize (object);
}

static void
ss_packet_list_model_class_init (SsPacketListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ss_packet_list_model_finalize;
}

static void
ss_packet_list_model_init (SsPacketListModel *self)
{
  self->cache = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->live_rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->custom = g_array_new (FALSE, FALSE, sizeof (SsFieldId));
  g_queue_init (&self->lru);
}

SsPacketListModel *
ss_packet_list_model_new (SsDocument *doc)
{
  SsPacketListModel *self = g_object_new (SS_TYPE_PACKET_LIST_MODEL, NULL);

  self->doc = ss_document_ref (doc);
  return self;
}

SsDocument *
ss_packet_list_model_get_document (SsPacketListModel *self)
{
  g_return_val_if_fail (SS_IS_PACKET_LIST_MODEL (self), NULL);
  return self->doc;
}

void
ss_packet_list_model_sync (SsPacketListModel *self)
{
  guint passed, old;

  g_return_if_fail (SS_IS_PACKET_LIST_MODEL (self));
  passed = ss_document_get_n_passed (self->doc);
  if (passed <= self->n_all)
    return;
  old = self->n_all;
  self->n_all = passed;
  if (self->displayed)
    return;
  if (self->order)
    {
      /* Frames read after a sort go at the end until the next sort. */
      for (guint f = old; f < passed; f++)
        g_array_append_val (self->order, f);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), old, 0, passed - old);
}

void
ss_packet_list_model_append_displayed (SsPacketListModel *self,
                                       const guint32     *frames,
                                       guint              n)
{
  guint old;

  g_return_if_fail (SS_IS_PACKET_LIST_MODEL (self));
  if (!self->displayed || n == 0)
    return;
  old = n_displayed (self);
  g_array_append_vals (self->displayed, frames, n);
  if (self->order)
    g_array_append_vals (self->order, frames, n);
  g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n);
}

void
ss_packet_list_model_set_displayed (SsPacketListModel *self,
                                    GArray            *frames)
{
  guint old;

  g_return_if_fail (SS_IS_PACKET_LIST_MODEL (self));
  old = n_displayed (self);
  g_clear_pointer (&self->displayed, g_array_unref);
  self->displayed = frames;
  g_clear_pointer (&self->order, g_array_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, n_displayed (self));
}

gboolean
ss_packet_list_model_is_filtered (SsPacketListModel *self)
{
  return self->displayed != NULL;
}

guint
ss_packet_list_model_get_n_displayed (SsPacketListModel *self)
{
  return n_displayed (self);
}

GArray *
ss_packet_list_model_dup_displayed (SsPacketListModel *self)
{
  GArray *out;

  if (self->displayed)
    return g_array_copy (self->displayed);
  out = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->n_all);
  g_array_set_size (out, self->n_all);
  for (guint i = 0; i < self->n_all; i++)
    g_array_index (out, guint32, i) = i;
  return out;
}

void
ss_packet_list_model_set_order (SsPacketListModel *self,
                                GArray            *order)
{
  guint n;

  g_return_if_fail (SS_IS_PACKET_LIST_MODEL (self));
  g_return_if_fail (order == NULL || order->len == n_displayed (self));
  g_clear_pointer (&self->order, g_array_unref);
  self->order = order;
  n = n_displayed (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}

guint
ss_packet_list_model_get_frame (SsPacketListModel *self,
                                guint              position)
{
  if (position >= n_displayed (self))
    return G_MAXUINT;
  if (self->order)
    return g_array_index (self->order, guint32, position);
  if (self->displayed)
    return g_array_index (self->displayed, guint32, position);
  return position;
}

/* First index in `displayed` whose frame is >= @frame. */
static guint
lower_bound (GArray *a,
             guint   frame)
{
  guint lo = 0, hi = a->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (a, guint32, mid) < frame)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
position_in_order (SsPacketListModel *self,
                   guint              frame)
{
  for (guint i = 0; i < self->order->len; i++)
    if (g_array_index (self->order, guint32, i) == frame)
      return i;
  return G_MAXUINT;
}

guint
ss_packet_list_model_find_frame (SsPacketListModel *self,
                                 guint              frame)
{
  g_return_val_if_fail (SS_IS_PACKET_LIST_MODEL (self), G_MAXUINT);
  if (self->order)
    return position_in_order (self, frame);
  if (!self->displayed)
    return frame < self->n_all ? frame : G_MAXUINT;
  {
    guint i = lower_bound (self->displayed, frame);

    if (i < self->displayed->len && g_array_index (self->displayed, guint32, i) == frame)
      return i;
  }
  return G_MAXUINT;
}

guint
ss_packet_list_model_find_nearest (SsPacketListModel *self,
                                   guint              frame)
{
  guint n = n_displayed (self);
  guint i, nearest;

  if (n == 0)
    return G_MAXUINT;
  if (!self->displayed)
    nearest = MIN (frame, self->n_all - 1);
  else
    {
      i = lower_bound (self->displayed, frame);
      if (i == self->displayed->len)
        i--;
      else if (i > 0
               && frame - g_array_index (self->displayed, guint32, i - 1)
                  < g_array_index (self->displayed, guint32, i) - frame)
        i--;
      nearest = g_array_index (self->displayed, guint32, i);
    }
  return ss_packet_list_model_find_frame (self, nearest);
}

const SsSummary *
ss_packet_list_model_get_summary (SsPacketListModel *self,
                                  guint              frame)
{
  GList *link;
  SsSummary *s;

  g_return_val_if_fail (SS_IS_PACKET_LIST_MODEL (self), NULL);
  link = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (frame));
  if (link)
    {
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      return link->data;
    }
  s = ss_document_dup_summary (self->doc, frame, self->color_func, self->color_data,
                               (const SsFieldId *) (gpointer) self->custom->data,
                               self->custom->len);
  g_queue_push_head (&self->lru, s);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (frame), self->lru.head);
  while (self->lru.length > SUMMARY_CACHE_SIZE)
    {
      SsSummary *old = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->cache, GUINT_TO_POINTER (old->frame));
      ss_summary_free (old);
    }
  return s;
}

void
ss_packet_list_model_set_color_func (SsPacketListModel *self,
                                     SsColorFunc        func,
                                     gpointer           user_data)
{
  self->color_func = func;
  self->color_data = user_data;
  ss_packet_list_model_invalidate (self);
}

void
ss_packet_list_model_set_custom_fields (SsPacketListModel *self,
                                        const SsFieldId   *ids,
                                        guint              n)
{
  g_return_if_fail (SS_IS_PACKET_LIST_MODEL (self));
  g_array_set_size (self->custom, 0);
  g_array_append_vals (self->custom, ids, n);
  ss_packet_list_model_invalidate (self);
}

void
ss_packet_list_model_invalidate (SsPacketListModel *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer row;

  clear_cache (self);
  /* Not items-changed over the whole list: GtkSingleSelection would then look for its selected
   * item among every new row. Only the rows on screen exist; tell them. */
  g_hash_table_iter_init (&iter, self->live_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_ptr_array_add (rows, g_object_ref (row));
  for (guint i = 0; i < rows->len; i++)
    g_signal_emit (rows->pdata[i], row_signals[ROW_CHANGED], 0);
}
