#include "extract/top_level_select.h"

#include <algorithm>
#include <set>

namespace linkhealth {

namespace {

struct KeyLine {
  std::string key;         ///< quotes removed
  std::string_view value;  ///< the rest of the line after the ':'
};

/// A column-0 `key: value` line, or nullopt when the line is not a plain top-level key line.
std::optional<KeyLine> top_level_key(std::string_view line) {
  const char c = line[0];
  if (c == '\'' || c == '"') {
    const auto close = line.find(c, 1);
    if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != ':') {
      return std::nullopt;
    }
    // A backslash escape ("a\": b": c) can hide where a double-quoted key really ends (a
    // single-quoted key's '' is never followed by ':'): leave it to yaml-cpp.
    const std::string_view key = line.substr(1, close - 1);
    if (c == '"' && key.find('\\') != std::string_view::npos) return std::nullopt;
    return KeyLine{std::string(key), line.substr(close + 2)};
  }
  // Characters that start flow collections, anchors, tags, aliases, directives, complex keys.
  if (std::string_view("[]{}&*!|>%@`?,-#\t ").find(c) != std::string_view::npos) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\r')) {
      return KeyLine{std::string(line.substr(0, i)), line.substr(i + 1)};
    }
    if (line[i] == '#' && i > 0 && line[i - 1] == ' ') break;
  }
  return std::nullopt;
}

/// True when the value after `key:` ends on this line: a quoted scalar is closed, a flow
/// collection is closed. Block scalars and plain values continue on indented lines.
bool value_ends_on_line(std::string_view value) {
  while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.remove_suffix(1);
  const auto first = value.find_first_not_of(' ');
  if (first == std::string_view::npos) return true;
  value.remove_prefix(first);
  switch (value[0]) {
    case '\'':
      return value.size() > 1 && std::count(value.begin(), value.end(), '\'') % 2 == 0;
    case '"':
      return value.size() > 1 && value.back() == '"' && value[value.size() - 2] != '\\';
    case '[':
      return value.back() == ']';
    case '{':
      return value.back() == '}';
    default:
      return true;
  }
}

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \r");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::optional<std::string> select_top_level(std::string_view yaml,
                                            const std::vector<std::string>& keep) {
  std::string out;
  out.reserve(yaml.size() / 4);
  std::set<std::string, std::less<>> seen;
  bool keeping = false;
  bool in_entry = false;
  for (std::size_t at = 0; at < yaml.size();) {
    std::size_t end = yaml.find('\n', at);
    if (end == std::string_view::npos) end = yaml.size();
    const std::string_view line = yaml.substr(at, end - at);
    at = end + 1;
    if (!in_entry && !line.empty() && line[0] == ' ' && !is_blank_or_comment(line)) {
      return std::nullopt;  // an indented top level (" title: x"): let yaml-cpp handle it
    }
    if (!line.empty() && line[0] != ' ' && !is_blank_or_comment(line)) {
      if (line[0] == '-' && (line.size() == 1 || line[1] == ' ' || line[1] == '\r')) {
        if (!in_entry) return std::nullopt;  // a top-level sequence: not a mapping
      } else {
        auto entry = top_level_key(line);
        if (!entry || !value_ends_on_line(entry->value) || !seen.insert(entry->key).second) {
          return std::nullopt;
        }
        keeping = std::find(keep.begin(), keep.end(), entry->key) != keep.end();
        in_entry = true;
      }
    }
    if (keeping) out += line;
    out += '\n';
  }
  return out;
}

}  // namespace linkhealth
