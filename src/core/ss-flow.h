/* ss-flow.h: which conversation a frame belongs to, without dissecting it
 *
 * A pass split over threads gives each thread whole conversations, so that the state kept per
 * conversation (TCP analysis, reassembly, request/response links) sees every frame of its
 * conversation in order. The hash reads only the link, IP and transport headers' first bytes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hash of the frame's IP addresses, transport protocol and ports (TCP, UDP, SCTP, DCCP), the
 * same both ways; for an ICMP or ICMPv6 error, of the datagram it quotes; for IP in IP and
 * IPv6 in IP, of the inner datagram (up to four tunnels deep). Fragments after the
 * first, without ports, hash by addresses and protocol only (nothing keeps state for them). 0
 * for a frame without IP (ARP, unknown link types, cut headers). */
guint32 ss_flow_hash (guint         link_type,
                      const guint8 *data,
                      guint32       caplen);

G_END_DECLS
