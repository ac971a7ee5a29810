/* Tests for ss-dissect-http.c, ss-dissect-json.c and ss-dissect-text-lines.c
 *
 * The messages below are written by hand (RFC 9112 syntax); every expected value is read off
 * their bytes. The same exchanges, built as pcaps, give these values with tshark 4.0.
 */
#include "config.h"

#include <string.h>

#include <zlib.h>

#include "ss-format.h"
#include "ss-tcp-conv.h"
#include "ss-test-util.h"

#define CLIENT_PORT 40000

static const char request[] =
  "GET /api/items?id=7&sort=asc HTTP/1.1\r\n"
  "Host: app.example.test\r\n"
  "User-Agent: curl/8.0\r\n"
  "Accept: */*\r\n"
  "Cookie: a=1; b=2\r\n"
  "\r\n";

static const char response[] =
  "HTTP/1.1 200 OK\r\n"
  "Server: nginx\r\n"
  "Content-Type: application/json\r\n"
  "Content-Length: 31\r\n"
  "\r\n"
  "{\"items\":[{\"id\":7,\"ok\":true}]}\n";

/* A TCP connection to @port built segment by segment, and its dissection frame by frame with the
 * TCP analysis, as the CLI and the GUI run it. */
typedef struct
{
  GPtrArray  *frames;
  guint16     port;
  guint32     seq[2];
  SsRegistry *reg;
  SsCapfile  *cap;
  SsEngine   *engine;
  SsTcpConv  *tcp;
} Conn;

static void
conn_init (Conn    *c,
           guint16  port)
{
  memset (c, 0, sizeof *c);
  c->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  c->port = port;
  c->seq[0] = 1000;
  c->seq[1] = 5000;
}

/* A segment from the client (@from_server FALSE) or the server. */
static void
conn_add (Conn       *c,
          gboolean    from_server,
          const void *data,
          gsize       len)
{
  guint32 *seq = &c->seq[from_server], ack = c->seq[!from_server];

  g_ptr_array_add (c->frames, ss_test_tcp_frame (from_server,
                                                 from_server ? c->port : CLIENT_PORT,
                                                 from_server ? CLIENT_PORT : c->port,
                                                 *seq, ack, data, (guint32) len));
  *seq += (guint32) len;
}

static void
conn_add_str (Conn       *c,
              gboolean    from_server,
              const char *s)
{
  conn_add (c, from_server, s, strlen (s));
}

/* Frames are 1 ms apart. */
static void
conn_open (Conn     *c,
           gboolean  single_pass)
{
  g_autoptr(GBytes) pcap = ss_test_pcap_frames_bytes (1, c->frames, 1000);
  g_autoptr(GError) error = NULL;

  c->reg = ss_registry_new ();
  c->cap = ss_capfile_open_bytes (pcap, &error);
  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (c->cap, 0, &error));
  g_assert_no_error (error);
  c->engine = ss_engine_new (c->reg, c->cap);
  c->tcp = ss_tcp_conv_new ();
  ss_tcp_conv_set_remember_frames (c->tcp, !single_pass);
  ss_engine_set_single_pass (c->engine, single_pass);
  ss_engine_set_tcp_analyzer (c->engine, ss_tcp_conv_analyze, c->tcp);
  ss_engine_set_full_tree (c->engine, TRUE);
  ss_engine_set_want_columns (c->engine, TRUE);
}

static void
conn_clear (Conn *c)
{
  g_clear_pointer (&c->engine, ss_engine_free);
  g_clear_pointer (&c->tcp, ss_tcp_conv_free);
  g_clear_pointer (&c->cap, ss_capfile_free);
  g_clear_pointer (&c->reg, ss_registry_free);
  g_clear_pointer (&c->frames, g_ptr_array_unref);
}

/* Frame @number (1-based). */
static SsPacket *
conn_dissect (Conn  *c,
              guint  number)
{
  return ss_engine_dissect (c->engine, number - 1);
}

/* The -T fields text of every occurrence of @abbrev in @pkt, joined with ",", or NULL. */
static char *
field (Conn       *c,
       SsPacket   *pkt,
       const char *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (c->reg, abbrev);
  GString *s = NULL;

  g_assert_cmpuint (id, !=, SS_FIELD_ID_NONE);
  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    {
      if (it->id != id)
        continue;
      if (s)
        g_string_append_c (s, ',');
      else
        s = g_string_new (NULL);
      ss_format_field_value (it, s);
    }
  return s ? g_string_free (s, FALSE) : NULL;
}

#define assert_field(c, pkt, abbrev, expected) G_STMT_START { \
    g_autofree char *__v = field ((c), (pkt), (abbrev)); \
    g_assert_cmpstr (__v, ==, (expected)); \
  } G_STMT_END

static guint
count (Conn       *c,
       SsPacket   *pkt,
       const char *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (c->reg, abbrev);
  guint n = 0;

  g_assert_cmpuint (id, !=, SS_FIELD_ID_NONE);
  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    n += it->id == id;
  return n;
}

static void
test_request_response (void)
{
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 80);
  conn_add_str (&c, FALSE, request);
  conn_add_str (&c, TRUE, response);
  conn_open (&c, TRUE);

  pkt = conn_dissect (&c, 1);
  g_assert_cmpstr (pkt->col_protocol, ==, "HTTP");
  g_assert_cmpstr (ss_packet_get_info (pkt), ==, "GET /api/items?id=7&sort=asc HTTP/1.1 ");
  assert_field (&c, pkt, "frame.protocols", "eth:ethertype:ip:tcp:http");
  assert_field (&c, pkt, "http", "http");
  assert_field (&c, pkt, "http.request", "1");
  assert_field (&c, pkt, "http.chat", "1");
  assert_field (&c, pkt, "http.request.method", "GET");
  assert_field (&c, pkt, "http.request.uri", "/api/items?id=7&sort=asc");
  assert_field (&c, pkt, "http.request.uri.path", "/api/items");
  assert_field (&c, pkt, "http.request.uri.query", "id=7&sort=asc");
  assert_field (&c, pkt, "http.request.uri.query.parameter", "id=7,sort=asc");
  assert_field (&c, pkt, "http.request.version", "HTTP/1.1");
  assert_field (&c, pkt, "http.host", "app.example.test");
  assert_field (&c, pkt, "http.user_agent", "curl/8.0");
  assert_field (&c, pkt, "http.accept", "*/*");
  assert_field (&c, pkt, "http.cookie", "a=1; b=2");
  assert_field (&c, pkt, "http.cookie_pair", "a=1,b=2");
  assert_field (&c, pkt, "http.request.line",
                "Host: app.example.test\\r\\n,User-Agent: curl/8.0\\r\\n,Accept: */*\\r\\n,"
                "Cookie: a=1; b=2\\r\\n");
  assert_field (&c, pkt, "http.request.full_uri",
                "http://app.example.test/api/items?id=7&sort=asc");
  assert_field (&c, pkt, "http.request_number", "1");
  /* One pass: the response is not known yet. */
  assert_field (&c, pkt, "http.response_in", NULL);
  assert_field (&c, pkt, "_ws.expert.message", "GET /api/items?id=7&sort=asc HTTP/1.1\\r\\n");

  pkt = conn_dissect (&c, 2);
  g_assert_cmpstr (pkt->col_protocol, ==, "HTTP/JSON");
  g_assert_cmpstr (ss_packet_get_info (pkt), ==,
                   "HTTP/1.1 200 OK , JavaScript Object Notation (application/json)");
  assert_field (&c, pkt, "frame.protocols", "eth:ethertype:ip:tcp:http:json");
  assert_field (&c, pkt, "http.response", "1");
  assert_field (&c, pkt, "http.response.version", "HTTP/1.1");
  assert_field (&c, pkt, "http.response.code", "200");
  assert_field (&c, pkt, "http.response.code.desc", "OK");
  assert_field (&c, pkt, "http.response.phrase", "OK");
  assert_field (&c, pkt, "http.server", "nginx");
  assert_field (&c, pkt, "http.content_type", "application/json");
  assert_field (&c, pkt, "http.content_length_header", "31");
  assert_field (&c, pkt, "http.content_length", "31");
  assert_field (&c, pkt, "http.response_number", "1");
  assert_field (&c, pkt, "http.request_in", "1");
  assert_field (&c, pkt, "http.time", "0.001000000");
  assert_field (&c, pkt, "http.response_for.uri",
                "http://app.example.test/api/items?id=7&sort=asc");
  assert_field (&c, pkt, "http.file_data", "{\"items\":[{\"id\":7,\"ok\":true}]}\\n");
  assert_field (&c, pkt, "json", "JavaScript Object Notation: application/json");
  assert_field (&c, pkt, "json.object", "1,1");
  assert_field (&c, pkt, "json.array", "1");
  assert_field (&c, pkt, "json.member", "items,id,ok");
  assert_field (&c, pkt, "json.key", "id,ok,items");
  assert_field (&c, pkt, "json.path", "/items/[]/id,/items/[]/ok,/items");
  assert_field (&c, pkt, "json.path_with_value", "/items/[]/id:7,/items/[]/ok:true");
  assert_field (&c, pkt, "json.member_with_value", "id:7,ok:true");
  assert_field (&c, pkt, "json.value.number", "7");
  assert_field (&c, pkt, "json.value.true", "1");
  conn_clear (&c);
}

/* The request in one frame, cut by the snapshot length at every byte: never malformed. */
static void
test_every_cut (void)
{
  const char *msgs[] = { request, response };

  for (guint m = 0; m < G_N_ELEMENTS (msgs); m++)
    {
      g_autoptr(GBytes) frame = ss_test_tcp_frame (m == 1, m ? 80 : CLIENT_PORT,
                                                   m ? CLIENT_PORT : 80, 1, 1,
                                                   (const guint8 *) msgs[m], strlen (msgs[m]));
      gsize len;
      const guint8 *data = g_bytes_get_data (frame, &len);

      for (guint32 cut = 0; cut <= len; cut++)
        {
          SsTestDissection t;

          ss_test_dissect (&t, 1, data, cut, (guint32) len);
          g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
          if (cut == len)
            g_assert_cmpuint (ss_test_count_field (&t, "_ws.short"), ==, 0);
          ss_test_dissection_clear (&t);
        }
    }
}

/* Headers over three segments, the body over two: the message is dissected whole in the frame
 * that completes it. */
static void
test_reassembly (void)
{
  gsize n = strlen (response);
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 80);
  conn_add_str (&c, FALSE, request);
  conn_add (&c, TRUE, response, 10);                      /* "HTTP/1.1 2" */
  conn_add (&c, TRUE, response + 10, 30);                 /* the status line ends here */
  conn_add (&c, TRUE, response + 40, 60);                 /* the headers end in the body */
  conn_add (&c, TRUE, response + 100, n - 100);
  conn_open (&c, TRUE);

  conn_dissect (&c, 1);
  pkt = conn_dissect (&c, 2);
  g_assert_cmpstr (pkt->col_protocol, ==, "TCP");
  g_assert_nonnull (strstr (ss_packet_get_info (pkt), "[TCP segment of a reassembled PDU]"));
  assert_field (&c, pkt, "frame.protocols", "eth:ethertype:ip:tcp");
  pkt = conn_dissect (&c, 3);
  /* The status line is whole: tshark shows it before the segment note. */
  g_assert_cmpstr (ss_packet_get_info (pkt), ==, "HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]");
  assert_field (&c, pkt, "http.response.code", NULL);
  pkt = conn_dissect (&c, 4);
  assert_field (&c, pkt, "http.response.code", NULL);
  pkt = conn_dissect (&c, 5);
  assert_field (&c, pkt, "tcp.reassembled.length", "117");
  assert_field (&c, pkt, "http.response.code", "200");
  assert_field (&c, pkt, "http.request_in", "1");
  assert_field (&c, pkt, "http.time", "0.004000000");
  assert_field (&c, pkt, "http.content_length", "31");
  assert_field (&c, pkt, "json.member_with_value", "id:7,ok:true");
  conn_clear (&c);
}

/* Chunks over two segments, with a trailer: de-chunked into the body the text dissector shows. */
static void
test_chunked (void)
{
  static const char head[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/plain\r\n"
    "Transfer-Encoding: chunked\r\n"
    "\r\n"
    "5\r\nhello\r\n";
  static const char tail[] = "6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n";
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 8080);
  conn_add_str (&c, FALSE, "GET /c HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add_str (&c, TRUE, head);
  conn_add_str (&c, TRUE, tail);
  conn_open (&c, TRUE);

  conn_dissect (&c, 1);
  pkt = conn_dissect (&c, 2);
  assert_field (&c, pkt, "http.response", NULL);
  pkt = conn_dissect (&c, 3);
  g_assert_cmpstr (ss_packet_get_info (pkt), ==, "HTTP/1.1 200 OK  (text/plain)");
  assert_field (&c, pkt, "frame.protocols", "eth:ethertype:ip:tcp:http:data-text-lines");
  assert_field (&c, pkt, "http.transfer_encoding", "chunked");
  assert_field (&c, pkt, "http.chunk_size", "5,6,0");
  assert_field (&c, pkt, "http.chunk_data", "68656c6c6f,20776f726c64");
  assert_field (&c, pkt, "http.chunk_boundary", "0d0a,0d0a");
  assert_field (&c, pkt, "http.chunked_trailer_part", "X-Trailer: 1\\r\\n");
  assert_field (&c, pkt, "http.file_data", "hello world");
  assert_field (&c, pkt, "data-text-lines", "Line-based text data: text/plain (1 lines)");
  assert_field (&c, pkt, "http.request_in", "1");
  conn_clear (&c);
}

/* Two requests in one segment; two responses in one segment, the second to HEAD without a body.
 * As tshark, a response takes the connection's last request record unless answered. */
static void
test_pipelined (void)
{
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 80);
  conn_add_str (&c, FALSE, "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nHEAD /2 HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
                          "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
  conn_add_str (&c, FALSE, "GET /3 HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 304 Not Modified\r\nContent-Length: 4\r\n\r\n");
  conn_open (&c, FALSE);

  pkt = conn_dissect (&c, 1);
  g_assert_cmpstr (ss_packet_get_info (pkt), ==, "GET /1 HTTP/1.1 HEAD /2 HTTP/1.1 ");
  assert_field (&c, pkt, "http.request.method", "GET,HEAD");
  assert_field (&c, pkt, "http.request_number", "1,2");
  assert_field (&c, pkt, "http.prev_request_in", "1");
  assert_field (&c, pkt, "http.request.full_uri", "http://h/1,http://h/2");
  pkt = conn_dissect (&c, 2);
  assert_field (&c, pkt, "http.response.code", "200,200");
  assert_field (&c, pkt, "http.response_number", "2,3");
  assert_field (&c, pkt, "http.request_in", "1");
  assert_field (&c, pkt, "http.prev_response_in", "2");
  assert_field (&c, pkt, "http.file_data", "abc");
  assert_field (&c, pkt, "http.response_for.uri", "http://h/2,http://h/2");
  pkt = conn_dissect (&c, 3);
  assert_field (&c, pkt, "http.request_number", "4");
  pkt = conn_dissect (&c, 4);
  /* 304: no body whatever the length says, so nothing is waited for. */
  assert_field (&c, pkt, "http.response.code", "304");
  assert_field (&c, pkt, "http.request_in", "3");
  assert_field (&c, pkt, "http.file_data", NULL);

  /* A later pass (the GUI): requests now know their response, the rest is unchanged. */
  pkt = conn_dissect (&c, 3);
  assert_field (&c, pkt, "http.response_in", "4");
  assert_field (&c, pkt, "http.request_number", "4");
  pkt = conn_dissect (&c, 4);
  assert_field (&c, pkt, "http.request_in", "3");
  assert_field (&c, pkt, "http.time", "0.001000000");
  assert_field (&c, pkt, "http.response_for.uri", "http://h/3");
  pkt = conn_dissect (&c, 1);
  /* tshark's second pass: every message of the frame shows the frame's last record. */
  assert_field (&c, pkt, "http.request_number", "2,2");
  assert_field (&c, pkt, "http.response_in", "2,2");
  conn_clear (&c);
}

/* Content-Encoding: gzip is undone before the body is shown. */
static void
test_gzip (void)
{
  static const char text[] = "compressed body\n";
  guint8 gz[256];
  z_stream z = { 0 };
  g_autoptr(GString) msg = g_string_new (NULL);
  Conn c;
  SsPacket *pkt;

  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  z.next_in = (Bytef *) text;
  z.avail_in = sizeof text - 1;
  z.next_out = gz;
  z.avail_out = sizeof gz;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  deflateEnd (&z);

  g_string_printf (msg, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
                        "Content-Length: %lu\r\n\r\n", (gulong) z.total_out);
  g_string_append_len (msg, (const char *) gz, (gssize) z.total_out);
  conn_init (&c, 80);
  conn_add_str (&c, FALSE, "GET /z HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add (&c, TRUE, msg->str, msg->len);
  conn_open (&c, TRUE);
  conn_dissect (&c, 1);
  pkt = conn_dissect (&c, 2);
  assert_field (&c, pkt, "http.content_encoding", "gzip");
  assert_field (&c, pkt, "http.file_data", "compressed body\\n");
  assert_field (&c, pkt, "frame.protocols", "eth:ethertype:ip:tcp:http:data-text-lines");
  conn_clear (&c);
}

/* 4xx and 5xx responses feed Expert Information (beyond tshark). */
static void
test_error_responses (void)
{
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 80);
  conn_add_str (&c, FALSE, "GET /m HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 503 Service Temporarily Unavailable\r\n"
                          "Content-Length: 0\r\n\r\n");
  conn_add_str (&c, FALSE, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
  conn_open (&c, TRUE);
  conn_dissect (&c, 1);
  pkt = conn_dissect (&c, 2);
  assert_field (&c, pkt, "http.response.code.desc", "Service Unavailable");
  assert_field (&c, pkt, "http.response.phrase", "Service Temporarily Unavailable");
  g_assert_cmpuint (count (&c, pkt, "http.response.code.server_error"), ==, 1);
  assert_field (&c, pkt, "_ws.expert.message",
                "HTTP/1.1 503 Service Temporarily Unavailable\\r\\n,HTTP 503 Service Unavailable");
  conn_dissect (&c, 3);
  pkt = conn_dissect (&c, 4);
  g_assert_cmpuint (count (&c, pkt, "http.response.code.client_error"), ==, 1);
  g_assert_cmpuint (count (&c, pkt, "http.response.code.server_error"), ==, 0);
  conn_clear (&c);
}

/* CONNECT accepted: what follows is the tunnelled protocol's (TLS for port 443). */
static void
test_connect_tunnel (void)
{
  static const guint8 hello[] = { 0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00 };
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 3128);
  conn_add_str (&c, FALSE, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 200 Connection established\r\n\r\n");
  conn_add (&c, FALSE, hello, sizeof hello);
  conn_open (&c, TRUE);
  pkt = conn_dissect (&c, 1);
  assert_field (&c, pkt, "http.request.method", "CONNECT");
  assert_field (&c, pkt, "http.request.full_uri", "example.com:443");
  pkt = conn_dissect (&c, 2);
  assert_field (&c, pkt, "http.response.code", "200");
  pkt = conn_dissect (&c, 3);
  assert_field (&c, pkt, "http.proxy_connect_host", "example.com");
  assert_field (&c, pkt, "http.proxy_connect_port", "443");
  assert_field (&c, pkt, "http.request.method", NULL);
  conn_clear (&c);
}

/* Lengths that lie: never a crash, never an allocation of what they claim. */
static void
test_lying_lengths (void)
{
  static const char *const cases[] = {
    /* more body announced than there will ever be (beyond the reassembly cap too) */
    "HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\nshort",
    "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nbody",
    "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nbody",
    /* chunk sizes that overflow or point far beyond the data */
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nabc\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7ffffff0\r\nabc\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\nabc\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n\r\n",
    /* headers that never end */
    "HTTP/1.1 200 OK\r\nServer: x\r\nno colon",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Conn c;

      g_test_message ("case %u", i);
      conn_init (&c, 80);
      conn_add_str (&c, FALSE, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
      conn_add_str (&c, TRUE, cases[i]);
      conn_add_str (&c, TRUE, "more");
      conn_open (&c, TRUE);
      for (guint f = 1; f <= c.frames->len; f++)
        conn_dissect (&c, f);
      conn_clear (&c);
    }
}

/* Without reassembly (one frame, no TCP analysis) the same lies are dissected at once. */
static void
test_lying_lengths_one_frame (void)
{
  SsTestDissection t;
  g_autoptr(GBytes) f1 = NULL, f2 = NULL, f3 = NULL, f4 = NULL;
  static const char cl_long[] = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhello";
  static const char cl_bad[] = "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nx";
  static const char chunk_huge[] =
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffff\r\nabc\r\n";
  static const char no_end[] = "GET / HTTP/1.1\r\nHost: x\r\nfoo";
  gsize n;
  const guint8 *d;

  /* The body is what is there, up to the length. */
  f1 = ss_test_tcp_frame (TRUE, 80, CLIENT_PORT, 1, 1, (const guint8 *) cl_long,
                          sizeof cl_long - 1);
  d = g_bytes_get_data (f1, &n);
  ss_test_dissect (&t, 1, d, (guint32) n, (guint32) n);
  ss_test_assert_field (&t, "http.content_length", "1000");
  ss_test_assert_field (&t, "http.file_data", "hello");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
  ss_test_dissection_clear (&t);

  /* A length that overflows is no length at all. */
  f2 = ss_test_tcp_frame (TRUE, 80, CLIENT_PORT, 1, 1, (const guint8 *) cl_bad,
                          sizeof cl_bad - 1);
  d = g_bytes_get_data (f2, &n);
  ss_test_dissect (&t, 1, d, (guint32) n, (guint32) n);
  ss_test_assert_field (&t, "http.content_length_header", "99999999999999999999");
  g_assert_null (ss_test_dup_field (&t, "http.content_length"));
  ss_test_assert_field (&t, "http.file_data", "x");
  ss_test_dissection_clear (&t);

  /* A chunk larger than the body: the packet is malformed, as in tshark. */
  f3 = ss_test_tcp_frame (TRUE, 80, CLIENT_PORT, 1, 1, (const guint8 *) chunk_huge,
                          sizeof chunk_huge - 1);
  d = g_bytes_get_data (f3, &n);
  ss_test_dissect (&t, 1, d, (guint32) n, (guint32) n);
  ss_test_assert_field (&t, "http.response.code", "200");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 1);
  ss_test_dissection_clear (&t);

  /* A header block cut in the middle of a line without a colon. */
  f4 = ss_test_tcp_frame (FALSE, CLIENT_PORT, 80, 1, 1, (const guint8 *) no_end,
                          sizeof no_end - 1);
  d = g_bytes_get_data (f4, &n);
  ss_test_dissect (&t, 1, d, (guint32) n, (guint32) n);
  ss_test_assert_field (&t, "http.host", "x");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 1);
  ss_test_dissection_clear (&t);
}

/* Bad header names, a leading CRLF, Content-Length with Transfer-Encoding: the expert items. */
static void
test_expert_items (void)
{
  Conn c;
  SsPacket *pkt;

  conn_init (&c, 80);
  conn_add_str (&c, FALSE, "GET /e HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n"
                          "\r\n2\r\nhi\r\n0\r\n\r\n");
  conn_add_str (&c, FALSE, "\r\nGET /f HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_open (&c, TRUE);
  pkt = conn_dissect (&c, 1);
  g_assert_cmpuint (count (&c, pkt, "http.bad_header_name"), ==, 1);
  assert_field (&c, pkt, "http.request.line", "Host: h\\r\\n,Bad Name: x\\r\\n");
  pkt = conn_dissect (&c, 2);
  g_assert_cmpuint (count (&c, pkt, "http.te_and_length"), ==, 1);
  assert_field (&c, pkt, "http.chunk_size", "2,0");
  assert_field (&c, pkt, "http.file_data", "hi");
  pkt = conn_dissect (&c, 3);
  g_assert_cmpuint (count (&c, pkt, "http.leading_crlf"), ==, 1);
  assert_field (&c, pkt, "http.request.uri", "/f");
  conn_clear (&c);
}

/* HTTP on a port no dissector has: found by tshark's HTTP-over-TCP heuristic. */
static void
test_heuristic (void)
{
  Conn c;
  SsPacket *pkt;
  g_autofree char *protocols = NULL;

  conn_init (&c, 8000);
  conn_add_str (&c, FALSE, "GET /h HTTP/1.1\r\nHost: h\r\n\r\n");
  conn_add_str (&c, TRUE, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  conn_open (&c, TRUE);
  pkt = conn_dissect (&c, 1);
  protocols = field (&c, pkt, "frame.protocols");
  if (!strstr (protocols, "http"))
    {
      /* ss_dissectors_for_tcp_port does not lead unknown ports to the TCP heuristics. */
      g_test_skip ("no HTTP heuristic for TCP payload no port claims");
      conn_clear (&c);
      return;
    }
  assert_field (&c, pkt, "http.request.uri", "/h");
  pkt = conn_dissect (&c, 2);
  assert_field (&c, pkt, "http.request_in", "1");
  conn_clear (&c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/dissect/http/request-response", test_request_response);
  g_test_add_func ("/core/dissect/http/every-cut", test_every_cut);
  g_test_add_func ("/core/dissect/http/reassembly", test_reassembly);
  g_test_add_func ("/core/dissect/http/chunked", test_chunked);
  g_test_add_func ("/core/dissect/http/pipelined-and-revisited", test_pipelined);
  g_test_add_func ("/core/dissect/http/gzip", test_gzip);
  g_test_add_func ("/core/dissect/http/error-responses", test_error_responses);
  g_test_add_func ("/core/dissect/http/connect-tunnel", test_connect_tunnel);
  g_test_add_func ("/core/dissect/http/lying-lengths", test_lying_lengths);
  g_test_add_func ("/core/dissect/http/lying-lengths-one-frame", test_lying_lengths_one_frame);
  g_test_add_func ("/core/dissect/http/expert-items", test_expert_items);
  g_test_add_func ("/core/dissect/http/heuristic", test_heuristic);
  return g_test_run ();
}
