#pragma once
// Byte-to-UTF-8 conversion once the encoding is known, as the Encoding Standard decodes it:
// glibc iconv (behind an RAII handle) for the legacy encodings and UTF-16, corrected where its
// tables differ from the standard's (extract/encoding_decoders.h), a validating copy for UTF-8.
// Undecodable bytes become U+FFFD, as in browsers; nothing here throws on bad input.

#include <string>
#include <string_view>

namespace linkhealth {

/// `bytes` in `encoding` (a name from encoding_for_label, such as "windows-1252", "utf-16le",
/// "shift_jis") as UTF-8.
std::string to_utf8(std::string_view bytes, std::string_view encoding);

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// The content guess before the windows-1252 fallback: well-formed UTF-8 with at least one
/// multi-byte character, the last sequence allowed to be cut off.
bool looks_like_utf8(std::string_view bytes);

}  // namespace linkhealth
