/* ss-dissect-arp.c: Address Resolution Protocol (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_arp (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_ARP, r, 0, -1);
}

const SsProtocol ss_proto_arp = {
  .id = SS_PROTO_ARP,
  .abbrev = "arp",
  .short_name = "ARP",
  .name = N_("Address Resolution Protocol"),
  .dissect = dissect_arp,
};
