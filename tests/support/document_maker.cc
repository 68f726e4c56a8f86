#include "support/document_maker.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>

namespace chitieu::maker {
namespace {

std::string replace_number(const std::string& pattern, int n) {
  std::string out = pattern;
  size_t at = out.find("%d");
  if (at != std::string::npos) out.replace(at, 2, std::to_string(n));
  return out;
}

class PdfWriter {
 public:
  PdfWriter(const PdfLayout& layout, const std::string& path) : layout_(layout) {
    surface_ = cairo_pdf_surface_create(path.c_str(), layout.page_width, layout.page_height);
    cr_ = cairo_create(surface_);
    font_ = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_size(font_, static_cast<int>(layout.font_size * PANGO_SCALE));
  }
  ~PdfWriter() {
    pango_font_description_free(font_);
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }

  void paragraph(const std::string& text) {
    if (page_ == 0) new_page();
    if (text.find_first_not_of(" \t") == std::string::npos) {
      y_ += layout_.font_size * 0.6;
      return;
    }
    PangoLayout* lay = make_layout(text, layout_.page_width - 2 * layout_.margin);
    int n = pango_layout_get_line_count(lay);
    for (int i = 0; i < n; ++i) {
      PangoLayoutLine* line = pango_layout_get_line_readonly(lay, i);
      PangoRectangle ink, logical;
      pango_layout_line_get_extents(line, &ink, &logical);
      double height = logical.height / static_cast<double>(PANGO_SCALE);
      if (y_ + height > body_bottom()) new_page();
      cairo_move_to(cr_, layout_.margin, y_ - logical.y / static_cast<double>(PANGO_SCALE));
      pango_cairo_show_layout_line(cr_, line);
      y_ += height;
    }
    g_object_unref(lay);
  }

  bool finish(std::string* error) {
    if (page_ == 0) new_page();
    cairo_show_page(cr_);
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    cairo_status_t st = cairo_surface_status(surface_);
    if (st != CAIRO_STATUS_SUCCESS) {
      *error = cairo_status_to_string(st);
      return false;
    }
    return true;
  }

 private:
  double body_top() const { return layout_.margin + 2 * layout_.font_size; }
  double body_bottom() const { return layout_.page_height - layout_.margin; }

  PangoLayout* make_layout(const std::string& text, double width) {
    PangoLayout* lay = pango_cairo_create_layout(cr_);
    pango_layout_set_font_description(lay, font_);
    pango_layout_set_width(lay, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(lay, text.data(), static_cast<int>(text.size()));
    return lay;
  }

  void show_at(const std::string& text, double y, bool centred) {
    PangoLayout* lay = make_layout(text, layout_.page_width - 2 * layout_.margin);
    if (centred) pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
    cairo_move_to(cr_, layout_.margin, y);
    pango_cairo_show_layout(cr_, lay);
    g_object_unref(lay);
  }

  void new_page() {
    if (page_ > 0) cairo_show_page(cr_);
    ++page_;
    if (!layout_.running_header.empty()) show_at(layout_.running_header, layout_.margin - 24, true);
    if (!layout_.page_number.empty()) {
      show_at(replace_number(layout_.page_number, page_), body_bottom() + 12, true);
    }
    y_ = body_top();
  }

  PdfLayout layout_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoFontDescription* font_ = nullptr;
  int page_ = 0;
  double y_ = 0;
};


// Text as Word writes it: runs of limited length (cut anywhere, even inside a
// word, as spelling marks and bookmarks cut them), tabs as w:tab.
std::string runs(const std::string& text) {
  std::string out;
  size_t i = 0, cut = 0;
  int run_no = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + 37 + (run_no % 5) * 11);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    std::string piece = text.substr(i, end - i);
    out += run_no % 3 == 1 ? "<w:r><w:rPr><w:b/></w:rPr>" : "<w:r>";
    size_t start = 0;
    for (size_t t = piece.find('\t'); ; t = piece.find('\t', start)) {
      std::string part = piece.substr(start, t == std::string::npos ? std::string::npos : t - start);
      if (!part.empty()) out += "<w:t xml:space=\"preserve\">" + xml_escape(part) + "</w:t>";
      if (t == std::string::npos) break;
      out += "<w:tab/>";
      start = t + 1;
    }
    out += "</w:r>";
    if (run_no % 4 == 2) out += "<w:proofErr w:type=\"spellStart\"/>";
    if (run_no % 7 == 3) out += "<w:bookmarkStart w:id=\"" + std::to_string(cut++) + "\" w:name=\"_Hlk\"/>";
    i = end;
    ++run_no;
  }
  return out;
}

std::string paragraph_xml(const std::string& text) {
  return "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"567\"/></w:tabs></w:pPr>" + runs(text) +
         "</w:p>";
}

}  // namespace

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no other control characters than tab and line ends.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

bool write_text_pdf(const std::vector<std::string>& paragraphs, const PdfLayout& layout,
                    const std::string& path, std::string* error) {
  PdfWriter w(layout, path);
  for (const std::string& p : paragraphs) w.paragraph(p);
  return w.finish(error);
}

bool write_table_pdf(const std::string& title, const std::vector<std::vector<std::string>>& rows,
                     const std::vector<double>& column_widths, const std::string& path, std::string* error) {
  constexpr double kLeft = 56, kPadding = 9, kFontSize = 10;
  cairo_surface_t* s = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(s);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_size(font, static_cast<int>(kFontSize * PANGO_SCALE));
  auto show = [&](const std::string& text, double x, double y, double width) {
    PangoLayout* lay = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(lay, font);
    pango_layout_set_width(lay, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(lay, text.data(), static_cast<int>(text.size()));
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, lay);
    int w = 0, h = 0;
    pango_layout_get_size(lay, &w, &h);
    g_object_unref(lay);
    return h / static_cast<double>(PANGO_SCALE);
  };
  double y = 60 + show(title, kLeft, 60, 595 - 2 * kLeft) + 12;
  for (const auto& row : rows) {
    double x = kLeft, height = 0;
    cairo_move_to(cr, kLeft, y - kPadding / 2);
    cairo_line_to(cr, 595 - kLeft, y - kPadding / 2);
    cairo_stroke(cr);
    for (size_t c = 0; c < row.size() && c < column_widths.size(); ++c) {
      height = std::max(height, show(row[c], x + kPadding, y, column_widths[c] - 2 * kPadding));
      x += column_widths[c];
    }
    y += height + kPadding;
  }
  pango_font_description_free(font);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) *error = cairo_status_to_string(st);
  return st == CAIRO_STATUS_SUCCESS;
}

bool write_pdf_without_text(const std::string& path, std::string* error) {
  cairo_surface_t* s = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_t* cr = cairo_create(s);
  cairo_rectangle(cr, 100, 100, 300, 200);
  cairo_fill(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) *error = cairo_status_to_string(st);
  return st == CAIRO_STATUS_SUCCESS;
}

std::string docx_document_xml(const std::string& body_xml) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<w:body>" +
         body_xml + "</w:body></w:document>";
}

bool write_docx(const std::vector<DocxBlock>& blocks, const std::string& running_header,
                const std::string& path, std::string* error) {
  std::string body;
  for (const DocxBlock& b : blocks) {
    if (b.rows.empty()) {
      body += paragraph_xml(b.paragraph);
      continue;
    }
    body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>";
    for (const auto& row : b.rows) {
      body += "<w:tr>";
      for (const std::string& cell : row) {
        body += "<w:tc><w:tcPr><w:tcW w:w=\"1500\" w:type=\"dxa\"/></w:tcPr>" + paragraph_xml(cell) + "</w:tc>";
      }
      body += "</w:tr>";
    }
    body += "</w:tbl>";
  }
  body +=
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>";
  const std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "</Types>";
  const std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  const std::string document_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdHeader\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
      "Target=\"header1.xml\"/></Relationships>";
  const std::string header =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
      paragraph_xml(running_header) + "</w:hdr>";
  return write_zip({{"[Content_Types].xml", content_types},
                    {"_rels/.rels", rels},
                    {"word/document.xml", docx_document_xml(body)},
                    {"word/_rels/document.xml.rels", document_rels},
                    {"word/header1.xml", header}},
                   path, error);
}

bool write_zip(const std::vector<std::pair<std::string, std::string>>& entries, const std::string& path,
               std::string* error) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    *error = "zip_open failed (" + std::to_string(err) + ")";
    return false;
  }
  for (const auto& [name, content] : entries) {
    // libzip reads the buffer at zip_close; `entries` outlives it.
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    if (src == nullptr || zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      *error = zip_strerror(za);
      zip_discard(za);
      return false;
    }
  }
  if (zip_close(za) != 0) {
    *error = zip_strerror(za);
    zip_discard(za);
    return false;
  }
  return true;
}

}  // namespace chitieu::maker
