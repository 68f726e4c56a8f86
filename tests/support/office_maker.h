// Office files made at test time from corpus text, for the readers of
// extractor/formats/: a Word 97 .doc (an OLE compound file holding a
// WordDocument stream with its FIB and piece table), an RTF file, an
// OpenDocument spreadsheet (.ods, by libzip) and an Excel .xlsx (by
// libxlsxwriter, as the comparison's report is written). Each is the smallest
// file its real readers accept; nothing binary is committed.
#ifndef CHITIEU_TESTS_SUPPORT_OFFICE_MAKER_H_
#define CHITIEU_TESTS_SUPPORT_OFFICE_MAKER_H_

#include <string>
#include <utility>
#include <vector>

namespace chitieu::maker {

using Rows = std::vector<std::vector<std::string>>;

// An OLE compound file with these named streams (each padded to 4 KiB so no
// mini stream is needed).
std::string ole_file(const std::vector<std::pair<std::string, std::string>>& streams);

// A Word 97 document whose paragraphs are `paragraphs` (UTF-8), then `table`
// (each cell ended by a cell mark, each row by one more), stored as UTF-16
// text in one piece.
std::string word97_doc(const std::vector<std::string>& paragraphs, const std::vector<std::vector<std::string>>& table = {});

// An RTF document: each paragraph a \par, then `table` as \trowd rows; every
// non-ASCII letter written as \uN? as Word writes Vietnamese.
std::string rtf_document(const std::vector<std::string>& paragraphs, const Rows& table);

struct Sheet {
  std::string name;
  Rows rows;  // a cell that reads as a plain number ("7.5", "120") is written as a number
};

bool write_xlsx(const std::vector<Sheet>& sheets, const std::string& path, std::string* error);

// An Excel 97 .xls (BIFF8 records in an OLE "Workbook" stream) of one sheet:
// strings in the shared string table, plain numbers as numbers.
std::string xls_workbook(const Sheet& sheet);
bool write_ods(const std::vector<Sheet>& sheets, const std::string& path, std::string* error);

}  // namespace chitieu::maker

#endif  // CHITIEU_TESTS_SUPPORT_OFFICE_MAKER_H_
