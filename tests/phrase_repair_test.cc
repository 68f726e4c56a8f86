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

TEST(PhraseRepair, TheSkeletonSetFindsExactlyTheLinesAPhraseCanRepair) {
  // The ingest looks for phrases only where the set finds one: a line it
  // passes over must be one repair_phrases leaves as it is.
  const FoldedWordSet& skeletons = default_lexicon().phrase_skeletons;
  EXPECT_TRUE(skeletons.found_in(repair_line("(8) Phần đầu đạt 100%").folded));
  EXPECT_TRUE(skeletons.found_in(repair_line("18,02 bác sĩ/vận dân").folded));
  EXPECT_TRUE(skeletons.found_in(repair_line("kinh tế - xã hội").folded));
  EXPECT_FALSE(skeletons.found_in(repair_line("Tỷ lệ giải ngân đạt 100%").folded));
  EXPECT_FALSE(skeletons.found_in(repair_line("phân đầux và avận dân").folded));  // not whole words
  for (const char* raw : {"Tỷ lệ giải ngân đạt 100%", "phân đầux và avận dân", "", "Phần"}) {
    RepairedLine l = repaired(raw);
    for (const Repair& r : l.repairs) EXPECT_NE(r.rule, "ocr-phrase") << raw;
  }
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
