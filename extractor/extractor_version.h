// Which extractor made a set of figures: the chitieu version and the data
// files it read (data/*.tsv as the lexicon loaded them). The same stored text
// read by the same extractor version gives the same figures, so `verify` can
// recompute them, and `reextract` knows which documents an update concerns.
//
// A change to the extractor's code must come with a new chitieu version
// (CMakeLists.txt, project VERSION): the code is not hashed.
#ifndef CHITIEU_EXTRACTOR_EXTRACTOR_VERSION_H_
#define CHITIEU_EXTRACTOR_EXTRACTOR_VERSION_H_

#include <string>

#include "normalizer/lexicon.h"

namespace chitieu {

// "chitieu 0.1.0": the program's own version.
std::string chitieu_version();

// SHA-256 (hex) over the data files `lex` was loaded from: each file's name,
// a NUL, its length, a NUL and its bytes, in name order.
std::string data_files_sha256(const Lexicon& lex);

// "chitieu 0.1.0 data 1a2b3c4d5e6f7a8b": the version and the data hash's first
// 16 hex digits.
std::string extractor_version(const Lexicon& lex);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_EXTRACTOR_VERSION_H_
