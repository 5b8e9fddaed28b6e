#pragma once
// What the crawler is asked to fetch and how far along it is.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace linkhealth {

struct FetchTarget {
  std::string request_url;
  std::string host;           ///< lowercase host; derived from request_url when empty
  std::string etag;           ///< from the last check: sent as If-None-Match
  std::string last_modified;  ///< from the last check: sent as If-Modified-Since
  /// The last check's final URL: the validators above belong to that response, so they go
  /// on the hop to this URL (a redirected link saves its final page). Empty: the first hop.
  std::string final_url;
};

/// A snapshot for a progress bar; safe to read from any thread.
struct Progress {
  std::size_t done = 0;   ///< targets with a result
  std::size_t total = 0;  ///< targets given to run()
  std::size_t hosts_active = 0;
  std::size_t requests = 0;  ///< HTTP exchanges started, incl. hops, retries and probes
  double requests_per_second = 0;
  /// When the first request started (how long a crawl made the web wait for its scan).
  std::optional<std::chrono::steady_clock::time_point> first_request;
};

/// The live counters behind Progress, written by the engine, read from any thread.
struct ProgressCounters {
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> total{0};
  std::atomic<std::size_t> hosts_active{0};
  std::atomic<std::size_t> requests{0};
  std::atomic<std::chrono::steady_clock::rep> started{0};        ///< steady_clock ticks
  std::atomic<std::chrono::steady_clock::rep> first_request{0};  ///< steady_clock ticks

  Progress snapshot() const {
    Progress p{done.load(), total.load(), hosts_active.load(), requests.load(), 0, {}};
    if (const auto first = first_request.load(); first != 0) {
      p.first_request =
          std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(first));
    }
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::duration(now - started.load()))
            .count();
    if (started.load() != 0 && seconds > 0) {
      p.requests_per_second = static_cast<double>(p.requests) / seconds;
    }
    return p;
  }
};

}  // namespace linkhealth
