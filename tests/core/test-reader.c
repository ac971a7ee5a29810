/* Tests for src/core/ss-reader.c: the bounds-checked byte reader */
#include "config.h"

#include "ss-reader.h"

static const guint8 bytes[] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };

static void
test_reads_in_bounds (void)
{
  SsReader r;
  guint8 frame = 0;

  ss_reader_init (&r, bytes, 8, 8, &frame);
  g_assert_cmpuint (ss_reader_get_u8 (&r, 0), ==, 0x01);
  g_assert_cmpuint (ss_reader_get_ntohs (&r, 1), ==, 0x0203);
  g_assert_cmpuint (ss_reader_get_ntoh24 (&r, 1), ==, 0x020304);
  g_assert_cmpuint (ss_reader_get_ntohl (&r, 4), ==, 0x05060708);
  g_assert_cmpuint (ss_reader_get_letohs (&r, 0), ==, 0x0201);
  g_assert_cmpuint (ss_reader_get_letohl (&r, 0), ==, 0x04030201);
  g_assert_cmpuint (ss_reader_get_ntoh64 (&r, 0), ==, G_GUINT64_CONSTANT (0x0102030405060708));
  g_assert_false (ss_reader_failed (&r));
  g_assert_cmpuint (frame, ==, 0);
}

static void
test_past_captured_is_truncated (void)
{
  SsReader r;
  guint8 frame = 0;

  /* 4 bytes captured of 8 on the wire. */
  ss_reader_init (&r, bytes, 4, 8, &frame);
  g_assert_cmpuint (ss_reader_get_ntohl (&r, 2), ==, 0);
  g_assert_true (r.status & SS_READER_TRUNCATED);
  g_assert_false (r.status & SS_READER_MALFORMED);
  g_assert_cmpuint (frame, ==, SS_READER_TRUNCATED);
}

static void
test_past_reported_is_malformed (void)
{
  SsReader r;
  guint8 frame = 0;

  ss_reader_init (&r, bytes, 8, 8, &frame);
  g_assert_cmpuint (ss_reader_get_ntohs (&r, 7), ==, 0);
  g_assert_true (r.status & SS_READER_MALFORMED);
  g_assert_cmpuint (frame, ==, SS_READER_MALFORMED);
  /* Sticky: a good read afterwards does not clear the mark. */
  g_assert_cmpuint (ss_reader_get_u8 (&r, 0), ==, 1);
  g_assert_true (ss_reader_failed (&r));
}

static void
test_huge_offsets_do_not_wrap (void)
{
  SsReader r;
  guint8 frame = 0;

  ss_reader_init (&r, bytes, 8, 8, &frame);
  g_assert_null (ss_reader_peek (&r, G_MAXUINT32 - 1, 4));
  g_assert_null (ss_reader_peek (&r, 4, G_MAXUINT32));
  g_assert_true (r.status & SS_READER_MALFORMED);
}

static void
test_sub_reader (void)
{
  SsReader r, sub;
  guint8 frame = 0;

  ss_reader_init (&r, bytes, 6, 8, &frame);
  ss_reader_sub (&r, 2, 4, &sub);
  g_assert_cmpuint (sub.base, ==, 2);
  g_assert_cmpuint (sub.captured, ==, 4);
  g_assert_cmpuint (sub.reported, ==, 4);
  g_assert_cmpuint (ss_reader_get_u8 (&sub, 0), ==, 0x03);

  /* Rest of the parent: 4 captured of 6 reported. */
  ss_reader_sub (&r, 2, -1, &sub);
  g_assert_cmpuint (sub.captured, ==, 4);
  g_assert_cmpuint (sub.reported, ==, 6);
  ss_reader_get_u8 (&sub, 5);
  g_assert_true (sub.status & SS_READER_TRUNCATED);
  g_assert_false (r.status & SS_READER_TRUNCATED);
  g_assert_cmpuint (frame, ==, SS_READER_TRUNCATED);
}

static void
test_sub_longer_than_parent_is_malformed (void)
{
  SsReader r, sub;
  guint8 frame = 0;

  ss_reader_init (&r, bytes, 8, 8, &frame);
  ss_reader_sub (&r, 4, 100, &sub);
  g_assert_true (r.status & SS_READER_MALFORMED);
  g_assert_cmpuint (sub.reported, ==, 4);
  g_assert_cmpuint (sub.captured, ==, 4);
}

static void
test_limit (void)
{
  SsReader r;
  guint8 frame = 0;

  ss_reader_init (&r, bytes, 8, 8, &frame);
  ss_reader_limit (&r, 3);
  g_assert_cmpuint (r.captured, ==, 3);
  g_assert_cmpuint (ss_reader_get_u8 (&r, 3), ==, 0);
  g_assert_true (r.status & SS_READER_MALFORMED);
}

static void
test_copy_zero_fills (void)
{
  SsReader r;
  guint8 frame = 0;
  guint8 out[4] = { 9, 9, 9, 9 };

  ss_reader_init (&r, bytes, 2, 8, &frame);
  g_assert_false (ss_reader_copy (&r, 0, 4, out));
  g_assert_cmpuint (out[0], ==, 0);
  g_assert_cmpuint (out[3], ==, 0);
  g_assert_true (ss_reader_copy (&r, 0, 2, out));
  g_assert_cmpuint (out[1], ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/reader/reads-in-bounds", test_reads_in_bounds);
  g_test_add_func ("/core/reader/past-captured-is-truncated", test_past_captured_is_truncated);
  g_test_add_func ("/core/reader/past-reported-is-malformed", test_past_reported_is_malformed);
  g_test_add_func ("/core/reader/huge-offsets-do-not-wrap", test_huge_offsets_do_not_wrap);
  g_test_add_func ("/core/reader/sub-reader", test_sub_reader);
  g_test_add_func ("/core/reader/sub-longer-than-parent-is-malformed",
                   test_sub_longer_than_parent_is_malformed);
  g_test_add_func ("/core/reader/limit", test_limit);
  g_test_add_func ("/core/reader/copy-zero-fills", test_copy_zero_fills);
  return g_test_run ();
}
