#include "cli/setting_table.h"

#include <algorithm>
#include <iterator>

#include "cli/crawl_notices.h"

namespace linkhealth {
namespace {

template <auto Member>
auto& run_field(RunSettings& s) {
  return s.*Member;
}

template <auto Member>
auto& fetch_field(RunSettings& s) {
  return s.fetch.*Member;
}

constexpr FlagCommands kCrawlOnly{true, false, false};
constexpr FlagCommands kEvery{true, true, true};
constexpr FlagCommands kCrawlAndFix{true, false, true};
constexpr FlagCommands kFixOnly{false, false, true};

const Setting kSettings[] = {
    {.flag = "--config",
     .help = "config file (default: ./linkhealth.yaml when present)",
     .field = &run_field<&RunSettings::config_path>,
     .commands = kEvery},
    {.key = "content",
     .flag = "--content",
     .help = "content directory to walk (every .md file below it)",
     .field = &run_field<&RunSettings::content>,
     .config_relative_path = true,
     .commands = kEvery},
    {.key = "db",
     .flag = "--db",
     .help = "SQLite database (crawl and check create it when missing)",
     .field = &run_field<&RunSettings::db>,
     .config_relative_path = true,
     .commands = kEvery},
    {.key = "report",
     .flag = "--report",
     .help = "write the HTML report of the run here",
     .field = &run_field<&RunSettings::report>,
     .config_relative_path = true,
     .commands = kCrawlOnly},
    {.key = "json",
     .flag = "--json",
     .help = "write the JSON document of the run here ('-' for stdout)",
     .field = &run_field<&RunSettings::json>,
     .config_relative_path = true,
     .commands = kCrawlOnly},
    {.key = "log",
     .flag = "--log",
     .help = "append timestamped lines about the run to this file",
     .field = &run_field<&RunSettings::log>,
     .config_relative_path = true,
     .commands = kCrawlOnly},
    {.flag = "--fresh",
     .help = "start a new run even if the last crawl was interrupted",
     .field = &run_field<&RunSettings::fresh>,
     .commands = kCrawlOnly},
    {.flag = "--shard",
     .help = "check only shard K of N (K/N, K from 0): the targets whose registrable domain "
             "hashes to K; merge the shards' databases with `linkhealth merge`",
     .field = &run_field<&RunSettings::shard>,
     .commands = kCrawlOnly},
    {.key = "fail_on",
     .flag = "--fail-on",
     .help = "exit 2 on problems: new | any | never",
     .field = &run_field<&RunSettings::fail_on>,
     .commands = kCrawlOnly},
    {.key = "confirm_runs",
     .flag = "--confirm-runs",
     .help = "failing runs in a row before a problem counts as new (fix: finished crawls that "
             "must agree on a redirect)",
     .field = &run_field<&RunSettings::confirm_runs>,
     .check = ValueCheck::Positive,
     .commands = kEvery},
    {.key = "wayback_base",
     .flag = "--wayback-base",
     .help = "Wayback Machine base: its CDX index picks a dead link's archived copy",
     .field = &run_field<&RunSettings::wayback_base>},
    {.key = "repair.relocate",
     .flag = "!--no-relocate",
     .help = "do not look for a dead link's new address in its site's sitemaps",
     .field = &run_field<&RunSettings::relocate>},
    {.key = "repair.archive",
     .flag = "!--no-archive",
     .help = "do not look up a dead link's archived copy (Wayback CDX)",
     .field = &run_field<&RunSettings::archive>},
    {.key = "tracking_rules",
     .flag = "--rules",
     .help = "tracking rules file instead of the built-in rules",
     .field = &run_field<&RunSettings::tracking_rules>,
     .config_relative_path = true,
     .commands = kCrawlAndFix},
    {.flag = "--progress,!--no-progress",
     .help = "progress line on stderr (terminal only)",
     .field = &run_field<&RunSettings::progress>,
     .commands = kCrawlOnly},
    {.key = "notify.webhooks",
     .flag = "--notify-webhook",
     .help = "POST new/fixed problems to this chat webhook (Slack, Mattermost, Rocket.Chat; "
             "repeatable)",
     .field = &run_field<&RunSettings::notify_webhooks>,
     .commands = kCrawlOnly},
    {.key = "notify.mail_to",
     .flag = "--mail-to",
     .help = "mail new/fixed problems to this address through sendmail (repeatable)",
     .field = &run_field<&RunSettings::mail_to>,
     .commands = kCrawlOnly},
    {.key = "notify.mail_owners",
     .flag = "--mail-owners",
     .help = "also mail each owner (owners: in the config) the news of their content",
     .field = &run_field<&RunSettings::mail_owners>,
     .commands = kCrawlOnly},
    {.key = "notify.mail_from",
     .flag = "--mail-from",
     .help = "From: address of the mails",
     .field = &run_field<&RunSettings::mail_from>,
     .commands = kCrawlOnly,
     .shown_default = &default_mail_from},
    {.key = "notify.sendmail",
     .flag = "--sendmail",
     .help = "sendmail program the mails are handed to (as `sendmail -t -oi`)",
     .field = &run_field<&RunSettings::sendmail>,
     .commands = kCrawlOnly},
    {.key = "notify.report_url",
     .flag = "--report-url",
     .help = "address of the HTML report, linked from the messages",
     .field = &run_field<&RunSettings::report_url>,
     .commands = kCrawlOnly},
    {.key = "notify.timeout",
     .flag = "--notify-timeout",
     .help = "seconds for one webhook POST or one sendmail",
     .field = &run_field<&RunSettings::notify_timeout>,
     .check = ValueCheck::Positive,
     .commands = kCrawlOnly},
    {.key = "metrics",
     .flag = "--metrics",
     .help = "write the run's figures here in the Prometheus text format (node_exporter "
             "textfile collector)",
     .field = &run_field<&RunSettings::metrics>,
     .config_relative_path = true,
     .commands = kCrawlOnly},
    {.flag = "--apply",
     .help = "write the edits into the content files (default: only print the diff)",
     .field = &run_field<&RunSettings::fix_apply>,
     .commands = kFixOnly},
    {.key = "fix_kinds",
     .flag = "--kinds",
     .help = "edits to make: redirect, tracking, relocation (comma-separated)",
     .field = &run_field<&RunSettings::fix_kinds>,
     .commands = kFixOnly},
    {.key = "url_fields", .field = &run_field<&RunSettings::url_fields>},
    {.key = "exclude.urls", .field = &run_field<&RunSettings::exclude_urls>},
    {.key = "exclude.hosts", .field = &run_field<&RunSettings::exclude_hosts>},

    {.key = "fetch.concurrency",
     .flag = "--concurrency",
     .help = "requests in flight over all hosts",
     .field = &fetch_field<&FetchOptions::concurrency>,
     .check = ValueCheck::Positive},
    {.key = "fetch.per_host",
     .flag = "--per-host",
     .help = "requests in flight to one host",
     .field = &fetch_field<&FetchOptions::per_host>,
     .check = ValueCheck::Positive},
    {.key = "fetch.interval_ms",
     .flag = "--interval-ms",
     .help = "minimum gap between request starts to one host",
     .field = &fetch_field<&FetchOptions::interval_ms>,
     .check = ValueCheck::NonNegative},
    {.flag = "--host-limit",
     .help = "per-host override HOST=PER_HOST[:INTERVAL_MS] (repeatable)",
     .field = &run_field<&RunSettings::host_limits>},
    {.key = "fetch.user_agent",
     .flag = "--user-agent",
     .help = "User-Agent header",
     .field = &fetch_field<&FetchOptions::user_agent>,
     .shown_default = &default_user_agent},
    {.key = "fetch.max_head_bytes",
     .flag = "--max-head-bytes",
     .help = "read at most this much of a page (after decompression) looking for </head>",
     .field = &fetch_field<&FetchOptions::max_head_bytes>,
     .check = ValueCheck::Positive},
    {.key = "fetch.max_redirects",
     .flag = "--max-redirects",
     .help = "redirect hops to follow",
     .field = &fetch_field<&FetchOptions::max_redirects>,
     .check = ValueCheck::NonNegative},
    {.key = "fetch.retries",
     .flag = "--retries",
     .help = "retries for timeouts, resets, 408/429/500/502/503/504 (backoff with jitter)",
     .field = &fetch_field<&FetchOptions::retries>,
     .check = ValueCheck::NonNegative},
    {.key = "fetch.timeout",
     .flag = "--timeout",
     .help = "seconds for one whole exchange",
     .field = &fetch_field<&FetchOptions::timeout_s>,
     .check = ValueCheck::Positive},
    {.key = "fetch.connect_timeout",
     .flag = "--connect-timeout",
     .help = "seconds to connect",
     .field = &fetch_field<&FetchOptions::connect_timeout_s>,
     .check = ValueCheck::Positive},
    {.key = "fetch.resolve",
     .flag = "--resolve",
     .help = "HOST:PORT:ADDR as in curl (repeatable)",
     .field = &fetch_field<&FetchOptions::resolve>},
    {.key = "fetch.connect_to",
     .flag = "--connect-to",
     .help = "HOST1:PORT1:HOST2:PORT2 as in curl (repeatable)",
     .field = &fetch_field<&FetchOptions::connect_to>},
    {.key = "fetch.cacert",
     .flag = "--cacert",
     .help = "CA bundle instead of the system store",
     .field = &fetch_field<&FetchOptions::cacert>,
     .check = ValueCheck::ExistingFile,
     .config_relative_path = true},
    {.key = "fetch.allow_private",
     .flag = "--allow-private",
     .help = "allow loopback and private addresses (link-local stays refused)",
     .field = &fetch_field<&FetchOptions::allow_private>},
    {.key = "fetch.robots",
     .flag = "--robots",
     .help = "obey robots.txt (and its Crawl-delay) for our user agent",
     .field = &fetch_field<&FetchOptions::robots>},
    {.flag = "!--no-soft404-probe",
     .help = "do not probe a random path per host to recognise soft 404s",
     .field = &fetch_field<&FetchOptions::soft404_probe>},
};

}  // namespace

std::span<const Setting> setting_table() {
  return kSettings;
}

const Setting* setting_with_key(std::string_view key) {
  if (key.empty()) return nullptr;
  const auto it = std::find_if(std::begin(kSettings), std::end(kSettings),
                               [&](const Setting& s) { return s.key == key; });
  return it == std::end(kSettings) ? nullptr : &*it;
}

bool is_config_section(std::string_view key) {
  return std::any_of(std::begin(kSettings), std::end(kSettings), [&](const Setting& s) {
    return s.key.size() > key.size() && s.key.substr(0, key.size()) == key &&
           s.key[key.size()] == '.';
  });
}

}  // namespace linkhealth
