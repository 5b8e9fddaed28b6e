// The Wayback lookup reads the archive's redirect to the newest snapshot. The real archive
// sends its 302 with a body, which the lookup never reads: the Location must survive that.
#include <catch2/catch.hpp>

#include "crawler/wayback_lookup.h"
#include "tests/crawler_test_support.h"
#include "tests/web/raw_web.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::RawScript once(std::string bytes) {
  testweb::RawScript s;
  s.steps = {{std::move(bytes)}};
  return s;
}

}  // namespace

TEST_CASE("the Wayback lookup returns the snapshot its redirect names", "[crawler][wayback]") {
  const std::string snapshot =
      "http://archive.web.test/web/20201208000000/http://news.web.test/gone";
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/web/http://news.web.test/gone"] =
      once("HTTP/1.1 302 FOUND\r\nLocation: " + snapshot +
           "\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
           "2a\r\n<p>Redirecting to the newest snapshot.</p>\r\n0\r\n\r\n");
  scripts["/web/http://news.web.test/never-archived"] =
      once(testweb::raw_response(404, {"Content-Type: text/html"}, "<p>not archived</p>"));
  testweb::RawWeb raw(scripts);
  const FetchOptions options = loopback_options(raw.port());
  CHECK(wayback_snapshot("http://archive.web.test/web/http://news.web.test/gone", options) ==
        snapshot);
  CHECK_FALSE(
      wayback_snapshot("http://archive.web.test/web/http://news.web.test/never-archived", options)
          .has_value());
}

TEST_CASE("the Wayback lookup keeps the address guard", "[crawler][wayback]") {
  std::map<std::string, testweb::RawScript> scripts;
  scripts["*"] =
      once("HTTP/1.1 302 FOUND\r\nLocation: http://x.test/\r\nContent-Length: 0\r\n\r\n");
  testweb::RawWeb raw(scripts);
  FetchOptions options = loopback_options(raw.port());
  options.allow_private = false;  // the archive would be on a loopback address: refused
  CHECK_FALSE(wayback_snapshot("http://archive.web.test/web/http://a.test/", options).has_value());
}
