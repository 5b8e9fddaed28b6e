// Redirect-only inline scripts, and the scripts of live pages that must not count.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "extract/page_meta.h"
#include "extract/page_signals.h"
#include "extract/script_redirect.h"

using linkhealth::script_redirect_target;

TEST_CASE("redirect stubs give their target", "[script_redirect]") {
  const std::pair<const char*, const char*> cases[] = {
      {"window.location.replace(\"https://www.example.org/\");", "https://www.example.org/"},
      {"location.href = '/news/';", "/news/"},
      {"\n  window.location.href=\"https:\\/\\/example.org\\/new\\/story\";\n",
       "https://example.org/new/story"},
      {"document.location = \"/\"", "/"},
      {"top.location.assign('https://example.org/a')", "https://example.org/a"},
      {"window.top.location.href = 'https://example.org/b';", "https://example.org/b"},
      {"<!--\nwindow.location = \"https://example.org/c\";\n//-->", "https://example.org/c"},
      {"//<![CDATA[\nlocation.replace(\"/d\\u003Fx=1\")\n//]]>", "/d?x=1"},
      {"/* moved */ self.location.href = `https://example.org/e`;", "https://example.org/e"},
      {"window.onload = function() { window.location.href = \"/f\"; };", "/f"},
      {"setTimeout(function () { location.replace('/g') }, 3000);", "/g"},
      {"window.setTimeout(() => window.location.href = '/h', 0)", "/h"},
      {"setTimeout(() => { location.assign(\"/i\"); }, 10000);", "/i"},
  };
  for (const auto& [script, target] : cases) {
    INFO(script);
    const std::optional<std::string> got = script_redirect_target(script);
    REQUIRE(got);
    CHECK(*got == target);
  }
}

TEST_CASE("scripts that do more than redirect, or redirect nowhere, give nothing",
          "[script_redirect]") {
  for (const char* script : {
           // analytics and apps of live articles that mention location
           "window.dataLayer = window.dataLayer || [];\n"
           "function gtag(){dataLayer.push(arguments);}\ngtag('config', 'G-1', "
           "{ page_location: window.location.href });",
           "var loginUrl = \"https://myaccount.nytimes.com/auth/login?uri=\" + "
           "encodeURIComponent(location.href);",
           "if (top !== self) { top.location = self.location; }",
           "if (location.protocol !== 'https:') location.href = 'https:' + "
           "location.href.substring(5);",
           "location.href = '/a'; trackPageview();",
           "var url = location.href;",
           "window.location.href = base + '/story';",
           "document.body.className = document.body.className.replace('no-js','js');",
           "history.replaceState(null, '', '/clean-url');",
           "window.location.hash = '#comments';",
           "location.href = '#top';",
           "location.href = '';",
           "location.href = 'javascript:void(0)';",
           "setTimeout(function(){ location.href = '/later'; }, 60000);",
           "location.href = \"/a\" \"/b\";",
           "{\"@context\":\"https://schema.org\",\"url\":\"https://example.org/\"}",
           "",
       }) {
    INFO(script);
    CHECK_FALSE(script_redirect_target(script));
  }
  // A stub is small; a program that happens to be one statement long is not a stub.
  const std::string big = "location.href = '/" + std::string(3000, 'x') + "';";
  CHECK_FALSE(script_redirect_target(big));
}

TEST_CASE("a redirect script's target is made absolute and signalled",
          "[script_redirect][page_meta]") {
  const linkhealth::PageMeta m = linkhealth::read_page_meta(
      "<html><head><title>Redirecting</title><script type=\"text/javascript\">"
      "window.location.replace(\"/health/2021/new-story/\");</script></head><body></body></html>",
      "text/html", "https://news.example.com/2020/05/old-story");
  CHECK(m.script_redirect_url == "https://news.example.com/health/2021/new-story/");
  CHECK(m.signals == std::vector<std::string>{"script_redirect"});
  // Only a script's own text counts: with a src the browser runs the file instead.
  const linkhealth::PageMeta with_src = linkhealth::read_page_meta(
      "<html><head><script src=\"/app.js\">location.href='/x'</script></head></html>", "text/html",
      "https://news.example.com/a/b");
  CHECK(with_src.script_redirect_url.empty());
  const linkhealth::PageMeta whole = linkhealth::read_page_meta(
      "<html><head><script src=\"/app.js\">location.href='/x'</script></head></html>", "text/html",
      "https://news.example.com/a/b", linkhealth::MarkupPass::Whole);
  CHECK(whole.script_redirect_url.empty());
}

TEST_CASE("a meta refresh's delay is read", "[script_redirect][page_meta]") {
  const auto delay = [](const std::string& content) {
    return linkhealth::read_page_meta("<meta http-equiv=refresh content=\"" + content + "\">",
                                      "text/html", "https://news.example.com/a/b")
        .refresh_delay_s;
  };
  CHECK(delay("0;url=/x") == 0);
  CHECK(delay("5; URL='/x'") == 5);
  CHECK(delay("3.5;url=/x") == 3);
  CHECK(delay("1800; url=/x") == 1800);
  CHECK(delay("99999999999999999999;url=/x") == 1000000);
  CHECK(delay("600") == 0);  // no target: nothing to wait for
}
