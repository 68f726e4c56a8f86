// Tests for normalizer/lexicon.h: the data files load, a surface written
// unfolded is refused naming file, line and surface, and derived tables belong
// to the lexicon they were built from.
#include "normalizer/lexicon.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace chitieu {
namespace {

namespace fs = std::filesystem;

// A copy of data/ in a temporary folder, removed at the end.
class DataCopy {
 public:
  DataCopy() {
    dir_ = fs::temp_directory_path() / ("chitieu-lexicon-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::copy(std::string(CHITIEU_SOURCE_DIR) + "/data", dir_);
  }
  ~DataCopy() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }
  void append(const std::string& file, const std::string& line) {
    std::ofstream(dir_ / file, std::ios::app) << line << "\n";
  }
  int lines(const std::string& file) {
    std::ifstream in(dir_ / file);
    std::string l;
    int n = 0;
    while (std::getline(in, l)) ++n;
    return n;
  }

 private:
  fs::path dir_;
};

TEST(Lexicon, LoadsGrammarWordsAndSyllables) {
  const Lexicon& lex = default_lexicon();
  EXPECT_FALSE(lex.words.indicator_leading.empty());
  EXPECT_EQ(lex.words.indicator_leading.front(), "trong do");  // file order is kept
  EXPECT_FALSE(lex.words.table_unit_headers.empty());
  EXPECT_EQ(lex.common_syllables.count("người"), 1u);
  EXPECT_EQ(lex.phrase_repairs.size(), lex.ocr_phrases.size());
}

TEST(Lexicon, RefusesUnfoldedSurfaceNamingFileLineAndSurface) {
  for (const auto& [file, row] : std::vector<std::pair<std::string, std::string>>{
           {"units.tsv", "tỷ đồng\tscale\t1e9"},
           {"words.tsv", "target_word\tMục tiêu"},
           {"age_groups.tsv", "Trẻ em"},
           {"issuers.tsv", "header\tBộ Y tế\tBộ Y tế"}}) {
    DataCopy data;
    data.append(file, row);
    Lexicon lex;
    Status st = load_lexicon(data.dir(), &lex);
    ASSERT_FALSE(st.ok()) << file;
    EXPECT_EQ(st.code(), StatusCode::kData);
    EXPECT_NE(st.message().find(file + ":" + std::to_string(data.lines(file)) + ":"), std::string::npos)
        << st.message();
    std::string surface = file == "units.tsv" ? "tỷ đồng" : file == "words.tsv" ? "Mục tiêu"
                          : file == "age_groups.tsv" ? "Trẻ em" : "Bộ Y tế";
    EXPECT_NE(st.message().find(surface), std::string::npos) << st.message();
  }
}

TEST(Lexicon, RefusesUnknownWordRole) {
  DataCopy data;
  data.append("words.tsv", "no_such_role\tva");
  Lexicon lex;
  Status st = load_lexicon(data.dir(), &lex);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("no_such_role"), std::string::npos);
}

// Units are looked up by their first byte, "/" also after spaces (unit_parser):
// a surface opening with a space would never be found, so it is refused.
TEST(Lexicon, RefusesAUnitOpeningWithASpace) {
  DataCopy data;
  data.append("units.tsv", " /ca\tdenom\tshift");
  Lexicon lex;
  Status st = load_lexicon(data.dir(), &lex);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("units.tsv:" + std::to_string(data.lines("units.tsv")) + ":"), std::string::npos)
      << st.message();
}

// A flag the reader does not know ("per_populaton") is a typo that would
// silently drop the rule it names: refused with its line.
TEST(Lexicon, RefusesAnUnknownUnitFlag) {
  DataCopy data;
  data.append("units.tsv", "duoc si\tcounted\tcount\tper_populaton");
  Lexicon lex;
  Status st = load_lexicon(data.dir(), &lex);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("unknown flag 'per_populaton'"), std::string::npos) << st.message();
}

TEST(Lexicon, PhraseSkeletonsAreOneWordSetOfThePhrases) {
  const Lexicon& lex = default_lexicon();
  for (const PhraseRepair& p : lex.phrase_repairs) EXPECT_TRUE(lex.phrase_skeletons.found_in(p.folded)) << p.folded;
  EXPECT_FALSE(lex.phrase_skeletons.found_in("ty le ho ngheo"));
}

TEST(Lexicon, DerivedTablesBelongToTheirLexicon) {
  Lexicon a;
  int builds = 0;
  const int& first = a.derived.get<int>([&] { return ++builds; });
  EXPECT_EQ(a.derived.get<int>([&] { return ++builds; }), 1);  // built once
  EXPECT_EQ(&first, &a.derived.get<int>([&] { return ++builds; }));
  Lexicon b = a;  // a copy may be changed: it builds its own
  EXPECT_EQ(b.derived.get<int>([&] { return ++builds; }), 2);
}

}  // namespace
}  // namespace chitieu
