// `chitieu trace`: a figure shown with where it comes from and how it was
// read — the stored value, the reading step by step, its warnings, the raw
// source lines with the quote highlighted (the repaired text beside a line the
// repair changed) and every repair on the quoted lines.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "extractor/text_repair.h"
#include "pipeline/export.h"
#include "pipeline/trace.h"
#include "store/store.h"

namespace chitieu {
namespace {

// The highlight around the quote: bold yellow on a terminal, [[ ]] in a pipe.
struct Highlight {
  const char* on;
  const char* off;
};

void print_header(const StoredFigure& sf) {
  const Figure& f = sf.figure;
  std::cout << "figure " << sf.id << "  " << sf.document;
  if (sf.page > 0) std::cout << "  page " << sf.page << ", line " << sf.page_line << " of the page";
  std::cout << "  line " << f.number_line;
  if (f.line_end != f.line) std::cout << " (quote lines " << f.line << "-" << f.line_end << ")";
  std::cout << "\n  document sha256  " << sf.doc_sha256 << "\n";
  std::cout << "  indicator        " << f.indicator.display() << "\n";
  if (!f.item.empty()) std::cout << "  item             " << f.item << "\n";
  std::cout << "  value            " << comparator_text(f.comparator) << " " << format_number(f.low);
  if (f.high != f.low) std::cout << " .. " << format_number(f.high);
  std::cout << " " << f.unit << (f.counted.empty() ? "" : " (" + f.counted + ")") << "\n";
  std::cout << "  year / kind      " << (f.year.empty() ? "-" : f.year) << " / " << kind_text(f.kind) << "\n";
  std::cout << "  quote            \"" << f.quote << "\"  (chars " << f.char_start << "-" << f.char_end
            << ")\n";
}

void print_reading(const Figure& f) {
  const Reading& reading = f.reading;
  std::cout << "  how it was read:\n";
  for (const NumberReading& n : reading.numbers)
    std::cout << "    number     \"" << n.written << "\" -> " << format_number(n.value) << "  ("
              << n.reading << ")\n";
  if (reading.scale != 1.0) std::cout << "    scale      x" << format_number(reading.scale) << "\n";
  std::cout << "    unit       \"" << reading.unit_written << "\" -> " << f.unit;
  if (!reading.unit_from_indicator.empty())
    std::cout << "  (completed from the indicator: \"" << reading.unit_from_indicator << "\")";
  std::cout << "\n";
  std::cout << "    qualifier  " << comparator_text(f.comparator) << " decided by \""
            << reading.comparator_decided_by << "\"";
  if (!reading.qualifier_before.empty())
    std::cout << "  (words before: " << nlohmann::json(reading.qualifier_before).dump() << ")";
  std::cout << "\n";
  std::cout << "    year       " << (f.year.empty() ? "-" : f.year) << "  from " << reading.year_source << "\n";
  std::cout << "    kind       " << kind_text(f.kind) << "  (" << reading.kind_reason << ")\n";
  std::cout << "  warnings         ";
  if (f.warnings.empty()) {
    std::cout << "none\n";
    return;
  }
  std::cout << "\n";
  for (const Warning& w : f.warnings) std::cout << "    - " << render_warning(w) << "\n";
}

// A quoted line with the quote highlighted, by code point offsets.
std::string highlighted(const StoredLine& l, const Figure& f, Highlight hl) {
  const std::string& text = l.raw;
  size_t b = l.line_no == f.line ? byte_offset_of_code_point(text, f.char_start) : 0;
  size_t e = l.line_no == f.line_end ? byte_offset_of_code_point(text, f.char_end) : text.size();
  b = std::min(b, text.size());
  e = std::max(b, std::min(e, text.size()));
  return text.substr(0, b) + hl.on + text.substr(b, e - b) + hl.off + text.substr(e);
}

void print_source(const Figure& f, const FigureSource& source, Highlight hl) {
  std::cout << "  source (raw):\n";
  for (const StoredLine& l : source.lines) {
    bool in = l.line_no >= f.line && l.line_no <= f.line_end;
    char num[16];
    std::snprintf(num, sizeof num, "%6lld", static_cast<long long>(l.line_no));
    std::cout << (in ? "  > " : "    ") << num << " | " << (in ? highlighted(l, f, hl) : l.raw) << "\n";
    if (in && l.repaired != l.raw) std::cout << "      rep. | " << l.repaired << "\n";
  }
  // Every change the line repair made on the quoted lines, raw beside repaired.
  if (source.repairs.empty()) return;
  std::cout << "  repairs on these lines:\n";
  for (const StoredRepair& r : source.repairs)
    std::cout << "    line " << r.line_no << " bytes " << r.raw_start << "-" << r.raw_end << "  " << r.rule
              << "  \"" << r.raw_text << "\" -> \"" << r.replacement << "\"\n";
}

}  // namespace

int run_trace(const GlobalOptions& g, int64_t figure_id, const std::string& document, int64_t line,
              int context_lines) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, OpenMode::kMustExist, &store);
  if (!st.ok()) return report_error(st);
  std::vector<StoredFigure> chosen;
  st = find_figures(store.get(), {figure_id, document, line}, &chosen);
  if (st.code() == StatusCode::kNotFound) {
    std::cerr << "trace: " << st.message() << "\n";
    return exit_code_for(st);
  }
  if (!st.ok()) return report_error(st);
  const Highlight hl = isatty(STDOUT_FILENO) ? Highlight{"\x1b[1;33m", "\x1b[0m"} : Highlight{"[[", "]]"};
  for (const StoredFigure& sf : chosen) {
    FigureSource source;
    st = figure_source(store.get(), sf, context_lines, &source);
    if (!st.ok()) return report_error(st);
    print_header(sf);
    print_reading(sf.figure);
    print_source(sf.figure, source, hl);
    std::cout << "\n";
  }
  return 0;
}

}  // namespace chitieu
