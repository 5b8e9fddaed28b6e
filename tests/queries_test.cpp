// The read side of the store: new and fixed problems between runs, a run's targets.
#include <catch2/catch.hpp>

#include <tuple>
#include <vector>

#include <SQLiteCpp/Column.h>

#include "store/store.h"
#include "store_test_data.h"
#include "tests/sql_trace.h"

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
  auto news = [&](std::int64_t run) { return flagged_urls(store, run, &TargetRecord::is_new); };
  auto fixed = [&](std::int64_t run) { return flagged_urls(store, run, &TargetRecord::is_fixed); };
  using Urls = std::vector<std::string>;

  auto r1 = crawl(Verdict::Broken, Verdict::Ok, Verdict::Broken, "2026-01-05T03:00:00Z");
  CHECK(news(r1).empty());  // one failing run is not yet "broken"
  auto r2 = crawl(Verdict::Broken, Verdict::Timeout, Verdict::Ok, "2026-01-12T03:00:00Z");
  CHECK(r2 != r1);
  CHECK(news(r2) == Urls{url_of(1)});
  CHECK(fixed(r2) == Urls{url_of(3)});
  CHECK(store.change_counts(r2).new_problems == 1);
  CHECK(store.change_counts(r2).fixed == 1);
  auto r3 = crawl(Verdict::Broken, Verdict::Timeout, Verdict::Ok, "2026-01-19T03:00:00Z");
  CHECK(news(r3) == Urls{url_of(2)});
  CHECK(fixed(r3).empty());
  CHECK(store.change_counts(r3).new_problems == 1);
  CHECK(store.change_counts(r3).fixed == 0);
  CHECK(store.summary(r3).previous->id == r2);

  auto last = store.last_check(url_of(1));
  REQUIRE(last.has_value());
  CHECK(last->history.failures == 3);
  CHECK(last->history.broken_since == "2026-01-05T03:00:00Z");
  CHECK(last->history.confirmed);

  auto history = store.timeline(url_of(1));
  REQUIRE(history.size() == 3);
  CHECK(history[0].run_id == r1);
  CHECK(history[2].run_id == r3);
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
  const auto records = store.targets(r2);
  REQUIRE(records.size() == 1);
  CHECK(records[0].is_new);
  CHECK(records[0].history.failures == 3);
  CHECK(store.latest_run(RunKind::Check)->id == check);
}

TEST_CASE("a run's targets take their refs and drift from a fixed number of statements",
          "[store][queries]") {
  auto store = Store::open(":memory:");
  const Source a = article("a", "A");
  const Source b = article("b", "B", "/communities/legal/");
  std::vector<Target> targets;
  for (int i = 1; i <= 12; ++i) {
    Target t = target_for(a, url_of(i));
    if (i % 2 == 0) t.refs.push_back(target_for(b, url_of(i)).refs[0]);
    targets.push_back(t);
  }
  auto drift_of = [](int i) {
    return i % 3 == 0 ? std::vector<Drift>{{DriftKind::VerdictChanged, "", std::to_string(i),
                                            "broken", 0.0}}
                      : std::vector<Drift>{};
  };
  auto crawl = [&](const std::string& at) {
    std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(run, {a, b}, targets);
    for (int i = 1; i <= 12; ++i) {
      store.record_check(
          run, result(url_of(i), i % 4 == 0 ? Verdict::Broken : Verdict::Ok, "t", at), drift_of(i));
    }
    store.finish_run(run, RunStatus::Done);
    return run;
  };
  crawl("2026-01-05T03:00:00Z");
  const std::int64_t run = crawl("2026-01-12T03:00:00Z");
  auto number = [](const TargetRecord& r) {
    return std::stoi(r.request_url.substr(r.request_url.rfind('/') + 1));
  };
  auto check_record = [&](const TargetRecord& r) {
    const int i = number(r);
    INFO(r.request_url);
    CHECK(r.run_id == run);
    REQUIRE(r.refs.size() == (i % 2 == 0 ? 2U : 1U));
    CHECK(r.refs[0].slug == "a");
    if (i % 2 == 0) CHECK(r.refs[1].curated.community == "/communities/legal/");
    REQUIRE(r.drift.size() == drift_of(i).size());
    if (!r.drift.empty()) CHECK(r.drift[0].before == std::to_string(i));
    CHECK(r.is_new == (i % 4 == 0));  // the second failing crawl confirms
  };

  testing::StatementCounter counter(store.database());
  const auto all = store.targets(run);
  // The previous crawl's id, the checks, their drift, their refs: not a statement per target.
  CHECK(counter.selects() == 4);
  REQUIRE(all.size() == 12);
  for (std::size_t i = 1; i < all.size(); ++i) {
    CHECK(std::tie(all[i - 1].host, all[i - 1].request_url) <
          std::tie(all[i].host, all[i].request_url));
  }
  for (const auto& r : all) check_record(r);

  const auto legal = store.targets(run, {false, std::nullopt, "/communities/legal/", ""});
  REQUIRE(legal.size() == 6);
  for (const auto& r : legal) check_record(r);
  const auto broken = store.targets(run, {true, std::nullopt, "", ""});
  REQUIRE(broken.size() == 3);
  for (const auto& r : broken) check_record(r);
  CHECK(store.change_counts(run).new_problems == 3);

  const auto history = store.timeline(url_of(3));
  REQUIRE(history.size() == 2);
  for (const auto& r : history) {
    CHECK(r.refs.empty());
    REQUIRE(r.drift.size() == 1);
    CHECK(r.drift[0].before == "3");
  }
}

TEST_CASE("a read-back of a run's targets holds the page cache small, then restores it",
          "[store][queries]") {
  auto store = Store::open(":memory:");
  const Source a = article("a", "A");
  const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(run, {a}, {target_for(a, url_of(1)), target_for(a, url_of(2))});
  store.record_check(run, result(url_of(1), Verdict::Ok, "t"), {});
  store.record_check(run, result(url_of(2), Verdict::Broken), {});
  store.finish_run(run, RunStatus::Done);
  const auto cache_size = [&] { return store.database().execAndGet("PRAGMA cache_size").getInt(); };
  const int before = cache_size();
  REQUIRE(before != -2048);
  std::vector<int> during;
  store.for_each_target(run, {}, [&](TargetRecord&&) { during.push_back(cache_size()); });
  CHECK(during == std::vector<int>{-2048, -2048});
  CHECK(cache_size() == before);
}
