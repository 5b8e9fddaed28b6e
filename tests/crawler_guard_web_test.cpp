#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::Scenario guard_web() {
  testweb::Scenario s;
  auto& a = s.hosts["a.web.test"];
  a["/ok"].replies = {page("Public page")};
  a["/to-loopback"].replies = {redirect_to("http://127.0.0.1:{port}/ok", 302)};
  a["/to-metadata"].replies = {redirect_to("http://169.254.169.254/latest/meta-data/", 302)};
  a["/to-inner"].replies = {redirect_to("http://inner.web.test/ok", 302)};
  s.hosts["inner.web.test"]["/ok"].replies = {page("Inner")};
  s.hosts["127.0.0.1"]["/ok"].replies = {page("Loopback")};
  return s;
}

}  // namespace

TEST_CASE("the address guard refuses redirects into private space", "[crawler][web][guard]") {
  testweb::FixtureWeb web(guard_web());
  const std::string port = std::to_string(web.port());
  FetchOptions options;
  options.interval_ms = 0;
  options.soft404_probe = false;
  // a.web.test is pinned by the user, so trusted; every other host reaches the same server
  // through the wildcard entry and has to pass the guard on its resolved address.
  options.connect_to = {"a.web.test:80:127.0.0.1:" + port, "::127.0.0.1:" + port};
  auto r = crawl(options, targets_of({"http://a.web.test/ok", "http://a.web.test/to-loopback",
                                      "http://a.web.test/to-inner", "http://a.web.test/to-metadata",
                                      "http://10.0.0.1/"}));
  CHECK(r.at("http://a.web.test/ok").verdict == Verdict::Ok);
  const CheckResult& loopback = r.at("http://a.web.test/to-loopback");
  CHECK(loopback.verdict == Verdict::Skipped);
  CHECK(loopback.error.find("loopback") != std::string::npos);
  REQUIRE(loopback.redirects.size() == 1);
  CHECK(loopback.redirects[0].status == 302);
  const CheckResult& inner = r.at("http://a.web.test/to-inner");
  CHECK(inner.verdict == Verdict::Skipped);  // refused on the resolved address
  CHECK(inner.error.find("loopback") != std::string::npos);
  CHECK(r.at("http://a.web.test/to-metadata").verdict == Verdict::Skipped);
  CHECK(r.at("http://10.0.0.1/").verdict == Verdict::Skipped);
  CHECK(web.hits("inner.web.test", "/ok") == 0);
  CHECK(web.hits("127.0.0.1", "/ok") == 0);
}

TEST_CASE("allow_private never opens link-local addresses", "[crawler][web][guard]") {
  testweb::FixtureWeb web(guard_web());
  FetchOptions options = loopback_options(web.port());
  options.soft404_probe = false;
  auto r = crawl(options, targets_of({"http://a.web.test/to-metadata", "http://a.web.test/to-inner",
                                      "http://169.254.169.254/latest/", "http://[fe80::1]/"}));
  CHECK(r.at("http://a.web.test/to-metadata").verdict == Verdict::Skipped);
  CHECK(r.at("http://a.web.test/to-metadata").error.find("link-local") != std::string::npos);
  // Private is allowed now: the redirect to another host is simply followed.
  CHECK(r.at("http://a.web.test/to-inner").verdict == Verdict::Redirected);
  CHECK(r.at("http://169.254.169.254/latest/").verdict == Verdict::Skipped);
  CHECK(r.at("http://[fe80::1]/").verdict == Verdict::Skipped);
}

TEST_CASE("HTTPS with the test CA, and a certificate for the wrong name", "[crawler][web][tls]") {
  testweb::Scenario s;
  s.hosts["*"]["/"].replies = {page("Secure page")};
  testweb::FixtureWeb web(s, /*tls=*/true);
  FetchOptions options = loopback_options(web.port());
  options.cacert = testweb::FixtureWeb::ca_file();
  options.soft404_probe = false;
  auto r = crawl(options, targets_of({"https://secure.web.test/", "https://wrong-name.test/"}));
  CHECK(r.at("https://secure.web.test/").verdict == Verdict::Ok);
  const CheckResult& bad = r.at("https://wrong-name.test/");
  CHECK(bad.verdict == Verdict::TlsError);
  CHECK_FALSE(bad.error.empty());
}

TEST_CASE("the address guard judges the address, however the host spells it",
          "[crawler][web][guard]") {
  testweb::FixtureWeb web(guard_web());
  const std::string port = std::to_string(web.port());
  FetchOptions options;
  options.interval_ms = 0;
  options.soft404_probe = false;
  // Hex, octal, a 32-bit number, short forms and %-escapes all spell 127.0.0.1. Only the
  // plain dotted ones are IP literals to the early check; the rest reach the socket check.
  std::vector<std::string> urls;
  for (const char* host : {"0x7f.1", "0177.0.0.1", "2130706433", "127.1", "%30x7f.1",
                           "%31%32%37.0.0.1", "0x7f000001"}) {
    urls.push_back("http://" + std::string(host) + ":" + port + "/ok");
  }
  const auto r = crawl(options, targets_of(urls));
  for (const std::string& url : urls) {
    INFO(url);
    const CheckResult& check = r.at(url);
    CHECK(check.verdict == Verdict::Skipped);
    CHECK(check.error.find("loopback") != std::string::npos);
  }
  CHECK(web.total_hits() == 0);
}
