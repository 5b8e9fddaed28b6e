#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "extract/addthis_fragment.h"
#include "extract/url_cleaner.h"
#include "tests/temp_tree.h"

using linkhealth::clean_url;
using linkhealth::CleanedUrl;
using linkhealth::FindingKind;

namespace {

CleanedUrl clean(std::string_view raw) {
  return clean_url(raw, linkhealth::default_tracking_rules());
}

bool removed_contains(const CleanedUrl& r, std::string_view text) {
  return std::any_of(r.removed.begin(), r.removed.end(),
                     [&](const std::string& s) { return s.find(text) != std::string::npos; });
}

}  // namespace

// Each case below is a URL shape listed in shared/corpus/README.md, written as it appears in
// the medigy or healthcareguys front matter.

TEST_CASE("a plain https URL passes through unchanged", "[extract][cleaner]") {
  const auto r = clean("https://www.beckershospitalreview.com/telehealth/item.html");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.beckershospitalreview.com/telehealth/item.html");
  CHECK(r.request_url == r.clean);
  CHECK(r.host == "www.beckershospitalreview.com");
  CHECK(r.removed.empty());
  CHECK(r.tracking_removed == 0);
}

TEST_CASE("empty link.href is not a URL", "[extract][cleaner]") {
  for (std::string_view raw : {"", "   "}) {
    const auto r = clean(raw);
    CHECK_FALSE(r.ok);
    CHECK(r.error_kind == FindingKind::InvalidUrl);
    CHECK(r.error == "empty URL");
  }
}

TEST_CASE("a leading space is trimmed and reported", "[extract][cleaner]") {
  const auto r = clean(" https://www.remotedesk.com/blog/article/the-ethical-complexity");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.remotedesk.com/blog/article/the-ethical-complexity");
  CHECK(r.removed == std::vector<std::string>{"trimmed whitespace"});
  CHECK(clean("https://a.example/x \t\n").clean == "https://a.example/x");
}

TEST_CASE("a scheme-less www. value gets https://", "[extract][cleaner]") {
  const auto r = clean("www.medigy.com");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.medigy.com/");
  CHECK(r.host == "www.medigy.com");
  CHECK(removed_contains(r, "added https://"));
}

TEST_CASE("other scheme-less values and foreign schemes are rejected", "[extract][cleaner]") {
  const auto bare = clean("medigy.com/news");
  CHECK_FALSE(bare.ok);
  CHECK(bare.error_kind == FindingKind::NoScheme);
  for (std::string_view raw : {"mailto:editor@example.com", "ftp://example.com/file",
                               "javascript:void(0)", "file:///etc/passwd"}) {
    const auto r = clean(raw);
    CHECK_FALSE(r.ok);
    CHECK(r.error_kind == FindingKind::UnsupportedScheme);
  }
}

TEST_CASE("unparseable URLs carry curl's reason", "[extract][cleaner]") {
  for (std::string_view raw : {"https://", "https://exa mple.com/", "https://example.com/a b"}) {
    const auto r = clean(raw);
    CHECK_FALSE(r.ok);
    CHECK(r.error_kind == FindingKind::InvalidUrl);
    CHECK_FALSE(r.error.empty());
  }
}

TEST_CASE("a dangling ? is dropped", "[extract][cleaner]") {
  const auto r =
      clean("https://www.beckershospitalreview.com/using-tech-to-improve-patient-engagement.html?");
  REQUIRE(r.ok);
  CHECK(r.clean ==
        "https://www.beckershospitalreview.com/using-tech-to-improve-patient-engagement.html");
  CHECK(r.removed == std::vector<std::string>{"dropped dangling ?"});
  CHECK(r.tracking_removed == 0);
}

TEST_CASE("AddThis share fragments are stripped and dated", "[extract][cleaner][addthis]") {
  const auto r = clean(
      "https://hitconsultant.net/2020/12/07/healthcare-providers-interoperability-excellence-steps/"
      "#.X88gt1UzbIU");
  REQUIRE(r.ok);
  CHECK(r.clean ==
        "https://hitconsultant.net/2020/12/07/"
        "healthcare-providers-interoperability-excellence-steps/");
  CHECK(r.request_url == r.clean);
  CHECK(r.tracking_removed == 1);
  CHECK(removed_contains(r, "#.X88gt1UzbIU (AddThis share fragment, viewed 2020-12-08T06:44:07Z)"));

  const auto twitter = clean("https://example.org/story#.VTktRK1Vikp.twitter");
  REQUIRE(twitter.ok);
  CHECK(twitter.clean == "https://example.org/story");
}

TEST_CASE("AddThis payload decodes to the page-view time", "[extract][addthis]") {
  CHECK(linkhealth::addthis_view_time(".X88gt1UzbIU") == 1607409847);
  CHECK(linkhealth::addthis_view_time(".VTktRK1Vikp") == 1429810500);
  CHECK(linkhealth::addthis_view_time(".Uw0v1oVK0uh") == 1393373142);
  CHECK(linkhealth::format_utc(1607409847) == "2020-12-08T06:44:07Z");
  // Real anchors of the same length do not decode to a plausible time.
  CHECK_FALSE(linkhealth::addthis_view_time(".introduction"));
  CHECK_FALSE(linkhealth::addthis_view_time(".aaaaaaaaaaa"));
  CHECK_FALSE(linkhealth::addthis_view_time("X88gt1UzbIU"));
  CHECK_FALSE(linkhealth::addthis_view_time(".X88gt1UzbI!"));
  CHECK_FALSE(linkhealth::addthis_view_time(".X88gt1UzbIU.face-book"));
}

TEST_CASE("text fragments are stripped", "[extract][cleaner]") {
  const auto r = clean(
      "https://www.mgma.com/resources/what-is-a-virtual-care-strategy#:~:text=Today's%20healthcare"
      "%20providers%20need%20modern,connections&text=Virtual%20care");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.mgma.com/resources/what-is-a-virtual-care-strategy");
  CHECK(r.tracking_removed == 1);
}

TEST_CASE("ShareThis and Echobox fragments are stripped", "[extract][cleaner]") {
  CHECK(clean("https://example.org/a#sthash.lAmfxDCc.dpuf").clean == "https://example.org/a");
  CHECK(clean("https://www.telegraph.co.uk/news/x/#Echobox=1692802413").clean ==
        "https://www.telegraph.co.uk/news/x/");
}

TEST_CASE("Tynt and Forbes view-id fragments are stripped", "[extract][cleaner]") {
  CHECK(clean("https://www.hospitalhealth.com.au/content/article-292738552#axzz6YfyQt7fQ").clean ==
        "https://www.hospitalhealth.com.au/content/article-292738552");
  CHECK(clean("https://www.forbes.com/sites/x/2019/12/17/femtech/#13c912a3114c").clean ==
        "https://www.forbes.com/sites/x/2019/12/17/femtech/");
  // The Forbes rule is scoped to forbes.com.
  CHECK(clean("https://example.org/p#13c912a3114c").clean == "https://example.org/p#13c912a3114c");
}

TEST_CASE("real anchors stay in the clean URL but not in the request URL", "[extract][cleaner]") {
  for (std::string_view frag : {"tab-2", "comments", "more-24338", "variety", "tab=about"}) {
    const auto r = clean("https://www.ama-assn.org/telehealth-guide#" + std::string(frag));
    REQUIRE(r.ok);
    CHECK(r.clean == "https://www.ama-assn.org/telehealth-guide#" + std::string(frag));
    CHECK(r.request_url == "https://www.ama-assn.org/telehealth-guide");
    CHECK(r.removed.empty());
  }
}

TEST_CASE("an empty fragment is dropped", "[extract][cleaner]") {
  const auto r = clean("https://www.relias.com/blog/understanding-telehealth-regulations#");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.relias.com/blog/understanding-telehealth-regulations");
  CHECK(r.removed == std::vector<std::string>{"dropped empty fragment #"});
}

TEST_CASE("utm parameters are removed, the rest of the query is kept byte for byte",
          "[extract][cleaner]") {
  const auto r = clean(
      "https://srh.bmj.com/content/early/2020/03/05/bmjsrh-2019-200488?utm_source=STAT+Newsletters"
      "&utm_campaign=7c623d1b79-MR_COPY_01&utm_medium=email&utm_term=0_8cab1d7961-7c623d1b79");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://srh.bmj.com/content/early/2020/03/05/bmjsrh-2019-200488");
  CHECK(r.tracking_removed == 4);
  CHECK(removed_contains(r, "tracking parameter utm_source=STAT+Newsletters"));

  const auto mixed = clean("https://example.org/p?q=a+b%20c&UTM_Source=x&k=%7e;v&&z");
  REQUIRE(mixed.ok);
  CHECK(mixed.clean == "https://example.org/p?q=a+b%20c&k=%7e;v&&z");
}

TEST_CASE("_ga, oly_enc_id and friends are removed", "[extract][cleaner]") {
  CHECK(clean("https://blogs.gartner.com/x/?_ga=2.219414489.1919377798.1613037002-1400010036")
            .clean == "https://blogs.gartner.com/x/");
  CHECK(clean("https://www.prnewsonline.com/hospitals/?oly_enc_id=2571B2101345A3G").clean ==
        "https://www.prnewsonline.com/hospitals/");
  CHECK(clean("https://example.org/?fbclid=abc&id=7&gclid=x&mc_cid=1&mc_eid=2").clean ==
        "https://example.org/?id=7");
}

TEST_CASE("aff is tracking on Eventbrite only", "[extract][cleaner]") {
  CHECK(clean("https://www.eventbrite.co.uk/e/sickle-cell-tickets-73967333285?aff=ebdssbdestsearch")
            .clean == "https://www.eventbrite.co.uk/e/sickle-cell-tickets-73967333285");
  CHECK(clean("https://www.eventbrite.com.au/e/gs1-webinar-17255524739?aff=ebdssbonlinesearch")
            .clean == "https://www.eventbrite.com.au/e/gs1-webinar-17255524739");
  CHECK(clean("https://shop.example.com/p?aff=partner").clean ==
        "https://shop.example.com/p?aff=partner");
}

TEST_CASE("YouTube share parameters go, the video id and start time stay", "[extract][cleaner]") {
  CHECK(clean("https://www.youtube.com/watch?v=-FK7jNujI-M&feature=youtu.be").clean ==
        "https://www.youtube.com/watch?v=-FK7jNujI-M");
  CHECK(clean("https://www.youtube.com/watch?v=9b3f23EypaY&t=176s").clean ==
        "https://www.youtube.com/watch?v=9b3f23EypaY&t=176s");
  // m.youtube.com keeps its host (the scan reports it as mobile_host) but loses feature=.
  const auto m = clean("https://m.youtube.com/watch?v=629fjj6oEbM&feature=youtu.be");
  REQUIRE(m.ok);
  CHECK(m.clean == "https://m.youtube.com/watch?v=629fjj6oEbM");
  CHECK(linkhealth::default_tracking_rules().desktop_host(m.host) == "www.youtube.com");
}

TEST_CASE("cookie-wall captures are not changed by cleaning", "[extract][cleaner]") {
  CHECK(clean("https://catalyst.nejm.org/action/cookieAbsent").clean ==
        "https://catalyst.nejm.org/action/cookieAbsent");
  const std::string nature =
      "https://www.nature.com/articles/d41586-020-03518-4?error=cookies_not_supported&code="
      "0da98491-a0bc-46ba-a7aa-682b18a64818";
  CHECK(clean(nature).clean == nature);
}

TEST_CASE("unknown parameters such as rf=1 are kept", "[extract][cleaner]") {
  CHECK(clean("https://medcitynews.com/2020/12/3-tech-driven/?rf=1").clean ==
        "https://medcitynews.com/2020/12/3-tech-driven/?rf=1");
}

TEST_CASE("scheme and host are lowercased, default ports dropped", "[extract][cleaner]") {
  const auto r = clean("HTTPS://WWW.Example.COM:443/Path/Keeps/Case?Q=1");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.example.com/Path/Keeps/Case?Q=1");
  CHECK(r.host == "www.example.com");
  CHECK(removed_contains(r, "lowercased scheme HTTPS"));
  CHECK(removed_contains(r, "lowercased host WWW.Example.COM"));
  CHECK(removed_contains(r, "dropped default port :443"));
  CHECK(clean("http://example.com:80/x").clean == "http://example.com/x");
  CHECK(clean("http://example.com:8080/x").clean == "http://example.com:8080/x");
}

TEST_CASE("internationalised hosts become punycode", "[extract][cleaner]") {
  const auto r = clean("https://www.Bücher.de/straße?q=1");
  REQUIRE(r.ok);
  CHECK(r.host == "www.xn--bcher-kva.de");
  CHECK(r.clean == "https://www.xn--bcher-kva.de/straße?q=1");
  CHECK(removed_contains(r, "converted host"));
}

TEST_CASE("the healthcareguys scalar link shape cleans like the rest", "[extract][cleaner]") {
  const auto r = clean("http://www.healthcareitnews.com/news/some-story?utm_medium=rss");
  REQUIRE(r.ok);
  CHECK(r.clean == "http://www.healthcareitnews.com/news/some-story");
}

TEST_CASE("a rules file can replace the built-in rules", "[extract][rules]") {
  const auto rules = linkhealth::parse_tracking_rules(
      "# custom\nparam ref example.org\nfragment-prefix top\n", "test-rules");
  CHECK(clean_url("https://www.example.org/a?ref=x&utm_source=y#top", rules).clean ==
        "https://www.example.org/a?utm_source=y");
  CHECK(clean_url("https://other.org/a?ref=x", rules).clean == "https://other.org/a?ref=x");
  CHECK_THROWS_WITH(linkhealth::parse_tracking_rules("param\n", "bad.rules"),
                    Catch::Contains("bad.rules:1"));
  CHECK_THROWS_WITH(linkhealth::parse_tracking_rules("\nfragment-regex ([\n", "bad.rules"),
                    Catch::Contains("bad.rules:2"));
}

TEST_CASE("host patterns match the host and its subdomains only", "[extract][rules]") {
  CHECK(linkhealth::host_matches("eventbrite.com", "eventbrite.com"));
  CHECK(linkhealth::host_matches("www.eventbrite.com", "eventbrite.com"));
  CHECK_FALSE(linkhealth::host_matches("noteventbrite.com", "eventbrite.com"));
  CHECK_FALSE(linkhealth::host_matches("eventbrite.com.evil.org", "eventbrite.com"));
}

TEST_CASE("a rules file is loaded from disk and errors name it", "[extract][rules]") {
  linkhealth::testing::TempTree tree;
  tree.write("site.rules", "param sessionid\nfragment-addthis\n");
  const auto rules = linkhealth::load_tracking_rules(tree.root() / "site.rules");
  CHECK(rules.origin == (tree.root() / "site.rules").string());
  CHECK(clean_url("https://a.example/p?sessionid=9&utm_source=x#.X88gt1UzbIU", rules).clean ==
        "https://a.example/p?utm_source=x");
  CHECK_THROWS_WITH(linkhealth::load_tracking_rules(tree.root() / "missing.rules"),
                    Catch::Contains("missing.rules"));
}

TEST_CASE("a scheme-less www. value with a port is still repaired", "[extract][cleaner]") {
  const auto r = clean("WWW.Medigy.com:8443/news");
  REQUIRE(r.ok);
  CHECK(r.clean == "https://www.medigy.com:8443/news");
}

TEST_CASE("a host that decodes to bytes that are not UTF-8 is an invalid URL",
          "[extract][cleaner][url_cleaner]") {
  const auto escaped = clean("https://example.com%80/");
  CHECK_FALSE(escaped.ok);
  CHECK(escaped.error_kind == FindingKind::InvalidUrl);
  CHECK(escaped.error == "host example.com%80 is not UTF-8 once its %-escapes are decoded");
  const auto raw_byte = clean(" https://example.com/a\x80z");
  CHECK_FALSE(raw_byte.ok);
  CHECK(raw_byte.error_kind == FindingKind::InvalidUrl);
  CHECK(raw_byte.error == "not UTF-8: byte 0x80 at offset 22");
  // Escapes that decode to UTF-8 are a host like any other.
  const auto idn = clean("https://ex%C3%A9.com/");
  REQUIRE(idn.ok);
  CHECK(idn.host == "xn--ex-cja.com");
}

TEST_CASE("stripping a parameter keeps every byte of the others as written",
          "[extract][cleaner][url_cleaner]") {
  CHECK(clean("https://www.statnews.com/2022/us?utm_medium=x&d=2022%2Fus").clean ==
        "https://www.statnews.com/2022/us?d=2022%2Fus");
  // A signed CDN URL: the signature covers the escapes exactly as written.
  CHECK(
      clean("https://cdn.example.com/i.jpg?fbclid=1&Policy=eyJ%2Bx%3D&Signature=Ab%7e%2F&"
            "Key-Pair-Id=K2#view%2F1")
          .clean ==
      "https://cdn.example.com/i.jpg?Policy=eyJ%2Bx%3D&Signature=Ab%7e%2F&Key-Pair-Id=K2#view%2F1");
  CHECK(clean("https://e.example/p?a=%C3%A9&gclid=9").clean == "https://e.example/p?a=%C3%A9");
}

TEST_CASE("a numeric host is written as the address curl reads, so cleaning is idempotent",
          "[extract][cleaner][url_cleaner]") {
  for (std::string_view raw :
       {"https://%30xc0.0250.01/", "https://0xc0.0250.01/", "https://3232235521/",
        "https://%31%39%32.168.0.1/", "https://192.168.0.1/"}) {
    INFO(raw);
    const auto once = clean(raw);
    REQUIRE(once.ok);
    CHECK(once.clean == "https://192.168.0.1/");
    CHECK(once.host == "192.168.0.1");
    const auto twice = clean(once.clean);
    CHECK(twice.clean == once.clean);
    CHECK(twice.removed.empty());
  }
  CHECK(removed_contains(clean("https://%30x7f.1/"), "wrote numeric host 0x7f.1 as 127.0.0.1"));
  // Full-width digits become ASCII through IDNA mapping, and then an address.
  CHECK(clean("https://\xEF\xBC\x90\xEF\xBD\x98\xEF\xBC\x97\xEF\xBD\x86.1/").clean ==
        "https://127.0.0.1/");
}

TEST_CASE("link wrappers are left as written, tracking-shaped payload included",
          "[extract][cleaner][url_cleaner]") {
  for (std::string_view wrapped :
       {"https://urldefense.com/v3/__https://www.statnews.com/2020/?utm_source=STAT*Newsletters"
        "&utm_campaign=a1__;Kw!!Ab1Cd!xYz-42$",
        "https://urldefense.proofpoint.com/v2/url?u=https-3A__x.org_&d=DwM&c=x&r=y&m=z&s=q&e=",
        "https://nam11.safelinks.protection.outlook.com/?url=http%3A%2F%2Fx.org%2F%3Futm_source"
        "%3Da&data=02%7C01&sdata=S0y%3D&reserved=0&utm_source=z"}) {
    INFO(wrapped);
    const auto r = clean(wrapped);
    REQUIRE(r.ok);
    CHECK(r.clean == wrapped);
    CHECK(r.tracking_removed == 0);
  }
}

TEST_CASE("mkt_tok and ck_subscriber_id stay on unsubscribe and web-view pages",
          "[extract][cleaner][url_cleaner]") {
  for (std::string_view kept :
       {"https://info.example.com/UnsubscribePage.html?mkt_tok=MTIzLUFCQy00NTY",
        "https://app-ab12.marketo.com/index.php/email/emailWebview?mkt_tok=MTIzLUFCQy00NTY",
        "https://news.example.com/unsubscribe?ck_subscriber_id=1234"}) {
    INFO(kept);
    CHECK(clean(kept).clean == kept);
  }
  CHECK(clean("https://www.example.com/article?mkt_tok=MTIzLUFCQy00NTY&id=3").clean ==
        "https://www.example.com/article?id=3");
  CHECK(clean("https://blog.example.com/post?ck_subscriber_id=1234").clean ==
        "https://blog.example.com/post");
}

TEST_CASE("the keys the lists agree on are stripped, generic ones on their own sites only",
          "[extract][cleaner][url_cleaner]") {
  const std::pair<std::string_view, std::string_view> stripped[] = {
      {"https://www.forbes.com/sites/x/2021/01/13/value-based-care/?sh=666765e72acf",
       "https://www.forbes.com/sites/x/2021/01/13/value-based-care/"},
      {"https://www.cnbc.com/2019/04/14/amazon-alexa.html?__source=twitter%7Cmain",
       "https://www.cnbc.com/2019/04/14/amazon-alexa.html"},
      {"https://www.nytimes.com/2019/05/04/opinion/devices.html?emc=edit_th_190505&smid=tw-share",
       "https://www.nytimes.com/2019/05/04/opinion/devices.html"},
      {"https://twitter.com/noupside/status/1218943537653280768?s=21&t=AbC",
       "https://twitter.com/noupside/status/1218943537653280768"},
      {"https://x.com/user/status/1?s=20", "https://x.com/user/status/1"},
      {"https://www.linkedin.com/pulse/x?trk=public_post&trackingId=AbC%3D%3D",
       "https://www.linkedin.com/pulse/x"},
      {"https://techcrunch.com/2021/x/?ncid=rss", "https://techcrunch.com/2021/x/"},
      {"https://www.theguardian.com/society/x?CMP=share_btn_tw",
       "https://www.theguardian.com/society/x"},
      {"https://www.wired.com/story/x/?intcid=inline_amp", "https://www.wired.com/story/x/"},
      {"https://a.example/p?hsa_acc=1&hsa_cam=2&q=1&_kx=AbC&irclickid=x&gad_source=1&ttclid=E",
       "https://a.example/p?q=1"},
  };
  for (const auto& [raw, want] : stripped) {
    INFO(raw);
    CHECK(clean(raw).clean == want);
  }
  for (std::string_view kept :
       {"https://www.youtube.com/watch?v=9b3f23EypaY&t=176s", "https://www.google.com/search?s=1",
        "https://avatars0.githubusercontent.com/u/6516184?s=400",
        "https://i.guim.co.uk/img/master/4539.jpg?width=620&s=c81154e18682b2bafcf4bccc17ba38e5",
        "https://shop.example/p?sh=1&emc=2&trk=3&ncid=4&CMP=5&intcid=6&__source=7",
        "https://www.amazon.com/dp/B00X?smid=A1"}) {
    INFO(kept);
    CHECK(clean(kept).clean == kept);
  }
}

TEST_CASE("unless-path and wrapper-host rules read from a rules file", "[extract][rules]") {
  const auto rules = linkhealth::parse_tracking_rules(
      "param tok unless-path ^/keep\nwrapper-host wrap.example\nparam utm_*\n", "t.rules");
  CHECK(clean_url("https://a.example/go?tok=1&x=2", rules).clean == "https://a.example/go?x=2");
  CHECK(clean_url("https://a.example/KEEP/go?tok=1", rules).clean ==
        "https://a.example/KEEP/go?tok=1");
  CHECK(clean_url("https://in.wrap.example/?utm_source=1", rules).clean ==
        "https://in.wrap.example/?utm_source=1");
  CHECK_THROWS_WITH(linkhealth::parse_tracking_rules("param tok unless-path a b\n", "t.rules"),
                    Catch::Contains("t.rules:1"));
  CHECK_THROWS_WITH(linkhealth::parse_tracking_rules("\n\nparam tok unless-path (\n", "t.rules"),
                    Catch::Contains("t.rules:3") && Catch::Contains("bad regex"));
  CHECK_THROWS_WITH(linkhealth::parse_tracking_rules("wrapper-host\n", "t.rules"),
                    Catch::Contains("t.rules:1"));
}
