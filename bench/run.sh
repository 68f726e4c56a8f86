#!/usr/bin/env bash
# Reproduces the README's benchmark figures: builds Release, replicates corpus/
# to at least 50 MB and ingests it single-threaded into a fresh SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_TYPE=Release scripts/build.sh chitieu ingest_throughput pdf_ingest ocr_pages >/dev/null
mkdir -p bench/out
./build/ingest_throughput corpus/ --megabytes "${MEGABYTES:-50}" --db bench/out/ingest.db
# Text PDFs against pdftotext alone (README, "Measured").
./build/pdf_ingest corpus/ --copies "${PDF_COPIES:-4}"
# OCR seconds per page against the tesseract command alone (README, "Measured").
./build/ocr_pages corpus/000_b0a75639c8747e5c.txt --pages "${OCR_PAGES:-4}"
