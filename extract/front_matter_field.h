#pragma once
// One front matter field as the source reader needs it, found by dotted path ("link.href") in
// either tree a block can be read into: the plain reader's (plain_yaml.h) or yaml-cpp's. The
// reader looks every field up through this, so both trees give a Source the same way.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/plain_yaml.h"

namespace linkhealth {

enum class FieldKind { missing, null, scalar, map, sequence };

struct FieldView {
  FieldKind kind = FieldKind::missing;
  std::string text;        ///< a scalar's value
  std::size_t size = 0;    ///< a list's length
  int line = 0;            ///< 0-based line in the YAML text (yaml-cpp's Mark().line)
  std::size_t offset = 0;  ///< a scalar's first byte in the YAML text (yaml-cpp's Mark().pos)
};

/// The field at `dotted` (each part a key of a map), without adding nodes to the tree.
FieldView find_field(const YAML::Node& root, std::string_view dotted);
FieldView find_field(const PlainYaml& tree, std::string_view dotted);

}  // namespace linkhealth
