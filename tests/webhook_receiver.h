#pragma once
// A chat-webhook stand-in for tests: an HTTP/1.1 server on 127.0.0.1 (a free port) that
// records every request's path and body and answers with a set status, or says nothing at all
// (to test the sender's timeout). One request per connection.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace linkhealth::testing {

struct ReceivedPost {
  std::string path;
  std::string content_type;
  std::string body;
};

class WebhookReceiver {
 public:
  /// `status` 0: read the request and never answer.
  explicit WebhookReceiver(int status = 200) : status_(status) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 16) != 0) {
      ::close(fd_);
      throw std::runtime_error("bind/listen on 127.0.0.1");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~WebhookReceiver() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::vector<ReceivedPost> posts() const {
    std::lock_guard lock(mu_);
    return posts_;
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) continue;
      handle(client);
      ::close(client);
    }
  }

  // Reads until the body is complete (or the client goes away), records, answers.
  void handle(int client) {
    std::string data;
    std::size_t header_end = std::string::npos;
    std::size_t length = 0;
    while (!stop_) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::read(client, buf, sizeof buf);
      if (n <= 0) return;
      data.append(buf, static_cast<std::size_t>(n));
      if (header_end == std::string::npos) {
        header_end = data.find("\r\n\r\n");
        if (header_end == std::string::npos) continue;
        length = content_length(data.substr(0, header_end));
      }
      if (data.size() >= header_end + 4 + length) break;
    }
    if (header_end == std::string::npos) return;
    const std::string head = data.substr(0, header_end);
    const std::size_t sp = head.find(' ');
    ReceivedPost post{head.substr(sp + 1, head.find(' ', sp + 1) - sp - 1),
                      header_value(head, "content-type"), data.substr(header_end + 4, length)};
    {
      std::lock_guard lock(mu_);
      posts_.push_back(post);
    }
    if (status_ == 0) {
      // Silent: hold the connection until the client gives up or the test ends.
      while (!stop_) {
        pollfd p{client, POLLIN, 0};
        if (::poll(&p, 1, 50) > 0) {
          char buf[256];
          if (::read(client, buf, sizeof buf) <= 0) return;
        }
      }
      return;
    }
    const std::string body = status_ < 300 ? "ok" : "error";
    const std::string reply =
        "HTTP/1.1 " + std::to_string(status_) +
        " X\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    (void)!::write(client, reply.data(), reply.size());
  }

  static std::string header_value(const std::string& head, const std::string& name) {
    std::string lower;
    for (char c : head) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::size_t at = lower.find("\r\n" + name + ":");
    if (at == std::string::npos) return {};
    std::size_t from = at + name.size() + 3;
    while (from < head.size() && head[from] == ' ') ++from;
    return head.substr(from, head.find("\r\n", from) - from);
  }

  static std::size_t content_length(const std::string& head) {
    const std::string value = header_value(head, "content-length");
    return value.empty() ? 0 : static_cast<std::size_t>(std::stoul(value));
  }

  int status_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<ReceivedPost> posts_;
  std::thread thread_;
};

}  // namespace linkhealth::testing
