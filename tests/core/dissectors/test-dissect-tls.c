/* Tests for ss-dissect-tls.c, ss-dissect-x509.c and ss-der.c
 *
 * The TLS messages are built here field by field from RFC 8446 / RFC 5246, so the expected
 * values come from the bytes written, not from the dissector's output. The certificates are
 * real ones made by openssl (tools/make-test-certs.sh, in tests/captures/).
 */
#include "config.h"

#include <string.h>

#include "ss-der.h"
#include "ss-test-util.h"

/* ---- building messages ---------------------------------------------------------------- */

static void
put8 (GByteArray *a, guint v)
{
  guint8 b = v & 0xff;

  g_byte_array_append (a, &b, 1);
}

static void
put16 (GByteArray *a, guint v)
{
  put8 (a, v >> 8);
  put8 (a, v);
}

static void
put24 (GByteArray *a, guint v)
{
  put8 (a, v >> 16);
  put16 (a, v);
}

static void
put_bytes (GByteArray *a, const void *data, gsize n)
{
  g_byte_array_append (a, data, (guint) n);
}

/* Patches the big-endian length of @size octets at @at to cover everything after it. */
static void
fix_len (GByteArray *a, guint at, guint size)
{
  guint v = a->len - at - size;

  for (guint i = 0; i < size; i++)
    a->data[at + i] = (v >> (8 * (size - 1 - i))) & 0xff;
}

static GByteArray *
record_wrap (guint content_type, guint version, const guint8 *body, guint len)
{
  GByteArray *a = g_byte_array_new ();

  put8 (a, content_type);
  put16 (a, version);
  put16 (a, len);
  put_bytes (a, body, len);
  return a;
}

static const guint16 hello_ciphers[] = { 0x1301, 0x1302, 0xc02f, 0x0a0a };

/* A TLS 1.3 ClientHello (RFC 8446 §4.1.2) with SNI "example.com", ALPN h2 and http/1.1,
 * supported_versions 1.3 and 1.2, supported_groups x25519 and secp256r1, ec_point_formats and
 * a GREASE extension; returns the handshake message (type, length, body). */
static GByteArray *
build_client_hello (void)
{
  GByteArray *m = g_byte_array_new ();
  guint at_len, at_exts, at;

  put8 (m, 1);                          /* client_hello */
  at_len = m->len;
  put24 (m, 0);
  put16 (m, 0x0303);                    /* legacy_version */
  for (guint i = 0; i < 32; i++)
    put8 (m, i);                        /* random: 00 01 02 ... */
  put8 (m, 0);                          /* legacy_session_id */
  put16 (m, G_N_ELEMENTS (hello_ciphers) * 2);
  for (guint i = 0; i < G_N_ELEMENTS (hello_ciphers); i++)
    put16 (m, hello_ciphers[i]);
  put8 (m, 1);
  put8 (m, 0);                          /* compression: null */
  at_exts = m->len;
  put16 (m, 0);

  put16 (m, 0);                         /* server_name */
  at = m->len;
  put16 (m, 0);
  put16 (m, 14);                        /* ServerNameList length */
  put8 (m, 0);                          /* host_name */
  put16 (m, 11);
  put_bytes (m, "example.com", 11);
  fix_len (m, at, 2);

  put16 (m, 16);                        /* application_layer_protocol_negotiation */
  at = m->len;
  put16 (m, 0);
  put16 (m, 12);
  put8 (m, 2);
  put_bytes (m, "h2", 2);
  put8 (m, 8);
  put_bytes (m, "http/1.1", 8);
  fix_len (m, at, 2);

  put16 (m, 43);                        /* supported_versions */
  put16 (m, 5);
  put8 (m, 4);
  put16 (m, 0x0304);
  put16 (m, 0x0303);

  put16 (m, 10);                        /* supported_groups */
  put16 (m, 6);
  put16 (m, 4);
  put16 (m, 0x001d);
  put16 (m, 0x0017);

  put16 (m, 11);                        /* ec_point_formats */
  put16 (m, 2);
  put8 (m, 1);
  put8 (m, 0);

  put16 (m, 0x1a1a);                    /* GREASE, left out of JA3 */
  put16 (m, 0);

  fix_len (m, at_exts, 2);
  fix_len (m, at_len, 3);
  return m;
}

static GBytes *
frame_with (const guint8 *payload, guint len, guint16 sport, guint16 dport)
{
  return ss_test_tcp_frame (FALSE, sport, dport, 1000, 2000, payload, len);
}

static void
dissect_payload (SsTestDissection *t, const guint8 *payload, guint len)
{
  g_autoptr(GBytes) frame = frame_with (payload, len, 50000, 443);
  gsize n;
  const guint8 *d = g_bytes_get_data (frame, &n);

  ss_test_dissect (t, 1, d, (guint32) n, (guint32) n);
}

/* ---- ClientHello -------------------------------------------------------------------------- */

static void
test_client_hello (void)
{
  g_autoptr(GByteArray) hello = build_client_hello ();
  g_autoptr(GByteArray) rec = record_wrap (22, 0x0301, hello->data, hello->len);
  g_autofree char *len_text = g_strdup_printf ("%u", hello->len);
  g_autofree char *hs_len_text = g_strdup_printf ("%u", hello->len - 4);
  g_autofree char *ja3_md5 = NULL;
  const char *ja3 = "771,4865-4866-49199,0-16-43-10-11,29-23,0";
  SsTestDissection t;

  dissect_payload (&t, rec->data, rec->len);
  ss_test_assert_field (&t, "tls.record.content_type", "22");
  ss_test_assert_field (&t, "tls.record.version", "0x0301");
  ss_test_assert_field (&t, "tls.record.length", len_text);
  ss_test_assert_field (&t, "tls.handshake.type", "1");
  ss_test_assert_field (&t, "tls.handshake.length", hs_len_text);
  ss_test_assert_field (&t, "tls.handshake.version", "0x0303");
  ss_test_assert_field (&t, "tls.handshake.random",
                        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  /* 0x00010203 s */
  ss_test_assert_field (&t, "tls.handshake.random_time", "Jan  1, 1970 18:20:51.000000000 UTC");
  ss_test_assert_field (&t, "tls.handshake.session_id_length", "0");
  ss_test_assert_field (&t, "tls.handshake.cipher_suites_length", "8");
  ss_test_assert_field (&t, "tls.handshake.ciphersuite", "0x1301,0x1302,0xc02f,0x0a0a");
  ss_test_assert_field (&t, "tls.handshake.comp_method", "0");
  ss_test_assert_field (&t, "tls.handshake.extension.type", "0,16,43,10,11,6682");
  ss_test_assert_field (&t, "tls.handshake.extension.len", "16,14,5,6,2,0");
  ss_test_assert_field (&t, "tls.handshake.extensions_server_name_list_len", "14");
  ss_test_assert_field (&t, "tls.handshake.extensions_server_name_type", "0");
  ss_test_assert_field (&t, "tls.handshake.extensions_server_name_len", "11");
  ss_test_assert_field (&t, "tls.handshake.extensions_server_name", "example.com");
  ss_test_assert_field (&t, "tls.handshake.extensions_alpn_len", "12");
  ss_test_assert_field (&t, "tls.handshake.extensions_alpn_str_len", "2,8");
  ss_test_assert_field (&t, "tls.handshake.extensions_alpn_str", "h2,http/1.1");
  ss_test_assert_field (&t, "tls.handshake.extensions.supported_versions_len", "4");
  ss_test_assert_field (&t, "tls.handshake.extensions.supported_version", "0x0304,0x0303");
  ss_test_assert_field (&t, "tls.handshake.extensions_supported_group", "0x001d,0x0017");
  ss_test_assert_field (&t, "tls.handshake.extensions_ec_point_format", "0");
  ss_test_assert_field (&t, "tls.handshake.ja3_full", ja3);
  ja3_md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, ja3, -1);
  ss_test_assert_field (&t, "tls.handshake.ja3", ja3_md5);
  g_assert_cmpstr (t.pkt->col_protocol, ==, "TLSv1");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "Client Hello");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.expert"), ==, 0);
  ss_test_dissection_clear (&t);
}

/* Every cut of the ClientHello frame is reported as cut short, never as malformed. */
static void
test_client_hello_every_cut (void)
{
  g_autoptr(GByteArray) hello = build_client_hello ();
  g_autoptr(GByteArray) rec = record_wrap (22, 0x0301, hello->data, hello->len);
  g_autoptr(GBytes) frame = frame_with (rec->data, rec->len, 50000, 443);
  gsize n;
  const guint8 *d = g_bytes_get_data (frame, &n);

  ss_test_every_cut (1, d, (guint32) n, (guint32) n);
}

/* ---- certificates ------------------------------------------------------------------------- */

static GBytes *
load_cert (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s: %s", path, error->message);
  return g_bytes_new_take (data, len);
}

/* notBefore and notAfter of a DER certificate, read with the reader under test only where
 * the test needs the dates to pick capture times. */
static void
cert_validity (GBytes *cert, gint64 *not_before, gint64 *not_after)
{
  gsize n;
  const guint8 *d = g_bytes_get_data (cert, &n);
  SsReader r;
  SsDerTlv c, tbs, t;
  guint32 p, end;
  gint32 ns;

  ss_reader_init (&r, d, (guint32) n, (guint32) n, NULL);
  g_assert_cmpint (ss_der_read_tlv (&r, 0, (guint32) n, &c), ==, SS_DER_OK);
  g_assert_cmpint (ss_der_read_tlv (&r, ss_der_tlv_contents (&c),
                                    ss_der_tlv_contents (&c) + c.len, &tbs), ==, SS_DER_OK);
  p = ss_der_tlv_contents (&tbs);
  end = p + tbs.len;
  /* version [0], serialNumber, signature, issuer, then validity */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (ss_der_read_tlv (&r, p, end, &t), ==, SS_DER_OK);
      p = ss_der_tlv_end (&t);
    }
  g_assert_cmpint (ss_der_read_tlv (&r, p, end, &t), ==, SS_DER_OK);
  g_assert_cmpuint (t.tag, ==, SS_DER_TAG_SEQUENCE);
  p = ss_der_tlv_contents (&t);
  g_assert_cmpint (ss_der_read_tlv (&r, p, end, &t), ==, SS_DER_OK);
  g_assert_true (ss_der_get_time (&r, &t, not_before, &ns));
  p = ss_der_tlv_end (&t);
  g_assert_cmpint (ss_der_read_tlv (&r, p, end, &t), ==, SS_DER_OK);
  g_assert_true (ss_der_get_time (&r, &t, not_after, &ns));
}

/* ServerHello (TLS 1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) and a Certificate message with
 * @cert, in one record each. */
static GByteArray *
build_server_flight (GBytes *cert)
{
  GByteArray *p = g_byte_array_new ();
  GByteArray *m = g_byte_array_new ();
  gsize n;
  const guint8 *d = g_bytes_get_data (cert, &n);
  guint at;

  /* ServerHello */
  put8 (m, 2);
  at = m->len;
  put24 (m, 0);
  put16 (m, 0x0303);
  for (guint i = 0; i < 32; i++)
    put8 (m, 0x80 + i);
  put8 (m, 0);
  put16 (m, 0xc02f);
  put8 (m, 0);
  put16 (m, 5);                         /* extensions */
  put16 (m, 0xff01);                    /* renegotiation_info */
  put16 (m, 1);
  put8 (m, 0);
  fix_len (m, at, 3);
  {
    g_autoptr(GByteArray) r = record_wrap (22, 0x0303, m->data, m->len);

    put_bytes (p, r->data, r->len);
  }
  g_byte_array_set_size (m, 0);

  /* Certificate */
  put8 (m, 11);
  at = m->len;
  put24 (m, 0);
  put24 (m, (guint) n + 3);
  put24 (m, (guint) n);
  put_bytes (m, d, n);
  fix_len (m, at, 3);
  {
    g_autoptr(GByteArray) r = record_wrap (22, 0x0303, m->data, m->len);

    put_bytes (p, r->data, r->len);
  }
  g_byte_array_free (m, TRUE);
  return p;
}

static void
test_server_hello_certificate (void)
{
  g_autoptr(GBytes) cert = load_cert ("tls-cert-valid.der");
  g_autoptr(GByteArray) flight = build_server_flight (cert);
  g_autofree char *cert_len = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (cert));
  SsTestDissection t;

  dissect_payload (&t, flight->data, flight->len);
  ss_test_assert_field (&t, "tls.record.content_type", "22,22");
  ss_test_assert_field (&t, "tls.handshake.type", "2,11");
  ss_test_assert_field (&t, "tls.handshake.ciphersuite", "0xc02f");
  ss_test_assert_field (&t, "tls.handshake.extensions_reneg_info_len", "0");
  ss_test_assert_field (&t, "tls.handshake.ja3s_full", "771,49199,65281");
  ss_test_assert_field (&t, "tls.handshake.certificate_length", cert_len);
  ss_test_assert_field (&t, "x509af.version", "2");
  ss_test_assert_field (&t, "x509af.algorithm.id",
                        "1.2.840.10045.4.3.2,1.2.840.10045.2.1,1.2.840.10045.4.3.2");
  ss_test_assert_field (&t, "x509if.oid", "2.5.4.6,2.5.4.10,2.5.4.3,2.5.4.6,2.5.4.10,2.5.4.3");
  ss_test_assert_field (&t, "x509sat.CountryName", "US,US");
  ss_test_assert_field (&t, "x509sat.uTF8String",
                        "StratoShark Test,app.example.test,StratoShark Test,app.example.test");
  ss_test_assert_field (&t, "x509af.notBefore", "0");
  ss_test_assert_field (&t, "x509ce.dNSName", "app.example.test");
  ss_test_assert_field (&t, "x509ce.iPAddress", "c0000207");
  ss_test_assert_field (&t, "x509ce.uniformResourceIdentifier",
                        "spiffe://example.test/ns/default/sa/web");
  ss_test_assert_field (&t, "x509ce.GeneralName", "2,7,6");
  ss_test_assert_field (&t, "x509ce.KeyUsage.digitalSignature", "1");
  g_assert_cmpuint (ss_test_count_field (&t, "x509ce.BasicConstraintsSyntax_element"), ==, 1);
  g_assert_cmpstr (t.pkt->col_protocol, ==, "TLSv1.2");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "Server Hello, Certificate");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
  ss_test_dissection_clear (&t);
}

static void
test_server_flight_every_cut (void)
{
  g_autoptr(GBytes) cert = load_cert ("tls-cert-valid.der");
  g_autoptr(GByteArray) flight = build_server_flight (cert);
  g_autoptr(GBytes) frame = frame_with (flight->data, flight->len, 443, 50000);
  gsize n;
  const guint8 *d = g_bytes_get_data (frame, &n);

  ss_test_every_cut (1, d, (guint32) n, (guint32) n);
}

/* A pcap of one TCP frame 443 -> 50000 carrying @payload, captured at @secs. */
static GBytes *
pcap_at (const guint8 *payload, guint len, gint64 secs)
{
  g_autoptr(GBytes) frame = frame_with (payload, len, 443, 50000);
  GByteArray *a = g_byte_array_new ();
  gsize n;
  const guint8 *d = g_bytes_get_data (frame, &n);
  const guint32 hdr[] = { 0xa1b2c3d4, 2 | (4u << 16), 0, 0, 262144, 1, (guint32) secs, 0,
                          (guint32) n, (guint32) n };

  for (guint i = 0; i < G_N_ELEMENTS (hdr); i++)
    {
      guint8 b[4] = { hdr[i] & 0xff, (hdr[i] >> 8) & 0xff, (hdr[i] >> 16) & 0xff, hdr[i] >> 24 };

      g_byte_array_append (a, b, 4);
    }
  g_byte_array_append (a, d, (guint) n);
  return g_byte_array_free_to_bytes (a);
}

static char *
expert_messages (GBytes *pcap)
{
  g_autoptr(GPtrArray) v = ss_test_field_values (pcap, "_ws.expert.message", 1);

  return g_strdup (v->pdata[0]);
}

/* Beyond Wireshark: a certificate outside its validity at the capture time is a warning. */
static void
test_certificate_validity (void)
{
  g_autoptr(GBytes) valid = load_cert ("tls-cert-valid.der");
  g_autoptr(GBytes) expired = load_cert ("tls-cert-expired.der");
  g_autoptr(GByteArray) valid_flight = build_server_flight (valid);
  g_autoptr(GByteArray) expired_flight = build_server_flight (expired);
  gint64 nb, na;
  g_autoptr(GBytes) p1 = NULL, p2 = NULL, p3 = NULL;
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  cert_validity (valid, &nb, &na);
  p1 = pcap_at (valid_flight->data, valid_flight->len, nb + 86400);
  m1 = expert_messages (p1);
  g_assert_true (m1 == NULL || strstr (m1, "Certificate") == NULL);

  cert_validity (expired, &nb, &na);
  p2 = pcap_at (expired_flight->data, expired_flight->len, na + 3600);
  m2 = expert_messages (p2);
  g_test_message ("experts: %s", m2 ? m2 : "(none)");
  g_assert_nonnull (m2);
  g_assert_nonnull (strstr (m2, "id-at-commonName=expired.example.test,"));
  g_assert_nonnull (strstr (m2, "had expired when the packet was captured"));
  hits = ss_test_field_values (p2, "x509af.validity.expired", 1);
  g_assert_nonnull (hits->pdata[0]);

  p3 = pcap_at (expired_flight->data, expired_flight->len, nb - 3600);
  m3 = expert_messages (p3);
  g_assert_nonnull (m3);
  g_assert_nonnull (strstr (m3, "was not yet valid when the packet was captured"));
}

/* ---- alerts, change cipher spec, application data --------------------------------------- */

static void
test_alert_certificate_expired (void)
{
  static const guint8 alert[] = { 21, 0x03, 0x03, 0x00, 0x02, 0x02, 45 };
  SsTestDissection t;

  dissect_payload (&t, alert, sizeof alert);
  ss_test_assert_field (&t, "tls.record.content_type", "21");
  ss_test_assert_field (&t, "tls.alert_message.level", "2");
  ss_test_assert_field (&t, "tls.alert_message.desc", "45");
  g_assert_cmpuint (ss_test_count_field (&t, "tls.alert_message.fatal"), ==, 1);
  g_assert_cmpstr (t.pkt->col_protocol, ==, "TLSv1.2");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "Alert (Level: Fatal, Description: Certificate Expired)");
  ss_test_dissection_clear (&t);
}

static void
test_records_in_one_segment (void)
{
  static const guint8 data[] = {
    20, 0x03, 0x03, 0x00, 0x01, 0x01,                         /* ChangeCipherSpec */
    22, 0x03, 0x03, 0x00, 0x28,                               /* encrypted Finished: */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,           /* GCM explicit nonce 0 */
    0x5a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
    0xff, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0, 0xc0, 0xd0, 0xe0,
    0xf0, 0x01,
    23, 0x03, 0x03, 0x00, 0x04, 0xde, 0xad, 0xbe, 0xef,      /* application data */
    21, 0x03, 0x03, 0x00, 0x1a,                               /* encrypted alert (26 bytes) */
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    26,
  };
  SsTestDissection t;

  dissect_payload (&t, data, sizeof data);
  ss_test_assert_field (&t, "tls.record.content_type", "20,22,23,21");
  ss_test_assert_field (&t, "tls.record.length", "1,40,4,26");
  g_assert_cmpuint (ss_test_count_field (&t, "tls.change_cipher_spec"), ==, 1);
  ss_test_assert_field (&t, "tls.app_data", "deadbeef");
  ss_test_assert_field (&t, "tls.app_data_proto", "Hypertext Transfer Protocol");
  g_assert_cmpuint (ss_test_count_field (&t, "tls.handshake.type"), ==, 0);
  g_assert_cmpuint (ss_test_count_field (&t, "tls.alert_message.level"), ==, 0);
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==,
                   "Change Cipher Spec, Encrypted Handshake Message, Application Data, "
                   "Encrypted Alert");
  ss_test_dissection_clear (&t);
}

/* SSL 2.0 records as tshark reads them (tcpdump's nfs-write-verf-cookie on port 993). */
static void
test_sslv2_and_continuation (void)
{
  static const guint8 data[] = { 0x80, 0x00, 0x00, 0x90, 0x05, 0x64, 0x95, 0x69, 0x00 };
  SsTestDissection t;

  dissect_payload (&t, data, sizeof data);
  ss_test_assert_field (&t, "tls.record.version", "0x0002");
  g_assert_cmpstr (t.pkt->col_protocol, ==, "SSLv2");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "Encrypted Data, Continuation Data");
  ss_test_dissection_clear (&t);
}

/* Text on a TLS port is not TLS: it goes to data, as tshark does. */
static void
test_text_is_not_tls (void)
{
  static const guint8 data[] = "GET / HTTP/1.1\r\n\r\n";
  SsTestDissection t;

  dissect_payload (&t, data, sizeof data - 1);
  g_assert_cmpuint (ss_test_count_field (&t, "tls.record"), ==, 0);
  g_assert_cmpuint (ss_test_count_field (&t, "data.data"), ==, 1);
  ss_test_dissection_clear (&t);
}

/* ---- TCP and record reassembly ------------------------------------------------------------ */

static GBytes *
stream_pcap (GPtrArray *payloads, gboolean server_side)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint32 seq = 1000;

  for (guint i = 0; i < payloads->len; i++)
    {
      GByteArray *p = payloads->pdata[i];

      g_ptr_array_add (frames, ss_test_tcp_frame (server_side, server_side ? 443 : 50000,
                                                  server_side ? 50000 : 443, seq, 2000, p->data,
                                                  p->len));
      seq += p->len;
    }
  return ss_test_pcap_frames_bytes (1, frames, 1000);
}

static GByteArray *
slice (const GByteArray *a, guint from, guint to)
{
  GByteArray *s = g_byte_array_new ();

  put_bytes (s, a->data + from, to - from);
  return s;
}

/* A record spanning three segments is dissected once, on the segment that completes it, and
 * the same way when every frame is dissected again (the GUI). */
static void
test_record_spanning_segments (void)
{
  g_autoptr(GByteArray) hello = build_client_hello ();
  g_autoptr(GByteArray) rec = record_wrap (22, 0x0301, hello->data, hello->len);
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   g_byte_array_unref);
  g_autoptr(GBytes) pcap = NULL;

  g_ptr_array_add (payloads, slice (rec, 0, 3));
  g_ptr_array_add (payloads, slice (rec, 3, 40));
  g_ptr_array_add (payloads, slice (rec, 40, rec->len));
  pcap = stream_pcap (payloads, FALSE);
  for (guint passes = 1; passes <= 2; passes++)
    {
      g_autoptr(GPtrArray) types = ss_test_field_values (pcap, "tls.handshake.type", passes);
      g_autoptr(GPtrArray) sni = ss_test_field_values (pcap,
                                                       "tls.handshake.extensions_server_name",
                                                       passes);

      g_assert_cmpuint (types->len, ==, 3);
      g_assert_null (types->pdata[0]);
      g_assert_null (types->pdata[1]);
      g_assert_cmpstr (types->pdata[2], ==, "1");
      g_assert_cmpstr (sni->pdata[2], ==, "example.com");
    }
}

/* A Certificate message split over two records, the second in another segment: put back
 * together on the record that completes it. */
static void
test_handshake_spanning_records (void)
{
  g_autoptr(GBytes) cert = load_cert ("tls-cert-valid.der");
  g_autoptr(GByteArray) flight = build_server_flight (cert);
  g_autoptr(GByteArray) msg = NULL;
  g_autoptr(GByteArray) r1 = NULL, r2 = NULL;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   g_byte_array_unref);
  g_autoptr(GBytes) pcap = NULL;
  guint sh_len = 5 + (flight->data[3] << 8 | flight->data[4]);
  guint split;

  /* the Certificate handshake message, without its record header */
  msg = slice (flight, sh_len + 5, flight->len);
  split = msg->len / 2;
  r1 = record_wrap (22, 0x0303, msg->data, split);
  r2 = record_wrap (22, 0x0303, msg->data + split, msg->len - split);
  {
    GByteArray *first = slice (flight, 0, sh_len);

    put_bytes (first, r1->data, r1->len);
    g_ptr_array_add (payloads, first);
  }
  g_ptr_array_add (payloads, slice (r2, 0, r2->len));
  pcap = stream_pcap (payloads, TRUE);
  for (guint passes = 1; passes <= 2; passes++)
    {
      g_autoptr(GPtrArray) types = ss_test_field_values (pcap, "tls.handshake.type", passes);
      g_autoptr(GPtrArray) frags = ss_test_field_values (pcap, "tls.handshake.fragment",
                                                         passes);
      g_autoptr(GPtrArray) dns = ss_test_field_values (pcap, "x509ce.dNSName", passes);

      g_assert_cmpstr (types->pdata[0], ==, "2");
      g_assert_cmpstr (types->pdata[1], ==, "11");
      g_assert_cmpstr (frags->pdata[1], ==, "1,2");
      g_assert_cmpstr (dns->pdata[1], ==, "app.example.test");
      g_assert_null (dns->pdata[0]);
    }
}

/* ---- lengths that lie ----------------------------------------------------------------------- */

/* Dissects @payload and checks that no crash happened and that the damage is reported. */
static void
assert_reported (const guint8 *payload, guint len, const char *expert)
{
  SsTestDissection t;

  dissect_payload (&t, payload, len);
  if (expert)
    g_assert_cmpuint (ss_test_count_field (&t, expert), >=, 1);
  else
    g_assert_cmpuint (ss_test_count_field (&t, "_ws.expert"), >=, 1);
  ss_test_dissection_clear (&t);
}

static GByteArray *
flight_with_cert_bytes (const guint8 *der, gsize n)
{
  g_autoptr(GBytes) b = g_bytes_new (der, n);

  return build_server_flight (b);
}

static void
test_der_lengths_lie (void)
{
  g_autoptr(GBytes) cert = load_cert ("tls-cert-valid.der");
  gsize n;
  const guint8 *d = g_bytes_get_data (cert, &n);
  g_autofree guint8 *bad = g_memdup2 (d, n);
  guint8 deep[2 + 2 * 40 + 2 * 40];
  guint k = 0;

  /* The outer SEQUENCE claims one byte more than the certificate has. */
  g_assert_cmpuint (bad[1], ==, 0x82);
  bad[3]++;
  {
    g_autoptr(GByteArray) f = flight_with_cert_bytes (bad, n);

    assert_reported (f->data, f->len, "x509af.ber_error");
  }
  /* The TBSCertificate claims 0xffff bytes. */
  memcpy (bad, d, n);
  bad[5] = 0xff;
  bad[6] = 0xff;
  {
    g_autoptr(GByteArray) f = flight_with_cert_bytes (bad, n);

    assert_reported (f->data, f->len, "x509af.ber_error");
  }
  /* A length of 5 octets, and a length that overflows 32 bits. */
  {
    static const guint8 five[] = { 0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00 };
    static const guint8 huge[] = { 0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x00 };
    g_autoptr(GByteArray) f1 = flight_with_cert_bytes (five, sizeof five);
    g_autoptr(GByteArray) f2 = flight_with_cert_bytes (huge, sizeof huge);

    assert_reported (f1->data, f1->len, "x509af.ber_error");
    assert_reported (f2->data, f2->len, "x509af.ber_error");
  }
  /* Indefinite lengths nested 40 deep: past the depth cap. */
  for (guint i = 0; i < 40; i++)
    {
      deep[k++] = 0x30;
      deep[k++] = 0x80;
    }
  for (guint i = 0; i < 40; i++)
    {
      deep[k++] = 0x00;
      deep[k++] = 0x00;
    }
  {
    g_autoptr(GByteArray) f = flight_with_cert_bytes (deep, k);

    assert_reported (f->data, f->len, "x509af.ber_error");
  }
  /* Every truncation of the certificate inside a message that says it is complete. */
  for (gsize cut = 1; cut < n; cut += 7)
    {
      g_autoptr(GByteArray) f = flight_with_cert_bytes (d, cut);

      assert_reported (f->data, f->len, NULL);
    }
}

static void
test_tls_lengths_lie (void)
{
  g_autoptr(GByteArray) hello = build_client_hello ();
  g_autoptr(GBytes) cert = load_cert ("tls-cert-valid.der");
  g_autoptr(GByteArray) flight = build_server_flight (cert);
  guint ext_at = 4 + 2 + 32 + 1 + 2 + G_N_ELEMENTS (hello_ciphers) * 2 + 2;

  /* The extensions length and the first extension's length claim too much. */
  {
    g_autoptr(GByteArray) m = slice (hello, 0, hello->len);
    g_autoptr(GByteArray) r = NULL;

    m->data[ext_at] = 0xff;
    r = record_wrap (22, 0x0301, m->data, m->len);
    assert_reported (r->data, r->len, "tls.malformed.buffer_too_small");
  }
  {
    g_autoptr(GByteArray) m = slice (hello, 0, hello->len);
    g_autoptr(GByteArray) r = NULL;
    SsTestDissection t;

    m->data[ext_at + 4] = 0xff;
    r = record_wrap (22, 0x0301, m->data, m->len);
    dissect_payload (&t, r->data, r->len);
    /* Wireshark's item for the extension would run past the message: an exception. */
    g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 1);
    g_assert_cmpuint (ss_test_count_field (&t, "tls.handshake.ja3"), ==, 0);
    ss_test_dissection_clear (&t);
  }
  /* The cipher suites vector claims more than the message holds. */
  {
    g_autoptr(GByteArray) m = slice (hello, 0, hello->len);
    g_autoptr(GByteArray) r = NULL;

    m->data[4 + 2 + 32 + 1] = 0x7f;
    r = record_wrap (22, 0x0301, m->data, m->len);
    assert_reported (r->data, r->len, "tls.malformed.buffer_too_small");
  }
  /* certificates_length and certificate_length larger than the message. */
  {
    guint sh_len = 5 + (flight->data[3] << 8 | flight->data[4]);
    g_autoptr(GByteArray) f = slice (flight, 0, flight->len);

    f->data[sh_len + 5 + 4] = 0x7f;
    assert_reported (f->data, f->len, "tls.malformed.buffer_too_small");
    memcpy (f->data, flight->data, flight->len);
    f->data[sh_len + 5 + 7] = 0x7f;
    assert_reported (f->data, f->len, "tls.malformed.buffer_too_small");
  }
  /* An empty handshake record and an alert of the wrong length. */
  {
    static const guint8 empty[] = { 22, 0x03, 0x03, 0x00, 0x00, 21, 0x03, 0x03, 0x00, 0x01, 0x02 };

    assert_reported (empty, sizeof empty, "tls.record.length.invalid");
  }
}

/* ---- the DER reader ---------------------------------------------------------------------- */

static SsDerError
read_one (const guint8 *d, guint32 n, SsDerTlv *tlv)
{
  SsReader r;

  ss_reader_init (&r, d, n, n, NULL);
  return ss_der_read_tlv (&r, 0, n, tlv);
}

static void
test_der_reader (void)
{
  SsDerTlv t;
  SsReader r;
  gint64 secs;
  gint32 ns;
  g_autoptr(GString) oid = g_string_new (NULL);

  {
    static const guint8 d[] = { 0x02, 0x02, 0x01, 0x00 };

    g_assert_cmpint (read_one (d, sizeof d, &t), ==, SS_DER_OK);
    g_assert_cmpuint (t.tag, ==, SS_DER_TAG_INTEGER);
    g_assert_cmpuint (t.hdr_len, ==, 2);
    g_assert_cmpuint (t.len, ==, 2);
  }
  {
    static const guint8 d[] = { 0x30, 0x82, 0x00, 0x03, 0x05, 0x00, 0x00 };

    g_assert_cmpint (read_one (d, sizeof d, &t), ==, SS_DER_OK);
    g_assert_true (t.constructed);
    g_assert_cmpuint (t.hdr_len, ==, 4);
  }
  {
    static const guint8 over[] = { 0x30, 0x05, 0x00 };
    static const guint8 wide[] = { 0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    static const guint8 big[] = { 0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00 };
    static const guint8 reserved[] = { 0x30, 0xff };
    static const guint8 tag[] = { 0x1f, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00 };
    static const guint8 prim_indef[] = { 0x04, 0x80, 0x00, 0x00 };
    static const guint8 no_eoc[] = { 0x30, 0x80, 0x05, 0x00 };
    static const guint8 indef[] = { 0x30, 0x80, 0x05, 0x00, 0x00, 0x00 };

    g_assert_cmpint (read_one (over, sizeof over, &t), ==, SS_DER_ERR_OVERRUN);
    g_assert_cmpint (read_one (wide, sizeof wide, &t), ==, SS_DER_ERR_LENGTH);
    g_assert_cmpint (read_one (big, sizeof big, &t), ==, SS_DER_ERR_LENGTH);
    g_assert_cmpint (read_one (reserved, sizeof reserved, &t), ==, SS_DER_ERR_LENGTH);
    g_assert_cmpint (read_one (tag, sizeof tag, &t), ==, SS_DER_ERR_TAG);
    g_assert_cmpint (read_one (prim_indef, sizeof prim_indef, &t), ==, SS_DER_ERR_INDEFINITE);
    g_assert_cmpint (read_one (no_eoc, sizeof no_eoc, &t), ==, SS_DER_ERR_INDEFINITE);
    g_assert_cmpint (read_one (indef, sizeof indef, &t), ==, SS_DER_OK);
    g_assert_true (t.indefinite);
    g_assert_cmpuint (t.len, ==, 2);
    g_assert_cmpuint (ss_der_tlv_end (&t), ==, 6);
  }
  {
    guint8 deep[2 * 40 + 2 * 40];
    guint k = 0;

    for (guint i = 0; i < 40; i++)
      {
        deep[k++] = 0x30;
        deep[k++] = 0x80;
      }
    for (guint i = 0; i < 40; i++)
      {
        deep[k++] = 0x00;
        deep[k++] = 0x00;
      }
    g_assert_cmpint (read_one (deep, k, &t), ==, SS_DER_ERR_DEPTH);
  }
  /* Bytes missing from the capture mark the reader truncated, not malformed. */
  {
    static const guint8 d[] = { 0x30, 0x82 };

    ss_reader_init (&r, d, sizeof d, 10, NULL);
    g_assert_cmpint (ss_der_read_tlv (&r, 0, 10, &t), ==, SS_DER_ERR_SHORT);
    g_assert_cmpuint (r.status, ==, SS_READER_TRUNCATED);
  }
  {
    static const guint8 d[] = { 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b };
    static const guint8 bad[] = { 0x06, 0x02, 0x2a, 0x86 };

    g_assert_cmpint (read_one (d, sizeof d, &t), ==, SS_DER_OK);
    ss_reader_init (&r, d, sizeof d, sizeof d, NULL);
    g_assert_true (ss_der_append_oid (&r, &t, oid));
    g_assert_cmpstr (oid->str, ==, "1.2.840.113549.1.1.11");
    g_assert_cmpint (read_one (bad, sizeof bad, &t), ==, SS_DER_OK);
    ss_reader_init (&r, bad, sizeof bad, sizeof bad, NULL);
    g_assert_false (ss_der_append_oid (&r, &t, oid));
  }
  {
    static const guint8 utc[] = { 0x17, 0x0d, '5', '0', '0', '1', '0', '1', '0', '0', '0', '0',
                                  '0', '0', 'Z' };
    static const guint8 gen[] = { 0x18, 0x0f, '2', '0', '3', '8', '0', '1', '1', '9', '0', '3',
                                  '1', '4', '0', '8', 'Z' };
    static const guint8 bad[] = { 0x17, 0x0d, '9', '9', '1', '3', '0', '1', '0', '0', '0', '0',
                                  '0', '0', 'Z' };

    g_assert_cmpint (read_one (utc, sizeof utc, &t), ==, SS_DER_OK);
    ss_reader_init (&r, utc, sizeof utc, sizeof utc, NULL);
    g_assert_true (ss_der_get_time (&r, &t, &secs, &ns));
    g_assert_cmpint (secs, ==, G_GINT64_CONSTANT (-631152000));   /* 1950-01-01 */
    g_assert_cmpint (read_one (gen, sizeof gen, &t), ==, SS_DER_OK);
    ss_reader_init (&r, gen, sizeof gen, sizeof gen, NULL);
    g_assert_true (ss_der_get_time (&r, &t, &secs, &ns));
    g_assert_cmpint (secs, ==, G_GINT64_CONSTANT (2147483648));
    g_assert_cmpint (read_one (bad, sizeof bad, &t), ==, SS_DER_OK);
    ss_reader_init (&r, bad, sizeof bad, sizeof bad, NULL);
    g_assert_false (ss_der_get_time (&r, &t, &secs, &ns));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/der/reader", test_der_reader);
  g_test_add_func ("/core/dissect/tls/client-hello", test_client_hello);
  g_test_add_func ("/core/dissect/tls/client-hello-every-cut", test_client_hello_every_cut);
  g_test_add_func ("/core/dissect/tls/server-hello-certificate", test_server_hello_certificate);
  g_test_add_func ("/core/dissect/tls/server-flight-every-cut", test_server_flight_every_cut);
  g_test_add_func ("/core/dissect/x509/validity-expert", test_certificate_validity);
  g_test_add_func ("/core/dissect/tls/alert-certificate-expired", test_alert_certificate_expired);
  g_test_add_func ("/core/dissect/tls/records-in-one-segment", test_records_in_one_segment);
  g_test_add_func ("/core/dissect/tls/sslv2-and-continuation", test_sslv2_and_continuation);
  g_test_add_func ("/core/dissect/tls/text-is-not-tls", test_text_is_not_tls);
  g_test_add_func ("/core/dissect/tls/record-spanning-segments", test_record_spanning_segments);
  g_test_add_func ("/core/dissect/tls/handshake-spanning-records",
                   test_handshake_spanning_records);
  g_test_add_func ("/core/dissect/x509/der-lengths-lie", test_der_lengths_lie);
  g_test_add_func ("/core/dissect/tls/lengths-lie", test_tls_lengths_lie);
  return g_test_run ();
}
