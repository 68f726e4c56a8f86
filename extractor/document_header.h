// What a document says about itself: number ("59-NQ/TW", or "/NQ-HĐND" left
// blank in a draft), type, issuer, place and date, title, the draft marker
// "DỰ THẢO", the period its title names and its genre.
//
// Read from the official header first (document_header.cc, also when a
// Markdown conversion wrapped it into table cells and emphasis); a press or
// portal text without one is read from its headline, dateline and lead
// (press_metadata.h). Only what the text says: anything not found stays
// empty, and nothing is taken from the file name.
#ifndef CHITIEU_EXTRACTOR_DOCUMENT_HEADER_H_
#define CHITIEU_EXTRACTOR_DOCUMENT_HEADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// What kind of text a document is, which says what its numbers are likely to
// be: targets (plan), results (report), rules and thresholds (regulation, form,
// and most question-and-answer pages), or a mix to be read sentence by sentence
// (news). Reference: an encyclopedia article.
enum class DocumentGenre { kUnknown, kPlan, kReport, kRegulation, kForm, kQuestionAnswer, kNews, kReference };

// "plan", "report", "regulation", "form", "question_answer", "news",
// "reference", "unknown"; and back (any other text: kUnknown).
const char* genre_name(DocumentGenre genre);
DocumentGenre genre_from_name(std::string_view name);

struct DocumentHeader {
  std::string number;
  std::string type;
  std::string issuer;
  std::string place;
  std::string date;  // ISO "2020-08-05", "2024-12" when the day is blank, "2025" for a year alone
  // Where the date was read: "header" (the official "…, ngày … tháng … năm …"),
  // "portal" (a legal portal's document box: "Ngày ban hành: 28/11/2025"),
  // "text" (the date of the act or report a press text names: "Ngày 9/12/2022,
  // HĐND tỉnh ban hành …", "báo cáo số 438/BC-UBND ngày 04/12/2020"), or
  // "dateline" (an article's time stamp, used only when the text names no other).
  std::string date_source;
  std::string title;
  bool is_draft = false;
  // The year or period the title or headline names as the document's own
  // ("… năm 2023" -> "2023", "giai đoạn 2026 - 2030" -> "2026-2030"); never a
  // dateline's or a date's year. With the 1-based line and the words it was
  // read from ("năm 2023"), for the audit.
  std::string period;
  int period_line = 0;
  std::string period_quote;
  DocumentGenre genre = DocumentGenre::kUnknown;
  // True when number, type and issuer come from an official header; false when
  // a press text named them (it reports on the document, it is not the document).
  bool official = false;
};

DocumentHeader read_document_header(const Lexicon& lex, const std::vector<RepairedLine>& lines);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_DOCUMENT_HEADER_H_
