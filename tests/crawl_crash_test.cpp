#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tests/child_process.h"
#include "tests/crawl_support.h"

// Crash safety of the whole product (issues 5 and 8): the real `linkhealth crawl` killed with
// SIGKILL at 20 random points must leave a valid database that lost no committed check, and
// the next crawl must complete the run.

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr int kTargets = 240;
constexpr int kHosts = 4;
constexpr int kKills = 20;

/// Check ids a reader sees committed (empty while the database or its schema is missing).
std::set<long long> committed_ids(const std::filesystem::path& db) {
  std::set<long long> ids;
  if (!std::filesystem::exists(db)) return ids;
  try {
    SQLite::Database sql(db.string(), SQLite::OPEN_READONLY);
    sql.setBusyTimeout(2000);
    SQLite::Statement q(sql, "SELECT id FROM checks");
    while (q.executeStep()) ids.insert(q.getColumn(0).getInt64());
  } catch (const SQLite::Exception&) {
    ids.clear();  // schema not created yet: nothing committed
  }
  return ids;
}

}  // namespace

TEST_CASE("crawl killed with SIGKILL at 20 random points loses no committed check",
          "[cli][crawl][crash][process][web]") {
  TempTree tree;
  testweb::Scenario web_scenario;
  testweb::Reply reply = page("Steady page");
  reply.delay_ms = 30;
  for (int h = 0; h < kHosts; ++h) {
    web_scenario.hosts["h" + std::to_string(h) + ".web.test"]["/p*"].replies = {reply};
  }
  for (int i = 0; i < kTargets; ++i) {
    const std::string n = std::to_string(i);
    tree.write(
        "content/" + n + ".md",
        md("s" + n, "Steady page", "http://h" + std::to_string(i % kHosts) + ".web.test/p" + n));
  }
  testweb::FixtureWeb web(web_scenario);
  const auto db = tree.root() / "links.db";
  std::vector<std::string> args = {"crawl", "--content", (tree.root() / "content").string(),
                                   "--db",  db.string(), "--per-host",
                                   "1"};
  for (const std::string& f : loopback_flags(web.port())) args.push_back(f);

  const auto seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_after_ms(20, 700);

  for (int round = 0; round < kKills; ++round) {
    INFO("round " << round);
    std::set<long long> seen;
    {
      const std::size_t before = committed_ids(db).size();
      ChildProcess crawl(args, tree.root(), "crawl");
      if (round % 2 == 0) {
        // Half the kills come shortly after a batch commit of this process, so every round
        // has something committed to lose; the others at any moment, start-up included.
        for (int i = 0; i < 200 && committed_ids(db).size() <= before; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random) / 3));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random)));
      }
      seen = committed_ids(db);  // what a reader saw committed just before the kill
      crawl.signal(SIGKILL);
      const int code = crawl.wait();
      CHECK((code == 128 + SIGKILL || code == 0));
    }
    SQLite::Database sql(db.string());
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    const std::set<long long> after = committed_ids(db);
    CHECK(std::includes(after.begin(), after.end(), seen.begin(), seen.end()));
  }

  // The next crawl completes the run the kills left behind.
  ChildProcess last(args, tree.root(), "last");
  CHECK(last.wait() == 0);
  SQLite::Database sql(db.string());
  CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
  const std::int64_t run = sql.execAndGet("SELECT MAX(id) FROM runs").getInt64();
  SQLite::Statement status(sql, "SELECT status FROM runs WHERE id = ?");
  status.bind(1, run);
  REQUIRE(status.executeStep());
  CHECK(status.getColumn(0).getString() == "done");
  SQLite::Statement targets(sql, "SELECT COUNT(DISTINCT target_id) FROM checks WHERE run_id = ?");
  targets.bind(1, run);
  REQUIRE(targets.executeStep());
  CHECK(targets.getColumn(0).getInt() == kTargets);
  // Resumed, never abandoned: no run is left running or interrupted.
  CHECK(sql.execAndGet("SELECT COUNT(*) FROM runs WHERE status <> 'done'").getInt() == 0);
}
