#include "extractor/document_header.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/text.h"
#include "extractor/document_genre.h"
#include "extractor/document_period.h"
#include "extractor/header_text.h"
#include "extractor/press_metadata.h"

namespace chitieu {
namespace {

// The header of a resolution fits in its first lines; a stamp or an OCR'd
// letterhead can push the title down a little.
constexpr size_t kHeaderLines = 60;

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

// The issuer named by a document number's suffix, for a header without an
// issuer line: "/CTr-UBND" is issued by an Ủy ban nhân dân. Empty when none.
std::string issuer_from_number(const Lexicon& lex, const std::string& number) {
  std::string folded_number = fold_text(number);
  size_t cut = folded_number.find_last_of("-/");
  std::string suffix = cut == std::string::npos ? "" : folded_number.substr(cut + 1);
  for (const auto& is : lex.issuers) {
    if (is.source == "number" && suffix.rfind(is.pattern, 0) == 0) return is.label;
  }
  return "";
}

// The next piece after `i` that is not blank, or `end`.
size_t next_piece(const std::vector<HeaderLine>& hl, size_t i, size_t end) {
  for (size_t j = i + 1; j < end; ++j)
    if (!hl[j].blank()) return j;
  return end;
}

// "Số: 11/NQ-HĐND" (or "/NQ-HĐND" left blank in a draft), as written.
// A Markdown conversion may put the number on the next line ("Số:" / "58/2025/TT-BCT").
// A law names its type before the label ("Luật số: 80/2025/QH15"; the colon
// tells it from a sentence, "Nghị quyết số 201/2025/QH15 bao gồm …") and has
// no dash in its number.
bool read_number(const Lexicon& lex, const std::vector<HeaderLine>& hl, size_t i, size_t end,
                 DocumentHeader* h) {
  static const RE2 kNumber(
      R"(^(?:so\s*:?|([a-z]+(?: [a-z]+)?) so\s*:)\s*(\d*\s*/?\s*[0-9a-z/]*-[a-z/-]+[a-z]|\d+/\d{4}/qh\d+))");
  static const RE2 kLabelAlone(R"(^so\s*:?$)");
  // Both patterns need "so": most pieces lack it and are not searched.
  if (hl[i].folded.find("so") == std::string::npos) return false;
  HeaderLine l = hl[i];
  size_t next = next_piece(hl, i, end);
  if (next < end && RE2::FullMatch(l.folded, kLabelAlone)) {
    l.text += " " + hl[next].text;
    l.folded += " " + hl[next].folded;
  }
  re2::StringPiece type, num;
  if (starts_with_any(l.folded, lex.words.header_not_number) || !RE2::PartialMatch(l.folded, kNumber, &type, &num))
    return false;
  if (!type.empty()) {
    std::string label = doc_type_label(lex, type);
    if (label.empty()) return false;
    if (h->type.empty()) h->type = label;
  }
  size_t b = num.data() - l.folded.data();
  std::string n = text_span(l, b, b + num.size());
  n.erase(std::remove(n.begin(), n.end(), ' '), n.end());
  h->number = n;
  return true;
}

// "Cần Thơ, ngày 05 tháng 8 năm 2020" (the day may be blank in a draft). A
// Markdown conversion may wrap it: "Thành phố Hồ" / "Chí Minh, ngày 18 …".
bool read_date(const std::vector<HeaderLine>& hl, size_t i, size_t end, DocumentHeader* h) {
  static const RE2 kDate(
      R"((?:^|,\s*)([a-z][a-z ]{1,30}),\s*ngay\s*(\d{1,2})?[\s._…]*thang\s*(\d{1,2})\s*nam\s*(\d{4}))");
  // The pattern needs "thang": most pieces lack it and are not searched.
  auto matches = [&](const std::string& folded, re2::StringPiece* place, re2::StringPiece* day,
                     re2::StringPiece* month, re2::StringPiece* year) {
    return folded.find("thang") != std::string::npos && RE2::PartialMatch(folded, kDate, place, day, month, year);
  };
  std::string text = hl[i].text, folded = hl[i].folded;
  re2::StringPiece place, day, month, year;
  bool found = matches(folded, &place, &day, &month, &year);
  // "*Hà Nội," / "ngày*" / "*02 tháng 12 năm 2025*": up to two more pieces.
  size_t next = i;
  for (int more = 0; more < 2 && !found && !is_upper_text(text); ++more) {
    next = next_piece(hl, next, end);
    if (next == end) break;
    text += " " + hl[next].text;
    folded += " " + hl[next].folded;
    found = matches(folded, &place, &day, &month, &year);
  }
  if (!found) return false;
  std::string date = iso_date(day.empty() ? "1" : day, month, year);
  if (date.empty()) return false;
  h->date = day.empty() ? date.substr(0, 7) : date;
  h->date_source = "header";
  // The place is the text before the comma, as written.
  size_t comma = text.find(',');
  if (comma != std::string::npos) h->place = trim(text.substr(0, comma));
  return true;
}

// "HỘI ĐỒNG NHÂN DÂN" / "THÀNH PHỐ CẦN THƠ", also wrapped ("VĂN PHÒNG CHÍNH" /
// "PHỦ"). After the type line only a line that is the issuer's name alone
// counts ("QUỐC HỘI" below a resolution's title), not one inside the title.
bool read_issuer(const Lexicon& lex, const std::vector<HeaderLine>& hl, size_t i, size_t end,
                 bool after_type, DocumentHeader* h) {
  if (!is_upper_text(hl[i].text)) return false;
  size_t next = next_piece(hl, i, end);
  bool next_upper = next < end && is_upper_text(hl[next].text);
  std::string joined = hl[i].folded + (next_upper ? " " + hl[next].folded : "");
  for (const auto& is : lex.issuers) {
    if (is.source != "header" || joined.rfind(is.pattern, 0) != 0) continue;
    if (after_type && hl[i].folded != is.pattern) continue;
    size_t last = is.pattern.size() > hl[i].folded.size() ? next : i;
    h->issuer = is.label;
    // "UBND TỈNH KON TUM": the line itself goes on to name whose.
    std::string rest = hl[i].folded.size() > is.pattern.size() ? trim(hl[i].folded.substr(is.pattern.size())) : "";
    if (!rest.empty() && starts_with_any(rest, lex.words.header_place_words)) {
      h->issuer += " " + trim(text_span(hl[i], is.pattern.size(), hl[i].folded.size()));
      return true;
    }
    // "HỘI ĐỒNG NHÂN DÂN" / "THÀNH PHỐ CẦN THƠ": the next line names whose.
    size_t place = next_piece(hl, last, end);
    if (place < end && starts_with_any(hl[place].folded, lex.words.header_place_words) &&
        is_upper_text(hl[place].text))
      h->issuer += " " + hl[place].text;
    return true;
  }
  return false;
}

// In a double-spaced text, the title goes on over a blank line to a line that
// starts with a letter and is not in capitals, after one not ending a sentence
// ("… ngày 20/10/2022" / "" / "Hội nghị lần thứ sáu …"); a heading in
// capitals, a numbered line or a rule ("-----") ends it.
bool continues_spaced(const HeaderLine& before, const HeaderLine& after) {
  char last = before.folded.back();
  if (last == '.' || last == ';' || last == ':' || last == '!' || last == '?') return false;
  return isalpha(static_cast<unsigned char>(after.folded[0])) && !is_upper_text(after.text);
}

// Title: the pieces from `first` up to a blank line, skipping upper-case lines
// that only say whose the document is ("CỦA BỘ CHÍNH TRỊ"). A blank line that
// a hard wrap left inside a title line does not end it (continues_wrapped),
// nor one of a double-spaced text (continues_spaced). Emphasis marks inside
// ("năm 2025 ****với mục tiêu") are dropped.
// A title line that does not end its phrase: "… THUỘC" / "ỦY BAN NHÂN DÂN TỈNH".
bool runs_on(const Lexicon& lex, const std::string& title) {
  std::string folded = fold_text(title);
  size_t e = folded.find_last_not_of(" *");
  if (e == std::string::npos) return false;
  if (folded[e] == ',') return true;
  size_t b = folded.find_last_of(' ', e);
  std::string last = folded.substr(b == std::string::npos ? 0 : b + 1, e + 1 - (b == std::string::npos ? 0 : b + 1));
  const std::vector<std::string>& c = lex.words.title_connectors;
  return std::find(c.begin(), c.end(), last) != c.end();
}

std::string read_title(const Lexicon& lex, const std::vector<HeaderLine>& hl, size_t first, size_t end,
                       size_t* title_line) {
  std::string title;
  bool spaced = double_spaced(hl);
  size_t last = end;  // the last piece taken
  for (size_t i = first; i < end; ++i) {
    const HeaderLine& l = hl[i];
    if (l.blank()) {
      size_t next = next_piece(hl, i, end);
      if (title.empty()) continue;
      if (next < end && (continues_wrapped(lex, hl[last], hl[next]) ||
                         (spaced && continues_spaced(hl[last], hl[next]))))
        continue;
      break;
    }
    if (title.empty() && is_upper_text(l.text) && l.folded.rfind("cua ", 0) == 0) continue;
    if (starts_with_any(l.folded, lex.words.header_preamble_words)) break;
    if (!title.empty() && starts_with_any(l.folded, lex.words.enacting_authorities) && !runs_on(lex, title)) break;
    if (title.empty()) *title_line = l.line;
    if (!title.empty()) title += " ";
    title += l.text;
    last = i;
    if (title.size() > 600) break;
  }
  title.erase(std::remove(title.begin(), title.end(), '*'), title.end());
  return trim(title);
}

bool is_label(std::string_view folded, const std::vector<std::string>& labels) {
  size_t e = folded.find_last_not_of(" :");
  std::string_view bare = folded.substr(0, e == std::string_view::npos ? 0 : e + 1);
  return std::find(labels.begin(), labels.end(), bare) != labels.end();
}

// A legal portal's document box, each label and value in a cell of its own:
// "Số hiệu:" | "5615/CT-CS" | "Loại văn bản:" | "Công văn" | "Nơi ban hành:" |
// "Cục Thuế" | "Ngày ban hành:" | "28/11/2025". Its date is the document's.
void read_portal_box(const Lexicon& lex, const std::vector<HeaderLine>& hl, DocumentHeader* h) {
  static const RE2 kDate(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
  const GrammarWords& w = lex.words;
  for (size_t i = 0; i < hl.size(); ++i) {
    if (hl[i].blank() || hl[i].folded.back() != ':') continue;
    size_t next = next_piece(hl, i, hl.size());
    if (next == hl.size()) break;
    const HeaderLine& value = hl[next];
    re2::StringPiece d, m, y;
    if (is_label(hl[i].folded, w.portal_number) && value.folded.find_first_of("0123456789") != std::string::npos) {
      h->number = value.text;
      h->official = true;
    } else if (is_label(hl[i].folded, w.portal_type)) {
      h->type = value.text;
    } else if (is_label(hl[i].folded, w.portal_issuer)) {
      h->issuer = value.text;
    } else if (is_label(hl[i].folded, w.portal_date) && RE2::FullMatch(value.folded, kDate, &d, &m, &y)) {
      h->date = iso_date(d, m, y);
      h->date_source = h->date.empty() ? "" : "portal";
    }
  }
}

// The official header: number, date and place, issuer, type line and title.
// Returns the line the title starts on (or the lines' size when none).
size_t read_official_header(const Lexicon& lex, const std::vector<HeaderLine>& hl, DocumentHeader* h) {
  static const RE2 kDraft(R"(^du\s*thao$)");
  size_t end = hl.size(), type_piece = end;
  for (size_t i = 0; i < end; ++i) {
    const HeaderLine& l = hl[i];
    if (l.blank()) continue;
    if (!h->is_draft && RE2::FullMatch(l.folded, kDraft)) h->is_draft = true;
    if (h->number.empty()) read_number(lex, hl, i, end, h);
    if (h->date.empty()) read_date(hl, i, end, h);
    if (h->issuer.empty()) read_issuer(lex, hl, i, end, type_piece < i, h);
    // The type line, also when a portal's box gave the type: the title follows it.
    if (type_piece == end && is_upper_text(l.text)) {
      // "THÔNG" / "TƯ": a Markdown conversion may wrap the type line too.
      size_t next = next_piece(hl, i, end);
      std::string wrapped = next < end && is_upper_text(hl[next].text) ? l.folded + " " + hl[next].folded : "";
      for (const auto& t : lex.doc_types) {
        if (l.folded == t.pattern || wrapped == t.pattern) {
          if (h->type.empty()) h->type = t.label;
          type_piece = l.folded == t.pattern ? i : next;
          break;
        }
      }
    }
  }
  h->official = h->official || !h->number.empty() || !h->type.empty() || h->date_source == "header";
  if (h->issuer.empty() && !h->number.empty()) h->issuer = issuer_from_number(lex, h->number);
  size_t title_line = 0;
  if (type_piece < end) h->title = read_title(lex, hl, type_piece + 1, end, &title_line);
  return h->title.empty() ? SIZE_MAX : title_line;
}

}  // namespace

const char* genre_name(DocumentGenre genre) {
  switch (genre) {
    case DocumentGenre::kPlan: return "plan";
    case DocumentGenre::kReport: return "report";
    case DocumentGenre::kRegulation: return "regulation";
    case DocumentGenre::kForm: return "form";
    case DocumentGenre::kQuestionAnswer: return "question_answer";
    case DocumentGenre::kNews: return "news";
    case DocumentGenre::kReference: return "reference";
    case DocumentGenre::kUnknown: break;
  }
  return "unknown";
}

DocumentGenre genre_from_name(std::string_view name) {
  for (DocumentGenre g : {DocumentGenre::kPlan, DocumentGenre::kReport, DocumentGenre::kRegulation,
                          DocumentGenre::kForm, DocumentGenre::kQuestionAnswer, DocumentGenre::kNews,
                          DocumentGenre::kReference}) {
    if (name == genre_name(g)) return g;
  }
  return DocumentGenre::kUnknown;
}

DocumentHeader read_document_header(const Lexicon& lex, const std::vector<RepairedLine>& lines) {
  DocumentHeader h;
  std::vector<HeaderLine> hl = header_lines(lines, kHeaderLines);
  read_portal_box(lex, hl, &h);
  size_t title_line = read_official_header(lex, hl, &h);
  PressMetadata press = read_press_metadata(lex, hl, &h);
  if (h.title.empty() && !press.headline.empty()) {
    h.title = press.headline;
    title_line = press.headline_line;
  }
  if (h.issuer.empty() && !h.number.empty()) h.issuer = issuer_from_number(lex, h.number);
  if (!h.title.empty()) read_document_period(lex, h.title, title_line, &h);
  // A press text's headline without a year: the act its lead names may have
  // one ("… ban hành Quyết định … phê duyệt Quy hoạch … đến năm 2035").
  if (h.period.empty() && !press.act_words.empty()) read_document_period(lex, press.act_words, press.act_line, &h);
  h.genre = classify_genre(lex, lines, press, h);
  return h;
}

}  // namespace chitieu
