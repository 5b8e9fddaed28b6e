#pragma once
// What a subcommand reading the config (crawl, check, fix) runs with: built-in defaults, then
// linkhealth.yaml, then the command line, in that order of precedence. The config file is read
// before the command line is parsed and only sets the values the flags start from, so a flag that
// was given always wins and one that was not leaves the file's value alone. Each setting's key,
// flag and help text are declared once, in cli/setting_table.h.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/config_error.h"
#include "crawler/fetch_options.h"
#include "extract/scan_options.h"
#include "extract/tracking_rules.h"
#include "reports/owners.h"
#include "types/fail_on.h"

namespace linkhealth {

/// The database used when neither --db nor the config names one (in the working directory).
inline constexpr const char* kDefaultDbFile = "linkhealth.db";

struct RunSettings {
  std::filesystem::path config_path;  ///< the config file read, empty when none
  std::string content;
  std::string db = kDefaultDbFile;
  std::string report;  ///< HTML report file, empty = none
  std::string json;    ///< JSON document file ('-' = stdout), empty = none
  std::string log;     ///< log file (appended), empty = none
  std::string fail_on = "new";
  int confirm_runs = 2;
  std::string wayback_base = "https://web.archive.org";
  bool relocate = true;        ///< look for dead links' new addresses in their sites' sitemaps
  bool archive = true;         ///< look up dead links' archived copies (Wayback CDX)
  std::string tracking_rules;  ///< rules file, empty = built-in rules
  std::vector<std::string> url_fields;     ///< extra URL fields, read besides the defaults
  std::vector<std::string> exclude_urls;   ///< ECMAScript regexes searched in the request URL
  std::vector<std::string> exclude_hosts;  ///< "host" or "*.domain"
  bool fresh = false;                      ///< start a new run even after an interrupted one
  std::string shard;                       ///< "K/N" (crawl --shard), empty = the whole crawl
  bool progress = false;  ///< progress line on stderr; crawl starts it on for a terminal
  std::vector<std::string> host_limits;         ///< --host-limit HOST=PER_HOST[:INTERVAL_MS], raw
  bool fix_apply = false;                       ///< fix: write the edits, not only show them
  std::string fix_kinds = "redirect,tracking";  ///< fix: the FixKind names to plan
  FetchOptions fetch;
  std::vector<Owner> owners;  ///< config `owners:`, in rule order
  // After a crawl (cli/crawl_notices.h, cli/metrics_file.h):
  std::vector<std::string> notify_webhooks;  ///< chat webhooks that get every owner's news
  std::vector<std::string> mail_to;          ///< addresses that get every owner's news
  bool mail_owners = false;                  ///< also mail each owner their own news
  std::string mail_from;                     ///< empty: linkhealth@<host name>
  std::string sendmail = "/usr/sbin/sendmail";
  std::string report_url;   ///< where readers find the report, for the messages
  int notify_timeout = 10;  ///< seconds for one webhook or sendmail
  std::string metrics;      ///< Prometheus textfile, empty = none

  friend bool operator==(const RunSettings&, const RunSettings&) = default;
};

/// The value of --config (or --config=FILE) in argv, looked up before the real parse.
std::optional<std::filesystem::path> config_argument(int argc, char** argv);

/// load_config(config_argument(argc, argv)): the defaults overlaid with the config file.
/// Throws ConfigError.
RunSettings load_run_settings(int argc, char** argv);

/// Checks what CLI11 cannot: --fail-on and --confirm-runs. Throws ConfigError.
FailOn validated_fail_on(const RunSettings& settings);

/// Throws ConfigError unless --confirm-runs is at least 1.
void check_confirm_runs(const RunSettings& settings);

/// Scan options for the settings; `rules` receives the loaded tracking rules (it must outlive
/// the returned options). Throws ConfigError when the rules file is bad.
ScanOptions scan_options_for(const RunSettings& settings, std::optional<TrackingRules>& rules);

}  // namespace linkhealth
