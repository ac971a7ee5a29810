/* ss-window.h: the main window (menus, toolbar, filter bar, the three panes, status bar) */
#pragma once

#include <gtk/gtk.h>

#include "ss-application.h"
#include "ss-document.h"
#include "ss-filter-bar.h"
#include "ss-hex-view.h"
#include "ss-packet-list.h"
#include "ss-proto-tree.h"

G_BEGIN_DECLS

#define SS_TYPE_WINDOW (ss_window_get_type ())
G_DECLARE_FINAL_TYPE (SsWindow, ss_window, SS, WINDOW, GtkApplicationWindow)

SsWindow     *ss_window_new               (SsApplication *app);
/* Opens @path: rows appear while it loads; errors are shown in a dialog. */
void          ss_window_open_file         (SsWindow      *self,
                                           const char    *path);
void          ss_window_close_file        (SsWindow      *self);
/* Applies a display filter ("" for none), now or once loading has finished. */
void          ss_window_apply_filter      (SsWindow      *self,
                                           const char    *text);
/* Whether a load, filter, sort or find is running. */
gboolean      ss_window_is_busy           (SsWindow      *self);
SsDocument   *ss_window_get_document      (SsWindow      *self);
SsPacketList *ss_window_get_packet_list   (SsWindow      *self);
SsProtoTree  *ss_window_get_proto_tree    (SsWindow      *self);
SsHexView    *ss_window_get_hex_view      (SsWindow      *self);
SsFilterBar  *ss_window_get_filter_bar    (SsWindow      *self);
/* What the status bar says about the packets ("Packets: 157 · Displayed: 10 (6.4%)"). */
const char   *ss_window_get_status_text   (SsWindow      *self);
/* The applied filter ("" when none). */
const char   *ss_window_get_applied_filter (SsWindow     *self);
/* `--screenshot`: once the file is loaded, filtered and the packet selected, save the window as
 * a PNG and quit the application (takes @request). */
void          ss_window_set_screenshot    (SsWindow      *self,
                                           SsScreenshotRequest *request);
/* Takes the screenshot asked for now (once drawn), when nothing is loading or filtering. */
void          ss_window_take_pending_screenshot (SsWindow *self);
/* `--bench-filter`: once loaded, apply @filter, print the timings and quit. */
void          ss_window_set_bench_filter  (SsWindow      *self,
                                           const char    *filter,
                                           gint64         start_us);
/* Adds a packet list column showing field @abbrev ("Apply as Column"); FALSE when the field is
 * unknown or already shown. Field columns are kept across runs. */
gboolean      ss_window_add_field_column  (SsWindow      *self,
                                           const char    *abbrev);
/* Shows the recent files on the start page again. */
void          ss_window_refresh_recent    (SsWindow      *self);
/* Renders the window into a PNG at @path. */
gboolean      ss_window_save_png          (SsWindow      *self,
                                           const char    *path,
                                           GError       **error);
/* Time from opening to the first rows and to the end of loading, and of the last filter, in
 * microseconds (-1 while unknown): what bench/bench-gui.sh reports. */
void          ss_window_get_timings       (SsWindow      *self,
                                           gint64        *first_rows_us,
                                           gint64        *loaded_us,
                                           gint64        *filter_us);

G_END_DECLS
