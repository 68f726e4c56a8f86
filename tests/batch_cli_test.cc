// The batch commands as a user runs them (issue 13): `ingest` on several
// workers makes the database one worker makes; what it says on stderr, on a
// terminal and off one, and the --log it keeps; `extract` run as four
// processes at once by GNU parallel, then `load`, makes the database one
// `ingest` makes; damaged bundles are refused and the rest is loaded.
//
// The batch: the corpus documents copied with a line of their own (distinct
// bytes, the same figures), one copy twice under another name (stored once,
// then "already stored"), an empty file (an error) and binary data (no
// document: skipped in a folder).
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_process.h"
#include "support/test_files.h"

namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;
using chitieu::testing::read_file;
using chitieu::testing::shell_quote;
using chitieu::testing::split_lines;
using chitieu::testing::ChildResult;
using json = nlohmann::json;

constexpr int kCopies = 24;

class BatchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("batch");
    batch_ = dir_ / "batch";
    fs::create_directories(batch_);
    std::vector<fs::path> corpus;
    for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus"))
      if (e.path().extension() == ".txt") corpus.push_back(e.path());
    std::sort(corpus.begin(), corpus.end());
    ASSERT_FALSE(corpus.empty());
    for (int i = 0; i < kCopies; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "doc_%03d.txt", i);
      std::ofstream(batch_ / name, std::ios::binary) << read_file(corpus[i % corpus.size()]) << "\nBản sao số " << i
                                                     << ".\n";
    }
    fs::copy_file(batch_ / "doc_007.txt", batch_ / "doc_007 copy.txt");
    std::ofstream(batch_ / "empty.txt").close();
    std::ofstream(batch_ / "data.bin", std::ios::binary) << std::string("\x00\x01\x02\xff binary", 12);
  }
  void TearDown() override { fs::remove_all(dir_); }

  ChildResult chitieu(const std::vector<std::string>& args, double timeout = 240) {
    return chitieu::testing::run_child(CHITIEU_BINARY, args, (dir_ / "out").string(), (dir_ / "err").string(),
                                       timeout);
  }

  std::string db(const std::string& name) const { return (dir_ / name).string(); }

  std::string exported(const std::string& database) {
    ChildResult r = chitieu({"export", "--db", database, "--format", "jsonl"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  // The batch's files as `ingest` of the folder orders them.
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(batch_)) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_, batch_;
};

TEST_F(BatchCliTest, OneWorkerOrManyMakeTheSameDatabase) {
  std::string reference;
  std::vector<std::string> reference_log;
  for (const char* jobs : {"1", "2", "5"}) {
    std::string database = db(std::string("jobs") + jobs + ".db");
    std::string log = (dir_ / (std::string("jobs") + jobs + ".log")).string();
    ChildResult r = chitieu({"ingest", "--jobs", jobs, "--db", database, "--log", log, batch_.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;  // the empty file
    EXPECT_NE(r.err.find("ingest: " + std::to_string(kCopies) + " stored"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1 already stored, 1 skipped, 1 failed"), std::string::npos) << r.err;
    std::string e = exported(database);
    ASSERT_GT(split_lines(e).size(), 500u);
    // The log without the seconds, which differ from run to run.
    std::vector<std::string> outcomes;
    for (const std::string& l : split_lines(read_file(log))) {
      json j = json::parse(l);
      j.erase("seconds");
      outcomes.push_back(j.dump());
    }
    if (reference.empty()) {
      reference = e;
      reference_log = outcomes;
      continue;
    }
    EXPECT_TRUE(e == reference) << "--jobs " << jobs << ": the export differs from --jobs 1";
    EXPECT_EQ(outcomes, reference_log) << "--jobs " << jobs;
  }
}

TEST_F(BatchCliTest, OffATerminalOnlyProblemsAndTheSummary) {
  ChildResult r = chitieu({"ingest", "--db", db("a.db"), batch_.string()});
  EXPECT_EQ(r.exit_code, 1);
  std::vector<std::string> lines = split_lines(r.err);
  ASSERT_EQ(lines.size(), 2u) << r.err;
  EXPECT_EQ(lines[0], "error: " + (batch_ / "empty.txt").string() + ": empty file");
  EXPECT_EQ(lines[1].rfind("ingest: " + std::to_string(kCopies) + " stored (", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find(" MB/s"), std::string::npos) << lines[1];
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no live line in a file";

  // --verbose: a line for every file, in input order.
  r = chitieu({"ingest", "--verbose", "--db", db("b.db"), batch_.string()});
  lines = split_lines(r.err);
  std::vector<std::string> want = files();
  ASSERT_EQ(lines.size(), want.size() + 1) << r.err;
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string& l = lines[i];
    bool about = l.rfind("stored: " + want[i] + ": ", 0) == 0 || l.rfind("error: " + want[i] + ": ", 0) == 0 ||
                 l.rfind("skipped: " + want[i] + ": ", 0) == 0 ||
                 l.rfind("already stored: " + want[i] + " (sha256 ", 0) == 0;
    EXPECT_TRUE(about) << "line " << i << " is about " << want[i] << ": " << l;
  }
}

TEST_F(BatchCliTest, TheLogHasOneJsonLinePerFile) {
  std::string log = (dir_ / "batch.log").string();
  ChildResult r = chitieu({"ingest", "--db", db("a.db"), "--log", log, batch_.string()});
  EXPECT_EQ(r.exit_code, 1);
  std::vector<std::string> want = files();
  std::vector<std::string> lines = split_lines(read_file(log));
  ASSERT_EQ(lines.size(), want.size());
  size_t figures = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(lines[i]);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"path", "sha256", "outcome", "reason", "figures", "seconds"}));
    EXPECT_EQ(j["path"], want[i]);
    EXPECT_GE(j["seconds"].get<double>(), 0);
    std::string outcome = j["outcome"];
    if (want[i].ends_with("empty.txt")) {
      EXPECT_EQ(outcome, "failed");
      EXPECT_EQ(j["reason"], "empty file");
      continue;
    }
    if (want[i].ends_with("data.bin")) {
      EXPECT_EQ(outcome, "skipped");
      EXPECT_NE(j["reason"].get<std::string>().find("binary"), std::string::npos) << j.dump();
      continue;
    }
    EXPECT_TRUE(j["reason"].is_null());
    EXPECT_EQ(j["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(outcome, want[i].ends_with("doc_007.txt") ? "already_stored" : "stored") << want[i];
    figures += j["figures"].get<size_t>();
  }
  EXPECT_NE(r.err.find("(" + std::to_string(figures) + " figures)"), std::string::npos) << r.err;
  // Sorted names put "doc_007 copy.txt" before "doc_007.txt": the copy is stored.

  ChildResult bad = chitieu({"ingest", "--db", db("a.db"), "--log", (dir_ / "no/such/folder.log").string(),
                             batch_.string()});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("cannot write the log"), std::string::npos) << bad.err;
}

TEST_F(BatchCliTest, OnATerminalOneLiveLine) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string database = db("tty.db");
    execl(CHITIEU_BINARY, CHITIEU_BINARY, "ingest", "--db", database.c_str(), batch_.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string screen;
  char buf[4096];
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 120000) <= 0) break;
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has closed the terminal
    screen.append(buf, static_cast<size_t>(n));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(master);
  EXPECT_EQ(WEXITSTATUS(status), 1) << screen;
  // Redrawn in place: a carriage return, never a line per file stored.
  EXPECT_NE(screen.find("\r"), std::string::npos) << screen;
  std::string total = "/" + std::to_string(kCopies + 3) + " files, ";
  EXPECT_NE(screen.find("ingest: 0" + total), std::string::npos) << screen;
  EXPECT_NE(screen.find("ingest: " + std::to_string(kCopies + 3) + total), std::string::npos) << screen;
  for (const char* part : {" MB, ", " figures, ", " skipped, ", " failed, ", " MB/s"})
    EXPECT_NE(screen.find(part), std::string::npos) << part << "\n" << screen;
  EXPECT_NE(screen.find(" left"), std::string::npos) << "time left while files remain\n" << screen;
  EXPECT_EQ(screen.find("stored: "), std::string::npos) << screen;
  EXPECT_NE(screen.find("error: " + (batch_ / "empty.txt").string() + ": empty file"), std::string::npos) << screen;
  EXPECT_NE(screen.find("ingest: " + std::to_string(kCopies) + " stored ("), std::string::npos) << screen;
}

TEST_F(BatchCliTest, ExtractInFourProcessesThenLoadIsOneIngest) {
  ASSERT_EQ(std::system("parallel --version >/dev/null 2>&1"), 0)
      << "GNU parallel is missing: scripts/install-deps.sh installs it";
  ChildResult ingest = chitieu({"ingest", "--db", db("ingest.db"), batch_.string()});
  ASSERT_EQ(ingest.exit_code, 1) << ingest.err;
  std::string want = exported(db("ingest.db"));

  // Four processes at once, three files each at a time, as a scheduler runs
  // the map step on four machines writing into one shared folder.
  fs::path bundles = dir_ / "bundles";
  std::ofstream(dir_ / "files.txt") << [&] {
    std::string list;
    for (const std::string& f : files()) list += f + "\n";
    return list;
  }();
  std::string extract = "parallel --will-cite -j 4 -n 3 " + shell_quote(CHITIEU_BINARY) + " extract --jobs 1 --output " +
                        shell_quote(bundles.string()) + " {} < " + shell_quote((dir_ / "files.txt").string()) +
                        " 2> " + shell_quote((dir_ / "extract.err").string());
  int rc = std::system(extract.c_str());
  EXPECT_NE(rc, 0) << "the empty file fails in one of the processes";
  std::string err = read_file(dir_ / "extract.err");
  EXPECT_NE(err.find("error: " + (batch_ / "empty.txt").string() + ": empty file"), std::string::npos) << err;
  size_t bundle_files = 0;
  for (const auto& e : fs::directory_iterator(bundles)) {
    EXPECT_TRUE(e.path().string().ends_with(".bundle.jsonl")) << "left behind: " << e.path();
    ++bundle_files;
  }
  EXPECT_EQ(bundle_files, static_cast<size_t>(kCopies + 1)) << "one per good file, the copy too";

  ChildResult load = chitieu({"load", "--db", db("load.db"), bundles.string()});
  EXPECT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.err.find("load: " + std::to_string(kCopies) + " stored"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("1 already stored, 0 skipped, 0 failed"), std::string::npos) << load.err;
  EXPECT_TRUE(exported(db("load.db")) == want) << "load's export differs from ingest's";

  // Again: nothing extracted twice, nothing stored twice.
  rc = std::system(extract.c_str());
  err = read_file(dir_ / "extract.err");
  size_t summaries = 0;
  for (const std::string& l : split_lines(err)) {
    if (l.rfind("extract: ", 0) != 0) continue;
    ++summaries;
    EXPECT_EQ(l.rfind("extract: 0 extracted (0 figures), ", 0), 0u) << l;
  }
  EXPECT_EQ(summaries, static_cast<size_t>((kCopies + 3 + 2) / 3)) << err;
  load = chitieu({"load", "--db", db("load.db"), bundles.string()});
  EXPECT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.err.find("load: 0 stored (0 figures), " + std::to_string(kCopies + 1) + " already stored"),
            std::string::npos)
      << load.err;
  EXPECT_TRUE(exported(db("load.db")) == want);
}

TEST_F(BatchCliTest, LoadRefusesDamagedBundlesAndStoresTheRest) {
  fs::path bundles = dir_ / "bundles";
  ChildResult extract = chitieu({"extract", "--output", bundles.string(), batch_.string()});
  ASSERT_EQ(extract.exit_code, 1) << extract.err;
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(bundles)) found.push_back(e.path());
  std::sort(found.begin(), found.end());
  ASSERT_GE(found.size(), 3u);
  // Two bundles of different documents (a name starts with the document's SHA-256).
  if (found[1].filename().string().substr(0, 64) == found[0].filename().string().substr(0, 64))
    std::swap(found[1], found[2]);
  std::string text = read_file(found[0]);
  std::ofstream(found[0], std::ios::binary | std::ios::trunc) << text.substr(0, text.size() / 2);
  text = read_file(found[1]);
  text.replace(text.find("\"chitieu_bundle\":1"), 18, "\"chitieu_bundle\":2");
  std::ofstream(found[1], std::ios::binary | std::ios::trunc) << text;
  std::ofstream(bundles / "notes.bundle.jsonl") << "not a bundle\n";

  ChildResult load = chitieu({"load", "--db", db("load.db"), bundles.string()});
  EXPECT_EQ(load.exit_code, 1) << load.err;
  EXPECT_NE(load.err.find("error: " + (bundles / "notes.bundle.jsonl").string() + ": not a chitieu bundle"),
            std::string::npos)
      << load.err;
  EXPECT_NE(load.err.find(found[1].string() + ": bundle version 2 is newer than this chitieu (1)"),
            std::string::npos)
      << load.err;
  EXPECT_NE(load.err.find(found[0].string() + ": "), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("load: " + std::to_string(kCopies - 2) + " stored"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("3 failed"), std::string::npos) << load.err;
  ChildResult v = chitieu({"verify", "--db", db("load.db")});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

}  // namespace
