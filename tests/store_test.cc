// The store's transactions and snapshots (store/transaction.h), a document
// written all or nothing, the schema versions and their upgrades (the released
// schema 4 from a fixture), open modes, re-extraction's history, and search's
// rowid layout.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/export.h"
#include "store/store.h"
#include "store/transaction.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

// A document as the extractor would hand it to the store, made by hand.
struct Doc {
  SourceText source;
  DocumentHeader header;
  std::vector<RepairedLine> repaired;
  std::vector<Figure> figures;
};

Doc make_doc(const std::string& name, const std::vector<std::string>& lines) {
  Doc d;
  d.source.path = "/docs/" + name;
  d.source.file_name = name;
  d.source.sha256 = std::string(64 - std::min<size_t>(64, name.size()), '0') + name;  // unique per name
  d.source.format = "text";
  d.source.encoding = "utf-8";
  d.source.lines = lines;
  for (const std::string& l : lines) {
    d.source.size_bytes += l.size() + 1;
    RepairedLine r;
    r.text = l;
    r.folded = comparison_key(l);
    d.repaired.push_back(r);
  }
  return d;
}

// A figure on 1-based `line`, the whole line quoted.
Figure figure_on(const Doc& d, uint32_t line, const std::string& indicator) {
  Figure f;
  f.line = f.line_end = f.number_line = line;
  f.char_start = 0;
  f.quote = d.source.lines[line - 1];
  f.char_end = static_cast<uint32_t>(f.quote.size());  // ASCII lines: bytes are code points
  f.indicator = IndicatorName{"", indicator};
  f.low = f.high = 70;
  f.unit = "%";
  f.year = "2030";
  f.number_text = "70";
  f.unit_text = "%";
  return f;
}

void run_sql(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (err ? err : "");
  sqlite3_free(err);
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chitieu_store_test_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> open() {
    std::unique_ptr<Store> store;
    Status st = Store::Open(path_, OpenMode::kCreate, &store);
    EXPECT_TRUE(st.ok()) << st.message();
    return store;
  }

  // A second, raw connection to the same database.
  sqlite3* raw() {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    return db;
  }

  static void exec(sqlite3* db, const std::string& sql) { run_sql(db, sql); }

  static std::string scalar(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* q = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr), SQLITE_OK) << sql;
    std::string out = "(none)";
    if (q && sqlite3_step(q) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(q, 0);
      out = t ? reinterpret_cast<const char*>(t) : "(null)";
    }
    sqlite3_finalize(q);
    return out;
  }

  static Store::IngestOutcome ingest(Store& store, const Doc& d) {
    Store::IngestOutcome outcome;
    Status st = store.ingest(d.source, d.header, d.repaired, d.figures, &outcome);
    EXPECT_TRUE(st.ok()) << st.message();
    return outcome;
  }

  static size_t document_count(Store& store) {
    std::vector<StoredDocument> docs;
    Status st = store.documents(&docs);
    EXPECT_TRUE(st.ok()) << st.message();
    return docs.size();
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, ATransactionNotCommittedLeavesNothingWritten) {
  sqlite3* db = raw();
  exec(db, "CREATE TABLE t(x INTEGER)");
  {
    Transaction tx(db);
    ASSERT_TRUE(tx.Begin().ok());
    exec(db, "INSERT INTO t VALUES (1)");
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM t"), "1");  // seen inside
  }
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM t"), "0");
  EXPECT_TRUE(sqlite3_get_autocommit(db)) << "the transaction was left open";
  {
    Transaction tx(db);
    ASSERT_TRUE(tx.Begin().ok());
    exec(db, "INSERT INTO t VALUES (2)");
    Status st = tx.Commit();
    EXPECT_TRUE(st.ok()) << st.message();
  }
  EXPECT_EQ(scalar(db, "SELECT group_concat(x) FROM t"), "2");
  sqlite3_close(db);
}

TEST_F(StoreTest, TransactionsDoNotNest) {
  sqlite3* db = raw();
  exec(db, "CREATE TABLE t(x INTEGER)");
  Transaction outer(db);
  ASSERT_TRUE(outer.Begin().ok());
  exec(db, "INSERT INTO t VALUES (1)");
  {
    Transaction inner(db);
    Status st = inner.Begin();
    EXPECT_EQ(st.code(), StatusCode::kDatabase);
  }  // the inner one failed: its end must not end the outer one
  EXPECT_FALSE(sqlite3_get_autocommit(db));
  ASSERT_TRUE(outer.Commit().ok());
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM t"), "1");
  sqlite3_close(db);
}

TEST_F(StoreTest, ASnapshotSeesOneStateWhileAnotherConnectionCommits) {
  std::unique_ptr<Store> reader = open();
  Doc first = make_doc("first.txt", {"Ty le bao phu 70% vao nam 2030."});
  first.figures.push_back(figure_on(first, 1, "ty le bao phu"));
  ingest(*reader, first);

  std::unique_ptr<Snapshot> snapshot;
  ASSERT_TRUE(reader->snapshot(&snapshot).ok());
  std::unique_ptr<Store> writer = open();
  Doc second = make_doc("second.txt", {"Ty le bao phu 80% vao nam 2030."});
  second.figures.push_back(figure_on(second, 1, "ty le bao phu"));
  EXPECT_FALSE(ingest(*writer, second).already_stored);
  EXPECT_EQ(document_count(*writer), 2u);

  EXPECT_EQ(document_count(*reader), 1u);
  size_t figures = 0;
  ASSERT_TRUE(reader->figures([&](const StoredFigure&) { ++figures; }).ok());
  EXPECT_EQ(figures, 1u);

  ASSERT_TRUE(snapshot->End().ok());
  EXPECT_EQ(document_count(*reader), 2u);

  // The same through begin_snapshot/end_snapshot, which the CLI uses.
  ASSERT_TRUE(reader->begin_snapshot().ok());
  EXPECT_EQ(reader->begin_snapshot().code(), StatusCode::kDatabase);  // one at a time
  ingest(*writer, make_doc("third.txt", {"Khong co chi tieu."}));
  EXPECT_EQ(document_count(*reader), 2u);
  ASSERT_TRUE(reader->end_snapshot().ok());
  EXPECT_EQ(document_count(*reader), 3u);
  EXPECT_EQ(reader->end_snapshot().code(), StatusCode::kDatabase);  // none open
}

TEST_F(StoreTest, ASnapshotLeftOpenEndsWithItsScope) {
  std::unique_ptr<Store> reader = open();
  std::unique_ptr<Store> writer = open();
  {
    std::unique_ptr<Snapshot> snapshot;
    ASSERT_TRUE(reader->snapshot(&snapshot).ok());
    ingest(*writer, make_doc("a.txt", {"Mot dong."}));
    EXPECT_EQ(document_count(*reader), 0u);
  }
  EXPECT_EQ(document_count(*reader), 1u);
}

TEST_F(StoreTest, AFailingStatementInIngestRollsTheWholeDocumentBack) {
  std::unique_ptr<Store> store = open();
  sqlite3* db = raw();
  exec(db,
       "CREATE TRIGGER figures_read_only BEFORE INSERT ON figures "
       "BEGIN SELECT RAISE(ABORT, 'figures are read-only'); END");
  Doc d = make_doc("doc.txt", {"Muc tieu", "Ty le bao phu 70% vao nam 2030."});
  Repair r;
  r.raw_begin = 0;
  r.raw_end = 2;
  r.replacement = "Ty";
  r.rule = "nfc";
  d.repaired[1].repairs.push_back(r);
  d.figures.push_back(figure_on(d, 2, "ty le bao phu"));

  Store::IngestOutcome outcome;
  Status st = store->ingest(d.source, d.header, d.repaired, d.figures, &outcome);
  EXPECT_EQ(st.code(), StatusCode::kDatabase);
  EXPECT_NE(st.message().find("inserting figure"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("figures are read-only"), std::string::npos) << st.message();
  for (const char* table : {"documents", "lines", "repairs", "figures"})
    EXPECT_EQ(scalar(db, std::string("SELECT count(*) FROM ") + table), "0") << table;
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store->search("bao phu", 10, &hits).ok());
  EXPECT_TRUE(hits.empty());
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM search WHERE search MATCH 'phu'"), "0");

  // The store is usable afterwards, and the document was never stored.
  exec(db, "DROP TRIGGER figures_read_only");
  outcome = ingest(*store, d);
  EXPECT_FALSE(outcome.already_stored);
  EXPECT_EQ(outcome.figures, 1u);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM repairs"), "1");
  sqlite3_close(db);
}

TEST_F(StoreTest, ANewVersionIsLinkedToTheOneBefore) {
  std::unique_ptr<Store> store = open();
  Doc draft = make_doc("draft.txt", {"Du thao."});
  Doc final_text = make_doc("final.txt", {"Ban chinh thuc."});
  for (Doc* d : {&draft, &final_text}) {
    d->header.number = "59-NQ/TW";
    d->header.issuer = "BỘ CHÍNH TRỊ";
    d->header.official = true;
  }
  int64_t draft_id = ingest(*store, draft).document_id;
  int64_t final_id = ingest(*store, final_text).document_id;
  EXPECT_TRUE(ingest(*store, final_text).already_stored);
  std::vector<StoredDocument> docs;
  ASSERT_TRUE(store->documents(&docs).ok());
  ASSERT_EQ(docs.size(), 2u);
  for (const StoredDocument& d : docs)
    EXPECT_EQ(d.previous_version_id, d.id == final_id ? draft_id : 0) << d.file_name;
}

// Two press articles about the same resolution name its number; neither is a
// version of the other (nor of the resolution).
TEST_F(StoreTest, APressTextNamingANumberIsNoVersion) {
  std::unique_ptr<Store> store = open();
  Doc a = make_doc("bao_a.txt", {"HĐND tỉnh ban hành Nghị quyết số 11/NQ-HĐND."});
  Doc b = make_doc("bao_b.txt", {"Nghị quyết số 11/NQ-HĐND đã được thông qua."});
  for (Doc* d : {&a, &b}) {
    d->header.number = "11/NQ-HĐND";
    d->header.issuer = "Hội đồng nhân dân tỉnh";
  }
  ingest(*store, a);
  ingest(*store, b);
  std::vector<StoredDocument> docs;
  ASSERT_TRUE(store->documents(&docs).ok());
  ASSERT_EQ(docs.size(), 2u);
  for (const StoredDocument& d : docs) EXPECT_EQ(d.previous_version_id, 0) << d.file_name;
}

// What a document says about itself beyond its header is stored and read back.
TEST_F(StoreTest, PeriodGenreAndDateSourceAreStored) {
  std::unique_ptr<Store> store = open();
  Doc d = make_doc("kh.txt", {"Kế hoạch phát triển năm 2027"});
  d.header.title = "Kế hoạch phát triển năm 2027";
  d.header.date = "2026-12-01";
  d.header.date_source = "dateline";
  d.header.period = "2027";
  d.header.period_line = 1;
  d.header.period_quote = "năm 2027";
  d.header.genre = DocumentGenre::kPlan;
  ingest(*store, d);
  std::vector<StoredDocument> docs;
  ASSERT_TRUE(store->documents(&docs).ok());
  ASSERT_EQ(docs.size(), 1u);
  const DocumentHeader& h = docs[0].header;
  EXPECT_EQ(h.period, "2027");
  EXPECT_EQ(h.period_line, 1);
  EXPECT_EQ(h.period_quote, "năm 2027");
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
  EXPECT_EQ(h.date_source, "dateline");
}

TEST_F(StoreTest, SearchFindsLinesAndIndicatorsWhereTheyAre) {
  std::unique_ptr<Store> store = open();
  ingest(*store, make_doc("other.txt", {"Khong lien quan."}));
  Doc d = make_doc("doc.txt", {"Muc tieu", "Dat 70% vao nam 2030.", "Ty le bao phu bao hiem y te."});
  d.figures.push_back(figure_on(d, 2, "ty le bao phu bao hiem y te"));
  int64_t id = ingest(*store, d).document_id;
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store->search("bảo hiểm", 10, &hits).ok());
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].kind, "indicator");  // on the line of the figure's digit
  EXPECT_EQ(hits[0].line_no, 2);
  EXPECT_EQ(hits[1].kind, "line");
  EXPECT_EQ(hits[1].line_no, 3);
  for (const SearchHit& h : hits) {
    EXPECT_EQ(h.document_id, id);
    EXPECT_EQ(h.document, "doc.txt");
    EXPECT_EQ(h.raw, d.source.lines[h.line_no - 1]);
  }
}

// Groups of alternatives: every group matches, each by one of its phrases,
// whose words must all occur (FTS5 with detail=none has no phrases).
TEST_F(StoreTest, SearchMatchesGroupsOfAlternatives) {
  std::unique_ptr<Store> store = open();
  ingest(*store, make_doc("a.txt", {"Ty le bao phu BHYT dat 97%.", "Ty le BHXH 40%.", "Nam 2025 bao hiem va y te."}));
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store->search({{"bhyt", "bảo hiểm y tế"}}, 10, &hits).ok());
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].line_no, 1);
  EXPECT_EQ(hits[1].line_no, 3);  // every word of the phrase, not the phrase
  hits.clear();
  ASSERT_TRUE(store->search({{"bhyt", "bảo hiểm y tế"}, {"2025"}}, 10, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].line_no, 3);
  hits.clear();
  // Words only: punctuation of a phrase is no query syntax.
  ASSERT_TRUE(store->search({{"\"bhxh\"", "x/y"}}, 10, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].line_no, 2);
  hits.clear();
  ASSERT_TRUE(store->search(std::vector<std::vector<std::string>>{}, 10, &hits).ok());
  EXPECT_TRUE(hits.empty());
}

// The columns schema version 7 added (OCR words, the reader of a cached page).
void drop_version_seven_columns(sqlite3* db) {
  run_sql(db, "ALTER TABLE lines DROP COLUMN ocr_words");
  run_sql(db, "ALTER TABLE ocr_pages DROP COLUMN words");
  run_sql(db, "ALTER TABLE ocr_pages DROP COLUMN reader");
}

// A database as a chitieu before schema 6 left it: the columns and tables
// of versions 6 and 7 gone, user_version 0, its version in `meta` only.
void make_pre_schema6(sqlite3* db, const std::string& meta_version) {
  drop_version_seven_columns(db);
  for (const char* column : {"ingested_by", "ingested_host", "source_abs_path", "data_sha256", "extractor_version",
                             "extracted_at"})
    run_sql(db, std::string("ALTER TABLE documents DROP COLUMN ") + column);
  run_sql(db, "DROP TABLE figure_history");
  run_sql(db, "DROP TABLE reextractions");
  run_sql(db, "PRAGMA user_version = 0");
  run_sql(db, "UPDATE meta SET value = '" + meta_version + "' WHERE key = 'schema_version'");
}

// The columns schema version 5 added (converted formats).
void drop_version_five_columns(sqlite3* db) {
  run_sql(db, "ALTER TABLE documents DROP COLUMN converted_by");
  for (const char* column : {"source_line", "source_start", "source_end"})
    run_sql(db, std::string("ALTER TABLE lines DROP COLUMN ") + column);
}

// Ingest leaves the search index to the first search, which indexes every
// document stored since the last one, once: a search after more documents
// finds them, a search with nothing new writes nothing, and a database whose
// documents were indexed at ingest (before this was so) is not indexed twice.
TEST_F(StoreTest, TheSearchIndexIsBuiltByTheFirstSearchAfterIngest) {
  std::unique_ptr<Store> store = open();
  sqlite3* db = raw();
  ingest(*store, make_doc("a.txt", {"Tang truong kinh te dat 7%."}));
  ingest(*store, make_doc("b.txt", {"Thu nhap binh quan tang."}));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM search_docsize"), "0") << "nothing indexed at ingest";
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store->search("tang", 10, &hits).ok());
  EXPECT_EQ(hits.size(), 2u);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM search_docsize"), "2");

  size_t indexed = 99;
  ASSERT_TRUE(store->update_search_index(&indexed).ok());
  EXPECT_EQ(indexed, 0u) << "nothing new";
  ingest(*store, make_doc("c.txt", {"Dien tich tang them."}));
  hits.clear();
  ASSERT_TRUE(store->search("tang", 10, &hits).ok());
  EXPECT_EQ(hits.size(), 3u) << "the document stored after the first search";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM search_docsize"), "3") << "each line indexed once";

  // As chitieu indexed before: document 4's line at ingest (rowid: id << 24 | line << 1).
  int64_t d = ingest(*store, make_doc("d.txt", {"Von dau tu tang."})).document_id;
  exec(db, "INSERT INTO search(rowid, folded) VALUES (" + std::to_string((d << 24) | (1 << 1)) +
               ", 'von dau tu tang')");
  ASSERT_TRUE(store->update_search_index(&indexed).ok());
  EXPECT_EQ(indexed, 0u) << "indexed already";
  hits.clear();
  ASSERT_TRUE(store->search("tang", 10, &hits).ok());
  EXPECT_EQ(hits.size(), 4u);

  // Another connection searching finds the index up to date.
  std::unique_ptr<Store> other = open();
  ASSERT_TRUE(other->update_search_index(&indexed).ok());
  EXPECT_EQ(indexed, 0u);
  sqlite3_close(db);
}

// Version 1 kept only the joined display form of an indicator and no change;
// opening such a database splits the form into parent and sub-indicator once,
// reads every value as a level, and says the current version.
TEST_F(StoreTest, SchemaVersionOneIsUpgraded) {
  {
    std::unique_ptr<Store> store = open();
    Doc d = make_doc("old.txt", {"A 1%", "B 2%", "C 3%"});
    for (uint32_t line = 1; line <= 3; ++line) d.figures.push_back(figure_on(d, line, "x"));
    ingest(*store, d);
  }
  sqlite3* db = raw();
  // A version-1 figures table: no sub_indicator nor change column.
  make_pre_schema6(db, "1");
  drop_version_five_columns(db);
  exec(db, "ALTER TABLE figures DROP COLUMN sub_indicator");
  exec(db, "ALTER TABLE figures DROP COLUMN change");
  for (const char* column : {"date_source", "period", "period_line", "period_quote", "genre"})
    exec(db, std::string("ALTER TABLE documents DROP COLUMN ") + column);
  exec(db, "UPDATE figures SET indicator = 'A — B', parent = 'A' WHERE line = 1");
  exec(db, "UPDATE figures SET indicator = 'C', parent = NULL WHERE line = 2");
  exec(db, "UPDATE figures SET indicator = 'A', parent = 'A' WHERE line = 3");
  sqlite3_close(db);

  std::unique_ptr<Store> store = open();
  ASSERT_TRUE(store);
  std::vector<IndicatorName> names;
  ASSERT_TRUE(store->figures([&](const StoredFigure& sf) {
    names.push_back(sf.figure.indicator);
    EXPECT_EQ(sf.figure.change, Change::kLevel);
  }).ok());
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], (IndicatorName{"A", "B"}));
  EXPECT_EQ(names[1], (IndicatorName{"", "C"}));
  EXPECT_EQ(names[2], (IndicatorName{"A", ""}));
  EXPECT_EQ(names[0].display(), "A — B");
  db = raw();
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(scalar(db, "SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(kSchemaVersion));
  EXPECT_EQ(kSchemaVersion, 8);
  sqlite3_close(db);
}

// Version 3 had no document period, genre nor date source: opening it adds
// the columns, empty for the documents stored before, and new documents fill them.
TEST_F(StoreTest, SchemaVersionThreeIsUpgraded) {
  {
    std::unique_ptr<Store> store = open();
    ingest(*store, make_doc("old.txt", {"Nghị quyết năm 2025"}));
  }
  sqlite3* db = raw();
  make_pre_schema6(db, "3");
  drop_version_five_columns(db);
  for (const char* column : {"date_source", "period", "period_line", "period_quote", "genre"})
    exec(db, std::string("ALTER TABLE documents DROP COLUMN ") + column);
  sqlite3_close(db);

  std::unique_ptr<Store> store = open();
  ASSERT_TRUE(store);
  Doc fresh = make_doc("new.txt", {"Báo cáo năm 2025"});
  fresh.header.period = "2025";
  fresh.header.genre = DocumentGenre::kReport;
  ingest(*store, fresh);
  std::vector<StoredDocument> docs;
  ASSERT_TRUE(store->documents(&docs).ok());
  ASSERT_EQ(docs.size(), 2u);
  for (const StoredDocument& d : docs) {
    bool old = d.file_name == "old.txt";
    EXPECT_EQ(d.header.period, old ? "" : "2025") << d.file_name;
    EXPECT_EQ(d.header.genre, old ? DocumentGenre::kUnknown : DocumentGenre::kReport) << d.file_name;
  }
  db = raw();
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  sqlite3_close(db);
}

// Version 4 had no converted formats: opening it adds what converted each
// document and each line's place in the file, null for what was stored before.
TEST_F(StoreTest, SchemaVersionFourIsUpgraded) {
  {
    std::unique_ptr<Store> store = open();
    ingest(*store, make_doc("old.txt", {"Nghị quyết năm 2025"}));
  }
  sqlite3* db = raw();
  make_pre_schema6(db, "4");
  drop_version_five_columns(db);
  sqlite3_close(db);

  std::unique_ptr<Store> store = open();
  ASSERT_TRUE(store);
  Doc fresh = make_doc("new.md", {"Kế hoạch năm 2025", "Dòng hai"});
  fresh.source.converted_by = "markdown";
  fresh.source.sources = {{1, 0, 20}, {2, 21, 30}};
  ingest(*store, fresh);
  std::vector<StoredDocument> docs;
  ASSERT_TRUE(store->documents(&docs).ok());
  ASSERT_EQ(docs.size(), 2u);
  for (const StoredDocument& d : docs) EXPECT_EQ(d.converted_by, d.file_name == "old.txt" ? "" : "markdown");
  db = raw();
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM lines WHERE source_line IS NULL"), "1");
  EXPECT_EQ(scalar(db, "SELECT group_concat(source_line || ':' || source_start || '-' || source_end, ' ') "
                       "FROM lines WHERE source_line IS NOT NULL"),
            "1:0-20 2:21-30");
  sqlite3_close(db);
}

// Databases of the schemas before 6 (4, as released in chitieu 0.1.0, and 5),
// made by those binaries and kept as fixtures (tests/fixtures/README.md):
// opened by this chitieu, each is upgraded in place to the current version, every
// figure reads back as that chitieu exported it, and its documents say which
// extractor made them (their chitieu version: older than any with a data
// hash) and that nobody knows who ingested them.
TEST_F(StoreTest, TheSchemasBeforeSixAreUpgradedAndTheirFiguresSurvive) {
  const fs::path fixtures = fs::path(CHITIEU_SOURCE_DIR) / "tests" / "fixtures";
  std::vector<std::string> expected;
  {
    std::ifstream in(fixtures / "release_0.1.0.export.jsonl");
    for (std::string line; std::getline(in, line);) expected.push_back(line);
  }
  ASSERT_EQ(expected.size(), 138u);
  for (const auto& [file, version] : {std::pair<const char*, const char*>{"schema4_release_0.1.0.db", "4"},
                                      {"schema5_main_783288e.db", "5"}}) {
    SCOPED_TRACE(file);
    fs::copy_file(fixtures / file, path_, fs::copy_options::overwrite_existing);
    sqlite3* db = raw();
    EXPECT_EQ(scalar(db, "PRAGMA user_version"), "0");
    EXPECT_EQ(scalar(db, "SELECT value FROM meta WHERE key = 'schema_version'"), version);
    sqlite3_close(db);

    std::unique_ptr<Store> store;
    Status st = Store::Open(path_, OpenMode::kMustExist, &store);
    ASSERT_TRUE(st.ok()) << st.message();
    db = raw();
    EXPECT_EQ(scalar(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
    EXPECT_EQ(scalar(db, "SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(kSchemaVersion));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM figure_history"), "0");
    sqlite3_close(db);

    std::vector<std::string> got;
    ASSERT_TRUE(store->figures([&](const StoredFigure& sf) { got.push_back(figure_jsonl(sf)); }).ok());
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      nlohmann::json was = nlohmann::json::parse(expected[i]), now = nlohmann::json::parse(got[i]);
      for (auto it = was.begin(); it != was.end(); ++it)
        EXPECT_EQ(now[it.key()], it.value()) << "figure " << was["id"] << " field " << it.key();
    }
    std::vector<StoredDocument> docs;
    ASSERT_TRUE(store->documents(&docs).ok());
    ASSERT_EQ(docs.size(), 2u);
    for (const StoredDocument& d : docs) {
      EXPECT_EQ(d.extractor_version, "chitieu 0.1.0") << d.file_name;
      EXPECT_EQ(d.chitieu_version, "chitieu 0.1.0");
      EXPECT_EQ(d.extracted_at, d.ingested_at);
      EXPECT_EQ(d.ingested_by, "");
      EXPECT_EQ(d.absolute_path, "");
    }
    // Opening it again changes nothing.
    store.reset();
    ASSERT_TRUE(Store::Open(path_, OpenMode::kMustExist, &store).ok());
    store.reset();
    fs::remove(path_);
  }
}

// Version 6 kept no OCR words and no reader of a cached page: opening it adds
// them; a page cached before is read again (its reader is unknown), lines
// stored before have no words, an OCRed line stored after keeps its words and
// reads back with them.
TEST_F(StoreTest, SchemaVersionSixIsUpgraded) {
  const std::string reader = "tesseract 5 vie; prepared 1";
  {
    std::unique_ptr<Store> store = open();
    ingest(*store, make_doc("old.txt", {"Nghị quyết năm 2025"}));
  }
  sqlite3* db = raw();
  drop_version_seven_columns(db);
  exec(db, "INSERT INTO ocr_pages(sha256, page, text, confidence, recognised_at) "
           "VALUES ('abc', 1, 'Dòng một', '[90.5]', '2026-01-01T00:00:00Z')");
  exec(db, "PRAGMA user_version = 6");
  sqlite3_close(db);

  std::unique_ptr<Store> store = open();
  ASSERT_TRUE(store);
  std::vector<OcrLine> lines;
  bool found = true;
  ASSERT_TRUE(store->ocr_page("abc", 1, reader, &lines, &found).ok());
  EXPECT_FALSE(found) << "a page cached by an earlier reader is read again";
  ASSERT_TRUE(store->save_ocr_page("abc", 1, reader, {{"Dòng một", 91, {{0, 4, 93}, {5, 11, 89}}}}).ok());
  ASSERT_TRUE(store->ocr_page("abc", 1, reader, &lines, &found).ok());
  ASSERT_TRUE(found);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].words, (std::vector<OcrWord>{{0, 4, 93}, {5, 11, 89}}));

  Doc scan = make_doc("scan.pdf", {"Tăng 7%", "", "năm 2025"});
  scan.source.format = "pdf-ocr";
  scan.source.line_confidence = {95, 0, 80};
  scan.source.line_words = {{{0, 5, 97}, {6, 8, 93.25f}}, {}, {{0, 4, 80}, {5, 9, 80}}};
  Store::IngestOutcome outcome = ingest(*store, scan);
  db = raw();
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM lines WHERE ocr_words IS NULL"), "1");
  EXPECT_EQ(scalar(db, "SELECT ocr_words FROM lines WHERE raw = 'Tăng 7%'"), "[[0,5,97.0],[6,8,93.25]]");
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM lines WHERE raw = '' AND ocr_confidence IS NULL"), "1")
      << "a paragraph's gap has no confidence";
  sqlite3_close(db);
  std::vector<StoredLine> stored;
  ASSERT_TRUE(store->lines(outcome.document_id, 1, 3, &stored).ok());
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0].ocr_words, scan.source.line_words[0]);
  EXPECT_TRUE(stored[1].ocr_words.empty());
  EXPECT_EQ(stored[2].ocr_words, scan.source.line_words[2]);
}

// Version 7 indexed every line by page; version 8 only the lines that have
// one (plain text, most documents, adds no index entry). Upgraded, the index is
// the partial one and a figure's line within its page is still read through it.
TEST_F(StoreTest, SchemaVersionSevenIsUpgradedToAPageIndexOfPagedLinesOnly) {
  auto page_index_sql = [](sqlite3* db) {
    return scalar(db, "SELECT sql FROM sqlite_schema WHERE name = 'lines_by_page'");
  };
  {
    std::unique_ptr<Store> store = open();
    ingest(*store, make_doc("plain.txt", {"Tăng 7%"}));
  }
  sqlite3* db = raw();
  EXPECT_NE(page_index_sql(db).find("WHERE page IS NOT NULL"), std::string::npos) << page_index_sql(db);
  exec(db, "DROP INDEX lines_by_page");
  exec(db, "CREATE INDEX lines_by_page ON lines(document_id, page, line_no)");
  exec(db, "PRAGMA user_version = 7");
  sqlite3_close(db);

  std::unique_ptr<Store> store = open();
  ASSERT_TRUE(store);
  Doc paged = make_doc("paged.pdf", {"Trang một", "Trang hai", "Tỷ lệ 70%"});
  paged.source.format = "pdf";
  paged.source.pages = {1, 2, 2};
  paged.figures.push_back(figure_on(paged, 3, "Tỷ lệ"));
  ingest(*store, paged);
  db = raw();
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), "8");
  EXPECT_NE(page_index_sql(db).find("WHERE page IS NOT NULL"), std::string::npos) << page_index_sql(db);
  std::string plan;
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT min(line_no) FROM lines WHERE document_id = 2 AND page = 2",
                               -1, &q, nullptr), SQLITE_OK);
  while (sqlite3_step(q) == SQLITE_ROW) plan += reinterpret_cast<const char*>(sqlite3_column_text(q, 3));
  sqlite3_finalize(q);
  EXPECT_NE(plan.find("lines_by_page"), std::string::npos) << plan;
  sqlite3_close(db);
  std::vector<StoredFigure> figures;
  ASSERT_TRUE(store->figures([&](const StoredFigure& sf) { figures.push_back(sf); }).ok());
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].page_line, 2);
}

TEST_F(StoreTest, ANewerSchemaIsRefused) {
  open();
  sqlite3* db = raw();
  exec(db, "PRAGMA user_version = 99");
  sqlite3_close(db);
  std::unique_ptr<Store> store;
  Status st = Store::Open(path_, OpenMode::kCreate, &store);
  EXPECT_EQ(st.code(), StatusCode::kDatabase);
  EXPECT_NE(st.message().find("newer chitieu (schema version 99"), std::string::npos) << st.message();
  db = raw();
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), "99") << "a refused database is left as it was";
  sqlite3_close(db);
}

// A chitieu before schema 6 read the version from `meta` only: it says the
// current version there too, so such a chitieu refuses this database; and a
// database whose `meta` alone says a newer version is refused here.
TEST_F(StoreTest, TheMetaVersionIsKeptForOlderChitieuAndANewerOneIsRefused) {
  open();
  sqlite3* db = raw();
  EXPECT_EQ(scalar(db, "SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(kSchemaVersion));
  const std::string newer = std::to_string(kSchemaVersion + 1);
  make_pre_schema6(db, newer);
  sqlite3_close(db);
  std::unique_ptr<Store> store;
  Status st = Store::Open(path_, OpenMode::kCreate, &store);
  EXPECT_EQ(st.code(), StatusCode::kDatabase);
  EXPECT_NE(st.message().find("schema version " + newer), std::string::npos) << st.message();
}

// Only a command that may create a database creates one; the others say there
// is none, and leave no file behind. An empty file or another program's SQLite
// database is not a chitieu database.
TEST_F(StoreTest, OpenModesCreateOnlyWhenAllowed) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(path_, OpenMode::kMustExist, &store);
  EXPECT_EQ(st.code(), StatusCode::kDatabase);
  EXPECT_NE(st.message().find("no database at " + path_), std::string::npos) << st.message();
  EXPECT_FALSE(fs::exists(path_));

  { std::ofstream touch(path_); }
  st = Store::Open(path_, OpenMode::kMustExist, &store);
  EXPECT_NE(st.message().find("not a chitieu database (it is empty"), std::string::npos) << st.message();
  EXPECT_EQ(fs::file_size(path_), 0u) << "an empty file refused is left empty";
  st = Store::Open(path_, OpenMode::kCreate, &store);
  ASSERT_TRUE(st.ok()) << "ingest may fill an empty file: " << st.message();
  store.reset();
  ASSERT_TRUE(Store::Open(path_, OpenMode::kMustExist, &store).ok());
  store.reset();

  const std::string other = (dir_ / "other.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  exec(db, "CREATE TABLE accounts(id INTEGER)");
  sqlite3_close(db);
  for (OpenMode mode : {OpenMode::kCreate, OpenMode::kMustExist}) {
    st = Store::Open(other, mode, &store);
    EXPECT_NE(st.message().find("not a chitieu database"), std::string::npos) << st.message();
  }

  // A new database is made whole beside its path and linked into place: no
  // temporary file stays.
  const std::string fresh = (dir_ / "fresh.db").string();
  ASSERT_TRUE(Store::Open(fresh, OpenMode::kCreate, &store).ok());
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".new-"), std::string::npos) << entry.path();
}

// Re-extraction replaces a document's figures in one transaction: a figure
// that reads the same stays, a changed one keeps its id, a removed one is
// deleted; both are copied into figure_history first, with the extractor that
// made them, and the run is recorded. History cannot be deleted.
TEST_F(StoreTest, ReextractKeepsWhatItReplaces) {
  std::unique_ptr<Store> store = open();
  Doc d = make_doc("doc.txt", {"A 70%", "B 80%", "C 90%"});
  for (uint32_t line = 1; line <= 3; ++line) {
    d.figures.push_back(figure_on(d, line, "x"));
    d.figures.back().low = d.figures.back().high = 60 + 10 * line;
  }
  IngestProvenance first{"ana", "host1", "chitieu 0.1.0 data aaaa", "aaaa"};
  Store::IngestOutcome outcome;
  ASSERT_TRUE(store->ingest(d.source, d.header, d.repaired, d.figures, &outcome, first).ok());
  std::vector<int64_t> ids;
  ASSERT_TRUE(store->figures([&](const StoredFigure& sf) { ids.push_back(sf.id); }).ok());
  ASSERT_EQ(ids.size(), 3u);

  Reextraction r;
  r.document_id = outcome.document_id;
  r.from_extractor = first.extractor_version;
  r.by = {"bao", "host2", "chitieu 0.1.0 data bbbb", "bbbb"};
  r.source = d.source;
  r.repaired = d.repaired;
  r.unchanged = 1;  // line 1
  Figure changed = d.figures[1];
  changed.low = changed.high = 8;
  r.changed.push_back({ids[1], changed, "low 80 -> 8; high 80 -> 8"});
  r.removed.emplace_back(ids[2], "removed: the extractor reads no figure here");
  Figure added = figure_on(d, 3, "y");
  r.added.push_back(added);
  int64_t run = 0;
  Status st = store->reextract(r, &run);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_GT(run, 0);

  std::map<int64_t, double> now;
  ASSERT_TRUE(store->figures([&](const StoredFigure& sf) { now[sf.id] = sf.figure.low; }).ok());
  EXPECT_EQ(now.size(), 3u);
  EXPECT_EQ(now[ids[0]], 70);
  EXPECT_EQ(now[ids[1]], 8) << "a changed figure keeps its id";
  EXPECT_EQ(now.count(ids[2]), 0u) << "a removed figure's id is never given again";
  sqlite3* db = raw();
  EXPECT_EQ(scalar(db, "SELECT group_concat(figure_id || ':' || fate || ':' || low || ':' || made_by, '|') "
                       "FROM figure_history ORDER BY id"),
            std::to_string(ids[1]) + ":changed:80.0:chitieu 0.1.0 data aaaa|" + std::to_string(ids[2]) +
                ":removed:90.0:chitieu 0.1.0 data aaaa");
  EXPECT_EQ(scalar(db, "SELECT from_extractor || '>' || to_extractor || ' ' || unchanged || changed || added || "
                       "removed || ' ' || by_user FROM reextractions"),
            "chitieu 0.1.0 data aaaa>chitieu 0.1.0 data bbbb 1111 bao");
  EXPECT_EQ(scalar(db, "SELECT extractor_version || ' ' || figure_count || ' ' || ingested_by FROM documents"),
            "chitieu 0.1.0 data bbbb 3 ana");
  char* err = nullptr;
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM figure_history", nullptr, nullptr, &err), SQLITE_OK);
  EXPECT_NE(std::string(err ? err : "").find("never deleted"), std::string::npos);
  sqlite3_free(err);
  sqlite3_close(db);

  // The same plan again is stale (the document moved on): nothing happens.
  ASSERT_TRUE(store->reextract(r, &run).ok());
  EXPECT_EQ(run, 0);

  // The search index follows once rebuilt: y is found on line 3, z nowhere.
  bool rebuilt = false;
  ASSERT_TRUE(store->rebuild_search_index(true, &rebuilt).ok());
  EXPECT_TRUE(rebuilt);
  ASSERT_TRUE(store->rebuild_search_index(true, &rebuilt).ok());
  EXPECT_FALSE(rebuilt) << "not stale any more";
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store->search("y", 10, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].line_no, 3);
  EXPECT_EQ(hits[0].kind, "indicator");
}

}  // namespace
}  // namespace chitieu
