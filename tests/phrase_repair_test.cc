// OCR phrase repair (data/ocr_phrases.tsv): damaged spellings of known phrases
// are rewritten, recorded, and never change the skeleton, digits or offsets.
#include <gtest/gtest.h>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

RepairedLine repaired(const std::string& raw) {
  static const std::vector<PhraseRepair> phrases = prepare_phrase_repairs(default_lexicon().ocr_phrases);
  RepairedLine l = repair_line(raw);
  repair_phrases(phrases, &l);
  return l;
}

TEST(PhraseRepair, OcrSpellingsFromTheSeedsAreRewrittenAndRecorded) {
  // Seeds 002 and 004: "Phần đầu", "phân đầu", "vận dân".
  RepairedLine l = repaired("(8) Tỷ lệ giải ngân Phần đầu đạt 100%; 18,02 bác sĩ/vận dân");
  EXPECT_EQ(l.text, "(8) Tỷ lệ giải ngân Phấn đấu đạt 100%; 18,02 bác sĩ/vạn dân");
  int recorded = 0;
  for (const Repair& r : l.repairs) recorded += r.rule == "ocr-phrase";
  EXPECT_EQ(recorded, 2);
  EXPECT_EQ(repaired("phân đầu hoàn thành").text, "phấn đấu hoàn thành");
  EXPECT_EQ(repaired("lọi thế và hoat đông bễn vững").text, "lợi thế và hoạt động bền vững");
}

TEST(PhraseRepair, SkeletonAndOffsetsAreUnchanged) {
  std::string raw = "Phần đầu đạt 19 bác sỹ/vận dân";
  RepairedLine plain = repair_line(raw);
  RepairedLine fixed = repaired(raw);
  EXPECT_EQ(fixed.folded, plain.folded);
  EXPECT_EQ(fixed.raw_byte_of_cp, plain.raw_byte_of_cp);
  EXPECT_NE(fixed.text.find("19"), std::string::npos);
}

TEST(PhraseRepair, OnlyWholeWordsAndCleanTextIsLeftAlone) {
  RepairedLine clean = repaired("Phấn đấu đạt tối thiểu 717.000 tỷ đồng, tăng trưởng bền vững");
  for (const Repair& r : clean.repairs) EXPECT_NE(r.rule, "ocr-phrase");
  // "vạn dân" inside a longer word run is not touched: "vận dâng" folds to
  // "van dang", which is no phrase.
  EXPECT_EQ(repaired("vận dâng").text, "vận dâng");
  // Upper case is kept letter by letter.
  EXPECT_EQ(repaired("PHẦN ĐẦU").text, "PHẤN ĐẤU");
}

}  // namespace
}  // namespace chitieu
