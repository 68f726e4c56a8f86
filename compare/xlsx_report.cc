#include "compare/xlsx_report.h"

#include <xlsxwriter.h>

#include <map>
#include <vector>

namespace chitieu {
namespace {

// Excel refuses longer strings (libxlsxwriter reports an error); a quote that
// long is cut rather than losing the whole workbook.
constexpr size_t kMaxCellCodePoints = 32000;

std::string fit_cell(const std::string& s) {
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && cps++ == kMaxCellCodePoints)
      return s.substr(0, i) + "…";
  }
  return s;
}

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;       // wrapped, top-aligned
  lxw_format* flagged = nullptr;    // the same on a highlighted row
  lxw_format* number = nullptr;
};

// Writes cells, remembering the first error so that the caller checks once.
class Sheet {
 public:
  Sheet(lxw_worksheet* ws, lxw_error* error) : ws_(ws), error_(error) {}

  void text(lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f) {
    if (s.empty()) {
      check(worksheet_write_blank(ws_, row, col, f));
      return;
    }
    check(worksheet_write_string(ws_, row, col, fit_cell(s).c_str(), f));
  }
  void number(lxw_row_t row, lxw_col_t col, double v, lxw_format* f) {
    check(worksheet_write_number(ws_, row, col, v, f));
  }
  // Bold header row, frozen, with a filter over the whole table and widths.
  void header(const std::vector<std::pair<std::string, double>>& columns, lxw_row_t rows,
              lxw_format* f, lxw_col_t frozen_columns = 0) {
    for (size_t i = 0; i < columns.size(); ++i) {
      text(0, lxw_col_t(i), columns[i].first, f);
      check(worksheet_set_column(ws_, lxw_col_t(i), lxw_col_t(i), columns[i].second, nullptr));
    }
    worksheet_freeze_panes(ws_, 1, frozen_columns);
    if (!columns.empty()) check(worksheet_autofilter(ws_, 0, 0, rows, lxw_col_t(columns.size() - 1)));
  }

 private:
  void check(lxw_error e) {
    if (e != LXW_NO_ERROR && *error_ == LXW_NO_ERROR) *error_ = e;
  }
  lxw_worksheet* ws_;
  lxw_error* error_;
};

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

class Writer {
 public:
  Writer(const Comparison& c, lxw_workbook* wb) : c_(c), wb_(wb) {
    for (const ComparisonRow& row : c.rows)
      for (const ComparisonCell& cell : row.cells)
        for (const StoredFigure& sf : cell.figures) figures_.emplace(sf.id, &sf);
    f_.header = workbook_add_format(wb);
    format_set_bold(f_.header);
    format_set_bg_color(f_.header, 0xD9E1F2);
    format_set_bottom(f_.header, LXW_BORDER_THIN);
    format_set_text_wrap(f_.header);
    format_set_align(f_.header, LXW_ALIGN_VERTICAL_TOP);
    f_.text = workbook_add_format(wb);
    format_set_text_wrap(f_.text);
    format_set_align(f_.text, LXW_ALIGN_VERTICAL_TOP);
    f_.flagged = workbook_add_format(wb);
    format_set_text_wrap(f_.flagged);
    format_set_align(f_.flagged, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f_.flagged, 0xFFD7D5);
    f_.number = workbook_add_format(wb);
    format_set_num_format(f_.number, "General");
    format_set_align(f_.number, LXW_ALIGN_VERTICAL_TOP);
  }

  // The first error met while writing cells, or LXW_NO_ERROR.
  lxw_error write() {
    comparison_sheet();
    findings_sheet();
    figures_sheet();
    documents_sheet();
    return error_;
  }

 private:
  std::string doc_label(const StoredFigure& sf) const {
    auto it = c_.document_column.find(sf.document_id);
    return it == c_.document_column.end() ? sf.document : document_label(it->second);
  }

  lxw_worksheet* add(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    if (ws == nullptr && error_ == LXW_NO_ERROR) error_ = LXW_ERROR_MEMORY_MALLOC_FAILED;
    return ws;
  }

  void comparison_sheet() {
    lxw_worksheet* ws = add("Comparison");
    if (ws == nullptr) return;
    Sheet s(ws, &error_);
    std::vector<std::pair<std::string, double>> cols = {
        {"Indicator", 48}, {"Indicator id", 22}, {"Parent", 18}, {"Year", 11}, {"Unit", 14}};
    for (const Column& col : c_.columns) cols.push_back({col.label(), 30});
    cols.push_back({"Disagreement", 40});
    cols.push_back({"Results against targets", 44});
    s.header(cols, lxw_row_t(c_.rows.size()), f_.header, 1);
    lxw_row_t r = 1;
    for (const ComparisonRow& row : c_.rows) {
      lxw_format* f = row.disagreement ? f_.flagged : f_.text;
      lxw_col_t col = 0;
      s.text(r, col++, row.indicator, f);
      s.text(r, col++, row.indicator_id, f);
      s.text(r, col++, row.parent_id, f);
      s.text(r, col++, row.year, f);
      s.text(r, col++, row.unit, f);
      for (size_t i = 0; i < c_.columns.size(); ++i, ++col)
        s.text(r, col, i < row.cells.size() ? format_cell(c_, row.cells[i]) : "", f);
      s.text(r, col++, row.disagreement ? join(row.disagreement_reasons, "\n") : "", f);
      std::vector<std::string> results;
      for (const ResultCheck& rc : row.results)
        results.push_back((rc.achieved ? "achieved: " : "not achieved: ") + rc.explanation);
      s.text(r, col++, join(results, "\n"), f);
      ++r;
    }
  }

  void findings_sheet() {
    lxw_worksheet* ws = add("Findings");
    if (ws == nullptr) return;
    Sheet s(ws, &error_);
    s.header({{"Check", 20}, {"Result", 10}, {"Finding", 80}, {"Figures", 30}},
             lxw_row_t(c_.findings.size()), f_.header);
    lxw_row_t r = 1;
    for (const AuditFinding& finding : c_.findings) {
      lxw_format* f = finding.passed ? f_.text : f_.flagged;
      std::vector<std::string> refs;
      for (int64_t id : finding.figure_ids) {
        auto it = figures_.find(id);
        std::string ref = "#";
        ref += std::to_string(id);
        if (it != figures_.end()) {
          ref += " (";
          ref += doc_label(*it->second) + ":" + std::to_string(it->second->figure.number_line) + ")";
        }
        refs.push_back(ref);
      }
      s.text(r, 0, finding.check, f);
      s.text(r, 1, finding.passed ? "passed" : "failed", f);
      s.text(r, 2, finding.message, f);
      s.text(r, 3, join(refs, ", "), f);
      ++r;
    }
  }

  void figures_sheet() {
    lxw_worksheet* ws = add("Figures");
    if (ws == nullptr) return;
    Sheet s(ws, &error_);
    s.header({{"Figure", 8}, {"Document", 28}, {"Line", 7}, {"Quote", 60}, {"Indicator", 48},
              {"Comparator", 11}, {"Low", 16}, {"High", 16}, {"Unit", 16}, {"Year", 11}, {"Kind", 9}},
             lxw_row_t(figures_.size()), f_.header);
    lxw_row_t r = 1;
    for (const auto& [id, sf] : figures_) {
      const Figure& f = sf->figure;
      s.number(r, 0, double(id), f_.number);
      s.text(r, 1, sf->document, f_.text);
      s.number(r, 2, f.number_line, f_.number);
      s.text(r, 3, f.quote, f_.text);
      s.text(r, 4, f.indicator.display(), f_.text);
      s.text(r, 5, std::string(comparator_text(f.comparator)), f_.text);
      s.number(r, 6, f.low, f_.number);
      s.number(r, 7, f.high, f_.number);
      s.text(r, 8, f.unit, f_.text);
      s.text(r, 9, f.year, f_.text);
      s.text(r, 10, std::string(kind_text(f.kind)), f_.text);
      ++r;
    }
  }

  // What "D1", "D2" in the cells stand for.
  void documents_sheet() {
    lxw_worksheet* ws = add("Documents");
    if (ws == nullptr) return;
    Sheet s(ws, &error_);
    s.header({{"Column", 8}, {"File", 32}, {"Type", 14}, {"Number", 16}, {"Date", 12}, {"Issuer", 36},
              {"Draft", 7}, {"Figures", 9}, {"SHA-256", 66}},
             lxw_row_t(c_.documents.size()), f_.header);
    lxw_row_t r = 1;
    for (size_t i = 0; i < c_.documents.size(); ++i, ++r) {
      const StoredDocument& d = c_.documents[i];
      s.text(r, 0, document_label(i), f_.text);
      s.text(r, 1, d.file_name, f_.text);
      s.text(r, 2, d.header.type, f_.text);
      s.text(r, 3, d.header.number, f_.text);
      s.text(r, 4, d.header.date, f_.text);
      s.text(r, 5, d.header.issuer, f_.text);
      s.text(r, 6, d.header.is_draft ? "yes" : "", f_.text);
      s.number(r, 7, double(d.figure_count), f_.number);
      s.text(r, 8, d.sha256, f_.text);
    }
  }

  const Comparison& c_;
  lxw_workbook* wb_;
  Formats f_;
  lxw_error error_ = LXW_NO_ERROR;
  std::map<int64_t, const StoredFigure*> figures_;  // every figure in a cell, by id
};

}  // namespace

Status write_xlsx(const Comparison& c, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Status::Error("cannot create workbook " + path);
  lxw_error written = Writer(c, wb).write();
  // workbook_close writes the file and frees the workbook whatever happened.
  lxw_error closed = workbook_close(wb);
  if (written != LXW_NO_ERROR) return Status::Error("writing workbook " + path + ": " + lxw_strerror(written));
  if (closed != LXW_NO_ERROR) return Status::Error("cannot write " + path + ": " + lxw_strerror(closed));
  return Status::Ok();
}

}  // namespace chitieu
