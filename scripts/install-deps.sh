#!/usr/bin/env bash
# Installs the Debian packages chitieu needs to build, test and benchmark.
# Idempotent: installs only what is missing; run as root (or with sudo available).
# --bench also installs what only the benchmarks compare against (ocrmypdf).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libre2-dev libsqlite3-dev sqlite3 nettle-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev
  libgtest-dev libgmock-dev
  # jemalloc, linked into the command: a document's lines and figures are
  # allocated by a worker and freed by the writer, which glibc's allocator
  # pays for with locks (two workers: 7% of ingest's CPU)
  libjemalloc-dev
  # PDF text layer (Poppler) and Word .docx (zip + XML)
  libpoppler-cpp-dev libzip-dev libpugixml-dev
  # tests make their PDFs (Cairo/Pango, a Vietnamese-capable font) and check
  # them against pdftotext; qpdf encrypts one
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils qpdf
  # the comparison's XLSX report; the HTML report's browser test drives
  # headless Chromium from a small Python script
  libxlsxwriter-dev chromium python3
  # OCR of scanned PDFs and images: Tesseract with its Vietnamese model, page
  # images through Leptonica; the OCR benchmark runs the tesseract command
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd
  # the resolution of a scanned PDF page: its image's size, read by qpdf
  libqpdf-dev
  # Excel 97 .xls through catdoc's xls2csv, run as a program one file at a
  # time; web pages through libxml2's HTML parser
  catdoc libxml2-dev
  # the test of `extract` run as four processes at once, as a scheduler would
  # run it across machines (tests/batch_cli_test.cc)
  parallel
  # the fuzz targets (scripts/fuzz.sh): clang 14, and its runtimes for
  # libFuzzer and the address/undefined sanitizers
  clang libclang-rt-14-dev
)

# The scan benchmark (bench/scans.sh) runs OCRmyPDF on the same scans; its
# Python stack is not needed to build or test.
if [ "${1:-}" = "--bench" ]; then
  PACKAGES+=(ocrmypdf)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "chitieu: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
