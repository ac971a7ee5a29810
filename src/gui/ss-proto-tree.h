/* ss-proto-tree.h: the packet details pane (protocol tree of the selected packet)
 *
 * The tree of SsItem a full dissection builds lives in the engine's frame arena until the next
 * frame is dissected, so the pane copies what it shows into SsTreeNode objects (labels, field
 * names, filter text, byte ranges): a few hundred per packet.
 */
#pragma once

#include <gtk/gtk.h>

#include "ss-packet.h"

G_BEGIN_DECLS

#define SS_TYPE_TREE_NODE (ss_tree_node_get_type ())
G_DECLARE_FINAL_TYPE (SsTreeNode, ss_tree_node, SS, TREE_NODE, GObject)

const char *ss_tree_node_get_label        (SsTreeNode *node);
/* The field's abbreviation ("tcp.srcport"), NULL for a text line. */
const char *ss_tree_node_get_abbrev       (SsTreeNode *node);
/* The field's display name ("Source Port"), NULL for a text line. */
const char *ss_tree_node_get_field_name   (SsTreeNode *node);
/* A display filter selecting this value ("tcp.srcport == 443"), NULL when there is none. */
const char *ss_tree_node_get_filter       (SsTreeNode *node);
/* The value as text (as -T fields prints it), NULL for a text line. */
const char *ss_tree_node_get_value        (SsTreeNode *node);
guint       ss_tree_node_get_source       (SsTreeNode *node);
guint       ss_tree_node_get_offset       (SsTreeNode *node);
guint       ss_tree_node_get_length       (SsTreeNode *node);
/* Expert severity (SsExpertSeverity) of an Expert Info node, 0 otherwise. */
guint       ss_tree_node_get_severity     (SsTreeNode *node);
/* Children (a GListModel of SsTreeNode) or NULL. Borrowed. */
GListModel *ss_tree_node_get_children     (SsTreeNode *node);
SsTreeNode *ss_tree_node_get_parent       (SsTreeNode *node);

#define SS_TYPE_PROTO_TREE (ss_proto_tree_get_type ())
G_DECLARE_FINAL_TYPE (SsProtoTree, ss_proto_tree, SS, PROTO_TREE, GtkWidget)

GtkWidget  *ss_proto_tree_new                (void);
/* Shows @pkt's tree (dissected with the full tree). Call with the document lock held. */
void        ss_proto_tree_set_packet         (SsProtoTree  *self,
                                              SsPacket     *pkt);
void        ss_proto_tree_clear              (SsProtoTree  *self);
/* The top-level nodes (SsTreeNode). */
GListModel *ss_proto_tree_get_roots          (SsProtoTree  *self);
SsTreeNode *ss_proto_tree_get_selected       (SsProtoTree  *self);
/* Selects the most specific field covering byte @offset of byte source @source, expanding its
 * ancestors. Returns FALSE when no field covers it. */
gboolean    ss_proto_tree_select_byte        (SsProtoTree  *self,
                                              guint         source,
                                              guint         offset);
/* Selects the first node whose field is @abbrev (expanding its ancestors). */
gboolean    ss_proto_tree_select_abbrev      (SsProtoTree  *self,
                                              const char   *abbrev);
void        ss_proto_tree_expand_subtrees    (SsProtoTree  *self);
void        ss_proto_tree_collapse_subtrees  (SsProtoTree  *self);
void        ss_proto_tree_expand_all         (SsProtoTree  *self);
void        ss_proto_tree_collapse_all       (SsProtoTree  *self);
/* The visible rows as text, indented (for tests and Copy → All Visible Items). */
char       *ss_proto_tree_dup_visible_text   (SsProtoTree  *self);

G_END_DECLS
