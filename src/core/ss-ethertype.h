/* ss-ethertype.h: names of EtherType values, shared by eth, vlan and sll */
#pragma once

#include "ss-field.h"
#include "ss-packet.h"

G_BEGIN_DECLS

extern const SsValueString ss_ethertype_vals[];

/* Adds the bytes of @l's reader from @off on as @padding_field when all zero, otherwise as
 * @trailer_field (fields of @l's protocol). */
void ss_eth_add_trailer (SsLayer *l,
                         guint    off,
                         guint    padding_field,
                         guint    trailer_field);

G_END_DECLS
