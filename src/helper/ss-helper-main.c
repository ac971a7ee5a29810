/* ss-helper-main.c: stratoshark-capture, the privileged capture helper
 *
 * It takes its arguments as argv only, validates every one of them, opens the capture sources
 * (libpcap on each --interface, or the eBPF programs with --ebpf) and the first output file,
 * drops every capability it no longer needs, then streams packets until --count, --duration,
 * SIGINT or SIGTERM, and finalizes every file. Exit codes are in ss-helper-proto.h.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <pcap/pcap.h>

#include "ss-helper.h"
#ifdef SS_HAVE_EBPF
#include "ss-helper-ebpf.h"
#endif

#define STATUS_INTERVAL_MS 1000
#define SYNC_INTERVAL_MS   50
#define PCAP_TIMEOUT_MS    50
#define SHORT_SNAPLEN      1514u /* an Ethernet frame: shorter cuts every full-size packet */

typedef struct
{
  pcap_t  *pcap;
  char    *name;
  guint    interface_id;
  gint64   ts_frac_ns;    /* nanoseconds per unit of tv_usec: 1 (nano precision) or 1000 */
} PcapSource;

typedef struct
{
  SsHelperOptions  options;
  SsHelperOutput  *output;
  GArray          *sources;      /* PcapSource */
#ifdef SS_HAVE_EBPF
  SsHelperEbpf    *ebpf;
#endif
  gboolean         stop;
  GError          *write_error;
} Helper;

/* Arguments ----------------------------------------------------------------------------------- */

static gboolean
parse_uint (const char  *what,
            const char  *text,
            guint64      min,
            guint64      max,
            guint64     *out,
            GError     **error)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &v, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a whole number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                     ", not “%s”"), what, min, max, text);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* "500ms", "30s", "5m", "1h", "1d"; a bare number is seconds. */
static gboolean
parse_duration (const char  *what,
                const char  *text,
                gint64      *out_ms,
                GError     **error)
{
  static const struct { const char *suffix; guint64 ms; } units[] = {
    { "ms", 1 }, { "s", 1000 }, { "m", 60000 }, { "h", 3600000 }, { "d", 86400000 }, { "", 1000 },
  };
  gsize n = strspn (text, "0123456789");
  g_autofree char *digits = g_strndup (text, n);
  guint64 v;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (n > 0 && strcmp (text + n, units[i].suffix) == 0
        && g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64 / 86400000, &v, NULL))
      {
        *out_ms = (gint64) (v * units[i].ms);
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s must be a positive duration such as 30s, 5m, 1h or 1d, not “%s”"),
               what, text);
  return FALSE;
}

/* "100M", "512k", "2G" (powers of 1000, as dumpcap's kB), or bytes. */
static gboolean
parse_size (const char  *what,
            const char  *text,
            guint64     *out,
            GError     **error)
{
  static const struct { const char *suffix; guint64 mult; } units[] = {
    { "", 1 }, { "k", 1000 }, { "K", 1000 }, { "M", 1000000 }, { "G", 1000000000 },
  };
  gsize n = strspn (text, "0123456789");
  g_autofree char *digits = g_strndup (text, n);
  guint64 v;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (n > 0 && strcmp (text + n, units[i].suffix) == 0
        && g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT64 / 1000000000, &v, NULL)
        && v * units[i].mult >= 4096)
      {
        *out = v * units[i].mult;
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s must be a size of at least 4096 bytes such as 100M, 512k or 1G, not “%s”"),
               what, text);
  return FALSE;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return FALSE;
}

/* The names of the interfaces that are up, NULL-terminated (getifaddrs lists an interface once
 * per address family: each name is kept once). */
static char **
up_interfaces (void)
{
  struct ifaddrs *ifs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (getifaddrs (&ifs) != 0)
    return NULL;
  for (struct ifaddrs *i = ifs; i; i = i->ifa_next)
    {
      gboolean seen = FALSE;

      if (i->ifa_name == NULL || !(i->ifa_flags & IFF_UP))
        continue;
      for (guint k = 0; k < names->len && !seen; k++)
        seen = strcmp (g_ptr_array_index (names, k), i->ifa_name) == 0;
      if (!seen)
        g_ptr_array_add (names, g_strdup (i->ifa_name));
    }
  freeifaddrs (ifs);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
parse_args (Helper   *h,
            int      *argc,
            char   ***argv,
            gboolean *list_interfaces,
            GError  **error)
{
  SsHelperOptions *o = &h->options;
  g_autofree char *count = NULL, *duration = NULL, *snaplen = NULL, *format = NULL;
  g_autofree char *compress = NULL, *rotate_time = NULL, *rotate_size = NULL;
  g_autofree char *rotate_files = NULL, *status_fd = NULL, *stop_fd = NULL;
  GOptionEntry entries[] = {
    { "interface", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &o->interfaces,
      N_("Capture on interface IF (repeatable; default: any)"), "IF" },
    { "filter", 'f', 0, G_OPTION_ARG_STRING, &o->filter, N_("BPF capture filter"), "FILTER" },
    { "ebpf", 0, 0, G_OPTION_ARG_NONE, &o->ebpf,
      N_("Capture with eBPF at TC ingress/egress, with process and cgroup metadata"), NULL },
    { "ebpf-filter", 0, 0, G_OPTION_ARG_STRING, &o->ebpf_filter,
      N_("Keep packets whose eBPF metadata matches this display filter over ebpf.* fields"),
      "EXPR" },
    { "count", 'c', 0, G_OPTION_ARG_STRING, &count, N_("Stop after N packets"), "N" },
    { "duration", 'a', 0, G_OPTION_ARG_STRING, &duration,
      N_("Stop after this long (30s, 5m, 1h)"), "TIME" },
    { "snaplen", 's', 0, G_OPTION_ARG_STRING, &snaplen,
      N_("Keep at most N bytes of each packet"), "N" },
    { "output", 'w', 0, G_OPTION_ARG_FILENAME, &o->output,
      N_("Write to FILE (pcapng whatever the extension), - for standard output"), "FILE" },
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format, N_("pcapng (default) or pcap"), "FMT" },
    { "compress", 0, 0, G_OPTION_ARG_STRING, &compress, N_("Compress the output: gzip"), "gzip" },
    { "rotate-time", 0, 0, G_OPTION_ARG_STRING, &rotate_time,
      N_("Start a new file every TIME (1h), aligned on the clock"), "TIME" },
    { "rotate-size", 0, 0, G_OPTION_ARG_STRING, &rotate_size,
      N_("Start a new file after SIZE bytes (100M)"), "SIZE" },
    { "rotate-files", 0, 0, G_OPTION_ARG_STRING, &rotate_files,
      N_("Keep only the N newest files (ring buffer)"), "N" },
    { "status-fd", 0, 0, G_OPTION_ARG_STRING, &status_fd,
      N_("Write status messages to file descriptor FD"), "FD" },
    { "stop-fd", 0, 0, G_OPTION_ARG_STRING, &stop_fd,
      N_("Stop cleanly when the other end of file descriptor FD closes it (a helper started "
         "through pkexec runs as root and cannot be signalled by its caller)"), "FD" },
    { "no-promiscuous-mode", 'p', 0, G_OPTION_ARG_NONE, &o->no_promisc,
      N_("Do not put the interfaces in promiscuous mode"), NULL },
    { "list-interfaces", 'D', 0, G_OPTION_ARG_NONE, list_interfaces,
      N_("List the interfaces and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  guint64 v;

  g_option_context_set_summary (ctx, _("The privileged capture helper of StratoShark."));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (ctx, TRUE);
  if (!g_option_context_parse (ctx, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("unexpected argument “%s” (a capture filter goes in --filter)"),
                   (*argv)[1]);
      return FALSE;
    }
  if (*list_interfaces)
    return TRUE;

  o->snaplen = SS_HELPER_DEFAULT_SNAPLEN;
  o->status_fd = -1;
  o->stop_fd = -1;
  o->format = SS_CAPFILE_FORMAT_PCAPNG;
  o->compression = SS_COMPRESSION_NONE;

  if (count && !parse_uint ("--count", count, 1, G_MAXINT64, &o->count, error))
    return FALSE;
  if (duration && !parse_duration ("--duration", duration, &o->duration_ms, error))
    return FALSE;
  if (snaplen)
    {
      if (!parse_uint ("--snaplen", snaplen, 16, SS_HELPER_DEFAULT_SNAPLEN, &v, error))
        return FALSE;
      o->snaplen = (guint32) v;
    }
  if (format)
    {
      if (strcmp (format, "pcapng") == 0)
        o->format = SS_CAPFILE_FORMAT_PCAPNG;
      else if (strcmp (format, "pcap") == 0)
        o->format = SS_CAPFILE_FORMAT_PCAP_NSEC;
      else
        return refuse (error, _("--format must be pcapng or pcap"));
    }
  if (compress)
    {
      if (strcmp (compress, "gzip") != 0)
        return refuse (error, _("--compress supports gzip only"));
      o->compression = SS_COMPRESSION_GZIP;
    }
  if (rotate_time && !parse_duration ("--rotate-time", rotate_time, &o->rotate_time_ms, error))
    return FALSE;
  if (o->rotate_time_ms > 0 && o->rotate_time_ms < 1000)
    return refuse (error, _("--rotate-time must be at least one second"));
  if (rotate_size && !parse_size ("--rotate-size", rotate_size, &o->rotate_size, error))
    return FALSE;
  if (rotate_files)
    {
      if (!parse_uint ("--rotate-files", rotate_files, 1, 100000, &v, error))
        return FALSE;
      o->rotate_files = (guint) v;
    }
  if (stop_fd)
    {
      if (!parse_uint ("--stop-fd", stop_fd, 0, G_MAXINT, &v, error))
        return FALSE;
      if (fcntl ((int) v, F_GETFL) < 0 || (fcntl ((int) v, F_GETFL) & O_ACCMODE) == O_WRONLY)
        return refuse (error, _("--stop-fd is not a descriptor open for reading"));
      o->stop_fd = (int) v;
    }
  if (status_fd)
    {
      if (!parse_uint ("--status-fd", status_fd, 3, G_MAXINT, &v, error))
        return FALSE;
      if (fcntl ((int) v, F_GETFL) < 0 || (fcntl ((int) v, F_GETFL) & O_ACCMODE) == O_RDONLY)
        return refuse (error, _("--status-fd is not a descriptor open for writing"));
      o->status_fd = (int) v;
      (void) fcntl (o->status_fd, F_SETFD, FD_CLOEXEC);
    }

  /* Contradictions. */
  if (o->output == NULL)
    {
      if (isatty (STDOUT_FILENO))
        return refuse (error,
                       _("give --output FILE (or redirect standard output with --output -)"));
      o->output = g_strdup ("-");
    }
  if (o->output[0] == '\0')
    return refuse (error, _("--output must not be empty"));
  if (strcmp (o->output, "-") == 0)
    {
      if (o->rotate_time_ms || o->rotate_size || o->rotate_files)
        return refuse (error, _("rotation needs --output FILE: standard output cannot rotate"));
      if (isatty (STDOUT_FILENO))
        return refuse (error, _("refusing to write a capture to a terminal"));
    }
  if (o->rotate_files && !o->rotate_time_ms && !o->rotate_size)
    return refuse (error, _("--rotate-files needs --rotate-time or --rotate-size"));
  /* --ebpf-filter filters on eBPF metadata, so it means --ebpf. */
  if (o->ebpf_filter)
    o->ebpf = TRUE;
  if (o->ebpf_filter
      && !ss_helper_ebpf_filter_parse (o->ebpf_filter, &o->filter_pids, &o->filter_cgroups,
                                       &o->user_filter, error))
    return FALSE;
  if (o->ebpf && o->format != SS_CAPFILE_FORMAT_PCAPNG)
    return refuse (error, _("--ebpf writes per-packet metadata, which only pcapng can hold: "
                            "drop --format pcap"));
  if (o->ebpf && o->filter)
    return refuse (error, _("--filter is a libpcap filter; with --ebpf use --ebpf-filter"));
  if (o->ebpf && o->no_promisc)
    return refuse (error, _("--no-promiscuous-mode applies to libpcap, not to --ebpf"));
  if (o->interfaces == NULL)
    {
      /* As libpcap's "any": every interface that is up, so a pod's traffic is seen on its
       * veth (and again on the uplink when it leaves the node, as with tcpdump -i any). */
      if (o->ebpf)
        {
          o->interfaces = up_interfaces ();
          if (o->interfaces == NULL || o->interfaces[0] == NULL)
            return refuse (error, _("--ebpf found no interface that is up: name one with "
                                    "--interface"));
        }
      else
        {
          o->interfaces = g_new0 (char *, 2);
          o->interfaces[0] = g_strdup ("any");
        }
    }
  for (guint i = 0; o->interfaces[i]; i++)
    {
      if (o->interfaces[i][0] == '\0' || strlen (o->interfaces[i]) >= 16
          || strchr (o->interfaces[i], '/'))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not an interface name"), o->interfaces[i]);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (o->interfaces[i], o->interfaces[j]) == 0)
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("interface “%s” is given twice"), o->interfaces[i]);
            return FALSE;
          }
    }
  if (o->format != SS_CAPFILE_FORMAT_PCAPNG && g_strv_length (o->interfaces) > 1)
    return refuse (error, _("classic pcap holds one interface: use pcapng for several"));
  return TRUE;
}

static int
list_interfaces (void)
{
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_if_t *devs = NULL;

  if (pcap_findalldevs (&devs, errbuf) != 0)
    {
      g_printerr ("stratoshark-capture: %s\n", errbuf);
      return SS_HELPER_EXIT_SOURCE;
    }
  /* One line per interface: name, tab, description (may be empty), tab, flags. */
  for (pcap_if_t *d = devs; d; d = d->next)
    g_print ("%s\t%s\t%s%s%s\n", d->name, d->description ? d->description : "",
             (d->flags & PCAP_IF_UP) ? "up" : "down",
             (d->flags & PCAP_IF_LOOPBACK) ? ",loopback" : "",
             (d->flags & PCAP_IF_WIRELESS) ? ",wireless" : "");
  pcap_freealldevs (devs);
  return SS_HELPER_EXIT_OK;
}

/* libpcap ------------------------------------------------------------------------------------- */

static void
pcap_source_clear (gpointer data)
{
  PcapSource *s = data;

  g_clear_pointer (&s->pcap, pcap_close);
  g_clear_pointer (&s->name, g_free);
}

static int
open_pcap_source (Helper      *h,
                  const char  *name,
                  GError     **error)
{
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  PcapSource s = { NULL, g_strdup (name), 0, 1000 };
  struct bpf_program prog;
  int rc;

  s.pcap = pcap_create (name, errbuf);
  if (s.pcap == NULL)
    {
      g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED, "%s: %s", name, errbuf);
      pcap_source_clear (&s);
      return SS_HELPER_EXIT_SOURCE;
    }
  pcap_set_snaplen (s.pcap, (int) h->options.snaplen);
  pcap_set_promisc (s.pcap, !h->options.no_promisc);
  /* Not immediate: the kernel hands over a block of packets when it is full or PCAP_TIMEOUT_MS
   * old, not one wakeup per packet (a context switch each, most of the CPU at high rates). */
  pcap_set_timeout (s.pcap, PCAP_TIMEOUT_MS);
  pcap_set_buffer_size (s.pcap, 32 * 1024 * 1024);
  pcap_set_tstamp_precision (s.pcap, PCAP_TSTAMP_PRECISION_NANO);
  rc = pcap_activate (s.pcap);
  if (rc < 0)
    {
      int code = SS_HELPER_EXIT_SOURCE;

      if (rc == PCAP_ERROR_PERM_DENIED)
        {
          ss_helper_caps_explain (_("capturing with libpcap"), "CAP_NET_RAW and CAP_NET_ADMIN");
          code = SS_HELPER_EXIT_PERMISSION;
        }
      if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
        g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_NOT_FOUND,
                     _("there is no interface “%s” (see --list-interfaces)"), name);
      else
        g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                     _("cannot capture on “%s”: %s"), name, pcap_geterr (s.pcap));
      pcap_source_clear (&s);
      return code;
    }
  if (h->options.filter)
    {
      if (pcap_compile (s.pcap, &prog, h->options.filter, 1, PCAP_NETMASK_UNKNOWN) != 0)
        {
          g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_INVALID_ARGUMENT,
                       _("bad capture filter “%s”: %s"), h->options.filter,
                       pcap_geterr (s.pcap));
          pcap_source_clear (&s);
          return SS_HELPER_EXIT_SOURCE;
        }
      rc = pcap_setfilter (s.pcap, &prog);
      pcap_freecode (&prog);
      if (rc != 0)
        {
          g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED,
                       _("cannot set the filter on “%s”: %s"), name, pcap_geterr (s.pcap));
          pcap_source_clear (&s);
          return SS_HELPER_EXIT_SOURCE;
        }
    }
  /* Devices that cannot give nanoseconds give microseconds in the same field. */
  s.ts_frac_ns = pcap_get_tstamp_precision (s.pcap) == PCAP_TSTAMP_PRECISION_NANO ? 1 : 1000;
  if (pcap_setnonblock (s.pcap, 1, errbuf) != 0)
    {
      g_set_error (error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED, "%s: %s", name, errbuf);
      pcap_source_clear (&s);
      return SS_HELPER_EXIT_SOURCE;
    }
  g_array_append_val (h->sources, s);
  return SS_HELPER_EXIT_OK;
}

typedef struct
{
  Helper     *h;
  PcapSource *source;
} PcapCallback;

static void
on_pcap_packet (u_char                   *user,
                const struct pcap_pkthdr *hdr,
                const u_char             *bytes)
{
  PcapCallback *cb = (PcapCallback *) user;
  Helper *h = cb->h;
  gint64 ts_ns = (gint64) hdr->ts.tv_sec * 1000000000
                 + (gint64) hdr->ts.tv_usec * cb->source->ts_frac_ns;

  if (h->stop)
    return;
  if (!ss_helper_output_write (h->output, cb->source->interface_id, ts_ns, bytes, hdr->caplen,
                               hdr->len, 0, NULL, NULL, 0, &h->write_error))
    {
      h->stop = TRUE;
      pcap_breakloop (cb->source->pcap);
      return;
    }
  if (h->options.count && ss_helper_output_get_packets (h->output) >= h->options.count)
    {
      h->stop = TRUE;
      pcap_breakloop (cb->source->pcap);
    }
}

static void
dispatch_pcap (Helper *h)
{
  for (guint i = 0; i < h->sources->len && !h->stop; i++)
    {
      PcapCallback cb = { h, &g_array_index (h->sources, PcapSource, i) };

      /* Read until the kernel ring is empty, in batches, so other sources get their turn. */
      for (guint batch = 0; batch < 64 && !h->stop; batch++)
        if (pcap_dispatch (cb.source->pcap, 256, on_pcap_packet, (u_char *) &cb) <= 0)
          break;
    }
}

/* At the end: the kernel passes on its last, partly filled block of packets only when the block
 * times out, so wait for that (a little over PCAP_TIMEOUT_MS) before the last read. */
static void
drain_pcap (Helper *h)
{
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, MAX (h->sources->len, 1));

  for (guint i = 0; i < h->sources->len; i++)
    fds[i] = (struct pollfd) {
      pcap_get_selectable_fd (g_array_index (h->sources, PcapSource, i).pcap), POLLIN, 0 };
  dispatch_pcap (h);
  for (guint round = 0; h->sources->len > 0 && round < 4 && !h->stop; round++)
    {
      if (poll (fds, h->sources->len, PCAP_TIMEOUT_MS * 2) <= 0)
        break;
      dispatch_pcap (h);
    }
}

/* Status -------------------------------------------------------------------------------------- */

static void
send_stats (Helper *h)
{
  guint64 kernel_drops = 0, if_drops = 0, ring_drops = 0, filtered = 0;

  for (guint i = 0; i < h->sources->len; i++)
    {
      struct pcap_stat st;

      if (pcap_stats (g_array_index (h->sources, PcapSource, i).pcap, &st) == 0)
        {
          kernel_drops += st.ps_drop;
          if_drops += st.ps_ifdrop;
        }
    }
#ifdef SS_HAVE_EBPF
  if (h->ebpf)
    ss_helper_ebpf_get_stats (h->ebpf, &ring_drops, &filtered);
#endif
  ss_helper_status_send (h->options.status_fd, SS_HELPER_STATUS_STATS,
                         "packets=%" G_GUINT64_FORMAT " kernel_drops=%" G_GUINT64_FORMAT
                         " if_drops=%" G_GUINT64_FORMAT " ring_drops=%" G_GUINT64_FORMAT
                         " filtered=%" G_GUINT64_FORMAT " files=%u",
                         ss_helper_output_get_packets (h->output), kernel_drops, if_drops,
                         ring_drops, filtered, ss_helper_output_get_files (h->output));
}

static void
fail (Helper     *h,
      const char *message)
{
  g_printerr ("stratoshark-capture: %s\n", message);
  ss_helper_status_send (h->options.status_fd, SS_HELPER_STATUS_ERROR, "%s", message);
}

/* Main loop ----------------------------------------------------------------------------------- */

static int
run (Helper *h,
     int     sigfd)
{
  gint64 start = g_get_monotonic_time () / 1000;
  gint64 deadline = h->options.duration_ms ? start + h->options.duration_ms : G_MAXINT64;
  gint64 next_status = start + STATUS_INTERVAL_MS;
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, h->sources->len + 3);
  g_autoptr(GError) error = NULL;
  guint nfds = 0;
  guint stop_slot = 0;

  fds[nfds++] = (struct pollfd) { sigfd, POLLIN, 0 };
  if (h->options.stop_fd >= 0)
    {
      stop_slot = nfds;
      fds[nfds++] = (struct pollfd) { h->options.stop_fd, POLLIN, 0 };
    }
  for (guint i = 0; i < h->sources->len; i++)
    fds[nfds++] = (struct pollfd) {
      pcap_get_selectable_fd (g_array_index (h->sources, PcapSource, i).pcap), POLLIN, 0 };
#ifdef SS_HAVE_EBPF
  if (h->ebpf)
    fds[nfds++] = (struct pollfd) { ss_helper_ebpf_get_fd (h->ebpf), POLLIN, 0 };
#endif

  while (!h->stop)
    {
      gint64 now = g_get_monotonic_time () / 1000;
      gint64 next_rotation = G_MAXINT64;
      gint64 timeout;

      if (!ss_helper_output_tick (h->output, &next_rotation, &error))
        break;
      timeout = MIN (MIN (deadline, next_status) - now, next_rotation);
      timeout = MIN (timeout, SYNC_INTERVAL_MS);
      if (poll (fds, nfds, (int) CLAMP (timeout, 0, 1000)) < 0 && errno != EINTR)
        {
          g_set_error (&error, SS_HELPER_ERROR, SS_HELPER_ERROR_FAILED, "poll: %s",
                       g_strerror (errno));
          break;
        }
      if (fds[0].revents & POLLIN)
        h->stop = TRUE;  /* SIGINT or SIGTERM: drain what the kernel holds, then finish */
      if (stop_slot && (fds[stop_slot].revents & (POLLIN | POLLHUP | POLLERR)))
        h->stop = TRUE;  /* the caller closed --stop-fd: the same clean end */
      dispatch_pcap (h);
#ifdef SS_HAVE_EBPF
      if (h->ebpf && !h->stop && !ss_helper_ebpf_consume (h->ebpf, h->output, h->options.count,
                                                          &h->stop, &h->write_error))
        h->stop = TRUE;
#endif
      if (h->write_error)
        break;
      /* Pushing the buffer out at most every SYNC_INTERVAL_MS keeps write() calls few at high
       * rates, and live readers still see packets within that time. */
      if (ss_helper_output_sync_due (h->output, SYNC_INTERVAL_MS)
          && !ss_helper_output_sync (h->output, &error))
        break;
      now = g_get_monotonic_time () / 1000;
      if (now >= deadline)
        h->stop = TRUE;
      if (now >= next_status)
        {
          send_stats (h);
          next_status = now + STATUS_INTERVAL_MS;
        }
    }
  if (h->write_error && error == NULL)
    error = g_steal_pointer (&h->write_error);
  if (error == NULL)
    {
      /* Packets the kernel still holds were captured before the stop: keep them. */
      if (!h->options.count || ss_helper_output_get_packets (h->output) < h->options.count)
        {
          h->stop = FALSE;
          drain_pcap (h);
#ifdef SS_HAVE_EBPF
          if (h->ebpf && !h->stop)
            ss_helper_ebpf_consume (h->ebpf, h->output, h->options.count, &h->stop,
                                    &h->write_error);
#endif
          if (h->write_error)
            error = g_steal_pointer (&h->write_error);
        }
      if (error == NULL && ss_helper_output_sync (h->output, &error))
        {
          send_stats (h);
          if (ss_helper_output_close (h->output, &error))
            return SS_HELPER_EXIT_OK;
        }
    }

  /* The output failed (a full disk): cut the file back to its last complete block, say so. */
  {
    g_autofree char *msg = NULL;
    const char *path = ss_helper_output_get_path (h->output);

    ss_helper_output_abandon (h->output);
    send_stats (h);
    msg = g_strdup_printf (_("%s. The capture stopped; the %" G_GUINT64_FORMAT " packets written "
                             "before that are kept and readable in “%s”."),
                           error->message, ss_helper_output_get_synced_packets (h->output),
                           path ? path : "-");
    fail (h, msg);
  }
  return SS_HELPER_EXIT_OUTPUT;
}

int
main (int    argc,
      char **argv)
{
  Helper h = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean list = FALSE;
  sigset_t mask;
  int sigfd = -1;
  int code = SS_HELPER_EXIT_ERROR;
  const char *keep_ebpf[] = { "cap_net_admin", NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  h.sources = g_array_new (FALSE, TRUE, sizeof (PcapSource));
  g_array_set_clear_func (h.sources, pcap_source_clear);
  h.options.status_fd = -1;
  h.options.stop_fd = -1;

  if (!parse_args (&h, &argc, &argv, &list, &error))
    {
      g_printerr ("stratoshark-capture: %s\n", error->message);
      code = SS_HELPER_EXIT_USAGE;
      goto cleanup;
    }
  if (list)
    {
      code = list_interfaces ();
      goto cleanup;
    }

  /* Signals arrive on a descriptor the loop polls, so a stop never interrupts a write. */
  sigemptyset (&mask);
  sigaddset (&mask, SIGINT);
  sigaddset (&mask, SIGTERM);
  sigprocmask (SIG_BLOCK, &mask, NULL);
  sigfd = signalfd (-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
  signal (SIGPIPE, SIG_IGN);

  if (h.options.snaplen < SHORT_SNAPLEN)
    {
      g_autofree char *warn = g_strdup_printf (
        _("warning: --snaplen %u keeps only the first %u bytes of each packet: HTTP bodies, TLS "
          "certificates and anything reassembled from several segments will be missing, and the "
          "analysis will mark those packets as cut short"),
        h.options.snaplen, h.options.snaplen);

      g_printerr ("stratoshark-capture: %s\n", warn);
      ss_helper_status_send (h.options.status_fd, SS_HELPER_STATUS_WARNING, "%s", warn);
    }

  if (h.options.ebpf)
    {
#ifdef SS_HAVE_EBPF
      h.ebpf = ss_helper_ebpf_open (&h.options, &code, &error);
      if (h.ebpf == NULL)
        {
          fail (&h, error->message);
          goto cleanup;
        }
#else
      fail (&h, _("this stratoshark-capture was built without eBPF support"));
      code = SS_HELPER_EXIT_EBPF;
      goto cleanup;
#endif
    }
  else
    {
      for (guint i = 0; h.options.interfaces[i]; i++)
        {
          code = open_pcap_source (&h, h.options.interfaces[i], &error);
          if (code != SS_HELPER_EXIT_OK)
            {
              fail (&h, error->message);
              goto cleanup;
            }
        }
    }

  /* The output is created once the sources are open, so a refused capture leaves no file. */
  h.output = ss_helper_output_new (&h.options, &error);
  if (h.output == NULL)
    {
      fail (&h, error->message);
      code = SS_HELPER_EXIT_OUTPUT;
      goto cleanup;
    }
  for (guint i = 0; i < h.sources->len; i++)
    {
      PcapSource *src = &g_array_index (h.sources, PcapSource, i);
      gint id = ss_helper_output_add_interface (h.output, (guint) pcap_datalink (src->pcap),
                                                h.options.snaplen, src->name, &error);

      if (id < 0)
        {
          fail (&h, error->message);
          code = SS_HELPER_EXIT_OUTPUT;
          goto cleanup;
        }
      src->interface_id = (guint) id;
    }
#ifdef SS_HAVE_EBPF
  if (h.ebpf && !ss_helper_ebpf_add_interfaces (h.ebpf, h.output, &error))
    {
      fail (&h, error->message);
      code = SS_HELPER_EXIT_OUTPUT;
      goto cleanup;
    }
#endif

  /* Everything privileged is done. The eBPF path keeps CAP_NET_ADMIN alone, to take its TC
   * programs off the interfaces at the end. */
  if (!ss_helper_caps_drop (h.options.ebpf ? keep_ebpf : NULL, &error))
    {
      fail (&h, error->message);
      code = SS_HELPER_EXIT_ERROR;
      goto cleanup;
    }

  {
    g_autofree char *names = g_strjoinv (" ", h.options.interfaces);

    ss_helper_status_send (h.options.status_fd, SS_HELPER_STATUS_READY, "%s", names);
  }
  code = run (&h, sigfd);

cleanup:
#ifdef SS_HAVE_EBPF
  g_clear_pointer (&h.ebpf, ss_helper_ebpf_free);
#endif
  g_clear_pointer (&h.sources, g_array_unref);
  g_clear_pointer (&h.output, ss_helper_output_free);
  ss_helper_status_send (h.options.status_fd, SS_HELPER_STATUS_DONE, "exit=%d", code);
  if (sigfd >= 0)
    close (sigfd);
  g_clear_error (&h.write_error);
  g_strfreev (h.options.interfaces);
  g_free (h.options.filter);
  g_free (h.options.ebpf_filter);
  g_clear_pointer (&h.options.filter_pids, g_array_unref);
  g_clear_pointer (&h.options.filter_cgroups, g_array_unref);
  g_clear_pointer (&h.options.user_filter, ss_helper_filter_free);
  g_free (h.options.output);
  return code;
}
