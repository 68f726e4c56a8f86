#include "extractor/table_grid.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "common/text.h"
#include "normalizer/unit_parser.h"

namespace chitieu {

bool is_number_cell(const std::string& folded) {
  // "10", "10,5%", "10 - 10,5", "trên 90", "≥ 75" (≥ folds to '^'), "từ 75% trở lên"
  static const RE2 re(
      R"(^(?:(?:tren|duoi|khoang|toi thieu|it nhat|toi da|khong qua|tu|hon|uoc|\^|>|<|~)\s*)*)"
      R"(\d+(?:[.,]\d+)*(?:\s*%)?(?:\s*(?:-|den)\s*\d+(?:[.,]\d+)*)?\s*%?(?:\s*(?:tro len|tro xuong))?$)");
  return RE2::FullMatch(folded, re);
}

bool is_row_number_cell(const std::string& folded) {
  static const RE2 re(R"(^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[ivx]{1,4}\.?|[a-z]\)|\d{1,2}\))$)");
  return RE2::FullMatch(folded, re);
}

bool has_letter(const std::string& f) {
  return std::any_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool has_digit(const std::string& f) {
  return std::any_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

// A table cell is a short line; longer ones are prose. Row labels run long
// ("Tỷ lệ khu công nghiệp … đạt tiêu chuẩn môi trường (%)"), sentences longer.
constexpr size_t kMaxCellCodePoints = 160;
// Fewer cells than this is a list or a signature block, not a table.
constexpr size_t kMinTableCells = 6;
// A cell of the wrapped Markdown shape spans at most this many lines.
constexpr size_t kMaxWrappedCellLines = 4;

// Emphasis marks around a cell ("*4*", "**STT**") are no part of it.
bool is_trim_char(char c) { return c == ' ' || c == '*' || c == '_'; }

std::string without_emphasis(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '*') out += c;
  return out;
}

// Appends the trimmed span [b, e) of `line` to `cell`.
void add_span(const RepairedLine& l, size_t line, size_t b, size_t e, GridCell* cell) {
  while (b < e && is_trim_char(l.folded[b])) ++b;
  while (e > b && is_trim_char(l.folded[e - 1])) --e;
  if (b == e) return;
  cell->spans.push_back({line, b, e});
  auto [bb, eb] = byte_range_of_code_points(l.text, b, e);
  std::string text = without_emphasis(l.text.substr(bb, eb - bb));
  std::string folded = without_emphasis(l.folded.substr(b, e - b));
  if (!cell->folded.empty()) {
    cell->text += " ";
    cell->folded += " ";
  }
  cell->text += text;
  cell->folded += folded;
}

GridCell line_cell(const std::vector<RepairedLine>& lines, size_t line) {
  GridCell c;
  add_span(lines[line], line, 0, lines[line].size(), &c);
  return c;
}

bool is_blank(const RepairedLine& l) { return l.folded.find_first_not_of(' ') == std::string::npos; }

bool is_lone_pipe(const RepairedLine& l) {
  size_t b = l.folded.find_first_not_of(' ');
  size_t e = l.folded.find_last_not_of(' ');
  return b != std::string::npos && b == e && l.folded[b] == '|';
}

// A line that can be a cell: short, not a sentence.
// `open_end`: a line may end on "," (a cell's text wrapped after a comma),
// which elsewhere marks prose running on; ";" and ":" still end a table.
bool is_cell_line(const RepairedLine& l, bool open_end = false) {
  size_t b = 0, e = l.size();
  while (b < e && l.folded[b] == ' ') ++b;
  while (e > b && l.folded[e - 1] == ' ') --e;
  if (e == b || e - b > kMaxCellCodePoints) return false;
  char last = l.folded[e - 1];
  if (last == ';' || last == ':' || (last == ',' && !open_end)) return false;
  // A sentence inside the line: ". " followed by more text.
  for (size_t i = b; i + 1 < e; ++i)
    if (l.folded[i] == '.' && l.folded[i + 1] == ' ' && i > b + 3) return false;
  return true;
}

bool is_unit_cell(const Lexicon& lex, const GridCell& c) {
  if (c.empty() || has_digit(c.folded)) return false;
  UnitReading u = read_unit(lex, c.folded, 0);
  return u.matched && u.end == c.folded.size();
}

// A data row holds a label and a number; header rows hold neither both. The
// first cell does not count as the number: it is the row's STT.
bool is_data_row(const GridRow& row) {
  bool text = false, number = false, first = true;
  for (const GridCell& c : row) {
    if (c.empty()) continue;
    if (is_number_cell(c.folded)) number = number || !first;
    else if (has_letter(c.folded)) text = true;
    first = false;
  }
  return text && number;
}

size_t data_rows(const TableGrid& g) {
  size_t n = 0;
  for (const GridRow& r : g.rows) n += is_data_row(r);
  return n;
}

// Splits positional rows into header (leading rows before the first data row)
// and data rows.
void split_header(std::vector<GridRow> rows, TableGrid* g) {
  size_t first = 0;
  while (first < rows.size() && !is_data_row(rows[first])) ++first;
  g->header.assign(rows.begin(), rows.begin() + first);
  g->rows.assign(rows.begin() + first, rows.end());
}

// ---- `|` rows, one per line -------------------------------------------------

bool is_pipe_row(const RepairedLine& l) {
  size_t b = l.folded.find_first_not_of(' ');
  return b != std::string::npos && l.folded[b] == '|' &&
         std::count(l.folded.begin(), l.folded.end(), '|') >= 2;
}

bool is_separator_row(const RepairedLine& l) {
  return l.folded.find('-') != std::string::npos &&
         l.folded.find_first_not_of(" |-:") == std::string::npos;
}

GridRow split_line(const std::vector<RepairedLine>& lines, size_t line, char separator,
                   const std::vector<size_t>& separators) {
  GridRow row;
  const RepairedLine& l = lines[line];
  for (size_t i = 0; i + 1 < separators.size(); ++i) {
    GridCell c;
    add_span(l, line, separators[i] + 1, separators[i + 1], &c);
    row.push_back(c);
  }
  (void)separator;
  return row;
}

GridRow pipe_row(const std::vector<RepairedLine>& lines, size_t line) {
  const std::string& f = lines[line].folded;
  std::vector<size_t> pipes;
  for (size_t i = 0; i < f.size(); ++i)
    if (f[i] == '|') pipes.push_back(i);
  // "| a | b" without the closing pipe still ends its last cell at the line end.
  if (f.find_first_not_of(' ', pipes.back() + 1) != std::string::npos) pipes.push_back(f.size());
  return split_line(lines, line, '|', pipes);
}

std::vector<TableGrid> find_pipe_rows(const std::vector<RepairedLine>& lines) {
  std::vector<TableGrid> out;
  for (size_t i = 0; i < lines.size();) {
    if (!is_pipe_row(lines[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    std::vector<GridRow> rows;
    for (; j < lines.size() && is_pipe_row(lines[j]); ++j)
      if (!is_separator_row(lines[j])) rows.push_back(pipe_row(lines, j));
    TableGrid g;
    g.shape = TableShape::kPipeRows;
    g.first_line = i;
    g.last_line = j - 1;
    split_header(std::move(rows), &g);
    if (data_rows(g) >= 1) out.push_back(std::move(g));
    i = j;
  }
  return out;
}

// ---- tab-separated rows -----------------------------------------------------

// Code point positions of the tabs of a raw line, in its repaired line.
std::vector<size_t> tab_positions(const std::string& raw, const RepairedLine& l) {
  std::vector<size_t> out;
  if (raw.find('\t') == std::string::npos) return out;  // most lines
  for (size_t cp = 0; cp + 1 < l.raw_byte_of_cp.size(); ++cp) {
    uint32_t byte = l.raw_byte_of_cp[cp];
    if (byte < raw.size() && raw[byte] == '\t') out.push_back(cp);
  }
  return out;
}

std::vector<TableGrid> find_tab_rows(const std::vector<std::string>& raw,
                                     const std::vector<RepairedLine>& lines) {
  std::vector<TableGrid> out;
  for (size_t i = 0; i < lines.size();) {
    std::vector<GridRow> rows;
    size_t j = i;
    for (; j < lines.size(); ++j) {
      std::vector<size_t> tabs = tab_positions(raw[j], lines[j]);
      if (tabs.empty()) break;
      tabs.insert(tabs.begin(), static_cast<size_t>(-1));  // the cell before the first tab
      tabs.push_back(lines[j].size());
      rows.push_back(split_line(lines, j, '\t', tabs));
    }
    if (rows.size() < 2) {
      i = j + 1;
      continue;
    }
    TableGrid g;
    g.shape = TableShape::kTabRows;
    g.first_line = i;
    g.last_line = j - 1;
    split_header(std::move(rows), &g);
    if (data_rows(g) >= 2) out.push_back(std::move(g));
    i = j;
  }
  return out;
}

// ---- hard-wrapped Markdown: a lone "|" between cells --------------------------

// A header row "1 | 2 | … | n" (or "(1) | (2) …"): the columns numbered in
// order, at least three of them.
bool numbers_columns_one_to_n(const GridRow& row) {
  for (size_t i = 0; i < row.size(); ++i)
    if (row[i].folded != std::to_string(i + 1) && row[i].folded != "(" + std::to_string(i + 1) + ")")
      return false;
  return row.size() >= 3;
}

// The row width of a wrapped table: the length of a column number row
// ("1 | 2 | … | 8") when the header has one, else the commonest distance
// between two row starts (a row number after a seam, then a label) less the
// seam, else the widest header row. Of distances as common, the one of the
// widest header row, else the shortest.
size_t wrapped_row_width(const std::vector<GridRow>& header, const std::vector<size_t>& starts) {
  size_t widest = 0;
  for (const GridRow& r : header) {
    if (numbers_columns_one_to_n(r)) return r.size();
    widest = std::max(widest, r.size());
  }
  std::map<size_t, size_t> distances;
  for (size_t k = 1; k < starts.size(); ++k) ++distances[starts[k] - starts[k - 1]];
  size_t best = 0, count = 0;
  for (auto [d, n] : distances)
    if (n > count || (n == count && d == widest + 1)) best = d, count = n;
  return best > 2 ? best - 1 : widest;
}

void cut_wrapped_rows(const Lexicon& lex, const std::vector<GridCell>& items, TableGrid* g) {
  std::vector<size_t> starts;
  for (size_t i = 0; i + 1 < items.size(); ++i)
    if (is_row_number_cell(items[i].folded) && has_letter(items[i + 1].folded) &&
        !is_number_cell(items[i + 1].folded) && (i == 0 || items[i - 1].empty()))
      starts.push_back(i);
  if (starts.empty()) return;
  // Header: the items before the first row, one row per seam (an empty item).
  GridRow header;
  for (size_t i = 0; i < starts[0]; ++i) {
    if (items[i].empty()) {
      if (!header.empty()) g->header.push_back(std::move(header));
      header.clear();
    } else {
      header.push_back(items[i]);
    }
  }
  if (!header.empty()) g->header.push_back(std::move(header));
  size_t width = wrapped_row_width(g->header, starts);
  if (width < 2) return;
  // "STT" opens the header: cells before it in its row are the table's title
  // ("PHỤ LỤC I DANH MỤC CÁC CHỈ TIÊU …", the conversion's first cell).
  const std::vector<std::string>& stt = lex.words.table_row_number_headers;
  for (GridRow& r : g->header) {
    size_t opening = 0;
    while (opening < r.size() && std::find(stt.begin(), stt.end(), r[opening].folded) == stt.end()) ++opening;
    if (opening == r.size() || opening == 0) continue;
    g->title.insert(g->title.end(), r.begin(), r.begin() + opening);
    r.erase(r.begin(), r.begin() + opening);
  }
  // Rows are `width` items and a seam; a section row ("I | NHÓM GIẢI PHÁP …"
  // and nothing else) may come with fewer empty cells: it ends where the next
  // row starts.
  auto heading_only = [&](size_t begin, size_t end) {
    for (size_t i = begin + 2; i < end; ++i)
      if (!items[i].empty()) return false;
    return true;
  };
  size_t k = 0;  // the first start after p
  for (size_t p = starts[0]; p < items.size();) {
    while (k < starts.size() && starts[k] <= p) ++k;
    size_t end = std::min(items.size(), p + width);
    if (k < starts.size() && starts[k] < end && heading_only(p, starts[k])) end = starts[k];
    GridRow row(items.begin() + p, items.begin() + end);
    row.resize(width);
    g->rows.push_back(std::move(row));
    p = end;
    if (p < items.size() && items[p].empty() && (k == starts.size() || p < starts[k])) ++p;  // the seam
  }
}

// True when a lone "|" comes after line `from` - 1 within `budget` more cell
// lines: the line before is inside a cell however it ends ("Tỉ lệ cán bộ
// chuyên trách về công nghệ thông tin," wrapped in its cell).
bool closes_cell(const std::vector<RepairedLine>& lines, size_t from, size_t budget) {
  for (size_t k = from; k < lines.size(); ++k) {
    if (is_lone_pipe(lines[k])) return true;
    if (is_blank(lines[k])) continue;
    if (budget-- == 0 || !is_cell_line(lines[k], true)) return false;
  }
  return false;
}

// A wrapped table cut by a cell too long to be one ("Phục vụ công tác vận /
// chuyển … / … / hoạch của hội...") goes on right after it: rows of the same
// width and no header of their own, within a few lines, are the same table's.
constexpr size_t kMaxCutLines = 8;

bool continues(const TableGrid& before, const TableGrid& after) {
  return after.header.empty() && !before.rows.empty() && !after.rows.empty() &&
         after.rows[0].size() == before.rows[0].size() && after.first_line <= before.last_line + kMaxCutLines;
}

std::vector<TableGrid> find_wrapped_pipes(const Lexicon& lex, const std::vector<RepairedLine>& lines) {
  std::vector<TableGrid> out;
  for (size_t i = 0; i < lines.size();) {
    if (!is_lone_pipe(lines[i])) {
      ++i;
      continue;
    }
    // Items between successive lone pipes, each a few short lines.
    std::vector<GridCell> items;
    size_t last_pipe = i, j = i + 1;
    GridCell item;
    size_t item_lines = 0;
    for (; j < lines.size(); ++j) {
      if (is_lone_pipe(lines[j])) {
        items.push_back(std::move(item));
        item = GridCell();
        item_lines = 0;
        last_pipe = j;
        continue;
      }
      if (is_blank(lines[j])) continue;
      if (++item_lines > kMaxWrappedCellLines) break;
      if (!is_cell_line(lines[j]) && !(is_cell_line(lines[j], true) &&
                                        closes_cell(lines, j + 1, kMaxWrappedCellLines - item_lines)))
        break;
      add_span(lines[j], j, 0, lines[j].size(), &item);
    }
    TableGrid g;
    g.shape = TableShape::kWrappedPipes;
    g.first_line = i;
    g.last_line = last_pipe;
    cut_wrapped_rows(lex, items, &g);
    if (!out.empty() && continues(out.back(), g)) {
      TableGrid& table = out.back();
      table.rows.insert(table.rows.end(), g.rows.begin(), g.rows.end());
      table.last_line = g.last_line;
    } else if (data_rows(g) >= 2) {
      out.push_back(std::move(g));
    }
    i = last_pipe + 1;
  }
  return out;
}

// ---- one cell per line --------------------------------------------------------

class CellPerLine {
 public:
  CellPerLine(const Lexicon& lex, std::vector<GridCell> cells) : lex_(lex), cells_(std::move(cells)) {}

  // True when the run is a table; fills the grid.
  bool read(TableGrid* g);

 private:
  bool is_text(size_t i) const {
    return i < cells_.size() && has_letter(cells_[i].folded) && !is_number_cell(cells_[i].folded);
  }
  bool row_starts_at(size_t i) const {
    return i + 1 < cells_.size() && is_row_number_cell(cells_[i].folded) && is_text(i + 1);
  }
  bool is_value(size_t i) const {
    const std::string& f = cells_[i].folded;
    return has_digit(f) || f == "-" || f == "--" || f == "x";
  }
  GridRow read_row(size_t* k) const;

  const Lexicon& lex_;
  std::vector<GridCell> cells_;
};

// One row: STT (maybe empty), the label over one or more cells, the unit cell
// (empty when the row has none), the values.
GridRow CellPerLine::read_row(size_t* k) const {
  GridRow row(3);
  if (row_starts_at(*k)) row[0] = cells_[(*k)++];
  row[1] = cells_[(*k)++];
  while (*k < cells_.size() && is_text(*k) && !has_digit(cells_[*k].folded) &&
         !is_unit_cell(lex_, cells_[*k]) && !row_starts_at(*k)) {
    const GridCell& more = cells_[(*k)++];
    row[1].spans.insert(row[1].spans.end(), more.spans.begin(), more.spans.end());
    row[1].text += " " + more.text;
    row[1].folded += " " + more.folded;
  }
  if (*k < cells_.size() && is_unit_cell(lex_, cells_[*k])) row[2] = cells_[(*k)++];
  while (*k < cells_.size() && !row_starts_at(*k) && is_value(*k)) {
    GridCell c = cells_[(*k)++];
    if (!has_digit(c.folded)) c = GridCell();  // "-", "x": an empty cell
    row.push_back(std::move(c));
  }
  return row;
}

// Title and header cells kept above the first row: "STT" and what follows it,
// and this many cells before "STT" (the title, a "Đơn vị tính: …" note).
constexpr size_t kMaxTitleCells = 2;
constexpr size_t kMaxHeaderCells = 10;
constexpr size_t kMaxHeaderCellCodePoints = 40;

bool CellPerLine::read(TableGrid* g) {
  size_t first_row = 0;
  while (first_row < cells_.size() && !row_starts_at(first_row)) ++first_row;
  if (first_row == cells_.size()) return false;
  // The table starts at its header: "STT" opens it; without one, the cells
  // just above the first row. What comes before is the text around the table.
  const GrammarWords& words = lex_.words;
  size_t lowest = first_row > kMaxHeaderCells ? first_row - kMaxHeaderCells : 0;
  size_t header_begin = first_row;
  bool stt_found = false;
  for (size_t i = first_row; i-- > lowest;)
    if (std::find(words.table_row_number_headers.begin(), words.table_row_number_headers.end(),
                  cells_[i].folded) != words.table_row_number_headers.end()) {
      header_begin = i;
      stt_found = true;
      break;
    }
  size_t start = header_begin > kMaxTitleCells ? header_begin - kMaxTitleCells : 0;
  if (!stt_found) {  // header cells are short: "Chỉ tiêu", "Năm 2025"
    start = first_row;
    while (start > lowest && cells_[start - 1].folded.size() <= kMaxHeaderCellCodePoints) --start;
    header_begin = start;
  }
  cells_.erase(cells_.begin(), cells_.begin() + start);
  first_row -= start;
  header_begin -= start;
  size_t numbers = 0, rows = 0;
  for (size_t i = 0; i < cells_.size(); ++i) {
    numbers += has_digit(cells_[i].folded) && !row_starts_at(i) && cells_[i].folded.size() <= 60;
    rows += row_starts_at(i);
  }
  if (cells_.size() < kMinTableCells || numbers < 2 || rows < 2 || numbers * 4 < cells_.size())
    return false;
  g->first_line = cells_[0].spans[0].line;
  g->title.assign(cells_.begin(), cells_.begin() + header_begin);
  // The header as a row of the same shape: STT, label, unit, value columns.
  GridRow header(3);
  for (size_t i = header_begin; i < first_row; ++i) {
    const GridCell& c = cells_[i];
    if (i == header_begin && stt_found) header[0] = c;
    else if (starts_with_any(c.folded, words.table_unit_headers)) header[2] = c;
    else if (header[1].empty() && !has_digit(c.folded)) header[1] = c;
    else header.push_back(c);
  }
  if (first_row > header_begin) g->header.push_back(std::move(header));
  for (size_t k = first_row; k < cells_.size();) {
    if (!row_starts_at(k) && !is_text(k)) {
      ++k;
      continue;
    }
    g->rows.push_back(read_row(&k));
  }
  return true;
}

std::vector<TableGrid> find_cell_per_line(const Lexicon& lex, const std::vector<RepairedLine>& lines,
                                          const std::vector<bool>& taken) {
  std::vector<TableGrid> out;
  for (size_t i = 0; i < lines.size();) {
    if (taken[i] || !is_cell_line(lines[i])) {
      ++i;
      continue;
    }
    // A run of cell lines; blank lines inside it are allowed.
    std::vector<GridCell> cells;
    size_t j = i, last = i;
    for (; j < lines.size() && !taken[j]; ++j) {
      if (is_blank(lines[j])) continue;
      if (!is_cell_line(lines[j])) break;
      cells.push_back(line_cell(lines, j));
      last = j;
    }
    TableGrid g;
    g.shape = TableShape::kCellPerLine;
    g.first_line = i;
    g.last_line = last;
    if (CellPerLine(lex, std::move(cells)).read(&g)) out.push_back(std::move(g));
    i = j > i ? j : i + 1;
  }
  return out;
}

}  // namespace

std::vector<TableGrid> find_tables(const Lexicon& lex, const std::vector<std::string>& raw,
                                   const std::vector<RepairedLine>& lines) {
  std::vector<TableGrid> out = find_wrapped_pipes(lex, lines);
  for (TableGrid& g : find_pipe_rows(lines)) out.push_back(std::move(g));
  for (TableGrid& g : find_tab_rows(raw, lines)) out.push_back(std::move(g));
  std::vector<bool> taken(lines.size(), false);
  for (const TableGrid& g : out)
    for (size_t l = g.first_line; l <= g.last_line; ++l) taken[l] = true;
  for (TableGrid& g : find_cell_per_line(lex, lines, taken)) out.push_back(std::move(g));
  std::sort(out.begin(), out.end(),
            [](const TableGrid& a, const TableGrid& b) { return a.first_line < b.first_line; });
  return out;
}

}  // namespace chitieu
