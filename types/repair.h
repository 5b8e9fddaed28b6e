#pragma once
// What linkhealth suggests for a dead link: where the article moved within its site
// (relocation, found through the site's sitemaps) and the archived copy from the day it was
// curated (the Wayback Machine's CDX index). Both are suggestions an editor confirms; `fix`
// writes a relocation back only after two runs agree.

#include <optional>
#include <string>

namespace linkhealth {

/// A live page on the dead link's site whose title matches the curated one.
struct Replacement {
  std::string url;
  std::string title;        ///< the replacement page's own title
  double similarity = 0.0;  ///< title similarity to the curated title, 0..1 (extract/similarity)
  bool operator==(const Replacement&) const = default;
};

/// One archive capture of the dead URL.
struct ArchiveCapture {
  std::string url;         ///< `{base}/web/{timestamp}/{original url}`
  std::string timestamp;   ///< the capture's 14-digit UTC time, YYYYMMDDhhmmss
  std::string curated_at;  ///< the curation time it was chosen against, as written; "" unknown
  bool operator==(const ArchiveCapture&) const = default;
};

/// The repair suggestions recorded with a check; empty when the link is fine or nothing fits.
struct RepairSuggestion {
  std::optional<Replacement> replacement;
  std::optional<ArchiveCapture> archive;
  bool operator==(const RepairSuggestion&) const = default;
};

}  // namespace linkhealth
