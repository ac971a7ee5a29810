#!/usr/bin/env python3
# /helper/errors: argument validation, contradictory options, the missing-capability message,
# `stratoshark capture` dispatch, and a full disk (a 64 KiB tmpfs mounted in a mount namespace
# of the test's own) that is reported while what was written stays readable.

import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sslive  # noqa: E402

BAD = [
    (["--count", "0", "-w", "x"], "--count"),
    (["--count", "12abc", "-w", "x"], "--count"),
    (["--duration", "5x", "-w", "x"], "--duration"),
    (["--duration", "0s", "-w", "x"], "--duration"),
    (["--snaplen", "8", "-w", "x"], "--snaplen"),
    (["--rotate-size", "1", "-w", "x"], "--rotate-size"),
    (["--rotate-files", "3", "-w", "x"], "--rotate-files needs"),
    (["--rotate-time", "1h", "-w", "-"], "standard output cannot rotate"),
    (["--format", "pcap", "-i", "lo", "-i", "eth0", "-w", "x"], "one interface"),
    (["--format", "xml", "-w", "x"], "--format"),
    (["--compress", "zip", "-w", "x"], "gzip"),
    (["--ebpf", "--format", "pcap", "-i", "lo", "-w", "x"], "pcapng"),
    (["--ebpf", "--filter", "tcp", "-i", "lo", "-w", "x"], "--ebpf-filter"),
    (["-i", "lo", "-i", "lo", "-w", "x"], "twice"),
    (["-i", "../etc", "-w", "x"], "not an interface"),
    (["--status-fd", "1", "-w", "x"], "--status-fd"),
    (["--status-fd", "999", "-w", "x"], "--status-fd"),
    (["-w", "x", "tcp", "port", "80"], "unexpected argument"),
    (["--bogus"], "bogus"),
    # --ebpf-filter errors say what is wrong and at which column.
    (["-i", "lo", "-w", "x", "--ebpf-filter", "k8s.pdo == x"],
     "unknown field “k8s.pdo” (the fields are"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "k8s.pdo == x"], "at column 1 of"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", 'k8s.pod == "abc'],
     "unterminated string at column 12"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "process.pid == curl"],
     "expected a whole number at column 16"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", 'process.name matches "(("'],
     "bad regular expression"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "(k8s.pod == a || k8s.pod == b"],
     "unclosed “(” at column 1"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "k8s.pod == a b"], "at column 14"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "k8s.pod contains"], "expected a value"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "k8s.pod > 3"], "numeric fields"),
    (["-i", "lo", "-w", "x", "--ebpf-filter", "process.name contains 1 ||"], "unexpected end"),
    (["--ebpf", "-i", "lo", "-w", "x", "--ebpf-filter", "ebpf.process.pid in {9..1}"],
     "range must go up at column 25"),
]


def main():
    tap = sslive.Tap()
    helper = sslive.HELPER
    if not helper or not os.access(helper, os.X_OK):
        sslive.skip_all("SS_CAPTURE_HELPER is not set")
    for args, needle in BAD:
        r = subprocess.run([helper] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        tap.ok(r.returncode == 2 and needle in r.stderr,
               "refused with a reason: %s" % " ".join(args), r.stderr)
    if sslive.STRATOSHARK and os.access(sslive.STRATOSHARK, os.X_OK):
        r = subprocess.run([sslive.STRATOSHARK, "capture", "--count", "0"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        tap.ok(r.returncode == 2 and "stratoshark-capture: --count" in r.stderr,
               "`stratoshark capture` runs the helper with the remaining arguments", r.stderr)

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        tap.done()
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", helper,
                        "-i", "lo", "-w", "/dev/null"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tap.ok(r.returncode == 3 and "CAP_NET_RAW" in r.stderr and "setcap" in r.stderr
           and "pkexec" in r.stderr, "without privileges: names the capability and how to grant it",
           r.stderr)

    with sslive.NetPair() as net:
        mnt = os.path.join(net.tmp, "small")
        os.mkdir(mnt)
        copy = os.path.join(net.tmp, "copy.pcapng")
        script = ('mount -t tmpfs -o size=64k tmpfs "$1" && "$2" -i "$3" -w "$1/cap.pcapng"; '
                  'rc=$?; cp "$1/cap.pcapng" "$4"; exit $rc')
        p = net.spawn(net.ns_a, "unshare", "-m", "--propagation", "private", "sh", "-c", script,
                      "sh", mnt, helper, net.va, copy)
        sender = ("import socket,os,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                  "end=time.time()+8\n"
                  "while time.time()<end:\n s.sendto(os.urandom(900),('%s',9)); time.sleep(0.0005)\n"
                  % sslive.ADDR_B)
        time.sleep(0.5)
        s = net.spawn(net.ns_a, "python3", "-c", sender)
        try:
            rc = p.wait(10)
        except subprocess.TimeoutExpired:
            rc = None
        net.stop(s)
        err = p.stderr.read().decode() if p.stderr else ""
        tap.ok(rc == 5, "a full disk ends the capture with exit code 5", "rc=%s %s" % (rc, err))
        tap.ok("disk is full" in err and "kept and readable" in err,
               "the full disk is reported clearly", err)
        n, terr = sslive.tshark_count(copy)
        ours = sslive.read_capture(copy) if os.path.exists(copy) else []
        tap.ok(n > 10 and n == len(ours), "what was written stays readable (%d packets)" % n, terr)
        said = re.search(r"the (\d+) packets written", err)
        tap.ok(said is not None and int(said.group(1)) == n,
               "the message gives the number of packets the file holds", err)
    tap.done()


main()
