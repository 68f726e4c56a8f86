// Store::Open: a database opened, created or upgraded while other processes
// may be doing the same to the same file.
//
// Every step waits for other connections' locks, for up to kBusyTimeoutMs in
// all: the busy timeout is set before anything else, schema changes are made
// under BEGIN IMMEDIATE (a deferred transaction that turns into a write while
// another connection writes gets SQLITE_BUSY at once, without the busy
// handler), and the whole open is tried again on SQLITE_BUSY or SQLITE_LOCKED
// from the steps the handler does not cover (switching to WAL, a WAL being
// recovered).
//
// A new database is made whole under a temporary name beside `path` and linked
// into place, so no process ever opens a database at `path` that has no schema
// yet: one that must exist either is not there or is complete.
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "store/schema.h"
#include "store/sql.h"
#include "store/store.h"
#include "store/transaction.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// How long opening waits for other connections' locks, all attempts together:
// as long as any later step waits (the busy timeout).
constexpr int kBusyTimeoutMs = 60000;

bool file_exists(const std::string& path) {
  struct stat sb;
  return stat(path.c_str(), &sb) == 0;
}

// SQLite's last error on `db` says another connection holds a lock.
bool is_busy(sqlite3* db) {
  int rc = sqlite3_extended_errcode(db) & 0xff;
  return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

Status database_error(const std::string& path, const std::string& why) {
  return Status::Error(StatusCode::kDatabase, "cannot open database " + path + ": " + why);
}

// What the schema found allows: nothing for a foreign or newer database, nor
// for an empty one that must exist.
Status check_state(const SchemaState& state, const std::string& path, OpenMode mode) {
  if (state.foreign)
    return database_error(path, "not a chitieu database (it has tables but no chitieu schema version)");
  if (state.version > kSchemaVersion)
    return database_error(path, "made by a newer chitieu (schema version " + std::to_string(state.version) +
                                    "; this chitieu, version " CHITIEU_VERSION ", reads schema versions up to " +
                                    std::to_string(kSchemaVersion) + "): open it with that chitieu or a later one");
  if (state.empty && mode == OpenMode::kMustExist)
    return database_error(path, "not a chitieu database (it is empty; `chitieu ingest` creates one)");
  return Status::Ok();
}

// WAL lets readers read while an ingest writes. Switching to it takes the
// exclusive lock, which the busy handler does not wait for: only when needed.
Status use_wal(sqlite3* db) {
  {
    Statement q(db, "PRAGMA journal_mode");
    if (!q.ok()) return prepare_error(q, "journal mode lookup");
    if (q.step() == SQLITE_ROW && q.text(0) == "wal") return Status::Ok();
  }  // the statement ends its read before the mode can change
  return exec_sql(db, "PRAGMA journal_mode=WAL");
}

// Creates the schema in an empty database or upgrades an older one, in one
// write transaction: whole or not at all. The state is read again under the
// write lock, since another process may have done it meanwhile.
Status write_schema(sqlite3* db, const std::string& path, OpenMode mode, bool* busy) {
  Transaction tx(db);
  Status st = tx.Begin();
  SchemaState state;
  if (st.ok()) st = read_schema_state(db, &state);
  if (st.ok()) st = check_state(state, path, mode);
  if (st.ok() && state.empty) st = create_schema(db);
  else if (st.ok() && state.version < kSchemaVersion) st = upgrade_schema(db, state.version);
  if (st.ok()) st = tx.Commit();
  if (!st.ok()) *busy = is_busy(db);
  return st;
}

// One attempt: the connection (in `*out` even on failure, for the caller to
// close) and the schema settled. `*busy` says a failure was another
// connection's lock.
Status open_once(const std::string& path, OpenMode mode, int timeout_ms, sqlite3** out, bool* busy) {
  *busy = false;
  int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), out, flags, nullptr);
  sqlite3* db = *out;
  if (rc != SQLITE_OK) {
    if (mode == OpenMode::kMustExist && !file_exists(path))
      return Status::Error(StatusCode::kDatabase, "no database at " + path + " (`chitieu ingest` creates one)");
    return database_error(path, db ? sqlite3_errmsg(db) : "out of memory");
  }
  // Before anything else: every later step waits for other connections' locks.
  sqlite3_busy_timeout(db, timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  SchemaState state;
  Status st = exec_sql(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  if (st.ok()) st = read_schema_state(db, &state);
  if (!st.ok()) {
    *busy = is_busy(db);
    return database_error(path, st.message());
  }
  st = check_state(state, path, mode);
  if (!st.ok()) return st;
  st = use_wal(db);
  if (!st.ok()) {
    *busy = is_busy(db);
    return database_error(path, st.message());
  }
  if (state.empty || state.version < kSchemaVersion) return write_schema(db, path, mode, busy);
  return Status::Ok();
}

// Temporary databases a creating process left beside `path` when it was
// killed (its pid no longer runs) are removed: "<path>.new-<pid>-<n>" and
// their -wal and -shm files.
void remove_abandoned_temporaries(const std::string& path) {
  std::error_code ec;
  fs::path p(path);
  fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  const std::string prefix = p.filename().string() + ".new-";
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(it->path(), ec);
  }
}

// Makes a new database with its schema under a temporary name beside `path`
// and links it into place; a database another process placed first is as
// good as this one. On a file system that cannot link files nothing is
// placed, and the caller's open creates the database in place.
Status create_whole(const std::string& path) {
  static std::atomic<int> serial{0};
  const std::string temp = path + ".new-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(temp.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Status st = rc == SQLITE_OK ? Status::Ok()
                              : Status::Error(StatusCode::kDatabase, "cannot create database " + path + ": " +
                                                                         (db ? sqlite3_errmsg(db) : "out of memory"));
  if (st.ok()) {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    st = exec_sql(db, "PRAGMA journal_mode=WAL");
    Transaction tx(db);
    if (st.ok()) st = tx.Begin();
    if (st.ok()) st = create_schema(db);
    if (st.ok()) st = tx.Commit();
  }
  // Closing the only connection checkpoints the WAL into the file and removes it.
  if (sqlite3_close(db) != SQLITE_OK && st.ok())
    st = Status::Error(StatusCode::kDatabase, "cannot create database " + path + ": closing failed");
  if (st.ok()) link(temp.c_str(), path.c_str());
  for (const char* suffix : {"", "-wal", "-shm"}) unlink((temp + suffix).c_str());
  return st;
}

}  // namespace

Status Store::Open(const std::string& path, OpenMode mode, std::unique_ptr<Store>* out) {
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  if (mode == OpenMode::kCreate) remove_abandoned_temporaries(path);
  if (mode == OpenMode::kCreate && !file_exists(path)) {
    Status st = create_whole(path);
    if (!st.ok()) return st;
  }
  for (int attempt = 0;; ++attempt) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    sqlite3* db = nullptr;
    bool busy = false;
    Status st = open_once(path, mode, static_cast<int>(std::max<int64_t>(left, 1)), &db, &busy);
    if (st.ok()) {
      out->reset(new Store(db));
      return st;
    }
    sqlite3_close(db);
    if (!busy || Clock::now() >= deadline) return st;
    // Another process holds the lock a moment: try again shortly, a little
    // later each time (a few milliseconds to a tenth of a second).
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(100, 2 << std::min(attempt, 6))));
  }
}

Store::Store(sqlite3* db) : db_(db), statements_(std::make_unique<StatementCache>(db)) {}

Store::~Store() {
  open_snapshot_.reset();  // its read transaction ends before the connection does
  statements_.reset();     // and its statements
  sqlite3_close(db_);
}

}  // namespace chitieu
