// Issue 10 on the seeds and ../shared/dev: each figure of eleven indicators
// that recur across provinces (urbanisation, forest cover, health insurance,
// doctors and beds per 10,000 people, trained labour with and without
// certificates, GRDP growth, GRDP per head, budget revenue, poverty reduction)
// lands in its catalogue row, and no row holds two different indicators. The
// membership is data written by reading the documents
// (tests/catalogue/indicator_membership.tsv, its columns described there).
// Without ../shared/dev (other people's texts, never copied here) the seeds
// alone are checked, and one line says so.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "compare/indicator_catalogue.h"
#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"
#include "support/comparison_figures.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

struct Member {
  std::string document;  // file name prefix
  int line = 0;
  double low = 0;
  std::string indicator;
  bool lands = false;  // "lands"; else "apart"
};

std::vector<Member> load_members() {
  std::vector<Member> out;
  std::ifstream in(fs::path(CHITIEU_SOURCE_DIR) / "tests" / "catalogue" / "indicator_membership.tsv");
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#' || row.rfind("document\t", 0) == 0) continue;
    std::vector<std::string> c;
    std::stringstream ss(row);
    std::string cell;
    while (std::getline(ss, cell, '\t')) c.push_back(cell);
    EXPECT_GE(c.size(), 5u) << row;
    if (c.size() < 5) continue;
    EXPECT_TRUE(c[4] == "lands" || c[4] == "apart") << row;
    out.push_back({c[0], std::stoi(c[1]), std::stod(c[2]), c[3], c[4] == "lands"});
  }
  return out;
}

struct Matched {
  std::string document;
  Figure figure;
  std::string indicator;
};

bool same_value(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

bool is(const Matched& m, const Member& e) {
  return m.document.rfind(e.document, 0) == 0 && static_cast<int>(m.figure.number_line) == e.line &&
         same_value(m.figure.low, e.low);
}

// Every target and result of the documents under `dirs`, matched as compare does.
std::vector<Matched> match_all(const std::vector<fs::path>& dirs) {
  const IndicatorCatalogue catalogue = testing::data_catalogue();
  const Lexicon& lex = default_lexicon();
  std::vector<Matched> out;
  for (const fs::path& dir : dirs)
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      ExtractedDocument doc;
      EXPECT_TRUE(extract_document(lex, entry.path().string(), "", &doc).ok()) << entry.path();
      for (const Figure& f : doc.figures)
        if (f.kind == FigureKind::kTarget || f.kind == FigureKind::kResult)
          out.push_back({entry.path().filename().string(), f, catalogue.match(f).id});
    }
  return out;
}

TEST(IndicatorMembership, EachFigureLandsInItsRowAndNoRowHoldsTwoIndicators) {
  fs::path root = CHITIEU_SOURCE_DIR;
  fs::path dev = root / ".." / "shared" / "dev" / "docs";
  std::vector<fs::path> dirs = {root / "corpus"};
  if (fs::is_directory(dev)) dirs.push_back(dev);
  else std::cout << "indicator membership: " << dev.string() << " is absent, the seeds only\n";
  std::vector<Matched> figures = match_all(dirs);
  std::vector<Member> members = load_members();
  std::set<std::string> checked;
  for (const Member& e : members)
    if (e.lands) checked.insert(e.indicator);
  EXPECT_EQ(checked.size(), 11u);

  // Each listed figure that is extracted lands in its row.
  size_t extracted = 0, apart = 0;
  std::map<const Member*, size_t> room;  // how many figures each "lands" line accounts for
  for (const Member& e : members) {
    std::vector<const Matched*> found;
    for (const Matched& m : figures)
      if (is(m, e)) found.push_back(&m);
    if (found.empty()) continue;
    ++extracted;
    if (!e.lands) {
      ++apart;
      continue;
    }
    room[&e] = 1;
    bool landed = std::any_of(found.begin(), found.end(), [&](const Matched* m) { return m->indicator == e.indicator; });
    EXPECT_TRUE(landed) << e.document << ":" << e.line << " " << e.low << " should land in " << e.indicator
                        << ", lands in " << found.front()->indicator << " (\"" << found.front()->figure.indicator.display()
                        << "\")";
  }
  // Every figure in a checked row is one listed for it.
  for (const Matched& m : figures) {
    if (!checked.count(m.indicator)) continue;
    auto listed = std::find_if(room.begin(), room.end(), [&](const auto& r) {
      return r.second > 0 && r.first->indicator == m.indicator && is(m, *r.first);
    });
    if (listed != room.end()) {
      --listed->second;
      continue;
    }
    ADD_FAILURE() << m.document << ":" << m.figure.number_line << " " << m.figure.low << " (\""
                  << m.figure.indicator.display() << "\") does not belong in " << m.indicator;
  }
  std::cout << "indicator membership: " << extracted << " of " << members.size() << " listed figures extracted, "
            << apart << " apart\n";
  // The seeds alone hold figures of every checked indicator.
  EXPECT_GT(extracted, 40u);
}

}  // namespace
}  // namespace chitieu
