#pragma once
// The store side of the repair search: which checks of a run need one (broken or soft_404,
// not confirmed unchanged by a 304) with what their articles were curated as, the suggestions
// written back onto those checks, and the sitemap files relocation keeps between runs.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "crawler/repair_search.h"
#include "types/repair.h"

namespace linkhealth {

/// A dead check of the run and what an earlier run already found for its link.
struct DeadCheck {
  DeadLink link;  ///< titles and curation time of every file citing it (feed URLs aside)
  /// The archive capture an earlier check chose: captures of the past do not change, so it
  /// is not looked up again.
  std::optional<ArchiveCapture> earlier_archive;
};

/// The run's broken / soft_404 checks that were fetched (not 304 reuses), by URL. The
/// curation time is the earliest over the citing files: front matter `date` when it reads as
/// a date, else the file's first recorded scan.
std::vector<DeadCheck> dead_checks(SQLite::Database& db, std::int64_t run_id);

/// Writes each link's suggestion onto its check of the run (replacing what was there).
void record_repairs(SQLite::Database& db, std::int64_t run_id,
                    const std::vector<std::pair<std::string, RepairSuggestion>>& repairs);

/// The sitemap files kept for these hosts.
std::vector<SitemapFile> sitemap_files(SQLite::Database& db, const std::set<std::string>& hosts);

/// Keeps the files (replacing an earlier row of the same URL).
void record_sitemap_files(SQLite::Database& db, const std::vector<SitemapFile>& files);

}  // namespace linkhealth
