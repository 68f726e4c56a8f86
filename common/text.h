// Text helpers every stage uses: folding, comparison keys and UTF-8 offsets.
//
// Folding maps each code point to ONE ASCII byte: lower case, every diacritic
// removed, đ → d, dashes → '-', curly quotes → '"', anything else unread → '^'.
// Folded text has as many bytes as the text has code points, so an offset in
// the one is an offset in the other. Lexicon surfaces (data/) are written
// folded and matched against folded text.
//
// Offsets: "code point" offsets count code points of UTF-8 text; "byte"
// offsets count bytes. Invalid UTF-8 reads as U+FFFD.
#ifndef CHITIEU_COMMON_TEXT_H_
#define CHITIEU_COMMON_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chitieu {

// One ASCII byte for a code point, as used in folded text.
char fold_code_point(int32_t c);

// fold_code_point with its table looked up once, for loops that fold many
// code points (a line, a document).
class CodePointFolder {
 public:
  CodePointFolder();
  char operator()(int32_t c) const {
    return c >= 0 && c < table_size_ ? table_[c] : fold_code_point(c);
  }

 private:
  const char* table_;
  int32_t table_size_;
};

// Folds UTF-8 text (one byte per code point; combining marks are dropped).
std::string fold_text(std::string_view utf8);

// A key under which spellings of the same words compare equal: folded (case,
// tone marks and their placement, đ), the i/y alternation of syllables such as
// tỷ/tỉ, sỹ/sĩ, lý/lí reduced to "i", punctuation other than "/" and "%"
// dropped, spaces collapsed. "Tỉ lệ đô thị hoá" and "Tỷ lệ đô thị hóa" share a key.
std::string comparison_key(std::string_view utf8);

// Whether `text` starts with, or contains, one of `words` (plain bytes: used
// on folded text with lexicon words, so no word boundaries are checked).
bool starts_with_any(std::string_view text, const std::vector<std::string>& words);
bool contains_any(std::string_view text, const std::vector<std::string>& words);

// A letter or digit of folded text (one byte per code point, ASCII letters
// lower case): what stands inside a word there.
inline bool is_folded_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The first place at or after `from` where `word` stands in folded text as whole
// words (no letter or digit on either side), ending at or before `to`; npos if
// none. Folded text is one byte per code point, so ASCII tests are exact there.
size_t find_folded_word(std::string_view folded, std::string_view word, size_t from = 0,
                        size_t to = std::string_view::npos);
inline bool has_folded_word(std::string_view folded, std::string_view word) {
  return find_folded_word(folded, word) != std::string_view::npos;
}
bool has_any_folded_word(std::string_view folded, const std::vector<std::string>& words);

// Folded words (or phrases) looked for all at once: whether one of them stands
// in `folded` as whole words, at or after `from` and ending at or before `to` —
// what find_folded_word says word by word, in one pass over the text.
class FoldedWordSet {
 public:
  FoldedWordSet() = default;
  explicit FoldedWordSet(const std::vector<std::string>& words);  // empty words are ignored
  bool found_in(std::string_view folded, size_t from = 0, size_t to = std::string_view::npos) const;

 private:
  std::vector<std::string> by_first_byte_[256];
  // The first two bytes of the words (a one-byte word: its byte and any
  // other): most places are passed over on one bit.
  std::vector<bool> starts_;
};

// True for combining marks (canonical combining class not 0), which folding
// drops: a table for the blocks Vietnamese text uses, ICU beyond them.
bool is_combining_mark(int32_t c);

// True for the bytes 10xxxxxx that continue a UTF-8 sequence.
inline bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Number of code points in the first `byte_offset` bytes of `utf8`.
uint32_t code_points_before(std::string_view utf8, size_t byte_offset);

// Byte offset of code point `cp` in `utf8` (the size when `cp` is the end);
// npos when the text has fewer code points.
size_t byte_offset_of_code_point(std::string_view utf8, uint32_t cp);

// Byte range [first, second) of code points [cp_begin, cp_end) of `utf8`; an
// index past the end gives the size.
std::pair<size_t, size_t> byte_range_of_code_points(std::string_view utf8, size_t cp_begin,
                                                    size_t cp_end);

// The largest byte offset <= `byte` that does not fall inside a code point
// (0 and the size are boundaries): where a byte-limited cut may end.
size_t code_point_boundary_before(std::string_view utf8, size_t byte);

// The code points of `utf8`.
std::u32string decode_utf8(std::string_view utf8);

// Appends code point `c` to `out` as UTF-8.
void append_utf8(char32_t c, std::string* out);

// UTF-8 of the code points `cps`.
std::string encode_utf8(std::u32string_view cps);

}  // namespace chitieu

#endif  // CHITIEU_COMMON_TEXT_H_
