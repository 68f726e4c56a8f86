// Web pages read by libxml2's HTML parser into the page's main text.
//
// The page is parsed as a browser would (implied and unclosed tags repaired,
// entities decoded); then only its main text is kept: the <main> element (or
// role="main") when there is one, else its <article>s, else the <body>,
// without scripts, styles, forms, navigation, headers, footers and asides
// (by element, by ARIA role, or by a class or id that names a menu, a
// breadcrumb trail, a sidebar…). Each block (paragraph, heading, list item,
// div) is a line; a data table is one line per row with its cells separated by
// tabs (the tab shape of table_grid.h; a cell spanning columns is followed by
// empty cells); a layout table — one holding another table — is read as
// blocks.
//
// Provenance: each stored line keeps the file line and byte range of the text
// it was read from (DocumentLines::sources), found by locating each run of
// text the parser reports at its place in the file. A page that is not UTF-8
// is decoded by libxml2 from its declared charset; its byte ranges then refer
// to the decoded text and only its line numbers are the file's.
#ifndef CHITIEU_EXTRACTOR_FORMATS_HTML_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_HTML_READER_H_

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

// Largest page read (inline images make pages large; the parser's tree takes
// several times the page).
inline constexpr uint64_t kMaxHtmlBytes = 64ull << 20;

// Errors: "html: cannot parse", "html without text", "web page too large (…)".
Status read_html(std::string_view bytes, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_HTML_READER_H_
