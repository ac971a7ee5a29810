/* Tests for ss-dissect-ip.c, ss-dissect-tcp.c and ss-dissect-udp.c */
#include "config.h"

#include <string.h>

#include "packets.h"
#include "ss-test-util.h"

static void
test_ipv4 (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 1, pkt_eth_ipv4_tcp_syn, sizeof pkt_eth_ipv4_tcp_syn,
                   sizeof pkt_eth_ipv4_tcp_syn);
  ss_test_assert_field (&t, "ip.version", "4");
  ss_test_assert_field (&t, "ip.hdr_len", "20");
  ss_test_assert_field (&t, "ip.dsfield", "0xb8");
  ss_test_assert_field (&t, "ip.dsfield.dscp", "46");
  ss_test_assert_field (&t, "ip.dsfield.ecn", "0");
  ss_test_assert_field (&t, "ip.len", "60");
  ss_test_assert_field (&t, "ip.id", "0x1c46");
  ss_test_assert_field (&t, "ip.flags", "0x02");
  ss_test_assert_field (&t, "ip.flags.df", "1");
  ss_test_assert_field (&t, "ip.flags.mf", "0");
  ss_test_assert_field (&t, "ip.frag_offset", "0");
  ss_test_assert_field (&t, "ip.ttl", "64");
  ss_test_assert_field (&t, "ip.proto", "6");
  ss_test_assert_field (&t, "ip.checksum", "0xabcd");
  ss_test_assert_field (&t, "ip.src", "192.0.2.1");
  ss_test_assert_field (&t, "ip.dst", "198.51.100.7");
  ss_test_assert_field (&t, "ip.addr", "192.0.2.1,198.51.100.7");
  ss_test_dissection_clear (&t);
}

static void
test_tcp_syn (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 1, pkt_eth_ipv4_tcp_syn, sizeof pkt_eth_ipv4_tcp_syn,
                   sizeof pkt_eth_ipv4_tcp_syn);
  ss_test_assert_field (&t, "tcp.srcport", "51000");
  ss_test_assert_field (&t, "tcp.dstport", "443");
  ss_test_assert_field (&t, "tcp.port", "51000,443");
  /* No analysis hook in this engine: the sequence number stays raw. */
  ss_test_assert_field (&t, "tcp.seq", "16909060");
  ss_test_assert_field (&t, "tcp.seq_raw", "16909060");
  ss_test_assert_field (&t, "tcp.hdr_len", "40");
  ss_test_assert_field (&t, "tcp.flags", "0x0002");
  ss_test_assert_field (&t, "tcp.flags.syn", "1");
  ss_test_assert_field (&t, "tcp.flags.ack", "0");
  ss_test_assert_field (&t, "tcp.flags.str", "··········S·");
  ss_test_assert_field (&t, "tcp.window_size_value", "64240");
  ss_test_assert_field (&t, "tcp.checksum", "0x1234");
  ss_test_assert_field (&t, "tcp.len", "0");
  ss_test_assert_field (&t, "tcp.options.mss_val", "1460");
  ss_test_assert_field (&t, "tcp.options.sack_perm", "0402");
  ss_test_assert_field (&t, "tcp.options.timestamp.tsval", "1000");
  ss_test_assert_field (&t, "tcp.options.timestamp.tsecr", "0");
  ss_test_assert_field (&t, "tcp.options.wscale.shift", "7");
  ss_test_assert_field (&t, "tcp.options.wscale.multiplier", "128");
  ss_test_assert_field (&t, "tcp.option_kind", "2,4,8,1,3");
  g_assert_cmpstr (t.pkt->col_protocol, ==, "TCP");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==,
                   "51000 → 443 [SYN] Seq=16909060 Win=64240 Len=0 MSS=1460 SACK_PERM "
                   "TSval=1000 TSecr=0 WS=128");
  ss_test_dissection_clear (&t);
}

static void
test_udp (void)
{
  SsTestDissection t;

  ss_test_dissect (&t, 1, pkt_eth_vlan_ipv4_udp, sizeof pkt_eth_vlan_ipv4_udp,
                   sizeof pkt_eth_vlan_ipv4_udp);
  ss_test_assert_field (&t, "udp.srcport", "40000");
  ss_test_assert_field (&t, "udp.dstport", "5000");
  ss_test_assert_field (&t, "udp.length", "12");
  ss_test_assert_field (&t, "udp.checksum.status", "3");
  ss_test_assert_field (&t, "udp.payload", "deadbeef");
  g_assert_cmpstr (ss_packet_get_info (t.pkt), ==, "40000 → 5000 Len=4");
  ss_test_dissection_clear (&t);
}

static void
test_ip_total_length_lies (void)
{
  guint8 p[sizeof pkt_eth_ipv4_tcp_syn];
  SsTestDissection t;

  memcpy (p, pkt_eth_ipv4_tcp_syn, sizeof p);
  p[16] = 0x01;                           /* total length 316 > 60 bytes present */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "IPv4 total length exceeds packet length (60 bytes)");
  /* The TCP header is still read from what is there. */
  ss_test_assert_field (&t, "tcp.dstport", "443");
  ss_test_dissection_clear (&t);

  p[16] = 0x00;
  p[17] = 0x10;                           /* 16 < header length 20 */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "Bogus IP length");
  g_assert_null (ss_test_dup_field (&t, "tcp.srcport"));
  ss_test_dissection_clear (&t);

  memcpy (p, pkt_eth_ipv4_tcp_syn, sizeof p);
  p[14] = 0x43;                           /* header length 12 */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "Bogus IP header length");
  ss_test_dissection_clear (&t);
}

static void
test_tcp_lies (void)
{
  guint8 p[sizeof pkt_eth_ipv4_tcp_syn];
  SsTestDissection t;

  memcpy (p, pkt_eth_ipv4_tcp_syn, sizeof p);
  p[46] = 0x40;                           /* data offset 4 words: 16 bytes */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "Bogus TCP header length (16, must be at least 20)");
  ss_test_dissection_clear (&t);

  memcpy (p, pkt_eth_ipv4_tcp_syn, sizeof p);
  p[55] = 0x40;                           /* MSS option length 64 runs past the header */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "Option length 64 is invalid");
  ss_test_dissection_clear (&t);

  memcpy (p, pkt_eth_ipv4_tcp_syn, sizeof p);
  p[46] = 0xf0;                           /* 60-byte header in a 40-byte segment */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field (&t, "_ws.malformed", "[Malformed Packet: TCP]");
  ss_test_dissection_clear (&t);
}

static void
test_udp_length_lies (void)
{
  guint8 p[sizeof pkt_eth_vlan_ipv4_udp];
  SsTestDissection t;

  memcpy (p, pkt_eth_vlan_ipv4_udp, sizeof p);
  p[43] = 0x40;                           /* 64 > the 12 bytes IP carried */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "Bad length value 64 > IP payload length");
  ss_test_assert_field (&t, "_ws.malformed", "[Malformed Packet: UDP]");
  ss_test_dissection_clear (&t);

  p[43] = 0x04;                           /* 4 < 8 */
  ss_test_dissect (&t, 1, p, sizeof p, sizeof p);
  ss_test_assert_field_contains (&t, "_ws.expert.message", "Bad length value 4 < 8");
  ss_test_dissection_clear (&t);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/dissect/ipv4", test_ipv4);
  g_test_add_func ("/core/dissect/tcp-syn", test_tcp_syn);
  g_test_add_func ("/core/dissect/udp", test_udp);
  g_test_add_func ("/core/dissect/ip-total-length-lies", test_ip_total_length_lies);
  g_test_add_func ("/core/dissect/tcp-lies", test_tcp_lies);
  g_test_add_func ("/core/dissect/udp-length-lies", test_udp_length_lies);
  return g_test_run ();
}
