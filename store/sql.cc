#include "store/sql.h"

#include <ctime>

namespace chitieu {

Status sql_error(sqlite3* db, const std::string& what) {
  return Status::Error(StatusCode::kDatabase, "database: " + what + ": " + sqlite3_errmsg(db));
}

Status prepare_error(const Statement& s, const std::string& what) {
  return Status::Error(StatusCode::kDatabase, "database: preparing " + what + ": " + s.error());
}

Status exec_sql(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return Status::Error(StatusCode::kDatabase, "database: " + msg);
  }
  return Status::Ok();
}

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace chitieu
