// One way to turn the pieces read around a number into a Figure, for prose
// and table cells alike.
//
// The caller finds the pieces — the number(s) as written and parsed, the unit
// read after them and the unit decided with the indicator, the qualifiers
// around them, the indicator, the year and the kind with the reason for each —
// and the builder applies the scale, orders a range, decides the comparator,
// attaches every warning an auditor should see and records the Reading. Where
// the figure stands in the raw text (lines, offsets, quote) is the caller's.
#ifndef CHITIEU_EXTRACTOR_FIGURE_BUILDER_H_
#define CHITIEU_EXTRACTOR_FIGURE_BUILDER_H_

#include <optional>
#include <string>
#include <vector>

#include "model/figure.h"
#include "normalizer/qualifier.h"
#include "normalizer/unit_parser.h"
#include "normalizer/vietnamese_number.h"

namespace chitieu {

struct WrittenNumber {
  std::string written;  // as it stands in the text: "10,5"
  ParsedNumber parsed;
};

struct FigureParts {
  WrittenNumber first;
  std::optional<WrittenNumber> second;  // the upper bound of a range
  std::string number_text;  // the number(s) as written: "10 - 10,5"
  std::string range_text;   // a range as written, named when its bounds are reversed

  UnitReading unit;         // as read after the number (may be unmatched)
  UnitDecision decision;    // the unit once the indicator is taken into account
  std::string unit_text;    // the unit as written

  QualifierRun before;
  std::optional<Comparator> after;    // "trở lên", "trở xuống"
  std::string after_word;
  std::optional<Comparator> symbol;   // "≥", "<" written in a table cell

  IndicatorName indicator;
  std::string item;
  std::string year, year_source;
  FigureKind kind = FigureKind::kTarget;
  std::string kind_reason;
  Change change = Change::kLevel;
  std::string source;                 // Reading::source: "table row (3)"
  std::vector<Warning> context_warnings;  // the caller's own, before "no year"
};

// Builds the figure's value, comparator, unit, indicator, year, kind, warnings
// and reading. Returns false when the value is not a finite number (a scale
// word repeated past a double's range): such a number is no figure.
bool build_figure(FigureParts parts, Figure* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FIGURE_BUILDER_H_
