#!/bin/bash
# The window on a big capture: time to first rows, time to fully loaded, time to apply a filter,
# and resident memory per packet beyond the mapped file; Wireshark timed on the same file in the
# same run when it is installed.
#
# usage: bench/bench-gui.sh [--stratoshark PATH] [--wireshark PATH] [--input CAP]
#                           [--packets N] [--filter FILTER] [--runs N]
#
# Builds the big capture once (make-big-capture.py, as bench-fields.sh does: 2,000,000 packets of
# data/samples/sample.pcapng by default, cached in $BENCH_CACHE, default bench/.cache). Then runs,
# under xvfb-run, `stratoshark --bench-filter FILTER BIG` (default filter: tcp.port == 443), which
# opens BIG in the real window, applies FILTER once it is loaded and prints its own timings:
#   first rows      open → the first rows drawn in the packet list (and from process start)
#   fully loaded    open → the whole file indexed and dissected once (the first pass)
#   filter          Enter → the filtered rows shown
#   memory          anonymous resident memory added by loading, per packet (the capture file is
#                   memory-mapped; its pages are not counted)
# Wall times and the CPU time of the worker thread are both printed: on a busy machine they
# differ. Best of --runs (default 3). Reports only: nothing is asserted.
#
# Wireshark (Debian package `wireshark`), when installed, is timed reading the same file with the
# same filter (-r BIG -Y FILTER) until a Lua tap's final draw ends it; the ratio is printed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PY=${PYTHON:-python3}
stratoshark=${STRATOSHARK:-}
wireshark=${WIRESHARK:-wireshark}
input=$root/data/samples/sample.pcapng
packets=2000000
filter='tcp.port == 443'
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --stratoshark) stratoshark=$2; shift 2 ;;
    --wireshark) wireshark=$2; shift 2 ;;
    --input) input=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,24s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "bench-gui: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ -z "$stratoshark" ]; then
  for b in "$root/build" "$root/_build" "$root/builddir"; do
    if [ -x "$b/src/cli/stratoshark" ]; then stratoshark=$b/src/cli/stratoshark; break; fi
  done
fi
if [ -z "$stratoshark" ] || [ ! -x "$stratoshark" ]; then
  echo "bench-gui: no stratoshark binary (build it, or pass --stratoshark PATH)" >&2
  exit 2
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "bench-gui: xvfb-run is not installed (Debian package xvfb)" >&2
  exit 2
fi
if [ ! -f "$input" ]; then
  echo "bench-gui: input capture $input does not exist (pass --input CAP)" >&2
  exit 2
fi

# ---- the big capture, built once per (input content, packet count), shared with bench-fields --
cache=${BENCH_CACHE:-$here/.cache}
mkdir -p "$cache"
sum=$(sha256sum "$input" | cut -c1-16)
big=$cache/big-$sum-$packets.pcap
if [ ! -s "$big" ]; then
  "$PY" "$here/make-big-capture.py" --input "$input" --count "$packets" --output "$big" || exit 2
fi
# Warm the page cache so every run (and Wireshark) reads from memory.
cat "$big" > /dev/null

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ss-bench-gui-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

export GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
export STRATOSHARK_ALLOW_ROOT_GUI=1
export XDG_CONFIG_HOME=$scratch/config

# ---- stratoshark ---------------------------------------------------------------------------------
best=$scratch/best
: > "$best"
for run in $(seq 1 "$runs"); do
  out=$scratch/run-$run
  if ! timeout 600 xvfb-run -a "$stratoshark" --bench-filter "$filter" "$big" > "$out" 2>"$out.err"; then
    echo "bench-gui: stratoshark failed:" >&2
    cat "$out.err" >&2
    exit 1
  fi
  # Keep the smallest value of each measure across runs.
  "$PY" - "$best" "$out" <<'EOF'
import sys
best_path, run_path = sys.argv[1], sys.argv[2]
def read(p):
    d = {}
    for line in open(p):
        parts = line.split()
        if len(parts) == 2:
            d[parts[0]] = float(parts[1])
    return d
best, run = read(best_path), read(run_path)
for k, v in run.items():
    if k not in best or (k.endswith('_ms') and v < best[k]) or (k.endswith('_kb') and v < best[k]):
        best[k] = v
with open(best_path, 'w') as f:
    for k, v in best.items():
        f.write('%s %s\n' % (k, v))
EOF
done

# ---- Wireshark -----------------------------------------------------------------------------------
ws_total=""
ws_cpu=""
ws_note="not installed (Debian package wireshark): no ratio"
if wireshark=$(command -v "$wireshark" 2>/dev/null); then
  lua=$scratch/exit-after-read.lua
  # Wireshark draws its taps now and then while it reads and once when the file is read: the
  # draw that has seen every packet is the end of the read.
  cat > "$lua" <<'EOF'
local expected = tonumber(os.getenv("SS_BENCH_PACKETS") or "0")
local tap = Listener.new("frame", nil)
local n = 0
function tap.packet() n = n + 1 end
function tap.draw()
  if n >= expected then
    io.stdout:write("wireshark_packets " .. n .. "\n")
    io.stdout:flush()
    os.exit(0)
  end
end
EOF
  timer=()
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$scratch/ws.cpu" -f "%U %S")
  start=$(date +%s.%N)
  if SS_BENCH_PACKETS=$packets timeout 1800 xvfb-run -a "${timer[@]}" "$wireshark" -n \
       -o statistics.update_interval:3600000 -r "$big" -Y "$filter" -X "lua_script:$lua" \
       > "$scratch/ws.out" 2> "$scratch/ws.err"; then
    end=$(date +%s.%N)
    if grep -q wireshark_packets "$scratch/ws.out"; then
      ws_total=$("$PY" -c "print('%.1f' % ((float('$end') - float('$start')) * 1000))")
      ws_note="read + filter, process start to the end of the read: ${ws_total} ms"
      if [ -s "$scratch/ws.cpu" ]; then
        ws_cpu=$("$PY" -c "import sys; u, s = open(sys.argv[1]).read().split()[-2:]; print('%.1f' % ((float(u) + float(s)) * 1000))" "$scratch/ws.cpu")
        ws_note="$ws_note (CPU ${ws_cpu} ms)"
      fi
    else
      ws_note="ran but its Lua tap did not report (Wireshark built without Lua?): no ratio"
    fi
  else
    ws_note="could not be timed ($(head -c 200 "$scratch/ws.err" | tr '\n' ' ')): no ratio"
  fi
fi

# ---- report --------------------------------------------------------------------------------------
"$PY" - "$best" "$big" "$filter" "$runs" "$ws_note" "${ws_total:-}" "${ws_cpu:-}" <<'EOF'
import os, sys
best_path, big, flt, runs, ws_note, ws_total, ws_cpu = sys.argv[1:8]
d = {}
for line in open(best_path):
    k, v = line.split()
    d[k] = float(v)
n = d['packets']
loaded_kb = d['rss_anon_loaded_kb'] - d['rss_anon_before_kb']
filtered_kb = d['rss_anon_filtered_kb'] - d['rss_anon_before_kb']
per_pkt = loaded_kb * 1024 / n
per_pkt_f = filtered_kb * 1024 / n
mark = lambda ok: 'ok' if ok else 'MISSED'
print('capture   %s (%d packets, %.0f MB)' % (big, n, os.path.getsize(big) / 1e6))
print('filter    %s (%d packets displayed)' % (flt, d['displayed']))
load = float(open('/proc/loadavg').read().split()[0])
ncpu = os.cpu_count() or 1
print('runs      best of %s, load average %.1f on %d CPUs' % (runs, load, ncpu))
if load > ncpu:
    print('          the machine is busy: wall times are stretched by other processes, the CPU')
    print('          times below are the ones to compare between runs')
print()
print('%-34s %12s %12s %10s' % ('measure', 'stratoshark', 'target', ''))
print('%-34s %9.0f ms %9s ms %10s' % ('time to first rows (from open)', d['first_rows_ms'], '500',
                                       mark(d['first_rows_ms'] < 500)))
if 'first_rows_cpu_ms' in d:
    print('%-34s %9.0f ms %12s' % ('  CPU of the main thread until then', d['first_rows_cpu_ms'], ''))
print('%-34s %9.0f ms %12s' % ('  from process start', d['first_rows_since_start_ms'], ''))
print('%-34s %9.0f ms %9s ms %10s' % ('time to fully loaded', d['loaded_ms'], '3000',
                                       mark(d['loaded_ms'] < 3000)))
print('%-34s %9.0f ms %12s' % ('  CPU of the loading thread', d['loaded_cpu_ms'], ''))
print('%-34s %9.0f ms %9s ms %10s' % ('time to apply the filter', d['filter_ms'], '1000',
                                       mark(d['filter_ms'] < 1000)))
print('%-34s %9.0f ms %12s' % ('  CPU of the filtering thread', d['filter_cpu_ms'], ''))
print('%-34s %10.0f B %10s B %10s' % ('memory per packet (loaded)', per_pkt, '100', mark(per_pkt < 100)))
print('%-34s %10.0f B %12s' % ('memory per packet (filtered)', per_pkt_f, ''))
print()
print('wireshark %s' % ws_note)
if ws_total:
    ours = d['first_rows_since_start_ms'] - d['first_rows_ms'] + d['loaded_ms'] + d['filter_ms']
    print('stratoshark start + load + filter: %.0f ms; Wireshark takes %.1f times as long'
          % (ours, float(ws_total) / ours))
if ws_cpu:
    ours_cpu = d['loaded_cpu_ms'] + d['filter_cpu_ms']
    print('CPU of loading + filtering: stratoshark %.0f ms, Wireshark %.0f ms (%.1f times)'
          % (ours_cpu, float(ws_cpu), float(ws_cpu) / ours_cpu))
EOF
