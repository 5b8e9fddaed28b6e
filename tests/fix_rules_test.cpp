// When the recorded crawls prove a move `fix` may write back.
#include <catch2/catch.hpp>

#include "store/fix_rules.h"

using namespace linkhealth;

namespace {

CheckResult moved(const std::string& from, const std::string& to, std::vector<int> hops,
                  Verdict verdict = Verdict::Redirected, int status = 200) {
  CheckResult r;
  r.request_url = from;
  r.verdict = verdict;
  r.http_status = status;
  r.final_url = to;
  std::string at = from;
  for (const int hop : hops) {
    r.redirects.push_back({at, hop});
    at = to;
  }
  r.page = PageMeta{};
  r.page->title = "Moved story";
  return r;
}

const std::string kFrom = "https://news.example/2020/old-story";
const std::string kTo = "https://news.example/2020/new-story";

}  // namespace

TEST_CASE("a redirect is confirmed by permanent hops to one page in every crawl asked",
          "[store][fix]") {
  const auto confirmed = confirmed_redirect({moved(kFrom, kTo, {301}), moved(kFrom, kTo, {308})});
  REQUIRE(confirmed);
  CHECK(confirmed->final_url == kTo);
  CHECK(confirmed->live_title == "Moved story");
  // Chains of several permanent hops, and an http->https move the verdict calls ok.
  CHECK(confirmed_redirect({moved(kFrom, kTo, {301, 301}), moved(kFrom, kTo, {301, 308})}));
  CHECK(confirmed_redirect(
      {moved("http://news.example/a", "https://news.example/a", {301}, Verdict::Ok)}));
  // A 304 that reused the page confirms it too.
  CheckResult unchanged = moved(kFrom, kTo, {301}, Verdict::Redirected, 304);
  unchanged.not_modified = true;
  CHECK(confirmed_redirect({unchanged, moved(kFrom, kTo, {301})}));
}

TEST_CASE("no redirect is confirmed from temporary hops, walls, soft 404s or disagreement",
          "[store][fix]") {
  for (const int temporary : {302, 303, 307}) {
    INFO(temporary);
    CHECK_FALSE(confirmed_redirect({moved(kFrom, kTo, {temporary}), moved(kFrom, kTo, {301})}));
    CHECK_FALSE(
        confirmed_redirect({moved(kFrom, kTo, {301, temporary}), moved(kFrom, kTo, {301})}));
  }
  CHECK_FALSE(confirmed_redirect(
      {moved(kFrom, kTo, {301}, Verdict::Blocked, 403), moved(kFrom, kTo, {301})}));
  CHECK_FALSE(
      confirmed_redirect({moved(kFrom, kTo, {301}, Verdict::Soft404), moved(kFrom, kTo, {301})}));
  // A page redirect (meta refresh) shows as a 200 hop.
  CHECK_FALSE(confirmed_redirect({moved(kFrom, kTo, {301, 200}), moved(kFrom, kTo, {301})}));
  // A deep link sent to the home page, whatever verdict it was recorded with.
  CHECK_FALSE(confirmed_redirect({moved(kFrom, "https://news.example/", {301}),
                                  moved(kFrom, "https://news.example/", {301})}));
  // The two crawls disagree on the final URL; a crawl without a check; no crawl at all.
  CHECK_FALSE(confirmed_redirect(
      {moved(kFrom, kTo, {301}), moved(kFrom, "https://news.example/2020/other", {301})}));
  CHECK_FALSE(confirmed_redirect({moved(kFrom, kTo, {301}), std::nullopt}));
  CHECK_FALSE(confirmed_redirect({}));
  // A 404 at the end of permanent hops is no page.
  CHECK_FALSE(confirmed_redirect({moved(kFrom, kTo, {301}, Verdict::Broken, 404)}));
  CHECK_FALSE(confirmed_redirect({moved(kFrom, kTo, {})}));
}

TEST_CASE("a relocation is confirmed when the latest crawl and the one before agree",
          "[store][fix]") {
  const Replacement a{"https://news.example/new", "Story", 0.9};
  const Replacement b{"https://news.example/other", "Story", 0.8};
  CHECK(confirmed_relocation(a, Replacement{a.url, "Story, updated", 0.7}) == a);
  CHECK_FALSE(confirmed_relocation(a, b));
  CHECK_FALSE(confirmed_relocation(a, std::nullopt));
  CHECK_FALSE(confirmed_relocation(std::nullopt, a));
  CHECK_FALSE(confirmed_relocation(Replacement{}, Replacement{}));
}
