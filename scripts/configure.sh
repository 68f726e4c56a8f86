#!/usr/bin/env bash
# Configures a CMake build directory with Ninja: scripts/configure.sh DIR [cmake args…].
# Ninja compiles a target's files while the libraries beneath it still link,
# where Make waits for each target in turn; on two cores that is the
# difference between one idle core and none. A directory configured earlier
# with another generator is started afresh (CMake refuses to switch in place).
set -euo pipefail
dir="$1"; shift
# So is one configured with another compiler (CMake would drop its cache
# half-way through the run).
compiler=""
for arg in "$@"; do
  case "$arg" in -DCMAKE_CXX_COMPILER=*) compiler="${arg#-DCMAKE_CXX_COMPILER=}" ;; esac
done
# CMake keeps the compiler as the path it found ("clang++" is cached as
# "/usr/bin/clang++"): either counts as the same compiler.
if [ -f "$dir/CMakeCache.txt" ]; then
  cached="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$dir/CMakeCache.txt")"
  if ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt" ||
     { [ -n "$compiler" ] && [ "$cached" != "$compiler" ] && [ "$cached" != "$(command -v "$compiler" || true)" ]; }; then
    rm -rf "$dir"
  fi
fi
# A unity build (CMake joins each library's sources a few files at a time)
# compiles the shared headers — RE2, ICU, nlohmann's JSON, fmt — once per group
# instead of once per file: about half the CPU of a fresh build, which is what
# ./test.sh and ./run.sh do on a new machine. An edit recompiles its group:
# CHITIEU_UNITY_BUILD=OFF for day-to-day work.
cmake -S . -B "$dir" -G Ninja -DCMAKE_UNITY_BUILD="${CHITIEU_UNITY_BUILD:-ON}" "$@" >/dev/null
