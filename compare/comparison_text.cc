// The comparison table as markdown, CSV and JSON lines (declared in
// comparison_table.h). Single separators are appended as chars (',' + s), not
// string literals: GCC 12 warns falsely about "," + s (-Wrestrict, bug 105651).
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "compare/comparison_table.h"

namespace chitieu {
namespace {

using json = nlohmann::json;

std::string escape_markdown_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

// "- D1: a.txt — Nghị quyết 59-NQ/TW, 2020-08-05 (sha256 be3ff63c5d16)"
std::string markdown_document(size_t index, const StoredDocument& d) {
  std::string out = "- " + document_label(index) + ": " + d.file_name;
  std::string about;
  if (!d.header.type.empty()) about += d.header.type;
  if (!d.header.number.empty()) about += (about.empty() ? "" : " ") + d.header.number;
  if (!d.header.date.empty()) about += (about.empty() ? "" : ", ") + d.header.date;
  if (d.header.is_draft) about += (about.empty() ? "" : ", ") + std::string("DỰ THẢO");
  if (!about.empty()) out += " — " + about;
  return out + " (sha256 " + d.sha256.substr(0, 12) + ")\n";
}

std::string markdown_header(const Comparison& c) {
  std::string out = "| Indicator | " + std::string(c.by_year ? "" : "Year | ") + "Unit |";
  for (const Column& col : c.columns) out += ' ' + col.label() + " |";
  out += " Flags |\n|---|" + std::string(c.by_year ? "" : "---|") + "---|";
  for (size_t i = 0; i < c.columns.size(); ++i) out += "---|";
  return out + "---|\n";
}

std::string markdown_row(const Comparison& c, const ComparisonRow& r) {
  std::string name = r.indicator;
  if (r.match_method == "similarity") {
    char buf[32];
    std::snprintf(buf, sizeof buf, " (~%.2f)", r.match_score);
    name += buf;
  }
  std::string out = "| " + escape_markdown_cell(name) + " | " +
                    (c.by_year ? "" : (r.year.empty() ? "-" : r.year) + " | ") + escape_markdown_cell(r.unit) + " |";
  for (const ComparisonCell& cell : r.cells) out += ' ' + escape_markdown_cell(format_cell(c, cell)) + " |";
  std::string flags;
  if (r.disagreement) flags += "DISAGREE";
  for (const ResultCheck& rc : r.results)
    flags += std::string(flags.empty() ? "" : ", ") + (rc.achieved ? "achieved" : "NOT achieved");
  return out + " " + flags + " |\n";
}

std::string markdown_findings(const Comparison& c) {
  size_t passed = 0;
  for (const AuditFinding& f : c.findings) passed += f.passed;
  std::string out = "Audit checks: " + std::to_string(passed) + " passed, " +
                    std::to_string(c.findings.size() - passed) + " failed\n\n";
  for (const AuditFinding& f : c.findings)
    out += std::string(f.passed ? "- ok   " : "- FAIL ") + "[" + f.check + "] " + f.message + "\n";
  return out;
}

// A row's figures grouped by their own year, in order of first appearance:
// one group in the by-document view, one per year in the by-year view.
std::vector<std::pair<std::string, std::vector<const StoredFigure*>>> figures_by_year(const ComparisonRow& r) {
  std::vector<std::pair<std::string, std::vector<const StoredFigure*>>> groups;
  for (const ComparisonCell& cell : r.cells)
    for (const StoredFigure& sf : cell.figures) {
      auto g = std::find_if(groups.begin(), groups.end(),
                            [&](const auto& group) { return group.first == sf.figure.year; });
      if (g == groups.end()) g = groups.insert(groups.end(), {sf.figure.year, {}});
      g->second.push_back(&sf);
    }
  return groups;
}

json jsonl_cell(const StoredFigure& sf) {
  return {{"document", sf.document},
          {"doc_sha256", sf.doc_sha256},
          {"line", sf.figure.number_line},
          {"figure_id", sf.id},
          {"comparator", comparator_text(sf.figure.comparator)},
          {"low", sf.figure.low},
          {"high", sf.figure.high},
          {"unit", sf.figure.unit},
          {"kind", kind_text(sf.figure.kind)},
          {"text", format_value(sf.figure)}};
}

// One indicator and year of row `r`: its flags come from its own figures only,
// as a by-year row holds every year.
json jsonl_object(const ComparisonRow& r, const std::string& year, std::vector<const StoredFigure*> figures) {
  json j;
  j["indicator_id"] = r.indicator_id;
  j["indicator"] = r.indicator;
  j["parent"] = r.parent_id.empty() ? json(nullptr) : json(r.parent_id);
  j["year"] = year.empty() ? json(nullptr) : json(year);
  j["match"] = {{"method", r.match_method}, {"score", r.match_score}};
  j["cells"] = json::array();
  for (const StoredFigure* sf : figures) j["cells"].push_back(jsonl_cell(*sf));
  // Pairs in figure id order, every reason kept: the object's own view.
  std::sort(figures.begin(), figures.end(),
            [](const StoredFigure* a, const StoredFigure* b) { return a->id < b->id; });
  std::vector<std::string> reasons = disagreement_reasons(figures);
  j["disagreement"] = !reasons.empty();
  j["disagreement_reasons"] = reasons;
  j["results"] = json::array();
  auto here = [&](int64_t id) {
    return std::any_of(figures.begin(), figures.end(), [&](const StoredFigure* sf) { return sf->id == id; });
  };
  for (const ResultCheck& rc : r.results)
    if (here(rc.result_figure))
      j["results"].push_back({{"result_figure", rc.result_figure},
                              {"target_figure", rc.target_figure},
                              {"achieved", rc.achieved},
                              {"explanation", rc.explanation}});
  return j;
}

}  // namespace

std::string render_markdown(const Comparison& c) {
  std::string out = "Documents:\n\n";
  for (size_t i = 0; i < c.documents.size(); ++i) out += markdown_document(i, c.documents[i]);
  out += '\n';
  out += markdown_header(c);
  for (const ComparisonRow& r : c.rows) out += markdown_row(c, r);
  return out + "\n" + markdown_findings(c);
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
  std::string out = "indicator_id,indicator,year,unit,disagreement";
  for (const Column& col : c.columns)
    out += ',' + csv_field(col.is_document() ? c.documents[col.document].file_name : col.year);
  out += "\n";
  for (const ComparisonRow& r : c.rows) {
    out += csv_field(r.indicator_id) + "," + csv_field(r.indicator) + "," + csv_field(r.year) + "," +
           csv_field(r.unit) + "," + (r.disagreement ? "true" : "false");
    for (const ComparisonCell& cell : r.cells) out += ',' + csv_field(format_cell(c, cell));
    out += "\n";
  }
  return out;
}

std::string render_jsonl(const Comparison& c) {
  std::string out;
  for (const ComparisonRow& r : c.rows)
    for (auto& [year, figures] : figures_by_year(r))
      out += jsonl_object(r, year, std::move(figures)).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace chitieu
