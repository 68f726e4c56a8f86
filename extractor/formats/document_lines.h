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

#include "common/status.h"

namespace chitieu {

// Most lines a document may have, in any format (see README "Limits"). Ingest
// holds a document's repaired lines and figures in memory at once, about 180
// bytes a line; a long resolution has 1,000 lines, this leaves a factor of 1,000
// and bounds memory against a file of empty paragraphs or a PDF of specks.
inline constexpr uint64_t kMaxDocumentLines = 1'000'000;

// Where a stored line was read from, for formats whose stored lines are not
// the file's own (web pages, Markdown): the file's line (1-based) and the
// byte range [begin, end) of the file the line's text came from.
struct LineSource {
  uint32_t line = 0;
  uint64_t begin = 0, end = 0;
};

// An OCRed word: its bytes [begin, end) in its line and Tesseract's
// confidence in it (0..100).
struct OcrWord {
  uint32_t begin = 0, end = 0;
  float confidence = 0;

  bool operator==(const OcrWord&) const = default;
};

struct DocumentLines {
  std::vector<std::string> lines;  // valid UTF-8, no line terminators
  std::vector<uint32_t> pages;     // 1-based page of each line; empty when the format has no pages
  std::vector<bool> boilerplate;   // running header, footer or page number; empty when none
  std::vector<float> confidence;   // OCR: mean word confidence (0..100) of each line; empty when not OCRed
  std::vector<std::vector<OcrWord>> words;  // OCR: each line's words; empty when not OCRed
  std::vector<LineSource> sources; // each line's place in the file; empty when unknown
  // What turned the file into text when it is not the file's own text or a
  // library's reading of it: "xls2csv (catdoc 0.95) …", "libxml2 2.9.14 HTML
  // parser"…; empty otherwise.
  std::string converted_by;

  // Most lines add() takes: kMaxDocumentLines, lowered by tests.
  uint64_t line_limit = kMaxDocumentLines;

  // Appends `text` (any bytes) as one line on `page` (0: no page). Past
  // `line_limit` nothing is added and the document is over the limit.
  void add(std::string_view text, uint32_t page);
  // The same for a line read from `source` in the file.
  void add(std::string_view text, const LineSource& source);

  bool over_limit() const { return over_limit_; }
  // The error a reader returns for a document over the limit.
  Status too_many_lines() const;
  // Empties the document, keeping `line_limit`.
  void clear();

 private:
  bool over_limit_ = false;
};

// `text` made safe to store and read as a line: invalid UTF-8 becomes U+FFFD,
// and control characters other than tab (a stray NUL, a form feed, a vertical
// tab Word uses for a soft break) become spaces.
std::string clean_line(std::string_view text);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_DOCUMENT_LINES_H_
