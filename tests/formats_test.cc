// PDF and Word .docx input, against the text originals.
//
// Every corpus document is turned, at test time, into a multi-page PDF with a
// text layer (Pango/Cairo, a running header and page numbers) and into a .docx
// (paragraphs, a table, a running header part); each must give exactly the
// figures of its text original: value, unit, comparator and year. Hostile
// files (truncated, corrupt, encrypted, random bytes, a zip bomb) must each
// give a one-line reason. Format detection goes by content, never by name.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extractor/extract_document.h"
#include "extractor/formats/docx_reader.h"
#include "extractor/formats/format_detect.h"
#include "extractor/formats/page_furniture.h"
#include "extractor/formats/pdf_reader.h"
#include "normalizer/lexicon.h"
#include "store/store.h"
#include "support/damage.h"
#include "support/document_maker.h"
#include "support/figure_keys.h"
#include "support/test_files.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using chitieu::testing::read_file;

// A header with a figure in it: read as text it would add "100%" figures.
const char kRunningHeader[] = "Bản sao y bản chính - đã số hoá 100% số trang";
const char* const kPageNumberStyles[] = {"%d", "- %d -", "Trang %d"};

void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::vector<fs::path> corpus_documents() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus"))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

using ::chitieu::testing::figure_keys;

#define EXPECT_SAME_FIGURES(text_figures, other_figures, what)                                   \
  do {                                                                                           \
    auto t_ = figure_keys(text_figures);                                                         \
    auto o_ = figure_keys(other_figures);                                                        \
    EXPECT_EQ(t_, o_) << what << ": " << t_.size() << " figures from text, " << o_.size()        \
                      << " from the other format\nonly in text:"                                \
                      << ::chitieu::testing::keys_missing(t_, o_) << "\nonly in the other:"       \
                      << ::chitieu::testing::keys_missing(o_, t_);                               \
  } while (0)

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chitieu-formats-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  ExtractedDocument extract(const fs::path& path) {
    ExtractedDocument doc;
    Status st = extract_document(default_lexicon(), path.string(), "", &doc);
    EXPECT_TRUE(st.ok()) << path << ": " << st.message();
    return doc;
  }

  // The one-line reason `path` is refused for.
  std::string refusal(const fs::path& path) {
    ExtractedDocument doc;
    Status st = extract_document(default_lexicon(), path.string(), "", &doc);
    EXPECT_FALSE(st.ok()) << path << " was read (" << doc.source.format << ", "
                          << doc.source.lines.size() << " lines)";
    EXPECT_FALSE(st.message().empty());
    EXPECT_EQ(st.message().find('\n'), std::string::npos) << st.message();
    return st.message();
  }

  fs::path make_pdf(const std::vector<std::string>& paragraphs, const std::string& name,
                    const std::string& page_number = "%d") {
    maker::PdfLayout layout;
    layout.running_header = kRunningHeader;
    layout.page_number = page_number;
    fs::path path = dir_ / name;
    std::string error;
    EXPECT_TRUE(maker::write_text_pdf(paragraphs, layout, path.string(), &error)) << error;
    return path;
  }

  fs::path dir_;
};

// A small target table, and the same table as the text reader expects it from
// a converted annex: one cell per line, row after row.
const std::vector<std::vector<std::string>> kTable = {
    {"STT", "Chỉ tiêu", "Đơn vị", "Năm 2025", "Mục tiêu 2030"},
    {"1", "Tốc độ tăng trưởng GRDP", "%", "7,5", "10 - 10,5"},
    {"2", "Tỷ lệ đô thị hóa", "%", "45", "50"},
    {"3", "Tỷ lệ hộ nghèo", "%", "1,2", "0,5"},
};
const char kTableTitle[] = "PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU";

std::vector<std::string> table_as_lines() {
  std::vector<std::string> out = {kTableTitle};
  for (const auto& row : kTable) out.insert(out.end(), row.begin(), row.end());
  return out;
}

// ---------------------------------------------------------------------------
// Text PDFs

class FormatsPdf : public TempDirTest {};

TEST_F(FormatsPdf, EveryCorpusDocumentGivesTheFiguresOfItsText) {
  size_t total = 0, index = 0;
  for (const fs::path& txt : corpus_documents()) {
    SCOPED_TRACE(txt.filename().string());
    ExtractedDocument text = extract(txt);
    const std::string style = kPageNumberStyles[index++ % 3];
    fs::path pdf_path = make_pdf(text.source.lines, txt.stem().string() + ".pdf", style);
    ExtractedDocument pdf = extract(pdf_path);
    ASSERT_EQ(pdf.source.format, "pdf");
    ASSERT_EQ(pdf.source.pages.size(), pdf.source.lines.size());
    const uint32_t pages = pdf.source.pages.back();
    EXPECT_GE(pages, 3u);

    // Exactly the header and the page number of every page are furniture.
    ASSERT_EQ(pdf.source.boilerplate.size(), pdf.source.lines.size());
    std::map<uint32_t, int> headers, numbers;
    for (size_t i = 0; i < pdf.source.lines.size(); ++i) {
      if (!pdf.source.boilerplate[i]) continue;
      const std::string& l = pdf.source.lines[i];
      uint32_t p = pdf.source.pages[i];
      std::string number = style;
      number.replace(number.find("%d"), 2, std::to_string(p));
      if (l == kRunningHeader) ++headers[p];
      else if (l == number) ++numbers[p];
      else ADD_FAILURE() << "line " << i + 1 << " marked as furniture: " << l;
    }
    for (uint32_t p = 1; p <= pages; ++p) {
      EXPECT_EQ(headers[p], 1) << "header of page " << p;
      EXPECT_EQ(numbers[p], 1) << "number of page " << p;
    }

    EXPECT_SAME_FIGURES(text.figures, pdf.figures, txt.filename().string() + " as PDF");
    std::printf("%s as PDF: %u pages, %zu lines (%zu furniture); figures: text %zu, PDF %zu\n",
                txt.filename().c_str(), pages, pdf.source.lines.size(),
                static_cast<size_t>(std::count(pdf.source.boilerplate.begin(), pdf.source.boilerplate.end(), true)),
                text.figures.size(), pdf.figures.size());
    total += text.figures.size();
    // Each figure's page is the page of its line.
    for (const Figure& f : pdf.figures) {
      ASSERT_GE(f.line, 1u);
      EXPECT_GE(pdf.source.pages[f.line - 1], 1u);
    }
  }
  EXPECT_GT(total, 200u);
}

TEST_F(FormatsPdf, RunningHeadersWouldGiveFiguresIfNotRecognised) {
  fs::path txt = corpus_documents().front();
  ExtractedDocument text = extract(txt);
  ExtractedDocument pdf = extract(make_pdf(text.source.lines, "doc.pdf"));
  ASSERT_FALSE(pdf.source.boilerplate.empty());
  pdf.source.boilerplate.clear();
  extract_from_source(default_lexicon(), &pdf);
  EXPECT_GT(pdf.figures.size(), text.figures.size());
}

TEST_F(FormatsPdf, RangeBrokenAcrossLinesAndPagesIsOneFigure) {
  // Lines laid out so that "10 -" ends one page and "12,5%/năm" opens the next.
  std::vector<std::string> paragraphs;
  for (int i = 0; i < 52; ++i) paragraphs.push_back("Nội dung đoạn văn bản số " + std::to_string(i) + ".");
  paragraphs.push_back("Đến năm 2030, vốn đầu tư toàn xã hội tăng 10 -");
  paragraphs.push_back("12,5%/năm; tỷ lệ hộ nghèo giảm còn dưới 1%.");
  ExtractedDocument pdf = extract(make_pdf(paragraphs, "range.pdf"));
  ASSERT_EQ(pdf.source.format, "pdf");
  bool range = false, poverty = false;
  for (const Figure& f : pdf.figures) {
    range |= f.low == 10 && f.high == 12.5 && std::string(comparator_text(f.comparator)) == "range" && f.year == "2030";
    poverty |= f.low == 1 && std::string(comparator_text(f.comparator)) == "<" && f.year == "2030";
  }
  EXPECT_TRUE(range && poverty) << ::testing::PrintToString(figure_keys(pdf.figures));
}

TEST_F(FormatsPdf, ATableReadsAsItsCellsOneLineEach) {
  std::string error;
  ASSERT_TRUE(maker::write_table_pdf(kTableTitle, kTable, {50, 200, 60, 90, 110},
                                     (dir_ / "table.pdf").string(), &error))
      << error;
  ExtractedDocument pdf = extract(dir_ / "table.pdf");
  std::string twin;
  for (const std::string& l : table_as_lines()) twin += l + "\n";
  spit(dir_ / "table.txt", twin);
  ExtractedDocument text = extract(dir_ / "table.txt");
  EXPECT_EQ(pdf.source.lines, table_as_lines());
  EXPECT_GE(text.figures.size(), 6u);
  EXPECT_SAME_FIGURES(text.figures, pdf.figures, "table PDF");
}

TEST_F(FormatsPdf, PagesAreStoredAndExported) {
  fs::path txt = corpus_documents().front();
  ExtractedDocument text = extract(txt);
  ExtractedDocument pdf = extract(make_pdf(text.source.lines, "doc.pdf"));
  const std::string db = (dir_ / "store.db").string();
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(db, OpenMode::kCreate, &store).ok());
    Store::IngestOutcome outcome;
    ASSERT_TRUE(store->ingest(pdf.source, pdf.header, pdf.repaired, pdf.figures, &outcome).ok());
    ASSERT_TRUE(store->ingest(text.source, text.header, text.repaired, text.figures, &outcome).ok());
    size_t pdf_figures = 0, text_figures = 0;
    ASSERT_TRUE(store->figures([&](const StoredFigure& sf) {
                  if (sf.document == "doc.pdf") {
                    ++pdf_figures;
                    EXPECT_EQ(sf.page, pdf.source.pages[sf.figure.line - 1]);
                    EXPECT_GE(sf.page, 1);
                  } else {
                    ++text_figures;
                    EXPECT_EQ(sf.page, 0);
                  }
                }).ok());
    EXPECT_EQ(pdf_figures, pdf.figures.size());
    EXPECT_EQ(text_figures, text.figures.size());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* q = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw, sql, -1, &q, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    return n;
  };
  EXPECT_EQ(count("SELECT count(*) FROM lines l JOIN documents d ON d.id = l.document_id "
                  "WHERE d.format = 'pdf' AND l.page IS NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM lines l JOIN documents d ON d.id = l.document_id "
                  "WHERE d.format = 'text' AND l.page IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT max(page) FROM lines"), pdf.source.pages.back());
  sqlite3_close(raw);

  // The CLI exports the page: a number for the PDF, null for the text.
  std::string cmd = std::string(CHITIEU_BINARY) + " export --format jsonl --db '" + db + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0);
  std::stringstream ss(out);
  std::string line;
  size_t with_page = 0, without = 0;
  while (std::getline(ss, line)) {
    auto j = nlohmann::json::parse(line);
    if (j["document"] == "doc.pdf") {
      with_page += j["page"].is_number_integer() && j["page"].get<int>() >= 1;
      // The line within the page is counted from the page's first line.
      EXPECT_TRUE(j["page_line"].is_number_integer() && j["page_line"].get<int>() >= 1 &&
                  j["page_line"].get<int>() <= j["line"].get<int>())
          << line;
    } else {
      without += j["page"].is_null() && j["page_line"].is_null();
    }
  }
  EXPECT_EQ(with_page, pdf.figures.size());
  EXPECT_EQ(without, text.figures.size());
}

// ---------------------------------------------------------------------------
// Word .docx

class FormatsDocx : public TempDirTest {
 protected:
  fs::path make_docx(const std::vector<maker::DocxBlock>& blocks, const std::string& name) {
    fs::path path = dir_ / name;
    std::string error;
    EXPECT_TRUE(maker::write_docx(blocks, kRunningHeader, path.string(), &error)) << error;
    return path;
  }
  fs::path make_docx_body(const std::string& body_xml, const std::string& name) {
    fs::path path = dir_ / name;
    std::string error;
    EXPECT_TRUE(maker::write_zip({{"[Content_Types].xml", "<Types/>"},
                                  {"word/document.xml", maker::docx_document_xml(body_xml)}},
                                 path.string(), &error))
        << error;
    return path;
  }
};

TEST_F(FormatsDocx, EveryCorpusDocumentGivesTheFiguresOfItsText) {
  size_t total = 0;
  for (const fs::path& txt : corpus_documents()) {
    SCOPED_TRACE(txt.filename().string());
    ExtractedDocument text = extract(txt);
    // The document, then an annex table; its text twin has the table one cell per line.
    std::vector<maker::DocxBlock> blocks;
    for (const std::string& l : text.source.lines) blocks.push_back({l, {}});
    blocks.push_back({kTableTitle, {}});
    blocks.push_back({"", kTable});
    std::string twin_text;
    std::vector<std::string> twin_lines = text.source.lines;
    for (const std::string& l : table_as_lines()) twin_lines.push_back(l);
    for (const std::string& l : twin_lines) twin_text += l + "\n";
    spit(dir_ / "twin.txt", twin_text);
    ExtractedDocument twin = extract(dir_ / "twin.txt");

    ExtractedDocument docx = extract(make_docx(blocks, txt.stem().string() + ".docx"));
    ASSERT_EQ(docx.source.format, "docx");
    EXPECT_TRUE(docx.source.pages.empty());
    // Line for line the text, the header part left out.
    EXPECT_EQ(docx.source.lines, twin_lines);
    EXPECT_SAME_FIGURES(twin.figures, docx.figures, txt.filename().string() + " as .docx");
    std::printf("%s as .docx (+ a table): %zu lines; figures: text %zu, .docx %zu\n", txt.filename().c_str(),
                docx.source.lines.size(), twin.figures.size(), docx.figures.size());
    total += docx.figures.size();

    // The table's own cells are read as targets with their column's year.
    size_t table_figures = 0;
    for (const Figure& f : docx.figures) {
      if (f.line <= text.source.lines.size()) continue;
      ++table_figures;
      EXPECT_EQ(f.unit, "percent");
    }
    EXPECT_GE(table_figures, 6u);
    bool growth_2025 = false;
    for (const Figure& f : docx.figures)
      growth_2025 |= f.line > text.source.lines.size() && f.low == 7.5 && f.year == "2025";
    EXPECT_TRUE(growth_2025);
  }
  EXPECT_GT(total, 200u);
}

TEST_F(FormatsDocx, FontMappedTcvn3TextIsDetectedInsideTheDocx) {
  // A document typed in .VnTime: the .docx carries TCVN3 glyph codes as Latin-1.
  fs::path txt = corpus_documents().front();
  std::string damaged = damage::apply_damage(damage::Kind::kFontMappedTcvn3, read_file(txt), 7);
  spit(dir_ / "damaged.txt", damaged);
  ExtractedDocument text = extract(dir_ / "damaged.txt");
  ASSERT_EQ(text.source.encoding, "utf-8+tcvn3-font");
  std::vector<maker::DocxBlock> blocks;
  for (const std::string& l : text.source.lines) blocks.push_back({l, {}});
  ExtractedDocument docx = extract(make_docx(blocks, "vntime.docx"));
  EXPECT_EQ(docx.source.encoding, "utf-8+tcvn3-font");
  EXPECT_SAME_FIGURES(text.figures, docx.figures, "font-mapped .docx");
}

TEST_F(FormatsDocx, ReadsRunsBreaksRevisionsFieldsAndTablesInOrder) {
  const std::string body =
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:t>Tăng trưởng</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
      "<w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>đạt 7</w:t></w:r>"
      "<w:r><w:t>,5%</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng hai</w:t></w:r></w:p>"
      "<w:p><w:del><w:r><w:delText>đã xoá 99%</w:delText></w:r></w:del>"
      "<w:moveFrom><w:r><w:t>chuyển đi 98%</w:t></w:r></w:moveFrom>"
      "<w:ins><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>"
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>5</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      "<w:p><w:hyperlink><w:r><w:t>KT</w:t><w:noBreakHyphen/><w:t>XH</w:t><w:tab/><w:t>x</w:t></w:r>"
      "</w:hyperlink></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"
      "<w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:sdt><w:sdtContent><w:p><w:r><w:t>trong sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>"
      "<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>hộp 97%</w:t></w:r></w:p></w:txbxContent>"
      "</w:drawing><w:t>sau hình</w:t></w:r></w:p>";
  DocumentLines doc;
  Status st = read_docx(read_file(make_docx_body(body, "shapes.docx")), &doc);
  ASSERT_TRUE(st.ok()) << st.message();
  std::vector<std::string> expected = {"Tăng trưởng đạt 7,5%", "Dòng một", "Dòng hai", "thêm", "5",
                                       "KT-XH\tx", "STT", "", "a b", "1", "trong sdt", "sau hình"};
  EXPECT_EQ(doc.lines, expected);
  EXPECT_TRUE(doc.pages.empty());
}

TEST_F(FormatsDocx, PagesComeFromWordsRenderedPageBreaks) {
  const std::string body =
      "<w:p><w:r><w:t>một</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>hai</w:t></w:r></w:p>"
      "<w:p><w:r><w:lastRenderedPageBreak/><w:t>ba</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>bốn </w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>năm</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>sáu</w:t></w:r></w:p>";
  DocumentLines doc;
  Status st = read_docx(read_file(make_docx_body(body, "paged.docx")), &doc);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(doc.pages, (std::vector<uint32_t>{1, 1, 2, 2, 3}));
}

// One paragraph of a million and one line breaks: every format has the
// same line cap as plain text (kMaxDocumentLines), refused with a clear reason.
TEST_F(FormatsDocx, MoreLinesThanTheCapAreRefused) {
  std::string body = "<w:p><w:r><w:t>Tăng trưởng đạt 7,5%</w:t>";
  for (uint64_t i = 0; i < kMaxDocumentLines; ++i) body += "<w:br/>";
  body += "</w:r></w:p>";
  fs::path path = make_docx_body(body, "tall.docx");
  EXPECT_NE(refusal(path).find("too many lines"), std::string::npos);
  DocumentLines doc;
  Status st = read_docx(read_file(path), &doc);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(doc.lines.size(), kMaxDocumentLines);  // stopped at the cap, not read on
}

TEST_F(FormatsDocx, ALineCapLoweredForATestIsKept) {
  const std::string body = "<w:p><w:r><w:t>một</w:t></w:r></w:p><w:p><w:r><w:t>hai</w:t></w:r></w:p>"
                           "<w:p><w:r><w:t>ba</w:t></w:r></w:p>";
  fs::path path = make_docx_body(body, "three.docx");
  DocumentLines doc;
  doc.line_limit = 3;
  ASSERT_TRUE(read_docx(read_file(path), &doc).ok());
  doc.line_limit = 2;
  Status st = read_docx(read_file(path), &doc);
  EXPECT_EQ(st.message(), "too many lines (more than the limit of 2)");
}

// ---------------------------------------------------------------------------
// Detection by content

class FormatsDetect : public TempDirTest {};

TEST_F(FormatsDetect, ContentDecidesNotTheName) {
  EXPECT_EQ(detect_format("%PDF-1.7\n...").format, FileFormat::kPdf);
  EXPECT_EQ(detect_format("junk from a mail gateway\r\n%PDF-1.4\n...").format, FileFormat::kPdf);
  EXPECT_EQ(detect_format("Tệp này nói về %PDF-1.4 giữa dòng").format, FileFormat::kText);
  EXPECT_EQ(detect_format("Nghị quyết số 12/NQ-HĐND").format, FileFormat::kText);
  auto unsupported = [](std::string_view bytes) {
    DetectedFormat d = detect_format(bytes);
    return d.format == FileFormat::kUnsupported ? d.name : "(" + d.name + ")";
  };
  // An OLE file too short for its directory is corrupt; office_formats_test.cc
  // tells a .doc from an .xls by its streams. RTF is read (catdoc).
  EXPECT_EQ(detect_format(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)).format,
            FileFormat::kCorrupt);
  EXPECT_EQ(detect_format("{\\rtf1\\ansi").format, FileFormat::kRtf);
  // Images are read by OCR (ocr_test.cc).
  EXPECT_EQ(detect_format("\x89PNG\r\n\x1a\n").format, FileFormat::kImage);
  EXPECT_EQ(detect_format("\xFF\xD8\xFF\xE0").format, FileFormat::kImage);
  EXPECT_EQ(detect_format(std::string_view("II*\0\x08\0", 6)).format, FileFormat::kImage);
  EXPECT_EQ(unsupported("GIF89a"), "GIF image");

  std::string error;
  ASSERT_TRUE(maker::write_zip({{"xl/workbook.xml", "<workbook/>"}}, (dir_ / "a.xlsx").string(), &error));
  EXPECT_EQ(detect_format(read_file(dir_ / "a.xlsx")).format, FileFormat::kXlsx);
  ASSERT_TRUE(maker::write_zip({{"readme.txt", "hello"}}, (dir_ / "a.zip").string(), &error));
  EXPECT_NE(unsupported(read_file(dir_ / "a.zip")).find("ZIP archive"), std::string::npos);
  ASSERT_TRUE(maker::write_zip({{"word/document.xml", maker::docx_document_xml("")}},
                               (dir_ / "a.bin").string(), &error));
  EXPECT_EQ(detect_format(read_file(dir_ / "a.bin")).format, FileFormat::kDocx);
  EXPECT_EQ(detect_format(std::string_view("PK\x03\x04garbage", 11)).format, FileFormat::kCorrupt);
}

TEST_F(FormatsDetect, APdfThatIsReallyTextIngestsAsText) {
  fs::path txt = corpus_documents().front();
  fs::copy_file(txt, dir_ / "nghị quyết.pdf");
  fs::copy_file(txt, dir_ / "nghị quyết.docx");
  ExtractedDocument text = extract(txt);
  for (const char* name : {"nghị quyết.pdf", "nghị quyết.docx"}) {
    ExtractedDocument named = extract(dir_ / name);
    EXPECT_EQ(named.source.format, "text") << name;
    EXPECT_SAME_FIGURES(text.figures, named.figures, name);
  }
  // ... and a PDF named .txt is read as the PDF it is.
  ExtractedDocument pdf = extract(make_pdf(text.source.lines, "exported.txt"));
  EXPECT_EQ(pdf.source.format, "pdf");
  EXPECT_SAME_FIGURES(text.figures, pdf.figures, "PDF named .txt");
}

// ---------------------------------------------------------------------------
// Running headers, footers and page numbers

class FormatsFurniture : public ::testing::Test {
 protected:
  static DocumentLines pages_of(const std::vector<std::vector<std::string>>& pages) {
    DocumentLines doc;
    for (size_t p = 0; p < pages.size(); ++p)
      for (const std::string& l : pages[p]) doc.add(l, static_cast<uint32_t>(p + 1));
    mark_page_furniture(&doc);
    return doc;
  }
  static std::vector<std::string> marked(const DocumentLines& doc) {
    std::vector<std::string> out;
    for (size_t i = 0; i < doc.lines.size(); ++i)
      if (doc.boilerplate[i]) out.push_back(std::to_string(doc.pages[i]) + ":" + doc.lines[i]);
    return out;
  }
};

TEST_F(FormatsFurniture, HeadersAndNumberedFootersAreMarked) {
  DocumentLines doc = pages_of({
      {"NGHỊ QUYẾT", "Tăng trưởng đạt 7%.", "1"},
      {"CÔNG BÁO/Số 12", "Thu ngân sách tăng", "10%.", "Trang 2/4"},
      {"CÔNG BÁO/Số 13", "Tỷ lệ hộ nghèo dưới 1%.", "Trang 3/4"},
      {"CÔNG BÁO/Số 14", "Kết thúc.", "Trang 4/4"},
  });
  EXPECT_EQ(marked(doc), (std::vector<std::string>{"1:1", "2:CÔNG BÁO/Số 12", "2:Trang 2/4",
                                                    "3:CÔNG BÁO/Số 13", "3:Trang 3/4", "4:CÔNG BÁO/Số 14",
                                                    "4:Trang 4/4"}));
}

TEST_F(FormatsFurniture, NumberingAfterACoverFollowsThePages) {
  DocumentLines doc = pages_of({
      {"BÌA", "Dự thảo"},
      {"Nội dung trang hai.", "- 1 -"},
      {"Nội dung trang ba.", "- 2 -"},
      {"Nội dung trang bốn.", "- 3 -"},
  });
  EXPECT_EQ(marked(doc), (std::vector<std::string>{"2:- 1 -", "3:- 2 -", "4:- 3 -"}));
}

// Tesseract reads a scan's "- 2 -" as "- 2--", "-3-" or "--4 -".
TEST_F(FormatsFurniture, PageNumbersAsOcrReadsThemAreMarked) {
  DocumentLines doc = pages_of({
      {"Nội dung trang một.", "-1-"},
      {"Nội dung trang hai.", "- 2--"},
      {"Nội dung trang ba.", "--3 -"},
      {"Nội dung trang bốn.", "- 4 -"},
  });
  EXPECT_EQ(marked(doc), (std::vector<std::string>{"1:-1-", "2:- 2--", "3:--3 -", "4:- 4 -"}));
  // Where the others are lost, a number written as one on its own page is still one.
  DocumentLines lost = pages_of({{"Nội dung trang một.", "-1-"}, {"Nội dung trang hai.", "Hết."}});
  EXPECT_EQ(marked(lost), (std::vector<std::string>{"1:-1-"}));
}

TEST_F(FormatsFurniture, TableValuesAtThePageFootAreNotFurniture) {
  DocumentLines doc = pages_of({
      {"STT", "Chỉ tiêu", "Tỷ lệ đô thị hoá", "%", "7,5%", "45"},
      {"%", "Tỷ lệ hộ nghèo", "%", "8,5%", "45"},
      {"%", "Tỷ lệ che phủ rừng", "%", "9,5%", "45"},
  });
  EXPECT_TRUE(marked(doc).empty()) << ::testing::PrintToString(marked(doc));
}

TEST_F(FormatsFurniture, ALonePageTrustsOnlyAWrittenPageNumber) {
  EXPECT_TRUE(marked(pages_of({{"Tổng số xã", "1"}})).empty());
  EXPECT_EQ(marked(pages_of({{"Tổng số xã: 12", "- 1 -"}})), (std::vector<std::string>{"1:- 1 -"}));
}

// ---------------------------------------------------------------------------
// Hostile and broken files

class FormatsHostile : public TempDirTest {
 protected:
  // Deterministic bytes, so a failure reproduces.
  static std::string random_bytes(size_t n, uint32_t seed) {
    std::string out(n, '\0');
    uint64_t x = 0x9E3779B97F4A7C15ull ^ seed;
    for (char& c : out) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      c = static_cast<char>(x >> 24);
    }
    return out;
  }
  fs::path good_pdf() {
    ExtractedDocument text = extract(corpus_documents().front());
    return make_pdf(text.source.lines, "good.pdf");
  }
};

TEST_F(FormatsHostile, TruncatedAndCorruptPdfs) {
  std::string bytes = read_file(good_pdf());
  spit(dir_ / "truncated.pdf", bytes.substr(0, bytes.size() / 2));
  EXPECT_NE(refusal(dir_ / "truncated.pdf").find("truncated PDF"), std::string::npos);
  spit(dir_ / "cut.pdf", bytes.substr(0, 200));
  EXPECT_NE(refusal(dir_ / "cut.pdf").find("truncated PDF"), std::string::npos);
  spit(dir_ / "corrupt.pdf", "%PDF-1.5\n" + random_bytes(8192, 1) + "\n%%EOF\n");
  EXPECT_NE(refusal(dir_ / "corrupt.pdf").find("corrupt PDF"), std::string::npos);
  // The middle of the file overwritten, its ends intact: whatever Poppler
  // makes of it, no crash and an answer.
  std::string hole = bytes;
  for (size_t i = hole.size() / 3; i < hole.size() * 2 / 3; ++i) hole[i] = 'x';
  spit(dir_ / "hole.pdf", hole);
  ExtractedDocument doc;
  Status st = extract_document(default_lexicon(), (dir_ / "hole.pdf").string(), "", &doc);
  EXPECT_TRUE(st.ok() || st.message().find("PDF") != std::string::npos) << st.message();
}

TEST_F(FormatsHostile, PdfOverTheLineCapIsRefused) {
  std::string bytes = read_file(good_pdf());
  DocumentLines doc;
  ASSERT_TRUE(read_pdf(bytes, &doc).ok());
  size_t lines = doc.lines.size();
  ASSERT_GT(lines, 2u);
  DocumentLines capped;
  capped.line_limit = lines - 1;
  Status st = read_pdf(bytes, &capped);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("too many lines"), std::string::npos) << st.message();
  capped.line_limit = lines;
  EXPECT_TRUE(read_pdf(bytes, &capped).ok());
}

TEST_F(FormatsHostile, EncryptedPdf) {
  fs::path plain = good_pdf();
  fs::path locked = dir_ / "locked.pdf";
  std::string cmd = "qpdf --encrypt 'mật khẩu' owner 256 -- '" + plain.string() + "' '" + locked.string() +
                    "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "qpdf is needed (scripts/install-deps.sh)";
  EXPECT_NE(refusal(locked).find("encrypted PDF"), std::string::npos);
}

TEST_F(FormatsHostile, PdfWithoutTextLayer) {
  std::string error;
  ASSERT_TRUE(maker::write_pdf_without_text((dir_ / "scan.pdf").string(), &error)) << error;
  EXPECT_NE(refusal(dir_ / "scan.pdf").find("PDF without a text layer"), std::string::npos);
}

TEST_F(FormatsHostile, RandomBytesWithADocumentExtension) {
  for (const char* name : {"random.pdf", "random.docx", "random.doc"}) {
    spit(dir_ / name, random_bytes(65536, 42));
    EXPECT_NE(refusal(dir_ / name).find("binary content"), std::string::npos) << name;
  }
}

TEST_F(FormatsHostile, ZipBombPosingAsDocx) {
  // 80 MiB of spaces inside word/document.xml deflate to well under 1 MiB.
  std::string huge = maker::docx_document_xml(std::string(80u << 20, ' '));
  std::string error;
  fs::path bomb = dir_ / "bomb.docx";
  ASSERT_TRUE(maker::write_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", huge}},
                               bomb.string(), &error))
      << error;
  huge.clear();
  huge.shrink_to_fit();
  std::string bytes = read_file(bomb);
  EXPECT_LT(bytes.size(), 1u << 20);
  EXPECT_NE(refusal(bomb).find("zip entry too large (possible zip bomb)"), std::string::npos);

  // The same bomb claiming a small size in its headers: the decompression
  // itself is capped.
  const std::string name = "word/document.xml";
  auto patch_size = [&](const char* signature, size_t size_at, size_t name_len_at, size_t name_at) {
    for (size_t at = bytes.find(signature); at != std::string::npos; at = bytes.find(signature, at + 1)) {
      size_t len = static_cast<unsigned char>(bytes[at + name_len_at]) |
                   static_cast<unsigned char>(bytes[at + name_len_at + 1]) << 8;
      if (bytes.compare(at + name_at, len, name) != 0) continue;
      uint32_t claimed = 4096;
      for (int k = 0; k < 4; ++k) bytes[at + size_at + k] = static_cast<char>(claimed >> (8 * k));
      return true;
    }
    return false;
  };
  ASSERT_TRUE(patch_size("PK\x03\x04", 22, 26, 30));
  ASSERT_TRUE(patch_size("PK\x01\x02", 24, 28, 46));
  spit(dir_ / "liar.docx", bytes);
  std::string why = refusal(dir_ / "liar.docx");
  EXPECT_TRUE(why.find("zip bomb") != std::string::npos || why.find("corrupt docx") != std::string::npos)
      << why;
}

TEST_F(FormatsHostile, BrokenDocxContainers) {
  std::string error;
  ASSERT_TRUE(maker::write_zip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<w:styles/>"}},
                               (dir_ / "no-body.docx").string(), &error));
  EXPECT_NE(refusal(dir_ / "no-body.docx").find("docx without word/document.xml"), std::string::npos);

  ASSERT_TRUE(maker::write_zip({{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>cắt"}},
                               (dir_ / "bad-xml.docx").string(), &error));
  EXPECT_NE(refusal(dir_ / "bad-xml.docx").find("corrupt docx: word/document.xml"), std::string::npos);

  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<w:sdt><w:sdtContent>";
  ASSERT_TRUE(maker::write_zip({{"word/document.xml", maker::docx_document_xml(deep)}},
                               (dir_ / "deep.docx").string(), &error));
  EXPECT_NE(refusal(dir_ / "deep.docx").find("corrupt docx"), std::string::npos);

  spit(dir_ / "cut.docx", std::string("PK\x03\x04", 4) + random_bytes(4096, 3));
  EXPECT_NE(refusal(dir_ / "cut.docx").find("corrupt ZIP container"), std::string::npos);

  ASSERT_TRUE(maker::write_zip({{"readme.txt", "xin chào"}}, (dir_ / "archive.docx").string(), &error));
  EXPECT_NE(refusal(dir_ / "archive.docx").find("unsupported format: ZIP archive"), std::string::npos);
}

TEST_F(FormatsHostile, OtherFormatsAreNamed) {
  spit(dir_ / "old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + random_bytes(1024, 5));
  EXPECT_NE(refusal(dir_ / "old.doc").find("corrupt OLE compound file"), std::string::npos);
  spit(dir_ / "scan.png", "\x89PNG\r\n\x1a\n" + random_bytes(256, 9));
  EXPECT_NE(refusal(dir_ / "scan.png").find("corrupt image"), std::string::npos);
}

TEST_F(FormatsHostile, ABatchMixingThemStoresEveryGoodFile) {
  fs::path txt = corpus_documents().front();
  ExtractedDocument text = extract(txt);
  fs::path pdf = make_pdf(text.source.lines, "tốt.pdf");
  std::vector<maker::DocxBlock> blocks;
  for (const std::string& l : text.source.lines) blocks.push_back({l, {}});
  std::string error;
  ASSERT_TRUE(maker::write_docx(blocks, "", (dir_ / "tốt.docx").string(), &error)) << error;
  std::string bytes = read_file(pdf);
  spit(dir_ / "hỏng.pdf", bytes.substr(0, bytes.size() / 3));
  spit(dir_ / "rác.docx", random_bytes(10000, 11));
  ASSERT_TRUE(maker::write_zip({{"word/styles.xml", "<w:styles/>"}}, (dir_ / "rỗng.docx").string(), &error));

  std::string cmd = std::string(CHITIEU_BINARY) + " ingest --db '" + (dir_ / "batch.db").string() + "'";
  for (const char* n : {"tốt.pdf", "hỏng.pdf", "rác.docx", "rỗng.docx", "tốt.docx"})
    cmd += " '" + (dir_ / n).string() + "'";
  cmd += " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 1) << out;
  EXPECT_NE(out.find("hỏng.pdf: truncated PDF"), std::string::npos) << out;
  EXPECT_NE(out.find("rác.docx: binary content"), std::string::npos) << out;
  EXPECT_NE(out.find("rỗng.docx: docx without word/document.xml"), std::string::npos) << out;
  EXPECT_NE(out.find("2 stored"), std::string::npos) << out;
  EXPECT_NE(out.find("3 failed"), std::string::npos) << out;
}

}  // namespace
}  // namespace chitieu
