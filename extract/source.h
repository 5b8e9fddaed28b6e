#pragma once
// extract/ is the first stage of linkhealth's one-way flow (extract -> crawler -> store ->
// reports): pure parsing and cleaning. It turns content files into Sources, raw URLs into
// cleaned request URLs, and fetched page heads into PageMeta. Nothing here does network or
// database I/O; reading the content tree from disk is its only side effect.

#include <string>
#include <vector>

namespace linkhealth {

/// One URL-bearing front matter value, exactly as written in the file.
struct UrlField {
  std::string field;  ///< dotted field path, e.g. "link.href", "openProjectCustomFields.cleanUrl"
  std::string raw;    ///< the value as written (untrimmed)
  int line = 0;       ///< 1-based line in the content file, 0 when unknown
};

/// One content file: a curated article, profile, topic or feed with its links.
struct Source {
  std::string slug;         ///< front matter `slug`, else the file stem
  std::string id;           ///< front matter `id`
  std::string title;        ///< front matter `title`
  std::string description;  ///< front matter `description`
  std::string brand;        ///< `link.brand`
  std::string community;    ///< `basePath`
  std::string date;         ///< front matter `date`, as written
  std::string file;         ///< path relative to the content root
  std::string kind;         ///< front matter `source` (e.g. "open-project-curations"), may be empty
  std::vector<UrlField> urls;
};

}  // namespace linkhealth
