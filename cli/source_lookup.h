#pragma once
// `check SLUG|FILE`: finding the one content file to check, by its path or by its slug, and
// its request URLs grouped the way a crawl groups them.

#include <filesystem>
#include <string>
#include <vector>

#include "extract/scan.h"
#include "reports/check_text.h"

namespace linkhealth {

/// The source asked for, or why there is none.
struct LocatedSource {
  std::optional<FileScan> scan;          ///< set when found and readable
  std::string error;                     ///< when not found: what went wrong
  std::vector<std::string> suggestions;  ///< closest slugs for an unknown slug
  std::string warning;                   ///< e.g. the slug is used by several files
};

/// `wanted` is a content file (a path as given, or relative to `root`, ending in .md) or a
/// slug looked up with a scan of the tree.
LocatedSource locate_source(const std::filesystem::path& root, const std::string& wanted,
                            const ScanOptions& options);

/// The source's usable URLs grouped by request URL (sorted) as Targets; the fields that did
/// not clean go to `unusable`.
std::vector<Target> source_targets(const Source& source, const std::vector<ScannedRef>& refs,
                                   std::vector<UnusableField>& unusable);

}  // namespace linkhealth
