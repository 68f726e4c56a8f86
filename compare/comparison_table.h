// The comparison table and the audit checks behind it.
//
// Rows are indicators (catalogue ids, see indicator_catalogue.h) and years;
// columns are documents in date order, or years with `by_year`: a Column says
// which, decided once by build_comparison, so that no renderer works it out
// again. Each cell holds the figures behind it, so every renderer can show the
// comparator and value as the document wrote it and lead back to
// `document:line`. A row whose targets of one year and change differ in value
// between documents (disagreement_reasons) is flagged as a disagreement, each
// reason one line; results are matched to the targets they answer; the internal checks of
// audit_checks.h (shares of a whole summing to 100%, a percentage against its
// own fraction, range bounds in order, results against targets) become audit
// findings.
#ifndef CHITIEU_COMPARE_COMPARISON_TABLE_H_
#define CHITIEU_COMPARE_COMPARISON_TABLE_H_

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "compare/indicator_catalogue.h"
#include "store/store.h"

namespace chitieu {

struct ComparisonOptions {
  bool by_year = false;        // columns are years instead of documents
  std::string indicator;       // keep rows whose id or name contains this (folded)
  std::string document;        // keep documents whose file name or sha256 starts with this
  std::string year;            // keep rows of this year or period
  std::string issuer;          // keep documents whose issuer contains this (folded)
  // One indicator across all documents and years: keep the figures matched to
  // this catalogue id exactly, and only the documents that hold one.
  std::string indicator_id;
};

// "D3": how the tables and reports name the document at `index` (0-based) of
// Comparison::documents.
std::string document_label(size_t index);

// A column of the table: one document (by-document view) or one year (by-year
// view).
struct Column {
  enum class Kind { kDocument, kYear };

  static Column Document(size_t index) { return {Kind::kDocument, index, ""}; }
  static Column Year(std::string year) { return {Kind::kYear, 0, std::move(year)}; }

  bool is_document() const { return kind == Kind::kDocument; }
  // "D3", or the year.
  std::string label() const { return is_document() ? document_label(document) : year; }

  Kind kind = Kind::kDocument;
  size_t document = 0;  // index into Comparison::documents (kDocument)
  std::string year;     // "2030", "2026-2030", or "-" for figures without a year (kYear)

  bool operator==(const Column&) const = default;
};

struct ComparisonCell {
  std::vector<StoredFigure> figures;
};

struct ResultCheck {
  int64_t result_figure = 0;
  int64_t target_figure = 0;
  bool achieved = false;
  std::string explanation;  // "5,86% < 7,5 - 8%"
};

struct ComparisonRow {
  std::string indicator_id;
  std::string indicator;     // catalogue name, or the wording when uncatalogued
  std::string parent_id;     // or empty
  std::string match_method;  // how the row's figures were matched (first figure's)
  double match_score = 1;
  std::string year;          // "" in the by-year view
  std::string unit;          // the units of its figures, "percent" or "VND; USD"
  std::vector<ComparisonCell> cells;  // one per column
  bool disagreement = false;
  std::vector<std::string> disagreement_reasons;
  std::vector<ResultCheck> results;
};

struct AuditFinding {
  std::string check;  // "shares-sum", "percent-vs-fraction", "range-order", "result-vs-target"
  bool passed = false;
  std::string message;
  std::vector<int64_t> figure_ids;
};

struct Comparison {
  std::vector<StoredDocument> documents;  // after filters, in date order
  bool by_year = false;                   // the columns are years; rows have no year
  std::vector<Column> columns;            // every document, or every year, in order
  std::vector<ComparisonRow> rows;
  std::vector<AuditFinding> findings;
  std::map<int64_t, size_t> document_column;  // document id -> index in `documents`
};

// Lines the internal checks read (the text after a figure on its line).
using LineLookup = std::map<std::pair<int64_t, int64_t>, std::string>;  // (doc id, line) -> raw

Comparison build_comparison(const IndicatorCatalogue& catalogue,
                            const std::map<std::string, MatchDecision>& decisions,
                            const std::vector<StoredDocument>& documents,
                            const std::vector<StoredFigure>& figures, const LineLookup& lines,
                            const ComparisonOptions& options);

// Why targets of one indicator disagree: each pair of targets from different
// documents, of the same year and change and in comparable units (the same
// currency and denominators; "/year" aside), whose values differ, as one line
// "2030: ≥ 50% (a.txt:3) vs 80% (b.txt:7)", taking pairs in the order of
// `figures` (the earlier first). A comparator alone ("≥ 50%" and "50%") is no
// disagreement. Results among `figures` are ignored. Empty when the targets
// agree.
std::vector<std::string> disagreement_reasons(const std::vector<const StoredFigure*>& figures);

// Whether two values can be compared: the same unit but for time denominators
// ("percent" and "percent/year"; not "VND" and "USD").
bool comparable_units(const std::string& a, const std::string& b);

// Where a figure stands, for messages: "DOCUMENT:LINE" (the number's line).
std::string figure_location(const StoredFigure& sf);

// The figure's value as the document wrote it: "≥ 10 - 10,5%/năm", "~215
// triệu đồng/người/năm".
std::string format_value(const Figure& f);
// "≥ 717.000 tỷ đồng (D1:42)"
std::string format_cell(const Comparison& c, const ComparisonCell& cell);

// The table as text (comparison_text.cc): markdown with its documents and
// findings; CSV with one column per document (its file name) or year; JSON
// lines with one object per indicator and year, whatever the view.
std::string render_markdown(const Comparison& c);
std::string render_csv(const Comparison& c);
std::string render_jsonl(const Comparison& c);

// Quotes a CSV field when it needs it (RFC 4180).
std::string csv_field(const std::string& s);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_COMPARISON_TABLE_H_
