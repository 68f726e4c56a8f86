// The figure model: what the extractor hands to the store, the comparison and
// the export, in types rather than strings.
//
// A Figure is one number (or range) stating a target or result of an
// indicator, with its normalized value, where it stands in the raw text, and
// how it was read (a Reading, for `trace`). Comparator and kind are enums; a
// warning is a code and its details, rendered to a sentence only at the edge
// (export, trace, reports); the indicator is a {parent, sub} pair, never a
// string to split again. Text forms ("=", "target", "no-year") exist for the
// store and the export; parse_* read them back and fail on anything else.
#ifndef CHITIEU_MODEL_FIGURE_H_
#define CHITIEU_MODEL_FIGURE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

enum class Comparator { kEqual, kApprox, kAtLeast, kMore, kAtMost, kLess, kRange };

// "=", "~", ">=", ">", "<=", "<", "range": the export's and the store's form.
std::string_view comparator_text(Comparator c);
std::optional<Comparator> parse_comparator(std::string_view text);

// A target to reach, a result reached, a rule (a threshold or condition in a
// regulation, a form or a Q&A page) or a fact (a number an encyclopedia
// article states): rules and facts are no targets or results of a plan.
enum class FigureKind { kTarget, kResult, kRule, kFact };

// "target", "result", "rule", "fact"
std::string_view kind_text(FigureKind k);
std::optional<FigureKind> parse_kind(std::string_view text);

// What the figure's value measures: the level of the indicator ("tỷ lệ hộ
// nghèo còn 2%"), or a change of it ("tăng 7,2%", "giảm từ 0,5% trở lên").
// Nothing downstream may put a reduction beside a level.
enum class Change { kLevel, kIncrease, kDecrease };

// "" for a level (exported as null), "increase", "decrease"
std::string_view change_text(Change c);
std::optional<Change> parse_change(std::string_view text);

enum class WarningCode {
  kUnitPerCapitaAdded,      // subject: the denominator added; detail: the indicator words
  kUnitFromIndicator,       // subject: the unit taken; detail: the indicator words
  kDotAsDecimal,            // detail: how the number was read
  kCommaBeforeThreeDigits,  // a "," before exactly three digits read as a decimal mark
  kRangeReversed,           // detail: the range as written, or empty
  kNoYear,
  kTableExtraValues,        // more values in a table row than value columns
  kOcrLowConfidence,        // subject: the confidence (0-100); detail: the line
  kOcrLowConfidenceDigits,  // subject: the least confidence of the number's words; detail: the line
  kOcrNumberRepaired,       // subject: the number as Tesseract wrote it; detail: the line
  kOther,                   // detail: a sentence stored by an earlier version
};

struct Warning {
  WarningCode code = WarningCode::kOther;
  std::string subject;
  std::string detail;

  bool operator==(const Warning&) const = default;
};

// "unit-per-capita", "no-year", …: stable names for the store.
std::string_view warning_code_name(WarningCode code);
std::optional<WarningCode> parse_warning_code(std::string_view name);
// The sentence an auditor reads: "year: no year or period found".
std::string render_warning(const Warning& w);

// What a figure measures: "Cơ cấu kinh tế" / "dịch vụ" for a breakdown, or a
// sub alone. `display()` is the one place the two are joined.
struct IndicatorName {
  std::string parent;
  std::string sub;

  std::string display() const;
  bool empty() const { return parent.empty() && sub.empty(); }
  bool operator==(const IndicatorName&) const = default;
};

// How a figure's words became its value: kept for `trace` and the audit.
struct NumberReading {
  std::string written;  // "10,5"
  double value = 0;
  std::string reading;  // "',' is the decimal mark"
};

struct Reading {
  std::string source;                 // "table row (3)"; empty for prose
  std::vector<NumberReading> numbers;  // one, or two for a range
  double scale = 1.0;                 // product of the scale words
  std::string unit_written;           // "triệu đồng/người/năm" as written
  std::vector<std::string> unit_words;  // folded surfaces matched
  std::string unit_from_indicator;    // the indicator words that decided the unit
  std::vector<std::string> qualifier_before;  // folded, nearest first
  std::string qualifier_after;        // "tro len"
  std::string comparator_decided_by;  // the word, symbol or rule that decided it
  std::string year_source;            // "same clause: \"năm 2025\""
  std::string kind_reason;            // "estimate (\"ước\")"
};

struct Figure {
  uint32_t line = 0;         // 1-based line of the first character of the quote
  uint32_t line_end = 0;     // 1-based line of its last character
  uint32_t char_start = 0;   // code point offset in the raw `line`
  uint32_t char_end = 0;     // code point offset (exclusive) in the raw `line_end`
  uint32_t number_line = 0;  // 1-based line of the figure's first digit
  std::string quote;         // raw text between the offsets, lines joined by "\n"
  IndicatorName indicator;
  std::string item;          // "(12)" or empty
  Comparator comparator = Comparator::kEqual;
  double low = 0;            // base units (717.000 tỷ đồng -> 7.17e14)
  double high = 0;
  std::string unit;          // BASE[/DENOM…]
  std::string counted;       // the counted noun, for count units
  std::string year;          // "2030", "2026-2030" or empty
  FigureKind kind = FigureKind::kTarget;
  Change change = Change::kLevel;
  std::string number_text;   // the number(s) as written: "10 - 10,5"
  std::string unit_text;     // the unit as written: "%/năm"
  std::vector<Warning> warnings;
  Reading reading;

  bool has_warning(WarningCode code) const;
  std::vector<std::string> rendered_warnings() const;
};

}  // namespace chitieu

#endif  // CHITIEU_MODEL_FIGURE_H_
