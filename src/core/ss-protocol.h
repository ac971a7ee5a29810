/* ss-protocol.h: the descriptor each dissector file ends with */
#pragma once

#include <glib.h>

#include "ss-field.h"
#include "ss-reader.h"

G_BEGIN_DECLS

typedef struct _SsPacket SsPacket;

/* The protocols, listed once. ss-dissectors.c holds the table of descriptors in this order. */
typedef enum
{
  SS_PROTO_FRAME,
  SS_PROTO_WS,        /* "_ws": malformed and expert pseudo-fields */
  SS_PROTO_EXPERT,    /* "_ws.expert" fields live under _ws; kept separate for the tree */
  SS_PROTO_ETH,
  SS_PROTO_VLAN,
  SS_PROTO_SLL,
  SS_PROTO_NULL,
  SS_PROTO_RAW,
  SS_PROTO_ARP,
  SS_PROTO_IP,
  SS_PROTO_IPV6,
  SS_PROTO_ICMP,
  SS_PROTO_ICMPV6,
  SS_PROTO_TCP,
  SS_PROTO_UDP,
  SS_PROTO_DNS,
  SS_PROTO_MDNS,       /* Multicast DNS: DNS's fields under its own protocol node */
  SS_PROTO_LLMNR,      /* Link-local Multicast Name Resolution: likewise */
  SS_PROTO_DATA,
  SS_PROTO_HTTP,
  SS_PROTO_TEXT_LINES, /* "data-text-lines": text bodies */
  SS_PROTO_JSON,
  SS_PROTO_TLS,
  SS_PROTO_X509AF,     /* X.509 authentication framework: certificate, validity */
  SS_PROTO_X509CE,     /* X.509 certificate extensions: subjectAltName, ... */
  SS_PROTO_X509SAT,    /* X.509 selected attribute types: names in RDNs */
  SS_PROTO_X509IF,     /* X.509 information framework: RDN sequences */
  SS_PROTO_PGSQL,
  SS_PROTO_EBPF,       /* StratoShark's per-packet capture metadata (pcapng custom options) */
  SS_PROTO_COUNT
} SsProtocolId;

typedef void (*SsDissectFunc) (SsPacket *pkt,
                               SsReader *r);

typedef struct
{
  SsProtocolId        id;
  const char         *abbrev;      /* "tcp" */
  const char         *short_name;  /* "TCP" (the Protocol column) */
  const char         *name;        /* "Transmission Control Protocol" */
  const SsFieldDef   *fields;
  guint               n_fields;
  const SsExpertDef  *experts;
  guint               n_experts;
  SsDissectFunc       dissect;
  /* An application protocol (carried by TCP or UDP, never carrying a link, network or
   * transport layer): a pass that asks for none of its fields, nor for anything that depends on
   * the layers above the transport, may leave it out (see ss_engine_dissect_as()). */
  gboolean            application;
  /* For a transport: its fields from this index on describe what the layers above made of the
   * payload (TCP's reassembly); 0 when none do. */
  guint               upper_fields_from;
} SsProtocol;

G_END_DECLS
