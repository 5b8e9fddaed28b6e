#include "extract/wording.h"

#include <array>
#include <utility>

namespace linkhealth {

std::string fold_wording(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    const auto lead = static_cast<unsigned char>(text[i]);
    if (rest.substr(0, 3) == "\xE2\x80\x99") {  // U+2019
      out += '\'';
      i += 2;
    } else if (rest.substr(0, 3) == "\xE2\x80\xA6") {  // U+2026
      out += "...";
      i += 2;
    } else if (rest.substr(0, 2) == "\xC2\xA0") {  // U+00A0
      out += ' ';
      i += 1;
    } else if (lead == 0xC3 && rest.size() > 1) {
      // U+00C0..U+00DE are the Latin-1 capitals (but U+00D7 ×); +0x20 is the small letter.
      const auto second = static_cast<unsigned char>(rest[1]);
      const bool capital = second >= 0x80 && second <= 0x9E && second != 0x97;
      out += text[i];
      out += capital ? static_cast<char>(second + 0x20) : rest[1];
      i += 1;
    } else {
      const char c = text[i];
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

bool contains_any(std::string_view folded, std::span<const std::string_view> phrases) {
  for (std::string_view p : phrases)
    if (folded.find(p) != std::string_view::npos) return true;
  return false;
}

namespace wording_detail {

std::pair<std::size_t, std::size_t> next_separator(std::string_view folded, std::size_t from) {
  static constexpr std::array<std::string_view, 11> kSeparators = {
      " | ",           " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
      " \xC2\xBB ",    " \xC2\xAB ", " \xE2\x80\xB9 ", " \xE2\x80\xBA ", " \xC2\xB7 ",
      " \xE2\x80\xA2 "};
  std::size_t end = folded.size();
  std::size_t length = 0;
  for (std::string_view sep : kSeparators) {
    const std::size_t at = folded.find(sep, from);
    if (at != std::string_view::npos && at < end) end = at, length = sep.size();
  }
  return {end, length};
}

}  // namespace wording_detail

bool segment_is_any(std::string_view folded, std::span<const std::string_view> phrases) {
  bool found = false;
  for_each_segment(folded, [&](std::string_view segment) {
    for (std::string_view p : phrases)
      if (segment == p) found = true;
  });
  return found;
}

}  // namespace linkhealth
