// Tests for extractor/ocr_number_repair.h and extractor/ocr_warnings.h: the
// numbers Tesseract splits or misreads on degraded scans ("12. 800", "33, 5%",
// "2O25") are joined only where they form a well-formed Vietnamese number,
// each repair is a row with its rule and raw range, the offset map still
// points into the raw line, and a figure resting on a repair, or on a word
// read with little confidence, says so.
#include "extractor/ocr_number_repair.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/extract_document.h"
#include "extractor/ocr_warnings.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

RepairedLine repaired(const std::string& raw) {
  RepairedLine line = repair_line(raw);
  repair_ocr_numbers(&line);
  return line;
}

// The repaired text, after checking the line's invariants: one skeleton byte
// per code point, offsets that rise within the raw line and end at its end.
std::string repaired_text(const std::string& raw) {
  RepairedLine line = repaired(raw);
  size_t cps = 0;
  for (unsigned char c : line.text) cps += (c & 0xC0) != 0x80;
  EXPECT_EQ(line.folded.size(), cps) << raw;
  EXPECT_EQ(line.raw_byte_of_cp.size(), cps + 1) << raw;
  EXPECT_TRUE(std::is_sorted(line.raw_byte_of_cp.begin(), line.raw_byte_of_cp.end())) << raw;
  if (!line.raw_byte_of_cp.empty()) EXPECT_EQ(line.raw_byte_of_cp.back(), raw.size()) << raw;
  return line.text;
}

TEST(OcrNumberRepair, JoinsANumberSplitAfterItsSeparator) {
  EXPECT_EQ(repaired_text("Tổng thu đạt 12. 800 tỷ đồng"), "Tổng thu đạt 12.800 tỷ đồng");
  EXPECT_EQ(repaired_text("tỷ lệ đạt 33, 5%"), "tỷ lệ đạt 33,5%");
  EXPECT_EQ(repaired_text("xuất khẩu 4, 5 tỷ USD"), "xuất khẩu 4,5 tỷ USD");
  EXPECT_EQ(repaired_text("chiếm 68, 8%;"), "chiếm 68,8%;");
  EXPECT_EQ(repaired_text("bác sĩ/vạn dân đạt 18, 02."), "bác sĩ/vạn dân đạt 18,02.");
  EXPECT_EQ(repaired_text("dân số 1. 234. 567 người"), "dân số 1.234.567 người");
  EXPECT_EQ(repaired_text("(khoảng 2.345, 75 tỷ đồng)"), "(khoảng 2.345,75 tỷ đồng)");
}

TEST(OcrNumberRepair, RecordsEachRepairWithItsRawRange) {
  const std::string raw = "đạt 12. 800 tỷ và 96, 22%";
  RepairedLine line = repaired(raw);
  ASSERT_EQ(line.repairs.size(), 2u);
  EXPECT_EQ(line.repairs[0].rule, kOcrNumberSpaceRule);
  EXPECT_EQ(raw.substr(line.repairs[0].raw_begin, line.repairs[0].raw_end - line.repairs[0].raw_begin), "12. 800");
  EXPECT_EQ(line.repairs[0].replacement, "12.800");
  EXPECT_EQ(raw.substr(line.repairs[1].raw_begin, line.repairs[1].raw_end - line.repairs[1].raw_begin), "96, 22");
  EXPECT_EQ(line.repairs[1].replacement, "96,22");
  // The "8" after the removed space still points at the raw "8".
  size_t eight = 0;
  for (size_t b = 0; b < line.text.find("800"); ++b) eight += (static_cast<unsigned char>(line.text[b]) & 0xC0) != 0x80;
  EXPECT_EQ(line.folded.substr(eight, 3), "800");
  EXPECT_EQ(raw[line.raw_byte_of_cp[eight]], '8');
}

TEST(OcrNumberRepair, LeavesWhatIsNotOneNumber) {
  for (const std::string raw : {
           "Đến năm 2025, 100% xã đạt chuẩn",       // a year, then a figure
           "đến tháng 12, 100% hồ sơ",               // a date
           "theo khoản 1, 2 Điều 5",                 // items
           "các năm 1, 2, 3",                        // a list
           "1. 100% số xã có trạm y tế",             // an item number begins the line
           "đã đạt 95. 100% trường học",             // a sentence ends, a percentage follows
           "giai đoạn 2021, 2025",                   // four digits after the comma
           "tăng 12. 80 lần",                        // two digits after a dot
           "đạt 3, 1234 ha",                         // four digits: no decimal part of three at most
           "Km12. 800 m",                            // a name
       }) {
    EXPECT_EQ(repaired_text(raw), raw) << raw;
  }
}

TEST(OcrNumberRepair, LettersReadForDigitsInsideANumber) {
  EXPECT_EQ(repaired_text("Đến năm 2O25"), "Đến năm 2025");
  EXPECT_EQ(repaired_text("tăng 1O,5%"), "tăng 10,5%");
  EXPECT_EQ(repaired_text("giảm l5%"), "giảm 15%");
  EXPECT_EQ(repaired_text("đạt 2O triệu"), "đạt 20 triệu");
  EXPECT_EQ(repaired_text("đạt 1.2S0 tỷ"), "đạt 1.250 tỷ");
  RepairedLine line = repaired("năm 2O25.");
  ASSERT_EQ(line.repairs.size(), 1u);
  EXPECT_EQ(line.repairs[0].rule, kOcrDigitRule);
  EXPECT_EQ(line.repairs[0].replacement, "2025");
}

TEST(OcrNumberRepair, AnItemNumberReadWithACommaBeforeAHeading) {
  EXPECT_EQ(repaired_text("**1, Phát triển"), "**1. Phát triển");
  EXPECT_EQ(repaired_text("II, MỤC TIÊU"), "II. MỤC TIÊU");
  RepairedLine line = repaired("2, Chỉ tiêu chủ yếu");
  ASSERT_EQ(line.repairs.size(), 1u);
  EXPECT_EQ(line.repairs[0].rule, kOcrItemMarkRule);
  EXPECT_FALSE(is_ocr_number_rule(line.repairs[0].rule)) << "no figure rests on it";
  for (const std::string raw : {"1, 2 và 3", "2025, Hà Nội đạt", "giảm 1, Tăng 2", "123, Ba"})
    EXPECT_EQ(repaired_text(raw), raw) << raw;
}

TEST(OcrNumberRepair, LeavesWordsAndUnits) {
  for (const std::string raw : {"chứng nhận ISO 9001", "Sở Y tế", "5l nước", "lO dự án", "Olympic 2O24a",
                                "Covid-19", "km2", "SO2"}) {
    EXPECT_EQ(repaired_text(raw), raw) << raw;
  }
}

// An OCRed text: lines with Tesseract's confidences, and words for the first.
ExtractedDocument ocr_document(const std::string& text, std::vector<float> confidence,
                               std::vector<std::vector<OcrWord>> words) {
  ExtractedDocument doc;
  EXPECT_TRUE(source_text_from_bytes(default_lexicon(), text, "scan.txt", "", &doc.source).ok());
  doc.source.format = "pdf-ocr";
  doc.source.line_confidence = std::move(confidence);
  doc.source.line_words = std::move(words);
  extract_from_source(default_lexicon(), &doc);
  return doc;
}

TEST(OcrWarnings, AFigureOnARepairedNumberSaysSo) {
  ExtractedDocument doc = ocr_document("Tổng thu ngân sách năm 2025 đạt 12. 800 tỷ đồng.\n", {92}, {});
  ASSERT_EQ(doc.figures.size(), 1u);
  const Figure& f = doc.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 12800e9);
  EXPECT_NE(f.quote.find("12. 800 tỷ đồng"), std::string::npos) << "the quote is the raw text";
  std::vector<std::string> warnings = f.rendered_warnings();
  EXPECT_NE(std::find(warnings.begin(), warnings.end(),
                      "ocr: number repaired from \"12. 800\" on line 1; check it on the scan"),
            warnings.end())
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(f.has_warning(WarningCode::kOcrLowConfidence));

  // The same words typed are what the author wrote: no repair.
  ExtractedDocument typed;
  ASSERT_TRUE(source_text_from_bytes(default_lexicon(), "Tổng thu ngân sách năm 2025 đạt 12. 800 tỷ đồng.\n",
                                     "typed.txt", "", &typed.source)
                  .ok());
  extract_from_source(default_lexicon(), &typed);
  for (const Figure& t : typed.figures) EXPECT_FALSE(t.has_warning(WarningCode::kOcrNumberRepaired));
  EXPECT_TRUE(typed.repaired[0].repairs.empty());
}

TEST(OcrWarnings, ADoubtfulWordWithDigitsOnASureLine) {
  const std::string line = "Tỷ lệ đô thị hóa đạt 45,5% năm 2025.";
  size_t number = line.find("45,5%");
  std::vector<OcrWord> words = {{0, static_cast<uint32_t>(number) - 1, 96},
                                {static_cast<uint32_t>(number), static_cast<uint32_t>(number + 6), 41},
                                {static_cast<uint32_t>(number + 7), static_cast<uint32_t>(line.size()), 95}};
  ExtractedDocument doc = ocr_document(line + "\n", {88}, {words});
  ASSERT_EQ(doc.figures.size(), 1u);
  std::vector<std::string> warnings = doc.figures[0].rendered_warnings();
  EXPECT_NE(std::find(warnings.begin(), warnings.end(),
                      "ocr: the number's digits read with low confidence (41) on line 1"),
            warnings.end())
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(doc.figures[0].has_warning(WarningCode::kOcrLowConfidence)) << "the line is sure";

  words[1].confidence = kLowOcrDigitConfidence + 5;
  ExtractedDocument sure = ocr_document(line + "\n", {88}, {words});
  ASSERT_EQ(sure.figures.size(), 1u);
  EXPECT_FALSE(sure.figures[0].has_warning(WarningCode::kOcrLowConfidenceDigits));
}

TEST(OcrWarnings, APageBreakOrAGapTheQuoteRunsOverIsNotTheFigures) {
  // "tăng" at a page's foot, the page number (doubtful, as OCR reads a lone
  // number), a paragraph gap, "7,5%" at the next page's head.
  const std::string text = "Tốc độ tăng trưởng kinh tế năm 2025 tăng\n- 2 -\n\n7,5% so với năm 2024.\n";
  ExtractedDocument doc;
  ASSERT_TRUE(source_text_from_bytes(default_lexicon(), text, "scan.txt", "", &doc.source).ok());
  doc.source.format = "pdf-ocr";
  doc.source.pages = {1, 1, 2, 2};
  doc.source.boilerplate = {false, true, false, false};
  doc.source.line_confidence = {93, 31, 0, 92};
  doc.source.line_words = {{{0, 10, 93}}, {{0, 1, 40}, {2, 3, 22}, {4, 5, 31}}, {}, {{0, 5, 92}}};
  extract_from_source(default_lexicon(), &doc);
  ASSERT_EQ(doc.figures.size(), 1u);
  const Figure& f = doc.figures[0];
  EXPECT_EQ(f.line, 1u) << "the quote runs from \"tăng\" on line 1";
  EXPECT_EQ(f.line_end, 4u);
  EXPECT_FALSE(f.has_warning(WarningCode::kOcrLowConfidence)) << ::testing::PrintToString(f.rendered_warnings());
  EXPECT_FALSE(f.has_warning(WarningCode::kOcrLowConfidenceDigits)) << ::testing::PrintToString(f.rendered_warnings());
}

}  // namespace
}  // namespace chitieu
