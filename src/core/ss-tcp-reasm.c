/* ss-tcp-reasm.c: TCP reassembly state (see ss-tcp-reasm.h) */
#include "config.h"

#include <string.h>

#include "ss-tcp-reasm.h"

typedef struct
{
  gboolean    active;
  guint32     next_seq;        /* raw sequence number of the next byte expected */
  guint32     need;            /* bytes the message needs in all */
  gboolean    one_more;        /* the dissector could not tell: give it every new segment */
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
} Remembered;

struct _SsTcpReasm
{
  GHashTable *flows;           /* guint64* -> Flow* */
  GHashTable *frames;          /* frame -> Remembered* */
  gboolean    remember;
  /* the last COMPLETE step handed out, valid until the next call */
  GBytes     *last_data;
  GArray     *last_segs;
};

static void
flow_reset (Flow *f)
{
  f->active = FALSE;
  f->one_more = FALSE;
  f->need = 0;
  if (f->buf)
    g_byte_array_set_size (f->buf, 0);
  if (f->segs)
    g_array_set_size (f->segs, 0);
}

static void
flow_free (gpointer p)
{
  Flow *f = p;

  if (f->buf)
    g_byte_array_unref (f->buf);
  if (f->segs)
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
remember (SsTcpReasm     *reasm,
          guint32         frame,
          SsTcpReasmStep *step)
{
  Remembered *r;

  if (!reasm->remember || step->action == SS_TCP_REASM_DISSECT)
    return;
  r = g_new0 (Remembered, 1);
  r->action = step->action;
  r->rest_offset = step->rest_offset;
  if (step->action == SS_TCP_REASM_COMPLETE)
    {
      r->data = g_bytes_ref (reasm->last_data);
      r->segs = g_array_ref (reasm->last_segs);
    }
  g_hash_table_replace (reasm->frames, GUINT_TO_POINTER (frame), r);
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
  guint32 have, take;
  SsTcpReasmSegment seg;

  memset (step, 0, sizeof *step);
  step->action = SS_TCP_REASM_DISSECT;
  step->rest_offset = 0;

  if (!f || !f->active)
    return;
  if (seq != f->next_seq)
    {
      /* A hole or an overlap: the message cannot be completed; start afresh here. */
      flow_reset (f);
      return;
    }

  have = f->buf->len;
  take = len;
  if (!f->one_more && have + len > f->need)
    take = f->need - have;
  seg.frame = frame;
  seg.offset = have;
  seg.len = take;
  g_array_append_val (f->segs, seg);
  g_byte_array_append (f->buf, payload, take);
  f->next_seq = seq + take;

  if (!f->one_more && f->buf->len < f->need)
    {
      step->action = SS_TCP_REASM_SEGMENT;
      remember (reasm, frame, step);
      return;
    }

  g_clear_pointer (&reasm->last_data, g_bytes_unref);
  g_clear_pointer (&reasm->last_segs, g_array_unref);
  reasm->last_data = g_bytes_new (f->buf->data, f->buf->len);
  reasm->last_segs = g_array_copy (f->segs);
  step->action = SS_TCP_REASM_COMPLETE;
  step->data = g_bytes_get_data (reasm->last_data, NULL);
  step->len = f->buf->len;
  step->segments = (const SsTcpReasmSegment *) reasm->last_segs->data;
  step->n_segments = reasm->last_segs->len;
  step->rest_offset = take;
  remember (reasm, frame, step);
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
  guint32 start, kept, next_seq;
  SsTcpReasmSegment seg;

  if (desegment_len == 0 || desegment_offset > given_len)
    {
      if (f && given_is_message)
        flow_reset (f);
      return;
    }

  if (given_is_message && desegment_offset == 0 && f->active)
    {
      /* Still not enough after reassembly: keep collecting into the same message. */
      if (desegment_len == SS_DESEGMENT_ONE_MORE_SEGMENT)
        f->one_more = TRUE;
      else
        {
          f->one_more = FALSE;
          f->need = MIN ((guint64) f->buf->len + desegment_len, SS_TCP_REASM_MAX_PDU);
        }
      if (f->buf->len > SS_TCP_REASM_MAX_PDU)
        flow_reset (f);
      /* The segment that was just added is part of it; nothing is shown for it yet. */
      if (reasm->remember)
        {
          Remembered *r = g_hash_table_lookup (reasm->frames, GUINT_TO_POINTER (frame));

          if (r)
            r->action = SS_TCP_REASM_SEGMENT;
        }
      return;
    }

  /* A new message starts at desegment_offset of what the dissector was given. When it was a
   * reassembled message, only the part of it in this frame's segment is known here. */
  start = desegment_offset;
  kept = given_len - start;
  next_seq = given_is_message ? f->next_seq : seq + given_len;
  flow_reset (f);
  g_byte_array_append (f->buf, given + start, kept);
  seg.frame = frame;
  seg.offset = 0;
  seg.len = kept;
  g_array_append_val (f->segs, seg);
  f->next_seq = next_seq;
  f->active = TRUE;
  if (desegment_len == SS_DESEGMENT_ONE_MORE_SEGMENT)
    f->one_more = TRUE;
  else
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
  step->rest_offset = r->rest_offset;
  if (r->action == SS_TCP_REASM_COMPLETE)
    {
      step->data = g_bytes_get_data (r->data, NULL);
      step->len = g_bytes_get_size (r->data);
      step->segments = (const SsTcpReasmSegment *) r->segs->data;
      step->n_segments = r->segs->len;
    }
}
