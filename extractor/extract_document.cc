#include "extractor/extract_document.h"

#include <map>
#include <mutex>

#include <utility>

namespace chitieu {
namespace {

// The lexicon's phrases prepared once per lexicon.
const std::vector<PhraseRepair>& phrase_repairs_for(const Lexicon& lex) {
  static std::mutex mu;
  static std::map<const Lexicon*, std::vector<PhraseRepair>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(&lex);
  if (it == cache.end()) it = cache.emplace(&lex, prepare_phrase_repairs(lex.ocr_phrases)).first;
  return it->second;
}

}  // namespace

void extract_from_source(const Lexicon& lex, ExtractedDocument* doc) {
  doc->repaired.clear();
  doc->repaired.reserve(doc->source.lines.size());
  const FontMap* font = doc->source.form == FontForm::kUnicode
                            ? nullptr
                            : &FontMap::get(lex, doc->source.form);
  const std::vector<PhraseRepair>& phrases = phrase_repairs_for(lex);
  for (const std::string& line : doc->source.lines) {
    doc->repaired.push_back(repair_line(line, font));
    repair_phrases(phrases, &doc->repaired.back());
  }
  // Running headers, footers and page numbers are read as blank lines: a
  // header's number is no figure, and a paragraph broken by a page break joins
  // up again across them. The repairs stored for those lines stay as they are.
  const std::vector<bool>& furniture = doc->source.boilerplate;
  std::vector<std::pair<size_t, RepairedLine>> set_aside;
  for (size_t i = 0; i < furniture.size() && i < doc->repaired.size(); ++i) {
    if (!furniture[i]) continue;
    set_aside.emplace_back(i, repair_line(""));
    std::swap(set_aside.back().second, doc->repaired[i]);
  }
  doc->header = read_document_header(lex, doc->repaired);
  doc->figures = extract_figures(lex, doc->source.lines, doc->repaired);
  for (auto& [i, line] : set_aside) std::swap(line, doc->repaired[i]);
}

Status extract_document(const Lexicon& lex, const std::string& path, const std::string& forced_encoding,
                        ExtractedDocument* out) {
  Status st = read_source_text(lex, path, forced_encoding, &out->source);
  if (!st.ok()) return st;
  extract_from_source(lex, out);
  return Status::Ok();
}

}  // namespace chitieu
