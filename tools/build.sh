#!/usr/bin/env bash
# Installs what is missing, then configures and builds StratoShark in BUILD_DIR (default: build).
# Extra arguments go to `meson setup` (for example -Db_sanitize=address,undefined).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
build_dir=${BUILD_DIR:-build}
if [ -f "$build_dir/build.ninja" ]; then
  meson setup --reconfigure "$build_dir" "$@" >/dev/null
else
  meson setup "$build_dir" "$@"
fi
ninja -C "$build_dir"
