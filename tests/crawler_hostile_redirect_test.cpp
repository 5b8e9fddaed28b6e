// Hostile redirects (loops, long chains, redirects into places a link checker must never go)
// and unusual hosts (IDN, IPv6 literal).
#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"
#include "tests/web/raw_web.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::Scenario redirect_web() {
  testweb::Scenario s;
  auto& r = s.hosts["r.web.test"];
  r["/loop-a"].replies = {redirect_to("/loop-b")};
  r["/loop-b"].replies = {redirect_to("/loop-a")};
  // "Set a cookie and redirect to yourself", forever, with a new cookie every time.
  for (int i = 0; i < 40; ++i) {
    testweb::Reply hop = redirect_to("/cookie-loop", 302);
    hop.headers.emplace_back("Set-Cookie", "n=" + std::to_string(i) + "; Path=/");
    r["/cookie-loop"].replies.push_back(hop);
  }
  for (int i = 1; i <= 50; ++i) {
    r["/hop/" + std::to_string(i)].replies = {redirect_to("/hop/" + std::to_string(i + 1), 302)};
  }
  r["/hop/51"].replies = {page("End of the chain")};
  r["/to-metadata"].replies = {redirect_to("http://169.254.169.254/latest/meta-data/", 302)};
  r["/to-ssh"].replies = {redirect_to("http://127.0.0.1:22/", 302)};
  r["/to-file"].replies = {redirect_to("file:///etc/passwd", 302)};
  r["/to-js"].replies = {redirect_to("javascript:alert(document.cookie)", 302)};
  r["/to-data"].replies = {
      redirect_to("data:text/html;base64," + std::string(50000, 'A') + "==", 302)};
  return s;
}

const std::vector<std::string> kForbidden = {"/to-metadata", "/to-ssh", "/to-file", "/to-js",
                                             "/to-data"};

}  // namespace

TEST_CASE("redirect loops and long chains end with the chain kept", "[crawler][web][hostile]") {
  testweb::FixtureWeb web(redirect_web());
  FetchOptions options = loopback_options(web.port());
  options.soft404_probe = false;
  const std::string base = "http://r.web.test";
  auto r = crawl(options, targets_of({base + "/loop-a", base + "/cookie-loop", base + "/hop/1"}));
  const CheckResult& loop = r.at(base + "/loop-a");
  CHECK(loop.verdict == Verdict::Broken);
  CHECK(loop.error.find("loop") != std::string::npos);
  CHECK(loop.redirects.size() == 2);
  const CheckResult& cookie = r.at(base + "/cookie-loop");
  CHECK(cookie.verdict == Verdict::Broken);
  CHECK(cookie.error == "too many redirects");
  CHECK(cookie.redirects.size() == static_cast<std::size_t>(options.max_redirects + 1));
  const CheckResult& chain = r.at(base + "/hop/1");
  CHECK(chain.verdict == Verdict::Broken);
  CHECK(chain.error == "too many redirects");
  REQUIRE(chain.redirects.size() == static_cast<std::size_t>(options.max_redirects + 1));
  CHECK(chain.redirects.front().url == base + "/hop/1");
  CHECK(chain.redirects.back().url == base + "/hop/11");
  CHECK(chain.redirects.back().status == 302);
  CHECK(web.hits("r.web.test", "/hop/12") == 0);  // never went past the limit

  options.max_redirects = 60;  // a user who allows long chains gets the whole one
  auto longer = crawl(options, targets_of({base + "/hop/1"}));
  CHECK(longer.at(base + "/hop/1").verdict == Verdict::Redirected);
  CHECK(longer.at(base + "/hop/1").redirects.size() == 50);
  CHECK(longer.at(base + "/hop/1").final_url == base + "/hop/51");
}

TEST_CASE("redirects to metadata services ssh files and script URLs are refused",
          "[crawler][web][hostile]") {
  testweb::FixtureWeb web(redirect_web());
  const std::string base = "http://r.web.test";
  std::vector<std::string> urls;
  for (const std::string& path : kForbidden) urls.push_back(base + path);
  for (const bool allow_private : {false, true}) {
    INFO("allow_private " << allow_private);
    FetchOptions options;
    options.interval_ms = 0;
    options.soft404_probe = false;
    options.allow_private = allow_private;
    options.connect_to = {"r.web.test:80:127.0.0.1:" + std::to_string(web.port())};
    auto r = crawl(options, targets_of(urls));
    for (const std::string& path : kForbidden) {
      INFO(path << ": " << r.at(base + path).error);
      const CheckResult& result = r.at(base + path);
      CHECK(result.verdict == Verdict::Skipped);
      CHECK(result.redirects.size() == 1);
      CHECK(result.error.size() < 400);  // a 50 KB data: URL is not repeated in full
    }
    CHECK(r.at(base + "/to-metadata").error.find("link-local") != std::string::npos);
    CHECK(r.at(base + "/to-ssh").error.find(allow_private ? "port 22" : "loopback") !=
          std::string::npos);
  }
  CHECK(web.total_hits() == 10);  // only the redirecting pages were ever requested
}

TEST_CASE("an IDN host reached through its punycode pin", "[crawler][web][hostile]") {
  testweb::Scenario s;
  s.hosts["xn--bcher-kva.example"]["/buch"].replies = {page("B\u00fccher")};
  s.hosts["xn--bcher-kva.example"]["/neu"].replies = {page("Neue B\u00fccher")};
  // A Location with the Unicode host, as some servers send it.
  s.hosts["plain.example"]["/old"].replies = {
      redirect_to("http://b\u00fccher.example:{port}/neu", 301)};
  testweb::FixtureWeb web(s);
  const std::string port = std::to_string(web.port());
  FetchOptions options;
  options.interval_ms = 0;
  options.soft404_probe = false;
  options.resolve = {"xn--bcher-kva.example:" + port + ":127.0.0.1",
                     "plain.example:" + port + ":127.0.0.1"};
  const std::string url = "http://b\u00fccher.example:" + port + "/buch";
  const std::string old_url = "http://plain.example:" + port + "/old";
  auto r = crawl(options, targets_of({url, old_url}));
  const CheckResult& idn = r.at(url);
  INFO(idn.error);
  CHECK(idn.verdict == Verdict::Ok);
  REQUIRE(idn.page);
  CHECK(idn.page->title == "B\u00fccher");
  CHECK(web.hits("xn--bcher-kva.example", "/buch") == 1);
  const CheckResult& moved = r.at(old_url);
  INFO(moved.error);
  CHECK(moved.verdict == Verdict::Redirected);
  CHECK(moved.final_url == "http://xn--bcher-kva.example:" + port + "/neu");
  REQUIRE(moved.page);
  CHECK(moved.page->title == "Neue B\u00fccher");
}

TEST_CASE("an IPv6 literal on the loopback", "[crawler][web][hostile]") {
  const std::string html = "<html><head><title>Over IPv6</title></head><body></body></html>";
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/v6"].steps = {{testweb::raw_response(200, {"Content-Type: text/html"}, html)}};
  testweb::RawWeb raw(scripts, "::1");
  const std::string url = "http://[::1]:" + std::to_string(raw.port()) + "/v6";
  FetchOptions options;
  options.interval_ms = 0;
  options.soft404_probe = false;
  options.allow_private = true;
  auto allowed = crawl(options, targets_of({url}));
  INFO(allowed.at(url).error);
  CHECK(allowed.at(url).verdict == Verdict::Ok);
  REQUIRE(allowed.at(url).page);
  CHECK(allowed.at(url).page->title == "Over IPv6");
  CHECK(allowed.at(url).host == "[::1]");
  options.allow_private = false;
  auto refused = crawl(options, targets_of({url}));
  CHECK(refused.at(url).verdict == Verdict::Skipped);
  CHECK(refused.at(url).error.find("loopback") != std::string::npos);
  CHECK(raw.hits("/v6") == 1);
}
