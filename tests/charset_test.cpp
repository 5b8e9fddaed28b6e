// WHATWG-style charset sniffing and conversion to UTF-8.
#include <catch2/catch.hpp>

#include <string>

#include "extract/charset.h"

using linkhealth::canonical_encoding;
using linkhealth::charset_from_content_type;
using linkhealth::decode_page;
using linkhealth::prescan_meta_charset;

TEST_CASE("charset parameter of a Content-Type value", "[charset]") {
  CHECK(charset_from_content_type("text/html; charset=UTF-8") == "utf-8");
  CHECK(charset_from_content_type("text/html;charset=\"ISO-8859-1\"") == "iso-8859-1");
  CHECK(charset_from_content_type("text/html; Charset = 'windows-1251' ; x=y") == "windows-1251");
  CHECK(charset_from_content_type("text/html") == "");
  CHECK(charset_from_content_type("") == "");
}

TEST_CASE("meta prescan finds charset and http-equiv, skips comments", "[charset]") {
  CHECK(prescan_meta_charset("<html><head><meta charset=\"Shift_JIS\">") == "shift_jis");
  CHECK(prescan_meta_charset("<META CHARSET=utf-8>") == "utf-8");
  CHECK(prescan_meta_charset("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=windows-1251\">") == "windows-1251");
  // content charset without http-equiv=content-type does not count.
  CHECK(prescan_meta_charset("<meta content=\"text/html; charset=koi8-r\">") == "");
  CHECK(prescan_meta_charset("<!-- <meta charset=koi8-r> --><meta charset=utf-8>") == "utf-8");
  // The first declaration wins (Amazon serves both).
  CHECK(prescan_meta_charset("<meta charset=\"utf-8\"><meta http-equiv=content-type "
                             "content=\"text/html;charset=iso-8859-1\">") == "utf-8");
  // A '>' inside a quoted attribute of another tag does not end it early.
  CHECK(prescan_meta_charset("<a title='<meta charset=koi8-r>'><meta charset=gbk>") == "gbk");
  // Only the first 1024 bytes are looked at.
  CHECK(prescan_meta_charset(std::string(1100, ' ') + "<meta charset=utf-8>") == "");
}

TEST_CASE("labels map to WHATWG names", "[charset]") {
  CHECK(canonical_encoding("latin1") == "windows-1252");
  CHECK(canonical_encoding(" ISO-8859-1 ") == "windows-1252");
  CHECK(canonical_encoding("us-ascii") == "windows-1252");
  CHECK(canonical_encoding("UTF8") == "utf-8");
  CHECK(canonical_encoding("utf-16") == "utf-16le");
  CHECK(canonical_encoding("gb2312") == "gbk");
  CHECK(canonical_encoding("windows-1251") == "windows-1251");
  CHECK(canonical_encoding("iso-8859&#8211;1") == "");
  CHECK(canonical_encoding("") == "");
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
  CHECK(page.used == "utf-8");

  // Unknown labels are skipped and noted.
  page = decode_page("<p>x", "text/html; charset=ansi_x3");
  CHECK(page.used == "windows-1252");
  CHECK(page.note == "encoding: unknown HTTP charset label 'ansi_x3' ignored");
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
  CHECK(page.utf8.find("\xEF\xBF\xBD") != std::string::npos);
  // An odd byte count in UTF-16 ends in one replacement character.
  page = decode_page(std::string("\xFF\xFE<\x00p\x00>\x00x", 9), "");
  CHECK(page.used == "utf-16le");
  CHECK(page.utf8 == "<p>\xEF\xBF\xBD");
}
