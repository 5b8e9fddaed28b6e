#pragma once
// Raw front matter URL -> cleaned URL and request URL. A pure function: curl's URL API parses
// and re-assembles; the cleaner only trims, repairs a missing https://, lowercases the host
// (IDNA to punycode, a numeric host spelled as the address curl reads it), drops default ports
// and empty `?`/`#`, and removes the tracking parameters and fragments the TrackingRules name
// (extract/tracking_strip.h). Every other byte of the query and fragment is kept as written.
// Cleaning is idempotent: clean(clean(u)) == clean(u). Every string it returns is UTF-8.

#include <string>
#include <string_view>
#include <vector>

#include "extract/tracking_rules.h"
#include "types/finding_kind.h"

namespace linkhealth {

struct CleanedUrl {
  bool ok = false;
  std::string clean;                 ///< cleaned URL, keeps a non-tracking fragment (#tab-2)
  std::string request_url;           ///< clean without any fragment: what gets fetched
  std::string host;                  ///< lowercase (punycode) host
  std::vector<std::string> removed;  ///< what was removed or repaired, in order, human-readable
  std::string error;                 ///< why the value is not a usable URL (when !ok)
  FindingKind error_kind = FindingKind::InvalidUrl;  ///< when !ok: InvalidUrl, NoScheme or
                                                     ///< UnsupportedScheme
  int tracking_removed = 0;  ///< how many of `removed` are tracking parameters/fragments
  /// A ClearURLs redirection matched: the URL wraps this target. Reported, never unwrapped.
  std::string wrapped_target;
  std::string wrapper_provider;  ///< the provider whose redirection matched
  /// A ClearURLs completeProvider matches the URL: the whole URL is a tracker. Reported only.
  std::string tracker_provider;
};

CleanedUrl clean_url(std::string_view raw, const TrackingRules& rules);

/// The value without leading/trailing ASCII whitespace.
std::string_view trim_ascii(std::string_view s);

}  // namespace linkhealth
