#pragma once
// The span of a JSON string value in a JSON front matter object, found by walking the
// object's tokens (nlohmann-json reports no positions), and a new value written as a JSON
// string.

#include <string>
#include <string_view>

#include "extract/value_span.h"

namespace linkhealth {

/// The span of the string at dotted `field` of the object `text` starts with. `text` is a
/// block the JSON reader has accepted.
SpanLookup json_value_span(std::string_view text, const std::string& field);

WrittenValue json_written_value(std::string_view value);

}  // namespace linkhealth
