#include "crawler/curl_multi.h"

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace linkhealth {

namespace asio = boost::asio;

struct CurlMulti::Watcher {
  Watcher(asio::io_context& io, curl_socket_t socket) : descriptor(io, socket), fd(socket) {}
  asio::posix::stream_descriptor descriptor;
  curl_socket_t fd;
  int mode = 0;  // CURL_POLL_IN / CURL_POLL_OUT bits curl currently wants
  bool reading = false;
  bool writing = false;
  bool removed = false;  // set on CURL_POLL_REMOVE; queued handlers must then do nothing
};

namespace {

void check(CURLMcode rc, const char* what) {
  // CURLM errors are programming errors; network errors arrive per transfer as CURLcode.
  if (rc != CURLM_OK) throw std::logic_error(std::string(what) + ": " + curl_multi_strerror(rc));
}

}  // namespace

CurlMulti::CurlMulti(asio::io_context& io, Done on_done)
    : io_(io), timer_(io), on_done_(std::move(on_done)) {
  ensure_curl_global_init();
  multi_.reset(curl_multi_init());
  if (!multi_) throw std::runtime_error("curl_multi_init failed");
  curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETFUNCTION, &CurlMulti::socket_shim);
  curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_.get(), CURLMOPT_TIMERFUNCTION, &CurlMulti::timer_shim);
  curl_multi_setopt(multi_.get(), CURLMOPT_TIMERDATA, this);
}

CurlMulti::~CurlMulti() {
  // curl may call the socket callback while it shuts cached connections down, so clean up
  // while the registry and the timer are still alive.
  curl_multi_cleanup(multi_.get());
  (void)multi_.release();
  for (auto& [key, watcher] : watchers_) {
    watcher->removed = true;
    watcher->descriptor.release();
  }
  watchers_.clear();
}

void CurlMulti::add(CURL* easy) {
  // Adding schedules a 0 ms timeout through the timer callback; that starts the transfer.
  check(curl_multi_add_handle(multi_.get(), easy), "curl_multi_add_handle");
}

void CurlMulti::remove(CURL* easy) {
  check(curl_multi_remove_handle(multi_.get(), easy), "curl_multi_remove_handle");
}

int CurlMulti::socket_shim(CURL* /*easy*/, curl_socket_t fd, int what, void* clientp,
                           void* socketp) noexcept {
  try {
    static_cast<CurlMulti*>(clientp)->on_socket(fd, what, static_cast<Watcher*>(socketp));
  } catch (...) {
    // Returning -1 would abort every transfer; a watcher we failed to create only means
    // that transfer runs into its timeout.
  }
  return 0;
}

int CurlMulti::timer_shim(CURLM* /*multi*/, long timeout_ms, void* clientp) noexcept {
  try {
    static_cast<CurlMulti*>(clientp)->on_timer(timeout_ms);
  } catch (...) {
  }
  return 0;
}

void CurlMulti::on_socket(curl_socket_t fd, int what, Watcher* raw) {
  if (what == CURL_POLL_REMOVE) {
    // REMOVE does not mean closed: curl may keep the fd in its connection cache. Release it
    // (cancelling our waits), never close it. A REMOVE for an unknown socket is ignored.
    if (raw == nullptr) return;
    auto it = watchers_.find(raw);
    if (it == watchers_.end()) return;
    raw->removed = true;
    raw->descriptor.release();
    curl_multi_assign(multi_.get(), fd, nullptr);
    watchers_.erase(it);
    return;
  }
  std::shared_ptr<Watcher> watcher;
  if (raw == nullptr) {
    // The fd may be a resolver pipe or eventfd as well as a TCP socket: a plain descriptor
    // watches any of them.
    watcher = std::make_shared<Watcher>(io_, fd);
    watchers_.emplace(watcher.get(), watcher);
    curl_multi_assign(multi_.get(), fd, watcher.get());
  } else {
    auto it = watchers_.find(raw);
    if (it == watchers_.end()) return;
    watcher = it->second;
  }
  watcher->mode = what;
  const bool drop_read = watcher->reading && !(what & CURL_POLL_IN);
  const bool drop_write = watcher->writing && !(what & CURL_POLL_OUT);
  if (drop_read || drop_write) {
    boost::system::error_code ignored;
    watcher->descriptor.cancel(ignored);  // cancels both directions; re-arm what is wanted
    watcher->reading = false;
    watcher->writing = false;
  }
  if ((what & CURL_POLL_IN) && !watcher->reading) arm(watcher, CURL_POLL_IN);
  if ((what & CURL_POLL_OUT) && !watcher->writing) arm(watcher, CURL_POLL_OUT);
}

void CurlMulti::arm(const std::shared_ptr<Watcher>& watcher, int direction) {
  const bool read = direction == CURL_POLL_IN;
  (read ? watcher->reading : watcher->writing) = true;
  watcher->descriptor.async_wait(
      read ? asio::posix::stream_descriptor::wait_read : asio::posix::stream_descriptor::wait_write,
      [this, watcher, direction](const boost::system::error_code& ec) {
        on_ready(watcher, direction, ec);
      });
}

void CurlMulti::on_ready(const std::shared_ptr<Watcher>& watcher, int direction,
                         const boost::system::error_code& ec) {
  // An aborted wait belongs to a cancelled or released watcher: touch nothing. A watcher
  // removed while this completion was already queued is caught by `removed`.
  if (ec == asio::error::operation_aborted || watcher->removed) return;
  const bool read = direction == CURL_POLL_IN;
  (read ? watcher->reading : watcher->writing) = false;
  socket_action(watcher->fd, ec ? CURL_CSELECT_ERR : (read ? CURL_CSELECT_IN : CURL_CSELECT_OUT));
  // socket_action may have removed this watcher or re-armed it through on_socket. After an
  // error we stop watching: a wait on a bad fd would complete at once, forever.
  if (ec || watcher->removed || !(watcher->mode & direction)) return;
  if (read ? watcher->reading : watcher->writing) return;
  arm(watcher, direction);
}

void CurlMulti::on_timer(long timeout_ms) {
  ++reports_;
  if (timeout_ms < 0) {
    wanted_at_.reset();  // an armed timer then fires once for nothing, which is harmless
    return;
  }
  wanted_at_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  if (timeout_ms == 0) {
    run_soon();
  } else {
    arm_timer();
  }
}

void CurlMulti::run_soon() {
  // curl asks for "now" on every new transfer. A posted handler costs no system call, where
  // arming the timer for now costs a timerfd_settime call and a wakeup. Not called directly:
  // that would re-enter curl.
  if (run_posted_) return;
  run_posted_ = true;
  asio::post(io_, [this, alive = std::weak_ptr<const bool>(alive_)] {
    if (alive.expired()) return;  // this CurlMulti is gone; the io_context outlived it
    run_posted_ = false;
    run_timeouts();
  });
}

void CurlMulti::run_timeouts() {
  // curl reports a deadline only when it changes. A timeout action leaves no deadline in the
  // past, and libcurl 7.88 says nothing when it is left with none at all: a past deadline it
  // did not renew is gone. Re-arming for it fired the timer in a loop while curl sat idle
  // (82,000 times in a one-minute crawl at the default politeness).
  const std::uint64_t before = reports_;
  socket_action(CURL_SOCKET_TIMEOUT, 0);
  if (reports_ == before && wanted_at_ && *wanted_at_ <= std::chrono::steady_clock::now()) {
    wanted_at_.reset();
  }
  arm_timer();  // for the deadline curl holds now
}

void CurlMulti::arm_timer() {
  // curl moves its deadline on nearly every socket event, and each re-arm is a
  // timerfd_settime system call, a cost paid per event. A timer that fires no later
  // than the deadline stays: firing early only runs socket_action with nothing due. curl
  // reports a deadline once, so after firing the timer is armed again for the one it holds.
  if (!wanted_at_ || (armed_at_ && *armed_at_ <= *wanted_at_)) return;
  armed_at_ = wanted_at_;
  // Even 0 ms goes through the io_context: calling curl from here would be recursive.
  timer_.expires_at(*armed_at_);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec == asio::error::operation_aborted) return;
    armed_at_.reset();
    run_timeouts();
  });
}

void CurlMulti::socket_action(curl_socket_t fd, int events) {
  int running = 0;
  check(curl_multi_socket_action(multi_.get(), fd, events, &running), "curl_multi_socket_action");
  drain_done();
}

void CurlMulti::drain_done() {
  // Copy out what is needed first: a message is invalid once its handle is removed.
  std::vector<std::pair<CURL*, CURLcode>> done;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
    if (msg->msg == CURLMSG_DONE) done.emplace_back(msg->easy_handle, msg->data.result);
  }
  for (auto& [easy, result] : done) {
    check(curl_multi_remove_handle(multi_.get(), easy), "curl_multi_remove_handle");
    on_done_(easy, result);
  }
}

}  // namespace linkhealth
