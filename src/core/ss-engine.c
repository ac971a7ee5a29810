/* ss-engine.c: the per-frame driver */
#include "config.h"

#include <string.h>

#include "ss-dissectors.h"
#include "ss-engine.h"
#include "ss-frame.h"
#include "ss-tcp-reasm.h"

struct _SsEngine
{
  const SsRegistry *reg;
  const SsCapfile  *cap;
  SsArena          *arena;
  guint8           *want;          /* bitmap over field ids */
  guint8           *want_all;      /* every bit set: what a full tree's packets read */
  gboolean          full;
  gboolean          want_columns;
  gboolean          want_follow_data;
  gboolean          want_expert;    /* an expert field is wanted */
  guint64           want_protos;    /* bits by SsProtocolId: protocols with a field wanted, not
                                     * counting their expert items' */
  guint64           apps_wanted;    /* bits by SsProtocolId: application protocols a wanted
                                     * field needs (all bits: every one) */
  guint64           apps_run;       /* apps_to_run (apps_wanted) */
  gboolean          single_pass;
  gboolean          first_pass_done;
  SsFieldId         frame_protocols;
  SsTcpAnalyzeFunc  tcp_analyze;
  gpointer          tcp_analyze_data;
  guint             highest_visited; /* frames below this were dissected once (index + 1) */
  SsTcpReasm       *tcp_reasm;
  SsSession        *session;
  SsEngine         *owner;         /* a reader's engine (ss_engine_new_reader()), else NULL */
  gboolean          keep_packets;  /* packets live in the arena until released */
  SsArena          *other_arena;   /* keep mode: the previous batch's packets */
  SsPacket          pkt;
};

SsEngine *
ss_engine_new (const SsRegistry *reg,
               const SsCapfile  *cap)
{
  SsEngine *engine = g_new0 (SsEngine, 1);

  engine->reg = reg;
  engine->cap = cap;
  engine->arena = ss_arena_new (64 * 1024);
  engine->want = g_malloc0 (ss_registry_get_n_fields (reg) / 8 + 1);
  engine->want_all = g_malloc (ss_registry_get_n_fields (reg) / 8 + 1);
  memset (engine->want_all, 0xff, ss_registry_get_n_fields (reg) / 8 + 1);
  engine->tcp_reasm = ss_tcp_reasm_new ();
  engine->session = ss_session_new ();
  engine->frame_protocols = ss_registry_lookup_field (reg, "frame.protocols");
  return engine;
}

SsEngine *
ss_engine_new_reader (SsEngine *engine)
{
  SsEngine *reader;
  gsize want_size = ss_registry_get_n_fields (engine->reg) / 8 + 1;

  g_return_val_if_fail (engine->owner == NULL, NULL);
  g_return_val_if_fail (ss_engine_can_read_concurrently (engine), NULL);
  reader = g_new0 (SsEngine, 1);
  reader->reg = engine->reg;
  reader->cap = engine->cap;
  reader->owner = engine;
  reader->arena = ss_arena_new (64 * 1024);
  reader->want = g_memdup2 (engine->want, want_size);
  reader->want_all = g_memdup2 (engine->want_all, want_size);
  reader->apps_wanted = engine->apps_wanted;
  reader->apps_run = engine->apps_run;
  reader->want_expert = engine->want_expert;
  reader->want_protos = engine->want_protos;
  reader->frame_protocols = engine->frame_protocols;
  reader->tcp_analyze = engine->tcp_analyze;
  reader->tcp_analyze_data = engine->tcp_analyze_data;
  return reader;
}

gboolean
ss_engine_can_read_concurrently (const SsEngine *engine)
{
  return !engine->full && !engine->want_columns && !engine->want_follow_data
         && engine->apps_wanted == 0;
}

void
ss_engine_free (SsEngine *engine)
{
  if (!engine)
    return;
  if (engine->owner)
    {
      ss_arena_free (engine->arena);
      g_free (engine->want);
      g_free (engine->want_all);
      g_free (engine);
      return;
    }
  ss_arena_free (engine->arena);
  ss_arena_free (engine->other_arena);
  ss_tcp_reasm_free (engine->tcp_reasm);
  ss_session_free (engine->session);
  g_free (engine->want);
  g_free (engine->want_all);
  g_free (engine);
}

void
ss_engine_set_full_tree (SsEngine *engine,
                         gboolean  full)
{
  engine->full = full;
}

#define ALL_APPS G_MAXUINT64
#define APP(id) (G_GUINT64_CONSTANT (1) << (id))

G_STATIC_ASSERT (SS_PROTO_COUNT <= 64);

/* Where @id stands among @proto's fields: 0 is the protocol's own node, then its fields, then
 * its expert items' fields. */
static guint
field_index (const SsEngine   *engine,
             const SsProtocol *proto,
             SsFieldId         id)
{
  return id - ss_registry_get_protocol_field (engine->reg, proto->id);
}

/* The application protocols @id needs: its own when an application protocol adds it; every one
 * for frame.protocols, the expert and malformed items (any layer may add them), data (what no
 * other protocol took) and a transport's reassembly fields. */
static guint64
apps_needed (const SsEngine *engine,
             SsFieldId       id)
{
  const SsProtocol *proto = ss_registry_get_field_protocol (engine->reg, id);
  guint index;

  if (!proto || proto->id == SS_PROTO_WS || proto->id == SS_PROTO_EXPERT
      || proto->id == SS_PROTO_DATA || id == engine->frame_protocols)
    return ALL_APPS;
  if (proto->application)
    return APP (proto->id);
  index = field_index (engine, proto, id);
  if (proto->upper_fields_from && index >= 1 + proto->upper_fields_from
      && index < 1 + proto->n_fields)
    return ALL_APPS;
  return 0;
}

/* The application protocols whose fields a protocol may add, itself or through those it hands
 * data to: mDNS and LLMNR add DNS's fields; TLS carries certificates (X.509's parts nest) and
 * data; PostgreSQL hands over to TLS after an SSLRequest. HTTP (a CONNECT tunnel goes to the
 * port's protocol) and data (which stands for the transports' heuristics, TLS's too) may reach
 * any of them. */
static guint64
app_reach (SsProtocolId id)
{
  const guint64 x509 = APP (SS_PROTO_X509AF) | APP (SS_PROTO_X509CE) | APP (SS_PROTO_X509SAT)
                       | APP (SS_PROTO_X509IF);

  switch (id)
    {
    case SS_PROTO_MDNS:
    case SS_PROTO_LLMNR:
      return APP (id) | APP (SS_PROTO_DNS);
    case SS_PROTO_X509AF:
    case SS_PROTO_X509CE:
    case SS_PROTO_X509SAT:
    case SS_PROTO_X509IF:
      return x509;
    case SS_PROTO_TLS:
      return APP (SS_PROTO_TLS) | x509 | APP (SS_PROTO_DATA);
    case SS_PROTO_PGSQL:
      return APP (SS_PROTO_PGSQL) | APP (SS_PROTO_TLS) | x509 | APP (SS_PROTO_DATA);
    case SS_PROTO_HTTP:
    case SS_PROTO_DATA:
      return ALL_APPS;
    default:
      return APP (id);
    }
}

/* The application protocols that run when @wanted are needed: those that reach one of them. */
static guint64
apps_to_run (guint64 wanted)
{
  guint64 run = 0;

  if (wanted == ALL_APPS)
    return ALL_APPS;
  for (guint id = 0; wanted && id < SS_PROTO_COUNT; id++)
    if (app_reach ((SsProtocolId) id) & wanted)
      run |= APP (id);
  return run;
}

void
ss_engine_want_field (SsEngine  *engine,
                      SsFieldId  id)
{
  const SsProtocol *proto;

  g_return_if_fail (id < ss_registry_get_n_fields (engine->reg));
  engine->want[id >> 3] |= 1u << (id & 7);
  /* A protocol's own items are wanted unless only its expert items' fields are (those come with
   * ss_packet_add_expert(), which looks at them itself); the expert protocol's fields come only
   * with expert items. */
  proto = ss_registry_get_field_protocol (engine->reg, id);
  if (!proto)
    {
      engine->want_expert = TRUE;
      engine->want_protos = ALL_APPS;
    }
  else if (proto->id == SS_PROTO_EXPERT || field_index (engine, proto, id) >= 1 + proto->n_fields)
    engine->want_expert = TRUE;
  else
    engine->want_protos |= APP (proto->id);
  engine->apps_wanted |= apps_needed (engine, id);
  engine->apps_run = apps_to_run (engine->apps_wanted);
}

void
ss_engine_clear_wanted_fields (SsEngine *engine)
{
  memset (engine->want, 0, ss_registry_get_n_fields (engine->reg) / 8 + 1);
  engine->apps_wanted = 0;
  engine->apps_run = 0;
  engine->want_expert = FALSE;
  engine->want_protos = 0;
}

void
ss_engine_set_want_columns (SsEngine *engine,
                            gboolean  want)
{
  engine->want_columns = want;
}

void
ss_engine_set_want_follow_data (SsEngine *engine,
                                gboolean  want)
{
  engine->want_follow_data = want;
}

void
ss_engine_set_tcp_analyzer (SsEngine         *engine,
                            SsTcpAnalyzeFunc  func,
                            gpointer          user_data)
{
  engine->tcp_analyze = func;
  engine->tcp_analyze_data = user_data;
}

void
ss_engine_set_first_pass_done (SsEngine *engine,
                               gboolean  done)
{
  engine->first_pass_done = done;
}

void
ss_engine_set_keep_packets (SsEngine *engine,
                            gboolean  keep)
{
  ss_arena_reset (engine->arena);
  engine->keep_packets = keep;
  if (keep && !engine->other_arena)
    engine->other_arena = ss_arena_new (64 * 1024);
}

void
ss_engine_next_batch (SsEngine *engine)
{
  SsArena *older = engine->other_arena;

  g_return_if_fail (engine->keep_packets);
  engine->other_arena = engine->arena;
  engine->arena = older;
  ss_arena_reset (engine->arena);
}

void
ss_engine_set_single_pass (SsEngine *engine,
                           gboolean  single)
{
  ss_tcp_reasm_set_remember (engine->tcp_reasm, !single);
  engine->single_pass = single;
}

const SsCapfile *
ss_engine_get_capfile (const SsEngine *engine)
{
  return engine->cap;
}

const SsRegistry *
ss_engine_get_registry (const SsEngine *engine)
{
  return engine->reg;
}

SsPacket *
ss_engine_dissect (SsEngine *engine,
                   guint     index)
{
  return ss_engine_dissect_as (engine, index, index + 1, index > 0 ? index - 1 : G_MAXUINT);
}

SsPacket *
ss_engine_dissect_as (SsEngine *engine,
                      guint     index,
                      guint32   number,
                      guint     prev_index)
{
  SsPacket *pkt;
  const SsFrameRecord *rec;

  g_return_val_if_fail (index < ss_capfile_get_n_frames (engine->cap), NULL);
  /* A reader sees only what its engine's first pass left, and keeps nothing itself. */
  g_return_val_if_fail (!engine->owner || index < engine->owner->highest_visited, NULL);
  g_return_val_if_fail (prev_index == G_MAXUINT || prev_index < index, NULL);
  rec = ss_capfile_get_frame (engine->cap, index);

  if (engine->keep_packets)
    pkt = ss_arena_alloc_uninit (engine->arena, sizeof *pkt);
  else
    {
      pkt = &engine->pkt;
      ss_arena_reset (engine->arena);
    }
  /* Clearing the text buffers whole would cost more than the dissection touches of them. */
  memset (pkt, 0, G_STRUCT_OFFSET (SsPacket, protocols));
  pkt->protocols[0] = '\0';
  pkt->col_info[0] = '\0';
  pkt->reg = engine->reg;
  pkt->bases = ss_registry_get_bases (engine->reg);
  pkt->arena = engine->arena;
  pkt->number = number;
  pkt->has_prev = prev_index != G_MAXUINT;
  if (pkt->has_prev)
    pkt->prev_ts_ns = ss_capfile_get_frame (engine->cap, prev_index)->ts_ns;
  pkt->ts_ns = rec->ts_ns;
  pkt->caplen = rec->caplen;
  pkt->len = rec->len;
  pkt->interface_id = rec->interface_id;
  pkt->link_type = ss_capfile_get_frame_link_type (engine->cap, index);
  pkt->epb_flags = rec->epb_flags;
  pkt->data = ss_capfile_get_frame_data (engine->cap, index);
  pkt->visited = engine->owner || index < engine->highest_visited;
  pkt->first_pass_done = pkt->visited
                         && (engine->owner ? engine->owner->first_pass_done
                                           : engine->first_pass_done);
  pkt->full = engine->full;
  /* A full tree wants every field: one test of the bitmap answers for both. */
  pkt->want = engine->full ? engine->want_all : engine->want;
  pkt->want_columns = engine->want_columns;
  pkt->want_expert = engine->full || engine->want_expert;
  pkt->want_protos = engine->full ? ALL_APPS : engine->want_protos;
  pkt->want_follow_data = engine->want_follow_data;
  /* An application protocol is left out when nothing kept comes from it and no later
   * dissection needs the state it keeps (reassembly, request/response links): on a frame
   * dissected before, whose state that pass kept, or in a single pass. */
  if (!engine->full && !engine->want_columns && !engine->want_follow_data
      && (pkt->visited || engine->single_pass))
    pkt->apps_run = engine->apps_run;
  else
    pkt->apps_run = ALL_APPS;
  pkt->root.id = SS_FIELD_ID_NONE;
  pkt->tcp_analyze = engine->tcp_analyze;
  pkt->tcp_analyze_data = engine->tcp_analyze_data;
  pkt->tcp_reasm = engine->owner ? engine->owner->tcp_reasm : engine->tcp_reasm;
  pkt->session = engine->owner ? engine->owner->session : engine->session;
  pkt->tcp_stream = G_MAXUINT32;

  ss_frame_dissect (pkt, engine->cap, index);

  if (!engine->owner && index + 1 > engine->highest_visited)
    engine->highest_visited = index + 1;
  return pkt;
}
