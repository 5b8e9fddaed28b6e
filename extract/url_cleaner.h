#pragma once
// Raw front matter URL -> cleaned URL and request URL. A pure function: curl's URL API parses
// and re-assembles; the cleaner only trims, repairs a missing https://, lowercases the host
// (IDNA to punycode), drops default ports and empty `?`/`#`, and removes the tracking parameters
// and fragments the TrackingRules name. Every other byte of the query is kept as written.

#include <string>
#include <string_view>
#include <vector>

#include "extract/tracking_rules.h"

namespace linkhealth {

struct CleanedUrl {
  bool ok = false;
  std::string clean;                 ///< cleaned URL, keeps a non-tracking fragment (#tab-2)
  std::string request_url;           ///< clean without any fragment: what gets fetched
  std::string host;                  ///< lowercase (punycode) host
  std::vector<std::string> removed;  ///< what was removed or repaired, in order, human-readable
  std::string error;                 ///< why the value is not a usable URL (when !ok)
  std::string error_kind;    ///< when !ok: "invalid_url" | "no_scheme" | "unsupported_scheme"
  int tracking_removed = 0;  ///< how many of `removed` are tracking parameters/fragments
};

CleanedUrl clean_url(std::string_view raw, const TrackingRules& rules);

/// The value without leading/trailing ASCII whitespace.
std::string_view trim_ascii(std::string_view s);

}  // namespace linkhealth
