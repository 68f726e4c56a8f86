#include "extractor/legacy_encoding.h"

#include "common/text.h"

#include <iconv.h>

#include <cerrno>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

namespace chitieu {
namespace {

// Text that was font-mapped shows Latin-1 letters and symbols Vietnamese does
// not use where its letters should be; below this share it is taken as is.
constexpr double kFontMappedShare = 0.005;

std::string nfc(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  std::string out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString r = n->normalize(u, err);
  if (U_FAILURE(err)) return utf8;
  r.toUTF8String(out);
  return out;
}

// Decodes `bytes` with an ICU converter; false when the converter is unknown.
bool icu_decode(const char* name, std::string_view bytes, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name, &err);
  if (U_FAILURE(err)) return false;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), cnv, err);
  ucnv_close(cnv);
  if (U_FAILURE(err)) return false;
  out->clear();
  u.toUTF8String(*out);
  return true;
}

// Windows-1252 reading of one byte (what a font-mapped file shows).
char32_t cp1252_char(uint8_t b) {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(256);
    for (int i = 0; i < 256; ++i) {
      std::string one(1, static_cast<char>(i)), utf8;
      t[i] = icu_decode("windows-1252", one, &utf8) && !utf8.empty() ? decode_utf8(utf8)[0]
                                                                       : static_cast<char32_t>(i);
    }
    return t;
  }();
  return table[b];
}

std::string cp1252_text(std::string_view bytes) {
  std::u32string u;
  u.reserve(bytes.size());
  for (unsigned char b : bytes) u.push_back(cp1252_char(b));
  return encode_utf8(u);
}

// glibc's iconv knows TCVN5712-1 (TCVN3/ABC); each byte decoded on its own.
std::u32string tcvn3_byte(uint8_t b) {
  iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::u32string(1, b);
  char in[1] = {static_cast<char>(b)};
  char out[16];
  char* ip = in;
  char* op = out;
  size_t il = 1, ol = sizeof out;
  size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv(cd, nullptr, nullptr, &op, &ol);  // flush a buffered base letter
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1) && op == out) return std::u32string(1, cp1252_char(b));
  return decode_utf8(std::string_view(out, op - out));
}

// Whole-buffer TCVN3 decoding with glibc's iconv (its TCVN5712-1 is the full
// VN1 table, capitals with tones included, which the ABC font range lacks).
bool tcvn3_decode(std::string_view bytes, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  std::string in(bytes);
  char* ip = in.data();
  size_t il = in.size();
  char buf[4096];
  while (il > 0) {
    char* op = buf;
    size_t ol = sizeof buf;
    size_t rc = iconv(cd, &ip, &il, &op, &ol);
    out->append(buf, op - buf);
    if (rc == static_cast<size_t>(-1) && errno != E2BIG) {
      out->append("\xEF\xBF\xBD");  // U+FFFD for a byte VN1 does not define
      ++ip;
      --il;
    }
  }
  char* op = buf;
  size_t ol = sizeof buf;
  iconv(cd, nullptr, nullptr, &op, &ol);
  out->append(buf, op - buf);
  iconv_close(cd);
  return true;
}

}  // namespace

struct FontMapBuilder {
  static FontMap tcvn3() {
    FontMap m;
    m.form_ = FontForm::kTcvn3;
    m.single_.resize(0x2200);
    // Only the ABC (VN3) range: 0x80-0x9F hold capitals in glibc's VN1 table,
    // but in font-mapped text those positions are Windows punctuation (“ ” – …).
    for (int b = 0xA0; b < 0x100; ++b) {
      char32_t shown = cp1252_char(static_cast<uint8_t>(b));
      std::u32string vn = tcvn3_byte(static_cast<uint8_t>(b));
      if (shown < m.single_.size() && vn != std::u32string(1, shown)) m.single_[shown] = vn;
    }
    return m;
  }
  static FontMap vni(const Lexicon& lex) {
    FontMap m;
    m.form_ = FontForm::kVni;
    for (const auto& [letter, bytes] : lex.vni) {
      std::u32string shown;
      for (unsigned char b : bytes) shown.push_back(cp1252_char(b));
      m.sequences_.push_back({shown, decode_utf8(letter)});
    }
    std::stable_sort(m.sequences_.begin(), m.sequences_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (size_t k = 0; k < m.sequences_.size(); ++k) m.by_first_[m.sequences_[k].first[0]].push_back(k);
    return m;
  }
};

const FontMap& FontMap::get(const Lexicon& lex, FontForm form) {
  // TCVN3 is defined by the converter alone; VNI by the lexicon's data/vni.tsv,
  // so its map is owned by that lexicon (built on first use).
  static const FontMap tcvn3 = FontMapBuilder::tcvn3();
  static const FontMap none;
  if (form == FontForm::kTcvn3) return tcvn3;
  if (form == FontForm::kVni) return lex.derived.get<FontMap>([&] { return FontMapBuilder::vni(lex); });
  return none;
}

size_t FontMap::map(const int32_t* cps, size_t n, size_t i, std::u32string* out) const {
  if (form_ == FontForm::kTcvn3) {
    int32_t c = cps[i];
    if (c >= 0 && static_cast<size_t>(c) < single_.size() && !single_[c].empty()) {
      out->append(single_[c]);
      return 1;
    }
    return 0;
  }
  auto candidates = by_first_.find(static_cast<char32_t>(cps[i]));
  if (candidates == by_first_.end()) return 0;
  for (size_t k : candidates->second) {
    const auto& [shown, letter] = sequences_[k];
    if (i + shown.size() > n) continue;
    bool match = true;
    for (size_t k = 0; k < shown.size() && match; ++k)
      match = static_cast<char32_t>(cps[i + k]) == shown[k];
    if (match) {
      out->append(letter);
      return shown.size();
    }
  }
  return 0;
}

double vietnamese_score(const Lexicon& lex, std::string_view utf8) {
  const auto& common = lex.common_syllables;
  size_t words = 0, hits = 0;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++words;
    hits += common.count(word);
    word.clear();
  };
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c > 0 && (u_isalpha(c) || u_getCombiningClass(c) != 0)) {
      append_utf8(u_tolower(c), &word);
    } else {
      flush();
    }
  }
  flush();
  return words == 0 ? 0 : static_cast<double>(hits) / words;
}

namespace {

std::string apply_font_map(const FontMap& fm, std::string_view utf8) {
  std::u32string in = decode_utf8(utf8), out;
  std::vector<int32_t> cps(in.begin(), in.end());
  for (size_t i = 0; i < cps.size();) {
    size_t k = fm.map(cps.data(), cps.size(), i, &out);
    if (k == 0) {
      out.push_back(in[i]);
      k = 1;
    }
    i += k;
  }
  return nfc(encode_utf8(out));
}

// Share of letters that are Latin-1 characters Vietnamese never uses (×, ¨,
// soft hyphen, ®, ö, ñ, ä…): the trace font-mapped TCVN3 and VNI leave. The
// Latin-1 vowels Vietnamese does use (à á â ã è é ê ì í ò ó ô õ ù ú ý) don't count.
double foreign_latin1_share(std::string_view utf8) {
  // Which of U+00A0..U+00FF Vietnamese writes (a table: most letters of a
  // Vietnamese text are non-ASCII, a fifth of them in this block).
  static const std::array<bool, 0x60> kVietnamese = [] {
    std::array<bool, 0x60> table{};
    for (char32_t c : std::u32string_view(U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")) table[c - 0xA0] = true;
    return table;
  }();
  size_t letters = 0, foreign = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t i = 0, n = static_cast<int32_t>(utf8.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c < 0x80) {  // ASCII: a letter or not, never Latin-1
      letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      continue;
    }
    bool latin1 = c >= 0xA0 && c <= 0xFF;
    if (latin1 && !kVietnamese[c - 0xA0]) ++foreign;
    // U+1EA0..U+1EF9 are Vietnamese letters: no need to ask ICU.
    if (latin1 || (c >= 0x1EA0 && c <= 0x1EF9) || u_isalpha(static_cast<UChar32>(c))) ++letters;
  }
  return letters == 0 ? 0 : static_cast<double>(foreign) / letters;
}

struct Candidate {
  std::string encoding;
  std::string unused;
  FontForm form;
  double score;
};

bool decode_utf16(std::string_view bytes, bool little, std::string* out) {
  return icu_decode(little ? "UTF-16LE" : "UTF-16BE", bytes, out);
}

bool is_valid_utf8(std::string_view bytes) {
  int32_t i = 0, n = static_cast<int32_t>(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < n) {
    if (i + 8 <= n) {  // runs of ASCII, eight bytes at a time
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

Status decoded(const std::string& encoding, std::string text, FontForm form, double confidence,
               DecodedText* out) {
  out->encoding = encoding;
  out->text = std::move(text);
  out->form = form;
  out->confidence = confidence;
  return Status::Ok();
}

// The encoding the user named with --encoding.
Status decode_forced(std::string_view bytes, const std::string& forced, bool valid_utf8,
                     DecodedText* out) {
  std::string text;
  if (forced == "utf-8" || forced == "utf-8+tcvn3-font" || forced == "utf-8+vni-font") {
    if (!valid_utf8) return Status::Error("not valid UTF-8 (--encoding " + forced + ")");
    std::string_view b = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
    FontForm form = forced == "utf-8+tcvn3-font" ? FontForm::kTcvn3
                    : forced == "utf-8+vni-font" ? FontForm::kVni
                                                 : FontForm::kUnicode;
    return decoded(forced, std::string(b), form, 1.0, out);
  }
  if (forced == "utf-16le" || forced == "utf-16be") {
    std::string_view b = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF"
                             ? bytes.substr(2) : bytes;
    if (!decode_utf16(b, forced == "utf-16le", &text)) return Status::Error("cannot decode " + forced);
    return decoded(forced, text, FontForm::kUnicode, 1.0, out);
  }
  if (forced == "tcvn3") {
    if (!tcvn3_decode(bytes, &text)) return Status::Error("cannot decode TCVN3");
    return decoded(forced, text, FontForm::kUnicode, 1.0, out);
  }
  if (forced == "vni") return decoded(forced, cp1252_text(bytes), FontForm::kVni, 1.0, out);
  if (forced == "windows-1258") {
    if (!icu_decode("windows-1258", bytes, &text)) return Status::Error("cannot decode windows-1258");
    return decoded(forced, text, FontForm::kUnicode, 1.0, out);
  }
  return Status::Error("unknown encoding '" + forced + "'");
}

// Byte order marks, and UTF-16 without one (every other byte NUL). Returns
// true when that decided the reading (`*st` then says how it went); a UTF-8
// mark is removed from `*bytes` and noted in `out->encoding`.
bool read_byte_order(std::string_view* bytes, bool valid_utf8, DecodedText* out, Status* st) {
  std::string text;
  if (bytes->substr(0, 3) == "\xEF\xBB\xBF" && valid_utf8) {
    bytes->remove_prefix(3);
    out->encoding = "utf-8-bom";
    return false;
  }
  if (bytes->substr(0, 2) == "\xFF\xFE" || bytes->substr(0, 2) == "\xFE\xFF") {
    bool little = (*bytes)[0] == '\xFF';
    *st = decode_utf16(bytes->substr(2), little, &text)
              ? decoded(little ? "utf-16le" : "utf-16be", text, FontForm::kUnicode, 1.0, out)
              : Status::Error("invalid UTF-16");
    return true;
  }
  size_t probe = std::min<size_t>(bytes->size(), 4096), even0 = 0, odd0 = 0;
  for (size_t i = 0; i < probe; ++i)
    if ((*bytes)[i] == '\0') (i % 2 ? odd0 : even0)++;
  if (odd0 + even0 == 0) return false;
  if (probe >= 4 && odd0 * 3 > probe / 2 && even0 * 20 < probe / 2 && decode_utf16(*bytes, true, &text)) {
    *st = decoded("utf-16le", text, FontForm::kUnicode, 0.9, out);
  } else if (probe >= 4 && even0 * 3 > probe / 2 && odd0 * 20 < probe / 2 &&
             decode_utf16(*bytes, false, &text)) {
    *st = decoded("utf-16be", text, FontForm::kUnicode, 0.9, out);
  } else {
    *st = Status::Error("binary content (NUL bytes)");
  }
  return true;
}

// The start of the document that candidates are scored on: enough text to tell
// encodings apart, and the cost of detection stays flat on long files. Valid
// UTF-8 is cut on a code point boundary.
std::string detection_sample(std::string_view bytes, bool valid_utf8) {
  constexpr size_t kSample = 64 << 10;
  std::string_view sample_bytes = bytes.substr(0, std::min(bytes.size(), kSample));
  if (valid_utf8) {
    while (!sample_bytes.empty() && is_utf8_continuation(sample_bytes.back()))
      sample_bytes.remove_suffix(1);
    if (!sample_bytes.empty() && static_cast<unsigned char>(sample_bytes.back()) >= 0xC0)
      sample_bytes.remove_suffix(1);
  }
  return std::string(sample_bytes);
}

// Each reading of `sample` that could be right, scored by vietnamese_score.
std::vector<Candidate> score_candidates(const Lexicon& lex, const std::string& sample, bool valid_utf8,
                                        const std::string& utf8_name) {
  std::vector<Candidate> candidates;
  if (valid_utf8) {
    candidates.push_back({utf8_name, "", FontForm::kUnicode, vietnamese_score(lex, nfc(sample))});
    candidates.push_back({"utf-8+tcvn3-font", "", FontForm::kTcvn3,
                          vietnamese_score(lex, apply_font_map(FontMap::get(lex, FontForm::kTcvn3), sample))});
    candidates.push_back({"utf-8+vni-font", "", FontForm::kVni,
                          vietnamese_score(lex, apply_font_map(FontMap::get(lex, FontForm::kVni), sample))});
    return candidates;
  }
  std::string shown = cp1252_text(sample), tcvn3;
  if (tcvn3_decode(sample, &tcvn3))
    candidates.push_back({"tcvn3", "", FontForm::kUnicode, vietnamese_score(lex, nfc(tcvn3))});
  candidates.push_back({"vni", "", FontForm::kVni,
                        vietnamese_score(lex, apply_font_map(FontMap::get(lex, FontForm::kVni), shown))});
  std::string w1258;
  if (icu_decode("windows-1258", sample, &w1258))
    candidates.push_back({"windows-1258", "", FontForm::kUnicode, vietnamese_score(lex, nfc(w1258))});
  return candidates;
}

// The whole document decoded the way the winning candidate read its start.
Status decode_as(const Candidate& best, std::string_view bytes, bool valid_utf8, std::string* raw) {
  if (valid_utf8) {
    raw->assign(bytes);
  } else if (best.encoding == "windows-1258") {
    if (!icu_decode("windows-1258", bytes, raw)) return Status::Error("cannot decode windows-1258");
  } else if (best.encoding == "tcvn3") {
    if (!tcvn3_decode(bytes, raw)) return Status::Error("cannot decode TCVN3");
  } else {
    *raw = cp1252_text(bytes);
  }
  return Status::Ok();
}

}  // namespace

FontForm font_form_of_encoding(const std::string& encoding) {
  if (encoding == "utf-8+tcvn3-font") return FontForm::kTcvn3;
  if (encoding == "utf-8+vni-font" || encoding == "vni") return FontForm::kVni;
  return FontForm::kUnicode;
}

const std::vector<std::string>& known_encodings() {
  static const std::vector<std::string> names = {
      "utf-8", "utf-16le", "utf-16be", "tcvn3", "vni", "windows-1258", "utf-8+tcvn3-font",
      "utf-8+vni-font"};
  return names;
}

Status decode_bytes(const Lexicon& lex, std::string_view bytes, const std::string& forced,
                    DecodedText* out) {
  *out = DecodedText();
  const bool valid_utf8 = is_valid_utf8(bytes);
  if (!forced.empty()) return decode_forced(bytes, forced, valid_utf8, out);
  Status st;
  if (read_byte_order(&bytes, valid_utf8, out, &st)) return st;

  const std::string sample = detection_sample(bytes, valid_utf8);
  const std::string utf8_name = out->encoding.empty() ? "utf-8" : out->encoding;
  if (valid_utf8 && foreign_latin1_share(sample) < kFontMappedShare)
    return decoded(utf8_name, std::string(bytes), FontForm::kUnicode, 1.0, out);
  std::vector<Candidate> candidates = score_candidates(lex, sample, valid_utf8, utf8_name);
  auto best = std::max_element(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
  double total = 0;
  for (const Candidate& c : candidates) total += c.score;
  if (!valid_utf8 && best->score < 0.02)
    return Status::Error("invalid UTF-8 and not readable as TCVN3, VNI or Windows-1258 "
                         "(give --encoding if you know it)");
  std::string raw;
  if (st = decode_as(*best, bytes, valid_utf8, &raw); !st.ok()) return st;
  return decoded(best->encoding, std::move(raw), best->form, total > 0 ? best->score / total : 0.0, out);
}

}  // namespace chitieu
