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

/* Cuts @data at every length from 0 to @len - 1 and dissects each cut, asserting that the
 * packet is never malformed, and marked truncated (a `_ws.short` item) exactly when the cut
 * falls inside the first @headers bytes (payload a dissector does not parse is shown as far as
 * it goes, as Wireshark does). */
void        ss_test_every_cut         (guint          link_type,
                                       const guint8  *data,
                                       guint32        len,
                                       guint32        headers);

G_END_DECLS
