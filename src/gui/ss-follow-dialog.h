/* ss-follow-dialog.h: Analyze → Follow → TCP Stream, UDP Stream, TLS Stream, HTTP Stream
 *
 * The bytes of one stream as src/stats (ss-follow.h) puts them in order, each side in its own
 * colour as in Wireshark (the side that sent first in red, the other in blue), shown as ASCII, a
 * hex dump or raw hex, for the whole conversation or one direction. The protocol says what is
 * followed, as tshark's `-z follow,tcp|udp|tls|http`: a TCP stream's payload, a UDP stream's
 * datagrams, the decrypted TLS records of a TCP stream (none without keys, as in Wireshark) or
 * the HTTP messages of a TCP stream; the stream is tcp.stream, udp.stream for UDP.
 */
#pragma once

#include "ss-follow.h"
#include "ss-stat-dialog.h"

G_BEGIN_DECLS

#define SS_TYPE_FOLLOW_DIALOG (ss_follow_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsFollowDialog, ss_follow_dialog, SS, FOLLOW_DIALOG, SsStatDialog)

typedef enum
{
  SS_FOLLOW_SHOW_ASCII,
  SS_FOLLOW_SHOW_HEX,
  SS_FOLLOW_SHOW_RAW,
} SsFollowShow;

typedef enum
{
  SS_FOLLOW_BOTH,
  SS_FOLLOW_FROM_NODE0,
  SS_FOLLOW_FROM_NODE1,
} SsFollowDirection;

GtkWidget *ss_follow_dialog_new           (GtkWindow         *parent,
                                           SsDocument        *doc,
                                           SsFollowProto      proto,
                                           guint32            stream);
/* Follows the conversation between two endpoints (a UDP stream, whose udp.stream the filter
 * engine does not know); the stream's index shows once found. */
GtkWidget *ss_follow_dialog_new_for_endpoints (GtkWindow       *parent,
                                           SsDocument        *doc,
                                           SsFollowProto      proto,
                                           const SsAddress   *addr0,
                                           guint16            port0,
                                           const SsAddress   *addr1,
                                           guint16            port1);
SsFollowProto ss_follow_dialog_get_proto  (SsFollowDialog    *self);
guint32    ss_follow_dialog_get_stream    (SsFollowDialog    *self);
void       ss_follow_dialog_set_show      (SsFollowDialog    *self,
                                           SsFollowShow       show,
                                           SsFollowDirection  direction);
/* The text shown. */
char      *ss_follow_dialog_dup_text      (SsFollowDialog    *self);

G_END_DECLS
