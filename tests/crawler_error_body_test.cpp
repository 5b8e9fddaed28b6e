// Error answers (4xx/5xx) cost at most a small cap of body, yet keep the title the verdict
// reads (a bot-challenge page behind a 503).
#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr long long kErrorCap = 16 * 1024;

/// A page whose head never ends within the cap: the title, then a 1 MB inline stylesheet.
testweb::Reply huge_head_page(const std::string& title, int status) {
  testweb::Reply r;
  r.status = status;
  r.body = "<!doctype html><html><head><title>" + title + "</title><style>" +
           std::string(1024 * 1024, ' ') + "</style></head><body><h1>" + title +
           "</h1></body></html>";
  return r;
}

}  // namespace

TEST_CASE("a 404 with a 1 MB body keeps at most the error cap", "[crawler][web][head]") {
  testweb::Scenario s;
  auto& e = s.hosts["err.web.test"];
  e["/gone"].replies = {huge_head_page("Page not found", 404)};
  e["/wall"].replies = {huge_head_page("Just a moment...", 503)};
  e["/big-ok"].replies = {huge_head_page("A long article", 200)};
  testweb::FixtureWeb web(s);
  const std::string base = "http://err.web.test";
  auto r = crawl(loopback_options(web.port()),
                 targets_of({base + "/gone", base + "/wall", base + "/big-ok"}));
  const CheckResult& gone = r.at(base + "/gone");
  CHECK(gone.verdict == Verdict::Broken);
  CHECK(gone.http_status == 404);
  CHECK(gone.bytes > 0);
  CHECK(gone.bytes <= kErrorCap);
  const CheckResult& wall = r.at(base + "/wall");
  CHECK(wall.bytes <= kErrorCap);
  CHECK(wall.verdict == Verdict::Blocked);  // the challenge title is within the cap
  REQUIRE(wall.page);
  CHECK(wall.page->title == "Just a moment...");
  // A 2xx page is still read up to --max-head-bytes.
  CHECK(r.at(base + "/big-ok").bytes == FetchOptions{}.max_head_bytes);
}
