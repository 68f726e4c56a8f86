// The extractor stage end to end for one file: read and validate the source,
// repair every line (OCRed lines also their numbers: ocr_number_repair.h),
// read the header, find the figures. A figure read from an OCRed line or word
// Tesseract was unsure of, or resting on a repaired number, carries a warning
// (ocr_warnings.h).
#ifndef CHITIEU_EXTRACTOR_EXTRACT_DOCUMENT_H_
#define CHITIEU_EXTRACTOR_EXTRACT_DOCUMENT_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "extractor/document_header.h"
#include "extractor/figure_extractor.h"
#include "extractor/ocr_warnings.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct ExtractedDocument {
  SourceText source;
  std::vector<RepairedLine> repaired;  // one per source line
  DocumentHeader header;
  std::vector<Figure> figures;
};

// `forced_encoding`: empty to detect, else one of known_encodings().
// `ocr_cache`: pages already OCRed (formats/ocr_reader.h), or none.
Status extract_document(const Lexicon& lex, const std::string& path, const std::string& forced_encoding,
                        ExtractedDocument* out, OcrCache* ocr_cache = nullptr);

// The same on a SourceText already read (tests, benchmarks).
void extract_from_source(const Lexicon& lex, ExtractedDocument* doc);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_EXTRACT_DOCUMENT_H_
