/* test-packet-info.c: Info text a layer defers (ss_packet_defer_info()) reads the same as the
 * text appended at once, whatever the layers above do with the column afterwards */
#include "config.h"

#include <string.h>

#include "ss-packet.h"

static void
append_text (SsPacket      *pkt,
             gconstpointer  data)
{
  ss_packet_append_info_str (pkt, data);
}

enum
{
  OP_DEFER,      /* deferred on one packet, appended at once on the other */
  OP_APPEND,
  OP_APPEND_UINT,
  OP_APPEND_SEP,
  OP_SET,
  OP_CLEAR,
  OP_FENCE,
  OP_READ,       /* reads the column midway: both must already agree */
  OP_COUNT
};

static SsPacket *
new_packet (void)
{
  SsPacket *pkt = g_new0 (SsPacket, 1);

  pkt->want_columns = TRUE;
  return pkt;
}

/* A text of 0 to 300 bytes: long ones run into the column's end, where both must cut alike. */
static char *
random_text (GRand *rand)
{
  guint len = g_rand_int_range (rand, 0, 8) == 0 ? (guint) g_rand_int_range (rand, 100, 300)
                                                  : (guint) g_rand_int_range (rand, 0, 12);
  char *s = g_malloc (len + 1);

  for (guint i = 0; i < len; i++)
    s[i] = (char) g_rand_int_range (rand, 'a', 'z' + 1);
  s[len] = '\0';
  return s;
}

static void
test_random_sequences (void)
{
  GRand *rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 20000; round++)
    {
      SsPacket *deferred = new_packet ();
      SsPacket *eager = new_packet ();
      GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
      guint n_ops = (guint) g_rand_int_range (rand, 1, 12);

      for (guint i = 0; i < n_ops; i++)
        {
          guint op = (guint) g_rand_int_range (rand, 0, OP_COUNT);
          char *text = random_text (rand);
          guint64 v = g_rand_int (rand);

          g_ptr_array_add (texts, text);   /* deferred text must outlive the packet's use */
          switch (op)
            {
            case OP_DEFER:
              ss_packet_defer_info (deferred, append_text, text);
              ss_packet_append_info_str (eager, text);
              break;
            case OP_APPEND:
              ss_packet_append_info_str (deferred, text);
              ss_packet_append_info_str (eager, text);
              break;
            case OP_APPEND_UINT:
              ss_packet_append_info_uint (deferred, text, v);
              ss_packet_append_info_uint (eager, text, v);
              break;
            case OP_APPEND_SEP:
              ss_packet_append_info_sep (deferred, ", ", "%s", text);
              ss_packet_append_info_sep (eager, ", ", "%s", text);
              break;
            case OP_SET:
              ss_packet_set_info (deferred, "%s", text);
              ss_packet_set_info (eager, "%s", text);
              break;
            case OP_CLEAR:
              ss_packet_clear_info (deferred);
              ss_packet_clear_info (eager);
              break;
            case OP_FENCE:
              ss_packet_fence_info (deferred);
              ss_packet_fence_info (eager);
              break;
            case OP_READ:
              g_assert_cmpstr (ss_packet_get_info (deferred), ==, ss_packet_get_info (eager));
              break;
            default:
              g_assert_not_reached ();
            }
        }
      g_assert_cmpstr (ss_packet_get_info (deferred), ==, ss_packet_get_info (eager));
      g_assert_cmpuint (strlen (ss_packet_get_info (deferred)), <, SS_PACKET_INFO_MAX);
      g_ptr_array_unref (texts);
      g_free (deferred);
      g_free (eager);
    }
  g_rand_free (rand);
}

/* The cases the dissectors rely on, spelled out: Ethernet's text goes when IP clears the
 * column; TCP's prefix stays behind its fence when HTTP sets its own text; TCP's text comes
 * before "[TCP segment of a reassembled PDU]"; nothing is written without columns. */
static void
test_layers (void)
{
  SsPacket *pkt = new_packet ();

  ss_packet_defer_info (pkt, append_text, "aa:bb → cc:dd");
  ss_packet_clear_info (pkt);
  ss_packet_append_info_str (pkt, "[TCP Retransmission] ");
  ss_packet_fence_info (pkt);
  ss_packet_defer_info (pkt, append_text, "80 → 4000 [ACK]");
  ss_packet_set_info (pkt, "%s", "HTTP/1.1 200 OK");
  g_assert_cmpstr (ss_packet_get_info (pkt), ==, "[TCP Retransmission] HTTP/1.1 200 OK");
  g_free (pkt);

  pkt = new_packet ();
  ss_packet_defer_info (pkt, append_text, "80 → 4000 [ACK]");
  ss_packet_append_info_sep (pkt, " ", "%s", "[TCP segment of a reassembled PDU]");
  g_assert_cmpstr (ss_packet_get_info (pkt), ==,
                   "80 → 4000 [ACK] [TCP segment of a reassembled PDU]");
  g_free (pkt);

  pkt = new_packet ();
  pkt->want_columns = FALSE;
  ss_packet_defer_info (pkt, append_text, "not kept");
  g_assert_cmpstr (ss_packet_get_info (pkt), ==, "");
  g_free (pkt);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/packet-info/random-sequences", test_random_sequences);
  g_test_add_func ("/core/packet-info/layers", test_layers);
  return g_test_run ();
}
