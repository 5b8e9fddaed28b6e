// Reading back the content a run recorded: the targets to fetch, with their validators.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "tests/sql_trace.h"
#include "tests/store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("fetch targets carry the validators of the last informative check", "[store][content]") {
  auto store = Store::open(":memory:");
  const Source a = article("a", "A");
  const std::vector<Target> targets{target_for(a, url_of(1)), target_for(a, url_of(2)),
                                    target_for(a, url_of(3))};
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {a}, targets);
  CheckResult moved = result(url_of(1), Verdict::Redirected, "t");
  moved.etag = "\"v1\"";
  store.record_check(r1, moved, {});
  CheckResult gone = result(url_of(2), Verdict::Broken);
  gone.etag = "\"404\"";
  store.record_check(r1, gone, {});
  store.finish_run(r1, RunStatus::Done);
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  CheckResult wall = result(url_of(1), Verdict::Blocked);
  wall.etag = "\"wall\"";
  wall.final_url = "https://challenge.example/";
  store.record_check(r2, wall, {});  // says nothing about the page: not a baseline
  store.finish_run(r2, RunStatus::Done);

  std::int64_t r3 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r3, {a}, targets);
  testing::StatementCounter counter(store.database());
  const std::vector<FetchTarget> planned = store.fetch_targets(r3);
  CHECK(counter.selects() == 1);
  REQUIRE(planned.size() == 3);
  CHECK(planned[0].request_url == url_of(1));
  CHECK(planned[0].etag == "\"v1\"");
  CHECK(planned[0].last_modified == moved.last_modified);
  CHECK(planned[0].final_url == url_of(1) + "/moved");
  CHECK(planned[1].etag == "\"404\"");  // broken is informative: a 304 confirms it
  CHECK(planned[2].etag.empty());
  CHECK(planned[2].final_url.empty());
}
