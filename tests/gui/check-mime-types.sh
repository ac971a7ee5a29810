#!/bin/sh
# The MIME types of data/io.github.stratoshark.StratoShark.mime.xml compile into a database
# without a warning, with the globs and magic intended.
# usage: check-mime-types.sh MIME.xml
set -eu

if ! command -v update-mime-database >/dev/null 2>&1; then
  echo "update-mime-database is not installed (Debian package shared-mime-info)" >&2
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ss-mime-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/mime
mkdir -p "$db/packages"
cp "$1" "$db/packages/"
# In the search path, so it does not note that it is not.
XDG_DATA_DIRS=$tmp update-mime-database "$db" 2>"$tmp/err"
if [ -s "$tmp/err" ]; then
  cat "$tmp/err" >&2
  exit 1
fi
for want in "application/x-pcapng:*.pcapng" "application/x-pcapng:*.ntar" \
            "application/vnd.tcpdump.pcap:*.pcap" "application/vnd.tcpdump.pcap:*.cap" \
            "application/vnd.tcpdump.pcap+gzip:*.pcap.gz" "application/x-pcapng+gzip:*.pcapng.gz"; do
  if ! grep -qF ":$want" "$db/globs2"; then
    echo "missing glob $want" >&2
    exit 1
  fi
done
for type in application/x-pcapng application/vnd.tcpdump.pcap; do
  if ! grep -qaF "$type" "$db/magic"; then
    echo "no magic for $type" >&2
    exit 1
  fi
done
echo "MIME database built with $(grep -c . "$db/globs2") globs"
