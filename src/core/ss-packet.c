/* ss-packet.c: items, layers and columns of one frame's dissection */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-format.h"
#include "ss-printf.h"
#include "ss-packet.h"

/* Deeper than any real stack of headers; a crafted packet cannot recurse without bound. */
#define MAX_DEPTH 64

static SsItem *
ss_packet_new_item (SsPacket   *pkt,
                    SsItem     *parent,
                    SsFieldId   id,
                    SsReader   *r,
                    guint       off,
                    guint       len)
{
  SsItem *item = ss_arena_new0 (pkt->arena, SsItem);

  item->id = id;
  item->def = id != SS_FIELD_ID_NONE ? ss_registry_get_field (pkt->reg, id) : NULL;
  item->offset = r ? r->base + off : off;
  item->length = len;
  item->source = pkt->cur_source;

  if (!parent)
    parent = &pkt->root;
  item->parent = parent;
  if (parent->last_child)
    parent->last_child->next = item;
  else
    parent->first_child = item;
  parent->last_child = item;

  if (pkt->added_tail)
    pkt->added_tail->next_added = item;
  else
    pkt->added_head = item;
  pkt->added_tail = item;
  return item;
}

void
ss_packet_follow_data (SsPacket     *pkt,
                       SsProtocolId  proto,
                       const guint8 *data,
                       guint32       len)
{
  SsFollowData *fd;

  if (!pkt->want_follow_data)
    return;
  fd = ss_arena_alloc (pkt->arena, sizeof *fd);
  memset (fd, 0, sizeof *fd);
  fd->proto = proto;
  fd->src = pkt->net_src;
  fd->dst = pkt->net_dst;
  fd->srcport = pkt->srcport;
  fd->dstport = pkt->dstport;
  fd->len = len;
  if (len)
    {
      guint8 *copy = ss_arena_alloc (pkt->arena, len);

      memcpy (copy, data, len);
      fd->data = copy;
    }
  if (pkt->follow_tail)
    pkt->follow_tail->next = fd;
  else
    pkt->follow_head = fd;
  pkt->follow_tail = fd;
}

void
ss_packet_add_protocols_entry (SsPacket   *pkt,
                               const char *abbrev)
{
  char *d = pkt->protocols + pkt->protocols_len;
  char *end = pkt->protocols + sizeof pkt->protocols - 1;
  const char *s = abbrev;

  /* One pass over a few bytes, called for every layer of every frame: no library calls. An
   * entry that does not fit whole is left out. */
  if (pkt->protocols_len)
    *d++ = ':';
  while (*s && d < end)
    *d++ = *s++;
  if (*s)
    {
      pkt->protocols[pkt->protocols_len] = '\0';
      return;
    }
  *d = '\0';
  pkt->protocols_len = (guint16) (d - pkt->protocols);
}

SsLayer
ss_packet_begin_layer (SsPacket     *pkt,
                       SsProtocolId  proto,
                       SsReader     *r,
                       guint         off,
                       gint          len)
{
  const SsProtocol *p = ss_dissectors_get (proto);
  SsLayer l = { pkt, r, proto, pkt->bases[proto], NULL };
  SsItem *parent;
  guint32 n;

  pkt->current = proto;
  parent = pkt->layer_parent;
  pkt->layer_parent = NULL;
  if (proto != SS_PROTO_FRAME)
    ss_packet_add_protocols_entry (pkt, p->abbrev);
  /* Undissected bytes leave the Protocol column to the layer that carried them. */
  if (proto != SS_PROTO_DATA)
    ss_packet_set_protocol (pkt, p->short_name);

  if (ss_packet_wants_id (pkt, l.base))
    {
      n = len < 0 ? ss_reader_remaining (r, off) : MIN ((guint32) len, ss_reader_remaining (r, off));
      l.top = ss_packet_new_item (pkt, parent, l.base, r, off, n);
      l.top->text = p->name;
      /* What "contains" and "matches" search, as in Wireshark: every byte the protocol was
       * handed, from the first ("eth contains" finds the payload's bytes too); the node's range
       * is what slices and len() read. */
      l.top->v.bytes.data = r->data;
      l.top->v.bytes.len = r->captured;
    }
  return l;
}

guint32
ss_packet_call (SsPacket         *pkt,
                const SsProtocol *next,
                SsReader         *r,
                guint             off)
{
  SsReader sub;

  if (off >= r->reported)
    return 0;
  if (off >= r->captured)
    {
      /* Nothing of the payload was captured: the carrying layer is the one cut short. */
      ss_reader_mark (r, off, 1);
      return r->reported - off;
    }
  if (pkt->depth >= MAX_DEPTH)
    {
      r->status |= SS_READER_MALFORMED;
      if (r->frame_status)
        *r->frame_status |= SS_READER_MALFORMED;
      return 0;
    }
  if (!next)
    next = &ss_proto_data;
  if (next->application && !((pkt->apps_run >> next->id) & 1))
    return r->reported - off;
  ss_reader_sub (r, off, -1, &sub);
  pkt->depth++;
  next->dissect (pkt, &sub);
  pkt->depth--;
  return sub.reported;
}

static inline SsItem *
ss_layer_new_item (SsLayer *l,
                   SsItem  *parent,
                   guint    field,
                   guint    off,
                   guint    len)
{
  SsFieldId id = l->base + 1 + field;

  if (!ss_packet_wants_id (l->pkt, id))
    return NULL;
  return ss_packet_new_item (l->pkt, parent ? parent : l->top, id, l->r, off, len);
}

static guint64
read_uint (SsReader   *r,
           guint       off,
           guint       len,
           SsEncoding  enc)
{
  const guint8 *p = r->data + off;
  guint64 v = 0;

  if (enc == SS_ENC_LE)
    for (guint i = len; i > 0; i--)
      v = v << 8 | p[i - 1];
  else
    for (guint i = 0; i < len; i++)
      v = v << 8 | p[i];
  return v;
}

SsItem *
ss_layer_add_item_slow (SsLayer    *l,
                        SsItem     *parent,
                        guint       field,
                        guint       off,
                        guint       len,
                        SsEncoding  enc)
{
  SsFieldId id = l->base + 1 + field;
  const SsFieldDef *def;
  SsItem *item;

  /* Wireshark checks the bytes even for fields nobody looks at, so a short packet is marked
   * the same way whatever is asked of it. */
  if (!ss_reader_check (l->r, off, len))
    return NULL;
  if (!ss_packet_wants_id (l->pkt, id))
    return NULL;

  item = ss_packet_new_item (l->pkt, parent ? parent : l->top, id, l->r, off, len);
  def = item->def;
  switch (def->type)
    {
    case SS_FT_BOOLEAN:
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
    case SS_FT_FRAMENUM:
      item->v.u = read_uint (l->r, off, MIN (len, 8), enc);
      if (def->mask)
        item->v.u = (item->v.u & def->mask) >> ss_field_mask_shift (def->mask);
      if (def->type == SS_FT_BOOLEAN && !def->mask)
        item->v.u = item->v.u != 0;
      break;
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
      {
        guint bits = MIN (len, 8) * 8;
        guint64 u = read_uint (l->r, off, MIN (len, 8), enc);

        if (def->mask)
          {
            u = (u & def->mask) >> ss_field_mask_shift (def->mask);
            bits = 64 - __builtin_clzll (def->mask >> ss_field_mask_shift (def->mask));
          }
        if (bits < 64 && (u & (G_GUINT64_CONSTANT (1) << (bits - 1))))
          u |= ~G_GUINT64_CONSTANT (0) << bits;
        item->v.i = (gint64) u;
      }
      break;
    case SS_FT_IPv4:
    case SS_FT_IPv6:
    case SS_FT_ETHER:
      memcpy (item->v.addr, l->r->data + off, MIN (len, 16u));
      break;
    case SS_FT_STRING:
      item->v.str = ss_arena_strndup (l->pkt->arena, (const char *) l->r->data + off,
                                      strnlen ((const char *) l->r->data + off, len));
      break;
    case SS_FT_BYTES:
    case SS_FT_PROTOCOL:
    case SS_FT_NONE:
    default:
      item->v.bytes.data = l->r->data + off;
      item->v.bytes.len = len;
      break;
    }
  return item;
}

SsItem *
ss_layer_add_uint_slow (SsLayer  *l,
                        SsItem   *parent,
                        guint     field,
                        guint     off,
                        guint     len,
                        guint64   value)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    item->v.u = value;
  return item;
}

SsItem *
ss_layer_add_int_slow (SsLayer  *l,
                  SsItem   *parent,
                  guint     field,
                  guint     off,
                  guint     len,
                  gint64    value)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    item->v.i = value;
  return item;
}

SsItem *
ss_layer_add_double_slow (SsLayer  *l,
                     SsItem   *parent,
                     guint     field,
                     guint     off,
                     guint     len,
                     double    value)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    item->v.d = value;
  return item;
}

SsItem *
ss_layer_add_string_slow (SsLayer    *l,
                     SsItem     *parent,
                     guint       field,
                     guint       off,
                     guint       len,
                     const char *value,
                     gssize      n)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    item->v.str = n < 0 ? ss_arena_strdup (l->pkt->arena, value)
                        : ss_arena_strndup (l->pkt->arena, value, n);
  return item;
}

SsItem *
ss_layer_add_bytes_slow (SsLayer      *l,
                    SsItem       *parent,
                    guint         field,
                    guint         off,
                    guint         len,
                    const guint8 *data,
                    guint32       n)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    {
      item->v.bytes.data = data;
      item->v.bytes.len = n;
    }
  return item;
}

SsItem *
ss_layer_add_address_slow (SsLayer      *l,
                      SsItem       *parent,
                      guint         field,
                      guint         off,
                      guint         len,
                      const guint8 *addr)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    {
      guint n = item->def->type == SS_FT_IPv4 ? 4 : item->def->type == SS_FT_ETHER ? 6 : 16;
      memcpy (item->v.addr, addr, n);
    }
  return item;
}

SsItem *
ss_layer_add_time_slow (SsLayer  *l,
                   SsItem   *parent,
                   guint     field,
                   guint     off,
                   guint     len,
                   gint64    secs,
                   gint32    nsecs)
{
  SsItem *item = ss_layer_new_item (l, parent, field, off, len);

  if (item)
    {
      item->v.time.secs = secs;
      item->v.time.nsecs = nsecs;
    }
  return item;
}

SsItem *
ss_layer_add_expert_item (SsLayer *l,
                          SsItem  *parent,
                          guint    expert_index)
{
  const SsProtocol *p = ss_dissectors_get (l->proto);
  SsFieldId id = ss_registry_expert_field_id (l->pkt->bases, p, expert_index);

  g_return_val_if_fail (expert_index < p->n_experts, NULL);
  if (!ss_packet_wants_id (l->pkt, id))
    return NULL;
  return ss_packet_new_item (l->pkt, parent ? parent : l->top, id, NULL, 0, 0);
}

SsItem *
ss_layer_add_text (SsLayer    *l,
                   SsItem     *parent,
                   guint       off,
                   guint       len,
                   const char *format,
                   ...)
{
  SsItem *item;
  va_list args;

  if (!l->pkt->full)
    return NULL;
  item = ss_packet_new_item (l->pkt, parent ? parent : l->top, SS_FIELD_ID_NONE, l->r, off, len);
  va_start (args, format);
  item->text = ss_arena_vprintf (l->pkt->arena, format, args);
  va_end (args);
  return item;
}

void
ss_item_set_text_real (SsPacket   *pkt,
                  SsItem     *item,
                  const char *format,
                  ...)
{
  va_list args;

  /* Protocol nodes keep their label in every mode: -T fields prints it for them. */
  if (!item || (!pkt->full && !(item->def && item->def->type == SS_FT_PROTOCOL)))
    return;
  va_start (args, format);
  item->text = ss_arena_vprintf (pkt->arena, format, args);
  va_end (args);
}

void
ss_item_append_text_real (SsPacket   *pkt,
                     SsItem     *item,
                     const char *format,
                     ...)
{
  va_list args;
  const char *base;
  char *tail;

  if (!item || (!pkt->full && !(item->def && item->def->type == SS_FT_PROTOCOL)))
    return;
  base = ss_format_item_label (pkt, item);
  va_start (args, format);
  tail = ss_arena_vprintf (pkt->arena, format, args);
  va_end (args);
  item->text = ss_arena_printf (pkt->arena, "%s%s", base, tail);
}


void
ss_item_set_length (SsItem  *item,
                    guint32  length)
{
  if (item)
    item->length = length;
}

void
ss_packet_add_expert (SsPacket     *pkt,
                      SsItem       *parent,
                      SsProtocolId  proto,
                      guint         index,
                      const char   *format,
                      ...)
{
  const SsProtocol *p;
  const SsExpertDef *def;
  SsFieldId eid;
  SsLayer l = { pkt, NULL, SS_PROTO_EXPERT, pkt->bases[SS_PROTO_EXPERT], NULL };
  SsReader none;
  SsItem *node;
  char *msg;
  va_list args;

  /* Most passes keep no expert field: a TCP segment may raise several items. */
  if (!pkt->want_expert)
    return;
  p = ss_dissectors_get (proto);
  g_return_if_fail (index < p->n_experts);
  def = &p->experts[index];
  eid = ss_registry_expert_field_id (pkt->bases, p, index);
  if (!ss_packet_wants_id (pkt, l.base) && !ss_layer_wants (&l, 0) && !ss_layer_wants (&l, 1)
      && !ss_layer_wants (&l, 2))
    {
      /* Only the item's own field (a filter on tcp.analysis.retransmission): no message. */
      if (ss_packet_wants_id (pkt, eid))
        ss_item_set_flags (ss_packet_new_item (pkt, parent, eid, NULL, 0, 0), SS_ITEM_HIDDEN);
      return;
    }

  va_start (args, format);
  msg = format ? ss_arena_vprintf (pkt->arena, format, args) : ss_arena_strdup (pkt->arena,
                                                                                _(def->summary));
  va_end (args);

  ss_reader_init (&none, NULL, 0, 0, NULL);
  l.r = &none;
  node = ss_packet_wants_id (pkt, l.base)
         ? ss_packet_new_item (pkt, parent, l.base, NULL, 0, 0) : NULL;
  if (node)
    {
      node->text = ss_arena_printf (pkt->arena, "Expert Info (%s/%s): %s",
                                    ss_expert_severity_name (def->severity),
                                    ss_expert_group_name (def->group), msg);
      node->v.u = def->severity;
    }
  l.top = node ? node : parent;
  if (ss_packet_wants_id (pkt, eid))
    ss_item_set_flags (ss_packet_new_item (pkt, l.top, eid, NULL, 0, 0), SS_ITEM_HIDDEN);
  /* Shown under the expert node as tshark -V shows them. */
  {
    SsItem *it;

    it = ss_layer_add_string (&l, NULL, 0, 0, 0, msg, -1);
    ss_item_set_flags (it, SS_ITEM_GENERATED);
    ss_item_set_text (pkt, it, "%s", msg);
    it = ss_layer_add_uint (&l, NULL, 1, 0, 0, (guint64) def->severity << 21);
    ss_item_set_flags (it, SS_ITEM_GENERATED);
    ss_item_set_text (pkt, it, "Severity level: %s", ss_expert_severity_name (def->severity));
    it = ss_layer_add_uint (&l, NULL, 2, 0, 0, (guint64) def->group << 24);
    ss_item_set_flags (it, SS_ITEM_GENERATED);
    ss_item_set_text (pkt, it, "Group: %s", ss_expert_group_name (def->group));
  }
}

void
ss_packet_set_protocol (SsPacket   *pkt,
                        const char *short_name)
{
  pkt->col_protocol = short_name;
}

void
ss_packet_flush_deferred_info (SsPacket *pkt)
{
  SsInfoFunc func = pkt->info_deferred;

  pkt->info_deferred = NULL;
  func (pkt, pkt->info_deferred_data);
}

void
ss_packet_defer_info (SsPacket      *pkt,
                      SsInfoFunc     func,
                      gconstpointer  data)
{
  if (!pkt->want_columns)
    return;
  ss_packet_flush_info (pkt);
  pkt->info_deferred = func;
  pkt->info_deferred_data = data;
}

void
ss_packet_clear_info (SsPacket *pkt)
{
  /* What was deferred would come after the fence: it goes unwritten. */
  pkt->info_deferred = NULL;
  pkt->col_info_len = pkt->col_info_fence;
  pkt->col_info[pkt->col_info_len] = '\0';
}

static void
ss_packet_info_vappend (SsPacket   *pkt,
                        const char *format,
                        va_list     args)
{
  int n;
  guint room;

  ss_packet_flush_info (pkt);
  room = sizeof pkt->col_info - pkt->col_info_len;
  if (room <= 1)
    return;
  n = ss_vsnprintf (pkt->col_info + pkt->col_info_len, room, format, args);
  if (n > 0)
    pkt->col_info_len += MIN ((guint) n, room - 1);
}

void
ss_packet_set_info (SsPacket   *pkt,
                    const char *format,
                    ...)
{
  va_list args;

  if (!pkt->want_columns)
    return;
  ss_packet_clear_info (pkt);
  va_start (args, format);
  ss_packet_info_vappend (pkt, format, args);
  va_end (args);
}

void
ss_packet_append_info (SsPacket   *pkt,
                       const char *format,
                       ...)
{
  va_list args;

  if (!pkt->want_columns)
    return;
  va_start (args, format);
  ss_packet_info_vappend (pkt, format, args);
  va_end (args);
}

void
ss_packet_append_info_sep (SsPacket   *pkt,
                           const char *sep,
                           const char *format,
                           ...)
{
  va_list args;

  if (!pkt->want_columns)
    return;
  ss_packet_flush_info (pkt);
  if (pkt->col_info_len > 0)
    ss_packet_append_info (pkt, "%s", sep);
  va_start (args, format);
  ss_packet_info_vappend (pkt, format, args);
  va_end (args);
}

/* What does not fit: cut where g_vsnprintf would cut, so every way of appending gives the same
 * column. */
void
ss_packet_append_info_cut (SsPacket   *pkt,
                           const char *text,
                           gsize       len)
{
  gsize room;

  ss_packet_flush_info (pkt);
  room = sizeof pkt->col_info - pkt->col_info_len;
  if (room <= 1)
    return;
  len = MIN (len, room - 1);
  memcpy (pkt->col_info + pkt->col_info_len, text, len);
  pkt->col_info_len += (guint) len;
  pkt->col_info[pkt->col_info_len] = '\0';
}

void
ss_packet_append_info_uint (SsPacket   *pkt,
                            const char *prefix,
                            guint64     value)
{
  char digits[24];

  if (!pkt->want_columns)
    return;
  ss_packet_flush_info (pkt);
  if (prefix[0])
    ss_packet_append_info_str (pkt, prefix);
  /* Room for the longest number and its NUL: written in place. */
  if (pkt->col_info_len + 21 <= sizeof pkt->col_info)
    {
      pkt->col_info_len += ss_format_uint_dec (value, pkt->col_info + pkt->col_info_len);
      return;
    }
  ss_format_uint_dec (value, digits);
  ss_packet_append_info_str (pkt, digits);
}

void
ss_packet_fence_info (SsPacket *pkt)
{
  ss_packet_flush_info (pkt);
  pkt->col_info_fence = pkt->col_info_len;
}

void
ss_packet_set_net_addresses (SsPacket      *pkt,
                             SsAddressType  type,
                             const guint8  *src,
                             const guint8  *dst)
{
  guint8 len = type == SS_ADDR_IPV4 ? 4 : type == SS_ADDR_IPV6 ? 16 : 6;
  SsAddress *s = type == SS_ADDR_ETHER ? &pkt->dl_src : &pkt->net_src;
  SsAddress *d = type == SS_ADDR_ETHER ? &pkt->dl_dst : &pkt->net_dst;

  s->type = d->type = type;
  s->len = d->len = len;
  memcpy (s->data, src, len);
  memcpy (d->data, dst, len);
}

void
ss_packet_save_columns (SsPacket        *pkt,
                        SsPacketColumns *s)
{
  ss_packet_flush_info (pkt);
  s->col_protocol = pkt->col_protocol;
  memcpy (s->col_info, pkt->col_info, sizeof s->col_info);
  s->col_info_len = pkt->col_info_len;
  s->col_info_fence = pkt->col_info_fence;
  s->want_columns = pkt->want_columns;
  s->dl_src = pkt->dl_src;
  s->dl_dst = pkt->dl_dst;
  s->net_src = pkt->net_src;
  s->net_dst = pkt->net_dst;
  s->srcport = pkt->srcport;
  s->dstport = pkt->dstport;
  s->ip_proto = pkt->ip_proto;
  s->current = pkt->current;
  s->status = pkt->status;
}

void
ss_packet_restore_columns (SsPacket              *pkt,
                           const SsPacketColumns *s)
{
  pkt->col_protocol = s->col_protocol;
  memcpy (pkt->col_info, s->col_info, sizeof pkt->col_info);
  pkt->info_deferred = NULL;
  pkt->col_info_len = s->col_info_len;
  pkt->col_info_fence = s->col_info_fence;
  pkt->want_columns = s->want_columns;
  pkt->dl_src = s->dl_src;
  pkt->dl_dst = s->dl_dst;
  pkt->net_src = s->net_src;
  pkt->net_dst = s->net_dst;
  pkt->srcport = s->srcport;
  pkt->dstport = s->dstport;
  pkt->ip_proto = s->ip_proto;
  if (pkt->status == s->status)
    pkt->current = s->current;
}

gboolean
ss_packet_in_icmp_error (const SsPacket *pkt)
{
  return strstr (pkt->protocols, ":icmp:") != NULL || strstr (pkt->protocols, ":icmpv6:") != NULL;
}

static char *
put_dec_byte (char   *p,
              guint8  b)
{
  if (b >= 100)
    *p++ = (char) ('0' + b / 100);
  if (b >= 10)
    *p++ = (char) ('0' + b / 10 % 10);
  *p++ = (char) ('0' + b % 10);
  return p;
}

/* By hand rather than with g_snprintf: the Info and summary columns format addresses for every
 * frame, and a printf of them cost more than the dissection. */
const char *
ss_address_to_string (const SsAddress *addr,
                      char            *buf,
                      gsize            size)
{
  static const char hex[] = "0123456789abcdef";
  const guint8 *a = addr->data;
  char *p = buf;

  g_return_val_if_fail (size >= (addr->type == SS_ADDR_IPV6 ? 46u : 18u), buf);
  switch (addr->type)
    {
    case SS_ADDR_IPV4:
      for (guint i = 0; i < 4; i++)
        {
          if (i)
            *p++ = '.';
          p = put_dec_byte (p, a[i]);
        }
      *p = '\0';
      break;
    case SS_ADDR_ETHER:
      for (guint i = 0; i < 6; i++)
        {
          if (i)
            *p++ = ':';
          *p++ = hex[a[i] >> 4];
          *p++ = hex[a[i] & 0xf];
        }
      *p = '\0';
      break;
    case SS_ADDR_IPV6:
      ss_format_ipv6 (a, buf, size);
      break;
    default:
      buf[0] = '\0';
      break;
    }
  return buf;
}
