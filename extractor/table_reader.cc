#include "extractor/table_reader.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "normalizer/period.h"
#include "normalizer/qualifier.h"
#include "normalizer/unit_parser.h"
#include "normalizer/vietnamese_number.h"

namespace chitieu {
namespace {

using json = nlohmann::json;

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
  size_t cp = 0, bb = l.text.size(), eb = l.text.size();
  for (size_t i = 0; i <= l.text.size(); ++i) {
    if (i < l.text.size() && (static_cast<unsigned char>(l.text[i]) & 0xC0) == 0x80) continue;
    if (cp == b) bb = i;
    if (cp == e) {
      eb = i;
      break;
    }
    ++cp;
  }
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

std::string comparator_from_symbol(const std::string& text) {
  if (text.rfind("≥", 0) == 0) return ">=";
  if (text.rfind("≤", 0) == 0) return "<=";
  if (text.rfind(">", 0) == 0) return ">";
  if (text.rfind("<", 0) == 0) return "<";
  if (text.rfind("~", 0) == 0) return "~";
  return "";
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

void read_table(const Lexicon& lex, const TableRegion& region, const std::vector<std::string>& raw,
                const std::vector<RepairedLine>& lines, const std::string& context_year,
                std::vector<Figure>* out) {
  std::vector<Cell> cells;
  for (size_t l = region.first_line; l <= region.last_line; ++l) {
    Cell c = make_cell(&lex, lines[l], l);
    if (!c.folded.empty()) cells.push_back(c);
  }
  // Header: the cells before the first row (a row number followed by a label,
  // or a label followed by a number).
  size_t k = 0;
  auto row_starts_at = [&](size_t i) {
    if (i + 1 >= cells.size()) return false;
    if (cells[i].could_be_row_number && cells[i + 1].kind == CellKind::kText) return true;
    return false;
  };
  while (k < cells.size() && !row_starts_at(k)) ++k;
  std::vector<Column> columns;
  bool unit_column = false;
  std::string table_year = context_year;
  {
    size_t header_begin = 0;
    for (size_t i = 0; i < k; ++i)
      if (cells[i].folded == "stt" || cells[i].folded == "tt") header_begin = i;
    for (size_t i = 0; i < k; ++i) {
      const std::string& f = cells[i].folded;
      std::vector<YearMention> years = find_year_mentions(f);
      if (i < header_begin) {  // a title above the table: its year is the context
        if (!years.empty()) table_year = years.back().period;
        continue;
      }
      if (f.rfind("don vi", 0) == 0 || f == "dvt" || f.rfind("dvt", 0) == 0) {
        unit_column = true;
        continue;
      }
      if (!years.empty() || f.find("muc tieu") != std::string::npos || f.find("ke hoach") != std::string::npos) {
        Column col;
        col.period = years.empty() ? "" : years.back().period;
        col.result = f.find("uoc") != std::string::npos || f.find("thuc hien") != std::string::npos;
        col.header = cells[i].text;
        columns.push_back(col);
      }
    }
  }

  std::string parent_label;
  while (k < cells.size()) {
    std::string item;
    if (cells[k].could_be_row_number && k + 1 < cells.size() && cells[k + 1].kind == CellKind::kText) {
      item = cells[k].text;
      ++k;
    }
    if (k >= cells.size() || cells[k].kind != CellKind::kText) {
      ++k;
      continue;
    }
    // The label, possibly wrapped over several cells.
    std::string label = cells[k].text;
    std::string label_folded = cells[k].folded;
    ++k;
    while (k < cells.size() && cells[k].kind == CellKind::kText && !row_starts_at(k)) {
      label += " " + cells[k].text;
      label_folded += " " + cells[k].folded;
      ++k;
    }
    UnitReading unit;
    std::string unit_cell_text;
    if (k < cells.size() && cells[k].kind == CellKind::kUnitOnly) {
      unit = read_unit(lex, cells[k].folded, 0);
      unit_cell_text = cells[k].text;
      ++k;
    } else if (size_t open = label_folded.rfind('('); open != std::string::npos) {
      // "(Tỷ đồng)", "(%)", "(đơn vị: triệu đồng/người)" at the end of the label.
      size_t close = label_folded.find(')', open);
      if (close != std::string::npos) {
        std::string inner = label_folded.substr(open + 1, close - open - 1);
        for (const char* p : {"don vi tinh:", "don vi:", "dvt:"})
          if (inner.rfind(p, 0) == 0) inner = inner.substr(std::string(p).size());
        while (!inner.empty() && inner[0] == ' ') inner.erase(0, 1);
        UnitReading u = read_unit(lex, inner, 0);
        if (u.matched && u.end == inner.size()) {
          unit = u;
          unit_cell_text = inner;
          // drop the unit from the indicator name (folded and text share code point positions)
          size_t cps = 0, cut = label.size();
          for (size_t i = 0; i < label.size(); ++i) {
            if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
            if (cps == open) {
              cut = i;
              break;
            }
            ++cps;
          }
          label = label.substr(0, cut);
          while (!label.empty() && label.back() == ' ') label.pop_back();
          label_folded = label_folded.substr(0, open);
        }
      }
    }
    // Hierarchy: "1.1" under "1", "a)" under the numbered row before it.
    bool child = item.find('.') != std::string::npos && item.find('.') + 1 < item.size();
    child = child || (item.size() == 2 && item[1] == ')' && item[0] >= 'a');
    std::string parent = child ? parent_label : "";
    if (!child) parent_label = label;
    std::string indicator = parent.empty() ? label : parent + " — " + label;

    size_t column = 0;
    while (k < cells.size() && !row_starts_at(k) &&
           (cells[k].kind == CellKind::kNumber || cells[k].kind == CellKind::kEmptyValue)) {
      const Cell& c = cells[k];
      ++k;
      size_t col = column++;
      if (c.kind == CellKind::kEmptyValue) continue;
      std::string cf = c.folded;
      // A "%" written in the cell is the unit when the row has none.
      UnitReading cell_unit = unit;
      if (!cell_unit.matched && cf.find('%') != std::string::npos) cell_unit = read_unit(lex, "%", 0);
      UnitDecision ud = decide_unit(lex, cell_unit, unit_cell_text, fold_text(indicator));
      if (!ud.ok) continue;
      static const RE2 kNumbers(R"((\d+(?:[.,]\d+)*)(?:\s*%?\s*(?:-|den)\s*(\d+(?:[.,]\d+)*))?)");
      re2::StringPiece n1s, n2s;
      if (!RE2::PartialMatch(cf, kNumbers, &n1s, &n2s)) continue;
      ParsedNumber n1 = parse_vietnamese_number(std::string_view(n1s.data(), n1s.size()));
      ParsedNumber n2 = n2s.empty() ? n1 : parse_vietnamese_number(std::string_view(n2s.data(), n2s.size()));
      if (!n1.ok || !n2.ok) continue;
      size_t nb = n1s.data() - cf.data();
      QualifierRun run = read_qualifiers_before(lex, cf, nb, 0);
      size_t after_end = 0;
      std::string after_word;
      std::string after = read_qualifier_after(lex, cf, cf.find_last_of("0123456789%") + 1, &after_end, &after_word);
      std::string symbol = comparator_from_symbol(c.text);
      bool is_range = !n2s.empty();

      Figure fig;
      double scale = cell_unit.matched ? cell_unit.scale : 1.0;
      fig.low = std::min(n1.value, n2.value) * scale;
      fig.high = std::max(n1.value, n2.value) * scale;
      if (!std::isfinite(fig.low) || !std::isfinite(fig.high)) continue;  // scaled past a double
      fig.comparator = !symbol.empty() ? symbol : resolve_comparator(run, after, is_range);
      fig.unit = ud.code;
      fig.counted = ud.counted;
      fig.indicator = indicator;
      fig.parent = parent;
      fig.item = item;
      fig.number_text = std::string(n1s.data(), n1s.size()) + (is_range ? " - " + std::string(n2s.data(), n2s.size()) : "");
      fig.unit_text = unit_cell_text.empty() ? (cf.find('%') != std::string::npos ? "%" : "") : unit_cell_text;
      std::string year_source;
      if (col < columns.size() && !columns[col].period.empty()) {
        fig.year = columns[col].period;
        year_source = "column header: \"" + columns[col].header + "\"";
      } else {
        fig.year = table_year;
        year_source = "heading above the table";
      }
      fig.kind = (col < columns.size() && columns[col].result) || run.has_estimate ? "result" : "target";
      if (!ud.warning.empty()) fig.warnings.push_back(ud.warning);
      if (n1.value > n2.value) fig.warnings.push_back("range: bounds written in reverse order");
      if (n1.dot_as_decimal || n2.dot_as_decimal)
        fig.warnings.push_back("number: \".\" before a group of fewer than three digits read as a decimal point");
      if (columns.size() > 0 && column > columns.size())
        fig.warnings.push_back("table: more values in the row than value columns in the header");
      if (fig.year.empty()) fig.warnings.push_back("year: no year or period found");
      json reading;
      reading["source"] = "table row " + (item.empty() ? std::string("(unnumbered)") : item);
      reading["numbers"] = json::array({{{"written", std::string(n1s.data(), n1s.size())},
                                         {"value", n1.value}, {"reading", n1.reading}}});
      if (is_range)
        reading["numbers"].push_back({{"written", std::string(n2s.data(), n2s.size())},
                                      {"value", n2.value}, {"reading", n2.reading}});
      if (scale != 1.0) reading["scale"] = scale;
      reading["unit"] = {{"written", fig.unit_text}, {"code", ud.code}};
      if (!ud.inferred_from.empty()) reading["unit"]["from_indicator"] = ud.inferred_from;
      reading["qualifier"] = {{"before", run.words}, {"after", after_word}, {"comparator", fig.comparator},
                              {"decided_by", !symbol.empty() ? symbol
                                             : !run.comparator.empty() ? run.comparator_word
                                             : !after_word.empty() ? after_word
                                             : is_range ? "range without qualifier" : "no qualifier"}};
      reading["year"] = {{"value", fig.year}, {"source", year_source}};
      reading["kind"] = {{"value", fig.kind}, {"reason", col < columns.size() && columns[col].result
                                                           ? "result column" : "table of targets"}};
      fig.reading_json = reading.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

      // Provenance: the cell's own line, its trimmed text.
      const RepairedLine& rl = lines[c.line];
      uint32_t byte0 = rl.raw_byte_of_cp[c.begin];
      uint32_t byte1 = rl.raw_byte_of_cp[c.end];
      fig.line = fig.line_end = fig.number_line = static_cast<uint32_t>(c.line + 1);
      fig.char_start = code_points_before(raw[c.line], byte0);
      fig.char_end = code_points_before(raw[c.line], byte1);
      fig.quote = raw[c.line].substr(byte0, byte1 - byte0);
      out->push_back(std::move(fig));
    }
  }
}

}  // namespace chitieu
