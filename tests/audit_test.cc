// Issue 12, "an audit that cannot be fooled", tried as an auditor would: the
// built `chitieu` run on a database whose seeds were ingested with a relative
// path, then tampered with through SQLite, its sources edited and moved, its
// extractor's data changed; commands run on a database that does not exist;
// ingesters racing each other and verify, compare and reextract.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/child_process.h"
#include "support/test_files.h"

namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;
using chitieu::testing::read_file;
using chitieu::testing::ChildProcess;
using chitieu::testing::ChildResult;
using chitieu::testing::monotonic_seconds;
using chitieu::testing::run_child;

const char* const kSeeds[] = {"000_b0a75639c8747e5c.txt", "001_388965410acabdcd.txt",
                              "003_97179f6eee211bbe.txt"};

struct Outcome {
  int status = -1;
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("audit");
    fs::create_directories(dir_ / "archive" / "seeds");
    fs::create_directories(dir_ / "elsewhere");
    for (const char* seed : kSeeds)
      fs::copy_file(fs::path(CHITIEU_SOURCE_DIR) / "corpus" / seed, dir_ / "archive" / "seeds" / seed);
    db_ = (dir_ / "archive" / "audit.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `chitieu args` run in folder `cwd` (the archive by default).
  Outcome run(const std::string& args, const fs::path& cwd = {}) {
    Outcome r;
    fs::path err = dir_ / "stderr.txt";
    std::string cmd = "cd " + quote((cwd.empty() ? dir_ / "archive" : cwd).string()) + " && " +
                      CHITIEU_BINARY + " " + args + " 2>" + quote(err.string());
    FILE* p = popen(cmd.c_str(), "r");
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = read_file(err);
    return r;
  }

  // The seeds ingested as an archivist does, with a relative path.
  void ingest_seeds() {
    Outcome r = run("ingest --db audit.db seeds");
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_NE(r.err.find("3 stored"), std::string::npos) << r.err;
  }

  void sql(const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << statement << ": " << message;
  }

  std::string scalar(const std::string& query) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    std::string out = "(none)";
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      out = sqlite3_column_text(q, 0) ? reinterpret_cast<const char*>(sqlite3_column_text(q, 0)) : "(null)";
    sqlite3_finalize(q);
    sqlite3_close(db);
    return out;
  }

  // A copy of data/ with one line of `file` replaced: another extractor version.
  fs::path changed_data(const std::string& file, const std::string& from, const std::string& to) {
    fs::path data = dir_ / "data";
    fs::copy(fs::path(CHITIEU_SOURCE_DIR) / "data", data, fs::copy_options::recursive);
    std::string text = read_file(data / file);
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(data / file, std::ios::binary) << text;
    return data;
  }

  fs::path dir_;
  std::string db_;
};

// The value of a figure multiplied by ten in the database: verify fails,
// naming the figure and what its stored text says. So does every other field
// changed, an offset moved, a figure deleted or one pointing at no line.
TEST_F(AuditTest, TamperingWithAFigureFailsVerifyNamingIt) {
  ingest_seeds();
  Outcome clean = run("verify --db audit.db");
  ASSERT_EQ(clean.status, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("0 problems"), std::string::npos);
  EXPECT_NE(clean.out.find("figures recomputed from the stored text"), std::string::npos) << clean.out;
  const std::string figures = scalar("SELECT count(*) FROM figures");
  EXPECT_NE(clean.out.find("  figures  " + figures + " figures recomputed"), std::string::npos) << clean.out;

  const std::string id = scalar("SELECT min(id) FROM figures WHERE low > 0");
  fs::copy_file(db_, dir_ / "clean.db");
  struct Tamper {
    std::string sql, expected;
  };
  const std::vector<Tamper> tampers = {
      {"UPDATE figures SET low = low * 10, high = high * 10 WHERE id = " + id, "low "},
      {"UPDATE figures SET unit = 'USD' WHERE id = " + id, "unit \""},
      {"UPDATE figures SET comparator = '<=' WHERE id = " + id, "comparator \""},
      {"UPDATE figures SET year = '2099' WHERE id = " + id, "year \""},
      {"UPDATE figures SET kind = CASE kind WHEN 'result' THEN 'target' ELSE 'result' END WHERE id = " + id,
       "kind \""},
      {"UPDATE figures SET change = 'decrease' WHERE id = " + id, "change \""},
      {"UPDATE figures SET char_start = char_start + 1, quote = substr(quote, 2) WHERE id = " + id,
       "char_start "},
      {"UPDATE figures SET indicator = 'Tỷ lệ khác', sub_indicator = 'Tỷ lệ khác' WHERE id = " + id, "indicator \""},
  };
  for (const Tamper& t : tampers) {
    SCOPED_TRACE(t.sql);
    fs::copy_file(dir_ / "clean.db", db_, fs::copy_options::overwrite_existing);
    sql(t.sql);
    Outcome r = run("verify --db audit.db");
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("FAIL figure " + id + " "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(t.expected), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 problems"), std::string::npos) << r.out;
  }

  fs::copy_file(dir_ / "clean.db", db_, fs::copy_options::overwrite_existing);
  sql("UPDATE figures SET line = 99999, line_end = 99999 WHERE id = " + id);
  Outcome no_line = run("verify --db audit.db");
  EXPECT_EQ(no_line.status, 1);
  EXPECT_NE(no_line.out.find("FAIL figure " + id + " "), std::string::npos) << no_line.out;
  EXPECT_NE(no_line.out.find("are not all stored lines"), std::string::npos) << no_line.out;

  fs::copy_file(dir_ / "clean.db", db_, fs::copy_options::overwrite_existing);
  sql("DELETE FROM figures WHERE id = " + id);
  Outcome deleted = run("verify --db audit.db");
  EXPECT_EQ(deleted.status, 1);
  EXPECT_NE(deleted.out.find("the extractor reads a figure that is not stored"), std::string::npos) << deleted.out;
}

// Matches and decisions that point nowhere, and a figure whose document is
// gone, are problems.
TEST_F(AuditTest, RowsPointingNowhereAreProblems) {
  ingest_seeds();
  ASSERT_EQ(run("compare --db audit.db --format csv").status, 0);  // stores the matches
  ASSERT_NE(scalar("SELECT count(*) FROM indicator_matches"), "0");
  ASSERT_EQ(run("verify --db audit.db").status, 0);
  sql("INSERT INTO indicator_decisions(key, indicator_text, unit, decision, indicator_id, decided_at) "
      "VALUES ('ty le gi do|percent', 'Tỷ lệ gì đó', 'percent', 'map', 'no-such-indicator', '2026-12-01')");
  sql("INSERT INTO indicator_matches(figure_id, indicator_id, method, score) SELECT 999999, indicator_id, method, "
      "score FROM indicator_matches LIMIT 1");
  sql("UPDATE indicator_matches SET indicator_id = 'vanished' WHERE figure_id = (SELECT min(figure_id) FROM "
      "indicator_matches WHERE indicator_id NOT LIKE 'auto:%')");
  sql("INSERT INTO figures(document_id, line, line_end, char_start, char_end, number_line, quote, indicator, "
      "sub_indicator, comparator, low, high, unit, kind, number_text, unit_text, warnings, reading) SELECT 999, "
      "line, line_end, char_start, char_end, number_line, quote, indicator, sub_indicator, comparator, low, high, "
      "unit, kind, number_text, unit_text, warnings, reading FROM figures LIMIT 1");
  Outcome r = run("verify --db audit.db");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("FAIL decision on \"ty le gi do|percent\": map to indicator \"no-such-indicator\""),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAIL indicator match of figure 999999: no such figure"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("indicator \"vanished\" is not in the catalogue"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": its document is not stored"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 problems"), std::string::npos) << r.out;
}

// Sources found from any folder through the absolute path stored beside the
// path as given; an edited source fails; a moved archive is found again with
// --sources-root; a missing one is a problem unless --allow-missing.
TEST_F(AuditTest, SourcesAreFoundFromAnywhereAndTheirBytesChecked) {
  ingest_seeds();
  EXPECT_EQ(scalar("SELECT path FROM documents WHERE id = 1"), "seeds/000_b0a75639c8747e5c.txt");
  EXPECT_EQ(fs::path(scalar("SELECT source_abs_path FROM documents WHERE id = 1")),
            fs::canonical(dir_ / "archive" / "seeds" / kSeeds[0]));
  const std::string db = "--db " + quote(db_);
  Outcome away = run("verify " + db + " --sources", dir_ / "elsewhere");
  EXPECT_EQ(away.status, 0) << away.out;
  EXPECT_NE(away.out.find("3 files found at their absolute paths and re-hashed"), std::string::npos) << away.out;

  const fs::path edited = dir_ / "archive" / "seeds" / kSeeds[1];
  const std::string original = read_file(edited);
  std::ofstream(edited, std::ios::app) << "Sửa thêm một dòng.\n";
  Outcome changed = run("verify " + db + " --sources", dir_ / "elsewhere");
  EXPECT_EQ(changed.status, 1);
  EXPECT_NE(changed.out.find(std::string("FAIL ") + kSeeds[1] + ": source "), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("has changed since ingest"), std::string::npos) << changed.out;
  std::ofstream(edited, std::ios::binary | std::ios::trunc) << original;

  fs::rename(dir_ / "archive", dir_ / "moved");
  const std::string moved_db = "--db " + quote((dir_ / "moved" / "audit.db").string());
  Outcome missing = run("verify " + moved_db + " --sources", dir_ / "elsewhere");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("not readable"), std::string::npos) << missing.out;
  EXPECT_NE(missing.out.find("3 problems"), std::string::npos) << missing.out;
  Outcome allowed = run("verify " + moved_db + " --sources --allow-missing", dir_ / "elsewhere");
  EXPECT_EQ(allowed.status, 0) << allowed.out;
  EXPECT_NE(allowed.out.find("note "), std::string::npos) << allowed.out;
  EXPECT_NE(allowed.out.find("(allowed by --allow-missing)"), std::string::npos) << allowed.out;
  Outcome rebased = run("verify " + moved_db + " --sources-root " + quote((dir_ / "moved").string()),
                        dir_ / "elsewhere");
  EXPECT_EQ(rebased.status, 0) << rebased.out;
  EXPECT_NE(rebased.out.find("3 files found under"), std::string::npos) << rebased.out;
}

// Every command but ingest on a database that does not exist: exit 3, a
// message, and no file made.
TEST_F(AuditTest, OnlyIngestCreatesADatabase) {
  const fs::path none = dir_ / "none.db";
  for (const std::string& args : {"export", "compare", "documents", "verify", "verify --sources", "search thu",
                                  "trace 1", "match", "reextract"}) {
    SCOPED_TRACE(args);
    std::string command = args.substr(0, args.find(' '));
    Outcome r = run(command + " --db " + quote(none.string()) + args.substr(command.size()));
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("no database at " + none.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(none));
  }
  // Each person who stores a document is recorded, with the extractor.
  ingest_seeds();
  Outcome docs = run("documents --db audit.db");
  ASSERT_EQ(docs.status, 0);
  nlohmann::json d = nlohmann::json::parse(docs.out.substr(0, docs.out.find('\n')));
  EXPECT_FALSE(d["ingested_by"].get<std::string>().empty());
  EXPECT_FALSE(d["ingested_host"].get<std::string>().empty());
  EXPECT_EQ(d["data_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(d["extractor_version"].get<std::string>(),
            d["chitieu_version"].get<std::string>() + " data " + d["data_sha256"].get<std::string>().substr(0, 16));
}

// A filter that keeps nothing says so on stderr and exits 1.
TEST_F(AuditTest, AFilterMatchingNothingSaysSo) {
  ingest_seeds();
  Outcome indicator = run("compare --db audit.db --indicator zzzz");
  EXPECT_EQ(indicator.status, 1);
  EXPECT_NE(indicator.err.find("no figure to compare matches --indicator 'zzzz'"), std::string::npos)
      << indicator.err;
  Outcome document = run("compare --db audit.db --document nosuch --format csv");
  EXPECT_EQ(document.status, 1);
  EXPECT_NE(document.err.find("no stored document matches --document 'nosuch'"), std::string::npos) << document.err;
  EXPECT_EQ(run("compare --db audit.db --document 000 --format csv").status, 0);
}

// The extractor's data changed ("tối thiểu" read as ">" instead of ">="):
// verify says which figures an older extractor made and how many would
// change, without failing; reextract updates them from the stored text, with
// the sources gone, keeping every replaced figure in figure_history; after
// it verify proves the new figures; going back restores the first export.
TEST_F(AuditTest, ReextractBringsFiguresUpToDateAndKeepsTheEarlierOnes) {
  ingest_seeds();
  Outcome before = run("export --db audit.db");
  ASSERT_EQ(before.status, 0);
  fs::remove_all(dir_ / "archive" / "seeds");
  const fs::path data = changed_data("qualifiers.tsv", "toi thieu\t>=\tbefore", "toi thieu\t>\tbefore");
  const std::string with_data = " --data-dir " + quote(data.string());

  Outcome older = run("verify --db audit.db" + with_data);
  EXPECT_EQ(older.status, 0) << older.out;
  EXPECT_NE(older.out.find("note 000_b0a75639c8747e5c.txt: figures made by extractor \"chitieu "),
            std::string::npos) << older.out;
  EXPECT_NE(older.out.find("  older    3 documents"), std::string::npos) << older.out;
  EXPECT_NE(older.out.find("not proved until `chitieu reextract`"), std::string::npos) << older.out;

  Outcome re = run("reextract --db audit.db" + with_data);
  ASSERT_EQ(re.status, 0) << re.err;
  EXPECT_NE(re.err.find("reextract: 3 documents, 3 re-extracted"), std::string::npos) << re.err;
  const std::string changed = scalar("SELECT sum(changed) FROM reextractions");
  EXPECT_NE(changed, "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM figure_history WHERE fate = 'changed'"), changed);
  EXPECT_EQ(scalar("SELECT count(*) FROM figure_history WHERE comparator = '>=' AND differences LIKE "
                   "'%comparator \">=\" -> \">\"%'"),
            changed);
  EXPECT_EQ(scalar("SELECT count(DISTINCT made_by) FROM figure_history"), "1");
  Outcome proved = run("verify --db audit.db" + with_data);
  EXPECT_EQ(proved.status, 0) << proved.out;
  EXPECT_EQ(proved.out.find("older"), std::string::npos) << proved.out;
  Outcome again = run("reextract --db audit.db" + with_data);
  EXPECT_NE(again.err.find("0 re-extracted, 3 already made by this extractor"), std::string::npos) << again.err;

  // Back to the shipped data: the figures are those of the first ingest, ids
  // and all, and the history holds both runs.
  Outcome back = run("reextract --db audit.db");
  ASSERT_EQ(back.status, 0) << back.err;
  EXPECT_EQ(run("export --db audit.db").out, before.out);
  EXPECT_EQ(scalar("SELECT count(*) FROM figure_history"), std::to_string(2 * std::stoi(changed)));
  EXPECT_EQ(scalar("SELECT count(*) FROM reextractions"), "6");
  EXPECT_EQ(run("verify --db audit.db").status, 0);
  Outcome hits = run("search --db audit.db 'do thi hoa'");
  EXPECT_EQ(hits.status, 0) << "the search index is rebuilt after a re-extraction";
}

// The databases of schemas 4 and 5 (tests/fixtures): upgraded on first use;
// their figures were made by an older extractor, so verify says so, and
// reextract brings them up to date.
TEST_F(AuditTest, EarlierDatabasesAreUpgradedVerifiedAndReextracted) {
  for (const char* fixture : {"schema4_release_0.1.0.db", "schema5_main_783288e.db"}) {
    SCOPED_TRACE(fixture);
    fs::copy_file(fs::path(CHITIEU_SOURCE_DIR) / "tests" / "fixtures" / fixture, db_,
                  fs::copy_options::overwrite_existing);
    Outcome v = run("verify --db audit.db");
    EXPECT_EQ(v.status, 0) << v.out;
    EXPECT_EQ(scalar("PRAGMA user_version"), std::to_string(chitieu::kSchemaVersion));
    EXPECT_NE(v.out.find("made by extractor \"chitieu 0.1.0\""), std::string::npos) << v.out;
    Outcome re = run("reextract --db audit.db");
    EXPECT_EQ(re.status, 0) << re.err;
    EXPECT_NE(re.err.find("2 re-extracted"), std::string::npos) << re.err;
    Outcome after = run("verify --db audit.db");
    EXPECT_EQ(after.status, 0) << after.out;
    EXPECT_EQ(after.out.find("older"), std::string::npos) << after.out;
    EXPECT_EQ(scalar("SELECT count(*) FROM figures"), scalar("SELECT sum(figure_count) FROM documents"));
    fs::remove(db_);
  }
}

// Ingesters race on a fresh database and on one that exists, with verify,
// compare and reextract beside them. Nobody fails for a lock: ingesters exit
// 0; the others exit 0, or 3 saying there is no database yet (a fresh one is
// placed whole, never seen half made); every document is stored once.
TEST_F(AuditTest, IngestersRaceEachOtherAndTheReaders) {
  const double t0 = monotonic_seconds();
  const fs::path data = changed_data("units.tsv", "# surface(folded)", "# surface (folded)");  // another version
  std::vector<std::string> seeds;
  for (const char* s : kSeeds) seeds.push_back((dir_ / "archive" / "seeds" / s).string());
  constexpr int kRounds = 15;
  int refused_absent = 0, runs = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (bool fresh : {true, false}) {
      SCOPED_TRACE((fresh ? "fresh database, round " : "existing database, round ") + std::to_string(round));
      const std::string db = (dir_ / ("race" + std::to_string(round) + (fresh ? "f" : "e") + ".db")).string();
      std::vector<std::vector<std::string>> commands;
      if (!fresh) {
        ChildResult first = run_child(CHITIEU_BINARY, {"ingest", "--db", db, seeds[0]},
                                                         (dir_ / "first.out").string(),
                                                         (dir_ / "first.err").string(), 60);
        ASSERT_EQ(first.exit_code, 0) << first.err;
      }
      commands.push_back({"ingest", "--db", db, seeds[fresh ? 0 : 1]});
      commands.push_back({"ingest", "--db", db, seeds[fresh ? 1 : 2]});
      if (fresh) commands.push_back({"ingest", "--db", db, seeds[2]});
      commands.push_back({"verify", "--db", db});
      commands.push_back({"compare", "--db", db, "--format", "csv"});
      commands.push_back({"reextract", "--db", db, "--data-dir", data.string()});
      std::vector<std::unique_ptr<ChildProcess>> children;
      for (size_t i = 0; i < commands.size(); ++i) {
        children.push_back(std::make_unique<ChildProcess>());
        std::string error, tag = (dir_ / ("child" + std::to_string(i))).string();
        ASSERT_TRUE(children.back()->start(CHITIEU_BINARY, commands[i], tag + ".out", tag + ".err", &error))
            << error;
      }
      for (size_t i = 0; i < children.size(); ++i) {
        ChildResult r = children[i]->wait(60);
        ++runs;
        const std::string& what = commands[i][0];
        ASSERT_TRUE(r.finished) << what;
        EXPECT_EQ(r.err.find("locked"), std::string::npos) << what << ": " << r.err;
        if (what == "ingest" || !fresh) {
          EXPECT_EQ(r.exit_code, 0) << what << ": " << r.out << r.err;
        } else if (r.exit_code != 0) {
          EXPECT_EQ(r.exit_code, 3) << what << ": " << r.err;
          EXPECT_NE(r.err.find("no database at"), std::string::npos) << what << ": " << r.err;
          ++refused_absent;
        }
      }
      ChildResult v = run_child(CHITIEU_BINARY, {"verify", "--db", db, "--data-dir", data.string()},
                                                 (dir_ / "v.out").string(), (dir_ / "v.err").string(), 60);
      EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
      EXPECT_NE(v.out.find("3 documents"), std::string::npos) << v.out;
    }
  }
  double seconds = monotonic_seconds() - t0;
  std::cout << "[ race     ] " << kRounds << " rounds fresh and existing, " << runs << " commands, "
            << refused_absent << " readers started before the database existed; " << seconds << " s\n";
}

}  // namespace
