#include <catch2/catch.hpp>

#include "reports/report_model.h"
#include "tests/sample_report.h"

using namespace linkhealth;

namespace {
TargetRecord with(Verdict verdict, int status, std::vector<Hop> hops = {}) {
  TargetRecord t;
  t.request_url = "http://a.example/old";
  t.verdict = verdict;
  t.http_status = status;
  t.redirects = std::move(hops);
  t.final_url = t.redirects.empty() ? t.request_url : t.redirects.back().url;
  return t;
}
}  // namespace

TEST_CASE("verdict totals count every target once and blocked is not a problem",
          "[report][model]") {
  ReportModel model;
  model.targets = {with(Verdict::Broken, 404),    with(Verdict::Broken, 410),
                   with(Verdict::Blocked, 403),   with(Verdict::Skipped, 0),
                   with(Verdict::Ok, 200),        with(Verdict::Timeout, 0),
                   with(Verdict::Redirected, 200)};
  VerdictTotals totals = verdict_totals(model);
  CHECK(totals.of(Verdict::Broken) == 2);
  CHECK(totals.of(Verdict::Blocked) == 1);
  CHECK(totals.problems() == 3);  // 2 broken + 1 timeout
  CHECK(totals.unverifiable() == 2);
  CHECK(totals.all() == 7);
  model.unlisted_ok = 5;  // counted by a streamed model, not kept
  CHECK(verdict_totals(model).of(Verdict::Ok) == 6);
  CHECK(verdict_totals(model).all() == 12);
  CHECK(verdict_totals(model).problems() == 3);
}

TEST_CASE("only ok targets without drift, news or fixes are plain", "[report][model]") {
  TargetRecord ok = with(Verdict::Ok, 200);
  CHECK(is_plain_ok(ok));
  TargetRecord fixed = ok;
  fixed.is_fixed = true;
  CHECK_FALSE(is_plain_ok(fixed));
  TargetRecord drifted = ok;
  drifted.drift.push_back({DriftKind::CanonicalMismatch, "", "a", "b", 0});
  CHECK_FALSE(is_plain_ok(drifted));
  CHECK_FALSE(is_plain_ok(with(Verdict::Redirected, 200)));
  CHECK_FALSE(is_plain_ok(with(Verdict::Broken, 404)));
}

TEST_CASE("a chain of permanent redirects suggests its final URL", "[report][model][fix]") {
  auto t = with(Verdict::Redirected, 200,
                {{"http://a.example/old", 301},
                 {"https://a.example/old", 308},
                 {"https://a.example/new", 200}});
  SuggestedFix fix = suggest_fix(t, "https://web.archive.org");
  CHECK(fix.kind == SuggestedFix::Kind::UseFinalUrl);
  CHECK(fix.url == "https://a.example/new");
}

TEST_CASE("a temporary hop or a failing end suggests no new URL", "[report][model][fix]") {
  auto temporary = with(Verdict::Redirected, 200,
                        {{"http://a.example/old", 301},
                         {"https://a.example/x", 302},
                         {"https://a.example/login", 200}});
  CHECK(suggest_fix(temporary, "https://web.archive.org").kind == SuggestedFix::Kind::None);
  auto ends_in_500 = with(Verdict::ServerError, 500,
                          {{"http://a.example/old", 301}, {"https://a.example/new", 500}});
  CHECK(suggest_fix(ends_in_500, "https://web.archive.org").kind == SuggestedFix::Kind::None);
  CHECK(suggest_fix(with(Verdict::Ok, 200), "https://web.archive.org").kind ==
        SuggestedFix::Kind::None);
}

TEST_CASE("dead links suggest the Wayback lookup with a configurable base",
          "[report][model][fix]") {
  for (Verdict v : {Verdict::Broken, Verdict::Soft404}) {
    SuggestedFix fix = suggest_fix(with(v, 404), "https://web.archive.org");
    CHECK(fix.kind == SuggestedFix::Kind::SearchArchive);
    CHECK(fix.url == "https://web.archive.org/web/http://a.example/old");
  }
  CHECK(suggest_fix(with(Verdict::Broken, 404), "http://127.0.0.1:8080//").url ==
        "http://127.0.0.1:8080/web/http://a.example/old");
  CHECK(suggest_fix(with(Verdict::Timeout, 0), "https://web.archive.org").kind ==
        SuggestedFix::Kind::None);
}

TEST_CASE("a dead link suggests its new address, else its chosen archive capture",
          "[report][model][fix]") {
  auto dead = with(Verdict::Soft404, 200);
  dead.repair.archive = ArchiveCapture{"https://web.archive.org/web/20190301000000/x",
                                       "20190301000000", "2019-03-28"};
  SuggestedFix fix = suggest_fix(dead, "https://web.archive.org");
  CHECK(fix.kind == SuggestedFix::Kind::UseArchive);
  CHECK(fix.url == "https://web.archive.org/web/20190301000000/x");
  dead.repair.replacement = Replacement{"https://a.example/new-place", "Title", 0.9};
  fix = suggest_fix(dead, "https://web.archive.org");
  CHECK(fix.kind == SuggestedFix::Kind::UseReplacement);
  CHECK(fix.url == "https://a.example/new-place");
  // A suggestion recorded with a check that is no longer dead is not offered.
  auto alive = with(Verdict::Ok, 200);
  alive.repair = dead.repair;
  CHECK(suggest_fix(alive, "https://web.archive.org").kind == SuggestedFix::Kind::None);
}

TEST_CASE("sample model covers every verdict and new and fixed targets",
          "[report][model][sample]") {
  ReportModel m = sample_report_model();
  VerdictTotals totals = verdict_totals(m);
  for (std::size_t i = 0; i < totals.count.size(); ++i) {
    INFO("verdict " << to_string(static_cast<Verdict>(i)));
    CHECK(totals.count[i] > 0);
  }
  CHECK(new_problems(m).size() == 3);
  CHECK(fixed_problems(m).size() == 2);
  CHECK_FALSE(m.findings.empty());
}
