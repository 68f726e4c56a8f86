#include "extractor/ocr_number_repair.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/text.h"

namespace chitieu {
namespace {

// A code point of the line with the raw byte it came from.
struct Placed {
  UChar32 c;
  uint32_t raw;
};

bool digit(UChar32 c) { return c >= '0' && c <= '9'; }

// Words after which a number is a date, an article, an item or a count of
// times, never the integer part of a decimal: "tháng 12, 100% …".
constexpr std::array<std::string_view, 13> kNumberingWords = {
    "thang", "ngay", "nam", "quy", "dieu", "khoan", "muc", "diem", "chuong", "phan", "lan", "buoc", "tiet"};

// Whether `s` (ASCII digits and separators) is an integer part as Vietnamese
// writes one: 1-3 digits, then groups of three after ".".
bool integer_part(const std::string& s) {
  size_t first = s.find('.');
  size_t lead = first == std::string::npos ? s.size() : first;
  if (lead < 1 || lead > 3) return false;
  for (size_t i = lead; i < s.size(); i += 4) {
    if (s[i] != '.' || i + 4 > s.size()) return false;
    for (size_t k = i + 1; k < i + 4; ++k)
      if (!digit(s[k])) return false;
  }
  return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(lead), [](char c) { return digit(c); });
}

// The folded word that ends just before position `end` of `out`, spaces skipped.
std::string word_before(const std::vector<Placed>& out, size_t end) {
  while (end > 0 && out[end - 1].c == ' ') --end;
  size_t begin = end;
  while (begin > 0 && u_isalpha(out[begin - 1].c)) --begin;
  std::string w;
  for (size_t k = begin; k < end; ++k) w += fold_code_point(out[k].c);
  return w;
}

class NumberRepairer {
 public:
  NumberRepairer(std::vector<Placed> cps, uint32_t raw_end, std::vector<Repair>* repairs)
      : in_(std::move(cps)), raw_end_(raw_end), repairs_(repairs) {}

  // Pass 0: an item or heading number read with a comma ("1, Phát triển",
  // "II, MỤC TIÊU" for "1." and "II.") at the line's start, before a capital.
  void repair_item_mark() {
    size_t k = 0;
    while (k < in_.size() && (in_[k].c == ' ' || in_[k].c == '\t' || in_[k].c == '*')) ++k;
    size_t mark = k;
    while (k < in_.size() && k - mark < 2 && digit(in_[k].c)) ++k;
    if (k == mark) {
      while (k < in_.size() && k - mark < 4 && (in_[k].c == 'I' || in_[k].c == 'V' || in_[k].c == 'X')) ++k;
    }
    if (k == mark || k + 2 >= in_.size() || in_[k].c != ',' || in_[k + 1].c != ' ' || !u_isupper(in_[k + 2].c)) return;
    repairs_->push_back({in_[k].raw, in_[k + 1].raw, ".", std::string(kOcrItemMarkRule)});
    in_[k].c = '.';
  }

  // Pass 1: spaces after separators removed where a number was split.
  std::vector<Placed> join_split_numbers() {
    std::vector<Placed> out;
    out.reserve(in_.size());
    for (size_t i = 0; i < in_.size(); ++i) {
      out.push_back(in_[i]);
      UChar32 c = in_[i].c;
      if ((c == '.' || c == ',') && i + 2 < in_.size() && in_[i + 1].c == ' ' && digit(in_[i + 2].c) &&
          split_number(out, i)) {
        ++i;  // the space
      }
    }
    return out;
  }

  // Pass 2: letters read for digits inside a number.
  void repair_digits(std::vector<Placed>* cps) {
    std::vector<Placed>& v = *cps;
    size_t i = 0;
    while (i < v.size()) {
      if (!number_char(v[i].c)) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < v.size() && number_char(v[end].c)) ++end;
      bool bounded = (i == 0 || !u_isalpha(v[i - 1].c)) && (end == v.size() || !u_isalpha(v[end].c));
      if (bounded) repair_token(&v, i, end);
      i = end;
    }
  }

 private:
  static bool confusable(UChar32 c) { return c == 'O' || c == 'o' || c == 'l' || c == 'I' || c == 'S'; }
  static bool number_char(UChar32 c) { return digit(c) || c == '.' || c == ',' || confusable(c); }
  static char as_digit(UChar32 c) {
    switch (c) {
      case 'O': case 'o': return '0';
      case 'l': case 'I': return '1';
      case 'S': return '5';
      default: return static_cast<char>(c);
    }
  }

  uint32_t raw_at(const std::vector<Placed>& v, size_t k) const { return k < v.size() ? v[k].raw : raw_end_; }

  // `out` ends with the separator in_[sep]; in_[sep + 1] is a space and
  // in_[sep + 2] a digit. Whether they form one number split by the space;
  // if so the repair is recorded.
  bool split_number(const std::vector<Placed>& out, size_t sep) {
    const bool dot = in_[sep].c == '.';
    size_t left = out.size() - 1;  // the separator's place in `out`
    while (left > 0 && (digit(out[left - 1].c) || out[left - 1].c == '.')) --left;
    while (left < out.size() - 1 && out[left].c == '.') ++left;
    std::string integer;
    for (size_t k = left; k + 1 < out.size(); ++k) integer += static_cast<char>(out[k].c);
    if (!integer_part(integer)) return false;
    // An item number begins its line; a number glued to a word is a name.
    bool line_start = std::all_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(left),
                                  [](const Placed& p) { return p.c == ' ' || p.c == '\t'; });
    if (line_start || (left > 0 && (u_isalpha(out[left - 1].c) || out[left - 1].c == ','))) return false;
    size_t right = sep + 2, right_end = right;
    while (right_end < in_.size() && digit(in_[right_end].c)) ++right_end;
    const size_t digits = right_end - right;
    if (dot ? digits != 3 : digits > 3) return false;
    // "đạt 95. 100% xã": a sentence's end, then a percentage (no percentage
    // has a thousands group).
    if (dot && right_end < in_.size() && in_[right_end].c == '%') return false;
    if (numbering_word(word_before(out, left)) || (!dot && in_list(out, left, right_end))) return false;
    std::string joined;
    for (size_t k = left; k < out.size(); ++k) append_utf8(static_cast<char32_t>(out[k].c), &joined);
    for (size_t k = right; k < right_end; ++k) append_utf8(static_cast<char32_t>(in_[k].c), &joined);
    repairs_->push_back({out[left].raw, raw_at(in_, right_end), joined, std::string(kOcrNumberSpaceRule)});
    return true;
  }

  // "1, 2, 3": a number before ("2, " ahead of the left part) or after
  // (", 4" past the right part) in the same way.
  bool in_list(const std::vector<Placed>& out, size_t left, size_t right_end) const {
    if (left >= 3 && out[left - 1].c == ' ' && out[left - 2].c == ',' && digit(out[left - 3].c)) return true;
    size_t k = right_end;
    if (k < in_.size() && in_[k].c == ',') {
      ++k;
      while (k < in_.size() && in_[k].c == ' ') ++k;
      return k < in_.size() && digit(in_[k].c);
    }
    return false;
  }

  static bool numbering_word(const std::string& w) {
    return std::find(kNumberingWords.begin(), kNumberingWords.end(), w) != kNumberingWords.end();
  }

  // The token v[begin, end) of digits, separators and look-alike letters,
  // repaired when it has a digit, each look-alike touches a digit (at the
  // token's end only an O: "2O" but not "5l", which may be litres), and it
  // reads as a well-formed number once repaired.
  void repair_token(std::vector<Placed>* cps, size_t begin, size_t end) {
    std::vector<Placed>& v = *cps;
    // Sentence punctuation after the number is not part of it.
    while (end > begin && (v[end - 1].c == '.' || v[end - 1].c == ',')) --end;
    bool has_digit = false, has_letter = false;
    for (size_t k = begin; k < end; ++k) {
      has_digit |= digit(v[k].c);
      if (!confusable(v[k].c)) continue;
      has_letter = true;
      bool digit_before = k > begin && digit(v[k - 1].c), digit_after = k + 1 < end && digit(v[k + 1].c);
      bool inside = k > begin && k + 1 < end && (digit_before || digit_after);
      bool leading = k == begin && digit_after;
      bool trailing = k + 1 == end && digit_before && (v[k].c == 'O' || v[k].c == 'o');
      if (!inside && !leading && !trailing) return;
    }
    if (!has_digit || !has_letter) return;
    std::string repaired;
    for (size_t k = begin; k < end; ++k) repaired += as_digit(v[k].c);
    if (!well_formed(repaired)) return;
    repairs_->push_back({v[begin].raw, raw_at(v, end), repaired, std::string(kOcrDigitRule)});
    for (size_t k = begin; k < end; ++k) v[k].c = as_digit(v[k].c);
  }

  // 2025; 12.800; 1.234.567,5; 33,5.
  static bool well_formed(const std::string& s) {
    size_t comma = s.find(',');
    std::string integer = s.substr(0, comma);
    if (comma != std::string::npos) {
      std::string fraction = s.substr(comma + 1);
      if (fraction.empty() || !std::all_of(fraction.begin(), fraction.end(), [](char c) { return digit(c); })) {
        return false;
      }
    }
    bool plain = !integer.empty() && std::all_of(integer.begin(), integer.end(), [](char c) { return digit(c); });
    return plain || integer_part(integer);
  }

  std::vector<Placed> in_;
  uint32_t raw_end_;
  std::vector<Repair>* repairs_;
};

}  // namespace

bool is_ocr_number_rule(std::string_view rule) { return rule == kOcrNumberSpaceRule || rule == kOcrDigitRule; }

void repair_ocr_numbers(RepairedLine* line) {
  const std::string& t = line->text;
  // Nothing to repair without a digit, unless a Roman item mark ("II, ").
  if (t.find_first_of("0123456789") == std::string::npos && t.find(", ") == std::string::npos) return;
  std::vector<Placed> cps;
  cps.reserve(line->folded.size());
  int32_t i = 0, n = static_cast<int32_t>(t.size());
  const auto* s = reinterpret_cast<const uint8_t*>(t.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (cps.size() >= line->folded.size()) return;  // not one code point per skeleton byte
    cps.push_back({c < 0 ? 0xFFFD : c, line->raw_byte_of_cp[cps.size()]});
  }
  if (cps.size() != line->folded.size() || line->raw_byte_of_cp.size() != cps.size() + 1) return;

  const size_t repairs_before = line->repairs.size();
  NumberRepairer repairer(std::move(cps), line->raw_byte_of_cp.back(), &line->repairs);
  repairer.repair_item_mark();
  std::vector<Placed> out = repairer.join_split_numbers();
  repairer.repair_digits(&out);
  if (line->repairs.size() == repairs_before) return;

  uint32_t raw_end = line->raw_byte_of_cp.back();
  line->text.clear();
  line->folded.clear();
  line->raw_byte_of_cp.clear();
  for (const Placed& p : out) {
    append_utf8(static_cast<char32_t>(p.c), &line->text);
    line->folded.push_back(fold_code_point(p.c));
    line->raw_byte_of_cp.push_back(p.raw);
  }
  line->raw_byte_of_cp.push_back(raw_end);
  std::sort(line->repairs.begin(), line->repairs.end(),
            [](const Repair& a, const Repair& b) { return a.raw_begin < b.raw_begin; });
}

}  // namespace chitieu
