#!/usr/bin/env bash
# Degraded scans of ../shared/dev, read four ways, scored against its gold
# figures (README, "Scans"):
#
#   text PDF   the documents laid out as PDFs with a text layer (what the
#              scans were printed from), ingested by chitieu;
#   chitieu    the scans ingested by chitieu (its OCR and page preparation);
#   tesseract  `tesseract PAGE stdout -l vie` on each page image at its own
#              resolution (the JPEG a scanner writes), the text ingested;
#   ocrmypdf   `ocrmypdf -l vie --deskew` on each scan, then chitieu on the
#              text layer it adds.
#
# Each reading is scored by ../shared/dev/score.py with --ignore-lines (a
# scan's lines are not the text's) and timed: wall seconds and CPU seconds
# (user + system, children included); the machine's load is printed, since
# OCR timings on a shared machine are noisy. Whole documents, every page:
# this takes a while (tens of minutes on 2 cores).
#
#   bench/scans.sh                 # the office scans (200 dpi, stamp, skew…)
#   DAMAGE=150dpi bench/scans.sh   # or another kind of tests/support/scan_maker.h
set -euo pipefail
cd "$(dirname "$0")/.."
DEV="${DEV:-../shared/dev}"
DAMAGE="${DAMAGE:-office}"
if [ ! -d "$DEV/docs" ]; then
  echo "scans: $DEV not found, nothing to measure" >&2
  exit 0
fi
scripts/install-deps.sh --bench
BUILD_TYPE=Release scripts/build.sh chitieu make_scans >/dev/null
OUT="bench/out/scans-$DAMAGE"
rm -rf "$OUT"
mkdir -p "$OUT/tesseract" "$OUT/ocrmypdf"
CHITIEU="$PWD/build/chitieu"

echo "load before: $(uptime)"
build/make_scans --out "$OUT/scans" --damage "$DAMAGE" "$DEV"/docs/*.txt >/dev/null
pages=$(ls "$OUT"/scans/pages/*.jpg | wc -l)
echo "$(ls "$OUT"/scans/*.pdf | wc -l) documents, $pages pages, damage: $DAMAGE"

# Runs "$@" and prints "wall cpu" seconds (CPU: user + system of the
# processes it started). `times` runs in this shell, not in a pipe or a
# command substitution, whose subshell has no children of its own.
timed() {
  local before after start end
  times >"$OUT/times.before"
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  times >"$OUT/times.after"
  python3 - "$start" "$end" "$OUT/times.before" "$OUT/times.after" <<'PY'
import re, sys
def secs(path):
    children = open(path).read().splitlines()[-1]
    return sum(int(a) * 60 + float(b) for a, b in re.findall(r'(\d+)m([\d.]+)s', children))
print(f"{float(sys.argv[2]) - float(sys.argv[1]):.1f} {secs(sys.argv[4]) - secs(sys.argv[3]):.1f}")
PY
}

score() {  # DB → "F1 strictF1"
  "$CHITIEU" export --db "$1" --format jsonl >"$1.jsonl"
  python3 "$DEV/score.py" "$DEV/gold" "$1.jsonl" --ignore-lines --json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); t=d.get("total", d); print("%.3f %.3f" % (t["f1"], t["strict_f1"]))'
}

ingest() { "$CHITIEU" ingest --db "$@" >/dev/null 2>&1 || true; }

tesseract_pages() {
  for doc in "$OUT"/scans/*.pdf; do
    local stem
    stem=$(basename "$doc" .pdf)
    for page in $(ls "$OUT"/scans/pages/"$stem"-*.jpg | sort -V); do
      OMP_THREAD_LIMIT=1 tesseract "$page" stdout -l vie 2>/dev/null
    done >"$OUT/tesseract/$stem.txt"
  done
  ingest "$OUT/tesseract.db" "$OUT"/tesseract/*.txt
}

ocrmypdf_scans() {
  for doc in "$OUT"/scans/*.pdf; do
    ocrmypdf -q -l vie --deskew "$doc" "$OUT/ocrmypdf/$(basename "$doc")" 2>/dev/null || true
  done
  ingest "$OUT/ocrmypdf.db" "$OUT"/ocrmypdf/*.pdf
}

echo
echo "| reading | F1 | strict F1 | wall s | CPU s | CPU s/page |"
echo "|---|---|---|---|---|---|"
row() {  # NAME DB WALL CPU
  read -r f1 strict < <(score "$2")
  printf '| %s | %s | %s | %s | %s | %.2f |\n' "$1" "$f1" "$strict" "$3" "$4" "$(echo "$4 / $pages" | bc -l)"
}
read -r w c < <(timed ingest "$OUT/text.db" "$OUT"/scans/text/*.pdf)
row "text PDF (no OCR)" "$OUT/text.db" "$w" "$c"
read -r w c < <(timed ingest "$OUT/scan.db" "$OUT"/scans/*.pdf)
row "chitieu on the scans" "$OUT/scan.db" "$w" "$c"
read -r w c < <(timed tesseract_pages)
row "\`tesseract\` per page image, its text by chitieu" "$OUT/tesseract.db" "$w" "$c"
read -r w c < <(timed ocrmypdf_scans)
row "\`ocrmypdf -l vie --deskew\`, its text layer by chitieu" "$OUT/ocrmypdf.db" "$w" "$c"
echo
echo "load after: $(uptime)"
