#pragma once
// The span of a TOML string value, from the position toml++ gives its node, and a new value
// written in the span's quoting: basic strings stay basic, literal strings stay literal when
// they can hold the value (a literal string has no escapes: one holding a ' or a control
// character becomes a basic string), multi-line strings stay multi-line.

#include <string>
#include <string_view>

#include "extract/value_span.h"

namespace linkhealth {

/// The span of the string at dotted `field` (tables, inline tables and dotted keys alike).
SpanLookup toml_value_span(std::string_view text, const std::string& field);

WrittenValue toml_written_value(const ValueSpan& span, std::string_view value);

}  // namespace linkhealth
