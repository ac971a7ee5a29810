/* ss-sort.h: ordering displayed frames by a packet list column, off the main thread
 *
 * Sorting two million rows by Info or Source needs each row's columns, so every frame is
 * dissected once (in a worker, batch by batch under the document lock) and only the keys are
 * kept while the frame numbers are sorted. Numbers, times and lengths come from the frame index.
 */
#pragma once

#include <gio/gio.h>

#include "ss-document.h"

G_BEGIN_DECLS

/* @frames: the displayed frames (guint32). Returns them in the order of @column (an SsColumn,
 * or SS_N_COLUMNS and up for a field column: then @field is its field), ties broken by frame
 * number, or NULL when cancelled. @progress_permille is updated atomically. */
GArray *ss_sort_frames (SsDocument   *doc,
                        GArray       *frames,
                        guint         column,
                        SsFieldId     field,
                        gboolean      descending,
                        GCancellable *cancellable,
                        gint         *progress_permille);

G_END_DECLS
