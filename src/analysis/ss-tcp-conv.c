/* ss-tcp-conv.c: TCP conversation tracking and sequence analysis for the first pass
 *
 * The rules are Wireshark's (epan/dissectors/packet-tcp.c, tcp_analyze_sequence_number) so the
 * same frames get the same tcp.analysis flags: a segment is compared with the highest sequence
 * number seen in its direction, the last ACK and window in each direction, and the list of
 * segments not yet acknowledged. Sequence numbers wrap, so every comparison is modulo 2^32.
 *
 * Results are stored per frame, so a frame dissected again later (the GUI selecting a packet)
 * shows what the first pass computed. They are kept compact (two million frames are common):
 * only what the analysis adds to the header's own values, as variable-length integers in one
 * byte array, with the offset of each frame's record in an array indexed by frame number. What
 * follows from the header (the next sequence number, the scaled window) is computed again.
 */
#include "config.h"

#include <string.h>

#include "ss-tcp-conv.h"

#define TH_FIN 0x001
#define TH_SYN 0x002
#define TH_RST 0x004
#define TH_PUSH 0x008
#define TH_ACK 0x010

#define GT_SEQ(a, b) ((gint32) ((a) - (b)) > 0)
#define LT_SEQ(a, b) ((gint32) ((a) - (b)) < 0)
#define LE_SEQ(a, b) ((gint32) ((a) - (b)) <= 0)

/* Past this many unacknowledged segments the ACKs are probably not in the capture; Wireshark
 * stops remembering more (TCP_MAX_UNACKED_SEGMENTS). */
#define MAX_UNACKED 10000

typedef struct _Unacked Unacked;
struct _Unacked
{
  Unacked *next;
  guint32  frame;
  guint32  seq;
  guint32  nextseq;
  gint64   ts_ns;
};

typedef struct
{
  guint32  base_seq;
  gboolean base_set;
  gint     win_scale;      /* shift from the SYN; -1 unknown, -2 the SYN had no option */
  guint32  window;         /* last window, unscaled */
  guint32  nextseq;        /* highest sequence number seen + 1 (0: none yet) */
  gint64   nextseq_ts_ns;
  guint32  maxseqtobeacked;
  guint32  lastack;
  gint64   lastack_ts_ns;
  guint32  lastnondupack;
  guint32  dupacknum;
  guint32  lastsegmentflags;
  gboolean valid_bif;
  guint32  push_bytes_sent;
  gboolean push_set_last;
  Unacked *segments;
  guint    n_segments;
  guint    num_sack;       /* SACK blocks in this side's last segment */
  guint32  sack_le[4];
  guint32  sack_re[4];
} TcpFlow;

typedef struct
{
  guint32   stream;
  SsAddress addr[2];       /* addr[0]:port[0] is the side that sent first */
  guint16   port[2];
  TcpFlow   flow[2];
  gint64    syn_ts_ns;     /* last SYN, for the initial RTT (-1: none) */
  gint64    first_rtt_ns;  /* -1 until the handshake completed */
  gint64    first_ts_ns;   /* the stream's first frame (-1: none yet) */
  gint64    prev_ts_ns;    /* its latest frame so far */
  gboolean  closing[2];    /* by direction: that side's FIN came before the other's */
} TcpStream;

/* The key is the unordered pair of endpoints. */
typedef struct
{
  guint8  a[17];           /* type + 16 address bytes */
  guint8  b[17];
  guint16 pa;
  guint16 pb;
} TcpKey;

/* A frame without a record in the offsets array. */
#define NO_RECORD G_MAXUINT32

/* Bits of a record's header: which values follow it (the others have their defaults). */
enum
{
  REC_DIR            = 1 << 0,
  REC_FIN_SHIFT      = 1,           /* 2 bits: fin_kind */
  REC_WIN_UNKNOWN    = 1 << 3,      /* win_scalefactor -1 */
  REC_WIN_NONE       = 1 << 4,      /* win_scalefactor -2; neither bit: a shift follows */
  REC_ANALYSIS       = 1 << 5,
  REC_AFLAGS         = 1 << 6,
  REC_DUPACK_NUM     = 1 << 7,
  REC_DUPACK_FRAME   = 1 << 8,
  REC_ACKS_FRAME     = 1 << 9,
  REC_ACK_RTT        = 1 << 10,
  REC_INITIAL_RTT    = 1 << 11,
  REC_IN_FLIGHT      = 1 << 12,
  REC_PUSH_BYTES     = 1 << 13,
};

struct _SsTcpConv
{
  GHashTable *streams;     /* TcpKey* -> TcpStream* (current stream of that 4-tuple) */
  GPtrArray  *all;         /* every TcpStream, owned */
  GArray     *offsets;     /* guint32, by frame number: where its record starts, or NO_RECORD */
  GByteArray *records;     /* the frames' records, back to back */
  gboolean    remember;
  guint32     n_streams;
  SsTcpStreamAllocFunc alloc;   /* numbers new streams when set (several tables, one numbering) */
  gpointer    alloc_data;
  Unacked    *spare;       /* unacked records to reuse: one is taken and given back per segment */
  TcpStream  *last;        /* the stream of the last segment, whose key is @last_key: */
  TcpKey      last_key;    /* consecutive segments mostly belong to one */
};

/* Eight bytes at a time (the key is 38 bytes, zeroed before it is filled): looked up for every
 * segment. */
static guint
key_hash (gconstpointer p)
{
  const guint8 *b = p;
  guint64 h = 0;

  G_STATIC_ASSERT (sizeof (TcpKey) == 38);
  for (guint i = 0; i + 8 <= sizeof (TcpKey); i += 8)
    {
      guint64 w;

      memcpy (&w, b + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
    }
  {
    guint64 w = 0;

    memcpy (&w, b + 32, sizeof (TcpKey) - 32);
    h = (h ^ w) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  }
  return (guint) (h >> 32);
}

static gboolean
key_equal (gconstpointer pa,
           gconstpointer pb)
{
  const guint8 *x = pa, *y = pb;
  guint64 u = 0, v = 0;

  /* Word by word, the last six bytes in one word: no library call per lookup. */
  for (guint i = 0; i + 8 <= sizeof (TcpKey); i += 8)
    {
      memcpy (&u, x + i, 8);
      memcpy (&v, y + i, 8);
      if (u != v)
        return FALSE;
    }
  u = v = 0;
  memcpy (&u, x + 32, sizeof (TcpKey) - 32);
  memcpy (&v, y + 32, sizeof (TcpKey) - 32);
  return u == v;
}

static void
stream_free (gpointer p)
{
  TcpStream *st = p;

  for (guint d = 0; d < 2; d++)
    while (st->flow[d].segments)
      {
        Unacked *u = st->flow[d].segments;
        st->flow[d].segments = u->next;
        g_free (u);
      }
  g_free (st);
}

SsTcpConv *
ss_tcp_conv_new (void)
{
  SsTcpConv *conv = g_new0 (SsTcpConv, 1);

  conv->streams = g_hash_table_new_full (key_hash, key_equal, g_free, NULL);
  conv->all = g_ptr_array_new_with_free_func (stream_free);
  conv->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  conv->records = g_byte_array_new ();
  conv->remember = TRUE;
  return conv;
}

void
ss_tcp_conv_free (SsTcpConv *conv)
{
  if (!conv)
    return;
  while (conv->spare)
    {
      Unacked *u = conv->spare;

      conv->spare = u->next;
      g_free (u);
    }
  g_hash_table_unref (conv->streams);
  g_ptr_array_unref (conv->all);
  g_array_unref (conv->offsets);
  g_byte_array_unref (conv->records);
  g_free (conv);
}

void
ss_tcp_conv_set_remember_frames (SsTcpConv *conv,
                                 gboolean   remember)
{
  conv->remember = remember;
}

void
ss_tcp_conv_set_stream_alloc (SsTcpConv            *conv,
                              SsTcpStreamAllocFunc  func,
                              gpointer              user_data)
{
  conv->alloc = func;
  conv->alloc_data = user_data;
}

guint
ss_tcp_conv_get_n_streams (const SsTcpConv *conv)
{
  return conv->n_streams;
}

static void
address_key (const SsAddress *addr,
             guint8          *out)
{
  memset (out, 0, 17);
  out[0] = addr->type;
  memcpy (out + 1, addr->data, MIN (addr->len, 16));
}

static void
make_key (const SsTcpInfo *info,
          TcpKey          *key)
{
  guint8 s[17], d[17];
  int c;

  memset (key, 0, sizeof *key);
  address_key (info->src, s);
  address_key (info->dst, d);
  c = memcmp (s, d, 17);
  if (c < 0 || (c == 0 && info->srcport <= info->dstport))
    {
      memcpy (key->a, s, 17);
      memcpy (key->b, d, 17);
      key->pa = info->srcport;
      key->pb = info->dstport;
    }
  else
    {
      memcpy (key->a, d, 17);
      memcpy (key->b, s, 17);
      key->pa = info->dstport;
      key->pb = info->srcport;
    }
}

static TcpStream *
new_stream (SsTcpConv       *conv,
            const SsPacket  *pkt,
            const SsTcpInfo *info,
            const TcpKey    *key)
{
  TcpStream *st = g_new0 (TcpStream, 1);

  st->stream = conv->alloc ? conv->alloc (conv->alloc_data, pkt->number) : conv->n_streams;
  conv->n_streams++;
  st->addr[0] = *info->src;
  st->addr[1] = *info->dst;
  st->port[0] = info->srcport;
  st->port[1] = info->dstport;
  for (guint d = 0; d < 2; d++)
    {
      st->flow[d].win_scale = -1;
      st->flow[d].valid_bif = TRUE;
    }
  st->syn_ts_ns = -1;
  st->first_rtt_ns = -1;
  st->first_ts_ns = -1;
  st->prev_ts_ns = -1;
  g_ptr_array_add (conv->all, st);
  g_hash_table_replace (conv->streams, g_memdup2 (key, sizeof *key), st);
  return st;
}

static gboolean
same_address (const SsAddress *a,
              const SsAddress *b)
{
  return a->type == b->type && a->len == b->len && memcmp (a->data, b->data, a->len) == 0;
}

static guint
direction_of (const TcpStream *st,
              const SsTcpInfo *info)
{
  return same_address (info->src, &st->addr[0]) && info->srcport == st->port[0] ? 0 : 1;
}

static Unacked *
unacked_new (SsTcpConv *conv)
{
  Unacked *u = conv->spare;

  if (!u)
    return g_new (Unacked, 1);
  conv->spare = u->next;
  return u;
}

static void
unacked_release (SsTcpConv *conv,
                 Unacked   *u)
{
  u->next = conv->spare;
  conv->spare = u;
}

/* The sequence analysis proper. @seq and @ack are the raw header values. */
static void
analyze_sequence (SsTcpConv *conv,
                  TcpStream *st,
                  guint      dir,
                  SsPacket  *pkt,
                  SsTcpInfo *info)
{
  TcpFlow *fwd = &st->flow[dir];
  TcpFlow *rev = &st->flow[1 - dir];
  guint32 seq = info->seq, ack = info->ack, seglen = info->seglen, window = info->window;
  guint16 flags = info->flags;
  guint32 af = info->aflags;
  guint32 nextseq;
  guint ackcount = 0;
  Unacked *u, *prev;

  /* The SACK blocks this side reports now; bytes in flight of the other side leave them out. */
  fwd->num_sack = info->sack_n;
  for (guint i = 0; i < info->sack_n; i++)
    {
      fwd->sack_le[i] = info->sack_le[i];
      fwd->sack_re[i] = info->sack_re[i];
    }

  /* ZERO WINDOW PROBE: one byte at the next sequence number while the peer's window is 0. */
  if (seglen == 1 && seq == fwd->nextseq && rev->window == 0)
    {
      af |= SS_TCP_A_ZERO_WINDOW_PROBE;
      goto finished_fwd;
    }

  /* ZERO WINDOW */
  if (window == 0 && (flags & (TH_RST | TH_FIN | TH_SYN)) == 0)
    af |= SS_TCP_A_ZERO_WINDOW;

  /* LOST PACKET: a gap before this segment. */
  if (fwd->nextseq && GT_SEQ (seq, fwd->nextseq) && (flags & TH_RST) == 0)
    {
      af |= SS_TCP_A_LOST_PACKET;
      /* Bytes in flight are unknown until the peer acknowledges again. */
      fwd->valid_bif = FALSE;
    }

  /* KEEP ALIVE: zero or one byte one below the next sequence number. */
  if ((seglen == 0 || seglen == 1) && seq == fwd->nextseq - 1
      && (flags & (TH_SYN | TH_FIN | TH_RST)) == 0)
    af |= SS_TCP_A_KEEP_ALIVE;

  /* WINDOW UPDATE: only the window changed. */
  if (seglen == 0 && window && window != fwd->window && seq == fwd->nextseq
      && ack == fwd->lastack && (flags & (TH_SYN | TH_FIN | TH_RST)) == 0)
    af |= SS_TCP_A_WINDOW_UPDATE;

  /* WINDOW FULL: this segment fills the peer's advertised window exactly. */
  if (seglen > 0 && rev->win_scale != -1
      && (seq + seglen) == (rev->lastack
                            + (rev->window << (rev->win_scale == -2 ? 0 : MIN (rev->win_scale, 14))))
      && (flags & (TH_SYN | TH_FIN | TH_RST)) == 0)
    af |= SS_TCP_A_WINDOW_FULL;

  /* KEEP ALIVE ACK */
  if (seglen == 0 && window && window == fwd->window && seq == fwd->nextseq
      && ack == fwd->lastack && (rev->lastsegmentflags & SS_TCP_A_KEEP_ALIVE)
      && (flags & (TH_SYN | TH_FIN | TH_RST)) == 0)
    {
      af |= SS_TCP_A_KEEP_ALIVE_ACK;
      goto finished_fwd;
    }

  /* ZERO WINDOW PROBE ACK */
  if (seglen == 0 && window == 0 && window == fwd->window && seq == fwd->nextseq
      && (ack == fwd->lastack || ack == fwd->lastack + 1)
      && (rev->lastsegmentflags & SS_TCP_A_ZERO_WINDOW_PROBE)
      && (flags & (TH_SYN | TH_FIN | TH_RST)) == 0)
    {
      af |= SS_TCP_A_ZERO_WINDOW_PROBE_ACK;
      goto finished_fwd;
    }

  /* DUPLICATE ACK: nothing changed but the segment was sent again. */
  if (seglen == 0 && window && window == fwd->window && seq == fwd->nextseq
      && ack == fwd->lastack && (flags & (TH_SYN | TH_FIN | TH_RST)) == 0)
    {
      fwd->dupacknum++;
      af |= SS_TCP_A_DUPLICATE_ACK;
      info->dupack_num = fwd->dupacknum;
      info->dupack_frame = fwd->lastnondupack;
    }

finished_fwd:
  /* A new ACK number restarts the duplicate count. */
  if (ack != fwd->lastack)
    {
      fwd->lastnondupack = pkt->number;
      fwd->dupacknum = 0;
    }

  /* ACKED LOST PACKET: the peer acknowledges bytes this capture never saw. */
  if (rev->maxseqtobeacked && GT_SEQ (ack, rev->maxseqtobeacked) && (flags & TH_ACK))
    {
      af |= SS_TCP_A_ACK_LOST_PACKET;
      rev->maxseqtobeacked = rev->nextseq;
    }

  /* RETRANSMISSION and its kinds: data (or SYN/FIN) below the highest sequence seen. */
  if ((seglen > 0 || (flags & (TH_SYN | TH_FIN))) && fwd->nextseq && LT_SEQ (seq, fwd->nextseq))
    {
      gint64 t;
      gint64 ooo_thres;

      if (af & SS_TCP_A_KEEP_ALIVE)
        goto finished_retransmission;

      /* Everything in it was acknowledged already. */
      if (seglen > 0 && rev->lastack && LE_SEQ (seq + seglen, rev->lastack))
        {
          af |= SS_TCP_A_SPURIOUS_RETRANSMISSION;
          goto finished_retransmission;
        }

      /* At least two duplicate ACKs for this very sequence number, recently. */
      t = pkt->ts_ns - rev->lastack_ts_ns;
      if (rev->dupacknum >= 2 && rev->lastack == seq && t < 20000000)
        {
          af |= SS_TCP_A_FAST_RETRANSMISSION;
          goto finished_retransmission;
        }

      /* Close behind the highest segment and not a copy of it: reordered on the way. */
      ooo_thres = st->first_rtt_ns > 0 ? st->first_rtt_ns : 3000000;
      t = pkt->ts_ns - fwd->nextseq_ts_ns;
      if (t < ooo_thres
          && fwd->nextseq != seq + seglen + ((flags & (TH_SYN | TH_FIN)) ? 1 : 0))
        {
          af |= SS_TCP_A_OUT_OF_ORDER;
          goto finished_retransmission;
        }

      af |= SS_TCP_A_RETRANSMISSION;
    }

finished_retransmission:
  nextseq = seq + seglen;
  if (flags & (TH_SYN | TH_FIN))
    nextseq += 1;
  if ((seglen || (flags & (TH_SYN | TH_FIN))) && fwd->n_segments < MAX_UNACKED)
    {
      u = unacked_new (conv);
      u->next = fwd->segments;
      u->frame = pkt->number;
      u->seq = seq;
      u->nextseq = nextseq;
      u->ts_ns = pkt->ts_ns;
      fwd->segments = u;
      fwd->n_segments++;
    }

  /* The highest sequence number so far, to spot holes. */
  if (GT_SEQ (nextseq, fwd->nextseq) || !fwd->nextseq)
    if (!(af & SS_TCP_A_ZERO_WINDOW_PROBE))
      {
        fwd->nextseq = nextseq;
        fwd->nextseq_ts_ns = pkt->ts_ns;
      }

  /* The highest contiguous sequence number, to spot ACKs of unseen data. */
  if (seq == fwd->maxseqtobeacked || !fwd->maxseqtobeacked)
    if (!(af & SS_TCP_A_ZERO_WINDOW_PROBE))
      fwd->maxseqtobeacked = fwd->nextseq;

  fwd->window = window;
  fwd->lastack = ack;
  fwd->lastack_ts_ns = pkt->ts_ns;
  fwd->lastsegmentflags = af;

  /* Drop the peer's segments this ACK covers; an exact match gives the round-trip time. */
  prev = NULL;
  u = rev->segments;
  while (u)
    {
      Unacked *next;

      if (ack == u->nextseq)
        {
          info->have_analysis = TRUE;
          info->acks_frame = u->frame;
          info->ack_rtt_ns = pkt->ts_ns - u->ts_ns;
        }
      else if (GT_SEQ (ack, u->seq) && LE_SEQ (ack, u->nextseq))
        {
          /* Part of it: what is left starts at the ACK. */
          u->seq = ack;
          prev = u;
          u = u->next;
          continue;
        }
      else if (GT_SEQ (u->nextseq, ack))
        {
          prev = u;
          u = u->next;
          continue;
        }

      ackcount++;
      next = u->next;
      if (prev)
        prev->next = next;
      else
        rev->segments = next;
      unacked_release (conv, u);
      rev->n_segments--;
      u = next;
    }
  if (ackcount > 0 || (flags & TH_ACK))
    rev->valid_bif = TRUE;

  /* Bytes in flight after this segment: the span of what this side has not seen acked. */
  u = fwd->segments;
  if (seglen != 0 && u && fwd->valid_bif)
    {
      guint32 first_seq = u->seq - fwd->base_seq;
      guint32 last_seq = u->nextseq - fwd->base_seq;
      guint32 in_flight;

      for (; u; u = u->next)
        {
          if (u->seq - fwd->base_seq < first_seq)
            first_seq = u->seq - fwd->base_seq;
          if (u->nextseq - fwd->base_seq > last_seq)
            last_seq = u->nextseq - fwd->base_seq;
        }
      in_flight = last_seq - first_seq;
      /* A FIN takes a sequence number but carries no byte. */
      if (flags & TH_FIN)
        in_flight -= 1;
      /* Selectively acknowledged bytes have arrived: they are not in flight. */
      for (guint i = 0; i < rev->num_sack; i++)
        in_flight -= rev->sack_re[i] - rev->sack_le[i];
      if (in_flight > 0 && in_flight < 2000000000)
        {
          info->have_analysis = TRUE;
          info->bytes_in_flight = in_flight;
        }

      /* Bytes sent since the last PSH. */
      if ((flags & TH_PUSH) && !fwd->push_set_last)
        {
          fwd->push_bytes_sent += seglen;
          fwd->push_set_last = TRUE;
        }
      else if ((flags & TH_PUSH) && fwd->push_set_last)
        {
          fwd->push_bytes_sent = seglen;
          fwd->push_set_last = TRUE;
        }
      else if (fwd->push_set_last)
        {
          fwd->push_bytes_sent = seglen;
          fwd->push_set_last = FALSE;
        }
      else
        fwd->push_bytes_sent += seglen;
      info->push_bytes_sent = fwd->push_bytes_sent;
      info->have_analysis = TRUE;
    }

  info->aflags = af;
  if (af)
    info->have_analysis = TRUE;
}

static void
first_pass (SsTcpConv *conv,
            SsPacket  *pkt,
            SsTcpInfo *info)
{
  TcpKey key;
  TcpStream *st;
  TcpFlow *fwd, *rev;
  guint dir;

  make_key (info, &key);
  if (conv->last && key_equal (&key, &conv->last_key))
    st = conv->last;
  else
    st = g_hash_table_lookup (conv->streams, &key);

  /* A SYN with another initial sequence number than the one this direction started with is a
   * new connection on the same ports (Wireshark: "TCP Port numbers reused"). */
  if (st && (info->flags & (TH_SYN | TH_ACK)) == TH_SYN)
    {
      TcpFlow *f = &st->flow[direction_of (st, info)];

      if (f->base_set && info->seq != f->base_seq)
        {
          st = new_stream (conv, pkt, info, &key);
          info->aflags |= SS_TCP_A_REUSED_PORTS;
        }
    }
  if (!st)
    st = new_stream (conv, pkt, info, &key);
  conv->last = st;
  conv->last_key = key;

  dir = direction_of (st, info);
  fwd = &st->flow[dir];
  rev = &st->flow[1 - dir];

  /* A SYN/ACK with another initial sequence number than this side used so far: the ports were
   * reused; this side starts over (Wireshark keeps the stream number here). */
  if ((info->flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK) && fwd->base_set
      && info->seq != fwd->base_seq)
    {
      Unacked *u;

      while ((u = fwd->segments))
        {
          fwd->segments = u->next;
          unacked_release (conv, u);
        }
      fwd->n_segments = 0;
      fwd->base_seq = info->seq;
      fwd->nextseq = 0;
      fwd->maxseqtobeacked = 0;
      fwd->win_scale = -1;
      info->aflags |= SS_TCP_A_REUSED_PORTS;
    }

  if ((info->flags & TH_SYN) && fwd->win_scale == -1)
    fwd->win_scale = info->wscale >= 0 ? info->wscale : -2;

  /* Relative sequence numbers start at the SYN, or one below the first segment seen. */
  if (!fwd->base_set)
    {
      fwd->base_seq = (info->flags & TH_SYN) ? info->seq : info->seq - 1;
      fwd->base_set = TRUE;
    }
  if (!rev->base_set && (info->flags & TH_ACK))
    {
      rev->base_seq = info->ack - 1;
      rev->base_set = TRUE;
    }

  /* Initial RTT: from the SYN to the ACK that completes the handshake. */
  if ((info->flags & (TH_SYN | TH_ACK)) == TH_SYN)
    st->syn_ts_ns = pkt->ts_ns;
  else if ((info->flags & (TH_SYN | TH_ACK)) == TH_ACK && st->first_rtt_ns < 0
           && st->syn_ts_ns >= 0)
    st->first_rtt_ns = pkt->ts_ns - st->syn_ts_ns;

  info->have_stream = TRUE;
  info->stream = st->stream;
  info->dir = dir;
  /* Wireshark's tcp.time_relative and tcp.time_delta, in capture order. */
  if (st->first_ts_ns < 0)
    st->first_ts_ns = pkt->ts_ns;
  info->time_rel_ns = pkt->ts_ns - st->first_ts_ns;
  info->time_delta_ns = st->prev_ts_ns < 0 ? 0 : pkt->ts_ns - st->prev_ts_ns;
  st->prev_ts_ns = pkt->ts_ns;
  info->relative = TRUE;
  info->rel_seq = info->seq - fwd->base_seq;
  /* Without the ACK flag tshark shows the field as it is. */
  info->rel_ack = rev->base_set && (info->flags & TH_ACK) ? info->ack - rev->base_seq
                                                          : info->ack;
  info->nxtseq = info->rel_seq + info->seglen + ((info->flags & TH_SYN) ? 1 : 0)
                 + ((info->flags & TH_FIN) ? 1 : 0);

  if (info->flags & TH_SYN)
    {
      info->win_scalefactor = -1;
      info->win_size = info->window;
    }
  else if (fwd->win_scale == -2 || rev->win_scale == -2)
    {
      info->win_scalefactor = -2;
      info->win_size = info->window;
    }
  else if (fwd->win_scale >= 0)
    {
      /* Scaled with this side's own shift even when the peer's SYN was not captured. */
      guint shift = MIN (fwd->win_scale, 14);

      info->win_scalefactor = 1 << shift;
      info->win_size = (guint32) info->window << shift;
    }
  else
    {
      info->win_scalefactor = -1;
      info->win_size = info->window;
    }

  /* Who starts closing the connection, and who follows: as tshark 4.0, every FIN of the side
   * that sent the first one (its retransmissions too) initiates, every FIN of the other side
   * undergoes. */
  if (info->flags & TH_FIN)
    {
      if (st->closing[!dir])
        info->fin_kind = 2;
      else
        {
          st->closing[dir] = TRUE;
          info->fin_kind = 1;
        }
    }

  info->ack_rtt_ns = -1;
  analyze_sequence (conv, st, dir, pkt, info);
  info->initial_rtt_ns = st->first_rtt_ns;
}

/* Appends @v to @p as a variable-length integer (7 bits a byte, low bits first); returns the
 * end. */
static guint8 *
put_varint (guint8  *p,
            guint64  v)
{
  while (v >= 0x80)
    {
      *p++ = (guint8) (v | 0x80);
      v >>= 7;
    }
  *p++ = (guint8) v;
  return p;
}

static guint64
get_varint (const guint8 **p)
{
  guint64 v = 0;
  guint shift = 0;

  while (**p & 0x80)
    {
      v |= (guint64) (**p & 0x7f) << shift;
      shift += 7;
      (*p)++;
    }
  v |= (guint64) **p << shift;
  (*p)++;
  return v;
}

/* Times may in principle be negative (timestamps going back): zigzag. */
static guint64
zigzag (gint64 v)
{
  return ((guint64) v << 1) ^ (guint64) (v >> 63);
}

static gint64
unzigzag (guint64 v)
{
  return (gint64) (v >> 1) ^ -(gint64) (v & 1);
}

/* Stores what the analysis added to @info for frame @number (replacing an earlier record of the
 * same frame: the last TCP layer of a frame wins). */
static void
remember_frame (SsTcpConv       *conv,
                guint32          number,
                const SsTcpInfo *info)
{
  guint32 header = 0;
  guint32 at = conv->records->len;
  guint32 none = NO_RECORD;
  guint8 buf[16 * 10];       /* at most 16 values of at most 10 bytes */
  guint8 *p = buf;

  /* Records are addressed with 32 bits: past 4 GiB of them, stop remembering. */
  if (conv->records->len > G_MAXUINT32 - 128)
    return;
  header |= info->dir ? REC_DIR : 0;
  header |= (guint32) (info->fin_kind & 3) << REC_FIN_SHIFT;
  if (info->win_scalefactor == -1)
    header |= REC_WIN_UNKNOWN;
  else if (info->win_scalefactor == -2)
    header |= REC_WIN_NONE;
  header |= info->have_analysis ? REC_ANALYSIS : 0;
  header |= info->aflags ? REC_AFLAGS : 0;
  header |= info->dupack_num ? REC_DUPACK_NUM : 0;
  header |= info->dupack_frame ? REC_DUPACK_FRAME : 0;
  header |= info->acks_frame ? REC_ACKS_FRAME : 0;
  header |= info->ack_rtt_ns != -1 ? REC_ACK_RTT : 0;
  header |= info->initial_rtt_ns != -1 ? REC_INITIAL_RTT : 0;
  header |= info->bytes_in_flight ? REC_IN_FLIGHT : 0;
  header |= info->push_bytes_sent ? REC_PUSH_BYTES : 0;

  p = put_varint (p, header);
  p = put_varint (p, info->stream);
  p = put_varint (p, info->rel_seq);
  p = put_varint (p, info->rel_ack);
  if (!(header & (REC_WIN_UNKNOWN | REC_WIN_NONE)))
    p = put_varint (p, (guint32) info->win_scalefactor);
  if (header & REC_AFLAGS)
    p = put_varint (p, info->aflags);
  if (header & REC_DUPACK_NUM)
    p = put_varint (p, info->dupack_num);
  if (header & REC_DUPACK_FRAME)
    p = put_varint (p, info->dupack_frame);
  if (header & REC_ACKS_FRAME)
    p = put_varint (p, info->acks_frame);
  if (header & REC_ACK_RTT)
    p = put_varint (p, zigzag (info->ack_rtt_ns));
  if (header & REC_INITIAL_RTT)
    p = put_varint (p, zigzag (info->initial_rtt_ns));
  if (header & REC_IN_FLIGHT)
    p = put_varint (p, info->bytes_in_flight);
  if (header & REC_PUSH_BYTES)
    p = put_varint (p, info->push_bytes_sent);
  p = put_varint (p, zigzag (info->time_rel_ns));
  p = put_varint (p, zigzag (info->time_delta_ns));

  g_byte_array_append (conv->records, buf, (guint) (p - buf));
  while (conv->offsets->len <= number)
    g_array_append_val (conv->offsets, none);
  g_array_index (conv->offsets, guint32, number) = at;
}

/* Gives back what the first pass found for frame @number, over the header values the dissector
 * has read again into @info. FALSE when the frame has no record. */
static gboolean
recall_frame (const SsTcpConv *conv,
              guint32          number,
              SsTcpInfo       *info)
{
  const guint8 *p;
  guint32 header;

  if (number >= conv->offsets->len || g_array_index (conv->offsets, guint32, number) == NO_RECORD)
    return FALSE;
  p = conv->records->data + g_array_index (conv->offsets, guint32, number);
  header = (guint32) get_varint (&p);
  info->have_stream = TRUE;
  info->relative = TRUE;
  info->dir = (header & REC_DIR) ? 1 : 0;
  info->fin_kind = (guint8) ((header >> REC_FIN_SHIFT) & 3);
  info->stream = (guint32) get_varint (&p);
  info->rel_seq = (guint32) get_varint (&p);
  info->rel_ack = (guint32) get_varint (&p);
  info->nxtseq = info->rel_seq + info->seglen + ((info->flags & TH_SYN) ? 1 : 0)
                 + ((info->flags & TH_FIN) ? 1 : 0);
  if (header & REC_WIN_UNKNOWN)
    info->win_scalefactor = -1;
  else if (header & REC_WIN_NONE)
    info->win_scalefactor = -2;
  else
    info->win_scalefactor = (gint32) get_varint (&p);
  info->win_size = info->win_scalefactor > 0 ? info->window * (guint32) info->win_scalefactor
                                             : info->window;
  info->have_analysis = (header & REC_ANALYSIS) != 0;
  info->aflags = (header & REC_AFLAGS) ? (guint32) get_varint (&p) : 0;
  info->dupack_num = (header & REC_DUPACK_NUM) ? (guint32) get_varint (&p) : 0;
  info->dupack_frame = (header & REC_DUPACK_FRAME) ? (guint32) get_varint (&p) : 0;
  info->acks_frame = (header & REC_ACKS_FRAME) ? (guint32) get_varint (&p) : 0;
  info->ack_rtt_ns = (header & REC_ACK_RTT) ? unzigzag (get_varint (&p)) : -1;
  info->initial_rtt_ns = (header & REC_INITIAL_RTT) ? unzigzag (get_varint (&p)) : -1;
  info->bytes_in_flight = (header & REC_IN_FLIGHT) ? (guint32) get_varint (&p) : 0;
  info->push_bytes_sent = (header & REC_PUSH_BYTES) ? (guint32) get_varint (&p) : 0;
  info->time_rel_ns = unzigzag (get_varint (&p));
  info->time_delta_ns = unzigzag (get_varint (&p));
  return TRUE;
}

void
ss_tcp_conv_analyze (gpointer   user_data,
                     SsPacket  *pkt,
                     SsTcpInfo *info)
{
  SsTcpConv *conv = user_data;

  if (info->src->type == SS_ADDR_NONE)
    return;

  if (pkt->visited)
    {
      /* Dissected again: give back what the first pass found. */
      recall_frame (conv, pkt->number, info);
      return;
    }

  first_pass (conv, pkt, info);
  if (conv->remember)
    remember_frame (conv, pkt->number, info);
}
