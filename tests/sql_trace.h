#pragma once
// Counts the SQL statements a connection starts (sqlite3_trace_v2), so a test can pin how many
// a workflow runs: a count that grows with the rows means a statement per row.

#include <sqlite3.h>

#include <string_view>

#include <SQLiteCpp/Database.h>

namespace linkhealth::testing {

class StatementCounter {
 public:
  explicit StatementCounter(SQLite::Database& db) : db_(db.getHandle()) {
    sqlite3_trace_v2(db_, SQLITE_TRACE_STMT, &StatementCounter::on_statement, this);
  }
  ~StatementCounter() { sqlite3_trace_v2(db_, 0, nullptr, nullptr); }
  StatementCounter(const StatementCounter&) = delete;
  StatementCounter& operator=(const StatementCounter&) = delete;

  /// SELECT statements started since construction or the last reset.
  int selects() const { return selects_; }
  void reset() { selects_ = 0; }

 private:
  static int on_statement(unsigned, void* self, void*, void* sql) {
    if (std::string_view(static_cast<const char*>(sql)).substr(0, 6) == "SELECT") {
      ++static_cast<StatementCounter*>(self)->selects_;
    }
    return 0;
  }

  sqlite3* db_;
  int selects_ = 0;
};

}  // namespace linkhealth::testing
