#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "tests/child_process.h"
#include "tests/crawl_support.h"

// `linkhealth crawl` as a separate process: what cron sees, the lock, signals.

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr int kSlowTargets = 40;

/// kSlowTargets sources on one slow host: a crawl of them takes about two seconds.
testweb::Scenario slow_web(const TempTree& tree) {
  testweb::Scenario s;
  testweb::Reply reply = page("Slow page");
  reply.delay_ms = 100;
  s.hosts["slow.web.test"]["/page*"].replies = {reply};
  for (int i = 0; i < kSlowTargets; ++i) {
    const std::string n = std::to_string(i);
    tree.write("content/s" + n + ".md",
               md("slow-" + n, "Slow page", "http://slow.web.test/page" + n));
  }
  return s;
}

std::vector<std::string> crawl_args(const TempTree& tree, int port) {
  std::vector<std::string> args = {"crawl", "--content", (tree.root() / "content").string(), "--db",
                                   (tree.root() / "links.db").string()};
  for (const std::string& f : loopback_flags(port)) args.push_back(f);
  return args;
}

/// Checks committed so far (0 while the database or the run does not exist yet).
int committed_checks(const std::filesystem::path& db) {
  if (!std::filesystem::exists(db)) return 0;
  try {
    SQLite::Database sql(db.string(), SQLite::OPEN_READONLY);
    sql.setBusyTimeout(1000);
    return sql.execAndGet("SELECT COUNT(*) FROM checks").getInt();
  } catch (const SQLite::Exception&) {
    return 0;  // schema not created yet
  }
}

/// Polls until the crawl has committed at least one check (at most ~20 s).
bool wait_for_first_commit(const std::filesystem::path& db) {
  for (int i = 0; i < 400; ++i) {
    if (committed_checks(db) > 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE("crawl without a terminal prints one summary line and nothing else",
          "[cli][crawl][process][web]") {
  TempTree tree;
  write_example_tree(tree);
  testweb::FixtureWeb web(first_web());
  std::vector<std::string> args = crawl_args(tree, web.port());
  args.erase(std::remove(args.begin(), args.end(), "--no-progress"), args.end());
  ChildProcess crawl(args, tree.root(), "crawl");
  CHECK(crawl.wait() == 0);
  const std::string out = crawl.out();
  CHECK(crawl.err().empty());
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);
  CHECK(out.rfind("linkhealth crawl: run 1 done in ", 0) == 0);
  CHECK(out.find("4 targets (1 broken, 2 ok, 1 redirected), 1 problems, 0 new, 0 fixed") !=
        std::string::npos);
}

TEST_CASE("a second crawl on the same database exits at once naming the lock holder",
          "[cli][crawl][process][web]") {
  TempTree tree;
  testweb::FixtureWeb web(slow_web(tree));
  ChildProcess first(crawl_args(tree, web.port()), tree.root(), "first");
  REQUIRE(wait_for_first_commit(tree.root() / "links.db"));
  ChildProcess second(crawl_args(tree, web.port()), tree.root(), "second");
  CHECK(second.wait() == 1);
  const std::string err = second.err();
  CHECK(err.find("another crawl is using") != std::string::npos);
  CHECK(err.find("links.db.lock") != std::string::npos);
  CHECK(err.find("pid ") != std::string::npos);
  CHECK(first.wait() == 0);
}

TEST_CASE("SIGTERM interrupts a crawl and the next crawl resumes and completes it",
          "[cli][crawl][process][web]") {
  TempTree tree;
  testweb::FixtureWeb web(slow_web(tree));
  const auto db = tree.root() / "links.db";
  std::vector<std::string> args = crawl_args(tree, web.port());
  args.push_back("--log");
  args.push_back((tree.root() / "crawl.log").string());
  {
    ChildProcess crawl(args, tree.root(), "crawl");
    REQUIRE(wait_for_first_commit(db));
    crawl.signal(SIGTERM);
    CHECK(crawl.wait() == 1);
    CHECK(crawl.err().find("interrupted") != std::string::npos);
    CHECK(crawl.out().find("run 1 interrupted") != std::string::npos);
  }
  int checked_before = 0;
  {
    SQLite::Database sql(db.string());
    CHECK(sql.execAndGet("SELECT status FROM runs WHERE id = 1").getString() == "interrupted");
    checked_before = sql.execAndGet("SELECT COUNT(*) FROM checks WHERE run_id = 1").getInt();
    CHECK(checked_before > 0);
    CHECK(checked_before < kSlowTargets);
  }
  const int hits_before = web.total_hits();
  ChildProcess again(args, tree.root(), "again");
  CHECK(again.wait() == 0);
  CHECK(again.out().find("run 1 done") != std::string::npos);
  SQLite::Database sql(db.string());
  CHECK(sql.execAndGet("SELECT COUNT(*) FROM runs").getInt() == 1);
  CHECK(sql.execAndGet("SELECT status FROM runs WHERE id = 1").getString() == "done");
  CHECK(sql.execAndGet("SELECT COUNT(DISTINCT target_id) FROM checks WHERE run_id = 1").getInt() ==
        kSlowTargets);
  // The resumed crawl fetched only what the interrupted one had not recorded (give or take
  // a request the first crawl aborted that reached the server late).
  const int refetched = web.total_hits() - hits_before;
  CHECK(refetched >= kSlowTargets - checked_before);
  CHECK(refetched <= kSlowTargets - checked_before + 2);
  std::ifstream log(tree.root() / "crawl.log");
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  CHECK(text.find("crawl run 1 started") != std::string::npos);
  CHECK(text.find("crawl run 1 resumed") != std::string::npos);
  CHECK(text.find("run 1 done") != std::string::npos);
  // Every crawl accounts for its CPU by phase.
  CHECK(std::regex_search(text, std::regex(R"(cpu seconds: scan and record content \d+\.\d\d, )"
                                           R"(fetch and record checks \d+\.\d\d, )"
                                           R"(report and JSON \d+\.\d\d)")));
  // And for its wall time, in the order the phases end (the resumed crawl fetched too).
  std::smatch wall;
  REQUIRE(std::regex_search(
      text, wall,
      std::regex(R"(wall seconds: first request (\d+\.\d+), content recorded (\d+\.\d+), )"
                 R"(fetching done (\d+\.\d+), repair search done (\d+\.\d+), )"
                 R"(outputs written (\d+\.\d+))")));
  const auto at = [&](int i) { return std::stod(wall[i].str()); };
  CHECK(at(1) <= at(3));
  CHECK(at(2) <= at(3));
  CHECK(at(3) <= at(4));
  CHECK(at(4) <= at(5));
}

TEST_CASE("crawl names the unknown config key in its message", "[cli][crawl][process][config]") {
  TempTree tree;
  write_example_tree(tree);
  tree.write("linkhealth.yaml", "content: content\nfetch:\n  concurency: 4\n");
  ChildProcess crawl({"crawl", "--config", (tree.root() / "linkhealth.yaml").string()}, tree.root(),
                     "crawl");
  CHECK(crawl.wait() == 3);
  CHECK(crawl.err().find("unknown key 'fetch.concurency'") != std::string::npos);
  CHECK(crawl.err().find("linkhealth.yaml:3") != std::string::npos);
}

TEST_CASE("json: \"-\" in the config file prints the JSON document on stdout",
          "[cli][crawl][process][config][web]") {
  TempTree tree;
  write_example_tree(tree);
  testweb::FixtureWeb web(first_web());
  tree.write("site/linkhealth.yaml", "content: ../content\ndb: links.db\njson: \"-\"\n");
  std::vector<std::string> args = {"crawl", "--config",
                                   (tree.root() / "site/linkhealth.yaml").string()};
  for (const std::string& f : loopback_flags(web.port())) args.push_back(f);
  ChildProcess crawl(args, tree.root(), "crawl");
  CHECK(crawl.wait() == 0);
  const nlohmann::json doc = nlohmann::json::parse(crawl.out());
  CHECK(doc["run"]["kind"] == "crawl");
  CHECK(doc["targets"].size() == 4);
  // The summary line moves to stderr, as with --json -.
  CHECK(crawl.err().rfind("linkhealth crawl: run 1 done in ", 0) == 0);
  CHECK(std::filesystem::exists(tree.root() / "site/links.db"));
  CHECK_FALSE(std::filesystem::exists(tree.root() / "site/-"));
}

TEST_CASE("crawl on a terminal draws a progress bar", "[cli][crawl][process][web]") {
  TempTree tree;
  testweb::FixtureWeb web(slow_web(tree));
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(grantpt(master) == 0);
  REQUIRE(unlockpt(master) == 0);
  const std::string terminal = ptsname(master);
  std::vector<std::string> args = crawl_args(tree, web.port());
  args.erase(std::remove(args.begin(), args.end(), "--no-progress"), args.end());
  std::string shown;
  {
    ChildProcess crawl(args, tree.root(), "crawl", terminal);
    // Read while it runs, so the terminal's buffer never fills; EIO once the child is gone.
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(master, buffer, sizeof buffer)) > 0) {
      shown.append(buffer, static_cast<std::size_t>(n));
    }
    CHECK(crawl.wait() == 0);
  }
  close(master);
  CHECK(shown.find("/40 targets") != std::string::npos);
  CHECK(shown.find("hosts active") != std::string::npos);
  CHECK(shown.find("ETA") != std::string::npos);
}
