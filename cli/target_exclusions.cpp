#include "cli/target_exclusions.h"

#include <fmt/format.h>

#include "cli/config_error.h"
#include "extract/ascii.h"
#include "extract/tracking_rules.h"
#include "store/run.h"

namespace linkhealth {

TargetExclusions::TargetExclusions(const std::vector<std::string>& url_patterns,
                                   const std::vector<std::string>& hosts) {
  for (const std::string& pattern : url_patterns) {
    try {
      urls_.emplace_back(pattern, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
      throw ConfigError(fmt::format("exclude.urls: bad regex '{}': {}", pattern, e.what()));
    }
  }
  for (const std::string& host : hosts) {
    const std::string lower = ascii_lower(host);
    if (lower.rfind("*.", 0) == 0) {
      domains_.push_back(lower.substr(2));
    } else {
      hosts_.push_back(lower);
    }
  }
}

bool TargetExclusions::excludes(const std::string& request_url, const std::string& host) const {
  const std::string lower = ascii_lower(host);
  for (const std::string& h : hosts_) {
    if (lower == h) return true;
  }
  for (const std::string& d : domains_) {
    if (host_matches(lower, d)) return true;
  }
  for (const std::regex& re : urls_) {
    if (std::regex_search(request_url, re)) return true;
  }
  return false;
}

CheckResult excluded_result(const std::string& request_url, const std::string& host) {
  CheckResult r;
  r.request_url = request_url;
  r.host = host;
  r.verdict = Verdict::Skipped;
  r.error = "excluded";
  r.checked_at = utc_now();
  return r;
}

}  // namespace linkhealth
