#pragma once
// Per-host politeness without I/O: decides which queued request may start now. The engine
// asks pop_ready(now) after every event and sleeps until next_wake(now); tests drive it with
// a fake clock.

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace linkhealth {

using SteadyTime = std::chrono::steady_clock::time_point;

struct HostLimits {
  int max_in_flight = 2;
  std::chrono::milliseconds interval{500};  ///< min gap between request starts
};

struct Job {
  std::uint64_t id = 0;
  std::string host;
  std::string url;
};

class Scheduler {
 public:
  Scheduler(int global_cap, HostLimits defaults);

  void set_host_limits(const std::string& host, HostLimits limits);
  /// Raises the host's interval to at least `interval` (robots.txt Crawl-delay).
  void raise_interval(const std::string& host, std::chrono::milliseconds interval);
  /// Queues a job; `front` for a retry or the next hop of a chain already under way.
  void push(Job job, bool front = false);
  /// The next job allowed to start at `now`, marked in flight; the host with the longest
  /// queue wins, so the slowest host starts first. A URL already in flight waits.
  std::optional<Job> pop_ready(SteadyTime now);
  /// Ends an in-flight job.
  void finish(const Job& job);
  /// No request starts to `host` before `until` (Retry-After).
  void park(const std::string& host, SteadyTime until);
  /// Earliest time a queued job may become startable by the clock alone; nullopt if none is
  /// waiting on the clock (only on capacity, or nothing queued).
  std::optional<SteadyTime> next_wake(SteadyTime now) const;

  std::size_t queued() const { return queued_; }
  std::size_t in_flight() const { return in_flight_; }
  /// Hosts with work queued or in flight.
  std::size_t active_hosts() const;

 private:
  struct Host {
    HostLimits limits;
    std::deque<Job> queue;
    int in_flight = 0;
    std::optional<SteadyTime> last_start;
    SteadyTime parked_until{};
  };
  Host& host(const std::string& name);
  SteadyTime ready_at(const Host& h) const;

  int global_cap_;
  HostLimits defaults_;
  std::unordered_map<std::string, Host> hosts_;
  std::unordered_set<std::string> urls_in_flight_;
  std::size_t queued_ = 0;
  std::size_t in_flight_ = 0;
};

}  // namespace linkhealth
