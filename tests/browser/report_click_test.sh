#!/usr/bin/env bash
# Browser test of the HTML report: ingest the corpus plus a document carrying
# markup and scripts, render the report, open it in headless Chromium, click a
# cell and check its source line is shown and highlighted (click_cell.py).
# Screenshots are kept in the artifacts folder. Nothing is skipped: a missing
# tool is a failure, with what installs it.
#
#   report_click_test.sh [CHITIEU [RENDER_REPORT [ARTIFACTS_DIR]]]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CHITIEU="${1:-$ROOT/build/chitieu}"
RENDER="${2:-$ROOT/build/tests/render_report}"
ARTIFACTS="${3:-$ROOT/build/test-artifacts}"

fail() { echo "FAIL: $*" >&2; exit 1; }
CHROMIUM="$(command -v chromium || true)"
[ -n "$CHROMIUM" ] || fail "chromium is not installed; scripts/install-deps.sh installs it (Debian package chromium)"
command -v python3 >/dev/null || fail "python3 is not installed; scripts/install-deps.sh installs it"
[ -x "$CHITIEU" ] || fail "no chitieu binary at $CHITIEU; build first (scripts/build.sh)"
[ -x "$RENDER" ] || fail "no render_report binary at $RENDER; build first (scripts/build.sh)"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/corpus" "$ARTIFACTS"
cp "$ROOT"/corpus/*.txt "$TMP/corpus/"
# Untrusted input: markup in the lines around figures and in an indicator.
cat > "$TMP/corpus/zz_markup.txt" <<'DOC'
NGHỊ QUYẾT
Về mục tiêu phát triển <script>window.__pwned=1</script> năm 2030
1. Mục tiêu
- Tỷ lệ đô thị hóa đạt 45% <img src=x onerror="window.__pwned=2"> vào năm 2030.
- "><img src=x onerror=window.__pwned=3> GRDP bình quân đầu người đạt 215 triệu đồng/người/năm.
Ghi chú </td></tr></table><script>window.__pwned=4</script>
DOC

"$CHITIEU" ingest --db "$TMP/db.sqlite" "$TMP/corpus" >"$TMP/ingest.log" 2>&1 \
  || { cat "$TMP/ingest.log" >&2; fail "ingest failed"; }

# The report as `chitieu compare` writes it; until the CLI has the html
# format, as the same library calls do (render_report).
REPORT="$ARTIFACTS/report.html"
rm -f "$REPORT"
if "$CHITIEU" compare --db "$TMP/db.sqlite" --format html --output "$REPORT" >/dev/null 2>"$TMP/compare.err"; then
  echo "report: chitieu compare --format html"
else
  echo "report: render_report (chitieu compare --format html: $(head -c 200 "$TMP/compare.err"))"
  "$RENDER" "$TMP/db.sqlite" "$REPORT" "$ARTIFACTS/report.xlsx"
fi
[ -s "$REPORT" ] || fail "no report at $REPORT"

python3 "$ROOT/tests/browser/click_cell.py" --chromium "$CHROMIUM" --report "$REPORT" \
  --artifacts "$ARTIFACTS" \
  --markup '<script>window.__pwned=1</script>' --markup 'onerror=window.__pwned=3>'
echo "report: $REPORT"
