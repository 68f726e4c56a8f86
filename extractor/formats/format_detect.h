// Telling formats apart by content, never by file name.
//
// Archives mislabel files: a ".pdf" that is a text export, a ".doc" that is
// really a .docx, a scan saved as ".txt". The first bytes decide, and for a ZIP
// container its central directory (a .docx has word/ parts, a .xlsx has xl/).
// Anything not recognised as binary is text; the text reader then rejects
// what is not (NUL bytes, control characters, invalid encodings).
#ifndef CHITIEU_EXTRACTOR_FORMATS_FORMAT_DETECT_H_
#define CHITIEU_EXTRACTOR_FORMATS_FORMAT_DETECT_H_

#include <string>
#include <string_view>

namespace chitieu {

enum class FileFormat {
  kText,
  kPdf,
  kDocx,
  kImage,        // PNG, JPEG or TIFF, read by OCR: `name` says which
  kUnsupported,  // a known format chitieu does not read: `name` says which
  kCorrupt,      // a container that cannot be opened: `name` says why
};

struct DetectedFormat {
  FileFormat format = FileFormat::kText;
  // "text", "pdf", "docx", "PNG image"…; for kUnsupported what the file is ("OLE compound
  // file (.doc/.xls)"); for kCorrupt the one-line reason.
  std::string name;
};

DetectedFormat detect_format(std::string_view bytes);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_FORMAT_DETECT_H_
