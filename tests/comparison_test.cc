// The comparison model on hand-made figures: catalogue matching, disagreement,
// results against targets and the internal checks, each able to fail.
#include "compare/comparison_table.h"

#include <gtest/gtest.h>

#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

IndicatorCatalogue catalogue() {
  IndicatorCatalogue c;
  EXPECT_TRUE(IndicatorCatalogue::Load(resolve_data_dir("") + "/indicators.tsv", &c).ok());
  return c;
}

StoredDocument doc(int64_t id, const std::string& name, const std::string& date) {
  StoredDocument d;
  d.id = id;
  d.file_name = name;
  d.sha256 = name + "-sha";
  d.header.date = date;
  return d;
}

StoredFigure fig(int64_t id, int64_t doc_id, const std::string& indicator, double low, double high,
                 const std::string& unit, const std::string& cmp, const std::string& year,
                 const std::string& kind = "target") {
  StoredFigure sf;
  sf.id = id;
  sf.document_id = doc_id;
  sf.document = "d" + std::to_string(doc_id) + ".txt";
  Figure& f = sf.figure;
  // "Parent — sub" names a breakdown.
  size_t dash = indicator.find(" — ");
  f.indicator = dash == std::string::npos
                    ? IndicatorName{"", indicator}
                    : IndicatorName{indicator.substr(0, dash), indicator.substr(dash + 5)};
  f.low = low;
  f.high = high;
  f.unit = unit;
  f.comparator = parse_comparator(cmp).value();
  f.year = year;
  f.kind = parse_kind(kind).value();
  f.line = f.line_end = f.number_line = static_cast<uint32_t>(id);
  f.number_text = std::to_string(low);
  return sf;
}

const ComparisonRow* row(const Comparison& c, const std::string& id, const std::string& year) {
  for (const ComparisonRow& r : c.rows)
    if (r.indicator_id == id && r.year == year) return &r;
  return nullptr;
}

TEST(Comparison, CatalogueMatchesWordingsAndBreakdowns) {
  IndicatorCatalogue cat = catalogue();
  EXPECT_EQ(cat.match("Tỉ lệ đô thị hoá", "percent").id, "urbanisation");
  EXPECT_EQ(cat.match("TY LE DO THI HOA", "percent").id, "urbanisation");
  EXPECT_EQ(cat.match("Cơ cấu kinh tế — dịch vụ", "percent").id, "grdp_structure.services");
  EXPECT_EQ(cat.match("Tăng trưởng kinh tế (GRDP) — dịch vụ", "percent").id, "grdp_growth.services");
  EXPECT_EQ(cat.match("GRDP/người", "USD/person").id, "grdp_per_capita");
  // A unit the catalogue entry does not measure is no match.
  EXPECT_NE(cat.match("Tỷ lệ đô thị hóa", "VND").id, "urbanisation");
  // Uncatalogued wordings meet on their fingerprint, whatever the order and marks.
  IndicatorMatch a = cat.match("số km đường cao tốc hoàn thành", "km");
  IndicatorMatch b = cat.match("hoàn thành số km đường cao tốc", "km");
  EXPECT_EQ(a.method, "fingerprint");
  EXPECT_EQ(a.id, b.id);
  // An analyst's decision wins.
  std::map<std::string, MatchDecision> d = {
      {IndicatorCatalogue::decision_key("Tỉ lệ đô thị hoá", "percent"), {"reject", ""}}};
  EXPECT_EQ(cat.match("Tỉ lệ đô thị hoá", "percent", d).method, "fingerprint");
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
  EXPECT_NE(cat.match("vốn cho dự án cầu cảng", "percent").id, cat.match("vốn cho dự án cầu cảng", "VND").id);
}

}  // namespace
}  // namespace chitieu
