/* ss-tcp-conv.c: TCP conversation tracking for the first pass */
#include "config.h"

#include <string.h>

#include "ss-tcp-conv.h"

#define TH_FIN 0x001
#define TH_SYN 0x002
#define TH_RST 0x004
#define TH_ACK 0x010

typedef struct
{
  guint32  base_seq;
  gboolean base_set;
  gint     win_scale;      /* shift from the SYN; -1 unknown, -2 SYN had no option */
  gboolean fin;
  gboolean syn;
  guint32  syn_seq;
} TcpFlow;

typedef struct
{
  guint32  stream;
  SsAddress addr[2];       /* addr[0]:port[0] is the side that sent first */
  guint16  port[2];
  TcpFlow  flow[2];
  gboolean rst;
} TcpStream;

/* The key is the unordered pair of endpoints. */
typedef struct
{
  guint8  a[17];           /* type + 16 address bytes */
  guint8  b[17];
  guint16 pa;
  guint16 pb;
} TcpKey;

struct _SsTcpConv
{
  GHashTable *streams;     /* TcpKey* -> TcpStream* (current stream of that 4-tuple) */
  guint32     n_streams;
};

static guint
key_hash (gconstpointer p)
{
  const TcpKey *k = p;
  guint h = k->pa * 31u + k->pb;

  for (guint i = 0; i < 17; i++)
    h = h * 33u + (k->a[i] ^ k->b[i]);
  return h;
}

static gboolean
key_equal (gconstpointer pa,
           gconstpointer pb)
{
  return memcmp (pa, pb, sizeof (TcpKey)) == 0;
}

SsTcpConv *
ss_tcp_conv_new (void)
{
  SsTcpConv *conv = g_new0 (SsTcpConv, 1);

  conv->streams = g_hash_table_new_full (key_hash, key_equal, g_free, g_free);
  return conv;
}

void
ss_tcp_conv_free (SsTcpConv *conv)
{
  if (!conv)
    return;
  g_hash_table_unref (conv->streams);
  g_free (conv);
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
            const SsTcpInfo *info,
            const TcpKey    *key)
{
  TcpStream *st = g_new0 (TcpStream, 1);

  st->stream = conv->n_streams++;
  st->addr[0] = *info->src;
  st->addr[1] = *info->dst;
  st->port[0] = info->srcport;
  st->port[1] = info->dstport;
  st->flow[0].win_scale = st->flow[1].win_scale = -1;
  g_hash_table_replace (conv->streams, g_memdup2 (key, sizeof *key), st);
  return st;
}

static gboolean
same_address (const SsAddress *a,
              const SsAddress *b)
{
  return a->type == b->type && a->len == b->len && memcmp (a->data, b->data, a->len) == 0;
}

void
ss_tcp_conv_analyze (gpointer   user_data,
                     SsPacket  *pkt,
                     SsTcpInfo *info)
{
  SsTcpConv *conv = user_data;
  TcpKey key;
  TcpStream *st;
  TcpFlow *fwd, *rev;
  guint dir;

  if (info->src->type == SS_ADDR_NONE)
    return;

  make_key (info, &key);
  st = g_hash_table_lookup (conv->streams, &key);

  /* A new SYN on a 4-tuple whose connection ended, or that carries another initial sequence
   * number, starts a new stream (the ports were reused). */
  if (st && (info->flags & (TH_SYN | TH_ACK)) == TH_SYN)
    {
      guint d = same_address (info->src, &st->addr[0]) && info->srcport == st->port[0] ? 0 : 1;
      TcpFlow *f = &st->flow[d];

      if ((st->rst || (st->flow[0].fin && st->flow[1].fin) || (f->syn && f->syn_seq != info->seq))
          && !(f->syn && f->syn_seq == info->seq))
        st = NULL;
    }
  if (!st)
    st = new_stream (conv, info, &key);

  dir = same_address (info->src, &st->addr[0]) && info->srcport == st->port[0] ? 0 : 1;
  fwd = &st->flow[dir];
  rev = &st->flow[1 - dir];

  if (info->flags & TH_SYN)
    {
      if (!fwd->syn)
        fwd->win_scale = info->wscale >= 0 ? info->wscale : -2;
      fwd->syn = TRUE;
      fwd->syn_seq = info->seq;
    }
  if (info->flags & TH_FIN)
    fwd->fin = TRUE;
  if (info->flags & TH_RST)
    st->rst = TRUE;

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

  info->have_stream = TRUE;
  info->stream = st->stream;
  info->relative = TRUE;
  info->rel_seq = info->seq - fwd->base_seq;
  info->rel_ack = rev->base_set ? info->ack - rev->base_seq : info->ack;
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
  else if (fwd->win_scale >= 0 && rev->win_scale >= 0)
    {
      guint shift = MIN (fwd->win_scale, 14);

      info->win_scalefactor = 1 << shift;
      info->win_size = (guint32) info->window << shift;
    }
  else
    {
      info->win_scalefactor = -1;
      info->win_size = info->window;
    }
}
