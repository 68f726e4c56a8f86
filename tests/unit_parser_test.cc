// Tests for normalizer/unit_parser.h: reading the unit written after a number
// (on folded text) into the closed vocabulary BASE[/DENOM…], with real phrases
// from the seed documents.
#include "normalizer/unit_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

struct Read {
  std::string folded;
  size_t number_end = 0;
  UnitReading unit;
  std::string code() const { return unit_code(unit.base, unit.denominators); }
  std::string counted() const {
    return folded.substr(unit.counted_begin, unit.counted_end - unit.counted_begin);
  }
  std::string rest() const { return folded.substr(unit.end); }
};

// Folds `phrase` and reads the unit after its leading number (or range).
Read read_after_number(const std::string& phrase) {
  Read r;
  r.folded = fold_text(phrase);
  size_t i = 0;
  while (i < r.folded.size() && (isdigit(static_cast<unsigned char>(r.folded[i])) ||
                                 r.folded[i] == '.' || r.folded[i] == ',' ||
                                 r.folded[i] == ' ' || r.folded[i] == '-'))
    ++i;
  while (i > 0 && (r.folded[i - 1] == ' ' || r.folded[i - 1] == '-')) --i;
  r.number_end = i;
  r.unit = read_unit(default_lexicon(), r.folded, i);
  return r;
}

TEST(UnitParser, ScaledMoney) {
  Read r = read_after_number("717.000 tỷ đồng");  // seed 000 (1)
  ASSERT_TRUE(r.unit.matched);
  EXPECT_EQ(r.unit.base, "VND");
  EXPECT_DOUBLE_EQ(r.unit.scale, 1e9);
  EXPECT_EQ(r.code(), "VND");
  EXPECT_EQ(r.unit.end, r.folded.size());

  Read usd = read_after_number("8,2 tỷ USD");
  ASSERT_TRUE(usd.unit.matched);
  EXPECT_EQ(usd.code(), "USD");
  EXPECT_DOUBLE_EQ(usd.unit.scale, 1e9);
}

TEST(UnitParser, CompoundScaleNghinTy) {
  Read r = read_after_number("2 nghìn tỷ đồng");
  ASSERT_TRUE(r.unit.matched);
  EXPECT_DOUBLE_EQ(r.unit.scale, 1e12);
  EXPECT_EQ(r.code(), "VND");
  Read ngan = read_after_number("1,5 ngàn tỷ đồng");
  EXPECT_DOUBLE_EQ(ngan.unit.scale, 1e12);
}

TEST(UnitParser, PerPersonPerTimeDenominators) {
  Read r = read_after_number("215 triệu đồng/người/năm");
  ASSERT_TRUE(r.unit.matched);
  EXPECT_DOUBLE_EQ(r.unit.scale, 1e6);
  EXPECT_EQ(r.code(), "VND/person/year");
  EXPECT_EQ(r.unit.end, r.folded.size());

  Read month = read_after_number("8.500.000 đồng/người/tháng");
  EXPECT_DOUBLE_EQ(month.unit.scale, 1.0);
  EXPECT_EQ(month.code(), "VND/person/month");

  Read worker = read_after_number("358 triệu đồng/lao động/năm");
  EXPECT_EQ(worker.code(), "VND/worker/year");
  EXPECT_DOUBLE_EQ(worker.unit.scale, 1e6);

  Read spaced = read_after_number("215 triệu đồng / người");  // "/" may have spaces
  EXPECT_EQ(spaced.code(), "VND/person");
}

// A denominator the vocabulary lacks is dropped on the way to one it has
// ("/HTX/năm" is per year); per pupil is per person; alone, an unknown one
// ends the unit ("đồng/m2").
TEST(UnitParser, AnUnknownDenominatorIsSkippedToAKnownOne) {
  Read htx = read_after_number("280 triệu đồng/HTX/năm");
  EXPECT_EQ(htx.code(), "VND/year");
  EXPECT_EQ(htx.unit.end, htx.folded.size());
  EXPECT_EQ(read_after_number("18.000.000 đồng/học sinh/năm").code(), "VND/person/year");
  EXPECT_EQ(read_after_number("5 tấn/ha/năm").code(), "ton/year");
  Read m2 = read_after_number("12 triệu đồng/m2 đất");
  EXPECT_EQ(m2.code(), "VND");
  EXPECT_EQ(m2.rest(), "/m2 dat");
}

TEST(UnitParser, PercentPerYear) {
  Read slash = read_after_number("11%/năm");
  EXPECT_EQ(slash.code(), "percent/year");

  Read bare = read_after_number("16 - 18% năm, tỷ lệ khai thác");  // seed 000 (8)
  ASSERT_TRUE(bare.unit.matched);
  EXPECT_EQ(bare.code(), "percent/year");
  EXPECT_EQ(bare.rest(), ", ty le khai thac");

  // "năm" opening a date is not a per-year denominator.
  Read date = read_after_number("100% năm 2025");
  ASSERT_TRUE(date.unit.matched);
  EXPECT_EQ(date.code(), "percent");
  EXPECT_EQ(date.rest(), " nam 2025");

  EXPECT_EQ(read_after_number("35 phần trăm").code(), "percent");
}

TEST(UnitParser, PerTenThousandPeople) {
  Read doctors = read_after_number("19 bác sỹ/vạn dân");
  ASSERT_TRUE(doctors.unit.matched);
  EXPECT_EQ(doctors.code(), "count/10k_people");
  EXPECT_EQ(doctors.counted(), "bac sy");

  Read beds = read_after_number("44 giường bệnh/vạn dân");
  EXPECT_EQ(beds.code(), "count/10k_people");
  EXPECT_EQ(beds.counted(), "giuong benh");

  Read people = read_after_number("12 người trên một vạn dân; số lượng");
  ASSERT_TRUE(people.unit.matched);
  EXPECT_EQ(people.code(), "count/10k_people");
  EXPECT_EQ(people.rest(), "; so luong");
}

TEST(UnitParser, AgesAndDurationsNeedAValueWord) {
  Read age = read_after_number("75,5 tuổi");
  ASSERT_TRUE(age.unit.matched);
  EXPECT_EQ(age.code(), "year");
  EXPECT_TRUE(age.unit.needs_value_word);

  Read years = read_after_number("68 năm.");
  EXPECT_EQ(years.code(), "year");
  EXPECT_TRUE(years.unit.needs_value_word);

  EXPECT_FALSE(read_after_number("44 giường bệnh/vạn dân").unit.needs_value_word);
  EXPECT_FALSE(read_after_number("10%").unit.needs_value_word);
}

TEST(UnitParser, CountedNouns) {
  Read homes = read_after_number("16.900 căn nhà ở xã hội");  // longest surface wins
  ASSERT_TRUE(homes.unit.matched);
  EXPECT_EQ(homes.code(), "count");
  EXPECT_EQ(homes.counted(), "can nha");

  Read deals = read_after_number("05 thỏa thuận cấp thành phố");
  EXPECT_EQ(deals.code(), "count");
  EXPECT_EQ(deals.counted(), "thoa thuan");

  Read orgs = read_after_number("03 tổ chức quốc tế");
  EXPECT_EQ(orgs.counted(), "to chuc quoc te");

  Read sales = read_after_number("33.585 giao dịch thành công");
  EXPECT_EQ(sales.code(), "count");
  EXPECT_EQ(sales.counted(), "giao dich");
}

TEST(UnitParser, LengthAreaMass) {
  Read km = read_after_number("132 km.");
  ASSERT_TRUE(km.unit.matched);
  EXPECT_EQ(km.code(), "km");
  EXPECT_EQ(km.rest(), ".");
  EXPECT_EQ(read_after_number("1.500 ha lúa").code(), "ha");
  EXPECT_EQ(read_after_number("20 tấn").code(), "ton");
}

TEST(UnitParser, StopWordsAndNonUnits) {
  EXPECT_FALSE(read_after_number("5 tỷ lệ").unit.matched);
  EXPECT_FALSE(read_after_number("3 hạ tầng").unit.matched);
  EXPECT_FALSE(read_after_number("10 dân số").unit.matched);
  EXPECT_FALSE(read_after_number("35 nghìn").unit.matched);  // a scale word alone
  // Words that start like a unit: comrades, athletes, an area in km².
  EXPECT_FALSE(read_after_number("06 đồng chí").unit.matched);
  EXPECT_FALSE(read_after_number("100.000 vận động viên").unit.matched);
  EXPECT_FALSE(read_after_number("135 km²").unit.matched);
  EXPECT_FALSE(read_after_number("18.000 km2").unit.matched);
  EXPECT_FALSE(read_after_number("388 kilômét vuông").unit.matched);
  // đóng folds like đồng; "căn cứ" is a base or a legal preamble, no dwelling.
  EXPECT_FALSE(read_after_number("2002 đóng vai trò chủ đạo").unit.matched);
  EXPECT_FALSE(read_after_number("30 đóng góp").unit.matched);
  EXPECT_FALSE(read_after_number("3 căn cứ không quân").unit.matched);
  EXPECT_EQ(read_after_number("500 căn nhà").code(), "count");
  // … but money before "đối với" or "chi" after a scale is money.
  EXPECT_EQ(read_after_number("500.000 đồng đối với cá nhân").code(), "VND");
  EXPECT_EQ(read_after_number("500 triệu đồng chi thường xuyên").code(), "VND");
  EXPECT_EQ(read_after_number("132 km").code(), "km");
  EXPECT_FALSE(read_after_number("05 bài học kinh nghiệm").unit.matched);
  EXPECT_FALSE(read_after_number("7 lần").unit.matched);
  EXPECT_FALSE(read_after_number("2 xanh").unit.matched);  // "xã" must end at a word boundary
  EXPECT_FALSE(read_after_number("91 từ đoạn").unit.matched);
}

TEST(UnitParser, DenominatorOrderAndCode) {
  std::vector<std::string> ds = {"year"};
  add_denominator(&ds, "person");
  EXPECT_EQ(unit_code("VND", ds), "VND/person/year");
  add_denominator(&ds, "person");  // no duplicates
  EXPECT_EQ(ds.size(), 2u);
  EXPECT_EQ(unit_code("percent", {}), "percent");
}

TEST(UnitParser, DecideUnitFromIndicator) {
  const Lexicon& lex = default_lexicon();
  Read usd = read_after_number("6.200 USD");
  UnitDecision per_capita = decide_unit(lex, usd.unit, "", fold_text("GRDP/người"));
  ASSERT_TRUE(per_capita.ok);
  EXPECT_EQ(per_capita.code, "USD/person");
  EXPECT_TRUE(per_capita.warning.has_value());

  Read vnd = read_after_number("88,3 triệu đồng/năm");
  EXPECT_EQ(decide_unit(lex, vnd.unit, "", fold_text("tổng sản phẩm bình quân đầu người (GRDP)")).code,
            "VND/person/year");
  // Productivity without "/lao động" stays VND.
  Read prod = read_after_number("240 - 242 triệu đồng");
  EXPECT_EQ(decide_unit(lex, prod.unit, "", fold_text("Giá trị năng suất lao động")).code, "VND");

  UnitReading none;
  UnitDecision icor = decide_unit(lex, none, "", fold_text("Hệ số ICOR"));
  ASSERT_TRUE(icor.ok);
  EXPECT_EQ(icor.code, "index");
  UnitDecision doctors = decide_unit(lex, none, "", fold_text("Số bác sĩ/vạn dân"));
  EXPECT_EQ(doctors.code, "count/10k_people");
  EXPECT_FALSE(decide_unit(lex, none, "", fold_text("Đảng bộ thành phố")).ok);
}

}  // namespace
}  // namespace chitieu
