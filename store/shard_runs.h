#pragma once
// Which shard runs may become one merged run: the rules `linkhealth merge` checks before it
// writes anything. Pure: it sees only the runs' metadata, read by store/merge.cpp.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crawler/shard.h"
#include "store/run.h"

namespace linkhealth {

/// One shard database's newest crawl, as merge reads it.
struct ShardRun {
  std::filesystem::path db;
  RunInfo run;
  Shard shard;
  std::string content;  ///< fingerprint of the content the run recorded (store/merge.cpp)
};

/// "2026-W49": the ISO 8601 week of an ISO 8601 UTC time ("2026-12-07T06:00:00Z"); empty when
/// the text is no such time.
std::string iso_week(const std::string& utc_time);

/// Why these shard runs cannot be merged into one run, naming the databases; nullopt when they
/// can: every run finished, shards of one split (same N, each K once, none missing), one week,
/// the same content.
std::optional<std::string> merge_refusal(const std::vector<ShardRun>& runs);

}  // namespace linkhealth
