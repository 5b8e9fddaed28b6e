// Whitespace, control characters and the UTF-8-safe length cap.
#include <catch2/catch.hpp>

#include <string>

#include "extract/html_document.h"
#include "extract/text_hygiene.h"

using linkhealth::clean_text;
using linkhealth::decode_html_entities;

TEST_CASE("whitespace collapses and trims, Unicode spaces included", "[text_hygiene]") {
  CHECK(clean_text("  Hello \n\t world  ").text == "Hello world");
  CHECK(clean_text("a\xC2\xA0\xC2\xA0"
                   "b\xE2\x80\x89"
                   "c\xE3\x80\x80"
                   "d")
            .text == "a b c d");
  CHECK(clean_text("\xC2\xA0").text.empty());
  CHECK(clean_text("").text.empty());
}

TEST_CASE("control and invisible characters are dropped", "[text_hygiene]") {
  CHECK(clean_text(std::string("a\x00"
                               "b\x07"
                               "c\x7F"
                               "d",
                               7))
            .text == "abcd");
  CHECK(clean_text("a\xC2\x85"
                   "b")
            .text == "a b");  // NEL is a line break
  CHECK(clean_text("a\xC2\x9D"
                   "b\xE2\x80\x8B"
                   "c\xEF\xBB\xBF"
                   "d\xC2\xAD"
                   "e")
            .text == "abcde");
  CHECK(clean_text("caf\xC3\xA9 \xE2\x80\x94 ok").text == "caf\xC3\xA9 \xE2\x80\x94 ok");
}

TEST_CASE("the cap counts code points and never splits one", "[text_hygiene]") {
  std::string euros;
  for (int i = 0; i < 12; ++i) euros += "\xE2\x82\xAC";
  const auto capped = clean_text(euros, 10);
  CHECK(capped.capped);
  CHECK(capped.text.size() == 30);
  const auto exact = clean_text(euros, 12);
  CHECK_FALSE(exact.capped);
  CHECK(exact.text == euros);
  const auto spaced = clean_text("abc   ", 3);
  CHECK_FALSE(spaced.capped);
  CHECK(spaced.text == "abc");
  CHECK(clean_text(std::string(1500, 'x')).text.size() == 1000);
}

TEST_CASE("entity decoding for raw text happens once, with the HTML5 table", "[text_hygiene]") {
  CHECK(decode_html_entities("Q&amp;A") == "Q&A");
  CHECK(decode_html_entities("Q&amp;amp;A") == "Q&amp;A");
  CHECK(decode_html_entities("it&#8217;s &#x2014; &rsquo;&hellip;&nbsp;") ==
        "it\xE2\x80\x99s \xE2\x80\x94 \xE2\x80\x99\xE2\x80\xA6\xC2\xA0");
  CHECK(decode_html_entities("5 &lt; 6 < 7 </textarea> &") == "5 < 6 < 7 </textarea> &");
  CHECK(decode_html_entities("AT&T") == "AT&T");
  CHECK(decode_html_entities("\nline") == "\nline");
  CHECK(decode_html_entities("plain") == "plain");
}
