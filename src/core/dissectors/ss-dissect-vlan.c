/* ss-dissect-vlan.c: IEEE 802.1Q VLAN tag (IEEE Std 802.1Q, 9.6)
 *
 * Two bytes of Tag Control Information (priority, drop eligible, VLAN id) and the EtherType (or
 * an 802.3 length) of what follows.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-ethertype.h"

enum
{
  VLAN_F_PRIORITY,
  VLAN_F_DEI,
  VLAN_F_ID,
  VLAN_F_ETYPE,
  VLAN_F_LEN,
  VLAN_F_TRAILER,
  VLAN_F_COUNT
};

static const SsValueString priority_vals[] = {
  { 0, "Best Effort (default)" }, { 1, "Background" }, { 2, "Excellent Effort" },
  { 3, "Critical Applications" }, { 4, "Video, < 100ms latency and jitter" },
  { 5, "Voice, < 10ms latency and jitter" }, { 6, "Internetwork Control" },
  { 7, "Network Control" }, { 0, NULL }
};

static const SsTrueFalse dei_tfs = { N_("Eligible"), N_("Ineligible") };

static const SsFieldDef vlan_fields[] = {
  [VLAN_F_PRIORITY] = { "vlan.priority", N_("Priority"), SS_FT_UINT16, SS_BASE_DEC, priority_vals,
                        0xe000 },
  [VLAN_F_DEI] = { "vlan.dei", N_("DEI"), SS_FT_BOOLEAN, 16, NULL, 0x1000, &dei_tfs },
  [VLAN_F_ID] = { "vlan.id", N_("ID"), SS_FT_UINT16, SS_BASE_DEC, NULL, 0x0fff },
  [VLAN_F_ETYPE] = { "vlan.etype", N_("Type"), SS_FT_UINT16, SS_BASE_HEX, ss_ethertype_vals },
  [VLAN_F_LEN] = { "vlan.len", N_("Length"), SS_FT_UINT16, SS_BASE_DEC },
  [VLAN_F_TRAILER] = { "vlan.trailer", N_("Trailer"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (vlan_fields) == VLAN_F_COUNT);

/* "PRI: 0  DEI: 0  ID: 100", from the tag control information at @data. */
static void
vlan_info (SsPacket      *pkt,
           gconstpointer  data)
{
  const guint8 *p = data;
  guint16 tci = (guint16) (p[0] << 8 | p[1]);

  ss_packet_append_info_uint (pkt, "PRI: ", tci >> 13);
  ss_packet_append_info_uint (pkt, "  DEI: ", (tci >> 12) & 1);
  ss_packet_append_info_uint (pkt, "  ID: ", tci & 0x0fff);
}

static void
dissect_vlan (SsPacket *pkt,
              SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_VLAN, r, 0, 4);
  guint16 tci = ss_reader_get_ntohs (r, 0);
  guint16 type = ss_reader_get_ntohs (r, 2);

  if (ss_reader_failed (r))
    {
      ss_layer_add_item (&l, NULL, VLAN_F_PRIORITY, 0, 2, SS_ENC_BE);
      return;
    }
  if (l.top)
    ss_item_set_text (pkt, l.top, "802.1Q Virtual LAN, PRI: %u, DEI: %u, ID: %u", tci >> 13,
                      (tci >> 12) & 1, tci & 0x0fff);
  /* An upper layer nearly always writes its own Info: this one is written only if none does. */
  ss_packet_clear_info (pkt);
  ss_packet_defer_info (pkt, vlan_info, r->data);
  ss_layer_add_item (&l, NULL, VLAN_F_PRIORITY, 0, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, VLAN_F_DEI, 0, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, VLAN_F_ID, 0, 2, SS_ENC_BE);
  if (type <= 1500)
    {
      SsReader payload;

      ss_layer_add_item (&l, NULL, VLAN_F_LEN, 2, 2, SS_ENC_BE);
      ss_reader_sub (r, 4, type, &payload);
      ss_packet_call (pkt, NULL, &payload, 0);
      ss_reader_limit (r, 4 + type);
      return;
    }
  ss_layer_add_item (&l, NULL, VLAN_F_ETYPE, 2, 2, SS_ENC_BE);
  ss_packet_add_protocols_entry (pkt, "ethertype");
  ss_reader_limit (r, 4 + ss_packet_call (pkt, ss_dissectors_for_ethertype (type), r, 4));
}

const SsProtocol ss_proto_vlan = {
  .id = SS_PROTO_VLAN,
  .abbrev = "vlan",
  .short_name = "VLAN",
  .name = N_("802.1Q Virtual LAN"),
  .fields = vlan_fields,
  .n_fields = VLAN_F_COUNT,
  .dissect = dissect_vlan,
};
