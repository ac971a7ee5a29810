/* ss-stats-tree.h: Wireshark's "stats tree" statistics: `-z dns,tree`, `-z http,tree`,
 * `-z http_req,tree`, `-z http_srv,tree`, and `-z http_ua,tree` (StratoShark's own)
 *
 * A tree of counters (with averages, minimums and maximums for some), a rate per millisecond
 * and the busiest 100 ms ("burst") of each node, as epan/stats_tree.c keeps them; the text is
 * tshark 4.0's plain format: children sorted by count, then by name, both descending.
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef enum
{
  SS_STATS_TREE_DNS,
  SS_STATS_TREE_HTTP,         /* HTTP/Packet Counter */
  SS_STATS_TREE_HTTP_REQ,     /* HTTP/Requests */
  SS_STATS_TREE_HTTP_SRV,     /* HTTP/Load Distribution */
  SS_STATS_TREE_HTTP_UA,      /* requests per URI path and User-Agent */
} SsStatsTreeKind;

typedef struct _SsStatsTree SsStatsTree;
typedef struct _SsStatsTreeNode SsStatsTreeNode;

SsStatsTree           *ss_stats_tree_new              (const SsRegistry  *reg,
                                                       SsStatsTreeKind    kind,
                                                       const char        *filter,
                                                       GError           **error);
void                   ss_stats_tree_free             (SsStatsTree       *tree);
void                   ss_stats_tree_want             (SsStatsTree       *tree,
                                                       SsEngine          *engine);
void                   ss_stats_tree_packet           (SsStatsTree       *tree,
                                                       const SsPacket    *pkt);
void                   ss_stats_tree_print            (SsStatsTree       *tree,
                                                       SsStatsFormat      format,
                                                       GString           *out);
/* "HTTP/Packet Counter", "DNS", ... */
const char            *ss_stats_tree_get_title        (const SsStatsTree *tree);

/* The top-level nodes in creation order; children in creation order. */
const SsStatsTreeNode *ss_stats_tree_get_first_child  (const SsStatsTree *tree);
const SsStatsTreeNode *ss_stats_tree_node_get_child   (const SsStatsTreeNode *node);
const SsStatsTreeNode *ss_stats_tree_node_get_next    (const SsStatsTreeNode *node);
const char            *ss_stats_tree_node_get_name    (const SsStatsTreeNode *node);
gint                   ss_stats_tree_node_get_count   (const SsStatsTreeNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsStatsTree, ss_stats_tree_free)

G_END_DECLS
