/* ss-dissect-ipv6.c: Internet Protocol Version 6 (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_ipv6 (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_IPV6, r, 0, -1);
}

const SsProtocol ss_proto_ipv6 = {
  .id = SS_PROTO_IPV6,
  .abbrev = "ipv6",
  .short_name = "IPv6",
  .name = N_("Internet Protocol Version 6"),
  .dissect = dissect_ipv6,
};
