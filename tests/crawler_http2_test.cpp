// The crawler against a real HTTP/2 server (nginx from Debian, on 127.0.0.1 with the tests'
// CA): redirects of every framing, a catch-all soft 404, 304s on conditional requests and a
// page whose head is read without its body. Over h2 a Content-Length is optional, and nginx
// streams a proxied chunked or close-delimited answer without one.
#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"
#include "tests/web/nginx_server.h"
#include "tests/web/raw_web.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kArticleTitle = "Hospitals Share Records Over HTTP/2";

std::string article() {
  return html_page(kArticleTitle, "<meta property=\"og:title\" content=\"" + kArticleTitle +
                                      "\"><link rel=\"canonical\" "
                                      "href=\"https://h2.web.test/article.html\">");
}

testweb::RawScript once(std::string bytes) {
  testweb::RawScript s;
  s.steps = {{std::move(bytes)}};
  return s;
}

// The origin behind nginx: redirects without a length, as many application servers send them.
std::map<std::string, testweb::RawScript> origin_scripts() {
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/origin/chunked"] = once(
      "HTTP/1.1 301 Moved Permanently\r\nLocation: /article.html\r\n"
      "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
      "5\r\nmoved\r\n0\r\n\r\n");
  scripts["/origin/close"] = once(
      "HTTP/1.1 308 Permanent Redirect\r\nLocation: https://h2.web.test/article.html\r\n"
      "Content-Type: text/html\r\nConnection: close\r\n\r\n<p>moved</p>");
  return scripts;
}

std::string server_config(int origin_port) {
  return "    absolute_redirect off;\n"
         "    location = /moved { return 301 /article.html; }\n"
         "    location /origin/ {\n"
         "      proxy_pass http://127.0.0.1:" +
         std::to_string(origin_port) +
         ";\n"
         "      proxy_http_version 1.1;\n"
         "      proxy_buffering off;\n"
         "      proxy_redirect off;\n"
         "    }\n"
         // A single-page-app catch-all: every unknown path answers 200 with the home page.
         "    location / { try_files $uri /index.html; }\n"
         "    location = /gone.html { return 410; }\n";
}

FetchOptions h2_options(int port) {
  FetchOptions o = loopback_options(port);
  o.cacert = testweb::FixtureWeb::ca_file();
  o.retries = 0;
  return o;
}

struct Http2Site {
  testweb::RawWeb origin{origin_scripts()};
  testweb::NginxServer nginx{server_config(origin.port())};
  Http2Site() {
    nginx.write_file("article.html", article());
    nginx.write_file("index.html", html_page("H2 Health News - Home"));
    // A 2 MB page: the title is read from its head, the rest is never fetched.
    nginx.write_file("long.html", html_page("A Long Read") + std::string(2 << 20, ' '));
  }
};

}  // namespace

TEST_CASE("redirects over HTTP/2 are followed however they are framed",
          "[crawler][web][http2][redirect]") {
  Http2Site site;
  const std::string base = "https://h2.web.test";
  FetchOptions options = h2_options(site.nginx.port());
  options.soft404_probe = false;
  auto r =
      crawl(options, targets_of({base + "/moved", base + "/origin/chunked", base + "/origin/close",
                                 base + "/gone.html", base + "/long.html"}));
  for (const char* path : {"/moved", "/origin/chunked", "/origin/close"}) {
    INFO(path << ": " << r.at(base + path).error);
    const CheckResult& result = r.at(base + path);
    CHECK(result.verdict == Verdict::Redirected);
    CHECK(result.final_url == base + "/article.html");
    REQUIRE(result.page.has_value());
    CHECK(result.page->title == kArticleTitle);
  }
  CHECK(r.at(base + "/gone.html").verdict == Verdict::Broken);
  CHECK(r.at(base + "/gone.html").http_status == 410);
  const CheckResult& long_page = r.at(base + "/long.html");
  CHECK(long_page.verdict == Verdict::Ok);
  REQUIRE(long_page.page.has_value());
  CHECK(long_page.page->title == "A Long Read");
  CHECK(long_page.bytes < (2 << 20));
  // Every request went over h2: the test is about HTTP/2 framing, not HTTP/1.1 fallback.
  const std::string log = site.nginx.access_log();
  CHECK(log.find("/origin/chunked 301 HTTP/2.0") != std::string::npos);
  CHECK(log.find("/origin/close 308 HTTP/2.0") != std::string::npos);
  CHECK(log.find("HTTP/1.1") == std::string::npos);
}

TEST_CASE("a catch-all home page over HTTP/2 is a soft 404", "[crawler][web][http2]") {
  Http2Site site;
  const std::string url = "https://h2.web.test/2019/05/an-article-that-was-removed";
  auto r = crawl(h2_options(site.nginx.port()), targets_of({url}));
  INFO(r.at(url).error);
  CHECK(r.at(url).verdict == Verdict::Soft404);
  CHECK(r.at(url).http_status == 200);
}

TEST_CASE("conditional requests over HTTP/2 get 304s", "[crawler][web][http2]") {
  Http2Site site;
  const std::string url = "https://h2.web.test/article.html";
  FetchOptions options = h2_options(site.nginx.port());
  options.soft404_probe = false;
  const CheckResult first = crawl(options, targets_of({url})).at(url);
  REQUIRE(first.verdict == Verdict::Ok);
  REQUIRE_FALSE(first.etag.empty());
  FetchTarget again{url, "", first.etag, first.last_modified, first.final_url};
  const CheckResult second = crawl(options, {again}).at(url);
  CHECK(second.verdict == Verdict::Ok);
  CHECK(second.not_modified);
  CHECK(second.http_status == 304);
  CHECK(site.nginx.access_log().find("/article.html 304 HTTP/2.0") != std::string::npos);
}
