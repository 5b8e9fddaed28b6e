// `linkhealth report` end to end: a store filled through the write API (or by `check` against
// the fixture web), the report written by the real binary, and opened in headless Chromium.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_process.h"
#include "crawler_test_support.h"
#include "report_hostile.h"
#include "store/store.h"
#include "store_test_data.h"
#include "temp_tree.h"

using namespace linkhealth;
using namespace linkhealth::testing;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr const char* kStory = "https://www.statnews.com/2020/11/30/digital-therapeutics/";
constexpr const char* kGone = "https://www.healthcareitnews.com/news/ccm-billing-codes-explained";

// Two finished crawls, the second with a broken link and a moved one.
std::int64_t fill(Store& store) {
  auto a = testdata::article("digital-therapeutics", "Digital Therapeutics Still Struggle");
  auto b = testdata::article("ccm-billing-codes", "CCM Billing Codes Explained for 2021");
  std::vector<Target> targets{testdata::target_for(a, kStory), testdata::target_for(b, kGone)};
  std::int64_t last = 0;
  for (const char* at : {"2026-11-16T03:00:00Z", "2026-11-23T03:00:00Z"}) {
    last = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(last, {a, b}, targets);
    store.record_check(last, testdata::result(kStory, Verdict::Redirected, a.title, at), {});
    store.record_check(last, testdata::result(kGone, Verdict::Broken, "", at), {});
    store.finish_run(last, RunStatus::Done);
  }
  return last;
}

}  // namespace

TEST_CASE("report writes the HTML and JSON of the latest crawl and says where", "[cli][report]") {
  TempTree tree;
  const fs::path db = tree.root() / "links.db";
  std::int64_t latest = 0;
  {
    auto store = Store::open(db);
    latest = fill(store);
  }
  const fs::path html = tree.root() / "report.html";
  const fs::path json = tree.root() / "links.json";
  auto run = run_linkhealth(
      {"report", "--db", db.string(), "--out", html.string(), "--json", json.string()});
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(run.out == "HTML report of run " + std::to_string(latest) +
                       " (crawl, 2 targets): " + html.string() + "\nJSON document of run " +
                       std::to_string(latest) + " (crawl, 2 targets): " + json.string() + "\n");
  const std::string page = slurp(html);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("CCM Billing Codes Explained for 2021") != std::string::npos);
  CHECK(page.find(std::string("https://web.archive.org/web/") + kGone) != std::string::npos);
  const auto doc = nlohmann::json::parse(slurp(json));
  CHECK(doc["run"]["id"] == latest);
  CHECK(doc["run"]["status"] == "completed");
  REQUIRE(doc["targets"].size() == 2);
  CHECK(doc["targets"][0]["request_url"] == kGone);  // by host: www.healthcareitnews.com first
  CHECK(doc["targets"][0]["verdict"] == "broken");
  CHECK(doc["targets"][1]["redirects"].size() == 2);
  CHECK_FALSE(fs::exists(html.string() + ".tmp"));

  SECTION("the JSON alone streams from the store, byte for byte the whole model's") {
    const fs::path alone = tree.root() / "alone.json";
    auto streamed = run_linkhealth({"report", "--db", db.string(), "--json", alone.string()});
    INFO(streamed.err);
    CHECK(streamed.status == 0);
    CHECK(streamed.out == "JSON document of run " + std::to_string(latest) +
                              " (crawl, 2 targets): " + alone.string() + "\n");
    CHECK(slurp(alone) == slurp(json));
    auto to_stdout = run_linkhealth({"report", "--db", db.string(), "--json", "-"});
    CHECK(to_stdout.out == slurp(json));
    CHECK(to_stdout.err.empty());
  }

  SECTION("--run picks an older run and --wayback-base changes the archive links") {
    auto older =
        run_linkhealth({"report", "--db", db.string(), "--json", "-", "--run",
                        std::to_string(latest - 1), "--wayback-base", "https://archive.example"});
    CHECK(older.status == 0);
    const auto old_doc = nlohmann::json::parse(older.out);
    CHECK(old_doc["run"]["id"] == latest - 1);
    CHECK(older.err.empty());
    auto html_run = run_linkhealth({"report", "--db", db.string(), "--out", html.string(),
                                    "--wayback-base", "https://archive.example"});
    CHECK(slurp(html).find(std::string("https://archive.example/web/") + kGone) !=
          std::string::npos);
  }
}

TEST_CASE("report refuses a missing database and bad arguments with exit 3", "[cli][report]") {
  TempTree tree;
  const std::string missing = (tree.root() / "nope.db").string();
  auto run = run_linkhealth({"report", "--db", missing, "--out", "r.html"});
  CHECK(run.status == 3);
  CHECK(run.err ==
        "linkhealth report: " + missing + ": no such database (run `linkhealth crawl` first)\n");
  CHECK_FALSE(fs::exists(missing));

  { auto store = Store::open(tree.root() / "empty.db"); }
  auto empty = run_linkhealth({"report", "--db", (tree.root() / "empty.db").string(), "--out",
                               (tree.root() / "r.html").string()});
  CHECK(empty.status == 3);
  CHECK(empty.err.find("has no crawl yet") != std::string::npos);

  auto no_output = run_linkhealth({"report", "--db", missing});
  CHECK(no_output.status == 3);
  CHECK(no_output.err.find("give --out FILE.html and/or --json FILE") != std::string::npos);

  {
    auto store = Store::open(tree.root() / "filled.db");
    fill(store);
  }
  auto bad_run = run_linkhealth(
      {"report", "--db", (tree.root() / "filled.db").string(), "--json", "-", "--run", "99"});
  CHECK(bad_run.status == 3);
  CHECK(bad_run.err.find("has no run 99") != std::string::npos);
}

TEST_CASE("report reads the committed state while a crawl holds the write transaction",
          "[cli][report][concurrency]") {
  TempTree tree;
  const fs::path db = tree.root() / "links.db";
  // A writer in this process with an open batch (the write transaction stays open for a
  // minute), the report in another process.
  auto writer = Store::open(db, {1000, std::chrono::milliseconds(60000), 2});
  const std::int64_t done = fill(writer);
  const std::int64_t running = writer.begin_run(RunKind::Crawl, "{}", true);
  writer.record_check(running, testdata::result(kStory, Verdict::Ok, "x"), {});
  writer.flush();
  writer.record_check(running, testdata::result(kGone, Verdict::Ok, "y"), {});  // uncommitted

  auto latest = run_linkhealth({"report", "--db", db.string(), "--json", "-"});
  INFO(latest.err);
  REQUIRE(latest.status == 0);
  const auto doc = nlohmann::json::parse(latest.out);
  CHECK(doc["run"]["id"] == running);
  CHECK(doc["run"]["status"] == "running");
  REQUIRE(doc["targets"].size() == 1);
  CHECK(doc["targets"][0]["request_url"] == kStory);

  auto finished =
      run_linkhealth({"report", "--db", db.string(), "--json", "-", "--run", std::to_string(done)});
  REQUIRE(finished.status == 0);
  CHECK(nlohmann::json::parse(finished.out)["targets"].size() == 2);
}

TEST_CASE("chromium: a hostile live title fetched by check is shown as text in the report",
          "[cli][report][chromium][web]") {
  if (find_chromium().empty()) {
    FAIL("chromium is not installed: run scripts/setup or set LINKHEALTH_CHROMIUM");
  }
  testweb::Scenario s;
  s.hosts["evil.web.test"]["/story"].replies = {page(kHostileTitle)};
  testweb::FixtureWeb web(s);
  TempTree tree;
  tree.write("evil.md",
             "---\nslug: evil-story\ntitle: A calm curated title\nlink:\n"
             "  href: http://evil.web.test/story\n---\n");
  const fs::path db = tree.root() / "links.db";
  auto check =
      run_linkhealth({"check", "evil-story", "--content", tree.root().string(), "--db", db.string(),
                      "--connect-to", "::127.0.0.1:" + std::to_string(web.port()),
                      "--allow-private", "--interval-ms", "0", "--json"});
  INFO(check.err);
  REQUIRE(check.status == 0);
  const auto doc = nlohmann::json::parse(check.out);
  // The <title> element is raw text, so the page's title is the payload itself.
  REQUIRE(doc["targets"][0]["page"]["title"] == kHostileTitle);

  const fs::path out_dir = fs::current_path() / "report-chromium";
  fs::create_directories(out_dir);
  const fs::path html = out_dir / "hostile-check-report.html";
  auto report =
      run_linkhealth({"report", "--db", db.string(), "--run", "1", "--out", html.string()});
  REQUIRE(report.status == 0);

  auto result = dump_dom(html);
  INFO("chromium exit " << result.status << ", stderr: " << result.stderr_tail);
  REQUIRE(result.status == 0);
  const std::string& dom = result.out;
  REQUIRE(dom.find("</html>") != std::string::npos);
  CHECK(dom.find("xss-fired") == std::string::npos);
  CHECK(dom.find("<title>PWNED</title>") == std::string::npos);
  CHECK(dom.find("<img") == std::string::npos);
  CHECK(dom.find("&lt;script&gt;document.title='PWN'+'ED'&lt;/script&gt;") != std::string::npos);
  CHECK(dom.find("\"&gt;&lt;img src=x onerror=") != std::string::npos);
  // The curated title with the words the live one lacks highlighted.
  CHECK(dom.find("<del>A calm curated</del> title") != std::string::npos);
}
