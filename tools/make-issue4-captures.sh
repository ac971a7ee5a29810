#!/usr/bin/env bash
# make-issue4-captures.sh - record the real-traffic captures of issue 4 into tests/captures/.
#
# Real Debian servers and clients talk across veth pairs between network namespaces that this
# script creates and deletes itself; dumpcap records on the client's interface:
#
#   pgsql-slow-and-deadlock.pcapng   psql and a small wire-protocol client (python3, standard
#                                    library) -> PostgreSQL 15: SSLRequest refused, SCRAM and
#                                    MD5 logins, a fast query, a slow one (pg_sleep(1.9)), an
#                                    error, a statement timeout, two transactions that deadlock
#                                    (40P01), a NOTICE, a result spanning many segments,
#                                    Parse/Bind/Describe/Execute/Close/Sync and a CancelRequest.
#   http-slow-503-rst.pcapng         curl and python3 sockets -> nginx (+ a python3 backend
#                                    behind proxy_pass for the slow and the chunked endpoint):
#                                    fast and slow endpoints, a 503, keep-alive, two pipelined
#                                    requests, a large chunked response, a RST from a closed
#                                    port and an abortive close (SO_LINGER 0).
#   tcp-zero-window-retrans.pcapng   python3 sockets through a forwarder of our own (python3,
#                                    AF_PACKET) in a middle namespace that drops every 20th data
#                                    frame of one flow (retransmissions, duplicate ACKs), and a
#                                    receiver with a tiny SO_RCVBUF that stops reading (zero
#                                    window, zero-window probes, window update). Linux probes
#                                    with an empty segment that tshark labels a keep-alive.
#   tls-expired-and-ok.pcapng        curl -> openssl s_server (TLS 1.2, so certificates and alerts
#                                    are readable): a certificate that expired in 2021 (the client
#                                    sends alert certificate_expired, 45), then a valid one with
#                                    DNS and spiffe:// URI subjectAltNames and one HTTPS request.
#
#   client ns (ssk4-c-PID) veth0 10.201.0.1/24 <-> server ns (ssk4-s-PID) veth0 10.201.0.2/24
#   sender ns (ssk4-a-PID) veth0 10.201.1.1/24 <-> middle ns (ssk4-m-PID) mid-a | mid-b
#                                              <-> receiver ns (ssk4-b-PID) veth0 10.201.1.2/24
#
# The kernel of our CI machines has no sch_netem, hence the forwarder for loss. Offloads are
# off on every veth so frames are wire-sized with valid checksums. The namespaces have no route
# out; every address is private and exists only inside them. Only PIDs this script started are
# ever signalled. Each capture is verified with tshark and the script fails loudly when a frame
# it must hold is missing.
#
# Usage: sudo tools/make-issue4-captures.sh [OUTPUT-DIR]   (default: tests/captures)
# Needs root. Takes about 40 s (plus apt-get install on first use).

set -euo pipefail
export LC_ALL=C

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$script_dir")
out_dir=${1:-"$repo_dir/tests/captures"}

t_start=$EPOCHREALTIME
elapsed() { local now=$EPOCHREALTIME; printf '%d.%02d' $(( (${now/./} - ${t_start/./}) / 1000000 )) $(( (${now/./} - ${t_start/./}) / 10000 % 100 )); }
log() { printf '[issue4-captures %5ss] %s\n' "$(elapsed)" "$*" >&2; }
die() { printf '[issue4-captures %5ss] ERROR: %s\n' "$(elapsed)" "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "must run as root (network namespaces, packet capture)"

# ---------------------------------------------------------------- install step
export PATH="$PATH:/usr/sbin:/sbin"
PGBIN=/usr/lib/postgresql/15/bin
PY=/usr/bin/python3   # Debian's, not a python3 that PATH may put first

# ensure CMD=PACKAGE...: apt-get install the packages whose command (or, for an absolute path,
# file) is missing.
ensure() {
    local spec item pkg missing=()
    for spec in "$@"; do
        item=${spec%%=*} pkg=${spec#*=}
        if [[ $item == /* ]]; then [[ -e $item ]] && continue
        else command -v "$item" >/dev/null 2>&1 && continue
        fi
        missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    log "installing: ${missing[*]}"
    # Keep maintainer scripts from starting host services (nginx on port 80, a PostgreSQL
    # cluster); only if no policy is in place already.
    local made_policy=0 rc=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        made_policy=1
    fi
    { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } || rc=$?
    ((made_policy)) && rm -f /usr/sbin/policy-rc.d
    ((rc == 0)) || die "apt-get install ${missing[*]} failed"
}
ensure ip=iproute2 ss=iproute2 ethtool=ethtool nginx=nginx-light openssl=openssl curl=curl \
    dumpcap=wireshark-common tshark=tshark timeout=coreutils setpriv=util-linux \
    /usr/bin/python3=python3 psql=postgresql-client-15 "$PGBIN/postgres=postgresql-15" \
    "$PGBIN/initdb=postgresql-15"
id postgres >/dev/null 2>&1 || die "no postgres user (package postgresql-common)"

# ------------------------------------------------------------ state + cleanup
NSC="ssk4-c-$$"   # client
NSS="ssk4-s-$$"   # server
NSA="ssk4-a-$$"   # sender (zero window, retransmissions)
NSM="ssk4-m-$$"   # middle: the dropping forwarder
NSB="ssk4-b-$$"   # receiver
tmp=$(mktemp -d /tmp/make-issue4.XXXXXX)
chmod 0755 "$tmp"   # nginx and postgres read from here after dropping privileges
pids=()             # every background process this script started
last_pid=""

stop_pid() { # PID SIGNAL: signal one of our processes and wait for it (bounded), then KILL
    local pid=$1 sig=${2:-TERM}
    kill -"$sig" "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
forget_pid() {
    local rest=() p
    for p in "${pids[@]}"; do [[ $p == "$1" ]] || rest+=("$p"); done
    pids=("${rest[@]}")
}

cleanup() {
    local rc=$?
    set +e
    trap - ERR
    for pid in "${pids[@]}"; do
        stop_pid "$pid" TERM
    done
    for ns in "$NSC" "$NSS" "$NSA" "$NSM" "$NSB"; do
        ip netns del "$ns" 2>/dev/null
    done
    rm -rf "$tmp"
    log "cleaned up"
    exit "$rc"
}
trap cleanup EXIT
set -E
trap 'log "FAILED (exit $?) at line $LINENO${FUNCNAME:+ in $FUNCNAME() called from line ${BASH_LINENO[0]}}: $BASH_COMMAND"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

# start_in NS COMM LOG CMD...: start CMD in namespace NS in the background, output to LOG, and
# record its PID. env, ip netns exec and setpriv all exec, so $! is CMD's own PID; COMM is the
# name the process must have (checked, so we never signal anything else). Background jobs of a
# non-interactive shell start with SIGINT ignored: `env --default-signal=INT` undoes that
# (dumpcap stops on SIGINT).
start_in() {
    local ns=$1 want=$2 logf=$3; shift 3
    env --default-signal=INT ip netns exec "$ns" "$@" </dev/null >"$logf" 2>&1 &
    last_pid=$!
    pids+=("$last_pid")
    for _ in $(seq 1 40); do
        [[ $(cat "/proc/$last_pid/comm" 2>/dev/null) == "${want:0:15}" ]] && return 0
        kill -0 "$last_pid" 2>/dev/null || die "$want exited at start: $(cat "$logf")"
        sleep 0.05
    done
    die "PID $last_pid is not $want"
}

wait_for() { # DESCRIPTION TRIES(x0.1s) COMMAND...
    local what=$1 tries=$2; shift 2
    for ((i = 0; i < tries; i++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    die "timed out waiting for $what"
}
listening() { # NS PORT
    [[ -n $(ip netns exec "$1" ss -Hlnt "sport = :$2") ]]
}

# veth_pair NS1 IF1 NS2 IF2: a veth pair made inside NS1 with its peer moved straight to NS2 (no
# interface ever exists on the host), offloads off, IPv6 off (no router solicitations or MLD in
# the captures), up.
veth_pair() {
    local ns1=$1 if1=$2 ns2=$3 if2=$4 ns ifn
    ip -n "$ns1" link add "$if1" type veth peer name "$if2" netns "$ns2"
    for ns in "$ns1" "$ns2"; do
        [[ $ns == "$ns1" ]] && ifn=$if1 || ifn=$if2
        ip netns exec "$ns" sysctl -qw "net.ipv6.conf.$ifn.disable_ipv6=1"
        ip netns exec "$ns" ethtool -K "$ifn" tso off gso off gro off tx off rx off >/dev/null
        ip -n "$ns" link set dev "$ifn" up
    done
}

# capture_start NS IF NAME: dumpcap on NS/IF into $tmp/NAME.
cap_file=""
dumpcap_pid=""
capture_start() {
    local ns=$1 ifn=$2 name=$3
    ip -n "$ns" neigh flush all
    cap_file="$tmp/$name"
    start_in "$ns" dumpcap "$tmp/$name.dumpcap.log" dumpcap -n -i "$ifn" -w "$cap_file" \
        --capture-comment "StratoShark issue 4: $name, real traffic between network namespaces, made by tools/make-issue4-captures.sh"
    dumpcap_pid=$last_pid
    wait_for "dumpcap to start capturing" 100 grep -q "Capturing on" "$tmp/$name.dumpcap.log"
    wait_for "dumpcap to create its file" 50 test -s "$cap_file"
    sleep 0.3
}
capture_stop() {
    local rc=0
    sleep 0.5   # let the last FIN/ACKs cross the wire
    kill -INT "$dumpcap_pid"
    for _ in $(seq 1 50); do
        kill -0 "$dumpcap_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$dumpcap_pid" 2>/dev/null && die "dumpcap did not stop on SIGINT"
    wait "$dumpcap_pid" || rc=$?
    forget_pid "$dumpcap_pid"
    [[ $rc -eq 0 ]] || die "dumpcap exited with status $rc: $(cat "$cap_file.dumpcap.log")"
}

# verify FILE FILTER...: every display filter must match at least one frame; no bad checksum;
# the file stays small. One tshark pass (io,stat columns, so no commas inside a filter).
verify() {
    local f=$1; shift
    local bad='ip.checksum.status == 0 || tcp.checksum.status == 0 || udp.checksum.status == 0'
    local filters=(frame "$bad" "$@") counts k fail=0 size
    mapfile -t counts < <(IFS=,; tshark -r "$f" -q \
        -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE \
        -z "io,stat,0,${filters[*]}" 2>/dev/null |
        awk -F'|' '/<>/ { for (i = 3; i < NF; i += 2) print $i + 0 }')
    ((${#counts[@]} == ${#filters[@]})) ||
        die "$f: could not parse tshark io,stat output (${#counts[@]} of ${#filters[@]} columns)"
    ((counts[1] == 0)) || { log "$f: ${counts[1]} frames with bad checksums"; fail=1; }
    for ((k = 2; k < ${#filters[@]}; k++)); do
        if ((counts[k] > 0)); then
            log "  $(basename "$f"): ${counts[k]} x '${filters[k]}'"
        else
            log "MISSING in $(basename "$f"): no frame matches '${filters[k]}'"
            fail=1
        fi
    done
    size=$(stat -c %s "$f")
    mkdir -p "$out_dir"
    ((size < 300 * 1024)) || { log "$f is $size bytes, over 300 KB"; fail=1; }
    if ((fail)); then
        # ISSUE4_KEEP_FAILED=1 keeps the file (as NAME.failed) to look at it.
        [[ ${ISSUE4_KEEP_FAILED:-0} == 1 ]] && install -m 0644 "$f" "$out_dir/$(basename "$f").failed"
        die "verification of $(basename "$f") failed; not written"
    fi
    mkdir -p "$out_dir"
    install -m 0644 "$f" "$out_dir/$(basename "$f")"
    log "wrote $out_dir/$(basename "$f"): ${counts[0]} frames, $size bytes"
}

# ---------------------------------------------------------------- topology
log "creating namespaces"
for ns in "$NSC" "$NSS" "$NSA" "$NSM" "$NSB"; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
done
veth_pair "$NSC" veth0 "$NSS" veth0
ip -n "$NSC" addr add 10.201.0.1/24 dev veth0
ip -n "$NSS" addr add 10.201.0.2/24 dev veth0
veth_pair "$NSA" veth0 "$NSM" mid-a
veth_pair "$NSB" veth0 "$NSM" mid-b
ip -n "$NSA" addr add 10.201.1.1/24 dev veth0
ip -n "$NSB" addr add 10.201.1.2/24 dev veth0
for ns in "$NSC" "$NSS" "$NSA" "$NSM" "$NSB"; do
    [[ -z $(ip -n "$ns" route show default) ]] || die "unexpected default route in $ns"
done

t() { timeout 20 ip netns exec "$NSC" "$@"; }   # a client call with a timeout

# ====================================================== (a) PostgreSQL
log "(a) PostgreSQL 15"
pgdata="$tmp/pgdata"
mkdir -p "$pgdata" "$tmp/pgsock"
chown postgres:postgres "$pgdata" "$tmp/pgsock"
chmod 0700 "$pgdata"
as_pg() { (cd "$tmp" && setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"); }
as_pg "$PGBIN/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$tmp/initdb.log" 2>&1 || die "initdb failed: $(tail -n 5 "$tmp/initdb.log")"
cat >"$pgdata/pg_hba.conf" <<'EOF'
local all    all                    trust
host  shop   ext    10.201.0.1/32   trust
host  shop   legacy 10.201.0.1/32   md5
host  shop   app    10.201.0.1/32   scram-sha-256
EOF
start_in "$NSS" postgres "$tmp/postgres.log" \
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$PGBIN/postgres" -D "$pgdata" \
    -c listen_addresses=10.201.0.2 -c port=5432 -c unix_socket_directories="$tmp/pgsock" \
    -c ssl=off -c fsync=off -c logging_collector=off -c log_min_messages=warning
pg_pid=$last_pid
wait_for "postgres" 200 listening "$NSS" 5432
pg_local() { psql -X -q -v ON_ERROR_STOP=1 -h "$tmp/pgsock" -U postgres "$@"; }
pg_local -d postgres >/dev/null <<'EOF'
CREATE ROLE app LOGIN PASSWORD 'app-secret';
SET password_encryption = 'md5';
CREATE ROLE legacy LOGIN PASSWORD 'legacy-secret';
CREATE ROLE ext LOGIN;
CREATE DATABASE shop OWNER app;
EOF
pg_local -d shop >/dev/null <<'EOF'
CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(10,2) NOT NULL);
INSERT INTO accounts VALUES (1, 'alice', 100.00), (2, 'bob', 50.00);
CREATE TABLE items (id serial PRIMARY KEY, sku text UNIQUE, name text, price numeric(8,2));
INSERT INTO items (sku, name, price) VALUES ('A-100', 'Widget', 9.99), ('B-200', 'Gadget', 24.50),
    ('C-300', 'Gizmo', NULL);
GRANT ALL ON ALL TABLES IN SCHEMA public TO app, legacy, ext;
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO app, legacy, ext;
EOF

cat >"$tmp/pgwire.py" <<'EOF'
# A tiny PostgreSQL v3 frontend (standard library only): the extended query protocol and a
# CancelRequest, which psql 15 cannot send on demand.
import socket
import struct
import sys
import time

HOST = sys.argv[1]


def cstr(s):
    return s.encode() + b"\0"


def msg(t, body=b""):
    return t + struct.pack("!I", len(body) + 4) + body


class Conn:
    def __init__(self, user, db):
        self.sock = socket.create_connection((HOST, 5432), timeout=10)
        self.buf = b""
        body = struct.pack("!I", 196608)
        for k, v in (("user", user), ("database", db), ("application_name", "pgwire.py")):
            body += cstr(k) + cstr(v)
        body += b"\0"
        self.sock.sendall(struct.pack("!I", len(body) + 4) + body)
        for t, b in self.until_ready():
            if t == b"K":
                self.pid, self.key = struct.unpack("!II", b)

    def read(self, n):
        while len(self.buf) < n:
            d = self.sock.recv(65536)
            if not d:
                raise SystemExit("server closed the connection")
            self.buf += d

    def next_msg(self):
        self.read(5)
        n = struct.unpack("!I", self.buf[1:5])[0]
        self.read(1 + n)
        t, body, self.buf = self.buf[:1], self.buf[5:1 + n], self.buf[1 + n:]
        return t, body

    def until_ready(self):
        out = []
        while True:
            t, b = self.next_msg()
            out.append((t, b))
            if t == b"E" and not hasattr(self, "pid"):
                raise SystemExit("login failed: %r" % b)
            if t == b"Z":
                return out

    def send(self, *msgs):
        self.sock.sendall(b"".join(msgs))


def parse(name, query, oids):
    return msg(b"P", cstr(name) + cstr(query) + struct.pack("!H", len(oids))
               + b"".join(struct.pack("!I", o) for o in oids))


def bind(portal, stmt, formats, values, result_formats):
    body = cstr(portal) + cstr(stmt) + struct.pack("!H", len(formats))
    body += b"".join(struct.pack("!H", f) for f in formats)
    body += struct.pack("!H", len(values))
    for v in values:
        body += struct.pack("!i", -1) if v is None else struct.pack("!I", len(v)) + v
    body += struct.pack("!H", len(result_formats))
    body += b"".join(struct.pack("!H", f) for f in result_formats)
    return msg(b"B", body)


def describe(kind, name):
    return msg(b"D", kind + cstr(name))


def close(kind, name):
    return msg(b"C", kind + cstr(name))


def execute(portal, rows):
    return msg(b"E", cstr(portal) + struct.pack("!I", rows))


SYNC = msg(b"S")

c = Conn("ext", "shop")
# A named statement, described, then bound twice: text parameters (one NULL) and binary ones.
c.send(parse("s1", "SELECT $1::int4 + $2::int4 AS sum, $3::text AS label", [23, 23, 25]),
       describe(b"S", "s1"), SYNC)
c.until_ready()
c.send(bind("", "s1", [0], [b"40", b"2", None], [0]), execute("", 0), SYNC)
c.until_ready()
c.send(bind("p1", "s1", [1, 1, 0], [struct.pack("!i", 40), struct.pack("!i", -2), b"binary"], [1]),
       describe(b"P", "p1"), execute("p1", 0), close(b"P", "p1"), SYNC)
c.until_ready()
# A portal read two rows at a time (PortalSuspended), then the rest.
c.send(parse("", "SELECT sku, name, price FROM items ORDER BY id", []),
       bind("p2", "", [], [], []), execute("p2", 2), execute("p2", 0), SYNC)
c.until_ready()
# An error in the extended protocol: everything up to Sync is skipped.
c.send(parse("", "SELEC 1", []), bind("", "", [], [], []), execute("", 0), SYNC)
c.until_ready()
# A slow statement through Parse/Bind/Execute/Sync.
c.send(parse("", "SELECT pg_sleep(1.2) AS slept", []), bind("", "", [], [], []),
       execute("", 0), SYNC)
c.until_ready()
# A long statement cancelled from a second connection (CancelRequest with the BackendKeyData).
c.send(parse("", "SELECT pg_sleep(5)", []), bind("", "", [], [], []), execute("", 0), SYNC)
time.sleep(0.5)
k = socket.create_connection((HOST, 5432), timeout=10)
k.sendall(struct.pack("!IIII", 16, 80877102, c.pid, c.key))
k.recv(1)
k.close()
c.until_ready()
c.send(close(b"S", "s1"), SYNC)
c.until_ready()
c.send(msg(b"X"))
c.sock.close()
EOF

capture_start "$NSC" veth0 pgsql-slow-and-deadlock.pcapng
export PGCONNECT_TIMEOUT=5
app_conn="host=10.201.0.2 port=5432 dbname=shop user=app password=app-secret application_name=psql-app"
# sslmode=prefer first: the SSLRequest is refused ('N') by a server with ssl=off.
t psql -X -q "$app_conn sslmode=prefer" -c 'SELECT current_user, version() IS NOT NULL AS ok' >/dev/null
# A 5000-byte DataRow and a 3000-byte Query: messages spanning several segments each way.
long_literal=$(printf '0123456789abcdefghijklmnopqrstuvwxyz%.0s' $(seq 1 84))
t psql -X -q -v ON_ERROR_STOP=0 "$app_conn sslmode=disable" >"$tmp/psql-app.out" 2>&1 <<EOF || true
SELECT id, sku, name, price FROM items ORDER BY id;
SELECT pg_sleep(1.9);
SELECT * FROM no_such_table;
SET statement_timeout = 200;
SELECT pg_sleep(1);
RESET statement_timeout;
DO \$\$ BEGIN RAISE NOTICE 'stock check: % items', (SELECT count(*) FROM items); END \$\$;
INSERT INTO items (sku, name, price) VALUES ('A-100', 'Duplicate', 1.00);
SELECT g AS n, md5(g::text) AS hash FROM generate_series(1, 300) AS g;
SELECT repeat('ab', 2500) AS big_value;
SELECT length('$long_literal') AS long_query;
EOF
grep -q 'canceling statement due to statement timeout' "$tmp/psql-app.out" ||
    die "psql: no statement timeout: $(cat "$tmp/psql-app.out")"
# MD5 login.
PGPASSWORD=legacy-secret t psql -X -q "host=10.201.0.2 dbname=shop user=legacy sslmode=disable application_name=psql-legacy" \
    -c 'SELECT owner, balance FROM accounts ORDER BY id' >/dev/null
# Two transactions updating two rows in opposite order: both wait, the deadlock detector
# (deadlock_timeout 1 s) aborts one with 40P01.
deadlock_tx() { # FIRST SECOND
    printf '%s\n' 'BEGIN;' \
        "UPDATE accounts SET balance = balance - 10 WHERE id = $1;" \
        'SELECT pg_sleep(0.6);' \
        "UPDATE accounts SET balance = balance + 10 WHERE id = $2;" \
        'COMMIT;' |
        t psql -X -q -v ON_ERROR_STOP=0 "$app_conn sslmode=disable" >"$tmp/deadlock-$1.out" 2>&1 || true
}
deadlock_tx 1 2 &
tx1=$!
sleep 0.3
deadlock_tx 2 1 &
tx2=$!
wait "$tx1" "$tx2"
grep -q 'deadlock detected' "$tmp"/deadlock-*.out ||
    die "no deadlock: $(cat "$tmp"/deadlock-*.out)"
t "$PY" "$tmp/pgwire.py" 10.201.0.2 || die "pgwire.py failed"
capture_stop
stop_pid "$pg_pid" INT
forget_pid "$pg_pid"
verify "$cap_file" pgsql 'pgsql.code == "40P01"' 'pgsql.code == "57014"' 'pgsql.code == "42P01"' \
    'pgsql.code == "23505"' 'pgsql.query contains "pg_sleep(1.9)"' 'pgsql.type == "Parse"' 'pgsql.type == "Bind"' \
    'pgsql.type == "Execute"' 'pgsql.type == "Sync"' 'pgsql.authtype == 10' 'pgsql.authtype == 5' \
    'pgsql.type == "SSL request"' 'pgsql.type == "Cancel request"' 'pgsql.severity == "NOTICE"' \
    'pgsql.type == "Portal suspended"' 'tcp.reassembled.length' 'pgsql.status == 69' \
    'tcp.segment_data && tcp.port == 5432'

# ====================================================== (b) HTTP
log "(b) HTTP: nginx and a python3 backend"
cat >"$tmp/backend.py" <<'EOF'
# The slow and the chunked endpoint behind nginx (nginx itself cannot sleep).
import http.server
import sys
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(1.5)
            body = b'{"report":"quarterly","rows":42}\n'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/large"):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(40):
                chunk = ("line %04d " % i + "abcdefghijklmnopqrstuvwxyz" * 40 + "\n").encode()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
EOF
start_in "$NSS" python3 "$tmp/backend.out" "$PY" "$tmp/backend.py" 8081
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 64; }
http {
    access_log $tmp/nginx/access.log;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server_tokens off;
    keepalive_timeout 5s;
    server {
        listen 10.201.0.2:80;
        server_name shop.example.test;
        location = / {
            default_type text/html;
            return 200 "<!doctype html>\n<html><head><title>shop</title></head><body><h1>shop.example.test</h1></body></html>\n";
        }
        location = /api/health {
            default_type application/json;
            return 200 '{"status":"ok"}\n';
        }
        location = /api/orders {
            return 503;
        }
        location /slow {
            proxy_pass http://127.0.0.1:8081;
            proxy_http_version 1.1;
        }
        location /large {
            proxy_pass http://127.0.0.1:8081;
            proxy_http_version 1.1;
            proxy_buffering off;
        }
    }
}
EOF
start_in "$NSS" nginx "$tmp/nginx.out" nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" \
    -e "$tmp/nginx/error.log"
wait_for "backend" 100 listening "$NSS" 8081
wait_for "nginx" 100 listening "$NSS" 80

cat >"$tmp/httpraw.py" <<'EOF'
# Two pipelined requests in one segment, then a connection closed with SO_LINGER 0 (RST).
import socket
import struct
import sys
import time

host = sys.argv[1]
s = socket.create_connection((host, 80), timeout=10)
s.sendall(b"GET /api/health HTTP/1.1\r\nHost: shop.example.test\r\nUser-Agent: pipeline/1\r\n\r\n"
          b"GET / HTTP/1.1\r\nHost: shop.example.test\r\nUser-Agent: pipeline/1\r\n"
          b"Connection: close\r\n\r\n")
data = b""
while True:
    d = s.recv(65536)
    if not d:
        break
    data += d
s.close()
assert data.count(b"HTTP/1.1 200") == 2, data

s = socket.create_connection((host, 80), timeout=10)
s.sendall(b"GET /slow/report HTTP/1.1\r\nHost: shop.example.test\r\nUser-Agent: impatient/1\r\n\r\n")
time.sleep(0.3)
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
s.close()
EOF

capture_start "$NSC" veth0 http-slow-503-rst.pcapng
resolve=(--resolve shop.example.test:80:10.201.0.2)
curl_() { t curl -sS --max-time 10 -o /dev/null "$@"; }
curl_ "${resolve[@]}" http://shop.example.test/
curl_ "${resolve[@]}" http://shop.example.test/slow/report
curl_ "${resolve[@]}" http://shop.example.test/api/orders
# keep-alive: three requests on one connection
curl_ "${resolve[@]}" -o /dev/null -o /dev/null http://shop.example.test/api/health \
    http://shop.example.test/api/orders http://shop.example.test/
curl_ "${resolve[@]}" http://shop.example.test/large/export.txt
t "$PY" "$tmp/httpraw.py" 10.201.0.2 || die "httpraw.py failed"
rc=0; curl_ http://10.201.0.2:8080/ 2>/dev/null || rc=$?
[[ $rc -eq 7 ]] || die "expected curl to be refused on a closed port (exit 7), got $rc"
capture_stop
verify "$cap_file" http 'http.response.code == 503' 'http.response.code == 200' \
    'http.transfer_encoding == "chunked"' 'http.request.uri == "/slow/report"' \
    'tcp.flags.reset == 1' 'http.user_agent == "pipeline/1"' 'http.time > 1'

# ====================================================== (c) zero window and retransmissions
log "(c) TCP: zero window and a lossy forwarder"
cat >"$tmp/forwarder.py" <<'EOF'
# An Ethernet forwarder between two interfaces of the middle namespace (the kernel has no
# netem): drops every Nth data frame of TCP towards one port, at most MAX times; exits after
# SECONDS.
import select
import socket
import sys
import time

a_if, b_if, port, every, max_drops, seconds = sys.argv[1:7]
port, every, max_drops = int(port), int(every), int(max_drops)
deadline = time.monotonic() + float(seconds)
socks = {}
for name in (a_if, b_if):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
    s.bind((name, 0))
    socks[name] = s
a, b = socks[a_if], socks[b_if]
peer = {a: b, b: a}
seen = dropped = 0


def tcp_data_to(frame):
    if len(frame) < 34 or frame[12:14] != b"\x08\x00" or frame[23] != 6:
        return False
    ihl = (frame[14] & 15) * 4
    total = frame[16] << 8 | frame[17]
    t = 14 + ihl
    if len(frame) < t + 20:
        return False
    dport = frame[t + 2] << 8 | frame[t + 3]
    doff = (frame[t + 12] >> 4) * 4
    return dport == port and total - ihl - doff > 0


while time.monotonic() < deadline:
    ready, _, _ = select.select([a, b], [], [], 0.2)
    for s in ready:
        frame, addr = s.recvfrom(65535)
        if addr[2] == socket.PACKET_OUTGOING:
            continue
        if s is a and tcp_data_to(frame):
            seen += 1
            if seen % every == 0 and dropped < max_drops:
                dropped += 1
                continue
        peer[s].send(frame)
print("dropped", dropped, "of", seen, flush=True)
EOF
cat >"$tmp/tcpends.py" <<'EOF'
# Receiver (NSB): port 9000 reads everything; port 9001 has a tiny receive buffer and does not
# read for 2.5 s (zero window), then reads slowly. Sender (NSA): bulk data to both.
import socket
import sys
import threading
import time

role, host = sys.argv[1], sys.argv[2]


def sink(srv, stall):
    c, _ = srv.accept()
    if stall:
        time.sleep(2.5)
    while True:
        d = c.recv(2048 if stall else 65536)
        if not d:
            break
        if stall:
            time.sleep(0.02)
    c.close()


if role == "recv":
    threads = []
    for port, stall in ((9000, False), (9001, True)):
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if stall:
            srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
        srv.bind((host, port))
        srv.listen(1)
        th = threading.Thread(target=sink, args=(srv, stall))
        th.start()
        threads.append(th)
    for th in threads:
        th.join()
else:
    port, size = int(sys.argv[3]), int(sys.argv[4])
    s = socket.create_connection((host, port), timeout=20)
    block = bytes(range(256)) * 64
    sent = 0
    while sent < size:
        n = min(len(block), size - sent)
        s.sendall(block[:n])
        sent += n
    s.shutdown(socket.SHUT_WR)
    s.recv(1)
    s.close()
EOF
start_in "$NSM" python3 "$tmp/forwarder.out" "$PY" "$tmp/forwarder.py" mid-a mid-b 9000 20 5 30
fwd_pid=$last_pid
start_in "$NSB" python3 "$tmp/tcpends.out" "$PY" "$tmp/tcpends.py" recv 10.201.1.2
recv_pid=$last_pid
wait_for "receiver" 100 listening "$NSB" 9001
capture_start "$NSA" veth0 tcp-zero-window-retrans.pcapng
timeout 30 ip netns exec "$NSA" "$PY" "$tmp/tcpends.py" send 10.201.1.2 9000 100000 ||
    die "sender to 9000 failed"
timeout 30 ip netns exec "$NSA" "$PY" "$tmp/tcpends.py" send 10.201.1.2 9001 40000 ||
    die "sender to 9001 failed"
capture_stop
for _ in $(seq 1 50); do kill -0 "$recv_pid" 2>/dev/null || break; sleep 0.1; done
stop_pid "$recv_pid" TERM
forget_pid "$recv_pid"
stop_pid "$fwd_pid" TERM
forget_pid "$fwd_pid"
# Linux probes a zero window with a segment of no data at snd_una - 1 (tcp_write_wakeup ->
# tcp_xmit_probe_skb), which tshark calls a keep-alive: its zero_window_probe wants one byte
# of data, as BSD and Windows stacks send.
verify "$cap_file" tcp.analysis.zero_window tcp.analysis.keep_alive \
    tcp.analysis.retransmission tcp.analysis.duplicate_ack tcp.analysis.window_update \
    tcp.analysis.window_full 'tcp.analysis.fast_retransmission || tcp.analysis.retransmission'

# ====================================================== (d) TLS
log "(d) TLS: an expired and a valid certificate"
pki="$tmp/pki"
mkdir -p "$pki/newcerts"
: >"$pki/index.txt"
echo 1000 >"$pki/serial"
cat >"$pki/ca.cnf" <<EOF
[ ca ]
default_ca = issue4
[ issue4 ]
dir = $pki
database = $pki/index.txt
new_certs_dir = $pki/newcerts
serial = $pki/serial
default_md = sha256
policy = anything
copy_extensions = copy
unique_subject = no
[ anything ]
commonName = supplied
organizationName = optional
[ server ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
EOF
ossl() { openssl "$@" >>"$pki/openssl.log" 2>&1 || die "openssl $1 failed: $(tail -n 5 "$pki/openssl.log")"; }
ossl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/O=StratoShark Test/CN=Issue 4 Test CA" \
    -keyout "$pki/ca.key" -out "$pki/ca.pem"
ossl req -new -newkey rsa:2048 -nodes -subj "/O=StratoShark Test/CN=old.example.test" \
    -addext "subjectAltName=DNS:old.example.test" -keyout "$pki/old.key" -out "$pki/old.csr"
# Valid from 2020-01-01 to 2021-01-01: long expired.
ossl ca -batch -config "$pki/ca.cnf" -extensions server -cert "$pki/ca.pem" -keyfile "$pki/ca.key" \
    -startdate 20200101000000Z -enddate 20210101000000Z -in "$pki/old.csr" -out "$pki/old.pem"
ossl req -new -newkey rsa:2048 -nodes -subj "/O=StratoShark Test/CN=api.example.test" \
    -addext "subjectAltName=DNS:api.example.test,URI:spiffe://example.test/ns/shop/sa/api" \
    -keyout "$pki/api.key" -out "$pki/api.csr"
ossl ca -batch -config "$pki/ca.cnf" -extensions server -cert "$pki/ca.pem" -keyfile "$pki/ca.key" \
    -days 825 -in "$pki/api.csr" -out "$pki/api.pem"
start_in "$NSS" openssl "$tmp/s_server-old.out" openssl s_server -accept 10.201.0.2:8443 \
    -cert "$pki/old.pem" -key "$pki/old.key" -tls1_2 -www
start_in "$NSS" openssl "$tmp/s_server-api.out" openssl s_server -accept 10.201.0.2:443 \
    -cert "$pki/api.pem" -key "$pki/api.key" -cert_chain "$pki/ca.pem" -tls1_2 -www
wait_for "s_server (expired)" 100 listening "$NSS" 8443
wait_for "s_server (valid)" 100 listening "$NSS" 443

capture_start "$NSC" veth0 tls-expired-and-ok.pcapng
rc=0
t curl -sS --max-time 10 -o /dev/null --cacert "$pki/ca.pem" --tlsv1.2 --tls-max 1.2 \
    --resolve old.example.test:8443:10.201.0.2 https://old.example.test:8443/ \
    2>"$tmp/curl-old.err" || rc=$?
[[ $rc -eq 60 ]] || die "expected curl to refuse the expired certificate (exit 60), got $rc: $(cat "$tmp/curl-old.err")"
grep -q 'expired' "$tmp/curl-old.err" || die "curl did not report expiry: $(cat "$tmp/curl-old.err")"
t curl -sS --max-time 10 -o /dev/null --cacert "$pki/ca.pem" --tlsv1.2 --tls-max 1.2 \
    --resolve api.example.test:443:10.201.0.2 https://api.example.test/ ||
    die "curl to the valid certificate failed"
capture_stop
verify "$cap_file" 'tls.alert_message.desc == 45' 'tls.handshake.type == 11' \
    'x509ce.uniformResourceIdentifier contains "spiffe://"' 'tls.app_data' \
    'tls.handshake.extensions_server_name == "old.example.test"' \
    'tls.handshake.extensions_server_name == "api.example.test"'

log "done"
