#include "extractor/figure_builder.h"

#include <cmath>
#include <utility>

namespace chitieu {
namespace {

// A "," before exactly three digits is read as the decimal mark by rule, but
// in counts of people, things and money it is more often an English thousands
// separator ("1,600 đảng viên"): the auditor is asked to check.
bool comma_is_doubtful(const ParsedNumber& n, const std::string& base) {
  return n.comma_group_of_three && (base == "person" || base == "count" || base == "VND");
}

void warn_about_number(const ParsedNumber& n, const std::string& base, std::vector<Warning>* out) {
  if (n.dot_as_decimal) out->push_back({WarningCode::kDotAsDecimal, "", n.reading});
  if (comma_is_doubtful(n, base)) out->push_back({WarningCode::kCommaBeforeThreeDigits, "", ""});
}

std::string decided_by(const FigureParts& p) {
  if (p.symbol) return std::string(comparator_text(*p.symbol));
  if (p.before.comparator) return p.before.comparator_word;
  if (!p.after_word.empty()) return p.after_word;
  return p.second ? "range without qualifier" : "no qualifier";
}

}  // namespace

bool build_figure(FigureParts p, Figure* out) {
  const bool is_range = p.second.has_value();
  const double scale = p.unit.matched ? p.unit.scale : 1.0;
  const ParsedNumber& n1 = p.first.parsed;
  const ParsedNumber& n2 = is_range ? p.second->parsed : n1;
  Figure fig;
  fig.low = n1.value * scale;
  fig.high = n2.value * scale;
  if (!std::isfinite(fig.low) || !std::isfinite(fig.high)) return false;

  std::vector<Warning>& warnings = fig.warnings;
  if (p.decision.warning) warnings.push_back(*p.decision.warning);
  if (fig.low > fig.high) {
    std::swap(fig.low, fig.high);
    warnings.push_back({WarningCode::kRangeReversed, "", p.range_text});
  }
  warn_about_number(n1, p.unit.base, &warnings);
  if (is_range) warn_about_number(n2, p.unit.base, &warnings);
  for (Warning& w : p.context_warnings) warnings.push_back(std::move(w));
  if (p.year.empty()) warnings.push_back({WarningCode::kNoYear, "", ""});

  fig.comparator = p.symbol ? *p.symbol : resolve_comparator(p.before, p.after, is_range);
  fig.unit = p.decision.code;
  fig.counted = p.decision.counted;
  fig.number_text = std::move(p.number_text);
  fig.unit_text = p.unit_text;
  fig.indicator = std::move(p.indicator);
  fig.item = std::move(p.item);
  fig.year = p.year;
  fig.kind = p.kind;
  fig.change = p.change;

  Reading& r = fig.reading;
  r.source = std::move(p.source);
  r.numbers.push_back({p.first.written, n1.value, n1.reading});
  if (is_range) r.numbers.push_back({p.second->written, n2.value, n2.reading});
  r.scale = scale;
  r.unit_written = std::move(p.unit_text);
  r.unit_words = p.unit.surfaces;
  r.unit_from_indicator = p.decision.inferred_from;
  r.qualifier_before = p.before.words;
  r.qualifier_after = p.after_word;
  r.comparator_decided_by = decided_by(p);
  r.year_source = std::move(p.year_source);
  r.kind_reason = std::move(p.kind_reason);
  *out = std::move(fig);
  return true;
}

}  // namespace chitieu
