#include "store/notice_log.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "extract/utc_time.h"
#include "store/statement_rows.h"

namespace linkhealth {

bool claim_notices(SQLite::Database& db, std::int64_t run_id,
                   const std::vector<std::string>& channels) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement any(db, "SELECT count(*) FROM notices WHERE run_id = ?");
  any.bind(1, run_id);
  any.executeStep();
  if (any.getColumn(0).getInt64() > 0) return false;
  any.reset();
  SQLite::Statement insert(db,
                           "INSERT INTO notices (run_id, channel, attempted, error, at) "
                           "VALUES (?, ?, 0, '', ?)");
  const std::string now = utc_now();
  for (const std::string& channel : channels) {
    insert.bind(1, run_id);
    insert.bind(2, channel);
    insert.bind(3, now);
    insert.exec();
    insert.reset();
  }
  txn.commit();
  return true;
}

void record_notice(SQLite::Database& db, std::int64_t run_id, const std::string& channel,
                   const std::string& error) {
  SQLite::Statement update(db,
                           "UPDATE notices SET attempted = 1, error = ?, at = ? "
                           "WHERE run_id = ? AND channel = ?");
  update.bind(1, error);
  update.bind(2, utc_now());
  update.bind(3, run_id);
  update.bind(4, channel);
  update.exec();
}

std::vector<NoticeRecord> run_notices(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db,
                      "SELECT channel, attempted, error, at FROM notices WHERE run_id = ? "
                      "ORDER BY id");
  s.bind(1, run_id);
  return all_rows(s, [](SQLite::Statement& row) {
    return NoticeRecord{row.getColumn(0).getString(), row.getColumn(1).getInt() != 0,
                        row.getColumn(2).getString(), row.getColumn(3).getString()};
  });
}

RunTraffic run_traffic(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db,
                      "SELECT coalesce(sum(attempts), 0), coalesce(sum(bytes), 0) FROM checks "
                      "WHERE run_id = ?");
  s.bind(1, run_id);
  s.executeStep();
  return {s.getColumn(0).getInt64(), s.getColumn(1).getInt64()};
}

}  // namespace linkhealth
