#!/usr/bin/env python3
# /helper/ebpf: capture with --ebpf (TC clsact ingress and egress) while curl, moved into a
# cgroup of the test's own, fetches from python's http.server. The client's packets must carry
# curl's pid and name and the cgroup's id; the packet count must equal the kernel's counters
# and dumpcap's capture, with identical bytes; --ebpf-filter keeps only the client's packets.

import json
import os
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sslive  # noqa: E402
from sslive import cgroup2_root, comment, metadata, tcp_ports  # noqa: E402


CGROUP_ROOT = cgroup2_root()


def tcp_payload_len(d):
    ihl = (d[14] & 0x0f) * 4
    total = struct.unpack(">H", d[16:18])[0]
    doff = (d[14 + ihl + 12] >> 4) * 4
    return total - ihl - doff


def main():
    sslive.require_root()
    if not os.path.isdir(CGROUP_ROOT):
        sslive.skip_all("no cgroup v2 hierarchy at " + CGROUP_ROOT)
    r = subprocess.run([sslive.HELPER, "--ebpf", "-i", "ss-none0", "-w", "-"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if "built without eBPF" in r.stderr:
        sslive.skip_all("the helper was built without eBPF")
    tap = sslive.Tap()
    cg = os.path.join(CGROUP_ROOT, "ss-helper-test-%d" % os.getpid())
    os.mkdir(cg)
    try:
        with sslive.NetPair() as net:
            cgid = os.stat(cg).st_ino
            server = net.http_server()
            out = os.path.join(net.tmp, "ebpf.pcapng")
            ref = os.path.join(net.tmp, "dumpcap.pcapng")
            helper, status = net.helper("--ebpf", "-i", net.va, "-w", out, nsenter=True)
            ready = status.wait_for("R") is not None
            if not tap.ok(ready, "eBPF helper reports READY",
                          None if ready else helper.stderr.read()):
                tap.done()
            tap.ok(sslive.capabilities(helper.pid) == (1 << 12, 1 << 12),
                   "only CAP_NET_ADMIN kept (to detach from TC at the end)",
                   sslive.capabilities(helper.pid))
            kept = os.path.join(net.tmp, "filtered.pcapng")
            fhelper, fstatus = net.helper("--ebpf", "-i", net.va, "-w", kept, "--ebpf-filter",
                                          "ebpf.cgroup.id == %d" % cgid, nsenter=True)
            tap.ok(fstatus.wait_for("R") is not None, "helper with --ebpf-filter reports READY")
            # The server's side: its sockets come from accept(), not connect().
            srv_out = os.path.join(net.tmp, "server.pcapng")
            shelper, sstatus = net.helper("--ebpf", "-i", net.vb, "-w", srv_out, ns=net.ns_b,
                                          nsenter=True)
            tap.ok(sstatus.wait_for("R") is not None, "server-side helper reports READY")
            dump = net.dumpcap(net.va, ref)

            before = net.counters(net.ns_a, net.va)
            curl = subprocess.Popen(
                ["sh", "-c", 'echo $$ > "$1/cgroup.procs" && exec ip netns exec "$2" curl -s '
                 '-o /dev/null --max-time 5 "$3"', "sh", cg, net.ns_a,
                 "http://%s:8080/blob.bin" % sslive.ADDR_B])
            curl.wait(10)
            net.curl(times=2)             # other connections, from outside the cgroup
            time.sleep(0.3)
            after = net.counters(net.ns_a, net.va)
            time.sleep(0.5)
            frc = net.stop(fhelper)
            fstatus.read_all()
            rc = net.stop(helper)
            src = net.stop(shelper)
            sstatus.read_all()
            net.stop(dump, sslive.signal.SIGINT)
            status.read_all()
            tap.ok(rc == 0, "eBPF helper exits 0 on SIGTERM", helper.stderr.read())

            ours = sslive.read_capture(out)
            theirs = sslive.read_capture(ref)
            kernel = after - before
            tap.ok(len(ours) == kernel, "eBPF count %d == kernel count %d" % (len(ours), kernel))
            a = sorted(p["data"] for p in ours)
            b = sorted(p["data"] for p in theirs)
            diff = [(x.hex(), y.hex()) for x, y in zip(a, b) if x != y][:2]
            tap.ok(a == b, "the same %d packets as dumpcap, byte for byte" % len(theirs), diff)
            stats = status.last_stats()
            tap.ok(stats.get("ring_drops") == "0", "no ring-buffer drops", stats)

            # The client's connection: the one whose SYN carries curl's pid.
            client = [p for p in ours if metadata(p).get("process.pid") == str(curl.pid)]
            tap.ok(len(client) > 10, "%d packets carry curl's pid %d" % (len(client), curl.pid))
            ports = {tcp_ports(p["data"]) for p in client}
            lport = next((sp for sp, dp in ports if dp == 8080), None)
            conn = [p for p in ours if tcp_ports(p["data"]) in ((lport, 8080), (8080, lport))]
            tap.ok(conn and all(metadata(p).get("process.pid") == str(curl.pid) for p in conn),
                   "every packet of the client's connection (%d, both directions) has its pid"
                   % len(conn))
            tap.ok(all(metadata(p).get("process.name") == "curl" for p in conn),
                   "process.name is curl")
            tap.ok(all(metadata(p).get("cgroup.id") == str(cgid) for p in conn),
                   "cgroup.id is the test cgroup's (%d)" % cgid,
                   {metadata(p).get("cgroup.id") for p in conn})
            tap.ok(all(metadata(p).get("socket.cookie") for p in conn), "socket cookies present")
            dirs = {metadata(p).get("direction") for p in conn}
            tap.ok(dirs == {"in", "out"}, "both directions are labelled", dirs)
            tap.ok(all(metadata(p).get("interface") == net.va for p in ours), "interface recorded")
            c = comment(conn[0]) if conn else ""
            tap.ok(c.startswith("pid=%d comm=curl cgroup=%d dir=" % (curl.pid, cgid)),
                   "readable comment: %s" % c)
            others = [p for p in ours if tcp_ports(p["data"]) and 8080 in tcp_ports(p["data"])
                      and p not in conn]
            tap.ok(others and all(metadata(p).get("cgroup.id") != str(cgid) for p in others),
                   "other connections are not in the test cgroup")
            filtered = sslive.read_capture(kept)
            tap.ok(frc == 0 and sorted(p["data"] for p in filtered)
                   == sorted(p["data"] for p in conn),
                   "--ebpf-filter on the cgroup keeps exactly the client's %d packets"
                   % len(conn), "%d kept" % len(filtered))
            fstats = fstatus.last_stats()
            tap.ok(int(fstats.get("filtered", "0")) == len(ours) - len(conn),
                   "the kernel counted the %s packets it left out" % fstats.get("filtered"))
            n, err = sslive.tshark_count(out)
            tap.ok(n == len(ours), "tshark reads the eBPF capture", err)

            # Every data segment the server sent was written on an accepted socket: each must
            # name the server process (python3, the pid the test started).
            srv = sslive.read_capture(srv_out)
            sent = [p for p in srv if metadata(p).get("direction") == "out"
                    and tcp_ports(p["data"]) and tcp_ports(p["data"])[0] == 8080
                    and tcp_payload_len(p["data"]) > 0]
            tap.ok(src == 0 and len(sent) > 10, "the server sent %d data segments" % len(sent))
            named = {(metadata(p).get("process.pid"), metadata(p).get("process.name"))
                     for p in sent}
            tap.ok(named == {(str(server.pid), "python3")},
                   "the server's data segments name the server process (pid %d, python3)"
                   % server.pid, (named, shelper.stderr.read()))
            if sslive.STRATOSHARK and os.access(sslive.STRATOSHARK, os.X_OK):
                r = subprocess.run([sslive.STRATOSHARK, "-r", out, "-T", "fields",
                                    "-e", "ebpf.process.pid", "-e", "ebpf.process.name",
                                    "-e", "ebpf.cgroup.id", "-e", "ebpf.direction"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                rows = [line.split("\t") for line in r.stdout.splitlines()]
                want = [[str(curl.pid), "curl", str(cgid), metadata(p)["direction"]]
                        for p in ours if metadata(p).get("process.pid") == str(curl.pid)]
                got = [row for row in rows if row[:1] == [str(curl.pid)]]
                tap.ok(r.returncode == 0 and got == want and len(rows) == len(ours),
                       "the ebpf dissector shows pid, name, cgroup and direction (%d packets)"
                       % len(got), r.stderr + str(got[:3]))

            # Without --interface, --ebpf attaches to every interface that is up (lo and the
            # veth in namespace A), as libpcap's "any".
            anyout = os.path.join(net.tmp, "any.pcapng")
            ahelper, astatus = net.helper("--ebpf", "-w", anyout, nsenter=True)
            tap.ok(astatus.wait_for("R") is not None, "--ebpf without --interface reports READY",
                   None)
            net.curl(times=1)
            time.sleep(0.3)
            arc = net.stop(ahelper)
            astatus.read_all()
            anames = {metadata(p).get("interface") for p in sslive.read_capture(anyout)}
            tap.ok(arc == 0 and net.va in anames,
                   "--ebpf without --interface captures on %s" % net.va, (arc, anames))

            # A helper killed with SIGKILL cannot detach anything: its TC programs must go away
            # with it (TCX links are the process's own), or they would keep copying packets.
            before_ids = tc_program_ids()
            khelper, kstatus = net.helper("--ebpf", "-i", net.va, "-w", os.path.join(
                net.tmp, "killed.pcapng"), nsenter=True)
            tap.ok(kstatus.wait_for("R") is not None, "helper to be killed reports READY")
            running = tc_program_ids() - before_ids
            khelper.kill()
            khelper.wait()
            left = running
            deadline = time.time() + 5
            while left and time.time() < deadline:
                time.sleep(0.1)
                left = running & tc_program_ids()
            tap.ok(len(running) == 2 and not left,
                   "its 2 TC programs are gone after SIGKILL", (running, left))
    finally:
        os.rmdir(cg)
    tap.done()


def tc_program_ids():
    """Ids of the loaded BPF programs named like the helper's TC programs (bpftool's JSON)."""
    r = subprocess.run(["bpftool", "-j", "prog", "show"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, check=True)
    return {p["id"] for p in json.loads(r.stdout)
            if p.get("name") in ("ss_tc_ingress", "ss_tc_egress")}


main()
