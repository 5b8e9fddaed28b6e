#pragma once
// Locale-independent ASCII helpers: URLs, YAML keys and rule names are compared bytewise.

#include <algorithm>
#include <string>
#include <string_view>

namespace linkhealth {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
  return out;
}

/// True when `text` starts with `lower_prefix` (given in lower case), ignoring ASCII case.
inline bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ascii_lower(text[i]) != lower_prefix[i]) return false;
  }
  return true;
}

}  // namespace linkhealth
