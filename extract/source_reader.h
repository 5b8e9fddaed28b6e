#pragma once
// One content file -> one Source. Reading is the only I/O here; everything that can go wrong
// with the file becomes a parse_error Finding naming the file and line.

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "extract/finding.h"
#include "extract/scan_options.h"
#include "extract/source.h"

namespace linkhealth {

struct SourceRead {
  std::optional<Source> source;   ///< nullopt when the file could not be used
  bool has_front_matter = false;  ///< false for Markdown without a leading --- block
  bool expects_link = false;      ///< a curated article (or old-schema `link:` key)
  std::vector<Finding> findings;  ///< parse_error, or invalid_url for a non-string URL field
};

/// The bytes of root/relative, or the parse_error finding (naming `relative`) that says why they
/// cannot be used: unreadable, or over max_file_bytes (then not read at all).
std::variant<std::string, Finding> read_content_bytes(const std::filesystem::path& root,
                                                      const std::filesystem::path& relative,
                                                      std::uintmax_t max_file_bytes);

/// Reads root/relative. `relative` is also what findings and Source::file name.
SourceRead read_source(const std::filesystem::path& root, const std::filesystem::path& relative,
                       const ScanOptions& options);

/// Builds the Source from file text already in memory (used by read_source and the tests).
SourceRead source_from_text(std::string_view text, const std::filesystem::path& relative,
                            const ScanOptions& options);

}  // namespace linkhealth
