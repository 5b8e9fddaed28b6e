#pragma once
// What recording a target's new check needs from before it: its last informative check (the
// drift baseline, and the check a 304 confirms), the history the new check continues, and the
// references with the curated records drift compares. A crawl reads it for a slice of results
// at a time, three statements for the slice, instead of several statements per result.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/citing_ref.h"
#include "store/history.h"
#include "store/records.h"

namespace linkhealth {

struct PriorState {
  PriorHistory history;                 ///< what the write continues (check_writer.h)
  std::optional<CheckRecord> previous;  ///< last informative check, any run (is_informative)
  std::vector<CitingRef> citing;        ///< by file, then in the order the scan found them
};

/// The statements, prepared once per connection.
class PriorStateReader {
 public:
  explicit PriorStateReader(SQLite::Database& db);

  /// One PriorState per URL, in the order of `urls`, for checks about to be recorded in run
  /// `run_id`. A URL the store does not know gets an empty state.
  std::vector<PriorState> read(std::int64_t run_id, const std::vector<std::string>& urls);
  /// The history part alone, for one URL.
  PriorHistory history(std::int64_t run_id, const std::string& url);

 private:
  void read_history(std::int64_t run_id, const std::string& urls_json,
                    std::vector<PriorState>& out);

  SQLite::Statement history_;
  SQLite::Statement previous_;
  SQLite::Statement citing_;
};

/// `urls` as a JSON array for SQLite's json_each, byte for byte: SQLite keeps the bytes of a
/// JSON string as they are, so a URL that is not valid UTF-8 still matches itself.
std::string sql_json_array(const std::vector<std::string>& urls);

}  // namespace linkhealth
