#include "extractor/formats/zip_parts.h"

#include <zip.h>

#include <algorithm>

namespace chitieu {

void ZipFileCloser::operator()(zip_file_t* f) const { zip_fclose(f); }

ZipParts::ZipParts(std::string format) : format_(std::move(format)) {}

ZipParts::~ZipParts() {
  if (za_ != nullptr) zip_discard(za_);
}

Status ZipParts::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    zip_error_fini(&error);
    return Status::Error("corrupt " + format_ + ": cannot read the ZIP container");
  }
  za_ = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (za_ == nullptr) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Error("corrupt " + format_ + ": " + why);
  }
  zip_error_fini(&error);
  return Status::Ok();
}

Status ZipParts::read(const std::string& name, std::string* out, bool* found) {
  out->clear();
  zip_int64_t index = zip_name_locate(za_, name.c_str(), 0);
  if (index < 0) index = zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
  *found = index >= 0;
  if (!*found) return Status::Ok();
  const std::string bomb = "zip entry too large (possible zip bomb): " + name;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      (st.size > kMaxZipPartBytes || total_ + st.size > kMaxZipTotalBytes)) {
    return Status::Error(bomb);
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen_index(za_, static_cast<zip_uint64_t>(index), 0));
  if (!f) {
    zip_error_t* e = zip_get_error(za_);
    int code = zip_error_code_zip(e);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      return Status::Error("encrypted " + format_ + " entry: " + name);
    }
    return Status::Error("corrupt " + format_ + ": " + name + ": " + zip_error_strerror(e));
  }
  // Room for what the entry claims, up to the cap; a liar grows it chunk by
  // chunk and is stopped at the cap.
  if (st.valid & ZIP_STAT_SIZE) {
    out->reserve(static_cast<size_t>(std::min<uint64_t>(st.size, kMaxZipPartBytes)));
  }
  std::string chunk(256 << 10, '\0');
  for (;;) {
    zip_int64_t got = zip_fread(f.get(), chunk.data(), chunk.size());
    if (got < 0) {
      std::string why = zip_file_strerror(f.get());
      out->clear();
      return Status::Error("corrupt " + format_ + ": " + name + ": " + why);
    }
    if (got == 0) break;
    if (out->size() + static_cast<uint64_t>(got) > kMaxZipPartBytes ||
        total_ + out->size() + static_cast<uint64_t>(got) > kMaxZipTotalBytes) {
      std::string().swap(*out);
      return Status::Error(bomb);
    }
    out->append(chunk.data(), static_cast<size_t>(got));
  }
  total_ += out->size();
  return Status::Ok();
}

}  // namespace chitieu
