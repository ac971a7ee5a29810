#!/bin/sh
# Runs a GUI test under a virtual X server and a private session bus, as the CI machine has no
# display. Skips (TAP plan "1..0 # SKIP") when xvfb-run is missing (Debian package xvfb).
#
# usage: run-under-xvfb.sh PROGRAM [ARGS...]
set -eu

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "1..0 # SKIP xvfb-run is not installed (Debian package xvfb): the GUI tests need a display"
  exit 0
fi

# The renderer that works without GPU under Xvfb; no accessibility bus to start.
export GSK_RENDERER=cairo
export GTK_A11Y=none
export NO_AT_BRIDGE=1
# This machine only has root; the window refuses root otherwise (see README).
export STRATOSHARK_ALLOW_ROOT_GUI=1
# Recent files and filters of the tests stay out of the user's configuration.
config_home=$(mktemp -d "${TMPDIR:-/tmp}/ss-gui-config-XXXXXX")
trap 'rm -rf "$config_home"' EXIT INT TERM
export XDG_CONFIG_HOME="$config_home"
# Under AddressSanitizer, GTK, fontconfig and Mesa keep caches until exit that LeakSanitizer
# would report as leaks; memory errors are still caught.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS}:detect_leaks=0"
fi

if command -v dbus-run-session >/dev/null 2>&1; then
  xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- "$@"
else
  xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
fi
