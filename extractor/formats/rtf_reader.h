// RTF read directly: the text of the document body as lines.
//
// Each paragraph (\par, \line, \sect, \page) ends a line; a table row (\row)
// is one line with its cells (\cell) separated by tabs, the tab shape
// table_grid.h reads, paragraphs inside a cell joined by spaces. Characters
// come from \uN (skipping its \ucN fallback characters), from \'hh bytes and
// plain bytes in the document's code page (\ansicpg, by iconv), and from the
// named symbols (\emdash, \lquote…). Destinations that are not body text are
// left out: font, colour and style tables, document info, pictures, objects,
// headers, footers, footnotes, field instructions and every {\* …} group.
//
// Why not catdoc, measured first: it ignores \uc1, which Word writes in
// every RTF, and so puts a "?" after every Vietnamese letter ("Đ?ại h?ội").
//
// Provenance: RTF is text, so each stored line keeps the file line and byte
// range of the characters it was read from (DocumentLines::sources).
#ifndef CHITIEU_EXTRACTOR_FORMATS_RTF_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_RTF_READER_H_

#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

// Errors: "rtf: groups nested too deeply", "rtf without text".
Status read_rtf(std::string_view bytes, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_RTF_READER_H_
