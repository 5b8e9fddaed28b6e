#pragma once
// The history section of the report and the `trends` object of the JSON document: what the
// store's runs say about link rot over time. Pure: computed from the rows store/trend_rows.h
// loads, so every figure is tested without a database.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/check_result.h"
#include "store/trend_rows.h"

namespace linkhealth {

/// One crawl of the history.
struct RunTrend {
  std::int64_t run_id = 0;
  std::string started_at;
  std::array<int, kVerdictCount> verdicts{};  ///< checks per verdict, by the Verdict's value
  int problems = 0;                           ///< checks with a problem verdict
  int new_problems = 0;                       ///< confirmed, not in the crawl before
  int fixed = 0;                              ///< a problem before, working now
  std::optional<double> median_days_to_fix;   ///< over this run's fixes; none when no fix
};

/// Open problems of the reported run whose streak began within [min_days, max_days) of it.
struct AgeBucket {
  std::string_view label;  ///< "under a week", ...
  int min_days = 0;
  int max_days = 0;  ///< 0: no upper bound
  int count = 0;
};

struct Trends {
  std::vector<RunTrend> runs;  ///< oldest first; empty for a `check` run
  std::vector<AgeBucket> open_by_age;
  int fixes = 0;                             ///< fixes over the whole window
  std::optional<double> median_days_to_fix;  ///< over every fix of the window
};

/// The series from the loaded rows. Fix times are counted from the first failing check of
/// the streak to the check that found the link working, in days (fractions kept).
Trends trend_series(const TrendRows& rows);

/// Days from `from` to `to` (format_utc timestamps); nullopt when either does not parse.
std::optional<double> days_between(std::string_view from, std::string_view to);

/// The median of `values` (the mean of the middle two for an even count); nullopt when empty.
std::optional<double> median(std::vector<double> values);

}  // namespace linkhealth
