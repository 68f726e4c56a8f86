// Store::reextract: a document's figures replaced by those extracted again,
// keeping what is replaced (figure_history), and the search index rebuilt
// after it.
#include <sqlite3.h>

#include <set>
#include <string>

#include "common/text.h"
#include "store/rows.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/store.h"
#include "store/transaction.h"

namespace chitieu {
namespace {

// What the document's row says of its current figures.
struct CurrentSet {
  bool found = false;
  std::string extractor_version, extracted_at;
  int64_t figure_count = 0;
};

Status read_current_set(sqlite3* db, int64_t doc_id, CurrentSet* out) {
  Statement q(db, "SELECT extractor_version, extracted_at, figure_count FROM documents WHERE id = ?");
  if (!q.ok()) return prepare_error(q, "document lookup");
  q.bind(1, doc_id);
  int rc = q.step();
  if (rc == SQLITE_ROW) *out = {true, q.text(0), q.text(1), q.integer(2)};
  else if (rc != SQLITE_DONE) return sql_error(db, "looking up document");
  return Status::Ok();
}

Status insert_run(sqlite3* db, const Reextraction& r, const CurrentSet& before, const std::string& at,
                  int64_t* id) {
  Statement q(db,
              "INSERT INTO reextractions(document_id, at, by_user, host, from_extractor, to_extractor, "
              "data_sha256, figures_before, figures_after, unchanged, changed, added, removed, header_before) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!q.ok()) return prepare_error(q, "reextraction insert");
  int64_t after = static_cast<int64_t>(r.unchanged + r.changed.size() + r.added.size());
  q.bind(1, r.document_id);
  q.bind(2, at);
  q.bind_or_null(3, r.by.user);
  q.bind_or_null(4, r.by.host);
  q.bind(5, before.extractor_version);
  q.bind(6, r.by.extractor_version);
  q.bind_or_null(7, r.by.data_sha256);
  q.bind(8, before.figure_count);
  q.bind(9, after);
  q.bind(10, static_cast<int64_t>(r.unchanged));
  q.bind(11, static_cast<int64_t>(r.changed.size()));
  q.bind(12, static_cast<int64_t>(r.added.size()));
  q.bind(13, static_cast<int64_t>(r.removed.size()));
  q.bind_or_null(14, r.header_before);
  if (q.step() != SQLITE_DONE) return sql_error(db, "recording reextraction");
  *id = sqlite3_last_insert_rowid(db);
  return Status::Ok();
}

// Copies the figure's row, as it is, into figure_history.
Status archive_figure(sqlite3* db, int64_t run, int64_t figure_id, int64_t doc_id, const char* fate,
                      const std::string& differences, const CurrentSet& made) {
  std::string sql = std::string("INSERT INTO figure_history(reextraction_id, figure_id, fate, differences, "
                                "made_by, made_at, ") +
                    kFigureRowColumns + ") SELECT ?, id, ?, ?, ?, ?, " + kFigureRowColumns +
                    " FROM figures WHERE id = ? AND document_id = ?";
  Statement q(db, sql);
  if (!q.ok()) return prepare_error(q, "figure history insert");
  q.bind(1, run);
  q.bind(2, std::string(fate));
  q.bind(3, differences);
  q.bind(4, made.extractor_version);
  q.bind_or_null(5, made.extracted_at);
  q.bind(6, figure_id);
  q.bind(7, doc_id);
  if (q.step() != SQLITE_DONE) return sql_error(db, "keeping figure history");
  if (sqlite3_changes(db) != 1)
    return Status::Error(StatusCode::kDatabase, "database: figure " + std::to_string(figure_id) +
                                                    " is not a figure of document " + std::to_string(doc_id));
  return Status::Ok();
}

Status replace_figure(sqlite3* db, const Reextraction& r, const Reextraction::Changed& c) {
  std::string sql = std::string("UPDATE figures SET (") + kFigureRowColumns +
                    ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?";
  Statement q(db, sql);
  if (!q.ok()) return prepare_error(q, "figure update");
  bind_figure_row(&q, 1, r.document_id, c.figure, page_of_line(r.source, c.figure.number_line));
  q.bind(25, c.figure_id);
  if (q.step() != SQLITE_DONE) return sql_error(db, "updating figure");
  return Status::Ok();
}

Status delete_figure(sqlite3* db, int64_t figure_id) {
  Statement q(db, "DELETE FROM figures WHERE id = ?");
  if (!q.ok()) return prepare_error(q, "figure delete");
  q.bind(1, figure_id);
  if (q.step() != SQLITE_DONE) return sql_error(db, "deleting figure");
  return Status::Ok();
}

// The changed and removed figures kept in figure_history, then replaced or
// deleted; the added ones inserted.
Status write_figures(sqlite3* db, const Reextraction& r, int64_t run, const CurrentSet& made) {
  for (const Reextraction::Changed& c : r.changed) {
    Status st = archive_figure(db, run, c.figure_id, r.document_id, "changed", c.differences, made);
    if (st.ok()) st = replace_figure(db, r, c);
    if (!st.ok()) return st;
  }
  for (const auto& [id, why] : r.removed) {
    Status st = archive_figure(db, run, id, r.document_id, "removed", why, made);
    if (st.ok()) st = delete_figure(db, id);
    if (!st.ok()) return st;
  }
  return insert_figures(db, r.document_id, r.source, r.added);
}

// The lines' repaired text and the repairs made on them, as repaired again.
Status rewrite_repairs(sqlite3* db, const Reextraction& r) {
  Statement del(db, "DELETE FROM repairs WHERE document_id = ?");
  if (!del.ok()) return prepare_error(del, "repair delete");
  del.bind(1, r.document_id);
  if (del.step() != SQLITE_DONE) return sql_error(db, "deleting repairs");
  Statement upd(db, "UPDATE lines SET repaired = ? WHERE document_id = ? AND line_no = ?");
  Statement rep(db,
                "INSERT INTO repairs(document_id, line_no, raw_start, raw_end, raw_text, replacement, rule) "
                "VALUES (?,?,?,?,?,?,?)");
  if (!upd.ok() || !rep.ok()) return prepare_error(upd.ok() ? rep : upd, "line repair update");
  for (size_t i = 0; i < r.repaired.size() && i < r.source.lines.size(); ++i) {
    const std::string& raw = r.source.lines[i];
    if (r.repaired[i].text != raw) upd.bind(1, r.repaired[i].text);
    upd.bind(2, r.document_id);
    upd.bind(3, static_cast<int64_t>(i + 1));
    if (upd.step() != SQLITE_DONE) return sql_error(db, "updating line");
    upd.reset();
    for (const Repair& x : r.repaired[i].repairs) {
      rep.bind(1, r.document_id);
      rep.bind(2, static_cast<int64_t>(i + 1));
      rep.bind(3, static_cast<int64_t>(x.raw_begin));
      rep.bind(4, static_cast<int64_t>(x.raw_end));
      rep.bind(5, raw.substr(x.raw_begin, x.raw_end - x.raw_begin));
      rep.bind(6, x.replacement);
      rep.bind(7, x.rule);
      if (rep.step() != SQLITE_DONE) return sql_error(db, "inserting repair");
      rep.reset();
    }
  }
  return Status::Ok();
}

// The header read again, the figure count, and which extractor made the
// figures now and when. The version link (version_key, previous_version_id)
// stays as ingest made it.
Status update_document_row(sqlite3* db, const Reextraction& r, const std::string& at) {
  Statement q(db,
              "UPDATE documents SET doc_number = ?, doc_type = ?, issuer = ?, place = ?, doc_date = ?, "
              "title = ?, is_draft = ?, date_source = ?, period = ?, period_line = ?, period_quote = ?, "
              "genre = ?, figure_count = ?, extractor_version = ?, data_sha256 = ?, extracted_at = ? "
              "WHERE id = ?");
  if (!q.ok()) return prepare_error(q, "document update");
  const DocumentHeader& h = r.header;
  q.bind_or_null(1, h.number);
  q.bind_or_null(2, h.type);
  q.bind_or_null(3, h.issuer);
  q.bind_or_null(4, h.place);
  q.bind_or_null(5, h.date);
  q.bind_or_null(6, h.title);
  q.bind(7, static_cast<int64_t>(h.is_draft ? 1 : 0));
  q.bind_or_null(8, h.date_source);
  q.bind_or_null(9, h.period);
  if (h.period_line > 0) q.bind(10, static_cast<int64_t>(h.period_line));
  q.bind_or_null(11, h.period_quote);
  q.bind_or_null(12, std::string(genre_name(h.genre)));
  q.bind(13, static_cast<int64_t>(r.unchanged + r.changed.size() + r.added.size()));
  q.bind(14, r.by.extractor_version);
  q.bind_or_null(15, r.by.data_sha256);
  q.bind(16, at);
  q.bind(17, r.document_id);
  if (q.step() != SQLITE_DONE) return sql_error(db, "updating document");
  return Status::Ok();
}

}  // namespace

Status Store::reextract(const Reextraction& r, int64_t* id) {
  *id = 0;
  Transaction tx(db_);
  Status st = tx.Begin();
  CurrentSet current;
  if (st.ok()) st = read_current_set(db_, r.document_id, &current);
  if (!st.ok()) return st;
  if (!current.found) return Status::Error(StatusCode::kNotFound, "no document " + std::to_string(r.document_id));
  // Another process re-extracted it since `r` was made: nothing to do.
  if (current.extractor_version != r.from_extractor) return Status::Ok();
  const std::string at = now_utc();
  int64_t run = 0;
  st = insert_run(db_, r, current, at, &run);
  if (st.ok()) st = write_figures(db_, r, run, current);
  if (st.ok()) st = rewrite_repairs(db_, r);
  if (st.ok()) st = update_document_row(db_, r, at);
  // The search index is rebuilt once after the run (rebuild_search_index):
  // until then it says it is stale, so a run cut short is finished later.
  if (st.ok())
    st = exec_sql(db_, "INSERT INTO meta(key, value) VALUES ('search_index_stale', '1') "
                       "ON CONFLICT(key) DO UPDATE SET value = '1'");
  if (st.ok()) st = tx.Commit();
  if (st.ok()) *id = run;
  return st;
}

Status Store::rebuild_search_index(bool only_if_stale, bool* rebuilt) {
  *rebuilt = false;
  Transaction tx(db_);
  Status st = tx.Begin();
  if (!st.ok()) return st;
  if (only_if_stale) {
    Statement q(db_, "SELECT value FROM meta WHERE key = 'search_index_stale'");
    if (!q.ok()) return prepare_error(q, "search index state");
    int rc = q.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sql_error(db_, "reading search index state");
    if (rc != SQLITE_ROW || q.text(0) != "1") return Status::Ok();
  }
  st = exec_sql(db_, "INSERT INTO search(search) VALUES ('delete-all')");
  if (st.ok()) st = index_documents_after(db_, 0);
  if (st.ok()) st = exec_sql(db_, "DELETE FROM meta WHERE key = 'search_index_stale'");
  if (st.ok()) st = tx.Commit();
  *rebuilt = st.ok();
  return st;
}

}  // namespace chitieu
