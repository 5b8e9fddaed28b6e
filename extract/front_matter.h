#pragma once
// Finding and parsing the YAML front matter of one content file. Every way a file can be bad
// (binary, not UTF-8, empty, TOML `+++`, no closing `---`, malformed YAML, duplicate keys, an
// alias bomb) comes back as a FrontMatterError with a 1-based line, never as an exception.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// Caps that keep one hostile file from taking the scan's memory or stack.
struct FrontMatterLimits {
  std::size_t max_nodes = 100000;  ///< YAML nodes after alias expansion (billion laughs)
  std::size_t max_depth = 64;      ///< nesting of maps and lists
};

/// Parses the block with yaml-cpp, rejecting non-mappings, duplicate keys, documents that
/// expand (through aliases) to more than limits.max_nodes nodes and nest deeper than
/// limits.max_depth (yaml-cpp 0.7 itself stops at 500 levels of parser recursion). With keep_keys,
/// only those top-level entries are parsed (see top_level_select.h): YAML errors inside the other
/// entries then go unnoticed, which is what makes a scan of the corpus fast; pass nullptr to check
/// it all.
ParsedFrontMatter parse_front_matter(const FrontMatterBlock& block,
                                     const std::vector<std::string>* keep_keys = nullptr,
                                     const FrontMatterLimits& limits = {});

}  // namespace linkhealth
