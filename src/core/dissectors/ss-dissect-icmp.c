/* ss-dissect-icmp.c: Internet Control Message Protocol (RFC 792; fragmentation needed RFC 1191;
 * router discovery RFC 1256; address mask RFC 950; extended echo RFC 8335; multi-part messages
 * RFC 4884 with MPLS label stacks RFC 4950 and interface information RFC 5837)
 *
 * Error messages quote the IP header and the start of the datagram that caused them; that
 * header is dissected by the IP dissectors, which add their fields a second time. The packet's
 * columns (addresses, ports, Protocol and Info) are saved before and restored after, so they
 * keep describing the ICMP message, as in Wireshark.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-icmp.h"

enum
{
  ICMP_F_TYPE,
  ICMP_F_CODE,
  ICMP_F_CHECKSUM,
  ICMP_F_CHECKSUM_STATUS,
  ICMP_F_UNUSED,
  ICMP_F_RESERVED,
  ICMP_F_IDENT,
  ICMP_F_IDENT_LE,
  ICMP_F_SEQ,
  ICMP_F_SEQ_LE,
  ICMP_F_MTU,
  ICMP_F_NUM_ADDRS,
  ICMP_F_ADDR_ENTRY_SIZE,
  ICMP_F_LIFETIME,
  ICMP_F_POINTER,
  ICMP_F_ROUTER_ADDRESS,
  ICMP_F_PREF_LEVEL,
  ICMP_F_ORIGINATE_TIMESTAMP,
  ICMP_F_RECEIVE_TIMESTAMP,
  ICMP_F_TRANSMIT_TIMESTAMP,
  ICMP_F_ADDRESS_MASK,
  ICMP_F_REDIR_GW,
  ICMP_F_DATA_TIME,
  ICMP_F_DATA_TIME_RELATIVE,
  ICMP_F_LENGTH,
  ICMP_F_LENGTH_ORIGINAL,
  ICMP_F_EXT_ECHO_SEQ,
  ICMP_F_EXT_ECHO_REQ_RES,
  ICMP_F_EXT_ECHO_REQ_LOCAL,
  ICMP_F_EXT_ECHO_RSP_STATE,
  ICMP_F_EXT_ECHO_RSP_RES,
  ICMP_F_EXT_ECHO_RSP_ACTIVE,
  ICMP_F_EXT_ECHO_RSP_IPV4,
  ICMP_F_EXT_ECHO_RSP_IPV6,
  ICMP_F_EXT,
  ICMP_F_EXT_VERSION,
  ICMP_F_EXT_RES,
  ICMP_F_EXT_CHECKSUM,
  ICMP_F_EXT_CHECKSUM_STATUS,
  ICMP_F_EXT_LENGTH,
  ICMP_F_EXT_CLASS,
  ICMP_F_EXT_CTYPE,
  ICMP_F_EXT_DATA,
  ICMP_F_MPLS_LABEL,
  ICMP_F_MPLS_EXP,
  ICMP_F_MPLS_S,
  ICMP_F_MPLS_TTL,
  ICMP_F_MPLS_DATA,
  ICMP_F_INT_INFO_ROLE,
  ICMP_F_INT_INFO_RESERVED,
  ICMP_F_INT_INFO_IFINDEX,
  ICMP_F_INT_INFO_IPADDR,
  ICMP_F_INT_INFO_NAME_PRESENT,
  ICMP_F_INT_INFO_MTU_PRESENT,
  ICMP_F_INT_INFO_INDEX,
  ICMP_F_INT_INFO_AFI,
  ICMP_F_INT_INFO_IPV4,
  ICMP_F_INT_INFO_IPV6,
  ICMP_F_INT_INFO_IPUNKNOWN,
  ICMP_F_INT_INFO_NAME_LENGTH,
  ICMP_F_INT_INFO_NAME,
  ICMP_F_INT_INFO_MTU,
  ICMP_F_INT_IDENT_NAME,
  ICMP_F_INT_IDENT_INDEX,
  ICMP_F_INT_IDENT_AFI,
  ICMP_F_INT_IDENT_ADDR_LENGTH,
  ICMP_F_INT_IDENT_RESERVED,
  ICMP_F_INT_IDENT_IPV4,
  ICMP_F_INT_IDENT_IPV6,
  ICMP_F_INT_IDENT_ADDRESS,
  ICMP_F_RESP_IN,
  ICMP_F_NO_RESP,
  ICMP_F_RESP_TO,
  ICMP_F_RESPTIME,
  ICMP_F_COUNT
};

enum
{
  ICMP_ECHOREPLY = 0,
  ICMP_UNREACH = 3,
  ICMP_SOURCEQUENCH = 4,
  ICMP_REDIRECT = 5,
  ICMP_ALTHOST = 6,
  ICMP_ECHO = 8,
  ICMP_RTRADVERT = 9,
  ICMP_RTRSOLICIT = 10,
  ICMP_TIMXCEED = 11,
  ICMP_PARAMPROB = 12,
  ICMP_TSTAMP = 13,
  ICMP_TSTAMPREPLY = 14,
  ICMP_IREQ = 15,
  ICMP_IREQREPLY = 16,
  ICMP_MASKREQ = 17,
  ICMP_MASKREPLY = 18,
  ICMP_PHOTURIS = 40,
  ICMP_EXTECHO = 42,
  ICMP_EXTECHOREPLY = 43,
};

#define ICMP_FRAG_NEEDED 4

/* IANA "ICMP Type Numbers", with Wireshark's names. */
static const SsValueString type_vals[] = {
  { 0, "Echo (ping) reply" }, { 1, "Reserved" }, { 2, "Reserved" },
  { 3, "Destination unreachable" }, { 4, "Source quench (flow control)" }, { 5, "Redirect" },
  { 6, "Alternate host address" }, { 8, "Echo (ping) request" },
  { 9, "Router advertisement" }, { 10, "Router solicitation" },
  { 11, "Time-to-live exceeded" }, { 12, "Parameter problem" }, { 13, "Timestamp request" },
  { 14, "Timestamp reply" }, { 15, "Information request" }, { 16, "Information reply" },
  { 17, "Address mask request" }, { 18, "Address mask reply" },
  { 19, "Reserved (for security)" }, { 30, "Traceroute" }, { 31, "Datagram Conversion Error" },
  { 32, "Mobile Host Redirect" }, { 33, "IPv6 Where-Are-You" }, { 34, "IPv6 I-Am-Here" },
  { 35, "Mobile Registration Request" }, { 36, "Mobile Registration Reply" },
  { 37, "Domain Name Request" }, { 38, "Domain Name Reply" }, { 39, "SKIP" },
  { 40, "Photuris" }, { 41, "Experimental mobility protocols" },
  { 42, "Extended Echo request" }, { 43, "Extended Echo reply" }, { 0, NULL }
};

static const SsValueString unreach_code_vals[] = {
  { 0, "Network unreachable" }, { 1, "Host unreachable" }, { 2, "Protocol unreachable" },
  { 3, "Port unreachable" }, { 4, "Fragmentation needed" }, { 5, "Source route failed" },
  { 6, "Destination network unknown" }, { 7, "Destination host unknown" },
  { 8, "Source host isolated" }, { 9, "Network administratively prohibited" },
  { 10, "Host administratively prohibited" }, { 11, "Network unreachable for TOS" },
  { 12, "Host unreachable for TOS" }, { 13, "Communication administratively filtered" },
  { 14, "Host precedence violation" }, { 15, "Precedence cutoff in effect" }, { 0, NULL }
};

static const SsValueString redir_code_vals[] = {
  { 0, "Redirect for network" }, { 1, "Redirect for host" },
  { 2, "Redirect for TOS and network" }, { 3, "Redirect for TOS and host" }, { 0, NULL }
};

static const SsValueString alt_host_code_vals[] = {
  { 0, "Alternate address for host" }, { 0, NULL }
};

static const SsValueString rtradvert_code_vals[] = {
  { 0, "Normal router advertisement" }, { 16, "Does not route common traffic" }, { 0, NULL }
};

static const SsValueString ttl_code_vals[] = {
  { 0, "Time to live exceeded in transit" }, { 1, "Fragment reassembly time exceeded" },
  { 0, NULL }
};

static const SsValueString par_code_vals[] = {
  { 0, "Pointer indicates the error" }, { 1, "Required option missing" }, { 2, "Bad length" },
  { 0, NULL }
};

static const SsValueString photuris_code_vals[] = {
  { 0, "Bad SPI" }, { 1, "Authentication Failed" }, { 2, "Decompression Failed" },
  { 3, "Decryption Failed" }, { 4, "Need Authentication" }, { 5, "Need Authorization" },
  { 0, NULL }
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

static const SsValueString ext_echo_ident_vals[] = {
  { 1, "Identifies Interface By Name" }, { 2, "Identifies Interface By Index" },
  { 3, "Identifies Interface By Address" }, { 0, NULL }
};

static const SsValueString ext_class_vals[] = {
  { 1, "MPLS Label Stack Class" }, { 2, "Interface Information Object" },
  { 3, "Interface Identification Object" }, { 0, NULL }
};

static const SsValueString int_info_role_vals[] = {
  { 0, "IP interface upon which datagram arrived" },
  { 1, "Sub-IP component of an IP interface upon which datagram arrived" },
  { 2, "IP interface through which datagram would be forwarded" },
  { 3, "IP next-hop to which datagram would be forwarded" }, { 0, NULL }
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
  CKSUM_NOT_PRESENT = 3,
};

static const SsFieldDef icmp_fields[] = {
  [ICMP_F_TYPE] = { "icmp.type", N_("Type"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_CODE] = { "icmp.code", N_("Code"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_CHECKSUM] = { "icmp.checksum", N_("Checksum"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMP_F_CHECKSUM_STATUS] = { "icmp.checksum.status", N_("Checksum Status"), SS_FT_UINT8,
                               SS_BASE_NONE, checksum_status_vals },
  [ICMP_F_UNUSED] = { "icmp.unused", N_("Unused"), SS_FT_BYTES },
  [ICMP_F_RESERVED] = { "icmp.reserved", N_("Reserved"), SS_FT_BYTES },
  [ICMP_F_IDENT] = { "icmp.ident", N_("Identifier (BE)"), SS_FT_UINT16, SS_BASE_DEC_HEX },
  [ICMP_F_IDENT_LE] = { "icmp.ident_le", N_("Identifier (LE)"), SS_FT_UINT16,
                        SS_BASE_DEC_HEX },
  [ICMP_F_SEQ] = { "icmp.seq", N_("Sequence Number (BE)"), SS_FT_UINT16, SS_BASE_DEC_HEX },
  [ICMP_F_SEQ_LE] = { "icmp.seq_le", N_("Sequence Number (LE)"), SS_FT_UINT16,
                      SS_BASE_DEC_HEX },
  [ICMP_F_MTU] = { "icmp.mtu", N_("MTU of next hop"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMP_F_NUM_ADDRS] = { "icmp.num_addrs", N_("Number of addresses"), SS_FT_UINT8,
                         SS_BASE_DEC },
  [ICMP_F_ADDR_ENTRY_SIZE] = { "icmp.addr_entry_size", N_("Address entry size"), SS_FT_UINT8,
                               SS_BASE_DEC },
  [ICMP_F_LIFETIME] = { "icmp.lifetime", N_("Lifetime"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMP_F_POINTER] = { "icmp.pointer", N_("Pointer"), SS_FT_UINT32, SS_BASE_DEC },
  [ICMP_F_ROUTER_ADDRESS] = { "icmp.router_address", N_("Router address"), SS_FT_IPv4 },
  [ICMP_F_PREF_LEVEL] = { "icmp.pref_level", N_("Preference level"), SS_FT_INT32,
                          SS_BASE_DEC },
  [ICMP_F_ORIGINATE_TIMESTAMP] = { "icmp.originate_timestamp", N_("Originate Timestamp"),
                                   SS_FT_UINT32, SS_BASE_DEC },
  [ICMP_F_RECEIVE_TIMESTAMP] = { "icmp.receive_timestamp", N_("Receive Timestamp"),
                                 SS_FT_UINT32, SS_BASE_DEC },
  [ICMP_F_TRANSMIT_TIMESTAMP] = { "icmp.transmit_timestamp", N_("Transmit Timestamp"),
                                  SS_FT_UINT32, SS_BASE_DEC },
  [ICMP_F_ADDRESS_MASK] = { "icmp.address_mask", N_("Address Mask"), SS_FT_IPv4 },
  [ICMP_F_REDIR_GW] = { "icmp.redir_gw", N_("Gateway Address"), SS_FT_IPv4 },
  [ICMP_F_RESP_IN] = { "icmp.resp_in", N_("Response frame"), SS_FT_FRAMENUM, SS_BASE_NONE,
                       NULL, 0, NULL, N_("The frame number of the corresponding response") },
  [ICMP_F_NO_RESP] = { "icmp.no_resp", N_("No response seen"), SS_FT_NONE, SS_BASE_NONE, NULL,
                       0, NULL, N_("No corresponding response frame was seen") },
  [ICMP_F_RESP_TO] = { "icmp.resp_to", N_("Request frame"), SS_FT_FRAMENUM, SS_BASE_NONE,
                       NULL, 0, NULL, N_("The frame number of the corresponding request") },
  [ICMP_F_RESPTIME] = { "icmp.resptime", N_("Response time"), SS_FT_DOUBLE, SS_BASE_NONE, NULL,
                        0, NULL, N_("The time between the request and the response, in ms.") },
  [ICMP_F_DATA_TIME] = { "icmp.data_time", N_("Timestamp from icmp data"),
                         SS_FT_ABSOLUTE_TIME, SS_BASE_TIME_LOCAL },
  [ICMP_F_DATA_TIME_RELATIVE] = { "icmp.data_time_relative",
                                  N_("Timestamp from icmp data (relative)"),
                                  SS_FT_RELATIVE_TIME },
  [ICMP_F_LENGTH] = { "icmp.length", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_LENGTH_ORIGINAL] = { "icmp.length.original_datagram",
                               N_("Length of original datagram"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_EXT_ECHO_SEQ] = { "icmp.ext.echo.seq", N_("Sequence Number"), SS_FT_UINT8,
                            SS_BASE_DEC_HEX },
  [ICMP_F_EXT_ECHO_REQ_RES] = { "icmp.ext.echo.req.res", N_("Reserved"), SS_FT_UINT8,
                                SS_BASE_HEX, NULL, 0xfe },
  [ICMP_F_EXT_ECHO_REQ_LOCAL] = { "icmp.ext.echo.req.local", N_("Local bit"), SS_FT_BOOLEAN, 8,
                                  NULL, 0x01 },
  [ICMP_F_EXT_ECHO_RSP_STATE] = { "icmp.ext.echo.rsp.state", N_("State"), SS_FT_UINT8,
                                  SS_BASE_DEC, ext_echo_state_vals, 0xe0 },
  [ICMP_F_EXT_ECHO_RSP_RES] = { "icmp.ext.echo.rsp.res", N_("Reserved"), SS_FT_UINT8,
                                SS_BASE_HEX, NULL, 0x18 },
  [ICMP_F_EXT_ECHO_RSP_ACTIVE] = { "icmp.ext.echo.rsp.active", N_("Active bit"), SS_FT_BOOLEAN,
                                   8, NULL, 0x04 },
  [ICMP_F_EXT_ECHO_RSP_IPV4] = { "icmp.ext.echo.rsp.ipv4", N_("IPv4 bit"), SS_FT_BOOLEAN, 8,
                                 NULL, 0x02 },
  [ICMP_F_EXT_ECHO_RSP_IPV6] = { "icmp.ext.echo.rsp.ipv6", N_("IPv6 bit"), SS_FT_BOOLEAN, 8,
                                 NULL, 0x01 },
  [ICMP_F_EXT] = { "icmp.ext", N_("ICMP Extensions"), SS_FT_NONE },
  [ICMP_F_EXT_VERSION] = { "icmp.ext.version", N_("Version"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_EXT_RES] = { "icmp.ext.res", N_("Reserved"), SS_FT_UINT16, SS_BASE_HEX, NULL,
                       0x0fff },
  [ICMP_F_EXT_CHECKSUM] = { "icmp.ext.checksum", N_("Checksum"), SS_FT_UINT16, SS_BASE_HEX },
  [ICMP_F_EXT_CHECKSUM_STATUS] = { "icmp.ext.checksum.status", N_("Checksum Status"),
                                   SS_FT_UINT8, SS_BASE_NONE, checksum_status_vals },
  [ICMP_F_EXT_LENGTH] = { "icmp.ext.length", N_("Length"), SS_FT_UINT16, SS_BASE_DEC },
  [ICMP_F_EXT_CLASS] = { "icmp.ext.class", N_("Class"), SS_FT_UINT8, SS_BASE_DEC,
                         ext_class_vals },
  [ICMP_F_EXT_CTYPE] = { "icmp.ext.ctype", N_("C-Type"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_EXT_DATA] = { "icmp.ext.data", N_("Data"), SS_FT_BYTES },
  [ICMP_F_MPLS_LABEL] = { "icmp.mpls.label", N_("Label"), SS_FT_UINT24, SS_BASE_DEC, NULL,
                          0xfffff0 },
  [ICMP_F_MPLS_EXP] = { "icmp.mpls.exp", N_("Experimental"), SS_FT_UINT24, SS_BASE_DEC, NULL,
                        0x0e },
  [ICMP_F_MPLS_S] = { "icmp.mpls.s", N_("Stack bit"), SS_FT_BOOLEAN, 24, NULL, 0x01 },
  [ICMP_F_MPLS_TTL] = { "icmp.mpls.ttl", N_("Time to live"), SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_MPLS_DATA] = { "icmp.mpls.data", N_("Data"), SS_FT_BYTES },
  [ICMP_F_INT_INFO_ROLE] = { "icmp.int_info.role", N_("Interface Role"), SS_FT_UINT8,
                             SS_BASE_DEC, int_info_role_vals, 0xc0 },
  [ICMP_F_INT_INFO_RESERVED] = { "icmp.int_info.reserved", N_("Reserved"), SS_FT_UINT8,
                                 SS_BASE_DEC, NULL, 0x30 },
  [ICMP_F_INT_INFO_IFINDEX] = { "icmp.int_info.ifindex", N_("ifIndex"), SS_FT_BOOLEAN, 8, NULL,
                                0x08 },
  [ICMP_F_INT_INFO_IPADDR] = { "icmp.int_info.ipaddr", N_("IP Address"), SS_FT_BOOLEAN, 8,
                               NULL, 0x04 },
  [ICMP_F_INT_INFO_NAME_PRESENT] = { "icmp.int_info.name_present", N_("Interface Name"),
                                     SS_FT_BOOLEAN, 8, NULL, 0x02 },
  [ICMP_F_INT_INFO_MTU_PRESENT] = { "icmp.int_info.mtu_present", N_("MTU"), SS_FT_BOOLEAN, 8,
                                    NULL, 0x01 },
  [ICMP_F_INT_INFO_INDEX] = { "icmp.int_info.index", N_("Interface Index"), SS_FT_UINT32,
                              SS_BASE_DEC },
  [ICMP_F_INT_INFO_AFI] = { "icmp.int_info.afi", N_("Address Family Identifier"), SS_FT_UINT16,
                            SS_BASE_DEC },
  [ICMP_F_INT_INFO_IPV4] = { "icmp.int_info.ipv4", N_("Source"), SS_FT_IPv4 },
  [ICMP_F_INT_INFO_IPV6] = { "icmp.int_info.ipv6", N_("Source"), SS_FT_IPv6 },
  [ICMP_F_INT_INFO_IPUNKNOWN] = { "icmp.int_info.ipunknown", N_("Source"), SS_FT_BYTES },
  [ICMP_F_INT_INFO_NAME_LENGTH] = { "icmp.int_info.name_length", N_("Name Length"), SS_FT_UINT8,
                                    SS_BASE_DEC },
  [ICMP_F_INT_INFO_NAME] = { "icmp.int_info.name", N_("Name"), SS_FT_STRING },
  [ICMP_F_INT_INFO_MTU] = { "icmp.int_info.mtu", N_("Maximum Transmission Unit"), SS_FT_UINT32,
                            SS_BASE_DEC },
  [ICMP_F_INT_IDENT_NAME] = { "icmp.int_ident.name", N_("Name"), SS_FT_STRING },
  [ICMP_F_INT_IDENT_INDEX] = { "icmp.int_ident.index", N_("Interface Index"), SS_FT_UINT32,
                               SS_BASE_DEC },
  [ICMP_F_INT_IDENT_AFI] = { "icmp.int_ident.afi", N_("Address Family Identifier"),
                             SS_FT_UINT16, SS_BASE_DEC },
  [ICMP_F_INT_IDENT_ADDR_LENGTH] = { "icmp.int_ident.addr_length", N_("Address Length"),
                                     SS_FT_UINT8, SS_BASE_DEC },
  [ICMP_F_INT_IDENT_RESERVED] = { "icmp.int_ident.reserved", N_("Reserved"), SS_FT_BYTES },
  [ICMP_F_INT_IDENT_IPV4] = { "icmp.int_ident.ipv4", N_("Address"), SS_FT_IPv4 },
  [ICMP_F_INT_IDENT_IPV6] = { "icmp.int_ident.ipv6", N_("Address"), SS_FT_IPv6 },
  [ICMP_F_INT_IDENT_ADDRESS] = { "icmp.int_ident.address", N_("Address"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (icmp_fields) == ICMP_F_COUNT);

enum
{
  ICMP_E_CHECKSUM,
  ICMP_E_EXT_CHECKSUM,
  ICMP_E_RESP_NOT_FOUND,
  ICMP_E_COUNT
};

static const SsExpertDef icmp_experts[] = {
  [ICMP_E_CHECKSUM] = { "icmp.checksum_bad", SS_EXPERT_GROUP_CHECKSUM, SS_EXPERT_WARN,
                        N_("Bad checksum") },
  [ICMP_E_EXT_CHECKSUM] = { "icmp.ext.checksum_bad", SS_EXPERT_GROUP_CHECKSUM, SS_EXPERT_WARN,
                            N_("Bad checksum") },
  [ICMP_E_RESP_NOT_FOUND] = { "icmp.resp_not_found", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                              N_("Response not found") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (icmp_experts) == ICMP_E_COUNT);

#define MS_PER_DAY 86400000u

/* The TTL of the IPv4 header right before this message (RFC 791 §3.1), for the Info column:
 * found by looking back over the possible header lengths for a version 4 header of that length
 * that names ICMP. -1 when none is found. */
static gint
enclosing_ipv4_ttl (const SsPacket *pkt,
                    const SsReader *r)
{
  SsReader fr;

  if (pkt->n_sources != 0 || !pkt->data)
    return -1;
  ss_reader_init (&fr, pkt->data, pkt->caplen, pkt->len, NULL);
  for (guint hlen = 20; hlen <= 60 && hlen <= r->base; hlen += 4)
    {
      guint p = r->base - hlen;
      guint8 vhl;

      if (!ss_reader_has (&fr, p, 20))
        continue;
      vhl = ss_reader_get_u8 (&fr, p);
      if ((vhl >> 4) == 4 && (vhl & 0x0f) * 4u == hlen && ss_reader_get_u8 (&fr, p + 9) == 1)
        return ss_reader_get_u8 (&fr, p + 8);
    }
  return -1;
}

/* RFC 1071: the ones' complement sum of @len bytes from @off, the checksum field skipped
 * when @skip is not G_MAXUINT. The caller checked that the bytes are there. */
static guint16
ones_complement_sum (SsReader *r,
                     guint     off,
                     guint     len,
                     guint     skip)
{
  guint64 sum = 0;
  guint i;

  for (i = 0; i + 1 < len; i += 2)
    if (off + i != skip)
      sum += ss_reader_get_ntohs (r, off + i);
  if (i < len)
    sum += (guint) ss_reader_get_u8 (r, off + i) << 8;
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return (guint16) sum;
}

/* Adds a checksum verified over @len bytes from @off (the field at @cksum_off), Wireshark's
 * "in checksum" way: it is correct when the sum over everything, the field included, is all
 * ones. */
static void
add_checksum (SsLayer  *l,
              guint     field,
              guint     status_field,
              guint     expert,
              guint     cksum_off,
              guint     off,
              guint     len)
{
  SsPacket *pkt = l->pkt;
  SsItem *it = ss_layer_add_item (l, NULL, field, cksum_off, 2, SS_ENC_BE);
  guint16 total, should_be;

  if (ss_reader_failed (l->r))
    return;
  total = ones_complement_sum (l->r, off, len, G_MAXUINT);
  if (total == 0xffff)
    {
      ss_item_append_text (pkt, it, " [correct]");
      ss_item_set_flags (ss_layer_add_uint (l, NULL, status_field, cksum_off, 0, CKSUM_GOOD),
                         SS_ITEM_GENERATED);
      return;
    }
  should_be = (guint16) ~ones_complement_sum (l->r, off, len, cksum_off);
  ss_item_set_flags (ss_layer_add_uint (l, NULL, status_field, cksum_off, 0, CKSUM_BAD),
                     SS_ITEM_GENERATED);
  ss_item_append_text (pkt, it, " incorrect, should be 0x%04x", should_be);
  ss_packet_add_expert (pkt, it, SS_PROTO_ICMP, expert, _("Bad checksum [should be 0x%04x]"),
                        should_be);
}

/* Wireshark's time_secs_to_str: "1 day, 2 hours, 3 minutes, 4.005 seconds". */
static void
append_duration (GString *s,
                 gint64   secs,
                 guint    msecs)
{
  const char *sign = "";
  gboolean comma = FALSE;
  guint64 v;
  guint d, h, m, sec;

  if (secs < 0)
    {
      sign = "-";
      secs = -secs;
    }
  v = (guint64) secs;
  sec = v % 60;
  v /= 60;
  m = v % 60;
  v /= 60;
  h = v % 24;
  d = (guint) (v / 24);
  if (d)
    {
      g_string_append_printf (s, "%s%u day%s", sign, d, d == 1 ? "" : "s");
      comma = TRUE;
      sign = "";
    }
  if (h)
    {
      g_string_append_printf (s, "%s%s%u hour%s", comma ? ", " : "", sign, h, h == 1 ? "" : "s");
      comma = TRUE;
      sign = "";
    }
  if (m)
    {
      g_string_append_printf (s, "%s%s%u minute%s", comma ? ", " : "", sign, m,
                              m == 1 ? "" : "s");
      comma = TRUE;
      sign = "";
    }
  if (sec || msecs)
    {
      if (msecs)
        g_string_append_printf (s, "%s%s%u.%03u seconds", comma ? ", " : "", sign, sec, msecs);
      else
        g_string_append_printf (s, "%s%s%u second%s", comma ? ", " : "", sign, sec,
                                sec == 1 ? "" : "s");
    }
}

static const char *
msecs_to_str (SsPacket *pkt,
              guint32   ms)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (ms == 0)
    return "0 seconds";
  append_duration (s, ms / 1000, ms % 1000);
  return ss_arena_strdup (pkt->arena, s->str);
}

static const char *
secs_to_str (SsPacket *pkt,
             gint64    secs)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (secs == 0)
    return "0 seconds";
  append_duration (s, secs, 0);
  return ss_arena_strdup (pkt->arena, s->str);
}

/* RFC 792 timestamps are milliseconds since midnight UT, in either byte order in practice
 * (Wireshark's get_best_guess_mstimeofday). */
static guint32
guess_mstimeofday (SsReader *r,
                   guint     off,
                   guint32   comp)
{
  guint32 be = ss_reader_get_ntohl (r, off) & 0x7fffffff;
  guint32 le = ss_reader_get_letohl (r, off) & 0x7fffffff;

  if (be < MS_PER_DAY && le >= MS_PER_DAY)
    return be;
  if (le < MS_PER_DAY && be >= MS_PER_DAY)
    return le;
  if (be < MS_PER_DAY && le < MS_PER_DAY)
    {
      guint32 b = be, e = le;

      if (b < comp && b <= MS_PER_DAY / 4 && comp >= MS_PER_DAY - MS_PER_DAY / 4)
        b += MS_PER_DAY;
      if (e < comp && e <= MS_PER_DAY / 4 && comp >= MS_PER_DAY - MS_PER_DAY / 4)
        e += MS_PER_DAY;
      return (b - comp) < (e - comp) ? be : le;
    }
  return (be - comp) < (le - comp) ? be : le;
}

/* RFC 4884 §7 multi-part extension structure, with RFC 4950 and RFC 5837 objects. Every object
 * advances by at least its 4-byte header. @l is an ICMP layer; its node may be another
 * protocol's. */
void
ss_icmp_dissect_extensions (SsLayer *l,
                            guint    off)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  guint32 reported = ss_reader_reported_remaining (r, off);
  guint8 version;
  guint16 cksum;
  guint int_info_count = 0;
  SsItem *ext, *it;

  ext = ss_layer_add_uint (l, NULL, ICMP_F_EXT, off, MIN (reported, ss_reader_remaining (r, off)),
                           0);
  ss_item_set_text (pkt, ext, "ICMP Multi-Part Extensions");
  if (reported < 4)
    return;
  version = ss_reader_get_u8 (r, off) >> 4;
  ss_layer_add_uint (l, ext, ICMP_F_EXT_VERSION, off, 1, version);
  ss_layer_add_item (l, ext, ICMP_F_EXT_RES, off, 2, SS_ENC_BE);
  cksum = ss_reader_get_ntohs (r, off + 2);
  if (ss_reader_failed (r))
    return;
  if (cksum == 0)
    {
      it = ss_layer_add_item (l, ext, ICMP_F_EXT_CHECKSUM, off + 2, 2, SS_ENC_BE);
      ss_item_append_text (pkt, it, " [not present]");
      ss_item_set_flags (ss_layer_add_uint (l, ext, ICMP_F_EXT_CHECKSUM_STATUS, off + 2, 0,
                                            CKSUM_NOT_PRESENT), SS_ITEM_GENERATED);
    }
  else if (!ss_reader_check (r, off, reported))
    return;
  else
    {
      SsLayer el = *l;

      /* add_checksum adds at the layer's top; the extension node is the parent here */
      el.top = ext ? ext : l->top;
      add_checksum (&el, ICMP_F_EXT_CHECKSUM, ICMP_F_EXT_CHECKSUM_STATUS, ICMP_E_EXT_CHECKSUM,
                    off + 2, off, reported);
    }
  if (version != 1 && version != 2)
    {
      ss_item_append_text (pkt, ext, " (unsupported version)");
      return;
    }

  off += 4;
  while (ss_reader_reported_remaining (r, off) >= 4)
    {
      guint16 obj_len = ss_reader_get_ntohs (r, off);
      guint8 class_num = ss_reader_get_u8 (r, off + 2);
      guint8 c_type = ss_reader_get_u8 (r, off + 3);
      guint trunc_len = MIN (obj_len, ss_reader_reported_remaining (r, off));
      guint end = off + trunc_len;
      gboolean unknown = FALSE;
      SsItem *obj;

      if (ss_reader_failed (r))
        return;
      obj = ss_layer_add_text (l, ext, off, MAX (trunc_len, 4u), "Unknown object");
      ss_layer_add_uint (l, obj, ICMP_F_EXT_LENGTH, off, 2, obj_len);
      ss_layer_add_item (l, obj, ICMP_F_EXT_CLASS, off + 2, 1, SS_ENC_BE);
      if (obj_len < 4)
        {
          ss_item_set_text (pkt, obj, "Object with bad length");
          return;
        }

      switch (class_num)
        {
        case 1:   /* MPLS label stack, RFC 4950 */
          ss_layer_add_uint (l, obj, ICMP_F_EXT_CTYPE, off + 3, 1, c_type);
          if (c_type != 1)
            {
              unknown = TRUE;
              break;
            }
          ss_item_set_text (pkt, obj, "MPLS Stack Entry");
          {
            guint o = off + 4;

            for (; o + 4 <= end && ss_reader_reported_remaining (r, o) >= 4; o += 4)
              {
                guint32 label = ss_reader_get_ntohs (r, o);
                guint8 tmp = ss_reader_get_u8 (r, o + 2);
                guint8 ttl = ss_reader_get_u8 (r, o + 3);
                SsItem *entry;

                if (ss_reader_failed (r))
                  return;
                label = (label << 4) + (tmp >> 4);
                entry = ss_layer_add_text (l, obj, o, 4, "Label: %u, Exp: %u, S: %u, TTL: %u",
                                           label, (tmp >> 1) & 0x07, tmp & 0x01, ttl);
                ss_layer_add_uint (l, entry, ICMP_F_MPLS_LABEL, o, 3, label);
                ss_layer_add_uint (l, entry, ICMP_F_MPLS_EXP, o + 2, 1, (tmp >> 1) & 0x07);
                ss_layer_add_uint (l, entry, ICMP_F_MPLS_S, o + 2, 1, tmp & 0x01);
                ss_layer_add_item (l, entry, ICMP_F_MPLS_TTL, o + 3, 1, SS_ENC_BE);
              }
            if (o < end)
              ss_layer_add_item (l, obj, ICMP_F_MPLS_DATA, o, end - o, SS_ENC_BE);
          }
          break;
        case 2:   /* interface information, RFC 5837 §4 */
          {
            guint o = off + 4;

            ss_item_set_text (pkt, obj, "Interface Information Object");
            it = ss_layer_add_uint (l, obj, ICMP_F_EXT_CTYPE, off + 3, 1, c_type);
            for (guint f = ICMP_F_INT_INFO_ROLE; f <= ICMP_F_INT_INFO_MTU_PRESENT; f++)
              ss_layer_add_item (l, it, f, off + 3, 1, SS_ENC_BE);
            if (c_type & 0x08)
              {
                ss_layer_add_item (l, obj, ICMP_F_INT_INFO_INDEX, o, 4, SS_ENC_BE);
                o += 4;
              }
            if ((c_type & 0x04) && end >= o + 2)
              {
                guint16 afi = ss_reader_get_ntohs (r, o);
                SsItem *sub;

                if (ss_reader_failed (r))
                  return;
                sub = ss_layer_add_text (l, obj, o, afi == 1 ? 8 : 20, "IP Address Sub-Object");
                ss_layer_add_item (l, sub, ICMP_F_INT_INFO_AFI, o, 2, SS_ENC_BE);
                ss_layer_add_item (l, sub, ICMP_F_RESERVED, o + 2, 2, SS_ENC_BE);
                o += 4;
                if (afi == 1)
                  {
                    ss_layer_add_item (l, sub, ICMP_F_INT_INFO_IPV4, o, 4, SS_ENC_BE);
                    o += 4;
                  }
                else if (afi == 2)
                  {
                    ss_layer_add_item (l, sub, ICMP_F_INT_INFO_IPV6, o, 16, SS_ENC_BE);
                    o += 16;
                  }
                else
                  {
                    /* Wireshark's length here is negative: the item runs to the end */
                    ss_layer_add_item (l, sub, ICMP_F_INT_INFO_IPUNKNOWN, o,
                                       ss_reader_remaining (r, o), SS_ENC_BE);
                    break;
                  }
              }
            if (c_type & 0x02)
              {
                guint8 name_len = 0;
                SsItem *sub = NULL;

                if (end >= o + 1)
                  {
                    name_len = ss_reader_get_u8 (r, o);
                    sub = ss_layer_add_text (l, obj, o, name_len, "Interface Name Sub-Object");
                    ss_layer_add_item (l, sub, ICMP_F_INT_INFO_NAME_LENGTH, o, 1, SS_ENC_BE);
                    o += 1;
                  }
                if (end >= o + name_len)
                  {
                    /* A zero length makes Wireshark read the name to the end of the packet */
                    guint n = name_len ? name_len - 1u : ss_reader_remaining (r, o);

                    ss_layer_add_item (l, sub, ICMP_F_INT_INFO_NAME, o, n, SS_ENC_BE);
                    o = name_len ? o + name_len - 1u : o - 1;
                  }
              }
            if (c_type & 0x01)
              ss_layer_add_item (l, obj, ICMP_F_INT_INFO_MTU, o, 4, SS_ENC_BE);
            if (++int_info_count > 4)
              ss_item_set_text (pkt, obj, "More than 4 Interface Information Objects");
          }
          break;
        case 3:   /* interface identification, RFC 8335 §2.1 */
          {
            guint o = off + 4;

            ss_item_set_text (pkt, obj, "Interface Identification Object");
            if (ss_reader_reported_remaining (r, off) < 5)
              {
                unknown = TRUE;
                break;
              }
            it = ss_layer_add_uint (l, obj, ICMP_F_EXT_CTYPE, off + 3, 1, c_type);
            ss_item_append_text (pkt, it, " (%s)",
                                 ss_value_string_lookup (ext_echo_ident_vals, c_type)
                                 ? ss_value_string_lookup (ext_echo_ident_vals, c_type)
                                 : ss_arena_printf (pkt->arena, "Unknown C-Type %u", c_type));
            if (c_type == 1)
              ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_NAME, o, obj_len - 4u, SS_ENC_BE);
            else if (c_type == 2)
              ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_INDEX, o, 4, SS_ENC_BE);
            else if (c_type == 3)
              {
                guint16 afi = ss_reader_get_ntohs (r, o);
                guint8 addr_len = ss_reader_get_u8 (r, o + 2);

                ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_AFI, o, 2, SS_ENC_BE);
                ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_ADDR_LENGTH, o + 2, 1, SS_ENC_BE);
                ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_RESERVED, o + 3, 1, SS_ENC_BE);
                if (ss_reader_failed (r))
                  return;
                o += 4;
                /* every address advances by its size; the length bounds the count */
                if (afi == 1)
                  for (; addr_len >= 4 && ss_reader_reported_remaining (r, o) >= 4;
                       o += 4, addr_len -= 4)
                    ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_IPV4, o, 4, SS_ENC_BE);
                else if (afi == 2)
                  for (; addr_len >= 16 && ss_reader_reported_remaining (r, o) >= 16;
                       o += 16, addr_len -= 16)
                    ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_IPV6, o, 16, SS_ENC_BE);
                else
                  ss_layer_add_item (l, obj, ICMP_F_INT_IDENT_ADDRESS, o,
                                     ss_reader_reported_remaining (r, o), SS_ENC_BE);
              }
          }
          break;
        case 0:   /* extended payload */
          ss_layer_add_uint (l, obj, ICMP_F_EXT_CTYPE, off + 3, 1, c_type);
          if (c_type != 1)
            {
              unknown = TRUE;
              break;
            }
          ss_item_set_text (pkt, obj, "Extended Payload");
          if (trunc_len > 4)
            ss_layer_add_item (l, obj, ICMP_F_EXT_DATA, off + 4, trunc_len - 4, SS_ENC_BE);
          break;
        default:
          unknown = TRUE;
          break;
        }
      if (ss_reader_failed (r))
        return;
      if (unknown)
        {
          if (class_num != 0 && class_num != 1 && class_num != 3)
            ss_layer_add_item (l, obj, ICMP_F_EXT_CTYPE, off + 3, 1, SS_ENC_BE);
          ss_item_set_text (pkt, obj, "Unknown object (%u/%u)", class_num, c_type);
          if (trunc_len > 4)
            ss_layer_add_item (l, obj, ICMP_F_EXT_DATA, off + 4, trunc_len - 4, SS_ENC_BE);
        }
      if (trunc_len < obj_len)
        ss_item_append_text (pkt, obj, " (truncated)");
      if (ss_reader_failed (r))
        return;
      off = end;
    }
}

/* The datagram quoted by an error message: an IPv4 (or IPv6) header and what follows. */
static gboolean
dissect_quoted_datagram (SsLayer *l,
                         guint8   type,
                         guint8   orig_len)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;
  SsReader inner;
  SsPacketColumns saved;
  guint8 vhl = ss_reader_get_u8 (r, 8);
  guint16 inner_total = 0;

  if (ss_reader_failed (r))
    return FALSE;
  ss_reader_sub (r, 8, -1, &inner);
  if (type == ICMP_REDIRECT)
    {
      /* RFC 792: the internet header and 64 bits of the original datagram */
      ss_reader_limit (&inner, (vhl & 0x0f) * 4u + 8);
    }
  else if (orig_len != 0 && r->reported > 8u + orig_len * 4u)
    {
      inner_total = ss_reader_get_ntohs (r, 10);
      if (ss_reader_failed (r))
        return FALSE;
      /* RFC 4884 §4.1: the original datagram is padded to orig_len 32-bit words */
      if (inner_total > orig_len * 4u)
        ss_reader_limit (&inner, ((vhl & 0x0f) + orig_len) * 4u);
    }

  ss_packet_save_columns (pkt, &saved);
  pkt->want_columns = FALSE;
  ss_packet_call (pkt, (vhl >> 4) == 6 ? &ss_proto_ipv6 : &ss_proto_ip, &inner, 0);
  /* Wireshark's dissectors know when they read a quoted datagram (in_error_pkt) and accept
   * its transport header cut short; ours do not, so what fails past a complete network header
   * is not held against the packet. */
  if (pkt->status != saved.status
      && ss_reader_has (&inner, 0, (vhl >> 4) == 6 ? 40u : MAX (20u, (vhl & 0x0f) * 4u)))
    pkt->status = saved.status;
  ss_packet_restore_columns (pkt, &saved);
  if (pkt->status != saved.status)
    return FALSE;

  /* RFC 4884 §5: extensions follow 128 bytes of original datagram */
  if (r->reported > 8 + 128)
    {
      inner_total = ss_reader_get_ntohs (r, 10);
      if (ss_reader_failed (r))
        return FALSE;
      if (inner_total <= 128)
        ss_icmp_dissect_extensions (l, MAX (orig_len * 4u, 128u) + 8);
    }
  return TRUE;
}

/* ---- echo request and reply ----------------------------------------------------------------
 *
 * As Wireshark links them (RFC 792 and RFC 4443 echo): see ss-icmp.h. A frame dissected again
 * finds what the first pass linked it to; a request still unanswered once every frame has been
 * seen gets "no response found". */

typedef struct
{
  guint32 rqst_frame;
  guint32 resp_frame;
  gint64  rqst_ts_ns;
} EchoTrans;

typedef struct
{
  EchoTrans *unmatched;   /* the latest request under this key */
} EchoSlot;

/* (addresses either way round, @k0, @k1) into @key; 0 when the addresses do not fit. */
static gsize
echo_key (const SsPacket *pkt,
          guint32         k0,
          guint32         k1,
          guint8         *key)
{
  const SsAddress *a = &pkt->net_src, *b = &pkt->net_dst;
  gsize n = 0;

  if (a->len > 16 || b->len > 16 || a->type == SS_ADDR_NONE)
    return 0;
  if (a->len > b->len || (a->len == b->len && memcmp (a->data, b->data, a->len) > 0))
    {
      const SsAddress *t = a;

      a = b;
      b = t;
    }
  key[n++] = a->type;
  key[n++] = a->len;
  memcpy (key + n, a->data, a->len);
  n += a->len;
  key[n++] = b->type;
  key[n++] = b->len;
  memcpy (key + n, b->data, b->len);
  n += b->len;
  memcpy (key + n, &k0, 4);
  n += 4;
  memcpy (key + n, &k1, 4);
  return n + 4;
}

static gboolean
multicast_destination (const SsPacket *pkt)
{
  return (pkt->net_dst.type == SS_ADDR_IPV4 && (pkt->net_dst.data[0] & 0xf0) == 0xe0)
         || (pkt->net_dst.type == SS_ADDR_IPV6 && pkt->net_dst.data[0] == 0xff);
}

void
ss_icmp_link_echo (SsLayer                *l,
                   guint32                 k0,
                   guint32                 k1,
                   gboolean                reply,
                   const SsIcmpEchoFields *f)
{
  SsPacket *pkt = l->pkt;
  guint8 key[2 * 18 + 8];
  gsize n;
  const EchoTrans *m = NULL;

  if (!pkt->session)
    return;
  n = echo_key (pkt, k0, k1, key);
  if (n == 0)
    return;

  if (!pkt->visited)
    {
      if (!reply)
        {
          EchoSlot *slot = ss_session_conv_data (pkt->session, l->proto, key, n,
                                                 sizeof (EchoSlot));
          EchoTrans *t = ss_session_frame_data (pkt->session, l->proto, pkt->number, 0,
                                                sizeof *t);

          /* The request's own record, which its reply completes: until then it is waiting. */
          t->rqst_frame = pkt->number;
          t->rqst_ts_ns = pkt->ts_ns;
          slot->unmatched = t;
          return;
        }
      else
        {
          EchoSlot *slot = ss_session_lookup_conv_data (pkt->session, l->proto, key, n);
          EchoTrans *t = slot ? slot->unmatched : NULL;
          EchoTrans *own;

          if (!t || t->resp_frame)
            return;
          t->resp_frame = pkt->number;
          own = ss_session_frame_data (pkt->session, l->proto, pkt->number, 0, sizeof *own);
          *own = *t;
          m = t;
        }
    }
  else
    m = ss_session_lookup_frame_data (pkt->session, l->proto, pkt->number, 0);

  if (!reply)
    {
      if (m && m->resp_frame)
        {
          ss_item_set_flags (ss_layer_add_uint (l, NULL, f->resp_in, 0, 0, m->resp_frame),
                             SS_ITEM_GENERATED);
          ss_packet_append_info_uint (pkt, " (reply in ", m->resp_frame);
          ss_packet_append_info_str (pkt, ")");
        }
      else if (pkt->first_pass_done)
        {
          if (multicast_destination (pkt))
            ss_packet_append_info_str (pkt, " (multicast)");
          else
            {
              SsItem *it = ss_layer_add_uint (l, NULL, f->no_resp, 0, 0, 0);

              ss_item_set_flags (it, SS_ITEM_GENERATED);
              ss_packet_append_info_str (pkt, " (no response found!)");
              /* Wireshark's words differ between the two. */
              if (l->proto == SS_PROTO_ICMPV6)
                ss_packet_add_expert (pkt, it, l->proto, f->resp_not_found,
                                      _("No response seen to ICMPv6 request in frame %u"),
                                      pkt->number);
              else
                ss_packet_add_expert (pkt, it, l->proto, f->resp_not_found,
                                      _("No response seen to ICMP request"));
            }
        }
    }
  else if (m && m->resp_frame == pkt->number)
    {
      double ms = (double) (pkt->ts_ns - m->rqst_ts_ns) / 1e6;
      SsItem *it;

      ss_item_set_flags (ss_layer_add_uint (l, NULL, f->resp_to, 0, 0, m->rqst_frame),
                         SS_ITEM_GENERATED);
      it = ss_layer_add_double (l, NULL, f->resptime, 0, 0, ms);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      ss_item_set_text (pkt, it, "%s: %.3f ms", _(it->def->name), ms);
      ss_packet_append_info_uint (pkt, " (request in ", m->rqst_frame);
      ss_packet_append_info_str (pkt, ")");
    }
}

static const SsIcmpEchoFields icmp_echo_fields = {
  ICMP_F_RESP_IN, ICMP_F_NO_RESP, ICMP_F_RESP_TO, ICMP_F_RESPTIME, ICMP_E_RESP_NOT_FOUND
};

static void
dissect_icmp (SsPacket *pkt,
              SsReader *r)
{
  gboolean in_error = ss_packet_in_icmp_error (pkt);
  SsLayer l;
  guint8 type, code, orig_len, num_addrs = 0, entry_size = 0;
  const char *type_str, *code_str = NULL;
  const SsValueString *code_vals = NULL;
  SsItem *it;

  ss_packet_clear_info (pkt);
  l = ss_packet_begin_layer (pkt, SS_PROTO_ICMP, r, 0, -1);

  type = ss_reader_get_u8 (r, 0);
  code = ss_reader_get_u8 (r, 1);
  /* RFC 4884 §4.1: the length of the quoted datagram in 32-bit words, 0 when not given */
  orig_len = ss_reader_get_u8 (r, 5);
  if (ss_reader_failed (r))
    return;

  type_str = ss_value_string_lookup (type_vals, type);
  if (!type_str)
    type_str = "Unknown ICMP (obsolete or malformed?)";
  switch (type)
    {
    case ICMP_UNREACH:
      code_vals = unreach_code_vals;
      break;
    case ICMP_REDIRECT:
      code_vals = redir_code_vals;
      break;
    case ICMP_ALTHOST:
      code_vals = alt_host_code_vals;
      orig_len = 0;
      break;
    case ICMP_RTRADVERT:
      if (code == 0 || code == 16)
        type_str = "Mobile IP Advertisement";
      code_vals = rtradvert_code_vals;
      break;
    case ICMP_TIMXCEED:
      code_vals = ttl_code_vals;
      break;
    case ICMP_PARAMPROB:
      code_vals = par_code_vals;
      break;
    case ICMP_PHOTURIS:
      code_vals = photuris_code_vals;
      break;
    case ICMP_EXTECHO:
      code_vals = ext_echo_req_code_vals;
      break;
    case ICMP_EXTECHOREPLY:
      code_vals = ext_echo_reply_code_vals;
      break;
    default:
      break;
    }
  if (code_vals)
    {
      code_str = ss_value_string_lookup (code_vals, code);
      if (!code_str)
        code_str = ss_arena_printf (pkt->arena, "Unknown code: %u", code);
    }

  ss_packet_set_info (pkt, "%-20s", type_str);
  if (code_str)
    ss_packet_append_info (pkt, " (%s)", code_str);

  it = ss_layer_add_item (&l, NULL, ICMP_F_TYPE, 0, 1, SS_ENC_BE);
  ss_item_append_text (pkt, it, " (%s)", type_str);
  it = ss_layer_add_item (&l, NULL, ICMP_F_CODE, 1, 1, SS_ENC_BE);
  if (code_str)
    ss_item_append_text (pkt, it, " (%s)", code_str);

  /* The checksum covers the whole message, so it can only be checked when all of it is
   * there; a quoted message is cut short by design. */
  if (r->captured >= r->reported && !in_error)
    add_checksum (&l, ICMP_F_CHECKSUM, ICMP_F_CHECKSUM_STATUS, ICMP_E_CHECKSUM, 2, 0,
                  r->reported);
  else
    {
      it = ss_layer_add_item (&l, NULL, ICMP_F_CHECKSUM, 2, 2, SS_ENC_BE);
      ss_item_append_text (pkt, it, " [unverified] [%s]", in_error ? "in ICMP error packet"
                                                                   : "fragmented datagram");
      ss_item_set_flags (ss_layer_add_uint (&l, NULL, ICMP_F_CHECKSUM_STATUS, 2, 0,
                                            CKSUM_UNVERIFIED), SS_ITEM_GENERATED);
    }
  if (ss_reader_failed (r))
    return;

  /* The second 32-bit word */
  switch (type)
    {
    case ICMP_ECHOREPLY:
    case ICMP_ECHO:
    case ICMP_TSTAMP:
    case ICMP_TSTAMPREPLY:
    case ICMP_IREQ:
    case ICMP_IREQREPLY:
    case ICMP_MASKREQ:
    case ICMP_MASKREPLY:
      {
        gint ttl;

        ss_layer_add_item (&l, NULL, ICMP_F_IDENT, 4, 2, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMP_F_IDENT_LE, 4, 2, SS_ENC_LE);
        ss_layer_add_item (&l, NULL, ICMP_F_SEQ, 6, 2, SS_ENC_BE);
        ss_layer_add_item (&l, NULL, ICMP_F_SEQ_LE, 6, 2, SS_ENC_LE);
        if (ss_reader_failed (r))
          return;
        ss_packet_append_info (pkt, " id=0x%04x, seq=%u/%u", ss_reader_get_ntohs (r, 4),
                               ss_reader_get_ntohs (r, 6), ss_reader_get_letohs (r, 6));
        if (pkt->want_columns && (ttl = enclosing_ipv4_ttl (pkt, r)) >= 0)
          ss_packet_append_info (pkt, ", ttl=%d", ttl);
      }
      break;
    case ICMP_UNREACH:
    case ICMP_TIMXCEED:
    case ICMP_PARAMPROB:
      if (type == ICMP_PARAMPROB)
        ss_layer_add_item (&l, NULL, ICMP_F_POINTER, 4, 1, SS_ENC_BE);
      if (orig_len > 0)
        {
          if (type != ICMP_PARAMPROB)
            ss_layer_add_item (&l, NULL, ICMP_F_UNUSED, 4, 1, SS_ENC_BE);
          ss_layer_add_item (&l, NULL, ICMP_F_LENGTH, 5, 1, SS_ENC_BE);
          ss_item_set_flags (ss_layer_add_uint (&l, NULL, ICMP_F_LENGTH_ORIGINAL, 5, 1,
                                                (guint8) (orig_len * 4)), SS_ITEM_GENERATED);
          ss_layer_add_item (&l, NULL, type == ICMP_UNREACH && code == ICMP_FRAG_NEEDED
                                       ? ICMP_F_MTU : ICMP_F_UNUSED, 6, 2, SS_ENC_BE);
        }
      else if (type == ICMP_PARAMPROB)
        ss_layer_add_item (&l, NULL, ICMP_F_UNUSED, 5, 3, SS_ENC_BE);
      else if (type == ICMP_UNREACH && code == ICMP_FRAG_NEEDED)
        {
          ss_layer_add_item (&l, NULL, ICMP_F_UNUSED, 4, 2, SS_ENC_BE);
          ss_layer_add_item (&l, NULL, ICMP_F_MTU, 6, 2, SS_ENC_BE);
        }
      else
        ss_layer_add_item (&l, NULL, ICMP_F_UNUSED, 4, 4, SS_ENC_BE);
      break;
    case ICMP_RTRADVERT:
      num_addrs = ss_reader_get_u8 (r, 4);
      entry_size = ss_reader_get_u8 (r, 5);
      ss_layer_add_item (&l, NULL, ICMP_F_NUM_ADDRS, 4, 1, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMP_F_ADDR_ENTRY_SIZE, 5, 1, SS_ENC_BE);
      it = ss_layer_add_item (&l, NULL, ICMP_F_LIFETIME, 6, 2, SS_ENC_BE);
      if (!ss_reader_failed (r))
        ss_item_append_text (pkt, it, " (%s)", secs_to_str (pkt, ss_reader_get_ntohs (r, 6)));
      break;
    case ICMP_REDIRECT:
      ss_layer_add_item (&l, NULL, ICMP_F_REDIR_GW, 4, 4, SS_ENC_BE);
      break;
    case ICMP_EXTECHO:
    case ICMP_EXTECHOREPLY:
      ss_layer_add_item (&l, NULL, ICMP_F_IDENT, 4, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, ICMP_F_IDENT_LE, 4, 2, SS_ENC_LE);
      ss_layer_add_item (&l, NULL, ICMP_F_EXT_ECHO_SEQ, 6, 1, SS_ENC_BE);
      if (type == ICMP_EXTECHO)
        {
          ss_layer_add_item (&l, NULL, ICMP_F_EXT_ECHO_REQ_RES, 7, 1, SS_ENC_BE);
          ss_layer_add_item (&l, NULL, ICMP_F_EXT_ECHO_REQ_LOCAL, 7, 1, SS_ENC_BE);
        }
      else
        for (guint f = ICMP_F_EXT_ECHO_RSP_STATE; f <= ICMP_F_EXT_ECHO_RSP_IPV6; f++)
          ss_layer_add_item (&l, NULL, f, 7, 1, SS_ENC_BE);
      break;
    default:
      break;
    }
  if (ss_reader_failed (r))
    return;

  /* What follows the first eight bytes */
  switch (type)
    {
    case ICMP_UNREACH:
    case ICMP_TIMXCEED:
    case ICMP_PARAMPROB:
    case ICMP_SOURCEQUENCH:
    case ICMP_REDIRECT:
      dissect_quoted_datagram (&l, type, orig_len);
      break;
    case ICMP_ECHOREPLY:
    case ICMP_ECHO:
      {
        gint64 now_secs = pkt->ts_ns / 1000000000;

        if (!in_error)
          {
            guint16 cksum = ss_reader_get_ntohs (r, 2);
            guint32 k0 = cksum;
            guint32 k1 = (guint32) ss_reader_get_ntohs (r, 4) << 16 | ss_reader_get_ntohs (r, 6);

            /* A request's key is the checksum of its reply: the type word goes from 0x0800
             * to 0. */
            if (type == ICMP_ECHO)
              {
                k0 = (guint16) ~ss_icmp_ones_add ((guint16) ~cksum, (guint16) ~0x0800u);
                if (k0 == 0)
                  k0 = 0xffff;
              }
            ss_icmp_link_echo (&l, k0, k1, type == ICMP_ECHOREPLY, &icmp_echo_fields);
          }
        gint32 now_nsecs = (gint32) (pkt->ts_ns % 1000000000);
        guint32 secs, usecs;

        if (now_nsecs < 0)
          {
            now_nsecs += 1000000000;
            now_secs--;
          }
        if (ss_reader_remaining (r, 8) < 8)
          {
            if (ss_reader_remaining (r, 8) > 0)
              ss_packet_call (pkt, NULL, r, 8);
            break;
          }
        /* ping(8) puts a struct timeval first, in the sender's byte order (not in any RFC):
         * accept it when it is within a day of the frame's time. */
        secs = ss_reader_get_ntohl (r, 8);
        usecs = ss_reader_get_ntohl (r, 12);
        if (ABS ((gint32) (secs - (guint32) now_secs)) >= 86400 || usecs >= 1000000)
          {
            secs = ss_reader_get_letohl (r, 8);
            usecs = ss_reader_get_letohl (r, 12);
          }
        if (ABS ((gint32) (secs - (guint32) now_secs)) < 86400 && usecs < 1000000)
          {
            gint64 ts_ns = (gint64) secs * 1000000000 + (gint64) usecs * 1000;
            gint64 rel = (now_secs * 1000000000 + now_nsecs) - ts_ns;

            ss_layer_add_time (&l, NULL, ICMP_F_DATA_TIME, 8, 8, secs, (gint32) usecs * 1000);
            it = ss_layer_add_time (&l, NULL, ICMP_F_DATA_TIME_RELATIVE, 8, 8,
                                    rel / 1000000000, (gint32) (rel % 1000000000));
            ss_item_set_flags (it, SS_ITEM_GENERATED);
            ss_packet_call (pkt, NULL, r, 16);
          }
        else
          ss_packet_call (pkt, NULL, r, 8);
      }
      break;
    case ICMP_RTRADVERT:
      if (entry_size == 2)
        {
          for (guint i = 0; i < num_addrs; i++)
            {
              ss_layer_add_item (&l, NULL, ICMP_F_ROUTER_ADDRESS, 8 + i * 8, 4, SS_ENC_BE);
              ss_layer_add_item (&l, NULL, ICMP_F_PREF_LEVEL, 12 + i * 8, 4, SS_ENC_BE);
              if (ss_reader_failed (r))
                return;
            }
        }
      else
        ss_packet_call (pkt, NULL, r, 8);
      break;
    case ICMP_TSTAMP:
    case ICMP_TSTAMPREPLY:
      {
        guint32 frame_ts = (guint32) (((pkt->ts_ns / 1000000) % MS_PER_DAY + MS_PER_DAY)
                                      % MS_PER_DAY);
        static const guint ts_fields[3] = {
          ICMP_F_ORIGINATE_TIMESTAMP, ICMP_F_RECEIVE_TIMESTAMP, ICMP_F_TRANSMIT_TIMESTAMP
        };

        for (guint i = 0; i < 3; i++)
          {
            guint32 ms;

            it = ss_layer_add_item (&l, NULL, ts_fields[i], 8 + 4 * i, 4, SS_ENC_BE);
            if (ss_reader_failed (r))
              return;
            ms = guess_mstimeofday (r, 8 + 4 * i, frame_ts);
            ss_item_append_text (pkt, it, " (%s after midnight UTC)", msecs_to_str (pkt, ms));
          }
      }
      break;
    case ICMP_MASKREQ:
    case ICMP_MASKREPLY:
      ss_layer_add_item (&l, NULL, ICMP_F_ADDRESS_MASK, 8, 4, SS_ENC_BE);
      break;
    case ICMP_EXTECHO:
      if (r->reported > 8)
        ss_icmp_dissect_extensions (&l, 8);
      break;
    default:
      break;
    }
}

const SsProtocol ss_proto_icmp = {
  .id = SS_PROTO_ICMP,
  .abbrev = "icmp",
  .short_name = "ICMP",
  .name = N_("Internet Control Message Protocol"),
  .fields = icmp_fields,
  .n_fields = ICMP_F_COUNT,
  .experts = icmp_experts,
  .n_experts = ICMP_E_COUNT,
  .dissect = dissect_icmp,
};
