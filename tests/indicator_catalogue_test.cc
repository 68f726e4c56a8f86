// The indicator catalogue (data/indicators.tsv) and how a figure is matched to
// it: the catalogue's size and soundness, its abbreviations, and matching on
// the subject, the unit's kind and the change, never on another word of the
// clause. Each case can fail.
#include "compare/indicator_catalogue.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/comparison_figures.h"
#include "support/test_files.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using chitieu::testing::read_file;

IndicatorName sub(const std::string& text) { return {"", text}; }

std::string id_of(const IndicatorCatalogue& c, const IndicatorName& name, const std::string& unit,
                  Change change = Change::kLevel) {
  return c.match(name, unit, change).id;
}

const IndicatorCatalogue& catalogue() {
  static const IndicatorCatalogue c = testing::data_catalogue();
  return c;
}

Status load_text(const std::string& tsv, IndicatorCatalogue* out) {
  fs::path path = fs::path(::testing::TempDir()) / "catalogue_test.tsv";
  std::ofstream(path, std::ios::binary) << tsv;
  return IndicatorCatalogue::Load(path.string(), out);
}

TEST(Catalogue, HoldsTheIndicatorsPlansReportEachWithUnitChangeAndAliases) {
  const IndicatorCatalogue& c = catalogue();
  EXPECT_GE(c.entries().size(), 150u);
  std::set<std::string> ids;
  for (const CatalogueEntry& e : c.entries()) {
    EXPECT_TRUE(ids.insert(e.id).second) << e.id;
    EXPECT_FALSE(e.name.empty()) << e.id;
    EXPECT_FALSE(e.unit.empty()) << e.id;
    EXPECT_FALSE(e.keys.empty()) << e.id;
    if (!e.parent.empty()) EXPECT_NE(c.find(e.parent), nullptr) << e.id;
  }
  for (const char* id :
       {"grdp", "grdp_growth", "grdp_per_capita", "grdp_structure", "budget_revenue", "budget_spending",
        "investment_total", "export_value", "import_value", "retail_sales", "tourists", "urbanisation",
        "poverty_rate", "poverty_reduction", "social_insurance", "health_insurance", "unemployment_insurance",
        "doctors_per_10k", "hospital_beds_per_10k", "pharmacists_per_10k", "trained_labour",
        "trained_labour_certified", "school_standard", "new_rural_communes", "new_rural_districts", "forest_cover",
        "clean_water", "solid_waste", "life_expectancy", "population_growth", "digital_economy_share"})
    EXPECT_NE(c.find(id), nullptr) << id;
  EXPECT_EQ(c.find("grdp_growth")->change, Change::kIncrease);
  EXPECT_EQ(c.find("poverty_reduction")->change, Change::kDecrease);
  EXPECT_EQ(c.find("poverty_rate")->change, Change::kLevel);
}

// A statistical indicator system code is filled only where a source states
// it: each code given must stand in a document of the corpus or ../shared.
TEST(Catalogue, EveryStatisticalCodeIsStatedByASource) {
  std::string sources;
  fs::path root = CHITIEU_SOURCE_DIR;
  for (const fs::path& dir : {root / "corpus", root / ".." / "shared" / "dev" / "docs", root / ".." / "shared" / "realdocs"})
    if (fs::is_directory(dir))
      for (const auto& f : fs::directory_iterator(dir)) sources += read_file(f.path());
  for (const CatalogueEntry& e : catalogue().entries()) {
    if (e.code.empty()) continue;
    EXPECT_TRUE(e.code.size() == 4 || (e.code.size() == 5 && e.code[0] == 'T')) << e.id << " " << e.code;
    EXPECT_NE(sources.find(e.code), std::string::npos) << e.id << ": no source states code " << e.code;
  }
  IndicatorCatalogue coded;
  ASSERT_TRUE(load_text("a\tTỷ lệ a\tpercent\tlevel\t\t0501\ta\n", &coded).ok());
  ASSERT_NE(coded.find_code("0501"), nullptr);
  EXPECT_EQ(coded.find_code("0501")->id, "a");
  EXPECT_EQ(coded.find_code(""), nullptr);
  EXPECT_EQ(coded.find_code("T0501"), nullptr);
}

TEST(Catalogue, AMalformedRowIsAnErrorNamingItsLine) {
  struct Case {
    std::string tsv, says;
  };
  for (const Case& k : std::vector<Case>{
           {"# comment\na\tA\tpercent\tsometimes\n", ":2: change \"sometimes\""},
           {"a\tA\tpercent\tlevel\tnone\n", ":1: no parent \"none\""},
           {"a\tA\tpercent\tlevel\t\t\t@b\n", ":1: no entry \"@b\""},
           {"a\tA\tpercent\tlevel\nb\tB\tpercent\tlevel\t\t\t@a\nc\tC\tpercent\tlevel\t\t\t@b\n",
            ":3: \"@b\" names an entry that has @ aliases"},
           {"a\tA\tpercent\tlevel\na\tB\tpercent\tlevel\n", ":2: id \"a\" given twice"},
           {"a\tA\tpercent\n", ":1: expected 4 tab-separated columns"},
       }) {
    IndicatorCatalogue c;
    Status st = load_text(k.tsv, &c);
    ASSERT_FALSE(st.ok()) << k.tsv;
    EXPECT_EQ(st.code(), StatusCode::kData);
    EXPECT_NE(st.message().find(k.says), std::string::npos) << st.message();
  }
}

TEST(Abbreviations, AreLearntFromTheCatalogue) {
  const Abbreviations& a = catalogue().abbreviations();
  auto first = [&](const char* abbreviation) {
    std::vector<std::string> d = a.definitions(abbreviation);
    return d.empty() ? std::string("(none)") : d.front();
  };
  // By the words in parentheses before them, or by initials in their entry.
  EXPECT_EQ(first("GRDP"), "tong san pham tren dia ban");
  EXPECT_EQ(first("GDP"), "tong san pham trong nuoc");
  EXPECT_EQ(first("TFP"), "nang suat cac nhan to tong hop");
  EXPECT_EQ(first("BHYT"), "bao hiem y te");
  EXPECT_EQ(first("BHXH"), "bao hiem xa hoi");
  EXPECT_EQ(first("NTM"), "nong thon moi");
  EXPECT_EQ(first("THCS"), "trung hoc co so");
  EXPECT_EQ(first("THPT"), "trung hoc pho thong");
  EXPECT_EQ(first("KT-XH"), "kinh te xa hoi");
  EXPECT_EQ(first("ICOR"), "he so su dung von");
  EXPECT_EQ(first("XYZ"), "(none)");
  // Everywhere they stand; dropped where their words are already written.
  EXPECT_EQ(a.expand(matching_key("Tỷ lệ bao phủ BHYT")), "ti le bao phu bao hiem y te");
  EXPECT_EQ(a.expand(matching_key("Tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành")),
            "tong san pham tren dia ban theo gia hien hanh");
  EXPECT_EQ(a.expand(matching_key("Tổng sản phẩm GRDP của tỉnh")), "tong san pham tong san pham tren dia ban cua tinh");
}

TEST(Abbreviations, KeysFoldSpellingsAndLeaveOutWordsInParentheses) {
  EXPECT_EQ(matching_key("Tỉ lệ đô thị hoá"), matching_key("Tỷ lệ đô thị hóa"));
  EXPECT_EQ(matching_key("nông, lâm nghiệp và thuỷ sản"), matching_key("Nông lâm nghiệp và thủy sản"));
  EXPECT_EQ(matching_key("Số bác sỹ/vạn dân (1/10.000)"), "so bac si / van dan");
  EXPECT_EQ(without_parentheses("Tỷ lệ trường (Mầm non, THCS) đạt chuẩn (GRDP) (ước"), "Tỷ lệ trường   đạt chuẩn   (ước");
  EXPECT_EQ(abbreviations_in("Tỷ lệ tham gia BHXH/KT-XH (TFP), khu vực II, VNeID, 5G"),
            (std::vector<std::string>{"BHXH", "KT-XH", "TFP"}));
}

TEST(Abbreviations, SearchTermsHoldEverySpelling) {
  const Abbreviations& a = catalogue().abbreviations();
  std::vector<std::vector<std::string>> terms = a.search_terms("BHYT 2025");
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].front(), "bhyt");
  EXPECT_NE(std::find(terms[0].begin(), terms[0].end(), "bao hiem y te"), terms[0].end());
  EXPECT_EQ(terms[1], std::vector<std::string>{"2025"});
  // The words find the abbreviation too.
  std::vector<std::vector<std::string>> words = a.search_terms("tỷ lệ bảo hiểm y tế");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[2].front(), "bhyt");
  EXPECT_EQ(a.search_terms("KT-XH").front().front(), "kt xh");
}

TEST(Matching, OldSpellingsCaseAndHeadingsMeetInOneEntry) {
  const IndicatorCatalogue& c = catalogue();
  EXPECT_EQ(id_of(c, sub("Tỉ lệ đô thị hoá"), "percent"), "urbanisation");
  EXPECT_EQ(id_of(c, sub("TY LE DO THI HOA"), "percent"), "urbanisation");
  EXPECT_EQ(id_of(c, {"Về kinh tế", "(1) Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân"},
                  "percent/year", Change::kIncrease),
            "grdp_growth");
  for (const IndicatorName& n : {sub("Tỷ lệ bao phủ BHYT"), sub("Tỷ lệ dân số tham gia bảo hiểm y tế"),
                                 sub("Tỷ lệ tham gia bảo hiểm y tế"), sub("Tỉ lệ bao phủ bảo hiểm y tế"),
                                 IndicatorName{"Các chỉ tiêu về xã hội, môi trường", "Tỷ lệ bao phủ bảo hiểm y tế"}})
    EXPECT_EQ(id_of(c, n, "percent"), "health_insurance") << n.display();
  EXPECT_EQ(id_of(c, sub("tỷ lệ tham gia BHXH bắt buộc"), "percent"), "social_insurance.compulsory");
  EXPECT_EQ(id_of(c, sub("tỷ lệ tham gia bảo hiểm thất nghiệp"), "percent"), "unemployment_insurance");
}

TEST(Matching, AGrowthRateNeverLandsInALevelNorAShareOfGrdpInGrowth) {
  const IndicatorCatalogue& c = catalogue();
  EXPECT_EQ(id_of(c, sub("GRDP"), "percent", Change::kIncrease), "grdp_growth");
  EXPECT_EQ(id_of(c, sub("GRDP"), "VND"), "grdp");
  std::string share = id_of(c, sub("GRDP"), "percent");
  EXPECT_NE(share, "grdp_growth");
  EXPECT_NE(share, "grdp");
  EXPECT_EQ(id_of(c, sub("Tỷ trọng kinh tế số trong GRDP"), "percent"), "digital_economy_share");
  EXPECT_NE(id_of(c, sub("Tỷ trọng kinh tế số trong GRDP"), "percent", Change::kIncrease), "grdp_growth");
  EXPECT_EQ(id_of(c, sub("Tỷ lệ đầu tư xã hội trên GRDP"), "percent"), "investment_to_grdp");
  EXPECT_EQ(id_of(c, sub("Tổng vốn đầu tư toàn xã hội"), "percent", Change::kIncrease), "investment_growth");
  EXPECT_EQ(id_of(c, sub("Tổng vốn đầu tư toàn xã hội"), "VND"), "investment_total");
  // An alias naming the change fits a level figure: "tăng trưởng kinh tế".
  EXPECT_EQ(id_of(c, sub("Tăng trưởng kinh tế (GRDP)"), "percent"), "grdp_growth");
  EXPECT_EQ(id_of(c, {"Tăng trưởng kinh tế (GRDP)", "dịch vụ"}, "percent", Change::kIncrease), "grdp_growth.services");
  EXPECT_EQ(id_of(c, {"Cơ cấu kinh tế", "dịch vụ"}, "percent"), "grdp_structure.services");
}

TEST(Matching, AReductionIsNeverALevel) {
  const IndicatorCatalogue& c = catalogue();
  EXPECT_EQ(id_of(c, sub("Tỷ lệ hộ nghèo"), "percent"), "poverty_rate");
  EXPECT_EQ(id_of(c, sub("Tỷ lệ hộ nghèo"), "percent", Change::kDecrease), "poverty_reduction");
  EXPECT_EQ(id_of(c, sub("Giảm tỷ lệ hộ nghèo"), "percent"), "poverty_reduction");
  EXPECT_EQ(id_of(c, sub("Tỷ lệ giảm nghèo đa chiều"), "percent"), "poverty_reduction");
  // A subject ending on its change has it ("… giảm trong năm là 0,5%").
  EXPECT_EQ(id_of(c, {"Các chỉ tiêu về xã hội, môi trường", "Tỷ lệ hộ nghèo tiếp cận đa chiều giảm trong"}, "percent"),
            "poverty_reduction");
  // ... not one ending on another figure's number.
  EXPECT_EQ(id_of(c, sub("Tỷ lệ hộ nghèo giảm 2"), "percent"), "poverty_rate");
  EXPECT_EQ(id_of(c, sub("Số xã đạt chuẩn nông thôn mới tăng thêm"), "count"), "new_rural_communes_added");
  EXPECT_EQ(id_of(c, sub("Số xã đạt chuẩn nông thôn mới"), "count"), "new_rural_communes");
  EXPECT_EQ(id_of(c, sub("Tỷ lệ xã đạt chuẩn NTM"), "percent"), "new_rural_communes_share");
}

TEST(Matching, TheUnitsKindDecides) {
  const IndicatorCatalogue& c = catalogue();
  EXPECT_NE(id_of(c, sub("Tỷ lệ đô thị hóa"), "VND"), "urbanisation");
  EXPECT_EQ(id_of(c, sub("Tổng sản phẩm trên địa bàn (GRDP - giá hiện hành) bình quân đầu người"), "VND/person"),
            "grdp_per_capita");
  EXPECT_EQ(id_of(c, sub("GRDP/người"), "USD/person"), "grdp_per_capita");
  // Money per head whose text left out "/người" is still per head ...
  EXPECT_EQ(id_of(c, sub("(3) GRDP bình quân/người"), "USD"), "grdp_per_capita");
  // ... but a total is never per head, nor a count per 10,000 people a count.
  EXPECT_NE(id_of(c, sub("Tổng sản phẩm trên địa bàn"), "VND/person"), "grdp");
  EXPECT_NE(id_of(c, sub("Tập huấn cho đội ngũ y bác sỹ"), "count"), "doctors_per_10k");
  // What a count counts: "4 dự án" are no flats.
  Figure projects;
  projects.indicator = sub("Mục tiêu đầu tư dự án nhà ở xã hội");
  projects.unit = "count";
  projects.counted = "dự án";
  EXPECT_EQ(c.match(projects).id, "social_housing_projects");
  projects.indicator = sub("nhà ở xã hội");
  EXPECT_NE(c.match(projects).id, "social_housing");
  projects.counted = "căn hộ";
  EXPECT_EQ(c.match(projects).id, "social_housing");
}

TEST(Matching, ListsAndBreakdownsReadPartByPart) {
  const IndicatorCatalogue& c = catalogue();
  // "Số giường bệnh trên 1 vạn dân …; bác sĩ/vạn dân" read as a breakdown: the
  // sub names another entry.
  EXPECT_EQ(id_of(c, {"Số giường bệnh trên 1 vạn dân", "bác sĩ/vạn dân"}, "count/10k_people"), "doctors_per_10k");
  EXPECT_EQ(id_of(c, sub("Tỷ lệ bác sỹ, giường bệnh/1 vạn dân"), "count/10k_people"), "doctors_per_10k");
  EXPECT_EQ(id_of(c, {"Tỷ lệ bác sỹ, giường bệnh/1 vạn dân", "giường bệnh/vạn dân"}, "count/10k_people"),
            "hospital_beds_per_10k");
  // A child named beside its parent in one wording.
  EXPECT_EQ(id_of(c, sub("Tỷ lệ dân cư đô thị được dùng nước sạch"), "percent"), "clean_water.urban");
  EXPECT_EQ(id_of(c, sub("cơ cấu kinh tế chuyển dịch theo hướng tích cực với khu vực dịch vụ"), "percent"),
            "grdp_structure.services");
  EXPECT_EQ(id_of(c, {"Cơ cấu kinh tế — công nghiệp và xây dựng", "công nghiệp"}, "percent"),
            "grdp_structure.industry.manufacturing");
  IndicatorMatch below = c.match({"Cơ cấu kinh tế — dịch vụ", "du lịch lữ hành"}, "percent", Change::kLevel);
  EXPECT_EQ(below.id.rfind("grdp_structure.services/auto:", 0), 0u) << below.id;
  EXPECT_EQ(below.parent_id, "grdp_structure.services");
  EXPECT_EQ(id_of(c, {"Tỷ lệ học sinh đi học đúng độ tuổi", "học sinh tốt nghiệp THCS vào học THPT và GDNN"}, "percent"),
            "lower_to_upper_secondary");
  EXPECT_EQ(id_of(c, {"Tỷ lệ học sinh đi học đúng độ tuổi", "bậc trung học cơ sở"}, "percent"),
            "school_enrolment.lower_secondary");
}

TEST(Matching, ASentenceNamesWhatItsLastClauseNames) {
  const IndicatorCatalogue& c = catalogue();
  EXPECT_NE(id_of(c,
                  sub("Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý ngành y tế, đặc biệt là công tác khám "
                      "chữa bệnh và thanh toán bảo hiểm y tế, duy trì kết nối liên thông"),
                  "percent"),
            "health_insurance");
  // A list inside a name is no clause.
  EXPECT_EQ(id_of(c,
                  sub("Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông"),
                  "percent"),
            "digital_services_access");
  EXPECT_EQ(id_of(c,
                  sub("Bên cạnh những kết quả đạt được, tình hình kinh tế - xã hội của thành phố còn nhiều khó khăn, "
                      "hạn chế như: Tốc độ tăng trưởng GRDP"),
                  "percent", Change::kIncrease),
            "grdp_growth");
}

TEST(Matching, UncataloguedWordingsGroupByFingerprintUnitAndChange) {
  const IndicatorCatalogue& c = catalogue();
  IndicatorMatch a = c.match(sub("số tàu cá đóng mới"), "count", Change::kLevel);
  IndicatorMatch b = c.match(sub("đóng mới số tàu cá"), "count", Change::kLevel);
  EXPECT_EQ(a.method, "fingerprint");
  EXPECT_EQ(a.id, b.id);
  EXPECT_TRUE(a.grouped);
  EXPECT_NE(a.id, c.match(sub("số tàu cá đóng mới"), "count", Change::kIncrease).id);
  EXPECT_NE(c.match(sub("vốn cho dự án cầu cảng"), "percent", Change::kLevel).id,
            c.match(sub("vốn cho dự án cầu cảng"), "VND", Change::kLevel).id);
  // The words in parentheses keep "(R&D)/GRDP" apart from "GRDP".
  EXPECT_NE(c.match(sub("(R&D)/GRDP"), "percent", Change::kLevel).id, c.match(sub("GRDP"), "percent", Change::kLevel).id);
  // One word names nothing to group by.
  EXPECT_FALSE(c.match(sub("xã"), "percent", Change::kLevel).grouped);
  EXPECT_FALSE(c.match(sub(""), "percent", Change::kLevel).grouped);
}

TEST(Matching, AnAnalystsDecisionWins) {
  const IndicatorCatalogue& c = catalogue();
  std::map<std::string, MatchDecision> reject = {
      {IndicatorCatalogue::decision_key(sub("Tỉ lệ đô thị hoá"), "percent"), {"reject", ""}}};
  EXPECT_EQ(c.match(sub("Tỉ lệ đô thị hoá"), "percent", Change::kLevel, reject).method, "fingerprint");
  std::map<std::string, MatchDecision> map = {
      {IndicatorCatalogue::decision_key(sub("xã"), "percent"), {"map", "new_rural_communes_share"}}};
  IndicatorMatch m = c.match(sub("xã"), "percent", Change::kLevel, map);
  EXPECT_EQ(m.id, "new_rural_communes_share");
  EXPECT_EQ(m.method, "analyst");
  // The decision key is the folded display form, as analysts' decisions are stored.
  EXPECT_EQ(IndicatorCatalogue::decision_key({"Cơ cấu kinh tế", "Dịch vụ"}, "percent"),
            "co cau kinh te dich vu|percent");
}

}  // namespace
}  // namespace chitieu
