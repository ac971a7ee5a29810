/* ss-dissect-tls.c: Transport Layer Security: SSL 3.0 (RFC 6101), TLS 1.0 (RFC 2246), 1.1 (RFC
 * 4346), 1.2 (RFC 5246) and 1.3 (RFC 8446), with the SSL 2.0-compatible ClientHello (RFC 5246
 * Appendix E.2); extensions from the IANA "TLS ExtensionType Values" registry (SNI RFC 6066 §3,
 * ALPN RFC 7301, supported_groups and ec_point_formats RFC 8422 §5.1, key_share and
 * supported_versions RFC 8446 §4.2).
 *
 * Records are read as tshark 4.0 reads them: several per segment, and a record that spans
 * segments is handed back to TCP with exactly the bytes it still needs (ss-tcp-reasm.h).
 * Handshake messages that span records are put back together per connection and direction and
 * dissected on the record that completes them. Nothing is decrypted: after ChangeCipherSpec (and
 * in TLS 1.3 after the ServerHello) handshake records show as "Encrypted Handshake Message" or as
 * application data, as tshark shows them without keys.
 *
 * State across frames (the negotiated version, where each side sent ChangeCipherSpec, a
 * handshake message being put back together) lives in the TCP connection's conversation data.
 * Before each call on the first pass that state is copied into the frame's data, so a frame
 * dissected again later (the GUI) starts from the same state and shows the same thing.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-tcp-reasm.h"
#include "ss-tls.h"
#include "ss-x509.h"

#define TLS_HANDSHAKE_MAX (1u << 20)   /* larger handshake messages are not reassembled */
#define TLS_MAX_FRAGS 64               /* fragments listed per reassembled message */
#define TLS_MAX_LIST_ITEMS 4096        /* entries shown per list (cipher suites, groups, ...) */

enum
{
  TLS_F_RECORD,
  TLS_F_RECORD_CONTENT_TYPE,
  TLS_F_RECORD_OPAQUE_TYPE,
  TLS_F_RECORD_VERSION,
  TLS_F_RECORD_LENGTH,
  TLS_F_RECORD_IS_ESCAPE,
  TLS_F_RECORD_PADDING_LENGTH,
  TLS_F_APP_DATA,
  TLS_F_APP_DATA_PROTO,
  TLS_F_CHANGE_CIPHER_SPEC,
  TLS_F_ALERT_MESSAGE,
  TLS_F_ALERT_LEVEL,
  TLS_F_ALERT_DESC,
  TLS_F_HEARTBEAT_MESSAGE,
  TLS_F_HEARTBEAT_TYPE,
  TLS_F_HEARTBEAT_PAYLOAD_LENGTH,
  TLS_F_HEARTBEAT_PAYLOAD,
  TLS_F_HEARTBEAT_PADDING,
  TLS_F_HANDSHAKE,
  TLS_F_HS_TYPE,
  TLS_F_HS_LENGTH,
  TLS_F_HS_FRAGMENTS,
  TLS_F_HS_FRAGMENT,
  TLS_F_HS_FRAGMENT_COUNT,
  TLS_F_HS_VERSION,
  TLS_F_HS_RANDOM,
  TLS_F_HS_RANDOM_TIME,
  TLS_F_HS_RANDOM_BYTES,
  TLS_F_HS_SESSION_ID_LENGTH,
  TLS_F_HS_SESSION_ID,
  TLS_F_HS_CIPHER_SUITES_LENGTH,
  TLS_F_HS_CIPHERSUITES,
  TLS_F_HS_CIPHERSUITE,
  TLS_F_HS_COMP_METHODS_LENGTH,
  TLS_F_HS_COMP_METHODS,
  TLS_F_HS_COMP_METHOD,
  TLS_F_HS_EXTENSIONS_LENGTH,
  TLS_F_HS_EXT_TYPE,
  TLS_F_HS_EXT_LEN,
  TLS_F_HS_EXT_DATA,
  TLS_F_HS_EXT_SNI_LIST_LEN,
  TLS_F_HS_EXT_SNI_TYPE,
  TLS_F_HS_EXT_SNI_LEN,
  TLS_F_HS_EXT_SNI,
  TLS_F_HS_EXT_GROUPS_LENGTH,
  TLS_F_HS_EXT_GROUPS,
  TLS_F_HS_EXT_GROUP,
  TLS_F_HS_EXT_ECPF_LENGTH,
  TLS_F_HS_EXT_ECPF,
  TLS_F_HS_EXT_ECPF_ITEM,
  TLS_F_HS_SIG_HASH_ALG_LEN,
  TLS_F_HS_SIG_HASH_ALGS,
  TLS_F_HS_SIG_HASH_ALG,
  TLS_F_HS_SIG_HASH_HASH,
  TLS_F_HS_SIG_HASH_SIG,
  TLS_F_HS_EXT_ALPN_LEN,
  TLS_F_HS_EXT_ALPN_LIST,
  TLS_F_HS_EXT_ALPN_STR_LEN,
  TLS_F_HS_EXT_ALPN_STR,
  TLS_F_HS_EXT_SUPPORTED_VERSIONS_LEN,
  TLS_F_HS_EXT_SUPPORTED_VERSION,
  TLS_F_HS_EXT_KEY_SHARE_CLIENT_LENGTH,
  TLS_F_HS_EXT_KEY_SHARE_GROUP,
  TLS_F_HS_EXT_KEY_SHARE_KEX_LENGTH,
  TLS_F_HS_EXT_KEY_SHARE_KEX,
  TLS_F_HS_EXT_KEY_SHARE_SELECTED_GROUP,
  TLS_F_HS_EXT_PSK_KE_MODES_LENGTH,
  TLS_F_HS_EXT_PSK_KE_MODE,
  TLS_F_HS_EXT_PSK_IDENTITIES_LENGTH,
  TLS_F_HS_EXT_PSK_IDENTITY_LENGTH,
  TLS_F_HS_EXT_PSK_IDENTITY,
  TLS_F_HS_EXT_PSK_TICKET_AGE,
  TLS_F_HS_EXT_PSK_BINDERS_LEN,
  TLS_F_HS_EXT_PSK_SELECTED,
  TLS_F_HS_EXT_RENEG_INFO_LEN,
  TLS_F_HS_EXT_RENEG_INFO,
  TLS_F_HS_EXT_PADDING_DATA,
  TLS_F_HS_EXT_STATUS_TYPE,
  TLS_F_HS_EXT_STATUS_RESPONDER_IDS_LEN,
  TLS_F_HS_EXT_STATUS_EXTS_LEN,
  TLS_F_HS_EXT_COOKIE_LEN,
  TLS_F_HS_EXT_COOKIE,
  TLS_F_HS_EXT_HEARTBEAT_MODE,
  TLS_F_HS_EXT_MAX_FRAGMENT_LENGTH,
  TLS_F_HS_EXT_RECORD_SIZE_LIMIT,
  TLS_F_HS_EXT_MAX_EARLY_DATA,
  TLS_F_HS_JA3_FULL,
  TLS_F_HS_JA3,
  TLS_F_HS_JA3S_FULL,
  TLS_F_HS_JA3S,
  TLS_F_HS_CERTIFICATES_LENGTH,
  TLS_F_HS_CERTIFICATES,
  TLS_F_HS_CERTIFICATE_LENGTH,
  TLS_F_HS_CERTIFICATE,
  TLS_F_HS_CERT_REQ_CONTEXT_LENGTH,
  TLS_F_HS_CERT_REQ_CONTEXT,
  TLS_F_HS_CERT_TYPES_COUNT,
  TLS_F_HS_CERT_TYPES,
  TLS_F_HS_CERT_TYPE,
  TLS_F_HS_DNAMES_LEN,
  TLS_F_HS_DNAMES,
  TLS_F_HS_DNAME_LEN,
  TLS_F_HS_DNAME,
  TLS_F_HS_CURVE_TYPE,
  TLS_F_HS_NAMED_CURVE,
  TLS_F_HS_SERVER_POINT_LEN,
  TLS_F_HS_SERVER_POINT,
  TLS_F_HS_CLIENT_POINT_LEN,
  TLS_F_HS_CLIENT_POINT,
  TLS_F_HS_P_LEN,
  TLS_F_HS_P,
  TLS_F_HS_G_LEN,
  TLS_F_HS_G,
  TLS_F_HS_YS_LEN,
  TLS_F_HS_YS,
  TLS_F_HS_YC_LEN,
  TLS_F_HS_YC,
  TLS_F_HS_EPMS_LEN,
  TLS_F_HS_EPMS,
  TLS_F_HS_SIG_LEN,
  TLS_F_HS_SIG,
  TLS_F_HS_CERT_VERIFY_SIG_LEN,
  TLS_F_HS_CERT_VERIFY_SIG,
  TLS_F_HS_VERIFY_DATA,
  TLS_F_HS_MD5_HASH,
  TLS_F_HS_SHA_HASH,
  TLS_F_HS_TICKET_LIFETIME_HINT,
  TLS_F_HS_TICKET_AGE_ADD,
  TLS_F_HS_TICKET_NONCE_LENGTH,
  TLS_F_HS_TICKET_NONCE,
  TLS_F_HS_TICKET_LENGTH,
  TLS_F_HS_TICKET,
  TLS_F_HS_KEY_UPDATE,
  TLS_F_HS_OCSP_RESPONSE_LEN,
  TLS_F_HS_CIPHER_SPEC_LEN,
  TLS_F_HS_CHALLENGE_LENGTH,
  TLS_F_HS_CIPHERSPEC,
  TLS_F_HS_CHALLENGE,
  TLS_F_HS_SESSION_ID_HIT,
  TLS_F_HS_CONNECTION_ID_LENGTH,
  TLS_F_HS_CONNECTION_ID,
  TLS_F_SCT_SCTS_LENGTH,
  TLS_F_SCT_SCT_LENGTH,
  TLS_F_SCT_SCT_VERSION,
  TLS_F_SCT_SCT_LOGID,
  TLS_F_SCT_SCT_TIMESTAMP,
  TLS_F_SCT_SCT_EXTENSIONS_LENGTH,
  TLS_F_SCT_SCT_EXTENSIONS,
  TLS_F_SCT_SCT_SIGNATURE_LENGTH,
  TLS_F_SCT_SCT_SIGNATURE,
  TLS_F_COUNT
};

#define SSL_VER_UNKNOWN     0x0000
#define SSLV2_VERSION       0x0002
#define TLCPV1_VERSION      0x0101
#define SSLV3_VERSION       0x0300
#define TLSV1_VERSION       0x0301
#define TLSV1DOT1_VERSION   0x0302
#define TLSV1DOT2_VERSION   0x0303
#define TLSV1DOT3_VERSION   0x0304

enum
{
  CT_CHANGE_CIPHER_SPEC = 20,
  CT_ALERT = 21,
  CT_HANDSHAKE = 22,
  CT_APP_DATA = 23,
  CT_HEARTBEAT = 24,
  CT_CID = 25,
};

enum
{
  HS_HELLO_REQUEST = 0,
  HS_CLIENT_HELLO = 1,
  HS_SERVER_HELLO = 2,
  HS_HELLO_VERIFY_REQUEST = 3,
  HS_NEWSESSION_TICKET = 4,
  HS_END_OF_EARLY_DATA = 5,
  HS_HELLO_RETRY_REQUEST = 6,
  HS_ENCRYPTED_EXTENSIONS = 8,
  HS_CERTIFICATE = 11,
  HS_SERVER_KEY_EXCHG = 12,
  HS_CERT_REQUEST = 13,
  HS_SVR_HELLO_DONE = 14,
  HS_CERT_VERIFY = 15,
  HS_CLIENT_KEY_EXCHG = 16,
  HS_FINISHED = 20,
  HS_CERT_URL = 21,
  HS_CERT_STATUS = 22,
  HS_SUPPLEMENTAL_DATA = 23,
  HS_KEY_UPDATE = 24,
  HS_COMPRESSED_CERTIFICATE = 25,
  HS_ENCRYPTED_EXTS = 67,
  HS_MESSAGE_HASH = 254,
};

/* The names below are those of the IANA TLS registries as tshark 4.0 shows them (its
 * `tshark -G values` lists them). */
static const SsValueString handshake_type_vals[] = {
  { 0, "Hello Request" }, { 1, "Client Hello" }, { 2, "Server Hello" },
  { 3, "Hello Verify Request" }, { 4, "New Session Ticket" }, { 5, "End of Early Data" },
  { 6, "Hello Retry Request" }, { 8, "Encrypted Extensions" }, { 11, "Certificate" },
  { 12, "Server Key Exchange" }, { 13, "Certificate Request" }, { 14, "Server Hello Done" },
  { 15, "Certificate Verify" }, { 16, "Client Key Exchange" }, { 20, "Finished" },
  { 21, "Client Certificate URL" }, { 22, "Certificate Status" }, { 23, "Supplemental Data" },
  { 24, "Key Update" }, { 25, "Compressed Certificate" }, { 67, "Encrypted Extensions" },
  { 254, "Message Hash" }, { 0, NULL }
};

/* SSL 2.0 message types (draft-hickman-netscape-ssl-00). */
static const SsValueString ssl2_msg_type_vals[] = {
  { 0, "Error" }, { 1, "Client Hello" }, { 2, "Client Master Key" }, { 3, "Client Finished" },
  { 4, "Server Hello" }, { 5, "Server Verify" }, { 6, "Server Finished" },
  { 7, "Request Certificate" }, { 8, "Client Certificate" }, { 0, NULL }
};

/* The Protocol column and record labels ("TLSv1.2 Record Layer"). */
static const SsValueString version_short_vals[] = {
  { SSLV2_VERSION, "SSLv2" }, { SSLV3_VERSION, "SSLv3" }, { TLSV1_VERSION, "TLSv1" },
  { TLCPV1_VERSION, "TLCP" }, { TLSV1DOT1_VERSION, "TLSv1.1" }, { TLSV1DOT2_VERSION, "TLSv1.2" },
  { TLSV1DOT3_VERSION, "TLSv1.3" }, { 0xfeff, "DTLSv1.0" }, { 0xfefd, "DTLSv1.2" },
  { 0x0100, "DTLS 1.0 (OpenSSL pre 0.9.8f)" }, { 0, NULL }
};

static const SsValueString content_type_vals[] = {
  { 20, "Change Cipher Spec" }, { 21, "Alert" }, { 22, "Handshake" }, { 23, "Application Data" },
  { 24, "Heartbeat" }, { 25, "Connection ID" }, { 0, NULL }
};

static const SsValueString version_vals[] = {
  { 0x0002, "SSL 2.0" }, { 0x0100, "DTLS 1.0 (OpenSSL pre 0.9.8f)" }, { 0x0101, "GMTLS" },
  { 0x0300, "SSL 3.0" }, { 0x0301, "TLS 1.0" }, { 0x0302, "TLS 1.1" }, { 0x0303, "TLS 1.2" },
  { 0x0304, "TLS 1.3" }, { 0x0a0a, "Reserved (GREASE)" }, { 0x1a1a, "Reserved (GREASE)" },
  { 0x2a2a, "Reserved (GREASE)" }, { 0x3a3a, "Reserved (GREASE)" }, { 0x4a4a, "Reserved (GREASE)" },
  { 0x5a5a, "Reserved (GREASE)" }, { 0x6a6a, "Reserved (GREASE)" }, { 0x7a7a, "Reserved (GREASE)" },
  { 0x7f0e, "TLS 1.3 (draft 14)" }, { 0x7f0f, "TLS 1.3 (draft 15)" },
  { 0x7f10, "TLS 1.3 (draft 16)" }, { 0x7f11, "TLS 1.3 (draft 17)" },
  { 0x7f12, "TLS 1.3 (draft 18)" }, { 0x7f13, "TLS 1.3 (draft 19)" },
  { 0x7f14, "TLS 1.3 (draft 20)" }, { 0x7f15, "TLS 1.3 (draft 21)" },
  { 0x7f16, "TLS 1.3 (draft 22)" }, { 0x7f17, "TLS 1.3 (draft 23)" },
  { 0x7f18, "TLS 1.3 (draft 24)" }, { 0x7f19, "TLS 1.3 (draft 25)" },
  { 0x7f1a, "TLS 1.3 (draft 26)" }, { 0x7f1b, "TLS 1.3 (draft 27)" },
  { 0x7f1c, "TLS 1.3 (draft 28)" }, { 0x8a8a, "Reserved (GREASE)" },
  { 0x9a9a, "Reserved (GREASE)" }, { 0xaaaa, "Reserved (GREASE)" }, { 0xbaba, "Reserved (GREASE)" },
  { 0xcaca, "Reserved (GREASE)" }, { 0xdada, "Reserved (GREASE)" }, { 0xeaea, "Reserved (GREASE)" },
  { 0xfafa, "Reserved (GREASE)" }, { 0xfb17, "TLS 1.3 (Facebook draft 23)" },
  { 0xfb1a, "TLS 1.3 (Facebook draft 26)" }, { 0xfefd, "DTLS 1.2" }, { 0xfeff, "DTLS 1.0" },
  { 0, NULL }
};

static const SsValueString alert_level_vals[] = {
  { 1, "Warning" }, { 2, "Fatal" }, { 0, NULL }
};

static const SsValueString alert_desc_vals[] = {
  { 0, "Close Notify" }, { 1, "End of Early Data" }, { 10, "Unexpected Message" },
  { 20, "Bad Record MAC" }, { 21, "Decryption Failed" }, { 22, "Record Overflow" },
  { 30, "Decompression Failure" }, { 40, "Handshake Failure" }, { 41, "No Certificate" },
  { 42, "Bad Certificate" }, { 43, "Unsupported Certificate" }, { 44, "Certificate Revoked" },
  { 45, "Certificate Expired" }, { 46, "Certificate Unknown" }, { 47, "Illegal Parameter" },
  { 48, "Unknown CA" }, { 49, "Access Denied" }, { 50, "Decode Error" }, { 51, "Decrypt Error" },
  { 60, "Export Restriction" }, { 70, "Protocol Version" }, { 71, "Insufficient Security" },
  { 80, "Internal Error" }, { 86, "Inappropriate Fallback" }, { 90, "User Canceled" },
  { 100, "No Renegotiation" }, { 109, "Missing Extension" }, { 110, "Unsupported Extension" },
  { 111, "Certificate Unobtainable" }, { 112, "Unrecognized Name" },
  { 113, "Bad Certificate Status Response" }, { 114, "Bad Certificate Hash Value" },
  { 115, "Unknown PSK Identity" }, { 116, "Certificate Required" },
  { 120, "No application Protocol" }, { 121, "ECH Required" }, { 0, NULL }
};

static const SsValueString ciphersuite_vals[] = {
  { 0x0000, "TLS_NULL_WITH_NULL_NULL" }, { 0x0001, "TLS_RSA_WITH_NULL_MD5" },
  { 0x0002, "TLS_RSA_WITH_NULL_SHA" }, { 0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5" },
  { 0x0004, "TLS_RSA_WITH_RC4_128_MD5" }, { 0x0005, "TLS_RSA_WITH_RC4_128_SHA" },
  { 0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5" }, { 0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA" },
  { 0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA" }, { 0x0009, "TLS_RSA_WITH_DES_CBC_SHA" },
  { 0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA" }, { 0x000b, "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA" },
  { 0x000c, "TLS_DH_DSS_WITH_DES_CBC_SHA" }, { 0x000d, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA" },
  { 0x000e, "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA" }, { 0x000f, "TLS_DH_RSA_WITH_DES_CBC_SHA" },
  { 0x0010, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA" },
  { 0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA" }, { 0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA" },
  { 0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA" },
  { 0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA" }, { 0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA" },
  { 0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA" }, { 0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5" },
  { 0x0018, "TLS_DH_anon_WITH_RC4_128_MD5" }, { 0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA" },
  { 0x001a, "TLS_DH_anon_WITH_DES_CBC_SHA" }, { 0x001b, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA" },
  { 0x001c, "SSL_FORTEZZA_KEA_WITH_NULL_SHA" },
  { 0x001d, "SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA" }, { 0x001e, "TLS_KRB5_WITH_DES_CBC_SHA" },
  { 0x001f, "TLS_KRB5_WITH_3DES_EDE_CBC_SHA" }, { 0x0020, "TLS_KRB5_WITH_RC4_128_SHA" },
  { 0x0021, "TLS_KRB5_WITH_IDEA_CBC_SHA" }, { 0x0022, "TLS_KRB5_WITH_DES_CBC_MD5" },
  { 0x0023, "TLS_KRB5_WITH_3DES_EDE_CBC_MD5" }, { 0x0024, "TLS_KRB5_WITH_RC4_128_MD5" },
  { 0x0025, "TLS_KRB5_WITH_IDEA_CBC_MD5" }, { 0x0026, "TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA" },
  { 0x0027, "TLS_KRB5_EXPORT_WITH_RC2_CBC_40_SHA" }, { 0x0028, "TLS_KRB5_EXPORT_WITH_RC4_40_SHA" },
  { 0x0029, "TLS_KRB5_EXPORT_WITH_DES_CBC_40_MD5" },
  { 0x002a, "TLS_KRB5_EXPORT_WITH_RC2_CBC_40_MD5" }, { 0x002b, "TLS_KRB5_EXPORT_WITH_RC4_40_MD5" },
  { 0x002c, "TLS_PSK_WITH_NULL_SHA" }, { 0x002d, "TLS_DHE_PSK_WITH_NULL_SHA" },
  { 0x002e, "TLS_RSA_PSK_WITH_NULL_SHA" }, { 0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA" },
  { 0x0030, "TLS_DH_DSS_WITH_AES_128_CBC_SHA" }, { 0x0031, "TLS_DH_RSA_WITH_AES_128_CBC_SHA" },
  { 0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA" }, { 0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA" },
  { 0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA" }, { 0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA" },
  { 0x0036, "TLS_DH_DSS_WITH_AES_256_CBC_SHA" }, { 0x0037, "TLS_DH_RSA_WITH_AES_256_CBC_SHA" },
  { 0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA" }, { 0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA" },
  { 0x003a, "TLS_DH_anon_WITH_AES_256_CBC_SHA" }, { 0x003b, "TLS_RSA_WITH_NULL_SHA256" },
  { 0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256" }, { 0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256" },
  { 0x003e, "TLS_DH_DSS_WITH_AES_128_CBC_SHA256" },
  { 0x003f, "TLS_DH_RSA_WITH_AES_128_CBC_SHA256" },
  { 0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256" },
  { 0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA" },
  { 0x0042, "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA" },
  { 0x0043, "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA" },
  { 0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA" },
  { 0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA" },
  { 0x0046, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA" },
  { 0x0060, "TLS_RSA_EXPORT1024_WITH_RC4_56_MD5" },
  { 0x0061, "TLS_RSA_EXPORT1024_WITH_RC2_CBC_56_MD5" },
  { 0x0062, "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA" },
  { 0x0063, "TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA" },
  { 0x0064, "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA" },
  { 0x0065, "TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA" }, { 0x0066, "TLS_DHE_DSS_WITH_RC4_128_SHA" },
  { 0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256" },
  { 0x0068, "TLS_DH_DSS_WITH_AES_256_CBC_SHA256" },
  { 0x0069, "TLS_DH_RSA_WITH_AES_256_CBC_SHA256" },
  { 0x006a, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256" },
  { 0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256" },
  { 0x006c, "TLS_DH_anon_WITH_AES_128_CBC_SHA256" },
  { 0x006d, "TLS_DH_anon_WITH_AES_256_CBC_SHA256" },
  { 0x0080, "TLS_GOSTR341094_WITH_28147_CNT_IMIT" },
  { 0x0081, "TLS_GOSTR341001_WITH_28147_CNT_IMIT" },
  { 0x0082, "TLS_GOSTR341094_WITH_NULL_GOSTR3411" },
  { 0x0083, "TLS_GOSTR341001_WITH_NULL_GOSTR3411" },
  { 0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA" },
  { 0x0085, "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA" },
  { 0x0086, "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA" },
  { 0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA" },
  { 0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA" },
  { 0x0089, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA" }, { 0x008a, "TLS_PSK_WITH_RC4_128_SHA" },
  { 0x008b, "TLS_PSK_WITH_3DES_EDE_CBC_SHA" }, { 0x008c, "TLS_PSK_WITH_AES_128_CBC_SHA" },
  { 0x008d, "TLS_PSK_WITH_AES_256_CBC_SHA" }, { 0x008e, "TLS_DHE_PSK_WITH_RC4_128_SHA" },
  { 0x008f, "TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA" }, { 0x0090, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA" },
  { 0x0091, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA" }, { 0x0092, "TLS_RSA_PSK_WITH_RC4_128_SHA" },
  { 0x0093, "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA" }, { 0x0094, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA" },
  { 0x0095, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA" }, { 0x0096, "TLS_RSA_WITH_SEED_CBC_SHA" },
  { 0x0097, "TLS_DH_DSS_WITH_SEED_CBC_SHA" }, { 0x0098, "TLS_DH_RSA_WITH_SEED_CBC_SHA" },
  { 0x0099, "TLS_DHE_DSS_WITH_SEED_CBC_SHA" }, { 0x009a, "TLS_DHE_RSA_WITH_SEED_CBC_SHA" },
  { 0x009b, "TLS_DH_anon_WITH_SEED_CBC_SHA" }, { 0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256" },
  { 0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384" }, { 0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256" },
  { 0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384" },
  { 0x00a0, "TLS_DH_RSA_WITH_AES_128_GCM_SHA256" },
  { 0x00a1, "TLS_DH_RSA_WITH_AES_256_GCM_SHA384" },
  { 0x00a2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256" },
  { 0x00a3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384" },
  { 0x00a4, "TLS_DH_DSS_WITH_AES_128_GCM_SHA256" },
  { 0x00a5, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384" },
  { 0x00a6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256" },
  { 0x00a7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384" }, { 0x00a8, "TLS_PSK_WITH_AES_128_GCM_SHA256" },
  { 0x00a9, "TLS_PSK_WITH_AES_256_GCM_SHA384" }, { 0x00aa, "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256" },
  { 0x00ab, "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384" },
  { 0x00ac, "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256" },
  { 0x00ad, "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384" }, { 0x00ae, "TLS_PSK_WITH_AES_128_CBC_SHA256" },
  { 0x00af, "TLS_PSK_WITH_AES_256_CBC_SHA384" }, { 0x00b0, "TLS_PSK_WITH_NULL_SHA256" },
  { 0x00b1, "TLS_PSK_WITH_NULL_SHA384" }, { 0x00b2, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256" },
  { 0x00b3, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA384" }, { 0x00b4, "TLS_DHE_PSK_WITH_NULL_SHA256" },
  { 0x00b5, "TLS_DHE_PSK_WITH_NULL_SHA384" }, { 0x00b6, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256" },
  { 0x00b7, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384" }, { 0x00b8, "TLS_RSA_PSK_WITH_NULL_SHA256" },
  { 0x00b9, "TLS_RSA_PSK_WITH_NULL_SHA384" }, { 0x00ba, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0x00bb, "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0x00bc, "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0x00bd, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0x00be, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0x00bf, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0x00c0, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256" },
  { 0x00c1, "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA256" },
  { 0x00c2, "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA256" },
  { 0x00c3, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256" },
  { 0x00c4, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256" },
  { 0x00c5, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256" }, { 0x00c6, "TLS_SM4_GCM_SM3" },
  { 0x00c7, "TLS_SM4_CCM_SM3" }, { 0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV" },
  { 0x0a0a, "Reserved (GREASE)" }, { 0x1301, "TLS_AES_128_GCM_SHA256" },
  { 0x1302, "TLS_AES_256_GCM_SHA384" }, { 0x1303, "TLS_CHACHA20_POLY1305_SHA256" },
  { 0x1304, "TLS_AES_128_CCM_SHA256" }, { 0x1305, "TLS_AES_128_CCM_8_SHA256" },
  { 0x1a1a, "Reserved (GREASE)" }, { 0x2a2a, "Reserved (GREASE)" }, { 0x3a3a, "Reserved (GREASE)" },
  { 0x4a4a, "Reserved (GREASE)" }, { 0x5600, "TLS_FALLBACK_SCSV" }, { 0x5a5a, "Reserved (GREASE)" },
  { 0x6a6a, "Reserved (GREASE)" }, { 0x7a7a, "Reserved (GREASE)" }, { 0x8a8a, "Reserved (GREASE)" },
  { 0x9a9a, "Reserved (GREASE)" }, { 0xaaaa, "Reserved (GREASE)" }, { 0xbaba, "Reserved (GREASE)" },
  { 0xc001, "TLS_ECDH_ECDSA_WITH_NULL_SHA" }, { 0xc002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA" },
  { 0xc003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA" },
  { 0xc004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA" },
  { 0xc005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA" }, { 0xc006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA" },
  { 0xc007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA" },
  { 0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA" },
  { 0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA" },
  { 0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA" }, { 0xc00b, "TLS_ECDH_RSA_WITH_NULL_SHA" },
  { 0xc00c, "TLS_ECDH_RSA_WITH_RC4_128_SHA" }, { 0xc00d, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA" },
  { 0xc00e, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA" }, { 0xc00f, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA" },
  { 0xc010, "TLS_ECDHE_RSA_WITH_NULL_SHA" }, { 0xc011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA" },
  { 0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA" },
  { 0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA" },
  { 0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA" }, { 0xc015, "TLS_ECDH_anon_WITH_NULL_SHA" },
  { 0xc016, "TLS_ECDH_anon_WITH_RC4_128_SHA" }, { 0xc017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA" },
  { 0xc018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA" },
  { 0xc019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA" }, { 0xc01a, "TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA" },
  { 0xc01b, "TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA" },
  { 0xc01c, "TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA" },
  { 0xc01d, "TLS_SRP_SHA_WITH_AES_128_CBC_SHA" },
  { 0xc01e, "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA" },
  { 0xc01f, "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA" },
  { 0xc020, "TLS_SRP_SHA_WITH_AES_256_CBC_SHA" },
  { 0xc021, "TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA" },
  { 0xc022, "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA" },
  { 0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256" },
  { 0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384" },
  { 0xc025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256" },
  { 0xc026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384" },
  { 0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256" },
  { 0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384" },
  { 0xc029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256" },
  { 0xc02a, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384" },
  { 0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" },
  { 0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" },
  { 0xc02d, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256" },
  { 0xc02e, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384" },
  { 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" },
  { 0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
  { 0xc031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256" },
  { 0xc032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384" }, { 0xc033, "TLS_ECDHE_PSK_WITH_RC4_128_SHA" },
  { 0xc034, "TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA" },
  { 0xc035, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA" },
  { 0xc036, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA" },
  { 0xc037, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256" },
  { 0xc038, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384" }, { 0xc039, "TLS_ECDHE_PSK_WITH_NULL_SHA" },
  { 0xc03a, "TLS_ECDHE_PSK_WITH_NULL_SHA256" }, { 0xc03b, "TLS_ECDHE_PSK_WITH_NULL_SHA384" },
  { 0xc03c, "TLS_RSA_WITH_ARIA_128_CBC_SHA256" }, { 0xc03d, "TLS_RSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc03e, "TLS_DH_DSS_WITH_ARIA_128_CBC_SHA256" },
  { 0xc03f, "TLS_DH_DSS_WITH_ARIA_256_CBC_SHA384" },
  { 0xc040, "TLS_DH_RSA_WITH_ARIA_128_CBC_SHA256" },
  { 0xc041, "TLS_DH_RSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc042, "TLS_DHE_DSS_WITH_ARIA_128_CBC_SHA256" },
  { 0xc043, "TLS_DHE_DSS_WITH_ARIA_256_CBC_SHA384" },
  { 0xc044, "TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256" },
  { 0xc045, "TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc046, "TLS_DH_anon_WITH_ARIA_128_CBC_SHA256" },
  { 0xc047, "TLS_DH_anon_WITH_ARIA_256_CBC_SHA384" },
  { 0xc048, "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256" },
  { 0xc049, "TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc04a, "TLS_ECDH_ECDSA_WITH_ARIA_128_CBC_SHA256" },
  { 0xc04b, "TLS_ECDH_ECDSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc04c, "TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256" },
  { 0xc04d, "TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc04e, "TLS_ECDH_RSA_WITH_ARIA_128_CBC_SHA256" },
  { 0xc04f, "TLS_ECDH_RSA_WITH_ARIA_256_CBC_SHA384" },
  { 0xc050, "TLS_RSA_WITH_ARIA_128_GCM_SHA256" }, { 0xc051, "TLS_RSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc052, "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256" },
  { 0xc053, "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc054, "TLS_DH_RSA_WITH_ARIA_128_GCM_SHA256" },
  { 0xc055, "TLS_DH_RSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc056, "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256" },
  { 0xc057, "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384" },
  { 0xc058, "TLS_DH_DSS_WITH_ARIA_128_GCM_SHA256" },
  { 0xc059, "TLS_DH_DSS_WITH_ARIA_256_GCM_SHA384" },
  { 0xc05a, "TLS_DH_anon_WITH_ARIA_128_GCM_SHA256" },
  { 0xc05b, "TLS_DH_anon_WITH_ARIA_256_GCM_SHA384" },
  { 0xc05c, "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256" },
  { 0xc05d, "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc05e, "TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256" },
  { 0xc05f, "TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc060, "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256" },
  { 0xc061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc062, "TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256" },
  { 0xc063, "TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384" },
  { 0xc064, "TLS_PSK_WITH_ARIA_128_CBC_SHA256" }, { 0xc065, "TLS_PSK_WITH_ARIA_256_CBC_SHA384" },
  { 0xc066, "TLS_DHE_PSK_WITH_ARIA_128_CBC_SHA256" },
  { 0xc067, "TLS_DHE_PSK_WITH_ARIA_256_CBC_SHA384" },
  { 0xc068, "TLS_RSA_PSK_WITH_ARIA_128_CBC_SHA256" },
  { 0xc069, "TLS_RSA_PSK_WITH_ARIA_256_CBC_SHA384" },
  { 0xc06a, "TLS_PSK_WITH_ARIA_128_GCM_SHA256" }, { 0xc06b, "TLS_PSK_WITH_ARIA_256_GCM_SHA384" },
  { 0xc06c, "TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256" },
  { 0xc06d, "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384" },
  { 0xc06e, "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256" },
  { 0xc06f, "TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384" },
  { 0xc070, "TLS_ECDHE_PSK_WITH_ARIA_128_CBC_SHA256" },
  { 0xc071, "TLS_ECDHE_PSK_WITH_ARIA_256_CBC_SHA384" },
  { 0xc072, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc073, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc074, "TLS_ECDH_ECDSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc075, "TLS_ECDH_ECDSA_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc076, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc077, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc078, "TLS_ECDH_RSA_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc079, "TLS_ECDH_RSA_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc07a, "TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc07b, "TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc07c, "TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc07d, "TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc07e, "TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc07f, "TLS_DH_RSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc080, "TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc081, "TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc082, "TLS_DH_DSS_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc083, "TLS_DH_DSS_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc084, "TLS_DH_anon_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc085, "TLS_DH_anon_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc086, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc087, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc088, "TLS_ECDH_ECDSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc089, "TLS_ECDH_ECDSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc08a, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc08b, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc08c, "TLS_ECDH_RSA_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc08d, "TLS_ECDH_RSA_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc08e, "TLS_PSK_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc08f, "TLS_PSK_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc090, "TLS_DHE_PSK_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc091, "TLS_DHE_PSK_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc092, "TLS_RSA_PSK_WITH_CAMELLIA_128_GCM_SHA256" },
  { 0xc093, "TLS_RSA_PSK_WITH_CAMELLIA_256_GCM_SHA384" },
  { 0xc094, "TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc095, "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc096, "TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc097, "TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc098, "TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc099, "TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384" },
  { 0xc09a, "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256" },
  { 0xc09b, "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384" }, { 0xc09c, "TLS_RSA_WITH_AES_128_CCM" },
  { 0xc09d, "TLS_RSA_WITH_AES_256_CCM" }, { 0xc09e, "TLS_DHE_RSA_WITH_AES_128_CCM" },
  { 0xc09f, "TLS_DHE_RSA_WITH_AES_256_CCM" }, { 0xc0a0, "TLS_RSA_WITH_AES_128_CCM_8" },
  { 0xc0a1, "TLS_RSA_WITH_AES_256_CCM_8" }, { 0xc0a2, "TLS_DHE_RSA_WITH_AES_128_CCM_8" },
  { 0xc0a3, "TLS_DHE_RSA_WITH_AES_256_CCM_8" }, { 0xc0a4, "TLS_PSK_WITH_AES_128_CCM" },
  { 0xc0a5, "TLS_PSK_WITH_AES_256_CCM" }, { 0xc0a6, "TLS_DHE_PSK_WITH_AES_128_CCM" },
  { 0xc0a7, "TLS_DHE_PSK_WITH_AES_256_CCM" }, { 0xc0a8, "TLS_PSK_WITH_AES_128_CCM_8" },
  { 0xc0a9, "TLS_PSK_WITH_AES_256_CCM_8" }, { 0xc0aa, "TLS_PSK_DHE_WITH_AES_128_CCM_8" },
  { 0xc0ab, "TLS_PSK_DHE_WITH_AES_256_CCM_8" }, { 0xc0ac, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM" },
  { 0xc0ad, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM" }, { 0xc0ae, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8" },
  { 0xc0af, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8" },
  { 0xc0b0, "TLS_ECCPWD_WITH_AES_128_GCM_SHA256" },
  { 0xc0b1, "TLS_ECCPWD_WITH_AES_256_GCM_SHA384" },
  { 0xc0b2, "TLS_ECCPWD_WITH_AES_128_CCM_SHA256" },
  { 0xc0b3, "TLS_ECCPWD_WITH_AES_256_CCM_SHA384" }, { 0xc0b4, "TLS_SHA256_SHA256" },
  { 0xc0b5, "TLS_SHA384_SHA384" }, { 0xc0ff, "TLS_ECJPAKE_WITH_AES_128_CCM_8" },
  { 0xc100, "TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC" },
  { 0xc101, "TLS_GOSTR341112_256_WITH_MAGMA_CTR_OMAC" },
  { 0xc102, "TLS_GOSTR341112_256_WITH_28147_CNT_IMIT" },
  { 0xc103, "TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_L" },
  { 0xc104, "TLS_GOSTR341112_256_WITH_MAGMA_MGM_L" },
  { 0xc105, "TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_S" },
  { 0xc106, "TLS_GOSTR341112_256_WITH_MAGMA_MGM_S" }, { 0xcaca, "Reserved (GREASE)" },
  { 0xcc13, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xcc14, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xcc15, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xccab, "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xccac, "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xccad, "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xccae, "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256" },
  { 0xd001, "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256" },
  { 0xd002, "TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384" },
  { 0xd003, "TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256" },
  { 0xd005, "TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256" }, { 0xdada, "Reserved (GREASE)" },
  { 0xe001, "ECDHE_SM1_SM3" }, { 0xe003, "ECC_SM1_SM3" }, { 0xe005, "IBSDH_SM1_SM3" },
  { 0xe007, "IBC_SM1_SM3" }, { 0xe009, "RSA_SM1_SM3" }, { 0xe00a, "RSA_SM1_SHA1" },
  { 0xe011, "ECDHE_SM4_CBC_SM3" }, { 0xe013, "ECC_SM4_CBC_SM3" }, { 0xe015, "IBSDH_SM4_CBC_SM3" },
  { 0xe017, "IBC_SM4_CBC_SM3" }, { 0xe019, "RSA_SM4_CBC_SM3" }, { 0xe01a, "RSA_SM4_CBC_SHA1" },
  { 0xe01c, "RSA_SM4_CBC_SHA256" }, { 0xe051, "ECDHE_SM4_GCM_SM3" }, { 0xe053, "ECC_SM4_GCM_SM3" },
  { 0xe055, "IBSDH_SM4_GCM_SM3" }, { 0xe057, "IBC_SM4_GCM_SM3" }, { 0xe059, "RSA_SM4_GCM_SM3" },
  { 0xe05a, "RSA_SM4_GCM_SHA256" }, { 0xe410, "TLS_RSA_WITH_ESTREAM_SALSA20_SHA1" },
  { 0xe411, "TLS_RSA_WITH_SALSA20_SHA1" }, { 0xe412, "TLS_ECDHE_RSA_WITH_ESTREAM_SALSA20_SHA1" },
  { 0xe413, "TLS_ECDHE_RSA_WITH_SALSA20_SHA1" },
  { 0xe414, "TLS_ECDHE_ECDSA_WITH_ESTREAM_SALSA20_SHA1" },
  { 0xe415, "TLS_ECDHE_ECDSA_WITH_SALSA20_SHA1" }, { 0xe416, "TLS_PSK_WITH_ESTREAM_SALSA20_SHA1" },
  { 0xe417, "TLS_PSK_WITH_SALSA20_SHA1" }, { 0xe418, "TLS_ECDHE_PSK_WITH_ESTREAM_SALSA20_SHA1" },
  { 0xe419, "TLS_ECDHE_PSK_WITH_SALSA20_SHA1" },
  { 0xe41a, "TLS_RSA_PSK_WITH_ESTREAM_SALSA20_SHA1" }, { 0xe41b, "TLS_RSA_PSK_WITH_SALSA20_SHA1" },
  { 0xe41c, "TLS_DHE_PSK_WITH_ESTREAM_SALSA20_SHA1" }, { 0xe41d, "TLS_DHE_PSK_WITH_SALSA20_SHA1" },
  { 0xe41e, "TLS_DHE_RSA_WITH_ESTREAM_SALSA20_SHA1" }, { 0xe41f, "TLS_DHE_RSA_WITH_SALSA20_SHA1" },
  { 0xeaea, "Reserved (GREASE)" }, { 0xfafa, "Reserved (GREASE)" },
  { 0xfefe, "SSL_RSA_FIPS_WITH_DES_CBC_SHA" }, { 0xfeff, "SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA" },
  { 0xffe0, "SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA" }, { 0xffe1, "SSL_RSA_FIPS_WITH_DES_CBC_SHA" },
  { 0, NULL }
};

static const SsValueString extension_type_vals[] = {
  { 0, "server_name" }, { 1, "max_fragment_length" }, { 2, "client_certificate_url" },
  { 3, "trusted_ca_keys" }, { 4, "truncated_hmac" }, { 5, "status_request" }, { 6, "user_mapping" },
  { 7, "client_authz" }, { 8, "server_authz" }, { 9, "cert_type" }, { 10, "supported_groups" },
  { 11, "ec_point_formats" }, { 12, "srp" }, { 13, "signature_algorithms" }, { 14, "use_srtp" },
  { 15, "heartbeat" }, { 16, "application_layer_protocol_negotiation" },
  { 17, "status_request_v2" }, { 18, "signed_certificate_timestamp" },
  { 19, "client_certificate_type" }, { 20, "server_certificate_type" }, { 21, "padding" },
  { 22, "encrypt_then_mac" }, { 23, "extended_master_secret" }, { 24, "token_binding" },
  { 25, "cached_info" }, { 27, "compress_certificate" }, { 28, "record_size_limit" },
  { 34, "delegated_credentials" }, { 35, "session_ticket" }, { 40, "Reserved (key_share)" },
  { 41, "pre_shared_key" }, { 42, "early_data" }, { 43, "supported_versions" }, { 44, "cookie" },
  { 45, "psk_key_exchange_modes" }, { 46, "Reserved (ticket_early_data_info)" },
  { 47, "certificate_authorities" }, { 48, "oid_filters" }, { 49, "post_handshake_auth" },
  { 50, "signature_algorithms_cert" }, { 51, "key_share" }, { 52, "transparency_info" },
  { 53, "connection_id (deprecated)" }, { 54, "connection_id" }, { 55, "external_id_hash" },
  { 56, "external_session_id" }, { 57, "quic_transport_parameters" }, { 58, "ticket_request" },
  { 59, "dnssec_chain" }, { 2570, "Reserved (GREASE)" }, { 6682, "Reserved (GREASE)" },
  { 10794, "Reserved (GREASE)" }, { 13172, "next_protocol_negotiation" },
  { 14906, "Reserved (GREASE)" }, { 17513, "application_settings" }, { 19018, "Reserved (GREASE)" },
  { 23130, "Reserved (GREASE)" }, { 27242, "Reserved (GREASE)" }, { 30031, "channel_id_old" },
  { 30032, "channel_id" }, { 31354, "Reserved (GREASE)" }, { 35466, "Reserved (GREASE)" },
  { 39578, "Reserved (GREASE)" }, { 43690, "Reserved (GREASE)" }, { 47802, "Reserved (GREASE)" },
  { 51914, "Reserved (GREASE)" }, { 56026, "Reserved (GREASE)" }, { 60138, "Reserved (GREASE)" },
  { 64250, "Reserved (GREASE)" }, { 65281, "renegotiation_info" },
  { 65445, "quic_transport_parameters (drafts version)" }, { 65486, "encrypted_server_name" },
  { 0, NULL }
};

static const SsValueString group_vals[] = {
  { 0x0001, "sect163k1" }, { 0x0002, "sect163r1" }, { 0x0003, "sect163r2" },
  { 0x0004, "sect193r1" }, { 0x0005, "sect193r2" }, { 0x0006, "sect233k1" },
  { 0x0007, "sect233r1" }, { 0x0008, "sect239k1" }, { 0x0009, "sect283k1" },
  { 0x000a, "sect283r1" }, { 0x000b, "sect409k1" }, { 0x000c, "sect409r1" },
  { 0x000d, "sect571k1" }, { 0x000e, "sect571r1" }, { 0x000f, "secp160k1" },
  { 0x0010, "secp160r1" }, { 0x0011, "secp160r2" }, { 0x0012, "secp192k1" },
  { 0x0013, "secp192r1" }, { 0x0014, "secp224k1" }, { 0x0015, "secp224r1" },
  { 0x0016, "secp256k1" }, { 0x0017, "secp256r1" }, { 0x0018, "secp384r1" },
  { 0x0019, "secp521r1" }, { 0x001a, "brainpoolP256r1" }, { 0x001b, "brainpoolP384r1" },
  { 0x001c, "brainpoolP512r1" }, { 0x001d, "x25519" }, { 0x001e, "x448" }, { 0x0029, "curveSM2" },
  { 0x0100, "ffdhe2048" }, { 0x0101, "ffdhe3072" }, { 0x0102, "ffdhe4096" },
  { 0x0103, "ffdhe6144" }, { 0x0104, "ffdhe8192" }, { 0x0200, "frodo640aes" },
  { 0x0201, "frodo640shake" }, { 0x0202, "frodo976aes" }, { 0x0203, "frodo976shake" },
  { 0x0204, "frodo1344aes" }, { 0x0205, "frodo1344shake" }, { 0x0214, "ntru_hps2048509" },
  { 0x0215, "ntru_hps2048677" }, { 0x0216, "ntru_hps4096821" }, { 0x0217, "ntru_hrss701" },
  { 0x0218, "lightsaber" }, { 0x0219, "saber" }, { 0x021a, "firesaber" }, { 0x021b, "sidhp434" },
  { 0x021c, "sidhp503" }, { 0x021d, "sidhp610" }, { 0x021e, "sidhp751" }, { 0x021f, "sikep434" },
  { 0x0220, "sikep503" }, { 0x0221, "sikep610" }, { 0x0222, "sikep751" }, { 0x022c, "hqc128" },
  { 0x022d, "hqc192" }, { 0x022e, "hqc256" }, { 0x022f, "ntrulpr653" }, { 0x0230, "ntrulpr761" },
  { 0x0231, "ntrulpr857" }, { 0x0232, "sntrup653" }, { 0x0233, "sntrup761" },
  { 0x0234, "sntrup857" }, { 0x0238, "bikel1" }, { 0x023a, "kyber512" }, { 0x023b, "bikel3" },
  { 0x023c, "kyber768" }, { 0x023d, "kyber1024" }, { 0x023e, "kyber90s512" },
  { 0x023f, "kyber90s768" }, { 0x0240, "kyber90s1024" }, { 0x0241, "ntrulpr1277" },
  { 0x0242, "sntrup1277" }, { 0x0245, "ntru_hps40961229" }, { 0x0246, "ntru_hrss1373" },
  { 0x0a0a, "Reserved (GREASE)" }, { 0x1a1a, "Reserved (GREASE)" }, { 0x2a2a, "Reserved (GREASE)" },
  { 0x2f00, "p256_frodo640aes" }, { 0x2f01, "p256_frodo640shake" }, { 0x2f02, "p384_frodo976aes" },
  { 0x2f03, "p384_frodo976shake" }, { 0x2f04, "p521_frodo1344aes" },
  { 0x2f05, "p521_frodo1344shake" }, { 0x2f14, "p256_ntru_hps2048509" },
  { 0x2f15, "p384_ntru_hps2048677" }, { 0x2f16, "p521_ntru_hps4096821" },
  { 0x2f17, "p384_ntru_hrss701" }, { 0x2f18, "p256_lightsaber" }, { 0x2f19, "p384_saber" },
  { 0x2f1a, "p521_firesaber" }, { 0x2f1b, "p256_sidhp434" }, { 0x2f1c, "p256_sidhp503" },
  { 0x2f1d, "p384_sidhp610" }, { 0x2f1e, "p521_sidhp751" }, { 0x2f1f, "p256_sikep434" },
  { 0x2f20, "p256_sikep503" }, { 0x2f21, "p384_sikep610" }, { 0x2f22, "p521_sikep751" },
  { 0x2f2c, "p256_hqc128" }, { 0x2f2d, "p384_hqc192" }, { 0x2f2e, "p521_hqc256" },
  { 0x2f2f, "p256_ntrulpr653" }, { 0x2f31, "p384_ntrulpr857" }, { 0x2f32, "p256_sntrup653" },
  { 0x2f34, "p384_sntrup857" }, { 0x2f38, "p256_bikel1" }, { 0x2f3a, "p256_kyber512" },
  { 0x2f3b, "p384_bikel3" }, { 0x2f3c, "p384_kyber768" }, { 0x2f3d, "p521_kyber1024" },
  { 0x2f3e, "p256_kyber90s512" }, { 0x2f3f, "p384_kyber90s768" }, { 0x2f40, "p521_kyber90s1024" },
  { 0x2f41, "p521_ntrulpr1277" }, { 0x2f42, "p521_sntrup1277" }, { 0x2f43, "p256_ntrulpr761" },
  { 0x2f44, "p256_sntrup761" }, { 0x2f45, "p521_ntru_hps40961229" },
  { 0x2f46, "p521_ntru_hrss1373" }, { 0x3a3a, "Reserved (GREASE)" },
  { 0x4a4a, "Reserved (GREASE)" }, { 0x5a5a, "Reserved (GREASE)" }, { 0x6a6a, "Reserved (GREASE)" },
  { 0x7a7a, "Reserved (GREASE)" }, { 0x8a8a, "Reserved (GREASE)" }, { 0x9a9a, "Reserved (GREASE)" },
  { 0xaaaa, "Reserved (GREASE)" }, { 0xbaba, "Reserved (GREASE)" }, { 0xcaca, "Reserved (GREASE)" },
  { 0xdada, "Reserved (GREASE)" }, { 0xeaea, "Reserved (GREASE)" }, { 0xfafa, "Reserved (GREASE)" },
  { 0xff01, "arbitrary_explicit_prime_curves" }, { 0xff02, "arbitrary_explicit_char2_curves" },
  { 0, NULL }
};

static const SsValueString sig_alg_vals[] = {
  { 0x0201, "rsa_pkcs1_sha1" }, { 0x0203, "ecdsa_sha1" }, { 0x0401, "rsa_pkcs1_sha256" },
  { 0x0403, "ecdsa_secp256r1_sha256" }, { 0x0501, "rsa_pkcs1_sha384" },
  { 0x0503, "ecdsa_secp384r1_sha384" }, { 0x0601, "rsa_pkcs1_sha512" },
  { 0x0603, "ecdsa_secp521r1_sha512" }, { 0x0708, "sm2sig_sm3" }, { 0x0804, "rsa_pss_rsae_sha256" },
  { 0x0805, "rsa_pss_rsae_sha384" }, { 0x0806, "rsa_pss_rsae_sha512" }, { 0x0807, "ed25519" },
  { 0x0808, "ed448" }, { 0x0809, "rsa_pss_pss_sha256" }, { 0x080a, "rsa_pss_pss_sha384" },
  { 0x080b, "rsa_pss_pss_sha512" }, { 0xfe0b, "falcon512" }, { 0xfe0c, "p256_falcon512" },
  { 0xfe0d, "rsa3072_falcon512" }, { 0xfe0e, "falcon1024" }, { 0xfe0f, "p521_falcon1024" },
  { 0xfe1b, "picnic3l1" }, { 0xfe1c, "p256_picnic3l1" }, { 0xfe1d, "rsa3072_picnic3l1" },
  { 0xfe27, "rainbowIclassic" }, { 0xfe28, "p256_rainbowIclassic" },
  { 0xfe29, "rsa3072_rainbowIclassic" }, { 0xfe3c, "rainbowVclassic" },
  { 0xfe3d, "p521_rainbowVclassic" }, { 0xfe42, "sphincsharaka128frobust" },
  { 0xfe43, "p256_sphincsharaka128frobust" }, { 0xfe44, "rsa3072_sphincsharaka128frobust" },
  { 0xfe5e, "sphincssha256128frobust" }, { 0xfe5f, "p256_sphincssha256128frobust" },
  { 0xfe60, "rsa3072_sphincssha256128frobust" }, { 0xfe7a, "sphincsshake256128frobust" },
  { 0xfe7b, "p256_sphincsshake256128frobust" }, { 0xfe7c, "rsa3072_sphincsshake256128frobust" },
  { 0xfe96, "picnicl1full" }, { 0xfe97, "p256_picnicl1full" }, { 0xfe98, "rsa3072_picnicl1full" },
  { 0xfea0, "dilithium2" }, { 0xfea1, "p256_dilithium2" }, { 0xfea2, "rsa3072_dilithium2" },
  { 0xfea3, "dilithium3" }, { 0xfea4, "p384_dilithium3" }, { 0xfea5, "dilithium5" },
  { 0xfea6, "p521_dilithium5" }, { 0xfea7, "dilithium2_aes" }, { 0xfea8, "p256_dilithium2_aes" },
  { 0xfea9, "rsa3072_dilithium2_aes" }, { 0xfeaa, "dilithium3_aes" },
  { 0xfeab, "p384_dilithium3_aes" }, { 0xfeac, "dilithium5_aes" },
  { 0xfead, "p521_dilithium5_aes" }, { 0, NULL }
};

static const SsValueString sig_hash_vals[] = {
  { 0, "None" }, { 1, "MD5" }, { 2, "SHA1" }, { 3, "SHA224" }, { 4, "SHA256" }, { 5, "SHA384" },
  { 6, "SHA512" }, { 7, "SM3" }, { 0, NULL }
};

static const SsValueString sig_sig_vals[] = {
  { 0, "Anonymous" }, { 1, "RSA" }, { 2, "DSA" }, { 3, "ECDSA" }, { 4, "SM2" }, { 0, NULL }
};

static const SsValueString ec_point_format_vals[] = {
  { 0, "uncompressed" }, { 1, "ansiX962_compressed_prime" }, { 2, "ansiX962_compressed_char2" },
  { 0, NULL }
};

static const SsValueString comp_method_vals[] = {
  { 0, "null" }, { 1, "DEFLATE" }, { 64, "LZS" }, { 0, NULL }
};

static const SsValueString sni_type_vals[] = {
  { 0, "host_name" }, { 0, NULL }
};

static const SsValueString psk_ke_mode_vals[] = {
  { 0, "PSK-only key establishment (psk_ke)" },
  { 1, "PSK with (EC)DHE key establishment (psk_dhe_ke)" }, { 0, NULL }
};

static const SsValueString curve_type_vals[] = {
  { 0x01, "explicit_prime" }, { 0x02, "explicit_char2" }, { 0x03, "named_curve" }, { 0, NULL }
};

static const SsValueString status_type_vals[] = {
  { 1, "OCSP" }, { 2, "OCSP Multi" }, { 0, NULL }
};

static const SsValueString hb_mode_vals[] = {
  { 1, "Peer allowed to send requests" }, { 2, "Peer not allowed to send requests" }, { 0, NULL }
};

static const SsValueString cert_type_vals[] = {
  { 0, "N/A" }, { 1, "X.509 Certificate" }, { 2, "DSS Sign" }, { 3, "RSA Fixed DH" },
  { 4, "DSS Fixed DH" }, { 21, "GOST R 34.10-94" }, { 22, "GOST R 34.10-2001" },
  { 64, "ECDSA Sign" }, { 65, "RSA Fixed ECDH" }, { 66, "ECDSA Fixed ECDH" }, { 80, "IBC Params" },
  { 0, NULL }
};

static const SsValueString hb_type_vals[] = {
  { 1, "Request" }, { 2, "Response" }, { 0, NULL }
};

static const SsValueString key_update_vals[] = {
  { 0, "update_not_requested" }, { 1, "update_requested" }, { 0, NULL }
};

static const SsValueString max_frag_vals[] = {
  { 1, "512" }, { 2, "1024" }, { 3, "2048" }, { 4, "4096" }, { 0, NULL }
};

/* Where tshark 4.0 hands application data by port ("tls.port" in `tshark -G decodes`): the long
 * name of that protocol is shown as the record's protocol. */
static const SsValueString app_proto_port_vals[] = {
  { 324, "RPKI-Router Protocol" }, { 443, "Hypertext Transfer Protocol" },
  { 465, "Simple Mail Transfer Protocol" }, { 636, "Lightweight Directory Access Protocol" },
  { 802, "Modbus/TCP" }, { 853, "Domain Name System" },
  { 993, "Internet Message Access Protocol" }, { 995, "Post Office Protocol" },
  { 1300, "Q.931" }, { 2221, "EtherNet/IP (Industrial Protocol)" },
  { 2443, "Skinny Client Control Protocol" },
  { 3249, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header" },
  { 3250, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header" },
  { 3251, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header" },
  { 3252, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header" },
  { 3389, "TPKT - ISO on TCP - RFC1006" }, { 3496, "DoIP (ISO13400) Protocol" },
  { 5061, "Session Initiation Protocol" }, { 5671, "Advanced Message Queuing Protocol" },
  { 5684, "Constrained Application Protocol" }, { 5868, "Diameter Protocol" },
  { 8883, "MQ Telemetry Transport Protocol" }, { 11207, "Couchbase Protocol" },
  { 19999, "Distributed Network Protocol 3.0" }, { 27017, "Mongo Wire Protocol" },
  { 0, NULL }
};

/* ALPN names matched by prefix first (HTTP/2 drafts "h2-NN", "spdy/3.1"), as tshark 4.0. */
static const struct
{
  const char *alpn;
  const char *name;
} alpn_prefixes[] = {
  { "http/1.", "Hypertext Transfer Protocol" },
  { "spdy/", "SPDY" },
  { "h2-", "HyperText Transfer Protocol 2" },
};

/* Protocols chosen by ALPN (RFC 7301) that tshark 4.0 dissects application data with. */
static const struct
{
  const char *alpn;
  const char *name;
} alpn_protos[] = {
  { "h2", "HyperText Transfer Protocol 2" },
  { "http/1.1", "Hypertext Transfer Protocol" },
  { "dot", "Domain Name System" },
  { "stun.turn", "Session Traversal Utilities for NAT" },
  { "stun.nat-discovery", "Session Traversal Utilities for NAT" },
  { "imap", "Internet Message Access Protocol" },
  { "pop3", "Post Office Protocol" },
  { "ftp", "File Transfer Protocol (FTP)" },
  { "mqtt", "MQ Telemetry Transport Protocol" },
};

static const SsFieldDef tls_fields[] = {
  [TLS_F_RECORD] = { "tls.record", N_("Record Layer"), SS_FT_NONE },
  [TLS_F_RECORD_CONTENT_TYPE] = { "tls.record.content_type", N_("Content Type"), SS_FT_UINT8,
                                  SS_BASE_DEC, content_type_vals },
  [TLS_F_RECORD_OPAQUE_TYPE] = { "tls.record.opaque_type", N_("Opaque Type"), SS_FT_UINT8,
                                 SS_BASE_DEC, content_type_vals },
  [TLS_F_RECORD_VERSION] = { "tls.record.version", N_("Version"), SS_FT_UINT16, SS_BASE_HEX,
                             version_vals },
  [TLS_F_RECORD_LENGTH] = { "tls.record.length", N_("Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_RECORD_IS_ESCAPE] = { "tls.record.is_escape", N_("Is Escape"), SS_FT_BOOLEAN },
  [TLS_F_RECORD_PADDING_LENGTH] = { "tls.record.padding_length", N_("Padding Length"),
                                    SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_APP_DATA] = { "tls.app_data", N_("Encrypted Application Data"), SS_FT_BYTES },
  [TLS_F_APP_DATA_PROTO] = { "tls.app_data_proto", N_("Application Data Protocol"),
                             SS_FT_STRING },
  [TLS_F_CHANGE_CIPHER_SPEC] = { "tls.change_cipher_spec", N_("Change Cipher Spec Message"),
                                 SS_FT_NONE },
  [TLS_F_ALERT_MESSAGE] = { "tls.alert_message", N_("Alert Message"), SS_FT_NONE },
  [TLS_F_ALERT_LEVEL] = { "tls.alert_message.level", N_("Level"), SS_FT_UINT8, SS_BASE_DEC,
                          alert_level_vals },
  [TLS_F_ALERT_DESC] = { "tls.alert_message.desc", N_("Description"), SS_FT_UINT8, SS_BASE_DEC,
                         alert_desc_vals },
  [TLS_F_HEARTBEAT_MESSAGE] = { "tls.heartbeat_message", N_("Heartbeat Message"), SS_FT_NONE },
  [TLS_F_HEARTBEAT_TYPE] = { "tls.heartbeat_message.type", N_("Type"), SS_FT_UINT8, SS_BASE_DEC,
                             hb_type_vals },
  [TLS_F_HEARTBEAT_PAYLOAD_LENGTH] = { "tls.heartbeat_message.payload_length",
                                       N_("Payload Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HEARTBEAT_PAYLOAD] = { "tls.heartbeat_message.payload", N_("Payload Length"),
                                SS_FT_BYTES },
  [TLS_F_HEARTBEAT_PADDING] = { "tls.heartbeat_message.padding", N_("Payload Length"),
                                SS_FT_BYTES },
  [TLS_F_HANDSHAKE] = { "tls.handshake", N_("Handshake Protocol"), SS_FT_NONE },
  [TLS_F_HS_TYPE] = { "tls.handshake.type", N_("Handshake Type"), SS_FT_UINT8, SS_BASE_DEC,
                      handshake_type_vals },
  [TLS_F_HS_LENGTH] = { "tls.handshake.length", N_("Length"), SS_FT_UINT24, SS_BASE_DEC },
  [TLS_F_HS_FRAGMENTS] = { "tls.handshake.fragments", N_("Reassembled Handshake Fragments"),
                           SS_FT_NONE },
  [TLS_F_HS_FRAGMENT] = { "tls.handshake.fragment", N_("Handshake Fragment"), SS_FT_FRAMENUM },
  [TLS_F_HS_FRAGMENT_COUNT] = { "tls.handshake.fragment.count", N_("Handshake Fragment count"),
                                SS_FT_UINT32, SS_BASE_DEC },
  [TLS_F_HS_VERSION] = { "tls.handshake.version", N_("Version"), SS_FT_UINT16, SS_BASE_HEX,
                         version_vals },
  [TLS_F_HS_RANDOM] = { "tls.handshake.random", N_("Random"), SS_FT_BYTES },
  [TLS_F_HS_RANDOM_TIME] = { "tls.handshake.random_time", N_("GMT Unix Time"),
                             SS_FT_ABSOLUTE_TIME, SS_BASE_TIME_UTC },
  [TLS_F_HS_RANDOM_BYTES] = { "tls.handshake.random_bytes", N_("Random Bytes"), SS_FT_BYTES },
  [TLS_F_HS_SESSION_ID_LENGTH] = { "tls.handshake.session_id_length", N_("Session ID Length"),
                                   SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_HS_SESSION_ID] = { "tls.handshake.session_id", N_("Session ID"), SS_FT_BYTES },
  [TLS_F_HS_CIPHER_SUITES_LENGTH] = { "tls.handshake.cipher_suites_length",
                                      N_("Cipher Suites Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_CIPHERSUITES] = { "tls.handshake.ciphersuites", N_("Cipher Suites"), SS_FT_NONE },
  [TLS_F_HS_CIPHERSUITE] = { "tls.handshake.ciphersuite", N_("Cipher Suite"), SS_FT_UINT16,
                             SS_BASE_HEX, ciphersuite_vals },
  [TLS_F_HS_COMP_METHODS_LENGTH] = { "tls.handshake.comp_methods_length",
                                     N_("Compression Methods Length"), SS_FT_UINT8,
                                     SS_BASE_DEC },
  [TLS_F_HS_COMP_METHODS] = { "tls.handshake.comp_methods", N_("Compression Methods"),
                              SS_FT_NONE },
  [TLS_F_HS_COMP_METHOD] = { "tls.handshake.comp_method", N_("Compression Method"), SS_FT_UINT8,
                             SS_BASE_DEC, comp_method_vals },
  [TLS_F_HS_EXTENSIONS_LENGTH] = { "tls.handshake.extensions_length", N_("Extensions Length"),
                                   SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_TYPE] = { "tls.handshake.extension.type", N_("Type"), SS_FT_UINT16, SS_BASE_DEC,
                          extension_type_vals },
  [TLS_F_HS_EXT_LEN] = { "tls.handshake.extension.len", N_("Length"), SS_FT_UINT16,
                         SS_BASE_DEC },
  [TLS_F_HS_EXT_DATA] = { "tls.handshake.extension.data", N_("Data"), SS_FT_BYTES },
  [TLS_F_HS_EXT_SNI_LIST_LEN] = { "tls.handshake.extensions_server_name_list_len",
                                  N_("Server Name list length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_SNI_TYPE] = { "tls.handshake.extensions_server_name_type",
                              N_("Server Name Type"), SS_FT_UINT8, SS_BASE_DEC, sni_type_vals },
  [TLS_F_HS_EXT_SNI_LEN] = { "tls.handshake.extensions_server_name_len",
                             N_("Server Name length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_SNI] = { "tls.handshake.extensions_server_name", N_("Server Name"),
                         SS_FT_STRING },
  [TLS_F_HS_EXT_GROUPS_LENGTH] = { "tls.handshake.extensions_supported_groups_length",
                                   N_("Supported Groups List Length"), SS_FT_UINT16,
                                   SS_BASE_DEC },
  [TLS_F_HS_EXT_GROUPS] = { "tls.handshake.extensions_supported_groups",
                            N_("Supported Groups List"), SS_FT_NONE },
  [TLS_F_HS_EXT_GROUP] = { "tls.handshake.extensions_supported_group", N_("Supported Group"),
                           SS_FT_UINT16, SS_BASE_HEX, group_vals },
  [TLS_F_HS_EXT_ECPF_LENGTH] = { "tls.handshake.extensions_ec_point_formats_length",
                                 N_("EC point formats Length"), SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_HS_EXT_ECPF] = { "tls.handshake.extensions_ec_point_formats", N_("EC point formats"),
                          SS_FT_NONE },
  [TLS_F_HS_EXT_ECPF_ITEM] = { "tls.handshake.extensions_ec_point_format",
                               N_("EC point format"), SS_FT_UINT8, SS_BASE_DEC,
                               ec_point_format_vals },
  [TLS_F_HS_SIG_HASH_ALG_LEN] = { "tls.handshake.sig_hash_alg_len",
                                  N_("Signature Hash Algorithms Length"), SS_FT_UINT16,
                                  SS_BASE_DEC },
  [TLS_F_HS_SIG_HASH_ALGS] = { "tls.handshake.sig_hash_algs", N_("Signature Algorithms"),
                               SS_FT_NONE },
  [TLS_F_HS_SIG_HASH_ALG] = { "tls.handshake.sig_hash_alg", N_("Signature Algorithm"),
                              SS_FT_UINT16, SS_BASE_HEX, sig_alg_vals },
  [TLS_F_HS_SIG_HASH_HASH] = { "tls.handshake.sig_hash_hash",
                               N_("Signature Hash Algorithm Hash"), SS_FT_UINT8, SS_BASE_DEC,
                               sig_hash_vals },
  [TLS_F_HS_SIG_HASH_SIG] = { "tls.handshake.sig_hash_sig",
                              N_("Signature Hash Algorithm Signature"), SS_FT_UINT8,
                              SS_BASE_DEC, sig_sig_vals },
  [TLS_F_HS_EXT_ALPN_LEN] = { "tls.handshake.extensions_alpn_len", N_("ALPN Extension Length"),
                              SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_ALPN_LIST] = { "tls.handshake.extensions_alpn_list", N_("ALPN Protocol"),
                               SS_FT_NONE },
  [TLS_F_HS_EXT_ALPN_STR_LEN] = { "tls.handshake.extensions_alpn_str_len",
                                  N_("ALPN string length"), SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_HS_EXT_ALPN_STR] = { "tls.handshake.extensions_alpn_str", N_("ALPN Next Protocol"),
                              SS_FT_STRING },
  [TLS_F_HS_EXT_SUPPORTED_VERSIONS_LEN] = { "tls.handshake.extensions.supported_versions_len",
                                            N_("Supported Versions length"), SS_FT_UINT8,
                                            SS_BASE_DEC },
  [TLS_F_HS_EXT_SUPPORTED_VERSION] = { "tls.handshake.extensions.supported_version",
                                       N_("Supported Version"), SS_FT_UINT16, SS_BASE_HEX,
                                       version_vals },
  [TLS_F_HS_EXT_KEY_SHARE_CLIENT_LENGTH] = { "tls.handshake.extensions_key_share_client_length",
                                             N_("Client Key Share Length"), SS_FT_UINT16,
                                             SS_BASE_DEC },
  [TLS_F_HS_EXT_KEY_SHARE_GROUP] = { "tls.handshake.extensions_key_share_group", N_("Group"),
                                     SS_FT_UINT16, SS_BASE_DEC, group_vals },
  [TLS_F_HS_EXT_KEY_SHARE_KEX_LENGTH] = {
    "tls.handshake.extensions_key_share_key_exchange_length", N_("Key Exchange Length"),
    SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_KEY_SHARE_KEX] = { "tls.handshake.extensions_key_share_key_exchange",
                                   N_("Key Exchange"), SS_FT_BYTES },
  [TLS_F_HS_EXT_KEY_SHARE_SELECTED_GROUP] = {
    "tls.handshake.extensions_key_share_selected_group", N_("Selected Group"), SS_FT_UINT16,
    SS_BASE_DEC, group_vals },
  [TLS_F_HS_EXT_PSK_KE_MODES_LENGTH] = { "tls.extension.psk_ke_modes_length",
                                         N_("PSK Key Exchange Modes Length"), SS_FT_UINT8,
                                         SS_BASE_DEC },
  [TLS_F_HS_EXT_PSK_KE_MODE] = { "tls.extension.psk_ke_mode", N_("PSK Key Exchange Mode"),
                                 SS_FT_UINT8, SS_BASE_DEC, psk_ke_mode_vals },
  [TLS_F_HS_EXT_PSK_IDENTITIES_LENGTH] = { "tls.handshake.extensions.psk.identities.length",
                                           N_("Identities Length"), SS_FT_UINT16,
                                           SS_BASE_DEC },
  [TLS_F_HS_EXT_PSK_IDENTITY_LENGTH] = {
    "tls.handshake.extensions.psk.identity.identity_length", N_("Identity Length"),
    SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_PSK_IDENTITY] = { "tls.handshake.extensions.psk.identity.identity",
                                  N_("Identity"), SS_FT_BYTES },
  [TLS_F_HS_EXT_PSK_TICKET_AGE] = {
    "tls.handshake.extensions.psk.identity.obfuscated_ticket_age", N_("Obfuscated Ticket Age"),
    SS_FT_UINT32, SS_BASE_DEC },
  [TLS_F_HS_EXT_PSK_BINDERS_LEN] = { "tls.handshake.extensions.psk.binders_len",
                                     N_("PSK Binders length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_PSK_SELECTED] = { "tls.handshake.extensions.psk.identity.selected",
                                  N_("Selected Identity"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_RENEG_INFO_LEN] = { "tls.handshake.extensions_reneg_info_len",
                                    N_("Renegotiation info extension length"), SS_FT_UINT8,
                                    SS_BASE_DEC },
  [TLS_F_HS_EXT_RENEG_INFO] = { "tls.handshake.extensions_reneg_info", N_("Renegotiation info"),
                                SS_FT_BYTES },
  [TLS_F_HS_EXT_PADDING_DATA] = { "tls.handshake.extensions_padding_data", N_("Padding Data"),
                                  SS_FT_BYTES },
  [TLS_F_HS_EXT_STATUS_TYPE] = { "tls.handshake.extensions_status_request_type",
                                 N_("Certificate Status Type"), SS_FT_UINT8, SS_BASE_DEC,
                                 status_type_vals },
  [TLS_F_HS_EXT_STATUS_RESPONDER_IDS_LEN] = {
    "tls.handshake.extensions_status_request_responder_ids_len", N_("Responder ID list Length"),
    SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_STATUS_EXTS_LEN] = { "tls.handshake.extensions_status_request_exts_len",
                                     N_("Request Extensions Length"), SS_FT_UINT16,
                                     SS_BASE_DEC },
  [TLS_F_HS_EXT_COOKIE_LEN] = { "tls.handshake.extensions.cookie_len", N_("Cookie length"),
                                SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_COOKIE] = { "tls.handshake.extensions.cookie", N_("Cookie"), SS_FT_BYTES },
  [TLS_F_HS_EXT_HEARTBEAT_MODE] = { "tls.handshake.extension.heartbeat.mode", N_("Mode"),
                                    SS_FT_UINT8, SS_BASE_DEC, hb_mode_vals },
  [TLS_F_HS_EXT_MAX_FRAGMENT_LENGTH] = { "tls.handshake.max_fragment_length",
                                         N_("Maximum Fragment Length"), SS_FT_UINT8,
                                         SS_BASE_DEC, max_frag_vals },
  [TLS_F_HS_EXT_RECORD_SIZE_LIMIT] = { "tls.record_size_limit", N_("Record Size Limit"),
                                       SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EXT_MAX_EARLY_DATA] = { "tls.early_data.max_early_data_size",
                                    N_("Maximum Early Data Size"), SS_FT_UINT32, SS_BASE_DEC },
  [TLS_F_HS_JA3_FULL] = { "tls.handshake.ja3_full", N_("JA3 Fullstring"), SS_FT_STRING },
  [TLS_F_HS_JA3] = { "tls.handshake.ja3", N_("JA3"), SS_FT_STRING },
  [TLS_F_HS_JA3S_FULL] = { "tls.handshake.ja3s_full", N_("JA3S Fullstring"), SS_FT_STRING },
  [TLS_F_HS_JA3S] = { "tls.handshake.ja3s", N_("JA3S"), SS_FT_STRING },
  [TLS_F_HS_CERTIFICATES_LENGTH] = { "tls.handshake.certificates_length",
                                     N_("Certificates Length"), SS_FT_UINT24, SS_BASE_DEC },
  [TLS_F_HS_CERTIFICATES] = { "tls.handshake.certificates", N_("Certificates"), SS_FT_NONE },
  [TLS_F_HS_CERTIFICATE_LENGTH] = { "tls.handshake.certificate_length",
                                    N_("Certificate Length"), SS_FT_UINT24, SS_BASE_DEC },
  [TLS_F_HS_CERTIFICATE] = { "tls.handshake.certificate", N_("Certificate"), SS_FT_BYTES },
  [TLS_F_HS_CERT_REQ_CONTEXT_LENGTH] = { "tls.handshake.certificate_request_context_length",
                                         N_("Certificate Request Context Length"), SS_FT_UINT8,
                                         SS_BASE_DEC },
  [TLS_F_HS_CERT_REQ_CONTEXT] = { "tls.handshake.certificate_request_context",
                                  N_("Certificate Request Context"), SS_FT_BYTES },
  [TLS_F_HS_CERT_TYPES_COUNT] = { "tls.handshake.cert_types_count",
                                  N_("Certificate types count"), SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_HS_CERT_TYPES] = { "tls.handshake.cert_types", N_("Certificate types"), SS_FT_NONE },
  [TLS_F_HS_CERT_TYPE] = { "tls.handshake.cert_type", N_("Certificate type"), SS_FT_UINT8,
                           SS_BASE_DEC, cert_type_vals },
  [TLS_F_HS_DNAMES_LEN] = { "tls.handshake.dnames_len", N_("Distinguished Names Length"),
                            SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_DNAMES] = { "tls.handshake.dnames", N_("Distinguished Names"), SS_FT_NONE },
  [TLS_F_HS_DNAME_LEN] = { "tls.handshake.dname_len", N_("Distinguished Name Length"),
                           SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_DNAME] = { "tls.handshake.dname", N_("Distinguished Name"), SS_FT_NONE },
  [TLS_F_HS_CURVE_TYPE] = { "tls.handshake.server_curve_type", N_("Curve Type"), SS_FT_UINT8,
                            SS_BASE_HEX, curve_type_vals },
  [TLS_F_HS_NAMED_CURVE] = { "tls.handshake.server_named_curve", N_("Named Curve"),
                             SS_FT_UINT16, SS_BASE_HEX, group_vals },
  [TLS_F_HS_SERVER_POINT_LEN] = { "tls.handshake.server_point_len", N_("Pubkey Length"),
                                  SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_HS_SERVER_POINT] = { "tls.handshake.server_point", N_("Pubkey"), SS_FT_BYTES },
  [TLS_F_HS_CLIENT_POINT_LEN] = { "tls.handshake.client_point_len", N_("Pubkey Length"),
                                  SS_FT_UINT8, SS_BASE_DEC },
  [TLS_F_HS_CLIENT_POINT] = { "tls.handshake.client_point", N_("Pubkey"), SS_FT_BYTES },
  [TLS_F_HS_P_LEN] = { "tls.handshake.p_len", N_("p Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_P] = { "tls.handshake.p", N_("p"), SS_FT_BYTES },
  [TLS_F_HS_G_LEN] = { "tls.handshake.g_len", N_("g Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_G] = { "tls.handshake.g", N_("g"), SS_FT_BYTES },
  [TLS_F_HS_YS_LEN] = { "tls.handshake.ys_len", N_("Pubkey Length"), SS_FT_UINT16,
                        SS_BASE_DEC },
  [TLS_F_HS_YS] = { "tls.handshake.ys", N_("Pubkey"), SS_FT_BYTES },
  [TLS_F_HS_YC_LEN] = { "tls.handshake.yc_len", N_("Pubkey Length"), SS_FT_UINT16,
                        SS_BASE_DEC },
  [TLS_F_HS_YC] = { "tls.handshake.yc", N_("Pubkey"), SS_FT_BYTES },
  [TLS_F_HS_EPMS_LEN] = { "tls.handshake.epms_len", N_("Encrypted PreMaster length"),
                          SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_EPMS] = { "tls.handshake.epms", N_("Encrypted PreMaster"), SS_FT_BYTES },
  [TLS_F_HS_SIG_LEN] = { "tls.handshake.sig_len", N_("Signature Length"), SS_FT_UINT16,
                         SS_BASE_DEC },
  [TLS_F_HS_SIG] = { "tls.handshake.sig", N_("Signature"), SS_FT_BYTES },
  [TLS_F_HS_CERT_VERIFY_SIG_LEN] = { "tls.handshake.client_cert_vrfy.sig_len",
                                     N_("Signature length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_CERT_VERIFY_SIG] = { "tls.handshake.client_cert_vrfy.sig", N_("Signature"),
                                 SS_FT_BYTES },
  [TLS_F_HS_VERIFY_DATA] = { "tls.handshake.verify_data", N_("Verify Data"), SS_FT_NONE },
  [TLS_F_HS_MD5_HASH] = { "tls.handshake.md5_hash", N_("MD5 Hash"), SS_FT_NONE },
  [TLS_F_HS_SHA_HASH] = { "tls.handshake.sha_hash", N_("SHA-1 Hash"), SS_FT_NONE },
  [TLS_F_HS_TICKET_LIFETIME_HINT] = { "tls.handshake.session_ticket_lifetime_hint",
                                      N_("Session Ticket Lifetime Hint"), SS_FT_UINT32,
                                      SS_BASE_DEC },
  [TLS_F_HS_TICKET_AGE_ADD] = { "tls.handshake.session_ticket_age_add",
                                N_("Session Ticket Age Add"), SS_FT_UINT32, SS_BASE_DEC },
  [TLS_F_HS_TICKET_NONCE_LENGTH] = { "tls.handshake.session_ticket_nonce_length",
                                     N_("Session Ticket Nonce Length"), SS_FT_UINT8,
                                     SS_BASE_DEC },
  [TLS_F_HS_TICKET_NONCE] = { "tls.handshake.session_ticket_nonce", N_("Session Ticket Nonce"),
                              SS_FT_BYTES },
  [TLS_F_HS_TICKET_LENGTH] = { "tls.handshake.session_ticket_length",
                               N_("Session Ticket Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_TICKET] = { "tls.handshake.session_ticket", N_("Session Ticket"), SS_FT_BYTES },
  [TLS_F_HS_KEY_UPDATE] = { "tls.handshake.key_update.request_update", N_("Key Update Request"),
                            SS_FT_UINT8, SS_BASE_DEC, key_update_vals },
  [TLS_F_HS_OCSP_RESPONSE_LEN] = { "tls.handshake.ocsp_response_len", N_("OCSP Response Length"),
                                   SS_FT_UINT24, SS_BASE_DEC },
  [TLS_F_HS_CIPHER_SPEC_LEN] = { "tls.handshake.cipher_spec_len", N_("Cipher Spec Length"),
                                 SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_CHALLENGE_LENGTH] = { "tls.handshake.challenge_length", N_("Challenge Length"),
                                  SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_CIPHERSPEC] = { "tls.handshake.cipherspec", N_("Cipher Spec"), SS_FT_UINT24,
                            SS_BASE_HEX },
  [TLS_F_HS_CHALLENGE] = { "tls.handshake.challenge", N_("Challenge"), SS_FT_NONE },
  [TLS_F_HS_SESSION_ID_HIT] = { "tls.handshake.session_id_hit", N_("Session ID Hit"),
                               SS_FT_BOOLEAN },
  [TLS_F_HS_CONNECTION_ID_LENGTH] = { "tls.handshake.connection_id_length",
                                     N_("Connection ID Length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_HS_CONNECTION_ID] = { "tls.handshake.connection_id", N_("Connection ID"), SS_FT_NONE },
  [TLS_F_SCT_SCTS_LENGTH] = { "tls.sct.scts_length", N_("Serialized SCT List Length"),
                              SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_SCT_SCT_LENGTH] = { "tls.sct.sct_length", N_("Serialized SCT Length"), SS_FT_UINT16,
                             SS_BASE_DEC },
  [TLS_F_SCT_SCT_VERSION] = { "tls.sct.sct_version", N_("SCT Version"), SS_FT_UINT8,
                              SS_BASE_DEC },
  [TLS_F_SCT_SCT_LOGID] = { "tls.sct.sct_logid", N_("Log ID"), SS_FT_BYTES },
  [TLS_F_SCT_SCT_TIMESTAMP] = { "tls.sct.sct_timestamp", N_("Timestamp"), SS_FT_ABSOLUTE_TIME,
                                SS_BASE_TIME_UTC },
  [TLS_F_SCT_SCT_EXTENSIONS_LENGTH] = { "tls.sct.sct_extensions_length",
                                        N_("Extensions length"), SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_SCT_SCT_EXTENSIONS] = { "tls.sct.sct_extensions", N_("Extensions"), SS_FT_NONE },
  [TLS_F_SCT_SCT_SIGNATURE_LENGTH] = { "tls.sct.sct_signature_length", N_("Signature Length"),
                                       SS_FT_UINT16, SS_BASE_DEC },
  [TLS_F_SCT_SCT_SIGNATURE] = { "tls.sct.sct_signature", N_("Signature"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tls_fields) == TLS_F_COUNT);

enum
{
  TLS_E_IGNORED_UNKNOWN_RECORD,
  TLS_E_UNEXPECTED_MESSAGE,
  TLS_E_VECTOR_LENGTH,
  TLS_E_BUFFER_TOO_SMALL,
  TLS_E_TRAILING_DATA,
  TLS_E_RECORD_LENGTH_INVALID,
  TLS_E_HEARTBEAT_PAYLOAD_LENGTH,
  TLS_E_SSL2_SESSION_ID_LENGTH,
  TLS_E_ALERT_FATAL,
  TLS_E_ALERT_WARNING,
  TLS_E_COUNT
};

static const SsExpertDef tls_experts[] = {
  [TLS_E_IGNORED_UNKNOWN_RECORD] = { "tls.ignored_unknown_record", SS_EXPERT_GROUP_PROTOCOL,
                                     SS_EXPERT_WARN, N_("Ignored Unknown Record") },
  [TLS_E_UNEXPECTED_MESSAGE] = { "tls.unexpected_message", SS_EXPERT_GROUP_PROTOCOL,
                                 SS_EXPERT_ERROR, N_("Unexpected message") },
  [TLS_E_VECTOR_LENGTH] = { "tls.malformed.vector_length", SS_EXPERT_GROUP_PROTOCOL,
                            SS_EXPERT_WARN,
                            N_("Variable vector length is outside the permitted range") },
  [TLS_E_BUFFER_TOO_SMALL] = { "tls.malformed.buffer_too_small", SS_EXPERT_GROUP_MALFORMED,
                               SS_EXPERT_ERROR,
                               N_("Malformed message, not enough data is available") },
  [TLS_E_TRAILING_DATA] = { "tls.malformed.trailing_data", SS_EXPERT_GROUP_PROTOCOL,
                            SS_EXPERT_WARN, N_("Undecoded trailing data is present") },
  [TLS_E_RECORD_LENGTH_INVALID] = { "tls.record.length.invalid", SS_EXPERT_GROUP_PROTOCOL,
                                    SS_EXPERT_ERROR,
                                    N_("Record fragment length is too small or too large") },
  [TLS_E_HEARTBEAT_PAYLOAD_LENGTH] = { "tls.heartbeat_message.payload_length.invalid",
                                       SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                                       N_("Invalid heartbeat payload length") },
  [TLS_E_SSL2_SESSION_ID_LENGTH] = { "tls.handshake.session_id_length.error",
                                     SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                                     N_("Session ID length error") },
  /* Beyond Wireshark: an alert that ends or disturbs the connection. */
  [TLS_E_ALERT_FATAL] = { "tls.alert_message.fatal", SS_EXPERT_GROUP_RESPONSE_CODE,
                          SS_EXPERT_WARN, N_("Fatal TLS alert") },
  [TLS_E_ALERT_WARNING] = { "tls.alert_message.warning", SS_EXPERT_GROUP_RESPONSE_CODE,
                            SS_EXPERT_NOTE, N_("TLS warning alert") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tls_experts) == TLS_E_COUNT);

typedef struct
{
  guint32 frame;
  guint32 len;
} TlsFrag;

/* A handshake message that spans records, one per direction. */
typedef struct
{
  gboolean  active;
  guint8    hdr[4];        /* its first bytes while fewer than 4 are known */
  guint32   have;
  guint32   total;         /* 4 + the message length; 0 while the header is incomplete */
  guint8   *buf;           /* @total bytes, once known */
  TlsFrag  *frags;         /* TLS_MAX_FRAGS entries */
  guint32   n_frags;
} TlsHsReasm;

/* Per TCP connection (conversation data), copied per call into frame data. */
typedef struct
{
  guint16     version;     /* SSL_VER_UNKNOWN until a message says which */
  guint8      draft;       /* TLS 1.3 draft number, 0 for the RFC */
  guint8      have_cipher;
  guint16     cipher;
  guint32     ccs_frame[2];
  const char *app_proto;   /* long name of the protocol chosen by ALPN, or NULL */
  guint32     heur_frame;  /* the heuristic found TLS here first (0: never) */
  gboolean    early_data;  /* the ClientHello being read offers early data */
  TlsHsReasm  hs[2];
} TlsConv;

typedef struct
{
  SsPacket *pkt;
  SsLayer   l;             /* l.r: the bytes being read (a record, or a reassembled message) */
  TlsConv  *conv;
  guint     dir;           /* 0: from the side that sent first */
  gboolean  can_desegment;
  gboolean  need_desegment;
} TlsCtx;

static const char *
version_short_name (guint16     version,
                    const char *fallback)
{
  const char *name = ss_value_string_lookup (version_short_vals, version);

  return name ? name : fallback;
}

static gboolean
is_valid_content_type (guint8 type)
{
  return type >= CT_CHANGE_CIPHER_SPEC && type <= CT_CID;
}

static gboolean
is_valid_handshake_type (guint8 type)
{
  return type != HS_HELLO_VERIFY_REQUEST && type != HS_MESSAGE_HASH
         && ss_value_string_lookup (handshake_type_vals, type) != NULL;
}

/* RFC 8701 GREASE values: 0x0a0a, 0x1a1a, ... 0xfafa. */
static gboolean
is_grease (guint16 value)
{
  return (value & 0x0f0f) == 0x0a0a && (value & 0xff) == (value >> 8);
}

/* The version a message implies, as Wireshark's tls_try_get_version: TLS 1.3 drafts (0x7fNN,
 * and Facebook's 0xfb17 and 0xfb1a) count as TLS 1.3. */
static guint16
try_get_version (guint16  version,
                 guint8  *draft)
{
  *draft = 0;
  if ((version & 0xff00) == 0x7f00)
    {
      *draft = version & 0xff;
      return TLSV1DOT3_VERSION;
    }
  if (version == 0xfb17 || version == 0xfb1a)
    {
      *draft = version & 0xff;
      return TLSV1DOT3_VERSION;
    }
  switch (version)
    {
    case SSLV3_VERSION:
    case TLSV1_VERSION:
    case TLSV1DOT1_VERSION:
    case TLSV1DOT2_VERSION:
    case TLSV1DOT3_VERSION:
    case TLCPV1_VERSION:
      return version;
    default:
      return SSL_VER_UNKNOWN;
    }
}

/* Only messages the server's choice shows in set the session's version: every record type but
 * Handshake, and every handshake message but the ClientHello. */
static void
try_set_version (TlsConv *conv,
                 guint8   content_type,
                 guint8   handshake_type,
                 guint16  version)
{
  guint8 draft;

  if (!((content_type == CT_HANDSHAKE && is_valid_handshake_type (handshake_type)
         && handshake_type != HS_CLIENT_HELLO)
        || (content_type != CT_HANDSHAKE && is_valid_content_type (content_type))))
    return;
  version = try_get_version (version, &draft);
  if (version == SSL_VER_UNKNOWN)
    return;
  conv->version = version;
  conv->draft = draft;
}

static gboolean
is_tls13 (const TlsCtx *ctx)
{
  return ctx->conv->version == TLSV1DOT3_VERSION;
}

static SsItem *
add_uint (TlsCtx *ctx, SsItem *parent, guint field, guint off, guint len)
{
  return ss_layer_add_item (&ctx->l, parent, field, off, len, SS_ENC_BE);
}

static SsItem *
add_none (TlsCtx     *ctx,
          SsItem     *parent,
          guint       field,
          guint       off,
          guint       len,
          const char *format,
          ...) G_GNUC_PRINTF (6, 7);

static SsItem *
add_none (TlsCtx     *ctx,
          SsItem     *parent,
          guint       field,
          guint       off,
          guint       len,
          const char *format,
          ...)
{
  SsItem *it = ss_layer_add_uint (&ctx->l, parent, field, off, len, 0);

  if (it && format && ctx->pkt->full)
    {
      va_list args;

      va_start (args, format);
      it->text = ss_arena_vprintf (ctx->pkt->arena, format, args);
      va_end (args);
    }
  return it;
}

static SsItem *
add_bytes (TlsCtx *ctx, SsItem *parent, guint field, guint off, guint len)
{
  return ss_layer_add_item (&ctx->l, parent, field, off, len, SS_ENC_BE);
}

static void
add_expert (TlsCtx     *ctx,
            SsItem     *item,
            guint       index,
            const char *format,
            ...) G_GNUC_PRINTF (4, 5);

static void
add_expert (TlsCtx     *ctx,
            SsItem     *item,
            guint       index,
            const char *format,
            ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  ss_packet_add_expert (ctx->pkt, item, SS_PROTO_TLS, index, "%s", msg);
}

/* A length-prefixed vector (RFC 8446 §3.4) whose length field takes 1 to 3 octets at @off:
 * adds the length and returns the vector's length, cut to what @end leaves (then FALSE, as
 * Wireshark's ssl_add_vector). */
static gboolean
add_vector (TlsCtx  *ctx,
            SsItem  *parent,
            guint32  off,
            guint32  end,
            guint32 *ret_len,
            guint    field,
            guint32  min,
            guint32  max)
{
  guint size = max > 0xffff ? 3 : max > 0xff ? 2 : 1;
  guint32 value;
  SsItem *it;

  *ret_len = 0;
  if (off > end)
    {
      add_expert (ctx, parent, TLS_E_BUFFER_TOO_SMALL,
                  "Vector offset is past buffer end offset (%u > %u)", off, end);
      return FALSE;
    }
  if (end - off < size)
    {
      add_expert (ctx, parent, TLS_E_BUFFER_TOO_SMALL, "No more room for vector of length %u",
                  size);
      return FALSE;
    }
  if (!ss_reader_check (ctx->l.r, off, size))
    return FALSE;
  value = size == 3 ? ss_reader_get_ntoh24 (ctx->l.r, off)
          : size == 2 ? ss_reader_get_ntohs (ctx->l.r, off) : ss_reader_get_u8 (ctx->l.r, off);
  it = add_uint (ctx, parent, field, off, size);
  off += size;
  if (value < min)
    add_expert (ctx, it, TLS_E_VECTOR_LENGTH, "Vector length %u is smaller than minimum %u",
                value, min);
  else if (value > max)
    add_expert (ctx, it, TLS_E_VECTOR_LENGTH, "Vector length %u is larger than maximum %u",
                value, max);
  if (end - off < value)
    {
      add_expert (ctx, it, TLS_E_BUFFER_TOO_SMALL,
                  "Vector length %u is too large, truncating it to %u", value, end - off);
      *ret_len = end - off;
      return FALSE;
    }
  *ret_len = value;
  return TRUE;
}

/* TRUE when a vector's contents ended exactly at @end. */
static gboolean
end_vector (TlsCtx  *ctx,
            SsItem  *parent,
            guint32  off,
            guint32  end)
{
  if (off < end)
    {
      guint32 n = end - off;

      add_expert (ctx, parent, TLS_E_TRAILING_DATA, "%u trailing byte%s unprocessed", n,
                  n == 1 ? " was" : "s were");
      return FALSE;
    }
  if (off > end)
    {
      guint32 n = off - end;

      add_expert (ctx, parent, TLS_E_BUFFER_TOO_SMALL,
                  "Dissector processed too much data (%u byte%s)", n, n == 1 ? "" : "s");
      return FALSE;
    }
  return TRUE;
}

/* "Signature Algorithm: rsa_pss_rsae_sha256 (0x0804)" with the hash and signature octets of TLS
 * 1.2 under it (RFC 5246 §7.4.1.4.1). */
static void
add_signature_algorithm (TlsCtx  *ctx,
                         SsItem  *parent,
                         guint32  off)
{
  guint16 alg = ss_reader_get_ntohs (ctx->l.r, off);
  SsItem *it = add_uint (ctx, parent, TLS_F_HS_SIG_HASH_ALG, off, 2);

  if (it && ctx->pkt->full && !ss_value_string_lookup (sig_alg_vals, alg))
    {
      const char *h = ss_value_string_lookup (sig_hash_vals, alg >> 8);
      const char *s = ss_value_string_lookup (sig_sig_vals, alg & 0xff);

      ss_item_set_text (ctx->pkt, it, "Signature Algorithm: %s %s (0x%04x)", h ? h : "Unknown",
                        s ? s : "Unknown", alg);
    }
  if (it && ctx->pkt->full)
    {
      const char *h = ss_value_string_lookup (sig_hash_vals, alg >> 8);
      const char *s = ss_value_string_lookup (sig_sig_vals, alg & 0xff);
      SsItem *sub;

      sub = add_uint (ctx, it, TLS_F_HS_SIG_HASH_HASH, off, 1);
      ss_item_set_text (ctx->pkt, sub, "Signature Hash Algorithm Hash: %s (%u)",
                        h ? h : "Unknown", alg >> 8);
      sub = add_uint (ctx, it, TLS_F_HS_SIG_HASH_SIG, off + 1, 1);
      ss_item_set_text (ctx->pkt, sub, "Signature Hash Algorithm Signature: %s (%u)",
                        s ? s : "Unknown", alg & 0xff);
    }
  else
    {
      add_uint (ctx, it, TLS_F_HS_SIG_HASH_HASH, off, 1);
      add_uint (ctx, it, TLS_F_HS_SIG_HASH_SIG, off + 1, 1);
    }
}

/* "Unknown (0x1234)" labels for values a table does not name, as tshark shows them. */
static void
label_unknown (TlsCtx              *ctx,
               SsItem              *it,
               const SsValueString *vals,
               guint                value,
               gboolean             hex16)
{
  if (!it || !ctx->pkt->full || ss_value_string_lookup (vals, value))
    return;
  if (hex16)
    ss_item_set_text (ctx->pkt, it, "%s: Unknown (0x%04x)", _(it->def->name), value);
  else
    ss_item_set_text (ctx->pkt, it, "%s: Unknown (%u)", _(it->def->name), value);
}

static void dissect_extensions (TlsCtx  *ctx,
                                SsItem  *tree,
                                guint32  off,
                                guint32  end,
                                guint8   hs_type,
                                GString *ja3_ext,
                                GString *ja3_groups,
                                GString *ja3_ecpf);

/* Random (RFC 5246 §7.4.1.2), the session ID and, in TLS 1.3 before draft 22, their absence. */
static guint32
dissect_hello_common (TlsCtx   *ctx,
                      SsItem   *tree,
                      guint32   off,
                      gboolean  from_server,
                      gboolean  is_hrr)
{
  SsItem *rnd = add_bytes (ctx, tree, TLS_F_HS_RANDOM, off, 32);
  gboolean draft_without_session_id = is_tls13 (ctx) && ctx->conv->draft > 0
                                      && ctx->conv->draft < 22;
  guint8 sid_len;

  if (!is_tls13 (ctx))
    {
      guint32 t = ss_reader_get_ntohl (ctx->l.r, off);

      ss_layer_add_time (&ctx->l, rnd, TLS_F_HS_RANDOM_TIME, off, 4, t, 0);
      add_bytes (ctx, rnd, TLS_F_HS_RANDOM_BYTES, off + 4, 28);
    }
  else if (is_hrr)
    ss_item_append_text (ctx->pkt, rnd, " (HelloRetryRequest magic)");
  off += 32;

  if (!from_server || !draft_without_session_id)
    {
      sid_len = ss_reader_get_u8 (ctx->l.r, off);
      add_uint (ctx, tree, TLS_F_HS_SESSION_ID_LENGTH, off, 1);
      off++;
      if (sid_len > 0)
        {
          add_bytes (ctx, tree, TLS_F_HS_SESSION_ID, off, sid_len);
          off += sid_len;
        }
    }
  return off;
}

static void
add_ja3 (TlsCtx     *ctx,
         SsItem     *tree,
         guint       full_field,
         guint       hash_field,
         const char *full)
{
  SsItem *it;

  if (!ss_layer_wants (&ctx->l, full_field) && !ss_layer_wants (&ctx->l, hash_field))
    return;
  it = ss_layer_add_string (&ctx->l, tree, full_field, 0, 0, full, -1);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  if (ss_layer_wants (&ctx->l, hash_field))
    {
      g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, full, -1);

      it = ss_layer_add_string (&ctx->l, tree, hash_field, 0, 0, md5, -1);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
    }
}

/* ClientHello (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2), with JA3 as tshark computes it. */
static void
dissect_client_hello (TlsCtx  *ctx,
                      SsItem  *tree,
                      guint32  off,
                      guint32  end)
{
  SsReader *r = ctx->l.r;
  guint16 client_version = ss_reader_get_ntohs (r, off);
  guint32 len, next;
  g_autoptr(GString) ja3 = g_string_new (NULL);
  g_autoptr(GString) ja3_ext = g_string_new (NULL);
  g_autoptr(GString) ja3_groups = g_string_new (NULL);
  g_autoptr(GString) ja3_ecpf = g_string_new (NULL);
  gboolean want_ja3 = ss_layer_wants (&ctx->l, TLS_F_HS_JA3_FULL)
                      || ss_layer_wants (&ctx->l, TLS_F_HS_JA3);
  SsItem *list;
  guint n = 0;

  add_uint (ctx, tree, TLS_F_HS_VERSION, off, 2);
  off += 2;
  g_string_append_printf (ja3, "%u,", client_version);
  off = dissect_hello_common (ctx, tree, off, FALSE, FALSE);
  if (ss_reader_failed (r))
    return;

  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_CIPHER_SUITES_LENGTH, 2, G_MAXUINT16 - 1))
    return;
  off += 2;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_CIPHERSUITES, off, len, "Cipher Suites (%u suite%s)",
                   len / 2, len / 2 == 1 ? "" : "s");
  for (; off + 2 <= next && !ss_reader_failed (r); off += 2)
    {
      guint16 cs = ss_reader_get_ntohs (r, off);

      label_unknown (ctx, add_uint (ctx, list, TLS_F_HS_CIPHERSUITE, off, 2), ciphersuite_vals,
                     cs, TRUE);
      if (want_ja3 && !is_grease (cs))
        g_string_append_printf (ja3, "%s%u", n++ ? "-" : "", cs);
    }
  if (!end_vector (ctx, list, off, next))
    off = next;
  g_string_append_c (ja3, ',');

  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_COMP_METHODS_LENGTH, 1, G_MAXUINT8))
    return;
  off++;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_COMP_METHODS, off, len, "Compression Methods (%u method%s)",
                   len, len == 1 ? "" : "s");
  for (; off < next && !ss_reader_failed (r); off++)
    add_uint (ctx, list, TLS_F_HS_COMP_METHOD, off, 1);

  if (off < end && !ss_reader_failed (r))
    dissect_extensions (ctx, tree, off, end, HS_CLIENT_HELLO, want_ja3 ? ja3_ext : NULL,
                        ja3_groups, ja3_ecpf);
  if (ctx->conv->early_data)
    {
      ctx->conv->version = TLSV1DOT3_VERSION;
      ctx->conv->early_data = FALSE;
    }
  if (want_ja3 && !ss_reader_failed (r))
    {
      g_string_append_printf (ja3, "%s,%s,%s", ja3_ext->str, ja3_groups->str, ja3_ecpf->str);
      add_ja3 (ctx, tree, TLS_F_HS_JA3_FULL, TLS_F_HS_JA3, ja3->str);
    }
}

/* ServerHello (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3) and HelloRetryRequest. */
static void
dissect_server_hello (TlsCtx   *ctx,
                      SsItem   *tree,
                      guint32   off,
                      guint32   end,
                      gboolean  is_hrr)
{
  SsReader *r = ctx->l.r;
  guint16 server_version = ss_reader_get_ntohs (r, off);
  guint16 cipher;
  g_autoptr(GString) ja3_ext = g_string_new (NULL);
  g_autofree char *ja3s = NULL;

  ss_packet_set_protocol (ctx->pkt, version_short_name (ctx->conv->version, "TLS"));
  add_uint (ctx, tree, TLS_F_HS_VERSION, off, 2);
  off += 2;
  off = dissect_hello_common (ctx, tree, off, TRUE, is_hrr);
  if (ss_reader_failed (r))
    return;

  cipher = ss_reader_get_ntohs (r, off);
  label_unknown (ctx, add_uint (ctx, tree, TLS_F_HS_CIPHERSUITE, off, 2), ciphersuite_vals,
                 cipher, TRUE);
  if (!ss_reader_failed (r))
    {
      ctx->conv->cipher = cipher;
      ctx->conv->have_cipher = TRUE;
    }
  off += 2;
  if (!(is_tls13 (ctx) && ctx->conv->draft > 0 && ctx->conv->draft < 22))
    {
      add_uint (ctx, tree, TLS_F_HS_COMP_METHOD, off, 1);
      off++;
    }
  if (off < end && !ss_reader_failed (r))
    dissect_extensions (ctx, tree, off, end, is_hrr ? HS_HELLO_RETRY_REQUEST : HS_SERVER_HELLO,
                        ja3_ext, NULL, NULL);
  if (ss_reader_failed (r))
    return;
  ja3s = g_strdup_printf ("%u,%u,%s", server_version, cipher, ja3_ext->str);
  add_ja3 (ctx, tree, TLS_F_HS_JA3S_FULL, TLS_F_HS_JA3S, ja3s);
}

/* Certificate (RFC 5246 §7.4.2, RFC 8446 §4.4.2): each ASN.1Cert goes to the X.509 dissector. */
static void
dissect_certificate (TlsCtx  *ctx,
                     SsItem  *tree,
                     guint32  off,
                     guint32  end)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;
  SsItem *certs;

  if (is_tls13 (ctx))
    {
      if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_CERT_REQ_CONTEXT_LENGTH, 0,
                       G_MAXUINT8))
        return;
      off++;
      if (len > 0)
        add_bytes (ctx, tree, TLS_F_HS_CERT_REQ_CONTEXT, off, len);
      off += len;
    }
  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_CERTIFICATES_LENGTH, 0, 0xffffff))
    return;
  off += 3;
  next = off + len;
  if (len == 0)
    return;
  certs = add_none (ctx, tree, TLS_F_HS_CERTIFICATES, off, len, "Certificates (%u bytes)", len);
  while (off < next && !ss_reader_failed (r))
    {
      guint32 cert_len;
      SsItem *cert;
      const char *subject;

      if (!add_vector (ctx, certs, off, next, &cert_len, TLS_F_HS_CERTIFICATE_LENGTH, 1,
                       0xffffff))
        break;
      off += 3;
      cert = add_bytes (ctx, certs, TLS_F_HS_CERTIFICATE, off, cert_len);
      if (ss_reader_has (r, off, cert_len))
        {
          subject = ss_x509_dissect_certificate (ctx->pkt, r, off, cert_len, cert);
          if (subject)
            ss_item_append_text (ctx->pkt, cert, " (%s)", subject);
        }
      off += cert_len;
      if (is_tls13 (ctx))
        {
          guint32 ext_len;

          if (!ss_reader_has (r, off, 2) || next - off < 2)
            break;
          ext_len = ss_reader_get_ntohs (r, off);
          dissect_extensions (ctx, certs, off, MIN (next, off + 2 + ext_len), HS_CERTIFICATE,
                              NULL, NULL, NULL);
          off += 2 + ext_len;
        }
    }
}

/* The key exchange a cipher suite uses, read from its IANA name. */
typedef enum
{
  KEX_UNKNOWN,
  KEX_RSA,
  KEX_DH,
  KEX_DH_ANON,
  KEX_ECDH,
  KEX_ECDH_ANON,
} TlsKex;

static TlsKex
cipher_kex (const TlsCtx *ctx)
{
  const char *name;

  if (!ctx->conv->have_cipher)
    return KEX_UNKNOWN;
  name = ss_value_string_lookup (ciphersuite_vals, ctx->conv->cipher);
  if (!name)
    return KEX_UNKNOWN;
  if (g_str_has_prefix (name, "TLS_ECDH_anon_"))
    return KEX_ECDH_ANON;
  if (g_str_has_prefix (name, "TLS_ECDHE_RSA_") || g_str_has_prefix (name, "TLS_ECDHE_ECDSA_")
      || g_str_has_prefix (name, "TLS_ECDH_RSA_") || g_str_has_prefix (name, "TLS_ECDH_ECDSA_"))
    return KEX_ECDH;
  if (g_str_has_prefix (name, "TLS_DH_anon_"))
    return KEX_DH_ANON;
  if (g_str_has_prefix (name, "TLS_DHE_RSA_") || g_str_has_prefix (name, "TLS_DHE_DSS_")
      || g_str_has_prefix (name, "TLS_DH_RSA_") || g_str_has_prefix (name, "TLS_DH_DSS_"))
    return KEX_DH;
  if (g_str_has_prefix (name, "TLS_RSA_WITH_") || g_str_has_prefix (name, "TLS_RSA_EXPORT_"))
    return KEX_RSA;
  return KEX_UNKNOWN;
}

/* The signature after ServerKeyExchange parameters (RFC 5246 §7.4.3). */
static void
dissect_keyex_signature (TlsCtx  *ctx,
                         SsItem  *tree,
                         guint32  off,
                         guint32  end)
{
  guint32 len;

  if (ctx->conv->version == TLSV1DOT2_VERSION)
    {
      if (end - off < 2)
        return;
      add_signature_algorithm (ctx, tree, off);
      off += 2;
    }
  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_SIG_LEN, 0, G_MAXUINT16))
    return;
  off += 2;
  add_bytes (ctx, tree, TLS_F_HS_SIG, off, len);
}

static guint32
add_opaque16 (TlsCtx  *ctx,
              SsItem  *tree,
              guint32  off,
              guint32  end,
              guint    len_field,
              guint    field,
              gboolean *ok)
{
  guint32 len;

  *ok = add_vector (ctx, tree, off, end, &len, len_field, 1, G_MAXUINT16);
  if (!*ok)
    return end;
  add_bytes (ctx, tree, field, off + 2, len);
  return off + 2 + len;
}

static void
dissect_server_keyex (TlsCtx  *ctx,
                      SsItem  *tree,
                      guint32  off,
                      guint32  end)
{
  TlsKex kex = cipher_kex (ctx);
  SsItem *params;
  gboolean ok;

  switch (kex)
    {
    case KEX_ECDH:
    case KEX_ECDH_ANON:
      {
        guint8 len;

        params = ss_layer_add_text (&ctx->l, tree, off, end - off,
                                    "EC Diffie-Hellman Server Params");
        add_uint (ctx, params, TLS_F_HS_CURVE_TYPE, off, 1);
        if (ss_reader_get_u8 (ctx->l.r, off) != 3)
          return;
        label_unknown (ctx, add_uint (ctx, params, TLS_F_HS_NAMED_CURVE, off + 1, 2), group_vals,
                       ss_reader_get_ntohs (ctx->l.r, off + 1), TRUE);
        len = ss_reader_get_u8 (ctx->l.r, off + 3);
        add_uint (ctx, params, TLS_F_HS_SERVER_POINT_LEN, off + 3, 1);
        add_bytes (ctx, params, TLS_F_HS_SERVER_POINT, off + 4, len);
        off += 4 + len;
        if (kex == KEX_ECDH && off < end && !ss_reader_failed (ctx->l.r))
          dissect_keyex_signature (ctx, params, off, end);
      }
      break;
    case KEX_DH:
    case KEX_DH_ANON:
      params = ss_layer_add_text (&ctx->l, tree, off, end - off,
                                  "Diffie-Hellman Server Params");
      off = add_opaque16 (ctx, params, off, end, TLS_F_HS_P_LEN, TLS_F_HS_P, &ok);
      if (ok)
        off = add_opaque16 (ctx, params, off, end, TLS_F_HS_G_LEN, TLS_F_HS_G, &ok);
      if (ok)
        off = add_opaque16 (ctx, params, off, end, TLS_F_HS_YS_LEN, TLS_F_HS_YS, &ok);
      if (ok && kex == KEX_DH && off < end && !ss_reader_failed (ctx->l.r))
        dissect_keyex_signature (ctx, params, off, end);
      break;
    default:
      break;
    }
}

static void
dissect_client_keyex (TlsCtx  *ctx,
                      SsItem  *tree,
                      guint32  off,
                      guint32  end)
{
  SsItem *params;
  gboolean ok;

  switch (cipher_kex (ctx))
    {
    case KEX_ECDH:
    case KEX_ECDH_ANON:
      {
        guint8 len = ss_reader_get_u8 (ctx->l.r, off);

        params = ss_layer_add_text (&ctx->l, tree, off, end - off,
                                    "EC Diffie-Hellman Client Params");
        add_uint (ctx, params, TLS_F_HS_CLIENT_POINT_LEN, off, 1);
        add_bytes (ctx, params, TLS_F_HS_CLIENT_POINT, off + 1, len);
      }
      break;
    case KEX_DH:
    case KEX_DH_ANON:
      params = ss_layer_add_text (&ctx->l, tree, off, end - off, "Diffie-Hellman Client Params");
      add_opaque16 (ctx, params, off, end, TLS_F_HS_YC_LEN, TLS_F_HS_YC, &ok);
      break;
    case KEX_RSA:
      params = ss_layer_add_text (&ctx->l, tree, off, end - off,
                                  "RSA Encrypted PreMaster Secret");
      if (ctx->conv->version == SSLV3_VERSION)
        add_bytes (ctx, params, TLS_F_HS_EPMS, off, end - off);
      else
        add_opaque16 (ctx, params, off, end, TLS_F_HS_EPMS_LEN, TLS_F_HS_EPMS, &ok);
      break;
    default:
      break;
    }
}

/* NewSessionTicket (RFC 5077 §3.3, RFC 8446 §4.6.1). */
static void
dissect_new_session_ticket (TlsCtx  *ctx,
                            SsItem  *tree,
                            guint32  off,
                            guint32  end)
{
  SsReader *r = ctx->l.r;
  SsItem *st = ss_layer_add_text (&ctx->l, tree, off, end - off, "TLS Session Ticket");
  SsItem *it;
  guint32 hint, len;

  if (end - off < 6)
    {
      add_expert (ctx, tree, TLS_E_BUFFER_TOO_SMALL, "Invalid length %u", end - off);
      return;
    }
  hint = ss_reader_get_ntohl (r, off);
  it = add_uint (ctx, st, TLS_F_HS_TICKET_LIFETIME_HINT, off, 4);
  if (it && ctx->pkt->full)
    {
      g_autofree char *span = NULL;

      if (hint >= 86400 && hint % 86400 == 0)
        span = g_strdup_printf ("%u day%s", hint / 86400, hint / 86400 == 1 ? "" : "s");
      else if (hint >= 3600 && hint % 3600 == 0)
        span = g_strdup_printf ("%u hour%s", hint / 3600, hint / 3600 == 1 ? "" : "s");
      else if (hint >= 60 && hint % 60 == 0)
        span = g_strdup_printf ("%u minute%s", hint / 60, hint / 60 == 1 ? "" : "s");
      if (span)
        ss_item_set_text (ctx->pkt, it, "Session Ticket Lifetime Hint: %u seconds (%s)", hint,
                          span);
      else
        ss_item_set_text (ctx->pkt, it, "Session Ticket Lifetime Hint: %u second%s", hint,
                          hint == 1 ? "" : "s");
    }
  off += 4;
  if (is_tls13 (ctx))
    {
      add_uint (ctx, st, TLS_F_HS_TICKET_AGE_ADD, off, 4);
      off += 4;
      if (!add_vector (ctx, st, off, end, &len, TLS_F_HS_TICKET_NONCE_LENGTH, 0, 255))
        return;
      off++;
      add_bytes (ctx, st, TLS_F_HS_TICKET_NONCE, off, len);
      off += len;
    }
  if (!add_vector (ctx, st, off, end, &len, TLS_F_HS_TICKET_LENGTH, is_tls13 (ctx) ? 1 : 0,
                   G_MAXUINT16))
    return;
  off += 2;
  add_bytes (ctx, st, TLS_F_HS_TICKET, off, len);
  off += len;
  if (is_tls13 (ctx) && off < end)
    dissect_extensions (ctx, st, off, end, HS_NEWSESSION_TICKET, NULL, NULL, NULL);
}

/* CertificateRequest (RFC 5246 §7.4.4; RFC 8446 §4.3.2 in TLS 1.3). */
static void
dissect_certificate_request (TlsCtx  *ctx,
                             SsItem  *tree,
                             guint32  off,
                             guint32  end)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;
  SsItem *list;

  if (is_tls13 (ctx))
    {
      if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_CERT_REQ_CONTEXT_LENGTH, 0, 255))
        return;
      off++;
      if (len > 0)
        add_bytes (ctx, tree, TLS_F_HS_CERT_REQ_CONTEXT, off, len);
      off += len;
      dissect_extensions (ctx, tree, off, end, HS_CERT_REQUEST, NULL, NULL, NULL);
      return;
    }
  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_CERT_TYPES_COUNT, 1, 255))
    return;
  off++;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_CERT_TYPES, off, len, "Certificate types (%u type%s)",
                   len, len == 1 ? "" : "s");
  for (; off < next && !ss_reader_failed (r); off++)
    add_uint (ctx, list, TLS_F_HS_CERT_TYPE, off, 1);
  if (ctx->conv->version == TLSV1DOT2_VERSION)
    {
      if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_SIG_HASH_ALG_LEN, 2, G_MAXUINT16 - 1))
        return;
      off += 2;
      next = off + len;
      list = add_none (ctx, tree, TLS_F_HS_SIG_HASH_ALGS, off, len,
                       "Signature Hash Algorithms (%u algorithm%s)", len / 2,
                       len / 2 == 1 ? "" : "s");
      for (; off + 2 <= next && !ss_reader_failed (r); off += 2)
        add_signature_algorithm (ctx, list, off);
      off = next;
    }
  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_DNAMES_LEN, 0, G_MAXUINT16))
    return;
  off += 2;
  next = off + len;
  if (len == 0)
    return;
  list = add_none (ctx, tree, TLS_F_HS_DNAMES, off, len, "Distinguished Names (%u byte%s)", len,
                   len == 1 ? "" : "s");
  while (off < next && !ss_reader_failed (r))
    {
      guint32 dn_len;

      if (!add_vector (ctx, list, off, next, &dn_len, TLS_F_HS_DNAME_LEN, 1, G_MAXUINT16))
        break;
      off += 2;
      {
        SsItem *dn = add_none (ctx, list, TLS_F_HS_DNAME, off, dn_len, NULL);
        const char *text = ss_reader_has (r, off, dn_len)
                           ? ss_x509_dissect_distinguished_name (ctx->pkt, r, off, dn_len, dn)
                           : NULL;

        ss_item_set_text (ctx->pkt, dn, "Distinguished Name: (%s)", text ? text : "");
      }
      off += dn_len;
    }
}

/* CertificateVerify (RFC 5246 §7.4.8, RFC 8446 §4.4.3). */
static void
dissect_certificate_verify (TlsCtx  *ctx,
                            SsItem  *tree,
                            guint32  off,
                            guint32  end)
{
  guint32 len;

  if (ctx->conv->version == TLSV1DOT2_VERSION || is_tls13 (ctx))
    {
      if (end - off < 2)
        return;
      add_signature_algorithm (ctx, tree, off);
      off += 2;
    }
  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_CERT_VERIFY_SIG_LEN, 0, G_MAXUINT16))
    return;
  off += 2;
  add_bytes (ctx, tree, TLS_F_HS_CERT_VERIFY_SIG, off, len);
}

/* server_name (RFC 6066 §3): only the ClientHello carries names. */
static guint32
dissect_ext_server_name (TlsCtx  *ctx,
                         SsItem  *tree,
                         guint32  off,
                         guint32  end)
{
  SsReader *r = ctx->l.r;
  SsItem *sni = ss_layer_add_text (&ctx->l, tree, off, end - off,
                                   "Server Name Indication extension");
  guint32 len, next;

  if (!add_vector (ctx, sni, off, end, &len, TLS_F_HS_EXT_SNI_LIST_LEN, 1, G_MAXUINT16))
    return end;
  off += 2;
  next = off + len;
  while (off < next && !ss_reader_failed (r))
    {
      guint32 name_len;

      add_uint (ctx, sni, TLS_F_HS_EXT_SNI_TYPE, off, 1);
      off++;
      if (!add_vector (ctx, sni, off, next, &name_len, TLS_F_HS_EXT_SNI_LEN, 1, G_MAXUINT16))
        return next;
      off += 2;
      ss_layer_add_item (&ctx->l, sni, TLS_F_HS_EXT_SNI, off, name_len, SS_ENC_BE);
      off += name_len;
    }
  return off;
}

static guint32
dissect_ext_supported_groups (TlsCtx  *ctx,
                              SsItem  *tree,
                              guint32  off,
                              guint32  end,
                              GString *ja3_groups)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;
  SsItem *list;
  guint n = 0;

  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_EXT_GROUPS_LENGTH, 2, G_MAXUINT16 - 1))
    return end;
  off += 2;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_EXT_GROUPS, off, len, "Supported Groups (%u group%s)",
                   len / 2, len / 2 == 1 ? "" : "s");
  for (; off + 2 <= next && !ss_reader_failed (r); off += 2)
    {
      guint16 g = ss_reader_get_ntohs (r, off);

      label_unknown (ctx, add_uint (ctx, list, TLS_F_HS_EXT_GROUP, off, 2), group_vals, g, TRUE);
      if (ja3_groups && !is_grease (g))
        g_string_append_printf (ja3_groups, "%s%u", n++ ? "-" : "", g);
    }
  if (!end_vector (ctx, list, off, next))
    off = next;
  return off;
}

static guint32
dissect_ext_ec_point_formats (TlsCtx  *ctx,
                              SsItem  *tree,
                              guint32  off,
                              guint32  end,
                              GString *ja3_ecpf)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;
  SsItem *list;
  guint n = 0;

  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_EXT_ECPF_LENGTH, 1, G_MAXUINT8))
    return end;
  off++;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_EXT_ECPF, off, len, "Elliptic curves point formats (%u)",
                   len);
  for (; off < next && !ss_reader_failed (r); off++)
    {
      add_uint (ctx, list, TLS_F_HS_EXT_ECPF_ITEM, off, 1);
      if (ja3_ecpf)
        g_string_append_printf (ja3_ecpf, "%s%u", n++ ? "-" : "", ss_reader_get_u8 (r, off));
    }
  return off;
}

static guint32
dissect_ext_signature_algorithms (TlsCtx  *ctx,
                                  SsItem  *tree,
                                  guint32  off,
                                  guint32  end)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;
  SsItem *list;

  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_SIG_HASH_ALG_LEN, 2, G_MAXUINT16 - 1))
    return end;
  off += 2;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_SIG_HASH_ALGS, off, len,
                   "Signature Hash Algorithms (%u algorithm%s)", len / 2, len / 2 == 1 ? "" : "s");
  for (; off + 2 <= next && !ss_reader_failed (r); off += 2)
    add_signature_algorithm (ctx, list, off);
  if (!end_vector (ctx, list, off, next))
    off = next;
  return off;
}

/* ALPN (RFC 7301 §3.1). The protocol the server picks is the one application data is shown as. */
static guint32
dissect_ext_alpn (TlsCtx  *ctx,
                  SsItem  *tree,
                  guint32  off,
                  guint32  end,
                  guint8   hs_type)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;
  SsItem *list;

  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_EXT_ALPN_LEN, 2, G_MAXUINT16))
    return end;
  off += 2;
  next = off + len;
  list = add_none (ctx, tree, TLS_F_HS_EXT_ALPN_LIST, off, len, NULL);
  while (off < next && !ss_reader_failed (r))
    {
      guint32 name_len;

      if (!add_vector (ctx, list, off, next, &name_len, TLS_F_HS_EXT_ALPN_STR_LEN, 1,
                       G_MAXUINT8))
        return next;
      off++;
      ss_layer_add_item (&ctx->l, list, TLS_F_HS_EXT_ALPN_STR, off, name_len, SS_ENC_BE);
      if ((hs_type == HS_SERVER_HELLO || hs_type == HS_ENCRYPTED_EXTENSIONS)
          && ss_reader_has (r, off, name_len))
        {
          const char *proto = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (alpn_prefixes) && !proto; i++)
            if (name_len >= strlen (alpn_prefixes[i].alpn)
                && memcmp (r->data + off, alpn_prefixes[i].alpn,
                           strlen (alpn_prefixes[i].alpn)) == 0)
              proto = alpn_prefixes[i].name;
          for (guint i = 0; i < G_N_ELEMENTS (alpn_protos) && !proto; i++)
            if (strlen (alpn_protos[i].alpn) == name_len
                && memcmp (r->data + off, alpn_protos[i].alpn, name_len) == 0)
              proto = alpn_protos[i].name;
          if (proto)
            ctx->conv->app_proto = proto;
        }
      off += name_len;
    }
  return off;
}

static guint32
dissect_ext_supported_versions (TlsCtx  *ctx,
                                SsItem  *tree,
                                guint32  off,
                                guint32  end,
                                guint8   hs_type)
{
  SsReader *r = ctx->l.r;
  guint32 len, next;

  if (hs_type != HS_CLIENT_HELLO)
    {
      label_unknown (ctx, add_uint (ctx, tree, TLS_F_HS_EXT_SUPPORTED_VERSION, off, 2),
                     version_vals, ss_reader_get_ntohs (r, off), TRUE);
      return off + 2;
    }
  if (!add_vector (ctx, tree, off, end, &len, TLS_F_HS_EXT_SUPPORTED_VERSIONS_LEN, 2, 254))
    return end;
  off++;
  next = off + len;
  for (; off + 2 <= next && !ss_reader_failed (r); off += 2)
    label_unknown (ctx, add_uint (ctx, tree, TLS_F_HS_EXT_SUPPORTED_VERSION, off, 2),
                   version_vals, ss_reader_get_ntohs (r, off), TRUE);
  if (!end_vector (ctx, tree, off, next))
    off = next;
  return off;
}

/* One KeyShareEntry (RFC 8446 §4.2.8). */
static guint32
dissect_key_share_entry (TlsCtx  *ctx,
                         SsItem  *tree,
                         guint32  off,
                         guint32  end)
{
  SsReader *r = ctx->l.r;
  guint16 group;
  guint32 len;
  SsItem *entry;
  const char *gname;

  if (end - off < 4)
    {
      add_expert (ctx, tree, TLS_E_BUFFER_TOO_SMALL, "Key share entry is too short");
      return end;
    }
  group = ss_reader_get_ntohs (r, off);
  len = ss_reader_get_ntohs (r, off + 2);
  gname = ss_value_string_lookup (group_vals, group);
  entry = ss_layer_add_text (&ctx->l, tree, off, MIN (4 + len, end - off),
                             "Key Share Entry: Group: %s, Key Exchange length: %u",
                             gname ? gname : "Unknown", len);
  label_unknown (ctx, add_uint (ctx, entry, TLS_F_HS_EXT_KEY_SHARE_GROUP, off, 2), group_vals,
                 group, FALSE);
  off += 2;
  if (!add_vector (ctx, entry, off, end, &len, TLS_F_HS_EXT_KEY_SHARE_KEX_LENGTH, 1,
                   G_MAXUINT16))
    return end;
  off += 2;
  add_bytes (ctx, entry, TLS_F_HS_EXT_KEY_SHARE_KEX, off, len);
  return off + len;
}

static guint32
dissect_ext_key_share (TlsCtx  *ctx,
                       SsItem  *tree,
                       guint32  off,
                       guint32  end,
                       guint8   hs_type)
{
  SsReader *r = ctx->l.r;
  SsItem *ks = ss_layer_add_text (&ctx->l, tree, off, end - off, "Key Share extension");
  guint32 len, next;

  switch (hs_type)
    {
    case HS_CLIENT_HELLO:
      if (!add_vector (ctx, ks, off, end, &len, TLS_F_HS_EXT_KEY_SHARE_CLIENT_LENGTH, 0,
                       G_MAXUINT16))
        return end;
      off += 2;
      next = off + len;
      while (off < next && !ss_reader_failed (r))
        off = dissect_key_share_entry (ctx, ks, off, next);
      return off;
    case HS_SERVER_HELLO:
      return dissect_key_share_entry (ctx, ks, off, end);
    case HS_HELLO_RETRY_REQUEST:
      label_unknown (ctx, add_uint (ctx, ks, TLS_F_HS_EXT_KEY_SHARE_SELECTED_GROUP, off, 2),
                     group_vals, ss_reader_get_ntohs (r, off), FALSE);
      return off + 2;
    default:
      return end;
    }
}

/* pre_shared_key (RFC 8446 §4.2.11). */
static guint32
dissect_ext_pre_shared_key (TlsCtx  *ctx,
                            SsItem  *tree,
                            guint32  off,
                            guint32  end,
                            guint8   hs_type)
{
  SsReader *r = ctx->l.r;
  SsItem *psk = ss_layer_add_text (&ctx->l, tree, off, end - off, "Pre-Shared Key extension");
  guint32 len, next;

  if (hs_type == HS_SERVER_HELLO)
    {
      add_uint (ctx, psk, TLS_F_HS_EXT_PSK_SELECTED, off, 2);
      return off + 2;
    }
  if (hs_type != HS_CLIENT_HELLO)
    return end;
  if (!add_vector (ctx, psk, off, end, &len, TLS_F_HS_EXT_PSK_IDENTITIES_LENGTH, 7,
                   G_MAXUINT16))
    return end;
  off += 2;
  next = off + len;
  while (off < next && !ss_reader_failed (r))
    {
      guint32 id_len;
      SsItem *id = ss_layer_add_text (&ctx->l, psk, off, 0, "PSK Identity (length: %u)",
                                      ss_reader_get_ntohs (r, off));

      if (!add_vector (ctx, id, off, next, &id_len, TLS_F_HS_EXT_PSK_IDENTITY_LENGTH, 1,
                       G_MAXUINT16))
        return end;
      off += 2;
      add_bytes (ctx, id, TLS_F_HS_EXT_PSK_IDENTITY, off, id_len);
      off += id_len;
      add_uint (ctx, id, TLS_F_HS_EXT_PSK_TICKET_AGE, off, 4);
      off += 4;
      ss_item_set_length (id, 2 + id_len + 4);
    }
  if (!add_vector (ctx, psk, off, end, &len, TLS_F_HS_EXT_PSK_BINDERS_LEN, 33, G_MAXUINT16))
    return end;
  return off + 2 + len;
}

/* Extensions (RFC 8446 §4.2): one subtree per extension, the known ones decoded. */
static void
dissect_extensions (TlsCtx  *ctx,
                    SsItem  *tree,
                    guint32  off,
                    guint32  end,
                    guint8   hs_type,
                    GString *ja3_ext,
                    GString *ja3_groups,
                    GString *ja3_ecpf)
{
  SsReader *r = ctx->l.r;
  guint32 exts_len;
  guint n = 0;

  if (!add_vector (ctx, tree, off, end, &exts_len, TLS_F_HS_EXTENSIONS_LENGTH, 0, G_MAXUINT16))
    return;
  off += 2;
  end = off + exts_len;

  while (end - off >= 4 && !ss_reader_failed (r))
    {
      guint16 type = ss_reader_get_ntohs (r, off);
      guint32 len = ss_reader_get_ntohs (r, off + 2);
      const char *tname = ss_value_string_lookup (extension_type_vals, type);
      g_autofree char *unknown = tname ? NULL : g_strdup_printf ("Unknown type %u", type);
      SsItem *ext, *it;
      guint32 next;

      /* Wireshark's extension item covers 4 + len bytes: more than there are throws. */
      if (!ss_reader_check (r, off, 4 + len))
        return;
      ext = ss_layer_add_text (&ctx->l, tree, off, 4 + len, "Extension: %s (len=%u)",
                               tname ? tname : unknown, len);
      it = add_uint (ctx, ext, TLS_F_HS_EXT_TYPE, off, 2);
      if (!tname)
        ss_item_set_text (ctx->pkt, it, "Type: Unknown (%u)", type);
      off += 2;
      if (ja3_ext && !is_grease (type))
        g_string_append_printf (ja3_ext, "%s%u", n++ ? "-" : "", type);
      if (!add_vector (ctx, ext, off, end, &len, TLS_F_HS_EXT_LEN, 0, G_MAXUINT16))
        return;
      off += 2;
      next = off + len;

      switch (type)
        {
        case 0: /* server_name */
          if (hs_type == HS_CLIENT_HELLO)
            off = dissect_ext_server_name (ctx, ext, off, next);
          break;
        case 1: /* max_fragment_length */
          add_uint (ctx, ext, TLS_F_HS_EXT_MAX_FRAGMENT_LENGTH, off, 1);
          off++;
          break;
        case 5: /* status_request */
          if (hs_type == HS_CLIENT_HELLO && len > 0)
            {
              guint32 l2;

              add_uint (ctx, ext, TLS_F_HS_EXT_STATUS_TYPE, off, 1);
              off++;
              if (ss_reader_get_u8 (r, off - 1) == 1)
                {
                  if (!add_vector (ctx, ext, off, next, &l2,
                                   TLS_F_HS_EXT_STATUS_RESPONDER_IDS_LEN, 0, G_MAXUINT16))
                    break;
                  off += 2 + l2;
                  if (!add_vector (ctx, ext, off, next, &l2, TLS_F_HS_EXT_STATUS_EXTS_LEN, 0,
                                   G_MAXUINT16))
                    break;
                  off += 2 + l2;
                }
            }
          break;
        case 10: /* supported_groups */
          off = dissect_ext_supported_groups (ctx, ext, off, next, ja3_groups);
          break;
        case 11: /* ec_point_formats */
          off = dissect_ext_ec_point_formats (ctx, ext, off, next, ja3_ecpf);
          break;
        case 13: /* signature_algorithms */
        case 50: /* signature_algorithms_cert */
          off = dissect_ext_signature_algorithms (ctx, ext, off, next);
          break;
        case 34: /* delegated_credentials (RFC 9345 §4.1.1) */
          if (hs_type == HS_CLIENT_HELLO)
            off = dissect_ext_signature_algorithms (ctx, ext, off, next);
          else
            off = next;
          break;
        case 15: /* heartbeat */
          add_uint (ctx, ext, TLS_F_HS_EXT_HEARTBEAT_MODE, off, 1);
          off++;
          break;
        case 16: /* application_layer_protocol_negotiation */
          off = dissect_ext_alpn (ctx, ext, off, next, hs_type);
          break;
        case 21: /* padding */
          if (len > 0)
            add_bytes (ctx, ext, TLS_F_HS_EXT_PADDING_DATA, off, len);
          off = next;
          break;
        case 22: /* encrypt_then_mac */
        case 23: /* extended_master_secret */
        case 49: /* post_handshake_auth */
          break;
        case 18: /* signed_certificate_timestamp (RFC 6962 §3.3.1) */
          if (len > 0)
            {
              ss_tls_dissect_sct_list (ctx->pkt, r, off, next, ctx->conv->version, ext);
              off = next;
            }
          break;
        case 28: /* record_size_limit */
          add_uint (ctx, ext, TLS_F_HS_EXT_RECORD_SIZE_LIMIT, off, 2);
          off += 2;
          break;
        case 35: /* session_ticket */
          it = add_bytes (ctx, ext, TLS_F_HS_EXT_DATA, off, len);
          ss_item_set_text (ctx->pkt, it, "Data (%u byte%s)", len, len == 1 ? "" : "s");
          off = next;
          break;
        case 41: /* pre_shared_key */
          off = dissect_ext_pre_shared_key (ctx, ext, off, next, hs_type);
          break;
        case 42: /* early_data */
          /* Only TLS 1.3 has early data (RFC 8446 §4.2.10): Wireshark takes the session as
           * TLS 1.3 from this ClientHello on. */
          if (hs_type == HS_CLIENT_HELLO && !ctx->pkt->visited)
            ctx->conv->early_data = TRUE;
          if (hs_type == HS_NEWSESSION_TICKET)
            {
              add_uint (ctx, ext, TLS_F_HS_EXT_MAX_EARLY_DATA, off, 4);
              off += 4;
            }
          break;
        case 43: /* supported_versions */
          off = dissect_ext_supported_versions (ctx, ext, off, next, hs_type);
          break;
        case 44: /* cookie */
          {
            guint32 clen;

            if (add_vector (ctx, ext, off, next, &clen, TLS_F_HS_EXT_COOKIE_LEN, 1,
                            G_MAXUINT16))
              {
                add_bytes (ctx, ext, TLS_F_HS_EXT_COOKIE, off + 2, clen);
                off += 2 + clen;
              }
            else
              off = next;
          }
          break;
        case 45: /* psk_key_exchange_modes */
          {
            guint32 mlen;

            if (add_vector (ctx, ext, off, next, &mlen, TLS_F_HS_EXT_PSK_KE_MODES_LENGTH, 1, 255))
              {
                off++;
                for (guint32 e = off + mlen; off < e && !ss_reader_failed (r); off++)
                  add_uint (ctx, ext, TLS_F_HS_EXT_PSK_KE_MODE, off, 1);
              }
            else
              off = next;
          }
          break;
        case 40: /* key_share, TLS 1.3 drafts before 23 */
        case 51: /* key_share */
          off = dissect_ext_key_share (ctx, ext, off, next, hs_type);
          break;
        case 0xff01: /* renegotiation_info (RFC 5746 §3.2) */
          {
            SsItem *ri = ss_layer_add_text (&ctx->l, ext, off, len,
                                            "Renegotiation Info extension");
            guint32 rlen;

            if (add_vector (ctx, ri, off, next, &rlen, TLS_F_HS_EXT_RENEG_INFO_LEN, 0, 255))
              {
                off++;
                if (rlen > 0)
                  add_bytes (ctx, ri, TLS_F_HS_EXT_RENEG_INFO, off, rlen);
                off += rlen;
              }
            else
              off = next;
          }
          break;
        default:
          add_bytes (ctx, ext, TLS_F_HS_EXT_DATA, off, len);
          off = next;
          break;
        }
      if (!end_vector (ctx, ext, off, next))
        off = next;
    }
  if (!end_vector (ctx, tree, off, end))
    return;
}

/* The Info column and record label for a handshake message (Wireshark's
 * tls_show_handshake_details); returns the "Handshake Protocol" item. */
static SsItem *
show_handshake_details (TlsCtx   *ctx,
                        SsItem   *record,
                        guint16   version,
                        guint8    msg_type,
                        gboolean  is_encrypted,
                        gboolean  is_first_msg,
                        gboolean  complete,
                        guint32   off,
                        guint32   len)
{
  const char *type_str = "Encrypted Handshake Message";
  SsItem *it;

  if (!is_encrypted)
    {
      const char *s = ss_value_string_lookup (handshake_type_vals, msg_type);

      if (s)
        type_str = s;
    }
  if (complete)
    ss_packet_append_info_sep (ctx->pkt, ", ", "%s", type_str);
  else if (is_first_msg)
    ss_packet_append_info_sep (ctx->pkt, ", ", "[%s Fragment]", type_str);

  if (is_first_msg)
    {
      ss_item_set_text (ctx->pkt, record, "%s Record Layer: Handshake Protocol: %s",
                        version_short_name (version, "TLS"), type_str);
      if (!complete && !is_encrypted)
        ss_item_append_text (ctx->pkt, record, " (fragment)");
    }
  else
    ss_item_set_text (ctx->pkt, record,
                      "%s Record Layer: Handshake Protocol: Multiple Handshake Messages",
                      version_short_name (version, "TLS"));

  it = add_none (ctx, record, TLS_F_HANDSHAKE, off, len, "Handshake Protocol: %s", type_str);
  if (!complete && !is_encrypted)
    ss_item_append_text (ctx->pkt, it, " (fragment)");
  return it;
}

/* The version a ServerHello selects (supported_versions overrides the legacy field, RFC 8446
 * §4.2.1) and whether it is a HelloRetryRequest (§4.1.3). */
static void
scan_server_hello (SsReader *r,
                   guint32   off,
                   guint32   end,
                   guint16  *server_version,
                   gboolean *is_hrr)
{
  static const guint8 hrr_magic[32] = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
  };
  const guint8 *p;
  guint8 sid_len;

  *is_hrr = FALSE;
  *server_version = ss_reader_get_ntohs (r, off);
  if (*server_version != TLSV1DOT2_VERSION || end - off < 46)
    return;
  off += 2;
  p = ss_reader_peek (r, off, 32);
  *is_hrr = p && memcmp (p, hrr_magic, 32) == 0;
  off += 32;
  sid_len = ss_reader_get_u8 (r, off);
  off++;
  if (end - off < sid_len + 5u)
    return;
  off += sid_len + 5;
  while (end - off >= 6 && ss_reader_has (r, off, 6))
    {
      guint16 type = ss_reader_get_ntohs (r, off);
      guint16 len = ss_reader_get_ntohs (r, off + 2);

      if (end - off < 4u + len)
        break;
      if (type == 43)
        {
          if (len == 2)
            *server_version = ss_reader_get_ntohs (r, off + 4);
          break;
        }
      off += 4 + len;
    }
}

/* One whole handshake message (Wireshark's dissect_tls_handshake_full). */
static void
dissect_handshake_full (TlsCtx   *ctx,
                        SsItem   *record,
                        guint32   off,
                        guint16   version,
                        gboolean  is_first_msg)
{
  SsReader *r = ctx->l.r;
  guint8 msg_type = ss_reader_get_u8 (r, off);
  guint32 length = ss_reader_get_ntoh24 (r, off + 1);
  const char *type_str = ss_value_string_lookup (handshake_type_vals, msg_type);
  gboolean is_hrr = FALSE;
  guint32 body, end;
  SsItem *hs;

  if (ss_reader_failed (r))
    return;
  if (!type_str && !is_first_msg)
    return;
  if (is_first_msg && msg_type == HS_SERVER_HELLO && length > 2)
    {
      guint16 server_version;

      scan_server_hello (r, off + 4, off + 4 + length, &server_version, &is_hrr);
      try_set_version (ctx->conv, CT_HANDSHAKE, HS_SERVER_HELLO, server_version);
    }
  hs = show_handshake_details (ctx, record, version,
                               is_hrr ? HS_HELLO_RETRY_REQUEST : msg_type, FALSE, is_first_msg,
                               TRUE, off, length + 4);
  if (!type_str)
    return;
  ss_layer_add_uint (&ctx->l, hs, TLS_F_HS_TYPE, off, 1, msg_type);
  ss_layer_add_uint (&ctx->l, hs, TLS_F_HS_LENGTH, off + 1, 3, length);
  body = off + 4;
  end = body + length;

  switch (msg_type)
    {
    case HS_CLIENT_HELLO:
      dissect_client_hello (ctx, hs, body, end);
      break;
    case HS_SERVER_HELLO:
      dissect_server_hello (ctx, hs, body, end, is_hrr);
      break;
    case HS_NEWSESSION_TICKET:
      dissect_new_session_ticket (ctx, hs, body, end);
      break;
    case HS_HELLO_RETRY_REQUEST:
    case HS_ENCRYPTED_EXTENSIONS:
      if (body < end)
        dissect_extensions (ctx, hs, body, end, msg_type, NULL, NULL, NULL);
      break;
    case HS_CERTIFICATE:
      dissect_certificate (ctx, hs, body, end);
      break;
    case HS_SERVER_KEY_EXCHG:
      dissect_server_keyex (ctx, hs, body, end);
      break;
    case HS_CERT_REQUEST:
      dissect_certificate_request (ctx, hs, body, end);
      break;
    case HS_CERT_VERIFY:
      dissect_certificate_verify (ctx, hs, body, end);
      break;
    case HS_CLIENT_KEY_EXCHG:
      dissect_client_keyex (ctx, hs, body, end);
      break;
    case HS_FINISHED:
      if (ctx->conv->version == SSLV3_VERSION)
        {
          add_none (ctx, hs, TLS_F_HS_MD5_HASH, body, 16, NULL);
          add_none (ctx, hs, TLS_F_HS_SHA_HASH, body + 16, 20, NULL);
        }
      else
        add_none (ctx, hs, TLS_F_HS_VERIFY_DATA, body, length, NULL);
      break;
    case HS_CERT_STATUS:
      if (length >= 4)
        {
          guint32 olen;

          add_uint (ctx, hs, TLS_F_HS_EXT_STATUS_TYPE, body, 1);
          if (add_vector (ctx, hs, body + 1, end, &olen, TLS_F_HS_OCSP_RESPONSE_LEN, 1, 0xffffff)
              && ss_reader_get_u8 (ctx->l.r, body) == 1 && ss_reader_has (ctx->l.r, body + 4, olen))
            ss_x509_dissect_ocsp_response (ctx->pkt, ctx->l.r, body + 4, olen,
                                           ss_layer_add_text (&ctx->l, hs, body + 4, olen,
                                                              "OCSP Response"));
        }
      break;
    case HS_KEY_UPDATE:
      add_uint (ctx, hs, TLS_F_HS_KEY_UPDATE, body, 1);
      break;
    default:
      break;
    }
}

/* Whether a handshake record looks encrypted (Wireshark's is_encrypted_handshake_message):
 * after the sender's ChangeCipherSpec, or when the first octets cannot start a message. */
static gboolean
is_encrypted_handshake (TlsCtx   *ctx,
                        guint32   off,
                        guint32   end,
                        gboolean  maybe_encrypted)
{
  SsReader *r = ctx->l.r;
  guint8 msg_type;

  if (end - off < 16)
    return FALSE;
  if (maybe_encrypted)
    {
      const guint8 *p = ss_reader_peek (r, off, 5);

      maybe_encrypted = p && !(p[0] | p[1] | p[2] | p[3] | p[4]);
      if (!maybe_encrypted)
        {
          guint32 ccs = ctx->conv->ccs_frame[ctx->dir];

          maybe_encrypted = ccs != 0 && ctx->pkt->number > ccs;
        }
    }
  if (!maybe_encrypted)
    {
      msg_type = ss_reader_get_u8 (r, off);
      maybe_encrypted = ss_value_string_lookup (handshake_type_vals, msg_type) == NULL;
      if (!maybe_encrypted)
        maybe_encrypted = ss_reader_get_ntoh24 (r, off + 1) >= 0x010000;
    }
  return maybe_encrypted;
}

/* Adds @len bytes at @off to the message being put back together in this direction. */
static void
reasm_add (TlsCtx  *ctx,
           guint32  off,
           guint32  len)
{
  TlsHsReasm *hs = &ctx->conv->hs[ctx->dir];
  SsReader *r = ctx->l.r;

  if (hs->n_frags < TLS_MAX_FRAGS && hs->frags)
    {
      hs->frags[hs->n_frags].frame = ctx->pkt->number;
      hs->frags[hs->n_frags].len = len;
    }
  hs->n_frags++;
  for (guint32 i = 0; i < len && hs->have < 4; i++)
    hs->hdr[hs->have++] = ss_reader_get_u8 (r, off++), len--;
  if (hs->have >= 4 && !hs->total)
    {
      hs->total = 4 + ((guint32) hs->hdr[1] << 16 | (guint32) hs->hdr[2] << 8 | hs->hdr[3]);
      /* Wireshark follows any length; the bytes are kept only for a plausible one. */
      if (hs->total <= TLS_HANDSHAKE_MAX)
        {
          hs->buf = ctx->pkt->visited ? ss_arena_alloc (ctx->pkt->arena, hs->total)
                                      : ss_session_alloc (ctx->pkt->session, hs->total);
          memcpy (hs->buf, hs->hdr, 4);
        }
    }
  if (len > 0 && hs->total)
    {
      len = MIN (len, hs->total - hs->have);
      if (hs->buf)
        ss_reader_copy (r, off, len, hs->buf + hs->have);
      hs->have += len;
    }
}

static void
reasm_start (TlsCtx *ctx)
{
  TlsHsReasm *hs = &ctx->conv->hs[ctx->dir];

  memset (hs, 0, sizeof *hs);
  hs->active = TRUE;
  hs->frags = ctx->pkt->visited || !ctx->pkt->session
              ? ss_arena_alloc (ctx->pkt->arena, TLS_MAX_FRAGS * sizeof (TlsFrag))
              : ss_session_alloc (ctx->pkt->session, TLS_MAX_FRAGS * sizeof (TlsFrag));
}

/* The "[N Reassembled Handshake Fragments (X bytes): #5(1448), #6(300)]" node, then the
 * whole message as a byte source of its own. */
static void
dissect_reassembled (TlsCtx   *ctx,
                     SsItem   *record,
                     guint16   version)
{
  TlsHsReasm *hs = &ctx->conv->hs[ctx->dir];
  SsPacket *pkt = ctx->pkt;
  SsReader msg, *saved_r = ctx->l.r;
  guint8 saved_source = pkt->cur_source;
  guint32 pos = 0;
  SsItem *frags;

  if (pkt->n_sources >= SS_PACKET_MAX_SOURCES)
    return;
  pkt->sources[pkt->n_sources].name = "Reassembled TLS Handshake";
  pkt->sources[pkt->n_sources].data = hs->buf;
  pkt->sources[pkt->n_sources].len = hs->total;
  pkt->n_sources++;
  pkt->cur_source = pkt->n_sources;
  ss_reader_init (&msg, hs->buf, hs->total, hs->total, &pkt->status);
  ctx->l.r = &msg;

  frags = ss_layer_add_uint (&ctx->l, record, TLS_F_HS_FRAGMENTS, 0, hs->total, 0);
  if (frags && pkt->full)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_printf (text, "%u Reassembled Handshake Fragments (%u bytes):", hs->n_frags,
                       hs->total);
      for (guint i = 0; i < MIN (hs->n_frags, (guint32) TLS_MAX_FRAGS); i++)
        g_string_append_printf (text, " #%u(%u)", hs->frags[i].frame, hs->frags[i].len);
      ss_item_set_text (pkt, frags, "%s", text->str);
    }
  for (guint i = 0; i < MIN (hs->n_frags, (guint32) TLS_MAX_FRAGS); i++)
    {
      SsItem *it = ss_layer_add_uint (&ctx->l, frags, TLS_F_HS_FRAGMENT, pos, hs->frags[i].len,
                                      hs->frags[i].frame);

      ss_item_set_text (pkt, it, "Frame: %u, payload: %u-%u (%u bytes)", hs->frags[i].frame,
                        pos, pos + hs->frags[i].len - 1, hs->frags[i].len);
      pos += hs->frags[i].len;
    }
  ss_item_set_flags (ss_layer_add_uint (&ctx->l, frags, TLS_F_HS_FRAGMENT_COUNT, 0, 0,
                                        hs->n_frags), SS_ITEM_GENERATED);
  dissect_handshake_full (ctx, record, 0, version, TRUE);
  ctx->l.r = saved_r;
  pkt->cur_source = saved_source;
  /* As in Wireshark, an exception in the reassembled message ends the whole dissection. */
  saved_r->status |= msg.status;
}

/* Handshake records (Wireshark's dissect_tls_handshake): continues a message that spans
 * records, recognises encrypted records, then dissects each whole message and starts putting
 * back together the one the record ends in the middle of. */
static void
dissect_handshake (TlsCtx   *ctx,
                   SsItem   *record,
                   guint32   off,
                   guint32   end,
                   gboolean  maybe_encrypted,
                   guint16   version)
{
  SsReader *r = ctx->l.r;
  TlsHsReasm *hs = &ctx->conv->hs[ctx->dir];
  gboolean is_first_msg = TRUE;

  if (hs->active)
    {
      guint32 subset = end - off;
      guint32 have = hs->have;

      if (have + subset >= 4 || hs->total)
        {
          guint32 total = hs->total;

          if (!total)
            {
              guint8 h[4];

              memcpy (h, hs->hdr, 4);
              for (guint32 i = have; i < 4; i++)
                h[i] = ss_reader_get_u8 (r, off + i - have);
              total = 4 + ((guint32) h[1] << 16 | (guint32) h[2] << 8 | h[3]);
            }
          subset = MIN (subset, total - have);
        }
      if (!ss_reader_has (r, off, subset))
        hs->active = FALSE;
      else
        {
          guint8 type = have > 0 ? hs->hdr[0] : ss_reader_get_u8 (r, off);

          reasm_add (ctx, off, subset);
          if (hs->total && hs->have == hs->total)
            {
              const char *name = ss_value_string_lookup (handshake_type_vals, type);

              add_none (ctx, record, TLS_F_HANDSHAKE, off, subset,
                        "Handshake Protocol: %s (last fragment)",
                        name ? name : "Encrypted Handshake Message");
              hs->active = FALSE;
              off += subset;
              if (hs->buf)
                dissect_reassembled (ctx, record, version);
              is_first_msg = FALSE;
            }
          else
            {
              show_handshake_details (ctx, record, version, type, FALSE, FALSE, FALSE, off,
                                      end - off);
              return;
            }
        }
    }
  else if (is_encrypted_handshake (ctx, off, end, maybe_encrypted))
    {
      show_handshake_details (ctx, record, version, 0, TRUE, TRUE, TRUE, off, end - off);
      return;
    }

  while (off < end && !ss_reader_failed (r))
    {
      guint32 subset = end - off;
      guint32 msg_len = 0;

      if (subset >= 4)
        msg_len = 4 + ss_reader_get_ntoh24 (r, off + 1);
      if (msg_len == 0 || subset < msg_len)
        {
          guint8 type = ss_reader_get_u8 (r, off);

          if (ss_reader_has (r, off, subset) && ctx->pkt->session)
            {
              reasm_start (ctx);
              reasm_add (ctx, off, subset);
            }
          show_handshake_details (ctx, record, version, type, FALSE, is_first_msg, FALSE, off,
                                  subset);
          break;
        }
      dissect_handshake_full (ctx, record, off, version, is_first_msg);
      off += msg_len;
      is_first_msg = FALSE;
    }
}

static void
dissect_alert (TlsCtx   *ctx,
               SsItem   *record,
               guint32   off,
               guint32   len)
{
  SsReader *r = ctx->l.r;
  SsItem *alert = add_none (ctx, record, TLS_F_ALERT_MESSAGE, off, len, NULL);
  const char *level, *desc;
  guint8 level_byte, desc_byte;
  SsItem *it;

  if (len != 2)
    {
      ss_packet_append_info_sep (ctx->pkt, ", ", "Encrypted Alert");
      ss_item_set_text (ctx->pkt, record, "%s Record Layer: Encrypted Alert",
                        version_short_name (ctx->conv->version, "TLS"));
      ss_item_set_text (ctx->pkt, alert, "Alert Message: Encrypted Alert");
      return;
    }
  level_byte = ss_reader_get_u8 (r, off);
  desc_byte = ss_reader_get_u8 (r, off + 1);
  if (ss_reader_failed (r))
    return;
  level = ss_value_string_lookup (alert_level_vals, level_byte);
  desc = ss_value_string_lookup (alert_desc_vals, desc_byte);
  level = level ? level : "Unknown";
  desc = desc ? desc : "Unknown";
  ss_packet_append_info_sep (ctx->pkt, ", ", "Alert (Level: %s, Description: %s)", level, desc);
  ss_item_set_text (ctx->pkt, record, "%s Record Layer: Alert (Level: %s, Description: %s)",
                    version_short_name (ctx->conv->version, "TLS"), level, desc);
  label_unknown (ctx, add_uint (ctx, alert, TLS_F_ALERT_LEVEL, off, 1), alert_level_vals,
                 level_byte, FALSE);
  it = add_uint (ctx, alert, TLS_F_ALERT_DESC, off + 1, 1);
  label_unknown (ctx, it, alert_desc_vals, desc_byte, FALSE);
  if (level_byte == 2)
    ss_packet_add_expert (ctx->pkt, it, SS_PROTO_TLS, TLS_E_ALERT_FATAL,
                          _("Fatal TLS alert: %s (%u)"), desc, desc_byte);
  else if (desc_byte != 0)
    ss_packet_add_expert (ctx->pkt, it, SS_PROTO_TLS, TLS_E_ALERT_WARNING,
                          _("TLS warning alert: %s (%u)"), desc, desc_byte);
}

static void
dissect_heartbeat (TlsCtx   *ctx,
                   SsItem   *record,
                   guint32   off,
                   guint32   len)
{
  SsReader *r = ctx->l.r;
  SsItem *hb = add_none (ctx, record, TLS_F_HEARTBEAT_MESSAGE, off, len, NULL);
  guint8 type_byte = ss_reader_get_u8 (r, off);
  const char *type = ss_value_string_lookup (hb_type_vals, type_byte);
  guint16 payload_len = ss_reader_get_ntohs (r, off + 1);
  guint32 padding_len = len >= 3u + payload_len ? len - 3 - payload_len : 0;
  SsItem *it;

  if (!type)
    {
      ss_packet_append_info_sep (ctx->pkt, ", ", "Encrypted Heartbeat");
      ss_item_set_text (ctx->pkt, record, "%s Record Layer: Encrypted Heartbeat",
                        version_short_name (ctx->conv->version, "SSL"));
      ss_item_set_text (ctx->pkt, hb, "Encrypted Heartbeat Message");
      return;
    }
  ss_packet_append_info_sep (ctx->pkt, ", ", "Heartbeat %s", type);
  ss_item_set_text (ctx->pkt, record, "%s Record Layer: Heartbeat %s",
                    version_short_name (ctx->conv->version, "SSL"), type);
  add_uint (ctx, hb, TLS_F_HEARTBEAT_TYPE, off, 1);
  it = ss_layer_add_uint (&ctx->l, hb, TLS_F_HEARTBEAT_PAYLOAD_LENGTH, off + 1, 2, payload_len);
  off += 3;
  if (3u + payload_len + 16 > len)
    {
      add_expert (ctx, it, TLS_E_HEARTBEAT_PAYLOAD_LENGTH, "Invalid heartbeat payload length (%d)",
                  payload_len);
      payload_len = len >= 3 ? len - 3 : 0;
      padding_len = 0;
      ss_item_append_text (ctx->pkt, it, " (invalid, using %u to decode payload)", payload_len);
    }
  it = add_bytes (ctx, hb, TLS_F_HEARTBEAT_PAYLOAD, off, payload_len);
  ss_item_set_text (ctx->pkt, it, "Payload (%u byte%s)", payload_len,
                    payload_len == 1 ? "" : "s");
  off += payload_len;
  if (padding_len)
    {
      it = add_bytes (ctx, hb, TLS_F_HEARTBEAT_PADDING, off, padding_len);
      ss_item_set_text (ctx->pkt, it, "Padding and HMAC (%u byte%s)", padding_len,
                        padding_len == 1 ? "" : "s");
    }
}

/* One SSL 3.0 / TLS record (RFC 5246 §6.2.1). Returns the offset after it; sets
 * ctx->need_desegment when it continues in later segments. */
static guint32
dissect_record (TlsCtx  *ctx,
                guint32  off)
{
  SsReader *r = ctx->l.r;
  TlsConv *conv = ctx->conv;
  guint32 avail = r->reported - off;
  guint8 ct, next_byte;
  guint16 version, record_version;
  guint32 len;
  SsItem *record, *it;

  if ((conv->version == TLSV1_VERSION || conv->version == TLSV1DOT1_VERSION
       || conv->version == TLSV1DOT2_VERSION || conv->version == TLCPV1_VERSION)
      && avail >= 1 && !is_valid_content_type (ss_reader_get_u8 (r, off)))
    {
      if (ss_reader_failed (r))
        return r->reported;
      it = ss_layer_add_text (&ctx->l, NULL, off, avail, "Ignored Unknown Record");
      ss_packet_add_expert (ctx->pkt, it, SS_PROTO_TLS, TLS_E_IGNORED_UNKNOWN_RECORD, NULL);
      ss_packet_append_info_sep (ctx->pkt, ", ", "Ignored Unknown Record");
      return r->reported;
    }
  if (avail < 5)
    {
      if (ctx->can_desegment)
        {
          ctx->pkt->desegment_offset = off;
          ctx->pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
          ctx->need_desegment = TRUE;
          return off;
        }
      return off + avail;
    }

  ct = ss_reader_get_u8 (r, off);
  record_version = version = ss_reader_get_ntohs (r, off + 1);
  len = ss_reader_get_ntohs (r, off + 3);
  if (ss_reader_failed (r))
    return r->reported;
  if (!is_valid_content_type (ct))
    {
      ss_packet_append_info_sep (ctx->pkt, ", ", "Continuation Data");
      return off + 5 + len;
    }
  if (avail < len + 5)
    {
      if (ctx->can_desegment)
        {
          ctx->pkt->desegment_offset = off;
          ctx->pkt->desegment_len = len + 5 - avail;
          ctx->need_desegment = TRUE;
          return off;
        }
      return off + avail;
    }

  record = add_none (ctx, NULL, TLS_F_RECORD, off, 5 + len, NULL);
  if (conv->version == TLSV1DOT3_VERSION && ct == CT_APP_DATA)
    add_uint (ctx, record, TLS_F_RECORD_OPAQUE_TYPE, off, 1);
  else
    add_uint (ctx, record, TLS_F_RECORD_CONTENT_TYPE, off, 1);
  label_unknown (ctx, add_uint (ctx, record, TLS_F_RECORD_VERSION, off + 1, 2), version_vals,
                 record_version, TRUE);
  it = ss_layer_add_uint (&ctx->l, record, TLS_F_RECORD_LENGTH, off + 3, 2, len);
  off += 5;

  /* Wireshark peeks at the octet after the header even for an empty record at the end. */
  next_byte = ss_reader_get_u8 (r, off);
  if (conv->version == SSL_VER_UNKNOWN)
    {
      try_set_version (conv, ct, next_byte, version);
      ss_packet_set_protocol (ctx->pkt, version_short_name (version, "SSL"));
    }
  else
    version = conv->version;

  /* RFC 8446 §5.1 and §5.2: at most 2^14 + 256 octets in TLS 1.3, 2^14 + 2048 before (RFC 5246
   * §6.2.3); Handshake, Alert and ChangeCipherSpec fragments are never empty (§6.2.1). */
  if (len == 0 && (ct == CT_CHANGE_CIPHER_SPEC || ct == CT_ALERT || ct == CT_HANDSHAKE))
    add_expert (ctx, it, TLS_E_RECORD_LENGTH_INVALID, "Zero-length %s fragments are not allowed",
                ss_value_string_lookup (content_type_vals, ct));
  if (len > (version == TLSV1DOT3_VERSION ? 16384u + 256 : 16384u + 2048))
    add_expert (ctx, it, TLS_E_RECORD_LENGTH_INVALID,
                "TLSCiphertext length MUST NOT exceed 2^14 + %u",
                version == TLSV1DOT3_VERSION ? 256 : 2048);

  switch (ct)
    {
    case CT_CHANGE_CIPHER_SPEC:
      if (version == TLSV1DOT3_VERSION && conv->draft > 0 && conv->draft < 22)
        {
          add_expert (ctx, record, TLS_E_UNEXPECTED_MESSAGE,
                      "Record type is not allowed in TLS 1.3");
          break;
        }
      ss_packet_append_info_sep (ctx->pkt, ", ", "Change Cipher Spec");
      ss_item_set_text (ctx->pkt, record,
                        "%s Record Layer: Change Cipher Spec Protocol: Change Cipher Spec",
                        version_short_name (conv->version, "SSL"));
      add_none (ctx, record, TLS_F_CHANGE_CIPHER_SPEC, off, 1, NULL);
      if (!ctx->pkt->visited)
        conv->ccs_frame[ctx->dir] = ctx->pkt->number;
      break;
    case CT_ALERT:
      dissect_alert (ctx, record, off, len);
      break;
    case CT_HANDSHAKE:
      dissect_handshake (ctx, record, off, off + len, TRUE, version);
      break;
    case CT_APP_DATA:
      {
        const char *proto = conv->app_proto;

        ss_packet_append_info_sep (ctx->pkt, ", ", "Application Data");
        if (!proto)
          proto = ss_value_string_lookup (app_proto_port_vals, ctx->pkt->srcport);
        if (!proto)
          proto = ss_value_string_lookup (app_proto_port_vals, ctx->pkt->dstport);
        ss_item_set_text (ctx->pkt, record,
                          "%s Record Layer: Application Data Protocol: %s",
                          version_short_name (version, "SSL"), proto ? proto : "Application Data");
        add_bytes (ctx, record, TLS_F_APP_DATA, off, len);
        if (proto)
          ss_item_set_flags (ss_layer_add_string (&ctx->l, record, TLS_F_APP_DATA_PROTO, 0, 0,
                                                  proto, -1), SS_ITEM_GENERATED);
      }
      break;
    case CT_HEARTBEAT:
      if (version == TLSV1DOT3_VERSION)
        {
          add_expert (ctx, record, TLS_E_UNEXPECTED_MESSAGE,
                      "Record type is not allowed in TLS 1.3");
          break;
        }
      dissect_heartbeat (ctx, record, off, len);
      break;
    default:
      break;
    }
  return off + len;
}

static gboolean
is_valid_ssl_version (guint16 version)
{
  return ss_value_string_lookup (version_vals, version) != NULL;
}

/* An unencrypted SSL 2.0 handshake message: only these three travel in the clear. */
static gboolean
looks_like_valid_v2_handshake (SsReader *r,
                               guint32   off,
                               guint32   len)
{
  switch (ss_reader_get_u8 (r, off))
    {
    case 1: /* client hello */
      return is_valid_ssl_version (ss_reader_get_ntohs (r, off + 1));
    case 4: /* server hello */
      return is_valid_ssl_version (ss_reader_get_ntohs (r, off + 3));
    case 2: /* client master key */
      return (guint32) ss_reader_get_ntohs (r, off + 4) + ss_reader_get_ntohs (r, off + 6)
             + ss_reader_get_ntohs (r, off + 8) <= len;
    default:
      return FALSE;
    }
}

/* SSL 2.0 CLIENT-HELLO, also the backward-compatible form of RFC 5246 Appendix E.2. */
static void
dissect_ssl2_client_hello (TlsCtx  *ctx,
                           SsItem  *tree,
                           guint32  off)
{
  SsReader *r = ctx->l.r;
  guint16 version = ss_reader_get_ntohs (r, off);
  guint16 cs_len, sid_len, ch_len;
  SsItem *it, *list;

  if (!is_valid_ssl_version (version))
    return;
  add_uint (ctx, tree, TLS_F_HS_VERSION, off, 2);
  cs_len = ss_reader_get_ntohs (r, off + 2);
  add_uint (ctx, tree, TLS_F_HS_CIPHER_SPEC_LEN, off + 2, 2);
  sid_len = ss_reader_get_ntohs (r, off + 4);
  it = ss_layer_add_uint (&ctx->l, tree, TLS_F_HS_SESSION_ID_LENGTH, off + 4, 2, sid_len);
  if (sid_len > 16)
    {
      add_expert (ctx, it, TLS_E_SSL2_SESSION_ID_LENGTH,
                  "Session ID length (%u) must be less than %u.", sid_len, 16);
      return;
    }
  ch_len = ss_reader_get_ntohs (r, off + 6);
  add_uint (ctx, tree, TLS_F_HS_CHALLENGE_LENGTH, off + 6, 2);
  off += 8;
  list = add_none (ctx, tree, TLS_F_HS_CIPHERSUITES, off, cs_len, "Cipher Specs (%u specs)",
                   cs_len / 3);
  for (guint32 end = off + cs_len; off + 3 <= end && !ss_reader_failed (r); off += 3)
    add_uint (ctx, list, TLS_F_HS_CIPHERSPEC, off, 3);
  if (sid_len > 0)
    {
      it = add_bytes (ctx, tree, TLS_F_HS_SESSION_ID, off, sid_len);
      ss_item_set_text (ctx->pkt, it, "Session ID (%u byte%s)", sid_len, sid_len == 1 ? "" : "s");
      off += sid_len;
    }
  if (ch_len > 0)
    add_none (ctx, tree, TLS_F_HS_CHALLENGE, off, ch_len, NULL);
}

/* SSL 2.0 SERVER-HELLO: the server's certificate goes to the X.509 dissector. */
static void
dissect_ssl2_server_hello (TlsCtx  *ctx,
                           SsItem  *tree,
                           guint32  off)
{
  SsReader *r = ctx->l.r;
  guint16 cert_len, cs_len, cid_len;
  SsItem *it, *list;

  add_uint (ctx, tree, TLS_F_HS_SESSION_ID_HIT, off, 1);
  it = add_uint (ctx, tree, TLS_F_HS_CERT_TYPE, off + 1, 1);
  if (ss_reader_get_u8 (r, off + 1) == 1)
    ss_item_set_text (ctx->pkt, it, "Certificate Type: X.509 Certificate (1)");
  add_uint (ctx, tree, TLS_F_HS_VERSION, off + 2, 2);
  cert_len = ss_reader_get_ntohs (r, off + 4);
  ss_layer_add_uint (&ctx->l, tree, TLS_F_HS_CERTIFICATE_LENGTH, off + 4, 2, cert_len);
  cs_len = ss_reader_get_ntohs (r, off + 6);
  add_uint (ctx, tree, TLS_F_HS_CIPHER_SPEC_LEN, off + 6, 2);
  cid_len = ss_reader_get_ntohs (r, off + 8);
  add_uint (ctx, tree, TLS_F_HS_CONNECTION_ID_LENGTH, off + 8, 2);
  off += 10;
  if (ss_reader_failed (r))
    return;
  if (cert_len > 0)
    {
      SsItem *cert = add_bytes (ctx, tree, TLS_F_HS_CERTIFICATE, off, cert_len);

      if (ss_reader_has (r, off, cert_len))
        {
          const char *subject = ss_x509_dissect_certificate (ctx->pkt, r, off, cert_len, cert);

          if (subject)
            ss_item_append_text (ctx->pkt, cert, " (%s)", subject);
        }
      off += cert_len;
    }
  list = add_none (ctx, tree, TLS_F_HS_CIPHERSUITES, off, cs_len, "Cipher Specs (%u spec%s)",
                   cs_len / 3, cs_len / 3 == 1 ? "" : "s");
  for (guint32 end = off + cs_len; off + 3 <= end && !ss_reader_failed (r); off += 3)
    add_uint (ctx, list, TLS_F_HS_CIPHERSPEC, off, 3);
  if (cid_len > 0)
    add_none (ctx, tree, TLS_F_HS_CONNECTION_ID, off, cid_len, NULL);
}

/* An SSL 2.0 record (draft-hickman-netscape-ssl-00 §1.2): two-octet header, or three with
 * padding. */
static guint32
dissect_ssl2_record (TlsCtx  *ctx,
                     guint32  off)
{
  SsReader *r = ctx->l.r;
  guint32 start = off, avail = r->reported - off, len;
  guint8 b = ss_reader_get_u8 (r, off);
  guint hdr = (b & 0x80) ? 2 : 3;
  gint is_escape = -1, padding = -1;
  guint8 msg_type;
  const char *type_str;
  SsItem *record, *it;

  if (avail < hdr)
    {
      if (ctx->can_desegment)
        {
          ctx->pkt->desegment_offset = off;
          ctx->pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
          ctx->need_desegment = TRUE;
          return off;
        }
      return off + avail;
    }
  if (hdr == 2)
    len = (guint32) (b & 0x7f) << 8 | ss_reader_get_u8 (r, off + 1);
  else
    {
      is_escape = (b & 0x40) != 0;
      len = (guint32) (b & 0x3f) << 8 | ss_reader_get_u8 (r, off + 1);
      padding = ss_reader_get_u8 (r, off + 2);
    }
  if (ss_reader_failed (r))
    return r->reported;
  if (avail < hdr + len)
    {
      if (ctx->can_desegment)
        {
          ctx->pkt->desegment_offset = off;
          ctx->pkt->desegment_len = hdr + len - avail;
          ctx->need_desegment = TRUE;
          return off;
        }
      return off + avail;
    }
  off += hdr;
  record = add_none (ctx, NULL, TLS_F_RECORD, start, hdr + len, NULL);
  msg_type = ss_reader_get_u8 (r, off);
  if (ctx->conv->version == SSL_VER_UNKNOWN && msg_type >= 2 && msg_type <= 8)
    ctx->conv->version = SSLV2_VERSION;
  ss_packet_set_protocol (ctx->pkt, "SSLv2");

  type_str = ss_value_string_lookup (ssl2_msg_type_vals, msg_type);
  if (!type_str || !looks_like_valid_v2_handshake (r, off, len))
    {
      ss_item_set_text (ctx->pkt, record, "SSLv2 Record Layer: Encrypted Data");
      ss_item_set_flags (ss_layer_add_uint (&ctx->l, record, TLS_F_RECORD_VERSION, start, 0,
                                            SSLV2_VERSION), SS_ITEM_GENERATED);
      ss_packet_append_info_sep (ctx->pkt, ", ", "Encrypted Data");
      return start + hdr + len;
    }
  ss_packet_append_info_sep (ctx->pkt, ", ", "%s", type_str);
  ss_item_set_text (ctx->pkt, record, "SSLv2 Record Layer: %s", type_str);
  ss_item_set_flags (ss_layer_add_uint (&ctx->l, record, TLS_F_RECORD_VERSION, start, 0,
                                        SSLV2_VERSION), SS_ITEM_GENERATED);
  ss_layer_add_uint (&ctx->l, record, TLS_F_RECORD_LENGTH, start, hdr, len);
  if (is_escape != -1)
    ss_layer_add_uint (&ctx->l, record, TLS_F_RECORD_IS_ESCAPE, start, 1, is_escape);
  if (padding != -1)
    ss_layer_add_uint (&ctx->l, record, TLS_F_RECORD_PADDING_LENGTH, start + 2, 1, padding);
  it = add_uint (ctx, record, TLS_F_HS_TYPE, off, 1);
  ss_item_set_text (ctx->pkt, it, "Handshake Message Type: %s (%u)", type_str, msg_type);
  if (msg_type == 1)
    dissect_ssl2_client_hello (ctx, record, off + 1);
  else if (msg_type == 4)
    dissect_ssl2_server_hello (ctx, record, off + 1);
  return start + hdr + len;
}

static gboolean
looks_like_sslv2 (SsReader *r,
                  guint32   off)
{
  guint8 type;

  if (ss_reader_get_u8 (r, off) < 0x80)
    return FALSE;
  type = ss_reader_get_u8 (r, off + 2);
  return type == 0 || type == 1 || type == 2 || type == 4;
}

static gboolean
looks_like_sslv3 (SsReader *r,
                  guint32   off)
{
  if (!is_valid_content_type (ss_reader_get_u8 (r, off)))
    return FALSE;
  switch (ss_reader_get_ntohs (r, off + 1))
    {
    case SSLV3_VERSION:
    case TLSV1_VERSION:
    case TLSV1DOT1_VERSION:
    case TLSV1DOT2_VERSION:
    case TLSV1DOT3_VERSION:
    case TLCPV1_VERSION:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_v2_client_hello (SsReader *r,
                    guint32   off)
{
  return ss_reader_get_u8 (r, off) == 0x80 && ss_reader_get_u8 (r, off + 2) == 0x01;
}

/* Fewer than 5 octets left: ask TCP for the rest of the record header. */
static guint32
need_more (TlsCtx  *ctx,
           guint32  off)
{
  if (!ctx->can_desegment)
    return ctx->l.r->reported;
  ctx->pkt->desegment_offset = off;
  ctx->pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
  ctx->need_desegment = TRUE;
  return off;
}

static void
dissect_tls (SsPacket *pkt,
             SsReader *r)
{
  TlsConv local;
  TlsCtx ctx;
  guint32 off = 0;

  /* Four printable characters are text, not a record (a STARTTLS exchange before the TLS
   * starts, or a plain protocol on a TLS port): tshark leaves them to the data dissector. */
  if (r->captured > 4)
    {
      gboolean text = TRUE;

      for (guint i = 0; i < 4; i++)
        text = text && g_ascii_isprint (r->data[i]);
      if (text)
        {
          ss_packet_call (pkt, NULL, r, 0);
          return;
        }
    }

  memset (&local, 0, sizeof local);
  memset (&ctx, 0, sizeof ctx);
  ctx.pkt = pkt;
  ctx.conv = &local;
  if (pkt->session && pkt->tcp_stream != G_MAXUINT32)
    {
      guint32 key = pkt->tcp_stream;
      guint32 subkey = (guint32) pkt->cur_source << 24 ^ r->base;
      TlsConv *conv = ss_session_conv_data (pkt->session, SS_PROTO_TLS, &key, sizeof key,
                                            sizeof (TlsConv));

      if (pkt->visited)
        {
          TlsConv *snap = ss_session_lookup_frame_data (pkt->session, SS_PROTO_TLS, pkt->number,
                                                        subkey);

          if (snap)
            local = *snap;
          /* Wireshark's later passes read the connection's version as the first pass left
           * it: the Client Hello is then labelled with the version the server chose. */
          if (pkt->first_pass_done && conv->version != SSL_VER_UNKNOWN)
            local.version = conv->version;
        }
      else
        {
          *(TlsConv *) ss_session_frame_data (pkt->session, SS_PROTO_TLS, pkt->number, subkey,
                                              sizeof (TlsConv)) = *conv;
          ctx.conv = conv;
        }
      ctx.dir = pkt->tcp_dir & 1;
      ctx.can_desegment = pkt->tcp_reasm != NULL && r->captured >= r->reported;
    }

  ctx.l = ss_packet_begin_layer (pkt, SS_PROTO_TLS, r, 0, -1);
  ss_packet_set_protocol (pkt, version_short_name (ctx.conv->version, "SSL"));
  ss_packet_clear_info (pkt);

  while (off < r->reported && !ctx.need_desegment && !ss_reader_failed (r))
    {
      guint32 avail = r->reported - off;

      switch (ctx.conv->version)
        {
        case SSLV2_VERSION:
          off = dissect_ssl2_record (&ctx, off);
          break;
        case SSLV3_VERSION:
        case TLSV1_VERSION:
        case TLSV1DOT1_VERSION:
        case TLSV1DOT2_VERSION:
        case TLCPV1_VERSION:
          if (avail < 5)
            off = need_more (&ctx, off);
          else if (is_v2_client_hello (r, off))
            off = dissect_ssl2_record (&ctx, off);
          else
            off = dissect_record (&ctx, off);
          break;
        default:
          if (avail < 5)
            off = need_more (&ctx, off);
          else if (looks_like_sslv2 (r, off))
            off = dissect_ssl2_record (&ctx, off);
          else if (looks_like_sslv3 (r, off))
            off = dissect_record (&ctx, off);
          else if (!ss_reader_failed (r))
            {
              off = r->reported;
              ss_packet_append_info_sep (pkt, ", ", "Continuation Data");
            }
          break;
        }
    }
  ss_packet_fence_info (pkt);
}

/* Wireshark's is_sslv3_or_tls: a Handshake or Application Data record header of SSL 3.0 to TLS
 * 1.2 with a sane length. The payload itself is not needed: some servers send the header in a
 * segment of its own. */
static gboolean
heuristic_is_tls (SsReader *r)
{
  const guint8 *p = ss_reader_has (r, 0, 5) ? r->data : NULL;
  guint16 version, len;

  if (!p || (p[0] != CT_HANDSHAKE && p[0] != CT_APP_DATA))
    return FALSE;
  version = (guint16) (p[1] << 8 | p[2]);
  len = (guint16) (p[3] << 8 | p[4]);
  if (version != SSLV3_VERSION && version != TLSV1_VERSION && version != TLSV1DOT1_VERSION
      && version != TLSV1DOT2_VERSION && version != TLCPV1_VERSION)
    return FALSE;
  return len != 0 && len < 16384 + 2048;
}

/* Wireshark's is_sslv2_clienthello (RFC 5246 Appendix E.2). */
static gboolean
heuristic_is_sslv2_client_hello (SsReader *r)
{
  const guint8 *p = ss_reader_has (r, 0, 46) ? r->data : NULL;
  guint16 cs_len, sid_len;

  if (!p || p[0] != 0x80 || p[2] != 1)
    return FALSE;
  cs_len = (guint16) (p[5] << 8 | p[6]);
  sid_len = (guint16) (p[7] << 8 | p[8]);
  return cs_len != 0 && cs_len % 3 == 0 && (sid_len == 0 || sid_len == 16)
         && (p[9] << 8 | p[10]) == 32;
}

gboolean
ss_tls_dissect_heuristic (SsPacket *pkt,
                          SsReader *r)
{
  TlsConv *conv = NULL;
  guint32 key = pkt->tcp_stream;

  g_return_val_if_fail (pkt != NULL && r != NULL, FALSE);

  if (pkt->session && pkt->tcp_stream != G_MAXUINT32)
    conv = ss_session_lookup_conv_data (pkt->session, SS_PROTO_TLS, &key, sizeof key);
  /* Once found, the connection is TLS from that frame on (Wireshark sets the conversation's
   * dissector). */
  if (!(conv && conv->heur_frame && pkt->number >= conv->heur_frame))
    {
      if (!heuristic_is_tls (r) && !heuristic_is_sslv2_client_hello (r))
        return FALSE;
      if (!pkt->visited && pkt->session && pkt->tcp_stream != G_MAXUINT32)
        {
          conv = ss_session_conv_data (pkt->session, SS_PROTO_TLS, &key, sizeof key,
                                       sizeof (TlsConv));
          if (!conv->heur_frame)
            conv->heur_frame = pkt->number;
        }
    }
  dissect_tls (pkt, r);
  return TRUE;
}

/* TCP payload no port claims (what ss_dissectors_for_tcp_port gives for the other ports): as
 * in tshark, the port of the other side is tried first, then the TLS heuristic, then data.
 * Ports tshark gives to protocols StratoShark does not dissect are not excluded: most of them
 * (SMTP, IMAP, POP3, XMPP, LDAP, MySQL) hand over to TLS after STARTTLS in tshark, and the
 * heuristic finds the same TLS there. */
static void
dissect_tcp_heuristic (SsPacket *pkt,
                       SsReader *r)
{
  const SsProtocol *lo = ss_dissectors_for_tcp_port (MIN (pkt->srcport, pkt->dstport));
  const SsProtocol *hi = ss_dissectors_for_tcp_port (MAX (pkt->srcport, pkt->dstport));

  if (lo && lo != &ss_proto_tls_heuristic)
    lo->dissect (pkt, r);
  else if (hi && hi != &ss_proto_tls_heuristic)
    hi->dissect (pkt, r);
  else if (!ss_tls_dissect_heuristic (pkt, r))
    ss_proto_data.dissect (pkt, r);
}

/* Its id is data's: like the transports' heuristics it may hand the payload to any protocol
 * (the other port's), so a pass runs it whenever it runs any application protocol. */
const SsProtocol ss_proto_tls_heuristic = {
  .id = SS_PROTO_DATA,
  .application = TRUE,
  .abbrev = "tls",
  .short_name = "TLS",
  .name = N_("Transport Layer Security"),
  .dissect = dissect_tcp_heuristic,
};

/* RFC 6962 §3.3: SignedCertificateTimestampList, as Wireshark's tls_dissect_sct_list. */
void
ss_tls_dissect_sct_list (SsPacket *pkt,
                         SsReader *r,
                         guint32   off,
                         guint32   end,
                         guint16   version,
                         SsItem   *parent)
{
  TlsConv local;
  TlsCtx ctx;
  guint32 list_len;

  g_return_if_fail (pkt != NULL && r != NULL);

  memset (&local, 0, sizeof local);
  memset (&ctx, 0, sizeof ctx);
  ctx.pkt = pkt;
  ctx.conv = &local;
  ctx.l = (SsLayer) { pkt, r, SS_PROTO_TLS, pkt->bases[SS_PROTO_TLS], parent };
  if (!add_vector (&ctx, parent, off, end, &list_len, TLS_F_SCT_SCTS_LENGTH, 1, G_MAXUINT16))
    return;
  off += 2;
  while (off < end && !ss_reader_failed (r))
    {
      SsItem *sct = ss_layer_add_text (&ctx.l, parent, off, 2, "Signed Certificate Timestamp");
      guint32 sct_len, sct_end, n;
      guint64 ms;

      if (!add_vector (&ctx, sct, off, end, &sct_len, TLS_F_SCT_SCT_LENGTH, 1, G_MAXUINT16))
        return;
      off += 2;
      sct_end = off + sct_len;
      ss_item_set_length (sct, 2 + sct_len);
      add_uint (&ctx, sct, TLS_F_SCT_SCT_VERSION, off, 1);
      add_bytes (&ctx, sct, TLS_F_SCT_SCT_LOGID, off + 1, 32);
      ms = ss_reader_get_ntoh64 (r, off + 33);
      if (ss_reader_check (r, off + 33, 8))
        ss_layer_add_time (&ctx.l, sct, TLS_F_SCT_SCT_TIMESTAMP, off + 33, 8,
                           (gint64) (ms / 1000), (gint32) (ms % 1000) * 1000000);
      off += 41;
      if (!add_vector (&ctx, sct, off, sct_end, &n, TLS_F_SCT_SCT_EXTENSIONS_LENGTH, 0,
                       G_MAXUINT16))
        {
          off = sct_end;
          continue;
        }
      off += 2;
      if (n > 0)
        add_none (&ctx, sct, TLS_F_SCT_SCT_EXTENSIONS, off, n, NULL);
      off += n;
      /* Wireshark reads the algorithm only for TLS 1.2 and later sessions, as for other
       * digitally-signed structs (RFC 5246 §4.7), though RFC 6962 always has it. */
      if (version == TLSV1DOT2_VERSION || version == TLSV1DOT3_VERSION)
        {
          add_signature_algorithm (&ctx, sct, off);
          off += 2;
        }
      if (!add_vector (&ctx, sct, off, sct_end, &n, TLS_F_SCT_SCT_SIGNATURE_LENGTH, 1,
                       G_MAXUINT16))
        {
          off = sct_end;
          continue;
        }
      off += 2;
      add_bytes (&ctx, sct, TLS_F_SCT_SCT_SIGNATURE, off, n);
      off += n;
    }
}

const SsProtocol ss_proto_tls = {
  .id = SS_PROTO_TLS,
  .application = TRUE,
  .abbrev = "tls",
  .short_name = "TLS",
  .name = N_("Transport Layer Security"),
  .fields = tls_fields,
  .n_fields = TLS_F_COUNT,
  .experts = tls_experts,
  .n_experts = TLS_E_COUNT,
  .dissect = dissect_tls,
};
