/* Tests for ss-dfilter-eval.c: filters applied to hand-built packets
 *
 * Each filter is applied twice: to the full tree, and to a dissection that kept only the fields
 * the filter asked for (as the CLI does); both must give the same answer.
 */
#include "config.h"

#include <string.h>

#include "packets.h"
#include "ss-dfilter-private.h"
#include "ss-test-util.h"

/* Ethernet + IPv4 (10.0.0.1 -> 10.0.0.2, proto 4) + IPv4 (192.168.1.1 -> 192.168.1.2) + UDP
 * 1234 -> 53, 4 payload bytes: two IP layers. */
static const guint8 pkt_ip_in_ip[] = {
  0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0x08, 0x00,
  0x45, 0x00, 0x00, 0x34, 0x00, 0x01, 0x00, 0x00, 0x40, 0x04, 0x00, 0x00,
  0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
  0x45, 0x00, 0x00, 0x20, 0x00, 0x02, 0x00, 0x00, 0x3f, 0x11, 0x00, 0x00,
  0xc0, 0xa8, 0x01, 0x01, 0xc0, 0xa8, 0x01, 0x02,
  0x04, 0xd2, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00,
  0xca, 0xfe, 0xba, 0xbe,
};

/* Ethernet + IPv4 (192.0.2.10 -> 203.0.113.5) + TCP 40000 -> 80 PSH|ACK + an HTTP request. */
static const guint8 pkt_http_get[] = {
  0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x0e, 0x55, 0xda, 0xc6, 0x67, 0x95, 0x08, 0x00,
  0x45, 0x00, 0x00, 0x57, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00,
  0xc0, 0x00, 0x02, 0x0a, 0xcb, 0x00, 0x71, 0x05,
  0x9c, 0x40, 0x00, 0x50, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x50, 0x18,
  0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
  'G', 'E', 'T', ' ', '/', 'i', 'n', 'd', 'e', 'x', '.', 'h', 't', 'm', 'l', ' ',
  'H', 'T', 'T', 'P', '/', '1', '.', '1', '\r', '\n',
  'H', 'o', 's', 't', ':', ' ', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm', '\r', '\n',
  '\r', '\n',
};

static SsRegistry *reg;

/* Applies @filter to the packet dissected only for the filter's fields. */
static gboolean
apply_wanted (const guint8 *data,
              gsize         len,
              SsDfilter    *df)
{
  g_autoptr(GBytes) bytes = ss_test_pcap_bytes (1, data, (guint32) len, (guint32) len);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsCapfile) cap = ss_capfile_open_bytes (bytes, &error);
  g_autoptr(SsEngine) engine = NULL;
  const SsFieldId *ids;
  guint n;

  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (cap, 0, &error));
  engine = ss_engine_new (reg, cap);
  ids = ss_dfilter_get_fields (df, &n);
  for (guint i = 0; i < n; i++)
    ss_engine_want_field (engine, ids[i]);
  return ss_dfilter_apply (df, ss_engine_dissect (engine, 0));
}

static gboolean
matches (const guint8 *data,
         gsize         len,
         const char   *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsDfilter) df = ss_dfilter_compile (reg, filter, NULL, &error);
  SsTestDissection t;
  gboolean full, wanted;

  g_assert_no_error (error);
  ss_test_dissect (&t, 1, data, (guint32) len, (guint32) len);
  full = ss_dfilter_apply (df, t.pkt);
  ss_test_dissection_clear (&t);
  wanted = apply_wanted (data, len, df);
  if (full != wanted)
    g_error ("%s: %d on the full tree, %d with only the wanted fields", filter, full, wanted);
  return full;
}

#define assert_match(pkt, filter) G_STMT_START { \
    if (!matches (pkt, sizeof pkt, filter)) \
      g_error ("should match: %s", filter); \
  } G_STMT_END
#define assert_no_match(pkt, filter) G_STMT_START { \
    if (matches (pkt, sizeof pkt, filter)) \
      g_error ("should not match: %s", filter); \
  } G_STMT_END

static void
test_presence (void)
{
  assert_match (pkt_eth_ipv4_tcp_syn, "");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth && ip && tcp");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "udp");
  assert_match (pkt_eth_ipv4_tcp_syn, "!udp");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.options.mss_val");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "tcp.payload");
  assert_match (pkt_eth_vlan_ipv4_udp, "vlan && udp && !tcp");
  assert_match (pkt_eth_vlan_ipv4_udp, "eth.padding");
}

static void
test_integers (void)
{
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.dstport == 443");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.srcport > 50000 && tcp.srcport < 52000");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.ttl == 64 && ip.ttl >= 0x40 && ip.ttl <= 0100");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.dsfield.dscp == 46");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.flags.syn == 1 && tcp.flags.ack == 0");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.flags == 0x002");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.flags & 0x02");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "tcp.flags & 0x10");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.proto == TCP && eth.type == IPv4");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.options.wscale.multiplier == 128");
  assert_match (pkt_eth_vlan_ipv4_udp, "vlan.id == 100 && vlan.priority == 5");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "tcp.port > -1");
  assert_match (pkt_eth_ipv4_tcp_syn, "-ip.ttl == -64");
}

static void
test_multiple_occurrences (void)
{
  /* ip.addr is 192.0.2.1 and 198.51.100.7; tcp.port is 51000 and 443. */
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.addr == 192.0.2.1");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "ip.addr != 192.0.2.1");
  assert_match (pkt_eth_ipv4_tcp_syn, "!(ip.addr == 10.0.0.1)");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.addr != 10.0.0.1");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.addr ~= 192.0.2.1");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.addr !== 192.0.2.1");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "ip.addr === 192.0.2.1");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.addr === 192.0.0.0/5");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.port == 443 && tcp.port == 51000");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.port in {80, 443}");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "tcp.port not in {80, 443}");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.port in {50000..52000}");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.port in {1 2 443}");
  assert_match (pkt_eth_ipv4_tcp_syn, "count(tcp.option_kind) == 5");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.option_kind == 1 && tcp.option_kind != 0");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.srcport != tcp.dstport");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "tcp.srcport == tcp.dstport");
  /* A test on an absent field is false, whatever the operator. */
  assert_no_match (pkt_eth_ipv4_tcp_syn, "udp.port != 53");
  assert_match (pkt_eth_ipv4_tcp_syn, "!(udp.port == 53)");
  assert_match (pkt_eth_ipv4_tcp_syn, "udp.port not in {53}");
}

static void
test_addresses (void)
{
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.src == 192.0.2.0/24 && ip.dst == 198.51.100.7");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "ip.src == 192.0.3.0/24");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.src in {10.0.0.0/8, 192.0.0.0/16}");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.dst > ip.src");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.src < 192.0.2.2 && ip.src > 192.0.2.0");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src == 02:aa:bb:cc:dd:ee");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.dst == 00-11-22-33-44-55");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.addr == 0011.2233.4455");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src contains bb:cc");
  assert_match (pkt_eth_vlan_ipv4_udp, "eth.dst == ff:ff:ff:ff:ff:ff");
}

static void
test_slices (void)
{
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src[0:3] == 02:aa:bb");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src[1-2] == aa:bb");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src[-1] == ee");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src[:2] == 02:aa && eth.src[4:] == dd:ee");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src[0,2] == 02:bb");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.src[0:1,-2:2] == 02:dd:ee");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame[12:2] == 08:00 && ip[9] == 06");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp[13] & 0x02");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.src[0] == c0");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.dst == ip.dst[0:4]");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "frame[200:1]");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame[-1:1] == 07");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "frame[-1000:1]");
  assert_match (pkt_eth_ipv4_tcp_syn, "len(frame) == 74 && len(tcp) == 40 && len(ip.src) == 4");
}

static void
test_strings_and_bytes (void)
{
  assert_match (pkt_http_get, "tcp.payload contains \"GET\"");
  assert_match (pkt_http_get, "tcp.payload[0:3] == \"GET\"");
  assert_match (pkt_http_get, "tcp.payload[0:3] == 47:45:54");
  assert_match (pkt_http_get, "frame contains \"example.com\"");
  assert_match (pkt_http_get, "frame contains 0d:0a:0d:0a");
  assert_match (pkt_http_get, "tcp[0:2] == 9c:40 && tcp[13] == 18");
  assert_match (pkt_http_get, "tcp.payload matches \"^GET /[a-z]+\\\\.html\"");
  assert_match (pkt_http_get, "tcp.payload matches \"HOST: EXAMPLE\"");
  assert_no_match (pkt_http_get, "tcp.payload matches \"(?-i)HOST: EXAMPLE\"");
  assert_match (pkt_http_get, "tcp.payload ~ \"\\r\\n\\r\\n$\"");
  assert_match (pkt_http_get, "len(tcp.payload) == 47 && ip.len == 87");
  assert_match (pkt_http_get, "tcp.flags.str contains \"P\" && tcp.flags.str contains 'A'");
  assert_match (pkt_http_get, "lower(tcp.flags.str) contains \"p\"");
  assert_match (pkt_http_get, "frame.protocols == \"eth:ethertype:ip:tcp\" || "
                "frame.protocols contains \"tcp\"");
  assert_match (pkt_http_get, "frame.protocols > \"eth\" && frame.protocols < \"f\"");
  assert_match (pkt_http_get, "string(ip.src) == \"192.0.2.10\" && string(tcp.dstport) == \"80\"");
  assert_match (pkt_http_get, "string(eth.src) == \"0e:55:da:c6:67:95\"");
  assert_match (pkt_http_get, "string(tcp.flags) == \"24\" && string(ip.id) == \"4660\"");
}

static void
test_functions_and_arithmetic (void)
{
  assert_match (pkt_eth_ipv4_tcp_syn, "count(ip.addr) == 2 && count(tcp) == 1");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "count(udp.port) == 0");
  assert_match (pkt_eth_ipv4_tcp_syn, "max(tcp.srcport, tcp.dstport) == 51000");
  assert_match (pkt_eth_ipv4_tcp_syn, "min(tcp.port) == 443");
  assert_match (pkt_eth_ipv4_tcp_syn, "max(tcp.srcport, 60000) == 60000");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.ttl + 1 == 65 && ip.ttl * 2 == 128");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.ttl % 60 == 4 && ip.ttl / 3 == 21");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "ip.ttl / 0 == 0");
  assert_match (pkt_eth_ipv4_tcp_syn, "{ip.ttl - 4} * 2 == 120");
  assert_match (pkt_eth_ipv4_tcp_syn, "ip.ttl & 0x40 == 0x40");
  assert_match (pkt_eth_ipv4_tcp_syn, "eth.dst[0] & 1 == 0");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.srcport - tcp.dstport == 50557");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp.srcport > tcp.dstport > 442");
}

static void
test_layers (void)
{
  assert_match (pkt_ip_in_ip, "count(ip) == 2 && count(ip.src) == 2");
  assert_match (pkt_ip_in_ip, "ip.src#1 == 10.0.0.1 && ip.src#2 == 192.168.1.1");
  assert_no_match (pkt_ip_in_ip, "ip.src#1 == 192.168.1.1");
  assert_match (pkt_ip_in_ip, "ip.ttl#2 == 63 && ip.ttl#1 == 64");
  assert_match (pkt_ip_in_ip, "ip#2 && !ip#3");
  assert_match (pkt_ip_in_ip, "ip.addr#[1-2] == 192.168.1.2");
  assert_match (pkt_ip_in_ip, "count(ip.addr#2) == 2");
  assert_no_match (pkt_ip_in_ip, "ip.addr#0 == 10.0.0.1");
  assert_match (pkt_ip_in_ip, "ip.proto == 4 && ip.proto == UDP");
  assert_match (pkt_ip_in_ip, "udp.dstport == 53");
}

static void
test_times (void)
{
  /* ss_test_pcap_bytes stamps its packet 1700000000.123456 (2023-11-14 22:13:20 UTC). */
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time == \"2023-11-14 22:13:20.123456Z\"");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time > \"2023-11-14 22:13:20 UTC\"");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time < \"Nov 14, 2023 22:13:21 UTC\"");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time >= \"2023-11-15 07:13:20\"");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "frame.time >= \"2023-11-15 07:13:21\"");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time_relative == 0 && frame.time_delta <= 0.5");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time_epoch > 1699999999.9");
  assert_match (pkt_eth_ipv4_tcp_syn, "frame.time_relative + 1 == 1");
}

static void
test_logic (void)
{
  assert_match (pkt_eth_ipv4_tcp_syn, "udp || tcp && ip");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "(udp || tcp) && arp");
  assert_match (pkt_eth_ipv4_tcp_syn, "tcp ^^ udp");
  assert_no_match (pkt_eth_ipv4_tcp_syn, "tcp xor ip");
  assert_match (pkt_eth_ipv4_tcp_syn, "!!tcp && not not ip");
  assert_match (pkt_eth_ipv4_tcp_syn, "!tcp.port == 80");
}

static void
test_many_values (void)
{
  /* More values than the evaluator keeps on its own stack. */
  assert_match (pkt_eth_ipv4_tcp_syn,
                "max(tcp.option_kind, tcp.option_kind, tcp.option_kind, tcp.option_kind, "
                "tcp.option_kind, tcp.option_kind, tcp.option_kind, tcp.option_kind, "
                "tcp.option_kind, tcp.option_kind, tcp.option_kind, tcp.option_kind, "
                "tcp.option_kind, tcp.option_kind, tcp.option_kind, tcp.option_kind, "
                "tcp.option_kind, tcp.option_kind, tcp.option_kind, tcp.option_kind) == 8");
  assert_match (pkt_eth_ipv4_tcp_syn,
                "tcp.option_kind + tcp.option_kind + tcp.option_kind + tcp.option_kind == 32");
  assert_match (pkt_http_get, "upper(lower(tcp.flags.str)) == upper(tcp.flags.str)");
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_setenv ("TZ", "JST-9", TRUE);
  g_test_init (&argc, &argv, NULL);
  reg = ss_registry_new ();
  g_test_add_func ("/dfilter/eval/presence", test_presence);
  g_test_add_func ("/dfilter/eval/integers", test_integers);
  g_test_add_func ("/dfilter/eval/multiple-occurrences", test_multiple_occurrences);
  g_test_add_func ("/dfilter/eval/addresses", test_addresses);
  g_test_add_func ("/dfilter/eval/slices", test_slices);
  g_test_add_func ("/dfilter/eval/strings-and-bytes", test_strings_and_bytes);
  g_test_add_func ("/dfilter/eval/functions-and-arithmetic", test_functions_and_arithmetic);
  g_test_add_func ("/dfilter/eval/layers", test_layers);
  g_test_add_func ("/dfilter/eval/times", test_times);
  g_test_add_func ("/dfilter/eval/logic", test_logic);
  g_test_add_func ("/dfilter/eval/many-values", test_many_values);
  ret = g_test_run ();
  ss_registry_free (reg);
  return ret;
}
