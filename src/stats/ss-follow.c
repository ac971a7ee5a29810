/* ss-follow.c: following a TCP or UDP stream, as tshark 4.0's follow taps and tap-follow.c
 *
 * TCP: follow_tcp_tap_listener() and check_follow_fragments() of epan/dissectors/packet-tcp.c,
 * on relative sequence numbers. UDP: every datagram's payload. The tap sees every TCP or UDP
 * header of a packet that passes the stream's filter, except the copies inside ICMP errors.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "ss-follow.h"
#include "ss-stats-private.h"

#define MAX_HEADERS 8

typedef struct
{
  gboolean    is_server;
  guint32     frame;
  gint64      ts_ns;
  guint32     seq;
  GByteArray *data;
} FollowRecord;

/* One TCP or UDP header of a packet, with what the follow taps read. */
typedef struct
{
  SsAddress     src, dst;
  guint16       sport, dport;
  guint32       stream;
  gboolean      have_stream;
  guint32       seq, ack, seglen;
  guint16       flags;
  const guint8 *payload;
  guint32       payload_len;
} FollowHeader;

struct _SsFollow
{
  const SsRegistry *reg;
  SsFollowProto     proto;
  SsFollowMode      mode;
  gboolean          by_stream;
  guint32           stream;
  SsAddress         want_addr[2];
  guint16           want_port[2];
  guint             chunk_min, chunk_max;
  char             *filter_text;

  SsFieldId         f_ip_src, f_ip_dst, f_ip6_src, f_ip6_dst, f_icmp, f_icmpv6;
  SsFieldId         f_sport, f_dport, f_stream, f_seq, f_ack, f_len, f_flags, f_payload;

  gboolean          have_client;
  SsAddress         client_ip, server_ip;
  guint16           client_port, server_port;
  guint32           seq[2];
  guint64           bytes_written[2];
  GPtrArray        *fragments[2];    /* FollowRecord*, out of order, in arrival order */
  GPtrArray        *payload;         /* FollowRecord*, in stream order */
  GArray           *chunks;          /* SsFollowChunk views of payload */

  GHashTable       *udp_streams;     /* UDP conversation -> index + 1 */
  guint32           udp_next;
  gboolean          have_matched;    /* the stream of the first header that matched */
  guint32           matched_stream;
};

static void
record_free (gpointer data)
{
  FollowRecord *r = data;

  if (r->data)
    g_byte_array_unref (r->data);
  g_free (r);
}

static const char *const proto_names[] = { "tcp", "udp", "tls", "http" };
static const char *const mode_names[] = { "ascii", "hex", "raw", "yaml", "ebcdic" };

/* UDP conversations, keyed like Wireshark's: both endpoints, either order. */
typedef struct
{
  SsAddress a, b;
  guint16   pa, pb;
} UdpKey;

static guint
udp_key_hash (gconstpointer p)
{
  const UdpKey *k = p;
  guint ha = k->pa, hb = k->pb;

  for (guint i = 0; i < k->a.len; i++)
    ha = ha * 31 + k->a.data[i];
  for (guint i = 0; i < k->b.len; i++)
    hb = hb * 31 + k->b.data[i];
  return ha + hb;
}

static gboolean
addr_eq (const SsAddress *a,
         const SsAddress *b)
{
  return a->type == b->type && a->len == b->len && memcmp (a->data, b->data, a->len) == 0;
}

static gboolean
udp_key_equal (gconstpointer pa,
               gconstpointer pb)
{
  const UdpKey *x = pa, *y = pb;

  if (x->pa == y->pa && x->pb == y->pb && addr_eq (&x->a, &y->a) && addr_eq (&x->b, &y->b))
    return TRUE;
  return x->pa == y->pb && x->pb == y->pa && addr_eq (&x->a, &y->b) && addr_eq (&x->b, &y->a);
}

static SsFollow *
follow_new (const SsRegistry *reg,
            SsFollowProto     proto,
            SsFollowMode      mode)
{
  SsFollow *f = g_new0 (SsFollow, 1);
  const char *t = proto == SS_FOLLOW_UDP ? "udp" : "tcp";
  g_autofree char *sport = g_strconcat (t, ".srcport", NULL);
  g_autofree char *dport = g_strconcat (t, ".dstport", NULL);
  g_autofree char *payload = g_strconcat (t, ".payload", NULL);
  const SsProtocol *p;

  f->reg = reg;
  f->proto = proto;
  f->mode = mode;
  f->chunk_min = 1;
  f->chunk_max = G_MAXUINT;
  f->f_ip_src = ss_registry_lookup_field (reg, "ip.src");
  f->f_ip_dst = ss_registry_lookup_field (reg, "ip.dst");
  f->f_ip6_src = ss_registry_lookup_field (reg, "ipv6.src");
  f->f_ip6_dst = ss_registry_lookup_field (reg, "ipv6.dst");
  p = ss_registry_lookup_protocol (reg, "icmp");
  f->f_icmp = p ? ss_registry_get_protocol_field (reg, p->id) : SS_FIELD_ID_NONE;
  p = ss_registry_lookup_protocol (reg, "icmpv6");
  f->f_icmpv6 = p ? ss_registry_get_protocol_field (reg, p->id) : SS_FIELD_ID_NONE;
  f->f_sport = ss_registry_lookup_field (reg, sport);
  f->f_dport = ss_registry_lookup_field (reg, dport);
  f->f_payload = ss_registry_lookup_field (reg, payload);
  f->f_stream = SS_FIELD_ID_NONE;
  f->f_seq = f->f_ack = f->f_len = f->f_flags = SS_FIELD_ID_NONE;
  if (proto != SS_FOLLOW_UDP)
    {
      f->f_stream = ss_registry_lookup_field (reg, "tcp.stream");
      f->f_seq = ss_registry_lookup_field (reg, "tcp.seq");
      f->f_ack = ss_registry_lookup_field (reg, "tcp.ack");
      f->f_len = ss_registry_lookup_field (reg, "tcp.len");
      f->f_flags = ss_registry_lookup_field (reg, "tcp.flags");
    }
  f->fragments[0] = g_ptr_array_new_with_free_func (record_free);
  f->fragments[1] = g_ptr_array_new_with_free_func (record_free);
  f->payload = g_ptr_array_new_with_free_func (record_free);
  f->chunks = g_array_new (FALSE, TRUE, sizeof (SsFollowChunk));
  f->udp_streams = g_hash_table_new_full (udp_key_hash, udp_key_equal, g_free, NULL);
  return f;
}

SsFollow *
ss_follow_new (const SsRegistry *reg,
               SsFollowProto     proto,
               SsFollowMode      mode,
               guint32           stream,
               GError          **error)
{
  SsFollow *f = follow_new (reg, proto, mode);

  f->by_stream = TRUE;
  f->stream = stream;
  f->filter_text = g_strdup_printf ("%s.stream eq %u", proto == SS_FOLLOW_UDP ? "udp" : "tcp",
                                    stream);
  return f;
}

SsFollow *
ss_follow_new_for_endpoints (const SsRegistry *reg,
                             SsFollowProto     proto,
                             SsFollowMode      mode,
                             const SsAddress  *addr0,
                             guint16           port0,
                             const SsAddress  *addr1,
                             guint16           port1,
                             GError          **error)
{
  SsFollow *f = follow_new (reg, proto, mode);
  const char *ip = addr0->type == SS_ADDR_IPV6 ? "ipv6" : "ip";
  const char *t = proto == SS_FOLLOW_UDP ? "udp" : "tcp";
  char a[64], b[64];

  f->want_addr[0] = *addr0;
  f->want_addr[1] = *addr1;
  f->want_port[0] = port0;
  f->want_port[1] = port1;
  ss_address_to_string (addr0, a, sizeof a);
  ss_address_to_string (addr1, b, sizeof b);
  f->filter_text = g_strdup_printf ("((%s.src eq %s and %s.srcport eq %u) and (%s.dst eq %s and "
                                    "%s.dstport eq %u)) or ((%s.src eq %s and %s.srcport eq %u) "
                                    "and (%s.dst eq %s and %s.dstport eq %u))",
                                    ip, a, t, port0, ip, b, t, port1,
                                    ip, b, t, port1, ip, a, t, port0);
  return f;
}

void
ss_follow_free (SsFollow *f)
{
  if (!f)
    return;
  g_ptr_array_unref (f->fragments[0]);
  g_ptr_array_unref (f->fragments[1]);
  g_ptr_array_unref (f->payload);
  g_array_unref (f->chunks);
  g_hash_table_unref (f->udp_streams);
  g_free (f->filter_text);
  g_free (f);
}

void
ss_follow_want (SsFollow *f,
                SsEngine *engine)
{
  SsFieldId ids[] = { f->f_ip_src, f->f_ip_dst, f->f_ip6_src, f->f_ip6_dst, f->f_icmp,
                      f->f_icmpv6, f->f_sport, f->f_dport, f->f_payload, f->f_stream, f->f_seq,
                      f->f_ack, f->f_len, f->f_flags };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != SS_FIELD_ID_NONE)
      ss_engine_want_field (engine, ids[i]);
  if (f->proto == SS_FOLLOW_HTTP)
    {
      const SsProtocol *p = ss_registry_lookup_protocol (f->reg, "http");

      if (p)
        ss_engine_want_field (engine, ss_registry_get_protocol_field (f->reg, p->id));
      ss_engine_set_want_follow_data (engine, TRUE);
    }
}

static void
set_addr (SsAddress    *a,
          const SsItem *item)
{
  memset (a, 0, sizeof *a);
  a->type = item->def->type == SS_FT_IPv6 ? SS_ADDR_IPV6 : SS_ADDR_IPV4;
  a->len = a->type == SS_ADDR_IPV6 ? 16 : 4;
  memcpy (a->data, item->v.addr, a->len);
}

static guint
follow_headers (SsFollow       *f,
                const SsPacket *pkt,
                FollowHeader   *h)
{
  SsAddress src = { 0 }, dst = { 0 };
  guint n = 0;
  gboolean open = FALSE;
  gboolean have_dport = FALSE;

  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (id == f->f_icmp || id == f->f_icmpv6)
        break;
      if (id == f->f_ip_src || id == f->f_ip6_src)
        set_addr (&src, item);
      else if (id == f->f_ip_dst || id == f->f_ip6_dst)
        set_addr (&dst, item);
      else if (id == f->f_sport)
        {
          if (open && have_dport)
            n++;
          if (n == MAX_HEADERS)
            {
              open = FALSE;
              break;
            }
          memset (&h[n], 0, sizeof h[n]);
          h[n].src = src;
          h[n].dst = dst;
          h[n].sport = (guint16) item->v.u;
          open = TRUE;
          have_dport = FALSE;
        }
      else if (!open)
        continue;
      else if (id == f->f_dport)
        {
          h[n].dport = (guint16) item->v.u;
          have_dport = TRUE;
        }
      else if (id == f->f_stream)
        {
          h[n].stream = (guint32) item->v.u;
          h[n].have_stream = TRUE;
        }
      else if (id == f->f_seq)
        h[n].seq = (guint32) item->v.u;
      else if (id == f->f_ack)
        h[n].ack = (guint32) item->v.u;
      else if (id == f->f_len)
        h[n].seglen = (guint32) item->v.u;
      else if (id == f->f_flags)
        h[n].flags = (guint16) item->v.u;
      else if (id == f->f_payload)
        {
          h[n].payload = item->v.bytes.data;
          h[n].payload_len = item->v.bytes.len;
        }
    }
  if (open && have_dport)
    n++;
  return n;
}

static gboolean
header_matches (SsFollow           *f,
                const FollowHeader *h)
{
  if (f->by_stream)
    return h->have_stream && h->stream == f->stream;
  if (h->sport == f->want_port[0] && h->dport == f->want_port[1]
      && addr_eq (&h->src, &f->want_addr[0]) && addr_eq (&h->dst, &f->want_addr[1]))
    return TRUE;
  return h->sport == f->want_port[1] && h->dport == f->want_port[0]
         && addr_eq (&h->src, &f->want_addr[1]) && addr_eq (&h->dst, &f->want_addr[0]);
}

#define LT_SEQ(x, y) ((gint32) ((x) - (y)) < 0)
#define GT_SEQ(x, y) ((gint32) ((y) - (x)) < 0)
#define EQ_SEQ(x, y) ((x) == (y))

static FollowRecord *
record_new (gboolean        is_server,
            const SsPacket *pkt,
            const guint8   *data,
            guint32         len)
{
  FollowRecord *r = g_new0 (FollowRecord, 1);

  r->is_server = is_server;
  r->frame = pkt ? pkt->number : 0;
  r->ts_ns = pkt ? pkt->ts_ns : 0;
  r->data = g_byte_array_sized_new (len);
  g_byte_array_append (r->data, data, len);
  return r;
}

static gboolean
check_fragments (SsFollow       *f,
                 gboolean        is_server,
                 guint32         acknowledged,
                 const SsPacket *pkt,
                 gboolean        use_ack)
{
  GPtrArray *frags = f->fragments[is_server];
  guint32 lowest_seq;

  if (frags->len == 0)
    return FALSE;
  lowest_seq = ((FollowRecord *) g_ptr_array_index (frags, 0))->seq;
  for (guint i = 0; i < frags->len; i++)
    {
      FollowRecord *frag = g_ptr_array_index (frags, i);

      if (GT_SEQ (lowest_seq, frag->seq))
        lowest_seq = frag->seq;

      if (LT_SEQ (frag->seq, f->seq[is_server]))
        {
          guint32 newseq = frag->seq + frag->data->len;

          /* Part of it was retransmitted already: keep only what is new. */
          if (GT_SEQ (newseq, f->seq[is_server]))
            {
              guint32 new_pos = f->seq[is_server] - frag->seq;

              if (frag->data->len > new_pos)
                {
                  guint32 size = frag->data->len - new_pos;
                  FollowRecord *r = record_new (is_server, NULL, frag->data->data + new_pos, size);

                  /* tshark keeps the frame number but not the time of such a record. */
                  r->frame = frag->frame;
                  r->seq = f->seq[is_server] + size;
                  g_ptr_array_add (f->payload, r);
                }
              f->seq[is_server] += frag->data->len - new_pos;
            }
          g_ptr_array_remove_index (frags, i);
          return TRUE;
        }
      if (EQ_SEQ (frag->seq, f->seq[is_server]))
        {
          /* It fits the stream now. */
          FollowRecord *r = g_ptr_array_steal_index (frags, i);

          f->seq[is_server] += r->data->len;
          if (r->data->len > 0)
            g_ptr_array_add (f->payload, r);
          else
            record_free (r);
          return TRUE;
        }
    }

  if (use_ack && GT_SEQ (acknowledged, lowest_seq))
    {
      /* The receiver saw bytes the capture missed. */
      g_autofree char *dummy = g_strdup_printf ("[%d bytes missing in capture file]",
                                                (int) (lowest_seq - f->seq[is_server]));
      FollowRecord *r = record_new (is_server, pkt, (const guint8 *) dummy,
                                    (guint32) strlen (dummy) + 1);

      r->ts_ns = 0;   /* tshark leaves the time of this placeholder unset */
      r->seq = lowest_seq;
      f->seq[is_server] = lowest_seq;
      g_ptr_array_add (f->payload, r);
      return TRUE;
    }
  return FALSE;
}

static void
follow_tcp (SsFollow           *f,
            const SsPacket     *pkt,
            const FollowHeader *h)
{
  guint32 sequence = h->seq;
  guint32 length = h->seglen;
  guint32 data_offset = 0;
  guint32 data_length = h->payload_len;
  gboolean is_server;

  if (h->flags & 0x002)
    sequence++;

  is_server = !(addr_eq (&f->client_ip, &h->src) && f->client_port == h->sport);

  /* A packet acknowledging data the capture missed in the other direction. */
  if (f->fragments[!is_server]->len)
    while (check_fragments (f, !is_server, h->ack, pkt, TRUE))
      ;

  if (f->bytes_written[is_server] == 0 && f->seq[is_server] == 0)
    f->seq[is_server] = sequence;

  if (LT_SEQ (sequence, f->seq[is_server]))
    {
      guint32 newseq = sequence + length;

      if (!GT_SEQ (newseq, f->seq[is_server]))
        return;
      data_offset = f->seq[is_server] - sequence;
      data_length = data_length <= data_offset ? 0 : data_length - data_offset;
      sequence = f->seq[is_server];
      length = newseq - f->seq[is_server];
    }

  if (EQ_SEQ (sequence, f->seq[is_server]))
    {
      f->seq[is_server] += length;
      f->bytes_written[is_server] += data_length;
      if (data_length == 0)
        return;
      g_ptr_array_add (f->payload, record_new (is_server, pkt, h->payload + data_offset,
                                               data_length));
      while (check_fragments (f, is_server, 0, pkt, FALSE))
        ;
    }
  else if (data_length > 0)
    {
      /* Out of order: kept until the bytes before it arrive. */
      FollowRecord *r = record_new (is_server, pkt, h->payload, h->payload_len);

      r->seq = sequence;
      g_ptr_array_add (f->fragments[is_server], r);
    }
}

/* follow_tvb_tap_listener(): every block HTTP handed on, whole, in the order it came. */
static void
follow_http (SsFollow       *f,
             const SsPacket *pkt)
{
  for (const SsFollowData *fd = pkt->follow_head; fd; fd = fd->next)
    {
      gboolean is_server;

      if (fd->proto != SS_PROTO_HTTP)
        continue;
      if (!f->have_client)
        {
          f->have_client = TRUE;
          f->client_ip = fd->src;
          f->client_port = fd->srcport;
          f->server_ip = fd->dst;
          f->server_port = fd->dstport;
        }
      is_server = !(addr_eq (&f->client_ip, &fd->src) && f->client_port == fd->srcport);
      f->bytes_written[is_server] += fd->len;
      g_ptr_array_add (f->payload, record_new (is_server, pkt, fd->data, fd->len));
    }
}

static guint32
udp_stream_of (SsFollow           *f,
               const FollowHeader *h)
{
  UdpKey key = { h->src, h->dst, h->sport, h->dport };
  gpointer v = g_hash_table_lookup (f->udp_streams, &key);

  if (v)
    return GPOINTER_TO_UINT (v) - 1;
  g_hash_table_insert (f->udp_streams, g_memdup2 (&key, sizeof key),
                       GUINT_TO_POINTER (++f->udp_next));
  return f->udp_next - 1;
}

void
ss_follow_packet (SsFollow       *f,
                  const SsPacket *pkt)
{
  FollowHeader h[MAX_HEADERS];
  guint n = follow_headers (f, pkt, h);
  gboolean match = FALSE;

  if (f->proto == SS_FOLLOW_UDP)
    for (guint i = 0; i < n; i++)
      {
        h[i].stream = udp_stream_of (f, &h[i]);
        h[i].have_stream = TRUE;
      }
  /* The tap's filter is on the packet: every header of a packet that passes is seen. */
  for (guint i = 0; i < n && !match; i++)
    if ((match = header_matches (f, &h[i])) && !f->have_matched && h[i].have_stream)
      {
        f->have_matched = TRUE;
        f->matched_stream = h[i].stream;
      }
  if (!match)
    return;

  /* Without keys nothing is decrypted, so TLS shows no data, as tshark without keys. */
  if (f->proto == SS_FOLLOW_TLS)
    return;
  if (f->proto == SS_FOLLOW_HTTP)
    {
      follow_http (f, pkt);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      /* UDP's follow tap fires where UDP hands its payload on: not for an empty datagram or
       * one whose length field is wrong. */
      if (f->proto == SS_FOLLOW_UDP && h[i].payload_len == 0)
        continue;
      if (!f->have_client)
        {
          f->have_client = TRUE;
          f->client_ip = h[i].src;
          f->client_port = h[i].sport;
          f->server_ip = h[i].dst;
          f->server_port = h[i].dport;
        }
      if (f->proto == SS_FOLLOW_UDP)
        {
          gboolean is_server = !(addr_eq (&f->client_ip, &h[i].src)
                                 && f->client_port == h[i].sport);

          f->bytes_written[is_server] += h[i].payload_len;
          g_ptr_array_add (f->payload, record_new (is_server, pkt, h[i].payload,
                                                   h[i].payload_len));
        }
      else
        follow_tcp (f, pkt, &h[i]);
    }
}

static void
update_chunks (SsFollow *f)
{
  g_array_set_size (f->chunks, 0);
  for (guint i = 0; i < f->payload->len; i++)
    {
      FollowRecord *r = g_ptr_array_index (f->payload, i);
      SsFollowChunk c = { r->is_server, r->frame, r->ts_ns, r->data->data, r->data->len };

      g_array_append_val (f->chunks, c);
    }
}

gboolean
ss_follow_get_stream (const SsFollow *f,
                      guint32        *stream)
{
  if (f->have_matched)
    *stream = f->matched_stream;
  return f->have_matched;
}

guint
ss_follow_get_n_chunks (const SsFollow *f)
{
  return f->payload->len;
}

const SsFollowChunk *
ss_follow_get_chunk (const SsFollow *f,
                     guint           index)
{
  g_return_val_if_fail (index < f->payload->len, NULL);
  if (f->chunks->len != f->payload->len)
    update_chunks ((SsFollow *) f);
  return &g_array_index (f->chunks, SsFollowChunk, index);
}

gboolean
ss_follow_get_nodes (const SsFollow *f,
                     SsAddress      *addr0,
                     guint16        *port0,
                     SsAddress      *addr1,
                     guint16        *port1)
{
  if (!f->have_client)
    return FALSE;
  *addr0 = f->client_ip;
  *port0 = f->client_port;
  *addr1 = f->server_ip;
  *port1 = f->server_port;
  return TRUE;
}

/* ---- printing ---------------------------------------------------------------------------- */

static void
print_hex (GString      *out,
           const char   *prefix,
           guint32       offset,
           const guint8 *data,
           guint32       len)
{
  static const char hexd[] = "0123456789abcdef";
  char line[80];
  guint jj = 0, kk = 0;

  for (guint32 ii = 0; ii < len;)
    {
      guint8 val;

      if (ii % 16 == 0)
        {
          g_snprintf (line, sizeof line, "%08X", offset);
          memset (line + 8, ' ', 2 + 48 + 2);
          jj = 10;
          kk = 60;
        }
      val = data[ii];
      line[jj++] = hexd[val >> 4];
      line[jj++] = hexd[val & 0xf];
      jj++;
      line[kk++] = val >= ' ' && val < 0x7f ? (char) val : '.';
      /* The extra space after the eighth byte, in both halves. */
      if (ii % 16 == 7)
        {
          jj++;
          line[kk++] = ' ';
        }
      ii++;
      offset++;
      if (ii % 16 == 0 || ii == len)
        {
          /* The line ends after its last ASCII character, spaces of the data included, except
           * that tshark 4.0 drops one trailing space (measured on its output). */
          if (kk > 0 && line[kk - 1] == ' ')
            kk--;
          line[kk] = '\0';
          g_string_append_printf (out, "%s%s\n", prefix, line);
        }
    }
}

void
ss_follow_format_data (SsFollowMode  mode,
                       guint64       offset,
                       const guint8 *data,
                       guint32       len,
                       GString      *out)
{
  switch (mode)
    {
    case SS_FOLLOW_HEX:
      print_hex (out, "", (guint32) offset, data, len);
      break;
    case SS_FOLLOW_RAW:
      for (guint32 j = 0; j < len; j++)
        g_string_append_printf (out, "%02x", data[j]);
      break;
    default:
      /* tap-follow.c keeps CR and LF and shows every other unprintable byte as a dot. */
      for (guint32 j = 0; j < len; j++)
        {
          guint8 c = data[j];

          g_string_append_c (out, c == '\r' || c == '\n' || g_ascii_isprint (c) ? (char) c : '.');
        }
      break;
    }
}

static void
print_node (GString         *out,
            const char      *label,
            const SsAddress *a,
            guint16          port)
{
  char buf[64];

  if (a->type == SS_ADDR_IPV6)
    g_string_append_printf (out, "%s: [%s]:%u\n", label, ss_address_to_string (a, buf, sizeof buf),
                            port);
  else
    g_string_append_printf (out, "%s: %s:%u\n", label, ss_address_to_string (a, buf, sizeof buf),
                            port);
}

static void
print_text (SsFollow *f,
            GString  *out)
{
  static const char separator[] =
    "===================================================================\n";
  guint64 pos[2] = { 0, 0 };

  if (f->mode == SS_FOLLOW_YAML)
    {
      char buf[64];

      g_string_append (out, "peers:\n  - peer: 0\n");
      g_string_append_printf (out, "    host: %s\n", ss_address_to_string (&f->client_ip, buf,
                                                                         sizeof buf));
      g_string_append_printf (out, "    port: %d\n", f->client_port);
      g_string_append (out, "  - peer: 1\n");
      g_string_append_printf (out, "    host: %s\n", ss_address_to_string (&f->server_ip, buf,
                                                                         sizeof buf));
      g_string_append_printf (out, "    port: %d\n", f->server_port);
      g_string_append (out, "packets:\n");
    }
  else
    {
      g_string_append_printf (out, "\n%s", separator);
      g_string_append_printf (out, "Follow: %s,%s\n", proto_names[f->proto], mode_names[f->mode]);
      g_string_append_printf (out, "Filter: %s\n", f->filter_text);
      print_node (out, "Node 0", &f->client_ip, f->client_port);
      print_node (out, "Node 1", &f->server_ip, f->server_port);
    }

  for (guint i = 0; i < f->payload->len; i++)
    {
      FollowRecord *r = g_ptr_array_index (f->payload, i);
      guint chunk = i + 1;
      const char *prefix = r->is_server ? "\t" : "";

      if (chunk < f->chunk_min || chunk > f->chunk_max)
        {
          pos[r->is_server] += r->data->len;
          continue;
        }
      switch (f->mode)
        {
        case SS_FOLLOW_HEX:
          print_hex (out, prefix, (guint32) pos[r->is_server], r->data->data, r->data->len);
          pos[r->is_server] += r->data->len;
          break;
        case SS_FOLLOW_ASCII:
        case SS_FOLLOW_EBCDIC:
          g_string_append_printf (out, "%s%u\n", prefix, r->data->len);
          ss_follow_format_data (SS_FOLLOW_ASCII, 0, r->data->data, r->data->len, out);
          g_string_append_c (out, '\n');
          break;
        case SS_FOLLOW_RAW:
          g_string_append (out, prefix);
          for (guint j = 0; j < r->data->len; j++)
            g_string_append_printf (out, "%02x", r->data->data[j]);
          g_string_append_c (out, '\n');
          break;
        case SS_FOLLOW_YAML:
          {
            g_string_append_printf (out, "  - packet: %u\n    peer: %d\n", r->frame,
                                    r->is_server ? 1 : 0);
            /* tshark prints nstime_to_sec(), a double. */
            g_string_append_printf (out, "    timestamp: %.9f\n",
                                    (double) (r->ts_ns / 1000000000)
                                    + (double) (r->ts_ns % 1000000000) / 1000000000.0);
            g_string_append (out, "    data: !!binary |\n");
            for (guint j = 0; j < r->data->len; j += 57)
              {
                g_autofree char *b64 = g_base64_encode (r->data->data + j,
                                                        MIN (57u, r->data->len - j));

                g_string_append_printf (out, "      %s\n", b64);
              }
          }
          break;
        default:
          break;
        }
    }
  if (f->mode != SS_FOLLOW_YAML)
    g_string_append (out, separator);
}

static void
print_json (SsFollow *f,
            GString  *out)
{
  char buf[64];

  g_string_append_printf (out, "{\"statistic\": \"follow,%s\", \"filter\": ",
                          proto_names[f->proto]);
  ss_stats_json_string (out, f->filter_text);
  g_string_append (out, ", \"nodes\": [");
  if (f->have_client)
    {
      g_string_append (out, "{\"address\": ");
      ss_stats_json_string (out, ss_address_to_string (&f->client_ip, buf, sizeof buf));
      g_string_append_printf (out, ", \"port\": %u}, {\"address\": ", f->client_port);
      ss_stats_json_string (out, ss_address_to_string (&f->server_ip, buf, sizeof buf));
      g_string_append_printf (out, ", \"port\": %u}", f->server_port);
    }
  g_string_append (out, "], \"chunks\": [");
  for (guint i = 0; i < f->payload->len; i++)
    {
      FollowRecord *r = g_ptr_array_index (f->payload, i);
      g_autofree char *b64 = g_base64_encode (r->data->data, r->data->len);

      g_string_append_printf (out, "%s\n  {\"frame\": %u, \"node\": %d, \"timestamp\": %"
                              G_GINT64_FORMAT ".%09d, \"length\": %u, \"data\": \"%s\"}",
                              i ? "," : "", r->frame, r->is_server ? 1 : 0,
                              r->ts_ns / 1000000000, (int) (r->ts_ns % 1000000000), r->data->len,
                              b64);
    }
  g_string_append (out, f->payload->len ? "\n]}\n" : "]}\n");
}

static void
print_csv (SsFollow *f,
           GString  *out)
{
  g_string_append (out, "frame,node,timestamp,length,data_hex\n");
  for (guint i = 0; i < f->payload->len; i++)
    {
      FollowRecord *r = g_ptr_array_index (f->payload, i);

      g_string_append_printf (out, "%u,%d,%" G_GINT64_FORMAT ".%09d,%u,", r->frame,
                              r->is_server ? 1 : 0, r->ts_ns / 1000000000,
                              (int) (r->ts_ns % 1000000000), r->data->len);
      for (guint j = 0; j < r->data->len; j++)
        g_string_append_printf (out, "%02x", r->data->data[j]);
      g_string_append_c (out, '\n');
    }
}

void
ss_follow_print (SsFollow      *f,
                 SsStatsFormat  format,
                 GString       *out)
{
  if (format == SS_STATS_FORMAT_JSON)
    print_json (f, out);
  else if (format == SS_STATS_FORMAT_CSV)
    print_csv (f, out);
  else
    print_text (f, out);
}

/* ---- `-z follow,...` ----------------------------------------------------------------------- */

static gboolean
parse_endpoint (const char **p,
                SsAddress   *addr,
                guint16     *port)
{
  const char *s = *p;
  const char *end;
  g_autofree char *host = NULL;
  guint64 v;
  char *num_end;

  if (*s != ',')
    return FALSE;
  s++;
  if (*s == '[')
    {
      end = strchr (s, ']');
      if (!end || end[1] != ':')
        return FALSE;
      host = g_strndup (s + 1, end - s - 1);
      s = end + 2;
    }
  else
    {
      end = strchr (s, ':');
      if (!end)
        return FALSE;
      host = g_strndup (s, end - s);
      s = end + 1;
    }
  v = g_ascii_strtoull (s, &num_end, 10);
  if (num_end == s || v == 0 || v > G_MAXUINT16)
    return FALSE;
  memset (addr, 0, sizeof *addr);
  if (inet_pton (AF_INET, host, addr->data) == 1)
    {
      addr->type = SS_ADDR_IPV4;
      addr->len = 4;
    }
  else if (inet_pton (AF_INET6, host, addr->data) == 1)
    {
      addr->type = SS_ADDR_IPV6;
      addr->len = 16;
    }
  else
    return FALSE;
  *port = (guint16) v;
  *p = num_end;
  return TRUE;
}

gpointer
ss_follow_new_from_arg (const SsRegistry *reg,
                        const char       *arg,
                        GError          **error)
{
  const char *p = arg + strlen ("follow,");
  SsFollowProto proto;
  SsFollowMode mode = SS_FOLLOW_ASCII;
  gboolean have_mode = FALSE;
  SsFollow *f = NULL;
  guint chunk_min = 1, chunk_max = G_MAXUINT;

  for (proto = 0; proto < G_N_ELEMENTS (proto_names); proto++)
    if (g_str_has_prefix (p, proto_names[proto]))
      break;
  if (proto == G_N_ELEMENTS (proto_names))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_UNKNOWN, _("follow - Invalid protocol."));
      return NULL;
    }
  p += strlen (proto_names[proto]);
  if (*p == ',')
    {
      p++;
      for (guint m = 0; m < G_N_ELEMENTS (mode_names); m++)
        if (g_str_has_prefix (p, mode_names[m]))
          {
            mode = (SsFollowMode) m;
            p += strlen (mode_names[m]);
            have_mode = TRUE;
            break;
          }
    }
  if (!have_mode)
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS, _("follow - Invalid display mode."));
      return NULL;
    }

  {
    char *end = NULL;

    if (p[0] == ',' && g_ascii_isdigit (p[1]))
      {
        guint64 stream = g_ascii_strtoull (p + 1, &end, 10);

        if (*end == '\0' || *end == ',')
          {
            f = ss_follow_new (reg, proto, mode, (guint32) stream, error);
            p = end;
          }
      }
    if (!f)
      {
        SsAddress a0, a1;
        guint16 p0, p1;

        if (!parse_endpoint (&p, &a0, &p0) || !parse_endpoint (&p, &a1, &p1)
            || a0.type != a1.type)
          {
            g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
                         _("follow - Invalid address."));
            return NULL;
          }
        f = ss_follow_new_for_endpoints (reg, proto, mode, &a0, p0, &a1, p1, error);
      }
  }

  /* An optional chunk range: ",N" or ",N-M". */
  if (*p == ',')
    {
      char *end;
      guint64 lo = g_ascii_strtoull (p + 1, &end, 10);

      if (end == p + 1)
        goto bad_range;
      chunk_min = chunk_max = (guint) lo;
      if (*end == '-')
        {
          char *end2;

          chunk_max = (guint) g_ascii_strtoull (end + 1, &end2, 10);
          if (end2 == end + 1)
            goto bad_range;
          end = end2;
        }
      if (*end != '\0' || chunk_min == 0 || chunk_max < chunk_min)
        goto bad_range;
    }
  else if (*p != '\0')
    goto bad_range;
  f->chunk_min = chunk_min;
  f->chunk_max = chunk_max;
  return f;

bad_range:
  ss_follow_free (f);
  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS, _("follow - Invalid range."));
  return NULL;
}

static void
fo_want (gpointer  s,
         SsEngine *e)
{
  ss_follow_want (s, e);
}

static void
fo_packet (gpointer        s,
           const SsPacket *p)
{
  ss_follow_packet (s, p);
}

static void
fo_print (gpointer       s,
          SsStatsFormat  f,
          GString       *o)
{
  ss_follow_print (s, f, o);
}

static void
fo_free (gpointer s)
{
  ss_follow_free (s);
}

const SsStatClass ss_follow_class = {
  "follow", fo_want, fo_packet, fo_print, fo_free,
};
