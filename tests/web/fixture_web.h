#pragma once
// A loopback web for tests, demos and benchmarks: one Boost.Beast server on 127.0.0.1 (HTTP or
// HTTPS) that plays many virtual hosts by the Host header, answers per route with a status,
// headers, body and delay (or a sequence of answers), and records how many requests each
// host saw at once. Reach it with curl-style --connect-to / --resolve.

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/web/test_certs.h"

namespace linkhealth::testweb {

/// "{port}" in a header value is replaced by the server's port.
struct Reply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  int delay_ms = 0;
  bool drop = false;  ///< close the connection without answering
};

/// The n-th request to a route gets replies[n] (the last one repeats).
struct Route {
  std::vector<Reply> replies;
};

struct Scenario {
  /// host -> path (with query if any) -> route. Host "*" serves every other host; a path
  /// "PREFIX*" serves the paths starting with PREFIX (longest wins), "*" every other path.
  std::map<std::string, std::map<std::string, Route>> hosts;
  Reply missing{404,
                {},
                "text/html; charset=utf-8",
                "<html><head><title>Not Found</title></head><body>404</body></html>",
                0,
                false};
  int latency_ms = 0;  ///< added to every answer
};

/// Builds a scenario from JSON: {"latency_ms": 50, "hosts": {"a.web.test": {"/": REPLY or
/// [REPLY, ...]}}, "missing": REPLY} with REPLY = {"status", "headers": {..}, "content_type",
/// "body", "gzip", "delay_ms", "drop"} ("gzip": true serves the body gzip-compressed, as a
/// `.gz` file is). Throws std::runtime_error naming the bad field.
Scenario scenario_from_json(const nlohmann::json& json);

/// `text` gzip-compressed (a `.gz` file's bytes).
std::string gzip_bytes(std::string_view text);

class FixtureWeb {
 public:
  /// Starts serving on 127.0.0.1 at `port` (0 = any free port). With `tls`, `certs` names a
  /// folder holding server.pem and server.key (empty = the tests' certificate for *.web.test).
  explicit FixtureWeb(Scenario scenario, bool tls = false, int port = 0,
                      const std::string& certs = "");
  /// HTTPS with the given certificate and key instead of the committed test ones.
  FixtureWeb(Scenario scenario, const TlsIdentity& identity, int port = 0);
  ~FixtureWeb();
  FixtureWeb(const FixtureWeb&) = delete;
  FixtureWeb& operator=(const FixtureWeb&) = delete;

  int port() const;
  /// Highest number of requests to `host` the server was answering at the same time.
  int max_concurrent(const std::string& host) const;
  /// Requests seen for host + path (path with query).
  int hits(const std::string& host, const std::string& path) const;
  /// When each request to host + path arrived.
  std::vector<std::chrono::steady_clock::time_point> hit_times(const std::string& host,
                                                               const std::string& path) const;
  int total_hits() const;
  /// Every request so far as host + path and its arrival, in arrival order.
  std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> all_hits() const;
  /// Connections accepted so far (a crawler that reuses connections opens fewer).
  int connections() const;
  /// Value of header `name` (lowercase) in the last request to host + path, "" when absent.
  std::string last_header(const std::string& host, const std::string& path,
                          const std::string& name) const;

  /// The CA that signed the HTTPS server certificate (for --cacert).
  static std::string ca_file();

 private:
  struct Impl;
  void listen(Scenario scenario, int port);
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkhealth::testweb
