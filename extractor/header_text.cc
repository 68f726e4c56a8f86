#include "extractor/header_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>

#include "common/text.h"

namespace chitieu {
namespace {

bool is_markup(char c) {
  return c == ' ' || c == '\t' || c == '*' || c == '#' || c == '_' || c == '>' || c == '=' || c == '`';
}

// Appends the piece of `l` at folded offsets [b, e) without its markup.
void add_piece(const RepairedLine& l, size_t line, size_t b, size_t e, std::vector<HeaderLine>* out) {
  while (b < e && is_markup(l.folded[b])) ++b;
  while (e > b && is_markup(l.folded[e - 1])) --e;
  if (b == e) return;
  HeaderLine h;
  h.line = line;
  auto [bb, eb] = byte_range_of_code_points(l.text, b, e);
  h.text = l.text.substr(bb, eb - bb);
  h.folded = l.folded.substr(b, e - b);
  out->push_back(std::move(h));
}

}  // namespace

std::vector<HeaderLine> header_lines(const std::vector<RepairedLine>& lines, size_t limit) {
  std::vector<HeaderLine> out;
  size_t counted = 0;
  for (size_t i = 0; i < lines.size() && counted < limit; ++i) {
    const RepairedLine& l = lines[i];
    const std::string& f = l.folded;
    if (f.find_first_not_of(" \t") == std::string::npos) {
      out.push_back(HeaderLine{i, "", ""});
      continue;
    }
    // A line of table marks only ("|", "---") is no line of the header's text.
    if (f.find_first_not_of(" \t|-*#") != std::string::npos) ++counted;
    // Cut at "|" and at runs of two or more "_" (a signature line of a cell).
    size_t start = 0;
    for (size_t j = 0; j <= f.size(); ++j) {
      bool cut = j == f.size() || f[j] == '|' || (f[j] == '_' && j + 1 < f.size() && f[j + 1] == '_');
      if (!cut) continue;
      add_piece(l, i, start, j, &out);
      while (j < f.size() && (f[j] == '|' || f[j] == '_')) ++j;
      start = j;
    }
  }
  return out;
}

std::string text_span(const HeaderLine& line, size_t b, size_t e) {
  auto [bb, eb] = byte_range_of_code_points(line.text, b, e);
  return line.text.substr(bb, eb - bb);
}

bool is_upper_text(std::string_view text) {
  int upper = 0, marked_lower = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (u_isupper(c)) ++upper;
    if (!u_islower(c)) continue;
    if (c < 0x80) return false;  // a plain small letter: running text
    ++marked_lower;              // maybe a capital an upper-case font lost
  }
  return upper > marked_lower;
}

bool continues_wrapped(const Lexicon& lex, const HeaderLine& before, const HeaderLine& after) {
  if (before.blank() || after.blank() || is_upper_text(after.text)) return false;
  const std::string& f = before.folded;
  char last = f.back();
  if (last == '.' || last == ';' || last == ':' || last == '!' || last == '?') return false;
  for (const std::string& w : lex.words.open_end_words) {
    if (f.size() > w.size() && f.compare(f.size() - w.size(), w.size(), w) == 0 && f[f.size() - w.size() - 1] == ' ')
      return true;
  }
  std::u32string first = decode_utf8(text_span(after, 0, 1));
  return !first.empty() && u_islower(first[0]);
}

bool double_spaced(const std::vector<HeaderLine>& lines) {
  int tight = 0, spaced = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    const HeaderLine& prev = lines[i - 1];
    if (prev.blank() || lines[i].line == prev.line) continue;
    if (!lines[i].blank()) {
      ++tight;
    } else if (i + 1 < lines.size() && !lines[i + 1].blank()) {
      ++spaced;
    }
  }
  return spaced >= 8 && tight * 4 <= spaced;
}

bool starts_capitalised(const HeaderLine& line, size_t at) {
  auto [bb, eb] = byte_range_of_code_points(line.text, at, at + 1);
  std::u32string c = decode_utf8(std::string_view(line.text).substr(bb, eb - bb));
  return !c.empty() && u_isupper(c[0]);
}

std::string iso_date(std::string_view day, std::string_view month, std::string_view year) {
  int d = std::atoi(std::string(day).c_str());
  int m = std::atoi(std::string(month).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31 || year.size() != 4) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", std::string(year).c_str(), m, d);
  return buf;
}

}  // namespace chitieu
