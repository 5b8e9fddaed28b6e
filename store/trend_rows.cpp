#include "store/trend_rows.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "types/run_kind.h"

namespace linkhealth {
namespace {

// The crawls of the window with the finished crawl before each (`prev`, NULL for the first
// crawl ever): the same baseline Store::new_problems and Store::fixed compare with. The
// window function runs before the LIMIT, so the oldest run of the window keeps its baseline.
constexpr const char* kWindow =
    "WITH ordered AS (SELECT id, started_at, coalesce(finished_at, '') AS finished_at, "
    "lag(id) OVER (ORDER BY id) AS prev FROM runs WHERE kind = 'crawl' AND id <= ?1 "
    "AND (status = 'done' OR id = ?1)), "
    "win AS (SELECT * FROM ordered ORDER BY id DESC LIMIT ?2) ";

SQLite::Statement window_query(SQLite::Database& db, const std::string& rest, std::int64_t run_id,
                               int max_runs) {
  SQLite::Statement s(db, std::string(kWindow) + rest);
  s.bind(1, run_id);
  s.bind(2, max_runs);
  return s;
}

std::string working_verdicts() {
  return "('" + std::string(to_string(Verdict::Ok)) + "','" +
         std::string(to_string(Verdict::Redirected)) + "')";
}

}  // namespace

TrendRows load_trend_rows(SQLite::Database& db, std::int64_t run_id, int max_runs) {
  TrendRows rows;
  SQLite::Statement kind(db, "SELECT kind FROM runs WHERE id = ?");
  kind.bind(1, run_id);
  if (!kind.executeStep() || kind.getColumn(0).getString() != to_string(RunKind::Crawl)) {
    return rows;
  }

  auto runs =
      window_query(db, "SELECT id, started_at, finished_at FROM win ORDER BY id", run_id, max_runs);
  while (runs.executeStep()) {
    rows.runs.push_back({runs.getColumn(0).getInt64(), runs.getColumn(1).getString(),
                         runs.getColumn(2).getString()});
  }

  auto verdicts = window_query(db,
                               "SELECT c.run_id, c.verdict, count(*) FROM checks c "
                               "WHERE c.run_id IN (SELECT id FROM win) "
                               "GROUP BY c.run_id, c.verdict ORDER BY c.run_id, c.verdict",
                               run_id, max_runs);
  while (verdicts.executeStep()) {
    // A verdict this build does not know (a newer one wrote the row) is not counted.
    const auto verdict = verdict_from_string(verdicts.getColumn(1).getString());
    if (!verdict) continue;
    rows.verdicts.push_back(
        {verdicts.getColumn(0).getInt64(), *verdict, verdicts.getColumn(2).getInt()});
  }

  auto fixes = window_query(db,
                            "SELECT w.id, coalesce(p.broken_since, ''), c.checked_at FROM win w "
                            "JOIN checks p ON p.run_id = w.prev AND p.problem = 1 "
                            "JOIN checks c ON c.run_id = w.id AND c.target_id = p.target_id "
                            "WHERE c.verdict IN " +
                                working_verdicts() + " ORDER BY w.id, c.checked_at",
                            run_id, max_runs);
  while (fixes.executeStep()) {
    rows.fixes.push_back({fixes.getColumn(0).getInt64(), fixes.getColumn(1).getString(),
                          fixes.getColumn(2).getString()});
  }

  auto fresh = window_query(db,
                            "SELECT w.id, count(*) FROM win w JOIN checks c ON c.run_id = w.id "
                            "WHERE c.problem = 1 AND c.confirmed = 1 AND NOT EXISTS (SELECT 1 "
                            "FROM checks p WHERE p.run_id = w.prev AND p.target_id = c.target_id "
                            "AND p.problem = 1 AND p.confirmed = 1) GROUP BY w.id ORDER BY w.id",
                            run_id, max_runs);
  while (fresh.executeStep()) {
    rows.new_problems.push_back({fresh.getColumn(0).getInt64(), fresh.getColumn(1).getInt()});
  }

  SQLite::Statement open(db,
                         "SELECT coalesce(broken_since, ''), checked_at FROM checks "
                         "WHERE run_id = ? AND problem = 1 ORDER BY broken_since");
  open.bind(1, run_id);
  while (open.executeStep()) {
    rows.open_problems.push_back({open.getColumn(0).getString(), open.getColumn(1).getString()});
  }
  return rows;
}

}  // namespace linkhealth
