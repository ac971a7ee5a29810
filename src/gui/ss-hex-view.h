/* ss-hex-view.h: the packet bytes pane
 *
 * Offset, hex and ASCII, 16 bytes a line as Wireshark shows them, with the bytes of the selected
 * field highlighted. One tab per byte source: the frame, then whatever reassembly or
 * decompression produced. Clicking a byte emits "byte-activated" so the tree can select the field
 * that covers it.
 */
#pragma once

#include <gtk/gtk.h>

#include "ss-packet.h"

G_BEGIN_DECLS

#define SS_TYPE_HEX_VIEW (ss_hex_view_get_type ())
G_DECLARE_FINAL_TYPE (SsHexView, ss_hex_view, SS, HEX_VIEW, GtkWidget)

GtkWidget *ss_hex_view_new             (void);
/* Copies the frame's bytes and its extra byte sources. */
void       ss_hex_view_set_packet      (SsHexView      *self,
                                        const SsPacket *pkt);
void       ss_hex_view_clear           (SsHexView      *self);
/* Highlights @length bytes at @offset of byte source @source (0: the frame) and shows its tab. */
void       ss_hex_view_highlight       (SsHexView      *self,
                                        guint           source,
                                        guint           offset,
                                        guint           length);
/* What is highlighted now; FALSE when nothing is. */
gboolean   ss_hex_view_get_highlight   (SsHexView      *self,
                                        guint          *source,
                                        guint          *offset,
                                        guint          *length);
guint      ss_hex_view_get_n_sources   (SsHexView      *self);
/* The text of source @source's dump (for tests and Copy). */
char      *ss_hex_view_dup_text        (SsHexView      *self,
                                        guint           source);
/* The text currently drawn highlighted in source @source's hex column (for tests). */
char      *ss_hex_view_dup_highlighted_text (SsHexView *self,
                                        guint           source);
/* Emits "byte-activated" as a click on that byte would. */
void       ss_hex_view_activate_byte   (SsHexView      *self,
                                        guint           source,
                                        guint           offset);

G_END_DECLS
