/* Tests for the query/response linking of ss-dissect-dns.c: DNS over UDP written byte by byte
 * (RFC 1035 §4.1), frames 2 s apart. The expected links are what tshark 4.0.17 prints for the
 * same capture, in one pass and with -2 (checked when the test was written). */
#include "config.h"

#include <string.h>

#include "ss-test-util.h"

/* Ethernet II + IPv4 + UDP between 10.0.0.1:40000 and 10.0.0.2:53 carrying a DNS message with
 * ID @id and one question, a.example A IN: a standard query, or its response (no answers). */
static GBytes *
dns_frame (guint16  id,
           gboolean response)
{
  static const guint8 question[] = {
    1, 'a', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0x00, 0x01, 0x00, 0x01,
  };
  guint8 f[14 + 20 + 8 + 12 + sizeof question] = {
    0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,
  };
  guint8 *ip = f + 14, *udp = ip + 20, *dns = udp + 8;
  guint16 ip_len = (guint16) (sizeof f - 14), udp_len = (guint16) (ip_len - 20);
  guint8 client[4] = { 10, 0, 0, 1 }, server[4] = { 10, 0, 0, 2 };

  ip[0] = 0x45;
  ip[2] = ip_len >> 8;
  ip[3] = ip_len & 0xff;
  ip[8] = 64;
  ip[9] = 17;
  memcpy (ip + 12, response ? server : client, 4);
  memcpy (ip + 16, response ? client : server, 4);
  udp[0] = response ? 0 : 40000 >> 8;
  udp[1] = response ? 53 : 40000 & 0xff;
  udp[2] = response ? 40000 >> 8 : 0;
  udp[3] = response ? 40000 & 0xff : 53;
  udp[4] = udp_len >> 8;
  udp[5] = udp_len & 0xff;
  dns[0] = id >> 8;
  dns[1] = id & 0xff;
  dns[2] = response ? 0x81 : 0x01;
  dns[3] = response ? 0x80 : 0x00;
  dns[5] = 1;
  memcpy (dns + 12, question, sizeof question);
  return g_bytes_new (f, sizeof f);
}

/* Frame by frame: a query and its retransmission 2 s later; the response (4 s after the query)
 * and a second copy of it; a response to no query; a query left unanswered for 6 s, so that
 * the same ID later starts a new transaction, which is answered. */
static GBytes *
scenario (void)
{
  static const struct { guint16 id; gboolean response; } msgs[] = {
    { 0x1111, FALSE }, { 0x1111, FALSE }, { 0x1111, TRUE }, { 0x1111, TRUE }, { 0x2222, TRUE },
    { 0x3333, FALSE }, { 0x6666, FALSE }, { 0x7777, FALSE }, { 0x3333, FALSE },
    { 0x3333, TRUE },
  };
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < G_N_ELEMENTS (msgs); i++)
    g_ptr_array_add (frames, dns_frame (msgs[i].id, msgs[i].response));
  return ss_test_pcap_frames_bytes (1, frames, 2000000);
}

static void
assert_values (GBytes            *pcap,
               const char        *abbrev,
               guint              passes,
               const char *const *expected)
{
  g_autoptr(GPtrArray) v = ss_test_field_values (pcap, abbrev, passes);

  g_assert_cmpuint (v->len, ==, 10);
  for (guint i = 0; i < v->len; i++)
    {
      g_test_message ("%s frame %u", abbrev, i + 1);
      g_assert_cmpstr (g_ptr_array_index (v, i), ==, expected[i]);
    }
}

static void
test_links (gconstpointer data)
{
  guint passes = GPOINTER_TO_UINT (data);
  g_autoptr(GBytes) pcap = scenario ();
  /* Only a later pass knows a query's response. */
  const char *response_in_2[] = { "3", NULL, NULL, NULL, NULL, NULL, NULL, NULL, "10", NULL };
  const char *none[10] = { NULL };
  const char *response_to[] = { NULL, NULL, "1", NULL, NULL, NULL, NULL, NULL, NULL, "9" };
  const char *time[] = { NULL, NULL, "4.000000000", NULL, NULL, NULL, NULL, NULL, NULL,
                         "2.000000000" };
  const char *retrans[] = { NULL, "1", NULL, "1", NULL, NULL, NULL, NULL, NULL, NULL };
  const char *req_in[] = { NULL, "1", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  const char *resp_in[] = { NULL, NULL, NULL, "3", NULL, NULL, NULL, NULL, NULL, NULL };
  const char *unsolicited[] = { NULL, NULL, NULL, NULL, "1", NULL, NULL, NULL, NULL, NULL };
  /* the expert items, FT_NONE: printed as 1 */
  const char *req_expert[] = { NULL, "1", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  const char *resp_expert[] = { NULL, NULL, NULL, "1", NULL, NULL, NULL, NULL, NULL, NULL };

  assert_values (pcap, "dns.response_in", passes, passes > 1 ? response_in_2 : none);
  assert_values (pcap, "dns.response_to", passes, response_to);
  assert_values (pcap, "dns.time", passes, time);
  assert_values (pcap, "dns.retransmission", passes, retrans);
  assert_values (pcap, "dns.retransmit_request_in", passes, req_in);
  assert_values (pcap, "dns.retransmit_request", passes, req_expert);
  assert_values (pcap, "dns.retransmit_response_in", passes, resp_in);
  assert_values (pcap, "dns.retransmit_response", passes, resp_expert);
  assert_values (pcap, "dns.unsolicited", passes, unsolicited);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/core/dissect-dns/links-one-pass", GUINT_TO_POINTER (1), test_links);
  g_test_add_data_func ("/core/dissect-dns/links-two-passes", GUINT_TO_POINTER (2), test_links);
  return g_test_run ();
}
