/* ss-conv.h: conversations and endpoints (`-z conv,TYPE[,FILTER]`, `-z endpoints,TYPE[,FILTER]`)
 *
 * As tshark 4.0 (epan/conversation_table.c): a conversation is keyed by both addresses (and
 * ports, and the TCP stream for TCP) in either order; its first packet's source is side A, and
 * "A -> B" counts packets from A. Headers inside ICMP errors are not counted; every header of a
 * tunnel is (each Ethernet, each IP). Rows are kept in the order conversations appeared; tshark
 * prints them by total frames, largest first, ties in that order.
 */
#pragma once

#include "ss-stats.h"

G_BEGIN_DECLS

typedef enum
{
  SS_CONV_ETH,
  SS_CONV_IP,
  SS_CONV_IPV6,
  SS_CONV_TCP,
  SS_CONV_UDP,
} SsConvType;

typedef struct
{
  SsAddress a;
  SsAddress b;
  guint16   port_a;
  guint16   port_b;
  guint32   stream;        /* TCP stream, G_MAXUINT32 otherwise */
  guint64   frames_ab;     /* tshark's "->" (tx) */
  guint64   bytes_ab;
  guint64   frames_ba;     /* tshark's "<-" (rx) */
  guint64   bytes_ba;
  gint64    start_ns;      /* relative to the first packet of the pass */
  gint64    stop_ns;
  gint64    start_abs_ns;  /* since the epoch */
  guint32   first_frame;   /* the frame that made the row: rows are kept in its order, */
  guint32   first_rank;    /* then in the order that frame made them (one per tunnel header) */
} SsConvRow;

typedef struct
{
  SsAddress addr;
  guint16   port;
  guint64   tx_frames;
  guint64   tx_bytes;
  guint64   rx_frames;
  guint64   rx_bytes;
  guint32   first_frame;   /* as in SsConvRow */
  guint32   first_rank;
} SsEndpointRow;

typedef struct _SsConvTable SsConvTable;
typedef struct _SsEndpointTable SsEndpointTable;

/* "eth", "ip", "ipv6", "tcp", "udp". */
gboolean         ss_conv_type_from_string      (const char         *name,
                                                SsConvType         *type);
/* tshark's title word: "Ethernet", "IPv4", "IPv6", "TCP", "UDP". */
const char      *ss_conv_type_get_title        (SsConvType          type);

SsConvTable     *ss_conv_table_new             (const SsRegistry   *reg,
                                                SsConvType          type,
                                                const char         *filter,
                                                GError            **error);
void             ss_conv_table_free            (SsConvTable        *table);
void             ss_conv_table_want            (SsConvTable        *table,
                                                SsEngine           *engine);
void             ss_conv_table_packet          (SsConvTable        *table,
                                                const SsPacket     *pkt);
void             ss_conv_table_print           (SsConvTable        *table,
                                                SsStatsFormat       format,
                                                GString            *out);
/* Rows in the order they appeared. */
guint            ss_conv_table_get_n_rows      (const SsConvTable  *table);
const SsConvRow *ss_conv_table_get_row         (const SsConvTable  *table,
                                                guint               index);

SsEndpointTable *ss_endpoint_table_new         (const SsRegistry   *reg,
                                                SsConvType          type,
                                                const char         *filter,
                                                GError            **error);
void             ss_endpoint_table_free        (SsEndpointTable    *table);
void             ss_endpoint_table_want        (SsEndpointTable    *table,
                                                SsEngine           *engine);
void             ss_endpoint_table_packet      (SsEndpointTable    *table,
                                                const SsPacket     *pkt);
void             ss_endpoint_table_print       (SsEndpointTable    *table,
                                                SsStatsFormat       format,
                                                GString            *out);
guint            ss_endpoint_table_get_n_rows  (const SsEndpointTable *table);
const SsEndpointRow *ss_endpoint_table_get_row (const SsEndpointTable *table,
                                                guint               index);

/* Wireshark's format_size (..., FORMAT_SIZE_UNIT_BYTES): "9999 bytes", "10 kB", "12 MB". */
void             ss_stats_format_bytes         (guint64             size,
                                                GString            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsConvTable, ss_conv_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsEndpointTable, ss_endpoint_table_free)

G_END_DECLS
