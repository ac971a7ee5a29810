/* ss-dissect-ip.c: Internet Protocol version 4 (RFC 791; DSCP/ECN per RFC 2474 and RFC 3168)
 *
 * The header length is checked against what is there before anything after it is read, the
 * total length bounds the payload (the rest is link-layer padding), and fragments other than a
 * whole datagram are shown as data: StratoShark does not reassemble IPv4 fragments yet.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-ip-proto.h"

enum
{
  IP_F_VERSION,
  IP_F_HDR_LEN,
  IP_F_DSFIELD,
  IP_F_DSFIELD_DSCP,
  IP_F_DSFIELD_ECN,
  IP_F_LEN,
  IP_F_ID,
  IP_F_FLAGS,
  IP_F_FLAGS_RB,
  IP_F_FLAGS_DF,
  IP_F_FLAGS_MF,
  IP_F_FRAG_OFFSET,
  IP_F_TTL,
  IP_F_PROTO,
  IP_F_CHECKSUM,
  IP_F_CHECKSUM_STATUS,
  IP_F_SRC,
  IP_F_ADDR,
  IP_F_SRC_HOST,
  IP_F_HOST,
  IP_F_DST,
  IP_F_DST_HOST,
  IP_F_OPTIONS,
  IP_F_COUNT
};

static const SsValueString dscp_vals[] = {
  { 0, "Default" }, { 8, "Class Selector 1" }, { 10, "Assured Forwarding 11" },
  { 12, "Assured Forwarding 12" }, { 14, "Assured Forwarding 13" }, { 16, "Class Selector 2" },
  { 18, "Assured Forwarding 21" }, { 20, "Assured Forwarding 22" },
  { 22, "Assured Forwarding 23" }, { 24, "Class Selector 3" }, { 26, "Assured Forwarding 31" },
  { 28, "Assured Forwarding 32" }, { 30, "Assured Forwarding 33" }, { 32, "Class Selector 4" },
  { 34, "Assured Forwarding 41" }, { 36, "Assured Forwarding 42" },
  { 38, "Assured Forwarding 43" }, { 40, "Class Selector 5" }, { 44, "Voice Admit" },
  { 46, "Expedited Forwarding" }, { 48, "Class Selector 6" }, { 56, "Class Selector 7" },
  { 0, NULL }
};

static const SsValueString ecn_vals[] = {
  { 0, "Not ECN-Capable Transport" }, { 1, "ECN-Capable Transport codepoint '01'" },
  { 2, "ECN-Capable Transport codepoint '10'" }, { 3, "Congestion Experienced" }, { 0, NULL }
};

static const SsValueString checksum_status_vals[] = {
  { 0, "Bad" }, { 1, "Good" }, { 2, "Unverified" }, { 3, "Not present" }, { 4, "Illegal" },
  { 0, NULL }
};

static const SsFieldDef ip_fields[] = {
  [IP_F_VERSION] = { "ip.version", N_("Version"), SS_FT_UINT8, SS_BASE_DEC },
  [IP_F_HDR_LEN] = { "ip.hdr_len", N_("Header Length"), SS_FT_UINT8, SS_BASE_DEC },
  [IP_F_DSFIELD] = { "ip.dsfield", N_("Differentiated Services Field"), SS_FT_UINT8,
                     SS_BASE_HEX },
  [IP_F_DSFIELD_DSCP] = { "ip.dsfield.dscp", N_("Differentiated Services Codepoint"),
                          SS_FT_UINT8, SS_BASE_DEC, dscp_vals, 0xfc },
  [IP_F_DSFIELD_ECN] = { "ip.dsfield.ecn", N_("Explicit Congestion Notification"), SS_FT_UINT8,
                         SS_BASE_DEC, ecn_vals, 0x03 },
  [IP_F_LEN] = { "ip.len", N_("Total Length"), SS_FT_UINT16, SS_BASE_DEC },
  [IP_F_ID] = { "ip.id", N_("Identification"), SS_FT_UINT16, SS_BASE_HEX_DEC },
  [IP_F_FLAGS] = { "ip.flags", N_("Flags"), SS_FT_UINT8, SS_BASE_HEX, NULL, 0xe0 },
  [IP_F_FLAGS_RB] = { "ip.flags.rb", N_("Reserved bit"), SS_FT_BOOLEAN, 8, NULL, 0x80 },
  [IP_F_FLAGS_DF] = { "ip.flags.df", N_("Don't fragment"), SS_FT_BOOLEAN, 8, NULL, 0x40 },
  [IP_F_FLAGS_MF] = { "ip.flags.mf", N_("More fragments"), SS_FT_BOOLEAN, 8, NULL, 0x20 },
  [IP_F_FRAG_OFFSET] = { "ip.frag_offset", N_("Fragment Offset"), SS_FT_UINT16, SS_BASE_DEC,
                         NULL, 0x1fff },
  [IP_F_TTL] = { "ip.ttl", N_("Time to Live"), SS_FT_UINT8, SS_BASE_DEC },
  [IP_F_PROTO] = { "ip.proto", N_("Protocol"), SS_FT_UINT8, SS_BASE_DEC, ss_ip_proto_vals },
  [IP_F_CHECKSUM] = { "ip.checksum", N_("Header Checksum"), SS_FT_UINT16, SS_BASE_HEX },
  [IP_F_CHECKSUM_STATUS] = { "ip.checksum.status", N_("Header checksum status"), SS_FT_UINT8,
                             SS_BASE_NONE, checksum_status_vals },
  [IP_F_SRC] = { "ip.src", N_("Source Address"), SS_FT_IPv4 },
  [IP_F_ADDR] = { "ip.addr", N_("Source or Destination Address"), SS_FT_IPv4 },
  [IP_F_SRC_HOST] = { "ip.src_host", N_("Source Host"), SS_FT_STRING },
  [IP_F_HOST] = { "ip.host", N_("Source or Destination Host"), SS_FT_STRING },
  [IP_F_DST] = { "ip.dst", N_("Destination Address"), SS_FT_IPv4 },
  [IP_F_DST_HOST] = { "ip.dst_host", N_("Destination Host"), SS_FT_STRING },
  [IP_F_OPTIONS] = { "ip.options", N_("Options"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ip_fields) == IP_F_COUNT);

enum
{
  IP_E_BOGUS_HDR_LEN,
  IP_E_BOGUS_LEN,
  IP_E_LEN_PAST_END,
  IP_E_BAD_VERSION,
  IP_E_TTL_ZERO,
  IP_E_COUNT
};

static const SsExpertDef ip_experts[] = {
  [IP_E_BOGUS_HDR_LEN] = { "ip.bogus_header_length", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_ERROR,
                           N_("Bogus IP header length") },
  [IP_E_BOGUS_LEN] = { "ip.bogus_ip_length", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_ERROR,
                       N_("Bogus IP length") },
  [IP_E_LEN_PAST_END] = { "ip.bogus_ip_length", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_ERROR,
                          N_("IPv4 total length exceeds packet length") },
  [IP_E_BAD_VERSION] = { "ip.bogus_ip_version", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_ERROR,
                         N_("Bogus IP version") },
  [IP_E_TTL_ZERO] = { "ip.ttl.lncb", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_NOTE,
                      N_("Time To Live is zero") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ip_experts) == IP_E_COUNT);

static void
add_address (SsLayer      *l,
             guint         field,
             guint         host_field,
             guint         off,
             const guint8 *a)
{
  char buf[16];

  ss_layer_add_item (l, NULL, field, off, 4, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_item (l, NULL, IP_F_ADDR, off, 4, SS_ENC_BE), SS_ITEM_HIDDEN);
  /* Names are never resolved, so the host fields hold the address text (as tshark -n). */
  if (!ss_layer_wants (l, host_field) && !ss_layer_wants (l, IP_F_HOST))
    return;
  g_snprintf (buf, sizeof buf, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
  ss_item_set_flags (ss_layer_add_string (l, NULL, host_field, off, 4, buf, -1), SS_ITEM_HIDDEN);
  ss_item_set_flags (ss_layer_add_string (l, NULL, IP_F_HOST, off, 4, buf, -1), SS_ITEM_HIDDEN);
}

static void
dissect_ip (SsPacket *pkt,
            SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_IP, r, 0, 20);
  guint8 vhl = ss_reader_get_u8 (r, 0);
  guint hlen = (vhl & 0x0f) * 4;
  guint16 total, frag;
  guint8 proto, flags;
  const guint8 *src, *dst;
  SsItem *it = NULL, *sub;
  char sbuf[18], dbuf[18];
  /* The header's items read no byte that the reads below do not check too, in the same order:
   * when no IP field is wanted they are left out, and a short header is marked the same. */
  gboolean items = ss_layer_wants_any (&l);

  if (ss_reader_failed (r))
    return;

  if (items)
    it = ss_layer_add_uint (&l, NULL, IP_F_VERSION, 0, 1, vhl >> 4);
  ss_item_set_text (pkt, it, "%04u .... = Version: %u",
                    (vhl >> 7 & 1) * 1000 + (vhl >> 6 & 1) * 100 + (vhl >> 5 & 1) * 10
                    + (vhl >> 4 & 1), vhl >> 4);
  if ((vhl >> 4) != 4)
    {
      ss_packet_add_expert (pkt, it, SS_PROTO_IP, IP_E_BAD_VERSION, NULL);
      ss_packet_set_info (pkt, "Bogus IPv4 version (%u, must be 4)", vhl >> 4);
      return;
    }
  if (items)
    it = ss_layer_add_uint (&l, NULL, IP_F_HDR_LEN, 0, 1, hlen);
  ss_item_set_text (pkt, it, ".... %u%u%u%u = Header Length: %u bytes (%u)", vhl >> 3 & 1,
                    vhl >> 2 & 1, vhl >> 1 & 1, vhl & 1, hlen, vhl & 0x0f);
  if (hlen < 20)
    {
      ss_packet_add_expert (pkt, it, SS_PROTO_IP, IP_E_BOGUS_HDR_LEN,
                            _("Bogus IP header length (%u, must be at least 20)"), hlen);
      ss_packet_set_info (pkt, "Bogus IP header length (%u, must be at least 20)", hlen);
      return;
    }

  if (items)
    {
      sub = ss_layer_add_item (&l, NULL, IP_F_DSFIELD, 1, 1, SS_ENC_BE);
      ss_layer_add_item (&l, sub, IP_F_DSFIELD_DSCP, 1, 1, SS_ENC_BE);
      ss_layer_add_item (&l, sub, IP_F_DSFIELD_ECN, 1, 1, SS_ENC_BE);
    }

  total = ss_reader_get_ntohs (r, 2);
  if (items)
    it = ss_layer_add_item (&l, NULL, IP_F_LEN, 2, 2, SS_ENC_BE);
  if (ss_reader_failed (r))
    return;
  if (total < hlen)
    {
      /* TSO super-frames carry 0 here; Wireshark then uses the captured length. */
      if (total == 0)
        total = MIN (r->reported, 0xffffu);
      else
        {
          ss_packet_add_expert (pkt, it, SS_PROTO_IP, IP_E_BOGUS_LEN,
                                _("Bogus IP length (%u, less than header length %u)"), total,
                                hlen);
          ss_packet_set_info (pkt, "Bogus IP length (%u, less than header length %u)", total,
                              hlen);
          return;
        }
    }
  else if (total > r->reported)
    {
      ss_packet_add_expert (pkt, it, SS_PROTO_IP, IP_E_LEN_PAST_END,
                            _("IPv4 total length exceeds packet length (%u bytes)"),
                            r->reported);
      total = r->reported;
    }
  ss_reader_limit (r, total);

  if (items)
    ss_layer_add_item (&l, NULL, IP_F_ID, 4, 2, SS_ENC_BE);
  flags = ss_reader_get_u8 (r, 6);
  frag = ss_reader_get_ntohs (r, 6) & 0x1fff;
  if (items)
    {
      sub = ss_layer_add_item (&l, NULL, IP_F_FLAGS, 6, 1, SS_ENC_BE);
      if (sub)
        ss_item_set_text (pkt, sub, "%u%u%u. .... = Flags: 0x%x%s%s", flags >> 7 & 1,
                          flags >> 6 & 1, flags >> 5 & 1, flags >> 5,
                          (flags & 0x40) ? ", Don't fragment" : "",
                          (flags & 0x20) ? ", More fragments" : "");
      ss_layer_add_item (&l, sub, IP_F_FLAGS_RB, 6, 1, SS_ENC_BE);
      ss_layer_add_item (&l, sub, IP_F_FLAGS_DF, 6, 1, SS_ENC_BE);
      ss_layer_add_item (&l, sub, IP_F_FLAGS_MF, 6, 1, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, IP_F_FRAG_OFFSET, 6, 2, SS_ENC_BE);
      ss_layer_add_item (&l, NULL, IP_F_TTL, 8, 1, SS_ENC_BE);
    }
  proto = ss_reader_get_u8 (r, 9);
  if (items)
    {
      ss_layer_add_item (&l, NULL, IP_F_PROTO, 9, 1, SS_ENC_BE);
      it = ss_layer_add_item (&l, NULL, IP_F_CHECKSUM, 10, 2, SS_ENC_BE);
      ss_item_append_text (pkt, it, " [validation disabled]");
      ss_item_set_flags (ss_layer_add_uint (&l, NULL, IP_F_CHECKSUM_STATUS, 10, 0, 2),
                         SS_ITEM_GENERATED);
    }

  src = ss_reader_peek (r, 12, 4);
  dst = ss_reader_peek (r, 16, 4);
  if (!src || !dst)
    return;
  if (items)
    {
      add_address (&l, IP_F_SRC, IP_F_SRC_HOST, 12, src);
      add_address (&l, IP_F_DST, IP_F_DST_HOST, 16, dst);
    }
  ss_packet_set_net_addresses (pkt, SS_ADDR_IPV4, src, dst);
  if (l.top)
    ss_item_set_text (pkt, l.top, "Internet Protocol Version 4, Src: %s, Dst: %s",
                      ss_address_to_string (&pkt->net_src, sbuf, sizeof sbuf),
                      ss_address_to_string (&pkt->net_dst, dbuf, sizeof dbuf));

  if (!ss_reader_check (r, 20, hlen - 20))
    return;
  if (hlen > 20)
    ss_layer_add_item (&l, NULL, IP_F_OPTIONS, 20, hlen - 20, SS_ENC_BE);
  if (l.top)
    ss_item_set_length (l.top, hlen);

  pkt->ip_proto = proto;
  if (frag != 0 || (flags & 0x20))
    {
      ss_packet_set_info (pkt, "Fragmented IP protocol (proto=%s %u, off=%u, ID=%04x)",
                          ss_value_string_lookup (ss_ip_proto_vals, proto)
                          ? ss_value_string_lookup (ss_ip_proto_vals, proto) : "Unknown",
                          proto, frag * 8, ss_reader_get_ntohs (r, 4));
      ss_packet_call (pkt, NULL, r, hlen);
      return;
    }
  ss_packet_call (pkt, ss_dissectors_for_ip_proto (proto), r, hlen);
}

void
ss_ip_add_version_hidden (SsPacket *pkt,
                          SsReader *r,
                          guint     version)
{
  SsLayer l = { pkt, r, SS_PROTO_IP, pkt->bases[SS_PROTO_IP], NULL };

  ss_item_set_flags (ss_layer_add_uint (&l, NULL, IP_F_VERSION, 0, 1, version), SS_ITEM_HIDDEN);
}

const SsProtocol ss_proto_ip = {
  .id = SS_PROTO_IP,
  .abbrev = "ip",
  .short_name = "IPv4",
  .name = N_("Internet Protocol Version 4"),
  .fields = ip_fields,
  .n_fields = IP_F_COUNT,
  .experts = ip_experts,
  .n_experts = IP_E_COUNT,
  .dissect = dissect_ip,
};
