#include "tests/web/raw_web.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace linkhealth::testweb {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kSliceMs = 20;  // how often blocked waits look at the stop flag

/// Waits for `events` on `fd` in short slices; false when stopping or on error/hang-up.
bool wait_for(int fd, short events, const std::atomic<bool>& stopping) {
  while (!stopping) {
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, kSliceMs);
    if (n < 0) return false;
    if (n == 0) continue;
    if ((p.revents & events) != 0) return true;
    return false;  // POLLERR / POLLHUP / POLLNVAL
  }
  return false;
}

bool sleep_ms(int ms, const std::atomic<bool>& stopping) {
  const auto until = Clock::now() + std::chrono::milliseconds(ms);
  while (Clock::now() < until) {
    if (stopping) return false;
    std::this_thread::sleep_for(
        std::min<Clock::duration>(until - Clock::now(), std::chrono::milliseconds(kSliceMs)));
  }
  return !stopping;
}

bool send_all(int fd, std::string_view bytes, const std::atomic<bool>& stopping) {
  while (!bytes.empty()) {
    if (!wait_for(fd, POLLOUT, stopping)) return false;
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// Reads up to the end of the request head; the request target, or "" when the client left.
std::string read_request_target(int fd, const std::atomic<bool>& stopping) {
  std::string head;
  char buffer[4096];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
    if (!wait_for(fd, POLLIN, stopping)) return {};
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return {};
    head.append(buffer, static_cast<std::size_t>(n));
  }
  const std::size_t start = head.find(' ');
  const std::size_t end = head.find(' ', start + 1);
  if (start == std::string::npos || end == std::string::npos) return {};
  return head.substr(start + 1, end - start - 1);
}

}  // namespace

std::string raw_response(int status, const std::vector<std::string>& headers,
                         const std::string& body) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  for (const std::string& h : headers) out += h + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + body;
}

struct RawWeb::Impl {
  std::map<std::string, RawScript> scripts;
  int listen_fd = -1;
  int port = 0;
  std::atomic<bool> stopping{false};
  std::thread acceptor;
  mutable std::mutex mu;
  std::vector<std::thread> connections;
  std::map<std::string, int> hits;

  void accept_loop() {
    while (wait_for(listen_fd, POLLIN, stopping)) {
      const int fd = ::accept(listen_fd, nullptr, nullptr);
      if (fd < 0) continue;
      std::lock_guard lock(mu);
      connections.emplace_back([this, fd] {
        serve(fd);
        ::close(fd);
      });
    }
  }

  void serve(int fd) {
    const std::string target = read_request_target(fd, stopping);
    if (target.empty()) return;
    const RawScript* script = nullptr;
    {
      std::lock_guard lock(mu);
      ++hits[target];
      const std::string path = target.substr(0, target.find('?'));
      for (const std::string& key : {target, path, std::string("*")}) {
        if (auto it = scripts.find(key); it != scripts.end()) {
          script = &it->second;
          break;
        }
      }
    }
    if (script == nullptr) return;
    if (!play(fd, *script)) return;
    if (script->ending == RawEnding::Reset) {
      const linger hard{1, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    } else if (script->ending == RawEnding::Hang) {
      char sink[4096];
      while (wait_for(fd, POLLIN, stopping) && ::recv(fd, sink, sizeof sink, 0) > 0) {
      }
    }
  }

  bool play(int fd, const RawScript& script) {
    for (const RawStep& step : script.steps) {
      if (!sleep_ms(step.pause_ms, stopping)) return false;
      do {
        if (step.byte_gap_ms > 0) {
          for (char c : step.bytes) {
            if (!send_all(fd, std::string_view(&c, 1), stopping)) return false;
            if (!sleep_ms(step.byte_gap_ms, stopping)) return false;
          }
        } else if (!send_all(fd, step.bytes, stopping)) {
          return false;
        }
      } while (step.repeat);
    }
    return true;
  }
};

RawWeb::RawWeb(std::map<std::string, RawScript> scripts, const std::string& address)
    : impl_(std::make_unique<Impl>()) {
  impl_->scripts = std::move(scripts);
  const bool v6 = address.find(':') != std::string::npos;
  sockaddr_storage storage{};
  socklen_t length = 0;
  if (v6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&storage);
    a->sin6_family = AF_INET6;
    if (::inet_pton(AF_INET6, address.c_str(), &a->sin6_addr) != 1) {
      throw std::runtime_error("raw web: bad address " + address);
    }
    length = sizeof *a;
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&storage);
    a->sin_family = AF_INET;
    if (::inet_pton(AF_INET, address.c_str(), &a->sin_addr) != 1) {
      throw std::runtime_error("raw web: bad address " + address);
    }
    length = sizeof *a;
  }
  impl_->listen_fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (impl_->listen_fd < 0 ||
      ::bind(impl_->listen_fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 ||
      ::listen(impl_->listen_fd, 64) != 0 ||
      ::getsockname(impl_->listen_fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) {
    const std::string why = std::strerror(errno);
    if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
    throw std::runtime_error("raw web: cannot listen on " + address + ": " + why);
  }
  impl_->port = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port
                         : reinterpret_cast<sockaddr_in*>(&storage)->sin_port);
  impl_->acceptor = std::thread([this] { impl_->accept_loop(); });
}

RawWeb::~RawWeb() {
  impl_->stopping = true;
  impl_->acceptor.join();
  // No new connection can start now; every wait above gives up within one slice.
  std::vector<std::thread> connections;
  {
    std::lock_guard lock(impl_->mu);
    connections.swap(impl_->connections);
  }
  for (std::thread& t : connections) t.join();
  ::close(impl_->listen_fd);
}

int RawWeb::port() const {
  return impl_->port;
}

int RawWeb::hits(const std::string& path) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->hits.find(path);
  return it == impl_->hits.end() ? 0 : it->second;
}

}  // namespace linkhealth::testweb
