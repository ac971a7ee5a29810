/* ss-icmp.h: what ICMP (ss-dissect-icmp.c) shares with ICMPv6 (ss-dissect-icmpv6.c) */
#pragma once

#include "ss-packet.h"

G_BEGIN_DECLS

/* RFC 4884 §7 multi-part extension structure at @off of @l's reader, with RFC 4950 and RFC 5837
 * objects, as ICMP items: Wireshark's "icmp_extension" dissector belongs to ICMP wherever the
 * structure occurs. */
void ss_icmp_dissect_extensions (SsLayer *l,
                                 guint    off);

/* The fields and expert item of @l's protocol that link an echo request and its reply. */
typedef struct
{
  guint resp_in;
  guint no_resp;
  guint resp_to;
  guint resptime;
  guint resp_not_found;   /* expert index */
} SsIcmpEchoFields;

/* Links an echo request (@reply FALSE) or reply of @l's protocol as Wireshark does: per pair of
 * addresses, a request waits under (@key0, @key1) and the first reply with the same key answers
 * it. The caller makes the key of the request and of the reply equal: the reply's checksum (or
 * the request's), which differ only by the change of type, stands for the echoed data, and
 * @key1 is the identifier and sequence number. Adds the fields and the Info text. */
void ss_icmp_link_echo (SsLayer                *l,
                        guint32                 key0,
                        guint32                 key1,
                        gboolean                reply,
                        const SsIcmpEchoFields *fields);

/* The one's complement sum of two 16-bit words (RFC 1071). */
static inline guint16
ss_icmp_ones_add (guint16 a,
                  guint16 b)
{
  guint32 sum = (guint32) a + b;

  return (guint16) ((sum & 0xffff) + (sum >> 16));
}

G_END_DECLS
