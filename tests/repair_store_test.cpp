#include "store/repair_store.h"

#include <catch2/catch.hpp>

#include "store/conditional.h"
#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

const std::string kGone = "https://news1.example.com/article/gone";
const std::string kSoft = "https://news2.example.com/article/soft";
const std::string kFine = "https://news3.example.com/article/fine";

RepairSuggestion suggestion() {
  RepairSuggestion r;
  r.replacement = Replacement{"https://news1.example.com/new/home", "Hospitals cut jobs", 0.93};
  r.archive = ArchiveCapture{"https://web.archive.org/web/20201201000000/" + kGone,
                             "20201201000000", "2020-12-08T08:42:21Z"};
  return r;
}

}  // namespace

TEST_CASE("the dead checks of a run come with their curated titles and dates", "[store][repair]") {
  TempDir dir;
  auto store = Store::open(dir / "links.db");
  Source a = article("a", "Hospitals cut jobs");
  Source b = article("b", "Hospitals cut jobs amid losses");
  b.date = "2019-03-28";
  Source c = article("c", "Fine story");
  c.date = "not a date";
  const auto run = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(
      run, {a, b, c},
      {target_for(a, kGone), target_for(b, kGone), target_for(a, kSoft), target_for(c, kFine)});
  store.record_check(run, result(kGone, Verdict::Broken), {});
  CheckResult soft = result(kSoft, Verdict::Soft404);
  soft.not_modified = true;  // a 304 keeps the suggestion of the check it repeats
  store.record_check(run, soft, {});
  store.record_check(run, result(kFine, Verdict::Ok), {});

  const std::vector<DeadCheck> dead = store.dead_checks(run);
  REQUIRE(dead.size() == 1);
  const DeadLink& link = dead[0].link;
  CHECK(link.request_url == kGone);
  CHECK(link.host == "news1.example.com");
  CHECK(link.curated_titles ==
        std::vector<std::string>{"Hospitals cut jobs", "Hospitals cut jobs amid losses"});
  CHECK(link.curated_at == "2019-03-28");  // the earlier of the two files' dates
  CHECK_FALSE(dead[0].earlier_archive);

  SECTION("suggestions go onto the run's check and come back with it") {
    store.record_repairs(run, {{kGone, suggestion()}});
    CHECK(store.last_check(kGone)->repair == suggestion());
    CHECK(store.last_check(kFine)->repair == RepairSuggestion{});
    CHECK(store.targets(run).size() == 3);
    CheckResult unchanged = result(kGone, Verdict::Ok);
    unchanged.not_modified = true;
    CHECK(reuse_not_modified(unchanged, *store.last_check(kGone)).repair == suggestion());

    SECTION("a later run reuses the archive capture") {
      const auto next = store.begin_run(RunKind::Crawl, "{}", true);
      store.record_sources(
          next, {a, b, c},
          {target_for(a, kGone), target_for(b, kGone), target_for(a, kSoft), target_for(c, kFine)});
      store.record_check(next, result(kGone, Verdict::Broken), {});
      const auto again = store.dead_checks(next);
      REQUIRE(again.size() == 1);
      CHECK(again[0].earlier_archive == suggestion().archive);
    }
  }
  SECTION("a file without a usable date counts from its first scan") {
    const auto next = store.begin_run(RunKind::Crawl, "{}", true);
    store.record_check(next, result(kFine, Verdict::Broken), {});
    const auto fine = store.dead_checks(next);
    REQUIRE(fine.size() == 1);
    CHECK(fine[0].link.curated_at.substr(0, 2) == "20");
    CHECK(fine[0].link.curated_at != "not a date");
  }
}

TEST_CASE("sitemap files are kept per host and replaced by URL", "[store][repair]") {
  TempDir dir;
  auto store = Store::open(dir / "links.db");
  SitemapFile index{"https://a.example/sitemap_index.xml", "a.example", "\"i1\"", "", true,
                    {"https://a.example/s1.xml.gz"},       {}};
  SitemapFile child{"https://a.example/s1.xml.gz",
                    "a.example",
                    "",
                    "Tue, 01 Dec 2020 00:00:00 GMT",
                    false,
                    {},
                    {{kGone, {{"https://a.example/new", "A title", 0.75}}}, {kSoft, {}}}};
  SitemapFile other{"https://b.example/sitemap.xml", "b.example", "\"b\"", "", false, {}, {}};
  store.record_sitemap_files({index, child, other});
  CHECK(store.sitemap_files({"a.example"}) == std::vector<SitemapFile>{child, index});
  child.etag = "\"c2\"";
  child.candidates.erase(kSoft);
  store.record_sitemap_files({child});
  CHECK(store.sitemap_files({"a.example", "b.example"}) ==
        std::vector<SitemapFile>{child, index, other});
  CHECK(store.sitemap_files({"c.example"}).empty());
}
