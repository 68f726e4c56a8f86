// Fuzz target: the extractor end to end on a document's bytes —
// source_text_from_bytes (format detection, decoding, validation) then
// extract_from_source (line repair, header, blocks, tables, figures).
//
// Bytes that the content marks as PDF, a ZIP container (.docx, .xlsx, .ods) or
// an image go to their readers (Poppler, libzip, Tesseract), and an .xls to a
// program (xls2csv): not this target's subject, skipped. Everything else is
// read — as text, or by chitieu's own RTF, web page and Word 97 readers —
// including what is rejected, and every figure found must point back into the
// raw lines exactly as `chitieu verify` checks it.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "extractor/extract_document.h"
#include "extractor/formats/format_detect.h"
#include "fuzz/fuzz_support.h"
#include "model/figure.h"
#include "normalizer/lexicon.h"
#include "store/figure_codec.h"

namespace {

// Byte offset of code point `cp` in `s`, or npos past the end.
size_t byte_of(const std::string& s, uint32_t cp) {
  uint32_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count == cp) return i;
    ++count;
  }
  return count == cp ? s.size() : std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chitieu;
  static const Lexicon& lex = default_lexicon();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  FileFormat format = detect_format(bytes).format;
  if (format == FileFormat::kPdf || format == FileFormat::kDocx || format == FileFormat::kImage ||
      format == FileFormat::kXlsx || format == FileFormat::kOds || format == FileFormat::kXls)
    return 0;

  ExtractedDocument doc;
  Status st = source_text_from_bytes(lex, bytes, "fuzz.txt", "", &doc.source);
  if (!st.ok()) {
    // A refusal is one line for a person.
    FUZZ_CHECK(!st.message().empty());
    FUZZ_CHECK(st.message().find('\n') == std::string::npos);
    return 0;
  }
  const std::vector<std::string>& lines = doc.source.lines;
  FUZZ_CHECK(!lines.empty());
  for (const std::string& l : lines) {
    FUZZ_CHECK(l.find('\n') == std::string::npos);
    FUZZ_CHECK(fuzz::utf8_length(l) >= 0);  // decoded text is UTF-8
  }

  extract_from_source(lex, &doc);
  FUZZ_CHECK(doc.repaired.size() == lines.size());
  for (size_t i = 0; i < lines.size(); ++i) fuzz::check_repaired_line(lines[i], doc.repaired[i]);

  for (const Figure& f : doc.figures) {
    // Lines in the document, the first digit within the quote's lines.
    FUZZ_CHECK(f.line >= 1 && f.line <= f.line_end && f.line_end <= lines.size());
    FUZZ_CHECK(f.number_line >= f.line && f.number_line <= f.line_end);
    // The quote is the raw text at its offsets, as `verify` cuts it.
    const std::string& first = lines[f.line - 1];
    const std::string& last = lines[f.line_end - 1];
    size_t b = byte_of(first, f.char_start), e = byte_of(last, f.char_end);
    FUZZ_CHECK(b != std::string::npos && e != std::string::npos);
    std::string cut;
    if (f.line == f.line_end) {
      FUZZ_CHECK(b <= e);
      cut = first.substr(b, e - b);
    } else {
      cut = first.substr(b);
      for (uint32_t l = f.line + 1; l < f.line_end; ++l) cut += "\n" + lines[l - 1];
      cut += "\n" + last.substr(0, e);
    }
    FUZZ_CHECK(cut == f.quote);
    FUZZ_CHECK(!f.quote.empty());
    FUZZ_CHECK(fuzz::utf8_length(f.indicator.display()) >= 0);
    // A value: finite, bounds in order, a known comparator and kind.
    FUZZ_CHECK(std::isfinite(f.low) && std::isfinite(f.high));
    FUZZ_CHECK(f.low <= f.high);
    FUZZ_CHECK(parse_comparator(comparator_text(f.comparator)) == f.comparator);
    FUZZ_CHECK(parse_kind(kind_text(f.kind)) == f.kind);
    FUZZ_CHECK(!f.unit.empty());
    FUZZ_CHECK(!f.number_text.empty());
    // What the store keeps reads back as it was written.
    FUZZ_CHECK(warnings_from_json(warnings_to_json(f.warnings)) == f.warnings);
    FUZZ_CHECK(!nlohmann::json::parse(reading_to_json(f), nullptr, false).is_discarded());
  }
  return 0;
}
