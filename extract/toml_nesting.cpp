#include "extract/toml_nesting.h"

#include <vector>

namespace linkhealth {

namespace {

/// Index just past the string that starts at text[at] (a quote), or text.size() when it is not
/// closed. A single-line string stops before an unescaped line break (toml++ reports it).
std::size_t skip_string(std::string_view text, std::size_t at, int& line) {
  const char quote = text[at];
  const std::string_view triple = quote == '"' ? "\"\"\"" : "'''";
  const bool multi_line = text.substr(at, 3) == triple;
  std::size_t i = at + (multi_line ? 3 : 1);
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\' && quote == '"') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
      i += 2;
      continue;
    }
    if (c == '\n') {
      if (!multi_line) return i;
      ++line;
    } else if (c == quote) {
      if (!multi_line) return i + 1;
      if (text.substr(i, 3) == triple) {
        // """a"""" is a" : a run of up to five quotes ends with the closing three.
        std::size_t end = i + 3;
        for (int extra = 0; extra < 2 && end < text.size() && text[end] == quote; ++extra) ++end;
        return end;
      }
    }
    ++i;
  }
  return i;
}

/// The nesting of the `[table]` or `[[array.of.tables]]` header at text[at]; `at` is left on
/// its last character.
std::size_t header_depth(std::string_view text, std::size_t& at, int& line) {
  std::size_t depth = 1;
  if (at + 1 < text.size() && text[at + 1] == '[') {
    ++depth;  // the array, then the table in it
    ++at;
  }
  for (++at; at < text.size() && text[at] != ']' && text[at] != '\n'; ++at) {
    if (text[at] == '"' || text[at] == '\'') {
      at = skip_string(text, at, line) - 1;
    } else if (text[at] == '.') {
      ++depth;
    }
  }
  if (at < text.size() && text[at] == '\n') --at;  // the caller counts the line break
  return depth;
}

}  // namespace

std::optional<int> toml_nesting_over(std::string_view toml, std::size_t limit) {
  struct Open {
    char bracket;
    std::size_t depth;  ///< of the key or value the bracket opened in
  };
  std::vector<Open> open;  // inline tables and arrays open now
  std::size_t table = 0;   // depth of the current [table]
  std::size_t depth = 0;   // depth of the key or value being read
  bool in_key = true;      // dots separate keys here, in a value they are decimals
  bool line_start = true;  // only blanks so far on a line outside any bracket
  int line = 1;
  for (std::size_t i = 0; i < toml.size(); ++i) {
    const char c = toml[i];
    if (c == '\n') {
      ++line;
      if (open.empty()) {
        in_key = true;
        depth = table;
        line_start = true;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    const bool header = line_start && open.empty() && c == '[';
    line_start = false;
    if (header) {
      table = header_depth(toml, i, line);
      depth = table;
    } else if (c == '#') {
      i = toml.find('\n', i);
      if (i == std::string_view::npos) break;
      --i;  // the line break is counted above
    } else if (c == '"' || c == '\'') {
      i = skip_string(toml, i, line) - 1;
    } else if (c == '[' || c == '{') {
      open.push_back({c, depth});
      ++depth;
      in_key = c == '{';
    } else if ((c == ']' || c == '}') && !open.empty()) {
      depth = open.back().depth;
      open.pop_back();
      in_key = false;
    } else if (c == ',' && !open.empty()) {
      depth = open.back().depth + 1;
      in_key = open.back().bracket == '{';
    } else if (c == '=') {
      in_key = false;
    } else if (c == '.' && in_key) {
      ++depth;
    }
    if (depth > limit) return line;
  }
  return std::nullopt;
}

}  // namespace linkhealth
