// The repair search as part of two weekly crawls: the suggestions reach the JSON document and
// the checks table, a 304 week keeps the suggestion of the check it repeats, and an archive
// capture once chosen is not looked up again.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kMovedTitle = "Hospitals expand telehealth for rural care";
const std::string kSoftTitle = "Nurses trial a new triage app";

testweb::Scenario weekly_web() {
  testweb::Scenario s;
  auto& news = s.hosts["news.web.test"];
  news["/2019/old-slug"].replies = {page("Page not found", 404)};
  testweb::Reply soft = page("Page not found");
  soft.headers = {{"ETag", "\"soft-1\""}};
  news["/old/triage"].replies = {soft};
  testweb::Reply sitemap;
  sitemap.content_type = "application/xml";
  sitemap.body =
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc>http://news.web.test/health/hospitals-expand-telehealth-for-rural-care</loc></url>"
      "<url><loc>http://news.web.test/apps/nurses-trial-a-new-triage-app</loc></url>"
      "</urlset>";
  news["/sitemap.xml"].replies = {sitemap};
  news["/health/hospitals-expand-telehealth-for-rural-care"].replies = {page(kMovedTitle)};
  news["/apps/nurses-trial-a-new-triage-app"].replies = {page(kSoftTitle + " | News")};
  testweb::Reply captures;
  captures.content_type = "application/json";
  captures.body =
      "[[\"timestamp\",\"original\",\"statuscode\"],"
      "[\"20190101000000\",\"http://news.web.test/x\",\"200\"],"
      "[\"20200101000000\",\"http://news.web.test/x\",\"200\"]]";
  s.hosts["archive.web.test"]["/cdx/search/cdx"].replies = {captures};
  return s;
}

void write_content(const TempTree& tree) {
  tree.write("content/moved.md", "---\nslug: moved\ntitle: " + kMovedTitle +
                                     "\ndate: 2019-03-28T11:29:25Z\nlink:\n  href: "
                                     "http://news.web.test/2019/old-slug\n---\n");
  tree.write("content/soft.md", "---\nslug: soft\ntitle: " + kSoftTitle +
                                    "\ndate: '2018-06-01'\nlink:\n  href: "
                                    "http://news.web.test/old/triage\n---\n");
}

nlohmann::json crawl_week(const TempTree& tree, const testweb::FixtureWeb& web,
                          const std::string& week) {
  std::vector<std::string> args = {"--content",      (tree.root() / "content").string(),
                                   "--db",           (tree.root() / "links.db").string(),
                                   "--json",         (tree.root() / (week + ".json")).string(),
                                   "--wayback-base", "http://archive.web.test"};
  for (std::string& f : loopback_flags(web.port())) args.push_back(std::move(f));
  const int status = run_crawl_args(args);
  CHECK((status == 0 || status == 2));
  std::ifstream in(tree.root() / (week + ".json"));
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("a crawl records where dead articles went and their archived copies",
          "[cli][crawl][repair][web]") {
  testweb::FixtureWeb web(weekly_web());
  TempTree tree;
  write_content(tree);

  auto first = targets_by_url(crawl_week(tree, web, "week1"));
  const auto& moved = first.at("http://news.web.test/2019/old-slug");
  CHECK(moved["verdict"] == "broken");
  CHECK(moved["replacement"]["url"] ==
        "http://news.web.test/health/hospitals-expand-telehealth-for-rural-care");
  CHECK(moved["replacement"]["title"] == kMovedTitle);
  CHECK(moved["replacement"]["similarity"] == 1.0);
  CHECK(moved["archive"]["timestamp"] == "20190101000000");  // the last before 2019-03-28
  CHECK(moved["archive"]["url"] ==
        "http://archive.web.test/web/20190101000000/http://news.web.test/x");
  const auto& soft = first.at("http://news.web.test/old/triage");
  CHECK(soft["verdict"] == "soft_404");
  CHECK(soft["replacement"]["url"] == "http://news.web.test/apps/nurses-trial-a-new-triage-app");
  CHECK(soft["archive"]["timestamp"] == "20190101000000");  // none before 2018-06-01: first after
  CHECK(web.hits("news.web.test", "/sitemap.xml") == 1);    // once for both links
  CHECK(web.hits("archive.web.test",
                 "/cdx/search/cdx?url=http://news.web.test/2019/old-slug"
                 "&output=json&filter=statuscode:200&fl=timestamp,original,"
                 "statuscode") == 1);

  // The columns `linkhealth fix` reads.
  SQLite::Database db((tree.root() / "links.db").string());
  SQLite::Statement row(db,
                        "SELECT replacement_url, replacement_title, replacement_similarity, "
                        "archive_url, archive_timestamp, archive_curated_at FROM checks "
                        "JOIN targets ON targets.id = checks.target_id WHERE targets.url = ?");
  row.bind(1, "http://news.web.test/2019/old-slug");
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getString() ==
        "http://news.web.test/health/hospitals-expand-telehealth-for-rural-care");
  CHECK(row.getColumn(1).getString() == kMovedTitle);
  CHECK(row.getColumn(2).getDouble() == 1.0);
  CHECK(row.getColumn(4).getString() == "20190101000000");
  CHECK(row.getColumn(5).getString() == "2019-03-28T11:29:25Z");

  SECTION("a second week keeps the suggestions; a 304 repeats them without a search") {
    const int archive_hits = web.total_hits();
    auto second = targets_by_url(crawl_week(tree, web, "week2"));
    const auto& soft_again = second.at("http://news.web.test/old/triage");
    CHECK(soft_again["not_modified"] == true);
    CHECK(soft_again["replacement"] == soft["replacement"]);
    CHECK(soft_again["archive"] == soft["archive"]);
    const auto& moved_again = second.at("http://news.web.test/2019/old-slug");
    CHECK(moved_again["replacement"] == moved["replacement"]);
    CHECK(moved_again["archive"] == moved["archive"]);
    // The archive was not asked again: captures of the past do not change.
    CHECK(web.hits("archive.web.test",
                   "/cdx/search/cdx?url=http://news.web.test/2019/old-slug"
                   "&output=json&filter=statuscode:200&fl=timestamp,original,"
                   "statuscode") == 1);
    CHECK(web.total_hits() > archive_hits);
  }
}
