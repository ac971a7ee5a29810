#!/bin/bash
# Throughput of `stratoshark -T fields` against tshark, measured in the same run.
#
# usage: bench/bench-fields.sh [--stratoshark PATH] [--tshark PATH] [--input CAP]
#                              [--packets N] [--runs N] [--verify] [--] [ARGS...]
#
# Builds a big capture once (make-big-capture.py: INPUT replicated to N packets, default 2,000,000
# packets of data/samples/sample.pcapng) and caches it in $BENCH_CACHE (default bench/.cache).
# Then times
#     stratoshark -n -r BIG ARGS > /dev/null    (best of --runs, default 3)
#     tshark      -n -r BIG ARGS > /dev/null    (once: it is slow)
# with ARGS defaulting to `-T fields -e frame.number -e ip.src -e tcp.srcport`; any ARGS given
# replace them (other field lists, -Y filters, -V ...).  Prints packets/s for each and the ratio
# against the target of 10x.  It reports only: no time limit is asserted anywhere.
# --verify also compares the two outputs (outside the timed runs).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PY=${PYTHON:-python3}
stratoshark=${STRATOSHARK:-}
tshark=${TSHARK:-tshark}
input=$root/data/samples/sample.pcapng
packets=2000000
runs=3
verify=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --stratoshark) stratoshark=$2; shift 2 ;;
    --tshark) tshark=$2; shift 2 ;;
    --input) input=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --verify) verify=1; shift ;;
    -h|--help) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
    --) shift; args+=("$@"); break ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#args[@]} -gt 0 ] || args=(-T fields -e frame.number -e ip.src -e tcp.srcport)

if [ -z "$stratoshark" ]; then
  for b in "$root/build" "$root/_build" "$root/builddir"; do
    if [ -x "$b/src/cli/stratoshark" ]; then stratoshark=$b/src/cli/stratoshark; break; fi
  done
fi
if [ -z "$stratoshark" ] || [ ! -x "$stratoshark" ]; then
  echo "bench-fields: no stratoshark binary (build it, or pass --stratoshark PATH)" >&2
  exit 2
fi
if ! tshark=$(command -v "$tshark"); then
  echo "bench-fields: tshark is not installed; only stratoshark is timed" >&2
  tshark=
fi
if [ ! -f "$input" ]; then
  fallback=$root/../shared/captures/pcapplusplus/PcapExamples/example.pcap
  if [ -f "$fallback" ]; then
    echo "bench-fields: $input does not exist; using $fallback" >&2
    input=$fallback
  else
    echo "bench-fields: input capture $input does not exist (pass --input CAP)" >&2
    exit 2
  fi
fi

# ---- the big capture, built once per (input content, packet count) ------------------------------
cache=${BENCH_CACHE:-$here/.cache}
mkdir -p "$cache"
sum=$(sha256sum "$input" | cut -c1-16)
big=$cache/big-$sum-$packets.pcap
if [ ! -s "$big" ]; then
  "$PY" "$here/make-big-capture.py" --input "$input" --count "$packets" --output "$big" || exit 2
fi
size_mb=$(( $(stat -c %s "$big") / 1000000 ))

# ---- timing ------------------------------------------------------------------------------------
now() { date +%s.%N; }
have_time=0
[ -x /usr/bin/time ] && have_time=1
rss_file=$(mktemp); err_file=$(mktemp); trap 'rm -f "$rss_file" "$err_file"' EXIT
failed_runs=0
# timed PROG: runs PROG -n -r BIG ARGS > /dev/null; sets secs, rc, rss_mb
timed() {
  local t0 t1
  t0=$(now)
  if [ $have_time = 1 ]; then
    /usr/bin/time -o "$rss_file" -f '%M' "$1" -n -r "$big" "${args[@]}" > /dev/null 2>"$err_file"
  else
    "$1" -n -r "$big" "${args[@]}" > /dev/null 2>"$err_file"
  fi
  rc=$?
  if [ "$rc" != 0 ]; then
    failed_runs=$((failed_runs + 1))
    echo "  WARNING: $(basename "$1") exited $rc:" \
      "$(grep -v '^Running as user' "$err_file" | head -2)"
  fi
  t1=$(now)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  rss_mb=$( [ $have_time = 1 ] && awk '/^[0-9]+$/ { printf "%.0f", $1 / 1024 }' "$rss_file" )
}
rate() { awk -v n="$packets" -v s="$1" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

echo "capture: $big ($packets packets, $size_mb MB, from $input)"
echo "command: PROG -n -r BIG ${args[*]} > /dev/null"
best=
for i in $(seq 1 "$runs"); do
  timed "$stratoshark"
  echo "  stratoshark run $i: ${secs} s, exit $rc${rss_mb:+, peak RSS ${rss_mb} MB}"
  if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
    best=$secs
  fi
done
ours_rate=$(rate "$best")
echo "stratoshark: best of $runs ${best} s = $ours_rate packets/s"

if [ -n "$tshark" ]; then
  timed "$tshark"
  echo "  tshark run: ${secs} s, exit $rc${rss_mb:+, peak RSS ${rss_mb} MB}"
  ts_rate=$(rate "$secs")
  echo "tshark:      ${secs} s = $ts_rate packets/s"
  [ "$failed_runs" = 0 ] ||
    echo "WARNING: $failed_runs run(s) failed: the ratio below compares unequal work"
  awk -v a="$ours_rate" -v b="$ts_rate" 'BEGIN {
    if (b > 0) printf "stratoshark is %.1f times tshark'"'"'s throughput (target: 10)\n", a / b }'
fi

if [ $verify = 1 ] && [ -n "$tshark" ]; then
  o=$(mktemp); t=$(mktemp)
  "$stratoshark" -n -r "$big" "${args[@]}" > "$o" 2>/dev/null
  "$tshark" -n -r "$big" "${args[@]}" > "$t" 2>/dev/null
  if cmp -s "$o" "$t"; then
    echo "verify: outputs identical ($(wc -l < "$o") lines)"
  else
    ndiff=$(diff "$t" "$o" | grep -c '^<')
    line=$(cmp "$t" "$o" 2>/dev/null | sed -nE 's/.* line ([0-9]+).*/\1/p')
    echo "verify: outputs DIFFER on $ndiff of $(wc -l < "$t") tshark lines; first at line $line:"
    if [ -n "$line" ]; then
      echo "  tshark: $(sed -n "${line}p" "$t")"
      echo "  ours:   $(sed -n "${line}p" "$o")"
    else
      echo "  $(cmp "$t" "$o" 2>&1 | head -1)"
    fi
  fi
  rm -f "$o" "$t"
fi
exit 0
