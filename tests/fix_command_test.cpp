// `linkhealth fix` end to end: two crawls of the fixture web, files retouched after the crawl,
// then the real binary plans, applies, and finds nothing left to do.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/cli_process.h"
#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::Scenario moved_web() {
  testweb::Scenario s;
  auto& news = s.hosts["news.web.test"];
  news["/old"].replies = {redirect_to("/new")};
  news["/new"].replies = {page("Old place | News")};
  news["/old-crlf"].replies = {redirect_to("/new-crlf", 308)};
  news["/new-crlf"].replies = {page("Windows story")};
  news["/old-toml"].replies = {redirect_to("/hop", 301)};
  news["/hop"].replies = {redirect_to("/new-toml", 301)};
  news["/new-toml"].replies = {page("Table story")};
  news["/old-json"].replies = {redirect_to("/new-json")};
  news["/new-json"].replies = {page("Braces story")};
  news["/story"].replies = {page("Tracked story")};
  news["/temporary"].replies = {redirect_to("/elsewhere", 302)};
  news["/elsewhere"].replies = {page("Temporary story")};
  news["/deep/link/story"].replies = {redirect_to("/")};
  news["/"].replies = {page("News home")};
  news["/walled"].replies = {redirect_to("/wall")};
  news["/wall"].replies = {page("Walled story", 403)};
  news["/retitled"].replies = {redirect_to("/other")};
  news["/other"].replies = {page("Quarterly earnings call transcript")};
  news["/edited"].replies = {redirect_to("/edited-new")};
  news["/edited-new"].replies = {page("Edited story")};
  news["/old-folded"].replies = {redirect_to("/new-folded", 308)};
  news["/new-folded"].replies = {page("Folded story")};
  return s;
}

std::string yaml(const std::string& title, const std::string& href, const std::string& clean,
                 const std::string& original) {
  return "---\n# curated by hand\ntitle: " + title + "\nlink:\n  href: " + href +
         "\n  original: " + original + "\nopenProjectCustomFields:\n  cleanUrl: " + clean +
         "  # stored clean\n---\nBody mentions " + original + " too.\n";
}

struct Tree {
  TempTree tree;
  std::string content = (tree.root() / "content").string();
  std::string db = (tree.root() / "links.db").string();
  std::string file(const std::string& name) const {
    return read_file(tree.root() / "content" / name);
  }
};

void write_content(const Tree& t) {
  const std::string old = "http://news.web.test/old";
  t.tree.write("content/moved.md", yaml("Old place", old, "'" + old + "'", old));
  // The same URL cited by a second file.
  t.tree.write("content/also-moved.md",
               "---\ntitle: \"Old place\"\nlink:\n  href: \"" + old + "\"\n---\n");
  t.tree.write("content/tracking.md", yaml("Tracked story", "http://news.web.test/story",
                                           "\"http://news.web.test/story?utm_source=x&id=1\"",
                                           "http://news.web.test/story?utm_source=x&id=1"));
  t.tree.write("content/crlf.md",
               "\xEF\xBB\xBF---\r\ntitle: Windows story\r\nlink:\r\n  href: "
               "http://news.web.test/old-crlf\r\n---\r\nBody\r\n");
  t.tree.write("content/table.md",
               "+++\ntitle = \"Table story\"\n[link]\nhref = 'http://news.web.test/old-toml'  # c\n"
               "original = 'http://news.web.test/old-toml'\n[openProjectCustomFields]\n"
               "cleanUrl = \"http://news.web.test/story?utm_medium=email\"\n+++\nBody\n");
  // Folded and literal blocks, as YAML emitters write long values.
  t.tree.write("content/folded.md",
               "---\ntitle: >-\n  Folded\n  story\nlink:\n  href: >-\n    "
               "http://news.web.test/old-folded\nopenProjectCustomFields:\n  cleanUrl: |-\n"
               "    http://news.web.test/old-folded?utm_campaign=y\n---\nBody\n");
  // A third file citing the moved URL, deleted before the fix.
  t.tree.write("content/gone.md", yaml("Old place", old, old, old));
  t.tree.write("content/braces.md",
               "{\n  \"title\": \"Braces story\",\n  \"link\": {\"href\": "
               "\"http://news.web.test/old-json\"}\n}\nBody\n");
  t.tree.write("content/temporary.md",
               yaml("Temporary story", "http://news.web.test/temporary",
                    "http://news.web.test/temporary", "http://news.web.test/temporary"));
  t.tree.write("content/soft.md", yaml("Deep story", "http://news.web.test/deep/link/story",
                                       "http://news.web.test/deep/link/story",
                                       "http://news.web.test/deep/link/story"));
  t.tree.write("content/walled.md",
               yaml("Walled story", "http://news.web.test/walled", "http://news.web.test/walled",
                    "http://news.web.test/walled"));
  t.tree.write("content/retitled.md",
               yaml("Old place", "http://news.web.test/retitled", "http://news.web.test/retitled",
                    "http://news.web.test/retitled"));
  t.tree.write("content/edited.md",
               yaml("Edited story", "http://news.web.test/edited", "http://news.web.test/edited",
                    "http://news.web.test/edited"));
}

void crawl(const Tree& t, int port, std::vector<std::string> args = {}) {
  for (const std::string& a : {std::string("--content"), t.content, std::string("--db"), t.db}) {
    args.push_back(a);
  }
  for (const std::string& flag : loopback_flags(port)) args.push_back(flag);
  const int code = run_crawl_args(args);
  REQUIRE((code == 0 || code == 2));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

std::string to_crlf(const std::string& text) {
  return replaced(text, "\n", "\r\n");
}

}  // namespace

TEST_CASE("fix rewrites confirmed redirects and tracking leftovers and nothing else",
          "[cli][fix][web]") {
  Tree t;
  write_content(t);
  testweb::FixtureWeb web(moved_web());
  crawl(t, web.port());

  // After one crawl only the tracking leftover is ready: a move needs two crawls to agree.
  ProcessResult one = run_linkhealth({"fix", "--content", t.content, "--db", t.db});
  CHECK(one.status == 0);
  CHECK_THAT(one.out, Catch::Contains("+++ b/tracking.md") && !Catch::Contains("moved.md"));

  const auto json = t.tree.root() / "links.json";
  const auto html = t.tree.root() / "report.html";
  // The second crawl as cron runs it: its summary line counts the edits ready.
  std::vector<std::string> second = {"crawl",  "--content",   t.content,  "--db",       t.db,
                                     "--json", json.string(), "--report", html.string()};
  for (const std::string& flag : loopback_flags(web.port())) second.push_back(flag);
  const ProcessResult crawled = run_linkhealth(second);
  INFO(crawled.err);
  REQUIRE((crawled.status == 0 || crawled.status == 2));
  // The report lists what fix would change now: both links of edited.md still hold the moved
  // URL, and gone.md is still there.
  CHECK_THAT(crawled.out, Catch::Contains("; 14 edits ready to fix"));
  std::ifstream json_file(json);
  const auto report = nlohmann::json::parse(json_file);
  REQUIRE(report.contains("fix_plan"));
  CHECK(report["fix_plan"].size() == 14);
  const std::string page = read_file(html);
  CHECK_THAT(page, Catch::Contains("Ready to fix <span class=\"count\">(14)</span>") &&
                       Catch::Contains("edits ready to fix") && Catch::Contains("braces.md:3"));
  // Editors retouch files between the crawl and the fix: a value re-quoted, a file saved with
  // CRLF line ends, a link pointed elsewhere.
  t.tree.write("content/moved.md", replaced(t.file("moved.md"), "  href: http://news.web.test/old",
                                            "  href: \"http://news.web.test/old\""));
  t.tree.write("content/tracking.md", to_crlf(t.file("tracking.md")));
  t.tree.write("content/edited.md",
               replaced(t.file("edited.md"), "  href: http://news.web.test/edited",
                        "  href: https://elsewhere.web.test/edited"));
  t.tree.write("content/folded.md", to_crlf(t.file("folded.md")));
  std::filesystem::remove(t.tree.root() / "content/gone.md");
  ::chmod((t.tree.root() / "content/table.md").c_str(), 0640);
  std::map<std::string, std::string> before;
  for (const char* name :
       {"moved.md", "also-moved.md", "tracking.md", "crlf.md", "table.md", "braces.md", "folded.md",
        "temporary.md", "soft.md", "walled.md", "retitled.md", "edited.md"}) {
    before[name] = t.file(name);
  }

  const std::vector<std::string> fix = {"fix", "--content", t.content, "--db", t.db};
  const ProcessResult dry = run_linkhealth(fix);
  INFO(dry.err);
  CHECK(dry.status == 0);
  for (const auto& [name, bytes] : before) CHECK(t.file(name) == bytes);  // a plan changes nothing
  CHECK_THAT(dry.out,
             Catch::Contains("--- a/moved.md\n+++ b/moved.md\n") &&
                 Catch::Contains("-  href: \"http://news.web.test/old\"\n"
                                 "+  href: \"http://news.web.test/new\"\n") &&
                 Catch::Contains("+  cleanUrl: 'http://news.web.test/new'  # stored clean"));
  CHECK_THAT(dry.err, Catch::Contains("edited.md:5: link.href changed since the crawl") &&
                          Catch::Contains("retitled.md:5: link.href moved permanently to "
                                          "http://news.web.test/other") &&
                          Catch::Contains("gone.md: gone since the crawl") &&
                          Catch::Contains("planned 11 edits in 8 files (9 redirect, 2 tracking)"));

  const ProcessResult plan =
      run_linkhealth({"fix", "--content", t.content, "--db", t.db, "--json", "-"});
  CHECK(plan.status == 0);
  const auto doc = nlohmann::json::parse(plan.out);
  REQUIRE(doc.size() == 11);
  CHECK(doc[0] == nlohmann::json{{"file", "also-moved.md"},
                                 {"line", 4},
                                 {"field", "link.href"},
                                 {"old", "http://news.web.test/old"},
                                 {"new", "http://news.web.test/new"},
                                 {"kind", "redirect"}});

  const ProcessResult applied =
      run_linkhealth({"fix", "--content", t.content, "--db", t.db, "--apply"});
  INFO(applied.err);
  CHECK(applied.status == 0);
  CHECK_THAT(applied.err, Catch::Contains("wrote 8 files"));
  const std::string old_url = "http://news.web.test/old";
  CHECK(t.file("moved.md") == replaced(replaced(before["moved.md"], "href: \"" + old_url + "\"",
                                                "href: \"http://news.web.test/new\""),
                                       "cleanUrl: '" + old_url + "'",
                                       "cleanUrl: 'http://news.web.test/new'"));
  CHECK(t.file("also-moved.md") ==
        replaced(before["also-moved.md"], old_url + "\"", "http://news.web.test/new\""));
  CHECK(t.file("tracking.md") ==
        replaced(before["tracking.md"],
                 "cleanUrl: \"http://news.web.test/story?utm_source=x&id=1\"",
                 "cleanUrl: \"http://news.web.test/story?id=1\""));
  CHECK(t.file("crlf.md") == replaced(before["crlf.md"], "/old-crlf", "/new-crlf"));
  CHECK(t.file("table.md") ==
        replaced(replaced(before["table.md"], "href = 'http://news.web.test/old-toml'",
                          "href = 'http://news.web.test/new-toml'"),
                 "\"http://news.web.test/story?utm_medium=email\"",
                 "\"http://news.web.test/story\""));
  // Both blocks keep their header and indentation; the CRLF the editor saved stays.
  CHECK(t.file("folded.md") ==
        replaced(replaced(before["folded.md"], "    http://news.web.test/old-folded\r\n",
                          "    http://news.web.test/new-folded\r\n"),
                 "    http://news.web.test/old-folded?utm_campaign=y\r\n",
                 "    http://news.web.test/new-folded\r\n"));
  CHECK(t.file("braces.md") == replaced(before["braces.md"], "/old-json", "/new-json"));
  struct stat mode {};
  REQUIRE(::stat((t.tree.root() / "content/table.md").c_str(), &mode) == 0);
  CHECK((mode.st_mode & 07777) == 0640);
  // The editor's new link stays; the stored clean URL the crawl checked moves on.
  CHECK(t.file("edited.md") == replaced(before["edited.md"],
                                        "cleanUrl: http://news.web.test/edited",
                                        "cleanUrl: http://news.web.test/edited-new"));
  for (const char* untouched : {"temporary.md", "soft.md", "walled.md", "retitled.md"}) {
    INFO(untouched);
    CHECK(t.file(untouched) == before[untouched]);
  }

  const ProcessResult again = run_linkhealth(fix);
  CHECK(again.status == 0);
  CHECK(again.out.empty());
  CHECK_THAT(again.err, Catch::Contains("nothing to fix"));
}

TEST_CASE("fix refuses bad usage with exit 3", "[cli][fix]") {
  Tree t;
  t.tree.write("content/a.md", "---\ntitle: A\n---\n");
  CHECK(run_linkhealth({"fix", "--content", t.content, "--db", t.db}).status == 3);  // no db
  const ProcessResult kinds =
      run_linkhealth({"fix", "--content", t.content, "--db", t.db, "--kinds", "redirect,archive"});
  CHECK(kinds.status == 3);
  CHECK_THAT(kinds.err, Catch::Contains("unknown fix kind 'archive'"));
  CHECK(run_linkhealth({"fix", "--db", t.db}).status == 3);
  // A crawl checks the config's fix_kinds before it starts, not after its report.
  t.tree.write("bad.yaml", "fix_kinds: redirect,moved\n");
  const ProcessResult crawl = run_linkhealth({"crawl", "--content", t.content, "--db", t.db,
                                              "--config", (t.tree.root() / "bad.yaml").string()});
  CHECK(crawl.status == 3);
  CHECK_THAT(crawl.err, Catch::Contains("unknown fix kind 'moved'"));
  CHECK(run_linkhealth({"fix", "--content", t.content, "--bogus"}).status == 3);
}
