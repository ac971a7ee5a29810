/* ss-dissect-udp.c: User Datagram Protocol (RFC 768)
 *
 * The length field bounds the payload; a length beyond what IP carried is reported and the
 * payload cut to what is there.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

enum
{
  UDP_F_SRCPORT,
  UDP_F_DSTPORT,
  UDP_F_PORT,
  UDP_F_LENGTH,
  UDP_F_CHECKSUM,
  UDP_F_CHECKSUM_STATUS,
  UDP_F_PAYLOAD,
  UDP_F_COUNT
};

static const SsValueString checksum_status_vals[] = {
  { 0, "Bad" }, { 1, "Good" }, { 2, "Unverified" }, { 3, "Not present" }, { 4, "Illegal" },
  { 0, NULL }
};

static const SsFieldDef udp_fields[] = {
  [UDP_F_SRCPORT] = { "udp.srcport", N_("Source Port"), SS_FT_UINT16, SS_BASE_DEC },
  [UDP_F_DSTPORT] = { "udp.dstport", N_("Destination Port"), SS_FT_UINT16, SS_BASE_DEC },
  [UDP_F_PORT] = { "udp.port", N_("Source or Destination Port"), SS_FT_UINT16, SS_BASE_DEC },
  [UDP_F_LENGTH] = { "udp.length", N_("Length"), SS_FT_UINT16, SS_BASE_DEC },
  [UDP_F_CHECKSUM] = { "udp.checksum", N_("Checksum"), SS_FT_UINT16, SS_BASE_HEX },
  [UDP_F_CHECKSUM_STATUS] = { "udp.checksum.status", N_("Checksum Status"), SS_FT_UINT8,
                              SS_BASE_NONE, checksum_status_vals },
  [UDP_F_PAYLOAD] = { "udp.payload", N_("UDP payload"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (udp_fields) == UDP_F_COUNT);

enum
{
  UDP_E_LENGTH_BAD,
  UDP_E_LENGTH_BAD_ZERO,
  UDP_E_COUNT
};

static const SsExpertDef udp_experts[] = {
  [UDP_E_LENGTH_BAD] = { "udp.length.bad", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                         N_("Bad length value") },
  [UDP_E_LENGTH_BAD_ZERO] = { "udp.length.bad_zero", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_WARN,
                              N_("Length is zero but payload < 65536") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (udp_experts) == UDP_E_COUNT);

/* "53 → 36574 Len=45", from the header at @data. */
static void
udp_info (SsPacket      *pkt,
          gconstpointer  data)
{
  const guint8 *p = data;
  guint16 ulen = (guint16) (p[4] << 8 | p[5]);

  ss_packet_append_info_uint (pkt, "", (guint) (p[0] << 8 | p[1]));
  ss_packet_append_info_uint (pkt, " → ", (guint) (p[2] << 8 | p[3]));
  ss_packet_append_info_uint (pkt, " Len=", ulen >= 8 ? ulen - 8u : 0);
}

static void
dissect_udp (SsPacket *pkt,
             SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_UDP, r, 0, 8);
  guint16 sport, dport, ulen, csum;
  const SsProtocol *next;
  SsItem *it;
  guint32 payload;

  sport = ss_reader_get_ntohs (r, 0);
  dport = ss_reader_get_ntohs (r, 2);
  ss_layer_add_item (&l, NULL, UDP_F_SRCPORT, 0, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, UDP_F_DSTPORT, 2, 2, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_item (&l, NULL, UDP_F_PORT, 0, 2, SS_ENC_BE), SS_ITEM_HIDDEN);
  ss_item_set_flags (ss_layer_add_item (&l, NULL, UDP_F_PORT, 2, 2, SS_ENC_BE), SS_ITEM_HIDDEN);
  if (ss_reader_failed (r))
    return;
  pkt->srcport = sport;
  pkt->dstport = dport;

  ulen = ss_reader_get_ntohs (r, 4);
  it = ss_layer_add_item (&l, NULL, UDP_F_LENGTH, 4, 2, SS_ENC_BE);
  csum = ss_reader_get_ntohs (r, 6);
  ss_layer_add_item (&l, NULL, UDP_F_CHECKSUM, 6, 2, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_uint (&l, NULL, UDP_F_CHECKSUM_STATUS, 6, 0, csum ? 2 : 3),
                     SS_ITEM_GENERATED);
  if (ss_reader_failed (r))
    return;

  if (l.top)
    ss_item_set_text (pkt, l.top, "User Datagram Protocol, Src Port: %u, Dst Port: %u", sport,
                      dport);
  /* Most datagrams go to a protocol that writes its own Info. */
  ss_packet_clear_info (pkt);
  ss_packet_defer_info (pkt, udp_info, r->data);

  if (ulen == 0 && r->reported > 65535)
    ulen = (guint16) 0;   /* jumbogram: the IPv6 payload length rules */
  else if (ulen < 8)
    {
      ss_packet_add_expert (pkt, it, SS_PROTO_UDP, UDP_E_LENGTH_BAD,
                            _("Bad length value %u < 8"), ulen);
      return;
    }
  else if (ulen > r->reported)
    {
      ss_packet_add_expert (pkt, it, SS_PROTO_UDP, UDP_E_LENGTH_BAD,
                            _("Bad length value %u > IP payload length"), ulen);
      ss_reader_mark (r, 0, ulen);
      return;
    }
  else
    ss_reader_limit (r, ulen);

  payload = ss_reader_remaining (r, 8);
  if (payload > 0)
    ss_layer_add_bytes (&l, NULL, UDP_F_PAYLOAD, 8, payload, r->data + 8, payload);

  /* The lower port is usually the service's (Wireshark tries it first). */
  next = ss_dissectors_for_udp_port (MIN (sport, dport));
  if (!next)
    next = ss_dissectors_for_udp_port (MAX (sport, dport));
  ss_packet_call (pkt, next, r, 8);
}

const SsProtocol ss_proto_udp = {
  .id = SS_PROTO_UDP,
  .abbrev = "udp",
  .short_name = "UDP",
  .name = N_("User Datagram Protocol"),
  .fields = udp_fields,
  .n_fields = UDP_F_COUNT,
  .experts = udp_experts,
  .n_experts = UDP_E_COUNT,
  .dissect = dissect_udp,
};
