/* ss-dissect-icmpv6.c: Internet Control Message Protocol for IPv6 (RFC 4443; Neighbor
 * Discovery RFC 4861 with options from RFC 4191, RFC 6275 and RFC 8106; MLDv1 RFC 2710 and
 * MLDv2 RFC 3810; multi-part messages RFC 4884; extended echo RFC 8335)
 *
 * The checksum covers an IPv6 pseudo-header (RFC 8200 §8.1) built from the packet's network
 * addresses, which the routing header may have set to the final destination. Error messages
 * quote the packet that caused them; it is dissected by the IPv6 dissector with the packet's
 * columns saved and restored around it.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-dns-name.h"
#include "ss-icmp.h"
#include "ss-format.h"

enum
{
  ICMPV6_F_TYPE,
  ICMPV6_F_CODE,
  ICMPV6_F_CHECKSUM,
  ICMPV6_F_CHECKSUM_STATUS,
  ICMPV6_F_RESERVED,
  ICMPV6_F_DATA,
  ICMPV6_F_UNKNOWN_DATA,
  ICMPV6_F_MTU,
  ICMPV6_F_POINTER,
  ICMPV6_F_LENGTH,
  ICMPV6_F_ECHO_IDENTIFIER,
  ICMPV6_F_ECHO_SEQUENCE,
  ICMPV6_F_EXT_ECHO_SEQ,
  ICMPV6_F_EXT_ECHO_REQ_RES,
  ICMPV6_F_EXT_ECHO_REQ_LOCAL,
  ICMPV6_F_EXT_ECHO_RSP_STATE,
  ICMPV6_F_EXT_ECHO_RSP_RES,
  ICMPV6_F_EXT_ECHO_RSP_ACTIVE,
  ICMPV6_F_EXT_ECHO_RSP_IPV4,
  ICMPV6_F_EXT_ECHO_RSP_IPV6,
  ICMPV6_F_ND_RA_CUR_HOP_LIMIT,
  ICMPV6_F_ND_RA_FLAG,
  ICMPV6_F_ND_RA_FLAG_M,
  ICMPV6_F_ND_RA_FLAG_O,
  ICMPV6_F_ND_RA_FLAG_H,
  ICMPV6_F_ND_RA_FLAG_PRF,
  ICMPV6_F_ND_RA_FLAG_P,
  ICMPV6_F_ND_RA_FLAG_RSV,
  ICMPV6_F_ND_RA_ROUTER_LIFETIME,
  ICMPV6_F_ND_RA_REACHABLE_TIME,
  ICMPV6_F_ND_RA_RETRANS_TIMER,
  ICMPV6_F_ND_NS_TARGET_ADDRESS,
  ICMPV6_F_ND_NA_FLAG,
  ICMPV6_F_ND_NA_FLAG_R,
  ICMPV6_F_ND_NA_FLAG_S,
  ICMPV6_F_ND_NA_FLAG_O,
  ICMPV6_F_ND_NA_FLAG_RSV,
  ICMPV6_F_ND_NA_TARGET_ADDRESS,
  ICMPV6_F_ND_RD_TARGET_ADDRESS,
  ICMPV6_F_ND_RD_DESTINATION_ADDRESS,
  ICMPV6_F_OPT,
  ICMPV6_F_OPT_TYPE,
  ICMPV6_F_OPT_LENGTH,
  ICMPV6_F_OPT_RESERVED,
  ICMPV6_F_OPT_PADDING,
  ICMPV6_F_OPT_LINKADDR,
  ICMPV6_F_OPT_SRC_LINKADDR,
  ICMPV6_F_OPT_TARGET_LINKADDR,
  ICMPV6_F_OPT_LINKADDR_EUI64,
  ICMPV6_F_OPT_SRC_LINKADDR_EUI64,
  ICMPV6_F_OPT_TARGET_LINKADDR_EUI64,
  ICMPV6_F_OPT_PREFIX_LENGTH,
  ICMPV6_F_OPT_PREFIX_FLAG,
  ICMPV6_F_OPT_PREFIX_FLAG_L,
  ICMPV6_F_OPT_PREFIX_FLAG_A,
  ICMPV6_F_OPT_PREFIX_FLAG_R,
  ICMPV6_F_OPT_PREFIX_FLAG_RESERVED,
  ICMPV6_F_OPT_PREFIX_VALID_LIFETIME,
  ICMPV6_F_OPT_PREFIX_PREFERRED_LIFETIME,
  ICMPV6_F_OPT_PREFIX,
  ICMPV6_F_OPT_REDIRECTED_PACKET,
  ICMPV6_F_OPT_MTU,
  ICMPV6_F_OPT_NBMA_SHORTCUT_LIMIT,
  ICMPV6_F_OPT_ADVERTISEMENT_INTERVAL,
  ICMPV6_F_OPT_HOME_AGENT_PREFERENCE,
  ICMPV6_F_OPT_HOME_AGENT_LIFETIME,
  ICMPV6_F_OPT_IPV6_ADDRESS,
  ICMPV6_F_OPT_NONCE,
  ICMPV6_F_OPT_ROUTE_INFO_FLAG,
  ICMPV6_F_OPT_ROUTE_INFO_FLAG_PREF,
  ICMPV6_F_OPT_ROUTE_INFO_FLAG_RESERVED,
  ICMPV6_F_OPT_ROUTE_LIFETIME,
  ICMPV6_F_OPT_RDNSS_LIFETIME,
  ICMPV6_F_OPT_RDNSS,
  ICMPV6_F_OPT_DNSSL_LIFETIME,
  ICMPV6_F_OPT_DNSSL,
  ICMPV6_F_MLD_MRD,
  ICMPV6_F_MLD_MULTICAST_ADDRESS,
  ICMPV6_F_MLD_MRC,
  ICMPV6_F_MLD_FLAG,
  ICMPV6_F_MLD_FLAG_S,
  ICMPV6_F_MLD_FLAG_QRV,
  ICMPV6_F_MLD_FLAG_RSV,
  ICMPV6_F_MLD_QQI,
  ICMPV6_F_MLD_NB_SOURCES,
  ICMPV6_F_MLD_SOURCE_ADDRESS,
  ICMPV6_F_MLDR_NB_MCAST_RECORDS,
  ICMPV6_F_MLDR_MAR,
  ICMPV6_F_MLDR_MAR_RECORD_TYPE,
  ICMPV6_F_MLDR_MAR_AUX_DATA_LEN,
  ICMPV6_F_MLDR_MAR_NB_SOURCES,
  ICMPV6_F_MLDR_MAR_MULTICAST_ADDRESS,
  ICMPV6_F_MLDR_MAR_SOURCE_ADDRESS,
  ICMPV6_F_MLDR_MAR_AUX_DATA,
  ICMPV6_F_OPT_PREF64_SCALED_LIFETIME,
  ICMPV6_F_OPT_PREF64_PLC,
  ICMPV6_F_OPT_PREF64_PREFIX,
  ICMPV6_F_RR_SEQUENCE_NUMBER,
  ICMPV6_F_RR_SEGMENT_NUMBER,
  ICMPV6_F_RR_FLAG,
  ICMPV6_F_RR_FLAG_T,
  ICMPV6_F_RR_FLAG_R,
  ICMPV6_F_RR_FLAG_A,
  ICMPV6_F_RR_FLAG_S,
  ICMPV6_F_RR_FLAG_P,
  ICMPV6_F_RR_FLAG_RSV,
  ICMPV6_F_RR_MAXDELAY,
  ICMPV6_F_RR_PCO_MP,
  ICMPV6_F_RR_PCO_MP_OPCODE,
  ICMPV6_F_RR_PCO_MP_OPLENGTH,
  ICMPV6_F_RR_PCO_MP_ORDINAL,
  ICMPV6_F_RR_PCO_MP_MATCHLEN,
  ICMPV6_F_RR_PCO_MP_MINLEN,
  ICMPV6_F_RR_PCO_MP_MAXLEN,
  ICMPV6_F_RR_PCO_MP_MATCHPREFIX,
  ICMPV6_F_RR_PCO_UP,
  ICMPV6_F_RR_PCO_UP_USELEN,
  ICMPV6_F_RR_PCO_UP_KEEPLEN,
  ICMPV6_F_RR_PCO_UP_FLAGMASK,
  ICMPV6_F_RR_PCO_UP_FLAGMASK_L,
  ICMPV6_F_RR_PCO_UP_FLAGMASK_A,
  ICMPV6_F_RR_PCO_UP_FLAGMASK_RESERVED,
  ICMPV6_F_RR_PCO_UP_RAFLAGS,
  ICMPV6_F_RR_PCO_UP_VALIDLIFETIME,
  ICMPV6_F_RR_PCO_UP_PREFERREDLIFETIME,
  ICMPV6_F_RR_PCO_UP_FLAG,
  ICMPV6_F_RR_PCO_UP_FLAG_V,
  ICMPV6_F_RR_PCO_UP_FLAG_P,
  ICMPV6_F_RR_PCO_UP_FLAG_RESERVED,
  ICMPV6_F_RR_PCO_UP_USEPREFIX,
  ICMPV6_F_RR_RM,
  ICMPV6_F_RR_RM_FLAG,
  ICMPV6_F_RR_RM_FLAG_B,
  ICMPV6_F_RR_RM_FLAG_F,
  ICMPV6_F_RR_RM_FLAG_RESERVED,
  ICMPV6_F_RR_RM_ORDINAL,
  ICMPV6_F_RR_RM_MATCHEDLEN,
  ICMPV6_F_RR_RM_INTERFACEINDEX,
  ICMPV6_F_RR_RM_MATCHEDPREFIX,
  ICMPV6_F_NI_QTYPE,
  ICMPV6_F_NI_FLAG,
  ICMPV6_F_NI_FLAG_G,
  ICMPV6_F_NI_FLAG_S,
  ICMPV6_F_NI_FLAG_L,
  ICMPV6_F_NI_FLAG_C,
  ICMPV6_F_NI_FLAG_A,
  ICMPV6_F_NI_FLAG_T,
  ICMPV6_F_NI_FLAG_RSV,
  ICMPV6_F_NI_NONCE,
  ICMPV6_F_NI_QUERY_SUBJECT_IPV6,
  ICMPV6_F_NI_QUERY_SUBJECT_FQDN,
  ICMPV6_F_NI_QUERY_SUBJECT_IPV4,
  ICMPV6_F_NI_REPLY_NODE_TTL,
  ICMPV6_F_NI_REPLY_NODE_NAME,
  ICMPV6_F_NI_REPLY_NODE_ADDRESS,
  ICMPV6_F_NI_REPLY_IPV4_ADDRESS,
  ICMPV6_F_MIP6_IDENTIFIER,
  ICMPV6_F_MIP6_HOME_AGENT_ADDRESS,
  ICMPV6_F_MIP6_FLAG,
  ICMPV6_F_MIP6_FLAG_M,
  ICMPV6_F_MIP6_FLAG_O,
  ICMPV6_F_MIP6_FLAG_RSV,
  ICMPV6_F_SEND_IDENTIFIER,
  ICMPV6_F_SEND_ALL_COMPONENTS,
  ICMPV6_F_SEND_COMPONENT,
  ICMPV6_F_MCAST_RA_QUERY_INTERVAL,
  ICMPV6_F_MCAST_RA_ROBUSTNESS_VARIABLE,
  ICMPV6_F_RPL_DIS_FLAGS,
  ICMPV6_F_RPL_DIO_INSTANCE,
  ICMPV6_F_RPL_DIO_VERSION,
  ICMPV6_F_RPL_DIO_RANK,
  ICMPV6_F_RPL_DIO_FLAG,
  ICMPV6_F_RPL_DIO_FLAG_G,
  ICMPV6_F_RPL_DIO_FLAG_0,
  ICMPV6_F_RPL_DIO_FLAG_MOP,
  ICMPV6_F_RPL_DIO_FLAG_PRF,
  ICMPV6_F_RPL_DIO_DTSN,
  ICMPV6_F_RPL_DIO_DAGID,
  ICMPV6_F_RPL_DAO_INSTANCE,
  ICMPV6_F_RPL_DAO_FLAG,
  ICMPV6_F_RPL_DAO_FLAG_K,
  ICMPV6_F_RPL_DAO_FLAG_D,
  ICMPV6_F_RPL_DAO_FLAG_RSV,
  ICMPV6_F_RPL_DAO_SEQUENCE,
  ICMPV6_F_RPL_DAO_DODAGID,
  ICMPV6_F_RPL_DAOACK_INSTANCE,
  ICMPV6_F_RPL_DAOACK_FLAG,
  ICMPV6_F_RPL_DAOACK_FLAG_D,
  ICMPV6_F_RPL_DAOACK_FLAG_RSV,
  ICMPV6_F_RPL_DAOACK_SEQUENCE,
  ICMPV6_F_RPL_DAOACK_STATUS,
  ICMPV6_F_RPL_DAOACK_DODAGID,
  ICMPV6_F_RPL_CC_INSTANCE,
  ICMPV6_F_RPL_CC_FLAG,
  ICMPV6_F_RPL_CC_FLAG_R,
  ICMPV6_F_RPL_CC_FLAG_RSV,
  ICMPV6_F_RPL_CC_NONCE,
  ICMPV6_F_RPL_CC_DODAGID,
  ICMPV6_F_RPL_CC_DESTINATION_COUNTER,
  ICMPV6_F_RPL_OPT_TYPE,
  ICMPV6_F_RPL_OPT_LENGTH,
  ICMPV6_F_RPL_OPT_RESERVED,
  ICMPV6_F_RPL_OPT_PADN,
  ICMPV6_F_RPL_OPT_ROUTE_PREFIX_LENGTH,
  ICMPV6_F_RPL_OPT_ROUTE_FLAG,
  ICMPV6_F_RPL_OPT_ROUTE_PREF,
  ICMPV6_F_RPL_OPT_ROUTE_RESERVED,
  ICMPV6_F_RPL_OPT_ROUTE_LIFETIME,
  ICMPV6_F_RPL_OPT_ROUTE_PREFIX,
  ICMPV6_F_RPL_OPT_CONFIG_FLAG,
  ICMPV6_F_RPL_OPT_CONFIG_RESERVED,
  ICMPV6_F_RPL_OPT_CONFIG_AUTH,
  ICMPV6_F_RPL_OPT_CONFIG_PCS,
  ICMPV6_F_RPL_OPT_CONFIG_DOUBLINGS,
  ICMPV6_F_RPL_OPT_CONFIG_MIN_INTERVAL,
  ICMPV6_F_RPL_OPT_CONFIG_REDUNDANCY,
  ICMPV6_F_RPL_OPT_CONFIG_RANK_INCR,
  ICMPV6_F_RPL_OPT_CONFIG_HOP_RANK_INC,
  ICMPV6_F_RPL_OPT_CONFIG_OCP,
  ICMPV6_F_RPL_OPT_CONFIG_RSV,
  ICMPV6_F_RPL_OPT_CONFIG_DEF_LIFETIME,
  ICMPV6_F_RPL_OPT_CONFIG_LIFETIME_UNIT,
  ICMPV6_F_RPL_OPT_TARGET_FLAG,
  ICMPV6_F_RPL_OPT_TARGET_PREFIX_LENGTH,
  ICMPV6_F_RPL_OPT_TARGET_PREFIX,
  ICMPV6_F_RPL_OPT_TRANSIT_FLAG,
  ICMPV6_F_RPL_OPT_TRANSIT_FLAG_E,
  ICMPV6_F_RPL_OPT_TRANSIT_FLAG_RSV,
  ICMPV6_F_RPL_OPT_TRANSIT_PATHCTL,
  ICMPV6_F_RPL_OPT_TRANSIT_PATHSEQ,
  ICMPV6_F_RPL_OPT_TRANSIT_PATHLIFETIME,
  ICMPV6_F_RPL_OPT_TRANSIT_PARENT,
  ICMPV6_F_RPL_OPT_SOLICITED_INSTANCE,
  ICMPV6_F_RPL_OPT_SOLICITED_FLAG,
  ICMPV6_F_RPL_OPT_SOLICITED_FLAG_V,
  ICMPV6_F_RPL_OPT_SOLICITED_FLAG_I,
  ICMPV6_F_RPL_OPT_SOLICITED_FLAG_D,
  ICMPV6_F_RPL_OPT_SOLICITED_FLAG_RSV,
  ICMPV6_F_RPL_OPT_SOLICITED_DODAGID,
  ICMPV6_F_RPL_OPT_SOLICITED_VERSION,
  ICMPV6_F_RPL_OPT_PREFIX_LENGTH,
  ICMPV6_F_RPL_OPT_PREFIX_FLAG,
  ICMPV6_F_RPL_OPT_PREFIX_FLAG_L,
  ICMPV6_F_RPL_OPT_PREFIX_FLAG_A,
  ICMPV6_F_RPL_OPT_PREFIX_FLAG_R,
  ICMPV6_F_RPL_OPT_PREFIX_FLAG_RSV,
  ICMPV6_F_RPL_OPT_PREFIX_VLIFETIME,
  ICMPV6_F_RPL_OPT_PREFIX_PLIFETIME,
  ICMPV6_F_RPL_OPT_PREFIX,
  ICMPV6_F_RPL_OPT_TARGETDESC,
  ICMPV6_F_RESP_IN,
  ICMPV6_F_NO_RESP,
  ICMPV6_F_RESP_TO,
  ICMPV6_F_RESPTIME,
  ICMPV6_F_COUNT
};

enum
{
  ICMP6_DST_UNREACH = 1,
  ICMP6_PACKET_TOO_BIG = 2,
  ICMP6_TIME_EXCEEDED = 3,
  ICMP6_PARAM_PROB = 4,
  ICMP6_ECHO_REQUEST = 128,
  ICMP6_ECHO_REPLY = 129,
  ICMP6_MEMBERSHIP_QUERY = 130,
  ICMP6_MEMBERSHIP_REPORT = 131,
  ICMP6_MEMBERSHIP_REDUCTION = 132,
  ICMP6_ND_ROUTER_SOLICIT = 133,
  ICMP6_ND_ROUTER_ADVERT = 134,
  ICMP6_ND_NEIGHBOR_SOLICIT = 135,
  ICMP6_ND_NEIGHBOR_ADVERT = 136,
  ICMP6_ND_REDIRECT = 137,
  ICMP6_ROUTER_RENUMBERING = 138,
  ICMP6_NI_QUERY = 139,
  ICMP6_NI_REPLY = 140,
  ICMP6_IND_SOLICIT = 141,
  ICMP6_IND_ADVERT = 142,
  ICMP6_MLDV2_REPORT = 143,
  ICMP6_MIP6_DHAAD_REQUEST = 144,
  ICMP6_MIP6_DHAAD_REPLY = 145,
  ICMP6_MIP6_MPS = 146,
  ICMP6_MIP6_MPA = 147,
  ICMP6_CERT_PATH_SOL = 148,
  ICMP6_CERT_PATH_AD = 149,
  ICMP6_MCAST_ROUTER_ADVERT = 151,
  ICMP6_MCAST_ROUTER_SOLICIT = 152,
  ICMP6_MCAST_ROUTER_TERM = 153,
  ICMP6_RPL_CONTROL = 155,
  ICMP6_EXTECHO = 160,
  ICMP6_EXTECHOREPLY = 161,
};

/* RFC 3810 §5.1: a query of at least 28 bytes is an MLDv2 query. */
#define MLDV2_PACKET_MINLEN 28
#define LIFETIME_INFINITY 0xffffffffu

/* IANA "ICMPv6 Type Numbers", with Wireshark's names. */
static const SsValueString type_vals[] = {
  { 1, "Destination Unreachable" }, { 2, "Packet Too Big" }, { 3, "Time Exceeded" },
  { 4, "Parameter Problem" }, { 100, "Private experimentation" },
  { 101, "Private experimentation" }, { 127, "Reserved for expansion of ICMPv6 error messages" },
  { 128, "Echo (ping) request" }, { 129, "Echo (ping) reply" }, { 130, "Multicast Listener Query" },
  { 131, "Multicast Listener Report" }, { 132, "Multicast Listener Done" },
  { 133, "Router Solicitation" }, { 134, "Router Advertisement" }, { 135, "Neighbor Solicitation" },
  { 136, "Neighbor Advertisement" }, { 137, "Redirect" }, { 138, "Router Renumbering" },
  { 139, "Node Information Query" }, { 140, "Node Information Reply" },
  { 141, "Inverse Neighbor Discovery Solicitation" },
  { 142, "Inverse Neighbor Discovery Advertisement" },
  { 143, "Multicast Listener Report Message v2" }, { 144, "Home Agent Address Discovery Request" },
  { 145, "Home Agent Address Discovery Reply" }, { 146, "Mobile Prefix Solicitation" },
  { 147, "Mobile Prefix Advertisement" }, { 148, "Certification Path Solicitation" },
  { 149, "Certification Path Advertisement" }, { 150, "Experimental Mobility" },
  { 151, "Multicast Router Advertisement" }, { 152, "Multicast Router Solicitation" },
  { 153, "Multicast Router Termination" }, { 154, "FMIPv6" }, { 155, "RPL Control" },
  { 156, "Locator Update" }, { 157, "Duplicate Address Request" },
  { 158, "Duplicate Address Confirmation" }, { 159, "MPL Control Message" },
  { 160, "Extended Echo request" }, { 161, "Extended Echo reply" },
  { 200, "Private experimentation" }, { 201, "Private experimentation" },
  { 255, "Reserved for expansion of ICMPv6 informational messages" },
  { 0, NULL }
};

static const SsValueString unreach_code_vals[] = {
  { 0, "no route to destination" }, { 1, "Administratively prohibited" },
  { 2, "Beyond scope of source address" }, { 3, "Address unreachable" },
  { 4, "Port unreachable" }, { 5, "Source address failed ingress/egress policy" },
  { 6, "Reject route to destination" }, { 7, "Error in Source Routing Header" }, { 0, NULL }
};

static const SsValueString timeex_code_vals[] = {
  { 0, "hop limit exceeded in transit" }, { 1, "fragment reassembly time exceeded" },
  { 0, NULL }
};

static const SsValueString paramprob_code_vals[] = {
  { 0, "erroneous header field encountered" },
  { 1, "unrecognized Next Header type encountered" },
  { 2, "unrecognized IPv6 option encountered" },
  { 3, "IPv6 First Fragment has incomplete IPv6 Header Chain" }, { 0, NULL }
};

static const SsValueString ext_echo_req_code_vals[] = {
  { 0, "No error" }, { 0, NULL }
};

static const SsValueString ext_echo_reply_code_vals[] = {
  { 0, "No error" }, { 1, "Malformed Query" }, { 2, "No Such Interface" },
  { 3, "No Such Table Entry" }, { 4, "Multiple Interfaces Satisfy Query" }, { 0, NULL }
};

static const SsValueString ext_echo_state_vals[] = {
  { 0, "Reserved" }, { 1, "Incomplete" }, { 2, "Reachable" }, { 3, "Stale" }, { 4, "Delay" },
  { 5, "Probe" }, { 6, "Failed" }, { 0, NULL }
};

/* IANA "IPv6 Neighbor Discovery Option Formats", with Wireshark's names. */
static const SsValueString option_vals[] = {
  { 1, "Source link-layer address" }, { 2, "Target link-layer address" },
  { 3, "Prefix information" }, { 4, "Redirected header" }, { 5, "MTU" },
  { 6, "NBMA Shortcut Limit Option" }, { 7, "Advertisement Interval" },
  { 8, "Home Agent Information" }, { 9, "Source Address List" }, { 10, "Target Address List" },
  { 11, "CGA" }, { 12, "RSA Signature" }, { 13, "Timestamp" }, { 14, "Nonce" },
  { 15, "Trust Anchor" }, { 16, "Certificate" }, { 17, "IP Address/Prefix Option" },
  { 18, "New Router Prefix Information" }, { 19, "Link-layer Address" },
  { 20, "Neighbor Advertisement Acknowledgment" }, { 23, "MAP" }, { 24, "Route Information" },
  { 25, "Recursive DNS Server" }, { 26, "RA Flags Extension" }, { 27, "Handover Key Request" },
  { 28, "Handover Key Reply" }, { 29, "Handover Assist Information" },
  { 30, "Mobile Node Identifier Option" }, { 31, "DNS Search List Option" },
  { 32, "Proxy Signature (PS)" }, { 33, "Address Registration Option" },
  { 34, "6LoWPAN Context Option" }, { 35, "Authoritative Border Router" },
  { 36, "6LoWPAN Capability Indication Option" }, { 37, "DHCP Captive-Portal" },
  { 38, "PREF64 Option" }, { 138, "CARD Request" }, { 139, "CARD Reply" },
  { 253, "RFC3692-style Experiment 1" }, { 254, "RFC3692-style Experiment 2" },
  { 0, NULL }
};

static const SsValueString router_pref_vals[] = {
  { 0, "Medium" }, { 1, "High" }, { 2, "Reserved" }, { 3, "Low" }, { 0, NULL }
};

static const SsValueString infinity_vals[] = {
  { LIFETIME_INFINITY, "Infinity" }, { 0, NULL }
};

static const SsValueString rdnss_infinity_vals[] = {
  { 0, "RDNSS address MUST no longer be used" }, { LIFETIME_INFINITY, "Infinity" },
  { 0, NULL }
};

static const SsValueString dnssl_infinity_vals[] = {
  { 0, "DNSSL domain name MUST no longer be used" }, { LIFETIME_INFINITY, "Infinity" },
  { 0, NULL }
};

static const SsValueString mldr_record_type_vals[] = {
  { 1, "Include" }, { 2, "Exclude" }, { 3, "Changed to include" }, { 4, "Changed to exclude" },
  { 5, "Allow new sources" }, { 6, "Block old sources" }, { 0, NULL }
};

static const SsValueString checksum_status_vals[] = {
  { 0, "Bad" }, { 1, "Good" }, { 2, "Unverified" }, { 3, "Not present" }, { 4, "Illegal" },
  { 0, NULL }
};

enum
{
  CKSUM_BAD = 0,
  CKSUM_GOOD = 1,
  CKSUM_UNVERIFIED = 2,
};

static const SsTrueFalse set_notset_tfs = { N_("Set"), N_("Not set") };
static const SsTrueFalse true_false_tfs = { N_("True"), N_("False") };
static const SsTrueFalse ni_flag_a_tfs = { N_("All unicast address"),
                                           N_("Unicast addresses on the queried interface") };

/* RFC 8781 §4: the prefix length code, and the prefix bytes it stands for. */
static const SsValueString pref64_plc_vals[] = {
  { 0, "96 bits prefix length" }, { 1, "64 bits prefix length" },
  { 2, "56 bits prefix length" }, { 3, "48 bits prefix length" },
  { 4, "40 bits prefix length" }, { 5, "32 bits prefix length" }, { 0, NULL }
};

static const SsValueString rr_code_vals[] = {
  { 0, "Command" }, { 1, "Result" }, { 255, "Sequence number reset" }, { 0, NULL }
};

static const SsValueString rr_opcode_vals[] = {
  { 1, "Add" }, { 2, "Change" }, { 3, "Set Global" }, { 0, NULL }
};

static const SsValueString ni_query_code_vals[] = {
  { 0, "Query subject = IPv6 addresses" }, { 1, "Query subject = DNS name or empty" },
  { 2, "Query subject = IPv4 addresses" }, { 0, NULL }
};

static const SsValueString ni_reply_code_vals[] = {
  { 0, "Successful" }, { 1, "Refused" }, { 2, "Unknown query type" }, { 0, NULL }
};

static const SsValueString ni_qtype_vals[] = {
  { 0, "NOOP" }, { 1, "Supported query types (Obsolete)" }, { 2, "Node Name" },
  { 3, "Node addresses" }, { 4, "IPv4 node addresses" }, { 0, NULL }
};

/* RFC 6550 §6 and RFC 6997 §7: the RPL control message codes. */
static const SsValueString rpl_code_vals[] = {
  { 0x00, "DODAG Information Solicitation" }, { 0x01, "DODAG Information Object" },
  { 0x02, "Destination Advertisement Object" },
  { 0x03, "Destination Advertisement Object Acknowledgment" },
  { 0x80, "Secure DODAG Information Solicitation" },
  { 0x81, "Secure DODAG Information Object" },
  { 0x82, "Secure Destination Advertisement Object" },
  { 0x83, "Secure Destination Advertisement Object Acknowledgment" },
  { 0x8a, "Consistency Check" }, { 0x04, "P2P Discovery Reply Object" },
  { 0x84, "P2P Secure Discovery Reply Object" },
  { 0x05, "P2P Discovery Reply Object Acknowledgement" },
  { 0x85, "P2P Secure Discovery Reply Object Acknowledgement" }, { 0, NULL }
};

static const SsValueString rpl_dio_mop_vals[] = {
  { 0, "No Downward routes maintained by RPL" }, { 1, "Non-Storing Mode of Operation" },
  { 2, "Storing Mode of Operation with no multicast support" },
  { 3, "Storing Mode of Operation with multicast support" },
  { 4, "P2P Route Discovery Mode of Operation" }, { 0, NULL }
};

static const SsValueString rpl_option_vals[] = {
  { 0, "1-byte padding" }, { 1, "n-byte padding" }, { 2, "DAG Metric container" },
  { 3, "Routing Information" }, { 4, "DODAG configuration" }, { 5, "RPL Target" },
  { 6, "Transit Information" }, { 7, "Solicited Information" }, { 8, "Prefix Information" },
  { 9, "RPL Target Descriptor" }, { 10, "P2P Route Discovery" }, { 0, NULL }
};

static const SsFieldDef icmpv6_fields[] = {
  [ICMPV6_F_TYPE] = { "icmpv6.type", N_("Type"), SS_FT_UINT8, SS_BASE_DEC, type_vals },
  [ICMPV6_F_CODE] = { "icmpv6.code", N_("Code"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_CHECKSUM] = { "icmpv6.checksum", N_("Checksum"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMPV6_F_CHECKSUM_STATUS] = { "icmpv6.checksum.status", N_("Checksum Status"), SS_FT_UINT8,
                                 SS_BASE_NONE, checksum_status_vals },
  [ICMPV6_F_RESERVED] = { "icmpv6.reserved", N_("Reserved"), SS_FT_BYTES },
  [ICMPV6_F_DATA] = { "icmpv6.data", N_("Data"), SS_FT_BYTES },
  [ICMPV6_F_UNKNOWN_DATA] = { "icmpv6.unknown_data", N_("Unknown Data"), SS_FT_BYTES },
  [ICMPV6_F_MTU] = { "icmpv6.mtu", N_("MTU"), SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_POINTER] = { "icmpv6.pointer", N_("Pointer"), SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_LENGTH] = { "icmpv6.length", N_("Length of original datagram"), SS_FT_UINT8,
                        SS_BASE_DEC },
  [ICMPV6_F_RESP_IN] = { "icmpv6.resp_in", N_("Response In"), SS_FT_FRAMENUM, SS_BASE_NONE,
                         NULL, 0, NULL, N_("The response to this request is in this frame") },
  [ICMPV6_F_NO_RESP] = { "icmpv6.no_resp", N_("No response seen"), SS_FT_NONE, SS_BASE_NONE,
                         NULL, 0, NULL, N_("No corresponding response frame was seen") },
  [ICMPV6_F_RESP_TO] = { "icmpv6.resp_to", N_("Response To"), SS_FT_FRAMENUM, SS_BASE_NONE,
                         NULL, 0, NULL, N_("This is the response to the request in this frame") },
  [ICMPV6_F_RESPTIME] = { "icmpv6.resptime", N_("Response Time"), SS_FT_DOUBLE, SS_BASE_NONE,
                          NULL, 0, NULL,
                          N_("The time between the request and the response, in ms.") },
  [ICMPV6_F_ECHO_IDENTIFIER] = { "icmpv6.echo.identifier", N_("Identifier"), SS_FT_UINT16,
                                 SS_BASE_HEX },
  [ICMPV6_F_ECHO_SEQUENCE] = { "icmpv6.echo.sequence_number", N_("Sequence"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [ICMPV6_F_EXT_ECHO_SEQ] = { "icmpv6.ext.echo.seq", N_("Sequence number"), SS_FT_UINT8,
                              SS_BASE_DEC_HEX },
  [ICMPV6_F_EXT_ECHO_REQ_RES] = { "icmpv6.ext.echo.req.res", N_("Reserved"), SS_FT_UINT8,
                                  SS_BASE_HEX, NULL, 0xfe },
  [ICMPV6_F_EXT_ECHO_REQ_LOCAL] = { "icmpv6.ext.echo.req.local", N_("Local bit"),
                                    SS_FT_BOOLEAN, 8, NULL, 0x01 },
  [ICMPV6_F_EXT_ECHO_RSP_STATE] = { "icmpv6.ext.echo.rsp.state", N_("State"), SS_FT_UINT8,
                                    SS_BASE_DEC, ext_echo_state_vals, 0xe0 },
  [ICMPV6_F_EXT_ECHO_RSP_RES] = { "icmpv6.ext.echo.rsp.res", N_("Reserved"), SS_FT_UINT8,
                                  SS_BASE_HEX, NULL, 0x18 },
  [ICMPV6_F_EXT_ECHO_RSP_ACTIVE] = { "icmpv6.ext.echo.rsp.active", N_("Active bit"),
                                     SS_FT_BOOLEAN, 8, NULL, 0x04 },
  [ICMPV6_F_EXT_ECHO_RSP_IPV4] = { "icmpv6.ext.echo.rsp.ipv4", N_("IPv4 bit"), SS_FT_BOOLEAN,
                                   8, NULL, 0x02 },
  [ICMPV6_F_EXT_ECHO_RSP_IPV6] = { "icmpv6.ext.echo.rsp.ipv6", N_("IPv6 bit"), SS_FT_BOOLEAN,
                                   8, NULL, 0x01 },
  [ICMPV6_F_ND_RA_CUR_HOP_LIMIT] = { "icmpv6.nd.ra.cur_hop_limit", N_("Cur hop limit"),
                                     SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_ND_RA_FLAG] = { "icmpv6.nd.ra.flag", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_ND_RA_FLAG_M] = { "icmpv6.nd.ra.flag.m", N_("Managed address configuration"),
                              SS_FT_BOOLEAN, 8, NULL, 0x80, &set_notset_tfs },
  [ICMPV6_F_ND_RA_FLAG_O] = { "icmpv6.nd.ra.flag.o", N_("Other configuration"), SS_FT_BOOLEAN,
                              8, NULL, 0x40, &set_notset_tfs },
  [ICMPV6_F_ND_RA_FLAG_H] = { "icmpv6.nd.ra.flag.h", N_("Home Agent"), SS_FT_BOOLEAN, 8, NULL,
                              0x20, &set_notset_tfs },
  [ICMPV6_F_ND_RA_FLAG_PRF] = { "icmpv6.nd.ra.flag.prf", N_("Prf (Default Router Preference)"),
                                SS_FT_UINT8, SS_BASE_DEC, router_pref_vals, 0x18 },
  [ICMPV6_F_ND_RA_FLAG_P] = { "icmpv6.nd.ra.flag.p", N_("Proxy"), SS_FT_BOOLEAN, 8, NULL, 0x04,
                              &set_notset_tfs },
  [ICMPV6_F_ND_RA_FLAG_RSV] = { "icmpv6.nd.ra.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                SS_BASE_DEC, NULL, 0x03 },
  [ICMPV6_F_ND_RA_ROUTER_LIFETIME] = { "icmpv6.nd.ra.router_lifetime", N_("Router lifetime (s)"),
                                       SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_ND_RA_REACHABLE_TIME] = { "icmpv6.nd.ra.reachable_time", N_("Reachable time (ms)"),
                                      SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_ND_RA_RETRANS_TIMER] = { "icmpv6.nd.ra.retrans_timer", N_("Retrans timer (ms)"),
                                     SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_ND_NS_TARGET_ADDRESS] = { "icmpv6.nd.ns.target_address", N_("Target Address"),
                                      SS_FT_IPv6 },
  [ICMPV6_F_ND_NA_FLAG] = { "icmpv6.nd.na.flag", N_("Flags"), SS_FT_UINT32, SS_BASE_HEX },
  [ICMPV6_F_ND_NA_FLAG_R] = { "icmpv6.nd.na.flag.r", N_("Router"), SS_FT_BOOLEAN, 32, NULL,
                              0x80000000, &set_notset_tfs },
  [ICMPV6_F_ND_NA_FLAG_S] = { "icmpv6.nd.na.flag.s", N_("Solicited"), SS_FT_BOOLEAN, 32, NULL,
                              0x40000000, &set_notset_tfs },
  [ICMPV6_F_ND_NA_FLAG_O] = { "icmpv6.nd.na.flag.o", N_("Override"), SS_FT_BOOLEAN, 32, NULL,
                              0x20000000, &set_notset_tfs },
  [ICMPV6_F_ND_NA_FLAG_RSV] = { "icmpv6.nd.na.flag.rsv", N_("Reserved"), SS_FT_UINT32,
                                SS_BASE_DEC, NULL, 0x1fffffff },
  [ICMPV6_F_ND_NA_TARGET_ADDRESS] = { "icmpv6.nd.na.target_address", N_("Target Address"),
                                      SS_FT_IPv6 },
  [ICMPV6_F_ND_RD_TARGET_ADDRESS] = { "icmpv6.nd.rd.target_address", N_("Target Address"),
                                      SS_FT_IPv6 },
  [ICMPV6_F_ND_RD_DESTINATION_ADDRESS] = { "icmpv6.rd.na.destination_address",
                                           N_("Destination Address"), SS_FT_IPv6 },
  [ICMPV6_F_OPT] = { "icmpv6.opt", N_("ICMPv6 Option"), SS_FT_NONE },
  [ICMPV6_F_OPT_TYPE] = { "icmpv6.opt.type", N_("Type"), SS_FT_UINT8, SS_BASE_DEC, option_vals },
  [ICMPV6_F_OPT_LENGTH] = { "icmpv6.opt.length", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_OPT_RESERVED] = { "icmpv6.opt.reserved", N_("Reserved"), SS_FT_NONE },
  [ICMPV6_F_OPT_PADDING] = { "icmpv6.opt.padding", N_("Padding"), SS_FT_NONE },
  /* Wireshark declares these twice, as MAC address and as bytes; the MAC form is the one
   * Ethernet-sized options use. */
  [ICMPV6_F_OPT_LINKADDR] = { "icmpv6.opt.linkaddr", N_("Link-layer address"), SS_FT_ETHER },
  [ICMPV6_F_OPT_SRC_LINKADDR] = { "icmpv6.opt.src_linkaddr", N_("Source Link-layer address"),
                                  SS_FT_ETHER },
  [ICMPV6_F_OPT_TARGET_LINKADDR] = { "icmpv6.opt.target_linkaddr",
                                     N_("Target Link-layer address"), SS_FT_ETHER },
  [ICMPV6_F_OPT_LINKADDR_EUI64] = { "icmpv6.opt.linkaddr_eui64", N_("Link-layer address"),
                                    SS_FT_STRING },
  [ICMPV6_F_OPT_SRC_LINKADDR_EUI64] = { "icmpv6.opt.src_linkaddr_eui64",
                                        N_("Source Link-layer address"), SS_FT_STRING },
  [ICMPV6_F_OPT_TARGET_LINKADDR_EUI64] = { "icmpv6.opt.target_linkaddr_eui64",
                                           N_("Target Link-layer address"), SS_FT_STRING },
  [ICMPV6_F_OPT_PREFIX_LENGTH] = { "icmpv6.opt.prefix.length", N_("Prefix Length"),
                                   SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_OPT_PREFIX_FLAG] = { "icmpv6.opt.prefix.flag", N_("Flag"), SS_FT_UINT8,
                                 SS_BASE_HEX },
  [ICMPV6_F_OPT_PREFIX_FLAG_L] = { "icmpv6.opt.prefix.flag.l", N_("On-link flag(L)"),
                                   SS_FT_BOOLEAN, 8, NULL, 0x80, &set_notset_tfs },
  [ICMPV6_F_OPT_PREFIX_FLAG_A] = { "icmpv6.opt.prefix.flag.a",
                                   N_("Autonomous address-configuration flag(A)"), SS_FT_BOOLEAN,
                                   8, NULL, 0x40, &set_notset_tfs },
  [ICMPV6_F_OPT_PREFIX_FLAG_R] = { "icmpv6.opt.prefix.flag.r", N_("Router address flag(R)"),
                                   SS_FT_BOOLEAN, 8, NULL, 0x20, &set_notset_tfs },
  [ICMPV6_F_OPT_PREFIX_FLAG_RESERVED] = { "icmpv6.opt.prefix.flag.reserved", N_("Reserved"),
                                          SS_FT_UINT8, SS_BASE_DEC, NULL, 0x1f },
  [ICMPV6_F_OPT_PREFIX_VALID_LIFETIME] = { "icmpv6.opt.prefix.valid_lifetime",
                                           N_("Valid Lifetime"), SS_FT_UINT32, SS_BASE_DEC,
                                           infinity_vals },
  [ICMPV6_F_OPT_PREFIX_PREFERRED_LIFETIME] = { "icmpv6.opt.prefix.preferred_lifetime",
                                               N_("Preferred Lifetime"), SS_FT_UINT32,
                                               SS_BASE_DEC, infinity_vals },
  [ICMPV6_F_OPT_PREFIX] = { "icmpv6.opt.prefix", N_("Prefix"), SS_FT_IPv6 },
  [ICMPV6_F_OPT_REDIRECTED_PACKET] = { "icmpv6.opt.redirected_packet", N_("Redirected Packet"),
                                       SS_FT_NONE },
  [ICMPV6_F_OPT_MTU] = { "icmpv6.opt.mtu", N_("MTU"), SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_OPT_NBMA_SHORTCUT_LIMIT] = { "icmpv6.opt.nbma.shortcut_limit", N_("Shortcut Limit"),
                                         SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_OPT_ADVERTISEMENT_INTERVAL] = { "icmpv6.opt.advertisement_interval",
                                            N_("Advertisement Interval"), SS_FT_UINT32,
                                            SS_BASE_DEC },
  [ICMPV6_F_OPT_HOME_AGENT_PREFERENCE] = { "icmpv6.opt.home_agent_preference",
                                           N_("Home Agent Preference"), SS_FT_UINT16,
                                           SS_BASE_DEC },
  /* (sic: Wireshark names the lifetime "Home Agent Preference" too) */
  [ICMPV6_F_OPT_HOME_AGENT_LIFETIME] = { "icmpv6.opt.home_agent_lifetime",
                                         N_("Home Agent Preference"), SS_FT_UINT16,
                                         SS_BASE_DEC },
  [ICMPV6_F_OPT_IPV6_ADDRESS] = { "icmpv6.opt.ipv6_address", N_("IPv6 Address"), SS_FT_IPv6 },
  [ICMPV6_F_OPT_NONCE] = { "icmpv6.opt.nonce", N_("Nonce"), SS_FT_BYTES },
  [ICMPV6_F_OPT_ROUTE_INFO_FLAG] = { "icmpv6.opt.route_info.flag", N_("Flag"), SS_FT_UINT8,
                                     SS_BASE_HEX },
  [ICMPV6_F_OPT_ROUTE_INFO_FLAG_PREF] = { "icmpv6.opt.route_info.flag.route_preference",
                                          N_("Route Preference"), SS_FT_UINT8, SS_BASE_DEC,
                                          router_pref_vals, 0x18 },
  [ICMPV6_F_OPT_ROUTE_INFO_FLAG_RESERVED] = { "icmpv6.opt.route_info.flag.reserved",
                                              N_("Reserved"), SS_FT_UINT8, SS_BASE_DEC, NULL,
                                              0xe7 },
  [ICMPV6_F_OPT_ROUTE_LIFETIME] = { "icmpv6.opt.route_lifetime", N_("Route Lifetime"),
                                    SS_FT_UINT32, SS_BASE_DEC, infinity_vals },
  [ICMPV6_F_OPT_RDNSS_LIFETIME] = { "icmpv6.opt.rdnss.lifetime", N_("Lifetime"), SS_FT_UINT32,
                                    SS_BASE_DEC, rdnss_infinity_vals },
  [ICMPV6_F_OPT_RDNSS] = { "icmpv6.opt.rdnss", N_("Recursive DNS Servers"), SS_FT_IPv6 },
  [ICMPV6_F_OPT_DNSSL_LIFETIME] = { "icmpv6.opt.dnssl.lifetime", N_("Lifetime"), SS_FT_UINT32,
                                    SS_BASE_DEC, dnssl_infinity_vals },
  [ICMPV6_F_OPT_DNSSL] = { "icmpv6.opt.dnssl", N_("Domain Names"), SS_FT_STRING },
  [ICMPV6_F_MLD_MRD] = { "icmpv6.mld.maximum_response_delay", N_("Maximum Response Delay [ms]"),
                         SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_MLD_MULTICAST_ADDRESS] = { "icmpv6.mld.multicast_address", N_("Multicast Address"),
                                       SS_FT_IPv6 },
  [ICMPV6_F_MLD_MRC] = { "icmpv6.mld.maximum_response_code", N_("Maximum Response Code"),
                         SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_MLD_FLAG] = { "icmpv6.mld.flag", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_MLD_FLAG_S] = { "icmpv6.mld.flag.s", N_("Suppress Router-Side Processing"),
                            SS_FT_BOOLEAN, 8, NULL, 0x08, &true_false_tfs },
  [ICMPV6_F_MLD_FLAG_QRV] = { "icmpv6.mld.flag.qrv", N_("QRV (Querier's Robustness Variable)"),
                              SS_FT_UINT8, SS_BASE_DEC, NULL, 0x07 },
  [ICMPV6_F_MLD_FLAG_RSV] = { "icmpv6.mld.flag.reserved", N_("Reserved"), SS_FT_UINT8,
                              SS_BASE_DEC, NULL, 0xf0 },
  [ICMPV6_F_MLD_QQI] = { "icmpv6.mld.qqi", N_("QQIC (Querier's Query Interval Code)"),
                         SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_MLD_NB_SOURCES] = { "icmpv6.mld.nb_sources", N_("Number of Sources"), SS_FT_UINT16,
                                SS_BASE_DEC },
  [ICMPV6_F_MLD_SOURCE_ADDRESS] = { "icmpv6.mld.source_address", N_("Source Address"),
                                    SS_FT_IPv6 },
  [ICMPV6_F_MLDR_NB_MCAST_RECORDS] = { "icmpv6.mldr.nb_mcast_records",
                                       N_("Number of Multicast Address Records"), SS_FT_UINT16,
                                       SS_BASE_DEC },
  [ICMPV6_F_MLDR_MAR] = { "icmpv6.mldr.mar", N_("Multicast Address Record"), SS_FT_NONE },
  [ICMPV6_F_MLDR_MAR_RECORD_TYPE] = { "icmpv6.mldr.mar.record_type", N_("Record Type"),
                                      SS_FT_UINT8, SS_BASE_DEC, mldr_record_type_vals },
  [ICMPV6_F_MLDR_MAR_AUX_DATA_LEN] = { "icmpv6.mldr.mar.aux_data_len", N_("Aux Data Len"),
                                       SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_MLDR_MAR_NB_SOURCES] = { "icmpv6.mldr.mar.nb_sources", N_("Number of Sources"),
                                     SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_MLDR_MAR_MULTICAST_ADDRESS] = { "icmpv6.mldr.mar.multicast_address",
                                            N_("Multicast Address"), SS_FT_IPv6 },
  [ICMPV6_F_MLDR_MAR_SOURCE_ADDRESS] = { "icmpv6.mldr.mar.source_address", N_("Source Address"),
                                         SS_FT_IPv6 },
  [ICMPV6_F_MLDR_MAR_AUX_DATA] = { "icmpv6.mldr.mar.auxiliary_data", N_("Auxiliary Data"),
                                   SS_FT_BYTES },
  [ICMPV6_F_OPT_PREF64_SCALED_LIFETIME] = { "icmpv6.opt.pref64.scaled_lifetime",
                                            N_("Scaled Lifetime"), SS_FT_UINT16, SS_BASE_DEC, NULL,
                                            0xfff8 },
  [ICMPV6_F_OPT_PREF64_PLC] = { "icmpv6.opt.pref64.plc", N_("PLC (Prefix Length Code)"),
                                SS_FT_UINT16, SS_BASE_HEX, pref64_plc_vals, 0x7 },
  [ICMPV6_F_OPT_PREF64_PREFIX] = { "icmpv6.opt.pref64.prefix", N_("Prefix"), SS_FT_IPv6 },
  [ICMPV6_F_RR_SEQUENCE_NUMBER] = { "icmpv6.rr.sequence_number", N_("Sequence Number"),
                                    SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_RR_SEGMENT_NUMBER] = { "icmpv6.rr.segment_number", N_("Segment Number"), SS_FT_UINT8,
                                   SS_BASE_DEC },
  [ICMPV6_F_RR_FLAG] = { "icmpv6.rr.flag", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_RR_FLAG_T] = { "icmpv6.rr.flag.t", N_("Test Command"), SS_FT_BOOLEAN, 8, NULL, 0x80,
                           &set_notset_tfs },
  [ICMPV6_F_RR_FLAG_R] = { "icmpv6.rr.flag.r", N_("Result requested"), SS_FT_BOOLEAN, 8, NULL,
                           0x40, &set_notset_tfs },
  [ICMPV6_F_RR_FLAG_A] = { "icmpv6.rr.flag.a", N_("All Interfaces"), SS_FT_BOOLEAN, 8, NULL, 0x20,
                           &set_notset_tfs },
  [ICMPV6_F_RR_FLAG_S] = { "icmpv6.rr.flag.s", N_("Site-specific"), SS_FT_BOOLEAN, 8, NULL, 0x10,
                           &set_notset_tfs },
  [ICMPV6_F_RR_FLAG_P] = { "icmpv6.rr.flag.p", N_("Processed previously"), SS_FT_BOOLEAN, 8, NULL,
                           0x8, &set_notset_tfs },
  [ICMPV6_F_RR_FLAG_RSV] = { "icmpv6.rr.flag.rsv", N_("Reserved"), SS_FT_UINT8, SS_BASE_DEC, NULL,
                             0x7 },
  [ICMPV6_F_RR_MAXDELAY] = { "icmpv6.rr.maxdelay", N_("Max Delay"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_MP] = { "icmpv6.rr.pco.mp", N_("Match-Prefix Part"), SS_FT_NONE },
  [ICMPV6_F_RR_PCO_MP_OPCODE] = { "icmpv6.rr.pco.mp.opcode", N_("OpCode"), SS_FT_UINT8,
                                  SS_BASE_DEC, rr_opcode_vals },
  [ICMPV6_F_RR_PCO_MP_OPLENGTH] = { "icmpv6.rr.pco.mp.oplength", N_("OpLength"), SS_FT_UINT8,
                                    SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_MP_ORDINAL] = { "icmpv6.rr.pco.mp.ordinal", N_("Ordinal"), SS_FT_UINT8,
                                   SS_BASE_HEX },
  [ICMPV6_F_RR_PCO_MP_MATCHLEN] = { "icmpv6.rr.pco.mp.matchlen", N_("MatchLen"), SS_FT_UINT8,
                                    SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_MP_MINLEN] = { "icmpv6.rr.pco.mp.minlen", N_("MinLen"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_MP_MAXLEN] = { "icmpv6.rr.pco.mp.maxlen", N_("MaxLen"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_MP_MATCHPREFIX] = { "icmpv6.rr.pco.mp.matchprefix", N_("MatchPrefix"),
                                       SS_FT_IPv6 },
  [ICMPV6_F_RR_PCO_UP] = { "icmpv6.rr.pco.up", N_("Use-Prefix Part"), SS_FT_NONE },
  [ICMPV6_F_RR_PCO_UP_USELEN] = { "icmpv6.rr.pco.up.uselen", N_("UseLen"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_UP_KEEPLEN] = { "icmpv6.rr.pco.up.keeplen", N_("KeepLen"), SS_FT_UINT8,
                                   SS_BASE_DEC },
  [ICMPV6_F_RR_PCO_UP_FLAGMASK] = { "icmpv6.rr.pco.up.flagmask", N_("FlagMask"), SS_FT_UINT8,
                                    SS_BASE_HEX },
  [ICMPV6_F_RR_PCO_UP_FLAGMASK_L] = { "icmpv6.rr.pco.up.flagmask.l", N_("On-link flag(L)"),
                                      SS_FT_BOOLEAN, 8, NULL, 0x80, &set_notset_tfs },
  [ICMPV6_F_RR_PCO_UP_FLAGMASK_A] = { "icmpv6.rr.pco.up.flagmask.a",
                                      N_("Autonomous address-configuration flag(A)"),
                                      SS_FT_BOOLEAN, 8, NULL, 0x40, &set_notset_tfs },
  [ICMPV6_F_RR_PCO_UP_FLAGMASK_RESERVED] = { "icmpv6.rr.pco.up.flagmask.reserved", N_("Reserved"),
                                             SS_FT_UINT8, SS_BASE_DEC, NULL, 0x3f },
  [ICMPV6_F_RR_PCO_UP_RAFLAGS] = { "icmpv6.rr.pco.up.raflags", N_("RAFlags"), SS_FT_UINT8,
                                   SS_BASE_HEX },
  [ICMPV6_F_RR_PCO_UP_VALIDLIFETIME] = { "icmpv6.rr.pco.up.validlifetime", N_("Valid Lifetime"),
                                         SS_FT_UINT32, SS_BASE_DEC, infinity_vals },
  [ICMPV6_F_RR_PCO_UP_PREFERREDLIFETIME] = { "icmpv6.rr.pco.up.preferredlifetime",
                                             N_("Preferred Lifetime"), SS_FT_UINT32, SS_BASE_DEC,
                                             infinity_vals },
  [ICMPV6_F_RR_PCO_UP_FLAG] = { "icmpv6.rr.pco.up.flag", N_("Flags"), SS_FT_UINT32, SS_BASE_HEX },
  [ICMPV6_F_RR_PCO_UP_FLAG_V] = { "icmpv6.rr.pco.up.flag.v", N_("Decrement valid lifetime"),
                                  SS_FT_BOOLEAN, 32, NULL, 0x80000000, &set_notset_tfs },
  [ICMPV6_F_RR_PCO_UP_FLAG_P] = { "icmpv6.rr.pco.up.flag.p", N_("Decrement preferred lifetime"),
                                  SS_FT_BOOLEAN, 32, NULL, 0x40000000, &set_notset_tfs },
  [ICMPV6_F_RR_PCO_UP_FLAG_RESERVED] = { "icmpv6.rr.pco.up.flag.reserved", N_("Reserved"),
                                         SS_FT_UINT32, SS_BASE_DEC, NULL, 0x3fffffff },
  [ICMPV6_F_RR_PCO_UP_USEPREFIX] = { "icmpv6.rr.pco.up.useprefix", N_("UsePrefix"), SS_FT_IPv6 },
  [ICMPV6_F_RR_RM] = { "icmpv6.rr.rm", N_("Result Message"), SS_FT_NONE },
  [ICMPV6_F_RR_RM_FLAG] = { "icmpv6.rr.rm.flag", N_("Flags"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMPV6_F_RR_RM_FLAG_B] = { "icmpv6.rr.rm.flag.b", N_("Bounds"), SS_FT_BOOLEAN, 16, NULL, 0x2,
                              &set_notset_tfs },
  [ICMPV6_F_RR_RM_FLAG_F] = { "icmpv6.rr.rm.flag.f", N_("Forbidden"), SS_FT_BOOLEAN, 16, NULL, 0x1,
                              &set_notset_tfs },
  [ICMPV6_F_RR_RM_FLAG_RESERVED] = { "icmpv6.rr.rm.flag.reserved", N_("Reserved"), SS_FT_UINT16,
                                     SS_BASE_DEC, NULL, 0xfffc },
  [ICMPV6_F_RR_RM_ORDINAL] = { "icmpv6.rr.rm.ordinal", N_("Ordinal"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_RR_RM_MATCHEDLEN] = { "icmpv6.rr.rm.matchedlen", N_("MatchedLen"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RR_RM_INTERFACEINDEX] = { "icmpv6.rr.rm.interfaceindex", N_("InterfaceIndex"),
                                      SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_RR_RM_MATCHEDPREFIX] = { "icmpv6.rr.rm.matchedprefix", N_("MatchedPrefix"),
                                     SS_FT_IPv6 },
  [ICMPV6_F_NI_QTYPE] = { "icmpv6.ni.qtype", N_("Qtype"), SS_FT_UINT16, SS_BASE_DEC,
                          ni_qtype_vals },
  [ICMPV6_F_NI_FLAG] = { "icmpv6.ni.flag", N_("Flags"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMPV6_F_NI_FLAG_G] = { "icmpv6.ni.flag.g", N_("Global-scope addresses"), SS_FT_BOOLEAN, 16,
                           NULL, 0x20, &set_notset_tfs },
  [ICMPV6_F_NI_FLAG_S] = { "icmpv6.ni.flag.s", N_("Site-local addresses"), SS_FT_BOOLEAN, 16, NULL,
                           0x10, &set_notset_tfs },
  [ICMPV6_F_NI_FLAG_L] = { "icmpv6.ni.flag.l", N_("Link-local addresses"), SS_FT_BOOLEAN, 16, NULL,
                           0x8, &set_notset_tfs },
  [ICMPV6_F_NI_FLAG_C] = { "icmpv6.ni.flag.c", N_("Compression"), SS_FT_BOOLEAN, 16, NULL, 0x4,
                           &set_notset_tfs },
  [ICMPV6_F_NI_FLAG_A] = { "icmpv6.ni.flag.a", N_("Unicast Addresses"), SS_FT_BOOLEAN, 16, NULL,
                           0x2, &ni_flag_a_tfs },
  [ICMPV6_F_NI_FLAG_T] = { "icmpv6.ni.flag.t", N_("Truncated"), SS_FT_BOOLEAN, 16, NULL, 0x1,
                           &set_notset_tfs },
  [ICMPV6_F_NI_FLAG_RSV] = { "icmpv6.ni.flag.rsv", N_("Reserved"), SS_FT_UINT16, SS_BASE_HEX, NULL,
                             0xffc0 },
  [ICMPV6_F_NI_NONCE] = { "icmpv6.ni.nonce", N_("Nonce"), SS_FT_UINT64, SS_BASE_HEX },
  [ICMPV6_F_NI_QUERY_SUBJECT_IPV6] = { "icmpv6.ni.query.subject_ipv6", N_("IPv6 subject address"),
                                       SS_FT_IPv6 },
  [ICMPV6_F_NI_QUERY_SUBJECT_FQDN] = { "icmpv6.ni.query.subject_fqdn", N_("FQDN subject"),
                                       SS_FT_STRING },
  [ICMPV6_F_NI_QUERY_SUBJECT_IPV4] = { "icmpv6.ni.query.subject_ipv4", N_("IPv4 subject address"),
                                       SS_FT_IPv4 },
  [ICMPV6_F_NI_REPLY_NODE_TTL] = { "icmpv6.ni.reply.node_ttl", N_("TTL"), SS_FT_UINT32,
                                   SS_BASE_DEC },
  [ICMPV6_F_NI_REPLY_NODE_NAME] = { "icmpv6.ni.reply.node_name", N_("Name Node"), SS_FT_STRING },
  [ICMPV6_F_NI_REPLY_NODE_ADDRESS] = { "icmpv6.ni.reply.node_address", N_("IPv6 Node address"),
                                       SS_FT_IPv6 },
  [ICMPV6_F_NI_REPLY_IPV4_ADDRESS] = { "icmpv6.ni.reply.ipv4_address", N_("IPv4 Node address"),
                                       SS_FT_IPv4 },
  [ICMPV6_F_MIP6_IDENTIFIER] = { "icmpv6.mip6.identifier", N_("Identifier"), SS_FT_UINT16,
                                 SS_BASE_DEC_HEX },
  [ICMPV6_F_MIP6_HOME_AGENT_ADDRESS] = { "icmpv6.mip6.home_agent_address",
                                         N_("Home Agent Address"), SS_FT_IPv6 },
  [ICMPV6_F_MIP6_FLAG] = { "icmpv6.mip6.flag", N_("Flags"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMPV6_F_MIP6_FLAG_M] = { "icmpv6.mip6.flag.m", N_("Managed address configuration"),
                             SS_FT_BOOLEAN, 16, NULL, 0x8000, &set_notset_tfs },
  [ICMPV6_F_MIP6_FLAG_O] = { "icmpv6.mip6.flag.o", N_("Other configuration"), SS_FT_BOOLEAN, 16,
                             NULL, 0x4000, &set_notset_tfs },
  [ICMPV6_F_MIP6_FLAG_RSV] = { "icmpv6.mip6.flag.rsv", N_("Reserved"), SS_FT_UINT16, SS_BASE_DEC,
                               NULL, 0x3fff },
  [ICMPV6_F_SEND_IDENTIFIER] = { "icmpv6.send.identifier", N_("Identifier"), SS_FT_UINT16,
                                 SS_BASE_DEC },
  [ICMPV6_F_SEND_ALL_COMPONENTS] = { "icmpv6.send.all_components", N_("All Components"),
                                     SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_SEND_COMPONENT] = { "icmpv6.send.component", N_("Component"), SS_FT_UINT16,
                                SS_BASE_DEC },
  [ICMPV6_F_MCAST_RA_QUERY_INTERVAL] = { "icmpv6.mcast_ra.query_interval", N_("Query Interval"),
                                         SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_MCAST_RA_ROBUSTNESS_VARIABLE] = { "icmpv6.mcast_ra.robustness_variable",
                                              N_("Robustness Variable"), SS_FT_UINT16,
                                              SS_BASE_DEC },
  [ICMPV6_F_RPL_DIS_FLAGS] = { "icmpv6.rpl.dis.flags", N_("Flags"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_DIO_INSTANCE] = { "icmpv6.rpl.dio.instance", N_("RPLInstanceID"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RPL_DIO_VERSION] = { "icmpv6.rpl.dio.version", N_("Version"), SS_FT_UINT8,
                                 SS_BASE_DEC },
  [ICMPV6_F_RPL_DIO_RANK] = { "icmpv6.rpl.dio.rank", N_("Rank"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RPL_DIO_FLAG] = { "icmpv6.rpl.dio.flag", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_RPL_DIO_FLAG_G] = { "icmpv6.rpl.dio.flag.g", N_("Grounded (G)"), SS_FT_BOOLEAN, 8,
                                NULL, 0x80, &true_false_tfs },
  [ICMPV6_F_RPL_DIO_FLAG_0] = { "icmpv6.rpl.dio.flag.0", N_("Zero"), SS_FT_BOOLEAN, 8, NULL, 0x40,
                                &true_false_tfs },
  [ICMPV6_F_RPL_DIO_FLAG_MOP] = { "icmpv6.rpl.dio.flag.mop", N_("Mode of Operation (MOP)"),
                                  SS_FT_UINT8, SS_BASE_HEX, rpl_dio_mop_vals, 0x38 },
  [ICMPV6_F_RPL_DIO_FLAG_PRF] = { "icmpv6.rpl.dio.flag.preference", N_("DODAG Preference"),
                                  SS_FT_UINT8, SS_BASE_DEC, NULL, 0x7 },
  [ICMPV6_F_RPL_DIO_DTSN] = { "icmpv6.rpl.dio.dtsn",
                              N_("Destination Advertisement Trigger Sequence Number (DTSN)"),
                              SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_DIO_DAGID] = { "icmpv6.rpl.dio.dagid", N_("DODAGID"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_DAO_INSTANCE] = { "icmpv6.rpl.dao.instance", N_("RPLInstanceID"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RPL_DAO_FLAG] = { "icmpv6.rpl.dao.flag", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_RPL_DAO_FLAG_K] = { "icmpv6.rpl.dao.flag.k", N_("DAO-ACK Request (K)"), SS_FT_BOOLEAN,
                                8, NULL, 0x80, &true_false_tfs },
  [ICMPV6_F_RPL_DAO_FLAG_D] = { "icmpv6.rpl.dao.flag.d", N_("DODAGID Present (D)"), SS_FT_BOOLEAN,
                                8, NULL, 0x40, &true_false_tfs },
  [ICMPV6_F_RPL_DAO_FLAG_RSV] = { "icmpv6.rpl.dao.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                  SS_BASE_DEC, NULL, 0x3f },
  [ICMPV6_F_RPL_DAO_SEQUENCE] = { "icmpv6.rpl.dao.sequence", N_("DAO Sequence"), SS_FT_UINT8,
                                  SS_BASE_DEC },
  [ICMPV6_F_RPL_DAO_DODAGID] = { "icmpv6.rpl.dao.dodagid", N_("DODAGID"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_DAOACK_INSTANCE] = { "icmpv6.rpl.daoack.instance", N_("RPLInstanceID"),
                                     SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_DAOACK_FLAG] = { "icmpv6.rpl.daoack.flag", N_("Flag"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_RPL_DAOACK_FLAG_D] = { "icmpv6.rpl.daoack.flag.d", N_("DODAGID Present (D)"),
                                   SS_FT_BOOLEAN, 8, NULL, 0x80, &true_false_tfs },
  [ICMPV6_F_RPL_DAOACK_FLAG_RSV] = { "icmpv6.rpl.daoack.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                     SS_BASE_DEC, NULL, 0x7f },
  [ICMPV6_F_RPL_DAOACK_SEQUENCE] = { "icmpv6.rpl.daoack.sequence", N_("DAO-ACK Sequence"),
                                     SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_DAOACK_STATUS] = { "icmpv6.rpl.daoack.status", N_("Status"), SS_FT_UINT8,
                                   SS_BASE_DEC },
  [ICMPV6_F_RPL_DAOACK_DODAGID] = { "icmpv6.rpl.daoack.dodagid", N_("DODAGID"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_CC_INSTANCE] = { "icmpv6.rpl.cc.instance", N_("RPLInstanceID"), SS_FT_UINT8,
                                 SS_BASE_DEC },
  [ICMPV6_F_RPL_CC_FLAG] = { "icmpv6.rpl.cc.flag", N_("Flag"), SS_FT_UINT8, SS_BASE_HEX },
  [ICMPV6_F_RPL_CC_FLAG_R] = { "icmpv6.rpl.cc.flag.r", N_("Response (R)"), SS_FT_BOOLEAN, 8, NULL,
                               0x80, &true_false_tfs },
  [ICMPV6_F_RPL_CC_FLAG_RSV] = { "icmpv6.rpl.cc.flag.rsv", N_("Reserved"), SS_FT_UINT8,
                                 SS_BASE_DEC, NULL, 0x7f },
  [ICMPV6_F_RPL_CC_NONCE] = { "icmpv6.rpl.cc.nonce", N_("CC Nonce"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMPV6_F_RPL_CC_DODAGID] = { "icmpv6.rpl.cc.dodagid", N_("DODAGID"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_CC_DESTINATION_COUNTER] = { "icmpv6.rpl.cc.destination_counter",
                                            N_("Destination Counter"), SS_FT_UINT32, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_TYPE] = { "icmpv6.rpl.opt.type", N_("Type"), SS_FT_UINT8, SS_BASE_DEC,
                              rpl_option_vals },
  [ICMPV6_F_RPL_OPT_LENGTH] = { "icmpv6.rpl.opt.length", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_RESERVED] = { "icmpv6.rpl.opt.reserved", N_("Reserved"), SS_FT_NONE },
  [ICMPV6_F_RPL_OPT_PADN] = { "icmpv6.rpl.opt.padn", N_("Paddn"), SS_FT_NONE },
  [ICMPV6_F_RPL_OPT_ROUTE_PREFIX_LENGTH] = { "icmpv6.rpl.opt.route.prefix_length",
                                             N_("Prefix Length"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_ROUTE_FLAG] = { "icmpv6.rpl.opt.route.flag", N_("Flag"), SS_FT_UINT8,
                                    SS_BASE_HEX },
  [ICMPV6_F_RPL_OPT_ROUTE_PREF] = { "icmpv6.rpl.opt.route.pref", N_("Preference"), SS_FT_UINT8,
                                    SS_BASE_DEC, router_pref_vals, 0x18 },
  [ICMPV6_F_RPL_OPT_ROUTE_RESERVED] = { "icmpv6.rpl.opt.route.reserved", N_("Reserved"),
                                        SS_FT_UINT8, SS_BASE_DEC, NULL, 0xe7 },
  [ICMPV6_F_RPL_OPT_ROUTE_LIFETIME] = { "icmpv6.rpl.opt.route.lifetime", N_("Route Lifetime"),
                                        SS_FT_UINT32, SS_BASE_DEC, infinity_vals },
  [ICMPV6_F_RPL_OPT_ROUTE_PREFIX] = { "icmpv6.rpl.opt.route.prefix", N_("Prefix"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_OPT_CONFIG_FLAG] = { "icmpv6.rpl.opt.config.flag", N_("Flag"), SS_FT_UINT8,
                                     SS_BASE_HEX },
  [ICMPV6_F_RPL_OPT_CONFIG_RESERVED] = { "icmpv6.rpl.opt.config.reserved", N_("Reserved"),
                                         SS_FT_UINT8, SS_BASE_DEC, NULL, 0xf0 },
  [ICMPV6_F_RPL_OPT_CONFIG_AUTH] = { "icmpv6.rpl.opt.config.auth", N_("Authentication Enabled"),
                                     SS_FT_BOOLEAN, 8, NULL, 0x8, &set_notset_tfs },
  [ICMPV6_F_RPL_OPT_CONFIG_PCS] = { "icmpv6.rpl.opt.config.pcs", N_("Path Control Size"),
                                    SS_FT_UINT8, SS_BASE_DEC, NULL, 0x7 },
  [ICMPV6_F_RPL_OPT_CONFIG_DOUBLINGS] = { "icmpv6.rpl.opt.config.interval_double",
                                          N_("DIOIntervalDoublings"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_MIN_INTERVAL] = { "icmpv6.rpl.opt.config.interval_min",
                                             N_("DIOIntervalMin"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_REDUNDANCY] = { "icmpv6.rpl.opt.config.redundancy",
                                           N_("DIORedundancyConstant"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_RANK_INCR] = { "icmpv6.rpl.opt.config.max_rank_inc", N_("MaxRankInc"),
                                          SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_HOP_RANK_INC] = { "icmpv6.rpl.opt.config.min_hop_rank_inc",
                                             N_("MinHopRankInc"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_OCP] = { "icmpv6.rpl.opt.config.ocp", N_("OCP (Objective Code Point)"),
                                    SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_RSV] = { "icmpv6.rpl.opt.config.rsv", N_("Reserved"), SS_FT_UINT8,
                                    SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_DEF_LIFETIME] = { "icmpv6.rpl.opt.config.def_lifetime",
                                             N_("Default Lifetime"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_CONFIG_LIFETIME_UNIT] = { "icmpv6.rpl.opt.config.lifetime_unit",
                                              N_("Lifetime Unit"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_TARGET_FLAG] = { "icmpv6.rpl.opt.target.flag", N_("Reserved"), SS_FT_NONE },
  [ICMPV6_F_RPL_OPT_TARGET_PREFIX_LENGTH] = { "icmpv6.rpl.opt.target.prefix_length",
                                              N_("Target Length"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_TARGET_PREFIX] = { "icmpv6.rpl.opt.target.prefix", N_("Target"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_OPT_TRANSIT_FLAG] = { "icmpv6.rpl.opt.transit.flag", N_("Flags"), SS_FT_UINT8,
                                      SS_BASE_HEX },
  [ICMPV6_F_RPL_OPT_TRANSIT_FLAG_E] = { "icmpv6.rpl.opt.transit.flag.e", N_("External"),
                                        SS_FT_BOOLEAN, 8, NULL, 0x80, &set_notset_tfs },
  [ICMPV6_F_RPL_OPT_TRANSIT_FLAG_RSV] = { "icmpv6.rpl.opt.transit.flag.rsv", N_("Reserved"),
                                          SS_FT_UINT8, SS_BASE_DEC, NULL, 0x7f },
  [ICMPV6_F_RPL_OPT_TRANSIT_PATHCTL] = { "icmpv6.rpl.opt.transit.pathctl", N_("Path Control"),
                                         SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_TRANSIT_PATHSEQ] = { "icmpv6.rpl.opt.transit.pathseq", N_("Path Sequence"),
                                         SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_TRANSIT_PATHLIFETIME] = { "icmpv6.rpl.opt.transit.pathlifetime",
                                              N_("Path Lifetime"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_TRANSIT_PARENT] = { "icmpv6.rpl.opt.transit.parent", N_("Parent Address"),
                                        SS_FT_IPv6 },
  [ICMPV6_F_RPL_OPT_SOLICITED_INSTANCE] = { "icmpv6.rpl.opt.solicited.instance", N_("Instance"),
                                            SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_SOLICITED_FLAG] = { "icmpv6.rpl.opt.solicited.flag", N_("Flag"), SS_FT_UINT8,
                                        SS_BASE_HEX },
  [ICMPV6_F_RPL_OPT_SOLICITED_FLAG_V] = { "icmpv6.rpl.opt.solicited.flag.v",
                                          N_("Version predicate"), SS_FT_BOOLEAN, 8, NULL, 0x80,
                                          &true_false_tfs },
  [ICMPV6_F_RPL_OPT_SOLICITED_FLAG_I] = { "icmpv6.rpl.opt.solicited.flag.i",
                                          N_("InstanceID predicate"), SS_FT_BOOLEAN, 8, NULL, 0x40,
                                          &true_false_tfs },
  [ICMPV6_F_RPL_OPT_SOLICITED_FLAG_D] = { "icmpv6.rpl.opt.solicited.flag.d",
                                          N_("DODAGID predicate"), SS_FT_BOOLEAN, 8, NULL, 0x20,
                                          &true_false_tfs },
  [ICMPV6_F_RPL_OPT_SOLICITED_FLAG_RSV] = { "icmpv6.rpl.opt.solicited.flag.rsv", N_("Reserved"),
                                            SS_FT_UINT8, SS_BASE_DEC, NULL, 0x1f },
  [ICMPV6_F_RPL_OPT_SOLICITED_DODAGID] = { "icmpv6.rpl.opt.solicited.dodagid", N_("DODAGID"),
                                           SS_FT_IPv6 },
  [ICMPV6_F_RPL_OPT_SOLICITED_VERSION] = { "icmpv6.rpl.opt.solicited.version", N_("Version"),
                                           SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_PREFIX_LENGTH] = { "icmpv6.rpl.opt.prefix.length", N_("Prefix Length"),
                                       SS_FT_UINT8, SS_BASE_DEC },
  [ICMPV6_F_RPL_OPT_PREFIX_FLAG] = { "icmpv6.rpl.opt.prefix.flag", N_("Flag"), SS_FT_UINT8,
                                     SS_BASE_HEX },
  [ICMPV6_F_RPL_OPT_PREFIX_FLAG_L] = { "icmpv6.rpl.opt.prefix.flag.l", N_("On Link"),
                                       SS_FT_BOOLEAN, 8, NULL, 0x80, &set_notset_tfs },
  [ICMPV6_F_RPL_OPT_PREFIX_FLAG_A] = { "icmpv6.rpl.opt.config.flag.a", N_("Auto Address Config"),
                                       SS_FT_BOOLEAN, 8, NULL, 0x40, &set_notset_tfs },
  [ICMPV6_F_RPL_OPT_PREFIX_FLAG_R] = { "icmpv6.rpl.opt.config.flag.r", N_("Router Address"),
                                       SS_FT_BOOLEAN, 8, NULL, 0x20, &set_notset_tfs },
  [ICMPV6_F_RPL_OPT_PREFIX_FLAG_RSV] = { "icmpv6.rpl.opt.config.flag.rsv", N_("Reserved"),
                                         SS_FT_UINT8, SS_BASE_DEC, NULL, 0x1f },
  [ICMPV6_F_RPL_OPT_PREFIX_VLIFETIME] = { "icmpv6.rpl.opt.prefix.valid_lifetime",
                                          N_("Valid Lifetime"), SS_FT_UINT32, SS_BASE_DEC,
                                          infinity_vals },
  [ICMPV6_F_RPL_OPT_PREFIX_PLIFETIME] = { "icmpv6.rpl.opt.prefix.preferred_lifetime",
                                          N_("Preferred Lifetime"), SS_FT_UINT32, SS_BASE_DEC,
                                          infinity_vals },
  [ICMPV6_F_RPL_OPT_PREFIX] = { "icmpv6.rpl.opt.prefix", N_("Destination Prefix"), SS_FT_IPv6 },
  [ICMPV6_F_RPL_OPT_TARGETDESC] = { "icmpv6.rpl.opt.targetdesc.descriptor", N_("Descriptor"),
                                    SS_FT_UINT32, SS_BASE_HEX },
};
G_STATIC_ASSERT (G_N_ELEMENTS (icmpv6_fields) == ICMPV6_F_COUNT);

enum
{
  ICMPV6_E_CHECKSUM,
  ICMPV6_E_INVALID_OPTION_LENGTH,
  ICMPV6_E_UNDECODED_OPTION,
  ICMPV6_E_UNKNOWN_DATA,
  ICMPV6_E_UNDECODED_TYPE,
  ICMPV6_E_UNDECODED_RPL_OPTION,
  ICMPV6_E_RR_MATCHLEN,
  ICMPV6_E_RR_MATCHEDLEN,
  ICMPV6_E_RESP_NOT_FOUND,
  ICMPV6_E_COUNT
};

static const SsExpertDef icmpv6_experts[] = {
  [ICMPV6_E_CHECKSUM] = { "icmpv6.checksum_bad.expert", SS_EXPERT_GROUP_CHECKSUM,
                          SS_EXPERT_WARN, N_("Bad checksum") },
  [ICMPV6_E_INVALID_OPTION_LENGTH] = { "icmpv6.invalid_option_length", SS_EXPERT_GROUP_MALFORMED,
                                       SS_EXPERT_ERROR, N_("Invalid Option Length") },
  [ICMPV6_E_UNDECODED_OPTION] = { "icmpv6.undecoded.option", SS_EXPERT_GROUP_UNDECODED,
                                  SS_EXPERT_NOTE, N_("Undecoded option") },
  [ICMPV6_E_UNKNOWN_DATA] = { "icmpv6.unknown_data.expert", SS_EXPERT_GROUP_MALFORMED,
                              SS_EXPERT_ERROR, N_("Unknown Data (not interpreted)") },
  [ICMPV6_E_UNDECODED_TYPE] = { "icmpv6.undecoded.type", SS_EXPERT_GROUP_UNDECODED,
                                SS_EXPERT_NOTE, N_("Undecoded type") },
  [ICMPV6_E_UNDECODED_RPL_OPTION] = { "icmpv6.undecoded.rpl_option", SS_EXPERT_GROUP_UNDECODED,
                                      SS_EXPERT_NOTE, N_("Undecoded RPL Option") },
  [ICMPV6_E_RR_MATCHLEN] = { "icmpv6.rr.pco.mp.matchlen.gt128", SS_EXPERT_GROUP_PROTOCOL,
                             SS_EXPERT_WARN, N_("MatchLen is greater than 128") },
  [ICMPV6_E_RR_MATCHEDLEN] = { "icmpv6.rr.pco.mp.matchedlen.gt128", SS_EXPERT_GROUP_PROTOCOL,
                               SS_EXPERT_WARN, N_("MatchedLen is greater than 128") },
  [ICMPV6_E_RESP_NOT_FOUND] = { "icmpv6.resp_not_found", SS_EXPERT_GROUP_SEQUENCE,
                                SS_EXPERT_WARN, N_("Response not found") },
};

static const SsIcmpEchoFields icmpv6_echo_fields = {
  ICMPV6_F_RESP_IN, ICMPV6_F_NO_RESP, ICMPV6_F_RESP_TO, ICMPV6_F_RESPTIME, ICMPV6_E_RESP_NOT_FOUND
};
G_STATIC_ASSERT (G_N_ELEMENTS (icmpv6_experts) == ICMPV6_E_COUNT);

/* One bit field of a flags word, for the summary Wireshark puts on the word's line. */
typedef struct
{
  guint32              mask;
  const char          *name;
  const SsValueString *vals;   /* NULL: a flag, named when set */
} BitDesc;

static const BitDesc ra_bits[] = {
  { 0x80, "Managed address configuration" }, { 0x40, "Other configuration" },
  { 0x20, "Home Agent" }, { 0x18, "Prf (Default Router Preference)", router_pref_vals },
  { 0x04, "Proxy" }, { 0, NULL }
};

static const BitDesc na_bits[] = {
  { 0x80000000, "Router" }, { 0x40000000, "Solicited" }, { 0x20000000, "Override" },
  { 0, NULL }
};

static const BitDesc prefix_bits[] = {
  { 0x80, "On-link flag(L)" }, { 0x40, "Autonomous address-configuration flag(A)" },
  { 0x20, "Router address flag(R)" }, { 0, NULL }
};

static const BitDesc route_info_bits[] = {
  { 0x18, "Route Preference", router_pref_vals }, { 0, NULL }
};

static const BitDesc mld_bits[] = {
  { 0x08, "Suppress Router-Side Processing" }, { 0, NULL }
};

/* The hop limit of the IPv6 header this message came in (RFC 8200 §3), for the Info column:
 * found by looking back for a version 6 header whose extension header chain ends in ICMPv6
 * exactly here. -1 when none is found. */
static gint
enclosing_ipv6_hlim (const SsPacket *pkt,
                     const SsReader *r)
{
  SsReader fr;

  if (pkt->n_sources != 0 || !pkt->data || r->base < 40)
    return -1;
  ss_reader_init (&fr, pkt->data, pkt->caplen, pkt->len, NULL);
  /* extension headers are multiples of 8 bytes; 64 candidates cover any real chain */
  for (guint k = 0; k < 64 && 40 + 8 * k <= r->base; k++)
    {
      guint p = r->base - 40 - 8 * k;
      guint q = p + 40, steps = 0;
      guint8 nxt;

      if (!ss_reader_has (&fr, p, 40) || (ss_reader_get_u8 (&fr, p) >> 4) != 6)
        continue;
      nxt = ss_reader_get_u8 (&fr, p + 6);
      while (q < r->base && steps++ < 64 && ss_reader_has (&fr, q, 2))
        {
          guint8 next = ss_reader_get_u8 (&fr, q);

          if (nxt == 0 || nxt == 43 || nxt == 60)
            q += (ss_reader_get_u8 (&fr, q + 1) + 1u) * 8;
          else if (nxt == 44)
            q += 8;
          else
            break;
          nxt = next;
        }
      if (q == r->base && nxt == 58)
        return ss_reader_get_u8 (&fr, p + 7);
    }
  return -1;
}

/* "Flags: 0x60000000, Solicited, Override": Wireshark's label for a flags word. */
static void
set_bitmask_text (SsPacket      *pkt,
                  SsItem        *it,
                  const char    *name,
                  guint32        value,
                  guint          digits,
                  const BitDesc *bits)
{
  g_autoptr(GString) s = NULL;

  if (!it || !pkt->full)
    return;
  s = g_string_new (NULL);
  g_string_append_printf (s, "%s: 0x%0*x", name, (int) digits, value);
  for (const BitDesc *b = bits; b->mask; b++)
    {
      guint32 v = (value & b->mask) >> __builtin_ctz (b->mask);

      if (b->vals)
        {
          const char *vn = ss_value_string_lookup (b->vals, v);

          g_string_append_printf (s, ", %s: %s", b->name, vn ? vn : "Unknown");
        }
      else if (v)
        g_string_append_printf (s, ", %s", b->name);
    }
  ss_item_set_text (pkt, it, "%s", s->str);
}

static const char *
ipv6_to_str (SsPacket     *pkt,
             const guint8 *a)
{
  char buf[48];

  ss_format_ipv6 (a, buf, sizeof buf);
  return ss_arena_strdup (pkt->arena, buf);
}

static const char *
ether_to_str (SsPacket     *pkt,
              const guint8 *a)
{
  return ss_arena_printf (pkt->arena, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3],
                          a[4], a[5]);
}

static const char *
eui64_to_str (SsPacket     *pkt,
              const guint8 *a)
{
  return ss_arena_printf (pkt->arena, "%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1],
                          a[2], a[3], a[4], a[5], a[6], a[7]);
}

/* RFC 4443 §2.3: the checksum over the pseudo-header and the whole message, correct when the
 * sum, the checksum field included, is all ones. */
static void
add_checksum (SsLayer *l,
              guint    len)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  const SsAddress *src = &pkt->net_src, *dst = &pkt->net_dst;
  SsItem *it = ss_layer_add_item (l, NULL, ICMPV6_F_CHECKSUM, 2, 2, SS_ENC_BE);
  guint64 sum = 0, rest;
  guint16 should_be;
  guint i;

  if (ss_reader_failed (r))
    return;
  for (i = 0; i + 1 < src->len; i += 2)
    sum += (guint) src->data[i] << 8 | src->data[i + 1];
  for (i = 0; i + 1 < dst->len; i += 2)
    sum += (guint) dst->data[i] << 8 | dst->data[i + 1];
  sum += (len >> 16) + (len & 0xffff) + 58;
  rest = sum;
  for (i = 0; i + 1 < len; i += 2)
    {
      guint16 w = ss_reader_get_ntohs (r, i);

      sum += w;
      if (i != 2)
        rest += w;
    }
  if (i < len)
    {
      sum += (guint) ss_reader_get_u8 (r, i) << 8;
      rest += (guint) ss_reader_get_u8 (r, i) << 8;
    }
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  while (rest >> 16)
    rest = (rest & 0xffff) + (rest >> 16);
  if (sum == 0xffff)
    {
      ss_item_append_text (pkt, it, " [correct]");
      ss_item_set_flags (ss_layer_add_uint (l, NULL, ICMPV6_F_CHECKSUM_STATUS, 2, 0, CKSUM_GOOD),
                         SS_ITEM_GENERATED);
      return;
    }
  should_be = (guint16) ~rest;
  ss_item_set_flags (ss_layer_add_uint (l, NULL, ICMPV6_F_CHECKSUM_STATUS, 2, 0, CKSUM_BAD),
                     SS_ITEM_GENERATED);
  ss_item_append_text (pkt, it, " incorrect, should be 0x%04x", should_be);
  ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_CHECKSUM,
                        _("Bad checksum [should be 0x%04x]"), should_be);
}

/* The extension structure at @off, as ICMP items under this message's node. */
static void
dissect_icmp_extensions (SsLayer *l,
                         guint    off)
{
  SsPacket *pkt = l->pkt;
  SsLayer el = { pkt, l->r, SS_PROTO_ICMP, pkt->bases[SS_PROTO_ICMP], l->top };

  if (off >= l->r->reported)
    return;
  ss_packet_add_protocols_entry (pkt, "icmp");
  ss_icmp_dissect_extensions (&el, off);
}

/* The invoking packet quoted by an error message or a redirected header option (RFC 4443
 * §2.4 (c)): IPv6 when it looks like it, data otherwise. Returns FALSE when it failed. */
static gboolean
dissect_contained (SsPacket *pkt,
                   SsReader *r,
                   guint     off,
                   gint      len)
{
  SsReader inner;
  SsPacketColumns saved;
  guint8 v = ss_reader_get_u8 (r, off);

  if (ss_reader_failed (r))
    return FALSE;
  ss_reader_sub (r, off, len, &inner);
  ss_packet_save_columns (pkt, &saved);
  pkt->want_columns = FALSE;
  ss_packet_call (pkt, (v & 0xf0) == 0x60 ? &ss_proto_ipv6 : NULL, &inner, 0);
  /* Wireshark's dissectors know when they read a quoted packet (in_error_pkt) and accept its
   * transport header cut short; ours do not, so what fails past a complete IPv6 header is not
   * held against the packet. */
  if (pkt->status != saved.status && (v & 0xf0) == 0x60 && ss_reader_has (&inner, 0, 40))
    pkt->status = saved.status;
  ss_packet_restore_columns (pkt, &saved);
  return pkt->status == saved.status;
}

static const BitDesc rr_bits[] = {
  { 0x80, "Test Command" }, { 0x40, "Result requested" }, { 0x20, "All Interfaces" },
  { 0x10, "Site-specific" }, { 0x08, "Processed previously" }, { 0, NULL }
};

static const BitDesc rr_prefix_bits[] = {
  { 0x80, "On-link flag(L)" }, { 0x40, "Autonomous address-configuration flag(A)" },
  { 0, NULL }
};

static const BitDesc rr_up_bits[] = {
  { 0x80000000, "Decrement valid lifetime" }, { 0x40000000, "Decrement preferred lifetime" },
  { 0, NULL }
};

static const BitDesc rr_rm_bits[] = {
  { 0x2, "Bounds" }, { 0x1, "Forbidden" }, { 0, NULL }
};

static const BitDesc ni_bits[] = {
  { 0x20, "Global-scope addresses" }, { 0x10, "Site-local addresses" },
  { 0x08, "Link-local addresses" }, { 0x04, "Compression" }, { 0x02, "Unicast Addresses" },
  { 0x01, "Truncated" }, { 0, NULL }
};

static const BitDesc mip6_bits[] = {
  { 0x8000, "Managed address configuration" }, { 0x4000, "Other configuration" }, { 0, NULL }
};

static const BitDesc rpl_dio_bits[] = {
  { 0x80, "Grounded (G)" }, { 0x40, "Zero" }, { 0x38, "Mode of Operation (MOP)", rpl_dio_mop_vals },
  { 0, NULL }
};

static const BitDesc rpl_dao_bits[] = {
  { 0x80, "DAO-ACK Request (K)" }, { 0x40, "DODAGID Present (D)" }, { 0, NULL }
};

static const BitDesc rpl_daoack_bits[] = {
  { 0x80, "DODAGID Present (D)" }, { 0, NULL }
};

static const BitDesc rpl_cc_bits[] = {
  { 0x80, "Response (R)" }, { 0, NULL }
};

static const BitDesc rpl_route_bits[] = {
  { 0x18, "Preference", router_pref_vals }, { 0, NULL }
};

static const BitDesc rpl_config_bits[] = {
  { 0x08, "Authentication Enabled" }, { 0, NULL }
};

static const BitDesc rpl_transit_bits[] = {
  { 0x80, "External" }, { 0, NULL }
};

static const BitDesc rpl_solicited_bits[] = {
  { 0x80, "Version predicate" }, { 0x40, "InstanceID predicate" }, { 0x20, "DODAGID predicate" },
  { 0, NULL }
};

static const BitDesc rpl_prefix_bits[] = {
  { 0x80, "On Link" }, { 0x40, "Auto Address Config" }, { 0x20, "Router Address" }, { 0, NULL }
};

/* A flags word and its bit fields @first..@last, labelled as Wireshark's bitmask items are. */
static SsItem *
add_bitmask (SsLayer       *l,
             SsItem        *parent,
             guint          field,
             guint          first,
             guint          last,
             guint          off,
             guint          len,
             const BitDesc *bits)
{
  SsReader *r = l->r;
  SsItem *it = ss_layer_add_item (l, parent, field, off, len, SS_ENC_BE);
  guint32 v;

  if (ss_reader_failed (r))
    return it;
  v = len == 1 ? ss_reader_get_u8 (r, off) : len == 2 ? ss_reader_get_ntohs (r, off)
                                                      : ss_reader_get_ntohl (r, off);
  set_bitmask_text (l->pkt, it, _(icmpv6_fields[field].name), v, len * 2, bits);
  for (guint f = first; f <= last; f++)
    ss_layer_add_item (l, it, f, off, len, SS_ENC_BE);
  return it;
}

/* A prefix of @n bytes padded with zeros to an IPv6 address, as Wireshark shows short ones. */
static const char *
add_short_prefix (SsLayer *l,
                  SsItem  *parent,
                  guint    field,
                  guint    off,
                  guint    n)
{
  guint8 a[16] = { 0 };

  if (!ss_reader_copy (l->r, off, n, a))
    {
      ss_layer_add_item (l, parent, field, off, n, SS_ENC_BE);
      return NULL;
    }
  ss_layer_add_address (l, parent, field, off, n, a);
  return ipv6_to_str (l->pkt, a);
}

/* An item without a value: Wireshark lets it run past the end, as it reads nothing. */
static SsItem *
add_none (SsLayer *l,
          SsItem  *parent,
          guint    field,
          guint    off,
          guint    len)
{
  return ss_layer_add_uint (l, parent, field, off, MIN (len, ss_reader_remaining (l->r, off)), 0);
}

/* The link-layer address options (RFC 4861 §4.6.1): a MAC address in an 8-byte option, an
 * EUI-64 in a 16-byte one padded with six zero bytes (RFC 4944 §8). */
static guint
dissect_linkaddr_opt (SsLayer    *l,
                      SsItem     *opt,
                      guint       o,
                      guint       opt_len,
                      gboolean    target,
                      GString    *label)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  guint f = target ? ICMPV6_F_OPT_TARGET_LINKADDR : ICMPV6_F_OPT_SRC_LINKADDR;

  if (opt_len == 8)
    {
      const guint8 *a = ss_reader_peek (r, o, 6);
      const char *s;

      ss_layer_add_item (l, opt, ICMPV6_F_OPT_LINKADDR, o, 6, SS_ENC_BE);
      ss_item_set_flags (ss_layer_add_item (l, opt, f, o, 6, SS_ENC_BE), SS_ITEM_HIDDEN);
      if (!a)
        return o;
      s = ether_to_str (pkt, a);
      ss_packet_append_info (pkt, target ? " is at %s" : " from %s", s);
      g_string_append_printf (label, " : %s", s);
    }
  else if (opt_len == 16 && ss_reader_get_ntohl (r, o + 8) == 0
           && ss_reader_get_ntohs (r, o + 12) == 0 && !ss_reader_failed (r))
    {
      const guint8 *a = ss_reader_peek (r, o, 8);
      const char *s;

      if (!a)
        return o;
      s = eui64_to_str (pkt, a);
      ss_layer_add_string (l, opt, ICMPV6_F_OPT_LINKADDR_EUI64, o, 8, s, -1);
      ss_item_set_flags (ss_layer_add_string (l, opt, target ? ICMPV6_F_OPT_TARGET_LINKADDR_EUI64
                                                              : ICMPV6_F_OPT_SRC_LINKADDR_EUI64,
                                              o, 8, s, -1), SS_ITEM_HIDDEN);
      if (!target)
        {
          ss_item_set_flags (ss_layer_add_item (l, opt, ICMPV6_F_OPT_LINKADDR, o, 8, SS_ENC_BE),
                             SS_ITEM_HIDDEN);
          ss_item_set_flags (ss_layer_add_item (l, opt, f, o, 8, SS_ENC_BE), SS_ITEM_HIDDEN);
        }
      add_none (l, opt, ICMPV6_F_OPT_PADDING, o + 8, 6);
      /* (sic: Wireshark says "from" for a target EUI-64 too) */
      ss_packet_append_info (pkt, " from %s", s);
      g_string_append_printf (label, " : %s", s);
    }
  else if (!ss_reader_failed (r))
    {
      ss_layer_add_item (l, opt, ICMPV6_F_OPT_LINKADDR, o, opt_len - 2, SS_ENC_BE);
      ss_item_set_flags (ss_layer_add_item (l, opt, f, o, opt_len - 2, SS_ENC_BE),
                         SS_ITEM_HIDDEN);
    }
  /* (sic: Wireshark counts the type and length bytes twice here) */
  return o + opt_len;
}

/* Neighbor Discovery options (RFC 4861 §4.6), from @off to the end of the message. Each is a
 * multiple of 8 bytes and a zero length ends the list, so every pass advances. */
static void
dissect_nd_opts (SsLayer *l,
                 guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;

  while (r->reported > off)
    {
      guint opt_len = ss_reader_get_u8 (r, off + 1) * 8u;
      guint8 type;
      guint o = off;
      const char *name;
      SsItem *opt, *it;
      g_autoptr(GString) label = NULL;

      if (ss_reader_failed (r))
        return;
      type = ss_reader_get_u8 (r, off);
      name = ss_value_string_lookup (option_vals, type);
      label = g_string_new ("ICMPv6 Option (");
      if (name)
        g_string_append (label, name);
      else
        g_string_append_printf (label, "Unknown %u", type);
      opt = ss_layer_add_uint (l, NULL, ICMPV6_F_OPT, off,
                               MIN (opt_len, ss_reader_remaining (r, off)), 0);
      ss_layer_add_item (l, opt, ICMPV6_F_OPT_TYPE, o, 1, SS_ENC_BE);
      o++;
      it = ss_layer_add_item (l, opt, ICMPV6_F_OPT_LENGTH, o, 1, SS_ENC_BE);
      ss_item_append_text (pkt, it, " (%u bytes)", opt_len);
      o++;
      if (opt_len == 0)
        {
          ss_item_set_text (pkt, opt, "%s", label->str);
          ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_INVALID_OPTION_LENGTH,
                                _("Invalid option length (Zero)"));
          return;
        }

      switch (type)
        {
        case 1:   /* source link-layer address */
        case 2:   /* target link-layer address */
          o = dissect_linkaddr_opt (l, opt, o, opt_len, type == 2, label);
          break;
        case 3:   /* prefix information, RFC 4861 §4.6.2 */
          {
            guint8 prefix_len = ss_reader_get_u8 (r, o);
            const guint8 *p;

            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREFIX_LENGTH, o, 1, SS_ENC_BE);
            it = ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREFIX_FLAG, o + 1, 1, SS_ENC_BE);
            set_bitmask_text (pkt, it, "Flag", ss_reader_get_u8 (r, o + 1), 2, prefix_bits);
            for (guint f = ICMPV6_F_OPT_PREFIX_FLAG_L; f <= ICMPV6_F_OPT_PREFIX_FLAG_RESERVED; f++)
              ss_layer_add_item (l, it, f, o + 1, 1, SS_ENC_BE);
            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREFIX_VALID_LIFETIME, o + 2, 4, SS_ENC_BE);
            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREFIX_PREFERRED_LIFETIME, o + 6, 4,
                               SS_ENC_BE);
            add_none (l, opt, ICMPV6_F_OPT_RESERVED, o + 10, 4);
            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREFIX, o + 14, 16, SS_ENC_BE);
            p = ss_reader_peek (r, o + 14, 16);
            if (p)
              g_string_append_printf (label, " : %s/%u", ipv6_to_str (pkt, p), prefix_len);
            o += 30;
          }
          break;
        case 4:   /* redirected header, RFC 4861 §4.6.3 */
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 6);
          o += 6;
          if (opt_len > 8 && !ss_reader_failed (r))
            {
              ss_layer_add_uint (l, opt, ICMPV6_F_OPT_REDIRECTED_PACKET, o,
                                 MIN (opt_len - 8, ss_reader_remaining (r, o)), 0);
              if (!ss_reader_check (r, o, 0) || !dissect_contained (pkt, r, o, (gint) opt_len - 8))
                return;
              o += opt_len - 8;
            }
          break;
        case 5:   /* MTU, RFC 4861 §4.6.4 */
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 2);
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_MTU, o + 2, 4, SS_ENC_BE);
          if (!ss_reader_failed (r))
            g_string_append_printf (label, " : %d", (gint) ss_reader_get_ntohl (r, o + 2));
          o += 6;
          break;
        case 6:   /* NBMA shortcut limit, RFC 2491 */
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_NBMA_SHORTCUT_LIMIT, o, 1, SS_ENC_BE);
          if (!ss_reader_failed (r))
            g_string_append_printf (label, " : %d", ss_reader_get_u8 (r, o));
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 1);
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o + 1, 4);
          o += 5;
          break;
        case 7:   /* advertisement interval, RFC 6275 §7.3 */
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 2);
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_ADVERTISEMENT_INTERVAL, o + 2, 4, SS_ENC_BE);
          if (!ss_reader_failed (r))
            g_string_append_printf (label, " : %d", (gint) ss_reader_get_ntohl (r, o + 2));
          o += 6;
          break;
        case 8:   /* home agent information, RFC 6275 §7.4 */
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 2);
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_HOME_AGENT_PREFERENCE, o + 2, 2, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_HOME_AGENT_LIFETIME, o + 4, 2, SS_ENC_BE);
          o += 6;
          break;
        case 9:   /* source address list, RFC 3122 §3.2 */
        case 10:  /* target address list */
        case 25:  /* recursive DNS server, RFC 8106 §5.1 */
          if (type == 25)
            {
              add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 2);
              ss_layer_add_item (l, opt, ICMPV6_F_OPT_RDNSS_LIFETIME, o + 2, 4, SS_ENC_BE);
            }
          else
            add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 6);
          o += 6;
          /* 16 bytes at a time within the option */
          for (; o < off + opt_len; o += 16)
            {
              const guint8 *a;

              ss_layer_add_item (l, opt, type == 25 ? ICMPV6_F_OPT_RDNSS
                                                    : ICMPV6_F_OPT_IPV6_ADDRESS, o, 16,
                                 SS_ENC_BE);
              a = ss_reader_peek (r, o, 16);
              if (!a)
                break;
              g_string_append_printf (label, " %s", ipv6_to_str (pkt, a));
            }
          break;
        case 14:  /* nonce, RFC 3971 §5.3.2 */
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_NONCE, o, opt_len - 2, SS_ENC_BE);
          o += opt_len - 2;
          break;
        case 24:  /* route information, RFC 4191 §2.3 */
          {
            guint8 prefix_len = ss_reader_get_u8 (r, o);
            guint8 flags = ss_reader_get_u8 (r, o + 1);
            const char *pref;
            guint8 prefix[16] = { 0 };

            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREFIX_LENGTH, o, 1, SS_ENC_BE);
            it = ss_layer_add_item (l, opt, ICMPV6_F_OPT_ROUTE_INFO_FLAG, o + 1, 1, SS_ENC_BE);
            set_bitmask_text (pkt, it, "Flag", flags, 2, route_info_bits);
            ss_layer_add_item (l, it, ICMPV6_F_OPT_ROUTE_INFO_FLAG_PREF, o + 1, 1, SS_ENC_BE);
            ss_layer_add_item (l, it, ICMPV6_F_OPT_ROUTE_INFO_FLAG_RESERVED, o + 1, 1,
                               SS_ENC_BE);
            if (ss_reader_failed (r))
              return;
            pref = ss_value_string_lookup (router_pref_vals, (flags & 0x18) >> 3);
            g_string_append_printf (label, " : %s", pref);
            ss_layer_add_item (l, opt, ICMPV6_F_OPT_ROUTE_LIFETIME, o + 2, 4, SS_ENC_BE);
            o += 6;
            if (opt_len == 8)
              g_string_append_printf (label, " ::/%u", prefix_len);
            else if (opt_len == 16 || opt_len == 24)
              {
                guint n = opt_len == 16 ? 8 : 16;

                if (!ss_reader_copy (r, o, n, prefix))
                  return;
                ss_layer_add_address (l, opt, ICMPV6_F_OPT_PREFIX, o, n, prefix);
                g_string_append_printf (label, " %s/%u", ipv6_to_str (pkt, prefix), prefix_len);
                o += n;
              }
            else
              ss_packet_add_expert (pkt, opt, SS_PROTO_ICMPV6, ICMPV6_E_INVALID_OPTION_LENGTH,
                                    NULL);
          }
          break;
        case 31:  /* DNS search list, RFC 8106 §5.2 */
          add_none (l, opt, ICMPV6_F_OPT_RESERVED, o, 2);
          ss_layer_add_item (l, opt, ICMPV6_F_OPT_DNSSL_LIFETIME, o + 2, 4, SS_ENC_BE);
          o += 6;
          /* every name takes at least one byte */
          while (o < off + opt_len)
            {
              SsDnsName n;
              const char *s;

              if (ss_reader_get_u8 (r, o) == 0)
                {
                  if (!ss_reader_failed (r))
                    add_none (l, opt, ICMPV6_F_OPT_PADDING, o, off + opt_len - o);
                  o = off + opt_len;
                  break;
                }
              if (!ss_dns_name_get (r, o, 0, o, pkt->arena, &n))
                break;
              s = ss_dns_format_text (pkt->arena, (const guint8 *) n.name, n.len);
              ss_layer_add_string (l, opt, ICMPV6_F_OPT_DNSSL, o, n.used, s, -1);
              g_string_append_printf (label, " %s", s);
              o += n.used;
            }
          break;
        case 38:  /* PREF64, RFC 8781 §4 */
          {
            static const guint8 plc_bytes[] = { 12, 8, 7, 6, 5, 4 };
            guint plc = ss_reader_get_ntohs (r, o) & 0x7;

            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREF64_SCALED_LIFETIME, o, 2, SS_ENC_BE);
            ss_layer_add_item (l, opt, ICMPV6_F_OPT_PREF64_PLC, o, 2, SS_ENC_BE);
            if (ss_reader_failed (r))
              return;
            if (plc < G_N_ELEMENTS (plc_bytes))
              add_short_prefix (l, opt, ICMPV6_F_OPT_PREF64_PREFIX, o + 2, plc_bytes[plc]);
            else
              ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_INVALID_OPTION_LENGTH,
                                    NULL);
            o += 14;
          }
          break;
        default:
          ss_packet_add_expert (pkt, opt, SS_PROTO_ICMPV6, ICMPV6_E_UNDECODED_OPTION,
                                _("Dissector for ICMPv6 Option (%u) code not implemented, "
                                  "Contact Wireshark developers if you want this supported"),
                                type);
          ss_layer_add_item (l, opt, ICMPV6_F_DATA, o, opt_len - 2, SS_ENC_BE);
          o += opt_len - 2;
          break;
        }
      ss_item_set_text (pkt, opt, "%s", label->str);
      if (ss_reader_failed (r))
        return;

      off += opt_len;
      if (off > o)
        {
          it = ss_layer_add_item (l, opt, ICMPV6_F_UNKNOWN_DATA, o, off - o, SS_ENC_BE);
          if (ss_reader_failed (r))
            return;
          ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_UNKNOWN_DATA, NULL);
        }
      g_string_append_c (label, ')');
      ss_item_set_text (pkt, opt, "%s", label->str);
    }
}

/* Router Renumbering (RFC 2894 §3): a command carries one Match-Prefix part and Use-Prefix
 * parts to the end; a result carries Match Results. Each part is a fixed size, so every pass
 * advances. */
static void
dissect_rrenum (SsLayer *l,
                guint8   code,
                guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  SsItem *it;

  ss_layer_add_item (l, NULL, ICMPV6_F_RR_SEQUENCE_NUMBER, off, 4, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ICMPV6_F_RR_SEGMENT_NUMBER, off + 4, 1, SS_ENC_BE);
  add_bitmask (l, NULL, ICMPV6_F_RR_FLAG, ICMPV6_F_RR_FLAG_T, ICMPV6_F_RR_FLAG_RSV, off + 5, 1,
               rr_bits);
  ss_layer_add_item (l, NULL, ICMPV6_F_RR_MAXDELAY, off + 6, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off + 8, 4, SS_ENC_BE);
  off += 12;
  if (ss_reader_failed (r) || off >= r->reported)
    return;

  if (code == 0)
    {
      guint8 opcode = ss_reader_get_u8 (r, off);
      guint8 matchlen = ss_reader_get_u8 (r, off + 3);
      guint8 minlen = ss_reader_get_u8 (r, off + 4);
      guint8 maxlen = ss_reader_get_u8 (r, off + 5);
      SsItem *mp = ss_layer_add_uint (l, NULL, ICMPV6_F_RR_PCO_MP, off,
                                      MIN (24u, ss_reader_remaining (r, off)), 0);
      const guint8 *a;
      const char *op;

      ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_OPCODE, off, 1, SS_ENC_BE);
      ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_OPLENGTH, off + 1, 1, SS_ENC_BE);
      ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_ORDINAL, off + 2, 1, SS_ENC_BE);
      it = ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_MATCHLEN, off + 3, 1, SS_ENC_BE);
      if (matchlen > 128 && !ss_reader_failed (r))
        ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_RR_MATCHLEN, NULL);
      ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_MINLEN, off + 4, 1, SS_ENC_BE);
      ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_MAXLEN, off + 5, 1, SS_ENC_BE);
      ss_layer_add_item (l, mp, ICMPV6_F_RESERVED, off + 6, 2, SS_ENC_BE);
      ss_layer_add_item (l, mp, ICMPV6_F_RR_PCO_MP_MATCHPREFIX, off + 8, 16, SS_ENC_BE);
      a = ss_reader_peek (r, off + 8, 16);
      if (!a)
        return;
      op = ss_value_string_lookup (rr_opcode_vals, opcode);
      if (op)
        ss_item_append_text (pkt, mp, ": %s %s/%u (%u-%u)", op, ipv6_to_str (pkt, a), matchlen,
                             minlen, maxlen);
      else
        ss_item_append_text (pkt, mp, ": Unknown %u %s/%u (%u-%u)", opcode, ipv6_to_str (pkt, a),
                             matchlen, minlen, maxlen);
      off += 24;
      while (off < r->reported && !ss_reader_failed (r))
        {
          guint8 uselen = ss_reader_get_u8 (r, off);
          guint8 keeplen = ss_reader_get_u8 (r, off + 1);
          SsItem *up = ss_layer_add_uint (l, NULL, ICMPV6_F_RR_PCO_UP, off,
                                          MIN (32u, ss_reader_remaining (r, off)), 0);

          ss_layer_add_item (l, up, ICMPV6_F_RR_PCO_UP_USELEN, off, 1, SS_ENC_BE);
          ss_layer_add_item (l, up, ICMPV6_F_RR_PCO_UP_KEEPLEN, off + 1, 1, SS_ENC_BE);
          add_bitmask (l, up, ICMPV6_F_RR_PCO_UP_FLAGMASK, ICMPV6_F_RR_PCO_UP_FLAGMASK_L,
                       ICMPV6_F_RR_PCO_UP_FLAGMASK_RESERVED, off + 2, 1, rr_prefix_bits);
          /* (sic: Wireshark gives the RA flags the flag mask's bit fields) */
          add_bitmask (l, up, ICMPV6_F_RR_PCO_UP_RAFLAGS, ICMPV6_F_RR_PCO_UP_FLAGMASK_L,
                       ICMPV6_F_RR_PCO_UP_FLAGMASK_RESERVED, off + 3, 1, rr_prefix_bits);
          ss_layer_add_item (l, up, ICMPV6_F_RR_PCO_UP_VALIDLIFETIME, off + 4, 4, SS_ENC_BE);
          ss_layer_add_item (l, up, ICMPV6_F_RR_PCO_UP_PREFERREDLIFETIME, off + 8, 4, SS_ENC_BE);
          add_bitmask (l, up, ICMPV6_F_RR_PCO_UP_FLAG, ICMPV6_F_RR_PCO_UP_FLAG_V,
                       ICMPV6_F_RR_PCO_UP_FLAG_RESERVED, off + 12, 4, rr_up_bits);
          ss_layer_add_item (l, up, ICMPV6_F_RR_PCO_UP_USEPREFIX, off + 16, 16, SS_ENC_BE);
          a = ss_reader_peek (r, off + 16, 16);
          if (!a)
            return;
          ss_item_append_text (pkt, up, ": %s/%u (keep %u)", ipv6_to_str (pkt, a), uselen,
                               keeplen);
          off += 32;
        }
    }
  else if (code == 1)
    {
      while (off < r->reported && !ss_reader_failed (r))
        {
          guint8 matchlen = ss_reader_get_u8 (r, off + 3);
          guint32 ifindex = ss_reader_get_ntohl (r, off + 4);
          SsItem *rm = ss_layer_add_uint (l, NULL, ICMPV6_F_RR_RM, off,
                                          MIN (24u, ss_reader_remaining (r, off)), 0);
          const guint8 *a;

          add_bitmask (l, rm, ICMPV6_F_RR_RM_FLAG, ICMPV6_F_RR_RM_FLAG_B,
                       ICMPV6_F_RR_RM_FLAG_RESERVED, off, 2, rr_rm_bits);
          ss_layer_add_item (l, rm, ICMPV6_F_RR_RM_ORDINAL, off + 2, 1, SS_ENC_BE);
          it = ss_layer_add_item (l, rm, ICMPV6_F_RR_RM_MATCHEDLEN, off + 3, 1, SS_ENC_BE);
          if (matchlen > 128 && !ss_reader_failed (r))
            ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_RR_MATCHEDLEN, NULL);
          ss_layer_add_item (l, rm, ICMPV6_F_RR_RM_INTERFACEINDEX, off + 4, 4, SS_ENC_BE);
          ss_layer_add_item (l, rm, ICMPV6_F_RR_RM_MATCHEDPREFIX, off + 8, 16, SS_ENC_BE);
          a = ss_reader_peek (r, off + 8, 16);
          if (!a)
            return;
          ss_item_append_text (pkt, rm, ": %s/%u (interface %u)", ipv6_to_str (pkt, a), matchlen,
                               ifindex);
          off += 24;
        }
    }
}

/* Node Information Query and Reply (RFC 4620 §4): the subject of a query by its code, the
 * data of a reply by its Qtype. */
static void
dissect_nodeinfo (SsLayer *l,
                  guint8   type,
                  guint8   code,
                  guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  guint16 qtype = ss_reader_get_ntohs (r, off);

  ss_layer_add_item (l, NULL, ICMPV6_F_NI_QTYPE, off, 2, SS_ENC_BE);
  add_bitmask (l, NULL, ICMPV6_F_NI_FLAG, ICMPV6_F_NI_FLAG_G, ICMPV6_F_NI_FLAG_RSV, off + 2, 2,
               ni_bits);
  ss_layer_add_item (l, NULL, ICMPV6_F_NI_NONCE, off + 4, 8, SS_ENC_BE);
  off += 12;
  if (ss_reader_failed (r) || off >= r->reported)
    return;

  if (type == ICMP6_NI_QUERY)
    {
      switch (code)
        {
        case 0:
          ss_layer_add_item (l, NULL, ICMPV6_F_NI_QUERY_SUBJECT_IPV6, off, 16, SS_ENC_BE);
          break;
        case 1:
          {
            SsDnsName n;

            if (ss_dns_name_get (r, off, 0, off, pkt->arena, &n))
              ss_layer_add_string (l, NULL, ICMPV6_F_NI_QUERY_SUBJECT_FQDN, off, n.used,
                                   ss_dns_format_text (pkt->arena, (const guint8 *) n.name,
                                                       n.len), -1);
          }
          break;
        case 2:
          ss_layer_add_item (l, NULL, ICMPV6_F_NI_QUERY_SUBJECT_IPV4, off, 4, SS_ENC_BE);
          break;
        default:
          break;
        }
      return;
    }

  switch (qtype)
    {
    case 2:   /* node name: a TTL, then names until the end or a zero byte */
      ss_layer_add_item (l, NULL, ICMPV6_F_NI_REPLY_NODE_TTL, off, 4, SS_ENC_BE);
      off += 4;
      while (off < r->reported && !ss_reader_failed (r))
        {
          SsDnsName n;

          if (ss_reader_get_u8 (r, off) == 0)
            break;
          if (!ss_dns_name_get (r, off, 0, off, pkt->arena, &n) || n.used == 0)
            break;
          ss_layer_add_string (l, NULL, ICMPV6_F_NI_REPLY_NODE_NAME, off, n.used,
                               ss_dns_format_text (pkt->arena, (const guint8 *) n.name, n.len),
                               -1);
          off += n.used;
        }
      break;
    case 3:   /* node addresses */
    case 4:   /* IPv4 addresses */
      while (off < r->reported && !ss_reader_failed (r))
        {
          ss_layer_add_item (l, NULL, ICMPV6_F_NI_REPLY_NODE_TTL, off, 4, SS_ENC_BE);
          if (qtype == 3)
            ss_layer_add_item (l, NULL, ICMPV6_F_NI_REPLY_NODE_ADDRESS, off + 4, 16, SS_ENC_BE);
          else
            ss_layer_add_item (l, NULL, ICMPV6_F_NI_REPLY_IPV4_ADDRESS, off + 4, 4, SS_ENC_BE);
          off += qtype == 3 ? 20 : 8;
        }
      break;
    default:
      break;
    }
}

/* RPL control message options (RFC 6550 §6.7): Pad1 is one byte, every other option is a type,
 * a length and that many bytes, so every pass advances. */
static void
dissect_rpl_opts (SsLayer *l,
                  guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;

  while (r->reported > off && !ss_reader_failed (r))
    {
      guint8 type = ss_reader_get_u8 (r, off);
      guint opt_len, o = off + 1;
      const char *name;
      SsItem *opt, *len_it, *it;
      g_autoptr(GString) label = NULL;

      opt = ss_layer_add_uint (l, NULL, ICMPV6_F_OPT, off, 1, 0);
      ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TYPE, off, 1, SS_ENC_BE);
      if (ss_reader_failed (r))
        return;
      name = ss_value_string_lookup (rpl_option_vals, type);
      label = g_string_new ("ICMPv6 RPL Option (");
      if (name)
        g_string_append (label, name);
      else
        g_string_append_printf (label, "Unknown %u", type);
      if (type == 0)
        {
          g_string_append_c (label, ')');
          ss_item_set_text (pkt, opt, "%s", label->str);
          off++;
          continue;
        }
      len_it = ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_LENGTH, o, 1, SS_ENC_BE);
      opt_len = ss_reader_get_u8 (r, o);
      ss_item_set_text (pkt, opt, "%s", label->str);
      if (ss_reader_failed (r))
        return;
      ss_item_set_length (opt, MIN (opt_len + 2, ss_reader_remaining (r, off)));
      o++;

      switch (type)
        {
        case 1:   /* PadN */
          it = add_none (l, opt, ICMPV6_F_RPL_OPT_PADN, o, opt_len);
          ss_item_append_text (pkt, it, " (Length : %u bytes)", opt_len);
          o += opt_len;
          break;
        case 2:   /* DAG metric container, RFC 6551: its objects are not broken down */
          o = off + 2 + opt_len;
          break;
        case 3:   /* route information, §6.7.5 */
          {
            guint8 prefix_len = ss_reader_get_u8 (r, o);
            const char *p;

            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_ROUTE_PREFIX_LENGTH, o, 1, SS_ENC_BE);
            add_bitmask (l, opt, ICMPV6_F_RPL_OPT_ROUTE_FLAG, ICMPV6_F_RPL_OPT_ROUTE_PREF,
                         ICMPV6_F_RPL_OPT_ROUTE_RESERVED, o + 1, 1, rpl_route_bits);
            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_ROUTE_LIFETIME, o + 2, 4, SS_ENC_BE);
            o += 6;
            if (opt_len == 6)
              g_string_append_printf (label, " ::/%u", prefix_len);
            else if (opt_len == 14 || opt_len == 22)
              {
                p = add_short_prefix (l, opt, ICMPV6_F_RPL_OPT_ROUTE_PREFIX, o, opt_len - 6);
                if (p)
                  g_string_append_printf (label, " %s/%u", p, prefix_len);
                o += opt_len - 6;
              }
            else
              ss_packet_add_expert (pkt, len_it, SS_PROTO_ICMPV6, ICMPV6_E_INVALID_OPTION_LENGTH,
                                    NULL);
          }
          break;
        case 4:   /* DODAG configuration, §6.7.6 */
          add_bitmask (l, opt, ICMPV6_F_RPL_OPT_CONFIG_FLAG, ICMPV6_F_RPL_OPT_CONFIG_RESERVED,
                       ICMPV6_F_RPL_OPT_CONFIG_PCS, o, 1, rpl_config_bits);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_DOUBLINGS, o + 1, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_MIN_INTERVAL, o + 2, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_REDUNDANCY, o + 3, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_RANK_INCR, o + 4, 2, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_HOP_RANK_INC, o + 6, 2, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_OCP, o + 8, 2, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_RSV, o + 10, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_DEF_LIFETIME, o + 11, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_CONFIG_LIFETIME_UNIT, o + 12, 2,
                             SS_ENC_BE);
          o += 14;
          break;
        case 5:   /* RPL target, §6.7.7 */
          {
            guint8 prefix_len = ss_reader_get_u8 (r, o + 1);
            const char *p;

            add_none (l, opt, ICMPV6_F_RPL_OPT_TARGET_FLAG, o, 1);
            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TARGET_PREFIX_LENGTH, o + 1, 1,
                               SS_ENC_BE);
            o += 2;
            if (opt_len == 2)
              g_string_append_printf (label, " ::/%u", prefix_len);
            else if (opt_len == 10 || opt_len == 18)
              {
                p = add_short_prefix (l, opt, ICMPV6_F_RPL_OPT_TARGET_PREFIX, o, opt_len - 2);
                if (p)
                  g_string_append_printf (label, " %s/%u", p, prefix_len);
                o += opt_len - 2;
              }
            else
              ss_packet_add_expert (pkt, len_it, SS_PROTO_ICMPV6, ICMPV6_E_INVALID_OPTION_LENGTH,
                                    NULL);
          }
          break;
        case 6:   /* transit information, §6.7.8 */
          add_bitmask (l, opt, ICMPV6_F_RPL_OPT_TRANSIT_FLAG, ICMPV6_F_RPL_OPT_TRANSIT_FLAG_E,
                       ICMPV6_F_RPL_OPT_TRANSIT_FLAG_RSV, o, 1, rpl_transit_bits);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TRANSIT_PATHCTL, o + 1, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TRANSIT_PATHSEQ, o + 2, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TRANSIT_PATHLIFETIME, o + 3, 1, SS_ENC_BE);
          o += 4;
          if (opt_len > 4)
            {
              const guint8 *a;

              ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TRANSIT_PARENT, o, 16, SS_ENC_BE);
              a = ss_reader_peek (r, o, 16);
              if (a)
                g_string_append_printf (label, " %s", ipv6_to_str (pkt, a));
              o += 16;
            }
          break;
        case 7:   /* solicited information, §6.7.9 */
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_SOLICITED_INSTANCE, o, 1, SS_ENC_BE);
          add_bitmask (l, opt, ICMPV6_F_RPL_OPT_SOLICITED_FLAG, ICMPV6_F_RPL_OPT_SOLICITED_FLAG_V,
                       ICMPV6_F_RPL_OPT_SOLICITED_FLAG_RSV, o + 1, 1, rpl_solicited_bits);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_SOLICITED_DODAGID, o + 2, 16, SS_ENC_BE);
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_SOLICITED_VERSION, o + 18, 1, SS_ENC_BE);
          o += 19;
          break;
        case 8:   /* prefix information, §6.7.10 */
          {
            guint8 prefix_len = ss_reader_get_u8 (r, o);
            const guint8 *a;

            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_PREFIX_LENGTH, o, 1, SS_ENC_BE);
            add_bitmask (l, opt, ICMPV6_F_RPL_OPT_PREFIX_FLAG, ICMPV6_F_RPL_OPT_PREFIX_FLAG_L,
                         ICMPV6_F_RPL_OPT_PREFIX_FLAG_RSV, o + 1, 1, rpl_prefix_bits);
            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_PREFIX_VLIFETIME, o + 2, 4, SS_ENC_BE);
            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_PREFIX_PLIFETIME, o + 6, 4, SS_ENC_BE);
            add_none (l, opt, ICMPV6_F_RPL_OPT_RESERVED, o + 10, 4);
            ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_PREFIX, o + 14, 16, SS_ENC_BE);
            a = ss_reader_peek (r, o + 14, 16);
            if (a)
              g_string_append_printf (label, " %s/%u", ipv6_to_str (pkt, a), prefix_len);
            o += 30;
          }
          break;
        case 9:   /* RPL target descriptor, RFC 6550 §6.7.11 */
          ss_layer_add_item (l, opt, ICMPV6_F_RPL_OPT_TARGETDESC, o, 4, SS_ENC_BE);
          o += 4;
          break;
        default:
          ss_packet_add_expert (pkt, opt, SS_PROTO_ICMPV6, ICMPV6_E_UNDECODED_RPL_OPTION,
                                _("Dissector for ICMPv6 RPL Option (%u) code not implemented, "
                                  "Contact Wireshark developers if you want this supported"),
                                type);
          ss_layer_add_item (l, opt, ICMPV6_F_DATA, o, opt_len, SS_ENC_BE);
          o += opt_len;
          break;
        }
      ss_item_set_text (pkt, opt, "%s", label->str);
      if (ss_reader_failed (r))
        return;
      off += opt_len + 2;
      if (off > o)
        {
          it = ss_layer_add_item (l, opt, ICMPV6_F_UNKNOWN_DATA, o, off - o, SS_ENC_BE);
          if (ss_reader_failed (r))
            return;
          ss_packet_add_expert (pkt, it, SS_PROTO_ICMPV6, ICMPV6_E_UNKNOWN_DATA, NULL);
        }
      g_string_append_c (label, ')');
      ss_item_set_text (pkt, opt, "%s", label->str);
    }
}

/* RPL control messages (RFC 6550 §6.2-6.6, consistency check §6.6): the base object by code,
 * then options. Secured messages (codes 0x80 and up) and P2P objects are not broken down. */
static void
dissect_rpl_control (SsLayer *l,
                     guint8   code,
                     guint    off)
{
  SsReader *r = l->r;
  guint8 flags;

  switch (code)
    {
    case 0x00:   /* DIS, §6.2 */
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIS_FLAGS, off, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off + 1, 1, SS_ENC_BE);
      off += 2;
      break;
    case 0x01:   /* DIO, §6.3 */
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIO_INSTANCE, off, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIO_VERSION, off + 1, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIO_RANK, off + 2, 2, SS_ENC_BE);
      add_bitmask (l, NULL, ICMPV6_F_RPL_DIO_FLAG, ICMPV6_F_RPL_DIO_FLAG_G,
                   ICMPV6_F_RPL_DIO_FLAG_PRF, off + 4, 1, rpl_dio_bits);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIO_DTSN, off + 5, 1, SS_ENC_BE);
      /* (sic: Wireshark names the flags byte after the DTSN "Flags" too) */
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIO_FLAG, off + 6, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off + 7, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DIO_DAGID, off + 8, 16, SS_ENC_BE);
      off += 24;
      break;
    case 0x02:   /* DAO, §6.4 */
      flags = ss_reader_get_u8 (r, off + 1);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAO_INSTANCE, off, 1, SS_ENC_BE);
      add_bitmask (l, NULL, ICMPV6_F_RPL_DAO_FLAG, ICMPV6_F_RPL_DAO_FLAG_K,
                   ICMPV6_F_RPL_DAO_FLAG_RSV, off + 1, 1, rpl_dao_bits);
      ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off + 2, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAO_SEQUENCE, off + 3, 1, SS_ENC_BE);
      off += 4;
      if (flags & 0x40)
        {
          ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAO_DODAGID, off, 16, SS_ENC_BE);
          off += 16;
        }
      break;
    case 0x03:   /* DAO-ACK, §6.5 */
      flags = ss_reader_get_u8 (r, off + 1);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAOACK_INSTANCE, off, 1, SS_ENC_BE);
      add_bitmask (l, NULL, ICMPV6_F_RPL_DAOACK_FLAG, ICMPV6_F_RPL_DAOACK_FLAG_D,
                   ICMPV6_F_RPL_DAOACK_FLAG_RSV, off + 1, 1, rpl_daoack_bits);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAOACK_SEQUENCE, off + 2, 1, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAOACK_STATUS, off + 3, 1, SS_ENC_BE);
      off += 4;
      if (flags & 0x80)
        {
          ss_layer_add_item (l, NULL, ICMPV6_F_RPL_DAOACK_DODAGID, off, 16, SS_ENC_BE);
          off += 16;
        }
      break;
    case 0x8a:   /* consistency check, §6.6 */
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_CC_INSTANCE, off, 1, SS_ENC_BE);
      add_bitmask (l, NULL, ICMPV6_F_RPL_CC_FLAG, ICMPV6_F_RPL_CC_FLAG_R,
                   ICMPV6_F_RPL_CC_FLAG_RSV, off + 1, 1, rpl_cc_bits);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_CC_NONCE, off + 2, 2, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_CC_DODAGID, off + 4, 16, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_RPL_CC_DESTINATION_COUNTER, off + 20, 4, SS_ENC_BE);
      off += 24;
      break;
    default:
      return;
    }
  if (!ss_reader_failed (r))
    dissect_rpl_opts (l, off);
}

/* MLDv2 report (RFC 3810 §5.2): records until the end of the message; every record is at
 * least 20 bytes. */
static void
dissect_mldv2_report (SsLayer *l,
                      guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;

  ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ICMPV6_F_MLDR_NB_MCAST_RECORDS, off + 2, 2, SS_ENC_BE);
  off += 4;
  while (off < r->reported && !ss_reader_failed (r))
    {
      guint8 type = ss_reader_get_u8 (r, off);
      guint8 aux_len = ss_reader_get_u8 (r, off + 1);
      guint16 nb_sources = ss_reader_get_ntohs (r, off + 2);
      const guint8 *mcast;
      const char *tn;
      SsItem *mar;

      mar = ss_layer_add_uint (l, NULL, ICMPV6_F_MLDR_MAR, off,
                               MIN (20u + 16u * nb_sources + aux_len * 4u,
                                    ss_reader_remaining (r, off)), 0);
      ss_layer_add_item (l, mar, ICMPV6_F_MLDR_MAR_RECORD_TYPE, off, 1, SS_ENC_BE);
      ss_layer_add_item (l, mar, ICMPV6_F_MLDR_MAR_AUX_DATA_LEN, off + 1, 1, SS_ENC_BE);
      ss_layer_add_item (l, mar, ICMPV6_F_MLDR_MAR_NB_SOURCES, off + 2, 2, SS_ENC_BE);
      ss_layer_add_item (l, mar, ICMPV6_F_MLDR_MAR_MULTICAST_ADDRESS, off + 4, 16, SS_ENC_BE);
      mcast = ss_reader_peek (r, off + 4, 16);
      if (!mcast)
        return;
      tn = ss_value_string_lookup (mldr_record_type_vals, type);
      /* The address is formatted only for a record that is kept. */
      if (mar && tn)
        ss_item_set_text (pkt, mar, "Multicast Address Record %s: %s", tn,
                          ipv6_to_str (pkt, mcast));
      else if (mar)
        ss_item_set_text (pkt, mar, "Multicast Address Record Unknown Record Type (%u): %s", type,
                          ipv6_to_str (pkt, mcast));
      off += 20;
      for (guint i = 0; i < nb_sources && !ss_reader_failed (r); i++, off += 16)
        ss_layer_add_item (l, mar, ICMPV6_F_MLDR_MAR_SOURCE_ADDRESS, off, 16, SS_ENC_BE);
      if (aux_len)
        {
          ss_layer_add_item (l, mar, ICMPV6_F_MLDR_MAR_AUX_DATA, off, aux_len * 4u, SS_ENC_BE);
          off += aux_len * 4u;
        }
    }
}

/* MLD (RFC 2710 §3) and, from 28 bytes on, MLDv2 queries (RFC 3810 §5.1). */
static void
dissect_mld (SsLayer *l,
             guint8   type,
             guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  SsItem *it;

  if (type == ICMP6_MEMBERSHIP_QUERY && r->captured >= MLDV2_PACKET_MINLEN)
    {
      guint32 mrc = ss_reader_get_ntohs (r, off);
      guint8 flags, qqi_raw;
      guint qqi;
      guint16 nb_sources;

      /* RFC 3810 §5.1.3 and §5.1.9: floating-point codes from 32768 and 128 on */
      if (mrc >= 32768)
        mrc = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);
      ss_layer_add_uint (l, NULL, ICMPV6_F_MLD_MRC, off, 2, mrc);
      ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off + 2, 2, SS_ENC_BE);
      ss_layer_add_item (l, NULL, ICMPV6_F_MLD_MULTICAST_ADDRESS, off + 4, 16, SS_ENC_BE);
      flags = ss_reader_get_u8 (r, off + 20);
      it = ss_layer_add_item (l, NULL, ICMPV6_F_MLD_FLAG, off + 20, 1, SS_ENC_BE);
      set_bitmask_text (pkt, it, "Flags", flags, 2, mld_bits);
      for (guint f = ICMPV6_F_MLD_FLAG_S; f <= ICMPV6_F_MLD_FLAG_RSV; f++)
        ss_layer_add_item (l, it, f, off + 20, 1, SS_ENC_BE);
      qqi_raw = ss_reader_get_u8 (r, off + 21);
      qqi = qqi_raw >= 128 ? ((qqi_raw & 0x0fu) | 0x10u) << (((qqi_raw & 0x70) >> 4) + 3)
                           : qqi_raw;
      ss_layer_add_uint (l, NULL, ICMPV6_F_MLD_QQI, off + 21, 1, (guint8) qqi);
      nb_sources = ss_reader_get_ntohs (r, off + 22);
      ss_layer_add_item (l, NULL, ICMPV6_F_MLD_NB_SOURCES, off + 22, 2, SS_ENC_BE);
      off += 24;
      for (guint i = 0; i < nb_sources && !ss_reader_failed (r); i++, off += 16)
        ss_layer_add_item (l, NULL, ICMPV6_F_MLD_SOURCE_ADDRESS, off, 16, SS_ENC_BE);
      return;
    }
  ss_layer_add_item (l, NULL, ICMPV6_F_MLD_MRD, off, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ICMPV6_F_RESERVED, off + 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ICMPV6_F_MLD_MULTICAST_ADDRESS, off + 4, 16, SS_ENC_BE);
}

static void
dissect_icmpv6 (SsPacket *pkt,
                SsReader *r)
{
  gboolean in_error = ss_packet_in_icmp_error (pkt);
  SsLayer l;
  guint8 type, code;
  const char *type_name, *code_name = NULL;
  SsItem *it;
  guint off = 4;

  ss_packet_clear_info (pkt);
  l = ss_packet_begin_layer (pkt, SS_PROTO_ICMPV6, r, 0, -1);

  ss_layer_add_item (&l, NULL, ICMPV6_F_TYPE, 0, 1, SS_ENC_BE);
  type = ss_reader_get_u8 (r, 0);
  if (ss_reader_failed (r))
    return;
  type_name = ss_value_string_lookup (type_vals, type);
  if (type_name)
    ss_packet_set_info (pkt, "%s", type_name);
  else
    ss_packet_set_info (pkt, "Unknown (%u)", type);

  it = ss_layer_add_item (&l, NULL, ICMPV6_F_CODE, 1, 1, SS_ENC_BE);
  code = ss_reader_get_u8 (r, 1);
  if (ss_reader_failed (r))
    return;
  switch (type)
    {
    case ICMP6_DST_UNREACH:
      code_name = ss_value_string_lookup (unreach_code_vals, code);
      if (!code_name)
        code_name = "Unknown";
      break;
    case ICMP6_TIME_EXCEEDED:
    case ICMP6_PARAM_PROB:
    case ICMP6_ROUTER_RENUMBERING:
    case ICMP6_NI_QUERY:
    case ICMP6_NI_REPLY:
    case ICMP6_RPL_CONTROL:
    case ICMP6_EXTECHO:
    case ICMP6_EXTECHOREPLY:
      code_name = ss_value_string_lookup (type == ICMP6_TIME_EXCEEDED ? timeex_code_vals
                                          : type == ICMP6_PARAM_PROB ? paramprob_code_vals
                                          : type == ICMP6_ROUTER_RENUMBERING ? rr_code_vals
                                          : type == ICMP6_NI_QUERY ? ni_query_code_vals
                                          : type == ICMP6_NI_REPLY ? ni_reply_code_vals
                                          : type == ICMP6_RPL_CONTROL ? rpl_code_vals
                                          : type == ICMP6_EXTECHO ? ext_echo_req_code_vals
                                          : ext_echo_reply_code_vals, code);
      if (!code_name)
        code_name = ss_arena_printf (pkt->arena, "Unknown (%u)", code);
      break;
    default:
      break;
    }
  if (code_name)
    {
      ss_packet_append_info (pkt, " (%s)", code_name);
      ss_item_append_text (pkt, it, " (%s)", code_name);
    }

  /* The checksum covers the whole message, so it can only be checked when all of it is
   * there; a quoted message is cut short by design. */
  ss_reader_get_ntohs (r, 2);
  if (ss_reader_failed (r))
    return;
  if (r->captured >= r->reported && !in_error)
    add_checksum (&l, r->reported);
  else
    {
      it = ss_layer_add_item (&l, NULL, ICMPV6_F_CHECKSUM, 2, 2, SS_ENC_BE);
      ss_item_append_text (pkt, it, " [unverified] [%s]", in_error ? "in ICMP error packet"
                                                                   : "fragmented datagram");
      ss_item_set_flags (ss_layer_add_uint (&l, NULL, ICMPV6_F_CHECKSUM_STATUS, 2, 0,
                                            CKSUM_UNVERIFIED), SS_ITEM_GENERATED);
    }
  if (ss_reader_failed (r))
    return;

  switch (type)
    {
    case ICMP6_ECHO_REQUEST:
    case ICMP6_ECHO_REPLY:
      {
        guint16 id = ss_reader_get_ntohs (r, 4);
        guint16 seq;
        gint hlim;

        ss_layer_add_item (&l, NULL, ICMPV6_F_ECHO_IDENTIFIER, 4, 2, SS_ENC_BE);
        seq = ss_reader_get_ntohs (r, 6);
        ss_layer_add_item (&l, NULL, ICMPV6_F_ECHO_SEQUENCE, 6, 2, SS_ENC_BE);
        if (ss_reader_failed (r))
          return;
        ss_packet_append_info (pkt, " id=0x%04x, seq=%u", id, seq);
        if (pkt->want_columns && (hlim = enclosing_ipv6_hlim (pkt, r)) >= 0)
          ss_packet_append_info (pkt, ", hop limit=%d", hlim);
        /* A Teredo request to port 3544 carries a nonce (RFC 4380 §5.2.9): not linked. */
        if (!ss_packet_in_icmp_error (pkt)
            && !(type == ICMP6_ECHO_REQUEST && pkt->dstport == 3544))
          {
            guint16 cksum = ss_reader_get_ntohs (r, 2);
            guint32 k0 = cksum;

            /* A reply's key is the checksum of its request: the type word goes from 0x8000
             * to 0x8100. */
            if (type == ICMP6_ECHO_REPLY)
              {
                k0 = (guint16) ~ss_icmp_ones_add ((guint16) ~cksum, (guint16) ~0x0100u);
                if (k0 == 0)
                  k0 = 0xffff;
              }
            ss_icmp_link_echo (&l, k0, (guint32) id << 16 | seq, type == ICMP6_ECHO_REPLY,
                               &icmpv6_echo_fields);
          }
        ss_packet_call (pkt, NULL, r, 8);
      }
      break;
    case ICMP6_DST_UNREACH:
    case ICMP6_TIME_EXCEEDED:
      /* RFC 4884 §4.2: the quoted packet's length in 64-bit words, 0 when not given */
      {
        guint8 orig_len = ss_reader_get_u8 (r, 4);

        if (orig_len != 0)
          {
            ss_layer_add_item (&l, NULL, ICMPV6_F_LENGTH, 4, 1, SS_ENC_BE);
            ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 5, 3, SS_ENC_BE);
          }
        else
          ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 4, 4, SS_ENC_BE);
        if (ss_reader_failed (r) || !ss_reader_check (r, 8, 0))
          break;
        if (dissect_contained (pkt, r, 8, -1) && orig_len != 0)
          dissect_icmp_extensions (&l, 8 + orig_len * 8u);
      }
      break;
    case ICMP6_PACKET_TOO_BIG:
    case ICMP6_PARAM_PROB:
      ss_layer_add_item (&l, NULL, type == ICMP6_PACKET_TOO_BIG ? ICMPV6_F_MTU : ICMPV6_F_POINTER,
                         4, 4, SS_ENC_BE);
      if (!ss_reader_failed (r) && ss_reader_check (r, 8, 0))
        dissect_contained (pkt, r, 8, -1);
      break;
    case ICMP6_MEMBERSHIP_QUERY:
    case ICMP6_MEMBERSHIP_REPORT:
    case ICMP6_MEMBERSHIP_REDUCTION:
      dissect_mld (&l, type, off);
      break;
    case ICMP6_ND_ROUTER_SOLICIT:
    case ICMP6_IND_SOLICIT:
    case ICMP6_IND_ADVERT:
      ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 4, 4, SS_ENC_BE);
      if (!ss_reader_failed (r))
        dissect_nd_opts (&l, 8);
      break;
    case ICMP6_ND_ROUTER_ADVERT:
      {
        guint8 flags = ss_reader_get_u8 (r, 5);

        ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RA_CUR_HOP_LIMIT, 4, 1, SS_ENC_BE);
        it = ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RA_FLAG, 5, 1, SS_ENC_BE);
        set_bitmask_text (pkt, it, "Flags", flags, 2, ra_bits);
        for (guint f = ICMPV6_F_ND_RA_FLAG_M; f <= ICMPV6_F_ND_RA_FLAG_RSV; f++)
          ss_layer_add_item (&l, it, f, 5, 1, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RA_ROUTER_LIFETIME, 6, 2, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RA_REACHABLE_TIME, 8, 4, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RA_RETRANS_TIMER, 12, 4, SS_ENC_BE);
        if (!ss_reader_failed (r))
          dissect_nd_opts (&l, 16);
      }
      break;
    case ICMP6_ND_NEIGHBOR_SOLICIT:
      {
        const guint8 *a;

        ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 4, 4, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMPV6_F_ND_NS_TARGET_ADDRESS, 8, 16, SS_ENC_BE);
        a = ss_reader_peek (r, 8, 16);
        if (!a)
          return;
        ss_packet_append_info (pkt, " for %s", ipv6_to_str (pkt, a));
        dissect_nd_opts (&l, 24);
      }
      break;
    case ICMP6_ND_NEIGHBOR_ADVERT:
      {
        guint32 flags = ss_reader_get_ntohl (r, 4);
        const guint8 *a;
        GString *fs;

        it = ss_layer_add_item (&l, NULL, ICMPV6_F_ND_NA_FLAG, 4, 4, SS_ENC_BE);
        set_bitmask_text (pkt, it, "Flags", flags, 8, na_bits);
        for (guint f = ICMPV6_F_ND_NA_FLAG_R; f <= ICMPV6_F_ND_NA_FLAG_RSV; f++)
          ss_layer_add_item (&l, it, f, 4, 4, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMPV6_F_ND_NA_TARGET_ADDRESS, 8, 16, SS_ENC_BE);
        a = ss_reader_peek (r, 8, 16);
        if (!a)
          return;
        fs = g_string_new (NULL);
        if (flags & 0x80000000)
          g_string_append (fs, "rtr, ");
        if (flags & 0x40000000)
          g_string_append (fs, "sol, ");
        if (flags & 0x20000000)
          g_string_append (fs, "ovr, ");
        if (fs->len > 2)
          g_string_truncate (fs, fs->len - 2);
        else
          g_string_assign (fs, "none");
        ss_packet_append_info (pkt, " %s (%s)", ipv6_to_str (pkt, a), fs->str);
        g_string_free (fs, TRUE);
        dissect_nd_opts (&l, 24);
      }
      break;
    case ICMP6_ND_REDIRECT:
      ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 4, 4, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RD_TARGET_ADDRESS, 8, 16, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_ND_RD_DESTINATION_ADDRESS, 24, 16, SS_ENC_BE);
      if (!ss_reader_failed (r))
        dissect_nd_opts (&l, 40);
      break;
    case ICMP6_ROUTER_RENUMBERING:
      dissect_rrenum (&l, code, off);
      break;
    case ICMP6_NI_QUERY:
    case ICMP6_NI_REPLY:
      dissect_nodeinfo (&l, type, code, off);
      break;
    case ICMP6_MLDV2_REPORT:
      dissect_mldv2_report (&l, off);
      break;
    case ICMP6_MIP6_DHAAD_REQUEST:   /* RFC 6275 §6.5 - §6.8 */
    case ICMP6_MIP6_DHAAD_REPLY:
    case ICMP6_MIP6_MPS:
      ss_layer_add_item (&l, NULL, ICMPV6_F_MIP6_IDENTIFIER, 4, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 6, 2, SS_ENC_BE);
      if (type == ICMP6_MIP6_DHAAD_REPLY)
        for (off = 8; off < r->captured && !ss_reader_failed (r); off += 16)
          ss_layer_add_item (&l, NULL, ICMPV6_F_MIP6_HOME_AGENT_ADDRESS, off, 16, SS_ENC_BE);
      break;
    case ICMP6_MIP6_MPA:
      ss_layer_add_item (&l, NULL, ICMPV6_F_MIP6_IDENTIFIER, 4, 2, SS_ENC_BE);
      add_bitmask (&l, NULL, ICMPV6_F_MIP6_FLAG, ICMPV6_F_MIP6_FLAG_M, ICMPV6_F_MIP6_FLAG_RSV, 6,
                   2, mip6_bits);
      if (!ss_reader_failed (r))
        dissect_nd_opts (&l, 8);
      break;
    case ICMP6_CERT_PATH_SOL:        /* RFC 3971 §6.4 */
      ss_layer_add_item (&l, NULL, ICMPV6_F_SEND_IDENTIFIER, 4, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_SEND_COMPONENT, 6, 2, SS_ENC_BE);
      if (!ss_reader_failed (r))
        dissect_nd_opts (&l, 8);
      break;
    case ICMP6_CERT_PATH_AD:
      ss_layer_add_item (&l, NULL, ICMPV6_F_SEND_IDENTIFIER, 4, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_SEND_ALL_COMPONENTS, 6, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_SEND_COMPONENT, 8, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_RESERVED, 10, 2, SS_ENC_BE);
      if (!ss_reader_failed (r))
        dissect_nd_opts (&l, 12);
      break;
    case ICMP6_MCAST_ROUTER_ADVERT:  /* RFC 4286 §2 */
      ss_layer_add_item (&l, NULL, ICMPV6_F_MCAST_RA_QUERY_INTERVAL, 4, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_MCAST_RA_ROBUSTNESS_VARIABLE, 6, 2, SS_ENC_BE);
      break;
    case ICMP6_MCAST_ROUTER_SOLICIT:
    case ICMP6_MCAST_ROUTER_TERM:
      break;
    case ICMP6_RPL_CONTROL:
      dissect_rpl_control (&l, code, off);
      break;
    case ICMP6_EXTECHO:
    case ICMP6_EXTECHOREPLY:
      ss_layer_add_item (&l, NULL, ICMPV6_F_ECHO_IDENTIFIER, 4, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMPV6_F_EXT_ECHO_SEQ, 6, 1, SS_ENC_BE);
      if (type == ICMP6_EXTECHO)
        {
          ss_layer_add_item (&l, NULL, ICMPV6_F_EXT_ECHO_REQ_RES, 7, 1, SS_ENC_BE);
          ss_layer_add_item (&l, NULL, ICMPV6_F_EXT_ECHO_REQ_LOCAL, 7, 1, SS_ENC_BE);
        }
      else
        for (guint f = ICMPV6_F_EXT_ECHO_RSP_STATE; f <= ICMPV6_F_EXT_ECHO_RSP_IPV6; f++)
          ss_layer_add_item (&l, NULL, f, 7, 1, SS_ENC_BE);
      /* RFC 8335 §2: the probed interface is named by an extension object */
      if (type == ICMP6_EXTECHO && !ss_reader_failed (r))
        dissect_icmp_extensions (&l, 8);
      break;
    default:
      ss_packet_add_expert (pkt, l.top, SS_PROTO_ICMPV6, ICMPV6_E_UNDECODED_TYPE,
                            _("Dissector for ICMPv6 Type (%u) code not implemented, Contact "
                              "Wireshark developers if you want this supported"), type);
      if (ss_reader_check (r, 4, 0))
        ss_layer_add_item (&l, NULL, ICMPV6_F_DATA, 4, ss_reader_remaining (r, 4), SS_ENC_BE);
      break;
    }
}

const SsProtocol ss_proto_icmpv6 = {
  .id = SS_PROTO_ICMPV6,
  .abbrev = "icmpv6",
  .short_name = "ICMPv6",
  .name = N_("Internet Control Message Protocol v6"),
  .fields = icmpv6_fields,
  .n_fields = ICMPV6_F_COUNT,
  .experts = icmpv6_experts,
  .n_experts = ICMPV6_E_COUNT,
  .dissect = dissect_icmpv6,
};
