#include "extractor/extract_document.h"

namespace chitieu {

void extract_from_source(const Lexicon& lex, ExtractedDocument* doc) {
  doc->repaired.clear();
  doc->repaired.reserve(doc->source.lines.size());
  const FontMap* font = doc->source.form == FontForm::kUnicode
                            ? nullptr
                            : &FontMap::get(lex, doc->source.form);
  for (const std::string& line : doc->source.lines) doc->repaired.push_back(repair_line(line, font));
  doc->header = read_document_header(lex, doc->repaired);
  doc->figures = extract_figures(lex, doc->source.lines, doc->repaired);
}

Status extract_document(const Lexicon& lex, const std::string& path, const std::string& forced_encoding,
                        ExtractedDocument* out) {
  Status st = read_source_text(lex, path, forced_encoding, &out->source);
  if (!st.ok()) return st;
  extract_from_source(lex, out);
  return Status::Ok();
}

}  // namespace chitieu
