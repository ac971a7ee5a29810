/* ss-tcp-reasm.c: TCP reassembly state (see ss-tcp-reasm.h) */
#include "config.h"

#include <string.h>

#include "ss-tcp-reasm.h"

/* One direction of a stream and the message it is collecting (Wireshark's multisegment PDU). */
typedef struct
{
  gboolean    active;
  gboolean    one_more;        /* the dissector could not tell: give it every new segment */
  gboolean    until_fin;       /* the message ends with the connection */
  gboolean    broken;          /* a segment was missed: the message can never be completed */
  gboolean    pending;         /* a COMPLETE step was handed out and not settled yet */
  guint32     start_seq;       /* raw sequence number of the message's first byte */
  guint32     next_seq;        /* raw sequence number of the next byte expected */
  guint32     need;            /* bytes the message needs in all */
  GByteArray *buf;
  GArray     *segs;            /* SsTcpReasmSegment */
} Flow;

/* What the first pass decided for one frame, kept for later passes. */
typedef struct
{
  SsTcpReasmAction action;
  GBytes          *data;
  GArray          *segs;
  guint32          rest_offset;
  gboolean         final;
  guint32          reassembled_in;
} Remembered;

struct _SsTcpReasm
{
  GHashTable *flows;           /* guint64* -> Flow* */
  GHashTable *frames;          /* frame -> Remembered* */
  gboolean    remember;
  gboolean    at_fin;
  /* the last message completed, kept until the next frame's call: the tree points into it */
  GBytes     *last_data;
  GArray     *last_segs;
};

static void
flow_reset (Flow *f)
{
  f->active = FALSE;
  f->one_more = FALSE;
  f->until_fin = FALSE;
  f->broken = FALSE;
  f->pending = FALSE;
  f->need = 0;
  g_byte_array_set_size (f->buf, 0);
  g_array_set_size (f->segs, 0);
}

static void
flow_free (gpointer p)
{
  Flow *f = p;

  g_byte_array_unref (f->buf);
  g_array_unref (f->segs);
  g_free (f);
}

static void
remembered_free (gpointer p)
{
  Remembered *r = p;

  g_clear_pointer (&r->data, g_bytes_unref);
  g_clear_pointer (&r->segs, g_array_unref);
  g_free (r);
}

SsTcpReasm *
ss_tcp_reasm_new (void)
{
  SsTcpReasm *reasm = g_new0 (SsTcpReasm, 1);

  reasm->flows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, flow_free);
  reasm->frames = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, remembered_free);
  reasm->remember = TRUE;
  return reasm;
}

void
ss_tcp_reasm_free (SsTcpReasm *reasm)
{
  if (!reasm)
    return;
  g_hash_table_unref (reasm->flows);
  g_hash_table_unref (reasm->frames);
  g_clear_pointer (&reasm->last_data, g_bytes_unref);
  g_clear_pointer (&reasm->last_segs, g_array_unref);
  g_free (reasm);
}

void
ss_tcp_reasm_set_remember (SsTcpReasm *reasm,
                           gboolean    remember)
{
  reasm->remember = remember;
}

void
ss_tcp_reasm_set_at_fin (SsTcpReasm *reasm,
                         gboolean    at_fin)
{
  reasm->at_fin = at_fin;
}

gboolean
ss_tcp_reasm_get_at_fin (const SsTcpReasm *reasm)
{
  return reasm->at_fin;
}

static Flow *
lookup_flow (SsTcpReasm *reasm,
             guint64     flow,
             gboolean    create)
{
  Flow *f = g_hash_table_lookup (reasm->flows, &flow);

  if (!f && create)
    {
      guint64 *key = g_new (guint64, 1);

      *key = flow;
      f = g_new0 (Flow, 1);
      f->buf = g_byte_array_new ();
      f->segs = g_array_new (FALSE, FALSE, sizeof (SsTcpReasmSegment));
      g_hash_table_insert (reasm->flows, key, f);
    }
  return f;
}

static void
remember (SsTcpReasm       *reasm,
          guint32           frame,
          SsTcpReasmAction  action,
          guint32           rest_offset,
          gboolean          final)
{
  Remembered *r;

  if (!reasm->remember)
    return;
  r = g_new0 (Remembered, 1);
  r->action = action;
  r->rest_offset = rest_offset;
  r->final = final;
  if (action == SS_TCP_REASM_COMPLETE)
    {
      r->data = g_bytes_ref (reasm->last_data);
      r->segs = g_array_ref (reasm->last_segs);
    }
  g_hash_table_replace (reasm->frames, GUINT_TO_POINTER (frame), r);
}

/* The flow's message is done: its bytes and segments move to last_data/last_segs (no copy), where
 * they stay until the next frame, and the flow starts empty. */
/* Each frame that gave bytes to the message learns where it was put back together: the last
 * frame where its bytes were handed over (Wireshark keeps the frame of the last reassembly, also
 * when the dissector then asked for more and the message never completed). */
static void
mark_reassembled_in (SsTcpReasm *reasm,
                     Flow       *f,
                     guint32     frame)
{
  if (!reasm->remember)
    return;
  for (guint i = 0; i < f->segs->len; i++)
    {
      guint32 seg_frame = g_array_index (f->segs, SsTcpReasmSegment, i).frame;
      Remembered *r = g_hash_table_lookup (reasm->frames, GUINT_TO_POINTER (seg_frame));

      if (r && seg_frame != frame)
        r->reassembled_in = frame;
    }
}

static void
settle (SsTcpReasm *reasm,
        Flow       *f,
        guint32     frame)
{
  mark_reassembled_in (reasm, f, frame);
  g_clear_pointer (&reasm->last_data, g_bytes_unref);
  g_clear_pointer (&reasm->last_segs, g_array_unref);
  reasm->last_data = g_byte_array_free_to_bytes (f->buf);
  reasm->last_segs = f->segs;
  f->buf = g_byte_array_new ();
  f->segs = g_array_new (FALSE, FALSE, sizeof (SsTcpReasmSegment));
  flow_reset (f);
}

static void
add_segment (Flow         *f,
             guint32       frame,
             const guint8 *payload,
             guint32       len)
{
  SsTcpReasmSegment seg;

  seg.frame = frame;
  seg.offset = f->buf->len;
  seg.len = len;
  g_array_append_val (f->segs, seg);
  g_byte_array_append (f->buf, payload, len);
  f->next_seq += len;
}

static void
hand_out (Flow           *f,
          SsTcpReasmStep *step,
          guint32         rest_offset)
{
  step->action = SS_TCP_REASM_COMPLETE;
  step->data = f->buf->data;
  step->len = f->buf->len;
  step->segments = (const SsTcpReasmSegment *) f->segs->data;
  step->n_segments = f->segs->len;
  step->rest_offset = rest_offset;
  f->pending = TRUE;
}

/* A segment that does not start where the message continues. Wireshark files a segment under the
 * message whose sequence range holds it: past a hole it is kept as a piece of a message that
 * cannot complete any more; beyond the message's end (or past a hole while the message waited for
 * just one more segment) it is dissected on its own. */
static void
out_of_sequence (SsTcpReasm     *reasm,
                 Flow           *f,
                 guint32         frame,
                 guint32         seq,
                 guint32         len,
                 SsTcpReasmStep *step)
{
  guint32 into = seq - f->start_seq;
  guint32 inside;

  if ((gint32) (seq - f->next_seq) < 0 || f->one_more
      || (!f->until_fin && into >= f->need))
    {
      flow_reset (f);
      return;
    }

  /* Bytes that can never be dissected are not kept. */
  f->broken = TRUE;
  g_byte_array_set_size (f->buf, 0);
  g_array_set_size (f->segs, 0);
  inside = f->until_fin ? len : MIN (len, f->need - into);
  if ((gint32) (seq + inside - f->next_seq) > 0)
    f->next_seq = seq + inside;
  step->action = SS_TCP_REASM_SEGMENT;
  step->rest_offset = inside;
  if (inside < len)
    flow_reset (f);
  remember (reasm, frame, SS_TCP_REASM_SEGMENT, inside, FALSE);
}

void
ss_tcp_reasm_segment (SsTcpReasm     *reasm,
                      guint32         frame,
                      guint64         flow,
                      guint32         seq,
                      const guint8   *payload,
                      guint32         len,
                      SsTcpReasmStep *step)
{
  Flow *f = lookup_flow (reasm, flow, FALSE);
  guint32 take;

  memset (step, 0, sizeof *step);
  step->action = SS_TCP_REASM_DISSECT;
  step->rest_offset = 0;

  if (!f || !f->active || len == 0)
    return;
  if (f->pending)
    {
      /* The completed message was never settled (its dissector was not called): drop it. */
      flow_reset (f);
      return;
    }
  if (f->broken || seq != f->next_seq)
    {
      out_of_sequence (reasm, f, frame, seq, len, step);
      return;
    }

  take = len;
  if (f->until_fin)
    {
      if ((guint64) f->buf->len + len > SS_TCP_REASM_MAX_PDU)
        {
          /* Past the cap: the message is given up and this segment dissected on its own. */
          flow_reset (f);
          return;
        }
    }
  else if (!f->one_more && f->buf->len + len > f->need)
    take = f->need - f->buf->len;
  add_segment (f, frame, payload, take);

  if (f->until_fin || (!f->one_more && f->buf->len < f->need))
    {
      step->action = SS_TCP_REASM_SEGMENT;
      step->rest_offset = len;
      remember (reasm, frame, SS_TCP_REASM_SEGMENT, len, FALSE);
      return;
    }
  /* Remembered when the dissector took it (ss_tcp_reasm_dissected). */
  hand_out (f, step, take);
}

void
ss_tcp_reasm_fin (SsTcpReasm     *reasm,
                  guint32         frame,
                  guint64         flow,
                  guint32         seq,
                  const guint8   *payload,
                  guint32         len,
                  SsTcpReasmStep *step)
{
  Flow *f = lookup_flow (reasm, flow, FALSE);

  if (!f || !f->active || !f->until_fin || f->broken || f->pending || seq != f->next_seq
      || (guint64) f->buf->len + len > SS_TCP_REASM_MAX_PDU)
    {
      ss_tcp_reasm_segment (reasm, frame, flow, seq, payload, len, step);
      return;
    }
  memset (step, 0, sizeof *step);
  add_segment (f, frame, payload, len);
  hand_out (f, step, len);
  step->final = TRUE;
  /* Nothing more is asked of the dissector: the message is settled now. */
  settle (reasm, f, frame);
  step->data = g_bytes_get_data (reasm->last_data, NULL);
  step->segments = (const SsTcpReasmSegment *) reasm->last_segs->data;
  remember (reasm, frame, SS_TCP_REASM_COMPLETE, len, TRUE);
}

gboolean
ss_tcp_reasm_overlap (SsTcpReasm *reasm,
                      guint32     frame,
                      guint64     flow,
                      guint32     seq,
                      guint32     len)
{
  Flow *f = lookup_flow (reasm, flow, FALSE);
  SsTcpReasmSegment seg;
  guint32 into, have, at;

  if (!f || !f->active || f->broken || f->pending || len == 0)
    return FALSE;
  into = seq - f->start_seq;
  have = f->next_seq - f->start_seq;
  if (into >= have || (guint64) into + len > have)
    return FALSE;
  seg.frame = frame;
  seg.offset = into;
  seg.len = len;
  /* After the segments that start at or before it: the list stays in offset order. */
  for (at = f->segs->len; at > 0; at--)
    if (g_array_index (f->segs, SsTcpReasmSegment, at - 1).offset <= into)
      break;
  g_array_insert_val (f->segs, at, seg);
  remember (reasm, frame, SS_TCP_REASM_SEGMENT, len, FALSE);
  return TRUE;
}

void
ss_tcp_reasm_dissected (SsTcpReasm   *reasm,
                        guint32       frame,
                        guint64       flow,
                        guint32       seq,
                        const guint8 *given,
                        guint32       given_len,
                        gboolean      given_is_message,
                        guint32       desegment_offset,
                        guint32       desegment_len)
{
  Flow *f = lookup_flow (reasm, flow, desegment_len != 0);
  guint32 start, kept, start_seq, next_seq;
  SsTcpReasmSegment seg;
  const guint8 *tail;

  if (given_is_message && f && f->pending)
    {
      f->pending = FALSE;
      if (desegment_len != 0 && desegment_offset == 0 && desegment_offset <= given_len)
        {
          /* Still not enough: the message goes on collecting; this frame showed a segment. */
          f->until_fin = desegment_len == SS_DESEGMENT_UNTIL_FIN;
          f->one_more = desegment_len == SS_DESEGMENT_ONE_MORE_SEGMENT;
          if (!f->one_more && !f->until_fin)
            f->need = MIN ((guint64) f->buf->len + desegment_len, SS_TCP_REASM_MAX_PDU);
          mark_reassembled_in (reasm, f, frame);
          if (f->buf->len >= SS_TCP_REASM_MAX_PDU)
            flow_reset (f);
          else
            remember (reasm, frame, SS_TCP_REASM_SEGMENT,
                      g_array_index (f->segs, SsTcpReasmSegment, f->segs->len - 1).len, FALSE);
          return;
        }
      {
        guint32 rest = g_array_index (f->segs, SsTcpReasmSegment, f->segs->len - 1).len;
        guint32 msg_start = f->start_seq;

        settle (reasm, f, frame);
        remember (reasm, frame, SS_TCP_REASM_COMPLETE, rest, FALSE);
        if (desegment_len == 0 || desegment_offset > given_len)
          return;
        /* A new message starts inside the one just dissected: only its part from this frame's
         * segment is known here, so it is started afresh from what was given. */
        given = g_bytes_get_data (reasm->last_data, NULL);
        start_seq = msg_start + desegment_offset;
        next_seq = msg_start + given_len;
      }
    }
  else
    {
      if (desegment_len == 0 || desegment_offset > given_len)
        return;
      start_seq = seq + desegment_offset;
      next_seq = seq + given_len;
    }

  /* A frame dissected as it came keeps a record too, to learn where its tail is completed. */
  if (reasm->remember && !g_hash_table_contains (reasm->frames, GUINT_TO_POINTER (frame)))
    remember (reasm, frame, SS_TCP_REASM_DISSECT, 0, FALSE);
  start = desegment_offset;
  kept = given_len - start;
  tail = given + start;
  flow_reset (f);
  seg.frame = frame;
  seg.offset = 0;
  seg.len = kept;
  g_array_append_val (f->segs, seg);
  g_byte_array_append (f->buf, tail, kept);
  f->start_seq = start_seq;
  f->next_seq = next_seq;
  f->active = TRUE;
  f->until_fin = desegment_len == SS_DESEGMENT_UNTIL_FIN;
  f->one_more = desegment_len == SS_DESEGMENT_ONE_MORE_SEGMENT;
  if (!f->one_more && !f->until_fin)
    f->need = MIN ((guint64) kept + desegment_len, SS_TCP_REASM_MAX_PDU);
}

void
ss_tcp_reasm_lookup (SsTcpReasm     *reasm,
                     guint32         frame,
                     guint32         payload_len,
                     SsTcpReasmStep *step)
{
  Remembered *r = g_hash_table_lookup (reasm->frames, GUINT_TO_POINTER (frame));

  memset (step, 0, sizeof *step);
  step->action = SS_TCP_REASM_DISSECT;
  if (!r)
    return;
  step->action = r->action;
  step->rest_offset = MIN (r->rest_offset, payload_len);
  step->final = r->final;
  step->reassembled_in = r->reassembled_in;
  if (r->action == SS_TCP_REASM_COMPLETE)
    {
      step->data = g_bytes_get_data (r->data, NULL);
      step->len = g_bytes_get_size (r->data);
      step->segments = (const SsTcpReasmSegment *) r->segs->data;
      step->n_segments = r->segs->len;
    }
}
