#include "extractor/document_genre.h"

#include <re2/re2.h>

#include "common/text.h"

namespace chitieu {
namespace {

// Question cues and reported speech are looked for in the first lines;
// citation marks a little further.
constexpr size_t kCueLines = 30;
constexpr size_t kCitationLines = 300;
constexpr int kCitations = 3;

bool has_words(std::string_view folded, std::string_view phrase, bool at_start) {
  size_t p = find_folded_word(folded, phrase);
  return at_start ? p == 0 : p != std::string_view::npos;
}

// The genre the title gives under rows of `type` ("*" for untyped), or kUnknown.
DocumentGenre genre_of_title(const Lexicon& lex, const std::string& type, const std::string& folded_title) {
  for (const GenreCue& c : lex.genre_cues) {
    if (c.type == type && has_words(folded_title, c.phrase, c.at_start)) return genre_from_name(c.genre);
  }
  return DocumentGenre::kUnknown;
}

const DocType* doc_type(const Lexicon& lex, const std::string& label) {
  for (const DocType& t : lex.doc_types)
    if (t.label == label) return &t;
  return nullptr;
}

bool question_page(const Lexicon& lex, const std::vector<RepairedLine>& lines, const std::string& title) {
  size_t end = title.find_last_not_of(" *");
  if (end != std::string::npos && title[end] == '?') return true;
  for (size_t i = 0; i < lines.size() && i < kCueLines; ++i)
    for (const std::string& cue : lex.words.question_cues)
      if (has_words(lines[i].folded, cue, false)) return true;
  return false;
}

bool reported_speech(const Lexicon& lex, const std::vector<RepairedLine>& lines) {
  for (size_t i = 0; i < lines.size() && i < kCueLines; ++i)
    for (const std::string& cue : lex.words.news_cues)
      if (has_words(lines[i].folded, cue, false)) return true;
  return false;
}

// An encyclopedia's edit links ("[sửa | sửa mã nguồn]" at each section):
// no press article or plan carries them (words.tsv encyclopedia_mark).
bool encyclopedia_edit_marks(const Lexicon& lex, const std::vector<RepairedLine>& lines) {
  for (const RepairedLine& l : lines)
    for (const std::string& mark : lex.words.encyclopedia_marks)
      if (l.folded.find(mark) != std::string::npos) return true;
  return false;
}

bool encyclopedia(const std::vector<RepairedLine>& lines) {
  static const RE2 kCitation(R"(\[\d{1,3}\])");
  int marks = 0;
  for (size_t i = 0; i < lines.size() && i < kCitationLines; ++i) {
    re2::StringPiece input(lines[i].folded);
    while (RE2::FindAndConsume(&input, kCitation)) ++marks;
    if (marks >= kCitations) return true;
  }
  return false;
}

// A number with its year, "48/2025/NQ-HĐND", "28/2025/QĐ-TTg": since the Law
// on Legal Documents of 2015 (in force from 1 July 2016) only legal normative
// documents carry the year in their number, so such a resolution or decision
// is a regulation whatever its title says. The National Assembly's ("QH15")
// are the exception: every one of them carries it, its yearly plans too.
bool normative_number(const std::string& number) {
  static const RE2 kNumbered(R"(^\d+/(\d{4})/[^/\s]+-([^/\s-]+)$)");
  int year = 0;
  std::string issuer;
  if (!RE2::FullMatch(number, kNumbered, &year, &issuer)) return false;
  return year >= 2016 && issuer.rfind("QH", 0) != 0;
}

}  // namespace

DocumentGenre classify_genre(const Lexicon& lex, const std::vector<RepairedLine>& lines,
                             const PressMetadata& press, const DocumentHeader& header) {
  std::string title = fold_text(header.title);
  const DocType* type = doc_type(lex, header.type);
  if (header.official && type != nullptr) {
    DocumentGenre refined = genre_of_title(lex, type->pattern, title);
    if (refined != DocumentGenre::kUnknown) return refined;
    if (normative_number(header.number)) return DocumentGenre::kRegulation;
    if (!type->genre.empty()) return genre_from_name(type->genre);
  }
  DocumentGenre by_title = genre_of_title(lex, "*", title);
  bool question = question_page(lex, lines, header.title);
  if (by_title == DocumentGenre::kPlan || by_title == DocumentGenre::kReport || by_title == DocumentGenre::kForm)
    return by_title;
  if (question) return DocumentGenre::kQuestionAnswer;
  if (by_title != DocumentGenre::kUnknown) return by_title;
  if (type != nullptr && !type->genre.empty() && !press.quotes_act) return genre_from_name(type->genre);
  if (encyclopedia_edit_marks(lex, lines)) return DocumentGenre::kReference;
  if (press.dateline || press.lead || reported_speech(lex, lines)) return DocumentGenre::kNews;
  if (encyclopedia(lines)) return DocumentGenre::kReference;
  return DocumentGenre::kUnknown;
}

}  // namespace chitieu
