/* ss-phs.h: `-z io,phs[,FILTER]`, the protocol hierarchy
 *
 * Each packet adds its frame length to the path of its top-level protocol items (eth, ip, tcp,
 * tls, and the reassembly item tcp.segments where TCP completed a message), as tshark 4.0's
 * tap-protohierstat.c; the frame itself is the root and is not printed.
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef struct _SsPhs SsPhs;

typedef struct _SsPhsNode SsPhsNode;

struct _SsPhsNode
{
  const char *name;       /* "tcp" */
  guint32     frames;
  guint64     bytes;
  SsPhsNode  *parent;
  SsPhsNode  *child;      /* first child */
  SsPhsNode  *next;       /* next sibling, in order of appearance */
};

SsPhs           *ss_phs_new         (const SsRegistry *reg,
                                     const char       *filter,
                                     GError          **error);
void             ss_phs_free        (SsPhs            *phs);
void             ss_phs_want        (SsPhs            *phs,
                                     SsEngine         *engine);
void             ss_phs_packet      (SsPhs            *phs,
                                     const SsPacket   *pkt);
void             ss_phs_print       (SsPhs            *phs,
                                     SsStatsFormat     format,
                                     GString          *out);
/* The first top-level protocol (usually eth), NULL when nothing was counted. */
const SsPhsNode *ss_phs_get_root    (const SsPhs      *phs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsPhs, ss_phs_free)

G_END_DECLS
