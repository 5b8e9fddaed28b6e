#include "store/fix_evidence.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>

#include "store/check_codec.h"
#include "store/content_index.h"
#include "store/statement_rows.h"

namespace linkhealth {
namespace {

using RunSlots = std::vector<std::optional<CheckResult>>;

/// The newest `count` finished crawls, newest first.
std::vector<std::int64_t> last_done_crawls(SQLite::Database& db, int count) {
  SQLite::Statement s(db,
                      "SELECT id FROM runs WHERE kind = 'crawl' AND status = 'done' "
                      "ORDER BY id DESC LIMIT ?");
  s.bind(1, count);
  return all_rows(s, [](SQLite::Statement& row) { return row.getColumn(0).getInt64(); });
}

/// The checks in `runs` that match `condition` (SQL over `checks`, a fixed text), by request
/// URL, one slot per run in the order of `runs`. A target the first run has no such check of
/// has no say, so it is left out.
std::map<std::string, RunSlots> checks_by_run(SQLite::Database& db,
                                              const std::vector<std::int64_t>& runs,
                                              const char* condition) {
  std::map<std::string, RunSlots> out;
  SQLite::Statement s(db, std::string("SELECT targets.url, targets.host, ") + kCheckColumns +
                              " FROM checks JOIN targets ON targets.id = checks.target_id "
                              "WHERE checks.run_id = ? AND " +
                              condition);
  for (std::size_t slot = 0; slot < runs.size(); ++slot) {
    s.bind(1, runs[slot]);
    while (s.executeStep()) {
      std::string url = s.getColumn(0).getString();
      auto it = out.find(url);
      if (it == out.end()) {
        if (slot > 0) continue;
        it = out.emplace(url, RunSlots(runs.size())).first;
      }
      CheckResult& check = it->second[slot].emplace();
      check.request_url = std::move(url);
      check.host = s.getColumn(1).getString();
      read_check(s, 2, check);
    }
    s.reset();
  }
  return out;
}

void add_refs(SQLite::Database& db, const std::string& url, FixEvidence& evidence) {
  if (evidence.refs.count(url) > 0) return;
  SQLite::Statement s(db, std::string("SELECT ") + kRefColumns +
                              " FROM refs JOIN sources ON sources.id = refs.source_id "
                              "JOIN targets ON targets.id = refs.target_id "
                              "WHERE targets.url = ? ORDER BY sources.file, refs.field");
  s.bind(1, url);
  evidence.refs[url] = all_rows(s, [](SQLite::Statement& row) { return read_ref(row, 0); });
}

}  // namespace

FixEvidence load_fix_evidence(SQLite::Database& db, int confirm_runs) {
  FixEvidence evidence;
  const std::vector<std::int64_t> runs = last_done_crawls(db, std::max(confirm_runs, 2));
  if (static_cast<int>(runs.size()) >= confirm_runs) {
    const std::vector<std::int64_t> confirming(runs.begin(), runs.begin() + confirm_runs);
    // Only a page reached through redirects can prove a move.
    const auto redirected = checks_by_run(
        db, confirming, "checks.redirects <> '[]' AND checks.verdict IN ('ok', 'redirected')");
    for (const auto& [url, checks] : redirected) {
      if (auto move = confirmed_redirect(checks)) evidence.redirects.emplace(url, std::move(*move));
    }
  }
  if (runs.size() >= 2) {
    const auto relocated =
        checks_by_run(db, {runs[0], runs[1]}, "checks.replacement_url IS NOT NULL");
    for (const auto& [url, both] : relocated) {
      // A reference, not the binding, for the lambda: clang 14 cannot capture a structured
      // binding (C++20 allows it).
      const auto& checks = both;
      const auto replacement = [&](std::size_t slot) {
        return checks[slot] ? checks[slot]->repair.replacement : std::nullopt;
      };
      if (auto found = confirmed_relocation(replacement(0), replacement(1))) {
        evidence.relocations.emplace(url, std::move(*found));
      }
    }
  }
  SQLite::Statement tracked(
      db,
      "SELECT DISTINCT sources.file FROM refs "
      "JOIN sources ON sources.id = refs.source_id WHERE refs.removed <> '[]'");
  for (std::string& file :
       all_rows(tracked, [](SQLite::Statement& row) { return row.getColumn(0).getString(); })) {
    evidence.tracking_files.insert(std::move(file));
  }
  for (const auto& entry : evidence.redirects) add_refs(db, entry.first, evidence);
  for (const auto& entry : evidence.relocations) add_refs(db, entry.first, evidence);
  return evidence;
}

}  // namespace linkhealth
