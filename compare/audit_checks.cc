#include "compare/audit_checks.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <string>
#include <tuple>

namespace chitieu {
namespace {

// Shares of one whole may round: their sum may miss 100 by this much.
constexpr double kSharesTolerance = 0.5;
// A percentage and its own fraction ("90,3% xã (65/72 xã)") may differ by
// the rounding of the percentage.
constexpr double kFractionTolerance = 0.1;

const StoredFigure* figure_in_row(const ComparisonRow& row, int64_t id) {
  for (const ComparisonCell& cell : row.cells)
    for (const StoredFigure& sf : cell.figures)
      if (sf.id == id) return &sf;
  return nullptr;
}

// A share of a top-level catalogue whole (a "structure"): its parent's id;
// empty for any other figure.
std::string whole_of(const IndicatorCatalogue& catalogue, const MatchedFigure& x) {
  if (x.figure->figure.unit != "percent" || x.match.parent_id.empty() ||
      x.match.id.find("auto:") != std::string::npos)
    return "";
  const CatalogueEntry* parent = catalogue.find(x.match.parent_id);
  if (!parent || !parent->parent.empty()) return "";  // only direct shares of a top-level whole
  if (parent->id.find("structure") == std::string::npos) return "";
  return parent->id;
}

// Exact values or ranges: shares stated as bounds ("at least 30%") cannot be summed.
bool summable(const StoredFigure* sf) {
  const Comparator c = sf->figure.comparator;
  return c == Comparator::kEqual || c == Comparator::kApprox || c == Comparator::kRange;
}

// The raw line's text after code point `cp`.
std::string text_after(const std::string& line, size_t cp) {
  size_t cut = 0, cps = 0;
  for (; cut < line.size(); ++cut) {
    if ((static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) continue;
    if (cps == cp) break;
    ++cps;
  }
  return line.substr(cut);
}

constexpr std::array<NamedCheck, 4> kAuditChecks = {{
    {"result-vs-target", check_result_vs_target},
    {"shares-sum", check_shares_sum},
    {"percent-vs-fraction", check_percent_vs_fraction},
    {"range-order", check_range_order},
}};

}  // namespace

std::vector<AuditFinding> check_result_vs_target(const CheckInput& in) {
  std::vector<AuditFinding> out;
  for (const ComparisonRow& row : in.rows)
    for (const ResultCheck& rc : row.results) {
      const StoredFigure* r = figure_in_row(row, rc.result_figure);
      const StoredFigure* t = figure_in_row(row, rc.target_figure);
      if (!r || !t) continue;
      out.push_back({"", rc.achieved,
                     row.indicator + " " + r->figure.year + ": " + rc.explanation + " (" + figure_location(*r) +
                         " vs " + figure_location(*t) + ")",
                     {r->id, t->id}});
    }
  return out;
}

// The children of a catalogue whole, in one document and year, with exact
// values or ranges, must be able to sum to 100%.
std::vector<AuditFinding> check_shares_sum(const CheckInput& in) {
  std::map<std::tuple<std::string, int64_t, std::string>, std::vector<const StoredFigure*>> shares;
  for (const MatchedFigure& x : in.figures) {
    std::string whole = whole_of(in.catalogue, x);
    if (!whole.empty()) shares[{whole, x.figure->document_id, x.figure->figure.year}].push_back(x.figure);
  }
  std::vector<AuditFinding> out;
  for (const auto& [key, parts] : shares) {
    if (parts.size() < 2 || !std::all_of(parts.begin(), parts.end(), summable)) continue;
    double lo = 0, hi = 0;
    std::vector<int64_t> ids;
    for (const StoredFigure* sf : parts) {
      lo += sf->figure.low;
      hi += sf->figure.high;
      ids.push_back(sf->id);
    }
    bool ok = lo <= 100 + kSharesTolerance && hi >= 100 - kSharesTolerance;
    out.push_back({"", ok,
                   fmt::format("{} in {} {}: {} shares sum to {:.2f} - {:.2f}%", std::get<0>(key),
                               parts[0]->document, std::get<2>(key), parts.size(), lo, hi),
                   ids});
  }
  return out;
}

std::vector<AuditFinding> check_percent_vs_fraction(const CheckInput& in) {
  static const RE2 kFraction(R"(^\s*[^()]{0,20}\(\s*(\d+)\s*/\s*(\d+))");
  std::vector<AuditFinding> out;
  for (const MatchedFigure& x : in.figures) {
    const Figure& f = x.figure->figure;
    if (f.unit != "percent") continue;
    auto line = in.lines.find({x.figure->document_id, f.line_end});
    if (line == in.lines.end()) continue;
    int a = 0, b = 0;
    if (!RE2::PartialMatch(text_after(line->second, f.char_end), kFraction, &a, &b) || b == 0) continue;
    double pct = 100.0 * a / b;
    bool ok = std::fabs(pct - f.low) <= kFractionTolerance || (pct >= f.low && pct <= f.high);
    out.push_back({"", ok,
                   fmt::format("{}: {} against {}/{} = {:.2f}%", figure_location(*x.figure), format_value(f), a, b,
                               pct),
                   {x.figure->id}});
  }
  return out;
}

std::vector<AuditFinding> check_range_order(const CheckInput& in) {
  std::vector<AuditFinding> out;
  for (const MatchedFigure& x : in.figures)
    if (x.figure->figure.has_warning(WarningCode::kRangeReversed))
      out.push_back({"", false,
                     figure_location(*x.figure) + ": " + x.figure->figure.quote + " — bounds written high to low",
                     {x.figure->id}});
  return out;
}

std::span<const NamedCheck> audit_checks() { return kAuditChecks; }

std::vector<AuditFinding> run_audit_checks(const CheckInput& in) {
  std::vector<AuditFinding> out;
  for (const NamedCheck& check : kAuditChecks)
    for (AuditFinding& f : check.run(in)) {
      f.check = std::string(check.name);
      out.push_back(std::move(f));
    }
  return out;
}

}  // namespace chitieu
