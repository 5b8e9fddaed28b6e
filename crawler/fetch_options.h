#pragma once
// Every knob of the fetch engine, with the defaults the CLI documents.

#include <map>
#include <string>
#include <vector>

namespace linkhealth {

/// Politeness and request details for one host, overriding the global defaults.
struct HostOverride {
  int per_host = -1;                 ///< in-flight cap, -1 = default
  int interval_ms = -1;              ///< min gap between request starts, -1 = default
  std::string user_agent;            ///< empty = FetchOptions::user_agent
  std::vector<std::string> headers;  ///< extra "Name: value" lines sent to this host

  friend bool operator==(const HostOverride&, const HostOverride&) = default;
};

struct FetchOptions {
  int concurrency = 64;   ///< global in-flight cap
  int per_host = 2;       ///< in-flight cap per host
  int interval_ms = 500;  ///< min gap between request starts to one host
  std::map<std::string, HostOverride> host_overrides;  ///< keyed by lowercase host
  std::string user_agent;                              ///< empty = default_user_agent()
  std::string accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  std::string accept_language = "en-US,en;q=0.9";
  long max_head_bytes = 512 * 1024;  ///< counted after decompression
  int max_redirects = 10;
  int retries = 2;
  int retry_base_ms = 1000;     ///< first backoff; doubles per attempt, with jitter
  int max_retry_after_s = 120;  ///< cap for a host parked by Retry-After
  double timeout_s = 20;        ///< whole exchange
  double connect_timeout_s = 10;
  std::vector<std::string> resolve;     ///< curl --resolve entries HOST:PORT:ADDR
  std::vector<std::string> connect_to;  ///< curl --connect-to entries H1:P1:H2:P2
  std::string cacert;                   ///< CA bundle file, empty = system store
  bool allow_private = false;           ///< lifts the guard for loopback/private, never link-local
  bool robots = false;                  ///< obey robots.txt for our user agent
  bool soft404_probe = true;            ///< probe one random path per host per run

  friend bool operator==(const FetchOptions&, const FetchOptions&) = default;
};

/// linkhealth/<version> (+https://github.com/linkhealth/linkhealth)
std::string default_user_agent();

}  // namespace linkhealth
