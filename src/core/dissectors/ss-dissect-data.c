/* ss-dissect-data.c: bytes no dissector claimed */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

enum
{
  DATA_F_DATA,
  DATA_F_LEN,
  DATA_F_COUNT
};

static const SsFieldDef data_fields[] = {
  [DATA_F_DATA] = { "data.data", N_("Data"), SS_FT_BYTES },
  [DATA_F_LEN] = { "data.len", N_("Length"), SS_FT_INT32, SS_BASE_DEC },
};
G_STATIC_ASSERT (G_N_ELEMENTS (data_fields) == DATA_F_COUNT);

static void
dissect_data (SsPacket *pkt,
              SsReader *r)
{
  guint32 n = ss_reader_remaining (r, 0);
  guint32 reported = r->reported;
  SsLayer l;

  if (reported == 0)
    return;
  l = ss_packet_begin_layer (pkt, SS_PROTO_DATA, r, 0, -1);
  if (l.top)
    ss_item_set_text (pkt, l.top, "Data (%u bytes)", reported);
  ss_layer_add_bytes (&l, NULL, DATA_F_DATA, 0, n, r->data, n);
  /* Like Wireshark, undissected bytes cut by the snaplen are shown as far as they go, without
   * marking the packet. */
  ss_item_set_flags (ss_layer_add_int (&l, NULL, DATA_F_LEN, 0, 0, reported), SS_ITEM_GENERATED);
}

const SsProtocol ss_proto_data = {
  .id = SS_PROTO_DATA,
  .application = TRUE,
  .abbrev = "data",
  .short_name = "DATA",
  .name = N_("Data"),
  .fields = data_fields,
  .n_fields = DATA_F_COUNT,
  .dissect = dissect_data,
};
