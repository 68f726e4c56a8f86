#!/usr/bin/env bash
# Configures a CMake build directory with Ninja: scripts/configure.sh DIR [cmake args…].
# Ninja compiles a target's files while the libraries beneath it still link,
# where Make waits for each target in turn; on two cores that is the
# difference between one idle core and none. A directory configured earlier
# with another generator is started afresh (CMake refuses to switch in place).
set -euo pipefail
dir="$1"; shift
if [ -f "$dir/CMakeCache.txt" ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
  rm -rf "$dir"
fi
cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
