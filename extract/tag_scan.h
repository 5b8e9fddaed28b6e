#pragma once
// Byte-level reading of one tag's attributes, as the WHATWG encoding prescan does it ("get an
// attribute"). Used before Gumbo runs: by the charset prescan and by the raw-text skimmer.

#include <cstddef>
#include <string>
#include <string_view>

namespace linkhealth {

/// One attribute, name and value ASCII-lowercased.
struct TagAttribute {
  std::string name;
  std::string value;
};

/// HTML's ASCII whitespace.
inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Reads the attribute at s[i] (i just past the tag name or a previous attribute) and advances
/// i; false at the tag's closing '>' (left at i) or at the end of input.
bool next_tag_attribute(std::string_view s, std::size_t& i, TagAttribute& out);

}  // namespace linkhealth
