/* Tests for the link-layer dissectors: eth, vlan, sll (v1 and v2), null, raw */
#include "config.h"

#include <string.h>

#include "packets.h"
#include "ss-test-util.h"

static void
test_eth (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 1, pkt_eth_ipv4_tcp_syn, sizeof pkt_eth_ipv4_tcp_syn,
                   sizeof pkt_eth_ipv4_tcp_syn);
  ss_test_assert_field (&t, "eth.dst", "00:11:22:33:44:55");
  ss_test_assert_field (&t, "eth.src", "02:aa:bb:cc:dd:ee");
  ss_test_assert_field (&t, "eth.addr", "00:11:22:33:44:55,02:aa:bb:cc:dd:ee");
  ss_test_assert_field (&t, "eth.type", "0x0800");
  /* 02:... has the locally administered bit set. */
  ss_test_assert_field (&t, "eth.src.lg", "1");
  ss_test_assert_field (&t, "eth.dst.lg", "0");
  ss_test_assert_field (&t, "eth.dst.ig", "0");
  ss_test_assert_field (&t, "frame.protocols", "eth:ethertype:ip:tcp");
  g_assert_null (ss_test_dup_field (&t, "eth.padding"));
  ss_test_dissection_clear (&t);
}

static void
test_vlan_and_padding (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 1, pkt_eth_vlan_ipv4_udp, sizeof pkt_eth_vlan_ipv4_udp,
                   sizeof pkt_eth_vlan_ipv4_udp);
  ss_test_assert_field (&t, "vlan.priority", "5");
  ss_test_assert_field (&t, "vlan.dei", "0");
  ss_test_assert_field (&t, "vlan.id", "100");
  ss_test_assert_field (&t, "vlan.etype", "0x0800");
  ss_test_assert_field (&t, "eth.type", "0x8100");
  ss_test_assert_field (&t, "eth.padding", "000000000000");
  ss_test_assert_field (&t, "udp.length", "12");
  ss_test_assert_field (&t, "data.data", "deadbeef");
  ss_test_assert_field (&t, "frame.protocols", "eth:ethertype:vlan:ethertype:ip:udp:data");
  ss_test_dissection_clear (&t);
}

static void
test_sll_v1 (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 113, pkt_sll_ipv4_udp, sizeof pkt_sll_ipv4_udp, sizeof pkt_sll_ipv4_udp);
  ss_test_assert_field (&t, "sll.pkttype", "4");
  ss_test_assert_field (&t, "sll.hatype", "1");
  ss_test_assert_field (&t, "sll.halen", "6");
  ss_test_assert_field (&t, "sll.src.eth", "02:00:00:00:00:09");
  ss_test_assert_field (&t, "sll.unused", "0000");
  ss_test_assert_field (&t, "sll.etype", "0x0800");
  ss_test_assert_field (&t, "udp.dstport", "53");
  ss_test_assert_field (&t, "frame.protocols", "sll:ethertype:ip:udp");
  ss_test_dissection_clear (&t);
}

static void
test_sll_v2 (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 276, pkt_sll2_ipv4_udp, sizeof pkt_sll2_ipv4_udp,
                   sizeof pkt_sll2_ipv4_udp);
  ss_test_assert_field (&t, "sll.etype", "0x0800");
  ss_test_assert_field (&t, "sll.ifindex", "3");
  ss_test_assert_field (&t, "sll.hatype", "1");
  ss_test_assert_field (&t, "sll.pkttype", "4");
  ss_test_assert_field (&t, "sll.halen", "6");
  ss_test_assert_field (&t, "sll.src.eth", "02:00:00:00:00:09");
  ss_test_assert_field (&t, "ip.src", "127.0.0.1");
  ss_test_dissection_clear (&t);
}

static void
test_null (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 0, pkt_null_ipv4_udp, sizeof pkt_null_ipv4_udp, sizeof pkt_null_ipv4_udp);
  ss_test_assert_field (&t, "null.family", "2");
  ss_test_assert_field (&t, "ip.proto", "17");
  ss_test_assert_field (&t, "frame.protocols", "null:ip:udp");
  ss_test_dissection_clear (&t);
}

static void
test_raw (void)
{
  SsTestDissection t;

  /* LINKTYPE_RAW: the same IPv4 packet without a link header. */
  ss_test_dissect (&t, 101, pkt_null_ipv4_udp + 4, sizeof pkt_null_ipv4_udp - 4,
                   sizeof pkt_null_ipv4_udp - 4);
  ss_test_assert_field (&t, "frame.protocols", "raw:ip:udp");
  ss_test_dissection_clear (&t);

  /* LINKTYPE_IPV4 has no "raw" layer in Wireshark. */
  ss_test_dissect (&t, 228, pkt_null_ipv4_udp + 4, sizeof pkt_null_ipv4_udp - 4,
                   sizeof pkt_null_ipv4_udp - 4);
  ss_test_assert_field (&t, "frame.protocols", "ip:udp");
  ss_test_dissection_clear (&t);
}

static void
test_every_cut (void)
{
  ss_test_every_cut (1, pkt_eth_ipv4_tcp_syn, sizeof pkt_eth_ipv4_tcp_syn,
                     sizeof pkt_eth_ipv4_tcp_syn);
  /* Headers end after UDP (46 bytes); 4 payload bytes and the padding follow. */
  ss_test_every_cut (1, pkt_eth_vlan_ipv4_udp, sizeof pkt_eth_vlan_ipv4_udp, 47);
  ss_test_every_cut (113, pkt_sll_ipv4_udp, sizeof pkt_sll_ipv4_udp, sizeof pkt_sll_ipv4_udp);
  ss_test_every_cut (276, pkt_sll2_ipv4_udp, sizeof pkt_sll2_ipv4_udp,
                     sizeof pkt_sll2_ipv4_udp);
  ss_test_every_cut (0, pkt_null_ipv4_udp, sizeof pkt_null_ipv4_udp, sizeof pkt_null_ipv4_udp);
}

static void
test_unknown_link_type (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 160, pkt_null_ipv4_udp, sizeof pkt_null_ipv4_udp,
                   sizeof pkt_null_ipv4_udp);
  ss_test_assert_field (&t, "data.len", "32");
  ss_test_dissection_clear (&t);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/dissect/eth", test_eth);
  g_test_add_func ("/core/dissect/vlan-and-padding", test_vlan_and_padding);
  g_test_add_func ("/core/dissect/sll-v1", test_sll_v1);
  g_test_add_func ("/core/dissect/sll-v2", test_sll_v2);
  g_test_add_func ("/core/dissect/null", test_null);
  g_test_add_func ("/core/dissect/raw", test_raw);
  g_test_add_func ("/core/dissect/link-every-cut", test_every_cut);
  g_test_add_func ("/core/dissect/unknown-link-type", test_unknown_link_type);
  return g_test_run ();
}
