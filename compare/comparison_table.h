// The comparison table: one row per indicator, one column per document.
//
// Rows group figures whose indicator names fold to the same key (case, tone
// marks and tone placement, punctuation ignored) and that share a unit. Each cell
// shows the comparator and the value as the document wrote it, with its
// `D<n>:line` so every cell leads back to its source line.
#ifndef CHITIEU_COMPARE_COMPARISON_TABLE_H_
#define CHITIEU_COMPARE_COMPARISON_TABLE_H_

#include <string>
#include <vector>

#include "store/store.h"

namespace chitieu {

struct ComparisonCell {
  std::vector<StoredFigure> figures;  // usually one
};

struct ComparisonRow {
  std::string key;
  std::string indicator;  // as first written
  std::string unit;
  std::vector<ComparisonCell> cells;  // one per document column
  int documents_with_values = 0;
};

struct ComparisonTable {
  std::vector<StoredDocument> documents;  // columns, in date order
  std::vector<ComparisonRow> rows;
};

// Key under which two indicator names count as the same indicator.
std::string indicator_key(const std::string& indicator);

ComparisonTable build_comparison(const std::vector<StoredDocument>& documents,
                                 const std::vector<StoredFigure>& figures);

// "≥ 717.000 tỷ đồng (D1:12)"
std::string format_cell(const ComparisonCell& cell, size_t column);

std::string render_markdown(const ComparisonTable& table);
std::string render_csv(const ComparisonTable& table);

// Quotes a CSV field when it needs it (RFC 4180).
std::string csv_field(const std::string& s);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_COMPARISON_TABLE_H_
