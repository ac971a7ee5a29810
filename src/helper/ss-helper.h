/* ss-helper.h: the parts of stratoshark-capture, shared between its files
 *
 * The helper is one process: main parses and validates argv into SsHelperOptions, opens the
 * sources (libpcap or eBPF), drops its capabilities, then loops writing packets through
 * SsHelperOutput (which rotates files) and status messages through ss_helper_status_send().
 */
#pragma once

#include <glib.h>

#include "ss-capwrite.h"
#include "ss-helper-proto.h"

G_BEGIN_DECLS

#define SS_HELPER_ERROR (ss_helper_error_quark ())

typedef enum
{
  SS_HELPER_ERROR_FAILED,
  SS_HELPER_ERROR_NOT_FOUND,
  SS_HELPER_ERROR_INVALID_ARGUMENT,
} SsHelperError;

GQuark    ss_helper_error_quark           (void);

/* The metadata of one packet, as the helper writes it (docs/pcapng-metadata.md). */
typedef enum
{
  SS_HELPER_META_PROCESS_PID,
  SS_HELPER_META_PROCESS_NAME,
  SS_HELPER_META_CGROUP_ID,
  SS_HELPER_META_SOCKET_COOKIE,
  SS_HELPER_META_DIRECTION,
  SS_HELPER_META_INTERFACE,
  SS_HELPER_META_K8S_POD,
  SS_HELPER_META_K8S_NAMESPACE,
  SS_HELPER_META_K8S_CONTAINER,
  SS_HELPER_META_K8S_NODE,
  SS_HELPER_META_COUNT
} SsHelperMetaKey;

typedef struct
{
  const char *str[SS_HELPER_META_COUNT];  /* the value as written; NULL: absent */
  guint64     num[SS_HELPER_META_COUNT];  /* numeric keys: the value */
} SsHelperMeta;

/* The option key of @key ("k8s.pod"): the field's abbreviation without "ebpf.". */
const char *ss_helper_meta_key            (SsHelperMetaKey        key);

/* --ebpf-filter (ss-helper-ebpf-filter.c). */
typedef struct _SsHelperFilter SsHelperFilter;

void      ss_helper_filter_free           (SsHelperFilter        *filter);
gboolean  ss_helper_filter_match          (const SsHelperFilter  *filter,
                                           const SsHelperMeta    *meta);
/* Whether some top-level conjunct reads only fields that follow from the cgroup id (cgroup.id,
 * k8s.*), and whether one of those rejects @meta: then every packet of that cgroup fails. */
gboolean  ss_helper_filter_has_cgroup_part (const SsHelperFilter *filter);
gboolean  ss_helper_filter_rejects_cgroup (const SsHelperFilter  *filter,
                                           const SsHelperMeta    *meta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsHelperFilter, ss_helper_filter_free)

typedef struct
{
  char          **interfaces;     /* NULL-terminated, at least one after validation */
  char           *filter;         /* BPF capture filter (libpcap syntax), may be NULL */
  char           *ebpf_filter;    /* display-filter expression over ebpf.* fields, may be NULL */
  gboolean        ebpf;
  gboolean        no_promisc;
  guint64         count;          /* 0: no limit */
  gint64          duration_ms;    /* 0: no limit */
  guint32         snaplen;
  char           *output;         /* path or "-" */
  SsCapfileFormat format;
  SsCompression   compression;
  gint64          rotate_time_ms; /* 0: no time rotation */
  guint64         rotate_size;    /* bytes, 0: no size rotation */
  guint           rotate_files;   /* 0: keep every file */
  int             status_fd;      /* -1: none */
  int             stop_fd;        /* -1: none; end of file (or data) there stops the capture */
  GArray         *filter_pids;    /* guint64, from --ebpf-filter; NULL: any pid */
  GArray         *filter_cgroups; /* guint64, from --ebpf-filter; NULL: any cgroup */
  SsHelperFilter *user_filter;    /* the part of --ebpf-filter applied here; NULL: none */
} SsHelperOptions;

#define SS_HELPER_DEFAULT_SNAPLEN 262144u

/* Status channel (ss-helper-status.c). @fd -1 makes these no-ops. */
void      ss_helper_status_send   (int                 fd,
                                   SsHelperStatusType  type,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (3, 4);

/* Output with rotation (ss-helper-output.c). */
typedef struct _SsHelperOutput SsHelperOutput;

SsHelperOutput *ss_helper_output_new      (const SsHelperOptions *options,
                                           GError               **error);
/* Declares an interface for every file, present and future; returns its id. */
gint      ss_helper_output_add_interface  (SsHelperOutput        *out,
                                           guint                  link_type,
                                           guint32                snaplen,
                                           const char            *name,
                                           GError               **error);
gboolean  ss_helper_output_write          (SsHelperOutput        *out,
                                           guint                  interface_id,
                                           gint64                 ts_ns,
                                           const guint8          *data,
                                           guint32                caplen,
                                           guint32                len,
                                           guint32                epb_flags,
                                           const char            *comment,
                                           const SsCapWriterOption *options,
                                           guint                  n_options,
                                           GError               **error);
/* Rotates when the time has come even if no packet arrives; returns the milliseconds until the
 * next time rotation (G_MAXINT64 when there is none). */
gboolean  ss_helper_output_tick           (SsHelperOutput        *out,
                                           gint64                *next_ms,
                                           GError               **error);
/* Pushes what is buffered to the file, so that a later write failure can be undone back to here
 * (a full disk leaves a file that ends on a block boundary). */
gboolean  ss_helper_output_sync           (SsHelperOutput        *out,
                                           GError               **error);
/* Whether the last sync is at least @interval_ms old. */
gboolean  ss_helper_output_sync_due       (const SsHelperOutput  *out,
                                           gint64                 interval_ms);
/* After a write failure: cut the current file back to the last sync point and close it. */
void      ss_helper_output_abandon        (SsHelperOutput        *out);
gboolean  ss_helper_output_close          (SsHelperOutput        *out,
                                           GError               **error);
void      ss_helper_output_free           (SsHelperOutput        *out);
guint64   ss_helper_output_get_packets    (const SsHelperOutput  *out);
/* Packets that are in the files for sure: up to the last sync. */
guint64   ss_helper_output_get_synced_packets (const SsHelperOutput *out);
guint     ss_helper_output_get_files      (const SsHelperOutput  *out);
const char *ss_helper_output_get_path     (const SsHelperOutput  *out);
void      ss_helper_output_set_status_fd  (SsHelperOutput        *out,
                                           int                    fd);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsHelperOutput, ss_helper_output_free)

/* Parses --ebpf-filter into the id sets to load into the kernel (a set that the filter does
 * not constrain is returned as NULL; a constrained set may be empty) and, when the kernel
 * cannot apply all of it, the filter to evaluate on each packet's metadata (*user, else NULL).
 * Errors name the problem and its column. */
gboolean  ss_helper_ebpf_filter_parse     (const char            *text,
                                           GArray               **pids,
                                           GArray               **cgroups,
                                           SsHelperFilter       **user,
                                           GError               **error);

/* Kubernetes labels from the node's own files (ss-helper-k8s.c): the cgroup v2 directory of a
 * cgroup id, the kubelet's cgroup names and its log directories. */
typedef struct _SsHelperK8s SsHelperK8s;

typedef struct
{
  char *pod;        /* NULL when unknown */
  char *namespace;
  char *container;
  char *pod_uid;
  char *container_id;
  gint64 retry_us;  /* internal: when to look for missing names again */
} SsHelperK8sInfo;

/* @cgroup_root: the cgroup v2 hierarchy; @log_root: where pods/ and containers/ are
 * (/var/log); @node: the node's name. */
SsHelperK8s *ss_helper_k8s_new            (const char            *cgroup_root,
                                           const char            *log_root,
                                           const char            *node);
void      ss_helper_k8s_free              (SsHelperK8s           *k8s);
/* The pod behind @cgroup_id, or NULL when it is not a pod's (borrowed, valid until the next
 * call). *settled is FALSE when the answer may still change (a cgroup newer than the last walk
 * of the tree, a pod whose log files are not there yet): ask again a second later. */
const SsHelperK8sInfo *ss_helper_k8s_lookup (SsHelperK8s        *k8s,
                                           guint64                cgroup_id,
                                           gboolean              *settled);
const char *ss_helper_k8s_get_node        (const SsHelperK8s     *k8s);
/* Parses a cgroup path (relative to the root) named by the kubelet into the pod's UID and the
 * container's id; FALSE when it is not a pod's. */
gboolean  ss_helper_k8s_parse_cgroup_path (const char            *path,
                                           char                 **pod_uid,
                                           char                 **container_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsHelperK8s, ss_helper_k8s_free)

/* Capabilities (ss-helper-caps.c). */
/* Prints to stderr which capability @what needs and how to grant it. */
void      ss_helper_caps_explain          (const char            *what,
                                           const char            *caps);
/* Drops every capability but those in @keep (NULL-terminated cap names, may be NULL). */
gboolean  ss_helper_caps_drop             (const char * const    *keep,
                                           GError               **error);

G_END_DECLS
