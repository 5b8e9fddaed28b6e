#pragma once
// The fetch engine: walks every target's redirect chain hop by hop through the Scheduler,
// retries what is worth retrying, probes each host once for its soft-404 answer, obeys
// robots.txt when asked, and turns each finished chain into a CheckResult. Single-threaded on
// one io_context; the network is behind Transport so tests can fake it.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crawler/address_pins.h"
#include "crawler/check_result.h"
#include "crawler/fetch_options.h"
#include "crawler/fetch_target.h"
#include "crawler/robots.h"
#include "crawler/scheduler.h"
#include "crawler/transport.h"
#include "crawler/url_parts.h"
#include "crawler/verdict.h"

namespace linkhealth {

class FetchEngine {
 public:
  using ResultSink = std::function<void(CheckResult)>;

  FetchEngine(boost::asio::io_context& io, Transport& transport, const FetchOptions& options,
              ResultSink sink, ProgressCounters& progress);
  ~FetchEngine();
  FetchEngine(const FetchEngine&) = delete;
  FetchEngine& operator=(const FetchEngine&) = delete;

  /// Queues the targets; results go to the sink on the io_context's thread. Targets with the
  /// same request URL are fetched once and each gets the result. add() then close_input().
  void start(std::vector<FetchTarget> targets);
  /// Queues more targets (URLs repeated within `targets` are fetched once; give a URL in one
  /// call only). The run is not finished before close_input().
  void add(std::vector<FetchTarget> targets);
  /// No more targets: the run ends when those given are done (connection errors get their
  /// end-of-run retry once the queue is empty from here on).
  void close_input();
  /// Drops queued work and aborts transfers in flight; unfinished targets get no result.
  void stop();
  /// While `gate` answers false, no new request starts; transfers in flight go on and the
  /// gate is asked again after each event and every kGateRecheck. For a consumer of the
  /// results that cannot keep up: the engine waits for it instead of piling results up.
  void set_start_gate(std::function<bool()> gate);
  static constexpr std::chrono::milliseconds kGateRecheck{20};
  /// Streams each target's 2xx body to `chunk` (target index, decoded bytes; false stops
  /// reading) instead of reading its head; `begin` runs before every request of a target, so
  /// a retried or redirected target starts its body afresh. For sitemaps and archive
  /// answers; give targets with distinct URLs. Call before start().
  struct BodyStream {
    std::function<void(std::size_t target)> begin;
    std::function<bool(std::size_t target, std::string_view chunk)> chunk;
  };
  void stream_bodies(BodyStream stream) { stream_ = std::move(stream); }
  /// The robots.txt rules of `host`, already read by the caller: not fetched again.
  void know_robots(const std::string& host, RobotsRules rules);
  bool finished() const {
    return (live_chains_ == 0 && unstarted_ == 0 && !accepting_) || stopped_;
  }

 private:
  enum class Kind { Target, Probe, Robots };
  struct Chain;
  struct HostState;

  /// A target's chain is keyed by its target; a probe's by the id it was queued under, or the
  /// next free one when `id` is 0.
  std::uint64_t new_chain(Kind kind, std::string url, std::size_t target, std::uint64_t id = 0);
  void plan_target(std::size_t target);
  Chain& chain_for_launch(const Job& job);
  void enqueue(std::uint64_t id, bool front);
  void pump();
  void launch(const Job& job);
  void on_response(const Job& job, HttpResponse response);
  bool maybe_retry(Chain& chain, const Job& job, const HttpResponse& response);
  void follow(Chain& chain, const HttpResponse& response);
  void complete(std::uint64_t id, HttpResponse response);
  /// Follows the meta refresh or redirect script of a finished 2xx page as the chain's next
  /// hop (crawler/page_redirect.h); false when the chain ends here.
  bool follow_page_redirect(Chain& chain);
  void complete_target(Chain& chain);
  void complete_probe(Chain& chain);
  void complete_robots(Chain& chain);
  void apply_robots(const std::string& host, RobotsRules rules);
  void emit(Chain& chain);
  void start_probe(const std::string& origin, const std::string& host);
  void flush_end_of_run();
  /// What the checks made before any request decided: fetch it, or why not.
  struct Precheck {
    enum class Outcome { Fetch, Invalid, Skip };
    Outcome outcome = Outcome::Fetch;
    std::string reason;  ///< why not, for the editor
  };
  Precheck precheck(const std::optional<UrlParts>& parts) const;
  HostState& host_state(const std::string& host);

  boost::asio::io_context& io_;
  Transport& transport_;
  FetchOptions options_;
  ResultSink sink_;
  std::optional<BodyStream> stream_;
  std::function<bool()> start_gate_;
  Scheduler scheduler_;
  boost::asio::steady_timer wake_;
  std::optional<SteadyTime> wake_at_;
  // A deque: a vector's doubling held up to twice the targets, and both copies while it grew
  // (30 MB at 100,000 targets). A target's strings are released once its result is out.
  std::deque<FetchTarget> targets_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> duplicates_;
  std::unordered_map<std::uint64_t, std::unique_ptr<Chain>> chains_;
  std::unordered_map<std::string, std::unique_ptr<HostState>> hosts_;
  std::vector<std::uint64_t> end_of_run_;  // connection errors, tried once more at the end
  std::vector<AddressPin> pins_;
  std::mt19937 rng_;
  std::uniform_real_distribution<double> jitter_{0.5, 1.5};
  std::uint64_t next_id_ = 1;
  std::size_t live_chains_ = 0;
  // Targets and probes queued without a chain yet: a chain is made when its first request
  // starts, so memory follows the requests in flight, not the targets and hosts of the run.
  std::size_t unstarted_ = 0;
  std::unordered_map<std::uint64_t, std::string> unstarted_probes_;  // id -> probe URL
  int timers_pending_ = 0;
  bool stopped_ = false;
  bool accepting_ = true;  // until close_input()
  ProgressCounters& progress_;
};

}  // namespace linkhealth
