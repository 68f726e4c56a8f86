// Finding the figures of a document: every number that states a target, plan,
// estimate or result of an indicator, read into a normalized value.
//
// Input is the document's raw lines and their repairs; output figures point back
// into the raw lines (1-based line numbers, code point offsets) with the verbatim
// quote, so provenance survives every repair. What makes a number a figure, and
// what does not (document numbers, dates, years used as time references, names,
// item numbers, quoted titles, fractions), is decided here; how a figure's words
// become a value, unit, comparator and period is the normalizer's.
#ifndef CHITIEU_EXTRACTOR_FIGURE_EXTRACTOR_H_
#define CHITIEU_EXTRACTOR_FIGURE_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct Figure {
  uint32_t line = 0;       // 1-based line of the first character of the quote
  uint32_t line_end = 0;   // 1-based line of its last character
  uint32_t char_start = 0; // code point offset in the raw `line`
  uint32_t char_end = 0;   // code point offset (exclusive) in the raw `line_end`
  uint32_t number_line = 0;  // 1-based line of the figure's first digit
  std::string quote;       // raw text between the offsets, lines joined by "\n"
  std::string indicator;   // "Parent — sub" for a breakdown
  std::string parent;      // the parent indicator, or empty
  std::string item;        // "(12)" or empty
  std::string comparator;  // = ~ >= > <= < range
  double low = 0;          // base units (717.000 tỷ đồng -> 7.17e14)
  double high = 0;
  std::string unit;        // BASE[/DENOM…]
  std::string counted;     // the counted noun, for count units
  std::string year;        // "2030", "2026-2030" or empty
  std::string kind;        // "target" or "result"
  std::string number_text; // the number(s) as written: "10 - 10,5"
  std::string unit_text;   // the unit as written: "%/năm"
  std::vector<std::string> warnings;
  std::string reading_json;  // how the value was read, for `trace`
};

std::vector<Figure> extract_figures(const Lexicon& lex, const std::vector<std::string>& raw_lines,
                                    const std::vector<RepairedLine>& repaired);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FIGURE_EXTRACTOR_H_
