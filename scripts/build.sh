#!/usr/bin/env bash
# Configures (once) and builds PG HA Designer in build/ with two parallel jobs. Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${PGHA_BUILD_DIR:-build}"
# ccache keyed on paths relative to the checkout: a second build directory (the GUI-less one of scripts/test.sh)
# and other checkouts hit the same cache entries.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPGHA_GUI=ON ${PGHA_CMAKE_ARGS:-}
fi
cmake --build "$BUILD_DIR" --parallel "${PGHA_JOBS:-2}"
