// The read side of the store: new and fixed problems between runs.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("new and fixed between crawls follow --confirm-runs", "[store][history]") {
  auto store = Store::open(":memory:");
  auto s = article("a", "A");
  std::vector<Target> targets{target_for(s, url_of(1)), target_for(s, url_of(2)),
                              target_for(s, url_of(3))};
  auto crawl = [&](Verdict v1, Verdict v2, Verdict v3, const std::string& at) {
    std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(run, {s}, targets);
    store.record_check(run, result(url_of(1), v1, "t", at), {});
    store.record_check(run, result(url_of(2), v2, "t", at), {});
    store.record_check(run, result(url_of(3), v3, "t", at), {});
    store.finish_run(run, RunStatus::Done);
    return run;
  };
  auto urls = [](const std::vector<TargetRecord>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.check.result.request_url);
    return out;
  };

  auto r1 = crawl(Verdict::Broken, Verdict::Ok, Verdict::Broken, "2026-01-05T03:00:00Z");
  CHECK(store.new_problems(r1).empty());  // one failing run is not yet "broken"
  auto r2 = crawl(Verdict::Broken, Verdict::Timeout, Verdict::Ok, "2026-01-12T03:00:00Z");
  CHECK(r2 != r1);
  CHECK(urls(store.new_problems(r2)) == std::vector<std::string>{url_of(1)});
  CHECK(urls(store.fixed(r2)) == std::vector<std::string>{url_of(3)});
  auto r3 = crawl(Verdict::Broken, Verdict::Timeout, Verdict::Ok, "2026-01-19T03:00:00Z");
  CHECK(urls(store.new_problems(r3)) == std::vector<std::string>{url_of(2)});
  CHECK(store.fixed(r3).empty());
  CHECK(store.summary(r3).previous->id == r2);

  auto last = store.last_check(url_of(1));
  REQUIRE(last.has_value());
  CHECK(last->history.failures == 3);
  CHECK(last->history.broken_since == "2026-01-05T03:00:00Z");
  CHECK(last->history.confirmed);

  auto history = store.timeline(url_of(1));
  REQUIRE(history.size() == 3);
  CHECK(history[0].check.run_id == r1);
  CHECK(history[2].check.run_id == r3);
  CHECK(store.timeline("a").size() == 9);  // the slug refers to all three targets
  CHECK(store.timeline("nope").empty());
}

TEST_CASE("a failing ad-hoc recheck confirms before --confirm-runs crawls", "[store][history]") {
  auto store = Store::open(":memory:", {200, std::chrono::milliseconds(1000), 3});
  auto s = article("a", "A");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {s}, {target_for(s, url_of(1))});
  store.record_check(r1, result(url_of(1), Verdict::Broken), {});
  store.finish_run(r1, RunStatus::Done);

  std::int64_t check = store.begin_run(RunKind::Check, "{}", false);
  store.record_check(check, result(url_of(1), Verdict::Broken), {});
  store.finish_run(check, RunStatus::Done);

  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Broken), {});
  store.finish_run(r2, RunStatus::Done);
  // Only two failing crawls (< 3), but the recheck confirmed it.
  REQUIRE(store.new_problems(r2).size() == 1);
  CHECK(store.new_problems(r2)[0].check.history.failures == 3);
  CHECK(store.latest_run(RunKind::Check)->id == check);
}
