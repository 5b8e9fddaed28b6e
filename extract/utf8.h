#pragma once
// UTF-8 validation for content files: a file that is not UTF-8 is reported, not guessed at.

#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

/// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// "0xFF"
std::string hex_byte(char c);

}  // namespace linkhealth
