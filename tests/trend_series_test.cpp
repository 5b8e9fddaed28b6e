// The history series from hand-made rows: counts per run, medians, ages, axis tops.
#include <catch2/catch.hpp>

#include "reports/trend_chart.h"
#include "reports/trend_series.h"

using namespace linkhealth;

TEST_CASE("days between two stored timestamps", "[trends]") {
  CHECK(days_between("2026-01-05T03:00:00Z", "2026-01-19T03:00:00Z") == Approx(14.0));
  CHECK(days_between("2026-01-05T03:00:00Z", "2026-01-05T15:00:00Z") == Approx(0.5));
  CHECK(days_between("2025-12-31T00:00:00Z", "2026-03-01T00:00:00Z") == Approx(60.0));
  CHECK_FALSE(days_between("", "2026-01-05T03:00:00Z").has_value());
  CHECK_FALSE(days_between("2026-01-05 03:00:00", "2026-01-05T03:00:00Z").has_value());
  CHECK_FALSE(days_between("2026-13-05T03:00:00Z", "2026-01-05T03:00:00Z").has_value());
}

TEST_CASE("median of odd, even and empty lists", "[trends]") {
  CHECK(median({3, 1, 2}) == Approx(2));
  CHECK(median({4, 1, 2, 10}) == Approx(3));
  CHECK_FALSE(median({}).has_value());
}

TEST_CASE("series from rows: verdicts, new, fixed, fix times and open ages", "[trends]") {
  TrendRows rows;
  rows.runs = {{7, "2026-01-05T03:00:00Z", "2026-01-05T03:10:00Z"},
               {9, "2026-01-12T03:00:00Z", "2026-01-12T03:10:00Z"}};
  rows.verdicts = {{7, Verdict::Broken, 3}, {7, Verdict::Ok, 10},     {7, Verdict::Blocked, 2},
                   {9, Verdict::Broken, 1}, {9, Verdict::Timeout, 2}, {42, Verdict::Broken, 9}};
  rows.new_problems = {{9, 2}};
  rows.fixes = {{9, "2026-01-05T03:01:00Z", "2026-01-12T03:01:00Z"},
                {9, "2025-12-29T03:01:00Z", "2026-01-12T03:02:00Z"},
                {9, "garbage", "2026-01-12T03:02:00Z"}};
  rows.open_problems = {{"2026-01-12T03:00:00Z", "2026-01-12T03:00:00Z"},
                        {"2025-12-01T03:00:00Z", "2026-01-12T03:00:00Z"},
                        {"2024-01-01T03:00:00Z", "2026-01-12T03:00:00Z"}};
  const Trends t = trend_series(rows);
  REQUIRE(t.runs.size() == 2);
  CHECK(t.runs[0].problems == 3);  // blocked is not a problem; run 42 is not in the window
  CHECK(t.runs[0].verdicts[static_cast<std::size_t>(Verdict::Blocked)] == 2);
  CHECK(t.runs[1].problems == 3);
  CHECK(t.runs[1].new_problems == 2);
  CHECK(t.runs[1].fixed == 3);  // counted, though one fix time cannot be read
  const double first = 7.0;
  const double second = 14.0 + 1.0 / 1440;
  CHECK(t.runs[1].median_days_to_fix == Approx((first + second) / 2));
  CHECK(t.fixes == 3);
  REQUIRE(t.open_by_age.size() == 5);
  CHECK(t.open_by_age[0].count == 1);  // today
  CHECK(t.open_by_age[2].count == 1);  // 42 days
  CHECK(t.open_by_age[4].count == 1);  // two years
  CHECK(t.open_by_age[4].max_days == 0);
}

TEST_CASE("no runs, no series", "[trends]") {
  const Trends t = trend_series({});
  CHECK(t.runs.empty());
  CHECK(t.open_by_age.empty());
  CHECK_FALSE(t.median_days_to_fix.has_value());
}

TEST_CASE("chart axes end on round numbers", "[trends][chart]") {
  CHECK(nice_axis_max(0) == 1);
  CHECK(nice_axis_max(1) == 1);
  CHECK(nice_axis_max(3) == 5);
  CHECK(nice_axis_max(7) == 10);
  CHECK(nice_axis_max(10) == 10);
  CHECK(nice_axis_max(11) == 20);
  CHECK(nice_axis_max(401) == 500);
  CHECK(nice_axis_max(0.3) == 1);
}
