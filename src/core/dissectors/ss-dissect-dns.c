/* ss-dissect-dns.c: Domain Name System (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_dns (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_DNS, r, 0, -1);
}

const SsProtocol ss_proto_dns = {
  .id = SS_PROTO_DNS,
  .abbrev = "dns",
  .short_name = "DNS",
  .name = N_("Domain Name System"),
  .dissect = dissect_dns,
};
