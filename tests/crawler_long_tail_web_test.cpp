// The real web's long tail end to end through the engine and the loopback web: parked
// domains, page redirects (meta refresh, script), not-found pages in other languages, home
// pages at deep URLs, moves to other sites, login walls, and the shapes that must stay ok
// (paywalls, a 503 with Retry-After, an analytics-heavy live article).
#include <catch2/catch.hpp>

#include "tests/crawler_test_support.h"
#include "tests/long_tail_pages.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

testweb::Reply body_reply(const std::string& body, int status = 200) {
  testweb::Reply r;
  r.status = status;
  r.body = body;
  return r;
}

testweb::Reply refresh_page(const std::string& content) {
  return body_reply(html_page("Redirecting\xE2\x80\xA6",
                              "<meta http-equiv=\"refresh\" content=\"" + content + "\">"));
}

testweb::Reply script_page(const std::string& script) {
  return body_reply("<!doctype html><html><head><title>Redirecting</title><script>" + script +
                    "</script></head><body></body></html>");
}

testweb::Reply article(const std::string& title) {
  return body_reply(html_page(title, "<meta property=\"og:type\" content=\"article\">"));
}

testweb::Scenario long_tail_web() {
  testweb::Scenario s;
  // Parked domains: the parking page for every path, or a redirect to a sale platform.
  s.hosts["healthtechdaily.web.test"]["*"].replies = {body_reply(fixture_page("parked_sedo.html"))};
  auto& medtrends = s.hosts["medtrends.web.test"];
  medtrends["*"].replies = {body_reply(fixture_page("parked_lander_stub.html"))};
  medtrends["/lander"].replies = {body_reply(fixture_page("parked_lander.html"))};
  s.hosts["wellnesswire.web.test"]["*"].replies = {
      redirect_to("http://dan.com/buy-domain/wellnesswire.net?redirected=true", 302)};
  s.hosts["dan.com"]["/buy-domain/wellnesswire.net*"].replies = {
      body_reply(fixture_page("parked_dan.html"))};

  // Pages that redirect by themselves.
  auto& r = s.hosts["refresh.web.test"];
  r["/health/2020/story"].replies = {refresh_page("0;url=/")};
  r["/old/story"].replies = {refresh_page("0; URL='/new/story-2021'")};
  r["/new/story-2021"].replies = {article("The moved story")};
  r["/reloading/story"].replies = {
      body_reply(html_page("A live story", "<meta http-equiv=\"refresh\" content=\"900;url=/\">"))};
  r["/loop-a"].replies = {refresh_page("0;url=/loop-b")};
  r["/loop-b"].replies = {refresh_page("1;url=/loop-a")};
  r["/long/1"].replies = {redirect_to("/long/2")};
  r["/long/2"].replies = {refresh_page("0;url=/long/3")};
  r["/long/3"].replies = {redirect_to("/long/4")};
  r["/long/4"].replies = {article("The end of a long chain")};
  auto& js = s.hosts["script.web.test"];
  js["/2019/06/article"].replies = {
      script_page("window.location.replace(\"http://script.web.test/\");")};
  js["/2019/07/moved"].replies = {script_page("location.href = '/2021/01/moved-here';")};
  js["/2021/01/moved-here"].replies = {article("Moved by a script")};
  js["/2019/08/live"].replies = {
      body_reply(html_page("A live article with analytics",
                           "<script>window.dataLayer = window.dataLayer || [];"
                           "dataLayer.push({url: window.location.href});</script>"
                           "<script>if (location.protocol !== 'https:') location.href = 'https:' + "
                           "location.href.substring(5);</script>"))};

  // "Not found" in German and Japanese, answered 200.
  s.hosts["portal.web.test"]["/aktuelles/2020/pflege-reform"].replies = {
      body_reply(fixture_page("not_found_de_typo3.html"))};
  s.hosts["iryo.web.test"]["/news/2020/05/12345.html"].replies = {
      body_reply(fixture_page("not_found_ja.html"))};

  // The home page served at a deep URL, and at its own.
  const testweb::Reply home =
      body_reply(html_page("MedCity News - Healthcare technology news",
                           "<meta property=\"og:type\" content=\"website\">"
                           "<link rel=\"canonical\" href=\"http://home.web.test/\">"));
  s.hosts["home.web.test"]["/2020/07/telemedicine-visit/"].replies = {home};
  s.hosts["home.web.test"]["/"].replies = {home};

  // Moves to other sites: to the home page, and to the same article (a migration).
  auto& old = s.hosts["oldsite.web.test"];
  old["/articles/2014/5/1/gone-story"].replies = {redirect_to("http://newsite.web.test/")};
  old["/articles/2014/5/1/telehealth-rules-ease"].replies = {
      redirect_to("http://newsite.web.test/articles/telehealth-rules-ease/")};
  s.hosts["newsite.web.test"]["/"].replies = {page("New Site")};
  s.hosts["newsite.web.test"]["/articles/telehealth-rules-ease/"].replies = {
      article("Telehealth rules ease")};

  // Login walls: a redirect to the sign-in page, and the sign-in form in place of the article.
  s.hosts["members.web.test"]["/research/2020/report"].replies = {
      redirect_to("/users/sign_in?return_to=%2Fresearch%2F2020%2Freport", 302)};
  s.hosts["members.web.test"]["/users/sign_in*"].replies = {
      body_reply(fixture_page("sign_in_wordpress.html"))};
  s.hosts["wp.web.test"]["/2020/05/story/"].replies = {
      body_reply(fixture_page("sign_in_wordpress.html"))};

  // No false alarms: paywalled articles, a host that asks for a pause first.
  s.hosts["nyt.web.test"]["/2021/03/14/health/remote-patient-monitoring-hospitals.html"].replies = {
      body_reply(fixture_page("paywall_nyt_article.html"))};
  s.hosts["wsj.web.test"]["/articles/hospital-systems-bet-on-home-care-11639648801"].replies = {
      body_reply(fixture_page("paywall_wsj_article.html"))};
  testweb::Reply busy = page("Service Unavailable", 503);
  busy.headers = {{"Retry-After", "1"}};
  s.hosts["busy.web.test"]["/2020/05/article"].replies = {busy, article("Worth the wait")};
  return s;
}

}  // namespace

TEST_CASE("the real web's long tail end to end", "[crawler][web][long_tail]") {
  testweb::FixtureWeb web(long_tail_web());
  FetchOptions options = loopback_options(web.port());
  options.max_redirects = 2;
  const std::vector<std::string> urls = {
      "http://healthtechdaily.web.test/2020/03/telehealth-boom",
      "http://medtrends.web.test/2020/03/telehealth-boom",
      "http://wellnesswire.web.test/2019/remote-care",
      "http://refresh.web.test/health/2020/story",
      "http://refresh.web.test/old/story",
      "http://refresh.web.test/reloading/story",
      "http://refresh.web.test/loop-a",
      "http://refresh.web.test/long/1",
      "http://script.web.test/2019/06/article",
      "http://script.web.test/2019/07/moved",
      "http://script.web.test/2019/08/live",
      "http://portal.web.test/aktuelles/2020/pflege-reform",
      "http://iryo.web.test/news/2020/05/12345.html",
      "http://home.web.test/2020/07/telemedicine-visit/",
      "http://home.web.test/",
      "http://oldsite.web.test/articles/2014/5/1/gone-story",
      "http://oldsite.web.test/articles/2014/5/1/telehealth-rules-ease",
      "http://members.web.test/research/2020/report",
      "http://wp.web.test/2020/05/story/",
      "http://nyt.web.test/2021/03/14/health/remote-patient-monitoring-hospitals.html",
      "http://wsj.web.test/articles/hospital-systems-bet-on-home-care-11639648801",
      "http://busy.web.test/2020/05/article",
  };
  // One crawl for every shape (the busy host costs a second of Retry-After).
  auto r = crawl(options, targets_of(urls));
  REQUIRE(r.size() == urls.size());
  const auto at = [&](const std::string& url) -> const CheckResult& { return r.at(url); };

  {  // parked domains are soft 404s
    const CheckResult& sedo = at(urls[0]);
    CHECK(sedo.verdict == Verdict::Soft404);
    CHECK(sedo.error == "parked domain: a for-sale or parking page \"healthtechdaily.com\"");
    const CheckResult& lander = at(urls[1]);
    CHECK(lander.verdict == Verdict::Soft404);
    CHECK(lander.redirects.empty());  // the lander stub is judged, not followed
    CHECK(web.hits("medtrends.web.test", "/lander") == 0);
    const CheckResult& sold = at(urls[2]);
    CHECK(sold.verdict == Verdict::Soft404);
    CHECK(sold.final_url == "http://dan.com/buy-domain/wellnesswire.net?redirected=true");
    CHECK(sold.error.rfind("parked domain: ", 0) == 0);
  }

  {  // a page redirect to the root is a soft 404; to a real page it is a hop
    const CheckResult& to_root = at("http://refresh.web.test/health/2020/story");
    CHECK(to_root.verdict == Verdict::Soft404);
    CHECK(to_root.error ==
          "deep link's page sends the browser to the site root by meta refresh: "
          "http://refresh.web.test/");
    CHECK(web.hits("refresh.web.test", "/") == 0);

    const CheckResult& moved = at("http://refresh.web.test/old/story");
    CHECK(moved.verdict == Verdict::Redirected);
    CHECK(moved.final_url == "http://refresh.web.test/new/story-2021");
    REQUIRE(moved.redirects.size() == 1);
    CHECK(moved.redirects[0].url == "http://refresh.web.test/old/story");
    CHECK(moved.redirects[0].status == 200);
    REQUIRE(moved.page);
    CHECK(moved.page->title == "The moved story");

    const CheckResult& reloading = at("http://refresh.web.test/reloading/story");
    CHECK(reloading.verdict == Verdict::Ok);
    CHECK(reloading.redirects.empty());

    const CheckResult& loop = at("http://refresh.web.test/loop-a");
    CHECK(loop.verdict == Verdict::Broken);
    CHECK(loop.error == "redirect loop at http://refresh.web.test/loop-a");
    CHECK(loop.redirects.size() == 2);

    // 301, refresh, 301: three hops over --max-redirects 2, and the chain is kept to show it.
    const CheckResult& chain = at("http://refresh.web.test/long/1");
    CHECK(chain.verdict == Verdict::Broken);
    CHECK(chain.error == "too many redirects");
    REQUIRE(chain.redirects.size() == 3);
    CHECK(chain.redirects[0].url == "http://refresh.web.test/long/1");
    CHECK(chain.redirects[1].url == "http://refresh.web.test/long/2");
    CHECK(chain.redirects[1].status == 200);
    CHECK(chain.redirects[2].url == "http://refresh.web.test/long/3");
    CHECK(web.hits("refresh.web.test", "/long/4") == 0);

    const CheckResult& script_root = at("http://script.web.test/2019/06/article");
    CHECK(script_root.verdict == Verdict::Soft404);
    CHECK(script_root.error ==
          "deep link's page sends the browser to the site root by script "
          "redirect: http://script.web.test/");
    const CheckResult& script_moved = at("http://script.web.test/2019/07/moved");
    CHECK(script_moved.verdict == Verdict::Redirected);
    CHECK(script_moved.final_url == "http://script.web.test/2021/01/moved-here");
    const CheckResult& live = at("http://script.web.test/2019/08/live");
    CHECK(live.verdict == Verdict::Ok);
    CHECK(live.redirects.empty());
  }

  {  // not-found pages in German and Japanese are soft 404s
    const CheckResult& de = at("http://portal.web.test/aktuelles/2020/pflege-reform");
    CHECK(de.verdict == Verdict::Soft404);
    CHECK(de.error == "page says not found: \"Seite nicht gefunden | Gesundheitsportal Sachsen\"");
    const CheckResult& ja = at("http://iryo.web.test/news/2020/05/12345.html");
    CHECK(ja.verdict == Verdict::Soft404);
    CHECK(ja.error.rfind("page says not found: ", 0) == 0);
  }

  {  // the home page at a deep URL, and moves to other sites
    const CheckResult& deep = at("http://home.web.test/2020/07/telemedicine-visit/");
    CHECK(deep.verdict == Verdict::Soft404);
    CHECK(deep.error ==
          "deep URL serves the home page (it names http://home.web.test/ as its URL)");
    CHECK(at("http://home.web.test/").verdict == Verdict::Ok);

    const CheckResult& gone = at("http://oldsite.web.test/articles/2014/5/1/gone-story");
    CHECK(gone.verdict == Verdict::Soft404);
    CHECK(gone.error ==
          "deep link redirected to another site's home page http://newsite.web.test/");
    const CheckResult& migrated =
        at("http://oldsite.web.test/articles/2014/5/1/telehealth-rules-ease");
    CHECK(migrated.verdict == Verdict::Redirected);
    CHECK(migrated.error ==
          "moved to another site, same article: "
          "http://newsite.web.test/articles/telehealth-rules-ease/");
  }

  {  // login walls are blocked
    const CheckResult& redirect = at("http://members.web.test/research/2020/report");
    CHECK(redirect.verdict == Verdict::Blocked);
    CHECK(redirect.error ==
          "login wall: redirected to a sign-in page "
          "http://members.web.test/users/sign_in?return_to=%2Fresearch%2F2020%2Freport");
    const CheckResult& form = at("http://wp.web.test/2020/05/story/");
    CHECK(form.verdict == Verdict::Blocked);
    CHECK(form.error.rfind("sign-in form in place of the article: ", 0) == 0);
  }

  {  // paywalls and a host asking for a pause stay ok
    for (const std::string& url :
         {std::string(
              "http://nyt.web.test/2021/03/14/health/remote-patient-monitoring-hospitals.html"),
          std::string(
              "http://wsj.web.test/articles/hospital-systems-bet-on-home-care-11639648801")}) {
      INFO(url);
      const CheckResult& paywalled = at(url);
      CHECK(paywalled.verdict == Verdict::Ok);
      CHECK(paywalled.error.empty());
      REQUIRE(paywalled.page);
      CHECK(paywalled.page->signals.empty());
    }
    const CheckResult& busy = at("http://busy.web.test/2020/05/article");
    CHECK(busy.verdict == Verdict::Ok);
    CHECK(busy.attempts == 2);
    REQUIRE(busy.page);
    CHECK(busy.page->title == "Worth the wait");
  }
}
