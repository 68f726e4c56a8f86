#include "model/figure.h"

#include <algorithm>
#include <array>
#include <utility>

namespace chitieu {
namespace {

constexpr std::array<std::pair<Comparator, std::string_view>, 7> kComparatorTexts = {{
    {Comparator::kEqual, "="},
    {Comparator::kApprox, "~"},
    {Comparator::kAtLeast, ">="},
    {Comparator::kMore, ">"},
    {Comparator::kAtMost, "<="},
    {Comparator::kLess, "<"},
    {Comparator::kRange, "range"},
}};

constexpr std::array<std::pair<WarningCode, std::string_view>, 11> kWarningNames = {{
    {WarningCode::kUnitPerCapitaAdded, "unit-per-capita"},
    {WarningCode::kUnitFromIndicator, "unit-from-indicator"},
    {WarningCode::kDotAsDecimal, "dot-as-decimal"},
    {WarningCode::kCommaBeforeThreeDigits, "comma-before-three-digits"},
    {WarningCode::kRangeReversed, "range-reversed"},
    {WarningCode::kNoYear, "no-year"},
    {WarningCode::kTableExtraValues, "table-extra-values"},
    {WarningCode::kOcrLowConfidence, "ocr-low-confidence"},
    {WarningCode::kOcrLowConfidenceDigits, "ocr-low-confidence-digits"},
    {WarningCode::kOcrNumberRepaired, "ocr-number-repaired"},
    {WarningCode::kOther, "other"},
}};

}  // namespace

std::string_view comparator_text(Comparator c) {
  for (const auto& [code, text] : kComparatorTexts)
    if (code == c) return text;
  return "=";
}

std::optional<Comparator> parse_comparator(std::string_view text) {
  for (const auto& [code, t] : kComparatorTexts)
    if (t == text) return code;
  return std::nullopt;
}

std::string_view kind_text(FigureKind k) {
  switch (k) {
    case FigureKind::kResult: return "result";
    case FigureKind::kRule: return "rule";
    case FigureKind::kFact: return "fact";
    case FigureKind::kTarget: break;
  }
  return "target";
}

std::optional<FigureKind> parse_kind(std::string_view text) {
  if (text == "target") return FigureKind::kTarget;
  if (text == "result") return FigureKind::kResult;
  if (text == "rule") return FigureKind::kRule;
  if (text == "fact") return FigureKind::kFact;
  return std::nullopt;
}

std::string_view change_text(Change c) {
  switch (c) {
    case Change::kIncrease: return "increase";
    case Change::kDecrease: return "decrease";
    case Change::kLevel: break;
  }
  return "";
}

std::optional<Change> parse_change(std::string_view text) {
  if (text.empty()) return Change::kLevel;
  if (text == "increase") return Change::kIncrease;
  if (text == "decrease") return Change::kDecrease;
  return std::nullopt;
}

std::string_view warning_code_name(WarningCode code) {
  for (const auto& [c, name] : kWarningNames)
    if (c == code) return name;
  return "other";
}

std::optional<WarningCode> parse_warning_code(std::string_view name) {
  for (const auto& [c, n] : kWarningNames)
    if (n == name) return c;
  return std::nullopt;
}

std::string render_warning(const Warning& w) {
  switch (w.code) {
    case WarningCode::kUnitPerCapitaAdded:
      return "unit: \"/" + w.subject + "\" added because the indicator is per capita (\"" +
             w.detail + "\")";
    case WarningCode::kUnitFromIndicator:
      return "unit: none written; \"" + w.subject + "\" taken from the indicator (\"" + w.detail +
             "\")";
    case WarningCode::kDotAsDecimal:
      return "number: " + w.detail + " (Vietnamese uses \",\")";
    case WarningCode::kCommaBeforeThreeDigits:
      return "number: \",\" before three digits read as the decimal mark; check it is not a "
             "thousands separator";
    case WarningCode::kRangeReversed:
      return w.detail.empty() ? "range: bounds written in reverse order"
                              : "range: bounds written in reverse order (\"" + w.detail + "\")";
    case WarningCode::kNoYear:
      return "year: no year or period found";
    case WarningCode::kTableExtraValues:
      return "table: more values in the row than value columns in the header";
    case WarningCode::kOcrLowConfidence:
      return "ocr: low confidence (" + w.subject + ") on line " + w.detail;
    case WarningCode::kOcrLowConfidenceDigits:
      return "ocr: the number's digits read with low confidence (" + w.subject + ") on line " + w.detail;
    case WarningCode::kOcrNumberRepaired:
      return "ocr: number repaired from \"" + w.subject + "\" on line " + w.detail + "; check it on the scan";
    case WarningCode::kOther:
      break;
  }
  return w.detail;
}

std::string IndicatorName::display() const {
  if (parent.empty()) return sub;
  if (sub.empty()) return parent;
  return parent + " — " + sub;
}

bool Figure::has_warning(WarningCode code) const {
  return std::any_of(warnings.begin(), warnings.end(),
                     [code](const Warning& w) { return w.code == code; });
}

std::vector<std::string> Figure::rendered_warnings() const {
  std::vector<std::string> out;
  out.reserve(warnings.size());
  for (const Warning& w : warnings) out.push_back(render_warning(w));
  return out;
}

}  // namespace chitieu
