// Word 97 .doc, RTF, spreadsheets (.xlsx, .ods), web pages and Markdown, and a
// folder walk that meets every kind of file.
//
// The documents are made at test time (tests/support/office_maker.h) from the
// corpus texts: a .doc, an RTF file, a web page wrapped in navigation,
// scripts, styles and a footer, and a Markdown file with emphasis, headings,
// links and escapes must each give exactly the figures of the text (value,
// unit, comparator and year), and each stored line must map back to the file.
// Spreadsheets must come out as the tab rows the table reader reads.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/extract_document.h"
#include "extractor/formats/external_program.h"
#include "extractor/formats/document_lines.h"
#include "extractor/formats/format_detect.h"
#include "extractor/formats/markdown_reader.h"
#include "extractor/formats/spreadsheet_reader.h"
#include "normalizer/lexicon.h"
#include "pipeline/ingest.h"
#include "store/store.h"
#include "support/document_maker.h"
#include "support/figure_keys.h"
#include "support/office_maker.h"
#include "support/test_files.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;
using chitieu::testing::read_file;
using ::chitieu::testing::figure_keys;
using ::chitieu::testing::keys_missing;

void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::vector<fs::path> corpus_documents() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus"))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

class OfficeFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("office");
  }
  void TearDown() override { fs::remove_all(dir_); }

  ExtractedDocument extract(const fs::path& path) {
    ExtractedDocument doc;
    Status st = extract_document(default_lexicon(), path.string(), "", &doc);
    EXPECT_TRUE(st.ok()) << path << ": " << st.message();
    return doc;
  }

  // Every figure's quote stands on its stored line at its offsets.
  static void expect_quotes_on_their_lines(const ExtractedDocument& doc) {
    for (const Figure& f : doc.figures) {
      ASSERT_GE(f.line, 1u);
      ASSERT_LE(f.line, doc.source.lines.size());
      if (f.line != f.line_end) continue;
      EXPECT_NE(doc.source.lines[f.line - 1].find(f.quote), std::string::npos)
          << "line " << f.line << ": " << f.quote;
    }
  }

  // Equal line lists; on a difference, the first line that differs.
  static void expect_same_lines(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    EXPECT_EQ(got.size(), want.size());
    for (size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
      if (got[i] == want[i]) continue;
      ADD_FAILURE() << "line " << i + 1 << " differs:\n got: [" << got[i] << "]\nwant: [" << want[i] << "]";
      return;
    }
  }

  fs::path dir_;
};

#define EXPECT_SAME_FIGURES(text_doc, other_doc)                                                   \
  do {                                                                                             \
    auto t_ = figure_keys((text_doc).figures);                                                     \
    auto o_ = figure_keys((other_doc).figures);                                                    \
    EXPECT_FALSE(t_.empty());                                                                      \
    EXPECT_EQ(t_, o_) << "only in text:" << keys_missing(t_, o_) << "\nonly in the other:"        \
                      << keys_missing(o_, t_);                                                     \
  } while (0)

// ---- Word 97 and RTF, through catdoc ------------------------------------

TEST_F(OfficeFormats, Word97DocGivesTheFiguresOfItsText) {
  for (const fs::path& txt : corpus_documents()) {
    SCOPED_TRACE(txt.filename().string());
    ExtractedDocument text = extract(txt);
    fs::path doc_path = dir_ / (txt.stem().string() + ".doc");
    spit(doc_path, maker::word97_doc(text.source.lines));
    EXPECT_EQ(detect_format(read_file(doc_path)).format, FileFormat::kDoc);
    ExtractedDocument doc = extract(doc_path);
    EXPECT_EQ(doc.source.format, "doc");
    EXPECT_EQ(doc.source.converted_by.rfind("chitieu Word 97 reader", 0), 0u) << doc.source.converted_by;
    // The stored lines are the converted text's: here, the paragraphs.
    expect_same_lines(doc.source.lines, text.source.lines);
    EXPECT_SAME_FIGURES(text, doc);
    expect_quotes_on_their_lines(doc);
  }
}

// A table in a .doc comes out as tab rows, an empty cell kept in its column.
TEST_F(OfficeFormats, AWordTableIsTabRows) {
  maker::Rows table = {{"STT", "Chỉ tiêu", "Đơn vị", "Năm 2025"},
                       {"1", "Tỷ lệ đô thị hóa", "%", "45"},
                       {"2", "Tỷ lệ hộ nghèo", "", "1,2"},
                       {"3", "Tuổi thọ trung bình", "tuổi", "75,5"}};
  spit(dir_ / "bang.doc", maker::word97_doc({"PHỤ LỤC CHỈ TIÊU", ""}, table));
  ExtractedDocument doc = extract(dir_ / "bang.doc");
  std::vector<std::string> want = {"PHỤ LỤC CHỈ TIÊU", "", "STT\tChỉ tiêu\tĐơn vị\tNăm 2025",
                                   "1\tTỷ lệ đô thị hóa\t%\t45", "2\tTỷ lệ hộ nghèo\t\t1,2",
                                   "3\tTuổi thọ trung bình\ttuổi\t75,5"};
  expect_same_lines(doc.source.lines, want);
  EXPECT_GE(doc.figures.size(), 2u);
}

TEST_F(OfficeFormats, RtfGivesTheFiguresOfItsText) {
  for (const fs::path& txt : corpus_documents()) {
    SCOPED_TRACE(txt.filename().string());
    ExtractedDocument text = extract(txt);
    fs::path rtf = dir_ / (txt.stem().string() + ".rtf");
    spit(rtf, maker::rtf_document(text.source.lines, {}));
    ExtractedDocument doc = extract(rtf);
    EXPECT_EQ(doc.source.format, "rtf");
    EXPECT_SAME_FIGURES(text, doc);
    expect_quotes_on_their_lines(doc);
    // Each paragraph is a line, read from its own line of the file.
    std::string bytes = read_file(rtf);
    ASSERT_EQ(doc.source.sources.size(), doc.source.lines.size());
    for (size_t i = 0; i < doc.source.lines.size(); ++i) {
      const LineSource& src = doc.source.sources[i];
      if (doc.source.lines[i].empty()) continue;
      std::string read_from = bytes.substr(src.begin, src.end - src.begin);
      // A line starts where its first character is written: itself, or \uN.
      std::string first = doc.source.lines[i].substr(0, 1);
      EXPECT_EQ(read_from.substr(0, 1), static_cast<unsigned char>(first[0]) < 0x80 ? first : "\\")
          << "line " << i + 1;
      EXPECT_EQ(read_from.find('\n'), std::string::npos) << "line " << i + 1;
    }
  }
}

TEST_F(OfficeFormats, AnRtfTableIsTabRows) {
  maker::Rows table = {{"STT", "Chỉ tiêu", "Năm 2025"}, {"1", "Tỷ lệ đô thị hóa (%)", "45,5"}, {"2", "", "7"}};
  spit(dir_ / "bang.rtf", maker::rtf_document({"Phụ lục {chỉ tiêu}"}, table));
  ExtractedDocument doc = extract(dir_ / "bang.rtf");
  std::vector<std::string> want = {"Phụ lục {chỉ tiêu}", "STT\tChỉ tiêu\tNăm 2025", "1\tTỷ lệ đô thị hóa (%)\t45,5",
                                   "2\t\t7"};
  expect_same_lines(doc.source.lines, want);
  EXPECT_EQ(doc.source.converted_by.rfind("chitieu RTF reader", 0), 0u);
}

TEST_F(OfficeFormats, AnOleFileIsToldByItsStreams) {
  EXPECT_EQ(detect_format(maker::ole_file({{"WordDocument", "x"}, {"1Table", "y"}})).format, FileFormat::kDoc);
  EXPECT_EQ(detect_format(maker::ole_file({{"Workbook", "x"}})).format, FileFormat::kXls);
  EXPECT_EQ(detect_format(maker::ole_file({{"Book", "x"}})).format, FileFormat::kXls);
  DetectedFormat other = detect_format(maker::ole_file({{"PowerPoint Document", "x"}}));
  EXPECT_EQ(other.format, FileFormat::kUnsupported);
  EXPECT_NE(other.name.find(".ppt"), std::string::npos);
  std::vector<std::string> names;
  ASSERT_TRUE(ole_stream_names(maker::ole_file({{"WordDocument", "x"}, {"1Table", "y"}}), &names));
  EXPECT_NE(std::find(names.begin(), names.end(), "1Table"), names.end());
}

TEST_F(OfficeFormats, AConverterThatFailsIsAClearError) {
  ProgramLimits quick;
  quick.timeout_ms = 300;
  std::string out;
  Status st = run_on_bytes({"sleep", "5"}, "", "", quick, &out);
  EXPECT_NE(st.message().find("sleep: no answer within"), std::string::npos) << st.message();
  st = run_on_bytes({"chitieu-no-such-program", "{}"}, "x", "", quick, &out);
  EXPECT_NE(st.message().find("could not be run"), std::string::npos) << st.message();
  st = run_on_bytes({"cat", "{}"}, "Nghị quyết; $(rm -rf /)", ".txt", quick, &out);
  EXPECT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(out, "Nghị quyết; $(rm -rf /)");  // the bytes went through a file, no shell
  ProgramLimits small = quick;
  small.max_output = 4;
  EXPECT_NE(run_on_bytes({"cat", "{}"}, "0123456789", "", small, &out).message().find("output over"),
            std::string::npos);
}

TEST_F(OfficeFormats, ABrokenDocIsAOneLineError) {
  auto refusal = [&](const std::string& bytes) {
    spit(dir_ / "x.doc", bytes);
    ExtractedDocument doc;
    Status st = extract_document(default_lexicon(), (dir_ / "x.doc").string(), "", &doc);
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(st.message().find('\n'), std::string::npos);
    return st.message();
  };
  std::string good = maker::word97_doc({"Tỷ lệ đô thị hóa đạt 45%"});
  // The WordDocument stream is the first after the FAT and directory sectors.
  const size_t word = 512 * 3;
  std::string no_signature = good;
  no_signature[word] = 'x';
  EXPECT_EQ(refusal(no_signature), "corrupt .doc: no Word signature");
  std::string encrypted = good;
  encrypted[word + 0x0B] |= 0x01;
  EXPECT_EQ(refusal(encrypted), "encrypted .doc");
  std::string word95 = good;
  word95[word + 2] = 0x68;
  word95[word + 3] = 0;
  EXPECT_EQ(refusal(word95), "unsupported format: Word 6/95 .doc");
  std::string past_end = good;
  past_end[word + 0x1A6] = '\xFF';  // lcbClx far past the table stream
  past_end[word + 0x1A7] = '\x7F';
  EXPECT_EQ(refusal(past_end), "corrupt .doc: piece table past its stream");
  EXPECT_NE(refusal(good.substr(0, good.size() / 2)).find("corrupt"), std::string::npos);
}

// ---- spreadsheets ---------------------------------------------------------

const maker::Rows kSheet = {
    {"STT", "Chỉ tiêu", "Đơn vị", "Năm 2025", "Mục tiêu 2030"},
    {"1", "Tốc độ tăng trưởng GRDP", "%", "7.5", "10 - 10,5"},
    {"2", "Tỷ lệ đô thị hóa", "%", "45", "50"},
    {"3", "Tỷ lệ hộ nghèo", "%", "1.2", "0.5"},
    {"4", "GRDP bình quân đầu người", "triệu đồng", "120", "", ""},
};

// The same sheet as the reader should give it: name, tab rows (numbers with a
// decimal comma), a blank line.
std::vector<std::string> expected_sheet_lines(const std::string& name) {
  return {name,
          "STT\tChỉ tiêu\tĐơn vị\tNăm 2025\tMục tiêu 2030",
          "1\tTốc độ tăng trưởng GRDP\t%\t7,5\t10 - 10,5",
          "2\tTỷ lệ đô thị hóa\t%\t45\t50",
          "3\tTỷ lệ hộ nghèo\t%\t1,2\t0,5",
          "4\tGRDP bình quân đầu người\ttriệu đồng\t120",
          ""};
}

void check_spreadsheet(const fs::path& dir, const fs::path& sheet, const std::string& format) {
  ExtractedDocument doc;
  Status st = extract_document(default_lexicon(), sheet.string(), "", &doc);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(doc.source.format, format);
  EXPECT_FALSE(doc.source.converted_by.empty());
  std::vector<std::string> want = {"Mục lục"};
  want.push_back("");
  for (const std::string& l : expected_sheet_lines("Biểu 1")) want.push_back(l);
  EXPECT_EQ(doc.source.lines, want);
  // Read as the same rows in a text file, the table gives the same figures.
  std::string text;
  for (const std::string& l : want) text += l + "\n";
  spit(dir / (format + ".txt"), text);
  ExtractedDocument as_text;
  ASSERT_TRUE(extract_document(default_lexicon(), (dir / (format + ".txt")).string(), "", &as_text).ok());
  auto t = figure_keys(as_text.figures), o = figure_keys(doc.figures);
  EXPECT_GE(t.size(), 6u) << "the tab rows are read as a table";
  EXPECT_EQ(t, o) << keys_missing(t, o) << " / " << keys_missing(o, t);
}

TEST_F(OfficeFormats, XlsxSheetsAreTabRowsUnderTheirNames) {
  std::string error;
  fs::path path = dir_ / "annex.xlsx";
  ASSERT_TRUE(maker::write_xlsx({{"Mục lục", {}}, {"Biểu 1", kSheet}}, path.string(), &error)) << error;
  EXPECT_EQ(detect_format(read_file(path)).format, FileFormat::kXlsx);
  check_spreadsheet(dir_, path, "xlsx");
}

TEST_F(OfficeFormats, OdsSheetsAreTabRowsUnderTheirNames) {
  std::string error;
  fs::path path = dir_ / "annex.ods";
  maker::Rows rows = kSheet;
  for (auto& row : rows)
    for (std::string& c : row)
      if (!c.empty() && c.find_first_not_of("0123456789.") == std::string::npos)
        std::replace(c.begin(), c.end(), '.', ',');  // an .ods cell shows its own display text
  ASSERT_TRUE(maker::write_ods({{"Mục lục", {}}, {"Biểu 1", rows}}, path.string(), &error)) << error;
  EXPECT_EQ(detect_format(read_file(path)).format, FileFormat::kOds);
  check_spreadsheet(dir_, path, "ods");
}

// An Excel 97 .xls goes through xls2csv: its rows, without the sheet's name.
TEST_F(OfficeFormats, XlsRowsAreTabRows) {
  std::string bytes = maker::xls_workbook({"Biểu 1", kSheet});
  EXPECT_EQ(detect_format(bytes).format, FileFormat::kXls);
  spit(dir_ / "annex.xls", bytes);
  ExtractedDocument doc = extract(dir_ / "annex.xls");
  EXPECT_EQ(doc.source.format, "xls");
  EXPECT_EQ(doc.source.converted_by.rfind("xls2csv", 0), 0u) << doc.source.converted_by;
  std::vector<std::string> want = expected_sheet_lines("Biểu 1");
  want.erase(want.begin());  // no sheet name
  want.pop_back();           // nor a blank line after the last sheet
  expect_same_lines(doc.source.lines, want);
  EXPECT_GE(doc.figures.size(), 6u);
}

TEST_F(OfficeFormats, SpreadsheetNumbersAsAVietnameseReaderSeesThem) {
  EXPECT_EQ(spreadsheet_number(7.5, false, false), "7,5");
  EXPECT_EQ(spreadsheet_number(120, false, false), "120");
  EXPECT_EQ(spreadsheet_number(0.455, true, false), "45,5%");
  EXPECT_EQ(spreadsheet_number(45292, false, true), "1/1/2024");
  EXPECT_EQ(spreadsheet_number(1234567.25, false, false), "1234567,25");
}

// ---- web pages --------------------------------------------------------------

// A portal page around the text: navigation, scripts, styles, a footer, all
// with numbers that must not become figures; each text line a paragraph on a
// file line of its own, some split by inline tags, some with entities.
std::string portal_page(const std::vector<std::string>& lines) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin 100%</title>\n"
      "<style>.x{width:50%}</style><script>var share = \"tăng 99%\"; if (a < b) {}</script></head>\n"
      "<body><nav class=\"main-menu\"><a href=\"/\">Trang chủ</a> | Đạt 75% kế hoạch</nav>\n"
      "<div class=\"breadcrumb\">Văn bản &gt; Nghị quyết năm 2030 đạt 12%</div>\n"
      "<main>\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.find_first_not_of(" \t") == std::string::npos) continue;
    std::string body = html_escape(l);
    if (i % 3 == 1) {
      size_t cut = body.find(' ');
      if (cut != std::string::npos) body = "<b>" + body.substr(0, cut) + "</b>" + body.substr(cut);
    }
    page += "<p>" + body + "</p>\n";
  }
  page += "</main>\n<aside>Tin liên quan: tăng 30% du khách</aside>\n"
          "<footer>Bản quyền 2024, truy cập tăng 45%</footer><script>track(\"80%\")</script></body></html>\n";
  return page;
}

TEST_F(OfficeFormats, AWebPageGivesTheFiguresOfItsText) {
  for (const fs::path& txt : corpus_documents()) {
    SCOPED_TRACE(txt.filename().string());
    ExtractedDocument text = extract(txt);
    // The text's paragraphs as a browser shows them: blank lines out, white
    // space collapsed and trimmed.
    std::vector<std::string> kept;
    for (const std::string& l : text.source.lines) {
      std::string shown;
      for (char c : l) {
        bool space = c == ' ' || c == '\t';
        if (space && (shown.empty() || shown.back() == ' ')) continue;
        shown += space ? ' ' : c;
      }
      while (!shown.empty() && shown.back() == ' ') shown.pop_back();
      if (!shown.empty()) kept.push_back(shown);
    }
    fs::path plain = dir_ / (txt.stem().string() + ".txt");
    std::string joined;
    for (const std::string& l : kept) joined += l + "\n";
    spit(plain, joined);
    ExtractedDocument reference = extract(plain);

    std::string page = portal_page(text.source.lines);
    fs::path path = dir_ / (txt.stem().string() + ".html");
    spit(path, page);
    ExtractedDocument doc = extract(path);
    EXPECT_EQ(doc.source.format, "html");
    expect_same_lines(doc.source.lines, reference.source.lines);
    EXPECT_SAME_FIGURES(reference, doc);
    expect_quotes_on_their_lines(doc);
    // Each line maps back to the file line and bytes it was read from.
    ASSERT_EQ(doc.source.sources.size(), doc.source.lines.size());
    std::vector<std::string> file_lines;
    std::istringstream in(page);
    for (std::string l; std::getline(in, l);) file_lines.push_back(l);
    for (size_t i = 0; i < doc.source.lines.size(); ++i) {
      const LineSource& src = doc.source.sources[i];
      ASSERT_GE(src.line, 1u);
      ASSERT_LE(src.line, file_lines.size());
      std::string word = doc.source.lines[i].substr(0, doc.source.lines[i].find(' '));
      if (word.find_first_of("&<>") != std::string::npos) continue;
      EXPECT_NE(file_lines[src.line - 1].find(word), std::string::npos) << "line " << i + 1;
      ASSERT_LE(src.end, page.size());
      std::string read_from = page.substr(src.begin, src.end - src.begin);
      EXPECT_NE(read_from.find(word), std::string::npos) << "line " << i + 1;
      size_t text_at = read_from.find_first_not_of(" \t\n");
      EXPECT_EQ(read_from.compare(text_at, word.size(), word), 0) << "line " << i + 1 << " starts at its text";
    }
  }
}

TEST_F(OfficeFormats, AWebPageTableIsTabRows) {
  std::string page =
      "<!doctype html><html><body><article><h1>Phụ lục chỉ tiêu</h1>"
      "<table><tr><th>STT</th><th>Chỉ tiêu</th><th>Đơn vị</th><th colspan=\"2\">Năm 2025</th></tr>"
      "<tr><td>1</td><td><p>Tốc độ tăng</p><p>trưởng GRDP</p></td><td>%</td><td>7,5</td><td>&#8805; 8</td></tr>"
      "<tr><td>2</td><td>Tỷ lệ đô thị hóa</td><td>%</td><td>45</td><td></td></tr></table>"
      "</article></body></html>";
  spit(dir_ / "bang.html", page);
  ExtractedDocument doc = extract(dir_ / "bang.html");
  // The header's last cell spans two columns; trailing empty cells are dropped.
  std::vector<std::string> want = {"Phụ lục chỉ tiêu", "STT\tChỉ tiêu\tĐơn vị\tNăm 2025",
                                   "1\tTốc độ tăng trưởng GRDP\t%\t7,5\t≥ 8", "2\tTỷ lệ đô thị hóa\t%\t45"};
  EXPECT_EQ(doc.source.lines, want);
  EXPECT_FALSE(doc.figures.empty());
}

// ---- Lines -------------------------------------------------------------------

TEST(DocumentLines, CleanLineKeepsTextAndReplacesControlsAndBrokenBytes) {
  EXPECT_EQ(clean_line("Tăng\t7,5% — “đạt”"), "Tăng\t7,5% — “đạt”");
  EXPECT_EQ(clean_line(std::string("a\0b\x7F" "c\x0B" "d\f", 8)), "a b c d ");
  EXPECT_EQ(clean_line("x\xC3" "y"), "x\xEF\xBF\xBD" "y");         // a lead byte without its continuation
  EXPECT_EQ(clean_line("đạt \xE1\xBB"), "đạt \xEF\xBF\xBD");        // cut at the end of the line
  EXPECT_EQ(clean_line("\xFF\xFE" "ab"), "\xEF\xBF\xBD\xEF\xBF\xBD" "ab");
  EXPECT_EQ(clean_line(""), "");
}

// ---- Markdown ---------------------------------------------------------------

TEST_F(OfficeFormats, MarkdownMarksAreRemovedLineForLine) {
  EXPECT_EQ(markdown_line_text("## **Mục tiêu** đến năm 2030"), "Mục tiêu đến năm 2030");
  EXPECT_EQ(markdown_line_text("**Lưu ý: **Tỷ lệ đạt 45%"), "Lưu ý: Tỷ lệ đạt 45%");
  EXPECT_EQ(markdown_line_text("Xem [Nghị quyết 11](https://x.vn/a) và ![ảnh](a.png)"),
            "Xem Nghị quyết 11 và ảnh");
  EXPECT_EQ(markdown_line_text("*Ghi chú* 5 * 3 và 12\\*"), "Ghi chú 5 * 3 và 12*");
  EXPECT_EQ(markdown_line_text("* mục một"), "* mục một");
  EXPECT_EQ(markdown_line_text("Số: ______ __đậm__"), "Số: ______ đậm");
  EXPECT_EQ(markdown_line_text("| Chỉ tiêu | **45%** |"), "| Chỉ tiêu | 45% |");
  // Text between marks is copied in runs: what stands after a run still counts.
  EXPECT_EQ(markdown_line_text("Tỷ lệ hộ nghèo giảm còn dưới **1%** (__năm__ 2030) `x` \\[y\\]!"),
            "Tỷ lệ hộ nghèo giảm còn dưới 1% (năm 2030) x [y]!");
  EXPECT_TRUE(is_markdown_name("a/B.MD"));
  EXPECT_FALSE(is_markdown_name("a.txt"));
}

TEST_F(OfficeFormats, MarkdownGivesTheFiguresOfItsText) {
  for (const fs::path& txt : corpus_documents()) {
    SCOPED_TRACE(txt.filename().string());
    ExtractedDocument text = extract(txt);
    std::string md;
    for (size_t i = 0; i < text.source.lines.size(); ++i) {
      const std::string& l = text.source.lines[i];
      if (l.find_first_not_of(" \t") == std::string::npos || l.find_first_of("*_[]`\\#") != std::string::npos) {
        md += l;
      } else if (i % 4 == 1) {
        md += "**" + l + "**";
      } else if (i % 4 == 2) {
        md += "[" + l + "](https://vanban.example/" + std::to_string(i) + ")";
      } else {
        md += l;
      }
      md += "\n";
    }
    fs::path path = dir_ / (txt.stem().string() + ".md");
    spit(path, md);
    ExtractedDocument doc = extract(path);
    EXPECT_EQ(doc.source.format, "markdown");
    EXPECT_EQ(doc.source.lines.size(), text.source.lines.size());
    EXPECT_SAME_FIGURES(text, doc);
    expect_quotes_on_their_lines(doc);
    ASSERT_EQ(doc.source.sources.size(), doc.source.lines.size());
    for (size_t i = 0; i < doc.source.sources.size(); ++i) {
      const LineSource& src = doc.source.sources[i];
      EXPECT_EQ(src.line, i + 1);
      std::string file_line = md.substr(src.begin, src.end - src.begin);
      EXPECT_EQ(markdown_line_text(file_line), doc.source.lines[i]) << "line " << i + 1;
    }
  }
}

// ---- a folder with every kind of file ------------------------------------------

TEST_F(OfficeFormats, AFolderWalkCountsStoredAlreadySkippedAndFailed) {
  std::vector<fs::path> seeds = corpus_documents();
  ASSERT_GE(seeds.size(), 3u);
  fs::path in = dir_ / "archive";
  fs::create_directories(in / "sub");
  fs::create_directories(in / ".git");
  fs::copy_file(seeds[0], in / "a.txt");
  fs::copy_file(seeds[0], in / "sub/a-copy.txt");  // the same bytes: already stored
  ExtractedDocument second = extract(seeds[1]);
  spit(in / "b.doc", maker::word97_doc(second.source.lines));
  spit(in / "c.htm", portal_page(extract(seeds[2]).source.lines));
  spit(in / "tool", std::string("\x7F" "ELF\x02\x01\x01", 7) + std::string(200, '\0'));  // an executable
  spit(in / "data.bin", std::string("\x01\x02\0\0\xFF", 5) + std::string(100, '\x03'));  // binary data
  std::string error;
  ASSERT_TRUE(maker::write_zip({{"readme.txt", "xin chào"}}, (in / "bundle.zip").string(), &error)) << error;
  spit(in / "logo.gif", "GIF89a" + std::string(64, '\0'));
  spit(in / "gold.jsonl", "{\"doc\": \"a.txt\", \"line\": 3, \"quote\": \"45%\"}\n");  // data, not a document
  spit(in / ".DS_Store", std::string(16, '\0'));
  spit(in / ".git/config", "[core]\n");
  spit(in / "empty.txt", "");                              // a broken document: failed
  spit(in / "cut.pdf", "%PDF-1.7\n1 0 obj\n<< /Type");     // a truncated PDF: failed

  std::unique_ptr<Store> store;
  ASSERT_TRUE(Store::Open((dir_ / "t.db").string(), OpenMode::kCreate, &store).ok());
  std::vector<FileOutcome> outcomes;
  IngestTotals totals;
  Status st = ingest_paths(default_lexicon(), store.get(), {in.string()}, "",
                           [&](const FileOutcome& o) { outcomes.push_back(o); }, &totals);
  std::string all;
  for (const FileOutcome& o : outcomes)
    all += fs::path(o.path).filename().string() + " " + std::to_string(static_cast<int>(o.result)) + " " +
           o.error.message() + "\n";
  EXPECT_EQ(totals.stored, 3) << all;
  EXPECT_EQ(totals.already_stored, 1) << all;
  EXPECT_EQ(totals.skipped, 7) << all;  // tool, data.bin, bundle.zip, logo.gif, gold.jsonl, .DS_Store, .git
  EXPECT_EQ(totals.failed, 2) << all;   // empty.txt, cut.pdf
  EXPECT_EQ(outcomes.size(), 13u) << all;
  EXPECT_FALSE(st.ok());  // the two failures make the batch's status
  auto reason = [&](const std::string& name) {
    for (const FileOutcome& o : outcomes)
      if (fs::path(o.path).filename() == name) return o.error.message();
    return std::string("(no outcome)");
  };
  EXPECT_NE(reason("tool").find("executable"), std::string::npos);
  EXPECT_NE(reason("data.bin").find("binary content"), std::string::npos);
  EXPECT_NE(reason("bundle.zip").find("ZIP archive"), std::string::npos);
  EXPECT_NE(reason("logo.gif").find("GIF"), std::string::npos);
  EXPECT_NE(reason("gold.jsonl").find("JSON data"), std::string::npos);
  EXPECT_EQ(reason(".DS_Store"), "hidden file");
  EXPECT_EQ(reason(".git"), "hidden directory (not walked)");
  EXPECT_EQ(reason("empty.txt"), "empty file");

  // Named one by one, a file that is no document is a failure: it was asked for.
  std::vector<FileOutcome> named;
  st = ingest_paths(default_lexicon(), store.get(), {(in / "tool").string()}, "",
                    [&](const FileOutcome& o) { named.push_back(o); }, &totals);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].result, FileResult::kFailed);
  EXPECT_EQ(totals.failed, 1);

  std::vector<StoredDocument> docs;
  ASSERT_TRUE(store->documents(&docs).ok());
  std::vector<std::string> formats;
  for (const StoredDocument& d : docs) formats.push_back(d.format + (d.converted_by.empty() ? "" : "+"));
  std::sort(formats.begin(), formats.end());
  EXPECT_EQ(formats, (std::vector<std::string>{"doc+", "html+", "text"}));
}

}  // namespace
}  // namespace chitieu
