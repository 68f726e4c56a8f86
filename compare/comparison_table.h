// The comparison table and the audit checks behind it.
//
// Rows are indicators (catalogue ids, see indicator_catalogue.h) and years;
// columns are documents in date order, or years with `by_year`. Each cell
// holds the figures behind it, so every renderer can show the comparator and
// value as the document wrote it and lead back to `document:line`. A row whose
// targets differ between documents (value, unit or comparator) is flagged as a
// disagreement; results are matched to the targets they answer; internal checks
// (shares of a whole summing to 100%, a percentage against its own fraction,
// range bounds in order) become audit findings.
#ifndef CHITIEU_COMPARE_COMPARISON_TABLE_H_
#define CHITIEU_COMPARE_COMPARISON_TABLE_H_

#include <map>
#include <string>
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
  std::vector<std::string> columns;       // "D1".."Dn", or the years
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

// The figure's value as the document wrote it: "≥ 10 - 10,5%/năm", "~215
// triệu đồng/người/năm".
std::string format_value(const Figure& f);
// "≥ 717.000 tỷ đồng (D1:42)"
std::string format_cell(const Comparison& c, const ComparisonCell& cell);

std::string render_markdown(const Comparison& c);
std::string render_csv(const Comparison& c);
std::string render_jsonl(const Comparison& c);

// Quotes a CSV field when it needs it (RFC 4180).
std::string csv_field(const std::string& s);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_COMPARISON_TABLE_H_
