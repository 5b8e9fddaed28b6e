#pragma once
// Which notifications a crawl sent, so a run is announced once: a crawl that is resumed, or
// run again on a finished run's database state, never sends the same news twice. The run's
// notices are claimed (one row per channel) before anything is sent; a process that dies
// while sending leaves the claim, and the message is not repeated: a missed message costs
// less than a duplicate in every editor's inbox.

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace linkhealth {

/// One channel of a run's notification.
struct NoticeRecord {
  std::string channel;     ///< "webhook https://hooks.example/…", "mail a@example.org"
  bool attempted = false;  ///< false: claimed, never finished (the process died)
  std::string error;       ///< why delivery failed, "" when it was delivered
  std::string at;          ///< ISO 8601 UTC of the claim, then of the attempt
};

/// Claims the notification of `run_id` for `channels` in one transaction: true when the run
/// had no notification yet (the caller sends), false when one was claimed before.
bool claim_notices(SQLite::Database& db, std::int64_t run_id,
                   const std::vector<std::string>& channels);

/// Records the outcome of one claimed channel ("" error = delivered).
void record_notice(SQLite::Database& db, std::int64_t run_id, const std::string& channel,
                   const std::string& error);

/// The run's notices in claim order.
std::vector<NoticeRecord> run_notices(SQLite::Database& db, std::int64_t run_id);

/// Sums over the checks of a run: what the crawl cost on the wire.
struct RunTraffic {
  std::int64_t requests = 0;  ///< HTTP requests, retries and redirect hops included
  std::int64_t bytes = 0;     ///< body bytes received (after decompression)
};

RunTraffic run_traffic(SQLite::Database& db, std::int64_t run_id);

}  // namespace linkhealth
