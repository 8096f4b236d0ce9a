#!/usr/bin/env bash
# Fuzzes the project loader + validator + generators + archive writer (tests/fuzz/fuzz_project.cpp) with
# libFuzzer, AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer, built with clang in build-fuzz/.
#
#   scripts/fuzz.sh [SECONDS] [libFuzzer options...]   fuzz for SECONDS (default 300) on one core
#   PGHA_FUZZ_MERGE=1 scripts/fuzz.sh 0                 only minimise: rewrite tests/fuzz/corpus with -merge=1
#
# Inputs: tests/fuzz/seeds (hand-written, kept as they are), tests/fuzz/corpus (minimised, committed) and
# build-fuzz/fuzz-work (everything found so far). Crashes, leaks and timeouts land in build-fuzz/fuzz-artifacts;
# copy a fixed one into tests/fuzz/regressions so that ctest (test_fuzz_regression) keeps checking it.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-300}"
shift || true
BUILD_DIR="${PGHA_FUZZ_BUILD_DIR:-build-fuzz}"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DPGHA_FUZZ=ON -DPGHA_GUI=OFF -DPGHA_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="$SAN -fsanitize=fuzzer-no-link" -DCMAKE_EXE_LINKER_FLAGS="$SAN"
fi
ninja -C "$BUILD_DIR" -j"${PGHA_JOBS:-2}" fuzz_project test_fuzz_regression
FUZZER="$BUILD_DIR/tests/fuzz/fuzz_project"
WORK="$BUILD_DIR/fuzz-work"
ARTIFACTS="$BUILD_DIR/fuzz-artifacts"
mkdir -p "$WORK" "$ARTIFACTS" tests/fuzz/corpus
# Golden topologies are good seeds once they exist.
for g in tests/golden/*/topology.pgha.yaml; do
  [ -f "$g" ] && cp "$g" "$WORK/golden-$(basename "$(dirname "$g")").yaml"
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
OPTS=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "-artifact_prefix=$ARTIFACTS/"
      -dict=tests/fuzz/project.dict)

if [ "$SECS" -gt 0 ]; then
  # New inputs go to the first directory (the scratch one); the others are read only.
  "$FUZZER" "${OPTS[@]}" -max_total_time="$SECS" "$@" "$WORK" tests/fuzz/corpus tests/fuzz/seeds
fi

if [ "${PGHA_FUZZ_MERGE:-0}" = "1" ]; then
  # Minimise: start from the seeds (already kept), let -merge=1 add only inputs that bring new coverage, then
  # keep those as the committed corpus.
  NEW="$(mktemp -d "$BUILD_DIR/merge.XXXXXX")"
  cp tests/fuzz/seeds/* "$NEW/"
  # -use_counters=0: keep inputs for new edges only, not new hit counts, so the committed corpus stays small.
  "$FUZZER" -merge=1 -use_counters=0 "${OPTS[@]}" "$NEW" tests/fuzz/corpus "$WORK"
  rm -f "$NEW"/seed-*
  rm -f tests/fuzz/corpus/*
  cp "$NEW"/* tests/fuzz/corpus/ 2>/dev/null || true
  rm -rf "$NEW"
  echo "fuzz.sh: tests/fuzz/corpus now holds $(ls tests/fuzz/corpus | wc -l) files, $(du -sh tests/fuzz/corpus | cut -f1)"
fi
# The same inputs through the sanitized regression runner (what ctest runs, here with ASan/UBSan).
"$BUILD_DIR/tests/fuzz/test_fuzz_regression" tests/fuzz/seeds tests/fuzz/corpus tests/fuzz/regressions
