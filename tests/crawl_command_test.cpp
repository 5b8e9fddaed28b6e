#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "tests/crawler_test_support.h"
#include "tests/temp_tree.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

int run_command(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return run_crawl(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("crawl runs scan, fetch and verdict end to end", "[cli][crawl][web]") {
  testweb::Scenario s;
  s.hosts["news.web.test"]["/health/story"].replies = {page("A health story")};
  s.hosts["news.web.test"]["/old"].replies = {redirect_to("/new")};
  s.hosts["news.web.test"]["/new"].replies = {page("New place")};
  testweb::FixtureWeb web(s);

  TempTree tree;
  tree.write("a.md",
             "---\nslug: story-a\ntitle: A\nlink:\n  href: "
             "http://news.web.test/health/story?utm_source=x\n---\n");
  tree.write("b.md",
             "---\nslug: story-b\ntitle: B\nlink:\n  href: http://news.web.test/old\n---\n");
  tree.write("c.md",
             "---\nslug: story-c\ntitle: C\nlink:\n  href: http://news.web.test/gone\n---\n");
  const std::string json = (tree.root() / "out.json").string();
  const int code = run_command({"crawl", "--content", tree.root().string(), "--json", json,
                                "--connect-to", "::127.0.0.1:" + std::to_string(web.port()),
                                "--allow-private", "--interval-ms", "0", "--no-progress"});
  CHECK(code == static_cast<int>(ExitCode::Problems));  // /gone is broken

  std::ifstream in(json);
  const auto doc = nlohmann::json::parse(in);
  REQUIRE(doc["targets"].size() == 3);
  CHECK(doc["complete"] == true);
  std::map<std::string, nlohmann::json> by_url;
  for (const auto& t : doc["targets"]) by_url[t["request_url"]] = t;

  const auto& story = by_url.at("http://news.web.test/health/story");
  CHECK(story["verdict"] == "ok");
  CHECK(story["http_status"] == 200);
  CHECK(story["host"] == "news.web.test");
  REQUIRE(story["refs"].size() == 1);
  CHECK(story["refs"][0]["slug"] == "story-a");
  CHECK(story["refs"][0]["field"] == "link.href");
  CHECK(story["refs"][0]["raw"] == "http://news.web.test/health/story?utm_source=x");
  CHECK(story["page"]["title"] == "A health story");

  const auto& old = by_url.at("http://news.web.test/old");
  CHECK(old["verdict"] == "redirected");
  CHECK(old["final_url"] == "http://news.web.test/new");
  REQUIRE(old["redirects"].size() == 1);
  CHECK(old["redirects"][0]["status"] == 301);

  CHECK(by_url.at("http://news.web.test/gone")["verdict"] == "broken");
  CHECK(doc["counts"]["broken"] == 1);
}

TEST_CASE("crawl rejects bad options with a usage error", "[cli][crawl]") {
  TempTree tree;
  CHECK(run_command({"crawl", "--content", (tree.root() / "missing").string(), "--json", "-"}) ==
        static_cast<int>(ExitCode::Usage));
  CHECK(run_command({"crawl", "--content", tree.root().string(), "--json", "-", "--host-limit",
                     "nohost"}) == static_cast<int>(ExitCode::Usage));
}
