#pragma once
// Where the Wayback Machine keeps its newest snapshot of a URL: `<base>/web/<url>` answers
// with a redirect to the snapshot, so one small request that reads the Location header (and
// never the snapshot itself) turns the lookup link into a direct link for `check`.

#include <optional>
#include <string>

#include "crawler/fetch_options.h"

namespace linkhealth {

/// GETs `lookup_url` without following redirects and stops before the first body byte.
/// Returns the absolute Location of a 3xx answer; nullopt when the request fails or the
/// answer is not a redirect (no snapshot, archive down). Uses the timeouts, --resolve,
/// --connect-to, --cacert, user agent and address guard of `options`.
std::optional<std::string> wayback_snapshot(const std::string& lookup_url,
                                            const FetchOptions& options);

}  // namespace linkhealth
