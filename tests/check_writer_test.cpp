// Store's batched check writes: commits in batches, one check per target and run.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "store/check_writer.h"
#include "store/schema.h"
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
  CHECK(records[0].history.failures == 2);  // continues r1's streak, counted once
  CHECK(store.run(r2)->check_count == 1);
  CHECK(store.summary(r2).drift_count == 0);
}

TEST_CASE("a target keeps its id once the writer's cache of ids has been cleared", "[store]") {
  SQLite::Database db = open_database(":memory:");
  CheckWriter writer(db, {});
  const std::int64_t first = writer.target_id(url_of(0), "example.org");
  for (std::size_t i = 1; i <= CheckWriter::kMaxCachedTargetIds + 1; ++i) {
    writer.target_id(url_of(static_cast<int>(i)), "example.org");
  }
  // A known URL is read, not written again (the upsert dirties a page even when unchanged).
  const int changes = db.getTotalChanges();
  CHECK(writer.target_id(url_of(0), "example.org") == first);
  CHECK(db.getTotalChanges() == changes);
  CHECK(db.execAndGet("SELECT count(*) FROM targets").getInt64() ==
        static_cast<std::int64_t>(CheckWriter::kMaxCachedTargetIds) + 2);
  // ... unless its host is recorded differently: then the row is brought up to date.
  CHECK(writer.target_id(url_of(1), "other.example.org") == first + 1);
  CHECK(db.execAndGet("SELECT host FROM targets WHERE id = " + std::to_string(first + 1))
            .getString() == "other.example.org");
}
