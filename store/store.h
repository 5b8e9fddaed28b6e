#pragma once
// The store: one SQLite file holding runs, the curated content, every check, drift and the
// failure history. One Store is one connection used from one thread. A crawl has one writing
// Store; `check` and `report` open their own and read (or write a `check` run) concurrently:
// WAL lets readers run during a write and the busy timeout queues the rare second writer.
// Drift rules: store/drift.h. Schema: store/schema.cpp and the "Database" section of README.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "crawler/check_result.h"
#include "crawler/fetch_target.h"
#include "extract/finding.h"
#include "extract/source.h"
#include "extract/target.h"
#include "store/check_writer.h"
#include "store/drift.h"
#include "store/notice_log.h"
#include "store/prior_state.h"
#include "store/records.h"
#include "store/repair_store.h"
#include "store/run.h"
#include "store/trend_rows.h"

namespace linkhealth {

using StoreOptions = WriterOptions;

class Store {
 public:
  /// Opens or creates the database and migrates it. Throws std::runtime_error naming the file.
  static Store open(const std::filesystem::path& path, StoreOptions options = {});
  /// As open, but a missing file is an error instead of a new database (for `report`).
  static Store open_existing(const std::filesystem::path& path, StoreOptions options = {});
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();  ///< commits the open batch (errors are swallowed: destructors must not throw)

  // --- runs ---
  /// Starts a run. A crawl on a database whose newest crawl is running or interrupted resumes
  /// that run (same id, status back to running) unless `fresh`; with `fresh` that old run is
  /// marked interrupted and a new one starts. Check runs always start new.
  std::int64_t begin_run(RunKind kind, const std::string& options_json, bool fresh);
  /// Commits pending checks, sets status and finished_at and recounts the run's counters.
  void finish_run(std::int64_t run_id, RunStatus status);

  // --- writes ---
  void record_sources(std::int64_t run_id, const std::vector<Source>& sources,
                      const std::vector<Target>& targets);
  void record_findings(std::int64_t run_id, const std::vector<Finding>& findings);
  /// A crawl records its content slice by slice (extract/scan.h scan_in_slices) so it never
  /// holds the whole scan: record_source_slice and append_findings per slice, then
  /// finish_sources once (prunes refs of files gone, sets and returns the run's target_count).
  /// record_findings (with no findings) clears the run's findings before the first slice.
  /// record_source_slice returns the id of each of `targets`, in order.
  std::vector<std::int64_t> record_source_slice(std::int64_t run_id,
                                                const std::vector<Source>& sources,
                                                const std::vector<Target>& targets);
  void append_findings(std::int64_t run_id, const std::vector<Finding>& findings);
  std::int64_t finish_sources(std::int64_t run_id);
  /// Batched: committed every batch_size checks or batch_interval (see check_writer.h).
  /// `before` comes from prior_states, read with the slice the check belongs to.
  void record_check(std::int64_t run_id, const CheckResult& check, const std::vector<Drift>& drift,
                    const PriorHistory& before);
  /// As above, reading the target's history first (one statement per check: for tools and
  /// tests that record a few checks).
  void record_check(std::int64_t run_id, const CheckResult& check, const std::vector<Drift>& drift);
  /// Runs `work` inside the write batch: prior_states read in it and the checks it records
  /// are one transaction (see CheckWriter::within_batch).
  void within_batch(const std::function<void()>& work);
  void flush();         ///< commit the open batch now (on finish, interrupt, ...)
  void flush_if_due();  ///< commit when batch_interval has passed; call from a timer

  // --- crawl support ---
  /// Request URLs already checked in the run: the ones a resumed crawl skips.
  std::set<std::string> checked_urls(std::int64_t run_id);
  /// The targets the run's recorded content cites, by URL, with the conditional-request
  /// validators of their last informative check (store/content_index.h).
  std::vector<FetchTarget> fetch_targets(std::int64_t run_id);
  /// The same for the recorded targets with these ids (a slice of the content), by URL.
  std::vector<FetchTarget> fetch_targets(const std::vector<std::int64_t>& target_ids);
  /// What recording checks of these URLs in the run needs from before them, one per URL in
  /// order: the drift baseline and the check a 304 confirms, the history to continue, the
  /// citing references with their curated records (store/prior_state.h). Three statements
  /// for the whole slice.
  std::vector<PriorState> prior_states(std::int64_t run_id, const std::vector<std::string>& urls);
  /// The target's newest check whatever its verdict, or, with informative_only, the newest
  /// that says something about the page.
  std::optional<CheckRecord> last_check(const std::string& url, bool informative_only = false);

  // --- repair search (store/repair_store.h); each commits the open batch first ---
  std::vector<DeadCheck> dead_checks(std::int64_t run_id);
  void record_repairs(std::int64_t run_id,
                      const std::vector<std::pair<std::string, RepairSuggestion>>& repairs);
  std::vector<SitemapFile> sitemap_files(const std::set<std::string>& hosts);
  void record_sitemap_files(const std::vector<SitemapFile>& files);

  // --- queries (store/queries.h) ---
  std::optional<RunInfo> run(std::int64_t run_id);
  std::optional<RunInfo> latest_run(std::optional<RunKind> kind = RunKind::Crawl);
  RunSummary summary(std::int64_t run_id);
  std::vector<TargetRecord> targets(std::int64_t run_id, const TargetFilter& filter = {});
  /// targets() one record at a time: memory for one target, whatever the run's size.
  void for_each_target(std::int64_t run_id, const TargetFilter& filter,
                       const std::function<void(TargetRecord&&)>& each,
                       PageRead page = PageRead::Whole);
  /// New problems and fixed targets of the run, counted in one statement.
  ChangeCounts change_counts(std::int64_t run_id);
  /// The newest finished crawl before the run: what new and fixed compare with.
  std::optional<RunInfo> previous_crawl(std::int64_t run_id);
  std::vector<TargetRecord> timeline(const std::string& slug_or_url);
  std::vector<Finding> findings(std::int64_t run_id);

  // --- the editors' loop (store/trend_rows.h, store/notice_log.h) ---
  TrendRows trend_rows(std::int64_t run_id);
  RunTraffic traffic(std::int64_t run_id);
  /// Commits the open batch, then claims the run's notification (false: claimed before).
  bool claim_notices(std::int64_t run_id, const std::vector<std::string>& channels);
  void record_notice(std::int64_t run_id, const std::string& channel, const std::string& error);
  std::vector<NoticeRecord> notices(std::int64_t run_id);

  /// The connection, for tests and ad-hoc tools.
  SQLite::Database& database();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// One read transaction: every query made through the store while it lives sees the same
/// committed state, so a report assembled from several queries is consistent even while a
/// crawl commits. Commits the store's own open batch first.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Store& store);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  SQLite::Database& db_;
};

}  // namespace linkhealth
