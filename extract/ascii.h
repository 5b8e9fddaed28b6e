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

}  // namespace linkhealth
