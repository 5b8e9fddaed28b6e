#include "extract/front_matter.h"

#include <algorithm>
#include <map>

#include <yaml-cpp/depthguard.h>

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
    return FrontMatterError{
        "front matter expands to more than " + std::to_string(state.limits.max_nodes) +
            " YAML nodes (the max_yaml_nodes cap; an alias bomb or a huge list)",
        state.first_line};
  }
  if (depth > state.limits.max_depth) {
    return FrontMatterError{"front matter nests deeper than " +
                                std::to_string(state.limits.max_depth) +
                                " levels (the max_yaml_depth cap)",
                            state.first_line + node.Mark().line};
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

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
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
  if (opener == "+++") {
    out.error =
        FrontMatterError{"TOML front matter (+++) is not supported; use YAML between --- lines", 1};
    return out;
  }
  if (opener.starts_with("---\r")) {
    // Classic Mac line ends: without this the whole file reads as one line and the front
    // matter would be silently taken for Markdown.
    out.error =
        FrontMatterError{"front matter uses CR-only (classic Mac) line ends; use LF or CRLF", 1};
    return out;
  }
  if (opener != "---") return out;  // no front matter

  std::size_t pos = text.find('\n');
  const std::size_t start = pos == std::string_view::npos ? text.size() : pos + 1;
  for (std::size_t at = start; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = bare_line(text.substr(at, end - at));
    if (line == "---" || line == "...") {
      out.block = FrontMatterBlock{std::string(text.substr(start, at - start)), 2};
      return out;
    }
    at = end + 1;
  }
  out.error = FrontMatterError{"unterminated front matter: no closing --- line", 1};
  return out;
}

namespace {

ParsedFrontMatter parse_yaml(const std::string& yaml, const FrontMatterBlock& block,
                             const FrontMatterLimits& limits) {
  ParsedFrontMatter out;
  try {
    out.root = YAML::Load(yaml);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard, before our walk sees the nodes; its message is just "bad file".
    out.error = FrontMatterError{
        "front matter nests too deep for the YAML parser (over " + std::to_string(e.depth()) +
            " levels; the max_yaml_depth cap is " + std::to_string(limits.max_depth) + ")",
        block.first_line + e.mark.line};
    return out;
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks an unclosed flow at end of input; point at the last YAML line instead.
    const int last_line =
        block.first_line +
        std::max(0, static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n')) - 1);
    const int line =
        e.mark.is_null() ? block.first_line : std::min(block.first_line + e.mark.line, last_line);
    out.error = FrontMatterError{"YAML: " + e.msg, line};
    return out;
  }
  if (out.root.IsNull()) {
    out.root = YAML::Node(YAML::NodeType::Map);
    return out;
  }
  if (!out.root.IsMap()) {
    out.error =
        FrontMatterError{"front matter is not a mapping of keys to values", block.first_line};
    return out;
  }
  WalkState state{0, limits, block.first_line};
  out.error = walk(out.root, state, 0);
  return out;
}

}  // namespace

ParsedFrontMatter parse_front_matter(const FrontMatterBlock& block,
                                     const std::vector<std::string>* keep_keys,
                                     const FrontMatterLimits& limits) {
  if (keep_keys != nullptr) {
    if (auto selected = select_top_level(block.yaml, *keep_keys)) {
      auto fast = parse_yaml(*selected, block, limits);
      if (!fast.error) return fast;
      // An error in the selection (an alias to a skipped anchor, say): let the whole block
      // decide, so the fast path never reports an error the full parse would not.
    }
  }
  return parse_yaml(block.yaml, block, limits);
}

}  // namespace linkhealth
