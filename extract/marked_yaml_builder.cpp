#include "extract/marked_yaml_builder.h"

#include <algorithm>
#include <numeric>

#include "extract/utf8.h"

namespace linkhealth {

MarkedYamlBuilder::Id MarkedYamlBuilder::add(std::string yaml, int line) {
  tokens_.push_back({std::move(yaml), std::max(0, line)});
  return tokens_.size() - 1;
}

MarkedYamlBuilder::Id MarkedYamlBuilder::add_string(std::string_view text, int line) {
  std::string yaml = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      yaml += '\\';
      yaml += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      // A raw line break would be folded into a space, a raw control character refused.
      yaml += "\\x" + hex_byte(c).substr(2);
    } else {
      yaml += c;  // UTF-8 passes through yaml-cpp's double-quoted scalars unchanged
    }
  }
  yaml += '"';
  return add(std::move(yaml), line);
}

YAML::Node MarkedYamlBuilder::build() const {
  std::vector<Id> order(tokens_.size());
  std::iota(order.begin(), order.end(), Id{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](Id a, Id b) { return tokens_[a].line < tokens_[b].line; });
  std::string text = "[";
  int line = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Token& token = tokens_[order[i]];
    if (i > 0) text += ", ";
    for (; line < token.line; ++line) text += '\n';
    text += token.yaml;
  }
  text += ']';

  const YAML::Node flat = YAML::Load(text);
  std::vector<YAML::Node> nodes(tokens_.size());
  for (std::size_t i = 0; i < order.size(); ++i) nodes[order[i]].reset(flat[i]);
  // A YAML::Node is a reference: inserting one links that very node, mark and all.
  for (const Link& link : links_) {
    if (link.key == kNoKey) {
      nodes[link.parent].push_back(nodes[link.child]);
    } else {
      nodes[link.parent].force_insert(nodes[link.key], nodes[link.child]);
    }
  }
  return nodes.empty() ? YAML::Node(YAML::NodeType::Map) : nodes[0];
}

}  // namespace linkhealth
