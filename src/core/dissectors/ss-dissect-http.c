/* ss-dissect-http.c: Hypertext Transfer Protocol, HTTP/1.x (RFC 9112 message syntax, RFC 9110
 * semantics, chunked transfer coding RFC 9112 §7.1, Basic authentication RFC 7617)
 *
 * Messages are dissected as tshark 4.0 does with its default preferences (packet-http.c and
 * req_resp_hdrs.c): headers and bodies are reassembled over TCP, chunked bodies are de-chunked,
 * gzip and deflate content codings are decompressed, and requests are linked to responses per
 * connection. tshark's quirks are kept on purpose, since its output is the reference: a response
 * is linked to the last request of the connection, the last Host header builds the full URI that
 * later responses show, and so on.
 *
 * State kept across frames: per TCP stream the request/response records and small immutable
 * snapshots of what the last messages said (method, URI, status), with the frames where they
 * changed; per frame its last record. A frame dissected again starts from the snapshot its first
 * dissection started from, so it shows what the first pass decided, plus the links found since
 * (http.response_in), as tshark's second pass does.
 *
 * Also here: the chain of TCP heuristics tshark enables by default (HTTP's, then TLS's), which
 * ss_dissectors_for_tcp_port gives for ports it does not know, and SSDP (HTTP over UDP, one
 * message per datagram) for ss_dissectors_for_udp_port to give for port 1900.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "ss-dissectors.h"
#include "ss-tcp-reasm.h"
#include "ss-tls.h"

/* The media dissectors of ss-dissect-text-lines.c and ss-dissect-json.c, called with the body's
 * media type (tshark passes it as pinfo->match_string). TODO(issue 4): declare them in
 * ss-dissectors.h. */
void ss_text_lines_dissect_media (SsPacket   *pkt,
                                  SsReader   *r,
                                  const char *media_type);
void ss_json_dissect_media       (SsPacket   *pkt,
                                  SsReader   *r,
                                  const char *media_type);
/* epan's format_text, also used by those two. TODO(issue 4): a core helper (ss-format.h). */
char *ss_http_format_text        (SsArena      *arena,
                                  const guint8 *p,
                                  gsize         n);

enum
{
  HTTP_F_NOTIFICATION,
  HTTP_F_RESPONSE,
  HTTP_F_REQUEST,
  HTTP_F_RESPONSE_NUMBER,
  HTTP_F_REQUEST_NUMBER,
  HTTP_F_AUTHBASIC,
  HTTP_F_RESPONSE_LINE,
  HTTP_F_REQUEST_LINE,
  HTTP_F_REQUEST_METHOD,
  HTTP_F_REQUEST_URI,
  HTTP_F_REQUEST_URI_PATH,
  HTTP_F_REQUEST_URI_QUERY,
  HTTP_F_REQUEST_URI_QUERY_PARAMETER,
  HTTP_F_REQUEST_VERSION,
  HTTP_F_RESPONSE_VERSION,
  HTTP_F_REQUEST_FULL_URI,
  HTTP_F_RESPONSE_CODE,
  HTTP_F_RESPONSE_CODE_DESC,
  HTTP_F_RESPONSE_FOR_URI,
  HTTP_F_RESPONSE_PHRASE,
  HTTP_F_AUTHORIZATION,
  HTTP_F_PROXY_AUTHENTICATE,
  HTTP_F_PROXY_AUTHORIZATION,
  HTTP_F_PROXY_CONNECT_HOST,
  HTTP_F_PROXY_CONNECT_PORT,
  HTTP_F_WWW_AUTHENTICATE,
  HTTP_F_CONTENT_TYPE,
  HTTP_F_CONTENT_LENGTH_HEADER,
  HTTP_F_CONTENT_LENGTH,
  HTTP_F_CONTENT_ENCODING,
  HTTP_F_TRANSFER_ENCODING,
  HTTP_F_UPGRADE,
  HTTP_F_USER_AGENT,
  HTTP_F_HOST,
  HTTP_F_CONNECTION,
  HTTP_F_COOKIE,
  HTTP_F_COOKIE_PAIR,
  HTTP_F_ACCEPT,
  HTTP_F_REFERER,
  HTTP_F_ACCEPT_LANGUAGE,
  HTTP_F_ACCEPT_ENCODING,
  HTTP_F_DATE,
  HTTP_F_CACHE_CONTROL,
  HTTP_F_SERVER,
  HTTP_F_LOCATION,
  HTTP_F_SEC_WEBSOCKET_ACCEPT,
  HTTP_F_SEC_WEBSOCKET_EXTENSIONS,
  HTTP_F_SEC_WEBSOCKET_KEY,
  HTTP_F_SEC_WEBSOCKET_PROTOCOL,
  HTTP_F_SEC_WEBSOCKET_VERSION,
  HTTP_F_SET_COOKIE,
  HTTP_F_LAST_MODIFIED,
  HTTP_F_X_FORWARDED_FOR,
  HTTP_F_HTTP2_SETTINGS,
  HTTP_F_REQUEST_IN,
  HTTP_F_RESPONSE_IN,
  HTTP_F_NEXT_REQUEST_IN,
  HTTP_F_NEXT_RESPONSE_IN,
  HTTP_F_PREV_REQUEST_IN,
  HTTP_F_PREV_RESPONSE_IN,
  HTTP_F_TIME,
  HTTP_F_CHUNKED_TRAILER_PART,
  HTTP_F_CHUNK_BOUNDARY,
  HTTP_F_CHUNK_SIZE,
  HTTP_F_CHUNK_DATA,
  HTTP_F_FILE_DATA,
  HTTP_F_UNKNOWN_HEADER,
  HTTP_F_COUNT
};

/* tshark 4.0's vals_http_status_code. */
static const SsValueString status_code_vals[] = {
  { 100, "Continue" }, { 101, "Switching Protocols" }, { 102, "Processing" },
  { 103, "Early Hints" }, { 199, "Informational - Others" },
  { 200, "OK" }, { 201, "Created" }, { 202, "Accepted" }, { 203, "Non-authoritative Information" },
  { 204, "No Content" }, { 205, "Reset Content" }, { 206, "Partial Content" },
  { 207, "Multi-Status" }, { 208, "Already Reported" }, { 226, "IM Used" },
  { 299, "Success - Others" },
  { 300, "Multiple Choices" }, { 301, "Moved Permanently" }, { 302, "Found" },
  { 303, "See Other" }, { 304, "Not Modified" }, { 305, "Use Proxy" },
  { 307, "Temporary Redirect" }, { 308, "Permanent Redirect" }, { 399, "Redirection - Others" },
  { 400, "Bad Request" }, { 401, "Unauthorized" }, { 402, "Payment Required" },
  { 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" },
  { 406, "Not Acceptable" }, { 407, "Proxy Authentication Required" },
  { 408, "Request Time-out" }, { 409, "Conflict" }, { 410, "Gone" },
  { 411, "Length Required" }, { 412, "Precondition Failed" },
  { 413, "Request Entity Too Large" }, { 414, "Request-URI Too Long" },
  { 415, "Unsupported Media Type" }, { 416, "Requested Range Not Satisfiable" },
  { 417, "Expectation Failed" }, { 418, "I'm a teapot" }, { 421, "Misdirected Request" },
  { 422, "Unprocessable Entity" }, { 423, "Locked" }, { 424, "Failed Dependency" },
  { 425, "Too Early" }, { 426, "Upgrade Required" }, { 428, "Precondition Required" },
  { 429, "Too Many Requests" }, { 431, "Request Header Fields Too Large" },
  { 451, "Unavailable For Legal Reasons" }, { 499, "Client Error - Others" },
  { 500, "Internal Server Error" }, { 501, "Not Implemented" }, { 502, "Bad Gateway" },
  { 503, "Service Unavailable" }, { 504, "Gateway Time-out" },
  { 505, "HTTP Version not supported" }, { 506, "Variant Also Negotiates" },
  { 507, "Insufficient Storage" }, { 508, "Loop Detected" }, { 510, "Not Extended" },
  { 511, "Network Authentication Required" }, { 599, "Server Error - Others" },
  { 0, NULL }
};

static const SsFieldDef http_fields[] = {
  [HTTP_F_NOTIFICATION] = { "http.notification", N_("Notification"), SS_FT_BOOLEAN, SS_BASE_NONE,
                            NULL, 0, NULL, N_("TRUE if HTTP notification") },
  [HTTP_F_RESPONSE] = { "http.response", N_("Response"), SS_FT_BOOLEAN, SS_BASE_NONE, NULL, 0,
                        NULL, N_("TRUE if HTTP response") },
  [HTTP_F_REQUEST] = { "http.request", N_("Request"), SS_FT_BOOLEAN, SS_BASE_NONE, NULL, 0, NULL,
                       N_("TRUE if HTTP request") },
  [HTTP_F_RESPONSE_NUMBER] = { "http.response_number", N_("Response number"), SS_FT_UINT32,
                               SS_BASE_DEC },
  [HTTP_F_REQUEST_NUMBER] = { "http.request_number", N_("Request number"), SS_FT_UINT32,
                              SS_BASE_DEC },
  [HTTP_F_AUTHBASIC] = { "http.authbasic", N_("Credentials"), SS_FT_STRING },
  [HTTP_F_RESPONSE_LINE] = { "http.response.line", N_("Response line"), SS_FT_STRING },
  [HTTP_F_REQUEST_LINE] = { "http.request.line", N_("Request line"), SS_FT_STRING },
  [HTTP_F_REQUEST_METHOD] = { "http.request.method", N_("Request Method"), SS_FT_STRING,
                              SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Request Method") },
  [HTTP_F_REQUEST_URI] = { "http.request.uri", N_("Request URI"), SS_FT_STRING, SS_BASE_NONE,
                           NULL, 0, NULL, N_("HTTP Request-URI") },
  [HTTP_F_REQUEST_URI_PATH] = { "http.request.uri.path", N_("Request URI Path"), SS_FT_STRING,
                                SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Request-URI Path") },
  [HTTP_F_REQUEST_URI_QUERY] = { "http.request.uri.query", N_("Request URI Query"), SS_FT_STRING,
                                 SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Request-URI Query") },
  [HTTP_F_REQUEST_URI_QUERY_PARAMETER] = { "http.request.uri.query.parameter",
                                           N_("Request URI Query Parameter"), SS_FT_STRING,
                                           SS_BASE_NONE, NULL, 0, NULL,
                                           N_("HTTP Request-URI Query Parameter") },
  [HTTP_F_REQUEST_VERSION] = { "http.request.version", N_("Request Version"), SS_FT_STRING,
                               SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Request HTTP-Version") },
  [HTTP_F_RESPONSE_VERSION] = { "http.response.version", N_("Response Version"), SS_FT_STRING,
                                SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Response HTTP-Version") },
  [HTTP_F_REQUEST_FULL_URI] = { "http.request.full_uri", N_("Full request URI"), SS_FT_STRING,
                                SS_BASE_NONE, NULL, 0, NULL,
                                N_("The full requested URI (including host name)") },
  [HTTP_F_RESPONSE_CODE] = { "http.response.code", N_("Status Code"), SS_FT_UINT16, SS_BASE_DEC,
                             NULL, 0, NULL, N_("HTTP Response Status Code") },
  [HTTP_F_RESPONSE_CODE_DESC] = { "http.response.code.desc", N_("Status Code Description"),
                                  SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                                  N_("HTTP Response Status Code Description") },
  [HTTP_F_RESPONSE_FOR_URI] = { "http.response_for.uri", N_("Request URI"), SS_FT_STRING,
                                SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Response For-URI") },
  [HTTP_F_RESPONSE_PHRASE] = { "http.response.phrase", N_("Response Phrase"), SS_FT_STRING,
                               SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Response Reason Phrase") },
  [HTTP_F_AUTHORIZATION] = { "http.authorization", N_("Authorization"), SS_FT_STRING,
                             SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Authorization header") },
  [HTTP_F_PROXY_AUTHENTICATE] = { "http.proxy_authenticate", N_("Proxy-Authenticate"),
                                  SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                                  N_("HTTP Proxy-Authenticate header") },
  [HTTP_F_PROXY_AUTHORIZATION] = { "http.proxy_authorization", N_("Proxy-Authorization"),
                                   SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                                   N_("HTTP Proxy-Authorization header") },
  [HTTP_F_PROXY_CONNECT_HOST] = { "http.proxy_connect_host", N_("Proxy-Connect-Hostname"),
                                  SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                                  N_("HTTP Proxy Connect Hostname") },
  [HTTP_F_PROXY_CONNECT_PORT] = { "http.proxy_connect_port", N_("Proxy-Connect-Port"),
                                  SS_FT_UINT16, SS_BASE_DEC, NULL, 0, NULL,
                                  N_("HTTP Proxy Connect Port") },
  [HTTP_F_WWW_AUTHENTICATE] = { "http.www_authenticate", N_("WWW-Authenticate"), SS_FT_STRING,
                                SS_BASE_NONE, NULL, 0, NULL, N_("HTTP WWW-Authenticate header") },
  [HTTP_F_CONTENT_TYPE] = { "http.content_type", N_("Content-Type"), SS_FT_STRING, SS_BASE_NONE,
                            NULL, 0, NULL, N_("HTTP Content-Type header") },
  [HTTP_F_CONTENT_LENGTH_HEADER] = { "http.content_length_header", N_("Content-Length"),
                                     SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                                     N_("HTTP Content-Length header") },
  [HTTP_F_CONTENT_LENGTH] = { "http.content_length", N_("Content length"), SS_FT_UINT64,
                              SS_BASE_DEC },
  [HTTP_F_CONTENT_ENCODING] = { "http.content_encoding", N_("Content-Encoding"), SS_FT_STRING,
                                SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Content-Encoding header") },
  [HTTP_F_TRANSFER_ENCODING] = { "http.transfer_encoding", N_("Transfer-Encoding"), SS_FT_STRING,
                                 SS_BASE_NONE, NULL, 0, NULL,
                                 N_("HTTP Transfer-Encoding header") },
  [HTTP_F_UPGRADE] = { "http.upgrade", N_("Upgrade"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                       N_("HTTP Upgrade header") },
  [HTTP_F_USER_AGENT] = { "http.user_agent", N_("User-Agent"), SS_FT_STRING, SS_BASE_NONE, NULL,
                          0, NULL, N_("HTTP User-Agent header") },
  [HTTP_F_HOST] = { "http.host", N_("Host"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                    N_("HTTP Host") },
  [HTTP_F_CONNECTION] = { "http.connection", N_("Connection"), SS_FT_STRING, SS_BASE_NONE, NULL,
                          0, NULL, N_("HTTP Connection") },
  [HTTP_F_COOKIE] = { "http.cookie", N_("Cookie"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                      N_("HTTP Cookie") },
  [HTTP_F_COOKIE_PAIR] = { "http.cookie_pair", N_("Cookie pair"), SS_FT_STRING, SS_BASE_NONE,
                           NULL, 0, NULL, N_("A name/value HTTP cookie pair") },
  [HTTP_F_ACCEPT] = { "http.accept", N_("Accept"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                      N_("HTTP Accept") },
  [HTTP_F_REFERER] = { "http.referer", N_("Referer"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                       N_("HTTP Referer") },
  [HTTP_F_ACCEPT_LANGUAGE] = { "http.accept_language", N_("Accept-Language"), SS_FT_STRING,
                               SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Accept Language") },
  [HTTP_F_ACCEPT_ENCODING] = { "http.accept_encoding", N_("Accept Encoding"), SS_FT_STRING,
                               SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Accept Encoding") },
  [HTTP_F_DATE] = { "http.date", N_("Date"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                    N_("HTTP Date") },
  [HTTP_F_CACHE_CONTROL] = { "http.cache_control", N_("Cache-Control"), SS_FT_STRING,
                             SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Cache Control") },
  [HTTP_F_SERVER] = { "http.server", N_("Server"), SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                      N_("HTTP Server") },
  [HTTP_F_LOCATION] = { "http.location", N_("Location"), SS_FT_STRING, SS_BASE_NONE, NULL, 0,
                        NULL, N_("HTTP Location") },
  [HTTP_F_SEC_WEBSOCKET_ACCEPT] = { "http.sec_websocket_accept", N_("Sec-WebSocket-Accept"),
                                    SS_FT_STRING },
  [HTTP_F_SEC_WEBSOCKET_EXTENSIONS] = { "http.sec_websocket_extensions",
                                        N_("Sec-WebSocket-Extensions"), SS_FT_STRING },
  [HTTP_F_SEC_WEBSOCKET_KEY] = { "http.sec_websocket_key", N_("Sec-WebSocket-Key"),
                                 SS_FT_STRING },
  [HTTP_F_SEC_WEBSOCKET_PROTOCOL] = { "http.sec_websocket_protocol",
                                      N_("Sec-WebSocket-Protocol"), SS_FT_STRING },
  [HTTP_F_SEC_WEBSOCKET_VERSION] = { "http.sec_websocket_version", N_("Sec-WebSocket-Version"),
                                     SS_FT_STRING },
  [HTTP_F_SET_COOKIE] = { "http.set_cookie", N_("Set-Cookie"), SS_FT_STRING, SS_BASE_NONE, NULL,
                          0, NULL, N_("HTTP Set Cookie") },
  [HTTP_F_LAST_MODIFIED] = { "http.last_modified", N_("Last-Modified"), SS_FT_STRING,
                             SS_BASE_NONE, NULL, 0, NULL, N_("HTTP Last Modified") },
  [HTTP_F_X_FORWARDED_FOR] = { "http.x_forwarded_for", N_("X-Forwarded-For"), SS_FT_STRING,
                               SS_BASE_NONE, NULL, 0, NULL, N_("HTTP X-Forwarded-For") },
  [HTTP_F_HTTP2_SETTINGS] = { "http.http2_settings", N_("HTTP2-Settings"), SS_FT_STRING },
  [HTTP_F_REQUEST_IN] = { "http.request_in", N_("Request in frame"), SS_FT_FRAMENUM,
                          SS_BASE_NONE, NULL, 0, NULL,
                          N_("This packet is a response to the packet with this number") },
  [HTTP_F_RESPONSE_IN] = { "http.response_in", N_("Response in frame"), SS_FT_FRAMENUM,
                           SS_BASE_NONE, NULL, 0, NULL,
                           N_("This packet will be responded in the packet with this number") },
  [HTTP_F_NEXT_REQUEST_IN] = { "http.next_request_in", N_("Next request in frame"),
                               SS_FT_FRAMENUM, SS_BASE_NONE, NULL, 0, NULL,
                               N_("The next HTTP request starts in packet number") },
  [HTTP_F_NEXT_RESPONSE_IN] = { "http.next_response_in", N_("Next response in frame"),
                                SS_FT_FRAMENUM, SS_BASE_NONE, NULL, 0, NULL,
                                N_("The next HTTP response starts in packet number") },
  [HTTP_F_PREV_REQUEST_IN] = { "http.prev_request_in", N_("Prev request in frame"),
                               SS_FT_FRAMENUM, SS_BASE_NONE, NULL, 0, NULL,
                               N_("The previous HTTP request starts in packet number") },
  [HTTP_F_PREV_RESPONSE_IN] = { "http.prev_response_in", N_("Prev response in frame"),
                                SS_FT_FRAMENUM, SS_BASE_NONE, NULL, 0, NULL,
                                N_("The previous HTTP response starts in packet number") },
  [HTTP_F_TIME] = { "http.time", N_("Time since request"), SS_FT_RELATIVE_TIME, SS_BASE_NONE,
                    NULL, 0, NULL, N_("Time since the request was sent") },
  [HTTP_F_CHUNKED_TRAILER_PART] = { "http.chunked_trailer_part", N_("trailer-part"),
                                    SS_FT_STRING, SS_BASE_NONE, NULL, 0, NULL,
                                    N_("Optional trailer in a chunked body") },
  [HTTP_F_CHUNK_BOUNDARY] = { "http.chunk_boundary", N_("Chunk boundary"), SS_FT_BYTES },
  [HTTP_F_CHUNK_SIZE] = { "http.chunk_size", N_("Chunk size"), SS_FT_UINT32, SS_BASE_DEC },
  [HTTP_F_CHUNK_DATA] = { "http.chunk_data", N_("Chunk data"), SS_FT_BYTES },
  [HTTP_F_FILE_DATA] = { "http.file_data", N_("File Data"), SS_FT_STRING },
  [HTTP_F_UNKNOWN_HEADER] = { "http.unknown_header", N_("Unknown header"), SS_FT_STRING },
};
G_STATIC_ASSERT (G_N_ELEMENTS (http_fields) == HTTP_F_COUNT);

enum
{
  HTTP_E_CHAT,
  HTTP_E_TE_AND_LENGTH,
  HTTP_E_TE_UNKNOWN,
  HTTP_E_SUBDISSECTOR_FAILED,
  HTTP_E_TLS_PORT,
  HTTP_E_LEADING_CRLF,
  HTTP_E_BAD_HEADER_NAME,
  HTTP_E_DECOMPRESSION_FAILED,
  HTTP_E_DECOMPRESSION_DISABLED,
  HTTP_E_CLIENT_ERROR,
  HTTP_E_SERVER_ERROR,
  HTTP_E_COUNT
};

static const SsExpertDef http_experts[] = {
  [HTTP_E_CHAT] = { "http.chat", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_CHAT, N_("Formatted text") },
  [HTTP_E_TE_AND_LENGTH] = { "http.te_and_length", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_WARN,
                             N_("The Content-Length and Transfer-Encoding header must not be "
                                "set together") },
  [HTTP_E_TE_UNKNOWN] = { "http.te_unknown", SS_EXPERT_GROUP_UNDECODED, SS_EXPERT_WARN,
                          N_("Unknown transfer coding name in Transfer-Encoding header") },
  [HTTP_E_SUBDISSECTOR_FAILED] = { "http.subdissector_failed", SS_EXPERT_GROUP_MALFORMED,
                                   SS_EXPERT_NOTE,
                                   N_("HTTP body subdissector failed, trying heuristic "
                                      "subdissector") },
  [HTTP_E_TLS_PORT] = { "http.tls_port", SS_EXPERT_GROUP_SECURITY, SS_EXPERT_WARN,
                        N_("Unencrypted HTTP protocol detected over encrypted port, could "
                           "indicate a dangerous misconfiguration.") },
  [HTTP_E_LEADING_CRLF] = { "http.leading_crlf", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_ERROR,
                            N_("Leading CRLF previous message in the stream may have extra "
                               "CRLF") },
  [HTTP_E_BAD_HEADER_NAME] = { "http.bad_header_name", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_WARN,
                               N_("Illegal characters found in header name") },
  [HTTP_E_DECOMPRESSION_FAILED] = { "http.decompression_failed", SS_EXPERT_GROUP_UNDECODED,
                                    SS_EXPERT_WARN, N_("Decompression failed") },
  [HTTP_E_DECOMPRESSION_DISABLED] = { "http.decompression_disabled", SS_EXPERT_GROUP_UNDECODED,
                                      SS_EXPERT_CHAT, N_("Decompression disabled") },
  /* Beyond tshark: failed requests show up in Expert Information. */
  [HTTP_E_CLIENT_ERROR] = { "http.response.code.client_error", SS_EXPERT_GROUP_RESPONSE_CODE,
                            SS_EXPERT_NOTE, N_("HTTP client error response (4xx)") },
  [HTTP_E_SERVER_ERROR] = { "http.response.code.server_error", SS_EXPERT_GROUP_RESPONSE_CODE,
                            SS_EXPERT_WARN, N_("HTTP server error response (5xx)") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (http_experts) == HTTP_E_COUNT);

/* Bounds on what one message may make us do; real traffic stays far below them. */
#define HTTP_MAX_LINES    65536u   /* lines of one message header */
#define HTTP_MAX_CHUNKS   1000000u /* chunks of one chunked body */

typedef enum
{
  HTTP_REQUEST,
  HTTP_RESPONSE,
  HTTP_NOTIFICATION,
  HTTP_OTHERS
} HttpType;

typedef enum
{
  HTTP_TE_NONE,
  HTTP_TE_COMPRESS,
  HTTP_TE_DEFLATE,
  HTTP_TE_GZIP,
  HTTP_TE_IDENTITY,
  HTTP_TE_UNKNOWN
} HttpTransferCoding;

/* What the last messages of a connection said, as tshark keeps it in its conversation data.
 * Snapshots are immutable once stored: a message that changes something stores a new one. */
typedef struct
{
  const char *request_method;
  const char *request_uri;
  const char *full_uri;
  guint       response_code;
  guint32     startframe;      /* a tunnel or upgraded protocol starts here */
  guint32     startoffset;
  guint8      client_dir;      /* CONNECT tunnels: the direction towards the proxy */
} HttpState;

typedef struct _HttpReqRes HttpReqRes;
struct _HttpReqRes
{
  HttpReqRes *prev;
  HttpReqRes *next;
  guint32     number;
  guint32     req_frame;
  guint32     res_frame;
  gboolean    have_req_ts;
  gint64      req_ts_ns;
};

/* Where a connection's state changed during the first pass: after the call of the dissector
 * at (frame, order). A frame dissected again starts from the last change before its call. */
typedef struct
{
  guint32          frame;
  guint32          order;        /* within a frame: 0 a reassembled message, 1 the segment */
  const HttpState *state;
} HttpChange;

#define HTTP_CHANGES_PER_CHUNK 32

typedef struct _HttpChanges HttpChanges;
struct _HttpChanges
{
  HttpChanges *next;
  guint        n;
  HttpChange   c[HTTP_CHANGES_PER_CHUNK];
};

typedef struct
{
  const HttpState *state;        /* now, in the first pass */
  HttpReqRes      *tail;
  guint32          n_req_res;
  guint32          heur_frame;   /* found by the TCP heuristic here: HTTP from then on */
  HttpChanges     *changes;
  HttpChanges     *changes_tail;
} HttpConv;

/* Per frame: the record tshark's p_get_proto_data finds on a later pass (the frame's last). */
typedef struct
{
  HttpReqRes *rec;
} HttpFrameRec;

typedef struct
{
  SsPacket  *pkt;
  SsReader  *r;
  HttpConv  *conv;
  HttpState  st;             /* working copy of the connection's state */
  gboolean   can_desegment;
  gboolean   is_tls;
  gboolean   aborted;        /* where tshark throws: nothing more is dissected in this call */
  gboolean   ssdp;           /* HTTP over UDP as SSDP: its own name and column */
} HttpCtx;

/* Facts of one message, tshark's headers_t and stat_info. */
typedef struct
{
  const char        *content_type;         /* lower case, without parameters */
  const char        *content_type_params;
  gboolean           have_content_length;
  gint64             content_length;
  const char        *content_encoding;
  gboolean           te_chunked;
  HttpTransferCoding te;
  const char        *upgrade;
  const char        *host;                 /* of this message, for the full URI */
  const char        *request_uri;
  guint              response_code;
} HttpMessage;

/* ---- text helpers ---- */

/* tvb_find_line_end: the length of the line at @off (without its end of line) within the @len
 * bytes there, and in *@next where the next line starts. With @desegment, -1 when no end of line
 * is there, or only a CR as the very last byte (it may be followed by an LF). */
static gint
find_line_end (const guint8 *buf,
               guint32       off,
               guint32       len,
               guint32      *next,
               gboolean      desegment)
{
  const guint8 *p = buf + off;
  guint32 i;

  for (i = 0; i < len; i++)
    if (p[i] == '\r' || p[i] == '\n')
      break;
  if (i == len)
    {
      if (desegment)
        return -1;
      *next = off + len;
      return (gint) len;
    }
  if (p[i] == '\r')
    {
      if (i + 1 >= len)
        {
          if (desegment)
            return -1;
        }
      else if (p[i + 1] == '\n')
        {
          *next = off + i + 2;
          return (gint) i;
        }
    }
  *next = off + i + 1;
  return (gint) i;
}

/* tvb_get_string_enc (ENC_ASCII): bytes past 0x7f become U+FFFD; the string ends at a NUL. */
static char *
ascii_strndup (SsArena      *arena,
               const guint8 *p,
               gsize         n)
{
  gsize len = 0, extra = 0;
  char *s, *o;

  while (len < n && p[len])
    {
      if (p[len] >= 0x80)
        extra += 2;
      len++;
    }
  s = o = ss_arena_alloc (arena, len + extra + 1);
  for (gsize i = 0; i < len; i++)
    {
      if (p[i] < 0x80)
        *o++ = (char) p[i];
      else
        {
          memcpy (o, "\xef\xbf\xbd", 3);
          o += 3;
        }
    }
  *o = '\0';
  return s;
}

/* epan's format_text: printable text as is, C escapes for control characters, \uXXXX for
 * non-printable code points and U+FFFD for invalid UTF-8. */
static void
format_text_append (GString      *out,
                    const guint8 *p,
                    gsize         n)
{
  gsize i = 0;

  while (i < n)
    {
      guint8 c = p[i];

      if (c >= 0x20 && c < 0x7f)
        {
          g_string_append_c (out, (char) c);
          i++;
          continue;
        }
      if (c < 0x80)
        {
          switch (c)
            {
            case '\a': g_string_append (out, "\\a"); break;
            case '\b': g_string_append (out, "\\b"); break;
            case '\f': g_string_append (out, "\\f"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            case '\t': g_string_append (out, "\\t"); break;
            case '\v': g_string_append (out, "\\v"); break;
            default: g_string_append_printf (out, "\\%03o", c); break;
            }
          i++;
          continue;
        }
      {
        guint need = c >= 0xf0 && c < 0xf8 ? 4 : c >= 0xe0 && c < 0xf0 ? 3
                     : c >= 0xc0 && c < 0xe0 ? 2 : 0;
        gunichar u;
        guint k;

        if (need == 0 || i + need > n)
          {
            g_string_append (out, "\xef\xbf\xbd");
            i++;
            continue;
          }
        for (k = 1; k < need; k++)
          if ((p[i + k] & 0xc0) != 0x80)
            break;
        if (k < need)
          {
            g_string_append (out, "\xef\xbf\xbd");
            i += k;
            continue;
          }
        u = g_utf8_get_char_validated ((const char *) p + i, (gssize) need);
        if (u == (gunichar) -1 || u == (gunichar) -2)
          g_string_append (out, "\xef\xbf\xbd");
        else if (g_unichar_isprint (u))
          g_string_append_len (out, (const char *) p + i, need);
        else if (u <= 0xffff)
          g_string_append_printf (out, "\\u%04X", u);
        else
          g_string_append_printf (out, "\\U%08X", u);
        i += need;
      }
    }
}

char *
ss_http_format_text (SsArena      *arena,
                     const guint8 *p,
                     gsize         n)
{
  g_autoptr(GString) s = g_string_sized_new (n + 8);

  format_text_append (s, p, n);
  return ss_arena_strndup (arena, s->str, s->len);
}

/* epan's get_token_len: a token ends at a blank, CR or LF; blanks after it are skipped. */
static gsize
get_token_len (const guint8  *line,
               const guint8  *end,
               const guint8 **next)
{
  const guint8 *p = line;
  gsize n;

  while (p < end && *p != ' ' && *p != '\r' && *p != '\n')
    p++;
  n = (gsize) (p - line);
  while (p < end && *p == ' ')
    p++;
  *next = p;
  return n;
}

/* A string item whose tree label shows control characters escaped, as tshark's labels do. */
static SsItem *
add_string (SsLayer    *l,
            SsItem     *parent,
            guint       field,
            guint32     off,
            gsize       len,
            const char *value)
{
  SsItem *it = ss_layer_add_string (l, parent, field, off, (guint) len, value, -1);

  if (it && l->pkt->full)
    for (const guchar *c = (const guchar *) value; *c; c++)
      if (*c < 0x20 || *c == 0x7f)
        {
          ss_item_set_text (l->pkt, it, "%s: %s", _(http_fields[field].name),
                            ss_http_format_text (l->pkt->arena, (const guint8 *) value,
                                                 strlen (value)));
          break;
        }
  return it;
}

/* A copy for the working state: the session's memory on the first pass (the state outlives
 * the frame), the frame's otherwise. */
static const char *
state_strdup (HttpCtx    *c,
              const char *s)
{
  if (!c->pkt->visited && c->pkt->session)
    return ss_session_strdup (c->pkt->session, s);
  return ss_arena_strdup (c->pkt->arena, s);
}

/* ---- desegmentation (req_resp_hdrs_do_reassembly) ---- */

/* sscanf ("%x"): the value strtoul gives, cut to 32 bits. FALSE when no digit was read. */
static gboolean
scan_hex (const char *s,
          guint32    *value)
{
  char *end;
  unsigned long v;

  while (g_ascii_isspace (*s))
    s++;
  if (!g_ascii_isxdigit (*s)
      && !((*s == '+' || *s == '-') && g_ascii_isxdigit (s[1]))
      && !(*s == '0' && (s[1] == 'x' || s[1] == 'X')))
    return FALSE;
  errno = 0;
  v = strtoul (s, &end, 16);
  if (end == s)
    return FALSE;
  *value = (guint32) v;
  return TRUE;
}

/* ws_strtoi32 of a whole string: FALSE unless all of it is a decimal number in range; *v is set
 * as Wireshark sets it (0, or the clipped bound on overflow). */
static gboolean
strtoi32_full (const char *s,
               gint32     *v)
{
  char *end;
  gint64 x;

  errno = 0;
  x = g_ascii_strtoll (s, &end, 10);
  if ((x == 0 && end == s) || *end != '\0')
    {
      *v = 0;
      return FALSE;
    }
  if (errno == ERANGE || x > G_MAXINT32 || x < G_MININT32)
    {
      *v = x < 0 ? G_MININT32 : G_MAXINT32;
      return FALSE;
    }
  *v = (gint32) x;
  return TRUE;
}

/* Returns TRUE when the message at @off can be dissected now; otherwise sets the packet's
 * desegmentation request and returns FALSE. */
static gboolean
do_reassembly (HttpCtx  *c,
               guint32   off,
               gboolean  desegment_body,
               gboolean  desegment_until_fin)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  /* Scans stay within the captured bytes the reader vouches for. */
  const guint8 *buf = ss_reader_peek (r, 0, r->captured);
  guint32 next = off, line_start, rep_left, cap_left;
  gint linelen;
  gint32 content_length = 0;
  gboolean have_cl = FALSE, chunked = FALSE, have_ct = FALSE;
  char ct_start[16] = "";
  guint lines = 0;

  if (!c->can_desegment)
    return TRUE;

  for (;;)
    {
      line_start = next;
      rep_left = ss_reader_reported_remaining (r, next);
      if (rep_left < 1)
        goto one_more;
      cap_left = ss_reader_remaining (r, next);
      linelen = find_line_end (buf, next, cap_left, &next, TRUE);
      if (linelen < 0)
        {
          if (cap_left >= rep_left)
            goto one_more;
          /* Not captured: asking for more would not help. */
          return TRUE;
        }
      if (linelen == 0)
        break;
      if (++lines > HTTP_MAX_LINES)
        return TRUE;
      if (!desegment_body)
        continue;
      {
        guint8 first = buf[line_start];
        char *line;

        if (first != 'c' && first != 'C' && first != 't' && first != 'T')
          continue;
        line = ss_arena_strndup (pkt->arena, (const char *) buf + line_start, (gsize) linelen);
        if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
          {
            if (strtoi32_full (g_strstrip (line + 15), &content_length) && content_length >= 0)
              have_cl = TRUE;
          }
        else if (g_ascii_strncasecmp (line, "Content-Type:", 13) == 0)
          {
            const char *v = line + 13;

            while (*v == ' ')
              v++;
            have_ct = TRUE;
            g_strlcpy (ct_start, v, sizeof ct_start);
          }
        else if (g_ascii_strncasecmp (line, "Transfer-Encoding:", 18) == 0)
          {
            const char *v = line + 18;

            while (*v == ' ' || *v == '\t')
              v++;
            if (g_ascii_strncasecmp (v, "chunked", 7) == 0)
              chunked = TRUE;
          }
      }
    }

  if (!desegment_body)
    return TRUE;

  if (chunked)
    {
      for (guint n = 0; n < HTTP_MAX_CHUNKS; n++)
        {
          guint32 chunk_off = 0, size = 0;
          char *s, *semi;

          rep_left = ss_reader_reported_remaining (r, next);
          if (rep_left < 1)
            goto one_more;
          cap_left = ss_reader_remaining (r, next);
          linelen = find_line_end (buf, next, cap_left, &chunk_off, TRUE);
          if (linelen < 0)
            {
              if (cap_left >= rep_left)
                goto one_more;
              return TRUE;
            }
          s = ascii_strndup (pkt->arena, buf + next, (gsize) linelen);
          if ((semi = strchr (s, ';')))
            *semi = '\0';
          if (!scan_hex (s, &size))
            return TRUE;
          if (size > 1u << 31)
            return TRUE;
          if (size == 0)
            {
              guint32 after;

              /* The last chunk: its CRLF (or the first trailer line) must be there. */
              if (find_line_end (buf, chunk_off, ss_reader_remaining (r, chunk_off), &after,
                                 TRUE) < 0 && cap_left >= rep_left)
                goto one_more;
              return TRUE;
            }
          if ((guint64) rep_left > size)
            {
              guint64 skip = (guint64) chunk_off + size + 2;

              if (skip > r->reported)
                goto one_more;
              next = (guint32) skip;
            }
          else
            goto one_more;
        }
      return TRUE;
    }

  if (have_cl)
    {
      if (content_length >= 128 * 1024)
        {
          /* MS-RPCH: the length of RPC_IN_DATA / RPC_OUT_DATA is meaningless. */
          if (have_ct && strncmp (ct_start, "application/rpc", 15) == 0)
            return TRUE;
          if (ss_reader_has (r, 0, 11) && memcmp (buf, "RPC_IN_DATA", 11) == 0)
            return TRUE;
          if (ss_reader_has (r, 0, 12) && memcmp (buf, "RPC_OUT_DATA", 12) == 0)
            return TRUE;
        }
      if (!ss_reader_has (r, next, (guint32) content_length))
        {
          cap_left = ss_reader_remaining (r, next);
          rep_left = ss_reader_reported_remaining (r, next);
          if (cap_left < rep_left)
            return TRUE;
          pkt->desegment_offset = off;
          pkt->desegment_len = (guint32) content_length - cap_left;
          return FALSE;
        }
      return TRUE;
    }

  if (desegment_until_fin)
    {
      /* A response without a length runs until the connection closes: TCP collects it and
       * hands it over on the segment with the FIN (Wireshark's DESEGMENT_UNTIL_FIN). */
      pkt->desegment_offset = off;
      pkt->desegment_len = SS_DESEGMENT_UNTIL_FIN;
      return FALSE;
    }
  return TRUE;

one_more:
  pkt->desegment_offset = off;
  pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
  return FALSE;
}

/* ---- first lines ---- */

/* is_http_request_or_reply: the method (or "HTTP/", "ICY") decides. */
static gboolean
classify_line (const guint8 *data,
               gint          linelen,
               HttpType     *type,
               gsize        *method_len,
               gsize        *method_skip)
{
  static const struct
  {
    const char *name;
    HttpType    type;
  } methods[] = {
    { "GET", HTTP_REQUEST }, { "PUT", HTTP_REQUEST }, { "COPY", HTTP_REQUEST },
    { "HEAD", HTTP_REQUEST }, { "LOCK", HTTP_REQUEST }, { "MOVE", HTTP_REQUEST },
    { "POLL", HTTP_REQUEST }, { "POST", HTTP_REQUEST }, { "BCOPY", HTTP_REQUEST },
    { "BMOVE", HTTP_REQUEST }, { "MKCOL", HTTP_REQUEST }, { "TRACE", HTTP_REQUEST },
    { "PATCH", HTTP_REQUEST }, { "LABEL", HTTP_REQUEST }, { "MERGE", HTTP_REQUEST },
    { "DELETE", HTTP_REQUEST }, { "SEARCH", HTTP_REQUEST }, { "UNLOCK", HTTP_REQUEST },
    { "REPORT", HTTP_REQUEST }, { "UPDATE", HTTP_REQUEST }, { "NOTIFY", HTTP_NOTIFICATION },
    { "BDELETE", HTTP_REQUEST }, { "CONNECT", HTTP_REQUEST }, { "OPTIONS", HTTP_REQUEST },
    { "CHECKIN", HTTP_REQUEST }, { "PROPFIND", HTTP_REQUEST }, { "CHECKOUT", HTTP_REQUEST },
    { "CCM_POST", HTTP_REQUEST }, { "SUBSCRIBE", HTTP_NOTIFICATION },
    { "PROPPATCH", HTTP_REQUEST }, { "BPROPFIND", HTTP_REQUEST }, { "BPROPPATCH", HTTP_REQUEST },
    { "UNCHECKOUT", HTTP_REQUEST }, { "MKACTIVITY", HTTP_REQUEST },
    { "MKWORKSPACE", HTTP_REQUEST }, { "RPC_CONNECT", HTTP_REQUEST },
    { "RPC_IN_DATA", HTTP_REQUEST }, { "UNSUBSCRIBE", HTTP_NOTIFICATION },
    { "RPC_OUT_DATA", HTTP_REQUEST }, { "VERSION-CONTROL", HTTP_REQUEST },
    { "BASELINE-CONTROL", HTTP_REQUEST }, { "SSTP_DUPLEX_POST", HTTP_REQUEST },
  };
  gint indx = 0;

  *method_skip = 0;
  /* RFC 2774: a mandatory extension declaration prefixes the method. */
  if (linelen >= 2 && data[0] == 'M' && data[1] == '-')
    {
      data += 2;
      linelen -= 2;
      *method_skip = 2;
    }
  if ((linelen >= 5 && memcmp (data, "HTTP/", 5) == 0)
      || (linelen >= 3 && memcmp (data, "ICY", 3) == 0))
    {
      *type = HTTP_RESPONSE;
      *method_len = 0;
      return TRUE;
    }
  while (indx < linelen && data[indx] != ' ')
    indx++;
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (strlen (methods[i].name) == (gsize) indx
        && memcmp (data, methods[i].name, (gsize) indx) == 0)
      {
        *type = methods[i].type;
        *method_len = (gsize) indx;
        return TRUE;
      }
  return FALSE;
}

/* parse_http_status_code: exactly three digits as the second token, or 0. */
static guint
parse_status_code (const guint8 *line,
                   const guint8 *end)
{
  const guint8 *next;
  char code[4];
  gint32 v;

  if (get_token_len (line, end, &next) == 0)
    return 0;
  line = next;
  if (get_token_len (line, end, &next) != 3)
    return 0;
  memcpy (code, line, 3);
  code[3] = '\0';
  if (!strtoi32_full (code, &v))
    return 0;
  return (guint) v;
}

static void
dissect_request_line (HttpCtx      *c,
                      SsLayer      *l,
                      SsItem       *tree,
                      HttpMessage  *m,
                      guint32       off,
                      const guint8 *line,
                      const guint8 *end)
{
  SsPacket *pkt = c->pkt;
  const guint8 *next;
  gsize n;
  const char *uri, *q;
  SsItem *uri_item;

  n = get_token_len (line, end, &next);
  if (n == 0)
    return;
  add_string (l, tree, HTTP_F_REQUEST_METHOD, off, n, ascii_strndup (pkt->arena, line, n));
  /* Two blanks after the method: an empty URI. */
  if (next - line > 2 && next[-1] == ' ' && next[-2] == ' ')
    next--;
  off += (guint32) (next - line);
  line = next;

  n = get_token_len (line, end, &next);
  uri = ascii_strndup (pkt->arena, line, n);
  m->request_uri = uri;
  c->st.request_uri = state_strdup (c, uri);
  uri_item = add_string (l, tree, HTTP_F_REQUEST_URI, off, n, uri);
  if ((q = strchr (uri, '?')) && strlen (q) > 1)
    {
      gsize path_len = (gsize) (q - uri);
      guint32 q_off = off + (guint32) path_len + 1;
      char *query = ss_arena_strdup (pkt->arena, q + 1);
      SsItem *query_item;
      char *save = NULL;

      add_string (l, uri_item, HTTP_F_REQUEST_URI_PATH, off, path_len,
                  ss_arena_strndup (pkt->arena, uri, path_len));
      query_item = add_string (l, uri_item, HTTP_F_REQUEST_URI_QUERY, q_off, strlen (query),
                               ss_arena_strdup (pkt->arena, query));
      if (ss_layer_wants (l, HTTP_F_REQUEST_URI_QUERY_PARAMETER))
        for (char *p = strtok_r (query, "&", &save); p; p = strtok_r (NULL, "&", &save))
          add_string (l, query_item, HTTP_F_REQUEST_URI_QUERY_PARAMETER, q_off, strlen (p), p);
    }
  off += (guint32) (next - line);
  line = next;

  n = (gsize) (end - line);
  add_string (l, tree, HTTP_F_REQUEST_VERSION, off, n, ascii_strndup (pkt->arena, line, n));
}

static void
dissect_response_line (HttpCtx      *c,
                       SsLayer      *l,
                       SsItem       *tree,
                       HttpMessage  *m,
                       guint32       off,
                       const guint8 *line,
                       const guint8 *end)
{
  SsPacket *pkt = c->pkt;
  const guint8 *next;
  gsize n;
  char code[4];
  guint v;
  const char *desc;
  SsItem *it;

  n = get_token_len (line, end, &next);
  if (n == 0)
    return;
  add_string (l, tree, HTTP_F_RESPONSE_VERSION, off, n, ascii_strndup (pkt->arena, line, n));
  off += (guint32) (next - line);
  line = next;

  if (get_token_len (line, end, &next) < 3)
    return;
  memcpy (code, line, 3);
  code[3] = '\0';
  v = (guint) strtoul (code, NULL, 10);
  m->response_code = c->st.response_code = v;
  ss_layer_add_uint (l, tree, HTTP_F_RESPONSE_CODE, off, 3, v);
  desc = ss_value_string_lookup (status_code_vals, v);
  it = ss_layer_add_string (l, tree, HTTP_F_RESPONSE_CODE_DESC, off, 3,
                            desc ? desc : ss_arena_printf (pkt->arena, "Unknown (%u)", v), -1);
  ss_item_set_flags (it, SS_ITEM_GENERATED);
  off += (guint32) (next - line);
  line = next;

  n = (gsize) (end - line);
  if (n >= 1)
    add_string (l, tree, HTTP_F_RESPONSE_PHRASE, off, n, ascii_strndup (pkt->arena, line, n));
}

/* ---- headers ---- */

typedef enum
{
  HDR_NO_SPECIAL,
  HDR_AUTHORIZATION,
  HDR_AUTHENTICATE,
  HDR_CONTENT_TYPE,
  HDR_CONTENT_LENGTH,
  HDR_CONTENT_ENCODING,
  HDR_TRANSFER_ENCODING,
  HDR_HOST,
  HDR_UPGRADE,
  HDR_COOKIE,
} HeaderSpecial;

static const struct
{
  const char    *name;
  guint          field;
  HeaderSpecial  special;
} headers[] = {
  { "Authorization", HTTP_F_AUTHORIZATION, HDR_AUTHORIZATION },
  { "Proxy-Authorization", HTTP_F_PROXY_AUTHORIZATION, HDR_AUTHORIZATION },
  { "Proxy-Authenticate", HTTP_F_PROXY_AUTHENTICATE, HDR_AUTHENTICATE },
  { "WWW-Authenticate", HTTP_F_WWW_AUTHENTICATE, HDR_AUTHENTICATE },
  { "Content-Type", HTTP_F_CONTENT_TYPE, HDR_CONTENT_TYPE },
  { "Content-Length", HTTP_F_CONTENT_LENGTH_HEADER, HDR_CONTENT_LENGTH },
  { "Content-Encoding", HTTP_F_CONTENT_ENCODING, HDR_CONTENT_ENCODING },
  { "Transfer-Encoding", HTTP_F_TRANSFER_ENCODING, HDR_TRANSFER_ENCODING },
  { "Upgrade", HTTP_F_UPGRADE, HDR_UPGRADE },
  { "User-Agent", HTTP_F_USER_AGENT, HDR_NO_SPECIAL },
  { "Host", HTTP_F_HOST, HDR_HOST },
  { "Connection", HTTP_F_CONNECTION, HDR_NO_SPECIAL },
  { "Cookie", HTTP_F_COOKIE, HDR_COOKIE },
  { "Accept", HTTP_F_ACCEPT, HDR_NO_SPECIAL },
  { "Referer", HTTP_F_REFERER, HDR_NO_SPECIAL },
  { "Accept-Language", HTTP_F_ACCEPT_LANGUAGE, HDR_NO_SPECIAL },
  { "Accept-Encoding", HTTP_F_ACCEPT_ENCODING, HDR_NO_SPECIAL },
  { "Date", HTTP_F_DATE, HDR_NO_SPECIAL },
  { "Cache-Control", HTTP_F_CACHE_CONTROL, HDR_NO_SPECIAL },
  { "Server", HTTP_F_SERVER, HDR_NO_SPECIAL },
  { "Location", HTTP_F_LOCATION, HDR_NO_SPECIAL },
  { "Sec-WebSocket-Accept", HTTP_F_SEC_WEBSOCKET_ACCEPT, HDR_NO_SPECIAL },
  { "Sec-WebSocket-Extensions", HTTP_F_SEC_WEBSOCKET_EXTENSIONS, HDR_NO_SPECIAL },
  { "Sec-WebSocket-Key", HTTP_F_SEC_WEBSOCKET_KEY, HDR_NO_SPECIAL },
  { "Sec-WebSocket-Protocol", HTTP_F_SEC_WEBSOCKET_PROTOCOL, HDR_NO_SPECIAL },
  { "Sec-WebSocket-Version", HTTP_F_SEC_WEBSOCKET_VERSION, HDR_NO_SPECIAL },
  { "Set-Cookie", HTTP_F_SET_COOKIE, HDR_NO_SPECIAL },
  { "Last-Modified", HTTP_F_LAST_MODIFIED, HDR_NO_SPECIAL },
  { "X-Forwarded-For", HTTP_F_X_FORWARDED_FOR, HDR_NO_SPECIAL },
  { "HTTP2-Settings", HTTP_F_HTTP2_SETTINGS, HDR_NO_SPECIAL },
};

/* RFC 7230 tchar, as tshark 4.0 spells it (with '\\' and ':' instead of '\''). */
static gboolean
is_token_char (guint8 ch)
{
  return (ch && strchr ("!#$%&\\:*+-.^_`|~", ch)) || g_ascii_isalnum (ch);
}

/* http_parse_transfer_coding: FALSE when a name is not understood. */
static gboolean
parse_transfer_coding (const char  *v,
                       HttpMessage *m)
{
  static const struct
  {
    const char        *name;
    HttpTransferCoding te;
  } codings[] = {
    { "compress", HTTP_TE_COMPRESS }, { "deflate", HTTP_TE_DEFLATE }, { "gzip", HTTP_TE_GZIP },
    { "identity", HTTP_TE_IDENTITY }, { "x-compress", HTTP_TE_COMPRESS },
    { "x-gzip", HTTP_TE_GZIP },
  };
  gboolean ok = TRUE;

  m->te = HTTP_TE_UNKNOWN;
  while (*v)
    {
      guint i;

      while (*v == ' ' || *v == '\t' || *v == ',')
        v++;
      if (!*v)
        break;
      if (g_str_has_prefix (v, "chunked"))
        {
          m->te_chunked = TRUE;
          v += 7;
          continue;
        }
      if (m->te != HTTP_TE_UNKNOWN)
        return FALSE;
      for (i = 0; i < G_N_ELEMENTS (codings); i++)
        if (g_str_has_prefix (v, codings[i].name))
          {
            m->te = codings[i].te;
            v += strlen (codings[i].name);
            break;
          }
      if (i == G_N_ELEMENTS (codings))
        {
          ok = FALSE;
          v = strchr (v, ',');
          if (!v)
            break;
        }
    }
  return ok;
}

static void
add_basic_auth (SsLayer    *l,
                SsItem     *hdr,
                const char *value)
{
  char *cred;
  gsize len = 0;

  if (strncmp (value, "Basic ", 6) != 0)
    return;
  cred = ss_arena_strdup (l->pkt->arena, value + 6);
  if (strlen (cred) > 1)
    {
      g_base64_decode_inplace (cred, &len);
      cred[len] = '\0';
    }
  add_string (l, hdr, HTTP_F_AUTHBASIC, 0, 0, cred);
}

static void
process_header (HttpCtx      *c,
                SsLayer      *l,
                HttpMessage  *m,
                HttpType      type,
                guint32       off,
                guint32       next,
                gint          linelen,
                guint32       colon)
{
  SsPacket *pkt = c->pkt;
  const guint8 *line = ss_reader_peek (c->r, off, next - off);
  guint32 len = next - off, name_len = colon - off, voff;
  gsize vlen;
  gboolean valid = name_len != 0;
  const char *value;
  SsItem *hdr = NULL, *it;
  guint h;
  HeaderSpecial special;

  for (guint32 i = 0; valid && i < name_len; i++)
    if (!is_token_char (line[i]))
      valid = FALSE;
  if (!valid)
    {
      guint field = type == HTTP_REQUEST ? HTTP_F_REQUEST_LINE
                    : type == HTTP_RESPONSE ? HTTP_F_RESPONSE_LINE : HTTP_F_UNKNOWN_HEADER;

      it = ss_layer_add_string (l, NULL, field, off, len, ascii_strndup (pkt->arena, line, len),
                                -1);
      ss_item_set_text (pkt, it, "%s", ss_http_format_text (pkt->arena, line, len));
      ss_packet_add_expert (pkt, it, SS_PROTO_HTTP, HTTP_E_BAD_HEADER_NAME, NULL);
      return;
    }

  for (h = 0; h < G_N_ELEMENTS (headers); h++)
    if (strlen (headers[h].name) == name_len
        && g_ascii_strncasecmp ((const char *) line, headers[h].name, name_len) == 0)
      break;

  voff = colon + 1;
  while (voff < off + (guint32) linelen && (line[voff - off] == ' ' || line[voff - off] == '\t'))
    voff++;
  vlen = off + (guint32) linelen - voff;
  value = ascii_strndup (pkt->arena, line + (voff - off), vlen);

  if (h == G_N_ELEMENTS (headers))
    {
      if (type == HTTP_REQUEST || type == HTTP_RESPONSE)
        {
          it = ss_layer_add_string (l, NULL, type == HTTP_RESPONSE ? HTTP_F_RESPONSE_LINE
                                                                    : HTTP_F_REQUEST_LINE,
                                    off, len, ascii_strndup (pkt->arena, line, len), -1);
          ss_item_set_text (pkt, it, "%s", ss_http_format_text (pkt->arena, line, len));
        }
      else if (ss_layer_wants (l, HTTP_F_UNKNOWN_HEADER))
        {
          /* tshark stores the escaped text as the value. */
          const char *text = ss_http_format_text (pkt->arena, line, len);

          it = ss_layer_add_string (l, NULL, HTTP_F_UNKNOWN_HEADER, off, len, text, -1);
          ss_item_set_text (pkt, it, "%s", text);
        }
      return;
    }

  hdr = ss_layer_add_string (l, NULL, headers[h].field, off, len, value, -1);
  if (hdr && pkt->full)
    ss_item_set_text (pkt, hdr, "%s", ss_http_format_text (pkt->arena, line, len));
  if (type == HTTP_REQUEST || type == HTTP_RESPONSE)
    {
      it = ss_layer_add_string (l, NULL, type == HTTP_RESPONSE ? HTTP_F_RESPONSE_LINE
                                                                : HTTP_F_REQUEST_LINE,
                                off, len, ascii_strndup (pkt->arena, line, len), -1);
      ss_item_set_flags (it, SS_ITEM_HIDDEN);
    }

  special = headers[h].special;
  switch (special)
    {
    case HDR_AUTHORIZATION:
      add_basic_auth (l, hdr, value);
      break;

    case HDR_CONTENT_TYPE:
      {
        char *ct = ss_arena_strdup (pkt->arena, value);
        gsize i, n = strlen (ct);

        for (i = 0; i < n; i++)
          {
            if (ct[i] == ';' || g_ascii_isspace (ct[i]))
              break;
            ct[i] = g_ascii_tolower (ct[i]);
          }
        ct[i] = '\0';
        i++;
        while (i < n && (ct[i] == ';' || g_ascii_isspace (ct[i])))
          i++;
        m->content_type = ct;
        m->content_type_params = i < n ? ct + i : NULL;
      }
      break;

    case HDR_CONTENT_LENGTH:
      {
        char *end;
        gint64 v;

        errno = 0;
        v = g_ascii_strtoll (value, &end, 10);
        if (v < 0 || end == value || errno == ERANGE || (*end && !g_ascii_isspace (*end)))
          m->have_content_length = FALSE;
        else
          {
            m->have_content_length = TRUE;
            m->content_length = v;
            ss_item_set_flags (ss_layer_add_uint (l, hdr, HTTP_F_CONTENT_LENGTH, off, len,
                                                  (guint64) v), SS_ITEM_GENERATED);
            if (m->te != HTTP_TE_NONE)
              ss_packet_add_expert (pkt, hdr, SS_PROTO_HTTP, HTTP_E_TE_AND_LENGTH, NULL);
          }
      }
      break;

    case HDR_CONTENT_ENCODING:
      m->content_encoding = value;
      break;

    case HDR_TRANSFER_ENCODING:
      if (m->have_content_length)
        ss_packet_add_expert (pkt, hdr, SS_PROTO_HTTP, HTTP_E_TE_AND_LENGTH, NULL);
      if (!parse_transfer_coding (value, m))
        ss_packet_add_expert (pkt, hdr, SS_PROTO_HTTP, HTTP_E_TE_UNKNOWN, NULL);
      break;

    case HDR_HOST:
      m->host = value;
      break;

    case HDR_UPGRADE:
      {
        char *lower = ss_arena_strdup (pkt->arena, value);

        for (char *p = lower; *p; p++)
          *p = g_ascii_tolower (*p);
        m->upgrade = lower;
      }
      break;

    case HDR_COOKIE:
      if (hdr && ss_layer_wants (l, HTTP_F_COOKIE_PAIR))
        {
          const guint8 *raw = line + (voff - off);
          gsize i = 0;

          while (i < vlen)
            {
              const guint8 *semi;
              gsize part_len;

              while (i < vlen && (raw[i] == ';' || g_ascii_isspace (raw[i])))
                i++;
              if (i >= vlen)
                break;
              semi = memchr (raw + i, ';', vlen - i);
              part_len = semi ? (gsize) (semi - (raw + i)) : vlen - i;
              add_string (l, hdr, HTTP_F_COOKIE_PAIR, voff + (guint32) i, part_len,
                          ascii_strndup (pkt->arena, raw + i, part_len));
              i += part_len;
            }
        }
      break;

    case HDR_AUTHENTICATE:
    case HDR_NO_SPECIAL:
    default:
      break;
    }
}

/* ---- bodies ---- */

/* De-chunks the body in @body (chunked_encoding_dissector). Returns the bytes of the chunked
 * body it used (0 when none) and in *@out a reader over the de-chunked data. */
static guint32
dissect_chunked (HttpCtx  *c,
                 SsLayer  *l,
                 SsReader *body,
                 SsReader *out)
{
  SsPacket *pkt = c->pkt;
  const guint8 *buf = ss_reader_peek (body, 0, body->captured);
  guint32 off = 0, datalen = body->reported, orig = datalen;
  guint8 *raw = NULL;
  guint32 raw_len = 0;
  SsItem *sub;
  SsLayer bl = *l;

  bl.r = body;
  sub = ss_layer_add_text (&bl, NULL, 0, datalen, "HTTP chunked response");
  if (datalen > 0)
    raw = ss_arena_alloc (pkt->arena, MIN (datalen, body->captured) + 1);

  for (guint n = 0; datalen > 0 && n < HTTP_MAX_CHUNKS; n++)
    {
      guint32 chunk_off = 0, size;
      gint linelen;
      char *s, *semi;
      SsItem *chunk, *it;

      if (off > body->captured)
        {
          ss_reader_mark (body, off, 1);
          break;
        }
      linelen = find_line_end (buf, off, body->captured - off, &chunk_off, TRUE);
      if (linelen <= 0)
        break;
      s = ascii_strndup (pkt->arena, buf + off, (gsize) linelen);
      if ((semi = strchr (s, ';')))
        *semi = '\0';
      /* strtol, cut to 32 bits: "-1" and overflows become huge sizes, junk becomes 0. */
      size = (guint32) strtol (s, NULL, 16);
      if (size > datalen)
        size = datalen;
      /* The chunk must be there; tshark stops with an exception otherwise. */
      if (!ss_reader_check (body, chunk_off, size))
        {
          c->aborted = TRUE;
          return 0;
        }
      ss_reader_copy (body, chunk_off, size, raw + raw_len);
      raw_len += size;

      if (size == 0)
        chunk = ss_layer_add_text (&bl, sub, off, chunk_off - off + 2, "End of chunked encoding");
      else
        chunk = ss_layer_add_text (&bl, sub, off, chunk_off - off + size + 2,
                                   "Data chunk (%u octets)", size);
      it = ss_layer_add_uint (&bl, chunk, HTTP_F_CHUNK_SIZE, off, chunk_off - off, size);
      ss_item_set_text (pkt, it, "Chunk size: %u octet%s", size, size == 1 ? "" : "s");
      if (size > 0)
        {
          ss_layer_add_bytes (&bl, chunk, HTTP_F_CHUNK_DATA, chunk_off, size, buf + chunk_off,
                              size);
          if (!ss_reader_check (body, chunk_off + size, 2))
            {
              c->aborted = TRUE;
              return 0;
            }
          ss_layer_add_bytes (&bl, chunk, HTTP_F_CHUNK_BOUNDARY, chunk_off + size, 2,
                              buf + chunk_off + size, 2);
        }

      off = chunk_off + size + (size > 0 ? 2 : 0);
      datalen = ss_reader_reported_remaining (body, off);

      if (size == 0)
        {
          guint32 trailer_off = off, trailer_len = 0;
          gint field_len;

          do
            {
              trailer_len = trailer_off - off;
              if (datalen < trailer_len)
                {
                  field_len = -1;
                  break;
                }
              field_len = find_line_end (buf, trailer_off,
                                         MIN (datalen - trailer_len,
                                              ss_reader_remaining (body, trailer_off)),
                                         &trailer_off, TRUE);
            }
          while (field_len > 0);
          if (trailer_len > 0)
            {
              SsItem *tp = ss_layer_add_string (&bl, sub, HTTP_F_CHUNKED_TRAILER_PART, off,
                                                trailer_len,
                                                ascii_strndup (pkt->arena, buf + off,
                                                               trailer_len), -1);

              if (pkt->full)
                ss_item_set_text (pkt, tp, "trailer-part: %s",
                                  ss_http_format_text (pkt->arena, buf + off, trailer_len));
              off += trailer_len;
              datalen -= trailer_len;
            }
          if (field_len == 0)
            {
              ss_layer_add_text (&bl, sub, off, trailer_off - off, "%s",
                                 ss_http_format_text (pkt->arena, buf + off, trailer_off - off));
              datalen -= MIN (datalen, trailer_off - off);
            }
          break;
        }
    }

  if (datalen < orig)
    {
      ss_item_set_length (sub, orig - datalen);
      ss_reader_init (out, raw, raw_len, raw_len, &pkt->status);
    }
  return orig - datalen;
}

/* tvb_uncompress: zlib, gzip (header skipped, then raw deflate) or raw deflate, whatever works;
 * a stream cut short gives what could be inflated. NULL when nothing could. */
static guint8 *
inflate_body (SsArena      *arena,
              const guint8 *in,
              guint32       in_len,
              guint32      *out_len)
{
  int attempts[3] = { MAX_WBITS, -MAX_WBITS, -MAX_WBITS };
  const guint8 *src = in;
  guint32 src_len = in_len;

  for (guint a = 0; a < G_N_ELEMENTS (attempts); a++)
    {
      z_stream z = { 0 };
      g_autoptr(GByteArray) out = g_byte_array_new ();
      guint8 chunk[16384];
      int err;

      if (a == 1 && in_len >= 2 && in[0] == 0x1f && in[1] == 0x8b)
        {
          /* gzip (RFC 1952 §2.3): skip the header, the member is raw deflate. */
          guint32 p = 2;
          guint8 flags;

          if (in_len < 10 || in[2] != Z_DEFLATED)
            return NULL;
          flags = in[3];
          p = 10;
          if (flags & 0x04)
            {
              guint32 xlen = 0;

              if (p < in_len)
                xlen = in[p++];
              if (p < in_len)
                xlen |= (guint32) in[p++] << 8;
              p += xlen;
            }
          if (flags & 0x08)
            {
              while (p < in_len && in[p])
                p++;
              p++;
            }
          if (flags & 0x10)
            {
              while (p < in_len && in[p])
                p++;
              p++;
            }
          if (p > in_len)
            return NULL;
          src = in + p;
          src_len = in_len - p;
        }
      else if (a == 2)
        break;

      if (inflateInit2 (&z, attempts[a]) != Z_OK)
        return NULL;
      z.next_in = (Bytef *) src;
      z.avail_in = src_len;
      for (;;)
        {
          z.next_out = chunk;
          z.avail_out = sizeof chunk;
          err = inflate (&z, Z_SYNC_FLUSH);
          if (err == Z_OK || err == Z_STREAM_END)
            {
              guint n = (guint) (sizeof chunk - z.avail_out);

              if (out->len + n > SS_TCP_REASM_MAX_PDU)
                break;
              g_byte_array_append (out, chunk, n);
              if (err == Z_STREAM_END)
                break;
              if (n == 0 && z.avail_in == 0)
                break;
            }
          else
            break;
        }
      inflateEnd (&z);
      if (err == Z_DATA_ERROR && out->len == 0)
        continue;
      if (out->len == 0 && err != Z_STREAM_END)
        return NULL;
      {
        guint8 *data = ss_arena_alloc (arena, out->len + 1);

        if (out->len)
          memcpy (data, out->data, out->len);
        *out_len = out->len;
        return data;
      }
    }
  return NULL;
}

static const char *const text_lines_types[] = {
  "text/plain", "text/richtext", "text/enriched", "text/parameters", "text/html",
  "text/xml-external-parsed-entity", "text/css", "application/xml-external-parsed-entity",
  "text/javascript", "application/x-javascript", "application/x-tia-p25-issi",
  "application/x-tia-p25-sndcp", "application/x-ns-proxy-autoconfig",
  "text/vnd.sun.j2me.app-descriptor", "application/vnd.poc.refer-to",
  "application/vnd.drm.message", "application/x-rtsp-udp-packetpair",
};

static const char *const json_types[] = {
  "application/json", "application/senml+json", "application/sensml+json",
  "application/json-rpc", "application/jsonrequest", "application/dds-web+json",
  "application/vnd.oma.lwm2m+json", "application/problem+json", "application/merge-patch+json",
  "application/json-patch+json", "application/x-ndjson",
};

static gboolean
type_in (const char        *type,
         const char *const *list,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (type, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Installs @data as a byte source of the frame for the items that follow; returns the previous
 * source to restore. */
static guint8
push_source (SsPacket     *pkt,
             const char   *name,
             const guint8 *data,
             guint32       len)
{
  guint8 saved = pkt->cur_source;

  if (pkt->n_sources < SS_PACKET_MAX_SOURCES)
    {
      pkt->sources[pkt->n_sources].name = name;
      pkt->sources[pkt->n_sources].data = data;
      pkt->sources[pkt->n_sources].len = len;
      pkt->n_sources++;
      pkt->cur_source = pkt->n_sources;
    }
  return saved;
}

/* The body of a message (what follows the headers in dissect_http_message). Returns how many
 * bytes of @r it used. */
static guint32
dissect_body (HttpCtx     *c,
              SsLayer     *l,
              gboolean     have_node,
              HttpMessage *m,
              HttpType     type,
              guint32      off)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  gint64 datalen = (gint64) ss_reader_remaining (r, off);
  gint64 rep_datalen = (gint64) ss_reader_reported_remaining (r, off);
  gboolean rep_to_end = FALSE;
  SsReader body, dechunked, inflated;
  SsReader *next = &body;
  guint8 saved_source = pkt->cur_source;
  SsLayer bl;
  const char *media_type = m->content_type;

  if (m->have_content_length && m->te == HTTP_TE_NONE)
    {
      if (datalen > m->content_length)
        datalen = m->content_length;
      if (rep_datalen > m->content_length)
        rep_datalen = m->content_length;
    }
  else
    switch (type)
      {
      case HTTP_REQUEST:
        if (m->te == HTTP_TE_NONE)
          datalen = 0;
        else
          rep_to_end = TRUE;
        break;
      case HTTP_RESPONSE:
        if (m->response_code / 100 == 1 || m->response_code == 204 || m->response_code == 304)
          datalen = 0;
        else
          rep_to_end = TRUE;
        break;
      case HTTP_NOTIFICATION:
      case HTTP_OTHERS:
      default:
        rep_to_end = TRUE;
        break;
      }
  if (datalen <= 0)
    return 0;

  body.data = r->data + off;
  body.base = r->base + off;
  body.captured = (guint32) datalen;
  body.reported = rep_to_end ? ss_reader_reported_remaining (r, off)
                             : (guint32) MAX (rep_datalen, datalen);
  body.status = SS_READER_OK;
  body.frame_status = r->frame_status;
  bl = *l;
  bl.r = next;

  if (m->te_chunked)
    {
      guint32 used;

      ss_reader_init (&dechunked, NULL, 0, 0, NULL);
      used = dissect_chunked (c, l, &body, &dechunked);
      if (c->aborted)
        return 0;
      if (used == 0)
        goto done;
      datalen = used;
      push_source (pkt, "De-chunked entity body", dechunked.data, dechunked.captured);
      next = &dechunked;
      bl.r = next;
    }

  switch (m->te)
    {
    case HTTP_TE_COMPRESS:
    case HTTP_TE_DEFLATE:
    case HTTP_TE_GZIP:
      /* tshark does not undo these as transfer codings. */
      ss_packet_call (pkt, NULL, next, 0);
      goto done;
    default:
      break;
    }

  if (m->content_encoding && g_ascii_strcasecmp (m->content_encoding, "identity") != 0)
    {
      const char *ce = m->content_encoding;
      guint8 *data = NULL;
      guint32 n = 0, in_len = next->captured;
      SsItem *enc;

      if (g_ascii_strcasecmp (ce, "gzip") == 0 || g_ascii_strcasecmp (ce, "deflate") == 0
          || g_ascii_strcasecmp (ce, "x-gzip") == 0 || g_ascii_strcasecmp (ce, "x-deflate") == 0)
        data = in_len ? inflate_body (pkt->arena, next->data, in_len, &n) : NULL;
      enc = ss_layer_add_text (&bl, NULL, 0, in_len, "Content-encoded entity body (%s): %u bytes",
                               ce, in_len);
      if (data)
        {
          ss_item_append_text (pkt, enc, " -> %u bytes", n);
          ss_reader_init (&inflated, data, n, n, &pkt->status);
          push_source (pkt, "Uncompressed entity body", data, n);
          next = &inflated;
          bl.r = next;
        }
      else
        {
          ss_packet_add_expert (pkt, enc ? enc : l->top, SS_PROTO_HTTP,
                                HTTP_E_DECOMPRESSION_FAILED, NULL);
          ss_packet_call (pkt, NULL, next, 0);
          goto done;
        }
    }

  ss_packet_follow_data (pkt, SS_PROTO_HTTP, next->data, next->captured);
  if (have_node)
    {
      SsItem *it = ss_layer_add_string (&bl, NULL, HTTP_F_FILE_DATA, 0, next->captured,
                                        ascii_strndup (pkt->arena, next->data, next->captured),
                                        -1);

      ss_item_set_text (pkt, it, "File Data: %u bytes", next->captured);
    }
  if (next->captured == 0)
    goto done;

  if (!have_node)
    {
      /* No HTTP tree: tshark's data dissector runs with no tree. */
      ss_packet_add_protocols_entry (pkt, "data");
      goto done;
    }

  if (media_type && type_in (media_type, text_lines_types, G_N_ELEMENTS (text_lines_types)))
    {
      ss_item_set_length (l->top, off);
      ss_text_lines_dissect_media (pkt, next, media_type);
    }
  else if (media_type && type_in (media_type, json_types, G_N_ELEMENTS (json_types)))
    {
      ss_item_set_length (l->top, off);
      ss_json_dissect_media (pkt, next, media_type);
    }
  else if (media_type && strcmp (media_type, "application/octet-stream") == 0)
    ss_packet_call (pkt, NULL, next, 0);
  else if (media_type)
    {
      /* tshark's "media" dissector: the media type in the Info column, the bytes as they are.
       * Types tshark has another dissector for (images, XML, forms) end up here too. */
      SsItem *media;

      ss_packet_add_protocols_entry (pkt, "media");
      ss_packet_append_info_sep (pkt, " ", "(%s)", media_type);
      media = ss_layer_add_text (&bl, &pkt->root, 0, next->captured, "Media Type");
      if (m->content_type_params)
        ss_layer_add_text (&bl, media, 0, next->captured, "Media type: %s; %s (%u byte%s)",
                           media_type, m->content_type_params, next->reported,
                           next->reported == 1 ? "" : "s");
      else
        ss_layer_add_text (&bl, media, 0, next->captured, "Media type: %s (%u byte%s)",
                           media_type, next->reported, next->reported == 1 ? "" : "s");
    }
  else
    {
      /* Without a media type tshark hands the body to data inside the HTTP tree. */
      pkt->layer_parent = l->top;
      ss_packet_call (pkt, NULL, next, 0);
      pkt->layer_parent = NULL;
    }

done:
  pkt->cur_source = saved_source;
  return (guint32) datalen;
}

/* ---- messages ---- */

static SsItem *
add_frame_link (SsLayer *l,
                guint    field,
                guint32  frame)
{
  SsItem *it = ss_layer_add_uint (l, NULL, field, 0, 0, frame);

  ss_item_set_flags (it, SS_ITEM_GENERATED);
  return it;
}

static HttpReqRes *
push_req_res (HttpCtx *c)
{
  HttpReqRes *rr = ss_session_alloc (c->pkt->session, sizeof (HttpReqRes));

  rr->number = ++c->conv->n_req_res;
  if (c->conv->tail)
    {
      rr->prev = c->conv->tail;
      c->conv->tail->next = rr;
    }
  c->conv->tail = rr;
  return rr;
}

/* Records a request or response (first pass) and returns the record the tree shows: the one of
 * this message then, the frame's last one on a later pass (tshark's p_get_proto_data). */
static HttpReqRes *
link_message (HttpCtx  *c,
              HttpType  type)
{
  SsPacket *pkt = c->pkt;
  HttpFrameRec *fr;
  HttpReqRes *rr = NULL;

  if (!pkt->session || !c->conv)
    return NULL;
  if (pkt->visited)
    {
      fr = ss_session_lookup_frame_data (pkt->session, SS_PROTO_HTTP, pkt->number, 0);
      return fr ? fr->rec : NULL;
    }
  if (type == HTTP_REQUEST)
    {
      rr = push_req_res (c);
      rr->req_frame = pkt->number;
      rr->req_ts_ns = pkt->ts_ns;
      rr->have_req_ts = TRUE;
    }
  else if (type == HTTP_RESPONSE)
    {
      /* A response takes the last record unless it is answered already. */
      rr = c->conv->tail;
      if (!rr || rr->res_frame > 0)
        rr = push_req_res (c);
      rr->res_frame = pkt->number;
    }
  else
    {
      fr = ss_session_lookup_frame_data (pkt->session, SS_PROTO_HTTP, pkt->number, 0);
      return fr ? fr->rec : NULL;
    }
  fr = ss_session_frame_data (pkt->session, SS_PROTO_HTTP, pkt->number, 0, sizeof *fr);
  fr->rec = rr;
  return rr;
}

static void
add_links (HttpCtx     *c,
           SsLayer     *l,
           HttpType     type,
           HttpReqRes  *curr)
{
  SsPacket *pkt = c->pkt;
  HttpReqRes *prev = curr ? curr->prev : NULL, *next = curr ? curr->next : NULL;
  guint32 total = c->conv ? c->conv->n_req_res : 0;
  SsItem *it;

  switch (type)
    {
    case HTTP_NOTIFICATION:
      ss_item_set_flags (ss_layer_add_uint (l, NULL, HTTP_F_NOTIFICATION, 0, 0, 1),
                         SS_ITEM_HIDDEN);
      break;

    case HTTP_RESPONSE:
      ss_item_set_flags (ss_layer_add_uint (l, NULL, HTTP_F_RESPONSE, 0, 0, 1), SS_ITEM_HIDDEN);
      if (curr)
        {
          it = ss_layer_add_uint (l, NULL, HTTP_F_RESPONSE_NUMBER, 0, 0, curr->number);
          ss_item_set_text (pkt, it, "HTTP response %u/%u", curr->number, total);
          ss_item_set_flags (it, SS_ITEM_GENERATED);
          if (curr->have_req_ts)
            {
              gint64 d = pkt->ts_ns - curr->req_ts_ns;

              it = ss_layer_add_time (l, NULL, HTTP_F_TIME, 0, 0, d / 1000000000,
                                      (gint32) (d % 1000000000));
              ss_item_set_flags (it, SS_ITEM_GENERATED);
            }
        }
      if (prev && prev->req_frame)
        add_frame_link (l, HTTP_F_PREV_REQUEST_IN, prev->req_frame);
      if (prev && prev->res_frame)
        add_frame_link (l, HTTP_F_PREV_RESPONSE_IN, prev->res_frame);
      if (curr && curr->req_frame)
        add_frame_link (l, HTTP_F_REQUEST_IN, curr->req_frame);
      if (next && next->req_frame)
        add_frame_link (l, HTTP_F_NEXT_REQUEST_IN, next->req_frame);
      if (next && next->res_frame)
        add_frame_link (l, HTTP_F_NEXT_RESPONSE_IN, next->res_frame);
      if (c->st.full_uri || c->st.request_uri)
        {
          it = add_string (l, NULL, HTTP_F_RESPONSE_FOR_URI, 0, 0,
                           c->st.full_uri ? c->st.full_uri : c->st.request_uri);
          ss_item_set_flags (it, SS_ITEM_GENERATED);
        }
      break;

    case HTTP_REQUEST:
      ss_item_set_flags (ss_layer_add_uint (l, NULL, HTTP_F_REQUEST, 0, 0, 1), SS_ITEM_HIDDEN);
      if (curr)
        {
          it = ss_layer_add_uint (l, NULL, HTTP_F_REQUEST_NUMBER, 0, 0, curr->number);
          ss_item_set_text (pkt, it, "HTTP request %u/%u", curr->number, total);
          ss_item_set_flags (it, SS_ITEM_GENERATED);
        }
      if (prev && prev->req_frame)
        add_frame_link (l, HTTP_F_PREV_REQUEST_IN, prev->req_frame);
      if (curr && curr->res_frame)
        add_frame_link (l, HTTP_F_RESPONSE_IN, curr->res_frame);
      if (next && next->req_frame)
        add_frame_link (l, HTTP_F_NEXT_REQUEST_IN, next->req_frame);
      break;

    case HTTP_OTHERS:
    default:
      break;
    }
}

/* The HTTP node of a message. tshark lists the protocol once per call of the dissector in
 * frame.protocols, so the entry the layer adds is taken back. */
static void
open_node (HttpCtx  *c,
           SsLayer  *l,
           guint32   off,
           gboolean  set_column)
{
  SsPacket *pkt = c->pkt;
  gsize plen = ss_packet_get_protocols_len (pkt);
  const char *col = pkt->col_protocol;

  *l = ss_packet_begin_layer (pkt, SS_PROTO_HTTP, c->r, off, -1);
  ss_packet_truncate_protocols (pkt, plen);
  if (!set_column)
    ss_packet_set_protocol (pkt, col);
  else if (c->ssdp)
    ss_packet_set_protocol (pkt, "SSDP");
  if (l->top)
    /* "Hypertext Transfer Protocol" in the tree, "http" as a value */
    l->top->text = c->ssdp ? _("Simple Service Discovery Protocol") : NULL;
}

/* proto_tree_add_expert: a line of its own holding the expert item. */
static void
add_leading_crlf (SsLayer *l,
                  guint32  off)
{
  SsItem *it = ss_layer_add_text (l, NULL, off, 2, "%s",
                                  _(http_experts[HTTP_E_LEADING_CRLF].summary));

  ss_packet_add_expert (l->pkt, it ? it : l->top, SS_PROTO_HTTP, HTTP_E_LEADING_CRLF, NULL);
}

/* dissect_http_message: one request or response (or what follows one) at @orig. Returns the
 * bytes used, or -1 when nothing more is to be dissected in this buffer. */
static gint
dissect_message (HttpCtx *c,
                 guint32  orig)
{
  SsPacket *pkt = c->pkt;
  SsReader *r = c->r;
  const guint8 *buf = ss_reader_peek (r, 0, r->captured);
  guint32 off = orig, next = 0;
  gint first_len, linelen;
  gboolean leading_crlf = FALSE, have_seen_http, is_rr, saw = FALSE, first_loop = TRUE;
  HttpType type = HTTP_OTHERS, first_type = HTTP_OTHERS;
  gsize method_len, method_skip;
  SsLayer l = { pkt, r, SS_PROTO_HTTP, pkt->bases[SS_PROTO_HTTP], NULL };
  gboolean have_node = FALSE;
  HttpMessage m = { 0 };
  HttpReqRes *curr;
  guint lines = 0;

  if (ss_reader_reported_remaining (r, off) < 1)
    return -1;

  /* RFC 9112 §2.2: an empty line before a request line is to be ignored. */
  if (ss_reader_reported_remaining (r, off) > 3)
    {
      if (!ss_reader_check (r, off, 2))
        return -1;
      if (buf[off] == '\r' && buf[off + 1] == '\n')
        {
          leading_crlf = TRUE;
          off += 2;
        }
    }

  have_seen_http = c->st.request_uri != NULL;

  if (!ss_reader_check (r, off, 1))
    return -1;
  if (!g_ascii_isprint (buf[off]))
    {
      if (have_seen_http)
        {
          SsReader rest;

          ss_packet_set_info (pkt, "Continuation");
          open_node (c, &l, off, TRUE);
          ss_reader_sub (r, orig, -1, &rest);
          /* tshark 4.0 hands a continuation to no follow tap (later versions do). */
          ss_packet_call (pkt, NULL, &rest, 0);
        }
      return -1;
    }

  first_len = find_line_end (buf, off, r->captured - off, &next, TRUE);
  if (first_len < 0 && !do_reassembly (c, off, TRUE, FALSE))
    return -1;

  is_rr = first_len >= 0
          && classify_line (buf + off, first_len, &first_type, &method_len, &method_skip);
  if (is_rr)
    {
      gboolean try_body = TRUE;

      ss_packet_set_info (pkt, "%s ",
                          ss_http_format_text (pkt->arena, buf + off, (gsize) first_len));
      if (first_type == HTTP_RESPONSE)
        {
          guint code = parse_status_code (buf + off, buf + off + first_len);
          const char *method = c->st.request_method;

          if (g_strcmp0 (method, "HEAD") == 0
              || (code / 100 == 2 && (g_strcmp0 (method, "CONNECT") == 0
                                      || g_strcmp0 (method, "SSTP_DUPLEX_POST") == 0))
              || code / 100 == 1 || code == 204 || code == 304)
            try_body = FALSE;
        }
      /* At the FIN the stream ends here: nothing to wait for. */
      if (!do_reassembly (c, off, try_body,
                          first_type == HTTP_RESPONSE
                          && !(pkt->tcp_reasm && ss_tcp_reasm_get_at_fin (pkt->tcp_reasm))))
        return -1;
    }
  else if (have_seen_http)
    ss_packet_set_info (pkt, "Continuation");

  if (is_rr || have_seen_http)
    {
      open_node (c, &l, off, TRUE);
      have_node = TRUE;
      if (leading_crlf)
        add_leading_crlf (&l, off - 2);
    }

  /* The lines: the request or status line, headers, the empty line. */
  while (off < r->captured)
    {
      const guint8 *line;
      const guint8 *colon;
      HttpType line_type = type;

      linelen = find_line_end (buf, off, r->captured - off, &next, FALSE);
      line = buf + off;
      if (++lines > HTTP_MAX_LINES)
        {
          ss_reader_mark (r, r->reported, 1);
          break;
        }

      is_rr = classify_line (line, linelen, &line_type, &method_len, &method_skip);
      colon = NULL;
      if (!is_rr && linelen != 0)
        {
          colon = memchr (line, ':', (gsize) linelen);
          if (!colon)
            {
              /* Not a header: the message is over. A partial line at the end of what was
               * captured means the capture was cut (or, on the wire, the message). */
              if (saw && !ss_reader_check (r, off, (guint) linelen + 1))
                {
                  c->aborted = TRUE;
                  return -1;
                }
              break;
            }
        }
      if (is_rr)
        {
          type = line_type;
          if (type != HTTP_RESPONSE)
            c->st.request_method = state_strdup (c, ascii_strndup (pkt->arena, line + method_skip,
                                                                   method_len));
        }

      if (!have_node)
        {
          open_node (c, &l, orig, FALSE);
          have_node = TRUE;
          if (leading_crlf)
            add_leading_crlf (&l, orig - MIN (orig, 2u));
        }
      if (first_loop && !c->is_tls && pkt->ip_proto == 6
          && (pkt->srcport == 443 || pkt->dstport == 443))
        ss_packet_add_expert (pkt, l.top, SS_PROTO_HTTP, HTTP_E_TLS_PORT, NULL);
      first_loop = FALSE;

      if (linelen == 0)
        {
          ss_layer_add_text (&l, NULL, off, next - off, "%s",
                             ss_http_format_text (pkt->arena, line, next - off));
          off = next;
          break;
        }

      saw = TRUE;
      if (is_rr)
        {
          const char *text = ss_http_format_text (pkt->arena, line, next - off);
          SsItem *sub = ss_layer_add_text (&l, NULL, off, next - off, "%s", text);

          ss_packet_add_expert (pkt, sub ? sub : l.top, SS_PROTO_HTTP, HTTP_E_CHAT, "%s", text);
          if (type == HTTP_RESPONSE)
            dissect_response_line (c, &l, sub, &m, off, line, line + linelen);
          else
            dissect_request_line (c, &l, sub, &m, off, line, line + linelen);
        }
      else
        process_header (c, &l, &m, type, off, next, linelen, off + (guint32) (colon - line));
      off = next;
    }

  if (m.host && m.request_uri)
    {
      const char *uri;

      if (g_ascii_strncasecmp (m.request_uri, "http://", 7) == 0
          || g_ascii_strncasecmp (m.request_uri, "https://", 8) == 0
          || (c->st.request_method
              && g_ascii_strncasecmp (c->st.request_method, "CONNECT", 7) == 0))
        uri = m.request_uri;
      else
        {
          char *host = g_strstrip (ss_arena_strdup (pkt->arena, m.host));

          uri = ss_arena_printf (pkt->arena, "%s://%s%s", c->is_tls ? "https" : "http", host,
                                 m.request_uri);
        }
      c->st.full_uri = state_strdup (c, uri);
      ss_item_set_flags (add_string (&l, NULL, HTTP_F_REQUEST_FULL_URI, 0, 0, uri),
                         SS_ITEM_GENERATED);
    }

  curr = link_message (c, type);
  if (have_node)
    add_links (c, &l, type, curr);

  if (type == HTTP_RESPONSE && m.response_code >= 400 && m.response_code < 600)
    {
      const char *desc = ss_value_string_lookup (status_code_vals, m.response_code);

      ss_packet_add_expert (pkt, l.top, SS_PROTO_HTTP,
                            m.response_code < 500 ? HTTP_E_CLIENT_ERROR : HTTP_E_SERVER_ERROR,
                            _("HTTP %u %s"), m.response_code, desc ? desc : "");
    }

  /* tshark's follow tap gets the start line and headers, then the body on its own */
  ss_packet_follow_data (pkt, SS_PROTO_HTTP, buf + orig, MIN (off, r->captured) - orig);
  off += dissect_body (c, &l, have_node, &m, type, off);
  if (c->aborted)
    return -1;

  /* An upgrade (101 with Upgrade, or SSTP's 200): the rest of the connection is another
   * protocol. */
  if (c->st.request_method && type == HTTP_RESPONSE && pkt->desegment_len == 0)
    {
      gboolean acked = FALSE;

      if (strcmp (c->st.request_method, "SSTP_DUPLEX_POST") == 0 && c->st.response_code == 200)
        acked = TRUE;
      if (m.upgrade && c->st.response_code == 101)
        acked = TRUE;
      if (acked)
        {
          c->st.startframe = pkt->number;
          c->st.startoffset = off;
        }
    }

  return (gint) (off - orig);
}

/* http_payload_subdissector: the bytes of an accepted CONNECT go to the protocol of the port
 * the request named. */
static void
dissect_tunnel (HttpCtx *c)
{
  SsPacket *pkt = c->pkt;
  const char *uri = c->st.request_uri;
  const char *colon = strchr (uri, ':');
  SsLayer l;
  guint32 port;
  const SsProtocol *next = NULL;
  gboolean from_server;
  guint16 *server_port, saved_port;

  if (!colon)
    return;
  port = (guint32) strtol (colon + 1, NULL, 10);
  open_node (c, &l, 0, FALSE);
  ss_item_set_flags (ss_layer_add_string (&l, NULL, HTTP_F_PROXY_CONNECT_HOST, 0, 0, uri,
                                          colon - uri), SS_ITEM_GENERATED);
  ss_item_set_flags (ss_layer_add_uint (&l, NULL, HTTP_F_PROXY_CONNECT_PORT, 0, 0,
                                        (guint16) port), SS_ITEM_GENERATED);

  /* tshark looks the ports up again with the server's replaced by the requested one, so that
   * the TCP heuristics see the tunnelled connection too. */
  from_server = pkt->tcp_dir != c->st.client_dir;
  server_port = from_server ? &pkt->srcport : &pkt->dstport;
  saved_port = *server_port;
  *server_port = (guint16) port;
  if (ss_dissectors_for_tcp_port (port) != &ss_proto_http)
    {
      next = ss_dissectors_for_tcp_port (MIN (pkt->srcport, pkt->dstport));
      if (!next)
        next = ss_dissectors_for_tcp_port (MAX (pkt->srcport, pkt->dstport));
    }
  ss_packet_call (pkt, next, c->r, 0);
  *server_port = saved_port;
}

static gboolean
state_equal (const HttpState *a,
             const HttpState *b)
{
  return a->request_method == b->request_method && a->request_uri == b->request_uri
         && a->full_uri == b->full_uri && a->response_code == b->response_code
         && a->startframe == b->startframe && a->startoffset == b->startoffset
         && a->client_dir == b->client_dir;
}

static HttpConv *
lookup_conv (SsPacket *pkt,
             gboolean  create)
{
  struct
  {
    guint8  kind;
    guint8  pad[3];
    guint32 stream;
  } skey = { 't', { 0 }, pkt->tcp_stream };
  guint8 akey[1 + 2 * (16 + 2)];
  const SsAddress *a = &pkt->net_src, *b = &pkt->net_dst;
  guint16 pa = pkt->srcport, pb = pkt->dstport;
  gsize n = 0;

  if (!pkt->session)
    return NULL;
  if (pkt->tcp_stream != G_MAXUINT32)
    return create ? ss_session_conv_data (pkt->session, SS_PROTO_HTTP, &skey, sizeof skey,
                                          sizeof (HttpConv))
                  : ss_session_lookup_conv_data (pkt->session, SS_PROTO_HTTP, &skey,
                                                 sizeof skey);

  /* Not over a TCP stream the analysis numbered: the addresses and ports, either way round. */
  if (memcmp (a->data, b->data, a->len) > 0 || (memcmp (a->data, b->data, a->len) == 0 && pa > pb))
    {
      const SsAddress *t = a;
      guint16 tp = pa;

      a = b;
      b = t;
      pa = pb;
      pb = tp;
    }
  akey[n++] = 'a';
  memcpy (akey + n, a->data, a->len);
  n += a->len;
  akey[n++] = pa >> 8;
  akey[n++] = pa & 0xff;
  memcpy (akey + n, b->data, b->len);
  n += b->len;
  akey[n++] = pb >> 8;
  akey[n++] = pb & 0xff;
  return create ? ss_session_conv_data (pkt->session, SS_PROTO_HTTP, akey, n, sizeof (HttpConv))
                : ss_session_lookup_conv_data (pkt->session, SS_PROTO_HTTP, akey, n);
}

static gboolean
layer_seen (const SsPacket *pkt,
            const char     *abbrev)
{
  gsize n = strlen (abbrev);

  for (const char *p = pkt->protocols; (p = strstr (p, abbrev)); p += n)
    if ((p == pkt->protocols || p[-1] == ':') && (p[n] == ':' || p[n] == '\0'))
      return TRUE;
  return FALSE;
}

static const HttpState no_state;

/* TCP hands over a reassembled message before the rest of the segment that completed it. */
static guint32
call_order (const SsPacket *pkt)
{
  return pkt->cur_source ? 0 : 1;
}

/* The state in effect before the call at (@frame, @order) in the first pass. */
static const HttpState *
state_before (const HttpConv *conv,
              guint32         frame,
              guint32         order)
{
  const HttpState *st = &no_state;

  for (const HttpChanges *ch = conv->changes; ch; ch = ch->next)
    {
      const HttpChange *last = &ch->c[ch->n - 1];

      /* Whole chunks before the call are skipped at once. */
      if (last->frame < frame || (last->frame == frame && last->order < order))
        {
          st = last->state;
          continue;
        }
      for (guint i = 0; i < ch->n; i++)
        {
          const HttpChange *x = &ch->c[i];

          if (x->frame > frame || (x->frame == frame && x->order >= order))
            return st;
          st = x->state;
        }
    }
  return st;
}

/* Sets up a call of the dissector: the connection, and the state the call starts from (the
 * connection's now, or on a later pass the one the first pass started from). */
static void
begin_call (HttpCtx  *c,
            SsPacket *pkt,
            SsReader *r)
{
  memset (c, 0, sizeof *c);
  c->pkt = pkt;
  c->r = r;
  c->conv = lookup_conv (pkt, TRUE);
  if (!c->conv)
    c->st = no_state;
  else if (pkt->visited)
    c->st = *state_before (c->conv, pkt->number, call_order (pkt));
  else
    c->st = c->conv->state ? *c->conv->state : no_state;
}

/* Stores what the call changed in the connection's state (first pass only). */
static void
end_call (HttpCtx *c)
{
  SsPacket *pkt = c->pkt;
  HttpConv *conv = c->conv;
  HttpState *s;
  HttpChanges *ch;

  if (pkt->visited || !conv || !pkt->session
      || state_equal (&c->st, conv->state ? conv->state : &no_state))
    return;
  s = ss_session_alloc (pkt->session, sizeof *s);
  *s = c->st;
  conv->state = s;

  ch = conv->changes_tail;
  if (!ch || ch->n == HTTP_CHANGES_PER_CHUNK)
    {
      ch = ss_session_alloc (pkt->session, sizeof *ch);
      if (conv->changes_tail)
        conv->changes_tail->next = ch;
      else
        conv->changes = ch;
      conv->changes_tail = ch;
    }
  ch->c[ch->n].frame = pkt->number;
  ch->c[ch->n].order = call_order (pkt);
  ch->c[ch->n].state = s;
  ch->n++;
}

static void
dissect_http (SsPacket *pkt,
              SsReader *r)
{
  HttpCtx c;
  gsize plen;
  guint32 off = 0;

  begin_call (&c, pkt, r);
  c.is_tls = layer_seen (pkt, "tls");
  /* As TCP decides: reassembly needs the analysis and the whole segment. */
  c.can_desegment = pkt->tcp_reasm && pkt->tcp_stream != G_MAXUINT32
                    && r->captured == r->reported;

  plen = ss_packet_get_protocols_len (pkt);
  ss_packet_add_protocols_entry (pkt, "http");

  if (c.st.response_code == 200 && c.st.request_method && c.st.request_uri
      && strncmp (c.st.request_method, "CONNECT", 7) == 0 && pkt->number >= c.st.startframe)
    {
      if (c.st.startframe == 0)
        {
          c.st.startframe = pkt->number;
          c.st.startoffset = 0;
          c.st.client_dir = pkt->tcp_dir;
        }
      dissect_tunnel (&c);
      end_call (&c);
      return;
    }

  while (off < r->reported)
    {
      gint len;

      if (c.st.startframe && (pkt->number > c.st.startframe
                              || (pkt->number == c.st.startframe && off >= c.st.startoffset)))
        {
          /* The upgraded protocol: none is known here, so its bytes are data. */
          SsReader rest;

          ss_reader_sub (r, off, -1, &rest);
          ss_packet_call (pkt, NULL, &rest, 0);
          break;
        }
      len = dissect_message (&c, off);
      if (len <= 0)
        break;
      off += (guint32) len;
      ss_packet_fence_info (pkt);
    }

  /* A message that waits for more segments from its first byte: nothing of HTTP is shown. */
  if (pkt->desegment_len && pkt->desegment_offset == 0)
    ss_packet_truncate_protocols (pkt, plen);
  end_call (&c);
}

/* Ports whose tshark 4.0 dissector takes a plain HTTP exchange itself, so the heuristics never
 * see it: measured by running tshark 4.0.17 on an HTTP request and response to each port of its
 * "tcp.port" table (`tshark -G decodes`). SOCKS (1080) is left out: tshark's SOCKS dissector
 * hands the proxied bytes to HTTP, which the heuristic stands in for here. */
static const guint16 claimed_ports[] = {
  7, 13, 19, 20, 21, 22, 23, 25, 37, 42, 43, 49, 53, 70, 79, 88, 102, 110, 111, 119, 123,
  139, 143, 161, 162, 179, 210, 323, 389, 427, 445, 464, 500, 512, 513, 514, 515, 524, 547,
  548, 554, 564, 587, 639, 647, 674, 705, 854, 862, 873, 925, 988, 1090, 1099, 1102, 1153,
  1194, 1213, 1433, 1533, 1547, 1723, 1861, 1863, 1883, 1935, 2099, 2123, 2126, 2152, 2234,
  2240, 2269, 2321, 2322, 2345, 2401, 2404, 2433, 2501, 2502, 2571, 2575, 2600, 2812, 2944,
  2945, 3014, 3016, 3017, 3018, 3019, 3245, 3246, 3247, 3248, 3268, 3288, 3306, 3357, 3369,
  3452, 3478, 3632, 3671, 3724, 3804, 3860, 3863, 3868, 3918, 4002, 4155, 4189, 4223, 4342,
  4420, 4551, 4555, 4556, 4712, 4730, 4739, 4788, 4840, 4880, 5010, 5060, 5084, 5222, 5253,
  5353, 5432, 5445, 5500, 5501, 5534, 5672, 5683, 5701, 5900, 5901, 5997, 6000, 6001, 6002,
  6003, 6004, 6005, 6006, 6007, 6008, 6009, 6010, 6011, 6012, 6013, 6014, 6015, 6016, 6017,
  6018, 6019, 6020, 6021, 6022, 6023, 6024, 6025, 6026, 6027, 6028, 6029, 6030, 6031, 6032,
  6033, 6034, 6035, 6036, 6037, 6038, 6039, 6040, 6041, 6042, 6043, 6044, 6045, 6046, 6047,
  6048, 6049, 6050, 6051, 6052, 6053, 6054, 6055, 6056, 6057, 6058, 6059, 6060, 6061, 6062,
  6063, 6068, 6084, 6121, 6160, 6346, 6379, 6417, 6653, 6667, 6668, 6881, 6882, 6883, 6884,
  6885, 6886, 6887, 6888, 6889, 7000, 7075, 7171, 7172, 7236, 7275, 7276, 7871, 7911, 8009,
  8023, 8074, 8085, 8554, 8567, 9009, 9092, 9300, 9418, 9956, 10288, 11211, 13400, 14001,
  15740, 17500, 17755, 17756, 19006, 19042, 19043, 19506, 19543, 21064, 22222, 24800, 29418,
  34980, 44321, 44322, 44818, 48049, 48898, 57000
};

static gboolean
port_claimed (guint16 port)
{
  gsize lo = 0, hi = G_N_ELEMENTS (claimed_ports);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (claimed_ports[mid] == port)
        return TRUE;
      if (claimed_ports[mid] < port)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* dissect_http_heur_tcp: a first line that starts or ends with "HTTP/1." */
static gboolean
heuristic_matches (SsReader *r)
{
  const guint8 *buf = ss_reader_peek (r, 0, r->captured);
  guint32 next;
  gint linelen;

  if (!buf)
    return FALSE;
  linelen = find_line_end (buf, 0, r->captured, &next, TRUE);
  if (linelen < 0 || linelen == 8)
    return FALSE;
  if (linelen > 8 && g_ascii_strncasecmp ((const char *) buf + linelen - 8, "HTTP/1.", 7) == 0)
    return TRUE;
  return r->captured >= 7 && g_ascii_strncasecmp ((const char *) buf, "HTTP/1.", 7) == 0;
}

/* tshark's "HTTP over TCP" heuristic (enabled by default), for TCP payload no port claims:
 * TRUE when the payload was dissected as HTTP. Once recognised, the rest of the connection is
 * HTTP (tshark sets the conversation's dissector). */
static gboolean
dissect_heuristic (SsPacket *pkt,
                   SsReader *r)
{
  HttpConv *conv;

  if (port_claimed (pkt->srcport) || port_claimed (pkt->dstport))
    return FALSE;
  conv = lookup_conv (pkt, FALSE);
  if (!(conv && conv->heur_frame && pkt->number >= conv->heur_frame))
    {
      if (!heuristic_matches (r))
        return FALSE;
      conv = lookup_conv (pkt, TRUE);
      if (conv && !pkt->visited && (!conv->heur_frame || pkt->number < conv->heur_frame))
        conv->heur_frame = pkt->number;
    }
  dissect_http (pkt, r);
  return TRUE;
}

/* TCP payload no port claims: ss_dissectors_for_tcp_port gives this for any port it does not
 * know. As tshark 4.0: the other port's dissector, then the heuristic dissectors tshark enables by
 * default that exist here (HTTP's and TLS's, which never take the same bytes), then data. */
static void
dissect_tcp_heuristics (SsPacket *pkt,
                        SsReader *r)
{
  const SsProtocol *lo = ss_dissectors_for_tcp_port (MIN (pkt->srcport, pkt->dstport));
  const SsProtocol *hi = ss_dissectors_for_tcp_port (MAX (pkt->srcport, pkt->dstport));

  /* Only the registered descriptors are port dissectors; the others are chains like this. */
  if (lo && lo == ss_dissectors_get (lo->id))
    ss_packet_call (pkt, lo, r, 0);
  else if (hi && hi == ss_dissectors_get (hi->id))
    ss_packet_call (pkt, hi, r, 0);
  else if (!dissect_heuristic (pkt, r) && !ss_tls_dissect_heuristic (pkt, r))
    ss_packet_call (pkt, NULL, r, 0);
}

const SsProtocol ss_proto_tcp_heuristics = {
  .id = SS_PROTO_DATA,
  .application = TRUE,
  .abbrev = "data",
  .short_name = "DATA",
  .name = N_("Data"),
  .dissect = dissect_tcp_heuristics,
};

/* dissect_ssdp: SSDP (UPnP Device Architecture 1.1 §1) is HTTP over UDP, one message per
 * datagram, with HTTP's fields under a node of its own. */
static void
dissect_ssdp (SsPacket *pkt,
              SsReader *r)
{
  HttpCtx c;

  begin_call (&c, pkt, r);
  c.ssdp = TRUE;
  ss_packet_add_protocols_entry (pkt, "ssdp");
  dissect_message (&c, 0);
  end_call (&c);
}

/* What ss_dissectors_for_udp_port gives for port 1900, as tshark 4.0 does. */
const SsProtocol ss_proto_ssdp = {
  .id = SS_PROTO_HTTP,
  .application = TRUE,
  .abbrev = "ssdp",
  .short_name = "SSDP",
  .name = N_("Simple Service Discovery Protocol"),
  .dissect = dissect_ssdp,
};

const SsProtocol ss_proto_http = {
  .id = SS_PROTO_HTTP,
  .application = TRUE,
  .abbrev = "http",
  .short_name = "HTTP",
  .name = N_("Hypertext Transfer Protocol"),
  .fields = http_fields,
  .n_fields = HTTP_F_COUNT,
  .experts = http_experts,
  .n_experts = HTTP_E_COUNT,
  .dissect = dissect_http,
};
