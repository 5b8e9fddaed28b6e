#pragma once
// The store side of a crawl: which targets still need a request (resume, exclusions,
// conditional validators) and what happens to each result (304 reuse, drift against the
// curated record and the previous check, the batched write, a log line per problem).
// Thread-safe: the crawler's thread records while a timer thread commits due batches, so a
// stalled crawl never holds the write transaction open.
// It reads the content back from the store (the targets the run's files cite, and per result
// the references and curated records drift compares), so a crawl never holds the scan while it
// fetches: memory then grows with the targets, not with everything the scan read. Results are
// recorded in slices: what a slice needs from before it (Store::prior_states) is read with
// three statements for the slice, so a crawl reads each target's prior state once, and never
// more than a slice of them is in memory.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "cli/run_log.h"
#include "cli/target_exclusions.h"
#include "crawler/fetch_target.h"
#include "crawler/shard.h"
#include "store/store.h"

namespace linkhealth {

class CrawlRecorder {
 public:
  /// Told of each check as it is recorded, with the state it was compared with.
  using OnRecorded = std::function<void(const CheckResult& recorded, const PriorState& prior)>;
  /// Results wait for at most this many others (or the next flush_if_due) before they are
  /// recorded: the store's default batch.
  static constexpr std::size_t kSliceSize = 200;

  /// For a run whose content is recorded (Store::finish_sources done).
  CrawlRecorder(Store& store, std::int64_t run_id, RunLog& log, OnRecorded on_recorded = {});
  /// Records what is still waiting; errors are lost here, so call flush() first.
  ~CrawlRecorder();
  CrawlRecorder(const CrawlRecorder&) = delete;
  CrawlRecorder& operator=(const CrawlRecorder&) = delete;

  /// Targets to fetch, by URL: those the run's content cites that `shard` owns, that are not in
  /// `already_checked` and not excluded (excluded ones are recorded as skipped), each with the
  /// ETag / Last-Modified of its last informative check. Another shard's targets are neither
  /// fetched nor recorded.
  std::vector<FetchTarget> plan(const std::set<std::string>& already_checked,
                                const TargetExclusions& exclusions, const Shard& shard = {});
  /// plan() for one recorded slice of the content, while the scan goes on: the slice's
  /// targets that no earlier slice planned. Used with hold() and open().
  std::vector<FetchTarget> plan_slice(const std::vector<std::int64_t>& target_ids,
                                      const std::set<std::string>& already_checked,
                                      const TargetExclusions& exclusions, const Shard& shard);
  /// Targets planned so far.
  std::size_t planned() const;

  /// Until open(), results wait in memory and the store is not touched, but by plan_slice:
  /// the scan writes the content meanwhile, and drift needs all of a target's references.
  void hold();
  /// Called once the content is recorded (on the thread that recorded it): the waiting
  /// results are recorded with the next record() or flush.
  void open();
  /// Takes one result; it is recorded with its slice (see the header comment).
  void record(CheckResult result);
  /// Results waiting for open() (see hold()). Safe from any thread, without the lock.
  std::size_t held_results() const { return waiting_count_.load(std::memory_order_relaxed); }
  /// Records the waiting slice, then commits the open batch when it is due / now.
  void flush_if_due();
  void flush();

  /// Results recorded by this process, per verdict (a 304 counts as the verdict it confirms).
  std::map<Verdict, std::size_t> verdicts() const;

 private:
  std::vector<FetchTarget> plan_locked(std::vector<FetchTarget> targets,
                                       const std::set<std::string>& already_checked,
                                       const TargetExclusions& exclusions, const Shard& shard);
  void take_locked(CheckResult result);
  void take_held_locked();
  void record_slice_locked();
  void record_one_locked(CheckResult result, const PriorState& prior);

  Store& store_;
  std::int64_t run_id_;
  RunLog& log_;
  OnRecorded on_recorded_;
  mutable std::mutex mu_;
  std::vector<CheckResult> slice_;
  std::set<std::string> slice_urls_;
  std::map<Verdict, std::size_t> verdicts_;
  bool held_ = false;
  std::vector<CheckResult> waiting_;  // while held
  std::atomic<std::size_t> waiting_count_{0};
  // Target ids planned by plan_slice, across slices: a bit per id (ids are dense), where
  // the URLs were 16 MB at 100,000 targets.
  std::vector<bool> planned_;
  std::size_t planned_count_ = 0;
};

}  // namespace linkhealth
