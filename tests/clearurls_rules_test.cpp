// ClearURLs rules files (the JSON of ClearURLs/Rules data.min.json) read by --rules.
#include <catch2/catch.hpp>

#include <string>

#include "extract/clearurls_rules.h"
#include "extract/url_cleaner.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/temp_tree.h"

using linkhealth::clean_url;
using linkhealth::parse_clearurls_rules;

namespace {

using linkhealth::fuzz::kClearUrlsSample;

linkhealth::CleanedUrl clean(std::string_view raw) {
  return clean_url(raw, linkhealth::fuzz::clearurls_sample_rules());
}

}  // namespace

TEST_CASE("ClearURLs providers strip their keys where they apply, and only there",
          "[extract][clearurls]") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"https://news.example.org/a?utm_source=x&UTM_Medium=y&id=7&fbclid=1",
       "https://news.example.org/a?id=7"},
      {"https://www.shop.example.de/dp/B01?qid=1&sr=8-1&pd_rd_w=x&color=red",
       "https://www.shop.example.de/dp/B01?color=red"},
      // Site keys stay off other sites, and `methods` without GET turns a provider off.
      {"https://news.example.org/a?qid=1&sr=2&id=3", "https://news.example.org/a?qid=1&sr=2&id=3"},
      // exceptions
      {"https://gitlab.com/g/p/-/tree/main?utm_source=x",
       "https://gitlab.com/g/p/-/tree/main?utm_source=x"},
      {"https://www.shop.example.com/gp/cart/view?qid=1",
       "https://www.shop.example.com/gp/cart/view?qid=1"},
      // referral marketing is kept
      {"https://blog.example.org/p?ref=hn&ref_=x&utm_source=y",
       "https://blog.example.org/p?ref=hn&ref_=x"},
  };
  for (const auto& [raw, want] : cases) {
    INFO(raw);
    CHECK(clean(raw).clean == want);
  }
}

TEST_CASE("ClearURLs rules read fragment keys, raw rules cut the URL", "[extract][clearurls]") {
  CHECK(clean("https://www.telegraph.co.uk/news/x/#Echobox=1692802413").clean ==
        "https://www.telegraph.co.uk/news/x/");
  CHECK(clean("https://e.example/p#Echobox=1&section=2").clean == "https://e.example/p#section=2");
  // The built-in AddThis rule is not part of a ClearURLs list.
  CHECK(clean("https://e.example/p#.X88gt1UzbIU").clean == "https://e.example/p#.X88gt1UzbIU");
  const auto raw = clean("https://www.shop.example.com/Widget/dp/B01/ref=sr_1_1?qid=9&keep=%2F");
  REQUIRE(raw.ok);
  CHECK(raw.clean == "https://www.shop.example.com/Widget/dp/B01?keep=%2F");
  CHECK(raw.tracking_removed == 2);
}

TEST_CASE("ClearURLs redirections and completeProvider are reported, not applied",
          "[extract][clearurls]") {
  const std::string wrapper =
      "https://www.shop.example.com/out?t=1&u=" +
      std::string("https%3A%2F%2Fnews.example.org%2Fa%3Fb%3D1&utm_source=x");
  const auto r = clean(wrapper);
  REQUIRE(r.ok);
  CHECK(r.clean == wrapper);
  CHECK(r.wrapped_target == "https://news.example.org/a?b=1");
  CHECK(r.wrapper_provider == "shop");
  const auto ad = clean("https://pixel.ads.example.net/c?utm_source=x");
  REQUIRE(ad.ok);
  CHECK(ad.clean == "https://pixel.ads.example.net/c?utm_source=x");
  CHECK(ad.tracker_provider == "ads");
}

TEST_CASE("cleaning with ClearURLs rules is idempotent and keeps kept bytes",
          "[extract][clearurls]") {
  const auto& rules = linkhealth::fuzz::clearurls_sample_rules();
  for (std::string_view raw :
       {"https://news.example.org/a?utm_source=x&d=2022%2Fus&fbclid=1#Echobox=1",
        "https://www.shop.example.com/x/ref=a/ref=b?sr=1&q=%7e", "https://gitlab.com/?utm_a=1",
        "https://www.shop.example.com/out?u=https%3A%2F%2Fx.org"}) {
    INFO(raw);
    const auto once = clean_url(raw, rules);
    REQUIRE(once.ok);
    CHECK(clean_url(once.clean, rules).clean == once.clean);
  }
  CHECK_FALSE(linkhealth::fuzz::check_url_cleaner("https://a.example/?utm_source=1&x=%2F", rules));
}

TEST_CASE("a bad ClearURLs file is an error naming the file, line and provider",
          "[extract][clearurls]") {
  using Catch::Contains;
  CHECK_THROWS_WITH(parse_clearurls_rules("{\n  \"providers\": {,\n}", "r.json"),
                    Contains("r.json") && Contains("not valid JSON") && Contains("line 2"));
  CHECK_THROWS_WITH(parse_clearurls_rules("{\"rules\": []}", "r.json"),
                    Contains("r.json: a ClearURLs rules file is a JSON object"));
  CHECK_THROWS_WITH(
      parse_clearurls_rules("{\"providers\": {\n\"a\": {\"rules\": [\"x\"]}}}", "r.json"),
      Contains("r.json:2: provider 'a': needs a \"urlPattern\" string"));
  CHECK_THROWS_WITH(parse_clearurls_rules("{\"providers\": {\"a\": {\"urlPattern\": \".*\",\n"
                                          "  \"rules\": [\"ok\",\n  \"(unclosed\"]}}}",
                                          "r.json"),
                    Contains("r.json:3: provider 'a': rules[1]: bad regex '(unclosed'"));
  CHECK_THROWS_WITH(
      parse_clearurls_rules("{\"providers\": {\"a\": {\"urlPattern\": \".*\", \"rule\": []}}}",
                            "r.json"),
      Contains("provider 'a': unknown key 'rule'"));
  CHECK_THROWS_WITH(
      parse_clearurls_rules("{\"providers\": {\"a\": {\"urlPattern\": \".*\", \"rules\": \"x\"}}}",
                            "r.json"),
      Contains("provider 'a': rules is not a list"));
}

TEST_CASE("a rules file is read as ClearURLs JSON or the built-in format by its content",
          "[extract][clearurls]") {
  linkhealth::testing::TempTree tree;
  tree.write("site.rules", "param sessionid\n");
  tree.write("clearurls.txt", std::string("\xEF\xBB\xBF\n  ") + kClearUrlsSample);
  const auto text = linkhealth::load_tracking_rules(tree.root() / "site.rules");
  CHECK(text.providers.empty());
  CHECK(text.params.size() == 1);
  const auto json = linkhealth::load_tracking_rules(tree.root() / "clearurls.txt");
  CHECK(json.providers.size() == 3);  // postOnly is not for GET
  CHECK(json.params.empty());
  CHECK(json.origin == (tree.root() / "clearurls.txt").string());
  // ClearURLs knows no link wrappers: the built-in ones still keep a signed payload whole.
  CHECK(json.is_link_wrapper("urldefense.com"));
  const std::string wrapped =
      "https://urldefense.com/v3/__https://example.org/a?utm_source=x__;!!AbC$";
  CHECK(clean_url(wrapped, json).clean == wrapped);
}
