/* ss-format.h: turning field values into text the way tshark prints them */
#pragma once

#include <glib.h>

#include "ss-packet.h"

G_BEGIN_DECLS

/* RFC 5952 text of an IPv6 address (at least 46 bytes of @buf). */
void        ss_format_ipv6         (const guint8   *addr,
                                    char           *buf,
                                    gsize           size);
/* @value in decimal at @buf (room for 21 bytes), NUL-terminated; returns the length. */
guint       ss_format_uint_dec     (guint64         value,
                                    char           *buf);
/* The value as `-T fields` and JSON print it: numbers raw, hex for BASE_HEX, addresses in their
 * usual notation, bytes as hex digits, times as tshark shows them. Appends to @out. */
void        ss_format_field_value  (const SsItem   *item,
                                    GString        *out);
/* The tree label: "Source Port: 443", "Flags: 0x0012 (SYN, ACK)", ".... ..1. = Syn: Set". The
 * result is allocated from the packet's arena. */
const char *ss_format_item_label   (SsPacket       *pkt,
                                    const SsItem   *item);
/* A value's name from the field's value table, or NULL. */
const char *ss_format_value_name   (const SsItem   *item);
/* Time as Wireshark's absolute format in local time ("Jan  2, 2006 15:04:05.123456789 CET"),
 * or in UTC when @utc. */
void        ss_format_abs_time     (gint64          secs,
                                    gint32          nsecs,
                                    gboolean        utc,
                                    GString        *out);

G_END_DECLS
