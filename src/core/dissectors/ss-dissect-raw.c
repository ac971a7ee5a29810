/* ss-dissect-raw.c: LINKTYPE_RAW (101), an IPv4 or IPv6 packet with no link header; the version
 * nibble says which. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_raw (SsPacket *pkt,
             SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_RAW, r, 0, 0);
  guint8 v = ss_reader_get_u8 (r, 0) >> 4;

  if (l.top)
    ss_item_set_text (pkt, l.top, "Raw packet data");
  if (ss_reader_failed (r))
    return;
  ss_packet_call (pkt, v == 4 ? &ss_proto_ip : v == 6 ? &ss_proto_ipv6 : NULL, r, 0);
}

const SsProtocol ss_proto_raw = {
  .id = SS_PROTO_RAW,
  .abbrev = "raw",
  .short_name = "Raw",
  .name = N_("Raw packet data"),
  .dissect = dissect_raw,
};
