#include "extractor/formats/ole_file.h"

#include <algorithm>

namespace chitieu {
namespace {

constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kLastSector = 0xFFFFFFFA;  // numbers from here on are markers

uint32_t u32_or_end_of_chain(std::string_view b, size_t at) {
  if (at + 4 > b.size()) return kEndOfChain;
  const auto* p = reinterpret_cast<const unsigned char*>(b.data()) + at;
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

Status corrupt_ole(const std::string& why) { return Status::Error("corrupt OLE compound file (" + why + ")"); }

}  // namespace

Status OleFile::open(std::string_view bytes) {
  bytes_ = bytes;
  if (bytes.size() < 512 || bytes.substr(0, 8) != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return corrupt_ole("no header");
  uint32_t shift = u32_or_end_of_chain(bytes, 0x1E) & 0xFFFF;
  if (shift != 9 && shift != 12) return corrupt_ole("sector size");
  sector_size_ = size_t{1} << shift;
  mini_cutoff_ = u32_or_end_of_chain(bytes, 0x38);
  const size_t sectors_in_file = bytes.size() / sector_size_;
  auto sector_at = [&](uint32_t s) { return (static_cast<size_t>(s) + 1) * sector_size_; };

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  std::vector<uint32_t> fat_sectors;
  for (size_t i = 0; i < 109; ++i) {
    uint32_t s = u32_or_end_of_chain(bytes, 0x4C + i * 4);
    if (s < kLastSector) fat_sectors.push_back(s);
  }
  uint32_t difat = u32_or_end_of_chain(bytes, 0x44);
  for (size_t guard = 0; difat < kLastSector && guard <= sectors_in_file; ++guard) {
    size_t at = sector_at(difat);
    if (at + sector_size_ > bytes.size()) return corrupt_ole("DIFAT past the end");
    for (size_t k = 0; k + 1 < sector_size_ / 4; ++k) {
      uint32_t s = u32_or_end_of_chain(bytes, at + k * 4);
      if (s < kLastSector) fat_sectors.push_back(s);
    }
    difat = u32_or_end_of_chain(bytes, at + sector_size_ - 4);
  }
  for (uint32_t s : fat_sectors) {
    size_t at = sector_at(s);
    if (at + sector_size_ > bytes.size()) return corrupt_ole("FAT past the end");
    for (size_t k = 0; k < sector_size_ / 4; ++k) fat_.push_back(u32_or_end_of_chain(bytes, at + k * 4));
  }

  std::vector<uint32_t> dir;
  Status st = chain(fat_, u32_or_end_of_chain(bytes, 0x30), &dir);
  if (!st.ok()) return st;
  for (uint32_t s : dir) {
    for (size_t e = sector_at(s); e + 128 <= sector_at(s) + sector_size_; e += 128) {
      Entry entry;
      size_t len = u32_or_end_of_chain(bytes, e + 0x40) & 0xFFFF;
      entry.type = static_cast<uint8_t>(bytes[e + 0x42]);
      for (size_t k = 0; k + 2 <= std::min<size_t>(len, 64) && k < 62; k += 2) {
        unsigned c = static_cast<unsigned char>(bytes[e + k]) | (static_cast<unsigned char>(bytes[e + k + 1]) << 8);
        if (c == 0) break;
        entry.name += c < 0x80 ? static_cast<char>(c) : '?';
      }
      entry.start = u32_or_end_of_chain(bytes, e + 0x74);
      entry.size = sector_size_ == 512 ? u32_or_end_of_chain(bytes, e + 0x78)
                                       : u32_or_end_of_chain(bytes, e + 0x78) | (static_cast<uint64_t>(u32_or_end_of_chain(bytes, e + 0x7C)) << 32);
      entries_.push_back(entry);
    }
  }
  if (entries_.empty() || entries_[0].type != 5) return corrupt_ole("no root entry");

  std::vector<uint32_t> mini_fat_sectors;
  if (u32_or_end_of_chain(bytes, 0x3C) < kLastSector) {
    st = chain(fat_, u32_or_end_of_chain(bytes, 0x3C), &mini_fat_sectors);
    if (!st.ok()) return st;
  }
  for (uint32_t s : mini_fat_sectors)
    for (size_t k = 0; k < sector_size_ / 4; ++k) mini_fat_.push_back(u32_or_end_of_chain(bytes, sector_at(s) + k * 4));
  return Status::Ok();
}

std::vector<std::string> OleFile::names() const {
  std::vector<std::string> out;
  for (const Entry& e : entries_)
    if (e.type != 0) out.push_back(e.name);
  return out;
}

Status OleFile::chain(const std::vector<uint32_t>& fat, uint32_t start, std::vector<uint32_t>* sectors) const {
  sectors->clear();
  for (uint32_t s = start; s != kEndOfChain;) {
    if (s >= fat.size() || sectors->size() > fat.size()) return corrupt_ole("broken sector chain");
    sectors->push_back(s);
    s = fat[s];
  }
  return Status::Ok();
}

Status OleFile::read_big(uint32_t start, uint64_t size, std::string* out) const {
  std::vector<uint32_t> sectors;
  Status st = chain(fat_, start, &sectors);
  if (!st.ok()) return st;
  if (static_cast<uint64_t>(sectors.size()) * sector_size_ < size) return corrupt_ole("stream shorter than its size");
  out->clear();
  out->reserve(static_cast<size_t>(size));
  for (uint32_t s : sectors) {
    size_t at = (static_cast<size_t>(s) + 1) * sector_size_;
    if (at + sector_size_ > bytes_.size()) return corrupt_ole("stream past the end");
    size_t take = static_cast<size_t>(std::min<uint64_t>(sector_size_, size - out->size()));
    out->append(bytes_.substr(at, take));
    if (out->size() == size) break;
  }
  return Status::Ok();
}

// A stream under the cutoff lives in 64-byte sectors of the mini stream, which
// is the root entry's own stream.
Status OleFile::read_small(uint32_t start, uint64_t size, std::string* out) const {
  std::string mini;
  Status st = read_big(entries_[0].start, entries_[0].size, &mini);
  if (!st.ok()) return st;
  std::vector<uint32_t> sectors;
  st = chain(mini_fat_, start, &sectors);
  if (!st.ok()) return st;
  out->clear();
  for (uint32_t s : sectors) {
    size_t at = static_cast<size_t>(s) * 64;
    if (at + 64 > mini.size()) return corrupt_ole("mini stream past its end");
    size_t take = static_cast<size_t>(std::min<uint64_t>(64, size - out->size()));
    out->append(mini, at, take);
    if (out->size() == size) break;
  }
  if (out->size() < size) return corrupt_ole("stream shorter than its size");
  return Status::Ok();
}

Status OleFile::read(const std::string& name, std::string* out, bool* found) const {
  *found = false;
  for (const Entry& e : entries_) {
    if (e.type != 2 || e.name != name) continue;
    *found = true;
    if (e.size > bytes_.size()) return corrupt_ole("stream larger than the file");
    return e.size < mini_cutoff_ ? read_small(e.start, e.size, out) : read_big(e.start, e.size, out);
  }
  return Status::Ok();
}

}  // namespace chitieu
