#pragma once
// Locale-independent ASCII helpers: URLs, YAML keys and rule names are compared bytewise.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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

/// The non-empty pieces of `text` between any of the `separators`, as views into `text`:
/// "/a//b/" split at "/" is {"a", "b"}.
inline std::vector<std::string_view> split_nonempty(std::string_view text,
                                                    std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace linkhealth
