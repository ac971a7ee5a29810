#!/usr/bin/env bash
# bench-capture.sh: the highest packet rate this machine can push over a veth pair, captured at
# the same time by stratoshark-capture --ebpf, stratoshark-capture (libpcap) and dumpcap.
# Reports per capture: packets kept, packets lost (kernel count - kept), the drops each one
# reported, and CPU time per packet kept. With --ebpf-filter, a fourth capture (ebpf-flt) runs
# the eBPF path with that filter (give one that keeps every packet, such as '!k8s.pod', to see
# what the helper's user-space evaluation and pod lookup cost). Needs root. Usage:
#   bench/bench-capture.sh [--helper PATH] [--seconds N] [--senders N] [--size BYTES]
#                          [--ebpf-filter EXPR]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
helper=""
seconds=3
senders=2
size=64
ebpf_filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --helper) helper="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --senders) senders="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --ebpf-filter) ebpf_filter="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench-capture: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$helper" ]; then
  for c in "$here/../build/src/helper/stratoshark-capture" "$here/../_build/src/helper/stratoshark-capture"; do
    [ -x "$c" ] && helper="$c" && break
  done
fi
[ -x "$helper" ] || { echo "bench-capture: no stratoshark-capture (give --helper)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "bench-capture: needs root (network namespaces)" >&2; exit 2; }

SS_CAPTURE_HELPER="$helper" exec python3 - "$seconds" "$senders" "$size" "$here/../tests/helper" \
  "$ebpf_filter" <<'PY'
import os, signal, subprocess, sys, time
seconds, senders, size, testdir = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ebpf_filter = sys.argv[5]
sys.path.insert(0, testdir)
import sslive

SENDER = """
import os, socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
payload, addr, end = os.urandom(int(sys.argv[2])), (sys.argv[1], 9), time.time() + float(sys.argv[3])
while time.time() < end:
    for _ in range(1000):
        s.sendto(payload, addr)
"""


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


with sslive.NetPair() as net:
    # Nothing listens on port 9 in B: allow it one port-unreachable per 100 s, so that the
    # senders' datagrams are the only traffic.
    net.ns(net.ns_b, "sysctl", "-qw", "net.ipv4.icmp_ratelimit=100000")
    out = {k: os.path.join(net.tmp, k + ".pcapng")
           for k in ("ebpf", "ebpf-flt", "libpcap", "dumpcap")}
    caps = {}
    caps["ebpf"] = net.helper("--ebpf", "-i", net.va, "-w", out["ebpf"], nsenter=True)
    if ebpf_filter:
        caps["ebpf-flt"] = net.helper("-i", net.va, "-w", out["ebpf-flt"], "--ebpf-filter",
                                      ebpf_filter, nsenter=True)
    caps["libpcap"] = net.helper("-i", net.va, "-w", out["libpcap"])
    for p, st in caps.values():
        if st.wait_for("R") is None:
            sys.exit("bench-capture: a helper did not start: %s" % p.stderr.read().decode())
    dump = net.dumpcap(net.va, out["dumpcap"])
    before = net.counters(net.ns_a, net.va)
    cpu0 = {k: cpu_seconds(p.pid) for k, (p, st) in caps.items()}
    cpu0["dumpcap"] = cpu_seconds(dump.pid)
    t0 = time.time()
    procs = [net.spawn(net.ns_a, "python3", "-c", SENDER, sslive.ADDR_B, str(size), str(seconds))
             for _ in range(senders)]
    for p in procs:
        p.wait()
    elapsed = time.time() - t0
    time.sleep(1.0)
    sent = net.counters(net.ns_a, net.va) - before
    cpu1 = {k: cpu_seconds(p.pid) for k, (p, st) in caps.items()}
    cpu1["dumpcap"] = cpu_seconds(dump.pid)
    stats = {}
    for k, (p, st) in caps.items():
        net.stop(p)
        st.read_all()
        stats[k] = st.last_stats()
    net.stop(dump, signal.SIGINT)
    derr = dump.stderr.read().decode()

    print("veth %s: %d packets of %d bytes in %.2f s = %.0f packets/s (%d senders)"
          % (net.va, sent, size + 42, elapsed, sent / elapsed, senders))
    print("%-8s %10s %10s %9s %12s %14s" % ("capture", "kept", "lost", "lost %", "reported",
                                          "CPU us/packet"))
    for k in ("ebpf", "ebpf-flt", "libpcap", "dumpcap"):
        if k not in caps and k != "dumpcap":
            continue
        kept = len(sslive.read_capture(out[k]))
        lost = sent - kept
        if k.startswith("ebpf"):
            reported = "ring %s" % stats[k].get("ring_drops", "?")
            if k == "ebpf-flt":
                reported += " flt %s" % stats[k].get("filtered", "?")
        elif k == "libpcap":
            reported = "kernel %s" % stats[k].get("kernel_drops", "?")
        else:
            reported = "see below"
        cpu = cpu1[k] - cpu0[k]
        print("%-8s %10d %10d %8.2f%% %12s %14.2f" % (k, kept, lost, 100.0 * lost / max(sent, 1),
                                                     reported, 1e6 * cpu / max(kept, 1)))
    print("CPU is the capturing process's own time; the eBPF programs run in the senders' "
          "softirq and are not counted.")
    last = [l for l in derr.splitlines() if "dropped" in l.lower() or "captured" in l.lower()]
    if last:
        print("dumpcap says: " + " | ".join(last))
PY
