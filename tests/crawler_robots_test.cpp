#include <catch2/catch.hpp>

#include "crawler/robots.h"

using linkhealth::parse_robots;

TEST_CASE("robots.txt picks our group, else the wildcard", "[crawler][robots]") {
  const char* text =
      "User-agent: *\nDisallow: /\n\n"
      "User-agent: LinkHealth\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 3\n";
  auto rules = parse_robots(text, "linkhealth");
  CHECK(rules.allows("/news/story"));
  CHECK_FALSE(rules.allows("/private/page"));
  CHECK(rules.allows("/private/ok.html"));
  REQUIRE(rules.crawl_delay_s);
  CHECK(*rules.crawl_delay_s == 3.0);
  auto other = parse_robots(text, "otherbot");
  CHECK_FALSE(other.allows("/news/story"));
}

TEST_CASE("robots.txt wildcards and end anchors", "[crawler][robots]") {
  auto rules = parse_robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/x\n", "linkhealth");
  CHECK_FALSE(rules.allows("/files/report.pdf"));
  CHECK(rules.allows("/files/report.pdf?download=1"));
  CHECK_FALSE(rules.allows("/tmp123/x"));
  CHECK(rules.allows("/tmp123/y"));
  CHECK(parse_robots("", "linkhealth").allows("/anything"));
}
