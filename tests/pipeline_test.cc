// The library boundary the CLI calls (pipeline/): the ingest driver's per-file
// outcomes, verify's findings, the export contract's columns and trace's
// lookup, on a store in a temporary directory.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "normalizer/lexicon.h"
#include "pipeline/export.h"
#include "pipeline/ingest.h"
#include "pipeline/trace.h"
#include "pipeline/verify.h"
#include "store/store.h"
#include "support/damage.h"
#include "support/document_maker.h"
#include "support/test_files.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("pipeline");
    fs::create_directories(dir_ / "batch");
    db_ = (dir_ / "test.db").string();
    ASSERT_TRUE(Store::Open(db_, OpenMode::kCreate, &store_).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // Ingests `paths`, keeping every outcome reported.
  // Keeps every outcome reported, in the order reported.
  struct Recorder : BatchObserver {
    std::vector<FileOutcome>* outcomes;
    void finished(const FileOutcome& o) override { outcomes->push_back(o); }
  };

  Status ingest(const std::vector<std::string>& paths, IngestTotals* totals, unsigned jobs = 0) {
    outcomes_.clear();
    Recorder recorder;
    recorder.outcomes = &outcomes_;
    BatchOptions options;
    options.jobs = jobs;
    return ingest_paths(default_lexicon(), store_.get(), paths, options, &recorder, totals);
  }

  std::string seed() const { return (fs::path(CHITIEU_SOURCE_DIR) / "corpus/000_b0a75639c8747e5c.txt").string(); }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
  std::vector<FileOutcome> outcomes_;
};

TEST_F(PipelineTest, EveryFileHasItsOutcomeAndTheBatchGoesOn) {
  fs::copy_file(seed(), dir_ / "batch/good.txt");
  std::ofstream(dir_ / "batch/empty.txt").close();
  std::string missing = (dir_ / "missing.txt").string();
  IngestTotals totals;
  Status st = ingest({missing, (dir_ / "batch").string()}, &totals);
  EXPECT_EQ(st.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(exit_code_for(st), 1);
  ASSERT_EQ(outcomes_.size(), 3u);
  // Unusable paths first, then the files found, sorted.
  EXPECT_EQ(outcomes_[0].path, missing);
  EXPECT_EQ(outcomes_[0].result, FileResult::kFailed);
  EXPECT_EQ(outcomes_[0].error.message(), "no such file or directory");
  EXPECT_EQ(outcomes_[1].result, FileResult::kFailed);
  EXPECT_EQ(outcomes_[1].error.message(), "empty file");
  EXPECT_EQ(outcomes_[2].result, FileResult::kStored);
  EXPECT_GT(outcomes_[2].figures, 10u);
  EXPECT_EQ(outcomes_[2].encoding, "utf-8");
  EXPECT_EQ(outcomes_[2].sha256.size(), 64u);
  EXPECT_EQ(totals.stored, 1);
  EXPECT_EQ(totals.failed, 2);
  EXPECT_EQ(totals.figures, outcomes_[2].figures);

  st = ingest({seed()}, &totals);
  EXPECT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(outcomes_.size(), 1u);
  EXPECT_EQ(outcomes_[0].result, FileResult::kAlreadyStored);
  EXPECT_EQ(outcomes_[0].sha256.size(), 64u);
  EXPECT_EQ(totals.already_stored, 1);
  EXPECT_EQ(totals.figures, 0u);
}

TEST_F(PipelineTest, AnEmptyDirectoryIsAFailure) {
  IngestTotals totals;
  EXPECT_FALSE(ingest({(dir_ / "batch").string()}, &totals).ok());
  ASSERT_EQ(outcomes_.size(), 1u);
  EXPECT_EQ(outcomes_[0].error.message(), "no documents in this directory");
}

TEST_F(PipelineTest, VerifyFindsATamperedQuote) {
  IngestTotals totals;
  ASSERT_TRUE(ingest({seed()}, &totals).ok());
  VerifyReport report;
  ASSERT_TRUE(verify_store(store_.get(), default_lexicon(), VerifyOptions(), &report).ok());
  EXPECT_EQ(report.documents, 1u);
  EXPECT_EQ(report.figures, static_cast<int64_t>(totals.figures));
  EXPECT_EQ(report.problems, 0);
  EXPECT_TRUE(report.findings.empty());

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE figures SET quote = 'x' WHERE id = 2", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  ASSERT_TRUE(verify_store(store_.get(), default_lexicon(), VerifyOptions(), &report).ok());
  EXPECT_EQ(report.problems, 1);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_TRUE(report.findings[0].problem);
  EXPECT_EQ(report.findings[0].text.rfind("figure 2 000_b0a75639c8747e5c.txt:", 0), 0u) << report.findings[0].text;
}

// verify extracts every document again from what the store keeps of it —
// lines, pages (a PDF's running header and page numbers are marked again, a
// Word document's pages have none), encoding (VNI, font-mapped TCVN3) — and
// must find exactly what ingest stored, in every format (PDF, Word, a web
// page, Markdown, legacy texts).
TEST_F(PipelineTest, EveryFormatExtractedAgainFromTheStoreGivesWhatIngestStored) {
  std::ifstream in(seed(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string clean = ss.str();
  std::vector<std::string> lines;
  for (std::string line; std::getline(ss, line);) lines.push_back(line);
  std::string error;
  maker::PdfLayout layout;
  layout.running_header = "Công báo số 12 năm 2025";
  ASSERT_TRUE(maker::write_text_pdf(lines, layout, (dir_ / "batch" / "paged.pdf").string(), &error)) << error;
  std::vector<maker::DocxBlock> blocks;
  for (const std::string& l : lines) blocks.push_back({l, {}});
  blocks.push_back({"", {{"STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch 2026"}, {"1", "Tỷ lệ đô thị hóa", "%", "45"}}});
  ASSERT_TRUE(maker::write_docx(blocks, "Đầu trang", (dir_ / "batch" / "word.docx").string(), &error)) << error;
  // A Word document with pages whose first line repeats: Word marks no page
  // furniture, so extracting it again must not either.
  std::string paged_body;
  for (int page = 0; page < 3; ++page) {
    paged_body += std::string("<w:p><w:r>") + (page ? "<w:lastRenderedPageBreak/>" : "") +
                  "<w:t>Tỷ lệ hộ nghèo giảm 1,5% năm 2026</w:t></w:r></w:p>";
    for (int i = 0; i < 4; ++i) paged_body += "<w:p><w:r><w:t>Nội dung trang.</w:t></w:r></w:p>";
  }
  ASSERT_TRUE(maker::write_zip({{"[Content_Types].xml", "<Types/>"},
                                {"word/document.xml", maker::docx_document_xml(paged_body)}},
                               (dir_ / "batch" / "paged.docx").string(), &error))
      << error;
  std::string html = "<html><head><title>Kế hoạch</title></head><body><article>";
  for (const std::string& l : lines) html += "<p>" + l + "</p>";
  std::ofstream(dir_ / "batch" / "page.html", std::ios::binary) << html << "</article></body></html>";
  std::ofstream(dir_ / "batch" / "notes.md", std::ios::binary) << "# Kế hoạch\n\n" << clean;
  for (damage::Kind kind : {damage::Kind::kVniBytes, damage::Kind::kFontMappedTcvn3, damage::Kind::kTcvn3Bytes}) {
    std::ofstream(dir_ / "batch" / (std::string(damage::kind_name(kind)) + ".txt"), std::ios::binary)
        << damage::apply_damage(kind, clean, 7);
  }
  IngestTotals totals;
  ASSERT_TRUE(ingest({(dir_ / "batch").string()}, &totals).ok());
  ASSERT_EQ(totals.stored, 8) << totals.failed << " failed, " << totals.skipped << " skipped";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT group_concat(encoding, ' ') FROM (SELECT encoding FROM documents "
                                   "ORDER BY encoding)", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))),
            "tcvn3 utf-8 utf-8 utf-8 utf-8 utf-8 utf-8+tcvn3-font vni");
  sqlite3_finalize(q);
  sqlite3_close(db);

  VerifyReport report;
  ASSERT_TRUE(verify_store(store_.get(), default_lexicon(), VerifyOptions(), &report).ok());
  for (const VerifyFinding& f : report.findings) ADD_FAILURE() << f.text;
  EXPECT_EQ(report.documents, 8u);
  EXPECT_EQ(report.figures, static_cast<int64_t>(totals.figures));
  EXPECT_EQ(report.figures_recomputed, report.figures);
  EXPECT_GT(report.figures, 200);
}

TEST_F(PipelineTest, BothExportFormatsCarryTheContractColumns) {
  IngestTotals totals;
  ASSERT_TRUE(ingest({seed()}, &totals).ok());
  std::ostringstream jsonl, csv;
  ASSERT_TRUE(export_figures(store_.get(), ExportFormat::kJsonl, jsonl).ok());
  ASSERT_TRUE(export_figures(store_.get(), ExportFormat::kCsv, csv).ok());
  std::istringstream jl(jsonl.str()), cl(csv.str());
  std::string line;
  std::getline(cl, line);
  EXPECT_EQ(line, export_csv_header());
  size_t rows = 0;
  while (std::getline(jl, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    std::vector<std::string> columns = export_columns();
    std::sort(columns.begin(), columns.end());
    EXPECT_EQ(keys, columns);
    ++rows;
  }
  EXPECT_EQ(rows, totals.figures);
  EXPECT_EQ(format_number(7.27), "7.27");
  EXPECT_EQ(format_number(717e12), "717000000000000");
}

TEST_F(PipelineTest, TraceNamesWhatItCannotFind) {
  IngestTotals totals;
  ASSERT_TRUE(ingest({seed()}, &totals).ok());
  std::vector<StoredFigure> found;
  EXPECT_EQ(find_figures(store_.get(), {999999, "", 0}, &found).code(), StatusCode::kNotFound);
  Status st = find_figures(store_.get(), {0, "nothing.txt", 3}, &found);
  EXPECT_EQ(st.message(), "no figure in nothing.txt at line 3");
  ASSERT_TRUE(find_figures(store_.get(), {0, "000_b0a7", 42}, &found).ok());
  ASSERT_FALSE(found.empty());
  EXPECT_NE(found[0].figure.quote.find("717.000 tỷ đồng"), std::string::npos);
  FigureSource source;
  ASSERT_TRUE(figure_source(store_.get(), found[0], 1, &source).ok());
  ASSERT_EQ(source.lines.size(), 3u);
  EXPECT_EQ(source.lines[1].line_no, 42);
}

}  // namespace
}  // namespace chitieu
