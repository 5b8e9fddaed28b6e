#pragma once
// Where one string value of a front matter block is written, byte for byte, and in which
// style: what `fix` needs to rewrite the value in place and leave every other byte alone. The
// format-specific readers (yaml_value_span.h, toml_value_span.h, json_value_span.h) find the
// span from the parser's position of the value and write a new value in the same style.

#include <cstddef>
#include <optional>
#include <string>

namespace linkhealth {

enum class ValueStyle {
  YamlPlain,
  YamlSingleQuoted,
  YamlDoubleQuoted,
  YamlLiteral,  ///< `|-` block
  YamlFolded,   ///< `>-` block
  TomlBasic,
  TomlLiteral,
  TomlMultiLineBasic,
  TomlMultiLineLiteral,
  JsonString,
};

/// Bytes [begin, end) of the block text hold the value, quotes and block header included.
struct ValueSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  ValueStyle style = ValueStyle::YamlPlain;
  bool in_flow = false;  ///< YAML: inside a `{...}` or `[...]` collection
  std::string value;     ///< the value as the parser read it
};

/// A span, or why the value cannot be rewritten in place.
struct SpanLookup {
  std::optional<ValueSpan> span;
  std::string error;
};

/// New bytes for a span, or why the value cannot be written in the span's style.
struct WrittenValue {
  std::optional<std::string> text;
  std::string error;
};

}  // namespace linkhealth
