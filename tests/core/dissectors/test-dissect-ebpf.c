/* Tests for the "ebpf" metadata dissector: pcapng custom options 2988 with PEN 32473
 * (docs/pcapng-metadata.md), good and broken */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ss-capwrite.h"
#include "ss-test-util.h"

#define PEN 32473u

typedef struct
{
  guint8 bytes[8][64];
  SsCapWriterOption opts[8];
  guint n;
} Options;

static void
add (Options    *o,
     guint32     pen,
     const char *kv,
     gssize      len)
{
  gsize n = len < 0 ? strlen (kv) : (gsize) len;

  g_assert_cmpuint (n + 4, <=, sizeof o->bytes[0]);
  memcpy (o->bytes[o->n], &pen, 4);
  memcpy (o->bytes[o->n] + 4, kv, n);
  o->opts[o->n] = (SsCapWriterOption) { 2988, (guint16) (n + 4), o->bytes[o->n] };
  o->n++;
}

/* Writes one packet per Options (NULL: no options) and returns the file's path. */
static char *
write_capture (Options **per_packet,
               guint     n_packets)
{
  g_autoptr(GError) error = NULL;
  SsCapWriterOptions wopts = { .format = SS_CAPFILE_FORMAT_PCAPNG };
  g_autofree char *dir = g_dir_make_tmp ("ss-ebpf-XXXXXX", &error);
  char *path = g_build_filename (dir, "meta.pcapng", NULL);
  g_autoptr(SsCapWriter) w = ss_cap_writer_new_for_path (path, &wopts, &error);
  g_autoptr(GBytes) frame = ss_test_tcp_frame (FALSE, 40000, 80, 1, 1, (const guint8 *) "x", 1);
  gsize len;
  const guint8 *data = g_bytes_get_data (frame, &len);

  g_assert_no_error (error);
  g_assert_cmpint (ss_cap_writer_add_interface (w, 1, 65535, "eth0", &error), ==, 0);
  for (guint i = 0; i < n_packets; i++)
    g_assert_true (ss_cap_writer_write_packet (w, 0, 1700000000000000000 + i, data, (guint32) len,
                                               (guint32) len, 0, NULL,
                                               per_packet[i] ? per_packet[i]->opts : NULL,
                                               per_packet[i] ? per_packet[i]->n : 0, &error));
  g_assert_true (ss_cap_writer_close (g_steal_pointer (&w), &error));
  return path;
}

static void
remove_capture (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static const char *
value (GPtrArray *values,
       guint      i)
{
  return g_ptr_array_index (values, i);
}

static void
test_good (void)
{
  Options good = { 0 }, swapped = { 0 };
  Options *packets[] = { &good, NULL, &swapped };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pid = NULL, name = NULL, cgroup = NULL, cookie = NULL, dir = NULL;
  g_autoptr(GPtrArray) iface = NULL, pod = NULL, protocols = NULL, ns = NULL;

  add (&good, PEN, "process.pid=123", -1);
  add (&good, PEN, "process.name=curl", -1);
  add (&good, PEN, "cgroup.id=18446744073709551615", -1);
  add (&good, PEN, "socket.cookie=789", -1);
  add (&good, PEN, "direction=out", -1);
  add (&good, PEN, "interface=eth0", -1);
  add (&good, PEN, "k8s.pod=web-1", -1);
  add (&swapped, GUINT32_SWAP_LE_BE (PEN), "process.pid=7", -1);
  path = write_capture (packets, G_N_ELEMENTS (packets));

  pid = ss_test_file_field_values (path, "ebpf.process.pid", 1);
  name = ss_test_file_field_values (path, "ebpf.process.name", 1);
  cgroup = ss_test_file_field_values (path, "ebpf.cgroup.id", 1);
  cookie = ss_test_file_field_values (path, "ebpf.socket.cookie", 1);
  dir = ss_test_file_field_values (path, "ebpf.direction", 1);
  iface = ss_test_file_field_values (path, "ebpf.interface", 1);
  pod = ss_test_file_field_values (path, "ebpf.k8s.pod", 1);
  ns = ss_test_file_field_values (path, "ebpf.k8s.namespace", 1);
  protocols = ss_test_file_field_values (path, "frame.protocols", 1);
  g_assert_cmpstr (value (pid, 0), ==, "123");
  g_assert_cmpstr (value (name, 0), ==, "curl");
  g_assert_cmpstr (value (cgroup, 0), ==, "18446744073709551615");
  g_assert_cmpstr (value (cookie, 0), ==, "789");
  g_assert_cmpstr (value (dir, 0), ==, "out");
  g_assert_cmpstr (value (iface, 0), ==, "eth0");
  g_assert_cmpstr (value (pod, 0), ==, "web-1");
  g_assert_null (value (ns, 0));              /* k8s fields only when present */
  /* The layer sits between frame and eth; what follows tcp is not this test's business. */
  g_assert_true (g_str_has_prefix (value (protocols, 0), "ebpf:eth:ethertype:ip:tcp"));
  g_assert_null (value (pid, 1));             /* no options: no ebpf layer */
  g_assert_true (g_str_has_prefix (value (protocols, 1), "eth:ethertype:ip:tcp"));
  g_assert_cmpstr (value (pid, 2), ==, "7");  /* PEN from a host of the other byte order */
  remove_capture (path);
}

static void
test_broken (void)
{
  Options other_pen = { 0 }, junk = { 0 };
  Options *packets[] = { &other_pen, &junk };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pid = NULL, name = NULL, cgroup = NULL, dir = NULL, protocols = NULL;

  add (&other_pen, 12345, "process.pid=1", -1);
  add (&junk, PEN, "", 0);                          /* nothing after the PEN */
  add (&junk, PEN, "process.pid", -1);              /* no '=' */
  add (&junk, PEN, "process.pid=12x", -1);          /* not a number */
  add (&junk, PEN, "cgroup.id=99999999999999999999", -1); /* does not fit */
  add (&junk, PEN, "process.name=\xff\xfe", -1);   /* not UTF-8 */
  add (&junk, PEN, "no.such.key=1", -1);
  add (&junk, PEN, "direction=in", -1);
  path = write_capture (packets, G_N_ELEMENTS (packets));

  pid = ss_test_file_field_values (path, "ebpf.process.pid", 1);
  name = ss_test_file_field_values (path, "ebpf.process.name", 1);
  cgroup = ss_test_file_field_values (path, "ebpf.cgroup.id", 1);
  dir = ss_test_file_field_values (path, "ebpf.direction", 1);
  protocols = ss_test_file_field_values (path, "frame.protocols", 1);
  g_assert_null (value (pid, 0));
  g_assert_true (g_str_has_prefix (value (protocols, 0), "eth:ethertype:ip:tcp"));
  g_assert_null (value (pid, 1));
  g_assert_null (value (name, 1));
  g_assert_null (value (cgroup, 1));
  g_assert_cmpstr (value (dir, 1), ==, "in");
  remove_capture (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/dissect-ebpf/good", test_good);
  g_test_add_func ("/core/dissect-ebpf/broken", test_broken);
  return g_test_run ();
}
