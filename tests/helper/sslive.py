# sslive.py: shared pieces of the live-capture tests of stratoshark-capture
#
# Each test builds its own pair of network namespaces joined by a veth pair (unique names per
# run), runs real programs there on the namespaces' private addresses (10.202.0.1 and .2), and
# removes everything it made on every path. Only processes the test started are ever killed.
# Tests print TAP and exit 77 (skipped) when they cannot run (not root, no `ip`).

import gzip
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

HELPER = os.environ.get("SS_CAPTURE_HELPER", "")
STRATOSHARK = os.environ.get("STRATOSHARK", "")
ADDR_A = "10.202.0.1"
ADDR_B = "10.202.0.2"


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, diag=None):
        self.n += 1
        print(("ok %d - %s" if cond else "not ok %d - %s") % (self.n, name), flush=True)
        if not cond:
            self.failed += 1
            if diag:
                for line in str(diag).splitlines()[:40]:
                    print("# " + line, flush=True)
        return cond

    def done(self):
        print("1..%d" % self.n, flush=True)
        sys.exit(1 if self.failed else 0)


def skip_all(reason):
    print("1..0 # SKIP " + reason, flush=True)
    sys.exit(77)


def require_root():
    if os.geteuid() != 0:
        skip_all("live capture tests need root (network namespaces)")
    if shutil.which("ip") is None:
        skip_all("iproute2 is not installed")
    if not HELPER or not os.access(HELPER, os.X_OK):
        skip_all("SS_CAPTURE_HELPER is not set")


def run(*args, check=True, **kw):
    return subprocess.run(list(args), check=check, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, **kw)


class NetPair:
    """Two namespaces A and B joined by veth pair (va in A, vb in B)."""

    def __init__(self):
        tag = "%d%s" % (os.getpid(), os.urandom(2).hex())
        self.ns_a = "ssha" + tag
        self.ns_b = "sshb" + tag
        self.va = "va" + tag[-8:]
        self.vb = "vb" + tag[-8:]
        self.procs = []
        self.tmp = tempfile.mkdtemp(prefix="ss-helper-test-")

    def __enter__(self):
        try:
            self._setup()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def _setup(self):
        run("ip", "netns", "add", self.ns_a)
        run("ip", "netns", "add", self.ns_b)
        run("ip", "link", "add", self.va, "netns", self.ns_a, "type", "veth",
            "peer", "name", self.vb, "netns", self.ns_b)
        for ns, dev, addr, peer_dev, peer_ns in ((self.ns_a, self.va, ADDR_A, self.vb, self.ns_b),
                                                  (self.ns_b, self.vb, ADDR_B, self.va, self.ns_a)):
            # No IPv6 (no router solicitations) and no ARP (static neighbours): the only packets
            # on the wire are the test's own.
            self.ns(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1")
            self.ns(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1")
            self.ns(ns, "ip", "link", "set", "lo", "up")
            self.ns(ns, "ip", "addr", "add", addr + "/24", "dev", dev)
            self.ns(ns, "ip", "link", "set", dev, "arp", "off")
            if shutil.which("ethtool"):
                self.ns(ns, "ethtool", "-K", dev, "tso", "off", "gso", "off", "gro", "off",
                        "tx", "off", "rx", "off", check=False)
        for ns, dev in ((self.ns_a, self.va), (self.ns_b, self.vb)):
            self.ns(ns, "ip", "link", "set", dev, "up")
        mac_a = self.ns(self.ns_a, "cat", "/sys/class/net/%s/address" % self.va).stdout.strip()
        mac_b = self.ns(self.ns_b, "cat", "/sys/class/net/%s/address" % self.vb).stdout.strip()
        self.ns(self.ns_a, "ip", "neigh", "replace", ADDR_B, "lladdr", mac_b, "dev", self.va,
                "nud", "permanent")
        self.ns(self.ns_b, "ip", "neigh", "replace", ADDR_A, "lladdr", mac_a, "dev", self.vb,
                "nud", "permanent")
        time.sleep(0.2)

    def ns(self, ns, *args, check=True):
        return run("ip", "netns", "exec", ns, *args, check=check)

    def spawn(self, ns, *args, **kw):
        kw.setdefault("stdout", subprocess.DEVNULL)
        kw.setdefault("stderr", subprocess.PIPE)
        p = subprocess.Popen(["ip", "netns", "exec", ns] + list(args), **kw)
        self.procs.append(p)
        return p

    def counters(self, ns, dev):
        r = self.ns(ns, "cat", "/sys/class/net/%s/statistics/rx_packets" % dev,
                    "/sys/class/net/%s/statistics/tx_packets" % dev)
        rx, tx = r.stdout.split()
        return int(rx) + int(tx)

    def stop(self, p, sig=signal.SIGTERM, timeout=10):
        if p.poll() is None:
            p.send_signal(sig)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        return p.returncode

    def close(self):
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    pass
        for ns in (self.ns_a, self.ns_b):
            run("ip", "netns", "del", ns, check=False)
        shutil.rmtree(self.tmp, ignore_errors=True)

    # Programs ---------------------------------------------------------------------------------

    def http_server(self, port=8080, body_size=50000):
        root = os.path.join(self.tmp, "www")
        os.makedirs(root, exist_ok=True)
        with open(os.path.join(root, "blob.bin"), "wb") as f:
            f.write(os.urandom(body_size))
        p = self.spawn(self.ns_b, "python3", "-m", "http.server", str(port), "--bind", ADDR_B,
                       "--directory", root, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline:
            r = self.ns(self.ns_b, "ss", "-Hltn", "sport = :%d" % port, check=False)
            if r.stdout.strip():
                return p
            time.sleep(0.05)
        raise RuntimeError("http.server did not start")

    def curl(self, port=8080, times=1):
        for _ in range(times):
            self.ns(self.ns_a, "curl", "-s", "-o", "/dev/null", "--max-time", "5",
                    "http://%s:%d/blob.bin" % (ADDR_B, port))

    def helper(self, *args, ns=None, status=True, nsenter=False, stdin=None):
        """Starts the helper in namespace A; returns (process, status reader). With nsenter
        only the network namespace changes (ip netns exec remounts /sys, which hides the
        cgroup v2 hierarchy the eBPF path attaches to)."""
        rfd = wfd = None
        extra = []
        if status:
            rfd, wfd = os.pipe()
            extra = ["--status-fd", str(wfd)]
        if nsenter:
            p = subprocess.Popen(["nsenter", "--net=/run/netns/" + (ns or self.ns_a), HELPER,
                                  *args, *extra], pass_fds=(wfd,) if status else (),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.procs.append(p)
        else:
            p = self.spawn(ns or self.ns_a, HELPER, *args, *extra,
                           pass_fds=(wfd,) if status else (), stdin=stdin)
        st = None
        if status:
            os.close(wfd)
            st = StatusReader(rfd)
        return p, st

    def dumpcap(self, dev, out, *extra):
        p = self.spawn(self.ns_a, "dumpcap", "-q", "-i", dev, "-w", out, *extra)
        deadline = time.time() + 10
        while time.time() < deadline:
            if os.path.exists(out) and os.path.getsize(out) > 0:
                time.sleep(0.3)   # dumpcap writes its header before it is fully ready
                return p
            time.sleep(0.05)
        raise RuntimeError("dumpcap did not start: " + p.stderr.read().decode()
                           if p.poll() is not None else "dumpcap did not start")


class StatusReader:
    """Reads the helper's status messages (format in src/helper/ss-helper-proto.h)."""

    MAX_LEN = 4096

    def __init__(self, fd):
        self.f = os.fdopen(fd, "rb")
        self.messages = []

    def read_one(self):
        hdr = self.f.read(4)
        if len(hdr) < 4:
            return None
        length = (hdr[1] << 16) | (hdr[2] << 8) | hdr[3]
        if length > self.MAX_LEN:
            raise ValueError("status message too long: %d" % length)
        payload = self.f.read(length).decode()
        msg = (chr(hdr[0]), payload)
        self.messages.append(msg)
        return msg

    def wait_for(self, kind):
        while True:
            m = self.read_one()
            if m is None:
                return None
            if m[0] == kind:
                return m

    def read_all(self):
        while self.read_one() is not None:
            pass
        self.f.close()
        return self.messages

    def last_stats(self):
        stats = [m for m in self.messages if m[0] == "S"]
        if not stats:
            return {}
        return dict(kv.split("=", 1) for kv in stats[-1][1].split())


# Capture files ---------------------------------------------------------------------------------

def read_capture(path):
    """Returns a list of dicts (iface, ts, caplen, len, data, options) from pcap or pcapng."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:4] == b"\x0a\x0d\x0d\x0a":
        return _read_pcapng(raw)
    return _read_pcap(raw)


def _read_pcap(raw):
    magic = struct.unpack("<I", raw[:4])[0]
    e = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    pkts, off = [], 24
    while off + 16 <= len(raw):
        sec, frac, caplen, length = struct.unpack(e + "IIII", raw[off:off + 16])
        pkts.append({"iface": 0, "caplen": caplen, "len": length,
                     "data": raw[off + 16:off + 16 + caplen], "options": []})
        off += 16 + caplen
    return pkts


def _read_options(body, e):
    opts, off = [], 0
    while off + 4 <= len(body):
        code, length = struct.unpack(e + "HH", body[off:off + 4])
        if code == 0:
            break
        opts.append((code, body[off + 4:off + 4 + length]))
        off += 4 + ((length + 3) & ~3)
    return opts


def _read_pcapng(raw):
    pkts, off, e = [], 0, "<"
    ifaces = []
    while off + 12 <= len(raw):
        btype = struct.unpack(e + "I", raw[off:off + 4])[0]
        if btype == 0x0A0D0D0A:
            e = "<" if raw[off + 8:off + 12] == b"\x4d\x3c\x2b\x1a" else ">"
        blen = struct.unpack(e + "I", raw[off + 4:off + 8])[0]
        if blen < 12 or off + blen > len(raw):
            raise ValueError("truncated pcapng block at %d" % off)
        body = raw[off + 8:off + blen - 4]
        if btype == 1:
            opts = _read_options(body[8:], e)
            resol = 6
            for code, value in opts:
                if code == 9 and value:
                    resol = value[0]
            # ns per unit: if_tsresol is a power of 10 (high bit clear) or of 2.
            ifaces.append(10 ** (9 - resol) if resol < 0x80 and resol <= 9 else
                          1e9 / (2 ** (resol & 0x7f)))
        elif btype == 6:
            ifid, tsh, tsl, caplen, length = struct.unpack(e + "IIIII", body[:20])
            data = body[20:20 + caplen]
            opts = _read_options(body[20 + ((caplen + 3) & ~3):], e)
            pkts.append({"iface": ifid, "caplen": caplen, "len": length, "data": data,
                         "options": opts,
                         "ts_ns": int(((tsh << 32) | tsl) * (ifaces[ifid] if ifid < len(ifaces)
                                                              else 1000))})
        off += blen
    return pkts


def capabilities(pid):
    """(CapPrm, CapEff) of a running process, as integers."""
    caps = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(("CapPrm:", "CapEff:")):
                k, v = line.split(":")
                caps[k] = int(v, 16)
    return caps.get("CapPrm"), caps.get("CapEff")


def tshark_counts(paths):
    """tshark's packet count for each file (-1 when it fails), run in parallel."""
    procs = [subprocess.Popen(["tshark", "-r", p, "-T", "fields", "-e", "frame.number"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for p in paths]
    counts = []
    for pr in procs:
        out, err = pr.communicate()
        counts.append((len(out.split()) if pr.returncode == 0 else -1, err))
    return counts


def tshark_count(path):
    r = run("tshark", "-r", path, "-T", "fields", "-e", "frame.number", check=False)
    if r.returncode != 0:
        return -1, r.stderr
    return len(r.stdout.split()), r.stderr


# eBPF captures --------------------------------------------------------------------------------

PEN = 32473   # the private enterprise number of the helper's custom options


def cgroup2_root():
    """Where cgroup v2 is mounted (/sys/fs/cgroup/unified on hybrid systems)."""
    with open("/proc/self/mounts") as f:
        for line in f:
            fields = line.split()
            if len(fields) > 2 and fields[2] == "cgroup2":
                return fields[1]
    return "/sys/fs/cgroup/unified"


def metadata(pkt):
    meta = {}
    for code, value in pkt["options"]:
        if code == 2988 and len(value) >= 4 and struct.unpack("<I", value[:4])[0] == PEN:
            k, _, v = value[4:].decode().partition("=")
            meta[k] = v
    return meta


def comment(pkt):
    for code, value in pkt["options"]:
        if code == 1:
            return value.decode()
    return ""


def tcp_ports(d):
    if len(d) < 38 or d[12:14] != b"\x08\x00" or d[23] != 6:
        return None
    ihl = (d[14] & 0x0f) * 4
    return struct.unpack(">HH", d[14 + ihl:14 + ihl + 4])

