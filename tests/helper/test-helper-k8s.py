#!/usr/bin/env python3
# /helper/k8s: Kubernetes labels and --ebpf-filter in the display-filter language.
#
# A real cluster is not available here. This test builds what a node's kubelet leaves on disk,
# and checks everything up to that layout: real cgroup v2 directories named as the kubelet names
# them (systemd driver with containerd and CRI-O scopes, cgroupfs driver) under a cgroup of the
# test's own, and a /var/log-style tree (pods/<namespace>_<pod>_<uid>/<container>/0.log and the
# containers/<pod>_<namespace>_<container>-<id>.log symlinks). Real curl processes, moved into
# those cgroups, fetch from python's http.server in another network namespace while helpers
# capture with SS_CGROUP_ROOT and SS_K8S_LOG_ROOT pointing at the fake layout and NODE_NAME set
# as the DaemonSet's downward API sets it. The truth is which cgroup each curl ran in: every
# packet of its connection must carry that pod's labels, each --ebpf-filter must keep exactly
# the connections it names, and the STATS message must count the rest as filtered. Last, a pod
# whose log files appear while its one connection runs: the connection's later packets must gain
# the labels (and pass a filter on them) although the flow never changes.

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sslive  # noqa: E402
from sslive import cgroup2_root, metadata, tcp_ports  # noqa: E402

NODE = "worker-3"


# The pods: (key, cgroup path under the test's cgroup, namespace, pod, container, uid, id).
UID_A = "3f9c2b1e-7a4d-4c5e-9b8f-1a2b3c4d5e6f"
UID_B = "8d2e4f60-1b3c-4d5e-8f90-a1b2c3d4e5f6"
UID_C = "c0ffee00-1234-4abc-8def-0123456789ab"
ID_A = "a1" * 32
ID_B = "b2" * 32
ID_C = "c3" * 32
PODS = [
    ("A", "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod%s.slice/"
          "cri-containerd-%s.scope" % (UID_A.replace("-", "_"), ID_A),
     "ingress-nginx", "nginx-ingress-controller-5d8f7c9b4-x2k8p", "controller", UID_A, ID_A),
    ("B", "kubepods/besteffort/pod%s/%s" % (UID_B, ID_B),
     "production", "postgres-0", "postgres", UID_B, ID_B),
    ("C", "kubepods.slice/kubepods-pod%s.slice/crio-%s.scope" % (UID_C.replace("-", "_"), ID_C),
     "production", "backend-api-abc123", "api", UID_C, ID_C),
    ("D", "system.slice/not-a-pod.service", None, None, None, None, None),
]


def build_logs(root):
    """The kubelet's log layout, plus a decoy pod of the same name in another namespace."""
    for key, _, ns, pod, container, uid, cid in PODS:
        if ns is None:
            continue
        d = os.path.join(root, "pods", "%s_%s_%s" % (ns, pod, uid), container)
        os.makedirs(d)
        with open(os.path.join(d, "0.log"), "w") as f:
            f.write("2026-01-01T00:00:00Z stdout F started\n")
        os.makedirs(os.path.join(root, "containers"), exist_ok=True)
        os.symlink(os.path.join("..", "pods", "%s_%s_%s" % (ns, pod, uid), container, "0.log"),
                   os.path.join(root, "containers", "%s_%s_%s-%s.log" % (pod, ns, container, cid)))
    decoy = os.path.join(root, "pods", "staging_postgres-0_11111111-2222-4333-8444-555555555555",
                         "postgres")
    os.makedirs(decoy)
    os.symlink(os.path.join(decoy, "0.log"), os.path.join(
        root, "containers", "postgres-0_staging_postgres-%s.log" % ("d4" * 32)))


def main():
    sslive.require_root()
    cg_root = cgroup2_root()
    if not os.path.isdir(cg_root):
        sslive.skip_all("no cgroup v2 hierarchy at " + cg_root)
    r = subprocess.run([sslive.HELPER, "--ebpf", "-i", "ss-none0", "-w", "-"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if "built without eBPF" in r.stderr:
        sslive.skip_all("the helper was built without eBPF")
    tap = sslive.Tap()
    top = os.path.join(cg_root, "ss-helper-k8s-%d" % os.getpid())
    made = []
    try:
        os.mkdir(top)
        made.append(top)
        cgids = {}
        for key, path, *_ in PODS:
            d = top
            for part in path.split("/"):
                d = os.path.join(d, part)
                if not os.path.isdir(d):
                    os.mkdir(d)
                    made.append(d)
            cgids[key] = os.stat(d).st_ino
        with sslive.NetPair() as net:
            logs = os.path.join(net.tmp, "log")
            build_logs(logs)
            os.environ["SS_CGROUP_ROOT"] = top
            os.environ["SS_K8S_LOG_ROOT"] = logs
            os.environ["NODE_NAME"] = NODE
            net.http_server()
            filters = {
                # As the users' guide writes them: no "ebpf." prefix, no quotes, no --ebpf.
                "ingress": ("k8s.pod contains nginx-ingress", {"A"}),
                "production": ("k8s.namespace == production", {"B", "C"}),
                "postgres": ('ebpf.k8s.pod == "postgres-0"', {"B"}),
                "mixed": ('(k8s.container matches "^API$" or !k8s.pod) and process.name == curl',
                          {"C", "D"}),
                "pushdown": ("process.name == curl && ebpf.cgroup.id in {%d %d}"
                             % (cgids["A"], cgids["B"]), {"A", "B"}),
                "node": ('k8s.node == "%s" && not k8s.container in {postgres controller}' % NODE,
                         {"C"}),
            }
            full = os.path.join(net.tmp, "all.pcapng")
            helper, status = net.helper("--ebpf", "-i", net.va, "-w", full, nsenter=True)
            ok = status.wait_for("R") is not None
            if not tap.ok(ok, "eBPF helper reports READY", None if ok else helper.stderr.read()):
                tap.done()
            running = {}
            for name, (expr, _) in filters.items():
                out = os.path.join(net.tmp, name + ".pcapng")
                p, st = net.helper("-i", net.va, "-w", out, "--ebpf-filter", expr, nsenter=True)
                ok = st.wait_for("R") is not None
                tap.ok(ok, "helper with --ebpf-filter '%s' reports READY" % expr,
                       None if ok else p.stderr.read())
                running[name] = (p, st, out)

            curls = {}
            for key, path, *_ in PODS:
                cg = os.path.join(top, path)
                c = subprocess.Popen(
                    ["sh", "-c", 'echo $$ > "$1/cgroup.procs" && exec ip netns exec "$2" curl -s '
                     '-o /dev/null --max-time 5 "$3"', "sh", cg, net.ns_a,
                     "http://%s:8080/blob.bin" % sslive.ADDR_B])
                c.wait(10)
                curls[key] = c.pid
            time.sleep(0.5)
            denied = deny_map_ids()
            tap.ok({cgids[k] for k in "ABCD"} <= denied,
                   "each pod's cgroup, rejected by some filter on its labels alone, is in that "
                   "helper's kernel deny map", (cgids, denied))
            results = {}
            for name, (p, st, out) in running.items():
                rc = net.stop(p)
                st.read_all()
                results[name] = (rc, st.last_stats(), sslive.read_capture(out), p.stderr.read())
            rc = net.stop(helper)
            status.read_all()
            tap.ok(rc == 0, "eBPF helper exits 0", helper.stderr.read())

            ours = sslive.read_capture(full)
            conns = {}
            for key, path, ns, pod, container, uid, cid in PODS:
                mine = [p for p in ours if metadata(p).get("process.pid") == str(curls[key])]
                lport = next((sp for sp, dp in {tcp_ports(p["data"]) for p in mine}
                              if dp == 8080), None)
                conn = [p for p in ours
                        if tcp_ports(p["data"]) in ((lport, 8080), (8080, lport))]
                conns[key] = conn
                tap.ok(len(conn) > 10 and all(metadata(p).get("cgroup.id") == str(cgids[key])
                                              for p in conn),
                       "pod %s: %d packets of curl's connection carry its cgroup id %d"
                       % (key, len(conn), cgids[key]))
                want = {"k8s.pod": pod, "k8s.namespace": ns, "k8s.container": container,
                        "k8s.node": NODE if pod else None}
                got = {tuple((k, metadata(p).get(k)) for k in sorted(want)) for p in conn}
                tap.ok(got == {tuple(sorted(want.items()))},
                       "pod %s (%s): every packet, both directions, has pod=%s namespace=%s "
                       "container=%s" % (key, path.split("/")[-1], pod, ns, container), got)
            tap.ok(sum(len(c) for c in conns.values()) == len(ours),
                   "the %d packets are the four connections' own" % len(ours))

            # The readable comment, as tshark (an independent reader) shows it.
            r = subprocess.run(["tshark", "-r", full, "-T", "fields", "-e", "frame.comment"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            comments = r.stdout.splitlines()
            a_idx = ours.index(conns["A"][0])
            tap.ok(len(comments) == len(ours) and comments[a_idx].endswith(
                " k8s.pod=%s k8s.namespace=%s k8s.container=%s k8s.node=%s"
                % (PODS[0][3], PODS[0][2], PODS[0][4], NODE)),
                "tshark shows the pod's labels in the packet comment",
                comments[a_idx] if a_idx < len(comments) else r.stderr)

            # The ebpf dissector reads the same labels back.
            if sslive.STRATOSHARK and os.access(sslive.STRATOSHARK, os.X_OK):
                r = subprocess.run([sslive.STRATOSHARK, "-r", full, "-T", "fields",
                                    "-e", "ebpf.k8s.pod", "-e", "ebpf.k8s.namespace",
                                    "-e", "ebpf.k8s.container", "-e", "ebpf.k8s.node"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                rows = [line.split("\t") for line in r.stdout.splitlines()]
                want = []
                for p in ours:
                    key = next(k for k, c in conns.items() if any(p is q for q in c))
                    _, _, ns, pod, container, _, _ = next(x for x in PODS if x[0] == key)
                    want.append([pod or "", ns or "", container or "", NODE if pod else ""])
                tap.ok(r.returncode == 0 and rows == want,
                       "stratoshark -T fields -e ebpf.k8s.* reads the labels of all %d packets"
                       % len(want), r.stderr + str([x for x in zip(rows, want)
                                                    if x[0] != x[1]][:3]))

            for name, (expr, keys) in filters.items():
                frc, fstats, kept, ferr = results[name]
                expect = sorted(p["data"] for k in keys for p in conns[k])
                tap.ok(frc == 0 and sorted(p["data"] for p in kept) == expect,
                       "--ebpf-filter '%s' keeps exactly pods %s (%d packets)"
                       % (expr, "+".join(sorted(keys)), len(expect)),
                       "rc=%s kept %d %s" % (frc, len(kept), ferr))
                tap.ok(int(fstats.get("filtered", "-1")) == len(ours) - len(kept),
                       "  and counts the other %d as filtered in STATS" % (len(ours) - len(kept)),
                       fstats)
                if sslive.STRATOSHARK and os.access(sslive.STRATOSHARK, os.X_OK):
                    # The same expression, with ebpf. prefixes and quotes, through the core's
                    # display-filter engine on the unfiltered file.
                    r = subprocess.run([sslive.STRATOSHARK, "-r", full, "-Y",
                                        DFILTER[name] % cgids if name == "pushdown"
                                        else DFILTER[name], "-T", "fields",
                                        "-e", "frame.number"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    tap.ok(r.returncode == 0 and len(r.stdout.split()) == len(kept),
                           "  stratoshark -Y on the full capture agrees (%d)" % len(kept),
                           r.stderr or r.stdout.split())

            late_pod_phase(tap, net, top, made, logs)
    finally:
        for d in reversed(made):
            try:
                os.rmdir(d)
            except OSError as e:
                print("# could not remove %s: %s" % (d, e))
    tap.done()


def deny_map_ids():
    """The cgroup ids in every loaded map named cgroup_deny (bpftool's JSON)."""
    import json
    r = subprocess.run(["bpftool", "-j", "map", "show"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, check=True)
    ids = set()
    for m in json.loads(r.stdout):
        if m.get("name") != "cgroup_deny":
            continue
        d = subprocess.run(["bpftool", "-j", "map", "dump", "id", str(m["id"])],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for e in json.loads(d.stdout or "[]"):
            key = e.get("key")
            if isinstance(key, list):
                key = int.from_bytes(bytes(int(b, 16) for b in key), "little")
            ids.add(int(key))
    return ids


UID_E = "e5e5e5e5-0000-4111-8222-333333333333"
ID_E = "e5" * 32


def late_pod_phase(tap, net, top, made, logs):
    """A pod whose log files appear while its one connection is already running (the kubelet
    writes them around the container's start): the connection's later packets must gain the
    labels, and a filter on the pod must keep them, although the flow never changes."""
    path = ("kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod%s.slice/"
            "cri-containerd-%s.scope" % (UID_E.replace("-", "_"), ID_E))
    d = top
    for part in path.split("/"):
        d = os.path.join(d, part)
        if not os.path.isdir(d):
            os.mkdir(d)
            made.append(d)
    full = os.path.join(net.tmp, "late-all.pcapng")
    kept_path = os.path.join(net.tmp, "late-kept.pcapng")
    helper, status = net.helper("--ebpf", "-i", net.va, "-w", full, nsenter=True)
    fhelper, fstatus = net.helper("-i", net.va, "-w", kept_path, "--ebpf-filter",
                                  "k8s.pod == late-pod-0", nsenter=True)
    ok = status.wait_for("R") is not None and fstatus.wait_for("R") is not None
    tap.ok(ok, "late pod: helpers report READY")
    # A client whose request takes 2 s to complete: the log files appear after 1 s.
    client = ("import socket, sys, time\n"
              "s = socket.create_connection((sys.argv[1], 8080))\n"
              "s.sendall(b'GET /blob.bin HTTP/1.0\\r\\n')\n"
              "time.sleep(2)\n"
              "s.sendall(b'\\r\\n')\n"
              "while s.recv(65536):\n"
              "    pass\n")
    proc = subprocess.Popen(
        ["sh", "-c", 'echo $$ > "$1/cgroup.procs" && exec ip netns exec "$2" python3 -c "$3" '
         '"$4"', "sh", d, net.ns_a, client, sslive.ADDR_B])
    time.sleep(1.0)
    pod_dir = os.path.join(logs, "pods", "default_late-pod-0_%s" % UID_E, "app")
    os.makedirs(pod_dir)
    os.symlink(os.path.join(pod_dir, "0.log"), os.path.join(
        logs, "containers", "late-pod-0_default_app-%s.log" % ID_E))
    proc.wait(15)
    time.sleep(0.5)
    frc = net.stop(fhelper)
    fstatus.read_all()
    net.stop(helper)
    status.read_all()
    ours = sslive.read_capture(full)
    conn = [p for p in ours if metadata(p).get("process.pid") == str(proc.pid)]
    labelled = [p for p in conn if metadata(p).get("k8s.pod")]
    if os.environ.get("SS_TEST_DEBUG"):
        for p in conn:
            print("# %.3f %s" % ((p["ts_ns"] - conn[0]["ts_ns"]) / 1e9, metadata(p)))
    tap.ok(len(conn) > 10 and conn[-1] in labelled and all(
        (metadata(p).get("k8s.pod"), metadata(p).get("k8s.namespace"),
         metadata(p).get("k8s.container")) == ("late-pod-0", "default", "app")
        for p in labelled),
        "late pod: the connection's packets gain pod=late-pod-0 namespace=default container=app "
        "once the log files exist (%d of %d, the last included)" % (len(labelled), len(conn)))
    kept = sslive.read_capture(kept_path)
    tap.ok(frc == 0 and len(kept) > 0 and sorted(p["data"] for p in kept)
           == sorted(p["data"] for p in labelled),
           "late pod: --ebpf-filter k8s.pod == late-pod-0 keeps exactly the %d labelled packets"
           % len(labelled), "kept %d" % len(kept))


DFILTER = {
    "ingress": 'ebpf.k8s.pod contains "nginx-ingress"',
    "production": 'ebpf.k8s.namespace == "production"',
    "postgres": 'ebpf.k8s.pod == "postgres-0"',
    "mixed": '(ebpf.k8s.container matches "^API$" or !ebpf.k8s.pod) and '
             'ebpf.process.name == "curl"',
    "pushdown": 'ebpf.process.name == "curl" && ebpf.cgroup.id in {%(A)d %(B)d}',
    "node": 'ebpf.k8s.node == "%s" && not ebpf.k8s.container in {"postgres" "controller"}'
            % NODE,
}

main()
