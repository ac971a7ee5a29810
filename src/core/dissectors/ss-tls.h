/* ss-tls.h: what the TLS dissector offers other dissectors */
#pragma once

#include "ss-packet.h"

G_BEGIN_DECLS

/* Wireshark's "tls_tcp" heuristic, enabled by default in tshark 4.0: for TCP payload no port
 * claims. TRUE when the payload starts like a TLS record or an SSL 2.0-compatible ClientHello,
 * or when the connection was found to carry TLS before; the payload was then dissected as TLS
 * (and, as in Wireshark, every later segment of the connection will be). FALSE: nothing was
 * added, the caller goes on as if there were no TLS. */
gboolean ss_tls_dissect_heuristic (SsPacket *pkt,
                                   SsReader *r);

/* What ss_dissectors_for_tcp_port gives for ports no protocol claims: it tries the other port,
 * then ss_tls_dissect_heuristic, then shows data. */
extern const SsProtocol ss_proto_tls_heuristic;

/* A SignedCertificateTimestampList (RFC 6962 §3.3) in the @end - @off bytes at @off of @r, as
 * the X.509 extension and the TLS extension carry it; tls.sct.* items under @parent. @version
 * is the TLS version in use (0x0303 for certificates): as in Wireshark, the signature algorithm
 * is read only for TLS 1.2 and later. */
void     ss_tls_dissect_sct_list  (SsPacket *pkt,
                                   SsReader *r,
                                   guint32   off,
                                   guint32   end,
                                   guint16   version,
                                   SsItem   *parent);

G_END_DECLS
