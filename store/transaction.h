// Transactions on a SQLite connection whose end is decided by scope.
//
// A Transaction writes: Begin() takes the write lock at once (BEGIN IMMEDIATE),
// so what is read before writing is still true when the write commits, and an
// ingest running in another process waits (busy timeout) instead of failing
// halfway. Nothing it wrote stays unless Commit() returned ok: leaving the
// scope without committing — an early return on an error, an exception —
// rolls it back.
//
// A Snapshot reads: everything read while it lives sees one state of the
// database, whatever other connections commit meanwhile (WAL keeps the state
// it started on). Its read transaction ends with End() or when it goes.
//
// Neither nests: SQLite has one transaction per connection, so beginning one
// while another is open is an error (kDatabase), not a silent join.
#ifndef CHITIEU_STORE_TRANSACTION_H_
#define CHITIEU_STORE_TRANSACTION_H_

#include "common/status.h"

struct sqlite3;

namespace chitieu {

class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin();
  Status Commit();

 private:
  sqlite3* db_;
  bool open_ = false;  // begun, and neither committed nor rolled back
};

class Snapshot {
 public:
  explicit Snapshot(sqlite3* db) : db_(db) {}
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  // Starts the read transaction and fixes the state it sees.
  Status Begin();
  // Ends it; later reads see the latest state again.
  Status End();

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace chitieu

#endif  // CHITIEU_STORE_TRANSACTION_H_
