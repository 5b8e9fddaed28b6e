#include "extract/plain_yaml_compare.h"

#include <vector>

#include "extract/top_level_select.h"
#include "extract/yaml_value_span.h"

namespace linkhealth {
namespace {

/// Node `b` of `before` against node `a` of `after`, at dotted `path` (as
/// front_matter_edit.cpp names yaml-cpp's nodes: `[]` for a list item).
bool same_node(const PlainYaml& before, std::size_t b, const PlainYaml& after, std::size_t a,
               const std::string& path, const EditedValues& edited) {
  const PlainNode& was = before.nodes[b];
  const PlainNode& now = after.nodes[a];
  if (const auto it = edited.find(path); it != edited.end()) {
    return now.kind == PlainKind::scalar && now.text == it->second &&
           (now.quoted || yaml_plain_reads_as_string(it->second, false));
  }
  if (was.kind != now.kind || was.quoted != now.quoted || was.text != now.text ||
      was.entries.size() != now.entries.size() || was.items.size() != now.items.size()) {
    return false;
  }
  for (std::size_t i = 0; i < was.items.size(); ++i) {
    if (!same_node(before, was.items[i], after, now.items[i], path + "[]", edited)) return false;
  }
  for (std::size_t i = 0; i < was.entries.size(); ++i) {
    const std::string& key = was.entries[i].first;
    if (key != now.entries[i].first) return false;
    const std::string child = path.empty() ? key : path + "." + key;
    if (!same_node(before, was.entries[i].second, after, now.entries[i].second, child, edited)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool plain_edit_reads_alike(const PlainYaml& before, const PlainYaml& after,
                            const EditedValues& edited) {
  return same_node(before, 0, after, 0, "", edited);
}

bool plain_selection_reads_alike(std::string_view after_text, const PlainYaml& before,
                                 const PlainYaml& after) {
  std::vector<std::string> keys;
  for (const auto& entry : before.nodes[0].entries) keys.push_back(entry.first);
  const auto selected = select_top_level(after_text, keys);
  if (!selected || *selected == after_text) return true;  // a scan reads the whole block
  const auto part = read_plain_yaml(*selected, {});
  if (!part) return false;
  // Every top-level key of `before` is kept, and the trees agree on them: the same entries in
  // the same order.
  return part->nodes[0].entries.size() == after.nodes[0].entries.size() &&
         same_node(after, 0, *part, 0, "", {});
}

}  // namespace linkhealth
