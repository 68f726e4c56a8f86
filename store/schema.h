// The database's schema and its versions (private to store/).
//
// The version is `PRAGMA user_version` (kSchemaVersion, store.h). Databases
// made before version 6 kept it in the table `meta` (key 'schema_version')
// and have user_version 0: the version is read from there, and the upgrade
// moves it to user_version. The meta row is still written, with the current
// version, so that a chitieu older than version 6, which reads only `meta`,
// refuses a newer database instead of writing to it.
//
// An upgrade runs the steps from the version found to this one in the caller's
// write transaction: a database is upgraded whole or not at all.
#ifndef CHITIEU_STORE_SCHEMA_H_
#define CHITIEU_STORE_SCHEMA_H_

#include <sqlite3.h>

#include "common/status.h"

namespace chitieu {

// What a database file holds, as far as the schema goes.
struct SchemaState {
  bool empty = false;    // no tables at all: a new database
  bool foreign = false;  // tables, but no chitieu version anywhere: not ours
  int version = 0;       // when neither: the version found (user_version, else meta)
};

// Reads the state; needs no write lock.
Status read_schema_state(sqlite3* db, SchemaState* out);

// Creates every table of this version in an empty database and writes the
// version. Inside the caller's write transaction.
Status create_schema(sqlite3* db);

// Runs the upgrade steps from `from_version` to this version and writes the
// version. Inside the caller's write transaction.
Status upgrade_schema(sqlite3* db, int from_version);

// The columns a figure row has, in the order figure_history copies them.
extern const char kFigureRowColumns[];

}  // namespace chitieu

#endif  // CHITIEU_STORE_SCHEMA_H_
