// The comparison as one self-contained HTML file an auditor can open anywhere.
//
// The file carries its own CSS and a little JS and loads nothing: its Content
// Security Policy allows only its own inline style and script (by hash), so a
// report opened from a mail attachment makes no request. It shows the
// documents, the table (one row per indicator and year, one column per
// document or year, each figure as format_cell writes it; an empty column keeps
// its width), disagreement rows flagged with their reasons (one a line, more
// than two folded behind a click in <details>), results against targets, and
// the audit findings.
// Every figure links to a panel (#fig-<figure id>) with its source lines in
// context, the quote highlighted, raw and repaired text side by side; the
// panel shows on :target, so one click on a figure opens it even without JS.
// A search box filters rows by indicator text, ignoring diacritics.
//
// Document text is untrusted: every byte of it is HTML-escaped before it is
// written, in text and in attribute values alike; nothing from a document ever
// reaches the script or the style.
#ifndef CHITIEU_COMPARE_HTML_REPORT_H_
#define CHITIEU_COMPARE_HTML_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "compare/comparison_table.h"

namespace chitieu {

struct SourceLine {
  std::string raw;
  std::string repaired;  // == raw when nothing was repaired
};
// (document id, 1-based line) -> text. The renderer shows, for each figure, the
// lines line-2 .. line_end+2 it finds here; missing lines are left out.
using SourceLines = std::map<std::pair<int64_t, int64_t>, SourceLine>;

std::string render_html(const Comparison& c, const SourceLines& lines);

// `s` with & < > " ' replaced by entities: safe as element text and as a
// quoted attribute value.
std::string html_escape(std::string_view s);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_HTML_REPORT_H_
