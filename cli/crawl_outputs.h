#pragma once
// The end of a crawl: what the run found (for the summary line and the exit code) and the
// report files written from the store, so a resumed run's report covers all of it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "cli/run_settings.h"
#include "store/store.h"

namespace linkhealth {

struct CrawlOutcome {
  RunSummary summary;    ///< the run, its totals per verdict, the previous crawl
  ChangeCounts changes;  ///< new problems and fixed targets against the previous crawl
  /// The edits `linkhealth fix` would make now, when the report or JSON planned them.
  std::optional<std::size_t> ready_to_fix;
};

CrawlOutcome summarise_crawl(Store& store, std::int64_t run_id);

/// "linkhealth crawl: run 3 completed in 12s: 14 targets (10 ok, 2 broken, ...), 2 problems,
/// 1 new, 0 fixed; report out/report.html; 3 edits ready to fix"
std::string summary_line(const CrawlOutcome& outcome, const RunSettings& settings, double seconds);

/// 2 when the run fails per --fail-on (new: new_problems > 0; any: any problem), else 0.
int crawl_exit_code(const CrawlOutcome& outcome, FailOn fail_on);

/// Writes settings.report (HTML) and settings.json (JSON document, "-" = stdout) for the run,
/// when set. Files are written whole to a temporary name and renamed into place, so a reader
/// never sees half a report. Throws std::runtime_error naming the file on failure. Returns
/// how many edits the report's "Ready to fix" lists (nullopt: none written, or no content
/// tree to plan from).
std::optional<std::size_t> write_crawl_outputs(Store& store, std::int64_t run_id,
                                               const RunSettings& settings);

}  // namespace linkhealth
