#pragma once
// JSON front matter (Hugo: a JSON object at the very start of the file, the Markdown after its
// closing brace), read with nlohmann-json into the YAML tree the rest of the reader consumes.

#include <optional>
#include <string_view>

#include "extract/front_matter.h"

namespace linkhealth {

/// Offset just past the `}` that closes the object `text` starts with, or nullopt when it is
/// never closed. Hugo's own rule: braces are counted outside double quotes, a backslash hides
/// the next character; the JSON parser then judges the object.
std::optional<std::size_t> json_front_matter_end(std::string_view text);

/// The object as a YAML tree (strings as strings; numbers, booleans and null as plain scalars),
/// not yet checked: duplicate keys are kept for the YAML check to report like YAML ones. A JSON
/// syntax error, or a cap, comes back at its file line.
ParsedFrontMatter json_front_matter_tree(const FrontMatterBlock& block,
                                         const FrontMatterLimits& limits);

}  // namespace linkhealth
