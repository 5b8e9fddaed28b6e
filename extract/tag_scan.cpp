#include "extract/tag_scan.h"

#include <algorithm>

namespace linkhealth {

namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool next_tag_attribute(std::string_view s, std::size_t& i, TagAttribute& out) {
  while (i < s.size() && (is_html_space(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') return false;
  out.name.clear();
  out.value.clear();
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' &&
         !(s[i] == '=' && !out.name.empty()))
    out.name += lower(s[i++]);
  while (i < s.size() && is_html_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return true;
  ++i;
  while (i < s.size() && is_html_space(s[i])) ++i;
  std::size_t start = i;
  std::size_t end = i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    start = i + 1;
    end = std::min(s.find(s[i], start), s.size());
    i = end < s.size() ? end + 1 : end;
  } else {
    while (end < s.size() && !is_html_space(s[end]) && s[end] != '>') ++end;
    i = end;
  }
  out.value.assign(s.substr(start, end - start));
  for (char& c : out.value) c = lower(c);
  return true;
}

}  // namespace linkhealth
