// A crawl split into shards and merged gives the store one unsharded crawl gives: the same
// verdicts, drift, history, new and fixed problems and report rows, week after week. The real
// binary against the fixture web.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>

#include "tests/cli_process.h"
#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr int kShards = 3;

// Five sites (by registrable domain): alpha.test falls in shard 2 of 3, beta.test in 1,
// delta.test in 0, gamma.test in 2 (FNV-1a, crawler/shard.h), so every shard has work.
void write_content(const TempTree& tree) {
  tree.write("content/a.md", md("a", "A health story", "http://news.alpha.test/story"));
  tree.write("content/b.md", md("b", "Old place", "http://www.alpha.test/old"));
  tree.write("content/c.md", md("c", "Gone story", "http://beta.test/gone"));
  tree.write("content/d.md",
             md("d", "Hospitals expand telehealth for rural care", "http://delta.test/telehealth"));
  tree.write("content/e.md",
             "---\nslug: e\ntitle: Nurses trial a triage app\nlink:\n"
             "  href: http://gamma.test/triage\n"
             "  original: http://gamma.test/triage?utm_source=mail\n"
             "openProjectCustomFields:\n  sourceUrl: http://beta.test/triage\n---\n");
}

testweb::Scenario week_one() {
  testweb::Scenario s;
  s.hosts["news.alpha.test"]["/story"].replies = {page("A health story")};
  s.hosts["www.alpha.test"]["/old"].replies = {redirect_to("/new")};
  s.hosts["www.alpha.test"]["/new"].replies = {page("Old place")};
  s.hosts["delta.test"]["/telehealth"].replies = {page("Quarterly earnings call transcript")};
  s.hosts["gamma.test"]["/triage"].replies = {page("Nurses trial a triage app")};
  s.hosts["beta.test"]["/triage"].replies = {page("Nurses trial a triage app")};
  return s;
}

// The story dies, the dead page comes back.
testweb::Scenario week_two() {
  testweb::Scenario s = week_one();
  s.hosts["news.alpha.test"].erase("/story");
  s.hosts["beta.test"]["/gone"].replies = {page("Gone story")};
  return s;
}

std::vector<std::string> crawl_args(const TempTree& tree, const testweb::FixtureWeb& web,
                                    const std::string& db, const std::string& shard) {
  std::vector<std::string> args = {"crawl",
                                   "--content",
                                   (tree.root() / "content").string(),
                                   "--db",
                                   (tree.root() / db).string(),
                                   "--fail-on",
                                   "never"};
  if (!shard.empty()) {
    args.push_back("--shard");
    args.push_back(shard);
  }
  for (std::string& f : loopback_flags(web.port())) args.push_back(std::move(f));
  return args;
}

std::string shard_db(int k) {
  return "shard" + std::to_string(k) + ".db";
}

ProcessResult merge(const TempTree& tree) {
  std::vector<std::string> args = {"merge", "--db", (tree.root() / "all.db").string()};
  for (int k = 0; k < kShards; ++k) args.push_back((tree.root() / shard_db(k)).string());
  return run_linkhealth(args);
}

void crawl_week(const TempTree& tree, const testweb::Scenario& scenario) {
  testweb::FixtureWeb web(scenario);
  const auto whole = run_linkhealth(crawl_args(tree, web, "single.db", ""));
  INFO(whole.out << whole.err);
  REQUIRE(whole.status == 0);
  for (int k = 0; k < kShards; ++k) {
    const auto part = run_linkhealth(
        crawl_args(tree, web, shard_db(k), std::to_string(k) + "/" + std::to_string(kShards)));
    INFO(part.out << part.err);
    REQUIRE(part.status == 0);
  }
}

// What a run says of each target, without times and ids.
std::map<std::string, std::string> run_rows(const TempTree& tree, const std::string& db, int run) {
  SQLite::Database d((tree.root() / db).string());
  SQLite::Statement q(
      d,
      "SELECT t.url, c.verdict, c.http_status, c.final_url, c.redirects, c.failures, "
      "c.confirmed, c.problem, c.title, (c.broken_since IS NULL), "
      "(SELECT group_concat(kind || ':' || before || '>' || after, '|') FROM "
      "(SELECT * FROM drift WHERE drift.run_id = c.run_id AND drift.target_id = c.target_id "
      "ORDER BY kind)) FROM checks c JOIN targets t ON t.id = c.target_id WHERE c.run_id = ?");
  q.bind(1, run);
  std::map<std::string, std::string> out;
  while (q.executeStep()) {
    std::string row;
    for (int c = 1; c < q.getColumnCount(); ++c) row += q.getColumn(c).getString() + "\t";
    out[q.getColumn(0).getString()] = row;
  }
  return out;
}

std::set<std::string> hosts_checked(const TempTree& tree, const std::string& db) {
  SQLite::Database d((tree.root() / db).string());
  SQLite::Statement q(d,
                      "SELECT DISTINCT t.host FROM checks c JOIN targets t ON t.id = c.target_id");
  std::set<std::string> out;
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}

nlohmann::json report_without_run(const TempTree& tree, const std::string& db) {
  const auto report =
      run_linkhealth({"report", "--db", (tree.root() / db).string(), "--json", "-"});
  INFO(report.err);
  REQUIRE(report.status == 0);
  auto doc = nlohmann::json::parse(report.out);
  doc.erase("run");
  // The trends' times are the runs' own (the shards ran at other seconds than the single
  // crawl); their counts must agree.
  auto& trends = doc.at("trends");
  trends.erase("median_days_to_fix");
  for (auto& run : trends.at("runs")) {
    run.erase("started_at");
    run.erase("median_days_to_fix");
  }
  return doc;
}

}  // namespace

TEST_CASE("shards merged week by week equal one unsharded crawl", "[cli][merge][web]") {
  TempTree tree;
  write_content(tree);

  for (int week = 1; week <= 2; ++week) {
    INFO("week " << week);
    crawl_week(tree, week == 1 ? week_one() : week_two());
    const auto merged = merge(tree);
    INFO(merged.out << merged.err);
    REQUIRE(merged.status == 0);
    CHECK_THAT(merged.out, Catch::Contains("merged 3 shards of week"));
    CHECK(run_rows(tree, "all.db", week) == run_rows(tree, "single.db", week));
    CHECK(report_without_run(tree, "all.db") == report_without_run(tree, "single.db"));
  }
  // Week two: the story's failure is new, the dead page fixed, in both stores alike.
  const auto rows = run_rows(tree, "all.db", 2);
  REQUIRE(rows.size() == 6);  // the cleaned link.original is the href
  CHECK_THAT(rows.at("http://news.alpha.test/story"), Catch::StartsWith("broken\t404"));
  CHECK_THAT(rows.at("http://beta.test/gone"), Catch::StartsWith("ok\t200"));

  // No host was checked by two shards, and together they checked every host.
  std::set<std::string> all_hosts;
  for (int k = 0; k < kShards; ++k) {
    const auto hosts = hosts_checked(tree, shard_db(k));
    CHECK_FALSE(hosts.empty());
    for (const std::string& h : hosts) {
      INFO(h);
      CHECK(all_hosts.insert(h).second);
    }
  }
  CHECK(all_hosts == hosts_checked(tree, "single.db"));

  // Twice is once.
  const auto again = merge(tree);
  CHECK(again.status == 0);
  CHECK_THAT(again.out, Catch::Contains("already run 2"));
  SQLite::Database all((tree.root() / "all.db").string());
  CHECK(all.execAndGet("SELECT count(*) FROM runs").getInt() == 2);
}

TEST_CASE("merge refuses a half-finished shard and shards of another split", "[cli][merge][web]") {
  TempTree tree;
  write_content(tree);
  crawl_week(tree, week_one());
  {
    SQLite::Database shard((tree.root() / shard_db(1)).string(), SQLite::OPEN_READWRITE);
    shard.exec("UPDATE runs SET status = 'interrupted'");
  }
  auto refused = merge(tree);
  CHECK(refused.status == 1);
  CHECK_THAT(refused.err, Catch::Contains(shard_db(1) + ": its last crawl (run 1, shard 1/3) is "
                                                        "interrupted, not finished"));
  // Refused before the merged database is even opened.
  CHECK_FALSE(std::filesystem::exists(tree.root() / "all.db"));

  // Resuming the shard finishes it; then the merge goes through.
  {
    testweb::FixtureWeb web(week_one());
    const auto resumed = run_linkhealth(crawl_args(tree, web, shard_db(1), "1/3"));
    INFO(resumed.err);
    CHECK(resumed.status == 0);
  }
  const auto merged = merge(tree);
  INFO(merged.err);
  CHECK(merged.status == 0);

  // Two of three shards, or a shard of a 2-way split, are refused by name.
  const auto two =
      run_linkhealth({"merge", "--db", (tree.root() / "other.db").string(),
                      (tree.root() / shard_db(0)).string(), (tree.root() / shard_db(1)).string()});
  CHECK(two.status == 1);
  CHECK_THAT(two.err, Catch::Contains("shard 2/3 is missing"));
  {
    testweb::FixtureWeb web(week_one());
    REQUIRE(run_linkhealth(crawl_args(tree, web, "half.db", "1/2")).status == 0);
  }
  const auto mixed =
      run_linkhealth({"merge", "--db", (tree.root() / "other.db").string(),
                      (tree.root() / shard_db(0)).string(), (tree.root() / "half.db").string()});
  CHECK(mixed.status == 1);
  CHECK_THAT(mixed.err, Catch::Contains("is shard 1/2"));

  // Content that changed between shards.
  tree.write("content/a.md", md("a", "A retitled health story", "http://news.alpha.test/story"));
  {
    testweb::FixtureWeb web(week_one());
    REQUIRE(run_linkhealth(crawl_args(tree, web, shard_db(2), "2/3")).status == 0);
  }
  const auto changed = merge(tree);
  CHECK(changed.status == 1);
  CHECK_THAT(changed.err, Catch::Contains("crawled different content"));
}
