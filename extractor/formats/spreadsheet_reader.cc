#include "extractor/formats/spreadsheet_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <pugixml.hpp>
#include <set>
#include <vector>

#include "extractor/formats/zip_parts.h"

namespace chitieu {
namespace {

// Widest row read: Excel's own limit (XFD). A wider claimed column is junk.
constexpr size_t kMaxColumns = 16384;
// An .ods row or cell repeated more often than this is the sheet's padding
// ("number-rows-repeated=1048000" of empty rows), read once.
constexpr long kMaxRepeat = 1000;

const char* local_name(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& n, const char* local) {
  return n.type() == pugi::node_element && std::strcmp(local_name(n), local) == 0;
}

std::string attribute(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_attribute a : n.attributes()) {
    const char* name = a.name();
    const char* colon = std::strrchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return a.value();
  }
  return "";
}

Status parse_xml(const std::string& format, const std::string& part, std::string* xml, pugi::xml_document* doc) {
  pugi::xml_parse_result parsed = doc->load_buffer_inplace(
      xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!parsed) {
    return Status::Error("corrupt " + format + ": " + part + ": " + parsed.description() + " at byte " +
                         std::to_string(parsed.offset));
  }
  return Status::Ok();
}

// One sheet's rows as tab-separated lines under its name.
void add_sheet(const std::string& name, const std::vector<std::vector<std::string>>& rows, DocumentLines* out) {
  out->add(name, 0);
  for (const auto& row : rows) {
    size_t used = row.size();
    while (used > 0 && row[used - 1].find_first_not_of(" \t") == std::string::npos) --used;
    if (used == 0) continue;
    std::string line;
    for (size_t c = 0; c < used; ++c) {
      if (c > 0) line += '\t';
      for (char ch : row[c]) line += ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch;
    }
    out->add(line, 0);
  }
  out->add("", 0);
}

// ---- .xlsx ------------------------------------------------------------------

// Text of an <si> or <is>: its <t>, or the <t> of each rich-text run.
std::string string_item(const pugi::xml_node& si) {
  std::string text;
  for (pugi::xml_node c : si.children()) {
    if (is(c, "t")) text += c.text().get();
    else if (is(c, "r"))
      for (pugi::xml_node t : c.children())
        if (is(t, "t")) text += t.text().get();
  }
  return text;
}

// How each cell style (index into cellXfs) shows a number.
struct NumberStyles {
  std::vector<int> format_of_style;      // numFmtId of each cellXfs entry
  std::map<int, std::string> custom;     // numFmtId -> formatCode
  bool percent(int style) const { return kind(style) == 'p'; }
  bool date(int style) const { return kind(style) == 'd'; }

 private:
  char kind(int style) const {
    if (style < 0 || static_cast<size_t>(style) >= format_of_style.size()) return 'n';
    int id = format_of_style[style];
    if (id == 9 || id == 10) return 'p';
    if ((id >= 14 && id <= 17) || id == 22) return 'd';
    auto it = custom.find(id);
    if (it == custom.end()) return 'n';
    const std::string& code = it->second;
    if (code.find('%') != std::string::npos) return 'p';
    bool y = code.find('y') != std::string::npos || code.find('Y') != std::string::npos;
    bool d = code.find('d') != std::string::npos || code.find('D') != std::string::npos;
    return y && d ? 'd' : 'n';
  }
};

NumberStyles read_styles(const pugi::xml_node& root) {
  NumberStyles s;
  for (pugi::xml_node group : root.children()) {
    if (is(group, "numFmts")) {
      for (pugi::xml_node f : group.children())
        if (is(f, "numFmt")) s.custom[std::atoi(attribute(f, "numFmtId").c_str())] = attribute(f, "formatCode");
    } else if (is(group, "cellXfs")) {
      for (pugi::xml_node xf : group.children())
        if (is(xf, "xf")) s.format_of_style.push_back(std::atoi(attribute(xf, "numFmtId").c_str()));
    }
  }
  return s;
}

// "C12" -> 2 (0-based column); -1 when the reference has no letters.
long column_of(const std::string& ref) {
  long col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= static_cast<long>(kMaxColumns); ++i)
    col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 ? -1 : col - 1;
}

std::string xlsx_cell(const pugi::xml_node& c, const std::vector<std::string>& shared, const NumberStyles& styles) {
  std::string type = attribute(c, "t");
  std::string value;
  for (pugi::xml_node v : c.children()) {
    if (is(v, "v")) value = v.text().get();
    else if (is(v, "is")) return string_item(v);
  }
  if (type == "s") {
    size_t i = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
    return i < shared.size() ? shared[i] : "";
  }
  if (type == "str" || type == "e" || type == "inlineStr") return value;
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  if (value.empty()) return "";
  char* end = nullptr;
  double v = std::strtod(value.c_str(), &end);
  if (end == value.c_str()) return value;
  int style = attribute(c, "s").empty() ? -1 : std::atoi(attribute(c, "s").c_str());
  return spreadsheet_number(v, styles.percent(style), styles.date(style));
}

std::vector<std::vector<std::string>> xlsx_rows(const pugi::xml_node& worksheet, const std::vector<std::string>& shared,
                                                const NumberStyles& styles) {
  std::vector<std::vector<std::string>> rows;
  for (pugi::xml_node data : worksheet.children()) {
    if (!is(data, "sheetData")) continue;
    for (pugi::xml_node row : data.children()) {
      if (!is(row, "row")) continue;
      std::vector<std::string> cells;
      for (pugi::xml_node c : row.children()) {
        if (!is(c, "c")) continue;
        long col = column_of(attribute(c, "r"));
        if (col < 0) col = static_cast<long>(cells.size());
        if (static_cast<size_t>(col) >= kMaxColumns) continue;
        if (static_cast<size_t>(col) >= cells.size()) cells.resize(col + 1);
        cells[col] = xlsx_cell(c, shared, styles);
      }
      rows.push_back(std::move(cells));
    }
  }
  return rows;
}

// Relationship id -> part name ("xl/worksheets/sheet1.xml").
std::map<std::string, std::string> workbook_targets(const pugi::xml_node& rels) {
  std::map<std::string, std::string> out;
  for (pugi::xml_node r : rels.children()) {
    if (!is(r, "Relationship")) continue;
    std::string target = attribute(r, "Target");
    if (!target.empty() && target[0] == '/') target.erase(0, 1);
    else target = "xl/" + target;
    out[attribute(r, "Id")] = target;
  }
  return out;
}

Status read_xlsx_or_throw(std::string_view bytes, DocumentLines* out) {
  ZipParts zip("xlsx");
  Status st = zip.open(bytes);
  if (!st.ok()) return st;
  std::string xml;
  bool found = false;
  pugi::xml_document workbook, rels, strings_doc, styles_doc;
  st = zip.read("xl/workbook.xml", &xml, &found);
  if (st.ok() && !found) return Status::Error("xlsx without xl/workbook.xml");
  if (st.ok()) st = parse_xml("xlsx", "xl/workbook.xml", &xml, &workbook);
  std::string rels_xml, strings_xml, styles_xml;
  if (st.ok()) st = zip.read("xl/_rels/workbook.xml.rels", &rels_xml, &found);
  if (st.ok() && found) st = parse_xml("xlsx", "workbook.xml.rels", &rels_xml, &rels);
  if (st.ok()) st = zip.read("xl/sharedStrings.xml", &strings_xml, &found);
  if (st.ok() && found) st = parse_xml("xlsx", "xl/sharedStrings.xml", &strings_xml, &strings_doc);
  if (st.ok()) st = zip.read("xl/styles.xml", &styles_xml, &found);
  if (st.ok() && found) st = parse_xml("xlsx", "xl/styles.xml", &styles_xml, &styles_doc);
  if (!st.ok()) return st;

  std::vector<std::string> shared;
  for (pugi::xml_node si : strings_doc.document_element().children())
    if (is(si, "si")) shared.push_back(string_item(si));
  NumberStyles styles = read_styles(styles_doc.document_element());
  std::map<std::string, std::string> targets = workbook_targets(rels.document_element());

  out->clear();
  size_t sheets = 0;
  for (pugi::xml_node group : workbook.document_element().children()) {
    if (!is(group, "sheets")) continue;
    for (pugi::xml_node sheet : group.children()) {
      if (!is(sheet, "sheet")) continue;
      auto target = targets.find(attribute(sheet, "id"));
      if (target == targets.end()) continue;
      std::string sheet_xml;
      st = zip.read(target->second, &sheet_xml, &found);
      if (!st.ok()) return st;
      if (!found) continue;
      pugi::xml_document doc;
      st = parse_xml("xlsx", target->second, &sheet_xml, &doc);
      if (!st.ok()) return st;
      add_sheet(attribute(sheet, "name"), xlsx_rows(doc.document_element(), shared, styles), out);
      if (out->over_limit()) return out->too_many_lines();
      ++sheets;
    }
  }
  if (sheets == 0) return Status::Error("xlsx without sheets");
  out->converted_by = "xlsx sheets as tab-separated rows (libzip, pugixml)";
  return Status::Ok();
}

// ---- .ods -------------------------------------------------------------------

// The display text of an .ods cell: its paragraphs joined by a space, with
// text:s (spaces), text:tab and text:line-break read as white space.
void cell_text(const pugi::xml_node& n, std::string* text, int depth) {
  if (depth > 64) return;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata) {
      *text += c.value();
    } else if (is(c, "s")) {
      long count = std::atol(attribute(c, "c").c_str());
      text->append(static_cast<size_t>(count < 1 ? 1 : std::min(count, 100L)), ' ');
    } else if (is(c, "tab") || is(c, "line-break")) {
      *text += ' ';
    } else if (is(c, "p") || is(c, "h")) {
      if (!text->empty()) *text += ' ';
      cell_text(c, text, depth + 1);
    } else if (!is(c, "annotation")) {
      cell_text(c, text, depth + 1);
    }
  }
}

long repeat_of(const pugi::xml_node& n, const char* attr) {
  long r = std::atol(attribute(n, attr).c_str());
  return r < 1 ? 1 : r;
}

void ods_rows(const pugi::xml_node& container, std::vector<std::vector<std::string>>* rows, int depth) {
  if (depth > 16) return;
  for (pugi::xml_node row : container.children()) {
    if (is(row, "table-header-rows") || is(row, "table-row-group") || is(row, "table-rows")) {
      ods_rows(row, rows, depth + 1);
      continue;
    }
    if (!is(row, "table-row")) continue;
    std::vector<std::string> cells;
    for (pugi::xml_node c : row.children()) {
      if (!is(c, "table-cell") && !is(c, "covered-table-cell")) continue;
      std::string text;
      cell_text(c, &text, 0);
      long repeat = repeat_of(c, "number-columns-repeated");
      if (text.empty() && repeat > kMaxRepeat) repeat = 1;  // padding to the sheet's edge
      for (long k = 0; k < std::min(repeat, kMaxRepeat) && cells.size() < kMaxColumns; ++k) cells.push_back(text);
    }
    bool empty = true;
    for (const std::string& c : cells) empty &= c.find_first_not_of(" ") == std::string::npos;
    long repeat = empty ? 1 : std::min(repeat_of(row, "number-rows-repeated"), kMaxRepeat);
    for (long k = 0; k < repeat; ++k) rows->push_back(cells);
  }
}

void find_tables(const pugi::xml_node& n, std::vector<pugi::xml_node>* tables, int depth) {
  if (depth > 8) return;
  for (pugi::xml_node c : n.children()) {
    if (is(c, "table")) tables->push_back(c);
    else if (c.type() == pugi::node_element) find_tables(c, tables, depth + 1);
  }
}

Status read_ods_or_throw(std::string_view bytes, DocumentLines* out) {
  ZipParts zip("ods");
  Status st = zip.open(bytes);
  if (!st.ok()) return st;
  std::string xml;
  bool found = false;
  st = zip.read("content.xml", &xml, &found);
  if (!st.ok()) return st;
  if (!found) return Status::Error("ods without content.xml");
  pugi::xml_document doc;
  st = parse_xml("ods", "content.xml", &xml, &doc);
  if (!st.ok()) return st;
  std::vector<pugi::xml_node> tables;
  find_tables(doc.document_element(), &tables, 0);
  out->clear();
  for (const pugi::xml_node& t : tables) {
    std::vector<std::vector<std::string>> rows;
    ods_rows(t, &rows, 0);
    add_sheet(attribute(t, "name"), rows, out);
    if (out->over_limit()) return out->too_many_lines();
  }
  if (tables.empty()) return Status::Error("ods without sheets");
  out->converted_by = "ods sheets as tab-separated rows (libzip, pugixml)";
  return Status::Ok();
}

template <typename Read>
Status guarded(const char* format, Read read) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    return Status::Error(std::string(format) + " too large to read (out of memory)");
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot read ") + format + ": " + e.what());
  }
}

}  // namespace

std::string spreadsheet_number(double value, bool percent, bool date) {
  char buf[64];
  if (date && value >= 1 && value < 2958466) {
    // Days since 1899-12-30 (Excel's epoch, its 1900 leap-year error included).
    long z = static_cast<long>(std::floor(value)) - 25569 + 719468;  // to days since 0000-03-01
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    std::snprintf(buf, sizeof buf, "%ld/%ld/%ld", d, m, y);
    return buf;
  }
  // 15 significant digits: the binary noise of 0.455 * 100 is gone.
  std::snprintf(buf, sizeof buf, "%.15g", percent ? value * 100 : value);
  std::string s = buf;
  for (char& c : s)
    if (c == '.') c = ',';
  return percent ? s + "%" : s;
}

Status read_xlsx(std::string_view bytes, DocumentLines* out) {
  return guarded("xlsx", [&] { return read_xlsx_or_throw(bytes, out); });
}

Status read_ods(std::string_view bytes, DocumentLines* out) {
  return guarded("ods", [&] { return read_ods_or_throw(bytes, out); });
}

}  // namespace chitieu
