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
  # capture helper: libpcap, eBPF (clang -target bpf, bpftool gen skeleton, libbpf), capabilities
  libpcap-dev libbpf-dev bpftool clang libcap-dev libcap2-bin
  # live capture tests: namespaces, veth, real client/server, a parallel dumpcap (from tshark)
  iproute2 ethtool curl netcat-openbsd util-linux
  # GUI: GTK 4; its tests run under a virtual X server with a private session bus; the desktop
  # file, AppStream metainfo and MIME types are validated and installed with these tools
  libgtk-4-dev xvfb xauth dbus-daemon desktop-file-utils appstream shared-mime-info
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
