#include "pipeline/trace.h"

#include <algorithm>

namespace chitieu {
namespace {

bool answers(const TraceQuery& q, const StoredFigure& sf) {
  bool doc_match = sf.document == q.document || sf.doc_sha256.rfind(q.document, 0) == 0 ||
                   sf.document.rfind(q.document, 0) == 0;
  const Figure& f = sf.figure;
  bool line_match = q.line <= 0 ||
                    (static_cast<int64_t>(f.line) <= q.line && q.line <= static_cast<int64_t>(f.line_end)) ||
                    static_cast<int64_t>(f.number_line) == q.line;
  return doc_match && line_match;
}

}  // namespace

Status find_figures(Store* store, const TraceQuery& query, std::vector<StoredFigure>* out) {
  out->clear();
  if (query.figure_id > 0) {
    StoredFigure sf;
    bool found = false;
    Status st = store->figure_by_id(query.figure_id, &sf, &found);
    if (!st.ok()) return st;
    if (!found)
      return Status::Error(StatusCode::kNotFound, "no figure with id " + std::to_string(query.figure_id));
    out->push_back(sf);
    return Status::Ok();
  }
  Status st = store->figures([&](const StoredFigure& sf) {
    if (answers(query, sf)) out->push_back(sf);
  });
  if (!st.ok()) return st;
  if (out->empty())
    return Status::Error(StatusCode::kNotFound,
                         "no figure in " + query.document +
                             (query.line > 0 ? " at line " + std::to_string(query.line) : ""));
  return Status::Ok();
}

Status figure_source(Store* store, const StoredFigure& sf, int context_lines, FigureSource* out) {
  const Figure& f = sf.figure;
  int64_t first = std::max<int64_t>(1, static_cast<int64_t>(f.line) - context_lines);
  int64_t last = static_cast<int64_t>(f.line_end) + context_lines;
  Status st = store->lines(sf.document_id, first, last, &out->lines);
  if (!st.ok()) return st;
  return store->repairs(sf.document_id, f.line, f.line_end, &out->repairs);
}

}  // namespace chitieu
