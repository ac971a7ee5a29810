/* ss-dissect-arp.c: Address Resolution Protocol (RFC 826; RARP RFC 903, InARP RFC 2390,
 * probes and announcements RFC 5227)
 *
 * The header gives the sizes of the four addresses that follow it, so the packet is
 * 8 + 2 * hln + 2 * pln bytes long; a size that claims more than the frame holds makes the
 * packet malformed before anything is shown, as in Wireshark. Addresses of the usual sizes are
 * shown as MAC and IPv4 addresses, any other as bytes.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-ethertype.h"

enum
{
  ARP_F_HW_TYPE,
  ARP_F_PROTO_TYPE,
  ARP_F_HW_SIZE,
  ARP_F_PROTO_SIZE,
  ARP_F_OPCODE,
  ARP_F_ISGRATUITOUS,
  ARP_F_ISPROBE,
  ARP_F_ISANNOUNCEMENT,
  ARP_F_SRC_HW,
  ARP_F_SRC_HW_MAC,
  ARP_F_SRC_PROTO,
  ARP_F_SRC_PROTO_IPV4,
  ARP_F_DST_HW,
  ARP_F_DST_HW_MAC,
  ARP_F_DST_PROTO,
  ARP_F_DST_PROTO_IPV4,
  ARP_F_DRARP_ERROR_STATUS,
  ARP_F_SRC_HTYPE,
  ARP_F_SRC_HLEN,
  ARP_F_SRC_STYPE,
  ARP_F_SRC_SLEN,
  ARP_F_SRC_PLN,
  ARP_F_DST_HTYPE,
  ARP_F_DST_HLEN,
  ARP_F_DST_STYPE,
  ARP_F_DST_SLEN,
  ARP_F_DST_PLN,
  ARP_F_SRC_ATM_NUM_E164,
  ARP_F_SRC_ATM_NUM_NSAP,
  ARP_F_SRC_ATM_SUBADDR,
  ARP_F_DST_ATM_NUM_E164,
  ARP_F_DST_ATM_NUM_NSAP,
  ARP_F_DST_ATM_SUBADDR,
  ARP_F_DUPLICATE_ADDRESS_FRAME,
  ARP_F_SECONDS_SINCE_DUPLICATE_ADDRESS_FRAME,
  ARP_F_COUNT
};

/* IANA "Hardware Types" (ARP parameters), plus the Linux ARPHRD_* values Wireshark names. */
static const SsValueString hw_type_vals[] = {
  { 0, "NET/ROM pseudo" }, { 1, "Ethernet" }, { 2, "Experimental Ethernet" }, { 3, "AX.25" },
  { 4, "ProNET" }, { 5, "Chaos" }, { 6, "IEEE 802" }, { 7, "ARCNET" }, { 8, "Hyperchannel" },
  { 9, "Lanstar" }, { 10, "Autonet Short Address" }, { 11, "Localtalk" }, { 12, "LocalNet" },
  { 13, "Ultra link" }, { 14, "SMDS" }, { 15, "Frame Relay DLCI" }, { 16, "ATM" },
  { 17, "HDLC" }, { 18, "Fibre Channel" }, { 19, "ATM (RFC 2225)" }, { 20, "Serial Line" },
  { 21, "ATM" }, { 22, "MIL-STD-188-220" }, { 23, "Metricom STRIP" },
  { 24, "IEEE 1394.1995" }, { 25, "MAPOS" }, { 26, "Twinaxial" }, { 27, "EUI-64" },
  { 28, "HIPARP" }, { 29, "IP and ARP over ISO 7816-3" }, { 30, "ARPSec" },
  { 31, "IPsec tunnel" }, { 32, "InfiniBand" }, { 33, "TIA-102 Project 25 CAI" },
  { 34, "Wiegand Interface" }, { 35, "Pure IP" }, { 36, "Experimental 1" }, { 37, "HFI" },
  { 256, "Experimental 2" }, { 257, "AEthernet" }, { 260, "Notional KISS type" },
  { 264, "ADAPT" }, { 270, "ROSE" }, { 271, "CCITT X.25" },
  { 272, "Boards with X.25 in firmware" }, { 280, "Controller Area Network" }, { 512, "PPP" },
  { 513, "Cisco HDLC" }, { 516, "LAPB" }, { 517, "Digital's DDCMP protocol" },
  { 518, "Raw HDLC" }, { 519, "Raw IP" }, { 768, "IPIP tunnel" }, { 769, "IP6IP6 tunnel" },
  { 770, "Frame Relay Access Device" }, { 771, "SKIP vif" }, { 772, "Loopback" },
  { 774, "Fiber Distributed Data Interface" }, { 775, "AP1000 BIF" },
  { 776, "sit0 device - IPv6-in-IPv4" }, { 0, NULL }
};

enum
{
  ARPOP_REQUEST = 1,
  ARPOP_REPLY = 2,
  ARPOP_RREQUEST = 3,
  ARPOP_RREPLY = 4,
  ARPOP_DRARPREQUEST = 5,
  ARPOP_DRARPREPLY = 6,
  ARPOP_DRARPERROR = 7,
  ARPOP_IREQUEST = 8,
  ARPOP_IREPLY = 9,
  ATMARPOP_NAK = 10,
  ARPOP_MARS_REQUEST = 11,
  ARPOP_MARS_REDIRECT_MAP = 22,
  ARPOP_MAPOS_UNARP = 23,
  ARPOP_EXP1 = 24,
  ARPOP_EXP2 = 25,
};

static const SsValueString opcode_vals[] = {
  { 1, "request" }, { 2, "reply" }, { 3, "reverse request" }, { 4, "reverse reply" },
  { 5, "drarp request" }, { 6, "drarp reply" }, { 7, "drarp error" },
  { 8, "inverse request" }, { 9, "inverse reply" }, { 10, "arp nak" },
  { 11, "mars request" }, { 12, "mars multi" }, { 13, "mars mserv" }, { 14, "mars join" },
  { 15, "mars leave" }, { 16, "mars nak" }, { 17, "mars unserv" }, { 18, "mars sjoin" },
  { 19, "mars sleave" }, { 20, "mars grouplist request" }, { 21, "mars grouplist reply" },
  { 22, "mars redirect map" }, { 23, "mapos unarp" }, { 24, "experimental 1" },
  { 25, "experimental 2" }, { 0, "reserved" }, { 65535, "reserved" }, { 0, NULL }
};

/* Info column text of the MARS opcodes, "MARS ... from <hw> at <proto>" (RFC 2022). */
static const SsValueString mars_info_vals[] = {
  { 11, "MARS request" }, { 12, "MARS MULTI request" }, { 13, "MARS MSERV request" },
  { 14, "MARS JOIN request" }, { 15, "MARS LEAVE" }, { 16, "MARS NAK" },
  { 17, "MARS UNSERV request" }, { 18, "MARS SJOIN request" }, { 19, "MARS SLEAVE" },
  { 20, "MARS grouplist request" }, { 21, "MARS grouplist reply" },
  { 22, "MARS redirect map" }, { 23, "MAPOS UNARP request" }, { 0, NULL }
};

static const SsValueString drarp_status_vals[] = {
  { 1, "ARP_REQ_FAILED" }, { 2, "ARP_ADDR_TAKEN" }, { 3, "ARP_NO_ADDR" }, { 0, NULL }
};

static const SsTrueFalse true_false_tfs = { N_("True"), N_("False") };

static const SsTrueFalse atm_type_tfs = { N_("E.164"), N_("ATM Forum NSAPA") };

static const SsFieldDef arp_fields[] = {
  [ARP_F_HW_TYPE] = { "arp.hw.type", N_("Hardware type"), SS_FT_UINT16, SS_BASE_DEC,
                      hw_type_vals },
  [ARP_F_PROTO_TYPE] = { "arp.proto.type", N_("Protocol type"), SS_FT_UINT16, SS_BASE_HEX,
                         ss_ethertype_vals },
  [ARP_F_HW_SIZE] = { "arp.hw.size", N_("Hardware size"), SS_FT_UINT8, SS_BASE_DEC },
  [ARP_F_PROTO_SIZE] = { "arp.proto.size", N_("Protocol size"), SS_FT_UINT8, SS_BASE_DEC },
  [ARP_F_OPCODE] = { "arp.opcode", N_("Opcode"), SS_FT_UINT16, SS_BASE_DEC, opcode_vals },
  [ARP_F_ISGRATUITOUS] = { "arp.isgratuitous", N_("Is gratuitous"), SS_FT_BOOLEAN,
                           SS_BASE_NONE, NULL, 0, &true_false_tfs },
  [ARP_F_ISPROBE] = { "arp.isprobe", N_("Is probe"), SS_FT_BOOLEAN, SS_BASE_NONE, NULL, 0,
                      &true_false_tfs },
  [ARP_F_ISANNOUNCEMENT] = { "arp.isannouncement", N_("Is announcement"), SS_FT_BOOLEAN,
                             SS_BASE_NONE, NULL, 0, &true_false_tfs },
  [ARP_F_SRC_HW] = { "arp.src.hw", N_("Sender hardware address"), SS_FT_BYTES },
  [ARP_F_SRC_HW_MAC] = { "arp.src.hw_mac", N_("Sender MAC address"), SS_FT_ETHER },
  [ARP_F_SRC_PROTO] = { "arp.src.proto", N_("Sender protocol address"), SS_FT_BYTES },
  [ARP_F_SRC_PROTO_IPV4] = { "arp.src.proto_ipv4", N_("Sender IP address"), SS_FT_IPv4 },
  [ARP_F_DST_HW] = { "arp.dst.hw", N_("Target hardware address"), SS_FT_BYTES },
  [ARP_F_DST_HW_MAC] = { "arp.dst.hw_mac", N_("Target MAC address"), SS_FT_ETHER },
  [ARP_F_DST_PROTO] = { "arp.dst.proto", N_("Target protocol address"), SS_FT_BYTES },
  [ARP_F_DST_PROTO_IPV4] = { "arp.dst.proto_ipv4", N_("Target IP address"), SS_FT_IPv4 },
  [ARP_F_DRARP_ERROR_STATUS] = { "arp.dst.drarp_error_status", N_("DRARP error status"),
                                 SS_FT_UINT16, SS_BASE_DEC, drarp_status_vals },
  [ARP_F_SRC_HTYPE] = { "arp.src.htype", N_("Sender ATM number type"), SS_FT_BOOLEAN, 8, NULL,
                        0x40, &atm_type_tfs },
  [ARP_F_SRC_HLEN] = { "arp.src.hlen", N_("Sender ATM number length"), SS_FT_UINT8,
                       SS_BASE_DEC, NULL, 0x3f },
  [ARP_F_SRC_STYPE] = { "arp.src.stype", N_("Sender ATM subaddress type"), SS_FT_BOOLEAN, 8,
                        NULL, 0x40, &atm_type_tfs },
  [ARP_F_SRC_SLEN] = { "arp.src.slen", N_("Sender ATM subaddress length"), SS_FT_UINT8,
                       SS_BASE_DEC, NULL, 0x3f },
  [ARP_F_SRC_PLN] = { "arp.src.pln", N_("Sender protocol size"), SS_FT_UINT8, SS_BASE_DEC },
  [ARP_F_DST_HTYPE] = { "arp.dst.htype", N_("Target ATM number type"), SS_FT_BOOLEAN, 8, NULL,
                        0x40, &atm_type_tfs },
  [ARP_F_DST_HLEN] = { "arp.dst.hlen", N_("Target ATM number length"), SS_FT_UINT8,
                       SS_BASE_DEC, NULL, 0x3f },
  [ARP_F_DST_STYPE] = { "arp.dst.stype", N_("Target ATM subaddress type"), SS_FT_BOOLEAN, 8,
                        NULL, 0x40, &atm_type_tfs },
  [ARP_F_DST_SLEN] = { "arp.dst.slen", N_("Target ATM subaddress length"), SS_FT_UINT8,
                       SS_BASE_DEC, NULL, 0x3f },
  [ARP_F_DST_PLN] = { "arp.dst.pln", N_("Target protocol size"), SS_FT_UINT8, SS_BASE_DEC },
  [ARP_F_SRC_ATM_NUM_E164] = { "arp.src.atm_num_e164", N_("Sender ATM number (E.164)"),
                               SS_FT_STRING },
  [ARP_F_SRC_ATM_NUM_NSAP] = { "arp.src.atm_num_nsap", N_("Sender ATM number (NSAP)"),
                               SS_FT_BYTES },
  [ARP_F_SRC_ATM_SUBADDR] = { "arp.src.atm_subaddr", N_("Sender ATM subaddress"), SS_FT_BYTES },
  [ARP_F_DST_ATM_NUM_E164] = { "arp.dst.atm_num_e164", N_("Target ATM number (E.164)"),
                               SS_FT_STRING },
  [ARP_F_DST_ATM_NUM_NSAP] = { "arp.dst.atm_num_nsap", N_("Target ATM number (NSAP)"),
                               SS_FT_BYTES },
  [ARP_F_DST_ATM_SUBADDR] = { "arp.dst.atm_subaddr", N_("Target ATM subaddress"), SS_FT_BYTES },
  [ARP_F_DUPLICATE_ADDRESS_FRAME] = { "arp.duplicate-address-frame",
                                      N_("Frame showing earlier use of IP address"),
                                      SS_FT_FRAMENUM },
  [ARP_F_SECONDS_SINCE_DUPLICATE_ADDRESS_FRAME] = { "arp.seconds-since-duplicate-address-frame",
                                                    N_("Seconds since earlier frame seen"),
                                                    SS_FT_UINT32, SS_BASE_DEC },
};
G_STATIC_ASSERT (G_N_ELEMENTS (arp_fields) == ARP_F_COUNT);

enum
{
  ARP_E_DUPLICATE_ADDRESS,
  ARP_E_COUNT
};

static const SsExpertDef arp_experts[] = {
  [ARP_E_DUPLICATE_ADDRESS] = { "arp.duplicate-address-detected", SS_EXPERT_GROUP_SEQUENCE,
                                SS_EXPERT_WARN, N_("Duplicate IP address configured") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (arp_experts) == ARP_E_COUNT);

/* The last MAC address seen for an IPv4 address, per capture. */
typedef struct
{
  gboolean present;
  guint8   mac[6];
  guint32  frame;
  gint64   secs;
} ArpBinding;

/* Sizes an address must have to be shown as such (Wireshark's ARP_HW_IS_ETHER and
 * ARP_PRO_IS_IPv4; 0xcc is AX.25's PID for IP). */
#define ARP_HW_IS_ETHER(hrd, hln) (((hrd) == 1 || (hrd) == 6) && (hln) == 6)
#define ARP_PRO_IS_IPV4(pro, pln) (((pro) == 0x0800 || (pro) == 0xcc) && (pln) == 4)
#define ARP_PRO_IS_IPV6(pro, pln) ((pro) == 0x86dd && (pln) == 16)

#define ARP_HEADER_LEN 8
#define ARPHRD_ATM2225 19

static const guint8 mac_allzero[6] = { 0 };

/* Hex digits of @len bytes, without separators (Wireshark's tvb_bytes_to_str). */
static const char *
bytes_to_str (SsPacket     *pkt,
              const guint8 *p,
              guint         len)
{
  static const char hex[] = "0123456789abcdef";
  char *s = ss_arena_alloc (pkt->arena, len * 2 + 1);

  for (guint i = 0; i < len; i++)
    {
      s[2 * i] = hex[p[i] >> 4];
      s[2 * i + 1] = hex[p[i] & 0x0f];
    }
  s[len * 2] = '\0';
  return s;
}

/* Text of a hardware (@hw) or protocol address of @type, or NULL when its bytes are not all
 * there (the reader is then marked). */
static const char *
addr_to_str (SsPacket *pkt,
              SsReader *r,
              guint     off,
              guint     len,
              guint16   type,
              gboolean  hw)
{
  const guint8 *p;

  if (len == 0)
    return "<No address>";
  p = ss_reader_peek (r, off, len);
  if (!p)
    return NULL;
  if ((hw && ARP_HW_IS_ETHER (type, len)) || (!hw && ARP_PRO_IS_IPV4 (type, len))
      || (!hw && ARP_PRO_IS_IPV6 (type, len)))
    {
      SsAddress a = { hw ? SS_ADDR_ETHER : len == 4 ? SS_ADDR_IPV4 : SS_ADDR_IPV6, len, { 0 } };
      char buf[48];

      memcpy (a.data, p, len);
      return ss_arena_strdup (pkt->arena, ss_address_to_string (&a, buf, sizeof buf));
    }
  return bytes_to_str (pkt, p, len);
}

/* ATM ARP (RFC 2225 §8.7): type/length octets instead of sizes, and optional subaddresses. */
static void
dissect_atmarp (SsPacket *pkt,
                SsReader *r,
                SsLayer  *l)
{
  guint8 shtl, sstl, spln, thtl, tstl, tpln;
  guint16 pro, op;
  guint tot_len, off;
  const char *spa, *tpa;

  pro = ss_reader_get_ntohs (r, 2);
  shtl = ss_reader_get_u8 (r, 4);
  sstl = ss_reader_get_u8 (r, 5);
  op = ss_reader_get_ntohs (r, 6);
  spln = ss_reader_get_u8 (r, 8);
  thtl = ss_reader_get_u8 (r, 9);
  tstl = ss_reader_get_u8 (r, 10);
  tpln = ss_reader_get_u8 (r, 11);
  if (ss_reader_failed (r))
    return;
  tot_len = 12u + (shtl & 0x3f) + (sstl & 0x3f) + spln + (thtl & 0x3f) + (tstl & 0x3f) + tpln;
  if (tot_len > r->reported)
    {
      ss_reader_mark (r, 0, tot_len);
      return;
    }
  ss_reader_limit (r, tot_len);
  ss_packet_set_protocol (pkt, op == ARPOP_RREQUEST || op == ARPOP_RREPLY ? "ATMRARP"
                               : op == ARPOP_IREQUEST || op == ARPOP_IREPLY ? "Inverse ATMARP"
                               : "ATMARP");

  off = 12 + (shtl & 0x3f) + (sstl & 0x3f);
  spa = addr_to_str (pkt, r, off, spln, pro, FALSE);
  tpa = spa ? addr_to_str (pkt, r, off + spln + (thtl & 0x3f) + (tstl & 0x3f), tpln, pro,
                           FALSE) : NULL;
  if (!tpa)
    return;
  if (op == ARPOP_REQUEST)
    ss_packet_set_info (pkt, "Who has %s? Tell %s", tpa, spa);
  else if (op == ATMARPOP_NAK)
    ss_packet_set_info (pkt, "I don't know where %s is", spa);
  else
    ss_packet_set_info (pkt, "Unknown ATMARP opcode 0x%04x", op);
  if (l->top)
    ss_item_set_text (pkt, l->top, "ATM Address Resolution Protocol (%s)",
                      ss_value_string_lookup (opcode_vals, op)
                      ? ss_value_string_lookup (opcode_vals, op) : "unknown");

  ss_layer_add_item (l, NULL, ARP_F_HW_TYPE, 0, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_PROTO_TYPE, 2, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_SRC_HTYPE, 4, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_SRC_HLEN, 4, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_SRC_STYPE, 5, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_SRC_SLEN, 5, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_OPCODE, 6, 2, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_SRC_PLN, 8, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_DST_HTYPE, 9, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_DST_HLEN, 9, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_DST_STYPE, 10, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_DST_SLEN, 10, 1, SS_ENC_BE);
  ss_layer_add_item (l, NULL, ARP_F_DST_PLN, 11, 1, SS_ENC_BE);

  off = 12;
  if (shtl & 0x3f)
    ss_layer_add_item (l, NULL, (shtl & 0x40) ? ARP_F_SRC_ATM_NUM_E164 : ARP_F_SRC_ATM_NUM_NSAP,
                       off, shtl & 0x3f, SS_ENC_BE);
  off += shtl & 0x3f;
  if (sstl & 0x3f)
    ss_layer_add_item (l, NULL, ARP_F_SRC_ATM_SUBADDR, off, sstl & 0x3f, SS_ENC_BE);
  off += sstl & 0x3f;
  if (spln)
    ss_layer_add_item (l, NULL, ARP_PRO_IS_IPV4 (pro, spln) ? ARP_F_SRC_PROTO_IPV4
                                                             : ARP_F_SRC_PROTO,
                       off, spln, SS_ENC_BE);
  off += spln;
  if (thtl & 0x3f)
    ss_layer_add_item (l, NULL, (thtl & 0x40) ? ARP_F_DST_ATM_NUM_E164 : ARP_F_DST_ATM_NUM_NSAP,
                       off, thtl & 0x3f, SS_ENC_BE);
  off += thtl & 0x3f;
  if (tstl & 0x3f)
    ss_layer_add_item (l, NULL, ARP_F_DST_ATM_SUBADDR, off, tstl & 0x3f, SS_ENC_BE);
  off += tstl & 0x3f;
  if (tpln)
    ss_layer_add_item (l, NULL, ARP_PRO_IS_IPV4 (pro, tpln) ? ARP_F_DST_PROTO_IPV4
                                                             : ARP_F_DST_PROTO,
                       off, tpln, SS_ENC_BE);
}

/* Wireshark's duplicate address detection: an IPv4 address seen earlier in the capture with
 * another MAC address. The first pass records what it found per frame, so a frame dissected
 * again shows the same. Returns TRUE (and sets *@dup) when this pair is a duplicate. */
static gboolean
check_duplicate (SsLayer      *l,
                 const guint8 *mac,
                 const guint8 *ip,
                 guint32      *dup)
{
  SsPacket *pkt = l->pkt;
  ArpBinding *res = NULL;
  guint32 key;
  gint64 secs = pkt->ts_ns >= 0 ? pkt->ts_ns / 1000000000
                                : -((-pkt->ts_ns + 999999999) / 1000000000);
  const char *ip_str, *mac_str, *old_str;
  SsItem *it, *sub;

  if (!pkt->session)
    return FALSE;
  memcpy (&key, ip, 4);
  if (pkt->visited)
    res = ss_session_lookup_frame_data (pkt->session, SS_PROTO_ARP, pkt->number, key);
  else
    {
      ArpBinding *b = ss_session_conv_data (pkt->session, SS_PROTO_ARP, &key, sizeof key,
                                            sizeof *b);

      if (!b->present)
        {
          b->present = TRUE;
          memcpy (b->mac, mac, 6);
          b->frame = pkt->number;
          b->secs = secs;
        }
      else if (pkt->number > b->frame)
        {
          if (memcmp (b->mac, mac, 6) == 0)
            {
              b->frame = pkt->number;
              b->secs = secs;
            }
          else
            {
              res = ss_session_frame_data (pkt->session, SS_PROTO_ARP, pkt->number, key,
                                           sizeof *res);
              *res = *b;
            }
        }
    }
  if (!res)
    return FALSE;

  ip_str = ss_arena_printf (pkt->arena, "%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
  mac_str = ss_arena_printf (pkt->arena, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
                             mac[2], mac[3], mac[4], mac[5]);
  old_str = ss_arena_printf (pkt->arena, "%02x:%02x:%02x:%02x:%02x:%02x", res->mac[0],
                             res->mac[1], res->mac[2], res->mac[3], res->mac[4], res->mac[5]);
  /* (Wireshark puts this beside the ARP tree; here it goes at the end of it) */
  sub = ss_layer_add_text (l, NULL, 0, 0, "Duplicate IP address detected for %s (%s) - also in "
                           "use by %s (frame %u)", ip_str, mac_str, old_str, res->frame);
  ss_item_set_flags (sub, SS_ITEM_GENERATED);
  it = ss_layer_add_uint (l, sub, ARP_F_DUPLICATE_ADDRESS_FRAME, 0, 0, res->frame);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  ss_packet_add_expert (pkt, it, SS_PROTO_ARP, ARP_E_DUPLICATE_ADDRESS,
                        _("Duplicate IP address configured (%s)"), ip_str);
  it = ss_layer_add_uint (l, sub, ARP_F_SECONDS_SINCE_DUPLICATE_ADDRESS_FRAME, 0, 0,
                          (guint32) (secs - res->secs));
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  *dup = key;
  return TRUE;
}

static void
dissect_arp (SsPacket *pkt,
             SsReader *r)
{
  SsLayer l;
  guint16 hrd, pro, op;
  guint8 hln, pln;
  guint tot_len, sha, spa, tha, tpa;
  gboolean gratuitous = FALSE, probe = FALSE, announcement = FALSE;
  const char *s1 = NULL, *s2 = NULL, *op_str;
  const guint8 *a, *b;

  ss_packet_clear_info (pkt);
  l = ss_packet_begin_layer (pkt, SS_PROTO_ARP, r, 0, -1);

  hrd = ss_reader_get_ntohs (r, 0);
  if (ss_reader_failed (r))
    return;
  if (hrd == ARPHRD_ATM2225)
    {
      dissect_atmarp (pkt, r, &l);
      return;
    }
  pro = ss_reader_get_ntohs (r, 2);
  hln = ss_reader_get_u8 (r, 4);
  pln = ss_reader_get_u8 (r, 5);
  op = ss_reader_get_ntohs (r, 6);
  /* The fixed header is shown even when the addresses turn out not to fit. */
  ss_layer_add_item (&l, NULL, ARP_F_HW_TYPE, 0, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, ARP_F_PROTO_TYPE, 2, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, ARP_F_HW_SIZE, 4, 1, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, ARP_F_PROTO_SIZE, 5, 1, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, ARP_F_OPCODE, 6, 2, SS_ENC_BE);
  if (ss_reader_failed (r))
    return;

  /* The datagram ends after the target protocol address; the rest is link-layer padding. */
  tot_len = ARP_HEADER_LEN + 2u * hln + 2u * pln;
  if (tot_len > r->reported)
    {
      ss_reader_mark (r, 0, tot_len);
      return;
    }
  ss_reader_limit (r, tot_len);
  ss_item_set_length (l.top, MIN (tot_len, r->captured));

  switch (op)
    {
    case ARPOP_RREQUEST:
    case ARPOP_RREPLY:
      ss_packet_set_protocol (pkt, "RARP");
      break;
    case ARPOP_DRARPREQUEST:
    case ARPOP_DRARPREPLY:
    case ARPOP_DRARPERROR:
      ss_packet_set_protocol (pkt, "DRARP");
      break;
    case ARPOP_IREQUEST:
    case ARPOP_IREPLY:
      ss_packet_set_protocol (pkt, "Inverse ARP");
      break;
    default:
      if (op >= ARPOP_MARS_REQUEST && op <= ARPOP_MARS_REDIRECT_MAP)
        ss_packet_set_protocol (pkt, "MARS");
      else if (op == ARPOP_MAPOS_UNARP)
        ss_packet_set_protocol (pkt, "MAPOS");
      break;
    }

  sha = ARP_HEADER_LEN;
  spa = sha + hln;
  tha = spa + pln;
  tpa = tha + hln;

  /* Wireshark reads the Ethernet/IPv4 addresses of requests and replies first (to learn
   * bindings), so a cut there stops the dissection before anything is shown. */
  if ((op == ARPOP_REQUEST || op == ARPOP_REPLY) && ARP_HW_IS_ETHER (hrd, hln)
      && ARP_PRO_IS_IPV4 (pro, pln))
    {
      if (!ss_reader_check (r, spa, 4) || !ss_reader_check (r, sha, 6)
          || !ss_reader_check (r, tpa, 4) || !ss_reader_check (r, tha, 6))
        return;
    }

  /* RFC 5227: a request or reply whose sender and target protocol addresses are equal is
   * gratuitous; a gratuitous request with a zero target hardware address is an announcement,
   * and a request from sender address 0 with a zero target hardware address a probe. */
  if (op == ARPOP_REQUEST || op == ARPOP_REPLY)
    {
      if (!ss_reader_check (r, tpa, pln))
        return;
      a = ss_reader_has (r, spa, pln) ? r->data + spa : NULL;
      b = r->data + tpa;
      gratuitous = a != NULL && memcmp (a, b, pln) == 0;
    }
  if (gratuitous)
    announcement = op == ARPOP_REQUEST && ss_reader_has (r, tha, 6)
                   && memcmp (r->data + tha, mac_allzero, 6) == 0;
  else if (op == ARPOP_REQUEST && ss_reader_has (r, tha, 6)
           && memcmp (r->data + tha, mac_allzero, 6) == 0)
    {
      guint32 ip = ss_reader_get_ntohl (r, spa);

      if (ss_reader_failed (r))
        return;
      probe = ip == 0;
    }

  if (pkt->want_columns)
    {
      switch (op)
        {
        case ARPOP_REQUEST:
          s1 = addr_to_str (pkt, r, tpa, pln, pro, FALSE);
          if (!s1)
            return;
          if (gratuitous)
            ss_packet_set_info (pkt, announcement ? "ARP Announcement for %s"
                                                  : "Gratuitous ARP for %s (Request)", s1);
          else if (probe)
            ss_packet_set_info (pkt, "Who has %s? (ARP Probe)", s1);
          else
            {
              s2 = addr_to_str (pkt, r, spa, pln, pro, FALSE);
              if (!s2)
                return;
              ss_packet_set_info (pkt, "Who has %s? Tell %s", s1, s2);
            }
          break;
        case ARPOP_REPLY:
          s1 = addr_to_str (pkt, r, spa, pln, pro, FALSE);
          if (!s1)
            return;
          if (gratuitous)
            ss_packet_set_info (pkt, "Gratuitous ARP for %s (Reply)", s1);
          else
            {
              s2 = addr_to_str (pkt, r, sha, hln, hrd, TRUE);
              if (!s2)
                return;
              ss_packet_set_info (pkt, "%s is at %s", s1, s2);
            }
          break;
        case ARPOP_RREQUEST:
        case ARPOP_IREQUEST:
        case ARPOP_DRARPREQUEST:
          s1 = addr_to_str (pkt, r, tha, hln, hrd, TRUE);
          s2 = s1 ? addr_to_str (pkt, r, sha, hln, hrd, TRUE) : NULL;
          if (!s2)
            return;
          ss_packet_set_info (pkt, "Who is %s? Tell %s", s1, s2);
          break;
        case ARPOP_RREPLY:
        case ARPOP_DRARPREPLY:
          s1 = addr_to_str (pkt, r, tha, hln, hrd, TRUE);
          s2 = s1 ? addr_to_str (pkt, r, tpa, pln, pro, FALSE) : NULL;
          if (!s2)
            return;
          ss_packet_set_info (pkt, "%s is at %s", s1, s2);
          break;
        case ARPOP_DRARPERROR:
          ss_packet_set_info (pkt, "DRARP Error");
          break;
        case ARPOP_IREPLY:
          s1 = addr_to_str (pkt, r, sha, hln, hrd, TRUE);
          s2 = s1 ? addr_to_str (pkt, r, spa, pln, pro, FALSE) : NULL;
          if (!s2)
            return;
          ss_packet_set_info (pkt, "%s is at %s", s1, s2);
          break;
        case ATMARPOP_NAK:
          ss_packet_set_info (pkt, "ARP NAK");
          break;
        case ARPOP_EXP1:
        case ARPOP_EXP2:
          ss_packet_set_info (pkt, "Experimental %u ( opcode %u )", op == ARPOP_EXP1 ? 1 : 2,
                              op);
          break;
        case 0:
        case 65535:
          ss_packet_set_info (pkt, "Reserved opcode %u", op);
          break;
        default:
          if (ss_value_string_lookup (mars_info_vals, op))
            {
              s1 = addr_to_str (pkt, r, sha, hln, hrd, TRUE);
              s2 = s1 ? addr_to_str (pkt, r, spa, pln, pro, FALSE) : NULL;
              if (!s2)
                return;
              ss_packet_set_info (pkt, "%s from %s at %s",
                                  ss_value_string_lookup (mars_info_vals, op), s1, s2);
            }
          else
            ss_packet_set_info (pkt, "Unknown ARP opcode 0x%04x", op);
          break;
        }
    }

  if (l.top)
    {
      op_str = ss_value_string_lookup (opcode_vals, op);
      if (op_str)
        {
          if (gratuitous && op == ARPOP_REQUEST)
            op_str = "request/gratuitous ARP";
          if (gratuitous && op == ARPOP_REPLY)
            op_str = "reply/gratuitous ARP";
          if (probe)
            op_str = "ARP Probe";
          if (announcement)
            op_str = "ARP Announcement";
          ss_item_set_text (pkt, l.top, "Address Resolution Protocol (%s)", op_str);
        }
      else
        ss_item_set_text (pkt, l.top, "Address Resolution Protocol (opcode 0x%04x)", op);
    }

  if (gratuitous)
    ss_item_set_flags (ss_layer_add_uint (&l, NULL, ARP_F_ISGRATUITOUS, 0, 0, 1),
                       SS_ITEM_GENERATED);
  if (probe)
    ss_item_set_flags (ss_layer_add_uint (&l, NULL, ARP_F_ISPROBE, 0, 0, 1), SS_ITEM_GENERATED);
  if (announcement)
    ss_item_set_flags (ss_layer_add_uint (&l, NULL, ARP_F_ISANNOUNCEMENT, 0, 0, 1),
                       SS_ITEM_GENERATED);

  if (hln != 0 && !ss_layer_add_item (&l, NULL, ARP_HW_IS_ETHER (hrd, hln) ? ARP_F_SRC_HW_MAC
                                                                          : ARP_F_SRC_HW,
                                      sha, hln, SS_ENC_BE) && ss_reader_failed (r))
    return;
  if (pln != 0 && !ss_layer_add_item (&l, NULL, ARP_PRO_IS_IPV4 (pro, pln) ? ARP_F_SRC_PROTO_IPV4
                                                                          : ARP_F_SRC_PROTO,
                                      spa, pln, SS_ENC_BE) && ss_reader_failed (r))
    return;
  if (hln != 0 && !ss_layer_add_item (&l, NULL, ARP_HW_IS_ETHER (hrd, hln) ? ARP_F_DST_HW_MAC
                                                                          : ARP_F_DST_HW,
                                      tha, hln, SS_ENC_BE) && ss_reader_failed (r))
    return;
  if (pln != 0 && op != ARPOP_DRARPERROR)
    ss_layer_add_item (&l, NULL, ARP_PRO_IS_IPV4 (pro, pln) ? ARP_F_DST_PROTO_IPV4
                                                            : ARP_F_DST_PROTO,
                       tpa, pln, SS_ENC_BE);
  else if (pln != 0)
    ss_layer_add_item (&l, NULL, ARP_F_DRARP_ERROR_STATUS, tpa, 1, SS_ENC_BE);

  /* Addresses of Ethernet/IPv4 requests and replies: the sender's, and a reply's target, when
   * the MAC address is a unicast one other than zero and the IPv4 address is not zero. */
  if ((op == ARPOP_REQUEST || op == ARPOP_REPLY) && ARP_HW_IS_ETHER (hrd, hln)
      && ARP_PRO_IS_IPV4 (pro, pln) && ss_reader_has (r, 0, tpa + 4))
    {
      gboolean duplicate = FALSE;
      guint32 dup_ip = 0, ip;

      a = r->data + sha;
      memcpy (&ip, r->data + spa, 4);
      if ((a[0] & 0x01) == 0 && memcmp (a, mac_allzero, 6) != 0 && ip != 0)
        duplicate = check_duplicate (&l, a, r->data + spa, &dup_ip);
      a = r->data + tha;
      memcpy (&ip, r->data + tpa, 4);
      /* (sic: the target's result replaces the sender's; a gratuitous reply is checked once) */
      if ((a[0] & 0x01) == 0 && memcmp (a, mac_allzero, 6) != 0 && ip != 0
          && op != ARPOP_REQUEST && dup_ip != ip)
        duplicate = check_duplicate (&l, a, r->data + tpa, &dup_ip);
      if (duplicate)
        {
          const guint8 *d = (const guint8 *) &dup_ip;

          ss_packet_append_info (pkt, " (duplicate use of %u.%u.%u.%u detected!)", d[0], d[1],
                                 d[2], d[3]);
        }
    }
}

const SsProtocol ss_proto_arp = {
  .id = SS_PROTO_ARP,
  .abbrev = "arp",
  .short_name = "ARP",
  .name = N_("Address Resolution Protocol"),
  .fields = arp_fields,
  .n_fields = ARP_F_COUNT,
  .experts = arp_experts,
  .n_experts = ARP_E_COUNT,
  .dissect = dissect_arp,
};
