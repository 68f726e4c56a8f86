#include "pipeline/recompute.h"

#include <cstdint>

namespace chitieu {

Status recompute_document(const Lexicon& lex, Store* store, const StoredDocument& d, Recomputed* out) {
  out->lines.clear();
  Status st = store->lines(d.id, 1, INT64_MAX, &out->lines);
  if (!st.ok()) return st;
  std::vector<std::string> raw;
  std::vector<uint32_t> pages;
  std::vector<float> confidence;
  std::vector<std::vector<OcrWord>> words;
  bool ocr = !out->lines.empty() && out->lines.front().ocr, any_words = false;
  for (const StoredLine& l : out->lines) {
    raw.push_back(l.raw);
    pages.push_back(static_cast<uint32_t>(l.page));
    if (ocr) confidence.push_back(static_cast<float>(l.ocr_confidence));
    if (ocr) words.push_back(l.ocr_words);
    any_words |= !l.ocr_words.empty();
  }
  out->doc = ExtractedDocument();
  out->doc.source =
      rebuild_source_text(std::move(raw), std::move(pages), std::move(confidence), d.encoding, d.format);
  SourceText& s = out->doc.source;
  s.path = d.path;
  s.file_name = d.file_name;
  s.sha256 = d.sha256;
  s.size_bytes = static_cast<uint64_t>(d.size_bytes);
  s.encoding_confidence = d.encoding_confidence;
  s.absolute_path = d.absolute_path;
  // OCRed words, where they were stored (schema 7 on), warn of doubtful numbers again.
  if (any_words) s.line_words = std::move(words);
  extract_from_source(lex, &out->doc);
  return Status::Ok();
}

int64_t figure_page(const SourceText& source, const Figure& f) {
  return f.number_line >= 1 && f.number_line <= source.pages.size() ? source.pages[f.number_line - 1] : 0;
}

}  // namespace chitieu
