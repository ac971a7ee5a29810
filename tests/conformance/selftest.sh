#!/bin/bash
# Proves that compare-fields.py and bad-input.py can fail: each check runs a harness with a small
# stand-in for stratoshark (a wrapper around tshark that is right, corrupts one value, crashes,
# hangs, refuses a field, accepts broken files, or eats memory) and checks the verdict.
#
# usage: selftest.sh [--python PY] [--tshark TSHARK] [CAPTURE]
# Without CAPTURE, a small synthetic pcap is written (Ethernet/IPv4 TCP handshake and a DNS query
# and answer over UDP).  Exit 0 when every check passes, 1 otherwise, 77 without tshark.
set -u

here=$(cd "$(dirname "$0")" && pwd)
PY=python3
TSHARK=tshark
while [ $# -gt 0 ]; do
  case "$1" in
    --python) PY=$2; shift 2 ;;
    --tshark) TSHARK=$2; shift 2 ;;
    *) break ;;
  esac
done
if ! TSHARK=$(command -v "$TSHARK"); then
  echo "SKIP: tshark is not installed"
  echo "selftest: 0 passed, 0 failed"
  exit 77
fi
export TSHARK

work=$(mktemp -d "${TMPDIR:-/tmp}/stratoshark-selftest.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ $# -gt 0 ] && [ -f "$1" ]; then
  cp "$1" "$work/selftest.pcap"
else
  "$PY" - "$work/selftest.pcap" <<'EOF'
import struct, sys

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ipv4(src, dst, proto, payload, ident, ttl=64):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, 0x4000, ttl, proto, 0,
                    bytes(src), bytes(dst))
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + payload

def eth(payload, a=b'\x02\0\0\0\0\x01', b=b'\x02\0\0\0\0\x02'):
    return b + a + b'\x08\x00' + payload

def tcp(sport, dport, seq, ack, flags, data=b'', opts=b''):
    return struct.pack('!HHIIBBHHH', sport, dport, seq, ack, (5 + len(opts) // 4) << 4, flags,
                       64240, 0, 0) + opts + data

def udp(sport, dport, data):
    return struct.pack('!HHHH', sport, dport, 8 + len(data), 0) + data

C, S = [10, 0, 0, 1], [10, 0, 0, 2]
name = b'\x07example\x03com\x00'
query = struct.pack('!HHHHHH', 0x1234, 0x0100, 1, 0, 0, 0) + name + struct.pack('!HH', 1, 1)
answer = (struct.pack('!HHHHHH', 0x1234, 0x8180, 1, 1, 0, 0) + name + struct.pack('!HH', 1, 1)
          + b'\xc0\x0c' + struct.pack('!HHIH', 1, 1, 300, 4) + bytes([93, 184, 216, 34]))
mss = b'\x02\x04\x05\xb4\x04\x02\x01\x01'
frames = [
    eth(ipv4(C, S, 6, tcp(40000, 80, 1000, 0, 0x02, opts=mss), 1)),
    eth(ipv4(S, C, 6, tcp(80, 40000, 5000, 1001, 0x12, opts=mss), 2), b'\x02\0\0\0\0\x02',
        b'\x02\0\0\0\0\x01'),
    eth(ipv4(C, S, 6, tcp(40000, 80, 1001, 5001, 0x10), 3)),
    eth(ipv4(C, S, 17, udp(53000, 53, query), 4)),
    eth(ipv4(S, C, 17, udp(53, 53000, answer), 5), b'\x02\0\0\0\0\x02', b'\x02\0\0\0\0\x01'),
]
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + i, 250000 * i, len(fr), len(fr)) + fr)
EOF
fi
cap="$work/selftest.pcap"

# ---- stand-ins for stratoshark -----------------------------------------------------------------
mk() { cat > "$work/$1"; chmod +x "$work/$1"; }
mk same <<'EOF'
#!/bin/sh
exec "$TSHARK" "$@"
EOF
# Changes ip.ttl of the second output line (frame 2): exactly one wrong value.
mk corrupt <<'EOF'
#!/usr/bin/env python3
import os, subprocess, sys
args = sys.argv[1:]
fields = [args[i + 1] for i, a in enumerate(args) if a == '-e']
p = subprocess.run([os.environ['TSHARK']] + args, stdout=subprocess.PIPE)
lines = p.stdout.split(b'\n')
if 'ip.ttl' in fields and len(lines) > 1:
    cols = lines[1].split(b'\t')
    k = fields.index('ip.ttl')
    cols[k] = str(int(cols[k]) + 1).encode()
    lines[1] = b'\t'.join(cols)
sys.stdout.buffer.write(b'\n'.join(lines))
sys.exit(p.returncode)
EOF
mk crash <<'EOF'
#!/bin/sh
kill -SEGV $$
EOF
mk hang <<'EOF'
#!/bin/sh
exec sleep 600
EOF
# Refuses ip.ttl the way tshark refuses an unknown field.
mk refuse <<'EOF'
#!/bin/sh
for a in "$@"; do
  if [ "$a" = ip.ttl ]; then
    printf "stratoshark: Some fields aren't valid:\n\tip.ttl\n" >&2
    exit 1
  fi
done
exec "$TSHARK" "$@"
EOF
# Reads every file "fine": exit 0 even where tshark fails.
mk lenient <<'EOF'
#!/bin/sh
"$TSHARK" "$@" >/dev/null 2>&1
exit 0
EOF
# Believes the 4 GiB caplen: touches 300 MB before giving up.
mk greedy <<'EOF'
#!/usr/bin/env python3
import os, sys
if any('caplen-4GiB' in a for a in sys.argv):
    buf = b'\x01' * (300 << 20)
    sys.stderr.write('stratoshark: out of luck after %d bytes\n' % len(buf))
    sys.exit(2)
os.execvp(os.environ['TSHARK'], [os.environ['TSHARK']] + sys.argv[1:])
EOF
mk counting-tshark <<'EOF'
#!/bin/sh
[ "$1" = --version ] || echo run >> "$(dirname "$0")/tshark-runs"
exec "$TSHARK" "$@"
EOF

# ---- checks ------------------------------------------------------------------------------------
n=0; failed=0
check() {  # check DESCRIPTION SHELL-CONDITION (evaluated now)
  n=$((n + 1))
  if eval "$2"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failed=$((failed + 1))
    [ -f "$work/last.log" ] && sed 's/^/#   /' "$work/last.log" | tail -40
  fi
}
cf() {  # cf STANDIN [extra args]: sets rc, writes last.log and last.report
  local standin=$1; shift
  "$PY" "$here/compare-fields.py" --stratoshark "$work/$standin" --tshark "$work/counting-tshark" \
    --cache-dir "$work/cache" --report "$work/last.report" "$@" "$cap" > "$work/last.log" 2>&1
  rc=$?
}
bi() {  # bi STANDIN [extra args]: sets rc, writes last.log
  local standin=$1; shift
  "$PY" "$here/bad-input.py" --stratoshark "$work/$standin" --tshark "$TSHARK" \
    --cache-dir "$work/cache" "$@" "$cap" > "$work/last.log" 2>&1
  rc=$?
}
closing() { grep -E '^conformance: [0-9]+ passed, [0-9]+ failed$' "$work/last.log" | tail -1; }
disagreements() { grep -E "^[^ #][^:]*:[^:]+:[^:]+: tshark='" "$work/last.report" || true; }
log_has() { grep -qE "$1" "$work/last.log"; }
log_count() { grep -cE "$1" "$work/last.log"; }

cf same --min-agreement 100
total=$(closing | sed -E 's/^conformance: ([0-9]+) passed.*/\1/')
check "tshark against itself: exit 0" '[ "$rc" = 0 ]'
check "tshark against itself: 100%, no disagreement ($total values)" \
  '[ "$(closing)" = "conformance: $total passed, 0 failed" ] && [ "$total" -gt 20 ]'
check "tshark ran once for one file" '[ "$(wc -l < "$work/tshark-runs")" = 1 ]'

cf same --min-agreement 100
check "second run takes tshark's output from the cache" \
  '[ "$rc" = 0 ] && [ "$(wc -l < "$work/tshark-runs")" = 1 ]'

cf corrupt --min-agreement 100
check "one corrupted value: exit 1" '[ "$rc" = 1 ]'
check "one corrupted value: closing line counts exactly one failure" \
  '[ "$(closing)" = "conformance: $((total - 1)) passed, 1 failed" ]'
check "one corrupted value: the report lists exactly that value" \
  '[ "$(disagreements)" = "$cap:2:ip.ttl: tshark='"'64' ours='65'"'" ]'
check "one corrupted value: printed on stdout too" \
  'grep -qxF "  $cap:2:ip.ttl: tshark='"'64' ours='65'"'" "$work/last.log"'

cf corrupt --min-agreement 90
check "one corrupted value under a 90% threshold: exit 0" '[ "$rc" = 0 ]'

cf crash --min-agreement 0
check "crashing stand-in: exit 1 even with a 0% threshold" '[ "$rc" = 1 ]'
check "crashing stand-in: reported as SIGSEGV" 'log_has "crashed \(SIGSEGV\)"'

cf hang --min-agreement 0 --timeout 3
check "hanging stand-in: exit 1 after the watchdog" '[ "$rc" = 1 ]'
check "hanging stand-in: reported as hung" 'log_has "hung \(killed by the watchdog"'

cf refuse --min-agreement 0
ttl_values=$("$TSHARK" -n -r "$cap" -T fields -e ip.ttl 2>/dev/null | grep -c .)
check "refused field: noted, and its $ttl_values values compared as empty" \
  'log_has "refuses field\(s\) ip.ttl" &&
   [ "$(disagreements | grep -cE ":ip.ttl: tshark='"'[0-9]+' ours=''"'$")" = "$ttl_values" ] &&
   [ "$(disagreements | wc -l)" = "$ttl_values" ]'

bi same
check "bad-input, tshark against itself: exit 0, all pass" \
  '[ "$rc" = 0 ] && log_has "^bad-input: 11 passed, 0 failed$"'
bi lenient
check "bad-input, exit 0 on broken files: the 8 broken synthetic files fail" \
  '[ "$rc" = 1 ] && [ "$(log_count "^FAIL synthetic/.*exit 0 but tshark exits 2")" = 8 ]'
bi greedy
check "bad-input, 300 MB on the 4 GiB caplen file: RSS failure" \
  '[ "$rc" = 1 ] && log_has "^FAIL synthetic/pcap-caplen-4GiB.pcap: peak RSS" &&
   log_has "^bad-input: 10 passed, 1 failed$"'
bi crash --no-synthetic
check "bad-input, crashing stand-in: exit 1" \
  '[ "$rc" = 1 ] && log_has "^bad-input: 0 passed, 1 failed$"'
bi hang --no-synthetic --timeout 3
check "bad-input, hanging stand-in: exit 1" '[ "$rc" = 1 ] && log_has "hung"'

echo "selftest: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
