#include "extractor/document_header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "common/text.h"

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

bool is_upper_line(const std::string& text, const std::string& folded) {
  // folded is lower case; a line is upper case when text has no lower-case
  // ASCII letter and at least one letter (cheap test, enough for headers).
  bool letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter && !folded.empty();
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

// Title: the lines from `first` up to a blank line, skipping upper-case lines
// that only say whose the document is ("CỦA BỘ CHÍNH TRỊ").
std::string read_title(const Lexicon& lex, const std::vector<RepairedLine>& lines, size_t first,
                       size_t limit) {
  std::string title;
  bool started = false;
  for (size_t i = first; i < limit; ++i) {
    std::string t = trim(lines[i].text);
    if (t.empty()) {
      if (started) break;
      continue;
    }
    if (!started && is_upper_line(lines[i].text, lines[i].folded)) continue;
    if (starts_with_any(trim(lines[i].folded), lex.words.header_preamble_words)) break;
    started = true;
    if (!title.empty()) title += " ";
    title += t;
    if (title.size() > 600) break;
  }
  return title;
}

}  // namespace

DocumentHeader read_document_header(const Lexicon& lex, const std::vector<RepairedLine>& lines) {
  DocumentHeader h;
  static const RE2 kNumber(R"(^\s*so\s*:?\s*(\d*\s*/?\s*[0-9a-z/]*-[a-z/-]+[a-z]))");
  static const RE2 kDate(
      R"((?:^|,\s*)([a-z][a-z ]{1,30}),\s*ngay\s*(\d{1,2})?[\s._…]*thang\s*(\d{1,2})\s*nam\s*(\d{4}))");
  static const RE2 kDraft(R"(^\s*du\s*thao\s*$)");
  size_t limit = std::min(lines.size(), kHeaderLines);
  size_t type_line = limit;
  for (size_t i = 0; i < limit; ++i) {
    const RepairedLine& l = lines[i];
    const std::string& f = l.folded;
    std::string tf = trim(f);
    if (tf.empty()) continue;
    if (!h.is_draft && RE2::PartialMatch(f, kDraft)) h.is_draft = true;
    re2::StringPiece num;
    if (h.number.empty() && !starts_with_any(tf, lex.words.header_not_number) && RE2::PartialMatch(f, kNumber, &num)) {
      // Take the number as written in the repaired text (same code point span).
      size_t b = num.data() - f.data();
      size_t e = b + num.size();
      auto [bb, eb] = byte_range_of_code_points(l.text, b, e);
      std::string n = l.text.substr(bb, eb - bb);
      n.erase(std::remove(n.begin(), n.end(), ' '), n.end());
      h.number = n;
    }
    re2::StringPiece place, day, month, year;
    if (h.date.empty() && RE2::PartialMatch(f, kDate, &place, &day, &month, &year)) {
      char buf[16];
      int m = std::atoi(std::string(month).c_str());
      if (!day.empty()) {
        std::snprintf(buf, sizeof buf, "%s-%02d-%02d", std::string(year).c_str(), m,
                      std::atoi(std::string(day).c_str()));
      } else {
        std::snprintf(buf, sizeof buf, "%s-%02d", std::string(year).c_str(), m);
      }
      h.date = buf;
      // The place is the text before the comma, as written.
      size_t comma = l.text.find(',');
      if (comma != std::string::npos) h.place = trim(l.text.substr(0, comma));
    }
    if (h.issuer.empty()) {
      for (const auto& is : lex.issuers) {
        if (is.source == "header" && tf.rfind(is.pattern, 0) == 0 && is_upper_line(l.text, f)) {
          h.issuer = is.label;
          // "HỘI ĐỒNG NHÂN DÂN / THÀNH PHỐ CẦN THƠ": the next line names whose.
          if (i + 1 < limit) {
            std::string next = trim(lines[i + 1].folded);
            if (starts_with_any(next, lex.words.header_place_words))
              h.issuer += " " + trim(lines[i + 1].text);
          }
          break;
        }
      }
    }
    if (h.type.empty() && is_upper_line(l.text, f)) {
      for (const auto& t : lex.doc_types) {
        if (tf == t.pattern) {
          h.type = t.label;
          type_line = i;
          break;
        }
      }
    }
  }
  if (h.issuer.empty() && !h.number.empty()) h.issuer = issuer_from_number(lex, h.number);
  if (type_line < limit) h.title = read_title(lex, lines, type_line + 1, limit);
  return h;
}

}  // namespace chitieu
