#pragma once
// The rows the report's history section is computed from (reports/trend_series.h): a few
// grouped queries over the last crawls, so a report of a 10,000-target store reads a few
// hundred small rows, not every check of every run.

#include <cstdint>
#include <string>
#include <vector>

#include "crawler/check_result.h"

namespace SQLite {
class Database;
}

namespace linkhealth {

/// How many crawls the history covers (about half a year of weekly runs).
inline constexpr int kTrendRuns = 26;

/// One crawl of the window: the finished crawls up to the reported run, and that run itself
/// whatever its status.
struct TrendRun {
  std::int64_t id = 0;
  std::string started_at;
  std::string finished_at;  ///< empty while running
};

/// How many of a run's checks carry `verdict`.
struct TrendVerdictCount {
  std::int64_t run_id = 0;
  Verdict verdict = Verdict::Ok;
  int count = 0;
};

/// A target that was a problem in the crawl before `run_id` and is ok or redirected in it.
struct TrendFix {
  std::int64_t run_id = 0;
  std::string broken_since;  ///< first failing check of the streak that ended
  std::string fixed_at;      ///< the check that found it working again
};

/// New problems of a run: confirmed there, not a confirmed problem in the crawl before.
struct TrendNewCount {
  std::int64_t run_id = 0;
  int count = 0;
};

/// A problem open in the reported run.
struct OpenProblemRow {
  std::string broken_since;
  std::string checked_at;
};

struct TrendRows {
  std::vector<TrendRun> runs;  ///< oldest first
  std::vector<TrendVerdictCount> verdicts;
  std::vector<TrendFix> fixes;
  std::vector<TrendNewCount> new_problems;
  std::vector<OpenProblemRow> open_problems;  ///< of the reported run
};

/// The rows for the report of crawl `run_id`, over at most `max_runs` crawls ending with it.
/// New and fixed mean what Store::new_problems and Store::fixed mean, each run against the
/// finished crawl before it. A `check` run has no history: empty rows.
TrendRows load_trend_rows(SQLite::Database& db, std::int64_t run_id, int max_runs = kTrendRuns);

}  // namespace linkhealth
