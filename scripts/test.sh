#!/usr/bin/env bash
# The README's test command: installs what the tests need (Debian 12, as root or with sudo), builds, and runs
# every test with CTest: unit, golden-file, real-consumer, GUI (offscreen), fuzz regression, end-to-end lab.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
BUILD_DIR="${PGHA_BUILD_DIR:-build}"
cd "$BUILD_DIR"
rm -f figures-*.txt
set +e
ctest --output-on-failure --parallel "${PGHA_JOBS:-2}" --timeout 900 "$@" 2>&1 | tee ctest-output.log
rc=${PIPESTATUS[0]}
set -e
# Figures measured by the lab tests (deploy speed, failover, GUI stall): ctest hides the output of passing tests.
cat figures-*.txt 2>/dev/null || true
# ctest's own summary last, so that it stays the closing line.
grep -E '^[0-9]+% tests passed' ctest-output.log | tail -n 1 || true
exit "$rc"
