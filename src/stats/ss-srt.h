/* ss-srt.h: service response times beyond tshark
 *
 * `-z srt,http[,query][,window=DURATION][,FILTER]`: per URI path (the query string stripped
 * unless `query` is given), the count, average, minimum, maximum and the 50th, 95th and 99th
 * percentiles of http.time. `-z srt,pgsql[,window=DURATION][,FILTER]`: the same per normalised
 * query from pgsql.time. With a window (`5m`, `30s`, `1h`, `500ms`) the table is repeated for
 * each window of that length, aligned to the epoch, for before/during/after comparisons.
 *
 * A response counts when its request was seen and passed the filter; percentiles are the
 * nearest rank (the smallest value with at least p% of the values at or below it).
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef enum
{
  SS_SRT_HTTP,
  SS_SRT_PGSQL,
} SsSrtProto;

typedef struct
{
  const char *key;       /* URI path or normalised query */
  guint       count;
  double      avg, min, max, p50, p95, p99;   /* seconds */
} SsSrtRow;

typedef struct _SsSrt SsSrt;

SsSrt     *ss_srt_new             (const SsRegistry  *reg,
                                   SsSrtProto         proto,
                                   gboolean           keep_query,
                                   gint64             window_ns,
                                   const char        *filter,
                                   GError           **error);
void       ss_srt_free            (SsSrt             *srt);
void       ss_srt_want            (SsSrt             *srt,
                                   SsEngine          *engine);
void       ss_srt_packet          (SsSrt             *srt,
                                   const SsPacket    *pkt);
void       ss_srt_print           (SsSrt             *srt,
                                   SsStatsFormat      format,
                                   GString           *out);
/* The rows over the whole capture, by count (largest first) then key; free with g_free (the
 * keys are borrowed). */
SsSrtRow  *ss_srt_dup_rows        (SsSrt             *srt,
                                   guint             *n_rows);

/* With a window: how many windows had responses, and the rows of window @window (in time
 * order) as ss_srt_dup_rows() gives them, @start_ns its start (since the epoch). */
guint      ss_srt_get_n_windows   (const SsSrt       *srt);
SsSrtRow  *ss_srt_dup_window_rows (SsSrt             *srt,
                                   guint              window,
                                   gint64            *start_ns,
                                   guint             *n_rows);

/* A SQL statement with its literals replaced by `?` and its blanks collapsed, so that the same
 * query with other values counts once. */
char      *ss_srt_normalize_sql   (const char        *sql);
/* "5m", "30s", "1h", "250ms" (a bare number is seconds) into nanoseconds; 0 when invalid. */
gint64     ss_srt_parse_duration  (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsSrt, ss_srt_free)

G_END_DECLS
