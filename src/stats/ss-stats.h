/* ss-stats.h: statistics over dissected packets, tshark's `-z` and more
 *
 * A statistic is a tap: it names the fields it reads (ss_stat_want()), may carry a display
 * filter, sees every packet of a pass in frame order (ss_stat_packet()) and keeps a result that
 * prints as tshark's text layout, as JSON or as CSV (ss_stat_print()). Several statistics share
 * one pass: ask each for its fields, then hand each every packet.
 *
 * The typed results (SsIoStat, SsConvTable, ...) have their own headers for the GUI; SsStat is
 * the common handle the CLI uses, made from a `-z` argument.
 */
#pragma once

#include <glib.h>

#include "ss-engine.h"
#include "ss-packet.h"
#include "ss-registry.h"

G_BEGIN_DECLS

#define SS_STATS_ERROR (ss_stats_error_quark ())

typedef enum
{
  SS_STATS_ERROR_UNKNOWN,   /* no statistic of that name */
  SS_STATS_ERROR_ARGS,      /* the arguments do not parse */
  SS_STATS_ERROR_FILTER,    /* the display filter does not compile */
  SS_STATS_ERROR_FIELD,     /* an unknown field, or one the calculation cannot use */
  SS_STATS_ERROR_CALC,      /* io,stat: a calculation (its field, its parentheses) or the
                             * interval is wrong; tshark's tap-iostat exits with status 10 */
} SsStatsError;

typedef enum
{
  SS_STATS_FORMAT_TEXT,     /* tshark's layout */
  SS_STATS_FORMAT_JSON,
  SS_STATS_FORMAT_CSV,
} SsStatsFormat;

typedef struct _SsStat SsStat;

GQuark       ss_stats_error_quark      (void);

/* Parses one `-z` argument ("io,stat,1,tcp", "conv,ip", "follow,tcp,ascii,0", ...). */
SsStat      *ss_stat_new               (const SsRegistry *reg,
                                        const char       *arg,
                                        GError          **error);
void         ss_stat_free              (SsStat           *stat);

/* Asks @engine for every field the statistic and its filters read. */
void         ss_stat_want              (SsStat           *stat,
                                        SsEngine         *engine);
/* Every packet of the pass, in frame order, filtered or not: the statistic applies its own
 * filters (and needs the first packet for relative times). */
void         ss_stat_packet            (SsStat           *stat,
                                        const SsPacket   *pkt);
void         ss_stat_print             (SsStat           *stat,
                                        SsStatsFormat     format,
                                        GString          *out);

/* Whether the statistic reads anything but the frame's number, time and lengths. When no
 * statistic of a pass does (`-z io,stat,1`), the caller may skip dissection and hand
 * ss_stat_packet() packets that only carry those (see ss_stats_frame_packet()). */
gboolean     ss_stat_needs_dissection  (SsStat           *stat);
/* Splitting a statistic over threads. A statistic that can be split (conversations, endpoints,
 * service response times) makes parts: empty statistics of the same arguments whose clock
 * starts at @first_ns, the time of the pass's first packet. Each part is fed a share of the
 * packets in frame order, all the packets of one transport conversation (ss_flow_hash()) going
 * to the same part, and ss_stat_merge_part() then adds each part to @stat: the result, printed
 * or read, is what @stat alone fed every packet would hold. @stat itself is fed nothing. */
gboolean     ss_stat_can_split         (const SsStat     *stat);
SsStat      *ss_stat_new_part          (SsStat           *stat,
                                        gint64            first_ns);
void         ss_stat_merge_part        (SsStat           *stat,
                                        SsStat           *part);

/* Fills @pkt, a packet without any item, from frame @index of @cap. */
void         ss_stats_frame_packet     (const SsCapfile  *cap,
                                        guint             index,
                                        SsPacket         *pkt);

/* The `-z` argument it was made from. */
const char  *ss_stat_get_arg           (const SsStat     *stat);
/* The kind ("io,stat", "conv", "endpoints", "expert", "follow", "io,phs", "dns,tree", ...). */
const char  *ss_stat_get_kind          (const SsStat     *stat);
/* The typed result (SsIoStat, SsConvTable, ...) matching the kind. Borrowed. */
gpointer     ss_stat_get_result        (SsStat           *stat);

/* Names of the statistics ss_stat_new() knows, as "conv,eth" lines (for error messages). */
const char *const *ss_stats_list_names (void);

/* "text", "json" or "csv"; FALSE for anything else. */
gboolean     ss_stats_format_from_string (const char     *name,
                                        SsStatsFormat    *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsStat, ss_stat_free)

G_END_DECLS
