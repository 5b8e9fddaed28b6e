// The history rows from a real store: each run's verdicts, new and fixed problems agree with
// Store::new_problems and Store::fixed, and fix times run from the first failure to the fix.
#include <catch2/catch.hpp>

#include "reports/trend_series.h"
#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

struct History {
  Store store = Store::open(":memory:");
  Source source = article("a", "A");
  std::vector<Target> targets;

  History() {
    for (int i = 1; i <= 4; ++i) targets.push_back(target_for(source, url_of(i)));
  }

  std::int64_t crawl(const std::vector<Verdict>& verdicts, const std::string& at,
                     RunStatus status = RunStatus::Done) {
    const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", true);
    store.record_sources(run, {source}, targets);
    for (std::size_t i = 0; i < verdicts.size(); ++i) {
      store.record_check(run, result(url_of(static_cast<int>(i) + 1), verdicts[i], "t", at), {});
    }
    store.finish_run(run, status);
    return run;
  }
};

constexpr Verdict kOk = Verdict::Ok;
constexpr Verdict kBroken = Verdict::Broken;
constexpr Verdict kTimeout = Verdict::Timeout;

}  // namespace

TEST_CASE("trend rows agree with the store's new and fixed problems run by run",
          "[store][trends]") {
  History h;
  const auto r1 = h.crawl({kBroken, kOk, kBroken, kOk}, "2026-01-05T03:00:00Z");
  const auto r2 = h.crawl({kBroken, kTimeout, kOk, kOk}, "2026-01-12T03:00:00Z");
  const auto r3 = h.crawl({kOk, kTimeout, kOk, kBroken}, "2026-01-19T03:00:00Z");
  const auto r4 = h.crawl({kOk, kOk, kOk, kBroken}, "2026-01-26T03:00:00Z");

  const Trends t = trend_series(h.store.trend_rows(r4));
  REQUIRE(t.runs.size() == 4);
  const std::vector<std::int64_t> ids{r1, r2, r3, r4};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO("run " << ids[i]);
    CHECK(t.runs[i].run_id == ids[i]);
    CHECK(t.runs[i].new_problems == static_cast<int>(h.store.change_counts(ids[i]).new_problems));
    CHECK(t.runs[i].fixed == static_cast<int>(h.store.change_counts(ids[i]).fixed));
    CHECK(t.runs[i].problems == h.store.summary(ids[i]).run.problem_count);
  }
  CHECK(t.runs[0].verdicts[static_cast<std::size_t>(kBroken)] == 2);
  CHECK(t.runs[1].verdicts[static_cast<std::size_t>(kTimeout)] == 1);
  // Run 2 fixed url 3 (broken since Jan 5: 7 days); run 3 fixed url 1 (broken since Jan 5,
  // 14 days); run 4 fixed url 2 (timeout since Jan 12: 14 days).
  CHECK(t.runs[0].fixed == 0);
  CHECK_FALSE(t.runs[0].median_days_to_fix.has_value());
  CHECK(t.runs[1].median_days_to_fix == Approx(7.0));
  CHECK(t.runs[2].median_days_to_fix == Approx(14.0));
  CHECK(t.runs[3].median_days_to_fix == Approx(14.0));
  CHECK(t.fixes == 3);
  CHECK(t.median_days_to_fix == Approx(14.0));
  // Open in run 4: url 4, broken since Jan 19, a week old at Jan 26.
  REQUIRE(t.open_by_age.size() == 5);
  CHECK(t.open_by_age[0].count == 0);
  CHECK(t.open_by_age[1].count == 1);
  CHECK(t.open_by_age[1].label == "1 to 4 weeks");
}

TEST_CASE("the history window ends at the reported run and skips interrupted crawls",
          "[store][trends]") {
  History h;
  const auto r1 = h.crawl({kBroken, kOk, kOk, kOk}, "2026-01-05T03:00:00Z");
  h.crawl({kOk, kOk, kOk, kOk}, "2026-01-08T03:00:00Z", RunStatus::Interrupted);
  const auto r3 = h.crawl({kOk, kOk, kOk, kOk}, "2026-01-12T03:00:00Z");
  const auto r4 = h.crawl({kOk, kBroken, kOk, kOk}, "2026-01-19T03:00:00Z");

  const Trends at3 = trend_series(h.store.trend_rows(r3));
  REQUIRE(at3.runs.size() == 2);
  CHECK(at3.runs[0].run_id == r1);
  CHECK(at3.runs[1].run_id == r3);
  // Compared with r1 (the interrupted run is no baseline), as Store::fixed does.
  CHECK(at3.runs[1].fixed == 1);
  CHECK(h.store.change_counts(r3).fixed == 1);
  CHECK(at3.runs[1].median_days_to_fix == Approx(7.0));

  const Trends at4 = trend_series(h.store.trend_rows(r4));
  CHECK(at4.runs.size() == 3);
  CHECK(at4.runs.back().run_id == r4);
  CHECK(at4.runs.back().problems == 1);

  const Trends limited = trend_series(load_trend_rows(h.store.database(), r4, 2));
  REQUIRE(limited.runs.size() == 2);
  CHECK(limited.runs[0].run_id == r3);
  // The oldest run of the window keeps its own baseline (r1) for its fixes.
  CHECK(limited.runs[0].fixed == 1);
}

TEST_CASE("a check run has no history", "[store][trends]") {
  History h;
  h.crawl({kBroken, kOk, kOk, kOk}, "2026-01-05T03:00:00Z");
  const auto check = h.store.begin_run(RunKind::Check, "{}", false);
  h.store.finish_run(check, RunStatus::Done);
  const TrendRows rows = h.store.trend_rows(check);
  CHECK(rows.runs.empty());
  CHECK(trend_series(rows).open_by_age.empty());
}
