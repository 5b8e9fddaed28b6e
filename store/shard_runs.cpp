#include "store/shard_runs.h"

#include <chrono>
#include <cstdio>
#include <map>

#include <fmt/format.h>

namespace linkhealth {

std::string iso_week(const std::string& utc_time) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (utc_time.size() < 10 || std::sscanf(utc_time.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    return "";
  }
  using namespace std::chrono;
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return "";
  // The ISO week belongs to the year of its Thursday.
  const sys_days today{date};
  const auto monday_offset = (weekday{today}.iso_encoding() - 1);
  const sys_days thursday = today - days{monday_offset} + days{3};
  const year_month_day thursday_date{thursday};
  const sys_days new_year{thursday_date.year() / January / 1};
  const auto week = (thursday - new_year).count() / 7 + 1;
  return fmt::format("{}-W{:02}", static_cast<int>(thursday_date.year()), week);
}

std::optional<std::string> merge_refusal(const std::vector<ShardRun>& runs) {
  if (runs.empty()) return "no shard databases given";
  for (const ShardRun& r : runs) {
    if (r.run.status != RunStatus::Done) {
      return fmt::format(
          "{}: its last crawl (run {}, shard {}) is {}, not finished; resume it with the same "
          "`linkhealth crawl --shard {}` before merging",
          r.db.string(), r.run.id, to_string(r.shard), to_string(r.run.status), to_string(r.shard));
    }
  }
  const ShardRun& first = runs.front();
  std::map<std::uint32_t, const ShardRun*> by_index;
  for (const ShardRun& r : runs) {
    if (r.shard.count != first.shard.count) {
      return fmt::format("{} is shard {} but {} is shard {}: not one split of the crawl",
                         first.db.string(), to_string(first.shard), r.db.string(),
                         to_string(r.shard));
    }
    const auto [it, added] = by_index.emplace(r.shard.index, &r);
    if (!added) {
      return fmt::format("{} and {} are both shard {}", it->second->db.string(), r.db.string(),
                         to_string(r.shard));
    }
    if (iso_week(r.run.started_at) != iso_week(first.run.started_at)) {
      return fmt::format("{} is a crawl of week {} but {} one of week {}", first.db.string(),
                         iso_week(first.run.started_at), r.db.string(), iso_week(r.run.started_at));
    }
    if (r.content != first.content) {
      return fmt::format("{} and {} crawled different content (the files changed between them)",
                         first.db.string(), r.db.string());
    }
  }
  for (std::uint32_t k = 0; k < first.shard.count; ++k) {
    if (by_index.count(k) == 0) {
      return fmt::format("shard {}/{} is missing: give every shard's database", k,
                         first.shard.count);
    }
  }
  return std::nullopt;
}

}  // namespace linkhealth
