#!/bin/bash
# Throughput of `stratoshark -Y FILTER` against tshark, measured in the same run.
#
# usage: bench/bench-filter.sh [--stratoshark PATH] [--tshark PATH] [--input CAP]
#                              [--packets N] [--runs N] [--verify] [FILTER] [-- ARGS...]
#
# Builds the big capture of bench-fields.sh once (make-big-capture.py: INPUT replicated to N
# packets, default 2,000,000 packets of data/samples/sample.pcapng, cached in $BENCH_CACHE, default
# bench/.cache), then times
#     stratoshark -n -r BIG -Y FILTER ARGS > /dev/null    (best of --runs, default 3)
#     tshark      -n -r BIG -Y FILTER ARGS > /dev/null    (once: it is slow)
# FILTER defaults to the issue's `tcp.analysis.retransmission || http.response.code == 503`; when
# stratoshark does not know one of its fields yet, the first of a few fallbacks it compiles is
# used (`tcp.flags.reset == 1 || dns.flags.rcode == 3`, then filters over TCP and UDP only), and
# the script says so. Prints packets/s for each and the ratio against the target of 10x.
# It reports only: no time limit is asserted anywhere. --verify also checks that both print the
# same frames (outside the timed runs).
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
filter=
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --stratoshark) stratoshark=$2; shift 2 ;;
    --tshark) tshark=$2; shift 2 ;;
    --input) input=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --verify) verify=1; shift ;;
    -h|--help) sed -n '2,19s/^# \{0,1\}//p' "$0"; exit 0 ;;
    --) shift; args+=("$@"); break ;;
    *) if [ -z "$filter" ]; then filter=$1; else args+=("$1"); fi; shift ;;
  esac
done

if [ -z "$stratoshark" ]; then
  for b in "$root/build" "$root/_build" "$root/builddir"; do
    if [ -x "$b/src/cli/stratoshark" ]; then stratoshark=$b/src/cli/stratoshark; break; fi
  done
fi
if [ -z "$stratoshark" ] || [ ! -x "$stratoshark" ]; then
  echo "bench-filter: no stratoshark binary (build it, or pass --stratoshark PATH)" >&2
  exit 2
fi
if ! tshark=$(command -v "$tshark"); then
  echo "bench-filter: tshark is not installed; only stratoshark is timed" >&2
  tshark=
fi
if [ ! -f "$input" ]; then
  fallback=$root/../shared/captures/pcapplusplus/PcapExamples/example.pcap
  if [ -f "$fallback" ]; then
    echo "bench-filter: $input does not exist; using $fallback" >&2
    input=$fallback
  else
    echo "bench-filter: input capture $input does not exist (pass --input CAP)" >&2
    exit 2
  fi
fi

# ---- the filter ------------------------------------------------------------------------------
compiles() { "$stratoshark" -n -r "$input" -Y "$1" -c 1 > /dev/null 2>&1; }
if [ -n "$filter" ]; then
  if ! compiles "$filter"; then
    echo "bench-filter: stratoshark rejects the filter:" >&2
    "$stratoshark" -n -r "$input" -Y "$filter" -c 1 2>&1 >/dev/null | sed 's/^/  /' >&2
    exit 2
  fi
else
  issue_filter='tcp.analysis.retransmission || http.response.code == 503'
  for f in "$issue_filter" \
           'tcp.flags.reset == 1 || dns.flags.rcode == 3' \
           'tcp.analysis.retransmission || tcp.flags.reset == 1' \
           'tcp.flags.reset == 1 || udp.port == 5353'; do
    if compiles "$f"; then filter=$f; break; fi
  done
  if [ -z "$filter" ]; then
    echo "bench-filter: stratoshark compiles none of the default filters" >&2
    exit 2
  fi
  [ "$filter" = "$issue_filter" ] ||
    echo "note: stratoshark does not know every field of \`$issue_filter' yet;" \
         "timing \`$filter' instead"
fi

# ---- the big capture, built once per (input content, packet count), shared with bench-fields ---
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
# timed PROG: runs PROG -n -r BIG -Y FILTER ARGS > /dev/null; sets secs, rc, rss_mb
timed() {
  local t0 t1
  t0=$(now)
  if [ $have_time = 1 ]; then
    /usr/bin/time -o "$rss_file" -f '%M' "$1" -n -r "$big" -Y "$filter" ${args[@]+"${args[@]}"} \
      > /dev/null 2>"$err_file"
  else
    "$1" -n -r "$big" -Y "$filter" ${args[@]+"${args[@]}"} > /dev/null 2>"$err_file"
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
echo "command: PROG -n -r BIG -Y '$filter' ${args[*]+${args[*]}} > /dev/null"
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
  "$stratoshark" -n -r "$big" -Y "$filter" -T fields -e frame.number > "$o" 2>/dev/null
  "$tshark" -n -r "$big" -Y "$filter" -T fields -e frame.number > "$t" 2>/dev/null
  if cmp -s "$o" "$t"; then
    echo "verify: the same $(wc -l < "$o") frames match"
  else
    echo "verify: the frames DIFFER: tshark $(wc -l < "$t"), stratoshark $(wc -l < "$o");" \
      "first difference:"
    diff "$t" "$o" | head -4 | sed 's/^/  /'
  fi
  rm -f "$o" "$t"
fi
exit 0
