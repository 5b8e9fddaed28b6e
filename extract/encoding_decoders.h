#pragma once
// How each encoding of the Encoding Standard is decoded here: which glibc iconv converter has
// the table closest to the standard's index, and where that table is corrected to match it.

#include <span>
#include <string_view>

namespace linkhealth {

enum class DecoderKind {
  utf8,            ///< validated copy
  single_byte,     ///< a 128-entry table read from the iconv converter, then corrected
  multi_byte,      ///< iconv over the whole text; ASCII bytes always mean ASCII
  iso_2022,        ///< iconv over the whole text; ASCII bytes may switch the character set
  utf16be,         ///< iconv, two-byte units
  utf16le,         ///< iconv, two-byte units
  x_user_defined,  ///< by hand: 0x80-0xFF are U+F780-U+F7FF
  replacement,     ///< any non-empty input is one U+FFFD (ISO-2022-KR, HZ and the like)
};

/// A byte the standard's index decodes differently from the glibc converter.
struct ByteValue {
  unsigned char byte;
  char32_t code_point;
};

/// A code point the glibc converter gives for a sequence the standard's index maps to another;
/// listed only where the converter gives `from` for that one sequence alone.
struct CodePointSwap {
  char32_t from;
  char32_t to;
};

struct EncodingDecoder {
  std::string_view name;  ///< the standard's name, lowercased
  DecoderKind kind;
  const char* iconv_name = nullptr;        ///< glibc converter, for the kinds that use one
  std::span<const ByteValue> bytes{};      ///< single_byte: entries replacing the converter's;
                                           ///< multi_byte: lone bytes the converter rejects
  std::span<const CodePointSwap> swaps{};  ///< multi_byte, iso_2022: output corrections
};

/// One entry for each of the standard's encodings.
std::span<const EncodingDecoder> encoding_decoders();

/// The decoder of the encoding `name` (a name from encoding_for_label), nullptr when none.
const EncodingDecoder* decoder_for(std::string_view name);

}  // namespace linkhealth
