#pragma once
// Matching the wording of a page title or heading against phrase lists ("Page not found",
// "This domain is for sale", "Log In ‹ Site — WordPress"): one folding and one idea of a title's
// segments, shared by every page signal that reads words.

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace linkhealth {

/// Lowercase for matching: ASCII and the Latin-1 capitals (À..Þ, so "PÁGINA" reads "página"),
/// typographic apostrophes as ', ellipses as "...", no-break spaces as spaces.
std::string fold_wording(std::string_view text);

/// True when the folded text contains one of `phrases` (folded already).
bool contains_any(std::string_view folded, std::span<const std::string_view> phrases);

/// True when the whole folded text, or one segment of a title such as "A | B - C" (separators
/// | - – — :: » « ‹ › · with spaces around), is one of `phrases`.
bool segment_is_any(std::string_view folded, std::span<const std::string_view> phrases);

namespace wording_detail {
/// Where the next separator starts at or after `from` and its length (0 when none).
std::pair<std::size_t, std::size_t> next_separator(std::string_view folded, std::size_t from);
}  // namespace wording_detail

/// Calls visit(segment) for the folded text's segments as segment_is_any splits them.
template <class Visit>
void for_each_segment(std::string_view folded, Visit&& visit) {
  std::size_t start = 0;
  while (start <= folded.size()) {
    const auto [end, length] = wording_detail::next_separator(folded, start);
    visit(folded.substr(start, end - start));
    if (length == 0) break;
    start = end + length;
  }
}

}  // namespace linkhealth
