// The one folding and title-segment split every wording signal uses.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extract/wording.h"

using linkhealth::fold_wording;

TEST_CASE("folding lowers ASCII and Latin-1 capitals and plain-types punctuation", "[wording]") {
  CHECK(fold_wording("P\xC3\x81GINA NO ENCONTRADA") == "p\xC3\xA1gina no encontrada");
  CHECK(fold_wording("\xC3\x84RZTE \xC3\x96L \xC3\x9C") == "\xC3\xA4rzte \xC3\xB6l \xC3\xBC");
  CHECK(fold_wording("3 \xC3\x97 4") == "3 \xC3\x97 4");  // × has no small letter
  CHECK(fold_wording("Can\xE2\x80\x99t wait\xE2\x80\xA6") == "can't wait...");
  CHECK(fold_wording("a\xC2\xA0"
                     "b") == "a b");
  CHECK(fold_wording("\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8") ==
        "\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8");  // ページ untouched
}

TEST_CASE("title segments split on the separators sites put between their parts", "[wording]") {
  std::vector<std::string> parts;
  linkhealth::for_each_segment("log in \xE2\x80\xB9 rural health \xE2\x80\x94 wordpress",
                               [&](std::string_view s) { parts.emplace_back(s); });
  CHECK(parts == std::vector<std::string>{"log in", "rural health", "wordpress"});
  parts.clear();
  linkhealth::for_each_segment("no separators-here",
                               [&](std::string_view s) { parts.emplace_back(s); });
  CHECK(parts == std::vector<std::string>{"no separators-here"});
  constexpr std::string_view kPhrases[] = {"not found"};
  CHECK(linkhealth::segment_is_any("site \xC2\xB7 not found", kPhrases));
  CHECK_FALSE(linkhealth::segment_is_any("cure not found", kPhrases));
  CHECK(linkhealth::contains_any("cure not found", kPhrases));
}
