// SPDX-License-Identifier: GPL-2.0-or-later
/* ss-capture.bpf.c: packet capture at TC (clsact) ingress and egress with process metadata
 *
 * Two TC programs copy each packet (up to snaplen) into a ring buffer with its interface,
 * direction, cgroup id, socket cookie and owning process. The owner is learnt from socket
 * events that run in the process's context (connect() and sendmsg() through the cgroup
 * socket-address hooks): they record the socket cookie with the process's pid, comm and cgroup.
 * Egress packets carry their socket, so they are matched by cookie, and teach the flow table
 * their 4-tuple; ingress packets have no socket yet at TC, so they are matched by 4-tuple.
 * A server's sockets come from accept(), which runs no socket-address hook: the socket
 * tracepoints at the end of recvmsg()/sendmsg() see the connection in the process's context and
 * record its 4-tuple. Where they do not exist (before Linux 6.3) the loader leaves them out and
 * only servers' packets go unnamed.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "core_fixes.bpf.h"
#include "ss-capture.h"

#define TC_ACT_UNSPEC	(-1)
#define ETH_HLEN	14
#define ETH_P_IP	0x0800
#define ETH_P_IPV6	0x86DD
#define AF_INET		2
#define AF_INET6	10
#define IPPROTO_TCP	6
#define IPPROTO_UDP	17
/* Ring-buffer bytes waiting before the reader is woken (the ring holds 32 MiB). */
#define WAKEUP_BYTES	(256 * 1024)

/* Set through the skeleton's rodata before load. */
const volatile __u32 snaplen = SS_CAPTURE_MAX_DATA;
const volatile __u32 filter_pids;	/* keep only packets of the pids in pid_filter */
const volatile __u32 filter_cgroups;	/* keep only packets of the cgroups in cgroup_filter */
const volatile __u32 filter_deny;	/* drop packets of the cgroups in cgroup_deny */

struct scratch {
	struct ss_capture_event ev;
	__u8 data[2 * SS_CAPTURE_MAX_DATA];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 32 * 1024 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ss_capture_stats);
} stats SEC(".maps");

/* One scratch event per CPU, indexed by CPU number: TC programs do not migrate. A plain array,
 * because per-CPU values are limited to 32 KiB. The loader sets max_entries to the CPU count. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct ss_capture_flow);
	__type(value, struct ss_capture_owner);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u64);
	__type(value, struct ss_capture_owner);
} cookies SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u8);
} pid_filter SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u8);
} cgroup_filter SEC(".maps");

/* Cgroups the loader found can never match --ebpf-filter (by their pod labels, say). LRU: an
 * evicted id only sends its packets to the loader's own evaluation again. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, __u8);
} cgroup_deny SEC(".maps");

/* Socket events ------------------------------------------------------------------------------ */

/* cgroup socket-address hooks run in the calling process's context (connect(), sendmsg()), so
 * they see its pid, comm and cgroup. They are attached to the root of the cgroup v2 hierarchy,
 * always allow the call (return 1), and only remember the socket's owner by its cookie. Tracing
 * programs (fentry on tcp_connect) would also see sockets created by the kernel, but they are
 * not allowed everywhere; these hooks are. */
static __always_inline int remember_owner(__u64 cookie)
{
	struct ss_capture_owner owner = {};

	if (!cookie)
		return 1;
	owner.pid = bpf_get_current_pid_tgid() >> 32;
	owner.cgroup_id = bpf_get_current_cgroup_id();
	owner.socket_cookie = cookie;
	if (bpf_get_current_comm(owner.comm, sizeof(owner.comm)) != 0)
		owner.comm[0] = '\0';
	bpf_map_update_elem(&cookies, &cookie, &owner, BPF_ANY);
	return 1;
}

SEC("cgroup/connect4")
int ss_connect4(struct bpf_sock_addr *ctx)
{
	return remember_owner(bpf_get_socket_cookie(ctx));
}

SEC("cgroup/connect6")
int ss_connect6(struct bpf_sock_addr *ctx)
{
	return remember_owner(bpf_get_socket_cookie(ctx));
}

SEC("cgroup/sendmsg4")
int ss_sendmsg4(struct bpf_sock_addr *ctx)
{
	return remember_owner(bpf_get_socket_cookie(ctx));
}

SEC("cgroup/sendmsg6")
int ss_sendmsg6(struct bpf_sock_addr *ctx)
{
	return remember_owner(bpf_get_socket_cookie(ctx));
}

static __always_inline void set_v4(__u8 *dst, __be32 addr)
{
	__builtin_memset(dst, 0, 10);
	dst[10] = 0xff;
	dst[11] = 0xff;
	__builtin_memcpy(dst + 12, &addr, 4);
}

/* A connected TCP socket used by the calling process: remember its owner by 4-tuple, in the form
 * packet_flow() builds (local side first, ports in network byte order). An entry that already
 * names this process is left alone, so the common case is one lookup. */
static __always_inline int learn_tcp_owner(struct sock *sk, __u16 family, __u16 protocol)
{
	struct ss_capture_owner owner = {}, *known;
	struct ss_capture_flow flow = {};
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (!sk || protocol != IPPROTO_TCP)
		return 0;
	if (family == AF_INET) {
		set_v4(flow.local, BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr));
		set_v4(flow.remote, BPF_CORE_READ(sk, __sk_common.skc_daddr));
	} else if (family == AF_INET6) {
		BPF_CORE_READ_INTO(&flow.local, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&flow.remote, sk, __sk_common.skc_v6_daddr);
	} else {
		return 0;
	}
	flow.lport = bpf_htons(BPF_CORE_READ(sk, __sk_common.skc_num));
	flow.rport = BPF_CORE_READ(sk, __sk_common.skc_dport);
	if (!flow.rport)
		return 0;
	flow.proto = IPPROTO_TCP;
	known = bpf_map_lookup_elem(&flows, &flow);
	if (known && known->pid == pid)
		return 0;
	owner.pid = pid;
	owner.cgroup_id = bpf_get_current_cgroup_id();
	if (bpf_get_current_comm(owner.comm, sizeof(owner.comm)) != 0)
		owner.comm[0] = '\0';
	bpf_map_update_elem(&flows, &flow, &owner, BPF_ANY);
	return 0;
}

/* The sock_recv_length and sock_send_length tracepoints (Linux 6.3 and later) fire at the end of
 * every recvmsg()/sendmsg() on a socket, in the calling process's context; raw tracepoints
 * (first argument: the socket) attach without tracefs being mounted. A server reads a
 * request before it answers, so its accepted connection is named before its first reply. */
static __always_inline int learn_from_raw_tp(struct bpf_raw_tracepoint_args *ctx)
{
	struct sock *sk = (struct sock *)ctx->args[0];

	if (!sk)
		return 0;
	return learn_tcp_owner(sk, BPF_CORE_READ(sk, __sk_common.skc_family),
			       BPF_CORE_READ(sk, sk_protocol));
}

SEC("raw_tp/sock_recv_length")
int ss_sock_recv(struct bpf_raw_tracepoint_args *ctx)
{
	return learn_from_raw_tp(ctx);
}

SEC("raw_tp/sock_send_length")
int ss_sock_send(struct bpf_raw_tracepoint_args *ctx)
{
	return learn_from_raw_tp(ctx);
}

/* Packets ------------------------------------------------------------------------------------ */

/* Fills @flow from the packet, seen from the local socket; returns 0 when it is TCP or UDP. */
static __always_inline int packet_flow(struct __sk_buff *skb, __u32 dir,
				       struct ss_capture_flow *flow)
{
	__u8 src[16] = {}, dst[16] = {};
	__u16 ports[2];
	__u32 l4;
	__u8 proto;

	if (skb->protocol == bpf_htons(ETH_P_IP)) {
		struct iphdr ip;

		if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip, sizeof(ip)) != 0)
			return -1;
		if (ip.frag_off & bpf_htons(0x1fff))
			return -1;
		set_v4(src, ip.saddr);
		set_v4(dst, ip.daddr);
		proto = ip.protocol;
		l4 = ETH_HLEN + (ip.ihl & 0xf) * 4;
	} else if (skb->protocol == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr ip6;

		if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip6, sizeof(ip6)) != 0)
			return -1;
		__builtin_memcpy(src, &ip6.saddr, 16);
		__builtin_memcpy(dst, &ip6.daddr, 16);
		proto = ip6.nexthdr;
		l4 = ETH_HLEN + sizeof(ip6);
	} else {
		return -1;
	}
	if (proto != IPPROTO_TCP && proto != IPPROTO_UDP)
		return -1;
	if (bpf_skb_load_bytes(skb, l4, ports, sizeof(ports)) != 0)
		return -1;
	flow->proto = proto;
	if (dir == SS_CAPTURE_DIR_OUT) {
		__builtin_memcpy(flow->local, src, 16);
		__builtin_memcpy(flow->remote, dst, 16);
		flow->lport = ports[0];
		flow->rport = ports[1];
	} else {
		__builtin_memcpy(flow->local, dst, 16);
		__builtin_memcpy(flow->remote, src, 16);
		flow->lport = ports[1];
		flow->rport = ports[0];
	}
	return 0;
}

static __always_inline int capture(struct __sk_buff *skb, __u32 dir)
{
	struct ss_capture_owner *owner = NULL;
	struct ss_capture_stats *st;
	struct ss_capture_flow flow = {};
	struct scratch *s;
	__u32 zero = 0;
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 caplen, wake;

	st = bpf_map_lookup_elem(&stats, &zero);
	s = bpf_map_lookup_elem(&scratch, &cpu);
	if (!st || !s)
		return TC_ACT_UNSPEC;

	__builtin_memset(&s->ev, 0, sizeof(s->ev));
	s->ev.ts_ns = bpf_ktime_get_ns();
	s->ev.ifindex = skb->ifindex;
	s->ev.len = skb->len;
	s->ev.direction = dir;
	if (packet_flow(skb, dir, &flow) != 0)
		flow.proto = 0;
	if (dir == SS_CAPTURE_DIR_OUT) {
		s->ev.socket_cookie = bpf_get_socket_cookie(skb);
		s->ev.cgroup_id = bpf_skb_cgroup_id(skb);
		if (s->ev.socket_cookie)
			owner = bpf_map_lookup_elem(&cookies, &s->ev.socket_cookie);
		/* Teach the ingress side: replies come back on the same 4-tuple. */
		if (owner && flow.proto)
			bpf_map_update_elem(&flows, &flow, owner, BPF_ANY);
	}
	if (!owner && flow.proto)
		owner = bpf_map_lookup_elem(&flows, &flow);
	if (owner) {
		s->ev.pid = owner->pid;
		__builtin_memcpy(s->ev.comm, owner->comm, sizeof(s->ev.comm));
		if (!s->ev.socket_cookie)
			s->ev.socket_cookie = owner->socket_cookie;
		if (!s->ev.cgroup_id)
			s->ev.cgroup_id = owner->cgroup_id;
	}

	if ((filter_pids && !bpf_map_lookup_elem(&pid_filter, &s->ev.pid)) ||
	    (filter_cgroups && !bpf_map_lookup_elem(&cgroup_filter, &s->ev.cgroup_id)) ||
	    (filter_deny && s->ev.cgroup_id &&
	     bpf_map_lookup_elem(&cgroup_deny, &s->ev.cgroup_id))) {
		__sync_fetch_and_add(&st->filtered, 1);
		return TC_ACT_UNSPEC;
	}

	caplen = skb->len < snaplen ? skb->len : snaplen;
	if (caplen > SS_CAPTURE_MAX_DATA)
		caplen = SS_CAPTURE_MAX_DATA;
	/* clang drops a plain mask after the comparison; the verifier needs to see it. */
	asm volatile("%[c] &= %[m]" : [c] "+r"(caplen) : [m] "i"(2 * SS_CAPTURE_MAX_DATA - 1));
	if (caplen < 1)
		return TC_ACT_UNSPEC;
	if (bpf_skb_load_bytes(skb, 0, s->data, caplen) != 0)
		return TC_ACT_UNSPEC;
	s->ev.caplen = caplen;
	/* Waking the reader for every packet costs it a context switch per packet; it polls every
	 * 50 ms anyway, so wake it only when a good amount is waiting. */
	wake = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= WAKEUP_BYTES ?
	       BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
	if (bpf_ringbuf_output(&events, s, sizeof(s->ev) + caplen, wake) != 0)
		__sync_fetch_and_add(&st->ring_drops, 1);
	else
		__sync_fetch_and_add(&st->packets, 1);
	return TC_ACT_UNSPEC;
}

SEC("tc")
int ss_tc_ingress(struct __sk_buff *skb)
{
	return capture(skb, SS_CAPTURE_DIR_IN);
}

SEC("tc")
int ss_tc_egress(struct __sk_buff *skb)
{
	return capture(skb, SS_CAPTURE_DIR_OUT);
}

char LICENSE[] SEC("license") = "GPL";
