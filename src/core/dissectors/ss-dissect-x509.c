/* ss-dissect-x509.c: X.509 certificates (RFC 5280), as Wireshark's x509af, x509ce, x509sat and
 * x509if protocols name their fields (placeholder until the dissector lands). Certificates are
 * reached from the TLS Certificate message, never from a port. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

const SsProtocol ss_proto_x509af = {
  .id = SS_PROTO_X509AF,
  .abbrev = "x509af",
  .short_name = "X509AF",
  .name = N_("X.509 Authentication Framework"),
};

const SsProtocol ss_proto_x509ce = {
  .id = SS_PROTO_X509CE,
  .abbrev = "x509ce",
  .short_name = "X509CE",
  .name = N_("X.509 Certificate Extensions"),
};

const SsProtocol ss_proto_x509sat = {
  .id = SS_PROTO_X509SAT,
  .abbrev = "x509sat",
  .short_name = "X509SAT",
  .name = N_("X.509 Selected Attribute Types"),
};

const SsProtocol ss_proto_x509if = {
  .id = SS_PROTO_X509IF,
  .abbrev = "x509if",
  .short_name = "X509IF",
  .name = N_("X.509 Information Framework"),
};
