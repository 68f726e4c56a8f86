// Reading the text layer of a PDF into lines, through Poppler.
//
// Words come from Poppler in reading order with their boxes; a line is the run
// of words that share a baseline, rebuilt here so every visual line stays a
// line (Poppler's own text output joins hyphenated line ends and would lose
// the "-" of a range broken as "9,5 -" / "10%"). Table cells and tab-aligned
// columns on one baseline, which Poppler keeps in separate blocks, become a
// line each: the one-cell-per-line shape of table_reader.h. Lines carry their
// 1-based page; running headers, footers and page numbers are marked
// (page_furniture.h). Lines are raw: wrapped sentences are joined later, by
// the extractor.
//
// Errors: "encrypted PDF (…)", "truncated PDF (…)", "corrupt PDF: …", "PDF
// without a text layer (…)". Poppler's own messages never reach stderr.
// A PDF without a text layer (a scan) is not an error when the caller asks to
// know: `*no_text_layer` is set and the pages are left to OCR (ocr_reader.h).
#ifndef CHITIEU_EXTRACTOR_FORMATS_PDF_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_PDF_READER_H_

#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

Status read_pdf(std::string_view bytes, DocumentLines* out, bool* no_text_layer = nullptr);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_PDF_READER_H_
