#include "extractor/formats/format_detect.h"

#include <zip.h>

#include <memory>

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
  if (excel) return {FileFormat::kUnsupported, "Excel workbook (.xlsx)"};
  if (powerpoint) return {FileFormat::kUnsupported, "PowerPoint presentation (.pptx)"};
  if (odf) return {FileFormat::kUnsupported, "OpenDocument file (.odt/.ods)"};
  return {FileFormat::kUnsupported, "ZIP archive (not a .docx)"};
}

}  // namespace

DetectedFormat detect_format(std::string_view bytes) {
  if (looks_like_pdf(bytes)) return {FileFormat::kPdf, "pdf"};
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
      {{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8}, "OLE compound file (.doc/.xls, or a password-protected .docx)"},
      {"{\\rtf", "RTF"},
      {"GIF8", "GIF image"},
      {"AT&TFORM", "DjVu document"},
      {"\x1F\x8B", "gzip archive"},
      {"Rar!", "RAR archive"},
      {"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
      {"%!PS", "PostScript"},
  };
  for (const Magic& m : kMagic) {
    if (starts(bytes, m.bytes)) return {FileFormat::kUnsupported, m.name};
  }
  if (starts(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return {FileFormat::kUnsupported, "WebP image"};
  return {FileFormat::kText, "text"};
}

}  // namespace chitieu
