// Hostile servers on the wire: slowloris, silence, garbage status lines, resets, huge and
// endless headers, absurd Retry-After. Every crawl returns with a clear verdict.
#include <catch2/catch.hpp>

#include "crawler/retry_policy.h"
#include "tests/crawler_test_support.h"
#include "tests/web/raw_web.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kPage = "<html><head><title>Slow page</title></head><body></body></html>";

FetchOptions wire_options(int port) {
  FetchOptions o = loopback_options(port);
  o.soft404_probe = false;
  o.retries = 0;
  o.per_host = 16;
  o.max_head_bytes = 64 * 1024;
  return o;
}

testweb::RawScript script(std::vector<testweb::RawStep> steps,
                          testweb::RawEnding ending = testweb::RawEnding::Close) {
  testweb::RawScript s;
  s.steps = std::move(steps);
  s.ending = ending;
  return s;
}

}  // namespace

TEST_CASE("slow and silent servers end in a timeout", "[crawler][web][hostile]") {
  const std::string response = testweb::raw_response(200, {"Content-Type: text/html"}, kPage);
  const std::size_t split = response.find("\r\n\r\n") + 4;
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/slow-headers"] = script({{response, 0, 1000}});
  scripts["/slow-body"] = script({{response.substr(0, split)}, {kPage, 0, 1000}});
  scripts["/silent"] = script({}, testweb::RawEnding::Hang);
  testweb::RawWeb raw(scripts);
  FetchOptions options = wire_options(raw.port());
  options.timeout_s = 1.5;
  const std::string base = "http://slow.web.test";
  auto r =
      crawl(options, targets_of({base + "/slow-headers", base + "/slow-body", base + "/silent"}));
  for (const char* path : {"/slow-headers", "/slow-body", "/silent"}) {
    INFO(path);
    const CheckResult& result = r.at(base + path);
    CHECK(result.verdict == Verdict::Timeout);
    CHECK(result.bytes <= static_cast<long long>(kPage.size()));
    CHECK_FALSE(result.error.empty());
  }
}

TEST_CASE("garbage status lines and resets are network errors", "[crawler][web][hostile]") {
  const std::string response = testweb::raw_response(200, {"Content-Type: text/html"}, kPage);
  const std::string head = response.substr(0, response.find("\r\n\r\n") + 4);
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/garbage"] = script({{"SSH-2.0-OpenSSH_9.2\r\n\r\n<html>hello</html>"}});
  scripts["/bad-status"] = script({{"HTTP/1.1 abc Whatever\r\nContent-Length: 0\r\n\r\n"}});
  scripts["/huge-status"] = script({{"HTTP/1.1 999999999999 Big\r\nContent-Length: 0\r\n\r\n"}});
  scripts["/reset-headers"] =
      script({{"HTTP/1.1 200 OK\r\nContent-Type: text/ht"}}, testweb::RawEnding::Reset);
  scripts["/reset-body"] = script({{head + "<html><head><title>Cut</ti", 0, 0}, {"", 100, 0}},
                                  testweb::RawEnding::Reset);
  scripts["/empty"] = script({});
  testweb::RawWeb raw(scripts);
  const std::string base = "http://wire.web.test";
  auto r = crawl(wire_options(raw.port()),
                 targets_of({base + "/garbage", base + "/bad-status", base + "/huge-status",
                             base + "/reset-headers", base + "/reset-body", base + "/empty"}));
  for (const char* path :
       {"/garbage", "/bad-status", "/huge-status", "/reset-headers", "/reset-body", "/empty"}) {
    INFO(path << ": " << r.at(base + path).error);
    CHECK(r.at(base + path).verdict == Verdict::NetworkError);
    CHECK_FALSE(r.at(base + path).error.empty());
    CHECK(r.at(base + path).bytes <= static_cast<long long>(kPage.size()));
  }
}

TEST_CASE("100 KB of headers and endless headers", "[crawler][web][hostile]") {
  std::vector<std::string> many;
  for (int i = 0; i < 1000; ++i)
    many.push_back("X-Pad-" + std::to_string(i) + ": " + std::string(90, 'p'));
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/many"] = script({{testweb::raw_response(200, many, kPage)}});
  scripts["/one-long"] = script({{testweb::raw_response(
      200, {"Content-Type: text/html", "X-Long: " + std::string(100 * 1024, 'l')}, kPage)}});
  scripts["/long-type"] = script({{testweb::raw_response(
      200, {"Content-Type: text/html; x=" + std::string(50 * 1024, 't')}, kPage)}});
  scripts["/endless"] = script({{"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"},
                                {"X-More: yes yes yes\r\n", 0, 0, true}});
  testweb::RawWeb raw(scripts);
  const std::string base = "http://headers.web.test";
  auto r = crawl(wire_options(raw.port()), targets_of({base + "/many", base + "/one-long",
                                                       base + "/long-type", base + "/endless"}));
  const CheckResult& many_result = r.at(base + "/many");
  INFO(many_result.error);
  CHECK(many_result.verdict == Verdict::Ok);
  const CheckResult& long_result = r.at(base + "/one-long");
  INFO(long_result.error);
  CHECK(long_result.verdict == Verdict::NetworkError);
  CHECK(long_result.error.find("header") != std::string::npos);
  const CheckResult& type_result = r.at(base + "/long-type");
  CHECK(type_result.verdict == Verdict::Ok);
  CHECK(type_result.content_type.size() <= 1024);  // a header value we keep is capped
  const CheckResult& endless = r.at(base + "/endless");
  INFO(endless.error);
  CHECK(endless.verdict == Verdict::NetworkError);
  CHECK(endless.error.find("headers") != std::string::npos);  // curl's total header cap
  CHECK(endless.bytes == 0);
}

TEST_CASE("absurd and garbage Retry-After are capped or ignored", "[crawler][web][hostile]") {
  testweb::Scenario s;
  testweb::Reply forever = page("Come back in three years", 503);
  forever.headers = {{"Retry-After", "99999999"}};
  testweb::Reply garbage = page("Come back soon", 429);
  garbage.headers = {{"Retry-After", "soon-ish, maybe"}};
  testweb::Reply far_date = page("Later", 503);
  far_date.headers = {{"Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"}};
  s.hosts["park.web.test"]["/forever"].replies = {forever, page("Back")};
  s.hosts["garbage.web.test"]["/soon"].replies = {garbage, page("Back")};
  s.hosts["date.web.test"]["/later"].replies = {far_date, page("Back")};
  testweb::FixtureWeb web(s);
  FetchOptions options = wire_options(web.port());
  options.retries = 1;
  options.max_retry_after_s = 1;  // the production cap is 120 s; the rule is the same
  auto r =
      crawl(options, targets_of({"http://park.web.test/forever", "http://garbage.web.test/soon",
                                 "http://date.web.test/later"}));
  for (const char* url : {"http://park.web.test/forever", "http://garbage.web.test/soon",
                          "http://date.web.test/later"}) {
    INFO(url);
    CHECK(r.at(url).verdict == Verdict::Ok);  // retried after at most the cap
    CHECK(r.at(url).attempts == 2);
  }
}

TEST_CASE("Retry-After values are read or ignored", "[crawler][hostile]") {
  CHECK(parse_retry_after("120", 0) == 120);
  CHECK(parse_retry_after(" 99999999 ", 0) == 99999999);
  CHECK(parse_retry_after("999999999999999999999999999999", 0) > 99999999);  // saturates
  CHECK(parse_retry_after("soon-ish, maybe", 0) == -1);
  CHECK(parse_retry_after("", 0) == -1);
  const std::time_t date = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", date - 60) == 60);
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", date + 60) == 0);
}
