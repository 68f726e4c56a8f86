#include "normalizer/vietnamese_number.h"

#include <gtest/gtest.h>

namespace chitieu {
namespace {

TEST(VietnameseNumber, DotGroupsThousands) {
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("717.000").value, 717000);
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("8.500.000").value, 8500000);
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("3.335.000").value, 3335000);
  EXPECT_FALSE(parse_vietnamese_number("717.000").has_fraction);
}

TEST(VietnameseNumber, CommaIsDecimalMark) {
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("10,5").value, 10.5);
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("0,78").value, 0.78);
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("9,318").value, 9.318);
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("1.234,5").value, 1234.5);
  EXPECT_TRUE(parse_vietnamese_number("9,318").comma_group_of_three);
  EXPECT_FALSE(parse_vietnamese_number("18,02").comma_group_of_three);
}

TEST(VietnameseNumber, DotBeforeShortGroupIsDecimalWithFlag) {
  ParsedNumber n = parse_vietnamese_number("10.5");  // seed 000, item (1)
  ASSERT_TRUE(n.ok);
  EXPECT_DOUBLE_EQ(n.value, 10.5);
  EXPECT_TRUE(n.dot_as_decimal);
  EXPECT_FALSE(parse_vietnamese_number("10.500").dot_as_decimal);
  EXPECT_DOUBLE_EQ(parse_vietnamese_number("10.500").value, 10500);
}

TEST(VietnameseNumber, LeadingZero) {
  ParsedNumber n = parse_vietnamese_number("05");
  EXPECT_DOUBLE_EQ(n.value, 5);
  EXPECT_NE(n.reading.find("leading zero"), std::string::npos);
}

TEST(VietnameseNumber, RejectsMalformed) {
  EXPECT_FALSE(parse_vietnamese_number("").ok);
  EXPECT_FALSE(parse_vietnamese_number("1.2.3").ok);
  EXPECT_FALSE(parse_vietnamese_number("1,2,3").ok);
  EXPECT_FALSE(parse_vietnamese_number("12a").ok);
}

}  // namespace
}  // namespace chitieu
