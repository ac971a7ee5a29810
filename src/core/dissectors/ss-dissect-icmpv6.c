/* ss-dissect-icmpv6.c: Internet Control Message Protocol v6 (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_icmpv6 (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_ICMPV6, r, 0, -1);
}

const SsProtocol ss_proto_icmpv6 = {
  .id = SS_PROTO_ICMPV6,
  .abbrev = "icmpv6",
  .short_name = "ICMPv6",
  .name = N_("Internet Control Message Protocol v6"),
  .dissect = dissect_icmpv6,
};
