/* ss-dissect-frame.c: the "frame" pseudo-protocol
 *
 * Numbers, times and lengths of the record as read from the capture file (pcap, pcapng
 * draft-ietf-opsawg-pcapng), and the root of every dissection. Field names and meanings are
 * Wireshark's frame protocol's.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-frame.h"

enum
{
  FRAME_F_SECTION,
  FRAME_F_INTERFACE_ID,
  FRAME_F_INTERFACE_NAME,
  FRAME_F_INTERFACE_DESCRIPTION,
  FRAME_F_ENCAP_TYPE,
  FRAME_F_TIME,
  FRAME_F_OFFSET_SHIFT,
  FRAME_F_TIME_EPOCH,
  FRAME_F_TIME_DELTA,
  FRAME_F_TIME_DELTA_DISPLAYED,
  FRAME_F_TIME_RELATIVE,
  FRAME_F_NUMBER,
  FRAME_F_LEN,
  FRAME_F_CAP_LEN,
  FRAME_F_MARKED,
  FRAME_F_IGNORED,
  FRAME_F_PROTOCOLS,
  FRAME_F_COMMENT,
  FRAME_F_PACKET_FLAGS,
  FRAME_F_PACKET_FLAGS_DIRECTION,
  FRAME_F_PACKET_FLAGS_RECEPTION,
  FRAME_F_COUNT
};

static const SsValueString direction_vals[] = {
  { 0, "Unknown" }, { 1, "Inbound" }, { 2, "Outbound" }, { 0, NULL }
};

static const SsValueString reception_vals[] = {
  { 0, "Not specified" }, { 1, "Unicast" }, { 2, "Multicast" }, { 3, "Broadcast" },
  { 4, "Promiscuous" }, { 0, NULL }
};

static const SsFieldDef frame_fields[] = {
  [FRAME_F_SECTION] = { "frame.section_number", N_("Section number"), SS_FT_UINT32, SS_BASE_DEC },
  [FRAME_F_INTERFACE_ID] = { "frame.interface_id", N_("Interface id"), SS_FT_UINT32, SS_BASE_DEC },
  [FRAME_F_INTERFACE_NAME] = { "frame.interface_name", N_("Interface name"), SS_FT_STRING },
  [FRAME_F_INTERFACE_DESCRIPTION] = { "frame.interface_description",
                                      N_("Interface description"), SS_FT_STRING },
  [FRAME_F_ENCAP_TYPE] = { "frame.encap_type", N_("Encapsulation type"), SS_FT_INT16,
                           SS_BASE_DEC },
  [FRAME_F_TIME] = { "frame.time", N_("Arrival Time"), SS_FT_ABSOLUTE_TIME, SS_BASE_TIME_LOCAL },
  [FRAME_F_OFFSET_SHIFT] = { "frame.offset_shift", N_("Time shift for this packet"),
                             SS_FT_RELATIVE_TIME },
  [FRAME_F_TIME_EPOCH] = { "frame.time_epoch", N_("Epoch Time"), SS_FT_RELATIVE_TIME },
  [FRAME_F_TIME_DELTA] = { "frame.time_delta", N_("Time delta from previous captured frame"),
                           SS_FT_RELATIVE_TIME },
  [FRAME_F_TIME_DELTA_DISPLAYED] = { "frame.time_delta_displayed",
                                     N_("Time delta from previous displayed frame"),
                                     SS_FT_RELATIVE_TIME },
  [FRAME_F_TIME_RELATIVE] = { "frame.time_relative", N_("Time since reference or first frame"),
                              SS_FT_RELATIVE_TIME },
  [FRAME_F_NUMBER] = { "frame.number", N_("Frame Number"), SS_FT_UINT32, SS_BASE_DEC },
  [FRAME_F_LEN] = { "frame.len", N_("Frame Length"), SS_FT_UINT32, SS_BASE_DEC },
  [FRAME_F_CAP_LEN] = { "frame.cap_len", N_("Capture Length"), SS_FT_UINT32, SS_BASE_DEC },
  [FRAME_F_MARKED] = { "frame.marked", N_("Frame is marked"), SS_FT_BOOLEAN },
  [FRAME_F_IGNORED] = { "frame.ignored", N_("Frame is ignored"), SS_FT_BOOLEAN },
  [FRAME_F_PROTOCOLS] = { "frame.protocols", N_("Protocols in frame"), SS_FT_STRING },
  [FRAME_F_COMMENT] = { "frame.comment", N_("Comment"), SS_FT_STRING },
  [FRAME_F_PACKET_FLAGS] = { "frame.packet_flags", N_("Packet flags"), SS_FT_UINT32,
                             SS_BASE_HEX },
  [FRAME_F_PACKET_FLAGS_DIRECTION] = { "frame.packet_flags_direction", N_("Direction"),
                                       SS_FT_UINT32, SS_BASE_HEX, direction_vals, 0x3 },
  [FRAME_F_PACKET_FLAGS_RECEPTION] = { "frame.packet_flags_reception_type",
                                       N_("Reception type"), SS_FT_UINT32, SS_BASE_DEC,
                                       reception_vals, 0x1c },
};
G_STATIC_ASSERT (G_N_ELEMENTS (frame_fields) == FRAME_F_COUNT);

enum
{
  FRAME_E_COMMENT,
  FRAME_E_LEN_LT_CAPLEN,
  FRAME_E_COUNT
};

static const SsExpertDef frame_experts[] = {
  [FRAME_E_COMMENT] = { "frame.comment.expert", SS_EXPERT_GROUP_COMMENTS, SS_EXPERT_CHAT,
                        N_("Formatted comment") },
  [FRAME_E_LEN_LT_CAPLEN] = { "frame.len_lt_caplen", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                              N_("Frame length is less than captured length") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (frame_experts) == FRAME_E_COUNT);

/* Wireshark's WTAP_ENCAP numbers for the link types we read (frame.encap_type). */
static gint
wtap_encap_for_link_type (guint link_type)
{
  switch (link_type)
    {
    case 0: return 15;      /* NULL */
    case 1: return 1;       /* Ethernet */
    case 101: return 7;     /* raw IP */
    case 108: return 15;    /* OpenBSD loopback, read as NULL */
    case 113: return 25;    /* Linux cooked */
    case 228: return 129;   /* raw IPv4 */
    case 229: return 130;   /* raw IPv6 */
    case 276: return 210;   /* Linux cooked v2 */
    default: return -1;
    }
}

static void
set_time (SsValue *v,
          gint64   ns)
{
  v->time.secs = ns / 1000000000;
  v->time.nsecs = (gint32) (ns % 1000000000);
}

static SsItem *
add_reltime (SsLayer *l,
             SsItem  *parent,
             guint    field,
             gint64   ns)
{
  SsValue v;

  set_time (&v, ns);
  return ss_layer_add_time (l, parent, field, 0, 0, v.time.secs, v.time.nsecs);
}

static void
dissect_comments (SsPacket        *pkt,
                  const SsCapfile *cap,
                  guint            index,
                  SsReader        *r)
{
  SsLayer l = { pkt, r, SS_PROTO_FRAME, pkt->bases[SS_PROTO_FRAME], NULL };
  g_auto(GStrv) comments = ss_capfile_dup_frame_comments (cap, index);
  SsItem *node;

  if (!comments)
    return;
  node = ss_layer_add_text (&l, NULL, 0, 0, "%s", _("Packet comments"));
  for (guint i = 0; comments[i]; i++)
    {
      SsItem *c = ss_layer_add_string (&l, node, FRAME_F_COMMENT, 0, 0, comments[i], -1);

      ss_item_set_text (pkt, c, "%s", comments[i]);
      ss_packet_add_expert (pkt, c, SS_PROTO_FRAME, FRAME_E_COMMENT, "%s", comments[i]);
    }
}

/* The frame's own items, which read no bytes; returns frame.protocols' item, filled in at the
 * end. */
static SsItem *
add_items (SsLayer             *l,
           const SsCapfile     *cap,
           const SsInterface   *iface,
           const SsFrameRecord *first,
           gint64               secs,
           gint32               nsecs)
{
  SsPacket *pkt = l->pkt;
  SsItem *protocols;
  SsItem *it;

  if (ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAPNG && iface)
    {
      ss_layer_add_uint (l, NULL, FRAME_F_SECTION, 0, 0, iface->section + 1);
      it = ss_layer_add_uint (l, NULL, FRAME_F_INTERFACE_ID, 0, 0, pkt->interface_id);
      /* Wireshark calls an interface without if_name "unknown". */
      ss_item_append_text (pkt, it, " (%s)", iface->name ? iface->name : "unknown");
      ss_layer_add_string (l, it, FRAME_F_INTERFACE_NAME, 0, 0,
                           iface->name ? iface->name : "unknown", -1);
      if (iface->description)
        ss_layer_add_string (l, it, FRAME_F_INTERFACE_DESCRIPTION, 0, 0, iface->description, -1);
    }
  if (pkt->epb_flags)
    {
      SsItem *flags = ss_layer_add_uint (l, NULL, FRAME_F_PACKET_FLAGS, 0, 0, pkt->epb_flags);

      ss_layer_add_uint (l, flags, FRAME_F_PACKET_FLAGS_DIRECTION, 0, 0, pkt->epb_flags & 0x3);
      ss_layer_add_uint (l, flags, FRAME_F_PACKET_FLAGS_RECEPTION, 0, 0,
                         (pkt->epb_flags & 0x1c) >> 2);
    }

  it = ss_layer_add_int (l, NULL, FRAME_F_ENCAP_TYPE, 0, 0,
                         wtap_encap_for_link_type (pkt->link_type));
  if (it && ss_link_type_name (pkt->link_type))
    ss_item_set_text (pkt, it, "%s: %s (%d)", _("Encapsulation type"),
                      ss_link_type_name (pkt->link_type), (int) it->v.i);

  ss_layer_add_time (l, NULL, FRAME_F_TIME, 0, 0, secs, nsecs);
  ss_item_set_flags (add_reltime (l, NULL, FRAME_F_OFFSET_SHIFT, 0), SS_ITEM_GENERATED);
  ss_layer_add_time (l, NULL, FRAME_F_TIME_EPOCH, 0, 0, secs, nsecs);
  ss_item_set_flags (add_reltime (l, NULL, FRAME_F_TIME_DELTA,
                                  pkt->has_prev ? pkt->ts_ns - pkt->prev_ts_ns : 0),
                     SS_ITEM_GENERATED);
  ss_item_set_flags (add_reltime (l, NULL, FRAME_F_TIME_DELTA_DISPLAYED,
                                  pkt->has_prev ? pkt->ts_ns - pkt->prev_ts_ns : 0),
                     SS_ITEM_GENERATED);
  ss_item_set_flags (add_reltime (l, NULL, FRAME_F_TIME_RELATIVE, pkt->ts_ns - first->ts_ns),
                     SS_ITEM_GENERATED);
  ss_layer_add_uint (l, NULL, FRAME_F_NUMBER, 0, 0, pkt->number);
  /* Texts are translated only for items kept: a pass that keeps few fields calls no gettext
   * per frame. */
  it = ss_layer_add_uint (l, NULL, FRAME_F_LEN, 0, 0, pkt->len);
  if (it)
    ss_item_set_text (pkt, it, _("Frame Length: %u bytes (%u bits)"), pkt->len, pkt->len * 8);
  if (pkt->len < pkt->caplen)
    ss_packet_add_expert (pkt, it, SS_PROTO_FRAME, FRAME_E_LEN_LT_CAPLEN, NULL);
  it = ss_layer_add_uint (l, NULL, FRAME_F_CAP_LEN, 0, 0, pkt->caplen);
  if (it)
    ss_item_set_text (pkt, it, _("Capture Length: %u bytes (%u bits)"), pkt->caplen,
                      pkt->caplen * 8);
  ss_item_set_flags (ss_layer_add_uint (l, NULL, FRAME_F_MARKED, 0, 0, 0), SS_ITEM_GENERATED);
  ss_item_set_flags (ss_layer_add_uint (l, NULL, FRAME_F_IGNORED, 0, 0, 0), SS_ITEM_GENERATED);
  protocols = ss_layer_add_string (l, NULL, FRAME_F_PROTOCOLS, 0, 0, "", -1);
  ss_item_set_flags (protocols, SS_ITEM_GENERATED);
  return protocols;
}

void
ss_frame_dissect (SsPacket        *pkt,
                  const SsCapfile *cap,
                  guint            index)
{
  const SsInterface *iface = ss_capfile_get_interface (cap, pkt->interface_id);
  const SsFrameRecord *first = ss_capfile_get_frame (cap, 0);
  SsReader r;
  SsLayer l;
  SsItem *protocols = NULL;
  gint64 secs = pkt->ts_ns / 1000000000;
  gint32 nsecs = (gint32) (pkt->ts_ns % 1000000000);

  if (nsecs < 0)
    {
      nsecs += 1000000000;
      secs -= 1;
    }

  ss_reader_init (&r, pkt->data, pkt->caplen, pkt->len, &pkt->status);

  if (ss_capfile_get_frame (cap, index)->has_options)
    dissect_comments (pkt, cap, index, &r);

  l = ss_packet_begin_layer (pkt, SS_PROTO_FRAME, &r, 0, -1);
  if (l.top)
    {
      const char *name = NULL;

      if (iface && ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAPNG)
        name = iface->name ? iface->name : "unknown";
      if (name)
        ss_item_set_text (pkt, l.top,
                          _("Frame %u: %u bytes on wire (%u bits), %u bytes captured (%u bits) "
                            "on interface %s, id %u"),
                          pkt->number, pkt->len, pkt->len * 8, pkt->caplen, pkt->caplen * 8,
                          name, pkt->interface_id);
      else
        ss_item_set_text (pkt, l.top,
                          _("Frame %u: %u bytes on wire (%u bits), %u bytes captured (%u bits)"),
                          pkt->number, pkt->len, pkt->len * 8, pkt->caplen, pkt->caplen * 8);
    }

  /* Nothing to add when no frame field is wanted. */
  if (ss_layer_wants_any (&l))
    protocols = add_items (&l, cap, iface, first, secs, nsecs);
  else if (pkt->len < pkt->caplen)
    ss_packet_add_expert (pkt, NULL, SS_PROTO_FRAME, FRAME_E_LEN_LT_CAPLEN, NULL);

  if (ss_capfile_get_frame (cap, index)->has_options)
    ss_ebpf_dissect (pkt, cap, index, &r);
  ss_packet_call (pkt, ss_dissectors_for_link_type (pkt->link_type), &r, 0);

  ss_ws_finish_frame (pkt);

  if (protocols)
    protocols->v.str = ss_arena_strdup (pkt->arena, pkt->protocols);
}

const SsProtocol ss_proto_frame = {
  .id = SS_PROTO_FRAME,
  .abbrev = "frame",
  .short_name = "Frame",
  .name = N_("Frame"),
  .fields = frame_fields,
  .n_fields = FRAME_F_COUNT,
  .experts = frame_experts,
  .n_experts = FRAME_E_COUNT,
  .dissect = NULL,
};
