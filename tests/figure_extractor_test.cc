// Tests for extractor/figure_extractor.h on small in-memory documents: what
// becomes a figure and how it is read (value, unit, comparator, year, kind,
// indicator, item, quote), and what is not a figure.
#include "extractor/figure_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/extract_document.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

struct Doc {
  std::vector<std::string> raw;
  std::vector<RepairedLine> repaired;
  std::vector<Figure> figures;
};

Doc extract(const std::vector<std::string>& lines) {
  Doc d;
  d.raw = lines;
  for (const std::string& l : lines) d.repaired.push_back(repair_line(l));
  d.figures = extract_figures(default_lexicon(), d.raw, d.repaired);
  return d;
}

std::string dump(const std::vector<Figure>& figs) {
  std::ostringstream os;
  for (const Figure& f : figs)
    os << "\n  line " << f.number_line << " [" << f.low << ".." << f.high << " " << f.unit << " "
       << std::string(comparator_text(f.comparator)) << " year=" << f.year << " " << std::string(kind_text(f.kind)) << "] quote=\"" << f.quote
       << "\" indicator=\"" << f.indicator.display() << "\"";
  return os.str();
}

// Code points [b, e) of a UTF-8 string.
std::string cut_cp(const std::string& s, size_t b, size_t e) {
  std::vector<size_t> at;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  at.push_back(s.size());
  if (b >= at.size()) b = at.size() - 1;
  if (e >= at.size()) e = at.size() - 1;
  return s.substr(at[b], at[e] - at[b]);
}

size_t cp_count(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The quote rebuilt from the raw lines and the figure's offsets.
std::string quote_from_offsets(const std::vector<std::string>& raw, const Figure& f) {
  if (f.line == 0 || f.line_end < f.line || f.line_end > raw.size()) return "<bad lines>";
  const std::string& first = raw[f.line - 1];
  if (f.line == f.line_end) return cut_cp(first, f.char_start, f.char_end);
  std::string q = cut_cp(first, f.char_start, cp_count(first));
  for (uint32_t l = f.line + 1; l < f.line_end; ++l) q += "\n" + raw[l - 1];
  q += "\n" + cut_cp(raw[f.line_end - 1], 0, f.char_end);
  return q;
}

void expect_quotes_match_offsets(const Doc& d) {
  for (const Figure& f : d.figures) {
    EXPECT_EQ(f.quote, quote_from_offsets(d.raw, f)) << "figure at line " << f.number_line;
    EXPECT_LE(f.line, f.number_line);
    EXPECT_LE(f.number_line, f.line_end);
  }
}

bool same(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

const Figure* find_low(const Doc& d, double low) {
  for (const Figure& f : d.figures)
    if (same(f.low, low)) return &f;
  return nullptr;
}

bool any_value(const Doc& d, double v) {
  return std::any_of(d.figures.begin(), d.figures.end(),
                     [&](const Figure& f) { return same(f.low, v) || same(f.high, v); });
}

bool has_warning(const Figure& f, const std::string& part) {
  return std::any_of(f.warnings.begin(), f.warnings.end(), [&](const Warning& w) {
    return render_warning(w).find(part) != std::string::npos;
  });
}

// ---------------------------------------------------------------------------
// What is not a figure.

TEST(FigureExtractor, NotFiguresDocumentNumbersAndDates) {
  for (const std::string& line :
       {std::string("Thực hiện Nghị quyết số 59-NQ/TW ngày 05/8/2020 của Bộ Chính trị khóa XIII."),
        std::string("Hà Nội, ngày 05 tháng 8 năm 2020"),
        std::string("Thực hiện Nghị quyết số 45/2022/QH15 ngày 11 tháng 01 năm 2022 của Quốc hội."),
        std::string("Quán triệt Kết luận số 42-KL/TW ngày 20/10/2022 của Bộ Chính trị."),
        std::string("Hoàn thành trong quý II/2025 theo kế hoạch.")}) {
    Doc d = extract({line});
    EXPECT_TRUE(d.figures.empty()) << line << dump(d.figures);
  }
}

TEST(FigureExtractor, NearnessAndNegatedBoundsKeepTheirCueInTheQuote) {
  Doc d = extract({"Năm 1972, gần 100 km đê bị phá hủy; đường sắt chỉ chiếm chưa đầy 0,2% sản lượng."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].quote, "gần 100 km");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "~");
  EXPECT_EQ(d.figures[1].quote, "chiếm chưa đầy 0,2%");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), "<");
  d = extract({"Tỷ lệ tốt nghiệp không thấp hơn 60%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].quote, "không thấp hơn 60%");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), ">=");
  // A span of time after "gần" is no figure, as after nothing.
  d = extract({"Sau gần 20 năm xây dựng, chưa đầy 20 năm sau đó thành phố đổi tên."});
  EXPECT_TRUE(d.figures.empty()) << dump(d.figures);
}

TEST(FigureExtractor, ARangeWithTheUnitAfterEachBoundIsOneFigure) {
  struct Case {
    const char* line;
    const char* quote;
    const char* comparator;
    double low, high;
  };
  for (const Case& c : {
           Case{"Phạt tiền từ 6.000.000 đồng đến 8.000.000 đồng đối với cá nhân.",
                "từ 6.000.000 đồng đến 8.000.000 đồng", "range", 6e6, 8e6},
           Case{"Phạt tiền từ 30 triệu đồng – 40 triệu đồng; tước giấy phép.", "từ 30 triệu đồng – 40 triệu đồng",
                "range", 3e7, 4e7},
           Case{"Tổng thu trên 525 tỷ đến 4.200 tỷ đồng được 5 điểm.", "trên 525 tỷ đến 4.200 tỷ đồng", ">",
                5.25e11, 4.2e12},
           Case{"Tỷ lệ từ 61% đến 80% số phiếu.", "từ 61% đến 80%", "range", 61, 80},
           // The per-what written once, after the second bound, holds for both.
           Case{"Thu nhập bình quân đạt từ 80 triệu đồng đến 90 triệu đồng/người/năm.",
                "bình quân đạt từ 80 triệu đồng đến 90 triệu đồng/người/năm", "range", 8e7, 9e7},
           Case{"GDP bình quân là tăng từ 7% đến 7,5%/năm.", "bình quân là tăng từ 7% đến 7,5%/năm", "range", 7, 7.5},
           // A bracket whose top is open: "từ 70 đến trên 100".
           Case{"Phân khúc cao cấp có giá khoảng từ 70 đến trên 100 triệu đồng/m2;",
                "khoảng từ 70 đến trên 100 triệu đồng", "~", 7e7, 1e8},
       }) {
    Doc d = extract({c.line});
    ASSERT_FALSE(d.figures.empty()) << c.line;
    const Figure& f = d.figures[0];
    EXPECT_EQ(f.quote, c.quote) << c.line << dump(d.figures);
    EXPECT_EQ(comparator_text(f.comparator), c.comparator) << c.line;
    EXPECT_DOUBLE_EQ(f.low, c.low) << c.line;
    EXPECT_DOUBLE_EQ(f.high, c.high) << c.line;
    if (std::string(c.line).find("/năm") != std::string::npos)
      EXPECT_NE(f.unit.find("/year"), std::string::npos) << c.line << dump(d.figures);
  }
  // Bounds of other scales or units stay two figures, as do bounds each with
  // its own per-what.
  Doc d0 = extract({"Hỗ trợ 50 triệu đồng/hộ - 20 triệu đồng/người."});
  EXPECT_EQ(d0.figures.size(), 2u) << dump(d0.figures);
  Doc d = extract({"Hỗ trợ từ 500 triệu đồng đến 1 tỷ đồng mỗi dự án."});
  EXPECT_EQ(d.figures.size(), 2u) << dump(d.figures);
  d = extract({"Sáp nhập 5 xã - 10 phường trong năm."});
  for (const Figure& f : d.figures) EXPECT_EQ(f.low, f.high) << dump(d.figures);
}

TEST(FigureExtractor, ASentenceOpeningOnEveryYearHoldsEachClauseToEachYear) {
  Doc d = extract({"Chỉ tiêu đến năm 2030", "",
                   "6.4. Hàng năm, số vụ phạm tội được phát hiện tăng trên 03%; số vụ có tổ chức được bắt giữ "
                   "tăng trên 03%; số vụ lợi dụng không gian mạng được triệt phá tăng trên 05%."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  for (const Figure& f : d.figures) EXPECT_EQ(f.unit, "percent/year") << dump(d.figures);
  // "hằng năm" inside a later clause holds only that clause.
  d = extract({"Số vụ phát hiện tăng 5%; hằng năm tỷ lệ xã đạt 90%."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "percent");
}

TEST(FigureExtractor, EveryYearAfterTheFigureIsARatePerYear) {
  Doc d = extract({"Thu ngân sách tăng 10% mỗi năm; tỷ lệ nghèo đa chiều duy trì mức giảm 1 -1,5% hằng năm."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "percent/year") << dump(d.figures);
  EXPECT_EQ(d.figures[1].unit, "percent/year") << dump(d.figures);
  // A level every year reaches stays a level.
  d = extract({"Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100% hằng năm."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "percent");
}

TEST(FigureExtractor, SpansSpeedsAndSpacedThousandsAreNoFigures) {
  // "bình quân 5 năm đạt …": the span the next figure averages.
  Doc d = extract({"Tốc độ tăng trưởng kinh tế bình quân 5 năm đạt khoảng 6,5 - 7%/năm."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "percent/year");
  // A speed is no length.
  EXPECT_TRUE(extract({"Tốc độ thiết kế tối đa đạt 160 km/h."}).figures.empty());
  // "10 000 giám đốc": no figure of 0 from the thousands.
  for (const Figure& f : extract({"Đào tạo 10 000 giám đốc điều hành."}).figures) EXPECT_NE(f.low, 0) << f.quote;
  // "thuê bao" is counted; "Thuế bảo vệ môi trường" folds the same and is not.
  d = extract({"Phấn đấu đạt 500.000 thuê bao; thu thuế bảo vệ môi trường 893.000."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].counted, "thuê bao");
}

TEST(FigureExtractor, APerWhatAfterTheSecondCountHoldsForBoth) {
  Doc d = extract({"Có 10 bác sĩ và 30 giường bệnh/1 vạn dân; tuổi thọ trung bình đạt trên 80 tuổi, trong đó số năm "
                   "sống khoẻ mạnh tăng lên trên 71 tuổi."});
  ASSERT_GE(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "count/10k_people") << dump(d.figures);
  EXPECT_EQ(d.figures[1].unit, "count/10k_people") << dump(d.figures);
  // An age something reaches ("đạt trên 80 tuổi") is its value, not a band.
  EXPECT_EQ(d.figures[2].low, 80) << dump(d.figures);
  // Counts of other things keep their own unit.
  d = extract({"Có 10 xã và 30 giường bệnh/1 vạn dân."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "count") << dump(d.figures);
}

TEST(FigureExtractor, ResultsOfTheFirstMonthsAndRequirements) {
  // The first months of a year are reported, not planned.
  Doc d = extract({"Hơn 15000 căn hộ nhà ở xã hội được hoàn thành trong 4 tháng đầu năm 2025"});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[0].kind), "result") << dump(d.figures);
  // "phải đạt" requires: a target even beside a result.
  d = extract({"Đôn đốc các doanh nghiệp phủ sóng 5G trên phạm vi toàn quốc, phải đạt 90% trong năm 2025 (đến nay mới "
               "đạt 39,5%)."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[0].kind), "target") << dump(d.figures);
}

TEST(FigureExtractor, PeriodsEndingOnADayRangesWithDivisionSignsAndBills) {
  Doc d = extract({"Trong giai đoạn từ năm 2021 đến ngày 30/6/2025, có 692 dự án được triển khai với quy mô 633.559 căn."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2021-2025") << dump(d.figures);
  // "÷" joins a range.
  d = extract({"Quy mô lao động khoảng 1.600 ÷ 2.000 người; mật độ xây dựng 55,7÷60,9%."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 1600);
  EXPECT_DOUBLE_EQ(d.figures[0].high, 2000);
  EXPECT_DOUBLE_EQ(d.figures[1].low, 55.7);
  // Bills are no projects; the first years of a loan are a span; banks count.
  EXPECT_TRUE(extract({"Quốc hội cho ý kiến đối với 08 dự án luật."}).figures.empty());
  EXPECT_TRUE(extract({"Trong đó: 5 năm đầu tiên, lãi suất ưu đãi."}).figures.empty());
  d = extract({"Đến nay đã có 9 NHTM tham gia chương trình."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].counted, "NHTM");
}

TEST(FigureExtractor, PercentInBracketsPlotsAndDoctors) {
  // "chiếm tỷ lệ 27,04 (%)": the unit in brackets; "so với 1928 (%)" in a
  // column header is a year.
  Doc d = extract({"Diện tích đất cây xanh khoảng 92.810,79m2 chiếm tỷ lệ 27,04 (%);"});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "percent");
  EXPECT_DOUBLE_EQ(d.figures[0].low, 27.04);
  EXPECT_TRUE(extract({"| Tăng trưởng 1937 so với 1928 (%) |"}).figures.empty());
  d = extract({"Trong quý I/2025 có 17 dự án hoàn thành với hơn 4.400 lô/nền; tổng đội bay đạt 31 tàu bay."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[1].unit, "count");
  EXPECT_EQ(d.figures[2].counted, "tàu bay");
  // Doctors are people; per 10,000 people the schema counts them.
  d = extract({"Mỗi năm điều động ít nhất 1.000 bác sĩ về trạm y tế; đạt 19 bác sĩ/vạn dân."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "person/year") << dump(d.figures);
  EXPECT_EQ(d.figures[1].unit, "count/10k_people") << dump(d.figures);
  // A name's number before a list's length ("Đông Triều 2") is no count of a tally.
  EXPECT_TRUE(extract({"- Phân chia KCN Đông Triều 2 thành 02 vùng chức năng chính:"}).figures.empty());
}

TEST(FigureExtractor, MoneyPerHeadWrittenWithASlash) {
  // "bình quân/người" names the head as "bình quân đầu người" does.
  Doc d = extract({"(3) GRDP bình quân/người: từ 8.300 đến 8.500 USD."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "USD/person") << dump(d.figures);
}

TEST(FigureExtractor, LandPlansBaseLevelsScenariosAndFertility) {
  // "đất" folds like "đạt": "kế hoạch sử dụng đất 5 năm" names a plan, no duration.
  EXPECT_TRUE(extract({"Thay thế bằng kế hoạch sử dụng đất 5 năm cấp xã."}).figures.empty());
  // "bằng mức năm 2000" is the base, not the year of the figure before it.
  Doc d = extract({"Mục tiêu đến năm 2030", "",
                   "Tăng diện tích khu bảo tồn biển đạt tối thiểu 6% diện tích tự nhiên vùng biển quốc gia; phục hồi "
                   "diện tích rừng ngập mặn ven biển tối thiểu bằng mức năm 2000."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2030") << dump(d.figures);
  // A growth scenario is a plan.
  d = extract({"Tăng trưởng 9 tháng đầu năm đạt 6,26%, thấp hơn kịch bản tăng trưởng 06 tháng cuối năm của tỉnh (7,4%)."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[1].kind), "target") << dump(d.figures);
  // The total fertility rate counts children per woman.
  d = extract({"Tổng tỷ suất sinh đạt 2,1 con/phụ nữ."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "count/person") << dump(d.figures);
}

TEST(FigureExtractor, AHeadingOfEvaluationCriteriaReviewsNoResults) {
  Doc d = extract({"III. NỘI DUNG THI ĐUA, TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI", "",
                   "(1) 100% số người hưởng trợ cấp xã hội được tuyên truyền, giải thích."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[0].kind), "target") << dump(d.figures);
  // A heading that reviews ("đánh giá việc thực hiện") still reports results.
  d = extract({"I. ĐÁNH GIÁ VIỆC THỰC HIỆN NGHỊ QUYẾT", "",
               "(1) 100% số người hưởng trợ cấp xã hội được tuyên truyền, giải thích."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[0].kind), "result") << dump(d.figures);
}

TEST(FigureExtractor, AShareAfterAnEstimateWithItsOwnBangIsExact) {
  // "ước" heads the amount; "bằng 117,6% dự toán" past the comma is a share
  // of its own, as "đạt 100% kế hoạch" is.
  Doc d = extract({"Thu ngân sách 10 tháng ước đạt 47,5 nghìn tỷ đồng, bằng 117,6% dự toán Trung ương giao."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "~");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), "=") << dump(d.figures);
  // "ước tính bằng 70%": the estimate's own verb.
  d = extract({"Sản xuất ở miền Bắc ước tính bằng 70% ở miền Nam."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "~");
}

TEST(FigureExtractor, AYearAfterVaOpensALaterPart) {
  // "và từ năm 2030" opens the part after the first bound; the lettered item
  // reads as a heading, whose year must not come back through it.
  Doc d = extract({"Tiêu chí 2.3. Tỷ lệ giảng viên toàn thời gian có trình độ tiến sĩ:", "",
                   "a) Không thấp hơn 20% và từ năm 2030 không thấp hơn 30% đối với cơ sở giáo dục đại học."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2030") << dump(d.figures);
  d = extract({"Mục tiêu năm 2025 hoàn thành ít nhất 100.000 căn và tới 2030 hoàn thành ít nhất 1 triệu căn hộ."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2025") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2030") << dump(d.figures);
}

TEST(FigureExtractor, AYearDoesNotLeakFromTheNextParagraphOrAnAside) {
  // A stop before a citation mark ends the sentence and the paragraph: the
  // next paragraph's "Năm 2011" is not this one's year.
  Doc d = extract({"Năm 2018, tỉnh đứng thứ 41 về số dân và thứ 42 về tổng sản phẩm trên địa bàn. Với "
                   "1.051.800 người dân, tốc độ tăng trưởng GRDP của tỉnh trong năm đạt 6,17%.[19]",
                   "",
                   "Năm 2011, GRDP của tỉnh tăng trưởng hơn 10% và cao hơn bình quân cả nước."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[1].quote, "đạt 6,17%");
  EXPECT_EQ(d.figures[1].year, "2018") << dump(d.figures);
  EXPECT_EQ(d.figures[2].year, "2011") << dump(d.figures);
  // So does a citation mark with no stop before it: the paragraph after is
  // dated by its own date, not by the year that ends this one.
  d = extract({"Năm 2009, tốc độ tăng trưởng GDP tụt xuống còn 5,32%, năm 2011 là 5,89%[76]",
               "",
               "Tháng 5 năm 2009, Chính phủ tung ra gói kích cầu có giá trị 143.000 tỷ đồng."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[2].year, "2009") << dump(d.figures);
  // A year in brackets dates the words before the bracket, not a figure further on …
  d = extract({"Chính quyền tiếp quản bệnh viện Sùng Chính (đầu năm 1976) và 5 bệnh viện khác của các bang."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "") << dump(d.figures);
  // … and one after a phrase of time dates its sentence.
  d = extract({"Trong vòng 5 năm (2006-2010), lạm phát đã tăng gần 60% trong khi GDP chỉ tăng 35,1%."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2006-2010") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2006-2010") << dump(d.figures);
  // … but one right before the figure does.
  d = extract({"Dân số (năm 2019): 530.341 người."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2019") << dump(d.figures);
}

TEST(FigureExtractor, ADateInTheSentenceDatesItsFigures) {
  Doc d = extract({"Tính đến ngày 1 tháng 4 năm 2019, toàn tỉnh có 9 tôn giáo, nhiều nhất là Phật giáo có "
                   "52.881 người."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2019") << dump(d.figures);
  d = extract({"Cuối tháng 3 năm 2020, cả nước có 260 khu công nghiệp đã đi vào hoạt động."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2020") << dump(d.figures);
  // … and a date in an earlier sentence of the paragraph, when nearer than any year.
  d = extract({"Năm 2023, tỉnh có 2,2 triệu dân. Tính đến ngày 1 tháng 4 năm 2009, tỉnh có 47 dân tộc. "
               "Trong đó người Tày có 51.285 người."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2009") << dump(d.figures);
  // A year right after the figure dates it before one earlier in its clause.
  d = extract({"Sản lượng lương thực từ 3,76 triệu tấn năm 1955 tăng lên 5,19 triệu tấn năm 1959."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "1955") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "1959") << dump(d.figures);
  // … and so does a vision's year after it.
  d = extract({"Chi phí đầu tư: khoảng 120.839 tỷ đồng thời kỳ 2021-2030, khoảng 61.455 tỷ đồng tầm nhìn "
               "đến năm 2050."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2021-2030") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2050") << dump(d.figures);
  EXPECT_EQ(d.figures[1].indicator.display(), "Chi phí đầu tư") << dump(d.figures);
  // The date a cited document was issued dates nothing.
  d = extract({"Thực hiện Nghị quyết số 11/NQ-HĐND ngày 9/12/2022, tỷ lệ hộ nghèo giảm còn 2%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "") << dump(d.figures);
}

TEST(FigureExtractor, AListLeadsYearFramesItsBullets) {
  Doc d = extract({"Các chỉ tiêu đạt được năm 2018:", "",
                   "- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng còn 9,7%.", "",
                   "- Tỷ lệ hộ nghèo còn 7,05%.", "",
                   "Tỷ lệ che phủ rừng đạt 42%."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2018") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2018") << dump(d.figures);
  EXPECT_EQ(d.figures[2].year, "") << dump(d.figures);  // the list has ended
  // A short bullet without a stop reads as a heading but goes on the list.
  d = extract({"Theo báo cáo chính trị Đại hội Đảng bộ các tỉnh, thành phố năm 2015, GDP bình quân đầu người "
               "của các tỉnh thành:",
               "- Phú Yên: 33 triệu đồng", "- Yên Bái: hơn 25 triệu đồng;"});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2015") << dump(d.figures);
}

TEST(FigureExtractor, NotFiguresNamesWithNumbers) {
  for (const std::string& line :
       {std::string("Đại dịch Covid-19 kéo dài ảnh hưởng nghiêm trọng đến mọi mặt đời sống."),
        std::string("Ứng dụng mạnh mẽ công nghệ 4.0 trong sản xuất, kinh doanh."),
        std::string("Nâng cấp, mở rộng Quốc lộ 91 từ đoạn Km0 - Km7; đường vành đai phía Tây."),
        std::string("Tiếp tục triển khai, thực hiện hiệu quả Đề án 06 của Chính phủ."),
        std::string("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa X.")}) {
    Doc d = extract({line});
    EXPECT_TRUE(d.figures.empty()) << line << dump(d.figures);
  }
}

TEST(FigureExtractor, NotFiguresCountsThatAreNotIndicators) {
  for (const std::string& line :
       {std::string("Đảng bộ thành phố rút ra 05 bài học kinh nghiệm như sau:"),
        std::string("Hệ thống chính trị của 3 địa phương thống nhất nhận thức và hành động."),
        std::string("Sau 15 năm thực hiện, tăng 7 lần so với trước."),
        std::string("Hoàn thành phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi.")}) {
    Doc d = extract({line});
    EXPECT_TRUE(d.figures.empty()) << line << dump(d.figures);
  }
}

TEST(FigureExtractor, NotFiguresInsideQuotationMarks) {
  Doc d = extract({"Đầu tư công trung hạn gắn với mục tiêu tăng trưởng “2 con số” và Đề án "
                   "“Phát triển bền vững 1 triệu ha lúa chất lượng cao”, tỷ lệ đô thị hóa đạt 76%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 76);
  EXPECT_EQ(d.figures[0].unit, "percent");
  EXPECT_FALSE(any_value(d, 2));
  EXPECT_FALSE(any_value(d, 1e6));
}

TEST(FigureExtractor, NotFiguresYearsOfATerm) {
  Doc d = extract({"(24) Phấn đấu tỷ lệ kết nạp đảng viên mới nhiệm kỳ 2025 - 2030 tăng 3 - 4% "
                   "trên tổng số đảng viên của Đảng bộ."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 3);
  EXPECT_DOUBLE_EQ(f.high, 4);
  EXPECT_EQ(f.unit, "percent");
  EXPECT_EQ(comparator_text(f.comparator), "range");
  EXPECT_EQ(f.year, "2025-2030");
  EXPECT_EQ(f.item, "(24)");
  EXPECT_FALSE(any_value(d, 2025));
  EXPECT_FALSE(any_value(d, 2030));
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, NotFiguresItemAndHeadingNumbers) {
  Doc d = extract({"1. Mục tiêu", "", "(1) Tỷ lệ đô thị hóa đạt 76%.", "",
                   "Thực hiện các nhiệm vụ (1) và (2) nêu trên, tỷ lệ lao động qua đào tạo đạt 80%."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_FALSE(any_value(d, 1));
  EXPECT_FALSE(any_value(d, 2));
  EXPECT_DOUBLE_EQ(d.figures[0].low, 76);
  EXPECT_EQ(d.figures[0].item, "(1)");
  EXPECT_EQ(d.figures[0].indicator.display(), "Tỷ lệ đô thị hóa");
  EXPECT_EQ(d.figures[0].quote, "đạt 76%");
  EXPECT_EQ(d.figures[0].number_line, 3u);
  EXPECT_DOUBLE_EQ(d.figures[1].low, 80);
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, NotFiguresFractions) {
  Doc d = extract({"(18) Phấn đấu đến năm 2030 đạt 90,3% xã (65/72 xã) đạt chuẩn nông thôn mới."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 90.3);
  EXPECT_EQ(f.unit, "percent");
  EXPECT_EQ(f.year, "2030");
  EXPECT_FALSE(any_value(d, 65));
  EXPECT_FALSE(any_value(d, 72));
}

// ---------------------------------------------------------------------------
// How figures are read.

TEST(FigureExtractor, ScaledMoneyTarget) {
  Doc d = extract({"(1) Tổng sản phẩm trên địa bàn (GRDP) tính theo giá hiện hành đến năm 2030 đạt "
                   "tối thiểu 717.000 tỷ đồng. GRDP bình quân đầu người đến năm 2030 phấn đấu đạt "
                   "khoảng 215 triệu đồng/người/năm."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  const Figure& a = d.figures[0];
  EXPECT_DOUBLE_EQ(a.low, 7.17e14);
  EXPECT_DOUBLE_EQ(a.high, 7.17e14);
  EXPECT_EQ(a.unit, "VND");
  EXPECT_EQ(comparator_text(a.comparator), ">=");
  EXPECT_EQ(a.year, "2030");
  EXPECT_EQ(kind_text(a.kind), "target");
  EXPECT_EQ(a.item, "(1)");
  EXPECT_EQ(a.quote, "đạt tối thiểu 717.000 tỷ đồng");  // from the first qualifier word
  EXPECT_EQ(a.indicator.display(), "Tổng sản phẩm trên địa bàn (GRDP) tính theo giá hiện hành");
  const Figure& b = d.figures[1];
  EXPECT_DOUBLE_EQ(b.low, 2.15e8);
  EXPECT_EQ(b.unit, "VND/person/year");
  EXPECT_EQ(comparator_text(b.comparator), "~");
  EXPECT_EQ(kind_text(b.kind), "target");  // "khoảng" is approximate, not an estimate of a result
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, WrappedFigureAcrossLines) {
  // The subject on one line, the number two lines further down after a blank line.
  Doc d = extract({"(5) Tỷ lệ giải ngân vốn đầu tư công đạt tối thiểu", "",
                   "trên 95% kế hoạch vốn được giao trong năm 2025."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 95);
  EXPECT_EQ(f.unit, "percent");
  EXPECT_EQ(comparator_text(f.comparator), ">");  // nearest qualifier "trên" wins over "tối thiểu"
  EXPECT_EQ(f.year, "2025");
  EXPECT_EQ(f.item, "(5)");
  EXPECT_EQ(f.number_line, 3u);
  EXPECT_EQ(f.line, 1u);
  EXPECT_EQ(f.line_end, 3u);
  EXPECT_EQ(f.char_start, 36u);  // "đạt" in line 1
  EXPECT_EQ(f.char_end, 8u);     // past "trên 95%"
  EXPECT_EQ(f.quote, "đạt tối thiểu\n\ntrên 95%");
  EXPECT_EQ(f.indicator.display(), "Tỷ lệ giải ngân vốn đầu tư công");
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, WrappedLineStartingWithDigitAndComparisonBaseYear) {
  Doc d = extract({"CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025", "",
                   "(4) Tổng vốn đầu tư phát triển toàn xã hội dự kiến tăng", "",
                   "23 - 29% so ước thực hiện năm 2024."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 23);
  EXPECT_DOUBLE_EQ(f.high, 29);
  EXPECT_EQ(comparator_text(f.comparator), "range");
  EXPECT_EQ(f.number_line, 5u);
  EXPECT_EQ(f.line, 3u);
  EXPECT_EQ(f.year, "2025");  // 2024 is the comparison base
  EXPECT_EQ(kind_text(f.kind), "target");
  EXPECT_EQ(f.item, "(4)");
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, BreakdownCarriesItsParent) {
  // Seed 002, item (1), hard-wrapped with a blank line inside the sentence.
  Doc d = extract({"(1) Tăng trưởng kinh tế (GRDP) đạt tối thiểu từ 9,5% trở lên; trong đó: nông, "
                   "lâm nghiệp, thủy sản tăng từ 2,56% trở lên; khu vực công nghiệp - xây dựng tăng",
                   "",
                   "từ 11,42% trở lên; dịch vụ tăng từ 10,01% trở lên; thuế sản phẩm trừ trợ cấp "
                   "sản phẩm tăng từ 6,65% trở lên."});
  ASSERT_EQ(d.figures.size(), 5u) << dump(d.figures);
  const double lows[] = {9.5, 2.56, 11.42, 10.01, 6.65};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(d.figures[i].low, lows[i]);
    EXPECT_EQ(comparator_text(d.figures[i].comparator), ">=") << lows[i];
    EXPECT_EQ(d.figures[i].unit, "percent");
    EXPECT_EQ(d.figures[i].item, "(1)");
  }
  const std::string parent = "Tăng trưởng kinh tế (GRDP)";
  EXPECT_EQ(d.figures[0].indicator.display(), parent);
  EXPECT_TRUE(d.figures[0].indicator.parent.empty());
  EXPECT_EQ(d.figures[1].indicator.parent, parent);
  EXPECT_EQ(d.figures[1].indicator.display(), parent + " — nông, lâm nghiệp, thủy sản");
  EXPECT_EQ(d.figures[2].indicator.parent, parent);
  EXPECT_EQ(d.figures[2].indicator.display(), parent + " — khu vực công nghiệp - xây dựng");
  EXPECT_EQ(d.figures[2].number_line, 3u);
  EXPECT_EQ(d.figures[2].line, 1u);  // the quote opens with "tăng" at the end of line 1
  EXPECT_EQ(d.figures[4].indicator.display(), parent + " — thuế sản phẩm trừ trợ cấp sản phẩm");
  EXPECT_EQ(d.figures[0].quote, "đạt tối thiểu từ 9,5% trở lên");
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, ParenthesizedBreakdownEndsWithItsParenthesis) {
  Doc d = extract({"(3) Cơ cấu tổng sản phẩm trên địa bàn (GRDP) đến năm 2030 dự kiến: tỷ trọng "
                   "nông, lâm nghiệp và thủy sản chiếm thấp hơn 16%; công nghiệp và xây dựng chiếm "
                   "cao hơn 35% (trong đó, công nghiệp chiếm hơn 29%); dịch vụ chiếm cao hơn 45%."});
  ASSERT_EQ(d.figures.size(), 4u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "<");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">");
  const Figure* sub = find_low(d, 29);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(comparator_text(sub->comparator), ">");
  EXPECT_NE(sub->indicator.parent.find("công nghiệp và xây dựng"), std::string::npos) << sub->indicator.parent;
  const Figure* services = find_low(d, 45);
  ASSERT_NE(services, nullptr);
  EXPECT_EQ(services->indicator.parent.find("công nghiệp và xây dựng"), std::string::npos)
      << services->indicator.parent;
  EXPECT_NE(services->indicator.display().find("dịch vụ"), std::string::npos);
  for (const Figure& f : d.figures) EXPECT_EQ(f.year, "2030");
}

TEST(FigureExtractor, DecreaseKeepsItsMagnitude) {
  Doc d = extract({"(11) Giảm tỷ lệ hộ nghèo 0,2%, tỷ lệ hộ nghèo còn 0,05%."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 0.2);
  EXPECT_DOUBLE_EQ(d.figures[0].high, 0.2);
  EXPECT_EQ(d.figures[0].unit, "percent");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "=");
  EXPECT_NE(d.figures[0].indicator.display().find("tỷ lệ hộ nghèo"), std::string::npos);
  EXPECT_DOUBLE_EQ(d.figures[1].low, 0.05);
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, PerCapitaIndicatorAddsPerson) {
  Doc d = extract({"Đến năm 2025, GRDP/người đạt 6.200 - 6.800 USD.", "",
                   "(2) Tổng sản phẩm trên địa bàn (GRDP - giá hiện hành) bình quân đầu người đạt "
                   "113 - 115 triệu đồng."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  const Figure& usd = d.figures[0];
  EXPECT_DOUBLE_EQ(usd.low, 6200);
  EXPECT_DOUBLE_EQ(usd.high, 6800);
  EXPECT_EQ(usd.unit, "USD/person");
  EXPECT_EQ(comparator_text(usd.comparator), "range");
  EXPECT_EQ(usd.year, "2025");
  EXPECT_FALSE(usd.warnings.empty());  // the "/person" was inferred
  const Figure& vnd = d.figures[1];
  EXPECT_DOUBLE_EQ(vnd.low, 1.13e8);
  EXPECT_DOUBLE_EQ(vnd.high, 1.15e8);
  EXPECT_EQ(vnd.unit, "VND/person");
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, IcorIsAnIndexRange) {
  Doc d = extract({"Hệ số ICOR đạt 4,5-4,8."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 4.5);
  EXPECT_DOUBLE_EQ(d.figures[0].high, 4.8);
  EXPECT_EQ(d.figures[0].unit, "index");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "range");
  EXPECT_EQ(d.figures[0].quote, "đạt 4,5-4,8");
}

TEST(FigureExtractor, ApproximateRange) {
  Doc d = extract({"Vốn đầu tư công so với tổng vốn đầu tư toàn xã hội giai đoạn 2026-2030 chiếm "
                   "khoảng 20-22%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 20);
  EXPECT_DOUBLE_EQ(f.high, 22);
  EXPECT_EQ(comparator_text(f.comparator), "~");
  EXPECT_EQ(f.unit, "percent");
  EXPECT_EQ(f.year, "2026-2030");
  EXPECT_EQ(f.number_text, "20-22");
}

TEST(FigureExtractor, ReversedRangeIsOrderedWithAWarning) {
  Doc d = extract({"(3) Cơ cấu kinh tế: nông, lâm nghiệp, thủy sản chiếm 8,93 - 8,84%, công "
                   "nghiệp - xây dựng chiếm 30,5%."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 8.84);
  EXPECT_DOUBLE_EQ(f.high, 8.93);
  EXPECT_EQ(comparator_text(f.comparator), "range");
  EXPECT_TRUE(has_warning(f, "reverse")) << ::testing::PrintToString(f.rendered_warnings());
  EXPECT_EQ(f.indicator.parent, "Cơ cấu kinh tế");
  EXPECT_FALSE(has_warning(d.figures[1], "reverse"));
}

// A heading's year and the bullet under it, after a blank line, are no range;
// a range a hard wrap cut before its dash is.
TEST(FigureExtractor, ABulletsDashIsNoRange) {
  Doc d = extract({"(2) Năm 2026", "", "- 100% cán bộ, công chức có hiểu biết về chuyển đổi số."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 100);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "=");
  EXPECT_EQ(d.figures[0].year, "2026") << dump(d.figures);
  d = extract({"Vốn đầu tư toàn xã hội tăng 10", "- 12,5%/năm."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "range") << dump(d.figures);
  d = extract({"diện tích trạm trung chuyển tối thiểu là 35m2, công suất 5", "-10 tấn/ngày đêm;"});
  ASSERT_FALSE(d.figures.empty());
  EXPECT_EQ(comparator_text(d.figures.back().comparator), "range") << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures.back().high, 10) << dump(d.figures);
}

TEST(FigureExtractor, DotDecimalIsReadWithAWarning) {
  // Seed 000 item (1): "10.5" where Vietnamese writes "10,5".
  Doc d = extract({"(1) Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) bình quân giai đoạn 2025 - "
                   "2030 đạt từ 10 - 10.5%/năm trở lên."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 10);
  EXPECT_DOUBLE_EQ(f.high, 10.5);
  EXPECT_EQ(f.unit, "percent/year");
  EXPECT_EQ(comparator_text(f.comparator), ">=");
  EXPECT_EQ(f.year, "2025-2030");
  EXPECT_EQ(f.quote, "đạt từ 10 - 10.5%/năm trở lên");
  EXPECT_TRUE(has_warning(f, "\".\"")) << ::testing::PrintToString(f.rendered_warnings());
}

TEST(FigureExtractor, ResultAndMissedTargetUnderAReviewHeading) {
  Doc d = extract(
      {"Điều 1. Về kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024", "",
       "Bên cạnh những kết quả đạt được, tình hình kinh tế - xã hội của thành phố còn nhiều khó "
       "khăn, hạn chế như: Tốc độ tăng trưởng GRDP ước tăng 5,86%, chưa đạt mục tiêu Nghị quyết "
       "năm đề ra (7,5 - 8%); sự phục hồi ở các ngành, các lĩnh vực chưa đồng đều.",
       "", "Điều 2. Về mục tiêu, các chỉ tiêu, nhiệm vụ và giải pháp chủ yếu năm 2025", "",
       "(8) Tỷ lệ đô thị hóa đạt 76%."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  const Figure& result = d.figures[0];
  EXPECT_DOUBLE_EQ(result.low, 5.86);
  EXPECT_EQ(comparator_text(result.comparator), "~");
  EXPECT_EQ(kind_text(result.kind), "result");
  EXPECT_EQ(result.year, "2024");
  EXPECT_EQ(result.quote, "ước tăng 5,86%");
  EXPECT_EQ(result.number_line, 3u);
  const Figure& missed = d.figures[1];
  EXPECT_DOUBLE_EQ(missed.low, 7.5);
  EXPECT_DOUBLE_EQ(missed.high, 8);
  EXPECT_EQ(comparator_text(missed.comparator), "range");
  EXPECT_EQ(kind_text(missed.kind), "target");
  EXPECT_EQ(missed.year, "2024");
  const Figure& next = d.figures[2];
  EXPECT_DOUBLE_EQ(next.low, 76);
  EXPECT_EQ(kind_text(next.kind), "target");
  EXPECT_EQ(next.year, "2025");
  EXPECT_EQ(comparator_text(next.comparator), "=");
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, PerTenThousandAndCountedNouns) {
  Doc d = extract({"(13) Đến năm 2030: phấn đấu đạt 19 bác sỹ/vạn dân; số giường bệnh đến cuối năm "
                   "2030 đạt trên 44 giường bệnh/vạn dân; đạt tỷ lệ bao phủ bảo hiểm y tế toàn dân.",
                   "", "(22) Phấn đấu đến năm 2030, hoàn thành 16.900 căn nhà ở xã hội."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 19);
  EXPECT_EQ(d.figures[0].unit, "count/10k_people");
  EXPECT_EQ(d.figures[0].counted, "bác sỹ");
  EXPECT_EQ(d.figures[0].year, "2030");
  EXPECT_DOUBLE_EQ(d.figures[1].low, 44);
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">");
  EXPECT_EQ(d.figures[1].counted, "giường bệnh");
  EXPECT_DOUBLE_EQ(d.figures[2].low, 16900);
  EXPECT_EQ(d.figures[2].unit, "count");
  EXPECT_EQ(d.figures[2].counted, "căn nhà");
  EXPECT_EQ(d.figures[2].item, "(22)");
}

TEST(FigureExtractor, AgesAndDurationsStatedAsValues) {
  Doc d = extract({"(12) Đến năm 2030, tuổi thọ trung bình tính từ lúc sinh đạt khoảng 75,5 tuổi, "
                   "trong đó thời gian sống khỏe mạnh đạt tối thiểu 68 năm."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 75.5);
  EXPECT_EQ(d.figures[0].unit, "year");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "~");
  EXPECT_DOUBLE_EQ(d.figures[1].low, 68);
  EXPECT_EQ(d.figures[1].unit, "year");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">=");
  EXPECT_EQ(d.figures[1].year, "2030");
}

// Words that fold like a qualifier are not qualifiers: "đầu tư" and "trật tự"
// fold to "dau tu"/"trat tu", and "tu" is also "từ".
// DISABLED: read on folded text only, "tư"/"tự" are taken for "từ": the quote
// opens at "tư"/"tự" and the indicator loses its last word ("Tổng vốn đầu").
TEST(FigureExtractor, WordsThatFoldLikeTuStayInTheIndicator) {
  Doc d = extract({"Tổng vốn đầu tư đạt 286.000 tỷ đồng.", "",
                   "Tỷ lệ xã đạt tiêu chuẩn an toàn về an ninh, trật tự từ 75% trở lên."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 2.86e14);
  EXPECT_EQ(d.figures[0].indicator.display(), "Tổng vốn đầu tư");
  EXPECT_EQ(d.figures[0].quote, "đạt 286.000 tỷ đồng");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">=");
  EXPECT_EQ(d.figures[1].quote, "từ 75% trở lên");
  EXPECT_EQ(d.figures[1].indicator.display(), "Tỷ lệ xã đạt tiêu chuẩn an toàn về an ninh, trật tự");
}

// "Thu nhập bình quân" is a per-capita indicator (data/implied_units.tsv), so a
// money figure without "/người" still gets "/person", as it does when other
// words stand between "bình quân" and "đạt".
// DISABLED: "bình quân" right before "đạt" is read as a connecting qualifier and
// cut from the indicator ("Thu nhập"), so the implied "/person" is not found:
// the unit comes out "VND/month".
TEST(FigureExtractor, AverageIncomeIsPerPerson) {
  Doc d = extract({"Thu nhập bình quân đạt 5 triệu đồng/tháng.", "",
                   "Thu nhập bình quân của người dân đạt 5 triệu đồng/tháng."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[1].unit, "VND/person/month");  // passes today
  EXPECT_EQ(d.figures[0].unit, "VND/person/month");
  EXPECT_DOUBLE_EQ(d.figures[0].low, 5e6);
}

// An age band that describes a population is not a figure (README: "trẻ em từ
// 3 đến 5 tuổi"); "dưới 5 tuổi" describes the children the rate is about.
// DISABLED: "dưới" counts as a value word, so "dưới 5 tuổi" becomes a figure
// (5, year, "<"), and the real figure 12% loses its indicator.
TEST(FigureExtractor, AgeBandWithQualifierIsNotAFigure) {
  Doc d = extract({"Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi giảm còn dưới 12%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 12);
  EXPECT_EQ(d.figures[0].unit, "percent");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "<");
  EXPECT_NE(d.figures[0].indicator.display().find("Tỷ lệ suy dinh dưỡng"), std::string::npos);
}

// DISABLED: the year after "dân số" is taken for a comparison base (see
// Period.DanSoIsNotAComparisonBase), so the figure gets no year.
TEST(FigureExtractor, YearAfterDanSoIsTheFiguresYear) {
  Doc d = extract({"Quy mô dân số năm 2030 đạt khoảng 1,5 triệu người."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 1.5e6);
  EXPECT_EQ(d.figures[0].unit, "person");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "~");
  EXPECT_EQ(d.figures[0].year, "2030");
}

TEST(FigureExtractor, QuoteIsCutFromTheRawLineDespiteRepairs) {
  // A bookmark, an NBSP and decomposed marks in the raw line: offsets and quote
  // refer to the raw text.
  const std::string raw =
      "[bookmark: _GoBack](8) Tỷ lệ đô thị h\x6F\xCC\x81\x61 đ\x61\xCC\xA3t\u00A076%.";
  Doc d = extract({raw});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  const Figure& f = d.figures[0];
  EXPECT_DOUBLE_EQ(f.low, 76);
  EXPECT_EQ(f.item, "(8)");
  EXPECT_EQ(f.quote, "đ\x61\xCC\xA3t\u00A076%");
  EXPECT_EQ(f.indicator.display(), "Tỷ lệ đô thị hóa");
  EXPECT_EQ(f.char_start, cp_count(raw.substr(0, raw.find("đ\x61\xCC\xA3t"))));
  EXPECT_EQ(f.char_end, cp_count(raw) - 1);
  expect_quotes_match_offsets(d);
}

TEST(FigureExtractor, QuotesMatchOffsetsOnEveryCorpusFigure) {
  const Lexicon& lex = default_lexicon();
  size_t figures = 0;
  for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus")) {
    if (e.path().extension() != ".txt") continue;
    ExtractedDocument doc;
    ASSERT_TRUE(extract_document(lex, e.path().string(), "", &doc).ok()) << e.path();
    for (const Figure& f : doc.figures) {
      ++figures;
      EXPECT_EQ(f.quote, quote_from_offsets(doc.source.lines, f))
          << e.path().filename() << ":" << f.number_line;
      EXPECT_LE(f.low, f.high);
      EXPECT_FALSE(f.unit.empty());
    }
  }
  EXPECT_GT(figures, 100u);
}

// The year of a sentence without one is the nearest earlier in its paragraph.
TEST(FigureExtractor, NearestEarlierYearInTheParagraph) {
  std::vector<std::string> raw = {
      "Đến năm 2025, tỷ lệ A đạt 50%. Đến năm 2030, tỷ lệ A đạt 70%. Trong đó, khu vực X đạt 80%."};
  std::vector<RepairedLine> rep;
  for (const auto& l : raw) rep.push_back(repair_line(l));
  std::vector<Figure> fs = extract_figures(default_lexicon(), raw, rep);
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[2].year, "2030");
}

// A year that opens a later part of the clause with a figure of its own dates
// that part, not the figure before it; a bare bracketed year after a figure
// does date it.
TEST(FigureExtractor, AYearOpeningALaterPartDatesOnlyThatPart) {
  Doc d = extract({"Năm 2018, tốc độ tăng trưởng ước đạt 10,36% (kế hoạch là 9,4%, năm 2017 tăng 9,53%)."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2018") << dump(d.figures);
  EXPECT_EQ(d.figures[2].year, "2017") << dump(d.figures);
  Doc bare = extract({"Xuất khẩu đạt 2,11 tỷ USD (năm 2017), 6,83 tỷ USD (năm 2018)."});
  ASSERT_EQ(bare.figures.size(), 2u) << dump(bare.figures);
  EXPECT_EQ(bare.figures[0].year, "2017") << dump(bare.figures);
  EXPECT_EQ(bare.figures[1].year, "2018") << dump(bare.figures);
  Doc estimate = extract({"Tăng trưởng GDP đạt 4,5% (2012 ước lượng)."});
  ASSERT_EQ(estimate.figures.size(), 1u) << dump(estimate.figures);
  EXPECT_EQ(estimate.figures[0].year, "2012");
}

// "Hiến pháp năm 2013" names a law; the date of the statement dates it.
TEST(FigureExtractor, ALawsYearIsNoYearOfAFigure) {
  Doc d = extract({"Ngày 16 tháng 6 năm 2025, thực hiện Hiến pháp năm 2013, tỉnh sắp xếp còn 53 xã."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2025");
}

// A span of years looked back or ahead over is no figure; a duration is.
TEST(FigureExtractor, ASpanOfYearsIsNoFigure) {
  EXPECT_TRUE(extract({"Hơn 1 năm qua, tỉnh đã triển khai nhiều giải pháp."}).figures.empty());
  EXPECT_TRUE(extract({"mức tăng trưởng trung bình 03 năm gần nhất của tỉnh"}).figures.empty());
  Doc life = extract({"Tuổi thọ trung bình đạt 75 năm."});
  ASSERT_EQ(life.figures.size(), 1u) << dump(life.figures);
  EXPECT_EQ(life.figures[0].unit, "year");
}

// "lớp 10", "lớp 6" are grades; "10 Đồng Nai", "5 Hà Nội" begin names.
TEST(FigureExtractor, GradesAndPlaceNamesAreNoFigures) {
  EXPECT_TRUE(extract({"Tuyển sinh lớp 6 trường THCS năm học 2025-2026."}).figures.empty())
      << dump(extract({"Tuyển sinh lớp 6 trường THCS năm học 2025-2026."}).figures);
  EXPECT_TRUE(extract({"Điểm chuẩn vào lớp 10 Đồng Nai và lớp 10 Hà Nội đã công bố."}).figures.empty());
  Doc money = extract({"Thu Ngân Sách Đạt 5.000 Tỷ Đồng Cho Đầu Tư"});
  ASSERT_EQ(money.figures.size(), 1u) << dump(money.figures);
  EXPECT_DOUBLE_EQ(money.figures[0].low, 5e12);
}

// "vào năm", "cuối năm" and a year right after a figure date it.
TEST(FigureExtractor, AYearRightAfterAFigureDatesIt) {
  Doc d = extract({"Tỷ lệ hộ nghèo giảm từ 58% năm 1992 xuống còn 7,6% cuối năm 2013; dân số từ 148.599 người "
                   "vào năm 1964 tăng lên gần 500.000 người vào năm 1975."});
  ASSERT_EQ(d.figures.size(), 4u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "1992");
  EXPECT_EQ(d.figures[1].year, "2013");
  EXPECT_EQ(d.figures[2].year, "1964");
  EXPECT_EQ(d.figures[3].year, "1975");
}

// A report or regulation that names no year otherwise speaks of the year it
// is dated; a plan's goals and a press text's figures do not take it.
TEST(FigureExtractor, AReportWithoutAYearSpeaksOfItsDatesYear) {
  std::vector<std::string> raw = {"Đội ngũ cán bộ cấp xã được bố trí hợp lý (trung bình 64 người/xã)."};
  std::vector<RepairedLine> rep = {repair_line(raw[0])};
  DocumentContext report;
  report.reports = true;
  report.year = 2025;
  report.issued_year = 2025;
  std::vector<Figure> dated = extract_figures(default_lexicon(), raw, rep, report);
  ASSERT_EQ(dated.size(), 1u) << dump(dated);
  EXPECT_EQ(dated[0].year, "2025");
  EXPECT_EQ(dated[0].reading.year_source, "the year of the document's date");
  DocumentContext plan = report;
  plan.reports = false;
  plan.plans = true;
  EXPECT_EQ(extract_figures(default_lexicon(), raw, rep, plan).at(0).year, "");
  DocumentContext press;  // an article dated only by its dateline
  press.reports = true;
  press.year = 2015;
  EXPECT_EQ(extract_figures(default_lexicon(), raw, rep, press).at(0).year, "");
}

// Nothing is achieved yet in a year after the act was dated: a notice of 2025
// assigning "số hoá 100% dữ liệu … trong năm 2026" sets a task. A year of the
// notice itself, or a date only an article's text gives, leaves it a result.
TEST(FigureExtractor, AYearAfterTheActsDateIsNotAchievedYet) {
  std::vector<std::string> raw = {"Bộ Giáo dục và Đào tạo hoàn thành số hoá 100% dữ liệu văn bằng trong năm 2026;",
                                  "năm 2025 đã hoàn thành số hoá 80% dữ liệu."};
  std::vector<RepairedLine> rep = {repair_line(raw[0]), repair_line(raw[1])};
  DocumentContext notice;
  notice.reports = true;
  notice.year = notice.issued_year = notice.act_year = 2025;
  std::vector<Figure> fs = extract_figures(default_lexicon(), raw, rep, notice);
  ASSERT_EQ(fs.size(), 2u) << dump(fs);
  EXPECT_EQ(kind_text(fs[0].kind), "target") << dump(fs);
  EXPECT_EQ(kind_text(fs[1].kind), "result") << dump(fs);
  DocumentContext article = notice;  // dated by a date in its text only
  article.act_year = 0;
  EXPECT_EQ(kind_text(extract_figures(default_lexicon(), raw, rep, article).at(0).kind), "result");
}

// "năm nay" is the year the text was written, a press text's dateline
// included; "5 năm nay" is a span, no year.
TEST(FigureExtractor, ThisYearIsTheYearOfTheDocumentsDate) {
  std::vector<std::string> raw = {"Phấn đấu hoàn thành 3.000 km đường cao tốc trong năm nay.", "",
                                  "Sau 5 năm nay, tỉnh đã có 120 km đường cao tốc."};
  std::vector<RepairedLine> rep;
  for (const std::string& l : raw) rep.push_back(repair_line(l));
  DocumentContext press;  // dated by its dateline only
  press.year = 2025;
  std::vector<Figure> fs = extract_figures(default_lexicon(), raw, rep, press);
  ASSERT_EQ(fs.size(), 2u) << dump(fs);
  EXPECT_EQ(fs[0].year, "2025") << dump(fs);
  EXPECT_EQ(fs[1].year, "") << dump(fs);
  EXPECT_EQ(extract_figures(default_lexicon(), raw, rep, DocumentContext()).at(0).year, "") << "no date, no year";
}

// "từ 120% đến dưới 150%": one bracket, its upper bound left out.
TEST(FigureExtractor, ARangeUpToBelowIsOneRange) {
  Doc d = extract({"Mức hỗ trợ từ 150 triệu đồng đến dưới 500 triệu đồng cho mỗi dự án."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "range");
  EXPECT_DOUBLE_EQ(d.figures[0].low, 150e6);
  EXPECT_DOUBLE_EQ(d.figures[0].high, 500e6);
}

// A bare year with a measure after it is a quantity, not the year of a
// figure near it.
TEST(FigureExtractor, ABareYearWithAUnitIsNoYear) {
  Doc d = extract({"Sân bay Gia Bình rộng 1960 ha, Tân Sơn Nhất cũng khoảng 1500 ha."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 1960);
  EXPECT_EQ(d.figures[1].year, "") << dump(d.figures);
}

// After "từ", the bound's "trở lên" may come past the rest of the counted
// noun or the amount in words.
TEST(FigureExtractor, AnOpenBoundAfterTheCountedNounOrTheAmountInWords) {
  Doc d = extract({"Doanh nghiệp sử dụng từ 301 người lao động trở lên; mức phạt từ 30.000.000 đồng "
                   "(Ba mươi triệu đồng) trở lên."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[0].comparator), ">=");
  EXPECT_EQ(d.figures[0].quote, "từ 301 người lao động trở lên");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">=");
  // Without "từ" nothing is looked for past the unit.
  Doc plain = extract({"Có 301 người lao động trở lại làm việc."});
  ASSERT_EQ(plain.figures.size(), 1u) << dump(plain.figures);
  EXPECT_EQ(comparator_text(plain.figures[0].comparator), "=");
}

// Numbers in a web address are part of it.
TEST(FigureExtractor, NumbersInAWebAddressAreNoFigures) {
  Doc d = extract({"Nguồn: https://www.sbv.gov.vn/portal?leftWidth=20%25&rightWidth=0%25 và tỷ lệ đạt 45%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 45);
}

// A list's lead after a heading dates its items before the heading does.
TEST(FigureExtractor, AListsLeadBeatsTheHeadingAboveIt) {
  Doc d = extract({"I. Định hướng phát triển khu kinh tế đến năm 2050", "", "- Đến năm 2035:", "",
                   "+ Tỷ lệ lấp đầy diện tích công nghiệp đạt 80%;", "", "+ Thu ngân sách: 300.000 tỷ đồng;"});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2035") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "2035") << dump(d.figures);
}

// A lead that ends on its colon dates the plain paragraph it introduces; the
// paragraph after that, or a numbered item, is no longer the lead's.
TEST(FigureExtractor, ALeadEndingOnItsColonDatesTheParagraphItIntroduces) {
  Doc d = extract({"Tình hình kinh tế của tỉnh năm 2020:", "", "GRDP ước tính tăng 4,08% so với năm 2019.", "",
                   "Thu ngân sách đạt 5.000 tỷ đồng.", "", "(3) Đến năm 2030 dự kiến:", "(4) Tỷ lệ hộ nghèo 2%."});
  ASSERT_EQ(d.figures.size(), 3u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].year, "2020") << dump(d.figures);
  EXPECT_EQ(d.figures[1].year, "") << dump(d.figures);
  EXPECT_EQ(d.figures[2].year, "") << dump(d.figures);
}

// A web page talking to its reader is no part of the document.
TEST(FigureExtractor, AWebPageTalkingToItsReaderHoldsNoFigures) {
  Doc d = extract({"Tài khoản hiện đã đủ người dùng cùng thời điểm.", "Quý khách Đăng nhập vào thì sẽ",
                   "có 1 người khác bị Đăng xuất.", "", "Năm 2026, tỷ lệ người dân đăng nhập VNeID đạt 80%."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 80);
}

// A scoring guide's conditions for points, and the conditions a rule lists
// after "… các điều kiện sau:", are rules; a plan's "Phấn đấu đạt các tiêu chí
// sau:" still sets targets.
TEST(FigureExtractor, ConditionsForPointsAndListedConditionsAreRules) {
  Doc d = extract({"Tiêu chí 3: Nếu đạt 100% cộng 05 điểm, không đạt không cộng điểm.", "",
                   "Cá nhân được xếp loại xuất sắc phải đáp ứng các điều kiện sau:", "",
                   "- Hoàn thành 100% các nhiệm vụ được giao;", "", "- Có ít nhất 30% nhiệm vụ vượt mức.", "",
                   "Tỷ lệ hộ nghèo năm 2026 giảm còn 2%.", "", "Phấn đấu đến năm 2030 đạt các tiêu chí sau:", "",
                   "- Tỷ lệ trường đạt chuẩn quốc gia 90%."});
  ASSERT_EQ(d.figures.size(), 5u) << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[0].kind), "rule") << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[1].kind), "rule") << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[2].kind), "rule") << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[3].kind), "target") << dump(d.figures);
  EXPECT_EQ(kind_text(d.figures[4].kind), "target") << dump(d.figures);
}

// "A/B" money: the result and the plan it is measured against, two figures;
// a share of a count ("45/60 xã") and a date are no such pair.
TEST(FigureExtractor, AResultOverItsPlanGivesBoth) {
  Doc d = extract({"Năm 2026, chi đầu tư phát triển ước thực hiện 4.210,5 tỷ đồng/4.500 tỷ đồng, đạt 93,6% kế hoạch;"
                   " quỹ vận động được 8.120/7.000 triệu đồng *[2]*; có 45/60 xã đạt chuẩn ngày 20/10/2026."});
  ASSERT_GE(d.figures.size(), 5u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 4210.5e9);
  EXPECT_EQ(kind_text(d.figures[0].kind), "result");
  EXPECT_EQ(comparator_text(d.figures[0].comparator), "~");
  EXPECT_DOUBLE_EQ(d.figures[1].low, 4500e9);
  EXPECT_EQ(kind_text(d.figures[1].kind), "target");
  EXPECT_EQ(comparator_text(d.figures[1].comparator), "=");
  EXPECT_EQ(d.figures[1].year, "2026");
  EXPECT_EQ(d.figures[1].quote, "4.500 tỷ đồng");
  EXPECT_DOUBLE_EQ(d.figures[3].low, 8120e6);
  EXPECT_EQ(kind_text(d.figures[3].kind), "result");
  EXPECT_EQ(d.figures[3].quote, "8.120/7.000 triệu đồng");
  EXPECT_DOUBLE_EQ(d.figures[4].low, 7000e6);
  EXPECT_EQ(kind_text(d.figures[4].kind), "target");
  for (const Figure& f : d.figures) EXPECT_NE(f.low, 60) << dump(d.figures);
}

// A zone's number and a list's length are no figures.
TEST(FigureExtractor, AZonesNumberAndAListsLengthAreNoFigures) {
  Doc d = extract({"Quy hoạch Phân khu 06 Khu du lịch có diện tích 120 ha; danh sách 04 dự án trọng điểm kèm theo."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 120);
}

// What a count counts runs on after it, but not into the next figure's own
// words: its qualifier and its indicator stay its own.
TEST(FigureExtractor, ACountsTailLeavesTheNextFigureItsWords) {
  Doc d = extract({"Năm 2025, tỉnh thu hút 192 dự án đầu tư với tổng vốn đăng ký hơn 160.000 tỉ đồng; "
                   "có 26 dự án được cấp phép mới, quy mô gần 16.000 căn."});
  ASSERT_EQ(d.figures.size(), 4u) << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">") << dump(d.figures);
  EXPECT_EQ(d.figures[1].indicator.sub, "tổng vốn đăng ký") << dump(d.figures);
  EXPECT_EQ(comparator_text(d.figures[3].comparator), "~") << dump(d.figures);
}

// "đến đủ 10 năm" closes a range; "trở lên" after a noun of a few syllables
// still bounds the value "từ" opened.
TEST(FigureExtractor, UpToAFullTenAndAtLeastAfterANoun) {
  Doc d = extract({"Người có thời gian công tác còn trên 05 năm đến đủ 10 năm; giao dịch có giá trị từ 35% tổng "
                   "giá trị tài sản trở lên."});
  ASSERT_EQ(d.figures.size(), 2u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 5);
  EXPECT_DOUBLE_EQ(d.figures[0].high, 10);
  EXPECT_EQ(comparator_text(d.figures[1].comparator), ">=") << dump(d.figures);
}

// The factor of a formula is no figure; a percentage after "x" naming a
// thing is still read where no formula stands ("đạt 100%").
TEST(FigureExtractor, AFormulasFactorIsNoFigure) {
  Doc d = extract({"Cách tính: Tỷ lệ = b/a * 100%; Điểm = (A/B) x 100% x 5. Năm 2026 tỷ lệ đạt **100%**."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_DOUBLE_EQ(d.figures[0].low, 100);
  EXPECT_EQ(d.figures[0].year, "2026");
}

// "cán bộ" are people ("cán" folds like "căn"); "trường hợp" are cases, not schools.
TEST(FigureExtractor, CadresArePeopleAndCasesAreNoSchools) {
  Doc d = extract({"Đào tạo tối thiểu 1.000 cán bộ, chuyên gia; không thuộc 02 trường hợp nêu trên."});
  ASSERT_EQ(d.figures.size(), 1u) << dump(d.figures);
  EXPECT_EQ(d.figures[0].unit, "person");
  EXPECT_DOUBLE_EQ(d.figures[0].low, 1000);
}

// A page quoting the article of a decision that fixes a project: its figures
// are what the decision fixes, not due the year the decision was signed — the
// year after the act's number dates the act ("Quyết định 979/QĐ-TTg năm
// 2026"), and nothing dates the figures (../shared/dev's conventions: an
// act's date is no target year).
TEST(FigureExtractor, APageQuotingADecisionIsNotDatedByTheDecisionsYear) {
  ExtractedDocument doc;
  doc.source.lines = {"# Sơ bộ tổng mức đầu tư Dự án là bao nhiêu?", "",
                      "Sơ bộ tổng mức đầu tư Dự án là bao nhiêu? được quy định tại Điều 1 Quyết định 979/QĐ-TTg "
                      "năm 2026 như sau:",
                      "", "Điều 1. Chấp thuận chủ trương đầu tư với nội dung như sau:", "",
                      "6. Sơ bộ tổng mức đầu tư Dự án: 2.500 tỷ đồng."};
  extract_from_source(default_lexicon(), &doc);
  ASSERT_EQ(doc.figures.size(), 1u) << dump(doc.figures);
  EXPECT_EQ(doc.figures[0].year, "") << dump(doc.figures);
  EXPECT_EQ(kind_text(doc.figures[0].kind), "target") << dump(doc.figures);
}

// "của 08 xã: Ngọc Sơn, Quyết Thắng, …", "thành 02 vùng chức năng chính:" —
// how many members a list has; a goal's count, a tally and a total stay.
TEST(FigureExtractor, TheLengthOfAListOfMembersIsNoFigure) {
  EXPECT_TRUE(extract({"Phạm vi lập quy hoạch gồm toàn bộ địa giới hành chính của 08 xã: Ngọc Sơn, Quyết Thắng, "
                       "Thượng Cốc."})
                  .figures.empty());
  EXPECT_TRUE(extract({"- Phân chia khu công nghiệp thành 02 vùng chức năng chính:"}).figures.empty());
  EXPECT_TRUE(extract({"Thành lập huyện mới gồm 3 xã: Bình Kiến, Bình Ngọc và Hòa Kiến."}).figures.empty());
  // A goal's count, a tally of several counts, a total and lower-case words
  // after the colon stay figures.
  EXPECT_EQ(extract({"Phấn đấu có 05 xã đạt chuẩn nông thôn mới kiểu mẫu: Tân Hòa, Tân Phú."}).figures.size(), 1u);
  EXPECT_EQ(extract({"Tỉnh có 1 trường Đại học, 4 trường Cao đẳng, 2 trường Trung cấp:"}).figures.size(), 3u);
  EXPECT_EQ(extract({"Tổ chức 3 khoá học với tổng 109.384 lượt học gồm:"}).figures.size(), 1u);
  EXPECT_EQ(extract({"Năm 2025 toàn tỉnh có 24 xã: trong đó 10 xã đạt chuẩn."}).figures.size(), 2u);
}

}  // namespace
}  // namespace chitieu
