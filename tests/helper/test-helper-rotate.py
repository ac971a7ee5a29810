#!/usr/bin/env python3
# /helper/rotate: rotation under steady UDP traffic. By size with gzip (many files), by time, and
# a ring of 3 files, all captured in parallel with dumpcap. Nothing is lost or duplicated at a
# rotation, every gzip file is read by tshark, the ring keeps exactly 3 files, and SIGTERM in the
# middle of a file leaves a valid last file.

import os
import re
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sslive  # noqa: E402

SENDER = """
import os, socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
n, rate = int(sys.argv[2]), float(sys.argv[3])
start = time.time()
for i in range(n):
    s.sendto(i.to_bytes(4, "big") + os.urandom(196), (sys.argv[1], 9))
    delay = start + (i + 1) / rate - time.time()
    if delay > 0:
        time.sleep(delay)
"""

NAME = re.compile(r"^traffic_\d{4}-\d\d-\d\d_\d\d:\d\d(:\d\d)?(-\d+)?\.pcap\.gz$")


def files_in(d):
    return sorted((os.path.join(d, f) for f in os.listdir(d)), key=os.path.getmtime)


def main():
    sslive.require_root()
    tap = sslive.Tap()
    with sslive.NetPair() as net:
        dirs = {}
        for k in ("size", "time", "ring"):
            dirs[k] = os.path.join(net.tmp, k)
            os.mkdir(dirs[k])
        ref = os.path.join(net.tmp, "dumpcap.pcapng")
        by_size, st_size = net.helper("-i", net.va, "-w", os.path.join(dirs["size"], "traffic.pcap"),
                                      "--rotate-size", "150k", "--compress", "gzip")
        by_time, st_time = net.helper("-i", net.va, "-w", os.path.join(dirs["time"], "traffic.pcap"),
                                      "--rotate-time", "1s", "--compress", "gzip")
        ring, st_ring = net.helper("-i", net.va, "-w", os.path.join(dirs["ring"], "traffic.pcap"),
                                   "--rotate-size", "8k", "--rotate-files", "3", "--compress", "gzip")
        for st in (st_size, st_time, st_ring):
            st.wait_for("R")
        dump = net.dumpcap(net.va, ref)

        before = net.counters(net.ns_a, net.va)
        net.ns(net.ns_a, "python3", "-c", SENDER, sslive.ADDR_B, "2400", "1200")
        time.sleep(0.3)   # the last FIN/ACKs and ICMP replies
        after = net.counters(net.ns_a, net.va)
        time.sleep(0.5)   # dumpcap does not drain the kernel's buffer when interrupted
        for p in (by_size, by_time, ring):
            tap.ok(net.stop(p) == 0, "helper exits 0 on SIGTERM in the middle of a file")
        net.stop(dump, sslive.signal.SIGINT)
        for st in (st_size, st_time, st_ring):
            st.read_all()

        theirs = [p["data"] for p in sslive.read_capture(ref)]
        kernel = after - before
        tap.ok(len(theirs) == kernel and kernel >= 2400,
               "dumpcap saw %d packets, the kernel counted %d" % (len(theirs), kernel))

        for kind in ("size", "time"):
            files = files_in(dirs[kind])
            ours = []
            good_names = all(NAME.match(os.path.basename(f)) for f in files)
            readable = True
            for f, (n, err) in zip(files, sslive.tshark_counts(files)):
                pkts = sslive.read_capture(f)
                if n != len(pkts):
                    readable = False
                    tap.ok(False, "tshark reads %s" % os.path.basename(f), err)
                ours += [p["data"] for p in pkts]
            tap.ok(len(files) >= (4 if kind == "size" else 2),
                   "rotation by %s made %d files" % (kind, len(files)))
            tap.ok(good_names, "files are named base_start-time.pcap.gz",
                   [os.path.basename(f) for f in files])
            tap.ok(readable, "tshark reads every %s-rotated gzip file" % kind)
            tap.ok(len(ours) == kernel, "sum over files %d == total %d" % (len(ours), kernel))
            tap.ok(len(set(ours)) == len(ours), "no packet is duplicated")
            # Two packet sockets may see a request and its reply in either order, so the
            # comparison with dumpcap is by multiset; order within our own files is kept.
            tap.ok(sorted(ours) == sorted(theirs),
                   "files concatenated hold exactly dumpcap's packets")
            tap.ok(all(stat.S_IMODE(os.stat(f).st_mode) == 0o600 for f in files),
                   "every rotated file is 0600")

        files = files_in(dirs["ring"])
        tap.ok(len(files) == 3, "the ring keeps exactly 3 files", files)
        tail = []
        for f in files:
            tail += [p["data"] for p in sslive.read_capture(f)]
        tap.ok(len(tail) > 0 and sorted(tail) == sorted(theirs[-len(tail):]),
               "the ring holds the newest %d packets" % len(tail))
        files_msgs = [m for m in st_ring.messages if m[0] == "F"]
        tap.ok(len(files_msgs) > 3, "the ring reported %d files opened" % len(files_msgs))
    tap.done()


main()
