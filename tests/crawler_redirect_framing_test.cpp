// A redirect's Location is kept however its response is framed. The crawler ends a transfer at
// the headers when it needs no body and the body's length is unknown, which libcurl treats as
// an aborted transfer: the target must not be lost with it.
#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"
#include "tests/web/raw_web.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kFinal = html_page("Where the article lives now");

testweb::RawScript once(std::string bytes) {
  testweb::RawScript s;
  s.steps = {{std::move(bytes)}};
  return s;
}

std::string chunked(const std::string& status_line, const std::string& location,
                    const std::string& body) {
  std::string out = status_line + "\r\nLocation: " + location +
                    "\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                    "Connection: close\r\n\r\n";
  for (std::size_t at = 0; at < body.size(); at += 4096) {
    const std::string piece = body.substr(at, 4096);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    out += std::string(size) + "\r\n" + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

FetchOptions framing_options(int port) {
  FetchOptions o = loopback_options(port);
  o.soft404_probe = false;
  o.retries = 0;
  return o;
}

}  // namespace

TEST_CASE("a redirect keeps its Location whatever the framing", "[crawler][web][redirect]") {
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/chunked"] = once(chunked("HTTP/1.1 301 Moved Permanently", "/final", "moved"));
  scripts["/chunked-big"] =
      once(chunked("HTTP/1.1 308 Permanent Redirect", "/final", std::string(300 * 1024, 'x')));
  scripts["/close-delimited"] = once(
      "HTTP/1.1 301 Moved Permanently\r\nLocation: /final\r\nContent-Type: text/html\r\n"
      "Connection: close\r\n\r\n<html><body>moved</body></html>");
  scripts["/http10"] =
      once("HTTP/1.0 302 Found\r\nLocation: http://framing.web.test/final\r\n\r\n<a>moved</a>");
  scripts["/relative/deep"] = once(chunked("HTTP/1.1 301 Moved", "../final", "moved"));
  scripts["/two-locations"] = once(
      "HTTP/1.1 301 Moved\r\nLocation: /final\r\nLocation: /elsewhere\r\n"
      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  scripts["/final"] = once(testweb::raw_response(200, {"Content-Type: text/html"}, kFinal));
  testweb::RawWeb raw(scripts);
  const std::string base = "http://framing.web.test";
  auto r = crawl(framing_options(raw.port()),
                 targets_of({base + "/chunked", base + "/chunked-big", base + "/close-delimited",
                             base + "/http10", base + "/relative/deep", base + "/two-locations"}));
  for (const char* path : {"/chunked", "/chunked-big", "/close-delimited", "/http10",
                           "/relative/deep", "/two-locations"}) {
    INFO(path << ": " << r.at(base + path).error);
    const CheckResult& result = r.at(base + path);
    CHECK(result.verdict == Verdict::Redirected);
    CHECK(result.final_url == base + "/final");
    REQUIRE(result.redirects.size() == 1);
    CHECK(result.redirects[0].url == base + path);
    CHECK(result.http_status == 200);
    REQUIRE(result.page.has_value());
    CHECK(result.page->title == "Where the article lives now");
  }
  // The 300 KB redirect body was not read to the end just to learn where it points.
  CHECK(r.at(base + "/chunked-big").bytes < 300 * 1024);
}

TEST_CASE("a redirect without any Location is still broken", "[crawler][web][redirect]") {
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/nowhere"] =
      once("HTTP/1.1 301 Moved\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nmoved\r\n0\r\n\r\n");
  testweb::RawWeb raw(scripts);
  const std::string url = "http://framing.web.test/nowhere";
  auto r = crawl(framing_options(raw.port()), targets_of({url}));
  CHECK(r.at(url).verdict == Verdict::Broken);
  CHECK(r.at(url).error.find("without a usable Location") != std::string::npos);
}
