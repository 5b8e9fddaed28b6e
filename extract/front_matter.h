#pragma once
// Finding and parsing the YAML front matter of one content file. Every way a file can be bad
// (binary, not UTF-8, empty, TOML `+++`, no closing `---`, malformed YAML, duplicate keys, an
// alias bomb) comes back as a FrontMatterError with a 1-based line, never as an exception.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

struct FrontMatterError {
  std::string message;
  int line = 1;
};

/// The YAML text between the leading `---` line and the next `---` (or `...`) line.
struct FrontMatterBlock {
  std::string yaml;
  int first_line = 2;  ///< file line of the first YAML line
};

struct FrontMatterSplit {
  std::optional<FrontMatterBlock> block;  ///< set when the file has front matter
  std::optional<FrontMatterError> error;  ///< set when the file is unusable
  // Neither set: the file has no front matter (counted, not an error).
};

/// Checks the bytes (empty, binary, UTF-8; a UTF-8 BOM is skipped) and cuts out the block.
FrontMatterSplit split_front_matter(std::string_view text);

struct ParsedFrontMatter {
  YAML::Node root;  ///< a mapping (an empty block gives an empty mapping)
  std::optional<FrontMatterError> error;
};

/// Parses the block with yaml-cpp, rejecting non-mappings, duplicate keys and documents that
/// expand (through aliases) to more than max_nodes nodes.
ParsedFrontMatter parse_front_matter(const FrontMatterBlock& block, std::size_t max_nodes = 100000);

}  // namespace linkhealth
