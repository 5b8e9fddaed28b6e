#pragma once
// `exclude:` in linkhealth.yaml: URLs and hosts an editor decided not to check (intranet
// links, sites that forbid checkers). They are not fetched; they are recorded with the verdict
// `skipped` and the reason "excluded", so the report still lists them as unverified.

#include <regex>
#include <string>
#include <vector>

#include "crawler/check_result.h"

namespace linkhealth {

class TargetExclusions {
 public:
  TargetExclusions() = default;
  /// `url_patterns`: ECMAScript regexes searched anywhere in the request URL; `hosts`: exact
  /// hosts or "*.example.com" (the domain and its subdomains). Throws ConfigError on a bad
  /// regex, naming it.
  TargetExclusions(const std::vector<std::string>& url_patterns,
                   const std::vector<std::string>& hosts);

  bool excludes(const std::string& request_url, const std::string& host) const;

 private:
  std::vector<std::regex> urls_;
  std::vector<std::string> hosts_;    ///< lowercase, exact
  std::vector<std::string> domains_;  ///< lowercase, "*." stripped
};

/// The check recorded for an excluded target: verdict skipped, error "excluded", now.
CheckResult excluded_result(const std::string& request_url, const std::string& host);

}  // namespace linkhealth
