// OLE compound files (the container of Word 97 .doc and Excel 97 .xls): the
// directory's entry names and a stream's bytes.
//
// Untrusted input: every sector number is checked against the file, every
// chain is bounded by the number of sectors (a loop ends there), and a stream
// is never read past its recorded size.
#ifndef CHITIEU_EXTRACTOR_FORMATS_OLE_FILE_H_
#define CHITIEU_EXTRACTOR_FORMATS_OLE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chitieu {

class OleFile {
 public:
  // Reads the header, the FAT (DIFAT chain included) and the directory of
  // `bytes`, which must outlive this object. Errors: "corrupt OLE compound
  // file (…)".
  Status open(std::string_view bytes);

  // Names of the directory's entries ("Root Entry", "WordDocument", "1Table"…).
  std::vector<std::string> names() const;

  // The stream named `name` (exact, case-sensitive). `*found` tells a missing
  // stream from a corrupt one.
  Status read(const std::string& name, std::string* out, bool* found) const;

 private:
  struct Entry {
    std::string name;
    uint8_t type = 0;  // 1 storage, 2 stream, 5 root
    uint32_t start = 0;
    uint64_t size = 0;
  };
  Status chain(const std::vector<uint32_t>& fat, uint32_t start, std::vector<uint32_t>* sectors) const;
  Status read_big(uint32_t start, uint64_t size, std::string* out) const;
  Status read_small(uint32_t start, uint64_t size, std::string* out) const;

  std::string_view bytes_;
  size_t sector_size_ = 512;
  uint32_t mini_cutoff_ = 4096;
  std::vector<uint32_t> fat_, mini_fat_;
  std::vector<Entry> entries_;
};

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_OLE_FILE_H_
