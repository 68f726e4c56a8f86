#include "extractor/extract_document.h"

#include "common/stage_timer.h"
#include "common/text.h"
#include "extractor/figure_kind.h"
#include "extractor/ocr_number_repair.h"
#include "extractor/ocr_warnings.h"

#include <algorithm>
#include <cstdio>

#include <utility>

namespace chitieu {

void extract_from_source(const Lexicon& lex, ExtractedDocument* doc) {
  StageTimer extracting(Stage::kExtract);
  {
    StageTimer repairing(Stage::kRepair);
    doc->repaired.clear();
    doc->repaired.reserve(doc->source.lines.size());
    const FontMap* font = doc->source.form == FontForm::kUnicode
                              ? nullptr
                              : &FontMap::get(lex, doc->source.form);
    const std::vector<PhraseRepair>& phrases = lex.phrase_repairs;
    const FoldedWordSet& skeletons = lex.phrase_skeletons;
    // Numbers split or misread by Tesseract are repaired on OCRed text only: in
    // a typed text "12. 800" is what the author wrote.
    const bool ocr = !doc->source.line_confidence.empty();
    for (const std::string& line : doc->source.lines) {
      doc->repaired.push_back(repair_line(line, font));
      if (ocr) repair_ocr_numbers(&doc->repaired.back());
      if (skeletons.found_in(doc->repaired.back().folded)) repair_phrases(phrases, &doc->repaired.back());
    }
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
  DocumentContext context;
  context.period = doc->header.period;
  DocumentGenre genre = doc->header.genre;
  context.states_rules = genre == DocumentGenre::kRegulation || genre == DocumentGenre::kForm ||
                         genre == DocumentGenre::kQuestionAnswer;
  context.states_facts = genre == DocumentGenre::kReference;
  context.plans = genre == DocumentGenre::kPlan;
  context.reports = genre == DocumentGenre::kReport;
  context.year = first_year(doc->header.date);
  if (doc->header.date_source != "dateline") context.issued_year = context.year;
  if (doc->header.date_source == "header" || doc->header.date_source == "portal") context.act_year = context.year;
  context.period_is_deadline = fold_text(doc->header.period_quote).find("den") != std::string::npos;
  doc->figures = extract_figures(lex, doc->source.lines, doc->repaired, context);
  add_ocr_warnings(doc->source, doc->repaired, &doc->figures);
  for (auto& [i, line] : set_aside) std::swap(line, doc->repaired[i]);
}

Status extract_document(const Lexicon& lex, const std::string& path, const std::string& forced_encoding,
                        ExtractedDocument* out, OcrCache* ocr_cache) {
  Status st;
  {
    StageTimer decoding(Stage::kDecode);
    st = read_source_text(lex, path, forced_encoding, &out->source, ocr_cache);
  }
  if (!st.ok()) return st;
  extract_from_source(lex, out);
  return Status::Ok();
}

}  // namespace chitieu
