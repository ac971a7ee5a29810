/* ss-reader.c: bounds-checked packet byte views */
#include "config.h"

#include <string.h>

#include "ss-reader.h"

void
ss_reader_init (SsReader     *r,
                const guint8 *data,
                guint32       captured,
                guint32       reported,
                guint8       *frame_status)
{
  r->data = data;
  r->base = 0;
  r->captured = captured;
  r->reported = MAX (reported, captured);
  r->status = SS_READER_OK;
  r->frame_status = frame_status;
}

static void
ss_reader_set_status (SsReader *r, guint8 status)
{
  r->status |= status;
  if (r->frame_status)
    *r->frame_status |= status;
}

void
ss_reader_mark (SsReader *r,
                guint     off,
                guint     len)
{
  guint64 end = (guint64) off + len;

  if (end <= r->captured)
    return;
  /* Within what was on the wire but beyond what was captured: the snaplen cut it. */
  if (end <= r->reported)
    ss_reader_set_status (r, SS_READER_TRUNCATED);
  else
    ss_reader_set_status (r, SS_READER_MALFORMED);
}

gboolean
ss_reader_check (SsReader *r,
                 guint     off,
                 guint     len)
{
  if (ss_reader_has (r, off, len))
    return TRUE;
  ss_reader_mark (r, off, len);
  return FALSE;
}

void
ss_reader_sub (SsReader       *parent,
               guint           off,
               gint            len,
               SsReader       *child)
{
  guint32 cap_left = ss_reader_remaining (parent, off);
  guint32 rep_left = ss_reader_reported_remaining (parent, off);
  guint32 want;

  child->frame_status = parent->frame_status;
  child->status = SS_READER_OK;
  child->base = parent->base + MIN (off, parent->captured);
  child->data = parent->data + MIN (off, parent->captured);

  if (len < 0)
    {
      child->captured = cap_left;
      child->reported = rep_left;
      return;
    }

  want = (guint32) len;
  if (want > rep_left)
    {
      /* The length field claims more than the packet holds. */
      ss_reader_set_status (parent, SS_READER_MALFORMED);
      want = rep_left;
    }
  child->reported = want;
  child->captured = MIN (want, cap_left);
}

gboolean
ss_reader_copy (SsReader     *r,
                guint         off,
                guint         len,
                guint8       *dest)
{
  if (!ss_reader_check (r, off, len))
    {
      memset (dest, 0, len);
      return FALSE;
    }
  memcpy (dest, r->data + off, len);
  return TRUE;
}
