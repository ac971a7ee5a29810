/* ss-engine.h: dissecting frames of a capture file
 *
 * The engine owns the per-capture state (the session) and the frame arena, and dissects any frame
 * by index. Frames dissected in order form the first pass; afterwards frames can be dissected
 * again in any order (the GUI does this for the selected packet) with the state the first pass
 * left.
 */
#pragma once

#include <glib.h>

#include "ss-capfile.h"
#include "ss-packet.h"
#include "ss-registry.h"

G_BEGIN_DECLS

typedef struct _SsEngine SsEngine;

SsEngine       *ss_engine_new               (const SsRegistry *reg,
                                             const SsCapfile  *cap);
void            ss_engine_free              (SsEngine         *engine);

/* A reader: a second engine that dissects frames @engine has already dissected, with the state
 * @engine's first pass left, concurrently with @engine (its own arena and packet; the wanted
 * fields are copied now). Allowed only while ss_engine_can_read_concurrently(@engine): a pass
 * over the lower layers reads that state and changes nothing, while the application protocols
 * (reassembly, request/response links) may update theirs. Free it before @engine. */
SsEngine       *ss_engine_new_reader        (SsEngine         *engine);
gboolean        ss_engine_can_read_concurrently (const SsEngine *engine);

/* Build the whole tree (for -V, JSON, the GUI) rather than only the wanted fields. */
void            ss_engine_set_full_tree     (SsEngine         *engine,
                                             gboolean          full);
void            ss_engine_want_field        (SsEngine         *engine,
                                             SsFieldId         id);
/* Forgets the fields asked for so far, for a pass that needs other ones (the GUI's loading,
 * filtering and statistics take turns on one engine). */
void            ss_engine_clear_wanted_fields (SsEngine       *engine);
void            ss_engine_set_want_columns  (SsEngine         *engine,
                                             gboolean          want);
/* Keep the bytes dissectors hand to follow taps (SsPacket.follow_head; `-z follow,http`). */
void            ss_engine_set_want_follow_data (SsEngine      *engine,
                                             gboolean          want);
void            ss_engine_set_tcp_analyzer  (SsEngine         *engine,
                                             SsTcpAnalyzeFunc  func,
                                             gpointer          user_data);

/* Frames will be dissected once, in order (the CLI): state kept only to dissect a frame again
 * (reassembled messages) is not kept. */
void            ss_engine_set_single_pass   (SsEngine         *engine,
                                             gboolean          single);

/* Every frame of the capture has been dissected once (tshark's second pass, a file the GUI has
 * read to its end): a dissector may then say what never came (an unanswered ping). */
void            ss_engine_set_first_pass_done (SsEngine       *engine,
                                             gboolean          done);
/* Keep mode, for a caller that dissects a batch of frames before using them: each packet (with
 * its items) stays valid until the second ss_engine_next_batch() after it, so one batch can be
 * used while the next is dissected. Otherwise a packet is valid until the next call. */
void            ss_engine_set_keep_packets  (SsEngine         *engine,
                                             gboolean          keep);
/* Starts a batch: frees the packets of the batch before the last one. */
void            ss_engine_next_batch        (SsEngine         *engine);

/* Dissects frame @index (0-based). The packet is valid until the next call. */
SsPacket       *ss_engine_dissect           (SsEngine         *engine,
                                             guint             index);
/* Dissects frame @index as frame number @number following frame @prev_index (G_MAXUINT: the
 * first), for a pass that skips frames and numbers those it keeps 1, 2, ... (tshark's -2 -R).
 * Per-frame state is kept by number, as Wireshark keeps it. */
SsPacket       *ss_engine_dissect_as        (SsEngine         *engine,
                                             guint             index,
                                             guint32           number,
                                             guint             prev_index);
const SsCapfile *ss_engine_get_capfile      (const SsEngine   *engine);
const SsRegistry *ss_engine_get_registry    (const SsEngine   *engine);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsEngine, ss_engine_free)

G_END_DECLS
