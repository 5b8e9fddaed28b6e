#pragma once
// A run is one invocation that records checks: the weekly `crawl` or an ad-hoc `check`.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "extract/utc_time.h"  // utc_now
#include "types/run_kind.h"

namespace linkhealth {

/// One row of `runs`.
struct RunInfo {
  std::int64_t id = 0;
  RunKind kind = RunKind::Crawl;
  RunStatus status = RunStatus::Running;
  std::string started_at;          ///< ISO 8601 UTC
  std::string finished_at;         ///< empty while running
  std::string options;             ///< JSON text given to begin_run
  std::int64_t target_count = 0;   ///< targets recorded with record_sources
  std::int64_t check_count = 0;    ///< checks committed
  std::int64_t problem_count = 0;  ///< committed checks with is_problem(verdict)
};

/// Latest-run header for the report: the run, totals per verdict name and the run it is
/// compared with for new/fixed.
struct RunSummary {
  RunInfo run;
  std::map<std::string, std::int64_t> verdicts;  ///< verdict name -> checks
  std::int64_t drift_count = 0;
  std::int64_t finding_count = 0;
  std::optional<RunInfo> previous;  ///< previous finished crawl, if any
};

/// How many of a run's checks are new problems (confirmed problems that were not confirmed
/// problems in the previous crawl) and how many are fixed (ok or redirected now, a problem in
/// the previous crawl).
struct ChangeCounts {
  std::int64_t new_problems = 0;
  std::int64_t fixed = 0;
};

}  // namespace linkhealth
