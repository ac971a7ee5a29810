/* ss-dissectors.h: the list of every protocol and the tables that link them */
#pragma once

#include "ss-packet.h"
#include "ss-protocol.h"

G_BEGIN_DECLS

/* Descriptor of @id (every SsProtocolId has one). */
const SsProtocol *ss_dissectors_get             (SsProtocolId  id);

/* Next protocol for an Ethernet type, link type, IP protocol number or well-known UDP/TCP port;
 * NULL when none is known. */
const SsProtocol *ss_dissectors_for_ethertype   (guint         ethertype);
const SsProtocol *ss_dissectors_for_link_type   (guint         link_type);
const SsProtocol *ss_dissectors_for_ip_proto    (guint         ip_proto);
const SsProtocol *ss_dissectors_for_udp_port    (guint         port);
const SsProtocol *ss_dissectors_for_tcp_port    (guint         port);

/* Name of a link type as capinfos prints it, or NULL. */
const char       *ss_link_type_name             (guint         link_type);

extern const SsProtocol ss_proto_frame;
extern const SsProtocol ss_proto_ws;
extern const SsProtocol ss_proto_expert;
extern const SsProtocol ss_proto_eth;
extern const SsProtocol ss_proto_vlan;
extern const SsProtocol ss_proto_sll;
extern const SsProtocol ss_proto_null;
extern const SsProtocol ss_proto_raw;
extern const SsProtocol ss_proto_arp;
extern const SsProtocol ss_proto_ip;
extern const SsProtocol ss_proto_ipv6;
extern const SsProtocol ss_proto_icmp;
extern const SsProtocol ss_proto_icmpv6;
extern const SsProtocol ss_proto_tcp;
extern const SsProtocol ss_proto_udp;
extern const SsProtocol ss_proto_dns;
extern const SsProtocol ss_proto_mdns;
extern const SsProtocol ss_proto_llmnr;
extern const SsProtocol ss_proto_data;
extern const SsProtocol ss_proto_http;
extern const SsProtocol ss_proto_text_lines;
extern const SsProtocol ss_proto_json;
extern const SsProtocol ss_proto_tls;
extern const SsProtocol ss_proto_x509af;
extern const SsProtocol ss_proto_x509ce;
extern const SsProtocol ss_proto_x509sat;
extern const SsProtocol ss_proto_x509if;
extern const SsProtocol ss_proto_pgsql;
extern const SsProtocol ss_proto_ebpf;
/* Called by the frame layer for records with options: adds the "eBPF Metadata" layer when the
 * record carries StratoShark's custom options (ss-dissect-ebpf.c). */
struct _SsCapfile;
void ss_ebpf_dissect (SsPacket                *pkt,
                      const struct _SsCapfile *cap,
                      guint                    index,
                      SsReader                *r);

G_END_DECLS

G_BEGIN_DECLS
/* Called by the frame layer when the frame is done: turns reader marks into _ws items. */
void ss_ws_finish_frame (SsPacket *pkt);
/* IPv6 adds a hidden ip.version as Wireshark does, so `ip.version == 6` works. Its parent is the
 * innermost protocol node (the IPv6 one). */
void ss_ip_add_version_hidden (SsPacket *pkt,
                               SsReader *r,
                               guint     version);
G_END_DECLS
