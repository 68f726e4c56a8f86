// Trace: which stored figures a question names — one figure by id, or the
// figures of a document (file name, its prefix, or a sha256 prefix), at a
// line if one is given — and the stored source around each: its raw and
// repaired lines with context, and every repair made on its quoted lines.
// How it is shown is the caller's (`chitieu trace`).
#ifndef CHITIEU_PIPELINE_TRACE_H_
#define CHITIEU_PIPELINE_TRACE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace chitieu {

struct TraceQuery {
  int64_t figure_id = 0;  // > 0: this figure; else `document` and `line`
  std::string document;
  int64_t line = 0;  // > 0: figures whose quote spans it or whose number is on it
};

// kNotFound when no figure answers the query.
Status find_figures(Store* store, const TraceQuery& query, std::vector<StoredFigure>* out);

struct FigureSource {
  std::vector<StoredLine> lines;      // the quoted lines with `context_lines` either side
  std::vector<StoredRepair> repairs;  // on the quoted lines only
};

Status figure_source(Store* store, const StoredFigure& figure, int context_lines, FigureSource* out);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_TRACE_H_
