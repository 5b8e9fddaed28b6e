#pragma once
// Per-host politeness without I/O: decides which queued request may start now. The engine
// asks pop_ready(now) after every event and sleeps until next_wake(now); tests drive it with
// a fake clock. Hosts are indexed by state (startable by queue length, waiting on the clock by
// the time they may start), so each call costs O(log hosts): a real tree cites thousands of
// hosts seen once, and scanning them all on every completion was a fifth of a crawl's CPU.
// A crawl queues every target up front, so a queued request is 16 bytes (its chain's id and a
// key of its URL), not a copy of its URL and host.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "crawler/job_queue.h"

namespace linkhealth {

using SteadyTime = std::chrono::steady_clock::time_point;

struct HostLimits {
  int max_in_flight = 2;
  std::chrono::milliseconds interval{500};  ///< min gap between request starts
};

/// A request the scheduler let start (or one going back to its queue).
struct Job {
  std::uint64_t id = 0;
  std::uint64_t url_key = 0;          ///< url_key() of its URL
  const std::string* host = nullptr;  ///< the scheduler's copy of the host name
};

/// What the scheduler knows of a URL: the same URL is never in flight twice. A collision of
/// two URLs' keys would only make one wait for the other.
std::uint64_t url_key(std::string_view url);

class Scheduler {
 public:
  Scheduler(int global_cap, HostLimits defaults);

  void set_host_limits(const std::string& host, HostLimits limits);
  /// Raises the host's interval to at least `interval` (robots.txt Crawl-delay).
  void raise_interval(const std::string& host, std::chrono::milliseconds interval);
  /// Queues a job for `host`; `front` for a retry or the next hop of a chain under way.
  void push(const std::string& host, const QueuedJob& job, bool front = false);
  /// The next job allowed to start at `now`, marked in flight. Of the startable hosts, the
  /// one with the fewest requests in flight wins, then one already started, then the longest
  /// queue (so the slowest host starts first); see ReadyKey. A URL already in flight waits.
  std::optional<Job> pop_ready(SteadyTime now);
  /// Ends an in-flight job.
  void finish(const Job& job);
  /// No request starts to `host` before `until` (Retry-After).
  void park(const std::string& host, SteadyTime until);
  /// Earliest time a queued job may become startable by the clock alone; nullopt if none is
  /// waiting on the clock (only on capacity, or nothing queued).
  std::optional<SteadyTime> next_wake(SteadyTime now) const;

  std::size_t queued() const { return queued_; }
  /// Jobs waiting for `host` (not counting those in flight).
  std::size_t queued_for(const std::string& host) const;
  std::size_t in_flight() const { return in_flight_; }
  /// Hosts with work queued or in flight.
  std::size_t active_hosts() const { return active_hosts_; }

 private:
  struct Host;
  /// Where a startable host stands for the next free slot. Only when slots are scarce does
  /// the order matter, and then each request that goes to a host with one in flight, or to
  /// a new host while a started one waits, costs a connection: a started host's last one is
  /// idle in curl's cache for it. So hosts go round one request in flight each, a started
  /// host before a new one, and a host gets a second connection only when no host without
  /// one has work (a 10,000-file crawl at 64 in flight: 3,700 connections for about 15,000
  /// requests, 5,700 with longest-queue-first alone). Then the longest queue, so the slowest
  /// host starts first, then the name, so the order is deterministic.
  struct ReadyKey {
    int in_flight = 0;
    bool fresh = true;  ///< never started
    std::size_t queued = 0;
    const std::string* name = nullptr;
  };
  struct StartsFirst {
    bool operator()(const ReadyKey& a, const ReadyKey& b) const {
      if (a.in_flight != b.in_flight) return a.in_flight < b.in_flight;
      if (a.fresh != b.fresh) return !a.fresh;
      if (a.queued != b.queued) return a.queued > b.queued;
      return *a.name < *b.name;
    }
  };
  /// Hosts with work and capacity that wait on the clock, earliest first.
  using WaitKey = std::pair<SteadyTime, const std::string*>;
  struct EarlierFirst {
    bool operator()(const WaitKey& a, const WaitKey& b) const {
      return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    }
  };
  struct Host {
    HostLimits limits;
    JobQueue queue;
    int in_flight = 0;
    std::optional<SteadyTime> last_start;
    SteadyTime parked_until{};
    const std::string* name = nullptr;  ///< the key in hosts_ (stable in an unordered_map)
    std::optional<ReadyKey> ready_key;  ///< where the host is in ready_, if there
    std::optional<WaitKey> wait_key;    ///< where the host is in waiting_, if there
    bool active = false;                ///< counted in active_hosts_
  };
  Host& host(const std::string& name);
  SteadyTime ready_at(const Host& h) const;
  /// Files the host under its current state, after any change to it. A host with work and
  /// capacity goes to waiting_ keyed by ready_at, even when that is past: pop_ready promotes.
  void reindex(Host& h);
  void promote(SteadyTime now);

  int global_cap_;
  HostLimits defaults_;
  std::unordered_map<std::string, Host> hosts_;
  std::set<ReadyKey, StartsFirst> ready_;
  std::set<WaitKey, EarlierFirst> waiting_;
  std::unordered_set<std::uint64_t> urls_in_flight_;
  std::size_t queued_ = 0;
  std::size_t in_flight_ = 0;
  std::size_t active_hosts_ = 0;
};

}  // namespace linkhealth
