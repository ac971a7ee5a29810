/* ss-flow.c: which conversation a frame belongs to, without dissecting it */
#include "config.h"

#include <string.h>

#include "ss-flow.h"

static inline guint64
load64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return v;
}

static inline guint64
mix64 (guint64 h,
       guint64 v)
{
  h = (h ^ v) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return h ^ (h >> 29);
}

/* The same for (a, b) and (b, a): each end is its address and port (0 without one). Computed
 * for every frame before it is dealt to a thread: words, not bytes. */
static guint32
pair_hash (const guint8 *addr_a,
           const guint8 *addr_b,
           guint         n,
           guint8        proto,
           const guint8 *ports)
{
  guint64 a0, a1 = 0, b0, b1 = 0, h;
  guint64 port_a = ports ? (guint64) (ports[0] << 8 | ports[1]) : 0;
  guint64 port_b = ports ? (guint64) (ports[2] << 8 | ports[3]) : 0;

  if (n == 4)
    {
      guint32 x, y;

      memcpy (&x, addr_a, 4);
      memcpy (&y, addr_b, 4);
      a0 = (guint64) x << 16 | port_a;
      b0 = (guint64) y << 16 | port_b;
    }
  else
    {
      a0 = load64 (addr_a);
      a1 = load64 (addr_a + 8) ^ port_a;
      b0 = load64 (addr_b);
      b1 = load64 (addr_b + 8) ^ port_b;
    }
  h = 0x84222325cbf29ce4ull ^ proto;
  if (a0 > b0 || (a0 == b0 && a1 > b1))
    h = mix64 (mix64 (mix64 (mix64 (h, b0), b1), a0), a1);
  else
    h = mix64 (mix64 (mix64 (mix64 (h, a0), a1), b0), b1);
  return (guint32) (h ^ (h >> 32)) | 1;   /* 0 is for frames without addresses */
}

/* The ports of a TCP, UDP, SCTP or DCCP header at @p, or NULL. */
static const guint8 *
ports_of (guint8        proto,
          const guint8 *p,
          guint32       len)
{
  if ((proto == 6 || proto == 17 || proto == 132 || proto == 33) && len >= 4)
    return p;
  return NULL;
}

/* Tunnels nested deeper than this go by the last header reached. */
#define MAX_TUNNELS 4

static guint32 ipv4_hash (const guint8 *p, guint32 len, gboolean quoted, guint depth);
static guint32 ipv6_hash (const guint8 *p, guint32 len, gboolean quoted, guint depth);

static guint32
ip_hash (const guint8 *p,
         guint32       len,
         guint         depth)
{
  if (len < 1)
    return 0;
  switch (p[0] >> 4)
    {
    case 4: return ipv4_hash (p, len, FALSE, depth);
    case 6: return ipv6_hash (p, len, FALSE, depth);
    default: return 0;
    }
}

/* IP in IP (4) and IPv6 in IP (41, 6in4 and 6to4), which the dissectors follow: the
 * conversation is the inner datagram's, as TCP sees it (the two directions of a 6to4
 * conversation often have different outer addresses). */
static guint32
tunnel_hash (guint8        proto,
             const guint8 *inner,
             guint32       len,
             guint         depth)
{
  if ((proto != 4 && proto != 41) || depth >= MAX_TUNNELS)
    return 0;
  return ip_hash (inner, len, depth + 1);
}

static guint32
ipv4_hash (const guint8 *p,
           guint32       len,
           gboolean      quoted,
           guint         depth)
{
  guint ihl;
  guint32 inner;

  if (len < 20 || (p[0] >> 4) != 4)
    return 0;
  ihl = (p[0] & 0x0f) * 4u;
  /* An ICMP error belongs with the datagram it quotes (RFC 792): its dissection looks up that
   * datagram's conversation. Only a first fragment carries the ICMP header. */
  if (!quoted && p[9] == 1 && ihl >= 20 && len >= ihl + 8 + 20
      && (((p[6] & 0x1f) << 8) | p[7]) == 0)
    {
      guint8 type = p[ihl];

      if (type == 3 || type == 4 || type == 5 || type == 11 || type == 12)
        {
          inner = ipv4_hash (p + ihl + 8, len - ihl - 8, TRUE, depth);
          if (inner)
            return inner;
        }
    }
  /* Only a first fragment carries the header that follows. */
  if ((((p[6] & 0x1f) << 8) | p[7]) != 0 || ihl < 20 || len <= ihl)
    return pair_hash (p + 12, p + 16, 4, p[9], NULL);
  if ((inner = tunnel_hash (p[9], p + ihl, len - ihl, depth)))
    return inner;
  return pair_hash (p + 12, p + 16, 4, p[9], ports_of (p[9], p + ihl, len - ihl));
}

static guint32
ipv6_hash (const guint8 *p,
           guint32       len,
           gboolean      quoted,
           guint         depth)
{
  guint32 inner;
  guint8 next;
  guint32 off = 40;
  gboolean later_fragment = FALSE;

  if (len < 40 || (p[0] >> 4) != 6)
    return 0;
  next = p[6];
  /* Extension headers up to ICMPv6 (RFC 8200 §4). */
  while (off + 8 <= len)
    {
      if (next == 0 || next == 43 || next == 60)
        {
          next = p[off];
          off += (p[off + 1] + 1u) * 8;
        }
      else if (next == 44)
        {
          if (((p[off + 2] << 8) | (p[off + 3] & 0xf8)) != 0)
            {
              later_fragment = TRUE;   /* no transport header */
              break;
            }
          next = p[off];
          off += 8;
        }
      else if (next == 51)
        {
          next = p[off];
          off += (p[off + 1] + 2u) * 4;
        }
      else
        break;
    }
  /* ICMPv6 errors, types 1 to 4 (RFC 4443 §3), quote the datagram after 8 bytes. */
  if (!quoted && next == 58 && off + 8 + 40 <= len && p[off] >= 1 && p[off] <= 4)
    {
      inner = ipv6_hash (p + off + 8, len - off - 8, TRUE, depth);
      if (inner)
        return inner;
    }
  if (!later_fragment && off < len && (inner = tunnel_hash (next, p + off, len - off, depth)))
    return inner;
  if (later_fragment || off > len)
    return pair_hash (p + 8, p + 24, 16, next, NULL);
  return pair_hash (p + 8, p + 24, 16, next, ports_of (next, p + off, len - off));
}

guint32
ss_flow_hash (guint         link_type,
              const guint8 *data,
              guint32       caplen)
{
  guint32 off = 0;
  guint16 type;

  switch (link_type)
    {
    case 1:      /* Ethernet, possibly VLAN-tagged (802.1Q, 802.1ad, QinQ) */
      off = 12;
      for (guint tags = 0; tags < 3; tags++)
        {
          if (off + 2 > caplen)
            return 0;
          type = (guint16) (data[off] << 8 | data[off + 1]);
          if (type != 0x8100 && type != 0x88a8 && type != 0x9100)
            break;
          off += 4;
        }
      if (off + 2 > caplen)
        return 0;
      type = (guint16) (data[off] << 8 | data[off + 1]);
      if (type != 0x0800 && type != 0x86dd)
        return 0;
      return ip_hash (data + off + 2, caplen - off - 2, 0);
    case 113:    /* Linux cooked v1: protocol at 14, payload at 16 */
      if (caplen < 16)
        return 0;
      return ip_hash (data + 16, caplen - 16, 0);
    case 276:    /* Linux cooked v2: payload at 20 */
      if (caplen < 20)
        return 0;
      return ip_hash (data + 20, caplen - 20, 0);
    case 0:      /* BSD loopback: a 4-byte address family */
    case 108:
      if (caplen < 4)
        return 0;
      return ip_hash (data + 4, caplen - 4, 0);
    case 101:    /* raw IP */
    case 228:
    case 229:
      return ip_hash (data, caplen, 0);
    default:
      return 0;
    }
}
