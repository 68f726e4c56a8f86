// The extractor stage end to end for one file: read and validate the source,
// repair every line, read the header, find the figures. A figure read from an
// OCRed line Tesseract was unsure of carries the warning
// "ocr: low confidence (NN) on line L".
#ifndef CHITIEU_EXTRACTOR_EXTRACT_DOCUMENT_H_
#define CHITIEU_EXTRACTOR_EXTRACT_DOCUMENT_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "extractor/document_header.h"
#include "extractor/figure_extractor.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// Mean word confidence (0..100) below which an OCRed line is doubtful.
inline constexpr float kLowOcrConfidence = 70;

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
