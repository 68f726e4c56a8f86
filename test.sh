#!/usr/bin/env bash
# Install what is missing, build, and run every test through ctest; then the
# fuzz targets, built with clang in build-fuzz/, for a bounded time each.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
scripts/fuzz.sh
