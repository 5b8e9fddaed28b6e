#include <catch2/catch.hpp>

#include "extract/idna_host.h"

using namespace linkhealth;

TEST_CASE("an internationalised host becomes punycode, an ASCII one stays", "[extract][idna]") {
  CHECK(std::get<std::string>(punycode_host("b\xC3\xBC"
                                            "cher.example")) == "xn--bcher-kva.example");
  CHECK(std::get<std::string>(punycode_host("news.example.com")) == "news.example.com");
  // Non-transitional (IDNA 2008): the sharp s is kept, not mapped to "ss".
  CHECK(std::get<std::string>(punycode_host("stra\xC3\x9F"
                                            "e.example")) == "xn--strae-oqa.example");
}

TEST_CASE("a name that is no IDNA name says why", "[extract][idna]") {
  const auto bad = punycode_host("\xE2\x98\x83\xE2\x80\x8D.example");  // snowman + ZWJ
  REQUIRE(std::holds_alternative<IdnaError>(bad));
  CHECK_FALSE(std::get<IdnaError>(bad).message.empty());
}
