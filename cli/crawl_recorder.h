#pragma once
// The store side of a crawl: which targets still need a request (resume, exclusions,
// conditional validators) and what happens to each result (304 reuse, drift against the
// curated record and the previous check, the batched write, a log line per problem).
// Thread-safe: the crawler's thread records while a timer thread commits due batches, so a
// stalled crawl never holds the write transaction open.
// It keeps its own compact index of the scan (per target: host and citing sources; per source:
// only what drift compares), so the caller can free the ScanResult before fetching: memory
// during the crawl then grows with targets, not with everything the scan read.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/run_log.h"
#include "cli/target_exclusions.h"
#include "crawler/fetch_target.h"
#include "extract/scan.h"
#include "store/store.h"

namespace linkhealth {

class CrawlRecorder {
 public:
  /// Copies what it needs from `scan`; the scan may be freed afterwards.
  CrawlRecorder(Store& store, std::int64_t run_id, const ScanResult& scan, RunLog& log);

  /// Targets to fetch: those not in `already_checked` and not excluded (excluded ones are
  /// recorded as skipped right away), each with the ETag / Last-Modified of its previous check.
  std::vector<FetchTarget> plan(const std::set<std::string>& already_checked,
                                const TargetExclusions& exclusions);
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
  /// One target as the recorder needs it: indices into curated_.
  struct PlannedTarget {
    std::string host;
    std::vector<std::uint32_t> cited_by;  ///< distinct citing sources, in ref order
    std::vector<std::uint32_t> compared;  ///< sources whose curated record drift compares
  };

  std::unordered_map<std::string, PlannedTarget> targets_;  ///< by request URL
  std::vector<Source> curated_;  ///< slug, file, title, description only (what drift reads)
  std::map<Verdict, std::size_t> verdicts_;
};

}  // namespace linkhealth
