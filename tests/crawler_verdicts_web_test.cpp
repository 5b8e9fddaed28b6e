#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::Scenario verdict_web() {
  testweb::Scenario s;
  auto& v = s.hosts["v.web.test"];
  v["/ok"].replies = {page("A fine article")};
  v["/gone"].replies = {page("Not here", 404)};
  v["/410"].replies = {page("Gone", 410)};
  v["/moved"].replies = {redirect_to("/new-home")};
  v["/new-home"].replies = {page("Moved article")};
  v["/trivial"].replies = {redirect_to("http://www.v.web.test/trivial/")};
  s.hosts["www.v.web.test"]["/trivial/"].replies = {page("Trivially moved")};
  v["/deep/section/story"].replies = {redirect_to("/", 302)};
  v["/"].replies = {page("V home")};
  v["/soft"].replies = {page("Page not found")};
  v["/forbidden"].replies = {page("Forbidden", 403)};
  v["/401"].replies = {page("Login", 401)};
  v["/451"].replies = {page("Unavailable", 451)};
  v["/999"].replies = {page("Denied", 999)};
  v["/ratelimited"].replies = {page("Slow down", 429)};
  testweb::Reply cf = page("Just a moment...", 503);
  cf.headers = {{"cf-mitigated", "challenge"}};
  v["/cf"].replies = {cf};
  v["/challenge"].replies = {page("Just a moment...")};
  v["/error"].replies = {page("Oops", 500)};
  v["/flaky"].replies = {page("Busy", 503), page("Recovered")};
  testweb::Reply drop;
  drop.drop = true;
  v["/reset"].replies = {drop};
  v["/loop-a"].replies = {redirect_to("/loop-b")};
  v["/loop-b"].replies = {redirect_to("/loop-a")};
  v["/to-file"].replies = {redirect_to("file:///etc/passwd", 302)};
  v["/to-js"].replies = {redirect_to("javascript:alert(1)", 302)};
  testweb::Reply not_modified;
  not_modified.status = 304;
  not_modified.headers = {{"ETag", "\"v1\""}};
  v["/etag"].replies = {not_modified};
  testweb::Reply pdf;
  pdf.content_type = "application/pdf";
  pdf.body = std::string(200000, 'x');
  v["/file.pdf"].replies = {pdf};
  // A host that answers 200 "Home" for every path, so a dead article looks alive.
  s.hosts["soft.web.test"]["*"].replies = {page("Welcome home")};
  return s;
}

}  // namespace

TEST_CASE("every verdict end to end against the loopback web", "[crawler][web]") {
  testweb::FixtureWeb web(verdict_web());
  FetchOptions options = loopback_options(web.port());
  const std::string v = "http://v.web.test";
  auto targets = targets_of({v + "/ok",
                             v + "/gone",
                             v + "/410",
                             v + "/moved",
                             v + "/trivial",
                             v + "/deep/section/story",
                             v + "/soft",
                             v + "/forbidden",
                             v + "/401",
                             v + "/451",
                             v + "/999",
                             v + "/ratelimited",
                             v + "/cf",
                             v + "/challenge",
                             v + "/error",
                             v + "/flaky",
                             v + "/reset",
                             v + "/loop-a",
                             v + "/to-file",
                             v + "/to-js",
                             v + "/file.pdf",
                             "http://soft.web.test/health/2024/article",
                             "ftp://v.web.test/file",
                             "not a url at all",
                             v + "/ok"});
  targets.push_back(FetchTarget{v + "/etag", "v.web.test", "\"v1\"", "", ""});
  int count = 0;
  auto r = crawl(options, std::move(targets), &count);
  CHECK(count == 26);  // the duplicate /ok gets its own result

  auto verdict = [&](const std::string& url) { return r.at(url).verdict; };
  CHECK(verdict(v + "/ok") == Verdict::Ok);
  REQUIRE(r.at(v + "/ok").page);
  CHECK(r.at(v + "/ok").page->title == "A fine article");
  CHECK(web.hits("v.web.test", "/ok") == 1);  // fetched once for two targets
  CHECK(verdict(v + "/gone") == Verdict::Broken);
  CHECK(r.at(v + "/gone").http_status == 404);
  CHECK(verdict(v + "/410") == Verdict::Broken);

  const CheckResult& moved = r.at(v + "/moved");
  CHECK(moved.verdict == Verdict::Redirected);
  CHECK(moved.final_url == v + "/new-home");
  REQUIRE(moved.redirects.size() == 1);
  CHECK(moved.redirects[0].url == v + "/moved");
  CHECK(moved.redirects[0].status == 301);
  CHECK(moved.http_status == 200);

  CHECK(verdict(v + "/trivial") == Verdict::Ok);
  CHECK(verdict(v + "/deep/section/story") == Verdict::Soft404);
  CHECK(verdict(v + "/soft") == Verdict::Soft404);
  CHECK(verdict("http://soft.web.test/health/2024/article") == Verdict::Soft404);
  for (const char* path : {"/forbidden", "/401", "/451", "/999", "/cf", "/challenge"}) {
    INFO(path);
    CHECK(verdict(v + path) == Verdict::Blocked);
  }
  CHECK(verdict(v + "/ratelimited") == Verdict::Blocked);
  CHECK(r.at(v + "/ratelimited").attempts == 3);  // two retries first
  CHECK(verdict(v + "/error") == Verdict::ServerError);
  CHECK(web.hits("v.web.test", "/error") == 3);
  CHECK(verdict(v + "/flaky") == Verdict::Ok);
  CHECK(r.at(v + "/flaky").attempts == 2);
  CHECK(verdict(v + "/reset") == Verdict::NetworkError);
  CHECK(verdict(v + "/loop-a") == Verdict::Broken);
  CHECK(r.at(v + "/loop-a").error.find("loop") != std::string::npos);
  CHECK(verdict(v + "/to-file") == Verdict::Skipped);
  CHECK(verdict(v + "/to-js") == Verdict::Skipped);
  CHECK(verdict(v + "/file.pdf") == Verdict::Ok);
  CHECK(r.at(v + "/file.pdf").bytes == 0);  // non-HTML: stopped after the headers
  CHECK(verdict("ftp://v.web.test/file") == Verdict::Skipped);
  CHECK(verdict("not a url at all") == Verdict::Invalid);
  CHECK(verdict(v + "/etag") == Verdict::Ok);
  CHECK(r.at(v + "/etag").not_modified);
}

TEST_CASE("timeouts and refused connections", "[crawler][web]") {
  testweb::Scenario s;
  testweb::Reply slow = page("Slow");
  slow.delay_ms = 3000;
  s.hosts["slow.web.test"]["/"].replies = {slow};
  testweb::FixtureWeb web(s);
  FetchOptions options = loopback_options(web.port());
  options.timeout_s = 0.5;
  options.retries = 1;
  options.soft404_probe = false;
  // Port 9 (discard) on loopback: nothing listens there in the test environment.
  options.connect_to.insert(options.connect_to.begin(), "refused.web.test:80:127.0.0.1:9");
  auto r = crawl(options, targets_of({"http://slow.web.test/", "http://refused.web.test/"}));
  CHECK(r.at("http://slow.web.test/").verdict == Verdict::Timeout);
  CHECK(r.at("http://slow.web.test/").attempts == 2);
  const CheckResult& refused = r.at("http://refused.web.test/");
  CHECK(refused.verdict == Verdict::NetworkError);
  CHECK(refused.attempts == 2);  // one more try at the end of the run
}

TEST_CASE("only the page head is read", "[crawler][web]") {
  testweb::Scenario s;
  testweb::Reply headless;  // no </head> or <body: cut at --max-head-bytes
  headless.body = "<html><head><title>Endless head</title>" + std::string(300000, ' ');
  testweb::Reply normal;
  normal.body = html_page("Short head") + std::string(300000, 'x');
  s.hosts["h.web.test"]["/headless"].replies = {headless};
  s.hosts["h.web.test"]["/normal"].replies = {normal};
  testweb::FixtureWeb web(s);
  FetchOptions options = loopback_options(web.port());
  options.max_head_bytes = 4096;
  options.soft404_probe = false;
  auto r = crawl(options, targets_of({"http://h.web.test/headless", "http://h.web.test/normal"}));
  const CheckResult& headless_result = r.at("http://h.web.test/headless");
  CHECK(headless_result.verdict == Verdict::Ok);
  CHECK(headless_result.bytes == 4096);
  REQUIRE(headless_result.page);
  CHECK(headless_result.page->title == "Endless head");
  const CheckResult& normal_result = r.at("http://h.web.test/normal");
  CHECK(normal_result.verdict == Verdict::Ok);
  CHECK(normal_result.bytes < 100000);  // stopped soon after </head>, not the whole body
}
