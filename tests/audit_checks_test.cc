// Each audit check on hand-made figures: one input it passes, one it fails,
// and the table that names the findings.
#include "compare/audit_checks.h"

#include <gtest/gtest.h>

#include "support/comparison_figures.h"

namespace chitieu {
namespace {

using testing::comparison_figure;

struct Input {
  IndicatorCatalogue catalogue = testing::data_catalogue();
  std::vector<StoredFigure> figures;
  std::vector<MatchedFigure> matched;
  std::vector<ComparisonRow> rows;
  LineLookup lines;

  // Matches every figure as the comparison does.
  CheckInput get() {
    matched.clear();
    for (const StoredFigure& sf : figures)
      matched.push_back({&sf, catalogue.match(sf.figure)});
    return {catalogue, matched, rows, lines};
  }
};

TEST(AuditChecks, ResultVsTargetReportsTheRowsResults) {
  Input in;
  ComparisonRow row;
  row.indicator = "Tốc độ tăng trưởng GRDP";
  row.cells.resize(2);
  row.cells[0].figures = {comparison_figure(5, 1, "GRDP", 5.86, 5.86, "percent", "~", "2024", "result")};
  row.cells[1].figures = {comparison_figure(6, 2, "GRDP", 7.5, 8, "percent", "range", "2024")};
  row.results = {{5, 6, false, "~5.86% misses 7.5%"}};
  in.rows = {row};
  std::vector<AuditFinding> missed = check_result_vs_target(in.get());
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_FALSE(missed[0].passed);
  EXPECT_EQ(missed[0].message, "Tốc độ tăng trưởng GRDP 2024: ~5.86% misses 7.5% (d1.txt:5 vs d2.txt:6)");
  EXPECT_EQ(missed[0].figure_ids, (std::vector<int64_t>{5, 6}));

  in.rows[0].results[0].achieved = true;
  std::vector<AuditFinding> met = check_result_vs_target(in.get());
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(met[0].passed);
}

TEST(AuditChecks, SharesOfOneWholeSumTo100) {
  Input in;
  in.figures = {comparison_figure(1, 1, "Cơ cấu kinh tế — dịch vụ", 60, 60, "percent", "=", "2025"),
                comparison_figure(2, 1, "Cơ cấu kinh tế — công nghiệp và xây dựng", 39.8, 39.8, "percent", "~",
                                  "2025")};
  std::vector<AuditFinding> ok = check_shares_sum(in.get());
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_TRUE(ok[0].passed) << ok[0].message;
  EXPECT_EQ(ok[0].figure_ids, (std::vector<int64_t>{1, 2}));

  in.figures[1].figure.low = in.figures[1].figure.high = 50;
  std::vector<AuditFinding> over = check_shares_sum(in.get());
  ASSERT_EQ(over.size(), 1u);
  EXPECT_FALSE(over[0].passed);
  EXPECT_EQ(over[0].message, "grdp_structure in d1.txt 2025: 2 shares sum to 110.00 - 110.00%");

  // A bound ("at least 60%") cannot be summed: no finding.
  in.figures[0].figure.comparator = Comparator::kAtLeast;
  EXPECT_TRUE(check_shares_sum(in.get()).empty());
}

TEST(AuditChecks, APercentageAgainstItsOwnFraction) {
  Input in;
  in.figures = {comparison_figure(9, 1, "Tỷ lệ xã đạt chuẩn nông thôn mới", 90.3, 90.3, "percent", "=", "2025")};
  in.figures[0].figure.char_end = 5;  // after "90,3%"
  in.lines = {{{1, 9}, "90,3% xã (65/72 xã)"}};
  std::vector<AuditFinding> ok = check_percent_vs_fraction(in.get());
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_TRUE(ok[0].passed) << ok[0].message;

  in.lines = {{{1, 9}, "90,3% xã (65/70 xã)"}};
  std::vector<AuditFinding> off = check_percent_vs_fraction(in.get());
  ASSERT_EQ(off.size(), 1u);
  EXPECT_FALSE(off[0].passed);
  EXPECT_NE(off[0].message.find("65/70 = 92.86%"), std::string::npos) << off[0].message;

  // No fraction after the figure: nothing to check.
  in.lines = {{{1, 9}, "90,3% xã đạt chuẩn"}};
  EXPECT_TRUE(check_percent_vs_fraction(in.get()).empty());
}

TEST(AuditChecks, RangeBoundsWrittenHighToLow) {
  Input in;
  in.figures = {comparison_figure(3, 1, "Tốc độ tăng trưởng GRDP", 7, 8, "percent", "range", "2025")};
  in.figures[0].figure.quote = "8 - 7%";
  EXPECT_TRUE(check_range_order(in.get()).empty());

  in.figures[0].figure.warnings.push_back({WarningCode::kRangeReversed, "", "8 - 7%"});
  std::vector<AuditFinding> reversed = check_range_order(in.get());
  ASSERT_EQ(reversed.size(), 1u);
  EXPECT_FALSE(reversed[0].passed);
  EXPECT_EQ(reversed[0].message, "d1.txt:3: 8 - 7% — bounds written high to low");
}

TEST(AuditChecks, TheTableNamesEveryFindingInItsOrder) {
  std::vector<std::string> names;
  for (const NamedCheck& check : audit_checks()) names.emplace_back(check.name);
  EXPECT_EQ(names, (std::vector<std::string>{"result-vs-target", "shares-sum", "percent-vs-fraction", "range-order"}));

  Input in;
  in.figures = {comparison_figure(1, 1, "Cơ cấu kinh tế — dịch vụ", 60, 60, "percent", "=", "2025"),
                comparison_figure(2, 1, "Cơ cấu kinh tế — công nghiệp và xây dựng", 50, 50, "percent", "=", "2025"),
                comparison_figure(3, 1, "Tốc độ tăng trưởng GRDP", 7, 8, "percent", "range", "2025")};
  in.figures[2].figure.warnings.push_back({WarningCode::kRangeReversed, "", ""});
  std::vector<AuditFinding> all = run_audit_checks(in.get());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].check, "shares-sum");
  EXPECT_EQ(all[1].check, "range-order");
}

}  // namespace
}  // namespace chitieu
