#!/usr/bin/env bash
# Installs the Debian 12 packages StratoShark needs to build, run and test, if any is missing.
# Run as root (or through sudo). Safe to run again: it only installs what is not there.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev zlib1g-dev libzstd-dev liblz4-dev
  # tests: tshark is the reference implementation the conformance tests compare against
  tshark python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # wireshark-common asks whether non-root users may capture; the default (no) is right here.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
