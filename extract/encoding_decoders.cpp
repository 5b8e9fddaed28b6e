#include "extract/encoding_decoders.h"

namespace linkhealth {

namespace {

// The corrections below come from decoding every byte and every two-byte sequence (and the
// GB18030 four-byte BMP range) with glibc 2.36 and comparing with the standard's indexes.
// Where glibc decodes a sequence the standard calls an error, glibc's reading is kept.

// glibc's KOI8-U has box drawing at 0xAE/0xBE; the standard's koi8-u (KOI8-RU) has Ў and ў.
constexpr ByteValue kKoi8uBytes[] = {{0xAE, 0x045E}, {0xBE, 0x040E}};
// Mac OS 8.5+: INCREMENT rather than GREEK CAPITAL DELTA, and the Apple logo's private code.
constexpr ByteValue kMacintoshBytes[] = {{0xC6, 0x2206}, {0xF0, 0xF8FF}};
constexpr ByteValue kWindows1255Bytes[] = {{0xCA, 0x05BA}};
constexpr ByteValue kMacCyrillicBytes[] = {{0xFF, 0x20AC}};

// A lone 0x80 is the euro sign in gbk/gb18030 and U+0080 in shift_jis; glibc rejects both.
constexpr ByteValue kGb18030Bytes[] = {{0x80, 0x20AC}};
constexpr ByteValue kShiftJisBytes[] = {{0x80, 0x0080}};

// Still different from the standard, all rare: in gbk/gb18030, FE51 FE52 FE53 FE6C FE76 FE91
// (glibc gives the CJK Extension B characters, which also have four-byte codes, so they cannot
// be swapped back to the standard's private-use points) and 18 four-byte codes for U+9FB4-9FBB
// and U+FE10-FE19 (glibc rejects them).
constexpr CodePointSwap kGb18030Swaps[] = {{0xE5E5, 0x3000}};
// BIG5-HKSCS punctuation that the standard maps as Windows does (CP950). Still different: 131
// HKSCS-2008 characters glibc rejects.
constexpr CodePointSwap kBig5Swaps[] = {
    {0x2022, 0x2027}, {0xFF64, 0xFE51}, {0x203E, 0x00AF}, {0x223C, 0xFF5E},
    {0x2641, 0x2295}, {0x2609, 0x2299}, {0xFF0F, 0x2215}, {0xFF3C, 0xFE68},
    {0x00A5, 0xFFE5}, {0x00A2, 0xFFE0}, {0x00A3, 0xFFE1},
};
// EUC-JP-MS has the standard's wave dash, NEC row 13 and JIS X 0212. Still different: the IBM
// extension kanji in rows 0xF9-0xFC, which glibc gives as private-use characters.
constexpr CodePointSwap kEucJpSwaps[] = {{0xFFE4, 0x00A6}};
// JIS X 0208 symbols as Windows maps them. Still different: NEC row 13 and IBM extensions
// (rejected) and half-width katakana after ESC ( I (not decoded).
constexpr CodePointSwap kIso2022JpSwaps[] = {
    {0x301C, 0xFF5E}, {0x2016, 0x2225}, {0x2212, 0xFF0D},
    {0x00A2, 0xFFE0}, {0x00A3, 0xFFE1}, {0x00AC, 0xFFE2},
};

using enum DecoderKind;

// Single-byte converters leave the windows-* gaps at 0x80-0x9F undefined where the standard has
// the C1 control of the same value; the table reader fills those in.
constexpr EncodingDecoder kDecoders[] = {
    {"utf-8", utf8},
    {"ibm866", single_byte, "IBM866"},
    {"iso-8859-2", single_byte, "ISO-8859-2"},
    {"iso-8859-3", single_byte, "ISO-8859-3"},
    {"iso-8859-4", single_byte, "ISO-8859-4"},
    {"iso-8859-5", single_byte, "ISO-8859-5"},
    {"iso-8859-6", single_byte, "ISO-8859-6"},
    {"iso-8859-7", single_byte, "ISO-8859-7"},
    {"iso-8859-8", single_byte, "ISO-8859-8"},
    {"iso-8859-8-i", single_byte, "ISO-8859-8"},  // same index; only the text direction differs
    {"iso-8859-10", single_byte, "ISO-8859-10"},
    {"iso-8859-13", single_byte, "ISO-8859-13"},
    {"iso-8859-14", single_byte, "ISO-8859-14"},
    {"iso-8859-15", single_byte, "ISO-8859-15"},
    {"iso-8859-16", single_byte, "ISO-8859-16"},
    {"koi8-r", single_byte, "KOI8-R"},
    {"koi8-u", single_byte, "KOI8-U", kKoi8uBytes},
    {"macintosh", single_byte, "MACINTOSH", kMacintoshBytes},
    {"windows-874", single_byte, "CP874"},
    {"windows-1250", single_byte, "CP1250"},
    {"windows-1251", single_byte, "CP1251"},
    {"windows-1252", single_byte, "CP1252"},
    {"windows-1253", single_byte, "CP1253"},
    {"windows-1254", single_byte, "CP1254"},
    {"windows-1255", single_byte, "CP1255", kWindows1255Bytes},
    {"windows-1256", single_byte, "CP1256"},
    {"windows-1257", single_byte, "CP1257"},
    {"windows-1258", single_byte, "CP1258"},
    {"x-mac-cyrillic", single_byte, "MAC-CYRILLIC", kMacCyrillicBytes},
    // The standard decodes gbk as gb18030.
    {"gbk", multi_byte, "GB18030", kGb18030Bytes, kGb18030Swaps},
    {"gb18030", multi_byte, "GB18030", kGb18030Bytes, kGb18030Swaps},
    {"big5", multi_byte, "BIG5-HKSCS", {}, kBig5Swaps},
    {"euc-jp", multi_byte, "EUC-JP-MS", {}, kEucJpSwaps},
    {"iso-2022-jp", iso_2022, "ISO-2022-JP", {}, kIso2022JpSwaps},
    {"shift_jis", multi_byte, "CP932", kShiftJisBytes},
    {"euc-kr", multi_byte, "CP949"},  // the standard's euc-kr is Windows' UHC, exactly
    {"replacement", replacement},
    {"utf-16be", utf16be, "UTF-16BE"},
    {"utf-16le", utf16le, "UTF-16LE"},
    {"x-user-defined", x_user_defined},
};

}  // namespace

std::span<const EncodingDecoder> encoding_decoders() {
  return kDecoders;
}

const EncodingDecoder* decoder_for(std::string_view name) {
  for (const EncodingDecoder& d : kDecoders)
    if (d.name == name) return &d;
  return nullptr;
}

}  // namespace linkhealth
