/* ss-stats-private.h: what the statistics share: the tap vtable, the clock, filters, printers */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

#include "ss-dfilter.h"
#include "ss-stats.h"

G_BEGIN_DECLS

/* One kind of statistic: how ss_stat_new() builds it and how SsStat drives it. */
typedef struct
{
  const char *kind;
  void      (*want)   (gpointer          self,
                       SsEngine         *engine);
  void      (*packet) (gpointer          self,
                       const SsPacket   *pkt);
  void      (*print)  (gpointer          self,
                       SsStatsFormat     format,
                       GString          *out);
  void      (*free)   (gpointer          self);
  /* FALSE when the statistic reads only the frame (time, length): NULL means TRUE. */
  gboolean  (*needs_dissection) (gpointer    self);
  /* Both or neither (see ss_stat_new_part()): an empty statistic of the same kind, arguments
   * and filter whose clock starts at @first_ns, and adding such a part's results to @self. */
  gpointer  (*new_part) (gpointer          self,
                         gint64            first_ns);
  void      (*merge)    (gpointer          self,
                         gpointer          part);
} SsStatClass;

/* Relative time as tshark keeps it: from the first packet of the pass, and the largest one seen
 * (the capture's elapsed time, which never shrinks when time goes backwards). */
typedef struct
{
  gboolean started;
  gint64   first_ns;
  gint64   elapsed_ns;
} SsStatsClock;

/* A clock started at @first_ns, as if it had seen a packet then. */
static inline void
ss_stats_clock_start (SsStatsClock *clock,
                      gint64        first_ns)
{
  clock->started = TRUE;
  clock->first_ns = first_ns;
  clock->elapsed_ns = 0;
}

/* Adds what @part's clock has seen to @clock (both started at the same time). */
static inline void
ss_stats_clock_merge (SsStatsClock       *clock,
                      const SsStatsClock *part)
{
  if (!part->started)
    return;
  if (!clock->started)
    {
      *clock = *part;
      return;
    }
  clock->elapsed_ns = MAX (clock->elapsed_ns, part->elapsed_ns);
}

static inline gint64
ss_stats_clock_tick (SsStatsClock   *clock,
                     const SsPacket *pkt)
{
  gint64 rel;

  if (!clock->started)
    {
      clock->started = TRUE;
      clock->first_ns = pkt->ts_ns;
    }
  rel = pkt->ts_ns - clock->first_ns;
  if (rel > clock->elapsed_ns)
    clock->elapsed_ns = rel;
  return rel;
}

/* Compiles @text into *@out; NULL or an empty text leaves *@out NULL (every packet passes). The
 * error reads as tshark's: `Filter "x" is invalid - x is neither a field nor a protocol name.` */
gboolean     ss_stats_filter_compile   (const SsRegistry  *reg,
                                        const char        *text,
                                        SsDfilter        **out,
                                        GError           **error);
void         ss_stats_filter_want      (const SsDfilter   *df,
                                        SsEngine          *engine);

static inline gboolean
ss_stats_filter_match (const SsDfilter *df,
                       const SsPacket  *pkt)
{
  return df == NULL || ss_dfilter_apply (df, pkt);
}

/* Looks up @abbrev and asks @engine for it when found. */
SsFieldId    ss_stats_want_abbrev      (SsEngine          *engine,
                                        const char        *abbrev);

/* An item's value as a number: integers as they are, times in nanoseconds. */
gint64       ss_stats_item_ns          (const SsItem      *item);
double       ss_stats_item_double      (const SsItem      *item);

/* "%s" quoted for JSON. */
void         ss_stats_json_string      (GString           *out,
                                        const char        *s);
/* Doubles as JSON numbers (never nan/inf). */
void         ss_stats_json_double      (GString           *out,
                                        double             v);
/* A CSV field, quoted when it needs to be (RFC 4180). */
void         ss_stats_csv_field        (GString           *out,
                                        const char        *s);

/* Constructors of each kind, for the table in ss-stats.c. Each returns the typed object. */
gpointer     ss_io_stat_new_from_arg   (const SsRegistry  *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_conv_table_new_from_arg (const SsRegistry *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_endpoint_table_new_from_arg (const SsRegistry *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_expert_stat_new_from_arg (const SsRegistry *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_follow_new_from_arg    (const SsRegistry  *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_phs_new_from_arg       (const SsRegistry  *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_stats_tree_new_from_arg (const SsRegistry *reg,
                                        const char        *arg,
                                        GError           **error);
gpointer     ss_srt_new_from_arg       (const SsRegistry  *reg,
                                        const char        *arg,
                                        GError           **error);

extern const SsStatClass ss_io_stat_class;
extern const SsStatClass ss_conv_table_class;
extern const SsStatClass ss_endpoint_table_class;
extern const SsStatClass ss_expert_stat_class;
extern const SsStatClass ss_follow_class;
extern const SsStatClass ss_phs_class;
extern const SsStatClass ss_stats_tree_class;
extern const SsStatClass ss_srt_class;

G_END_DECLS
