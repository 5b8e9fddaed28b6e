// read_page_meta over fixture pages that mimic real shapes (tests/fixtures/pages/).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/page_meta.h"

namespace {

using linkhealth::PageMeta;
using linkhealth::read_page_meta;
using Strings = std::vector<std::string>;

std::string page_fixture(const std::string& name) {
  const std::string path = std::string(LINKHEALTH_FIXTURES_DIR) + "/pages/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr const char* kStoryUrl = "https://news.example.com/health/story.html";

PageMeta read_fixture(const std::string& name, const std::string& content_type = "text/html") {
  return read_page_meta(page_fixture(name), content_type, kStoryUrl);
}

}  // namespace

TEST_CASE("Yoast article: og wins, every source is read", "[page_meta]") {
  const PageMeta m = read_fixture("yoast_article.html", "text/html; charset=UTF-8");
  CHECK(m.title == "In-Depth: 32 FDA-Approved COVID-19 Testing Kits");
  CHECK(m.title_rule == "og:title");
  CHECK(m.description ==
        "The U.S. Food and Drug Administration (FDA) offers emergency use authorizations (EUAs) "
        "for unapproved products or new uses for approved items in urgent situations where no "
        "suitable alternatives exist.");
  CHECK(m.description_rule == "og:description");
  CHECK(m.og_url ==
        "https://hitconsultant.net/2020/04/23/in-depth-32-fda-approved-covid-19-testing-kits/");
  CHECK(m.og_site_name == "HIT Consultant");
  CHECK(m.og_image == "https://hitconsultant.net/wp-content/uploads/2020/04/COVID-19-testing.jpg");
  CHECK(m.og_type == "article");
  CHECK(m.twitter_title == "32 FDA-Approved COVID-19 Testing Kits");
  CHECK(m.twitter_description ==
        "Dozens of companies have received EUAs for their SARS-CoV-2 testing kits.");
  CHECK(m.html_title == "In-Depth: 32 FDA-Approved COVID-19 Testing Kits | HIT Consultant");
  CHECK(m.meta_description ==
        "The U.S. Food and Drug Administration (FDA) offers emergency use authorizations (EUAs) "
        "for unapproved products in urgent situations.");
  CHECK(m.canonical ==
        "https://hitconsultant.net/2020/04/23/in-depth-32-fda-approved-covid-19-testing-kits/");
  CHECK(m.jsonld_headline == "In-Depth: 32 FDA-Approved COVID-19 Testing Kits");
  CHECK(m.jsonld_description == m.meta_description);  // from the @graph WebPage node
  CHECK(m.published == "2020-04-23T14:00:54+00:00");
  CHECK(m.lang == "en-US");
  CHECK(m.encoding_declared == "utf-8");
  CHECK(m.encoding_used == "utf-8");
  // A cookie banner and Cloudflare's bot-detection script on a normal page are not walls.
  CHECK(m.signals == Strings{});
  CHECK(m.notes == Strings{});
}

TEST_CASE("A head cut off right after </head> reads the same", "[page_meta]") {
  const std::string page = page_fixture("yoast_article.html");
  const std::string head = page.substr(0, page.find("</head>") + 7);
  const PageMeta whole = read_page_meta(page, "text/html", kStoryUrl);
  const PageMeta cut = read_page_meta(head, "text/html", kStoryUrl);
  CHECK(cut.title == whole.title);
  CHECK(cut.description == whole.description);
  CHECK(cut.html_title == whole.html_title);
  CHECK(cut.jsonld_headline == whole.jsonld_headline);
  CHECK(cut.canonical == whole.canonical);
  CHECK(cut.notes == Strings{});

  // Cut in the middle of a tag and of a multi-byte character: still no crash, fields kept.
  const std::string mid = head.substr(0, head.find("<meta name=\"twitter:card\"") + 9);
  const PageMeta partial = read_page_meta(mid + "\xE2\x80", "text/html", kStoryUrl);
  CHECK(partial.og_title == whole.og_title);
  CHECK(partial.twitter_title.empty());
  CHECK(partial.jsonld_headline.empty());
}

TEST_CASE("Cloudflare challenge page is a challenge", "[page_meta][signals]") {
  const PageMeta m = read_fixture("cloudflare_challenge.html");
  CHECK(m.title == "Just a moment...");
  CHECK(m.title_rule == "title");
  CHECK(m.signals == Strings{"challenge"});
  CHECK(m.refresh_url.empty());  // "390" reloads the same page; it is not a redirect
}

TEST_CASE("Cloudflare challenge script alone is a challenge", "[page_meta][signals]") {
  const PageMeta m = read_page_meta(
      "<title>www.statnews.com</title><script>(function(){window._cf_chl_opt={cvId:'3'};}());"
      "</script>",
      "text/html", kStoryUrl);
  CHECK(m.signals == Strings{"challenge"});
}

TEST_CASE("Cookie-consent interstitial is a consent wall", "[page_meta][signals]") {
  const PageMeta m = read_fixture("consent_interstitial.html");
  CHECK(m.title == "Yahoo is part of the Yahoo family of brands");
  CHECK(m.signals == Strings{"consent_wall"});
}

TEST_CASE("Soft-404 wording in the title and h1", "[page_meta][signals]") {
  const PageMeta m = read_fixture("not_found.html");
  CHECK(m.html_title == "Page not found \xE2\x80\x93 HIT Consultant");
  CHECK(m.title == "HIT Consultant");
  CHECK(m.title_rule == "og:title");
  CHECK(m.signals == Strings{"not_found_text"});
}

TEST_CASE("a refresh inside <noscript> is no redirect", "[page_meta][signals]") {
  const std::string html =
      "<!doctype html><html><head><title>Nurses trial a triage app</title>"
      "<noscript><meta http-equiv=\"refresh\" content=\"0;url=/?nojs=1\"></noscript>"
      "</head><body><h1>Nurses trial a triage app</h1></body></html>";
  const PageMeta m = read_page_meta(html, "text/html; charset=utf-8",
                                    "https://news.example.com/2022/09/triage-app/");
  CHECK(m.refresh_url.empty());
  CHECK(m.signals.empty());
}

TEST_CASE("Meta refresh target is absolute", "[page_meta][signals]") {
  const PageMeta m = read_fixture("meta_refresh.html");
  CHECK(m.refresh_url == "https://news.example.com/2022/09/moved-story/?ref=home");
  CHECK(m.signals == Strings{"meta_refresh"});
  CHECK(m.html_title == "Redirecting\xE2\x80\xA6");
  CHECK(m.encoding_declared.empty());
  CHECK(m.encoding_used == "utf-8");  // undeclared, but valid UTF-8 with non-ASCII bytes
}

TEST_CASE("windows-1252 page without a declared charset", "[page_meta][charset]") {
  const PageMeta m = read_fixture("windows1252_no_charset.html");
  CHECK(m.encoding_declared.empty());
  CHECK(m.encoding_used == "windows-1252");
  CHECK(m.html_title == "Doctors\xE2\x80\x99 caf\xC3\xA9 guide \xE2\x80\x93 2019");
  CHECK(m.meta_description ==
        "Na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 tips \xE2\x80\x9C"
        "for\xE2\x80\x9D nurses");
  CHECK(m.description_rule == "meta:description");
  CHECK(m.lang == "fr");
}

TEST_CASE("HTTP ISO-8859-1 beats a UTF-8 meta (WHATWG), and the conflict is noted",
          "[page_meta][charset]") {
  const PageMeta http = read_fixture("http_latin1_meta_utf8.html", "text/html; charset=ISO-8859-1");
  CHECK(http.encoding_declared == "windows-1252");  // the label was iso-8859-1
  CHECK(http.encoding_used == "windows-1252");
  CHECK(http.html_title == "Caf\xC3\x83\xC2\xA9 cr\xC3\x83\xC2\xA8me study");  // what browsers show
  CHECK(http.notes == Strings{"encoding: HTTP charset iso-8859-1 overrides page charset utf-8"});

  const PageMeta meta_only = read_fixture("http_latin1_meta_utf8.html", "text/html");
  CHECK(meta_only.encoding_declared == "utf-8");
  CHECK(meta_only.encoding_used == "utf-8");
  CHECK(meta_only.html_title == "Caf\xC3\xA9 cr\xC3\xA8me study");
}

TEST_CASE("UTF-8 BOM wins over everything", "[page_meta][charset]") {
  const PageMeta m = read_fixture("utf8_bom.html");
  CHECK(m.encoding_declared.empty());
  CHECK(m.encoding_used == "utf-8");
  CHECK(m.html_title == "Na\xC3\xAFve patients \xE2\x80\x94 a guide");

  const PageMeta with_header = read_fixture("utf8_bom.html", "text/html; charset=windows-1252");
  CHECK(with_header.encoding_declared == "windows-1252");
  CHECK(with_header.encoding_used == "utf-8");
  CHECK(with_header.html_title == m.html_title);
  CHECK(with_header.notes ==
        Strings{"encoding: byte order mark (utf-8) overrides HTTP charset windows-1252"});
}

TEST_CASE("UTF-16 pages: BOM, and a header without BOM", "[page_meta][charset]") {
  const PageMeta le = read_fixture("utf16le_bom.html");
  CHECK(le.encoding_used == "utf-16le");
  CHECK(le.html_title ==
        "Gr\xC3\xBC\xC3\x9F"
        "e aus der Klinik");
  CHECK(le.og_description == "\xC3\x84rzte \xE2\x82\xAC 10");
  CHECK(le.lang == "de");

  // "<title>Grüße</title>" in UTF-16BE, declared only by the header.
  std::string be;
  for (char c : std::string("<title>Gr")) be += std::string{'\0', c};
  be += std::string("\x00\xFC\x00\xDF\x00\x65", 6);
  for (char c : std::string("</title>")) be += std::string{'\0', c};
  const PageMeta m = read_page_meta(be, "text/html; charset=\"UTF-16BE\"", kStoryUrl);
  CHECK(m.encoding_declared == "utf-16be");
  CHECK(m.encoding_used == "utf-16be");
  CHECK(m.html_title ==
        "Gr\xC3\xBC\xC3\x9F"
        "e");
}

TEST_CASE("SVG <title> before the real one is not the document title", "[page_meta]") {
  const PageMeta m = read_fixture("svg_title.html");
  CHECK(m.html_title == "Telehealth visits fall as clinics reopen");
  CHECK(m.title == "Telehealth visits fall as clinics reopen");
  CHECK(m.title_rule == "title");
  CHECK(m.description == "Virtual care volume dropped in the third quarter.");
  CHECK(m.description_rule == "meta:description");
}

TEST_CASE("Tags inside <template> are not part of the document", "[page_meta]") {
  const PageMeta m = read_page_meta(
      "<head><template><title>Card</title><meta property=og:title content=Card></template>"
      "<title>Real title</title></head>",
      "text/html", kStoryUrl);
  CHECK(m.html_title == "Real title");
  CHECK(m.og_title.empty());
  CHECK(m.title_rule == "title");
}

TEST_CASE("Duplicate og:title: first non-empty wins, conflicts noted", "[page_meta]") {
  const PageMeta m = read_fixture("duplicate_og_title.html");
  CHECK(m.og_title == "Hospital mergers slow in 2023");
  CHECK(m.title == "Hospital mergers slow in 2023");
  CHECK(m.title_rule == "og:title");
  CHECK(m.meta_description == "Deal volume fell.");  // name= matched case-insensitively
  CHECK(m.notes == Strings{
                       "duplicate og:title: kept \"Hospital mergers slow in 2023\", ignored "
                       "\"Health News Daily\"",
                       "duplicate meta:description: kept \"Deal volume fell.\", ignored \"A "
                       "different description.\"",
                   });
}

TEST_CASE("Entities are decoded exactly once, whitespace collapsed", "[page_meta]") {
  const PageMeta m = read_fixture("entities.html");
  CHECK(m.html_title == "Johnson & Johnson\xE2\x80\x99s vaccine plan <updated>");
  CHECK(m.og_title == "Johnson & Johnson\xE2\x80\x99s vaccine plan");
  CHECK(m.og_description ==
        "Double-encoded: Q&amp;A with the CDC\xE2\x80\x99s director\xE2\x80\xA6");
  CHECK(m.jsonld_headline == "Johnson & Johnson\xE2\x80\x99s vaccine plan");
  CHECK(m.jsonld_description == "Literal <b> stays text: 5 < 6");
  CHECK(m.published == "2021-03-01");
  CHECK(m.lang == "en-GB");
  CHECK(m.notes == Strings{"og:description: still holds an HTML entity after decoding once "
                           "(double-encoded by the site?); kept as is"});
}

TEST_CASE("Relative og:image, og:url and canonical resolve against <base href>",
          "[page_meta][urls]") {
  const PageMeta m = read_fixture("relative_og_image_base.html");
  CHECK(m.og_image == "https://news.example.com/static/img/sepsis%20cover.jpg?w=1200&h=630");
  CHECK(m.og_url == "https://news.example.com/health/sepsis-tool");
  CHECK(m.canonical == "https://news.example.org/health/sepsis-tool");

  // Without a page URL a relative base cannot be resolved: values stay as written, noted.
  const PageMeta no_url = read_page_meta(page_fixture("relative_og_image_base.html"), "", "");
  CHECK(no_url.og_image == "../img/sepsis cover.jpg?w=1200&h=630");
  CHECK(no_url.notes.size() == 4);
  CHECK(no_url.notes.front() == "base: cannot resolve \"/static/2024/\" (no page URL given)");
}

TEST_CASE("JSON-LD only: headline and description come from JSON-LD", "[page_meta][jsonld]") {
  const PageMeta m = read_fixture("jsonld_only.html");
  CHECK(m.title == "AI triage cuts ER waits");
  CHECK(m.title_rule == "jsonld:headline");
  CHECK(m.description == "A pilot at three hospitals shortened waiting times.");
  CHECK(m.description_rule == "jsonld:description");
  CHECK(m.published == "2023-06-14T08:30:00-04:00");
  CHECK(m.html_title == "Health News Daily");
  CHECK(m.notes == Strings{"duplicate jsonld:headline: kept \"AI triage cuts ER waits\", ignored "
                           "\"second headline\""});
}

TEST_CASE("Broken JSON-LD is ignored, not repaired; a comment wrapper is no break",
          "[page_meta][jsonld]") {
  const PageMeta m = read_fixture("broken_jsonld.html");
  // Block 1 (single quotes, trailing comma) is ignored; block 2 is strict JSON inside <!-- -->.
  CHECK(m.jsonld_headline == "Commented out");
  // ... and shares no word with the <title>, so the <title> stays the title.
  CHECK(m.title == "Nurse staffing bill advances");
  CHECK(m.title_rule == "title");
  CHECK(m.description.empty());
  CHECK(m.description_rule.empty());
  CHECK(
      m.notes ==
      Strings{"jsonld: block 1 is not valid JSON; ignored",
              "jsonld:headline: not used as the title: it does not name the page as <title> does"});
}

TEST_CASE("Empty page gives empty fields", "[page_meta]") {
  const PageMeta m = read_fixture("empty.html");
  CHECK(m.title.empty());
  CHECK(m.title_rule.empty());
  CHECK(m.description.empty());
  CHECK(m.description_rule.empty());
  CHECK(m.html_title.empty());
  CHECK(m.lang.empty());
  CHECK(m.encoding_declared.empty());
  CHECK(m.encoding_used == "windows-1252");
  CHECK(m.signals == Strings{});
  CHECK(m.notes == Strings{});
}

TEST_CASE("5 MB page: fields read, long title capped", "[page_meta]") {
  std::string page =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta property=\"og:title\" content=\"Big page\"><title>";
  for (int i = 0; i < 600; ++i) page += "\xC3\xA9 ";  // 1,200 characters, 2-byte é
  page += "</title></head><body>";
  const std::string paragraph =
      "<p class=\"body\">Hospitals reported <a href=\"/x\">more</a> admissions &amp; fewer "
      "discharges in the <em>third</em> quarter.</p>\n";
  while (page.size() < 5u * 1024 * 1024) page += paragraph;
  page += "</body></html>";

  const PageMeta m = read_page_meta(page, "text/html", kStoryUrl);
  CHECK(m.title == "Big page");
  std::string capped;
  for (int i = 0; i < 500; ++i) capped += i ? " \xC3\xA9" : "\xC3\xA9";  // 999 characters
  CHECK(m.html_title == capped);
  CHECK(m.notes == Strings{"title: capped at 1000 characters"});
  CHECK(m.signals == Strings{});
}

TEST_CASE("Wikipedia: the Wikidata description in JSON-LD is not the title",
          "[page_meta][jsonld]") {
  // Wikipedia's head without its og tags (as mirrors and older snapshots serve it): the
  // JSON-LD node is an Article whose headline is the Wikidata description.
  const PageMeta m = read_fixture("wikipedia_list_article.html");
  CHECK(m.title == "List of United States senators from Ohio - Wikipedia");
  CHECK(m.title_rule == "title");
  CHECK(m.jsonld_headline == "Wikimedia list article");
  CHECK(m.published == "2004-03-09T01:12:35Z");
  CHECK(m.canonical == "https://en.wikipedia.org/wiki/List_of_United_States_senators_from_Ohio");
  CHECK(
      m.notes ==
      Strings{"jsonld:headline: not used as the title: it does not name the page as <title> does"});
  // With its og:title, as Wikipedia serves it today, og:title wins as on any page.
  std::string page = page_fixture("wikipedia_list_article.html");
  page.insert(page.find("<meta name=\"generator\""),
              "<meta property=\"og:title\" content=\"List of United States senators from Ohio - "
              "Wikipedia\">\n");
  const PageMeta with_og = read_page_meta(page, "text/html", kStoryUrl);
  CHECK(with_og.title == m.title);
  CHECK(with_og.title_rule == "og:title");
  CHECK(with_og.notes == Strings{});
}

TEST_CASE("WordPress: JSON-LD in CDATA and comment wrappers is read", "[page_meta][jsonld]") {
  const PageMeta m = read_fixture("wordpress_cdata_jsonld.html");
  // The headline is the <title> without " – Rural Health Notes".
  CHECK(m.title == "Hospital-at-home programs expand to rural counties");
  CHECK(m.title_rule == "jsonld:headline");
  CHECK(m.html_title ==
        "Hospital-at-home programs expand to rural counties \xE2\x80\x93 Rural "
        "Health Notes");
  CHECK(m.published == "2024-03-12T09:15:00+00:00");
  // property="og:description twitter:description" is both.
  CHECK(m.og_description ==
        "Three critical-access hospitals now treat acute patients at home, with daily nurse "
        "visits and remote monitoring.");
  CHECK(m.twitter_description == m.og_description);
  CHECK(m.description_rule == "og:description");
  CHECK(m.og_type == "article");
  CHECK(m.notes == Strings{});
}

TEST_CASE("A property attribute naming several keys counts for each", "[page_meta]") {
  const PageMeta m = read_page_meta(
      "<head><title>Site</title>"
      "<meta property=\" OG:Title\ttwitter:title \" content=\"Sepsis care bundles\">"
      "<meta property=\"og:description og:description\" content=\"Once.\">"
      "<meta name=\"description twitter:description\" content=\"name is one name\">",
      "text/html", kStoryUrl);
  CHECK(m.og_title == "Sepsis care bundles");
  CHECK(m.twitter_title == "Sepsis care bundles");
  CHECK(m.title_rule == "og:title");
  CHECK(m.og_description == "Once.");
  CHECK(m.twitter_description.empty());
  CHECK(m.meta_description.empty());
  CHECK(m.notes == Strings{});
}
