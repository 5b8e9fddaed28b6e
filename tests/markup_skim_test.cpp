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
using namespace std::string_literals;

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
  CHECK(s.script_texts == Views{"{\"a\":1}", "{\"b\":2}"});
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

TEST_CASE("unread metas and whitespace between head tags are dropped", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<!doctype html>\n<html lang=en>\n<head>\n  <meta charset=utf-8>\n"
      "  <meta name=viewport content=width=device-width>\n"
      "  <META NAME=\"Twitter:Card\" content=summary>\n"
      "  <meta property=\"OG:Title\" content=T>\n  <meta name=\" description \" content=d>\n"
      "  <meta property=\"og&#58;url\" content=/u>\n  <meta http-equiv=X-UA-Compatible>\n"
      "  <meta name=x id=challenge-form>\n  <title> T  </title> text\n</head>\n<body>\n");
  CHECK(s.html ==
        "<!doctype html><html lang=en><head><meta property=\"OG:Title\" content=T>"
        "<meta name=\" description \" content=d><meta property=\"og&#58;url\" content=/u>"
        "<meta http-equiv=X-UA-Compatible><meta name=x id=challenge-form><title> T  </title>"
        " text\n</head><body>");
  // The first tag stays: before a doctype it decides quirks mode. So does SVG content.
  CHECK(skim_raw_text("<meta charset=utf-8><!doctype html>").html ==
        "<meta charset=utf-8><!doctype html>");
  CHECK(skim_raw_text("<p><svg>\n<meta name=a>\n</svg>").html == "<p><svg>\n<meta name=a>\n</svg>");
  // Whitespace inside <h1> is part of its text.
  CHECK(skim_raw_text("<p><h1> a <b> b</b>\n</h1>\n").html == "<p><h1> a <b> b</b>\n</h1>");
}

namespace {

std::string meta_json(std::string_view page, linkhealth::MarkupPass pass) {
  const linkhealth::PageMeta m =
      linkhealth::read_page_meta(page, "text/html", "https://news.example.com/a/b", pass);
  // Every field and note (the stored shape), and the page redirect fields the JSON leaves out.
  return linkhealth::page_meta_to_json(m, linkhealth::PageMetaShape::Stored).dump() + " refresh " +
         std::to_string(m.refresh_delay_s) + " script " + m.script_redirect_url;
}

}  // namespace

TEST_CASE("scripts whose text Gumbo rewrites are left to Gumbo", "[markup_skim]") {
  // Gumbo turns CR into LF and control characters, DEL, C1 controls and noncharacters into
  // U+FFFD: a lifted body would read differently (a redirect target, a JSON-LD string).
  std::vector<std::string> odd;
  for (int c = 0; c < 0x80; ++c) odd.emplace_back(1, static_cast<char>(c));
  for (const char* sequence :
       {"\r\n", "\xC2\x80", "\xC2\x9F", "\xC2\xA0", "\xEF\xB7\x90", "\xEF\xB7\xAF", "\xEF\xB7\xB0",
        "\xEF\xBF\xBD", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xF0\x9F\xBF\xBE", "\xF4\x8F\xBF\xBF",
        "\xF0\x9F\x98\x80"})
    odd.emplace_back(sequence);
  for (const std::string& c : odd) {
    const std::string page = "<head><script>location.href = '/a" + c + "b';</script>" +
                             "<script type=application/ld+json>{\"headline\": \"x" + c +
                             "y\"}</script><script>var padding = 'abcdefgh" + c + "';</script>";
    INFO(page);
    CHECK(meta_json(page, linkhealth::MarkupPass::Skimmed) ==
          meta_json(page, linkhealth::MarkupPass::Whole));
  }
}

TEST_CASE("the skimmed page gives the same PageMeta as the whole page", "[markup_skim]") {
  std::vector<std::string> pages;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LINKHEALTH_FIXTURES_DIR) + "/pages")) {
    std::ifstream in(entry.path(), std::ios::binary);
    pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // Markup where dropping tags could move or change what is read, if the skimmer were wrong.
  for (const std::string& tricky : std::vector<std::string>{
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
           // Whitespace and unread metas where dropping them could move what is read.
           "<!doctype html>\n<html>\n<head>\n<meta charset=utf-8>\n<meta name=viewport>\n"
           "<title>T</title>\n<meta name=twitter:card content=s>\n"
           "<meta property=og:title content=O>\n</head>\n<body>\n<h1>H</h1>\n</body>\n</html>",
           "<head><noscript>\n<meta name=x>\n<meta http-equiv=refresh content=\"0; url=?nojs=1\">"
           "\n</noscript>\n<meta http-equiv=refresh content=\"5; URL='/next'\">\n</head>",
           "<head><p><b>x</p>\n<meta name=a>\n<h1>One</h1>\n<i>\n<h1>Two\n</h1>\n"
           "<meta name=description content=late></head>",
           "<head>\n<pre>\n\n<h1>\nIn pre</h1>\n<table>\n<tr>\n<td>\n<h1>In cell</h1>\n"
           "<meta name=\"og:description\" content=cell></table>",
           "<head><select>\n<meta name=description content=in-select>\n</select>"
           "<meta name=description content=after>",
           "<meta name=viewport><!doctype html><p><table><tr><td><h1>Quirks?</h1></table>",
           "<head><meta name=\"DESCRIPTION\" content=\"a\"><meta name=description content=b>"
           "<meta property=\"og&#x3a;title\" content=ref><meta name=robots content=noindex>",
           "<head>\n<template>\n<meta property=og:title content=tpl>\n</template>\n"
           "<frameset>\n<meta name=description content=frames>\n</frameset>",
           "<head><script type=application/ld+json>{\"x\": \"window._cf_chl_opt\"}</script>",
           "<body><h1>Welcome<script type=application/ld+json>{\"x\": \"is parked free, courtesy "
           "of\"}"
           "</script><style>p{}</style><script>var a = 1;</script></h1>",
           "<head><meta \0name=description content=d><link \0rel=canonical href=/c>"
           "<script \0type=application/ld+json>{\"headline\": \"H\"}</script>"
           "<script \0id=challenge-form></script></head><body><div \0id=cf-please-wait>"s,
           // Late metas, an unclosed body, comments that look like the end of the head.
           "<head><script>" + std::string(100000, 'x') +
               "</script><meta property=og:title content=\"After a big script\"></head>",
           "<head><title>Open</title></head><body><div><h1>Never closed",
           "<head><!-- </head><body> --><meta property=og:title content=C><!--</head>-->"
           "<title>t</title></head><body><!-- <meta name=description content=no> -->",
           "<head><title>t</title></head><body><p>x</p><script type=application/ld+json>"
           "{\"@type\":\"Article\",\"headline\":\"Body JSON-LD\",\"description\":\"d\"}"
           "</script><noscript><meta http-equiv=refresh content=0;url=/nojs></noscript>",
           "<head><title>x</title>" + std::string(2000, ' ') +
               "<meta charset=\"iso-8859-1\"><meta name=description content=\"caf\xE9\">",
       })
    pages.emplace_back(tricky);
  REQUIRE(pages.size() > 20);
  for (const std::string& page : pages) {
    INFO(page.substr(0, 300));
    CHECK(meta_json(page, linkhealth::MarkupPass::Skimmed) ==
          meta_json(page, linkhealth::MarkupPass::Whole));
  }
}
