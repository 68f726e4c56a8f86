#include "compare/comparison_table.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/text.h"
#include "compare/audit_checks.h"

namespace chitieu {
namespace {

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

bool same_number(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }


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

bool is_uncatalogued(const std::string& indicator_id) { return indicator_id.find("auto:") != std::string::npos; }

// The documents the options keep, in their order, each with its column.
void select_documents(const std::vector<StoredDocument>& documents, const ComparisonOptions& options,
                      Comparison* c) {
  std::string issuer_key = comparison_key(options.issuer);
  for (const StoredDocument& d : documents) {
    if (!options.document.empty() && d.file_name.rfind(options.document, 0) != 0 &&
        d.sha256.rfind(options.document, 0) != 0)
      continue;
    if (!issuer_key.empty() && comparison_key(d.header.issuer).find(issuer_key) == std::string::npos) continue;
    c->document_column[d.id] = c->documents.size();
    c->documents.push_back(d);
  }
}

// An uncatalogued wording groups figures only when it names something: one
// of fewer than two words does not ("xã"), nor one a document gives two
// values of the same change and year ("kế hoạch": 45,2% of one plan, 101,3%
// of another; a target and a result too, as nothing says they are of one
// indicator). Their figures keep a row each.
void ungroup_what_names_nothing(std::vector<MatchedFigure>* matched) {
  std::map<std::string, std::map<std::string, std::set<std::pair<double, double>>>> values;  // id -> where -> values
  for (const MatchedFigure& x : *matched) {
    if (!is_uncatalogued(x.match.id)) continue;
    const Figure& f = x.figure->figure;
    std::string where =
        std::to_string(x.figure->document_id) + "|" + f.year + "|" + std::string(change_text(f.change));
    values[x.match.id][where].insert({f.low, f.high});
  }
  std::set<std::string> contradicted;
  for (const auto& [id, by_place] : values)
    for (const auto& [where, seen] : by_place)
      if (seen.size() > 1) contradicted.insert(id);
  for (MatchedFigure& x : *matched)
    if (!x.match.grouped || contradicted.count(x.match.id)) x.match.id += "|figure-" + std::to_string(x.figure->id);
}

// Every figure of a kept document and year, matched to its indicator, that
// the indicator filters keep.
std::vector<MatchedFigure> match_figures(const IndicatorCatalogue& catalogue,
                                         const std::map<std::string, MatchDecision>& decisions,
                                         const std::vector<StoredFigure>& figures, const Comparison& c,
                                         const ComparisonOptions& options) {
  std::vector<MatchedFigure> matched;
  std::string wanted = comparison_key(options.indicator);
  for (const StoredFigure& sf : figures) {
    if (!c.document_column.count(sf.document_id)) continue;
    // Rules and facts are no targets or results of an indicator: not compared.
    if (sf.figure.kind == FigureKind::kRule || sf.figure.kind == FigureKind::kFact) continue;
    if (!options.year.empty() && sf.figure.year != options.year) continue;
    IndicatorMatch m = catalogue.match(sf.figure, decisions);
    if (!options.indicator_id.empty() && m.id != options.indicator_id) continue;
    std::string searched = m.id + " " + m.name + " " + sf.figure.indicator.display();
    if (!wanted.empty() && comparison_key(searched).find(wanted) == std::string::npos) continue;
    matched.push_back({&sf, m});
  }
  ungroup_what_names_nothing(&matched);
  return matched;
}

// With one indicator asked for, only the documents that hold it keep a column.
void keep_documents_with_figures(const std::vector<MatchedFigure>& matched, Comparison* c) {
  std::set<int64_t> holding;
  for (const MatchedFigure& x : matched) holding.insert(x.figure->document_id);
  std::vector<StoredDocument> kept;
  c->document_column.clear();
  for (StoredDocument& d : c->documents) {
    if (!holding.count(d.id)) continue;
    c->document_column[d.id] = kept.size();
    kept.push_back(std::move(d));
  }
  c->documents = std::move(kept);
}

// The column of a figure without a year in the by-year view.
const char kNoYear[] = "-";

std::string year_column_of(const Figure& f) { return f.year.empty() ? kNoYear : f.year; }

// One column per document, or one per year among the figures, in order.
std::vector<Column> make_columns(const Comparison& c, const std::vector<MatchedFigure>& matched) {
  std::vector<Column> columns;
  if (c.by_year) {
    std::set<std::string> years;
    for (const MatchedFigure& x : matched) years.insert(year_column_of(x.figure->figure));
    for (const std::string& y : years) columns.push_back(Column::Year(y));
  } else {
    for (size_t i = 0; i < c.documents.size(); ++i) columns.push_back(Column::Document(i));
  }
  return columns;
}

ComparisonRow new_row(const IndicatorMatch& m, const std::string& year, size_t columns) {
  ComparisonRow row;
  row.indicator_id = m.id;
  row.indicator = m.name;
  row.parent_id = m.parent_id;
  row.match_method = m.method;
  row.match_score = m.score;
  row.year = year;
  row.cells.resize(columns);
  return row;
}

// Rows in order of their first figure, each figure in its column's cell.
std::vector<ComparisonRow> make_rows(const Comparison& c, const std::vector<MatchedFigure>& matched) {
  std::map<std::string, size_t> column_of_year;
  for (size_t i = 0; i < c.columns.size(); ++i)
    if (!c.columns[i].is_document()) column_of_year[c.columns[i].year] = i;
  std::vector<ComparisonRow> rows;
  std::map<std::string, size_t> row_of;  // "id|year" -> index in rows
  for (const MatchedFigure& x : matched) {
    const Figure& f = x.figure->figure;
    std::string year = c.by_year ? "" : f.year;
    auto it = row_of.find(x.match.id + "|" + year);
    if (it == row_of.end()) {
      it = row_of.emplace(x.match.id + "|" + year, rows.size()).first;
      rows.push_back(new_row(x.match, year, c.columns.size()));
    }
    size_t col = c.by_year ? column_of_year.at(year_column_of(f)) : c.document_column.at(x.figure->document_id);
    rows[it->second].cells[col].figures.push_back(*x.figure);
  }
  return rows;
}

std::vector<const StoredFigure*> figures_of(const ComparisonRow& row) {
  std::vector<const StoredFigure*> out;
  for (const ComparisonCell& cell : row.cells)
    for (const StoredFigure& sf : cell.figures) out.push_back(&sf);
  return out;
}

void flag_disagreement(ComparisonRow* row) {
  std::set<std::string> reasons;
  for (std::string& why : disagreement_reasons(figures_of(*row))) reasons.insert(std::move(why));
  row->disagreement = !reasons.empty();
  row->disagreement_reasons.assign(reasons.begin(), reasons.end());
}

// The distinct units of a row's figures, in order of appearance.
std::string units_of(const ComparisonRow& row) {
  std::vector<std::string> units;
  for (const StoredFigure* sf : figures_of(row))
    if (std::find(units.begin(), units.end(), sf->figure.unit) == units.end()) units.push_back(sf->figure.unit);
  std::string out;
  for (const std::string& u : units) out += (out.empty() ? "" : "; ") + u;
  return out;
}

// The unit without its time denominators: "percent/year" → "percent".
std::string unit_without_time(const std::string& unit) {
  std::string out;
  size_t pos = 0;
  while (pos <= unit.size()) {
    size_t slash = unit.find('/', pos);
    if (slash == std::string::npos) slash = unit.size();
    std::string part = unit.substr(pos, slash - pos);
    if (out.empty() || (part != "year" && part != "month")) out += (out.empty() ? "" : "/") + part;
    pos = slash + 1;
  }
  return out;
}

// Results against the targets they answer: same indicator, unit and year, the
// target from the same document when it states one, else from another.
std::vector<ResultCheck> check_results(const ComparisonRow& row) {
  std::vector<const StoredFigure*> results, targets;
  for (const StoredFigure* sf : figures_of(row))
    (sf->figure.kind == FigureKind::kResult ? results : targets).push_back(sf);
  std::vector<ResultCheck> out;
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
    rc.explanation = format_value(r->figure) + (rc.achieved ? " meets " : " misses ") + format_value(best->figure);
    out.push_back(rc);
  }
  return out;
}

// Catalogued indicators first, then by id and year.
void sort_rows(std::vector<ComparisonRow>* rows) {
  std::stable_sort(rows->begin(), rows->end(), [](const ComparisonRow& a, const ComparisonRow& b) {
    bool a_auto = is_uncatalogued(a.indicator_id), b_auto = is_uncatalogued(b.indicator_id);
    if (a_auto != b_auto) return !a_auto;
    if (a.indicator_id != b.indicator_id) return a.indicator_id < b.indicator_id;
    return a.year < b.year;
  });
}

}  // namespace

std::string document_label(size_t index) {
  // Appending, not "D" + to_string(...): GCC 12 warns falsely about that form
  // (bug 105651).
  std::string out = "D";
  out += std::to_string(index + 1);
  return out;
}

bool comparable_units(const std::string& a, const std::string& b) {
  return unit_without_time(a) == unit_without_time(b);
}

std::vector<std::string> disagreement_reasons(const std::vector<const StoredFigure*>& figures) {
  std::vector<const StoredFigure*> targets;
  for (const StoredFigure* sf : figures)
    if (sf->figure.kind == FigureKind::kTarget) targets.push_back(sf);
  std::vector<std::string> reasons;
  for (size_t i = 0; i < targets.size(); ++i)
    for (size_t j = i + 1; j < targets.size(); ++j) {
      const StoredFigure& a = *targets[i];
      const StoredFigure& b = *targets[j];
      if (a.document_id == b.document_id || a.figure.year != b.figure.year) continue;
      if (a.figure.change != b.figure.change || !comparable_units(a.figure.unit, b.figure.unit)) continue;
      if (same_number(a.figure.low, b.figure.low) && same_number(a.figure.high, b.figure.high)) continue;
      reasons.push_back((a.figure.year.empty() ? "" : a.figure.year + ": ") + format_value(a.figure) + " (" +
                        figure_location(a) + ") vs " + format_value(b.figure) + " (" + figure_location(b) + ")");
    }
  return reasons;
}

std::string figure_location(const StoredFigure& sf) {
  return sf.document + ":" + std::to_string(sf.figure.number_line);
}

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
    std::string doc = col == c.document_column.end() ? sf.document : document_label(col->second);
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
  c.by_year = options.by_year;
  select_documents(documents, options, &c);
  std::vector<MatchedFigure> matched = match_figures(catalogue, decisions, figures, c, options);
  if (!options.indicator_id.empty()) keep_documents_with_figures(matched, &c);
  c.columns = make_columns(c, matched);
  c.rows = make_rows(c, matched);
  for (ComparisonRow& row : c.rows) {
    row.unit = units_of(row);
    flag_disagreement(&row);
    row.results = check_results(row);
  }
  // Before sorting: the findings follow the rows in order of their first figure.
  c.findings = run_audit_checks({catalogue, matched, c.rows, lines});
  sort_rows(&c.rows);
  return c;
}

}  // namespace chitieu
