#include "extractor/source_text.h"

#include <nettle/sha2.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

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

// Formats other than text that archivists receive, recognised by their first
// bytes so a mislabelled file still gets a precise message.
const char* binary_format_name(std::string_view bytes) {
  auto starts = [&](std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
  };
  if (starts("%PDF-")) return "PDF";
  if (starts("PK\x03\x04")) return "ZIP container (.docx/.xlsx/.zip)";
  if (starts("\xD0\xCF\x11\xE0")) return "OLE compound file (.doc/.xls)";
  if (starts("{\\rtf")) return "RTF";
  if (starts("\x89PNG")) return "PNG image";
  if (starts("\xFF\xD8\xFF")) return "JPEG image";
  if (starts("II*\0") || starts("MM\0*")) return "TIFF image";
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) return "UTF-16 text";
  return nullptr;
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

Status source_text_from_bytes(std::string_view bytes, const std::string& name,
                              SourceText* out) {
  out->path = name;
  auto slash = name.find_last_of('/');
  out->file_name = slash == std::string::npos ? name : name.substr(slash + 1);
  out->size_bytes = bytes.size();
  out->sha256 = sha256_hex(bytes);
  out->format = "text";
  out->lines.clear();

  if (bytes.empty()) return Status::Error("empty file");
  if (const char* fmt = binary_format_name(bytes)) {
    return Status::Error(std::string("unsupported format: ") + fmt);
  }
  out->encoding = "utf-8";
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    out->encoding = "utf-8-bom";
  }

  // Validate UTF-8 and reject binary content (NUL and other C0 controls that
  // never occur in text) in one pass, reporting the first offending line.
  int line = 1;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      return Status::Error("invalid UTF-8 at byte " + std::to_string(start) +
                           " (line " + std::to_string(line) + ")");
    }
    if (c == '\n') {
      ++line;
    } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      return Status::Error("binary content (control byte 0x" +
                           std::to_string(c) + " at byte " +
                           std::to_string(start) + ", line " +
                           std::to_string(line) + ")");
    }
  }

  size_t pos = 0;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    std::string_view ln = bytes.substr(
        pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!ln.empty() && ln.back() == '\r') ln.remove_suffix(1);
    if (nl == std::string_view::npos) {
      if (!ln.empty()) out->lines.emplace_back(ln);
      break;
    }
    out->lines.emplace_back(ln);
    pos = nl + 1;
  }
  bool any_text = false;
  for (const auto& l : out->lines) {
    if (l.find_first_not_of(" \t\r\f\v") != std::string::npos) {
      any_text = true;
      break;
    }
  }
  if (!any_text) return Status::Error("no text (only white space)");
  return Status::Ok();
}

Status read_source_text(const std::string& path, SourceText* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::Error("cannot read: not a regular file");
  if (static_cast<uint64_t>(size) > kMaxSourceBytes) {
    return Status::Error("file too large (" + std::to_string(size) +
                         " bytes; limit " + std::to_string(kMaxSourceBytes) + ")");
  }
  in.seekg(0);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) {
    return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  }
  Status st = source_text_from_bytes(bytes, path, out);
  out->path = path;
  return st;
}

}  // namespace chitieu
