// Which shard runs `merge` accepts: pure rules on the runs' metadata.
#include <catch2/catch.hpp>

#include "store/shard_runs.h"

using namespace linkhealth;

namespace {

ShardRun shard_run(std::uint32_t k, std::uint32_t n,
                   const std::string& started = "2026-12-07T03:00:00Z",
                   RunStatus status = RunStatus::Done, const std::string& content = "c1") {
  ShardRun r;
  r.db = "shard" + std::to_string(k) + ".db";
  r.run.id = 7;
  r.run.status = status;
  r.run.started_at = started;
  r.shard = Shard{k, n};
  r.content = content;
  return r;
}

}  // namespace

TEST_CASE("ISO weeks", "[merge]") {
  CHECK(iso_week("2026-12-07T06:00:00Z") == "2026-W50");
  CHECK(iso_week("2026-12-13T23:59:59Z") == "2026-W50");
  CHECK(iso_week("2026-12-14T00:00:00Z") == "2026-W51");
  // Week 1 holds the year's first Thursday: 2021-01-03 (a Sunday) is still 2020-W53.
  CHECK(iso_week("2021-01-03T12:00:00Z") == "2020-W53");
  CHECK(iso_week("2024-12-30T12:00:00Z") == "2025-W01");
  CHECK(iso_week("not a time").empty());
  CHECK(iso_week("2026-02-30T00:00:00Z").empty());
}

TEST_CASE("merge takes every shard of one split, finished, of one week and content", "[merge]") {
  CHECK_FALSE(merge_refusal({shard_run(0, 2), shard_run(1, 2)}).has_value());
  CHECK_FALSE(merge_refusal({shard_run(0, 1)}).has_value());
  // Monday and Sunday of one week.
  CHECK_FALSE(merge_refusal({shard_run(0, 2, "2026-12-07T00:00:00Z"),
                             shard_run(1, 2, "2026-12-13T23:00:00Z")})
                  .has_value());

  const auto refusal = [](const std::vector<ShardRun>& runs) {
    return merge_refusal(runs).value_or("");
  };
  CHECK(refusal({}) == "no shard databases given");
  CHECK_THAT(
      refusal({shard_run(0, 2), shard_run(1, 2, "2026-12-07T03:00:00Z", RunStatus::Interrupted)}),
      Catch::Contains("shard1.db: its last crawl (run 7, shard 1/2) is interrupted"));
  CHECK_THAT(
      refusal({shard_run(0, 2), shard_run(1, 2, "2026-12-07T03:00:00Z", RunStatus::Running)}),
      Catch::Contains("is running, not finished"));
  CHECK_THAT(refusal({shard_run(0, 2), shard_run(1, 3)}),
             Catch::Contains("shard0.db is shard 0/2 but shard1.db is shard 1/3"));
  CHECK_THAT(refusal({shard_run(1, 2), shard_run(1, 2)}), Catch::Contains("are both shard 1/2"));
  CHECK_THAT(refusal({shard_run(0, 3), shard_run(2, 3)}), Catch::Contains("shard 1/3 is missing"));
  CHECK_THAT(refusal({shard_run(0, 2), shard_run(1, 2, "2026-12-14T03:00:00Z")}),
             Catch::Contains("week 2026-W50 but shard1.db one of week 2026-W51"));
  CHECK_THAT(
      refusal({shard_run(0, 2), shard_run(1, 2, "2026-12-07T03:00:00Z", RunStatus::Done, "c2")}),
      Catch::Contains("crawled different content"));
}
