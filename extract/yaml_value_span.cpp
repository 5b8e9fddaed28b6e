#include "extract/yaml_value_span.h"

#include <algorithm>
#include <array>

#include "extract/ascii.h"
#include "extract/front_matter_field.h"
#include "extract/utf8.h"

namespace linkhealth {
namespace {

SpanLookup fail(std::string error) {
  return SpanLookup{std::nullopt, std::move(error)};
}

WrittenValue refuse(std::string error) {
  return WrittenValue{std::nullopt, std::move(error)};
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool is_break(char c) {
  return c == '\n' || c == '\r';
}

std::size_t line_end(std::string_view text, std::size_t from) {
  const std::size_t end = text.find_first_of("\r\n", from);
  return end == std::string_view::npos ? text.size() : end;
}

/// Offset just past the line break at `at` (CRLF or LF), or text.size().
std::size_t past_break(std::string_view text, std::size_t at) {
  if (at < text.size() && text[at] == '\r') ++at;
  if (at < text.size() && text[at] == '\n') ++at;
  return at;
}

/// Where a plain scalar's text on one line stops: a comment, the line end, a ": ", and in a
/// flow collection a flow indicator; trailing blanks excluded.
std::size_t plain_stop(std::string_view text, std::size_t from, bool in_flow) {
  std::size_t i = from;
  for (; i < text.size() && !is_break(text[i]); ++i) {
    const char c = text[i];
    if (c == '#' && i > from && is_blank(text[i - 1])) break;
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) break;
    if (c == ':' && (i + 1 == text.size() || is_blank(text[i + 1]) || is_break(text[i + 1]))) {
      break;
    }
  }
  while (i > from && is_blank(text[i - 1])) --i;
  return i;
}

/// A plain scalar over several lines reads as its lines joined by a space (blank lines as line
/// breaks): extends it line by line until the text read is the parsed value.
std::optional<std::size_t> plain_multi_line_end(std::string_view text, std::size_t begin,
                                                std::size_t first_end, const std::string& value) {
  std::string folded(text.substr(begin, first_end - begin));
  std::size_t breaks = 0;
  for (std::size_t at = past_break(text, line_end(text, first_end)); at < text.size();) {
    if (!value.starts_with(folded) || folded.size() >= value.size()) return std::nullopt;
    std::size_t start = at;
    while (start < text.size() && is_blank(text[start])) ++start;
    const std::size_t end = line_end(text, start);
    if (start == end) {
      ++breaks;
    } else {
      if (text[start] == '#') return std::nullopt;  // a comment line ends the scalar
      const std::size_t stop = plain_stop(text, start, false);
      if (stop != end && text[stop] == ':') return std::nullopt;  // the next key
      folded += breaks > 0 ? std::string(breaks, '\n') : std::string(" ");
      folded += text.substr(start, stop - start);
      breaks = 0;
      if (folded == value) return stop;
    }
    at = past_break(text, end);
  }
  return std::nullopt;
}

std::optional<std::size_t> double_quoted_end(std::string_view text, std::size_t begin) {
  for (std::size_t i = begin + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> single_quoted_end(std::string_view text, std::size_t begin) {
  for (std::size_t i = begin + 1; i < text.size(); ++i) {
    if (text[i] != '\'') continue;
    if (i + 1 < text.size() && text[i + 1] == '\'') {
      ++i;
    } else {
      return i + 1;
    }
  }
  return std::nullopt;
}

std::size_t indentation(std::string_view text, std::size_t line_start) {
  std::size_t i = line_start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - line_start;
}

/// A `|-` or `>-` block: its header line, then lines indented at least as much as the first
/// non-blank one. Only the strip chomping is taken: clip and keep add a final line break that
/// a URL never has.
SpanLookup block_span(std::string_view text, std::size_t begin, ValueSpan span) {
  const std::size_t header_end = line_end(text, begin);
  const std::string_view header = text.substr(begin, header_end - begin);
  const std::string_view indicators = header.substr(1, header.find_first_of(" \t#") - 1);
  if (indicators != "-") {
    return fail("a block value with header '" + std::string(header) +
                "' (only |- and >- blocks are rewritten)");
  }
  std::size_t content_indent = 0;
  std::size_t end = 0;
  for (std::size_t at = past_break(text, header_end); at < text.size();) {
    const std::size_t stop = line_end(text, at);
    const std::size_t indent = indentation(text, at);
    if (at + indent != stop) {  // not a blank line
      if (content_indent == 0) content_indent = indent;
      if (indent < content_indent || content_indent == 0) break;
      end = stop;
    }
    at = past_break(text, stop);
  }
  if (end == 0) return fail("an empty block value");
  span.begin = begin;
  span.end = end;
  return SpanLookup{std::move(span), {}};
}

struct UnicodeEscape {
  std::string_view escape;
  std::size_t bytes = 0;
};

/// A Unicode line break (NEL, LS, PS) or byte order mark at value[i], which YAML 1.1 readers
/// take for a line break or drop, with the escape that writes it in double quotes. (\N would do
/// for NEL, but yaml-cpp 0.7 reads it as the Latin-1 byte.)
std::optional<UnicodeEscape> unicode_break_or_bom(std::string_view value, std::size_t i) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kEscapes = {{
      {"\xC2\x85", "\\u0085"},
      {"\xE2\x80\xA8", "\\u2028"},
      {"\xE2\x80\xA9", "\\u2029"},
      {"\xEF\xBB\xBF", "\\uFEFF"},
  }};
  for (const auto& [bytes, escape] : kEscapes) {
    if (value.substr(i).starts_with(bytes)) return UnicodeEscape{escape, bytes.size()};
  }
  return std::nullopt;
}

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

bool has_control_or_break(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (is_control(value[i]) || unicode_break_or_bom(value, i)) return true;
  }
  return false;
}

std::string double_quoted(std::string_view value) {
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (is_control(c)) {
      out += "\\x" + hex_byte(c).substr(2);
    } else if (const auto unicode = unicode_break_or_bom(value, i)) {
      out += unicode->escape;
      i += unicode->bytes - 1;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string single_quoted(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

WrittenValue block_written(const ValueSpan& span, std::string_view text, std::string_view value) {
  if (value.empty() || is_blank(value.front()) || is_blank(value.back()) ||
      has_control_or_break(value)) {
    return refuse("a block value cannot hold this value on one line");
  }
  const std::size_t header_end = line_end(text, span.begin);
  const std::size_t first = past_break(text, header_end);
  std::size_t content = first;
  while (content < text.size() && indentation(text, content) + content == line_end(text, content)) {
    content = past_break(text, line_end(text, content));
  }
  const std::string eol(text.substr(header_end, first - header_end));
  return WrittenValue{std::string(text.substr(span.begin, header_end - span.begin)) + eol +
                          std::string(indentation(text, content), ' ') + std::string(value),
                      {}};
}

/// The span of `value`, the scalar at `field` whose node starts at `begin` of `text` (its
/// parser's mark), in a flow collection or not.
SpanLookup span_at(std::string_view text, std::size_t begin, bool in_flow, std::string value,
                   const std::string& field) {
  if (begin >= text.size()) return fail("no position for " + field);
  ValueSpan span{begin, begin, ValueStyle::YamlPlain, in_flow, std::move(value)};
  std::optional<std::size_t> end;
  switch (text[begin]) {
    case '"':
      span.style = ValueStyle::YamlDoubleQuoted;
      end = double_quoted_end(text, begin);
      break;
    case '\'':
      span.style = ValueStyle::YamlSingleQuoted;
      end = single_quoted_end(text, begin);
      break;
    case '|':
    case '>':
      span.style = text[begin] == '|' ? ValueStyle::YamlLiteral : ValueStyle::YamlFolded;
      return block_span(text, begin, std::move(span));
    case '&':
    case '*':
    case '!':
      return fail(field + " has an anchor, alias or tag");
    default: {
      const std::size_t stop = plain_stop(text, begin, in_flow);
      if (text.substr(begin, stop - begin) == span.value) {
        end = stop;
      } else if (!in_flow) {
        end = plain_multi_line_end(text, begin, stop, span.value);
      }
    }
  }
  if (!end) return fail("cannot find where the value of " + field + " ends");
  span.end = *end;
  return SpanLookup{std::move(span), {}};
}

}  // namespace

bool yaml_plain_reads_as_string(std::string_view value, bool in_flow) {
  if (value.empty()) return false;
  const char first = value.front();
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
  static constexpr std::array<std::string_view, 9> kWords = {"true", "false", "yes", "no",  "on",
                                                             "off",  "y",     "n",   "null"};
  const std::string lower = ascii_lower(value);
  if (std::find(kWords.begin(), kWords.end(), lower) != kWords.end()) return false;
  if (is_blank(value.back()) || value.back() == ':' || has_control_or_break(value)) return false;
  if (value.find(": ") != std::string_view::npos || value.find(":\t") != std::string_view::npos ||
      value.find(" #") != std::string_view::npos || value.find("\t#") != std::string_view::npos) {
    return false;
  }
  return !in_flow || value.find_first_of(",[]{}") == std::string_view::npos;
}

SpanLookup yaml_value_span(std::string_view text, const YAML::Node& root,
                           const std::string& field) {
  YAML::Node node;
  node.reset(root);
  bool in_flow = false;
  for (std::size_t start = 0; start <= field.size();) {
    std::size_t end = field.find('.', start);
    if (end == std::string::npos) end = field.size();
    if (!node.IsMap()) return fail(field + " is not in the front matter");
    const YAML::Node& parent = node;
    const YAML::Node next = parent[field.substr(start, end - start)];
    if (!next.IsDefined()) return fail(field + " is not in the front matter");
    in_flow = node.Style() == YAML::EmitterStyle::Flow;
    node.reset(next);
    start = end + 1;
  }
  if (!node.IsScalar()) return fail(field + " is not a string");
  const YAML::Mark mark = node.Mark();
  if (mark.pos < 0) return fail("no position for " + field);
  return span_at(text, static_cast<std::size_t>(mark.pos), in_flow, node.Scalar(), field);
}

SpanLookup yaml_value_span(std::string_view text, const PlainYaml& tree, const std::string& field) {
  const FieldView view = find_field(tree, field);
  if (view.kind == FieldKind::missing) return fail(field + " is not in the front matter");
  if (view.kind != FieldKind::scalar) return fail(field + " is not a string");
  // The plain layout has no flow map, so no value in one.
  return span_at(text, view.offset, false, view.text, field);
}

WrittenValue yaml_written_value(const ValueSpan& span, std::string_view text,
                                std::string_view value) {
  if (first_invalid_utf8(value)) return refuse("the new value is not UTF-8");
  switch (span.style) {
    case ValueStyle::YamlPlain:
      return WrittenValue{yaml_plain_reads_as_string(value, span.in_flow) ? std::string(value)
                                                                          : double_quoted(value),
                          {}};
    case ValueStyle::YamlSingleQuoted:
      if (has_control_or_break(value)) {
        return refuse("a single-quoted value cannot hold control characters or line breaks");
      }
      return WrittenValue{single_quoted(value), {}};
    case ValueStyle::YamlDoubleQuoted:
      return WrittenValue{double_quoted(value), {}};
    case ValueStyle::YamlLiteral:
    case ValueStyle::YamlFolded:
      return block_written(span, text, value);
    default:
      return refuse("not a YAML value");
  }
}

}  // namespace linkhealth
