#!/usr/bin/env bash
# Install what is missing, build, and run every test through ctest; then the
# sanitizer build (clang, build-fuzz/): the fuzz targets for a bounded time
# each and, beside them, the unit tests under ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
# Each test file is compiled once: the unit tests run under the sanitizers in
# scripts/fuzz.sh, the release build keeps the tests that run the binary.
CHITIEU_TESTS_ONLY_UNSANITIZED=ON scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
scripts/fuzz.sh
