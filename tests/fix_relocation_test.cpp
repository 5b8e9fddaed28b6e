// `linkhealth fix --kinds relocation` end to end: two weekly crawls of a site whose articles
// moved (found through its sitemap, issue 19's relocation), then the real binary rewrites the
// link only where both crawls suggested the same replacement.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "tests/cli_process.h"
#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kMovedTitle = "Hospitals expand telehealth for rural care";
const std::string kDriftingTitle = "Clinics share wait times online";
const std::string kNewUrl =
    "http://news.web.test/health/hospitals-expand-telehealth-for-rural-care";

testweb::Reply sitemap(const std::string& drifting_path) {
  testweb::Reply reply;
  reply.content_type = "application/xml";
  reply.body = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" +
               kNewUrl + "</loc></url><url><loc>http://news.web.test" + drifting_path +
               "</loc></url></urlset>";
  return reply;
}

/// Two dead links: one article moved for good, one the site lists at another URL each week.
testweb::Scenario moved_site() {
  testweb::Scenario s;
  auto& news = s.hosts["news.web.test"];
  news["/2019/old-slug"].replies = {page("Page not found", 404)};
  news["/2019/drifting"].replies = {page("Page not found", 404)};
  news["/sitemap.xml"].replies = {sitemap("/a/clinics-share-wait-times-online"),
                                  sitemap("/b/clinics-share-wait-times-online")};
  news["/health/hospitals-expand-telehealth-for-rural-care"].replies = {page(kMovedTitle)};
  news["/a/clinics-share-wait-times-online"].replies = {page(kDriftingTitle)};
  news["/b/clinics-share-wait-times-online"].replies = {page(kDriftingTitle)};
  return s;
}

std::string article(const std::string& title, const std::string& url) {
  return "---\ntitle: " + title + "\nlink:\n  href: " + url + "\n  original: " + url +
         "\nopenProjectCustomFields:\n  cleanUrl: '" + url + "'\n---\nBody\n";
}

struct Week {
  TempTree tree;
  std::string content = (tree.root() / "content").string();
  std::string db = (tree.root() / "links.db").string();

  void crawl(int port) const {
    std::vector<std::string> args = {"--content", content, "--db", db, "--no-archive"};
    for (const std::string& flag : loopback_flags(port)) args.push_back(flag);
    const int code = run_crawl_args(args);
    REQUIRE((code == 0 || code == 2));
  }
  ProcessResult fix(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"fix", "--content", content, "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_linkhealth(args);
  }
};

}  // namespace

TEST_CASE("fix rewrites a relocation two crawls agree on, only when asked for",
          "[cli][fix][repair][web]") {
  testweb::FixtureWeb web(moved_site());
  Week w;
  const std::string moved = article(kMovedTitle, "http://news.web.test/2019/old-slug");
  const std::string drifting = article(kDriftingTitle, "http://news.web.test/2019/drifting");
  w.tree.write("content/moved.md", moved);
  w.tree.write("content/drifting.md", drifting);

  w.crawl(web.port());
  // One crawl is no confirmation.
  CHECK_THAT(w.fix({"--kinds", "relocation"}).err, Catch::Contains("nothing to fix"));

  w.crawl(web.port());
  REQUIRE(web.hits("news.web.test", "/sitemap.xml") >= 2);  // each week read the sitemap
  // Relocation is a suggestion an editor opts into: the default kinds leave it alone.
  const ProcessResult plain = w.fix();
  CHECK(plain.status == 0);
  CHECK(plain.out.empty());

  const ProcessResult plan = w.fix({"--kinds", "relocation", "--json", "-"});
  INFO(plan.err);
  CHECK(plan.status == 0);
  const auto doc = nlohmann::json::parse(plan.out);
  // The drifting article got another URL each week: not confirmed.
  {
    SQLite::Database db(w.db);
    SQLite::Statement weeks(db,
                            "SELECT replacement_url FROM checks JOIN targets ON targets.id = "
                            "checks.target_id WHERE targets.url = ? ORDER BY checks.run_id");
    weeks.bind(1, "http://news.web.test/2019/drifting");
    std::vector<std::string> suggested;
    while (weeks.executeStep()) suggested.push_back(weeks.getColumn(0).getString());
    CHECK(suggested ==
          std::vector<std::string>{"http://news.web.test/a/clinics-share-wait-times-online",
                                   "http://news.web.test/b/clinics-share-wait-times-online"});
  }
  REQUIRE(doc.size() == 2);
  CHECK(doc[0] == nlohmann::json{{"file", "moved.md"},
                                 {"line", 4},
                                 {"field", "link.href"},
                                 {"old", "http://news.web.test/2019/old-slug"},
                                 {"new", kNewUrl},
                                 {"kind", "relocation"}});
  CHECK(doc[1]["field"] == "openProjectCustomFields.cleanUrl");

  // The report's "Ready to fix" plans the kinds the config names, as fix does.
  w.tree.write("linkhealth.yaml", "fix_kinds: redirect,tracking,relocation\n");
  const std::string config = (w.tree.root() / "linkhealth.yaml").string();
  for (const auto& [args, edits] :
       {std::pair<std::vector<std::string>, std::size_t>{{}, 0}, {{"--config", config}, 2}}) {
    std::vector<std::string> report = {"report", "--db", w.db, "--json", "-"};
    report.insert(report.end(), args.begin(), args.end());
    const ProcessResult reported = run_linkhealth(report);
    INFO(reported.err);
    REQUIRE(reported.status == 0);
    const auto plan_in_report = nlohmann::json::parse(reported.out).at("fix_plan");
    CHECK(plan_in_report.size() == edits);
    if (edits > 0) CHECK(plan_in_report[0] == doc[0]);
  }

  const ProcessResult applied = w.fix({"--kinds", "redirect,relocation", "--apply"});
  INFO(applied.err);
  CHECK(applied.status == 0);
  CHECK_THAT(applied.err, Catch::Contains("(2 relocation)") && Catch::Contains("wrote 1 file"));
  // link.original keeps what was curated.
  CHECK(read_file(w.tree.root() / "content/moved.md") ==
        "---\ntitle: " + kMovedTitle + "\nlink:\n  href: " + kNewUrl +
            "\n  original: http://news.web.test/2019/old-slug\nopenProjectCustomFields:\n"
            "  cleanUrl: '" +
            kNewUrl + "'\n---\nBody\n");
  CHECK(read_file(w.tree.root() / "content/drifting.md") == drifting);
  CHECK_THAT(w.fix({"--kinds", "relocation"}).err, Catch::Contains("nothing to fix"));
}
