#!/usr/bin/env python3
# The GUI's live capture (test-gui-live.c) in network namespaces made here.
#
# Two namespaces joined by a veth pair (tests/helper/sslive.py); python3 -m http.server in B
# serves a 2 MB file (five fetches: about 7,000 packets, enough to go through many reads).
# The GUI test itself runs inside namespace A under Xvfb (run-under-xvfb.sh), so the window, the
# helper it starts and curl all see A's veth and nothing of the machine's own interfaces: the
# capture only ever sees the test's traffic. Prints the test's TAP; 77 when not root.
#
# usage: test-gui-live.py RUN_UNDER_XVFB TEST_PROGRAM
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "helper"))
import sslive  # noqa: E402


def main():
    run_under_xvfb, program = sys.argv[1], sys.argv[2]
    sslive.require_root()
    if not os.environ.get("TSHARK"):
        sslive.skip_all("tshark is not installed")
    with sslive.NetPair() as net:
        net.http_server(port=8080, body_size=2000000)
        env = dict(os.environ)
        env["SS_LIVE_IFACE"] = net.va
        env["SS_LIVE_URL"] = "http://%s:8080/blob.bin" % sslive.ADDR_B
        env["STRATOSHARK_CAPTURE_HELPER"] = sslive.HELPER
        r = subprocess.run(["ip", "netns", "exec", net.ns_a, run_under_xvfb, program, "--tap"],
                           env=env, timeout=600)
        return r.returncode


if __name__ == "__main__":
    sys.exit(main())
