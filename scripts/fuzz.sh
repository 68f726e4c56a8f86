#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (address and undefined
# behaviour sanitizers) into build-fuzz/, then runs each on seeds cut from
# corpus/ for FUZZ_SECONDS (default 25) through ctest. Fails on any crash,
# sanitizer report or broken invariant; the input is kept in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${FUZZ_SECONDS:-25}"
FLAGS="-O1 -gline-tables-only -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B build-fuzz -DCHITIEU_FUZZ=ON -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$FLAGS" \
  -DCHITIEU_FUZZ_SECONDS="$FUZZ_SECONDS" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_all
cd build-fuzz
# Three targets on the machine's cores; each runs for its time budget.
ctest --output-on-failure -j3
