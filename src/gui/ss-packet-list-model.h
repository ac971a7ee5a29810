/* ss-packet-list-model.h: the displayed packets as a GListModel
 *
 * The model is a list of frame numbers over the document's frame index: every frame the first
 * pass has reached, or those a display filter kept, in frame order or in the order of a sorted
 * column. A row object (SsPacketRow) is only made when GTK asks for an item, which it does for
 * the rows on screen, so two million packets cost four bytes each at most (the filtered list).
 * A row's columns are computed when it is shown, by dissecting its frame, and kept in a small LRU
 * cache of summaries.
 */
#pragma once

#include <gio/gio.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_PACKET_ROW (ss_packet_row_get_type ())
G_DECLARE_FINAL_TYPE (SsPacketRow, ss_packet_row, SS, PACKET_ROW, GObject)

#define SS_TYPE_PACKET_LIST_MODEL (ss_packet_list_model_get_type ())
G_DECLARE_FINAL_TYPE (SsPacketListModel, ss_packet_list_model, SS, PACKET_LIST_MODEL, GObject)

guint               ss_packet_row_get_frame              (SsPacketRow       *row);
guint               ss_packet_row_get_position           (SsPacketRow       *row);

SsPacketListModel  *ss_packet_list_model_new             (SsDocument        *doc);
SsDocument         *ss_packet_list_model_get_document    (SsPacketListModel *self);

/* Shows the frames the first pass reached since the last call (appended at the end). */
void                ss_packet_list_model_sync            (SsPacketListModel *self);
/* Shows only @frames (ascending frame indices; the model takes the array), or every frame when
 * NULL. Any sort order is kept. */
void                ss_packet_list_model_set_displayed   (SsPacketListModel *self,
                                                          GArray            *frames);
/* A filtered model: @frames (ascending, after every frame shown) are shown at the end, as new
 * packets of a live capture that the filter kept. Nothing happens when the model is not
 * filtered (ss_packet_list_model_sync() shows every new frame then). */
void                ss_packet_list_model_append_displayed (SsPacketListModel *self,
                                                          const guint32     *frames,
                                                          guint              n);
gboolean            ss_packet_list_model_is_filtered     (SsPacketListModel *self);
/* The frames shown, in frame order (a new array). */
GArray             *ss_packet_list_model_dup_displayed   (SsPacketListModel *self);
guint               ss_packet_list_model_get_n_displayed (SsPacketListModel *self);

/* Row order: @order lists the displayed frames in the order to show them (the model takes it),
 * NULL for frame order. */
void                ss_packet_list_model_set_order       (SsPacketListModel *self,
                                                          GArray            *order);

/* The frame shown at @position, G_MAXUINT when out of range. */
guint               ss_packet_list_model_get_frame       (SsPacketListModel *self,
                                                          guint              position);
/* The position of @frame, GTK_INVALID_LIST_POSITION (G_MAXUINT) when it is not shown. */
guint               ss_packet_list_model_find_frame      (SsPacketListModel *self,
                                                          guint              frame);
/* The displayed frame nearest to @frame (for keeping a selection across filters). */
guint               ss_packet_list_model_find_nearest    (SsPacketListModel *self,
                                                          guint              frame);

/* The columns of @frame, computed once and cached. Borrowed until the next call. */
const SsSummary    *ss_packet_list_model_get_summary     (SsPacketListModel *self,
                                                          guint              frame);
void                ss_packet_list_model_set_color_func  (SsPacketListModel *self,
                                                          SsColorFunc        func,
                                                          gpointer           user_data);
/* The fields of the user's columns ("Apply as Column"): each summary gets their values. */
void                ss_packet_list_model_set_custom_fields (SsPacketListModel *self,
                                                          const SsFieldId   *ids,
                                                          guint              n);
/* Forgets the cached summaries and asks the view to show the rows again. */
void                ss_packet_list_model_invalidate      (SsPacketListModel *self);

G_END_DECLS
