#include "pipeline/reextract.h"

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "pipeline/figure_diff.h"
#include "pipeline/recompute.h"

namespace chitieu {
namespace {

// The stored figures of each document, in the store's order.
Status stored_figures(Store* store, std::map<int64_t, std::vector<StoredFigure>>* out) {
  return store->figures([&](const StoredFigure& sf) { (*out)[sf.document_id].push_back(sf); });
}

// The header fields that changed, as they were, as JSON; "" when none did.
std::string header_before(const DocumentHeader& stored, const DocumentHeader& fresh) {
  std::vector<std::string> differences = header_differences(stored, fresh);
  if (differences.empty()) return "";
  nlohmann::json j = nlohmann::json::array();
  for (const std::string& d : differences) j.push_back(d);
  return j.dump();
}

// What changes for one document: `r` filled from its stored figures and
// those extracted again.
void plan(const std::vector<StoredFigure>& stored, const Recomputed& fresh, Reextraction* r) {
  std::vector<const Figure*> old;
  for (const StoredFigure& sf : stored) old.push_back(&sf.figure);
  const std::vector<Figure>& now = fresh.doc.figures;
  FigurePairs pairs = pair_figures(old, now);
  for (auto [i, j] : pairs.pairs) {
    std::vector<std::string> differences =
        figure_differences(*old[i], stored[i].page, now[j], figure_page(fresh.doc.source, now[j]));
    if (differences.empty()) ++r->unchanged;
    else r->changed.push_back({stored[i].id, now[j], join_differences(differences)});
  }
  for (size_t i : pairs.stored_only)
    r->removed.emplace_back(stored[i].id, "removed: the extractor reads no figure here");
  for (size_t j : pairs.fresh_only) r->added.push_back(now[j]);
}

Status reextract_document(const Lexicon& lex, Store* store, const IngestProvenance& by, const StoredDocument& d,
                          const std::vector<StoredFigure>& stored, ReextractOutcome* out) {
  Recomputed fresh;
  Status st = recompute_document(lex, store, d, &fresh);
  if (!st.ok()) return st;
  Reextraction r;
  r.document_id = d.id;
  r.from_extractor = d.extractor_version;
  r.by = by;
  r.header = fresh.doc.header;
  r.header_before = header_before(d.header, fresh.doc.header);
  r.source = fresh.doc.source;
  r.repaired = fresh.doc.repaired;
  plan(stored, fresh, &r);
  st = store->reextract(r, &out->run);
  out->document = d.file_name;
  out->document_id = d.id;
  out->from_extractor = d.extractor_version;
  out->to_extractor = by.extractor_version;
  out->unchanged = r.unchanged;
  out->changed = r.changed.size();
  out->added = r.added.size();
  out->removed = r.removed.size();
  out->header_changed = !r.header_before.empty();
  return st;
}

}  // namespace

Status reextract_store(const Lexicon& lex, Store* store, const IngestProvenance& by,
                       const std::function<void(const ReextractOutcome&)>& report, ReextractTotals* totals) {
  *totals = ReextractTotals();
  std::vector<StoredDocument> docs;
  std::map<int64_t, std::vector<StoredFigure>> figures;
  Status st = store->documents(&docs);
  if (st.ok()) st = stored_figures(store, &figures);
  if (!st.ok()) return st;
  totals->documents = docs.size();
  for (const StoredDocument& d : docs) {
    if (d.extractor_version == by.extractor_version) {
      ++totals->current;
      continue;
    }
    ReextractOutcome outcome;
    st = reextract_document(lex, store, by, d, figures[d.id], &outcome);
    if (!st.ok()) return Status::Error(st.code(), d.file_name + ": " + st.message());
    if (outcome.run == 0) {
      ++totals->current;  // another process re-extracted it meanwhile
      continue;
    }
    ++totals->reextracted;
    totals->changed += outcome.changed;
    totals->added += outcome.added;
    totals->removed += outcome.removed;
    report(outcome);
  }
  bool rebuilt = false;
  return store->rebuild_search_index(/*only_if_stale=*/true, &rebuilt);
}

}  // namespace chitieu
