// WHATWG-style charset sniffing and conversion to UTF-8.
#include <catch2/catch.hpp>

#include <string>

#include "extract/charset.h"

using linkhealth::charset_from_content_type;
using linkhealth::decode_page;
using linkhealth::prescan_meta_charset;

namespace {

std::string prescan(std::string_view bytes) {
  return prescan_meta_charset(bytes).encoding;
}

}  // namespace

TEST_CASE("charset parameter of a Content-Type value", "[charset]") {
  CHECK(charset_from_content_type("text/html; charset=UTF-8") == "utf-8");
  CHECK(charset_from_content_type("text/html;charset=\"ISO-8859-1\"") == "iso-8859-1");
  CHECK(charset_from_content_type("text/html; Charset = 'windows-1251' ; x=y") == "windows-1251");
  CHECK(charset_from_content_type("text/html; charset=bogus") == "bogus");
  CHECK(charset_from_content_type("text/html") == "");
  CHECK(charset_from_content_type("") == "");
}

TEST_CASE("meta prescan finds charset and http-equiv, skips comments", "[charset]") {
  const auto sjis = prescan_meta_charset("<html><head><meta charset=\"Shift_JIS\">");
  CHECK(sjis.encoding == "shift_jis");
  CHECK(sjis.label == "shift_jis");
  CHECK(prescan("<META CHARSET=utf-8>") == "utf-8");
  CHECK(prescan("<meta http-equiv=\"Content-Type\" "
                "content=\"text/html; charset=windows-1251\">") == "windows-1251");
  // content charset without http-equiv=content-type does not count.
  CHECK(prescan("<meta content=\"text/html; charset=koi8-r\">") == "");
  CHECK(prescan("<meta http-equiv=\"Content-Type \" content=\"charset=koi8-r\">") == "");
  CHECK(prescan("<!-- <meta charset=koi8-r> --><meta charset=utf-8>") == "utf-8");
  // The first declaration wins (Amazon serves both).
  CHECK(prescan("<meta charset=\"utf-8\"><meta http-equiv=content-type "
                "content=\"text/html;charset=iso-8859-1\">") == "utf-8");
  // A '>' inside a quoted attribute of another tag does not end it early.
  CHECK(prescan("<a title='<meta charset=koi8-r>'><meta charset=gbk>") == "gbk");
  // Only the first 1024 bytes are looked at.
  CHECK(prescan(std::string(1100, ' ') + "<meta charset=utf-8>") == "");
}

TEST_CASE("prescan names encodings by the standard's names", "[charset]") {
  CHECK(prescan("<meta charset=latin2>") == "iso-8859-2");
  CHECK(prescan("<meta charset=iso8859-2>") == "iso-8859-2");
  CHECK(prescan("<meta charset=ISO-8859-8-I>") == "iso-8859-8-i");
  CHECK(prescan("<meta charset=ksc5601>") == "euc-kr");
  CHECK(prescan("<meta charset=gb_2312>") == "gbk");
  CHECK(prescan("<meta charset=koi8_r>") == "koi8-r");
  CHECK(prescan("<meta charset=l9>") == "iso-8859-15");
  CHECK(prescan("<meta charset=latin5>") == "windows-1254");
  CHECK(prescan("<meta charset=iso-2022-kr>") == "replacement");
}

TEST_CASE("prescan skips a meta whose label the standard lacks", "[charset]") {
  const auto skipped = prescan_meta_charset("<meta charset=\"bogus\"><meta charset=\"koi8-r\">");
  CHECK(skipped.encoding == "koi8-r");
  CHECK(skipped.unknown_label == "bogus");
  const auto none = prescan_meta_charset("<meta charset=\"utf-9\"><p>x");
  CHECK(none.encoding == "");
  CHECK(none.unknown_label == "utf-9");
  // A bogus charset= decides its tag: a later content= in the same tag does not count.
  CHECK(prescan("<meta charset=bogus http-equiv=content-type content='charset=utf-8'>"
                "<meta charset=latin2>") == "iso-8859-2");
  // Only the first attribute of a name counts.
  CHECK(prescan("<meta charset=bogus charset=utf-8>") == "");
  CHECK(prescan("<meta http-equiv=refresh http-equiv=content-type content='charset=utf-8'>") == "");
}

TEST_CASE("a quote is never part of a label", "[charset]") {
  // The quotes of the attribute are stripped; quotes inside it stay and make the label unknown.
  CHECK(prescan("<meta charset='\"utf-8\"'><meta charset=iso-8859-2>") == "iso-8859-2");
  CHECK(prescan("<meta charset=iso8859-2\"><p>\"</p>") == "");
  // Inside content=, a quoted label counts only with its closing quote.
  CHECK(prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset='koi8-r'\">") ==
        "koi8-r");
  CHECK(prescan("<meta http-equiv=Content-Type content='text/html; charset=\"koi8-r\"'>") ==
        "koi8-r");
  CHECK(prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset='koi8-r\">") == "");
  CHECK(prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r'\">") == "");
  CHECK(prescan("<meta http-equiv=\"Content-Type\" content=\"charset = koi8-u ; x\">") == "koi8-u");
}

TEST_CASE("prescan: UTF-16 means UTF-8, x-user-defined means windows-1252", "[charset]") {
  for (const char* label : {"utf-16", "UTF-16LE", "utf-16be", "unicodefffe", "ucs-2"}) {
    INFO(label);
    const auto found = prescan_meta_charset(std::string("<meta charset=") + label + ">");
    CHECK(found.encoding == "utf-8");
  }
  CHECK(prescan("<meta charset=x-user-defined>") == "windows-1252");
}

TEST_CASE("prescan: a tag cut off by the end of input declares nothing", "[charset]") {
  CHECK(prescan("<meta charset=euc-jp") == "");
  CHECK(prescan("<meta charset='euc-jp'") == "");
  CHECK(prescan("<meta <meta charset='euc-jp'>") == "euc-jp");
  CHECK(prescan("<!-- <meta charset=euc-jp>") == "");
}

TEST_CASE("decode_page follows BOM, HTTP, meta, UTF-8 guess, windows-1252", "[charset]") {
  auto page = decode_page("<meta charset=windows-1251><p>\xCF\xF0\xE8", "");
  CHECK(page.declared == "windows-1251");
  CHECK(page.used == "windows-1251");
  CHECK(page.utf8 == "<meta charset=windows-1251><p>\xD0\x9F\xD1\x80\xD0\xB8");  // "При"

  page = decode_page("<p>caf\xC3\xA9", "text/html");
  CHECK(page.used == "utf-8");
  CHECK(page.declared.empty());

  page = decode_page("<p>caf\xE9", "text/html");
  CHECK(page.used == "windows-1252");
  CHECK(page.utf8 == "<p>caf\xC3\xA9");

  // A meta prescan saying UTF-16 means UTF-8: the bytes were readable as ASCII.
  page = decode_page("<meta charset=utf-16><p>caf\xC3\xA9", "");
  CHECK(page.declared == "utf-16le");
  CHECK(page.used == "utf-8");
  CHECK(page.utf8 == "<meta charset=utf-16><p>caf\xC3\xA9");

  // Unknown labels are skipped and noted.
  page = decode_page("<p>x", "text/html; charset=ansi_x3");
  CHECK(page.used == "windows-1252");
  CHECK(page.declared.empty());
  CHECK(page.note == "encoding: unknown HTTP charset label 'ansi_x3' ignored");
  page = decode_page("<meta charset=bogus><p>caf\xE9", "");
  CHECK(page.used == "windows-1252");
  CHECK(page.declared.empty());
  CHECK(page.note == "encoding: unknown page charset label 'bogus' ignored");
}

TEST_CASE("declared and used are the standard's names, not the labels", "[charset]") {
  auto page = decode_page("<p>\xB9", "text/html; charset=Latin2");
  CHECK(page.declared == "iso-8859-2");
  CHECK(page.used == "iso-8859-2");
  CHECK(page.utf8 == "<p>\xC5\xA1");  // š

  page = decode_page("<p>\xE0", "text/html; charset=iso-8859-1");
  CHECK(page.declared == "windows-1252");
  CHECK(page.used == "windows-1252");

  // Labels that used to fall back to windows-1252.
  page = decode_page("<meta charset=\"x-cp1250\"><p>\x8A", "");
  CHECK(page.declared == "windows-1250");
  CHECK(page.utf8.ends_with("<p>\xC5\xA0"));  // Š
  page = decode_page("<p>\xC1\xC2", "text/html; charset=koi8_r");
  CHECK(page.used == "koi8-r");
  CHECK(page.utf8 == "<p>\xD0\xB0\xD0\xB1");  // аб
  page = decode_page("<p>\xE0", "text/html; charset=iso-8859-8-i");
  CHECK(page.used == "iso-8859-8-i");
  CHECK(page.utf8 == "<p>\xD7\x90");  // א
  page = decode_page("<p>\x81\x41", "text/html; charset=windows-949");
  CHECK(page.used == "euc-kr");
  CHECK(page.utf8 == "<p>\xEA\xB0\x82");  // U+AC02, a UHC syllable
  page = decode_page("<p>\x80", "text/html; charset=x-mac-cyrillic");
  CHECK(page.utf8 == "<p>\xD0\x90");  // А
  page = decode_page("<p>\xD0", "text/html; charset=iso-8859-9");
  CHECK(page.used == "windows-1254");
  CHECK(page.utf8 == "<p>\xC4\x9E");  // Ğ
}

TEST_CASE("HTTP and page agree when their labels name one encoding", "[charset]") {
  auto page = decode_page("<meta charset=latin1><p>\x93q\x94", "text/html; charset=ISO-8859-1");
  CHECK(page.note.empty());
  CHECK(page.utf8.ends_with("<p>\xE2\x80\x9Cq\xE2\x80\x9D"));

  page = decode_page("<meta charset=sjis><p>x", "text/html; charset=euc-jp");
  CHECK(page.used == "euc-jp");
  CHECK(page.note == "encoding: HTTP charset euc-jp overrides page charset sjis");
}

TEST_CASE("a replacement label makes the page one U+FFFD", "[charset]") {
  auto page = decode_page("<title>\x0E\x21\x21\x0F</title>", "text/html; charset=ISO-2022-KR");
  CHECK(page.declared == "replacement");
  CHECK(page.used == "replacement");
  CHECK(page.utf8 == "\xEF\xBF\xBD");
  CHECK(page.note ==
        "encoding: charset iso-2022-kr is not decoded (the Encoding Standard's replacement "
        "encoding)");

  page = decode_page("<meta charset=hz-gb-2312><title>x</title>", "");
  CHECK(page.used == "replacement");
  CHECK(page.note.find("charset hz-gb-2312 is not decoded") != std::string::npos);
  CHECK(page.utf8 == "\xEF\xBF\xBD");
}

TEST_CASE("ill-formed bytes become U+FFFD, never abort", "[charset]") {
  auto page = decode_page(
      "<p>a\xFF"
      "b",
      "text/html; charset=utf-8");
  CHECK(page.utf8 ==
        "<p>a\xEF\xBF\xBD"
        "b");
  page = decode_page("<p>\x81\x20", "text/html; charset=shift_jis");
  CHECK(page.used == "shift_jis");
  CHECK(page.utf8 == "<p>\xEF\xBF\xBD ");
  // An odd byte count in UTF-16 ends in one replacement character.
  page = decode_page(std::string("\xFF\xFE<\x00p\x00>\x00x", 9), "");
  CHECK(page.used == "utf-16le");
  CHECK(page.utf8 == "<p>\xEF\xBF\xBD");
}
