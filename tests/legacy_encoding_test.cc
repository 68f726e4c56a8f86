// Encoding detection and the font-mapped repairs, on corpus text damaged by the
// test suite's generator: detection names the encoding with a confidence, the
// repaired text equals the clean text, and the raw text stays what the bytes say.
#include "extractor/legacy_encoding.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/extract_document.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"
#include "support/damage.h"

namespace chitieu {
namespace {

std::string corpus_text(const std::string& name) {
  std::ifstream in(std::filesystem::path(CHITIEU_SOURCE_DIR) / "corpus" / name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Repaired text of every line, joined: what the extractor reads.
std::string repaired_text(const SourceText& src) {
  const FontMap* font = src.form == FontForm::kUnicode ? nullptr : &FontMap::get(default_lexicon(), src.form);
  std::string out;
  for (const std::string& l : src.lines) out += repair_line(l, font).text + "\n";
  return out;
}

struct Case {
  damage::Kind kind;
  const char* encoding;
};

TEST(LegacyEncoding, DetectsEachEncodingAndRepairsToTheCleanText) {
  const Lexicon& lex = default_lexicon();
  const std::string clean = corpus_text("004_72731b65859952cb.txt");
  SourceText reference;
  ASSERT_TRUE(source_text_from_bytes(lex, clean, "clean.txt", "", &reference).ok());
  EXPECT_EQ(reference.encoding, "utf-8");
  EXPECT_DOUBLE_EQ(reference.encoding_confidence, 1.0);
  const std::string want = repaired_text(reference);

  for (const Case& c : {Case{damage::Kind::kTcvn3Bytes, "tcvn3"}, Case{damage::Kind::kVniBytes, "vni"},
                        Case{damage::Kind::kWindows1258, "windows-1258"},
                        Case{damage::Kind::kFontMappedTcvn3, "utf-8+tcvn3-font"},
                        Case{damage::Kind::kUtf16Bom, "utf-16le"}}) {
    std::string bytes = damage::apply_damage(c.kind, clean, 1);
    SourceText src;
    Status st = source_text_from_bytes(lex, bytes, "damaged.txt", "", &src);
    ASSERT_TRUE(st.ok()) << c.encoding << ": " << st.message();
    EXPECT_EQ(src.encoding, c.encoding);
    EXPECT_GT(src.encoding_confidence, 0.6) << c.encoding;
    std::string got = repaired_text(src);
    // TCVN3 bytes have no curly quotes or long dashes (the generator wrote ASCII
    // ones) and font-mapped ABC text has no toned capitals (CỘNG is written
    // with the lower-case codes): compare those on the folded key.
    EXPECT_EQ(comparison_key(got), comparison_key(want)) << c.encoding;
    if (c.kind != damage::Kind::kTcvn3Bytes && c.kind != damage::Kind::kFontMappedTcvn3)
      EXPECT_EQ(got, want) << c.encoding;
  }
}

TEST(LegacyEncoding, FontMappedTcvn3KeepsRawAndRecordsTheRepair) {
  const Lexicon& lex = default_lexicon();
  // "Ninh Bình; tăng trưởng 10,5%" as TCVN3 glyph codes read as Windows-1252;
  // ư is U+00AD (soft hyphen) and must survive.
  std::string raw = "Ninh B\xC3\x97nh; t\xC2\xA8ng tr\xC2\xAD\xC3\xabng 10,5%";
  const FontMap& font = FontMap::get(lex, FontForm::kTcvn3);
  RepairedLine r = repair_line(raw, &font);
  EXPECT_EQ(r.text, "Ninh Bình; tăng trưởng 10,5%");
  ASSERT_FALSE(r.repairs.empty());
  EXPECT_EQ(r.repairs[0].rule, "tcvn3-font");
  // Offsets still point into the raw line: "10,5%" cut from raw.
  size_t cp = r.text.find("10,5%");
  ASSERT_NE(cp, std::string::npos);
  size_t cps = code_points_before(r.text, cp);
  EXPECT_EQ(raw.substr(r.raw_byte_of_cp[cps], r.raw_byte_of_cp[cps + 5] - r.raw_byte_of_cp[cps]), "10,5%");
}

TEST(LegacyEncoding, VniRepairsLetterAndMarkTogether) {
  const Lexicon& lex = default_lexicon();
  const FontMap& font = FontMap::get(lex, FontForm::kVni);
  // "Việt Nam, người" in VNI glyphs: "Vieät Nam, ngöôøi".
  RepairedLine r = repair_line("Vie\xC3\xA4t Nam, ng\xC3\xB6\xC3\xB4\xC3\xB8i", &font);
  EXPECT_EQ(r.text, "Việt Nam, người");
  EXPECT_EQ(r.folded, "viet nam, nguoi");
  EXPECT_EQ(r.repairs[0].rule, "vni-font");
}

TEST(LegacyEncoding, CleanVietnameseIsNotMistakenForFontMapped) {
  const Lexicon& lex = default_lexicon();
  for (const char* name : {"000_b0a75639c8747e5c.txt", "001_388965410acabdcd.txt", "002_59c52569d25bb8c2.txt",
                           "003_97179f6eee211bbe.txt"}) {
    SourceText src;
    ASSERT_TRUE(source_text_from_bytes(lex, corpus_text(name), name, "", &src).ok());
    EXPECT_EQ(src.encoding, "utf-8") << name;
    EXPECT_EQ(src.form, FontForm::kUnicode) << name;
  }
}

TEST(LegacyEncoding, ForcedEncodingOverridesDetection) {
  const Lexicon& lex = default_lexicon();
  std::string bytes = damage::apply_damage(damage::Kind::kTcvn3Bytes, corpus_text("002_59c52569d25bb8c2.txt"), 3);
  SourceText src;
  ASSERT_TRUE(source_text_from_bytes(lex, bytes, "x.txt", "windows-1258", &src).ok());
  EXPECT_EQ(src.encoding, "windows-1258");
  EXPECT_DOUBLE_EQ(src.encoding_confidence, 1.0);
  SourceText bad;
  Status st = source_text_from_bytes(lex, bytes, "x.txt", "utf-8", &bad);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("not valid UTF-8"), std::string::npos);
}

TEST(LegacyEncoding, UndecodableBytesAreAnError) {
  SourceText src;
  Status st = source_text_from_bytes(default_lexicon(), "Ngh\xe9 quy\xea t 10%\n", "x.txt", "", &src);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("invalid UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace chitieu
