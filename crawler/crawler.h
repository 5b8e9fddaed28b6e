#pragma once
// The crawler's public face: give it targets, get one CheckResult per target as each chain
// finishes (streamed, so memory does not grow with the number of results).

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "crawler/check_result.h"
#include "crawler/fetch_options.h"
#include "crawler/fetch_target.h"
#include "crawler/repair_search.h"
#include "crawler/target_stream.h"

namespace linkhealth {

class Crawler {
 public:
  explicit Crawler(FetchOptions options);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  /// Fetches every target and calls `on_result` once per target, on the calling thread, in
  /// completion order. Returns when all are done or after request_stop().
  void run(std::vector<FetchTarget> targets, const std::function<void(CheckResult)>& on_result);
  /// As above for targets that arrive while it runs: returns when `targets` is closed and all
  /// are done, or after request_stop(). Each batch is fetched as soon as it is added.
  void run(TargetStream& targets, const std::function<void(CheckResult)>& on_result);
  /// After run(): where the dead links' articles went and their archived copies
  /// (crawler/repair_search.h), with the same options and politeness, on the calling thread.
  /// request_stop() ends it too (findings.interrupted).
  RepairFindings find_repairs(std::vector<DeadLink> links, const std::vector<SitemapFile>& known,
                              const RepairSettings& settings);
  /// Safe from any thread and from a signal handler: stop taking work, abort what is in
  /// flight (within about a quarter second); unfinished targets get no result.
  void request_stop() noexcept { stop_requested_.store(true); }
  /// Safe from any thread while run() is going.
  Progress progress() const;
  /// For the next run(): no request starts while `gate` answers false (FetchEngine's start
  /// gate; asked on the calling thread). An empty gate is always open.
  void set_start_gate(std::function<bool()> gate) { start_gate_ = std::move(gate); }

 private:
  FetchOptions options_;
  std::atomic<bool> stop_requested_{false};
  ProgressCounters progress_;
  std::function<bool()> start_gate_;
};

}  // namespace linkhealth
