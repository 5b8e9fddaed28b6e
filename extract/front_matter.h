#pragma once
// Finding and parsing the front matter of one content file, in the three formats Hugo reads:
// YAML between `---` lines, TOML between `+++` lines, and a JSON object at the start of the
// file. TOML and JSON become the same YAML::Node tree a YAML block gives, lines included (see
// marked_yaml_builder.h), so one reader and one set of caps serve all three. Every way a file
// can be bad (binary, not UTF-8, empty, no closing `---`, `+++` or `}`, malformed YAML, TOML or
// JSON, duplicate keys, an alias bomb) comes back as a FrontMatterError with a 1-based line,
// never as an exception.

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

enum class FrontMatterFormat { yaml, toml, json };

/// YAML between the leading `---` line and the next `---` (or `...`) line, TOML between the
/// leading `+++` line and the next `+++` line, or a JSON object from the file's first `{` to its
/// closing `}` (the braces included).
struct FrontMatterBlock {
  std::string text;
  int first_line = 2;  ///< file line of the first line of text
  FrontMatterFormat format = FrontMatterFormat::yaml;
  std::size_t offset = 0;  ///< byte offset of text in the file (after a BOM and the opening line)
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

/// The errors for the two caps, at file line `line`: shared by the YAML checks and the TOML and
/// JSON readers, so a cap reads the same in every format.
FrontMatterError too_many_nodes_error(const FrontMatterLimits& limits, int line);
FrontMatterError too_deep_error(const FrontMatterLimits& limits, int line);

/// Parses the block and checks the tree: YAML with yaml-cpp, TOML with toml++, JSON with
/// nlohmann-json (the last two become the same YAML tree, see marked_yaml_builder.h). Rejects
/// non-mappings, duplicate keys, documents that expand (through YAML aliases) to more than
/// limits.max_nodes nodes and nest deeper than limits.max_depth (yaml-cpp 0.7 itself stops at 500
/// levels of parser recursion). With keep_keys, only those top-level YAML entries are parsed (see
/// top_level_select.h): YAML errors inside the other entries then go unnoticed, which is what
/// makes a scan of the corpus fast; pass nullptr to check it all. TOML and JSON are always read
/// whole.
ParsedFrontMatter parse_front_matter(const FrontMatterBlock& block,
                                     const std::vector<std::string>* keep_keys = nullptr,
                                     const FrontMatterLimits& limits = {});

}  // namespace linkhealth
