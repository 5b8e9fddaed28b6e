#include "extract/toml_value_span.h"

#include <toml++/toml.h>

#include "extract/utf8.h"

namespace linkhealth {
namespace {

SpanLookup fail(std::string error) {
  return SpanLookup{std::nullopt, std::move(error)};
}

/// Byte offset of toml++'s 1-based line and column; columns count code points.
std::optional<std::size_t> offset_of(std::string_view text, const toml::source_position& at) {
  std::size_t offset = 0;
  for (toml::source_index line = 1; line < at.line; ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return std::nullopt;
    ++offset;
  }
  for (toml::source_index column = 1; column < at.column; ++column) {
    if (offset >= text.size()) return std::nullopt;
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return offset;
}

/// End of a string opened by `quote` at `begin`: past the closing quote(s). Basic strings
/// escape with a backslash; a multi-line string may end in up to two extra quotes.
std::optional<std::size_t> string_end(std::string_view text, std::size_t begin,
                                      std::string_view quote, bool escapes) {
  for (std::size_t i = begin + quote.size(); i < text.size(); ++i) {
    if (escapes && text[i] == '\\') {
      ++i;
    } else if (text.substr(i).starts_with(quote)) {
      std::size_t end = i + quote.size();
      for (int extra = 0;
           quote.size() == 3 && extra < 2 && end < text.size() && text[end] == quote.front();
           ++extra) {
        ++end;
      }
      return end;
    }
  }
  return std::nullopt;
}

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t') || byte == 0x7F;
}

std::string basic_escaped(std::string_view value) {
  std::string out;
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (is_control(c)) {
          out += "\\u00" + hex_byte(c).substr(2);
        } else {
          out += c;
        }
    }
  }
  return out;
}

bool literal_can_hold(std::string_view value) {
  for (const char c : value) {
    if (c == '\'' || c == '\t' || is_control(c)) return false;
  }
  return true;
}

}  // namespace

SpanLookup toml_value_span(std::string_view text, const std::string& field) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    return fail("TOML: " + std::string(e.description()));
  }
  const toml::node* node = &root;
  for (std::size_t start = 0; start <= field.size();) {
    std::size_t end = field.find('.', start);
    if (end == std::string::npos) end = field.size();
    const toml::table* table = node->as_table();
    node = table == nullptr ? nullptr : table->get(field.substr(start, end - start));
    if (node == nullptr) return fail(field + " is not in the front matter");
    start = end + 1;
  }
  const auto* string = node->as_string();
  if (string == nullptr) return fail(field + " is not a string");
  const auto begin = offset_of(text, node->source().begin);
  if (!begin || *begin >= text.size()) return fail("no position for " + field);
  ValueSpan span{*begin, *begin, ValueStyle::TomlBasic, false, string->get()};
  const std::string_view rest = text.substr(*begin);
  std::optional<std::size_t> end;
  if (rest.starts_with("\"\"\"")) {
    span.style = ValueStyle::TomlMultiLineBasic;
    end = string_end(text, *begin, "\"\"\"", true);
  } else if (rest.starts_with("'''")) {
    span.style = ValueStyle::TomlMultiLineLiteral;
    end = string_end(text, *begin, "'''", false);
  } else if (rest.starts_with('"')) {
    end = string_end(text, *begin, "\"", true);
  } else if (rest.starts_with('\'')) {
    span.style = ValueStyle::TomlLiteral;
    end = string_end(text, *begin, "'", false);
  }
  if (!end) return fail("cannot find where the value of " + field + " ends");
  span.end = *end;
  return SpanLookup{std::move(span), {}};
}

WrittenValue toml_written_value(const ValueSpan& span, std::string_view value) {
  if (first_invalid_utf8(value)) return WrittenValue{std::nullopt, "the new value is not UTF-8"};
  const bool literal = literal_can_hold(value);
  switch (span.style) {
    case ValueStyle::TomlLiteral:
      if (literal) return WrittenValue{"'" + std::string(value) + "'", {}};
      break;
    case ValueStyle::TomlMultiLineLiteral:
      if (literal) return WrittenValue{"'''" + std::string(value) + "'''", {}};
      [[fallthrough]];
    case ValueStyle::TomlMultiLineBasic:
      return WrittenValue{"\"\"\"" + basic_escaped(value) + "\"\"\"", {}};
    case ValueStyle::TomlBasic:
      break;
    default:
      return WrittenValue{std::nullopt, "not a TOML value"};
  }
  return WrittenValue{"\"" + basic_escaped(value) + "\"", {}};
}

}  // namespace linkhealth
