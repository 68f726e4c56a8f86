// A stored document extracted again from its stored text, without the file
// it was read from: its stored lines, pages, OCR confidences and encoding
// rebuild the source (extractor/source_text.h, rebuild_source_text), and the
// extractor reads it exactly as ingest does (extract_from_source). `verify`
// compares the result with what is stored; `reextract` stores it.
#ifndef CHITIEU_PIPELINE_RECOMPUTE_H_
#define CHITIEU_PIPELINE_RECOMPUTE_H_

#include <vector>

#include "common/status.h"
#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"
#include "store/store.h"

namespace chitieu {

struct Recomputed {
  std::vector<StoredLine> lines;  // as stored
  ExtractedDocument doc;          // the source rebuilt from them, repaired, its header and figures
};

Status recompute_document(const Lexicon& lex, Store* store, const StoredDocument& document, Recomputed* out);

// The page the store gives a figure: that of its number's line, 0 without pages.
int64_t figure_page(const SourceText& source, const Figure& figure);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_RECOMPUTE_H_
