/* ss-dissect-ebpf.c: "ebpf", the per-packet metadata StratoShark's capture helper records
 *
 * The metadata travels in pcapng custom options (draft-ietf-opsawg-pcapng section 3.5.1, option
 * code 2988: UTF-8, copyable) whose Private Enterprise Number is 32473; each option holds one
 * "key=value" pair. docs/pcapng-metadata.md is the specification. This is a StratoShark extension:
 * Wireshark shows the same options only as custom options and the readable packet comment.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-frame.h"

#define EBPF_PEN              32473u
#define EBPF_PEN_SWAPPED      0xd97e0000u  /* written by a host of the other byte order */
#define PCAPNG_OPT_CUSTOM_STR 2988u

enum
{
  EBPF_F_PROCESS_NAME,
  EBPF_F_PROCESS_PID,
  EBPF_F_CGROUP_ID,
  EBPF_F_DIRECTION,
  EBPF_F_INTERFACE,
  EBPF_F_SOCKET_COOKIE,
  EBPF_F_K8S_POD,
  EBPF_F_K8S_NAMESPACE,
  EBPF_F_K8S_CONTAINER,
  EBPF_F_K8S_NODE,
  EBPF_F_COUNT
};

static const SsFieldDef ebpf_fields[] = {
  [EBPF_F_PROCESS_NAME] = { "ebpf.process.name", N_("Process name"), SS_FT_STRING },
  [EBPF_F_PROCESS_PID] = { "ebpf.process.pid", N_("Process ID"), SS_FT_UINT32, SS_BASE_DEC },
  [EBPF_F_CGROUP_ID] = { "ebpf.cgroup.id", N_("Cgroup ID"), SS_FT_UINT64, SS_BASE_DEC },
  [EBPF_F_DIRECTION] = { "ebpf.direction", N_("Direction"), SS_FT_STRING },
  [EBPF_F_INTERFACE] = { "ebpf.interface", N_("Interface"), SS_FT_STRING },
  [EBPF_F_SOCKET_COOKIE] = { "ebpf.socket.cookie", N_("Socket cookie"), SS_FT_UINT64,
                             SS_BASE_DEC },
  [EBPF_F_K8S_POD] = { "ebpf.k8s.pod", N_("Kubernetes pod"), SS_FT_STRING },
  [EBPF_F_K8S_NAMESPACE] = { "ebpf.k8s.namespace", N_("Kubernetes namespace"), SS_FT_STRING },
  [EBPF_F_K8S_CONTAINER] = { "ebpf.k8s.container", N_("Kubernetes container"), SS_FT_STRING },
  [EBPF_F_K8S_NODE] = { "ebpf.k8s.node", N_("Kubernetes node"), SS_FT_STRING },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ebpf_fields) == EBPF_F_COUNT);

/* The key of each field in the options: its abbreviation without "ebpf.". */
static guint
field_for_key (const char *key,
               gsize       len)
{
  for (guint i = 0; i < EBPF_F_COUNT; i++)
    {
      const char *k = ebpf_fields[i].abbrev + strlen ("ebpf.");

      if (strlen (k) == len && memcmp (k, key, len) == 0)
        return i;
    }
  return EBPF_F_COUNT;
}

static gboolean
is_ours (const SsCapfileOption *opt)
{
  guint32 pen;

  if (opt->code != PCAPNG_OPT_CUSTOM_STR || opt->length < 4)
    return FALSE;
  memcpy (&pen, opt->value, 4);
  return pen == EBPF_PEN || pen == EBPF_PEN_SWAPPED;
}

static void
add_field (SsLayer    *l,
           guint       field,
           const char *value,
           gsize       len)
{
  g_autofree char *text = g_strndup (value, len);
  guint64 v;

  switch (ebpf_fields[field].type)
    {
    case SS_FT_UINT32:
    case SS_FT_UINT64:
      /* A value that is not a number is left out rather than shown as 0. */
      if (g_ascii_string_to_unsigned (text, 10, 0,
                                      ebpf_fields[field].type == SS_FT_UINT32 ? G_MAXUINT32
                                                                             : G_MAXUINT64,
                                      &v, NULL))
        ss_layer_add_uint (l, l->top, field, 0, 0, v);
      break;
    default:
      if (g_utf8_validate (text, -1, NULL))
        ss_layer_add_string (l, l->top, field, 0, 0, text, -1);
      break;
    }
}

void
ss_ebpf_dissect (SsPacket        *pkt,
                 const SsCapfile *cap,
                 guint            index,
                 SsReader        *r)
{
  g_autoptr(GArray) opts = ss_capfile_list_frame_options (cap, index);
  SsLayer l;
  gboolean any = FALSE;

  for (guint i = 0; opts && i < opts->len && !any; i++)
    any = is_ours (&g_array_index (opts, SsCapfileOption, i));
  if (!any)
    return;

  l = ss_packet_begin_layer (pkt, SS_PROTO_EBPF, r, 0, 0);
  for (guint i = 0; i < opts->len; i++)
    {
      const SsCapfileOption *opt = &g_array_index (opts, SsCapfileOption, i);
      const char *kv;
      const char *eq;
      gsize len;
      guint field;

      if (!is_ours (opt))
        continue;
      kv = (const char *) opt->value + 4;
      len = opt->length - 4u;
      eq = memchr (kv, '=', len);
      if (eq == NULL)
        continue;
      field = field_for_key (kv, (gsize) (eq - kv));
      if (field < EBPF_F_COUNT)
        add_field (&l, field, eq + 1, len - (gsize) (eq - kv) - 1);
    }
}

const SsProtocol ss_proto_ebpf = {
  .id = SS_PROTO_EBPF,
  .abbrev = "ebpf",
  .short_name = "eBPF",
  .name = N_("eBPF Metadata"),
  .fields = ebpf_fields,
  .n_fields = EBPF_F_COUNT,
  .dissect = NULL,
};
