#include "extractor/source_text.h"

#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/formats/document_lines.h"
#include "extractor/formats/docx_reader.h"
#include "extractor/formats/format_detect.h"
#include "extractor/formats/html_reader.h"
#include "extractor/formats/markdown_reader.h"
#include "extractor/formats/ocr_reader.h"
#include "extractor/formats/page_furniture.h"
#include "extractor/formats/pdf_reader.h"
#include "extractor/formats/rtf_reader.h"
#include "extractor/formats/spreadsheet_reader.h"
#include "extractor/formats/word97_reader.h"
#include "extractor/formats/xls_reader.h"

namespace chitieu {
namespace {

std::string to_hex(const uint8_t* digest, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

// A PDF's or a .docx's text is UTF-8 already, but documents typed with the
// old TCVN3 (.VnTime) or VNI fonts carry those fonts' glyph codes in it: the
// same detection as for a text file tells which, and the line repair maps them.
// --encoding tcvn3/vni then means the fonts, other encodings mean nothing here.
void detect_font_form(const Lexicon& lex, const std::string& forced, SourceText* out) {
  std::string joined;
  for (size_t i = 0; i < out->lines.size(); ++i) {
    if (i > 0) joined += '\n';
    joined += out->lines[i];
  }
  std::string force;
  if (forced == "utf-8" || forced == "utf-8+tcvn3-font" || forced == "utf-8+vni-font") force = forced;
  if (forced == "tcvn3") force = "utf-8+tcvn3-font";
  if (forced == "vni") force = "utf-8+vni-font";
  DecodedText decoded;
  out->encoding = "utf-8";
  out->encoding_confidence = 1.0;
  out->form = FontForm::kUnicode;
  if (decode_bytes(lex, joined, force, &decoded).ok() && decoded.text == joined) {
    out->encoding = decoded.encoding;
    out->encoding_confidence = decoded.confidence;
    out->form = decoded.form;
  }
}

// "png-ocr" for "PNG image".
std::string ocr_format_name(const std::string& image_name) {
  std::string out;
  for (char c : image_name.substr(0, image_name.find(' '))) out += static_cast<char>(std::tolower(c));
  return out + "-ocr";
}

Status read_document_format(const Lexicon& lex, std::string_view bytes, const DetectedFormat& detected,
                            const std::string& forced_encoding, OcrCache* ocr_cache, SourceText* out) {
  DocumentLines doc;
  OcrOptions ocr;
  ocr.cache = ocr_cache;
  ocr.sha256 = out->sha256;
  Status st;
  switch (detected.format) {
    case FileFormat::kPdf: {
      bool scan = false;
      st = read_pdf(bytes, &doc, &scan);
      out->format = "pdf";
      if (st.ok() && scan) {
        st = ocr_pdf(bytes, ocr, &doc);
        out->format = "pdf-ocr";
      }
      break;
    }
    case FileFormat::kImage:
      st = ocr_image(bytes, ocr, &doc);
      out->format = ocr_format_name(detected.name);
      break;
    case FileFormat::kDoc:
      st = read_word97(bytes, &doc);
      break;
    case FileFormat::kRtf:
      st = read_rtf(bytes, &doc);
      break;
    case FileFormat::kXls:
      st = read_xls(bytes, &doc);
      break;
    case FileFormat::kXlsx:
      st = read_xlsx(bytes, &doc);
      break;
    case FileFormat::kOds:
      st = read_ods(bytes, &doc);
      break;
    case FileFormat::kHtml:
      st = read_html(bytes, &doc);
      break;
    default:
      st = read_docx(bytes, &doc);
  }
  if (detected.format != FileFormat::kPdf && detected.format != FileFormat::kImage) out->format = detected.name;
  if (!st.ok()) return st;
  out->lines = std::move(doc.lines);
  out->pages = std::move(doc.pages);
  out->boilerplate = std::move(doc.boilerplate);
  out->line_confidence = std::move(doc.confidence);
  out->line_words = std::move(doc.words);
  out->sources = std::move(doc.sources);
  out->converted_by = std::move(doc.converted_by);
  bool any_text = false;
  for (size_t i = 0; i < out->lines.size() && !any_text; ++i) {
    bool furniture = i < out->boilerplate.size() && out->boilerplate[i];
    any_text = !furniture && out->lines[i].find_first_not_of(" \t") != std::string::npos;
  }
  if (!any_text) return Status::Error("no text (only white space, headers and page numbers)");
  detect_font_form(lex, forced_encoding, out);
  return Status::Ok();
}

// Decoded plain text into its lines. Text has no NUL and few C0 controls
// (TCVN3 puts some capitals there, so a handful is allowed); anything else is
// binary data with a text extension. Old Mac files end lines with a lone CR.
Status split_plain_text(std::string_view text, std::vector<std::string>* lines) {
  const char eol = text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos
                       ? '\r'
                       : '\n';
  size_t controls = 0;
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == static_cast<unsigned char>(eol)) ++line;
    if (c == 0) {
      return Status::Error("binary content (NUL byte at line " + std::to_string(line) + ")");
    }
    if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') ++controls;
  }
  if (controls * 100 > text.size() + 100) {
    return Status::Error("binary content (" + std::to_string(controls) + " control bytes)");
  }
  if (static_cast<uint64_t>(line) > kMaxDocumentLines) {
    return Status::Error("too many lines (" + std::to_string(line) + "; limit " +
                         std::to_string(kMaxDocumentLines) + ")");
  }

  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find(eol, pos);
    std::string_view ln = text.substr(
        pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!ln.empty() && ln.back() == '\r') ln.remove_suffix(1);
    if (nl == std::string_view::npos) {
      if (!ln.empty()) lines->emplace_back(ln);
      break;
    }
    lines->emplace_back(ln);
    pos = nl + 1;
  }
  bool any_text = false;
  for (const auto& l : *lines) {
    if (l.find_first_not_of(" \t\r\f\v") != std::string::npos) {
      any_text = true;
      break;
    }
  }
  if (!any_text) return Status::Error("no text (only white space)");
  return Status::Ok();
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  return to_hex(digest, SHA256_DIGEST_SIZE);
}

std::string lines_sha256_hex(const std::vector<std::string>& lines) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) sha256_update(&ctx, 1, reinterpret_cast<const uint8_t*>("\n"));
    sha256_update(&ctx, lines[i].size(),
                  reinterpret_cast<const uint8_t*>(lines[i].data()));
  }
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  return to_hex(digest, SHA256_DIGEST_SIZE);
}

Status source_text_from_bytes(const Lexicon& lex, std::string_view bytes, const std::string& name,
                              const std::string& forced_encoding, SourceText* out, OcrCache* ocr_cache) {
  out->path = name;
  auto slash = name.find_last_of('/');
  out->file_name = slash == std::string::npos ? name : name.substr(slash + 1);
  out->size_bytes = bytes.size();
  out->sha256 = sha256_hex(bytes);
  out->format = "text";
  out->lines.clear();
  out->pages.clear();
  out->boilerplate.clear();
  out->line_confidence.clear();
  out->line_words.clear();
  out->sources.clear();
  out->converted_by.clear();

  if (bytes.empty()) return Status::Error("empty file");
  DetectedFormat detected = detect_format(bytes);
  switch (detected.format) {
    case FileFormat::kUnsupported:
      return Status::Error("unsupported format: " + detected.name);
    case FileFormat::kCorrupt:
      return Status::Error(detected.name);
    case FileFormat::kText:
      break;
    default:
      return read_document_format(lex, bytes, detected, forced_encoding, ocr_cache, out);
  }
  if (bytes.size() > kMaxTextBytes) {
    return Status::Error("text too large (" + std::to_string(bytes.size()) + " bytes; limit " +
                         std::to_string(kMaxTextBytes) + ")");
  }
  DecodedText decoded;
  Status st = decode_bytes(lex, bytes, forced_encoding, &decoded);
  if (!st.ok()) return st;
  out->encoding = decoded.encoding;
  out->encoding_confidence = decoded.confidence;
  out->form = decoded.form;
  st = split_plain_text(decoded.text, &out->lines);
  if (!st.ok() || !is_markdown_name(out->file_name)) return st;
  DocumentLines markdown;
  read_markdown(decoded.text, out->lines, &markdown);
  out->format = "markdown";
  out->lines = std::move(markdown.lines);
  out->sources = std::move(markdown.sources);
  out->converted_by = std::move(markdown.converted_by);
  return Status::Ok();
}

namespace {

const char* file_type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "named pipe";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISDIR(mode)) return "directory";
  return "special file";
}

}  // namespace

Status read_file_bytes(const std::string& path, std::string* bytes) {
  // Only regular files: opening a named pipe blocks until someone writes to
  // it, and a device such as /dev/zero never ends.
  struct stat sb;
  if (stat(path.c_str(), &sb) != 0) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  if (!S_ISREG(sb.st_mode)) {
    return Status::Error(std::string("cannot read: not a regular file (") + file_type_name(sb.st_mode) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::Error("cannot read: not a regular file");
  if (static_cast<uint64_t>(size) > kMaxSourceBytes) {
    return Status::Error("file too large (" + std::to_string(size) + " bytes; limit " +
                         std::to_string(kMaxSourceBytes) + ")");
  }
  in.seekg(0);
  bytes->assign(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes->data(), size)) {
    return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status hash_file(const std::string& path, std::string* sha256) {
  std::string bytes;
  Status st = read_file_bytes(path, &bytes);
  if (st.ok()) *sha256 = sha256_hex(bytes);
  return st;
}

Status read_source_text(const Lexicon& lex, const std::string& path,
                        const std::string& forced_encoding, SourceText* out, OcrCache* ocr_cache) {
  std::string bytes;
  Status st = read_file_bytes(path, &bytes);
  if (!st.ok()) return st;
  st = source_text_from_bytes(lex, bytes, path, forced_encoding, out, ocr_cache);
  out->path = path;
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (!ec) out->absolute_path = absolute.lexically_normal().string();
  return st;
}

bool format_marks_page_furniture(const std::string& format) {
  const std::string ocr = "-ocr";
  return format == "pdf" ||
         (format.size() > ocr.size() && format.compare(format.size() - ocr.size(), ocr.size(), ocr) == 0);
}

SourceText rebuild_source_text(std::vector<std::string> lines, std::vector<uint32_t> pages,
                               std::vector<float> line_confidence, const std::string& encoding,
                               const std::string& format) {
  SourceText out;
  out.encoding = encoding;
  out.form = font_form_of_encoding(encoding);
  out.format = format;
  bool paged = std::any_of(pages.begin(), pages.end(), [](uint32_t p) { return p != 0; });
  DocumentLines doc;
  doc.lines = std::move(lines);
  if (paged) doc.pages = std::move(pages);
  if (format_marks_page_furniture(format)) mark_page_furniture(&doc);
  out.lines = std::move(doc.lines);
  out.pages = std::move(doc.pages);
  out.boilerplate = std::move(doc.boilerplate);
  out.line_confidence = std::move(line_confidence);
  return out;
}

}  // namespace chitieu
