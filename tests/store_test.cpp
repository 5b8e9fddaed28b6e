// The Store facade: a crawl from sources to drift, resume, and opening files.
#include <catch2/catch.hpp>

#include <algorithm>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("a crawl records sources, refs, findings, checks and drift", "[store]") {
  auto store = Store::open(":memory:");
  auto a = article("interop", "5 Steps for Interoperability Excellence");
  auto b = article("lawsuits", "10 latest lawsuits involving hospitals", "/communities/legal/");
  std::int64_t run = store.begin_run(RunKind::Crawl, R"({"concurrency":8})", false);
  store.record_sources(run, {a, b}, {target_for(a, url_of(1)), target_for(b, url_of(2))});
  store.record_findings(
      run, {{FindingKind::NoUrl, "empty", "curated/empty.md", "link.href", "no URL", 4}});

  auto ok = result(url_of(1), Verdict::Redirected, "5 Steps for Interoperability Excellence");
  store.record_check(run, ok, {{DriftKind::CanonicalMismatch, "", url_of(1), "https://x/", 0.0}});
  store.record_check(run, result(url_of(2), Verdict::Broken), {});
  store.finish_run(run, RunStatus::Done);

  auto summary = store.summary(run);
  CHECK(summary.run.status == RunStatus::Done);
  CHECK(summary.run.kind == RunKind::Crawl);
  CHECK(summary.run.options == R"({"concurrency":8})");
  CHECK_FALSE(summary.run.finished_at.empty());
  CHECK(summary.run.target_count == 2);
  CHECK(summary.run.check_count == 2);
  CHECK(summary.run.problem_count == 1);
  CHECK(summary.verdicts == std::map<std::string, std::int64_t>{{"broken", 1}, {"redirected", 1}});
  CHECK(summary.drift_count == 1);
  CHECK(summary.finding_count == 1);
  CHECK_FALSE(summary.previous.has_value());

  auto all = store.targets(run);
  REQUIRE(all.size() == 2);
  const TargetRecord& first = all[0];  // ordered by host: news1 before news2
  CHECK(first.request_url == url_of(1));
  CHECK(first.final_url == ok.final_url);
  REQUIRE(first.redirects.size() == 2);
  CHECK(first.redirects[0].status == 301);
  CHECK(first.etag == ok.etag);
  REQUIRE(first.page.has_value());
  CHECK(first.page->title == ok.page->title);
  CHECK(first.page->signals == std::vector<std::string>{"article"});
  REQUIRE(first.refs.size() == 1);
  CHECK(first.refs[0].slug == "interop");
  CHECK(first.refs[0].curated.title == a.title);
  CHECK(first.refs[0].removed == std::vector<std::string>{"fragment #.X88gt1UzbIU (AddThis)"});
  REQUIRE(first.drift.size() == 1);
  CHECK(to_string(first.drift[0].kind) == "canonical_mismatch");

  // The report's read carries the page fields with columns, and nothing parsed from the rest.
  std::vector<TargetRecord> shown;
  store.for_each_target(
      run, {}, [&](TargetRecord&& t) { shown.push_back(std::move(t)); }, PageRead::Columns);
  REQUIRE(shown.size() == 2);
  REQUIRE(shown[0].page.has_value());
  for (auto field : {&PageMeta::title, &PageMeta::title_rule, &PageMeta::description,
                     &PageMeta::description_rule, &PageMeta::canonical, &PageMeta::og_title,
                     &PageMeta::og_description}) {
    CHECK((*shown[0].page).*field == (*first.page).*field);
  }
  CHECK(shown[0].page->title == ok.page->title);
  CHECK(shown[0].page->signals.empty());
  CHECK(shown[0].refs.size() == first.refs.size());
  CHECK(shown[0].drift.size() == first.drift.size());
  CHECK(shown[1].page.has_value() == all[1].page.has_value());

  auto problems = store.targets(run, {true, std::nullopt, "", ""});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].verdict == Verdict::Broken);
  CHECK(problems[0].history.failures == 1);
  CHECK(problems[0].history.broken_since == "2026-01-05T03:00:00Z");
  CHECK(store.targets(run, {false, std::nullopt, "/communities/legal/", ""}).size() == 1);
  CHECK(store.targets(run, {false, Verdict::Redirected, "", ""}).size() == 1);
  CHECK(store.targets(run, {false, std::nullopt, "", "news2.example.com"}).size() == 1);
  CHECK(store.targets(run, {true, std::nullopt, "/communities/chronic-care-management/", ""})
            .empty());

  auto findings = store.findings(run);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].file == "curated/empty.md");
  CHECK(findings[0].line == 4);

  // The names documented for the sqlite3 shell.
  SQLite::Statement shell(store.database(),
                          "SELECT targets.url, checks.verdict FROM checks JOIN targets ON "
                          "targets.id = checks.target_id JOIN runs ON runs.id = checks.run_id "
                          "WHERE runs.status = 'done' AND checks.verdict = 'broken'");
  REQUIRE(shell.executeStep());
  CHECK(shell.getColumn(0).getString() == url_of(2));
}

TEST_CASE("resume continues the last unfinished crawl unless fresh", "[store][resume]") {
  TempDir dir;
  auto path = dir / "links.db";
  std::int64_t run = 0;
  {
    auto store = Store::open(path);
    run = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_check(run, result(url_of(1), Verdict::Ok, "t"), {});
    store.record_check(run, result(url_of(2), Verdict::Ok, "t"), {});
    store.flush();
  }  // the process "ends" without finish_run: the run stays `running`
  {
    auto store = Store::open(path);
    CHECK(store.run(run)->status == RunStatus::Running);
    CHECK(store.begin_run(RunKind::Crawl, "{}", false) == run);
    CHECK(store.checked_urls(run) == std::set<std::string>{url_of(1), url_of(2)});
    store.record_check(run, result(url_of(3), Verdict::Ok, "t"), {});
    store.finish_run(run, RunStatus::Interrupted);
  }
  {
    auto store = Store::open(path);
    CHECK(store.begin_run(RunKind::Check, "{}", false) != run);  // checks never resume
    CHECK(store.begin_run(RunKind::Crawl, "{}", false) == run);  // interrupted: resume
    CHECK(store.run(run)->status == RunStatus::Running);
    CHECK(store.run(run)->check_count == 3);
    std::int64_t fresh = store.begin_run(RunKind::Crawl, "{}", true);
    CHECK(fresh != run);
    CHECK(store.run(run)->status == RunStatus::Interrupted);
    CHECK(store.checked_urls(fresh).empty());
    store.finish_run(fresh, RunStatus::Done);
    CHECK(store.begin_run(RunKind::Crawl, "{}", false) > fresh);  // done: a new run
  }
}

TEST_CASE("open_existing refuses a missing file", "[store]") {
  TempDir dir;
  CHECK_THROWS_WITH(Store::open_existing(dir / "missing.db"), Catch::Contains("missing.db"));
  CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  Store::open(dir / "links.db");
  CHECK_NOTHROW(Store::open_existing(dir / "links.db"));
}

TEST_CASE("the crawl flow: baseline from the store, drift computed, drift stored",
          "[store][drift]") {
  auto store = Store::open(":memory:");
  auto source = article("interop",
                        "5 Steps for Interoperability Excellence for Healthcare "
                        "Providers");
  auto target = target_for(source, url_of(1));

  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {source}, {target});
  auto first = result(url_of(1), Verdict::Ok,
                      "5 Steps for Interoperability Excellence for Healthcare Providers - HIT "
                      "Consultant");
  first.page->description = source.description + " and what it means for 2021.";
  const PriorState before_first = store.prior_states(r1, {url_of(1)}).front();
  REQUIRE_FALSE(before_first.previous.has_value());
  REQUIRE(before_first.citing.size() == 1);
  store.record_check(r1, first, compute_drift(first, before_first.citing, nullptr),
                     before_first.history);
  store.finish_run(r1, RunStatus::Done);
  CHECK(store.summary(r1).drift_count == 0);

  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  auto second = result(url_of(1), Verdict::Ok, "Subscribe to our newsletter | HIT Consultant");
  second.page->description = first.page->description;
  const PriorState baseline = store.prior_states(r2, {url_of(1)}).front();
  REQUIRE(baseline.previous.has_value());
  store.record_check(r2, second, compute_drift(second, baseline.citing, &*baseline.previous),
                     baseline.history);
  store.finish_run(r2, RunStatus::Done);

  auto records = store.targets(r2);
  REQUIRE(records.size() == 1);
  std::vector<std::string> kinds;
  for (const auto& d : records[0].drift) kinds.push_back(std::string(to_string(d.kind)));
  std::sort(kinds.begin(), kinds.end());
  CHECK(kinds == std::vector<std::string>{"title_changed", "title_mismatch"});
  for (const auto& d : records[0].drift) {
    if (to_string(d.kind) == "title_mismatch") {
      CHECK(d.slug == "interop");
      CHECK(d.before == source.title);
    }
    if (to_string(d.kind) == "title_changed") CHECK(d.before == first.page->title);
    CHECK(d.after == "Subscribe to our newsletter | HIT Consultant");
  }
}
