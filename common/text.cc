#include "common/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace chitieu {
namespace {

// Folding table for the code points Vietnamese text uses (Latin blocks and
// Latin Extended Additional, where all precomposed Vietnamese vowels live).
constexpr int32_t kTableSize = 0x2100;

const std::array<char, kTableSize>& fold_table() {
  static const std::array<char, kTableSize> table = [] {
    std::array<char, kTableSize> t{};
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    for (int32_t c = 0; c < kTableSize; ++c) {
      char f = '^';  // neutral: not a letter, digit or punctuation we read
      if (c < 0x80) {
        f = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (c < 0x20) f = ' ';
      } else if (c == 0x0110 || c == 0x0111) {
        f = 'd';  // đ Đ do not decompose
      } else if (c == 0x01A2 || c == 0x01A3) {
        f = 'u';  // ƣ Ƣ (OCR stand-ins for ư Ư)
      } else if (c == 0x00A0 || c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A)) {
        f = ' ';
      } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x00F7) {
        f = '-';  // dashes; "÷" joins a range in planning texts ("55,7÷60,9%")
      } else if (c == 0x2018 || c == 0x2019 || c == 0x201A) {
        f = '\'';
      } else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) {
        f = '"';
      } else if (c == 0x2026) {
        f = '.';
      } else if (c == 0x00D7) {
        f = 'x';
      } else if (c == 0x00B2 || c == 0x00B3) {
        f = c == 0x00B2 ? '2' : '3';  // "km²" reads as "km2", not as "km"
      } else if (U_SUCCESS(err) && u_isalpha(c)) {
        icu::UnicodeString d;
        nfd->normalize(icu::UnicodeString(c), d, err);
        UChar32 base = d.length() > 0 ? d.char32At(0) : c;
        if (base < 0x80 && u_isalpha(base)) f = static_cast<char>(u_tolower(base));
        err = U_ZERO_ERROR;
      }
      t[c] = f;
    }
    return t;
  }();
  return table;
}

}  // namespace

bool is_combining_mark(int32_t c) {
  static const std::array<bool, kTableSize> table = [] {
    std::array<bool, kTableSize> t{};
    for (int32_t k = 0; k < kTableSize; ++k) t[k] = u_getCombiningClass(k) != 0;
    return t;
  }();
  if (c >= 0 && c < kTableSize) return table[c];
  return u_getCombiningClass(c) != 0;
}

CodePointFolder::CodePointFolder() : table_(fold_table().data()), table_size_(kTableSize) {}

char fold_code_point(int32_t c) {
  if (c >= 0 && c < kTableSize) return fold_table()[c];
  if (c == 0xFF05) return '%';
  return '^';
}

std::string fold_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const CodePointFolder fold;
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c >= 0x300 && is_combining_mark(c)) continue;  // none below U+0300
    out.push_back(fold(c));
  }
  return out;
}

std::string comparison_key(std::string_view utf8) {
  std::string folded = fold_text(utf8);
  std::string key;
  key.reserve(folded.size());
  bool pending_space = false;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '%';
    if (!keep) {
      pending_space = true;
      continue;
    }
    if (pending_space && !key.empty()) key += ' ';
    pending_space = false;
    key += c;
  }
  // Word-final "y" after consonants only ("ty", "sy", "ly", "ky", "my") is the
  // same syllable as with "i"; after a vowel ("tuy", "huy") it is not.
  auto is_vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] != 'y') continue;
    bool word_end = i + 1 == key.size() || key[i + 1] == ' ' || key[i + 1] == '/';
    bool has_onset = i > 0 && key[i - 1] >= 'a' && key[i - 1] <= 'z' && !is_vowel(key[i - 1]);
    if (word_end && has_onset) key[i] = 'i';
  }
  return key;
}

bool starts_with_any(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (text.substr(0, w.size()) == w) return true;
  return false;
}

size_t find_folded_word(std::string_view f, std::string_view w, size_t from, size_t to) {
  to = std::min(to, f.size());
  for (size_t p = f.find(w, from); p != std::string_view::npos && p + w.size() <= to;
       p = f.find(w, p + 1)) {
    bool left = p == 0 || !is_folded_word_char(f[p - 1]);
    bool right = p + w.size() >= f.size() || !is_folded_word_char(f[p + w.size()]);
    if (left && right) return p;
  }
  return std::string_view::npos;
}

bool has_any_folded_word(std::string_view folded, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (has_folded_word(folded, w)) return true;
  return false;
}

FoldedWordSet::FoldedWordSet(const std::vector<std::string>& words) : starts_(1 << 16, false) {
  for (const std::string& w : words) {
    if (w.empty()) continue;
    unsigned first = static_cast<unsigned char>(w[0]);
    by_first_byte_[first].push_back(w);
    if (w.size() > 1) starts_[first << 8 | static_cast<unsigned char>(w[1])] = true;
    else for (unsigned second = 0; second < 256; ++second) starts_[first << 8 | second] = true;
  }
}

bool FoldedWordSet::found_in(std::string_view f, size_t from, size_t to) const {
  to = std::min(to, f.size());
  if (starts_.empty()) return false;  // no words
  for (size_t p = from; p < to; ++p) {
    if (p > 0 && is_folded_word_char(f[p - 1])) continue;  // not where a word starts
    unsigned first = static_cast<unsigned char>(f[p]);
    // The word's second byte is the text's next one; at the text's end only a
    // one-byte word fits, which marks every second byte.
    unsigned second = p + 1 < f.size() ? static_cast<unsigned char>(f[p + 1]) : 0;
    if (!starts_[first << 8 | second]) continue;
    const std::vector<std::string>& candidates = by_first_byte_[first];
    for (const std::string& w : candidates) {
      size_t end = p + w.size();
      if (end <= to && f.compare(p, w.size(), w) == 0 && (end >= f.size() || !is_folded_word_char(f[end]))) return true;
    }
  }
  return false;
}

bool contains_any(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

size_t byte_offset_of_code_point(std::string_view utf8, uint32_t cp) {
  uint32_t count = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (is_utf8_continuation(utf8[i])) continue;
    if (count == cp) return i;
    ++count;
  }
  return count == cp ? utf8.size() : std::string_view::npos;
}

uint32_t code_points_before(std::string_view utf8, size_t byte_offset) {
  uint32_t count = 0;
  for (size_t i = 0; i < byte_offset && i < utf8.size(); ++i) {
    if (!is_utf8_continuation(utf8[i])) ++count;
  }
  return count;
}

std::pair<size_t, size_t> byte_range_of_code_points(std::string_view utf8, size_t cp_begin,
                                                    size_t cp_end) {
  size_t begin = utf8.size(), end = utf8.size(), cp = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (is_utf8_continuation(utf8[i])) continue;
    if (cp == cp_begin) begin = i;
    if (cp == cp_end) {
      end = i;
      break;
    }
    ++cp;
  }
  return {begin, end};
}

size_t code_point_boundary_before(std::string_view utf8, size_t byte) {
  if (byte >= utf8.size()) return utf8.size();
  while (byte > 0 && is_utf8_continuation(utf8[byte])) --byte;
  return byte;
}

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void append_utf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
  out->append(buf, len);
}

std::string encode_utf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) append_utf8(c, &out);
  return out;
}

}  // namespace chitieu
