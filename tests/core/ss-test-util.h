/* ss-test-util.h: helpers shared by the core tests */
#pragma once

#include "ss-capfile.h"
#include "ss-engine.h"
#include "ss-registry.h"

G_BEGIN_DECLS

/* A classic pcap in memory holding one packet of @link_type: @caplen of @data's bytes were
 * captured out of @len on the wire. */
GBytes     *ss_test_pcap_bytes        (guint          link_type,
                                       const guint8  *data,
                                       guint32        caplen,
                                       guint32        len);

typedef struct
{
  SsRegistry *reg;
  SsCapfile  *cap;
  SsEngine   *engine;
  SsPacket   *pkt;
} SsTestDissection;

/* Dissects the one packet with the full tree. */
void        ss_test_dissect           (SsTestDissection *t,
                                       guint             link_type,
                                       const guint8     *data,
                                       guint32           caplen,
                                       guint32           len);
void        ss_test_dissection_clear  (SsTestDissection *t);

/* The -T fields text of every occurrence of @abbrev, joined with ",", or NULL when absent. */
char       *ss_test_dup_field         (SsTestDissection *t,
                                       const char       *abbrev);
guint       ss_test_count_field       (SsTestDissection *t,
                                       const char       *abbrev);
/* Asserts the field's value text. */
#define ss_test_assert_field(t, abbrev, expected) G_STMT_START { \
    g_autofree char *__v = ss_test_dup_field ((t), (abbrev)); \
    g_assert_cmpstr (__v, ==, (expected)); \
  } G_STMT_END

/* Asserts that the field's value text contains @needle. */
#define ss_test_assert_field_contains(t, abbrev, needle) G_STMT_START { \
    g_autofree char *__v = ss_test_dup_field ((t), (abbrev)); \
    g_assert_nonnull (__v); \
    g_assert_nonnull (strstr (__v, (needle))); \
  } G_STMT_END

/* Cuts @data at every length from 0 to @len - 1 and dissects each cut, asserting that the
 * packet is never malformed, and marked truncated (a `_ws.short` item) exactly when the cut
 * falls inside the first @headers bytes (payload a dissector does not parse is shown as far as
 * it goes, as Wireshark does). */
void        ss_test_every_cut         (guint          link_type,
                                       const guint8  *data,
                                       guint32        len,
                                       guint32        headers);

/* An Ethernet II + IPv4 + TCP frame (20-byte headers, flags PSH|ACK, window 1024) from
 * 10.0.0.1:@sport to 10.0.0.2:@dport (or back when @reverse) carrying @payload. The IPv4
 * total length says @len + 40 bytes; checksums are zero. */
GBytes     *ss_test_tcp_frame         (gboolean       reverse,
                                       guint16        sport,
                                       guint16        dport,
                                       guint32        seq,
                                       guint32        ack,
                                       const guint8  *payload,
                                       guint32        len);
/* A classic pcap in memory holding @frames (GBytes each) of @link_type, the first at
 * 1700000000 s and each following one @step_us microseconds later. */
GBytes     *ss_test_pcap_frames_bytes (guint          link_type,
                                       GPtrArray     *frames,
                                       guint64        step_us);
/* Dissects every frame of @pcap (a capture file's bytes) in order as the CLI does (TCP
 * analysis, full tree), @passes times (2: every frame again after the first pass, as the GUI
 * does), and returns the last pass's -T fields text of @abbrev per frame, joined with ","
 * (NULL where absent). */
GPtrArray  *ss_test_field_values      (GBytes        *pcap,
                                       const char    *abbrev,
                                       guint          passes);
/* The same for a capture file on disk. */
GPtrArray  *ss_test_file_field_values (const char    *path,
                                       const char    *abbrev,
                                       guint          passes);

G_END_DECLS
