#pragma once
// Turns fetched page bytes into UTF-8 for Gumbo (which parses UTF-8 only), following the
// WHATWG sniffing order: BOM, then the HTTP Content-Type charset, then a prescan of the first
// 1024 bytes for <meta charset> / http-equiv, then a UTF-8 validity guess, then windows-1252.
// Labels and encodings are the Encoding Standard's (extract/encoding_labels.h).

#include <string>
#include <string_view>

namespace linkhealth {

struct DecodedPage {
  std::string utf8;      ///< the page as UTF-8 (BOM removed, undecodable bytes as U+FFFD)
  std::string declared;  ///< encoding the HTTP header, else the page, declared ("iso-8859-2"
                         ///< for "latin2"); "" if none, or only labels the standard lacks
  std::string used;      ///< the standard's name of the encoding used, e.g. "windows-1252"
  std::string note;      ///< why the used encoding differs from a declaration, "" if nothing
};

/// The charset parameter of a Content-Type value, lowercase (`text/html; charset="UTF-8"` ->
/// "utf-8"), whether or not the standard knows the label.
std::string charset_from_content_type(std::string_view content_type);

struct MetaCharset {
  std::string encoding;       ///< the standard's name of what the prescan found, "" if nothing
  std::string label;          ///< the label the deciding <meta> gave, lowercase
  std::string unknown_label;  ///< the first label skipped because the standard lacks it
};

/// The HTML standard's "prescan a byte stream to determine its encoding" over the first 1024
/// bytes: a <meta> with a label the standard lacks is skipped, UTF-16 means UTF-8 and
/// x-user-defined means windows-1252.
MetaCharset prescan_meta_charset(std::string_view bytes);

/// Sniffs the encoding of `body` and converts it to UTF-8.
DecodedPage decode_page(std::string_view body, std::string_view content_type);

}  // namespace linkhealth
