/* ss-io-stat.h: `-z io,stat,INTERVAL[,COLUMN]...`, packets and values per time interval
 *
 * Each column is a display filter, optionally behind a calculation on one field:
 * `COUNT(f)FILTER`, `SUM(f)`, `MIN(f)`, `MAX(f)`, `AVG(f)`, `LOAD(f)` (time fields only),
 * `FRAMES()`, `BYTES()`. The numbers and the text layout are tshark 4.0's, including its
 * quirks (a packet earlier than the current interval counts in the current one; MIN starts
 * from the first packet of an interval).
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef enum
{
  SS_IO_CALC_FRAMES,
  SS_IO_CALC_BYTES,
  SS_IO_CALC_FRAMES_BYTES,   /* a plain filter column: frames and bytes */
  SS_IO_CALC_COUNT,
  SS_IO_CALC_SUM,
  SS_IO_CALC_MIN,
  SS_IO_CALC_MAX,
  SS_IO_CALC_AVG,
  SS_IO_CALC_LOAD,
} SsIoCalc;

typedef struct _SsIoStat SsIoStat;

/* @interval_us is the interval in microseconds (0: the whole capture); @precision the decimals
 * shown for times (tshark derives it from the argument's text). @columns may be NULL or empty
 * (one column of every frame); a NULL or empty entry is a column of every frame. */
SsIoStat    *ss_io_stat_new            (const SsRegistry  *reg,
                                        guint64            interval_us,
                                        guint              precision,
                                        const char *const *columns,
                                        GError           **error);
void         ss_io_stat_free           (SsIoStat          *io);
void         ss_io_stat_want           (SsIoStat          *io,
                                        SsEngine          *engine);
void         ss_io_stat_packet         (SsIoStat          *io,
                                        const SsPacket    *pkt);
void         ss_io_stat_print          (SsIoStat          *io,
                                        SsStatsFormat      format,
                                        GString           *out);

guint        ss_io_stat_get_n_columns  (const SsIoStat    *io);
SsIoCalc     ss_io_stat_get_calc       (const SsIoStat    *io,
                                        guint              column);
/* Intervals with data so far in @column (the last one holds the latest packet). */
guint        ss_io_stat_get_n_intervals (const SsIoStat   *io,
                                        guint              column);
/* The value of a cell as a number: frames for FRAMES, bytes for BYTES and FRAMES_BYTES (see
 * ss_io_stat_get_frames()), the count, sum, minimum, maximum or average (times in seconds). */
double       ss_io_stat_get_value      (const SsIoStat    *io,
                                        guint              column,
                                        guint              interval);
guint32      ss_io_stat_get_frames     (const SsIoStat    *io,
                                        guint              column,
                                        guint              interval);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsIoStat, ss_io_stat_free)

G_END_DECLS
