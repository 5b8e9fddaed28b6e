// `linkhealth merge`: fold the databases of a sharded crawl (crawl --shard K/N) into one store.
// Exit codes: 0 merged (or already merged), 1 refused or failed, 3 usage.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "store/merge.h"

namespace linkhealth {

int run_merge(int argc, char** argv) {
  CLI::App app{
      "Merge the databases of one week's sharded crawl (crawl --shard K/N) into one store, "
      "as one run that `report` and `fix` read like any crawl",
      "linkhealth merge"};
  std::string into;
  std::vector<std::string> shards;
  app.add_option("--db", into, "the merged database (created when missing)")->required();
  app.add_option("shards", shards, "every shard's database, SHARD.db...")->required();
  if (const auto stop = parse_command_line(app, argc, argv)) return *stop;
  try {
    const MergeOutcome outcome =
        merge_shards(into, std::vector<std::filesystem::path>(shards.begin(), shards.end()));
    if (outcome.already_merged) {
      std::printf("%s: these shard runs are already run %lld (week %s); nothing to do\n",
                  into.c_str(), static_cast<long long>(outcome.run_id), outcome.week.c_str());
    } else {
      std::printf("%s: merged %lld shards of week %s as run %lld (%lld checks)\n", into.c_str(),
                  static_cast<long long>(outcome.shards), outcome.week.c_str(),
                  static_cast<long long>(outcome.run_id), static_cast<long long>(outcome.checks));
    }
    return static_cast<int>(ExitCode::Ok);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "linkhealth merge: %s\n", e.what());
    return static_cast<int>(ExitCode::RuntimeError);
  }
}

}  // namespace linkhealth
