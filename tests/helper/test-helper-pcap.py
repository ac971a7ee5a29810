#!/usr/bin/env python3
# /helper/pcap: libpcap capture on a veth while curl fetches from python's http.server in the
# other namespace. The helper's packets must match the kernel's interface counters and dumpcap's
# capture running in parallel, byte for byte; the file is 0600 even under umask 000; a capture
# filter keeps exactly the SYN packets.

import os
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sslive  # noqa: E402


def syn_port_8080(pkt):
    d = pkt["data"]
    if len(d) < 34 or d[12:14] != b"\x08\x00" or d[23] != 6:
        return False
    ihl = (d[14] & 0x0f) * 4
    tcp = d[14 + ihl:]
    sport, dport = int.from_bytes(tcp[0:2], "big"), int.from_bytes(tcp[2:4], "big")
    return 8080 in (sport, dport) and (tcp[13] & 0x02) != 0


def pair_by_data(ours, theirs):
    """Pairs each packet of ours with the next unused packet of theirs carrying the same bytes."""
    pending = {}
    for p in theirs:
        pending.setdefault(p["data"], []).append(p)
    pairs = []
    for p in ours:
        same = pending.get(p["data"])
        if same:
            pairs.append((p, same.pop(0)))
    return pairs


def main():
    sslive.require_root()
    tap = sslive.Tap()
    with sslive.NetPair() as net:
        net.http_server()
        out = os.path.join(net.tmp, "helper.pcap")       # pcapng whatever the extension
        syn = os.path.join(net.tmp, "syn.pcapng")
        ref = os.path.join(net.tmp, "dumpcap.pcapng")
        old_umask = os.umask(0)
        helper, status = net.helper("-i", net.va, "-w", out)
        fhelper, fstatus = net.helper("-i", net.va, "-w", syn,
                                      "--filter", "tcp port 8080 and tcp[tcpflags] & tcp-syn != 0")
        os.umask(old_umask)
        tap.ok(status.wait_for("R") is not None, "helper reports READY")
        tap.ok(fstatus.wait_for("R") is not None, "filtered helper reports READY")
        short = os.path.join(net.tmp, "short.pcapng")
        shelper, sstatus = net.helper("-i", net.va, "-w", short, "--snaplen", "96", "--count",
                                      "20")
        tap.ok(sstatus.wait_for("R") is not None, "snaplen helper reports READY")
        tap.ok(sslive.capabilities(helper.pid) == (0, 0),
               "capabilities dropped once capturing", sslive.capabilities(helper.pid))
        # --stop-fd: the GUI stops a helper it cannot signal (pkexec) by closing its stdin.
        stop_out = os.path.join(net.tmp, "stopfd.pcapng")
        stopper, stop_status = net.helper("-i", net.va, "-w", stop_out, "--stop-fd", "0",
                                          stdin=sslive.subprocess.PIPE)
        tap.ok(stop_status.wait_for("R") is not None, "helper with --stop-fd 0 reports READY")
        dump = net.dumpcap(net.va, ref)

        before = net.counters(net.ns_a, net.va)
        net.curl(times=5)
        time.sleep(0.3)   # the last FIN/ACKs and ICMP replies
        after = net.counters(net.ns_a, net.va)
        time.sleep(0.5)   # dumpcap does not drain the kernel's buffer when interrupted

        try:
            src = shelper.wait(10)
        except sslive.subprocess.TimeoutExpired:
            src = None
        serr = shelper.stderr.read().decode()
        sstatus.read_all()
        stopper.stdin.close()
        try:
            stop_rc = stopper.wait(10)
        except sslive.subprocess.TimeoutExpired:
            stop_rc = None
        stop_msgs = stop_status.read_all()
        rc = net.stop(helper)
        frc = net.stop(fhelper)
        net.stop(dump, sslive.signal.SIGINT)
        msgs = status.read_all()
        fstatus.read_all()
        tap.ok(rc == 0, "helper exits 0 on SIGTERM", "rc=%s %s" % (rc, helper.stderr.read()))
        tap.ok(frc == 0, "filtered helper exits 0 on SIGTERM")
        tap.ok(msgs and msgs[-1] == ("D", "exit=0"), "last status message is DONE exit=0", msgs)

        mode = stat.S_IMODE(os.stat(out).st_mode)
        tap.ok(mode == 0o600, "output file is 0600 under umask 000", oct(mode))
        with open(out, "rb") as f:
            tap.ok(f.read(4) == b"\x0a\x0d\x0d\x0a", "a .pcap name still gets pcapng")

        ours = sslive.read_capture(out)
        theirs = sslive.read_capture(ref)
        kernel = after - before
        tap.ok(kernel > 40, "traffic flowed (%d packets counted by the kernel)" % kernel)
        tap.ok(len(ours) == kernel, "helper count %d == kernel count %d" % (len(ours), kernel))
        tap.ok(len(ours) == len(theirs), "helper count %d == dumpcap count %d"
               % (len(ours), len(theirs)))
        # Two packet sockets on one veth can be handed a request and its reply in different
        # orders (egress and ingress run on different CPUs), so the captures are compared as
        # multisets, and each of our packets is paired with dumpcap's copy of the same bytes.
        tap.ok(sorted(p["data"] for p in ours) == sorted(p["data"] for p in theirs),
               "payload bytes identical to dumpcap's (as a multiset)")
        tap.ok(all(p["len"] == p["caplen"] for p in ours), "no packet cut at the default snaplen")
        pairs = pair_by_data(ours, theirs)
        tap.ok(len(pairs) == len(ours) and
               all(abs(a["ts_ns"] - b["ts_ns"]) < 1000000 for a, b in pairs),
               # Packet sockets stamp egress packets each with their own clock reading.
               "timestamps agree with dumpcap's (within 1 ms)",
               [(a["ts_ns"], b["ts_ns"]) for a, b in pairs][:3])
        stats = status.last_stats()
        tap.ok(stats.get("packets") == str(len(ours)) and stats.get("kernel_drops") == "0",
               "final STATS: packets=%s kernel_drops=%s" % (stats.get("packets"),
                                                            stats.get("kernel_drops")), stats)
        n, err = sslive.tshark_count(out)
        tap.ok(n == len(ours), "tshark reads the file (%d packets)" % n, err)

        stopped = sslive.read_capture(stop_out)
        tap.ok(stop_rc == 0 and stop_msgs and stop_msgs[-1] == ("D", "exit=0")
               and len(stopped) == len(ours),
               "closing --stop-fd ends the capture cleanly with every packet (%d)" % len(stopped),
               (stop_rc, stop_msgs[-1:] if stop_msgs else None))
        cut = sslive.read_capture(short)
        tap.ok(src == 0 and len(cut) == 20, "--count 20 stops by itself after 20 packets",
               "rc=%s n=%d" % (src, len(cut)))
        tap.ok("HTTP bodies" in serr and "TLS certificates" in serr and "reassembled" in serr,
               "a short snaplen warns about what it hides", serr)
        tap.ok(all(p["caplen"] == min(96, p["len"]) for p in cut)
               and any(p["len"] > 96 for p in cut), "packets are cut at 96 bytes, lengths kept")
        whole = [p["data"] for p in theirs]
        tap.ok(all(any(d.startswith(c["data"]) for d in whole) for c in cut),
               "every cut packet is the start of a packet dumpcap saw")
        filtered = sslive.read_capture(syn)
        expected = [p["data"] for p in theirs if syn_port_8080(p)]
        tap.ok(len(expected) == 10, "5 connections make 10 SYN/SYN-ACK packets", len(expected))
        tap.ok(sorted(p["data"] for p in filtered) == sorted(expected),
               "capture filter keeps exactly the SYN packets (%d)" % len(filtered))
    tap.done()


main()
