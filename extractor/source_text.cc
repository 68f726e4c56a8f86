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

Status source_text_from_bytes(const Lexicon& lex, std::string_view bytes, const std::string& name,
                              const std::string& forced_encoding, SourceText* out) {
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
  DecodedText decoded;
  Status st = decode_bytes(lex, bytes, forced_encoding, &decoded);
  if (!st.ok()) return st;
  out->encoding = decoded.encoding;
  out->encoding_confidence = decoded.confidence;
  out->form = decoded.form;
  std::string_view text = decoded.text;

  // Text has no NUL and few C0 controls (TCVN3 puts some capitals there, so a
  // handful is allowed); anything else is binary data with a text extension.
  size_t controls = 0;
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') ++line;
    if (c == 0) {
      return Status::Error("binary content (NUL byte at line " + std::to_string(line) + ")");
    }
    if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') ++controls;
  }
  if (controls * 100 > text.size() + 100) {
    return Status::Error("binary content (" + std::to_string(controls) + " control bytes)");
  }

  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view ln = text.substr(
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

namespace {

Status read_bytes(const std::string& path, std::string* bytes) {
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

}  // namespace

Status hash_file(const std::string& path, std::string* sha256) {
  std::string bytes;
  Status st = read_bytes(path, &bytes);
  if (st.ok()) *sha256 = sha256_hex(bytes);
  return st;
}

Status read_source_text(const Lexicon& lex, const std::string& path,
                        const std::string& forced_encoding, SourceText* out) {
  std::string bytes;
  Status st = read_bytes(path, &bytes);
  if (!st.ok()) return st;
  st = source_text_from_bytes(lex, bytes, path, forced_encoding, out);
  out->path = path;
  return st;
}

}  // namespace chitieu
