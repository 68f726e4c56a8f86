// The comparison as a formatted Excel workbook (libxlsxwriter).
//
// Three sheets, each with a bold, frozen header row, an autofilter and set
// column widths: "Comparison" (the table; disagreement rows highlighted),
// "Findings" (the audit findings; failures highlighted) and "Figures" (one row
// per figure in the table: document, line, quote, indicator, comparator, low,
// high, unit, year, kind). Every value is written as a string or a number,
// never as a formula, so document text that starts with "=" stays text.
#ifndef CHITIEU_COMPARE_XLSX_REPORT_H_
#define CHITIEU_COMPARE_XLSX_REPORT_H_

#include <string>

#include "common/status.h"
#include "compare/comparison_table.h"

namespace chitieu {

// Writes the workbook to `path`, replacing any file there.
Status write_xlsx(const Comparison& c, const std::string& path);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_XLSX_REPORT_H_
