#include "pipeline/export.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "compare/comparison_table.h"

namespace chitieu {
namespace {

using json = nlohmann::json;

json figure_json(const StoredFigure& sf) {
  const Figure& f = sf.figure;
  json j;
  j["id"] = sf.id;
  j["document"] = sf.document;
  j["doc_sha256"] = sf.doc_sha256;
  j["page"] = sf.page > 0 ? json(sf.page) : json(nullptr);
  j["page_line"] = sf.page_line > 0 ? json(sf.page_line) : json(nullptr);
  j["line"] = f.number_line;
  j["line_end"] = f.line_end;
  j["quote_line"] = f.line;
  j["char_start"] = f.char_start;
  j["char_end"] = f.char_end;
  j["quote"] = f.quote;
  j["indicator"] = f.indicator.display();
  j["parent"] = f.indicator.parent.empty() ? json(nullptr) : json(f.indicator.parent);
  j["item"] = f.item.empty() ? json(nullptr) : json(f.item);
  j["comparator"] = comparator_text(f.comparator);
  j["low"] = f.low;
  j["high"] = f.high;
  j["unit"] = f.unit;
  j["counted"] = f.counted.empty() ? json(nullptr) : json(f.counted);
  j["year"] = f.year.empty() ? json(nullptr) : json(f.year);
  j["kind"] = kind_text(f.kind);
  j["change"] = f.change == Change::kLevel ? json(nullptr) : json(change_text(f.change));
  j["number_text"] = f.number_text;
  j["unit_text"] = f.unit_text;
  j["warnings"] = f.rendered_warnings();
  return j;
}

json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Invalid UTF-8 cannot reach the store, but should it, it is replaced rather
// than thrown.
std::string json_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string csv_cell(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) return format_number(v.get<double>());
  return json_line(v);
}

}  // namespace

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> kColumns = {
      "id",         "document", "doc_sha256", "page",       "page_line", "line",
      "line_end",   "quote_line", "char_start", "char_end", "quote",     "indicator",
      "parent",     "item",     "comparator", "low",        "high",      "unit",
      "counted",    "year",     "kind",       "change",      "number_text", "unit_text", "warnings"};
  return kColumns;
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string figure_jsonl(const StoredFigure& figure) { return json_line(figure_json(figure)); }

std::string figure_csv_row(const StoredFigure& figure) {
  json j = figure_json(figure);
  std::string row;
  for (const std::string& c : export_columns()) row += (row.empty() ? "" : ",") + csv_field(csv_cell(j[c]));
  return row;
}

std::string export_csv_header() {
  std::string header;
  for (const std::string& c : export_columns()) header += (header.empty() ? "" : ",") + c;
  return header;
}

Status export_figures(Store* store, ExportFormat format, std::ostream& out) {
  if (format == ExportFormat::kCsv) out << export_csv_header() << "\n";
  return store->figures([&](const StoredFigure& sf) {
    out << (format == ExportFormat::kJsonl ? figure_jsonl(sf) : figure_csv_row(sf)) << "\n";
  });
}

std::string document_jsonl(const StoredDocument& d) {
  json j = {{"id", d.id},
            {"file_name", d.file_name},
            {"path", d.path},
            {"sha256", d.sha256},
            {"size_bytes", d.size_bytes},
            {"format", d.format},
            {"converted_by", d.converted_by.empty() ? json(nullptr) : json(d.converted_by)},
            {"encoding", d.encoding},
            {"encoding_confidence", d.encoding_confidence},
            {"previous_version", d.previous_version_id ? json(d.previous_version_id) : json(nullptr)},
            {"lines", d.line_count},
            {"figures", d.figure_count},
            {"number", d.header.number},
            {"type", d.header.type},
            {"issuer", d.header.issuer},
            {"place", d.header.place},
            {"date", d.header.date},
            {"date_source", d.header.date_source},
            {"title", d.header.title},
            {"period", d.header.period},
            {"period_line", d.header.period_line ? json(d.header.period_line) : json(nullptr)},
            {"period_quote", d.header.period_quote},
            {"genre", genre_name(d.header.genre)},
            {"draft", d.header.is_draft},
            {"ingested_at", d.ingested_at},
            {"ingested_by", nullable(d.ingested_by)},
            {"ingested_host", nullable(d.ingested_host)},
            {"absolute_path", nullable(d.absolute_path)},
            {"chitieu_version", d.chitieu_version},
            {"data_sha256", nullable(d.data_sha256)},
            {"extractor_version", d.extractor_version},
            {"extracted_at", nullable(d.extracted_at)}};
  return json_line(j);
}

}  // namespace chitieu
