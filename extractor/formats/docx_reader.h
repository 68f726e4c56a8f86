// Reading a Word .docx (Office Open XML) into lines.
//
// The main document part (found through _rels/.rels, usually
// word/document.xml) is read in document order: each paragraph is a line (a
// manual line break inside it starts another), each table cell is a line of
// its own, row after row — the "one cell per line" shape table_reader.h reads.
// Deleted and moved-away revisions, field codes, drawings and tab stop
// definitions are not text and are left out; running headers and footers live
// in other parts and are never read.
//
// Pages are known only when Word recorded where it broke them
// (w:lastRenderedPageBreak); otherwise `pages` stays empty.
//
// A .docx is untrusted input: every part read is decompressed with a size cap,
// so a zip bomb is refused after reading at most the cap, never held whole.
#ifndef CHITIEU_EXTRACTOR_FORMATS_DOCX_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_DOCX_READER_H_

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"
#include "extractor/formats/zip_parts.h"

namespace chitieu {

// Largest decompressed size of one part, and of all parts read together.
inline constexpr uint64_t kMaxDocxPartBytes = kMaxZipPartBytes;
inline constexpr uint64_t kMaxDocxTotalBytes = kMaxZipTotalBytes;

// Errors: "corrupt docx: …", "docx without word/document.xml", "encrypted
// docx entry", "zip entry too large (possible zip bomb)".
Status read_docx(std::string_view bytes, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_DOCX_READER_H_
