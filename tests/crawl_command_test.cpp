#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/store.h"
#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::set<std::string> drift_kinds(const nlohmann::json& target) {
  std::set<std::string> out;
  for (const auto& d : target.at("drift")) out.insert(d.at("kind").get<std::string>());
  return out;
}

std::set<std::string> flagged(Store& store, std::int64_t run, bool TargetRecord::*flag) {
  std::set<std::string> out;
  for (const auto& r : store.targets(run)) {
    if (r.*flag) out.insert(r.request_url);
  }
  return out;
}

}  // namespace

TEST_CASE("crawl records verdicts and drift and a second crawl reports new and fixed",
          "[cli][crawl][web]") {
  TempTree tree;
  write_example_tree(tree);
  const std::string content = (tree.root() / "content").string();
  const std::string db = (tree.root() / "links.db").string();
  const auto json = tree.root() / "run.json";
  const auto html = tree.root() / "report.html";
  const std::vector<std::string> base = {"--content", content, "--db", db, "--confirm-runs", "1"};

  {
    testweb::FixtureWeb web(first_web());
    const int code =
        run_crawl_args(with(with(base, {"--json", json.string(), "--report", html.string()}),
                            loopback_flags(web.port())));
    CHECK(code == static_cast<int>(ExitCode::Problems));  // /gone is new (confirm-runs 1)
  }
  auto doc = read_json(json);
  CHECK(doc["run"]["id"] == 1);
  CHECK(doc["run"]["kind"] == "crawl");
  CHECK(doc["run"]["status"] == "completed");
  auto by_url = targets_by_url(doc);
  REQUIRE(by_url.size() == 4);
  const auto& story = by_url.at("http://news.web.test/health/story");
  CHECK(story["verdict"] == "ok");
  CHECK(story["http_status"] == 200);
  CHECK(story["page"]["title"] == "A health story");
  REQUIRE(story["refs"].size() == 1);
  CHECK(story["refs"][0]["slug"] == "story-a");
  CHECK(story["refs"][0]["file"] == "a.md");
  CHECK(story["refs"][0]["raw"] == "http://news.web.test/health/story?utm_source=x");
  CHECK(drift_kinds(story).empty());
  const auto& moved = by_url.at("http://news.web.test/old");
  CHECK(moved["verdict"] == "redirected");
  CHECK(moved["final_url"] == "http://news.web.test/new");
  REQUIRE(moved["redirects"].size() == 1);
  CHECK(moved["redirects"][0]["status"] == 301);
  CHECK(by_url.at("http://news.web.test/gone")["verdict"] == "broken");
  CHECK(by_url.at("http://news.web.test/gone")["http_status"] == 404);
  const auto& drifted = by_url.at("http://other.web.test/telehealth");
  CHECK(drifted["verdict"] == "ok");
  CHECK(drift_kinds(drifted) == std::set<std::string>{"title_mismatch"});
  CHECK(drifted["drift"].size() == 1);
  CHECK(drifted["refs"].size() == 2);
  CHECK(std::filesystem::file_size(html) > 1000);

  {
    SQLite::Database sql(db);
    CHECK(sql.execAndGet("SELECT status FROM runs WHERE id = 1").getString() == "done");
    CHECK(sql.execAndGet("SELECT COUNT(*) FROM checks WHERE run_id = 1").getInt() == 4);
    CHECK(sql.execAndGet("SELECT c.verdict FROM checks c JOIN targets t ON t.id = c.target_id "
                         "WHERE t.url = 'http://news.web.test/gone'")
              .getString() == "broken");
    CHECK(sql.execAndGet("SELECT COUNT(*) FROM drift WHERE kind = 'title_mismatch'").getInt() == 1);
  }

  // A week later the web has changed.
  {
    testweb::FixtureWeb web(second_web());
    const int code =
        run_crawl_args(with(with(base, {"--json", json.string()}), loopback_flags(web.port())));
    CHECK(code == static_cast<int>(ExitCode::Problems));  // the story is newly broken
  }
  doc = read_json(json);
  CHECK(doc["run"]["id"] == 2);
  by_url = targets_by_url(doc);
  CHECK(by_url.at("http://news.web.test/health/story")["verdict"] == "broken");
  CHECK(drift_kinds(by_url.at("http://news.web.test/health/story")) ==
        std::set<std::string>{"verdict_changed"});
  CHECK(by_url.at("http://news.web.test/gone")["verdict"] == "ok");
  CHECK(drift_kinds(by_url.at("http://news.web.test/old")).count("title_changed") == 1);

  auto store = Store::open(db);
  CHECK(flagged(store, 2, &TargetRecord::is_new) ==
        std::set<std::string>{"http://news.web.test/health/story"});
  CHECK(flagged(store, 2, &TargetRecord::is_fixed) ==
        std::set<std::string>{"http://news.web.test/gone"});
}

TEST_CASE("crawl exit codes follow fail-on", "[cli][crawl][web]") {
  TempTree tree;
  write_example_tree(tree);
  testweb::FixtureWeb web(first_web());
  const std::string content = (tree.root() / "content").string();
  const std::string db = (tree.root() / "links.db").string();
  auto crawl = [&](const std::vector<std::string>& extra) {
    return run_crawl_args(
        with(with({"--content", content, "--db", db}, extra), loopback_flags(web.port())));
  };
  // Default confirm-runs 2: one failing run is not yet a new problem.
  CHECK(crawl({}) == static_cast<int>(ExitCode::Ok));
  CHECK(crawl({"--fail-on", "any"}) == static_cast<int>(ExitCode::Problems));
  CHECK(crawl({"--fail-on", "never"}) == static_cast<int>(ExitCode::Ok));
  CHECK(crawl({"--fail-on", "bogus"}) == static_cast<int>(ExitCode::Usage));
  CHECK(crawl({"--confirm-runs", "0"}) == static_cast<int>(ExitCode::Usage));
  CHECK(crawl({"--no-such-flag"}) == static_cast<int>(ExitCode::Usage));
  CHECK(run_crawl_args({"--content", (tree.root() / "missing").string(), "--db", db}) ==
        static_cast<int>(ExitCode::Usage));
  CHECK(crawl({"--host-limit", "nohost"}) == static_cast<int>(ExitCode::Usage));
}

TEST_CASE("crawl reports a problem as new once confirm-runs runs failed", "[cli][crawl][web]") {
  TempTree tree;
  write_example_tree(tree);
  testweb::FixtureWeb web(first_web());
  const std::vector<std::string> args = with({"--content", (tree.root() / "content").string(),
                                              "--db", (tree.root() / "links.db").string()},
                                             loopback_flags(web.port()));
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Ok));
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Problems));  // /gone confirmed
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Ok));        // no longer new
}

TEST_CASE("crawl applies the config file and flags win over it", "[cli][crawl][config][web]") {
  TempTree tree;
  write_example_tree(tree);
  testweb::FixtureWeb web(first_web());
  const auto config = tree.root() / "linkhealth.yaml";
  tree.write("linkhealth.yaml",
             "content: content\n"
             "db: from-config.db\n"
             "json: from-config.json\n"
             "fail_on: never\n"
             "exclude:\n  hosts: ['other.web.test']\n  urls: ['/gone$']\n"
             "fetch:\n  interval_ms: 0\n  retries: 0\n  allow_private: true\n"
             "  connect_to: ['::127.0.0.1:" +
                 std::to_string(web.port()) +
                 "']\n"
                 "hosts:\n  news.web.test:\n    per_host: 1\n    user_agent: special-agent/1\n"
                 "    headers:\n      X-Token: abc\n");
  // Relative paths in the file are relative to the file.
  CHECK(run_crawl_args({"--config", config.string(), "--no-progress", "--no-soft404-probe"}) ==
        static_cast<int>(ExitCode::Ok));
  auto doc = read_json(tree.root() / "from-config.json");
  auto by_url = targets_by_url(doc);
  REQUIRE(by_url.size() == 4);
  CHECK(by_url.at("http://other.web.test/telehealth")["verdict"] == "skipped");
  CHECK(by_url.at("http://other.web.test/telehealth")["error"] == "excluded");
  CHECK(by_url.at("http://news.web.test/gone")["verdict"] == "skipped");
  CHECK(web.hits("other.web.test", "/telehealth") == 0);
  CHECK(web.last_header("news.web.test", "/health/story", "user-agent") == "special-agent/1");
  CHECK(web.last_header("news.web.test", "/health/story", "x-token") == "abc");
  CHECK(std::filesystem::exists(tree.root() / "from-config.db"));

  // Flags win: another JSON file, fail on any problem, a database of its own.
  const auto flag_json = tree.root() / "from-flag.json";
  CHECK(run_crawl_args({"--config", config.string(), "--no-progress", "--no-soft404-probe",
                        "--json", flag_json.string(), "--fail-on", "any", "--db",
                        (tree.root() / "flag.db").string()}) ==
        static_cast<int>(ExitCode::Ok));  // every problem is excluded: skipped is no problem
  CHECK(std::filesystem::exists(flag_json));
  CHECK(std::filesystem::exists(tree.root() / "flag.db"));
}

TEST_CASE("crawl names an unknown config key and exits 3", "[cli][crawl][config]") {
  TempTree tree;
  write_example_tree(tree);
  tree.write("linkhealth.yaml", "content: content\nfetch:\n  concurency: 4\n");
  CHECK(run_crawl_args({"--config", (tree.root() / "linkhealth.yaml").string()}) ==
        static_cast<int>(ExitCode::Usage));
  CHECK(run_crawl_args({"--config", (tree.root() / "nope.yaml").string()}) ==
        static_cast<int>(ExitCode::Usage));
}

TEST_CASE("a second crawl asks conditionally and a 304 keeps the last page", "[cli][crawl][web]") {
  TempTree tree;
  tree.write("content/a.md", md("story-a", "A health story", "http://news.web.test/health/story"));
  testweb::Scenario s;
  testweb::Reply full = page("A health story");
  full.headers = {{"ETag", "\"v1\""}};
  testweb::Reply not_modified;
  not_modified.status = 304;
  not_modified.headers = {{"ETag", "\"v1\""}};
  s.hosts["news.web.test"]["/health/story"].replies = {full, not_modified};
  testweb::FixtureWeb web(s);
  const auto json = tree.root() / "run.json";
  const std::vector<std::string> args =
      with({"--content", (tree.root() / "content").string(), "--db",
            (tree.root() / "links.db").string(), "--json", json.string()},
           loopback_flags(web.port()));
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Ok));
  CHECK(web.last_header("news.web.test", "/health/story", "if-none-match").empty());
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Ok));
  CHECK(web.last_header("news.web.test", "/health/story", "if-none-match") == "\"v1\"");
  const auto doc = read_json(json);
  REQUIRE(doc["targets"].size() == 1);
  const auto& story = doc["targets"][0];
  CHECK(story["verdict"] == "ok");
  CHECK(story["http_status"] == 304);
  CHECK(story["page"]["title"] == "A health story");  // reused from the first check
  CHECK(story["drift"].empty());
}

TEST_CASE("a redirected link sends its validators on the final hop", "[cli][crawl][web]") {
  TempTree tree;
  tree.write("content/a.md", md("story-a", "A health story", "http://news.web.test/old"));
  testweb::Scenario s;
  s.hosts["news.web.test"]["/old"].replies = {redirect_to("/health/story")};
  testweb::Reply full = page("A health story");
  full.headers = {{"ETag", "\"v1\""}};  // the fixture answers a matching If-None-Match with 304
  s.hosts["news.web.test"]["/health/story"].replies = {full};
  testweb::FixtureWeb web(s);
  const auto json = tree.root() / "run.json";
  const std::vector<std::string> args =
      with({"--content", (tree.root() / "content").string(), "--db",
            (tree.root() / "links.db").string(), "--json", json.string()},
           loopback_flags(web.port()));
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Ok));
  const auto first = read_json(json);
  REQUIRE(first["targets"].size() == 1);
  CHECK(first["targets"][0]["verdict"] == "redirected");
  CHECK(first["targets"][0]["http_status"] == 200);
  CHECK(run_crawl_args(args) == static_cast<int>(ExitCode::Ok));
  CHECK(web.last_header("news.web.test", "/old", "if-none-match").empty());
  CHECK(web.last_header("news.web.test", "/health/story", "if-none-match") == "\"v1\"");
  const auto doc = read_json(json);
  REQUIRE(doc["targets"].size() == 1);
  const auto& story = doc["targets"][0];
  CHECK(story["verdict"] == "redirected");
  CHECK(story["http_status"] == 304);
  CHECK(story["final_url"] == "http://news.web.test/health/story");
  REQUIRE(story["redirects"].size() == 1);
  CHECK(story["redirects"][0]["url"] == "http://news.web.test/old");
  CHECK(story["redirects"][0]["status"] == 301);
  CHECK(story["page"]["title"] == "A health story");  // reused from the first check
  CHECK(story["drift"].empty());
}

TEST_CASE("a feed's own URLs get no drift against the curated title", "[cli][crawl][web]") {
  TempTree tree;
  tree.write("content/feed-item.md",
             "---\nslug: feed-item\ntitle: Why hospitals are rethinking remote monitoring\n"
             "feed:\n  site_url: http://blog.web.test/\n"
             "link:\n  href: http://blog.web.test/rethinking\n---\n");
  testweb::Scenario s;
  s.hosts["blog.web.test"]["/"].replies = {page("The blog home page")};
  s.hosts["blog.web.test"]["/rethinking"].replies = {page("Quarterly retail earnings call")};
  testweb::FixtureWeb web(s);
  const auto json = tree.root() / "run.json";
  CHECK(run_crawl_args(with({"--content", (tree.root() / "content").string(), "--db",
                             (tree.root() / "links.db").string(), "--json", json.string()},
                            loopback_flags(web.port()))) == static_cast<int>(ExitCode::Ok));
  const auto by_url = targets_by_url(read_json(json));
  REQUIRE(by_url.size() == 2);
  CHECK(drift_kinds(by_url.at("http://blog.web.test/")).empty());
  CHECK(drift_kinds(by_url.at("http://blog.web.test/rethinking")) ==
        std::set<std::string>{"title_mismatch"});
}
