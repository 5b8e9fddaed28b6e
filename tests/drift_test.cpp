#include <catch2/catch.hpp>

#include <algorithm>

#include "store/drift.h"

using namespace linkhealth;

namespace {

const char* kUrl = "https://hitconsultant.net/2020/12/08/interoperability-excellence/";

// A reference to kUrl with the curated record of its file.
CitingRef citing(const std::string& slug, const std::string& title,
                 const std::string& description = "") {
  CitingRef ref;
  ref.slug = slug;
  ref.file = "curated/" + slug + ".md";
  ref.field = "link.href";
  ref.curated.title = title;
  ref.curated.description = description;
  return ref;
}

CitingRef curated() {
  return citing("5-steps-for-interoperability-excellence",
                "5 Steps for Interoperability Excellence for Healthcare Providers",
                "As if 2020 couldn\u2019t be any more challenging for healthcare providers, new "
                "federal rules on interoperability and patient access, granting patients direct "
                "access to their healthcare data, begin taking");
}

CheckResult live(Verdict verdict, const std::string& title, const std::string& description) {
  CheckResult c;
  c.request_url = kUrl;
  c.final_url = kUrl;
  c.verdict = verdict;
  c.http_status = 200;
  PageMeta page;
  page.title = title;
  page.description = description;
  page.canonical = kUrl;
  c.page = page;
  return c;
}

const std::string kLiveDescription =
    "As if 2020 couldn&#8217;t be any more challenging for healthcare providers, new federal "
    "rules on interoperability and patient access, granting patients direct access to their "
    "healthcare data, begin taking effect.";

std::vector<std::string> kinds(const std::vector<Drift>& drift) {
  std::vector<std::string> out;
  for (const auto& d : drift) out.push_back(std::string(to_string(d.kind)));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("no curated drift for a site-suffixed title with entities and smart quotes",
          "[store][drift]") {
  auto check = live(Verdict::Ok,
                    "5 Steps for Interoperability Excellence for Healthcare Providers | HIT "
                    "Consultant",
                    kLiveDescription);
  CHECK(drift_against_curated(curated(), check).empty());
  const CitingRef becker = citing("pew-poor-ehr",
                                  "Pew: 'Poor' EHR usability can provoke drug, treatment errors "
                                  "for pediatric patients");
  auto becker_live = live(Verdict::Ok,
                          "Pew: \u2018Poor\u2019 EHR usability can provoke drug, treatment "
                          "errors for pediatric patients - Becker's Hospital Review",
                          "");
  CHECK(drift_against_curated(becker, becker_live).empty());
}

TEST_CASE("title_mismatch and description_mismatch below the thresholds", "[store][drift]") {
  auto check = live(Verdict::Ok, "Page Not Found | HIT Consultant",
                    "Subscribe to HIT Consultant for the latest news in health IT.");
  auto drift = drift_against_curated(curated(), check);
  REQUIRE(kinds(drift) == std::vector<std::string>{"description_mismatch", "title_mismatch"});
  for (const auto& d : drift) {
    CHECK(d.slug == "5-steps-for-interoperability-excellence");
    CHECK(d.score >= 0.0);
    CHECK(d.score < kTitleMismatchThreshold);
  }
  auto title = std::find_if(drift.begin(), drift.end(),
                            [](const Drift& d) { return to_string(d.kind) == "title_mismatch"; });
  CHECK(title->before == curated().curated.title);
  CHECK(title->after == "Page Not Found | HIT Consultant");
}

TEST_CASE("an edited headline stays above the title threshold", "[store][drift]") {
  const CitingRef s = citing("ceo-moves", "4 recent hospital, health system CEO moves");
  CHECK(
      drift_against_curated(s, live(Verdict::Ok, "6 recent hospital, health system CEO moves", ""))
          .empty());
}

TEST_CASE("canonical_mismatch only when the canonical names another page", "[store][drift]") {
  auto same = live(Verdict::Ok, "t", "d");
  same.page->canonical = "http://www.hitconsultant.net/2020/12/08/interoperability-excellence";
  CHECK(canonical_drift(same).empty());

  auto moved = live(Verdict::Redirected, "t", "d");
  moved.final_url = "https://hitconsultant.net/2021/interop/";
  moved.page->canonical = "https://hitconsultant.net/2021/interop/";
  CHECK(canonical_drift(moved).empty());

  auto home = live(Verdict::Ok, "t", "d");
  home.page->canonical = "/";
  auto drift = canonical_drift(home);
  REQUIRE(drift.size() == 1);
  CHECK(to_string(drift[0].kind) == "canonical_mismatch");
  CHECK(drift[0].before == kUrl);
  CHECK(drift[0].after == "https://hitconsultant.net/");
  CHECK(drift[0].slug.empty());
}

TEST_CASE("drift against the previous check", "[store][drift]") {
  auto before = live(Verdict::Ok, "5 Steps for Interoperability Excellence", kLiveDescription);
  auto after = live(Verdict::Redirected, "Interoperability: what providers must do in 2021",
                    "A new description.");
  after.final_url = "https://hitconsultant.net/2021/interop/";
  after.page->canonical = after.final_url;
  auto drift = drift_against_previous(before, after);
  CHECK(kinds(drift) == std::vector<std::string>{"description_changed", "final_url_changed",
                                                 "title_changed", "verdict_changed"});
  for (const auto& d : drift) {
    CHECK(d.score >= 0.0);
    CHECK(d.score <= 1.0);
    if (to_string(d.kind) == "verdict_changed") {
      CHECK(d.before == "ok");
      CHECK(d.after == "redirected");
    }
  }
  // Entity and case differences are not a change.
  auto same = live(Verdict::Ok, "5 STEPS for Interoperability Excellence",
                   "As if 2020 couldn\u2019t be any more challenging for healthcare providers, "
                   "new federal rules on interoperability and patient access, granting patients "
                   "direct access to their healthcare data, begin taking effect.");
  CHECK(drift_against_previous(before, same).empty());
}

TEST_CASE("a broken page after an ok one is a verdict change only", "[store][drift]") {
  auto before = live(Verdict::Ok, "Title", "Description");
  CheckResult gone;
  gone.request_url = kUrl;
  gone.final_url = kUrl;
  gone.verdict = Verdict::Broken;
  gone.http_status = 404;
  auto drift = compute_drift(gone, {curated()}, &before);
  REQUIRE(drift.size() == 1);
  CHECK(to_string(drift[0].kind) == "verdict_changed");
  CHECK(drift[0].after == "broken");
}

TEST_CASE("no drift from blocked, timeout or error responses", "[store][drift]") {
  auto before = live(Verdict::Ok, "5 Steps for Interoperability Excellence", kLiveDescription);
  for (Verdict v : {Verdict::Blocked, Verdict::Timeout, Verdict::NetworkError, Verdict::TlsError,
                    Verdict::ServerError, Verdict::Invalid, Verdict::Skipped}) {
    auto wall = live(v, "Just a moment...", "Checking your browser");
    wall.page->canonical = "https://challenge.example/";
    INFO(to_string(v));
    CHECK(compute_drift(wall, {curated()}, &before).empty());
    // ... and a blocked previous check is no baseline either.
    CHECK(drift_against_previous(wall, before).empty());
  }
}

TEST_CASE("a 304 keeps the curated-record mismatches and has no changes", "[store][drift]") {
  // The page of the check a 304 confirms, as reuse_not_modified hands it on: its title and
  // canonical no longer match the curated record, and it differs from an older check.
  auto before = live(Verdict::Ok, "5 Steps for Interoperability Excellence", kLiveDescription);
  auto not_modified = live(Verdict::Ok, "Something else entirely", "Other");
  not_modified.page->canonical = "https://hitconsultant.net/";
  not_modified.not_modified = true;
  not_modified.http_status = 304;
  const auto drift = compute_drift(not_modified, {curated()}, &before);
  CHECK(kinds(drift) ==
        std::vector<std::string>{"canonical_mismatch", "description_mismatch", "title_mismatch"});
  // A page that still matches what was curated gets nothing from a 304.
  auto unchanged = before;
  unchanged.not_modified = true;
  CHECK(compute_drift(unchanged, {curated()}, &before).empty());
}

TEST_CASE("compute_drift combines curated, canonical and previous drift", "[store][drift]") {
  auto before = live(Verdict::Ok, "5 Steps for Interoperability Excellence", kLiveDescription);
  auto now = live(Verdict::Ok, "Cookie consent | HIT Consultant", kLiveDescription);
  now.page->canonical = "https://hitconsultant.net/";
  auto drift = compute_drift(now, {curated()}, &before);
  CHECK(kinds(drift) ==
        std::vector<std::string>{"canonical_mismatch", "title_changed", "title_mismatch"});
  CHECK(kinds(compute_drift(now, {curated()}, nullptr)) ==
        std::vector<std::string>{"canonical_mismatch", "title_mismatch"});
}

TEST_CASE("a file given twice (two fields citing one URL) is compared with the page once",
          "[store][drift]") {
  auto page = live(Verdict::Ok, "Something else entirely", kLiveDescription);
  auto once = compute_drift(page, {curated()}, nullptr);
  auto twice = compute_drift(page, {curated(), curated()}, nullptr);
  REQUIRE_FALSE(once.empty());
  CHECK(twice.size() == once.size());
  auto other = curated();
  other.file = "curated/another-article.md";
  CHECK(compute_drift(page, {curated(), other}, nullptr).size() == 2 * once.size());
}

TEST_CASE("a feed's own URL gets no drift against the curated record", "[store][drift]") {
  auto page = live(Verdict::Ok, "Something else entirely", kLiveDescription);
  auto feed = curated();
  feed.field = "feed.feed_url";
  REQUIRE_FALSE(compute_drift(page, {curated()}, nullptr).empty());
  CHECK(compute_drift(page, {feed}, nullptr).empty());
  // The same file citing the URL from an article field too is compared once, through it.
  CHECK(compute_drift(page, {feed, curated()}, nullptr).size() ==
        compute_drift(page, {curated()}, nullptr).size());
}

TEST_CASE("a cosmetic title change is neither a mismatch nor a change", "[store][drift]") {
  auto before = live(Verdict::Ok, "5 Steps for Interoperability Excellence | HIT Consultant",
                     kLiveDescription);
  auto now = live(Verdict::Ok,
                  "5 steps for interoperability excellence for healthcare providers \u2014 "
                  "HITC Media",
                  kLiveDescription);
  before.page->title =
      "5 Steps for Interoperability Excellence for Healthcare Providers | HIT "
      "Consultant";
  CHECK(compute_drift(now, {curated()}, &before).empty());
  // A headline that really changed still is one.
  auto rewritten =
      live(Verdict::Ok, "Interoperability rules delayed again | HIT Consultant", kLiveDescription);
  CHECK(kinds(compute_drift(rewritten, {curated()}, &before)) ==
        std::vector<std::string>{"title_changed", "title_mismatch"});
}
