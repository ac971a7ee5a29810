#!/bin/bash
# Throughput of StratoShark's `-q -z` statistics against tshark, measured in the same run.
#
# usage: bench/bench-stats.sh [--stratoshark PATH] [--driver PATH] [--tshark PATH]
#                             [--input CAP] [--packets N] [--runs N]
#
# Uses the big capture of bench-fields.sh (make-big-capture.py: INPUT replicated to N packets,
# default 2,000,000 packets of data/samples/sample.pcapng, cached in $BENCH_CACHE, default
# bench/.cache) and times, each against tshark's nearest equivalent:
#     -q -z io,stat,1     against tshark -q -z io,stat,1
#     -q -z conv,tcp      against tshark -q -z conv,tcp
#     -q -z srt,http      against tshark -q -z http_req,tree (tshark has no per-URI timing table;
#                         both read every HTTP request and response)
# PROG is stratoshark when it knows -z, otherwise tests/stats/stats-run (--driver, the same
# statistics code without the rest of the CLI). Ours: best of --runs (default 3); tshark: once.
# Prints packets/s and the ratio against the target of 10x. It reports only: nothing is asserted.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PY=${PYTHON:-python3}
stratoshark=${STRATOSHARK:-}
driver=${STATS_DRIVER:-}
tshark=${TSHARK:-tshark}
input=$root/data/samples/sample.pcapng
packets=2000000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --stratoshark) stratoshark=$2; shift 2 ;;
    --driver) driver=$2; shift 2 ;;
    --tshark) tshark=$2; shift 2 ;;
    --input) input=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "bench-stats: unknown argument $1" >&2; exit 2 ;;
  esac
done

for b in "$root/build" "$root/_build" "$root/builddir"; do
  [ -z "$stratoshark" ] && [ -x "$b/src/cli/stratoshark" ] && stratoshark=$b/src/cli/stratoshark
  [ -z "$driver" ] && [ -x "$b/tests/stats/stats-run" ] && driver=$b/tests/stats/stats-run
done
prog=
if [ -n "$stratoshark" ] && [ -x "$stratoshark" ] &&
   "$stratoshark" -n -r "$input" -q -z io,stat,0 2>/dev/null | grep -q 'IO Statistics'; then
  prog=$stratoshark
elif [ -n "$driver" ] && [ -x "$driver" ]; then
  prog=$driver
  echo "bench-stats: stratoshark does not know -z yet; timing the statistics driver $driver"
else
  echo "bench-stats: no stratoshark with -z and no stats-run driver (pass --driver PATH)" >&2
  exit 2
fi
if ! tshark=$(command -v "$tshark"); then
  echo "bench-stats: tshark is not installed; only StratoShark is timed" >&2
  tshark=
fi
[ -f "$input" ] || { echo "bench-stats: input capture $input does not exist" >&2; exit 2; }

# ---- the big capture, shared with bench-fields.sh ----------------------------------------------
cache=${BENCH_CACHE:-$here/.cache}
mkdir -p "$cache"
sum=$(sha256sum "$input" | cut -c1-16)
big=$cache/big-$sum-$packets.pcap
if [ ! -s "$big" ]; then
  "$PY" "$here/make-big-capture.py" --input "$input" --count "$packets" --output "$big" || exit 2
fi
echo "capture: $big ($packets packets, $(( $(stat -c %s "$big") / 1000000 )) MB)"

now() { date +%s.%N; }
err_file=$(mktemp); trap 'rm -f "$err_file"' EXIT
# timed PROG ARGS...: sets secs and rc
timed() {
  local t0 t1
  t0=$(now)
  "$@" > /dev/null 2>"$err_file"
  rc=$?
  t1=$(now)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  if [ "$rc" != 0 ]; then
    echo "  WARNING: $(basename "$1") exited $rc:" \
      "$(grep -v '^Running as user' "$err_file" | head -2)"
  fi
}
rate() { awk -v n="$packets" -v s="$1" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

bench() { # OURS-Z TSHARK-Z
  local best= ours_rate ts_rate
  echo
  echo "== -z $1 (tshark: -z $2)"
  for i in $(seq 1 "$runs"); do
    timed "$prog" -n -r "$big" -q -z "$1"
    echo "  stratoshark run $i: ${secs} s, exit $rc"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$secs
    fi
  done
  ours_rate=$(rate "$best")
  echo "  stratoshark: best of $runs ${best} s = $ours_rate packets/s"
  if [ -n "$tshark" ]; then
    timed "$tshark" -n -r "$big" -q -z "$2"
    ts_rate=$(rate "$secs")
    echo "  tshark:      ${secs} s = $ts_rate packets/s"
    awk -v a="$ours_rate" -v b="$ts_rate" -v z="$1" 'BEGIN {
      if (b > 0)
        printf "  ratio %-12s %.1f times tshark'"'"'s throughput (target: 10)\n", z, a / b }'
  fi
}

bench io,stat,1 io,stat,1
bench conv,tcp conv,tcp
bench srt,http http_req,tree
exit 0
