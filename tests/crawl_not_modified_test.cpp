// Two weekly crawls in a row, the second answered with 304s: a mismatch with the curated record
// is a state, so the second run shows every one the first did (DB, JSON, report, `check`), and
// a 304 makes nothing new or fixed. The real binary against the fixture web.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <set>

#include "tests/cli_process.h"
#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::Reply with_etag(testweb::Reply reply, const std::string& etag) {
  reply.headers.push_back({"ETag", etag});
  return reply;
}

// The fixture web answers a matching If-None-Match with 304.
testweb::Scenario weekly_web() {
  testweb::Scenario s;
  s.hosts["news.web.test"]["/drifted"].replies = {
      with_etag(page("Quarterly earnings call transcript for a retailer"), "\"d1\"")};
  testweb::Reply canonical = page("Hospitals adopt shared care plans");
  canonical.body =
      html_page("Hospitals adopt shared care plans",
                "<link rel=\"canonical\" href=\"http://news.web.test/2019/care-plans\">");
  s.hosts["news.web.test"]["/elsewhere"].replies = {with_etag(canonical, "\"c1\"")};
  s.hosts["news.web.test"]["/fine"].replies = {
      with_etag(page("Nurses trial a new triage app"), "\"f1\"")};
  return s;
}

void write_content(const TempTree& tree) {
  tree.write("content/drifted.md", md("drifted", "Hospitals expand telehealth for rural care",
                                      "http://news.web.test/drifted"));
  tree.write("content/elsewhere.md", md("elsewhere", "Hospitals adopt shared care plans",
                                        "http://news.web.test/elsewhere"));
  tree.write("content/fine.md",
             md("fine", "Nurses trial a new triage app", "http://news.web.test/fine"));
}

std::vector<std::string> common_flags(const TempTree& tree, const testweb::FixtureWeb& web) {
  std::vector<std::string> flags = {"--content", (tree.root() / "content").string(), "--db",
                                    (tree.root() / "links.db").string()};
  for (std::string& f : loopback_flags(web.port())) {
    if (f != "--no-progress") flags.push_back(std::move(f));  // a crawl-only flag
  }
  return flags;
}

std::vector<std::string> crawl_args(const TempTree& tree, const testweb::FixtureWeb& web,
                                    const std::string& week) {
  std::vector<std::string> args = {"crawl"};
  for (std::string& f : common_flags(tree, web)) args.push_back(std::move(f));
  for (std::string f :
       std::vector<std::string>{"--json", (tree.root() / (week + ".json")).string(), "--report",
                                (tree.root() / (week + ".html")).string(), "--fail-on", "any"}) {
    args.push_back(std::move(f));
  }
  return args;
}

using KindsByUrl = std::map<std::string, std::set<std::string>>;

KindsByUrl json_kinds(const nlohmann::json& doc) {
  KindsByUrl out;
  for (const auto& [url, target] : targets_by_url(doc)) {
    auto& kinds = out[url];
    for (const auto& d : target.at("drift")) kinds.insert(d.at("kind").get<std::string>());
  }
  return out;
}

KindsByUrl db_kinds(const TempTree& tree, int run_id) {
  SQLite::Database db((tree.root() / "links.db").string());
  SQLite::Statement q(db,
                      "SELECT t.url, d.kind FROM drift d JOIN targets t ON t.id = d.target_id "
                      "WHERE d.run_id = ?");
  q.bind(1, run_id);
  KindsByUrl out;
  while (q.executeStep()) out[q.getColumn(0).getString()].insert(q.getColumn(1).getString());
  return out;
}

nlohmann::json read_doc(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("a 304 week keeps every curated-record mismatch and changes no new or fixed list",
          "[cli][crawl][web][drift]") {
  TempTree tree;
  write_content(tree);
  testweb::FixtureWeb web(weekly_web());

  const auto week1 = run_linkhealth(crawl_args(tree, web, "week1"));
  INFO(week1.out << week1.err);
  CHECK(week1.status == 0);  // drift is not a problem verdict
  const auto week2 = run_linkhealth(crawl_args(tree, web, "week2"));
  INFO(week2.out << week2.err);
  CHECK(week2.status == 0);
  CHECK(week2.out.find("0 new, 0 fixed") != std::string::npos);

  const KindsByUrl expected = {
      {"http://news.web.test/drifted", {"title_mismatch"}},
      {"http://news.web.test/elsewhere", {"canonical_mismatch"}},
      {"http://news.web.test/fine", {}},
  };
  const auto doc1 = read_doc(tree.root() / "week1.json");
  const auto doc2 = read_doc(tree.root() / "week2.json");
  CHECK(json_kinds(doc1) == expected);
  CHECK(json_kinds(doc2) == expected);
  for (const auto& [url, target] : targets_by_url(doc2)) {
    INFO(url);
    CHECK(target.at("http_status") == 304);
    CHECK(target.at("not_modified") == true);
    CHECK(target.at("verdict") == "ok");
    CHECK(target.at("error") == "");  // a 304 is no error
  }
  for (const auto& [url, target] : targets_by_url(doc1)) {
    CHECK(target.at("not_modified") == false);
  }

  KindsByUrl stored = expected;
  stored.erase("http://news.web.test/fine");  // no drift rows at all
  CHECK(db_kinds(tree, 1) == stored);
  CHECK(db_kinds(tree, 2) == stored);

  // The editors' table lists the same two rows both weeks: one per drifted article.
  const auto rows = [](const std::string& html) {
    std::size_t n = 0;
    for (auto at = html.find("class=\"lh-row\""); at != std::string::npos;
         at = html.find("class=\"lh-row\"", at + 1)) {
      ++n;
    }
    return n;
  };
  const std::string report1 = read_file(tree.root() / "week1.html");
  const std::string report2 = read_file(tree.root() / "week2.html");
  CHECK(rows(report1) == 2);
  CHECK(rows(report2) == 2);
  CHECK(report2.find("http://news.web.test/drifted") != std::string::npos);
  CHECK(report2.find("The page names another canonical URL") != std::string::npos);

  // `check` of one article a third week: a 304 again, and the mismatch is still told.
  std::vector<std::string> check = {"check", "drifted"};
  for (std::string& f : common_flags(tree, web)) check.push_back(std::move(f));
  const auto checked = run_linkhealth(check);
  INFO(checked.out << checked.err);
  CHECK(checked.status == 0);
  CHECK(checked.out.find("HTTP 304") != std::string::npos);
  CHECK(checked.out.find("title_mismatch") != std::string::npos);
  CHECK(checked.out.find("title_changed") == std::string::npos);
}
