// Each encoding of the Encoding Standard decodes as the standard's indexes say.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>

#include "extract/encoding_decoders.h"
#include "extract/transcode.h"
#include "extract/utf8.h"

using namespace std::string_view_literals;
using linkhealth::to_utf8;

namespace {

struct Sample {
  std::string_view encoding;
  std::string_view bytes;
  std::u32string_view code_points;  // from the standard's index for the encoding
};

// Bytes chosen where glibc's default converter, or its table, differs from the standard: C1
// gaps, euro signs, the wave dash, the Shift_JIS backslash, composed Vietnamese.
constexpr Sample kSamples[] = {
    {"utf-8", "\xE2\x82\xAC"sv, U"\u20AC"},
    {"ibm866", "\x80"sv, U"\u0410"},
    {"ibm866", "\xF0"sv, U"\u0401"},
    {"iso-8859-2", "\xA1"sv, U"\u0104"},
    {"iso-8859-2", "\xB9"sv, U"\u0161"},
    {"iso-8859-3", "\xA6"sv, U"\u0124"},
    {"iso-8859-3", "\xC5"sv, U"\u010A"},
    {"iso-8859-4", "\xA2"sv, U"\u0138"},
    {"iso-8859-4", "\xBB"sv, U"\u0123"},
    {"iso-8859-5", "\xB0"sv, U"\u0410"},
    {"iso-8859-5", "\xF1"sv, U"\u0451"},
    {"iso-8859-6", "\xC7"sv, U"\u0627"},
    {"iso-8859-6", "\xE4"sv, U"\u0644"},
    {"iso-8859-7", "\xA4"sv, U"\u20AC"},
    {"iso-8859-7", "\xE1"sv, U"\u03B1"},
    {"iso-8859-8", "\xAA"sv, U"\u00D7"},
    {"iso-8859-8", "\xE0"sv, U"\u05D0"},
    {"iso-8859-8-i", "\xE0"sv, U"\u05D0"},
    {"iso-8859-8-i", "\xFA"sv, U"\u05EA"},
    {"iso-8859-10", "\xA1"sv, U"\u0104"},
    {"iso-8859-10", "\xBD"sv, U"\u2015"},
    {"iso-8859-13", "\xA1"sv, U"\u201D"},
    {"iso-8859-13", "\xD0"sv, U"\u0160"},
    {"iso-8859-14", "\xA1"sv, U"\u1E02"},
    {"iso-8859-14", "\xDE"sv, U"\u0176"},
    {"iso-8859-15", "\xA4"sv, U"\u20AC"},
    {"iso-8859-15", "\xBC"sv, U"\u0152"},
    {"iso-8859-16", "\xA1"sv, U"\u0104"},
    {"iso-8859-16", "\xDE"sv, U"\u021A"},
    {"koi8-r", "\xC1"sv, U"\u0430"},
    {"koi8-r", "\xF1"sv, U"\u042F"},
    {"koi8-u", "\xA4"sv, U"\u0454"},
    {"koi8-u", "\xAE"sv, U"\u045E"},
    {"koi8-u", "\xBE"sv, U"\u040E"},
    {"macintosh", "\x80"sv, U"\u00C4"},
    {"macintosh", "\xC6"sv, U"\u2206"},
    {"macintosh", "\xDB"sv, U"\u20AC"},
    {"macintosh", "\xF0"sv, U"\uF8FF"},
    {"windows-874", "\x80"sv, U"\u20AC"},
    {"windows-874", "\x81"sv, U"\u0081"},
    {"windows-874", "\xA1"sv, U"\u0E01"},
    {"windows-1250", "\x8A"sv, U"\u0160"},
    {"windows-1250", "\x81"sv, U"\u0081"},
    {"windows-1251", "\xC0"sv, U"\u0410"},
    {"windows-1251", "\x98"sv, U"\u0098"},
    {"windows-1252", "\x80"sv, U"\u20AC"},
    {"windows-1252", "\x81"sv, U"\u0081"},
    {"windows-1252", "\x9D"sv, U"\u009D"},
    {"windows-1252", "\xE9"sv, U"\u00E9"},
    {"windows-1253", "\xC1"sv, U"\u0391"},
    {"windows-1253", "\xAA"sv, U"\uFFFD"},
    {"windows-1254", "\xD0"sv, U"\u011E"},
    {"windows-1254", "\xFD"sv, U"\u0131"},
    {"windows-1255", "\xE0"sv, U"\u05D0"},
    {"windows-1255", "\xCA"sv, U"\u05BA"},
    {"windows-1256", "\xC7"sv, U"\u0627"},
    {"windows-1256", "\x81"sv, U"\u067E"},
    {"windows-1257", "\xC0"sv, U"\u0104"},
    {"windows-1257", "\x83"sv, U"\u0083"},
    {"windows-1258", "\xD2"sv, U"\u0309"},
    {"windows-1258", "\xEC"sv, U"\u0301"},
    {"windows-1258", "\x61\xEC"sv, U"\u0061\u0301"},
    {"x-mac-cyrillic", "\x80"sv, U"\u0410"},
    {"x-mac-cyrillic", "\xFF"sv, U"\u20AC"},
    {"gbk", "\x80"sv, U"\u20AC"},
    {"gbk", "\xC4\xE3"sv, U"\u4F60"},
    {"gbk", "\xA3\xA0"sv, U"\u3000"},
    {"gbk", "\x81\x30\x81\x30"sv, U"\u0080"},
    {"gb18030", "\x80"sv, U"\u20AC"},
    {"gb18030", "\xBA\xC3"sv, U"\u597D"},
    {"gb18030", "\x95\x32\x82\x36"sv, U"\U00020000"},
    {"big5", "\xA4\x40"sv, U"\u4E00"},
    {"big5", "\xA1\x45"sv, U"\u2027"},
    {"big5", "\xA1\xE3"sv, U"\uFF5E"},
    {"big5", "\xA2\x44"sv, U"\uFFE5"},
    {"big5", "\x88\x62"sv, U"\u00CA\u0304"},
    {"euc-jp", "\xA4\xA2"sv, U"\u3042"},
    {"euc-jp", "\xA1\xC1"sv, U"\uFF5E"},
    {"euc-jp", "\xAD\xA1"sv, U"\u2460"},
    {"euc-jp", "\x8E\xB1"sv, U"\uFF71"},
    {"euc-jp", "\x8F\xA2\xC3"sv, U"\u00A6"},
    {"iso-2022-jp", "\x1B\x24\x42\x24\x22\x21\x41\x1B\x28\x42"sv, U"\u3042\uFF5E"},
    {"iso-2022-jp", "\x1B\x28\x4A\x5C\x1B\x28\x42"sv, U"\u00A5"},
    {"shift_jis", "\x5C"sv, U"\u005C"},
    {"shift_jis", "\x7E"sv, U"\u007E"},
    {"shift_jis", "\x80"sv, U"\u0080"},
    {"shift_jis", "\x82\xA0"sv, U"\u3042"},
    {"shift_jis", "\x81\x60"sv, U"\uFF5E"},
    {"shift_jis", "\xB1"sv, U"\uFF71"},
    {"shift_jis", "\x87\x40"sv, U"\u2460"},
    {"euc-kr", "\xB0\xA1"sv, U"\uAC00"},
    {"euc-kr", "\x81\x41"sv, U"\uAC02"},
    {"replacement", "\x41\x42"sv, U"\uFFFD"},
    {"utf-16be", "\x00\x41\x20\xAC"sv, U"A\u20AC"},
    {"utf-16le", "\x41\x00\xAC\x20"sv, U"A\u20AC"},
    {"x-user-defined", "\x41\x80\xFF"sv, U"A\uF780\uF7FF"},
};

std::string utf8(std::u32string_view code_points) {
  std::string out;
  for (char32_t cp : code_points) linkhealth::append_utf8(out, cp);
  return out;
}

}  // namespace

TEST_CASE("each encoding decodes bytes to the standard's code points", "[charset]") {
  std::set<std::string_view> sampled;
  for (const Sample& s : kSamples) {
    INFO(s.encoding << " " << s.bytes);
    CHECK(to_utf8(s.bytes, s.encoding) == utf8(s.code_points));
    sampled.insert(s.encoding);
  }
  for (const auto& d : linkhealth::encoding_decoders()) {
    INFO(d.name);
    CHECK(sampled.count(d.name) == 1);
  }
}

TEST_CASE("ASCII stays ASCII except where the encoding is not ASCII-based", "[charset]") {
  for (const auto& d : linkhealth::encoding_decoders()) {
    using linkhealth::DecoderKind;
    if (d.kind == DecoderKind::utf16be || d.kind == DecoderKind::utf16le ||
        d.kind == DecoderKind::replacement)
      continue;
    INFO(d.name);
    CHECK(to_utf8("<title>a\\b~</title>", d.name) == "<title>a\\b~</title>");
  }
  CHECK(to_utf8("<p>", "utf-16le") == utf8(U"\u703C\uFFFD"));  // "<p", then a cut unit
}

TEST_CASE("replacement: one U+FFFD for any non-empty input", "[charset]") {
  CHECK(to_utf8("", "replacement").empty());
  CHECK(to_utf8("\x1B$)C<title>\x0E\x21\x21</title>"sv, "replacement") == "\xEF\xBF\xBD");
}

TEST_CASE("x-user-defined keeps ASCII and maps the high half to U+F780-U+F7FF", "[charset]") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  std::u32string expected;
  for (char32_t b = 0; b < 256; ++b)
    expected += b < 0x80 ? b : static_cast<char32_t>(0xF780 + b - 0x80);
  CHECK(to_utf8(all, "x-user-defined") == utf8(expected));
}

TEST_CASE("undecodable bytes become U+FFFD and decoding goes on", "[charset]") {
  // A lead byte with an ASCII trail: the lead is an error, the trail is itself.
  CHECK(to_utf8("\x81\x20x"sv, "shift_jis") == "\xEF\xBF\xBD x");
  CHECK(to_utf8("\xA4 x\xA4\x40"sv, "big5") == utf8(U"\uFFFD x\u4E00"));
  // Bytes the standard leaves unmapped.
  CHECK(to_utf8("a\xA5z"sv, "iso-8859-3") == "a\xEF\xBF\xBDz");
  CHECK(to_utf8("\xFF"sv, "gbk") == "\xEF\xBF\xBD");
  // Input cut inside a sequence ends in one U+FFFD.
  CHECK(to_utf8("\xC4\xE3\x81\x30\x81"sv, "gb18030") == utf8(U"\u4F60\uFFFD"));
  CHECK(to_utf8("A\x00\x42"sv, "utf-16le") == utf8(U"A\uFFFD"));
}
