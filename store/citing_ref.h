#pragma once
// A place in the content citing a target, with the curated record of the file it is in: what
// drift compares a live page with, what the crawl log names and what the report lists.

#include <string>

#include "extract/target.h"

namespace linkhealth {

/// What an editor curated in one content file.
struct CuratedRecord {
  std::string title;        ///< front matter `title`
  std::string description;  ///< front matter `description`
  std::string community;    ///< `basePath`, may be empty
};

/// One reference to a target (slug, file, field, raw, clean, removed, line: see TargetRef) with
/// the curated record of its file.
struct CitingRef : TargetRef {
  CuratedRecord curated;
  /// Who owns the file, by the config's `owners:` (reports/owners.h); the report fills it in,
  /// the store leaves it empty. "" = unowned.
  std::string owner;
};

}  // namespace linkhealth
