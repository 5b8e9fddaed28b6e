#pragma once
// UTF-8 validation for content files (a file that is not UTF-8 is reported, not guessed at), and
// writing code points as UTF-8.

#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

/// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// The text with every byte that breaks UTF-8 read as Latin-1 (0xA0 -> U+00A0 as C2 A0).
/// yaml-cpp 0.7 writes the YAML escapes \N and \_ as the single bytes 0x85 and 0xA0, so
/// these are the only invalid bytes a scalar from a valid UTF-8 file can hold.
std::string repair_latin1_bytes(std::string_view text);

/// Appends code point `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// The text with every byte that breaks UTF-8 written as a %XX escape, for messages about
/// URLs whose bytes are not text.
std::string escape_invalid_utf8(std::string_view text);

/// "0xFF"
std::string hex_byte(char c);

}  // namespace linkhealth
