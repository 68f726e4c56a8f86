#include "extractor/blocks.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace chitieu {
namespace {

// A block longer than this is cut: bounded memory per block even on a file
// without a single line break that ends a paragraph.
constexpr size_t kMaxBlockCodePoints = 20000;

size_t first_non_space(const std::string& folded) {
  size_t i = 0;
  while (i < folded.size() && folded[i] == ' ') ++i;
  return i;
}

size_t last_non_space(const std::string& folded) {
  size_t i = folded.size();
  while (i > 0 && folded[i - 1] == ' ') --i;
  return i;  // one past
}

// First code point of the line's text at code point index `cp`.
UChar32 code_point_at(const RepairedLine& l, size_t cp) {
  // raw offsets are not text offsets; walk the text instead.
  int32_t i = 0, n = static_cast<int32_t>(l.text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(l.text.data());
  UChar32 c = 0;
  for (size_t k = 0; k <= cp && i < n; ++k) U8_NEXT(s, i, n, c);
  return c;
}

// Markers that open a numbered list item or heading, on folded text.
const RE2& item_marker() {
  static const RE2 re(R"(^\s*(?:-\s*)?(\(\d{1,3}\))\s*)");
  return re;
}
const RE2& list_marker() {
  // "1.", "2.1.", "I-", "II.", "a)", "Điều 2.", "- 3." (bullet debris)
  static const RE2 re(
      R"(^\s*(?:-\s*)?(?:([ivxl]+)\s*[-.]\s|(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s|([a-z])\)\s|(dieu \d+)[.:]?\s))");
  return re;
}

bool starts_new_unit(const std::string& folded) {
  return RE2::PartialMatch(folded, item_marker()) ||
         RE2::PartialMatch(folded, list_marker()) ||
         RE2::PartialMatch(folded, R"(^\s*[-+*•]\s)");
}

// A line this long that stops without closing punctuation was cut by a
// converter's hard wrap: its sentence goes on in the next line, whatever that
// line starts with ("…tổng sản phẩm trên địa bàn / (GRDP) bình quân …").
constexpr size_t kWrappedLineCodePoints = 60;

bool continues(const RepairedLine& prev, const RepairedLine& next) {
  size_t b = first_non_space(next.folded);
  if (b >= next.folded.size()) return false;
  if (starts_new_unit(next.folded)) return false;
  UChar32 c = code_point_at(next, b);
  if (u_islower(c)) return true;
  size_t e = last_non_space(prev.folded);
  if (e == 0) return false;
  char last = prev.folded[e - 1];
  bool closed = last == '.' || last == ';' || last == ':' || last == '!' || last == '?';
  if (closed) return false;
  if (u_isdigit(c)) return true;
  // A heading line ("Điều 2. Về mục tiêu … năm 2025") does not run on into the
  // paragraph under it.
  if (RE2::PartialMatch(prev.folded, list_marker())) return false;
  return e - first_non_space(prev.folded) >= kWrappedLineCodePoints &&
         last != '"' && last != ')';
}

void classify(Block* b) {
  const std::string& f = b->folded;
  re2::StringPiece input(f);
  std::string item;
  if (RE2::Consume(&input, item_marker(), &item)) {
    b->item = item;
    b->body_begin = static_cast<uint32_t>(input.data() - f.data());
    return;
  }
  std::string roman, numbered, letter, article;
  input = re2::StringPiece(f);
  size_t len = f.size();
  if (RE2::Consume(&input, list_marker(), &roman, &numbered, &letter, &article)) {
    b->body_begin = static_cast<uint32_t>(input.data() - f.data());
    if (len > 260) return;  // a numbered paragraph, not a heading
    if (!roman.empty() || !article.empty()) {
      b->heading_level = 1;
    } else if (!numbered.empty()) {
      int dots = 0;
      for (char c : numbered) dots += c == '.';
      b->heading_level = 2 + dots;
    } else {
      b->heading_level = 5;
    }
    return;
  }
  // A short block standing alone without closing punctuation reads as a
  // heading: "Giai đoạn 2021 - 2025", "- Chỉ tiêu về kinh tế", "NGHỊ QUYẾT".
  size_t e = last_non_space(f);
  if (e == 0 || len > 120 || b->first_line != b->last_line) return;
  char last = f[e - 1];
  if (last == '.' || last == ';' || last == ',' || last == ':') return;
  if (f.find('%') != std::string::npos) return;
  b->heading_level = 6;
}

}  // namespace

std::vector<Block> build_blocks(const std::vector<RepairedLine>& lines) {
  std::vector<Block> blocks;
  Block cur;
  bool open = false;
  size_t last_text_line = 0;

  auto flush = [&] {
    if (!open) return;
    cur.text_byte.push_back(static_cast<uint32_t>(cur.text.size()));
    classify(&cur);
    blocks.push_back(std::move(cur));
    cur = Block();
    open = false;
  };
  auto append_line = [&](size_t li) {
    const RepairedLine& l = lines[li];
    size_t b = first_non_space(l.folded), e = last_non_space(l.folded);
    if (open) {  // the joining space belongs to the end of the previous line
      cur.text_byte.push_back(static_cast<uint32_t>(cur.text.size()));
      cur.text.push_back(' ');
      cur.folded.push_back(' ');
      cur.line.push_back(static_cast<uint32_t>(last_text_line));
      cur.line_cp.push_back(static_cast<uint32_t>(lines[last_text_line].size()));
    } else {
      cur.first_line = static_cast<uint32_t>(li);
      open = true;
    }
    // byte offsets of code points in the line's text
    int32_t i = 0, n = static_cast<int32_t>(l.text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(l.text.data());
    size_t cp = 0;
    size_t byte_b = 0, byte_e = l.text.size();
    while (i < n) {
      if (cp == b) byte_b = i;
      if (cp == e) byte_e = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      ++cp;
    }
    if (e == cp) byte_e = l.text.size();
    size_t base = cur.text.size();
    cur.text.append(l.text, byte_b, byte_e - byte_b);
    i = static_cast<int32_t>(byte_b);
    for (size_t k = b; k < e; ++k) {
      cur.text_byte.push_back(static_cast<uint32_t>(base + (i - byte_b)));
      UChar32 c;
      U8_NEXT(s, i, n, c);
      cur.folded.push_back(l.folded[k]);
      cur.line.push_back(static_cast<uint32_t>(li));
      cur.line_cp.push_back(static_cast<uint32_t>(k));
    }
    cur.last_line = static_cast<uint32_t>(li);
    last_text_line = li;
  };

  for (size_t li = 0; li < lines.size(); ++li) {
    const RepairedLine& l = lines[li];
    if (first_non_space(l.folded) >= l.size()) continue;  // blank
    bool join = open && cur.size() < kMaxBlockCodePoints &&
                continues(lines[last_text_line], l);
    if (!join) flush();
    append_line(li);
  }
  flush();
  return blocks;
}

}  // namespace chitieu
