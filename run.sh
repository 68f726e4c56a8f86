#!/usr/bin/env bash
# The main job: install what is missing, build, ingest corpus/ into ./chitieu.db,
# print the comparison table.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
DB="${CHITIEU_DB:-chitieu.db}"
status=0
./build/chitieu ingest --db "$DB" corpus/ || status=$?
./build/chitieu compare --db "$DB" --format md
exit $status
