#include "extractor/formats/xls_reader.h"

#include <mutex>
#include <string>
#include <vector>

#include "extractor/formats/external_program.h"

namespace chitieu {
namespace {

// "0.95", from `catdoc -V` ("Catdoc Version 0.95"; xls2csv is of the same
// package and has no version option), asked once per process.
const std::string& catdoc_version() {
  static std::once_flag once;
  static std::string version;
  std::call_once(once, [] {
    std::string out;
    ProgramLimits limits;
    limits.timeout_ms = 10'000;
    if (!run_on_bytes({"catdoc", "-V"}, "", "", limits, &out).ok()) return;
    size_t at = out.find("ersion ");
    if (at == std::string::npos) return;
    size_t end = out.find_first_of(" \r\n", at + 7);
    version = out.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
  });
  return version;
}

// xls2csv writes a number with a decimal point ("45.5"); a Vietnamese reader
// writes a comma, as the .xlsx reader does ("45,5").
std::string decimal_commas(std::string_view line) {
  std::string out;
  size_t begin = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != '\t') continue;
    std::string cell(line.substr(begin, i - begin));
    size_t dot = cell.find('.');
    bool number = dot != std::string::npos && dot > 0 && dot + 1 < cell.size() &&
                  cell.find_first_not_of("0123456789.-") == std::string::npos && cell.find('.', dot + 1) == std::string::npos;
    if (number) cell[dot] = ',';
    out += cell;
    if (i < line.size()) out += '\t';
    begin = i + 1;
  }
  return out;
}

}  // namespace

Status read_xls(std::string_view bytes, DocumentLines* out) {
  out->clear();
  std::string text;
  Status st = run_on_bytes({"xls2csv", "-d", "utf-8", "-q", "0", "-c", "\t", "{}"}, bytes, ".xls", ProgramLimits(),
                           &text);
  if (!st.ok()) return st;
  // A form feed ends a sheet: a blank line here.
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\f') continue;
    std::string_view line(text.data() + begin, i - begin);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);  // trailing empty cells
    if (i < text.size() || !line.empty()) out->add(decimal_commas(line), 0);
    if (out->over_limit()) return out->too_many_lines();
    begin = i + 1;
  }
  while (!out->lines.empty() && out->lines.back().empty()) out->lines.pop_back();
  out->converted_by = "xls2csv";
  if (!catdoc_version().empty()) out->converted_by.append(" (catdoc ").append(catdoc_version()).append(")");
  out->converted_by.append(" -d utf-8 -q 0 -c TAB");
  return Status::Ok();
}

}  // namespace chitieu
