// Verify: the store checked against itself, against the extractor, and
// optionally against the files it was read from. All of it is read in one
// snapshot, so an ingest committing meanwhile is either seen whole or not at
// all. What it proves (README, "What verify proves"):
//
//   - each document's stored raw lines against its recorded line count and
//     text fingerprint (SHA-256 of the lines);
//   - each figure's quote cut again from the stored raw lines at its stored
//     lines and code point offsets, and every figure's lines stored;
//   - every document extracted again from its stored text (pipeline/recompute.h):
//     when the extractor that made its figures is this one, each stored figure
//     must be what it reads — value, unit, comparator, year, kind, change,
//     quote, offsets, indicator, warnings, reading — and no figure it reads may
//     be missing; the header and the repaired lines likewise. Figures made by
//     another extractor version are recomputed too, and their differences
//     counted in a note: `chitieu reextract` brings them up to date;
//   - each document's recorded figure count against the figures stored;
//   - no figure without its document, no match without its figure, and with a
//     catalogue, every match and analyst decision naming one of its indicators;
//   - with `check_sources`, each original file found (at its absolute path, or
//     under `sources_root` for an archive that moved) and re-hashed: a changed
//     file is a problem, and so is one that cannot be read unless
//     `allow_missing`.
#ifndef CHITIEU_PIPELINE_VERIFY_H_
#define CHITIEU_PIPELINE_VERIFY_H_

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "normalizer/lexicon.h"
#include "store/store.h"

namespace chitieu {

class IndicatorCatalogue;

struct VerifyOptions {
  bool check_sources = false;
  std::string sources_root;    // look for the sources under this folder
  bool allow_missing = false;  // a source that cannot be read is a note, not a problem
  const IndicatorCatalogue* catalogue = nullptr;  // matches and decisions checked against it
};

struct VerifyFinding {
  bool problem = true;  // false: a note, which does not fail the check
  std::string text;     // one line for a person: what, where, and what was found
};

struct VerifyReport {
  std::string extractor_version;  // this chitieu's (extractor/extractor_version.h)
  size_t documents = 0;
  int64_t lines = 0;
  int64_t figures = 0;
  int64_t figures_recomputed = 0;  // by the extractor version that made them
  // Made by another extractor version: recomputed, differences are notes.
  size_t documents_older = 0;
  int64_t figures_older = 0, figures_older_changed = 0;
  std::set<std::string> older_versions;
  size_t sources_checked = 0;   // found and re-hashed
  size_t sources_missing = 0;   // not found or not readable
  size_t matches_checked = 0, decisions_checked = 0;
  int problems = 0;
  std::vector<VerifyFinding> findings;  // in the order they were met
};

// Runs the checks. A database error returns its status; `report` then holds
// what was found until then. Mismatches are findings, not an error status.
Status verify_store(Store* store, const Lexicon& lex, const VerifyOptions& options, VerifyReport* report);

// The quote of `figure` cut from the document's raw lines (`raw`, 1-based by
// index + 1) at its stored lines and offsets; false when they fall outside.
bool quote_from_lines(const std::vector<std::string>& raw, const Figure& figure, std::string* quote);

// Where verify --sources looks for a document's file: its absolute path at
// ingest (its path as given for a document stored before schema 6); under
// `root`, the longest tail of that path that names a file there.
std::string source_location(const StoredDocument& document, const std::string& root);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_VERIFY_H_
