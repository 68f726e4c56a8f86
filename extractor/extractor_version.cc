#include "extractor/extractor_version.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "extractor/source_text.h"

namespace chitieu {

std::string chitieu_version() { return std::string("chitieu ") + CHITIEU_VERSION; }

std::string data_files_sha256(const Lexicon& lex) {
  std::vector<const std::pair<std::string, std::string>*> files;
  for (const auto& f : lex.data_files) files.push_back(&f);
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->first < b->first; });
  // Names and lengths delimit the bytes: no two sets of files hash alike by
  // moving bytes from one file to the next.
  std::string all;
  for (const auto* f : files) {
    all += f->first;
    all += '\0';
    all += std::to_string(f->second.size());
    all += '\0';
    all += f->second;
  }
  return sha256_hex(all);
}

std::string extractor_version(const Lexicon& lex) {
  return chitieu_version() + " data " + data_files_sha256(lex).substr(0, 16);
}

}  // namespace chitieu
