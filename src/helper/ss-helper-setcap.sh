#!/bin/sh
# Meson install script: gives the installed stratoshark-capture the capabilities it needs
# (libpcap: CAP_NET_RAW, CAP_NET_ADMIN; eBPF: CAP_BPF, CAP_PERFMON). Skipped when staging into
# DESTDIR (packages do it in their postinst) or when not run as root.
set -e
dir="$1"
case "$dir" in
  /*) helper="$dir/stratoshark-capture" ;;
  *) helper="$MESON_INSTALL_PREFIX/$dir/stratoshark-capture" ;;
esac
if [ -n "$DESTDIR" ]; then
  echo "stratoshark-capture: DESTDIR is set, not running setcap (run it after unpacking):"
  echo "  setcap cap_net_raw,cap_net_admin,cap_bpf,cap_perfmon+ep $helper"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v setcap >/dev/null 2>&1; then
  echo "stratoshark-capture: not root or no setcap; to capture without root, run as root:"
  echo "  setcap cap_net_raw,cap_net_admin,cap_bpf,cap_perfmon+ep $helper"
  exit 0
fi
setcap cap_net_raw,cap_net_admin,cap_bpf,cap_perfmon+ep "$helper"
echo "stratoshark-capture: capabilities set on $helper"
