/* ss-dissect-eth.c: Ethernet II and IEEE 802.3 framing (IEEE Std 802.3, clause 3.2)
 *
 * The header is destination, source and a type/length field: values up to 1500 are an 802.3
 * length, values from 0x0600 up are an EtherType. Bytes after what the upper layer took are
 * padding (all zero) or a trailer.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-ethertype.h"

enum
{
  ETH_F_DST,
  ETH_F_DST_LG,
  ETH_F_DST_IG,
  ETH_F_SRC,
  ETH_F_SRC_LG,
  ETH_F_SRC_IG,
  ETH_F_ADDR,
  ETH_F_LG,
  ETH_F_IG,
  ETH_F_LEN,
  ETH_F_TYPE,
  ETH_F_PADDING,
  ETH_F_TRAILER,
  ETH_F_COUNT
};

static const SsTrueFalse lg_tfs = {
  N_("Locally administered address (this is NOT the factory default)"),
  N_("Globally unique address (factory default)"),
};

static const SsTrueFalse ig_tfs = {
  N_("Group address (multicast/broadcast)"),
  N_("Individual address (unicast)"),
};

static const SsFieldDef eth_fields[] = {
  [ETH_F_DST] = { "eth.dst", N_("Destination"), SS_FT_ETHER },
  [ETH_F_DST_LG] = { "eth.dst.lg", N_("LG bit"), SS_FT_BOOLEAN, 24, NULL, 0x020000, &lg_tfs },
  [ETH_F_DST_IG] = { "eth.dst.ig", N_("IG bit"), SS_FT_BOOLEAN, 24, NULL, 0x010000, &ig_tfs },
  [ETH_F_SRC] = { "eth.src", N_("Source"), SS_FT_ETHER },
  [ETH_F_SRC_LG] = { "eth.src.lg", N_("LG bit"), SS_FT_BOOLEAN, 24, NULL, 0x020000, &lg_tfs },
  [ETH_F_SRC_IG] = { "eth.src.ig", N_("IG bit"), SS_FT_BOOLEAN, 24, NULL, 0x010000, &ig_tfs },
  [ETH_F_ADDR] = { "eth.addr", N_("Address"), SS_FT_ETHER },
  [ETH_F_LG] = { "eth.lg", N_("LG bit"), SS_FT_BOOLEAN, 24, NULL, 0x020000, &lg_tfs },
  [ETH_F_IG] = { "eth.ig", N_("IG bit"), SS_FT_BOOLEAN, 24, NULL, 0x010000, &ig_tfs },
  [ETH_F_LEN] = { "eth.len", N_("Length"), SS_FT_UINT16, SS_BASE_DEC },
  [ETH_F_TYPE] = { "eth.type", N_("Type"), SS_FT_UINT16, SS_BASE_HEX, ss_ethertype_vals },
  [ETH_F_PADDING] = { "eth.padding", N_("Padding"), SS_FT_BYTES },
  [ETH_F_TRAILER] = { "eth.trailer", N_("Trailer"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (eth_fields) == ETH_F_COUNT);

static void
add_address (SsLayer *l,
             guint    field,
             guint    field_lg,
             guint    field_ig,
             guint    off)
{
  SsItem *it = ss_layer_add_item (l, NULL, field, off, 6, SS_ENC_BE);
  SsItem *a = ss_layer_add_item (l, it, ETH_F_ADDR, off, 6, SS_ENC_BE);

  ss_item_set_flags (a, SS_ITEM_HIDDEN);
  ss_layer_add_item (l, it, field_lg, off, 3, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_item (l, it, ETH_F_LG, off, 3, SS_ENC_BE), SS_ITEM_HIDDEN);
  ss_layer_add_item (l, it, field_ig, off, 3, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_item (l, it, ETH_F_IG, off, 3, SS_ENC_BE), SS_ITEM_HIDDEN);
}

/* Everything after @used bytes of @r: zero padding or a trailer. */
void
ss_eth_add_trailer (SsLayer *l,
                    guint    off,
                    guint    padding_field,
                    guint    trailer_field)
{
  guint32 left = ss_reader_remaining (l->r, off);
  const guint8 *p;
  gboolean zero = TRUE;

  if (left == 0)
    return;
  p = l->r->data + off;
  for (guint32 i = 0; i < left && zero; i++)
    zero = p[i] == 0;
  ss_layer_add_bytes (l, NULL, zero ? padding_field : trailer_field, off, left, p, left);
}

/* "src → dst", from the header at @data (destination, then source). */
static void
eth_info (SsPacket      *pkt,
          gconstpointer  data)
{
  SsAddress a = { .type = SS_ADDR_ETHER, .len = 6 };
  char buf[48];

  memcpy (a.data, (const guint8 *) data + 6, 6);
  ss_packet_append_info_str (pkt, ss_address_to_string (&a, buf, sizeof buf));
  ss_packet_append_info_str (pkt, " → ");
  memcpy (a.data, data, 6);
  ss_packet_append_info_str (pkt, ss_address_to_string (&a, buf, sizeof buf));
}

static void
dissect_eth (SsPacket *pkt,
             SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_ETH, r, 0, 14);
  const guint8 *dst, *src;
  guint16 type;
  guint32 used;
  char sbuf[48], dbuf[48];

  dst = ss_reader_peek (r, 0, 6);
  src = ss_reader_peek (r, 6, 6);
  if (!dst || !src)
    return;
  ss_packet_set_net_addresses (pkt, SS_ADDR_ETHER, src, dst);
  if (l.top)
    {
      ss_address_to_string (&pkt->dl_src, sbuf, sizeof sbuf);
      ss_address_to_string (&pkt->dl_dst, dbuf, sizeof dbuf);
      ss_item_set_text (pkt, l.top, "Ethernet II, Src: %s, Dst: %s", sbuf, dbuf);
    }
  /* An upper layer nearly always writes its own Info: this one is written only if none does. */
  ss_packet_clear_info (pkt);
  ss_packet_defer_info (pkt, eth_info, dst);

  /* Their bytes were read above. */
  if (ss_layer_wants_any (&l))
    {
      add_address (&l, ETH_F_DST, ETH_F_DST_LG, ETH_F_DST_IG, 0);
      add_address (&l, ETH_F_SRC, ETH_F_SRC_LG, ETH_F_SRC_IG, 6);
    }

  type = ss_reader_get_ntohs (r, 12);
  if (ss_reader_failed (r))
    return;
  if (type <= 1500)
    {
      SsReader payload;

      ss_layer_add_item (&l, NULL, ETH_F_LEN, 12, 2, SS_ENC_BE);
      if (l.top)
        ss_item_set_text (pkt, l.top, "IEEE 802.3 Ethernet");
      /* The length covers the LLC payload; the rest is padding. */
      ss_reader_sub (r, 14, type, &payload);
      used = ss_packet_call (pkt, NULL, &payload, 0);
      ss_eth_add_trailer (&l, 14 + used, ETH_F_PADDING, ETH_F_TRAILER);
      return;
    }

  ss_layer_add_item (&l, NULL, ETH_F_TYPE, 12, 2, SS_ENC_BE);
  ss_packet_add_protocols_entry (pkt, "ethertype");
  used = ss_packet_call (pkt, ss_dissectors_for_ethertype (type), r, 14);
  if (!ss_reader_failed (r))
    ss_eth_add_trailer (&l, 14 + used, ETH_F_PADDING, ETH_F_TRAILER);
}

const SsProtocol ss_proto_eth = {
  .id = SS_PROTO_ETH,
  .abbrev = "eth",
  .short_name = "Ethernet",
  .name = N_("Ethernet II"),
  .fields = eth_fields,
  .n_fields = ETH_F_COUNT,
  .dissect = dissect_eth,
};
