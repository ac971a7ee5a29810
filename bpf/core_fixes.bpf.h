/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core_fixes.bpf.h: kernel-version differences, in one place (as bcc's libbpf-tools).
 *
 * The programs read struct sock_common fields that have kept their names since 4.x; they are read
 * through BPF_CORE_READ so a relocated layout still works. Nothing else needs a fix-up yet.
 */
#ifndef SS_CORE_FIXES_BPF_H
#define SS_CORE_FIXES_BPF_H

#include <bpf/bpf_core_read.h>

#endif /* SS_CORE_FIXES_BPF_H */
