#include "extractor/extract_document.h"

#include "common/text.h"
#include "extractor/figure_kind.h"

#include <algorithm>
#include <cstdio>

#include <utility>

namespace chitieu {
namespace {

// Warns on each figure whose lines include one OCR was unsure of, naming the
// least sure: the auditor then checks that figure against the scan.
void warn_low_ocr_confidence(const std::vector<float>& confidence, std::vector<Figure>* figures) {
  if (confidence.empty()) return;
  for (Figure& f : *figures) {
    uint32_t first = std::min(f.line, f.number_line), last = std::max(f.line_end, f.number_line);
    uint32_t worst = 0;
    for (uint32_t l = std::max(first, 1u); l <= last && l <= confidence.size(); ++l) {
      if (worst == 0 || confidence[l - 1] < confidence[worst - 1]) worst = l;
    }
    if (worst == 0 || confidence[worst - 1] >= kLowOcrConfidence) continue;
    char confidence_text[32];
    std::snprintf(confidence_text, sizeof confidence_text, "%.0f", confidence[worst - 1]);
    f.warnings.push_back({WarningCode::kOcrLowConfidence, confidence_text, std::to_string(worst)});
  }
}

}  // namespace

void extract_from_source(const Lexicon& lex, ExtractedDocument* doc) {
  doc->repaired.clear();
  doc->repaired.reserve(doc->source.lines.size());
  const FontMap* font = doc->source.form == FontForm::kUnicode
                            ? nullptr
                            : &FontMap::get(lex, doc->source.form);
  const std::vector<PhraseRepair>& phrases = lex.phrase_repairs;
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
  DocumentContext context;
  context.period = doc->header.period;
  DocumentGenre genre = doc->header.genre;
  context.states_rules = genre == DocumentGenre::kRegulation || genre == DocumentGenre::kForm ||
                         genre == DocumentGenre::kQuestionAnswer;
  context.states_facts = genre == DocumentGenre::kReference;
  context.plans = genre == DocumentGenre::kPlan;
  context.reports = genre == DocumentGenre::kReport;
  context.year = first_year(doc->header.date);
  context.period_is_deadline = fold_text(doc->header.period_quote).find("den") != std::string::npos;
  doc->figures = extract_figures(lex, doc->source.lines, doc->repaired, context);
  warn_low_ocr_confidence(doc->source.line_confidence, &doc->figures);
  for (auto& [i, line] : set_aside) std::swap(line, doc->repaired[i]);
}

Status extract_document(const Lexicon& lex, const std::string& path, const std::string& forced_encoding,
                        ExtractedDocument* out, OcrCache* ocr_cache) {
  Status st = read_source_text(lex, path, forced_encoding, &out->source, ocr_cache);
  if (!st.ok()) return st;
  extract_from_source(lex, out);
  return Status::Ok();
}

}  // namespace chitieu
