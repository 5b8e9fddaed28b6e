#pragma once
// crawler/ is the second stage: it fetches request URLs (libcurl multi on Boost.Asio),
// politely per host, and turns each response chain into a CheckResult with a Verdict.
// A broken link is a value here, never an exception. crawler/ never touches the database.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/page_meta.h"
#include "types/repair.h"
#include "types/verdict.h"

namespace linkhealth {

/// One step of a redirect chain: the URL requested and the status it answered.
struct Hop {
  std::string url;
  int status = 0;
};

/// Everything known about one request URL after the crawler is done with it.
struct CheckResult {
  std::string request_url;
  std::string host;
  Verdict verdict = Verdict::Invalid;
  int http_status = 0;         ///< status of the last response, 0 when none
  std::string final_url;       ///< URL of the last response
  std::vector<Hop> redirects;  ///< every hop, first request first
  std::string error;           ///< human-readable reason, empty for plain ok
  std::string checked_at;      ///< ISO 8601 UTC time the check finished
  double elapsed_ms = 0;       ///< wall time of the whole chain
  long long bytes = 0;         ///< body bytes received (after decompression)
  int attempts = 0;            ///< requests made including retries
  bool not_modified = false;   ///< 304 answered a conditional request
  std::string etag;
  std::string last_modified;
  std::string content_type;
  std::optional<PageMeta> page;  ///< metadata of the final page, when it was HTML
  /// Where a broken / soft_404 link's article went and its archived copy; filled after the
  /// fetch by the repair search (crawler/repair_search.h), empty otherwise.
  RepairSuggestion repair;
};

/// The check's page metadata, or an all-empty PageMeta when no page was read.
inline const PageMeta& page_or_empty(const CheckResult& check) {
  static const PageMeta kNone;
  return check.page ? *check.page : kNone;
}

}  // namespace linkhealth
