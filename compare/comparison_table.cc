#include "compare/comparison_table.h"

#include <algorithm>
#include <map>

#include "extractor/text_repair.h"

namespace chitieu {
namespace {

std::string comparator_symbol(const std::string& c) {
  if (c == ">=") return "≥ ";
  if (c == "<=") return "≤ ";
  if (c == ">") return "> ";
  if (c == "<") return "< ";
  if (c == "~") return "~";
  return "";
}

std::string escape_markdown_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string indicator_key(const std::string& indicator) { return comparison_key(indicator); }

ComparisonTable build_comparison(const std::vector<StoredDocument>& documents,
                                 const std::vector<StoredFigure>& figures) {
  ComparisonTable t;
  t.documents = documents;
  std::map<int64_t, size_t> column;
  for (size_t i = 0; i < documents.size(); ++i) column[documents[i].id] = i;
  std::map<std::string, size_t> row_of;
  for (const StoredFigure& sf : figures) {
    std::string key = indicator_key(sf.figure.indicator) + "|" + sf.figure.unit;
    auto it = row_of.find(key);
    if (it == row_of.end()) {
      ComparisonRow row;
      row.key = key;
      row.indicator = sf.figure.indicator;
      row.unit = sf.figure.unit;
      row.cells.resize(documents.size());
      it = row_of.emplace(key, t.rows.size()).first;
      t.rows.push_back(std::move(row));
    }
    auto col = column.find(sf.document_id);
    if (col == column.end()) continue;
    t.rows[it->second].cells[col->second].figures.push_back(sf);
  }
  for (ComparisonRow& r : t.rows)
    for (const ComparisonCell& c : r.cells) r.documents_with_values += !c.figures.empty();
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const ComparisonRow& a, const ComparisonRow& b) {
    if (a.documents_with_values != b.documents_with_values)
      return a.documents_with_values > b.documents_with_values;
    return a.key < b.key;
  });
  return t;
}

std::string format_cell(const ComparisonCell& cell, size_t column) {
  std::string out;
  for (const StoredFigure& sf : cell.figures) {
    const Figure& f = sf.figure;
    if (!out.empty()) out += "; ";
    std::string unit = f.unit_text.empty() ? f.unit : f.unit_text;
    out += comparator_symbol(f.comparator) + f.number_text;
    if (!unit.empty()) out += (unit == "%" || unit.rfind("%", 0) == 0 ? "" : " ") + unit;
    if (!f.year.empty()) out += " [" + f.year + "]";
    out += " (D" + std::to_string(column + 1) + ":" + std::to_string(f.number_line) + ")";
  }
  return out;
}

std::string render_markdown(const ComparisonTable& t) {
  std::string out = "Documents:\n\n";
  for (size_t i = 0; i < t.documents.size(); ++i) {
    const StoredDocument& d = t.documents[i];
    out += "- D" + std::to_string(i + 1) + ": " + d.file_name;
    std::string about;
    if (!d.header.type.empty()) about += d.header.type;
    if (!d.header.number.empty()) about += (about.empty() ? "" : " ") + d.header.number;
    if (!d.header.date.empty()) about += (about.empty() ? "" : ", ") + d.header.date;
    if (d.header.is_draft) about += (about.empty() ? "" : ", ") + std::string("DỰ THẢO");
    if (!about.empty()) out += " — " + about;
    out += " (sha256 " + d.sha256.substr(0, 12) + ")\n";
  }
  out += "\n| Indicator | Unit |";
  for (size_t i = 0; i < t.documents.size(); ++i) out += " D" + std::to_string(i + 1) + " |";
  out += "\n|---|---|";
  for (size_t i = 0; i < t.documents.size(); ++i) out += "---|";
  out += "\n";
  for (const ComparisonRow& r : t.rows) {
    out += "| " + escape_markdown_cell(r.indicator) + " | " + r.unit + " |";
    for (size_t i = 0; i < r.cells.size(); ++i)
      out += " " + escape_markdown_cell(format_cell(r.cells[i], i)) + " |";
    out += "\n";
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

std::string render_csv(const ComparisonTable& t) {
  std::string out = "indicator,unit";
  for (const StoredDocument& d : t.documents) out += "," + csv_field(d.file_name);
  out += "\n";
  for (const ComparisonRow& r : t.rows) {
    out += csv_field(r.indicator) + "," + csv_field(r.unit);
    for (size_t i = 0; i < r.cells.size(); ++i) out += "," + csv_field(format_cell(r.cells[i], i));
    out += "\n";
  }
  return out;
}

}  // namespace chitieu
