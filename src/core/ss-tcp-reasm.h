/* ss-tcp-reasm.h: putting TCP payload back together for protocols whose messages span segments
 *
 * A dissector over TCP that finds its message incomplete sets pkt->desegment_offset (where the
 * unfinished message starts in the bytes it was given) and pkt->desegment_len (how many more
 * bytes it needs, or SS_DESEGMENT_ONE_MORE_SEGMENT when it cannot tell) and returns without
 * adding tree items for that message. The TCP dissector then collects the following segments of
 * the same direction and calls it again, on the frame that completes the message, with the
 * reassembled bytes as a byte source of their own. This is Wireshark's desegmentation contract
 * (pinfo->desegment_offset/desegment_len), so frames and fields line up with tshark's.
 *
 * A dissector that learns its message ends where the connection does (an HTTP response with
 * neither a length nor chunks) asks for SS_DESEGMENT_UNTIL_FIN: the segments are collected and the
 * message is handed over on the segment that carries the sender's FIN, without offering
 * desegmentation again (Wireshark's DESEGMENT_UNTIL_FIN).
 *
 * Reassembled bytes and the list of segments are handed out only on the frame where the message
 * completes; a step where the dissector, given the bytes so far, still asks for more is taken
 * back by the TCP dissector, so the work per segment stays proportional to the segment. A hole in
 * the stream (a segment not captured) leaves the message incomplete for good: the segments that
 * fall inside it are shown as segment data and never dissected, as in tshark; what lies beyond
 * its end is dissected afresh.
 *
 * The state is per capture and lives in the engine. Results are kept per frame when the engine
 * is told frames may be dissected again (the GUI); a single pass in order (the CLI) frees each
 * message as soon as it was dissected.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SS_DESEGMENT_ONE_MORE_SEGMENT 0x0fffffffu
#define SS_DESEGMENT_UNTIL_FIN        0x0ffffffeu

/* Cap on one reassembled message: a peer announcing more is not buffered without bound. */
#define SS_TCP_REASM_MAX_PDU (64u * 1024 * 1024)

typedef struct _SsTcpReasm SsTcpReasm;

typedef struct
{
  guint32 frame;
  guint32 offset;            /* of this segment's bytes in the message */
  guint32 len;
} SsTcpReasmSegment;

/* What the TCP dissector is to do with a segment's payload. */
typedef enum
{
  SS_TCP_REASM_DISSECT,      /* hand the payload (from .offset) to the next protocol */
  SS_TCP_REASM_SEGMENT,      /* a piece of a message that is not complete yet: show its first
                              * .rest_offset bytes as data, dissect the rest */
  SS_TCP_REASM_COMPLETE,     /* .data holds a whole message; .rest bytes of this segment follow */
} SsTcpReasmAction;

typedef struct
{
  SsTcpReasmAction         action;
  const guint8            *data;       /* COMPLETE: the message's bytes */
  guint32                  len;
  const SsTcpReasmSegment *segments;   /* COMPLETE: where they came from */
  guint                    n_segments;
  guint32                  rest_offset; /* offset in this segment's payload where bytes after the
                                         * message start (== payload length: none) */
  gboolean                 final;      /* COMPLETE at the FIN: dissect without offering
                                         * desegmentation */
  guint32                  reassembled_in; /* a later pass: the frame that completes the message
                                            * this frame's bytes went to (0: unknown) */
} SsTcpReasmStep;

SsTcpReasm *ss_tcp_reasm_new       (void);
void        ss_tcp_reasm_free      (SsTcpReasm     *reasm);
void        ss_tcp_reasm_set_remember (SsTcpReasm  *reasm,
                                    gboolean        remember);

/* First pass, before the payload of a segment is dissected: @flow identifies stream and
 * direction, @seq is the segment's raw sequence number. */
void        ss_tcp_reasm_segment   (SsTcpReasm     *reasm,
                                    guint32         frame,
                                    guint64         flow,
                                    guint32         seq,
                                    const guint8   *payload,
                                    guint32         len,
                                    SsTcpReasmStep *step);
/* First pass, a segment with the FIN flag: when its flow collects a message until the FIN and
 * has every byte up to this segment, COMPLETE (with .final set) with this segment's payload
 * (@len may be 0) added; otherwise as ss_tcp_reasm_segment. */
void        ss_tcp_reasm_fin       (SsTcpReasm     *reasm,
                                    guint32         frame,
                                    guint64         flow,
                                    guint32         seq,
                                    const guint8   *payload,
                                    guint32         len,
                                    SsTcpReasmStep *step);
/* First pass, a retransmitted or out-of-order segment (not dissected again): TRUE when all its
 * bytes lie within what the flow's unfinished message already holds; it is then listed among the
 * message's segments at its place, as Wireshark lists overlapping fragments, and shown as a
 * piece of it (a later pass finds it as a SEGMENT step). */
gboolean    ss_tcp_reasm_overlap   (SsTcpReasm     *reasm,
                                    guint32         frame,
                                    guint64         flow,
                                    guint32         seq,
                                    guint32         len);
/* After the next protocol was called on a DISSECT or COMPLETE step: it asked for more bytes at
 * @desegment_offset (in the bytes it was given) or not (@desegment_len 0). */
void        ss_tcp_reasm_dissected (SsTcpReasm     *reasm,
                                    guint32         frame,
                                    guint64         flow,
                                    guint32         seq,
                                    const guint8   *given,
                                    guint32         given_len,
                                    gboolean        given_is_message,
                                    guint32         desegment_offset,
                                    guint32         desegment_len);
/* Whether the segment whose payload is being dissected carries the FIN: a dissector waiting for
 * the end of the stream has it then (Wireshark's tcpinfo->flags & TH_FIN). Set by TCP. */
void        ss_tcp_reasm_set_at_fin (SsTcpReasm  *reasm,
                                    gboolean        at_fin);
gboolean    ss_tcp_reasm_get_at_fin (const SsTcpReasm *reasm);

/* A later pass: what the first pass decided for @frame (DISSECT when it kept nothing). The
 * data of a COMPLETE step stays valid until the next call. */
void        ss_tcp_reasm_lookup    (SsTcpReasm     *reasm,
                                    guint32         frame,
                                    guint32         payload_len,
                                    SsTcpReasmStep *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsTcpReasm, ss_tcp_reasm_free)

G_END_DECLS
