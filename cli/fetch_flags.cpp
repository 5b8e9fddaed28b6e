#include "cli/fetch_flags.h"

#include <cstdlib>

#include "extract/ascii.h"

namespace linkhealth {

void add_fetch_flags(CLI::App& app, FetchOptions& o, FetchFlags& flags) {
  app.add_option("--concurrency", o.concurrency, "requests in flight over all hosts")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--per-host", o.per_host, "requests in flight to one host")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--interval-ms", o.interval_ms, "minimum gap between request starts to one host")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--host-limit", flags.host_limits,
                 "per-host override HOST=PER_HOST[:INTERVAL_MS] (repeatable)");
  app.add_option("--user-agent", o.user_agent, "User-Agent header")
      ->default_str(default_user_agent());
  app.add_option("--max-head-bytes", o.max_head_bytes,
                 "read at most this much of a page (after decompression) looking for </head>")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-redirects", o.max_redirects, "redirect hops to follow")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--retries", o.retries,
                 "retries for timeouts, resets, 408/429/500/502/503/504 (backoff with jitter)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--timeout", o.timeout_s, "seconds for one whole exchange")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--connect-timeout", o.connect_timeout_s, "seconds to connect")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--resolve", o.resolve, "HOST:PORT:ADDR as in curl (repeatable)");
  app.add_option("--connect-to", o.connect_to, "HOST1:PORT1:HOST2:PORT2 as in curl (repeatable)");
  app.add_option("--cacert", o.cacert, "CA bundle instead of the system store")
      ->check(CLI::ExistingFile);
  app.add_flag("--allow-private", o.allow_private,
               "allow loopback and private addresses (link-local stays refused)");
  app.add_flag("--robots", o.robots, "obey robots.txt (and its Crawl-delay) for our user agent");
  app.add_flag("--no-soft404-probe", flags.no_probe,
               "do not probe a random path per host to recognise soft 404s");
}

void apply_fetch_flags(const FetchFlags& flags, FetchOptions& o) {
  if (flags.no_probe) o.soft404_probe = false;
  for (const std::string& spec : flags.host_limits) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      throw CLI::ValidationError("--host-limit", "expected HOST=PER_HOST[:INTERVAL_MS]: " + spec);
    }
    HostOverride limit;
    const std::string value = spec.substr(eq + 1);
    const std::size_t colon = value.find(':');
    limit.per_host = std::atoi(value.substr(0, colon).c_str());
    if (colon != std::string::npos) limit.interval_ms = std::atoi(value.c_str() + colon + 1);
    if (limit.per_host <= 0 || (colon != std::string::npos && limit.interval_ms < 0)) {
      throw CLI::ValidationError("--host-limit", "bad numbers in " + spec);
    }
    o.host_overrides[ascii_lower(spec.substr(0, eq))] = limit;
  }
}

}  // namespace linkhealth
