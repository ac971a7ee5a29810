/* ss-dissect-ws.c: Wireshark's "_ws" pseudo-protocols: malformed and short packets, and the
 * fields every Expert Information item carries (_ws.expert.*). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

enum
{
  WS_F_MALFORMED,
  WS_F_SHORT,
  WS_F_COUNT
};

static const SsFieldDef ws_fields[] = {
  [WS_F_MALFORMED] = { "_ws.malformed", N_("Malformed Packet"), SS_FT_PROTOCOL },
  [WS_F_SHORT] = { "_ws.short", N_("Packet size limited during capture"), SS_FT_PROTOCOL },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ws_fields) == WS_F_COUNT);

enum
{
  WS_E_MALFORMED,
  WS_E_COUNT
};

static const SsExpertDef ws_experts[] = {
  [WS_E_MALFORMED] = { "_ws.malformed.expert", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                       N_("Malformed Packet (Exception occurred)") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ws_experts) == WS_E_COUNT);

/* Severity and group values are Wireshark's PI_* constants, so filters written for it work. */
static const SsValueString severity_vals[] = {
  { 0x00200000, "Chat" }, { 0x00400000, "Note" }, { 0x00600000, "Warning" },
  { 0x00800000, "Error" }, { 0, NULL }
};

static const SsValueString group_vals[] = {
  { 0x01000000, "Checksum" }, { 0x02000000, "Sequence" }, { 0x03000000, "Response" },
  { 0x04000000, "Request" }, { 0x05000000, "Undecoded" }, { 0x06000000, "Reassemble" },
  { 0x07000000, "Malformed" }, { 0x08000000, "Debug" }, { 0x09000000, "Protocol" },
  { 0x0a000000, "Security" }, { 0x0b000000, "Comment" }, { 0x0c000000, "Decryption" },
  { 0x0d000000, "Assumption" }, { 0x0e000000, "Deprecated" }, { 0, NULL }
};

enum
{
  EXPERT_F_MESSAGE,
  EXPERT_F_SEVERITY,
  EXPERT_F_GROUP,
  EXPERT_F_COUNT
};

static const SsFieldDef expert_fields[] = {
  [EXPERT_F_MESSAGE] = { "_ws.expert.message", N_("Message"), SS_FT_STRING },
  [EXPERT_F_SEVERITY] = { "_ws.expert.severity", N_("Severity level"), SS_FT_UINT32, SS_BASE_DEC,
                          severity_vals },
  [EXPERT_F_GROUP] = { "_ws.expert.group", N_("Group"), SS_FT_UINT32, SS_BASE_DEC, group_vals },
};
G_STATIC_ASSERT (G_N_ELEMENTS (expert_fields) == EXPERT_F_COUNT);

void
ss_ws_finish_frame (SsPacket *pkt)
{
  const SsProtocol *where = ss_dissectors_get (pkt->current);
  SsReader none;
  SsLayer l;

  if (!(pkt->status & (SS_READER_MALFORMED | SS_READER_TRUNCATED)))
    return;

  ss_reader_init (&none, NULL, 0, 0, NULL);
  l = (SsLayer) { pkt, &none, SS_PROTO_WS, pkt->bases[SS_PROTO_WS], NULL };

  if (pkt->status & SS_READER_MALFORMED)
    {
      SsItem *it = ss_layer_add_string (&l, NULL, WS_F_MALFORMED, 0, 0, NULL, 0);

      ss_item_set_text (pkt, it, _("[Malformed Packet: %s]"), where->short_name);
      ss_packet_add_expert (pkt, it, SS_PROTO_WS, WS_E_MALFORMED, NULL);
      ss_packet_append_info (pkt, "%s", _("[Malformed Packet]"));
      ss_packet_add_protocols_entry (pkt, "_ws.malformed");
    }
  else
    {
      SsItem *it = ss_layer_add_string (&l, NULL, WS_F_SHORT, 0, 0, NULL, 0);

      ss_item_set_text (pkt, it, _("[Packet size limited during capture: %s truncated]"),
                        where->short_name);
    }
}

const SsProtocol ss_proto_ws = {
  .id = SS_PROTO_WS,
  .abbrev = "_ws",
  .short_name = "_ws",
  .name = N_("Wireshark pseudo-protocols"),
  .fields = ws_fields,
  .n_fields = WS_F_COUNT,
  .experts = ws_experts,
  .n_experts = WS_E_COUNT,
};

const SsProtocol ss_proto_expert = {
  .id = SS_PROTO_EXPERT,
  .abbrev = "_ws.expert",
  .short_name = "Expert",
  .name = N_("Expert Info"),
  .fields = expert_fields,
  .n_fields = EXPERT_F_COUNT,
};
