#pragma once
// linkhealth.yaml: the settings a cron job would otherwise repeat on every command line.
// Command-line flags win over the file; an unknown key is an error that names it, so a typo
// never silently falls back to a default.

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace linkhealth {

/// Bad config: the message names the file, the line and the key.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Per-host politeness and request overrides (`hosts:` section).
struct HostSettings {
  std::optional<int> per_host;
  std::optional<int> interval_ms;
  std::optional<std::string> user_agent;
  std::map<std::string, std::string> headers;
};

/// Fetch settings (`fetch:` section); unset values keep the command's defaults.
struct FetchSettings {
  std::optional<int> concurrency;
  std::optional<int> per_host;
  std::optional<int> interval_ms;
  std::optional<double> timeout;
  std::optional<double> connect_timeout;
  std::optional<int> retries;
  std::optional<int> max_redirects;
  std::optional<long long> max_head_bytes;
  std::optional<std::string> user_agent;
  std::optional<bool> robots;
  std::optional<bool> allow_private;
  std::optional<std::string> cacert;
  std::vector<std::string> resolve;
  std::vector<std::string> connect_to;
};

struct ConfigFile {
  std::filesystem::path path;  ///< where it was read from; empty when there was none
  std::optional<std::string> content;
  std::optional<std::string> db;
  std::optional<std::string> report;
  std::optional<std::string> json;
  std::optional<std::string> log;
  std::optional<std::string> fail_on;
  std::optional<int> confirm_runs;
  std::optional<std::string> wayback_base;
  std::optional<std::string> tracking_rules;
  std::vector<std::string> url_fields;
  std::vector<std::string> exclude_urls;   ///< regexes (ECMAScript)
  std::vector<std::string> exclude_hosts;  ///< exact hosts or "*.example.com"
  FetchSettings fetch;
  std::map<std::string, HostSettings> hosts;
};

/// Parses config text; `origin` names the file in error messages. Throws ConfigError.
ConfigFile parse_config(const std::string& text, const std::string& origin);

/// Reads `explicit_path` if given (it must exist), else ./linkhealth.yaml if present, else
/// returns an empty ConfigFile. Relative paths inside the file are resolved against its folder.
ConfigFile load_config(const std::optional<std::filesystem::path>& explicit_path);

}  // namespace linkhealth
