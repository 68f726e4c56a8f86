// The comparison's HTML and XLSX reports, on a Comparison built by hand: the
// quote highlighted in its own panel (code point offsets, quotes spanning
// lines, raw versus repaired), every byte of document text escaped, and a
// workbook that is a valid zip with the sheets and text it should have.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <string>

#include "compare/html_report.h"
#include "compare/xlsx_report.h"
#include "extractor/ocr_number_repair.h"
#include "extractor/text_repair.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

constexpr char kScriptLine[] = "Ghi chú: <script>alert(1)</script> & 'trích'";
constexpr char kImgLine[] = "\"><img src=x onerror=alert(1)> Tỷ lệ đô thị hóa năm 2030";
constexpr char kHostileIndicator[] = "Tỷ lệ <script>alert(2)</script>";

StoredDocument document(int64_t id, const std::string& name, const std::string& date) {
  StoredDocument d;
  d.id = id;
  d.file_name = name;
  d.path = "corpus/" + name;
  d.sha256 = std::string(64, id == 1 ? 'a' : 'b');
  d.header.type = "Nghị quyết";
  d.header.date = date;
  return d;
}

// A figure quoting `quote`, found on `raw` (its first line) at the quote's
// first occurrence; the quote may continue on `line + 1`.
StoredFigure figure(int64_t id, int64_t doc, uint32_t line, const std::string& raw, const std::string& quote,
                    const std::string& indicator) {
  StoredFigure sf;
  sf.id = id;
  sf.document_id = doc;
  sf.document = doc == 1 ? "nq-2020.txt" : "nq-2025.txt";
  Figure& f = sf.figure;
  f.line = f.line_end = f.number_line = line;
  size_t at = raw.find(quote);
  f.char_start = code_points_before(raw, at);
  f.char_end = code_points_before(raw, at + quote.size());
  f.quote = quote;
  f.indicator = IndicatorName{"", indicator};
  f.comparator = Comparator::kAtLeast;
  f.low = f.high = 45;
  f.unit = "%";
  f.unit_text = "%";
  f.number_text = "45";
  f.year = "2030";
  f.kind = FigureKind::kTarget;
  return sf;
}

SourceLine line(const std::string& raw) { return {raw, repair_line(raw).text}; }

struct Fixture {
  Comparison c;
  SourceLines lines;
};

// Document 1 says "≥ 45%" (line 3) with markup on the lines around it and a
// decomposed "á" before the quote, so raw and repaired differ in length;
// document 2 says 50%, its quote running from line 10 onto line 11.
Fixture make_fixture() {
  Fixture fx;
  Comparison& c = fx.c;
  c.documents = {document(1, "nq-2020.txt", "2020-10-01"), document(2, "nq-2025.txt", "2025-10-01")};
  c.columns = {Column::Document(0), Column::Document(1)};
  c.document_column = {{1, 0}, {2, 1}};

  const std::string l3 = "Tỷ lệ đô thị hoa\xCC\x81 đạt trên 45% vào năm 2030.";
  fx.lines[{1, 1}] = line("NGHỊ QUYẾT");
  fx.lines[{1, 2}] = line(kScriptLine);
  fx.lines[{1, 3}] = line(l3);
  fx.lines[{1, 4}] = line(kImgLine);
  fx.lines[{1, 5}] = line("Dòng 5");
  fx.lines[{1, 6}] = line("Dòng 6 nằm ngoài ngữ cảnh");
  StoredFigure a = figure(101, 1, 3, l3, "trên 45%", "Tỷ lệ đô thị hóa");

  const std::string l10 = "Phấn đấu tỷ lệ đô thị hóa đạt khoảng";
  const std::string l11 = "50% vào năm 2030.";
  fx.lines[{2, 9}] = line("Mục tiêu:");
  fx.lines[{2, 10}] = line(l10);
  fx.lines[{2, 11}] = line(l11);
  StoredFigure b = figure(102, 2, 10, l10, "khoảng", "tỉ lệ đô thị hoá");
  b.figure.line_end = 11;
  b.figure.number_line = 11;
  b.figure.char_end = code_points_before(l11, 3);  // "50%"
  b.figure.quote = "khoảng\n50%";
  b.figure.low = b.figure.high = 50;
  b.figure.number_text = "50";
  b.figure.comparator = Comparator::kApprox;

  ComparisonRow urban;
  urban.indicator_id = "urbanization-rate";
  urban.indicator = "Tỷ lệ đô thị hóa";
  urban.match_method = "catalogue";
  urban.year = "2030";
  urban.unit = "percent; percent/year";
  urban.cells.resize(2);
  urban.cells[0].figures.push_back(a);
  urban.cells[1].figures.push_back(b);
  urban.disagreement = true;
  urban.disagreement_reasons = {"value: ≥ 45% (D1:3) vs ~50% (D2:11)"};
  c.rows.push_back(urban);

  ComparisonRow hostile;
  hostile.indicator_id = "auto:script";
  hostile.indicator = kHostileIndicator;
  hostile.match_method = "fingerprint";
  hostile.year = "2030";
  hostile.cells.resize(2);
  StoredFigure h = figure(103, 1, 4, kImgLine, "Tỷ lệ", kHostileIndicator);
  hostile.cells[0].figures.push_back(h);
  c.rows.push_back(hostile);

  AuditFinding finding;
  finding.check = "range-order";
  finding.passed = false;
  finding.message = "bounds out of order: 9 - 7 <b>%</b>";
  finding.figure_ids = {101, 999};
  c.findings.push_back(finding);
  return fx;
}

// The text of the element starting at `open` up to its closing tag.
std::string element(const std::string& html, const std::string& open, const std::string& close) {
  size_t at = html.find(open);
  if (at == std::string::npos) return "";
  size_t end = html.find(close, at);
  return html.substr(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST(ReportHtml, EscapesTheFiveCharacters) {
  EXPECT_EQ(html_escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  EXPECT_EQ(html_escape("Tỷ lệ"), "Tỷ lệ");
}

TEST(ReportHtml, HighlightsTheQuoteInItsOwnPanel) {
  Fixture fx = make_fixture();
  std::string html = render_html(fx.c, fx.lines);

  std::string p1 = element(html, "<aside class=\"panel\" id=\"fig-101\"", "</aside>");
  ASSERT_FALSE(p1.empty());
  // Code point offsets past "ỷ", "ệ", "ô", "ị" and a decomposed "á": the mark
  // covers exactly the quote, in the raw column and in the repaired one.
  EXPECT_EQ(count(p1, "<mark>trên 45%</mark>"), 2u) << p1;
  EXPECT_NE(p1.find("<tr class=\"hit changed\" data-line=\"3\">"), std::string::npos) << p1;
  // Context: lines 1..5, not 6.
  EXPECT_NE(p1.find("data-line=\"1\""), std::string::npos);
  EXPECT_NE(p1.find("data-line=\"5\""), std::string::npos);
  EXPECT_EQ(p1.find("data-line=\"6\""), std::string::npos);
  EXPECT_NE(p1.find("nq-2020.txt · line 3"), std::string::npos);
  EXPECT_EQ(p1.find("50%"), std::string::npos);

  // A quote spanning two lines is marked on both, up to its end on the second.
  std::string p2 = element(html, "<aside class=\"panel\" id=\"fig-102\"", "</aside>");
  ASSERT_FALSE(p2.empty());
  EXPECT_EQ(count(p2, "<mark>khoảng</mark>"), 2u) << p2;
  EXPECT_EQ(count(p2, "<mark>50%</mark> vào năm 2030."), 2u) << p2;
  EXPECT_EQ(p2.find("45%"), std::string::npos);

  // One click: the cell's figure links to its panel, which CSS opens on :target.
  std::string one_cell =
      html_escape(format_cell(fx.c, ComparisonCell{{fx.c.rows[0].cells[0].figures[0]}}));
  EXPECT_NE(html.find("<a class=\"fig\" href=\"#fig-101\">" + one_cell + "</a>"), std::string::npos);
  EXPECT_NE(html.find(".panel:target{display:block}"), std::string::npos);
}

TEST(ReportHtml, MarksFiguresToCheckAgainstTheScan) {
  Fixture fx = make_fixture();
  // Document 2 is a scan: Tesseract wrote "12. 800", the number was repaired.
  const std::string raw = "Tổng thu ngân sách đạt 12. 800 tỷ đồng.";
  RepairedLine repaired = repair_line(raw);
  repair_ocr_numbers(&repaired);
  fx.lines[{2, 20}] = {raw, repaired.text};
  StoredFigure s = figure(104, 2, 20, raw, "12. 800 tỷ đồng", "Tổng thu ngân sách");
  s.figure.warnings = {{WarningCode::kOcrNumberRepaired, "12. 800", "20"},
                       {WarningCode::kOcrLowConfidenceDigits, "41", "20"}};
  ComparisonRow revenue;
  revenue.indicator_id = "budget-revenue";
  revenue.indicator = "Tổng thu ngân sách";
  revenue.year = "2030";
  revenue.cells.resize(2);
  revenue.cells[1].figures.push_back(s);
  fx.c.rows.push_back(revenue);
  std::string html = render_html(fx.c, fx.lines);

  // The cell says to check the scan, and why.
  std::string cell = element(html, "<a class=\"fig\" href=\"#fig-104\">", "</a>");
  EXPECT_NE(cell.find("⚠ OCR"), std::string::npos) << cell;
  EXPECT_NE(cell.find("number repaired from &quot;12. 800&quot; on line 20"), std::string::npos) << cell;
  // Its panel lists each warning, and marks the quote in the raw line and in
  // the repaired one, whose length differs.
  std::string panel = element(html, "<aside class=\"panel\" id=\"fig-104\"", "</aside>");
  EXPECT_NE(panel.find("⚠ ocr: number repaired from &quot;12. 800&quot; on line 20; check it on the scan"),
            std::string::npos)
      << panel;
  EXPECT_NE(panel.find("⚠ ocr: the number&#39;s digits read with low confidence (41) on line 20"), std::string::npos)
      << panel;
  EXPECT_NE(panel.find("<mark>12. 800 tỷ đồng</mark>"), std::string::npos) << panel;
  EXPECT_NE(panel.find("<mark>12.800 tỷ đồng</mark>"), std::string::npos) << panel;
  // Figures not read from a scan carry no mark.
  EXPECT_EQ(element(html, "<a class=\"fig\" href=\"#fig-101\">", "</a>").find("OCR"), std::string::npos);
}

TEST(ReportHtml, FlagsDisagreementsAndListsFindings) {
  Fixture fx = make_fixture();
  std::string html = render_html(fx.c, fx.lines);
  std::string row = element(html, "<tr class=\"row disagree\"", "</tr>");
  ASSERT_FALSE(row.empty());
  EXPECT_NE(row.find("urbanization-rate"), std::string::npos);
  // Each reason on a line of its own; a few are shown, more fold behind a click.
  EXPECT_NE(row.find("⚠ disagreement</div><ul class=\"reasons\"><li>value: ≥ 45% (D1:3) vs ~50% (D2:11)</li></ul>"),
            std::string::npos)
      << row;
  EXPECT_EQ(row.find("<details"), std::string::npos);
  fx.c.rows[0].disagreement_reasons = {"2030: 1 vs 2", "2030: 1 vs 3", "2030: 2 vs 3"};
  std::string folded = element(render_html(fx.c, fx.lines), "<tr class=\"row disagree\"", "</tr>");
  EXPECT_NE(folded.find("<details class=\"reasons\"><summary class=\"flag\">⚠ disagreement: 3 differences</summary>"
                        "<ul class=\"reasons\"><li>2030: 1 vs 2</li><li>2030: 1 vs 3</li><li>2030: 2 vs 3</li></ul></details>"),
            std::string::npos)
      << folded;
  // The search box reads every wording behind the row.
  EXPECT_NE(row.find("tỉ lệ đô thị hoá"), std::string::npos);

  std::string findings = element(html, "<section id=\"findings\"", "</section>");
  EXPECT_NE(findings.find("range-order"), std::string::npos);
  EXPECT_NE(findings.find("✗ failed"), std::string::npos);
  EXPECT_NE(findings.find("<a href=\"#fig-101\">figure D1:3</a>"), std::string::npos);
  EXPECT_NE(findings.find("figure #999"), std::string::npos);  // not in the table: no link
}

TEST(ReportHtml, DocumentTextNeverBecomesMarkup) {
  Fixture fx = make_fixture();
  fx.c.documents[0].file_name = "<i>nq</i>.txt";
  fx.c.documents[0].header.title = "\"><script>alert(3)</script>";
  std::string html = render_html(fx.c, fx.lines);

  // The only script is the report's own, and nothing of a document's is a tag.
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("onerror=alert(1)>"), std::string::npos);
  // ... and it is all there as text.
  EXPECT_NE(html.find("Ghi chú: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;trích&#39;"),
            std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("Tỷ lệ &lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;nq&lt;/i&gt;.txt"), std::string::npos);
  EXPECT_NE(html.find("9 - 7 &lt;b&gt;%&lt;/b&gt;"), std::string::npos);
  // Highlighting a hostile line escapes around the mark, too.
  std::string p3 = element(html, "<aside class=\"panel\" id=\"fig-103\"", "</aside>");
  EXPECT_NE(p3.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; <mark>Tỷ lệ</mark> đô thị"),
            std::string::npos)
      << p3;
  // Were anything to slip through, the policy runs only the report's script.
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"),
            std::string::npos);
  EXPECT_EQ(html.find("unsafe-inline"), std::string::npos);
}

std::string zip_entry(zip_t* z, const char* name) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0) return "";
  zip_file_t* f = zip_fopen(z, name, 0);
  if (f == nullptr) return "";
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  out.resize(n < 0 ? 0 : size_t(n));
  return out;
}

TEST(ReportXlsx, WritesAFormattedWorkbook) {
  Fixture fx = make_fixture();
  fs::path path = fs::path(testing::TempDir()) / "report_test.xlsx";
  fs::remove(path);
  Status st = write_xlsx(fx.c, path.string());
  ASSERT_TRUE(st.ok()) << st.message();

  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  ASSERT_NE(z, nullptr) << "not a valid zip, libzip error " << err;
  std::string sheet1 = zip_entry(z, "xl/worksheets/sheet1.xml");
  std::string sheet3 = zip_entry(z, "xl/worksheets/sheet3.xml");
  std::string strings = zip_entry(z, "xl/sharedStrings.xml");
  std::string workbook = zip_entry(z, "xl/workbook.xml");
  std::string styles = zip_entry(z, "xl/styles.xml");
  zip_close(z);

  ASSERT_FALSE(sheet1.empty());
  // Frozen header row (and the indicator column), a filter, set widths.
  EXPECT_NE(sheet1.find("ySplit=\"1\""), std::string::npos) << sheet1;
  EXPECT_NE(sheet1.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet1.find("<autoFilter"), std::string::npos);
  EXPECT_NE(sheet1.find("<cols>"), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Comparison\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Findings\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Figures\""), std::string::npos);
  // The text: the indicator, the cell as format_cell writes it, the quote;
  // markup from a document is XML-escaped text.
  EXPECT_NE(strings.find("Tỷ lệ đô thị hóa"), std::string::npos);
  EXPECT_NE(strings.find(format_cell(fx.c, fx.c.rows[0].cells[0])), std::string::npos);
  EXPECT_NE(strings.find("trên 45%"), std::string::npos);
  // The comparison carries the unit of each row.
  EXPECT_NE(strings.find("percent; percent/year"), std::string::npos);
  EXPECT_NE(strings.find("Tỷ lệ &lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(strings.find("<script>"), std::string::npos);
  // Bold header, highlighted disagreement rows.
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  EXPECT_NE(styles.find("FFFFD7D5"), std::string::npos);
  // Figures: one row per figure plus the header.
  EXPECT_EQ(count(sheet3, "<row "), 4u) << sheet3;
}

TEST(ReportXlsx, ReportsAnUnwritablePath) {
  Fixture fx = make_fixture();
  Status st = write_xlsx(fx.c, "/nonexistent-dir/report.xlsx");
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent-dir/report.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace chitieu
