#!/usr/bin/env python3
# /helper/k8s-manifest: the DaemonSet in data/k8s gives the helper what its Kubernetes labels
# are read from (src/helper/ss-helper-k8s.c): the host's cgroup v2 hierarchy and the host's
# /var/log, both read-only, at the paths SS_CGROUP_ROOT and SS_K8S_LOG_ROOT name, and NODE_NAME
# from the downward API. No cluster is available here; this checks the manifest's structure.

import os
import sys

import yaml

TOP = sys.argv[1]


def main():
    n = 0
    failed = 0

    def ok(cond, name):
        nonlocal n, failed
        n += 1
        print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
        failed += not cond

    with open(os.path.join(TOP, "data", "k8s", "stratoshark-daemonset.yaml")) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    ds = next((d for d in docs if d.get("kind") == "DaemonSet"), None)
    ok(ds is not None and ds["apiVersion"] == "apps/v1", "a DaemonSet (apps/v1)")
    spec = ds["spec"]["template"]["spec"]
    ok(ds["spec"]["selector"]["matchLabels"].items()
       <= ds["spec"]["template"]["metadata"]["labels"].items(), "its selector matches its pods")
    ok(spec.get("hostNetwork") is True, "hostNetwork: the node's interfaces")
    c = spec["containers"][0]
    env = {e["name"]: e for e in c.get("env", [])}
    ok(env.get("NODE_NAME", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
       == "spec.nodeName", "NODE_NAME comes from spec.nodeName")
    volumes = {v["name"]: v for v in spec["volumes"]}
    mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
    for var, host in (("SS_CGROUP_ROOT", "/sys/fs/cgroup"), ("SS_K8S_LOG_ROOT", "/var/log")):
        path = env.get(var, {}).get("value")
        m = mounts.get(path)
        v = volumes.get(m["name"]) if m else None
        ok(v is not None and v.get("hostPath", {}).get("path") == host
           and m.get("readOnly") is True,
           "%s=%s is the host's %s, mounted read-only" % (var, path, host))
    caps = set(c["securityContext"]["capabilities"]["add"])
    ok({"NET_ADMIN", "NET_RAW", "BPF", "PERFMON"} <= caps,
       "the helper's capabilities are granted")
    print("1..%d" % n)
    sys.exit(1 if failed else 0)


main()
