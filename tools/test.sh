#!/usr/bin/env bash
# Installs, builds and runs every test twice: a normal build, then a build with AddressSanitizer
# and UndefinedBehaviorSanitizer where any report fails the test. tshark's reference outputs are
# cached once, by the first build. The sanitizer pass runs the unit, CLI, filter, statistics,
# capture and bad-input tests; it leaves out the GUI (GTK's own one-time allocations would read
# as leaks) and the value-by-value conformance comparisons, which the first pass has made with
# the same code.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="-Dtshark_cache_dir=$PWD/build/tshark-cache"

BUILD_DIR=build bash tools/build.sh "$cache"
meson test -C build --print-errorlogs --num-processes 2

BUILD_DIR=build-asan bash tools/build.sh "$cache" -Db_sanitize=address,undefined -Db_lundef=false
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
meson test -C build-asan --print-errorlogs --num-processes 2 --no-suite conformance --no-suite gui
meson test -C build-asan --print-errorlogs bad-input
