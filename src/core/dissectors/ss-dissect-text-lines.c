/* ss-dissect-text-lines.c: Line-based text data (placeholder until the dissector lands) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

static void
dissect_text_lines (SsPacket *pkt,
             SsReader *r)
{
  ss_packet_begin_layer (pkt, SS_PROTO_TEXT_LINES, r, 0, -1);
}

const SsProtocol ss_proto_text_lines = {
  .id = SS_PROTO_TEXT_LINES,
  .abbrev = "data-text-lines",
  .short_name = "data-text-lines",
  .name = N_("Line-based text data"),
  .dissect = dissect_text_lines,
};
