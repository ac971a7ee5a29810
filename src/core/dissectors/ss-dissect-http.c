/* ss-dissect-http.c: Hypertext Transfer Protocol (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_http (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_HTTP, r, 0, -1);
}

const SsProtocol ss_proto_http = {
  .id = SS_PROTO_HTTP,
  .abbrev = "http",
  .short_name = "HTTP",
  .name = N_("Hypertext Transfer Protocol"),
  .dissect = dissect_http,
};
