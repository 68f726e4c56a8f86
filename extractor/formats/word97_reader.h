// Word 97-2003 .doc read directly: the main document's text through the
// file's piece table.
//
// The OLE container (ole_file.h) holds the WordDocument stream with its FIB,
// and the table stream ("0Table" or "1Table") with the piece table (Clx) that
// says where each run of the text is and whether it is stored as UTF-16 or as
// Windows-1252 bytes. Only the main document is read (its first ccpText
// characters): footnotes, headers and comments follow it and are left out.
// Word's marks become lines: a paragraph mark, a line break or a page break
// ends a line; a table cell mark separates cells with a tab and a row's end
// mark ends the row's line (the tab shape table_grid.h reads); field codes
// are left out and their results kept; drawn objects and footnote marks go.
// Limits: a cell of several paragraphs is split over lines, and an empty last
// cell of a table's first row is read as the row's end (the paragraph
// properties that mark a row's end are not read).
//
// Why not a program: antiword crashed on about half of the runs on the same
// test file and dropped a 600-character paragraph; catdoc's -w mode garbled
// the end of a long document and its wrapping mode dropped text. Word 6/95
// files (no piece table in a table stream) are refused as unsupported.
#ifndef CHITIEU_EXTRACTOR_FORMATS_WORD97_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_WORD97_READER_H_

#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

// Errors: "corrupt .doc: …", "corrupt OLE compound file (…)", "encrypted
// .doc", "unsupported format: Word 6/95 .doc".
Status read_word97(std::string_view bytes, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_WORD97_READER_H_
