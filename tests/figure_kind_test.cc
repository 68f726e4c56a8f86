// Target or result: decided from the words around a figure, in prose the
// project wrote for these tests.
#include "extractor/figure_kind.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/text.h"
#include "extractor/figure_extractor.h"
#include "extractor/text_repair.h"

namespace chitieu {
namespace {

std::vector<Figure> extract(const std::vector<std::string>& lines, const std::string& period = "") {
  std::vector<RepairedLine> repaired;
  for (const std::string& l : lines) repaired.push_back(repair_line(l));
  return extract_figures(default_lexicon(), lines, repaired, DocumentContext{period});
}

std::string kinds(const std::vector<Figure>& figures) {
  std::string out;
  for (const Figure& f : figures) out += std::string(kind_text(f.kind)).substr(0, 1);
  return out;
}

TEST(FigureKind, OutcomeWordsMakeResults) {
  // An estimate, a share of the plan, a change on last year, "thu hút".
  EXPECT_EQ(kinds(extract({"Năm 2024, thu ngân sách ước đạt 1.200 tỷ đồng."})), "r");
  EXPECT_EQ(kinds(extract({"Giải ngân vốn đầu tư công đạt 2.100 tỷ đồng, bằng 87,5% kế hoạch."})), "rr");
  EXPECT_EQ(kinds(extract({"Kim ngạch xuất khẩu đạt 640 triệu USD, tăng 12,3% so cùng kỳ."})), "rr");
  EXPECT_EQ(kinds(extract({"Trong năm, huyện thu hút 14 dự án với tổng vốn 950 tỷ đồng."})), "rr");
}

TEST(FigureKind, GoalWordsAndBoundsMakeTargets) {
  EXPECT_EQ(kinds(extract({"Phấn đấu tỷ lệ hộ nghèo giảm còn dưới 2%."})), "t");
  EXPECT_EQ(kinds(extract({"Tỷ lệ giải ngân vốn đầu tư công đạt tối thiểu 95% kế hoạch vốn."})), "t");
  EXPECT_EQ(kinds(extract({"Hoàn thành 100% chỉ tiêu tuyển quân hằng năm."})), "t");
  EXPECT_EQ(kinds(extract({"Mục tiêu đến năm 2030, tỷ lệ đô thị hóa đạt 45%."})), "t");
}

TEST(FigureKind, APassageReportingResultsGoesOnUntilATargetIsNamed) {
  std::vector<Figure> f = extract({
      "Năm 2024, dù còn khó khăn, huyện vẫn đạt nhiều kết quả quan trọng. Giá trị sản xuất tăng 7,9%; "
      "tỷ lệ đô thị hóa đạt 38%.",
      "",
      "Năm 2025, phấn đấu giá trị sản xuất tăng 8,5%."});
  EXPECT_EQ(kinds(f), "rrt");
}

TEST(FigureKind, ResultsOfAClauseCarryToTheNextClauseOfTheSentence) {
  std::vector<Figure> f = extract(
      {"Năm 2024, thu ngân sách ước đạt 215 tỷ đồng, vượt 12,5% dự toán; thu nhập bình quân "
       "đầu người đạt 68 triệu đồng/năm."});
  EXPECT_EQ(kinds(f), "rrr");
}

TEST(FigureKind, AYearBeforeThePlannedPeriodIsAResult) {
  std::vector<Figure> f = extract({"Tốc độ tăng trưởng kinh tế năm 2024 là 7,1%."}, "2025");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FigureKind::kResult);
  EXPECT_EQ(kinds(extract({"Tốc độ tăng trưởng kinh tế năm 2025 là 7,5%."}, "2025")), "t");
}

std::vector<Figure> extract_rules(const std::vector<std::string>& lines) {
  std::vector<RepairedLine> repaired;
  for (const std::string& l : lines) repaired.push_back(repair_line(l));
  DocumentContext regulation;
  regulation.states_rules = true;
  return extract_figures(default_lexicon(), lines, repaired, regulation);
}

// Each figure's kind in full ("rule" and "result" share a first letter).
std::string kind_words(const std::vector<Figure>& figures) {
  std::string out;
  for (const Figure& f : figures) out += (out.empty() ? "" : " ") + std::string(kind_text(f.kind));
  return out;
}

TEST(FigureKind, ABoundALawSetsIsARuleInAnyDocument) {
  // A condition, a prohibition, a penalty: the bound is the law's, whatever
  // the document's genre.
  EXPECT_EQ(kind_words(extract({"Trường hợp lợi nhuận thực hiện thấp hơn kế hoạch thì mức tiền lương tối đa "
                           "bằng 80% mức lương cơ bản."})),
            "rule");
  EXPECT_EQ(kind_words(extract({"Tổng mức góp vốn của các nhà đầu tư nước ngoài không được vượt quá 49% vốn "
                           "điều lệ."})),
            "rule");
  EXPECT_EQ(kind_words(extract({"Mức phạt tiền tối đa đối với cá nhân là 150.000.000 đồng."})), "rule");
  EXPECT_EQ(kind_words(extract({"Người vi phạm bị phạt tiền từ 6.000.000 đồng đến 8.000.000 đồng."})), "rule");
  // A goal's bound stays a target: named, or without the words of a law.
  EXPECT_EQ(kind_words(extract({"Tỷ lệ giải ngân vốn đầu tư công đạt tối thiểu 95% kế hoạch vốn."})), "target");
  EXPECT_EQ(kind_words(extract({"Trường hợp thuận lợi, phấn đấu tăng trưởng đạt ít nhất 8%."})), "target");
  EXPECT_EQ(kind_words(extract({"Với mục tiêu năm nay hoàn thành ít nhất 100.000 căn, trường hợp cần thiết "
                           "bổ sung vốn."})),
            "target");
  // "khoảng": a law sets no approximate value.
  EXPECT_EQ(kind_words(extract({"Trường hợp cần thiết, điều chỉnh bội chi lên mức khoảng 4 - 4,5% GDP."})), "target");
}

TEST(FigureKind, InARegulationABoundIsARuleUnlessItsSectionSetsTargets) {
  EXPECT_EQ(kind_words(extract_rules({"Phiên họp phải có ít nhất 80% tổng số Ủy viên tham dự."})), "rule");
  EXPECT_EQ(kind_words(extract_rules({"Trọng số tính điểm xét của môn Toán không dưới 25%."})), "rule");
  // No law sets an approximate value: a project's size in a decision is a plan's.
  EXPECT_EQ(kind_words(extract_rules({"Quy mô Dự án: diện tích đất khoảng 806,19 ha."})), "target");
  // Named plans and quotas are a condition's terms there.
  EXPECT_EQ(kind_words(extract_rules({"Tập thể có ít nhất 50% chỉ tiêu hoàn thành vượt mức."})), "rule");
  // A decision approving a programme is a regulation by its type; its
  // section of goals sets targets.
  EXPECT_EQ(kind_words(extract_rules({"II. MỤC TIÊU ĐẾN NĂM 2030", "",
                                 "- Tỷ lệ hồ sơ trực tuyến toàn trình đạt ít nhất 80%."})),
            "target");
}

TEST(FigureKind, QuotedWordsReportNothing) {
  // "quản lý theo kết quả" is a slogan, not a report of results.
  std::vector<Figure> f = extract({"Chuyển sang \"quản lý theo kết quả\" trong năm 2025. Tăng trưởng đạt 8%."});
  EXPECT_EQ(kinds(f), "t");
}

TEST(FigureKind, FirstYearOfAPeriod) {
  EXPECT_EQ(first_year("2026-2030"), 2026);
  EXPECT_EQ(first_year("2025"), 2025);
  EXPECT_EQ(first_year(""), 0);
  EXPECT_EQ(first_year("năm"), 0);
}

}  // namespace
}  // namespace chitieu

namespace chitieu {
namespace {

Change change_of(const std::string& sentence) {
  std::vector<Figure> f = extract({sentence});
  EXPECT_EQ(f.size(), 1u) << sentence;
  return f.empty() ? Change::kLevel : f[0].change;
}

TEST(FigureChange, AChangeIsNeverALevel) {
  EXPECT_EQ(change_of("GRDP năm 2025 tăng 7,2%."), Change::kIncrease);
  EXPECT_EQ(change_of("Tỷ lệ hộ nghèo giảm từ 0,5% trở lên."), Change::kDecrease);
  EXPECT_EQ(change_of("Giảm tỷ lệ hộ nghèo còn 2%."), Change::kLevel);
  EXPECT_EQ(change_of("Tốc độ tăng trưởng kinh tế đạt 8%."), Change::kIncrease);
  EXPECT_EQ(change_of("Khu vực dịch vụ chiếm 27%."), Change::kLevel);
  EXPECT_EQ(change_of("Tỷ lệ đô thị hóa đạt 45%."), Change::kLevel);
}

}  // namespace
}  // namespace chitieu
