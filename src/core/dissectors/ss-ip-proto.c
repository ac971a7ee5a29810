/* ss-ip-proto.c: IP protocol numbers as Wireshark names them */
#include "config.h"

#include "ss-ip-proto.h"

const SsValueString ss_ip_proto_vals[] = {
  { 0, "IPv6 Hop-by-Hop Option" }, { 1, "ICMP" }, { 2, "IGMP" }, { 4, "IPIP" }, { 6, "TCP" },
  { 8, "EGP" }, { 9, "IGRP" }, { 17, "UDP" }, { 41, "IPv6" }, { 43, "IPv6 Routing" },
  { 44, "IPv6 Fragment" }, { 46, "RSVP" }, { 47, "GRE" }, { 50, "ESP" }, { 51, "AH" },
  { 58, "ICMPv6" }, { 59, "IPv6 No Next Header" }, { 60, "IPv6 Destination Options" },
  { 88, "EIGRP" }, { 89, "OSPFIGP" }, { 103, "PIM" }, { 112, "VRRP" }, { 115, "L2TP" },
  { 132, "SCTP" }, { 135, "Mobility Header" }, { 136, "UDPLite" }, { 137, "MPLS in IP" },
  { 139, "HIP" }, { 140, "Shim6" }, { 0, NULL }
};
