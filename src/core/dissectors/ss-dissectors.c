/* ss-dissectors.c: every protocol, listed explicitly, and the tables that link them
 *
 * Nothing is discovered by scanning: a protocol exists when it is in ss_protocols[] below and
 * is reached when one of the tables names it.
 */
#include "config.h"

#include "ss-dissectors.h"

static const SsProtocol *const ss_protocols[SS_PROTO_COUNT] = {
  [SS_PROTO_FRAME] = &ss_proto_frame,
  [SS_PROTO_WS] = &ss_proto_ws,
  [SS_PROTO_EXPERT] = &ss_proto_expert,
  [SS_PROTO_ETH] = &ss_proto_eth,
  [SS_PROTO_VLAN] = &ss_proto_vlan,
  [SS_PROTO_SLL] = &ss_proto_sll,
  [SS_PROTO_NULL] = &ss_proto_null,
  [SS_PROTO_RAW] = &ss_proto_raw,
  [SS_PROTO_ARP] = &ss_proto_arp,
  [SS_PROTO_IP] = &ss_proto_ip,
  [SS_PROTO_IPV6] = &ss_proto_ipv6,
  [SS_PROTO_ICMP] = &ss_proto_icmp,
  [SS_PROTO_ICMPV6] = &ss_proto_icmpv6,
  [SS_PROTO_TCP] = &ss_proto_tcp,
  [SS_PROTO_UDP] = &ss_proto_udp,
  [SS_PROTO_DNS] = &ss_proto_dns,
  [SS_PROTO_MDNS] = &ss_proto_mdns,
  [SS_PROTO_LLMNR] = &ss_proto_llmnr,
  [SS_PROTO_DATA] = &ss_proto_data,
  [SS_PROTO_HTTP] = &ss_proto_http,
  [SS_PROTO_TEXT_LINES] = &ss_proto_text_lines,
  [SS_PROTO_JSON] = &ss_proto_json,
  [SS_PROTO_TLS] = &ss_proto_tls,
  [SS_PROTO_X509AF] = &ss_proto_x509af,
  [SS_PROTO_X509CE] = &ss_proto_x509ce,
  [SS_PROTO_X509SAT] = &ss_proto_x509sat,
  [SS_PROTO_X509IF] = &ss_proto_x509if,
  [SS_PROTO_PGSQL] = &ss_proto_pgsql,
  [SS_PROTO_EBPF] = &ss_proto_ebpf,
};

const SsProtocol *
ss_dissectors_get (SsProtocolId id)
{
  g_return_val_if_fail (id < SS_PROTO_COUNT, &ss_proto_data);
  return ss_protocols[id];
}

const SsProtocol *
ss_dissectors_for_ethertype (guint ethertype)
{
  switch (ethertype)
    {
    case 0x0800: return &ss_proto_ip;
    case 0x0806: return &ss_proto_arp;
    case 0x86dd: return &ss_proto_ipv6;
    case 0x8100: return &ss_proto_vlan;
    default: return NULL;
    }
}

/* LINKTYPE_* values from the tcpdump.org link-layer header types registry. */
const SsProtocol *
ss_dissectors_for_link_type (guint link_type)
{
  switch (link_type)
    {
    case 0:              /* LINKTYPE_NULL */
    case 108:            /* LINKTYPE_LOOP (OpenBSD, network byte order) */
      return &ss_proto_null;
    case 1:              /* LINKTYPE_ETHERNET */
      return &ss_proto_eth;
    case 101:            /* LINKTYPE_RAW */
      return &ss_proto_raw;
    case 228:            /* LINKTYPE_IPV4 */
      return &ss_proto_ip;
    case 229:            /* LINKTYPE_IPV6 */
      return &ss_proto_ipv6;
    case 113:            /* LINKTYPE_LINUX_SLL */
    case 276:            /* LINKTYPE_LINUX_SLL2 */
      return &ss_proto_sll;
    default:
      return NULL;
    }
}

const char *
ss_link_type_name (guint link_type)
{
  switch (link_type)
    {
    case 0: return "NULL/Loopback";
    case 1: return "Ethernet";
    case 101: return "Raw IP";
    case 108: return "OpenBSD loopback";
    case 113: return "Linux cooked-mode capture v1";
    case 228: return "Raw IPv4";
    case 229: return "Raw IPv6";
    case 276: return "Linux cooked-mode capture v2";
    default: return NULL;
    }
}

const SsProtocol *
ss_dissectors_for_ip_proto (guint ip_proto)
{
  switch (ip_proto)
    {
    case 1: return &ss_proto_icmp;
    case 4: return &ss_proto_ip;
    case 6: return &ss_proto_tcp;
    case 17: return &ss_proto_udp;
    case 41: return &ss_proto_ipv6;
    case 58: return &ss_proto_icmpv6;
    default: return NULL;
    }
}

const SsProtocol *
ss_dissectors_for_udp_port (guint port)
{
  switch (port)
    {
    case 53: return &ss_proto_dns;
    case 5353: return &ss_proto_mdns;
    case 5355: return &ss_proto_llmnr;
    default: return NULL;
    }
}

const SsProtocol *
ss_dissectors_for_tcp_port (guint port)
{
  switch (port)
    {
    case 53: return &ss_proto_dns;
    case 5353: return &ss_proto_dns;  /* tshark's "dns.tcp.port" range is 53,5353 */
    /* HTTP on tshark 4.0's default "http.tcp.port" range, plus the ports of protocols carried
     * in HTTP (IPP 631, DAAP 3689; `tshark -G decodes`). */
    case 80: case 631: case 1900: case 2710: case 2869: case 3128: case 3132: case 3689:
    case 5985: case 8080: case 8088: case 11371:
      return &ss_proto_http;
    /* TLS on the ports tshark 4.0 gives it ("tcp.port ... tls" in `tshark -G decodes`). */
    case 324: case 443: case 465: case 636: case 802: case 853: case 993: case 995: case 1300:
    case 2221: case 2443: case 3249: case 3250: case 3251: case 3252: case 3496: case 5061:
    case 5671: case 5684: case 5868: case 8883: case 11207: case 19999: case 27017:
      return &ss_proto_tls;
    case 5432: return &ss_proto_pgsql;
    default:
      {
        /* tshark 4.0 tries its heuristic dissectors enabled by default (HTTP's and TLS's here)
         * on TCP payload no port claims: this "protocol" tries the other port first, then the
         * heuristics, then data (ss-dissect-http.c). */
        extern const SsProtocol ss_proto_tcp_heuristics;

        return &ss_proto_tcp_heuristics;
      }
    }
}
