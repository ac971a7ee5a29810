/* ss-expert-stat.h: `-z expert[,error|warn|note|chat|comment][,FILTER]`
 *
 * Expert Information items counted per severity, by (protocol, summary) in order of first
 * appearance, as tshark 4.0's tap-expert.c.
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef enum
{
  SS_EXPERT_LEVEL_COMMENT,
  SS_EXPERT_LEVEL_CHAT,
  SS_EXPERT_LEVEL_NOTE,
  SS_EXPERT_LEVEL_WARN,
  SS_EXPERT_LEVEL_ERROR,
  SS_EXPERT_LEVEL_COUNT,
} SsExpertLevel;

typedef struct
{
  guint       frequency;
  guint       group;       /* SsExpertGroup */
  const char *protocol;    /* "TCP" */
  const char *summary;     /* the item's message */
} SsExpertEntry;

typedef struct _SsExpertStat SsExpertStat;

/* Items below @lowest are not counted. */
SsExpertStat        *ss_expert_stat_new        (const SsRegistry  *reg,
                                                SsExpertLevel      lowest,
                                                const char        *filter,
                                                GError           **error);
void                 ss_expert_stat_free       (SsExpertStat      *stat);
void                 ss_expert_stat_want       (SsExpertStat      *stat,
                                                SsEngine          *engine);
void                 ss_expert_stat_packet     (SsExpertStat      *stat,
                                                const SsPacket    *pkt);
void                 ss_expert_stat_print      (SsExpertStat      *stat,
                                                SsStatsFormat      format,
                                                GString           *out);
guint                ss_expert_stat_get_n_entries (const SsExpertStat *stat,
                                                SsExpertLevel      level);
const SsExpertEntry *ss_expert_stat_get_entry  (const SsExpertStat *stat,
                                                SsExpertLevel      level,
                                                guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsExpertStat, ss_expert_stat_free)

G_END_DECLS
