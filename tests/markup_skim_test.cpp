// The raw-text skimmer: what Gumbo is spared, and what must pass through untouched.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extract/markup_skim.h"
#include "extract/page_meta.h"
#include "extract/page_meta_json.h"

using linkhealth::skim_raw_text;
using Views = std::vector<std::string_view>;

TEST_CASE("script and style elements are removed, scripts kept as views", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<head><style>a{b:c}</style><script>var x = '<b>';</script><SCRIPT src=a.js></SCRIPT>"
      "<title>T</title></head>");
  CHECK(s.html == "<head><title>T</title></head>");
  // A script with a src runs the file, never its own text: only inline bodies are kept.
  CHECK(s.script_texts == Views{"var x = '<b>';"});
  CHECK(s.json_ld_texts.empty());
}

TEST_CASE("scripts and styles page signals read keep their tags", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<script id=cf>a</script><style id=s>b</style>"
      "<script src=\"/CDN-CGI/challenge-platform/h/b/orchestrate.js\"></script>"
      "<script src=\"https://ct.captcha-delivery.com/c.js\"></script>"
      "<script src=\"/a.js?x=1&amp;y=2\"></script>");
  CHECK(s.html ==
        "<script id=cf></script><style id=s></style>"
        "<script src=\"/CDN-CGI/challenge-platform/h/b/orchestrate.js\"></script>"
        "<script src=\"https://ct.captcha-delivery.com/c.js\"></script>"
        "<script src=\"/a.js?x=1&amp;y=2\"></script>");
  CHECK(s.script_texts == Views{"a"});
}

TEST_CASE("JSON-LD bodies are lifted out and their tags marked", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<script type=application/ld+json>{\"a\":1}</script>"
      "<script type='Application/LD+JSON; charset=utf-8' />{\"b\":2}</script >");
  CHECK(s.html ==
        "<script type=application/ld+json data-linkhealth-json-ld=\"0\"></script>"
        "<script type='Application/LD+JSON; charset=utf-8'  data-linkhealth-json-ld=\"1\"/>"
        "</script >");
  CHECK(s.json_ld_texts == Views{"{\"a\":1}", "{\"b\":2}"});
}

TEST_CASE("meta tags with several property names pass through", "[markup_skim]") {
  const std::string head =
      "<head><meta property=\"og:title twitter:title\" content=\"Both\">"
      "<meta property=\"og:description\ttwitter:description\" content=\"d\"></head>";
  CHECK(skim_raw_text(head).html == head);
}

TEST_CASE("text that only looks like a script passes through", "[markup_skim]") {
  for (const std::string html : {
           "<title>a <script>b</script></title>", "<!-- <script>x</script> --><p>y",
           "<textarea><style>z</style></textarea>", "<a title='<script>x</script>'>t</a>",
           "<svg><style>.a{}</style><script>s()</script></svg>",
           "<script>if (a) { document.write('<!--<script>x</script>-->') }</script>",
           "<plaintext><script>x</script>",
           "<head><script src=a.js",  // cut off inside the tag
       }) {
    const auto s = skim_raw_text(html);
    CHECK(s.html == html);
  }
}

TEST_CASE("an unclosed script body is removed to the end", "[markup_skim]") {
  const auto s = skim_raw_text("<head><script>var a = 1;");
  CHECK(s.html == "<head><script>");
  CHECK(s.script_texts == Views{"var a = 1;"});
  CHECK(skim_raw_text("<svg></svg><style>x</style>").html == "<svg></svg>");
  CHECK(skim_raw_text("<style>x").html == "<style>");
}

TEST_CASE("links other than rel=canonical are dropped whole", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<head><link rel='stylesheet' href='a.css'><LINK REL=\"Canonical\" href=\"/c\">"
      "<link rel=preload href=f.woff2 />x</head>");
  CHECK(s.html == "<head><LINK REL=\"Canonical\" href=\"/c\">x</head>");
  CHECK(skim_raw_text("<svg><link rel=a></svg>").html == "<svg><link rel=a></svg>");
  CHECK(skim_raw_text("<head><link rel=x").html == "<head><link rel=x");
}

TEST_CASE("body text outside h1 is dropped, head and heading text kept", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<head><title>T</title>head text</head>\n<body class=a>intro<nav><a href=/>Home</a></nav>"
      "<H1 id=x>Page <b>not</b> found</H1 >after<p>para<!-- c -->more</p>"
      "<title>svg-less title</title><textarea>kept</textarea><svg><text>s</text></svg>tail");
  CHECK(s.html ==
        "<head><title>T</title>head text</head><body class=a>"
        "<H1 id=x>Page not found</H1 ><!-- c -->"
        "<title>svg-less title</title><textarea>kept</textarea><svg><text>s</text></svg>");
  // Inert start tags with an id stay (page signals read ids; an end tag has none, and the
  // element staying open moves nothing that is read); before the body nothing is inert.
  CHECK(skim_raw_text("<p>a</p><body><div id=challenge-running><p>b</p></div>").html ==
        "<p>a</p><body><div id=challenge-running>");
  // A page cut off after </head> with no <body> tag: the body starts at </head>.
  CHECK(skim_raw_text("<title>t</title></head>x<h1>y</h1>z<").html ==
        "<title>t</title></head><h1>y</h1><");
}

namespace {

std::string meta_json(std::string_view page, linkhealth::MarkupPass pass) {
  const linkhealth::PageMeta m =
      linkhealth::read_page_meta(page, "text/html", "https://news.example.com/a/b", pass);
  // The page redirect fields are the verdict's, not the JSON's: compared here too.
  return linkhealth::page_meta_to_json(m).dump() + " refresh " + m.refresh_url + " " +
         std::to_string(m.refresh_delay_s) + " script " + m.script_redirect_url;
}

}  // namespace

TEST_CASE("the skimmed page gives the same PageMeta as the whole page", "[markup_skim]") {
  std::vector<std::string> pages;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LINKHEALTH_FIXTURES_DIR) + "/pages")) {
    std::ifstream in(entry.path(), std::ios::binary);
    pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // Markup where dropping tags could move or change what is read, if the skimmer were wrong.
  for (const char* tricky : {
           "<html lang=en><head><title>T</title></head><body><nav><ul><li><a href=/x>Home</a>"
           "</li></ul></nav><h1><a href=/>Page <b>not</b> found</a></h1><p>text</p></body>",
           "<body><a><h1>x</a>y</h1>",
           "<body><b><p><h1>bold heading</b> rest</h1>",
           "<body><p><h1>Oops 404</h1></p>",
           "<body><i><h1>one</h1><div><h1>two</h1></div><h1>three</h1><h1>Not found</h1></i>",
           "<body><ul><li><h1>Li heading</h1></ul><h1>404</h1>",
           "<body><div id=\"challenge-form\"><form action=\"/?__cf_chl_f_tk=1\"></form></div>",
           "<body><span id=cf-please-wait>wait</span>",
           "<head><script src=\"//img.sedoparking.com/js/x.js\"></script><title>t</title>",
           "<body><iframe src=\"https://www.parkingcrew.net/x\"></iframe><frameset>"
           "<frame src=\"http://sedoparking.com/f\"></frameset>",
           "<body><script src=\"/a.js\">location.href='/x'</script>"
           "<script>location.replace('/y')</script><script>window.park = \"e30=\"</script>",
           "<head><title>Sign in</title></head><body><div><form><input type=PASSWORD></form>",
           "<head><script src=\"https://ct.captcha-delivery.com/c.js\"></script>"
           "<script id=x>var _cf_chl_opt={}</script><script>window._cf_chl_opt={}</script>",
           "<head><SCRIPT SRC=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></SCRIPT>",
           "<head><script src=\"/c&#100;n-cgi/challenge-platform/h/b/x.js\"></script>",
           "<body><span><meta property=\"og:title\" content=\"late\"></span>"
           "<div><title>late title</title></div><p><link rel=canonical href=/c>",
           "<head><style>x</style><meta name=description content=d><script>a</script>"
           "<link rel=canonical href=/c><base href=/b/></head><body><div><base href=/z/>",
           "<body><table><tr><td><p><h1>In table</h1></td></tr></table>",
           "<body><select><p>x<h1>y</h1></select><h1>z</h1>",
           "<body><template><h1>tpl</h1></template><div><h1>real</h1></div>",
           "<body><svg><a><title>svg</title></a><p></svg><h1>after svg</h1>",
           "<body><noscript><p>x</p></noscript><h1>h</h1>",
           "<body><div><script>document.write(\"<h1>x</h1>\")</script></div><h1>y</h1>",
           "<body><div><meta http-equiv=refresh content=\"0;url=/gone\"></div>",
           "<body><p>a<script type=application/ld+json>{\"headline\":\"H\"}</script></p>",
           "<body><a href=x><img src=i.png alt=404><br><hr></a><h1>t</h1>",
           "<title>t</title></head><div><p>x<h1>Page not found</h1>",
           "<head></head><body><plaintext><h1>x</h1>",
           "<head><style>a</style><style>b<!--</style>--></style><title>after</title>",
           "<head><script type=application/ld+json><!--\n{\"@type\":\"Article\","
           "\"headline\":\"In a comment\"}\n--></script><title>In a comment | Site</title>",
           "<head><script type=application/ld+json>//<![CDATA[\n{\"@type\":\"BlogPosting\","
           "\"headline\":\"In CDATA\",\"datePublished\":\"2024-03-12\"}\n//]]></script>"
           "<title>In CDATA - Site</title>",
           "<head><meta property=\"og:title twitter:title\" content=\"Both\">"
           "<meta property='og:description  twitter:description' content=d></head>",
       })
    pages.emplace_back(tricky);
  REQUIRE(pages.size() > 20);
  for (const std::string& page : pages) {
    INFO(page.substr(0, 300));
    CHECK(meta_json(page, linkhealth::MarkupPass::Skimmed) ==
          meta_json(page, linkhealth::MarkupPass::Whole));
  }
}
