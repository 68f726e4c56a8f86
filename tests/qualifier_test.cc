// Tests for normalizer/qualifier.h: the qualifiers around a number and the
// comparator they give (nearest comparator before the number, else the one
// after, else "range" for a range, else "=").
#include "normalizer/qualifier.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"
#include "normalizer/unit_parser.h"

namespace chitieu {
namespace {

struct Reading {
  std::string folded;
  QualifierRun before;
  std::optional<Comparator> after;  // comparator read after the number and unit
  std::string after_word;
  Comparator comparator = Comparator::kEqual;  // resolved
};

// Reads the qualifiers around the number `number` (as written) in `phrase`;
// `range_end`, when given, is the second bound of a range.
Reading read(const std::string& phrase, const std::string& number,
             const std::string& range_end = "") {
  const Lexicon& lex = default_lexicon();
  Reading r;
  r.folded = fold_text(phrase);
  std::string fn = fold_text(number);
  size_t s = r.folded.find(fn);
  EXPECT_NE(s, std::string::npos) << number << " not in " << phrase;
  if (s == std::string::npos) return r;
  size_t e = s + fn.size();
  if (!range_end.empty()) {
    size_t s2 = r.folded.find(fold_text(range_end), e);
    EXPECT_NE(s2, std::string::npos);
    e = s2 + fold_text(range_end).size();
  }
  r.before = read_qualifiers_before(lex, r.folded, s, 0);
  UnitReading unit = read_unit(lex, r.folded, e);
  size_t after_end = 0;
  r.after = read_qualifier_after(lex, r.folded, unit.matched ? unit.end : e, &after_end,
                                 &r.after_word);
  r.comparator = resolve_comparator(r.before, r.after, !range_end.empty());
  return r;
}

TEST(Qualifier, ANegatedComparisonIsTheOppositeBound) {
  EXPECT_EQ(comparator_text(read("nhưng không thấp hơn 80% mức lương cơ bản", "80").comparator), ">=");
  EXPECT_EQ(comparator_text(read("tỷ lệ tốt nghiệp không nhỏ hơn 60%", "60").comparator), ">=");
  EXPECT_EQ(comparator_text(read("tỷ lệ thôi học không cao hơn 10%", "10").comparator), "<=");
  EXPECT_EQ(comparator_text(read("không được vượt quá 49% vốn điều lệ", "49").comparator), "<=");
  EXPECT_EQ(comparator_text(read("trường hợp vượt quá 120% thì", "120").comparator), ">");
  EXPECT_EQ(comparator_text(read("chỉ chiếm chưa đầy 0,2% sản lượng", "0,2").comparator), "<");
  EXPECT_EQ(comparator_text(read("chưa đến 50 km", "50").comparator), "<");
  // A change bounded from above: "không sụt giảm quá 30%".
  EXPECT_EQ(comparator_text(read("quy mô đào tạo không sụt giảm quá 30% so với 3 năm trước", "30").comparator), "<=");
  EXPECT_EQ(comparator_text(read("giá không tăng quá 5%", "5").comparator), "<=");
  // "chứa tới 10 người" (to hold up to ten) folds like "chưa tới": no cue.
  EXPECT_EQ(comparator_text(read("buồng ngủ chứa tới 10 người", "10").comparator), "=");
}

// "hơn" folds like "hôn": a comparison only right before the number.
TEST(Qualifier, HonOpensAComparisonOnlyRightBeforeTheNumber) {
  EXPECT_EQ(comparator_text(read("tư vấn sức khỏe trước khi kết hôn đạt 90%", "90").comparator), "=");
  EXPECT_EQ(comparator_text(read("tỷ lệ đạt hơn 90%", "90").comparator), ">");
  EXPECT_EQ(comparator_text(read("cao hơn 5%", "5").comparator), ">");
}

TEST(Qualifier, NearnessIsApproximateButNoValueWord) {
  Reading r = read("gần 100 km đê bị vỡ", "100");
  EXPECT_EQ(comparator_text(r.comparator), "~");
  EXPECT_EQ(r.before.begin, 0u);  // the quote holds the cue
  EXPECT_FALSE(r.before.has_value_word);  // "gần 20 năm" is a span, no figure
  EXPECT_TRUE(read("thu hút gần 8,1 triệu lượt khách", "8,1").before.comparator.has_value());
  EXPECT_TRUE(read("đạt gần 40%", "40").before.has_value_word);
}

TEST(Qualifier, AtLeast) {
  Reading r = read("GRDP đến năm 2030 đạt tối thiểu 717.000 tỷ đồng", "717.000");
  EXPECT_EQ(comparator_text(r.comparator), ">=");
  EXPECT_EQ(r.before.comparator_word, "toi thieu");
  ASSERT_EQ(r.before.words.size(), 2u);
  EXPECT_EQ(r.before.words[0], "toi thieu");  // nearest first
  EXPECT_EQ(r.before.words[1], "dat");
  EXPECT_EQ(r.before.begin, r.folded.find("dat toi thieu"));

  EXPECT_EQ(comparator_text(read("đến năm 2030 ít nhất 50% xã, phường", "50").comparator), ">=");
  EXPECT_EQ(comparator_text(read("tỷ lệ che phủ không dưới 40%", "40").comparator), ">=");
}

TEST(Qualifier, About) {
  Reading r = read("GRDP bình quân đầu người phấn đấu đạt khoảng 215 triệu đồng", "215");
  EXPECT_EQ(comparator_text(r.comparator), "~");
  EXPECT_EQ(r.before.comparator_word, "khoang");
  EXPECT_FALSE(r.before.has_estimate);
}

TEST(Qualifier, EstimateIsApproximate) {
  Reading r = read("phấn đấu đến năm 2030 ước đạt 57.000 tỷ đồng", "57.000");
  EXPECT_EQ(comparator_text(r.comparator), "~");
  EXPECT_TRUE(r.before.has_estimate);
  Reading t = read("Tốc độ tăng trưởng GRDP ước tăng 5,86%", "5,86");
  EXPECT_EQ(comparator_text(t.comparator), "~");
  EXPECT_TRUE(t.before.has_estimate);
}

TEST(Qualifier, FromRangeOrMore) {
  Reading r = read("bình quân giai đoạn 2026 - 2030 đạt từ 10 - 10,5%/năm trở lên", "10", "10,5");
  EXPECT_TRUE(r.before.has_from);
  EXPECT_FALSE(r.before.comparator.has_value());  // "từ" alone sets no comparator
  EXPECT_EQ(r.after, Comparator::kAtLeast);
  EXPECT_EQ(r.after_word, "tro len");
  EXPECT_EQ(comparator_text(r.comparator), ">=");  // a qualifier on a range wins over "range"

  Reading single = read("tỷ lệ xã đạt tiêu chuẩn từ 75% trở lên", "75");
  EXPECT_EQ(comparator_text(single.comparator), ">=");
  Reading from_only = read("trẻ em từ 3 đến 5 tuổi", "3");
  EXPECT_TRUE(from_only.before.has_from);
  EXPECT_FALSE(from_only.before.has_value_word);
}

TEST(Qualifier, LowerAndHigherThan) {
  Reading lower = read("nông, lâm nghiệp và thủy sản chiếm thấp hơn 16%", "16");
  EXPECT_EQ(comparator_text(lower.comparator), "<");
  EXPECT_EQ(lower.before.comparator_word, "thap hon");

  Reading higher = read("công nghiệp và xây dựng chiếm cao hơn 35%", "35");
  EXPECT_EQ(comparator_text(higher.comparator), ">");
  EXPECT_EQ(higher.before.comparator_word, "cao hon");

  Reading more = read("(trong đó, công nghiệp chiếm hơn 29%)", "29");
  EXPECT_EQ(comparator_text(more.comparator), ">");
  EXPECT_TRUE(more.before.has_value_word);

  EXPECT_EQ(comparator_text(read("duy trì tỷ lệ thất nghiệp dưới 3,5%", "3,5").comparator), "<");
  EXPECT_EQ(comparator_text(read("khu vực dịch vụ đạt trên 35%", "35").comparator), ">");
  EXPECT_EQ(comparator_text(read("vượt 10%", "10").comparator), ">");
}

TEST(Qualifier, NearestComparatorWins) {
  Reading r = read("Tỷ lệ giải ngân vốn đầu tư công đạt tối thiểu trên 95% kế hoạch", "95");
  EXPECT_EQ(comparator_text(r.comparator), ">");
  EXPECT_EQ(r.before.comparator_word, "tren");
  EXPECT_EQ(r.before.words.size(), 3u);
  EXPECT_EQ(comparator_text(read("đạt trên khoảng 50%", "50").comparator), "~");
}

TEST(Qualifier, AtMost) {
  EXPECT_EQ(comparator_text(read("tỷ lệ nợ xấu tối đa 3%", "3").comparator), "<=");
  EXPECT_EQ(comparator_text(read("bội chi ngân sách không quá 5%", "5").comparator), "<=");
  EXPECT_EQ(comparator_text(read("bội chi ngân sách không vượt quá 5%", "5").comparator), "<=");
  EXPECT_EQ(comparator_text(read("tỷ lệ hộ nghèo còn 1% trở xuống", "1").comparator), "<=");
}

TEST(Qualifier, ConnectingWordsGiveEquals) {
  Reading r = read("(8) Tỷ lệ đô thị hóa đạt 76%.", "76");
  EXPECT_FALSE(r.before.comparator.has_value());
  EXPECT_TRUE(r.before.has_value_word);
  EXPECT_EQ(comparator_text(r.comparator), "=");
  EXPECT_EQ(comparator_text(read("dịch vụ chiếm 54,10%", "54,10").comparator), "=");
  EXPECT_EQ(comparator_text(read("tỷ lệ hộ nghèo còn 0,05%", "0,05").comparator), "=");
}

TEST(Qualifier, UnqualifiedRange) {
  Reading r = read("Tổng vốn đầu tư phát triển toàn xã hội dự kiến tăng 23 - 29%", "23", "29");
  EXPECT_FALSE(r.before.comparator.has_value());
  EXPECT_TRUE(!r.after);
  EXPECT_EQ(comparator_text(r.comparator), "range");
  EXPECT_EQ(comparator_text(read("Tỷ lệ lao động qua đào tạo đạt 80 - 85%", "80", "85").comparator), "range");
  EXPECT_EQ(comparator_text(read("chiếm khoảng 20-22%", "20", "22").comparator), "~");
}

TEST(Qualifier, WordBoundariesAndLimit) {
  const Lexicon& lex = default_lexicon();
  // "thu" does not end with the qualifier "từ" ("tu"): not at a word boundary.
  std::string f = fold_text("Tổng thu 57.000 tỷ đồng");
  QualifierRun run = read_qualifiers_before(lex, f, f.find("57"), 0);
  EXPECT_TRUE(run.words.empty());
  EXPECT_EQ(run.begin, f.find("57"));
  EXPECT_EQ(resolve_comparator(run, std::nullopt, false), Comparator::kEqual);

  // The run does not reach before `limit`.
  std::string g = fold_text("đạt tối thiểu 9,5%");
  size_t limit = g.find("thieu");
  QualifierRun cut = read_qualifiers_before(lex, g, g.find("9,5"), limit);
  EXPECT_TRUE(cut.words.empty());
}

}  // namespace
}  // namespace chitieu
