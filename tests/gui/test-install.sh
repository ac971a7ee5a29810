#!/bin/sh
# The double-click path: after `meson install` into a scratch prefix, the desktop database names
# StratoShark for pcap files, and launching its .desktop file with a capture opens that capture.
#
# usage: test-install.sh BUILD_DIR SAMPLE.pcapng
# Prints TAP. Skips what it cannot check (no gio, no xvfb-run).
set -eu

build=$1
sample=$2
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

for tool in gio update-mime-database update-desktop-database; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

dest=$(mktemp -d "${TMPDIR:-/tmp}/ss-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT INT TERM

if meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest/install.log" 2>&1; then
  ok "meson install --destdir"
else
  cat "$dest/install.log" | sed 's/^/# /'
  not_ok "meson install --destdir"
  echo "1..$n"
  exit 1
fi

prefix=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
datadir_rel=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "datadir"))')
bindir_rel=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "bindir"))')
case "$datadir_rel" in /*) data="$dest$datadir_rel" ;; *) data="$dest$prefix/$datadir_rel" ;; esac
case "$bindir_rel" in /*) bin="$dest$bindir_rel" ;; *) bin="$dest$prefix/$bindir_rel" ;; esac

desktop=io.github.stratoshark.StratoShark.desktop
for f in "applications/$desktop" "mime/packages/io.github.stratoshark.StratoShark.xml" \
         "metainfo/io.github.stratoshark.StratoShark.metainfo.xml" \
         "icons/hicolor/scalable/apps/io.github.stratoshark.StratoShark.svg"; do
  if [ -f "$data/$f" ]; then ok "installed $f"; else not_ok "installed $f"; fi
done
if [ -x "$bin/stratoshark" ]; then ok "installed bin/stratoshark"; else not_ok "installed bin/stratoshark"; fi

# pkexec runs only the program the policy's exec.path names: it must be the installed helper.
libexecdir_rel=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "libexecdir"))')
case "$libexecdir_rel" in /*) helper_path="$libexecdir_rel" ;; *) helper_path="$prefix/$libexecdir_rel" ;; esac
policy="$data/polkit-1/actions/io.github.stratoshark.StratoShark.capture.policy"
exec_path=$(python3 -c 'import sys, xml.etree.ElementTree as ET
print(next(a.text for a in ET.parse(sys.argv[1]).iter("annotate")
           if a.get("key") == "org.freedesktop.policykit.exec.path"))' "$policy" 2>/dev/null || true)
if [ "$exec_path" = "$helper_path/stratoshark-capture" ] && [ -x "$dest$exec_path" ]; then
  ok "the polkit policy's exec.path is the installed helper ($exec_path)"
else
  not_ok "the polkit policy's exec.path is the installed helper (policy: '$exec_path', installed: $helper_path/stratoshark-capture)"
fi

# What the post-install step does (gnome.post_install skips it under DESTDIR; packages run it
# from their triggers): GIO finds MIME handlers through mimeinfo.cache.
if update-mime-database "$data/mime" >"$dest/mime.log" 2>&1; then
  ok "update-mime-database"
else
  sed 's/^/# /' "$dest/mime.log"
  not_ok "update-mime-database"
fi
if update-desktop-database "$data/applications" >"$dest/desktop.log" 2>&1; then
  ok "update-desktop-database"
else
  sed 's/^/# /' "$dest/desktop.log"
  not_ok "update-desktop-database"
fi

# A private user: no mimeapps.list of the caller's, the scratch prefix first in the search path,
# and its bin/ in PATH (GIO offers only applications whose Exec it finds).
export PATH="$bin:$PATH"
export XDG_DATA_HOME="$dest/home-data"
export XDG_CONFIG_HOME="$dest/home-config"
export XDG_DATA_DIRS="$data:/usr/local/share:/usr/share"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

for type in application/vnd.tcpdump.pcap application/x-pcapng \
            application/vnd.tcpdump.pcap+gzip application/x-pcapng+gzip; do
  out=$(gio mime "$type" 2>&1 || true)
  if printf '%s\n' "$out" | grep -q "$desktop"; then
    ok "gio mime $type names $desktop"
  else
    printf '%s\n' "$out" | sed 's/^/# /'
    not_ok "gio mime $type names $desktop"
  fi
done

# The content type of the sample, by its name and by its magic.
out=$(gio info -a standard::content-type "$sample" 2>&1 || true)
if printf '%s\n' "$out" | grep -q "application/x-pcapng"; then
  ok "sample.pcapng is application/x-pcapng"
else
  printf '%s\n' "$out" | sed 's/^/# /'
  not_ok "sample.pcapng is application/x-pcapng"
fi
cp "$sample" "$dest/no-extension"
out=$(gio info -a standard::content-type "$dest/no-extension" 2>&1 || true)
if printf '%s\n' "$out" | grep -q "application/x-pcapng"; then
  ok "a pcapng without extension is recognised by its magic"
else
  printf '%s\n' "$out" | sed 's/^/# /'
  not_ok "a pcapng without extension is recognised by its magic"
fi

# Launching the .desktop file with a capture opens that capture (the window reports and quits).
if command -v xvfb-run >/dev/null 2>&1; then
  report="$dest/report"
  GSK_RENDERER=cairo GTK_A11Y=none STRATOSHARK_ALLOW_ROOT_GUI=1 \
  STRATOSHARK_TEST_EXIT_AFTER_LOAD="$report" \
    timeout 60 xvfb-run -a sh -c 'gio launch "$1" "$2"; i=0; while [ ! -s "$3" ] && [ $i -lt 400 ]; do sleep 0.1; i=$((i + 1)); done' \
    sh "$data/applications/$desktop" "$sample" "$report" >/dev/null 2>&1 || true
  if [ -s "$report" ] && grep -q "sample.pcapng	157" "$report"; then
    ok "launching $desktop with sample.pcapng opens it (157 packets)"
  else
    [ -f "$report" ] && sed 's/^/# report: /' "$report"
    not_ok "launching $desktop with sample.pcapng opens it (157 packets)"
  fi
else
  skip "xvfb-run is not installed: launching the desktop file is not checked"
fi

echo "1..$n"
exit $fail
