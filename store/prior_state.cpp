#include "store/prior_state.h"

#include <cstdio>

#include <SQLiteCpp/Column.h>

#include "store/check_codec.h"
#include "store/content_index.h"
#include "store/drift.h"

namespace linkhealth {
namespace {

// Every statement reads the slice's URLs from one bound JSON array (?1): w.key is a URL's
// index in it.
constexpr const char* kSlice = " FROM json_each(?1) AS w JOIN targets ON targets.url = w.value ";

// The newest check of another run continues the history; one of this run means the target is
// being recorded again (a replaced check, whose drift goes with it).
std::string history_sql() {
  return std::string(
             "SELECT w.key, targets.id, h.id IS NOT NULL, h.failures, "
             "coalesce(h.broken_since, ''), h.confirmed, EXISTS (SELECT 1 FROM checks c "
             "WHERE c.run_id = ?2 AND c.target_id = targets.id)") +
         kSlice +
         "LEFT JOIN checks h ON h.id = (SELECT max(c.id) FROM checks c "
         "WHERE c.target_id = targets.id AND c.run_id <> ?2)";
}

std::string previous_sql() {
  return "SELECT w.key, " + record_columns() + kSlice +
         "JOIN checks ON checks.id = (SELECT max(c.id) FROM checks c "
         "WHERE c.target_id = targets.id AND c.verdict IN (" +
         verdict_list(is_informative) + ")) JOIN runs ON runs.id = checks.run_id";
}

std::string citing_sql() {
  return std::string("SELECT w.key, ") + kRefColumns + kSlice +
         "JOIN refs ON refs.target_id = targets.id JOIN sources ON sources.id = refs.source_id "
         "ORDER BY w.key, sources.file, refs.id";
}

// Resets a statement when its read ends, however it ends: no read holds a snapshot between
// slices, and the next one starts clean after an error.
class ReadGuard {
 public:
  explicit ReadGuard(SQLite::Statement& s) : s_(s) { s_.tryReset(); }
  ~ReadGuard() { s_.tryReset(); }
  ReadGuard(const ReadGuard&) = delete;
  ReadGuard& operator=(const ReadGuard&) = delete;

 private:
  SQLite::Statement& s_;
};

std::size_t key_of(SQLite::Statement& row) {
  return static_cast<std::size_t>(row.getColumn(0).getInt64());
}

}  // namespace

std::string sql_json_array(const std::vector<std::string>& urls) {
  std::string out = "[";
  for (const std::string& url : urls) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : url) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
        out += escaped;
      } else {
        out += c;
      }
    }
    out += '"';
  }
  return out + "]";
}

PriorStateReader::PriorStateReader(SQLite::Database& db)
    : history_(db, history_sql()), previous_(db, previous_sql()), citing_(db, citing_sql()) {}

void PriorStateReader::read_history(std::int64_t run_id, const std::string& urls_json,
                                    std::vector<PriorState>& out) {
  ReadGuard guard(history_);
  history_.bindNoCopy(1, urls_json);
  history_.bind(2, run_id);
  while (history_.executeStep()) {
    PriorHistory& h = out[key_of(history_)].history;
    h.target_id = history_.getColumn(1).getInt64();
    if (history_.getColumn(2).getInt() != 0) {
      h.last = HistoryState{history_.getColumn(3).getInt(), history_.getColumn(4).getString(),
                            history_.getColumn(5).getInt() != 0};
    }
    h.rechecked = history_.getColumn(6).getInt() != 0;
  }
}

std::vector<PriorState> PriorStateReader::read(std::int64_t run_id,
                                               const std::vector<std::string>& urls) {
  std::vector<PriorState> out(urls.size());
  if (urls.empty()) return out;
  const std::string urls_json = sql_json_array(urls);
  read_history(run_id, urls_json, out);
  {
    ReadGuard guard(previous_);
    previous_.bindNoCopy(1, urls_json);
    while (previous_.executeStep()) out[key_of(previous_)].previous = read_record(previous_, 1);
  }
  ReadGuard guard(citing_);
  citing_.bindNoCopy(1, urls_json);
  while (citing_.executeStep()) out[key_of(citing_)].citing.push_back(read_ref(citing_, 1));
  return out;
}

PriorHistory PriorStateReader::history(std::int64_t run_id, const std::string& url) {
  std::vector<PriorState> one(1);
  read_history(run_id, sql_json_array({url}), one);
  return one.front().history;
}

}  // namespace linkhealth
