// `linkhealth check` as a user runs it: the real binary against the loopback fixture web
// (every host pinned to 127.0.0.1 with --connect-to), recording into a temporary store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli_process.h"
#include "crawler_test_support.h"
#include "store/store.h"
#include "temp_tree.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr const char* kSnapshot =
    "http://archive.web.test/web/20201208000000/http://news.web.test/gone";

testweb::Scenario news_site() {
  testweb::Scenario s;
  s.hosts["news.web.test"]["/health/story"].replies = {page("A health story", 200)};
  s.hosts["news.web.test"]["/old"].replies = {redirect_to("/new")};
  s.hosts["news.web.test"]["/new"].replies = {page("New place")};
  // The sitemap that tells where /gone's article lives now, and the archive's captures of it.
  testweb::Reply sitemap;
  sitemap.content_type = "application/xml";
  sitemap.body =
      "<urlset><url><loc>http://news.web.test/health/story</loc></url>"
      "<url><loc>http://news.web.test/new</loc></url></urlset>";
  s.hosts["news.web.test"]["/sitemap.xml"].replies = {sitemap};
  testweb::Reply captures;
  captures.content_type = "application/json";
  captures.body =
      "[[\"timestamp\",\"original\",\"statuscode\"],"
      "[\"20191208000000\",\"http://news.web.test/gone\",\"404\"],"
      "[\"20201208000000\",\"http://news.web.test/gone\",\"200\"]]";
  s.hosts["archive.web.test"]["/cdx/search/cdx"].replies = {captures};
  return s;
}

void write_content(const TempTree& tree) {
  tree.write("curated/story-a.md",
             "---\nslug: story-a\ntitle: A health story\ndescription: Why health matters\n"
             "link:\n  href: http://news.web.test/health/story?utm_source=x\n"
             "  original: http://news.web.test/gone\n---\nBody\n");
  tree.write("curated/story-b.md",
             "---\nslug: story-b\ntitle: Moved story\nlink:\n  href: http://news.web.test/old\n"
             "---\n");
}

std::vector<std::string> check_args(const TempTree& tree, const testweb::FixtureWeb& web,
                                    const std::string& wanted) {
  return {"check",
          wanted,
          "--content",
          tree.root().string(),
          "--db",
          (tree.root() / "links.db").string(),
          "--connect-to",
          "::127.0.0.1:" + std::to_string(web.port()),
          "--allow-private",
          "--interval-ms",
          "0",
          "--retries",
          "0",
          "--wayback-base",
          "http://archive.web.test"};
}

}  // namespace

TEST_CASE("check SLUG fetches the source now and prints a block per URL", "[cli][check][web]") {
  testweb::FixtureWeb web(news_site());
  TempTree tree;
  write_content(tree);

  auto run = run_linkhealth(check_args(tree, web, "story-a"));
  INFO(run.out << run.err);
  CHECK(run.status == 2);  // /gone is broken
  const auto lines = text_lines(run.out);
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "story-a · curated/story-a.md");
  CHECK(lines[1] == "\"A health story\"");
  CHECK(run.out.find('\x1b') == std::string::npos);  // stdout is a pipe: no colour

  CHECK(has_line(lines, "[1/2] http://news.web.test/gone"));
  CHECK(has_line(lines, "  field          link.original (line 7)"));
  CHECK(has_line(lines, "  verdict        broken · HTTP 404"));
  CHECK(has_line(lines, "  live title     \"Not Found\" (title)"));
  CHECK(has_line(lines, "  drift          first recorded check of this URL"));
  CHECK(has_line(lines, "  moved to       http://news.web.test/health/story"));
  CHECK(has_line(lines, "                 title matches: \"A health story\" (similarity 1.00)"));
  CHECK(has_line(lines, std::string("  archived       ") + kSnapshot));
  // No front matter date: curated when the file was first scanned, today.
  CHECK(has_line_starting(lines, "                 Archived copy from 2020-12-08, curated 20"));
  CHECK_FALSE(has_line_starting(lines, "  wayback"));
  CHECK(web.hits("news.web.test", "/sitemap.xml") == 1);

  CHECK(has_line(lines, "[2/2] http://news.web.test/health/story"));
  CHECK(has_line(lines, "  field          link.href (line 6)"));
  CHECK(has_line(lines, "  raw            http://news.web.test/health/story?utm_source=x"));
  CHECK(has_line(lines, "  request        http://news.web.test/health/story"));
  CHECK(has_line(lines, "  removed        tracking parameter utm_source=x"));
  CHECK(has_line(lines, "  verdict        ok · HTTP 200"));
  CHECK(has_line(lines, "  curated title  \"A health story\""));
  CHECK(has_line(lines, "  live title     \"A health story\" (title)"));
  CHECK(has_line(lines, "  curated desc.  \"Why health matters\""));
  CHECK(lines.back() == "2 links checked (1 ok, 1 broken): 1 problem. Recorded as check run 1.");

  // The check is a run of kind `check` in the store, with both targets.
  auto store = Store::open_existing(tree.root() / "links.db");
  auto recorded = store.latest_run(RunKind::Check);
  REQUIRE(recorded.has_value());
  CHECK(recorded->status == RunStatus::Done);
  CHECK(recorded->check_count == 2);
  CHECK(recorded->problem_count == 1);

  SECTION("a second check compares with the first and says when that was") {
    const std::string first_at = store.last_check("http://news.web.test/health/story")->checked_at;
    auto again = run_linkhealth(check_args(tree, web, "curated/story-a.md"));
    INFO(again.out << again.err);
    CHECK(again.status == 2);
    const auto second = text_lines(again.out);
    CHECK(has_line(second, "  drift          none, compared with the check of " +
                               first_at.substr(0, 10) + " " + first_at.substr(11, 5) + " UTC"));
    CHECK(second.back() == "2 links checked (1 ok, 1 broken): 1 problem. Recorded as check run 2.");
  }
}

TEST_CASE("check of a moved link shows the redirect chain and exits 0", "[cli][check][web]") {
  testweb::FixtureWeb web(news_site());
  TempTree tree;
  write_content(tree);
  auto run = run_linkhealth(check_args(tree, web, "story-b"));
  INFO(run.out << run.err);
  CHECK(run.status == 0);
  const auto lines = text_lines(run.out);
  CHECK(has_line(lines, "  verdict        redirected · HTTP 200"));
  CHECK(has_line(lines, "  redirects      301 http://news.web.test/old"));
  CHECK(has_line(lines, "                 200 http://news.web.test/new"));
  CHECK(has_line(lines, "  live title     \"New place\" (title)"));
  CHECK(has_line(lines,
                 "  drift          title_mismatch: \"Moved story\" → \"New place\" "
                 "(similarity 0.00)"));
  CHECK_FALSE(has_line_starting(lines, "  wayback"));
}

TEST_CASE("check prints the plain Wayback link when the archive has no capture",
          "[cli][check][web]") {
  testweb::FixtureWeb web(news_site());
  TempTree tree;
  write_content(tree);
  auto args = check_args(tree, web, "story-a");
  args.back() = "http://nosnapshot.web.test/";  // its CDX index answers 404
  args.push_back("--no-relocate");
  auto run = run_linkhealth(args);
  INFO(run.out << run.err);
  const auto lines = text_lines(run.out);
  CHECK(
      has_line(lines, "  wayback        http://nosnapshot.web.test/web/http://news.web.test/gone"));
  CHECK_FALSE(has_line_starting(lines, "  archived"));
  CHECK_FALSE(has_line_starting(lines, "  moved to"));
  CHECK(web.hits("news.web.test", "/sitemap.xml") == 0);
}

TEST_CASE("check --json prints the document of the check run", "[cli][check][web]") {
  testweb::FixtureWeb web(news_site());
  TempTree tree;
  write_content(tree);
  auto args = check_args(tree, web, "story-a");
  args.push_back("--json");
  auto run = run_linkhealth(args);
  INFO(run.err);
  CHECK(run.status == 2);
  const auto doc = nlohmann::json::parse(run.out);
  CHECK(doc["run"]["kind"] == "check");
  CHECK(doc["run"]["status"] == "completed");
  REQUIRE(doc["targets"].size() == 2);
  CHECK(doc["targets"][0]["request_url"] == "http://news.web.test/gone");
  CHECK(doc["targets"][0]["verdict"] == "broken");
  CHECK(doc["targets"][0]["replacement"]["url"] == "http://news.web.test/health/story");
  CHECK(doc["targets"][0]["replacement"]["title"] == "A health story");
  CHECK(doc["targets"][0]["archive"]["url"] == kSnapshot);
  CHECK(doc["targets"][0]["archive"]["timestamp"] == "20201208000000");
  CHECK(doc["targets"][1]["replacement"].is_null());
  CHECK(doc["targets"][1]["archive"].is_null());
  CHECK(doc["targets"][1]["page"]["title"] == "A health story");
  CHECK(doc["targets"][1]["refs"][0]["raw"] == "http://news.web.test/health/story?utm_source=x");
}

TEST_CASE("check of an unknown slug exits 3 and suggests the closest slugs", "[cli][check]") {
  TempTree tree;
  write_content(tree);
  auto run = run_linkhealth({"check", "stroy-a", "--content", tree.root().string(), "--db",
                             (tree.root() / "links.db").string()});
  CHECK(run.status == 3);
  CHECK(run.out.empty());
  CHECK(run.err.find("no content file with slug 'stroy-a' under " + tree.root().string()) !=
        std::string::npos);
  CHECK(run.err.find("closest slugs:\n  story-a\n  story-b\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tree.root() / "links.db"));  // nothing recorded

  auto missing = run_linkhealth({"check", "nope.md", "--content", tree.root().string(), "--db",
                                 (tree.root() / "links.db").string()});
  CHECK(missing.status == 3);
  CHECK(missing.err.find("nope.md: no such content file under") != std::string::npos);
}

TEST_CASE("check reports curated drift once when two fields of one file share a URL",
          "[cli][check][web]") {
  testweb::FixtureWeb web(news_site());
  TempTree tree;
  tree.write("twice.md",
             "---\nslug: twice\ntitle: Remote monitoring reshapes chronic care\nlink:\n"
             "  href: http://news.web.test/health/story#.X88gt1UzbIU\n"
             "  original: http://news.web.test/health/story\n---\n");
  auto run = run_linkhealth(check_args(tree, web, "twice"));
  INFO(run.out << run.err);
  CHECK(run.status == 0);
  const auto lines = text_lines(run.out);
  CHECK(has_line(lines, "[1/1] http://news.web.test/health/story"));
  CHECK(has_line_starting(lines, "  removed        tracking fragment #.X88gt1UzbIU (AddThis"));
  const auto mismatches = std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("title_mismatch") != std::string::npos;
  });
  CHECK(mismatches == 1);
}

namespace {

// Runs linkhealth under `script`, so its stdout is a pseudo-terminal as in an interactive shell.
std::string output_on_terminal(const std::vector<std::string>& args, const std::string& env) {
  std::string inner = env + " " + shell_quote(LINKHEALTH_BINARY);
  for (const auto& a : args) inner += " " + shell_quote(a);
  std::string out;
  if (FILE* pipe =
          popen(("script -qec " + shell_quote(inner) + " /dev/null </dev/null").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
  }
  return out;
}

}  // namespace

TEST_CASE("check colours verdicts on a terminal unless NO_COLOR is set", "[cli][check][web]") {
  testweb::FixtureWeb web(news_site());
  TempTree tree;
  write_content(tree);
  const auto args = check_args(tree, web, "story-a");
  const std::string coloured = output_on_terminal(args, "NO_COLOR=");
  INFO(coloured);
  CHECK(coloured.find("\x1b[31mbroken\x1b[0m · HTTP 404") != std::string::npos);
  CHECK(coloured.find("\x1b[32mok\x1b[0m · HTTP 200") != std::string::npos);
  const std::string plain = output_on_terminal(args, "NO_COLOR=1");
  INFO(plain);
  CHECK(plain.find("broken · HTTP 404") != std::string::npos);
  CHECK(plain.find('\x1b') == std::string::npos);
}
