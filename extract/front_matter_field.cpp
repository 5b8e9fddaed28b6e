#include "extract/front_matter_field.h"

#include <algorithm>

namespace linkhealth {

namespace {

/// Calls step(part) for each dot-separated part of `dotted` until one returns false.
template <typename Step>
bool each_part(std::string_view dotted, Step step) {
  for (std::size_t start = 0; start <= dotted.size();) {
    std::size_t end = dotted.find('.', start);
    if (end == std::string_view::npos) end = dotted.size();
    if (!step(dotted.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

FieldView find_field(const YAML::Node& root, std::string_view dotted) {
  // yaml-cpp's non-const operator[] inserts the key it looks for: only const lookups here.
  YAML::Node cur;
  cur.reset(root);
  const bool found = each_part(dotted, [&](std::string_view key) {
    if (!cur.IsMap()) return false;
    const YAML::Node& parent = cur;
    const YAML::Node next = parent[std::string(key)];
    if (!next.IsDefined()) return false;
    cur.reset(next);
    return true;
  });
  FieldView out;
  if (!found) return out;
  out.line = cur.Mark().line;
  out.offset = static_cast<std::size_t>(std::max(0, cur.Mark().pos));
  if (cur.IsScalar()) {
    out.kind = FieldKind::scalar;
    out.text = cur.Scalar();
  } else if (cur.IsSequence()) {
    out.kind = FieldKind::sequence;
    out.size = cur.size();
  } else {
    out.kind = cur.IsMap() ? FieldKind::map : FieldKind::null;
  }
  return out;
}

FieldView find_field(const PlainYaml& tree, std::string_view dotted) {
  std::size_t cur = 0;
  const bool found = each_part(dotted, [&](std::string_view key) {
    const auto& entries = tree.nodes[cur].entries;  // empty unless a map
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const auto& entry) { return entry.first == key; });
    if (it == entries.end()) return false;
    cur = it->second;
    return true;
  });
  FieldView out;
  if (!found) return out;
  const PlainNode& node = tree.nodes[cur];
  out.line = node.line;
  out.offset = node.offset;
  out.text = node.text;
  out.size = node.items.size();
  out.kind = node.kind == PlainKind::null     ? FieldKind::null
             : node.kind == PlainKind::scalar ? FieldKind::scalar
             : node.kind == PlainKind::map    ? FieldKind::map
                                              : FieldKind::sequence;
  return out;
}

}  // namespace linkhealth
