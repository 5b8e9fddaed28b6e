// crawl --shard K/N: the split is by registrable domain, stable, and covers every host once.
#include <catch2/catch.hpp>

#include <set>

#include "crawler/shard.h"

using namespace linkhealth;

TEST_CASE("a shard is K/N with 0 <= K < N", "[shard]") {
  CHECK(parse_shard("0/1") == Shard{0, 1});
  CHECK(parse_shard("3/4") == Shard{3, 4});
  CHECK(to_string(Shard{2, 8}) == "2/8");
  for (const char* bad : {"", "4/4", "1/0", "-1/4", "1", "a/b", "1/4x", " 1/4", "1/5000"}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad).has_value());
  }
}

TEST_CASE("hosts of one site share a registrable domain", "[shard]") {
  CHECK(registrable_domain("www.example.com") == "example.com");
  CHECK(registrable_domain("news.bbc.co.uk") == "bbc.co.uk");
  CHECK(registrable_domain("bbc.co.uk") == "bbc.co.uk");
  CHECK(registrable_domain("a.b.example.org.") == "example.org");
  // Names the list does not know fall under its default rule: one label before the TLD.
  CHECK(registrable_domain("news.web.test") == "web.test");
  // Private suffixes count: two blogs on one hosting suffix are two sites.
  CHECK(registrable_domain("alice.github.io") == "alice.github.io");
  CHECK(registrable_domain("127.0.0.1") == "127.0.0.1");
  CHECK(registrable_domain("[::1]") == "[::1]");
  CHECK(registrable_domain("localhost") == "localhost");
  CHECK(registrable_domain("co.uk") == "co.uk");
}

TEST_CASE("the shard of a domain is FNV-1a modulo N, the same on every machine", "[shard]") {
  // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the reference test vector).
  CHECK(shard_of_domain("a", 1u << 31) == (0xaf63dc4c8601ec8cULL % (1u << 31)));
  CHECK(shard_of_domain("example.com", 1) == 0);
  const std::uint32_t n = 4;
  const std::set<std::string> hosts = {
      "www.example.com", "news.example.com", "example.com",  "bbc.co.uk",           "www.bbc.co.uk",
      "nih.gov",         "www.nih.gov",      "statnews.com", "fiercehealthcare.com"};
  std::set<std::string> seen;
  for (const std::string& host : hosts) {
    int owners = 0;
    for (std::uint32_t k = 0; k < n; ++k) owners += shard_owns_host(Shard{k, n}, host) ? 1 : 0;
    INFO(host);
    CHECK(owners == 1);
  }
  // One site, one shard.
  CHECK(shard_of_domain(registrable_domain("www.bbc.co.uk"), n) ==
        shard_of_domain(registrable_domain("news.bbc.co.uk"), n));
  CHECK(shard_owns_host(Shard{}, "anything.example"));
}
