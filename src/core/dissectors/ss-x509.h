/* ss-x509.h: X.509 certificates for the protocols that carry them (TLS) */
#pragma once

#include "ss-packet.h"

G_BEGIN_DECLS

/* Dissects the DER certificate in the @len bytes at @off of @r, adding the x509af, x509ce,
 * x509if and x509sat fields under @parent (the carrying protocol's certificate item). Adds an
 * expert warning when the packet's capture time is outside the certificate's validity. Returns
 * the subject as tshark appends it to the certificate's label ("id-at-commonName=example.com,
 * id-at-countryName=US", most specific first), in the frame arena, or NULL. */
const char *ss_x509_dissect_certificate (SsPacket *pkt,
                                         SsReader *r,
                                         guint     off,
                                         guint     len,
                                         SsItem   *parent);

/* A DistinguishedName (X.501 RDNSequence) of @len bytes at @off, as the TLS CertificateRequest
 * lists acceptable authorities; returns its text as for a certificate's subject. */
const char *ss_x509_dissect_distinguished_name (SsPacket *pkt,
                                                SsReader *r,
                                                guint     off,
                                                guint     len,
                                                SsItem   *parent);

/* The OCSPResponse of @len bytes at @off (RFC 6960 §4.2.1), as the TLS CertificateStatus
 * message staples it: its algorithm identifiers, responder name and certificates. */
void        ss_x509_dissect_ocsp_response (SsPacket *pkt,
                                           SsReader *r,
                                           guint     off,
                                           guint     len,
                                           SsItem   *parent);

G_END_DECLS
