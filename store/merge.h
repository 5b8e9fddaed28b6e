#pragma once
// `linkhealth merge`: the shards of one week's crawl (crawl --shard K/N, each in its own
// database) folded into one store, as one run, so `report` and `fix` read it as they read a
// crawl made on one machine. Each shard's checks keep the history its own database computed
// (a host always falls in the same shard, so that history is the target's whole history);
// the content, which every shard scanned alike, comes from shard 0.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace linkhealth {

/// The shards cannot be merged (the message names the databases); nothing was written.
class MergeRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MergeOutcome {
  std::int64_t run_id = 0;      ///< the merged run in the target database
  bool already_merged = false;  ///< these shard runs were merged before: nothing written
  std::string week;             ///< ISO week of the crawl, "2026-W49"
  std::int64_t checks = 0;
  std::int64_t shards = 0;
};

/// Merges the newest crawl of every database in `shards` into `into` (created when missing)
/// in one transaction. Throws MergeRefused per store/shard_runs.h, or when `into` already holds
/// one of these shard runs in another merge, or a crawl that started later; std::runtime_error
/// on I/O errors.
MergeOutcome merge_shards(const std::filesystem::path& into,
                          const std::vector<std::filesystem::path>& shards);

}  // namespace linkhealth
