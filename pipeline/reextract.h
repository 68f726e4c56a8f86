// Re-extraction: when the extractor or its data files change (a new chitieu
// version, an edited data/*.tsv), the figures of every document made by
// another extractor version are read again from the stored text — without
// the original files — and stored: figures that read the same stay as they
// are, changed ones keep their id, and every figure replaced or removed is
// kept in figure_history with the version that made it, when, and what
// changed; each document's run is a row of `reextractions`. Nothing an
// auditor cited before is deleted.
#ifndef CHITIEU_PIPELINE_REEXTRACT_H_
#define CHITIEU_PIPELINE_REEXTRACT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"
#include "normalizer/lexicon.h"
#include "store/store.h"

namespace chitieu {

struct ReextractOutcome {
  std::string document;      // file name
  int64_t document_id = 0;
  std::string from_extractor, to_extractor;
  int64_t run = 0;           // the reextractions row; 0 when another process did it first
  size_t unchanged = 0, changed = 0, added = 0, removed = 0;
  bool header_changed = false;
};

struct ReextractTotals {
  size_t documents = 0;      // stored
  size_t current = 0;        // made by this extractor already: left alone
  size_t reextracted = 0;
  size_t changed = 0, added = 0, removed = 0;  // figures
};

// Re-extracts every document not made by this extractor version (`lex`'s),
// one transaction each; `report` gets each outcome as it is stored. `by`
// names who runs it. The search index is rebuilt at the end when anything
// was stored (or a run cut short left it stale).
Status reextract_store(const Lexicon& lex, Store* store, const IngestProvenance& by,
                       const std::function<void(const ReextractOutcome&)>& report, ReextractTotals* totals);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_REEXTRACT_H_
