#include "extract/tag_scan.h"

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
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    const char quote = s[i++];
    while (i < s.size() && s[i] != quote) out.value += lower(s[i++]);
    if (i < s.size()) ++i;
    return true;
  }
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') out.value += lower(s[i++]);
  return true;
}

}  // namespace linkhealth
