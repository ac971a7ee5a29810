/* ss-dissect-pgsql.c: PostgreSQL (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_pgsql (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_PGSQL, r, 0, -1);
}

const SsProtocol ss_proto_pgsql = {
  .id = SS_PROTO_PGSQL,
  .abbrev = "pgsql",
  .short_name = "PGSQL",
  .name = N_("PostgreSQL"),
  .dissect = dissect_pgsql,
};
