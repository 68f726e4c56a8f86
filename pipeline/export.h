// The export contract: every stored figure as one JSON object per line (JSON
// Lines) or as one CSV row. Both carry the same columns, in this order:
//
//   id document doc_sha256 page page_line line line_end quote_line char_start
//   char_end quote indicator parent item comparator low high unit counted year
//   kind number_text unit_text warnings
//
// (README.md, "Export contract", says what each means). A value that is not
// there is null in JSON and an empty cell in CSV; numbers in CSV are written
// with 15 significant digits; warnings are rendered text, a JSON array in
// both. Changing any of this changes what users' scripts read: the golden
// export test (tests/golden_export_test.cc) holds it.
#ifndef CHITIEU_PIPELINE_EXPORT_H_
#define CHITIEU_PIPELINE_EXPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace chitieu {

enum class ExportFormat { kJsonl, kCsv };

// The columns, in order.
const std::vector<std::string>& export_columns();

// One figure as a line of the export, without the newline.
std::string figure_jsonl(const StoredFigure& figure);
std::string figure_csv_row(const StoredFigure& figure);

// The CSV header line (no newline).
std::string export_csv_header();

// A number as the export and `trace` write it: up to 15 significant digits.
std::string format_number(double v);

// Every stored figure, in the store's order, to `out` (CSV with its header).
Status export_figures(Store* store, ExportFormat format, std::ostream& out);

// One stored document as a JSON line (`chitieu documents`), without the newline.
std::string document_jsonl(const StoredDocument& document);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_EXPORT_H_
