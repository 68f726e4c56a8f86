// The figures of a table, read from its grid (extractor/table_grid.h), the
// same way whatever shape the text gave the table.
//
//   STT | Chỉ tiêu                 | ĐVT       | Kế hoạch 2025 | Ước TH 2025 | Năm 2026
//   1   | Tốc độ tăng trưởng GRDP  | %         | 8             | 7,8         | 8,5 - 9
//   2   | Tổng vốn đầu tư (Tỷ đồng)|           | 43.000        | 42.100      | 48.000
//       | - Tỷ lệ so với GRDP      | %         | 41            | 40          | 41
//
// The columns' roles come from the header (one or more rows; a cell spanning
// the row below gives it its year), else from what the column holds: the STT
// column, the label, the unit ("Đơn vị tính", "ĐVT"), value columns and
// change columns ("So sánh (%)", "Tăng/giảm": percent, an increase).
//
// A value column's header gives its year or period ("Năm 2026", "2026-2028",
// else the table's title or the heading above), its kind and comparator:
// "Kế hoạch" a target "="; "Ước thực hiện", "Ước TH", "Thực hiện" a result,
// "~" for an estimate. An estimate of a year later than the document's date
// is a plan: a target. The unit and scale come from the unit column, else from
// the row label ("(Tỷ đồng)", "(%)"), else from the cell ("0,4%"). `item` is
// the row's STT (a row without one, or "2.1", is a sub-row of the numbered row
// above: its item and the parent of its indicator); the STT is never a figure;
// empty cells give nothing. A cell holding prose ("575 (tăng 15%)") gives its
// first number the row's unit and each later number written with its own unit.
// Each figure's quote is the number's words on the cell's own line.
#ifndef CHITIEU_EXTRACTOR_TABLE_READER_H_
#define CHITIEU_EXTRACTOR_TABLE_READER_H_

#include <string>
#include <vector>

#include "extractor/table_grid.h"
#include "extractor/text_repair.h"
#include "model/figure.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// Reads the figures of `grid`. `context_year` is the period of the heading
// above the table, used when neither the columns nor the title name one.
void read_table(const Lexicon& lex, const TableGrid& grid, const std::vector<std::string>& raw,
                const std::vector<RepairedLine>& lines, const std::string& context_year,
                std::vector<Figure>* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_TABLE_READER_H_
