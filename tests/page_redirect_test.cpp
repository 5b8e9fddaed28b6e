// Which redirects a 200 page makes by itself, and which of them the engine follows.
#include <catch2/catch.hpp>

#include "crawler/page_redirect.h"
#include "extract/script_redirect.h"

using namespace linkhealth;

namespace {

constexpr const char* kStory = "https://news.example.com/2020/05/story";

PageMeta refreshing(const std::string& url, int delay_s) {
  PageMeta page;
  page.refresh_url = url;
  page.refresh_delay_s = delay_s;
  page.signals = {"meta_refresh"};
  return page;
}

}  // namespace

TEST_CASE("a short meta refresh or a redirect script is a page redirect", "[page_redirect]") {
  const auto refresh = page_redirect(refreshing("https://news.example.com/2021/new", 0), kStory);
  REQUIRE(refresh);
  CHECK(refresh->kind == PageRedirectKind::MetaRefresh);
  CHECK(refresh->url == "https://news.example.com/2021/new");
  CHECK(to_string(refresh->kind) == "meta refresh");
  CHECK(page_redirect(refreshing("https://news.example.com/2021/new", kMaxPageRedirectDelayS),
                      kStory));
  // A news page's auto-reload is no redirect.
  CHECK_FALSE(page_redirect(refreshing("https://news.example.com/", 900), kStory));
  // Back to the page itself (a fragment aside), or somewhere a browser would not go.
  CHECK_FALSE(page_redirect(refreshing(std::string(kStory) + "#top", 0), kStory));
  CHECK_FALSE(page_redirect(refreshing("ftp://news.example.com/file", 0), kStory));
  CHECK_FALSE(page_redirect(PageMeta{}, kStory));

  PageMeta scripted;
  scripted.script_redirect_url = "https://other.example.org/story";
  const auto script = page_redirect(scripted, kStory);
  REQUIRE(script);
  CHECK(script->kind == PageRedirectKind::Script);
  CHECK(to_string(script->kind) == "script redirect");
  // A refresh too slow to count leaves the script's redirect.
  scripted.refresh_url = "https://news.example.com/";
  scripted.refresh_delay_s = 600;
  CHECK(page_redirect(scripted, kStory)->kind == PageRedirectKind::Script);
}

TEST_CASE("the engine follows page redirects to real pages only", "[page_redirect]") {
  CHECK(page_redirect_to_follow(refreshing("https://news.example.com/2021/new", 0), kStory));
  CHECK(page_redirect_to_follow(refreshing("https://archive.example.org/story", 2), kStory));
  // To the root or a section: a soft 404 the verdict reads from the page, not a hop.
  CHECK_FALSE(page_redirect_to_follow(refreshing("https://news.example.com/", 0), kStory));
  CHECK_FALSE(page_redirect_to_follow(refreshing("https://news.example.com/2020/", 0), kStory));
  CHECK_FALSE(page_redirect_to_follow(refreshing("https://elsewhere.example/", 0), kStory));
  // The home page itself may refresh to its language section.
  CHECK(page_redirect_to_follow(refreshing("https://news.example.com/en/", 0),
                                "https://news.example.com/"));
  // A page whose signals already decide stays the last page.
  for (const char* deciding :
       {"challenge", "consent_wall", "parked_domain", "sign_in_form", "not_found_text"}) {
    INFO(deciding);
    PageMeta page = refreshing("https://news.example.com/2021/new", 0);
    page.signals.push_back(deciding);
    CHECK_FALSE(page_redirect_to_follow(page, kStory));
  }
}
