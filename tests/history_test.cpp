#include <catch2/catch.hpp>

#include "store/history.h"

using namespace linkhealth;

TEST_CASE("a failure is confirmed after confirm_runs consecutive failing crawls",
          "[store][history]") {
  auto first = next_history(std::nullopt, Verdict::Broken, RunKind::Crawl, "2026-01-01", 2);
  CHECK(first.failures == 1);
  CHECK(first.broken_since == "2026-01-01");
  CHECK_FALSE(first.confirmed);
  auto second = next_history(first, Verdict::Timeout, RunKind::Crawl, "2026-01-08", 2);
  CHECK(second.failures == 2);
  CHECK(second.broken_since == "2026-01-01");
  CHECK(second.confirmed);
  auto three = next_history(second, Verdict::Broken, RunKind::Crawl, "2026-01-15", 3);
  CHECK(three.confirmed);  // stays confirmed
  auto fixed = next_history(three, Verdict::Ok, RunKind::Crawl, "2026-01-22", 2);
  CHECK(fixed.failures == 0);
  CHECK(fixed.broken_since.empty());
  CHECK_FALSE(fixed.confirmed);
}

TEST_CASE("a failing ad-hoc recheck confirms at once", "[store][history]") {
  auto crawl = next_history(std::nullopt, Verdict::Broken, RunKind::Crawl, "2026-01-01", 5);
  CHECK_FALSE(crawl.confirmed);
  auto recheck = next_history(crawl, Verdict::Broken, RunKind::Check, "2026-01-02", 5);
  CHECK(recheck.confirmed);
  // A first-ever failing `check` is not a recheck.
  auto adhoc = next_history(std::nullopt, Verdict::Broken, RunKind::Check, "2026-01-02", 5);
  CHECK_FALSE(adhoc.confirmed);
  CHECK(next_history(std::nullopt, Verdict::Broken, RunKind::Crawl, "x", 1).confirmed);
}

TEST_CASE("blocked and skipped checks neither extend nor reset a streak", "[store][history]") {
  auto first = next_history(std::nullopt, Verdict::Broken, RunKind::Crawl, "2026-01-01", 2);
  auto blocked = next_history(first, Verdict::Blocked, RunKind::Crawl, "2026-01-08", 2);
  CHECK(blocked.failures == 1);
  CHECK(blocked.broken_since == "2026-01-01");
  auto skipped = next_history(blocked, Verdict::Skipped, RunKind::Crawl, "2026-01-15", 2);
  CHECK(skipped.failures == 1);
  auto again = next_history(skipped, Verdict::Broken, RunKind::Crawl, "2026-01-22", 2);
  CHECK(again.failures == 2);
  CHECK(again.confirmed);
  CHECK(next_history(std::nullopt, Verdict::Blocked, RunKind::Crawl, "x", 2).failures == 0);
}
