#pragma once
// What `scan` reads and how: the URL-bearing front matter fields, the tracking rules, limits.

#include <cstdint>
#include <string>
#include <vector>

#include "extract/tracking_rules.h"

namespace linkhealth {

/// link.href, link.original, openProjectCustomFields.{cleanUrl,sourceUrl,videoUrl}, the older
/// schema's scalar `link`, feed.feed_url, feed.site_url. Not featuredImage.href (a file name)
/// nor featuredImage.wpAttachment.link (a path on the curation system).
std::vector<std::string> default_url_fields();

struct ScanOptions {
  std::vector<std::string> url_fields = default_url_fields();
  /// Fields that hold an already-cleaned URL: checked for tracking_left / clean_url_mismatch.
  std::vector<std::string> clean_fields = {"openProjectCustomFields.cleanUrl"};
  /// Front matter `source` values of curated articles, which must have a link (no_url).
  std::vector<std::string> curated_kinds = {"open-project-curations"};
  std::uintmax_t max_file_bytes = 5u * 1024u * 1024u;
  const TrackingRules* rules = nullptr;  ///< nullptr: default_tracking_rules()

  const TrackingRules& tracking_rules() const {
    return rules != nullptr ? *rules : default_tracking_rules();
  }
};

}  // namespace linkhealth
