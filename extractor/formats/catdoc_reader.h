// Word 97 .doc and Excel 97 .xls read by Debian's catdoc package: the file
// goes to `catdoc -w -d utf-8` (.doc) or `xls2csv -d utf-8 -q 0 -c TAB`
// (.xls) through external_program.h, and each line of the program's
// output is a stored line. The stored line numbers are therefore those of the
// converted text, and `converted_by` names the program and its version.
//
// Why catdoc (measured on .doc files made by tests/support/office_maker.h):
// antiword crashed on about half of the runs on the same file and dropped a
// 600-character paragraph; catdoc read every paragraph whole, 30 runs out of
// 30; through xls2csv it also reads .xls (without sheet names). Its RTF
// reading is not used (rtf_reader.h says why). LibreOffice headless would
// read both, but is a 300 MB install and a second per file; not installed.
#ifndef CHITIEU_EXTRACTOR_FORMATS_CATDOC_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_CATDOC_READER_H_

#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

enum class CatdocInput { kWord97, kXls };

// Errors: "catdoc could not be run (…)", "catdoc failed (exit N): …",
// "catdoc: no answer within 60 s (stopped)", "catdoc crashed (signal N)".
Status read_with_catdoc(std::string_view bytes, CatdocInput input, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_CATDOC_READER_H_
