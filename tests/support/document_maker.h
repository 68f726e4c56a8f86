// Test documents made at test time from corpus text, with the same libraries
// real producers use: a PDF with a text layer laid out by Pango and written by
// Cairo, and a Word .docx written as WordprocessingML into a ZIP by libzip.
// Nothing binary is committed; the tests build what they read.
#ifndef CHITIEU_TESTS_SUPPORT_DOCUMENT_MAKER_H_
#define CHITIEU_TESTS_SUPPORT_DOCUMENT_MAKER_H_

#include <string>
#include <utility>
#include <vector>

namespace chitieu::maker {

struct PdfLayout {
  std::string running_header;  // at the top of every page; empty for none
  // Page number at the foot of every page: "%d" is replaced by the number
  // ("%d", "- %d -", "Trang %d"); empty for none.
  std::string page_number = "%d";
  double font_size = 10;
  double page_width = 595, page_height = 842, margin = 56;  // A4, points
};

// Each paragraph is laid out wrapped to the text width, pages broken as they
// fill; an empty paragraph is a small vertical gap. Returns false and sets
// `error` on failure.
bool write_text_pdf(const std::vector<std::string>& paragraphs, const PdfLayout& layout,
                    const std::string& path, std::string* error);

// A one-page PDF with a title line and a table drawn as a word processor
// prints one: cells in columns of these widths (points), wrapped inside them,
// padded apart, rows one under the other.
bool write_table_pdf(const std::string& title, const std::vector<std::vector<std::string>>& rows,
                     const std::vector<double>& column_widths, const std::string& path, std::string* error);

// A PDF whose page has only graphics (a scan without OCR stands in).
bool write_pdf_without_text(const std::string& path, std::string* error);

struct DocxBlock {
  std::string paragraph;                       // when `rows` is empty
  std::vector<std::vector<std::string>> rows;  // a table, one vector of cells per row
};

// A .docx with `blocks` in its body and `running_header` in a header part.
// Paragraph text is split over several runs (as Word does around spelling
// marks and bookmarks) and tabs become w:tab.
bool write_docx(const std::vector<DocxBlock>& blocks, const std::string& running_header,
                const std::string& path, std::string* error);

// The WordprocessingML of a document body (`body_xml` goes inside w:body).
std::string docx_document_xml(const std::string& body_xml);

// `s` as XML character data or an attribute value: & < > " escaped, control
// characters other than tab (which XML 1.0 cannot hold) as spaces.
std::string xml_escape(const std::string& s);

// A ZIP file with these (name, content) entries, deflated.
bool write_zip(const std::vector<std::pair<std::string, std::string>>& entries, const std::string& path,
               std::string* error);

}  // namespace chitieu::maker

#endif  // CHITIEU_TESTS_SUPPORT_DOCUMENT_MAKER_H_
