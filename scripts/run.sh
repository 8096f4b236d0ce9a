#!/usr/bin/env bash
# The README's run command: installs what the app needs (Debian 12, as root or with sudo), builds, and runs
# PG HA Designer on the reference topology.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
BUILD_DIR="${PGHA_BUILD_DIR:-build}"
if [ -x "$BUILD_DIR/src/app/pgha-designer" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$BUILD_DIR/src/app/pgha-designer" "$@"
fi
if [ -x "$BUILD_DIR/src/app/pgha-designer" ] && [ -z "${PGHA_NO_XVFB:-}" ]; then
  echo "No display found: running the designer under Xvfb (screenshot in $BUILD_DIR/screenshots/)."
  mkdir -p "$BUILD_DIR/screenshots"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD_DIR/src/app/pgha-designer" \
    --screenshot "$BUILD_DIR/screenshots/designer.png" --quit-after-show "$@"
fi
# Without the window: validate and generate the reference cluster's bundle.
"$BUILD_DIR/src/cli/pgha" validate template:reference
"$BUILD_DIR/src/cli/pgha" generate template:reference -o "$BUILD_DIR/reference-bundle"
