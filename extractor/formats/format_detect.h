// Telling formats apart by content, never by file name.
//
// Archives mislabel files: a ".pdf" that is a text export, a ".doc" that is
// really a .docx, a scan saved as ".txt". The first bytes decide; for a ZIP
// container its central directory (a .docx has word/ parts, a .xlsx has xl/)
// and an OpenDocument's `mimetype` entry; for an OLE compound file the names
// of its streams (a Word 97 .doc has "WordDocument", an .xls "Workbook" or
// "Book"). A web page opens with a doctype or <html> after an optional BOM and
// white space. Markdown is plain text by content: text_formats.h reads it as
// Markdown when its name says so.
// Anything not recognised as binary is text; the text reader then rejects
// what is not (NUL bytes, control characters, invalid encodings).
#ifndef CHITIEU_EXTRACTOR_FORMATS_FORMAT_DETECT_H_
#define CHITIEU_EXTRACTOR_FORMATS_FORMAT_DETECT_H_

#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

enum class FileFormat {
  kText,
  kPdf,
  kDocx,
  kDoc,          // Word 97-2003 (OLE, "WordDocument" stream)
  kXls,          // Excel 97-2003 (OLE, "Workbook" or "Book" stream)
  kRtf,
  kXlsx,
  kOds,
  kHtml,
  kImage,        // PNG, JPEG or TIFF, read by OCR: `name` says which
  kUnsupported,  // a known format chitieu does not read: `name` says which
  kCorrupt,      // a container that cannot be opened: `name` says why
};

struct DetectedFormat {
  FileFormat format = FileFormat::kText;
  // "text", "pdf", "docx", "doc", "xls", "rtf", "xlsx", "ods", "html", "PNG image"…; for kUnsupported what the file is ("OLE compound
  // file (.doc/.xls)"); for kCorrupt the one-line reason.
  std::string name;
};

DetectedFormat detect_format(std::string_view bytes);

// The names of the entries in an OLE compound file's directory ("Root Entry",
// "WordDocument", "1Table"…). False when `bytes` is no readable OLE file.
bool ole_stream_names(std::string_view bytes, std::vector<std::string>* names);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_FORMAT_DETECT_H_
