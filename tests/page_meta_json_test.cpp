// PageMeta as JSON: the three shapes picked from one field table, and reading them back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/page_meta_json.h"

using namespace linkhealth;
using Strings = std::vector<std::string>;

namespace {

Strings keys_of(const nlohmann::json& j) {
  Strings keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  return keys;
}

Strings sorted(Strings s) {
  std::sort(s.begin(), s.end());
  return s;
}

PageMeta article() {
  PageMeta m;
  m.title = "Telehealth grows";
  m.title_rule = "og:title";
  m.description = "Rural hospitals expand video visits";
  m.description_rule = "og:description";
  m.og_title = m.title;
  m.og_type = "article";
  m.canonical = "https://news.example.com/telehealth";
  m.jsonld_description = "From the JSON-LD";
  m.refresh_url = "https://news.example.com/next";
  m.published = "2020-04-23T14:00:54+00:00";
  m.signals = {"article"};
  m.notes = {"title: capped at 1000 characters"};
  return m;
}

}  // namespace

TEST_CASE("the meta shape has every public field, empty ones as \"\"", "[page_meta][json]") {
  const nlohmann::json j = page_meta_to_json(article());
  CHECK(keys_of(j) == sorted({"title",
                              "title_rule",
                              "description",
                              "description_rule",
                              "og_title",
                              "og_description",
                              "og_url",
                              "og_site_name",
                              "og_image",
                              "twitter_title",
                              "twitter_description",
                              "html_title",
                              "meta_description",
                              "canonical",
                              "jsonld_headline",
                              "published",
                              "lang",
                              "encoding_declared",
                              "encoding_used",
                              "signals"}));
  CHECK(j["title_rule"] == "og:title");
  CHECK(j["og_url"] == "");
  CHECK(j["signals"] == nlohmann::json::array({"article"}));
  CHECK(j["published"] == "2020-04-23T14:00:54+00:00");
}

TEST_CASE("the report shape is the README's `page` object", "[page_meta][json]") {
  const nlohmann::json j = page_meta_to_json(article(), PageMetaShape::Report);
  CHECK(keys_of(j) == sorted({"title", "title_rule", "description", "description_rule", "og_title",
                              "og_description", "canonical"}));
  CHECK(j["og_description"] == "");
  CHECK(page_meta_to_json(PageMeta{}, PageMetaShape::Report)["title"] == "");
}

TEST_CASE("the stored shape keeps what is set, less the left-out fields, and reads back",
          "[page_meta][json]") {
  const PageMeta m = article();
  constexpr std::string PageMeta::*kColumns[] = {&PageMeta::title, &PageMeta::canonical};
  const nlohmann::json j = page_meta_to_json(m, PageMetaShape::Stored, kColumns);
  CHECK(keys_of(j) ==
        sorted({"title_rule", "description", "description_rule", "og_title", "og_type",
                "jsonld_description", "refresh_url", "published", "signals", "notes"}));
  const PageMeta back = page_meta_from_json(j);
  CHECK(back.title.empty());  // left out: the store keeps it in a column
  CHECK(back.og_type == "article");
  CHECK(back.refresh_url == m.refresh_url);
  CHECK(back.notes == m.notes);
  CHECK(back.signals == m.signals);
  const PageMeta full = page_meta_from_json(page_meta_to_json(m, PageMetaShape::Stored));
  CHECK(full.title == m.title);
  CHECK(full.canonical == m.canonical);
  CHECK(page_meta_to_json(PageMeta{}, PageMetaShape::Stored) == nlohmann::json::object());
}

TEST_CASE("reading JSON of the wrong types leaves fields empty instead of throwing",
          "[page_meta][json]") {
  const PageMeta m = page_meta_from_json(
      nlohmann::json::parse(R"({"title": 3, "signals": "x", "notes": ["a", 1], "lang": "en"})"));
  CHECK(m.title.empty());
  CHECK(m.signals.empty());
  CHECK(m.notes == Strings{"a"});
  CHECK(m.lang == "en");
  CHECK(page_meta_from_json(nlohmann::json::array()).title.empty());
}
