// Verify: the store checked against itself, and optionally against the files
// it was read from.
//
//   - each document's stored raw lines against its recorded line count and
//     text fingerprint (SHA-256 of the lines);
//   - each figure's quote cut again from the stored raw lines at its stored
//     lines and code point offsets;
//   - each document's recorded figure count against the figures stored;
//   - with `check_sources`, each original file re-hashed where it still is: a
//     changed file is a problem, an unreadable one only a note.
//
// All of it is read in one snapshot, so an ingest committing meanwhile is
// either seen whole or not at all.
#ifndef CHITIEU_PIPELINE_VERIFY_H_
#define CHITIEU_PIPELINE_VERIFY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace chitieu {

struct VerifyFinding {
  bool problem = true;  // false: a note, which does not fail the check
  std::string text;     // one line for a person: what, where, and what was found
};

struct VerifyReport {
  size_t documents = 0;
  int64_t figures = 0;
  int problems = 0;
  std::vector<VerifyFinding> findings;  // in the order they were met
};

// Runs the checks. A database error returns its status; `report` then holds
// what was found until then. Mismatches are findings, not an error status.
Status verify_store(Store* store, bool check_sources, VerifyReport* report);

// The quote of `figure` cut from the document's raw lines (`raw`, 1-based by
// index + 1) at its stored lines and offsets; false when they fall outside.
bool quote_from_lines(const std::vector<std::string>& raw, const Figure& figure, std::string* quote);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_VERIFY_H_
