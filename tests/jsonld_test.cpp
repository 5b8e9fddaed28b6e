// JSON-LD: strict JSON, @graph, arrays, article and page node types.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/jsonld.h"

using linkhealth::JsonLdReader;
using Strings = std::vector<std::string>;

TEST_CASE("@graph is flattened; articles come before WebPage", "[jsonld]") {
  JsonLdReader reader;
  CHECK(reader.add_block(R"({"@graph":[
      {"@type":"WebPage","headline":"Page headline","description":"Page description"},
      {"@type":"https://schema.org/NewsArticle","headline":"Article headline",
       "datePublished":"2024-02-01"},
      {"@type":"Organization","description":"Org description"}]})"));
  const auto f = reader.fields();
  CHECK(f.headlines == Strings{"Article headline", "Page headline"});
  CHECK(f.descriptions == Strings{"Page description"});
  CHECK(f.dates_published == Strings{"2024-02-01"});
}

TEST_CASE("top-level arrays, @type arrays, @value, mainEntity, entities", "[jsonld]") {
  JsonLdReader reader;
  CHECK(reader.add_block(R"([{"@type":["Thing","BlogPosting"],
      "headline":{"@value":"Fish &amp; chips"}},
      {"@type":"WebPage","mainEntity":{"@type":"Article","description":"Nested &#8211; ok"}}])"));
  const auto f = reader.fields();
  CHECK(f.headlines == Strings{"Fish & chips"});
  CHECK(f.descriptions == Strings{"Nested \xE2\x80\x93 ok"});
}

TEST_CASE("non-strict JSON is rejected and leaves nothing behind", "[jsonld]") {
  JsonLdReader reader;
  CHECK_FALSE(reader.add_block(R"({"@type":"Article","headline":"x",})"));
  CHECK_FALSE(reader.add_block(R"({'@type':'Article'})"));
  CHECK_FALSE(reader.add_block("/* c */ {\"@type\":\"Article\",\"headline\":\"y\"}"));
  CHECK_FALSE(reader.add_block(""));
  CHECK(reader.fields().headlines.empty());
  CHECK(reader.add_block("  \n{\"@type\":\"Article\",\"headline\":42}\n"));
  CHECK(reader.fields().headlines.empty());
}
