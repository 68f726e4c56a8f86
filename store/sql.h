// What the store's files share to talk to SQLite: a prepared statement that
// finalizes itself, errors as Status values, the time stamps written. Private
// to store/: no public header includes it.
#ifndef CHITIEU_STORE_SQL_H_
#define CHITIEU_STORE_SQL_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace chitieu {

// The statements ingest runs for every document, prepared once per
// connection: preparing them cost more than storing a short document's rows.
// Keyed by the SQL's address (string literals).
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  ~StatementCache() {
    for (auto& [sql, stmt] : prepared_) sqlite3_finalize(stmt);
  }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  sqlite3* db() const { return db_; }
  int get(const char* sql, sqlite3_stmt** out) {
    auto it = prepared_.find(sql);
    if (it != prepared_.end()) {
      *out = it->second;
      return SQLITE_OK;
    }
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, out, nullptr);
    if (rc == SQLITE_OK) prepared_.emplace(sql, *out);
    return rc;
  }

 private:
  sqlite3* db_;
  std::map<const char*, sqlite3_stmt*> prepared_;
};

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc_ != SQLITE_OK) error_ = sqlite3_errmsg(db);
  }
  Statement(sqlite3* db, const std::string& sql) : Statement(db, sql.c_str()) {}
  // A statement of `cache`, kept prepared after this one: reset and unbound.
  Statement(StatementCache& cache, const char* sql) : cached_(true) {
    rc_ = cache.get(sql, &stmt_);
    if (rc_ != SQLITE_OK) error_ = sqlite3_errmsg(cache.db());
  }
  // From `cache` when there is one (`sql` must then outlive it), else for this use.
  Statement(sqlite3* db, StatementCache* cache, const char* sql) : cached_(cache != nullptr) {
    rc_ = cache ? cache->get(sql, &stmt_) : sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc_ != SQLITE_OK) error_ = sqlite3_errmsg(db);
  }
  ~Statement() {
    if (!cached_) sqlite3_finalize(stmt_);
    else if (stmt_ != nullptr) reset();
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  int prepare_code() const { return rc_; }
  const std::string& error() const { return error_; }
  sqlite3_stmt* get() { return stmt_; }
  void bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void bind_or_null(int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(stmt_, i);
    else bind(i, s);
  }
  // Text that outlives the next step() (bound without a copy).
  void bind_unchanged(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  bool is_null(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }
  double real(int col) { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
  std::string error_;
  bool cached_ = false;
};

// "database: <what>: <SQLite's message>".
Status sql_error(sqlite3* db, const std::string& what);

// A statement that could not be prepared: `what` names the statement.
Status prepare_error(const Statement& s, const std::string& what);

// Runs `sql` (several statements allowed).
Status exec_sql(sqlite3* db, const char* sql);

// The current time, UTC, ISO 8601 to the second: "2026-12-01T09:30:00Z".
std::string now_utc();

}  // namespace chitieu

#endif  // CHITIEU_STORE_SQL_H_
