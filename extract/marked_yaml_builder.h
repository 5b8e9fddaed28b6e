#pragma once
// TOML and JSON front matter become the same YAML::Node tree that YAML front matter gives, so
// one reader serves all three formats. The reader takes the lines of its findings from the
// nodes' marks, and yaml-cpp only sets marks on nodes it parses from text. Writing the whole tree
// as YAML text cannot always put each node on its line (TOML may write a table in pieces:
// [a], [b], then [a.c]), so this has yaml-cpp parse one flat list holding every node in line
// order, each on the line it came from, and then links those nodes into the tree.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

class MarkedYamlBuilder {
 public:
  using Id = std::size_t;

  // Lines are 0-based from the first line of the front matter block, like yaml-cpp's marks.
  Id add_map(int line) { return add("{}", line); }
  Id add_list(int line) { return add("[]", line); }
  /// Any UTF-8 text, control characters included, comes back unchanged.
  Id add_string(std::string_view text, int line);
  /// A number, boolean, date or `null` as a plain scalar (`null` gives a null node). The text
  /// must be YAML-inert: digits, letters, and '.', ':', '-', '+' not followed by a space.
  Id add_plain(std::string_view text, int line) { return add(std::string(text), line); }

  void add_entry(Id map, Id key, Id value) { links_.push_back({map, key, value}); }
  void add_item(Id list, Id value) { links_.push_back({list, kNoKey, value}); }

  /// The tree rooted at the first node added. Throws YAML::Exception only if this class wrote
  /// text yaml-cpp cannot read.
  YAML::Node build() const;

 private:
  static constexpr Id kNoKey = static_cast<Id>(-1);
  struct Token {
    std::string yaml;
    int line = 0;
  };
  struct Link {
    Id parent;
    Id key;  ///< kNoKey for a list item
    Id child;
  };

  Id add(std::string yaml, int line);

  std::vector<Token> tokens_;
  std::vector<Link> links_;
};

}  // namespace linkhealth
