#include "reports/trend_series.h"

#include <algorithm>
#include <map>

#include "extract/utc_time.h"

namespace linkhealth {
namespace {

constexpr double kSecondsPerDay = 86400.0;

// Weeks for the weekly job's first month, then the spans an editor plans in.
std::vector<AgeBucket> empty_age_buckets() {
  return {{"under a week", 0, 7, 0},
          {"1 to 4 weeks", 7, 28, 0},
          {"1 to 3 months", 28, 91, 0},
          {"3 to 12 months", 91, 365, 0},
          {"over a year", 365, 0, 0}};
}

void count_age(std::vector<AgeBucket>& buckets, double days) {
  for (AgeBucket& bucket : buckets) {
    if (bucket.max_days == 0 || days < bucket.max_days) {
      ++bucket.count;
      return;
    }
  }
}

}  // namespace

std::optional<double> days_between(std::string_view from, std::string_view to) {
  const auto a = parse_utc(from);
  const auto b = parse_utc(to);
  if (!a || !b) return std::nullopt;
  return static_cast<double>(*b - *a) / kSecondsPerDay;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

Trends trend_series(const TrendRows& rows) {
  Trends trends;
  std::map<std::int64_t, std::size_t> index;
  for (const TrendRun& run : rows.runs) {
    index[run.id] = trends.runs.size();
    trends.runs.push_back({run.id, run.started_at, {}, 0, 0, 0, std::nullopt});
  }
  auto run_of = [&](std::int64_t id) -> RunTrend* {
    const auto it = index.find(id);
    return it == index.end() ? nullptr : &trends.runs[it->second];
  };
  for (const TrendVerdictCount& row : rows.verdicts) {
    RunTrend* run = run_of(row.run_id);
    if (!run) continue;
    run->verdicts[static_cast<std::size_t>(row.verdict)] += row.count;
    if (is_problem(row.verdict)) run->problems += row.count;
  }
  for (const TrendNewCount& row : rows.new_problems) {
    if (RunTrend* run = run_of(row.run_id)) run->new_problems += row.count;
  }
  std::map<std::int64_t, std::vector<double>> fix_days;
  std::vector<double> all_days;
  for (const TrendFix& fix : rows.fixes) {
    RunTrend* run = run_of(fix.run_id);
    if (!run) continue;
    ++run->fixed;
    ++trends.fixes;
    if (const auto days = days_between(fix.broken_since, fix.fixed_at)) {
      fix_days[fix.run_id].push_back(std::max(0.0, *days));
      all_days.push_back(std::max(0.0, *days));
    }
  }
  for (auto& [id, days] : fix_days) run_of(id)->median_days_to_fix = median(std::move(days));
  trends.median_days_to_fix = median(std::move(all_days));
  if (!trends.runs.empty()) {
    trends.open_by_age = empty_age_buckets();
    for (const OpenProblemRow& open : rows.open_problems) {
      count_age(trends.open_by_age,
                std::max(0.0, days_between(open.broken_since, open.checked_at).value_or(0.0)));
    }
  }
  return trends;
}

}  // namespace linkhealth
