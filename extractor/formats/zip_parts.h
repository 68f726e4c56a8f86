// The parts of an Office ZIP container (.docx, .xlsx, .ods), read with caps.
//
// A container is untrusted input: every part is decompressed with a size cap,
// and all parts read from one container share a total cap, so a zip bomb is
// refused after reading at most the cap, never held whole. Errors name the
// format ("corrupt xlsx: …", "encrypted docx entry: …").
#ifndef CHITIEU_EXTRACTOR_FORMATS_ZIP_PARTS_H_
#define CHITIEU_EXTRACTOR_FORMATS_ZIP_PARTS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

struct zip;
struct zip_file;

namespace chitieu {

// Largest decompressed size of one part, and of all parts read together.
inline constexpr uint64_t kMaxZipPartBytes = 64ull << 20;
inline constexpr uint64_t kMaxZipTotalBytes = 128ull << 20;

// Closes a libzip file handle: the deleter of a std::unique_ptr to one.
struct ZipFileCloser {
  void operator()(struct zip_file* f) const;
};

class ZipParts {
 public:
  // `format` names the container in errors: "docx", "xlsx", "ods".
  explicit ZipParts(std::string format);
  ~ZipParts();
  ZipParts(const ZipParts&) = delete;
  ZipParts& operator=(const ZipParts&) = delete;

  // Opens the container in `bytes`, which must outlive this object.
  // Errors: "corrupt FORMAT: …".
  Status open(std::string_view bytes);

  // Decompresses part `name` (exact name, else ignoring case) into `out`.
  // `*found` tells a missing part from an error. Errors: "zip entry too large
  // (possible zip bomb): NAME", "encrypted FORMAT entry: NAME", "corrupt
  // FORMAT: NAME: …".
  Status read(const std::string& name, std::string* out, bool* found);

 private:
  std::string format_;
  struct zip* za_ = nullptr;
  uint64_t total_ = 0;
};

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_ZIP_PARTS_H_
