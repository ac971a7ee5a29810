/* ss-srt-dialog.h: Statistics → Service Response Time → HTTP
 *
 * The `-z srt,http` table of src/stats (ss-srt.h) per URI path: count, average, minimum,
 * maximum and the 50th, 95th and 99th percentiles of http.time, in milliseconds, every column
 * sortable. The query string is left out unless asked for, as in the CLI.
 */
#pragma once

#include "ss-stat-dialog.h"
#include "ss-stat-table.h"

G_BEGIN_DECLS

#define SS_TYPE_SRT_DIALOG (ss_srt_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsSrtDialog, ss_srt_dialog, SS, SRT_DIALOG, SsStatDialog)

enum
{
  SS_SRT_COLUMN_KEY,
  SS_SRT_COLUMN_COUNT,
  SS_SRT_COLUMN_AVG,
  SS_SRT_COLUMN_MIN,
  SS_SRT_COLUMN_MAX,
  SS_SRT_COLUMN_P50,
  SS_SRT_COLUMN_P95,
  SS_SRT_COLUMN_P99,
  SS_SRT_N_COLUMNS
};

GtkWidget   *ss_srt_dialog_new       (GtkWindow   *parent,
                                      SsDocument  *doc,
                                      const char  *filter);
SsStatTable *ss_srt_dialog_get_table (SsSrtDialog *self);
/* With a window (1 s ... 1 h, 0 for none): one row per window with its URI paths under it, as
 * the CLI's `-z srt,http,window=DURATION`. Setting it counts again. */
void         ss_srt_dialog_set_window (SsSrtDialog *self,
                                      gint64       window_ns);
SsStatTable *ss_srt_dialog_get_window_table (SsSrtDialog *self);

G_END_DECLS
