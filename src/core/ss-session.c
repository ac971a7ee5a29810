/* ss-session.c: per-capture dissector state (see ss-session.h) */
#include "config.h"

#include <string.h>

#include "ss-arena.h"
#include "ss-session.h"

/* Keys are (protocol, bytes) copied into the capture arena. */
typedef struct
{
  guint32      proto;
  guint32      len;
  const guint8 *bytes;
} ConvKey;

typedef struct
{
  guint32 proto;
  guint32 frame;
  guint32 subkey;
} FrameKey;

struct _SsSession
{
  SsArena    *arena;
  GHashTable *convs;    /* ConvKey* -> block */
  GHashTable *frames;   /* FrameKey* -> block */
};

static guint
conv_hash (gconstpointer p)
{
  const ConvKey *k = p;
  guint h = k->proto * 2654435761u;

  for (guint32 i = 0; i < k->len; i++)
    h = h * 31u + k->bytes[i];
  return h;
}

static gboolean
conv_equal (gconstpointer a,
            gconstpointer b)
{
  const ConvKey *x = a, *y = b;

  return x->proto == y->proto && x->len == y->len && memcmp (x->bytes, y->bytes, x->len) == 0;
}

static guint
frame_hash (gconstpointer p)
{
  const FrameKey *k = p;

  return k->frame * 2654435761u ^ k->proto * 40503u ^ k->subkey;
}

static gboolean
frame_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp (a, b, sizeof (FrameKey)) == 0;
}

SsSession *
ss_session_new (void)
{
  SsSession *s = g_new0 (SsSession, 1);

  s->arena = ss_arena_new (256 * 1024);
  s->convs = g_hash_table_new (conv_hash, conv_equal);
  s->frames = g_hash_table_new (frame_hash, frame_equal);
  return s;
}

void
ss_session_free (SsSession *s)
{
  if (!s)
    return;
  g_hash_table_unref (s->convs);
  g_hash_table_unref (s->frames);
  ss_arena_free (s->arena);
  g_free (s);
}

gpointer
ss_session_alloc (SsSession *s,
                  gsize      size)
{
  return ss_arena_alloc (s->arena, size);
}

char *
ss_session_strdup (SsSession  *s,
                   const char *str)
{
  return ss_arena_strdup (s->arena, str);
}

gpointer
ss_session_lookup_conv_data (SsSession    *s,
                             SsProtocolId  proto,
                             const void   *key,
                             gsize         key_len)
{
  ConvKey k = { proto, (guint32) key_len, key };

  return g_hash_table_lookup (s->convs, &k);
}

gpointer
ss_session_conv_data (SsSession    *s,
                      SsProtocolId  proto,
                      const void   *key,
                      gsize         key_len,
                      gsize         size)
{
  gpointer block = ss_session_lookup_conv_data (s, proto, key, key_len);
  ConvKey *k;
  guint8 *copy;

  if (block)
    return block;
  k = ss_arena_new0 (s->arena, ConvKey);
  copy = ss_arena_alloc (s->arena, key_len ? key_len : 1);
  if (key_len)
    memcpy (copy, key, key_len);
  k->proto = proto;
  k->len = (guint32) key_len;
  k->bytes = copy;
  block = ss_arena_alloc (s->arena, size);
  g_hash_table_insert (s->convs, k, block);
  return block;
}

gpointer
ss_session_lookup_frame_data (SsSession    *s,
                              SsProtocolId  proto,
                              guint32       frame,
                              guint32       subkey)
{
  FrameKey k = { proto, frame, subkey };

  return g_hash_table_lookup (s->frames, &k);
}

gpointer
ss_session_frame_data (SsSession    *s,
                       SsProtocolId  proto,
                       guint32       frame,
                       guint32       subkey,
                       gsize         size)
{
  gpointer block = ss_session_lookup_frame_data (s, proto, frame, subkey);
  FrameKey *k;

  if (block)
    return block;
  k = ss_arena_new0 (s->arena, FrameKey);
  k->proto = proto;
  k->frame = frame;
  k->subkey = subkey;
  block = ss_arena_alloc (s->arena, size);
  g_hash_table_insert (s->frames, k, block);
  return block;
}
