// Tables in every shape text gives them, found and cut into one grid of cells.
//
// Once a Word, PDF or web table is turned into text it arrives as:
//   - one cell per line, with or without blank lines between cells
//     (STT / Chỉ tiêu / Đơn vị / Năm 2025 / 1 / Tốc độ tăng trưởng GRDP / % / 7,5);
//   - `|` rows, one row per line, with or without the `|---|` separator;
//   - tab-separated rows;
//   - a hard-wrapped Markdown conversion: a lone "|" line between cells, a
//     cell wrapped over several lines, "||" both an empty cell and the seam
//     between two rows.
// Each shape has its own detector; all produce the same TableGrid: header rows
// and data rows of cells, each cell knowing the lines and code point spans it
// covers, so a figure's quote is the cell's text on its own line.
//
// In the positional shapes (`|`, tab, wrapped Markdown) empty cells are kept,
// so a cell's index is its column. One cell per line has no empty cells; its
// detector rebuilds each row as STT, label, unit (empty when the row has
// none), then the values in order.
#ifndef CHITIEU_EXTRACTOR_TABLE_GRID_H_
#define CHITIEU_EXTRACTOR_TABLE_GRID_H_

#include <string>
#include <vector>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// Part of a cell on one line: code points [begin, end) of the repaired line,
// which are also the folded line's bytes.
struct CellSpan {
  size_t line = 0;  // 0-based
  size_t begin = 0, end = 0;
};

struct GridCell {
  std::vector<CellSpan> spans;  // none for an empty cell
  std::string text;    // repaired text, the spans joined by " ", emphasis marks dropped
  std::string folded;  // the same, folded

  bool empty() const { return folded.empty(); }
};

using GridRow = std::vector<GridCell>;

enum class TableShape { kCellPerLine, kPipeRows, kTabRows, kWrappedPipes };

struct TableGrid {
  TableShape shape = TableShape::kCellPerLine;
  size_t first_line = 0;  // 0-based, inclusive: the lines kept out of prose
  size_t last_line = 0;
  std::vector<GridCell> title;  // cells above the header (one cell per line; wrapped Markdown: a header
                                // row's cells past the rows' width)
  std::vector<GridRow> header;  // header rows, top first
  std::vector<GridRow> rows;    // data rows
};

// Every table of the document, in line order, none overlapping. `raw` are the
// lines as stored (repair turns tabs into spaces; the tab shape reads them).
std::vector<TableGrid> find_tables(const Lexicon& lex, const std::vector<std::string>& raw,
                                   const std::vector<RepairedLine>& lines);

// Cell classification shared by the detectors and the reader (folded text).
bool is_number_cell(const std::string& folded);      // "10,5", "≥ 75", "10 - 10,5%"
bool is_row_number_cell(const std::string& folded);  // "1", "2.1", "II", "a)"
bool has_letter(const std::string& folded);
bool has_digit(const std::string& folded);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_TABLE_GRID_H_
