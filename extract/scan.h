#pragma once
// `scan`: the offline audit of a content tree. Walks every .md file, reads its front matter
// into a Source, cleans every URL, groups references by request URL into Targets, and reports
// Findings. Bad files become parse_error findings and the walk goes on.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/finding.h"
#include "extract/scan_options.h"
#include "extract/source.h"
#include "extract/target.h"
#include "extract/url_cleaner.h"

namespace linkhealth {

struct ScanCounts {
  std::size_t files_read = 0;                  ///< .md files found (bad ones included)
  std::size_t files_without_front_matter = 0;  ///< Markdown with no leading --- block
  std::size_t parse_errors = 0;                ///< files that could not be used
  std::size_t sources = 0;                     ///< files that became a Source
  std::size_t sources_with_links = 0;          ///< Sources with at least one URL
  std::size_t references = 0;                  ///< non-empty URL fields over all Sources
  std::size_t unusable_references = 0;         ///< references that did not clean (no target)
  std::size_t unique_targets = 0;              ///< distinct request URLs
  std::size_t hosts = 0;                       ///< distinct hosts of the targets
};

/// One URL field of one Source after cleaning.
struct ScannedRef {
  UrlField field;
  CleanedUrl cleaned;
};

/// Everything the scan learned from one file.
struct FileScan {
  std::optional<Source> source;
  std::vector<ScannedRef> refs;  ///< parallel to source->urls
  std::vector<Finding> findings;
  bool has_front_matter = false;
};

struct ScanResult {
  std::vector<Source> sources;                       ///< sorted by file
  std::vector<std::vector<ScannedRef>> source_refs;  ///< parallel to sources
  std::vector<Target> targets;                       ///< sorted by request_url
  std::vector<Finding> findings;                     ///< in file order, then duplicate_slug
  ScanCounts counts;
};

/// Adds the usable references of one source to the targets keyed by request URL (creating
/// targets as needed); returns how many references did not clean into a URL.
std::size_t add_targets(const Source& source, const std::vector<ScannedRef>& refs,
                        std::map<std::string, Target>& by_request);

/// Scans one file, `relative` to `root` (what the `check` command needs).
FileScan scan_file(const std::filesystem::path& root, const std::filesystem::path& relative,
                   const ScanOptions& options);

/// Every .md file under root, as paths relative to root, sorted. Throws std::runtime_error when
/// root is not a readable directory.
std::vector<std::filesystem::path> content_files(const std::filesystem::path& root);

ScanResult scan_content(const std::filesystem::path& root, const ScanOptions& options);

/// The scan for a caller that records what it reads and then drops it (crawl), so memory holds
/// one slice of files instead of the whole tree. Files are read `slice_files` at a time, in
/// file order (with `first_slice_files`, the first slice has that many and each next one twice
/// the last, up to slice_files: a caller acting on each slice starts sooner); each slice reaches
/// `sink` as a ScanResult whose targets group only that slice's references (a URL cited from two
/// slices is a target of both) and whose findings include the duplicate_slug findings of its
/// sources, against every earlier file. Returns the counts of the whole scan but unique_targets and
/// hosts, which only the union of the slices knows.
ScanCounts scan_in_slices(const std::filesystem::path& root, const ScanOptions& options,
                          std::size_t slice_files, const std::function<void(ScanResult&)>& sink,
                          std::size_t first_slice_files = 0);

}  // namespace linkhealth
