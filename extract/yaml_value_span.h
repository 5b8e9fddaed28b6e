#pragma once
// The span of a YAML string value, from the position yaml-cpp marks for its node, and a new
// value written in the span's style: plain stays plain when YAML reads the new text back as the
// same string (else it is double-quoted), single and double quotes stay, and a `|-` or `>-`
// block keeps its header and indentation.

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "extract/plain_yaml.h"
#include "extract/value_span.h"

namespace linkhealth {

/// The span of the scalar at dotted `field` of `root`, parsed from `text`. Anchors, aliases
/// and tags, block scalars that keep a final line break, and values the scan cannot bound are
/// errors: those are left for a hand edit.
SpanLookup yaml_value_span(std::string_view text, const YAML::Node& root, const std::string& field);

/// The same from the plain reader's tree of `text` (plain_yaml.h), which marks where each
/// scalar starts as yaml-cpp does: the same span without yaml-cpp's parse.
SpanLookup yaml_value_span(std::string_view text, const PlainYaml& tree, const std::string& field);

/// `value` written for `span`'s place in `text`.
WrittenValue yaml_written_value(const ValueSpan& span, std::string_view text,
                                std::string_view value);

/// True when `value` written plain reads back as that string, also for YAML 1.1 readers (Hugo's
/// Go YAML): it starts with a letter (no indicator, number or date), is no boolean or null
/// word, holds no ": ", " #", control character or Unicode line break, and in a flow
/// collection none of ",[]{}".
bool yaml_plain_reads_as_string(std::string_view value, bool in_flow);

}  // namespace linkhealth
