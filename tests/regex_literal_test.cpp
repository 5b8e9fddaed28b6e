#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "extract/ascii.h"
#include "extract/regex_literal.h"

using linkhealth::required_literal;

TEST_CASE("the required literal of a URL pattern is the site's name", "[extract][regex_literal]") {
  // pattern, a URL it matches, the literal
  const std::tuple<const char*, const char*, const char*> cases[] = {
      {R"(^https?:\/\/(?:[a-z0-9-]+\.)*?amazon(?:\.[a-z]{2,}){1,})", "https://www.Amazon.de/dp/1",
       "amazon"},
      {R"(^https?:\/\/(?:[a-z0-9-]+\.)*?twitter.com)", "https://twitter.com/x", "twitter"},
      {R"(^https?:\/\/(?:docs|accounts)\.google(?:\.[a-z]{2,}){1,})", "https://docs.google.com/",
       ".google"},
      {R"(\/ref=[^/?]*)", "https://a.example/dp/ref=sr_1", "/ref="},
      {R"(colou?r-chart)", "https://a.example/color-chart", "r-chart"},
      {R"(FOO\d+bar)", "https://a.example/foo12bar", "foo"},
      {R"(ab+cd)", "https://a.example/abbbcd", "ab"},
      {R"(x{0,2}yz)", "https://a.example/yz", "yz"},
      {R"(^https?:\/\/[^/]+\/wp-(?:json|admin)\/)", "http://h.example/wp-json/", "http"},
  };
  for (const auto& [pattern, url, literal] : cases) {
    INFO(pattern);
    CHECK(required_literal(pattern) == literal);
    REQUIRE(
        std::regex_search(url, std::regex(pattern, std::regex::ECMAScript | std::regex::icase)));
    CHECK(linkhealth::ascii_lower(std::string(url)).find(literal) != std::string::npos);
  }
}

TEST_CASE("no literal is claimed where a match need not hold one", "[extract][regex_literal]") {
  for (const char* pattern :
       {".*", "a|bc", "^(?:amazon|ebay)$", "\\x41mazon", "(a)\\1zz", "[a-z]+", "", "ab(", "x{2"}) {
    INFO(pattern);
    CHECK(required_literal(pattern).empty());
  }
}
