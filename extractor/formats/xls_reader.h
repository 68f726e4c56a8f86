// Excel 97-2003 .xls read by Debian's catdoc package: the file goes to
// `xls2csv -d utf-8 -q 0 -c TAB` through external_program.h (a private copy,
// no shell, 60 s at most), and each line of its output — a row, cells
// separated by tabs, the shape table_grid.h reads — is a stored line. The
// stored line numbers are those of the converted text; `converted_by` names
// the program and its version. xls2csv gives no sheet names: sheets are
// separated by a blank line. A number cell's decimal point becomes a comma
// ("45.5" → "45,5"), as the .xlsx reader writes it.
#ifndef CHITIEU_EXTRACTOR_FORMATS_XLS_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_XLS_READER_H_

#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

// Errors: "xls2csv could not be run (…)", "xls2csv failed (exit N): …",
// "xls2csv: no answer within 60 s (stopped)", "xls2csv crashed (signal N)".
Status read_xls(std::string_view bytes, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_XLS_READER_H_
