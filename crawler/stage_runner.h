#pragma once
// Runs groups of requests through fetch engines that share one io_context and one transport,
// for the work after a crawl (the repair search): each group has its own options and so its
// own per-host politeness, and a caller launches a group, waits for it, and launches the next
// with what the answers said, while other groups (the archive lookups) go on meanwhile.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/check_result.h"
#include "crawler/fetch_options.h"
#include "crawler/fetch_target.h"
#include "crawler/robots.h"
#include "crawler/transport.h"

namespace linkhealth {

/// One request of a group and what becomes of its answer.
struct StageFetch {
  FetchTarget target;
  /// In a streamed group: before every try of the request (start the body afresh) ...
  std::function<void()> begin;
  /// ... and each piece of its 2xx body; false stops reading (FetchEngine::stream_bodies).
  std::function<bool(std::string_view)> chunk;
  /// Once, with the verdict of the whole chain.
  std::function<void(const CheckResult&)> done;
};

struct StageGroup {
  FetchOptions options;
  bool streamed = false;            ///< bodies go to the fetches' `chunk` instead of being parsed
  std::vector<StageFetch> fetches;  ///< distinct request URLs
  std::map<std::string, RobotsRules> robots;  ///< rules already known, per host
};

class StageRunner {
 public:
  StageRunner(boost::asio::io_context& io, Transport& transport, const std::atomic<bool>& stop);
  ~StageRunner();
  StageRunner(const StageRunner&) = delete;
  StageRunner& operator=(const StageRunner&) = delete;

  /// Starts the group now; its answers arrive while any wait() runs. Returns its id.
  std::size_t launch(StageGroup group);
  /// Runs the io_context until the group is done; false when the stop flag ended it (every
  /// group is then stopped, and their unfinished fetches get no `done`).
  bool wait(std::size_t id);
  /// Requests started by every group so far (hops, retries and probes included).
  std::size_t requests() const;

 private:
  struct Running;
  void stop_all();

  boost::asio::io_context& io_;
  Transport& transport_;
  const std::atomic<bool>& stop_;
  std::vector<std::unique_ptr<Running>> running_;
  bool stopped_ = false;
};

}  // namespace linkhealth
