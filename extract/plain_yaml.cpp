#include "extract/plain_yaml.h"

#include <algorithm>

namespace linkhealth {

namespace {

/// Far below yaml-cpp's own recursion guard (500), whatever max_yaml_depth says.
constexpr std::size_t kMaxPlainDepth = 32;

/// A line that is not blank.
struct Line {
  std::size_t indent = 0;    ///< leading spaces
  std::string_view content;  ///< the rest, trailing spaces removed
  int number = 0;            ///< 0-based line in the text
  int blanks_before = 0;     ///< blank lines right above it
  /// Starts with `#`: a comment between tokens, text inside a quoted scalar.
  bool comment() const { return content[0] == '#'; }
};

std::string_view without_trailing_spaces(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string_view without_leading_spaces(std::string_view s) {
  const auto first = s.find_first_not_of(' ');
  return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

/// The lines that are not blank, or nullopt on a byte yaml-cpp reads in a way this reader does
/// not model: tabs (indentation rules), CR (a line end only before LF), 0x04 (yaml-cpp's
/// end-of-stream marker) and the other control bytes.
std::optional<std::vector<Line>> text_lines(std::string_view yaml) {
  std::vector<Line> out;
  int number = 0;
  int blanks = 0;
  for (std::size_t at = 0; at <= yaml.size(); ++number) {
    std::size_t end = yaml.find('\n', at);
    if (end == std::string_view::npos) end = yaml.size();
    const std::string_view line = yaml.substr(at, end - at);
    at = end + 1;
    for (const char c : line) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return std::nullopt;
    }
    const std::string_view indented = without_leading_spaces(line);
    const std::string_view content = without_trailing_spaces(indented);
    if (content.empty()) {
      ++blanks;
      continue;
    }
    out.push_back({line.size() - indented.size(), content, number, blanks});
    blanks = 0;
  }
  return out;
}

/// Appends the text of a quoted scalar from `rest` (what follows its opening quote on the first
/// line, or one of its later lines) to `out`, with `''` read as a quote in single quotes (and
/// `escaped` set). Returns the index just past the closing quote, or npos when `rest` ends
/// before it.
std::size_t scan_quoted(std::string_view rest, char quote, std::string& out, bool& escaped) {
  for (std::size_t at = 0;;) {
    const auto close = rest.find(quote, at);
    out.append(rest.substr(at, close - at));
    if (close == std::string_view::npos) return close;
    if (quote == '\'' && close + 1 < rest.size() && rest[close + 1] == '\'') {
      out += '\'';
      escaped = true;
      at = close + 2;
      continue;
    }
    return close + 1;
  }
}

/// Letters, digits and `_`; after the first also `-`, `.` and `/` (none of them a YAML
/// indicator there).
bool is_key_char(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (!first && (c == '-' || c == '.' || c == '/'));
}

bool is_null_word(std::string_view s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_list_entry(std::string_view content) {
  return content == "-" || content.starts_with("- ");
}

struct KeyLine {
  std::string_view key;
  std::string_view value;  ///< after `: `, leading spaces removed; empty for `key:`
};

/// `key: value` or `key:` with a plain key that yaml-cpp reads as that string (not a null).
std::optional<KeyLine> key_line(std::string_view content) {
  std::size_t n = 0;
  while (n < content.size() && is_key_char(content[n], n == 0)) ++n;
  if (n == 0 || n == content.size() || content[n] != ':') return std::nullopt;
  if (n + 1 < content.size() && content[n + 1] != ' ') return std::nullopt;
  const std::string_view key = content.substr(0, n);
  if (is_null_word(key)) return std::nullopt;
  return KeyLine{key, without_leading_spaces(content.substr(n + 1))};
}

/// One line of a plain scalar: no `: ` or ` #` inside (a key or a comment would start there),
/// no `:` last, and on its first line not one of YAML's indicators first (`-`, `?` and `:`
/// only when a space follows, as in yaml-cpp's rule). yaml-cpp reads the lines that continue a
/// plain scalar as text whatever they start with, `- ` included; a line that starts with `#`
/// is a comment line and ends the scalar.
bool is_plain_line(std::string_view text, bool first) {
  if (first) {
    if (std::string_view(",[]{}#&*!|>'\"%@`").find(text[0]) != std::string_view::npos) {
      return false;
    }
    if (std::string_view("-?:").find(text[0]) != std::string_view::npos &&
        (text.size() == 1 || text[1] == ' ')) {
      return false;
    }
  }
  return text.find(": ") == std::string_view::npos && text.find(" #") == std::string_view::npos &&
         text.back() != ':';
}

class Reader {
 public:
  Reader(std::string_view yaml, std::vector<Line> lines, const FrontMatterLimits& limits)
      : yaml_(yaml), lines_(std::move(lines)), limits_(limits) {}

  std::optional<PlainYaml> read() {
    tree_.nodes.emplace_back().kind = PlainKind::map;
    if (const Line* first = peek()) {
      tree_.nodes[0].line = first->number;
      if (!read_map(0, first->indent, 0) || peek() != nullptr) return std::nullopt;
    }
    return std::move(tree_);
  }

 private:
  /// The next line that is not a comment (comments between tokens are whitespace to YAML).
  const Line* peek() {
    while (next_ < lines_.size() && lines_[next_].comment()) ++next_;
    return next_ < lines_.size() ? &lines_[next_] : nullptr;
  }

  /// A new node at `depth`, or nullopt when that would come near a cap.
  std::optional<std::size_t> add_node(std::size_t depth, int line) {
    if (depth >= std::min(limits_.max_depth, kMaxPlainDepth) ||
        tree_.nodes.size() + 1 >= limits_.max_nodes) {
      return std::nullopt;
    }
    tree_.nodes.emplace_back().line = line;
    return tree_.nodes.size() - 1;
  }

  /// The entries of the map `node` at `depth`: the key lines at `indent` from next_ on.
  bool read_map(std::size_t node, std::size_t indent, std::size_t depth) {
    std::vector<std::string_view> keys;
    for (const Line* line = peek(); line != nullptr && line->indent == indent; line = peek()) {
      ++next_;
      const auto entry = key_line(line->content);
      if (!entry) return false;
      keys.push_back(entry->key);
      const auto child = add_node(depth + 1, line->number);
      if (!child) return false;
      tree_.nodes[node].entries.emplace_back(std::string(entry->key), *child);
      if (!read_value(*child, entry->value, indent, depth + 1)) return false;
    }
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.begin(), keys.end()) != keys.end()) return false;
    // A line indented deeper than the entries, not opened by a `key:`: a continued value.
    const Line* after = peek();
    return after == nullptr || after->indent < indent;
  }

  /// The value of a `key:` at `indent`: on its line, a nested map or list, or null.
  bool read_value(std::size_t node, std::string_view value, std::size_t indent, std::size_t depth) {
    PlainNode& out = tree_.nodes[node];
    if (value == "{}") {
      out.kind = PlainKind::map;
      return true;
    }
    if (!value.empty()) {
      return value[0] == '[' ? read_flow_list(node, value, depth) : read_scalar(out, value, indent);
    }
    const Line* below = peek();
    if (below == nullptr) return true;  // null
    const bool list = is_list_entry(below->content);
    if (below->indent < indent || (below->indent == indent && !list)) return true;  // null
    out.line = below->number;
    out.kind = list ? PlainKind::sequence : PlainKind::map;
    return list ? read_list(node, below->indent, depth) : read_map(node, below->indent, depth);
  }

  /// The items of the list `node` at `depth`: `- scalar` lines at `indent` from next_ on.
  bool read_list(std::size_t node, std::size_t indent, std::size_t depth) {
    for (const Line* line = peek();
         line != nullptr && line->indent == indent && is_list_entry(line->content); line = peek()) {
      ++next_;
      const std::string_view value = without_leading_spaces(line->content.substr(1));
      if (value.empty()) return false;  // a null item or a nested block: left to yaml-cpp
      const auto child = add_node(depth + 1, line->number);
      if (!child) return false;
      tree_.nodes[node].items.push_back(*child);
      if (!read_scalar(tree_.nodes[*child], value, indent)) return false;
    }
    const Line* after = peek();
    return after == nullptr || after->indent <= indent;
  }

  /// A scalar starting on line `out.line` in a map or list at `indent`. A plain one goes on
  /// over the lines right below that are indented deeper, folded into one line as yaml-cpp
  /// does: each line trimmed, joined by a space. A blank or comment line ends it (yaml-cpp
  /// would keep a line break for a blank one), and read_map then refuses a deeper line after.
  bool read_scalar(PlainNode& out, std::string_view value, std::size_t indent) {
    out.offset = offset_of(value);
    if (value[0] == '\'' || value[0] == '"') return read_quoted(out, value, indent);
    if (!is_plain_line(value, true)) return false;
    out.kind = PlainKind::scalar;
    out.text = value;
    for (int last = out.line; next_ < lines_.size(); ++next_) {
      const Line& more = lines_[next_];
      if (more.number != last + 1 || more.comment() || more.indent <= indent) break;
      if (!is_plain_line(more.content, false)) return false;
      out.text += ' ';
      out.text += more.content;
      last = more.number;
    }
    if (is_null_word(out.text)) {
      out.kind = PlainKind::null;
      out.text.clear();
    }
    return true;
  }

  /// A quoted scalar starting on line `out.line` in a map or list at `indent`: `''` is a quote
  /// in single quotes, double quotes hold no backslash (escapes are yaml-cpp's), nothing
  /// follows the closing quote. It may go on over the lines below indented deeper (a line
  /// starting with `#` is text here), folded as yaml-cpp does: each line trimmed, joined by a
  /// space, or by one line break per blank line between them.
  bool read_quoted(PlainNode& out, std::string_view value, std::size_t indent) {
    out.kind = PlainKind::scalar;
    out.quoted = true;
    const char quote = value[0];
    bool escaped = false;
    std::string_view rest = value.substr(1);
    for (int last = out.line;;) {
      if (const auto end = scan_quoted(rest, quote, out.text, escaped);
          end != std::string_view::npos) {
        if (end != rest.size()) return false;
        break;
      }
      if (next_ == lines_.size()) return false;
      const Line& more = lines_[next_++];
      if (more.number - more.blanks_before != last + 1 || more.indent <= indent) return false;
      out.text +=
          more.blanks_before == 0 ? std::string(" ") : std::string(more.blanks_before, '\n');
      rest = more.content;
      last = more.number;
    }
    if (quote == '"' && out.text.find('\\') != std::string::npos) return false;
    if (!out.text.empty() && out.text.back() == '\n') {
      // yaml-cpp keeps one of the line breaks a quoted scalar ends with (counted from the last
      // '' when there is one: left to it).
      if (escaped) return false;
      const auto kept = out.text.find_last_not_of('\n');
      out.text.erase(kept == std::string::npos ? 0 : kept + 2);
    }
    return true;
  }

  /// A list written on one line, `[]` or quoted scalars between `[` and `]` separated by
  /// commas: `['a', "b"]`. (Plain scalars in a flow list end at other characters than in a
  /// block, and a `:` after an item makes a map: left to yaml-cpp.)
  bool read_flow_list(std::size_t node, std::string_view value, std::size_t depth) {
    tree_.nodes[node].kind = PlainKind::sequence;
    if (value == "[]") return true;
    for (std::size_t at = 1; at < value.size();) {
      at = value.find_first_not_of(' ', at);
      if (at == std::string_view::npos || (value[at] != '\'' && value[at] != '"')) return false;
      const auto child = add_node(depth + 1, tree_.nodes[node].line);
      if (!child) return false;
      tree_.nodes[node].items.push_back(*child);
      PlainNode& item = tree_.nodes[*child];
      item.kind = PlainKind::scalar;
      item.offset = offset_of(value.substr(at));
      item.quoted = true;
      bool escaped = false;
      const auto end = scan_quoted(value.substr(at + 1), value[at], item.text, escaped);
      if (end == std::string_view::npos) return false;
      if (value[at] == '"' && item.text.find('\\') != std::string::npos) return false;
      at += 1 + end;
      if (at + 1 == value.size() && value[at] == ']') return true;
      if (at >= value.size() || value[at] != ',') return false;
      ++at;
    }
    return false;
  }

  /// Where `part`, a view into the text, starts in it.
  std::size_t offset_of(std::string_view part) const {
    return static_cast<std::size_t>(part.data() - yaml_.data());
  }

  std::string_view yaml_;
  std::vector<Line> lines_;
  FrontMatterLimits limits_;
  PlainYaml tree_;
  std::size_t next_ = 0;
};

}  // namespace

std::optional<PlainYaml> read_plain_yaml(std::string_view yaml, const FrontMatterLimits& limits) {
  auto lines = text_lines(yaml);
  if (!lines) return std::nullopt;
  return Reader(yaml, std::move(*lines), limits).read();
}

}  // namespace linkhealth
