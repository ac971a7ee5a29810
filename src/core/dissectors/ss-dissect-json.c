/* ss-dissect-json.c: JavaScript Object Notation (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_json (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_JSON, r, 0, -1);
}

const SsProtocol ss_proto_json = {
  .id = SS_PROTO_JSON,
  .abbrev = "json",
  .short_name = "JSON",
  .name = N_("JavaScript Object Notation"),
  .dissect = dissect_json,
};
