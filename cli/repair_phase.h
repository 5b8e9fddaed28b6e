#pragma once
// The repair search as a step of `crawl` and `check`: after the fetches, the run's broken and
// soft-404 links (not those a 304 confirmed: they keep the suggestion of the check they
// repeat) get their article's new address and its archived copy from when it was curated
// (crawler/repair_search.h); the suggestions go onto their checks and the sitemap files read
// are kept for the next run.

#include <cstddef>
#include <cstdint>

#include "cli/run_log.h"
#include "cli/run_settings.h"
#include "crawler/crawler.h"
#include "store/store.h"

namespace linkhealth {

struct RepairSummary {
  std::size_t dead = 0;      ///< links searched
  std::size_t moved = 0;     ///< with a replacement
  std::size_t archived = 0;  ///< with an archive capture
  bool interrupted = false;
};

/// Runs the search for run `run_id` with `crawler`'s options (its stop request ends it) and
/// records what it found; each unreadable sitemap and the summary go to `log`.
RepairSummary run_repair_phase(Store& store, std::int64_t run_id, Crawler& crawler,
                               const RunSettings& settings, RunLog& log);

}  // namespace linkhealth
