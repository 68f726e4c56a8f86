#include "extractor/table_reader.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "common/text.h"
#include "extractor/figure_builder.h"
#include "normalizer/period.h"
#include "normalizer/qualifier.h"
#include "normalizer/unit_parser.h"
#include "normalizer/vietnamese_number.h"

namespace chitieu {
namespace {

enum class Role { kNone, kRowNumber, kLabel, kUnit, kValue, kChange };

struct Column {
  Role role = Role::kNone;
  std::string header;  // repaired text of the header cells above it, joined
  std::string folded;
  std::string period;  // "2025", "2026-2028" or empty
  bool result = false;    // "Ước thực hiện", "Thực hiện"
  bool estimate = false;  // "Ước …": comparator "~"
  std::optional<Comparator> bound;  // "Số lượng tối đa", "Mức tối thiểu (%)": its cells' comparator
  UnitReading unit;       // "NS xã (%)", "Dự toán (tỷ đồng)": the unit a header's bracket names
  std::string unit_text;
};

// `words` as whole words of `text` (folded).
bool has_word(const std::string& text, const std::vector<std::string>& words) {
  return has_any_folded_word(text, words);
}

bool is_column_number_row(const GridRow& row) {
  static const RE2 kColumnNumber(R"(\(?\d{1,2}\)?)");
  return !row.empty() && std::all_of(row.begin(), row.end(), [](const GridCell& c) {
    return c.empty() || RE2::FullMatch(c.folded, kColumnNumber);
  });
}

// Header texts per column. A first header row shorter than the table has a
// cell spanning the row below ("Năm 2025" over "Kế hoạch" / "Ước thực hiện"):
// the first value-like cell spans as many columns as the row below has cells.
void merge_header(const Lexicon& lex, const std::vector<GridRow>& header, size_t width,
                  std::vector<Column>* columns) {
  std::vector<const GridRow*> rows;
  for (const GridRow& r : header)
    if (!is_column_number_row(r)) rows.push_back(&r);
  auto add = [&](size_t col, const GridCell& c) {
    if (col >= width || c.empty()) return;
    Column& k = (*columns)[col];
    k.header += (k.header.empty() ? "" : " ") + c.text;
    k.folded += (k.folded.empty() ? "" : " ") + c.folded;
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    const GridRow& row = *rows[r];
    if (row.size() >= width || r + 1 >= rows.size()) {
      for (size_t i = 0; i < row.size(); ++i) add(i, row[i]);
      continue;
    }
    const GridRow& below = *rows[r + 1];
    size_t missing = width - row.size();
    size_t span = 0;
    while (span < row.size() && find_year_mentions(lex, row[span].folded).empty() &&
           !has_word(row[span].folded, lex.words.table_value_headers))
      ++span;
    if (span == row.size() || below.size() != missing + 1) {
      for (size_t i = 0; i < row.size(); ++i) add(i, row[i]);
      continue;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      if (i < span) add(i, row[i]);
      else if (i == span)
        for (size_t j = 0; j < below.size(); ++j) add(span + j, row[i]), add(span + j, below[j]);
      else add(i + missing, row[i]);
    }
    ++r;  // the row below is read
  }
}

// What a column holds, counted over the data rows.
struct ColumnContents {
  size_t filled = 0, row_numbers = 0, units = 0, numbers = 0, texts = 0;
};

ColumnContents contents_of(const Lexicon& lex, const std::vector<GridRow>& rows, size_t col) {
  ColumnContents n;
  for (const GridRow& r : rows) {
    if (col >= r.size() || r[col].empty()) continue;
    const std::string& f = r[col].folded;
    ++n.filled;
    if (is_row_number_cell(f)) ++n.row_numbers;
    if (is_number_cell(f)) ++n.numbers;
    else if (has_letter(f)) {
      UnitReading u = read_unit(lex, f, 0);
      if (u.matched && u.end == f.size()) ++n.units;
      else ++n.texts;
    }
  }
  return n;
}

// A header's closing bracket ("NS xã (%)", "Số lượng tối đa ***(xe/đơn vị)*"):
// its "(" and ")" in folded text, emphasis marks and spaces after it aside.
bool closing_bracket(const std::string& folded, size_t* open, size_t* close) {
  *close = folded.find_last_not_of(" *_");
  if (*close == std::string::npos || folded[*close] != ')') return false;
  *open = folded.rfind('(', *close);
  return *open != std::string::npos;
}

// A bound a header ends with, before its bracket if any ("Số lượng tối đa",
// "Mức hỗ trợ tối thiểu (triệu đồng)"), holds for every cell of its column.
std::optional<Comparator> header_bound(const Lexicon& lex, const std::string& folded) {
  size_t open = 0, close = 0;
  size_t end = closing_bracket(folded, &open, &close) ? open : folded.size();
  while (end > 0 && (folded[end - 1] == ' ' || folded[end - 1] == '*' || folded[end - 1] == '_')) --end;
  QualifierRun run = read_qualifiers_before(lex, folded, end, 0);
  if (run.comparator == Comparator::kApprox) return std::nullopt;  // "Ước …" is the estimate column's
  return run.comparator;
}

// A closing bracket that holds only a unit ("NS xã (%)", "Kế hoạch 2025 (tỷ
// đồng)") names the unit of its column's cells.
void read_header_unit(const Lexicon& lex, Column* col) {
  const std::string& f = col->folded;
  size_t open = 0, close = 0;
  if (!closing_bracket(f, &open, &close)) return;
  UnitReading unit = read_unit(lex, f, open + 1);
  if (!unit.matched || unit.base.empty()) return;
  size_t after = unit.end;
  while (after < close && f[after] == ' ') ++after;
  if (after != close) return;
  col->unit = unit;
  auto [b, e] = byte_range_of_code_points(col->header, open + 1, close);
  col->unit_text = col->header.substr(b, e - b);
}

void assign_roles(const Lexicon& lex, const std::vector<GridRow>& rows, std::vector<Column>* cols) {
  const GrammarWords& w = lex.words;
  bool label_found = false;
  for (size_t c = 0; c < cols->size(); ++c) {
    Column& col = (*cols)[c];
    ColumnContents n = contents_of(lex, rows, c);
    // "DT 2026 so với UTH 2025 (%)": the year compared against is no column's year.
    std::vector<YearMention> years = find_year_mentions(lex, col.folded);
    for (const YearMention& y : years)
      if (y.dates()) col.period = y.period;
    bool row_number_header = std::find(w.table_row_number_headers.begin(),
                                       w.table_row_number_headers.end(),
                                       col.folded) != w.table_row_number_headers.end();
    if (!label_found && (row_number_header || (c == 0 && n.row_numbers * 2 > n.filled))) {
      col.role = Role::kRowNumber;
    } else if (starts_with_any(col.folded, w.table_unit_headers) ||
               (n.units > 0 && n.units * 2 >= n.filled)) {
      col.role = Role::kUnit;
    } else if (!label_found && n.texts > n.numbers) {
      col.role = Role::kLabel;
      label_found = true;
    } else if (!label_found || has_word(col.folded, w.table_no_value_headers)) {
      col.role = Role::kNone;
    } else if (has_word(col.folded, w.table_change_headers)) {
      col.role = Role::kChange;
    } else if (!years.empty() || has_word(col.folded, w.table_value_headers) ||
               has_word(col.folded, w.table_result_headers) || n.numbers * 2 >= n.filled) {
      col.role = Role::kValue;
    }
    col.result = has_word(col.folded, w.table_result_headers);
    col.estimate = has_word(col.folded, w.table_estimate_headers);
    col.bound = header_bound(lex, col.folded);
    read_header_unit(lex, &col);
  }
}

// The latest year of a date written before the table ("ngày 04/12/2020",
// "ngày 05 tháng 12 năm 2024"): a column estimating a later year is a plan.
int document_year(const std::vector<RepairedLine>& lines, size_t end) {
  static const RE2 kDate(
      R"(ngay\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|\s+thang\s+\d{1,2}\s+nam)\s*((?:19|20)\d\d))");
  int year = 0;
  for (size_t l = 0; l < end && l < lines.size(); ++l) {
    re2::StringPiece in(lines[l].folded);
    std::string y;
    while (RE2::FindAndConsume(&in, kDate, &y)) year = std::max(year, std::stoi(y));
  }
  return year;
}

int first_year(const std::string& period) { return period.size() >= 4 ? std::stoi(period.substr(0, 4)) : 0; }

// "(Tỷ đồng)", "(%)", "(đơn vị: triệu đồng/người)" ending a label: its unit,
// and the label without it.
bool unit_from_label(const Lexicon& lex, std::string* label, std::string* folded, UnitReading* unit,
                     std::string* unit_text) {
  size_t open = folded->rfind('(');
  if (open == std::string::npos) return false;
  size_t close = folded->find(')', open);
  if (close == std::string::npos) return false;
  std::string inner = folded->substr(open + 1, close - open - 1);
  for (const char* p : {"don vi tinh:", "don vi:", "dvt:"})
    if (inner.rfind(p, 0) == 0) inner = inner.substr(std::string(p).size());
  while (!inner.empty() && inner[0] == ' ') inner.erase(0, 1);
  UnitReading u = read_unit(lex, inner, 0);
  if (!u.matched || u.end != inner.size()) return false;
  *unit = u;
  *unit_text = inner;
  // The unit is not part of the indicator's name; folded and repaired text
  // share code point positions.
  auto [cut, unused] = byte_range_of_code_points(*label, open, open);
  (void)unused;
  label->resize(cut);
  while (!label->empty() && label->back() == ' ') label->pop_back();
  folded->resize(open);
  return true;
}

// A label opening with what it counts ("Số xã đạt chuẩn nông thôn mới",
// "Phấn đấu xã đạt chuẩn …", "Số bác sĩ/vạn dân") gives that unit to a row
// without one, or a fuller one than the unit column's ("Bác sĩ").
void unit_opening_label(const Lexicon& lex, const std::string& label, const std::string& folded,
                        UnitReading* unit, std::string* unit_text) {
  static const RE2 kLead(R"(^(?:phan dau\s+)?(?:so\s+)?)");
  for (const std::string& w : lex.words.label_not_counted)
    if (find_folded_word(folded, w, 0, w.size()) == 0) return;  // "hồ trọng" is a name: whole words
  re2::StringPiece in(folded);
  RE2::Consume(&in, kLead);
  size_t at = in.data() - folded.data();
  UnitReading u = read_unit(lex, folded, at);
  if (!u.matched || (u.base != "count" && u.base != "person") || u.scale != 1.0) return;
  bool fuller = unit->matched && unit->base == u.base && unit->scale == 1.0 &&
                u.denominators.size() > unit->denominators.size();
  if (unit->matched && !fuller) return;
  *unit = u;
  auto [b, e] = byte_range_of_code_points(label, u.counted_begin, u.counted_end);
  *unit_text = label.substr(b, e - b);
}

// A row's label without a list mark ("- Dịch vụ", "+ …").
std::string without_list_mark(const std::string& s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == '-' || s[b] == '+' || s[b] == ' ')) ++b;
  return s.substr(b);
}

struct RowContext {
  std::string item;
  IndicatorName indicator;
  UnitReading unit;
  std::string unit_text;
  std::string year;  // a year its label names ("Dân số 2019 (người)")
};

// "≥", "<", … written just before a number in a cell.
std::optional<Comparator> symbol_before(const RepairedLine& l, size_t pos, size_t limit) {
  while (pos > limit && l.folded[pos - 1] == ' ') --pos;
  if (pos == limit) return std::nullopt;
  auto [b, e] = byte_range_of_code_points(l.text, pos - 1, pos);
  std::string s = l.text.substr(b, e - b);
  if (s == "≥") return Comparator::kAtLeast;
  if (s == "≤") return Comparator::kAtMost;
  if (s == ">") return Comparator::kMore;
  if (s == "<") return Comparator::kLess;
  if (s == "~") return Comparator::kApprox;
  return std::nullopt;
}

class TableReader {
 public:
  TableReader(const Lexicon& lex, const TableGrid& grid, const std::vector<std::string>& raw,
              const std::vector<RepairedLine>& lines, std::vector<Figure>* out)
      : lex_(lex), grid_(grid), raw_(raw), lines_(lines), out_(out) {}

  void run(const std::string& context_year);

 private:
  void read_columns(const std::string& context_year);
  RowContext read_row_context(const GridRow& row);
  void read_cell(const GridCell& cell, const Column& col, bool extra, const RowContext& row);
  bool read_number(const CellSpan& span, size_t number_begin, size_t number_end, size_t limit,
                   const std::string& w1, const std::string& w2, bool primary, const Column& col,
                   bool extra, const RowContext& row, size_t* figure_end);
  bool read_cell_unit(const RepairedLine& line, std::string_view f, size_t number_end, bool primary,
                      const Column& col, const RowContext& row, FigureParts* parts, size_t* unit_end) const;
  void read_cell_year_and_kind(std::string_view f, size_t number_begin, size_t limit, bool primary,
                               const Column& col, const RowContext& row, FigureParts* parts) const;
  void emit(const FigureParts& parts, const CellSpan& span, size_t quote_begin, size_t quote_end,
            Change change);

  const Lexicon& lex_;
  const TableGrid& grid_;
  const std::vector<std::string>& raw_;
  const std::vector<RepairedLine>& lines_;
  std::vector<Figure>* out_;
  std::vector<Column> columns_;
  std::string table_year_;
  int document_year_ = 0;
  std::string parent_label_, parent_item_;
  std::string section_year_;  // the period a section row ("II", "Giai đoạn 2028-2030") names
};

void TableReader::read_columns(const std::string& context_year) {
  size_t width = 0;
  for (const GridRow& r : grid_.header) width = std::max(width, r.size());
  for (const GridRow& r : grid_.rows) width = std::max(width, r.size());
  if (grid_.shape == TableShape::kCellPerLine && !grid_.header.empty())
    width = grid_.header[0].size();  // values past the header are extra
  columns_.assign(width, Column());
  merge_header(lex_, grid_.header, width, &columns_);
  assign_roles(lex_, grid_.rows, &columns_);
  table_year_ = context_year;
  for (const GridCell& t : grid_.title) {
    std::vector<YearMention> years = find_year_mentions(lex_, t.folded);
    for (const YearMention& y : years)
      if (y.dates()) table_year_ = y.period;
  }
  size_t first_data_line = grid_.last_line + 1;
  for (const GridRow& r : grid_.rows)
    for (const GridCell& c : r)
      if (!c.spans.empty()) first_data_line = std::min(first_data_line, c.spans[0].line);
  document_year_ = document_year(lines_, first_data_line);
}

RowContext TableReader::read_row_context(const GridRow& row) {
  RowContext ctx;
  std::string stt, label, folded;
  for (size_t c = 0; c < row.size() && c < columns_.size(); ++c) {
    if (row[c].empty()) continue;
    switch (columns_[c].role) {
      case Role::kRowNumber: stt = row[c].text; break;
      case Role::kLabel:
        label = without_list_mark(row[c].text);
        folded = without_list_mark(row[c].folded);
        break;
      case Role::kUnit: {
        UnitReading u = read_unit(lex_, row[c].folded, 0);
        if (u.matched) ctx.unit = u, ctx.unit_text = row[c].text;
        break;
      }
      default: break;
    }
  }
  if (!ctx.unit.matched) unit_from_label(lex_, &label, &folded, &ctx.unit, &ctx.unit_text);
  unit_opening_label(lex_, label, folded, &ctx.unit, &ctx.unit_text);
  // Hierarchy: a row without STT, "2.1" or "a)" belongs to the numbered row above;
  // a Roman numeral opens a section.
  static const RE2 kSection(R"([ivx]+\.?)"), kChild(R"(\d+\.\d+.*|[a-z]\))");
  std::string f = fold_text(stt);
  bool section = RE2::FullMatch(f, kSection);
  bool child = stt.empty() || RE2::FullMatch(f, kChild);
  if (section) {
    parent_label_.clear();
    parent_item_.clear();
    // "II | Giai đoạn 2028-2030": the section's period dates its rows.
    section_year_.clear();
    for (const YearMention& y : find_year_mentions(lex_, folded))
      if (y.dates()) section_year_ = y.period;
  }
  if (child && !parent_label_.empty()) {
    ctx.indicator = {parent_label_, label};
    ctx.item = stt.empty() ? parent_item_ : stt;
  } else {
    ctx.indicator = {"", label};
    ctx.item = stt;
    if (!section) parent_label_ = label, parent_item_ = stt;
  }
  for (const YearMention& y : find_year_mentions(lex_, fold_text(ctx.indicator.display())))
    if (y.dates()) ctx.year = y.period;
  return ctx;
}

void TableReader::run(const std::string& context_year) {
  read_columns(context_year);
  for (const GridRow& row : grid_.rows) {
    RowContext ctx = read_row_context(row);
    if (ctx.indicator.sub.empty()) continue;
    for (size_t c = 0; c < row.size(); ++c) {
      bool extra = c >= columns_.size();
      if (row[c].empty()) continue;
      if (extra && grid_.shape != TableShape::kCellPerLine) continue;
      Column col = extra ? Column() : columns_[c];
      if (extra) col.role = Role::kValue;
      if (col.role != Role::kValue && col.role != Role::kChange) continue;
      read_cell(row[c], col, extra, ctx);
    }
  }
}

void TableReader::read_cell(const GridCell& cell, const Column& col, bool extra, const RowContext& row) {
  static const RE2 kNumber(R"((\d+(?:[.,]\d+)*)(?:\s*%?\s*(?:-|den)\s*(\d+(?:[.,]\d+)*))?)");
  bool primary = true;
  bool prose = !is_number_cell(cell.folded);
  for (const CellSpan& span : cell.spans) {
    const std::string& f = lines_[span.line].folded;
    re2::StringPiece in(f.data() + span.begin, span.end - span.begin);
    re2::StringPiece w1, w2;
    size_t limit = span.begin;
    while (RE2::FindAndConsume(&in, kNumber, &w1, &w2)) {
      size_t b = w1.data() - f.data();
      size_t e = (w2.data() ? w2.data() + w2.size() : w1.data() + w1.size()) - f.data();
      if (b > 0 && std::isalpha(static_cast<unsigned char>(f[b - 1]))) continue;  // "GRDP2"
      if (prose && looks_like_year(f, b, b + w1.size())) continue;  // "năm 2020"
      size_t figure_end = e;
      if (read_number(span, b, e, limit, std::string(w1.data(), w1.size()),
                      w2.data() ? std::string(w2.data(), w2.size()) : "", primary, col, extra, row,
                      &figure_end)) {
        primary = false;
        limit = figure_end;
      }
    }
  }
}

// Reads one number of a cell at folded [nb, ne) of the span's line. Returns
// true when it gave a figure; *figure_end is then past its unit.
bool TableReader::read_number(const CellSpan& span, size_t nb, size_t ne, size_t limit,
                              const std::string& w1, const std::string& w2, bool primary,
                              const Column& col, bool extra, const RowContext& row,
                              size_t* figure_end) {
  const RepairedLine& line = lines_[span.line];
  std::string_view f(line.folded.data(), span.end);
  FigureParts parts;
  size_t unit_end = ne;
  if (!read_cell_unit(line, f, ne, primary, col, row, &parts, &unit_end)) return false;
  parts.decision = decide_unit(lex_, parts.unit, parts.unit_text, fold_text(row.indicator.display()));
  if (!parts.decision.ok) return false;
  parts.first = {w1, parse_vietnamese_number(w1)};
  if (!w2.empty()) parts.second = WrittenNumber{w2, parse_vietnamese_number(w2)};
  if (!parts.first.parsed.ok || (parts.second && !parts.second->parsed.ok)) return false;
  parts.number_text = w1 + (w2.empty() ? "" : " - " + w2);
  parts.range_text = parts.number_text;
  parts.before = read_qualifiers_before(lex_, f, nb, limit);
  size_t after_end = unit_end;
  parts.after = read_qualifier_after(lex_, f, unit_end, &after_end, &parts.after_word);
  if (!parts.after) after_end = unit_end;
  parts.symbol = symbol_before(line, nb, limit);
  parts.indicator = row.indicator;
  parts.item = row.item;

  read_cell_year_and_kind(f, nb, limit, primary, col, row, &parts);
  if (col.bound && !parts.symbol && !parts.before.comparator && !parts.after) parts.symbol = col.bound;
  parts.source = "table row " + (row.item.empty() ? std::string("(unnumbered)") : row.item);
  if (extra) parts.context_warnings.push_back({WarningCode::kTableExtraValues, "", ""});

  // "tăng 15%" in a cell, a growth indicator, or a column of changes.
  std::string change_word;
  Change change = read_change(lex_, parts.before, fold_text(parts.indicator.display()), &change_word);
  if (change == Change::kLevel && change_word.empty() && col.role == Role::kChange)
    change = Change::kIncrease;
  // The quote: a symbol written before the number, the number(s), the unit.
  size_t quote_begin = nb;
  if (symbol_before(line, nb, limit)) {
    while (quote_begin > limit && line.folded[quote_begin - 1] == ' ') --quote_begin;
    --quote_begin;
  }
  emit(parts, span, quote_begin, after_end, change);
  *figure_end = after_end;
  return true;
}

// The unit of the number at [.., number_end) of a cell: its own, a change
// column's percent, the header's, or the row's. False when a later number of a
// prose cell has none of its own. *unit_end: past the unit written there.
bool TableReader::read_cell_unit(const RepairedLine& line, std::string_view f, size_t ne, bool primary,
                                 const Column& col, const RowContext& row, FigureParts* parts,
                                 size_t* unit_end) const {
  UnitReading own = read_unit(lex_, f, ne);
  bool own_base = own.matched && !own.base.empty();
  bool own_scale_only = !own.matched && own.scale != 1.0;  // "24.500 tỷ"
  if (own_base) {
    parts->unit = own;
    auto [ub, ue] = byte_range_of_code_points(line.text, ne, own.end);
    parts->unit_text = line.text.substr(ub, ue - ub);
    while (!parts->unit_text.empty() && parts->unit_text[0] == ' ') parts->unit_text.erase(0, 1);
  } else if (col.role == Role::kChange) {
    parts->unit = read_unit(lex_, "%", 0);  // a change in percent, whatever the row's unit
    parts->unit_text = "%";
  } else if (primary && col.unit.matched && (!row.unit.matched || row.unit.counted_noun)) {
    // The header's unit over a row label's counted noun: "Xã Gia Lâm | 68 |
    // 28 | 4" under "NS xã (%)" is 4 percent, not four communes.
    parts->unit = col.unit;
    parts->unit_text = col.unit_text;
  } else if (primary || (own_scale_only && row.unit.matched)) {
    parts->unit = row.unit;
    parts->unit_text = row.unit_text;
    if (own_scale_only) parts->unit.scale = own.scale;  // "24.500 tỷ" in a row of "Tỷ đồng"
  } else {
    return false;  // a later number in a prose cell needs its own unit
  }
  *unit_end = own.matched || own_scale_only ? own.end : ne;
  return true;
}

// Year: the column's, else the row label's ("Dân số 2019 (người)"), else the
// table's; a later number in a cell naming its own year ("do năm 2020 là năm
// gốc, tăng 2,06%") takes that one. Kind: an estimate or a result column is a
// result, unless its year had not begun when the document was written.
void TableReader::read_cell_year_and_kind(std::string_view f, size_t nb, size_t limit, bool primary,
                                          const Column& col, const RowContext& row, FigureParts* parts) const {
  if (!col.period.empty()) {
    parts->year = col.period;
    parts->year_source = "column header: \"" + col.header + "\"";
  } else if (!row.year.empty()) {
    parts->year = row.year;
    parts->year_source = "row label: \"" + row.indicator.display() + "\"";
  } else if (!section_year_.empty()) {
    parts->year = section_year_;
    parts->year_source = "the section row above";
  } else {
    parts->year = table_year_;
    parts->year_source = "table title or heading above the table";
  }
  std::string own_year;
  for (const YearMention& y : find_year_mentions(lex_, f.substr(limit, nb - limit)))
    if (y.dates()) own_year = y.period;
  bool earlier_year = !own_year.empty() && first_year(own_year) < first_year(parts->year);
  if (!primary && !own_year.empty()) {
    parts->year = own_year;
    parts->year_source = "same cell";
  }
  bool future = document_year_ > 0 && first_year(parts->year) > document_year_;
  bool result = (col.result || parts->before.has_estimate || earlier_year) && !future;
  parts->kind = result ? FigureKind::kResult : FigureKind::kTarget;
  parts->kind_reason = earlier_year ? "an earlier year named in the cell"
                       : col.result ? (future ? "estimate of a year to come: a plan" : "result column")
                                    : "table of targets";
  if (col.estimate && result && !earlier_year && !parts->symbol && !parts->before.comparator && !parts->after)
    parts->symbol = Comparator::kApprox;
}

void TableReader::emit(const FigureParts& parts, const CellSpan& span, size_t quote_begin,
                       size_t quote_end, Change change) {
  Figure fig;
  if (!build_figure(parts, &fig)) return;  // scaled past a double
  fig.change = change;
  const RepairedLine& rl = lines_[span.line];
  while (quote_end > quote_begin && rl.folded[quote_end - 1] == ' ') --quote_end;
  uint32_t byte0 = rl.raw_byte_of_cp[quote_begin];
  uint32_t byte1 = rl.raw_byte_of_cp[quote_end];
  const std::string& raw = raw_[span.line];
  fig.line = fig.line_end = fig.number_line = static_cast<uint32_t>(span.line + 1);
  fig.char_start = code_points_before(raw, byte0);
  fig.char_end = code_points_before(raw, byte1);
  fig.quote = raw.substr(byte0, byte1 - byte0);
  out_->push_back(std::move(fig));
}

}  // namespace

void read_table(const Lexicon& lex, const TableGrid& grid, const std::vector<std::string>& raw,
                const std::vector<RepairedLine>& lines, const std::string& context_year,
                std::vector<Figure>* out) {
  TableReader(lex, grid, raw, lines, out).run(context_year);
}

}  // namespace chitieu
