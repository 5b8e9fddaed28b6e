#pragma once
// What the scan says about one Source's URLs without touching the network: whitespace, missing
// or unsupported schemes, invalid values, cookie-wall captures, mobile hosts, tracking left in
// a stored clean URL, a stored clean URL that disagrees with its source, a curated file without
// a link. duplicate_slug needs every file and lives in scan.cpp.

#include <string>
#include <vector>

#include "extract/finding.h"
#include "extract/scan_options.h"
#include "extract/source.h"
#include "extract/url_cleaner.h"

namespace linkhealth {

/// `cleaned[i]` is clean_url(source.urls[i].raw).
std::vector<Finding> source_findings(const Source& source, const std::vector<CleanedUrl>& cleaned,
                                     bool expects_link, const ScanOptions& options);

/// Why a URL looks like a consent/cookie-wall capture rather than the article, or "".
std::string cookie_wall_reason(const CleanedUrl& url);

}  // namespace linkhealth
