/* ss-cli-stats.h: the `-z` statistics of `stratoshark -r FILE -q -z ...`
 *
 * ss-cli.c makes one SsCliStats from every -z argument, asks it for its fields before the pass,
 * hands it every packet of the pass and prints it at the end. Like tshark, the text layout
 * prints the statistics in the reverse order of the -z arguments; JSON (one array) and CSV
 * (tables separated by a blank line, each after a "# ARG" line) keep the order given.
 */
#pragma once

#include <glib.h>

#include "ss-engine.h"
#include "ss-stats.h"

G_BEGIN_DECLS

typedef struct _SsCliStats SsCliStats;

/* Parses every -z argument (a NULL-terminated vector). On error the message reads like
 * tshark's ("Invalid -z argument ...", "Couldn't register io,stat tap: ..."). */
SsCliStats *ss_cli_stats_new    (const SsRegistry   *reg,
                                 const char *const  *z_args,
                                 SsStatsFormat       format,
                                 GError            **error);
void        ss_cli_stats_free   (SsCliStats         *stats);
/* Asks the engine for the fields the statistics read (call before the pass). */
void        ss_cli_stats_want   (SsCliStats         *stats,
                                 SsEngine           *engine);
/* Every packet of the pass, in order, whether or not -Y keeps it. */
void        ss_cli_stats_packet (SsCliStats         *stats,
                                 const SsPacket     *pkt);
void        ss_cli_stats_print  (SsCliStats         *stats,
                                 GString            *out);

/* For a pass on several threads (see ss_stat_new_part()). Whether any statistic can be split. */
gboolean    ss_cli_stats_can_split  (const SsCliStats *stats);
/* A part for one thread: parts of the statistics that can be split, started at @first_ns (the
 * pass's first packet). From then on ss_cli_stats_packet() on @stats feeds only the others;
 * the thread feeds the part its share of the packets with ss_cli_stats_packet(). */
SsCliStats *ss_cli_stats_new_part   (SsCliStats       *stats,
                                     gint64            first_ns);
/* Adds a part's results to @stats, once it has seen its last packet. */
void        ss_cli_stats_merge_part (SsCliStats       *stats,
                                     SsCliStats       *part);
/* Whether every statistic can be split, so that once parts are made @stats itself needs no
 * packet. */
gboolean    ss_cli_stats_can_split_all (const SsCliStats *stats);
/* FALSE when every statistic reads only frame times and lengths (`-z io,stat,1`): the pass may
 * then skip dissection and hand ss_cli_stats_packet() the packets ss_stats_frame_packet()
 * makes, which is several times faster. */
gboolean    ss_cli_stats_needs_dissection (SsCliStats *stats);
guint       ss_cli_stats_get_n_stats (const SsCliStats *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsCliStats, ss_cli_stats_free)

G_END_DECLS
