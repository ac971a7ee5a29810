/* ss-helper-ebpf.h: the eBPF capture source (bpf/ss-capture.bpf.c) */
#pragma once

#include "ss-helper.h"

G_BEGIN_DECLS

typedef struct _SsHelperEbpf SsHelperEbpf;

/* Loads the programs and attaches them at TC ingress and egress of every interface of
 * @options. On failure *exit_code says why (SS_HELPER_EXIT_PERMISSION, _SOURCE or _EBPF). */
SsHelperEbpf *ss_helper_ebpf_open           (const SsHelperOptions *options,
                                             int                   *exit_code,
                                             GError               **error);
/* Declares one interface per attached interface in @out; packets go there from now on. */
gboolean      ss_helper_ebpf_add_interfaces (SsHelperEbpf          *ebpf,
                                             SsHelperOutput        *out,
                                             GError               **error);
/* A descriptor to poll for readability (the ring buffer's epoll fd). */
int           ss_helper_ebpf_get_fd         (SsHelperEbpf          *ebpf);
/* Writes every packet waiting in the ring buffer; sets *stop once @count packets are written
 * (@count 0: no limit). Returns FALSE with @error when the output failed. */
gboolean      ss_helper_ebpf_consume        (SsHelperEbpf          *ebpf,
                                             SsHelperOutput        *out,
                                             guint64                count,
                                             gboolean              *stop,
                                             GError               **error);
void          ss_helper_ebpf_get_stats      (SsHelperEbpf          *ebpf,
                                             guint64               *ring_drops,
                                             guint64               *filtered);
/* Detaches the programs from the interfaces and frees everything. */
void          ss_helper_ebpf_free           (SsHelperEbpf          *ebpf);

G_END_DECLS
