/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ss-capture.h: structures shared by ss-capture.bpf.c and the helper's loader
 * (src/helper/ss-helper-ebpf.c). Fixed-width types only, no pointers.
 */
#ifndef SS_CAPTURE_H
#define SS_CAPTURE_H

#define SS_CAPTURE_COMM_LEN	16
/* Largest number of packet bytes one event carries (the eBPF path's snaplen ceiling). */
#define SS_CAPTURE_MAX_DATA	65536

enum ss_capture_direction {
	SS_CAPTURE_DIR_IN = 1,
	SS_CAPTURE_DIR_OUT = 2,
};

/* One packet in the ring buffer: this header, then caplen bytes of the packet. */
struct ss_capture_event {
	__u64 ts_ns;		/* CLOCK_MONOTONIC (bpf_ktime_get_ns) */
	__u64 cgroup_id;	/* cgroup v2 id of the owning socket, 0 when unknown */
	__u64 socket_cookie;	/* 0 when unknown */
	__u32 ifindex;
	__u32 len;		/* length on the wire */
	__u32 caplen;		/* bytes that follow */
	__u32 pid;		/* thread group id of the owning process, 0 when unknown */
	__u32 direction;	/* enum ss_capture_direction */
	__u32 pad;
	char comm[SS_CAPTURE_COMM_LEN];
};

/* Key of the flow table: a connection seen from the local socket. Addresses and ports in
 * network byte order, IPv4 mapped into IPv6 (::ffff:a.b.c.d). */
struct ss_capture_flow {
	__u8 local[16];
	__u8 remote[16];
	__u16 lport;
	__u16 rport;
	__u32 proto;
};

/* What socket events taught us about the owner of a flow. */
struct ss_capture_owner {
	__u64 cgroup_id;
	__u64 socket_cookie;
	__u32 pid;
	__u32 pad;
	char comm[SS_CAPTURE_COMM_LEN];
};

/* Per-CPU counters, summed by the loader. */
struct ss_capture_stats {
	__u64 packets;		/* put into the ring buffer */
	__u64 ring_drops;	/* the ring buffer was full */
	__u64 filtered;		/* rejected by the id sets of --ebpf-filter */
};

#endif /* SS_CAPTURE_H */
