// Tests of the damage generator itself (tests/support/damage.h): every kind on
// every corpus document. The decoders used here are independent of the
// generator: glibc iconv for TCVN5712-1 and CP1252, ICU converters for
// windows-1258 and UTF-16LE, an ICU transliterator for diacritic folding, and a
// separate reader of data/vni.tsv for VNI.
#include "support/damage.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace chitieu::damage {
namespace {

namespace fs = std::filesystem;
using U32 = std::u32string;

// ---------------------------------------------------------------------------
// Corpus and text helpers.

struct Doc {
  std::string name;
  std::string text;
};

const std::vector<Doc>& corpus() {
  static const std::vector<Doc> docs = [] {
    std::vector<Doc> out;
    fs::path dir = fs::path(CHITIEU_SOURCE_DIR) / "corpus";
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back({entry.path().filename().string(), ss.str()});
    }
    std::sort(out.begin(), out.end(), [](const Doc& a, const Doc& b) { return a.name < b.name; });
    return out;
  }();
  return docs;
}

U32 u32(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  U32 out(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode err = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), err);
  return out;
}

std::string u8(const U32& s) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                static_cast<int32_t>(s.size()))
      .toUTF8String(out);
  return out;
}

std::string u8(char32_t c) { return u8(U32(1, c)); }

bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

const icu::Normalizer2& nfc_norm() {
  UErrorCode err = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(err);
}
const icu::Normalizer2& nfd_norm() {
  UErrorCode err = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFDInstance(err);
}

std::string normalize(const icu::Normalizer2& n, const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out;
  n.normalize(icu::UnicodeString::fromUTF8(s), err).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(err));
  return out;
}
std::string nfc(const std::string& s) { return normalize(nfc_norm(), s); }
std::string nfd(const std::string& s) { return normalize(nfd_norm(), s); }

size_t count_cp(const std::string& s, char32_t c) {
  U32 t = u32(s);
  return static_cast<size_t>(std::count(t.begin(), t.end(), c));
}

std::string replace_cp(const std::string& s, char32_t from, char32_t to) {
  U32 t = u32(s);
  std::replace(t.begin(), t.end(), from, to);
  return u8(t);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// Strict glibc iconv: false on any byte it cannot convert.
bool iconv_strict(const std::string& in, const char* from, const char* to, std::string* out) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string buf(in.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = buf.data();
  size_t dst_left = buf.size();
  bool ok = iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<size_t>(-1) &&
            iconv(cd, nullptr, nullptr, &dst, &dst_left) != static_cast<size_t>(-1);
  iconv_close(cd);
  buf.resize(buf.size() - dst_left);
  *out = buf;
  return ok && src_left == 0;
}

std::string icu_decode(const std::string& bytes, const char* charset) {
  std::string out;
  icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), charset).toUTF8String(out);
  return out;
}

// ASCII digits in order.
std::string digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// Number expressions: digits joined by . , / - (between digits) and a trailing %.
std::vector<std::string> numeric_runs(const std::string& s) {
  std::vector<std::string> out;
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  size_t i = 0;
  while (i < s.size()) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (true) {
      while (digit(j)) ++j;
      if (j + 1 < s.size() && std::string_view(".,/-").find(s[j]) != std::string_view::npos &&
          digit(j + 1)) {
        ++j;
        continue;
      }
      break;
    }
    if (j < s.size() && s[j] == '%') ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "" when equal, otherwise where the two sequences part.
std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::ostringstream out;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) {
      out << "#" << i << ": '" << a[i] << "' vs '" << b[i] << "'";
      return out.str();
    }
  }
  if (a.size() != b.size()) out << "lengths " << a.size() << " vs " << b.size();
  return out.str();
}

std::string first_difference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t from = i < 40 ? 0 : i - 40;
  return "at byte " + std::to_string(i) + ": '" + a.substr(from, 80) + "' vs '" +
         b.substr(from, 80) + "'";
}

bool is_mark(char32_t c) {
  return u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// Words: maximal runs of letters and combining marks (digits are not letters).
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  U32 t = u32(s);
  size_t i = 0;
  while (i < t.size()) {
    if (!(u_isalpha(static_cast<UChar32>(t[i])) || is_mark(t[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && (u_isalpha(static_cast<UChar32>(t[j])) || is_mark(t[j]))) ++j;
    out.push_back(u8(t.substr(i, j - i)));
    i = j;
  }
  return out;
}

// Diacritic folding with an ICU transliterator (independent of the generator).
std::string fold(const std::string& s) {
  static std::unique_ptr<icu::Transliterator> tr = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, err));
    EXPECT_TRUE(U_SUCCESS(err));
    return t;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  tr->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  out = replace_cp(out, 0x0111, U'd');
  out = replace_cp(out, 0x0110, U'D');
  out = replace_cp(out, 0x01A3, U'u');
  return replace_cp(out, 0x01A2, U'U');
}

bool is_tone(char32_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// The word without tone marks but with its vowel-quality marks (ấ → â).
std::string remove_tones(const std::string& w) {
  U32 d = u32(nfd(w));
  d.erase(std::remove_if(d.begin(), d.end(), is_tone), d.end());
  return nfc(u8(d));
}

// (index of the base letter carrying the tone, tone mark, number of base letters).
struct TonePos {
  int letter = -1;
  char32_t tone = 0;
  int letters = 0;
};
TonePos tone_position(const std::string& w) {
  TonePos p;
  for (char32_t c : u32(nfd(w))) {
    if (!is_mark(c)) {
      ++p.letters;
    } else if (is_tone(c)) {
      p.letter = p.letters - 1;
      p.tone = c;
    }
  }
  return p;
}

std::string lower(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// ---------------------------------------------------------------------------
// What a legacy round trip may change, and nothing else (documented in damage.h):
// NFC; ƣ Ƣ → ư Ư (no legacy encoding has them); for raw TCVN3 bytes also the
// Windows punctuation → ASCII (“ ” → ", ‘ ’ → ', – — → -, … → ...).
std::string legacy_expected(const std::string& clean, bool ascii_punctuation) {
  std::string s = nfc(replace_cp(replace_cp(clean, 0x01A3, 0x01B0), 0x01A2, 0x01AF));
  if (!ascii_punctuation) return s;
  for (const char* q : {"\u201C", "\u201D", "\u201E"}) s = replace_all(s, q, "\"");
  for (const char* q : {"\u2018", "\u2019"}) s = replace_all(s, q, "'");
  for (const char* q : {"\u2013", "\u2014"}) s = replace_all(s, q, "-");
  return replace_all(s, "\u2026", "...");
}

// The 134 non-ASCII Vietnamese letters, built from vowels × tones.
std::vector<std::string> vietnamese_letters() {
  std::vector<std::string> out;
  for (const char* v : {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "A", "Ă", "Â",
                        "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Y"}) {
    for (const char* t : {"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}) {
      std::string c = nfc(std::string(v) + t);
      if (static_cast<unsigned char>(c[0]) >= 0x80) out.push_back(c);
    }
  }
  out.push_back("đ");
  out.push_back("Đ");
  return out;
}

// data/vni.tsv read independently of the generator: bytes → letter.
const std::map<std::string, std::string>& vni_decode_table() {
  static const std::map<std::string, std::string> table = [] {
    std::map<std::string, std::string> t;
    std::ifstream in(std::string(CHITIEU_SOURCE_DIR) + "/data/vni.tsv");
    EXPECT_TRUE(in.good()) << "data/vni.tsv";
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      std::istringstream hex(line.substr(tab + 1));
      std::string bytes;
      unsigned v;
      while (hex >> std::hex >> v) bytes.push_back(static_cast<char>(v));
      EXPECT_TRUE(t.emplace(bytes, line.substr(0, tab)).second) << "duplicate bytes: " << line;
    }
    return t;
  }();
  return table;
}

// Reverse VNI: a two-byte letter, else a one-byte letter, else ASCII, else a
// Windows-1252 punctuation byte (0x80–0xBF). Anything else is an error.
bool decode_vni(const std::string& bytes, std::string* out) {
  const auto& table = vni_decode_table();
  out->clear();
  bool ok = true;
  for (size_t i = 0; i < bytes.size();) {
    if (i + 1 < bytes.size()) {
      if (auto it = table.find(bytes.substr(i, 2)); it != table.end()) {
        *out += it->second;
        i += 2;
        continue;
      }
    }
    if (auto it = table.find(bytes.substr(i, 1)); it != table.end()) {
      *out += it->second;
    } else if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      out->push_back(bytes[i]);
    } else if (static_cast<unsigned char>(bytes[i]) < 0xC0) {
      *out += icu_decode(bytes.substr(i, 1), "windows-1252");
    } else {
      *out += "\uFFFD";
      ok = false;
    }
    ++i;
  }
  return ok;
}

// Damaged bytes → Unicode text (UTF-8), by the decoder an archivist would use.
std::string decoded_text(Kind kind, const std::string& damaged) {
  std::string out;
  switch (kind) {
    case Kind::kTcvn3Bytes:
      EXPECT_TRUE(iconv_strict(damaged, "TCVN5712-1", "UTF-8", &out));
      return out;
    case Kind::kVniBytes:
      EXPECT_TRUE(decode_vni(damaged, &out));
      return out;
    case Kind::kWindows1258:
      return icu_decode(damaged, "windows-1258");
    case Kind::kUtf16Bom:
      EXPECT_EQ(damaged.substr(0, 2), "\xFF\xFE");
      return icu_decode(damaged.substr(2), "UTF-16LE");
    default:
      return damaged;
  }
}

constexpr uint32_t kSeeds[] = {1, 42, 20250101};

#define FOR_EACH_DOC(doc)                              \
  ASSERT_GE(corpus().size(), 5u) << "corpus/*.txt"; \
  for (const Doc& doc : corpus())

// ---------------------------------------------------------------------------

TEST(Damage, KindsAndNames) {
  std::vector<std::string> names;
  for (Kind k : all_kinds()) names.push_back(kind_name(k));
  EXPECT_EQ(names, (std::vector<std::string>{"strip-all", "strip-some", "confuse", "u-horn", "nfd",
                                             "old-tones", "tcvn3", "vni", "font-mapped-tcvn3",
                                             "cp1258", "hard-wrap", "crlf", "utf16"}));
}

TEST(Damage, DigitsPreservedInOrderForEveryKind) {
  FOR_EACH_DOC(doc) {
    const std::string want_digits = digits(doc.text);
    const std::vector<std::string> want_runs = numeric_runs(doc.text);
    ASSERT_GT(want_runs.size(), 20u) << doc.name;
    for (Kind kind : all_kinds()) {
      for (uint32_t seed : kSeeds) {
        SCOPED_TRACE(doc.name + " " + kind_name(kind) + " seed " + std::to_string(seed));
        std::string text = decoded_text(kind, apply_damage(kind, doc.text, seed));
        EXPECT_EQ(digits(text), want_digits);
        EXPECT_EQ(first_difference(numeric_runs(text), want_runs), "");
      }
    }
  }
}

TEST(Damage, Tcvn3DecodesBackWithIconv) {
  // Known answer: glibc TCVN5712-1 bytes, one byte per letter.
  EXPECT_EQ(apply_damage(Kind::kTcvn3Bytes, "Phấn đấu tăng trưởng 10,5%/năm, “Đại hội” – Ủy ban…", 1),
            "Ph\xCAn \xAE\xCAu t\xA8ng tr\xAD\xEBng 10,5%/n\xA8m, \"\xA7\xB9i h\xE9i\" - \x9Ey ban...");
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string bytes = apply_damage(Kind::kTcvn3Bytes, doc.text, 1);
    EXPECT_NE(bytes.find('\xAD'), std::string::npos) << "ư is byte 0xAD";
    EXPECT_FALSE(valid_utf8(bytes));
    std::string back;
    ASSERT_TRUE(iconv_strict(bytes, "TCVN5712-1", "UTF-8", &back));
    EXPECT_EQ(first_difference(nfc(back), legacy_expected(doc.text, true)), "");
  }
}

// What glibc's TCVN5712-1 does, which the generator relies on (see damage.cc).
TEST(Damage, GlibcTcvn5712Facts) {
  std::string out;
  // The decoder composes a base letter and a following combining tone byte
  // (0xB0–0xB4) into the precomposed letter: "a" 0xB3 → U+00E1, not a + U+0301.
  ASSERT_TRUE(iconv_strict("a\xB3", "TCVN5712-1", "UTF-8", &out));
  EXPECT_EQ(out, "\u00E1");
  // A tone byte that cannot be composed stays a combining mark.
  ASSERT_TRUE(iconv_strict(" \xB3", "TCVN5712-1", "UTF-8", &out));
  EXPECT_EQ(out, " \u0301");
  // The encoder needs NFC: it rejects a decomposed circumflex.
  EXPECT_FALSE(iconv_strict("e\u0302\u0301", "UTF-8", "TCVN5712-1", &out));
  // Upper-case toned vowels are in the VN1 extension: C0 controls and 0x80–0x9F.
  ASSERT_TRUE(iconv_strict("ÚỦ", "UTF-8", "TCVN5712-1", &out));
  EXPECT_EQ(out, "\x01\x9E");
  // No byte for Windows punctuation or ƣ.
  EXPECT_FALSE(iconv_strict("“", "UTF-8", "TCVN5712-1", &out));
  EXPECT_FALSE(iconv_strict("ƣ", "UTF-8", "TCVN5712-1", &out));
}

TEST(Damage, Cp1258DecodesBackWithIcu) {
  // Every tone is a combining byte after its base: ấ → â + 0xEC, á → a + 0xEC.
  EXPECT_EQ(apply_damage(Kind::kWindows1258, "ấ á đ ư ở ự Ý “x” – 2030", 1),
            "\xE2\xEC a\xEC \xF0 \xFD \xF5\xD2 \xFD\xF2 Y\xEC \x93x\x94 \x96 2030");
  const std::string precomposed_toned = "\xC0\xC1\xC8\xC9\xCD\xD3\xD9\xDA\xE0\xE1\xE8\xE9\xED\xF3\xF9\xFA";
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string bytes = apply_damage(Kind::kWindows1258, doc.text, 1);
    EXPECT_EQ(bytes.find_first_of(precomposed_toned), std::string::npos);
    EXPECT_NE(bytes.find('\xEC'), std::string::npos);
    std::string back = icu_decode(bytes, "windows-1258");
    UErrorCode err = U_ZERO_ERROR;
    EXPECT_FALSE(nfc_norm().isNormalized(icu::UnicodeString::fromUTF8(back), err))
        << "ICU decodes CP1258 to decomposed text";
    EXPECT_EQ(first_difference(nfc(back), legacy_expected(doc.text, false)), "");
  }
}

TEST(Damage, VniTableCoversEveryLetter) {
  const auto& table = vni_decode_table();
  EXPECT_EQ(table.size(), 134u);
  std::set<std::string> letters;
  for (const auto& [bytes, letter] : table) {
    letters.insert(letter);
    EXPECT_EQ(letter, nfc(letter));
    EXPECT_TRUE(bytes.size() == 1 || bytes.size() == 2) << letter;
    for (char b : bytes.substr(bytes.size() == 2 ? 1 : 0)) {
      EXPECT_GE(static_cast<unsigned char>(b), 0xC0) << letter << ": mark bytes are 0xC0–0xFF";
    }
  }
  for (const std::string& c : vietnamese_letters()) EXPECT_EQ(letters.count(c), 1u) << c;
}

TEST(Damage, VniDecodesBackWithTable) {
  // Known answers: how VNI-Windows text is seen when read as Latin-1.
  EXPECT_EQ(apply_damage(Kind::kVniBytes, "Việt Nam", 1), "Vie\xE4t Nam");
  EXPECT_EQ(apply_damage(Kind::kVniBytes, "Độc lập - Tự do - Hạnh phúc", 1),
            "\xD1o\xE4" "c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9" "c");
  EXPECT_EQ(apply_damage(Kind::kVniBytes, "Cộng hòa xã hội chủ nghĩa", 1),
            "Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a");
  EXPECT_EQ(apply_damage(Kind::kVniBytes, "người tỉnh bằng năm, CỘNG HÒA TỈNH", 1),
            "ng\xF6\xF4\xF8i t\xE6nh ba\xE8ng na\xEAm, CO\xC4NG HO\xD8""A T\xC6NH");
  EXPECT_EQ(apply_damage(Kind::kVniBytes, "“3 không” – trƣởng", 1),
            "\x93" "3 kho\xE2ng\x94 \x96 tr\xF6\xF4\xFBng");
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string bytes = apply_damage(Kind::kVniBytes, doc.text, 1);
    std::string back;
    EXPECT_TRUE(decode_vni(bytes, &back));
    EXPECT_EQ(first_difference(back, legacy_expected(doc.text, false)), "");
  }
}

// Expected text after repairing font-mapped TCVN3: as legacy_expected, except that
// upper-case toned vowels come back lower case (ABC fonts have no code for them;
// see damage.cc). Ă Â Ê Ô Ơ Ư Đ have codes and keep their case.
std::string font_mapped_expected(const std::string& clean) {
  U32 t = u32(legacy_expected(clean, false));
  const U32 keep = U"ĂÂÊÔƠƯĐ";
  for (char32_t& c : t) {
    if (c >= 0x80 && u_isupper(static_cast<UChar32>(c)) && keep.find(c) == U32::npos) {
      c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    }
  }
  return u8(t);
}

// The repair from FIELD_NOTES: encode as CP1252, decode as TCVN5712-1 — applied
// to the runs of U+0000–U+00FF; other code points (Unicode punctuation) pass.
bool repair_font_mapped(const std::string& text, std::string* out) {
  out->clear();
  U32 t = u32(text);
  size_t i = 0;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && t[j] <= 0xFF) ++j;
    if (j > i) {
      std::string cp1252, utf8;
      if (!iconv_strict(u8(t.substr(i, j - i)), "UTF-8", "CP1252", &cp1252) ||
          !iconv_strict(cp1252, "TCVN5712-1", "UTF-8", &utf8)) {
        return false;
      }
      *out += utf8;
    }
    while (j < t.size() && t[j] > 0xFF) *out += u8(t[j++]);
    i = j;
  }
  *out = nfc(*out);
  return true;
}

TEST(Damage, FontMappedTcvn3) {
  EXPECT_EQ(apply_damage(Kind::kFontMappedTcvn3, "Ninh Bình", 1), "Ninh B×nh");
  EXPECT_EQ(apply_damage(Kind::kFontMappedTcvn3, "tăng trưởng", 1), "t¨ng tr\u00ADëng");
  EXPECT_EQ(apply_damage(Kind::kFontMappedTcvn3, "Nghị quyết “2 con số”", 1),
            "NghÞ quyÕt “2 con sè”");
  EXPECT_EQ(apply_damage(Kind::kFontMappedTcvn3, "CỘNG HÒA Ư Đ QUYẾT", 1), "CéNG HßA ¦ § QUYÕT");
  // The ABC (TCVN3 "VN3") code set: bytes of the lower-case letters and of
  // Ă Â Ê Ô Ơ Ư Đ, read as Windows-1252 (= Latin-1 in 0xA1–0xFE).
  std::set<char32_t> abc;
  for (const std::string& letter : vietnamese_letters()) {
    if (u_isupper(u32(letter)[0]) && U32(U"ĂÂÊÔƠƯĐ").find(u32(letter)[0]) == U32::npos) continue;
    std::string byte;
    ASSERT_TRUE(iconv_strict(letter, "UTF-8", "TCVN5712-1", &byte));
    ASSERT_EQ(byte.size(), 1u);
    abc.insert(static_cast<unsigned char>(byte[0]));
  }
  EXPECT_EQ(abc.size(), 74u);
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kFontMappedTcvn3, doc.text, 1);
    ASSERT_TRUE(valid_utf8(out));
    EXPECT_TRUE(out.find("×") != std::string::npos || out.find("¨") != std::string::npos);
    // Every ư (and the PDF stand-in ƣ) becomes U+00AD SOFT HYPHEN, none is lost.
    std::string clean_nfc = nfc(doc.text);
    EXPECT_EQ(count_cp(out, 0x00AD), count_cp(clean_nfc, 0x01B0) + count_cp(clean_nfc, 0x01A3));
    for (char32_t c : u32(out)) {
      EXPECT_FALSE(c >= 0x80 && c <= 0xFF && !abc.count(c)) << "not an ABC code: " << u8(c);
      EXPECT_FALSE(c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') << "control U+" << static_cast<uint32_t>(c);
      EXPECT_FALSE(c >= 0x0100 && u_isalpha(static_cast<UChar32>(c))) << u8(c);
    }
    std::string repaired;
    ASSERT_TRUE(repair_font_mapped(out, &repaired));
    EXPECT_EQ(first_difference(repaired, font_mapped_expected(doc.text)), "");
  }
}

TEST(Damage, Utf16LeWithBom) {
  EXPECT_EQ(apply_damage(Kind::kUtf16Bom, "ư 5%", 1), std::string("\xFF\xFE\xB0\x01 \x00" "5\x00%\x00", 10));
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kUtf16Bom, doc.text, 1);
    ASSERT_GE(out.size(), 2u);
    EXPECT_EQ(out.substr(0, 2), "\xFF\xFE");
    EXPECT_EQ(out.size() % 2, 0u);
    EXPECT_NE(out.substr(2, 2), "\xFF\xFE") << "one BOM only";
    EXPECT_EQ(first_difference(icu_decode(out.substr(2), "UTF-16LE"), doc.text), "");
  }
}

TEST(Damage, StripAllLeavesNoLetterAboveAscii) {
  EXPECT_EQ(apply_damage(Kind::kStripAllDiacritics,
                         "Phấn đấu đến năm 2030, ĐẠI HỘI “trƣởng” – 19 bác sỹ/vạn dân", 1),
            "Phan dau den nam 2030, DAI HOI “truong” – 19 bac sy/van dan");
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kStripAllDiacritics, doc.text, 1);
    std::set<char32_t> input_cps;
    for (char32_t c : u32(doc.text)) input_cps.insert(c);
    for (char32_t c : u32(out)) {
      if (c < 0x80) continue;
      EXPECT_FALSE(u_isalpha(static_cast<UChar32>(c)) || is_mark(c)) << "letter " << u8(c);
      EXPECT_TRUE(input_cps.count(c)) << u8(c) << " was not in the input";
    }
    EXPECT_EQ(first_difference(out, fold(doc.text)), "");
  }
}

TEST(Damage, StripSomeStripsAboutThirtyPercentOfWords) {
  FOR_EACH_DOC(doc) {
    for (uint32_t seed : kSeeds) {
      SCOPED_TRACE(doc.name + " seed " + std::to_string(seed));
      std::string out = apply_damage(Kind::kStripSomeDiacritics, doc.text, seed);
      std::vector<std::string> before = words(doc.text), after = words(out);
      ASSERT_EQ(before.size(), after.size());
      size_t marked = 0, stripped = 0;
      for (size_t i = 0; i < before.size(); ++i) {
        if (before[i] == after[i]) {
          if (fold(before[i]) != before[i]) ++marked;
          continue;
        }
        EXPECT_EQ(after[i], fold(before[i])) << "a changed word is stripped completely";
        ++marked;
        ++stripped;
      }
      ASSERT_GT(marked, 1000u);
      double share = static_cast<double>(stripped) / static_cast<double>(marked);
      EXPECT_GT(share, 0.25);
      EXPECT_LT(share, 0.35);
      // Non-word text (digits, punctuation, spaces) is untouched.
      EXPECT_EQ(fold(out), fold(doc.text));
    }
  }
}

TEST(Damage, ConfuseSwapsTonesOnAboutTenPercentOfWords) {
  FOR_EACH_DOC(doc) {
    for (uint32_t seed : kSeeds) {
      SCOPED_TRACE(doc.name + " seed " + std::to_string(seed));
      std::string out = apply_damage(Kind::kConfuseDiacritics, doc.text, seed);
      std::vector<std::string> before = words(doc.text), after = words(out);
      ASSERT_EQ(before.size(), after.size());
      size_t changed = 0, tone_only = 0;
      for (size_t i = 0; i < before.size(); ++i) {
        if (before[i] == after[i]) continue;
        ++changed;
        EXPECT_EQ(fold(after[i]), fold(before[i])) << before[i] << " → " << after[i];
        if (remove_tones(after[i]) == remove_tones(before[i])) {
          ++tone_only;
          TonePos a = tone_position(before[i]), b = tone_position(after[i]);
          EXPECT_NE(a.tone, b.tone) << before[i] << " → " << after[i];
          EXPECT_NE(b.tone, 0u) << before[i] << " → " << after[i];
        }
      }
      double share = static_cast<double>(changed) / static_cast<double>(before.size());
      EXPECT_GT(share, 0.06);
      EXPECT_LT(share, 0.12);
      // Vowel-quality marks (â ê ô ơ ư ă) are mostly kept.
      EXPECT_GT(static_cast<double>(tone_only), 0.8 * static_cast<double>(changed));
      EXPECT_LT(tone_only, changed) << "some circumflex confusions (vạn → vận) are expected";
      EXPECT_EQ(fold(out), fold(doc.text));
    }
  }
}

TEST(Damage, UHornReplacesEveryUHorn) {
  EXPECT_EQ(apply_damage(Kind::kUHorn, "Ưu tiên tăng trưởng, người ứng", 1),
            "Ƣu tiên tăng trƣởng, ngƣời ứng");
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kUHorn, doc.text, 1);
    EXPECT_EQ(count_cp(out, 0x01B0) + count_cp(out, 0x01AF), 0u);
    EXPECT_EQ(count_cp(out, 0x01A3), count_cp(doc.text, 0x01B0) + count_cp(doc.text, 0x01A3));
    EXPECT_GT(count_cp(out, 0x01A3), 100u);
    auto unhorn = [](const std::string& s) {
      return replace_cp(replace_cp(s, 0x01A3, 0x01B0), 0x01A2, 0x01AF);
    };
    EXPECT_EQ(first_difference(unhorn(out), unhorn(doc.text)), "");
  }
}

TEST(Damage, NfdIsCanonicalDecomposition) {
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kNfd, doc.text, 1);
    UErrorCode err = U_ZERO_ERROR;
    EXPECT_TRUE(nfd_norm().isNormalized(icu::UnicodeString::fromUTF8(out), err));
    EXPECT_GT(count_cp(out, 0x0301), 100u);
    EXPECT_EQ(first_difference(nfc(out), nfc(doc.text)), "");
  }
}

TEST(Damage, OldTonePlacement) {
  EXPECT_EQ(apply_damage(Kind::kOldTonePlacement,
                         "văn hóa, Hòa bình, thủy lợi, khỏe mạnh, tùy theo, HÓA, sĩ úy; 717.000 tỷ "
                         "đồng; toàn, quý, quả, hoàn, thuở, khoa",
                         1),
            "văn hoá, Hoà bình, thuỷ lợi, khoẻ mạnh, tuỳ theo, HOÁ, sĩ uý; 717.000 tỉ "
            "đồng; toàn, quý, quả, hoàn, thuở, khoa");
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kOldTonePlacement, doc.text, 1);
    std::vector<std::string> before = words(doc.text), after = words(out);
    ASSERT_EQ(before.size(), after.size());
    size_t changed = 0;
    for (size_t i = 0; i < before.size(); ++i) {
      if (before[i] == after[i]) continue;
      ++changed;
      std::string f = lower(fold(before[i]));
      if (f == "ty") {
        EXPECT_EQ(lower(after[i]), "tỉ") << before[i];
        continue;
      }
      EXPECT_EQ(fold(after[i]), fold(before[i]));
      ASSERT_GE(f.size(), 2u);
      std::string tail = f.substr(f.size() - 2);
      EXPECT_TRUE(tail == "oa" || tail == "oe" || tail == "uy") << before[i];
      TonePos a = tone_position(before[i]), b = tone_position(after[i]);
      EXPECT_EQ(a.tone, b.tone);
      EXPECT_EQ(a.letter, a.letters - 2) << before[i];
      EXPECT_EQ(b.letter, b.letters - 1) << after[i];
    }
    EXPECT_GT(changed, 0u);
    for (const std::string& w : after) {
      std::string l = lower(w);
      EXPECT_TRUE(l != "hóa" && l != "hòa" && l != "thủy" && l != "khỏe" && l != "tùy" && l != "tỷ")
          << w;
    }
    EXPECT_EQ(digits(out), digits(doc.text));
  }
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(s);
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string without_whitespace(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

TEST(Damage, HardWrapKeepsLinesWithinNinetyColumns) {
  static const RE2 kRange(R"((\d[\d.,/%]*\s+[-–]\s+\d[\d.,/%]*))");
  auto ranges = [](const std::string& s) {
    std::multiset<std::string> out;
    re2::StringPiece in(s);
    std::string m;
    while (RE2::FindAndConsume(&in, kRange, &m)) out.insert(m);
    return out;
  };
  size_t wrapped_docs = 0;
  FOR_EACH_DOC(doc) {
    for (uint32_t seed : kSeeds) {
      SCOPED_TRACE(doc.name + " seed " + std::to_string(seed));
      std::string out = apply_damage(Kind::kHardWrap, doc.text, seed);
      std::vector<std::string> in_lines = split_lines(doc.text), out_lines = split_lines(out);
      size_t longest = 0;
      for (const std::string& line : out_lines) {
        size_t cps = u32(line).size();
        longest = std::max(longest, cps);
        if (cps <= 90) continue;
        std::string body = line.substr(line.find_first_not_of(" \t"));
        EXPECT_EQ(body.find(' '), std::string::npos) << "line of " << cps << ": " << line;
      }
      EXPECT_GE(longest, 60u) << "pieces use most of the width";
      // Every line over 90 columns (trailing spaces aside) is wrapped: at least
      // one more piece and a blank line before it.
      auto trimmed_size = [](const std::string& line) {
        size_t end = line.find_last_not_of(" \t");
        return end == std::string::npos ? 0 : u32(line.substr(0, end + 1)).size();
      };
      size_t over_90 = 0;
      std::string first_long;
      for (const std::string& line : in_lines) {
        if (trimmed_size(line) <= 90) continue;
        ++over_90;
        if (first_long.empty() && line.find(' ', 30) != std::string::npos) first_long = line;
      }
      EXPECT_GE(out_lines.size(), in_lines.size() + 2 * over_90) << "long lines are wrapped";
      wrapped_docs += over_90 > 0;
      // Only whitespace changes; short lines stay as they are.
      EXPECT_EQ(without_whitespace(out), without_whitespace(doc.text));
      std::multiset<std::string> out_set(out_lines.begin(), out_lines.end());
      for (const std::string& line : in_lines) {
        if (u32(line).size() <= 70) {
          EXPECT_TRUE(out_set.count(line)) << line;
        }
      }
      if (!first_long.empty()) {
        std::string head = first_long.substr(0, 30);
        size_t at = out.find(head);
        ASSERT_NE(at, std::string::npos);
        size_t nl = out.find('\n', at);
        ASSERT_NE(nl, std::string::npos);
        EXPECT_EQ(out.substr(nl, 2), "\n\n") << "blank line between pieces";
      }
      // Number expressions with spaces ("2025 - 2030", "9,5 - 10%") are not broken.
      EXPECT_EQ(ranges(out), ranges(doc.text));
    }
  }
  EXPECT_GE(wrapped_docs, 3 * std::size(kSeeds)) << "most documents have long lines";
}

TEST(Damage, HardWrapNeverBreaksANumberExpression) {
  // The only spaces near column 70 are inside "10 - 12%" or next to it.
  const std::string line = std::string(65, 'x') + " 10 - 12% " + std::string(30, 'y') + " tail";
  const std::string prose = "Phấn đấu đến năm 2030 tăng trưởng bình quân 10,5%/năm, 19 bác sỹ/vạn "
                            "dân, tỷ lệ đô thị hóa đạt khoảng 55 - 60% và thu nhập bình quân";
  std::set<size_t> widths;
  for (uint32_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    size_t widest = 0;
    for (const std::string& in : {line, prose}) {
      std::string out = apply_damage(Kind::kHardWrap, in, seed);
      std::vector<std::string> lines = split_lines(out);
      ASSERT_GE(lines.size(), 3u) << out;
      std::string joined;
      for (size_t i = 0; i < lines.size(); ++i) {
        widest = std::max(widest, u32(lines[i]).size());
        EXPECT_EQ(lines[i].empty(), i % 2 == 1) << "pieces alternate with blank lines:\n" << out;
        if (!lines[i].empty()) joined += (joined.empty() ? "" : " ") + lines[i];
      }
      EXPECT_EQ(joined, in);
    }
    for (const char* range : {"10 - 12%", "55 - 60%"}) {
      std::string out = apply_damage(Kind::kHardWrap, line + "\n" + prose, seed);
      EXPECT_NE(out.find(range), std::string::npos) << out;
    }
    EXPECT_LE(widest, 90u);
    EXPECT_GE(widest, 60u);
    widths.insert(widest);
  }
  EXPECT_GE(widths.size(), 3u) << "the width varies with the seed";
}

TEST(Damage, CrlfConvertsEveryLineEnd) {
  EXPECT_EQ(apply_damage(Kind::kCrlf, "a\nb\n\n5%\n", 1), "a\r\nb\r\n\r\n5%\r\n");
  FOR_EACH_DOC(doc) {
    SCOPED_TRACE(doc.name);
    std::string out = apply_damage(Kind::kCrlf, doc.text, 1);
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i] == '\n') {
        ASSERT_TRUE(i > 0 && out[i - 1] == '\r') << "bare LF at " << i;
      }
    }
    EXPECT_EQ(std::count(out.begin(), out.end(), '\r'), std::count(doc.text.begin(), doc.text.end(), '\n'));
    EXPECT_EQ(first_difference(replace_all(out, "\r\n", "\n"), doc.text), "");
  }
}

TEST(Damage, DeterministicPerSeed) {
  const std::set<Kind> random_kinds = {Kind::kStripSomeDiacritics, Kind::kConfuseDiacritics,
                                       Kind::kHardWrap};
  for (Kind kind : all_kinds()) {
    SCOPED_TRACE(kind_name(kind));
    size_t docs_differing = 0;
    FOR_EACH_DOC(doc) {
      std::string a = apply_damage(kind, doc.text, 7);
      EXPECT_EQ(a, apply_damage(kind, doc.text, 7)) << doc.name;
      std::set<std::string> variants;
      for (uint32_t seed : {1u, 2u, 3u, 4u, 5u}) variants.insert(apply_damage(kind, doc.text, seed));
      if (variants.size() > 1) ++docs_differing;
    }
    if (random_kinds.count(kind)) {
      EXPECT_EQ(docs_differing, corpus().size()) << "the seed changes the damage";
    } else {
      EXPECT_EQ(docs_differing, 0u) << "this kind does not depend on the seed";
    }
  }
}

}  // namespace
}  // namespace chitieu::damage
