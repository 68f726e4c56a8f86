// The comparison model on hand-made figures: catalogue matching, the columns
// of each view, disagreement, results against targets and the internal checks,
// each able to fail.
#include "compare/comparison_table.h"

#include <gtest/gtest.h>

#include "support/comparison_figures.h"

namespace chitieu {
namespace {

IndicatorName sub(const std::string& text) { return {"", text}; }

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

TEST(Comparison, CatalogueMatchesWordingsAndBreakdowns) {
  IndicatorCatalogue cat = catalogue();
  EXPECT_EQ(cat.match(sub("Tỉ lệ đô thị hoá"), "percent").id, "urbanisation");
  EXPECT_EQ(cat.match(sub("TY LE DO THI HOA"), "percent").id, "urbanisation");
  EXPECT_EQ(cat.match({"Cơ cấu kinh tế", "dịch vụ"}, "percent").id, "grdp_structure.services");
  EXPECT_EQ(cat.match({"Tăng trưởng kinh tế (GRDP)", "dịch vụ"}, "percent").id, "grdp_growth.services");
  EXPECT_EQ(cat.match(sub("GRDP/người"), "USD/person").id, "grdp_per_capita");
  // A unit the catalogue entry does not measure is no match.
  EXPECT_NE(cat.match(sub("Tỷ lệ đô thị hóa"), "VND").id, "urbanisation");
  // Uncatalogued wordings meet on their fingerprint, whatever the order and marks.
  IndicatorMatch a = cat.match(sub("số km đường cao tốc hoàn thành"), "km");
  IndicatorMatch b = cat.match(sub("hoàn thành số km đường cao tốc"), "km");
  EXPECT_EQ(a.method, "fingerprint");
  EXPECT_EQ(a.id, b.id);
  // An analyst's decision wins.
  std::map<std::string, MatchDecision> d = {
      {IndicatorCatalogue::decision_key(sub("Tỉ lệ đô thị hoá"), "percent"), {"reject", ""}}};
  EXPECT_EQ(cat.match(sub("Tỉ lệ đô thị hoá"), "percent", d).method, "fingerprint");
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

TEST(Comparison, UncataloguedWordingsOfDifferentQuantitiesStayApart) {
  IndicatorCatalogue cat = catalogue();
  EXPECT_NE(cat.match(sub("vốn cho dự án cầu cảng"), "percent").id,
            cat.match(sub("vốn cho dự án cầu cảng"), "VND").id);
}

TEST(Comparison, ABreakdownUnderABreakdownWalksTheParentsParts) {
  IndicatorCatalogue cat = catalogue();
  // The parent is the display form of an earlier breakdown: its parts lead
  // down the catalogue, the sub is the last step.
  EXPECT_EQ(cat.match({"Cơ cấu kinh tế — công nghiệp và xây dựng", "công nghiệp"}, "percent").id,
            "grdp_structure.industry.manufacturing");
  IndicatorMatch below = cat.match({"Cơ cấu kinh tế — dịch vụ", "du lịch lữ hành"}, "percent");
  EXPECT_EQ(below.id.rfind("grdp_structure.services/auto:", 0), 0u) << below.id;
  EXPECT_EQ(below.parent_id, "grdp_structure.services");
  // A sub alone, and a parent alone, match as themselves.
  EXPECT_EQ(cat.match({"Tỉ lệ đô thị hoá", ""}, "percent").id, "urbanisation");
  // The decision key is the folded display form, as analysts' decisions are stored.
  EXPECT_EQ(IndicatorCatalogue::decision_key({"Cơ cấu kinh tế", "Dịch vụ"}, "percent"),
            "co cau kinh te dich vu|percent");
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
  EXPECT_NE(render_csv(c).find("indicator_id,indicator,year,disagreement,a.txt,b.txt,c.txt\n"), std::string::npos);

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

TEST(Disagreement, TargetsDifferOnValueUnitAndComparator) {
  Figure a = fig(1, 1, "x", 50, 50, "percent", ">=", "2030").figure;
  EXPECT_TRUE(target_differences(a, a).empty());
  Figure value = a;
  value.high = 55;
  EXPECT_EQ(target_differences(a, value), std::vector<std::string>{"value"});
  Figure unit = a;
  unit.unit = "VND";
  EXPECT_EQ(target_differences(a, unit), std::vector<std::string>{"unit percent vs VND"});
  Figure cmp = a;
  cmp.comparator = Comparator::kEqual;
  EXPECT_EQ(target_differences(a, cmp), std::vector<std::string>{"comparator >= vs ="});
  // Rounding noise is no difference.
  Figure close = a;
  close.low = close.high = 50 + 1e-12;
  EXPECT_TRUE(target_differences(a, close).empty());
}

TEST(Disagreement, OnlyTargetsOfDifferentDocumentsAndOneYear) {
  StoredFigure a = fig(1, 1, "x", 50, 50, "percent", "=", "2030");
  StoredFigure b = fig(2, 2, "x", 60, 60, "percent", "=", "2030");
  StoredFigure same = fig(3, 1, "x", 70, 70, "percent", "=", "2030");
  StoredFigure result = fig(4, 2, "x", 20, 20, "percent", "=", "2030", "result");
  StoredFigure other_year = fig(5, 2, "x", 90, 90, "percent", "=", "2025");
  StoredFigure equal = fig(6, 2, "x", 50, 50, "percent", "=", "2030");
  EXPECT_EQ(disagreement_reasons({&a, &b}), std::vector<std::string>{"value (d1.txt:1 vs d2.txt:2)"});
  // The pair's order is the order given.
  EXPECT_EQ(disagreement_reasons({&b, &a}), std::vector<std::string>{"value (d2.txt:2 vs d1.txt:1)"});
  EXPECT_TRUE(disagreement_reasons({&a, &same}).empty());
  EXPECT_TRUE(disagreement_reasons({&a, &result}).empty());
  EXPECT_TRUE(disagreement_reasons({&a, &other_year}).empty());
  EXPECT_TRUE(disagreement_reasons({&a, &equal}).empty());
  b.figure.unit = "VND";
  b.figure.comparator = Comparator::kAtLeast;
  EXPECT_EQ(disagreement_reasons({&a, &b}),
            (std::vector<std::string>{"unit percent vs VND (d1.txt:1 vs d2.txt:2)", "value (d1.txt:1 vs d2.txt:2)",
                                      "comparator = vs >= (d1.txt:1 vs d2.txt:2)"}));
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
            (std::vector<std::string>{"comparator >= vs = (d1.txt:1 vs d2.txt:2)", "value (d1.txt:1 vs d2.txt:2)"}));
  std::string jsonl = render_jsonl(c);
  EXPECT_NE(jsonl.find("\"disagreement\":true"), std::string::npos) << jsonl;
  EXPECT_NE(jsonl.find("\"disagreement_reasons\":[\"value (d1.txt:1 vs d2.txt:2)\","
                       "\"comparator >= vs = (d1.txt:1 vs d2.txt:2)\"]"),
            std::string::npos)
      << jsonl;
}

}  // namespace
}  // namespace chitieu
