// The search index (table `search`, FTS5 over folded text): filled by the
// first search after documents were stored (Store::update_search_index), or
// rebuilt whole after a re-extraction (Store::rebuild_search_index, in
// reextract_rows.cc), both through index_documents_after.
#include <sqlite3.h>

#include "common/stage_timer.h"
#include "common/text.h"
#include "store/rows.h"
#include "store/sql.h"
#include "store/store.h"
#include "store/transaction.h"

namespace chitieu {
namespace {

// The last document the search index holds: the highest rowid's document.
// Documents get increasing ids, so every later one is still to index.
Status last_indexed_document(sqlite3* db, int64_t* id) {
  Statement q(db, "SELECT coalesce(max(id), 0) >> 24 FROM search_docsize");
  if (!q.ok()) return prepare_error(q, "search index lookup");
  if (q.step() != SQLITE_ROW) return sql_error(db, "reading the search index");
  *id = q.integer(0);
  return Status::Ok();
}

// How many documents have an id above `after`.
Status documents_after(sqlite3* db, int64_t after, int64_t* count) {
  Statement q(db, "SELECT count(*) FROM documents WHERE id > ?");
  if (!q.ok()) return prepare_error(q, "document count");
  q.bind(1, after);
  if (q.step() != SQLITE_ROW) return sql_error(db, "reading documents");
  *count = q.integer(0);
  return Status::Ok();
}

// Whether a re-extraction left the index stale (meta 'search_index_stale').
Status index_is_stale(sqlite3* db, bool* stale) {
  Statement q(db, "SELECT value FROM meta WHERE key = 'search_index_stale'");
  if (!q.ok()) return prepare_error(q, "search index state");
  int rc = q.step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sql_error(db, "reading search index state");
  *stale = rc == SQLITE_ROW && q.text(0) == "1";
  return Status::Ok();
}

}  // namespace

Status index_documents_after(sqlite3* db, int64_t after_id) {
  static_assert(kSearchMaxLine == (int64_t{1} << 23) - 1, "the rowid layout of search_rowid");
  // Every line with text, then the indicator of the first figure on each line
  // (in id order, as ingest adds them).
  Statement lines(db, "SELECT document_id, line_no, coalesce(repaired, raw) FROM lines "
                      "WHERE document_id > ? AND line_no <= ?");
  Statement figures(db, "SELECT document_id, number_line, indicator FROM figures "
                        "WHERE document_id > ? AND number_line <= ? ORDER BY document_id, number_line, id");
  Statement idx(db, "INSERT INTO search(rowid, folded) VALUES (?,?)");
  for (const Statement* q : {&lines, &figures, &idx})
    if (!q->ok()) return prepare_error(*q, "search indexing");
  lines.bind(1, after_id);
  lines.bind(2, kSearchMaxLine);
  figures.bind(1, after_id);
  figures.bind(2, kSearchMaxLine);
  Status st;
  int rc = SQLITE_DONE;
  while (st.ok() && (rc = lines.step()) == SQLITE_ROW) {
    std::string key = comparison_key(lines.text(2));
    if (key.empty()) continue;
    idx.bind(1, search_rowid(lines.integer(0), lines.integer(1), false));
    idx.bind(2, key);
    if (idx.step() != SQLITE_DONE) st = sql_error(db, "indexing line");
    idx.reset();
  }
  if (st.ok() && rc != SQLITE_DONE) st = sql_error(db, "reading lines");
  int64_t last = -1;
  while (st.ok() && (rc = figures.step()) == SQLITE_ROW) {
    int64_t rowid = search_rowid(figures.integer(0), figures.integer(1), true);
    if (rowid == last) continue;
    last = rowid;
    idx.bind(1, rowid);
    idx.bind(2, comparison_key(figures.text(2)));
    if (idx.step() != SQLITE_DONE) st = sql_error(db, "indexing indicator");
    idx.reset();
  }
  if (st.ok() && rc != SQLITE_DONE) st = sql_error(db, "reading figures");
  return st;
}

Status Store::update_search_index(size_t* indexed) {
  *indexed = 0;
  if (open_snapshot_) return Status::Ok();  // reading one state: search what it holds
  bool stale = false;
  Status st = index_is_stale(db_, &stale);
  if (!st.ok()) return st;
  if (stale) {  // a re-extraction cut short: everything again
    bool rebuilt = false;
    return rebuild_search_index(/*only_if_stale=*/true, &rebuilt);
  }
  int64_t last = 0, waiting = 0;
  st = last_indexed_document(db_, &last);
  if (st.ok()) st = documents_after(db_, last, &waiting);
  if (!st.ok() || waiting == 0) return st;
  StageTimer timing(Stage::kSearchIndex);
  // One transaction: a search meets every document indexed or none of the new
  // ones, and two searches at once index them once (the second sees the first's).
  Transaction tx(db_);
  st = tx.Begin();
  if (st.ok()) st = last_indexed_document(db_, &last);
  if (st.ok()) st = documents_after(db_, last, &waiting);
  if (!st.ok() || waiting == 0) return st;
  st = index_documents_after(db_, last);
  if (st.ok()) st = tx.Commit();
  if (st.ok()) *indexed = static_cast<size_t>(waiting);
  return st;
}

}  // namespace chitieu
