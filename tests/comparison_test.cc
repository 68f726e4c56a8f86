// The comparison model on hand-made figures: catalogue matching, the columns
// of each view, disagreement, results against targets and the internal checks,
// each able to fail.
#include "compare/comparison_table.h"

#include <gtest/gtest.h>

#include "support/comparison_figures.h"

namespace chitieu {
namespace {

IndicatorCatalogue catalogue() { return testing::data_catalogue(); }

StoredDocument doc(int64_t id, const std::string& name, const std::string& date) {
  return testing::comparison_document(id, name, date);
}

StoredFigure fig(int64_t id, int64_t doc_id, const std::string& indicator, double low, double high,
                 const std::string& unit, const std::string& cmp, const std::string& year,
                 const std::string& kind = "target") {
  return testing::comparison_figure(id, doc_id, indicator, low, high, unit, cmp, year, kind);
}

const ComparisonRow* row(const Comparison& c, const std::string& id, const std::string& year) {
  for (const ComparisonRow& r : c.rows)
    if (r.indicator_id == id && r.year == year) return &r;
  return nullptr;
}

TEST(Comparison, DisagreementResultsAndChecks) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2020-01-01"), doc(2, "b.txt", "2021-01-01")};
  std::vector<StoredFigure> figs = {
      fig(1, 1, "Tỷ lệ đô thị hóa", 50, 50, "percent", ">=", "2030"),
      fig(2, 2, "Tỉ lệ đô thị hoá", 80, 80, "percent", "=", "2030"),
      fig(3, 1, "Tỷ lệ che phủ rừng", 2, 2, "percent", "=", "2030"),
      fig(4, 2, "Tỷ lệ che phủ rừng", 2, 2, "percent", "=", "2030"),
      fig(5, 1, "Tốc độ tăng trưởng GRDP", 5.86, 5.86, "percent", "~", "2024", "result"),
      fig(6, 1, "Tốc độ tăng trưởng GRDP", 7.5, 8, "percent", "range", "2024"),
      // Shares that cannot sum to 100%: 60 + 50.
      fig(7, 2, "Cơ cấu kinh tế — dịch vụ", 60, 60, "percent", "=", "2025"),
      fig(8, 2, "Cơ cấu kinh tế — công nghiệp và xây dựng", 50, 50, "percent", "=", "2025"),
      fig(9, 1, "Tỷ lệ hộ nghèo", 90.3, 90.3, "percent", "=", "2030"),
  };
  figs[8].figure.char_end = 5;
  LineLookup lines = {{{1, 9}, "90,3% xã (65/70 xã)"}};
  Comparison c = build_comparison(cat, {}, docs, figs, lines, {});
  const ComparisonRow* urban = row(c, "urbanisation", "2030");
  ASSERT_NE(urban, nullptr);
  EXPECT_TRUE(urban->disagreement);
  const ComparisonRow* forest = row(c, "forest_cover", "2030");
  ASSERT_NE(forest, nullptr);
  EXPECT_FALSE(forest->disagreement);
  const ComparisonRow* growth = row(c, "grdp_growth", "2024");
  ASSERT_NE(growth, nullptr);
  ASSERT_EQ(growth->results.size(), 1u);
  EXPECT_FALSE(growth->results[0].achieved);
  int shares_failed = 0, fraction_failed = 0;
  for (const AuditFinding& f : c.findings) {
    shares_failed += f.check == "shares-sum" && !f.passed;
    fraction_failed += f.check == "percent-vs-fraction" && !f.passed;
  }
  EXPECT_EQ(shares_failed, 1);
  EXPECT_EQ(fraction_failed, 1);  // 65/70 is 92.86%, not 90,3%

  // A result that meets its target.
  figs[4].figure.low = figs[4].figure.high = 7.9;
  Comparison met = build_comparison(cat, {}, docs, figs, lines, {});
  EXPECT_TRUE(row(met, "grdp_growth", "2024")->results[0].achieved);

  // Filters: one document, one year.
  ComparisonOptions only;
  only.document = "b.txt";
  only.year = "2030";
  Comparison filtered = build_comparison(cat, {}, docs, figs, lines, only);
  EXPECT_EQ(filtered.documents.size(), 1u);
  for (const ComparisonRow& r : filtered.rows) EXPECT_EQ(r.year, "2030");
}

TEST(Comparison, ALoweringTargetIsMetByALowerResult) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2024-01-01")};
  // "Tỷ lệ hộ nghèo giảm còn 2%": 1,5% meets it, 3% does not.
  StoredFigure target = fig(1, 1, "Tỷ lệ hộ nghèo", 2, 2, "percent", "=", "2025");
  target.figure.reading.qualifier_before = {"con", "giam"};
  StoredFigure result = fig(2, 1, "Tỷ lệ hộ nghèo", 1.5, 1.5, "percent", "~", "2025", "result");
  Comparison met = build_comparison(cat, {}, docs, {target, result}, {}, {});
  ASSERT_EQ(row(met, "poverty_rate", "2025")->results.size(), 1u);
  EXPECT_TRUE(row(met, "poverty_rate", "2025")->results[0].achieved);
  result.figure.low = result.figure.high = 3;
  Comparison missed = build_comparison(cat, {}, docs, {target, result}, {}, {});
  EXPECT_FALSE(row(missed, "poverty_rate", "2025")->results[0].achieved);
}

TEST(Comparison, ByDocumentColumnsAreTheDocumentsInOrder) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2020-01-01"), doc(2, "b.txt", "2021-01-01"),
                                      doc(3, "c.txt", "2022-01-01")};
  std::vector<StoredFigure> figs = {fig(1, 3, "Tỷ lệ đô thị hóa", 50, 50, "percent", "=", "2030"),
                                    fig(2, 1, "Tỷ lệ đô thị hóa", 45, 45, "percent", "=", "2030")};
  Comparison c = build_comparison(cat, {}, docs, figs, {}, {});
  EXPECT_FALSE(c.by_year);
  ASSERT_EQ(c.columns.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(c.columns[i], Column::Document(i));
    EXPECT_EQ(c.columns[i].label(), "D" + std::to_string(i + 1));
  }
  const ComparisonRow* urban = row(c, "urbanisation", "2030");
  ASSERT_NE(urban, nullptr);
  ASSERT_EQ(urban->cells.size(), 3u);
  ASSERT_EQ(urban->cells[0].figures.size(), 1u);
  EXPECT_EQ(urban->cells[0].figures[0].id, 2);
  EXPECT_TRUE(urban->cells[1].figures.empty());
  EXPECT_EQ(urban->cells[2].figures[0].id, 1);
  EXPECT_NE(render_csv(c).find("indicator_id,indicator,year,unit,disagreement,a.txt,b.txt,c.txt\n"), std::string::npos);

  // A filtered document leaves its column out: the rest keep their order.
  ComparisonOptions only;
  only.document = "c.txt";
  Comparison one = build_comparison(cat, {}, docs, figs, {}, only);
  ASSERT_EQ(one.columns.size(), 1u);
  EXPECT_EQ(one.columns[0], Column::Document(0));
  EXPECT_EQ(one.documents[one.columns[0].document].file_name, "c.txt");
}

TEST(Comparison, ByYearColumnsAreTheYearsInOrder) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2020-01-01"), doc(2, "b.txt", "2021-01-01")};
  std::vector<StoredFigure> figs = {fig(1, 1, "Tỷ lệ đô thị hóa", 50, 50, "percent", "=", "2030"),
                                    fig(2, 2, "Tỷ lệ đô thị hóa", 40, 40, "percent", "=", "2025"),
                                    fig(3, 2, "Tỷ lệ đô thị hóa", 35, 35, "percent", "=", "")};
  ComparisonOptions by_year;
  by_year.by_year = true;
  Comparison c = build_comparison(cat, {}, docs, figs, {}, by_year);
  EXPECT_TRUE(c.by_year);
  ASSERT_EQ(c.columns.size(), 3u);
  // A figure without a year has the column "-", before the years.
  EXPECT_EQ(c.columns[0], Column::Year("-"));
  EXPECT_EQ(c.columns[1], Column::Year("2025"));
  EXPECT_EQ(c.columns[2], Column::Year("2030"));
  EXPECT_FALSE(c.columns[1].is_document());
  EXPECT_EQ(c.columns[2].label(), "2030");
  const ComparisonRow* urban = row(c, "urbanisation", "");
  ASSERT_NE(urban, nullptr);
  EXPECT_EQ(urban->cells[0].figures[0].id, 3);
  EXPECT_EQ(urban->cells[1].figures[0].id, 2);
  EXPECT_EQ(urban->cells[2].figures[0].id, 1);
  // Targets of different years do not disagree.
  EXPECT_FALSE(urban->disagreement);
  std::string md = render_markdown(c);
  EXPECT_NE(md.find("| Indicator | Unit | - | 2025 | 2030 | Flags |"), std::string::npos) << md;
  EXPECT_NE(render_csv(c).find("disagreement,-,2025,2030\n"), std::string::npos);

  // No figure: no year column, and no Year column either.
  by_year.indicator = "nothing like this";
  Comparison empty = build_comparison(cat, {}, docs, figs, {}, by_year);
  EXPECT_TRUE(empty.columns.empty());
  EXPECT_NE(render_markdown(empty).find("| Indicator | Unit | Flags |"), std::string::npos);
}

TEST(Disagreement, OnlyTargetsOfDifferentDocumentsOneYearAndOneChangeWhoseValuesDiffer) {
  StoredFigure a = fig(1, 1, "x", 50, 50, "percent", "=", "2030");
  StoredFigure b = fig(2, 2, "x", 60, 60, "percent", "=", "2030");
  StoredFigure same = fig(3, 1, "x", 70, 70, "percent", "=", "2030");
  StoredFigure result = fig(4, 2, "x", 20, 20, "percent", "=", "2030", "result");
  StoredFigure other_year = fig(5, 2, "x", 90, 90, "percent", "=", "2025");
  StoredFigure equal = fig(6, 2, "x", 50, 50, "percent", "=", "2030");
  // One line each: the year, both values as written and where they stand.
  a.figure.number_text = "50";
  a.figure.unit_text = "%";
  b.figure.number_text = "60";
  b.figure.unit_text = "%";
  EXPECT_EQ(disagreement_reasons({&a, &b}), std::vector<std::string>{"2030: 50% (d1.txt:1) vs 60% (d2.txt:2)"});
  // The pair's order is the order given.
  EXPECT_EQ(disagreement_reasons({&b, &a}), std::vector<std::string>{"2030: 60% (d2.txt:2) vs 50% (d1.txt:1)"});
  EXPECT_TRUE(disagreement_reasons({&a, &same}).empty());
  EXPECT_TRUE(disagreement_reasons({&a, &result}).empty());
  EXPECT_TRUE(disagreement_reasons({&a, &other_year}).empty());
  EXPECT_TRUE(disagreement_reasons({&a, &equal}).empty());
  // A comparator alone is no disagreement: "≥ 50%" and "50%" say the same.
  StoredFigure at_least = equal;
  at_least.figure.comparator = Comparator::kAtLeast;
  EXPECT_TRUE(disagreement_reasons({&a, &at_least}).empty());
  // Rounding noise is none either.
  StoredFigure close = equal;
  close.figure.low = close.figure.high = 50 + 1e-12;
  EXPECT_TRUE(disagreement_reasons({&a, &close}).empty());
  // A change of the indicator and its level are not compared, nor values in
  // units that cannot be (VND and USD); "/year" does not matter.
  StoredFigure growth = b;
  growth.figure.change = Change::kIncrease;
  EXPECT_TRUE(disagreement_reasons({&a, &growth}).empty());
  StoredFigure dollars = b;
  dollars.figure.unit = "USD";
  StoredFigure dong = a;
  dong.figure.unit = "VND";
  EXPECT_TRUE(disagreement_reasons({&dong, &dollars}).empty());
  StoredFigure per_year = b;
  per_year.figure.unit = "percent/year";
  EXPECT_EQ(disagreement_reasons({&a, &per_year}).size(), 1u);
  EXPECT_TRUE(comparable_units("percent", "percent/year"));
  EXPECT_TRUE(comparable_units("VND/person/year", "VND/person"));
  EXPECT_FALSE(comparable_units("VND", "USD"));
  EXPECT_FALSE(comparable_units("VND", "VND/person"));
}

TEST(Disagreement, TheTableAndItsJsonLinesAgree) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2020-01-01"), doc(2, "b.txt", "2021-01-01")};
  std::vector<StoredFigure> figs = {fig(1, 1, "Tỷ lệ đô thị hóa", 50, 50, "percent", ">=", "2030"),
                                    fig(2, 2, "Tỉ lệ đô thị hoá", 80, 80, "percent", "=", "2030")};
  Comparison c = build_comparison(cat, {}, docs, figs, {}, {});
  const ComparisonRow* urban = row(c, "urbanisation", "2030");
  ASSERT_NE(urban, nullptr);
  EXPECT_EQ(urban->disagreement_reasons,
            (std::vector<std::string>{"2030: ≥ 50.000000 percent (d1.txt:1) vs 80.000000 percent (d2.txt:2)"}));
  std::string jsonl = render_jsonl(c);
  EXPECT_NE(jsonl.find("\"disagreement\":true"), std::string::npos) << jsonl;
  EXPECT_NE(jsonl.find("\"disagreement_reasons\":[\"2030: ≥ 50.000000 percent (d1.txt:1) vs 80.000000 percent "
                       "(d2.txt:2)\"]"),
            std::string::npos)
      << jsonl;
}

}  // namespace
}  // namespace chitieu

namespace chitieu {
namespace {

// Issue 10's table as an analyst met it: "GRDP" held Gia Lai's growth beside
// Cần Thơ's investment worth 40% of GRDP, and "xã" held 90,3% and ≥ 50% of
// different things.
TEST(Comparison, ARowNeverHoldsTwoDifferentThings) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "gialai.txt", "2025-12-01"), doc(2, "cantho.txt", "2026-01-01"),
                                      doc(3, "camau.txt", "2025-11-24")};
  std::vector<StoredFigure> figs = {
      fig(1, 1, "GRDP", 7.2, 7.2, "percent", "=", "2025", "result"),
      fig(2, 2, "GRDP", 40, 40, "percent", "=", "2025"),
      fig(3, 2, "xã", 90.3, 90.3, "percent", "=", "2030"),
      fig(4, 1, "xã", 50, 50, "percent", ">=", "2030"),
      // A document giving two values of one uncatalogued wording, year and
      // change: the wording names the plan, not what was planned.
      fig(5, 3, "kế hoạch", 45.2, 45.2, "percent", "=", "2025", "result"),
      fig(6, 3, "kế hoạch", 101.3, 101.3, "percent", "=", "2025", "result"),
      // ... while one naming something groups across documents.
      fig(7, 1, "Số tàu cá đóng mới", 12, 12, "count", "=", "2025"),
      fig(8, 3, "đóng mới số tàu cá", 15, 15, "count", "=", "2025"),
  };
  figs[0].figure.change = Change::kIncrease;
  Comparison c = build_comparison(cat, {}, docs, figs, {}, {});
  std::map<int64_t, std::string> row_of;
  for (const ComparisonRow& r : c.rows)
    for (const ComparisonCell& cell : r.cells)
      for (const StoredFigure& sf : cell.figures) row_of[sf.id] = r.indicator_id + "|" + r.year;
  EXPECT_EQ(row_of[1], "grdp_growth|2025");
  EXPECT_NE(row_of[2], row_of[1]);
  EXPECT_NE(row_of[3], row_of[4]);
  EXPECT_NE(row_of[5], row_of[6]);
  EXPECT_EQ(row_of[7], row_of[8]);
  // The one disagreement is a real one: 12 and 15 new fishing boats for 2025.
  for (const ComparisonRow& r : c.rows) EXPECT_EQ(r.disagreement, r.indicator_id + "|" + r.year == row_of[7]) << r.indicator_id;
}

TEST(Comparison, TheCsvCarriesEachRowsUnit) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2020-01-01"), doc(2, "b.txt", "2021-01-01")};
  std::vector<StoredFigure> figs = {fig(1, 1, "Kim ngạch xuất khẩu", 8.2e9, 8.2e9, "USD", "=", "2030"),
                                    fig(2, 2, "Kim ngạch xuất khẩu", 2e14, 2e14, "VND", "=", "2030")};
  Comparison c = build_comparison(cat, {}, docs, figs, {}, {});
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0].unit, "USD; VND");
  std::string csv = render_csv(c);
  EXPECT_EQ(csv.rfind("indicator_id,indicator,year,unit,disagreement,a.txt,b.txt\n", 0), 0u) << csv;
  EXPECT_NE(csv.find("export_value,Kim ngạch xuất khẩu,2030,USD; VND,false,"), std::string::npos) << csv;
  // Dollars and đồng are not compared: no disagreement.
  EXPECT_FALSE(c.rows[0].disagreement);
}

TEST(Comparison, OneIndicatorAcrossDocumentsAndYears) {
  IndicatorCatalogue cat = catalogue();
  std::vector<StoredDocument> docs = {doc(1, "a.txt", "2020-01-01"), doc(2, "b.txt", "2021-01-01"),
                                      doc(3, "c.txt", "2022-01-01")};
  std::vector<StoredFigure> figs = {fig(1, 3, "Tỷ lệ bao phủ BHYT", 97, 97, "percent", ">", "2030"),
                                    fig(2, 1, "Tỷ lệ dân số tham gia bảo hiểm y tế", 93.7, 93.7, "percent", "=", "2025"),
                                    fig(3, 2, "Tỷ lệ che phủ rừng", 40, 40, "percent", "=", "2025"),
                                    fig(4, 1, "Tỷ lệ tham gia bảo hiểm y tế", 95, 95, "percent", "=", "2030")};
  ComparisonOptions one;
  one.indicator_id = "health_insurance";
  Comparison c = build_comparison(cat, {}, docs, figs, {}, one);
  // Only the documents that state it keep a column, in date order.
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[0].file_name, "a.txt");
  EXPECT_EQ(c.documents[1].file_name, "c.txt");
  ASSERT_EQ(c.rows.size(), 2u);
  EXPECT_EQ(c.rows[0].year, "2025");
  EXPECT_EQ(c.rows[1].year, "2030");
  for (const ComparisonRow& r : c.rows) EXPECT_EQ(r.indicator_id, "health_insurance");
  EXPECT_EQ(c.rows[1].cells[0].figures[0].id, 4);
  EXPECT_EQ(c.rows[1].cells[1].figures[0].id, 1);
  EXPECT_TRUE(c.rows[1].disagreement);  // 95% and > 97% for 2030
}

}  // namespace
}  // namespace chitieu
