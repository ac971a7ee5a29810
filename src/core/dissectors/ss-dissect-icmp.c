/* ss-dissect-icmp.c: Internet Control Message Protocol (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_icmp (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_ICMP, r, 0, -1);
}

const SsProtocol ss_proto_icmp = {
  .id = SS_PROTO_ICMP,
  .abbrev = "icmp",
  .short_name = "ICMP",
  .name = N_("Internet Control Message Protocol"),
  .dissect = dissect_icmp,
};
