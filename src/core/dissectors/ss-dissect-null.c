/* ss-dissect-null.c: BSD loopback encapsulation, LINKTYPE_NULL (0) and LINKTYPE_LOOP (108)
 *
 * A 4-byte address family, in the byte order of the capturing host for LINKTYPE_NULL and in
 * network order for LINKTYPE_LOOP. IPv6's value differs between BSDs (24, 28, 30).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-ethertype.h"

enum
{
  NULL_F_FAMILY,
  NULL_F_TYPE,
  NULL_F_COUNT
};

static const SsValueString family_vals[] = {
  { 2, "IP" }, { 7, "OSI" }, { 16, "Appletalk" }, { 23, "Netware IPX/SPX" },
  { 24, "IPv6" }, { 28, "IPv6" }, { 30, "IPv6" }, { 0, NULL }
};

static const SsFieldDef null_fields[] = {
  [NULL_F_FAMILY] = { "null.family", N_("Family"), SS_FT_UINT32, SS_BASE_DEC, family_vals },
  [NULL_F_TYPE] = { "null.type", N_("Type"), SS_FT_UINT16, SS_BASE_HEX, ss_ethertype_vals },
};
G_STATIC_ASSERT (G_N_ELEMENTS (null_fields) == NULL_F_COUNT);

static void
dissect_null (SsPacket *pkt,
              SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_NULL, r, 0, 4);
  guint32 be = ss_reader_get_ntohl (r, 0);
  guint32 family;
  const SsProtocol *next = NULL;
  SsItem *it;

  if (ss_reader_failed (r))
    return;
  if (l.top)
    ss_item_set_text (pkt, l.top, "Null/Loopback");

  /* A value that only fits in the upper half was written little-endian. */
  if (pkt->link_type == 108 || (be & 0xffff0000u) == 0)
    family = be;
  else
    family = ss_reader_get_letohl (r, 0);

  if (family > 0xffff || (family > 1500 && (family & 0xffff0000u) == 0 && pkt->link_type != 108
                          && ss_value_string_lookup (family_vals, family) == NULL
                          && ss_dissectors_for_ethertype (family)))
    {
      /* Some captures put an EtherType here instead. */
      ss_layer_add_uint (&l, NULL, NULL_F_TYPE, 0, 4, family & 0xffff);
      ss_packet_call (pkt, ss_dissectors_for_ethertype (family & 0xffff), r, 4);
      return;
    }

  it = ss_layer_add_uint (&l, NULL, NULL_F_FAMILY, 0, 4, family);
  (void) it;
  switch (family)
    {
    case 2:
      next = &ss_proto_ip;
      break;
    case 24:
    case 28:
    case 30:
      next = &ss_proto_ipv6;
      break;
    default:
      break;
    }
  ss_packet_call (pkt, next, r, 4);
}

const SsProtocol ss_proto_null = {
  .id = SS_PROTO_NULL,
  .abbrev = "null",
  .short_name = "NULL",
  .name = N_("Null/Loopback"),
  .fields = null_fields,
  .n_fields = NULL_F_COUNT,
  .dissect = dissect_null,
};
