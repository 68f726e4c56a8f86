// What a format reader hands to the pipeline: the document's text as lines of
// UTF-8, with the page each line is on and which lines are page furniture.
//
// Readers of binary formats (PDF, Word) fill this; `source_text` turns it into
// a SourceText. Lines are stored verbatim as provenance, so a reader emits the
// text as the document shows it and leaves every repair to the extractor.
#ifndef CHITIEU_EXTRACTOR_FORMATS_DOCUMENT_LINES_H_
#define CHITIEU_EXTRACTOR_FORMATS_DOCUMENT_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

struct DocumentLines {
  std::vector<std::string> lines;  // valid UTF-8, no line terminators
  std::vector<uint32_t> pages;     // 1-based page of each line; empty when the format has no pages
  std::vector<bool> boilerplate;   // running header, footer or page number; empty when none
  std::vector<float> confidence;   // OCR: mean word confidence (0..100) of each line; empty when not OCRed

  // Appends `text` (any bytes) as one line on `page` (0: no page).
  void add(std::string_view text, uint32_t page);
};

// `text` made safe to store and read as a line: invalid UTF-8 becomes U+FFFD,
// and control characters other than tab (a stray NUL, a form feed, a vertical
// tab Word uses for a soft break) become spaces.
std::string clean_line(std::string_view text);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_DOCUMENT_LINES_H_
