/* ss-dissect-sll.c: Linux "cooked" capture headers, LINKTYPE_LINUX_SLL (113) and
 * LINKTYPE_LINUX_SLL2 (276), as documented in the tcpdump.org link-layer header types registry.
 *
 * v1: packet type (2), ARPHRD type (2), address length (2), address (8), protocol (2).
 * v2: protocol (2), reserved (2), interface index (4), ARPHRD type (2), packet type (1),
 *     address length (1), address (8).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-ethertype.h"

enum
{
  SLL_F_PKTTYPE,
  SLL_F_HATYPE,
  SLL_F_HALEN,
  SLL_F_SRC_ETH,
  SLL_F_SRC_IPV4,
  SLL_F_SRC_OTHER,
  SLL_F_UNUSED,
  SLL_F_LTYPE,
  SLL_F_ETYPE,
  SLL_F_IFINDEX,
  SLL_F_COUNT
};

static const SsValueString pkttype_vals[] = {
  { 0, "Unicast to us" }, { 1, "Broadcast" }, { 2, "Multicast" },
  { 3, "Unicast to another host" }, { 4, "Sent by us" }, { 0, NULL }
};

static const SsValueString ltype_vals[] = {
  { 0x0001, "Novell 802.3" }, { 0x0002, "AX.25" }, { 0x0003, "All" }, { 0x0004, "802.2 LLC" },
  { 0x000c, "CAN" }, { 0x000d, "CAN FD" }, { 0, NULL }
};

static const SsValueString hatype_vals[] = {
  { 1, "Ethernet" }, { 24, "IEEE 1394" }, { 32, "InfiniBand" }, { 512, "PPP" },
  { 768, "IPIP tunnel" }, { 772, "Loopback" }, { 776, "IPv6-in-IPv4" }, { 778, "GRE" },
  { 803, "802.11 plus radiotap" }, { 823, "IPv6 GRE" }, { 824, "Netlink" }, { 65534, "None" },
  { 0, NULL }
};

static const SsFieldDef sll_fields[] = {
  [SLL_F_PKTTYPE] = { "sll.pkttype", N_("Packet type"), SS_FT_UINT16, SS_BASE_DEC, pkttype_vals },
  [SLL_F_HATYPE] = { "sll.hatype", N_("Link-layer address type"), SS_FT_UINT16, SS_BASE_DEC,
                     hatype_vals },
  [SLL_F_HALEN] = { "sll.halen", N_("Link-layer address length"), SS_FT_UINT16, SS_BASE_DEC },
  [SLL_F_SRC_ETH] = { "sll.src.eth", N_("Source"), SS_FT_ETHER },
  [SLL_F_SRC_IPV4] = { "sll.src.ipv4", N_("Source"), SS_FT_IPv4 },
  [SLL_F_SRC_OTHER] = { "sll.src.other", N_("Source"), SS_FT_BYTES },
  [SLL_F_UNUSED] = { "sll.unused", N_("Unused"), SS_FT_BYTES },
  [SLL_F_LTYPE] = { "sll.ltype", N_("Protocol"), SS_FT_UINT16, SS_BASE_HEX, ltype_vals },
  [SLL_F_ETYPE] = { "sll.etype", N_("Protocol"), SS_FT_UINT16, SS_BASE_HEX, ss_ethertype_vals },
  [SLL_F_IFINDEX] = { "sll.ifindex", N_("Interface index"), SS_FT_UINT32, SS_BASE_DEC },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sll_fields) == SLL_F_COUNT);

static void
add_source (SsLayer *l,
            guint    hatype,
            guint    halen,
            guint    off)
{
  guint n = MIN (halen, 8u);

  if (hatype == 1 && halen == 6)   /* ARPHRD_ETHER */
    {
      const guint8 *a = ss_reader_peek (l->r, off, 6);

      ss_layer_add_item (l, NULL, SLL_F_SRC_ETH, off, 6, SS_ENC_BE);
      if (a)
        {
          guint8 zero[6] = { 0 };
          ss_packet_set_net_addresses (l->pkt, SS_ADDR_ETHER, a, zero);
          l->pkt->dl_dst.type = SS_ADDR_NONE;
        }
    }
  else if ((hatype == 778 || hatype == 768) && halen == 4)   /* GRE, IPIP */
    ss_layer_add_item (l, NULL, SLL_F_SRC_IPV4, off, 4, SS_ENC_BE);
  else if (n > 0)
    ss_layer_add_item (l, NULL, SLL_F_SRC_OTHER, off, n, SS_ENC_BE);
  if (n < 8)
    ss_layer_add_item (l, NULL, SLL_F_UNUSED, off + n, 8 - n, SS_ENC_BE);
}

static void
dissect_payload (SsPacket *pkt,
                 SsLayer  *l,
                 guint     protocol,
                 guint     off)
{
  if (protocol <= 1500)
    {
      ss_layer_add_item (l, NULL, SLL_F_LTYPE, off - 2, 2, SS_ENC_BE);
      ss_packet_call (pkt, NULL, l->r, off);
      return;
    }
  ss_layer_add_item (l, NULL, SLL_F_ETYPE, off - 2, 2, SS_ENC_BE);
  ss_packet_add_protocols_entry (pkt, "ethertype");
  ss_packet_call (pkt, ss_dissectors_for_ethertype (protocol), l->r, off);
}

static void
dissect_sll (SsPacket *pkt,
             SsReader *r)
{
  gboolean v2 = pkt->link_type == 276;
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_SLL, r, 0, v2 ? 20 : 16);
  guint hatype, halen, pkttype, protocol;

  if (!ss_reader_check (r, 0, v2 ? 20 : 16))
    return;

  if (!v2)
    {
      pkttype = ss_reader_get_ntohs (r, 0);
      hatype = ss_reader_get_ntohs (r, 2);
      halen = ss_reader_get_ntohs (r, 4);
      protocol = ss_reader_get_ntohs (r, 14);
      if (l.top)
        ss_item_set_text (pkt, l.top, "Linux cooked capture v1");
      ss_layer_add_item (&l, NULL, SLL_F_PKTTYPE, 0, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, SLL_F_HATYPE, 2, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, SLL_F_HALEN, 4, 2, SS_ENC_BE);
      add_source (&l, hatype, halen, 6);
      dissect_payload (pkt, &l, protocol, 16);
      return;
    }

  protocol = ss_reader_get_ntohs (r, 0);
  hatype = ss_reader_get_ntohs (r, 8);
  pkttype = ss_reader_get_u8 (r, 10);
  halen = ss_reader_get_u8 (r, 11);
  if (l.top)
    ss_item_set_text (pkt, l.top, "Linux cooked capture v2");
  (void) pkttype;
  if (protocol <= 1500)
    ss_layer_add_item (&l, NULL, SLL_F_LTYPE, 0, 2, SS_ENC_BE);
  else
    ss_layer_add_item (&l, NULL, SLL_F_ETYPE, 0, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, SLL_F_IFINDEX, 4, 4, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, SLL_F_HATYPE, 8, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, SLL_F_PKTTYPE, 10, 1, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, SLL_F_HALEN, 11, 1, SS_ENC_BE);
  add_source (&l, hatype, halen, 12);
  if (protocol > 1500)
    ss_packet_add_protocols_entry (pkt, "ethertype");
  ss_packet_call (pkt, protocol > 1500 ? ss_dissectors_for_ethertype (protocol) : NULL, r, 20);
}

const SsProtocol ss_proto_sll = {
  .id = SS_PROTO_SLL,
  .abbrev = "sll",
  .short_name = "SLL",
  .name = N_("Linux cooked capture"),
  .fields = sll_fields,
  .n_fields = SLL_F_COUNT,
  .dissect = dissect_sll,
};
