/* ss-helper-ebpf.c: loads bpf/ss-capture.bpf.c, attaches it at TC clsact ingress and egress of
 * the chosen interfaces and turns its ring buffer into pcapng packets with per-packet metadata.
 *
 * The metadata is written as pcapng custom options (code 2988, UTF-8, copyable; draft-ietf-
 * opsawg-pcapng section 3.5.1) with Private Enterprise Number 32473, one "key=value" per
 * option, plus a readable opt_comment. docs/pcapng-metadata.md describes the format.
 * Model: libbpf-bootstrap examples/c/tc.c and bootstrap.c.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <glib/gi18n-lib.h>

#include "ss-helper-ebpf.h"
#include "ss-capture.h"
#include "ss-capture.skel.h"

#define SS_EBPF_PEN            32473u  /* RFC 5612 documentation PEN: see docs/pcapng-metadata.md */
#define PCAPNG_OPT_CUSTOM_STR  2988u
#define LINKTYPE_ETHERNET      1u
#define EPB_FLAGS_INBOUND      1u
#define EPB_FLAGS_OUTBOUND     2u
#define MAX_META_OPTIONS       12

typedef struct
{
  int                  ifindex;
  char                 name[IF_NAMESIZE];
  guint                interface_id;
  gboolean             attached_in;
  gboolean             attached_out;
  struct bpf_tc_opts   opts_in;
  struct bpf_tc_opts   opts_out;
  int                  tcx_in_fd;   /* TCX links (Linux 6.6+), -1 when attached as filters */
  int                  tcx_out_fd;
} EbpfInterface;

/* From linux/bpf.h of Linux 6.6; Debian 12's headers and libbpf 1.1 predate TCX. */
#define SS_BPF_TCX_INGRESS 46
#define SS_BPF_TCX_EGRESS  47

struct _SsHelperEbpf
{
  struct ss_capture    *skel;
  struct bpf_link      *cgroup_links[4];
  struct bpf_link      *sock_links[2];  /* recv/send tracepoints; NULL where missing */
  int                   cgroup_fd;
  struct ring_buffer   *rb;
  GArray               *interfaces;  /* EbpfInterface */
  SsHelperOutput       *out;         /* borrowed */
  gint64                mono_to_real_ns;
  guint64               count;
  gboolean              stop;
  guint8               *packet;      /* copy of an egress packet whose checksum is fixed */
  /* The metadata last formatted for each direction ([0] in, [1] out): consecutive packets of
   * one flow share it, so it is only formatted again when the event's fields change. */
  struct {
    struct ss_capture_event key;     /* ts, len and caplen zeroed */
    gboolean                valid;
    GString                *values;  /* the custom options' values */
    GString                *comment;
    SsCapWriterOption       opts[MAX_META_OPTIONS];
    guint                   n;
    gboolean                keep;    /* the user-space part of --ebpf-filter matches */
    gboolean                settled; /* FALSE: the pod labels may still appear */
    guint64                 formatted_ns;
  } meta[2];
  const SsHelperFilter *filter;      /* borrowed from the options; NULL: none */
  guint64               user_filtered;
  SsHelperK8s          *k8s;         /* NULL without a cgroup v2 hierarchy */
  GError               *error;
};

static int
on_libbpf_print (enum libbpf_print_level  level,
                 const char              *format,
                 va_list                  args)
{
  /* libbpf explains verifier failures at length; show them only when asked. */
  if (level == LIBBPF_DEBUG || g_getenv ("SS_HELPER_DEBUG") == NULL)
    return 0;
  return vfprintf (stderr, format, args);
}

static gint64
clock_ns (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static guint32
sum16 (const guint8 *p,
       gsize         len,
       guint32       sum)
{
  for (gsize i = 0; i + 1 < len; i += 2)
    sum += (guint32) (p[i] << 8 | p[i + 1]);
  if (len & 1)
    sum += (guint32) p[len - 1] << 8;
  return sum;
}

/* TC egress runs before the device computes offloaded checksums (CHECKSUM_PARTIAL), so the TCP
 * or UDP checksum is not yet what goes on the wire. Compute it as the wire will carry it
 * (RFC 793, RFC 768, RFC 8200 section 8.1); a complete checksum is left as it was. Only whole,
 * unfragmented IPv4/IPv6 packets over Ethernet are touched. */
static void
fix_l4_checksum (guint8  *pkt,
                 guint32  caplen,
                 guint32  len)
{
  guint32 sum = 0;
  guint32 l4, l4_len;
  guint8 proto;
  guint csum_off;

  if (caplen != len || caplen < 14 + 20)
    return;
  if (pkt[12] == 0x08 && pkt[13] == 0x00)
    {
      guint ihl = (pkt[14] & 0x0f) * 4u;
      guint total = (guint) (pkt[16] << 8 | pkt[17]);

      if ((pkt[14] >> 4) != 4 || ihl < 20 || total < ihl || 14 + total > caplen
          || ((pkt[20] & 0x3f) | pkt[21]) != 0)  /* MF flag or a fragment offset */
        return;
      proto = pkt[23];
      l4 = 14 + ihl;
      l4_len = total - ihl;
      sum = sum16 (pkt + 26, 8, 0);
    }
  else if (pkt[12] == 0x86 && pkt[13] == 0xdd && caplen >= 14 + 40)
    {
      guint payload = (guint) (pkt[18] << 8 | pkt[19]);

      if (14 + 40 + payload > caplen)
        return;
      proto = pkt[20];
      l4 = 14 + 40;
      l4_len = payload;
      sum = sum16 (pkt + 22, 32, 0);
    }
  else
    return;

  if (proto == 6 && l4_len >= 20)
    csum_off = 16;
  else if (proto == 17 && l4_len >= 8)
    csum_off = 6;
  else
    return;
  sum += proto + l4_len;
  pkt[l4 + csum_off] = pkt[l4 + csum_off + 1] = 0;
  sum = sum16 (pkt + l4, l4_len, sum);
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  sum = ~sum & 0xffff;
  if (proto == 17 && sum == 0)
    sum = 0xffff;
  pkt[l4 + csum_off] = (guint8) (sum >> 8);
  pkt[l4 + csum_off + 1] = (guint8) sum;
}

static void
add_meta (SsCapWriterOption *opts,
          guint             *n,
          GString           *buf,
          gsize             *offsets,
          const char        *format,
          ...) G_GNUC_PRINTF (5, 6);

static void
add_meta (SsCapWriterOption *opts,
          guint             *n,
          GString           *buf,
          gsize             *offsets,
          const char        *format,
          ...)
{
  guint32 pen = SS_EBPF_PEN;
  gsize start = buf->len;
  va_list ap;

  g_assert (*n < MAX_META_OPTIONS);
  /* The PEN is written in the section's (host) byte order, as the pcapng draft asks. */
  g_string_append_len (buf, (const char *) &pen, 4);
  va_start (ap, format);
  g_string_append_vprintf (buf, format, ap);
  va_end (ap);
  offsets[*n] = start;
  opts[*n].code = PCAPNG_OPT_CUSTOM_STR;
  opts[*n].length = (guint16) MIN (buf->len - start, G_MAXUINT16);
  (*n)++;
}

/* Formats @ev's metadata into e->meta[@slot] (custom options and comment) and evaluates the
 * user-space part of --ebpf-filter over it. */
static void
format_meta (SsHelperEbpf                  *e,
             guint                          slot,
             const struct ss_capture_event *ev,
             const EbpfInterface           *iface)
{
  gsize offsets[MAX_META_OPTIONS];
  SsCapWriterOption *opts = e->meta[slot].opts;
  GString *buf = e->meta[slot].values;
  GString *comment = e->meta[slot].comment;
  gboolean out_dir = ev->direction == SS_CAPTURE_DIR_OUT;
  const SsHelperK8sInfo *pod = NULL;
  SsHelperMeta m = { { NULL } };
  gboolean settled = TRUE;
  guint n = 0;
  char comm[SS_CAPTURE_COMM_LEN + 1];
  char pid_s[24], cgroup_s[24], cookie_s[24];

  memcpy (comm, ev->comm, SS_CAPTURE_COMM_LEN);
  comm[SS_CAPTURE_COMM_LEN] = '\0';
  g_strdelimit (comm, "\t\n\r ", '_');
  if (!g_utf8_validate (comm, -1, NULL))
    g_strlcpy (comm, "?", sizeof comm);

  if (ev->pid)
    {
      g_snprintf (pid_s, sizeof pid_s, "%u", ev->pid);
      m.str[SS_HELPER_META_PROCESS_PID] = pid_s;
      m.num[SS_HELPER_META_PROCESS_PID] = ev->pid;
      m.str[SS_HELPER_META_PROCESS_NAME] = comm;
    }
  if (ev->cgroup_id)
    {
      g_snprintf (cgroup_s, sizeof cgroup_s, "%" G_GUINT64_FORMAT, (guint64) ev->cgroup_id);
      m.str[SS_HELPER_META_CGROUP_ID] = cgroup_s;
      m.num[SS_HELPER_META_CGROUP_ID] = ev->cgroup_id;
      if (e->k8s)
        pod = ss_helper_k8s_lookup (e->k8s, ev->cgroup_id, &settled);
    }
  if (ev->socket_cookie)
    {
      g_snprintf (cookie_s, sizeof cookie_s, "%" G_GUINT64_FORMAT,
                  (guint64) ev->socket_cookie);
      m.str[SS_HELPER_META_SOCKET_COOKIE] = cookie_s;
      m.num[SS_HELPER_META_SOCKET_COOKIE] = ev->socket_cookie;
    }
  m.str[SS_HELPER_META_DIRECTION] = out_dir ? "out" : "in";
  m.str[SS_HELPER_META_INTERFACE] = iface->name;
  if (pod)
    {
      m.str[SS_HELPER_META_K8S_POD] = pod->pod;
      m.str[SS_HELPER_META_K8S_NAMESPACE] = pod->namespace;
      m.str[SS_HELPER_META_K8S_CONTAINER] = pod->container;
      m.str[SS_HELPER_META_K8S_NODE] = ss_helper_k8s_get_node (e->k8s);
    }

  g_string_truncate (buf, 0);
  g_string_truncate (comment, 0);
  for (guint k = 0; k < SS_HELPER_META_COUNT; k++)
    if (m.str[k])
      add_meta (opts, &n, buf, offsets, "%s=%s", ss_helper_meta_key (k), m.str[k]);
  /* The readable comment: pid=123 comm=curl cgroup=456 dir=out, then the pod's labels. */
  if (ev->pid)
    g_string_append_printf (comment, "pid=%s comm=%s ", pid_s, comm);
  if (ev->cgroup_id)
    g_string_append_printf (comment, "cgroup=%s ", cgroup_s);
  g_string_append_printf (comment, "dir=%s", out_dir ? "out" : "in");
  for (guint k = SS_HELPER_META_K8S_POD; k <= SS_HELPER_META_K8S_NODE; k++)
    if (m.str[k])
      g_string_append_printf (comment, " %s=%s", ss_helper_meta_key (k), m.str[k]);
  /* The GString may have moved while growing: point the options at it only now. */
  for (guint i = 0; i < n; i++)
    opts[i].value = (const guint8 *) buf->str + offsets[i];

  e->meta[slot].n = n;
  e->meta[slot].settled = settled;
  e->meta[slot].formatted_ns = ev->ts_ns;
  e->meta[slot].keep = e->filter == NULL || ss_helper_filter_match (e->filter, &m);
  /* A cgroup that can never match: the kernel leaves its packets out from now on. */
  if (!e->meta[slot].keep && settled && ev->cgroup_id && e->skel->rodata->filter_deny
      && ss_helper_filter_rejects_cgroup (e->filter, &m))
    {
      guint64 id = ev->cgroup_id;
      guint8 one = 1;

      bpf_map_update_elem (bpf_map__fd (e->skel->maps.cgroup_deny), &id, &one, BPF_ANY);
    }
}

static int
on_event (void   *ctx,
          void   *data,
          size_t  size)
{
  SsHelperEbpf *e = ctx;
  const struct ss_capture_event *ev = data;
  const EbpfInterface *iface = NULL;
  struct ss_capture_event key;
  const guint8 *bytes;
  gboolean out_dir;

  if (e->stop || e->out == NULL)
    return 0;
  if (size < sizeof (*ev) || ev->caplen > size - sizeof (*ev) || ev->caplen > ev->len
      || ev->caplen > SS_CAPTURE_MAX_DATA)
    return 0;
  for (guint i = 0; i < e->interfaces->len; i++)
    if (g_array_index (e->interfaces, EbpfInterface, i).ifindex == (int) ev->ifindex)
      iface = &g_array_index (e->interfaces, EbpfInterface, i);
  if (iface == NULL)
    return 0;

  out_dir = ev->direction == SS_CAPTURE_DIR_OUT;
  key = *ev;
  key.ts_ns = 0;
  key.len = key.caplen = 0;
  /* Labels that may still appear (a pod that started after the last look) are looked for
   * again once a second even within one flow. */
  if (!e->meta[out_dir].valid || memcmp (&key, &e->meta[out_dir].key, sizeof key) != 0
      || (!e->meta[out_dir].settled
          && (gint64) (ev->ts_ns - e->meta[out_dir].formatted_ns) >= 1000000000))
    {
      format_meta (e, out_dir, ev, iface);
      e->meta[out_dir].key = key;
      e->meta[out_dir].valid = TRUE;
    }
  if (!e->meta[out_dir].keep)
    {
      e->user_filtered++;
      return 0;
    }

  bytes = (const guint8 *) data + sizeof (*ev);
  if (out_dir)
    {
      memcpy (e->packet, bytes, ev->caplen);
      fix_l4_checksum (e->packet, ev->caplen, ev->len);
      bytes = e->packet;
    }
  if (!ss_helper_output_write (e->out, iface->interface_id,
                               (gint64) ev->ts_ns + e->mono_to_real_ns,
                               bytes, ev->caplen, ev->len,
                               out_dir ? EPB_FLAGS_OUTBOUND : EPB_FLAGS_INBOUND,
                               e->meta[out_dir].comment->str, e->meta[out_dir].opts,
                               e->meta[out_dir].n, &e->error))
    {
      e->stop = TRUE;
      return -EIO;
    }
  if (e->count && ss_helper_output_get_packets (e->out) >= e->count)
    e->stop = TRUE;
  return 0;
}

static void
ebpf_interface_detach (EbpfInterface *iface)
{
  DECLARE_LIBBPF_OPTS (bpf_tc_hook, hook, .ifindex = iface->ifindex);

  if (iface->tcx_in_fd >= 0)
    close (iface->tcx_in_fd);
  if (iface->tcx_out_fd >= 0)
    close (iface->tcx_out_fd);
  iface->tcx_in_fd = iface->tcx_out_fd = -1;
  if (iface->attached_in)
    {
      hook.attach_point = BPF_TC_INGRESS;
      iface->opts_in.flags = iface->opts_in.prog_fd = iface->opts_in.prog_id = 0;
      bpf_tc_detach (&hook, &iface->opts_in);
      iface->attached_in = FALSE;
    }
  if (iface->attached_out)
    {
      hook.attach_point = BPF_TC_EGRESS;
      iface->opts_out.flags = iface->opts_out.prog_fd = iface->opts_out.prog_id = 0;
      bpf_tc_detach (&hook, &iface->opts_out);
      iface->attached_out = FALSE;
    }
  /* The clsact qdisc stays, even one this helper added: another capture may have attached to
   * it since, and an empty clsact costs nothing. */
}

/* The mount point of the cgroup v2 hierarchy ("/sys/fs/cgroup", or "/sys/fs/cgroup/unified" on
 * hybrid systems). */
static char *
find_cgroup2_root (void)
{
  g_autofree char *mounts = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/mounts", &mounts, NULL, NULL))
    return NULL;
  lines = g_strsplit (mounts, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 4);

      if (g_strv_length (f) >= 3 && strcmp (f[2], "cgroup2") == 0)
        return g_strdup (f[1]);
    }
  return NULL;
}

/* Opens the skeleton into e->skel, sets its read-only settings and loads it; @with_tracepoints keeps
 * the socket tracepoint programs. Returns 0 or a negative errno. */
static int
open_and_load (SsHelperEbpf           *e,
               const SsHelperOptions  *options,
               gboolean                with_tracepoints)
{
  e->skel = ss_capture__open ();
  if (e->skel == NULL)
    return errno ? -errno : -ENOMEM;
  e->skel->rodata->snaplen = MIN (options->snaplen, SS_CAPTURE_MAX_DATA);
  e->skel->rodata->filter_pids = options->filter_pids != NULL;
  e->skel->rodata->filter_cgroups = options->filter_cgroups != NULL;
  e->skel->rodata->filter_deny = options->user_filter != NULL
                                 && ss_helper_filter_has_cgroup_part (options->user_filter);
  if (libbpf_num_possible_cpus () > 0)
    bpf_map__set_max_entries (e->skel->maps.scratch, (guint32) libbpf_num_possible_cpus ());
  if (!with_tracepoints)
    {
      bpf_program__set_autoload (e->skel->progs.ss_sock_recv, false);
      bpf_program__set_autoload (e->skel->progs.ss_sock_send, false);
    }
  return ss_capture__load (e->skel);
}

SsHelperEbpf *
ss_helper_ebpf_open (const SsHelperOptions  *options,
                     int                    *exit_code,
                     GError                **error)
{
  SsHelperEbpf *e = g_new0 (SsHelperEbpf, 1);
  int err;

  e->cgroup_fd = -1;
  e->filter = options->user_filter;
  e->packet = g_malloc (SS_CAPTURE_MAX_DATA);
  for (guint i = 0; i < G_N_ELEMENTS (e->meta); i++)
    {
      e->meta[i].values = g_string_sized_new (256);
      e->meta[i].comment = g_string_sized_new (96);
    }
  e->interfaces = g_array_new (FALSE, TRUE, sizeof (EbpfInterface));
  libbpf_set_print (on_libbpf_print);
  *exit_code = SS_HELPER_EXIT_SOURCE;

  for (guint i = 0; options->interfaces[i]; i++)
    {
      EbpfInterface iface = { .tcx_in_fd = -1, .tcx_out_fd = -1 };

      iface.ifindex = (int) if_nametoindex (options->interfaces[i]);
      if (iface.ifindex == 0)
        {
          g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_NOT_FOUND,
                       _("there is no interface “%s” (see --list-interfaces)"),
                       options->interfaces[i]);
          goto cleanup;
        }
      g_strlcpy (iface.name, options->interfaces[i], sizeof iface.name);
      g_array_append_val (e->interfaces, iface);
    }

  *exit_code = SS_HELPER_EXIT_EBPF;
  err = open_and_load (e, options, TRUE);
  if (err)
    {
      /* The socket tracepoints are recent (Linux 6.3); without them everything else still
       * works, only servers' packets go unnamed. */
      g_autofree char *warn = g_strdup (
        _("warning: this kernel has no socket tracepoints, so packets of server processes will "
          "not name their process"));

      g_clear_pointer (&e->skel, ss_capture__destroy);
      err = open_and_load (e, options, FALSE);
      if (!err)
        {
          g_printerr ("stratoshark-capture: %s\n", warn);
          ss_helper_status_send (options->status_fd, SS_HELPER_STATUS_WARNING, "%s", warn);
        }
    }
  if (err)
    {
      if (err == -EPERM)
        {
          ss_helper_caps_explain (_("capturing with eBPF"),
                                  "CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN");
          *exit_code = SS_HELPER_EXIT_PERMISSION;
        }
      g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                   _("cannot load the eBPF programs: %s (set SS_HELPER_DEBUG=1 for libbpf's "
                     "log)"), g_strerror (-err));
      goto cleanup;
    }
  /* --ebpf-filter: the id sets the TC programs keep. */
  for (guint i = 0; options->filter_pids && i < options->filter_pids->len; i++)
    {
      guint32 pid = (guint32) g_array_index (options->filter_pids, guint64, i);
      guint8 one = 1;

      bpf_map_update_elem (bpf_map__fd (e->skel->maps.pid_filter), &pid, &one, BPF_ANY);
    }
  for (guint i = 0; options->filter_cgroups && i < options->filter_cgroups->len; i++)
    {
      guint64 id = g_array_index (options->filter_cgroups, guint64, i);
      guint8 one = 1;

      bpf_map_update_elem (bpf_map__fd (e->skel->maps.cgroup_filter), &id, &one, BPF_ANY);
    }

  /* The socket hooks watch every process: attach them at the root of the cgroup v2 tree
   * (SS_CGROUP_ROOT names it where the host's hierarchy is mounted elsewhere, as in the
   * DaemonSet of data/k8s). Links detach by themselves when the helper exits, however it
   * exits. The same tree names the pods. */
  {
    g_autofree char *root = g_getenv ("SS_CGROUP_ROOT") && *g_getenv ("SS_CGROUP_ROOT")
                            ? g_strdup (g_getenv ("SS_CGROUP_ROOT")) : find_cgroup2_root ();
    struct bpf_program *progs[4] = {
      e->skel->progs.ss_connect4, e->skel->progs.ss_connect6,
      e->skel->progs.ss_sendmsg4, e->skel->progs.ss_sendmsg6,
    };

    e->cgroup_fd = root ? open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (e->cgroup_fd < 0)
      {
        /* `ip netns exec` remounts /sys and hides it, for example. Packets still carry their
         * socket's cgroup id; only the process names are missing. */
        g_autofree char *warn = g_strdup (
          _("warning: no cgroup v2 hierarchy is mounted here, so packets will not name their "
            "process (run the helper with nsenter --net rather than ip netns exec)"));

        g_printerr ("stratoshark-capture: %s\n", warn);
        ss_helper_status_send (options->status_fd, SS_HELPER_STATUS_WARNING, "%s", warn);
      }
    if (e->cgroup_fd >= 0)
      {
        const char *logs = g_getenv ("SS_K8S_LOG_ROOT");
        const char *node = g_getenv ("NODE_NAME");

        e->k8s = ss_helper_k8s_new (root, logs && *logs ? logs : "/var/log",
                                    node && *node ? node : g_get_host_name ());
      }
    for (guint i = 0; e->cgroup_fd >= 0 && i < G_N_ELEMENTS (progs); i++)
      {
        e->cgroup_links[i] = bpf_program__attach_cgroup (progs[i], e->cgroup_fd);
        if (e->cgroup_links[i] == NULL)
          {
            err = -errno;
            if (err == -EPERM)
              *exit_code = SS_HELPER_EXIT_PERMISSION;
            g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                         _("cannot attach the socket hooks to %s: %s"), root, g_strerror (-err));
            goto cleanup;
          }
      }
  }

  if (bpf_program__autoload (e->skel->progs.ss_sock_recv))
    {
      struct bpf_program *progs[2] = { e->skel->progs.ss_sock_recv, e->skel->progs.ss_sock_send };

      for (guint i = 0; i < G_N_ELEMENTS (progs); i++)
        {
          e->sock_links[i] = bpf_program__attach (progs[i]);
          if (e->sock_links[i] == NULL)
            {
              g_autofree char *warn = g_strdup_printf (
                _("warning: cannot attach to the socket tracepoints (%s), so packets of server "
                  "processes will not name their process"), g_strerror (errno));

              g_printerr ("stratoshark-capture: %s\n", warn);
              ss_helper_status_send (options->status_fd, SS_HELPER_STATUS_WARNING, "%s", warn);
              break;
            }
        }
    }

  for (guint i = 0; i < e->interfaces->len; i++)
    {
      EbpfInterface *iface = &g_array_index (e->interfaces, EbpfInterface, i);
      DECLARE_LIBBPF_OPTS (bpf_tc_hook, hook, .ifindex = iface->ifindex,
                           .attach_point = BPF_TC_INGRESS | BPF_TC_EGRESS);

      /* TCX links belong to this process: they detach when it exits, even by SIGKILL, where a
       * clsact filter would stay behind and keep copying packets into a ring nobody reads. */
      iface->tcx_in_fd = bpf_link_create (bpf_program__fd (e->skel->progs.ss_tc_ingress),
                                          iface->ifindex, SS_BPF_TCX_INGRESS, NULL);
      if (iface->tcx_in_fd >= 0)
        {
          iface->tcx_out_fd = bpf_link_create (bpf_program__fd (e->skel->progs.ss_tc_egress),
                                               iface->ifindex, SS_BPF_TCX_EGRESS, NULL);
          if (iface->tcx_out_fd >= 0)
            continue;
          err = -errno;
          goto attach_failed;
        }
      if (errno == EPERM)
        {
          err = -EPERM;
          goto attach_failed;
        }

      /* Kernels before 6.6: filters on a clsact qdisc. */
      err = bpf_tc_hook_create (&hook);
      if (err && err != -EEXIST)
        goto attach_failed;

      hook.attach_point = BPF_TC_INGRESS;
      iface->opts_in = (struct bpf_tc_opts) {
        .sz = sizeof (struct bpf_tc_opts),
        .prog_fd = bpf_program__fd (e->skel->progs.ss_tc_ingress),
      };
      err = bpf_tc_attach (&hook, &iface->opts_in);
      if (err)
        goto attach_failed;
      iface->attached_in = TRUE;

      hook.attach_point = BPF_TC_EGRESS;
      iface->opts_out = (struct bpf_tc_opts) {
        .sz = sizeof (struct bpf_tc_opts),
        .prog_fd = bpf_program__fd (e->skel->progs.ss_tc_egress),
      };
      err = bpf_tc_attach (&hook, &iface->opts_out);
      if (err)
        goto attach_failed;
      iface->attached_out = TRUE;
      continue;

    attach_failed:
      if (err == -EPERM)
        {
          ss_helper_caps_explain (_("attaching to TC"), "CAP_NET_ADMIN");
          *exit_code = SS_HELPER_EXIT_PERMISSION;
        }
      g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                   _("cannot attach to TC on “%s”: %s"), iface->name, g_strerror (-err));
      goto cleanup;
    }

  e->rb = ring_buffer__new (bpf_map__fd (e->skel->maps.events), on_event, e, NULL);
  if (e->rb == NULL)
    {
      g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                   _("cannot map the eBPF ring buffer: %s"), g_strerror (errno));
      goto cleanup;
    }
  e->mono_to_real_ns = clock_ns (CLOCK_REALTIME) - clock_ns (CLOCK_MONOTONIC);
  *exit_code = SS_HELPER_EXIT_OK;
  return e;

cleanup:
  ss_helper_ebpf_free (e);
  return NULL;
}

gboolean
ss_helper_ebpf_add_interfaces (SsHelperEbpf    *e,
                               SsHelperOutput  *out,
                               GError         **error)
{
  for (guint i = 0; i < e->interfaces->len; i++)
    {
      EbpfInterface *iface = &g_array_index (e->interfaces, EbpfInterface, i);
      gint id = ss_helper_output_add_interface (out, LINKTYPE_ETHERNET,
                                                e->skel->rodata->snaplen, iface->name, error);

      if (id < 0)
        return FALSE;
      iface->interface_id = (guint) id;
    }
  e->out = out;
  return TRUE;
}

int
ss_helper_ebpf_get_fd (SsHelperEbpf *e)
{
  return ring_buffer__epoll_fd (e->rb);
}

gboolean
ss_helper_ebpf_consume (SsHelperEbpf    *e,
                        SsHelperOutput  *out,
                        guint64          count,
                        gboolean        *stop,
                        GError         **error)
{
  int rc;

  e->out = out;
  e->count = count;
  e->stop = FALSE;
  rc = ring_buffer__consume (e->rb);
  if (e->error)
    {
      g_propagate_error (error, g_steal_pointer (&e->error));
      *stop = TRUE;
      return FALSE;
    }
  if (rc < 0)
    {
      g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                   "ring buffer: %s", g_strerror (-rc));
      *stop = TRUE;
      return FALSE;
    }
  if (e->stop)
    *stop = TRUE;
  return TRUE;
}

void
ss_helper_ebpf_get_stats (SsHelperEbpf *e,
                          guint64      *ring_drops,
                          guint64      *filtered)
{
  int ncpus = libbpf_num_possible_cpus ();
  g_autofree struct ss_capture_stats *per_cpu = NULL;
  guint32 zero = 0;

  *ring_drops = 0;
  *filtered = e->user_filtered;
  if (ncpus <= 0)
    return;
  per_cpu = g_new0 (struct ss_capture_stats, ncpus);
  if (bpf_map_lookup_elem (bpf_map__fd (e->skel->maps.stats), &zero, per_cpu) != 0)
    return;
  for (int i = 0; i < ncpus; i++)
    {
      *ring_drops += per_cpu[i].ring_drops;
      *filtered += per_cpu[i].filtered;
    }
}

void
ss_helper_ebpf_free (SsHelperEbpf *e)
{
  if (e == NULL)
    return;
  for (guint i = 0; e->interfaces && i < e->interfaces->len; i++)
    ebpf_interface_detach (&g_array_index (e->interfaces, EbpfInterface, i));
  for (guint i = 0; i < G_N_ELEMENTS (e->cgroup_links); i++)
    g_clear_pointer (&e->cgroup_links[i], bpf_link__destroy);
  for (guint i = 0; i < G_N_ELEMENTS (e->sock_links); i++)
    g_clear_pointer (&e->sock_links[i], bpf_link__destroy);
  if (e->cgroup_fd >= 0)
    close (e->cgroup_fd);
  g_clear_pointer (&e->rb, ring_buffer__free);
  g_clear_pointer (&e->skel, ss_capture__destroy);
  g_clear_pointer (&e->interfaces, g_array_unref);
  g_clear_pointer (&e->k8s, ss_helper_k8s_free);
  g_clear_error (&e->error);
  g_free (e->packet);
  for (guint i = 0; i < G_N_ELEMENTS (e->meta); i++)
    {
      g_string_free (e->meta[i].values, TRUE);
      g_string_free (e->meta[i].comment, TRUE);
    }
  g_free (e);
}
