#pragma once
// One CURLM driven by one boost::asio::io_context through curl_multi_socket_action.
// The rules libcurl's socket interface needs: curl owns every fd (we only watch, release()
// and never close), per-socket state is keyed by the watcher pointer curl hands back (never
// by fd number), wait handlers hold a shared_ptr and bail out once the watcher is removed,
// and libcurl is never called from inside one of its own callbacks.

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include "crawler/curl_handles.h"

namespace linkhealth {

/// Not thread-safe: every member runs on the io_context's (single) thread.
class CurlMulti {
 public:
  /// Called once per finished transfer, after the easy handle left the multi handle;
  /// the callee may add new transfers.
  using Done = std::function<void(CURL* easy, CURLcode result)>;

  CurlMulti(boost::asio::io_context& io, Done on_done);
  ~CurlMulti();
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;

  /// Starts a transfer; the caller keeps ownership of `easy` and must not free it before
  /// on_done or remove().
  void add(CURL* easy);
  /// Aborts a transfer without calling on_done.
  void remove(CURL* easy);
  CURLM* native() const { return multi_.get(); }

 private:
  struct Watcher;

  static int socket_shim(CURL* easy, curl_socket_t fd, int what, void* clientp,
                         void* socketp) noexcept;
  static int timer_shim(CURLM* multi, long timeout_ms, void* clientp) noexcept;

  void on_socket(curl_socket_t fd, int what, Watcher* watcher);
  void on_timer(long timeout_ms);
  void arm_timer();
  void run_soon();
  void run_timeouts();
  void arm(const std::shared_ptr<Watcher>& watcher, int direction);
  void on_ready(const std::shared_ptr<Watcher>& watcher, int direction,
                const boost::system::error_code& ec);
  void socket_action(curl_socket_t fd, int events);
  void drain_done();

  boost::asio::io_context& io_;
  boost::asio::steady_timer timer_;
  std::optional<std::chrono::steady_clock::time_point> wanted_at_;  // curl's deadline
  std::optional<std::chrono::steady_clock::time_point> armed_at_;   // when timer_ fires
  std::uint64_t reports_ = 0;  // deadlines curl reported (on_timer calls)
  bool run_posted_ = false;    // a run_soon handler is queued; it checks alive_ first
  std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
  std::unordered_map<Watcher*, std::shared_ptr<Watcher>> watchers_;
  Done on_done_;
  MultiHandle multi_;  // last: cleaned up explicitly in the destructor body
};

}  // namespace linkhealth
