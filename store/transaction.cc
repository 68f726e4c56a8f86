#include "store/transaction.h"

#include <sqlite3.h>

#include <string>

namespace chitieu {
namespace {

Status run(sqlite3* db, const char* sql, const char* what) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : sqlite3_errmsg(db);
  sqlite3_free(err);
  return Status::Error(StatusCode::kDatabase, std::string("database: ") + what + ": " + msg);
}

// Used where there is no one to tell: in a destructor, or after an error that
// is already being returned. A failed ROLLBACK leaves nothing to do — SQLite
// rolls an unfinished transaction back itself when the connection closes.
void roll_back_quietly(sqlite3* db) {
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace

Transaction::~Transaction() {
  if (open_) roll_back_quietly(db_);
}

Status Transaction::Begin() {
  if (open_) return Status::Error(StatusCode::kInternal, "database: transaction begun twice");
  Status st = run(db_, "BEGIN IMMEDIATE", "beginning a transaction");
  open_ = st.ok();
  return st;
}

Status Transaction::Commit() {
  if (!open_) return Status::Error(StatusCode::kInternal, "database: committing a transaction not begun");
  open_ = false;
  Status st = run(db_, "COMMIT", "committing");
  // A COMMIT that fails (a full disk, say) can leave the transaction open:
  // end it, so the connection is usable and nothing half-done stays.
  if (!st.ok()) roll_back_quietly(db_);
  return st;
}

Snapshot::~Snapshot() {
  if (open_) roll_back_quietly(db_);
}

Status Snapshot::Begin() {
  if (open_) return Status::Error(StatusCode::kInternal, "database: snapshot begun twice");
  // BEGIN alone takes no lock: the first read does, and fixes the state every
  // later read sees. Read something now, so that state is the one of Begin().
  Status st = run(db_, "BEGIN DEFERRED", "beginning a snapshot");
  if (!st.ok()) return st;  // another transaction is open: not ours to end
  st = run(db_, "SELECT count(*) FROM sqlite_schema", "beginning a snapshot");
  if (!st.ok()) {
    roll_back_quietly(db_);
    return st;
  }
  open_ = true;
  return st;
}

Status Snapshot::End() {
  if (!open_) return Status::Error(StatusCode::kInternal, "database: ending a snapshot not begun");
  open_ = false;
  // A read transaction has nothing to keep: ROLLBACK ends it as well as
  // COMMIT, and cannot fail for want of a lock.
  return run(db_, "ROLLBACK", "ending a snapshot");
}

}  // namespace chitieu
