#pragma once
// Turns fetched page bytes into UTF-8 for Gumbo (which parses UTF-8 only), following the
// WHATWG sniffing order: BOM, then the HTTP Content-Type charset, then a prescan of the first
// 1024 bytes for <meta charset> / http-equiv, then a UTF-8 validity guess, then windows-1252.

#include <string>
#include <string_view>

namespace linkhealth {

struct DecodedPage {
  std::string utf8;      ///< the page as UTF-8 (BOM removed, undecodable bytes as U+FFFD)
  std::string declared;  ///< label the BOM/HTTP header/page declared (lowercase), "" if none
  std::string used;      ///< WHATWG name of the encoding actually used, e.g. "windows-1252"
  std::string note;      ///< why the used encoding differs from a declaration, "" if nothing
};

/// The charset parameter of a Content-Type value (`text/html; charset="UTF-8"` -> "utf-8").
std::string charset_from_content_type(std::string_view content_type);

/// WHATWG meta prescan over the first 1024 bytes; the raw label found, lowercase, or "".
std::string prescan_meta_charset(std::string_view bytes);

/// WHATWG canonical name for a label ("latin1" -> "windows-1252"), "" when unknown.
std::string canonical_encoding(std::string_view label);

/// Sniffs the encoding of `body` and converts it to UTF-8.
DecodedPage decode_page(std::string_view body, std::string_view content_type);

}  // namespace linkhealth
