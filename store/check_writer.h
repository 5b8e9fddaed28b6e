#pragma once
// The one writer of checks. Checks and their drift are written into an open IMMEDIATE
// transaction that is committed every `batch_size` checks or `batch_interval`, so a crawl of
// 100k targets is not bound by fsync, while a kill loses at most the open batch (and those
// targets are simply checked again on resume). Run counters are bumped in the same commit,
// so they always agree with the committed checks.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "crawler/check_result.h"
#include "store/drift.h"
#include "store/history.h"
#include "store/run.h"

namespace linkhealth {

struct WriterOptions {
  int batch_size = 200;
  std::chrono::milliseconds batch_interval{1000};
  int confirm_runs = kDefaultConfirmRuns;  ///< --confirm-runs; applied when a check is written
};

class CheckWriter {
 public:
  CheckWriter(SQLite::Database& db, WriterOptions options);

  /// Adds one check (and its drift) to the open batch; commits when the batch is due. `before`
  /// is the target's history as read before the write (store/prior_state.h): the writer does
  /// not read it again.
  void record(std::int64_t run_id, const CheckResult& check, const std::vector<Drift>& drift,
              const PriorHistory& before);
  /// Runs `work` with the batch open and commits none of it before `work` returns, so what it
  /// reads (a slice's prior states) and the checks it records are one transaction: no other
  /// writer commits in between. Commits afterwards when the batch is due.
  void within_batch(const std::function<void()>& work);
  /// Commits the open batch, if any.
  void flush();
  /// Commits the open batch when batch_interval has passed since it was opened.
  void flush_if_due();
  /// Id of the target with this URL, inserting it when new.
  std::int64_t target_id(const std::string& url, const std::string& host);
  /// Target ids the writer remembers at most: a slice's repeated URLs are found in memory,
  /// while a 100,000-file crawl does not keep every URL it recorded (about 15 MB).
  static constexpr std::size_t kMaxCachedTargetIds = 16384;
  /// Forgets cached target ids (after a rollback elsewhere).
  void clear_cache() { target_ids_.clear(); }

 private:
  struct Pending {
    std::int64_t checks = 0;
    std::int64_t problems = 0;
  };

  RunKind run_kind(std::int64_t run_id);
  std::int64_t remember_target(const std::string& url, std::int64_t id);
  void open();
  void commit_if_due();  ///< batch_size checks or batch_interval, unless held

  SQLite::Database& db_;
  WriterOptions options_;
  SQLite::Statement select_target_;
  SQLite::Statement insert_target_;
  SQLite::Statement insert_check_;
  SQLite::Statement delete_drift_;
  SQLite::Statement insert_drift_;
  SQLite::Statement bump_run_;
  std::optional<SQLite::Transaction> txn_;
  std::chrono::steady_clock::time_point opened_at_;
  int batched_ = 0;
  int held_ = 0;  ///< within_batch calls running
  std::map<std::int64_t, Pending> pending_;
  std::map<std::int64_t, RunKind> run_kinds_;
  std::unordered_map<std::string, std::int64_t> target_ids_;
};

}  // namespace linkhealth
