#pragma once
// What is read back of the content a run recorded, so a crawl can drop the scan before
// fetching: the targets to fetch (with the validators of their last informative check), and the
// references to a target with the curated records of the files they are in.

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "crawler/fetch_target.h"
#include "store/citing_ref.h"

namespace linkhealth {

/// The targets cited by the files run `run_id` saw (after finish_sources), by URL, each with
/// the ETag, Last-Modified and final URL of its last informative check (empty when none): one
/// statement for the whole run.
std::vector<FetchTarget> fetch_targets(SQLite::Database& db, std::int64_t run_id);
/// The same for the recorded targets with these ids (a crawl's slice), one statement.
std::vector<FetchTarget> fetch_targets(SQLite::Database& db,
                                       const std::vector<std::int64_t>& target_ids);

/// The columns read_ref expects, in order, for a query joining refs with sources.
extern const char* const kRefColumns;

/// One reference from a row selected with kRefColumns starting at column `first`.
CitingRef read_ref(SQLite::Statement& row, int first);

}  // namespace linkhealth
