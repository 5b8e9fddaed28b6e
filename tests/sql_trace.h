#pragma once
// Counts the SQL statements a connection starts (sqlite3_trace_v2), so a test can pin how many
// a workflow runs: a count that grows with the rows means a statement per row. It keeps their
// text too, so a test can ask SQLite how it plans the statements the store really runs.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

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
  /// The text of every statement started since then, in order (parameters unexpanded).
  const std::vector<std::string>& statements() const { return statements_; }
  void reset() {
    selects_ = 0;
    statements_.clear();
  }

 private:
  static int on_statement(unsigned, void* self, void*, void* sql) {
    auto* counter = static_cast<StatementCounter*>(self);
    const std::string_view text(static_cast<const char*>(sql));
    if (text.substr(0, 6) == "SELECT") ++counter->selects_;
    counter->statements_.emplace_back(text);
    return 0;
  }

  sqlite3* db_;
  int selects_ = 0;
  std::vector<std::string> statements_;
};

}  // namespace linkhealth::testing
