/* ss-coloring.h: the packet list's coloring rules
 *
 * Like Wireshark's colorfilters, a rule is a name, a display filter and colours; the first rule
 * whose filter matches a packet colours its row. The defaults are Wireshark's (Bad TCP, TCP RST,
 * TCP SYN/FIN, HTTP, ICMP, ARP, TCP, UDP ...) plus DNS and TLS, each with a second pair of
 * colours for dark themes so rows stay readable there.
 */
#pragma once

#include "ss-packet.h"
#include "ss-registry.h"

G_BEGIN_DECLS

typedef struct _SsColoring SsColoring;

SsColoring *ss_coloring_new_default  (const SsRegistry *reg);
void        ss_coloring_free         (SsColoring       *coloring);

guint       ss_coloring_get_n_rules  (const SsColoring *coloring);
const char *ss_coloring_get_name     (const SsColoring *coloring,
                                      guint             rule);
const char *ss_coloring_get_filter   (const SsColoring *coloring,
                                      guint             rule);
/* The first rule matching @pkt (dissected with the full tree), -1 for none. An SsColorFunc. */
gint        ss_coloring_match        (const SsPacket   *pkt,
                                      gpointer          coloring);
/* CSS for the row classes `ss-color-N`, in the light or the dark variant. */
char       *ss_coloring_dup_css      (const SsColoring *coloring,
                                      gboolean          dark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsColoring, ss_coloring_free)

G_END_DECLS
