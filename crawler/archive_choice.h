#pragma once
// Which Wayback Machine capture shows a dead article as it was when it was curated: the
// latest capture answered 200 at or before the curation time, else the earliest one after it
// (InternetArchiveBot's rule: closest before the access date, then after). Pure functions: the
// CDX query URL, reading the CDX answer, the choice and the snapshot URL; the request itself
// goes through the fetch engine (crawler/repair_search.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/repair.h"

namespace linkhealth {

/// One row of a CDX answer.
struct CdxCapture {
  std::string timestamp;  ///< 14 digits, YYYYMMDDhhmmss (UTC)
  std::string original;   ///< the URL as captured
  bool operator==(const CdxCapture&) const = default;
};

/// `{base}/cdx/search/cdx?url=<url, percent-encoded>&output=json&filter=statuscode:200&fl=
/// timestamp,original,statuscode`, any trailing '/' of base dropped.
std::string cdx_query_url(std::string_view base, std::string_view url);

/// `{base}/web/{timestamp}/{url}`, any trailing '/' of base dropped.
std::string snapshot_url(std::string_view base, std::string_view timestamp, std::string_view url);

/// The captures of a CDX JSON answer (an array of rows whose first row names the fields)
/// that answered 200 and have a 14-digit timestamp, in the answer's order. Rows without a
/// status field count as 200 (the query asked for 200 only). Anything else reads as none.
std::vector<CdxCapture> parse_cdx(std::string_view json);

/// A front matter date ("2019-03-28", "2019-03-28T11:29:25Z", "2019-03-28 11:29:25",
/// "2019-03-28T11:29:25.123+02:00", ...) as a 14-digit UTC time; a date without a time is
/// the end of that day (a capture made on the day of curation counts as before it). nullopt
/// when it is no date.
std::optional<std::string> capture_time_of(std::string_view date);

/// The latest capture at or before `curated` (14 digits), else the earliest after it; with no
/// curation time, the earliest capture (later ones are likelier to show what replaced it).
std::optional<CdxCapture> choose_capture(const std::vector<CdxCapture>& captures,
                                         const std::optional<std::string>& curated);

/// The choice for an article curated at `curated_at` (a front matter date, see
/// capture_time_of) as the record the check keeps: snapshot URL, timestamp, curation time.
std::optional<ArchiveCapture> archive_capture(std::string_view base, std::string_view json,
                                              std::string_view curated_at);

}  // namespace linkhealth
