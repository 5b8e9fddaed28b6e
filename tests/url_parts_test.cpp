// URL comparisons the verdict makes: roots, sections, sites, migrations, home pages.
#include <catch2/catch.hpp>

#include "crawler/url_parts.h"

using namespace linkhealth;

TEST_CASE("a root anywhere or a section above the link", "[url_parts]") {
  CHECK(is_root_or_section_redirect("https://news.test/health/2020/story", "https://news.test/"));
  CHECK(is_root_or_section_redirect("https://news.test/health/2020/story",
                                    "https://news.test/health/"));
  // Another site's home page counts: the article is gone either way.
  CHECK(is_root_or_section_redirect("https://news.test/health/2020/story",
                                    "https://www.buyer.example/"));
  CHECK_FALSE(is_root_or_section_redirect("https://news.test/health/2020/story",
                                          "https://buyer.example/health/"));
  CHECK_FALSE(is_root_or_section_redirect("https://news.test/", "https://news.test/en/"));
}

TEST_CASE("same site, home pages and migrated articles", "[url_parts]") {
  CHECK(is_same_site("http://news.test/a", "https://www.news.test/b"));
  CHECK_FALSE(is_same_site("https://news.test/a", "https://news2.test/a"));
  CHECK_FALSE(is_same_site("not a url", "not a url"));

  CHECK(is_home_page_of("https://www.news.test/", "https://news.test/2020/05/story"));
  CHECK(is_home_page_of("https://news.test", "https://news.test/story"));
  CHECK_FALSE(is_home_page_of("https://news.test/", "https://news.test/"));
  CHECK_FALSE(is_home_page_of("https://news.test/?p=123", "https://news.test/story"));
  CHECK_FALSE(
      is_home_page_of("https://news.test/2020/05/story", "https://news.test/2020/05/story"));
  CHECK_FALSE(is_home_page_of("https://other.test/", "https://news.test/story"));
  CHECK_FALSE(is_home_page_of("", "https://news.test/story"));

  CHECK(is_same_article_elsewhere("https://www.ihealthbeat.org/articles/2014/5/1/telehealth-rules",
                                  "https://www.chcf.org/articles/telehealth-rules/"));
  CHECK(is_same_article_elsewhere("http://old.example/news/story-123.html",
                                  "https://new.example/archive/Story-123"));
  CHECK(is_same_article_elsewhere("http://old.example/a/b", "https://new.example/a/b/"));
  CHECK_FALSE(
      is_same_article_elsewhere("https://old.example/news/story-123", "https://new.example/news/"));
  CHECK_FALSE(is_same_article_elsewhere("https://old.example/a/index.html",
                                        "https://new.example/b/index.html"));
  CHECK_FALSE(
      is_same_article_elsewhere("https://news.test/a/story", "https://www.news.test/b/story"));
}

TEST_CASE("same_page_url ignores scheme, www, trailing slash, default port and fragment",
          "[crawler][url_parts]") {
  CHECK(same_page_url("http://www.Example.com/a/", "https://example.com/a"));
  CHECK(same_page_url("https://example.com:443/a#top", "https://example.com/a"));
  CHECK(same_page_url("https://example.com", "https://example.com/"));
  CHECK(same_page_url("https://example.com/a?", "https://example.com/a"));
  CHECK_FALSE(same_page_url("https://example.com/a", "https://example.com/b"));
  CHECK_FALSE(same_page_url("https://example.com/a?id=1", "https://example.com/a?id=2"));
  CHECK_FALSE(same_page_url("https://news.example.com/a", "https://example.com/a"));
  CHECK_FALSE(same_page_url("https://example.com:8080/a", "https://example.com/a"));
}

TEST_CASE("a mobile or AMP host is the same site", "[crawler][url_parts]") {
  CHECK(is_same_site("https://m.youtube.com/watch?v=1", "https://www.youtube.com/watch?v=1"));
  CHECK(is_same_site("https://amp.theguardian.com/a", "https://www.theguardian.com/a"));
  CHECK(is_same_site("https://mobile.nytimes.com/a", "https://nytimes.com/b"));
  CHECK_FALSE(is_same_site("https://m.example.com/a", "https://n.example.com/a"));
  CHECK_FALSE(is_same_site("https://m.co/a", "https://co/a"));  // too short to be a prefix
}
