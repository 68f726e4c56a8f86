#include "compare/comparison_table.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

#include "common/text.h"

namespace chitieu {
namespace {

using json = nlohmann::json;

// Shares of one whole may round: their sum may miss 100 by this much.
constexpr double kSharesTolerance = 0.5;
// A percentage and its own fraction ("90,3% xã (65/72 xã)") may differ by
// the rounding of the percentage.
constexpr double kFractionTolerance = 0.1;

std::string comparator_symbol(Comparator c) {
  switch (c) {
    case Comparator::kAtLeast: return "≥ ";
    case Comparator::kAtMost: return "≤ ";
    case Comparator::kMore: return "> ";
    case Comparator::kLess: return "< ";
    case Comparator::kApprox: return "~";
    case Comparator::kEqual:
    case Comparator::kRange: break;
  }
  return "";
}

std::string escape_markdown_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

bool same_number(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// What two targets for the same indicator and year disagree on.
std::vector<std::string> differences(const Figure& a, const Figure& b) {
  std::vector<std::string> why;
  if (a.unit != b.unit) why.push_back("unit " + a.unit + " vs " + b.unit);
  if (!same_number(a.low, b.low) || !same_number(a.high, b.high)) why.push_back("value");
  if (a.comparator != b.comparator)
    why.push_back("comparator " + std::string(comparator_text(a.comparator)) + " vs " +
                  std::string(comparator_text(b.comparator)));
  return why;
}

// A target to bring an indicator down: "giảm tỷ lệ hộ nghèo còn 2%",
// "giảm xuống dưới …" — read from the words before the number.
bool lowers(const Figure& target) {
  for (const std::string& w : target.reading.qualifier_before)
    if (w == "giam" || w == "con") return true;
  return comparison_key(target.indicator.display()).rfind("giam ", 0) == 0;
}

// Whether a result meets the target it answers.
bool meets(const Figure& result, const Figure& target) {
  const Comparator c = target.comparator;
  if (lowers(target) && (c == Comparator::kEqual || c == Comparator::kApprox || c == Comparator::kRange))
    return result.high <= target.high;
  if (c == Comparator::kLess) return result.high < target.low;
  if (c == Comparator::kAtMost) return result.high <= target.high;
  if (c == Comparator::kMore) return result.low > target.high;
  return result.low >= target.low;  // =, ~, >=, range: at least the lower bound
}

std::string lower_folded(const std::string& s) { return comparison_key(s); }

}  // namespace

std::string format_value(const Figure& f) {
  std::string unit = f.unit_text.empty() ? f.unit : f.unit_text;
  std::string out = comparator_symbol(f.comparator) + f.number_text;
  if (!unit.empty()) out += (unit[0] == '%' ? "" : " ") + unit;
  return out;
}

std::string format_cell(const Comparison& c, const ComparisonCell& cell) {
  std::string out;
  for (const StoredFigure& sf : cell.figures) {
    if (!out.empty()) out += "; ";
    out += format_value(sf.figure);
    auto col = c.document_column.find(sf.document_id);
    std::string doc = col == c.document_column.end() ? sf.document : "D" + std::to_string(col->second + 1);
    out += " (" + doc + ":" + std::to_string(sf.figure.number_line) + ")";
    if (sf.figure.kind == FigureKind::kResult) out += " [result]";
  }
  return out;
}

Comparison build_comparison(const IndicatorCatalogue& catalogue,
                            const std::map<std::string, MatchDecision>& decisions,
                            const std::vector<StoredDocument>& documents,
                            const std::vector<StoredFigure>& figures, const LineLookup& lines,
                            const ComparisonOptions& options) {
  Comparison c;
  std::string issuer_key = lower_folded(options.issuer);
  for (const StoredDocument& d : documents) {
    if (!options.document.empty() && d.file_name.rfind(options.document, 0) != 0 &&
        d.sha256.rfind(options.document, 0) != 0)
      continue;
    if (!issuer_key.empty() && lower_folded(d.header.issuer).find(issuer_key) == std::string::npos) continue;
    c.document_column[d.id] = c.documents.size();
    c.documents.push_back(d);
  }

  // Match every figure to its indicator.
  struct Matched {
    const StoredFigure* sf;
    IndicatorMatch m;
  };
  std::vector<Matched> matched;
  std::string wanted = lower_folded(options.indicator);
  for (const StoredFigure& sf : figures) {
    if (!c.document_column.count(sf.document_id)) continue;
    if (!options.year.empty() && sf.figure.year != options.year) continue;
    IndicatorMatch m = catalogue.match(sf.figure.indicator.display(), sf.figure.unit, decisions);
    // A wording without words groups with nothing.
    if (m.id.find("auto:") != std::string::npos && m.id.back() == ':')
      m.id += "figure-" + std::to_string(sf.id);
    if (!wanted.empty() && lower_folded(m.id + " " + m.name + " " + sf.figure.indicator.display()).find(wanted) ==
                               std::string::npos)
      continue;
    matched.push_back({&sf, m});
  }

  // Columns and rows.
  std::vector<std::string> years;
  if (options.by_year) {
    std::set<std::string> ys;
    for (const Matched& x : matched) ys.insert(x.sf->figure.year.empty() ? "-" : x.sf->figure.year);
    years.assign(ys.begin(), ys.end());
    c.columns = years;
  } else {
    for (size_t i = 0; i < c.documents.size(); ++i) c.columns.push_back("D" + std::to_string(i + 1));
  }
  std::map<std::string, size_t> row_of;
  for (const Matched& x : matched) {
    const Figure& f = x.sf->figure;
    std::string year = options.by_year ? "" : f.year;
    std::string key = x.m.id + "|" + year;
    auto it = row_of.find(key);
    if (it == row_of.end()) {
      ComparisonRow row;
      row.indicator_id = x.m.id;
      row.indicator = x.m.name;
      row.parent_id = x.m.parent_id;
      row.match_method = x.m.method;
      row.match_score = x.m.score;
      row.year = year;
      row.cells.resize(c.columns.size());
      it = row_of.emplace(key, c.rows.size()).first;
      c.rows.push_back(std::move(row));
    }
    size_t col;
    if (options.by_year) {
      col = std::lower_bound(years.begin(), years.end(), f.year.empty() ? "-" : f.year) - years.begin();
    } else {
      col = c.document_column[x.sf->document_id];
    }
    c.rows[it->second].cells[col].figures.push_back(*x.sf);
  }

  // Disagreements: targets for one indicator and year that differ between documents.
  for (ComparisonRow& row : c.rows) {
    std::vector<const StoredFigure*> targets;
    for (const ComparisonCell& cell : row.cells)
      for (const StoredFigure& sf : cell.figures)
        if (sf.figure.kind == FigureKind::kTarget) targets.push_back(&sf);
    std::set<std::string> reasons;
    for (size_t i = 0; i < targets.size(); ++i)
      for (size_t j = i + 1; j < targets.size(); ++j) {
        if (targets[i]->document_id == targets[j]->document_id) continue;
        if (options.by_year && targets[i]->figure.year != targets[j]->figure.year) continue;
        for (const std::string& w : differences(targets[i]->figure, targets[j]->figure)) {
          reasons.insert(w + " (" + targets[i]->document + ":" + std::to_string(targets[i]->figure.number_line) +
                         " vs " + targets[j]->document + ":" + std::to_string(targets[j]->figure.number_line) + ")");
        }
      }
    row.disagreement = !reasons.empty();
    row.disagreement_reasons.assign(reasons.begin(), reasons.end());
  }

  // Results against the targets they answer: same indicator and year, the
  // target from the same document when it states one, else from another.
  for (ComparisonRow& row : c.rows) {
    std::vector<const StoredFigure*> results, targets;
    for (const ComparisonCell& cell : row.cells)
      for (const StoredFigure& sf : cell.figures)
        (sf.figure.kind == FigureKind::kResult ? results : targets).push_back(&sf);
    for (const StoredFigure* r : results) {
      const StoredFigure* best = nullptr;
      for (const StoredFigure* t : targets) {
        if (t->figure.unit != r->figure.unit || t->figure.year != r->figure.year) continue;
        bool same_doc = t->document_id == r->document_id;
        if (!best || (same_doc && best->document_id != r->document_id)) best = t;
      }
      if (!best) continue;
      ResultCheck rc;
      rc.result_figure = r->id;
      rc.target_figure = best->id;
      rc.achieved = meets(r->figure, best->figure);
      rc.explanation = format_value(r->figure) + (rc.achieved ? " meets " : " misses ") +
                       format_value(best->figure);
      row.results.push_back(rc);
      c.findings.push_back({"result-vs-target", rc.achieved,
                            row.indicator + " " + r->figure.year + ": " + rc.explanation + " (" +
                                r->document + ":" + std::to_string(r->figure.number_line) + " vs " +
                                best->document + ":" + std::to_string(best->figure.number_line) + ")",
                            {r->id, best->id}});
    }
  }

  // Shares of one whole: the children of a catalogue parent, in one document
  // and year, with exact values or ranges, must be able to sum to 100%.
  std::map<std::tuple<std::string, int64_t, std::string>, std::vector<const StoredFigure*>> shares;
  for (const Matched& x : matched) {
    const Figure& f = x.sf->figure;
    if (f.unit != "percent" || x.m.parent_id.empty() || x.m.id.find("auto:") != std::string::npos) continue;
    const CatalogueEntry* parent = catalogue.find(x.m.parent_id);
    if (!parent || !parent->parent.empty()) continue;  // only direct shares of a top-level whole
    if (parent->id.find("structure") == std::string::npos) continue;
    shares[{parent->id, x.sf->document_id, f.year}].push_back(x.sf);
  }
  for (const auto& [key, parts] : shares) {
    if (parts.size() < 2) continue;
    bool exact = std::all_of(parts.begin(), parts.end(), [](const StoredFigure* sf) {
      const Comparator cmp = sf->figure.comparator;
      return cmp == Comparator::kEqual || cmp == Comparator::kApprox || cmp == Comparator::kRange;
    });
    if (!exact) continue;
    double lo = 0, hi = 0;
    std::vector<int64_t> ids;
    for (const StoredFigure* sf : parts) {
      lo += sf->figure.low;
      hi += sf->figure.high;
      ids.push_back(sf->id);
    }
    bool ok = lo <= 100 + kSharesTolerance && hi >= 100 - kSharesTolerance;
    c.findings.push_back({"shares-sum", ok,
                          fmt::format("{} in {} {}: {} shares sum to {:.2f} - {:.2f}%", std::get<0>(key),
                                      parts[0]->document, std::get<2>(key), parts.size(), lo, hi),
                          ids});
  }

  // A percentage against its own fraction: "90,3% xã (65/72 xã)".
  static const RE2 kFraction(R"(^\s*[^()]{0,20}\(\s*(\d+)\s*/\s*(\d+))");
  for (const Matched& x : matched) {
    const Figure& f = x.sf->figure;
    if (f.unit != "percent") continue;
    auto line = lines.find({x.sf->document_id, f.line_end});
    if (line == lines.end()) continue;
    size_t cut = 0, cps = 0;
    for (; cut < line->second.size(); ++cut) {
      if ((static_cast<unsigned char>(line->second[cut]) & 0xC0) == 0x80) continue;
      if (cps == f.char_end) break;
      ++cps;
    }
    int a = 0, b = 0;
    if (!RE2::PartialMatch(line->second.substr(cut), kFraction, &a, &b) || b == 0) continue;
    double pct = 100.0 * a / b;
    bool ok = std::fabs(pct - f.low) <= kFractionTolerance || (pct >= f.low && pct <= f.high);
    c.findings.push_back({"percent-vs-fraction", ok,
                          fmt::format("{}:{}: {} against {}/{} = {:.2f}%", x.sf->document, f.number_line,
                                      format_value(f), a, b, pct),
                          {x.sf->id}});
  }

  // Range bounds in order.
  for (const Matched& x : matched)
    if (x.sf->figure.has_warning(WarningCode::kRangeReversed))
        c.findings.push_back({"range-order", false,
                              x.sf->document + ":" + std::to_string(x.sf->figure.number_line) + ": " +
                                  x.sf->figure.quote + " — bounds written high to low",
                              {x.sf->id}});

  std::stable_sort(c.rows.begin(), c.rows.end(), [](const ComparisonRow& a, const ComparisonRow& b) {
    bool a_auto = a.indicator_id.find("auto:") != std::string::npos;
    bool b_auto = b.indicator_id.find("auto:") != std::string::npos;
    if (a_auto != b_auto) return !a_auto;  // catalogued indicators first
    if (a.indicator_id != b.indicator_id) return a.indicator_id < b.indicator_id;
    return a.year < b.year;
  });
  return c;
}

std::string render_markdown(const Comparison& c) {
  std::string out = "Documents:\n\n";
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const StoredDocument& d = c.documents[i];
    out += "- D" + std::to_string(i + 1) + ": " + d.file_name;
    std::string about;
    if (!d.header.type.empty()) about += d.header.type;
    if (!d.header.number.empty()) about += (about.empty() ? "" : " ") + d.header.number;
    if (!d.header.date.empty()) about += (about.empty() ? "" : ", ") + d.header.date;
    if (d.header.is_draft) about += (about.empty() ? "" : ", ") + std::string("DỰ THẢO");
    if (!about.empty()) out += " — " + about;
    out += " (sha256 " + d.sha256.substr(0, 12) + ")\n";
  }
  bool by_year = !c.rows.empty() && c.rows[0].year.empty() && !c.columns.empty() && c.columns[0][0] != 'D';
  out += "\n| Indicator | " + std::string(by_year ? "" : "Year | ") + "Unit |";
  for (const std::string& col : c.columns) out += " " + col + " |";
  out += " Flags |\n|---|" + std::string(by_year ? "" : "---|") + "---|";
  for (size_t i = 0; i < c.columns.size(); ++i) out += "---|";
  out += "---|\n";
  for (const ComparisonRow& r : c.rows) {
    std::string unit;
    for (const ComparisonCell& cell : r.cells)
      if (!cell.figures.empty() && unit.empty()) unit = cell.figures[0].figure.unit;
    std::string name = r.indicator;
    if (r.match_method == "similarity") {
      char buf[32];
      std::snprintf(buf, sizeof buf, " (~%.2f)", r.match_score);
      name += buf;
    }
    out += "| " + escape_markdown_cell(name) + " | " + (by_year ? "" : (r.year.empty() ? "-" : r.year) + " | ") +
           unit + " |";
    for (const ComparisonCell& cell : r.cells) out += " " + escape_markdown_cell(format_cell(c, cell)) + " |";
    std::string flags;
    if (r.disagreement) flags += "DISAGREE";
    for (const ResultCheck& rc : r.results)
      flags += std::string(flags.empty() ? "" : ", ") + (rc.achieved ? "achieved" : "NOT achieved");
    out += " " + flags + " |\n";
  }
  size_t passed = 0;
  for (const AuditFinding& f : c.findings) passed += f.passed;
  out += "\nAudit checks: " + std::to_string(passed) + " passed, " +
         std::to_string(c.findings.size() - passed) + " failed\n\n";
  for (const AuditFinding& f : c.findings)
    out += std::string(f.passed ? "- ok   " : "- FAIL ") + "[" + f.check + "] " + f.message + "\n";
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += "\"\"";
    else out += ch;
  }
  return out + "\"";
}

std::string render_csv(const Comparison& c) {
  std::string out = "indicator_id,indicator,year,disagreement";
  for (const std::string& col : c.columns) {
    std::string name = col;
    if (col[0] == 'D') name = c.documents[std::stoul(col.substr(1)) - 1].file_name;
    out += "," + csv_field(name);
  }
  out += "\n";
  for (const ComparisonRow& r : c.rows) {
    out += csv_field(r.indicator_id) + "," + csv_field(r.indicator) + "," + csv_field(r.year) + "," +
           (r.disagreement ? "true" : "false");
    for (const ComparisonCell& cell : r.cells) out += "," + csv_field(format_cell(c, cell));
    out += "\n";
  }
  return out;
}

std::string render_jsonl(const Comparison& c) {
  std::string out;
  // One object per indicator and year, whatever the view.
  std::map<std::pair<std::string, std::string>, json> rows;
  std::vector<std::pair<std::string, std::string>> order;
  for (const ComparisonRow& r : c.rows)
    for (const ComparisonCell& cell : r.cells)
      for (const StoredFigure& sf : cell.figures) {
        auto key = std::make_pair(r.indicator_id, sf.figure.year);
        auto it = rows.find(key);
        if (it == rows.end()) {
          json j;
          j["indicator_id"] = r.indicator_id;
          j["indicator"] = r.indicator;
          j["parent"] = r.parent_id.empty() ? json(nullptr) : json(r.parent_id);
          j["year"] = sf.figure.year.empty() ? json(nullptr) : json(sf.figure.year);
          j["match"] = {{"method", r.match_method}, {"score", r.match_score}};
          j["disagreement"] = r.disagreement;
          j["disagreement_reasons"] = r.disagreement_reasons;
          j["cells"] = json::array();
          it = rows.emplace(key, j).first;
          order.push_back(key);
        }
        it->second["cells"].push_back({{"document", sf.document},
                                       {"doc_sha256", sf.doc_sha256},
                                       {"line", sf.figure.number_line},
                                       {"figure_id", sf.id},
                                       {"comparator", comparator_text(sf.figure.comparator)},
                                       {"low", sf.figure.low},
                                       {"high", sf.figure.high},
                                       {"unit", sf.figure.unit},
                                       {"kind", kind_text(sf.figure.kind)},
                                       {"text", format_value(sf.figure)}});
        json results = json::array();
        for (const ResultCheck& rc : r.results)
          results.push_back({{"result_figure", rc.result_figure},
                             {"target_figure", rc.target_figure},
                             {"achieved", rc.achieved},
                             {"explanation", rc.explanation}});
        it->second["results"] = results;
      }
  // In the by-year view a row holds every year: each object's flags come from
  // its own cells only.
  std::map<int64_t, const StoredFigure*> by_id;
  for (const ComparisonRow& r : c.rows)
    for (const ComparisonCell& cell : r.cells)
      for (const StoredFigure& sf : cell.figures) by_id[sf.id] = &sf;
  for (const auto& key : order) {
    json& j = rows[key];
    std::set<int64_t> ids;
    for (const json& cell : j["cells"]) ids.insert(cell["figure_id"].get<int64_t>());
    bool disagree = false;
    std::vector<std::string> reasons;
    for (int64_t a : ids)
      for (int64_t b : ids) {
        const StoredFigure* x = by_id[a];
        const StoredFigure* y = by_id[b];
        if (a >= b || x->figure.kind != FigureKind::kTarget || y->figure.kind != FigureKind::kTarget ||
            x->document_id == y->document_id)
          continue;
        for (const std::string& w : differences(x->figure, y->figure)) {
          disagree = true;
          reasons.push_back(w + " (" + x->document + ":" + std::to_string(x->figure.number_line) + " vs " +
                            y->document + ":" + std::to_string(y->figure.number_line) + ")");
        }
      }
    j["disagreement"] = disagree;
    j["disagreement_reasons"] = reasons;
    json results = json::array();
    for (const json& r : j["results"])
      if (ids.count(r["result_figure"].get<int64_t>())) results.push_back(r);
    j["results"] = results;
    out += j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace chitieu
