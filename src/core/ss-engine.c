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
  gboolean          full;
  gboolean          want_columns;
  gboolean          want_follow_data;
  gboolean          upper_wanted;   /* a wanted field needs the application protocols */
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
  reader->upper_wanted = engine->upper_wanted;
  reader->frame_protocols = engine->frame_protocols;
  reader->tcp_analyze = engine->tcp_analyze;
  reader->tcp_analyze_data = engine->tcp_analyze_data;
  return reader;
}

gboolean
ss_engine_can_read_concurrently (const SsEngine *engine)
{
  return !engine->full && !engine->want_columns && !engine->want_follow_data
         && !engine->upper_wanted;
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
      g_free (engine);
      return;
    }
  ss_arena_free (engine->arena);
  ss_arena_free (engine->other_arena);
  ss_tcp_reasm_free (engine->tcp_reasm);
  ss_session_free (engine->session);
  g_free (engine->want);
  g_free (engine);
}

void
ss_engine_set_full_tree (SsEngine *engine,
                         gboolean  full)
{
  engine->full = full;
}

/* Whether @id is added by an application protocol or depends on one: frame.protocols, the
 * expert and malformed items (any layer may add them), a transport's reassembly fields. */
static gboolean
needs_upper_layers (const SsEngine *engine,
                    SsFieldId       id)
{
  const SsProtocol *proto = ss_registry_get_field_protocol (engine->reg, id);
  guint index;

  if (!proto || proto->application || proto->id == SS_PROTO_WS || proto->id == SS_PROTO_EXPERT
      || id == engine->frame_protocols)
    return TRUE;
  /* 0 is the protocol's own node, then its fields, then its expert items' fields. */
  index = id - ss_registry_get_protocol_field (engine->reg, proto->id);
  return proto->upper_fields_from && index >= 1 + proto->upper_fields_from
         && index < 1 + proto->n_fields;
}

void
ss_engine_want_field (SsEngine  *engine,
                      SsFieldId  id)
{
  g_return_if_fail (id < ss_registry_get_n_fields (engine->reg));
  engine->want[id >> 3] |= 1u << (id & 7);
  if (!engine->upper_wanted && needs_upper_layers (engine, id))
    engine->upper_wanted = TRUE;
}

void
ss_engine_clear_wanted_fields (SsEngine *engine)
{
  memset (engine->want, 0, ss_registry_get_n_fields (engine->reg) / 8 + 1);
  engine->upper_wanted = FALSE;
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
    {
      /* A fresh packet per frame: clearing its text buffers whole would cost more than the
       * dissection touches of them. */
      pkt = ss_arena_alloc_uninit (engine->arena, sizeof *pkt);
      memset (pkt, 0, G_STRUCT_OFFSET (SsPacket, protocols));
      pkt->protocols[0] = '\0';
      pkt->col_info[0] = '\0';
    }
  else
    {
      pkt = &engine->pkt;
      ss_arena_reset (engine->arena);
      memset (pkt, 0, sizeof *pkt);
    }
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
  pkt->want = engine->want;
  pkt->want_columns = engine->want_columns;
  pkt->want_follow_data = engine->want_follow_data;
  /* The application protocols are left out when nothing kept comes from them and no later
   * dissection needs the state they keep (reassembly, request/response links): on a frame
   * dissected before, whose state that pass kept, or in a single pass. */
  pkt->skip_application = !engine->full && !engine->want_columns && !engine->want_follow_data
                          && !engine->upper_wanted && (pkt->visited || engine->single_pass);
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
