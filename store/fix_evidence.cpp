#include "store/fix_evidence.h"

#include <SQLiteCpp/Statement.h>

#include "store/check_codec.h"
#include "store/content_index.h"

namespace linkhealth {
namespace {

/// The newest `count` finished crawls, newest first.
std::vector<std::int64_t> last_done_crawls(SQLite::Database& db, int count) {
  SQLite::Statement s(db,
                      "SELECT id FROM runs WHERE kind = 'crawl' AND status = 'done' "
                      "ORDER BY id DESC LIMIT ?");
  s.bind(1, count);
  std::vector<std::int64_t> ids;
  while (s.executeStep()) ids.push_back(s.getColumn(0).getInt64());
  return ids;
}

/// Checks in `runs` that may prove a move (a 2xx after redirects), by request URL, one slot
/// per run in the order of `runs`.
std::map<std::string, std::vector<std::optional<CheckResult>>> redirected_checks(
    SQLite::Database& db, const std::vector<std::int64_t>& runs) {
  std::map<std::string, std::vector<std::optional<CheckResult>>> out;
  SQLite::Statement s(db, std::string("SELECT targets.url, targets.host, ") + kCheckColumns +
                              " FROM checks JOIN targets ON targets.id = checks.target_id "
                              "WHERE checks.run_id = ? AND checks.redirects <> '[]' "
                              "AND checks.verdict IN ('ok', 'redirected')");
  for (std::size_t slot = 0; slot < runs.size(); ++slot) {
    s.bind(1, runs[slot]);
    while (s.executeStep()) {
      CheckResult check;
      check.request_url = s.getColumn(0).getString();
      check.host = s.getColumn(1).getString();
      read_check(s, 2, check);
      auto& slots = out[check.request_url];
      // A target missing from the newest run has no say; skip it early.
      if (slots.empty() && slot > 0) continue;
      slots.resize(runs.size());
      slots[slot] = std::move(check);
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
  auto& refs = evidence.refs[url];
  while (s.executeStep()) refs.push_back(read_ref(s));
}

}  // namespace

std::map<std::string, std::pair<std::optional<Replacement>, std::optional<Replacement>>>
recorded_replacements(SQLite::Database&, std::int64_t, std::int64_t) {
  return {};
}

FixEvidence load_fix_evidence(SQLite::Database& db, int confirm_runs) {
  FixEvidence evidence;
  const std::vector<std::int64_t> runs = last_done_crawls(db, std::max(confirm_runs, 2));
  if (static_cast<int>(runs.size()) >= confirm_runs) {
    const std::vector<std::int64_t> confirming(runs.begin(), runs.begin() + confirm_runs);
    for (const auto& [url, checks] : redirected_checks(db, confirming)) {
      if (auto move = confirmed_redirect(checks)) evidence.redirects.emplace(url, std::move(*move));
    }
  }
  if (runs.size() >= 2) {
    for (const auto& [url, pair] : recorded_replacements(db, runs[0], runs[1])) {
      if (auto replacement = confirmed_relocation(pair.first, pair.second)) {
        evidence.relocations.emplace(url, std::move(*replacement));
      }
    }
  }
  for (const auto& entry : evidence.redirects) add_refs(db, entry.first, evidence);
  for (const auto& entry : evidence.relocations) add_refs(db, entry.first, evidence);
  return evidence;
}

}  // namespace linkhealth
