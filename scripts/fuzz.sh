#!/usr/bin/env bash
# The sanitizer build: clang with the address and undefined behaviour
# sanitizers into build-fuzz/, where the stage libraries are compiled once for
# both the libFuzzer targets of fuzz/ and the unit tests. ctest there writes
# seeds cut from corpus/, runs each fuzz target for FUZZ_SECONDS (default 20)
# and, beside them, the unit tests that neither run the `chitieu` binary nor
# OCR (tests/CMakeLists.txt). Fails on any crash, sanitizer report, broken
# invariant or failed test; a fuzz input that fails is kept in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
FLAGS="-O1 -gline-tables-only -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
scripts/configure.sh build-fuzz -DCHITIEU_FUZZ=ON -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$FLAGS" \
  -DCHITIEU_FUZZ_SECONDS="$FUZZ_SECONDS"
cmake --build build-fuzz -j"$(nproc)" --target fuzz_all unit_tests
cd build-fuzz
# The three fuzz targets and the two halves of the unit tests at once: each
# target runs for its time budget whatever the load (niced, it takes what the
# unit tests leave), the unit tests keep both cores.
ctest --output-on-failure -j5
