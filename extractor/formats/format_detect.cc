#include "extractor/formats/format_detect.h"

#include "extractor/formats/ole_file.h"
#include "extractor/formats/zip_parts.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <vector>

namespace chitieu {
namespace {

bool starts(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// "%PDF-1.7" at the start of a line in the first KiB: readers accept junk
// before the header (mail gateways and scanners prepend some), and a text file
// that merely mentions PDF does not open a line with the marker and a version.
bool looks_like_pdf(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  for (size_t at = head.find("%PDF-"); at != std::string_view::npos; at = head.find("%PDF-", at + 1)) {
    bool line_start = at == 0 || head[at - 1] == '\n' || head[at - 1] == '\r';
    std::string_view v = bytes.substr(at + 5, 3);
    bool version = v.size() == 3 && v[0] >= '1' && v[0] <= '2' && v[1] == '.' && v[2] >= '0' &&
                   v[2] <= '9';
    if (version && (line_start || at < 8)) return true;
  }
  return false;
}

// The `mimetype` entry of an OpenDocument container (a few dozen bytes; more
// is not an OpenDocument's), or "".
std::string odf_mimetype(zip_t* za) {
  zip_int64_t index = zip_name_locate(za, "mimetype", 0);
  if (index < 0) return "";
  std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0));
  if (!f) return "";
  char buf[128];
  zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
  if (n <= 0 || n == static_cast<zip_int64_t>(sizeof buf)) return "";
  std::string s(buf, static_cast<size_t>(n));
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// What a ZIP container holds, from the names in its central directory.
DetectedFormat classify_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    zip_error_fini(&error);
    return {FileFormat::kCorrupt, "cannot read ZIP container"};
  }
  std::unique_ptr<zip_t, ZipCloser> za(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!za) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return {FileFormat::kCorrupt, "corrupt ZIP container (.docx/.zip): " + why};
  }
  zip_error_fini(&error);
  bool word = false, excel = false, powerpoint = false, odf = false;
  std::string mimetype = odf_mimetype(za.get());
  zip_int64_t n = zip_get_num_entries(za.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(za.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) continue;
    std::string_view s(name);
    word |= starts(s, "word/");
    excel |= starts(s, "xl/");
    powerpoint |= starts(s, "ppt/");
    odf |= s == "mimetype" || s == "content.xml";
  }
  if (word) return {FileFormat::kDocx, "docx"};
  if (excel) return {FileFormat::kXlsx, "xlsx"};
  if (mimetype == "application/vnd.oasis.opendocument.spreadsheet") return {FileFormat::kOds, "ods"};
  if (powerpoint) return {FileFormat::kUnsupported, "PowerPoint presentation (.pptx)"};
  if (odf) return {FileFormat::kUnsupported, "OpenDocument file (.odt/.ods)"};
  return {FileFormat::kUnsupported, "ZIP archive (not a .docx)"};
}

// A web page: "<!DOCTYPE html" or "<html" (any case) after an optional BOM
// and white space.
bool looks_like_html(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 1024);
  if (starts(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  size_t b = s.find_first_not_of(" \t\r\n\f");
  if (b == std::string_view::npos) return false;
  std::string head;
  for (char c : s.substr(b, 14)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (starts(head, "<!doctype html")) return true;
  return starts(head, "<html") && (head.size() == 5 || head[5] == '>' || std::isspace(static_cast<unsigned char>(head[5])));
}

// JSON or JSON Lines data (an export, a gold file): "{\"" or "[" then a
// value first. No document starts so; RTF ("{\rtf") is told first.
bool looks_like_json(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 256);
  if (starts(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos || (s[b] != '{' && s[b] != '[')) return false;
  size_t v = s.find_first_not_of(" \t\r\n", b + 1);
  if (v == std::string_view::npos) return false;
  char c = s[v];
  return s[b] == '{' ? c == '"' || c == '}' : c == '{' || c == '"' || c == ']' || c == '[' || std::isdigit(static_cast<unsigned char>(c));
}

DetectedFormat classify_ole(std::string_view bytes) {
  std::vector<std::string> names;
  if (!ole_stream_names(bytes, &names)) return {FileFormat::kCorrupt, "corrupt OLE compound file (.doc/.xls)"};
  auto has = [&](const char* n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  if (has("WordDocument")) return {FileFormat::kDoc, "doc"};
  if (has("Workbook") || has("Book")) return {FileFormat::kXls, "xls"};
  if (has("EncryptedPackage")) return {FileFormat::kUnsupported, "password-protected Office file"};
  if (has("PowerPoint Document")) return {FileFormat::kUnsupported, "PowerPoint 97-2003 presentation (.ppt)"};
  return {FileFormat::kUnsupported, "OLE compound file (not a Word or Excel document)"};
}

}  // namespace

bool ole_stream_names(std::string_view bytes, std::vector<std::string>* names) {
  OleFile ole;
  if (!ole.open(bytes).ok()) return false;
  *names = ole.names();
  return !names->empty();
}

DetectedFormat detect_format(std::string_view bytes) {
  if (looks_like_pdf(bytes)) return {FileFormat::kPdf, "pdf"};
  if (starts(bytes, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return classify_ole(bytes);
  if (starts(bytes, "{\\rtf")) return {FileFormat::kRtf, "rtf"};
  if (looks_like_html(bytes)) return {FileFormat::kHtml, "html"};
  if (looks_like_json(bytes)) return {FileFormat::kUnsupported, "JSON data"};
  if (starts(bytes, "PK\x03\x04") || starts(bytes, std::string_view("PK\x05\x06", 4))) {
    return classify_zip(bytes);
  }
  struct Magic {
    std::string_view bytes;
    const char* name;
  };
  // Scans and photographs of pages, which OCR reads (ocr_reader.h).
  static const Magic kImages[] = {
      {"\x89PNG", "PNG image"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {{"II*\0", 4}, "TIFF image"},
      {{"MM\0*", 4}, "TIFF image"},
  };
  for (const Magic& m : kImages) {
    if (starts(bytes, m.bytes)) return {FileFormat::kImage, m.name};
  }
  static const Magic kMagic[] = {
      {"GIF8", "GIF image"},
      {"AT&TFORM", "DjVu document"},
      {"\x1F\x8B", "gzip archive"},
      {"Rar!", "RAR archive"},
      {"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
      {"%!PS", "PostScript"},
      {"\x7F" "ELF", "executable (ELF)"},
      {{"MZ\x90\0", 4}, "Windows executable"},
  };
  for (const Magic& m : kMagic) {
    if (starts(bytes, m.bytes)) return {FileFormat::kUnsupported, m.name};
  }
  if (starts(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return {FileFormat::kUnsupported, "WebP image"};
  return {FileFormat::kText, "text"};
}

}  // namespace chitieu
