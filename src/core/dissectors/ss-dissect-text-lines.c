/* ss-dissect-text-lines.c: Line-based text data, the media dissector for text bodies
 * (text/plain RFC 2046 §4.1, text/html, text/css, ...)
 *
 * Like tshark's packet-text-media.c: one tree line per line of text, the media type in the Info
 * column and in the protocol's label. There are no fields besides the protocol itself.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"

/* Called by ss-dissect-http.c and ss-dissect-json.c with the body's media type (or NULL).
 * TODO(issue 4): declare in ss-dissectors.h. */
void  ss_text_lines_dissect_media (SsPacket     *pkt,
                                   SsReader     *r,
                                   const char   *media_type);
/* epan's format_text, in ss-dissect-http.c. */
char *ss_http_format_text         (SsArena      *arena,
                                   const guint8 *p,
                                   gsize         n);

void
ss_text_lines_dissect_media (SsPacket   *pkt,
                             SsReader   *r,
                             const char *media_type)
{
  const char *col = pkt->col_protocol;
  const guint8 *buf;
  guint32 off = 0, lines = 0;
  SsLayer l;

  if (media_type && !media_type[0])
    media_type = NULL;
  if (media_type)
    ss_packet_append_info_sep (pkt, " ", "(%s)", media_type);

  l = ss_packet_begin_layer (pkt, SS_PROTO_TEXT_LINES, r, 0, -1);
  /* tshark leaves the Protocol column to the protocol that carried the text. */
  if (col)
    ss_packet_set_protocol (pkt, col);

  buf = ss_reader_peek (r, 0, r->captured);
  while (buf && off < r->captured)
    {
      const guint8 *p = buf + off;
      guint32 n = r->captured - off, i = 0, next;

      /* tvb_find_line_end without desegmentation: CR, LF or CRLF; the last line may not end. */
      while (i < n && p[i] != '\r' && p[i] != '\n')
        i++;
      if (i == n)
        next = off + n;
      else if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
        next = off + i + 2;
      else
        next = off + i + 1;
      if (pkt->full)
        ss_layer_add_text (&l, NULL, off, next - off, "%s",
                           ss_http_format_text (pkt->arena, p, next - off));
      lines++;
      off = next;
    }

  if (l.top)
    {
      if (media_type)
        ss_item_set_text (pkt, l.top, "%s: %s (%u lines)", _("Line-based text data"), media_type,
                          lines);
      else
        ss_item_set_text (pkt, l.top, "%s (%u lines)", _("Line-based text data"), lines);
    }
}

static void
dissect_text_lines (SsPacket *pkt,
                    SsReader *r)
{
  ss_text_lines_dissect_media (pkt, r, NULL);
}

const SsProtocol ss_proto_text_lines = {
  .id = SS_PROTO_TEXT_LINES,
  .application = TRUE,
  .abbrev = "data-text-lines",
  .short_name = "data-text-lines",
  .name = N_("Line-based text data"),
  .dissect = dissect_text_lines,
};
