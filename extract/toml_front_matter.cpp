#include "extract/toml_front_matter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "extract/marked_yaml_builder.h"
#include "extract/toml_nesting.h"

namespace linkhealth {

namespace {

/// toml++ 3.3 runs out of an 8 MB stack somewhere past 20,000 levels; yaml-cpp stops at 500.
constexpr std::size_t kMaxTomlNesting = 500;

/// toml++ lines are 1-based, the builder's 0-based from the block's first line.
int builder_line(const toml::source_region& source) {
  return std::max(0, static_cast<int>(source.begin.line) - 1);
}

// A float stays a float in YAML's eyes: 1.0 is "1.0", not the integer "1"; infinities and NaN
// in YAML's spelling.
std::string float_text(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  std::string text(buf, end);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

/// Dates and times as toml++ prints them: RFC 3339 (`2021-03-04T10:00:00Z`).
template <typename T>
std::string printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

struct TreeBuild {
  MarkedYamlBuilder builder;
  FrontMatterLimits limits;
  int first_line = 2;
  std::size_t nodes = 0;
  std::optional<FrontMatterError> error;
};

using Id = MarkedYamlBuilder::Id;

std::optional<Id> add_node(const toml::node& node, int line, std::size_t depth, TreeBuild& tree);

std::optional<Id> add_table(const toml::table& table, int line, std::size_t depth,
                            TreeBuild& tree) {
  const Id map = tree.builder.add_map(line);
  for (const auto& [key, value] : table) {
    const int key_line = builder_line(key.source());
    const Id key_id = tree.builder.add_string(key.str(), key_line);
    // A [table] header can come long after the key's first use in [table.sub]: a YAML map
    // starts on its key's line.
    const int value_line = value.is_table() ? key_line : builder_line(value.source());
    const auto value_id = add_node(value, value_line, depth + 1, tree);
    if (!value_id) return std::nullopt;
    tree.builder.add_entry(map, key_id, *value_id);
  }
  return map;
}

std::optional<Id> add_node(const toml::node& node, int line, std::size_t depth, TreeBuild& tree) {
  if (++tree.nodes > tree.limits.max_nodes) {
    tree.error = too_many_nodes_error(tree.limits, tree.first_line + line);
    return std::nullopt;
  }
  if (depth > tree.limits.max_depth) {
    tree.error = too_deep_error(tree.limits, tree.first_line + line);
    return std::nullopt;
  }
  MarkedYamlBuilder& out = tree.builder;
  return node.visit([&](const auto& value) -> std::optional<Id> {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, toml::table>) {
      return add_table(value, line, depth, tree);
    } else if constexpr (std::is_same_v<T, toml::array>) {
      const Id list = out.add_list(line);
      for (const toml::node& item : value) {
        const auto item_id = add_node(item, builder_line(item.source()), depth + 1, tree);
        if (!item_id) return std::nullopt;
        out.add_item(list, *item_id);
      }
      return list;
    } else if constexpr (std::is_same_v<T, toml::value<std::string>>) {
      return out.add_string(value.get(), line);
    } else if constexpr (std::is_same_v<T, toml::value<int64_t>>) {
      return out.add_plain(std::to_string(value.get()), line);
    } else if constexpr (std::is_same_v<T, toml::value<double>>) {
      return out.add_plain(float_text(value.get()), line);
    } else if constexpr (std::is_same_v<T, toml::value<bool>>) {
      return out.add_plain(value.get() ? "true" : "false", line);
    } else {
      return out.add_plain(printed(value.get()), line);  // date, time, date_time
    }
  });
}

}  // namespace

ParsedFrontMatter toml_front_matter_tree(const FrontMatterBlock& block,
                                         const FrontMatterLimits& limits) {
  ParsedFrontMatter out;
  if (const auto deep = toml_nesting_over(block.text, kMaxTomlNesting)) {
    out.error = FrontMatterError{
        "front matter nests too deep for the TOML parser (over " + std::to_string(kMaxTomlNesting) +
            " levels; the max_yaml_depth cap is " + std::to_string(limits.max_depth) + ")",
        block.first_line + *deep - 1};
    return out;
  }
  toml::table table;
  try {
    table = toml::parse(block.text);
  } catch (const toml::parse_error& e) {
    out.error = FrontMatterError{"TOML: " + std::string(e.description()),
                                 block.first_line + builder_line(e.source())};
    return out;
  }
  TreeBuild tree{MarkedYamlBuilder{}, limits, block.first_line, 0, std::nullopt};
  // The root has no node of its own in toml++; it is the block's first line.
  if (!add_node(table, 0, 0, tree)) {
    out.error = tree.error;
    return out;
  }
  out.root = tree.builder.build();
  return out;
}

}  // namespace linkhealth
