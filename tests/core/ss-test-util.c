/* ss-test-util.c: helpers shared by the core tests */
#include "config.h"

#include <string.h>

#include "ss-format.h"
#include "ss-test-util.h"
#include "ss-tcp-conv.h"

static void
put32 (GByteArray *a,
       guint32     v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };

  g_byte_array_append (a, b, 4);
}

GBytes *
ss_test_pcap_bytes (guint         link_type,
                    const guint8 *data,
                    guint32       caplen,
                    guint32       len)
{
  GByteArray *a = g_byte_array_new ();

  /* Little-endian microsecond pcap header (pcap-savefile(5)). */
  put32 (a, 0xa1b2c3d4);
  put32 (a, 2 | (4u << 16));
  put32 (a, 0);
  put32 (a, 0);
  put32 (a, 262144);
  put32 (a, link_type);
  put32 (a, 1700000000);
  put32 (a, 123456);
  put32 (a, caplen);
  put32 (a, len);
  if (caplen)
    g_byte_array_append (a, data, caplen);
  return g_byte_array_free_to_bytes (a);
}

/* Bit fields read from the same bytes under the same parent must not claim the same bit: a
 * slip in a table (two flags given one mask) fails here. Hidden items are Wireshark's aliases
 * (eth.lg repeats eth.dst.lg) and are left out. */
static void
assert_bits_do_not_overlap (const SsItem *parent)
{
  for (const SsItem *a = parent->first_child; a; a = a->next)
    {
      assert_bits_do_not_overlap (a);
      if (!a->def || !a->def->mask || (a->flags & SS_ITEM_HIDDEN))
        continue;
      for (const SsItem *b = a->next; b; b = b->next)
        {
          if (!b->def || !b->def->mask || (b->flags & SS_ITEM_HIDDEN) || b->def == a->def
              || b->offset != a->offset || b->length != a->length)
            continue;
          if (a->def->mask & b->def->mask)
            g_error ("%s and %s claim the same bits (0x%" G_GINT64_MODIFIER "x, 0x%"
                     G_GINT64_MODIFIER "x)", a->def->abbrev, b->def->abbrev, a->def->mask,
                     b->def->mask);
        }
    }
}

void
ss_test_dissect (SsTestDissection *t,
                 guint             link_type,
                 const guint8     *data,
                 guint32           caplen,
                 guint32           len)
{
  g_autoptr(GBytes) bytes = ss_test_pcap_bytes (link_type, data, caplen, len);
  g_autoptr(GError) error = NULL;

  memset (t, 0, sizeof *t);
  t->reg = ss_registry_new ();
  t->cap = ss_capfile_open_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (ss_capfile_index (t->cap, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ss_capfile_get_n_frames (t->cap), ==, 1);
  t->engine = ss_engine_new (t->reg, t->cap);
  ss_engine_set_full_tree (t->engine, TRUE);
  ss_engine_set_want_columns (t->engine, TRUE);
  t->pkt = ss_engine_dissect (t->engine, 0);
  assert_bits_do_not_overlap (&t->pkt->root);
}

void
ss_test_dissection_clear (SsTestDissection *t)
{
  g_clear_pointer (&t->engine, ss_engine_free);
  g_clear_pointer (&t->cap, ss_capfile_free);
  g_clear_pointer (&t->reg, ss_registry_free);
}

char *
ss_test_dup_field (SsTestDissection *t,
                   const char       *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (t->reg, abbrev);
  GString *s = NULL;

  g_assert_cmpuint (id, !=, SS_FIELD_ID_NONE);
  for (const SsItem *it = t->pkt->added_head; it; it = it->next_added)
    {
      if (it->id != id)
        continue;
      if (s)
        g_string_append_c (s, ',');
      else
        s = g_string_new (NULL);
      ss_format_field_value (it, s);
    }
  return s ? g_string_free (s, FALSE) : NULL;
}

guint
ss_test_count_field (SsTestDissection *t,
                     const char       *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (t->reg, abbrev);
  guint n = 0;

  g_assert_cmpuint (id, !=, SS_FIELD_ID_NONE);
  for (const SsItem *it = t->pkt->added_head; it; it = it->next_added)
    n += it->id == id;
  return n;
}

void
ss_test_every_cut (guint         link_type,
                   const guint8 *data,
                   guint32       len,
                   guint32       headers)
{
  for (guint32 cut = 0; cut < len; cut++)
    {
      SsTestDissection t;

      ss_test_dissect (&t, link_type, data, cut, len);
      g_test_message ("cut at %u of %u bytes", cut, len);
      if (cut > 0 && cut < headers)
        g_assert_cmpuint (ss_test_count_field (&t, "_ws.short"), ==, 1);
      if (cut >= headers)
        g_assert_cmpuint (ss_test_count_field (&t, "_ws.short"), ==, 0);
      g_assert_cmpuint (ss_test_count_field (&t, "_ws.malformed"), ==, 0);
      ss_test_dissection_clear (&t);
    }
}

static void
put_be16 (GByteArray *a,
          guint16     v)
{
  guint8 b[2] = { v >> 8, v & 0xff };

  g_byte_array_append (a, b, 2);
}

static void
put_be32 (GByteArray *a,
          guint32     v)
{
  guint8 b[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };

  g_byte_array_append (a, b, 4);
}

GBytes *
ss_test_tcp_frame (gboolean      reverse,
                   guint16       sport,
                   guint16       dport,
                   guint32       seq,
                   guint32       ack,
                   const guint8 *payload,
                   guint32       len)
{
  static const guint8 mac_a[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
  static const guint8 mac_b[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 };
  static const guint8 ip_a[4] = { 10, 0, 0, 1 };
  static const guint8 ip_b[4] = { 10, 0, 0, 2 };
  static const guint8 eth_type[2] = { 0x08, 0x00 };
  /* version 4, IHL 5, DSCP 0, then id 1, DF, TTL 64, TCP, checksum 0 */
  static const guint8 ip_mid[8] = { 0x00, 0x01, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00 };
  GByteArray *a = g_byte_array_new ();
  guint8 b;

  g_byte_array_append (a, reverse ? mac_a : mac_b, 6);
  g_byte_array_append (a, reverse ? mac_b : mac_a, 6);
  g_byte_array_append (a, eth_type, 2);
  b = 0x45;
  g_byte_array_append (a, &b, 1);
  b = 0;
  g_byte_array_append (a, &b, 1);
  put_be16 (a, (guint16) MIN (len + 40, 0xffffu));
  g_byte_array_append (a, ip_mid, 8);
  g_byte_array_append (a, reverse ? ip_b : ip_a, 4);
  g_byte_array_append (a, reverse ? ip_a : ip_b, 4);
  put_be16 (a, sport);
  put_be16 (a, dport);
  put_be32 (a, seq);
  put_be32 (a, ack);
  put_be16 (a, 0x5018);     /* header length 20, PSH|ACK */
  put_be16 (a, 1024);
  put_be32 (a, 0);          /* checksum, urgent pointer */
  if (len)
    g_byte_array_append (a, payload, len);
  return g_byte_array_free_to_bytes (a);
}

GBytes *
ss_test_pcap_frames_bytes (guint      link_type,
                           GPtrArray *frames,
                           guint64    step_us)
{
  GByteArray *a = g_byte_array_new ();

  put32 (a, 0xa1b2c3d4);
  put32 (a, 2 | (4u << 16));
  put32 (a, 0);
  put32 (a, 0);
  put32 (a, 262144);
  put32 (a, link_type);
  for (guint i = 0; i < frames->len; i++)
    {
      gsize n;
      const guint8 *d = g_bytes_get_data (frames->pdata[i], &n);
      guint64 us = i * step_us;

      put32 (a, 1700000000 + (guint32) (us / 1000000));
      put32 (a, (guint32) (us % 1000000));
      put32 (a, (guint32) n);
      put32 (a, (guint32) n);
      g_byte_array_append (a, d, (guint) n);
    }
  return g_byte_array_free_to_bytes (a);
}

static GPtrArray *
field_values (SsCapfile  *cap,
              const char *abbrev,
              guint       passes)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(SsTcpConv) tcp = ss_tcp_conv_new ();
  g_autoptr(SsEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  SsFieldId id = ss_registry_lookup_field (reg, abbrev);
  guint n;

  g_assert_cmpuint (id, !=, SS_FIELD_ID_NONE);
  g_assert_true (ss_capfile_index (cap, 0, &error));
  g_assert_no_error (error);
  n = ss_capfile_get_n_frames (cap);
  engine = ss_engine_new (reg, cap);
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp);
  ss_engine_set_full_tree (engine, TRUE);
  ss_engine_set_want_columns (engine, TRUE);
  for (guint pass = 0; pass < MAX (passes, 1); pass++)
    {
      g_ptr_array_set_size (values, 0);
      for (guint i = 0; i < n; i++)
        {
          SsPacket *pkt = ss_engine_dissect (engine, i);
          GString *s = NULL;

          for (const SsItem *it = pkt->added_head; it; it = it->next_added)
            {
              if (it->id != id)
                continue;
              if (s)
                g_string_append_c (s, ',');
              else
                s = g_string_new (NULL);
              ss_format_field_value (it, s);
            }
          g_ptr_array_add (values, s ? g_string_free (s, FALSE) : NULL);
        }
    }
  return values;
}

GPtrArray *
ss_test_field_values (GBytes     *pcap,
                      const char *abbrev,
                      guint       passes)
{
  g_autoptr(GError) error = NULL;
  SsCapfile *cap = ss_capfile_open_bytes (pcap, &error);
  GPtrArray *values;

  g_assert_no_error (error);
  values = field_values (cap, abbrev, passes);
  ss_capfile_free (cap);
  return values;
}

GPtrArray *
ss_test_file_field_values (const char *path,
                           const char *abbrev,
                           guint       passes)
{
  g_autoptr(GError) error = NULL;
  SsCapfile *cap = ss_capfile_open (path, &error);
  GPtrArray *values;

  g_assert_no_error (error);
  values = field_values (cap, abbrev, passes);
  ss_capfile_free (cap);
  return values;
}
