// The raw-text skimmer: what Gumbo is spared, and what must pass through untouched.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extract/markup_skim.h"

using linkhealth::skim_raw_text;
using Views = std::vector<std::string_view>;

TEST_CASE("script and style bodies are removed, scripts kept as views", "[markup_skim]") {
  const auto s = skim_raw_text(
      "<head><style>a{b:c}</style><script>var x = '<b>';</script><SCRIPT src=a.js></SCRIPT>"
      "<title>T</title></head>");
  CHECK(s.html ==
        "<head><style></style><script></script><SCRIPT src=a.js></SCRIPT><title>T</title></head>");
  CHECK(s.script_texts == Views{"var x = '<b>';", ""});
  CHECK(s.json_ld_texts.empty());
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
  CHECK(skim_raw_text("<svg></svg><style>x</style>").html == "<svg></svg><style></style>");
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
        "<head><title>T</title>head text</head><body class=a><nav><a href=/></a></nav>"
        "<H1 id=x>Page <b>not</b> found</H1 ><p><!-- c --></p>"
        "<title>svg-less title</title><textarea>kept</textarea><svg><text>s</text></svg>");
  // A page cut off after </head> with no <body> tag: the body starts at </head>.
  CHECK(skim_raw_text("<title>t</title></head>x<h1>y</h1>z<").html ==
        "<title>t</title></head><h1>y</h1><");
}
