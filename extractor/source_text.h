// Reading a document from disk into lines of UTF-8 text.
//
// The source text is what provenance refers to: line numbers are 1-based indexes
// into `lines`, offsets are code points within a line. Reading checks the bytes
// before anything else sees them and turns bad input into a one-line error:
// unreadable path, empty file, a binary or unsupported format, invalid UTF-8.
#ifndef CHITIEU_EXTRACTOR_SOURCE_TEXT_H_
#define CHITIEU_EXTRACTOR_SOURCE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chitieu {

struct SourceText {
  std::string path;       // as given by the user
  std::string file_name;  // last path component
  std::string sha256;     // hex digest of the file's bytes
  uint64_t size_bytes = 0;
  std::string format;     // "text"
  std::string encoding;   // "utf-8" or "utf-8-bom"
  std::vector<std::string> lines;  // without line terminators ("\n", "\r\n")
};

// Largest file read; larger ones are refused rather than read into memory.
inline constexpr uint64_t kMaxSourceBytes = 256ull << 20;

// Reads and validates `path`. On failure returns the reason, without the path.
Status read_source_text(const std::string& path, SourceText* out);

// Same checks on bytes already in memory (`name` becomes file_name and path).
Status source_text_from_bytes(std::string_view bytes, const std::string& name,
                              SourceText* out);

// Hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// Hex SHA-256 of the lines joined by "\n": the fingerprint of the stored text
// that `verify` recomputes from the database.
std::string lines_sha256_hex(const std::vector<std::string>& lines);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_SOURCE_TEXT_H_
