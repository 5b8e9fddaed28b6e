#pragma once
// A target is one request URL to fetch; every (slug, field) reference that cleans to the same
// request URL shares it, so an article's original and clean URL that differ only by a
// fragment cost one request.

#include <string>
#include <vector>

namespace linkhealth {

/// One place in the content that points at a target.
struct TargetRef {
  std::string slug;
  std::string file;                  ///< relative to the content root
  std::string field;                 ///< dotted front matter path
  std::string raw;                   ///< value as written
  std::string clean;                 ///< cleaned URL (may keep a non-tracking fragment)
  std::vector<std::string> removed;  ///< what cleaning removed or repaired
  int line = 0;
};

struct Target {
  std::string request_url;  ///< cleaned, no fragment: what the crawler fetches
  std::string host;         ///< lowercase host of request_url
  std::vector<TargetRef> refs;
};

}  // namespace linkhealth
