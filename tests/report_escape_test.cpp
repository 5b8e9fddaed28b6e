#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reports/html_escape.h"

using namespace linkhealth;

TEST_CASE("escape_html neutralises markup and attribute breakouts", "[report][escape]") {
  CHECK(escape_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(escape_html("\"><img src=x onerror='a'>") ==
        "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;");
  CHECK(escape_html("</textarea>") == "&lt;/textarea&gt;");
  CHECK(escape_html("AT&T") == "AT&amp;T");
  CHECK(escape_html(std::string("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(escape_html("caf\xC3\xA9 \xE2\x80\xA8") == "caf\xC3\xA9 \xE2\x80\xA8");
}

TEST_CASE("only http and https URLs are linkable", "[report][escape]") {
  CHECK(is_linkable_url("https://example.org/a?b=c#d"));
  CHECK(is_linkable_url("HTTP://EXAMPLE.ORG/"));
  CHECK_FALSE(is_linkable_url("javascript:alert(1)"));
  CHECK_FALSE(is_linkable_url("JavaScript:alert(1)"));
  CHECK_FALSE(is_linkable_url(" javascript:alert(1)"));
  CHECK_FALSE(is_linkable_url("java\tscript:alert(1)"));
  CHECK_FALSE(is_linkable_url("data:text/html,<script>alert(1)</script>"));
  CHECK_FALSE(is_linkable_url("vbscript:msgbox"));
  CHECK_FALSE(is_linkable_url("//evil.example/"));
  CHECK_FALSE(is_linkable_url("www.medigy.com"));
  CHECK_FALSE(is_linkable_url("https://a.example/x y"));
  CHECK_FALSE(is_linkable_url("https://a.example/\nx"));
  CHECK_FALSE(is_linkable_url(""));
}

TEST_CASE("render_link makes anchors only for http(s) and escapes both parts", "[report][escape]") {
  CHECK(render_link("https://a.example/?q=\"x\"&y=<b>") ==
        "<a href=\"https://a.example/?q=&quot;x&quot;&amp;y=&lt;b&gt;\" rel=\"noopener "
        "noreferrer\" target=\"_blank\">https://a.example/?q=&quot;x&quot;&amp;y=&lt;b&gt;</a>");
  CHECK(render_link("javascript:alert(1)") == "<span class=\"nolink\">javascript:alert(1)</span>");
  CHECK(render_link("https://web.archive.org/web/x", "<Archive>") ==
        "<a href=\"https://web.archive.org/web/x\" rel=\"noopener noreferrer\" "
        "target=\"_blank\">&lt;Archive&gt;</a>");
}

TEST_CASE("script_safe_json escapes what could end or confuse a script element",
          "[report][escape]") {
  nlohmann::json doc = {{"t", "</script><!-- & \xE2\x80\xA8 \xE2\x80\xA9 >"}};
  std::string dumped = doc.dump();
  std::string safe = script_safe_json(dumped);
  CHECK(safe.find('<') == std::string::npos);
  CHECK(safe.find('>') == std::string::npos);
  CHECK(safe.find('&') == std::string::npos);
  CHECK(safe.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(safe.find("\xE2\x80\xA9") == std::string::npos);
  CHECK(safe.find("\\u2028") != std::string::npos);
  CHECK(safe.find("\\u2029") != std::string::npos);
  // Still the same JSON value.
  CHECK(nlohmann::json::parse(safe) == doc);
}
