#include <catch2/catch.hpp>

#include "crawler/verdict.h"

using linkhealth::ChainOutcome;
using linkhealth::decide_verdict;
using linkhealth::Hop;
using linkhealth::PageMeta;
using linkhealth::ProbeAnswer;
using linkhealth::TransferError;
using linkhealth::Verdict;

namespace {

ChainOutcome answered(int status, const std::string& url = "https://news.test/a/story") {
  ChainOutcome o;
  o.request_url = url;
  o.final_url = url;
  o.status = status;
  return o;
}

ChainOutcome redirected(const std::string& from, const std::string& to, int status = 200) {
  ChainOutcome o = answered(status, from);
  o.hops.push_back(Hop{from, 301});
  o.final_url = to;
  return o;
}

}  // namespace

TEST_CASE("2xx without redirect is ok", "[crawler][verdict]") {
  CHECK(decide_verdict(answered(200)).verdict == Verdict::Ok);
  CHECK(decide_verdict(answered(206)).verdict == Verdict::Ok);
}

TEST_CASE("trivial redirects stay ok, others are redirected", "[crawler][verdict]") {
  CHECK(
      decide_verdict(redirected("http://news.test/a/story", "https://news.test/a/story")).verdict ==
      Verdict::Ok);
  CHECK(decide_verdict(redirected("https://news.test/a/story", "https://www.news.test/a/story"))
            .verdict == Verdict::Ok);
  CHECK(decide_verdict(redirected("https://news.test/a/story", "https://news.test/a/story/"))
            .verdict == Verdict::Ok);
  auto moved = decide_verdict(redirected("https://news.test/a/story", "https://news.test/b/new"));
  CHECK(moved.verdict == Verdict::Redirected);
  CHECK(moved.reason.find("https://news.test/b/new") != std::string::npos);
}

TEST_CASE("4xx statuses are broken or blocked", "[crawler][verdict]") {
  CHECK(decide_verdict(answered(404)).verdict == Verdict::Broken);
  CHECK(decide_verdict(answered(410)).verdict == Verdict::Broken);
  CHECK(decide_verdict(answered(400)).verdict == Verdict::Broken);
  for (int s : {401, 403, 429, 451, 999}) {
    INFO(s);
    CHECK(decide_verdict(answered(s)).verdict == Verdict::Blocked);
  }
}

TEST_CASE("5xx is a server error unless it is a challenge", "[crawler][verdict]") {
  CHECK(decide_verdict(answered(500)).verdict == Verdict::ServerError);
  auto challenged = answered(503);
  challenged.cf_mitigated = true;
  CHECK(decide_verdict(challenged).verdict == Verdict::Blocked);
  PageMeta page;
  page.signals = {"challenge"};
  auto titled = answered(503);
  titled.page = &page;
  CHECK(decide_verdict(titled).verdict == Verdict::Blocked);
}

TEST_CASE("a 200 page can be blocked or a soft 404 by its signals", "[crawler][verdict]") {
  PageMeta page;
  auto o = answered(200);
  o.page = &page;
  page.signals = {"challenge"};
  CHECK(decide_verdict(o).verdict == Verdict::Blocked);
  page.signals = {"consent_wall"};
  CHECK(decide_verdict(o).verdict == Verdict::Blocked);
  page.signals = {"not_found_text"};
  page.html_title = "Page not found";
  auto soft = decide_verdict(o);
  CHECK(soft.verdict == Verdict::Soft404);
  CHECK(soft.reason.find("Page not found") != std::string::npos);
}

TEST_CASE("a deep link redirected to the root or a section is a soft 404", "[crawler][verdict]") {
  CHECK(decide_verdict(redirected("https://news.test/health/2020/story", "https://news.test/"))
            .verdict == Verdict::Soft404);
  CHECK(
      decide_verdict(redirected("https://news.test/health/2020/story", "https://news.test/health/"))
          .verdict == Verdict::Soft404);
  // The home page itself moving is not a soft 404.
  CHECK(decide_verdict(redirected("https://news.test/", "https://news.test/en/")).verdict ==
        Verdict::Redirected);
}

TEST_CASE("a page answering like a random path is a soft 404", "[crawler][verdict]") {
  PageMeta page;
  page.html_title = "Welcome to News";
  auto o = answered(200);
  o.page = &page;
  o.probe = ProbeAnswer{200, "https://news.test/linkhealth-probe-x", "Welcome to News", false};
  CHECK(decide_verdict(o).verdict == Verdict::Soft404);
  o.probe->status = 404;  // a host that answers missing pages honestly
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
  auto landing = redirected("https://news.test/a/b", "https://news.test/sorry");
  landing.probe = ProbeAnswer{200, "https://news.test/sorry", "", true};
  CHECK(decide_verdict(landing).verdict == Verdict::Soft404);
}

TEST_CASE("transport errors map to their verdicts", "[crawler][verdict]") {
  auto o = answered(0);
  const std::pair<TransferError, Verdict> cases[] = {
      {TransferError::Timeout, Verdict::Timeout},
      {TransferError::Resolve, Verdict::Broken},
      {TransferError::Connect, Verdict::NetworkError},
      {TransferError::Reset, Verdict::NetworkError},
      {TransferError::Tls, Verdict::TlsError},
      {TransferError::AddressRefused, Verdict::Skipped},
      {TransferError::Invalid, Verdict::Invalid},
  };
  for (const auto& [error, verdict] : cases) {
    o.error = error;
    o.error_text = "details";
    CHECK(decide_verdict(o).verdict == verdict);
  }
}

TEST_CASE("skips, invalid URLs, loops and 304", "[crawler][verdict]") {
  auto o = answered(0);
  o.skip_reason = "unsupported scheme 'ftp'";
  CHECK(decide_verdict(o).verdict == Verdict::Skipped);
  o = answered(0);
  o.invalid_reason = "not a usable URL";
  CHECK(decide_verdict(o).verdict == Verdict::Invalid);
  o = answered(301);
  o.redirect_loop = true;
  CHECK(decide_verdict(o).verdict == Verdict::Broken);
  o = answered(304);
  o.not_modified = true;
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
}
