#pragma once
// Cleans extracted page text so that titles compare and print sanely: whitespace collapsed
// (Unicode spaces such as NBSP included), trimmed, control characters dropped, and length
// capped on a UTF-8 boundary. Input is UTF-8; nothing here decodes entities (Gumbo already did).

#include <cstddef>
#include <string>
#include <string_view>

namespace linkhealth {

/// Longest cleaned text kept, in code points.
inline constexpr std::size_t kMaxTextChars = 1000;

struct CleanText {
  std::string text;
  bool capped = false;  ///< true when the text was cut to kMaxTextChars
};

/// Collapses whitespace runs to one space, trims, drops control characters, caps the length.
CleanText clean_text(std::string_view utf8, std::size_t max_chars = kMaxTextChars);

/// Removes ASCII control characters (NUL, ESC, DEL, ...) but keeps tab and line ends; returns
/// how many were removed. For curated text, whose layout is the editor's to keep.
std::size_t remove_control_chars(std::string& text);

}  // namespace linkhealth
