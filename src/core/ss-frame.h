/* ss-frame.h: the frame pseudo-protocol, the root of every dissection */
#pragma once

#include "ss-capfile.h"
#include "ss-packet.h"

G_BEGIN_DECLS

/* Adds the frame layer (numbers, times, lengths, comments) from the capture file's record, hands
 * the bytes to the link-layer dissector and, at the end, turns the readers' marks into the
 * malformed or truncated items. */
void ss_frame_dissect (SsPacket        *pkt,
                       const SsCapfile *cap,
                       guint            index);

G_END_DECLS
