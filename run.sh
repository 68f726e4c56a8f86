#!/usr/bin/env bash
# The main job: install what is missing, build, ingest corpus/ into ./chitieu.db,
# print the comparison table, and write the HTML report.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh chitieu
DB="${CHITIEU_DB:-chitieu.db}"
REPORT="${CHITIEU_REPORT:-chitieu-report.html}"
status=0
./build/chitieu ingest --db "$DB" corpus/ || status=$?
./build/chitieu compare --db "$DB" --format md
./build/chitieu compare --db "$DB" --format html --output "$REPORT" 2>/dev/null
echo
echo "HTML report (click a cell to see its source line): $(pwd)/$REPORT"
exit $status
