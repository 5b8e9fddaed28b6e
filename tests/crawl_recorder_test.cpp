// The crawl recorder, the hub of the data path: what a crawl asks for (resume, exclusions,
// validators) and what it makes of each result (304 reuse, drift against the curated record
// and the previous check, a log line per problem). An in-memory store, no network.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "cli/crawl_recorder.h"
#include "tests/sql_trace.h"
#include "tests/store_test_data.h"
#include "tests/temp_tree.h"

using namespace linkhealth;
using namespace linkhealth::testdata;
using linkhealth::testing::read_file;

namespace {

// One crawl run over articles a (url_of(1)) and b (url_of(2)).
std::int64_t begin_crawl(Store& store) {
  const Source a = article("a", "Hospitals expand telehealth for rural care");
  const Source b = article("b", "Nurses trial a new triage app");
  const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", /*fresh=*/true);
  store.record_sources(run, {a, b}, {target_for(a, url_of(1)), target_for(b, url_of(2))});
  store.finish_sources(run);
  return run;
}

// The store's id of the target with this URL, as record_source_slice returns it.
std::int64_t id_of(Store& store, const std::string& url) {
  SQLite::Statement select(store.database(), "SELECT id FROM targets WHERE url = ?");
  select.bind(1, url);
  REQUIRE(select.executeStep());
  return select.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("plan asks for every cited target, skips what a resumed run has, records exclusions",
          "[cli][recorder]") {
  auto store = Store::open(":memory:");
  const std::int64_t run = begin_crawl(store);
  RunLog log;
  CrawlRecorder recorder(store, run, log);
  const TargetExclusions exclusions({}, {"news2.example.com"});
  const auto targets = recorder.plan({url_of(1)}, exclusions);
  CHECK(targets.empty());  // url_of(1) was checked before the resume, url_of(2) is excluded
  recorder.flush();
  const auto excluded = store.last_check(url_of(2));
  REQUIRE(excluded.has_value());
  CHECK(excluded->verdict == Verdict::Skipped);
  CHECK(excluded->error == "excluded");
  CHECK(recorder.verdicts().at(Verdict::Skipped) == 1);
}

TEST_CASE("plan and plan_slice carry the previous check's validators and final URL",
          "[cli][recorder]") {
  auto store = Store::open(":memory:");
  const std::int64_t first = begin_crawl(store);
  {
    RunLog log;
    CrawlRecorder recorder(store, first, log);
    CheckResult moved = result(url_of(1), Verdict::Redirected, "Hospitals expand telehealth");
    moved.etag = "\"v7\"";
    recorder.record(moved);
    recorder.flush();
  }
  store.finish_run(first, RunStatus::Done);
  const std::int64_t second = begin_crawl(store);
  RunLog log;
  CrawlRecorder recorder(store, second, log);
  const auto targets = recorder.plan({}, TargetExclusions());
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].request_url == url_of(1));
  CHECK(targets[0].etag == "\"v7\"");
  CHECK(targets[0].final_url == url_of(1) + "/moved");
  CHECK(targets[1].etag.empty());  // never checked
  // The same a slice at a time: each target once, whichever slices cite it.
  CrawlRecorder sliced(store, second, log);
  const auto one = sliced.plan_slice({id_of(store, url_of(1))}, {}, TargetExclusions(), {});
  REQUIRE(one.size() == 1);
  CHECK(one[0].etag == "\"v7\"");
  CHECK(one[0].final_url == url_of(1) + "/moved");
  const auto two = sliced.plan_slice({id_of(store, url_of(1)), id_of(store, url_of(2))}, {},
                                     TargetExclusions(), {});
  REQUIRE(two.size() == 1);
  CHECK(two[0].request_url == url_of(2));
  CHECK(sliced.planned() == 2);
}

TEST_CASE("record completes a 304, compares with the curated record and logs problems",
          "[cli][recorder]") {
  linkhealth::testing::TempTree tree;
  auto store = Store::open(":memory:");
  const std::int64_t first = begin_crawl(store);
  {
    RunLog log;
    CrawlRecorder recorder(store, first, log);
    recorder.record(result(url_of(1), Verdict::Ok, "Quarterly earnings of a retailer"));
    recorder.record(result(url_of(2), Verdict::Ok, "Nurses trial a new triage app"));
    recorder.flush();
  }
  store.finish_run(first, RunStatus::Done);

  const std::int64_t second = begin_crawl(store);
  const auto log_path = tree.root() / "crawl.log";
  {
    RunLog log(log_path.string());
    CrawlRecorder recorder(store, second, log);
    CheckResult not_modified;
    not_modified.request_url = url_of(1);
    not_modified.host = "news1.example.com";
    not_modified.http_status = 304;
    not_modified.not_modified = true;
    not_modified.verdict = Verdict::Ok;
    not_modified.error = "not modified since the last check";
    not_modified.checked_at = "2026-01-12T03:00:00Z";
    recorder.record(not_modified);
    recorder.record(result(url_of(2), Verdict::Broken));
    recorder.flush();
    CHECK(recorder.verdicts().at(Verdict::Ok) == 1);
    CHECK(recorder.verdicts().at(Verdict::Broken) == 1);
  }
  const auto records = store.targets(second);
  REQUIRE(records.size() == 2);
  const TargetRecord& kept = records[0].request_url == url_of(1) ? records[0] : records[1];
  // The 304 carries the page it confirms, the reason of that verdict (none), and the mismatch
  // with the curated title again; nothing changed against the previous check.
  CHECK(kept.not_modified);
  CHECK(kept.error.empty());
  REQUIRE(kept.page.has_value());
  CHECK(kept.page->title == "Quarterly earnings of a retailer");
  std::set<DriftKind> kinds;
  for (const Drift& d : kept.drift) {
    kinds.insert(d.kind);
    CHECK(d.slug == "a");
  }
  CHECK(kinds == std::set<DriftKind>{DriftKind::TitleMismatch, DriftKind::DescriptionMismatch});

  const std::string log_text = read_file(log_path);
  CHECK(log_text.find("broken 404 " + url_of(2) + " (from b)") != std::string::npos);
  CHECK(log_text.find(url_of(1)) == std::string::npos);  // only problems are logged
}

TEST_CASE("results are recorded in slices: a fixed number of reads per slice", "[cli][recorder]") {
  auto store = Store::open(":memory:");
  constexpr int kTargets = 450;  // three slices: 200, 200, 50
  const Source a = article("a", "Hospitals expand telehealth for rural care");
  std::vector<Target> targets;
  for (int i = 0; i < kTargets; ++i) targets.push_back(target_for(a, url_of(i)));
  auto crawl = [&](const std::string& at, int& selects) {
    const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", true);
    store.record_sources(run, {a}, targets);
    store.finish_sources(run);
    testing::StatementCounter counter(store.database());
    {
      RunLog log;
      CrawlRecorder recorder(store, run, log);
      for (const FetchTarget& t : recorder.plan({}, TargetExclusions())) {
        CheckResult r = result(t.request_url, Verdict::Ok, "A different headline", at);
        if (!t.etag.empty()) {  // the second week: every page answers 304
          r.not_modified = true;
          r.http_status = 304;
          r.page.reset();
        }
        recorder.record(std::move(r));
      }
      recorder.flush();
    }
    selects = counter.selects();
    store.finish_run(run, RunStatus::Done);
    return run;
  };
  int first_selects = 0;
  int second_selects = 0;
  crawl("2026-01-05T03:00:00Z", first_selects);
  const std::int64_t second = crawl("2026-01-12T03:00:00Z", second_selects);
  // The plan, three reads per slice and the writer's run kind; one read per result would be 450.
  CHECK(first_selects <= 1 + 3 * 3 + 1);
  CHECK(second_selects <= 1 + 3 * 3 + 1);
  const auto records = store.targets(second);
  REQUIRE(records.size() == kTargets);
  for (const TargetRecord& r : records) {
    INFO(r.request_url);
    CHECK(r.not_modified);
    REQUIRE(r.page.has_value());  // the page the 304 confirms
    CHECK(r.page->title == "A different headline");
    // The curated record still differs; nothing changed since the first week.
    std::set<DriftKind> kinds;
    for (const Drift& d : r.drift) kinds.insert(d.kind);
    CHECK(kinds == std::set<DriftKind>{DriftKind::TitleMismatch, DriftKind::DescriptionMismatch});
  }
}

TEST_CASE("the recorder tells what each check was compared with", "[cli][recorder]") {
  auto store = Store::open(":memory:");
  const std::int64_t first = begin_crawl(store);
  {
    RunLog log;
    CrawlRecorder recorder(store, first, log);
    recorder.record(
        result(url_of(1), Verdict::Ok, "Hospitals expand telehealth", "2026-01-05T03:00:00Z"));
  }  // what is still waiting is recorded when the recorder goes
  store.finish_run(first, RunStatus::Done);
  REQUIRE(store.last_check(url_of(1)).has_value());

  const std::int64_t second = begin_crawl(store);
  std::map<std::string, std::string> compared;
  RunLog log;
  CrawlRecorder recorder(
      store, second, log, [&](const CheckResult& check, const PriorState& prior) {
        compared[check.request_url] = prior.previous ? prior.previous->checked_at : "none";
      });
  recorder.record(result(url_of(1), Verdict::Broken));
  recorder.record(result(url_of(2), Verdict::Ok, "Nurses trial a new triage app"));
  CHECK(compared.empty());  // waiting for the slice
  recorder.flush();
  CHECK(compared == std::map<std::string, std::string>{{url_of(1), "2026-01-05T03:00:00Z"},
                                                       {url_of(2), "none"}});
}

TEST_CASE("a second result for a URL of the slice replaces the first", "[cli][recorder]") {
  auto store = Store::open(":memory:");
  const std::int64_t run = begin_crawl(store);
  RunLog log;
  CrawlRecorder recorder(store, run, log);
  recorder.record(result(url_of(1), Verdict::Ok, "Something else entirely"));
  CheckResult again = result(url_of(1), Verdict::Ok, "Hospitals expand telehealth for rural care");
  again.page->description = "About Hospitals expand telehealth for rural care";
  recorder.record(again);
  recorder.flush();
  const auto records = store.targets(run);
  REQUIRE(records.size() == 1);
  CHECK(records[0].page->title == "Hospitals expand telehealth for rural care");
  // The first result's mismatches went with it, and the second was compared with the first,
  // as if each had come in a slice of its own.
  std::set<DriftKind> kinds;
  for (const Drift& d : records[0].drift) kinds.insert(d.kind);
  CHECK(kinds == std::set<DriftKind>{DriftKind::TitleChanged, DriftKind::DescriptionChanged});
  CHECK(store.summary(run).drift_count == 2);
}

TEST_CASE("a held recorder keeps results off the store until it is opened", "[cli][recorder]") {
  auto store = Store::open(":memory:");
  const std::int64_t run = begin_crawl(store);
  linkhealth::testing::TempTree tree;
  RunLog log((tree.root() / "run.log").string());
  CrawlRecorder recorder(store, run, log);
  recorder.hold();
  const TargetExclusions excluded({}, {"news2.example.com"});
  CHECK(recorder.plan_slice({id_of(store, url_of(2))}, {}, excluded, {}).empty());
  recorder.record(result(url_of(1), Verdict::Broken));
  recorder.flush_if_due();
  recorder.flush();
  CHECK_FALSE(store.last_check(url_of(1)).has_value());
  CHECK_FALSE(store.last_check(url_of(2)).has_value());
  CHECK(read_file(tree.root() / "run.log").empty());
  recorder.open();
  recorder.flush();
  REQUIRE(store.last_check(url_of(1)).has_value());
  CHECK(store.last_check(url_of(1))->verdict == Verdict::Broken);
  REQUIRE(store.last_check(url_of(2)).has_value());
  CHECK(store.last_check(url_of(2))->error == "excluded");
  CHECK_THAT(read_file(tree.root() / "run.log"), Catch::Contains(url_of(1)));
}
