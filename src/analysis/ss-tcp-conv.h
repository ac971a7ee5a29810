/* ss-tcp-conv.h: TCP conversations: stream numbers, relative sequence numbers, window scaling
 *
 * Fed in frame order during the first pass, like Wireshark's TCP conversation tracking, so
 * tcp.stream, tcp.seq, tcp.ack, tcp.nxtseq and tcp.window_size match tshark's.
 */
#pragma once

#include "ss-packet.h"

G_BEGIN_DECLS

typedef struct _SsTcpConv SsTcpConv;

SsTcpConv *ss_tcp_conv_new      (void);
void       ss_tcp_conv_free     (SsTcpConv *conv);
/* An SsTcpAnalyzeFunc: pass it with the conversation table as user data. */
void       ss_tcp_conv_analyze  (gpointer   conv,
                                 SsPacket  *pkt,
                                 SsTcpInfo *info);
guint      ss_tcp_conv_get_n_streams (const SsTcpConv *conv);
/* Whether to keep each frame's results for dissecting it again (default TRUE). A single pass
 * in order, as the CLI makes, does not need them. */
void       ss_tcp_conv_set_remember_frames (SsTcpConv *conv,
                                 gboolean   remember);

/* Gives the number of a stream that frame @number starts. */
typedef guint32 (*SsTcpStreamAllocFunc) (gpointer user_data,
                                         guint32  number);
/* Streams are numbered by @func instead of 0, 1, ... in this table's order: tables that each
 * see some of the capture's conversations (the CLI's threads) share one numbering, as one table
 * would number them. @func must give numbers in frame order. */
void       ss_tcp_conv_set_stream_alloc (SsTcpConv            *conv,
                                 SsTcpStreamAllocFunc  func,
                                 gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsTcpConv, ss_tcp_conv_free)

G_END_DECLS
