/* ss-dissect-tls.c: Transport Layer Security (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_tls (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_TLS, r, 0, -1);
}

const SsProtocol ss_proto_tls = {
  .id = SS_PROTO_TLS,
  .abbrev = "tls",
  .short_name = "TLS",
  .name = N_("Transport Layer Security"),
  .dissect = dissect_tls,
};
