#include "tests/web/fixture_web.h"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <zlib.h>

namespace linkhealth::testweb {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

std::string cert_dir() {
  return std::string(LINKHEALTH_SOURCE_DIR) + "/tests/web/certs/";
}

Reply reply_from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw std::runtime_error("scenario: a reply must be an object");
  Reply r;
  r.status = j.value("status", 200);
  r.content_type = j.value("content_type", r.content_type);
  r.body = j.value("body", std::string());
  if (j.value("gzip", false)) r.body = gzip_bytes(r.body);
  r.delay_ms = j.value("delay_ms", 0);
  r.drop = j.value("drop", false);
  if (j.contains("headers")) {
    for (const auto& [name, value] : j.at("headers").items()) {
      r.headers.emplace_back(name, value.get<std::string>());
    }
  }
  return r;
}

}  // namespace

std::string gzip_bytes(std::string_view text) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

Scenario scenario_from_json(const nlohmann::json& json) {
  Scenario s;
  s.latency_ms = json.value("latency_ms", 0);
  if (json.contains("missing")) s.missing = reply_from_json(json.at("missing"));
  if (!json.contains("hosts")) return s;
  for (const auto& [host, routes] : json.at("hosts").items()) {
    for (const auto& [path, spec] : routes.items()) {
      Route route;
      try {
        if (spec.is_array()) {
          for (const auto& r : spec) route.replies.push_back(reply_from_json(r));
        } else {
          route.replies.push_back(reply_from_json(spec));
        }
      } catch (const std::exception& e) {
        throw std::runtime_error("scenario: hosts." + host + "." + path + ": " + e.what());
      }
      s.hosts[host][path] = std::move(route);
    }
  }
  return s;
}

struct FixtureWeb::Impl {
  Scenario scenario;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::unique_ptr<asio::ssl::context> tls;
  std::thread accept_thread;
  std::atomic<bool> stopping{false};
  int port = 0;

  mutable std::mutex mu;
  std::condition_variable all_done;
  int active = 0;  // connection threads still running (they are detached)
  int accepted = 0;
  std::vector<int> open_fds;
  std::map<std::string, int> current;
  std::map<std::string, int> peak;
  std::map<std::string, std::vector<Clock::time_point>> hits;              // key host + path
  std::map<std::string, int> served;                                       // per route key
  std::map<std::string, std::map<std::string, std::string>> last_headers;  // host + path

  void accept_next() {
    acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec || stopping) return;
      {
        std::lock_guard lock(mu);
        open_fds.push_back(socket.native_handle());
        ++active;
        ++accepted;
      }
      // Detached so a long-running server does not keep the stacks of finished connections.
      std::thread([this, s = std::move(socket)]() mutable {
        serve(std::move(s));
        std::lock_guard lock(mu);
        if (--active == 0) all_done.notify_all();
      }).detach();
      accept_next();
    });
  }

  void serve(tcp::socket socket) {
    boost::system::error_code ec;
    if (tls) {
      asio::ssl::stream<tcp::socket&> stream(socket, *tls);
      stream.handshake(asio::ssl::stream_base::server, ec);
      if (!ec) exchange(stream);
    } else {
      exchange(socket);
    }
    forget(socket.native_handle());
    socket.close(ec);
  }

  void forget(int fd) {
    std::lock_guard lock(mu);
    open_fds.erase(std::remove(open_fds.begin(), open_fds.end(), fd), open_fds.end());
  }

  bool sleep_ms(int ms) {
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    while (Clock::now() < until) {
      if (stopping) return false;
      std::this_thread::sleep_for(
          std::min<Clock::duration>(until - Clock::now(), std::chrono::milliseconds(20)));
    }
    return !stopping;
  }

  /// The longest "PREFIX*" route key matching `path` ("*" alone matches everything).
  static std::string longest_prefix_route(const std::map<std::string, Route>& routes,
                                          const std::string& path) {
    std::string best;
    for (const auto& [key, route] : routes) {
      if (key.empty() || key.back() != '*' || key.size() <= best.size()) continue;
      if (path.compare(0, key.size() - 1, key, 0, key.size() - 1) == 0) best = key;
    }
    return best;
  }

  Reply pick(const std::string& host, const std::string& target) {
    std::lock_guard lock(mu);
    const std::string path = target.substr(0, target.find('?'));
    for (const std::string& h : {host, std::string("*")}) {
      auto hit = scenario.hosts.find(h);
      if (hit == scenario.hosts.end()) continue;
      for (const std::string& p : {target, path, longest_prefix_route(hit->second, path)}) {
        auto rit = hit->second.find(p);
        if (rit == hit->second.end() || rit->second.replies.empty()) continue;
        const int n = served[h + p]++;
        const auto& replies = rit->second.replies;
        return replies[std::min<std::size_t>(static_cast<std::size_t>(n), replies.size() - 1)];
      }
    }
    return scenario.missing;
  }

  /// "{port}" in a header value becomes the server's port (for redirects to 127.0.0.1).
  std::string with_port(std::string value) const {
    const std::size_t at = value.find("{port}");
    if (at != std::string::npos) value.replace(at, 6, std::to_string(port));
    return value;
  }

  /// A HEAD gets the headers only; a 200 whose ETag matches If-None-Match becomes a 304.
  static void answer_head_and_conditional(const http::request<http::string_body>& req,
                                          http::response<http::string_body>& res) {
    const auto etag = res.find(http::field::etag);
    const auto match = req.find(http::field::if_none_match);
    if (res.result() == http::status::ok && etag != res.end() && match != req.end() &&
        match->value() == etag->value()) {
      res.result(http::status::not_modified);
      res.body().clear();
      res.erase(http::field::content_length);
    } else if (req.method() == http::verb::head) {
      const std::size_t length = res.body().size();
      res.body().clear();
      res.content_length(length);
    }
  }

  template <class Stream>
  void exchange(Stream& stream) {
    boost::beast::flat_buffer buffer;
    while (!stopping) {
      http::request<http::string_body> req;
      boost::system::error_code ec;
      http::read(stream, buffer, req, ec);
      if (ec) return;
      std::string host(req[http::field::host]);
      host = host.substr(0, host.rfind(':') == std::string::npos || host.back() == ']'
                                ? host.size()
                                : host.rfind(':'));
      std::transform(host.begin(), host.end(), host.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const std::string target(req.target());
      {
        std::lock_guard lock(mu);
        hits[host + target].push_back(Clock::now());
        auto& seen = last_headers[host + target];
        seen.clear();
        for (const auto& field : req) {
          std::string name(field.name_string());
          std::transform(name.begin(), name.end(), name.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          seen[name] = std::string(field.value());
        }
        peak[host] = std::max(peak[host], ++current[host]);
      }
      const Reply reply = pick(host, target);
      const bool alive = sleep_ms(scenario.latency_ms + reply.delay_ms);
      bool keep = alive && !reply.drop;
      if (keep) {
        http::response<http::string_body> res;
        res.version(req.version());
        res.result(static_cast<unsigned>(reply.status));
        res.set(http::field::content_type, reply.content_type);
        for (const auto& [name, value] : reply.headers) res.set(name, with_port(value));
        res.body() = reply.body;
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        answer_head_and_conditional(req, res);
        http::write(stream, res, ec);
        keep = !ec && req.keep_alive();
      }
      {
        std::lock_guard lock(mu);
        --current[host];
      }
      if (!keep) return;
    }
  }
};

FixtureWeb::FixtureWeb(Scenario scenario, bool tls, int port, const std::string& certs)
    : impl_(std::make_unique<Impl>()) {
  if (tls) {
    const std::string dir = certs.empty() ? cert_dir() : certs + "/";
    impl_->tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    impl_->tls->use_certificate_chain_file(dir + "server.pem");
    impl_->tls->use_private_key_file(dir + "server.key", asio::ssl::context::pem);
  }
  listen(std::move(scenario), port);
}

FixtureWeb::FixtureWeb(Scenario scenario, const TlsIdentity& identity, int port)
    : impl_(std::make_unique<Impl>()) {
  impl_->tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  impl_->tls->use_certificate_chain(asio::buffer(identity.cert_pem));
  impl_->tls->use_private_key(asio::buffer(identity.key_pem), asio::ssl::context::pem);
  listen(std::move(scenario), port);
}

void FixtureWeb::listen(Scenario scenario, int port) {
  impl_->scenario = std::move(scenario);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"),
                               static_cast<unsigned short>(port));
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  impl_->port = impl_->acceptor.local_endpoint().port();
  impl_->accept_next();
  impl_->accept_thread = std::thread([this] { impl_->io.run(); });
}

FixtureWeb::~FixtureWeb() {
  impl_->stopping = true;
  asio::post(impl_->io, [this] {
    boost::system::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  impl_->accept_thread.join();
  std::unique_lock lock(impl_->mu);
  // Wake connection threads blocked in read(); the fd stays owned by its socket.
  for (int fd : impl_->open_fds) ::shutdown(fd, SHUT_RDWR);
  impl_->all_done.wait(lock, [this] { return impl_->active == 0; });
}

int FixtureWeb::port() const {
  return impl_->acceptor.local_endpoint().port();
}

int FixtureWeb::max_concurrent(const std::string& host) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->peak.find(host);
  return it == impl_->peak.end() ? 0 : it->second;
}

int FixtureWeb::hits(const std::string& host, const std::string& path) const {
  return static_cast<int>(hit_times(host, path).size());
}

std::vector<Clock::time_point> FixtureWeb::hit_times(const std::string& host,
                                                     const std::string& path) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->hits.find(host + path);
  return it == impl_->hits.end() ? std::vector<Clock::time_point>{} : it->second;
}

std::vector<std::pair<std::string, Clock::time_point>> FixtureWeb::all_hits() const {
  std::vector<std::pair<std::string, Clock::time_point>> all;
  {
    std::lock_guard lock(impl_->mu);
    for (const auto& [key, times] : impl_->hits) {
      for (const Clock::time_point t : times) all.emplace_back(key, t);
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  return all;
}

std::string FixtureWeb::last_header(const std::string& host, const std::string& path,
                                    const std::string& name) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->last_headers.find(host + path);
  if (it == impl_->last_headers.end()) return "";
  auto field = it->second.find(name);
  return field == it->second.end() ? "" : field->second;
}

int FixtureWeb::total_hits() const {
  std::lock_guard lock(impl_->mu);
  int n = 0;
  for (const auto& [key, times] : impl_->hits) n += static_cast<int>(times.size());
  return n;
}

int FixtureWeb::connections() const {
  std::lock_guard lock(impl_->mu);
  return impl_->accepted;
}

std::string FixtureWeb::ca_file() {
  return cert_dir() + "ca.pem";
}

}  // namespace linkhealth::testweb
