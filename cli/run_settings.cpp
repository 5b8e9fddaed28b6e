#include "cli/run_settings.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "extract/ascii.h"

namespace linkhealth {
namespace {

template <typename T, typename U>
void take(const std::optional<T>& from, U& to) {
  if (from) to = static_cast<U>(*from);
}

void apply_fetch(const FetchSettings& f, FetchOptions& o) {
  take(f.concurrency, o.concurrency);
  take(f.per_host, o.per_host);
  take(f.interval_ms, o.interval_ms);
  take(f.timeout, o.timeout_s);
  take(f.connect_timeout, o.connect_timeout_s);
  take(f.retries, o.retries);
  take(f.max_redirects, o.max_redirects);
  take(f.max_head_bytes, o.max_head_bytes);
  take(f.user_agent, o.user_agent);
  take(f.robots, o.robots);
  take(f.allow_private, o.allow_private);
  take(f.cacert, o.cacert);
  if (!f.resolve.empty()) o.resolve = f.resolve;
  if (!f.connect_to.empty()) o.connect_to = f.connect_to;
}

void apply_hosts(const std::map<std::string, HostSettings>& hosts, FetchOptions& o) {
  for (const auto& [name, h] : hosts) {
    HostOverride& limit = o.host_overrides[ascii_lower(name)];
    take(h.per_host, limit.per_host);
    take(h.interval_ms, limit.interval_ms);
    take(h.user_agent, limit.user_agent);
    for (const auto& [header, value] : h.headers) limit.headers.push_back(header + ": " + value);
  }
}

}  // namespace

std::optional<std::filesystem::path> config_argument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) return std::string(argv[i + 1]);
    if (std::strncmp(argv[i], "--config=", 9) == 0) return std::string(argv[i] + 9);
  }
  return std::nullopt;
}

RunSettings settings_from_config(const ConfigFile& c) {
  RunSettings s;
  s.config_path = c.path;
  take(c.content, s.content);
  take(c.db, s.db);
  take(c.report, s.report);
  take(c.json, s.json);
  take(c.log, s.log);
  take(c.fail_on, s.fail_on);
  take(c.confirm_runs, s.confirm_runs);
  take(c.wayback_base, s.wayback_base);
  take(c.tracking_rules, s.tracking_rules);
  s.url_fields = c.url_fields;
  s.exclude_urls = c.exclude_urls;
  s.exclude_hosts = c.exclude_hosts;
  apply_fetch(c.fetch, s.fetch);
  apply_hosts(c.hosts, s.fetch);
  return s;
}

RunSettings load_run_settings(int argc, char** argv) {
  return settings_from_config(load_config(config_argument(argc, argv)));
}

FailOn validated_fail_on(const RunSettings& s) {
  const auto fail_on = fail_on_from_string(s.fail_on);
  if (!fail_on) {
    throw ConfigError(fmt::format("fail_on must be 'new', 'any' or 'never', not '{}'", s.fail_on));
  }
  if (s.confirm_runs < 1) {
    throw ConfigError(fmt::format("confirm_runs must be at least 1, not {}", s.confirm_runs));
  }
  return *fail_on;
}

ScanOptions scan_options_for(const RunSettings& s, std::optional<TrackingRules>& rules) {
  ScanOptions options;
  for (const std::string& field : s.url_fields) {
    if (std::find(options.url_fields.begin(), options.url_fields.end(), field) ==
        options.url_fields.end()) {
      options.url_fields.push_back(field);
    }
  }
  if (!s.tracking_rules.empty()) {
    try {
      rules = load_tracking_rules(s.tracking_rules);
    } catch (const std::exception& e) {
      throw ConfigError(e.what());
    }
    options.rules = &*rules;
  }
  return options;
}

}  // namespace linkhealth
