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

TEST_CASE("XHTML-era wrappers around a block are read through", "[jsonld]") {
  using linkhealth::unwrap_script_text;
  const std::string json = R"({"@type":"BlogPosting","headline":"H"})";
  for (const std::string& wrapped : {
           "<![CDATA[" + json + "]]>",
           "\n//<![CDATA[\n" + json + "\n//]]>\n",
           "/* <![CDATA[ */ " + json + " /* ]]> */",
           "<!--\n" + json + "\n-->",
           "<!--\n" + json + "\n//-->",
           "<!-- <![CDATA[ " + json + " ]]> -->",
       }) {
    INFO(wrapped);
    CHECK(unwrap_script_text(wrapped) == json);
    JsonLdReader reader;
    CHECK(reader.add_block(wrapped));
    CHECK(reader.fields().headlines == Strings{"H"});
  }
  // Only the wrapper goes: what it holds is still strict JSON or nothing.
  CHECK(unwrap_script_text("  " + json + "  ") == json);
  JsonLdReader reader;
  CHECK_FALSE(reader.add_block(R"(<![CDATA[ {"@type":"Article","headline":"x",} ]]>)"));
  CHECK_FALSE(reader.add_block(R"(<![CDATA[ {"@type":"Article","headline":"x"})"));
  CHECK_FALSE(reader.add_block(R"(/* <![CDATA[ {"@type":"Article","headline":"x"} ]]> */)"));
  CHECK(reader.fields().headlines.empty());
}

TEST_CASE("site names: WebSite and Organization nodes, article publishers", "[jsonld]") {
  JsonLdReader reader;
  CHECK(reader.add_block(R"({"@graph":[
      {"@type":"WebSite","name":"HIT Consultant"},
      {"@type":"NewsMediaOrganization","name":"HIT Consultant Media"},
      {"@type":"Person","name":"Fred Pennic"},
      {"@type":"NewsArticle","headline":"h","publisher":{"@type":"Organization","name":"HITC"},
       "author":{"@type":"Person","name":"Jasmine Pennic"}}]})"));
  CHECK(reader.fields().site_names == Strings{"HIT Consultant", "HIT Consultant Media", "HITC"});
}

TEST_CASE("Wikipedia's Article node: its headline is read as written", "[jsonld]") {
  // The reader reports the headline; whether it names the page is title_choice's question.
  JsonLdReader reader;
  CHECK(reader.add_block(
      R"js({"@context":"https:\/\/schema.org","@type":"Article","name":"Sherrod Brown",)js"
      R"js("mainEntity":"http:\/\/www.wikidata.org\/entity\/Q381880",)js"
      R"js("publisher":{"@type":"Organization","name":"Wikimedia Foundation, Inc."},)js"
      R"js("datePublished":"2003-09-18T19:53:31Z",)js"
      R"js("headline":"American politician (born 1952)"})js"));
  const auto f = reader.fields();
  CHECK(f.headlines == Strings{"American politician (born 1952)"});
  CHECK(f.dates_published == Strings{"2003-09-18T19:53:31Z"});
  CHECK(f.site_names == Strings{"Wikimedia Foundation, Inc."});
}
