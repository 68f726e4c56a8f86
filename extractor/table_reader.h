// Targets in tables, as they arrive once a Word or PDF annex is turned into
// text: one cell per line, the row number standing alone, then the indicator,
// then (when the table has a unit column) the unit, then one value per column:
//
//   STT / Chỉ tiêu / Đơn vị / Năm 2025 / Mục tiêu 2030
//   1 / Tốc độ tăng trưởng GRDP / % / 7,5 / 10 - 10,5
//   2 / Tổng vốn đầu tư (Tỷ đồng) / 43.000 / 286.000     <- unit in the row label
//
// A table is a run of short lines with bare numbers and row numbers. Its lines
// are kept out of prose extraction; each value cell becomes a figure whose year
// comes from its column header and whose unit comes from the unit column or the
// row label.
#ifndef CHITIEU_EXTRACTOR_TABLE_READER_H_
#define CHITIEU_EXTRACTOR_TABLE_READER_H_

#include <string>
#include <vector>

#include "extractor/figure_extractor.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct TableRegion {
  size_t first_line = 0;  // 0-based, inclusive
  size_t last_line = 0;
};

// Finds table regions and reads their figures. `context_year` is the period of
// the heading above the table, used when the columns name no year.
std::vector<TableRegion> find_tables(const std::vector<RepairedLine>& lines);

void read_table(const Lexicon& lex, const TableRegion& region, const std::vector<std::string>& raw,
                const std::vector<RepairedLine>& lines, const std::string& context_year,
                std::vector<Figure>* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_TABLE_READER_H_
