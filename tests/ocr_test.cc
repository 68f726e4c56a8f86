// OCR of scans and images, against the text originals.
//
// Corpus text is laid out as a PDF (Pango/Cairo), rendered to pixels at 300
// dpi (Poppler) and written back as an image-only PDF and as a PNG: the scans
// an archive receives. Their figures — value, unit, comparator, year — must
// match those of the same text read directly (issue 4: at least 98%). Each
// OCRed line keeps its confidence in the store, a page is never recognised
// twice, and a poor scan's figures carry a low-confidence warning.
//
// OCR takes seconds per page: the documents here are a few pages of the
// corpus, chosen where figures are densest.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "extractor/extract_document.h"
#include "extractor/formats/ocr_reader.h"
#include "normalizer/lexicon.h"
#include "store/ocr_page_cache.h"
#include "store/store.h"
#include "support/corpus_excerpt.h"
#include "support/document_maker.h"
#include "support/figure_keys.h"
#include "support/scan_maker.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

using ::chitieu::testing::figure_keys;

// The share of the text's figures found identical among the scan's.
struct Agreement {
  size_t text = 0, scan = 0, same = 0;
  double share() const { return text == 0 ? 0 : static_cast<double>(same) / static_cast<double>(text); }
};

Agreement agree(const std::vector<Figure>& text, const std::vector<Figure>& scan, std::string* report) {
  auto t = figure_keys(text), s = figure_keys(scan);
  std::vector<std::string> common;
  std::set_intersection(t.begin(), t.end(), s.begin(), s.end(), std::back_inserter(common));
  *report = "only in text:" + ::chitieu::testing::keys_missing(t, s) +
            "\nonly in scan:" + ::chitieu::testing::keys_missing(s, t);
  return {t.size(), s.size(), common.size()};
}

ExtractedDocument from_text(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  ExtractedDocument doc;
  Status st = source_text_from_bytes(default_lexicon(), text, "excerpt.txt", "", &doc.source);
  EXPECT_TRUE(st.ok()) << st.message();
  extract_from_source(default_lexicon(), &doc);
  return doc;
}

// The densest run of lines of corpus document `name` within `max_chars`.
std::vector<std::string> dense_excerpt(const std::string& name, size_t max_chars) {
  std::vector<std::string> lines =
      ::chitieu::testing::dense_excerpt((fs::path(CHITIEU_SOURCE_DIR) / "corpus" / name).string(), max_chars);
  EXPECT_FALSE(lines.empty()) << name;
  return lines;
}

class Ocr : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chitieu-ocr-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `lines` as a text PDF set in 12 pt (a resolution is printed in 13-14 pt),
  // numbered pages.
  fs::path text_pdf(const std::vector<std::string>& lines, const std::string& name) {
    maker::PdfLayout layout;
    layout.font_size = 12;
    layout.page_number = "- %d -";
    fs::path path = dir_ / name;
    std::string error;
    EXPECT_TRUE(maker::write_text_pdf(lines, layout, path.string(), &error)) << error;
    return path;
  }

  fs::path dir_;
};

TEST_F(Ocr, ScannedPdfGivesTheFiguresOfItsTextAndIsOcredOnce) {
  std::vector<std::string> lines = dense_excerpt("002_59c52569d25bb8c2.txt", 9000);
  ExtractedDocument text = from_text(lines);
  ASSERT_GE(text.figures.size(), 20u);
  fs::path scan = dir_ / "scan.pdf";
  std::string error;
  ASSERT_TRUE(maker::write_scan_pdf(text_pdf(lines, "text.pdf").string(), {}, scan.string(), &error)) << error;

  std::unique_ptr<Store> store;
  ASSERT_TRUE(Store::Open((dir_ / "ocr.db").string(), OpenMode::kCreate, &store).ok());
  OcrPageCache cache(store.get());
  uint64_t before = ocr_pages_recognised();
  ExtractedDocument ocr;
  Status st = extract_document(default_lexicon(), scan.string(), "", &ocr, &cache);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(ocr.source.format, "pdf-ocr");
  const uint32_t pages = ocr.source.pages.empty() ? 0 : ocr.source.pages.back();
  EXPECT_GE(pages, 2u);
  EXPECT_EQ(ocr_pages_recognised() - before, pages);
  ASSERT_EQ(ocr.source.line_confidence.size(), ocr.source.lines.size());

  std::string report;
  Agreement a = agree(text.figures, ocr.figures, &report);
  std::printf("scanned PDF: %u pages, %zu lines; figures: text %zu, scan %zu, identical %zu (%.1f%%)\n",
              pages, ocr.source.lines.size(), a.text, a.scan, a.same, 100 * a.share());
  EXPECT_GE(a.share(), 0.98) << report;

  // Stored with each line's confidence (a blank line standing for a
  // paragraph's gap on the page has none).
  Store::IngestOutcome outcome;
  ASSERT_TRUE(store->ingest(ocr.source, ocr.header, ocr.repaired, ocr.figures, &outcome).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "ocr.db").string().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT count(*), count(ocr_confidence), min(ocr_confidence), max(ocr_confidence), "
                     "count(*) FILTER (WHERE trim(raw) <> '') FROM lines WHERE document_id = ?",
                     -1, &q, nullptr);
  sqlite3_bind_int64(q, 1, outcome.document_id);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(q, 0), static_cast<int64_t>(ocr.source.lines.size()));
  EXPECT_EQ(sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 4));
  EXPECT_GE(sqlite3_column_double(q, 2), 0.0);
  EXPECT_LE(sqlite3_column_double(q, 3), 100.0);
  EXPECT_GT(sqlite3_column_double(q, 3), 80.0);
  sqlite3_finalize(q);
  sqlite3_close(db);

  // Read again: every page comes from the store, the same lines result.
  before = ocr_pages_recognised();
  ExtractedDocument again;
  st = extract_document(default_lexicon(), scan.string(), "", &again, &cache);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(ocr_pages_recognised(), before) << "a page was OCRed twice";
  EXPECT_EQ(again.source.lines, ocr.source.lines);
  EXPECT_EQ(again.source.line_confidence.size(), ocr.source.line_confidence.size());
  EXPECT_EQ(figure_keys(again.figures), figure_keys(ocr.figures));
}

TEST_F(Ocr, PngPageGivesTheFiguresOfItsText) {
  // The densest excerpt that fits on the one page scanned.
  std::vector<std::string> lines;
  fs::path pdf;
  for (size_t chars = 2400; chars >= 600; chars -= 200) {
    lines = dense_excerpt("004_72731b65859952cb.txt", chars);
    pdf = text_pdf(lines, "text.pdf");
    ExtractedDocument laid_out;
    ASSERT_TRUE(extract_document(default_lexicon(), pdf.string(), "", &laid_out).ok());
    if (laid_out.source.pages.back() == 1) break;
  }
  ExtractedDocument text = from_text(lines);
  ASSERT_GE(text.figures.size(), 8u);
  fs::path png = dir_ / "trang.png";
  std::string error;
  ASSERT_TRUE(maker::write_scan_png(pdf.string(), 1, {}, png.string(), &error)) << error;

  ExtractedDocument ocr;
  Status st = extract_document(default_lexicon(), png.string(), "", &ocr);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(ocr.source.format, "png-ocr");
  EXPECT_EQ(ocr.source.line_confidence.size(), ocr.source.lines.size());
  std::string report;
  Agreement a = agree(text.figures, ocr.figures, &report);
  std::printf("PNG page: %zu lines; figures: text %zu, scan %zu, identical %zu (%.1f%%)\n",
              ocr.source.lines.size(), a.text, a.scan, a.same, 100 * a.share());
  EXPECT_GE(a.share(), 0.98) << report;
}

TEST_F(Ocr, PoorScanWarnsOfLowConfidence) {
  std::vector<std::string> lines = dense_excerpt("000_b0a75639c8747e5c.txt", 1200);
  fs::path clean = dir_ / "clean.png", poor = dir_ / "poor.png";
  fs::path pdf = text_pdf(lines, "text.pdf");
  std::string error;
  ASSERT_TRUE(maker::write_scan_png(pdf.string(), 1, {}, clean.string(), &error)) << error;
  maker::ScanOptions bad;
  // Speckle on a slightly blurred page at 150 dpi: Tesseract still reads most
  // words, a few with little confidence. (At 300 dpi the page preparation
  // cleans this speckle away and every line reads at 95; heavier noise
  // leaves Tesseract reading nothing at all, or taking minutes.)
  bad.dpi = 150;
  bad.noise = 0.05;
  bad.blur = 1;
  ASSERT_TRUE(maker::write_scan_png(pdf.string(), 1, bad, poor.string(), &error)) << error;

  auto mean = [](const std::vector<float>& v) {
    double s = 0;
    for (float x : v) s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
  };
  ExtractedDocument good, worse;
  ASSERT_TRUE(extract_document(default_lexicon(), clean.string(), "", &good).ok());
  Status st = extract_document(default_lexicon(), poor.string(), "", &worse);
  ASSERT_TRUE(st.ok()) << st.message();
  std::printf("confidence: clean scan %.1f, poor scan %.1f\n", mean(good.source.line_confidence),
              mean(worse.source.line_confidence));
  EXPECT_LT(mean(worse.source.line_confidence), mean(good.source.line_confidence));
  auto doubtful = [](const Figure& f) {
    return f.has_warning(WarningCode::kOcrLowConfidence) || f.has_warning(WarningCode::kOcrLowConfidenceDigits);
  };
  size_t warned = 0;
  for (const Figure& f : worse.figures) warned += doubtful(f);
  EXPECT_GT(warned, 0u) << worse.figures.size() << " figures from the poor scan";
  for (const Figure& f : good.figures) EXPECT_FALSE(doubtful(f)) << f.quote;
}

TEST(OcrWarning, NamesTheLeastSureLineOfAFigure) {
  ExtractedDocument doc;
  std::string text = "Tỷ lệ hộ nghèo giảm còn dưới\n1,5% vào năm 2025.\nTỷ lệ đô thị hóa đạt 45% năm 2025.\n";
  ASSERT_TRUE(source_text_from_bytes(default_lexicon(), text, "t.txt", "", &doc.source).ok());
  doc.source.line_confidence = {91, 55.4f, 96};
  extract_from_source(default_lexicon(), &doc);
  ASSERT_EQ(doc.figures.size(), 2u);
  std::vector<std::string> first = doc.figures[0].rendered_warnings();
  EXPECT_NE(std::find(first.begin(), first.end(), "ocr: low confidence (55) on line 2"), first.end());
  EXPECT_FALSE(doc.figures[1].has_warning(WarningCode::kOcrLowConfidence));
}

TEST(OcrCacheStore, PagesRoundTripWithTheirWordsForTheirReaderOnly) {
  fs::path db = fs::temp_directory_path() / ("chitieu-ocr-cache-" + std::to_string(getpid()) + ".db");
  fs::remove(db);
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(db.string(), OpenMode::kCreate, &store).ok());
    OcrPageCache cache(store.get());
    const std::string reader = ocr_reader_id(OcrSteps());
    std::vector<OcrLine> lines;
    EXPECT_FALSE(cache.find("abc", 1, reader, &lines));
    cache.save("abc", 1, reader,
               {{"Tăng trưởng 7%", 93.5f, {{0, 12, 96.25f}, {13, 15, 90.75f}}}, {"", 0, {}},
                {"năm 2025", 71.25f, {{0, 4, 70}, {5, 9, 72.5f}}}});
    cache.save("abc", 2, reader, {});
    ASSERT_TRUE(cache.find("abc", 1, reader, &lines));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].text, "Tăng trưởng 7%");
    EXPECT_FLOAT_EQ(lines[0].confidence, 93.5f);
    EXPECT_EQ(lines[0].words, (std::vector<OcrWord>{{0, 12, 96.25f}, {13, 15, 90.75f}}));
    EXPECT_EQ(lines[1].text, "");
    EXPECT_TRUE(lines[1].words.empty());
    EXPECT_FLOAT_EQ(lines[2].confidence, 71.25f);
    EXPECT_EQ(lines[2].words.size(), 2u);
    ASSERT_TRUE(cache.find("abc", 2, reader, &lines));
    EXPECT_TRUE(lines.empty());
    EXPECT_FALSE(cache.find("abc", 3, reader, &lines));
    // A page read another way (an older chitieu, other preparation) is read again.
    OcrSteps other;
    other.deskew = false;
    EXPECT_NE(ocr_reader_id(other), reader);
    EXPECT_FALSE(cache.find("abc", 1, ocr_reader_id(other), &lines));
  }
  fs::remove(db);
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-shm");
}

TEST(OcrImage, ABrokenImageIsRefused) {
  DocumentLines doc;
  Status st = ocr_image("\x89PNG\r\n\x1a\n not really", {}, &doc);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("corrupt image"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace chitieu
