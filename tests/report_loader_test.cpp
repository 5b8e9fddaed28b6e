#include <catch2/catch.hpp>

#include "reports/json_document.h"
#include "reports/report_loader.h"
#include "store/store.h"
#include "store_test_data.h"

#include <nlohmann/json.hpp>

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

constexpr const char* kInteropUrl =
    "https://hitconsultant.net/2020/12/08/interoperability-excellence-steps/";
constexpr const char* kBillingUrl =
    "https://www.healthcareitnews.com/news/ccm-billing-codes-explained";
constexpr const char* kParityUrl = "https://www.fiercehealthcare.com/tech/telehealth-parity-states";
constexpr const char* kInterop = "5 Steps for Interoperability Excellence for Healthcare Providers";

// Two weekly crawls of three curated articles: the interoperability article moved (permanent
// redirect) and its title drifted, the billing article is broken twice in a row (confirmed,
// so new in the second crawl), the parity article was broken and is back.
struct TwoCrawls {
  Store store = Store::open(":memory:");
  Source interop = article("5-steps-interop", kInterop);
  Source billing = article("ccm-billing-codes", "CCM Billing Codes Explained for 2021");
  Source parity = article("telehealth-parity", "Telehealth Parity Laws: A State-by-State Guide",
                          "/communities/digital-health/");
  std::int64_t first = 0;
  std::int64_t second = 0;

  TwoCrawls() {
    std::vector<Target> targets{target_for(interop, kInteropUrl), target_for(billing, kBillingUrl),
                                target_for(parity, kParityUrl)};
    first = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(first, {interop, billing, parity}, targets);
    store.record_check(first, result(kInteropUrl, Verdict::Ok, kInterop, "2026-11-16T03:01:00Z"),
                       {});
    store.record_check(first, broken(kBillingUrl, "2026-11-16T03:02:00Z"), {});
    store.record_check(first, broken(kParityUrl, "2026-11-16T03:03:00Z"), {});
    store.finish_run(first, RunStatus::Done);

    second = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(second, {interop, billing, parity}, targets);
    store.record_findings(second,
                          {{FindingKind::NoUrl, "weekly-roundup-12", "curated/weekly-roundup-12.md",
                            "link.href", "link.href is empty", 14}});
    auto moved =
        result(kInteropUrl, Verdict::Redirected,
               "5 Steps to Interoperability Excellence - HIT Consultant", "2026-11-23T03:01:00Z");
    store.record_check(
        second, moved,
        {{DriftKind::TitleMismatch, "5-steps-interop", kInterop, moved.page->title, 0.42},
         {DriftKind::FinalUrlChanged, "", kInteropUrl, moved.final_url, 0}});
    store.record_check(second, broken(kBillingUrl, "2026-11-23T03:02:00Z"), {});
    store.record_check(second,
                       result(kParityUrl, Verdict::Ok, "Telehealth Parity", "2026-11-23T03:03:00Z"),
                       {{DriftKind::VerdictChanged, "", "broken", "ok", 0}});
    store.finish_run(second, RunStatus::Done);
  }

  static CheckResult broken(const std::string& url, const std::string& at) {
    auto r = result(url, Verdict::Broken, "", at);
    r.error = "page not found";
    return r;
  }
};

}  // namespace

TEST_CASE("the report model of a crawl carries run refs history drift and new and fixed",
          "[report][loader]") {
  TwoCrawls db;
  ReportModel model = load_report_model(db.store, db.second, {});

  CHECK(model.run.id == db.second);
  CHECK(model.run.kind == "crawl");
  CHECK(model.run.status == "completed");
  CHECK_FALSE(model.run.started_at.empty());
  CHECK_FALSE(model.run.finished_at.empty());
  CHECK(model.has_previous_run);
  CHECK(model.wayback_base == "https://web.archive.org");

  // Store order: host, then URL.
  REQUIRE(model.targets.size() == 3);
  const TargetRecord& interop = model.targets[0];
  const TargetRecord& parity = model.targets[1];
  const TargetRecord& billing = model.targets[2];
  CHECK(interop.host == "hitconsultant.net");
  CHECK(parity.host == "www.fiercehealthcare.com");
  CHECK(billing.host == "www.healthcareitnews.com");

  CHECK(interop.request_url == kInteropUrl);
  CHECK(interop.verdict == Verdict::Redirected);
  CHECK(interop.http_status == 301);
  CHECK(interop.final_url == std::string(kInteropUrl) + "/moved");
  REQUIRE(interop.redirects.size() == 2);
  CHECK(interop.redirects[0].url == kInteropUrl);
  CHECK(interop.redirects[0].status == 301);
  CHECK(interop.redirects[1].status == 200);
  CHECK(interop.error.empty());
  CHECK(interop.checked_at == "2026-11-23T03:01:00Z");
  CHECK(interop.page->title == "5 Steps to Interoperability Excellence - HIT Consultant");
  CHECK(interop.page->title_rule == "og:title");
  CHECK(interop.page->description == "Live description");
  CHECK(interop.page->canonical == kInteropUrl);
  REQUIRE(interop.drift.size() == 2);
  CHECK(to_string(interop.drift[0].kind) == "title_mismatch");
  CHECK(interop.drift[0].slug == "5-steps-interop");
  CHECK(interop.drift[0].before == kInterop);
  CHECK(interop.drift[0].score == Approx(0.42));
  CHECK(to_string(interop.drift[1].kind) == "final_url_changed");
  REQUIRE(interop.refs.size() == 1);
  CHECK(interop.refs[0].slug == "5-steps-interop");
  CHECK(interop.refs[0].file == "curated/5-steps-interop.md");
  CHECK(interop.refs[0].field == "link.href");
  CHECK(interop.refs[0].raw == std::string(kInteropUrl) + "#.X88gt1UzbIU");
  CHECK(interop.refs[0].curated.title == kInterop);
  CHECK(interop.refs[0].curated.community == "/communities/chronic-care-management/");
  CHECK(interop.history.broken_since.empty());
  CHECK(interop.history.failures == 0);
  CHECK_FALSE(interop.is_new);
  CHECK_FALSE(interop.is_fixed);

  CHECK(billing.verdict == Verdict::Broken);
  CHECK(billing.http_status == 404);
  CHECK(billing.error == "page not found");
  CHECK_FALSE(billing.page.has_value());
  CHECK(billing.history.broken_since == "2026-11-16T03:02:00Z");
  CHECK(billing.history.failures == 2);
  CHECK(billing.is_new);  // confirmed by the second failing crawl
  CHECK_FALSE(billing.is_fixed);
  REQUIRE(billing.refs.size() == 1);
  CHECK(billing.refs[0].curated.title == "CCM Billing Codes Explained for 2021");

  CHECK(parity.verdict == Verdict::Ok);
  CHECK(parity.is_fixed);
  CHECK_FALSE(parity.is_new);
  CHECK(parity.history.broken_since.empty());
  CHECK(parity.refs[0].curated.community == "/communities/digital-health/");
  REQUIRE(parity.drift.size() == 1);
  CHECK(parity.drift[0].before == "broken");

  REQUIRE(model.findings.size() == 1);
  CHECK(model.findings[0].kind == FindingKind::NoUrl);
  CHECK(model.findings[0].file == "curated/weekly-roundup-12.md");
  CHECK(model.findings[0].line == 14);
}

TEST_CASE("the first crawl has no previous run and nothing new or fixed", "[report][loader]") {
  TwoCrawls db;
  ReportModel model = load_report_model(db.store, db.first, {"https://archive.example/"});
  CHECK_FALSE(model.has_previous_run);
  CHECK(model.wayback_base == "https://archive.example/");
  REQUIRE(model.targets.size() == 3);
  for (const auto& target : model.targets) {
    CHECK_FALSE(target.is_new);
    CHECK_FALSE(target.is_fixed);
  }
  CHECK(model.targets[2].history.failures == 1);
  CHECK(model.findings.empty());
}

TEST_CASE("a check run loads as kind check with its status and JSON", "[report][loader]") {
  TwoCrawls db;
  std::int64_t run = db.store.begin_run(RunKind::Check, "{}", false);
  db.store.record_sources(run, {db.billing}, {target_for(db.billing, kBillingUrl)});
  db.store.record_check(run, TwoCrawls::broken(kBillingUrl, "2026-11-24T10:00:00Z"), {});
  db.store.flush();

  auto running = load_report_model(db.store, run, {});
  CHECK(running.run.kind == "check");
  CHECK(running.run.status == "running");
  CHECK(running.run.finished_at.empty());
  REQUIRE(running.targets.size() == 1);
  CHECK(running.targets[0].history.failures == 3);
  CHECK(running.targets[0].history.broken_since == "2026-11-16T03:02:00Z");

  db.store.finish_run(run, RunStatus::Interrupted);
  auto doc = nlohmann::json::parse(render_json_document(load_report_model(db.store, run, {})));
  CHECK(doc["run"]["kind"] == "check");
  CHECK(doc["run"]["status"] == "interrupted");
  REQUIRE(doc["targets"].size() == 1);
  CHECK(doc["targets"][0]["request_url"] == kBillingUrl);
  CHECK(doc["targets"][0]["verdict"] == "broken");
  CHECK(doc["targets"][0]["refs"][0]["slug"] == "ccm-billing-codes");
}

TEST_CASE("an unknown run id is an error naming it", "[report][loader]") {
  TwoCrawls db;
  CHECK_THROWS_WITH(load_report_model(db.store, 99, {}), "no run with id 99");
}

TEST_CASE("a reader sees only committed checks while a writer holds an open batch",
          "[report][loader]") {
  TempDir dir;
  auto path = dir / "links.db";
  auto writer = Store::open(path, {1000, std::chrono::milliseconds(60000), 2});
  auto s = article("interop", kInterop);
  std::int64_t run = writer.begin_run(RunKind::Crawl, "{}", false);
  writer.record_sources(run, {s}, {target_for(s, kInteropUrl), target_for(s, kBillingUrl)});
  writer.record_check(run, result(kInteropUrl, Verdict::Ok, kInterop), {});
  writer.flush();
  writer.record_check(run, result(kBillingUrl, Verdict::Broken), {});  // open batch

  auto reader = Store::open_existing(path);
  auto model = load_report_model(reader, run, {});
  CHECK(model.run.status == "running");
  REQUIRE(model.targets.size() == 1);
  CHECK(model.targets[0].request_url == kInteropUrl);

  writer.flush();
  CHECK(load_report_model(reader, run, {}).targets.size() == 2);
}
