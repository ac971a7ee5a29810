/* ss-dissect-ipv6.c: Internet Protocol Version 6 (RFC 8200; traffic class per RFC 2474 and
 * RFC 3168; jumbograms RFC 2675; routing headers: type 0 RFC 5095 (deprecated), type 2
 * RFC 6275, RPL RFC 6554, segment routing RFC 8754; options RFC 2711, RFC 5570, RFC 6553,
 * RFC 6275 §6.3, RFC 8200 §4.2; address forms RFC 3056, RFC 4380, RFC 4291 appendix A,
 * RFC 5214 and RFC 6052)
 *
 * The payload length bounds the packet (the rest is link-layer padding) unless a jumbo payload
 * option (RFC 2675) replaces it; a length that claims more than the frame holds is reported and
 * the packet is read as far as it goes. The extension header chain is walked in a loop that
 * advances by at least eight bytes and stops after IPV6_MAX_EXTHDRS headers. Fragments other
 * than an atomic one are shown as data: StratoShark does not reassemble IPv6 yet.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-format.h"

#define IPV6_HDR_LEN 40
#define IPV6_FRAG_HDR_LEN 8
/* More than any real chain; a crafted one is cut there and the rest shown as data. */
#define IPV6_MAX_EXTHDRS 256

enum
{
  IP_PROTO_HOPOPTS = 0,
  IP_PROTO_ROUTING = 43,
  IP_PROTO_FRAGMENT = 44,
  IP_PROTO_NONE = 59,
  IP_PROTO_DSTOPTS = 60,
};

enum
{
  IPV6_F_VERSION,
  IPV6_F_TCLASS,
  IPV6_F_TCLASS_DSCP,
  IPV6_F_TCLASS_ECN,
  IPV6_F_FLOW,
  IPV6_F_PLEN,
  IPV6_F_NXT,
  IPV6_F_HLIM,
  IPV6_F_SRC,
  IPV6_F_ADDR,
  IPV6_F_SRC_HOST,
  IPV6_F_HOST,
  IPV6_F_DST,
  IPV6_F_DST_HOST,
  IPV6_F_SRC_6TO4_GW,
  IPV6_F_SRC_6TO4_SLA,
  IPV6_F_DST_6TO4_GW,
  IPV6_F_DST_6TO4_SLA,
  IPV6_F_6TO4_GW,
  IPV6_F_6TO4_SLA,
  IPV6_F_SRC_TS,
  IPV6_F_SRC_TC_PORT,
  IPV6_F_SRC_TC,
  IPV6_F_DST_TS,
  IPV6_F_DST_TC_PORT,
  IPV6_F_DST_TC,
  IPV6_F_TS,
  IPV6_F_TC_PORT,
  IPV6_F_TC,
  IPV6_F_SRC_SLAAC,
  IPV6_F_DST_SLAAC,
  IPV6_F_SLAAC,
  IPV6_F_SRC_ISATAP,
  IPV6_F_DST_ISATAP,
  IPV6_F_ISATAP,
  IPV6_F_SRC_EMBED,
  IPV6_F_DST_EMBED,
  IPV6_F_EMBED,
  /* options (hop-by-hop and destination) */
  IPV6_F_OPT,
  IPV6_F_OPT_TYPE,
  IPV6_F_OPT_TYPE_ACTION,
  IPV6_F_OPT_TYPE_CHANGE,
  IPV6_F_OPT_TYPE_REST,
  IPV6_F_OPT_LENGTH,
  IPV6_F_OPT_PAD1,
  IPV6_F_OPT_PADN,
  IPV6_F_OPT_TEL,
  IPV6_F_OPT_RTALERT,
  IPV6_F_OPT_PMTU_MIN,
  IPV6_F_OPT_PMTU_RTN,
  IPV6_F_OPT_PMTU_RTN_FLAG,
  IPV6_F_OPT_JUMBO,
  IPV6_F_OPT_CALIPSO_DOI,
  IPV6_F_OPT_CALIPSO_CMPT_LENGTH,
  IPV6_F_OPT_CALIPSO_SENS_LEVEL,
  IPV6_F_OPT_CALIPSO_CHECKSUM,
  IPV6_F_OPT_CALIPSO_CMPT_BITMAP,
  IPV6_F_OPT_TPF,
  IPV6_F_OPT_HOME_ADDRESS,
  IPV6_F_OPT_RPL_FLAG,
  IPV6_F_OPT_RPL_FLAG_O,
  IPV6_F_OPT_RPL_FLAG_R,
  IPV6_F_OPT_RPL_FLAG_F,
  IPV6_F_OPT_RPL_FLAG_RSV,
  IPV6_F_OPT_RPL_INSTANCE_ID,
  IPV6_F_OPT_RPL_SENDER_RANK,
  IPV6_F_OPT_ILNP_NONCE,
  IPV6_F_OPT_LIO_LENGTH,
  IPV6_F_OPT_LIO_LINE_ID,
  IPV6_F_OPT_MPL_FLAG,
  IPV6_F_OPT_MPL_FLAG_S,
  IPV6_F_OPT_MPL_FLAG_M,
  IPV6_F_OPT_MPL_FLAG_V,
  IPV6_F_OPT_MPL_FLAG_RSV,
  IPV6_F_OPT_MPL_SEQUENCE,
  IPV6_F_OPT_MPL_SEED_ID,
  IPV6_F_OPT_DFF_FLAGS,
  IPV6_F_OPT_DFF_FLAG_VER,
  IPV6_F_OPT_DFF_FLAG_DUP,
  IPV6_F_OPT_DFF_FLAG_RET,
  IPV6_F_OPT_DFF_FLAG_RSV,
  IPV6_F_OPT_DFF_SEQNUM,
  IPV6_F_OPT_EXPERIMENTAL,
  IPV6_F_OPT_UNKNOWN_DATA,
  IPV6_F_OPT_UNKNOWN,
  /* hop-by-hop options header */
  IPV6_F_HOPOPTS,
  IPV6_F_HOPOPTS_NXT,
  IPV6_F_HOPOPTS_LEN,
  IPV6_F_HOPOPTS_LEN_OCT,
  /* destination options header */
  IPV6_F_DSTOPTS,
  IPV6_F_DSTOPTS_NXT,
  IPV6_F_DSTOPTS_LEN,
  IPV6_F_DSTOPTS_LEN_OCT,
  /* routing header */
  IPV6_F_ROUTING,
  IPV6_F_ROUTING_NXT,
  IPV6_F_ROUTING_LEN,
  IPV6_F_ROUTING_LEN_OCT,
  IPV6_F_ROUTING_TYPE,
  IPV6_F_ROUTING_SEGLEFT,
  IPV6_F_ROUTING_UNKNOWN_DATA,
  IPV6_F_ROUTING_SRC_RESERVED,
  IPV6_F_ROUTING_SRC_ADDR,
  IPV6_F_ROUTING_MIPV6_RESERVED,
  IPV6_F_ROUTING_MIPV6_HOME_ADDRESS,
  IPV6_F_ROUTING_RPL_CMPRI,
  IPV6_F_ROUTING_RPL_CMPRE,
  IPV6_F_ROUTING_RPL_PAD,
  IPV6_F_ROUTING_RPL_RESERVED,
  IPV6_F_ROUTING_RPL_ADDR_COUNT,
  IPV6_F_ROUTING_RPL_ADDRESS,
  IPV6_F_ROUTING_RPL_FULL_ADDRESS,
  IPV6_F_ROUTING_SRH_LAST_ENTRY,
  IPV6_F_ROUTING_SRH_FLAGS,
  IPV6_F_ROUTING_SRH_TAG,
  IPV6_F_ROUTING_SRH_ADDR,
  /* fragment header */
  IPV6_F_FRAGHDR,
  IPV6_F_FRAGHDR_NXT,
  IPV6_F_FRAGHDR_RESERVED_OCTET,
  IPV6_F_FRAGHDR_OFFSET,
  IPV6_F_FRAGHDR_RESERVED_BITS,
  IPV6_F_FRAGHDR_MORE,
  IPV6_F_FRAGHDR_IDENT,
  IPV6_F_COUNT
};

static const SsValueString dscp_vals[] = {
  { 0, "Default" }, { 1, "Lower Effort" }, { 8, "Class Selector 1" },
  { 10, "Assured Forwarding 11" }, { 12, "Assured Forwarding 12" },
  { 14, "Assured Forwarding 13" }, { 16, "Class Selector 2" }, { 18, "Assured Forwarding 21" },
  { 20, "Assured Forwarding 22" }, { 22, "Assured Forwarding 23" }, { 24, "Class Selector 3" },
  { 26, "Assured Forwarding 31" }, { 28, "Assured Forwarding 32" },
  { 30, "Assured Forwarding 33" }, { 32, "Class Selector 4" }, { 34, "Assured Forwarding 41" },
  { 36, "Assured Forwarding 42" }, { 38, "Assured Forwarding 43" }, { 40, "Class Selector 5" },
  { 44, "Voice Admit" }, { 46, "Expedited Forwarding" }, { 48, "Class Selector 6" },
  { 56, "Class Selector 7" }, { 0, NULL }
};

static const SsValueString dscp_short_vals[] = {
  { 0, "CS0" }, { 1, "LE" }, { 8, "CS1" }, { 10, "AF11" }, { 12, "AF12" }, { 14, "AF13" },
  { 16, "CS2" }, { 18, "AF21" }, { 20, "AF22" }, { 22, "AF23" }, { 24, "CS3" }, { 26, "AF31" },
  { 28, "AF32" }, { 30, "AF33" }, { 32, "CS4" }, { 34, "AF41" }, { 36, "AF42" },
  { 38, "AF43" }, { 40, "CS5" }, { 44, "VA" }, { 46, "EF PHB" }, { 48, "CS6" }, { 56, "CS7" },
  { 0, NULL }
};

static const SsValueString ecn_vals[] = {
  { 0, "Not ECN-Capable Transport" }, { 1, "ECN-Capable Transport codepoint '01'" },
  { 2, "ECN-Capable Transport codepoint '10'" }, { 3, "Congestion Experienced" }, { 0, NULL }
};

static const SsValueString ecn_short_vals[] = {
  { 0, "Not-ECT" }, { 1, "ECT(1)" }, { 2, "ECT(0)" }, { 3, "CE" }, { 0, NULL }
};

/* IANA "Assigned Internet Protocol Numbers", with Wireshark's names. */
static const SsValueString ipproto_vals[] = {
  { 0, "IPv6 Hop-by-Hop Option" }, { 1, "ICMP" }, { 2, "IGMP" }, { 3, "GGP" }, { 4, "IPIP" },
  { 5, "Stream" }, { 6, "TCP" }, { 7, "CBT" }, { 8, "EGP" }, { 9, "IGRP" }, { 10, "BBN RCC" },
  { 11, "Network Voice" }, { 12, "PUP" }, { 13, "ARGUS" }, { 14, "EMCON" }, { 15, "XNET" },
  { 16, "CHAOS" }, { 17, "UDP" }, { 18, "Multiplex" }, { 19, "DCN Measurement" },
  { 20, "Host Monitoring" }, { 21, "Packet radio" }, { 22, "IDP" }, { 23, "Trunk-1" },
  { 24, "Trunk-2" }, { 25, "Leaf-1" }, { 26, "Leaf-2" }, { 27, "Reliable Data" }, { 28, "IRT" },
  { 29, "ISO TP4" }, { 30, "Bulk Data" }, { 31, "MFE NSP" }, { 32, "Merit Internodal" },
  { 33, "Datagram Congestion Control Protocol" }, { 34, "3rd Party Connect" },
  { 35, "Inter-Domain Policy Routing Protocol" }, { 36, "XTP" }, { 37, "Datagram delivery" },
  { 38, "Control Message" }, { 39, "TP++" }, { 40, "IL" }, { 41, "IPv6" },
  { 42, "Source demand routing" }, { 43, "Routing Header for IPv6" },
  { 44, "Fragment Header for IPv6" }, { 45, "Inter-Domain Routing Protocol" },
  { 46, "Reservation Protocol" }, { 47, "Generic Routing Encapsulation" },
  { 48, "Dynamic source routing" }, { 49, "BNA" }, { 50, "Encap Security Payload" },
  { 51, "Authentication Header" }, { 52, "INSLP" }, { 53, "SWIPE" }, { 54, "NBMA ARP" },
  { 55, "IP Mobility" }, { 56, "TLSP Kryptonet" }, { 57, "SKIP" }, { 58, "ICMPv6" },
  { 59, "No Next Header for IPv6" }, { 60, "Destination Options for IPv6" },
  { 61, "any host internal protocol" }, { 62, "Mobile IPv6 (old)" }, { 63, "any local network" },
  { 64, "SATNET EXPAK" }, { 65, "Kryptolan" }, { 66, "Remote Virtual Disk" }, { 67, "IPPC" },
  { 68, "any distributed file system" }, { 69, "SATNET Monitoring" }, { 70, "VISA" },
  { 71, "IPCV" }, { 72, "CPNX" }, { 73, "CPHB" }, { 74, "Wang Span" }, { 75, "Packet Video" },
  { 76, "Backroom SATNET Mon" }, { 77, "Sun ND Protocol" }, { 78, "Wideband Mon" },
  { 79, "Wideband Expak" }, { 80, "ISO Internet Protocol" }, { 81, "VMTP" }, { 82, "Secure VMTP" },
  { 83, "VINES" }, { 84, "TTP" }, { 85, "NSFNET IGP" }, { 86, "Dissimilar Gateway" }, { 87, "TCF" },
  { 88, "EIGRP" }, { 89, "OSPF IGP" }, { 90, "Sprite RPC" }, { 91, "Locus ARP" },
  { 92, "Multicast Transport" }, { 93, "AX.25 Frames" }, { 94, "IP in IP" }, { 95, "MICP" },
  { 96, "Semaphore" }, { 97, "Ether in IP" }, { 98, "ENCAP" },
  { 99, "any private encryption scheme" }, { 100, "GMTP" }, { 101, "Ipsilon Flow" },
  { 102, "PNNI over IP" }, { 103, "PIM" }, { 104, "ARIS" }, { 105, "SCPS" }, { 106, "QNX" },
  { 107, "Active Networks" }, { 108, "IPComp" }, { 109, "Sitara Networks" }, { 110, "Compaq Peer" },
  { 111, "IPX IN IP" }, { 112, "VRRP" }, { 113, "PGM" }, { 114, "any 0-hop protocol" },
  { 115, "Layer 2 Tunneling" }, { 116, "DDX" }, { 117, "IATP" }, { 118, "STP" },
  { 119, "SpectraLink" }, { 120, "UTI" }, { 121, "SMP" }, { 122, "SM" }, { 123, "PTP" },
  { 124, "ISIS over IP" }, { 125, "FIRE" }, { 126, "CRTP" }, { 127, "CRUDP" }, { 128, "SSCOPMCE" },
  { 129, "IPLT" }, { 130, "Secure Packet" }, { 131, "PIPE" }, { 132, "SCTP" },
  { 133, "Fibre Channel" }, { 134, "RSVP E2EI" }, { 135, "Mobile IPv6" }, { 136, "UDPLite" },
  { 137, "MPLS in IP" }, { 138, "MANET" }, { 139, "HIP" }, { 140, "Shim6 header" }, { 141, "WESP" },
  { 142, "ROHC" }, { 143, "Ethernet" }, { 144, "Unassigned" }, { 145, "Unassigned" },
  { 146, "Unassigned" }, { 147, "Unassigned" }, { 148, "Unassigned" }, { 149, "Unassigned" },
  { 150, "Unassigned" }, { 151, "Unassigned" }, { 152, "Unassigned" }, { 153, "Unassigned" },
  { 154, "Unassigned" }, { 155, "Unassigned" }, { 156, "Unassigned" }, { 157, "Unassigned" },
  { 158, "Unassigned" }, { 159, "Unassigned" }, { 160, "Unassigned" }, { 161, "Unassigned" },
  { 162, "Unassigned" }, { 163, "Unassigned" }, { 164, "Unassigned" }, { 165, "Unassigned" },
  { 166, "Unassigned" }, { 167, "Unassigned" }, { 168, "Unassigned" }, { 169, "Unassigned" },
  { 170, "Unassigned" }, { 171, "Unassigned" }, { 172, "Unassigned" }, { 173, "AX/4000 Testframe" },
  { 174, "Unassigned" }, { 175, "Unassigned" }, { 176, "Unassigned" }, { 177, "Unassigned" },
  { 178, "Unassigned" }, { 179, "Unassigned" }, { 180, "Unassigned" }, { 181, "Unassigned" },
  { 182, "Unassigned" }, { 183, "Unassigned" }, { 184, "Unassigned" }, { 185, "Unassigned" },
  { 186, "Unassigned" }, { 187, "Unassigned" }, { 188, "Unassigned" }, { 189, "Unassigned" },
  { 190, "Unassigned" }, { 191, "Unassigned" }, { 192, "Unassigned" }, { 193, "Unassigned" },
  { 194, "Unassigned" }, { 195, "Unassigned" }, { 196, "Unassigned" }, { 197, "Unassigned" },
  { 198, "Unassigned" }, { 199, "Unassigned" }, { 200, "Unassigned" }, { 201, "Unassigned" },
  { 202, "Unassigned" }, { 203, "Unassigned" }, { 204, "Unassigned" }, { 205, "Unassigned" },
  { 206, "Unassigned" }, { 207, "Unassigned" }, { 208, "Unassigned" }, { 209, "Unassigned" },
  { 210, "Unassigned" }, { 211, "Unassigned" }, { 212, "Unassigned" }, { 213, "Unassigned" },
  { 214, "Unassigned" }, { 215, "Unassigned" }, { 216, "Unassigned" }, { 217, "Unassigned" },
  { 218, "Unassigned" }, { 219, "Unassigned" }, { 220, "Unassigned" }, { 221, "Unassigned" },
  { 222, "Unassigned" }, { 223, "Unassigned" }, { 224, "Novell NCS Heartbeat" },
  { 0, NULL }
};

/* IANA "Destination Options and Hop-by-Hop Options". */
static const SsValueString opt_type_vals[] = {
  { 0x00, "Pad1" }, { 0x01, "PadN" }, { 0x04, "Tunnel Encapsulation Limit" },
  { 0x05, "Router Alert" }, { 0x07, "CALIPSO" }, { 0x08, "SMF_DPD" },
  { 0x0f, "Performance and Diagnostic Metrics" }, { 0x1e, "Experimental (0x1E)" },
  { 0x26, "Quick-Start" }, { 0x30, "Path MTU Option" }, { 0x31, "IOAM Option" },
  { 0x3e, "Experimental (0x3E)" }, { 0x41, "Tunnel Payload Forwarding (TPF) Information" },
  { 0x5e, "Experimental (0x5E)" }, { 0x63, "RPL Option" }, { 0x6d, "MPL Option" },
  { 0x7e, "Experimental (0x7E)" }, { 0x8a, "Endpoint Identification" },
  { 0x8b, "ILNP Nonce" }, { 0x8c, "Line-Identification Option" },
  { 0x9e, "Experimental (0x9E)" }, { 0xbe, "Experimental (0xBE)" }, { 0xc2, "Jumbo Payload" },
  { 0xc9, "Home Address" }, { 0xde, "Experimental (0xDE)" }, { 0xee, "IP_DFF" },
  { 0xfe, "Experimental (0xFE)" }, { 0, NULL }
};

static const SsValueString opt_action_vals[] = {
  { 0, "Skip and continue" }, { 1, "Discard" }, { 2, "Discard and send ICMP Parameter Problem" },
  { 3, "Discard and send ICMP if not multicast" }, { 0, NULL }
};

static const SsValueString rtalert_vals[] = {
  { 0, "MLD" }, { 1, "RSVP" }, { 2, "Active Network" }, { 0, NULL }
};

static const SsValueString mpl_seed_id_len_vals[] = {
  { 0, "0" }, { 1, "16-bit unsigned integer" }, { 2, "64-bit unsigned integer" },
  { 3, "128-bit unsigned integer" }, { 0, NULL }
};

static const SsValueString routing_type_vals[] = {
  { 0, "Source Route" }, { 1, "Nimrod" }, { 2, "Type 2 Routing" }, { 3, "RPL Source Route" },
  { 4, "Segment Routing" }, { 5, "Compact Routing Header 16" },
  { 6, "Compact Routing Header 32" }, { 253, "Experiment 1" }, { 254, "Experiment 2" },
  { 0, NULL }
};

static const SsTrueFalse yes_no_tfs = { N_("Yes"), N_("No") };

static const SsFieldDef ipv6_fields[] = {
  [IPV6_F_VERSION] = { "ipv6.version", N_("Version"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_TCLASS] = { "ipv6.tclass", N_("Traffic Class"), SS_FT_UINT32, SS_BASE_HEX, NULL,
                      0x0ff00000 },
  [IPV6_F_TCLASS_DSCP] = { "ipv6.tclass.dscp", N_("Differentiated Services Codepoint"),
                           SS_FT_UINT32, SS_BASE_DEC, dscp_vals, 0x0fc00000 },
  [IPV6_F_TCLASS_ECN] = { "ipv6.tclass.ecn", N_("Explicit Congestion Notification"),
                          SS_FT_UINT32, SS_BASE_DEC, ecn_vals, 0x00300000 },
  [IPV6_F_FLOW] = { "ipv6.flow", N_("Flow Label"), SS_FT_UINT24, SS_BASE_HEX, NULL, 0x0fffff },
  [IPV6_F_PLEN] = { "ipv6.plen", N_("Payload Length"), SS_FT_UINT16, SS_BASE_DEC },
  [IPV6_F_NXT] = { "ipv6.nxt", N_("Next Header"), SS_FT_UINT8, SS_BASE_DEC, ipproto_vals },
  [IPV6_F_HLIM] = { "ipv6.hlim", N_("Hop Limit"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_SRC] = { "ipv6.src", N_("Source Address"), SS_FT_IPv6 },
  [IPV6_F_ADDR] = { "ipv6.addr", N_("Source or Destination Address"), SS_FT_IPv6 },
  [IPV6_F_SRC_HOST] = { "ipv6.src_host", N_("Source Host"), SS_FT_STRING },
  [IPV6_F_HOST] = { "ipv6.host", N_("Source or Destination Host"), SS_FT_STRING },
  [IPV6_F_DST] = { "ipv6.dst", N_("Destination Address"), SS_FT_IPv6 },
  [IPV6_F_DST_HOST] = { "ipv6.dst_host", N_("Destination Host"), SS_FT_STRING },
  [IPV6_F_SRC_6TO4_GW] = { "ipv6.src_6to4_gw_ipv4", N_("Source 6to4 Gateway IPv4"),
                           SS_FT_IPv4 },
  [IPV6_F_SRC_6TO4_SLA] = { "ipv6.src_6to4_sla_id", N_("Source 6to4 SLA ID"), SS_FT_UINT16,
                            SS_BASE_DEC },
  [IPV6_F_DST_6TO4_GW] = { "ipv6.dst_6to4_gw_ipv4", N_("Destination 6to4 Gateway IPv4"),
                           SS_FT_IPv4 },
  [IPV6_F_DST_6TO4_SLA] = { "ipv6.dst_6to4_sla_id", N_("Destination 6to4 SLA ID"),
                            SS_FT_UINT16, SS_BASE_DEC },
  [IPV6_F_6TO4_GW] = { "ipv6.6to4_gw_ipv4", N_("6to4 Gateway IPv4"), SS_FT_IPv4 },
  [IPV6_F_6TO4_SLA] = { "ipv6.6to4_sla_id", N_("6to4 SLA ID"), SS_FT_UINT16, SS_BASE_DEC },
  [IPV6_F_SRC_TS] = { "ipv6.src_ts_ipv4", N_("Source Teredo Server IPv4"), SS_FT_IPv4 },
  [IPV6_F_SRC_TC_PORT] = { "ipv6.src_tc_port", N_("Source Teredo Port"), SS_FT_UINT16,
                           SS_BASE_DEC },
  [IPV6_F_SRC_TC] = { "ipv6.src_tc_ipv4", N_("Source Teredo Client IPv4"), SS_FT_IPv4 },
  [IPV6_F_DST_TS] = { "ipv6.dst_ts_ipv4", N_("Destination Teredo Server IPv4"), SS_FT_IPv4 },
  [IPV6_F_DST_TC_PORT] = { "ipv6.dst_tc_port", N_("Destination Teredo Port"), SS_FT_UINT16,
                           SS_BASE_DEC },
  [IPV6_F_DST_TC] = { "ipv6.dst_tc_ipv4", N_("Destination Teredo Client IPv4"), SS_FT_IPv4 },
  [IPV6_F_TS] = { "ipv6.ts_ipv4", N_("Teredo Server IPv4"), SS_FT_IPv4 },
  [IPV6_F_TC_PORT] = { "ipv6.tc_port", N_("Teredo Port"), SS_FT_UINT16, SS_BASE_DEC },
  [IPV6_F_TC] = { "ipv6.tc_ipv4", N_("Teredo Client IPv4"), SS_FT_IPv4 },
  [IPV6_F_SRC_SLAAC] = { "ipv6.src_slaac_mac", N_("Source SLAAC MAC"), SS_FT_ETHER },
  [IPV6_F_DST_SLAAC] = { "ipv6.dst_slaac_mac", N_("Destination SLAAC MAC"), SS_FT_ETHER },
  [IPV6_F_SLAAC] = { "ipv6.slaac_mac", N_("SLAAC MAC"), SS_FT_ETHER },
  [IPV6_F_SRC_ISATAP] = { "ipv6.src_isatap_ipv4", N_("Source ISATAP IPv4"), SS_FT_IPv4 },
  [IPV6_F_DST_ISATAP] = { "ipv6.dst_isatap_ipv4", N_("Destination ISATAP IPv4"), SS_FT_IPv4 },
  [IPV6_F_ISATAP] = { "ipv6.isatap_ipv4", N_("ISATAP IPv4"), SS_FT_IPv4 },
  [IPV6_F_SRC_EMBED] = { "ipv6.src_embed_ipv4", N_("Source Embedded IPv4"), SS_FT_IPv4 },
  [IPV6_F_DST_EMBED] = { "ipv6.dst_embed_ipv4", N_("Destination Embedded IPv4"), SS_FT_IPv4 },
  [IPV6_F_EMBED] = { "ipv6.embed_ipv4", N_("Embedded IPv4"), SS_FT_IPv4 },
  [IPV6_F_OPT] = { "ipv6.opt", N_("IPv6 Option"), SS_FT_NONE },
  [IPV6_F_OPT_TYPE] = { "ipv6.opt.type", N_("Type"), SS_FT_UINT8, SS_BASE_HEX, opt_type_vals },
  [IPV6_F_OPT_TYPE_ACTION] = { "ipv6.opt.type.action", N_("Action"), SS_FT_UINT8, SS_BASE_DEC,
                               opt_action_vals, 0xc0 },
  [IPV6_F_OPT_TYPE_CHANGE] = { "ipv6.opt.type.change", N_("May Change"), SS_FT_BOOLEAN, 8,
                               NULL, 0x20, &yes_no_tfs },
  [IPV6_F_OPT_TYPE_REST] = { "ipv6.opt.type.rest", N_("Low-Order Bits"), SS_FT_UINT8,
                             SS_BASE_HEX, NULL, 0x1f },
  [IPV6_F_OPT_LENGTH] = { "ipv6.opt.length", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_OPT_PAD1] = { "ipv6.opt.pad1", N_("Pad1"), SS_FT_NONE },
  [IPV6_F_OPT_PADN] = { "ipv6.opt.padn", N_("PadN"), SS_FT_BYTES },
  [IPV6_F_OPT_TEL] = { "ipv6.opt.tel", N_("Tunnel Encapsulation Limit"), SS_FT_UINT8,
                       SS_BASE_DEC },
  [IPV6_F_OPT_RTALERT] = { "ipv6.opt.router_alert", N_("Router Alert"), SS_FT_UINT16,
                           SS_BASE_DEC, rtalert_vals },
  [IPV6_F_OPT_PMTU_MIN] = { "ipv6.opt.pmtu.min", N_("Minimum Reported PMTU"), SS_FT_UINT16,
                            SS_BASE_DEC },
  [IPV6_F_OPT_PMTU_RTN] = { "ipv6.opt.pmtu.rtn", N_("Return Minimum PMTU"), SS_FT_UINT16,
                            SS_BASE_DEC },
  [IPV6_F_OPT_PMTU_RTN_FLAG] = { "ipv6.opt.pmtu.r_flag", N_("Return Flag"), SS_FT_BOOLEAN },
  [IPV6_F_OPT_JUMBO] = { "ipv6.opt.jumbo", N_("Payload Length"), SS_FT_UINT32, SS_BASE_DEC },
  [IPV6_F_OPT_CALIPSO_DOI] = { "ipv6.opt.calipso.doi", N_("CALIPSO Domain of Interpretation"),
                               SS_FT_UINT32, SS_BASE_DEC },
  [IPV6_F_OPT_CALIPSO_CMPT_LENGTH] = { "ipv6.opt.calipso.cmpt.length",
                                       N_("Compartment Length"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_OPT_CALIPSO_SENS_LEVEL] = { "ipv6.opt.calipso.sens_level", N_("Sensitivity Level"),
                                      SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_OPT_CALIPSO_CHECKSUM] = { "ipv6.opt.calipso.checksum", N_("Checksum"), SS_FT_UINT16,
                                    SS_BASE_HEX },
  [IPV6_F_OPT_CALIPSO_CMPT_BITMAP] = { "ipv6.opt.calipso.cmpt_bitmap",
                                       N_("Compartment Bitmap"), SS_FT_BYTES },
  [IPV6_F_OPT_TPF] = { "ipv6.opt.tpf_information", N_("TPF Information"), SS_FT_UINT32,
                       SS_BASE_HEX },
  [IPV6_F_OPT_HOME_ADDRESS] = { "ipv6.opt.mipv6.home_address", N_("MIPv6 Home Address"),
                                SS_FT_IPv6 },
  [IPV6_F_OPT_RPL_FLAG] = { "ipv6.opt.rpl.flag", N_("Flag"), SS_FT_UINT8, SS_BASE_HEX },
  [IPV6_F_OPT_RPL_FLAG_O] = { "ipv6.opt.rpl.flag.o", N_("Down"), SS_FT_BOOLEAN, 8, NULL, 0x80 },
  [IPV6_F_OPT_RPL_FLAG_R] = { "ipv6.opt.rpl.flag.r", N_("Rank Error"), SS_FT_BOOLEAN, 8, NULL,
                              0x40 },
  [IPV6_F_OPT_RPL_FLAG_F] = { "ipv6.opt.rpl.flag.f", N_("Forwarding Error"), SS_FT_BOOLEAN, 8,
                              NULL, 0x20 },
  [IPV6_F_OPT_RPL_FLAG_RSV] = { "ipv6.opt.rpl.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                SS_BASE_HEX, NULL, 0x1f },
  [IPV6_F_OPT_RPL_INSTANCE_ID] = { "ipv6.opt.rpl.instance_id", N_("RPLInstanceID"),
                                   SS_FT_UINT8, SS_BASE_HEX },
  [IPV6_F_OPT_RPL_SENDER_RANK] = { "ipv6.opt.rpl.sender_rank", N_("Sender Rank"), SS_FT_UINT16,
                                   SS_BASE_HEX },
  [IPV6_F_OPT_ILNP_NONCE] = { "ipv6.opt.ilnp_nonce", N_("ILNP Nonce"), SS_FT_BYTES },
  [IPV6_F_OPT_LIO_LENGTH] = { "ipv6.opt.lio.length", N_("LineIDLen"), SS_FT_UINT8,
                              SS_BASE_DEC },
  [IPV6_F_OPT_LIO_LINE_ID] = { "ipv6.opt.lio.line_id", N_("Line ID"), SS_FT_STRING },
  [IPV6_F_OPT_MPL_FLAG] = { "ipv6.opt.mpl.flag", N_("Flag"), SS_FT_UINT8, SS_BASE_HEX },
  [IPV6_F_OPT_MPL_FLAG_S] = { "ipv6.opt.mpl.flag.s", N_("Seed ID Length"), SS_FT_UINT8,
                              SS_BASE_DEC, mpl_seed_id_len_vals, 0xc0 },
  [IPV6_F_OPT_MPL_FLAG_M] = { "ipv6.opt.mpl.flag.m", N_("Largest Sequence"), SS_FT_BOOLEAN, 8,
                              NULL, 0x20 },
  [IPV6_F_OPT_MPL_FLAG_V] = { "ipv6.opt.mpl.flag.v", N_("Version"), SS_FT_BOOLEAN, 8, NULL,
                              0x10 },
  [IPV6_F_OPT_MPL_FLAG_RSV] = { "ipv6.opt.mpl.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                SS_BASE_HEX, NULL, 0x0f },
  [IPV6_F_OPT_MPL_SEQUENCE] = { "ipv6.opt.mpl.sequence", N_("Sequence"), SS_FT_UINT8,
                                SS_BASE_HEX },
  [IPV6_F_OPT_MPL_SEED_ID] = { "ipv6.opt.mpl.seed_id", N_("Seed ID"), SS_FT_BYTES },
  [IPV6_F_OPT_DFF_FLAGS] = { "ipv6.opt.dff.flags", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [IPV6_F_OPT_DFF_FLAG_VER] = { "ipv6.opt.dff.flag.ver", N_("Version (VER)"), SS_FT_UINT8,
                                SS_BASE_DEC, NULL, 0xc0 },
  [IPV6_F_OPT_DFF_FLAG_DUP] = { "ipv6.opt.dff.flag.dup", N_("Duplicate (DUP)"), SS_FT_BOOLEAN,
                                8, NULL, 0x20 },
  [IPV6_F_OPT_DFF_FLAG_RET] = { "ipv6.opt.dff.flag.ret", N_("Return (RET)"), SS_FT_BOOLEAN, 8,
                                NULL, 0x10 },
  [IPV6_F_OPT_DFF_FLAG_RSV] = { "ipv6.opt.dff.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                SS_BASE_HEX, NULL, 0x0f },
  [IPV6_F_OPT_DFF_SEQNUM] = { "ipv6.opt.dff.sequence_number", N_("Sequence Number"),
                              SS_FT_UINT16, SS_BASE_DEC_HEX },
  [IPV6_F_OPT_EXPERIMENTAL] = { "ipv6.opt.experimental", N_("Experimental Option"),
                                SS_FT_BYTES },
  [IPV6_F_OPT_UNKNOWN_DATA] = { "ipv6.opt_unknown_data", N_("Unknown Data"), SS_FT_BYTES },
  [IPV6_F_OPT_UNKNOWN] = { "ipv6.opt.unknown", N_("Unknown Option Payload"), SS_FT_BYTES },
  [IPV6_F_HOPOPTS] = { "ipv6.hopopts", N_("IPv6 Hop-by-Hop Option"), SS_FT_PROTOCOL },
  [IPV6_F_HOPOPTS_NXT] = { "ipv6.hopopts.nxt", N_("Next Header"), SS_FT_UINT8, SS_BASE_DEC,
                           ipproto_vals },
  [IPV6_F_HOPOPTS_LEN] = { "ipv6.hopopts.len", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_HOPOPTS_LEN_OCT] = { "ipv6.hopopts.len_oct", N_("Length"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [IPV6_F_DSTOPTS] = { "ipv6.dstopts", N_("Destination Options for IPv6"), SS_FT_PROTOCOL },
  [IPV6_F_DSTOPTS_NXT] = { "ipv6.dstopts.nxt", N_("Next Header"), SS_FT_UINT8, SS_BASE_DEC,
                           ipproto_vals },
  [IPV6_F_DSTOPTS_LEN] = { "ipv6.dstopts.len", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_DSTOPTS_LEN_OCT] = { "ipv6.dstopts.len_oct", N_("Length"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [IPV6_F_ROUTING] = { "ipv6.routing", N_("Routing Header for IPv6"), SS_FT_PROTOCOL },
  [IPV6_F_ROUTING_NXT] = { "ipv6.routing.nxt", N_("Next Header"), SS_FT_UINT8, SS_BASE_DEC,
                           ipproto_vals },
  [IPV6_F_ROUTING_LEN] = { "ipv6.routing.len", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_ROUTING_LEN_OCT] = { "ipv6.routing.len_oct", N_("Length"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [IPV6_F_ROUTING_TYPE] = { "ipv6.routing.type", N_("Type"), SS_FT_UINT8, SS_BASE_DEC,
                            routing_type_vals },
  [IPV6_F_ROUTING_SEGLEFT] = { "ipv6.routing.segleft", N_("Segments Left"), SS_FT_UINT8,
                               SS_BASE_DEC },
  [IPV6_F_ROUTING_UNKNOWN_DATA] = { "ipv6.routing.unknown_data", N_("Type-Specific Data"),
                                    SS_FT_BYTES },
  [IPV6_F_ROUTING_SRC_RESERVED] = { "ipv6.routing.src.reserved", N_("Reserved"), SS_FT_BYTES },
  [IPV6_F_ROUTING_SRC_ADDR] = { "ipv6.routing.src.addr", N_("Address"), SS_FT_IPv6 },
  [IPV6_F_ROUTING_MIPV6_RESERVED] = { "ipv6.routing.mipv6.reserved", N_("Reserved"),
                                      SS_FT_BYTES },
  [IPV6_F_ROUTING_MIPV6_HOME_ADDRESS] = { "ipv6.routing.mipv6.home_address",
                                          N_("Home Address"), SS_FT_IPv6 },
  [IPV6_F_ROUTING_RPL_CMPRI] = { "ipv6.routing.rpl.cmprI",
                                 N_("Compressed Internal Octets (CmprI)"), SS_FT_UINT32,
                                 SS_BASE_DEC, NULL, 0xf0000000 },
  [IPV6_F_ROUTING_RPL_CMPRE] = { "ipv6.routing.rpl.cmprE", N_("Compressed Final Octets (CmprE)"),
                                 SS_FT_UINT32, SS_BASE_DEC, NULL, 0x0f000000 },
  [IPV6_F_ROUTING_RPL_PAD] = { "ipv6.routing.rpl.pad", N_("Padding Bytes"), SS_FT_UINT32,
                               SS_BASE_DEC, NULL, 0x00f00000 },
  [IPV6_F_ROUTING_RPL_RESERVED] = { "ipv6.routing.rpl.reserved", N_("Reserved"), SS_FT_UINT32,
                                    SS_BASE_DEC, NULL, 0x000fffff },
  [IPV6_F_ROUTING_RPL_ADDR_COUNT] = { "ipv6.routing.rpl.addr_count", N_("Total Address Count"),
                                      SS_FT_INT32, SS_BASE_DEC },
  [IPV6_F_ROUTING_RPL_ADDRESS] = { "ipv6.routing.rpl.address", N_("Address"), SS_FT_BYTES },
  [IPV6_F_ROUTING_RPL_FULL_ADDRESS] = { "ipv6.routing.rpl.full_address", N_("Full Address"),
                                        SS_FT_IPv6 },
  [IPV6_F_ROUTING_SRH_LAST_ENTRY] = { "ipv6.routing.srh.last_entry", N_("Last Entry"),
                                      SS_FT_UINT8, SS_BASE_DEC },
  [IPV6_F_ROUTING_SRH_FLAGS] = { "ipv6.routing.srh.flags", N_("Flags"), SS_FT_UINT8,
                                 SS_BASE_HEX },
  [IPV6_F_ROUTING_SRH_TAG] = { "ipv6.routing.srh.tag", N_("Tag"), SS_FT_BYTES },
  [IPV6_F_ROUTING_SRH_ADDR] = { "ipv6.routing.srh.addr", N_("Address"), SS_FT_IPv6 },
  [IPV6_F_FRAGHDR] = { "ipv6.fraghdr", N_("Fragment Header for IPv6"), SS_FT_PROTOCOL },
  [IPV6_F_FRAGHDR_NXT] = { "ipv6.fraghdr.nxt", N_("Next header"), SS_FT_UINT8, SS_BASE_DEC,
                           ipproto_vals },
  [IPV6_F_FRAGHDR_RESERVED_OCTET] = { "ipv6.fraghdr.reserved_octet", N_("Reserved octet"),
                                      SS_FT_UINT8, SS_BASE_HEX },
  [IPV6_F_FRAGHDR_OFFSET] = { "ipv6.fraghdr.offset", N_("Offset"), SS_FT_UINT16, SS_BASE_DEC,
                              NULL, 0xfff8 },
  [IPV6_F_FRAGHDR_RESERVED_BITS] = { "ipv6.fraghdr.reserved_bits", N_("Reserved bits"),
                                     SS_FT_UINT16, SS_BASE_DEC, NULL, 0x0006 },
  [IPV6_F_FRAGHDR_MORE] = { "ipv6.fraghdr.more", N_("More Fragments"), SS_FT_BOOLEAN, 16, NULL,
                            0x0001, &yes_no_tfs },
  [IPV6_F_FRAGHDR_IDENT] = { "ipv6.fraghdr.ident", N_("Identification"), SS_FT_UINT32,
                             SS_BASE_HEX },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ipv6_fields) == IPV6_F_COUNT);

enum
{
  IPV6_E_BOGUS_VERSION,
  IPV6_E_INVALID_HEADER,
  IPV6_E_PLEN_EXCEEDS_FRAMING,
  IPV6_E_PLEN_ZERO,
  IPV6_E_JUMBO_MISSING,
  IPV6_E_JUMBO_PROHIBITED,
  IPV6_E_JUMBO_TRUNCATED,
  IPV6_E_JUMBO_FRAGMENT,
  IPV6_E_OPT_INVALID_LEN,
  IPV6_E_OPT_UNKNOWN_DATA,
  IPV6_E_OPT_HEADER_MISMATCH,
  IPV6_E_OPT_DEPRECATED,
  IPV6_E_HOPOPTS_NOT_FIRST,
  IPV6_E_DST_ADDR_NOT_MULTICAST,
  IPV6_E_SRC_ROUTE_LIST_SRC_ADDR,
  IPV6_E_SRC_ROUTE_LIST_DST_ADDR,
  IPV6_E_SRC_ROUTE_LIST_MULTICAST,
  IPV6_E_RPL_CMPRI_CMPRE_PAD,
  IPV6_E_RPL_ADDR_COUNT_GE0,
  IPV6_E_RPL_RESERVED,
  IPV6_E_ROUTING_INVALID_LENGTH,
  IPV6_E_ROUTING_INVALID_SEGLEFT,
  IPV6_E_ROUTING_UNDECODED,
  IPV6_E_ROUTING_DEPRECATED,
  IPV6_E_COUNT
};

static const SsExpertDef ipv6_experts[] = {
  [IPV6_E_BOGUS_VERSION] = { "ipv6.bogus_ipv6_version", SS_EXPERT_GROUP_MALFORMED,
                             SS_EXPERT_ERROR, N_("Bogus IP version") },
  [IPV6_E_INVALID_HEADER] = { "ipv6.invalid_header", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                              N_("Invalid IPv6 header") },
  [IPV6_E_PLEN_EXCEEDS_FRAMING] = { "ipv6.plen_exceeds_framing", SS_EXPERT_GROUP_PROTOCOL,
                                    SS_EXPERT_WARN,
                                    N_("IPv6 payload length does not match expected framing "
                                       "length") },
  [IPV6_E_PLEN_ZERO] = { "ipv6.plen_zero", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_CHAT,
                         N_("IPv6 payload length equals 0 (maybe because of \"TCP segmentation "
                            "offload\" (TSO))") },
  [IPV6_E_JUMBO_MISSING] = { "ipv6.opt.jumbo.missing", SS_EXPERT_GROUP_MALFORMED,
                             SS_EXPERT_ERROR,
                             N_("IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo "
                                "Payload option missing") },
  [IPV6_E_JUMBO_PROHIBITED] = { "ipv6.opt.jumbo.prohibited", SS_EXPERT_GROUP_PROTOCOL,
                                SS_EXPERT_WARN,
                                N_("When IPv6 payload length does not equal 0 a Jumbo Payload "
                                   "option must not be present") },
  [IPV6_E_JUMBO_TRUNCATED] = { "ipv6.opt.jumbo.truncated", SS_EXPERT_GROUP_PROTOCOL,
                               SS_EXPERT_WARN,
                               N_("Jumbo Payload option present and jumbo length < 65536") },
  [IPV6_E_JUMBO_FRAGMENT] = { "ipv6.opt.jumbo.fragment", SS_EXPERT_GROUP_PROTOCOL,
                              SS_EXPERT_WARN,
                              N_("Jumbo Payload option cannot be used with a fragment header") },
  [IPV6_E_OPT_INVALID_LEN] = { "ipv6.opt.invalid_len", SS_EXPERT_GROUP_MALFORMED,
                               SS_EXPERT_ERROR, N_("Invalid IPv6 option length") },
  [IPV6_E_OPT_UNKNOWN_DATA] = { "ipv6.opt.unknown_data.expert", SS_EXPERT_GROUP_UNDECODED,
                                SS_EXPERT_NOTE, N_("Unknown Data (not interpreted)") },
  [IPV6_E_OPT_HEADER_MISMATCH] = { "ipv6.opt.header_mismatch", SS_EXPERT_GROUP_PROTOCOL,
                                   SS_EXPERT_WARN, N_("Wrong options extension header for type") },
  [IPV6_E_OPT_DEPRECATED] = { "ipv6.opt.deprecated", SS_EXPERT_GROUP_DEPRECATED, SS_EXPERT_NOTE,
                              N_("Option type is deprecated") },
  [IPV6_E_HOPOPTS_NOT_FIRST] = { "ipv6.hopopts.not_first", SS_EXPERT_GROUP_PROTOCOL,
                                 SS_EXPERT_ERROR,
                                 N_("IPv6 Hop-by-Hop extension header must appear immediately "
                                    "after IPv6 header") },
  [IPV6_E_DST_ADDR_NOT_MULTICAST] = { "ipv6.dst_addr.not_multicast", SS_EXPERT_GROUP_PROTOCOL,
                                      SS_EXPERT_WARN,
                                      N_("Destination address must not be a multicast "
                                         "address") },
  [IPV6_E_SRC_ROUTE_LIST_SRC_ADDR] = { "ipv6.src_route_list.src_addr", SS_EXPERT_GROUP_PROTOCOL,
                                       SS_EXPERT_WARN,
                                       N_("Source address must not appear in the source route "
                                          "list") },
  [IPV6_E_SRC_ROUTE_LIST_DST_ADDR] = { "ipv6.src_route_list.dst_addr", SS_EXPERT_GROUP_PROTOCOL,
                                       SS_EXPERT_WARN,
                                       N_("Destination address must not appear in the source "
                                          "route list") },
  [IPV6_E_SRC_ROUTE_LIST_MULTICAST] = { "ipv6.src_route_list.multicast_addr",
                                        SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_WARN,
                                        N_("Multicast addresses must not appear in the source "
                                           "route list") },
  [IPV6_E_RPL_CMPRI_CMPRE_PAD] = { "ipv6.routing.rpl.cmprI_cmprE_pad", SS_EXPERT_GROUP_PROTOCOL,
                                   SS_EXPERT_WARN,
                                   N_("When cmprI equals 0 and cmprE equals 0, pad MUST equal 0 "
                                      "but instead was X") },
  [IPV6_E_RPL_ADDR_COUNT_GE0] = { "ipv6.routing.rpl.addr_count_ge0", SS_EXPERT_GROUP_MALFORMED,
                                  SS_EXPERT_ERROR,
                                  N_("Calculated total address count must be greater than or "
                                     "equal to 0, instead was X") },
  [IPV6_E_RPL_RESERVED] = { "ipv6.routing.rpl.reserved_not0", SS_EXPERT_GROUP_PROTOCOL,
                            SS_EXPERT_NOTE,
                            N_("Reserved field must equal 0 but instead was X") },
  [IPV6_E_ROUTING_INVALID_LENGTH] = { "ipv6.routing.invalid_length", SS_EXPERT_GROUP_MALFORMED,
                                      SS_EXPERT_ERROR,
                                      N_("Invalid IPv6 Routing header length") },
  [IPV6_E_ROUTING_INVALID_SEGLEFT] = { "ipv6.routing.invalid_segleft", SS_EXPERT_GROUP_PROTOCOL,
                                       SS_EXPERT_WARN,
                                       N_("IPv6 Routing Header segments left field must not "
                                          "exceed address count") },
  [IPV6_E_ROUTING_UNDECODED] = { "ipv6.routing.undecoded", SS_EXPERT_GROUP_UNDECODED,
                                 SS_EXPERT_NOTE, N_("Undecoded IPv6 routing header field") },
  [IPV6_E_ROUTING_DEPRECATED] = { "ipv6.routing.deprecated", SS_EXPERT_GROUP_DEPRECATED,
                                  SS_EXPERT_NOTE, N_("Routing header type is deprecated") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ipv6_experts) == IPV6_E_COUNT);

/* Extension headers an option may appear in (RFC 8200 §4.2 and each option's RFC). */
enum
{
  OPT_HDR_HBH,
  OPT_HDR_DST,
  OPT_HDR_ANY,
};

typedef struct
{
  SsPacket *pkt;
  SsLayer  *l;
  SsReader *r;
  guint16   plen;        /* the header's payload length */
  guint32   jumbo_plen;  /* from the jumbo payload option, 0 when none */
  gint64    frag_plen;   /* payload length left after the extension headers seen so far */
  guint     item_len;    /* bytes under the IPv6 node: header and extension headers */
  guint     n_headers;   /* extension headers seen */
} Ipv6Ctx;

static const char *const nibble_bits[16] = {
  "0000", "0001", "0010", "0011", "0100", "0101", "0110", "0111",
  "1000", "1001", "1010", "1011", "1100", "1101", "1110", "1111",
};

static guint
opt_type_hdr (guint8 type)
{
  switch (type)
    {
    case 0x04: case 0x0f: case 0x41: case 0x8b: case 0x8c: case 0xc9:
      return OPT_HDR_DST;
    case 0x05: case 0x07: case 0x08: case 0x26: case 0x30: case 0x31: case 0x63: case 0x6d:
    case 0xc2: case 0xee:
      return OPT_HDR_HBH;
    default:
      return OPT_HDR_ANY;
    }
}

/* Inside an ICMP error the quoted header is cut short by design (Wireshark's in_error_pkt). */
static gboolean
in_icmp_error (const SsPacket *pkt)
{
  return strstr (pkt->protocols, ":icmp:") != NULL || strstr (pkt->protocols, ":icmpv6:") != NULL;
}

static void
set_address (SsAddress    *a,
             const guint8 *addr)
{
  a->type = SS_ADDR_IPV6;
  a->len = 16;
  memcpy (a->data, addr, 16);
}

static const char *
ipv6_to_str (SsPacket     *pkt,
             const guint8 *addr)
{
  char buf[48];

  ss_format_ipv6 (addr, buf, sizeof buf);
  return ss_arena_strdup (pkt->arena, buf);
}

/* The node of an extension header inside the IPv6 node. Like any protocol node it may claim
 * more bytes than were captured; only its fields are checked. */
static SsItem *
add_exthdr_node (Ipv6Ctx *c,
                 guint    field,
                 guint    off,
                 guint    len)
{
  return ss_layer_add_bytes (c->l, NULL, field, off, MIN (len, ss_reader_remaining (c->r, off)),
                             NULL, 0);
}

static void
add_address (Ipv6Ctx *c,
             guint    off,
             guint    field,
             guint    host_field)
{
  const char *s;

  ss_layer_add_item (c->l, NULL, field, off, 16, SS_ENC_BE);
  if (ss_reader_failed (c->r))
    return;
  ss_item_set_flags (ss_layer_add_item (c->l, NULL, IPV6_F_ADDR, off, 16, SS_ENC_BE),
                     SS_ITEM_HIDDEN);
  if (!ss_layer_wants (c->l, host_field) && !ss_layer_wants (c->l, IPV6_F_HOST))
    return;
  s = ipv6_to_str (c->pkt, c->r->data + off);
  ss_item_set_flags (ss_layer_add_string (c->l, NULL, host_field, off, 16, s, -1),
                     SS_ITEM_GENERATED | SS_ITEM_HIDDEN);
  ss_item_set_flags (ss_layer_add_string (c->l, NULL, IPV6_F_HOST, off, 16, s, -1),
                     SS_ITEM_GENERATED | SS_ITEM_HIDDEN);
}

/* The directional field first, then the hidden one shared by source and destination. */
static void
add_form_item (Ipv6Ctx      *c,
               guint         field,
               guint         any_field,
               guint         off,
               guint         len,
               const guint8 *value,
               guint64       uvalue)
{
  for (guint i = 0; i < 2; i++)
    {
      guint f = i == 0 ? field : any_field;
      SsItem *it;

      if (value)
        it = ss_layer_add_address (c->l, NULL, f, off, len, value);
      else
        it = ss_layer_add_uint (c->l, NULL, f, off, len, uvalue);
      ss_item_set_flags (it, SS_ITEM_GENERATED | (i > 0 ? SS_ITEM_HIDDEN : 0));
    }
}

/* RFC 3056 §2: 2002:GGGG:GGGG:SSSS::/64. */
static void
add_form_6to4 (Ipv6Ctx *c,
               guint    off,
               gboolean dst)
{
  const guint8 *a = c->r->data + off;

  if (a[0] != 0x20 || a[1] != 0x02)
    return;
  add_form_item (c, dst ? IPV6_F_DST_6TO4_GW : IPV6_F_SRC_6TO4_GW, IPV6_F_6TO4_GW, off + 2, 4,
                 a + 2, 0);
  add_form_item (c, dst ? IPV6_F_DST_6TO4_SLA : IPV6_F_SRC_6TO4_SLA, IPV6_F_6TO4_SLA, off + 6, 2,
                 NULL, (guint) a[6] << 8 | a[7]);
}

/* RFC 4380 §4: 2001:0000:<server>:<flags>:<port ^ 0xffff>:<client ^ 0xffffffff>. */
static void
add_form_teredo (Ipv6Ctx *c,
                 guint    off,
                 gboolean dst)
{
  const guint8 *a = c->r->data + off;
  guint8 client[4];

  if (a[0] != 0x20 || a[1] != 0x01 || a[2] != 0 || a[3] != 0)
    return;
  for (guint i = 0; i < 4; i++)
    client[i] = a[12 + i] ^ 0xff;
  add_form_item (c, dst ? IPV6_F_DST_TS : IPV6_F_SRC_TS, IPV6_F_TS, off + 4, 4, a + 4, 0);
  add_form_item (c, dst ? IPV6_F_DST_TC_PORT : IPV6_F_SRC_TC_PORT, IPV6_F_TC_PORT, off + 10, 2,
                 NULL, ((guint) a[10] << 8 | a[11]) ^ 0xffff);
  add_form_item (c, dst ? IPV6_F_DST_TC : IPV6_F_SRC_TC, IPV6_F_TC, off + 12, 4, client, 0);
}

/* RFC 4291 appendix A: a modified EUI-64 interface identifier carries a MAC address. */
static void
add_form_slaac (Ipv6Ctx *c,
                guint    off,
                gboolean dst)
{
  const guint8 *a = c->r->data + off;
  guint8 mac[6];

  if (!(a[8] & 0x02) || a[11] != 0xff || a[12] != 0xfe)
    return;
  mac[0] = a[8] & ~0x02;
  mac[1] = a[9];
  mac[2] = a[10];
  mac[3] = a[13];
  mac[4] = a[14];
  mac[5] = a[15];
  add_form_item (c, dst ? IPV6_F_DST_SLAAC : IPV6_F_SRC_SLAAC, IPV6_F_SLAAC, off + 8, 8, mac, 0);
}

/* RFC 5214 §6.1: the interface identifier 0000:5efe (or 0200:5efe) then an IPv4 address. */
static void
add_form_isatap (Ipv6Ctx *c,
                 guint    off,
                 gboolean dst)
{
  const guint8 *a = c->r->data + off;

  if ((a[8] & 0xfc) != 0 || a[9] != 0 || a[10] != 0x5e || a[11] != 0xfe)
    return;
  add_form_item (c, dst ? IPV6_F_DST_ISATAP : IPV6_F_SRC_ISATAP, IPV6_F_ISATAP, off + 12, 4,
                 a + 12, 0);
}

/* RFC 6052 §2.1: the well-known prefix 64:ff9b::/96. */
static void
add_form_embed (Ipv6Ctx *c,
                guint    off,
                gboolean dst)
{
  static const guint8 prefix[12] = { 0x00, 0x64, 0xff, 0x9b };
  const guint8 *a = c->r->data + off;

  if (memcmp (a, prefix, sizeof prefix) != 0)
    return;
  add_form_item (c, dst ? IPV6_F_DST_EMBED : IPV6_F_SRC_EMBED, IPV6_F_EMBED, off + 12, 4, a + 12,
                 0);
}

static guint
dissect_option_data (Ipv6Ctx *c,
                     SsItem  *opt,
                     SsItem  *ti_type,
                     SsItem  *ti_len,
                     guint8   type,
                     guint    o,
                     guint8   olen)
{
  SsPacket *pkt = c->pkt;
  SsLayer *l = c->l;
  SsReader *r = c->r;
  SsItem *it;

  switch (type)
    {
    case 0xc2:  /* Jumbo Payload, RFC 2675 §2 */
      {
        guint32 jumbo = ss_reader_get_ntohl (r, o);

        if (olen != 4)
          ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                                _("Jumbo Payload: Invalid length (%u bytes)"), olen);
        it = ss_layer_add_item (l, opt, IPV6_F_OPT_JUMBO, o, 4, SS_ENC_BE);
        if (ss_reader_failed (r))
          return o;
        if (c->plen != 0)
          ss_packet_add_expert (pkt, opt, SS_PROTO_IPV6, IPV6_E_JUMBO_PROHIBITED, NULL);
        if (jumbo < 65536)
          ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_JUMBO_TRUNCATED, NULL);
        return o + 4;
      }
    case 0x05:  /* Router Alert, RFC 2711 */
      if (olen != 2)
        ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                              _("Router alert: Invalid Length (%u bytes)"), olen);
      ss_layer_add_item (l, opt, IPV6_F_OPT_RTALERT, o, 2, SS_ENC_BE);
      return o + 2;
    case 0x04:  /* Tunnel Encapsulation Limit, RFC 2473 §5.1 */
      if (olen != 1)
        ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                              _("Tunnel Encapsulation Limit: Invalid length (%u bytes)"), olen);
      ss_layer_add_item (l, opt, IPV6_F_OPT_TEL, o, 1, SS_ENC_BE);
      return o + 1;
    case 0x30:  /* Minimum Path MTU, RFC 9268 */
      {
        guint16 val;

        if (olen != 4)
          ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                                _("PMTU Option: Invalid Length (%u bytes)"), olen);
        ss_layer_add_item (l, opt, IPV6_F_OPT_PMTU_MIN, o, 2, SS_ENC_BE);
        val = ss_reader_get_ntohs (r, o + 2);
        if (ss_reader_failed (r))
          return o;
        ss_layer_add_uint (l, opt, IPV6_F_OPT_PMTU_RTN, o + 2, 2, val & 0xfffe);
        ss_layer_add_uint (l, opt, IPV6_F_OPT_PMTU_RTN_FLAG, o + 3, 1, val & 0x0001);
        return o + 4;
      }
    case 0x07:  /* CALIPSO, RFC 5570 §5.1 */
      {
        guint8 cmpt;

        if (olen < 8)
          ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                                _("CALIPSO: Invalid Length (%u bytes)"), olen);
        ss_layer_add_item (l, opt, IPV6_F_OPT_CALIPSO_DOI, o, 4, SS_ENC_BE);
        cmpt = ss_reader_get_u8 (r, o + 4);
        ss_layer_add_item (l, opt, IPV6_F_OPT_CALIPSO_CMPT_LENGTH, o + 4, 1, SS_ENC_BE);
        ss_layer_add_item (l, opt, IPV6_F_OPT_CALIPSO_SENS_LEVEL, o + 5, 1, SS_ENC_BE);
        ss_layer_add_item (l, opt, IPV6_F_OPT_CALIPSO_CHECKSUM, o + 6, 2, SS_ENC_BE);
        if (ss_reader_failed (r))
          return o;
        ss_layer_add_item (l, opt, IPV6_F_OPT_CALIPSO_CMPT_BITMAP, o + 8, cmpt * 4u, SS_ENC_BE);
        return o + 8 + cmpt * 4u;
      }
    case 0x41:  /* Tunnel Payload Forwarding, RFC 9602 */
      if (olen != 4)
        ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                              _("TPF: Invalid Length (%u bytes)"), olen);
      ss_layer_add_item (l, opt, IPV6_F_OPT_TPF, o, 4, SS_ENC_BE);
      return o + 4;
    case 0xc9:  /* Home Address, RFC 6275 §6.3: the packet's real source */
      if (olen != 16)
        ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                              _("Home Address: Invalid length (%u bytes)"), olen);
      ss_layer_add_item (l, opt, IPV6_F_OPT_HOME_ADDRESS, o, 16, SS_ENC_BE);
      if (ss_reader_failed (r))
        return o;
      set_address (&pkt->net_src, r->data + o);
      return o + 16;
    case 0x63:  /* RPL Option, RFC 6553 §3 */
      if (olen < 4)
        ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                              _("RPL Option: Invalid length (%u bytes)"), olen);
      it = ss_layer_add_item (l, opt, IPV6_F_OPT_RPL_FLAG, o, 1, SS_ENC_BE);
      for (guint f = IPV6_F_OPT_RPL_FLAG_O; f <= IPV6_F_OPT_RPL_FLAG_RSV; f++)
        ss_layer_add_item (l, it, f, o, 1, SS_ENC_BE);
      ss_layer_add_item (l, opt, IPV6_F_OPT_RPL_INSTANCE_ID, o + 1, 1, SS_ENC_BE);
      ss_layer_add_item (l, opt, IPV6_F_OPT_RPL_SENDER_RANK, o + 2, 2, SS_ENC_BE);
      return o + 4;
    case 0x8b:  /* ILNP Nonce, RFC 6744 */
      ss_layer_add_item (l, opt, IPV6_F_OPT_ILNP_NONCE, o, olen, SS_ENC_BE);
      return o + olen;
    case 0x8c:  /* Line-Identification, RFC 6788 */
      {
        guint32 lid_len = ss_reader_get_u8 (r, o);

        ss_layer_add_item (l, opt, IPV6_F_OPT_LIO_LENGTH, o, 1, SS_ENC_BE);
        if (ss_reader_failed (r))
          return o;
        /* An empty option makes this wrap, and the read below fails as in Wireshark. */
        if (lid_len + 1 > olen)
          lid_len = (guint32) olen - 1;
        ss_layer_add_item (l, opt, IPV6_F_OPT_LIO_LINE_ID, o + 1, lid_len, SS_ENC_BE);
        if (ss_reader_failed (r))
          return o;
        return o + 1 + lid_len;
      }
    case 0x6d:  /* MPL Option, RFC 7731 §6 */
      {
        static const guint8 seed_len_of[4] = { 0, 2, 8, 16 };
        guint8 seed_len = seed_len_of[ss_reader_get_u8 (r, o) >> 6];

        it = ss_layer_add_item (l, opt, IPV6_F_OPT_MPL_FLAG, o, 1, SS_ENC_BE);
        for (guint f = IPV6_F_OPT_MPL_FLAG_S; f <= IPV6_F_OPT_MPL_FLAG_RSV; f++)
          ss_layer_add_item (l, it, f, o, 1, SS_ENC_BE);
        ss_layer_add_item (l, opt, IPV6_F_OPT_MPL_SEQUENCE, o + 1, 1, SS_ENC_BE);
        if (seed_len > 0)
          ss_layer_add_item (l, opt, IPV6_F_OPT_MPL_SEED_ID, o + 2, seed_len, SS_ENC_BE);
        return o + 2 + seed_len;
      }
    case 0xee:  /* Depth-First Forwarding, RFC 6971 §4.1 */
      if (olen != 3)
        ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_OPT_INVALID_LEN,
                              _("IPv6 DFF: Invalid length (%u bytes)"), olen);
      it = ss_layer_add_item (l, opt, IPV6_F_OPT_DFF_FLAGS, o, 1, SS_ENC_BE);
      for (guint f = IPV6_F_OPT_DFF_FLAG_VER; f <= IPV6_F_OPT_DFF_FLAG_RSV; f++)
        ss_layer_add_item (l, it, f, o, 1, SS_ENC_BE);
      ss_layer_add_item (l, opt, IPV6_F_OPT_DFF_SEQNUM, o + 1, 2, SS_ENC_BE);
      return o + 3;
    case 0x1e: case 0x3e: case 0x5e: case 0x7e: case 0x9e: case 0xbe: case 0xde: case 0xfe:
      /* RFC 4727 experimental values */
      ss_layer_add_item (l, opt, IPV6_F_OPT_EXPERIMENTAL, o, olen, SS_ENC_BE);
      return o + olen;
    default:
      it = ss_layer_add_item (l, opt, IPV6_F_OPT_UNKNOWN, o, olen, SS_ENC_BE);
      if (ss_reader_failed (r))
        return o;
      if (olen == 0)
        ss_item_set_text (pkt, it, "%s", _("Unknown Option Payload: <MISSING>"));
      ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_OPT_UNKNOWN_DATA, NULL);
      if (type == 0x8a)   /* Endpoint Identification: withdrawn */
        ss_packet_add_expert (pkt, ti_type, SS_PROTO_IPV6, IPV6_E_OPT_DEPRECATED, NULL);
      return o + olen;
    }
}

/* Hop-by-hop and destination options headers (RFC 8200 §4.3, §4.6). Options are read in
 * sequence as Wireshark does: one whose data is shorter than its dissection needs pushes the
 * next one along. Every pass advances by at least one byte. */
static gboolean
dissect_opts (Ipv6Ctx *c,
              guint    off,
              gboolean hopopts,
              guint8  *nxt_out,
              guint   *len_out)
{
  SsPacket *pkt = c->pkt;
  SsLayer *l = c->l;
  SsReader *r = c->r;
  SsItem *node, *it;
  guint8 nxt, hl;
  guint len, end, o;

  ss_packet_append_info_sep (pkt, " , ", "%s", hopopts ? "IPv6 hop-by-hop options"
                                                       : "IPv6 destination options");
  ss_packet_add_protocols_entry (pkt, hopopts ? "ipv6.hopopts" : "ipv6.dstopts");
  nxt = ss_reader_get_u8 (r, off);
  hl = ss_reader_get_u8 (r, off + 1);
  if (ss_reader_failed (r))
    return FALSE;
  len = (hl + 1u) * 8;
  end = off + len;
  c->item_len += len;
  c->frag_plen -= len;

  node = add_exthdr_node (c, hopopts ? IPV6_F_HOPOPTS : IPV6_F_DSTOPTS, off, len);
  if (hopopts && c->n_headers > 0)
    ss_packet_add_expert (pkt, node, SS_PROTO_IPV6, IPV6_E_HOPOPTS_NOT_FIRST, NULL);
  ss_layer_add_item (l, node, hopopts ? IPV6_F_HOPOPTS_NXT : IPV6_F_DSTOPTS_NXT, off, 1,
                     SS_ENC_BE);
  ss_layer_add_item (l, node, hopopts ? IPV6_F_HOPOPTS_LEN : IPV6_F_DSTOPTS_LEN, off + 1, 1,
                     SS_ENC_BE);
  it = ss_layer_add_uint (l, node, hopopts ? IPV6_F_HOPOPTS_LEN_OCT : IPV6_F_DSTOPTS_LEN_OCT,
                          off + 1, 1, len);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  ss_item_set_text (pkt, it, "Length: %u bytes", len);

  for (o = off + 2; o < end;)
    {
      guint8 type = ss_reader_get_u8 (r, o);
      guint8 olen = ss_reader_get_u8 (r, o + 1);
      const char *name;
      SsItem *opt, *ti_type, *ti_len;
      guint start, hdr;

      if (ss_reader_failed (r))
        return FALSE;
      name = ss_value_string_lookup (opt_type_vals, type);
      opt = ss_layer_add_uint (l, node, IPV6_F_OPT, o,
                               MIN (2u + olen, ss_reader_remaining (r, o)), 0);
      if (name)
        ss_item_set_text (pkt, opt, "%s", name);
      else
        ss_item_set_text (pkt, opt, "Unknown IPv6 Option (%u)", type);
      ti_type = ss_layer_add_item (l, opt, IPV6_F_OPT_TYPE, o, 1, SS_ENC_BE);
      if (!name)
        ss_item_set_text (pkt, ti_type, "Type: Unknown (0x%02x)", type);
      if (type == 0x00)
        {
          /* Pad1 has no length byte */
          ss_layer_add_item (l, opt, IPV6_F_OPT_PAD1, o, 1, SS_ENC_BE);
          o += 1;
          continue;
        }

      hdr = opt_type_hdr (type);
      if (hopopts && hdr == OPT_HDR_DST)
        ss_packet_add_expert (pkt, ti_type, SS_PROTO_IPV6, IPV6_E_OPT_HEADER_MISMATCH,
                              _("%s must use a destination options header"), name);
      else if (!hopopts && hdr == OPT_HDR_HBH)
        ss_packet_add_expert (pkt, ti_type, SS_PROTO_IPV6, IPV6_E_OPT_HEADER_MISMATCH,
                              _("%s must use a hop-by-hop options header"), name);
      ss_layer_add_item (l, ti_type, IPV6_F_OPT_TYPE_ACTION, o, 1, SS_ENC_BE);
      ss_layer_add_item (l, ti_type, IPV6_F_OPT_TYPE_CHANGE, o, 1, SS_ENC_BE);
      ss_layer_add_item (l, ti_type, IPV6_F_OPT_TYPE_REST, o, 1, SS_ENC_BE);
      ti_len = ss_layer_add_item (l, opt, IPV6_F_OPT_LENGTH, o + 1, 1, SS_ENC_BE);
      o += 2;

      if (type == 0x01)
        {
          it = ss_layer_add_item (l, opt, IPV6_F_OPT_PADN, o, olen, SS_ENC_BE);
          if (olen == 0)
            ss_item_set_text (pkt, it, "%s", _("PadN: <none>"));
          o += olen;
          if (ss_reader_failed (r))
            return FALSE;
          continue;
        }

      start = o;
      o = dissect_option_data (c, opt, ti_type, ti_len, type, o, olen);
      if (ss_reader_failed (r))
        return FALSE;
      if (o < start + olen)
        {
          it = ss_layer_add_item (l, opt, IPV6_F_OPT_UNKNOWN_DATA, o, start + olen - o,
                                  SS_ENC_BE);
          if (ss_reader_failed (r))
            return FALSE;
          ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_OPT_UNKNOWN_DATA, NULL);
          o = start + olen;
        }
    }

  *nxt_out = nxt;
  *len_out = len;
  return TRUE;
}

/* Type 0 (RFC 2460 §4.4, deprecated by RFC 5095): a list of addresses to visit. */
static gboolean
routing_rt0 (Ipv6Ctx *c,
             SsLayer *vl,
             SsItem  *node,
             guint8   hdr_len,
             guint8   segleft,
             SsItem  *ti_len,
             SsItem  *ti_type,
             SsItem  *ti_segleft)
{
  SsPacket *pkt = c->pkt;
  SsReader *v = vl->r;
  guint count = hdr_len / 2;
  const guint8 *last = NULL;

  ss_layer_add_item (vl, node, IPV6_F_ROUTING_SRC_RESERVED, 0, 4, SS_ENC_BE);
  if (ss_reader_failed (v))
    return FALSE;
  if (hdr_len % 2 != 0)
    ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_ROUTING_INVALID_LENGTH,
                          _("IPv6 Routing Header extension header length must not be odd"));
  if (segleft > count)
    ss_packet_add_expert (pkt, ti_segleft, SS_PROTO_IPV6, IPV6_E_ROUTING_INVALID_SEGLEFT,
                          _("IPv6 Type 0 Routing Header segments left field must not exceed "
                            "address count (%u)"), count);
  for (guint idx = 1; idx <= count; idx++)
    {
      guint o = 4 + (idx - 1) * 16;
      const guint8 *a = ss_reader_peek (v, o, 16);
      SsItem *it;

      if (!a)
        return FALSE;
      it = ss_layer_add_item (vl, node, IPV6_F_ROUTING_SRC_ADDR, o, 16, SS_ENC_BE);
      ss_item_set_text (pkt, it, "Address[%u]: %s", idx, ipv6_to_str (pkt, a));
      if (a[0] == 0xff)
        ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_SRC_ROUTE_LIST_MULTICAST, NULL);
      last = a;
    }
  if (last && segleft > 0)
    set_address (&pkt->net_dst, last);
  ss_packet_add_expert (pkt, ti_type, SS_PROTO_IPV6, IPV6_E_ROUTING_DEPRECATED, NULL);
  return TRUE;
}

/* Type 2 (RFC 6275 §6.4): the mobile node's home address. */
static gboolean
routing_mipv6 (Ipv6Ctx *c,
               SsLayer *vl,
               SsItem  *node,
               guint8   hdr_len,
               guint8   segleft,
               SsItem  *ti_len,
               SsItem  *ti_segleft)
{
  SsPacket *pkt = c->pkt;
  SsReader *v = vl->r;
  const guint8 *a;
  SsItem *it;

  ss_layer_add_item (vl, node, IPV6_F_ROUTING_MIPV6_RESERVED, 0, 4, SS_ENC_BE);
  if (ss_reader_failed (v))
    return FALSE;
  if (hdr_len != 2)
    ss_packet_add_expert (pkt, ti_len, SS_PROTO_IPV6, IPV6_E_ROUTING_INVALID_LENGTH,
                          _("IPv6 Type 2 Routing Header extension header length must equal 2"));
  if (segleft != 1)
    ss_packet_add_expert (pkt, ti_segleft, SS_PROTO_IPV6, IPV6_E_ROUTING_INVALID_SEGLEFT,
                          _("IPv6 Type 2 Routing Header segments left field must equal 1"));
  a = ss_reader_peek (v, 4, 16);
  if (!a)
    return FALSE;
  it = ss_layer_add_item (vl, node, IPV6_F_ROUTING_MIPV6_HOME_ADDRESS, 4, 16, SS_ENC_BE);
  ss_item_set_text (pkt, it, "Address[1]: %s", ipv6_to_str (pkt, a));
  if (a[0] == 0xff)
    ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_SRC_ROUTE_LIST_MULTICAST, NULL);
  if (segleft > 0)
    set_address (&pkt->net_dst, a);
  return TRUE;
}

/* Type 3 (RFC 6554 §3): addresses with their first CmprI (CmprE for the last) octets elided,
 * taken from the destination address. */
static gboolean
routing_rpl (Ipv6Ctx *c,
             SsLayer *vl,
             SsItem  *node,
             guint8   hdr_len,
             guint8   segleft,
             SsItem  *ti_segleft)
{
  SsPacket *pkt = c->pkt;
  SsReader *v = vl->r;
  guint8 b0, b1, cmpr_i, cmpr_e, pad, src[16], dst[16];
  guint32 reserved;
  gint count = 0;
  SsItem *it;
  guint o;

  if (pkt->net_dst.type != SS_ADDR_IPV6 || pkt->net_src.type != SS_ADDR_IPV6)
    return TRUE;
  memcpy (src, pkt->net_src.data, 16);
  memcpy (dst, pkt->net_dst.data, 16);
  if (dst[0] == 0xff)
    ss_packet_add_expert (pkt, node, SS_PROTO_IPV6, IPV6_E_DST_ADDR_NOT_MULTICAST, NULL);

  ss_layer_add_item (vl, node, IPV6_F_ROUTING_RPL_CMPRI, 0, 4, SS_ENC_BE);
  ss_layer_add_item (vl, node, IPV6_F_ROUTING_RPL_CMPRE, 0, 4, SS_ENC_BE);
  it = ss_layer_add_item (vl, node, IPV6_F_ROUTING_RPL_PAD, 0, 4, SS_ENC_BE);
  b0 = ss_reader_get_u8 (v, 0);
  b1 = ss_reader_get_u8 (v, 1);
  if (ss_reader_failed (v))
    return FALSE;
  cmpr_i = b0 >> 4;
  cmpr_e = b0 & 0x0f;
  pad = b1 >> 4;
  if (cmpr_i == 0 && cmpr_e == 0 && pad != 0)
    ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_RPL_CMPRI_CMPRE_PAD,
                          _("When cmprI equals 0 and cmprE equals 0, pad MUST equal 0 but "
                            "instead was %u"), pad);
  it = ss_layer_add_item (vl, node, IPV6_F_ROUTING_RPL_RESERVED, 0, 4, SS_ENC_BE);
  reserved = ss_reader_get_ntohl (v, 0) & 0x000fffff;
  if (ss_reader_failed (v))
    return FALSE;
  if (reserved != 0)
    ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_RPL_RESERVED,
                          _("Reserved field must equal 0 but instead was %u"), reserved);

  /* RFC 6554 §3: n = (((Hdr Ext Len * 8) - Pad - (16 - CmprE)) / (16 - CmprI)) + 1 */
  if (hdr_len > 0)
    count = ((hdr_len * 8 - pad - (16 - cmpr_e)) / (16 - cmpr_i)) + 1;
  it = ss_layer_add_int (vl, node, IPV6_F_ROUTING_RPL_ADDR_COUNT, 0, 2, count);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  if (count < 0)
    ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_RPL_ADDR_COUNT_GE0,
                          _("Calculated total address count must be greater than or equal to "
                            "0, instead was %d"), count);
  else if (segleft > count)
    ss_packet_add_expert (pkt, ti_segleft, SS_PROTO_IPV6, IPV6_E_ROUTING_INVALID_SEGLEFT,
                          _("IPv6 RPL Routing Header segments left field must not exceed "
                            "address count (%d)"), count);

  /* At most (255 * 8) / 1 + 1 addresses: bounded by the header length. */
  o = 4;
  for (gint idx = 1; idx <= count; idx++)
    {
      guint n = idx == count ? 16u - cmpr_e : 16u - cmpr_i;
      guint8 full[16];

      memcpy (full, dst, 16);
      ss_layer_add_item (vl, node, IPV6_F_ROUTING_RPL_ADDRESS, o, n, SS_ENC_BE);
      if (!ss_reader_copy (v, o, n, full + 16 - n))
        return FALSE;
      it = ss_layer_add_address (vl, node, IPV6_F_ROUTING_RPL_FULL_ADDRESS, o, n, full);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      ss_item_set_text (pkt, it, "Address[%d]: %s", idx, ipv6_to_str (pkt, full));
      o += n;
      if (memcmp (full, src, 16) == 0)
        ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_SRC_ROUTE_LIST_SRC_ADDR, NULL);
      if (memcmp (full, dst, 16) == 0)
        ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_SRC_ROUTE_LIST_DST_ADDR, NULL);
      if (full[0] == 0xff)
        ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_SRC_ROUTE_LIST_MULTICAST, NULL);
      if (segleft > 0)
        set_address (&pkt->net_dst, full);
    }
  return TRUE;
}

/* Type 4, the Segment Routing Header (RFC 8754 §2). Its TLVs are not shown (as in Wireshark
 * 4.0). */
static gboolean
routing_srh (Ipv6Ctx *c,
             SsLayer *vl,
             SsItem  *node,
             guint8   segleft,
             SsItem  *ti_segleft)
{
  SsPacket *pkt = c->pkt;
  SsReader *v = vl->r;
  guint8 last_entry;
  guint count;
  SsItem *it;

  last_entry = ss_reader_get_u8 (v, 0);
  it = ss_layer_add_item (vl, node, IPV6_F_ROUTING_SRH_LAST_ENTRY, 0, 1, SS_ENC_BE);
  if (ss_reader_failed (v))
    return FALSE;
  if (last_entry == 255)
    ss_item_append_text (pkt, it, " [no SID list]");
  ss_layer_add_item (vl, node, IPV6_F_ROUTING_SRH_FLAGS, 1, 1, SS_ENC_BE);
  ss_layer_add_item (vl, node, IPV6_F_ROUTING_SRH_TAG, 2, 2, SS_ENC_BE);
  if (ss_reader_failed (v))
    return FALSE;
  if (last_entry == 255)
    {
      ss_packet_add_expert (pkt, node, SS_PROTO_IPV6, IPV6_E_ROUTING_UNDECODED,
                            _("Routing Header without SID list"));
      return TRUE;
    }
  count = last_entry + 1u;
  if (segleft > count)
    ss_packet_add_expert (pkt, ti_segleft, SS_PROTO_IPV6, IPV6_E_ROUTING_INVALID_SEGLEFT,
                          _("IPv6 Type 4 Routing Header segments left field must not exceed "
                            "address count (%u)"), count);
  if (segleft > 0)
    {
      const guint8 *a = ss_reader_peek (v, 4, 16);

      if (!a)
        return FALSE;
      set_address (&pkt->net_dst, a);
    }
  for (guint i = 0; i < count; i++)
    {
      const guint8 *a = ss_reader_peek (v, 4 + i * 16, 16);

      if (!a)
        return FALSE;
      it = ss_layer_add_item (vl, node, IPV6_F_ROUTING_SRH_ADDR, 4 + i * 16, 16, SS_ENC_BE);
      ss_item_set_text (pkt, it, "Address[%u]: %s", i, ipv6_to_str (pkt, a));
    }
  return TRUE;
}

/* Routing header (RFC 8200 §4.4). The type-specific data is read through a view of its
 * declared length, which never reaches past the packet. */
static gboolean
dissect_routing (Ipv6Ctx *c,
                 guint    off,
                 guint8  *nxt_out,
                 guint   *len_out)
{
  SsPacket *pkt = c->pkt;
  SsLayer *l = c->l;
  SsReader *r = c->r;
  SsReader v;
  SsLayer vl;
  SsItem *node, *it, *ti_len, *ti_type, *ti_segleft;
  guint8 nxt, hdr_len, type, segleft;
  guint total, type_len;
  const char *type_name;
  gboolean ok = TRUE;

  ss_packet_append_info_sep (pkt, " , ", "IPv6 routing");
  ss_packet_add_protocols_entry (pkt, "ipv6.routing");
  node = add_exthdr_node (c, IPV6_F_ROUTING, off, ss_reader_remaining (r, off));
  nxt = ss_reader_get_u8 (r, off);
  ss_layer_add_item (l, node, IPV6_F_ROUTING_NXT, off, 1, SS_ENC_BE);
  hdr_len = ss_reader_get_u8 (r, off + 1);
  ti_len = ss_layer_add_item (l, node, IPV6_F_ROUTING_LEN, off + 1, 1, SS_ENC_BE);
  if (ss_reader_failed (r))
    return FALSE;
  total = (hdr_len + 1u) * 8;
  type_len = total - 4;
  ss_item_set_length (node, MIN (total, ss_reader_remaining (r, off)));
  c->item_len += total;
  c->frag_plen -= total;
  it = ss_layer_add_uint (l, node, IPV6_F_ROUTING_LEN_OCT, off + 1, 1, total);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  ss_item_set_text (pkt, it, "Length: %u bytes", total);

  type = ss_reader_get_u8 (r, off + 2);
  ti_type = ss_layer_add_item (l, node, IPV6_F_ROUTING_TYPE, off + 2, 1, SS_ENC_BE);
  if (ss_reader_failed (r))
    return FALSE;
  type_name = ss_value_string_lookup (routing_type_vals, type);
  if (type_name)
    ss_item_append_text (pkt, node, " (%s)", type_name);
  else
    ss_item_append_text (pkt, node, " (Unknown type %u)", type);
  segleft = ss_reader_get_u8 (r, off + 3);
  ti_segleft = ss_layer_add_item (l, node, IPV6_F_ROUTING_SEGLEFT, off + 3, 1, SS_ENC_BE);
  if (ss_reader_failed (r) || !ss_reader_check (r, off + 4, 0))
    return FALSE;

  ss_reader_sub (r, off + 4, (gint) MIN (type_len, ss_reader_reported_remaining (r, off + 4)),
                 &v);
  vl = *l;
  vl.r = &v;
  switch (type)
    {
    case 0:
      ok = routing_rt0 (c, &vl, node, hdr_len, segleft, ti_len, ti_type, ti_segleft);
      break;
    case 2:
      ok = routing_mipv6 (c, &vl, node, hdr_len, segleft, ti_len, ti_segleft);
      break;
    case 3:
      ok = routing_rpl (c, &vl, node, hdr_len, segleft, ti_segleft);
      break;
    case 4:
      ok = routing_srh (c, &vl, node, segleft, ti_segleft);
      break;
    default:
      it = ss_layer_add_item (l, node, IPV6_F_ROUTING_UNKNOWN_DATA, off + 4, type_len,
                              SS_ENC_BE);
      if (ss_reader_failed (r))
        return FALSE;
      ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_ROUTING_UNDECODED, NULL);
      break;
    }
  if (!ok || ss_reader_failed (&v))
    return FALSE;

  *nxt_out = nxt;
  *len_out = total;
  return TRUE;
}

/* Fragment header (RFC 8200 §4.5). */
static gboolean
dissect_fraghdr (Ipv6Ctx  *c,
                 guint     off,
                 guint8   *nxt_out,
                 gboolean *is_fragment)
{
  SsPacket *pkt = c->pkt;
  SsLayer *l = c->l;
  SsReader *r = c->r;
  guint8 nxt;
  guint16 offlg;
  guint32 ident;
  SsItem *node, *it;

  nxt = ss_reader_get_u8 (r, off);
  offlg = ss_reader_get_ntohs (r, off + 2);
  ident = ss_reader_get_ntohl (r, off + 4);
  if (ss_reader_failed (r))
    return FALSE;
  ss_packet_set_info (pkt, "IPv6 fragment (off=%u more=%s ident=0x%08x nxt=%u)",
                      offlg & 0xfff8, (offlg & 1) ? "y" : "n", ident, nxt);
  ss_packet_add_protocols_entry (pkt, "ipv6.fraghdr");
  c->item_len += IPV6_FRAG_HDR_LEN;
  c->frag_plen -= IPV6_FRAG_HDR_LEN;

  node = add_exthdr_node (c, IPV6_F_FRAGHDR, off, IPV6_FRAG_HDR_LEN);
  if (c->jumbo_plen != 0)
    ss_packet_add_expert (pkt, node, SS_PROTO_IPV6, IPV6_E_JUMBO_FRAGMENT, NULL);
  ss_layer_add_item (l, node, IPV6_F_FRAGHDR_NXT, off, 1, SS_ENC_BE);
  ss_layer_add_item (l, node, IPV6_F_FRAGHDR_RESERVED_OCTET, off + 1, 1, SS_ENC_BE);
  it = ss_layer_add_item (l, node, IPV6_F_FRAGHDR_OFFSET, off + 2, 2, SS_ENC_BE);
  ss_item_append_text (pkt, it, " (%u bytes)", offlg & 0xfff8);
  ss_layer_add_item (l, node, IPV6_F_FRAGHDR_RESERVED_BITS, off + 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, node, IPV6_F_FRAGHDR_MORE, off + 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, node, IPV6_F_FRAGHDR_IDENT, off + 4, 4, SS_ENC_BE);

  *is_fragment = c->frag_plen > 0 && ((offlg & 0xfff8) != 0 || (offlg & 1));
  *nxt_out = nxt;
  return TRUE;
}

/* RFC 2675 §2: the jumbo payload option of a hop-by-hop header at @off, when it holds a length
 * above 65535; 0 otherwise. Only looks, never marks the reader. */
static guint32
find_jumbo_plen (SsReader *r,
                 guint     off)
{
  guint o, end;

  if (!ss_reader_has (r, off, 2))
    return 0;
  end = off + (ss_reader_get_u8 (r, off + 1) + 1u) * 8;
  for (o = off + 2; o < end && ss_reader_has (r, o, 6);)
    {
      guint8 type = ss_reader_get_u8 (r, o++);
      guint8 olen;

      if (type == 0x00)
        continue;
      olen = ss_reader_get_u8 (r, o++);
      if (type == 0xc2 && olen == 4)
        {
          guint32 jumbo = ss_reader_get_ntohl (r, o);

          return jumbo > G_MAXUINT16 ? jumbo : 0;
        }
      o += olen;
    }
  return 0;
}

static void
dissect_ipv6 (SsPacket *pkt,
              SsReader *r)
{
  SsLayer l;
  Ipv6Ctx c = { 0 };
  guint8 b0, tcls, nxt;
  guint16 plen;
  guint32 flow, reported_plen;
  guint64 total_plen;
  SsItem *it, *it2, *ti_plen;
  const char *dscp, *ecn;
  char sbuf[48], dbuf[48];
  guint off;
  gboolean fragment = FALSE;
  const SsProtocol *next;

  ss_packet_clear_info (pkt);
  l = ss_packet_begin_layer (pkt, SS_PROTO_IPV6, r, 0, IPV6_HDR_LEN);
  c.pkt = pkt;
  c.l = &l;
  c.r = r;

  b0 = ss_reader_get_u8 (r, 0);
  if (ss_reader_failed (r))
    return;
  it = ss_layer_add_uint (&l, NULL, IPV6_F_VERSION, 0, 1, b0 >> 4);
  ss_item_set_text (pkt, it, "%s .... = Version: %u", nibble_bits[b0 >> 4], b0 >> 4);
  /* ip.version too, so that "ip.version == 6" matches as in Wireshark */
  ss_ip_add_version_hidden (pkt, r, b0 >> 4);
  if ((b0 >> 4) != 6)
    {
      ss_packet_set_info (pkt, "Bogus IPv6 version (%u, must be 6)", b0 >> 4);
      ss_packet_add_expert (pkt, it, SS_PROTO_IPV6, IPV6_E_BOGUS_VERSION, _("Bogus IPv6 version"));
      return;
    }
  if (r->reported < IPV6_HDR_LEN)
    {
      ss_packet_set_info (pkt, "Invalid IPv6 header (%u bytes, need exactly 40)", r->reported);
      ss_packet_add_expert (pkt, l.top, SS_PROTO_IPV6, IPV6_E_INVALID_HEADER,
                            _("IPv6 header must be exactly 40 bytes"));
    }

  /* RFC 8200 §3: version (4 bits), traffic class (8), flow label (20) */
  it = ss_layer_add_item (&l, NULL, IPV6_F_TCLASS, 0, 4, SS_ENC_BE);
  if (ss_reader_failed (r))
    return;
  tcls = (ss_reader_get_ntohs (r, 0) >> 4) & 0xff;
  dscp = ss_value_string_lookup (dscp_short_vals, tcls >> 2);
  ecn = ss_value_string_lookup (ecn_short_vals, tcls & 3);
  ss_item_set_text (pkt, it, ".... %s %s .... .... .... .... .... = Traffic Class: 0x%02x "
                    "(DSCP: %s, ECN: %s)", nibble_bits[tcls >> 4], nibble_bits[tcls & 0x0f],
                    tcls, dscp ? dscp : "Unknown", ecn ? ecn : "Unknown");
  it2 = ss_layer_add_item (&l, it, IPV6_F_TCLASS_DSCP, 0, 4, SS_ENC_BE);
  if (!ss_value_string_lookup (dscp_vals, tcls >> 2))
    ss_item_set_text (pkt, it2, ".... %s %c%c.. .... .... .... .... .... = Differentiated "
                      "Services Codepoint: Unknown (%u)", nibble_bits[tcls >> 4],
                      (tcls & 0x08) ? '1' : '0', (tcls & 0x04) ? '1' : '0', tcls >> 2);
  ss_layer_add_item (&l, it, IPV6_F_TCLASS_ECN, 0, 4, SS_ENC_BE);
  flow = ss_reader_get_ntoh24 (r, 1) & 0x0fffff;
  it = ss_layer_add_item (&l, NULL, IPV6_F_FLOW, 1, 3, SS_ENC_BE);
  ss_item_set_text (pkt, it, ".... %s %s %s %s %s = Flow Label: 0x%05x",
                    nibble_bits[flow >> 16], nibble_bits[(flow >> 12) & 0xf],
                    nibble_bits[(flow >> 8) & 0xf], nibble_bits[(flow >> 4) & 0xf],
                    nibble_bits[flow & 0xf], flow);
  plen = ss_reader_get_ntohs (r, 4);
  nxt = ss_reader_get_u8 (r, 6);
  if (ss_reader_failed (r))
    return;
  ti_plen = ss_layer_add_item (&l, NULL, IPV6_F_PLEN, 4, 2, SS_ENC_BE);
  if (plen == 0 && nxt != IP_PROTO_HOPOPTS && nxt != IP_PROTO_NONE)
    ss_packet_add_expert (pkt, ti_plen, SS_PROTO_IPV6, IPV6_E_PLEN_ZERO, NULL);
  ss_layer_add_item (&l, NULL, IPV6_F_NXT, 6, 1, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, IPV6_F_HLIM, 7, 1, SS_ENC_BE);
  if (ss_reader_failed (r))
    return;

  add_address (&c, 8, IPV6_F_SRC, IPV6_F_SRC_HOST);
  if (ss_reader_failed (r))
    return;
  /* The source column is set even when the destination turns out to be cut off. */
  set_address (&pkt->net_src, r->data + 8);
  add_address (&c, 24, IPV6_F_DST, IPV6_F_DST_HOST);
  if (ss_reader_failed (r))
    return;
  ss_packet_set_net_addresses (pkt, SS_ADDR_IPV6, r->data + 8, r->data + 24);
  if (l.top)
    ss_item_set_text (pkt, l.top, "Internet Protocol Version 6, Src: %s, Dst: %s",
                      ss_address_to_string (&pkt->net_src, sbuf, sizeof sbuf),
                      ss_address_to_string (&pkt->net_dst, dbuf, sizeof dbuf));
  add_form_6to4 (&c, 8, FALSE);
  add_form_6to4 (&c, 24, TRUE);
  add_form_teredo (&c, 8, FALSE);
  add_form_teredo (&c, 24, TRUE);
  add_form_slaac (&c, 8, FALSE);
  add_form_slaac (&c, 24, TRUE);
  add_form_isatap (&c, 8, FALSE);
  add_form_isatap (&c, 24, TRUE);
  add_form_embed (&c, 8, FALSE);
  add_form_embed (&c, 24, TRUE);

  off = IPV6_HDR_LEN;
  c.plen = plen;
  total_plen = plen;
  if (plen == 0 && nxt == IP_PROTO_HOPOPTS)
    {
      c.jumbo_plen = find_jumbo_plen (r, off);
      if (c.jumbo_plen != 0)
        {
          ss_item_append_text (pkt, ti_plen, " (Jumbogram)");
          total_plen = c.jumbo_plen;
        }
      else
        {
          ss_packet_set_info (pkt, "Invalid IPv6 payload length");
          ss_packet_add_expert (pkt, ti_plen, SS_PROTO_IPV6, IPV6_E_JUMBO_MISSING, NULL);
        }
    }
  reported_plen = r->reported - IPV6_HDR_LEN;
  if (total_plen > reported_plen && !in_icmp_error (pkt))
    ss_packet_add_expert (pkt, ti_plen, SS_PROTO_IPV6, IPV6_E_PLEN_EXCEEDS_FRAMING,
                          _("IPv6 payload length exceeds framing length (%u bytes)"),
                          reported_plen);
  /* The datagram ends here; what follows is the link layer's padding. */
  if (IPV6_HDR_LEN + total_plen < r->reported)
    ss_reader_limit (r, (guint32) (IPV6_HDR_LEN + total_plen));
  c.frag_plen = plen;
  c.item_len = IPV6_HDR_LEN;

  while (nxt == IP_PROTO_HOPOPTS || nxt == IP_PROTO_ROUTING || nxt == IP_PROTO_FRAGMENT
         || nxt == IP_PROTO_DSTOPTS)
    {
      gboolean ok;
      guint len = IPV6_FRAG_HDR_LEN;

      if (c.n_headers >= IPV6_MAX_EXTHDRS)
        break;
      switch (nxt)
        {
        case IP_PROTO_ROUTING:
          ok = dissect_routing (&c, off, &nxt, &len);
          break;
        case IP_PROTO_FRAGMENT:
          ok = dissect_fraghdr (&c, off, &nxt, &fragment);
          break;
        default:
          ok = dissect_opts (&c, off, nxt == IP_PROTO_HOPOPTS, &nxt, &len);
          break;
        }
      c.n_headers++;
      ss_item_set_length (l.top, MIN (c.item_len, ss_reader_remaining (r, 0)));
      if (!ok)
        return;
      /* What follows starts after this header, which must fit in the packet. */
      if (!ss_reader_check (r, off + len, 0))
        return;
      off += len;
      if (fragment)
        {
          ss_packet_call (pkt, NULL, r, off);
          return;
        }
    }

  pkt->ip_proto = nxt;
  if (c.n_headers >= IPV6_MAX_EXTHDRS)
    {
      ss_packet_call (pkt, NULL, r, off);
      return;
    }
  if (nxt == IP_PROTO_NONE)
    {
      ss_packet_set_info (pkt, "IPv6 no next header");
      ss_packet_call (pkt, NULL, r, off);
      return;
    }
  /* IANA protocol 143 is Ethernet (RFC 8986 §4.4, SRv6 End.DX2 and the like) */
  next = nxt == 143 ? &ss_proto_eth : ss_dissectors_for_ip_proto (nxt);
  /* A header that leaves nothing on the wire for the protocol it names: Wireshark still hands
   * it the empty payload, and its first read fails. */
  if (next && off >= r->reported)
    {
      SsReader empty;

      ss_reader_sub (r, off, -1, &empty);
      pkt->depth++;
      next->dissect (pkt, &empty);
      pkt->depth--;
      return;
    }
  ss_packet_call (pkt, next, r, off);
}

const SsProtocol ss_proto_ipv6 = {
  .id = SS_PROTO_IPV6,
  .abbrev = "ipv6",
  .short_name = "IPv6",
  .name = N_("Internet Protocol Version 6"),
  .fields = ipv6_fields,
  .n_fields = IPV6_F_COUNT,
  .experts = ipv6_experts,
  .n_experts = IPV6_E_COUNT,
  .dissect = dissect_ipv6,
};
