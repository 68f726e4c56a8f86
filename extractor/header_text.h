// The first lines of a document as the header readers see them (internal to
// document_header.cc, press_metadata.cc and document_genre.cc).
//
// A Markdown conversion wraps an official header into table cells and
// emphasis ("|", "**ỦY BAN NHÂN DÂN", "CHÍNH PHỦ______ Số: 170/2025/NĐ-CP |
// Hà Nội, ngày …"): each line is cut at "|" and at runs of "_", and each piece
// loses its surrounding markup ("*", "#", "_", ">", "=" and spaces). A piece
// with nothing left is dropped; a line that was blank stays, empty, since a
// blank line ends a title. Text and folded text stay aligned (one folded byte
// per code point), so a folded match maps back to the words as written.
#ifndef CHITIEU_EXTRACTOR_HEADER_TEXT_H_
#define CHITIEU_EXTRACTOR_HEADER_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct HeaderLine {
  size_t line = 0;     // 0-based index of the document line it comes from
  std::string text;    // as written, markup removed
  std::string folded;  // fold of text
  bool blank() const { return folded.empty(); }
};

// The pieces of the first `limit` lines that hold text (lines of table marks
// only, "|" or "---", and blank lines are not counted).
std::vector<HeaderLine> header_lines(const std::vector<RepairedLine>& lines, size_t limit);

// The words of `line` at folded offsets [b, e), as written.
std::string text_span(const HeaderLine& line, size_t b, size_t e);

// True when the text is written in capitals ("NGHỊ QUYẾT"). Text copied from
// an upper-case legacy font comes out with its toned capitals in lower case
// ("NGHị QUYếT", "CộNG HòA"): small letters with marks are allowed while the
// capitals outnumber them, a plain small letter never ("Nghị", "Về").
bool is_upper_text(std::string_view text);

// True when `after` reads as the rest of a line that a hard wrap cut off
// `before` (a converter leaves a blank line between the pieces): `before`
// does not end a sentence or clause, `after` is not in capitals, and either
// `after` starts with a small letter ("… của Đảng và Kết" / "" / "luận số
// 18-KL/TW, …") or `before` ends with a word that cannot end a title (the
// lexicon's open_end words: "… của Đảng và" / "" / "Kết luận …").
bool continues_wrapped(const Lexicon& lex, const HeaderLine& before, const HeaderLine& after);

// True when the lines are double-spaced: a blank line after nearly every line,
// as some converters write a whole document. A blank line then separates
// lines, not paragraphs.
bool double_spaced(const std::vector<HeaderLine>& lines);

// True when the word of `line` at folded offset `at` starts with a capital.
bool starts_capitalised(const HeaderLine& line, size_t at);

// An ISO date "2022-12-09" from day, month and year digits; "" when the day
// or month is out of range.
std::string iso_date(std::string_view day, std::string_view month, std::string_view year);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_HEADER_TEXT_H_
