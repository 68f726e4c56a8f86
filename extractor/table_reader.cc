#include "extractor/table_reader.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "common/text.h"
#include "extractor/figure_builder.h"
#include "normalizer/period.h"
#include "normalizer/qualifier.h"
#include "normalizer/unit_parser.h"
#include "normalizer/vietnamese_number.h"

namespace chitieu {
namespace {

// A table cell is a short line; longer ones are prose.
constexpr size_t kMaxCellCodePoints = 90;
// Fewer cells than this is a list or a signature block, not a table.
constexpr size_t kMinTableCells = 6;

enum class CellKind { kNumber, kRowNumber, kUnitOnly, kEmptyValue, kText, kOther };

struct Cell {
  size_t line = 0;  // 0-based
  size_t begin = 0, end = 0;  // trimmed code point span in the line
  std::string folded;          // trimmed folded text
  std::string text;            // trimmed repaired text
  CellKind kind = CellKind::kOther;
  bool could_be_row_number = false;
};

const RE2& number_cell() {
  // "10", "10,5%", "10 - 10,5", "trên 90", "≥ 75" (≥ folds to '^'), "từ 75% trở lên"
  static const RE2 re(
      R"(^(?:(?:tren|duoi|khoang|toi thieu|it nhat|toi da|khong qua|tu|hon|uoc|\^|>|<|~)\s*)*)"
      R"(\d+(?:[.,]\d+)*(?:\s*%)?(?:\s*(?:-|den)\s*\d+(?:[.,]\d+)*)?\s*%?(?:\s*(?:tro len|tro xuong))?$)");
  return re;
}
const RE2& row_number_cell() {
  static const RE2 re(R"(^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[ivx]{1,4}\.?|[a-z]\)|\d{1,2}\))$)");
  return re;
}

bool has_letter(const std::string& f) {
  return std::any_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Cell make_cell(const Lexicon* lex, const RepairedLine& l, size_t line) {
  Cell c;
  c.line = line;
  size_t b = 0, e = l.size();
  while (b < e && l.folded[b] == ' ') ++b;
  while (e > b && l.folded[e - 1] == ' ') --e;
  c.begin = b;
  c.end = e;
  c.folded = l.folded.substr(b, e - b);
  // repaired text of the span
  auto [bb, eb] = byte_range_of_code_points(l.text, b, e);
  c.text = l.text.substr(bb, eb - bb);
  if (c.folded.empty()) return c;
  c.could_be_row_number = RE2::FullMatch(c.folded, row_number_cell());
  if (RE2::FullMatch(c.folded, number_cell())) {
    c.kind = CellKind::kNumber;
  } else if (c.folded == "-" || c.folded == "x" || c.folded == "--") {
    c.kind = CellKind::kEmptyValue;
  } else if (c.could_be_row_number) {
    c.kind = CellKind::kRowNumber;
  } else if (lex) {
    UnitReading u = read_unit(*lex, c.folded, 0);
    if (u.matched && u.end == c.folded.size()) c.kind = CellKind::kUnitOnly;
    else if (has_letter(c.folded)) c.kind = CellKind::kText;
  } else if (has_letter(c.folded)) {
    c.kind = CellKind::kText;
  }
  return c;
}

bool is_cell_line(const RepairedLine& l) {
  size_t b = 0, e = l.size();
  while (b < e && l.folded[b] == ' ') ++b;
  while (e > b && l.folded[e - 1] == ' ') --e;
  if (e == b || e - b > kMaxCellCodePoints) return false;
  char last = l.folded[e - 1];
  if (last == ';' || last == ',') return false;
  // A sentence inside the line: ". " followed by more text.
  for (size_t i = b; i + 1 < e; ++i)
    if (l.folded[i] == '.' && l.folded[i + 1] == ' ' && i > b + 3) return false;
  return true;
}

std::optional<Comparator> comparator_from_symbol(const std::string& text) {
  if (text.rfind("≥", 0) == 0) return Comparator::kAtLeast;
  if (text.rfind("≤", 0) == 0) return Comparator::kAtMost;
  if (text.rfind(">", 0) == 0) return Comparator::kMore;
  if (text.rfind("<", 0) == 0) return Comparator::kLess;
  if (text.rfind("~", 0) == 0) return Comparator::kApprox;
  return std::nullopt;
}

struct Column {
  std::string period;
  bool result = false;
  std::string header;
};

}  // namespace

std::vector<TableRegion> find_tables(const std::vector<RepairedLine>& lines) {
  std::vector<TableRegion> out;
  size_t i = 0;
  while (i < lines.size()) {
    if (!is_cell_line(lines[i])) {
      ++i;
      continue;
    }
    // A run of cell lines; blank lines inside it are allowed.
    size_t first = i, last = i, cells = 0, numbers = 0, rows = 0;
    size_t j = i;
    std::vector<Cell> run;
    while (j < lines.size()) {
      bool blank = lines[j].folded.find_first_not_of(' ') == std::string::npos;
      if (blank) {
        ++j;
        continue;
      }
      if (!is_cell_line(lines[j])) break;
      run.push_back(make_cell(nullptr, lines[j], j));
      last = j;
      ++j;
    }
    for (size_t k = 0; k < run.size(); ++k) {
      ++cells;
      if (run[k].kind == CellKind::kNumber) ++numbers;
      if (run[k].could_be_row_number && k + 1 < run.size() && run[k + 1].kind == CellKind::kText) ++rows;
    }
    if (cells >= kMinTableCells && numbers >= 2 && rows >= 2 && numbers * 4 >= cells) {
      out.push_back({first, last});
    }
    i = j > i ? j : i + 1;
  }
  return out;
}

namespace {

struct TableHeader {
  std::vector<Column> columns;
  std::string table_year;
};

// The cells before the first row: a title (whose year is the table's), "STT",
// the label and unit columns, then one column per value with its year.
TableHeader read_header(const Lexicon& lex, const std::vector<Cell>& cells, size_t first_row,
                        const std::string& context_year) {
  const GrammarWords& words = lex.words;
  TableHeader h;
  h.table_year = context_year;
  size_t header_begin = 0;
  for (size_t i = 0; i < first_row; ++i)
    if (std::find(words.table_row_number_headers.begin(), words.table_row_number_headers.end(),
                  cells[i].folded) != words.table_row_number_headers.end())
      header_begin = i;
  for (size_t i = 0; i < first_row; ++i) {
    const std::string& f = cells[i].folded;
    std::vector<YearMention> years = find_year_mentions(lex, f);
    if (i < header_begin) {  // a title above the table: its year is the context
      if (!years.empty()) h.table_year = years.back().period;
      continue;
    }
    if (starts_with_any(f, words.table_unit_headers)) continue;  // unit column
    if (!years.empty() || contains_any(f, words.table_value_headers)) {
      Column col;
      col.period = years.empty() ? "" : years.back().period;
      col.result = contains_any(f, words.table_result_headers);
      col.header = cells[i].text;
      h.columns.push_back(col);
    }
  }
  return h;
}

// A row's label, possibly wrapped over several cells, and its unit: a unit
// cell after it, or "(Tỷ đồng)", "(%)", "(đơn vị: triệu đồng/người)" ending it.
struct RowLabel {
  std::string label, folded;
  UnitReading unit;
  std::string unit_text;
};

// Cuts `label` to its first `code_points` code points: folded and repaired text
// share code point positions, so a cut found in the one applies to the other.
std::string cut_at_code_point(const std::string& label, size_t code_points) {
  size_t cps = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    if (is_utf8_continuation(label[i])) continue;
    if (cps == code_points) return label.substr(0, i);
    ++cps;
  }
  return label;
}

void unit_from_label(const Lexicon& lex, RowLabel* row) {
  size_t open = row->folded.rfind('(');
  if (open == std::string::npos) return;
  size_t close = row->folded.find(')', open);
  if (close == std::string::npos) return;
  std::string inner = row->folded.substr(open + 1, close - open - 1);
  for (const char* p : {"don vi tinh:", "don vi:", "dvt:"})
    if (inner.rfind(p, 0) == 0) inner = inner.substr(std::string(p).size());
  while (!inner.empty() && inner[0] == ' ') inner.erase(0, 1);
  UnitReading u = read_unit(lex, inner, 0);
  if (!u.matched || u.end != inner.size()) return;
  row->unit = u;
  row->unit_text = inner;
  // The unit is not part of the indicator's name.
  row->label = cut_at_code_point(row->label, open);
  while (!row->label.empty() && row->label.back() == ' ') row->label.pop_back();
  row->folded = row->folded.substr(0, open);
}

class TableReader {
 public:
  TableReader(const Lexicon& lex, const std::vector<std::string>& raw,
              const std::vector<RepairedLine>& lines, std::vector<Cell> cells,
              std::vector<Figure>* out)
      : lex_(lex), raw_(raw), lines_(lines), cells_(std::move(cells)), out_(out) {}

  void run(const std::string& context_year);

 private:
  bool row_starts_at(size_t i) const {
    return i + 1 < cells_.size() && cells_[i].could_be_row_number &&
           cells_[i + 1].kind == CellKind::kText;
  }
  RowLabel read_label(size_t* k) const;
  void read_value(const Cell& c, size_t col, size_t values_in_row, const RowLabel& row,
                  const IndicatorName& indicator, const std::string& item);

  const Lexicon& lex_;
  const std::vector<std::string>& raw_;
  const std::vector<RepairedLine>& lines_;
  std::vector<Cell> cells_;
  std::vector<Figure>* out_;
  TableHeader header_;
};

RowLabel TableReader::read_label(size_t* k) const {
  RowLabel row;
  row.label = cells_[*k].text;
  row.folded = cells_[*k].folded;
  ++*k;
  while (*k < cells_.size() && cells_[*k].kind == CellKind::kText && !row_starts_at(*k)) {
    row.label += " " + cells_[*k].text;
    row.folded += " " + cells_[*k].folded;
    ++*k;
  }
  if (*k < cells_.size() && cells_[*k].kind == CellKind::kUnitOnly) {
    row.unit = read_unit(lex_, cells_[*k].folded, 0);
    row.unit_text = cells_[*k].text;
    ++*k;
  } else {
    unit_from_label(lex_, &row);
  }
  return row;
}

void TableReader::read_value(const Cell& c, size_t col, size_t values_in_row, const RowLabel& row,
                             const IndicatorName& indicator, const std::string& item) {
  const std::string& cf = c.folded;
  FigureParts parts;
  // A "%" written in the cell is the unit when the row has none.
  parts.unit = row.unit;
  if (!parts.unit.matched && cf.find('%') != std::string::npos) parts.unit = read_unit(lex_, "%", 0);
  parts.decision = decide_unit(lex_, parts.unit, row.unit_text, fold_text(indicator.display()));
  if (!parts.decision.ok) return;
  static const RE2 kNumbers(R"((\d+(?:[.,]\d+)*)(?:\s*%?\s*(?:-|den)\s*(\d+(?:[.,]\d+)*))?)");
  re2::StringPiece n1s, n2s;
  if (!RE2::PartialMatch(cf, kNumbers, &n1s, &n2s)) return;
  std::string w1(n1s.data(), n1s.size()), w2(n2s.data(), n2s.size());
  parts.first = {w1, parse_vietnamese_number(w1)};
  if (!w2.empty()) parts.second = WrittenNumber{w2, parse_vietnamese_number(w2)};
  if (!parts.first.parsed.ok || (parts.second && !parts.second->parsed.ok)) return;
  parts.number_text = w1 + (w2.empty() ? "" : " - " + w2);
  parts.range_text = parts.number_text;
  parts.unit_text = row.unit_text.empty() ? (cf.find('%') != std::string::npos ? "%" : "")
                                          : row.unit_text;
  parts.before = read_qualifiers_before(lex_, cf, n1s.data() - cf.data(), 0);
  size_t after_end = 0;
  parts.after = read_qualifier_after(lex_, cf, cf.find_last_of("0123456789%") + 1, &after_end,
                                     &parts.after_word);
  parts.symbol = comparator_from_symbol(c.text);
  parts.indicator = indicator;
  std::string change_word;
  parts.change = read_change(lex_, parts.before, fold_text(indicator.display()), &change_word);
  parts.item = item;
  const std::vector<Column>& columns = header_.columns;
  if (col < columns.size() && !columns[col].period.empty()) {
    parts.year = columns[col].period;
    parts.year_source = "column header: \"" + columns[col].header + "\"";
  } else {
    parts.year = header_.table_year;
    parts.year_source = "heading above the table";
  }
  bool result_column = col < columns.size() && columns[col].result;
  parts.kind = result_column || parts.before.has_estimate ? FigureKind::kResult : FigureKind::kTarget;
  parts.kind_reason = result_column ? "result column" : "table of targets";
  parts.source = "table row " + (item.empty() ? std::string("(unnumbered)") : item);
  if (!columns.empty() && values_in_row > columns.size())
    parts.context_warnings.push_back({WarningCode::kTableExtraValues, "", ""});

  Figure fig;
  if (!build_figure(std::move(parts), &fig)) return;  // scaled past a double
  // Provenance: the cell's own line, its trimmed text.
  const RepairedLine& rl = lines_[c.line];
  uint32_t byte0 = rl.raw_byte_of_cp[c.begin];
  uint32_t byte1 = rl.raw_byte_of_cp[c.end];
  fig.line = fig.line_end = fig.number_line = static_cast<uint32_t>(c.line + 1);
  fig.char_start = code_points_before(raw_[c.line], byte0);
  fig.char_end = code_points_before(raw_[c.line], byte1);
  fig.quote = raw_[c.line].substr(byte0, byte1 - byte0);
  out_->push_back(std::move(fig));
}

void TableReader::run(const std::string& context_year) {
  size_t k = 0;
  while (k < cells_.size() && !row_starts_at(k)) ++k;
  header_ = read_header(lex_, cells_, k, context_year);
  std::string parent_label;
  while (k < cells_.size()) {
    std::string item;
    if (row_starts_at(k)) item = cells_[k++].text;
    if (k >= cells_.size() || cells_[k].kind != CellKind::kText) {
      ++k;
      continue;
    }
    RowLabel row = read_label(&k);
    // Hierarchy: "1.1" under "1", "a)" under the numbered row before it.
    bool child = item.find('.') != std::string::npos && item.find('.') + 1 < item.size();
    child = child || (item.size() == 2 && item[1] == ')' && item[0] >= 'a');
    IndicatorName indicator{child ? parent_label : "", row.label};
    if (!child) parent_label = row.label;
    size_t column = 0;
    while (k < cells_.size() && !row_starts_at(k) &&
           (cells_[k].kind == CellKind::kNumber || cells_[k].kind == CellKind::kEmptyValue)) {
      const Cell& c = cells_[k++];
      size_t col = column++;
      if (c.kind == CellKind::kEmptyValue) continue;
      read_value(c, col, column, row, indicator, item);
    }
  }
}

}  // namespace

void read_table(const Lexicon& lex, const TableRegion& region, const std::vector<std::string>& raw,
                const std::vector<RepairedLine>& lines, const std::string& context_year,
                std::vector<Figure>* out) {
  std::vector<Cell> cells;
  for (size_t l = region.first_line; l <= region.last_line; ++l) {
    Cell c = make_cell(&lex, lines[l], l);
    if (!c.folded.empty()) cells.push_back(c);
  }
  TableReader(lex, raw, lines, std::move(cells), out).run(context_year);
}

}  // namespace chitieu
