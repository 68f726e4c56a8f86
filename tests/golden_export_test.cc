// The export contract held to a golden file: corpus/ ingested by the built
// `chitieu` into a fresh database and exported as JSON Lines must be, figure
// by figure and field by field, tests/golden/corpus_export.jsonl — the export
// of corpus/ from before the refactor of issue 8 (typed figure model, library
// boundary). A difference prints the figure and the field.
//
// The golden file is regenerated only together with a named fix, in the commit
// that makes the fix and says what it changes in the export:
//   build/chitieu ingest --db /tmp/g.db corpus/ &&
//   build/chitieu export --db /tmp/g.db --format jsonl > tests/golden/corpus_export.jsonl
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/child_process.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) out.push_back(json::parse(line));
  return out;
}

std::string where(const json& figure) {
  return "figure " + figure.value("id", json()).dump() + " (" + figure.value("document", "?") + ":" +
         figure.value("line", json()).dump() + ")";
}

TEST(GoldenExport, CorpusExportIsTheGoldenFile) {
  fs::path dir = fs::temp_directory_path() / ("chitieu-golden-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string db = (dir / "corpus.db").string();
  auto run = [&](const std::vector<std::string>& args) {
    return chitieu::testing::run_child(CHITIEU_BINARY, args, (dir / "out").string(), (dir / "err").string(), 120);
  };
  chitieu::testing::ChildResult ingest = run({"ingest", "--db", db, std::string(CHITIEU_SOURCE_DIR) + "/corpus"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  chitieu::testing::ChildResult exported = run({"export", "--db", db, "--format", "jsonl"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  fs::remove_all(dir);

  std::ifstream in(fs::path(CHITIEU_SOURCE_DIR) / "tests/golden/corpus_export.jsonl");
  std::stringstream golden_text;
  golden_text << in.rdbuf();
  std::vector<json> golden = parse_lines(golden_text.str());
  std::vector<json> now = parse_lines(exported.out);
  ASSERT_GT(golden.size(), 200u) << "the golden file is missing or cut short";
  EXPECT_EQ(now.size(), golden.size()) << "figures exported";

  int differences = 0;
  for (size_t i = 0; i < std::min(now.size(), golden.size()); ++i) {
    for (const auto& [field, value] : golden[i].items()) {
      if (!now[i].contains(field)) {
        ADD_FAILURE() << where(golden[i]) << ": field " << field << " is gone";
      } else if (now[i][field] != value) {
        ADD_FAILURE() << where(golden[i]) << ": field " << field << " is " << now[i][field].dump()
                      << ", golden " << value.dump();
      } else {
        continue;
      }
      if (++differences >= 20) return;  // enough to see what changed
    }
    for (const auto& [field, value] : now[i].items())
      if (!golden[i].contains(field)) ADD_FAILURE() << where(now[i]) << ": new field " << field;
  }
}

}  // namespace
