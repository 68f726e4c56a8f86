// Reading bytes that are not clean UTF-8: BOMs and UTF-16, the legacy 8-bit
// Vietnamese encodings TCVN3 (ABC), VNI and Windows-1258, and "font-mapped" text
// (TCVN3 or VNI glyph codes that a converter wrote into UTF-8 as if they were
// Windows-1252: "Ninh B×nh" for "Ninh Bình", "Vieät Nam" for "Việt Nam").
//
// Decoding keeps the raw text faithful to the bytes. Where a library knows the
// encoding it decodes to Unicode directly (UTF-16 and Windows-1258 with ICU,
// TCVN3 with glibc iconv). VNI bytes, which no library knows, become their
// Windows-1252 characters, exactly what a reader without the font sees, and so
// does font-mapped text already in UTF-8: the mapping to Vietnamese then happens
// line by line as a recorded repair with an offset map (text_repair.h). Detection scores each candidate reading by how much of it is common
// Vietnamese and reports the winner with a confidence; `forced` overrides it.
#ifndef CHITIEU_EXTRACTOR_LEGACY_ENCODING_H_
#define CHITIEU_EXTRACTOR_LEGACY_ENCODING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// Which glyph mapping the raw text is in (what the line repair must undo).
enum class FontForm { kUnicode, kTcvn3, kVni };

struct DecodedText {
  std::string text;           // UTF-8
  std::string encoding;       // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "tcvn3",
                              // "vni", "windows-1258", "utf-8+tcvn3-font", "utf-8+vni-font"
  FontForm form = FontForm::kUnicode;
  double confidence = 1.0;    // 0..1: the winner's share of the candidates' scores
};

// Names accepted by --encoding (also the `encoding` values above).
const std::vector<std::string>& known_encodings();

// The glyph mapping of text decoded as `encoding` (a DecodedText's name):
// VNI and the font-mapped UTF-8 forms keep their glyphs for the line repair,
// every other reading is Unicode already. What a stored document's encoding
// says to extract it again (source_text.h, rebuild_source_text).
FontForm font_form_of_encoding(const std::string& encoding);

Status decode_bytes(const Lexicon& lex, std::string_view bytes, const std::string& forced,
                    DecodedText* out);

// Maps font-mapped code points to Vietnamese: the longest sequence at `i`
// (TCVN3: one code point; VNI: a letter and its mark byte). Returns how many
// input code points were consumed, 0 when `cps[i]` stands for itself.
class FontMap {
 public:
  static const FontMap& get(const Lexicon& lex, FontForm form);
  size_t map(const int32_t* cps, size_t n, size_t i, std::u32string* out) const;
  // The repair rule recorded for what this map changes.
  const char* rule() const { return form_ == FontForm::kTcvn3 ? "tcvn3-font" : "vni-font"; }

 private:
  std::vector<std::pair<std::u32string, std::u32string>> sequences_;  // longest first
  std::unordered_map<char32_t, std::vector<size_t>> by_first_;  // sequences by first code point
  std::vector<std::u32string> single_;  // indexed by code point < 0x2200 (TCVN3)
  FontForm form_ = FontForm::kUnicode;
  friend struct FontMapBuilder;
};

// Score of how Vietnamese a text reads (the share of its words among the
// lexicon's common syllables, data/common_syllables.tsv), used to choose
// between candidate decodings.
double vietnamese_score(const Lexicon& lex, std::string_view utf8);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_LEGACY_ENCODING_H_
