#include "extractor/formats/catdoc_reader.h"

#include <mutex>
#include <string>
#include <vector>

#include "extractor/formats/external_program.h"

namespace chitieu {
namespace {

// "0.95", from `catdoc -V` ("Catdoc Version 0.95"), asked once per process.
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

}  // namespace

Status read_with_catdoc(std::string_view bytes, CatdocInput input, DocumentLines* out) {
  std::vector<std::string> argv;
  std::string suffix;
  switch (input) {
    case CatdocInput::kWord97:
      argv = {"catdoc", "-w", "-d", "utf-8", "{}"};
      suffix = ".doc";
      break;
    case CatdocInput::kXls:
      argv = {"xls2csv", "-d", "utf-8", "-q", "0", "-c", "\t", "{}"};
      suffix = ".xls";
      break;
  }
  std::string text;
  Status st = run_on_bytes(argv, bytes, suffix, ProgramLimits(), &text);
  if (!st.ok()) return st;
  // A form feed is a page (or, from xls2csv, a sheet) break: a line break here.
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\f') continue;
    std::string_view line(text.data() + begin, i - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (i < text.size() || !line.empty()) out->add(line, 0);
    if (out->over_limit()) return out->too_many_lines();
    begin = i + 1;
  }
  // "catdoc 0.95 (-w -d utf-8)": the program, its version, its arguments.
  std::string& by = out->converted_by;
  by = argv[0];
  if (!catdoc_version().empty()) by.append(" ").append(catdoc_version());
  by.append(" (");
  for (size_t i = 1; i + 1 < argv.size(); ++i) {
    if (i > 1) by.append(" ");
    by.append(argv[i] == "\t" ? "TAB" : argv[i]);
  }
  by.append(")");
  return Status::Ok();
}

}  // namespace chitieu
