// Bundles (pipeline/bundle.h): a document extracted and written as a bundle,
// read back, is the document as extracted — every line, repair, page, piece of
// page furniture, OCR confidence, header field and figure — and storing it
// gives the database ingesting the file gives. Damaged bundles are refused
// with the reason.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"
#include "pipeline/bundle.h"
#include "pipeline/export.h"
#include "store/figure_codec.h"
#include "store/store.h"
#include "support/document_maker.h"
#include "support/test_files.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;

class BundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("bundle");
  }
  void TearDown() override { fs::remove_all(dir_); }

  ExtractedDocument extract(const fs::path& path) {
    ExtractedDocument doc;
    Status st = extract_document(default_lexicon(), path.string(), "", &doc);
    EXPECT_TRUE(st.ok()) << path << ": " << st.message();
    return doc;
  }

  ExtractedDocument round_trip(const ExtractedDocument& doc) {
    std::string text;
    Status st = encode_bundle(doc, {"chitieu 0.1.0 data 0123abcd", "0123abcd"}, &text);
    EXPECT_TRUE(st.ok()) << st.message();
    ExtractedDocument back;
    BundleExtractor by;
    st = decode_bundle(text, &back, &by);
    EXPECT_TRUE(st.ok()) << st.message();
    EXPECT_EQ(by.version, "chitieu 0.1.0 data 0123abcd");
    EXPECT_EQ(by.data_sha256, "0123abcd");
    return back;
  }

  // The export of a store holding `doc` alone.
  std::string export_of(const ExtractedDocument& doc, const std::string& name) {
    std::unique_ptr<Store> store;
    EXPECT_TRUE(Store::Open((dir_ / name).string(), OpenMode::kCreate, &store).ok());
    Store::IngestOutcome out;
    EXPECT_TRUE(store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &out, IngestProvenance()).ok());
    std::ostringstream os;
    EXPECT_TRUE(export_figures(store.get(), ExportFormat::kJsonl, os).ok());
    return os.str();
  }

  fs::path corpus(const char* name) const { return fs::path(CHITIEU_SOURCE_DIR) / "corpus" / name; }

  fs::path dir_;
};

void expect_same_document(const ExtractedDocument& a, const ExtractedDocument& b) {
  EXPECT_EQ(a.source.path, b.source.path);
  EXPECT_EQ(a.source.file_name, b.source.file_name);
  EXPECT_EQ(a.source.sha256, b.source.sha256);
  EXPECT_EQ(a.source.size_bytes, b.source.size_bytes);
  EXPECT_EQ(a.source.format, b.source.format);
  EXPECT_EQ(a.source.encoding, b.source.encoding);
  EXPECT_EQ(a.source.encoding_confidence, b.source.encoding_confidence);
  EXPECT_EQ(a.source.lines, b.source.lines);
  EXPECT_EQ(a.source.pages, b.source.pages);
  EXPECT_EQ(a.source.boilerplate, b.source.boilerplate);
  EXPECT_EQ(a.source.line_confidence, b.source.line_confidence);
  EXPECT_EQ(a.source.converted_by, b.source.converted_by);
  EXPECT_EQ(a.source.absolute_path, b.source.absolute_path);
  EXPECT_EQ(a.source.line_words, b.source.line_words);
  ASSERT_EQ(a.source.sources.size(), b.source.sources.size());
  for (size_t i = 0; i < a.source.sources.size(); ++i) {
    EXPECT_EQ(a.source.sources[i].line, b.source.sources[i].line);
    EXPECT_EQ(a.source.sources[i].begin, b.source.sources[i].begin);
    EXPECT_EQ(a.source.sources[i].end, b.source.sources[i].end);
  }
  ASSERT_EQ(a.repaired.size(), b.repaired.size());
  for (size_t i = 0; i < a.repaired.size(); ++i) {
    EXPECT_EQ(a.repaired[i].text, b.repaired[i].text) << "line " << i + 1;
    EXPECT_EQ(a.repaired[i].folded, b.repaired[i].folded) << "line " << i + 1;
    ASSERT_EQ(a.repaired[i].repairs.size(), b.repaired[i].repairs.size()) << "line " << i + 1;
    for (size_t k = 0; k < a.repaired[i].repairs.size(); ++k) {
      const Repair &x = a.repaired[i].repairs[k], &y = b.repaired[i].repairs[k];
      EXPECT_EQ(x.raw_begin, y.raw_begin);
      EXPECT_EQ(x.raw_end, y.raw_end);
      EXPECT_EQ(x.replacement, y.replacement);
      EXPECT_EQ(x.rule, y.rule);
    }
  }
  const DocumentHeader &h = a.header, &g = b.header;
  EXPECT_EQ(h.number, g.number);
  EXPECT_EQ(h.type, g.type);
  EXPECT_EQ(h.issuer, g.issuer);
  EXPECT_EQ(h.place, g.place);
  EXPECT_EQ(h.date, g.date);
  EXPECT_EQ(h.date_source, g.date_source);
  EXPECT_EQ(h.title, g.title);
  EXPECT_EQ(h.is_draft, g.is_draft);
  EXPECT_EQ(h.period, g.period);
  EXPECT_EQ(h.period_line, g.period_line);
  EXPECT_EQ(h.period_quote, g.period_quote);
  EXPECT_EQ(h.genre, g.genre);
  EXPECT_EQ(h.official, g.official);
  ASSERT_EQ(a.figures.size(), b.figures.size());
  for (size_t i = 0; i < a.figures.size(); ++i) {
    const Figure &f = a.figures[i], &e = b.figures[i];
    EXPECT_EQ(f.line, e.line);
    EXPECT_EQ(f.line_end, e.line_end);
    EXPECT_EQ(f.char_start, e.char_start);
    EXPECT_EQ(f.char_end, e.char_end);
    EXPECT_EQ(f.number_line, e.number_line);
    EXPECT_EQ(f.quote, e.quote);
    EXPECT_EQ(f.indicator, e.indicator);
    EXPECT_EQ(f.item, e.item);
    EXPECT_EQ(f.comparator, e.comparator);
    EXPECT_EQ(f.low, e.low);  // exactly: doubles are written to round-trip
    EXPECT_EQ(f.high, e.high);
    EXPECT_EQ(f.unit, e.unit);
    EXPECT_EQ(f.counted, e.counted);
    EXPECT_EQ(f.year, e.year);
    EXPECT_EQ(f.kind, e.kind);
    EXPECT_EQ(f.change, e.change);
    EXPECT_EQ(f.number_text, e.number_text);
    EXPECT_EQ(f.unit_text, e.unit_text);
    EXPECT_EQ(f.warnings, e.warnings);
    EXPECT_EQ(reading_to_json(f), reading_to_json(e));
  }
}

TEST_F(BundleTest, EveryCorpusDocumentComesBackAsExtracted) {
  size_t documents = 0, repairs = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus")) {
    if (entry.path().extension() != ".txt") continue;
    ExtractedDocument doc = extract(entry.path());
    ASSERT_GT(doc.figures.size(), 10u) << entry.path();
    for (const RepairedLine& l : doc.repaired) repairs += l.repairs.size();
    expect_same_document(doc, round_trip(doc));
    EXPECT_EQ(export_of(doc, "a.db"), export_of(round_trip(doc), "b.db")) << entry.path();
    fs::remove(dir_ / "a.db"), fs::remove(dir_ / "b.db");
    ++documents;
  }
  EXPECT_EQ(documents, 5u);
  EXPECT_GT(repairs, 0u) << "the corpus has repairs to carry";
}

TEST_F(BundleTest, PagesFurnitureAndOcrConfidenceComeBack) {
  std::vector<std::string> paragraphs;
  std::ifstream in(corpus("000_b0a75639c8747e5c.txt"));
  for (std::string line; std::getline(in, line);) paragraphs.push_back(line);
  maker::PdfLayout layout;
  layout.running_header = "Nghị quyết số 59-NQ/TW";
  std::string error;
  fs::path pdf = dir_ / "doc.pdf";
  ASSERT_TRUE(maker::write_text_pdf(paragraphs, layout, pdf.string(), &error)) << error;
  ExtractedDocument doc = extract(pdf);
  ASSERT_FALSE(doc.source.pages.empty());
  ASSERT_TRUE(std::count(doc.source.boilerplate.begin(), doc.source.boilerplate.end(), true) > 0);
  // An OCRed document's confidences and words, set by hand (OCR itself is ocr_test's).
  doc.source.line_confidence.assign(doc.source.lines.size(), 91.25f);
  doc.source.line_confidence[3] = 12.5f;
  doc.source.line_words.resize(doc.source.lines.size());
  doc.source.line_words[3] = {{0, 4, 12.5f}, {5, 9, 96.125f}};
  ExtractedDocument back = round_trip(doc);
  expect_same_document(doc, back);
  EXPECT_EQ(export_of(doc, "a.db"), export_of(back, "b.db"));
}

TEST_F(BundleTest, ConvertedLinesKeepWhereTheyWereInTheFile) {
  // Markdown is converted: each stored line knows its line and bytes in the file.
  fs::path md = dir_ / "ke-hoach.md";
  std::ofstream(md) << "# KẾ HOẠCH phát triển năm 2026\n\n"
                       "**Mục tiêu:** tốc độ tăng trưởng kinh tế đạt [8%](https://example.org) trở lên.\n\n"
                       "| Chỉ tiêu | Năm 2026 |\n|---|---|\n| Thu nhập bình quân | 75 triệu đồng |\n";
  ExtractedDocument doc = extract(md);
  ASSERT_FALSE(doc.source.converted_by.empty());
  ASSERT_FALSE(doc.source.sources.empty());
  ASSERT_FALSE(doc.figures.empty());
  ExtractedDocument back = round_trip(doc);
  expect_same_document(doc, back);
  EXPECT_EQ(export_of(doc, "a.db"), export_of(back, "b.db"));
}

TEST_F(BundleTest, DamagedBundlesAreRefusedWithTheReason) {
  ExtractedDocument doc = extract(corpus("000_b0a75639c8747e5c.txt"));
  std::string text;
  ASSERT_TRUE(encode_bundle(doc, {"v", "d"}, &text).ok());
  ExtractedDocument back;
  BundleExtractor by;

  std::string cut = text.substr(0, text.rfind('\n', text.size() - 2) + 1);  // the last figure gone
  Status st = decode_bundle(cut, &back, &by);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("bundle cut short"), std::string::npos) << st.message();

  std::string newer = text;
  newer.replace(newer.find("\"chitieu_bundle\":1"), 18, "\"chitieu_bundle\":7");
  st = decode_bundle(newer, &back, &by);
  EXPECT_EQ(st.message(), "bundle version 7 is newer than this chitieu (1)");

  std::string edited = text;
  size_t at = edited.find("\"raw\":\"") + 7;
  edited[at] = edited[at] == 'X' ? 'Y' : 'X';  // one letter of the first line's text
  st = decode_bundle(edited, &back, &by);
  EXPECT_EQ(st.message(), "bundle damaged: its text does not match its fingerprint");

  EXPECT_EQ(decode_bundle("{\"hello\": 1}\n", &back, &by).message(), "not a chitieu bundle");
  EXPECT_EQ(decode_bundle("%PDF-1.4\n", &back, &by).message(), "not a chitieu bundle");
  EXPECT_EQ(decode_bundle(text + "{}\n", &back, &by).message(), "malformed bundle: more lines than it announces");
}

TEST_F(BundleTest, WrittenWholeUnderItsNameOrNotAtAll) {
  ExtractedDocument doc = extract(corpus("000_b0a75639c8747e5c.txt"));
  std::string text;
  ASSERT_TRUE(encode_bundle(doc, {"v", "d"}, &text).ok());
  std::string name = bundle_name(doc.source.sha256, doc.source.path);
  EXPECT_EQ(name.substr(0, 64), doc.source.sha256);
  EXPECT_NE(name, bundle_name(doc.source.sha256, "elsewhere/" + doc.source.path));
  ASSERT_TRUE(write_bundle(dir_.string(), name, text).ok());
  ASSERT_TRUE(write_bundle(dir_.string(), name, text).ok());  // again: replaced whole
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{name}) << "no temporary file left";
  BundleIdentity id;
  ASSERT_TRUE(read_bundle_identity((dir_ / name).string(), &id).ok());
  EXPECT_EQ(id.path, doc.source.path);
  EXPECT_EQ(id.sha256, doc.source.sha256);
  EXPECT_EQ(id.size_bytes, doc.source.size_bytes);
  ExtractedDocument back;
  BundleExtractor by;
  ASSERT_TRUE(read_bundle((dir_ / name).string(), &back, &by).ok());
  expect_same_document(doc, back);
  Status st = write_bundle((dir_ / "missing").string(), name, text);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("cannot write"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace chitieu
