// Spreadsheets (.xlsx, .ods) read as tables, in the shape table_grid.h reads:
// for each sheet a line with its name, then one line per row with the cells
// separated by tabs (empty cells kept so a cell's index is its column,
// trailing ones dropped, empty rows left out), and a blank line after the
// sheet. The stored lines are this converted text's lines; `converted_by`
// says so.
//
// Values are written as a Vietnamese reader sees them: an .ods cell's own
// display text; an .xlsx number (which the file holds bare) with a decimal
// comma, a percent format as "45,5%", a date format as "d/m/yyyy". Formulas
// give their cached result.
//
// The container is untrusted: every part is read through zip_parts.h's caps.
#ifndef CHITIEU_EXTRACTOR_FORMATS_SPREADSHEET_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_SPREADSHEET_READER_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "extractor/formats/document_lines.h"

namespace chitieu {

// Errors: "corrupt xlsx: …", "xlsx without sheets", "zip entry too large …".
Status read_xlsx(std::string_view bytes, DocumentLines* out);

// Errors: "corrupt ods: …", "ods without content.xml", "zip entry too large …".
Status read_ods(std::string_view bytes, DocumentLines* out);

// An .xlsx number as the reader sees it: 7.5 → "7,5"; `percent` 0.455 →
// "45,5%"; `date` (an Excel serial day) 45292 → "1/1/2024".
std::string spreadsheet_number(double value, bool percent, bool date);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_SPREADSHEET_READER_H_
