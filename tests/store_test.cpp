#include <catch2/catch.hpp>

#include <algorithm>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "store/conditional.h"
#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

std::int64_t committed_checks(const std::filesystem::path& db_path) {
  SQLite::Database reader(db_path.string(), SQLite::OPEN_READONLY, 5000);
  return reader.execAndGet("SELECT count(*) FROM checks").getInt64();
}

}  // namespace

TEST_CASE("a crawl records sources, refs, findings, checks and drift", "[store]") {
  auto store = Store::open(":memory:");
  auto a = article("interop", "5 Steps for Interoperability Excellence");
  auto b = article("lawsuits", "10 latest lawsuits involving hospitals", "/communities/legal/");
  std::int64_t run = store.begin_run(RunKind::Crawl, R"({"concurrency":8})", false);
  store.record_sources(run, {a, b}, {target_for(a, url_of(1)), target_for(b, url_of(2))});
  store.record_findings(run, {{"no_url", "empty", "curated/empty.md", "link.href", "no URL", 4}});

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
  CHECK(first.check.result.request_url == url_of(1));
  CHECK(first.check.result.final_url == ok.final_url);
  REQUIRE(first.check.result.redirects.size() == 2);
  CHECK(first.check.result.redirects[0].status == 301);
  CHECK(first.check.result.etag == ok.etag);
  REQUIRE(first.check.result.page.has_value());
  CHECK(first.check.result.page->title == ok.page->title);
  CHECK(first.check.result.page->signals == std::vector<std::string>{"article"});
  REQUIRE(first.refs.size() == 1);
  CHECK(first.refs[0].slug == "interop");
  CHECK(first.refs[0].title == a.title);
  CHECK(first.refs[0].removed == std::vector<std::string>{"fragment #.X88gt1UzbIU (AddThis)"});
  REQUIRE(first.drift.size() == 1);
  CHECK(to_string(first.drift[0].kind) == "canonical_mismatch");

  auto problems = store.targets(run, {true, "", "", ""});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].check.result.verdict == Verdict::Broken);
  CHECK(problems[0].check.history.failures == 1);
  CHECK(problems[0].check.history.broken_since == "2026-01-05T03:00:00Z");
  CHECK(store.targets(run, {false, "", "/communities/legal/", ""}).size() == 1);
  CHECK(store.targets(run, {false, "redirected", "", ""}).size() == 1);
  CHECK(store.targets(run, {false, "", "", "news2.example.com"}).size() == 1);
  CHECK(store.targets(run, {true, "", "/communities/chronic-care-management/", ""}).empty());

  auto groups = store.problem_groups(run);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].community == "/communities/legal/");
  CHECK(groups[0].host == "news2.example.com");
  CHECK(groups[0].verdict == "broken");
  CHECK(groups[0].targets == 1);

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

TEST_CASE("new and fixed between crawls follow --confirm-runs", "[store][history]") {
  auto store = Store::open(":memory:");
  auto s = article("a", "A");
  std::vector<Target> targets{target_for(s, url_of(1)), target_for(s, url_of(2)),
                              target_for(s, url_of(3))};
  auto crawl = [&](Verdict v1, Verdict v2, Verdict v3, const std::string& at) {
    std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(run, {s}, targets);
    store.record_check(run, result(url_of(1), v1, "t", at), {});
    store.record_check(run, result(url_of(2), v2, "t", at), {});
    store.record_check(run, result(url_of(3), v3, "t", at), {});
    store.finish_run(run, RunStatus::Done);
    return run;
  };
  auto urls = [](const std::vector<TargetRecord>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.check.result.request_url);
    return out;
  };

  auto r1 = crawl(Verdict::Broken, Verdict::Ok, Verdict::Broken, "2026-01-05T03:00:00Z");
  CHECK(store.new_problems(r1).empty());  // one failing run is not yet "broken"
  auto r2 = crawl(Verdict::Broken, Verdict::Timeout, Verdict::Ok, "2026-01-12T03:00:00Z");
  CHECK(r2 != r1);
  CHECK(urls(store.new_problems(r2)) == std::vector<std::string>{url_of(1)});
  CHECK(urls(store.fixed(r2)) == std::vector<std::string>{url_of(3)});
  auto r3 = crawl(Verdict::Broken, Verdict::Timeout, Verdict::Ok, "2026-01-19T03:00:00Z");
  CHECK(urls(store.new_problems(r3)) == std::vector<std::string>{url_of(2)});
  CHECK(store.fixed(r3).empty());
  CHECK(store.summary(r3).previous->id == r2);

  auto last = store.last_check(url_of(1));
  REQUIRE(last.has_value());
  CHECK(last->history.failures == 3);
  CHECK(last->history.broken_since == "2026-01-05T03:00:00Z");
  CHECK(last->history.confirmed);

  auto history = store.timeline(url_of(1));
  REQUIRE(history.size() == 3);
  CHECK(history[0].check.run_id == r1);
  CHECK(history[2].check.run_id == r3);
  CHECK(store.timeline("a").size() == 9);  // the slug refers to all three targets
  CHECK(store.timeline("nope").empty());
}

TEST_CASE("a failing ad-hoc recheck confirms before --confirm-runs crawls", "[store][history]") {
  auto store = Store::open(":memory:", {200, std::chrono::milliseconds(1000), 3});
  auto s = article("a", "A");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {s}, {target_for(s, url_of(1))});
  store.record_check(r1, result(url_of(1), Verdict::Broken), {});
  store.finish_run(r1, RunStatus::Done);

  std::int64_t check = store.begin_run(RunKind::Check, "{}", false);
  store.record_check(check, result(url_of(1), Verdict::Broken), {});
  store.finish_run(check, RunStatus::Done);

  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Broken), {});
  store.finish_run(r2, RunStatus::Done);
  // Only two failing crawls (< 3), but the recheck confirmed it.
  REQUIRE(store.new_problems(r2).size() == 1);
  CHECK(store.new_problems(r2)[0].check.history.failures == 3);
  CHECK(store.latest_run(RunKind::Check)->id == check);
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

TEST_CASE("checks are committed in batches", "[store][batch]") {
  TempDir dir;
  auto path = dir / "links.db";
  auto store = Store::open(path, {3, std::chrono::hours(1), 2});
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(run, result(url_of(1), Verdict::Ok, "t"), {});
  store.record_check(run, result(url_of(2), Verdict::Ok, "t"), {});
  CHECK(committed_checks(path) == 0);
  CHECK(store.checked_urls(run).size() == 2);  // the writer sees its open batch
  store.record_check(run, result(url_of(3), Verdict::Ok, "t"), {});
  CHECK(committed_checks(path) == 3);
  store.record_check(run, result(url_of(4), Verdict::Ok, "t"), {});
  store.flush_if_due();  // an hour has not passed
  CHECK(committed_checks(path) == 3);
  store.flush();
  CHECK(committed_checks(path) == 4);
  CHECK(store.run(run)->check_count == 4);

  auto eager = Store::open(dir / "eager.db", {200, std::chrono::milliseconds(0), 2});
  std::int64_t r = eager.begin_run(RunKind::Crawl, "{}", false);
  eager.record_check(r, result(url_of(1), Verdict::Ok, "t"), {});
  CHECK(committed_checks(dir / "eager.db") == 1);  // interval elapsed: committed at once
}

TEST_CASE("previous_check skips uninformative checks and feeds a 304", "[store][conditional]") {
  auto store = Store::open(":memory:");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  auto full = result(url_of(1), Verdict::Ok, "The title");
  store.record_check(r1, full, {});
  store.finish_run(r1, RunStatus::Done);
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Blocked), {});
  store.finish_run(r2, RunStatus::Done);

  CHECK(store.last_check(url_of(1))->result.verdict == Verdict::Blocked);
  auto previous = store.previous_check(url_of(1));
  REQUIRE(previous.has_value());
  CHECK(previous->run_id == r1);
  CHECK(previous->result.etag == full.etag);
  CHECK(previous->result.last_modified == full.last_modified);
  CHECK_FALSE(store.previous_check(url_of(9)).has_value());

  CheckResult answer;
  answer.request_url = url_of(1);
  answer.host = full.host;
  answer.http_status = 304;
  answer.not_modified = true;
  answer.checked_at = "2026-01-19T03:00:00Z";
  auto reused = reuse_not_modified(answer, previous->result);
  CHECK(reused.verdict == Verdict::Ok);
  CHECK(reused.http_status == 304);
  CHECK(reused.page->title == "The title");
  CHECK(reused.etag == full.etag);
  CHECK(reused.checked_at == "2026-01-19T03:00:00Z");
  std::int64_t r3 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r3, reused, {});
  store.finish_run(r3, RunStatus::Done);
  CHECK(store.previous_check(url_of(1))->result.not_modified);
}

TEST_CASE("record_sources keeps sources current and prunes refs of removed files",
          "[store][content]") {
  auto store = Store::open(":memory:");
  auto a = article("a", "A title");
  auto b = article("b", "B title");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {a, b}, {target_for(a, url_of(1)), target_for(b, url_of(2))});
  store.finish_run(r1, RunStatus::Done);
  auto& db = store.database();
  std::string hash_before = db.execAndGet("SELECT content_hash FROM sources WHERE slug = 'a'");

  a.title = "A title, edited";
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r2, {a}, {target_for(a, url_of(1))});  // b.md was deleted
  CHECK(db.execAndGet("SELECT content_hash FROM sources WHERE slug = 'a'").getString() !=
        hash_before);
  CHECK(db.execAndGet("SELECT first_seen_run FROM sources WHERE slug = 'a'").getInt64() == r1);
  CHECK(db.execAndGet("SELECT last_seen_run FROM sources WHERE slug = 'a'").getInt64() == r2);
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 1);  // replaced, b's pruned
  CHECK(db.execAndGet("SELECT count(*) FROM sources").getInt() == 2);
  CHECK(store.run(r2)->target_count == 1);

  // An ad-hoc check records its one source without pruning the others.
  std::int64_t check = store.begin_run(RunKind::Check, "{}", false);
  store.record_sources(check, {b}, {target_for(b, url_of(2))});
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 2);

  CHECK_THROWS_AS(store.record_sources(check, {}, {target_for(a, url_of(1))}),
                  std::invalid_argument);
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 2);  // rolled back
}

TEST_CASE("open_existing refuses a missing file", "[store]") {
  TempDir dir;
  CHECK_THROWS_WITH(Store::open_existing(dir / "missing.db"), Catch::Contains("missing.db"));
  CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  Store::open(dir / "links.db");
  CHECK_NOTHROW(Store::open_existing(dir / "links.db"));
}

TEST_CASE("recording a target twice in one run replaces its check and drift", "[store]") {
  auto store = Store::open(":memory:");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r1, result(url_of(1), Verdict::Broken), {});
  store.finish_run(r1, RunStatus::Done);
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Broken),
                     {{DriftKind::VerdictChanged, "", "ok", "broken", 0.0}});
  store.record_check(r2, result(url_of(1), Verdict::Broken), {});
  store.finish_run(r2, RunStatus::Done);
  auto records = store.targets(r2);
  REQUIRE(records.size() == 1);
  CHECK(records[0].drift.empty());
  CHECK(records[0].check.history.failures == 2);  // continues r1's streak, counted once
  CHECK(store.run(r2)->check_count == 1);
  CHECK(store.summary(r2).drift_count == 0);
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
  REQUIRE_FALSE(store.previous_check(url_of(1)).has_value());
  store.record_check(r1, first, compute_drift(first, {source}, nullptr));
  store.finish_run(r1, RunStatus::Done);
  CHECK(store.summary(r1).drift_count == 0);

  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  auto second = result(url_of(1), Verdict::Ok, "Subscribe to our newsletter | HIT Consultant");
  second.page->description = first.page->description;
  auto baseline = store.previous_check(url_of(1));
  REQUIRE(baseline.has_value());
  store.record_check(r2, second, compute_drift(second, {source}, &baseline->result));
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

TEST_CASE("a crawl recorded in slices reads back its targets and citing refs", "[store][content]") {
  auto store = Store::open(":memory:");
  auto a = article("a", "A title");
  auto b = article("b", "B title");
  auto gone = article("gone", "Gone");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {gone}, {target_for(gone, url_of(3))});
  store.finish_run(r1, RunStatus::Done);

  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_findings(r2, {});
  // Two slices cite url_of(1): one target, with a ref from each.
  Target shared_b = target_for(b, url_of(1));
  shared_b.refs[0].field = "feed.feed_url";
  store.record_source_slice(r2, {a}, {target_for(a, url_of(1)), target_for(a, url_of(2))});
  store.append_findings(r2, {Finding{"no_url", "a", a.file, "link.original", "", 5}});
  store.record_source_slice(r2, {b}, {shared_b});
  store.append_findings(r2, {Finding{"whitespace", "b", b.file, "link.href", "", 7}});
  CHECK(store.finish_sources(r2) == 2);
  CHECK(store.run(r2)->target_count == 2);
  CHECK(store.findings(r2).size() == 2);
  auto& db = store.database();
  CHECK(db.execAndGet("SELECT count(*) FROM refs").getInt() == 3);  // gone.md's ref pruned

  const std::vector<ContentTarget> targets = store.content_targets(r2);
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].url == url_of(1));
  CHECK(targets[0].host == "news1.example.com");
  CHECK(targets[1].url == url_of(2));

  const std::vector<CitingRef> refs = store.citing_refs(url_of(1));
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].file == a.file);
  CHECK(refs[0].slug == "a");
  CHECK(refs[0].field == "link.href");
  CHECK(refs[0].title == "A title");
  CHECK(refs[0].description == "About A title");
  CHECK(refs[1].file == b.file);
  CHECK(refs[1].field == "feed.feed_url");
  CHECK(store.citing_refs(url_of(3)).empty());  // gone.md no longer cites it
}
