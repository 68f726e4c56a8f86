#!/usr/bin/env bash
# Reproduces the README's benchmark figures: builds Release, then in one run
#   - the yardstick: a plain Python regex over the same files (bench/regex_baseline.py);
#   - ingest on ../shared/realdocs (when present) and on corpus/ replicated to
#     50 MB: MB/s on one worker and on every core, the time of each stage, the
#     first search (which builds the search index), extract and load;
#   - text PDFs against pdftotext, OCR against tesseract.
# Other work on the machine changes every figure: run it idle (`uptime`).
# REPEAT runs each measurement that many times (best and median reported).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_TYPE=Release scripts/build.sh chitieu ingest_throughput pdf_ingest ocr_pages >/dev/null
mkdir -p bench/out
REALDOCS="${REALDOCS:-../shared/realdocs}"
REPEAT="${REPEAT:-5}"
echo "$(nproc) cores; load: $(uptime | sed 's/.*load average: //')"
python3 bench/cores_free.py
if [ -d "$REALDOCS" ]; then
  echo "== $REALDOCS"
  python3 bench/regex_baseline.py "$REALDOCS" --repeat "$REPEAT"
  ./build/ingest_throughput "$REALDOCS" --repeat "$REPEAT" --out bench/out/realdocs
fi
echo "== corpus/ replicated to ${MEGABYTES:-50} MB"
./build/ingest_throughput corpus/ --megabytes "${MEGABYTES:-50}" --repeat "$REPEAT" --out bench/out/corpus
python3 bench/regex_baseline.py bench/out/corpus/copies --repeat "$REPEAT"
echo "load after: $(uptime | sed 's/.*load average: //')"
python3 bench/cores_free.py
# The cost of repair per kind of damage (README, "Cost of repair").
if [ -n "${DAMAGE:-}" ]; then ./build/ingest_throughput corpus/ --megabytes 10 --damage all --out bench/out/damage; fi
# Text PDFs against pdftotext alone (README, "Measured").
./build/pdf_ingest corpus/ --copies "${PDF_COPIES:-4}"
# OCR seconds per page against the tesseract command alone (README, "Measured").
./build/ocr_pages corpus/000_b0a75639c8747e5c.txt --pages "${OCR_PAGES:-4}"
# Degraded scans against tesseract and ocrmypdf (README, "Scans") take tens of
# minutes and ../shared/dev: run bench/scans.sh on its own.
