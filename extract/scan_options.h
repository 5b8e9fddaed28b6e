#pragma once
// What `scan` reads and how: the URL-bearing front matter fields, the tracking rules, limits.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/tracking_rules.h"

namespace linkhealth {

/// link.href, link.original, openProjectCustomFields.{cleanUrl,sourceUrl,videoUrl}, the older
/// schema's scalar `link`, feed.feed_url, feed.site_url. Not featuredImage.href (a file name)
/// nor featuredImage.wpAttachment.link (a path on the curation system).
std::vector<std::string> default_url_fields();

/// The top-level front matter keys a Source is built from (besides the URL fields' roots).
std::vector<std::string> source_keys();

struct ScanOptions {
  std::vector<std::string> url_fields = default_url_fields();
  /// Fields that hold an already-cleaned URL: checked for tracking_left / clean_url_mismatch.
  std::vector<std::string> clean_fields = {"openProjectCustomFields.cleanUrl"};
  /// Front matter `source` values of curated articles, which must have a link (no_url).
  std::vector<std::string> curated_kinds = {"open-project-curations"};
  // Caps against hostile files (each one hit is a parse_error naming it). A file gives at most
  // one URL per url_fields entry, so URLs per file need no cap of their own.
  std::uintmax_t max_file_bytes = 5u * 1024u * 1024u;
  std::size_t max_yaml_nodes = 100000;  ///< after alias expansion: stops billion-laughs bombs
  std::size_t max_yaml_depth = 64;      ///< nesting of YAML maps and lists
  /// Parse every front matter entry with yaml-cpp, not only the ones the scan reads (about
  /// 10x the CPU on the medigy corpus; finds YAML errors in fields linkhealth ignores).
  bool full_yaml_check = false;
  /// Read plain YAML front matter without yaml-cpp (see plain_yaml.h); off only in the tests
  /// that compare the two readers.
  bool plain_yaml_reader = true;
  const TrackingRules* rules = nullptr;  ///< nullptr: default_tracking_rules()
  unsigned threads = 0;                  ///< files read in parallel; 0 = one per core

  const TrackingRules& tracking_rules() const {
    return rules != nullptr ? *rules : default_tracking_rules();
  }
};

}  // namespace linkhealth
