// Nothing lost: `chitieu ingest` killed with SIGKILL at random moments of a
// batch, and several ingests racing on one database, for real (the built
// binary, as a user runs it).
//
// The batch is kBatch distinct documents: the corpus files, each copy ending
// with its own line ("Bản sao số 17.") so that every file has its own bytes
// and its own sha256, while its figures stay those of the original.
//
// Crash: the batch is ingested into a fresh database and killed after a random
// delay, one to three times in a row (a later kill lands in a re-run that
// finds part of the batch stored). After every kill `chitieu verify` must exit
// 0 and every stored document must be complete: its lines and figures all
// there, as many as a clean run stores for the same bytes. Then the same
// ingest runs to the end: exit 0, every document exactly once, the figures of
// a clean run. The PRNG seed is printed; CHITIEU_CRASH_SEED=<n> replays it.
//
// Concurrency: two or three ingests started together on one database with
// overlapping batches (also in opposite orders, also the very same list), while
// `verify` runs again and again beside them: all exit 0, each document is
// stored by exactly one of them, none twice, the figures of a clean run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_process.h"

namespace {

namespace fs = std::filesystem;
using chitieu::testing::ChildProcess;
using chitieu::testing::ChildResult;
using chitieu::testing::monotonic_seconds;
using chitieu::testing::run_child;
using chitieu::testing::sleep_seconds;

constexpr int kBatch = 64;
constexpr uint64_t kDefaultSeed = 20261123;

struct DocCounts {
  int64_t line_count = 0, figure_count = 0;  // as recorded in `documents`
  int64_t line_rows = 0, figure_rows = 0;    // rows actually there
};

struct DbState {
  bool ok = false;
  std::string error;
  int64_t documents = 0;  // rows in `documents`
  int64_t figures = 0;    // rows in `figures`
  std::map<std::string, DocCounts> by_sha;  // size < documents means duplicates
};

// Reads what the database holds, independently of `chitieu verify`.
DbState read_db(const std::string& path) {
  DbState s;
  if (!fs::exists(path)) {
    s.ok = true;  // killed before it created the file
    return s;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    s.error = std::string("open: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 30000);
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  const char* sql =
      "SELECT d.sha256, d.line_count, d.figure_count, "
      "(SELECT count(*) FROM lines l WHERE l.document_id = d.id), "
      "(SELECT count(*) FROM figures f WHERE f.document_id = d.id) FROM documents d";
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK) {
    s.error = std::string("prepare: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return s;
  }
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    ++s.documents;
    DocCounts& d = s.by_sha[reinterpret_cast<const char*>(sqlite3_column_text(q, 0))];
    d.line_count = sqlite3_column_int64(q, 1);
    d.figure_count = sqlite3_column_int64(q, 2);
    d.line_rows = sqlite3_column_int64(q, 3);
    d.figure_rows = sqlite3_column_int64(q, 4);
  }
  sqlite3_finalize(q);
  if (rc == SQLITE_DONE &&
      sqlite3_prepare_v2(db, "SELECT count(*) FROM figures", -1, &q, nullptr) == SQLITE_OK) {
    if (sqlite3_step(q) == SQLITE_ROW) s.figures = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    s.ok = true;
  } else {
    s.error = std::string("reading: ") + sqlite3_errmsg(db);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return s;
}

// "ingest: 12 stored (600 figures), 3 already stored, 0 skipped, 0 failed"
struct Summary {
  bool found = false;
  int stored = 0, already = 0, skipped = 0, failed = 0;
  long figures = 0;
};

Summary parse_summary(const std::string& err) {
  Summary s;
  size_t at = err.rfind("ingest: ");
  if (at == std::string::npos) return s;
  s.found = std::sscanf(err.c_str() + at,
                        "ingest: %d stored (%ld figures), %d already stored, %d skipped, %d failed", &s.stored,
                        &s.figures, &s.already, &s.skipped, &s.failed) == 5;
  return s;
}

void remove_db(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
}

// The batch and what a clean, uninterrupted run stores from it; made once for
// both suites.
struct Reference {
  ~Reference() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
  std::string error;
  fs::path dir;
  fs::path batch_dir;
  std::vector<std::string> files;  // sorted, as ingest walks the folder
  std::map<std::string, DocCounts> by_sha;
  int64_t figures = 0;
  double clean_seconds = 0;
};

Reference* make_reference(Reference* r) {
  {
    r->dir = fs::temp_directory_path() / ("chitieu-nothing-lost-" + std::to_string(getpid()));
    r->batch_dir = r->dir / "batch";
    fs::remove_all(r->dir);
    fs::create_directories(r->batch_dir);
    std::vector<fs::path> corpus;
    for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus"))
      if (e.path().extension() == ".txt") corpus.push_back(e.path());
    std::sort(corpus.begin(), corpus.end());
    if (corpus.empty()) {
      r->error = "no corpus documents";
      return r;
    }
    for (int i = 0; i < kBatch; ++i) {
      std::ifstream in(corpus[i % corpus.size()], std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      char name[32];
      std::snprintf(name, sizeof name, "doc_%03d.txt", i);
      fs::path p = r->batch_dir / name;
      std::ofstream(p, std::ios::binary) << text.str() << "\nBản sao số " << i << ".\n";
      r->files.push_back(p.string());
    }
    std::sort(r->files.begin(), r->files.end());
    std::string db = (r->dir / "clean.db").string();
    ChildResult run = run_child(CHITIEU_BINARY, {"ingest", "--db", db, r->batch_dir.string()},
                                (r->dir / "out").string(), (r->dir / "err").string(), 300);
    r->clean_seconds = run.seconds;
    if (run.exit_code != 0) {
      r->error = "clean ingest failed: " + run.err;
      return r;
    }
    DbState s = read_db(db);
    if (!s.ok || s.documents != kBatch) {
      r->error = "clean ingest stored " + std::to_string(s.documents) + " documents " + s.error;
      return r;
    }
    r->by_sha = s.by_sha;
    r->figures = s.figures;
  }
  return r;
}

const Reference& reference() {
  static Reference ref;
  static Reference* made = make_reference(&ref);
  return *made;
}

class NothingLostTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Reference& ref = reference();
    ASSERT_TRUE(ref.error.empty()) << ref.error;
    dir_ = ref.dir / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  ChildResult chitieu(const std::vector<std::string>& args, const std::string& tag,
                      double timeout = 120) {
    return run_child(CHITIEU_BINARY, args, (dir_ / (tag + ".out")).string(),
                     (dir_ / (tag + ".err")).string(), timeout);
  }

  // Every stored document is one of the batch, once, complete. Returns a
  // description of the first problem, or "".
  static std::string check_partial(const DbState& s) {
    const Reference& ref = reference();
    if (!s.ok) return "cannot read the database: " + s.error;
    if (s.documents != static_cast<int64_t>(s.by_sha.size()))
      return std::to_string(s.documents - s.by_sha.size()) + " duplicate documents";
    int64_t figures = 0;
    for (const auto& [sha, d] : s.by_sha) {
      auto it = ref.by_sha.find(sha);
      if (it == ref.by_sha.end()) return "a document not in the batch: " + sha;
      const DocCounts& want = it->second;
      if (d.line_rows != want.line_count || d.line_count != want.line_count)
        return sha.substr(0, 12) + ": " + std::to_string(d.line_rows) + " lines stored, " +
               std::to_string(want.line_count) + " in a clean run";
      if (d.figure_rows != want.figure_count || d.figure_count != want.figure_count)
        return sha.substr(0, 12) + ": " + std::to_string(d.figure_rows) + " figures stored, " +
               std::to_string(want.figure_count) + " in a clean run";
      figures += d.figure_rows;
    }
    if (figures != s.figures)
      return std::to_string(s.figures - figures) + " figures of no stored document";
    return "";
  }

  // The whole batch, each document once, as in a clean run.
  static std::string check_complete(const DbState& s) {
    std::string partial = check_partial(s);
    if (!partial.empty()) return partial;
    if (s.documents != kBatch)
      return std::to_string(s.documents) + " documents stored, " + std::to_string(kBatch) + " in the batch";
    if (s.figures != reference().figures)
      return std::to_string(s.figures) + " figures, " + std::to_string(reference().figures) +
             " in a clean run";
    return "";
  }

  fs::path dir_;
};

using CrashSafetyTest = NothingLostTest;
using ConcurrencyTest = NothingLostTest;

TEST_F(CrashSafetyTest, KillNineAtRandomMomentsThenVerifyAndRerunLoseNothing) {
  const Reference& ref = reference();
  uint64_t seed = kDefaultSeed;
  if (const char* env = std::getenv("CHITIEU_CRASH_SEED")) seed = std::strtoull(env, nullptr, 10);
  std::cout << "[ crash    ] seed " << seed << " (CHITIEU_CRASH_SEED=" << seed
            << " replays); batch of " << kBatch << " documents, a clean ingest takes "
            << ref.clean_seconds << " s\n";
  std::mt19937_64 rng(seed);
  constexpr int kRuns = 20, kMinRuns = 8;
  constexpr double kBudgetSeconds = 12;
  const std::string batch = ref.batch_dir.string();

  int runs = 0, kills = 0, ended_first = 0, kills_empty = 0, kills_partial = 0, kills_full = 0;
  const double t0 = monotonic_seconds();
  for (int run = 0; run < kRuns; ++run) {
    if (run >= kMinRuns && monotonic_seconds() - t0 > kBudgetSeconds) break;
    const std::string db = (dir_ / ("run" + std::to_string(run) + ".db")).string();
    const int cycles = 1 + static_cast<int>(rng() % 3);
    int64_t stored = 0;
    for (int c = 0; c < cycles; ++c) {
      // Kills land anywhere from process start (lexicon, schema) to just
      // past the end of what is left of the batch.
      const double left = static_cast<double>(kBatch - stored) / kBatch;
      std::uniform_real_distribution<double> delay_of(0.0, 0.05 + 1.15 * ref.clean_seconds * left);
      const double delay = delay_of(rng);
      std::string where = "seed " + std::to_string(seed) + ", run " + std::to_string(run) +
                          ", kill " + std::to_string(c + 1) + " after " + std::to_string(delay) + " s";
      ChildProcess child;
      std::string error;
      ASSERT_TRUE(child.start(CHITIEU_BINARY, {"ingest", "--db", db, batch},
                              (dir_ / "ingest.out").string(), (dir_ / "ingest.err").string(), &error))
          << error;
      sleep_seconds(delay);
      child.kill_now();
      ChildResult r = child.wait(120);
      ASSERT_TRUE(r.finished) << where;
      if (r.signal == SIGKILL) {
        ++kills;
      } else {
        ASSERT_EQ(r.exit_code, 0) << where << "\n" << r.err;
        ++ended_first;
      }

      // Killed before the database was placed: there is none, and verify
      // says so (it creates none); else it is whole and verifies.
      ChildResult v = chitieu({"verify", "--db", db}, "verify");
      if (fs::exists(db)) {
        ASSERT_EQ(v.exit_code, 0) << where << ": verify after the kill\n" << v.out << v.err;
      } else {
        ASSERT_EQ(v.exit_code, 3) << where << ": verify without a database\n" << v.out << v.err;
        ASSERT_NE(v.err.find("no database at"), std::string::npos) << v.err;
        ASSERT_FALSE(fs::exists(db)) << where << ": verify created a database";
      }
      DbState s = read_db(db);
      std::string problem = check_partial(s);
      ASSERT_EQ(problem, "") << where;
      stored = s.documents;
      if (r.signal == SIGKILL) {
        if (s.documents == 0) ++kills_empty;
        else if (s.documents == kBatch) ++kills_full;
        else ++kills_partial;
      }
    }
    std::string where = "seed " + std::to_string(seed) + ", run " + std::to_string(run);
    ChildResult again = chitieu({"ingest", "--db", db, batch}, "rerun");
    ASSERT_EQ(again.exit_code, 0) << where << ": re-run\n" << again.err;
    Summary sum = parse_summary(again.err);
    ASSERT_TRUE(sum.found) << again.err;
    EXPECT_EQ(sum.stored + sum.already, kBatch) << where << "\n" << again.err;
    EXPECT_EQ(sum.failed, 0);
    ChildResult v = chitieu({"verify", "--db", db}, "verify");
    ASSERT_EQ(v.exit_code, 0) << where << ": verify after the re-run\n" << v.out << v.err;
    ASSERT_EQ(check_complete(read_db(db)), "") << where;
    // A database being created lives under a temporary name until it is
    // whole; one a kill abandoned is gone after the re-run.
    for (const auto& entry : fs::directory_iterator(dir_))
      EXPECT_NE(entry.path().filename().string().rfind(fs::path(db).filename().string() + ".new-", 0), 0u)
          << where << ": left behind: " << entry.path();
    remove_db(db);
    ++runs;
  }
  std::cout << "[ crash    ] " << runs << " runs, " << kills << " kills (" << kills_empty
            << " before the first document was stored, " << kills_partial << " mid-batch, "
            << kills_full << " after the last), " << ended_first
            << " ingests ended before their kill; " << (monotonic_seconds() - t0) << " s\n";
  EXPECT_GE(runs, kMinRuns);
  EXPECT_GE(kills, runs) << "too few kills landed while ingest ran";
  EXPECT_GT(kills_partial, 0) << "no kill landed mid-batch";
}

// Starts every ingest at once and runs `verify` again and again while any of
// them runs. Returns how many verifies ran.
int race(const std::string& db, const std::vector<std::vector<std::string>>& lists,
         const fs::path& dir, std::vector<ChildResult>* results) {
  std::vector<std::unique_ptr<ChildProcess>> children;
  for (size_t i = 0; i < lists.size(); ++i) {
    std::vector<std::string> args = {"ingest", "--db", db};
    args.insert(args.end(), lists[i].begin(), lists[i].end());
    children.push_back(std::make_unique<ChildProcess>());
    std::string error;
    std::string tag = "ingest" + std::to_string(i);
    EXPECT_TRUE(children.back()->start(CHITIEU_BINARY, args, (dir / (tag + ".out")).string(),
                                       (dir / (tag + ".err")).string(), &error))
        << error;
  }
  int verifies = 0;
  auto any_running = [&] {
    for (const auto& c : children)
      if (c->running()) return true;
    return false;
  };
  while (any_running()) {
    if (!fs::exists(db)) {
      sleep_seconds(0.005);
      continue;
    }
    ChildResult v = run_child(CHITIEU_BINARY, {"verify", "--db", db}, (dir / "verify.out").string(),
                              (dir / "verify.err").string(), 120);
    EXPECT_EQ(v.exit_code, 0) << "verify while ingests run\n" << v.out << v.err;
    ++verifies;
  }
  for (auto& c : children) results->push_back(c->wait(300));
  return verifies;
}

TEST_F(ConcurrencyTest, IngestsRacingOnOneDatabaseStoreEveryDocumentOnce) {
  const Reference& ref = reference();
  std::vector<std::string> forward = ref.files;
  std::vector<std::string> reverse(forward.rbegin(), forward.rend());
  std::vector<std::string> odd, first_half, second_half;
  for (size_t i = 0; i < forward.size(); ++i) {
    if (i % 2) odd.push_back(forward[i]);
    (i < forward.size() / 2 ? first_half : second_half).push_back(forward[i]);
  }
  std::vector<std::string> folder = {ref.batch_dir.string()};
  // Later halves first, so the overlap is raced from both ends.
  std::vector<std::string> halves_swapped = second_half;
  halves_swapped.insert(halves_swapped.end(), first_half.begin(), first_half.end());

  struct Round {
    const char* what;
    std::vector<std::vector<std::string>> lists;
    std::vector<std::string> stored_before;  // ingested alone first
  };
  std::vector<Round> rounds = {
      {"three ingests create the database together: the folder, the files in reverse, every other file",
       {folder, reverse, odd}, {}},
      {"two ingests of the very same list, in lockstep", {forward, forward}, {}},
      {"three ingests onto half a batch already stored", {reverse, halves_swapped, forward}, first_half},
      {"two ingests in opposite orders", {folder, reverse}, {}},
  };
  int verifies = 0;
  for (size_t k = 0; k < rounds.size(); ++k) {
    const Round& round = rounds[k];
    SCOPED_TRACE(round.what);
    const std::string db = (dir_ / ("race" + std::to_string(k) + ".db")).string();
    int before = 0;
    if (!round.stored_before.empty()) {
      std::vector<std::string> args = {"ingest", "--db", db};
      args.insert(args.end(), round.stored_before.begin(), round.stored_before.end());
      ASSERT_EQ(chitieu(args, "before").exit_code, 0);
      before = static_cast<int>(round.stored_before.size());
    }
    std::vector<ChildResult> results;
    verifies += race(db, round.lists, dir_, &results);
    int stored = 0;
    for (size_t i = 0; i < results.size(); ++i) {
      const ChildResult& r = results[i];
      ASSERT_TRUE(r.finished) << "ingest " << i << " did not end\n" << r.err;
      EXPECT_EQ(r.exit_code, 0) << "ingest " << i << "\n" << r.err;
      Summary sum = parse_summary(r.err);
      ASSERT_TRUE(sum.found) << r.err;
      size_t listed = round.lists[i].size() == 1 ? static_cast<size_t>(kBatch) : round.lists[i].size();
      EXPECT_EQ(static_cast<size_t>(sum.stored + sum.already), listed) << r.err;
      EXPECT_EQ(sum.failed, 0) << r.err;
      stored += sum.stored;
    }
    EXPECT_EQ(before + stored, kBatch) << "each document must be stored by exactly one ingest";
    ChildResult v = chitieu({"verify", "--db", db}, "verify");
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_EQ(check_complete(read_db(db)), "");
    remove_db(db);
  }
  std::cout << "[ race     ] " << rounds.size() << " rounds, " << verifies
            << " verifies run while ingests wrote\n";
}

}  // namespace
