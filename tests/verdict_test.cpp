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

TEST_CASE("a parked domain is a soft 404, by its page or by the parking host it lands on",
          "[crawler][verdict][long_tail]") {
  PageMeta page;
  page.html_title = "CareNewsNow.com is for sale | HugeDomains";
  page.signals = {"parked_domain"};
  auto o = answered(200, "https://carenewsnow.com/2019/04/telehealth-boom");
  o.page = &page;
  auto parked = decide_verdict(o);
  CHECK(parked.verdict == Verdict::Soft404);
  CHECK(parked.reason ==
        "parked domain: a for-sale or parking page \"CareNewsNow.com is for sale "
        "| HugeDomains\"");
  PageMeta landing;
  landing.html_title = "Buy CareNewsNow.com";
  auto moved = redirected("https://carenewsnow.com/2019/04/telehealth-boom",
                          "https://www.hugedomains.com/domain_profile.cfm?d=carenewsnow.com");
  moved.page = &landing;
  auto sold = decide_verdict(moved);
  CHECK(sold.verdict == Verdict::Soft404);
  CHECK(sold.reason ==
        "parked domain: redirected to a domain-parking service "
        "https://www.hugedomains.com/domain_profile.cfm?d=carenewsnow.com");
}

TEST_CASE("a redirect to another site's home page is a soft 404 that says so",
          "[crawler][verdict][long_tail]") {
  auto home = decide_verdict(redirected("https://www.ihealthbeat.org/articles/2014/5/1/telehealth",
                                        "https://www.chcf.org/"));
  CHECK(home.verdict == Verdict::Soft404);
  CHECK(home.reason == "deep link redirected to another site's home page https://www.chcf.org/");
  auto root =
      decide_verdict(redirected("https://news.test/health/2020/story", "https://news.test/"));
  CHECK(root.reason == "deep link redirected to the site root https://news.test/");
  auto section = decide_verdict(
      redirected("https://news.test/health/2020/story", "https://news.test/health/"));
  CHECK(section.reason == "deep link redirected to a section index https://news.test/health/");
}

TEST_CASE("a redirect to the same article on another site is a migration",
          "[crawler][verdict][long_tail]") {
  auto migrated = decide_verdict(
      redirected("https://www.ihealthbeat.org/articles/2014/5/1/telehealth-rules-ease",
                 "https://www.chcf.org/articles/telehealth-rules-ease/"));
  CHECK(migrated.verdict == Verdict::Redirected);
  CHECK(
      migrated.reason ==
      "moved to another site, same article: https://www.chcf.org/articles/telehealth-rules-ease/");
  auto elsewhere = decide_verdict(
      redirected("https://news.test/a/story", "https://other.test/topics/remote-care/overview"));
  CHECK(elsewhere.verdict == Verdict::Redirected);
  CHECK(elsewhere.reason ==
        "moved to another site: https://other.test/topics/remote-care/overview");
}

TEST_CASE("a page that redirects to the root by itself is a soft 404 like an HTTP redirect",
          "[crawler][verdict][long_tail]") {
  PageMeta page;
  page.html_title = "Redirecting\xE2\x80\xA6";
  page.refresh_url = "https://news.test/";
  page.signals = {"meta_refresh"};
  auto o = answered(200, "https://news.test/health/2020/story");
  o.page = &page;
  auto refresh = decide_verdict(o);
  CHECK(refresh.verdict == Verdict::Soft404);
  CHECK(refresh.reason ==
        "deep link's page sends the browser to the site root by meta refresh: https://news.test/");
  page.refresh_url.clear();
  page.script_redirect_url = "https://news.test/health/";
  page.signals = {"script_redirect"};
  auto script = decide_verdict(o);
  CHECK(script.verdict == Verdict::Soft404);
  CHECK(script.reason ==
        "deep link's page sends the browser to a section index by script "
        "redirect: https://news.test/health/");
  // A slow refresh to the home page is a news page's auto-reload, not a redirect.
  page.script_redirect_url.clear();
  page.refresh_url = "https://news.test/";
  page.refresh_delay_s = 900;
  page.signals = {"meta_refresh"};
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
}

TEST_CASE("a deep URL serving the home page is a soft 404 unless it says it is an article",
          "[crawler][verdict][long_tail]") {
  PageMeta page;
  page.html_title = "MedCity News - Healthcare technology news";
  page.canonical = "https://medcitynews.com/";
  page.og_type = "website";
  auto o = answered(200, "https://medcitynews.com/2020/07/telemedicine-visit/");
  o.page = &page;
  auto home = decide_verdict(o);
  CHECK(home.verdict == Verdict::Soft404);
  CHECK(home.reason ==
        "deep URL serves the home page (it names https://medcitynews.com/ as its URL)");
  // og:url alone is no claim: app templates set it to the root on every page.
  page.canonical.clear();
  page.og_url = "https://www.medcitynews.com/";
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
  // A deep canonical wins over a site-wide og:url template, and the two must agree.
  page.canonical = "https://medcitynews.com/2020/07/telemedicine-visit/";
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
  page.canonical = "https://medcitynews.com/";
  page.og_url = "https://medcitynews.com/2020/07/telemedicine-visit/";
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
  page.og_url = "https://www.medcitynews.com/";
  CHECK(decide_verdict(o).verdict == Verdict::Soft404);
  page.og_type = "Article";  // any case
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
  page.og_type.clear();
  page.published = "2020-07-14T10:00:00Z";
  CHECK(decide_verdict(o).verdict == Verdict::Ok);
  // The home page at its own address is just the home page.
  page.published.clear();
  auto root = answered(200, "https://medcitynews.com/");
  root.page = &page;
  CHECK(decide_verdict(root).verdict == Verdict::Ok);
}

TEST_CASE("a login wall is blocked, never broken", "[crawler][verdict][long_tail]") {
  auto login = redirected("https://www.healthaffairs.org/do/10.1377/hlthaff.2020.01",
                          "https://www.healthaffairs.org/login?uri=%2Fdo%2F10.1377");
  auto walled = decide_verdict(login);
  CHECK(walled.verdict == Verdict::Blocked);
  CHECK(walled.reason ==
        "login wall: redirected to a sign-in page "
        "https://www.healthaffairs.org/login?uri=%2Fdo%2F10.1377");
  for (int status : {401, 403, 404, 500}) {
    INFO(status);
    login.status = status;
    CHECK(decide_verdict(login).verdict == Verdict::Blocked);
  }
  auto sso = redirected("https://intranet.example.org/reports/2020/q3",
                        "https://login.microsoftonline.com/common/oauth2/authorize?client_id=x");
  CHECK(decide_verdict(sso).verdict == Verdict::Blocked);
  // Single sign-on that bounces until a cookie is set.
  auto bounce = redirected("https://intranet.example.org/reports/2020/q3",
                           "https://intranet.example.org/reports/2020/q3", 302);
  bounce.hops.push_back(Hop{"https://sso.example.org/idp/authorize", 302});
  bounce.redirect_loop = true;
  auto loop = decide_verdict(bounce);
  CHECK(loop.verdict == Verdict::Blocked);
  CHECK(loop.reason ==
        "login wall: redirects go round through the sign-in page "
        "https://sso.example.org/idp/authorize");
  PageMeta form;
  form.html_title = "Log In \xE2\x80\xB9 Rural Health Voices \xE2\x80\x94 WordPress";
  form.signals = {"sign_in_form"};
  auto page = answered(200, "https://ruralhealthvoices.org/2020/05/story/");
  page.page = &form;
  auto in_place = decide_verdict(page);
  CHECK(in_place.verdict == Verdict::Blocked);
  CHECK(in_place.reason ==
        "sign-in form in place of the article: \"Log In \xE2\x80\xB9 Rural Health "
        "Voices \xE2\x80\x94 WordPress\"");
  // A hop through the login that sets a cookie and comes back: the article answered.
  auto back = redirected("https://www.statnews.com/2020/05/story/",
                         "https://www.statnews.com/2020/05/story/?cookie=1");
  back.hops.push_back(Hop{"https://www.statnews.com/login?next=%2F2020%2F05%2Fstory%2F", 302});
  CHECK(decide_verdict(back).verdict == Verdict::Redirected);
  // A link to the sign-in page itself is not walled off from anything.
  CHECK(decide_verdict(answered(200, "https://www.statnews.com/account/login/")).verdict ==
        Verdict::Ok);
}

TEST_CASE("a paywalled article that carries its own title is ok", "[crawler][verdict][long_tail]") {
  PageMeta page;
  page.html_title =
      "Hospitals Turn to Remote Monitoring as Patients Age at Home - The New York Times";
  page.og_type = "article";
  page.canonical =
      "https://www.nytimes.com/2021/03/14/health/remote-patient-monitoring-hospitals.html";
  auto o = answered(200, page.canonical);
  o.page = &page;
  const auto decision = decide_verdict(o);
  CHECK(decision.verdict == Verdict::Ok);
  CHECK(decision.reason.empty());
}
