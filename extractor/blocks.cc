#include "extractor/blocks.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

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

UChar32 code_point_at_text(const std::string& text, size_t byte) {
  int32_t i = static_cast<int32_t>(byte), n = static_cast<int32_t>(text.size());
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
  return c;
}

// Markers that open a numbered list item or heading, on folded text. A
// Markdown conversion may set them in bold or italics: "**1. Phát triển …**".
const RE2& item_marker() {
  static const RE2 re(R"(^\s*(?:\*{1,3}|_{1,2})?\s*(?:-\s*)?(\(\d{1,3}\))\s*)");
  return re;
}
const RE2& list_marker() {
  // "1.", "2.1.", "I-", "II.", "a)", "Điều 2.", "- 3." (bullet debris)
  static const RE2 re(
      R"(^\s*(?:\*{1,3}|_{1,2})?\s*(?:-\s*)?(?:([ivxl]+)\s*[-.]\s|(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s|([a-z])\)\s|(dieu \d+)[.:]?\s))");
  return re;
}

// Where the text after a marker's lead ("  ", "**", "_", "- ") starts: the
// first character item_marker and list_marker read after it must be there.
size_t after_lead(const std::string& f) {
  size_t k = 0;
  while (k < f.size() && (f[k] == ' ' || f[k] == '*' || f[k] == '_' || f[k] == '-')) ++k;
  return k;
}

// Cheap tests that rule a marker out before the pattern runs (most lines
// open with a word): item_marker needs "(" there; list_marker a digit, a
// Roman numeral's letter, a letter and ")", or "dieu ".
bool may_open_item(const std::string& f) {
  size_t k = after_lead(f);
  return k < f.size() && f[k] == '(';
}

bool may_open_list(const std::string& f) {
  size_t k = after_lead(f);
  if (k >= f.size()) return false;
  char c = f[k];
  if ((c >= '0' && c <= '9') || c == 'i' || c == 'v' || c == 'x' || c == 'l') return true;
  if (c >= 'a' && c <= 'z' && k + 1 < f.size() && f[k + 1] == ')') return true;
  return f.compare(k, 5, "dieu ") == 0;
}

// Whether a line opens an item, a heading or a bullet. Roman numerals count
// only in capitals: a wrapped line may well start with the word "vị.".
bool starts_heading_marker(const RepairedLine& l);

bool starts_new_unit(const RepairedLine& l) {
  const std::string& folded = l.folded;
  return (may_open_item(folded) && RE2::PartialMatch(folded, item_marker())) || opens_with_bullet(folded) ||
         starts_heading_marker(l);
}

bool starts_heading_marker(const RepairedLine& l) {
  const std::string& folded = l.folded;
  std::string roman;
  if (!may_open_list(folded) || !RE2::PartialMatch(folded, list_marker(), &roman)) return false;
  if (roman.empty()) return true;
  size_t k = folded.find_first_not_of(" -");
  return k != std::string::npos && u_isupper(code_point_at(l, k));
}

// A line this long that stops without closing punctuation was cut by a
// converter's hard wrap: its sentence goes on in the next line, whatever that
// line starts with ("…tổng sản phẩm trên địa bàn / (GRDP) bình quân …").
constexpr size_t kWrappedLineCodePoints = 60;

// The width a converter wrapped the document at, or 0 when its lines were not
// hard-wrapped: most of its text lines then end within a few columns of one
// width (PDF text at 70-90 columns).
size_t wrap_width(const std::vector<RepairedLine>& lines) {
  std::vector<size_t> lengths;
  for (const RepairedLine& l : lines) {
    size_t b = first_non_space(l.folded), e = last_non_space(l.folded);
    if (e > b) lengths.push_back(e - b);
  }
  if (lengths.size() < 10) return 0;
  std::vector<size_t> sorted = lengths;
  std::sort(sorted.begin(), sorted.end());
  size_t p90 = sorted[sorted.size() * 9 / 10];
  if (p90 < 50 || p90 > 110) return 0;
  size_t near = 0;
  for (size_t len : lengths) near += len + 15 >= p90 && len <= p90 + 5;
  return near * 10 >= lengths.size() * 4 ? p90 : 0;
}

// A title in capitals, which may wrap: "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU …
// / XÃ HỘI SỐ ĐẾN NĂM 2030" under "PHỤ LỤC". At least a few words' letters,
// none of them small.
bool written_in_capitals(const std::string& text) {
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int letters = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (!u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters >= 12;
}

// What is asked of each line while joining, read once per line (a line is
// asked as the line before, the line itself and the line after).
class LineMarks {
 public:
  explicit LineMarks(const std::vector<RepairedLine>& lines)
      : lines_(lines), new_unit_(lines.size(), kUnknown), heading_(lines.size(), kUnknown) {}
  bool starts_new_unit(size_t li) { return ask(new_unit_, li, [&] { return chitieu::starts_new_unit(lines_[li]); }); }
  bool starts_heading_marker(size_t li) {
    return ask(heading_, li, [&] { return chitieu::starts_heading_marker(lines_[li]); });
  }

 private:
  static constexpr int8_t kUnknown = -1;
  template <typename Read>
  static bool ask(std::vector<int8_t>& known, size_t li, Read read) {
    if (known[li] == kUnknown) known[li] = read() ? 1 : 0;
    return known[li] == 1;
  }
  const std::vector<RepairedLine>& lines_;
  std::vector<int8_t> new_unit_, heading_;
};

// Whether line `ni` goes on from line `pi`; `ai` is the text line after `ni`,
// or lines.size().
bool continues(const std::vector<RepairedLine>& lines, size_t pi, size_t ni, size_t ai, size_t width,
               LineMarks* marks) {
  const RepairedLine& prev = lines[pi];
  const RepairedLine& next = lines[ni];
  const RepairedLine* after = ai < lines.size() ? &lines[ai] : nullptr;
  size_t b = first_non_space(next.folded);
  if (b >= next.folded.size()) return false;
  size_t e = last_non_space(prev.folded);
  // A range broken before its dash is no bullet: "… tăng 10" / "- 12,5%/năm".
  static const RE2 kRangeTail(R"(^\s*-\s*\d)");
  if (e > 0 && prev.folded[e - 1] >= '0' && prev.folded[e - 1] <= '9' &&
      RE2::PartialMatch(next.folded, kRangeTail)) {
    return true;
  }
  if (marks->starts_new_unit(ni)) return false;
  // A title in capitals broken after a comma or a dash goes on in capitals.
  if (e > 0 && (prev.folded[e - 1] == ',' || prev.folded[e - 1] == '-') &&
      written_in_capitals(prev.text) && written_in_capitals(next.text))
    return true;
  UChar32 c = code_point_at(next, b);
  if (u_islower(c)) return true;
  if (e == 0) return false;
  // Citation marks after the stop ("… đạt 6,17%.[19]") close the line as the
  // stop does: an encyclopedia's paragraph ends there.
  size_t stop = e;
  while (stop > 1 && prev.folded[stop - 1] == ']') {
    size_t open = prev.folded.rfind('[', stop - 1);
    if (open == std::string::npos || open + 2 >= stop ||
        prev.folded.find_first_not_of("0123456789", open + 1) != stop - 1)
      break;
    stop = open;
  }
  char last = prev.folded[e - 1];
  bool closed = last == '.' || last == ';' || last == ':' || last == '!' || last == '?';
  // Marks that end the line close it whatever stands before them: "… năm
  // 2011 là 5,89%[76]" ends its paragraph as much as "… 5,89%.[76]" does.
  if (stop < e && stop > 0) closed = true;
  // In a hard-wrapped document a line filled to the wrap width goes on in the
  // next one even after a stop or a colon: "… đạt 85%. Trong đó: / Mầm non …".
  bool full = width > 0 && e - first_non_space(prev.folded) + 12 >= width;
  // ... but a short line in capitals without closing punctuation after it is a
  // heading of its own ("Giai đoạn 2026 - 2030"). Not so a number ending the
  // sentence ("… dịch vụ chiếm 53,11 -" / "53,12%"), nor a word the line after
  // goes on from in lower case ("… quận Cái" / "Răng" / "và diễn tập …").
  size_t nb = first_non_space(next.folded), ne = last_non_space(next.folded);
  char next_last = next.folded[ne - 1];
  bool after_continues = false;
  if (after != nullptr) {
    size_t ab = first_non_space(after->folded);
    after_continues = ab < after->folded.size() && !marks->starts_new_unit(ai) &&
                      u_islower(code_point_at(*after, ab));
  }
  bool next_is_heading = ne - nb < width * 6 / 10 && next_last != '.' && next_last != ';' &&
                         next_last != ',' && next_last != ':' && !u_isdigit(c) && !after_continues;
  if (full && next_is_heading) return false;
  if (closed && !full) return false;
  if (u_isdigit(c)) return true;
  // A heading line ("Điều 2. Về mục tiêu … năm 2025") does not run on into the
  // paragraph under it.
  if (marks->starts_heading_marker(pi)) return false;
  return e - first_non_space(prev.folded) >= kWrappedLineCodePoints &&
         last != '"' && last != ')';
}

void classify(Block* b) {
  const std::string& f = b->folded;
  re2::StringPiece input(f);
  std::string item;
  if (may_open_item(f) && RE2::Consume(&input, item_marker(), &item)) {
    b->item = item;
    b->body_begin = static_cast<uint32_t>(input.data() - f.data());
    return;
  }
  std::string roman, numbered, letter, article;
  input = re2::StringPiece(f);
  size_t len = f.size();
  if (may_open_list(f) && RE2::Consume(&input, list_marker(), &roman, &numbered, &letter, &article)) {
    b->body_begin = static_cast<uint32_t>(input.data() - f.data());
    if (len > 260) return;  // a numbered paragraph, not a heading
    if (!roman.empty()) {
      // Roman numerals are written in capitals; "vị." or "li-" opening a
      // wrapped line are words.
      size_t k = f.find_first_not_of(" -");
      if (k == std::string::npos || !u_isupper(code_point_at_text(b->text, b->text_byte[k]))) {
        b->body_begin = 0;
        return;
      }
    }
    if (!roman.empty() || !article.empty()) {
      b->heading_level = 2;
    } else if (!numbered.empty()) {
      int dots = 0;
      for (char c : numbered) dots += c == '.';
      b->heading_level = 3 + dots;
    } else {
      b->heading_level = 6;
    }
    return;
  }
  // A short block standing alone without closing punctuation reads as a
  // heading: "Giai đoạn 2021 - 2025", "- Chỉ tiêu về kinh tế", "NGHỊ QUYẾT".
  size_t e = last_non_space(f);
  if (e == 0) return;
  char last = f[e - 1];
  if (last == '.' || last == ';' || last == ',' || last == ':') return;
  if (f.find('%') != std::string::npos) return;
  // A line of rules or table pipes ("|", "***") says nothing and heads nothing.
  static const RE2 kWord(R"([a-z0-9])");
  if (!RE2::PartialMatch(f, kWord)) return;
  if (len <= 120 && b->first_line == b->last_line) b->heading_level = 7;
}

// "PHỤ LỤC", "Phụ lục II": an appendix opens a part of its own, above the
// document's "I.", "1." headings, and its title in capitals under it names
// what (and for when) its tables hold: "CÁC CHỈ TIÊU … ĐẾN NĂM 2030".
void mark_appendix_titles(std::vector<Block>* blocks) {
  static const RE2 kAppendix(R"(^[^a-z0-9]*phu luc(?: [ivxlc0-9]+)?[^a-z0-9]*$)");
  for (size_t i = 0; i < blocks->size(); ++i) {
    Block& b = (*blocks)[i];
    if (b.first_line != b.last_line || b.size() > 40 || !RE2::FullMatch(b.folded, kAppendix)) continue;
    b.heading_level = 1;
    if (i + 1 < blocks->size()) {
      Block& title = (*blocks)[i + 1];
      if (title.size() <= 300 && title.last_line - title.first_line < 3 &&
          written_in_capitals(title.text))
        title.heading_level = 1;
    }
  }
}

// `*b` as a new block, with the memory of its text and per-code-point vectors.
void reset_keeping_memory(Block* b) {
  Block fresh;
  fresh.text.swap(b->text);
  fresh.folded.swap(b->folded);
  fresh.text_byte.swap(b->text_byte);
  fresh.line.swap(b->line);
  fresh.line_cp.swap(b->line_cp);
  fresh.text.clear();
  fresh.folded.clear();
  fresh.text_byte.clear();
  fresh.line.clear();
  fresh.line_cp.clear();
  *b = std::move(fresh);
}

}  // namespace

std::vector<Block> build_blocks(const std::vector<RepairedLine>& lines) {
  std::vector<Block> blocks;
  Block cur;
  bool open = false;
  size_t last_text_line = 0;

  // `cur` grows as lines join it; a finished block is copied out at its size,
  // and `cur` keeps its memory for the next one (one allocation per vector
  // per block, not one per doubling).
  auto flush = [&] {
    if (!open) return;
    cur.text_byte.push_back(static_cast<uint32_t>(cur.text.size()));
    classify(&cur);
    blocks.push_back(cur);
    reset_keeping_memory(&cur);
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
    // The code points [b, e) of the line, each with its line, its place in
    // the line and its byte in the block's text (one walk over the line).
    const size_t at = cur.folded.size(), count = e - b;
    cur.folded.append(l.folded, b, count);
    cur.line.resize(at + count, static_cast<uint32_t>(li));
    cur.line_cp.resize(at + count);
    cur.text_byte.resize(at + count);
    const int32_t n = static_cast<int32_t>(l.text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(l.text.data());
    const size_t base = cur.text.size();
    int32_t i = 0, byte_b = 0;
    for (size_t cp = 0; cp < e && i < n; ++cp) {
      if (cp == b) byte_b = i;
      if (cp >= b) {
        cur.line_cp[at + cp - b] = static_cast<uint32_t>(cp);
        cur.text_byte[at + cp - b] = static_cast<uint32_t>(base + (i - byte_b));
      }
      U8_FWD_1(s, i, n);
    }
    cur.text.append(l.text, byte_b, i - byte_b);
    cur.last_line = static_cast<uint32_t>(li);
    last_text_line = li;
  };

  const size_t width = wrap_width(lines);
  LineMarks marks(lines);
  auto is_blank = [&](size_t li) { return first_non_space(lines[li].folded) >= lines[li].size(); };
  size_t after = 0;  // the first text line after the current one, or lines.size()
  for (size_t li = 0; li < lines.size(); ++li) {
    if (is_blank(li)) continue;
    if (after <= li) {
      after = li + 1;
      while (after < lines.size() && is_blank(after)) ++after;
    }
    bool join = open && cur.size() < kMaxBlockCodePoints &&
                continues(lines, last_text_line, li, after, width, &marks);
    if (!join) flush();
    append_line(li);
  }
  flush();
  mark_appendix_titles(&blocks);
  return blocks;
}

bool opens_with_bullet(std::string_view folded) {
  static const RE2 kBullet(R"(^\s*[-+*^]\s)");
  size_t first = folded.find_first_not_of(" \t");
  char c = first == std::string_view::npos ? ' ' : folded[first];
  bool may_be_bullet = c == '-' || c == '+' || c == '*' || c == '^';  // most lines: no regex
  return may_be_bullet && RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), kBullet);
}

}  // namespace chitieu
