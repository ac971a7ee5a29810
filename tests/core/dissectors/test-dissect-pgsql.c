/* Tests for ss-dissect-pgsql.c: PostgreSQL protocol 3.0 messages written byte by byte from the
 * message formats of the PostgreSQL documentation (§55.7), so expected values come from the
 * bytes, not from our own output. */
#include "config.h"

#include <string.h>

#include "ss-test-util.h"

#define CLIENT_PORT 40000
#define PG_PORT 5432

/* StartupMessage: length 34, protocol 3.0, user=alice, database=shop, terminator. */
static const guint8 msg_startup[] = {
  0x00, 0x00, 0x00, 0x22, 0x00, 0x03, 0x00, 0x00,
  'u', 's', 'e', 'r', 0, 'a', 'l', 'i', 'c', 'e', 0,
  'd', 'a', 't', 'a', 'b', 'a', 's', 'e', 0, 's', 'h', 'o', 'p', 0,
  0,
};

/* Query "SELECT 1" (length 4 + 9 = 13). */
static const guint8 msg_query[] = {
  'Q', 0x00, 0x00, 0x00, 0x0d, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0,
};

/* Backend answer to a query, in one segment. */
static const guint8 msg_backend[] = {
  /* AuthenticationMD5Password, salt 01 02 03 04 */
  'R', 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x05, 0x01, 0x02, 0x03, 0x04,
  /* ParameterStatus server_version=15 */
  'S', 0x00, 0x00, 0x00, 0x16, 's', 'e', 'r', 'v', 'e', 'r', '_', 'v', 'e', 'r', 's', 'i', 'o',
  'n', 0, '1', '5', 0,
  /* BackendKeyData pid 4660 (0x1234) key 0xdeadbeef */
  'K', 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x12, 0x34, 0xde, 0xad, 0xbe, 0xef,
  /* RowDescription, 1 field "id": table 16384, column 1, type 23, size 4, typmod -1, text */
  'T', 0x00, 0x00, 0x00, 0x1b, 0x00, 0x01, 'i', 'd', 0,
  0x00, 0x00, 0x40, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x17, 0x00, 0x04,
  0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
  /* DataRow, 2 columns: "42" and NULL */
  'D', 0x00, 0x00, 0x00, 0x10, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, '4', '2',
  0xff, 0xff, 0xff, 0xff,
  /* CommandComplete "SELECT 1" */
  'C', 0x00, 0x00, 0x00, 0x0d, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0,
  /* ErrorResponse S=ERROR V=ERROR C=40P01 M=deadlock detected */
  'E', 0x00, 0x00, 0x00, 0x2d,
  'S', 'E', 'R', 'R', 'O', 'R', 0, 'V', 'E', 'R', 'R', 'O', 'R', 0, 'C', '4', '0', 'P', '0', '1',
  0, 'M', 'd', 'e', 'a', 'd', 'l', 'o', 'c', 'k', ' ', 'd', 'e', 't', 'e', 'c', 't', 'e', 'd', 0,
  0,
  /* ReadyForQuery, in a failed transaction */
  'Z', 0x00, 0x00, 0x00, 0x05, 'E',
};

/* Parse "s1" "SELECT $1" with one int4 parameter, Bind "" "s1" (one text value "7", result
 * binary), Describe portal "", Execute "" 5 rows, Close statement "s1", Sync. */
static const guint8 msg_extended[] = {
  'P', 0x00, 0x00, 0x00, 0x17, 's', '1', 0, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '$', '1', 0,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x17,
  'B', 0x00, 0x00, 0x00, 0x17, 0, 's', '1', 0, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, '7', 0x00, 0x01, 0x00, 0x01,
  'D', 0x00, 0x00, 0x00, 0x06, 'P', 0,
  'E', 0x00, 0x00, 0x00, 0x09, 0, 0x00, 0x00, 0x00, 0x05,
  'C', 0x00, 0x00, 0x00, 0x08, 'S', 's', '1', 0,
  'S', 0x00, 0x00, 0x00, 0x04,
};

/* ErrorResponse FATAL 57014 "canceling statement due to statement timeout". */
static const guint8 msg_timeout[] = {
  'E', 0x00, 0x00, 0x00, 0x41,
  'S', 'F', 'A', 'T', 'A', 'L', 0, 'C', '5', '7', '0', '1', '4', 0,
  'M', 'c', 'a', 'n', 'c', 'e', 'l', 'i', 'n', 'g', ' ', 's', 't', 'a', 't', 'e', 'm', 'e', 'n',
  't', ' ', 'd', 'u', 'e', ' ', 't', 'o', ' ', 's', 't', 'a', 't', 'e', 'm', 'e', 'n', 't', ' ',
  't', 'i', 'm', 'e', 'o', 'u', 't', 0,
  0,
};

static GBytes *
frame (gboolean      from_server,
       guint32       seq,
       const guint8 *payload,
       gsize         len)
{
  return ss_test_tcp_frame (from_server, from_server ? PG_PORT : CLIENT_PORT,
                            from_server ? CLIENT_PORT : PG_PORT, seq, 1, payload, (guint32) len);
}

static void
dissect_payload (SsTestDissection *t,
                 gboolean          from_server,
                 const guint8     *payload,
                 gsize             len)
{
  g_autoptr(GBytes) f = frame (from_server, 1, payload, len);
  gsize n;
  const guint8 *d = g_bytes_get_data (f, &n);

  ss_test_dissect (t, 1, d, (guint32) n, (guint32) n);
}

static void
test_startup (void)
{
  SsTestDissection t;

  dissect_payload (&t, FALSE, msg_startup, sizeof msg_startup);
  ss_test_assert_field (&t, "pgsql.type", "Startup message");
  ss_test_assert_field (&t, "pgsql.length", "34");
  ss_test_assert_field (&t, "pgsql.frontend", "1");
  ss_test_assert_field (&t, "pgsql.version_major", "3");
  ss_test_assert_field (&t, "pgsql.version_minor", "0");
  ss_test_assert_field (&t, "pgsql.parameter_name", "user,database");
  ss_test_assert_field (&t, "pgsql.parameter_value", "alice,shop");
  g_assert_cmpstr (t.pkt->col_protocol, ==, "PGSQL");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, ">");
  g_assert_cmpstr (t.pkt->protocols, ==, "eth:ethertype:ip:tcp:pgsql");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
  ss_test_dissection_clear (&t);
}

static void
test_query (void)
{
  SsTestDissection t;

  dissect_payload (&t, FALSE, msg_query, sizeof msg_query);
  ss_test_assert_field (&t, "pgsql.type", "Simple query");
  ss_test_assert_field (&t, "pgsql.length", "13");
  ss_test_assert_field (&t, "pgsql.query", "SELECT 1");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, ">Q");
  ss_test_dissection_clear (&t);
}

static void
test_backend (void)
{
  SsTestDissection t;

  dissect_payload (&t, TRUE, msg_backend, sizeof msg_backend);
  ss_test_assert_field (&t, "pgsql.type", "Authentication request,Parameter status,"
                        "Backend key data,Row description,Data row,Command completion,Error,"
                        "Ready for query");
  ss_test_assert_field (&t, "pgsql.length", "12,22,12,27,16,13,45,5");
  ss_test_assert_field (&t, "pgsql.frontend", "0,0,0,0,0,0,0,0");
  ss_test_assert_field (&t, "pgsql.authtype", "5");
  ss_test_assert_field (&t, "pgsql.salt", "01020304");
  ss_test_assert_field (&t, "pgsql.parameter_name", "server_version");
  ss_test_assert_field (&t, "pgsql.parameter_value", "15");
  ss_test_assert_field (&t, "pgsql.pid", "4660");
  ss_test_assert_field (&t, "pgsql.key", "3735928559");
  ss_test_assert_field (&t, "pgsql.field.count", "1,2");
  ss_test_assert_field (&t, "pgsql.col.name", "id");
  ss_test_assert_field (&t, "pgsql.oid.table", "16384");
  ss_test_assert_field (&t, "pgsql.col.index", "1");
  ss_test_assert_field (&t, "pgsql.oid.type", "23");
  /* The RowDescription's 16-bit type size, then the DataRow's two lengths. */
  ss_test_assert_field (&t, "pgsql.val.length", "4,2,-1");
  ss_test_assert_field (&t, "pgsql.col.typemod", "-1");
  ss_test_assert_field (&t, "pgsql.format", "0");
  ss_test_assert_field (&t, "pgsql.val.data", "3432");
  ss_test_assert_field (&t, "pgsql.tag", "SELECT 1");
  ss_test_assert_field (&t, "pgsql.severity", "ERROR");
  ss_test_assert_field (&t, "pgsql.text", "ERROR");
  ss_test_assert_field (&t, "pgsql.code", "40P01");
  ss_test_assert_field (&t, "pgsql.message", "deadlock detected");
  ss_test_assert_field (&t, "pgsql.status", "69");
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.deadlock"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.error"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.fatal"), ==, 0);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.statement_timeout"), ==, 0);
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "<R/S/K/T/D/C/E/Z");
  /* One "pgsql" however many messages, as Wireshark. */
  g_assert_cmpstr (t.pkt->protocols, ==, "eth:ethertype:ip:tcp:pgsql");
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql"), ==, 8);
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
  ss_test_dissection_clear (&t);
}

static void
test_extended (void)
{
  SsTestDissection t;

  dissect_payload (&t, FALSE, msg_extended, sizeof msg_extended);
  ss_test_assert_field (&t, "pgsql.type", "Parse,Bind,Describe,Execute,Close,Sync");
  ss_test_assert_field (&t, "pgsql.statement", "s1,s1,s1");
  ss_test_assert_field (&t, "pgsql.query", "SELECT $1");
  ss_test_assert_field (&t, "pgsql.oid.type", "23");
  ss_test_assert_field (&t, "pgsql.portal", ",,");
  ss_test_assert_field (&t, "pgsql.format", "0,1");
  ss_test_assert_field (&t, "pgsql.val.length", "1");
  ss_test_assert_field (&t, "pgsql.val.data", "37");
  ss_test_assert_field (&t, "pgsql.returns", "5");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, ">P/B/D/E/C/S");
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
  ss_test_dissection_clear (&t);
}

static void
test_statement_timeout (void)
{
  SsTestDissection t;

  dissect_payload (&t, TRUE, msg_timeout, sizeof msg_timeout);
  ss_test_assert_field (&t, "pgsql.severity", "FATAL");
  ss_test_assert_field (&t, "pgsql.code", "57014");
  ss_test_assert_field (&t, "pgsql.message", "canceling statement due to statement timeout");
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.statement_timeout"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.fatal"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.error"), ==, 0);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.expert.deadlock"), ==, 0);
  ss_test_dissection_clear (&t);
}

/* Every cut of a frame is marked short, never malformed: a message the snaplen cut is shown as
 * far as it goes. */
static void
test_every_cut (void)
{
  const struct { const guint8 *p; gsize n; gboolean from_server; } samples[] = {
    { msg_startup, sizeof msg_startup, FALSE },
    { msg_backend, sizeof msg_backend, TRUE },
    { msg_extended, sizeof msg_extended, FALSE },
    { msg_timeout, sizeof msg_timeout, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GBytes) f = frame (samples[i].from_server, 1, samples[i].p, samples[i].n);
      gsize n;
      const guint8 *d = g_bytes_get_data (f, &n);

      ss_test_every_cut (1, d, (guint32) n, (guint32) n);
    }
}

/* A payload whose length fields lie: one malformed item and its expert error per broken
 * message, and the messages before it still shown. */
static void
assert_malformed (const guint8 *payload,
                  gsize         len,
                  gboolean      from_server,
                  guint         n_messages)
{
  SsTestDissection t;

  dissect_payload (&t, from_server, payload, len);
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed.expert"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "pgsql.type"), ==, n_messages);
  ss_test_dissection_clear (&t);
}

static void
test_lying_lengths (void)
{
  /* Sync, then a Query whose length (2) is shorter than its own length field. */
  static const guint8 too_short[] = {
    'S', 0x00, 0x00, 0x00, 0x04, 'Q', 0x00, 0x00, 0x00, 0x02, 'x',
  };
  /* A Query claiming 100 bytes in a segment that has 9: no reassembly here. */
  static const guint8 too_long[] = { 'Q', 0x00, 0x00, 0x00, 0x64, 'S', 'E', 'L', 0 };
  /* A DataRow whose column claims 1000 bytes of a 16-byte message. */
  static const guint8 big_column[] = {
    'D', 0x00, 0x00, 0x00, 0x0f, 0x00, 0x01, 0x00, 0x00, 0x03, 0xe8, 'a', 'b', 'c', 'd', 'e',
  };
  /* A DataRow announcing 65535 columns with room for one. */
  static const guint8 many_columns[] = {
    'D', 0x00, 0x00, 0x00, 0x0d, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 'a', 0x00, 0x00,
  };
  /* An ErrorResponse whose last field has no terminating NUL. */
  static const guint8 unterminated[] = {
    'E', 0x00, 0x00, 0x00, 0x0c, 'S', 'E', 'R', 'R', 'O', 'R', 'M', 'x',
  };
  /* A startup message whose parameter list runs past its length. */
  static const guint8 startup_runs_on[] = {
    0x00, 0x00, 0x00, 0x0e, 0x00, 0x03, 0x00, 0x00, 'u', 's', 'e', 'r', 'x', 'y',
  };
  /* A RowDescription announcing two columns and holding one. */
  static const guint8 short_rowdesc[] = {
    'T', 0x00, 0x00, 0x00, 0x1b, 0x00, 0x02, 'i', 'd', 0,
    0x00, 0x00, 0x40, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x17, 0x00, 0x04,
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
  };
  /* A Bind whose parameter value count (3) outruns its bytes. */
  static const guint8 short_bind[] = {
    'B', 0x00, 0x00, 0x00, 0x0f, 0, 0, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 'z',
  };
  SsTestDissection t;

  dissect_payload (&t, FALSE, too_short, sizeof too_short);
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 1);
  g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed.expert"), ==, 1);
  ss_test_assert_field (&t, "pgsql.type", "Sync");
  /* As tcp_dissect_pdus() reports it: no "_ws.malformed" layer. */
  g_assert_cmpstr (t.pkt->protocols, ==, "eth:ethertype:ip:tcp:pgsql");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, ">S[Malformed Packet]");
  ss_test_dissection_clear (&t);

  assert_malformed (too_long, sizeof too_long, FALSE, 1);
  assert_malformed (big_column, sizeof big_column, TRUE, 1);
  assert_malformed (many_columns, sizeof many_columns, TRUE, 1);
  assert_malformed (unterminated, sizeof unterminated, TRUE, 1);
  assert_malformed (startup_runs_on, sizeof startup_runs_on, FALSE, 1);
  assert_malformed (short_rowdesc, sizeof short_rowdesc, TRUE, 1);
  assert_malformed (short_bind, sizeof short_bind, FALSE, 1);

  /* A broken DataRow, then a ReadyForQuery that is still dissected: the error is reported
   * after the message it belongs to. */
  {
    static const guint8 then_ready[] = {
      'D', 0x00, 0x00, 0x00, 0x0f, 0x00, 0x01, 0x00, 0x00, 0x03, 0xe8, 'a', 'b', 'c', 'd', 'e',
      'Z', 0x00, 0x00, 0x00, 0x05, 'I',
    };

    dissect_payload (&t, TRUE, then_ready, sizeof then_ready);
    ss_test_assert_field (&t, "pgsql.type", "Data row,Ready for query");
    ss_test_assert_field (&t, "pgsql.status", "73");
    g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 1);
    g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "<D[Malformed Packet]/Z");
    g_assert_cmpstr (t.pkt->protocols, ==, "eth:ethertype:ip:tcp:pgsql");
    ss_test_dissection_clear (&t);
  }

  /* Negative column lengths other than -1 carry no data; the message goes on. */
  {
    static const guint8 negative[] = {
      'D', 0x00, 0x00, 0x00, 0x0f, 0x00, 0x02, 0xff, 0xff, 0xff, 0xfb, 0x00, 0x00, 0x00, 0x01,
      'q',
    };

    dissect_payload (&t, TRUE, negative, sizeof negative);
    ss_test_assert_field (&t, "pgsql.val.length", "-5,1");
    ss_test_assert_field (&t, "pgsql.val.data", "71");
    g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
    ss_test_dissection_clear (&t);
  }
}

static const char *
value_at (GPtrArray *values,
          guint      frame_number)
{
  g_assert_cmpuint (frame_number, >=, 1);
  g_assert_cmpuint (frame_number, <=, values->len);
  return values->pdata[frame_number - 1];
}

/* Query in frame 1; frame 2 holds the RowDescription and the first half of a 5000-byte
 * DataRow; frame 3 its second half, CommandComplete and ReadyForQuery. Frames are 1.5 s apart.
 * The DataRow is dissected whole in frame 3; pgsql.time counts from the Query. */
static GBytes *
build_conversation (void)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GByteArray) srv = g_byte_array_new ();
  static const guint8 rowdesc[] = {
    'T', 0x00, 0x00, 0x00, 0x1c, 0x00, 0x01, 'b', 'i', 'g', 0,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x19, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
  };
  /* DataRow: 4 + 2 + 4 + 5000 = 5010 bytes after the type */
  static const guint8 datarow_head[] = {
    'D', 0x00, 0x00, 0x13, 0x92, 0x00, 0x01, 0x00, 0x00, 0x13, 0x88,
  };
  static const guint8 tail[] = {
    'C', 0x00, 0x00, 0x00, 0x0d, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0,
    'Z', 0x00, 0x00, 0x00, 0x05, 'I',
  };
  guint32 half;

  g_byte_array_append (srv, rowdesc, sizeof rowdesc);
  g_byte_array_append (srv, datarow_head, sizeof datarow_head);
  for (guint i = 0; i < 5000; i++)
    {
      guint8 c = 'a' + i % 26;

      g_byte_array_append (srv, &c, 1);
    }
  g_byte_array_append (srv, tail, sizeof tail);
  half = 1000;

  g_ptr_array_add (frames, frame (FALSE, 1, msg_query, sizeof msg_query));
  g_ptr_array_add (frames, frame (TRUE, 1, srv->data, half));
  g_ptr_array_add (frames, frame (TRUE, 1 + half, srv->data + half, srv->len - half));
  return ss_test_pcap_frames_bytes (1, frames, 1500000);
}

static void
test_reassembly_and_time (void)
{
  g_autoptr(GBytes) pcap = build_conversation ();
  g_autoptr(GPtrArray) types = ss_test_field_values (pcap, "pgsql.type", 1);
  g_autoptr(GPtrArray) lengths = ss_test_field_values (pcap, "pgsql.val.length", 1);
  g_autoptr(GPtrArray) time1 = ss_test_field_values (pcap, "pgsql.time", 1);
  g_autoptr(GPtrArray) req1 = ss_test_field_values (pcap, "pgsql.request_in", 1);
  g_autoptr(GPtrArray) resp1 = ss_test_field_values (pcap, "pgsql.response_in", 1);
  g_autoptr(GPtrArray) time2 = ss_test_field_values (pcap, "pgsql.time", 2);
  g_autoptr(GPtrArray) resp2 = ss_test_field_values (pcap, "pgsql.response_in", 2);
  g_autoptr(GPtrArray) reasm = ss_test_field_values (pcap, "tcp.reassembled.length", 1);

  g_assert_cmpstr (value_at (types, 1), ==, "Simple query");
  g_assert_cmpstr (value_at (types, 2), ==, "Row description");
  g_assert_cmpstr (value_at (types, 3), ==, "Data row,Command completion,Ready for query");
  g_assert_cmpstr (value_at (lengths, 3), ==, "5000");
  g_assert_cmpstr (value_at (reasm, 3), ==, "5011");
  /* CommandComplete and ReadyForQuery, 3 s after the Query in frame 1 */
  g_assert_cmpstr (value_at (time1, 1), ==, NULL);
  g_assert_cmpstr (value_at (time1, 2), ==, NULL);
  g_assert_cmpstr (value_at (time1, 3), ==, "3.000000000,3.000000000");
  g_assert_cmpstr (value_at (req1, 3), ==, "1,1");
  /* Only a second look knows where the request ended; it shows the same times. */
  g_assert_cmpstr (value_at (resp1, 1), ==, NULL);
  g_assert_cmpstr (value_at (resp2, 1), ==, "3");
  g_assert_cmpstr (value_at (time2, 3), ==, "3.000000000,3.000000000");
}

/* The project's capture of a real PostgreSQL 15: pgsql.time equals the difference of the two
 * frames' frame.time_epoch as tshark reads them, the slow query took about 1.9 s, and the
 * deadlock and the statement timeout have their experts. */
static void
test_real_capture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "captures",
                                                 "pgsql-slow-and-deadlock.pcapng", NULL);
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_autofree char *out = NULL;
  g_autofree char *cmd = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) times = NULL;
  g_autoptr(GPtrArray) reqs = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GPtrArray) deadlock = NULL;
  g_autoptr(GPtrArray) timeout = NULL;
  g_autoptr(GError) error = NULL;
  guint n_times = 0, n_deadlock = 0, n_timeout = 0;
  gboolean slow_seen = FALSE;
  int status;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("tests/captures/pgsql-slow-and-deadlock.pcapng is missing");
      return;
    }
  times = ss_test_file_field_values (path, "pgsql.time", 1);
  reqs = ss_test_file_field_values (path, "pgsql.request_in", 1);
  queries = ss_test_file_field_values (path, "pgsql.query", 1);
  deadlock = ss_test_file_field_values (path, "pgsql.expert.deadlock", 1);
  timeout = ss_test_file_field_values (path, "pgsql.expert.statement_timeout", 1);
  for (guint i = 0; i < deadlock->len; i++)
    {
      n_deadlock += deadlock->pdata[i] != NULL;
      n_timeout += timeout->pdata[i] != NULL;
    }
  g_assert_cmpuint (n_deadlock, ==, 1);
  g_assert_cmpuint (n_timeout, ==, 1);

  /* A second look at every frame (the GUI's) shows what the first pass showed. */
  {
    g_autoptr(GPtrArray) types1 = ss_test_file_field_values (path, "pgsql.type", 1);
    g_autoptr(GPtrArray) types2 = ss_test_file_field_values (path, "pgsql.type", 2);
    g_autoptr(GPtrArray) times2 = ss_test_file_field_values (path, "pgsql.time", 2);
    g_autoptr(GPtrArray) resp2 = ss_test_file_field_values (path, "pgsql.response_in", 2);
    guint n_resp = 0;

    for (guint i = 0; i < types1->len; i++)
      {
        g_assert_cmpstr (types1->pdata[i], ==, types2->pdata[i]);
        g_assert_cmpstr (times->pdata[i], ==, times2->pdata[i]);
        n_resp += resp2->pdata[i] != NULL;
      }
    g_assert_cmpuint (n_resp, >, 20);
  }

  if (!tshark)
    {
      g_test_skip ("tshark is not installed: no independent timestamps");
      return;
    }
  cmd = g_strdup_printf ("%s -n -r %s -T fields -e frame.time_epoch", tshark, path);
  g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, times->len);

  for (guint i = 0; i < times->len; i++)
    {
      g_auto(GStrv) tv = NULL;
      g_auto(GStrv) rv = NULL;

      if (!times->pdata[i])
        continue;
      tv = g_strsplit (times->pdata[i], ",", -1);
      rv = g_strsplit (reqs->pdata[i], ",", -1);
      g_assert_cmpuint (g_strv_length (tv), ==, g_strv_length (rv));
      for (guint k = 0; tv[k]; k++)
        {
          guint64 req = g_ascii_strtoull (rv[k], NULL, 10);
          /* tshark prints epochs with 9 decimals: compared in nanoseconds */
          g_auto(GStrv) a = g_strsplit (lines[i], ".", 2);
          g_auto(GStrv) b = g_strsplit (lines[req - 1], ".", 2);
          gint64 ns_a = g_ascii_strtoll (a[0], NULL, 10) * 1000000000
                        + g_ascii_strtoll (a[1], NULL, 10);
          gint64 ns_b = g_ascii_strtoll (b[0], NULL, 10) * 1000000000
                        + g_ascii_strtoll (b[1], NULL, 10);
          g_auto(GStrv) ours = g_strsplit (tv[k], ".", 2);
          gint64 ns_ours = g_ascii_strtoll (ours[0], NULL, 10) * 1000000000
                           + g_ascii_strtoll (ours[1], NULL, 10);

          g_assert_cmpuint (req, >=, 1);
          g_assert_cmpuint (req, <=, i + 1);
          g_assert_cmpint (ns_ours, ==, ns_a - ns_b);
          n_times++;
          if (queries->pdata[req - 1]
              && strstr (queries->pdata[req - 1], "pg_sleep(1.9)"))
            {
              g_assert_cmpint (ns_ours, >=, 1900000000);
              g_assert_cmpint (ns_ours, <, 3000000000);
              slow_seen = TRUE;
            }
        }
    }
  g_assert_cmpuint (n_times, >, 20);
  g_assert_true (slow_seen);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/dissect-pgsql/startup", test_startup);
  g_test_add_func ("/core/dissect-pgsql/query", test_query);
  g_test_add_func ("/core/dissect-pgsql/backend", test_backend);
  g_test_add_func ("/core/dissect-pgsql/extended", test_extended);
  g_test_add_func ("/core/dissect-pgsql/statement-timeout", test_statement_timeout);
  g_test_add_func ("/core/dissect-pgsql/every-cut", test_every_cut);
  g_test_add_func ("/core/dissect-pgsql/lying-lengths", test_lying_lengths);
  g_test_add_func ("/core/dissect-pgsql/reassembly-and-time", test_reassembly_and_time);
  g_test_add_func ("/core/dissect-pgsql/real-capture", test_real_capture);
  return g_test_run ();
}
