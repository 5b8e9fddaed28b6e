#pragma once
// Removes what the TrackingRules call tracking from one parsed URL: query parameters, the
// fragment or its keys, and ClearURLs raw rules. Query and fragment are cut as written: split
// on '&', the tracking parts dropped, every byte of the other parts kept (re-encoding them
// would break signed URLs and make stored clean URLs look stale).

#include <optional>
#include <string>

#include "extract/curl_url.h"
#include "extract/tracking_rules.h"
#include "extract/url_cleaner.h"

namespace linkhealth {

/// A URL cut into the pieces tracking removal works on.
struct UrlPieces {
  std::string base;                     ///< scheme://host[:port]/path as curl rebuilds it
  std::string host;                     ///< lowercase (punycode) host
  std::string path;                     ///< as written
  std::optional<std::string> query;     ///< as written, without '?'
  std::optional<std::string> fragment;  ///< as written, without '#'

  /// base, then ?query and #fragment when present.
  std::string text() const;
};

/// The pieces of a parsed URL. Clears the query and fragment of `url` on the way.
UrlPieces cut_url(CurlUrl& url);

/// Strips tracking from `url` as `rules` say, noting each removal (and a ClearURLs
/// redirection or completeProvider hit, which leaves the URL as it is) in `r`. Nothing is
/// stripped on a link wrapper's host. A second call changes nothing.
void strip_tracking(UrlPieces& url, const TrackingRules& rules, CleanedUrl& r);

}  // namespace linkhealth
