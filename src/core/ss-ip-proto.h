/* ss-ip-proto.h: names of IP protocol numbers (IANA "Assigned Internet Protocol Numbers") */
#pragma once

#include "ss-field.h"

G_BEGIN_DECLS

extern const SsValueString ss_ip_proto_vals[];

G_END_DECLS
