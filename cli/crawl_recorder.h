#pragma once
// The store side of a crawl: which targets still need a request (resume, exclusions,
// conditional validators) and what happens to each result (304 reuse, drift against the
// curated record and the previous check, the batched write, a log line per problem).
// Thread-safe: the crawler's thread records while a timer thread commits due batches, so a
// stalled crawl never holds the write transaction open.
// It reads the content back from the store (the targets the run's files cite, and per result
// the references and curated records drift compares), so a crawl never holds the scan while it
// fetches: memory then grows with the targets, not with everything the scan read.

#include <cstddef>
#include <cstdint>
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
  /// For a run whose content is recorded (Store::finish_sources done).
  CrawlRecorder(Store& store, std::int64_t run_id, RunLog& log);

  /// Targets to fetch, by URL: those the run's content cites that `shard` owns, that are not in
  /// `already_checked` and not excluded (excluded ones are recorded as skipped right away),
  /// each with the ETag / Last-Modified of its previous check. Another shard's targets are
  /// neither fetched nor recorded.
  std::vector<FetchTarget> plan(const std::set<std::string>& already_checked,
                                const TargetExclusions& exclusions, const Shard& shard = {});
  /// Records one result (see the header comment).
  void record(CheckResult result);
  /// Commits the open batch when it is due / now.
  void flush_if_due();
  void flush();

  /// Results recorded by this process, per verdict.
  std::map<Verdict, std::size_t> verdicts() const;

 private:
  void record_locked(CheckResult result);

  Store& store_;
  std::int64_t run_id_;
  RunLog& log_;
  mutable std::mutex mu_;
  std::map<Verdict, std::size_t> verdicts_;
};

}  // namespace linkhealth
