/* ss-follow.h: `-z follow,tcp|udp|tls|http,ascii|hex|raw|yaml,STREAM[,RANGE]` or
 * `...,ADDR:PORT,ADDR:PORT`
 *
 * The bytes of one stream per direction, as tshark 4.0's tap-follow.c prints them. TCP data is
 * put in sequence order and data already delivered (retransmissions, overlaps) is dropped, as
 * Wireshark's follow_tcp_tap_listener() does; a gap acknowledged by the other side becomes
 * "[N bytes missing in capture file]".
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef enum
{
  SS_FOLLOW_TCP,
  SS_FOLLOW_UDP,
  SS_FOLLOW_TLS,
  SS_FOLLOW_HTTP,
} SsFollowProto;

typedef enum
{
  SS_FOLLOW_ASCII,
  SS_FOLLOW_HEX,
  SS_FOLLOW_RAW,
  SS_FOLLOW_YAML,
  SS_FOLLOW_EBCDIC,
} SsFollowMode;

typedef struct
{
  gboolean      is_server;   /* from node 1 */
  guint32       frame;
  gint64        ts_ns;       /* absolute */
  const guint8 *data;
  guint32       len;
} SsFollowChunk;

typedef struct _SsFollow SsFollow;

/* Follows stream @stream (tcp.stream or udp.stream). */
SsFollow        *ss_follow_new            (const SsRegistry *reg,
                                           SsFollowProto     proto,
                                           SsFollowMode      mode,
                                           guint32           stream,
                                           GError          **error);
/* Follows the conversation between two endpoints. */
SsFollow        *ss_follow_new_for_endpoints (const SsRegistry *reg,
                                           SsFollowProto     proto,
                                           SsFollowMode      mode,
                                           const SsAddress  *addr0,
                                           guint16           port0,
                                           const SsAddress  *addr1,
                                           guint16           port1,
                                           GError          **error);
void             ss_follow_free           (SsFollow         *follow);
void             ss_follow_want           (SsFollow         *follow,
                                           SsEngine         *engine);
void             ss_follow_packet         (SsFollow         *follow,
                                           const SsPacket   *pkt);
void             ss_follow_print          (SsFollow         *follow,
                                           SsStatsFormat     format,
                                           GString          *out);

/* The tcp.stream or udp.stream index of the packets followed (what a follow by endpoints found);
 * FALSE before any packet matched. */
gboolean         ss_follow_get_stream     (const SsFollow   *follow,
                                           guint32          *stream);

/* The chunks in stream order (each direction in sequence order). */
guint            ss_follow_get_n_chunks   (const SsFollow   *follow);
const SsFollowChunk *ss_follow_get_chunk  (const SsFollow   *follow,
                                           guint             index);
/* Node 0 (the side that sent first) and node 1; FALSE before any packet. */
gboolean         ss_follow_get_nodes      (const SsFollow   *follow,
                                           SsAddress        *addr0,
                                           guint16          *port0,
                                           SsAddress        *addr1,
                                           guint16          *port1);

/* One chunk's bytes as tshark prints them: ASCII (unprintable bytes but CR and LF as dots), hex
 * dump lines (@offset: the chunk's offset in its direction) or raw hex, without tshark's chunk
 * length line. */
void             ss_follow_format_data    (SsFollowMode      mode,
                                           guint64           offset,
                                           const guint8     *data,
                                           guint32           len,
                                           GString          *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsFollow, ss_follow_free)

G_END_DECLS
