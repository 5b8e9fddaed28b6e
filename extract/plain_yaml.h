#pragma once
// Speed: yaml-cpp costs a scan more CPU than anything else, yet almost every front matter block
// is the plain layout a YAML dumper writes. This reads that layout alone: block maps of plain
// keys (letters, digits, `_`, then also `-`, `.`, `/`) indented by spaces, the top level at any
// one indentation; block lists of scalars; plain scalars, single-quoted ones and double-quoted
// ones without a backslash, folded over lines indented deeper as yaml-cpp folds them; `[]`,
// `{}` and one-line lists of quoted scalars; comment and blank lines. Anything else returns
// nullopt and the caller lets yaml-cpp read the text: tabs, CR and other control bytes, other
// flow collections, anchors, aliases, tags, block scalars, escapes, document markers,
// directives, comments after a value, duplicate keys, uneven indentation, a map or list inside
// a list, nesting or node counts near the caps. What it accepts, it reads as yaml-cpp 0.7 does:
// tests/plain_yaml_test.cpp and tests/fuzz/plain_yaml_fuzz.cpp compare the two trees.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/front_matter.h"

namespace linkhealth {

enum class PlainKind { null, scalar, map, sequence };

struct PlainNode {
  PlainKind kind = PlainKind::null;
  std::string text;  ///< a scalar's value
  /// 0-based line in the YAML text, as yaml-cpp's Mark().line: a scalar's own line, a map's
  /// first key, a list's first `-`. A null's line is its key's (yaml-cpp marks it elsewhere).
  int line = 0;
  /// A scalar's first byte in the YAML text (its opening quote when quoted), as yaml-cpp's
  /// Mark().pos: where an edit finds the value.
  std::size_t offset = 0;
  bool quoted = false;  ///< a quoted scalar (yaml-cpp's tag "!"; a plain one's is "?")
  std::vector<std::pair<std::string, std::size_t>> entries;  ///< a map's keys -> node index
  std::vector<std::size_t> items;                            ///< a list's node indexes
};

struct PlainYaml {
  std::vector<PlainNode> nodes;  ///< nodes[0] is the root, always a map
};

/// The tree of a plain block, or nullopt when the text is not (only) the plain layout, or when
/// its nodes or nesting come near limits (yaml-cpp then reports the cap).
std::optional<PlainYaml> read_plain_yaml(std::string_view yaml, const FrontMatterLimits& limits);

}  // namespace linkhealth
