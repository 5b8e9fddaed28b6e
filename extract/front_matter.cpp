#include "extract/front_matter.h"

#include <algorithm>
#include <map>

#include <yaml-cpp/depthguard.h>

#include "extract/json_front_matter.h"
#include "extract/toml_front_matter.h"
#include "extract/top_level_select.h"
#include "extract/utf8.h"

namespace linkhealth {

namespace {

int line_of(std::string_view text, std::size_t pos) {
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

/// The line without its terminator and trailing blanks.
std::string_view bare_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

std::string_view first_line_of(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

struct WalkState {
  std::size_t visited = 0;
  FrontMatterLimits limits;
  int first_line = 0;
};

std::optional<FrontMatterError> walk(const YAML::Node& node, WalkState& state, std::size_t depth) {
  if (++state.visited > state.limits.max_nodes) {
    return too_many_nodes_error(state.limits, state.first_line);
  }
  if (depth > state.limits.max_depth) {
    return too_deep_error(state.limits, state.first_line + node.Mark().line);
  }
  if (node.IsMap()) {
    std::map<std::string, int> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const int line = state.first_line + it->first.Mark().line;
      if (it->first.IsScalar()) {
        auto [pos, fresh] = seen.emplace(it->first.Scalar(), line);
        if (!fresh) {
          return FrontMatterError{"duplicate key '" + it->first.Scalar() + "' (first on line " +
                                      std::to_string(pos->second) + ")",
                                  line};
        }
      }
      if (auto err = walk(it->second, state, depth + 1)) return err;
    }
  } else if (node.IsSequence()) {
    for (const auto& child : node) {
      if (auto err = walk(child, state, depth + 1)) return err;
    }
  }
  return std::nullopt;
}

/// The block between the opening `fence` line and the next `fence` line (for YAML also a
/// `...` line).
FrontMatterSplit split_fenced(std::string_view text, FrontMatterFormat format,
                              std::string_view fence) {
  FrontMatterSplit out;
  std::size_t pos = text.find('\n');
  const std::size_t start = pos == std::string_view::npos ? text.size() : pos + 1;
  for (std::size_t at = start; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = bare_line(text.substr(at, end - at));
    if (line == fence || (format == FrontMatterFormat::yaml && line == "...")) {
      out.block = FrontMatterBlock{std::string(text.substr(start, at - start)), 2, format, start};
      return out;
    }
    at = end + 1;
  }
  out.error =
      FrontMatterError{"unterminated front matter: no closing " + std::string(fence) + " line", 1};
  return out;
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit out;
  const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  text.remove_prefix(bom);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.error = FrontMatterError{"empty file", 1};
    return out;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    out.error = FrontMatterError{"binary file (NUL byte), not Markdown", line_of(text, nul)};
    return out;
  }
  if (auto bad = first_invalid_utf8(text)) {
    out.error = FrontMatterError{"not valid UTF-8 (byte " + hex_byte(text[*bad]) + ")",
                                 line_of(text, *bad)};
    return out;
  }
  const std::string_view opener = bare_line(first_line_of(text));
  // A CR left inside the first line: only CR-only line ends put one there.
  const bool cr_only = opener.find('\r') != std::string_view::npos;
  if (opener.starts_with("---\r") || opener.starts_with("+++\r") ||
      (text.starts_with('{') && cr_only)) {
    // Classic Mac line ends: without this the whole file reads as one line and the front
    // matter would be silently taken for Markdown.
    out.error =
        FrontMatterError{"front matter uses CR-only (classic Mac) line ends; use LF or CRLF", 1};
    return out;
  }
  if (opener == "---" || opener == "+++") {
    out = split_fenced(text, opener == "---" ? FrontMatterFormat::yaml : FrontMatterFormat::toml,
                       opener);
    if (out.block) out.block->offset += bom;
    return out;
  }
  if (text.starts_with('{')) {
    // Hugo's rule: a file that starts with `{` starts with a JSON object.
    if (const auto end = json_front_matter_end(text)) {
      out.block =
          FrontMatterBlock{std::string(text.substr(0, *end)), 1, FrontMatterFormat::json, bom};
    } else {
      out.error = FrontMatterError{"unterminated JSON front matter: no closing }", 1};
    }
  }
  return out;  // no front matter when no block was cut
}

FrontMatterError too_many_nodes_error(const FrontMatterLimits& limits, int line) {
  return FrontMatterError{"front matter expands to more than " + std::to_string(limits.max_nodes) +
                              " YAML nodes (the max_yaml_nodes cap; an alias bomb or a huge list)",
                          line};
}

FrontMatterError too_deep_error(const FrontMatterLimits& limits, int line) {
  return FrontMatterError{"front matter nests deeper than " + std::to_string(limits.max_depth) +
                              " levels (the max_yaml_depth cap)",
                          line};
}

namespace {

/// Checks a parsed tree: a mapping (an empty document gives an empty one), no duplicate keys,
/// within the caps.
ParsedFrontMatter checked(YAML::Node root, int first_line, const FrontMatterLimits& limits) {
  ParsedFrontMatter out{std::move(root), std::nullopt};
  if (out.root.IsNull()) {
    out.root = YAML::Node(YAML::NodeType::Map);
    return out;
  }
  if (!out.root.IsMap()) {
    out.error = FrontMatterError{"front matter is not a mapping of keys to values", first_line};
    return out;
  }
  WalkState state{0, limits, first_line};
  out.error = walk(out.root, state, 0);
  return out;
}

ParsedFrontMatter parse_yaml(const std::string& yaml, int first_line,
                             const FrontMatterLimits& limits) {
  ParsedFrontMatter out;
  try {
    out.root = YAML::Load(yaml);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard, before our walk sees the nodes; its message is just "bad file".
    out.error = FrontMatterError{
        "front matter nests too deep for the YAML parser (over " + std::to_string(e.depth()) +
            " levels; the max_yaml_depth cap is " + std::to_string(limits.max_depth) + ")",
        first_line + e.mark.line};
    return out;
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks an unclosed flow at end of input; point at the last YAML line instead.
    const int last_line =
        first_line + std::max(0, static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n')) - 1);
    const int line = e.mark.is_null() ? first_line : std::min(first_line + e.mark.line, last_line);
    out.error = FrontMatterError{"YAML: " + e.msg, line};
    return out;
  }
  return checked(std::move(out.root), first_line, limits);
}

}  // namespace

ParsedFrontMatter parse_front_matter(const FrontMatterBlock& block,
                                     const std::vector<std::string>* keep_keys,
                                     const FrontMatterLimits& limits) {
  if (block.format != FrontMatterFormat::yaml) {
    ParsedFrontMatter tree;
    try {
      tree = block.format == FrontMatterFormat::toml ? toml_front_matter_tree(block, limits)
                                                     : json_front_matter_tree(block, limits);
    } catch (const YAML::Exception& e) {
      // Only if marked_yaml_builder.cpp wrote text yaml-cpp cannot read: still a finding.
      tree.error = FrontMatterError{"YAML: " + e.msg, block.first_line};
    }
    if (tree.error) return tree;
    return checked(std::move(tree.root), block.first_line, limits);
  }
  if (keep_keys != nullptr) {
    if (auto selected = select_top_level(block.text, *keep_keys)) {
      auto fast = parse_yaml(*selected, block.first_line, limits);
      if (!fast.error) return fast;
      // An error in the selection (an alias to a skipped anchor, say): let the whole block
      // decide, so the fast path never reports an error the full parse would not.
    }
  }
  return parse_yaml(block.text, block.first_line, limits);
}

}  // namespace linkhealth
