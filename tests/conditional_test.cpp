// Conditional requests: the check a 304 is completed from.
#include <catch2/catch.hpp>

#include "store/conditional.h"
#include "store/store.h"
#include "store_test_data.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

TEST_CASE("the last informative check skips uninformative ones and feeds a 304",
          "[store][conditional]") {
  auto store = Store::open(":memory:");
  std::int64_t r1 = store.begin_run(RunKind::Crawl, "{}", false);
  auto full = result(url_of(1), Verdict::Ok, "The title");
  store.record_check(r1, full, {});
  store.finish_run(r1, RunStatus::Done);
  std::int64_t r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Blocked), {});
  store.finish_run(r2, RunStatus::Done);

  CHECK(store.last_check(url_of(1))->verdict == Verdict::Blocked);
  auto previous = store.last_check(url_of(1), true);
  REQUIRE(previous.has_value());
  CHECK(previous->run_id == r1);
  CHECK(previous->etag == full.etag);
  CHECK(previous->last_modified == full.last_modified);
  CHECK_FALSE(store.last_check(url_of(9), true).has_value());

  CheckResult answer;
  answer.request_url = url_of(1);
  answer.host = full.host;
  answer.http_status = 304;
  answer.not_modified = true;
  answer.checked_at = "2026-01-19T03:00:00Z";
  auto reused = reuse_not_modified(answer, *previous);
  CHECK(reused.verdict == Verdict::Ok);
  CHECK(reused.http_status == 304);
  CHECK(reused.page->title == "The title");
  CHECK(reused.etag == full.etag);
  CHECK(reused.checked_at == "2026-01-19T03:00:00Z");
  std::int64_t r3 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r3, reused, {});
  store.finish_run(r3, RunStatus::Done);
  CHECK(store.last_check(url_of(1), true)->not_modified);
}
