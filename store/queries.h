#pragma once
// Read-only queries for the workflows and the report. Each is a few indexed statements; the
// indexes they rely on are created in schema.cpp (v2). A run's targets come with their refs
// and drift from three statements in all, however many targets: no statement per row.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "extract/finding.h"
#include "store/records.h"
#include "store/run.h"

namespace linkhealth {

std::optional<RunInfo> read_run(SQLite::Database& db, std::int64_t run_id);
/// The newest run, of `kind` when given.
std::optional<RunInfo> latest_run(SQLite::Database& db, std::optional<RunKind> kind);
/// The newest finished (`done`) crawl before `run_id`: the baseline for new/fixed.
std::optional<RunInfo> previous_crawl(SQLite::Database& db, std::int64_t run_id);

/// Totals per verdict, drift and finding counts, and the previous crawl.
RunSummary run_summary(SQLite::Database& db, std::int64_t run_id);

/// The checks of a run with refs, drift and is_new / is_fixed, ordered by host then URL.
std::vector<TargetRecord> run_targets(SQLite::Database& db, std::int64_t run_id,
                                      const TargetFilter& filter);
/// run_targets one record at a time, for a writer that streams a large run.
void for_each_run_target(SQLite::Database& db, std::int64_t run_id, const TargetFilter& filter,
                         const std::function<void(TargetRecord&&)>& each,
                         PageRead page = PageRead::Whole);

/// The run's TargetRecord::is_new / is_fixed counted in one statement.
ChangeCounts change_counts(SQLite::Database& db, std::int64_t run_id);

/// Every check of the target with this request URL, or of every target the slug refers to,
/// oldest first (per target), with the drift recorded with each check (refs left empty).
std::vector<TargetRecord> timeline(SQLite::Database& db, const std::string& slug_or_url);

/// The newest check of a target; with informative_only, the newest whose verdict says
/// something about the page (see is_informative), i.e. the baseline for drift and 304s.
std::optional<CheckRecord> last_check(SQLite::Database& db, const std::string& url,
                                      bool informative_only);

/// Request URLs already checked in the run (committed or in the open batch).
std::set<std::string> checked_urls(SQLite::Database& db, std::int64_t run_id);

std::vector<Finding> run_findings(SQLite::Database& db, std::int64_t run_id);

}  // namespace linkhealth
