#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "store/schema.h"
#include "store/store.h"
#include "store_test_data.h"
#include "tests/sql_trace.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

void load_v1_fixture(const std::filesystem::path& db_path) {
  std::ifstream in(std::string(LINKHEALTH_FIXTURES_DIR) + "/store_v1.sql");
  REQUIRE(in);
  std::stringstream sql;
  sql << in.rdbuf();
  SQLite::Database db(db_path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(sql.str());
  REQUIRE(schema_version(db) == 1);
}

// table -> "col1 type, col2 type, ..." for every table of the database.
std::map<std::string, std::string> columns(SQLite::Database& db) {
  std::map<std::string, std::string> out;
  SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1");
  while (tables.executeStep()) {
    std::string table = tables.getColumn(0).getString();
    SQLite::Statement info(db, "SELECT name, type FROM pragma_table_info(?)");
    info.bind(1, table);
    while (info.executeStep()) {
      out[table] += info.getColumn(0).getString() + " " + info.getColumn(1).getString() + ", ";
    }
  }
  return out;
}

std::set<std::string> indexes(SQLite::Database& db) {
  std::set<std::string> out;
  SQLite::Statement s(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql NOT NULL");
  while (s.executeStep()) out.insert(s.getColumn(0).getString());
  return out;
}

}  // namespace

TEST_CASE("a schema v1 database migrates to the current version with its data",
          "[store][migration]") {
  TempDir dir;
  auto path = dir / "v1.db";
  load_v1_fixture(path);

  auto store = Store::open(path);
  CHECK(schema_version(store.database()) == kSchemaVersion);
  CHECK(store.database().execAndGet("PRAGMA integrity_check").getString() == "ok");
  SQLite::Statement fk(store.database(), "PRAGMA foreign_key_check");
  CHECK_FALSE(fk.executeStep());

  auto summary = store.summary(3);
  CHECK(summary.verdicts ==
        std::map<std::string, std::int64_t>{{"broken", 1}, {"ok", 1}, {"soft_404", 1}});
  CHECK(summary.previous->id == 1);
  CHECK(store.targets(3, {true, std::nullopt, "", ""}).size() == 2);  // `problem` was backfilled

  // History was replayed: broken in crawl 1, timeout in the ad-hoc check, broken in crawl 3.
  auto lawsuits = "https://www.beckershospitalreview.com/legal/10-latest-lawsuits.html";
  auto last = store.last_check(lawsuits);
  REQUIRE(last.has_value());
  CHECK(last->history.failures == 3);
  CHECK(last->history.broken_since == "2026-01-05T03:02:00Z");
  CHECK(last->history.confirmed);
  std::vector<TargetRecord> fresh;
  for (TargetRecord& r : store.targets(3)) {
    if (r.is_new) fresh.push_back(std::move(r));
  }
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].request_url == lawsuits);
  REQUIRE(fresh[0].refs.size() == 1);
  CHECK(fresh[0].refs[0].curated.community == "/communities/legal/");

  auto moved = store.timeline("https://example.org/moved");
  REQUIRE(moved.size() == 2);
  CHECK(moved[1].redirects.size() == 2);
  CHECK(moved[1].drift.size() == 2);
  auto interop =
      store.last_check("https://hitconsultant.net/2020/12/08/interoperability-excellence/", true);
  REQUIRE(interop.has_value());
  CHECK(interop->page->title_rule == "og:title");

  // A migrated database is indistinguishable from a new one.
  auto created = Store::open(dir / "new.db");
  CHECK(columns(store.database()) == columns(created.database()));
  CHECK(indexes(store.database()) == indexes(created.database()));
  CHECK(indexes(created.database()).count("drift_by_run_target") == 1);

  // ... and keeps working: a new crawl after the migration.
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  CHECK(run == 4);
  store.record_check(run, result(lawsuits, Verdict::Ok, "10 latest lawsuits"), {});
  store.finish_run(run, RunStatus::Done);
  CHECK(store.change_counts(run).fixed == 1);
  CHECK(flagged_urls(store, run, &TargetRecord::is_fixed) == std::vector<std::string>{lawsuits});
}

TEST_CASE("a database from a newer linkhealth is refused with its file name",
          "[store][migration]") {
  TempDir dir;
  auto path = dir / "future.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH(Store::open(path), Catch::Contains("future.db") && Catch::Contains("99"));
}

TEST_CASE("a new database uses WAL, foreign keys and a busy timeout", "[store][migration]") {
  TempDir dir;
  auto store = Store::open(dir / "links.db");
  auto& db = store.database();
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() == kBusyTimeoutMs);
  CHECK_THROWS(
      db.exec("INSERT INTO checks (run_id, target_id, checked_at, verdict) "
              "VALUES (42, 42, 'x', 'ok')"));
}

TEST_CASE("a run's counts read the run-state index, not the check rows", "[store][migration]") {
  TempDir dir;
  auto store = Store::open(dir / "links.db");
  const Source a = article("a", "A");
  std::int64_t run = 0;
  for (int crawl = 0; crawl < 2; ++crawl) {
    run = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(run, {a}, {target_for(a, url_of(1)), target_for(a, url_of(2))});
    store.record_check(run, result(url_of(1), crawl == 0 ? Verdict::Broken : Verdict::Ok, "t"), {});
    store.record_check(run, result(url_of(2), Verdict::Broken), {});
    store.flush();
    if (crawl == 1) break;  // the second run's finish is traced below
    store.finish_run(run, RunStatus::Done);
  }
  // The statements the store runs for a run's counts: finish_run's totals, the summary, new
  // and fixed since the previous crawl, the trends.
  testing::StatementCounter trace(store.database());
  store.finish_run(run, RunStatus::Done);
  store.summary(run);
  store.change_counts(run);
  store.trend_rows(run);
  std::vector<std::string> counts;
  for (const std::string& sql : trace.statements()) {
    const bool counts_checks =
        sql.find("FROM checks") != std::string::npos &&
        (sql.find("count(") != std::string::npos || sql.find("sum(") != std::string::npos);
    if (counts_checks) counts.push_back(sql);
  }
  REQUIRE(counts.size() >= 4);
  for (const std::string& sql : counts) {
    SQLite::Statement plan(store.database(), "EXPLAIN QUERY PLAN " + sql);
    std::string steps;
    while (plan.executeStep()) {
      const std::string step = plan.getColumn(3).getString();
      steps += step + "; ";
      // The run's own checks (`checks`, `c`) are walked in a covering index: a step that is
      // not one reads every wide row of the run, page metadata and all. The previous crawl's
      // check of a counted target (`p`) is one row found by its key.
      const bool walks_run = std::regex_search(step, std::regex("^(SCAN|SEARCH) (checks|c)( |$)"));
      if (walks_run && step.find("COVERING INDEX") == std::string::npos) {
        FAIL_CHECK("reads the run's check rows: " << step << "\nin: " << sql);
      }
      const bool looks_back = std::regex_search(step, std::regex("^(SCAN|SEARCH) p( |$)"));
      if (looks_back && step.find("(run_id=? AND target_id=?)") == std::string::npos) {
        FAIL_CHECK("looks back at more than one check per target: " << step << "\nin: " << sql);
      }
    }
    INFO(sql << "\nplan: " << steps);
    CHECK_THAT(steps, Catch::Contains("checks_by_run_state"));
  }
}
