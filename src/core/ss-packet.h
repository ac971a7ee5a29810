/* ss-packet.h: dissecting one frame into fields and a protocol tree
 *
 * An SsPacket is the context of one frame's dissection. Dissectors open a layer for their
 * protocol and add items through it; each item names a field of the protocol's table. In full
 * mode every item is kept and linked into a tree (for -V, JSON and the GUI). Otherwise only the
 * fields someone asked for are kept (for -T fields, filters and statistics) and nothing is
 * formatted, which is what makes a pass over millions of frames cheap.
 *
 * Items are allocated from the frame arena and live until the next frame is dissected.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "ss-arena.h"
#include "ss-protocol.h"
#include "ss-reader.h"
#include "ss-registry.h"

G_BEGIN_DECLS

typedef enum
{
  SS_ITEM_HIDDEN    = 1 << 0,   /* filterable, not shown in the tree (ip.addr) */
  SS_ITEM_GENERATED = 1 << 1,   /* computed, shown in brackets ([Stream index: 0]) */
} SsItemFlags;

typedef enum
{
  SS_ENC_BE = 0,
  SS_ENC_LE = 1,
} SsEncoding;

typedef union
{
  guint64 u;
  gint64  i;
  double  d;
  guint8  addr[16];
  struct
  {
    const guint8 *data;
    guint32       len;
  } bytes;
  const char *str;
  struct
  {
    gint64 secs;
    gint32 nsecs;
  } time;
} SsValue;

typedef struct _SsItem SsItem;

struct _SsItem
{
  SsFieldId          id;           /* SS_FIELD_ID_NONE for a text line */
  guint16            flags;        /* SsItemFlags */
  guint8             source;       /* byte source: 0 is the frame */
  const SsFieldDef  *def;          /* NULL for a text line */
  SsItem            *parent;
  SsItem            *first_child;
  SsItem            *last_child;
  SsItem            *next;         /* next sibling */
  SsItem            *next_added;   /* next item in the order items were added */
  guint32            offset;       /* in the byte source */
  guint32            length;
  const char        *text;         /* label replacing "Name: value", or NULL */
  SsValue            v;
};

typedef enum
{
  SS_ADDR_NONE,
  SS_ADDR_ETHER,
  SS_ADDR_IPV4,
  SS_ADDR_IPV6,
} SsAddressType;

typedef struct
{
  guint8 type;
  guint8 len;
  guint8 data[16];
} SsAddress;

/* Bytes a dissector hands to a follow tap, as tshark's tap_queue_packet() on "http_follow":
 * an HTTP message's start line and headers, then its (de-chunked, decompressed) body.
 * Kept, in dissection order, only when the engine is asked for them
 * (ss_engine_set_want_follow_data()); the bytes live in the frame arena. */
typedef struct _SsFollowData SsFollowData;
struct _SsFollowData
{
  SsFollowData  *next;
  SsProtocolId   proto;
  SsAddress      src, dst;     /* pinfo->src and dst when it was handed on */
  guint16        srcport, dstport;
  const guint8  *data;
  guint32        len;
};

#include "ss-session.h"

/* What TCP hands to the analysis (src/analysis) and gets back. */
typedef struct
{
  const SsAddress *src;
  const SsAddress *dst;
  guint16          srcport;
  guint16          dstport;
  guint32          seq;
  guint32          ack;
  guint16          flags;
  guint32          window;     /* unscaled, as in the header */
  guint32          seglen;
  gint             wscale;     /* window scale option shift, -1 when absent */
  guint            sack_n;     /* SACK blocks in this segment (raw edges) */
  guint32          sack_le[4];
  guint32          sack_re[4];
  /* filled by the analysis */
  gboolean         have_stream;
  guint32          stream;
  guint8           dir;        /* 0: from the side that sent first, 1: towards it */
  gboolean         relative;   /* rel_seq/rel_ack are valid */
  guint32          rel_seq;
  guint32          rel_ack;
  guint32          nxtseq;
  gint32           win_scalefactor; /* multiplier; -1 unknown, -2 no scaling (tshark's values) */
  guint32          win_size;   /* window after scaling */
  /* sequence analysis ("SEQ/ACK analysis" in the tree), present when have_analysis */
  gboolean         have_analysis;
  guint32          aflags;     /* SsTcpAnalysisFlags */
  guint32          dupack_num;
  guint32          dupack_frame;
  guint32          acks_frame;
  gint64           ack_rtt_ns;  /* -1 when unknown */
  gint64           initial_rtt_ns; /* -1 when unknown */
  /* [Timestamps]: since the stream's first frame and since its previous one; -1 unknown */
  gint64           time_rel_ns;
  gint64           time_delta_ns;
  guint32          bytes_in_flight;
  guint32          push_bytes_sent;
  guint8           fin_kind;   /* 1: a FIN of the side that starts closing, 2: of the other */
} SsTcpInfo;

/* The TCP analysis flags, as Wireshark's TCP_A_* (packet-tcp.h). */
typedef enum
{
  SS_TCP_A_RETRANSMISSION          = 1 << 0,
  SS_TCP_A_LOST_PACKET             = 1 << 1,
  SS_TCP_A_ACK_LOST_PACKET         = 1 << 2,
  SS_TCP_A_KEEP_ALIVE              = 1 << 3,
  SS_TCP_A_DUPLICATE_ACK           = 1 << 4,
  SS_TCP_A_ZERO_WINDOW             = 1 << 5,
  SS_TCP_A_ZERO_WINDOW_PROBE       = 1 << 6,
  SS_TCP_A_ZERO_WINDOW_PROBE_ACK   = 1 << 7,
  SS_TCP_A_KEEP_ALIVE_ACK          = 1 << 8,
  SS_TCP_A_OUT_OF_ORDER            = 1 << 9,
  SS_TCP_A_FAST_RETRANSMISSION     = 1 << 10,
  SS_TCP_A_WINDOW_UPDATE           = 1 << 11,
  SS_TCP_A_WINDOW_FULL             = 1 << 12,
  SS_TCP_A_REUSED_PORTS            = 1 << 13,
  SS_TCP_A_SPURIOUS_RETRANSMISSION = 1 << 14,
} SsTcpAnalysisFlags;

typedef void (*SsTcpAnalyzeFunc) (gpointer   user_data,
                                  SsPacket  *pkt,
                                  SsTcpInfo *info);

/* A byte source beyond the frame (reassembled or decompressed data). */
typedef struct
{
  const char   *name;
  const guint8 *data;
  guint32       len;
} SsByteSource;

/* Appends to @pkt's Info column what a layer deferred (ss_packet_defer_info()). */
typedef void (*SsInfoFunc) (SsPacket      *pkt,
                            gconstpointer  data);

#define SS_PACKET_MAX_SOURCES 8
#define SS_PACKET_INFO_MAX 512

struct _SsPacket
{
  const SsRegistry *reg;
  const guint32    *bases;
  SsSession        *session;
  SsArena          *arena;

  /* the frame */
  guint32           number;        /* 1-based */
  gint64            ts_ns;
  guint32           caplen;
  guint32           len;
  guint             interface_id;
  guint             link_type;
  guint32           epb_flags;
  const guint8     *data;
  gboolean          visited;       /* dissected before (not the first pass) */
  gboolean          first_pass_done; /* visited, and every frame of the capture was too */
  gboolean          has_prev;      /* a frame comes before this one (frame.time_delta) */
  gint64            prev_ts_ns;    /* its time */

  /* what to keep */
  gboolean          full;          /* keep every item and build the tree */
  const guint8     *want;          /* bitmap over field ids, every bit set when full */
  gboolean          want_columns;
  gboolean          want_expert;   /* some expert field is wanted (always when full) */
  guint64           want_protos;   /* bits by SsProtocolId: some field of it other than its
                                    * expert items' is wanted (all when full) */
  guint64           apps_run;      /* bits by SsProtocolId: the application protocols that run;
                                    * the others are left out (all bits when none may be;
                                    * ss-engine.c) */

  SsItem            root;
  SsItem           *added_head;
  SsItem           *added_tail;
  SsItem           *layer_parent;  /* when set, the next layer's node goes under it, not at the
                                    * top (data a protocol hands on inside its own tree) */
  guint8            status;        /* SsReaderStatus marks of all readers */
  SsProtocolId      current;       /* innermost protocol being dissected */
  guint             depth;         /* layers opened, a guard against runaway nesting */

  /* columns (the Info text is at the end) */
  const char       *col_protocol;
  guint             col_info_len;
  guint             col_info_fence;
  SsInfoFunc        info_deferred;      /* writes the rest of the Info text when it is read */
  gconstpointer     info_deferred_data; /* its argument, in the frame or the packet's arena */
  SsAddress         dl_src, dl_dst, net_src, net_dst;
  guint16           srcport, dstport;

  /* hints between layers */
  guint             ip_proto;
  SsByteSource      sources[SS_PACKET_MAX_SOURCES];
  guint             n_sources;

  guint8            cur_source;    /* byte source items are added from: 0 the frame */
  guint32           tcp_stream;    /* of the segment being dissected, G_MAXUINT32 outside TCP */
  guint8            tcp_dir;       /* 0: from the side that sent first, 1: towards it */

  SsTcpAnalyzeFunc  tcp_analyze;
  gpointer          tcp_analyze_data;
  struct _SsTcpReasm *tcp_reasm;   /* TCP reassembly state, may be NULL */
  /* set by a dissector over TCP whose message is incomplete (see ss-tcp-reasm.h) */
  guint32           desegment_offset;
  guint32           desegment_len;

  /* follow taps: kept when want_follow_data */
  gboolean          want_follow_data;
  SsFollowData     *follow_head;
  SsFollowData     *follow_tail;

  guint16           protocols_len;  /* strlen (protocols) */
  /* Last, so that a new packet needs only their first byte cleared (ss_engine_dissect_as()). */
  char              protocols[256]; /* frame.protocols: "eth:ethertype:ip:tcp" */
  char              col_info[SS_PACKET_INFO_MAX];
};

/* A protocol's handle while it adds items. */
typedef struct
{
  SsPacket     *pkt;
  SsReader     *r;
  SsProtocolId  proto;
  guint32       base;          /* field id of the protocol node */
  SsItem       *top;           /* the protocol node, NULL when not kept */
} SsLayer;

static inline gboolean
ss_packet_wants_id (const SsPacket *pkt, SsFieldId id)
{
  /* A full tree's bitmap has every bit set (ss-engine.c). */
  return (pkt->want[id >> 3] >> (id & 7)) & 1;
}

static inline gboolean
ss_layer_wants (const SsLayer *l, guint field)
{
  return ss_packet_wants_id (l->pkt, l->base + 1 + field);
}

/* Whether any field of the layer's protocol is wanted: a layer may skip the items it adds
 * without reading bytes not checked yet (whose check marks a short frame). */
static inline gboolean
ss_layer_wants_any (const SsLayer *l)
{
  return (l->pkt->want_protos >> l->proto) & 1;
}

/* Opens @proto's layer over @len bytes (-1: the rest) of @r at @off: adds its node at the top of
 * the tree, appends it to frame.protocols and makes it the Protocol column. */
SsLayer  ss_packet_begin_layer   (SsPacket       *pkt,
                                  SsProtocolId    proto,
                                  SsReader       *r,
                                  guint           off,
                                  gint            len);
/* Hands the rest of @r from @off to @next (or to "data" when @next is NULL). Returns how many
 * bytes @next took (it may shrink its reader to its own length). */
guint32  ss_packet_call          (SsPacket       *pkt,
                                  const SsProtocol *next,
                                  SsReader       *r,
                                  guint           off);

/* Reads the value of @field from @len bytes at @off and adds it. Returns NULL when the field is
 * not kept or not all its bytes are there (then the reader is marked). */
SsItem  *ss_layer_add_item_slow  (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  SsEncoding      enc);
SsItem  *ss_layer_add_uint_slow  (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  guint64         value);

/* The two most called functions of a pass that keeps few fields (loading, filtering): the
 * common case, bytes present and the field not kept, needs no call. */
static inline SsItem *
ss_layer_add_item (SsLayer    *l,
                   SsItem     *parent,
                   guint       field,
                   guint       off,
                   guint       len,
                   SsEncoding  enc)
{
  if (G_LIKELY (ss_reader_has (l->r, off, len)) && !ss_layer_wants (l, field))
    return NULL;
  return ss_layer_add_item_slow (l, parent, field, off, len, enc);
}

static inline SsItem *
ss_layer_add_uint (SsLayer  *l,
                   SsItem   *parent,
                   guint     field,
                   guint     off,
                   guint     len,
                   guint64   value)
{
  if (!ss_layer_wants (l, field))
    return NULL;
  return ss_layer_add_uint_slow (l, parent, field, off, len, value);
}
SsItem  *ss_layer_add_int_slow        (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  gint64          value);
SsItem  *ss_layer_add_double_slow     (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  double          value);
/* @value is copied (the first @n bytes, or up to its NUL when @n is -1). */
SsItem  *ss_layer_add_string_slow     (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  const char     *value,
                                  gssize          n);
/* @data must stay valid for the frame (packet bytes or arena memory). */
SsItem  *ss_layer_add_bytes_slow      (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  const guint8   *data,
                                  guint32         n);
/* IPv4, IPv6 or Ethernet address (4, 16 or 6 bytes copied). */
SsItem  *ss_layer_add_address_slow    (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  const guint8   *addr);
SsItem  *ss_layer_add_time_slow       (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           field,
                                  guint           off,
                                  guint           len,
                                  gint64          secs,
                                  gint32          nsecs);
/* The common case, the field not kept, needs no call. */
static inline SsItem *
ss_layer_add_int (SsLayer *l, SsItem *parent, guint field, guint off, guint len, gint64 value)
{
  return ss_layer_wants (l, field) ? ss_layer_add_int_slow (l, parent, field, off, len, value)
                                   : NULL;
}

static inline SsItem *
ss_layer_add_double (SsLayer *l, SsItem *parent, guint field, guint off, guint len, double value)
{
  return ss_layer_wants (l, field) ? ss_layer_add_double_slow (l, parent, field, off, len, value)
                                   : NULL;
}

static inline SsItem *
ss_layer_add_string (SsLayer *l, SsItem *parent, guint field, guint off, guint len,
                     const char *value, gssize n)
{
  return ss_layer_wants (l, field)
         ? ss_layer_add_string_slow (l, parent, field, off, len, value, n) : NULL;
}

static inline SsItem *
ss_layer_add_bytes (SsLayer *l, SsItem *parent, guint field, guint off, guint len,
                    const guint8 *data, guint32 n)
{
  return ss_layer_wants (l, field)
         ? ss_layer_add_bytes_slow (l, parent, field, off, len, data, n) : NULL;
}

static inline SsItem *
ss_layer_add_address (SsLayer *l, SsItem *parent, guint field, guint off, guint len,
                      const guint8 *addr)
{
  return ss_layer_wants (l, field)
         ? ss_layer_add_address_slow (l, parent, field, off, len, addr) : NULL;
}

static inline SsItem *
ss_layer_add_time (SsLayer *l, SsItem *parent, guint field, guint off, guint len, gint64 secs,
                   gint32 nsecs)
{
  return ss_layer_wants (l, field)
         ? ss_layer_add_time_slow (l, parent, field, off, len, secs, nsecs) : NULL;
}

/* An item of expert item @expert_index's own field, without the expert node (Wireshark adds
 * some analysis flags both ways). */
SsItem  *ss_layer_add_expert_item (SsLayer       *l,
                                  SsItem         *parent,
                                  guint           expert_index);
/* A text line (full mode only; NULL otherwise). */
SsItem  *ss_layer_add_text       (SsLayer        *l,
                                  SsItem         *parent,
                                  guint           off,
                                  guint           len,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (5, 6);

/* Label changes are made only in full mode; all accept NULL items. */
void     ss_item_set_text_real   (SsPacket       *pkt,
                                  SsItem         *item,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (3, 4);
void     ss_item_append_text_real (SsPacket      *pkt,
                                  SsItem         *item,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (3, 4);

/* Whether @item keeps a label: in full mode, and for protocol nodes (-T fields prints theirs). */
static inline gboolean
ss_item_keeps_text (const SsPacket *pkt,
                    const SsItem   *item)
{
  return item && (pkt->full || (item->def && item->def->type == SS_FT_PROTOCOL));
}

/* Labels are set and extended only where kept; the arguments after the format are evaluated
 * only then (a pass that keeps few fields formats nothing). */
#define ss_item_set_text(pkt, item, ...) \
  G_STMT_START { \
    SsItem *ss_item_ = (item); \
    if (ss_item_keeps_text ((pkt), ss_item_)) \
      ss_item_set_text_real ((pkt), ss_item_, __VA_ARGS__); \
  } G_STMT_END
#define ss_item_append_text(pkt, item, ...) \
  G_STMT_START { \
    SsItem *ss_item_ = (item); \
    if (ss_item_keeps_text ((pkt), ss_item_)) \
      ss_item_append_text_real ((pkt), ss_item_, __VA_ARGS__); \
  } G_STMT_END

static inline void
ss_item_set_flags (SsItem *item,
                   guint   flags)
{
  if (item)
    item->flags |= flags;
}
void     ss_item_set_length      (SsItem         *item,
                                  guint32         length);

/* Expert Information: @index is into @proto's expert table. Adds an `_ws.expert` node under
 * @parent (or the protocol's node) with its message, severity and group. */
void     ss_packet_add_expert    (SsPacket       *pkt,
                                  SsItem         *parent,
                                  SsProtocolId    proto,
                                  guint           index,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (5, 6);

/* Columns. */
void     ss_packet_set_protocol  (SsPacket       *pkt,
                                  const char     *short_name);
/* Hands @len bytes at @data to the follow taps of @proto (copied; nothing when not wanted). */
void     ss_packet_follow_data   (SsPacket       *pkt,
                                  SsProtocolId    proto,
                                  const guint8   *data,
                                  guint32         len);
/* Adds a name to frame.protocols that is not a protocol of its own ("ethertype"). */
void     ss_packet_add_protocols_entry (SsPacket *pkt,
                                  const char     *abbrev);
/* How long frame.protocols is, and taking it back to such a length (a dissector that lists
 * itself once for several messages). */
static inline guint
ss_packet_get_protocols_len (const SsPacket *pkt)
{
  return pkt->protocols_len;
}

static inline void
ss_packet_truncate_protocols (SsPacket *pkt,
                              guint     len)
{
  if (len < pkt->protocols_len)
    {
      pkt->protocols[len] = '\0';
      pkt->protocols_len = (guint16) len;
    }
}
/* The Info column. A layer may defer the text it appends to it (ss_packet_defer_info()): most
 * frames of a filtered pass are never shown, and an upper layer often replaces the text. */
void     ss_packet_flush_deferred_info (SsPacket *pkt);

static inline void
ss_packet_flush_info (SsPacket *pkt)
{
  if (G_UNLIKELY (pkt->info_deferred != NULL))
    ss_packet_flush_deferred_info (pkt);
}

/* The whole Info text: what was deferred is written first. */
static inline const char *
ss_packet_get_info (SsPacket *pkt)
{
  ss_packet_flush_info (pkt);
  return pkt->col_info;
}

/* Appends what @func writes with @data (which must live as long as the packet) when the column
 * is read, unless an upper layer clears it first. Writes nothing when no column is kept. */
void     ss_packet_defer_info    (SsPacket       *pkt,
                                  SsInfoFunc      func,
                                  gconstpointer   data);
void     ss_packet_clear_info    (SsPacket       *pkt);
void     ss_packet_set_info      (SsPacket       *pkt,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (2, 3);
void     ss_packet_append_info   (SsPacket       *pkt,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Appends with @sep in front unless the Info column is empty. */
void     ss_packet_append_info_sep (SsPacket     *pkt,
                                  const char     *sep,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (3, 4);
/* The same without a format, for the parts every frame of a common protocol writes ("Seq=",
 * port numbers): a printf per part costs more than dissecting the header. Inline, so that a
 * literal's length is known when compiling. */
void     ss_packet_append_info_cut (SsPacket     *pkt,
                                  const char     *text,
                                  gsize           len);

static inline void
ss_packet_append_info_str (SsPacket   *pkt,
                           const char *text)
{
  gsize n;

  if (!pkt->want_columns)
    return;
  ss_packet_flush_info (pkt);
  n = strlen (text);
  if (G_LIKELY (pkt->col_info_len + n < sizeof pkt->col_info))
    {
      memcpy (pkt->col_info + pkt->col_info_len, text, n + 1);
      pkt->col_info_len += (guint) n;
    }
  else
    ss_packet_append_info_cut (pkt, text, n);
}

/* Appends @prefix (may be "") and @value in decimal. */
void     ss_packet_append_info_uint (SsPacket    *pkt,
                                  const char     *prefix,
                                  guint64         value);
/* Keeps what the Info column holds now from being cleared by upper layers. */
void     ss_packet_fence_info    (SsPacket       *pkt);
void     ss_packet_set_net_addresses (SsPacket   *pkt,
                                  SsAddressType   type,
                                  const guint8   *src,
                                  const guint8   *dst);

/* What a dissection nested inside another (the datagram quoted by an ICMP error) changes in the
 * packet's columns and hints, saved before and put back after it. */
typedef struct
{
  const char   *col_protocol;
  char          col_info[SS_PACKET_INFO_MAX];
  guint         col_info_len;
  guint         col_info_fence;
  gboolean      want_columns;
  SsAddress     dl_src, dl_dst, net_src, net_dst;
  guint16       srcport, dstport;
  guint         ip_proto;
  SsProtocolId  current;
  guint8        status;
} SsPacketColumns;

void     ss_packet_save_columns  (SsPacket              *pkt,
                                  SsPacketColumns       *saved);
/* Puts the columns back; a failure inside keeps naming the protocol it happened in. */
void     ss_packet_restore_columns (SsPacket            *pkt,
                                  const SsPacketColumns *saved);
/* Wireshark's in_error_pkt: the current message is itself quoted by an ICMP or ICMPv6 error. */
gboolean ss_packet_in_icmp_error (const SsPacket        *pkt);

/* Text of an address (for columns and labels), into @buf of at least 46 bytes. */
const char *ss_address_to_string (const SsAddress *addr,
                                  char           *buf,
                                  gsize           size);

G_END_DECLS
