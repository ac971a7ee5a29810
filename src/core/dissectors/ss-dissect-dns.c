/* ss-dissect-dns.c: Domain Name System (RFC 1034, RFC 1035; AAAA RFC 3596; SRV RFC 2782;
 * NAPTR RFC 3403; EDNS(0) RFC 6891 with the options of RFC 6975, 7828, 7830, 7871, 7873, 7901
 * and 8914; DNSSEC RFC 4034 and RFC 5155; CAA RFC 8659; SVCB/HTTPS RFC 9460; TSIG RFC 8945)
 *
 * Over UDP a datagram holds one message; over TCP (RFC 1035 §4.2.2, RFC 7766 §8) messages are
 * prefixed by their length, several may share a segment and one that continues in later
 * segments is asked for from TCP's reassembly. Names are expanded by ss-dns-name.h as
 * Wireshark expands them (pointer loops and overlong names end with a note, not a failure).
 *
 * mDNS (RFC 6762, UDP 5353) and LLMNR (RFC 4795, UDP 5355) are dissected here too, under
 * their own protocol nodes with DNS's fields, as Wireshark does.
 *
 * Queries are matched with responses as tshark 4.0 does (packet-dns.c): per conversation (the
 * TCP stream, or the UDP addresses and ports either way round) and transaction ID, a response
 * answers the last query with its ID at or before it. A query with the ID of an unanswered query
 * less than 5 seconds older is a retransmission of it, as is a second response to one query; a
 * response with no query is unsolicited. Messages inside ICMP errors are not matched. The links
 * are decided in frame order; a frame dissected again finds the query it had by the same rule,
 * plus the response found since (dns.response_in), as tshark's second pass does.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-dns-name.h"
#include "ss-format.h"
#include "ss-tcp-reasm.h"

enum
{
  DNS_F_LENGTH,
  DNS_F_ID,
  DNS_F_FLAGS,
  DNS_F_FLAGS_RESPONSE,
  DNS_F_FLAGS_OPCODE,
  DNS_F_FLAGS_AUTHORITATIVE,
  DNS_F_FLAGS_TRUNCATED,
  DNS_F_FLAGS_RECDESIRED,
  DNS_F_FLAGS_RECAVAIL,
  DNS_F_FLAGS_Z,
  DNS_F_FLAGS_AUTHENTICATED,
  DNS_F_FLAGS_CHECKDISABLE,
  DNS_F_FLAGS_CONFLICT,
  DNS_F_FLAGS_TENTATIVE,
  DNS_F_QRY_QU,
  DNS_F_RESP_CACHE_FLUSH,
  DNS_F_FLAGS_RCODE,
  DNS_F_COUNT_QUERIES,
  DNS_F_COUNT_ZONES,
  DNS_F_COUNT_ANSWERS,
  DNS_F_COUNT_PREREQUISITES,
  DNS_F_COUNT_AUTH_RR,
  DNS_F_COUNT_UPDATES,
  DNS_F_COUNT_ADD_RR,
  DNS_F_QRY_NAME,
  DNS_F_QRY_NAME_LEN,
  DNS_F_COUNT_LABELS,
  DNS_F_QRY_TYPE,
  DNS_F_QRY_CLASS,
  DNS_F_RESP_NAME,
  DNS_F_RESP_TYPE,
  DNS_F_RESP_CLASS,
  DNS_F_RESP_TTL,
  DNS_F_RESP_LEN,
  DNS_F_SRV_SERVICE,
  DNS_F_SRV_PROTO,
  DNS_F_SRV_NAME,
  DNS_F_RR_UDP_PAYLOAD_SIZE,
  DNS_F_RESP_EXT_RCODE,
  DNS_F_RESP_EDNS0_VERSION,
  DNS_F_RESP_Z,
  DNS_F_RESP_Z_DO,
  DNS_F_RESP_Z_RESERVED,
  DNS_F_A,
  DNS_F_NS,
  DNS_F_MD,
  DNS_F_MF,
  DNS_F_CNAME,
  DNS_F_SOA_MNAME,
  DNS_F_SOA_RNAME,
  DNS_F_SOA_SERIAL_NUMBER,
  DNS_F_SOA_REFRESH_INTERVAL,
  DNS_F_SOA_RETRY_INTERVAL,
  DNS_F_SOA_EXPIRE_LIMIT,
  DNS_F_SOA_MINIMUM_TTL,
  DNS_F_MB,
  DNS_F_MG,
  DNS_F_MR,
  DNS_F_NULL,
  DNS_F_WKS_ADDRESS,
  DNS_F_WKS_PROTOCOL,
  DNS_F_WKS_BITS,
  DNS_F_PTR_DOMAIN_NAME,
  DNS_F_HINFO_CPU_LENGTH,
  DNS_F_HINFO_CPU,
  DNS_F_HINFO_OS_LENGTH,
  DNS_F_HINFO_OS,
  DNS_F_MINFO_R,
  DNS_F_MINFO_E,
  DNS_F_MX_PREFERENCE,
  DNS_F_MX_MAIL_EXCHANGE,
  DNS_F_TXT_LENGTH,
  DNS_F_TXT,
  DNS_F_RP_MAILBOX,
  DNS_F_RP_TXT_RR,
  DNS_F_AFSDB_SUBTYPE,
  DNS_F_AFSDB_HOSTNAME,
  DNS_F_AAAA,
  DNS_F_LOC_VERSION,
  DNS_F_LOC_SIZE,
  DNS_F_LOC_HORIZONTAL_PRECISION,
  DNS_F_LOC_VERTICAL_PRECISION,
  DNS_F_LOC_LATITUDE,
  DNS_F_LOC_LONGITUDE,
  DNS_F_LOC_ALTITUDE,
  DNS_F_LOC_UNKNOWN_DATA,
  DNS_F_SRV_PRIORITY,
  DNS_F_SRV_WEIGHT,
  DNS_F_SRV_PORT,
  DNS_F_SRV_TARGET,
  DNS_F_NAPTR_ORDER,
  DNS_F_NAPTR_PREFERENCE,
  DNS_F_NAPTR_FLAGS_LENGTH,
  DNS_F_NAPTR_FLAGS,
  DNS_F_NAPTR_SERVICE_LENGTH,
  DNS_F_NAPTR_SERVICE,
  DNS_F_NAPTR_REGEX_LENGTH,
  DNS_F_NAPTR_REGEX,
  DNS_F_NAPTR_REPLACEMENT_LENGTH,
  DNS_F_NAPTR_REPLACEMENT,
  DNS_F_KX_PREFERENCE,
  DNS_F_KX_KEY_EXCHANGE,
  DNS_F_DNAME,
  DNS_F_OPT,
  DNS_F_OPT_CODE,
  DNS_F_OPT_LEN,
  DNS_F_OPT_DATA,
  DNS_F_OPT_DAU,
  DNS_F_OPT_DHU,
  DNS_F_OPT_N3U,
  DNS_F_OPT_CLIENT_FAMILY,
  DNS_F_OPT_CLIENT_NETMASK,
  DNS_F_OPT_CLIENT_SCOPE,
  DNS_F_OPT_CLIENT_ADDR,
  DNS_F_OPT_CLIENT_ADDR4,
  DNS_F_OPT_CLIENT_ADDR6,
  DNS_F_OPT_COOKIE_CLIENT,
  DNS_F_OPT_COOKIE_SERVER,
  DNS_F_OPT_EDNS_TCP_KEEPALIVE_TIMEOUT,
  DNS_F_OPT_PADDING,
  DNS_F_OPT_CHAIN_FQDN,
  DNS_F_OPT_EXT_ERROR_INFO_CODE,
  DNS_F_OPT_EXT_ERROR_EXTRA_TEXT,
  DNS_F_DS_KEY_ID,
  DNS_F_DS_ALGORITHM,
  DNS_F_DS_DIGEST_TYPE,
  DNS_F_DS_DIGEST,
  DNS_F_SSHFP_ALGORITHM,
  DNS_F_SSHFP_FINGERPRINT_TYPE,
  DNS_F_SSHFP_FINGERPRINT,
  DNS_F_RRSIG_TYPE_COVERED,
  DNS_F_RRSIG_ALGORITHM,
  DNS_F_RRSIG_LABELS,
  DNS_F_RRSIG_ORIGINAL_TTL,
  DNS_F_RRSIG_SIGNATURE_EXPIRATION,
  DNS_F_RRSIG_SIGNATURE_INCEPTION,
  DNS_F_RRSIG_KEY_TAG,
  DNS_F_RRSIG_SIGNERS_NAME,
  DNS_F_RRSIG_SIGNATURE,
  DNS_F_NSEC_NEXT_DOMAIN_NAME,
  DNS_F_DNSKEY_FLAGS,
  DNS_F_DNSKEY_FLAGS_ZONE_KEY,
  DNS_F_DNSKEY_FLAGS_KEY_REVOKED,
  DNS_F_DNSKEY_FLAGS_SECURE_ENTRY_POINT,
  DNS_F_DNSKEY_FLAGS_RESERVED,
  DNS_F_DNSKEY_PROTOCOL,
  DNS_F_DNSKEY_ALGORITHM,
  DNS_F_DNSKEY_KEY_ID,
  DNS_F_DNSKEY_PUBLIC_KEY,
  DNS_F_DHCID_RDATA,
  DNS_F_NSEC3_ALGO,
  DNS_F_NSEC3_FLAGS,
  DNS_F_NSEC3_FLAGS_OPT_OUT,
  DNS_F_NSEC3_ITERATIONS,
  DNS_F_NSEC3_SALT_LENGTH,
  DNS_F_NSEC3_SALT_VALUE,
  DNS_F_NSEC3_HASH_LENGTH,
  DNS_F_NSEC3_HASH_VALUE,
  DNS_F_TLSA_CERTIFICATE_USAGE,
  DNS_F_TLSA_SELECTOR,
  DNS_F_TLSA_MATCHING_TYPE,
  DNS_F_TLSA_CERTIFICATE_ASSOCIATION_DATA,
  DNS_F_SVCB_SVCPRIORITY,
  DNS_F_SVCB_TARGETNAME,
  DNS_F_SVCB_SVCPARAM,
  DNS_F_SVCB_SVCPARAM_KEY,
  DNS_F_SVCB_SVCPARAM_VALUE_LENGTH,
  DNS_F_SVCB_SVCPARAM_VALUE,
  DNS_F_SVCB_SVCPARAM_MANDATORY_KEY,
  DNS_F_SVCB_SVCPARAM_ALPN_LENGTH,
  DNS_F_SVCB_SVCPARAM_ALPN,
  DNS_F_SVCB_SVCPARAM_PORT,
  DNS_F_SVCB_SVCPARAM_IPV4HINT_IP,
  DNS_F_SVCB_SVCPARAM_ECHCONFIG,
  DNS_F_SVCB_SVCPARAM_IPV6HINT_IP,
  DNS_F_SVCB_SVCPARAM_ODOHCONFIG,
  DNS_F_SPF_LENGTH,
  DNS_F_SPF,
  DNS_F_EUI48,
  DNS_F_TSIG_ALGORITHM_NAME,
  DNS_F_TSIG_TIME_SIGNED,
  DNS_F_TSIG_FUDGE,
  DNS_F_TSIG_MAC_SIZE,
  DNS_F_TSIG_MAC,
  DNS_F_TSIG_ORIGINAL_ID,
  DNS_F_TSIG_ERROR,
  DNS_F_TSIG_OTHER_LEN,
  DNS_F_TSIG_OTHER_DATA,
  DNS_F_CAA_FLAGS,
  DNS_F_CAA_FLAGS_ISSUER_CRITICAL,
  DNS_F_CAA_ISSUE,
  DNS_F_CAA_ISSUEWILD,
  DNS_F_CAA_IODEF,
  DNS_F_CAA_UNKNOWN,
  DNS_F_CAA_TAG_LENGTH,
  DNS_F_CAA_TAG,
  DNS_F_CAA_VALUE,
  DNS_F_DATA,
  DNS_F_EXTRANEOUS_DATA,
  DNS_F_EXTRANEOUS_LENGTH,
  DNS_F_RESPONSE_IN,
  DNS_F_RESPONSE_TO,
  DNS_F_TIME,
  DNS_F_RETRANSMIT_REQUEST_IN,
  DNS_F_RETRANSMIT_RESPONSE_IN,
  DNS_F_RETRANSMISSION,
  DNS_F_UNSOLICITED,
  DNS_F_COUNT
};

/* Short RR type names for the Info column and record labels (Wireshark's dns_types_vals, with
 * its MAILA/MAILB swap). */
static const SsValueString type_vals[] = {
  { 0, "Unused" }, { 1, "A" }, { 2, "NS" }, { 3, "MD" }, { 4, "MF" }, { 5, "CNAME" },
  { 6, "SOA" }, { 7, "MB" }, { 8, "MG" }, { 9, "MR" }, { 10, "NULL" }, { 11, "WKS" },
  { 12, "PTR" }, { 13, "HINFO" }, { 14, "MINFO" }, { 15, "MX" }, { 16, "TXT" }, { 17, "RP" },
  { 18, "AFSDB" }, { 19, "X25" }, { 20, "ISDN" }, { 21, "RT" }, { 22, "NSAP" },
  { 23, "NSAP-PTR" }, { 24, "SIG" }, { 25, "KEY" }, { 26, "PX" }, { 27, "GPOS" },
  { 28, "AAAA" }, { 29, "LOC" }, { 30, "NXT" }, { 31, "EID" }, { 32, "NIMLOC" }, { 33, "SRV" },
  { 34, "ATMA" }, { 35, "NAPTR" }, { 36, "KX" }, { 37, "CERT" }, { 38, "A6" }, { 39, "DNAME" },
  { 40, "SINK" }, { 41, "OPT" }, { 42, "APL" }, { 43, "DS" }, { 44, "SSHFP" },
  { 45, "IPSECKEY" }, { 46, "RRSIG" }, { 47, "NSEC" }, { 48, "DNSKEY" }, { 49, "DHCID" },
  { 50, "NSEC3" }, { 51, "NSEC3PARAM" }, { 52, "TLSA" }, { 55, "HIP" }, { 57, "RKEY" },
  { 58, "TALINK" }, { 59, "CDS" }, { 60, "CDNSKEY" }, { 61, "OPENPGPKEY" }, { 62, "CSYNC" },
  { 63, "ZONEMD" }, { 64, "SVCB" }, { 65, "HTTPS" }, { 99, "SPF" }, { 100, "UINFO" },
  { 101, "UID" }, { 102, "GID" }, { 103, "UNSPEC" }, { 104, "NID" }, { 105, "L32" },
  { 106, "L64" }, { 107, "LP" }, { 108, "EUI48" }, { 109, "EUI64" }, { 249, "TKEY" },
  { 250, "TSIG" }, { 251, "IXFR" }, { 252, "AXFR" }, { 253, "MAILA" }, { 254, "MAILB" },
  { 255, "ANY" }, { 256, "URI" }, { 257, "CAA" }, { 32768, "TA" }, { 32769, "DLV" },
  { 65281, "WINS" }, { 65282, "WINS-R" }, { 65422, "XPF" }, { 0, NULL }
};

static const SsValueString flags_opcode_vals[] = {
  { 0, "Standard query" }, { 1, "Inverse query" }, { 2, "Server status request" },
  { 4, "Zone change notification" }, { 5, "Dynamic update" },
  { 6, "DNS Stateful operations (DSO)" }, { 0, NULL }
};

static const SsValueString rcode_vals[] = {
  { 0, "No error" }, { 1, "Format error" }, { 2, "Server failure" }, { 3, "No such name" },
  { 4, "Not implemented" }, { 5, "Refused" }, { 6, "Name exists" }, { 7, "RRset exists" },
  { 8, "RRset does not exist" }, { 9, "Not authoritative" }, { 10, "Name out of zone" },
  { 11, "DSO-Type not implemented" }, { 16, "Bad OPT Version or TSIG Signature Failure" },
  { 17, "Key not recognized" }, { 18, "Signature out of time window" }, { 19, "Bad TKEY Mode" },
  { 20, "Duplicate key name" }, { 21, "Algorithm not supported" }, { 22, "Bad Truncation" },
  { 23, "Bad/missing Server Cookie" }, { 0, NULL }
};

static const SsValueString type_desc_vals[] = {
  { 0, "Unused" }, { 1, "A (Host Address)" }, { 2, "NS (authoritative Name Server)" },
  { 3, "MD (Mail Destination)" }, { 4, "MF (Mail Forwarder)" },
  { 5, "CNAME (Canonical NAME for an alias)" }, { 6, "SOA (Start Of a zone of Authority)" },
  { 7, "MB (MailBox domain name)" }, { 8, "MG (Mail Group member)" },
  { 9, "MR (Mail Rename domain)" }, { 10, "NULL RR" }, { 11, "WKS (Well Known Service)" },
  { 12, "PTR (domain name PoinTeR)" }, { 13, "HINFO (host information)" },
  { 14, "MINFO (Mailbox or mail list information)" }, { 15, "MX (Mail eXchange)" },
  { 16, "TXT (Text strings)" }, { 17, "RP (Responsible Person)" },
  { 18, "AFSDB (AFS Data Base location)" }, { 19, "X25 (XX.25 PSDN address)" },
  { 20, "ISDN (ISDN address)" }, { 21, "RT (Route Through)" }, { 22, "NSAP (NSAP address)" },
  { 23, "NSAP-PTR (NSAP domain name pointer)" }, { 24, "SIG (security signature)" },
  { 25, "KEY (security key)" }, { 26, "PX (X.400 mail mapping information)" },
  { 27, "GPOS (Geographical Position)" }, { 28, "AAAA (IPv6 Address)" },
  { 29, "LOC (Location Information)" }, { 30, "NXT (Next Domain)" },
  { 31, "EID (Endpoint Identifier)" }, { 32, "NIMLOC (Nimrod Locator)" },
  { 33, "SRV (Server Selection)" }, { 34, "ATMA (ATM Address)" },
  { 35, "NAPTR (Naming Authority Pointer)" }, { 36, "KX (Key Exchanger)" }, { 37, "CERT" },
  { 38, "A6 (OBSOLETE - use AAAA)" }, { 39, "DNAME" }, { 40, "SINK" }, { 41, "OPT" },
  { 42, "APL" }, { 43, "DS (Delegation Signer)" }, { 44, "SSHFP (SSH Key Fingerprint)" },
  { 45, "IPSECKEY" }, { 46, "RRSIG (Resource Record Signature)" }, { 47, "NSEC (Next Secure)" },
  { 48, "DNSKEY (DNS Public Key)" }, { 49, "DHCID" }, { 50, "NSEC3" }, { 51, "NSEC3PARAM" },
  { 52, "TLSA" }, { 55, "HIP (Host Identity Protocol)" }, { 57, "RKEY" },
  { 58, "TALINK (Trust Anchor LINK)" }, { 59, "CDS (Child DS)" },
  { 60, "CDNSKEY (DNSKEY(s) the Child wants reflected in DS)" },
  { 61, "OPENPGPKEY (OpenPGP Key)" }, { 62, "CSYNC (Child-to-Parent Synchronization)" },
  { 63, "ZONEMD" }, { 64, "SVCB (General Purpose Service Endpoints)" },
  { 65, "HTTPS (HTTPS Specific Service Endpoints)" }, { 99, "SPF" }, { 100, "UINFO" },
  { 101, "UID" }, { 102, "GID" }, { 103, "UNSPEC" }, { 104, "NID (NodeID)" },
  { 105, "L32 (Locator32)" }, { 106, "L64 (Locator64)" }, { 107, "LP (Locator FQDN)" },
  { 108, "EUI48" }, { 109, "EUI64" }, { 249, "TKEY (Transaction Key)" },
  { 250, "TSIG (Transaction Signature)" }, { 251, "IXFR (incremental transfer)" },
  { 252, "AXFR (transfer of an entire zone)" }, { 253, "MAILB (mailbox-related RRs)" },
  { 254, "MAILA (mail agent RRs)" },
  { 255, "* (A request for all records the server/cache has available)" }, { 256, "URI" },
  { 257, "CAA (Certification Authority Restriction)" }, { 32768, "TA (DNSSEC Trust Authorities)" },
  { 32769, "DLV (DNSSEC Lookaside Validation)" }, { 65281, "WINS" }, { 65282, "WINS-R" },
  { 65422, "XPF" }, { 0, NULL }
};

static const SsValueString class_vals[] = {
  { 1, "IN" }, { 2, "CS" }, { 3, "CH" }, { 4, "HS" }, { 254, "NONE" }, { 255, "ANY" }, { 0, NULL }
};

static const SsValueString wks_protocol_vals[] = {
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
  { 83, "VINES" }, { 84, "TTP" }, { 85, "NSFNET IGP" }, { 86, "Dissimilar Gateway" },
  { 87, "TCF" }, { 88, "EIGRP" }, { 89, "OSPF IGP" }, { 90, "Sprite RPC" }, { 91, "Locus ARP" },
  { 92, "Multicast Transport" }, { 93, "AX.25 Frames" }, { 94, "IP in IP" }, { 95, "MICP" },
  { 96, "Semaphore" }, { 97, "Ether in IP" }, { 98, "ENCAP" },
  { 99, "any private encryption scheme" }, { 100, "GMTP" }, { 101, "Ipsilon Flow" },
  { 102, "PNNI over IP" }, { 103, "PIM" }, { 104, "ARIS" }, { 105, "SCPS" }, { 106, "QNX" },
  { 107, "Active Networks" }, { 108, "IPComp" }, { 109, "Sitara Networks" },
  { 110, "Compaq Peer" }, { 111, "IPX IN IP" }, { 112, "VRRP" }, { 113, "PGM" },
  { 114, "any 0-hop protocol" }, { 115, "Layer 2 Tunneling" }, { 116, "DDX" }, { 117, "IATP" },
  { 118, "STP" }, { 119, "SpectraLink" }, { 120, "UTI" }, { 121, "SMP" }, { 122, "SM" },
  { 123, "PTP" }, { 124, "ISIS over IP" }, { 125, "FIRE" }, { 126, "CRTP" }, { 127, "CRUDP" },
  { 128, "SSCOPMCE" }, { 129, "IPLT" }, { 130, "Secure Packet" }, { 131, "PIPE" }, { 132, "SCTP" },
  { 133, "Fibre Channel" }, { 134, "RSVP E2EI" }, { 135, "Mobile IPv6" }, { 136, "UDPLite" },
  { 137, "MPLS in IP" }, { 138, "MANET" }, { 139, "HIP" }, { 140, "Shim6 header" },
  { 141, "WESP" }, { 142, "ROHC" }, { 143, "Ethernet" }, { 144, "Unassigned" },
  { 145, "Unassigned" }, { 146, "Unassigned" }, { 147, "Unassigned" }, { 148, "Unassigned" },
  { 149, "Unassigned" }, { 150, "Unassigned" }, { 151, "Unassigned" }, { 152, "Unassigned" },
  { 153, "Unassigned" }, { 154, "Unassigned" }, { 155, "Unassigned" }, { 156, "Unassigned" },
  { 157, "Unassigned" }, { 158, "Unassigned" }, { 159, "Unassigned" }, { 160, "Unassigned" },
  { 161, "Unassigned" }, { 162, "Unassigned" }, { 163, "Unassigned" }, { 164, "Unassigned" },
  { 165, "Unassigned" }, { 166, "Unassigned" }, { 167, "Unassigned" }, { 168, "Unassigned" },
  { 169, "Unassigned" }, { 170, "Unassigned" }, { 171, "Unassigned" }, { 172, "Unassigned" },
  { 173, "AX/4000 Testframe" }, { 174, "Unassigned" }, { 175, "Unassigned" },
  { 176, "Unassigned" }, { 177, "Unassigned" }, { 178, "Unassigned" }, { 179, "Unassigned" },
  { 180, "Unassigned" }, { 181, "Unassigned" }, { 182, "Unassigned" }, { 183, "Unassigned" },
  { 184, "Unassigned" }, { 185, "Unassigned" }, { 186, "Unassigned" }, { 187, "Unassigned" },
  { 188, "Unassigned" }, { 189, "Unassigned" }, { 190, "Unassigned" }, { 191, "Unassigned" },
  { 192, "Unassigned" }, { 193, "Unassigned" }, { 194, "Unassigned" }, { 195, "Unassigned" },
  { 196, "Unassigned" }, { 197, "Unassigned" }, { 198, "Unassigned" }, { 199, "Unassigned" },
  { 200, "Unassigned" }, { 201, "Unassigned" }, { 202, "Unassigned" }, { 203, "Unassigned" },
  { 204, "Unassigned" }, { 205, "Unassigned" }, { 206, "Unassigned" }, { 207, "Unassigned" },
  { 208, "Unassigned" }, { 209, "Unassigned" }, { 210, "Unassigned" }, { 211, "Unassigned" },
  { 212, "Unassigned" }, { 213, "Unassigned" }, { 214, "Unassigned" }, { 215, "Unassigned" },
  { 216, "Unassigned" }, { 217, "Unassigned" }, { 218, "Unassigned" }, { 219, "Unassigned" },
  { 220, "Unassigned" }, { 221, "Unassigned" }, { 222, "Unassigned" }, { 223, "Unassigned" },
  { 224, "Novell NCS Heartbeat" }, { 0, NULL }
};

static const SsValueString opt_code_vals[] = {
  { 0, "Reserved" }, { 1, "LLQ - Long-lived query" }, { 2, "UL - Update lease" },
  { 3, "NSID - Name Server Identifier" }, { 4, "Owner (reserved)" },
  { 5, "DAU - DNSSEC Algorithm Understood (RFC6975)" },
  { 6, "DHU - DS Hash Understood (RFC6975)" }, { 7, "N3U - NSEC3 Hash Understood (RFC6975)" },
  { 20730, "Experimental - CSUBNET - Client subnet" }, { 8, "CSUBNET - Client subnet" },
  { 9, "EDNS EXPIRE (RFC7314)" }, { 10, "COOKIE" }, { 11, "EDNS TCP Keepalive" },
  { 12, "PADDING" }, { 13, "CHAIN" }, { 15, "Extended DNS Error" }, { 0, NULL }
};

static const SsValueString opt_dau_vals[] = {
  { 1, "RSA/MD5" }, { 2, "Diffie-Hellman" }, { 3, "DSA" }, { 4, "Elliptic curve crypto" },
  { 5, "RSA/SHA1" }, { 6, "DSA + NSEC3/SHA1" }, { 7, "RSA/SHA1 + NSEC3/SHA1" },
  { 8, "RSA/SHA-256" }, { 10, "RSA/SHA-512" }, { 12, "GOST R 34.10-2001" },
  { 13, "ECDSA Curve P-256 with SHA-256" }, { 14, "ECDSA Curve P-386 with SHA-386" },
  { 15, "Ed25519" }, { 16, "Ed448" }, { 157, "HMAC/MD5" }, { 252, "Indirect key" },
  { 253, "Private, domain name" }, { 254, "Private, OID" }, { 0, NULL }
};

static const SsValueString opt_dhu_vals[] = {
  { 0, "Reserved digest" }, { 1, "SHA-1" }, { 2, "SHA-256" }, { 3, "GOST R 34.11-94" },
  { 4, "SHA-384" }, { 0, NULL }
};

static const SsValueString opt_n3u_vals[] = {
  { 0, "Reserved" }, { 1, "SHA-1" }, { 0, NULL }
};

static const SsValueString opt_client_family_vals[] = {
  { 1, "IPv4" }, { 2, "IPv6" }, { 0, NULL }
};

static const SsValueString algo_vals[] = {
  { 1, "RSA/MD5" }, { 2, "Diffie-Hellman" }, { 3, "DSA" }, { 4, "Elliptic curve crypto" },
  { 5, "RSA/SHA1" }, { 6, "DSA + NSEC3/SHA1" }, { 7, "RSA/SHA1 + NSEC3/SHA1" },
  { 8, "RSA/SHA-256" }, { 10, "RSA/SHA-512" }, { 12, "GOST R 34.10-2001" },
  { 13, "ECDSA Curve P-256 with SHA-256" }, { 14, "ECDSA Curve P-386 with SHA-386" },
  { 15, "Ed25519" }, { 16, "Ed448" }, { 157, "HMAC/MD5" }, { 252, "Indirect key" },
  { 253, "Private, domain name" }, { 254, "Private, OID" }, { 0, NULL }
};

static const SsValueString ds_digest_type_vals[] = {
  { 0, "Reserved digest" }, { 1, "SHA-1" }, { 2, "SHA-256" }, { 3, "GOST R 34.11-94" },
  { 4, "SHA-384" }, { 0, NULL }
};

static const SsValueString sshfp_algorithm_vals[] = {
  { 0, "Reserved" }, { 1, "RSA" }, { 2, "DSA" }, { 3, "ECDSA" }, { 4, "Ed25519" }, { 5, "XMSS" },
  { 0, NULL }
};

static const SsValueString sshfp_fingerprint_type_vals[] = {
  { 0, "Reserved" }, { 1, "SHA1" }, { 2, "SHA256" }, { 0, NULL }
};

static const SsValueString nsec3_algo_vals[] = {
  { 0, "Reserved" }, { 1, "SHA-1" }, { 0, NULL }
};

static const SsValueString tlsa_certificate_usage_vals[] = {
  { 0, "CA constraint (PKIX-TA)" }, { 1, "Service certificate constraint (PKIX-EE)" },
  { 2, "Trust anchor assertion (DANE-TA)" }, { 3, "Domain-issued certificate (DANE-EE)" },
  { 0, NULL }
};

static const SsValueString tlsa_selector_vals[] = {
  { 0, "Full certificate (Cert)" }, { 1, "SubjectPublicKeyInfo (SPKI)" }, { 0, NULL }
};

static const SsValueString tlsa_matching_type_vals[] = {
  { 0, "No Hash Used (Full)" }, { 1, "256 bit hash by SHA2 (SHA2-256)" },
  { 2, "512 bit hash by SHA2 (SHA2-512)" }, { 0, NULL }
};

static const SsValueString svcb_key_vals[] = {
  { 0, "mandatory" }, { 1, "alpn" }, { 2, "no-default-alpn" }, { 3, "port" }, { 4, "ipv4hint" },
  { 5, "echconfig" }, { 6, "ipv6hint" }, { 32769, "odohconfig" }, { 65535, "key65535" },
  { 0, NULL }
};

static const SsTrueFalse yes_no_tfs = { N_("Yes"), N_("No") };
static const SsTrueFalse flags_response_tfs = { N_("Message is a response"),
                                                N_("Message is a query") };
static const SsTrueFalse flags_authoritative_tfs = { N_("Server is an authority for domain"),
                                                     N_("Server is not an authority for domain") };
/* LLMNR (RFC 4795 §2.1.1): the C bit means one thing in a query, another in a response. */
static const SsTrueFalse flags_conflict_query_tfs = { N_("The sender received multiple responses"),
                                                      N_("None") };
static const SsTrueFalse flags_conflict_response_tfs = { N_("The name is not considered unique"),
                                                         N_("The name is considered unique") };
static const SsTrueFalse true_false_tfs = { N_("True"), N_("False") };
static const SsTrueFalse flags_tentative_tfs = { N_("Tentative"), N_("Not tentative") };
static const SsTrueFalse flags_truncated_tfs = { N_("Message is truncated"),
                                                 N_("Message is not truncated") };
static const SsTrueFalse flags_recdesired_tfs = { N_("Do query recursively"),
                                                  N_("Don't do query recursively") };
static const SsTrueFalse flags_recavail_tfs = { N_("Server can do recursive queries"),
                                                N_("Server can't do recursive queries") };
static const SsTrueFalse flags_z_tfs = { N_("reserved - incorrect!"), N_("reserved (0)") };
static const SsTrueFalse flags_authenticated_tfs = {
  N_("Answer/authority portion was authenticated by the server"),
  N_("Answer/authority portion was not authenticated by the server")
};
static const SsTrueFalse flags_checkdisable_tfs = { N_("Acceptable"), N_("Unacceptable") };
static const SsTrueFalse resp_z_do_tfs = { N_("Accepts DNSSEC security RRs"),
                                           N_("Cannot handle DNSSEC security RRs") };
static const SsTrueFalse dnskey_flags_zone_key_tfs = {
  N_("This is the zone key for specified zone"), N_("This it not a zone key")
};
static const SsTrueFalse nsec3_flags_opt_out_tfs = {
  N_("Additional insecure delegations allowed"), N_("Additional insecure delegations forbidden")
};
static const SsTrueFalse caa_flags_issuer_critical_tfs = { N_("Critical"), N_("Not critical") };

static const SsFieldDef dns_fields[] = {
  [DNS_F_LENGTH] = { "dns.length", N_("Length"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_ID] = { "dns.id", N_("Transaction ID"), SS_FT_UINT16, SS_BASE_HEX },
  [DNS_F_FLAGS] = { "dns.flags", N_("Flags"), SS_FT_UINT16, SS_BASE_HEX },
  [DNS_F_FLAGS_RESPONSE] = { "dns.flags.response", N_("Response"), SS_FT_BOOLEAN, 16, NULL, 0x8000,
                             &flags_response_tfs },
  [DNS_F_FLAGS_OPCODE] = { "dns.flags.opcode", N_("Opcode"), SS_FT_UINT16, SS_BASE_DEC,
                           flags_opcode_vals, 0x7800 },
  [DNS_F_FLAGS_AUTHORITATIVE] = { "dns.flags.authoritative", N_("Authoritative"), SS_FT_BOOLEAN,
                                  16, NULL, 0x400, &flags_authoritative_tfs },
  [DNS_F_FLAGS_TRUNCATED] = { "dns.flags.truncated", N_("Truncated"), SS_FT_BOOLEAN, 16, NULL,
                              0x200, &flags_truncated_tfs },
  [DNS_F_FLAGS_RECDESIRED] = { "dns.flags.recdesired", N_("Recursion desired"), SS_FT_BOOLEAN, 16,
                               NULL, 0x100, &flags_recdesired_tfs },
  [DNS_F_FLAGS_RECAVAIL] = { "dns.flags.recavail", N_("Recursion available"), SS_FT_BOOLEAN, 16,
                             NULL, 0x80, &flags_recavail_tfs },
  [DNS_F_FLAGS_Z] = { "dns.flags.z", N_("Z"), SS_FT_BOOLEAN, 16, NULL, 0x40, &flags_z_tfs },
  [DNS_F_FLAGS_AUTHENTICATED] = { "dns.flags.authenticated", N_("Answer authenticated"),
                                  SS_FT_BOOLEAN, 16, NULL, 0x20, &flags_authenticated_tfs },
  [DNS_F_FLAGS_CONFLICT] = { "dns.flags.conflict", N_("Conflict"), SS_FT_BOOLEAN, 16, NULL,
                            0x400, &flags_conflict_query_tfs,
                            N_("Did we receive multiple responses to a query?") },
  [DNS_F_FLAGS_TENTATIVE] = { "dns.flags.tentative", N_("Tentative"), SS_FT_BOOLEAN, 16, NULL,
                             0x100, &flags_tentative_tfs,
                             N_("Is the responder authoritative for the name, but not yet "
                                "verified the uniqueness?") },
  [DNS_F_QRY_QU] = { "dns.qry.qu", N_("\"QU\" question"), SS_FT_BOOLEAN, 16, NULL, 0x8000,
                     &true_false_tfs, N_("QU flag") },
  [DNS_F_RESP_CACHE_FLUSH] = { "dns.resp.cache_flush", N_("Cache flush"), SS_FT_BOOLEAN, 16, NULL,
                               0x8000, &true_false_tfs, N_("Cache flush flag") },
  [DNS_F_FLAGS_CHECKDISABLE] = { "dns.flags.checkdisable", N_("Non-authenticated data"),
                                 SS_FT_BOOLEAN, 16, NULL, 0x10, &flags_checkdisable_tfs },
  [DNS_F_FLAGS_RCODE] = { "dns.flags.rcode", N_("Reply code"), SS_FT_UINT16, SS_BASE_DEC,
                          rcode_vals, 0xf },
  [DNS_F_COUNT_QUERIES] = { "dns.count.queries", N_("Questions"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_COUNT_ZONES] = { "dns.count.zones", N_("Zones"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_COUNT_ANSWERS] = { "dns.count.answers", N_("Answer RRs"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_COUNT_PREREQUISITES] = { "dns.count.prerequisites", N_("Prerequisites"), SS_FT_UINT16,
                                  SS_BASE_DEC },
  [DNS_F_COUNT_AUTH_RR] = { "dns.count.auth_rr", N_("Authority RRs"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_COUNT_UPDATES] = { "dns.count.updates", N_("Updates"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_COUNT_ADD_RR] = { "dns.count.add_rr", N_("Additional RRs"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_QRY_NAME] = { "dns.qry.name", N_("Name"), SS_FT_STRING },
  [DNS_F_QRY_NAME_LEN] = { "dns.qry.name.len", N_("Name Length"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_COUNT_LABELS] = { "dns.count.labels", N_("Label Count"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_QRY_TYPE] = { "dns.qry.type", N_("Type"), SS_FT_UINT16, SS_BASE_DEC, type_desc_vals },
  [DNS_F_QRY_CLASS] = { "dns.qry.class", N_("Class"), SS_FT_UINT16, SS_BASE_HEX, class_vals },
  [DNS_F_RESP_NAME] = { "dns.resp.name", N_("Name"), SS_FT_STRING },
  [DNS_F_RESP_TYPE] = { "dns.resp.type", N_("Type"), SS_FT_UINT16, SS_BASE_DEC, type_desc_vals },
  [DNS_F_RESP_CLASS] = { "dns.resp.class", N_("Class"), SS_FT_UINT16, SS_BASE_HEX, class_vals },
  [DNS_F_RESP_TTL] = { "dns.resp.ttl", N_("Time to live"), SS_FT_UINT32, SS_BASE_DEC },
  [DNS_F_RESP_LEN] = { "dns.resp.len", N_("Data length"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_SRV_SERVICE] = { "dns.srv.service", N_("Service"), SS_FT_STRING },
  [DNS_F_SRV_PROTO] = { "dns.srv.proto", N_("Protocol"), SS_FT_STRING },
  [DNS_F_SRV_NAME] = { "dns.srv.name", N_("Name"), SS_FT_STRING },
  [DNS_F_RR_UDP_PAYLOAD_SIZE] = { "dns.rr.udp_payload_size", N_("UDP payload size"), SS_FT_UINT16,
                                  SS_BASE_DEC },
  [DNS_F_RESP_EXT_RCODE] = { "dns.resp.ext_rcode", N_("Higher bits in extended RCODE"),
                             SS_FT_UINT8, SS_BASE_HEX },
  [DNS_F_RESP_EDNS0_VERSION] = { "dns.resp.edns0_version", N_("EDNS0 version"), SS_FT_UINT8,
                                 SS_BASE_DEC },
  [DNS_F_RESP_Z] = { "dns.resp.z", N_("Z"), SS_FT_UINT16, SS_BASE_HEX },
  [DNS_F_RESP_Z_DO] = { "dns.resp.z.do", N_("DO bit"), SS_FT_BOOLEAN, 16, NULL, 0x8000,
                        &resp_z_do_tfs },
  [DNS_F_RESP_Z_RESERVED] = { "dns.resp.z.reserved", N_("Reserved"), SS_FT_UINT16, SS_BASE_HEX,
                              NULL, 0x7fff },
  [DNS_F_A] = { "dns.a", N_("Address"), SS_FT_IPv4 },
  [DNS_F_NS] = { "dns.ns", N_("Name Server"), SS_FT_STRING },
  [DNS_F_MD] = { "dns.md", N_("Mail Destination"), SS_FT_STRING },
  [DNS_F_MF] = { "dns.mf", N_("Mail Forwarder"), SS_FT_STRING },
  [DNS_F_CNAME] = { "dns.cname", N_("CNAME"), SS_FT_STRING },
  [DNS_F_SOA_MNAME] = { "dns.soa.mname", N_("Primary name server"), SS_FT_STRING },
  [DNS_F_SOA_RNAME] = { "dns.soa.rname", N_("Responsible authority's mailbox"), SS_FT_STRING },
  [DNS_F_SOA_SERIAL_NUMBER] = { "dns.soa.serial_number", N_("Serial Number"), SS_FT_UINT32,
                                SS_BASE_DEC },
  [DNS_F_SOA_REFRESH_INTERVAL] = { "dns.soa.refresh_interval", N_("Refresh Interval"),
                                   SS_FT_UINT32, SS_BASE_DEC },
  [DNS_F_SOA_RETRY_INTERVAL] = { "dns.soa.retry_interval", N_("Retry Interval"), SS_FT_UINT32,
                                 SS_BASE_DEC },
  [DNS_F_SOA_EXPIRE_LIMIT] = { "dns.soa.expire_limit", N_("Expire limit"), SS_FT_UINT32,
                               SS_BASE_DEC },
  [DNS_F_SOA_MINIMUM_TTL] = { "dns.soa.minimum_ttl", N_("Minimum TTL"), SS_FT_UINT32, SS_BASE_DEC },
  [DNS_F_MB] = { "dns.mb", N_("MailBox Domaine"), SS_FT_STRING },
  [DNS_F_MG] = { "dns.mg", N_("Mail Group member"), SS_FT_STRING },
  [DNS_F_MR] = { "dns.mr", N_("Mail Rename domaine"), SS_FT_STRING },
  [DNS_F_NULL] = { "dns.null", N_("Null (data)"), SS_FT_BYTES },
  [DNS_F_WKS_ADDRESS] = { "dns.wks.address", N_("Address"), SS_FT_IPv4 },
  [DNS_F_WKS_PROTOCOL] = { "dns.wks.protocol", N_("Protocol"), SS_FT_UINT8, SS_BASE_DEC,
                           wks_protocol_vals },
  [DNS_F_WKS_BITS] = { "dns.wks.bits", N_("Bits"), SS_FT_UINT8, SS_BASE_HEX },
  [DNS_F_PTR_DOMAIN_NAME] = { "dns.ptr.domain_name", N_("Domain Name"), SS_FT_STRING },
  [DNS_F_HINFO_CPU_LENGTH] = { "dns.hinfo.cpu_length", N_("CPU Length"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_HINFO_CPU] = { "dns.hinfo.cpu", N_("CPU"), SS_FT_STRING },
  [DNS_F_HINFO_OS_LENGTH] = { "dns.hinfo.os_length", N_("OS Length"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_HINFO_OS] = { "dns.hinfo.os", N_("OS"), SS_FT_STRING },
  [DNS_F_MINFO_R] = { "dns.minfo.r", N_("Responsible Mailbox"), SS_FT_STRING },
  [DNS_F_MINFO_E] = { "dns.minfo.e", N_("Error Mailbox"), SS_FT_STRING },
  [DNS_F_MX_PREFERENCE] = { "dns.mx.preference", N_("Preference"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_MX_MAIL_EXCHANGE] = { "dns.mx.mail_exchange", N_("Mail Exchange"), SS_FT_STRING },
  [DNS_F_TXT_LENGTH] = { "dns.txt.length", N_("TXT Length"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_TXT] = { "dns.txt", N_("TXT"), SS_FT_STRING },
  [DNS_F_RP_MAILBOX] = { "dns.rp.mailbox", N_("Mailbox"), SS_FT_STRING },
  [DNS_F_RP_TXT_RR] = { "dns.rp.txt_rr", N_("TXT RR"), SS_FT_STRING },
  [DNS_F_AFSDB_SUBTYPE] = { "dns.afsdb.subtype", N_("Subtype"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_AFSDB_HOSTNAME] = { "dns.afsdb.hostname", N_("Hostname"), SS_FT_STRING },
  [DNS_F_AAAA] = { "dns.aaaa", N_("AAAA Address"), SS_FT_IPv6 },
  [DNS_F_LOC_VERSION] = { "dns.loc.version", N_("Version"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_LOC_SIZE] = { "dns.loc.size", N_("Size"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_LOC_HORIZONTAL_PRECISION] = { "dns.loc.horizontal_precision", N_("Horizontal Precision"),
                                       SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_LOC_VERTICAL_PRECISION] = { "dns.loc.vertical_precision", N_("Vertical Precision"),
                                     SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_LOC_LATITUDE] = { "dns.loc.latitude", N_("Latitude"), SS_FT_UINT32, SS_BASE_DEC },
  [DNS_F_LOC_LONGITUDE] = { "dns.loc.longitude", N_("Longitude"), SS_FT_UINT32, SS_BASE_DEC },
  [DNS_F_LOC_ALTITUDE] = { "dns.loc.altitude", N_("Altitude"), SS_FT_UINT32, SS_BASE_DEC },
  [DNS_F_LOC_UNKNOWN_DATA] = { "dns.loc.unknown_data", N_("Unknown data"), SS_FT_BYTES },
  [DNS_F_SRV_PRIORITY] = { "dns.srv.priority", N_("Priority"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_SRV_WEIGHT] = { "dns.srv.weight", N_("Weight"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_SRV_PORT] = { "dns.srv.port", N_("Port"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_SRV_TARGET] = { "dns.srv.target", N_("Target"), SS_FT_STRING },
  [DNS_F_NAPTR_ORDER] = { "dns.naptr.order", N_("Order"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_NAPTR_PREFERENCE] = { "dns.naptr.preference", N_("Preference"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [DNS_F_NAPTR_FLAGS_LENGTH] = { "dns.naptr.flags_length", N_("Flags Length"), SS_FT_UINT8,
                                 SS_BASE_DEC },
  [DNS_F_NAPTR_FLAGS] = { "dns.naptr.flags", N_("Flags"), SS_FT_STRING },
  [DNS_F_NAPTR_SERVICE_LENGTH] = { "dns.naptr.service_length", N_("Service Length"), SS_FT_UINT8,
                                   SS_BASE_DEC },
  [DNS_F_NAPTR_SERVICE] = { "dns.naptr.service", N_("Service"), SS_FT_STRING },
  [DNS_F_NAPTR_REGEX_LENGTH] = { "dns.naptr.regex_length", N_("Regex Length"), SS_FT_UINT8,
                                 SS_BASE_DEC },
  [DNS_F_NAPTR_REGEX] = { "dns.naptr.regex", N_("Regex"), SS_FT_STRING },
  [DNS_F_NAPTR_REPLACEMENT_LENGTH] = { "dns.naptr.replacement_length", N_("Replacement Length"),
                                       SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_NAPTR_REPLACEMENT] = { "dns.naptr.replacement", N_("Replacement"), SS_FT_STRING },
  [DNS_F_KX_PREFERENCE] = { "dns.kx.preference", N_("Preference"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_KX_KEY_EXCHANGE] = { "dns.kx.key_exchange", N_("Key Exchange"), SS_FT_STRING },
  [DNS_F_DNAME] = { "dns.dname", N_("Dname"), SS_FT_STRING },
  [DNS_F_OPT] = { "dns.opt", N_("Option"), SS_FT_NONE },
  [DNS_F_OPT_CODE] = { "dns.opt.code", N_("Option Code"), SS_FT_UINT16, SS_BASE_DEC,
                       opt_code_vals },
  [DNS_F_OPT_LEN] = { "dns.opt.len", N_("Option Length"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_OPT_DATA] = { "dns.opt.data", N_("Option Data"), SS_FT_BYTES },
  [DNS_F_OPT_DAU] = { "dns.opt.dau", N_("DAU"), SS_FT_UINT8, SS_BASE_DEC, opt_dau_vals },
  [DNS_F_OPT_DHU] = { "dns.opt.dhu", N_("DHU"), SS_FT_UINT8, SS_BASE_DEC, opt_dhu_vals },
  [DNS_F_OPT_N3U] = { "dns.opt.n3u", N_("N3U"), SS_FT_UINT8, SS_BASE_DEC, opt_n3u_vals },
  [DNS_F_OPT_CLIENT_FAMILY] = { "dns.opt.client.family", N_("Family"), SS_FT_UINT16, SS_BASE_DEC,
                                opt_client_family_vals },
  [DNS_F_OPT_CLIENT_NETMASK] = { "dns.opt.client.netmask", N_("Source Netmask"), SS_FT_UINT8,
                                 SS_BASE_DEC },
  [DNS_F_OPT_CLIENT_SCOPE] = { "dns.opt.client.scope", N_("Scope Netmask"), SS_FT_UINT8,
                               SS_BASE_DEC },
  [DNS_F_OPT_CLIENT_ADDR] = { "dns.opt.client.addr", N_("Client Subnet"), SS_FT_BYTES },
  [DNS_F_OPT_CLIENT_ADDR4] = { "dns.opt.client.addr4", N_("Client Subnet"), SS_FT_IPv4 },
  [DNS_F_OPT_CLIENT_ADDR6] = { "dns.opt.client.addr6", N_("Client Subnet"), SS_FT_IPv6 },
  [DNS_F_OPT_COOKIE_CLIENT] = { "dns.opt.cookie.client", N_("Client Cookie"), SS_FT_BYTES },
  [DNS_F_OPT_COOKIE_SERVER] = { "dns.opt.cookie.server", N_("Server Cookie"), SS_FT_BYTES },
  [DNS_F_OPT_EDNS_TCP_KEEPALIVE_TIMEOUT] = { "dns.opt.edns_tcp_keepalive.timeout", N_("Timeout"),
                                             SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_OPT_PADDING] = { "dns.opt.padding", N_("Padding"), SS_FT_BYTES },
  [DNS_F_OPT_CHAIN_FQDN] = { "dns.opt.chain.fqdn", N_("Closest Trust Point"), SS_FT_STRING },
  [DNS_F_OPT_EXT_ERROR_INFO_CODE] = { "dns.opt.ext_error.info_code", N_("Info Code"), SS_FT_UINT16,
                                      SS_BASE_DEC },
  [DNS_F_OPT_EXT_ERROR_EXTRA_TEXT] = { "dns.opt.ext_error.extra_text", N_("Extra Text"),
                                       SS_FT_STRING },
  [DNS_F_DS_KEY_ID] = { "dns.ds.key_id", N_("Key id"), SS_FT_UINT16, SS_BASE_HEX },
  [DNS_F_DS_ALGORITHM] = { "dns.ds.algorithm", N_("Algorithm"), SS_FT_UINT8, SS_BASE_DEC,
                           algo_vals },
  [DNS_F_DS_DIGEST_TYPE] = { "dns.ds.digest_type", N_("Digest Type"), SS_FT_UINT8, SS_BASE_DEC,
                             ds_digest_type_vals },
  [DNS_F_DS_DIGEST] = { "dns.ds.digest", N_("Digest"), SS_FT_BYTES },
  [DNS_F_SSHFP_ALGORITHM] = { "dns.sshfp.algorithm", N_("Algorithm"), SS_FT_UINT8, SS_BASE_DEC,
                              sshfp_algorithm_vals },
  [DNS_F_SSHFP_FINGERPRINT_TYPE] = { "dns.sshfp.fingerprint.type", N_("Fingerprint type"),
                                     SS_FT_UINT8, SS_BASE_DEC, sshfp_fingerprint_type_vals },
  [DNS_F_SSHFP_FINGERPRINT] = { "dns.sshfp.fingerprint", N_("Fingerprint"), SS_FT_BYTES },
  [DNS_F_RRSIG_TYPE_COVERED] = { "dns.rrsig.type_covered", N_("Type Covered"), SS_FT_UINT16,
                                 SS_BASE_DEC, type_desc_vals },
  [DNS_F_RRSIG_ALGORITHM] = { "dns.rrsig.algorithm", N_("Algorithm"), SS_FT_UINT8, SS_BASE_DEC,
                              algo_vals },
  [DNS_F_RRSIG_LABELS] = { "dns.rrsig.labels", N_("Labels"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_RRSIG_ORIGINAL_TTL] = { "dns.rrsig.original_ttl", N_("Original TTL"), SS_FT_UINT32,
                                 SS_BASE_DEC },
  [DNS_F_RRSIG_SIGNATURE_EXPIRATION] = { "dns.rrsig.signature_expiration",
                                         N_("Signature Expiration"), SS_FT_ABSOLUTE_TIME,
                                         SS_BASE_TIME_UTC },
  [DNS_F_RRSIG_SIGNATURE_INCEPTION] = { "dns.rrsig.signature_inception", N_("Signature Inception"),
                                        SS_FT_ABSOLUTE_TIME, SS_BASE_TIME_UTC },
  [DNS_F_RRSIG_KEY_TAG] = { "dns.rrsig.key_tag", N_("Key Tag"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_RRSIG_SIGNERS_NAME] = { "dns.rrsig.signers_name", N_("Signer's name"), SS_FT_STRING },
  [DNS_F_RRSIG_SIGNATURE] = { "dns.rrsig.signature", N_("Signature"), SS_FT_BYTES },
  [DNS_F_NSEC_NEXT_DOMAIN_NAME] = { "dns.nsec.next_domain_name", N_("Next Domain Name"),
                                    SS_FT_STRING },
  [DNS_F_DNSKEY_FLAGS] = { "dns.dnskey.flags", N_("Flags"), SS_FT_UINT16, SS_BASE_HEX },
  [DNS_F_DNSKEY_FLAGS_ZONE_KEY] = { "dns.dnskey.flags.zone_key", N_("Zone Key"), SS_FT_BOOLEAN, 16,
                                    NULL, 0x100, &dnskey_flags_zone_key_tfs },
  [DNS_F_DNSKEY_FLAGS_KEY_REVOKED] = { "dns.dnskey.flags.key_revoked", N_("Key Revoked"),
                                       SS_FT_BOOLEAN, 16, NULL, 0x80, &yes_no_tfs },
  [DNS_F_DNSKEY_FLAGS_SECURE_ENTRY_POINT] = { "dns.dnskey.flags.secure_entry_point",
                                              N_("Key Signing Key"), SS_FT_BOOLEAN, 16, NULL, 0x1,
                                              &yes_no_tfs },
  [DNS_F_DNSKEY_FLAGS_RESERVED] = { "dns.dnskey.flags.reserved", N_("Key Signing Key"),
                                    SS_FT_UINT16, SS_BASE_HEX, NULL, 0xfe7e },
  [DNS_F_DNSKEY_PROTOCOL] = { "dns.dnskey.protocol", N_("Protocol"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_DNSKEY_ALGORITHM] = { "dns.dnskey.algorithm", N_("Algorithm"), SS_FT_UINT8, SS_BASE_DEC,
                               algo_vals },
  [DNS_F_DNSKEY_KEY_ID] = { "dns.dnskey.key_id", N_("Key id"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_DNSKEY_PUBLIC_KEY] = { "dns.dnskey.public_key", N_("Public Key"), SS_FT_BYTES },
  [DNS_F_DHCID_RDATA] = { "dns.dhcid.rdata", N_("DHCID Data"), SS_FT_BYTES },
  [DNS_F_NSEC3_ALGO] = { "dns.nsec3.algo", N_("Hash algorithm"), SS_FT_UINT8, SS_BASE_DEC,
                         nsec3_algo_vals },
  [DNS_F_NSEC3_FLAGS] = { "dns.nsec3.flags", N_("NSEC3 flags"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_NSEC3_FLAGS_OPT_OUT] = { "dns.nsec3.flags.opt_out", N_("NSEC3 Opt-out flag"),
                                  SS_FT_BOOLEAN, 8, NULL, 0x1, &nsec3_flags_opt_out_tfs },
  [DNS_F_NSEC3_ITERATIONS] = { "dns.nsec3.iterations", N_("NSEC3 iterations"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [DNS_F_NSEC3_SALT_LENGTH] = { "dns.nsec3.salt_length", N_("Salt length"), SS_FT_UINT8,
                                SS_BASE_DEC },
  [DNS_F_NSEC3_SALT_VALUE] = { "dns.nsec3.salt_value", N_("Salt value"), SS_FT_BYTES },
  [DNS_F_NSEC3_HASH_LENGTH] = { "dns.nsec3.hash_length", N_("Hash length"), SS_FT_UINT8,
                                SS_BASE_DEC },
  [DNS_F_NSEC3_HASH_VALUE] = { "dns.nsec3.hash_value", N_("Next hashed owner"), SS_FT_STRING },
  [DNS_F_TLSA_CERTIFICATE_USAGE] = { "dns.tlsa.certificate_usage", N_("Certificate Usage"),
                                     SS_FT_UINT8, SS_BASE_DEC, tlsa_certificate_usage_vals },
  [DNS_F_TLSA_SELECTOR] = { "dns.tlsa.selector", N_("Selector"), SS_FT_UINT8, SS_BASE_DEC,
                            tlsa_selector_vals },
  [DNS_F_TLSA_MATCHING_TYPE] = { "dns.tlsa.matching_type", N_("Matching Type"), SS_FT_UINT8,
                                 SS_BASE_DEC, tlsa_matching_type_vals },
  [DNS_F_TLSA_CERTIFICATE_ASSOCIATION_DATA] = { "dns.tlsa.certificate_association_data",
                                                N_("Certificate Association Data"), SS_FT_BYTES },
  [DNS_F_SVCB_SVCPRIORITY] = { "dns.svcb.svcpriority", N_("SvcPriority"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [DNS_F_SVCB_TARGETNAME] = { "dns.svcb.targetname", N_("TargetName"), SS_FT_STRING },
  [DNS_F_SVCB_SVCPARAM] = { "dns.svcb.svcparam", N_("SvcParam"), SS_FT_NONE },
  [DNS_F_SVCB_SVCPARAM_KEY] = { "dns.svcb.svcparam.key", N_("SvcParamKey"), SS_FT_UINT16,
                                SS_BASE_DEC, svcb_key_vals },
  [DNS_F_SVCB_SVCPARAM_VALUE_LENGTH] = { "dns.svcb.svcparam.value.length",
                                         N_("SvcParamValue length"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_SVCB_SVCPARAM_VALUE] = { "dns.svcb.svcparam.value", N_("SvcParamValue"), SS_FT_BYTES },
  [DNS_F_SVCB_SVCPARAM_MANDATORY_KEY] = { "dns.svcb.svcparam.mandatory.key", N_("Mandatory key"),
                                          SS_FT_UINT16, SS_BASE_DEC, svcb_key_vals },
  [DNS_F_SVCB_SVCPARAM_ALPN_LENGTH] = { "dns.svcb.svcparam.alpn.length", N_("ALPN length"),
                                        SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_SVCB_SVCPARAM_ALPN] = { "dns.svcb.svcparam.alpn", N_("ALPN"), SS_FT_STRING },
  [DNS_F_SVCB_SVCPARAM_PORT] = { "dns.svcb.svcparam.port", N_("Port"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_SVCB_SVCPARAM_IPV4HINT_IP] = { "dns.svcb.svcparam.ipv4hint.ip", N_("IP"), SS_FT_IPv4 },
  [DNS_F_SVCB_SVCPARAM_ECHCONFIG] = { "dns.svcb.svcparam.echconfig", N_("ECHConfig"), SS_FT_BYTES },
  [DNS_F_SVCB_SVCPARAM_IPV6HINT_IP] = { "dns.svcb.svcparam.ipv6hint.ip", N_("IP"), SS_FT_IPv6 },
  [DNS_F_SVCB_SVCPARAM_ODOHCONFIG] = { "dns.svcb.svcparam.odohconfig", N_("ODoHConfig"),
                                       SS_FT_BYTES },
  [DNS_F_SPF_LENGTH] = { "dns.spf.length", N_("SPF Length"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_SPF] = { "dns.spf", N_("SPF"), SS_FT_STRING },
  [DNS_F_EUI48] = { "dns.eui48", N_("EUI48 Address"), SS_FT_ETHER },
  [DNS_F_TSIG_ALGORITHM_NAME] = { "dns.tsig.algorithm_name", N_("Algorithm Name"), SS_FT_STRING },
  [DNS_F_TSIG_TIME_SIGNED] = { "dns.tsig.time_signed", N_("Time Signed"), SS_FT_ABSOLUTE_TIME,
                               SS_BASE_TIME_UTC },
  [DNS_F_TSIG_FUDGE] = { "dns.tsig.fudge", N_("Fudge"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_TSIG_MAC_SIZE] = { "dns.tsig.mac_size", N_("MAC Size"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_TSIG_MAC] = { "dns.tsig.mac", N_("MAC"), SS_FT_NONE },
  [DNS_F_TSIG_ORIGINAL_ID] = { "dns.tsig.original_id", N_("Original Id"), SS_FT_UINT16,
                               SS_BASE_DEC },
  [DNS_F_TSIG_ERROR] = { "dns.tsig.error", N_("Error"), SS_FT_UINT16, SS_BASE_DEC, rcode_vals },
  [DNS_F_TSIG_OTHER_LEN] = { "dns.tsig.other_len", N_("Other Len"), SS_FT_UINT16, SS_BASE_DEC },
  [DNS_F_TSIG_OTHER_DATA] = { "dns.tsig.other_data", N_("Other Data"), SS_FT_BYTES },
  [DNS_F_CAA_FLAGS] = { "dns.caa.flags", N_("CAA Flags"), SS_FT_UINT8, SS_BASE_HEX },
  [DNS_F_CAA_FLAGS_ISSUER_CRITICAL] = { "dns.caa.flags.issuer_critical", N_("Issuer Critical"),
                                        SS_FT_BOOLEAN, 8, NULL, 0x80,
                                        &caa_flags_issuer_critical_tfs },
  [DNS_F_CAA_ISSUE] = { "dns.caa.issue", N_("Issue"), SS_FT_STRING },
  [DNS_F_CAA_ISSUEWILD] = { "dns.caa.issuewild", N_("Issue Wildcard"), SS_FT_STRING },
  [DNS_F_CAA_IODEF] = { "dns.caa.iodef", N_("Report URL"), SS_FT_STRING },
  [DNS_F_CAA_UNKNOWN] = { "dns.caa.unknown", N_("Unknown tag"), SS_FT_STRING },
  [DNS_F_CAA_TAG_LENGTH] = { "dns.caa.tag_length", N_("Tag length"), SS_FT_UINT8, SS_BASE_DEC },
  [DNS_F_CAA_TAG] = { "dns.caa.tag", N_("Tag"), SS_FT_STRING },
  [DNS_F_CAA_VALUE] = { "dns.caa.value", N_("Value"), SS_FT_STRING },
  [DNS_F_DATA] = { "dns.data", N_("Data"), SS_FT_BYTES },
  [DNS_F_EXTRANEOUS_DATA] = { "dns.extraneous.data", N_("Extraneous Data Bytes"), SS_FT_BYTES },
  [DNS_F_EXTRANEOUS_LENGTH] = { "dns.extraneous.length", N_("Extraneous Data Length"), SS_FT_INT32,
                                SS_BASE_DEC },
  [DNS_F_RESPONSE_IN] = { "dns.response_in", N_("Response In"), SS_FT_FRAMENUM, SS_BASE_NONE,
                          NULL, 0, NULL, N_("The response to this DNS query is in this frame") },
  [DNS_F_RESPONSE_TO] = { "dns.response_to", N_("Request In"), SS_FT_FRAMENUM, SS_BASE_NONE,
                          NULL, 0, NULL,
                          N_("This is a response to the DNS query in this frame") },
  [DNS_F_TIME] = { "dns.time", N_("Time"), SS_FT_RELATIVE_TIME, SS_BASE_NONE, NULL, 0, NULL,
                   N_("The time between the Query and the Response") },
  [DNS_F_RETRANSMIT_REQUEST_IN] = { "dns.retransmit_request_in",
                                    N_("Retransmitted request. Original request in"),
                                    SS_FT_FRAMENUM, SS_BASE_NONE, NULL, 0, NULL,
                                    N_("This is a retransmitted DNS query") },
  [DNS_F_RETRANSMIT_RESPONSE_IN] = { "dns.retransmit_response_in",
                                     N_("Retransmitted response. Original response in"),
                                     SS_FT_FRAMENUM, SS_BASE_NONE, NULL, 0, NULL,
                                     N_("This is a retransmitted DNS response") },
  [DNS_F_RETRANSMISSION] = { "dns.retransmission", N_("Retransmission"), SS_FT_BOOLEAN,
                             SS_BASE_NONE, NULL, 0, NULL, N_("This is a retransmission") },
  [DNS_F_UNSOLICITED] = { "dns.unsolicited", N_("Unsolicited"), SS_FT_BOOLEAN, SS_BASE_NONE,
                          NULL, 0, NULL, N_("This is an unsolicited response") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (dns_fields) == DNS_F_COUNT);

enum
{
  DNS_E_TTL_HIGH_BIT_SET,
  DNS_E_UNDECODED_TYPE,
  DNS_E_OPT_BAD_LENGTH,
  DNS_E_DEPR_OPC,
  DNS_E_TSIG_NOALG,
  DNS_E_KEY_ID_BUFFER_TOO_SHORT,
  DNS_E_EXTRANEOUS,
  DNS_E_RETRANSMIT_REQUEST,
  DNS_E_RETRANSMIT_RESPONSE,
  DNS_E_COUNT
};

static const SsExpertDef dns_experts[] = {
  [DNS_E_TTL_HIGH_BIT_SET] = { "dns.ttl.high_bit_set", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_WARN,
                               N_("The uppermost bit of the TTL is set (RFC 2181, section 8)") },
  [DNS_E_UNDECODED_TYPE] = { "dns.undecoded.type", SS_EXPERT_GROUP_UNDECODED, SS_EXPERT_NOTE,
                             N_("Undecoded option") },
  [DNS_E_OPT_BAD_LENGTH] = { "dns.rr.opt.bad_length", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                             N_("Length too long for any type of IP address.") },
  [DNS_E_DEPR_OPC] = { "dns.depr.opc", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_WARN,
                       N_("Deprecated opcode") },
  [DNS_E_TSIG_NOALG] = { "dns.tsig.noalg", SS_EXPERT_GROUP_UNDECODED, SS_EXPERT_WARN,
                         N_("No dissector for algorithm") },
  [DNS_E_KEY_ID_BUFFER_TOO_SHORT] = { "dns.key_id_buffer_too_short", SS_EXPERT_GROUP_PROTOCOL,
                                      SS_EXPERT_WARN, N_("Buffer too short to compute a key id") },
  [DNS_E_EXTRANEOUS] = { "dns.extraneous", SS_EXPERT_GROUP_UNDECODED, SS_EXPERT_NOTE,
                         N_("Extraneous data") },
  [DNS_E_RETRANSMIT_REQUEST] = { "dns.retransmit_request", SS_EXPERT_GROUP_PROTOCOL,
                                 SS_EXPERT_WARN, N_("DNS query retransmission") },
  [DNS_E_RETRANSMIT_RESPONSE] = { "dns.retransmit_response", SS_EXPERT_GROUP_PROTOCOL,
                                  SS_EXPERT_WARN, N_("DNS response retransmission") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (dns_experts) == DNS_E_COUNT);

/* One message being dissected: over UDP the whole payload, over TCP one length-prefixed
 * message, its compression pointers counted from @base (RFC 1035 §4.2.2). Every read goes to
 * @r and past the record data when a record says so, as Wireshark's do: a read beyond the
 * message ends the dissection with the reader marked. */
typedef struct
{
  SsPacket     *pkt;
  SsLayer      *l;
  SsReader     *r;
  guint         base;
  SsProtocolId  kind;   /* SS_PROTO_DNS, SS_PROTO_MDNS or SS_PROTO_LLMNR */
} DnsCtx;

/* "1... .... .... .... = text" for the bits of @mask in @value. */
static void set_bit_label (SsPacket   *pkt,
                           SsItem     *it,
                           guint16     value,
                           guint16     mask,
                           const char *text);

static const char *
type_name (DnsCtx  *c,
           guint16  type)
{
  const char *s = ss_value_string_lookup (type_vals, type);

  return s ? s : ss_arena_printf (c->pkt->arena, "Unknown (%u)", type);
}

static const char *
type_desc (DnsCtx  *c,
           guint16  type)
{
  const char *s = ss_value_string_lookup (type_desc_vals, type);

  return s ? s : ss_arena_printf (c->pkt->arena, "Unknown (%u)", type);
}

static const char *
class_name (guint16 dns_class)
{
  const char *s = ss_value_string_lookup (class_vals, dns_class);

  return s ? s : "Unknown";
}

/* Wireshark's unsigned_time_secs_to_str(): "1 day, 2 hours, 3 minutes, 4 seconds". */
static const char *
secs_to_str (DnsCtx  *c,
             guint32  v)
{
  static const char *const units[] = { "day", "hour", "minute", "second" };
  guint32 parts[4];
  GString *s;
  char *res;

  if (v == 0)
    return "0 seconds";
  parts[3] = v % 60;
  v /= 60;
  parts[2] = v % 60;
  v /= 60;
  parts[1] = v % 24;
  parts[0] = v / 24;
  s = g_string_new (NULL);
  for (guint i = 0; i < 4; i++)
    if (parts[i])
      g_string_append_printf (s, "%s%u %s%s", s->len ? ", " : "", parts[i], units[i],
                              parts[i] == 1 ? "" : "s");
  res = ss_arena_strdup (c->pkt->arena, s->str);
  g_string_free (s, TRUE);
  return res;
}

/* A 32-bit count of seconds with its duration, as the TTL fields show it. */
static SsItem *
add_secs (DnsCtx *c,
          SsItem *parent,
          guint   field,
          guint   off)
{
  guint32 v = ss_reader_get_ntohl (c->r, off);
  SsItem *it = ss_layer_add_item (c->l, parent, field, off, 4, SS_ENC_BE);

  if (!ss_reader_failed (c->r))
    ss_item_append_text (c->pkt, it, " (%s)", secs_to_str (c, v));
  return it;
}

/* Text of @len bytes read as ASCII (Wireshark's ENC_ASCII): it ends at a NUL byte, and bytes
 * above 0x7f become U+FFFD. NULL when the bytes are not all there (the reader is marked). */
static const char *
get_ascii (DnsCtx *c,
           guint   off,
           guint   len)
{
  const guint8 *p;
  GString *s;
  char *res;

  if (!ss_reader_check (c->r, off, len))
    return NULL;
  p = c->r->data + off;
  s = g_string_sized_new (len + 1);
  for (guint i = 0; i < len && p[i]; i++)
    {
      if (p[i] < 0x80)
        g_string_append_c (s, (char) p[i]);
      else
        g_string_append (s, "\xef\xbf\xbd");
    }
  res = ss_arena_strndup (c->pkt->arena, s->str, s->len);
  g_string_free (s, TRUE);
  return res;
}

static const char *
add_ascii (DnsCtx *c,
           SsItem *parent,
           guint   field,
           guint   off,
           guint   len)
{
  const char *s = get_ascii (c, off, len);

  if (s)
    ss_layer_add_string (c->l, parent, field, off, len, s, -1);
  return s;
}

/* The name at @off (RFC 1035 §4.1.4), expanded and made printable as Wireshark shows it. */
static gboolean
get_name (DnsCtx      *c,
          guint        off,
          SsDnsName   *n,
          const char **out)
{
  if (!ss_dns_name_get (c->r, off, 0, c->base, c->pkt->arena, n))
    return FALSE;
  *out = ss_dns_format_text (c->pkt->arena, (const guint8 *) n->name, n->len);
  return TRUE;
}

/* A name field: returns the bytes the name takes where it is, 0 when it cannot be read. */
static guint
add_name (DnsCtx      *c,
          SsItem      *parent,
          guint        field,
          guint        off,
          const char **out)
{
  SsDnsName n;
  const char *s;

  if (!get_name (c, off, &n, &s))
    return 0;
  ss_layer_add_string (c->l, parent, field, off, n.used, s, -1);
  if (out)
    *out = s;
  return n.used;
}

/* The owner name as it is, for the Info column of the record types Wireshark labels that way. */
static const char *
raw_name (const SsDnsName *n)
{
  return n->name;
}

/* "RR type in bit map" items (RFC 4034 §4.1.2): windows of a block number, a length and that
 * many bytes of bits, while @rr_len lasts. Every window advances; a length that overruns the
 * record runs into the end of the packet, as it does in Wireshark. */
static void
dissect_type_bitmap (DnsCtx *c,
                     SsItem *rr,
                     guint   off,
                     gint    rr_len)
{
  SsReader *r = c->r;

  while (rr_len != 0 && !ss_reader_failed (r))
    {
      guint8 block = ss_reader_get_u8 (r, off);
      guint8 size = ss_reader_get_u8 (r, off + 1);
      guint type = block * 256u;

      if (ss_reader_failed (r))
        return;
      off += 2;
      rr_len -= 2;
      for (; size > 0; size--, off++, rr_len--)
        {
          guint8 bits = ss_reader_get_u8 (r, off);

          if (ss_reader_failed (r))
            return;
          for (guint i = 0; i < 8; i++, type++)
            if (bits & (0x80 >> i))
              {
                SsItem *it = ss_layer_add_uint (c->l, rr, DNS_F_RESP_TYPE, off, 1, type);

                ss_item_set_text (c->pkt, it, "RR type in bit map: %s", type_desc (c, type));
              }
        }
    }
}

/* The key tag of RFC 4034 Appendix B over @size bytes at @off (the whole RDATA). */
static gboolean
compute_key_id (DnsCtx  *c,
                SsItem  *rr,
                guint    off,
                gint     size,
                guint8   algo,
                guint16 *key_id)
{
  SsReader *r = c->r;
  guint32 ac = 0;

  if (size < 4)
    {
      *key_id = 0;
      ss_item_set_flags (ss_layer_add_expert_item (c->l, rr, DNS_E_KEY_ID_BUFFER_TOO_SHORT),
                         SS_ITEM_GENERATED);
      ss_packet_add_expert (c->pkt, rr, SS_PROTO_DNS, DNS_E_KEY_ID_BUFFER_TOO_SHORT, NULL);
      return FALSE;
    }
  if (algo == 1)
    {
      *key_id = (guint16) ((ss_reader_get_u8 (r, off + size - 3) << 8)
                           + ss_reader_get_u8 (r, off + size - 2));
      return !ss_reader_failed (r);
    }
  for (; size > 1 && !ss_reader_failed (r); size -= 2, off += 2)
    ac += ((guint32) ss_reader_get_u8 (r, off) << 8) + ss_reader_get_u8 (r, off + 1);
  if (size > 0)
    ac += (guint32) ss_reader_get_u8 (r, off) << 8;
  ac += (ac >> 16) & 0xffff;
  *key_id = (guint16) (ac & 0xffff);
  return !ss_reader_failed (r);
}

/* RFC 1876 §2: a size as a mantissa and a power of ten, in centimetres. */
static double
loc_size (guint8 v)
{
  double size = (v & 0xf0) >> 4;

  for (guint e = v & 0x0f; e > 0; e--)
    size *= 10;
  return size / 100;
}

static const char *
loc_angle (DnsCtx   *c,
           guint32   angle,
           gboolean  longitude)
{
  char dir;

  if (angle < 0x80000000u)
    {
      angle = 0x80000000u - angle;
      dir = longitude ? 'W' : 'S';
    }
  else
    {
      angle -= 0x80000000u;
      dir = longitude ? 'E' : 'N';
    }
  if (longitude ? angle > 648000000 : angle > 324000000)
    return "Value out of range";
  return ss_arena_printf (c->pkt->arena, "%u deg %u min %u.%03u sec %c", angle / 3600000,
                          angle / 60000 % 60, angle / 1000 % 60, angle % 1000, dir);
}

static void
append_base64 (GString      *s,
               const guint8 *p,
               guint         len)
{
  gchar *b = g_base64_encode (p, len);

  g_string_append (s, b);
  g_free (b);
}

/* EDNS(0) options (RFC 6891 §6.1.2) in @rropt_len bytes of the OPT record. */
static gboolean
dissect_opt_options (DnsCtx *c,
                     SsItem *rr,
                     guint   cur,
                     gint    rropt_len)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;

  while (rropt_len > 0)
    {
      guint16 code = ss_reader_get_ntohs (r, cur);
      guint16 optlen = ss_reader_get_ntohs (r, cur + 2);
      const char *code_name;
      SsItem *opt, *code_it, *len_it;

      if (ss_reader_failed (r))
        return FALSE;
      rropt_len -= 4;
      /* a node without a value may run past the end, as in Wireshark */
      opt = ss_layer_add_uint (c->l, rr, DNS_F_OPT, cur,
                               MIN (4u + optlen, ss_reader_remaining (r, cur)), 0);
      code_name = ss_value_string_lookup (opt_code_vals, code);
      if (code_name)
        ss_item_append_text (pkt, opt, ": %s", code_name);
      else
        ss_item_append_text (pkt, opt, ": Unknown (%u)", code);
      code_it = ss_layer_add_item (c->l, opt, DNS_F_OPT_CODE, cur, 2, SS_ENC_BE);
      len_it = ss_layer_add_item (c->l, opt, DNS_F_OPT_LEN, cur + 2, 2, SS_ENC_BE);
      cur += 4;
      ss_layer_add_item (c->l, opt, DNS_F_OPT_DATA, cur, optlen, SS_ENC_BE);
      if (ss_reader_failed (r))
        return FALSE;
      switch (code)
        {
        case 5:   /* DAU, DHU, N3U: RFC 6975 §3 */
        case 6:
        case 7:
          for (; optlen != 0; optlen--, cur++, rropt_len--)
            ss_layer_add_item (c->l, opt, code == 5 ? DNS_F_OPT_DAU
                                          : code == 6 ? DNS_F_OPT_DHU : DNS_F_OPT_N3U, cur, 1,
                               SS_ENC_BE);
          break;
        case 20730:   /* the client subnet option's experimental code */
          ss_packet_add_expert (pkt, code_it, SS_PROTO_DNS, DNS_E_DEPR_OPC,
                                _("Deprecated opcode. Client subnet OPT assigned as %d."), 8);
          /* fall through */
        case 8:   /* client subnet, RFC 7871 §6 */
          {
            guint16 family = ss_reader_get_ntohs (r, cur);
            guint16 addr_len = (guint16) (optlen - 4);
            guint8 addr[16] = { 0 };

            ss_layer_add_item (c->l, opt, DNS_F_OPT_CLIENT_FAMILY, cur, 2, SS_ENC_BE);
            ss_layer_add_item (c->l, opt, DNS_F_OPT_CLIENT_NETMASK, cur + 2, 1, SS_ENC_BE);
            ss_layer_add_item (c->l, opt, DNS_F_OPT_CLIENT_SCOPE, cur + 3, 1, SS_ENC_BE);
            if (ss_reader_failed (r))
              return FALSE;
            cur += 4;
            if (addr_len > 16)
              {
                ss_packet_add_expert (pkt, len_it, SS_PROTO_DNS, DNS_E_OPT_BAD_LENGTH, NULL);
                addr_len = 16;
              }
            if (!ss_reader_copy (r, cur, addr_len, addr))
              return FALSE;
            if (family == 1)
              ss_layer_add_address (c->l, opt, DNS_F_OPT_CLIENT_ADDR4, cur, addr_len, addr);
            else if (family == 2)
              ss_layer_add_address (c->l, opt, DNS_F_OPT_CLIENT_ADDR6, cur, addr_len, addr);
            else if (optlen >= 4)
              ss_layer_add_item (c->l, opt, DNS_F_OPT_CLIENT_ADDR, cur, optlen - 4u, SS_ENC_BE);
            else
              {
                ss_reader_mark (r, r->reported, 1);
                return FALSE;
              }
            if (ss_reader_failed (r))
              return FALSE;
            cur += (guint16) (optlen - 4);
            rropt_len -= optlen;
          }
          break;
        case 10:  /* cookie, RFC 7873 §4 */
          ss_layer_add_item (c->l, opt, DNS_F_OPT_COOKIE_CLIENT, cur, 8, SS_ENC_BE);
          cur += 8;
          rropt_len -= 8;
          optlen = (guint16) (optlen - 8);
          ss_layer_add_item (c->l, opt, DNS_F_OPT_COOKIE_SERVER, cur, optlen, SS_ENC_BE);
          cur += optlen;
          rropt_len -= optlen;
          break;
        case 11:  /* TCP keepalive, RFC 7828 §3.1 */
          if (optlen == 2)
            ss_layer_add_item (c->l, opt, DNS_F_OPT_EDNS_TCP_KEEPALIVE_TIMEOUT, cur, 2,
                               SS_ENC_BE);
          cur += optlen;
          rropt_len -= optlen;
          break;
        case 12:  /* padding, RFC 7830 */
          ss_layer_add_item (c->l, opt, DNS_F_OPT_PADDING, cur, optlen, SS_ENC_BE);
          cur += optlen;
          rropt_len -= optlen;
          break;
        case 13:  /* chain, RFC 7901 */
          if (optlen)
            add_ascii (c, opt, DNS_F_OPT_CHAIN_FQDN, cur, optlen);
          cur += optlen;
          rropt_len -= optlen;
          break;
        case 15:  /* extended DNS error, RFC 8914 */
          if (optlen >= 2)
            {
              ss_layer_add_item (c->l, opt, DNS_F_OPT_EXT_ERROR_INFO_CODE, cur, 2, SS_ENC_BE);
              cur += 2;
              rropt_len -= 2;
              if (optlen > 2)
                {
                  const char *t = ss_reader_check (r, cur, optlen - 2u)
                    ? ss_dns_format_text (pkt->arena, r->data + cur, optlen - 2u) : NULL;

                  if (t)
                    ss_layer_add_string (c->l, opt, DNS_F_OPT_EXT_ERROR_EXTRA_TEXT, cur,
                                         optlen - 2u, t, -1);
                  cur += optlen - 2u;
                  rropt_len -= optlen - 2;
                }
            }
          break;
        default:
          cur += optlen;
          rropt_len -= optlen;
          break;
        }
      if (ss_reader_failed (r))
        return FALSE;
    }
  return TRUE;
}

/* SVCB and HTTPS (RFC 9460 §2.2): a priority, a target and key=value parameters. */
static gboolean
dissect_svcb (DnsCtx  *c,
              SsItem  *rr,
              guint    cur,
              guint16  data_len)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  guint start = cur;
  guint used;

  ss_layer_add_item (c->l, rr, DNS_F_SVCB_SVCPRIORITY, cur, 2, SS_ENC_BE);
  if (ss_reader_failed (r))
    return FALSE;
  cur += 2;
  used = add_name (c, rr, DNS_F_SVCB_TARGETNAME, cur, NULL);
  if (!used)
    return FALSE;
  cur += used;
  /* every parameter takes at least its 4-byte key and length */
  while (data_len > cur - start)
    {
      /* the parameter's node comes first, so it is there when its key cannot be read */
      SsItem *p = ss_layer_add_uint (c->l, rr, DNS_F_SVCB_SVCPARAM, cur,
                                     ss_reader_remaining (r, cur), 0);
      guint16 key = ss_reader_get_ntohs (r, cur);
      guint16 len = ss_reader_get_ntohs (r, cur + 2);
      const char *kn = ss_value_string_lookup (svcb_key_vals, key);
      g_autoptr(GString) label = NULL;

      if (ss_reader_failed (r))
        return FALSE;
      ss_item_set_length (p, MIN (4u + len, ss_reader_remaining (r, cur)));
      ss_layer_add_item (c->l, p, DNS_F_SVCB_SVCPARAM_KEY, cur, 2, SS_ENC_BE);
      ss_layer_add_item (c->l, p, DNS_F_SVCB_SVCPARAM_VALUE_LENGTH, cur + 2, 2, SS_ENC_BE);
      cur += 4;
      label = g_string_new ("SvcParam: ");
      if (kn)
        g_string_append (label, kn);
      else
        g_string_append_printf (label, "key%u", key);
      switch (key)
        {
        case 0:   /* mandatory */
          for (guint o = 0; o < len && !ss_reader_failed (r); o += 2, cur += 2)
            {
              guint16 k = ss_reader_get_ntohs (r, cur);
              const char *n = ss_value_string_lookup (svcb_key_vals, k);

              ss_layer_add_item (c->l, p, DNS_F_SVCB_SVCPARAM_MANDATORY_KEY, cur, 2, SS_ENC_BE);
              if (n)
                g_string_append_printf (label, "%c%s", o == 0 ? '=' : ',', n);
              else
                g_string_append_printf (label, "%ckey%u", o == 0 ? '=' : ',', k);
            }
          break;
        case 1:   /* alpn: length-prefixed ids, each taking at least its length byte */
          for (guint o = 0; o < len && !ss_reader_failed (r);)
            {
              guint8 alen = ss_reader_get_u8 (r, cur);
              const char *s;

              ss_layer_add_item (c->l, p, DNS_F_SVCB_SVCPARAM_ALPN_LENGTH, cur, 1, SS_ENC_BE);
              if (ss_reader_failed (r))
                break;
              cur++;
              s = add_ascii (c, p, DNS_F_SVCB_SVCPARAM_ALPN, cur, alen);
              if (!s)
                break;
              cur += alen;
              g_string_append_printf (label, "%c%s", o == 0 ? '=' : ',', s);
              o += 1u + alen;
            }
          break;
        case 2:   /* no-default-alpn */
          break;
        case 3:   /* port */
          {
            guint16 port = ss_reader_get_ntohs (r, cur);

            ss_layer_add_item (c->l, p, DNS_F_SVCB_SVCPARAM_PORT, cur, 2, SS_ENC_BE);
            if (!ss_reader_failed (r))
              g_string_append_printf (label, "=%u", port);
            cur += 2;
          }
          break;
        case 4:   /* ipv4hint */
        case 6:   /* ipv6hint */
          {
            guint n = key == 4 ? 4 : 16;

            for (guint o = 0; o < len && !ss_reader_failed (r); o += n, cur += n)
              {
                const guint8 *a;
                char buf[48];

                ss_layer_add_item (c->l, p, key == 4 ? DNS_F_SVCB_SVCPARAM_IPV4HINT_IP
                                                     : DNS_F_SVCB_SVCPARAM_IPV6HINT_IP, cur, n,
                                   SS_ENC_BE);
                a = ss_reader_peek (r, cur, n);
                if (!a)
                  break;
                if (n == 4)
                  g_snprintf (buf, sizeof buf, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
                else
                  ss_format_ipv6 (a, buf, sizeof buf);
                g_string_append_printf (label, "%c%s", o == 0 ? '=' : ',', buf);
              }
          }
          break;
        case 5:       /* echconfig */
        case 32769:   /* odohconfig */
          {
            SsItem *it = ss_layer_add_item (c->l, p, key == 5 ? DNS_F_SVCB_SVCPARAM_ECHCONFIG
                                                              : DNS_F_SVCB_SVCPARAM_ODOHCONFIG,
                                            cur, len, SS_ENC_BE);
            const guint8 *v = ss_reader_peek (r, cur, len);

            if (v)
              {
                g_autoptr(GString) b = g_string_new (NULL);

                append_base64 (b, v, len);
                ss_item_set_text (pkt, it, "%s: %s", key == 5 ? "ECHConfig" : "ODoHConfig",
                                  b->str);
                g_string_append_printf (label, "=%s", b->str);
              }
            cur += len;
          }
          break;
        default:
          if (len > 0)
            {
              ss_layer_add_item (c->l, p, DNS_F_SVCB_SVCPARAM_VALUE, cur, len, SS_ENC_BE);
              if (ss_reader_check (r, cur, len))
                g_string_append_printf (label, "=%s",
                                        ss_dns_format_text (pkt->arena, r->data + cur, len));
              cur += len;
            }
          break;
        }
      ss_item_set_text (pkt, p, "%s", label->str);
      if (ss_reader_failed (r))
        return FALSE;
    }
  return TRUE;
}

/* The RDATA of one record (RFC 1035 §3.3 and the RFCs of the later types): fields, an Info
 * column note and a summary on the record's line. Returns FALSE when a read failed. */
static gboolean
dissect_rdata (DnsCtx          *c,
               SsItem          *rr,
               const SsDnsName *owner,
               guint16          type,
               guint            cur,
               guint16          data_len)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  const char *s;
  guint used;

  switch (type)
    {
    case 1:   /* A */
      {
        const guint8 *a = ss_reader_peek (r, cur, 4);

        if (!a)
          return FALSE;
        s = ss_arena_printf (pkt->arena, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        ss_packet_append_info (pkt, " %s", s);
        ss_item_append_text (pkt, rr, ", addr %s", s);
        ss_layer_add_item (c->l, rr, DNS_F_A, cur, 4, SS_ENC_BE);
      }
      break;
    case 2:   /* NS */
    case 5:   /* CNAME */
    case 12:  /* PTR */
    case 39:  /* DNAME, RFC 6672 */
      {
        static const char *const what[] = { ", ns ", ", cname ", ", ", ", dname " };
        guint i = type == 2 ? 0 : type == 5 ? 1 : type == 12 ? 2 : 3;

        used = add_name (c, rr, type == 2 ? DNS_F_NS : type == 5 ? DNS_F_CNAME
                                : type == 12 ? DNS_F_PTR_DOMAIN_NAME : DNS_F_DNAME, cur, &s);
        if (!used)
          return FALSE;
        ss_packet_append_info (pkt, " %s", s);
        ss_item_append_text (pkt, rr, "%s%s", what[i], s);
      }
      break;
    case 3:   /* MD */
    case 4:   /* MF */
    case 7:   /* MB */
    case 8:   /* MG */
    case 9:   /* MR */
      ss_packet_append_info (pkt, " %s", raw_name (owner));
      if (!add_name (c, rr, type == 3 ? DNS_F_MD : type == 4 ? DNS_F_MF : type == 7 ? DNS_F_MB
                            : type == 8 ? DNS_F_MG : DNS_F_MR, cur, NULL))
        return FALSE;
      break;
    case 6:   /* SOA */
      used = add_name (c, rr, DNS_F_SOA_MNAME, cur, &s);
      if (!used)
        return FALSE;
      ss_packet_append_info (pkt, " %s", s);
      ss_item_append_text (pkt, rr, ", mname %s", s);
      cur += used;
      used = add_name (c, rr, DNS_F_SOA_RNAME, cur, NULL);
      if (!used)
        return FALSE;
      cur += used;
      ss_layer_add_item (c->l, rr, DNS_F_SOA_SERIAL_NUMBER, cur, 4, SS_ENC_BE);
      add_secs (c, rr, DNS_F_SOA_REFRESH_INTERVAL, cur + 4);
      add_secs (c, rr, DNS_F_SOA_RETRY_INTERVAL, cur + 8);
      add_secs (c, rr, DNS_F_SOA_EXPIRE_LIMIT, cur + 12);
      add_secs (c, rr, DNS_F_SOA_MINIMUM_TTL, cur + 16);
      break;
    case 10:  /* NULL */
      ss_packet_append_info (pkt, " %s", raw_name (owner));
      ss_layer_add_item (c->l, rr, DNS_F_NULL, cur, data_len, SS_ENC_BE);
      break;
    case 11:  /* WKS, RFC 1035 §3.4.2 */
      {
        const guint8 *a = ss_reader_peek (r, cur, 4);
        gint rr_len = data_len;
        guint port = 0;

        if (!a)
          return FALSE;
        s = ss_arena_printf (pkt->arena, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        ss_packet_append_info (pkt, " %s", s);
        ss_item_append_text (pkt, rr, ", addr %s", s);
        ss_layer_add_item (c->l, rr, DNS_F_WKS_ADDRESS, cur, 4, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_WKS_PROTOCOL, cur + 4, 1, SS_ENC_BE);
        cur += 5;
        rr_len -= 5;
        for (; rr_len != 0 && !ss_reader_failed (r); cur++, rr_len--)
          {
            guint8 bits = ss_reader_get_u8 (r, cur);
            g_autoptr(GString) ports = NULL;
            SsItem *it;

            if (ss_reader_failed (r))
              break;
            if (bits == 0)
              {
                port += 8;
                continue;
              }
            ports = g_string_new (NULL);
            for (guint i = 0; i < 8; i++, port++)
              if (bits & (0x80 >> i))
                g_string_append_printf (ports, "%s%u", ports->len ? ", " : "", port);
            it = ss_layer_add_item (c->l, rr, DNS_F_WKS_BITS, cur, 1, SS_ENC_BE);
            ss_item_append_text (pkt, it, " (%s)", ports->str);
          }
      }
      break;
    case 13:  /* HINFO */
      {
        guint8 cpu_len = ss_reader_get_u8 (r, cur);
        const char *cpu = get_ascii (c, cur + 1, cpu_len);
        guint8 os_len;
        const char *os;

        if (!cpu)
          return FALSE;
        os_len = ss_reader_get_u8 (r, cur + 1 + cpu_len);
        os = get_ascii (c, cur + 2 + cpu_len, os_len);
        if (!os)
          return FALSE;
        ss_packet_append_info (pkt, " %.*s %.*s", (int) cpu_len, cpu, (int) os_len, os);
        ss_item_append_text (pkt, rr, ", CPU %.*s, OS %.*s", (int) cpu_len, cpu, (int) os_len,
                             os);
        ss_layer_add_item (c->l, rr, DNS_F_HINFO_CPU_LENGTH, cur, 1, SS_ENC_BE);
        add_ascii (c, rr, DNS_F_HINFO_CPU, cur + 1, cpu_len);
        cur += 1u + cpu_len;
        ss_layer_add_item (c->l, rr, DNS_F_HINFO_OS_LENGTH, cur, 1, SS_ENC_BE);
        add_ascii (c, rr, DNS_F_HINFO_OS, cur + 1, os_len);
      }
      break;
    case 14:  /* MINFO */
    case 17:  /* RP, RFC 1183 §2.2 */
      ss_packet_append_info (pkt, " %s", raw_name (owner));
      used = add_name (c, rr, type == 14 ? DNS_F_MINFO_R : DNS_F_RP_MAILBOX, cur, NULL);
      if (!used || !add_name (c, rr, type == 14 ? DNS_F_MINFO_E : DNS_F_RP_TXT_RR, cur + used,
                              NULL))
        return FALSE;
      break;
    case 15:  /* MX */
    case 36:  /* KX, RFC 2230 */
      {
        guint16 pref = ss_reader_get_ntohs (r, cur);
        SsDnsName n;

        if (ss_reader_failed (r) || !get_name (c, cur + 2, &n, &s))
          return FALSE;
        ss_packet_append_info (pkt, " %u %s", pref, s);
        ss_item_append_text (pkt, rr, type == 15 ? ", preference %u, mx %s"
                                                 : ", preference %u, kx %s", pref, s);
        ss_layer_add_item (c->l, rr, type == 15 ? DNS_F_MX_PREFERENCE : DNS_F_KX_PREFERENCE, cur,
                           2, SS_ENC_BE);
        ss_layer_add_string (c->l, rr, type == 15 ? DNS_F_MX_MAIL_EXCHANGE : DNS_F_KX_KEY_EXCHANGE,
                             cur + 2, n.used, s, -1);
      }
      break;
    case 16:  /* TXT */
    case 99:  /* SPF, RFC 4408 §3.1.1 */
      {
        gint rr_len = data_len;

        /* each string takes at least its length byte */
        while (rr_len != 0 && !ss_reader_failed (r))
          {
            guint8 len = ss_reader_get_u8 (r, cur);

            ss_layer_add_item (c->l, rr, type == 16 ? DNS_F_TXT_LENGTH : DNS_F_SPF_LENGTH, cur, 1,
                               SS_ENC_BE);
            if (ss_reader_failed (r))
              break;
            cur++;
            rr_len--;
            if (!add_ascii (c, rr, type == 16 ? DNS_F_TXT : DNS_F_SPF, cur, len))
              break;
            cur += len;
            rr_len -= len;
          }
      }
      break;
    case 18:  /* AFSDB, RFC 1183 §1 */
      {
        SsDnsName n;

        ss_packet_append_info (pkt, " %s", raw_name (owner));
        if (!get_name (c, cur + 2, &n, &s))
          return FALSE;
        ss_layer_add_item (c->l, rr, DNS_F_AFSDB_SUBTYPE, cur, 2, SS_ENC_BE);
        ss_layer_add_string (c->l, rr, DNS_F_AFSDB_HOSTNAME, cur + 2, n.used, s, -1);
      }
      break;
    case 28:  /* AAAA, RFC 3596 §2.2 */
      {
        const guint8 *a = ss_reader_peek (r, cur, 16);
        char buf[48];

        if (!a)
          return FALSE;
        ss_format_ipv6 (a, buf, sizeof buf);
        ss_packet_append_info (pkt, " %s", buf);
        ss_item_append_text (pkt, rr, ", addr %s", buf);
        ss_layer_add_item (c->l, rr, DNS_F_AAAA, cur, 16, SS_ENC_BE);
      }
      break;
    case 29:  /* LOC, RFC 1876 §2 */
      {
        guint8 version = ss_reader_get_u8 (r, cur);
        SsItem *it;

        ss_layer_add_item (c->l, rr, DNS_F_LOC_VERSION, cur, 1, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        if (version != 0)
          {
            ss_layer_add_item (c->l, rr, DNS_F_LOC_UNKNOWN_DATA, cur, data_len, SS_ENC_BE);
            break;
          }
        cur++;
        for (guint f = DNS_F_LOC_SIZE; f <= DNS_F_LOC_VERTICAL_PRECISION; f++, cur++)
          {
            guint8 v = ss_reader_get_u8 (r, cur);

            it = ss_layer_add_item (c->l, rr, f, cur, 1, SS_ENC_BE);
            if (ss_reader_failed (r))
              return FALSE;
            ss_item_append_text (pkt, it, " (%g m)", loc_size (v));
          }
        for (guint f = DNS_F_LOC_LATITUDE; f <= DNS_F_LOC_LONGITUDE; f++, cur += 4)
          {
            guint32 v = ss_reader_get_ntohl (r, cur);

            it = ss_layer_add_item (c->l, rr, f, cur, 4, SS_ENC_BE);
            if (ss_reader_failed (r))
              return FALSE;
            ss_item_append_text (pkt, it, " (%s)", loc_angle (c, v, f == DNS_F_LOC_LONGITUDE));
          }
        {
          gint32 alt = (gint32) ss_reader_get_ntohl (r, cur);

          it = ss_layer_add_item (c->l, rr, DNS_F_LOC_ALTITUDE, cur, 4, SS_ENC_BE);
          if (ss_reader_failed (r))
            return FALSE;
          ss_item_append_text (pkt, it, " (%g m)", ((gint64) alt - 10000000) / 100.0);
        }
      }
      break;
    case 33:  /* SRV, RFC 2782 */
      {
        guint16 prio = ss_reader_get_ntohs (r, cur);
        guint16 weight = ss_reader_get_ntohs (r, cur + 2);
        guint16 port = ss_reader_get_ntohs (r, cur + 4);

        ss_layer_add_item (c->l, rr, DNS_F_SRV_PRIORITY, cur, 2, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_SRV_WEIGHT, cur + 2, 2, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_SRV_PORT, cur + 4, 2, SS_ENC_BE);
        if (ss_reader_failed (r) || !add_name (c, rr, DNS_F_SRV_TARGET, cur + 6, &s))
          return FALSE;
        ss_packet_append_info (pkt, " %u %u %u %s", prio, weight, port, s);
        ss_item_append_text (pkt, rr, ", priority %u, weight %u, port %u, target %s", prio,
                             weight, port, s);
      }
      break;
    case 35:  /* NAPTR, RFC 3403 §4.1 */
      {
        guint16 order = ss_reader_get_ntohs (r, cur);
        guint16 pref = ss_reader_get_ntohs (r, cur + 2);
        guint8 len;
        const char *flags;
        SsDnsName n;
        SsItem *it;

        ss_layer_add_item (c->l, rr, DNS_F_NAPTR_ORDER, cur, 2, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_NAPTR_PREFERENCE, cur + 2, 2, SS_ENC_BE);
        cur += 4;
        len = ss_reader_get_u8 (r, cur);
        ss_layer_add_item (c->l, rr, DNS_F_NAPTR_FLAGS_LENGTH, cur, 1, SS_ENC_BE);
        if (ss_reader_failed (r) || !(flags = add_ascii (c, rr, DNS_F_NAPTR_FLAGS, cur + 1, len)))
          return FALSE;
        cur += 1u + len;
        len = ss_reader_get_u8 (r, cur);
        ss_layer_add_item (c->l, rr, DNS_F_NAPTR_SERVICE_LENGTH, cur, 1, SS_ENC_BE);
        if (ss_reader_failed (r) || !add_ascii (c, rr, DNS_F_NAPTR_SERVICE, cur + 1, len))
          return FALSE;
        cur += 1u + len;
        len = ss_reader_get_u8 (r, cur);
        ss_layer_add_item (c->l, rr, DNS_F_NAPTR_REGEX_LENGTH, cur, 1, SS_ENC_BE);
        if (ss_reader_failed (r) || !add_ascii (c, rr, DNS_F_NAPTR_REGEX, cur + 1, len))
          return FALSE;
        cur += 1u + len;
        if (!get_name (c, cur, &n, &s))
          return FALSE;
        it = ss_layer_add_uint (c->l, rr, DNS_F_NAPTR_REPLACEMENT_LENGTH, cur, 0, (guint8) n.len);
        ss_item_set_flags (it, SS_ITEM_GENERATED);
        ss_layer_add_string (c->l, rr, DNS_F_NAPTR_REPLACEMENT, cur, n.used, s, -1);
        ss_packet_append_info (pkt, " %u %u %s", order, pref, flags);
        ss_item_append_text (pkt, rr, ", order %u, preference %u, flags %s", order, pref,
                             flags);
      }
      break;
    case 41:  /* OPT, RFC 6891 §6.1.2 */
      return dissect_opt_options (c, rr, cur, data_len);
    case 43:     /* DS, RFC 4034 §5.1 */
    case 59:     /* CDS, RFC 7344 §3.1 */
    case 32769:  /* DLV, RFC 4431 */
      ss_layer_add_item (c->l, rr, DNS_F_DS_KEY_ID, cur, 2, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_DS_ALGORITHM, cur + 2, 1, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_DS_DIGEST_TYPE, cur + 3, 1, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_DS_DIGEST, cur + 4, (guint) (data_len - 4), SS_ENC_BE);
      if (data_len < 4)
        return FALSE;
      break;
    case 44:  /* SSHFP, RFC 4255 §3.1 */
      ss_layer_add_item (c->l, rr, DNS_F_SSHFP_ALGORITHM, cur, 1, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_SSHFP_FINGERPRINT_TYPE, cur + 1, 1, SS_ENC_BE);
      if (data_len > 2)
        ss_layer_add_item (c->l, rr, DNS_F_SSHFP_FINGERPRINT, cur + 2, data_len - 2u, SS_ENC_BE);
      break;
    case 24:  /* SIG, RFC 2535 §4.1 */
    case 46:  /* RRSIG, RFC 4034 §3.1 */
      {
        gint rr_len = data_len - 18;
        guint32 t;

        ss_layer_add_item (c->l, rr, DNS_F_RRSIG_TYPE_COVERED, cur, 2, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_RRSIG_ALGORITHM, cur + 2, 1, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_RRSIG_LABELS, cur + 3, 1, SS_ENC_BE);
        add_secs (c, rr, DNS_F_RRSIG_ORIGINAL_TTL, cur + 4);
        t = ss_reader_get_ntohl (r, cur + 8);
        if (ss_reader_failed (r))
          return FALSE;
        ss_layer_add_time (c->l, rr, DNS_F_RRSIG_SIGNATURE_EXPIRATION, cur + 8, 4, t, 0);
        t = ss_reader_get_ntohl (r, cur + 12);
        if (ss_reader_failed (r))
          return FALSE;
        ss_layer_add_time (c->l, rr, DNS_F_RRSIG_SIGNATURE_INCEPTION, cur + 12, 4, t, 0);
        ss_layer_add_item (c->l, rr, DNS_F_RRSIG_KEY_TAG, cur + 16, 2, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        cur += 18;
        used = add_name (c, rr, DNS_F_RRSIG_SIGNERS_NAME, cur, NULL);
        if (!used)
          return FALSE;
        cur += used;
        rr_len -= (gint) used;
        if (rr_len != 0)
          {
            if (rr_len < 0)
              {
                ss_reader_mark (r, r->reported, 1);
                return FALSE;
              }
            ss_layer_add_item (c->l, rr, DNS_F_RRSIG_SIGNATURE, cur, (guint) rr_len, SS_ENC_BE);
          }
      }
      break;
    case 47:  /* NSEC, RFC 4034 §4.1 */
      used = add_name (c, rr, DNS_F_NSEC_NEXT_DOMAIN_NAME, cur, &s);
      if (!used)
        return FALSE;
      ss_packet_append_info (pkt, " %s", s);
      ss_item_append_text (pkt, rr, ", next domain name %s", s);
      dissect_type_bitmap (c, rr, cur + used, data_len - (gint) used);
      break;
    case 48:  /* DNSKEY, RFC 4034 §2.1 */
    case 60:  /* CDNSKEY, RFC 7344 §3.2 */
      {
        gint rr_len = data_len - 4;
        guint8 algo = ss_reader_get_u8 (r, cur + 3);
        guint16 key_id;
        SsItem *it = ss_layer_add_item (c->l, rr, DNS_F_DNSKEY_FLAGS, cur, 2, SS_ENC_BE);

        for (guint f = DNS_F_DNSKEY_FLAGS_ZONE_KEY; f <= DNS_F_DNSKEY_FLAGS_RESERVED; f++)
          ss_layer_add_item (c->l, it, f, cur, 2, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_DNSKEY_PROTOCOL, cur + 2, 1, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_DNSKEY_ALGORITHM, cur + 3, 1, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        if (compute_key_id (c, rr, cur, rr_len + 4, algo, &key_id))
          ss_item_set_flags (ss_layer_add_uint (c->l, rr, DNS_F_DNSKEY_KEY_ID, 0, 0, key_id),
                             SS_ITEM_GENERATED);
        if (ss_reader_failed (r))
          return FALSE;
        if (rr_len < 0)
          {
            ss_reader_mark (r, r->reported, 1);
            return FALSE;
          }
        ss_layer_add_item (c->l, rr, DNS_F_DNSKEY_PUBLIC_KEY, cur + 4, (guint) rr_len,
                           SS_ENC_BE);
      }
      break;
    case 49:  /* DHCID, RFC 4701 */
      ss_packet_append_info (pkt, " %s", raw_name (owner));
      ss_layer_add_item (c->l, rr, DNS_F_DHCID_RDATA, cur, data_len, SS_ENC_BE);
      break;
    case 50:  /* NSEC3, RFC 5155 §3.2 */
    case 51:  /* NSEC3PARAM, RFC 5155 §4.2 */
      {
        guint start = cur;
        guint8 salt_len, hash_len;
        SsItem *it;

        if (type == 51)
          ss_packet_append_info (pkt, " %s", raw_name (owner));
        ss_layer_add_item (c->l, rr, DNS_F_NSEC3_ALGO, cur, 1, SS_ENC_BE);
        it = ss_layer_add_item (c->l, rr, DNS_F_NSEC3_FLAGS, cur + 1, 1, SS_ENC_BE);
        if (type == 50)
          ss_layer_add_item (c->l, it, DNS_F_NSEC3_FLAGS_OPT_OUT, cur + 1, 1, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_NSEC3_ITERATIONS, cur + 2, 2, SS_ENC_BE);
        salt_len = ss_reader_get_u8 (r, cur + 4);
        ss_layer_add_item (c->l, rr, DNS_F_NSEC3_SALT_LENGTH, cur + 4, 1, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        cur += 5;
        ss_layer_add_item (c->l, rr, DNS_F_NSEC3_SALT_VALUE, cur, salt_len, SS_ENC_BE);
        if (type == 51)
          break;
        cur += salt_len;
        hash_len = ss_reader_get_u8 (r, cur);
        ss_layer_add_item (c->l, rr, DNS_F_NSEC3_HASH_LENGTH, cur, 1, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        cur++;
        if (hash_len)
          {
            /* base32hex (RFC 4648 §7) without padding, five bits at a time */
            static const char alphabet[] = "0123456789abcdefghijklmnopqrstuv";
            g_autoptr(GString) h = g_string_new (NULL);

            for (guint bit = 0; bit / 8 < hash_len; bit += 5)
              {
                guint byte = bit / 8, shift = bit % 8;
                guint v = (guint) ss_reader_get_u8 (r, cur + byte) << 8;

                if (shift > 3)
                  v |= ss_reader_get_u8 (r, cur + byte + 1);
                if (ss_reader_failed (r))
                  return FALSE;
                g_string_append_c (h, alphabet[(v >> (11 - shift)) & 0x1f]);
              }
            ss_item_set_flags (ss_layer_add_string (c->l, rr, DNS_F_NSEC3_HASH_VALUE, cur,
                                                    hash_len, h->str, -1), SS_ITEM_GENERATED);
            cur += hash_len;
          }
        dissect_type_bitmap (c, rr, cur, data_len - (gint) (cur - start));
      }
      break;
    case 52:  /* TLSA, RFC 6698 §2.1 */
      ss_packet_append_info (pkt, " %s", raw_name (owner));
      ss_layer_add_item (c->l, rr, DNS_F_TLSA_CERTIFICATE_USAGE, cur, 1, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_TLSA_SELECTOR, cur + 1, 1, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_TLSA_MATCHING_TYPE, cur + 2, 1, SS_ENC_BE);
      if (data_len < 3)
        {
          ss_reader_mark (r, r->reported, 1);
          return FALSE;
        }
      ss_layer_add_item (c->l, rr, DNS_F_TLSA_CERTIFICATE_ASSOCIATION_DATA, cur + 3,
                         data_len - 3u, SS_ENC_BE);
      break;
    case 64:  /* SVCB */
    case 65:  /* HTTPS */
      return dissect_svcb (c, rr, cur, data_len);
    case 108: /* EUI48, RFC 7043 §3 */
      ss_layer_add_item (c->l, rr, DNS_F_EUI48, cur, 6, SS_ENC_BE);
      break;
    case 250: /* TSIG, RFC 8945 §4.2 */
      {
        guint16 siglen, otherlen;
        guint64 t;
        SsItem *it;

        used = add_name (c, rr, DNS_F_TSIG_ALGORITHM_NAME, cur, &s);
        if (!used)
          return FALSE;
        cur += used;
        t = (guint64) ss_reader_get_ntohs (r, cur) << 32 | ss_reader_get_ntohl (r, cur + 2);
        if (ss_reader_failed (r))
          return FALSE;
        it = ss_layer_add_time (c->l, rr, DNS_F_TSIG_TIME_SIGNED, cur, 6, (gint64) t, 0);
        if (t >> 32)
          ss_item_append_text (pkt, it, " (high bits set)");
        cur += 6;
        ss_layer_add_item (c->l, rr, DNS_F_TSIG_FUDGE, cur, 2, SS_ENC_BE);
        siglen = ss_reader_get_ntohs (r, cur + 2);
        ss_layer_add_item (c->l, rr, DNS_F_TSIG_MAC_SIZE, cur + 2, 2, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        cur += 4;
        if (siglen)
          {
            it = ss_layer_add_uint (c->l, rr, DNS_F_TSIG_MAC, cur,
                                    MIN (siglen, ss_reader_remaining (r, cur)), 0);
            ss_packet_add_expert (pkt, it, SS_PROTO_DNS, DNS_E_TSIG_NOALG,
                                  _("No dissector for algorithm:%s"), s);
            cur += siglen;
          }
        ss_layer_add_item (c->l, rr, DNS_F_TSIG_ORIGINAL_ID, cur, 2, SS_ENC_BE);
        ss_layer_add_item (c->l, rr, DNS_F_TSIG_ERROR, cur + 2, 2, SS_ENC_BE);
        otherlen = ss_reader_get_ntohs (r, cur + 4);
        ss_layer_add_item (c->l, rr, DNS_F_TSIG_OTHER_LEN, cur + 4, 2, SS_ENC_BE);
        if (otherlen)
          ss_layer_add_item (c->l, rr, DNS_F_TSIG_OTHER_DATA, cur + 6, otherlen, SS_ENC_BE);
      }
      break;
    case 257: /* CAA, RFC 8659 §4.1 */
      {
        guint8 tag_len = ss_reader_get_u8 (r, cur + 1);
        guint16 value_len = (guint16) (data_len - (tag_len + 2));
        const char *tag, *value;
        guint field;
        SsItem *it;

        it = ss_layer_add_item (c->l, rr, DNS_F_CAA_FLAGS, cur, 1, SS_ENC_BE);
        ss_layer_add_item (c->l, it, DNS_F_CAA_FLAGS_ISSUER_CRITICAL, cur, 1, SS_ENC_BE);
        if (ss_reader_failed (r))
          return FALSE;
        cur++;
        tag = get_ascii (c, cur + 1, tag_len);
        if (!tag)
          return FALSE;
        value = get_ascii (c, cur + 1 + tag_len, value_len);
        if (!value)
          return FALSE;
        value = ss_dns_format_text (pkt->arena, (const guint8 *) value, strlen (value));
        /* (sic: a tag that is a prefix of these names counts as the name) */
        if (strncmp (tag, "issue", tag_len) == 0)
          field = DNS_F_CAA_ISSUE;
        else if (strncmp (tag, "issuewild", tag_len) == 0)
          field = DNS_F_CAA_ISSUEWILD;
        else if (strncmp (tag, "iodef", tag_len) == 0)
          field = DNS_F_CAA_IODEF;
        else
          field = DNS_F_CAA_UNKNOWN;
        it = ss_layer_add_string (c->l, rr, field, cur, 1u + tag_len + value_len, value, -1);
        ss_layer_add_uint (c->l, it, DNS_F_CAA_TAG_LENGTH, cur, 1, tag_len);
        ss_layer_add_string (c->l, it, DNS_F_CAA_TAG, cur + 1, tag_len, tag, -1);
        ss_layer_add_string (c->l, it, DNS_F_CAA_VALUE, cur + 1 + tag_len, value_len, value, -1);
      }
      break;
    default:
      ss_packet_add_expert (pkt, rr, SS_PROTO_DNS, DNS_E_UNDECODED_TYPE,
                            _("Dissector for DNS Type (%u) code not implemented, Contact "
                              "Wireshark developers if you want this supported"), type);
      ss_layer_add_item (c->l, rr, DNS_F_DATA, cur, data_len, SS_ENC_BE);
      break;
    }
  return !ss_reader_failed (r);
}

/* One question (RFC 1035 §4.1.2). Returns the bytes it takes, 0 when a read failed. */
static guint
dissect_query (DnsCtx *c,
               SsItem *parent,
               guint   off)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  SsDnsName n;
  const char *name, *tn;
  guint16 type, dns_class;
  SsItem *q, *it;

  if (!get_name (c, off, &n, &name))
    return 0;
  type = ss_reader_get_ntohs (r, off + n.used);
  dns_class = ss_reader_get_ntohs (r, off + n.used + 2);
  if (ss_reader_failed (r))
    return 0;
  tn = type_name (c, type);
  if (c->kind == SS_PROTO_MDNS)
    {
      /* RFC 6762 §5.4: the top bit of the class asks for a unicast response */
      const char *qu = (dns_class & 0x8000) ? "\"QU\" question" : "\"QM\" question";

      ss_packet_append_info (pkt, " %s %s, %s", tn, name, qu);
      q = ss_layer_add_text (c->l, parent, off, n.used + 4, "%s: type %s, class %s, %s", name,
                             tn, class_name (dns_class & 0x7fff), qu);
    }
  else
    {
      ss_packet_append_info (pkt, " %s %s", tn, name);
      q = ss_layer_add_text (c->l, parent, off, n.used + 4, "%s: type %s, class %s", name, tn,
                             class_name (dns_class));
    }
  ss_layer_add_string (c->l, q, DNS_F_QRY_NAME, off, n.used, name, -1);
  it = ss_layer_add_uint (c->l, q, DNS_F_QRY_NAME_LEN, off, n.used, n.len > 1 ? n.len : 0);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  it = ss_layer_add_uint (c->l, q, DNS_F_COUNT_LABELS, off, n.used, ss_dns_name_labels (&n));
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  ss_layer_add_item (c->l, q, DNS_F_QRY_TYPE, off + n.used, 2, SS_ENC_BE);
  if (c->kind == SS_PROTO_MDNS)
    {
      const char *cn = ss_value_string_lookup (class_vals, dns_class & 0x7fff);
      char label[64];

      it = ss_layer_add_uint (c->l, q, DNS_F_QRY_CLASS, off + n.used + 2, 2, dns_class & 0x7fff);
      g_snprintf (label, sizeof label, "Class: %s (0x%04x)", cn ? cn : "Unknown",
                  dns_class & 0x7fff);
      set_bit_label (pkt, it, dns_class, 0x7fff, label);
      ss_layer_add_item (c->l, q, DNS_F_QRY_QU, off + n.used + 2, 2, SS_ENC_BE);
    }
  else
    ss_layer_add_uint (c->l, q, DNS_F_QRY_CLASS, off + n.used + 2, 2, dns_class);
  return n.used + 4;
}

/* One resource record (RFC 1035 §4.1.3). Returns the bytes it takes, 0 when a read failed. */
static guint
dissect_answer (DnsCtx *c,
                SsItem *parent,
                guint   off)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  SsDnsName n;
  const char *name, *tn;
  guint16 type, dns_class, data_len;
  guint cur;
  SsItem *rr, *it;
  gboolean flush;

  if (!get_name (c, off, &n, &name))
    return 0;
  type = ss_reader_get_ntohs (r, off + n.used);
  dns_class = ss_reader_get_ntohs (r, off + n.used + 2);
  cur = off + n.used + 8;
  data_len = ss_reader_get_ntohs (r, cur);
  if (ss_reader_failed (r))
    return 0;
  cur += 2;
  tn = type_name (c, type);
  /* RFC 6762 §10.2: in mDNS the top bit of the class is the cache-flush bit */
  flush = c->kind == SS_PROTO_MDNS;
  if (flush && (dns_class & 0x8000))
    ss_packet_append_info (pkt, " %s, cache flush", tn);
  else
    ss_packet_append_info (pkt, " %s", tn);

  if (type != 41)
    {
      guint32 ttl;

      rr = ss_layer_add_text (c->l, parent, off, MIN (cur - off + data_len,
                                                      ss_reader_remaining (r, off)),
                              "%s: type %s, class %s%s", name, tn,
                              class_name (flush ? dns_class & 0x7fff : dns_class),
                              flush && (dns_class & 0x8000) ? ", cache flush" : "");
      if (type == 33 && n.len > 0 && n.name[0])
        {
          /* _service._proto.name (RFC 2782) */
          gchar **parts = g_strsplit (name, ".", 3);

          ss_layer_add_string (c->l, rr, DNS_F_SRV_SERVICE, off, n.used, parts[0], -1);
          if (parts[1])
            {
              ss_layer_add_string (c->l, rr, DNS_F_SRV_PROTO, off, n.used, parts[1], -1);
              if (parts[2])
                ss_layer_add_string (c->l, rr, DNS_F_SRV_NAME, off, n.used, parts[2], -1);
            }
          g_strfreev (parts);
        }
      else
        ss_layer_add_string (c->l, rr, DNS_F_RESP_NAME, off, n.used, name, -1);
      ss_layer_add_item (c->l, rr, DNS_F_RESP_TYPE, off + n.used, 2, SS_ENC_BE);
      if (flush)
        {
          const char *cn = ss_value_string_lookup (class_vals, dns_class & 0x7fff);
          char label[64];

          it = ss_layer_add_uint (c->l, rr, DNS_F_RESP_CLASS, off + n.used + 2, 2,
                                  dns_class & 0x7fff);
          g_snprintf (label, sizeof label, "Class: %s (0x%04x)", cn ? cn : "Unknown",
                      dns_class & 0x7fff);
          set_bit_label (pkt, it, dns_class, 0x7fff, label);
          ss_layer_add_item (c->l, rr, DNS_F_RESP_CACHE_FLUSH, off + n.used + 2, 2, SS_ENC_BE);
        }
      else
        ss_layer_add_item (c->l, rr, DNS_F_RESP_CLASS, off + n.used + 2, 2, SS_ENC_BE);
      ttl = ss_reader_get_ntohl (r, off + n.used + 4);
      it = add_secs (c, rr, DNS_F_RESP_TTL, off + n.used + 4);
      if (ttl & 0x80000000u)
        ss_packet_add_expert (pkt, it, SS_PROTO_DNS, DNS_E_TTL_HIGH_BIT_SET, NULL);
    }
  else
    {
      rr = ss_layer_add_text (c->l, parent, off, MIN (cur - off + data_len,
                                                      ss_reader_remaining (r, off)),
                              "%s: type %s", name, tn);
      ss_layer_add_string (c->l, rr, DNS_F_RESP_NAME, off, n.used, name, -1);
      ss_layer_add_item (c->l, rr, DNS_F_RESP_TYPE, off + n.used, 2, SS_ENC_BE);
      if (flush)
        {
          char label[48];

          it = ss_layer_add_uint (c->l, rr, DNS_F_RR_UDP_PAYLOAD_SIZE, off + n.used + 2, 2,
                                  dns_class & 0x7fff);
          g_snprintf (label, sizeof label, "UDP payload size: 0x%04x", dns_class & 0x7fff);
          set_bit_label (pkt, it, dns_class, 0x7fff, label);
          ss_layer_add_item (c->l, rr, DNS_F_RESP_CACHE_FLUSH, off + n.used + 2, 2, SS_ENC_BE);
        }
      else
        ss_layer_add_item (c->l, rr, DNS_F_RR_UDP_PAYLOAD_SIZE, off + n.used + 2, 2,
                           SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_RESP_EXT_RCODE, off + n.used + 4, 1, SS_ENC_BE);
      ss_layer_add_item (c->l, rr, DNS_F_RESP_EDNS0_VERSION, off + n.used + 5, 1, SS_ENC_BE);
      it = ss_layer_add_item (c->l, rr, DNS_F_RESP_Z, off + n.used + 6, 2, SS_ENC_BE);
      ss_layer_add_item (c->l, it, DNS_F_RESP_Z_DO, off + n.used + 6, 2, SS_ENC_BE);
      ss_layer_add_item (c->l, it, DNS_F_RESP_Z_RESERVED, off + n.used + 6, 2, SS_ENC_BE);
    }
  ss_layer_add_item (c->l, rr, DNS_F_RESP_LEN, off + n.used + 8, 2, SS_ENC_BE);
  if (ss_reader_failed (r))
    return 0;
  if (data_len > 0 && !dissect_rdata (c, rr, &n, type, cur, data_len))
    return 0;
  return cur - off + data_len;
}

/* A section: @count entries, each taking at least one byte or failing, under a text item
 * named @title. Returns FALSE when a read failed. */
static gboolean
dissect_section (DnsCtx     *c,
                 guint      *off,
                 guint       count,
                 gboolean    questions,
                 const char *title)
{
  SsItem *sec = ss_layer_add_text (c->l, NULL, *off, 0, "%s", title);
  guint start = *off;

  while (count-- > 0)
    {
      guint used = questions ? dissect_query (c, sec, *off) : dissect_answer (c, sec, *off);

      if (used == 0)
        return FALSE;
      *off += used;
    }
  ss_item_set_length (sec, MIN (*off - start, ss_reader_remaining (c->r, start)));
  return TRUE;
}

/* ".... .... ..1. .... = AD bit: Set": the label Wireshark's second field of that name has. */
static void
set_bit_label (SsPacket   *pkt,
               SsItem     *it,
               guint16     value,
               guint16     mask,
               const char *text)
{
  char bits[24];
  guint n = 0;

  for (gint i = 15; i >= 0; i--)
    {
      if (i != 15 && i % 4 == 3)
        bits[n++] = ' ';
      bits[n++] = (mask >> i) & 1 ? ((value >> i) & 1 ? '1' : '0') : '.';
    }
  bits[n] = '\0';
  ss_item_set_text (pkt, it, "%s = %s", bits, text);
}

/* A query and its response, kept per conversation and transaction ID. */
typedef struct _DnsTrans DnsTrans;
struct _DnsTrans
{
  guint32   req_frame;
  guint32   rep_frame;   /* 0 until answered */
  gint64    req_ts_ns;
};

/* The transactions of one ID in one conversation, oldest first (frames only grow in the first
 * pass): a later pass finds the one current at a frame by binary search, since captures where
 * an ID repeats (mDNS always uses 0, fixed-port resolvers) hold many. The array doubles in the
 * session's memory; what it outgrows stays there until the session ends (at most as much again). */
typedef struct
{
  DnsTrans **v;
  guint      n;
  guint      cap;
} DnsTransList;

/* What one message is linked to: the transaction it belongs to (or a copy of it for a
 * retransmission), zero when none. */
typedef struct
{
  guint32  req_frame;
  guint32  rep_frame;
  gint64   req_ts_ns;
  gboolean retransmission;
} DnsMatch;

/* tshark's "dns.retransmission_timer" preference, 5 seconds by default. */
#define DNS_RETRANSMISSION_TIMER_NS (G_GINT64_CONSTANT (5) * 1000000000)

/* The transactions of (conversation, @id); the conversation is the TCP stream when TCP numbered
 * one, else the transport, addresses and ports either way round, as Wireshark's conversations. */
static DnsTransList *
lookup_transactions (SsPacket *pkt,
                     guint16   id,
                     gboolean  create)
{
  guint8 key[2 + 4 + 2 * (1 + 16 + 2) + 2];
  const SsAddress *a = &pkt->net_src, *b = &pkt->net_dst;
  guint16 pa = pkt->srcport, pb = pkt->dstport;
  gsize n = 0;

  key[n++] = id >> 8;
  key[n++] = id & 0xff;
  if (pkt->ip_proto == 6 && pkt->tcp_stream != G_MAXUINT32)
    {
      key[n++] = 's';
      key[n++] = pkt->tcp_stream >> 24;
      key[n++] = (pkt->tcp_stream >> 16) & 0xff;
      key[n++] = (pkt->tcp_stream >> 8) & 0xff;
      key[n++] = pkt->tcp_stream & 0xff;
    }
  else
    {
      int cmp;

      if (a->len > 16 || b->len > 16)
        return NULL;
      key[n++] = pkt->ip_proto;
      cmp = a->len != b->len ? (int) a->len - (int) b->len : memcmp (a->data, b->data, a->len);
      if (cmp > 0 || (cmp == 0 && pa > pb))
        {
          const SsAddress *t = a;
          guint16 tp = pa;

          a = b;
          b = t;
          pa = pb;
          pb = tp;
        }
      key[n++] = a->len;
      memcpy (key + n, a->data, a->len);
      n += a->len;
      key[n++] = pa >> 8;
      key[n++] = pa & 0xff;
      key[n++] = b->len;
      memcpy (key + n, b->data, b->len);
      n += b->len;
      key[n++] = pb >> 8;
      key[n++] = pb & 0xff;
    }
  return create ? ss_session_conv_data (pkt->session, SS_PROTO_DNS, key, n, sizeof (DnsTransList))
                : ss_session_lookup_conv_data (pkt->session, SS_PROTO_DNS, key, n);
}

/* Links the message with ID @id to its transaction (packet-dns.c, dissect_dns_common). The first
 * pass records; a later pass finds the transaction that was current at this frame. */
static void
match_transaction (SsPacket *pkt,
                   guint16   id,
                   gboolean  response,
                   DnsMatch *m)
{
  DnsTransList *list;
  DnsTrans *t;

  memset (m, 0, sizeof *m);
  m->req_ts_ns = pkt->ts_ns;
  if (!pkt->session || ss_packet_in_icmp_error (pkt))
    return;
  list = lookup_transactions (pkt, id, !pkt->visited);
  if (!list)
    return;
  t = NULL;
  if (list->n && list->v[list->n - 1]->req_frame <= pkt->number)
    t = list->v[list->n - 1];
  else if (list->n && list->v[0]->req_frame <= pkt->number)
    {
      guint lo = 0, hi = list->n - 1;   /* v[lo] <= number < v[hi] */

      while (hi - lo > 1)
        {
          guint mid = lo + (hi - lo) / 2;

          if (list->v[mid]->req_frame <= pkt->number)
            lo = mid;
          else
            hi = mid;
        }
      t = list->v[lo];
    }
  if (!pkt->visited)
    {
      if (!response)
        {
          if (t && t->rep_frame == 0 && pkt->ts_ns - t->req_ts_ns < DNS_RETRANSMISSION_TIMER_NS)
            m->retransmission = TRUE;
          else
            {
              t = ss_session_alloc (pkt->session, sizeof *t);
              t->req_frame = pkt->number;
              t->req_ts_ns = pkt->ts_ns;
              if (list->n == list->cap)
                {
                  guint cap = list->cap ? list->cap * 2 : 4;
                  DnsTrans **v = ss_session_alloc (pkt->session, cap * sizeof *v);

                  if (list->n)
                    memcpy (v, list->v, list->n * sizeof *v);
                  list->v = v;
                  list->cap = cap;
                }
              list->v[list->n++] = t;
            }
        }
      else if (t)
        {
          if (t->rep_frame == 0)
            t->rep_frame = pkt->number;
          else
            m->retransmission = TRUE;
        }
      if (t)
        {
          m->req_frame = t->req_frame;
          m->rep_frame = t->rep_frame;
          m->req_ts_ns = t->req_ts_ns;
        }
      return;
    }
  if (!t)
    return;
  m->req_frame = t->req_frame;
  m->rep_frame = t->rep_frame;
  m->req_ts_ns = t->req_ts_ns;
  if (!response && t->req_frame != pkt->number)
    {
      m->retransmission = TRUE;
      m->rep_frame = 0;
      m->req_ts_ns = pkt->ts_ns;
    }
  else if (response && t->rep_frame != pkt->number)
    {
      m->retransmission = TRUE;
      m->req_ts_ns = pkt->ts_ns;
    }
}

static void
add_generated_uint (SsLayer *l,
                    guint    field,
                    guint32  value)
{
  ss_item_set_flags (ss_layer_add_uint (l, NULL, field, 0, 0, value), SS_ITEM_GENERATED);
}

/* The links of a message that was dissected to its end, after its sections as in tshark. */
static void
add_transaction_links (SsLayer        *l,
                       SsItem         *id_item,
                       gboolean        response,
                       const DnsMatch *m)
{
  SsPacket *pkt = l->pkt;

  if (!response)
    {
      if (m->retransmission && m->req_frame)
        {
          ss_packet_add_expert (pkt, id_item, SS_PROTO_DNS, DNS_E_RETRANSMIT_REQUEST,
                                _("DNS query retransmission. Original request in frame %u"),
                                m->req_frame);
          add_generated_uint (l, DNS_F_RETRANSMIT_REQUEST_IN, m->req_frame);
          add_generated_uint (l, DNS_F_RETRANSMISSION, 1);
        }
      else if (m->rep_frame)
        add_generated_uint (l, DNS_F_RESPONSE_IN, m->rep_frame);
    }
  else if (m->req_frame)
    {
      if (m->retransmission && m->rep_frame)
        {
          ss_packet_add_expert (pkt, id_item, SS_PROTO_DNS, DNS_E_RETRANSMIT_RESPONSE,
                                _("DNS response retransmission. Original response in frame %u"),
                                m->rep_frame);
          add_generated_uint (l, DNS_F_RETRANSMIT_RESPONSE_IN, m->rep_frame);
          add_generated_uint (l, DNS_F_RETRANSMISSION, 1);
        }
      else
        {
          gint64 d = pkt->ts_ns - m->req_ts_ns;

          add_generated_uint (l, DNS_F_RESPONSE_TO, m->req_frame);
          ss_item_set_flags (ss_layer_add_time (l, NULL, DNS_F_TIME, 0, 0, d / 1000000000,
                                                (gint32) (d % 1000000000)),
                             SS_ITEM_GENERATED);
        }
    }
  else if (!m->retransmission)
    add_generated_uint (l, DNS_F_UNSOLICITED, 1);
}

/* The DNS flags bits of RFC 1035 §4.1.1 and RFC 4035 §3.2 below the Flags item @it. */
static void
dissect_dns_flags (SsPacket *pkt,
                   SsLayer  *l,
                   SsItem   *it,
                   guint     base,
                   guint16   flags,
                   gboolean  response)
{
  if (response)
    ss_layer_add_item (l, it, DNS_F_FLAGS_AUTHORITATIVE, base + 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, it, DNS_F_FLAGS_TRUNCATED, base + 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, it, DNS_F_FLAGS_RECDESIRED, base + 2, 2, SS_ENC_BE);
  if (response)
    ss_layer_add_item (l, it, DNS_F_FLAGS_RECAVAIL, base + 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, it, DNS_F_FLAGS_Z, base + 2, 2, SS_ENC_BE);
  if (response)
    ss_layer_add_item (l, it, DNS_F_FLAGS_AUTHENTICATED, base + 2, 2, SS_ENC_BE);
  else if (flags & 0x0020)
    {
      /* RFC 6840 §5.7: the AD bit in a query; Wireshark gives it a field of the same name */
      SsItem *ad = ss_layer_add_item (l, it, DNS_F_FLAGS_AUTHENTICATED, base + 2, 2, SS_ENC_BE);

      set_bit_label (pkt, ad, flags, 0x0020, "AD bit: Set");
    }
  ss_layer_add_item (l, it, DNS_F_FLAGS_CHECKDISABLE, base + 2, 2, SS_ENC_BE);
  if (response)
    ss_layer_add_item (l, it, DNS_F_FLAGS_RCODE, base + 2, 2, SS_ENC_BE);
}

/* One DNS message (RFC 1035 §4.1) in @r; over TCP @r starts with its length (RFC 1035 §4.2.2)
 * and @tcp is TRUE. */
static void
dissect_message (SsPacket     *pkt,
                 SsReader     *r,
                 gboolean      tcp,
                 SsProtocolId  kind)
{
  guint base = tcp ? 2 : 0;
  DnsCtx c = { pkt, NULL, r, base, kind };
  SsLayer l;
  guint16 id, flags, opcode, rcode, quest, ans, auth, add;
  const char *opname, *rname;
  gboolean response, update;
  SsItem *it, *id_item;
  guint off;
  gint extra;
  DnsMatch match;

  ss_packet_clear_info (pkt);
  l = ss_packet_begin_layer (pkt, kind, r, 0, -1);
  if (kind != SS_PROTO_DNS)
    {
      /* mDNS and LLMNR have their own protocol node and column, and DNS's fields */
      ss_packet_set_protocol (pkt, kind == SS_PROTO_MDNS ? "MDNS" : "LLMNR");
      l.proto = SS_PROTO_DNS;
      l.base = pkt->bases[SS_PROTO_DNS];
    }
  c.l = &l;
  id = ss_reader_get_ntohs (r, base);
  flags = ss_reader_get_ntohs (r, base + 2);
  if (ss_reader_failed (r))
    return;
  opcode = (flags & 0x7800) >> 11;
  rcode = flags & 0x000f;
  response = (flags & 0x8000) != 0;
  update = opcode == 5;
  match_transaction (pkt, id, response, &match);
  opname = ss_value_string_lookup (flags_opcode_vals, opcode);
  rname = ss_value_string_lookup (rcode_vals, rcode);
  if (opname)
    ss_packet_set_info (pkt, "%s", opname);
  else
    ss_packet_set_info (pkt, "Unknown operation (%u)", opcode);
  ss_packet_append_info (pkt, "%s 0x%04x", response ? " response" : "", id);
  if (response && rcode != 0)
    {
      if (rname)
        ss_packet_append_info (pkt, " %s", rname);
      else
        ss_packet_append_info (pkt, " Unknown error (%u)", rcode);
    }
  ss_item_set_text (pkt, l.top, "%s (%s)", ss_dissectors_get (kind)->name,
                    response ? "response" : "query");

  if (tcp)
    ss_layer_add_item (&l, NULL, DNS_F_LENGTH, 0, 2, SS_ENC_BE);
  id_item = ss_layer_add_item (&l, NULL, DNS_F_ID, base, 2, SS_ENC_BE);
  it = ss_layer_add_item (&l, NULL, DNS_F_FLAGS, base + 2, 2, SS_ENC_BE);
  ss_item_append_text (pkt, it, " %s", opname ? opname : "Unknown operation");
  if (response)
    ss_item_append_text (pkt, it, " response, %s", rname ? rname : "Unknown error");
  ss_layer_add_item (&l, it, DNS_F_FLAGS_RESPONSE, base + 2, 2, SS_ENC_BE);
  ss_layer_add_item (&l, it, DNS_F_FLAGS_OPCODE, base + 2, 2, SS_ENC_BE);
  if (kind == SS_PROTO_LLMNR)
    {
      /* RFC 4795 §2.1.1: C, TC and T instead of AA, TC, RD, RA, Z, AD and CD */
      const SsTrueFalse *tfs = response ? &flags_conflict_response_tfs
                                        : &flags_conflict_query_tfs;
      SsItem *cf = ss_layer_add_item (&l, it, DNS_F_FLAGS_CONFLICT, base + 2, 2, SS_ENC_BE);

      set_bit_label (pkt, cf, flags, 0x0400, "");
      ss_item_append_text (pkt, cf, "Conflict: %s",
                           _((flags & 0x0400) ? tfs->true_string : tfs->false_string));
      ss_layer_add_item (&l, it, DNS_F_FLAGS_TRUNCATED, base + 2, 2, SS_ENC_BE);
      ss_layer_add_item (&l, it, DNS_F_FLAGS_TENTATIVE, base + 2, 2, SS_ENC_BE);
      if (response)
        ss_layer_add_item (&l, it, DNS_F_FLAGS_RCODE, base + 2, 2, SS_ENC_BE);
    }
  else
    dissect_dns_flags (pkt, &l, it, base, flags, response);

  quest = ss_reader_get_ntohs (r, base + 4);
  ss_layer_add_item (&l, NULL, update ? DNS_F_COUNT_ZONES : DNS_F_COUNT_QUERIES, base + 4, 2,
                     SS_ENC_BE);
  ans = ss_reader_get_ntohs (r, base + 6);
  ss_layer_add_item (&l, NULL, update ? DNS_F_COUNT_PREREQUISITES : DNS_F_COUNT_ANSWERS,
                     base + 6, 2, SS_ENC_BE);
  auth = ss_reader_get_ntohs (r, base + 8);
  ss_layer_add_item (&l, NULL, update ? DNS_F_COUNT_UPDATES : DNS_F_COUNT_AUTH_RR, base + 8, 2,
                     SS_ENC_BE);
  add = ss_reader_get_ntohs (r, base + 10);
  ss_layer_add_item (&l, NULL, DNS_F_COUNT_ADD_RR, base + 10, 2, SS_ENC_BE);
  if (ss_reader_failed (r))
    return;
  off = base + 12;

  if (quest > 0 && !dissect_section (&c, &off, quest, TRUE, update ? "Zone" : "Queries"))
    return;
  if (ans > 0 && !dissect_section (&c, &off, ans, FALSE, update ? "Prerequisites" : "Answers"))
    return;
  if (auth > 0 && !dissect_section (&c, &off, auth, FALSE,
                                    update ? "Updates" : "Authoritative nameservers"))
    return;
  if (add > 0 && !dissect_section (&c, &off, add, FALSE, "Additional records"))
    return;
  add_transaction_links (&l, id_item, response, &match);

  extra = (gint) ss_reader_reported_remaining (r, off);
  if (extra > 0)
    {
      SsItem *ext = ss_layer_add_text (&l, NULL, off, MIN ((guint) extra,
                                                           ss_reader_remaining (r, off)),
                                       "Extraneous Data (%d bytes)", extra);

      ss_layer_add_item (&l, ext, DNS_F_EXTRANEOUS_DATA, off, (guint) extra, SS_ENC_BE);
      if (ss_reader_failed (r))
        return;
      ss_item_set_flags (ss_layer_add_int (&l, ext, DNS_F_EXTRANEOUS_LENGTH, 0, 0, extra),
                         SS_ITEM_GENERATED);
      /* As Wireshark: the expert item hangs under a hidden text item, out of the printed
       * tree but counted by the expert statistics and found by filters. */
      ext = ss_layer_add_text (&l, ext, off, MIN ((guint) extra, ss_reader_remaining (r, off)),
                               "%s", _(dns_experts[DNS_E_EXTRANEOUS].summary));
      ss_item_set_flags (ext, SS_ITEM_HIDDEN);
      ss_packet_add_expert (pkt, ext, SS_PROTO_DNS, DNS_E_EXTRANEOUS, NULL);
    }
}

/* What Wireshark shows when one message of a segment fails: its error, while the messages
 * after it are still dissected (tcp_dissect_pdus catches per message). */
static void
report_message_exception (SsPacket *pkt,
                          guint8    status)
{
  guint8 frame_status = pkt->status;
  SsProtocolId current = pkt->current;
  gsize listed_len = ss_packet_get_protocols_len (pkt);

  pkt->status = (status & SS_READER_MALFORMED) ? SS_READER_MALFORMED : status;
  pkt->current = SS_PROTO_DNS;
  ss_ws_finish_frame (pkt);
  ss_packet_truncate_protocols (pkt, listed_len);
  pkt->status = frame_status;
  pkt->current = current;
}

/* Whether TCP will hand over more bytes when asked (ss-tcp-reasm.h). */
static gboolean
can_desegment (const SsPacket *pkt,
               const SsReader *r)
{
  return pkt->tcp_reasm && pkt->tcp_stream != G_MAXUINT32 && r->captured == r->reported;
}

/* DNS over TCP (RFC 1035 §4.2.2, RFC 7766 §8): messages prefixed by their length, any number
 * in a segment; one that goes on in later segments is asked for from TCP. */
static void
dissect_dns_tcp (SsPacket *pkt,
                 SsReader *r)
{
  guint32 off = 0;
  gsize listed_len = 0;

  while (ss_reader_reported_remaining (r, off) > 0)
    {
      guint32 avail = ss_reader_remaining (r, off);
      guint32 plen;
      guint8 msg_status = SS_READER_OK;
      SsReader view, msg;

      if (avail < 2 && can_desegment (pkt, r))
        {
          pkt->desegment_offset = off;
          pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
          return;
        }
      plen = ss_reader_get_ntohs (r, off) + 2u;
      if (ss_reader_failed (r))
        return;
      if (avail < plen && can_desegment (pkt, r))
        {
          pkt->desegment_offset = off;
          pkt->desegment_len = plen - avail;
          return;
        }
      view = *r;
      view.status = SS_READER_OK;
      view.frame_status = &msg_status;
      ss_reader_sub (&view, off, (gint) plen, &msg);
      msg_status = SS_READER_OK;
      dissect_message (pkt, &msg, TRUE, SS_PROTO_DNS);
      /* the messages of one hand-off are one "dns" in frame.protocols, as in Wireshark */
      if (listed_len)
        ss_packet_truncate_protocols (pkt, listed_len);
      else
        listed_len = ss_packet_get_protocols_len (pkt);
      if (plen > ss_reader_reported_remaining (r, off))
        msg_status |= SS_READER_MALFORMED;
      if (msg_status != SS_READER_OK)
        report_message_exception (pkt, msg_status);
      if (plen > ss_reader_reported_remaining (r, off) || (msg_status & SS_READER_TRUNCATED))
        break;
      off += plen;
    }
  /* Each message clears the Info column, so only the last one of a hand-off shows; what a
   * reassembled message wrote stays when TCP hands over the bytes after it. */
  if (pkt->cur_source != 0)
    ss_packet_fence_info (pkt);
}

static void
dissect_dns (SsPacket *pkt,
             SsReader *r)
{
  if (pkt->ip_proto == 6)
    dissect_dns_tcp (pkt, r);
  else
    dissect_message (pkt, r, FALSE, SS_PROTO_DNS);
}

/* Multicast DNS (RFC 6762), UDP port 5353: DNS messages with the QU and cache-flush bits. */
static void
dissect_mdns (SsPacket *pkt,
              SsReader *r)
{
  dissect_message (pkt, r, FALSE, SS_PROTO_MDNS);
}

/* Link-Local Multicast Name Resolution (RFC 4795), UDP port 5355. */
static void
dissect_llmnr (SsPacket *pkt,
               SsReader *r)
{
  dissect_message (pkt, r, FALSE, SS_PROTO_LLMNR);
}

const SsProtocol ss_proto_dns = {
  .id = SS_PROTO_DNS,
  .application = TRUE,
  .abbrev = "dns",
  .short_name = "DNS",
  .name = N_("Domain Name System"),
  .fields = dns_fields,
  .n_fields = DNS_F_COUNT,
  .experts = dns_experts,
  .n_experts = DNS_E_COUNT,
  .dissect = dissect_dns,
};

const SsProtocol ss_proto_mdns = {
  .id = SS_PROTO_MDNS,
  .application = TRUE,
  .abbrev = "mdns",
  .short_name = "mDNS",
  .name = N_("Multicast Domain Name System"),
  .dissect = dissect_mdns,
};

const SsProtocol ss_proto_llmnr = {
  .id = SS_PROTO_LLMNR,
  .application = TRUE,
  .abbrev = "llmnr",
  .short_name = "LLMNR",
  .name = N_("Link-local Multicast Name Resolution"),
  .dissect = dissect_llmnr,
};
