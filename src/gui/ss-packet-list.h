/* ss-packet-list.h: the packet list pane (GtkColumnView over SsPacketListModel) */
#pragma once

#include <gtk/gtk.h>

#include "ss-coloring.h"
#include "ss-packet-list-model.h"

G_BEGIN_DECLS

typedef enum
{
  SS_COLUMN_NUMBER,
  SS_COLUMN_TIME,
  SS_COLUMN_SOURCE,
  SS_COLUMN_DESTINATION,
  SS_COLUMN_PROTOCOL,
  SS_COLUMN_LENGTH,
  SS_COLUMN_INFO,
  SS_N_COLUMNS
} SsColumn;

/* Wireshark's View → Time Display Format entries (Ctrl+Alt+1 ... 7). */
typedef enum
{
  SS_TIME_DATE,             /* Date and Time of Day: 2026-11-26 19:05:03.123456 */
  SS_TIME_TIME_OF_DAY,      /* 19:05:03.123456 */
  SS_TIME_EPOCH,            /* Seconds since 1970-01-01 */
  SS_TIME_RELATIVE,         /* Seconds since the beginning of the capture (the default) */
  SS_TIME_DELTA,            /* Seconds since the previous captured packet */
  SS_TIME_DELTA_DISPLAYED,  /* Seconds since the previous displayed packet */
  SS_TIME_UTC_DATE,         /* UTC date and time of day */
} SsTimeFormat;

#define SS_TYPE_PACKET_LIST (ss_packet_list_get_type ())
G_DECLARE_FINAL_TYPE (SsPacketList, ss_packet_list, SS, PACKET_LIST, GtkWidget)

GtkWidget         *ss_packet_list_new                (void);
void               ss_packet_list_set_model          (SsPacketList      *self,
                                                      SsPacketListModel *model);
SsPacketListModel *ss_packet_list_get_model          (SsPacketList      *self);

/* The selected frame (0-based), G_MAXUINT when none. */
guint              ss_packet_list_get_selected_frame (SsPacketList      *self);
/* Selects the row at @position and scrolls it into view. */
void               ss_packet_list_select_position    (SsPacketList      *self,
                                                      guint              position);
/* Same, and puts the row in the middle of the view (jumps: Go to Packet, a new filter). */
void               ss_packet_list_center_position    (SsPacketList      *self,
                                                      guint              position);
/* Selects @frame and centres it; FALSE when it is not displayed. */
gboolean           ss_packet_list_select_frame       (SsPacketList      *self,
                                                      guint              frame);
guint              ss_packet_list_get_selected_position (SsPacketList   *self);

/* Replaces the displayed frames (see ss_packet_list_model_set_displayed()) or the order, keeping
 * the selected packet selected (or the nearest one shown). */
void               ss_packet_list_set_displayed      (SsPacketList      *self,
                                                      GArray            *frames);
void               ss_packet_list_set_order          (SsPacketList      *self,
                                                      GArray            *order);

void               ss_packet_list_set_time_format    (SsPacketList      *self,
                                                      SsTimeFormat       format);
SsTimeFormat       ss_packet_list_get_time_format    (SsPacketList      *self);
void               ss_packet_list_set_coloring       (SsPacketList      *self,
                                                      SsColoring        *coloring);
void               ss_packet_list_set_colorize       (SsPacketList      *self,
                                                      gboolean           colorize);
void               ss_packet_list_set_dark           (SsPacketList      *self,
                                                      gboolean           dark);
/* A time as the Time column shows it (also for Copy → Summary as Text). */
char              *ss_packet_list_format_time        (SsPacketList      *self,
                                                      guint              position,
                                                      const SsSummary   *summary);
/* The row as one tab-separated line, as Wireshark's "Copy → Summary as Text". */
char              *ss_packet_list_dup_row_text       (SsPacketList      *self,
                                                      guint              position);
/* As a click on a column header: emits "sort-changed". @column is an SsColumn, or
 * SS_N_COLUMNS + the index of a field column. */
void               ss_packet_list_sort_by            (SsPacketList      *self,
                                                      guint              column,
                                                      gboolean           descending);
/* The user's field columns ("Apply as Column"): shown after Info; FALSE when already there. */
gboolean           ss_packet_list_add_field_column   (SsPacketList      *self,
                                                      SsFieldId          id,
                                                      const char        *abbrev,
                                                      const char        *title);
gboolean           ss_packet_list_remove_field_column (SsPacketList     *self,
                                                      const char        *abbrev);
guint              ss_packet_list_get_n_field_columns (SsPacketList     *self);
SsFieldId          ss_packet_list_get_field_column   (SsPacketList      *self,
                                                      guint              index,
                                                      const char       **abbrev);
void               ss_packet_list_focus              (SsPacketList      *self);

G_END_DECLS
