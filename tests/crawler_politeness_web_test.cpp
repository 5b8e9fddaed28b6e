#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>

#include "tests/crawler_test_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;
using namespace std::chrono_literals;

namespace {

/// One request at a time per host and no soft-404 probe, so a test sees each host's requests
/// in order and no others.
FetchOptions one_per_host(int port) {
  FetchOptions options = loopback_options(port);
  options.per_host = 1;
  options.soft404_probe = false;
  return options;
}

/// A page whose head is small and whose body runs on for `body_bytes` (sent with its length).
testweb::Reply long_page(const std::string& title, std::size_t body_bytes) {
  testweb::Reply r;
  r.body = "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title +
           "</h1>" + std::string(body_bytes, 'x') + "</body></html>";
  return r;
}

}  // namespace

TEST_CASE("the server never sees more than the per-host cap", "[crawler][web][politeness]") {
  testweb::Scenario s;
  testweb::Reply slow = page("Article");
  slow.delay_ms = 40;
  s.hosts["busy.web.test"]["*"].replies = {slow};
  s.hosts["calm.web.test"]["*"].replies = {slow};
  testweb::FixtureWeb web(s);
  FetchOptions options = loopback_options(web.port());
  options.per_host = 2;
  options.host_overrides["calm.web.test"] = HostOverride{1, -1, {}, {}};
  options.soft404_probe = false;
  std::vector<std::string> urls;
  for (int i = 0; i < 16; ++i) {
    urls.push_back("http://busy.web.test/a/" + std::to_string(i));
    urls.push_back("http://calm.web.test/a/" + std::to_string(i));
  }
  int count = 0;
  auto r = crawl(options, targets_of(urls), &count);
  CHECK(count == 32);
  for (const auto& [url, result] : r) CHECK(result.verdict == Verdict::Ok);
  CHECK(web.max_concurrent("busy.web.test") <= 2);
  CHECK(web.max_concurrent("busy.web.test") >= 1);
  CHECK(web.max_concurrent("calm.web.test") == 1);
}

TEST_CASE("Retry-After parks the host, other hosts go on", "[crawler][web][politeness]") {
  testweb::Scenario s;
  testweb::Reply limited = page("Too many", 429);
  limited.headers = {{"Retry-After", "1"}};
  s.hosts["limited.web.test"]["/x"].replies = {limited, page("Fine now")};
  s.hosts["limited.web.test"]["/y"].replies = {page("Also fine")};
  s.hosts["other.web.test"]["*"].replies = {page("Other")};
  testweb::FixtureWeb web(s);
  FetchOptions options = one_per_host(web.port());
  options.retry_base_ms = 1;
  auto r = crawl(options, targets_of({"http://limited.web.test/x", "http://limited.web.test/y",
                                      "http://other.web.test/1", "http://other.web.test/2"}));
  const CheckResult& x = r.at("http://limited.web.test/x");
  CHECK(x.verdict == Verdict::Ok);
  CHECK(x.attempts == 2);
  const auto times = web.hit_times("limited.web.test", "/x");
  REQUIRE(times.size() == 2);
  const auto y_times = web.hit_times("limited.web.test", "/y");
  REQUIRE(y_times.size() == 1);
  // Parked: neither the retry nor the host's other URL started before Retry-After elapsed.
  CHECK(times[1] - times[0] >= 1s);
  CHECK(y_times[0] - times[0] >= 1s);
  // The other host was not parked: its requests were done before the parking ended.
  const auto other = web.hit_times("other.web.test", "/2");
  REQUIRE(other.size() == 1);
  CHECK(other[0] < times[0] + 1s);
  // The whole log (fixture-web --hits) is every request, in arrival order.
  const auto all = web.all_hits();
  REQUIRE(static_cast<int>(all.size()) == web.total_hits());
  CHECK(std::is_sorted(all.begin(), all.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; }));
  const auto first_x = std::find_if(
      all.begin(), all.end(), [](const auto& hit) { return hit.first == "limited.web.test/x"; });
  REQUIRE(first_x != all.end());
  CHECK(first_x->second == times[0]);
}

TEST_CASE("robots.txt is obeyed when asked", "[crawler][web][robots]") {
  testweb::Scenario s;
  testweb::Reply robots;
  robots.content_type = "text/plain";
  robots.body = "User-agent: *\nDisallow: /private/\n";
  s.hosts["r.web.test"]["/robots.txt"].replies = {robots};
  s.hosts["r.web.test"]["/public"].replies = {page("Public")};
  s.hosts["r.web.test"]["/private/page"].replies = {page("Private")};
  testweb::FixtureWeb web(s);
  FetchOptions options = loopback_options(web.port());
  options.robots = true;
  auto r =
      crawl(options, targets_of({"http://r.web.test/public", "http://r.web.test/private/page"}));
  CHECK(r.at("http://r.web.test/public").verdict == Verdict::Ok);
  CHECK(r.at("http://r.web.test/private/page").verdict == Verdict::Skipped);
  CHECK(r.at("http://r.web.test/private/page").error.find("robots.txt") != std::string::npos);
  CHECK(web.hits("r.web.test", "/private/page") == 0);
  CHECK(web.hits("r.web.test", "/robots.txt") == 1);
}

TEST_CASE("request_stop ends a run with transfers in flight", "[crawler][web]") {
  testweb::Scenario s;
  testweb::Reply slow = page("Slow");
  slow.delay_ms = 5000;
  s.hosts["*"]["*"].replies = {slow};
  testweb::FixtureWeb web(s);
  FetchOptions options = loopback_options(web.port());
  options.soft404_probe = false;
  std::vector<std::string> urls;
  for (int i = 0; i < 10; ++i) urls.push_back("http://h" + std::to_string(i) + ".web.test/");
  Crawler crawler(options);
  std::atomic<bool> running{true};
  std::thread stopper([&] {
    while (running && web.total_hits() == 0) std::this_thread::sleep_for(10ms);
    crawler.request_stop();
  });
  int results = 0;
  crawler.run(targets_of(urls), [&](CheckResult) { ++results; });
  running = false;
  stopper.join();
  CHECK(results < 10);
  CHECK(crawler.progress().total == 10);
}

TEST_CASE("the rest of a page is read when the host's next request can use the connection",
          "[crawler][web][politeness]") {
  testweb::Scenario s;
  s.hosts["long.web.test"]["*"].replies = {long_page("Long read", 100 * 1024)};
  testweb::FixtureWeb web(s);
  FetchOptions options = one_per_host(web.port());
  auto r = crawl(options, targets_of({"http://long.web.test/1", "http://long.web.test/2",
                                      "http://long.web.test/3"}));
  for (const auto& [url, result] : r) {
    CHECK(result.verdict == Verdict::Ok);
    REQUIRE(result.page);
    CHECK(result.page->title == "Long read");
  }
  CHECK(web.total_hits() == 3);
  CHECK(web.connections() == 1);  // 100 KB more on the connection, not two new ones
}

TEST_CASE("a page too long to finish still ends the transfer after its head",
          "[crawler][web][politeness]") {
  testweb::Scenario s;
  s.hosts["huge.web.test"]["*"].replies = {long_page("Huge", 4 * 1024 * 1024)};
  testweb::FixtureWeb web(s);
  FetchOptions options = one_per_host(web.port());
  auto r = crawl(options, targets_of({"http://huge.web.test/1", "http://huge.web.test/2"}));
  for (const auto& [url, result] : r) {
    CHECK(result.verdict == Verdict::Ok);
    REQUIRE(result.page);
    CHECK(result.page->title == "Huge");
    CHECK(result.bytes < 1024 * 1024);  // stopped early, not read to the end
  }
  CHECK(web.connections() == 2);  // so the connection could not be kept
}

TEST_CASE("a cookie set in one redirect chain is never sent with another request",
          "[crawler][web][politeness]") {
  // Transfers reuse curl handles, and a reused handle keeps its cookie jar.
  testweb::Scenario s;
  testweb::Reply set = redirect_to("/landing", 302);
  set.headers.emplace_back("Set-Cookie", "session=1; Path=/");
  s.hosts["c.web.test"]["/set"].replies = {set};
  s.hosts["c.web.test"]["/landing"].replies = {page("Landing")};
  s.hosts["c.web.test"]["/other"].replies = {page("Other")};
  testweb::FixtureWeb web(s);
  FetchOptions options = one_per_host(web.port());
  options.concurrency = 1;
  auto r = crawl(options, targets_of({"http://c.web.test/set", "http://c.web.test/other"}));
  CHECK(r.at("http://c.web.test/set").verdict == Verdict::Redirected);
  CHECK(r.at("http://c.web.test/other").verdict == Verdict::Ok);
  REQUIRE(web.hits("c.web.test", "/landing") == 1);
  REQUIRE(web.hits("c.web.test", "/other") == 1);
  CHECK(web.last_header("c.web.test", "/landing", "cookie") == "session=1");  // its own chain
  CHECK(web.last_header("c.web.test", "/other", "cookie").empty());
}
