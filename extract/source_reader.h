#pragma once
// One content file -> one Source. Reading is the only I/O here; everything that can go wrong
// with the file becomes a parse_error Finding naming the file and line.

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "extract/finding.h"
#include "extract/front_matter.h"
#include "extract/plain_yaml.h"
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

/// The top-level front matter keys a scan reads (see top_level_select.h).
std::vector<std::string> top_level_keys(const ScanOptions& options);

/// The plain reader's tree (plain_yaml.h) of a YAML block, read from the text
/// parse_front_matter would give yaml-cpp (the selected top-level entries when the selection
/// works, else the whole block); nullopt when yaml-cpp must read it, and always for TOML, JSON,
/// options.full_yaml_check or !options.plain_yaml_reader.
std::optional<PlainYaml> plain_front_matter(const FrontMatterBlock& block,
                                            const ScanOptions& options);

/// Builds the Source from file text already in memory (used by read_source and the tests).
SourceRead source_from_text(std::string_view text, const std::filesystem::path& relative,
                            const ScanOptions& options);

}  // namespace linkhealth
