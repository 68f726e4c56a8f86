#include "support/damage.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#ifndef CHITIEU_SOURCE_DIR
#error "CHITIEU_SOURCE_DIR must be defined (tests/CMakeLists.txt defines it for unit_tests)"
#endif

namespace chitieu::damage {
namespace {

using U32 = std::u32string;

// ---------------------------------------------------------------------------
// Deterministic PRNG (SplitMix64). <random> engines are portable but its
// distributions are not, so the damage is drawn with plain integer arithmetic.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
  bool chance_percent(uint32_t percent) { return below(100) < percent; }

 private:
  uint64_t state_;
};

Rng make_rng(Kind kind, uint32_t seed) {
  return Rng((static_cast<uint64_t>(seed) << 8) ^ static_cast<uint64_t>(kind) ^
             0x6368697469657521ull);
}

// ---------------------------------------------------------------------------
// UTF-8 / UTF-32 / ICU helpers.
U32 to_u32(const std::string& s) {
  U32 out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

void append_u8(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
  out.append(buf, static_cast<size_t>(len));
}

std::string to_u8(const U32& s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) append_u8(out, c);
  return out;
}

icu::UnicodeString to_icu(const U32& s) {
  return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                       static_cast<int32_t>(s.size()));
}

U32 from_icu(const icu::UnicodeString& u) {
  U32 out;
  out.reserve(static_cast<size_t>(u.length()));
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

const icu::Normalizer2& nfc_instance() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || n == nullptr) throw std::runtime_error("ICU NFC normalizer unavailable");
  return *n;
}

const icu::Normalizer2& nfd_instance() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err) || n == nullptr) throw std::runtime_error("ICU NFD normalizer unavailable");
  return *n;
}

U32 normalize(const icu::Normalizer2& norm, const U32& s) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString out = norm.normalize(to_icu(s), err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU normalization failed");
  return from_icu(out);
}

U32 nfc(const U32& s) { return normalize(nfc_instance(), s); }
U32 nfd(const U32& s) { return normalize(nfd_instance(), s); }

// ---------------------------------------------------------------------------
// Letters, marks and words.
constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309,
                   kDotBelow = 0x0323;
constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;
constexpr char32_t kTones[5] = {kAcute, kGrave, kHook, kTilde, kDotBelow};

bool is_tone(char32_t c) {
  return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDotBelow;
}
bool is_quality(char32_t c) { return c == kCircumflex || c == kBreve || c == kHorn; }

bool is_mark(char32_t c) {
  return u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// A word is a maximal run of letters and combining marks. Digits are never part
// of a word, so nothing done to words can reach a digit.
bool is_word_char(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) || is_mark(c); }

char32_t lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

// One base letter with its marks, from the NFD form of a word.
struct Letter {
  char32_t base = 0;  // 0 for marks with no base letter before them
  U32 quality;        // circumflex, breve, horn
  char32_t tone = 0;  // one of kTones, or 0
  U32 other;          // any other mark (kept in place)
};

std::vector<Letter> explode(const U32& word) {
  std::vector<Letter> letters;
  for (char32_t c : nfd(word)) {
    if (!is_mark(c)) {
      letters.push_back(Letter{c, U"", 0, U""});
      continue;
    }
    if (letters.empty()) letters.push_back(Letter{});
    Letter& l = letters.back();
    if (is_quality(c)) {
      l.quality.push_back(c);
    } else if (is_tone(c) && l.tone == 0) {
      l.tone = c;
    } else {
      l.other.push_back(c);
    }
  }
  return letters;
}

// NFC puts the marks back in canonical order, so the order here only has to put
// the vowel-quality mark before a tone of the same combining class (ấ = â + ́).
U32 implode(const std::vector<Letter>& letters) {
  U32 out;
  for (const Letter& l : letters) {
    if (l.base != 0) out.push_back(l.base);
    out += l.quality;
    if (l.tone != 0) out.push_back(l.tone);
    out += l.other;
  }
  return nfc(out);
}

bool is_vowel_base(char32_t c) {
  switch (lower(c)) {
    case U'a': case U'e': case U'i': case U'o': case U'u': case U'y': return true;
    default: return false;
  }
}

template <typename F>
U32 map_words(const U32& text, F&& f) {
  U32 out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_word_char(text[j])) ++j;
    out += f(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// Every diacritic removed; đ Đ → d D; ƣ Ƣ (PDF stand-ins for ư Ư) → u U.
U32 strip_word(const U32& word) {
  U32 out;
  for (char32_t c : nfd(word)) {
    if (is_mark(c)) continue;
    switch (c) {
      case 0x0111: c = U'd'; break;
      case 0x0110: c = U'D'; break;
      case 0x01A3: c = U'u'; break;
      case 0x01A2: c = U'U'; break;
      default: break;
    }
    out.push_back(c);
  }
  return nfc(out);
}

// Index of the letter that carries (or would carry) the tone: the last vowel
// with a quality mark (ươ → ơ, â), else the last vowel of the nucleus when a
// consonant follows it, else its first vowel (hoa → o, tai → a, mua → u).
// "gi" and "qu" count as consonants.
int tone_letter(const std::vector<Letter>& letters) {
  int first = -1, last = -1;
  for (size_t k = 0; k < letters.size(); ++k) {
    char32_t b = lower(letters[k].base);
    bool glide = k > 0 && ((b == U'u' && lower(letters[k - 1].base) == U'q') ||
                           (b == U'i' && lower(letters[k - 1].base) == U'g' &&
                            k + 1 < letters.size() && is_vowel_base(letters[k + 1].base)));
    if (!is_vowel_base(b) || glide) {
      if (first >= 0) break;
      continue;
    }
    if (first < 0) first = static_cast<int>(k);
    last = static_cast<int>(k);
  }
  if (first < 0) return -1;
  for (int k = last; k >= first; --k) {
    if (!letters[static_cast<size_t>(k)].quality.empty()) return k;
  }
  const bool closed = static_cast<size_t>(last + 1) < letters.size();
  return closed ? last : first;
}

// OCR-like confusion. A word with a tone mark usually (85 %) gets another of the
// five tones (Phấn → Phần, trưởng → trường); a word without one usually (80 %)
// gets a stray tone (tăng → tằng). Otherwise the circumflex on a/e/o is dropped or
// added (vạn → vận, dân → dan). Breve and horn are never touched, so the
// vowel-quality marks survive in well over 80 % of the confused words.
U32 confuse_word(const U32& word, Rng& rng) {
  std::vector<Letter> letters = explode(word);
  int toned = -1;
  std::vector<size_t> flippable;
  for (size_t k = 0; k < letters.size(); ++k) {
    const Letter& l = letters[k];
    if (l.tone != 0 && toned < 0) toned = static_cast<int>(k);
    char32_t b = lower(l.base);
    if ((b == U'a' || b == U'e' || b == U'o') &&
        (l.quality.empty() || l.quality == U32(1, kCircumflex))) {
      flippable.push_back(k);
    }
  }
  const int target = toned >= 0 ? toned : tone_letter(letters);
  const bool change_tone =
      target >= 0 && (flippable.empty() || rng.chance_percent(toned >= 0 ? 85 : 80));
  if (change_tone) {
    Letter& l = letters[static_cast<size_t>(target)];
    uint32_t pick = rng.below(l.tone == 0 ? 5 : 4);
    for (char32_t t : kTones) {
      if (t == l.tone) continue;
      if (pick-- == 0) {
        l.tone = t;
        break;
      }
    }
  } else if (!flippable.empty()) {
    Letter& l = letters[flippable[rng.below(static_cast<uint32_t>(flippable.size()))]];
    if (l.quality.empty()) {
      l.quality = U32(1, kCircumflex);
    } else {
      l.quality.clear();
    }
  } else {
    return word;
  }
  return implode(letters);
}

// Old ("classical") tone placement: in a syllable ending in oa, oe or uy with no
// final consonant the tone sits on the second vowel (hóa → hoá, khỏe → khoẻ,
// thủy → thuỷ); and tỷ is written tỉ.
U32 old_tone_word(const U32& word) {
  std::vector<Letter> letters = explode(word);
  const size_t n = letters.size();
  auto plain = [](const Letter& l) { return l.quality.empty() && l.other.empty(); };
  if (n == 2 && lower(letters[0].base) == U't' && plain(letters[0]) && letters[0].tone == 0 &&
      lower(letters[1].base) == U'y' && plain(letters[1]) && letters[1].tone == kHook) {
    letters[1].base = letters[1].base == U'Y' ? U'I' : U'i';
    return implode(letters);
  }
  if (n < 2) return word;
  Letter& first = letters[n - 2];
  Letter& second = letters[n - 1];
  const char32_t a = lower(first.base), b = lower(second.base);
  const bool cluster = (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
  if (!cluster || first.tone == 0 || !plain(first) || second.tone != 0 || !plain(second)) {
    return word;
  }
  if (n >= 3 && (is_vowel_base(letters[n - 3].base) || lower(letters[n - 3].base) == U'q')) {
    return word;  // not the nucleus of the syllable (qu-, or a longer vowel cluster)
  }
  second.tone = first.tone;
  first.tone = 0;
  return implode(letters);
}

// ---------------------------------------------------------------------------
// Legacy encodings.

// NFC, and the substitutions every legacy encoder makes (see damage.h).
U32 prepare_legacy(const std::string& clean, bool ascii_punctuation) {
  U32 text = to_u32(clean);
  for (char32_t& c : text) {
    if (c == 0x01A3) c = 0x01B0;  // ƣ → ư
    if (c == 0x01A2) c = 0x01AF;  // Ƣ → Ư
  }
  text = nfc(text);
  if (!ascii_punctuation) return text;
  U32 out;
  out.reserve(text.size());
  for (char32_t c : text) {
    switch (c) {
      case 0x201C: case 0x201D: case 0x201E: out.push_back(U'"'); break;
      case 0x2018: case 0x2019: out.push_back(U'\''); break;
      case 0x2013: case 0x2014: out.push_back(U'-'); break;
      case 0x2026: out += U"..."; break;
      default: out.push_back(c);
    }
  }
  return out;
}

size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF7) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// UTF-8 → `to` with glibc iconv; a character iconv cannot encode becomes "?".
std::string iconv_from_utf8(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error(std::string("iconv does not know ") + to);
  }
  std::string out(utf8.size() + 64, '\0');
  size_t used = 0;
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  auto call = [&](char** src, size_t* src_left) {
    while (true) {
      char* op = out.data() + used;
      size_t out_left = out.size() - used;
      size_t r = iconv(cd, src, src_left, &op, &out_left);
      used = static_cast<size_t>(op - out.data());
      if (r != static_cast<size_t>(-1)) return;
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      if ((errno == EILSEQ || errno == EINVAL) && src != nullptr && *src_left > 0) {
        size_t len = std::min(utf8_length(static_cast<unsigned char>(**src)), *src_left);
        *src += len;
        *src_left -= len;
        if (used == out.size()) out.resize(out.size() * 2);
        out[used++] = '?';
        continue;
      }
      iconv_close(cd);
      throw std::runtime_error(std::string("iconv to ") + to + " failed");
    }
  };
  call(&in, &in_left);
  call(nullptr, nullptr);  // flush any shift state
  iconv_close(cd);
  out.resize(used);
  return out;
}

// The 134 Vietnamese letters that are not ASCII: 12 vowels × 6 tones minus the
// 6 plain ASCII vowels, plus đ, in lower and upper case.
const std::vector<char32_t>& vietnamese_letters() {
  static const std::vector<char32_t> letters = [] {
    std::vector<char32_t> out;
    const U32 vowels = U"aăâeêioôơuưy";
    const char32_t tones[6] = {0, kAcute, kGrave, kHook, kTilde, kDotBelow};
    for (int upper = 0; upper < 2; ++upper) {
      for (char32_t v : vowels) {
        for (char32_t t : tones) {
          U32 s(1, upper ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(v))) : v);
          if (t != 0) s.push_back(t);
          U32 c = nfc(s);
          if (c.size() == 1 && c[0] >= 0x80) out.push_back(c[0]);
        }
      }
      out.push_back(upper ? 0x0110 : 0x0111);
    }
    return out;
  }();
  return letters;
}

// TCVN3 as the ABC fonts (.VnTime) have it: the 67 lower-case letters and
// Ă Â Ê Ô Ơ Ư Đ, all in 0xA1–0xFE. Upper-case toned vowels exist only in
// TCVN5712-1's VN1 extension (C0 controls, 0x80–0x9F and the gaps of 0xA1–0xFF,
// e.g. Ế = 0xDA, where glibc puts them); in ABC documents they were typed with the
// upper-case font (.VnTimeH) at the lower-case code, so copied into Unicode they
// come out as the lower-case artefact: "CỘNG HÒA" → "CéNG HßA".
const std::unordered_map<char32_t, unsigned char>& tcvn3_abc_bytes() {
  static const std::unordered_map<char32_t, unsigned char> table = [] {
    std::unordered_map<char32_t, unsigned char> t;
    auto byte_of = [](char32_t c) {
      std::string b = iconv_from_utf8(to_u8(U32(1, c)), "TCVN5712-1");
      if (b.size() != 1 || b[0] == '?') {
        throw std::runtime_error("TCVN5712-1 has no single byte for U+" + std::to_string(c));
      }
      return static_cast<unsigned char>(b[0]);
    };
    const U32 abc_upper = U"ĂÂÊÔƠƯĐ";  // the only upper-case letters ABC has
    for (char32_t c : vietnamese_letters()) {
      const bool has_code = !u_isupper(static_cast<UChar32>(c)) || abc_upper.find(c) != U32::npos;
      unsigned char b = byte_of(has_code ? c : lower(c));
      if (b < 0xA1) throw std::runtime_error("unexpected TCVN5712-1 table");
      t[c] = b;
    }
    return t;
  }();
  return table;
}

// Windows-1258 via ICU. The code page has â ê ô ơ ư ă đ (and a few toned Latin-1
// vowels) precomposed and five combining tone bytes (0xEC acute, 0xCC grave,
// 0xD2 hook, 0xDE tilde, 0xF2 dot below). Every tone is written as a combining
// byte after its base (á → 61 EC, ấ → E2 EC), as Vietnamese CP1258 keyboards
// typed it; glibc's iconv CP1258 would keep the few precomposed ones (á → E1).
std::string encode_cp1258(const std::string& clean) {
  U32 text = prepare_legacy(clean, false);
  U32 split;
  split.reserve(text.size() + text.size() / 4);
  std::unordered_map<char32_t, U32> memo;
  for (char32_t c : text) {
    if (c < 0xC0) {
      split.push_back(c);
      continue;
    }
    auto it = memo.find(c);
    if (it == memo.end()) {
      std::vector<Letter> letters = explode(U32(1, c));
      U32 repl(1, c);
      if (letters.size() == 1 && letters[0].tone != 0 && letters[0].base != 0) {
        char32_t tone = letters[0].tone;
        letters[0].tone = 0;
        repl = implode(letters);
        repl.push_back(tone);
      }
      it = memo.emplace(c, repl).first;
    }
    split += it->second;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("windows-1258", &err),
                                                           ucnv_close);
  if (U_FAILURE(err)) throw std::runtime_error("ICU has no windows-1258 converter");
  ucnv_setSubstChars(conv.get(), "?", 1, &err);
  icu::UnicodeString u = to_icu(split);
  std::string out(static_cast<size_t>(u.length()) * 2 + 16, '\0');
  int32_t len = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                u.getBuffer(), u.length(), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU windows-1258 encoding failed");
  out.resize(static_cast<size_t>(len));
  return out;
}

// VNI-Windows, from data/vni.tsv.
const std::unordered_map<char32_t, std::string>& vni_table() {
  static const std::unordered_map<char32_t, std::string> table = [] {
    const std::string path = std::string(CHITIEU_SOURCE_DIR) + "/data/vni.tsv";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::unordered_map<char32_t, std::string> t;
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      U32 key = tab == std::string::npos ? U32() : to_u32(line.substr(0, tab));
      std::istringstream hex(tab == std::string::npos ? "" : line.substr(tab + 1));
      std::string bytes, tok;
      bool bad = false;
      while (hex >> tok) {
        char* end = nullptr;
        unsigned long v = std::strtoul(tok.c_str(), &end, 16);
        if (tok.size() != 2 || *end != '\0' || v < 0x20) bad = true;
        bytes.push_back(static_cast<char>(v));
      }
      if (bad || key.size() != 1 || bytes.empty() || bytes.size() > 2 ||
          !t.emplace(key[0], bytes).second) {
        throw std::runtime_error(path + ":" + std::to_string(line_no) + ": bad row");
      }
    }
    for (char32_t c : vietnamese_letters()) {
      if (!t.count(c)) throw std::runtime_error(path + ": no row for " + to_u8(U32(1, c)));
    }
    return t;
  }();
  return table;
}

// Windows-1252 bytes 0x80–0x9F (punctuation that VNI-Windows fonts keep).
int cp1252_high_byte(char32_t c) {
  static const std::unordered_map<char32_t, int> table = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F}};
  auto it = table.find(c);
  return it == table.end() ? -1 : it->second;
}

std::string encode_vni(const std::string& clean) {
  const auto& table = vni_table();
  std::string out;
  U32 text = prepare_legacy(clean, false);
  out.reserve(text.size() + text.size() / 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (auto it = table.find(c); it != table.end()) {
      out += it->second;
    } else if (c >= 0xA0 && c <= 0xBF) {  // VNI leaves 0xA0–0xBF as Latin-1
      out.push_back(static_cast<char>(c));
    } else if (int b = cp1252_high_byte(c); b >= 0) {
      out.push_back(static_cast<char>(b));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

// TCVN3 bytes read as Windows-1252 and written back as UTF-8. The ABC bytes are
// all in 0xA1–0xFE, where Windows-1252 is Latin-1, so each becomes U+00A1–U+00FE
// (ư = 0xAD becomes U+00AD SOFT HYPHEN and is kept). Characters TCVN3 has no byte
// for (“ ” – …) stay as they are: a Word document set in .VnTime stores them as
// Unicode punctuation.
std::string encode_font_mapped(const std::string& clean) {
  const auto& table = tcvn3_abc_bytes();
  U32 text = prepare_legacy(clean, false);
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t c : text) {
    if (c >= 0x80) {
      if (auto it = table.find(c); it != table.end()) c = it->second;
    }
    append_u8(out, c);
  }
  return out;
}

std::string encode_utf16le_bom(const std::string& clean) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(clean);
  std::string out;
  out.reserve(2 + static_cast<size_t>(u.length()) * 2);
  out.push_back(static_cast<char>(0xFF));
  out.push_back(static_cast<char>(0xFE));
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar unit = u.charAt(i);
    out.push_back(static_cast<char>(unit & 0xFF));
    out.push_back(static_cast<char>(unit >> 8));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Hard wrap.

bool has_digit(const U32& token) {
  for (char32_t c : token) {
    if (c >= U'0' && c <= U'9') return true;
  }
  return false;
}

bool is_dash_token(const U32& token) {
  return token == U"-" || token == U"\u2013" || token == U"\u2014";
}

// One line wrapped at spaces into pieces of at most `width` code points, with a
// blank line between pieces (as PDF-to-text converters leave them). A break is
// never made between two parts of a number expression ("2025 - 2030",
// "9,5 - 10%"); breaks right next to a number ("19 | bác sỹ") are avoided when a
// break elsewhere gives a piece at least half as wide.
U32 wrap_line(U32 line, size_t width) {
  if (line.size() <= width) return line;
  while (!line.empty() && (line.back() == U' ' || line.back() == U'\t')) line.pop_back();
  if (line.size() <= width) return line;

  struct Gap {
    size_t begin, end;  // run of spaces [begin, end)
    int tier;           // 1 free, 2 next to a number, 3 inside a number expression
  };
  std::vector<Gap> gaps;
  for (size_t i = 0; i < line.size();) {
    if (line[i] != U' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && line[j] == U' ') ++j;
    gaps.push_back(Gap{i, j, 1});
    i = j;
  }
  // Leading spaces are indentation, not a break.
  if (!gaps.empty() && gaps.front().begin == 0) gaps.erase(gaps.begin());
  for (size_t g = 0; g < gaps.size(); ++g) {
    size_t prev_begin = g == 0 ? 0 : gaps[g - 1].end;
    size_t next_end = g + 1 < gaps.size() ? gaps[g + 1].begin : line.size();
    U32 prev = line.substr(prev_begin, gaps[g].begin - prev_begin);
    U32 next = line.substr(gaps[g].end, next_end - gaps[g].end);
    bool prev_num = has_digit(prev), next_num = has_digit(next);
    bool prev_dash = is_dash_token(prev), next_dash = is_dash_token(next);
    if ((prev_num || prev_dash) && (next_num || next_dash)) {
      gaps[g].tier = 3;
    } else if (prev_num || next_num || prev_dash || next_dash) {
      gaps[g].tier = 2;
    }
  }

  U32 out;
  size_t start = 0;
  size_t g = 0;  // first gap after `start`
  while (line.size() - start > width) {
    while (g < gaps.size() && gaps[g].begin <= start) ++g;
    long best_free = -1, best_near = -1, overflow = -1;
    for (size_t k = g; k < gaps.size(); ++k) {
      size_t len = gaps[k].begin - start;
      if (gaps[k].tier == 3) continue;
      if (len > width) {
        overflow = static_cast<long>(k);
        break;
      }
      if (gaps[k].tier == 1 && len * 2 >= width) best_free = static_cast<long>(k);
      best_near = static_cast<long>(k);
    }
    long pick = best_free >= 0 ? best_free : best_near >= 0 ? best_near : overflow;
    if (pick < 0) break;  // no allowed break left: the rest stays one line
    const Gap& gap = gaps[static_cast<size_t>(pick)];
    out += line.substr(start, gap.begin - start);
    out += U"\n\n";
    start = gap.end;
    g = static_cast<size_t>(pick) + 1;
  }
  out += line.substr(start);
  return out;
}

U32 hard_wrap(const U32& text, size_t width) {
  U32 out;
  out.reserve(text.size() + text.size() / 20);
  size_t pos = 0;
  while (true) {
    size_t nl = text.find(U'\n', pos);
    size_t end = nl == U32::npos ? text.size() : nl;
    out += wrap_line(text.substr(pos, end - pos), width);
    if (nl == U32::npos) break;
    out.push_back(U'\n');
    pos = nl + 1;
  }
  return out;
}

std::string to_crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::vector<Kind> all_kinds() {
  return {Kind::kStripAllDiacritics, Kind::kStripSomeDiacritics, Kind::kConfuseDiacritics,
          Kind::kUHorn,              Kind::kNfd,                  Kind::kOldTonePlacement,
          Kind::kTcvn3Bytes,         Kind::kVniBytes,             Kind::kFontMappedTcvn3,
          Kind::kWindows1258,        Kind::kHardWrap,             Kind::kCrlf,
          Kind::kUtf16Bom};
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kStripAllDiacritics: return "strip-all";
    case Kind::kStripSomeDiacritics: return "strip-some";
    case Kind::kConfuseDiacritics: return "confuse";
    case Kind::kUHorn: return "u-horn";
    case Kind::kNfd: return "nfd";
    case Kind::kOldTonePlacement: return "old-tones";
    case Kind::kTcvn3Bytes: return "tcvn3";
    case Kind::kVniBytes: return "vni";
    case Kind::kFontMappedTcvn3: return "font-mapped-tcvn3";
    case Kind::kWindows1258: return "cp1258";
    case Kind::kHardWrap: return "hard-wrap";
    case Kind::kCrlf: return "crlf";
    case Kind::kUtf16Bom: return "utf16";
  }
  return "unknown";
}

std::string apply_damage(Kind kind, const std::string& clean_utf8, uint32_t seed) {
  Rng rng = make_rng(kind, seed);
  switch (kind) {
    case Kind::kStripAllDiacritics:
      return to_u8(map_words(to_u32(clean_utf8), [](const U32& w) { return strip_word(w); }));
    case Kind::kStripSomeDiacritics:
      return to_u8(map_words(to_u32(clean_utf8), [&rng](const U32& w) {
        return rng.chance_percent(30) ? strip_word(w) : w;
      }));
    case Kind::kConfuseDiacritics:
      return to_u8(map_words(to_u32(clean_utf8), [&rng](const U32& w) {
        return rng.chance_percent(10) ? confuse_word(w, rng) : w;
      }));
    case Kind::kUHorn: {
      U32 text = to_u32(clean_utf8);
      for (char32_t& c : text) {
        if (c == 0x01B0) c = 0x01A3;
        if (c == 0x01AF) c = 0x01A2;
      }
      return to_u8(text);
    }
    case Kind::kNfd:
      return to_u8(nfd(to_u32(clean_utf8)));
    case Kind::kOldTonePlacement:
      return to_u8(map_words(to_u32(clean_utf8), [](const U32& w) { return old_tone_word(w); }));
    case Kind::kTcvn3Bytes:
      return iconv_from_utf8(to_u8(prepare_legacy(clean_utf8, true)), "TCVN5712-1");
    case Kind::kVniBytes:
      return encode_vni(clean_utf8);
    case Kind::kFontMappedTcvn3:
      return encode_font_mapped(clean_utf8);
    case Kind::kWindows1258:
      return encode_cp1258(clean_utf8);
    case Kind::kHardWrap:
      return to_u8(hard_wrap(to_u32(clean_utf8), 70 + rng.below(21)));
    case Kind::kCrlf:
      return to_crlf(clean_utf8);
    case Kind::kUtf16Bom:
      return encode_utf16le_bom(clean_utf8);
  }
  throw std::invalid_argument("unknown damage kind");
}

}  // namespace chitieu::damage
