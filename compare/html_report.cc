#include "compare/html_report.h"

#include <nettle/sha2.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "extractor/ocr_number_repair.h"
#include "extractor/text_repair.h"

namespace chitieu {
namespace {

// Disagreement reasons shown at once; more fold behind a click (<details>).
constexpr size_t kReasonsShown = 2;

// The page's style and script. Both are constants: no document text ever goes
// into them, and the Content Security Policy admits exactly these two by hash.
constexpr std::string_view kStyle = R"css(
:root{--hl:#ffd43b;--hlb:#c99700;--dis:#fff1f0;--disb:#cf1322;--ok:#237804;--no:#a8071a;--link:#0b4f9c}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,"DejaVu Sans",sans-serif;margin:0;color:#1f1f1f;background:#fafafa}
header.top{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d9d9d9;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header.top h1{font-size:1.15rem;margin:0}
header.top input{font:inherit;padding:.25rem .5rem;width:22rem;max-width:60vw}
.counts{color:#595959}
main{padding:0 1rem 3rem}
h2{font-size:1.05rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid #d9d9d9;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f0f0f0}
thead th small{display:block;font-weight:normal;color:#595959;max-width:14rem;overflow-wrap:anywhere}
.meta{display:block;font-weight:normal;font-size:.8em;color:#8c8c8c}
tr.sub th.ind{padding-left:1.6rem}
tr.sub th.ind::before{content:"\21B3  ";color:#8c8c8c}
tr.disagree>*{background:var(--dis)}
tr.disagree>th.ind{border-left:4px solid var(--disb)}
.flag{color:var(--disb);font-weight:600}
table.cmp td.cell,table.cmp thead th{min-width:7.5rem}
table.cmp td.checks{min-width:16rem;max-width:32rem}
ul.reasons{margin:.2rem 0 .2rem 1.1rem;padding:0;font-size:.9em}
details.reasons summary{cursor:pointer}
.ok{color:var(--ok)}
.no{color:var(--no)}
a{color:var(--link)}
a.fig{display:block;text-decoration:none;border-radius:3px;padding:0 .2rem;white-space:nowrap}
a.fig:hover{background:#e6f0ff}
a.fig.selected{outline:2px solid var(--link);background:#e6f0ff}
.panel{display:none;position:fixed;top:0;right:0;bottom:0;width:min(64rem,66vw);overflow:auto;z-index:10;background:#fff;border-left:4px solid var(--link);box-shadow:-8px 0 24px rgba(0,0,0,.2);padding:.75rem 1rem 2rem}
.panel:target{display:block}
.panel h2{margin:.25rem 0 .5rem}
.panel .close{float:right;text-decoration:none;font-size:1.1rem}
.panel .quote{white-space:pre-wrap;background:#fffbe6;border:1px solid #ffe58f;padding:.25rem .5rem}
table.src{width:100%;table-layout:fixed}
table.src th.ln{width:4.5rem;color:#8c8c8c;font-weight:normal;text-align:right}
table.src td{white-space:pre-wrap;overflow-wrap:anywhere}
table.src tr.hit td,table.src tr.hit th{background:#fffbe6}
table.src tr.changed td.rep{box-shadow:inset 3px 0 0 #52c41a}
mark{background:var(--hl);color:inherit;outline:1px solid var(--hlb);border-radius:2px}
.warn{color:#ad6800}
[hidden]{display:none!important}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  // Search ignores case and diacritics: NFD splits the marks off the letters,
  // then they are dropped; đ has no decomposition and is mapped by hand.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u0110\u0111]/g, "d")
        .toLowerCase().replace(/\s+/g, " ").trim();
  }
  var q = document.getElementById("q"), shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var keys = rows.map(function (r) { return fold(r.getAttribute("data-search") || ""); });
  function filter() {
    var t = fold(q.value), n = 0;
    rows.forEach(function (r, i) {
      var on = !t || keys[i].indexOf(t) >= 0;
      r.hidden = !on;
      if (on) n++;
    });
    shown.textContent = n + " / " + rows.length + " rows";
  }
  q.addEventListener("input", filter);
  filter();
  // The panel itself opens by CSS :target; this marks the figure that was
  // clicked and brings the highlighted quote into view inside the panel.
  function select() {
    document.querySelectorAll("a.fig.selected").forEach(function (a) { a.classList.remove("selected"); });
    var h = location.hash;
    if (!/^#fig-[0-9]+$/.test(h)) return;
    document.querySelectorAll('a.fig[href="' + h + '"]').forEach(function (a) { a.classList.add("selected"); });
    var p = document.getElementById(h.slice(1));
    var m = p && p.querySelector("tr.hit mark");
    if (m) m.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", select);
  select();
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && /^#fig-/.test(location.hash)) location.hash = "_";
  });
})();
)js";

std::string base64(const uint8_t* data, size_t n) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < n; i += 3) {
    uint32_t v = uint32_t(data[i]) << 16;
    if (i + 1 < n) v |= uint32_t(data[i + 1]) << 8;
    if (i + 2 < n) v |= data[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < n ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < n ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// A CSP source expression admitting exactly this inline block.
std::string csp_hash(std::string_view block) {
  sha256_ctx ctx;
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, block.size(), reinterpret_cast<const uint8_t*>(block.data()));
  sha256_digest(&ctx, sizeof digest, digest);
  return "'sha256-" + base64(digest, sizeof digest) + "'";
}

// Byte offset of each code point of `s`, plus s.size() at the end. A malformed
// sequence counts one code point per byte, as a browser would show it.
std::vector<size_t> code_point_offsets(std::string_view s) {
  std::vector<size_t> at;
  size_t i = 0;
  while (i < s.size()) {
    at.push_back(i);
    unsigned char b = s[i];
    size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    size_t k = 1;
    while (k < len && i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80) ++k;
    i += k;
  }
  at.push_back(s.size());
  return at;
}

// `text` escaped, with code points [begin, end) inside <mark>.
std::string highlighted(std::string_view text, size_t begin, size_t end) {
  std::vector<size_t> at = code_point_offsets(text);
  size_t n = at.size() - 1;
  begin = std::min(begin, n);
  end = std::clamp(end, begin, n);
  if (begin == end) return html_escape(text);
  return html_escape(text.substr(0, at[begin])) + "<mark>" +
         html_escape(text.substr(at[begin], at[end] - at[begin])) + "</mark>" +
         html_escape(text.substr(at[end]));
}

// The repaired line's code points matching raw code points [begin, end): the
// line repair's offset map, recomputed from the raw line, leads back to raw
// bytes. When the recomputed repair does not have the stored text's length (a
// font-mapped document, say) there is no trustworthy mapping: returns false.
bool repaired_span(const SourceLine& line, size_t begin, size_t end, size_t* rbegin, size_t* rend) {
  if (line.repaired == line.raw) {
    *rbegin = begin;
    *rend = end;
    return true;
  }
  RepairedLine r = repair_line(line.raw);
  // An OCRed line may also have had its numbers repaired ("12. 800").
  if (r.size() != code_point_offsets(line.repaired).size() - 1) repair_ocr_numbers(&r);
  if (r.size() != code_point_offsets(line.repaired).size() - 1) return false;
  std::vector<size_t> raw_at = code_point_offsets(line.raw);
  size_t n = raw_at.size() - 1;
  size_t b_begin = raw_at[std::min(begin, n)], b_end = raw_at[std::min(end, n)];
  auto first_at_or_after = [&](size_t byte) {
    size_t i = 0;
    while (i < r.size() && r.raw_byte_of_cp[i] < byte) ++i;
    return i;
  };
  *rbegin = first_at_or_after(b_begin);
  *rend = std::max(*rbegin, first_at_or_after(b_end));
  return true;
}

// A figure read from a scan that its auditor should check against the scan
// (a doubtful line or word, a repaired number) is marked in its cell; its
// panel says why.
std::string ocr_mark(const Figure& f) {
  std::string why;
  for (const Warning& w : f.warnings) {
    if (w.code != WarningCode::kOcrLowConfidence && w.code != WarningCode::kOcrLowConfidenceDigits &&
        w.code != WarningCode::kOcrNumberRepaired) {
      continue;
    }
    why += (why.empty() ? "" : "; ") + render_warning(w);
  }
  if (why.empty()) return "";
  return " <span class=\"warn ocr\" title=\"" + html_escape(why) + "\">⚠ OCR</span>";
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

class Renderer {
 public:
  Renderer(const Comparison& c, const SourceLines& lines) : c_(c), lines_(lines) {
    for (const ComparisonRow& row : c.rows)
      for (const ComparisonCell& cell : row.cells)
        for (const StoredFigure& sf : cell.figures) figures_.emplace(sf.id, &sf);
  }

  std::string render() {
    std::string body;
    body += "<header class=\"top\" id=\"top\"><h1>chitieu — comparison</h1>";
    body += "<label>Search indicators <input id=\"q\" type=\"search\" autocomplete=\"off\" "
            "placeholder=\"ty le do thi hoa, GRDP…\"></label>";
    body += "<span class=\"counts\"><span id=\"shown\">" + std::to_string(c_.rows.size()) + " / " +
            std::to_string(c_.rows.size()) + " rows</span> · " + summary() + "</span></header>\n<main>\n";
    body += documents_section();
    body += table_section();
    body += findings_section();
    body += "</main>\n";
    body += panels();

    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Only the report's own style and script run; nothing is fetched.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
           csp_hash(kStyle) + "; script-src " + csp_hash(kScript) +
           "; img-src data:; base-uri 'none'; form-action 'none'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>chitieu — comparison</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n";
    out += body;
    out += "<script>";
    out += kScript;
    out += "</script>\n</body>\n</html>\n";
    return out;
  }

 private:
  std::string summary() const {
    size_t disagreements = 0, results = 0, failed = 0;
    for (const ComparisonRow& r : c_.rows) {
      disagreements += r.disagreement;
      results += r.results.size();
    }
    for (const AuditFinding& f : c_.findings) failed += !f.passed;
    return std::to_string(c_.documents.size()) + " documents · " + std::to_string(disagreements) +
           " disagreements · " + std::to_string(results) + " results checked · " +
           std::to_string(failed) + " failed checks";
  }

  // "D2", from the document's column; the figure's own file name otherwise.
  std::string doc_label(const StoredFigure& sf) const {
    auto it = c_.document_column.find(sf.document_id);
    if (it != c_.document_column.end()) return document_label(it->second);
    return sf.document;
  }

  std::string location(const StoredFigure& sf) const {
    return doc_label(sf) + ":" + std::to_string(sf.figure.number_line);
  }

  // A link to the figure's panel, or plain text when the table lacks it.
  std::string figure_link(int64_t id, const std::string& what) const {
    auto it = figures_.find(id);
    if (it == figures_.end()) return html_escape(what + " #" + std::to_string(id));
    return "<a href=\"#fig-" + std::to_string(id) + "\">" + html_escape(what) + " " +
           html_escape(location(*it->second)) + "</a>";
  }

  std::string documents_section() const {
    std::string out = "<section id=\"documents\"><h2>Documents</h2>\n<table><thead><tr><th></th>"
                      "<th>File</th><th>Document</th><th>Date</th><th>Issuer</th><th>Figures</th>"
                      "<th>SHA-256</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < c_.documents.size(); ++i) {
      const StoredDocument& d = c_.documents[i];
      std::string what = d.header.type;
      if (!d.header.number.empty()) what += (what.empty() ? "" : " ") + d.header.number;
      out += "<tr><th>" + document_label(i) + "</th><td>" + html_escape(d.file_name) + "</td><td>" +
             html_escape(what) + (d.header.is_draft ? " <span class=\"flag\">DỰ THẢO</span>" : "") +
             (d.header.title.empty() ? "" : "<span class=\"meta\">" + html_escape(d.header.title) + "</span>") +
             "</td><td>" + html_escape(d.header.date) + "</td><td>" + html_escape(d.header.issuer) +
             "</td><td>" + std::to_string(d.figure_count) + "</td><td><code>" +
             html_escape(d.sha256.substr(0, 12)) + "</code></td></tr>\n";
    }
    return out + "</tbody></table></section>\n";
  }

  std::string table_section() const {
    // In the by-document view, a Year column unless no row has a year.
    bool years = !c_.by_year && std::any_of(c_.rows.begin(), c_.rows.end(),
                                            [](const ComparisonRow& r) { return !r.year.empty(); });
    std::string out = "<section id=\"comparison\"><h2>Comparison</h2>\n<table class=\"cmp\"><thead><tr>"
                      "<th>Indicator</th>";
    if (years) out += "<th>Year</th>";
    for (const Column& col : c_.columns) {
      out += "<th>" + html_escape(col.label());
      if (col.is_document()) {
        const StoredDocument& d = c_.documents[col.document];
        out += "<small>" + html_escape(d.file_name) + (d.header.date.empty() ? "" : " · ") +
               html_escape(d.header.date) + "</small>";
      }
      out += "</th>";
    }
    out += "<th>Checks</th></tr></thead>\n<tbody>\n";
    for (size_t r = 0; r < c_.rows.size(); ++r) out += row(c_.rows[r], r, years);
    return out + "</tbody></table></section>\n";
  }

  std::string row(const ComparisonRow& r, size_t index, bool years) const {
    // What the search box looks in: the row's names and every wording behind it.
    std::set<std::string> words = {r.indicator, r.indicator_id, r.parent_id};
    for (const ComparisonCell& cell : r.cells)
      for (const StoredFigure& sf : cell.figures) {
        words.insert(sf.figure.indicator.display());
        words.insert(sf.figure.indicator.parent);
      }
    std::string search;
    for (const std::string& w : words)
      if (!w.empty()) search += (search.empty() ? "" : " | ") + w;

    std::string cls = "row";
    if (!r.parent_id.empty()) cls += " sub";
    if (r.disagreement) cls += " disagree";
    std::string out = "<tr class=\"" + cls + "\" id=\"row-" + std::to_string(index) + "\" data-search=\"" +
                      html_escape(search) + "\">";
    out += "<th class=\"ind\" scope=\"row\">" + html_escape(r.indicator) + "<span class=\"meta\">" +
           html_escape(r.indicator_id);
    if (!r.unit.empty()) out += " · " + html_escape(r.unit);
    if (!r.parent_id.empty()) out += " · in " + html_escape(r.parent_id);
    if (!r.match_method.empty())
      out += " · " + html_escape(r.match_method) + (r.match_score < 1 ? " " + number(r.match_score) : "");
    out += "</span></th>";
    if (years) out += "<td class=\"year\">" + html_escape(r.year) + "</td>";
    for (size_t i = 0; i < c_.columns.size(); ++i) {
      out += "<td class=\"cell\">";
      if (i < r.cells.size())
        for (const StoredFigure& sf : r.cells[i].figures) {
          ComparisonCell one;
          one.figures.push_back(sf);
          out += "<a class=\"fig\" href=\"#fig-" + std::to_string(sf.id) + "\">" +
                 html_escape(format_cell(c_, one)) + ocr_mark(sf.figure) + "</a>";
        }
      out += "</td>";
    }
    out += "<td class=\"checks\">";
    if (r.disagreement) out += disagreement(r);
    for (const ResultCheck& rc : r.results) {
      out += std::string("<div class=\"") + (rc.achieved ? "ok\">✓ achieved" : "no\">✗ not achieved") +
             ": " + html_escape(rc.explanation) + " <span class=\"meta\">" +
             figure_link(rc.result_figure, "result") + " · " + figure_link(rc.target_figure, "target") +
             "</span></div>";
    }
    return out + "</td></tr>\n";
  }

  // One line per reason; a long list folds behind a click, so the row stays
  // readable.
  static std::string disagreement(const ComparisonRow& r) {
    std::string lines;
    for (const std::string& why : r.disagreement_reasons) lines += "<li>" + html_escape(why) + "</li>";
    const size_t n = r.disagreement_reasons.size();
    if (n <= kReasonsShown)
      return "<div class=\"flag\">⚠ disagreement</div><ul class=\"reasons\">" + lines + "</ul>";
    return "<details class=\"reasons\"><summary class=\"flag\">⚠ disagreement: " + std::to_string(n) +
           " differences</summary><ul class=\"reasons\">" + lines + "</ul></details>";
  }

  std::string findings_section() const {
    std::string out = "<section id=\"findings\"><h2>Audit findings</h2>\n";
    if (c_.findings.empty()) return out + "<p>No internal checks apply to these figures.</p></section>\n";
    out += "<table class=\"findings\"><thead><tr><th>Check</th><th>Result</th><th>Finding</th>"
           "<th>Figures</th></tr></thead><tbody>\n";
    for (const AuditFinding& f : c_.findings) {
      out += "<tr class=\"finding " + std::string(f.passed ? "passed" : "failed") + "\"><td>" +
             html_escape(f.check) + "</td><td class=\"" + (f.passed ? "ok\">✓ passed" : "no\">✗ failed") +
             "</td><td>" + html_escape(f.message) + "</td><td>";
      for (size_t i = 0; i < f.figure_ids.size(); ++i)
        out += (i ? ", " : "") + figure_link(f.figure_ids[i], "figure");
      out += "</td></tr>\n";
    }
    return out + "</tbody></table></section>\n";
  }

  std::string panels() const {
    std::string out;
    for (const auto& [id, sf] : figures_) out += panel(*sf);
    return out;
  }

  std::string panel(const StoredFigure& sf) const {
    const Figure& f = sf.figure;
    std::string id = std::to_string(sf.id);
    std::string out = "<aside class=\"panel\" id=\"fig-" + id + "\" aria-label=\"Source of figure " + id +
                      "\"><a class=\"close\" href=\"#_\" title=\"Close (Esc)\">✕</a>";
    std::string where = doc_label(sf) + " · " + sf.document + " · line " + std::to_string(f.line);
    if (f.line_end > f.line) where += "–" + std::to_string(f.line_end);
    if (sf.page > 0) where += " · page " + std::to_string(sf.page);
    out += "<h2>" + html_escape(where) + "</h2>";
    out += "<p><strong>" + html_escape(f.indicator.display()) + "</strong> — " + html_escape(format_value(f)) +
           "<span class=\"meta\">figure " + id + " · " + html_escape(std::string(kind_text(f.kind))) +
           (f.year.empty() ? "" : " · " + html_escape(f.year)) + " · " + html_escape(std::string(comparator_text(f.comparator))) + " " +
           number(f.low) + (f.high != f.low ? " – " + number(f.high) : "") + " " + html_escape(f.unit) +
           "</span></p>";
    out += "<p class=\"quote\">" + html_escape(f.quote) + "</p>";
    for (const Warning& w : f.warnings)
      out += "<p class=\"warn\">⚠ " + html_escape(render_warning(w)) + "</p>";

    // A figure read by hand may leave line_end unset: it then ends on its first line.
    int64_t line_end = std::max(f.line, f.line_end);
    int64_t first = std::max<int64_t>(1, int64_t(f.line) - 2), last = line_end + 2;
    std::string rows;
    for (auto it = lines_.lower_bound({sf.document_id, first});
         it != lines_.end() && it->first.first == sf.document_id && it->first.second <= last; ++it) {
      int64_t n = it->first.second;
      const SourceLine& line = it->second;
      bool hit = n >= f.line && n <= line_end;
      std::string raw = html_escape(line.raw), rep = html_escape(line.repaired);
      if (hit) {
        size_t begin = n == f.line ? f.char_start : 0;
        size_t end = n == line_end ? f.char_end : code_point_offsets(line.raw).size() - 1;
        raw = highlighted(line.raw, begin, end);
        size_t rb, re;
        if (repaired_span(line, begin, end, &rb, &re)) rep = highlighted(line.repaired, rb, re);
      }
      std::string cls = hit ? "hit" : "ctx";
      if (line.repaired != line.raw) cls += " changed";
      rows += "<tr class=\"" + cls + "\" data-line=\"" + std::to_string(n) + "\"><th class=\"ln\">" +
              std::to_string(n) + "</th><td class=\"raw\">" + raw + "</td><td class=\"rep\">" + rep +
              "</td></tr>\n";
    }
    if (rows.empty()) {
      out += "<p class=\"warn\">The source lines of this figure are not in the report.</p>";
    } else {
      out += "<table class=\"src\"><thead><tr><th class=\"ln\">Line</th><th>Raw (as read)</th>"
             "<th>Repaired</th></tr></thead><tbody>\n" + rows + "</tbody></table>";
    }
    return out + "</aside>\n";
  }

  const Comparison& c_;
  const SourceLines& lines_;
  std::map<int64_t, const StoredFigure*> figures_;  // every figure in a cell, by id
};

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string render_html(const Comparison& c, const SourceLines& lines) {
  return Renderer(c, lines).render();
}

}  // namespace chitieu
